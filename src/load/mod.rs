//! Loading a catalogue: a data folder's files ([`Catalog::load`](crate::Catalog::load)),
//! the data bundled with the crate ([`Catalog::bundled`](crate::Catalog::bundled)),
//! the TOML reader and the CSV tables ([`bulk`]).

pub mod bulk;
mod bundled;
mod files;
mod folder;
mod open;
mod toml_reader;

pub(crate) use folder::{load_folder, not_a_file};

use std::path::Path;

use crate::catalog::Parts;

/// Which of the data format's files a text is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum FileKind {
    Jurisdictions,
    Metrics,
    Source,
}

impl FileKind {
    /// What a data file holds, by its name.
    pub(crate) fn of(path: &Path) -> FileKind {
        match path.file_name().and_then(|n| n.to_str()) {
            Some("jurisdictions.toml") => FileKind::Jurisdictions,
            Some("metrics.toml") => FileKind::Metrics,
            _ => FileKind::Source,
        }
    }

    /// Notes in `parts` that a file of this kind could not be read (missing,
    /// not text, not TOML), so that references to its records are not also
    /// reported as unknown.
    pub(crate) fn unreadable(self, parts: &mut Parts, path: Option<&Path>) {
        match self {
            FileKind::Jurisdictions => {
                parts.unread.files.insert("jurisdiction");
            }
            FileKind::Metrics => {
                parts.unread.files.insert("metric");
            }
            // Source files are named by their source's id.
            FileKind::Source => match path.and_then(Path::file_stem).and_then(|s| s.to_str()) {
                Some(stem) => {
                    parts.unread.names.insert(("source", stem.to_owned()));
                }
                None => {
                    parts.unread.files.insert("source");
                }
            },
        }
    }
}

/// Text from the input as it is quoted in a message: at most 60 characters.
pub(crate) fn shorten(text: &str) -> String {
    match text.char_indices().nth(60) {
        Some((end, _)) => format!("{}… ({} characters)", &text[..end], text.chars().count()),
        None => text.to_owned(),
    }
}

/// The error of a key not in `allowed` (shortened for the message), with
/// the closest allowed key suggested when one is close.
pub(crate) fn unknown_key(key: &str, allowed: &[&str]) -> crate::ErrorKind {
    crate::ErrorKind::UnknownKey {
        key: shorten(key),
        expected: allowed.join(", "),
        suggestion: crate::util::closest(key, allowed.iter().copied()).map(str::to_owned),
    }
}
