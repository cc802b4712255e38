//! One TOML text being read: the line and column of any byte offset, and the
//! problems found so far.

use std::ops::Range;
use std::path::Path;
use std::sync::Arc;

use crate::error::{Error, ErrorKind, Position};

/// One TOML text being read: its name, line starts, and the problems found.
pub(crate) struct Doc<'t> {
    file: Option<Arc<Path>>,
    text: &'t str,
    line_starts: Vec<usize>,
    /// The last offset asked for and its character count from its line's start.
    last: std::cell::Cell<(usize, usize)>,
    pub(crate) errors: Vec<Error>,
}

impl<'t> Doc<'t> {
    pub(crate) fn new(file: Option<Arc<Path>>, text: &'t str) -> Doc<'t> {
        let line_starts = std::iter::once(0)
            .chain(text.match_indices('\n').map(|(i, _)| i + 1))
            .collect();
        Doc {
            file,
            text,
            line_starts,
            last: std::cell::Cell::new((0, 0)),
            errors: Vec::new(),
        }
    }

    /// The position of a byte offset, with the field named.
    pub(crate) fn position(&self, offset: usize, field: Option<&str>) -> Position {
        let offset = offset.min(self.text.len());
        let line = self.line_starts.partition_point(|&s| s <= offset).max(1);
        let start = self.line_starts[line - 1];
        // Columns count characters. Counting on from the last position asked
        // for on the same line keeps a file of one long line linear.
        let (last_offset, last_chars) = self.last.get();
        let (from, chars_before) = if last_offset >= start && last_offset <= offset {
            (last_offset, last_chars)
        } else {
            (start, 0)
        };
        let chars = chars_before
            + self
                .text
                .get(from..offset)
                .map_or(offset - from, |s| s.chars().count());
        self.last.set((offset, chars));
        // A byte order mark is not a column.
        let bom = usize::from(line == 1 && self.text.starts_with('\u{feff}') && offset > 0);
        let column = chars - bom + 1;
        let position = Position::new()
            .with_shared_file(self.file.clone())
            .with_line_column(line as u64, column as u64);
        match field {
            Some(field) => position.with_field(field),
            None => position,
        }
    }

    pub(super) fn error(
        &mut self,
        kind: impl Into<ErrorKind>,
        span: &Range<usize>,
        field: Option<&str>,
    ) {
        let position = self.position(span.start, field);
        self.errors.push(Error::at(kind, position));
    }
}
