//! Metrics: the catalogue metric a figure counts, by the longest name or
//! alias next to it, by a list read with 分别, or carried over from the
//! figure before; and the words that probably name it when none is known.

use std::ops::Range;
use std::sync::LazyLock;

use crate::{Dimension, Unit};

use super::cues::{NEUTRAL_WORDS, REPORT_WORDS, VERBS, target_words};
use super::figures::{BEFORE_WORDS, Figure};
use super::lexicon::{Lexicon, lower};
use super::text::{Norm, is_cjk};

/// A metric named in a paragraph.
#[derive(Clone, Debug)]
pub(super) struct MetricHit {
    /// The index of the metric in the catalogue.
    pub(super) metric: usize,
    pub(super) pos: usize,
    pub(super) end: usize,
    /// Named with one character differing.
    pub(super) fuzzy: bool,
}

/// The best metric named in `region` for a figure of `dimension` near `at`:
/// the longest name or alias (one differing character allowed in names of
/// eight characters or more), nearest to the figure.
pub(super) fn find_metric(
    n: &Norm,
    lexicon: &Lexicon,
    region: Range<usize>,
    dimension: Dimension,
    at: usize,
) -> Option<MetricHit> {
    if region.is_empty() {
        return None;
    }
    let text: Vec<char> = n.chars[region.clone()].iter().map(|&c| lower(c)).collect();
    let mut best: Option<(usize, usize, MetricHit)> = None;
    for alias in lexicon.aliases.iter().filter(|a| a.dimension == dimension) {
        let len = alias.chars.len();
        if len > text.len() {
            continue;
        }
        for start in 0..=text.len() - len {
            let window = &text[start..start + len];
            let diff = window
                .iter()
                .zip(&alias.chars)
                .filter(|(a, b)| a != b)
                .count();
            let fuzzy = diff == 1
                && len >= 8
                && window[0] == alias.chars[0]
                && window[len - 1] == alias.chars[len - 1];
            if diff != 0 && !fuzzy {
                continue;
            }
            let pos = region.start + start;
            let end = pos + len;
            if n.title[pos..end].iter().any(|&t| t) {
                continue;
            }
            let score = if fuzzy { len - 2 } else { len };
            let distance = if end <= at {
                at - end
            } else {
                pos.saturating_sub(at)
            };
            let better = best
                .as_ref()
                .is_none_or(|(s, d, _)| score > *s || (score == *s && distance < *d));
            if better {
                best = Some((
                    score,
                    distance,
                    MetricHit {
                        metric: alias.metric,
                        pos,
                        end,
                        fuzzy,
                    },
                ));
            }
        }
    }
    best.map(|(_, _, hit)| hit)
}

// ---------------------------------------------------------------------------

/// The words of a range that could name what a figure counts: without
/// numbers, dates, cue words, comparators and fillers (其中, 全省, 累计).
pub(super) fn residual(n: &Norm, range: &Range<usize>) -> String {
    content_words(n.str(range.start, range.end))
}

/// `text` without numbers, punctuation, cue words, comparators and fillers.
pub(super) fn content_words(text: &str) -> String {
    const FILLERS: &[&str] = &[
        "其中", "累计", "全省", "全市", "全区", "全县", "全国", "总数", "总量", "数量", "规模",
        "左右", "上下", "以上", "以内", "以下", "分别", "共计", "合计", "共", "再", "到", "至",
        "年", "月", "日", "底", "末", "初", "前", "的", "等", "和", "及", "个", "家", "达",
    ];
    static WORDS: LazyLock<Vec<&'static str>> = LazyLock::new(|| {
        let mut words: Vec<&str> = target_words()
            .chain(REPORT_WORDS)
            .chain(VERBS)
            .chain(NEUTRAL_WORDS)
            .chain(FILLERS)
            .copied()
            .chain(BEFORE_WORDS.iter().map(|(w, _)| *w))
            .collect();
        words.sort_by_key(|w| std::cmp::Reverse(w.chars().count()));
        words
    });
    let mut text: String = text
        .chars()
        .filter(|c| is_cjk(*c) || c.is_ascii_alphabetic())
        .collect();
    for word in WORDS.iter() {
        text = text.replace(word, "");
    }
    text
}

/// Whether a figure in `unit` whose own words are `words` counts what the
/// earlier figure in `from` named `phrase` counts: no words of its own, or a
/// kind of the same thing (行业数据集 after 高质量数据集), in the same unit
/// of count.
pub(super) fn carries_over(from: Unit, unit: Unit, words: &str, phrase: &str) -> bool {
    if from.dimension() != unit.dimension() {
        return false;
    }
    if unit.dimension() == Dimension::Count && from.symbol() != unit.symbol() {
        return false;
    }
    if words.is_empty() {
        return true;
    }
    let shared = words
        .chars()
        .rev()
        .zip(phrase.chars().rev())
        .take_while(|(a, b)| a == b)
        .count();
    shared >= 3 && words.chars().count() <= 12
}

/// The metrics of a list read with 分别 (数据产业规模、数字经济规模分别达到
/// 3000亿元、1万亿元): the names before 分别, in order, one per figure after
/// it.
pub(super) fn respectively(
    n: &Norm,
    lexicon: &Lexicon,
    clause: &Range<usize>,
    figs: &[Figure],
) -> Option<Vec<MetricHit>> {
    let q = clause.start
        + n.str(clause.start, clause.end)
            .find("分别")
            .map(|b| n.str(clause.start, clause.end)[..b].chars().count())?;
    if figs.len() < 2 || figs.iter().any(|f| f.start < q) {
        return None;
    }
    let mut hits = Vec::new();
    let lowered: Vec<char> = n.chars[clause.start..q].iter().map(|&c| lower(c)).collect();
    let mut i = clause.start;
    while i < q {
        let rest = &lowered[i - clause.start..];
        match lexicon
            .aliases
            .iter()
            .find(|a| rest.starts_with(&a.chars) && !n.title[i])
        {
            Some(a) => {
                hits.push(MetricHit {
                    metric: a.metric,
                    pos: i,
                    end: i + a.chars.len(),
                    fuzzy: false,
                });
                i += a.chars.len();
            }
            None => i += 1,
        }
    }
    let fits = hits.len() == figs.len()
        && hits.iter().zip(figs).all(|(h, f)| {
            lexicon
                .aliases
                .iter()
                .any(|a| a.metric == h.metric && a.dimension == f.value.dimension())
        });
    fits.then_some(hits)
}

/// Words near a figure whose metric was not recognised.
pub(super) fn guess_phrase(
    n: &Norm,
    f: &Figure,
    after: &Range<usize>,
    before: &Range<usize>,
) -> String {
    let count_like = matches!(f.value.dimension(), Dimension::Count | Dimension::Persons);
    let cut = |s: String| -> String {
        let s = s
            .split(['的', '等', '和', '及', '+'])
            .next()
            .unwrap_or("")
            .to_owned();
        s.chars().take(24).collect()
    };
    let after_text = cut(n.text(after.clone()));
    if count_like && !after_text.is_empty() {
        return after_text;
    }
    let mut text = trim_links(&n.text(before.clone())).to_owned();
    for word in VERBS.iter().chain(target_words()).chain(REPORT_WORDS) {
        if let Some(at) = text.rfind(word) {
            let rest = &text[at + word.len()..];
            // A cue word at the end (规模将达到): the name is before it.
            text = if rest.is_empty() {
                text[..at].to_owned()
            } else {
                rest.to_owned()
            };
        }
    }
    let text: String = text
        .chars()
        .rev()
        .take(24)
        .collect::<Vec<_>>()
        .into_iter()
        .rev()
        .collect();
    if text.is_empty() { after_text } else { text }
}

/// Words that link a measure's name to its figure (规模已达到约, 收入在2024年
/// 已突破): not part of the name.
const LINKS: &[&str] = &[
    "已经", "已", "将", "达到", "达", "约为", "约", "近", "超过", "超", "突破", "为", "在", "于",
    "累计", "共计", "总计", "实现",
];

/// `text` without the linking words and years at its end (see [`LINKS`]).
fn trim_links(text: &str) -> &str {
    let mut rest = text;
    loop {
        if let Some(w) = LINKS.iter().find(|w| rest.ends_with(*w)) {
            rest = &rest[..rest.len() - w.len()];
            continue;
        }
        // A year (2024年, 2024年底).
        let t = rest.trim_end_matches(['底', '末']);
        if let Some(y) = t.strip_suffix('年') {
            let digits = y.chars().rev().take_while(char::is_ascii_digit).count();
            if digits == 4 {
                rest = &y[..y.len() - 4];
                continue;
            }
        }
        return rest;
    }
}
