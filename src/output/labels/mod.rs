//! Every word and sentence the text renderers write, in Chinese and English,
//! keyed by typed values (a [`Level`], a progress [`Status`], a [`Per`], a
//! [`Unit`], a [`Benchmark`], a [`Lang`]) and never by translating English
//! text. The HTML page's sentences are in [`page`], the text report's in
//! [`report`], the data package's titles in [`datapackage`].

pub(crate) mod datapackage;
pub(crate) mod page;
pub(crate) mod report;

use chrono::NaiveDate;

use crate::engine::gap::{Benchmark, Peers, Statistic, Unanswered};
use crate::engine::normalize::{GDP_METRIC, POPULATION_METRIC, Per};
use crate::engine::progress::Status;
use crate::engine::rank::Reason;
use crate::error::ErrorKind;
use crate::model::{Dimension, Lang, Level, Unit};

/// The text for `lang` of a pair written side by side.
pub(crate) fn pick<T>(lang: Lang, zh: T, en: T) -> T {
    match lang {
        Lang::Zh => zh,
        Lang::En => en,
    }
}

/// A level in Chinese: 国家, 省级, 地市级, 县级, 群组.
pub(crate) fn level_zh(level: Level) -> &'static str {
    match level {
        Level::Nation => "国家",
        Level::Province => "省级",
        Level::Prefecture => "地市级",
        Level::County => "县级",
        Level::Group => "群组",
    }
}

/// The Chinese unit of normalised values: `unit` followed by what `per`
/// divides by (`个/百万人/年`).
pub(crate) fn per_unit_zh(per: Per, unit: &str) -> String {
    let mut label = unit.to_owned();
    if per.capita() {
        label.push_str("/百万人");
    }
    if per.gdp() {
        label.push_str("/千亿元GDP");
    }
    if per.year() {
        label.push_str("/年");
    }
    label
}

/// A level: `省级` or `province`.
pub(crate) fn level(level: Level, lang: Lang) -> &'static str {
    pick(lang, level_zh(level), level.as_str())
}

/// A level in the language asked for, as an owned string (the form the
/// HTML page and the report take).
pub(crate) fn level_label(level: Level, lang: Lang) -> String {
    self::level(level, lang).to_owned()
}

/// A progress status in the language asked for.
pub fn status_label(status: Status, lang: Lang) -> &'static str {
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

/// A progress status for people: the Chinese label, or the English name
/// in words (`no data`, `on track`).
pub(crate) fn status_words(status: Status, lang: Lang) -> &'static str {
    match (lang, status) {
        (Lang::Zh, _) => status_label(status, lang),
        (Lang::En, Status::Met) => "met",
        (Lang::En, Status::Missed) => "missed",
        (Lang::En, Status::NoData) => "no data",
        (Lang::En, Status::InsufficientData) => "insufficient data",
        (Lang::En, Status::OnTrack) => "on track",
        (Lang::En, Status::AccelerationNeeded) => "acceleration needed",
        (Lang::En, Status::LimitedProgress) => "limited progress",
        (Lang::En, Status::MovingAway) => "moving away",
    }
}

/// Why a gap question has no answer, for people. In Chinese where the
/// question and its error have a name: no peer to take a named statistic
/// of (`无其他省级地区设定该指标目标，无法计算省级中位数`); otherwise the
/// error's own message.
pub(crate) fn unanswered(question: &Unanswered, lang: Lang) -> String {
    let named = match (&question.benchmark, question.error.kind()) {
        (Benchmark::Statistic(_, Peers::Level(level)), ErrorKind::NoPeers { .. }) => {
            benchmark_name(&question.benchmark, lang).map(|statistic| {
                format!(
                    "无其他{}地区设定该指标目标，无法计算{statistic}",
                    level_zh(*level)
                )
            })
        }
        _ => None,
    };
    named.unwrap_or_else(|| question.error.to_string())
}

/// Why a row is left out of a ranking or a peer statistic, in the language
/// asked for (`2026-11-28前无常住人口数据，无法折算`); in English the
/// engine's sentence.
pub(crate) fn reason(reason: &Reason, lang: Lang) -> String {
    match (reason, lang) {
        (_, Lang::En) => reason.to_string(),
        (Reason::NoDenominator { metric, as_of }, Lang::Zh) => {
            let what = match metric.as_str() {
                POPULATION_METRIC => "常住人口",
                GDP_METRIC => "地区生产总值",
                other => other,
            };
            format!("{as_of}前无{what}数据，无法折算")
        }
        (Reason::Overflow, Lang::Zh) => "折算值超出可表示范围".to_owned(),
    }
}

/// The Chinese name of a normalisation.
pub(crate) fn per_zh(per: Per) -> String {
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

/// A normalisation: `每百万常住人口` or `capita`.
fn per(per: Per, lang: Lang) -> String {
    match lang {
        Lang::Zh => per_zh(per),
        Lang::En => per.to_string(),
    }
}

/// A canonical unit as a Chinese reader expects it (`count` → 个, `CNY` →
/// 元, `person` → 人, `percent` → %); any other unit as written.
pub(crate) fn zh_unit(unit: Option<Unit>) -> String {
    let Some(unit) = unit else {
        return String::new();
    };
    let word = match unit.dimension() {
        _ if !unit.is_canonical() => None,
        Dimension::Count => Some("个"),
        Dimension::Money => Some("元"),
        Dimension::Persons => Some("人"),
        Dimension::Share => Some("%"),
        Dimension::DataVolume | Dimension::Compute => None,
    };
    word.map_or_else(|| unit.to_string(), str::to_owned)
}

/// A canonical unit in the language asked for (`个` or `count`).
pub(crate) fn unit(unit: Unit, lang: Lang) -> String {
    match lang {
        Lang::Zh => zh_unit(Some(unit)),
        Lang::En => unit.to_string(),
    }
}

/// The unit of normalised values: in Chinese built from the canonical unit
/// and the normalisation (`个/百万人`), in English the engine's `unit_en`
/// (`count per million residents`).
pub(crate) fn normalised_unit(
    per: Per,
    canonical: Option<Unit>,
    unit_en: &str,
    lang: Lang,
) -> String {
    match lang {
        Lang::Zh => per_unit_zh(per, &zh_unit(canonical)),
        Lang::En => unit_en.to_owned(),
    }
}

/// A statistic over the provinces in Chinese (`省级中位数`), for the
/// statistics that have had a Chinese name: the median, the maximum and the
/// mean of the provinces. Other statistics and peers have none.
fn statistic_of_provinces_zh(statistic: Statistic) -> Option<&'static str> {
    match statistic {
        Statistic::Median => Some("中位数"),
        Statistic::Max => Some("最高"),
        Statistic::Mean => Some("平均"),
        Statistic::Min | Statistic::Percentile(_) => None,
    }
}

/// A benchmark's own name in the language asked for, where it has one
/// apart from its `Display` form: in Chinese the median, maximum and mean of
/// the provinces (`省级中位数`); `None` for every other benchmark and in
/// English, which are written as their `Display` form (`p75 of province`,
/// `320000`, `500个`).
pub(crate) fn benchmark_name(benchmark: &Benchmark, lang: Lang) -> Option<String> {
    match (lang, benchmark) {
        (Lang::Zh, Benchmark::Statistic(statistic, Peers::Level(Level::Province))) => {
            statistic_of_provinces_zh(*statistic)
                .map(|name| format!("{}{name}", level_zh(Level::Province)))
        }
        _ => None,
    }
}

/// "no target", for a subject without one.
pub(crate) fn no_target(lang: Lang) -> &'static str {
    pick(lang, "无目标", "no target")
}

/// The headings of a ranking's table.
pub(crate) fn rank_headings(lang: Lang) -> [&'static str; 7] {
    pick(
        lang,
        ["名次", "地区", "级别", "所属", "数值", "目标", "期限"],
        [
            "rank",
            "jurisdiction",
            "level",
            "within",
            "value",
            "target",
            "deadline",
        ],
    )
}

/// The title line of a ranking's table.
pub(crate) fn rank_title(metric: &str, per: Per, as_of: NaiveDate, lang: Lang) -> String {
    let per = self::per(per, lang);
    match lang {
        Lang::Zh => format!("{metric} 排名（{per}，截至 {as_of}）\n"),
        Lang::En => format!("{metric}: ranking ({per}, as of {as_of})\n"),
    }
}

/// The line naming the unit under a ranking's title.
pub(crate) fn unit_line(unit: &str, lang: Lang) -> String {
    match lang {
        Lang::Zh => format!("单位：{unit}\n"),
        Lang::En => format!("unit: {unit}\n"),
    }
}

/// The line giving the one date of every denominator.
pub(crate) fn denominators_as_of(date: NaiveDate, lang: Lang) -> String {
    match lang {
        Lang::Zh => format!("分母数据日期：{date}\n"),
        Lang::En => format!("denominators as of {date}\n"),
    }
}

/// The line listing the dates of the denominators when they have no common
/// vintage, each date with the names of the jurisdictions it is theirs.
pub(crate) fn denominators_by_date(dates: &[(NaiveDate, Vec<&str>)], lang: Lang) -> String {
    let list = |open: &str, sep: &str, close: &str| {
        dates
            .iter()
            .map(|(d, names)| format!("{d}{open}{}{close}", names.join(sep)))
            .collect::<Vec<_>>()
    };
    match lang {
        Lang::Zh => format!(
            "分母数据日期（无共同年份）：{}\n",
            list("（", "、", "）").join("；")
        ),
        Lang::En => format!(
            "denominators as of (no common vintage): {}\n",
            list(" (", ", ", ")").join("; ")
        ),
    }
}

/// The line naming a jurisdiction left out of a ranking, and why.
pub(crate) fn not_ranked(name: &str, reason: &Reason, lang: Lang) -> String {
    match lang {
        Lang::Zh => format!("未排名：{name}（{}）\n", self::reason(reason, lang)),
        Lang::En => format!("not ranked: {name} ({reason})\n"),
    }
}

/// The headings of a gap's table.
pub(crate) fn gap_headings(lang: Lang) -> [&'static str; 2] {
    pick(lang, ["项目", "数值"], ["item", "value"])
}

/// The items of a gap's table, in order: subject, benchmark, their values,
/// the gap and the required target.
pub(crate) fn gap_items(lang: Lang) -> [&'static str; 6] {
    pick(
        lang,
        ["对象", "对标", "对象数值", "对标数值", "差距", "所需目标"],
        [
            "subject",
            "benchmark",
            "subject value",
            "benchmark value",
            "gap",
            "required target",
        ],
    )
}

/// The title line of a gap's table.
pub(crate) fn gap_title(
    metric: &str,
    per: Per,
    unit: &str,
    as_of: NaiveDate,
    lang: Lang,
) -> String {
    let per = self::per(per, lang);
    match lang {
        Lang::Zh => format!("{metric} 对标（{per}，单位：{unit}，截至 {as_of}）\n"),
        Lang::En => format!("{metric}: gap ({per}, unit: {unit}, as of {as_of})\n"),
    }
}

/// The line giving the subject's and the benchmark's denominator dates when
/// they differ.
pub(crate) fn denominators_apart(subject: NaiveDate, benchmark: NaiveDate, lang: Lang) -> String {
    match lang {
        Lang::Zh => format!("分母数据日期：对象 {subject}，对标 {benchmark}（无共同年份）\n"),
        Lang::En => format!(
            "denominators as of {subject} (subject) and {benchmark} (benchmark): no common vintage\n"
        ),
    }
}

/// The line naming a peer left out of a statistic, and why.
pub(crate) fn left_out_of_peers(code: &str, reason: &Reason, lang: Lang) -> String {
    match lang {
        Lang::Zh => format!("未计入同级比较：{code}（{}）\n", self::reason(reason, lang)),
        Lang::En => format!("left out of the peers: {code} ({reason})\n"),
    }
}

/// The title line of the progress table.
pub(crate) fn progress_title(as_of: NaiveDate, lang: Lang) -> String {
    match lang {
        Lang::Zh => format!("目标进展（截至 {as_of}）\n"),
        Lang::En => format!("Progress of targets (as of {as_of})\n"),
    }
}

/// The headings of the progress table.
pub(crate) fn progress_headings(lang: Lang) -> [&'static str; 11] {
    pick(
        lang,
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
            "趋势预计",
            "名次",
        ],
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
            "at the trend",
            "rank",
        ],
    )
}

/// What the trend says of a target: the day it meets the target
/// (`attainment`), else the value it reaches by the deadline (`projected`,
/// already written for people); empty without a trend.
pub(crate) fn projection(
    attainment: Option<NaiveDate>,
    projected: Option<&str>,
    lang: Lang,
) -> String {
    match (attainment, projected, lang) {
        (Some(day), _, Lang::Zh) => format!("预计{day}达标"),
        (Some(day), _, Lang::En) => format!("met from {day}"),
        (None, Some(value), Lang::Zh) => format!("预计期末达 {value}"),
        (None, Some(value), Lang::En) => format!("{value} by the deadline"),
        (None, None, _) => String::new(),
    }
}

/// The note under the progress table on how its ratios are computed.
pub(crate) fn precision_note(decimals: u32, lang: Lang) -> String {
    match lang {
        Lang::Zh => format!(
            "完成度与进度比按精确小数计算，保留{decimals}位小数（银行家舍入），表中再取整显示；复合增长率以十进制对数与指数计算，误差小于 1e-24。\n"
        ),
        Lang::En => format!(
            "progress and pace ratios are computed in exact decimals to {decimals} places (half to even) and shown rounded; compound rates use decimal logarithms and exponentials, error below 1e-24.\n"
        ),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reasons_in_chinese_and_english() {
        let reason = Reason::NoDenominator {
            metric: POPULATION_METRIC.parse().unwrap(),
            as_of: NaiveDate::from_ymd_opt(2026, 11, 28).unwrap(),
        };
        assert_eq!(
            super::reason(&reason, Lang::Zh),
            "2026-11-28前无常住人口数据，无法折算"
        );
        assert_eq!(
            super::reason(&reason, Lang::En),
            "no resident_population observation on or before 2026-11-28"
        );
        assert_eq!(
            super::reason(&Reason::Overflow, Lang::Zh),
            "折算值超出可表示范围"
        );
    }

    #[test]
    fn canonical_units_read_in_chinese() {
        let zh = |u: &str| zh_unit(Some(u.parse().unwrap()));
        assert_eq!(zh("count"), "个");
        assert_eq!(zh("CNY"), "元");
        assert_eq!(zh("person"), "人");
        assert_eq!(zh("percent"), "%");
        assert_eq!(zh("TB"), "TB");
        assert_eq!(zh("PFLOPS"), "PFLOPS");
        assert_eq!(zh("亿元"), "亿元");
        assert_eq!(zh("个"), "个");
        assert_eq!(zh_unit(None), "");
    }

    #[test]
    fn provincial_statistics_have_chinese_names() {
        let zh = |b: &str| benchmark_name(&b.parse().unwrap(), Lang::Zh);
        assert_eq!(zh("median of province").as_deref(), Some("省级中位数"));
        assert_eq!(zh("max of province").as_deref(), Some("省级最高"));
        assert_eq!(zh("mean of province").as_deref(), Some("省级平均"));
        assert_eq!(zh("min of province"), None);
        assert_eq!(zh("p75 of province"), None);
        assert_eq!(zh("median of prefecture"), None);
        assert_eq!(zh("median of 320000,430000"), None);
        assert_eq!(zh("500个"), None);
        let en = benchmark_name(&"median of province".parse().unwrap(), Lang::En);
        assert_eq!(en, None);
    }

    #[test]
    fn normalisations_in_chinese() {
        assert_eq!(per_zh(Per::NONE), "目标原值");
        assert_eq!(per_zh(Per::CAPITA), "每百万常住人口");
        assert_eq!(
            per("capita,year".parse().unwrap(), Lang::Zh),
            "每百万常住人口、每规划年"
        );
    }
}
