//! The rows of a folder's `observations.csv` streamed into `observations`:
//! one thread reads and checks the file, this one inserts, with a bounded
//! queue of batches between them.

use std::path::Path;
use std::sync::mpsc::{SyncSender, sync_channel};

use rusqlite::Transaction;

use super::catalog::unnamed_source;
use super::records::{Figure, INSERT_OBSERVATION};
use crate::Catalog;
use crate::error::{Error, Errors};
use crate::load::bulk::{self, Keys, Row, Sink};
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
/// gives them; every problem of the file is returned, and nothing is kept.
pub(super) fn observations(
    tx: &Transaction<'_>,
    catalog: &Catalog,
    csv: &Path,
    fail: &impl Fn(rusqlite::Error) -> Error,
) -> Result<(), Errors> {
    unnamed_source(tx).map_err(fail)?;
    let keys = Keys::of_catalog(catalog);
    let stem = bulk::stem(csv);
    let mut insert = tx.prepare(INSERT_OBSERVATION).map_err(fail)?;
    let (queue, batches) = sync_channel::<Vec<Item>>(QUEUE);
    let (inserted, problems) = std::thread::scope(|scope| {
        let reader = scope.spawn(|| {
            let make = || Batcher {
                queue: queue.clone(),
                batch: Vec::with_capacity(BATCH),
            };
            // One thread: the ids take the file's lines.
            let (sinks, problems) = bulk::scan_with(csv, &keys, 1, u64::MAX, make);
            for (sink, _) in sinks {
                let _ = queue.send(sink.batch);
            }
            drop(queue);
            problems
        });
        let mut inserted = Ok(());
        for batch in batches {
            inserted = batch
                .iter()
                .try_for_each(|item| figure(catalog, &stem, item, &mut insert));
            if inserted.is_err() {
                break;
            }
        }
        let problems = reader
            .join()
            .unwrap_or_else(|p| std::panic::resume_unwind(p));
        (inserted, problems)
    });
    if !problems.is_empty() {
        return Err(Errors::from_vec(problems));
    }
    inserted.map_err(fail)?;
    Ok(())
}

/// Inserts one row as the observation a catalogue load makes of it
/// (`observations_12`, after the file's `stem`).
fn figure(
    catalog: &Catalog,
    stem: &str,
    item: &Item,
    insert: &mut rusqlite::Statement<'_>,
) -> rusqlite::Result<()> {
    let id = bulk::row_id(stem, item.line);
    let source = match item.source {
        Some(s) => catalog.sources()[s as usize].id.as_str(),
        None => bulk::UNNAMED_SOURCE,
    };
    Figure {
        id: &id,
        jurisdiction: catalog.jurisdictions()[item.jurisdiction as usize]
            .code
            .as_str(),
        metric: catalog.metrics()[item.metric as usize].id.as_str(),
        comparator: None,
        value: item.value,
        as_of: item.as_of,
        source,
        quote: "",
        note: None,
    }
    .insert(insert)
}
