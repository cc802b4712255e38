//! Data files given as bytes or text: which file each is, whether it is
//! UTF-8 text, and its records read into [`Parts`].

use std::path::Path;
use std::sync::Arc;

use super::FileKind;
use super::toml_reader::{self, Doc};
use crate::Catalog;
use crate::catalog::Parts;
use crate::error::{DataProblem, Error, Errors};

impl Catalog {
    /// Reads data files given as `(path, text)` pairs. A file named
    /// `jurisdictions.toml` or `metrics.toml` holds those tables; any other
    /// holds one source with its targets and observations.
    pub fn from_toml_files<P, T>(files: impl IntoIterator<Item = (P, T)>) -> Result<Catalog, Errors>
    where
        P: AsRef<Path>,
        T: AsRef<str>,
    {
        let mut parts = Parts::default();
        for (path, text) in files {
            read_file(&mut parts, path.as_ref(), text.as_ref().as_bytes());
        }
        parts.build()
    }
}

/// Reads one data file's bytes into `parts`; problems go to `parts.errors`.
pub(super) fn read_file(parts: &mut Parts, path: &Path, bytes: &[u8]) {
    let file: Arc<Path> = Arc::from(path);
    let kind = FileKind::of(path);
    match as_text(bytes) {
        Ok(text) => toml_reader::read(kind, Some(file), text, parts),
        Err((message, at)) => {
            // The place is counted in the text before the problem.
            let before = String::from_utf8_lossy(&bytes[..at]);
            let doc = Doc::new(Some(file), &before);
            let error = Error::at(message, doc.position(before.len(), None));
            parts.errors.push(error);
            kind.unreadable(parts, Some(path));
        }
    }
}

/// The bytes of a data file as text, or what is wrong with them and the
/// offset of the problem.
fn as_text(bytes: &[u8]) -> Result<&str, (DataProblem, usize)> {
    if let Some(big_endian) = utf16_order(bytes) {
        return Err((DataProblem::Utf16 { big_endian }, 0));
    }
    // Many NUL bytes mean a binary file (or UTF-16 without a byte order
    // mark), not a typing mistake; a stray one is left to the TOML parser,
    // which names its field.
    let nul = bytes.iter().filter(|&&b| b == 0).count();
    if nul > 8 && nul * 100 >= bytes.len() {
        let at = bytes.iter().position(|&b| b == 0).unwrap_or_default();
        return Err((DataProblem::Binary { at }, at));
    }
    std::str::from_utf8(bytes).map_err(|err| {
        let at = err.valid_up_to();
        (DataProblem::InvalidUtf8 { at: Some(at) }, at)
    })
}

/// Whether a UTF-16 byte order mark at the start of `bytes` is big-endian;
/// `None` without one.
fn utf16_order(bytes: &[u8]) -> Option<bool> {
    match bytes {
        [0xFF, 0xFE, ..] => Some(false),
        [0xFE, 0xFF, ..] => Some(true),
        _ => None,
    }
}
