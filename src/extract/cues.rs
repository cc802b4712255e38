//! Cues: the dates, plan periods and words of a paragraph that say whether
//! a figure is a target or a reported figure, and by when.

use std::sync::LazyLock;

use aho_corasick::AhoCorasick;
use chrono::NaiveDate;

use crate::{PartialDate, Period};

use super::relative::{duration_at, part_at, relative_at};
use super::text::Norm;

/// What a cue says.
#[derive(Clone, Copy, Debug, PartialEq)]
pub(super) enum CueKind {
    /// 到2027年, 2027年前: a deadline.
    Deadline(PartialDate),
    /// 截至2024年底: the date of a reported figure.
    AsOf(PartialDate),
    /// A date without 到 or 截至; `true` when it can be a deadline (a year).
    Bare(PartialDate, bool),
    /// 2025年底, 2025年6月底: a deadline in a target, a date in a report.
    End(PartialDate),
    /// A date with a day, or a month and day (the year from the context).
    Event(PartialDate),
    /// A month and day without a year (3月18日).
    MonthDay(u32, u32),
    /// The year of a document number (苏府办〔2025〕19号): when the text was
    /// written.
    DocYear(i32),
    /// A plan period (2025—2027年, 十四五).
    Period(Period),
    /// A word of plans (力争, 目标, 印发, 方案); `true` for a word that
    /// sets a goal itself (力争, 目标, 计划, 将), `false` for one that only
    /// names or issues a plan (印发, 方案, 行动).
    TargetWord(bool),
    /// A word of reports (已, 当前, 截至, 同比).
    ReportWord,
    /// A building verb (建设, 打造): leans to a target.
    Verb,
    /// Words that must not be read as cues (将近).
    Neutral,
    /// A date relative to the time of writing (今年, 目前) when that time is
    /// not known; `true` when it is in the past (去年, 上半年, 目前).
    Unresolved(bool),
}

/// A cue at a character of a paragraph.
#[derive(Clone, Copy, Debug)]
pub(super) struct Cue {
    pub(super) pos: usize,
    pub(super) kind: CueKind,
}

/// The words of plans that set a goal themselves: a figure they govern
/// looks ahead even without a deadline.
pub(super) const GOAL_WORDS: &[&str] = &[
    "力争",
    "争取",
    "目标",
    "预期",
    "预计",
    "计划",
    "确保",
    "将",
    "到期末",
];
/// The words that name a plan or its making: with a deadline they mark a
/// target, but alone they set no goal.
pub(super) const PLAN_WORDS: &[&str] = &[
    "提出", "要求", "印发", "明确", "规划", "方案", "意见", "纲要", "行动",
];
/// Words of plans: the goal words, then the plan-naming words.
pub(super) fn target_words() -> impl Iterator<Item = &'static &'static str> + Clone {
    GOAL_WORDS.iter().chain(PLAN_WORDS)
}
/// Words of reports.
pub(super) const REPORT_WORDS: &[&str] = &[
    "已经",
    "已",
    "当前",
    "目前",
    "现有",
    "共有",
    "截至",
    "截止",
    "同比",
    "比上年",
    "较上年",
    "上年",
    "去年",
    "近年来",
    "发布了",
    "实现了",
    "达到了",
    "完成了",
    "建成了",
    "形成了",
    "突破了",
    "超过了",
    "成立了",
    "公报",
    "年鉴",
];
/// Building verbs.
pub(super) const VERBS: &[&str] = &[
    "建设", "打造", "形成", "培育", "引育", "建成", "推动", "建立", "构建", "新增", "培养", "引进",
    "新建", "创建", "布局", "遴选", "发展",
];
/// Words that contain a cue word but are none.
pub(super) const NEUTRAL_WORDS: &[&str] = &["将近", "而已", "不已"];

/// The year of a document number at `i` (苏府办〔2025〕19号).
fn doc_year_at(n: &Norm, i: usize) -> Option<i32> {
    let bracketed = i > 0
        && match n.get(i - 1) {
            Some('〔' | '[') => matches!(n.get(i + 4), Some('〕' | ']' | ')')),
            // Round brackets hold edition years too (统计分类(2021),
            // 蓝皮书(2017)): a document number's year has the number and
            // 号 after it (苏政发(2016)113号).
            Some('(') => n.get(i + 4) == Some(')') && serial_after(n, i + 5),
            _ => false,
        };
    year_at(n, i).filter(|_| bracketed)
}

/// Words that make a title a report's, not a plan's.
const REPORT_TITLE_WORDS: &[&str] = &["报告", "白皮书", "蓝皮书", "研究", "预测", "指数"];

/// Whether character `i` is inside a document title 《…》 that names a
/// report.
fn in_report_title(n: &Norm, i: usize) -> bool {
    let inside = |k: usize| n.title.get(k).copied().unwrap_or(false);
    if !inside(i) {
        return false;
    }
    let start = (0..i).rev().find(|&k| !inside(k)).map_or(0, |k| k + 1);
    let end = (i..n.len()).find(|&k| !inside(k)).unwrap_or(n.len());
    let title = n.str(start, end);
    REPORT_TITLE_WORDS.iter().any(|w| title.contains(w))
}

/// Whether a document's serial number (`113号`) starts at `i`.
fn serial_after(n: &Norm, i: usize) -> bool {
    let digits = (i..).take_while(|&k| n.get(k).is_some_and(|c| c.is_ascii_digit()));
    let end = digits.last().map_or(i, |k| k + 1);
    end > i && n.get(end) == Some('号')
}

/// A year of four digits at `i`, 1900 to 2100, not inside a longer number.
fn year_at(n: &Norm, i: usize) -> Option<i32> {
    if i > 0 && n.get(i - 1).is_some_and(|c| c.is_ascii_digit()) {
        return None;
    }
    let digits: String = (i..i + 4).filter_map(|k| n.get(k)).collect();
    if digits.len() != 4
        || !digits.bytes().all(|b| b.is_ascii_digit())
        || n.get(i + 4).is_some_and(|c| c.is_ascii_digit())
    {
        return None;
    }
    let year: i32 = digits.parse().ok()?;
    (1900..=2100).contains(&year).then_some(year)
}

/// One or two digits at `i` followed by `unit`: the number and the index
/// after the unit.
fn small_at(n: &Norm, i: usize, unit: char, max: u32) -> Option<(u32, usize)> {
    let mut k = i;
    let mut value = 0u32;
    while k < i + 2 && n.get(k).is_some_and(|c| c.is_ascii_digit()) {
        value = value * 10 + n.get(k)?.to_digit(10)?;
        k += 1;
    }
    (k > i && n.get(k) == Some(unit) && (1..=max).contains(&value)).then_some((value, k + 1))
}

/// Verbs of change that end with 到 or 至 (提高至2022年的139亿元).
const CHANGE_TO: &[&str] = &[
    "提高至",
    "提升至",
    "增加至",
    "增长至",
    "增至",
    "提高到",
    "提升到",
    "增加到",
    "增长到",
    "扩大到",
    "扩大至",
    "跃升到",
    "跃升至",
    "降至",
    "降到",
    "下降到",
    "下降至",
    "升至",
    "升到",
];

/// A date expression starting at the year at `i`, in a text written in the
/// year `written` where it is known: the cue and where it ends.
fn date_cue(n: &Norm, i: usize, written: Option<i32>) -> Option<(CueKind, usize)> {
    let year = year_at(n, i)?;
    let mut k = i + 4;
    // A plan period: 2025—2027年, (2025-2027).
    let after_year = if n.get(k) == Some('年') { k + 1 } else { k };
    if n.get(after_year)
        .is_some_and(|c| matches!(c, '—' | '–' | '-' | '~' | '至' | '到'))
    {
        if let Some(to) = year_at(n, after_year + 1) {
            let end = after_year + 5;
            if to >= year && (n.get(end) == Some('年') || n.get(end) == Some(')')) {
                let period = Period::new(PartialDate::Year(year), PartialDate::Year(to)).ok()?;
                let end = if n.get(end) == Some('年') {
                    end + 1
                } else {
                    end
                };
                return Some((CueKind::Period(period), end));
            }
        }
    }
    if n.get(k) != Some('年') {
        return None;
    }
    k += 1;
    let mut date = PartialDate::Year(year);
    // A part of the year (2023年上半年): a period reported.
    if let Some((month, len)) = part_at(n, k) {
        return Some((CueKind::AsOf(PartialDate::Month(year, month)), k + len));
    }
    if let Some((month, next)) = small_at(n, k, '月', 12) {
        date = PartialDate::Month(year, month);
        k = next;
        let day = small_at(n, k, '日', 31).or_else(|| small_at(n, k, '号', 31));
        if let Some((day, next)) = day {
            if let Some(d) = NaiveDate::from_ymd_opt(year, month, day) {
                date = PartialDate::Day(d);
                k = next;
            }
        }
    }
    let mut end_of = false;
    if matches!(n.get(k), Some('底' | '末')) {
        end_of = true;
        k += 1;
    }
    let before = ["前", "以前", "之前"].iter().find(|w| n.starts_with(k, w));
    if let Some(w) = before {
        k += w.chars().count();
    }
    let as_of = n.ends_with(i, "截至")
        || n.ends_with(i, "截止")
        || n.ends_with(i, "截止到")
        || n.ends_with(i, "截至到");
    // 提高至2022年的139亿元 in a text of 2023: the 至 of the verb, not of a
    // deadline.
    let verb_to = written.is_some_and(|y| year < y) && CHANGE_TO.iter().any(|w| n.ends_with(i, w));
    let to = !as_of && !verb_to && (n.ends_with(i, "到") || n.ends_with(i, "至"));
    let kind = if as_of {
        CueKind::AsOf(date)
    } else if to || before.is_some() {
        CueKind::Deadline(date)
    } else if matches!(date, PartialDate::Day(_)) {
        CueKind::Event(date)
    } else if end_of {
        CueKind::End(date)
    } else {
        CueKind::Bare(date, matches!(date, PartialDate::Year(_)))
    };
    Some((kind, k))
}

/// The cues of a paragraph, in the order of the text; relative dates (今年,
/// 目前) are read with `reference`, the date the text was written, when it
/// is known. The positions of the cues read from relative dates are in
/// `relative`.
pub(super) fn cues(
    n: &Norm,
    reference: Option<PartialDate>,
    relative: &mut Vec<usize>,
) -> Vec<Cue> {
    let mut out = Vec::new();
    let words = cue_words(n);
    let mut i = 0;
    'scan: while i < n.len() {
        let c = n.chars[i];
        if let Some((years, end)) = duration_at(n, i) {
            // 在3年建设期内: a deadline that many years after the date of
            // writing, unknown without one.
            let kind = match reference {
                Some(d) => {
                    relative.push(i);
                    CueKind::Deadline(PartialDate::Year(d.year() + years))
                }
                None => CueKind::Unresolved(false),
            };
            out.push(Cue { pos: i, kind });
            i = end;
            continue;
        }
        if c.is_ascii_digit() {
            if let Some(year) = doc_year_at(n, i) {
                out.push(Cue {
                    pos: i,
                    kind: CueKind::DocYear(year),
                });
                i += 4;
                continue;
            }
            if let Some((kind, end)) = date_cue(n, i, reference.map(PartialDate::year)) {
                // The years of a report's title (《2025-2030年…预测报告》)
                // name its edition, not a plan's period.
                if !(matches!(kind, CueKind::Period(_)) && in_report_title(n, i)) {
                    out.push(Cue { pos: i, kind });
                }
                i = end;
                continue;
            }
            let after_year = i > 0 && n.get(i - 1) == Some('年');
            let after_digit = i > 0 && n.get(i - 1).is_some_and(|p| p.is_ascii_digit());
            if !after_year && !after_digit {
                if let Some((month, k)) = small_at(n, i, '月', 12) {
                    let day = small_at(n, k, '日', 31).or_else(|| small_at(n, k, '号', 31));
                    if let Some((day, k)) = day {
                        out.push(Cue {
                            pos: i,
                            kind: CueKind::MonthDay(month, day),
                        });
                        i = k;
                        continue;
                    }
                }
            }
            while i < n.len() && n.chars[i].is_ascii_digit() {
                i += 1;
            }
            continue;
        }
        if let Some(r) = relative_at(n, i, reference) {
            if !matches!(r.kind, CueKind::Unresolved(_) | CueKind::ReportWord) {
                relative.push(i);
            }
            out.push(Cue {
                pos: i,
                kind: r.kind,
            });
            i = r.end;
            continue;
        }
        for (word, period) in [
            ("十三五", (2016, 2020)),
            ("十四五", (2021, 2025)),
            ("十五五", (2026, 2030)),
        ] {
            if n.starts_with(i, word) {
                let (from, to) = period;
                if let Ok(p) = Period::new(PartialDate::Year(from), PartialDate::Year(to)) {
                    out.push(Cue {
                        pos: i,
                        kind: CueKind::Period(p),
                    });
                    let k = i + 3;
                    if ["末", "期末", "时期末"].iter().any(|w| n.starts_with(k, w)) {
                        out.push(Cue {
                            pos: i,
                            kind: CueKind::Deadline(PartialDate::Year(to)),
                        });
                    }
                }
                i += 3;
                continue 'scan;
            }
        }
        if let Some((len, kind)) = words[i] {
            out.push(Cue { pos: i, kind });
            i += len;
            continue;
        }
        i += 1;
    }
    out
}

/// The cue words, in order of precedence among words of one length.
static CUE_WORDS: LazyLock<(AhoCorasick, Vec<(usize, CueKind)>)> = LazyLock::new(|| {
    let lists: [(&[&str], CueKind); 5] = [
        (NEUTRAL_WORDS, CueKind::Neutral),
        (REPORT_WORDS, CueKind::ReportWord),
        (GOAL_WORDS, CueKind::TargetWord(true)),
        (PLAN_WORDS, CueKind::TargetWord(false)),
        (VERBS, CueKind::Verb),
    ];
    let words: Vec<(&str, CueKind)> = lists
        .iter()
        .flat_map(|(words, kind)| words.iter().map(move |w| (*w, *kind)))
        .collect();
    let automaton =
        AhoCorasick::new(words.iter().map(|(w, _)| w)).expect("the cue words make an automaton");
    let kinds = words
        .iter()
        .map(|(w, kind)| (w.chars().count(), *kind))
        .collect();
    (automaton, kinds)
});

/// At each character, the longest cue word that starts there (the first
/// listed among words of that length) and its length in characters.
fn cue_words(n: &Norm) -> Vec<Option<(usize, CueKind)>> {
    let (automaton, kinds) = &*CUE_WORDS;
    let mut best: Vec<Option<(usize, usize)>> = vec![None; n.len()];
    for m in automaton.find_overlapping_iter(&n.s) {
        let (i, k) = (n.char_at_byte(m.start()), m.pattern().as_usize());
        let len = kinds[k].0;
        if best[i].is_none_or(|(l, first)| len > l || (len == l && k < first)) {
            best[i] = Some((len, k));
        }
    }
    best.into_iter()
        .map(|b| b.map(|(len, k)| (len, kinds[k].1)))
        .collect()
}
