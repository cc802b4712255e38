//! The rows of a folder's `observations.csv` streamed into `observations`:
//! one thread reads and checks the file (and computes the progress from
//! the same rows), this one inserts, with a bounded queue of batches
//! between them.

use std::path::Path;
use std::sync::mpsc::{SyncSender, sync_channel};

use chrono::NaiveDate;
use rusqlite::{Statement, Transaction};

use super::catalog::unnamed_source;
use super::cells::{Day, Number, RowId, UnitNames};
use super::records::INSERT_OBSERVATION;
use crate::Catalog;
use crate::engine::progress::{Options, Progress};
use crate::error::{Error, Errors};
use crate::load::bulk::{self, Row, Sink};
use crate::{PartialDate, Quantity};

/// Rows handed over at once.
const BATCH: usize = 4096;
/// Batches waiting at most (memory stays below `BATCH × QUEUE` rows).
const QUEUE: usize = 4;

/// A valid row, as the reading thread hands it over.
struct Item {
    line: u64,
    jurisdiction: u32,
    metric: u32,
    value: Quantity,
    as_of: PartialDate,
    source: Option<u32>,
}

/// Gathers rows into batches and sends each full one.
struct Batcher {
    queue: SyncSender<Vec<Item>>,
    batch: Vec<Item>,
}

impl Sink for Batcher {
    const NEEDS_QUANTITY: bool = true;

    fn row(&mut self, row: &Row) {
        let Some(value) = row.quantity else { return };
        self.batch.push(Item {
            line: row.line,
            jurisdiction: row.jurisdiction,
            metric: row.metric,
            value,
            as_of: row.as_of,
            source: row.source,
        });
        if self.batch.len() >= BATCH {
            let full = std::mem::replace(&mut self.batch, Vec::with_capacity(BATCH));
            // The receiver is gone only after a failed insert, reported there.
            let _ = self.queue.send(full);
        }
    }
}

/// Inserts every row of `csv` (the `observations.csv` of the folder
/// `catalog` was loaded from), with the ids and sources a catalogue load
/// gives them, while the thread that reads the file also computes the
/// progress on `as_of`, which is returned; every problem of the file is
/// returned, and nothing is kept. Once the rows are in, `meanwhile` runs on
/// this thread while the targets are being evaluated.
pub(super) fn observations(
    tx: &Transaction<'_>,
    catalog: &Catalog,
    csv: &Path,
    (as_of, options): (NaiveDate, &Options),
    fail: &impl Fn(rusqlite::Error) -> Error,
    meanwhile: impl FnOnce() -> rusqlite::Result<()>,
) -> Result<Progress, Errors> {
    unnamed_source(tx).map_err(fail)?;
    let stem = bulk::stem(csv);
    let insert = tx.prepare(INSERT_OBSERVATION).map_err(fail)?;
    let mut bulk = Bulk::new(catalog, &stem, insert).map_err(fail)?;
    let (queue, batches) = sync_channel::<Vec<Item>>(QUEUE);
    let (inserted, report) = std::thread::scope(|scope| {
        let reader = scope.spawn(move || {
            let tee = move || Batcher {
                queue: queue.clone(),
                batch: Vec::with_capacity(BATCH),
            };
            let flush = |sinks: Vec<Batcher>| {
                for sink in sinks {
                    let _ = sink.queue.send(sink.batch);
                }
            };
            crate::engine::progress::stream_with(catalog, csv, as_of, options, tee, flush)
        });
        let mut inserted = Ok(());
        for batch in batches {
            inserted = batch.iter().try_for_each(|item| bulk.row(item));
            if inserted.is_err() {
                break;
            }
        }
        drop(bulk);
        if inserted.is_ok() {
            inserted = meanwhile();
        }
        let report = reader
            .join()
            .unwrap_or_else(|p| std::panic::resume_unwind(p));
        (inserted, report)
    });
    // The problems of the file first, as `progress` reports them.
    let report = report?;
    inserted.map_err(fail)?;
    Ok(report)
}

/// The insert of the rows of `observations.csv`, binding only the cells
/// that differ from the row before (SQLite keeps the others bound).
struct Bulk<'c, 's> {
    catalog: &'c Catalog,
    insert: Statement<'s>,
    id: RowId,
    value: Number,
    canonical: Number,
    units: UnitNames,
    day: Day,
    /// The jurisdiction, metric and source bound last (none at first).
    last: Option<(u32, u32, Option<u32>)>,
}

impl<'c, 's> Bulk<'c, 's> {
    /// The prepared insert, with the cells that never change bound.
    fn new(catalog: &'c Catalog, stem: &str, mut insert: Statement<'s>) -> rusqlite::Result<Self> {
        // comparator (4) and note (15) stay NULL; the quote is empty.
        insert.raw_bind_parameter(14, "")?;
        Ok(Bulk {
            catalog,
            insert,
            id: RowId::new(stem),
            value: Number::default(),
            canonical: Number::default(),
            units: UnitNames::default(),
            day: Day::new(),
            last: None,
        })
    }

    /// Inserts one row as the observation a catalogue load makes of it
    /// (`observations_12`, after the file's stem).
    fn row(&mut self, item: &Item) -> rusqlite::Result<()> {
        let insert = &mut self.insert;
        insert.raw_bind_parameter(1, self.id.of(item.line))?;
        self.keys(item)?;
        let insert = &mut self.insert;
        let q = item.value;
        self.value.set(q.value());
        insert.raw_bind_parameter(5, self.value.text())?;
        insert.raw_bind_parameter(6, self.value.num())?;
        let canonical = q.canonical_value();
        let same = canonical == q.value() && canonical.scale() == q.value().scale();
        let exact = if same {
            &self.value
        } else {
            self.canonical.set(canonical);
            &self.canonical
        };
        insert.raw_bind_parameter(8, exact.text())?;
        insert.raw_bind_parameter(9, exact.num())?;
        insert.raw_bind_parameter(7, self.units.of(q.unit()))?;
        insert.raw_bind_parameter(10, self.units.of(q.dimension().canonical_unit()))?;
        if self.day.changed(item.as_of) {
            insert.raw_bind_parameter(11, self.day.text())?;
            insert.raw_bind_parameter(12, item.as_of.precision().as_str())?;
        }
        insert.raw_execute()?;
        Ok(())
    }

    /// Binds the jurisdiction, metric and source where they changed.
    fn keys(&mut self, item: &Item) -> rusqlite::Result<()> {
        let (j, m, s) = (item.jurisdiction, item.metric, item.source);
        let last = self.last.replace((j, m, s));
        let insert = &mut self.insert;
        if last.map(|l| l.0) != Some(j) {
            let code = self.catalog.jurisdictions()[j as usize].code.as_str();
            insert.raw_bind_parameter(2, code)?;
        }
        if last.map(|l| l.1) != Some(m) {
            insert.raw_bind_parameter(3, self.catalog.metrics()[m as usize].id.as_str())?;
        }
        if last.map(|l| l.2) != Some(s) {
            let source = match s {
                Some(s) => self.catalog.sources()[s as usize].id.as_str(),
                None => bulk::UNNAMED_SOURCE,
            };
            insert.raw_bind_parameter(13, source)?;
        }
        Ok(())
    }
}
