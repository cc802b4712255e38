//! Paragraphs: the lines of the text, classified (prose, heading, date line,
//! source line), with a line that ends mid-sentence joined to the next.

use std::ops::Range;

use crate::PartialDate;

use super::text::{fold, fold_cn_dates, is_cjk, is_cn_numeral};

/// What a paragraph is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum BlockKind {
    /// Running text.
    Prose,
    /// A title or a short line without sentence punctuation.
    Heading,
    /// A line that is only a date (【2025年3月】): it dates what follows.
    Date(PartialDate),
    /// A 来源 (source) line: the end of a news item.
    Source,
}

/// The lines of the text (character ranges, without the line break).
fn lines(src: &[char]) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    let mut start = 0;
    for (i, &c) in src.iter().enumerate() {
        if c == '\n' {
            out.push(start..i);
            start = i + 1;
        }
    }
    out.push(start..src.len());
    out
}

/// The characters of a line as the reader sees them: folded, without
/// whitespace, dates in digits.
fn squeeze(src: &[char], skip: &[bool], range: &Range<usize>) -> Vec<char> {
    let chars: Vec<char> = range
        .clone()
        .filter(|&k| !skip.get(k).copied().unwrap_or(false))
        .map(|k| fold(src[k]))
        .filter(|c| !c.is_whitespace())
        .collect();
    let orig: Vec<usize> = (0..chars.len()).collect();
    fold_cn_dates(&chars, &orig).0
}

/// Labels of a date line (发布时间：2025-08-26).
const DATE_LABELS: &[&str] = &[
    "发布时间",
    "发布日期",
    "发文日期",
    "成文日期",
    "日期",
    "时间",
];

/// The date of a line that is only a date (【2025年3月】, 2025-08-26,
/// 2025年8月26日 10:30, 发布时间：2025-08-26).
fn date_only(line: &[char]) -> Option<PartialDate> {
    let s: String = line
        .iter()
        .filter(|c| !matches!(c, '【' | '】' | '[' | ']' | '(' | ')' | '〔' | '〕'))
        .collect();
    let s = DATE_LABELS
        .iter()
        .find_map(|l| s.strip_prefix(l))
        .map_or(s.as_str(), |rest| rest.trim_start_matches(':'));
    // A time of day after a date with a day: 2025-08-26 10:30, 2025年8月26日10:30.
    // Only a time may follow the day: a line that goes on with words
    // (2024年12月5日，某某博览会开幕) is prose.
    let s = match s.find(['日', ':']) {
        Some(k)
            if s[k..].starts_with('日')
                && s[k + '日'.len_utf8()..]
                    .chars()
                    .all(|c| c.is_ascii_digit() || matches!(c, ':' | ' ')) =>
        {
            &s[..k + '日'.len_utf8()]
        }
        _ => s,
    };
    let s = if iso_day(s.get(..10).unwrap_or("")) {
        &s[..10]
    } else {
        s
    };
    if iso_day(s) {
        return s.replace(['/', '.'], "-").parse().ok();
    }
    if !s.contains('年') || s.ends_with('年') {
        return None;
    }
    s.parse().ok()
}

/// Whether `s` is a date written 2025-08-26 (or 2025/08/26, 2025.08.26).
fn iso_day(s: &str) -> bool {
    let b = s.as_bytes();
    b.len() == 10
        && [4, 7].iter().all(|&k| matches!(b[k], b'-' | b'/' | b'.'))
        && b[4] == b[7]
        && b.iter()
            .enumerate()
            .all(|(k, c)| k == 4 || k == 7 || c.is_ascii_digit())
}

fn classify(line: &[char]) -> BlockKind {
    let s: String = line.iter().collect();
    if s.starts_with("来源") {
        return BlockKind::Source;
    }
    if let Some(date) = date_only(line) {
        return BlockKind::Date(date);
    }
    let last = line.last().copied().unwrap_or('。');
    // A comma outside a title makes a line prose (a one-line text), not a
    // heading.
    let mut depth = 0i32;
    let comma = line.iter().any(|&c| {
        match c {
            '《' => depth += 1,
            '》' => depth -= 1,
            _ => {}
        }
        depth <= 0 && matches!(c, '，' | ',')
    });
    if s.contains('。')
        || comma
        || matches!(last, '。' | '!' | '?' | ';' | '…' | ':')
        || line.len() > 80
    {
        BlockKind::Prose
    } else {
        BlockKind::Heading
    }
}

/// Whether a line ends mid-sentence and goes on in the next one.
fn continues(line: &[char]) -> bool {
    let Some(&last) = line.last() else {
        return false;
    };
    if matches!(last, '，' | ',' | '、') {
        return true;
    }
    let open_end = is_cjk(last) || last.is_ascii_alphanumeric() || matches!(last, '"' | '“');
    let prose = line
        .iter()
        .any(|c| matches!(c, '，' | ',' | '。' | ';' | '；'));
    // A paragraph that ends with its 来源 (source) line is complete.
    let tail: String = line
        .rsplit(|&c| c == '。')
        .next()
        .unwrap_or(&[])
        .iter()
        .collect();
    open_end && prose && line.len() >= 12 && !tail.starts_with("来源")
}

/// Whether a line opens a new item: a list item (一、 （一） 1. 一是) or a
/// dated news item (3月18日，).
fn starts_item(line: &[char]) -> bool {
    let s: String = line.iter().take(8).collect();
    let numeral = |c: char| is_cn_numeral(c) || c.is_ascii_digit();
    let mut chars = s.chars();
    let first = chars.next().unwrap_or(' ');
    let second = chars.next().unwrap_or(' ');
    if numeral(first) && matches!(second, '、' | '.' | '是') {
        return true;
    }
    if matches!(first, '(' | '（') && numeral(second) {
        return true;
    }
    let digits = s.chars().take_while(char::is_ascii_digit).count();
    (1..=2).contains(&digits) && s.chars().nth(digits) == Some('月') && s.contains('日')
}

/// Paragraphs: lines, with a line that continues joined to the next one.
/// `skip` marks the characters the reader skips (see [`super::noise`]).
pub(super) fn blocks(src: &[char], skip: &[bool]) -> Vec<(BlockKind, Vec<Range<usize>>)> {
    let mut out: Vec<(BlockKind, Vec<Range<usize>>)> = Vec::new();
    let mut open = false;
    for range in lines(src) {
        let line = squeeze(src, skip, &range);
        if line.is_empty() {
            continue;
        }
        let kind = classify(&line);
        if open
            && matches!(kind, BlockKind::Prose | BlockKind::Heading)
            && line[0] != '【'
            && !starts_item(&line)
        {
            if let Some(last) = out.last_mut() {
                last.0 = BlockKind::Prose;
                last.1.push(range);
                open = continues(&line);
                continue;
            }
        }
        open = matches!(kind, BlockKind::Prose | BlockKind::Heading) && continues(&line);
        out.push((kind, vec![range]));
    }
    out
}
