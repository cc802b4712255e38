//! Every word and sentence the text renderers write, in Chinese and English,
//! keyed by typed values (a [`Level`], a progress [`Status`], a [`Per`], a
//! [`Unit`], a [`Benchmark`], a [`Lang`]) and never by translating English
//! text.
//!
//! The labels a dashboard needs are public here, one function per kind of
//! value: [`unit_label`] and [`per_unit_label`] (`亿元`, `家`, `个/百万人`,
//! `EFLOPS`), [`status_label`], [`comparator_label`], [`level_label`],
//! [`dimension_label`], [`standing_label`], and the errors' messages
//! ([`error_message`](crate::output::error_message)).
//!
//! ```
//! use policy_targets::output::labels::{level_label, per_unit_label, status_label};
//! use policy_targets::progress::Status;
//! use policy_targets::rank::{RankQuery, rank};
//! use policy_targets::{Catalog, Lang, Level, Per};
//!
//! let catalog = Catalog::bundled()?;
//! let as_of = chrono::NaiveDate::from_ymd_opt(2026, 6, 30).unwrap();
//! let query = RankQuery::new("high_quality_datasets", as_of).per(Per::CAPITA);
//! let ranking = rank(&catalog, &query)?;
//! let row = &ranking.rows[0];
//! assert_eq!(per_unit_label(row.unit, Lang::Zh), "个/百万人");
//! assert_eq!(per_unit_label(row.unit, Lang::En), "number per million residents");
//! assert_eq!(level_label(row.level, Lang::Zh), "省级");
//! assert_eq!(status_label(Status::OnTrack, Lang::Zh), "进度正常");
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```

pub(crate) mod datapackage;
pub(crate) mod errors;
pub(crate) mod extract;
pub(crate) mod grade;
pub(crate) mod index;
pub(crate) mod list;
pub(crate) mod page;
pub(crate) mod report;

pub use extract::{reason_label_zh, toml_comment};

use chrono::NaiveDate;

use crate::Catalog;
use crate::engine::gap::{Benchmark, Peers, Standing, Statistic, Unanswered};
use crate::engine::normalize::PerUnit;
use crate::engine::normalize::{GDP_METRIC, POPULATION_METRIC, Per};
use crate::engine::progress::Status;
use crate::engine::rank::{Empty, Reason};
use crate::error::ErrorKind;
use crate::model::{Comparator, Dimension, Lang, Level, Unit};

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

/// A unit for people: in Chinese as a reader writes it (`亿元`, `家`,
/// `EFLOPS`, `万人`; the canonical count, money and persons as `个`, `元`
/// and `人`), in English in words (`100 million CNY`, `10,000 persons`;
/// every counter, whatever its measure word, is a `number`).
///
/// ```
/// use policy_targets::{Lang, Unit, output::labels::unit_label};
///
/// let unit = |s: &str| s.parse::<Unit>().unwrap();
/// assert_eq!(unit_label(unit("亿元"), Lang::Zh), "亿元");
/// assert_eq!(unit_label(unit("亿元"), Lang::En), "100 million CNY");
/// assert_eq!(unit_label(unit("家"), Lang::Zh), "家");
/// assert_eq!(unit_label(unit("家"), Lang::En), "number");
/// assert_eq!(unit_label(unit("count"), Lang::Zh), "个");
/// assert_eq!(unit_label(unit("EFLOPS"), Lang::En), "EFLOPS");
/// assert_eq!(unit_label(unit("万人"), Lang::En), "10,000 persons");
/// ```
pub fn unit_label(unit: Unit, lang: Lang) -> String {
    if lang == Lang::Zh {
        return zh_unit(Some(unit));
    }
    let scaled = |word: &str| match magnitude_en(unit.magnitude()) {
        Some(m) => format!("{m} {word}"),
        None => word.to_owned(),
    };
    match unit.dimension() {
        Dimension::Count => "number".to_owned(),
        Dimension::Money => scaled("CNY"),
        Dimension::Persons => scaled("persons"),
        Dimension::Share => "%".to_owned(),
        Dimension::DataVolume | Dimension::Compute => unit.to_string(),
    }
}

/// A Chinese magnitude (a power of ten) in English: `10,000` for 万,
/// `100 million` for 亿, `trillion` for 万亿; `None` for none.
fn magnitude_en(power: u8) -> Option<String> {
    if power == 0 {
        return None;
    }
    if power < 6 {
        return Some(crate::output::table::human(rust_decimal::Decimal::from(
            10u64.pow(u32::from(power)),
        )));
    }
    let word = match power / 3 {
        2 => "million",
        3 => "billion",
        _ => "trillion",
    };
    let lead = match (power % 3, power >= 15) {
        (_, true) => return Some(format!("10^{power}")),
        (0, _) => "",
        (1, _) => "10 ",
        _ => "100 ",
    };
    Some(format!("{lead}{word}"))
}

/// The unit of a normalised value in the language asked for: `个/百万人`,
/// `元/千亿元GDP/年`, or `number per million residents` (the JSON and CSV
/// outputs write [`PerUnit`]'s `Display`, `count per million residents`).
///
/// ```
/// use policy_targets::{Dimension, Lang, Per, PerUnit, output::labels::per_unit_label};
///
/// let per_capita = PerUnit::new(Dimension::Count.canonical_unit(), Per::CAPITA);
/// assert_eq!(per_unit_label(per_capita, Lang::Zh), "个/百万人");
/// assert_eq!(per_unit_label(per_capita, Lang::En), "number per million residents");
/// ```
pub fn per_unit_label(unit: PerUnit, lang: Lang) -> String {
    match lang {
        Lang::Zh => per_unit_zh(unit.per(), &unit_label(unit.unit(), Lang::Zh)),
        Lang::En => unit.per().unit_label(&unit_label(unit.unit(), Lang::En)),
    }
}

/// A comparator in words: `不少于` or `at least`.
///
/// ```
/// use policy_targets::{Comparator, Lang, output::labels::comparator_label};
/// assert_eq!(comparator_label(Comparator::AtLeast, Lang::Zh), "不少于");
/// assert_eq!(comparator_label(Comparator::MoreThan, Lang::En), "more than");
/// ```
pub fn comparator_label(comparator: Comparator, lang: Lang) -> &'static str {
    let (zh, en) = match comparator {
        Comparator::AtLeast => ("不少于", "at least"),
        Comparator::MoreThan => ("超过", "more than"),
        Comparator::AtMost => ("不超过", "at most"),
        Comparator::LessThan => ("低于", "less than"),
        Comparator::Exactly => ("等于", "exactly"),
        Comparator::Range => ("区间", "between"),
    };
    pick(lang, zh, en)
}

/// Where a subject stands against its benchmark, in words: `领先`,
/// `持平`, `落后`, or `ahead`, `level`, `behind`.
///
/// ```
/// use policy_targets::{Lang, gap::Standing, output::labels::standing_label};
/// assert_eq!(standing_label(Standing::Behind, Lang::Zh), "落后");
/// assert_eq!(standing_label(Standing::Behind, Lang::En), "behind");
/// ```
pub fn standing_label(standing: Standing, lang: Lang) -> &'static str {
    let (zh, en) = match standing {
        Standing::Ahead => ("领先", "ahead"),
        Standing::Level => ("持平", "level"),
        Standing::Behind => ("落后", "behind"),
    };
    pick(lang, zh, en)
}

/// A dimension for people: `数据量` or `data volume`.
///
/// ```
/// use policy_targets::{Dimension, Lang, output::labels::dimension_label};
/// assert_eq!(dimension_label(Dimension::DataVolume, Lang::Zh), "数据量");
/// assert_eq!(dimension_label(Dimension::Compute, Lang::En), "computing power");
/// ```
pub fn dimension_label(dimension: Dimension, lang: Lang) -> &'static str {
    let (zh, en) = match dimension {
        Dimension::Count => ("计数", "count"),
        Dimension::DataVolume => ("数据量", "data volume"),
        Dimension::Money => ("金额", "money"),
        Dimension::Persons => ("人数", "persons"),
        Dimension::Share => ("比例", "share"),
        Dimension::Compute => ("算力", "computing power"),
    };
    pick(lang, zh, en)
}

/// A level: `省级` or `province`.
pub(crate) fn level(level: Level, lang: Lang) -> &'static str {
    pick(lang, level_zh(level), level.as_str())
}

/// A level in the language asked for: `省级` or `province`.
///
/// ```
/// use policy_targets::{Lang, Level, output::labels::level_label};
/// assert_eq!(level_label(Level::Prefecture, Lang::Zh), "地市级");
/// assert_eq!(level_label(Level::Prefecture, Lang::En), "prefecture");
/// ```
pub fn level_label(level: Level, lang: Lang) -> String {
    self::level(level, lang).to_owned()
}

/// A progress status in the language asked for: the Chinese label
/// (`无实绩数据`), or the English name in words (`no data`, `on track`).
///
/// ```
/// use policy_targets::{Lang, output::status_label, progress::Status};
/// assert_eq!(status_label(Status::NoData, Lang::Zh), "无实绩数据");
/// assert_eq!(status_label(Status::OnTrack, Lang::En), "on track");
/// ```
pub fn status_label(status: Status, lang: Lang) -> &'static str {
    match (lang, status) {
        (Lang::Zh, Status::Met) => "已完成",
        (Lang::Zh, Status::Missed) => "未按期完成",
        (Lang::Zh, Status::NoData) => "无实绩数据",
        (Lang::Zh, Status::InsufficientData) => "数据不足",
        (Lang::Zh, Status::OnTrack) => "进度正常",
        (Lang::Zh, Status::AccelerationNeeded) => "需加快",
        (Lang::Zh, Status::LimitedProgress) => "进展有限",
        (Lang::Zh, Status::MovingAway) => "偏离目标",
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

/// A progress status for people (the same as [`status_label`]).
pub(crate) fn status_words(status: Status, lang: Lang) -> &'static str {
    status_label(status, lang)
}

/// Why a gap question has no answer, for people, in the language asked
/// for: no peer to take a statistic of (`无其他省级地区设定该指标目标，无法
/// 计算省级中位数`); otherwise the error's own message.
pub(crate) fn unanswered(question: &Unanswered, catalog: &Catalog, lang: Lang) -> String {
    let name = |code: &str| {
        catalog
            .jurisdiction(code)
            .map_or(code.to_owned(), |j| j.name(lang).to_owned())
    };
    match (&question.benchmark, question.error.kind()) {
        (Benchmark::Statistic(statistic, peers), ErrorKind::NoPeers { .. }) => {
            let statistic = statistic_over(*statistic, peers, lang);
            match (peers, lang) {
                (Peers::Level(level), Lang::Zh) => format!(
                    "无其他{}地区设定该指标目标，无法计算{statistic}",
                    level_zh(*level)
                ),
                (Peers::List(_), Lang::Zh) => {
                    format!("所列地区均未设定该指标目标，无法计算{statistic}")
                }
                (Peers::Level(level), Lang::En) => format!(
                    "no other jurisdiction among the {} has a target on this metric, so there is no {statistic}",
                    level_peers_en(*level)
                ),
                (Peers::List(_), Lang::En) => format!(
                    "none of the listed jurisdictions has a target on this metric, so there is no {statistic}"
                ),
            }
        }
        (
            Benchmark::Statistic(statistic, peers),
            ErrorKind::TooFewPeers {
                peers: n, fewest, ..
            },
        ) => {
            let statistic = statistic_over(*statistic, peers, lang);
            match (peers, lang) {
                (Peers::Level(level), Lang::Zh) => format!(
                    "仅{n}个其他{}地区设定该指标目标（不足{fewest}个），不提供{statistic}",
                    level_zh(*level)
                ),
                (Peers::List(_), Lang::Zh) => {
                    format!("所列地区中仅{n}个设定该指标目标（不足{fewest}个），不提供{statistic}")
                }
                (Peers::Level(level), Lang::En) => format!(
                    "only {n} of the other {} set a target on this metric (fewer than {fewest}): no {statistic} is offered",
                    level_peers_en(*level)
                ),
                (Peers::List(_), Lang::En) => format!(
                    "only {n} of the listed jurisdictions set a target on this metric (fewer than {fewest}): no {statistic} is offered"
                ),
            }
        }
        (
            _,
            ErrorKind::NoDenominator {
                jurisdiction,
                metric,
                as_of,
                ..
            }
            | ErrorKind::BenchmarkNoDenominator {
                jurisdiction,
                metric,
                as_of,
            },
        ) => {
            let why = reason(
                &Reason::NoDenominator {
                    metric: metric.clone(),
                    as_of: *as_of,
                },
                lang,
            );
            match lang {
                Lang::Zh => format!("{}{why}", name(jurisdiction.as_str())),
                Lang::En => format!("{}: {why}", name(jurisdiction.as_str())),
            }
        }
        (
            _,
            ErrorKind::NoTarget {
                jurisdiction,
                as_of,
                ..
            },
        ) => match lang {
            Lang::Zh => format!("{}截至 {as_of} 无该指标目标", name(jurisdiction.as_str())),
            Lang::En => format!(
                "{} has no target on this metric in force on {as_of}",
                name(jurisdiction.as_str())
            ),
        },
        _ => question.error.to_string(),
    }
}

/// Why a row is left out of a ranking or a peer statistic, in the language
/// asked for (`2026-11-28前无常住人口数据，无法折算`); in English the
/// engine's sentence.
pub(crate) fn reason(reason: &Reason, lang: Lang) -> String {
    match (reason, lang) {
        (Reason::NoDenominator { metric, as_of }, Lang::En) => {
            let what = match metric.as_str() {
                POPULATION_METRIC => "resident population",
                GDP_METRIC => "GDP",
                other => other,
            };
            format!("no figure of its {what} on or before {as_of}")
        }
        (Reason::Overflow, Lang::En) => reason.to_string(),
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

/// A normalisation in English words: `per million residents, per plan
/// year`; `target values` for none.
pub(crate) fn per_en(per: Per) -> String {
    let mut parts = Vec::new();
    if per.capita() {
        parts.push("per million residents");
    }
    if per.gdp() {
        parts.push("per 100 billion CNY of GDP");
    }
    if per.year() {
        parts.push("per plan year");
    }
    if parts.is_empty() {
        "target values".to_owned()
    } else {
        parts.join(", ")
    }
}

/// A normalisation: `每百万常住人口` or `per million residents`.
fn per(per: Per, lang: Lang) -> String {
    match lang {
        Lang::Zh => per_zh(per),
        Lang::En => per_en(per),
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

/// The unit of normalised values for people, built from the canonical
/// unit and the normalisation: `个/百万人`, `number per million residents`
/// (see [`per_unit_label`]); without a unit, `unit_en` in English.
pub(crate) fn normalised_unit(
    per: Per,
    canonical: Option<Unit>,
    unit_en: &str,
    lang: Lang,
) -> String {
    match (lang, canonical) {
        (Lang::Zh, _) => per_unit_zh(per, &zh_unit(canonical)),
        (Lang::En, Some(unit)) => per_unit_label(PerUnit::new(unit, per), lang),
        (Lang::En, None) => unit_en.to_owned(),
    }
}

/// A level's jurisdictions in English, as peers: `provinces`.
fn level_peers_en(level: Level) -> &'static str {
    match level {
        Level::Nation => "the nation",
        Level::Province => "provinces",
        Level::Prefecture => "prefectures",
        Level::County => "counties",
        Level::Group => "groups",
    }
}

/// A statistic's name: `中位数` / `median`, `第75百分位` / `75th percentile`.
/// A statistic written by its `Display` (`median`, `p75`) named in
/// Chinese (`中位数`, `第75百分位`); other text as it is.
fn statistic_name_text(statistic: &str) -> String {
    statistic
        .parse::<Statistic>()
        .map_or_else(|_| statistic.to_owned(), |s| statistic_name(s, Lang::Zh))
}

fn statistic_name(statistic: Statistic, lang: Lang) -> String {
    let name = |zh: &str, en: &str| pick(lang, zh, en).to_owned();
    match statistic {
        Statistic::Median => name("中位数", "median"),
        Statistic::Max => name("最高", "maximum"),
        Statistic::Min => name("最低", "minimum"),
        Statistic::Mean => name("平均", "mean"),
        Statistic::Leader => name("最优", "leader"),
        Statistic::Percentile(p) => match lang {
            Lang::Zh => format!("第{p}百分位"),
            Lang::En => format!("{p}{} percentile", ordinal_suffix(p)),
        },
    }
}

/// The English ordinal suffix of `n`: 1st, 2nd, 3rd, 4th, 11th, 75th.
fn ordinal_suffix(n: u8) -> &'static str {
    match (n % 10, n % 100) {
        (_, 11..=13) => "th",
        (1, _) => "st",
        (2, _) => "nd",
        (3, _) => "rd",
        _ => "th",
    }
}

/// A statistic over peers in words: `省级中位数`, `所列2个地区的中位数`;
/// `median of provinces`, `median of the 2 listed jurisdictions`.
fn statistic_over(statistic: Statistic, peers: &Peers, lang: Lang) -> String {
    let name = statistic_name(statistic, lang);
    match (peers, lang) {
        (Peers::Level(level), Lang::Zh) => format!("{}{name}", level_zh(*level)),
        (Peers::Level(level), Lang::En) => format!("{name} of {}", level_peers_en(*level)),
        (Peers::List(codes), Lang::Zh) => format!("所列{}个地区的{name}", codes.len()),
        (Peers::List(codes), Lang::En) => {
            format!("{name} of the {} listed jurisdictions", codes.len())
        }
    }
}

/// A benchmark in words, in the language asked for: a jurisdiction's name
/// (`holder`), a statistic over its peers (`省级中位数`, `median of
/// provinces`), followed by the jurisdiction whose value it is where it is
/// one jurisdiction's (`省级最高（江苏省）`), or a fixed quantity as written.
/// A jurisdiction without a known name is written by its code.
pub(crate) fn benchmark_name(benchmark: &Benchmark, holder: Option<&str>, lang: Lang) -> String {
    match benchmark {
        Benchmark::Jurisdiction(code) => holder.unwrap_or(code.as_str()).to_owned(),
        Benchmark::Statistic(statistic, peers) => {
            let label = statistic_over(*statistic, peers, lang);
            match (holder, lang) {
                (Some(name), Lang::Zh) => format!("{label}（{name}）"),
                (Some(name), Lang::En) => format!("{label} ({name})"),
                (None, _) => label,
            }
        }
        Benchmark::Fixed(quantity) => quantity.to_string(),
        Benchmark::Named(name) => holder.unwrap_or(name).to_owned(),
    }
}

/// "no target", for a subject without one.
pub(crate) fn no_target(lang: Lang) -> &'static str {
    pick(lang, "无目标", "no target")
}

/// Why a progress report has no row, as a line: the data holds no target
/// (`first` is `None`), none was published by `as_of` (the first was on
/// `first`), or none counts at the level or source grade asked for.
pub(crate) fn empty_progress(first: Option<NaiveDate>, as_of: NaiveDate, lang: Lang) -> String {
    match (first, lang) {
        (None, Lang::Zh) => "数据中没有目标，无进展可报告。\n".to_owned(),
        (None, Lang::En) => {
            "The data holds no target: there is no progress to report.\n".to_owned()
        }
        (Some(first), Lang::Zh) if first > as_of => format!(
            "截至 {as_of} 尚无已发布的目标（最早的于 {first} 发布），请用 --as-of 指定更晚的日期。\n"
        ),
        (Some(first), Lang::En) if first > as_of => format!(
            "No target was published by {as_of} (the first was published on {first}); ask for a later date with --as-of.\n"
        ),
        (Some(_), Lang::Zh) => {
            format!("截至 {as_of}，所选级别或来源等级下没有生效的目标。\n")
        }
        (Some(_), Lang::En) => {
            format!("No target counts on {as_of} at the level or source grade asked for.\n")
        }
    }
}

/// Why a ranking has no row, as a line.
pub(crate) fn empty_ranking(empty: Empty, as_of: NaiveDate, lang: Lang) -> String {
    match (empty, lang) {
        (Empty::NoTargets { denominator: true }, Lang::Zh) => {
            "该指标是折算用的分母数据（实绩），没有地区为其设定目标，无可排名。\n".to_owned()
        }
        (Empty::NoTargets { denominator: false }, Lang::Zh) => {
            "数据中没有地区设定该指标的目标，无可排名。\n".to_owned()
        }
        (Empty::NotYetPublished { first }, Lang::Zh) => format!(
            "截至 {as_of} 尚无已发布的该指标目标（最早的于 {first} 发布），请用 --as-of 指定更晚的日期。\n"
        ),
        (Empty::NoneAtLevel(level), Lang::Zh) => {
            format!("没有{}地区设定该指标目标。\n", level_zh(level))
        }
        (Empty::NoTargets { denominator: true }, Lang::En) => {
            "This metric is a denominator (reported figures that rankings divide by); no jurisdiction sets a target on it, so there is nothing to rank.\n".to_owned()
        }
        (Empty::NoTargets { denominator: false }, Lang::En) => {
            "No jurisdiction in the data has a target on this metric, so there is nothing to rank.\n".to_owned()
        }
        (Empty::NotYetPublished { first }, Lang::En) => format!(
            "No target on this metric was published by {as_of} (the first was published on {first}); ask for a later date with --as-of.\n"
        ),
        (Empty::NoneAtLevel(level), Lang::En) => format!(
            "None of the {} has a target on this metric.\n",
            level_peers_en(level)
        ),
    }
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
        Lang::En => format!("not ranked: {name} ({})\n", self::reason(reason, lang)),
    }
}

/// The headings of a gap's table.
pub(crate) fn gap_headings(lang: Lang) -> [&'static str; 2] {
    pick(lang, ["项目", "数值"], ["item", "value"])
}

/// A gap's verdict with its size (`gap`, already written for people):
/// `领先 150` / `ahead by 150`, `持平` / `level`, `落后 1,000` / `behind by
/// 1,000`.
pub(crate) fn standing(standing: Standing, gap: String, lang: Lang) -> String {
    match (standing, lang) {
        (Standing::Ahead, Lang::Zh) => format!("领先 {gap}"),
        (Standing::Level, Lang::Zh) => "持平".to_owned(),
        (Standing::Behind, Lang::Zh) => format!("落后 {gap}"),
        (Standing::Ahead, Lang::En) => format!("ahead by {gap}"),
        (Standing::Level, Lang::En) => "level".to_owned(),
        (Standing::Behind, Lang::En) => format!("behind by {gap}"),
    }
}

/// The note after the required target of a subject already ahead: its
/// target exceeds what the benchmark asks.
pub(crate) fn already_ahead(standing: Standing, lang: Lang) -> &'static str {
    match standing {
        Standing::Ahead => pick(lang, "（现有目标已领先）", " (its target is already ahead)"),
        Standing::Level | Standing::Behind => "",
    }
}

/// The items of a gap's table, in order: subject, benchmark, their values,
/// the gap, the required target and the verdict.
pub(crate) fn gap_items(lang: Lang) -> [&'static str; 7] {
    pick(
        lang,
        [
            "对象",
            "对标",
            "对象数值",
            "对标数值",
            "差距",
            "所需目标",
            "判断",
        ],
        [
            "subject",
            "benchmark",
            "subject value",
            "benchmark value",
            "gap",
            "required target",
            "verdict",
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
    // Without a unit, the values carry their own.
    match (lang, unit.is_empty()) {
        (Lang::Zh, false) => format!("{metric} 对标（{per}，单位：{unit}，截至 {as_of}）\n"),
        (Lang::Zh, true) => format!("{metric} 对标（{per}，截至 {as_of}）\n"),
        (Lang::En, false) => format!("{metric}: gap ({per}, unit: {unit}, as of {as_of})\n"),
        (Lang::En, true) => format!("{metric}: gap ({per}, as of {as_of})\n"),
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

/// The line naming a peer left out of a statistic (by its name in `lang`),
/// and why.
pub(crate) fn left_out_of_peers(name: &str, reason: &Reason, lang: Lang) -> String {
    match lang {
        Lang::Zh => format!("未计入同级比较：{name}（{}）\n", self::reason(reason, lang)),
        Lang::En => format!("left out of the peers: {name} ({reason})\n"),
    }
}

/// The line naming the peers a statistic was taken over, with a caution
/// when they are fewer than [`FEWEST_PEERS`](crate::engine::gap::FEWEST_PEERS).
pub(crate) fn peers_used(names: &[&str], lang: Lang) -> String {
    let n = names.len();
    let few = n < crate::engine::gap::FEWEST_PEERS;
    match lang {
        Lang::Zh => format!(
            "按{n}个地区计算：{}{}\n",
            names.join("、"),
            if few {
                "（不足3个，仅供参考）"
            } else {
                ""
            }
        ),
        Lang::En => format!(
            "taken over {n} {}: {}{}\n",
            if n == 1 {
                "jurisdiction"
            } else {
                "jurisdictions"
            },
            names.join(", "),
            if few {
                " (fewer than 3: a weak benchmark)"
            } else {
                ""
            }
        ),
    }
}

/// The title line of the progress table.
pub(crate) fn progress_title(as_of: NaiveDate, lang: Lang) -> String {
    match lang {
        Lang::Zh => format!("目标进展（截至 {as_of}）\n"),
        Lang::En => format!("Progress of targets (as of {as_of})\n"),
    }
}

/// The title line of the table of figures no target measures.
pub(crate) fn unmatched_title(lang: Lang) -> &'static str {
    pick(
        lang,
        "已报告、但无对应目标的实绩\n",
        "Figures reported without a target to measure\n",
    )
}

/// The headings of the table of figures no target measures.
pub(crate) fn unmatched_headings(lang: Lang) -> [&'static str; 5] {
    pick(
        lang,
        ["主体", "指标", "数值", "日期", "原文"],
        ["jurisdiction", "metric", "value", "as of", "quote"],
    )
}

/// The headings of the progress table.
/// (The rows are grouped under their metric's name.)
pub(crate) fn progress_headings(lang: Lang) -> [&'static str; 10] {
    pick(
        lang,
        [
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
            "no figure of its resident population on or before 2026-11-28"
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
    fn benchmarks_have_names_in_both_languages() {
        let name = |b: &str, holder: Option<&str>, lang: Lang| {
            benchmark_name(&b.parse().unwrap(), holder, lang)
        };
        assert_eq!(name("median of province", None, Lang::Zh), "省级中位数");
        assert_eq!(
            name("max of province", Some("江苏省"), Lang::Zh),
            "省级最高（江苏省）"
        );
        assert_eq!(
            name("leader of prefecture", Some("苏州市"), Lang::Zh),
            "地市级最优（苏州市）"
        );
        assert_eq!(name("p75 of province", None, Lang::Zh), "省级第75百分位");
        assert_eq!(
            name("median of 320000,430000", None, Lang::Zh),
            "所列2个地区的中位数"
        );
        assert_eq!(
            name("median of province", None, Lang::En),
            "median of provinces"
        );
        assert_eq!(
            name("p75 of province", None, Lang::En),
            "75th percentile of provinces"
        );
        assert_eq!(
            name("p1 of county", None, Lang::En),
            "1st percentile of counties"
        );
        assert_eq!(
            name("p12 of county", None, Lang::En),
            "12th percentile of counties"
        );
        assert_eq!(
            name("p22 of county", None, Lang::En),
            "22nd percentile of counties"
        );
        assert_eq!(
            name("min of province", Some("Hunan"), Lang::En),
            "minimum of provinces (Hunan)"
        );
        assert_eq!(
            name("mean of 320000,430000,450000", None, Lang::En),
            "mean of the 3 listed jurisdictions"
        );
        assert_eq!(name("320000", Some("江苏省"), Lang::Zh), "江苏省");
        assert_eq!(name("320000", None, Lang::En), "320000");
        assert_eq!(name("500个", None, Lang::Zh), "500个");
    }

    #[test]
    fn normalisations_in_chinese() {
        assert_eq!(per_zh(Per::NONE), "目标原值");
        assert_eq!(per_en(Per::NONE), "target values");
        assert_eq!(
            per_en("capita,year".parse().unwrap()),
            "per million residents, per plan year"
        );
        assert_eq!(per_zh(Per::CAPITA), "每百万常住人口");
        assert_eq!(
            per("capita,year".parse().unwrap(), Lang::Zh),
            "每百万常住人口、每规划年"
        );
    }
}
