//! Writing output: to standard output, or to a file or folder completely or
//! not at all (a temporary file or folder beside it, renamed into place).

use std::fs::{DirEntry, Metadata, Permissions};
use std::io;
use std::io::{IsTerminal, Write};
use std::path::{Path, PathBuf};

use tempfile::NamedTempFile;

use crate::failure::{Failure, Unwritable};

/// Writes `bytes` to the file `output`, or to standard output without one.
pub fn emit(output: Option<&Path>, bytes: &[u8]) -> Result<(), Failure> {
    match output {
        Some(path) => write_atomically(path, bytes),
        None => {
            to_stdout();
            let mut stdout = io::stdout().lock();
            // A closed pipe (`targets export | head`) is not an error.
            match stdout.write_all(bytes).and_then(|()| stdout.flush()) {
                Err(e) if e.kind() != io::ErrorKind::BrokenPipe => {
                    Err(Failure::cannot_write_stdout(e))
                }
                _ => Ok(()),
            }
        }
    }
}

/// Lets `fill` write the answer: to `output` completely or not at all (as
/// [`write_atomically`], through a buffer), or to standard output, where a
/// closed pipe is not an error. For answers too large to hold in memory.
pub fn emit_with(
    output: Option<&Path>,
    fill: impl FnOnce(&mut (dyn Write + Send)) -> Result<(), Failure>,
) -> Result<(), Failure> {
    match output {
        Some(path) => {
            let fail = |e: io::Error| Failure::cannot_write(path, e);
            let (target, existing) = resolve(path).map_err(fail)?;
            let permissions = match existing {
                None => None,
                Some(meta) if meta.is_dir() => {
                    return Err(Failure::cannot_write(path, Unwritable::IsFolder));
                }
                Some(meta) if !meta.is_file() => {
                    let file = std::fs::OpenOptions::new()
                        .write(true)
                        .open(&target)
                        .map_err(fail)?;
                    let mut out = io::BufWriter::with_capacity(1 << 16, file);
                    fill(&mut out)?;
                    return out.flush().map_err(fail);
                }
                Some(meta) => {
                    Some(replaceable(&meta).map_err(|why| Failure::cannot_write(path, why))?)
                }
            };
            replace(&target, permissions, &fail, |file| {
                let mut out = io::BufWriter::with_capacity(1 << 16, file.as_file_mut());
                fill(&mut out)?;
                out.flush().map_err(fail)
            })
        }
        None => {
            let piped = Piped {
                closed: false,
                started: false,
            };
            let mut out = io::BufWriter::with_capacity(1 << 16, piped);
            fill(&mut out)?;
            out.flush().map_err(Failure::cannot_write_stdout)
        }
    }
}

/// Standard output, where a closed pipe (`targets export | head`) is not an
/// error: what is written after it is dropped.
struct Piped {
    closed: bool,
    /// Whether anything was written yet.
    started: bool,
}

impl Write for Piped {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        if self.closed {
            return Ok(buf.len());
        }
        if !self.started {
            self.started = true;
            to_stdout();
        }
        match io::stdout().write(buf) {
            Err(e) if e.kind() == io::ErrorKind::BrokenPipe => {
                self.closed = true;
                Ok(buf.len())
            }
            other => other,
        }
    }

    fn flush(&mut self) -> io::Result<()> {
        match io::stdout().flush() {
            Err(e) if e.kind() == io::ErrorKind::BrokenPipe => Ok(()),
            _ if self.closed => Ok(()),
            other => other,
        }
    }
}

/// Before the first bytes of an answer on standard output: a spinner on
/// the same terminal is cleared (the answer shows the work goes on); one
/// beside a pipe or a file keeps turning.
fn to_stdout() {
    if io::stdout().is_terminal() {
        crate::busy::stop();
    }
}

/// Writes `bytes` to `path` completely or not at all: a temporary file in the
/// same folder, renamed over the target once fully written.
///
/// A symbolic link is followed (the file it points to is replaced, the link
/// kept); a file that is not a regular one (a pipe, a device such as
/// `/dev/stdout`) is written into as it is, since it cannot be replaced; a
/// read-only file is not overwritten; a replaced file keeps its permissions.
pub fn write_atomically(path: &Path, bytes: &[u8]) -> Result<(), Failure> {
    let fail = |e: io::Error| Failure::cannot_write(path, e);
    let (target, existing) = resolve(path).map_err(fail)?;
    let permissions = match existing {
        None => None,
        Some(meta) if meta.is_dir() => {
            return Err(Failure::cannot_write(path, Unwritable::IsFolder));
        }
        Some(meta) if !meta.is_file() => {
            let mut f = std::fs::OpenOptions::new()
                .write(true)
                .open(&target)
                .map_err(fail)?;
            return f.write_all(bytes).and_then(|()| f.flush()).map_err(fail);
        }
        Some(meta) => Some(replaceable(&meta).map_err(|why| Failure::cannot_write(path, why))?),
    };
    replace(&target, permissions, &fail, |file| {
        file.as_file_mut().write_all(bytes).map_err(fail)
    })
}

/// Writes the file `path` completely or not at all: `fill` writes into a
/// new temporary file beside it (given by path, for writers that open
/// files themselves), which is renamed over `path` once it is done.
///
/// An existing `path` is replaced only if `ours` accepts it (what an earlier
/// run of the same command wrote) and it is not read-only; otherwise it is
/// left untouched with an error naming it and saying `not_ours`. A symbolic
/// link is followed; a replaced file keeps its permissions.
pub fn replace_file_with(
    path: &Path,
    ours: impl Fn(&Path) -> bool,
    not_ours: Unwritable,
    fill: impl FnOnce(&Path) -> Result<(), Failure>,
) -> Result<(), Failure> {
    let fail = |e: io::Error| Failure::cannot_write(path, e);
    let (target, existing) = resolve(path).map_err(fail)?;
    let permissions = match existing {
        None => None,
        Some(meta) if meta.is_dir() => {
            return Err(Failure::cannot_write(path, Unwritable::IsFolder));
        }
        Some(meta) if !meta.is_file() || !ours(&target) => {
            return Err(Failure::cannot_write(path, not_ours));
        }
        Some(meta) => Some(replaceable(&meta).map_err(|why| Failure::cannot_write(path, why))?),
    };
    replace(&target, permissions, &fail, |file| fill(file.path()))
}

/// `path`, or the file its symbolic link points to, with the metadata of
/// that file where it exists.
fn resolve(path: &Path) -> io::Result<(PathBuf, Option<Metadata>)> {
    match std::fs::symlink_metadata(path) {
        Ok(meta) if meta.file_type().is_symlink() => {
            let target = std::fs::canonicalize(path)?;
            let meta = std::fs::metadata(&target).ok();
            Ok((target, meta))
        }
        Ok(meta) => Ok((path.to_path_buf(), Some(meta))),
        Err(_) => Ok((path.to_path_buf(), None)),
    }
}

/// The permissions a replacement of the existing file `meta` keeps, or an
/// error for a read-only file, which is not overwritten.
fn replaceable(meta: &Metadata) -> Result<Permissions, Unwritable> {
    if meta.permissions().readonly() {
        return Err(Unwritable::ReadOnly);
    }
    Ok(meta.permissions())
}

/// Lets `fill` write a new temporary file beside `target`, then renames it
/// over `target`, with `permissions` if given (those of a new file
/// otherwise); the temporary file is removed on error. File-system errors
/// go through `fail`.
fn replace(
    target: &Path,
    permissions: Option<Permissions>,
    fail: &impl Fn(io::Error) -> Failure,
    fill: impl FnOnce(&mut NamedTempFile) -> Result<(), Failure>,
) -> Result<(), Failure> {
    let prefix = temporary_prefix(target);
    let mut file = temporary(&prefix, ".tmp", 0o666)
        .tempfile_in(parent_of(target))
        .map_err(|e| fail(without_path(e)))?;
    fill(&mut file)?;
    if let Some(permissions) = permissions {
        file.as_file().set_permissions(permissions).map_err(fail)?;
    }
    file.as_file().sync_all().map_err(fail)?;
    file.persist(target).map(drop).map_err(|e| fail(e.error))
}

/// Fills the folder `dir` completely or not at all: `fill` writes into a
/// fresh temporary folder beside it, which is renamed into place once it is
/// done (an existing folder is replaced only then).
///
/// An existing `dir` is replaced only if it is empty or holds nothing but
/// entries that `ours` accepts (what an earlier run of the same command
/// wrote): a folder that holds anything else is left alone with an error,
/// as is a file of that name.
pub fn replace_folder(
    dir: &Path,
    ours: impl Fn(&DirEntry) -> bool,
    fill: impl FnOnce(&Path) -> Result<(), Failure>,
) -> Result<(), Failure> {
    let fail = |e: io::Error| Failure::cannot_write(dir, e);
    refuse_foreign(dir, ours)?;
    let parent = parent_of(dir);
    std::fs::create_dir_all(parent).map_err(fail)?;
    let prefix = temporary_prefix(dir);
    let staging = temporary(&prefix, ".tmp", 0o777)
        .tempdir_in(parent)
        .map_err(|e| fail(without_path(e)))?;
    fill(staging.path())?;
    // The folder it replaces is moved into a temporary folder of its own,
    // removed once the new one is in place (or moved back if it is not).
    let retired = if dir.exists() {
        let holder = temporary(&prefix, ".old", 0o700)
            .tempdir_in(parent)
            .map_err(|e| fail(without_path(e)))?;
        std::fs::rename(dir, holder.path().join("old")).map_err(fail)?;
        Some(holder)
    } else {
        None
    };
    if let Err(e) = std::fs::rename(staging.path(), dir) {
        if let Some(holder) = &retired {
            let _ = std::fs::rename(holder.path().join("old"), dir);
        }
        return Err(fail(e));
    }
    // It is `dir` now: not to be removed.
    let _ = staging.keep();
    match retired {
        Some(holder) => holder.close().map_err(|e| fail(without_path(e))),
        None => Ok(()),
    }
}

/// An error unless `dir` is missing, or a folder of nothing but entries that
/// `ours` accepts.
fn refuse_foreign(dir: &Path, ours: impl Fn(&DirEntry) -> bool) -> Result<(), Failure> {
    match std::fs::symlink_metadata(dir) {
        Ok(meta) if !meta.is_dir() => Err(Failure::cannot_write(dir, Unwritable::NotAFolder)),
        Ok(_) => {
            let mut foreign: Vec<String> = std::fs::read_dir(dir)
                .map_err(|e| Failure::cannot_write(dir, e))?
                .filter_map(|e| e.ok())
                .filter(|e| !ours(e))
                .map(|e| e.file_name().to_string_lossy().into_owned())
                .collect();
            if foreign.is_empty() {
                return Ok(());
            }
            foreign.sort();
            let more = foreign.len().saturating_sub(3);
            foreign.truncate(3);
            Err(Failure::cannot_write(
                dir,
                Unwritable::ForeignFiles {
                    listed: foreign,
                    more,
                },
            ))
        }
        Err(_) => Ok(()),
    }
}

/// Writes `files` into the folder `dir` completely or not at all (see
/// [`replace_folder`]); an existing `dir` is replaced only if it holds
/// nothing but files of those names.
pub fn write_folder_atomically(dir: &Path, files: &[(String, Vec<u8>)]) -> Result<(), Failure> {
    let names: Vec<&str> = files.iter().map(|(name, _)| name.as_str()).collect();
    replace_folder(dir, |e| ours(&names, e), |tmp| write_files(dir, tmp, files))
}

/// [`write_folder_atomically`] with one file written as it is made rather
/// than held in memory: `fill` writes the file `streamed` (through a
/// buffer) and returns the others, all written into the temporary folder
/// before it is renamed into place. An existing `dir` is replaced only if
/// it holds nothing but files of `names`; nothing is left behind when
/// `fill` fails.
pub fn write_folder_streaming(
    dir: &Path,
    names: &[&str],
    streamed: &str,
    fill: impl FnOnce(&mut (dyn Write + Send)) -> Result<Vec<(String, Vec<u8>)>, Failure>,
) -> Result<(), Failure> {
    replace_folder(
        dir,
        |e| ours(names, e),
        |tmp| {
            let path = dir.join(streamed);
            let fail = |e: io::Error| Failure::cannot_write(&path, e);
            let file = std::fs::File::create(tmp.join(streamed)).map_err(fail)?;
            let mut out = io::BufWriter::with_capacity(1 << 16, file);
            let others = fill(&mut out)?;
            let file = out.into_inner().map_err(|e| fail(e.into_error()))?;
            file.sync_all().map_err(fail)?;
            write_files(dir, tmp, &others)
        },
    )
}

/// Whether the entry `e` is a file of one of `names`.
fn ours(names: &[&str], e: &DirEntry) -> bool {
    names.iter().any(|name| e.file_name() == *name) && e.file_type().is_ok_and(|t| t.is_file())
}

/// Writes `files` into the temporary folder `tmp` that becomes `dir`.
fn write_files(dir: &Path, tmp: &Path, files: &[(String, Vec<u8>)]) -> Result<(), Failure> {
    for (file, bytes) in files {
        std::fs::File::create(tmp.join(file))
            .and_then(|mut f| {
                f.write_all(bytes)?;
                f.sync_all()
            })
            .map_err(|e| Failure::cannot_write(&dir.join(file), e))?;
    }
    Ok(())
}

/// The folder `path` is in (`.` for a bare name).
fn parent_of(path: &Path) -> &Path {
    path.parent()
        .filter(|p| !p.as_os_str().is_empty())
        .unwrap_or(Path::new("."))
}

/// `.NAME.`: the start of the temporary names beside `path`.
fn temporary_prefix(path: &Path) -> String {
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    format!(".{name}.")
}

/// Temporary files or folders named `PREFIX` + random letters + `suffix`,
/// made with `mode` (before the umask, on Unix).
fn temporary<'a>(prefix: &'a str, suffix: &'a str, mode: u32) -> tempfile::Builder<'a, 'a> {
    let mut builder = tempfile::Builder::new();
    builder.prefix(prefix).suffix(suffix);
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt as _;
        builder.permissions(Permissions::from_mode(mode));
    }
    #[cfg(not(unix))]
    let _ = mode;
    builder
}

/// `error` without the ` at path "…"` that `tempfile` appends to the errors
/// of creating or removing a temporary file or folder: the message names the
/// path the user gave instead.
fn without_path(error: io::Error) -> io::Error {
    if error.get_ref().is_none() {
        return error;
    }
    let text = error.to_string();
    match text.split_once(" at path \"") {
        Some((plain, _)) => io::Error::new(error.kind(), plain.to_owned()),
        None => error,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use policy_targets::Lang;

    /// The names in `dir`, sorted.
    fn listing(dir: &Path) -> Vec<String> {
        let mut names: Vec<String> = std::fs::read_dir(dir)
            .unwrap()
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .collect();
        names.sort();
        names
    }

    #[test]
    fn errors_read_as_those_of_the_file_system() {
        let missing = Path::new("no_such_folder_here");
        let err = temporary(".x.", ".tmp", 0o666)
            .tempfile_in(missing)
            .unwrap_err();
        let direct = std::fs::File::create(missing.join("x")).unwrap_err();
        assert_eq!(without_path(err).to_string(), direct.to_string());
        // An error without a path is kept as it is.
        assert_eq!(without_path(direct).raw_os_error(), Some(2));
    }

    #[test]
    fn a_file_is_replaced_whole_with_its_permissions() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("out.json");
        write_atomically(&path, b"one").unwrap();
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt as _;
            std::fs::set_permissions(&path, Permissions::from_mode(0o640)).unwrap();
            write_atomically(&path, b"two").unwrap();
            let mode = std::fs::metadata(&path).unwrap().permissions().mode();
            assert_eq!(mode & 0o777, 0o640);
        }
        write_atomically(&path, b"three").unwrap();
        assert_eq!(std::fs::read(&path).unwrap(), b"three");
        assert_eq!(listing(dir.path()), ["out.json"]);
        let err = write_atomically(dir.path(), b"x").err().unwrap();
        assert!(
            err.text(Lang::En)
                .ends_with(": cannot write: it is a folder")
        );
        assert!(
            err.text(Lang::Zh)
                .ends_with("：无法写入：是文件夹而不是文件")
        );
    }

    #[test]
    fn a_folder_is_replaced_only_when_it_holds_what_was_written() {
        let dir = tempfile::tempdir().unwrap();
        let package = dir.path().join("package");
        let files = vec![("a.csv".to_owned(), b"a".to_vec())];
        write_folder_atomically(&package, &files).unwrap();
        write_folder_atomically(&package, &files).unwrap();
        assert_eq!(listing(&package), ["a.csv"]);
        assert_eq!(listing(dir.path()), ["package"]);
        std::fs::write(package.join("b.txt"), "mine").unwrap();
        let err = write_folder_atomically(&package, &files).err().unwrap();
        let en = err.text(Lang::En);
        assert!(en.contains("(b.txt)"), "{en}");
        assert!(
            err.text(Lang::Zh).contains("（b.txt）"),
            "{}",
            err.text(Lang::Zh)
        );
        assert_eq!(listing(&package), ["a.csv", "b.txt"]);
        // A failing fill leaves the folder as it was and nothing beside it.
        std::fs::remove_file(package.join("b.txt")).unwrap();
        let failed = replace_folder(&package, |_| true, |_| Err(Failure::new("no".into())));
        assert_eq!(failed.err().unwrap().text(Lang::Zh), "no");
        assert_eq!(listing(&package), ["a.csv"]);
        assert_eq!(listing(dir.path()), ["package"]);
    }
}
