//! `targets`: the command-line tool over the `policy_targets` library.

use std::io::Write as _;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use clap::{Parser, Subcommand, ValueEnum};
use policy_targets::{Catalog, Errors, export};

/// Track, rank and compare quantitative policy targets.
#[derive(Parser)]
#[command(name = "targets", version, about, long_about = None)]
struct Cli {
    /// Read this data folder instead of the bundled data.
    #[arg(long, global = true, value_name = "DIR")]
    data: Option<PathBuf>,
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Check a data folder (or the bundled data); exit 1 listing every problem.
    Validate,
    /// Write the whole catalogue as JSON or tidy CSV.
    Export {
        /// Output format.
        #[arg(long, value_enum, default_value_t = ExportFormat::Json)]
        format: ExportFormat,
        /// Write to this file (completely or not at all) instead of standard output.
        #[arg(long, short, value_name = "FILE")]
        output: Option<PathBuf>,
    },
}

#[derive(Clone, Copy, ValueEnum)]
enum ExportFormat {
    Json,
    Csv,
}

/// A failure: what to print on standard error, and the exit code.
struct Failure {
    message: String,
    code: u8,
}

impl From<Errors> for Failure {
    fn from(errors: Errors) -> Failure {
        let n = errors.len();
        let plural = if n == 1 { "problem" } else { "problems" };
        Failure {
            message: format!("{errors}\n{n} {plural} found"),
            code: 1,
        }
    }
}

impl From<policy_targets::Error> for Failure {
    fn from(err: policy_targets::Error) -> Failure {
        Failure {
            message: err.to_string(),
            code: 1,
        }
    }
}

fn load(data: Option<&Path>) -> Result<Catalog, Failure> {
    Ok(match data {
        Some(dir) => Catalog::load(dir)?,
        None => Catalog::bundled()?,
    })
}

/// Writes `bytes` to `path` completely or not at all: a temporary file in the
/// same folder, renamed over the target once fully written.
fn write_atomically(path: &Path, bytes: &[u8]) -> Result<(), Failure> {
    let fail = |e: std::io::Error| Failure {
        message: format!("{}: cannot write: {e}", path.display()),
        code: 1,
    };
    let dir = path.parent().filter(|p| !p.as_os_str().is_empty()).unwrap_or(Path::new("."));
    let name = path.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
    let tmp = dir.join(format!(".{name}.{}.tmp", std::process::id()));
    let result = std::fs::File::create(&tmp)
        .and_then(|mut f| {
            f.write_all(bytes)?;
            f.sync_all()
        })
        .and_then(|()| std::fs::rename(&tmp, path));
    if result.is_err() {
        let _ = std::fs::remove_file(&tmp);
    }
    result.map_err(fail)
}

fn emit(output: Option<&Path>, bytes: &[u8]) -> Result<(), Failure> {
    match output {
        Some(path) => write_atomically(path, bytes),
        None => {
            let mut stdout = std::io::stdout().lock();
            // A closed pipe (`targets export | head`) is not an error.
            match stdout.write_all(bytes).and_then(|()| stdout.flush()) {
                Err(e) if e.kind() != std::io::ErrorKind::BrokenPipe => Err(Failure {
                    message: format!("cannot write to standard output: {e}"),
                    code: 1,
                }),
                _ => Ok(()),
            }
        }
    }
}

fn run(cli: Cli) -> Result<(), Failure> {
    let data = cli.data.as_deref();
    match cli.command {
        Command::Validate => {
            let c = load(data)?;
            let summary = format!(
                "ok: {} jurisdictions, {} metrics, {} sources, {} targets, {} observations\n",
                c.jurisdictions().len(),
                c.metrics().len(),
                c.sources().len(),
                c.targets().len(),
                c.observations().len()
            );
            emit(None, summary.as_bytes())
        }
        Command::Export { format, output } => {
            let catalog = load(data)?;
            let bytes = match format {
                ExportFormat::Json => {
                    let mut json = export::to_json(&catalog);
                    json.push('\n');
                    json.into_bytes()
                }
                ExportFormat::Csv => {
                    let mut buffer = Vec::new();
                    export::write_csv(&catalog, &mut buffer)?;
                    buffer
                }
            };
            emit(output.as_deref(), &bytes)
        }
    }
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    match run(cli) {
        Ok(()) => ExitCode::SUCCESS,
        Err(failure) => {
            eprintln!("{}", failure.message);
            ExitCode::from(failure.code)
        }
    }
}
