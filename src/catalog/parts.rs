//! Records read so far, each with where it came from, and what could not be
//! read: the input of the catalogue's checks.

use std::collections::HashSet;
use std::path::Path;
use std::sync::Arc;

use crate::error::{Error, Position};
use crate::{Id, Jurisdiction, JurisdictionCode, Metric, Observation, Quantity, Source, Target};

/// Where a record and each of its fields came from.
///
/// A row of a CSV table (one per target of `targets.csv`, so many) is kept
/// in a few words: its file, line and the columns of the fields the
/// catalogue's checks may report; the positions are made only when a
/// problem is reported. Other records keep a position per field.
#[derive(Clone, Debug)]
pub(crate) struct Origin(Place);

#[derive(Clone, Debug)]
enum Place {
    /// A record with a position of its own for each field read.
    Record(Box<Record>),
    /// A CSV row.
    Row(Row),
}

/// A record's position and those of its fields.
#[derive(Clone, Debug)]
struct Record {
    record: Position,
    fields: Vec<(&'static str, Position)>,
}

/// A CSV row: the record at `line` and `column` of `file`, and the fields
/// `cells` (key, column name) in `columns`.
#[derive(Clone, Debug)]
struct Row {
    file: Option<Arc<Path>>,
    line: u64,
    column: u64,
    cells: &'static [(&'static str, &'static str); 3],
    columns: [u64; 3],
}

impl Row {
    /// The record's position.
    fn record(&self) -> Position {
        Position::new()
            .with_shared_file(self.file.clone())
            .with_line_column(self.line, self.column)
    }
}

/// Fields of a CSV row placed in their columns: key and column name.
pub(crate) type Cells = [(&'static str, &'static str); 3];

impl Origin {
    pub(crate) fn new(record: Position) -> Origin {
        Origin(Place::Record(Box::new(Record {
            record,
            fields: Vec::new(),
        })))
    }

    /// The origin of a CSV row at `line` and `column` of `file`, with three
    /// fields (`cells`: key and column name) in the columns `columns`.
    pub(crate) fn row(
        file: Option<Arc<Path>>,
        (line, column): (u64, u64),
        cells: &'static Cells,
        columns: [u64; 3],
    ) -> Origin {
        Origin(Place::Row(Row {
            file,
            line,
            column,
            cells,
            columns,
        }))
    }

    /// The origin of the `i`th record of a list made in code or read from
    /// JSON, placed by its field path (`targets[2]`).
    pub(crate) fn indexed(list: &str, i: usize) -> Origin {
        Origin::new(Position::new().with_field(format!("{list}[{i}]")))
    }

    pub(crate) fn set(&mut self, key: &'static str, position: Position) {
        if let Place::Row(row) = &self.0 {
            // A row's cells become fields of their own.
            let fields = row.cells.iter().map(|(k, _)| (*k, self.field(k))).collect();
            self.0 = Place::Record(Box::new(Record {
                record: row.record(),
                fields,
            }));
        }
        if let Place::Record(record) = &mut self.0 {
            record.fields.push((key, position));
        }
    }

    /// Whether the record has this field (read from a file with a place of
    /// its own).
    pub(crate) fn has(&self, key: &str) -> bool {
        match &self.0 {
            Place::Record(record) => record.fields.iter().any(|(k, _)| *k == key),
            Place::Row(_) => false,
        }
    }

    /// The position of a field, or of the record with the field named.
    pub(crate) fn field(&self, key: &str) -> Position {
        let record = match &self.0 {
            Place::Row(row) => {
                if let Some(k) = row.cells.iter().position(|(k, _)| *k == key) {
                    return row
                        .record()
                        .with_line_column(row.line, row.columns[k])
                        .with_field(row.cells[k].1);
                }
                return row.record().with_field(key);
            }
            Place::Record(record) => record,
        };
        record
            .fields
            .iter()
            .rev()
            .find(|(k, _)| *k == key)
            .map(|(_, p)| p.clone())
            .unwrap_or_else(|| {
                let base = record
                    .record
                    .field()
                    .map(|f| format!("{f}."))
                    .unwrap_or_default();
                record.record.clone().with_field(format!("{base}{key}"))
            })
    }
}

/// `items` with their origins as the records of the list `list`
/// ([`Origin::indexed`]).
pub(crate) fn located<T>(items: Vec<T>, list: &str) -> Vec<(T, Origin)> {
    items
        .into_iter()
        .enumerate()
        .map(|(i, item)| (item, Origin::indexed(list, i)))
        .collect()
}

/// Records read so far, with their origins, and the problems found reading them.
#[derive(Default)]
pub(crate) struct Parts {
    pub jurisdictions: Vec<(Jurisdiction, Origin)>,
    pub metrics: Vec<(Metric, Origin)>,
    pub sources: Vec<(Source, Origin)>,
    pub targets: Vec<(Target, Origin)>,
    pub observations: Vec<(Observation, Origin)>,
    pub errors: Vec<Error>,
    pub unread: Unread,
    pub fragments: Vec<Fragment>,
}

/// What could be read of a target or an observation that has a mistake in
/// another field: its references and its value are checked all the same,
/// so that one run reports every field's problem (a name where a code
/// belongs and a misspelt metric).
pub(crate) struct Fragment {
    pub jurisdiction: Option<JurisdictionCode>,
    pub metric: Option<Id>,
    pub value: Option<Quantity>,
    pub origin: Origin,
}

/// What could not be read, so that references to it are not also reported
/// as unknown: the mistake is reported once, where it is.
#[derive(Default)]
pub(crate) struct Unread {
    /// Codes and ids of records that have a mistake, by kind of record
    /// ("jurisdiction", "metric", "source").
    pub names: HashSet<(&'static str, String)>,
    /// Kinds of record whose whole file could not be read.
    pub files: HashSet<&'static str>,
}

impl Unread {
    /// Whether a reference to `id` may be to something that was not read.
    pub(crate) fn covers(&self, what: &'static str, id: &str) -> bool {
        self.files.contains(what) || self.names.contains(&(what, id.to_owned()))
    }
}
