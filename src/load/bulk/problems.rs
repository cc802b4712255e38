//! Problems found reading a CSV file, capped per file.

use std::io;
use std::path::Path;
use std::sync::Arc;

use super::MAX_ERRORS_PER_FILE;
use super::reader::MAX_RECORD;
use crate::error::{DataProblem, Error, ErrorKind, Position};

/// A problem found by a reading thread; its line is relative to the line the
/// thread started on until the chunks are put together.
pub(super) struct Problem {
    pub(super) line: u64,
    pub(super) column: u64,
    pub(super) field: Option<&'static str>,
    pub(super) kind: ErrorKind,
}

/// The problems of one file or chunk: the first [`MAX_ERRORS_PER_FILE`] + 1
/// kept, all counted.
#[derive(Default)]
pub(super) struct Problems {
    kept: Vec<Problem>,
    total: usize,
}

impl Problems {
    pub(super) fn push(&mut self, problem: Problem) {
        self.total += 1;
        if self.kept.len() <= MAX_ERRORS_PER_FILE {
            self.kept.push(problem);
        }
    }

    /// Appends a later chunk's problems, its lines moved by `shift`.
    pub(super) fn append(&mut self, later: Problems, shift: u64) {
        self.total += later.total;
        for mut p in later.kept {
            if self.kept.len() > MAX_ERRORS_PER_FILE {
                break;
            }
            p.line += shift;
            self.kept.push(p);
        }
    }

    pub(super) fn into_errors(self, file: &Arc<Path>) -> Vec<Error> {
        let at = |line: u64, column: u64, field: Option<&str>| {
            let position = Position::new()
                .with_shared_file(Some(file.clone()))
                .with_line_column(line, column);
            match field {
                Some(f) => position.with_field(f),
                None => position,
            }
        };
        let mut errors: Vec<Error> = Vec::new();
        let mut rest = None;
        for (i, p) in self.kept.into_iter().enumerate() {
            if i == MAX_ERRORS_PER_FILE {
                rest = Some((p.line, p.column));
                break;
            }
            errors.push(Error::at(p.kind, at(p.line, p.column, p.field)));
        }
        if let Some((line, column)) = rest {
            let more = self.total - MAX_ERRORS_PER_FILE;
            errors.push(Error::invalid(
                DataProblem::MoreProblems {
                    more,
                    listed: MAX_ERRORS_PER_FILE,
                },
                at(line, column, None),
            ));
        }
        errors
    }
}

pub(super) fn io_error(err: io::Error, file: &Arc<Path>) -> Error {
    Error::at(
        ErrorKind::Io(err),
        Position::new().with_shared_file(Some(file.clone())),
    )
}

pub(super) fn too_long(line: u64) -> Problem {
    Problem {
        line,
        column: 1,
        field: None,
        kind: DataProblem::RecordTooLong {
            mib: MAX_RECORD >> 20,
        }
        .into(),
    }
}

pub(super) fn invalid_utf8() -> ErrorKind {
    DataProblem::InvalidUtf8 { at: None }.into()
}
