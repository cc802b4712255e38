//! The [`Progress`] of targets as JSON, CSV and a text table.

use std::collections::HashMap;
use std::io::Write;

use rust_decimal::Decimal;
use serde::Serialize;

use crate::encode::{CsvOptions, FORMAT_VERSION};
use crate::engine::progress::Progress;
use crate::error::Error;
use crate::model::{Dimension, Lang, Unit};
use crate::output::amount::human_amount;
use crate::output::cells::CellWriter;
use crate::output::labels;
use crate::output::render::{json, opt};
use crate::output::table::Table;

#[derive(Serialize, schemars::JsonSchema)]
#[schemars(rename = "Progress")]
pub(crate) struct ProgressJson<'a> {
    version: u32,
    as_of: chrono::NaiveDate,
    precision: PrecisionJson,
    rows: Vec<crate::engine::progress::ProgressRowJson<'a>>,
}

/// How precise the computed ratios and rates are (DESIGN: a root or
/// logarithm is computed with a stated precision, and the output says so).
#[derive(Serialize, schemars::JsonSchema)]
#[schemars(rename = "Precision")]
pub(crate) struct PrecisionJson {
    /// The decimal places `progress`, `required_rate`, `observed_rate` and
    /// `pace_ratio` are rounded to.
    decimals: u32,
    /// How they are rounded: `half_even`; verdicts are decided before.
    rounding: &'static str,
    /// How compound rates are computed, and their error before rounding.
    compound_rates: &'static str,
    /// How trends are fitted and projected, and their precision.
    trends: &'static str,
}

impl PrecisionJson {
    /// The precision of rates and ratios rounded to `decimals` places.
    fn of(decimals: u32) -> PrecisionJson {
        PrecisionJson {
            decimals,
            rounding: "half_even",
            compound_rates: COMPOUND_RATES,
            trends: TRENDS,
        }
    }
}

/// The statement of [`PrecisionJson::trends`] (see
/// [`crate::engine::progress::Trajectory`]).
const TRENDS: &str = "least squares over days in exact decimal sums; a linear projection is one decimal division (28 significant digits), then rounded; a compound trend fits ln(value) with decimal logarithms and projects with a decimal exponential (28 significant digits), relative error below 1e-20 before rounding";

/// The statement of [`PrecisionJson::compound_rates`] (see
/// [`crate::engine::progress::Pace::Compound`]).
const COMPOUND_RATES: &str = "exp(ln(ratio) × 365.2425 / days) − 1 in decimal arithmetic (28 significant digits), the ratio being x_t / x_0 (observed) or T / x_t (required); absolute error below 1e-24 × max(1, 1 + rate) before rounding";

/// The columns of the progress CSV.
pub const PROGRESS_CSV_COLUMNS: [&str; 23] = [
    "target_id",
    "jurisdiction",
    "metric",
    "comparator",
    "target_value",
    "unit",
    "deadline",
    "latest_value",
    "latest_as_of",
    "progress",
    "gap",
    "met",
    "pace",
    "required_rate",
    "observed_rate",
    "pace_ratio",
    "status",
    "rank",
    "projected_value",
    "projected_attainment",
    "trend",
    "trend_figures",
    "trend_r_squared",
];

impl Progress {
    /// The progress as the JSON of `targets progress --format json`.
    pub fn to_json(&self) -> String {
        json(&ProgressJson {
            version: FORMAT_VERSION,
            as_of: self.as_of,
            precision: PrecisionJson::of(self.decimals),
            rows: self.rows.iter().map(Into::into).collect(),
        })
    }

    /// The progress as CSV ([`PROGRESS_CSV_COLUMNS`]), one row per target.
    pub fn write_csv<W: Write>(&self, out: W, options: &CsvOptions) -> Result<(), Error> {
        let mut writer = CsvRows::new(out, options)?;
        for r in &self.rows {
            writer.row(r)?;
        }
        writer.finish()
    }

    /// The progress as a text table; with a minimum grade, a last line
    /// counts the targets left out.
    pub fn to_table(&self, catalog: &crate::Catalog, lang: Lang) -> String {
        crate::output::table::fit(self.table_text(catalog, lang))
    }

    /// The table text, lines of any width.
    fn table_text(&self, catalog: &crate::Catalog, lang: Lang) -> String {
        let mut out = labels::progress_title(self.as_of, lang);
        if self.rows.is_empty() {
            // Say why instead of printing the headings of an empty table.
            let first = catalog
                .targets()
                .iter()
                .filter_map(|t| catalog.source(t.source.as_str()))
                .map(|s| s.published.first_day())
                .min();
            out.push_str(&labels::empty_progress(first, self.as_of, lang));
        } else {
            out.push_str(&self.rows_table(catalog, lang).render());
        }
        if self.rows.iter().any(|r| r.pace_ratio.is_some()) {
            out.push_str(&labels::precision_note(self.decimals, lang));
        }
        if let Some(min) = self.min_grade {
            out.push_str(&labels::grade::left_out(min, self.left_out, lang));
        }
        out
    }

    /// One table row per target, under its metric's name, metrics and
    /// jurisdictions named from the catalogue; long cells wrap to keep the
    /// table within [`WIDTH`](crate::output::table::WIDTH) columns.
    fn rows_table(&self, catalog: &crate::Catalog, lang: Lang) -> Table {
        let name = |code: &str| {
            catalog
                .jurisdiction(code)
                .map_or(code.to_owned(), |j| j.name(lang).to_owned())
        };
        let metric = |id: &str| {
            catalog
                .metric(id)
                .map_or(id.to_owned(), |m| m.name(lang).to_owned())
        };
        let mut table = Table::new(labels::progress_headings(lang));
        for i in [1, 3, 5, 6, 9] {
            table.align_right(i);
        }
        for i in [0, 3, 7, 8] {
            table.wrap(i);
        }
        // Values with a unit a reader would choose (亿元, EFLOPS), a count
        // with the measure word of its target (家 stays 家).
        let counters: HashMap<&str, Unit> = catalog
            .targets()
            .iter()
            .filter(|t| t.value.unit().dimension() == Dimension::Count)
            .map(|t| (t.id.as_str(), t.value.unit()))
            .collect();
        let mut section = None;
        for r in &self.rows {
            if section != Some(&r.metric) {
                table.section(metric(r.metric.as_str()));
                section = Some(&r.metric);
            }
            let unit = counters
                .get(r.target_id.as_str())
                .copied()
                .unwrap_or(r.unit);
            let amount = |v: Decimal| human_amount(v, unit, lang);
            table.push([
                name(r.jurisdiction.as_str()),
                format!("{}{}", r.comparator.symbol(), amount(r.target_value)),
                r.deadline.to_string(),
                r.latest_value.map(amount).unwrap_or_default(),
                opt(r.latest_as_of),
                r.progress
                    .map(|p| format!("{}%", (p * Decimal::from(100)).round_dp(1).normalize()))
                    .unwrap_or_default(),
                r.pace_ratio
                    .map(|p| format!("{:.2}", p.round_dp(2)))
                    .unwrap_or_default(),
                labels::status_label(r.status, lang).to_owned(),
                labels::projection(
                    r.projected_attainment,
                    r.projected_value.map(amount).as_deref(),
                    lang,
                ),
                opt(r.rank),
            ]);
        }
        table
    }
}

/// The figures reported on or before `as_of` that no target measures
/// ([`unmatched`](crate::progress::unmatched)) as a titled table in
/// `lang`, each figure as the source wrote it with its quote; empty when
/// there is none.
///
/// ```
/// use chrono::NaiveDate;
/// use policy_targets::{Catalog, Lang, output::unmatched_table};
///
/// let catalog = Catalog::bundled()?;
/// let as_of = NaiveDate::from_ymd_opt(2025, 12, 31).unwrap();
/// let table = unmatched_table(&catalog, as_of, Lang::Zh);
/// assert!(table.starts_with("\n已报告、但无对应目标的实绩\n"));
/// assert!(table.contains("788 EFLOPS"));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub fn unmatched_table(catalog: &crate::Catalog, as_of: chrono::NaiveDate, lang: Lang) -> String {
    let figures = crate::progress::unmatched(catalog, as_of);
    if figures.is_empty() {
        return String::new();
    }
    let mut table = Table::new(labels::unmatched_headings(lang));
    table.align_right(2).wrap(0).wrap(1).wrap(4);
    for o in figures {
        let who = catalog
            .jurisdiction(o.jurisdiction.as_str())
            .map_or(o.jurisdiction.as_str(), |j| j.name(lang));
        let metric = catalog
            .metric(o.metric.as_str())
            .map_or(o.metric.as_str(), |m| m.name(lang));
        let bound = o.comparator.map(|c| c.symbol()).unwrap_or("");
        table.push([
            who.to_owned(),
            metric.to_owned(),
            format!("{bound}{}", reported(o.value, lang)),
            o.as_of.to_string(),
            o.quote.clone(),
        ]);
    }
    format!("\n{}{}", labels::unmatched_title(lang), table.render())
}

/// Writes progress rows as CSV ([`PROGRESS_CSV_COLUMNS`]), each cell
/// formatted straight into the output buffer.
struct CsvRows<'o, W: Write> {
    writer: CellWriter<'o, W>,
}

impl<'o, W: Write> CsvRows<'o, W> {
    /// A writer that has written the byte order mark (if asked for) and
    /// the header.
    fn new(out: W, options: &'o CsvOptions) -> Result<CsvRows<'o, W>, Error> {
        let mut writer = CellWriter::new(out, options)?;
        for name in PROGRESS_CSV_COLUMNS {
            writer.str(name);
        }
        writer.end()?;
        Ok(CsvRows { writer })
    }

    /// One row.
    fn row(&mut self, r: &crate::progress::ProgressRow) -> Result<(), Error> {
        let w = &mut self.writer;
        let decimal = |w: &mut CellWriter<'o, W>, v: Option<Decimal>| match v {
            Some(v) => w.decimal(v),
            None => w.empty(),
        };
        let date = |w: &mut CellWriter<'o, W>, v: Option<chrono::NaiveDate>| match v {
            Some(v) => w.date(v),
            None => w.empty(),
        };
        w.plain(r.target_id.as_str());
        w.plain(r.jurisdiction.as_str());
        w.plain(r.metric.as_str());
        w.plain(r.comparator.as_str());
        w.decimal(r.target_value);
        w.strs(&r.unit.text_parts());
        w.date(r.deadline);
        decimal(w, r.latest_value);
        date(w, r.latest_as_of);
        decimal(w, r.progress);
        decimal(w, r.gap);
        match r.met {
            Some(met) => w.plain(if met { "true" } else { "false" }),
            None => w.empty(),
        }
        match &r.pace {
            Some(pace) => w.plain(pace.as_str()),
            None => w.empty(),
        }
        decimal(w, r.required_rate);
        decimal(w, r.observed_rate);
        decimal(w, r.pace_ratio);
        w.plain(r.status.as_str());
        match r.rank {
            Some(rank) => w.number(u64::from(rank)),
            None => w.empty(),
        }
        decimal(w, r.projected_value);
        date(w, r.projected_attainment);
        match r.trend.as_ref() {
            Some(t) => {
                w.plain(t.trajectory.fit.as_str());
                w.number(t.trajectory.figures);
                decimal(w, t.r_squared);
            }
            None => {
                w.empty();
                w.empty();
                w.empty();
            }
        }
        w.end()
    }

    /// Flushes what is left.
    fn finish(self) -> Result<(), Error> {
        self.writer.finish()
    }
}

/// [`Progress::write_csv`] of [`progress_folder`](crate::progress::progress_folder)'s
/// answer on a data folder, written one metric at a time as the rows are
/// evaluated ([`progress_folder_each`](crate::progress::progress_folder_each)),
/// so that they are never all held: the same bytes, in less memory.
///
/// ```
/// use chrono::NaiveDate;
/// use policy_targets::encode::CsvOptions;
/// use policy_targets::output::write_progress_csv_folder;
/// use policy_targets::progress::{progress_folder, Options};
/// use policy_targets::synth::{write_folder, Spec};
///
/// let dir = std::env::temp_dir().join(format!("progress_csv_doc_{}", std::process::id()));
/// write_folder(&Spec { jurisdictions: 5, metrics: 3, months: 4, seed: 2 }, &dir).unwrap();
/// let as_of = NaiveDate::from_ymd_opt(2025, 12, 31).unwrap();
/// let (options, csv) = (Options::default(), CsvOptions::default());
/// let mut streamed = Vec::new();
/// write_progress_csv_folder(&dir, as_of, &options, &mut streamed, &csv)?;
/// let mut gathered = Vec::new();
/// progress_folder(&dir, as_of, &options)?.1.write_csv(&mut gathered, &csv).unwrap();
/// assert_eq!(streamed, gathered);
/// std::fs::remove_dir_all(&dir).unwrap();
/// # Ok::<(), policy_targets::Errors>(())
/// ```
pub fn write_progress_csv_folder<W: Write>(
    dir: impl AsRef<std::path::Path>,
    as_of: chrono::NaiveDate,
    options: &crate::progress::Options,
    out: W,
    csv_options: &CsvOptions,
) -> Result<(), crate::Errors> {
    let writer = CsvRows::new(out, csv_options)?;
    write_each(dir.as_ref(), as_of, options, writer)
}

/// A writer of progress rows, one at a time.
trait Rows {
    /// Writes one row.
    fn row(&mut self, r: &crate::progress::ProgressRow) -> Result<(), Error>;
    /// Ends the answer and flushes it.
    fn finish(self) -> Result<(), Error>;
}

impl<W: Write> Rows for CsvRows<'_, W> {
    fn row(&mut self, r: &crate::progress::ProgressRow) -> Result<(), Error> {
        CsvRows::row(self, r)
    }

    fn finish(self) -> Result<(), Error> {
        CsvRows::finish(self)
    }
}

impl<W: Write> Rows for JsonRows<W> {
    fn row(&mut self, r: &crate::progress::ProgressRow) -> Result<(), Error> {
        JsonRows::row(self, r).map_err(io_error)
    }

    fn finish(self) -> Result<(), Error> {
        JsonRows::finish(self).map_err(io_error)
    }
}

/// An error of writing.
fn io_error(e: std::io::Error) -> Error {
    Error::new(crate::ErrorKind::Io(e), None)
}

/// The rows of the progress on the data folder `dir` handed to `writer` a
/// metric at a time, as they are evaluated; the first error of writing
/// ends the writing.
fn write_each(
    dir: &std::path::Path,
    as_of: chrono::NaiveDate,
    options: &crate::progress::Options,
    mut writer: impl Rows,
) -> Result<(), crate::Errors> {
    let mut failed = None;
    crate::progress::progress_folder_each(dir, as_of, options, |rows| {
        for r in rows {
            if failed.is_none() {
                failed = writer.row(r).err();
            }
        }
    })?;
    if let Some(e) = failed {
        return Err(e.into());
    }
    Ok(writer.finish()?)
}

/// [`Progress::to_json`] of [`progress_folder`](crate::progress::progress_folder)'s
/// answer on a data folder, written one metric at a time as the rows are
/// evaluated, as [`write_progress_csv_folder`] writes its CSV: the same
/// bytes, in less memory.
///
/// ```
/// use chrono::NaiveDate;
/// use policy_targets::output::write_progress_json_folder;
/// use policy_targets::progress::{progress_folder, Options};
/// use policy_targets::synth::{write_folder, Spec};
///
/// let dir = std::env::temp_dir().join(format!("progress_json_doc_{}", std::process::id()));
/// write_folder(&Spec { jurisdictions: 5, metrics: 3, months: 4, seed: 2 }, &dir).unwrap();
/// let as_of = NaiveDate::from_ymd_opt(2025, 12, 31).unwrap();
/// let options = Options::default();
/// let mut streamed = Vec::new();
/// write_progress_json_folder(&dir, as_of, &options, &mut streamed)?;
/// let gathered = progress_folder(&dir, as_of, &options)?.1.to_json();
/// assert_eq!(String::from_utf8(streamed).unwrap(), gathered);
/// std::fs::remove_dir_all(&dir).unwrap();
/// # Ok::<(), policy_targets::Errors>(())
/// ```
pub fn write_progress_json_folder<W: Write>(
    dir: impl AsRef<std::path::Path>,
    as_of: chrono::NaiveDate,
    options: &crate::progress::Options,
    out: W,
) -> Result<(), crate::Errors> {
    let writer = JsonRows::new(out, as_of, options.decimals);
    write_each(dir.as_ref(), as_of, options, writer)
}

/// The pretty JSON of [`Progress::to_json`], written a row at a time.
/// A row is pretty-printed on its own and indented to its depth in the
/// document (a JSON string holds no raw line break, so every line break
/// of the row's text starts a line of it). Nothing reaches the writer
/// before the first rows: a folder with a problem writes nothing.
struct JsonRows<W: Write> {
    out: W,
    /// What is not yet written.
    buf: Vec<u8>,
    /// One row's text, reused.
    row: Vec<u8>,
    rows: usize,
}

/// The indentation of a row's lines: the rows are two levels deep.
const ROW_INDENT: &[u8] = b"\n    ";

/// The bytes gathered before they are written.
const FLUSH_AT: usize = 1 << 16;

impl<W: Write> JsonRows<W> {
    /// The document with no rows, up to the rows' opening bracket.
    fn new(out: W, as_of: chrono::NaiveDate, decimals: u32) -> JsonRows<W> {
        let empty = json(&ProgressJson {
            version: FORMAT_VERSION,
            as_of,
            precision: PrecisionJson::of(decimals),
            rows: Vec::new(),
        });
        let head = empty.strip_suffix("[]\n}").unwrap_or(&empty);
        let mut buf = Vec::with_capacity(FLUSH_AT + 4096);
        buf.extend_from_slice(head.as_bytes());
        buf.push(b'[');
        JsonRows {
            out,
            buf,
            row: Vec::new(),
            rows: 0,
        }
    }

    /// Adds one row.
    fn row(&mut self, row: &crate::progress::ProgressRow) -> std::io::Result<()> {
        self.row.clear();
        let json = crate::engine::progress::ProgressRowJson::from(row);
        serde_json::to_writer_pretty(&mut self.row, &json)?;
        if self.rows > 0 {
            self.buf.push(b',');
        }
        self.rows += 1;
        for line in self.row.split(|&b| b == b'\n') {
            self.buf.extend_from_slice(ROW_INDENT);
            self.buf.extend_from_slice(line);
        }
        if self.buf.len() >= FLUSH_AT {
            self.out.write_all(&self.buf)?;
            self.buf.clear();
        }
        Ok(())
    }

    /// Closes the rows and the document, writes what is left and flushes.
    fn finish(mut self) -> std::io::Result<()> {
        if self.rows > 0 {
            self.buf.extend_from_slice(b"\n  ");
        }
        self.buf.extend_from_slice(b"]\n}");
        self.out.write_all(&self.buf)?;
        self.out.flush()
    }
}

/// A reported figure as the source wrote it (5.8万人, 83亿元, 17282 TB),
/// except where that would be a code (`7 count`) or, in English, a Chinese
/// unit: then as a reader writes it (7个, CNY 8.3 billion).
fn reported(value: crate::Quantity, lang: Lang) -> String {
    let unit = value.unit();
    let worded = matches!(
        unit.dimension(),
        Dimension::Count | Dimension::Money | Dimension::Persons
    );
    if worded && (lang == Lang::En || unit.is_canonical()) {
        human_amount(value.value(), unit, lang)
    } else {
        value.to_string()
    }
}
