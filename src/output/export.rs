//! Exports of the catalogue for dashboards: JSON (read back by
//! [`from_json`]) and tidy CSV, following the output contracts of the
//! [`design`](crate::design) notes.
//!
//! ```
//! use policy_targets::{export, Catalog};
//!
//! let catalog = Catalog::bundled()?;
//! let json = export::to_json(&catalog);
//! assert!(json.contains(r#""canonical_value": 17282"#));
//! assert_eq!(export::from_json(&json)?, catalog);
//! # Ok::<(), policy_targets::Errors>(())
//! ```

use chrono::NaiveDate;

use serde::{Deserialize, Serialize};

use crate::catalog::{Origin, Parts, located};
use crate::error::{DataProblem, Error, ErrorKind, Errors, Position};
use crate::output::CsvOptions;
use crate::output::cells::CellWriter;
use crate::{
    Baseline, Basis, Catalog, Comparator, Deadline, Id, Jurisdiction, JurisdictionCode, Metric,
    Observation, PartialDate, Period, Precision, Quantity, Source, Target, Unit,
};

pub use crate::encode::{FORMAT_VERSION, JsonDecimal};

#[derive(Serialize, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
#[schemars(rename = "Baseline")]
pub(crate) struct BaselineRecord {
    value: JsonDecimal,
    unit: Unit,
    canonical_value: JsonDecimal,
    as_of: NaiveDate,
    as_of_precision: Precision,
}

#[derive(Serialize, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
#[schemars(rename = "Target")]
pub(crate) struct TargetRecord {
    id: Id,
    jurisdiction: JurisdictionCode,
    metric: Id,
    comparator: Comparator,
    value: JsonDecimal,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    upper: Option<JsonDecimal>,
    unit: Unit,
    canonical_value: JsonDecimal,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    canonical_upper: Option<JsonDecimal>,
    canonical_unit: Unit,
    deadline: NaiveDate,
    deadline_precision: Precision,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    period: Option<Period>,
    period_start: NaiveDate,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    baseline: Option<BaselineRecord>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    basis: Option<Basis>,
    source: Id,
    quote: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    note: Option<String>,
}

#[derive(Serialize, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
#[schemars(rename = "Observation")]
pub(crate) struct ObservationRecord {
    id: Id,
    jurisdiction: JurisdictionCode,
    metric: Id,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    comparator: Option<Comparator>,
    value: JsonDecimal,
    unit: Unit,
    canonical_value: JsonDecimal,
    canonical_unit: Unit,
    as_of: NaiveDate,
    as_of_precision: Precision,
    source: Id,
    quote: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    note: Option<String>,
}

#[derive(Serialize, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
#[schemars(rename = "Export")]
pub(crate) struct Document {
    version: u32,
    jurisdictions: Vec<Jurisdiction>,
    metrics: Vec<Metric>,
    sources: Vec<Source>,
    targets: Vec<TargetRecord>,
    observations: Vec<ObservationRecord>,
}

fn baseline_record(b: &Baseline) -> BaselineRecord {
    BaselineRecord {
        value: JsonDecimal(b.value.value()),
        unit: b.value.unit(),
        canonical_value: JsonDecimal(b.value.canonical_value()),
        as_of: b.as_of.last_day(),
        as_of_precision: b.as_of.precision(),
    }
}

fn target_record(catalog: &Catalog, t: &Target) -> TargetRecord {
    TargetRecord {
        id: t.id.clone(),
        jurisdiction: t.jurisdiction.clone(),
        metric: t.metric.clone(),
        comparator: t.comparator,
        value: JsonDecimal(t.value.value()),
        upper: t.upper.map(|u| JsonDecimal(u.value())),
        unit: t.value.unit(),
        canonical_value: JsonDecimal(t.value.canonical_value()),
        canonical_upper: t.upper.map(|u| JsonDecimal(u.canonical_value())),
        canonical_unit: t.value.dimension().canonical_unit(),
        deadline: t.deadline.end(),
        deadline_precision: t.deadline.precision(),
        period: t.period,
        period_start: catalog.period_start(t),
        baseline: t.baseline.as_ref().map(baseline_record),
        basis: t.basis,
        source: t.source.clone(),
        quote: t.quote.clone(),
        note: t.note.clone(),
    }
}

fn observation_record(o: &Observation) -> ObservationRecord {
    ObservationRecord {
        id: o.id.clone(),
        jurisdiction: o.jurisdiction.clone(),
        metric: o.metric.clone(),
        comparator: o.comparator,
        value: JsonDecimal(o.value.value()),
        unit: o.value.unit(),
        canonical_value: JsonDecimal(o.value.canonical_value()),
        canonical_unit: o.value.dimension().canonical_unit(),
        as_of: o.as_of.last_day(),
        as_of_precision: o.as_of.precision(),
        source: o.source.clone(),
        quote: o.quote.clone(),
        note: o.note.clone(),
    }
}

/// The catalogue as one JSON object with arrays `jurisdictions`, `metrics`,
/// `sources`, `targets` and `observations` (pretty-printed, exact decimals).
pub fn to_json(catalog: &Catalog) -> String {
    let document = Document {
        version: FORMAT_VERSION,
        jurisdictions: catalog.jurisdictions().to_vec(),
        metrics: catalog.metrics().to_vec(),
        sources: catalog.sources().to_vec(),
        targets: catalog
            .targets()
            .iter()
            .map(|t| target_record(catalog, t))
            .collect(),
        observations: catalog
            .observations()
            .iter()
            .map(observation_record)
            .collect(),
    };
    // Serialising plain data to a String cannot fail.
    serde_json::to_string_pretty(&document).unwrap_or_default()
}

/// Reads a catalogue back from the JSON of [`to_json`], with the same checks
/// as [`Catalog::load`]. Canonical values are checked against value and unit.
pub fn from_json(text: &str) -> Result<Catalog, Errors> {
    let document: Document = serde_json::from_str(text).map_err(|err| {
        let position = Position::new().with_line_column(err.line() as u64, err.column() as u64);
        Error::at(
            ErrorKind::Syntax(format!("invalid JSON export: {err}")),
            position,
        )
    })?;
    let mut parts = Parts {
        jurisdictions: located(document.jurisdictions, "jurisdictions"),
        metrics: located(document.metrics, "metrics"),
        sources: located(document.sources, "sources"),
        ..Parts::default()
    };
    for (i, r) in document.targets.into_iter().enumerate() {
        let origin = Origin::indexed("targets", i);
        match target_from_record(r, &origin) {
            Ok(t) => parts.targets.push((t, origin)),
            Err(e) => parts.errors.push(e),
        }
    }
    for (i, r) in document.observations.into_iter().enumerate() {
        let origin = Origin::indexed("observations", i);
        match observation_from_record(r, &origin) {
            Ok(o) => parts.observations.push((o, origin)),
            Err(e) => parts.errors.push(e),
        }
    }
    parts.build()
}

fn quantity(
    value: JsonDecimal,
    unit: Unit,
    canonical: Option<JsonDecimal>,
    origin: &Origin,
    field: &str,
) -> Result<Quantity, Error> {
    let q = Quantity::new(value.0, unit).map_err(|e| Error::at(e, origin.field(field)))?;
    match canonical {
        Some(c) if c.0 != q.canonical_value() => Err(Error::invalid(
            DataProblem::CanonicalMismatch {
                found: c.0.to_string(),
                quantity: q.to_string(),
                expected: q.canonical_value().to_string(),
            },
            origin.field(field),
        )),
        _ => Ok(q),
    }
}

fn partial(
    last: NaiveDate,
    precision: Precision,
    origin: &Origin,
    field: &str,
) -> Result<PartialDate, Error> {
    PartialDate::from_last_day(last, precision).map_err(|e| Error::at(e, origin.field(field)))
}

fn target_from_record(r: TargetRecord, origin: &Origin) -> Result<Target, Error> {
    let value = quantity(r.value, r.unit, Some(r.canonical_value), origin, "value")?;
    let upper = match r.upper {
        Some(u) => Some(quantity(u, r.unit, r.canonical_upper, origin, "upper")?),
        None => None,
    };
    let baseline = match r.baseline {
        Some(b) => Some(Baseline {
            value: quantity(b.value, b.unit, Some(b.canonical_value), origin, "baseline")?,
            as_of: partial(b.as_of, b.as_of_precision, origin, "baseline")?,
        }),
        None => None,
    };
    Ok(Target {
        id: r.id,
        jurisdiction: r.jurisdiction,
        metric: r.metric,
        comparator: r.comparator,
        value,
        upper,
        deadline: Deadline::new(partial(
            r.deadline,
            r.deadline_precision,
            origin,
            "deadline",
        )?),
        period: r.period,
        baseline,
        basis: r.basis,
        source: r.source,
        quote: r.quote,
        note: r.note,
    })
}

fn observation_from_record(r: ObservationRecord, origin: &Origin) -> Result<Observation, Error> {
    Ok(Observation {
        value: quantity(r.value, r.unit, Some(r.canonical_value), origin, "value")?,
        as_of: partial(r.as_of, r.as_of_precision, origin, "as_of")?,
        id: r.id,
        jurisdiction: r.jurisdiction,
        metric: r.metric,
        comparator: r.comparator,
        source: r.source,
        quote: r.quote,
        note: r.note,
    })
}

/// The columns of the tidy CSV export, in order.
pub const CSV_COLUMNS: [&str; 24] = [
    "record",
    "id",
    "jurisdiction",
    "jurisdiction_name_zh",
    "jurisdiction_name_en",
    "level",
    "metric",
    "metric_name_zh",
    "comparator",
    "value",
    "unit",
    "canonical_value",
    "canonical_unit",
    "deadline",
    "period_start",
    "as_of",
    "source",
    "source_title",
    "issuer",
    "published",
    "quote",
    "upper",
    "note",
    "source_grade",
];

/// The catalogue as tidy CSV: one row per target or observation, with the
/// columns of [`CSV_COLUMNS`] (UTF-8, exact decimals, ISO dates); see
/// [`CsvOptions`] for the byte order mark and the formula guard.
///
/// `source_grade` is the grade the row's figure is credited with
/// ([`Catalog::grade_of`]: its source's own, else that of the source it was
/// read in), empty when there is none.
pub fn write_csv<W: std::io::Write>(
    catalog: &Catalog,
    out: W,
    options: &CsvOptions,
) -> Result<(), Error> {
    // Rows are written one at a time, each cell straight into the buffer.
    let mut writer = CellWriter::new(out, options)?;
    write_csv_head(catalog, &mut writer)?;
    writer.finish()
}

/// The cells a CSV row takes from the catalogue: jurisdiction (zh, en,
/// level), metric (zh), source (title, issuer, published) and the grade
/// of the row's figure, in two runs (the first three, then the rest, which
/// follow other columns).
struct Context<'c> {
    jurisdiction: Option<&'c crate::Jurisdiction>,
    metric: Option<&'c crate::Metric>,
    source: Option<&'c crate::Source>,
    catalog: &'c Catalog,
}

impl<'c> Context<'c> {
    fn new(catalog: &'c Catalog, code: &JurisdictionCode, metric: &Id, source: &Id) -> Self {
        Context {
            jurisdiction: catalog.jurisdiction(code.as_str()),
            metric: catalog.metric(metric.as_str()),
            source: catalog.source(source.as_str()),
            catalog,
        }
    }

    /// The jurisdiction's names and level.
    fn jurisdiction<W: std::io::Write>(&self, w: &mut CellWriter<'_, W>) {
        let j = self.jurisdiction;
        w.str(j.map_or("", |j| j.name_zh.as_str()));
        w.str(j.map_or("", |j| j.name_en.as_str()));
        match j {
            Some(j) => w.display(&j.level),
            None => w.empty(),
        }
    }

    /// The metric's Chinese name.
    fn metric<W: std::io::Write>(&self, w: &mut CellWriter<'_, W>) {
        w.str(self.metric.map_or("", |m| m.name_zh.as_str()));
    }

    /// The source's title, issuer and publication.
    fn source<W: std::io::Write>(&self, w: &mut CellWriter<'_, W>) {
        let s = self.source;
        w.str(s.map_or("", |s| s.title.as_str()));
        w.str(s.map_or("", |s| s.issuer.as_str()));
        match s {
            Some(s) => w.display(&s.published),
            None => w.empty(),
        }
    }

    /// The grade of the row's figure.
    fn grade<W: std::io::Write>(&self, w: &mut CellWriter<'_, W>) {
        match self.source.and_then(|s| self.catalog.grade_of(s)) {
            Some(g) => w.display(&g),
            None => w.empty(),
        }
    }
}

/// The CSV row of a target ([`CSV_COLUMNS`]).
fn write_target<W: std::io::Write>(
    w: &mut CellWriter<'_, W>,
    catalog: &Catalog,
    t: &Target,
) -> Result<(), Error> {
    let context = Context::new(catalog, &t.jurisdiction, &t.metric, &t.source);
    w.str("target");
    w.str(t.id.as_str());
    w.str(t.jurisdiction.as_str());
    context.jurisdiction(w);
    w.str(t.metric.as_str());
    context.metric(w);
    w.str(t.comparator.as_str());
    w.decimal(t.value.value());
    w.display(&t.value.unit());
    w.decimal(t.value.canonical_value());
    w.display(&t.value.dimension().canonical_unit());
    w.date(t.deadline.end());
    w.date(crate::catalog::period_start_of(t, context.source));
    w.empty();
    w.str(t.source.as_str());
    context.source(w);
    w.str(&t.quote);
    match t.upper {
        Some(u) => w.decimal(u.value()),
        None => w.empty(),
    }
    w.str(t.note.as_deref().unwrap_or(""));
    context.grade(w);
    w.end()
}

/// The CSV row of an observation ([`CSV_COLUMNS`]).
pub(crate) fn write_observation<W: std::io::Write>(
    w: &mut CellWriter<'_, W>,
    catalog: &Catalog,
    o: &Observation,
) -> Result<(), Error> {
    let context = Context::new(catalog, &o.jurisdiction, &o.metric, &o.source);
    w.str("observation");
    w.str(o.id.as_str());
    w.str(o.jurisdiction.as_str());
    context.jurisdiction(w);
    w.str(o.metric.as_str());
    context.metric(w);
    w.str(o.comparator.map_or("", |c| c.as_str()));
    w.decimal(o.value.value());
    w.display(&o.value.unit());
    w.decimal(o.value.canonical_value());
    w.display(&o.value.dimension().canonical_unit());
    w.empty();
    w.empty();
    w.date(o.as_of.last_day());
    w.str(o.source.as_str());
    context.source(w);
    w.str(&o.quote);
    w.empty();
    w.str(o.note.as_deref().unwrap_or(""));
    context.grade(w);
    w.end()
}

/// The rows of [`write_csv`] before the figures of a streamed
/// `observations.csv`: the header, every target and the catalogue's own
/// observations, written into `writer`.
fn write_csv_head<W: std::io::Write>(
    catalog: &Catalog,
    writer: &mut CellWriter<'_, W>,
) -> Result<(), Error> {
    for name in CSV_COLUMNS {
        writer.str(name);
    }
    writer.end()?;
    for t in catalog.targets() {
        write_target(writer, catalog, t)?;
    }
    for o in catalog.observations() {
        write_observation(writer, catalog, o)?;
    }
    Ok(())
}

/// [`write_csv`] of the catalogue of a data folder, with its
/// `observations.csv` read as a stream rather than loaded: memory grows
/// with the targets, not with the rows, and the bytes written are those of
/// [`write_csv`] on [`Catalog::load`] of the folder.
///
/// The file is read twice: once on every core to check every row (nothing
/// is written if a row has a problem: every problem is returned, as by
/// [`Catalog::load`]), then once, in file order, to write the rows.
///
/// ```
/// use policy_targets::{export, Catalog};
/// use policy_targets::encode::CsvOptions;
///
/// let dir = std::env::temp_dir().join(format!("export_folder_doc_{}", std::process::id()));
/// policy_targets::synth::write_folder(&policy_targets::synth::Spec {
///     jurisdictions: 4, metrics: 2, months: 3, seed: 1,
/// }, &dir).unwrap();
/// let mut streamed = Vec::new();
/// export::write_csv_folder(&dir, &mut streamed, &CsvOptions::default())?;
/// let mut loaded = Vec::new();
/// export::write_csv(&Catalog::load(&dir)?, &mut loaded, &CsvOptions::default()).unwrap();
/// assert_eq!(streamed, loaded);
/// std::fs::remove_dir_all(&dir).unwrap();
/// # Ok::<(), policy_targets::Errors>(())
/// ```
pub fn write_csv_folder<W: std::io::Write + Send>(
    dir: impl AsRef<std::path::Path>,
    out: W,
    options: &CsvOptions,
) -> Result<(), Errors> {
    use crate::load::bulk;
    let dir = dir.as_ref();
    let catalog = crate::load::load_folder(dir, bulk::Rows::None)?;
    let csv = dir.join(bulk::OBSERVATIONS_CSV);
    if !csv.is_file() {
        return write_csv(&catalog, out, options).map_err(Errors::from);
    }
    write_csv_streamed(&catalog, &csv, out, options)
}

/// [`write_csv`] of `catalog` (a data folder's, without the rows of its
/// `observations.csv`) followed by the rows of `csv`, its
/// `observations.csv`, read as a stream after all are checked.
pub(crate) fn write_csv_streamed<W: std::io::Write + Send>(
    catalog: &Catalog,
    csv: &std::path::Path,
    out: W,
    options: &CsvOptions,
) -> Result<(), Errors> {
    use crate::load::bulk;
    bulk::check_rows(catalog, csv)?;
    let mut writer = CellWriter::new(out, options)?;
    write_csv_head(catalog, &mut writer)?;
    bulk::each_observation(catalog, csv, |o| write_observation(&mut writer, catalog, o))?;
    Ok(writer.finish()?)
}

/// An input or output error, without a position.
fn io_error(e: std::io::Error) -> Errors {
    Errors::from(Error::new(ErrorKind::Io(e), None))
}

/// [`to_json`] of the catalogue of a data folder, written into `out`, with
/// its `observations.csv` read as a stream rather than loaded: memory grows
/// with the targets, not with the rows, and the bytes written are those of
/// [`to_json`] on [`Catalog::load`] of the folder.
///
/// The file is read twice: once on every core to check every row (nothing
/// is written if a row has a problem: every problem is returned, as by
/// [`Catalog::load`]), then once, in file order, to write the rows.
///
/// ```
/// use policy_targets::{export, Catalog};
///
/// let dir = std::env::temp_dir().join(format!("export_json_doc_{}", std::process::id()));
/// policy_targets::synth::write_folder(&policy_targets::synth::Spec {
///     jurisdictions: 3, metrics: 2, months: 2, seed: 5,
/// }, &dir).unwrap();
/// let mut streamed = Vec::new();
/// export::write_json_folder(&dir, &mut streamed)?;
/// assert_eq!(streamed, export::to_json(&Catalog::load(&dir)?).into_bytes());
/// std::fs::remove_dir_all(&dir).unwrap();
/// # Ok::<(), policy_targets::Errors>(())
/// ```
pub fn write_json_folder<W: std::io::Write + Send>(
    dir: impl AsRef<std::path::Path>,
    mut out: W,
) -> Result<(), Errors> {
    use crate::load::bulk;
    let dir = dir.as_ref();
    let catalog = crate::load::load_folder(dir, bulk::Rows::None)?;
    let csv = dir.join(bulk::OBSERVATIONS_CSV);
    let head = to_json(&catalog);
    if !csv.is_file() {
        return out.write_all(head.as_bytes()).map_err(io_error);
    }
    bulk::check_rows(&catalog, &csv)?;
    // The head ends with the catalogue's own observations: `[]` when it
    // has none, else the last one and the array's closing line.
    let (open, mut separator) = match head.strip_suffix("]\n}") {
        Some(open) if open.ends_with('[') => (open, "\n    "),
        _ => (head.strip_suffix(JSON_TAIL).unwrap_or(&head), ",\n    "),
    };
    out.write_all(open.as_bytes()).map_err(io_error)?;
    let mut written = false;
    let mut record = Vec::new();
    bulk::each_observation(&catalog, &csv, |o| {
        record.clear();
        // Serialising plain data into memory cannot fail.
        let _ = serde_json::to_writer_pretty(&mut record, &observation_record(o));
        let io = |e| Error::new(ErrorKind::Io(e), None);
        out.write_all(separator.as_bytes()).map_err(io)?;
        separator = ",\n    ";
        written = true;
        write_indented(&mut out, &record).map_err(io)
    })?;
    let tail = if written || !open.ends_with('[') {
        JSON_TAIL
    } else {
        "]\n}"
    };
    out.write_all(tail.as_bytes()).map_err(io_error)?;
    out.flush().map_err(io_error)?;
    Ok(())
}

/// The end of the pretty-printed JSON export after its last observation.
const JSON_TAIL: &str = "\n  ]\n}";

/// Writes pretty-printed JSON one level inside the export's
/// `observations` array: four more spaces after every line break (a JSON
/// string has none of its own).
fn write_indented<W: std::io::Write>(out: &mut W, json: &[u8]) -> std::io::Result<()> {
    let mut lines = json.split(|b| *b == b'\n');
    if let Some(first) = lines.next() {
        out.write_all(first)?;
    }
    for line in lines {
        out.write_all(b"\n    ")?;
        out.write_all(line)?;
    }
    Ok(())
}

impl Catalog {
    /// Reads a catalogue from the JSON export; see [`from_json`].
    pub fn from_json(text: &str) -> Result<Catalog, Errors> {
        from_json(text)
    }

    /// The JSON export; see [`to_json`].
    pub fn to_json(&self) -> String {
        to_json(self)
    }
}
