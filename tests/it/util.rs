//! What the test modules share: running the `targets` binary, the paths of
//! the fixtures, scratch folders, and small parsers for test values.

use std::ffi::{OsStr, OsString};
use std::io::{Read, Write};
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::{Duration, Instant};

use chrono::NaiveDate;
use rust_decimal::Decimal;

/// The crate root, where `Cargo.toml`, `targets/` and `tests/` are.
pub fn manifest_dir() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

/// `tests/fixtures/<relative>`, as an absolute path.
pub fn fixture(relative: &str) -> PathBuf {
    manifest_dir().join("tests/fixtures").join(relative)
}

/// The text of the seed newsletter (`tests/fixtures/newsletter_2025_05.txt`).
pub fn newsletter() -> String {
    std::fs::read_to_string(fixture("newsletter_2025_05.txt"))
        .expect("the newsletter text is in tests/fixtures")
}

/// A date written `YYYY-MM-DD`.
pub fn date(s: &str) -> NaiveDate {
    s.parse().unwrap_or_else(|e| panic!("test date {s:?}: {e}"))
}

/// A decimal written as text (`"0.95"`).
pub fn d(s: &str) -> Decimal {
    s.parse()
        .unwrap_or_else(|e| panic!("test decimal {s:?}: {e}"))
}

/// Copies the folder `from` to `to`, recursively.
pub fn copy_dir(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).unwrap_or_else(|e| panic!("{}: {e}", to.display()));
    for entry in std::fs::read_dir(from).unwrap_or_else(|e| panic!("{}: {e}", from.display())) {
        let entry = entry.expect("a readable folder entry");
        let target = to.join(entry.file_name());
        if entry.file_type().expect("file type").is_dir() {
            copy_dir(&entry.path(), &target);
        } else {
            std::fs::copy(entry.path(), &target)
                .unwrap_or_else(|e| panic!("{}: {e}", entry.path().display()));
        }
    }
}

/// The names of the entries of a folder, sorted.
pub fn folder_listing(dir: &Path) -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(dir)
        .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
        .map(|e| e.expect("entry").file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    names
}

/// A fresh, empty folder under the system's temporary folder, with a name of
/// its own (label, process, counter), removed with its content on drop.
pub struct TempDir(PathBuf);

impl TempDir {
    pub fn new(label: &str) -> TempDir {
        static NEXT: AtomicUsize = AtomicUsize::new(0);
        let dir = std::env::temp_dir().join(format!(
            "policy-targets-tests-{label}-{}-{}",
            std::process::id(),
            NEXT.fetch_add(1, Ordering::Relaxed)
        ));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(&dir).unwrap_or_else(|e| panic!("{}: {e}", dir.display()));
        TempDir(dir)
    }

    /// The folder itself.
    pub fn path(&self) -> &Path {
        &self.0
    }

    /// `<folder>/<relative>`.
    pub fn join(&self, relative: impl AsRef<Path>) -> PathBuf {
        self.0.join(relative)
    }
}

impl Drop for TempDir {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

/// A run of the `targets` binary to be made: its arguments, and optionally
/// another working folder (the crate root by default), standard input,
/// environment variables and a time limit.
pub struct Cli {
    args: Vec<OsString>,
    cwd: PathBuf,
    stdin: Vec<u8>,
    env: Vec<(OsString, OsString)>,
    limit: Option<Duration>,
}

/// A run of `targets` with `args`, from the crate root.
pub fn cli<I, S>(args: I) -> Cli
where
    I: IntoIterator<Item = S>,
    S: AsRef<OsStr>,
{
    Cli {
        args: args.into_iter().map(|a| a.as_ref().to_owned()).collect(),
        cwd: manifest_dir().to_owned(),
        stdin: Vec::new(),
        env: Vec::new(),
        limit: None,
    }
}

/// Runs `targets` with `args` from the crate root.
pub fn run(args: &[&str]) -> Run {
    cli(args).run()
}

impl Cli {
    /// Runs from `dir` instead of the crate root.
    pub fn cwd(mut self, dir: impl AsRef<Path>) -> Cli {
        self.cwd = dir.as_ref().to_owned();
        self
    }

    /// Gives `bytes` on standard input (empty by default).
    pub fn stdin(mut self, bytes: impl Into<Vec<u8>>) -> Cli {
        self.stdin = bytes.into();
        self
    }

    /// Sets an environment variable for the run.
    pub fn env(mut self, key: impl AsRef<OsStr>, value: impl AsRef<OsStr>) -> Cli {
        self.env
            .push((key.as_ref().to_owned(), value.as_ref().to_owned()));
        self
    }

    /// Kills the run after `limit` (see [`Cli::try_run`]).
    pub fn limit(mut self, limit: Duration) -> Cli {
        self.limit = Some(limit);
        self
    }

    /// Runs `targets` and waits for it; panics if it was killed.
    pub fn run(self) -> Run {
        self.try_run().unwrap_or_else(|e| panic!("{e}"))
    }

    /// Runs `targets`; an error when it ran longer than its limit.
    pub fn try_run(self) -> Result<Run, String> {
        let mut child = Command::new(env!("CARGO_BIN_EXE_targets"))
            .args(&self.args)
            .current_dir(&self.cwd)
            .envs(self.env.iter().map(|(k, v)| (k, v)))
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .expect("the targets binary starts");
        // Pipes are fed and drained by threads of their own, so that a full
        // pipe never blocks the program.
        let mut input = child.stdin.take().expect("piped standard input");
        let stdin = self.stdin;
        let writer = std::thread::spawn(move || {
            // The program may exit without reading it all.
            let _ = input.write_all(&stdin);
        });
        let mut out_pipe = child.stdout.take().expect("piped standard output");
        let mut err_pipe = child.stderr.take().expect("piped standard error");
        let out_reader = std::thread::spawn(move || {
            let mut bytes = Vec::new();
            out_pipe.read_to_end(&mut bytes).map(|_| bytes)
        });
        let err_reader = std::thread::spawn(move || {
            let mut bytes = Vec::new();
            err_pipe.read_to_end(&mut bytes).map(|_| bytes)
        });
        let start = Instant::now();
        let status = loop {
            if let Some(status) = child.try_wait().expect("waiting for targets") {
                break status;
            }
            if let Some(limit) = self.limit.filter(|l| start.elapsed() > *l) {
                let _ = child.kill();
                let _ = child.wait();
                return Err(format!(
                    "targets {:?} still running after {limit:?}",
                    self.args
                ));
            }
            std::thread::sleep(Duration::from_millis(5));
        };
        writer.join().expect("the standard input writer");
        let stdout = out_reader
            .join()
            .expect("the standard output reader")
            .expect("reading standard output");
        let stderr = err_reader
            .join()
            .expect("the standard error reader")
            .expect("reading standard error");
        Ok(Run {
            code: status.code(),
            stdout: String::from_utf8(stdout).expect("standard output is UTF-8"),
            stderr: String::from_utf8(stderr).expect("standard error is UTF-8"),
        })
    }
}

/// The outcome of one run of `targets`.
#[derive(Debug)]
pub struct Run {
    /// The exit code (`None` if a signal ended it).
    pub code: Option<i32>,
    pub stdout: String,
    pub stderr: String,
}

impl Run {
    /// Checks that it did not panic and exited 0; returns the run.
    pub fn ok(self) -> Run {
        assert!(!self.stderr.contains("panicked"), "{}", self.stderr);
        assert_eq!(self.code, Some(0), "standard error:\n{}", self.stderr);
        self
    }

    /// Checks a quiet success: exit 0 and nothing on standard error; returns
    /// standard output.
    pub fn succeeded(self) -> String {
        let run = self.ok();
        assert_eq!(run.stderr, "", "something on standard error");
        run.stdout
    }

    /// Checks a failure: no panic, exit `code`, nothing on standard output;
    /// returns standard error.
    pub fn fails_with(self, code: i32) -> String {
        assert!(!self.stderr.contains("panicked"), "{}", self.stderr);
        assert_eq!(self.code, Some(code), "standard error:\n{}", self.stderr);
        assert_eq!(self.stdout, "", "something on standard output");
        self.stderr
    }

    /// Checks a failed validation: [`Run::fails_with`] exit code 1.
    pub fn failed(self) -> String {
        self.fails_with(1)
    }

    /// Standard output as JSON, after checking that the run exited 0.
    pub fn json(self) -> serde_json::Value {
        let out = self.ok().stdout;
        serde_json::from_str(&out).unwrap_or_else(|e| panic!("{e}:\n{out}"))
    }

    /// With Windows path separators in standard error written as `/`, so
    /// that expected messages hold on every platform.
    pub fn forward_slashes(mut self) -> Run {
        if cfg!(windows) {
            self.stderr = self.stderr.replace('\\', "/");
        }
        self
    }
}

/// Standard output of a successful run of `targets` with `args`, as JSON.
pub fn json(args: &[&str]) -> serde_json::Value {
    run(args).json()
}

/// Standard output of a successful run of `targets` with `args`.
pub fn stdout(args: &[&str]) -> String {
    run(args).ok().stdout
}
