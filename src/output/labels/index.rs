//! The words of a composite index in Chinese and English: its title, the
//! names of its scalings, aggregations and uncertain inputs, its tables'
//! headings, the reasons a jurisdiction is left out, and its notes.

use chrono::NaiveDate;

use super::{per_en, per_zh, pick};
use crate::engine::index::{Aggregation, Exclusion, Input, MinCoverage, Scaling};
use crate::engine::normalize::Per;
use crate::model::{Lang, Level};

/// A scaling for people: `极差标准化（min-max）` or `min-max`.
pub(crate) fn scaling(scaling: Scaling, lang: Lang) -> &'static str {
    match (lang, scaling) {
        (Lang::Zh, Scaling::MinMax) => "极差标准化",
        (Lang::Zh, Scaling::ZScore) => "Z分数标准化",
        (Lang::Zh, Scaling::Rank) => "百分位排名",
        (Lang::Zh, Scaling::Leader) => "领先者比例",
        (Lang::En, Scaling::MinMax) => "min-max",
        (Lang::En, Scaling::ZScore) => "z-score",
        (Lang::En, Scaling::Rank) => "percentile rank",
        (Lang::En, Scaling::Leader) => "share of the leader",
    }
}

/// An aggregation for people.
pub(crate) fn aggregation(aggregation: Aggregation, lang: Lang) -> &'static str {
    match (lang, aggregation) {
        (Lang::Zh, Aggregation::Arithmetic) => "加权算术平均",
        (Lang::Zh, Aggregation::Geometric) => "加权几何平均",
        (Lang::En, Aggregation::Arithmetic) => "weighted arithmetic mean",
        (Lang::En, Aggregation::Geometric) => "weighted geometric mean",
    }
}

/// An uncertain input for people.
pub(crate) fn input(input: Input, lang: Lang) -> &'static str {
    match (lang, input) {
        (Lang::Zh, Input::Weights) => "权重（±25%）",
        (Lang::Zh, Input::Scaling) => "标准化方法（四选一）",
        (Lang::Zh, Input::Aggregation) => "合成方法（二选一）",
        (Lang::En, Input::Weights) => "weights (±25%)",
        (Lang::En, Input::Scaling) => "scaling (one of four)",
        (Lang::En, Input::Aggregation) => "aggregation (one of two)",
    }
}

/// Why a jurisdiction is not in an index, in the language asked for.
pub(crate) fn exclusion(reason: &Exclusion, lang: Lang) -> String {
    match (lang, reason) {
        (Lang::En, _) => reason.to_string(),
        (
            Lang::Zh,
            Exclusion::Coverage {
                covered,
                metrics,
                least,
            },
        ) => format!("仅有{metrics}项指标中{covered}项的数值，少于最低覆盖要求的{least}项"),
    }
}

/// The title line of an index: its metrics, normalisation, level and date.
pub(crate) fn title(
    metrics: &[&str],
    per: Per,
    level: Option<Level>,
    as_of: NaiveDate,
    lang: Lang,
) -> String {
    let level = level.map(|l| super::level(l, lang));
    match lang {
        Lang::Zh => format!(
            "综合指数：{}（{}{}，截至 {as_of}）\n",
            metrics.join("、"),
            per_zh(per),
            level.map(|l| format!("，{l}")).unwrap_or_default()
        ),
        Lang::En => format!(
            "Composite index: {} ({}{}, as of {as_of})\n",
            metrics.join(", "),
            per_en(per),
            level.map(|l| format!(", {l} level")).unwrap_or_default()
        ),
    }
}

/// The line stating the index's choices.
pub(crate) fn choices(
    scaling: Scaling,
    aggregation: Aggregation,
    weights: &str,
    min_coverage: MinCoverage,
    lang: Lang,
) -> String {
    let (scaling, aggregation) = (
        self::scaling(scaling, lang),
        self::aggregation(aggregation, lang),
    );
    match lang {
        Lang::Zh => {
            format!("方法：{scaling}，{aggregation}，权重 {weights}，最低覆盖 {min_coverage}\n")
        }
        Lang::En => format!(
            "method: {scaling}, {aggregation}, weights {weights}, minimum coverage {min_coverage}\n"
        ),
    }
}

/// The weights as written on the line of choices: `相等`/`equal` when they
/// are all 1.
pub(crate) fn equal_weights(lang: Lang) -> &'static str {
    pick(lang, "相等", "equal")
}

/// The headings of the index's table.
pub(crate) fn headings(lang: Lang) -> [&'static str; 5] {
    pick(
        lang,
        ["名次（区间）", "地区", "级别", "得分", "覆盖指标"],
        [
            "rank (interval)",
            "jurisdiction",
            "level",
            "score",
            "metrics covered",
        ],
    )
}

/// The line under the table explaining the interval.
pub(crate) fn interval_note(draws: u32, seed: u64, lang: Lang) -> String {
    match lang {
        Lang::Zh => format!(
            "括号内为{draws}次蒙特卡洛模拟（种子 {seed}）的第5至第95百分位名次；模拟以双精度浮点数计算，得分与名次以精确小数计算\n"
        ),
        Lang::En => format!(
            "in brackets: the 5th to 95th percentile ranks over {draws} Monte Carlo draws (seed {seed}); the simulation is in binary floating point, scores and ranks in exact decimals\n"
        ),
    }
}

/// The heading line of the sensitivity table.
pub(crate) fn sensitivity_heading(lang: Lang) -> &'static str {
    pick(
        lang,
        "敏感性：仅该项变化时名次的平均绝对变动\n",
        "sensitivity: the mean absolute rank shift when only this input varies\n",
    )
}

/// The headings of the sensitivity table.
pub(crate) fn sensitivity_headings(lang: Lang) -> [&'static str; 2] {
    pick(
        lang,
        ["不确定因素", "名次平均变动"],
        ["input", "mean rank shift"],
    )
}

/// The line naming a jurisdiction left out of the index, and why.
pub(crate) fn not_included(name: &str, reason: &Exclusion, lang: Lang) -> String {
    match lang {
        Lang::Zh => format!("未纳入：{name}（{}）\n", exclusion(reason, lang)),
        Lang::En => format!("not in the index: {name} ({reason})\n"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn exclusions_in_both_languages() {
        let reason = Exclusion::Coverage {
            covered: 1,
            metrics: 3,
            least: 2,
        };
        assert_eq!(
            not_included("武汉市", &reason, Lang::Zh),
            "未纳入：武汉市（仅有3项指标中1项的数值，少于最低覆盖要求的2项）\n"
        );
        assert_eq!(
            not_included("Wuhan", &reason, Lang::En),
            "not in the index: Wuhan (values on 1 of 3 metrics, fewer than the 2 the minimum coverage asks)\n"
        );
    }

    #[test]
    fn every_choice_has_a_chinese_name() {
        for s in Scaling::ALL {
            assert_ne!(scaling(s, Lang::Zh), scaling(s, Lang::En));
        }
        for a in Aggregation::ALL {
            assert_ne!(aggregation(a, Lang::Zh), aggregation(a, Lang::En));
        }
        for i in Input::ALL {
            assert_ne!(input(i, Lang::Zh), input(i, Lang::En));
        }
    }
}
