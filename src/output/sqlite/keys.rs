//! The foreign keys, checked once for the whole database before the
//! commit rather than row by row (see `src/design.rs`, "The SQLite export").

use rusqlite::Transaction;
use rusqlite::ffi;

/// Fails, naming the first broken reference, unless every foreign key of
/// `table` (of every table if `None`) resolves: `PRAGMA foreign_key_check`
/// finds no row.
pub(super) fn check(tx: &Transaction<'_>, table: Option<&str>) -> rusqlite::Result<()> {
    let mut check = tx.prepare("SELECT * FROM pragma_foreign_key_check(?1)")?;
    let mut broken = check.query([table])?;
    let Some(row) = broken.next()? else {
        return Ok(());
    };
    let table: String = row.get(0)?;
    let rowid: Option<i64> = row.get(1)?;
    let parent: String = row.get(2)?;
    let at = rowid.map_or_else(String::new, |r| format!(" (row {r})"));
    Err(rusqlite::Error::SqliteFailure(
        ffi::Error::new(ffi::SQLITE_CONSTRAINT_FOREIGNKEY),
        Some(format!(
            "FOREIGN KEY constraint failed: a row of {table}{at} refers to no row of {parent}"
        )),
    ))
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
}
