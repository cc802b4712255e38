//! A [`Gap`] as JSON, CSV and a text table.

use std::io::Write;

use serde::Serialize;

use crate::encode::{CsvOptions, FORMAT_VERSION, JsonDecimal, write_csv_rows};
use crate::engine::gap::{Gap, Unanswered};
use crate::error::Error;
use crate::model::Lang;
use crate::output::labels;
use crate::output::rank::UnrankedJson;
use crate::output::render::{json, num, opt};
use crate::output::table::{Table, human};

#[derive(Serialize, schemars::JsonSchema)]
#[schemars(rename = "Gap")]
pub(crate) struct GapJson<'a> {
    version: u32,
    subject: &'a str,
    subject_name_zh: &'a str,
    subject_name_en: &'a str,
    benchmark: &'a str,
    benchmark_name_zh: Option<&'a str>,
    benchmark_name_en: Option<&'a str>,
    metric: &'a str,
    per: String,
    as_of: chrono::NaiveDate,
    subject_value: Option<JsonDecimal>,
    benchmark_value: JsonDecimal,
    gap: JsonDecimal,
    relative_gap: Option<JsonDecimal>,
    required_target: JsonDecimal,
    required_unit: String,
    standing: crate::engine::gap::Standing,
    unit: String,
    subject_target: Option<&'a str>,
    benchmark_target: Option<&'a str>,
    peers: Vec<&'a str>,
    excluded: Vec<UnrankedJson<'a>>,
    denominator_as_of: Option<chrono::NaiveDate>,
    benchmark_denominator_as_of: Option<chrono::NaiveDate>,
}

/// The columns of a gap's CSV.
pub const GAP_CSV_COLUMNS: [&str; 17] = [
    "subject",
    "benchmark",
    "metric",
    "per",
    "as_of",
    "subject_value",
    "benchmark_value",
    "gap",
    "relative_gap",
    "required_target",
    "required_unit",
    "unit",
    "subject_target",
    "benchmark_target",
    "denominator_as_of",
    "benchmark_denominator_as_of",
    "standing",
];

impl Gap {
    /// The gap as the JSON of `targets gap --format json`.
    pub fn to_json(&self) -> String {
        json(&GapJson {
            version: FORMAT_VERSION,
            subject: self.subject.as_str(),
            subject_name_zh: &self.subject_name_zh,
            subject_name_en: &self.subject_name_en,
            benchmark: &self.benchmark,
            benchmark_name_zh: self.benchmark_name_zh.as_deref(),
            benchmark_name_en: self.benchmark_name_en.as_deref(),
            metric: self.metric.as_str(),
            per: self.per.to_string(),
            as_of: self.as_of,
            subject_value: self.subject_value.map(num),
            benchmark_value: num(self.benchmark_value),
            gap: num(self.gap),
            relative_gap: self.relative_gap.map(num),
            required_target: num(self.required_target),
            required_unit: self.required_unit.to_string(),
            standing: self.standing,
            unit: self.unit.to_string(),
            subject_target: self.subject_target.as_ref().map(|t| t.as_str()),
            benchmark_target: self.benchmark_target.as_ref().map(|t| t.as_str()),
            peers: self.peers.iter().map(|p| p.as_str()).collect(),
            excluded: self
                .excluded
                .iter()
                .map(|(code, reason)| UnrankedJson {
                    jurisdiction: code.as_str(),
                    reason: reason.to_string(),
                })
                .collect(),
            denominator_as_of: self.denominator_as_of,
            benchmark_denominator_as_of: self.benchmark_denominator_as_of,
        })
    }

    /// The cells of this gap as one CSV row ([`GAP_CSV_COLUMNS`]).
    pub fn csv_row(&self) -> Vec<String> {
        vec![
            self.subject.to_string(),
            self.benchmark.clone(),
            self.metric.to_string(),
            self.per.to_string(),
            self.as_of.to_string(),
            opt(self.subject_value),
            self.benchmark_value.to_string(),
            self.gap.to_string(),
            opt(self.relative_gap),
            self.required_target.to_string(),
            self.required_unit.to_string(),
            self.unit.to_string(),
            opt(self.subject_target.as_ref()),
            opt(self.benchmark_target.as_ref()),
            opt(self.denominator_as_of),
            opt(self.benchmark_denominator_as_of),
            self.standing.to_string(),
        ]
    }

    /// The gap as CSV: a header and one row.
    pub fn write_csv<W: Write>(&self, out: W, options: &CsvOptions) -> Result<(), Error> {
        write_csv_rows(out, &GAP_CSV_COLUMNS, vec![self.csv_row()], options)
    }

    /// The benchmark in words, in the language asked for: the benchmark
    /// jurisdiction's name; a statistic over peers by name (`省级中位数`,
    /// `median of provinces`), with the jurisdiction whose value it is where
    /// it is one jurisdiction's (`省级最高（江苏省）`); a fixed quantity as
    /// written.
    pub fn benchmark_label(&self, lang: Lang) -> String {
        let holder = labels::pick(lang, &self.benchmark_name_zh, &self.benchmark_name_en);
        labels::benchmark_name(&self.benchmark_query, holder.as_deref(), lang)
    }

    /// The gap as a short text table.
    pub fn to_table(&self, catalog: &crate::Catalog, lang: Lang) -> String {
        crate::output::table::fit(self.table_text(catalog, lang))
    }

    /// The table text, lines of any width.
    fn table_text(&self, catalog: &crate::Catalog, lang: Lang) -> String {
        let metric = catalog
            .metric(self.metric.as_str())
            .map_or(self.metric.as_str(), |m| m.name(lang));
        // Target values are written with their unit (`190 EFLOPS`, `1,000家`);
        // normalised values under the unit of the title.
        let unit = if self.per == crate::Per::NONE {
            String::new()
        } else {
            labels::per_unit_label(self.unit, lang)
        };
        let mut out = labels::gap_title(metric, self.per, &unit, self.as_of, lang);
        out.push_str(&self.items_table(catalog, lang).render());
        match (self.denominator_as_of, self.benchmark_denominator_as_of) {
            (Some(d), Some(b)) if d != b => {
                out.push_str(&labels::denominators_apart(d, b, lang));
            }
            (Some(d), _) => out.push_str(&labels::denominators_as_of(d, lang)),
            _ => {}
        }
        let name = |code: &crate::JurisdictionCode| -> String {
            catalog
                .jurisdiction(code.as_str())
                .map_or(code.as_str(), |j| {
                    labels::pick(lang, &j.name_zh, &j.name_en)
                })
                .to_owned()
        };
        if !self.peers.is_empty() {
            let names: Vec<String> = self.peers.iter().map(name).collect();
            let names: Vec<&str> = names.iter().map(String::as_str).collect();
            out.push_str(&labels::peers_used(&names, lang));
        }
        for (code, reason) in &self.excluded {
            out.push_str(&labels::left_out_of_peers(&name(code), reason, lang));
        }
        out
    }

    /// The items of the gap (subject, benchmark, their values, the gap and
    /// the required target) as a two-column table.
    fn items_table(&self, catalog: &crate::Catalog, lang: Lang) -> Table {
        let subject = labels::pick(lang, &self.subject_name_zh, &self.subject_name_en);
        let unit = self.reader_unit(catalog);
        // Target values in a unit a reader would choose; normalised values
        // as numbers (their unit is in the title).
        let amount = |v: rust_decimal::Decimal| {
            if self.per != crate::Per::NONE {
                return human(v);
            }
            let text = crate::output::amount::human_amount(v.abs(), unit, lang);
            if v.is_sign_negative() && !v.is_zero() {
                format!("-{text}")
            } else {
                text
            }
        };
        let values = [
            subject.clone(),
            self.benchmark_label(lang),
            self.subject_value
                .map(amount)
                .unwrap_or_else(|| labels::no_target(lang).to_owned()),
            amount(self.benchmark_value),
            amount(self.gap),
            format!(
                "{}{}",
                self.required_amount(catalog, lang),
                labels::already_ahead(self.standing, lang)
            ),
            labels::standing(self.standing, amount(self.gap.abs()), lang),
        ];
        let mut table = Table::new(labels::gap_headings(lang));
        for (item, value) in labels::gap_items(lang).into_iter().zip(values) {
            table.push([item.to_owned(), value]);
        }
        table
    }
}

impl Gap {
    /// The required target for people, rounded to a whole unit: in a unit
    /// a reader would choose (`5,914.81亿元`, `2,263 TB`), a count with the
    /// measure word of the subject's target, else of the benchmark's
    /// (`591家`).
    ///
    /// ```
    /// use chrono::NaiveDate;
    /// use policy_targets::{Catalog, Lang, Per, gap::{Benchmark, GapQuery, gap}};
    ///
    /// let catalog = Catalog::bundled()?;
    /// let as_of = NaiveDate::from_ymd_opt(2026, 6, 30).unwrap();
    /// let jiangsu = Benchmark::resolve(&catalog, "江苏", "")?;
    /// let query = GapQuery::new("广西", jiangsu, "above_scale_data_enterprises", as_of).per(Per::CAPITA);
    /// assert_eq!(gap(&catalog, &query)?.required_amount(&catalog, Lang::Zh), "591家");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn required_amount(&self, catalog: &crate::Catalog, lang: Lang) -> String {
        let unit = self.reader_unit(catalog);
        crate::output::amount::human_amount(self.required_target.round_dp(0), unit, lang)
    }

    /// The unit target values are written in: a count with the measure
    /// word of the subject's target, else of the benchmark's (`家`); else
    /// the canonical unit (scaled for a reader when written).
    fn reader_unit(&self, catalog: &crate::Catalog) -> crate::Unit {
        let counter = [&self.subject_target, &self.benchmark_target]
            .into_iter()
            .flatten()
            .find_map(|id| catalog.target(id.as_str()))
            .map(|t| t.value.unit().with_magnitude(0))
            .filter(|u| u.dimension() == crate::Dimension::Count);
        counter.unwrap_or(self.required_unit)
    }
}

impl Unanswered {
    /// Why the question has no answer, for people, in the language asked
    /// for.
    ///
    /// ```
    /// use chrono::NaiveDate;
    /// use policy_targets::{Catalog, Lang, Per, gap::benchmark_gaps};
    ///
    /// let catalog = Catalog::bundled()?;
    /// let as_of = NaiveDate::from_ymd_opt(2025, 7, 4).unwrap();
    /// let (_, unanswered) = benchmark_gaps(&catalog, "450000", Per::CAPITA, as_of)?;
    /// let catalogues = unanswered
    ///     .iter()
    ///     .find(|q| q.metric.as_str() == "open_data_catalogues")
    ///     .unwrap();
    /// assert_eq!(
    ///     catalogues.reason(&catalog, Lang::Zh),
    ///     "无其他省级地区设定该指标目标，无法计算省级中位数"
    /// );
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn reason(&self, catalog: &crate::Catalog, lang: Lang) -> String {
        labels::unanswered(self, catalog, lang)
    }
}
