//! The answers of the engine as JSON, CSV and text tables, following the
//! output contracts of the [`design`](crate::design) notes: exact decimals,
//! ISO dates, a `version` field in every JSON document.

pub mod datapackage;
pub mod export;
pub mod html;
pub mod report;
pub mod table;

use std::io::Write;

use rust_decimal::Decimal;
use serde::Serialize;

pub use crate::encode::CsvOptions;
pub(crate) use crate::encode::write_csv_rows;
use crate::encode::{FORMAT_VERSION, JsonDecimal};
use crate::engine::gap::Gap;
use crate::engine::rank::Ranking;
use crate::error::Error;
use crate::model::Lang;
use crate::output::table::{Table, human};

fn json<T: Serialize>(value: &T) -> String {
    // Plain data with string keys always serialises.
    serde_json::to_string_pretty(value).unwrap_or_default()
}

fn num(d: Decimal) -> JsonDecimal {
    JsonDecimal(d)
}

fn opt<T: ToString>(value: Option<T>) -> String {
    value.map(|v| v.to_string()).unwrap_or_default()
}

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
    jurisdiction: &'a str,
    reason: String,
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
        let unit = match lang {
            Lang::En => self.unit.clone(),
            Lang::Zh => self
                .per
                .unit_label_zh(&zh_unit(self.rows.first().map(|r| r.target_unit))),
        };
        let name = |code: &str| {
            catalog
                .jurisdiction(code)
                .map_or(code.to_owned(), |j| j.name(lang).to_owned())
        };
        let (title, headers) = match lang {
            Lang::Zh => (
                format!(
                    "{metric_name} 排名（{}，截至 {}）\n",
                    per_zh(self.per),
                    self.as_of
                ),
                ["名次", "地区", "级别", "所属", "数值", "目标", "期限"],
            ),
            Lang::En => (
                format!(
                    "{metric_name}: ranking ({}, as of {})\n",
                    self.per, self.as_of
                ),
                [
                    "rank",
                    "jurisdiction",
                    "level",
                    "within",
                    "value",
                    "target",
                    "deadline",
                ],
            ),
        };
        let mut table = Table::new(headers);
        table.align_right(0).align_right(4).align_right(5);
        for r in &self.rows {
            table.push([
                r.rank.to_string(),
                name(r.jurisdiction.as_str()),
                level_label(r.level, lang),
                r.within
                    .as_ref()
                    .map(|w| name(w.as_str()))
                    .unwrap_or_default(),
                human(r.value),
                human(r.target_value),
                r.deadline.to_string(),
            ]);
        }
        let mut out = title;
        out.push_str(&match lang {
            Lang::Zh => format!("单位：{unit}\n"),
            Lang::En => format!("unit: {unit}\n"),
        });
        out.push_str(&table.render());
        // One vintage for all (DESIGN §4), or each row's own when there is
        // no common date.
        let mut dates: Vec<(chrono::NaiveDate, Vec<&str>)> = Vec::new();
        for r in &self.rows {
            if let Some(d) = r.denominator_as_of {
                let who = match lang {
                    Lang::Zh => r.name_zh.as_str(),
                    Lang::En => r.name_en.as_str(),
                };
                match dates.iter_mut().find(|(x, _)| *x == d) {
                    Some((_, names)) => names.push(who),
                    None => dates.push((d, vec![who])),
                }
            }
        }
        match dates.as_slice() {
            [] => {}
            [(d, _)] => out.push_str(&match lang {
                Lang::Zh => format!("分母数据日期：{d}\n"),
                Lang::En => format!("denominators as of {d}\n"),
            }),
            several => {
                let list = |open: &str, sep: &str, close: &str| {
                    several
                        .iter()
                        .map(|(d, names)| format!("{d}{open}{}{close}", names.join(sep)))
                        .collect::<Vec<_>>()
                };
                out.push_str(&match lang {
                    Lang::Zh => format!(
                        "分母数据日期（无共同年份）：{}\n",
                        list("（", "、", "）").join("；")
                    ),
                    Lang::En => format!(
                        "denominators as of (no common vintage): {}\n",
                        list(" (", ", ", ")").join("; ")
                    ),
                });
            }
        }
        for u in &self.unranked {
            out.push_str(&match lang {
                Lang::Zh => format!(
                    "未排名：{}（{}）\n",
                    name(u.jurisdiction.as_str()),
                    u.reason.text(lang)
                ),
                Lang::En => format!(
                    "not ranked: {} ({})\n",
                    name(u.jurisdiction.as_str()),
                    u.reason
                ),
            });
        }
        out
    }
}

/// The Chinese name of a normalisation.
pub(crate) fn per_zh(per: crate::Per) -> String {
    let mut parts = Vec::new();
    if per.capita() {
        parts.push("每百万常住人口");
    }
    if per.gdp() {
        parts.push("每千亿元GDP");
    }
    if per.year() {
        parts.push("每规划年");
    }
    if parts.is_empty() {
        "目标原值".to_owned()
    } else {
        parts.join("、")
    }
}

/// A canonical unit as a Chinese reader expects it (`count` → 个).
pub(crate) fn zh_unit(unit: Option<crate::Unit>) -> String {
    match unit.map(|u| u.to_string()).as_deref() {
        Some("count") => "个".to_owned(),
        Some("CNY") => "元".to_owned(),
        Some("person") => "人".to_owned(),
        Some("percent") => "%".to_owned(),
        Some(other) => other.to_owned(),
        None => String::new(),
    }
}

/// A level in the language asked for.
pub(crate) fn level_label(level: crate::Level, lang: Lang) -> String {
    match lang {
        Lang::Zh => level.label_zh().to_owned(),
        Lang::En => level.as_str().to_owned(),
    }
}

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
    unit: &'a str,
    subject_target: Option<&'a str>,
    benchmark_target: Option<&'a str>,
    peers: Vec<&'a str>,
    excluded: Vec<UnrankedJson<'a>>,
    denominator_as_of: Option<chrono::NaiveDate>,
    benchmark_denominator_as_of: Option<chrono::NaiveDate>,
}

/// The columns of a gap's CSV.
pub const GAP_CSV_COLUMNS: [&str; 16] = [
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
            unit: &self.unit,
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
            self.unit.clone(),
            opt(self.subject_target.as_ref()),
            opt(self.benchmark_target.as_ref()),
            opt(self.denominator_as_of),
            opt(self.benchmark_denominator_as_of),
        ]
    }

    /// The gap as CSV: a header and one row.
    pub fn write_csv<W: Write>(&self, out: W, options: &CsvOptions) -> Result<(), Error> {
        write_csv_rows(out, &GAP_CSV_COLUMNS, vec![self.csv_row()], options)
    }

    /// A label for the benchmark in the language asked for.
    pub fn benchmark_label(&self, lang: Lang) -> String {
        match lang {
            Lang::Zh => self.benchmark_name_zh.clone(),
            Lang::En => self.benchmark_name_en.clone(),
        }
        .unwrap_or_else(|| {
            if lang == Lang::Zh {
                self.benchmark
                    .replace("median of province", "省级中位数")
                    .replace("max of province", "省级最高")
                    .replace("mean of province", "省级平均")
            } else {
                self.benchmark.clone()
            }
        })
    }

    /// The gap as a short text table.
    pub fn to_table(&self, catalog: &crate::Catalog, lang: Lang) -> String {
        let metric = catalog
            .metric(self.metric.as_str())
            .map_or(self.metric.as_str(), |m| m.name(lang));
        let none = || match lang {
            Lang::Zh => "无目标".to_owned(),
            Lang::En => "no target".to_owned(),
        };
        let subject = match lang {
            Lang::Zh => &self.subject_name_zh,
            Lang::En => &self.subject_name_en,
        };
        let rows: [(&str, &str, String); 6] = [
            ("subject", "对象", subject.clone()),
            ("benchmark", "对标", self.benchmark_label(lang)),
            (
                "subject value",
                "对象数值",
                self.subject_value.map(human).unwrap_or_else(none),
            ),
            ("benchmark value", "对标数值", human(self.benchmark_value)),
            ("gap", "差距", human(self.gap)),
            (
                "required target",
                "所需目标",
                match lang {
                    Lang::Zh => format!(
                        "{} {}",
                        human(self.required_target),
                        zh_unit(Some(self.required_unit))
                    ),
                    Lang::En => format!("{} {}", human(self.required_target), self.required_unit),
                },
            ),
        ];
        let mut table = match lang {
            Lang::Zh => Table::new(["项目", "数值"]),
            Lang::En => Table::new(["item", "value"]),
        };
        for (en, zh, value) in rows {
            table.push([if lang == Lang::Zh { zh } else { en }.to_owned(), value]);
        }
        let mut out = match lang {
            Lang::Zh => format!(
                "{metric} 对标（{}，单位：{}，截至 {}）\n",
                per_zh(self.per),
                self.per.unit_label_zh(&zh_unit(Some(self.required_unit))),
                self.as_of
            ),
            Lang::En => format!(
                "{metric}: gap ({}, unit: {}, as of {})\n",
                self.per, self.unit, self.as_of
            ),
        };
        out.push_str(&table.render());
        match (self.denominator_as_of, self.benchmark_denominator_as_of) {
            (Some(d), Some(b)) if d != b => out.push_str(&match lang {
                Lang::Zh => format!("分母数据日期：对象 {d}，对标 {b}（无共同年份）\n"),
                Lang::En => {
                    format!(
                        "denominators as of {d} (subject) and {b} (benchmark): no common vintage\n"
                    )
                }
            }),
            (Some(d), _) => out.push_str(&match lang {
                Lang::Zh => format!("分母数据日期：{d}\n"),
                Lang::En => format!("denominators as of {d}\n"),
            }),
            _ => {}
        }
        for (code, reason) in &self.excluded {
            out.push_str(&match lang {
                Lang::Zh => format!("未计入同级比较：{code}（{}）\n", reason.text(lang)),
                Lang::En => format!("left out of the peers: {code} ({reason})\n"),
            });
        }
        out
    }
}

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
}

/// The statement of [`PrecisionJson::compound_rates`] (see
/// [`crate::engine::progress::Pace::Compound`]).
const COMPOUND_RATES: &str = "exp(ln(ratio) × 365.2425 / days) − 1 in decimal arithmetic (28 significant digits), the ratio being x_t / x_0 (observed) or T / x_t (required); absolute error below 1e-24 × max(1, 1 + rate) before rounding";

/// The columns of the progress CSV.
pub const PROGRESS_CSV_COLUMNS: [&str; 18] = [
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
];

impl crate::engine::progress::Progress {
    /// The progress as the JSON of `targets progress --format json`.
    pub fn to_json(&self) -> String {
        json(&ProgressJson {
            version: FORMAT_VERSION,
            as_of: self.as_of,
            precision: PrecisionJson {
                decimals: self.decimals,
                rounding: "half_even",
                compound_rates: COMPOUND_RATES,
            },
            rows: self.rows.iter().map(Into::into).collect(),
        })
    }

    /// The progress as CSV ([`PROGRESS_CSV_COLUMNS`]), one row per target.
    pub fn write_csv<W: Write>(&self, out: W, options: &CsvOptions) -> Result<(), Error> {
        let rows = self.rows.iter().map(|r| {
            vec![
                r.target_id.to_string(),
                r.jurisdiction.to_string(),
                r.metric.to_string(),
                r.comparator.to_string(),
                r.target_value.to_string(),
                r.unit.to_string(),
                r.deadline.to_string(),
                opt(r.latest_value),
                opt(r.latest_as_of),
                opt(r.progress),
                opt(r.gap),
                opt(r.met),
                opt(r.pace),
                opt(r.required_rate),
                opt(r.observed_rate),
                opt(r.pace_ratio),
                r.status.to_string(),
                opt(r.rank),
            ]
        });
        write_csv_rows(out, &PROGRESS_CSV_COLUMNS, rows, options)
    }

    /// The progress as a text table.
    pub fn to_table(&self, catalog: &crate::Catalog, lang: Lang) -> String {
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
        let (title, headers) = match lang {
            Lang::Zh => (
                format!("目标进展（截至 {}）\n", self.as_of),
                [
                    "指标",
                    "地区",
                    "目标",
                    "期限",
                    "最新值",
                    "日期",
                    "完成度",
                    "进度比",
                    "状态",
                    "名次",
                ],
            ),
            Lang::En => (
                format!("Progress of targets (as of {})\n", self.as_of),
                [
                    "metric",
                    "jurisdiction",
                    "target",
                    "deadline",
                    "latest",
                    "as of",
                    "progress",
                    "pace",
                    "status",
                    "rank",
                ],
            ),
        };
        let mut table = Table::new(headers);
        for i in [2, 4, 6, 7, 9] {
            table.align_right(i);
        }
        for r in &self.rows {
            table.push([
                metric(r.metric.as_str()),
                name(r.jurisdiction.as_str()),
                format!("{}{}", r.comparator.symbol(), human(r.target_value)),
                r.deadline.to_string(),
                r.latest_value.map(human).unwrap_or_default(),
                opt(r.latest_as_of),
                r.progress
                    .map(|p| format!("{}%", (p * Decimal::from(100)).round_dp(1).normalize()))
                    .unwrap_or_default(),
                r.pace_ratio
                    .map(|p| format!("{:.2}", p.round_dp(2)))
                    .unwrap_or_default(),
                status_label(r.status, lang).to_owned(),
                opt(r.rank),
            ]);
        }
        let mut out = title;
        out.push_str(&table.render());
        if self.rows.iter().any(|r| r.pace_ratio.is_some()) {
            out.push_str(&match lang {
                Lang::Zh => format!(
                    "完成度与进度比按精确小数计算，保留{}位小数（银行家舍入），表中再取整显示；复合增长率以十进制对数与指数计算，误差小于 1e-24。\n",
                    self.decimals
                ),
                Lang::En => format!(
                    "progress and pace ratios are computed in exact decimals to {} places (half to even) and shown rounded; compound rates use decimal logarithms and exponentials, error below 1e-24.\n",
                    self.decimals
                ),
            });
        }
        out
    }
}

/// A progress status in the language asked for.
pub fn status_label(status: crate::engine::progress::Status, lang: Lang) -> &'static str {
    use crate::engine::progress::Status;
    match lang {
        Lang::En => status.as_str(),
        Lang::Zh => match status {
            Status::Met => "已完成",
            Status::Missed => "未按期完成",
            Status::NoData => "无实绩数据",
            Status::InsufficientData => "数据不足",
            Status::OnTrack => "进度正常",
            Status::AccelerationNeeded => "需加快",
            Status::LimitedProgress => "进展有限",
            Status::MovingAway => "偏离目标",
        },
    }
}
