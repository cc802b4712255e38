//! The foreign keys, checked once for the whole database before the
//! commit rather than row by row (see `src/design.rs`, "The SQLite export").

use rusqlite::ffi;
use rusqlite::{Connection, Transaction};

/// Fails, naming the first broken reference, unless every foreign key of
/// `table` (of every table if `None`) resolves: `PRAGMA foreign_key_check`
/// finds no row.
pub(super) fn check(tx: &Transaction<'_>, table: Option<&str>) -> rusqlite::Result<()> {
    let mut check = tx.prepare("SELECT * FROM pragma_foreign_key_check(?1)")?;
    let mut rows = check.query([table])?;
    let Some(row) = rows.next()? else {
        return Ok(());
    };
    let table: String = row.get(0)?;
    let rowid: Option<i64> = row.get(1)?;
    let parent: String = row.get(2)?;
    let at = rowid.map_or_else(String::new, |r| format!(" (row {r})"));
    Err(broken(&format!(
        "a row of {table}{at} refers to no row of {parent}"
    )))
}

/// The tables of the catalogue's records but `observations`, whose rows a
/// bulk folder's export checks as they are written (the catalogue's with
/// [`check`] before the folder's rows go in, the folder's with
/// [`Referenced::check`]), and `progress`, checked once its rows are in.
pub(super) const CATALOGUE_TABLES: [&str; 4] = ["jurisdictions", "metrics", "sources", "targets"];

/// The parent keys that the rows of a bulk folder refer to, noted as they
/// are inserted, each once.
pub(super) struct Referenced<'a> {
    /// Per parent table, its key column and, by the key's number in the
    /// catalogue, the keys referred to.
    parents: [(&'static str, &'static str, Vec<Option<&'a str>>); 3],
}

impl<'a> Referenced<'a> {
    pub(super) fn new() -> Self {
        Referenced {
            parents: [
                ("jurisdictions", "code", Vec::new()),
                ("metrics", "id", Vec::new()),
                ("sources", "id", Vec::new()),
            ],
        }
    }

    /// Notes that a row refers to `key`, numbered `number`, of the
    /// jurisdictions (`parent` 0), metrics (1) or sources (2).
    pub(super) fn add(&mut self, parent: usize, number: usize, key: &'a str) {
        let keys = &mut self.parents[parent].2;
        if keys.len() <= number {
            keys.resize(number + 1, None);
        }
        keys[number] = Some(key);
    }

    /// Fails, naming the first key missing, unless every key referred to
    /// is a row of its table: the foreign keys of `observations` hold for
    /// every row that referred to them, as `PRAGMA foreign_key_check` on
    /// the table would find.
    pub(super) fn check(&self, tx: &Connection) -> rusqlite::Result<()> {
        for (table, column, keys) in &self.parents {
            let mut find = tx.prepare(&format!("SELECT 1 FROM {table} WHERE {column} = ?1"))?;
            for key in keys.iter().flatten() {
                if !find.exists([key])? {
                    return Err(broken(&format!(
                        "a row of observations refers to no row of {table} ({column} {key})"
                    )));
                }
            }
        }
        Ok(())
    }
}

/// The error of a broken reference, as SQLite would name it.
fn broken(what: &str) -> rusqlite::Error {
    rusqlite::Error::SqliteFailure(
        ffi::Error::new(ffi::SQLITE_CONSTRAINT_FOREIGNKEY),
        Some(format!("FOREIGN KEY constraint failed: {what}")),
    )
}

#[cfg(test)]
mod tests {
    use rusqlite::Connection;

    use super::*;

    #[test]
    fn a_dangling_reference_is_named() {
        let mut db = Connection::open_in_memory().unwrap();
        db.execute_batch(
            "PRAGMA foreign_keys = OFF;
             CREATE TABLE metrics (id TEXT PRIMARY KEY);
             CREATE TABLE targets (id TEXT PRIMARY KEY, metric TEXT REFERENCES metrics (id));
             INSERT INTO metrics VALUES ('datasets');
             INSERT INTO targets VALUES ('a', 'datasets');",
        )
        .unwrap();
        let tx = db.transaction().unwrap();
        check(&tx, None).unwrap();
        tx.execute("INSERT INTO targets VALUES ('b', 'enterprises')", [])
            .unwrap();
        check(&tx, Some("metrics")).unwrap();
        let err = check(&tx, Some("targets")).unwrap_err().to_string();
        assert_eq!(err, check(&tx, None).unwrap_err().to_string());
        assert_eq!(
            err,
            "FOREIGN KEY constraint failed: a row of targets (row 2) refers to no row of metrics"
        );
    }

    #[test]
    fn a_key_referred_to_must_be_a_row() {
        let db = Connection::open_in_memory().unwrap();
        db.execute_batch(
            "CREATE TABLE jurisdictions (code TEXT PRIMARY KEY);
             CREATE TABLE metrics (id TEXT PRIMARY KEY);
             CREATE TABLE sources (id TEXT PRIMARY KEY);
             INSERT INTO jurisdictions VALUES ('320000');
             INSERT INTO metrics VALUES ('datasets');",
        )
        .unwrap();
        let mut referenced = Referenced::new();
        referenced.add(0, 3, "320000");
        referenced.add(1, 0, "datasets");
        referenced.add(0, 3, "320000");
        referenced.check(&db).unwrap();
        referenced.add(2, 1, "observations_csv");
        assert_eq!(
            referenced.check(&db).unwrap_err().to_string(),
            "FOREIGN KEY constraint failed: a row of observations refers to no row of \
             sources (id observations_csv)"
        );
    }
}
