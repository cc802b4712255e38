//! The text report's words in Chinese and English: its title, section
//! headings, table headings and notes.

use chrono::NaiveDate;

use super::{page, per_zh, pick};
use crate::engine::gap::Unanswered;
use crate::engine::normalize::Per;
use crate::model::Lang;

/// The title of the report on `as_of`, with the blank line after it (the
/// page's title).
pub(crate) fn title(lang: Lang, as_of: NaiveDate) -> String {
    format!("{}\n\n", page::title(lang, as_of))
}

/// The heading line of section 1 (the page's heading).
pub(crate) fn targets_heading(lang: Lang) -> String {
    format!("{}\n", page::targets_heading(lang))
}

/// The headings of the table of targets.
pub(crate) fn targets_headings(lang: Lang) -> [&'static str; 7] {
    pick(
        lang,
        ["期限", "地区", "级别", "指标", "目标", "来源", "发布"],
        [
            "deadline",
            "jurisdiction",
            "level",
            "metric",
            "target",
            "source",
            "published",
        ],
    )
}

/// The heading line of section 2 (the page's heading).
pub(crate) fn rankings_heading(lang: Lang) -> String {
    format!("{}\n", page::rankings_heading(lang))
}

/// The note after the rankings naming the metrics with fewer than two
/// ranked jurisdictions, which the table of targets holds.
pub(crate) fn single_row_metrics(lang: Lang, metrics: &[String]) -> String {
    format!("{}\n", page::single_row_metrics(lang, metrics))
}

/// The heading line of section 5 (the page's heading).
pub(crate) fn index_heading(lang: Lang) -> String {
    format!("{}\n", page::index_heading(lang))
}

/// The heading line of section 3, naming the subject.
pub(crate) fn gaps_heading(lang: Lang, subject: &str) -> String {
    match lang {
        Lang::Zh => format!("三、{subject}对标（{}）\n", per_zh(Per::CAPITA)),
        Lang::En => format!("3. {subject}: gaps to benchmarks (per million residents)\n"),
    }
}

/// The headings of the table of gaps.
pub(crate) fn gaps_headings(lang: Lang) -> [&'static str; 6] {
    pick(
        lang,
        [
            "指标",
            "对标",
            "对标数值",
            "现有目标",
            "所需目标",
            "分母日期",
        ],
        [
            "metric",
            "benchmark",
            "benchmark value",
            "own target",
            "required target",
            "denominators",
        ],
    )
}

/// Written where the subject has no target of its own: `无` or `none`.
pub(crate) fn no_own_target(lang: Lang) -> &'static str {
    page::no_own_target(lang)
}

/// The note on a gap question without an answer on `metric`, and why.
pub(crate) fn unanswered_note(
    lang: Lang,
    metric: &str,
    question: &Unanswered,
    catalog: &crate::Catalog,
) -> String {
    let why = super::unanswered(question, catalog, lang);
    match lang {
        Lang::Zh => format!("说明：{metric}：{why}\n"),
        Lang::En => format!("note: {metric}: {why}\n"),
    }
}

/// The heading line of section 4 (the page's heading).
pub(crate) fn progress_heading(lang: Lang) -> String {
    format!("{}\n", page::progress_heading(lang))
}

/// The note when no target has a reported figure.
pub(crate) fn no_progress(lang: Lang) -> &'static str {
    pick(
        lang,
        "说明：截至该日期，尚无设定目标的地区报告对应指标的实绩数据。\n",
        "note: no jurisdiction with a target has reported a figure for its metric by this date.\n",
    )
}

/// The separator between the counts of statuses.
pub(crate) fn counts_separator(lang: Lang) -> &'static str {
    pick(lang, "，", ", ")
}

/// The one note on the metrics of the gaps section with too few other
/// provinces setting a target for a provincial median.
pub(crate) fn few_peers_note(lang: Lang, metrics: &[String]) -> String {
    format!("{}\n", page::few_peers_note(lang, metrics))
}
