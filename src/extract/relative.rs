//! Dates written relative to when the text was written: 今年, 去年, 明年,
//! 上半年, 前三季度, 目前, 截至今年6月底. They are read with a reference
//! date (the publication date, or a date line of the text); without one,
//! they are marked so that the date is said to be unknown, never guessed.

use crate::PartialDate;

use super::cues::CueKind;
use super::text::Norm;

/// Words naming a year relative to the reference year.
const YEAR_WORDS: &[(&str, i32)] = &[
    ("过去的一年", -1),
    ("过去一年", -1),
    ("今年", 0),
    ("本年", 0),
    ("当年", 0),
    ("去年", -1),
    ("前年", -2),
    ("明年", 1),
];

/// Parts of a year that end on a month: the figure is reported for them.
const PART_WORDS: &[(&str, u32)] = &[
    ("上半年", 6),
    ("前三季度", 9),
    ("第一季度", 3),
    ("一季度", 3),
    ("前三个季度", 9),
];

/// Words for the time of writing.
const NOW_WORDS: &[&str] = &[
    "截至目前",
    "截至当前",
    "目前",
    "当前",
    "至今",
    "如今",
    "现阶段",
];

/// A relative date at a character of a paragraph: the cue it makes and
/// where it ends.
pub(super) struct Relative {
    pub(super) kind: CueKind,
    pub(super) end: usize,
}

/// A relative date starting at `i`, read with `reference` (the reference
/// date, if known). Without a reference, `kind` is [`CueKind::Unresolved`].
pub(super) fn relative_at(n: &Norm, i: usize, reference: Option<PartialDate>) -> Option<Relative> {
    let as_of = n.ends_with(i, "截至") || n.ends_with(i, "截止") || n.ends_with(i, "截至到");
    let to = !as_of && (n.ends_with(i, "到") || n.ends_with(i, "至"));
    let year_of = |offset: i32| reference.map(|d| d.year() + offset);
    let unresolved = |end: usize, past: bool| Relative {
        kind: CueKind::Unresolved(past),
        end,
    };
    if let Some(&(word, offset)) = YEAR_WORDS.iter().find(|(w, _)| n.starts_with(i, w)) {
        let mut k = i + word.chars().count();
        let (date, part) = match part_at(n, k) {
            Some((month, len)) => {
                k += len;
                (year_of(offset).map(|y| PartialDate::Month(y, month)), true)
            }
            None => match month_at(n, k) {
                Some((month, len)) => {
                    k += len;
                    (year_of(offset).map(|y| PartialDate::Month(y, month)), false)
                }
                None => (year_of(offset).map(PartialDate::Year), false),
            },
        };
        let end_of = ["底", "末", "年底", "年末"]
            .iter()
            .find(|w| n.starts_with(k, w))
            .map(|w| w.chars().count());
        k += end_of.unwrap_or(0);
        let since = n.starts_with(k, "以来");
        let past = offset < 0 || part || since || as_of;
        let Some(date) = date else {
            return Some(unresolved(k, past));
        };
        let kind = if since {
            CueKind::AsOf(reference.unwrap_or(date))
        } else if as_of || past {
            CueKind::AsOf(date)
        } else if to {
            CueKind::Deadline(date)
        } else if end_of.is_some() {
            CueKind::End(date)
        } else {
            CueKind::Bare(date, matches!(date, PartialDate::Year(_)) && word != "当年")
        };
        return Some(Relative { kind, end: k });
    }
    // 上半年 without a year: of the reference year (not 2024年上半年, read
    // with its year).
    if !n.ends_with(i, "年") {
        if let Some((month, len)) = part_at(n, i) {
            return Some(match year_of(0) {
                Some(y) => Relative {
                    kind: CueKind::AsOf(PartialDate::Month(y, month)),
                    end: i + len,
                },
                None => unresolved(i + len, true),
            });
        }
    }
    let now = NOW_WORDS.iter().find(|w| n.starts_with(i, w))?;
    let end = i + now.chars().count();
    Some(match reference {
        // Of a date line that gives a month (【2025年3月】), the dates of the
        // paragraph say more: 目前 is a word of reports only.
        Some(PartialDate::Year(_) | PartialDate::Month(..)) => Relative {
            kind: CueKind::ReportWord,
            end,
        },
        Some(d) => Relative {
            kind: CueKind::AsOf(d),
            end,
        },
        None => unresolved(end, true),
    })
}

/// A span of years from the time of writing (在3年建设期内, 用三年时间,
/// 三年内) starting at `i`: the number of years and where it ends. Not of
/// a span in the past (近三年内, 过去3年内).
pub(super) fn duration_at(n: &Norm, i: usize) -> Option<(i32, usize)> {
    let prefix = ["在", "用"].iter().find(|w| n.starts_with(i, w));
    let k = i + usize::from(prefix.is_some());
    if ["近", "过去", "前", "这"].iter().any(|w| n.ends_with(i, w))
        || (k > 0 && n.get(k - 1).is_some_and(|c| c.is_ascii_digit()))
    {
        return None;
    }
    let digits = (k..k + 2)
        .take_while(|&j| n.get(j).is_some_and(|c| c.is_ascii_digit()))
        .count();
    let (years, len) = if digits > 0 {
        (n.str(k, k + digits).parse::<i32>().ok()?, digits)
    } else {
        let years = match n.get(k)? {
            '一' => 1,
            '两' | '二' => 2,
            '三' => 3,
            '四' => 4,
            '五' => 5,
            _ => return None,
        };
        (years, 1)
    };
    if !(1..=10).contains(&years) || n.get(k + len) != Some('年') {
        return None;
    }
    let rest = k + len + 1;
    let ends: &[&str] = match prefix {
        Some(&"用") => &["左右时间", "时间"],
        Some(_) => &["建设期内", "期内", "内"],
        None => &["建设期内", "内"],
    };
    let end = ends.iter().find(|w| n.starts_with(rest, w))?;
    Some((years, rest + end.chars().count()))
}

/// A part of a year at `k` (上半年, 1-10月): the month it ends and its
/// length.
pub(super) fn part_at(n: &Norm, k: usize) -> Option<(u32, usize)> {
    PART_WORDS
        .iter()
        .find(|(w, _)| n.starts_with(k, w))
        .map(|(w, m)| (*m, w.chars().count()))
        .or_else(|| months_at(n, k))
}

/// A run of months at `k` (1-10月, 1至9月): the month it ends and its
/// length.
fn months_at(n: &Norm, k: usize) -> Option<(u32, usize)> {
    let digits = (k..k + 2)
        .take_while(|&j| n.get(j).is_some_and(|c| c.is_ascii_digit()))
        .count();
    let first: u32 = n.str(k, k + digits).parse().ok()?;
    let dash = k + digits;
    if !n
        .get(dash)
        .is_some_and(|c| matches!(c, '-' | '—' | '–' | '~' | '至' | '到'))
    {
        return None;
    }
    let (last, len) = month_at(n, dash + 1)?;
    (first >= 1 && first < last).then_some((last, digits + 1 + len))
}

/// A month at `k` (6月, 12月): the month and its length.
fn month_at(n: &Norm, k: usize) -> Option<(u32, usize)> {
    let digits = (k..k + 2)
        .take_while(|&j| n.get(j).is_some_and(|c| c.is_ascii_digit()))
        .count();
    if digits == 0 || n.get(k + digits) != Some('月') {
        return None;
    }
    let month: u32 = n.str(k, k + digits).parse().ok()?;
    (1..=12).contains(&month).then_some((month, digits + 1))
}
