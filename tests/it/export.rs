//! `targets export` on the bundled data: the JSON and CSV contracts, the
//! seed newsletter's figures checked by hand against its text, exact numbers,
//! and the round trips.

use std::collections::{BTreeMap, BTreeSet};

use policy_targets::{Catalog, export};
use serde_json::Value;
use serde_json::value::RawValue;

use crate::util::{TempDir, folder_listing, manifest_dir, newsletter, run};

/// The seed newsletter's id in the bundled data.
const NEWSLETTER: &str = "dgx_newsletter_2025_05";

/// A target or observation of the JSON export, each field kept as its raw
/// JSON text so that numbers are compared digit for digit.
type Record = BTreeMap<String, Box<RawValue>>;

/// The JSON export, parsed twice: as a tree, and with raw records.
struct Json {
    raw: String,
    tree: Value,
    targets: Vec<Record>,
    observations: Vec<Record>,
}

#[derive(serde::Deserialize)]
struct RawRecords {
    targets: Vec<Record>,
    observations: Vec<Record>,
}

fn json_export() -> Json {
    let raw = run(&["export", "--format", "json"]).succeeded();
    let tree: Value = serde_json::from_str(&raw).expect("the export is JSON");
    let RawRecords {
        targets,
        observations,
    } = serde_json::from_str(&raw).expect("the export has targets and observations");
    Json {
        raw,
        tree,
        targets,
        observations,
    }
}

/// The raw JSON text of a field (`1000`, `"个"`), if present.
fn raw<'a>(record: &'a Record, key: &str) -> Option<&'a str> {
    record.get(key).map(|v| v.get())
}

/// A string field's value.
fn text(record: &Record, key: &str) -> Option<String> {
    record.get(key).map(|v| {
        serde_json::from_str::<String>(v.get())
            .unwrap_or_else(|e| panic!("field {key} is not a string ({e}): {}", v.get()))
    })
}

fn id(record: &Record) -> String {
    text(record, "id").expect("every record has an id")
}

/// The ids of the sources the newsletter reports (`via = "dgx_newsletter_2025_05"`)
/// and the newsletter itself.
fn newsletter_sources(json: &Json) -> BTreeSet<String> {
    let sources = json.tree["sources"]
        .as_array()
        .expect("sources is an array");
    sources
        .iter()
        .filter(|s| s["id"] == NEWSLETTER || s["via"] == NEWSLETTER)
        .map(|s| s["id"].as_str().expect("source id").to_owned())
        .collect()
}

/// The ids of the sources that say where their document was read (a `url`).
fn sources_with_url(json: &Json) -> BTreeSet<String> {
    let sources = json.tree["sources"]
        .as_array()
        .expect("sources is an array");
    sources
        .iter()
        .filter(|s| s["url"].is_string())
        .map(|s| s["id"].as_str().expect("source id").to_owned())
        .collect()
}

/// The targets and observations read from the newsletter, with their kind:
/// the records of the sources it reports, except those whose source also
/// names a page the document was read on and whose quote comes from that
/// page rather than from the newsletter.
fn from_newsletter(json: &Json) -> Vec<(&'static str, &Record)> {
    let sources = newsletter_sources(json);
    let with_url = sources_with_url(json);
    let text_of_newsletter = newsletter();
    let from = |r: &&Record| {
        let source = text(r, "source").expect("source");
        let quoted = text(r, "quote").is_some_and(|q| text_of_newsletter.contains(&q));
        sources.contains(&source) && (quoted || !with_url.contains(&source))
    };
    json.targets
        .iter()
        .filter(from)
        .map(|r| ("target", r))
        .chain(
            json.observations
                .iter()
                .filter(from)
                .map(|r| ("observation", r)),
        )
        .collect()
}

/// The single newsletter record of a kind, jurisdiction and metric.
fn seed_record<'a>(json: &'a Json, kind: &str, jurisdiction: &str, metric: &str) -> &'a Record {
    let found: Vec<&Record> = from_newsletter(json)
        .into_iter()
        .filter(|(k, r)| {
            *k == kind
                && text(r, "jurisdiction").as_deref() == Some(jurisdiction)
                && text(r, "metric").as_deref() == Some(metric)
        })
        .map(|(_, r)| r)
        .collect();
    assert_eq!(
        found.len(),
        1,
        "{kind} {jurisdiction} {metric}: {} records",
        found.len()
    );
    found[0]
}

#[test]
fn json_export_has_the_five_arrays() {
    let json = json_export();
    let catalog = Catalog::bundled().expect("the bundled data is valid");
    let object = json.tree.as_object().expect("the export is one object");
    let expected = [
        ("jurisdictions", catalog.jurisdictions().len()),
        ("metrics", catalog.metrics().len()),
        ("sources", catalog.sources().len()),
        ("targets", catalog.targets().len()),
        ("observations", catalog.observations().len()),
    ];
    for (key, len) in expected {
        let array = object
            .get(key)
            .and_then(Value::as_array)
            .unwrap_or_else(|| panic!("no array {key:?}"));
        assert!(!array.is_empty(), "{key} is empty");
        assert_eq!(array.len(), len, "{key}");
    }
    for record in json.targets.iter().chain(&json.observations) {
        for key in ["canonical_value", "canonical_unit"] {
            assert!(record.contains_key(key), "{} has no {key}", id(record));
        }
    }
    for record in &json.targets {
        let deadline = text(record, "deadline").expect("a target has a deadline");
        assert_eq!(deadline.len(), 10, "deadline {deadline} is not a date");
    }
    for record in &json.observations {
        let as_of = text(record, "as_of").expect("an observation has as_of");
        assert_eq!(as_of.len(), 10, "as_of {as_of} is not a date");
    }
}

#[test]
fn the_cli_writes_the_library_export() {
    let catalog = Catalog::bundled().expect("the bundled data is valid");
    let json = run(&["export", "--format", "json"]).succeeded();
    assert_eq!(json, format!("{}\n", export::to_json(&catalog)));
    assert_eq!(
        run(&["export"]).succeeded(),
        json,
        "JSON is the default format"
    );
}

#[test]
fn newsletter_quotes_are_verbatim() {
    let json = json_export();
    let text_of_newsletter = newsletter();
    let records = from_newsletter(&json);
    assert!(!records.is_empty());
    let sources = newsletter_sources(&json);
    let with_url = sources_with_url(&json);
    let read_elsewhere = json
        .targets
        .iter()
        .chain(&json.observations)
        .filter(|r| sources.contains(&text(r, "source").expect("source")))
        .filter(|r| !records.iter().any(|(_, n)| id(n) == id(r)));
    for record in read_elsewhere {
        let source = text(record, "source").expect("source");
        assert!(
            with_url.contains(&source),
            "{}: not quoted from the newsletter, and {source} names no other page",
            id(record)
        );
    }
    for (kind, record) in records {
        let quote = text(record, "quote").unwrap_or_else(|| panic!("{} has no quote", id(record)));
        assert!(
            !quote.trim().is_empty(),
            "{kind} {}: empty quote",
            id(record)
        );
        assert!(
            text_of_newsletter.contains(&quote),
            "{kind} {}: quote {quote:?} is not in the newsletter",
            id(record)
        );
    }
}

/// Every quantitative statement of the newsletter, read by hand from its text:
/// (kind, jurisdiction, metric, canonical value).
const SEED: &[(&str, &str, &str, &str)] = &[
    // 武汉: 建设不少于20个高质量数据集 (2025).
    ("target", "420100", "high_quality_datasets", "20"),
    // 苏州: 开放数据目录达 10000 个, 不发于 500 个典型数据产品,
    // 不少于 300 个高质量数据集, 累计登记数据产品超 2000 个.
    ("target", "320500", "open_data_catalogues", "10000"),
    ("target", "320500", "typical_data_products", "500"),
    ("target", "320500", "high_quality_datasets", "300"),
    ("target", "320500", "registered_data_products", "2000"),
    // 江苏 (到 2027年): 5 个创新联合体, 100 个优秀案例, 1000 家规上数据企业,
    // 1000 个高质量数据集, 2000 个典型数据产品, 50 个公共服务示范平台.
    (
        "target",
        "320000",
        "data_industry_innovation_consortia",
        "5",
    ),
    (
        "target",
        "320000",
        "data_enterprise_application_cases",
        "100",
    ),
    ("target", "320000", "above_scale_data_enterprises", "1000"),
    ("target", "320000", "high_quality_datasets", "1000"),
    ("target", "320000", "typical_data_products", "2000"),
    (
        "target",
        "320000",
        "data_industry_public_service_platforms",
        "50",
    ),
    // 湖南: 标注数据规模达 3000TB以上.
    ("target", "430000", "data_annotation_volume", "3000"),
    // The seven annotation bases: 17282TB, 335 个数据集, 121 个大模型,
    // 223 家标注企业, 5.8 万人, 83 亿元.
    (
        "observation",
        "national_annotation_bases",
        "data_annotation_volume",
        "17282",
    ),
    (
        "observation",
        "national_annotation_bases",
        "high_quality_datasets",
        "335",
    ),
    (
        "observation",
        "national_annotation_bases",
        "large_models_enabled",
        "121",
    ),
    (
        "observation",
        "national_annotation_bases",
        "annotation_enterprises",
        "223",
    ),
    (
        "observation",
        "national_annotation_bases",
        "annotation_workers",
        "58000",
    ),
    (
        "observation",
        "national_annotation_bases",
        "annotation_output_value",
        "8300000000",
    ),
    // 国务院国资委: 30 项优秀建设成果, 三大行业数据产业共同体.
    (
        "observation",
        "central_soes",
        "outstanding_dataset_results",
        "30",
    ),
    (
        "observation",
        "central_soes",
        "data_industry_communities",
        "3",
    ),
];

#[test]
fn the_export_holds_exactly_the_newsletter_figures() {
    let json = json_export();
    let mut found: Vec<(String, String, String, String)> = from_newsletter(&json)
        .into_iter()
        .map(|(kind, r)| {
            (
                kind.to_owned(),
                text(r, "jurisdiction").expect("jurisdiction"),
                text(r, "metric").expect("metric"),
                raw(r, "canonical_value")
                    .expect("canonical_value")
                    .to_owned(),
            )
        })
        .collect();
    let mut expected: Vec<(String, String, String, String)> = SEED
        .iter()
        .map(|&(k, j, m, v)| (k.to_owned(), j.to_owned(), m.to_owned(), v.to_owned()))
        .collect();
    found.sort();
    expected.sort();
    assert_eq!(found, expected);
    let targets = SEED.iter().filter(|s| s.0 == "target").count();
    assert_eq!((targets, SEED.len() - targets), (12, 8));
}

#[test]
fn newsletter_spot_values() {
    let json = json_export();
    // kind, jurisdiction, metric, value, unit, canonical value, canonical unit, date
    let spots = [
        "target 320000 high_quality_datasets 1000 个 1000 count 2027-12-31",
        "target 320500 high_quality_datasets 300 个 300 count 2027-12-31",
        "target 420100 high_quality_datasets 20 个 20 count 2025-12-31",
        "target 430000 data_annotation_volume 3000 TB 3000 TB 2027-12-31",
        "observation national_annotation_bases data_annotation_volume 17282 TB 17282 TB 2025-03-18",
        "observation national_annotation_bases high_quality_datasets 335 个 335 count 2025-03-18",
        "observation national_annotation_bases large_models_enabled 121 个 121 count 2025-03-18",
        "observation national_annotation_bases annotation_enterprises 223 家 223 count 2025-03-18",
        "observation national_annotation_bases annotation_workers 5.8 万人 58000 person 2025-03-18",
        "observation national_annotation_bases annotation_output_value 83 亿元 8300000000 CNY 2025-03-18",
    ];
    for spot in spots {
        let fields: Vec<&str> = spot.split(' ').collect();
        let [
            kind,
            jurisdiction,
            metric,
            value,
            unit,
            canonical,
            canonical_unit,
            date,
        ] = fields[..]
        else {
            panic!("a spot has eight fields: {spot}");
        };
        let r = seed_record(&json, kind, jurisdiction, metric);
        let what = format!("{kind} {jurisdiction} {metric}");
        assert_eq!(raw(r, "value"), Some(value), "{what}: value");
        assert_eq!(text(r, "unit").as_deref(), Some(unit), "{what}: unit");
        assert_eq!(
            raw(r, "canonical_value"),
            Some(canonical),
            "{what}: canonical_value"
        );
        assert_eq!(
            text(r, "canonical_unit").as_deref(),
            Some(canonical_unit),
            "{what}: canonical_unit"
        );
        let date_key = if kind == "target" {
            "deadline"
        } else {
            "as_of"
        };
        assert_eq!(
            text(r, date_key).as_deref(),
            Some(date),
            "{what}: {date_key}"
        );
    }
}

/// Whether `s` is a plain JSON number: optional minus, digits, optional
/// fraction; no exponent.
fn is_plain_number(s: &str) -> bool {
    let digits = s.strip_prefix('-').unwrap_or(s);
    let (int, frac) = digits.split_once('.').unwrap_or((digits, ""));
    !int.is_empty()
        && int.bytes().all(|b| b.is_ascii_digit())
        && (frac.is_empty() && !digits.contains('.')
            || !frac.is_empty() && frac.bytes().all(|b| b.is_ascii_digit()))
}

#[test]
fn json_numbers_are_exact() {
    let json = json_export();
    assert!(json.raw.contains(r#""canonical_value": 8300000000"#));
    assert!(json.raw.contains(r#""canonical_value": 58000"#));
    assert!(json.raw.contains(r#""value": 5.8"#));
    for record in json.targets.iter().chain(&json.observations) {
        for key in ["value", "upper", "canonical_value", "canonical_upper"] {
            let Some(number) = raw(record, key) else {
                continue;
            };
            assert!(is_plain_number(number), "{} {key} = {number}", id(record));
        }
        for key in ["canonical_value", "canonical_upper"] {
            let Some(number) = raw(record, key) else {
                continue;
            };
            // Canonical values carry no trailing zeros after a decimal point.
            assert!(
                !(number.contains('.') && number.ends_with('0')),
                "{} {key} = {number}",
                id(record)
            );
        }
    }
}

#[test]
fn csv_export_has_one_row_per_record_with_the_json_values() {
    let json = json_export();
    let csv_text = run(&["export", "--format", "csv"]).succeeded();
    let mut reader = csv::Reader::from_reader(csv_text.as_bytes());
    let header: Vec<String> = reader
        .headers()
        .expect("a header row")
        .iter()
        .map(str::to_owned)
        .collect();
    assert_eq!(header, export::CSV_COLUMNS);

    let by_id: BTreeMap<String, (&str, &Record)> = json
        .targets
        .iter()
        .map(|r| (id(r), ("target", r)))
        .chain(
            json.observations
                .iter()
                .map(|r| (id(r), ("observation", r))),
        )
        .collect();
    let lookup = |array: &str, key: &str, value: &str| -> Value {
        json.tree[array]
            .as_array()
            .expect("array")
            .iter()
            .find(|x| x[key] == value)
            .unwrap_or_else(|| panic!("no {array} with {key} {value}"))
            .clone()
    };
    let string = |v: &Value| v.as_str().unwrap_or_default().to_owned();

    let mut seen = BTreeSet::new();
    for row in reader.records() {
        let row = row.expect("a well-formed CSV row");
        assert_eq!(row.len(), header.len());
        let cell = |name: &str| -> String {
            let i = header.iter().position(|h| h == name).expect("column");
            row[i].to_owned()
        };
        let rid = cell("id");
        assert!(seen.insert(rid.clone()), "{rid} appears twice");
        let (kind, r) = *by_id
            .get(&rid)
            .unwrap_or_else(|| panic!("{rid} is not in the JSON"));
        assert_eq!(cell("record"), kind, "{rid}");
        for key in [
            "jurisdiction",
            "metric",
            "unit",
            "canonical_unit",
            "source",
            "quote",
        ] {
            assert_eq!(cell(key), text(r, key).unwrap_or_default(), "{rid} {key}");
        }
        for key in ["comparator", "note"] {
            assert_eq!(cell(key), text(r, key).unwrap_or_default(), "{rid} {key}");
        }
        for key in ["value", "canonical_value", "upper"] {
            assert_eq!(cell(key), raw(r, key).unwrap_or_default(), "{rid} {key}");
        }
        if kind == "target" {
            assert_eq!(
                cell("deadline"),
                text(r, "deadline").expect("deadline"),
                "{rid}"
            );
            assert_eq!(
                cell("period_start"),
                text(r, "period_start").expect("start"),
                "{rid}"
            );
            assert_eq!(cell("as_of"), "", "{rid}");
        } else {
            assert_eq!(cell("as_of"), text(r, "as_of").expect("as_of"), "{rid}");
            assert_eq!(cell("deadline"), "", "{rid}");
            assert_eq!(cell("period_start"), "", "{rid}");
        }
        let j = lookup("jurisdictions", "code", &cell("jurisdiction"));
        assert_eq!(cell("jurisdiction_name_zh"), string(&j["name_zh"]), "{rid}");
        assert_eq!(cell("jurisdiction_name_en"), string(&j["name_en"]), "{rid}");
        assert_eq!(cell("level"), string(&j["level"]), "{rid}");
        let m = lookup("metrics", "id", &cell("metric"));
        assert_eq!(cell("metric_name_zh"), string(&m["name_zh"]), "{rid}");
        let s = lookup("sources", "id", &cell("source"));
        assert_eq!(cell("source_title"), string(&s["title"]), "{rid}");
        assert_eq!(cell("issuer"), string(&s["issuer"]), "{rid}");
        assert_eq!(cell("published"), string(&s["published"]), "{rid}");
    }
    assert_eq!(
        seen.len(),
        by_id.len(),
        "one row per target and observation"
    );
    assert_eq!(seen.len(), json.targets.len() + json.observations.len());
}

#[test]
fn json_round_trip_gives_an_equal_catalogue() {
    let catalog = Catalog::bundled().expect("the bundled data is valid");
    let json = export::to_json(&catalog);
    let back = export::from_json(&json).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(back, catalog);
    assert_eq!(export::to_json(&back), json, "a second export is identical");
    let from_cli = run(&["export", "--format", "json"]).succeeded();
    assert_eq!(
        export::from_json(&from_cli).unwrap_or_else(|e| panic!("{e}")),
        catalog
    );
}

#[test]
fn the_targets_folder_loads_as_the_bundled_catalogue() {
    let loaded = Catalog::load(manifest_dir().join("targets")).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(
        loaded,
        Catalog::bundled().expect("the bundled data is valid")
    );
}

#[test]
fn export_output_writes_the_file() {
    let dir = TempDir::new("export");
    for (format, name) in [("json", "catalogue.json"), ("csv", "catalogue.csv")] {
        let path = dir.join(name);
        let path_text = path.to_str().expect("a UTF-8 temporary path");
        let printed = run(&["export", "--format", format]).succeeded();
        let written = run(&["export", "--format", format, "--output", path_text]).succeeded();
        assert_eq!(written, "", "nothing on standard output with --output");
        let content = std::fs::read_to_string(&path).expect("the output file exists");
        assert_eq!(content, printed, "{format}");
    }
    // Written completely or not at all: no temporary file is left behind.
    assert_eq!(
        folder_listing(dir.path()),
        ["catalogue.csv", "catalogue.json"]
    );
}

#[test]
fn export_output_into_a_missing_folder_fails_naming_the_path() {
    let dir = TempDir::new("export-missing");
    let path = dir.join("no_such_folder").join("catalogue.json");
    let path_text = path.to_str().expect("a UTF-8 temporary path");
    let err = run(&["export", "--output", path_text]).failed();
    assert!(err.contains(path_text), "{err}");
    assert!(!path.exists());
}

#[test]
fn a_data_package_replaces_only_a_data_package() {
    let dir = TempDir::new("package-folders");
    let package = dir.join("package");
    let p = package.to_str().unwrap();
    // A new folder, then the same folder again: replaced, nothing left over.
    run(&["export", "--format", "datapackage", p]).succeeded();
    let files = folder_listing(&package);
    assert!(files.contains(&"datapackage.json".to_owned()), "{files:?}");
    run(&["export", "--format", "datapackage", p]).succeeded();
    assert_eq!(folder_listing(&package), files);
    assert_eq!(folder_listing(dir.path()), ["package"]);

    // A folder holding anything else is left as it was.
    std::fs::create_dir_all(package.join("notes")).unwrap();
    std::fs::write(package.join("notes").join("thesis.docx"), "x").unwrap();
    let err = run(&["export", "--format", "datapackage", p, "--lang", "en"]).fails_with(1);
    assert_eq!(
        err,
        format!(
            "{p}: cannot write: the folder holds files this command does not write (notes); choose a new or empty folder\n"
        )
    );
    assert_eq!(
        std::fs::read_to_string(package.join("notes").join("thesis.docx")).unwrap(),
        "x"
    );

    // A file of that name is not turned into a folder.
    let file = dir.join("file");
    std::fs::write(&file, "F").unwrap();
    let f = file.to_str().unwrap();
    let err = run(&["export", "--format", "datapackage", f, "--lang", "en"]).fails_with(1);
    assert_eq!(
        err,
        format!("{f}: cannot write: it exists and is not a folder\n")
    );
    let err = run(&["export", "--format", "datapackage", f]).fails_with(1);
    assert_eq!(err, format!("{f}：无法写入：已存在且不是文件夹\n"));
    assert_eq!(std::fs::read_to_string(&file).unwrap(), "F");
    assert_eq!(folder_listing(dir.path()), ["file", "package"]);
}

#[test]
fn synth_replaces_only_a_folder_it_wrote() {
    let dir = TempDir::new("synth-folders");
    let data = dir.join("data");
    let d = data.to_str().unwrap();
    let args = |n: &'static str| -> Vec<String> {
        [
            "synth",
            "--jurisdictions",
            n,
            "--metrics",
            "2",
            "--months",
            "2",
            d,
        ]
        .iter()
        .map(|s| s.to_string())
        .collect()
    };
    let run_synth = |n: &'static str| {
        let a = args(n);
        let a: Vec<&str> = a.iter().map(String::as_str).collect();
        run(&a).succeeded()
    };
    run_synth("3");
    run_synth("4");
    // A folder whose parent does not exist yet is made with it.
    let nested = dir.join("new").join("data");
    run(&[
        "synth",
        "--jurisdictions",
        "2",
        "--metrics",
        "2",
        "--months",
        "2",
        nested.to_str().unwrap(),
    ])
    .succeeded();
    assert!(nested.join("observations.csv").is_file());
    std::fs::remove_dir_all(dir.join("new")).unwrap();
    let catalog = policy_targets::Catalog::load(&data).unwrap();
    assert_eq!(catalog.jurisdictions().len(), 4);
    // A source file of someone else's under sources/: the folder is kept.
    std::fs::write(data.join("sources").join("mine.toml"), "# mine\n").unwrap();
    let a = args("5");
    let a: Vec<&str> = a.iter().map(String::as_str).collect();
    let err = run(&a).fails_with(1);
    assert_eq!(
        err,
        format!(
            "{d}：无法写入：文件夹中有本命令不会写入的文件（sources）；请选择新的或空的文件夹\n"
        )
    );
    assert_eq!(
        std::fs::read_to_string(data.join("sources").join("mine.toml")).unwrap(),
        "# mine\n"
    );
    assert_eq!(folder_listing(dir.path()), ["data"]);
}

#[cfg(unix)]
#[test]
fn output_follows_links_and_keeps_read_only_files() {
    let dir = TempDir::new("output-kinds");
    let real = dir.join("real.json");
    let link = dir.join("link.json");
    std::fs::write(&real, "old").unwrap();
    std::os::unix::fs::symlink(&real, &link).unwrap();
    let printed = run(&["export"]).succeeded();
    run(&["export", "--output", link.to_str().unwrap()]).succeeded();
    // The link stays a link; the file it points to gets the export.
    assert!(
        std::fs::symlink_metadata(&link)
            .unwrap()
            .file_type()
            .is_symlink()
    );
    assert_eq!(std::fs::read_to_string(&real).unwrap(), printed);

    // A read-only file is not replaced (even for a user who could).
    let read_only = dir.join("read_only.json");
    std::fs::write(&read_only, "kept").unwrap();
    let mut permissions = std::fs::metadata(&read_only).unwrap().permissions();
    permissions.set_readonly(true);
    std::fs::set_permissions(&read_only, permissions).unwrap();
    let r = read_only.to_str().unwrap();
    let err = run(&["export", "--output", r, "--lang", "en"]).fails_with(1);
    assert_eq!(err, format!("{r}: cannot write: the file is read-only\n"));
    let err = run(&["export", "--output", r]).fails_with(1);
    assert_eq!(err, format!("{r}：无法写入：文件是只读的\n"));
    assert_eq!(std::fs::read_to_string(&read_only).unwrap(), "kept");

    // A device is written into, not replaced.
    run(&["export", "--output", "/dev/null"]).succeeded();
    assert!(!std::fs::metadata("/dev/null").unwrap().is_file());
    assert_eq!(
        folder_listing(dir.path()),
        ["link.json", "read_only.json", "real.json"]
    );
}

#[test]
fn options_that_would_be_ignored_are_usage_errors() {
    assert_eq!(
        run(&["export", "--format", "json", "somewhere", "--lang", "en"]).fails_with(2),
        "a DIR is written only with --format datapackage; use --output FILE for json or csv\n"
    );
    assert_eq!(
        run(&["export", "--bom", "--lang", "en"]).fails_with(2),
        "--bom and --raw-csv apply to CSV output (--format csv or datapackage)\n"
    );
    assert_eq!(
        run(&["rank", "high_quality_datasets", "--bom", "--lang", "en"]).fails_with(2),
        "--bom and --raw-csv apply to CSV output (--format csv)\n"
    );
    assert_eq!(
        run(&["rank", "high_quality_datasets", "--bom"]).fails_with(2),
        "--bom 和 --raw-csv 只用于 CSV 输出（--format csv）\n"
    );
    assert_eq!(
        run(&[
            "extract",
            "--min-confidence",
            "2",
            "tests/fixtures/newsletter_2025_05.txt",
            "--lang",
            "en"
        ])
        .fails_with(2),
        "--min-confidence: expected a number from 0 to 1, found 2\n"
    );
}
