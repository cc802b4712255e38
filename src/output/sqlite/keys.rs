//! The foreign keys, checked once for the whole database before the
//! commit rather than row by row (see `src/design.rs`, "The SQLite export").

use std::collections::HashSet;

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

/// The tables of the catalogue's records that a bulk folder's export checks
/// with [`check`]: those the others refer to. The observations are checked
/// as they are written (the catalogue's with [`check`] before the folder's
/// rows go in, the folder's with [`Referenced::check`]), `targets` and
/// `progress` by the keys their rows name ([`check_keys`]).
pub(super) const PARENT_TABLES: [&str; 3] = ["jurisdictions", "metrics", "sources"];

/// A foreign key: the column, the table it refers to and that table's key.
pub(super) type Reference = (&'static str, &'static str, &'static str);

/// The foreign keys of `targets`, in the order of [`check_keys`]'s keys.
pub(super) const TARGET_REFERENCES: [Reference; 3] = [
    ("jurisdiction", "jurisdictions", "code"),
    ("metric", "metrics", "id"),
    ("source", "sources", "id"),
];

/// The foreign keys of `progress`, in the order of [`check_keys`]'s keys.
pub(super) const PROGRESS_REFERENCES: [Reference; 3] = [
    ("target_id", "targets", "id"),
    ("jurisdiction", "jurisdictions", "code"),
    ("metric", "metrics", "id"),
];

/// Fails, naming the first key missing, unless every key that a row of
/// `table` names (`rows`, one key per reference of `references`, which are
/// the table's foreign keys) is a row of the table it refers to: what
/// `PRAGMA foreign_key_check` on `table` finds, with one look-up per
/// distinct key rather than per row and reference.
pub(super) fn check_keys<'k, const N: usize>(
    tx: &Connection,
    table: &str,
    references: &[Reference; N],
    rows: impl Iterator<Item = [&'k str; N]>,
) -> rusqlite::Result<()> {
    let mut keys: [HashSet<&str>; N] = std::array::from_fn(|_| HashSet::new());
    for row in rows {
        for (set, key) in keys.iter_mut().zip(row) {
            set.insert(key);
        }
    }
    for ((column, parent, key_column), keys) in references.iter().zip(keys) {
        let mut find = tx.prepare(&format!("SELECT 1 FROM {parent} WHERE {key_column} = ?1"))?;
        let mut keys: Vec<&str> = keys.into_iter().collect();
        // The first missing key in the order of the keys, whatever the hash.
        keys.sort_unstable();
        for key in keys {
            if !find.exists([key])? {
                return Err(broken(&format!(
                    "a row of {table} refers to no row of {parent} ({column} {key})"
                )));
            }
        }
    }
    Ok(())
}

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
    fn the_references_checked_by_key_are_those_declared() {
        let db = Connection::open_in_memory().unwrap();
        db.execute_batch(super::super::SCHEMA).unwrap();
        for (table, references) in [
            ("targets", TARGET_REFERENCES),
            ("progress", PROGRESS_REFERENCES),
        ] {
            let mut list = db
                .prepare("SELECT \"from\", \"table\", \"to\" FROM pragma_foreign_key_list(?1)")
                .unwrap();
            let mut declared: Vec<(String, String, String)> = list
                .query_map([table], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))
                .unwrap()
                .map(Result::unwrap)
                .collect();
            declared.sort();
            let mut checked: Vec<(String, String, String)> = references
                .iter()
                .map(|(c, t, k)| ((*c).to_owned(), (*t).to_owned(), (*k).to_owned()))
                .collect();
            checked.sort();
            assert_eq!(declared, checked, "{table}");
        }
    }

    #[test]
    fn a_key_a_row_names_must_be_a_row() {
        let db = Connection::open_in_memory().unwrap();
        db.execute_batch(
            "CREATE TABLE jurisdictions (code TEXT PRIMARY KEY);
             CREATE TABLE metrics (id TEXT PRIMARY KEY);
             CREATE TABLE sources (id TEXT PRIMARY KEY);
             INSERT INTO jurisdictions VALUES ('320000'), ('110000');
             INSERT INTO metrics VALUES ('datasets');
             INSERT INTO sources VALUES ('plan');",
        )
        .unwrap();
        let rows = [
            ["320000", "datasets", "plan"],
            ["110000", "datasets", "plan"],
        ];
        check_keys(&db, "targets", &TARGET_REFERENCES, rows.into_iter()).unwrap();
        let rows = [
            ["320000", "datasets", "plan"],
            ["320000", "enterprises", "plan"],
            ["440000", "datasets", "plan"],
        ];
        assert_eq!(
            check_keys(&db, "targets", &TARGET_REFERENCES, rows.into_iter())
                .unwrap_err()
                .to_string(),
            "FOREIGN KEY constraint failed: a row of targets refers to no row of \
             jurisdictions (jurisdiction 440000)"
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
