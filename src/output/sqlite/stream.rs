//! The rows of a folder's `observations.csv` streamed into `observations`:
//! one thread reads and checks the file (and computes the progress from
//! the same rows) and writes the text of each row's cells, this one only
//! binds and inserts them, many rows per statement, with a bounded queue of
//! batches between them.

use std::path::Path;
use std::sync::mpsc::{SyncSender, sync_channel};

use chrono::NaiveDate;
use rusqlite::{Connection, Statement, Transaction};

use super::catalog::unnamed_source;
use super::cells::{Day, Digits, Number, UnitNames};
use super::keys::Referenced;
use crate::Catalog;
use crate::engine::progress::{Options, Progress};
use crate::error::{Error, Errors};
use crate::load::bulk::{self, Row, Sink};
use crate::{Precision, Unit};

/// Rows handed over at once.
const BATCH: usize = 4096;
/// Batches waiting at most (memory stays below `BATCH × QUEUE` rows).
const QUEUE: usize = 4;
/// Rows inserted by one statement (SQLite keeps its cursors open from one
/// row to the next within a statement, not across statements).
const ROWS: usize = 64;
/// The parameters of one row of the insert.
const PARAMS: usize = 12;

/// A valid row, as the reading thread hands it over: its numbers into the
/// catalogue, and its cells as text in [`Batch::text`] where they are not
/// bound as numbers.
struct Item {
    /// The line, which makes the row's id.
    line: u64,
    jurisdiction: u32,
    metric: u32,
    source: Option<u32>,
    day: NaiveDate,
    precision: Precision,
    unit: Unit,
    canonical_unit: Unit,
    /// How the value is bound, and the canonical value (`None`: as the
    /// value).
    value: Digits,
    canonical: Option<Digits>,
    /// Where the value, the canonical value and the date end in the
    /// batch's text (each starts where the one before ends, the first where
    /// the row before ends; a value bound as an integer, and a canonical
    /// value bound as the value, are empty).
    ends: [u32; 3],
    value_num: f64,
    canonical_num: f64,
}

/// Rows handed over at once, with the text of their cells.
#[derive(Default)]
struct Batch {
    text: String,
    items: Vec<Item>,
}

/// Gathers rows into batches, writing the text of their cells, and sends
/// each full one.
struct Batcher {
    queue: SyncSender<Batch>,
    batch: Batch,
    value: Number,
    canonical: Number,
    day: Day,
}

impl Batcher {
    fn new(queue: SyncSender<Batch>) -> Batcher {
        Batcher {
            queue,
            batch: Batch::default(),
            value: Number::default(),
            canonical: Number::default(),
            day: Day::new(),
        }
    }
}

impl Sink for Batcher {
    const NEEDS_QUANTITY: bool = true;

    fn row(&mut self, row: &Row) {
        let Some(q) = row.quantity else { return };
        let text = &mut self.batch.text;
        let end = |text: &String| u32::try_from(text.len()).unwrap_or(u32::MAX);
        self.value.set(q.value());
        text.push_str(self.value.text());
        let value = end(text);
        let canonical = q.canonical_value();
        let same = canonical == q.value() && canonical.scale() == q.value().scale();
        let (canonical_digits, canonical_num) = if same {
            (None, self.value.num())
        } else {
            self.canonical.set(canonical);
            text.push_str(self.canonical.text());
            (Some(self.canonical.digits()), self.canonical.num())
        };
        let canonical_end = end(text);
        self.day.changed(row.as_of);
        text.push_str(self.day.text());
        self.batch.items.push(Item {
            line: row.line,
            jurisdiction: row.jurisdiction,
            metric: row.metric,
            source: row.source,
            day: row.day,
            precision: row.as_of.precision(),
            unit: q.unit(),
            canonical_unit: q.dimension().canonical_unit(),
            value: self.value.digits(),
            canonical: canonical_digits,
            ends: [value, canonical_end, end(text)],
            value_num: self.value.num(),
            canonical_num,
        });
        // Offsets stay within u32: a batch's text is a few hundred KB.
        if self.batch.items.len() >= BATCH {
            let full = std::mem::take(&mut self.batch);
            self.batch.items.reserve(BATCH);
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
    let mut bulk = Bulk::new(tx, catalog, &stem).map_err(fail)?;
    let (queue, batches) = sync_channel::<Batch>(QUEUE);
    let (inserted, report) = std::thread::scope(|scope| {
        let reader = scope.spawn(move || {
            let tee = move || Batcher::new(queue.clone());
            let flush = |sinks: Vec<Batcher>| {
                for sink in sinks {
                    let _ = sink.queue.send(sink.batch);
                }
            };
            crate::engine::progress::stream_with(catalog, csv, as_of, options, tee, flush)
        });
        let mut inserted = Ok(());
        for batch in batches {
            inserted = bulk.batch(&batch);
            if inserted.is_err() {
                break;
            }
        }
        if inserted.is_ok() {
            inserted = bulk.finish();
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

/// The insert of `rows` rows of `observations.csv` at once: [`PARAMS`]
/// parameters a row, the first the line, which follows the one parameter
/// after them all, the stem of the ids with its underscore, to make the
/// id (`observations_12`); the comparator and the note are NULL, the quote
/// empty. A broken constraint fails the statement, keeping the rows before
/// it (`OR FAIL`, which needs no statement journal: the export then fails
/// whole).
fn insert_rows(rows: usize) -> String {
    let mut sql = String::from(
        "INSERT OR FAIL INTO observations (id, jurisdiction, metric, value, value_num, unit,
             canonical_value, canonical_value_num, canonical_unit, as_of, as_of_precision,
             source, quote) VALUES ",
    );
    for r in 0..rows {
        if r > 0 {
            sql.push_str(", ");
        }
        sql.push_str(&format!("(?{} || ", rows * PARAMS + 1));
        for p in 1..=PARAMS {
            sql.push_str(&format!("?{}, ", r * PARAMS + p));
        }
        sql.push_str("'')");
    }
    sql
}

/// The inserts of the rows of `observations.csv`: [`ROWS`] rows at once,
/// the rows left at the end one by one.
struct Bulk<'c, 's> {
    tx: &'s Connection,
    catalog: &'c Catalog,
    /// The insert of [`ROWS`] rows, and of one.
    inserts: [Statement<'s>; 2],
    units: UnitNames,
    /// The keys of the jurisdictions, metrics and sources bound so far.
    referenced: Referenced<'c>,
    /// What each row of the first insert, then the row of the second, was
    /// bound to last.
    bound: [Option<Bound>; ROWS + 1],
    /// Whether each index of the observations is still kept up row by row.
    kept: [bool; 2],
    /// The jurisdiction, metric and day of the row before.
    last: Option<(u32, u32, NaiveDate)>,
}

/// The index on `(jurisdiction, metric, as_of)` and the one on `as_of`
/// (`observation_indexes.sql`), in the order of [`Bulk::kept`].
const INDEXES: [&str; 2] = ["observations_jurisdiction", "observations_as_of"];

impl<'c, 's> Bulk<'c, 's> {
    /// The prepared inserts, of rows whose ids start with `stem`.
    fn new(tx: &'s Connection, catalog: &'c Catalog, stem: &str) -> rusqlite::Result<Self> {
        let mut inserts = [
            tx.prepare(&insert_rows(ROWS))?,
            tx.prepare(&insert_rows(1))?,
        ];
        let prefix = format!("{stem}_");
        for (insert, rows) in inserts.iter_mut().zip([ROWS, 1]) {
            insert.raw_bind_parameter(rows * PARAMS + 1, prefix.as_str())?;
        }
        Ok(Bulk {
            tx,
            catalog,
            inserts,
            units: UnitNames::default(),
            referenced: Referenced::new(),
            bound: [None; ROWS + 1],
            kept: [true; 2],
            last: None,
        })
    }

    /// Inserts the rows of `batch`, as the observations a catalogue load
    /// makes of them (`observations_12`, after the file's stem): [`ROWS`]
    /// at once, those of a last part of fewer one by one.
    fn batch(&mut self, batch: &Batch) -> rusqlite::Result<()> {
        let mut start = 0;
        for rows in batch.items.chunks(ROWS) {
            let one = usize::from(rows.len() < ROWS);
            for (slot, item) in rows.iter().enumerate() {
                self.order(item)?;
                let text = &batch.text[start as usize..item.ends[2] as usize];
                let cells = Cells::of(item, text, start);
                start = item.ends[2];
                self.bind(item, cells, if one == 1 { ROWS } else { slot })?;
                if one == 1 {
                    self.inserts[1].raw_execute()?;
                }
            }
            if one == 0 {
                self.inserts[0].raw_execute()?;
            }
        }
        Ok(())
    }

    /// Binds `item` to the row `slot` of the first insert (to the second
    /// if `slot` is [`ROWS`]): its text cells and numbers, and those of
    /// its keys, units and date that differ from the row bound there before
    /// (SQLite keeps the others bound).
    fn bind(&mut self, item: &Item, cells: Cells<'_>, slot: usize) -> rusqlite::Result<()> {
        let now = Bound::of(item);
        let before = self.bound[slot].replace(now);
        let keys = self.keys(item);
        let units = self.units.both([item.unit, item.canonical_unit]);
        let (insert, base) = if slot == ROWS {
            (&mut self.inserts[1], 0)
        } else {
            (&mut self.inserts[0], slot * PARAMS)
        };
        // Line numbers stay far below i64::MAX.
        let line = i64::try_from(item.line).unwrap_or(i64::MAX);
        insert.raw_bind_parameter(base + 1, line)?;
        bind_digits(insert, base + 4, item.value, cells.value)?;
        insert.raw_bind_parameter(base + 5, item.value_num)?;
        let (canonical, canonical_text) = match item.canonical {
            Some(digits) => (digits, cells.canonical),
            None => (item.value, cells.value),
        };
        bind_digits(insert, base + 7, canonical, canonical_text)?;
        insert.raw_bind_parameter(base + 8, item.canonical_num)?;
        if before.is_none_or(|b| b.jurisdiction != now.jurisdiction) {
            insert.raw_bind_parameter(base + 2, keys[0])?;
        }
        if before.is_none_or(|b| b.metric != now.metric) {
            insert.raw_bind_parameter(base + 3, keys[1])?;
        }
        if before.is_none_or(|b| (b.unit, b.canonical_unit) != (now.unit, now.canonical_unit)) {
            insert.raw_bind_parameter(base + 6, units[0])?;
            insert.raw_bind_parameter(base + 9, units[1])?;
        }
        if before.is_none_or(|b| (b.day, b.precision) != (now.day, now.precision)) {
            insert.raw_bind_parameter(base + 10, cells.as_of)?;
            insert.raw_bind_parameter(base + 11, item.precision.as_str())?;
        }
        if before.is_none_or(|b| b.source != now.source) {
            insert.raw_bind_parameter(base + 12, keys[2])?;
        }
        Ok(())
    }

    /// Checks the keys the rows referred to.
    fn finish(&self) -> rusqlite::Result<()> {
        self.referenced.check(self.tx)
    }

    /// Drops each index of the observations whose order `item` does not
    /// follow (it comes before the row before): an index kept up row by
    /// row costs little while each row goes after the last, much more than
    /// one sort once the rows come in another order.
    fn order(&mut self, item: &Item) -> rusqlite::Result<()> {
        let (j, m, day) = (item.jurisdiction, item.metric, item.day);
        let Some((lj, lm, ld)) = self.last.replace((j, m, day)) else {
            return Ok(());
        };
        let code = |j: u32| self.catalog.jurisdictions()[j as usize].code.as_str();
        let id = |m: u32| self.catalog.metrics()[m as usize].id.as_str();
        let by_jurisdiction = if j != lj {
            code(j).cmp(code(lj))
        } else if m != lm {
            id(m).cmp(id(lm))
        } else {
            day.cmp(&ld)
        };
        let before = [by_jurisdiction.is_lt(), day < ld];
        for (i, out_of_order) in before.into_iter().enumerate() {
            if out_of_order && self.kept[i] {
                self.kept[i] = false;
                self.tx
                    .execute_batch(&format!("DROP INDEX {}", INDEXES[i]))?;
            }
        }
        Ok(())
    }

    /// The keys of the row's jurisdiction, metric and source, noted as
    /// referred to.
    fn keys(&mut self, item: &Item) -> [&'c str; 3] {
        let catalog = self.catalog;
        let (j, m) = (item.jurisdiction as usize, item.metric as usize);
        let code = catalog.jurisdictions()[j].code.as_str();
        let id = catalog.metrics()[m].id.as_str();
        let (s, source) = match item.source {
            Some(s) => (s as usize, catalog.sources()[s as usize].id.as_str()),
            None => (catalog.sources().len(), bulk::UNNAMED_SOURCE),
        };
        self.referenced.add(0, j, code);
        self.referenced.add(1, m, id);
        self.referenced.add(2, s, source);
        [code, id, source]
    }
}

/// Binds an exact decimal to parameter `at`: the integer, or `text`.
fn bind_digits(
    insert: &mut Statement<'_>,
    at: usize,
    digits: Digits,
    text: &str,
) -> rusqlite::Result<()> {
    match digits {
        Digits::Integer(i) => insert.raw_bind_parameter(at, i),
        Digits::Text => insert.raw_bind_parameter(at, text),
    }
}

/// The cells of a row bound once for the rows after it that share them.
#[derive(Clone, Copy, PartialEq)]
struct Bound {
    jurisdiction: u32,
    metric: u32,
    source: Option<u32>,
    day: NaiveDate,
    precision: Precision,
    unit: Unit,
    canonical_unit: Unit,
}

impl Bound {
    fn of(item: &Item) -> Bound {
        Bound {
            jurisdiction: item.jurisdiction,
            metric: item.metric,
            source: item.source,
            day: item.day,
            precision: item.precision,
            unit: item.unit,
            canonical_unit: item.canonical_unit,
        }
    }
}

/// The text cells of a row.
struct Cells<'t> {
    value: &'t str,
    canonical: &'t str,
    as_of: &'t str,
}

impl<'t> Cells<'t> {
    /// The cells of `item`, whose text is `text`, which starts at `start`
    /// of the batch's text.
    fn of(item: &Item, text: &'t str, start: u32) -> Cells<'t> {
        let [value, canonical, _] = item.ends.map(|e| (e - start) as usize);
        Cells {
            value: &text[..value],
            canonical: &text[value..canonical],
            as_of: &text[canonical..],
        }
    }
}
