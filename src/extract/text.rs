//! Normalised text: full-width forms folded to ASCII, traditional
//! characters to simplified ones, whitespace and the noise of copied pages
//! dropped, and dates in Chinese numerals rewritten with digits, each
//! character keeping its index in the original text.

use std::ops::Range;

use super::hant::simplified;

/// Full-width ASCII forms to ASCII, except the full-width comma, which stays
/// a clause separator (an ASCII comma between digits is a thousands
/// separator); traditional characters to simplified ones.
pub(super) fn fold(c: char) -> char {
    match c {
        '\u{FF0C}' => '，',
        '\u{FF01}'..='\u{FF5E}' => char::from_u32(c as u32 - 0xFEE0).unwrap_or(c),
        '\u{3000}' | '\u{00A0}' => ' ',
        // Small forms: ﹒ ﹐ ﹔ ﹕.
        '\u{FE52}' => '.',
        '\u{FE50}' => '，',
        '\u{FE54}' => ';',
        '\u{FE55}' => ':',
        _ => simplified(c),
    }
}

pub(super) fn is_cjk(c: char) -> bool {
    ('\u{4E00}'..='\u{9FFF}').contains(&c) || ('\u{3400}'..='\u{4DBF}').contains(&c)
}

pub(super) fn is_cn_numeral(c: char) -> bool {
    matches!(
        c,
        '零' | '〇'
            | '一'
            | '二'
            | '两'
            | '三'
            | '四'
            | '五'
            | '六'
            | '七'
            | '八'
            | '九'
            | '十'
            | '百'
            | '千'
            | '万'
            | '亿'
    )
}

/// A paragraph's text, folded and without whitespace, with the original
/// character index of each character.
pub(super) struct Norm {
    pub(super) chars: Vec<char>,
    pub(super) orig: Vec<usize>,
    pub(super) s: String,
    /// Byte offset in `s` of each character, and `s.len()` at the end.
    pub(super) bytes: Vec<usize>,
    /// Whether each character is inside a document title 《…》.
    pub(super) title: Vec<bool>,
}

impl Norm {
    /// The text of `ranges` of `src`, without the characters `skip` marks.
    pub(super) fn build(src: &[char], skip: &[bool], ranges: &[Range<usize>]) -> Norm {
        let mut chars: Vec<char> = Vec::new();
        let mut orig = Vec::new();
        let mut space: Option<usize> = None;
        for range in ranges {
            if !chars.is_empty() {
                space = Some(range.start.saturating_sub(1));
            }
            for k in range.clone() {
                if skip.get(k).copied().unwrap_or(false) {
                    continue;
                }
                let c = fold(src[k]);
                if c.is_whitespace() {
                    space = Some(k);
                    continue;
                }
                if let Some(at) = space.take() {
                    // Keep one space between ASCII words and numbers only,
                    // not between groups of three digits (1 200个).
                    if chars.last().is_some_and(char::is_ascii_alphanumeric)
                        && c.is_ascii_alphanumeric()
                        && !(chars.last().is_some_and(char::is_ascii_digit) && digit_group(src, k))
                    {
                        chars.push(' ');
                        orig.push(at);
                    }
                }
                chars.push(c);
                orig.push(k);
            }
        }
        let (chars, orig) = fold_cn_dates(&chars, &orig);
        let s: String = chars.iter().collect();
        let mut bytes = Vec::with_capacity(chars.len() + 1);
        let mut at = 0;
        for c in &chars {
            bytes.push(at);
            at += c.len_utf8();
        }
        bytes.push(at);
        let mut title = Vec::with_capacity(chars.len());
        let mut depth = 0usize;
        for &c in &chars {
            if c == '《' {
                depth += 1;
            }
            title.push(depth > 0);
            if c == '》' {
                depth = depth.saturating_sub(1);
            }
        }
        Norm {
            chars,
            orig,
            s,
            bytes,
            title,
        }
    }

    pub(super) fn len(&self) -> usize {
        self.chars.len()
    }

    /// The text from character `start` to character `end`.
    pub(super) fn str(&self, start: usize, end: usize) -> &str {
        let end = end.min(self.len());
        let start = start.min(end);
        &self.s[self.bytes[start]..self.bytes[end]]
    }

    pub(super) fn text(&self, range: Range<usize>) -> String {
        self.str(range.start, range.end).to_owned()
    }

    /// The character index at a byte offset of `s`.
    pub(super) fn char_at_byte(&self, byte: usize) -> usize {
        self.bytes.partition_point(|&b| b < byte)
    }

    pub(super) fn starts_with(&self, i: usize, word: &str) -> bool {
        self.s
            .get(self.bytes[i.min(self.len())]..)
            .is_some_and(|rest| rest.starts_with(word))
    }

    pub(super) fn ends_with(&self, i: usize, word: &str) -> bool {
        self.s[..self.bytes[i.min(self.len())]].ends_with(word)
    }

    pub(super) fn get(&self, i: usize) -> Option<char> {
        self.chars.get(i).copied()
    }

    pub(super) fn contains(&self, range: Range<usize>, word: &str) -> bool {
        self.str(range.start, range.end).contains(word)
    }
}

/// Whether three digits and no more start at `k` (a group of a number
/// written with spaces between its groups).
fn digit_group(src: &[char], k: usize) -> bool {
    let digits = src[k..]
        .iter()
        .take(4)
        .take_while(|c| fold(**c).is_ascii_digit())
        .count();
    digits == 3
}

/// A digit written as a Chinese numeral in a year (二〇二七年).
fn cn_digit(c: char) -> Option<char> {
    Some(match c {
        '〇' | '零' | '○' => '0',
        '一' => '1',
        '二' => '2',
        '三' => '3',
        '四' => '4',
        '五' => '5',
        '六' => '6',
        '七' => '7',
        '八' => '8',
        '九' => '9',
        _ => return None,
    })
}

/// A number from 1 to 31 written in Chinese numerals at `i` (六, 十, 十二,
/// 二十五, 三十一): its value and the number of characters it takes.
fn cn_small_at(chars: &[char], i: usize) -> Option<(u32, usize)> {
    let digit = |k: usize| {
        chars
            .get(k)
            .and_then(|&c| cn_digit(c))
            .and_then(|d| d.to_digit(10))
            .filter(|&d| d > 0)
    };
    let ten = |k: usize| chars.get(k) == Some(&'十');
    let (value, len) = if ten(i) {
        match digit(i + 1) {
            Some(u) => (10 + u, 2),
            None => (10, 1),
        }
    } else {
        let tens = digit(i)?;
        if ten(i + 1) {
            match digit(i + 2) {
                Some(u) => (tens * 10 + u, 3),
                None => (tens * 10, 2),
            }
        } else {
            (tens, 1)
        }
    };
    (value <= 31).then_some((value, len))
}

/// Rewrites dates written in Chinese numerals with ASCII digits, the way
/// the rest of the reader expects them: 二〇二七年 → 2027年, 二〇二五年六月
/// → 2025年6月, 三月十八日 → 3月18日. Each new character keeps the original
/// index of the numeral it stands for, so quotes stay verbatim.
pub(super) fn fold_cn_dates(chars: &[char], orig: &[usize]) -> (Vec<char>, Vec<usize>) {
    let mut out = Vec::with_capacity(chars.len());
    let mut out_orig = Vec::with_capacity(orig.len());
    let numeral_before = |i: usize| i > 0 && is_cn_numeral(chars[i - 1]);
    // A month (and a day) at `k`: pushes them and returns where they end.
    let month_day = |k: usize, out: &mut Vec<char>, out_orig: &mut Vec<usize>| -> usize {
        let Some((month, len)) = cn_small_at(chars, k).filter(|&(m, _)| m <= 12) else {
            return k;
        };
        if chars.get(k + len) != Some(&'月') {
            return k;
        }
        for (j, d) in month.to_string().chars().enumerate() {
            out.push(d);
            out_orig.push(orig[if j == 0 { k } else { k + len - 1 }]);
        }
        out.push('月');
        out_orig.push(orig[k + len]);
        let k = k + len + 1;
        if let Some((day, len)) = cn_small_at(chars, k) {
            if matches!(chars.get(k + len), Some('日' | '号')) {
                for (j, d) in day.to_string().chars().enumerate() {
                    out.push(d);
                    out_orig.push(orig[if j == 0 { k } else { k + len - 1 }]);
                }
                out.push(chars[k + len]);
                out_orig.push(orig[k + len]);
                return k + len + 1;
            }
        }
        k
    };
    let mut i = 0;
    while i < chars.len() {
        // A year: four numeral digits, 1900 to 2100, then 年.
        let year: Option<String> = (i + 4 < chars.len())
            .then(|| chars[i..i + 4].iter().map(|&c| cn_digit(c)).collect())
            .flatten();
        let year = year.filter(|y: &String| {
            chars[i + 4] == '年'
                && !numeral_before(i)
                && y.parse::<u32>().is_ok_and(|y| (1900..=2100).contains(&y))
        });
        if let Some(year) = year {
            for (j, d) in year.chars().enumerate() {
                out.push(d);
                out_orig.push(orig[i + j]);
            }
            out.push('年');
            out_orig.push(orig[i + 4]);
            i = month_day(i + 5, &mut out, &mut out_orig);
            continue;
        }
        // A month and day without a year (三月十八日).
        if !numeral_before(i) && !chars[i].is_ascii_digit() {
            let before = out.len();
            let k = month_day(i, &mut out, &mut out_orig);
            if k > i {
                if out.last().is_some_and(|&c| matches!(c, '日' | '号')) {
                    i = k;
                    continue;
                }
                out.truncate(before);
                out_orig.truncate(before);
            }
        }
        out.push(chars[i]);
        out_orig.push(orig[i]);
        i += 1;
    }
    (out, out_orig)
}
