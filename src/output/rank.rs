//! A [`Ranking`] as JSON, CSV and a text table.

use std::io::Write;

use serde::Serialize;

use crate::encode::{CsvOptions, FORMAT_VERSION, JsonDecimal, write_csv_rows};
use crate::engine::rank::RankRow;
use crate::engine::rank::Ranking;
use crate::error::Error;
use crate::model::{Dimension, Lang, Unit};
use crate::output::amount::human_amount;
use crate::output::labels::{self, grade};
use crate::output::render::{json, num, opt};
use crate::output::table::{Table, human_column};
use rust_decimal::Decimal;

#[derive(Serialize, schemars::JsonSchema)]
#[schemars(rename = "RankRow")]
pub(crate) struct RankRowJson<'a> {
    rank: u32,
    metric: &'a str,
    jurisdiction: &'a str,
    name_zh: &'a str,
    name_en: &'a str,
    level: &'a str,
    within: Option<&'a str>,
    value: JsonDecimal,
    unit: String,
    target_id: &'a str,
    target_value: JsonDecimal,
    target_unit: String,
    deadline: chrono::NaiveDate,
    denominator_as_of: Option<chrono::NaiveDate>,
}

#[derive(Serialize, schemars::JsonSchema)]
#[schemars(rename = "Unranked")]
pub(crate) struct UnrankedJson<'a> {
    pub(super) jurisdiction: &'a str,
    pub(super) reason: String,
}

#[derive(Serialize, schemars::JsonSchema)]
#[schemars(rename = "UnrankedTarget")]
pub(crate) struct UnrankedTargetJson<'a> {
    jurisdiction: &'a str,
    metric: &'a str,
    reason: String,
}

#[derive(Serialize, schemars::JsonSchema)]
#[schemars(rename = "Ranking")]
pub(crate) struct RankingJson<'a> {
    version: u32,
    metric: &'a str,
    metrics: Vec<&'a str>,
    min_grade: Option<crate::Grade>,
    left_out: usize,
    per: String,
    level: Option<&'a str>,
    as_of: chrono::NaiveDate,
    unit: String,
    rows: Vec<RankRowJson<'a>>,
    unranked: Vec<UnrankedTargetJson<'a>>,
}

/// The columns of a ranking's CSV.
pub const RANK_CSV_COLUMNS: [&str; 15] = [
    "rank",
    "jurisdiction",
    "name_zh",
    "name_en",
    "level",
    "within",
    "value",
    "unit",
    "target_id",
    "target_value",
    "target_unit",
    "deadline",
    "denominator_as_of",
    "reason",
    "metric",
];

impl Ranking {
    /// The ranking as the JSON of `targets rank --format json`.
    pub fn to_json(&self) -> String {
        json(&RankingJson {
            version: FORMAT_VERSION,
            metric: self.metric.as_str(),
            metrics: self.metrics.iter().map(|m| m.as_str()).collect(),
            min_grade: self.min_grade,
            left_out: self.left_out,
            per: self.per.to_string(),
            level: self.level.map(|l| l.as_str()),
            as_of: self.as_of,
            unit: self.unit.to_string(),
            rows: self
                .rows
                .iter()
                .map(|r| RankRowJson {
                    rank: r.rank,
                    metric: r.metric.as_str(),
                    jurisdiction: r.jurisdiction.as_str(),
                    name_zh: &r.name_zh,
                    name_en: &r.name_en,
                    level: r.level.as_str(),
                    within: r.within.as_ref().map(|w| w.as_str()),
                    value: num(r.value),
                    unit: r.unit.to_string(),
                    target_id: r.target_id.as_str(),
                    target_value: num(r.target_value),
                    target_unit: r.target_unit.to_string(),
                    deadline: r.deadline,
                    denominator_as_of: r.denominator_as_of,
                })
                .collect(),
            unranked: self
                .unranked
                .iter()
                .map(|u| UnrankedTargetJson {
                    jurisdiction: u.jurisdiction.as_str(),
                    metric: u.metric.as_str(),
                    reason: u.reason.to_string(),
                })
                .collect(),
        })
    }

    /// The ranking as CSV ([`RANK_CSV_COLUMNS`]): ranked rows, then the
    /// unranked ones with a blank rank and their reason.
    pub fn write_csv<W: Write>(&self, out: W, options: &CsvOptions) -> Result<(), Error> {
        let mut rows: Vec<Vec<String>> = self
            .rows
            .iter()
            .map(|r| {
                vec![
                    r.rank.to_string(),
                    r.jurisdiction.to_string(),
                    r.name_zh.clone(),
                    r.name_en.clone(),
                    r.level.to_string(),
                    opt(r.within.as_ref()),
                    r.value.to_string(),
                    r.unit.to_string(),
                    r.target_id.to_string(),
                    r.target_value.to_string(),
                    r.target_unit.to_string(),
                    r.deadline.to_string(),
                    opt(r.denominator_as_of),
                    String::new(),
                    r.metric.to_string(),
                ]
            })
            .collect();
        for u in &self.unranked {
            let mut row = vec![String::new(); RANK_CSV_COLUMNS.len()];
            row[1] = u.jurisdiction.to_string();
            row[2] = u.name_zh.clone();
            row[3] = u.name_en.clone();
            row[4] = opt(u.level);
            row[8] = u.target_id.to_string();
            row[13] = u.reason.to_string();
            row[14] = u.metric.to_string();
            rows.push(row);
        }
        write_csv_rows(out, &RANK_CSV_COLUMNS, rows, options)
    }

    /// The ranking as a text table, with a title line and the unranked
    /// jurisdictions listed under it.
    pub fn to_table(&self, catalog: &crate::Catalog, lang: Lang) -> String {
        crate::output::table::fit(self.table_text(catalog, lang))
    }

    /// The table text, lines of any width.
    fn table_text(&self, catalog: &crate::Catalog, lang: Lang) -> String {
        let unit = labels::normalised_unit(
            self.per,
            self.counter().or(self.rows.first().map(|r| r.target_unit)),
            &self.unit.to_string(),
            lang,
        );
        let name = |code: &str| {
            catalog
                .jurisdiction(code)
                .map_or(code.to_owned(), |j| j.name(lang).to_owned())
        };
        let metric_name = |id: &str| {
            catalog
                .metric(id)
                .map_or(id.to_owned(), |m| m.name(lang).to_owned())
        };
        let family = self.metrics.len() > 1;
        let mut out = labels::rank_title(
            &metric_name(self.metric.as_str()),
            self.per,
            self.as_of,
            lang,
        );
        // A ranking emptied by --min-grade says so under its table instead.
        if let Some(empty) = self.emptiness(catalog).filter(|_| self.left_out == 0) {
            out.push_str(&labels::empty_ranking(empty, self.as_of, lang));
            return out;
        }
        if family {
            let names: Vec<String> = self
                .metrics
                .iter()
                .map(|m| metric_name(m.as_str()))
                .collect();
            let names: Vec<&str> = names.iter().map(String::as_str).collect();
            out.push_str(&grade::family_line(&names, lang));
        }
        out.push_str(&labels::unit_line(&unit, lang));
        let metric_of = |id: &str| family.then(|| metric_name(id));
        out.push_str(&self.rows_table(&name, &metric_of, lang).render());
        out.push_str(&self.denominator_dates(lang));
        for u in &self.unranked {
            let who = match metric_of(u.metric.as_str()) {
                Some(m) => format!("{} · {m}", name(u.jurisdiction.as_str())),
                None => name(u.jurisdiction.as_str()),
            };
            out.push_str(&labels::not_ranked(&who, &u.reason, lang));
        }
        if let Some(min) = self.min_grade {
            out.push_str(&grade::left_out(min, self.left_out, lang));
        }
        out
    }

    /// The measure word all the rows' targets were written with (`家`), when
    /// they are counts that share one; `None` for mixed words (the table
    /// then says `个`) and for other dimensions.
    fn counter(&self) -> Option<Unit> {
        let first = self.rows.first()?.written_unit;
        let counter = first.with_magnitude(0);
        let shared = self.rows.iter().all(|r| {
            r.written_unit.dimension() == Dimension::Count
                && r.written_unit.with_magnitude(0) == counter
        });
        shared.then_some(counter)
    }

    /// The ranked rows as a table, jurisdictions named by `name`; with a
    /// column of each row's metric where `metric` names one (a family).
    fn rows_table(
        &self,
        name: &dyn Fn(&str) -> String,
        metric: &dyn Fn(&str) -> Option<String>,
        lang: Lang,
    ) -> Table {
        let family = self.metrics.len() > 1;
        let mut headings: Vec<&str> = labels::rank_headings(lang).to_vec();
        if family {
            headings.insert(2, grade::metric_heading(lang));
        }
        let mut table = Table::new(headings);
        if family {
            table.wrap(2);
        }
        let shift = usize::from(family);
        table
            .align_right(0)
            .align_right(4 + shift)
            .align_right(5 + shift);
        let values: Vec<Decimal> = self.rows.iter().map(|r| r.value).collect();
        let values = human_column(&values);
        for (r, value) in self.rows.iter().zip(values) {
            let mut cells = vec![
                r.rank.to_string(),
                name(r.jurisdiction.as_str()),
                labels::level_label(r.level, lang),
                r.within
                    .as_ref()
                    .map(|w| name(w.as_str()))
                    .unwrap_or_default(),
                value,
                human_amount(r.target_value, r.shown_unit(), lang),
                r.deadline.to_string(),
            ];
            if let Some(m) = metric(r.metric.as_str()) {
                cells.insert(2, m);
            }
            table.push(cells);
        }
        table
    }

    /// The line on the denominators' dates: one vintage for all (DESIGN §4),
    /// or each row's own when there is no common date; empty without
    /// denominators.
    fn denominator_dates(&self, lang: Lang) -> String {
        let mut dates: Vec<(chrono::NaiveDate, Vec<&str>)> = Vec::new();
        for r in &self.rows {
            if let Some(d) = r.denominator_as_of {
                let who = labels::pick(lang, r.name_zh.as_str(), r.name_en.as_str());
                match dates.iter_mut().find(|(x, _)| *x == d) {
                    Some((_, names)) => names.push(who),
                    None => dates.push((d, vec![who])),
                }
            }
        }
        match dates.as_slice() {
            [] => String::new(),
            [(d, _)] => labels::denominators_as_of(*d, lang),
            several => labels::denominators_by_date(several, lang),
        }
    }
}

impl RankRow {
    /// The unit the row's target is shown in: its own measure word for a
    /// count (`家`), else the canonical unit, which
    /// [`human_amount`] writes in a unit a reader would choose.
    fn shown_unit(&self) -> Unit {
        match self.target_unit.dimension() {
            Dimension::Count => self.written_unit.with_magnitude(0),
            _ => self.target_unit,
        }
    }
}
