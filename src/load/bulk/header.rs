//! The header of a CSV table: which column is where.

use std::io::{self, Read};

use super::problems::{Problem, Problems, too_long};
use super::reader::{CsvReader, Next, chars};
use crate::error::{Columns, DataProblem};

/// Where each known column is: `None` for an absent optional column.
pub(super) struct Layout {
    pub(super) columns: Vec<Option<usize>>,
    pub(super) width: usize,
    pub(super) names: Vec<&'static str>,
}

impl Layout {
    pub(super) fn get(&self, i: usize) -> Option<usize> {
        self.columns[i]
    }

    /// The name of the column at position `at`.
    pub(super) fn name_at(&self, at: usize) -> Option<&'static str> {
        self.columns
            .iter()
            .position(|c| *c == Some(at))
            .map(|k| self.names[k])
    }
}

/// Reads the header: every required column present, no unknown or repeated
/// column.
pub(super) fn read_header<R: Read>(
    reader: &mut CsvReader<R>,
    required: &[&'static str],
    optional: &[&'static str],
    problems: &mut Problems,
) -> io::Result<Option<Layout>> {
    let names: Vec<&'static str> = required.iter().chain(optional).copied().collect();
    let listing = || Columns {
        required: required.to_vec(),
        optional: optional.to_vec(),
    };
    match reader.next(u64::MAX)? {
        Next::Record => {}
        Next::End => {
            problems.push(Problem {
                line: reader.line,
                column: 1,
                field: None,
                kind: DataProblem::EmptyCsv { columns: listing() }.into(),
            });
            return Ok(None);
        }
        Next::TooLong => {
            problems.push(too_long(reader.line));
            return Ok(None);
        }
    }
    let line = reader.record_line;
    let mut columns = vec![None; names.len()];
    let mut ok = true;
    for i in 0..reader.len() {
        let raw = reader.field(i);
        let raw = raw.strip_prefix("\u{feff}".as_bytes()).unwrap_or(raw);
        let name = String::from_utf8_lossy(raw);
        let name = name.trim();
        let column = reader.column(i);
        match names.iter().position(|n| *n == name) {
            Some(k) if columns[k].is_some() => {
                ok = false;
                problems.push(Problem {
                    line,
                    column,
                    field: Some("header"),
                    kind: DataProblem::ColumnTwice(name.to_string()).into(),
                });
            }
            Some(k) => columns[k] = Some(i),
            None => {
                ok = false;
                problems.push(Problem {
                    line,
                    column,
                    field: Some("header"),
                    kind: DataProblem::UnknownColumn {
                        name: name.to_string(),
                        expected: names.clone(),
                        suggestion: crate::util::closest(name, names.iter().copied()),
                    }
                    .into(),
                });
            }
        }
    }
    for (k, name) in required.iter().enumerate() {
        if columns[k].is_none() {
            ok = false;
            problems.push(Problem {
                line,
                column: 1,
                field: Some("header"),
                kind: DataProblem::MissingColumn {
                    name: name.to_string(),
                    columns: listing(),
                }
                .into(),
            });
        }
    }
    Ok(ok.then_some(Layout {
        columns,
        width: reader.len(),
        names,
    }))
}

/// Checks a record's width; reports a missing or an extra cell.
pub(super) fn check_width<R: Read>(
    reader: &CsvReader<R>,
    layout: &Layout,
    problems: &mut Problems,
) -> bool {
    let n = reader.len();
    if n == layout.width {
        return true;
    }
    let names: Vec<&str> = (0..layout.width)
        .filter_map(|i| layout.name_at(i))
        .collect();
    let column = if n < layout.width {
        reader.column(n.saturating_sub(1)) + chars(reader.field(n.saturating_sub(1)))
    } else {
        reader.column(layout.width)
    };
    problems.push(Problem {
        line: reader.record_line,
        column,
        field: None,
        kind: DataProblem::CellCount {
            expected: layout.width,
            columns: names.join(", "),
            found: n,
        }
        .into(),
    });
    false
}
