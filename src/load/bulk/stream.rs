//! The rows of `observations.csv` handed on as observations, one at a
//! time, for the writers that stream a data folder (exports, reports):
//! checked first on every core, then read again in file order.

use std::path::Path;
use std::sync::Mutex;

use chrono::NaiveDate;

use super::MIN_CHUNK;
use super::keys::Keys;
use super::observations::{Row, Sink};
use super::scan::{default_threads, scan_with};
use super::tables::ObservationRows;
use crate::error::Error;
use crate::{Catalog, Errors, Id, JurisdictionCode, Observation};

/// Checks every row of `csv` (the `observations.csv` of the folder whose
/// TOML files and `targets.csv` make `catalog`) as [`Catalog::load`] would,
/// on every core, keeping nothing; every problem is returned.
pub(crate) fn check_rows(catalog: &Catalog, csv: &Path) -> Result<(), Errors> {
    let keys = Keys::of_catalog(catalog);
    let (_, errors) = scan_with(csv, &keys, default_threads(), MIN_CHUNK, || Checked);
    if errors.is_empty() {
        Ok(())
    } else {
        Err(Errors::from_vec(errors))
    }
}

/// A sink that keeps nothing: the rows are only checked.
struct Checked;

impl Sink for Checked {
    const NEEDS_QUANTITY: bool = false;

    fn row(&mut self, _: &Row) {}
}

/// Hands every valid row of `csv`, as the observation [`Catalog::load`]
/// makes of it, to `each`, in file order (one reading thread). The first
/// error `each` returns ends the handing on and is returned; so is every
/// problem of the file (call [`check_rows`] first to write nothing when
/// the file has one).
pub(crate) fn each_observation<F>(catalog: &Catalog, csv: &Path, each: F) -> Result<(), Errors>
where
    F: FnMut(&Observation) -> Result<(), Error> + Send,
{
    let keys = Keys::of_catalog(catalog);
    // One reading thread, so one sink: it takes `each` from the slot.
    let slot = Mutex::new(Some(each));
    let make = || Handing {
        rows: ObservationRows::new(&keys, csv),
        each: slot.lock().ok().and_then(|mut each| each.take()),
        error: None,
    };
    let (sinks, errors) = scan_with(csv, &keys, 1, MIN_CHUNK, make);
    if !errors.is_empty() {
        return Err(Errors::from_vec(errors));
    }
    match sinks.into_iter().find_map(|(sink, _)| sink.error) {
        Some(e) => Err(e.into()),
        None => Ok(()),
    }
}

/// Hands every row on as an observation; the first error is kept and ends
/// the handing on.
struct Handing<'a, F> {
    rows: ObservationRows<'a>,
    each: Option<F>,
    error: Option<Error>,
}

impl<F: FnMut(&Observation) -> Result<(), Error> + Send> Sink for Handing<'_, F> {
    const NEEDS_QUANTITY: bool = true;

    fn row(&mut self, row: &Row) {
        if self.error.is_some() {
            return;
        }
        let (Some(each), Some(observation)) = (&mut self.each, self.rows.observation(row)) else {
            return;
        };
        if let Err(e) = each(&observation) {
            self.error = Some(e);
        }
    }
}

/// The observations of the rows of `csv` whose jurisdiction, metric and
/// last day `keep` accepts, in file order (one reading thread); or every
/// problem of the file.
pub(crate) fn collect_observations<K>(
    catalog: &Catalog,
    csv: &Path,
    keep: K,
) -> Result<Vec<Observation>, Errors>
where
    K: Fn(&JurisdictionCode, &Id, NaiveDate) -> bool + Sync,
{
    let keys = Keys::of_catalog(catalog);
    let make = || Kept {
        rows: ObservationRows::new(&keys, csv),
        keys: &keys,
        keep: &keep,
        kept: Vec::new(),
    };
    let (sinks, errors) = scan_with(csv, &keys, 1, MIN_CHUNK, make);
    if !errors.is_empty() {
        return Err(Errors::from_vec(errors));
    }
    Ok(sinks.into_iter().flat_map(|(sink, _)| sink.kept).collect())
}

/// Keeps the rows its predicate accepts, as observations.
struct Kept<'a, K> {
    rows: ObservationRows<'a>,
    keys: &'a Keys,
    keep: &'a K,
    kept: Vec<Observation>,
}

impl<K: Fn(&JurisdictionCode, &Id, NaiveDate) -> bool + Sync> Sink for Kept<'_, K> {
    const NEEDS_QUANTITY: bool = true;

    fn row(&mut self, row: &Row) {
        let jurisdiction = &self.keys.jurisdictions.items[row.jurisdiction as usize];
        let metric = &self.keys.metrics.items[row.metric as usize].0;
        if !(self.keep)(jurisdiction, metric, row.day) {
            return;
        }
        if let Some(observation) = self.rows.observation(row) {
            self.kept.push(observation);
        }
    }
}
