//! What dashboards receive: every JSON output validates against its shipped
//! schema, every CSV output parses with a standard reader and equals the JSON
//! values exactly, and CSV text cannot smuggle spreadsheet formulas.

use std::path::Path;
use std::process::Command;

use policy_targets::schema::{Contract, schema};
use serde_json::Value;

fn targets(args: &[&str]) -> Vec<u8> {
    let out = Command::new(env!("CARGO_BIN_EXE_targets"))
        .args(args)
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "targets {args:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    out.stdout
}

fn json(args: &[&str]) -> Value {
    serde_json::from_slice(&targets(args)).unwrap()
}

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
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("schemas");
    for contract in Contract::ALL {
        let shipped = std::fs::read_to_string(dir.join(contract.file_name())).unwrap();
        assert_eq!(
            shipped,
            schema(contract),
            "schemas/{} is stale: regenerate it with `targets schema`",
            contract.file_name()
        );
        assert_eq!(
            String::from_utf8(targets(&[
                "schema",
                &format!("{contract:?}").to_lowercase()
            ]))
            .unwrap(),
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
        ("Metric", &["aliases", "note"]),
        (
            "Source",
            &["doc_number", "period", "url", "via", "supersedes", "note"],
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
    let (header, rows) = csv_rows(&targets(&[&args[..], &["--format", "csv"]].concat()));
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
    let (header, rows) = csv_rows(&targets(&[&args[..], &["--format", "csv"]].concat()));
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
    let (header, rows) = csv_rows(&targets(&[&args[..], &["--format", "csv"]].concat()));
    assert_eq!(header, policy_targets::output::PROGRESS_CSV_COLUMNS);
    let json_rows = v["rows"].as_array().unwrap();
    assert_eq!(rows.len(), json_rows.len());
    for (row, j) in rows.iter().zip(json_rows) {
        for (name, value) in header.iter().zip(row) {
            assert_eq!(value, &cell(&j[name.as_str()]), "{name}");
        }
    }
}

#[test]
fn bom_for_excel() {
    let bytes = targets(&["export", "--format", "csv", "--bom"]);
    assert!(bytes.starts_with("\u{feff}record,id,".as_bytes()));
    let plain = targets(&["export", "--format", "csv"]);
    assert!(plain.starts_with(b"record,id,"));
    let bytes = targets(&["rank", "high_quality_datasets", "--format", "csv", "--bom"]);
    assert!(bytes.starts_with("\u{feff}rank,".as_bytes()));
}

/// A data folder whose quote and issuer try spreadsheet formula injection.
fn hostile_folder() -> std::path::PathBuf {
    let dir = std::env::temp_dir().join(format!("policy-targets-hostile-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(dir.join("sources")).unwrap();
    let good = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/good/minimal");
    for file in ["jurisdictions.toml", "metrics.toml"] {
        std::fs::copy(good.join(file), dir.join(file)).unwrap();
    }
    std::fs::write(
        dir.join("sources/hostile.toml"),
        r#"[source]
id = "hostile"
title = "+SUM(A1:A9)"
issuer = "@evil"
published = 2025-01-01
status = "final"
force = "plan"

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
"#,
    )
    .unwrap();
    dir
}

#[test]
fn csv_cells_cannot_run_as_formulas() {
    let dir = hostile_folder();
    let data = dir.to_str().unwrap();
    let (header, rows) = csv_rows(&targets(&["export", "--data", data, "--format", "csv"]));
    let row = &rows[0];
    let get = |name: &str| row[header.iter().position(|h| h == name).unwrap()].clone();
    assert_eq!(
        get("quote"),
        "'=HYPERLINK(\"http://example.invalid\",\"click\")"
    );
    assert_eq!(get("source_title"), "'+SUM(A1:A9)");
    assert_eq!(get("issuer"), "'@evil");
    assert_eq!(get("note"), "'-2+3");
    assert_eq!(get("value"), "10", "numbers are left alone");

    // Machine consumers can ask for the text as it is.
    let (header, rows) = csv_rows(&targets(&[
        "export",
        "--data",
        data,
        "--format",
        "csv",
        "--raw-csv",
    ]));
    let quote = &rows[0][header.iter().position(|h| h == "quote").unwrap()];
    assert_eq!(quote, "=HYPERLINK(\"http://example.invalid\",\"click\")");
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn data_package_files_and_descriptor() {
    let dir = std::env::temp_dir().join(format!("policy-targets-package-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    targets(&["export", "--format", "datapackage", dir.to_str().unwrap()]);
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
    assert_eq!(records, targets(&["export", "--format", "csv"]));
    // Writing again replaces the package whole.
    targets(&["export", "--format", "datapackage", dir.to_str().unwrap()]);
    let leftovers: Vec<_> = std::fs::read_dir(dir.parent().unwrap())
        .unwrap()
        .filter_map(|e| e.ok())
        .filter(|e| {
            let name = e.file_name().to_string_lossy().into_owned();
            name.starts_with(".policy-targets-package-")
                && (name.ends_with(".tmp") || name.ends_with(".old"))
        })
        .collect();
    assert!(leftovers.is_empty());
    let _ = std::fs::remove_dir_all(&dir);
}
