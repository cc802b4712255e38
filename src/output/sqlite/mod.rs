//! The catalogue and the engine's answers as one SQLite database, for
//! dashboards and publishing tools (`targets export --format sqlite`).
//!
//! Tables `jurisdictions`, `metrics`, `sources`, `targets` and
//! `observations` carry the fields of the JSON export (the DDL is in
//! `schema.sql`), with primary and foreign keys and the enumerations
//! checked; `progress` holds the answer of
//! [`progress`](crate::progress::progress) on the as-of date, one row per
//! target with its rank; the views `latest_observations` and
//! `targets_per_capita` can be charted directly; `meta` names the format
//! version, the as-of date, the crate version and the writer.
//!
//! Exact decimals are TEXT under the JSON field's name (`canonical_value`),
//! each with a REAL twin (`canonical_value_num`) for charting; dates are ISO
//! 8601 text. Everything is written in one transaction, with prepared
//! statements; every foreign key is checked once before the commit (`PRAGMA
//! foreign_key_check`; in the export of a bulk folder, the rows of
//! `observations`, `targets` and `progress` by the distinct keys they name),
//! and a broken one fails the export (see the design notes, "The SQLite
//! export").
//!
//! ```
//! use policy_targets::{progress, sqlite, Catalog};
//!
//! let catalog = Catalog::bundled()?;
//! let as_of = "2026-06-30".parse().unwrap();
//! let report = progress::progress(&catalog, as_of, &progress::Options::default());
//! let path = std::env::temp_dir().join(format!("sqlite-doc-{}.db", std::process::id()));
//! # let _ = std::fs::remove_file(&path);
//! sqlite::write(&path, &catalog, &report)?;
//! assert!(sqlite::is_export(&path));
//! std::fs::remove_file(&path).unwrap();
//! # Ok::<(), policy_targets::Errors>(())
//! ```

mod catalog;
mod cells;
mod keys;
mod progress;
mod records;
mod stream;

use std::path::Path;

use chrono::NaiveDate;
use rusqlite::{Connection, OpenFlags, Transaction};

use crate::Catalog;
use crate::encode::FORMAT_VERSION;
use crate::engine::progress::{Options, Progress, progress as progress_of};
use crate::error::{Error, ErrorKind, Errors, Position};
use crate::load::bulk::{self, Rows};
use crate::load::load_folder;

/// The tables, with their keys and checks.
const SCHEMA: &str = include_str!("schema.sql");
/// The indexes of the catalogue's records, made once the rows are in.
const INDEXES: &str = include_str!("indexes.sql");
/// The indexes of the observations.
const OBSERVATION_INDEXES: &str = include_str!("observation_indexes.sql");
/// The indexes of `progress`, made once its rows are in, and the views.
const VIEWS: &str = include_str!("views.sql");

/// The value of the `meta` row `generator` that marks a database this
/// module wrote (see [`is_export`]).
pub const MARKER: &str = "policy-targets export --format sqlite";

/// Writes the catalogue and `report` (its progress on `report.as_of`) into
/// the SQLite database `path`, which must be a new or empty file.
pub fn write(path: &Path, catalog: &Catalog, report: &Progress) -> Result<(), Errors> {
    let fail = sql_error(path);
    let mut connection = open(path).map_err(&fail)?;
    let tx = begin(&mut connection).map_err(&fail)?;
    fill(&tx, catalog, report.as_of).map_err(&fail)?;
    progress::rows(&tx, &report.rows).map_err(&fail)?;
    finish(tx).map_err(&fail)?;
    Ok(())
}

/// [`write()`] for a data folder: its `observations.csv`, if it has one, is
/// read once, as a stream, by a thread that checks each row, computes the
/// progress from them (as [`progress_folder`](crate::progress::progress_folder)
/// does) and writes their cells as text, while this one inserts them into
/// `observations`, in memory that does not grow with the file.
///
/// Returns every problem of the folder, or the failure to write.
pub fn write_folder(
    path: &Path,
    dir: &Path,
    as_of: NaiveDate,
    options: &Options,
) -> Result<(), Errors> {
    let catalog = load_folder(dir, Rows::None)?;
    let csv = dir.join(bulk::OBSERVATIONS_CSV);
    if !csv.is_file() {
        return write(path, &catalog, &progress_of(&catalog, as_of, options));
    }
    let fail = sql_error(path);
    let mut connection = open(path).map_err(&fail)?;
    let tx = begin(&mut connection).map_err(&fail)?;
    meta(&tx, as_of).map_err(&fail)?;
    parents(&tx, &catalog).map_err(&fail)?;
    // The catalogue's observations are checked now, the folder's as they
    // go in; the indexes of the observations are kept up as the rows go in
    // for as long as the rows follow their order.
    records::observations(&tx, catalog.observations()).map_err(&fail)?;
    keys::check(&tx, Some("observations")).map_err(&fail)?;
    tx.execute_batch(OBSERVATION_INDEXES).map_err(&fail)?;
    // The targets go in while they are evaluated.
    let meanwhile = || {
        records::targets(&tx, &catalog)?;
        for table in keys::PARENT_TABLES {
            keys::check(&tx, Some(table))?;
        }
        let named = catalog.targets().iter().map(|t| {
            let source = t.source.as_str();
            [t.jurisdiction.as_str(), t.metric.as_str(), source]
        });
        keys::check_keys(&tx, "targets", &keys::TARGET_REFERENCES, named)?;
        tx.execute_batch(INDEXES)
    };
    let report = stream::observations(&tx, &catalog, &csv, (as_of, options), &fail, meanwhile)?;
    progress::rows(&tx, &report.rows).map_err(&fail)?;
    let named = report.rows.iter().map(|r| {
        let metric = r.metric.as_str();
        [r.target_id.as_str(), r.jurisdiction.as_str(), metric]
    });
    keys::check_keys(&tx, "progress", &keys::PROGRESS_REFERENCES, named).map_err(&fail)?;
    tx.execute_batch(VIEWS).map_err(&fail)?;
    // The indexes the rows did not follow are sorted while the catalogue's
    // memory is given back.
    std::thread::scope(|scope| {
        scope.spawn(move || drop((report, catalog)));
        tx.execute_batch(OBSERVATION_INDEXES)
    })
    .map_err(&fail)?;
    commit(tx).map_err(&fail)?;
    Ok(())
}

/// Whether `path` is a database this module wrote: an SQLite file whose
/// `meta` table has the [`MARKER`] row. The file is opened read-only.
pub fn is_export(path: &Path) -> bool {
    let flags = OpenFlags::SQLITE_OPEN_READ_ONLY | OpenFlags::SQLITE_OPEN_NO_MUTEX;
    let Ok(connection) = Connection::open_with_flags(path, flags) else {
        return false;
    };
    connection
        .query_row(
            "SELECT value FROM meta WHERE key = 'generator'",
            [],
            |row| row.get::<_, String>(0),
        )
        .is_ok_and(|v| v == MARKER)
}

/// The new database at `path`: pages of 16 KiB and a page cache of 64 MiB
/// (on the 3.84 million-row folder, about 4 % less CPU time than 8 KiB and
/// 32 MiB, for 35 MiB more memory: fewer page splits and fewer pages
/// written out and read back while the primary key of `observations` is
/// kept up), indexes sorted on this thread (SQLite's sorting threads take
/// half as much CPU time again, and their buffers, for little less time
/// when a core is free), foreign keys checked once at the end
/// ([`keys::check`]) rather than on each insert. The file is written
/// without a rollback journal: a failed export is discarded whole, never
/// rolled back in place.
fn open(path: &Path) -> rusqlite::Result<Connection> {
    let connection = Connection::open(path)?;
    connection.execute_batch(
        "PRAGMA page_size = 16384; PRAGMA foreign_keys = OFF; PRAGMA journal_mode = OFF;
         PRAGMA synchronous = OFF; PRAGMA cache_size = -65536; PRAGMA threads = 0;",
    )?;
    Ok(connection)
}

/// The one transaction, with the tables made.
fn begin(connection: &mut Connection) -> rusqlite::Result<Transaction<'_>> {
    let tx = connection.transaction()?;
    tx.execute_batch(SCHEMA)?;
    Ok(tx)
}

/// `meta` and the catalogue's records, its own observations included.
fn fill(tx: &Transaction<'_>, catalog: &Catalog, as_of: NaiveDate) -> rusqlite::Result<()> {
    meta(tx, as_of)?;
    parents(tx, catalog)?;
    records::targets(tx, catalog)?;
    records::observations(tx, catalog.observations())
}

/// The records that targets and observations refer to: jurisdictions,
/// metrics and sources.
fn parents(tx: &Transaction<'_>, catalog: &Catalog) -> rusqlite::Result<()> {
    catalog::jurisdictions(tx, catalog.jurisdictions())?;
    catalog::metrics(tx, catalog.metrics())?;
    catalog::sources(tx, catalog.sources())
}

/// The check of every foreign key, the indexes and views, then the commit.
fn finish(tx: Transaction<'_>) -> rusqlite::Result<()> {
    keys::check(&tx, None)?;
    tx.execute_batch(OBSERVATION_INDEXES)?;
    tx.execute_batch(INDEXES)?;
    tx.execute_batch(VIEWS)?;
    commit(tx)
}

/// The statistics of the query planner (sampled: a few milliseconds), then
/// the commit.
fn commit(tx: Transaction<'_>) -> rusqlite::Result<()> {
    tx.execute_batch("PRAGMA analysis_limit = 1000; ANALYZE;")?;
    tx.commit()
}

/// The `meta` rows: format version, as-of date, crate version, the marker.
fn meta(tx: &Transaction<'_>, as_of: NaiveDate) -> rusqlite::Result<()> {
    let mut insert = tx.prepare("INSERT INTO meta (key, value) VALUES (?1, ?2)")?;
    for (key, value) in [
        ("format_version", FORMAT_VERSION.to_string()),
        ("as_of", as_of.to_string()),
        ("crate_version", env!("CARGO_PKG_VERSION").to_owned()),
        ("generator", MARKER.to_owned()),
    ] {
        insert.execute((key, value))?;
    }
    Ok(())
}

/// A failure of SQLite on `path`, as an error naming the file.
fn sql_error(path: &Path) -> impl Fn(rusqlite::Error) -> Error + '_ {
    move |e| {
        Error::at(
            ErrorKind::Io(std::io::Error::other(e)),
            Position::new().with_file(path),
        )
    }
}

/// A decimal as exact text and as the nearest REAL.
fn decimal(d: rust_decimal::Decimal) -> (String, f64) {
    let text = d.to_string();
    let num = text.parse().unwrap_or(f64::NAN);
    (text, num)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The values each CHECK constraint of the schema on `column` allows
    /// (`CHECK (column = 'a' OR column = 'b')`), in the order of the schema.
    fn allowed(column: &str) -> Vec<Vec<String>> {
        let equals = format!("{column} = ");
        SCHEMA
            .match_indices(&format!("CHECK ({equals}"))
            .map(|(start, found)| {
                let rest = &SCHEMA[start + found.len() - equals.len()..];
                rest[..rest.find(')').unwrap()]
                    .split(" OR ")
                    .map(|s| {
                        let value = s.trim().strip_prefix(&equals).unwrap();
                        value.trim_matches('\'').to_owned()
                    })
                    .collect()
            })
            .collect()
    }

    fn names<T: Copy>(all: &[T], name: fn(T) -> &'static str) -> Vec<String> {
        all.iter().map(|x| name(*x).to_owned()).collect()
    }

    /// Whether a name parses as the model's value.
    type Parses = fn(&str) -> bool;

    #[test]
    fn checks_allow_exactly_the_model_names() {
        use crate::engine::progress::Status as Verdict;
        use crate::{Comparator, Dimension, Level};
        assert_eq!(allowed("level"), [names(&Level::ALL, Level::as_str)]);
        assert_eq!(
            allowed("dimension"),
            [names(&Dimension::ALL, Dimension::as_str)]
        );
        assert_eq!(
            allowed("comparator"),
            vec![names(&Comparator::ALL, Comparator::as_str); 3]
        );
        assert_eq!(allowed("status")[1], names(&Verdict::ALL, Verdict::as_str));
        assert_eq!(
            allowed("grade"),
            [names(&crate::Grade::ALL, crate::Grade::as_str)]
        );
        let parses: [(&str, Parses); 6] = [
            ("polarity", |s| s.parse::<crate::Polarity>().is_ok()),
            ("basis", |s| s.parse::<crate::Basis>().is_ok()),
            ("force", |s| s.parse::<crate::Force>().is_ok()),
            ("status", |s| s.parse::<crate::Status>().is_ok()),
            ("deadline_precision", |s| {
                s.parse::<crate::Precision>().is_ok()
            }),
            ("pace", |s| s.parse::<crate::progress::Pace>().is_ok()),
        ];
        for (column, parse) in parses {
            assert!(allowed(column)[0].iter().all(|v| parse(v)), "{column}");
        }
    }
}
