//! The CSV tables of a data folder read into the catalogue's records: every
//! target of `targets.csv`, and the rows of `observations.csv` a load keeps.

use std::path::Path;
use std::sync::Arc;

use super::keys::{Keys, row_id, stem};
use super::observations::{Row, Sink};
use super::scan::scan_observations;
use super::targets::read_targets;
use super::{OBSERVATIONS_CSV, TARGETS_CSV, UNNAMED_SOURCE};
use crate::catalog::{Origin, Parts};
use crate::error::{Error, ErrorKind, Position};
use crate::{Id, Observation};

/// Which rows of `observations.csv` a folder load keeps (all are checked).
#[derive(Clone, Copy, Debug)]
pub(crate) enum Rows<'a> {
    /// None: the caller streams the table itself.
    None,
    /// Every row.
    All,
    /// The rows of these metrics.
    Metrics(&'a [&'a str]),
}

/// Reads the CSV tables of a data folder into `parts`, after its TOML
/// files: `targets.csv` if present and, with `observations`,
/// `observations.csv` if present.
pub(crate) fn read_tables(parts: &mut Parts, dir: &Path, rows: Rows<'_>) {
    let observations = !matches!(rows, Rows::None);
    let targets = dir.join(TARGETS_CSV);
    let observations_csv = dir.join(OBSERVATIONS_CSV);
    for path in [&targets, &observations_csv] {
        // Present but not a file (a folder, a link to nothing): reported,
        // not skipped.
        if std::fs::symlink_metadata(path).is_ok() && !path.is_file() {
            parts.errors.push(Error::at(
                ErrorKind::from(crate::load::not_a_file(path)),
                Position::new().with_file(path.to_path_buf()),
            ));
        }
    }
    let has_targets = targets.is_file();
    let has_observations = observations && observations_csv.is_file();
    if !has_targets && !has_observations {
        return;
    }
    let mut keys = Keys::of_parts(parts);
    if has_targets {
        read_targets(parts, &targets, &keys);
    }
    if has_observations {
        // Per metric number, whether its rows are kept.
        let keep: Option<Vec<bool>> = match rows {
            Rows::Metrics(metrics) => {
                // Rows that are not kept are still checked against the ids
                // of the other records.
                keys.reserve_ids(
                    parts
                        .targets
                        .iter()
                        .map(|(t, _)| t.id.as_str())
                        .chain(parts.observations.iter().map(|(o, _)| o.id.as_str())),
                );
                Some(
                    keys.metrics
                        .items
                        .iter()
                        .map(|(id, _)| metrics.contains(&id.as_str()))
                        .collect(),
                )
            }
            _ => None,
        };
        // One thread: the catalogue keeps the rows in file order, and the
        // ids take the file's lines.
        let make = || Collect {
            rows: ObservationRows::new(&keys, &observations_csv),
            file: Arc::from(observations_csv.as_path()),
            keep: keep.as_deref(),
            kept: Vec::new(),
        };
        let (sinks, errors) = scan_observations(&observations_csv, &keys, 1, make);
        for (sink, _) in sinks {
            parts.observations.extend(sink.kept);
        }
        parts.errors.extend(errors);
    }
}

/// The observations that the rows of one `observations.csv` become.
pub(crate) struct ObservationRows<'k> {
    keys: &'k Keys,
    stem: String,
    unnamed: Option<Id>,
}

impl<'k> ObservationRows<'k> {
    /// The observations of the rows of the file `path`, whose keys are
    /// those of `keys`.
    pub(crate) fn new(keys: &'k Keys, path: &Path) -> ObservationRows<'k> {
        ObservationRows {
            keys,
            stem: stem(path),
            unnamed: UNNAMED_SOURCE.parse().ok(),
        }
    }

    /// The observation a valid row (read with its quantity, and with its
    /// line in the file) becomes.
    pub(crate) fn observation(&self, row: &Row) -> Option<Observation> {
        let (Some(value), Ok(id)) = (row.quantity, row_id(&self.stem, row.line).parse()) else {
            return None;
        };
        let source = match row.source {
            Some(s) => self.keys.sources.items[s as usize].0.clone(),
            None => self.unnamed.clone()?,
        };
        Some(Observation {
            id,
            jurisdiction: self.keys.jurisdictions.items[row.jurisdiction as usize].clone(),
            metric: self.keys.metrics.items[row.metric as usize].0.clone(),
            value,
            as_of: row.as_of,
            comparator: None,
            source,
            quote: String::new(),
            note: None,
        })
    }
}

/// Keeps every row as an [`Observation`] for the catalogue.
pub(super) struct Collect<'k> {
    rows: ObservationRows<'k>,
    file: Arc<Path>,
    /// Per metric number, whether its rows are kept (all when `None`).
    keep: Option<&'k [bool]>,
    kept: Vec<(Observation, Origin)>,
}

impl Sink for Collect<'_> {
    const NEEDS_QUANTITY: bool = true;

    fn row(&mut self, row: &Row) {
        if self
            .keep
            .is_some_and(|keep| !keep.get(row.metric as usize).copied().unwrap_or(false))
        {
            return;
        }
        let Some(observation) = self.rows.observation(row) else {
            return;
        };
        let origin = Origin::new(
            Position::new()
                .with_shared_file(Some(self.file.clone()))
                .with_line_column(row.line, 1),
        );
        self.kept.push((observation, origin));
    }
}
