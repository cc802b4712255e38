//! A [`Ranking`] as JSON, CSV and a text table.

use std::io::Write;

use serde::Serialize;

use crate::encode::{CsvOptions, FORMAT_VERSION, JsonDecimal, write_csv_rows};
use crate::engine::rank::Ranking;
use crate::error::Error;
use crate::model::Lang;
use crate::output::labels;
use crate::output::render::{json, num, opt};
use crate::output::table::{Table, human};

#[derive(Serialize, schemars::JsonSchema)]
#[schemars(rename = "RankRow")]
pub(crate) struct RankRowJson<'a> {
    rank: u32,
    jurisdiction: &'a str,
    name_zh: &'a str,
    name_en: &'a str,
    level: &'a str,
    within: Option<&'a str>,
    value: JsonDecimal,
    unit: &'a str,
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
#[schemars(rename = "Ranking")]
pub(crate) struct RankingJson<'a> {
    version: u32,
    metric: &'a str,
    per: String,
    level: Option<&'a str>,
    as_of: chrono::NaiveDate,
    unit: &'a str,
    rows: Vec<RankRowJson<'a>>,
    unranked: Vec<UnrankedJson<'a>>,
}

/// The columns of a ranking's CSV.
pub const RANK_CSV_COLUMNS: [&str; 14] = [
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
];

impl Ranking {
    /// The ranking as the JSON of `targets rank --format json`.
    pub fn to_json(&self) -> String {
        json(&RankingJson {
            version: FORMAT_VERSION,
            metric: self.metric.as_str(),
            per: self.per.to_string(),
            level: self.level.map(|l| l.as_str()),
            as_of: self.as_of,
            unit: &self.unit,
            rows: self
                .rows
                .iter()
                .map(|r| RankRowJson {
                    rank: r.rank,
                    jurisdiction: r.jurisdiction.as_str(),
                    name_zh: &r.name_zh,
                    name_en: &r.name_en,
                    level: r.level.as_str(),
                    within: r.within.as_ref().map(|w| w.as_str()),
                    value: num(r.value),
                    unit: &r.unit,
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
                .map(|u| UnrankedJson {
                    jurisdiction: u.jurisdiction.as_str(),
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
                    r.unit.clone(),
                    r.target_id.to_string(),
                    r.target_value.to_string(),
                    r.target_unit.to_string(),
                    r.deadline.to_string(),
                    opt(r.denominator_as_of),
                    String::new(),
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
            rows.push(row);
        }
        write_csv_rows(out, &RANK_CSV_COLUMNS, rows, options)
    }

    /// The ranking as a text table, with a title line and the unranked
    /// jurisdictions listed under it.
    pub fn to_table(&self, catalog: &crate::Catalog, lang: Lang) -> String {
        let metric = catalog.metric(self.metric.as_str());
        let metric_name = metric.map_or(self.metric.as_str(), |m| m.name(lang));
        let unit = labels::normalised_unit(
            self.per,
            self.rows.first().map(|r| r.target_unit),
            &self.unit,
            lang,
        );
        let name = |code: &str| {
            catalog
                .jurisdiction(code)
                .map_or(code.to_owned(), |j| j.name(lang).to_owned())
        };
        let mut out = labels::rank_title(metric_name, self.per, self.as_of, lang);
        if let Some(empty) = self.emptiness(catalog) {
            out.push_str(&labels::empty_ranking(empty, self.as_of, lang));
            return out;
        }
        out.push_str(&labels::unit_line(&unit, lang));
        out.push_str(&self.rows_table(&name, lang).render());
        out.push_str(&self.denominator_dates(lang));
        for u in &self.unranked {
            out.push_str(&labels::not_ranked(
                &name(u.jurisdiction.as_str()),
                &u.reason,
                lang,
            ));
        }
        out
    }

    /// The ranked rows as a table, jurisdictions named by `name`.
    fn rows_table(&self, name: &dyn Fn(&str) -> String, lang: Lang) -> Table {
        let mut table = Table::new(labels::rank_headings(lang));
        table.align_right(0).align_right(4).align_right(5);
        for r in &self.rows {
            table.push([
                r.rank.to_string(),
                name(r.jurisdiction.as_str()),
                labels::level_label(r.level, lang),
                r.within
                    .as_ref()
                    .map(|w| name(w.as_str()))
                    .unwrap_or_default(),
                human(r.value),
                human(r.target_value),
                r.deadline.to_string(),
            ]);
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
