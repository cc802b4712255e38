//! Records read so far, each with where it came from, and what could not be
//! read: the input of the catalogue's checks.

use std::collections::HashSet;

use crate::error::{Error, Position};
use crate::{Id, Jurisdiction, JurisdictionCode, Metric, Observation, Quantity, Source, Target};

/// Where a record and each of its fields came from.
#[derive(Clone, Debug)]
pub(crate) struct Origin {
    record: Position,
    fields: Vec<(&'static str, Position)>,
    /// Fields of a CSV row, on the record's line: key, column name and
    /// column (the position is made only when a problem is reported, so
    /// that a row costs no allocation).
    cells: [Option<Cell>; 3],
}

/// A field of a CSV row: its key, its column's name and its column.
type Cell = (&'static str, &'static str, u64);

impl Origin {
    pub(crate) fn new(record: Position) -> Origin {
        Origin {
            record,
            fields: Vec::new(),
            cells: [None; 3],
        }
    }

    /// The origin of a CSV row at `record`, with up to three fields placed
    /// in its columns: (key, column name, column).
    pub(crate) fn row(record: Position, cells: [Option<Cell>; 3]) -> Origin {
        Origin {
            record,
            fields: Vec::new(),
            cells,
        }
    }

    /// The origin of the `i`th record of a list made in code or read from
    /// JSON, placed by its field path (`targets[2]`).
    pub(crate) fn indexed(list: &str, i: usize) -> Origin {
        Origin::new(Position::new().with_field(format!("{list}[{i}]")))
    }

    pub(crate) fn set(&mut self, key: &'static str, position: Position) {
        self.fields.push((key, position));
    }

    /// Whether the record has this field (read from a file with a place of
    /// its own).
    pub(crate) fn has(&self, key: &str) -> bool {
        self.fields.iter().any(|(k, _)| *k == key)
    }

    /// The position of a field, or of the record with the field named.
    pub(crate) fn field(&self, key: &str) -> Position {
        if let Some((_, name, column)) = self.cells.iter().flatten().find(|(k, ..)| *k == key) {
            let line = self.record.line().unwrap_or(0);
            return self
                .record
                .clone()
                .with_line_column(line, *column)
                .with_field(*name);
        }
        self.fields
            .iter()
            .rev()
            .find(|(k, _)| *k == key)
            .map(|(_, p)| p.clone())
            .unwrap_or_else(|| {
                let base = self
                    .record
                    .field()
                    .map(|f| format!("{f}."))
                    .unwrap_or_default();
                self.record.clone().with_field(format!("{base}{key}"))
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
