//! What dashboards receive: every JSON output validates against its shipped
//! schema, every CSV output parses with a standard reader and equals the JSON
//! values exactly, and CSV text cannot smuggle spreadsheet formulas.

use policy_targets::schema::{Contract, schema};
use serde_json::Value;

use crate::util::{TempDir, fixture, folder_listing, json, manifest_dir, stdout};

fn csv_rows(bytes: &[u8]) -> (Vec<String>, Vec<Vec<String>>) {
    let mut reader = csv::Reader::from_reader(bytes);
    let header = reader
        .headers()
        .unwrap()
        .iter()
        .map(str::to_owned)
        .collect();
    let rows = reader
        .records()
        .map(|r| r.unwrap().iter().map(str::to_owned).collect())
        .collect();
    (header, rows)
}

/// A JSON value as its CSV cell: strings bare, numbers with exactly their
/// digits, null as empty.
fn cell(v: &Value) -> String {
    match v {
        Value::Null => String::new(),
        Value::String(s) => s.clone(),
        other => other.to_string(),
    }
}

fn validate(contract: Contract, instance: &Value) {
    let schema: Value = serde_json::from_str(&schema(contract)).unwrap();
    let validator = jsonschema::validator_for(&schema).unwrap();
    let errors: Vec<String> = validator
        .iter_errors(instance)
        .map(|e| e.to_string())
        .collect();
    assert!(errors.is_empty(), "{contract:?}: {errors:#?}");
}

#[test]
fn shipped_schemas_are_the_generated_ones() {
    let dir = manifest_dir().join("schemas");
    for contract in Contract::ALL {
        let shipped = std::fs::read_to_string(dir.join(contract.file_name())).unwrap();
        assert_eq!(
            shipped,
            schema(contract),
            "schemas/{} is stale: regenerate it with `targets schema`",
            contract.file_name()
        );
        assert_eq!(
            stdout(&["schema", &format!("{contract:?}").to_lowercase()]),
            shipped
        );
    }
}

#[test]
fn every_json_output_validates_against_its_schema() {
    validate(Contract::Export, &json(&["export", "--format", "json"]));
    for per in ["none", "capita", "gdp", "capita,year"] {
        let v = json(&[
            "rank",
            "high_quality_datasets",
            "--per",
            per,
            "--as-of",
            "2025-07-04",
            "--format",
            "json",
        ]);
        validate(Contract::Rank, &v);
    }
    for against in ["江苏", "median", "500个"] {
        let v = json(&[
            "gap",
            "广西",
            "--against",
            against,
            "--metric",
            "high_quality_datasets",
            "--per",
            "none",
            "--as-of",
            "2025-07-04",
            "--format",
            "json",
        ]);
        validate(Contract::Gap, &v);
    }
    validate(
        Contract::Progress,
        &json(&["progress", "--as-of", "2025-07-04", "--format", "json"]),
    );
    // Rows with every field filled: the fixture's pace verdicts.
    let v = json(&[
        "progress",
        "--data",
        "tests/fixtures/progress/linear",
        "--as-of",
        "2026-12-31",
        "--format",
        "json",
    ]);
    assert!(
        v["rows"]
            .as_array()
            .unwrap()
            .iter()
            .any(|r| !r["pace_ratio"].is_null())
    );
    validate(Contract::Progress, &v);
    for kind in ["metrics", "jurisdictions", "sources"] {
        validate(Contract::List, &json(&["list", kind, "--format", "json"]));
    }
}

#[test]
fn family_rankings_graded_folders_and_their_lists_validate() {
    let dir = crate::grade::folder();
    let data = dir.path().to_str().unwrap();
    let v = json(&[
        "rank",
        "data_enterprises",
        "--family",
        "--min-grade",
        "press",
        "--as-of",
        "2026-01-01",
        "--format",
        "json",
        "--data",
        data,
    ]);
    assert_eq!(v["left_out"], 3);
    validate(Contract::Rank, &v);
    for kind in ["metrics", "jurisdictions", "sources"] {
        let v = json(&["list", kind, "--format", "json", "--data", data]);
        validate(Contract::List, &v);
    }
}

#[test]
fn a_schema_rejects_a_wrong_output() {
    let v = json(&[
        "rank",
        "high_quality_datasets",
        "--as-of",
        "2025-07-04",
        "--format",
        "json",
    ]);
    let schema: Value = serde_json::from_str(&schema(Contract::Rank)).unwrap();
    assert!(jsonschema::is_valid(&schema, &v));
    let rejected = |change: &dyn Fn(&mut Value)| {
        let mut wrong = v.clone();
        change(&mut wrong);
        !jsonschema::is_valid(&schema, &wrong)
    };
    // A number written as a string.
    assert!(rejected(&|w| w["rows"][0]["value"] = "1000".into()));
    // A field dropped, even one whose value may be null.
    assert!(rejected(&|w| {
        w["rows"][0].as_object_mut().unwrap().remove("target_id");
    }));
    assert!(rejected(&|w| {
        w["rows"][0].as_object_mut().unwrap().remove("within");
    }));
    assert!(rejected(&|w| {
        w.as_object_mut().unwrap().remove("level");
    }));
    // A field the contract does not name, at the top or in a row.
    assert!(rejected(&|w| w["extra"] = 1.into()));
    assert!(rejected(&|w| w["rows"][0]["extra"] = 1.into()));
    // Another contract version.
    assert!(rejected(&|w| w["version"] = 2.into()));
}

#[test]
fn every_schema_requires_each_field_and_names_all() {
    // Walk each schema: every object schema closes itself to unnamed fields,
    // and names as required each field its output always writes (export's
    // optional source and catalogue fields are left out when empty).
    fn walk(path: &str, s: &Value, optional: &[&str], seen: &mut usize) {
        if let Some(props) = s.get("properties").and_then(Value::as_object) {
            *seen += 1;
            assert_eq!(s["additionalProperties"], Value::Bool(false), "{path}");
            let required: Vec<&str> = s["required"]
                .as_array()
                .map(|r| r.iter().filter_map(Value::as_str).collect())
                .unwrap_or_default();
            for key in props.keys() {
                let key_path = format!("{path}.{key}");
                assert_eq!(
                    required.contains(&key.as_str()),
                    !optional.contains(&key_path.as_str()),
                    "{key_path}"
                );
            }
        }
        match s {
            Value::Object(m) => m
                .iter()
                .for_each(|(k, v)| walk(&format!("{path}.{k}"), v, optional, seen)),
            Value::Array(a) => a.iter().for_each(|v| walk(path, v, optional, seen)),
            _ => {}
        }
    }
    let export_optional: Vec<String> = [
        (
            "Jurisdiction",
            &["parent", "aliases", "members", "note"][..],
        ),
        ("Metric", &["trend", "aliases", "broader", "note"]),
        (
            "Source",
            &[
                "doc_number",
                "period",
                "url",
                "grade",
                "via",
                "supersedes",
                "note",
            ],
        ),
        (
            "Target",
            &[
                "upper",
                "canonical_upper",
                "period",
                "baseline",
                "basis",
                "note",
            ],
        ),
        ("Observation", &["comparator", "note"]),
    ]
    .iter()
    .flat_map(|(def, keys)| keys.iter().map(move |k| format!("export.$defs.{def}.{k}")))
    .collect();
    let export_optional: Vec<&str> = export_optional.iter().map(String::as_str).collect();
    for contract in Contract::ALL {
        let name = format!("{contract:?}").to_lowercase();
        let s: Value = serde_json::from_str(&schema(contract)).unwrap();
        assert_eq!(s["properties"]["version"]["const"], 1, "{name}");
        let mut seen = 0;
        walk(&name, &s, &export_optional, &mut seen);
        assert!(seen >= 1, "{name}: no object schema");
    }
}

#[test]
fn rank_csv_equals_rank_json() {
    let args = [
        "rank",
        "high_quality_datasets",
        "--per",
        "capita",
        "--as-of",
        "2025-07-04",
    ];
    let v = json(&[&args[..], &["--format", "json"]].concat());
    let (header, rows) = csv_rows(stdout(&[&args[..], &["--format", "csv"]].concat()).as_bytes());
    assert_eq!(header, policy_targets::output::RANK_CSV_COLUMNS);
    let json_rows = v["rows"].as_array().unwrap();
    assert_eq!(rows.len(), json_rows.len());
    for (row, j) in rows.iter().zip(json_rows) {
        for (name, value) in header.iter().zip(row) {
            if name != "reason" {
                assert_eq!(value, &cell(&j[name.as_str()]), "{name}");
            }
        }
    }
}

#[test]
fn gap_csv_equals_gap_json() {
    let args = [
        "gap",
        "广西",
        "--against",
        "江苏",
        "--metric",
        "high_quality_datasets",
        "--per",
        "capita",
        "--as-of",
        "2025-07-04",
    ];
    let v = json(&[&args[..], &["--format", "json"]].concat());
    let (header, rows) = csv_rows(stdout(&[&args[..], &["--format", "csv"]].concat()).as_bytes());
    assert_eq!(header, policy_targets::output::GAP_CSV_COLUMNS);
    assert_eq!(rows.len(), 1);
    for (name, value) in header.iter().zip(&rows[0]) {
        assert_eq!(value, &cell(&v[name.as_str()]), "{name}");
    }
    assert_eq!(rows[0][9], "591.48056");
}

#[test]
fn progress_csv_equals_progress_json() {
    let args = [
        "progress",
        "--data",
        "tests/fixtures/progress/compound",
        "--as-of",
        "2026-12-31",
    ];
    let v = json(&[&args[..], &["--format", "json"]].concat());
    let (header, rows) = csv_rows(stdout(&[&args[..], &["--format", "csv"]].concat()).as_bytes());
    assert_eq!(header, policy_targets::output::PROGRESS_CSV_COLUMNS);
    let json_rows = v["rows"].as_array().unwrap();
    assert_eq!(rows.len(), json_rows.len());
    for (row, j) in rows.iter().zip(json_rows) {
        for (name, value) in header.iter().zip(row) {
            // The CSV flattens the JSON's `trend` object.
            let json = match name.as_str() {
                "trend" => &j["trend"]["fit"],
                "trend_figures" => &j["trend"]["figures"],
                "trend_r_squared" => &j["trend"]["r_squared"],
                other => &j[other],
            };
            assert_eq!(value, &cell(json), "{name}");
        }
    }
}

#[test]
fn bom_for_excel() {
    let text = stdout(&["export", "--format", "csv", "--bom"]);
    assert!(text.starts_with("\u{feff}record,id,"));
    let plain = stdout(&["export", "--format", "csv"]);
    assert!(plain.starts_with("record,id,"));
    let text = stdout(&["rank", "high_quality_datasets", "--format", "csv", "--bom"]);
    assert!(text.starts_with("\u{feff}rank,"));
}

/// A copy of the minimal fixture folder, under a name of its own for `test`,
/// whose jurisdiction names, source and records try spreadsheet formula
/// injection: cells that start with `=`, `+`, `-`, `@`, a tab or a carriage
/// return. Suzhou's target (300) has a reported figure of 320 and 江苏's
/// target is 10.
fn hostile_folder(test: &str) -> TempDir {
    let dir = TempDir::new(&format!("hostile-{test}"));
    std::fs::create_dir_all(dir.join("sources")).unwrap();
    let good = fixture("good/minimal");
    std::fs::copy(good.join("metrics.toml"), dir.join("metrics.toml")).unwrap();
    let jurisdictions = std::fs::read_to_string(good.join("jurisdictions.toml")).unwrap();
    let hostile = jurisdictions
        .replace(r#"name_en = "Jiangsu""#, r#"name_en = "\t=1+2""#)
        .replace(r#"name_zh = "苏州市""#, r#"name_zh = "\r@苏州市""#);
    assert_eq!(hostile.matches(r"\t=1+2").count(), 1, "{jurisdictions}");
    assert_eq!(hostile.matches(r"\r@苏州市").count(), 1, "{jurisdictions}");
    std::fs::write(dir.join("jurisdictions.toml"), hostile).unwrap();
    std::fs::write(
        dir.join("sources/hostile.toml"),
        r#"[source]
id = "hostile"
title = "+SUM(A1:A9)"
issuer = "@evil"
published = 2025-01-01
status = "final"
force = "plan"
note = "\t=cmd|' /C calc'!A0"

[[target]]
id = "hostile_target"
jurisdiction = "320000"
metric = "high_quality_datasets"
comparator = "at_least"
value = 10
unit = "个"
deadline = 2027
quote = "=HYPERLINK(\"http://example.invalid\",\"click\")"
note = "-2+3"

[[target]]
id = "suzhou_target"
jurisdiction = "320500"
metric = "high_quality_datasets"
comparator = "at_least"
value = 300
unit = "个"
deadline = 2027
quote = "\t=1+1"
note = "\r=2+2"

[[observation]]
id = "suzhou_reported"
jurisdiction = "320500"
metric = "high_quality_datasets"
value = 320
unit = "个"
as_of = 2025-06-30
quote = "\r@SUM(1)"
note = "-20"
"#,
    )
    .unwrap();
    dir
}

/// The rows of a CSV as maps from column name to cell.
fn csv_maps(bytes: &[u8]) -> Vec<std::collections::HashMap<String, String>> {
    let (header, rows) = csv_rows(bytes);
    rows.into_iter()
        .map(|row| header.iter().cloned().zip(row).collect())
        .collect()
}

/// The row whose `key` column is `value`.
fn row_with<'r>(
    rows: &'r [std::collections::HashMap<String, String>],
    key: &str,
    value: &str,
) -> &'r std::collections::HashMap<String, String> {
    rows.iter()
        .find(|r| r[key] == value)
        .unwrap_or_else(|| panic!("no row with {key} = {value:?}: {rows:#?}"))
}

#[test]
fn csv_cells_cannot_run_as_formulas() {
    let dir = hostile_folder("export");
    let data = dir.path().to_str().unwrap();
    let rows = csv_maps(stdout(&["export", "--data", data, "--format", "csv"]).as_bytes());
    assert_eq!(rows.len(), 3, "two targets and an observation");
    let hostile = row_with(&rows, "id", "hostile_target");
    assert_eq!(
        hostile["quote"],
        "'=HYPERLINK(\"http://example.invalid\",\"click\")"
    );
    assert_eq!(hostile["source_title"], "'+SUM(A1:A9)");
    assert_eq!(hostile["issuer"], "'@evil");
    assert_eq!(hostile["note"], "'-2+3");
    assert_eq!(hostile["jurisdiction_name_en"], "'\t=1+2");
    assert_eq!(hostile["jurisdiction_name_zh"], "江苏省");
    assert_eq!(hostile["value"], "10", "numbers are left alone");
    let suzhou = row_with(&rows, "id", "suzhou_target");
    assert_eq!(suzhou["quote"], "'\t=1+1");
    assert_eq!(suzhou["note"], "'\r=2+2");
    assert_eq!(suzhou["jurisdiction_name_zh"], "'\r@苏州市");
    let reported = row_with(&rows, "id", "suzhou_reported");
    assert_eq!(reported["quote"], "'\r@SUM(1)");
    assert_eq!(
        reported["note"], "-20",
        "a plain negative number is left alone"
    );

    // Machine consumers can ask for the text as it is.
    let rows =
        csv_maps(stdout(&["export", "--data", data, "--format", "csv", "--raw-csv"]).as_bytes());
    let hostile = row_with(&rows, "id", "hostile_target");
    assert_eq!(
        hostile["quote"],
        "=HYPERLINK(\"http://example.invalid\",\"click\")"
    );
    assert_eq!(hostile["source_title"], "+SUM(A1:A9)");
    assert_eq!(hostile["issuer"], "@evil");
    assert_eq!(hostile["note"], "-2+3");
    assert_eq!(hostile["jurisdiction_name_en"], "\t=1+2");
    let suzhou = row_with(&rows, "id", "suzhou_target");
    assert_eq!(suzhou["quote"], "\t=1+1");
    assert_eq!(suzhou["note"], "\r=2+2");
    assert_eq!(suzhou["jurisdiction_name_zh"], "\r@苏州市");
    let reported = row_with(&rows, "id", "suzhou_reported");
    assert_eq!(reported["quote"], "\r@SUM(1)");
    assert_eq!(reported["note"], "-20");
}

#[test]
fn rank_gap_and_progress_csv_cannot_run_as_formulas() {
    let dir = hostile_folder("answers");
    let data = dir.path().to_str().unwrap();
    let rows_of = |args: &[&str], raw: bool| {
        let common = ["--data", data, "--as-of", "2025-07-04", "--format", "csv"];
        let raw_flag: &[&str] = if raw { &["--raw-csv"] } else { &[] };
        csv_maps(stdout(&[args, &common[..], raw_flag].concat()).as_bytes())
    };

    // rank: the jurisdictions' names.
    for raw in [false, true] {
        let guard = if raw { "" } else { "'" };
        let rows = rows_of(&["rank", "high_quality_datasets"], raw);
        assert_eq!(rows.len(), 2);
        let suzhou = row_with(&rows, "jurisdiction", "320500");
        assert_eq!(suzhou["name_zh"], format!("{guard}\r@苏州市"));
        assert_eq!(suzhou["name_en"], "Suzhou");
        assert_eq!(
            (suzhou["rank"].as_str(), suzhou["value"].as_str()),
            ("1", "300")
        );
        let jiangsu = row_with(&rows, "jurisdiction", "320000");
        assert_eq!(jiangsu["name_en"], format!("{guard}\t=1+2"));
        assert_eq!(jiangsu["name_zh"], "江苏省");
        assert_eq!(
            (jiangsu["rank"].as_str(), jiangsu["value"].as_str()),
            ("2", "10")
        );
    }

    // gap: negative gaps are plain numbers, left alone; a benchmark label
    // that starts with a minus sign is text, and guarded.
    for raw in [false, true] {
        let guard = if raw { "" } else { "'" };
        let rows = rows_of(
            &[
                "gap",
                "320500",
                "--against",
                "280个",
                "--metric",
                "high_quality_datasets",
            ],
            raw,
        );
        assert_eq!(rows.len(), 1);
        let row = &rows[0];
        assert_eq!(row["benchmark"], "280个");
        assert_eq!(row["subject_value"], "300");
        assert_eq!(row["gap"], "-20");
        assert_eq!(row["relative_gap"], "-0.071429");
        assert_eq!(row["required_target"], "280");

        let rows = rows_of(
            &[
                "gap",
                "320500",
                "--against=-280个",
                "--metric",
                "high_quality_datasets",
            ],
            raw,
        );
        let row = &rows[0];
        assert_eq!(row["benchmark"], format!("{guard}-280个"));
        assert_eq!(row["benchmark_value"], "-280");
        assert_eq!(row["gap"], "-580");
        assert_eq!(row["required_target"], "-280");
    }

    // progress: 320 reported against a target of 300 leaves a gap of -20.
    let guarded = rows_of(&["progress"], false);
    assert_eq!(guarded, rows_of(&["progress"], true));
    let suzhou = row_with(&guarded, "target_id", "suzhou_target");
    assert_eq!(suzhou["latest_value"], "320");
    assert_eq!(suzhou["gap"], "-20");
    assert_eq!(suzhou["met"], "true");
}

#[test]
fn data_package_csv_cannot_run_as_formulas() {
    let dir = hostile_folder("package");
    let data = dir.path().to_str().unwrap();
    for raw in [false, true] {
        let guard = if raw { "" } else { "'" };
        let scratch = TempDir::new(if raw {
            "package-raw"
        } else {
            "package-guarded"
        });
        let package = scratch.join("package");
        let out = package.to_str().unwrap();
        let mut args = vec!["export", "--data", data, "--format", "datapackage", out];
        if raw {
            args.push("--raw-csv");
        }
        stdout(&args);
        let read = |name: &str| std::fs::read(package.join(name)).unwrap();

        let jurisdictions = csv_maps(&read("jurisdictions.csv"));
        let jiangsu = row_with(&jurisdictions, "code", "320000");
        assert_eq!(jiangsu["name_en"], format!("{guard}\t=1+2"));
        assert_eq!(jiangsu["name_zh"], "江苏省");
        let suzhou = row_with(&jurisdictions, "code", "320500");
        assert_eq!(suzhou["name_zh"], format!("{guard}\r@苏州市"));

        let sources = csv_maps(&read("sources.csv"));
        let hostile = row_with(&sources, "id", "hostile");
        assert_eq!(hostile["title"], format!("{guard}+SUM(A1:A9)"));
        assert_eq!(hostile["issuer"], format!("{guard}@evil"));
        assert_eq!(hostile["note"], format!("{guard}\t=cmd|' /C calc'!A0"));

        let records = read("records.csv");
        let rows = csv_maps(&records);
        let target = row_with(&rows, "id", "suzhou_target");
        assert_eq!(target["quote"], format!("{guard}\t=1+1"));
        assert_eq!(target["note"], format!("{guard}\r=2+2"));
        assert_eq!(row_with(&rows, "id", "suzhou_reported")["note"], "-20");
        let mut export = vec!["export", "--data", data, "--format", "csv"];
        if raw {
            export.push("--raw-csv");
        }
        assert_eq!(records, stdout(&export).into_bytes());
    }
}

#[test]
fn data_package_files_and_descriptor() {
    let scratch = TempDir::new("package");
    let dir = scratch.join("package");
    stdout(&["export", "--format", "datapackage", dir.to_str().unwrap()]);
    let descriptor: Value =
        serde_json::from_slice(&std::fs::read(dir.join("datapackage.json")).unwrap()).unwrap();
    assert_eq!(descriptor["profile"], "tabular-data-package");
    let resources = descriptor["resources"].as_array().unwrap();
    for r in resources {
        let path = dir.join(r["path"].as_str().unwrap());
        let (header, _) = csv_rows(&std::fs::read(&path).unwrap());
        let fields: Vec<&str> = r["schema"]["fields"]
            .as_array()
            .unwrap()
            .iter()
            .map(|f| f["name"].as_str().unwrap())
            .collect();
        assert_eq!(header, fields, "{}", r["name"]);
    }
    let records = std::fs::read(dir.join("records.csv")).unwrap();
    assert_eq!(records, stdout(&["export", "--format", "csv"]).into_bytes());
    // Writing again replaces the package whole.
    stdout(&["export", "--format", "datapackage", dir.to_str().unwrap()]);
    // Nothing is left beside it: no temporary or former copy.
    assert_eq!(folder_listing(scratch.path()), ["package"]);
}
