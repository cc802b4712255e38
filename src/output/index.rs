//! A composite [`Index`] as JSON, CSV and a text table.

use std::io::Write;

use serde::Serialize;

use crate::encode::{CsvOptions, FORMAT_VERSION, JsonDecimal, write_csv_rows};
use crate::engine::index::{Aggregation, Index, IndexRow, Input, Scaling};
use crate::error::Error;
use crate::model::Lang;
use crate::output::labels::{self, index as words};
use crate::output::render::{json, num};
use crate::output::table::{Table, human};

#[derive(Serialize, schemars::JsonSchema)]
#[schemars(rename = "IndexWeight")]
pub(crate) struct WeightJson<'a> {
    metric: &'a str,
    weight: JsonDecimal,
}

#[derive(Serialize, schemars::JsonSchema)]
#[schemars(rename = "IndexValue")]
pub(crate) struct ValueJson<'a> {
    metric: &'a str,
    value: JsonDecimal,
    unit: String,
    scaled: JsonDecimal,
}

#[derive(Serialize, schemars::JsonSchema)]
#[schemars(rename = "IndexRow")]
pub(crate) struct RowJson<'a> {
    rank: u32,
    jurisdiction: &'a str,
    name_zh: &'a str,
    name_en: &'a str,
    level: &'a str,
    score: JsonDecimal,
    covered: usize,
    rank_median: u32,
    rank_low: u32,
    rank_high: u32,
    values: Vec<ValueJson<'a>>,
}

#[derive(Serialize, schemars::JsonSchema)]
#[schemars(rename = "IndexExcluded")]
pub(crate) struct ExcludedJson<'a> {
    jurisdiction: &'a str,
    covered: usize,
    reason: String,
}

#[derive(Serialize, schemars::JsonSchema)]
#[schemars(rename = "IndexSensitivity")]
pub(crate) struct SensitivityJson {
    input: Input,
    mean_abs_rank_shift: JsonDecimal,
}

/// How the figures were computed.
#[derive(Serialize, schemars::JsonSchema)]
#[schemars(rename = "IndexPrecision")]
pub(crate) struct PrecisionJson {
    /// Decimal places of scores, values and scaled values.
    decimals: u32,
    /// The arithmetic of the nominal scores and ranks: always `decimal`
    /// (exact, with logarithms, exponentials and square roots to 28 digits).
    nominal: &'static str,
    /// The arithmetic of the rank intervals and the sensitivity table:
    /// `f64`, or null without draws.
    simulation: Option<&'static str>,
}

#[derive(Serialize, schemars::JsonSchema)]
#[schemars(rename = "Index")]
pub(crate) struct IndexJson<'a> {
    version: u32,
    as_of: chrono::NaiveDate,
    per: String,
    level: Option<&'a str>,
    metrics: Vec<&'a str>,
    scaling: Scaling,
    aggregation: Aggregation,
    weights: Vec<WeightJson<'a>>,
    min_coverage: String,
    draws: u32,
    seed: u64,
    rows: Vec<RowJson<'a>>,
    excluded: Vec<ExcludedJson<'a>>,
    sensitivity: Vec<SensitivityJson>,
    precision: PrecisionJson,
}

/// The columns of an index's CSV: one row per jurisdiction and metric it
/// has a value on, then one per excluded jurisdiction with its reason.
pub const INDEX_CSV_COLUMNS: [&str; 16] = [
    "rank",
    "jurisdiction",
    "name_zh",
    "name_en",
    "level",
    "score",
    "covered",
    "rank_median",
    "rank_low",
    "rank_high",
    "metric",
    "value",
    "unit",
    "scaled",
    "weight",
    "reason",
];

impl Index {
    /// The index as the JSON of `targets index --format json`.
    pub fn to_json(&self) -> String {
        json(&IndexJson {
            version: FORMAT_VERSION,
            as_of: self.as_of,
            per: self.per.to_string(),
            level: self.level.map(|l| l.as_str()),
            metrics: self.metrics.iter().map(|m| m.id.as_str()).collect(),
            scaling: self.scaling,
            aggregation: self.aggregation,
            weights: self
                .metrics
                .iter()
                .map(|m| WeightJson {
                    metric: m.id.as_str(),
                    weight: num(m.weight),
                })
                .collect(),
            min_coverage: self.min_coverage.to_string(),
            draws: self.draws,
            seed: self.seed,
            rows: self.rows.iter().map(|r| self.row_json(r)).collect(),
            excluded: self
                .excluded
                .iter()
                .map(|e| ExcludedJson {
                    jurisdiction: e.jurisdiction.as_str(),
                    covered: e.reason.covered(),
                    reason: e.reason.to_string(),
                })
                .collect(),
            sensitivity: self
                .sensitivity
                .iter()
                .map(|s| SensitivityJson {
                    input: s.input,
                    mean_abs_rank_shift: num(s.mean_abs_rank_shift),
                })
                .collect(),
            precision: PrecisionJson {
                decimals: self.precision.decimals,
                nominal: "decimal",
                simulation: self.precision.simulated_in_f64.then_some("f64"),
            },
        })
    }

    fn unit_of(&self, metric: &str) -> String {
        self.metrics
            .iter()
            .find(|m| m.id.as_str() == metric)
            .map_or(String::new(), |m| m.unit.to_string())
    }

    fn row_json<'a>(&'a self, r: &'a IndexRow) -> RowJson<'a> {
        RowJson {
            rank: r.rank,
            jurisdiction: r.jurisdiction.as_str(),
            name_zh: &r.name_zh,
            name_en: &r.name_en,
            level: r.level.as_str(),
            score: num(r.score),
            covered: r.covered,
            rank_median: r.rank_median,
            rank_low: r.rank_low,
            rank_high: r.rank_high,
            values: r
                .values
                .iter()
                .map(|v| ValueJson {
                    metric: v.metric.as_str(),
                    value: num(v.value),
                    unit: self.unit_of(v.metric.as_str()),
                    scaled: num(v.scaled),
                })
                .collect(),
        }
    }

    /// The index as tidy CSV ([`INDEX_CSV_COLUMNS`]): one row per
    /// jurisdiction and metric it has a value on, best first, then the
    /// excluded jurisdictions with a blank rank and their reason. The
    /// sensitivity table is in the JSON and the text table.
    pub fn write_csv<W: Write>(&self, out: W, options: &CsvOptions) -> Result<(), Error> {
        let mut rows: Vec<Vec<String>> = Vec::new();
        for r in &self.rows {
            for v in &r.values {
                let weight = self
                    .metrics
                    .iter()
                    .find(|m| m.id == v.metric)
                    .map(|m| m.weight.to_string())
                    .unwrap_or_default();
                rows.push(vec![
                    r.rank.to_string(),
                    r.jurisdiction.to_string(),
                    r.name_zh.clone(),
                    r.name_en.clone(),
                    r.level.to_string(),
                    r.score.to_string(),
                    r.covered.to_string(),
                    r.rank_median.to_string(),
                    r.rank_low.to_string(),
                    r.rank_high.to_string(),
                    v.metric.to_string(),
                    v.value.to_string(),
                    self.unit_of(v.metric.as_str()),
                    v.scaled.to_string(),
                    weight,
                    String::new(),
                ]);
            }
        }
        for e in &self.excluded {
            let mut row = vec![String::new(); INDEX_CSV_COLUMNS.len()];
            row[1] = e.jurisdiction.to_string();
            row[2] = e.name_zh.clone();
            row[3] = e.name_en.clone();
            row[6] = e.reason.covered().to_string();
            row[15] = e.reason.to_string();
            rows.push(row);
        }
        write_csv_rows(out, &INDEX_CSV_COLUMNS, rows, options)
    }

    /// A row's rank for people: `3`, or with draws `3 (2–5)`.
    pub(crate) fn rank_text(&self, r: &IndexRow) -> String {
        if self.draws == 0 {
            r.rank.to_string()
        } else {
            format!("{} ({}–{})", r.rank, r.rank_low, r.rank_high)
        }
    }

    /// The index as a text table: title, method, the rows, the note on the
    /// intervals, the sensitivity table and the jurisdictions left out.
    pub fn to_table(&self, lang: Lang) -> String {
        crate::output::table::fit(self.table_text(lang))
    }

    /// The table text, lines of any width.
    fn table_text(&self, lang: Lang) -> String {
        let names: Vec<&str> = self
            .metrics
            .iter()
            .map(|m| labels::pick(lang, m.name_zh.as_str(), m.name_en.as_str()))
            .collect();
        let mut out = words::title(&names, self.per, self.level, self.as_of, lang);
        out.push_str(&words::choices(
            self.scaling,
            self.aggregation,
            &self.weights_text(lang),
            self.min_coverage,
            lang,
        ));
        let mut table = Table::new(words::headings(lang));
        table.align_right(0).align_right(3).align_right(4);
        let metrics = self.metrics.len();
        for r in &self.rows {
            table.push([
                self.rank_text(r),
                labels::pick(lang, r.name_zh.as_str(), r.name_en.as_str()).to_owned(),
                labels::level_label(r.level, lang),
                human(r.score),
                format!("{}/{metrics}", r.covered),
            ]);
        }
        out.push_str(&table.render());
        if self.draws > 0 {
            out.push_str(&words::interval_note(self.draws, self.seed, lang));
            out.push('\n');
            out.push_str(words::sensitivity_heading(lang));
            let mut sensitivity = Table::new(words::sensitivity_headings(lang));
            sensitivity.align_right(1);
            for s in &self.sensitivity {
                sensitivity.push([
                    words::input(s.input, lang).to_owned(),
                    s.mean_abs_rank_shift.to_string(),
                ]);
            }
            out.push_str(&sensitivity.render());
        }
        for e in &self.excluded {
            let name = labels::pick(lang, e.name_zh.as_str(), e.name_en.as_str());
            let name = if name.is_empty() {
                e.jurisdiction.as_str()
            } else {
                name
            };
            out.push_str(&words::not_included(name, &e.reason, lang));
        }
        out
    }

    /// The weights on the line of choices: `equal`, or `A=2, B=1`.
    fn weights_text(&self, lang: Lang) -> String {
        if self
            .metrics
            .iter()
            .all(|m| m.weight == rust_decimal::Decimal::ONE)
        {
            return words::equal_weights(lang).to_owned();
        }
        self.metrics
            .iter()
            .map(|m| {
                let name = labels::pick(lang, m.name_zh.as_str(), m.name_en.as_str());
                format!("{name}={}", m.weight)
            })
            .collect::<Vec<_>>()
            .join(labels::pick(lang, "，", ", "))
    }
}
