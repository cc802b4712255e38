//! The catalogue as a Frictionless Data Package: tidy CSV tables and a
//! `datapackage.json` that declares every field's type, keys and references,
//! and documents units, magnitudes and Chinese/English labels in custom
//! properties (prefixed `policy_targets:`), so generic tools can load it.

use serde_json::{Value, json};

use crate::Lang;
use crate::error::{Error, Errors};
use crate::output::export::{CSV_COLUMNS, write_csv, write_csv_streamed};
use crate::output::labels::datapackage::{Resource, field_title, package_title};
use crate::output::{CsvOptions, write_csv_rows};
use crate::{Catalog, Dimension, Grade};

/// One field: name, Frictionless type, description. Its titles are in the
/// labels module ([`field_title`]).
struct Field(&'static str, &'static str, &'static str);

const RECORD_FIELDS: [Field; 24] = [
    Field(
        "record",
        "string",
        "`target` (a goal) or `observation` (a reported figure).",
    ),
    Field("id", "string", "Unique among targets and observations."),
    Field(
        "jurisdiction",
        "string",
        "GB/T 2260 code (the nation is 100000) or a group slug.",
    ),
    Field("jurisdiction_name_zh", "string", ""),
    Field("jurisdiction_name_en", "string", ""),
    Field(
        "level",
        "string",
        "nation, province, prefecture, county or group.",
    ),
    Field("metric", "string", "See metrics.csv."),
    Field("metric_name_zh", "string", ""),
    Field(
        "comparator",
        "string",
        "at_least, more_than, at_most, less_than, exactly or range; for an observation, set only when the figure is a bound.",
    ),
    Field(
        "value",
        "number",
        "The number as written, in `unit` (which may carry a Chinese magnitude).",
    ),
    Field(
        "unit",
        "string",
        "个, 家, TB, PB, 元, 亿元, 人, 万人, % ...: a base unit with an optional magnitude prefix.",
    ),
    Field(
        "canonical_value",
        "number",
        "`value` converted exactly to `canonical_unit`.",
    ),
    Field(
        "canonical_unit",
        "string",
        "count, TB, CNY, person, percent or PFLOPS.",
    ),
    Field(
        "deadline",
        "date",
        "The last day of the deadline (a year ends on December 31).",
    ),
    Field(
        "period_start",
        "date",
        "The first day of the target's plan period.",
    ),
    Field("as_of", "date", "The last day an observation refers to."),
    Field("source", "string", "See sources.csv."),
    Field("source_title", "string", ""),
    Field("issuer", "string", ""),
    Field(
        "published",
        "string",
        "A year, month or day (YYYY, YYYY-MM or YYYY-MM-DD).",
    ),
    Field("quote", "string", "The source's words, verbatim."),
    Field(
        "upper",
        "number",
        "The upper bound of a `range`, as written.",
    ),
    Field("note", "string", ""),
    Field(
        "source_grade",
        "string",
        "The grade the figure is credited with: its source's, else that of the source it was read in (official > press > mirror > summary).",
    ),
];

const JURISDICTION_FIELDS: [Field; 8] = [
    Field(
        "code",
        "string",
        "GB/T 2260 code (the nation is 100000) or a group slug.",
    ),
    Field("name_zh", "string", ""),
    Field("name_en", "string", ""),
    Field(
        "level",
        "string",
        "nation, province, prefecture, county or group.",
    ),
    Field("parent", "string", "The jurisdiction it lies in."),
    Field("aliases", "string", "Other names, separated by `;`."),
    Field("members", "string", "A group's members, separated by `;`."),
    Field("note", "string", ""),
];

const METRIC_FIELDS: [Field; 10] = [
    Field("id", "string", ""),
    Field("name_zh", "string", ""),
    Field("name_en", "string", ""),
    Field(
        "dimension",
        "string",
        "count, data_volume, money, persons, share or compute.",
    ),
    Field("canonical_unit", "string", ""),
    Field("polarity", "string", "higher_is_better or lower_is_better."),
    Field(
        "basis",
        "string",
        "stock (level reached) or flow (amount added).",
    ),
    Field(
        "aliases",
        "string",
        "Phrases that name it in policy text, separated by `;`.",
    ),
    Field("note", "string", ""),
    Field(
        "broader",
        "string",
        "The broader metric this one counts a part or a kind of.",
    ),
];

const SOURCE_FIELDS: [Field; 13] = [
    Field("id", "string", ""),
    Field("title", "string", ""),
    Field("issuer", "string", ""),
    Field("doc_number", "string", ""),
    Field(
        "published",
        "string",
        "A year, month or day (YYYY, YYYY-MM or YYYY-MM-DD).",
    ),
    Field("status", "string", "draft (征求意见稿) or final."),
    Field(
        "force",
        "string",
        "law > regulation > plan > notice > statement.",
    ),
    Field("period", "string", "START/END, e.g. 2025/2027."),
    Field("url", "string", ""),
    Field("via", "string", "The secondary source it was read in."),
    Field("supersedes", "string", "The earlier source it replaces."),
    Field("note", "string", ""),
    Field(
        "grade",
        "string",
        "How directly the page at `url` shows the issuer's words: official > press > mirror > summary.",
    ),
];

/// The schema of `resource`'s table of `fields`, keyed by `key`, with its
/// `foreign` keys.
fn schema(resource: Resource, fields: &[Field], key: &str, foreign: Value) -> Value {
    let fields: Vec<Value> = fields
        .iter()
        .map(|Field(name, kind, description)| {
            let title = |lang| field_title(lang, resource, name).unwrap_or_default();
            let mut field = json!({
                "name": name,
                "type": kind,
                "title": title(Lang::En),
                "policy_targets:title_zh": title(Lang::Zh),
            });
            if !description.is_empty() {
                field["description"] = json!(description);
            }
            if *name == key {
                field["constraints"] = json!({"required": true, "unique": true});
            }
            if matches!(*name, "grade" | "source_grade") {
                let grades: Vec<&str> = Grade::ALL.iter().map(|g| g.as_str()).collect();
                field["constraints"] = json!({ "enum": grades });
            }
            field
        })
        .collect();
    json!({"fields": fields, "primaryKey": [key], "foreignKeys": foreign, "missingValues": [""]})
}

fn resource(name: &str, title: &str, schema: Value, options: &CsvOptions) -> Value {
    json!({
        "name": name,
        "title": title,
        "path": format!("{name}.csv"),
        "profile": "tabular-data-resource",
        "format": "csv",
        "mediatype": "text/csv",
        "encoding": if options.bom { "utf-8-sig" } else { "utf-8" },
        "schema": schema,
    })
}

fn reference(field: &str, resource: &str, key: &str) -> Value {
    json!({"fields": [field], "reference": {"resource": resource, "fields": [key]}})
}

/// The file of the records (targets and observations): the first of
/// [`files`].
pub const RECORDS_FILE: &str = "records.csv";

/// The names of the files of the data package, in the order of [`files`].
pub const FILE_NAMES: [&str; 5] = [
    RECORDS_FILE,
    "jurisdictions.csv",
    "metrics.csv",
    "sources.csv",
    "datapackage.json",
];

/// The files of the data package, as `(file name, bytes)`: `records.csv`
/// (the tidy export), `jurisdictions.csv`, `metrics.csv`, `sources.csv` and
/// `datapackage.json`.
///
/// ```
/// use policy_targets::{Catalog, datapackage, output::CsvOptions};
///
/// let files = datapackage::files(&Catalog::bundled()?, &CsvOptions::default())?;
/// let names: Vec<&str> = files.iter().map(|(n, _)| n.as_str()).collect();
/// assert_eq!(names, ["records.csv", "jurisdictions.csv", "metrics.csv", "sources.csv", "datapackage.json"]);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub fn files(catalog: &Catalog, options: &CsvOptions) -> Result<Vec<(String, Vec<u8>)>, Error> {
    let mut records = Vec::new();
    write_csv(catalog, &mut records, options)?;
    let mut files = vec![(RECORDS_FILE.to_owned(), records)];
    files.extend(others(catalog, options)?);
    Ok(files)
}

/// [`files`] of the catalogue of the data folder `dir`, with `records.csv`
/// written into `records` rather than returned, its rows read from the
/// folder's `observations.csv` as a stream (as by
/// [`write_csv_folder`](crate::export::write_csv_folder)): memory grows with
/// the targets, not with the rows. Returns the other files, in the order of
/// [`files`]; the bytes of every file are those of [`files`] on
/// [`Catalog::load`] of the folder. Every problem of the folder is
/// returned, before anything is written.
///
/// ```
/// use policy_targets::{Catalog, datapackage, output::CsvOptions};
///
/// let dir = std::env::temp_dir().join(format!("datapackage_folder_doc_{}", std::process::id()));
/// policy_targets::synth::write_folder(&policy_targets::synth::Spec {
///     jurisdictions: 3, metrics: 2, months: 2, seed: 5,
/// }, &dir).unwrap();
/// let options = CsvOptions::default();
/// let mut records = Vec::new();
/// let others = datapackage::write_folder(&dir, &mut records, &options)?;
/// let loaded = datapackage::files(&Catalog::load(&dir)?, &options)?;
/// assert_eq!(loaded[0], ("records.csv".to_owned(), records));
/// assert_eq!(loaded[1..], others[..]);
/// std::fs::remove_dir_all(&dir).unwrap();
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub fn write_folder<W: std::io::Write + Send>(
    dir: impl AsRef<std::path::Path>,
    records: W,
    options: &CsvOptions,
) -> Result<Vec<(String, Vec<u8>)>, Errors> {
    use crate::load::bulk;
    let dir = dir.as_ref();
    let catalog = crate::load::load_folder(dir, bulk::Rows::None)?;
    let csv = dir.join(bulk::OBSERVATIONS_CSV);
    if csv.is_file() {
        write_csv_streamed(&catalog, &csv, records, options)?;
    } else {
        write_csv(&catalog, records, options)?;
    }
    others(&catalog, options).map_err(Errors::from)
}

/// The files of [`files`] after `records.csv`.
fn others(catalog: &Catalog, options: &CsvOptions) -> Result<Vec<(String, Vec<u8>)>, Error> {
    let jurisdictions = jurisdictions_csv(catalog, options)?;
    let metrics = metrics_csv(catalog, options)?;
    let sources = sources_csv(catalog, options)?;
    let mut json = serde_json::to_string_pretty(&descriptor(options)).unwrap_or_default();
    json.push('\n');
    Ok(vec![
        ("jurisdictions.csv".to_owned(), jurisdictions),
        ("metrics.csv".to_owned(), metrics),
        ("sources.csv".to_owned(), sources),
        ("datapackage.json".to_owned(), json.into_bytes()),
    ])
}

/// A list cell: the items joined by `;`.
fn join(items: &[String]) -> String {
    items.join(";")
}

/// `jurisdictions.csv`: one row per jurisdiction, [`JURISDICTION_FIELDS`].
fn jurisdictions_csv(catalog: &Catalog, options: &CsvOptions) -> Result<Vec<u8>, Error> {
    let mut jurisdictions = Vec::new();
    let rows = catalog.jurisdictions().iter().map(|j| {
        let members: Vec<String> = j.members.iter().map(|m| m.to_string()).collect();
        vec![
            j.code.to_string(),
            j.name_zh.clone(),
            j.name_en.clone(),
            j.level.to_string(),
            j.parent.as_ref().map(|p| p.to_string()).unwrap_or_default(),
            join(&j.aliases),
            join(&members),
            j.note.clone().unwrap_or_default(),
        ]
    });
    let header: Vec<&str> = JURISDICTION_FIELDS.iter().map(|f| f.0).collect();
    write_csv_rows(&mut jurisdictions, &header, rows, options)?;
    Ok(jurisdictions)
}

/// `metrics.csv`: one row per metric, [`METRIC_FIELDS`].
fn metrics_csv(catalog: &Catalog, options: &CsvOptions) -> Result<Vec<u8>, Error> {
    let mut metrics = Vec::new();
    let rows = catalog.metrics().iter().map(|m| {
        vec![
            m.id.to_string(),
            m.name_zh.clone(),
            m.name_en.clone(),
            m.dimension.to_string(),
            m.dimension.canonical_unit().to_string(),
            m.polarity.to_string(),
            m.basis.to_string(),
            join(&m.aliases),
            m.note.clone().unwrap_or_default(),
            m.broader
                .as_ref()
                .map(|b| b.to_string())
                .unwrap_or_default(),
        ]
    });
    let header: Vec<&str> = METRIC_FIELDS.iter().map(|f| f.0).collect();
    write_csv_rows(&mut metrics, &header, rows, options)?;
    Ok(metrics)
}

/// `sources.csv`: one row per source document, [`SOURCE_FIELDS`].
fn sources_csv(catalog: &Catalog, options: &CsvOptions) -> Result<Vec<u8>, Error> {
    let mut sources = Vec::new();
    let opt = |o: &Option<String>| o.clone().unwrap_or_default();
    let rows = catalog.sources().iter().map(|s| {
        vec![
            s.id.to_string(),
            s.title.clone(),
            s.issuer.clone(),
            opt(&s.doc_number),
            s.published.to_string(),
            s.status.to_string(),
            s.force.to_string(),
            s.period.map(|p| p.to_string()).unwrap_or_default(),
            opt(&s.url),
            s.via.as_ref().map(|v| v.to_string()).unwrap_or_default(),
            s.supersedes
                .as_ref()
                .map(|v| v.to_string())
                .unwrap_or_default(),
            opt(&s.note),
            s.grade.map(|g| g.to_string()).unwrap_or_default(),
        ]
    });
    let header: Vec<&str> = SOURCE_FIELDS.iter().map(|f| f.0).collect();
    write_csv_rows(&mut sources, &header, rows, options)?;
    Ok(sources)
}

/// `datapackage.json`: the package, its units and its four resources.
fn descriptor(options: &CsvOptions) -> Value {
    debug_assert_eq!(CSV_COLUMNS.len(), RECORD_FIELDS.len());
    let canonical: serde_json::Map<String, Value> = Dimension::ALL
        .iter()
        .map(|d| (d.to_string(), json!(d.canonical_unit().to_string())))
        .collect();
    json!({
        "profile": "tabular-data-package",
        "name": "policy-targets",
        "title": package_title(Lang::En),
        "policy_targets:title_zh": package_title(Lang::Zh),
        "description": "Targets and reported figures of Chinese jurisdictions, each with its source document and verbatim quote. Values are exact decimals: `value` and `unit` as written, `canonical_value` in `canonical_unit`.",
        "version": crate::encode::FORMAT_VERSION.to_string(),
        "policy_targets:canonical_units": canonical,
        "policy_targets:magnitudes": {
            "十": 10, "百": 100, "千": 1000, "万": 10000, "亿": 100000000,
            "combinations": "prefixes combine by multiplication, largest last: 百亿 = 10^10, 万亿 = 10^12"
        },
        "policy_targets:unit_factors": {
            "GB": "0.001 TB", "PB": "1000 TB", "EB": "1000000 TB",
            "TFLOPS": "0.001 PFLOPS", "EFLOPS": "1000 PFLOPS"
        },
        "resources": [
            resource("records", "Targets and observations", schema(Resource::Records, &RECORD_FIELDS, "id", json!([
                reference("jurisdiction", "jurisdictions", "code"),
                reference("metric", "metrics", "id"),
                reference("source", "sources", "id"),
            ])), options),
            resource("jurisdictions", "Jurisdictions", schema(Resource::Jurisdictions, &JURISDICTION_FIELDS, "code", json!([
                reference("parent", "", "code"),
            ])), options),
            resource("metrics", "Metrics", schema(Resource::Metrics, &METRIC_FIELDS, "id", json!([
                reference("broader", "", "id"),
            ])), options),
            resource("sources", "Sources", schema(Resource::Sources, &SOURCE_FIELDS, "id", json!([
                reference("via", "", "id"),
                reference("supersedes", "", "id"),
            ])), options),
        ],
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_field_has_a_chinese_and_an_english_title() {
        let tables: [(Resource, &[Field]); 4] = [
            (Resource::Records, &RECORD_FIELDS),
            (Resource::Jurisdictions, &JURISDICTION_FIELDS),
            (Resource::Metrics, &METRIC_FIELDS),
            (Resource::Sources, &SOURCE_FIELDS),
        ];
        for (resource, fields) in tables {
            for Field(name, _, _) in fields {
                for lang in [Lang::Zh, Lang::En] {
                    let title = field_title(lang, resource, name);
                    assert!(title.is_some_and(|t| !t.is_empty()), "{name} in {lang:?}");
                }
            }
        }
        assert_eq!(field_title(Lang::Zh, Resource::Records, "id"), Some("编号"));
        assert_eq!(field_title(Lang::Zh, Resource::Metrics, "id"), Some("代码"));
        assert_eq!(field_title(Lang::Zh, Resource::Metrics, "nothing"), None);
    }
}
