//! `targets export --format sqlite`: the database holds what the JSON
//! export and `progress --format json` hold, keyed and exact, and an
//! existing file is replaced only when it is such a database.

use std::collections::BTreeMap;
use std::path::Path;

use rusqlite::types::Value;
use rusqlite::{Connection, OpenFlags};
use serde_json::value::RawValue;

use crate::util::{TempDir, cli, folder_listing, run};

/// A JSON object with every field kept as written (exact decimals).
type Raw = BTreeMap<String, Box<RawValue>>;

/// The tables and the JSON arrays that hold the same records.
const TABLES: [&str; 5] = [
    "jurisdictions",
    "metrics",
    "sources",
    "targets",
    "observations",
];

/// Exports the data (`--data` if given) to `file` on 2026-06-30.
fn export(data: Option<&Path>, file: &Path) {
    let mut args = vec![
        "export".to_owned(),
        "--format".to_owned(),
        "sqlite".to_owned(),
    ];
    args.push(file.display().to_string());
    args.extend(["--as-of".to_owned(), "2026-06-30".to_owned()]);
    if let Some(dir) = data {
        args.extend(["--data".to_owned(), dir.display().to_string()]);
    }
    assert_eq!(cli(&args).run().succeeded(), "");
}

fn open(file: &Path) -> Connection {
    Connection::open_with_flags(file, OpenFlags::SQLITE_OPEN_READ_ONLY).expect("an SQLite file")
}

/// The JSON export (of `--data` if given), its arrays' records raw.
fn json_export(data: Option<&Path>) -> BTreeMap<String, Vec<Raw>> {
    let mut args = vec![
        "export".to_owned(),
        "--format".to_owned(),
        "json".to_owned(),
    ];
    if let Some(dir) = data {
        args.extend(["--data".to_owned(), dir.display().to_string()]);
    }
    let out = cli(&args).run().succeeded();
    let document: BTreeMap<String, Box<RawValue>> = serde_json::from_str(&out).unwrap();
    TABLES
        .iter()
        .map(|t| {
            let records: Vec<Raw> = serde_json::from_str(document[*t].get()).unwrap();
            ((*t).to_owned(), records)
        })
        .collect()
}

fn count(db: &Connection, table: &str) -> usize {
    let n: i64 = db
        .query_row(&format!("SELECT count(*) FROM {table}"), [], |r| r.get(0))
        .unwrap();
    usize::try_from(n).unwrap()
}

/// Integrity and foreign keys hold.
fn check_integrity(db: &Connection) {
    let integrity: String = db
        .query_row("PRAGMA integrity_check", [], |r| r.get(0))
        .unwrap();
    assert_eq!(integrity, "ok");
    let mut check = db.prepare("PRAGMA foreign_key_check").unwrap();
    let broken = check
        .query_map([], |r| r.get::<_, String>(0))
        .unwrap()
        .count();
    assert_eq!(broken, 0, "rows with a dangling foreign key");
}

/// Every record's `value` and `canonical_value` (and `id`) of `table`
/// equal the JSON's exact digits and are stored as text.
fn check_canonical_values(db: &Connection, table: &str, records: &[Raw]) {
    let mut select = db
        .prepare(&format!(
            "SELECT value, canonical_value, typeof(id) || typeof(value) || typeof(canonical_value)
             FROM {table} WHERE id = ?1"
        ))
        .unwrap();
    for record in records {
        let id: String = serde_json::from_str(record["id"].get()).unwrap();
        let (value, canonical, kinds): (String, String, String) = select
            .query_row([&id], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))
            .unwrap_or_else(|e| panic!("{table} {id}: {e}"));
        assert_eq!(value, record["value"].get(), "{table} {id}");
        assert_eq!(canonical, record["canonical_value"].get(), "{table} {id}");
        assert_eq!(kinds, "texttexttext", "{table} {id}");
    }
}

#[test]
fn the_bundled_database_holds_the_json_export_exactly() {
    let dir = TempDir::new("sqlite-bundled");
    let file = dir.join("targets.db");
    export(None, &file);
    let db = open(&file);
    check_integrity(&db);
    let json = json_export(None);
    for table in TABLES {
        assert_eq!(count(&db, table), json[table].len(), "{table}");
    }
    assert!(count(&db, "observations") > 30 && count(&db, "targets") > 10);
    check_canonical_values(&db, "targets", &json["targets"]);
    check_canonical_values(&db, "observations", &json["observations"]);
    // 17282TB reported for the annotation bases (sources/nda_annotation_base_site_meeting_2025_03_18.toml):
    // TB is the canonical unit of data volumes.
    let (value, num, unit): (String, f64, String) = db
        .query_row(
            "SELECT canonical_value, canonical_value_num, canonical_unit FROM observations
             WHERE id = 'annotation_bases_volume_2025_03'",
            [],
            |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)),
        )
        .unwrap();
    assert_eq!(
        (value.as_str(), num, unit.as_str()),
        ("17282", 17282.0, "TB")
    );
    let meta: BTreeMap<String, String> = db
        .prepare("SELECT key, value FROM meta")
        .unwrap()
        .query_map([], |r| Ok((r.get(0)?, r.get(1)?)))
        .unwrap()
        .map(Result::unwrap)
        .collect();
    assert_eq!(meta["as_of"], "2026-06-30");
    assert_eq!(meta["format_version"], "1");
    assert_eq!(meta["crate_version"], env!("CARGO_PKG_VERSION"));
    assert_eq!(meta["generator"], "policy-targets export --format sqlite");
}

/// A database value as the JSON of `progress` writes it: decimals (the
/// columns with a `_num` twin) as bare digits, `met` as a boolean.
fn as_json(column: &str, value: Value, decimals: &[String]) -> String {
    match value {
        Value::Null => "null".to_owned(),
        Value::Integer(i) if column == "met" => (i == 1).to_string(),
        Value::Integer(i) => i.to_string(),
        Value::Text(s) if decimals.iter().any(|d| d == column) => s,
        Value::Text(s) => serde_json::to_string(&s).unwrap(),
        other => panic!("{column}: unexpected {other:?}"),
    }
}

/// Checks that the `progress` table of `db` is the answer of `progress
/// --format json --as-of 2026-06-30` (of `--data` if given), field by
/// field; returns the rows and how many are ranked.
fn check_progress(db: &Connection, data: Option<&Path>) -> (usize, usize) {
    let mut args = vec!["progress", "--format", "json", "--as-of", "2026-06-30"];
    let dir = data.map(|d| d.display().to_string());
    if let Some(dir) = &dir {
        args.extend(["--data", dir]);
    }
    let out = run(&args).succeeded();
    let answer: BTreeMap<String, Box<RawValue>> = serde_json::from_str(&out).unwrap();
    let rows: Vec<Raw> = serde_json::from_str(answer["rows"].get()).unwrap();
    assert_eq!(count(db, "progress"), rows.len());
    let columns: Vec<String> = db
        .prepare("SELECT name FROM pragma_table_info('progress')")
        .unwrap()
        .query_map([], |r| r.get(0))
        .unwrap()
        .map(Result::unwrap)
        .collect();
    let decimals: Vec<String> = columns
        .iter()
        .filter_map(|c| c.strip_suffix("_num").map(str::to_owned))
        .collect();
    let mut ranked = 0;
    for row in &rows {
        let id: String = serde_json::from_str(row["target_id"].get()).unwrap();
        // The JSON's `trend` object is flattened into `trend`, its fit,
        // `trend_figures` and `trend_r_squared`.
        let mut row: Raw = row.clone();
        let trend = row.remove("trend").unwrap();
        let trend: Option<BTreeMap<String, Box<RawValue>>> =
            serde_json::from_str(trend.get()).unwrap();
        let null = || RawValue::from_string("null".to_owned()).unwrap();
        for (column, field) in [
            ("trend", "fit"),
            ("trend_figures", "figures"),
            ("trend_r_squared", "r_squared"),
        ] {
            let value = trend.as_ref().map_or_else(null, |t| t[field].clone());
            row.insert(column.to_owned(), value);
        }
        for (field, expected) in &row {
            let value: Value = db
                .query_row(
                    &format!("SELECT {field} FROM progress WHERE target_id = ?1"),
                    [&id],
                    |r| r.get(0),
                )
                .unwrap_or_else(|e| panic!("{id} {field}: {e}"));
            assert_eq!(
                as_json(field, value, &decimals),
                expected.get(),
                "{id} {field}"
            );
        }
        ranked += usize::from(row["rank"].get() != "null");
    }
    (rows.len(), ranked)
}

#[test]
fn the_progress_table_is_the_answer_of_progress() {
    let dir = TempDir::new("sqlite-progress");
    let file = dir.join("targets.db");
    export(None, &file);
    let db = open(&file);
    // The 87 bundled targets that count on 2026-06-30; eleven have figures
    // of their own (the nation 3, Henan 2, Sichuan 2, Guizhou 2, Zhejiang 2)
    // and are ranked, the other 76 are `no_data`, unranked.
    assert_eq!(check_progress(&db, None), (87, 11));
    let no_data: i64 = db
        .query_row(
            "SELECT count(*) FROM progress WHERE status = 'no_data' AND rank IS NULL",
            [],
            |r| r.get(0),
        )
        .unwrap();
    assert_eq!(no_data, 76);
}

/// A synthetic folder of `[jurisdictions, metrics, months]` written to
/// `data` and exported to `dir/bulk.db`, checked for integrity, and open.
fn exported_synth(dir: &TempDir, data: &Path, size: [&str; 3]) -> Connection {
    let [jurisdictions, metrics, months] = size;
    let data_arg = data.display().to_string();
    cli([
        "synth",
        "--jurisdictions",
        jurisdictions,
        "--metrics",
        metrics,
        "--months",
        months,
        &data_arg,
    ])
    .run()
    .ok();
    let file = dir.join("bulk.db");
    export(Some(data), &file);
    let db = open(&file);
    check_integrity(&db);
    db
}

#[test]
fn a_bulk_folder_is_streamed_in() {
    let dir = TempDir::new("sqlite-bulk");
    let data = dir.join("data");
    let db = exported_synth(&dir, &data, ["20", "3", "6"]);
    let json = json_export(Some(&data));
    // 20 counties × 3 metrics × 6 months of figures.
    assert_eq!(json["observations"].len(), 360);
    for table in ["jurisdictions", "metrics", "targets", "observations"] {
        assert_eq!(count(&db, table), json[table].len(), "{table}");
    }
    // Rows of observations.csv without a source name the file.
    assert_eq!(count(&db, "sources"), json["sources"].len() + 1);
    check_canonical_values(&db, "observations", &json["observations"]);
    check_canonical_values(&db, "targets", &json["targets"]);
    // One target per county and metric, most of them ranked by progress.
    let (rows, ranked) = check_progress(&db, Some(&data));
    assert_eq!(rows, 60);
    assert!(ranked > 30, "{ranked} ranked");
}

#[test]
fn a_foreign_file_is_left_untouched() {
    let dir = TempDir::new("sqlite-foreign");
    let file = dir.join("notes.db");
    std::fs::write(&file, "my notes\n").unwrap();
    let path = file.display().to_string();
    let err = run(&["export", "--format", "sqlite", &path, "--lang", "en"]).failed();
    assert!(err.starts_with(&format!("{path}: cannot write: ")), "{err}");
    assert!(err.contains("not a database written by"), "{err}");
    assert_eq!(std::fs::read_to_string(&file).unwrap(), "my notes\n");
    // Another SQLite database is foreign too.
    let other = dir.join("other.db");
    Connection::open(&other)
        .unwrap()
        .execute_batch(
            "CREATE TABLE meta (key TEXT, value TEXT); INSERT INTO meta VALUES ('a', 'b');",
        )
        .unwrap();
    let before = std::fs::read(&other).unwrap();
    let path = other.display().to_string();
    run(&["export", "--format", "sqlite", &path]).failed();
    assert_eq!(std::fs::read(&other).unwrap(), before);
    assert_eq!(folder_listing(dir.path()), ["notes.db", "other.db"]);
}

#[test]
fn its_own_database_is_replaced() {
    let dir = TempDir::new("sqlite-again");
    let file = dir.join("targets.db");
    export(None, &file);
    export(None, &file);
    check_integrity(&open(&file));
    assert_eq!(folder_listing(dir.path()), ["targets.db"]);
}

#[test]
fn read_only_paths_fail_cleanly() {
    let dir = TempDir::new("sqlite-read-only");
    let file = dir.join("targets.db");
    export(None, &file);
    let before = std::fs::read(&file).unwrap();
    let mut permissions = std::fs::metadata(&file).unwrap().permissions();
    permissions.set_readonly(true);
    std::fs::set_permissions(&file, permissions).unwrap();
    let path = file.display().to_string();
    let err = run(&["export", "--format", "sqlite", &path, "--lang", "en"]).failed();
    assert_eq!(
        err,
        format!("{path}: cannot write: the file is read-only\n")
    );
    assert_eq!(std::fs::read(&file).unwrap(), before);
    // Under a file rather than a folder.
    let under = dir.join("targets.db/inner.db").display().to_string();
    let err = run(&["export", "--format", "sqlite", &under, "--lang", "en"]).failed();
    assert!(
        err.starts_with(&format!("{under}: cannot write: ")),
        "{err}"
    );
    // In a read-only folder (where the user's rights are enforced).
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt as _;
        let locked = dir.join("locked");
        std::fs::create_dir(&locked).unwrap();
        std::fs::set_permissions(&locked, std::fs::Permissions::from_mode(0o555)).unwrap();
        if std::fs::write(locked.join("probe"), "").is_err() {
            let path = locked.join("targets.db").display().to_string();
            let err = run(&["export", "--format", "sqlite", &path, "--lang", "en"]).failed();
            assert!(err.starts_with(&format!("{path}: cannot write: ")), "{err}");
            assert!(folder_listing(&locked).is_empty());
        }
        std::fs::set_permissions(&locked, std::fs::Permissions::from_mode(0o755)).unwrap();
    }
    let mut permissions = std::fs::metadata(&file).unwrap().permissions();
    #[allow(clippy::permissions_set_readonly_false)]
    permissions.set_readonly(false);
    std::fs::set_permissions(&file, permissions).unwrap();
}

/// The plan SQLite makes for `query` on `db`, one line per step.
fn plan(db: &Connection, query: &str) -> String {
    let mut explain = db.prepare(&format!("EXPLAIN QUERY PLAN {query}")).unwrap();
    explain
        .query_map([], |r| r.get::<_, String>(3))
        .unwrap()
        .map(Result::unwrap)
        .collect::<Vec<_>>()
        .join("; ")
}

#[test]
fn the_usual_filters_are_served_by_indexes() {
    let dir = TempDir::new("sqlite-indexes");
    let data = dir.join("data");
    let db = exported_synth(&dir, &data, ["30", "4", "12"]);
    let (jurisdiction, metric): (String, String) = db
        .query_row(
            "SELECT jurisdiction, metric FROM observations LIMIT 1",
            [],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )
        .unwrap();
    let filters = [
        format!("SELECT * FROM observations WHERE metric = '{metric}'"),
        format!("SELECT * FROM observations WHERE jurisdiction = '{jurisdiction}'"),
        "SELECT * FROM observations WHERE as_of >= '2025-01-01'".to_owned(),
        format!(
            "SELECT * FROM observations WHERE jurisdiction = '{jurisdiction}'
             AND metric = '{metric}' ORDER BY as_of DESC LIMIT 1"
        ),
        "SELECT * FROM observations WHERE id = 'observations_2'".to_owned(),
        format!("SELECT * FROM targets WHERE metric = '{metric}'"),
        format!("SELECT * FROM targets WHERE jurisdiction = '{jurisdiction}'"),
        "SELECT * FROM targets WHERE deadline <= '2027-12-31'".to_owned(),
        format!("SELECT * FROM progress WHERE metric = '{metric}' ORDER BY rank"),
    ];
    for query in filters {
        let plan = plan(&db, &query);
        assert!(plan.starts_with("SEARCH "), "{query}: {plan}");
        assert!(!plan.contains("TEMP B-TREE"), "{query}: {plan}");
    }
    // A metric alone: a skip-scan over the jurisdictions of the one index.
    let by_metric = plan(
        &db,
        &format!("SELECT * FROM observations WHERE metric = '{metric}'"),
    );
    assert!(
        by_metric.contains("ANY(jurisdiction) AND metric=?"),
        "{by_metric}"
    );
}

/// The names of the indexes of `table`.
fn indexes(db: &Connection, table: &str) -> Vec<String> {
    let mut names = db
        .prepare(
            "SELECT name FROM sqlite_schema WHERE type = 'index' AND tbl_name = ?1 ORDER BY name",
        )
        .unwrap();
    names
        .query_map([table], |r| r.get(0))
        .unwrap()
        .map(Result::unwrap)
        .collect()
}

#[test]
fn rows_in_any_order_are_indexed() {
    let dir = TempDir::new("sqlite-order");
    let data = dir.join("data");
    let db = exported_synth(&dir, &data, ["12", "3", "4"]);
    let expected = indexes(&db, "observations");
    assert_eq!(
        expected,
        [
            "observations_as_of",
            "observations_jurisdiction",
            "sqlite_autoindex_observations_1"
        ]
    );
    drop(db);
    let csv = data.join("observations.csv");
    let text = std::fs::read_to_string(&csv).unwrap();
    let (header, rows) = text.split_once('\n').unwrap();
    let mut rows: Vec<&str> = rows.lines().collect();
    // Latest first (neither index followed), then by jurisdiction, metric
    // and date (the index on `as_of` not followed).
    rows.reverse();
    let latest_first = rows.clone();
    rows.sort_by_key(|r| r.splitn(4, ',').take(3).collect::<Vec<_>>());
    for (n, order) in [latest_first, rows].iter().enumerate() {
        std::fs::write(&csv, format!("{header}\n{}\n", order.join("\n"))).unwrap();
        let file = dir.join(format!("order-{n}.db"));
        export(Some(&data), &file);
        let db = open(&file);
        check_integrity(&db);
        assert_eq!(indexes(&db, "observations"), expected, "order {n}");
        assert_eq!(count(&db, "observations"), 12 * 3 * 4, "order {n}");
        let json = json_export(Some(&data));
        check_canonical_values(&db, "observations", &json["observations"]);
    }
}
