//! What the figures of a sentence or a clause share: the words that settle
//! their kind, a building verb, words of attending or issuing, a layout, a
//! rate.

use std::ops::Range;

use super::cues::CueKind;
use super::document::Doc;
use super::text::Norm;

/// Where words that settle a figure's kind appear in its sentence.
#[derive(Clone, Copy, Debug)]
pub(super) struct SentenceFacts {
    /// The start of the last 同比 (year on year) or 比上年 (on the year
    /// before).
    pub(super) reported_after: Option<usize>,
    /// The start of the last 目标 (target).
    pub(super) target_after: Option<usize>,
    /// For each word of a forecast ([`FORECAST_WORDS`]), where its first
    /// occurrence in the sentence ends: a figure is forecast when one ends
    /// before it. Found once for the sentence, so that a sentence of
    /// thousands of clauses is not searched again for each figure.
    pub(super) forecast_ends: [Option<usize>; FORECAST_WORDS.len()],
}

/// Words of a forecast (预计全年突破50亿元, 有望达到).
pub(super) const FORECAST_WORDS: [&str; 3] = ["预计", "有望", "预测"];

/// What the figures of a clause share, found once for the clause.
#[derive(Clone, Copy, Debug)]
pub(super) struct ClauseFacts {
    pub(super) sentence: SentenceFacts,
    /// The mention the earlier clauses and sentences of the paragraph name
    /// first, nearest first: a place, a national body.
    pub(super) named_before: [Option<usize>; 2],
    /// A building verb in the clause.
    pub(super) verb: bool,
    /// The start of the last word of attending or issuing (参加, 印发).
    pub(super) act: Option<usize>,
    /// The last `+` (a layout such as 1+N).
    pub(super) plus: Option<usize>,
    /// The end of the first rate word (每万人, 人均).
    pub(super) rate_end: Option<usize>,
}

/// Words of attending or issuing after a count of bodies.
const ACT_WORDS: &[&str] = &[
    "参加", "出席", "参会", "与会", "联合", "印发", "发布", "代表",
];

/// Words before a figure that make it a rate, not a total.
const RATE_WORDS: &[&str] = &[
    "每万人",
    "每百人",
    "每千人",
    "每十万人",
    "人均",
    "每平方公里",
    "万人拥有",
    "每万",
];

/// Every occurrence of one of `words` inside `range` of the text, as a
/// character range, in the order of their starts.
fn occurrences(n: &Norm, range: Range<usize>, words: &[&str]) -> Vec<Range<usize>> {
    let words: Vec<Vec<char>> = words.iter().map(|w| w.chars().collect()).collect();
    let end = range.end.min(n.len());
    let text = &n.chars[..end];
    let mut out = Vec::new();
    for i in range.start..end {
        for w in &words {
            if w.first() == text.get(i) && text[i..].starts_with(w) {
                out.push(i..i + w.len());
            }
        }
    }
    out
}

impl SentenceFacts {
    /// Takes the words of forecast of the sentence `before`, which a
    /// semicolon joins to this one, where this one has none.
    pub(super) fn inherit_forecast(&mut self, before: Option<SentenceFacts>) {
        let Some(before) = before else { return };
        for (own, earlier) in self.forecast_ends.iter_mut().zip(before.forecast_ends) {
            if own.is_none() {
                *own = earlier;
            }
        }
    }

    /// The facts of the sentence at `range`.
    pub(super) fn of(n: &Norm, range: &Range<usize>) -> SentenceFacts {
        let last = |words: &[&str]| {
            occurrences(n, range.clone(), words)
                .iter()
                .map(|w| w.start)
                .max()
        };
        SentenceFacts {
            reported_after: last(&["同比", "比上年", "较上年", "上年同期"]),
            target_after: last(&["目标"]),
            // Not in a title (《…预测报告》 names a report).
            forecast_ends: FORECAST_WORDS.map(|w| {
                occurrences(n, range.clone(), &[w])
                    .iter()
                    .find(|o| !n.title.get(o.start).copied().unwrap_or(false))
                    .map(|o| o.end)
            }),
        }
    }
}

impl Doc {
    /// What the figures of `clause` of paragraph `p` share.
    pub(super) fn clause_facts(
        &self,
        p: usize,
        clause: &Range<usize>,
        named_before: [Option<usize>; 2],
        sentence: SentenceFacts,
    ) -> ClauseFacts {
        let para = &self.paras[p];
        let n = &para.norm;
        let cues = &para.cues;
        let from = cues.partition_point(|cue| cue.pos < clause.start);
        let to = cues.partition_point(|cue| cue.pos < clause.end);
        let last = |words: &[&str]| {
            occurrences(n, clause.clone(), words)
                .iter()
                .map(|w| w.start)
                .max()
        };
        ClauseFacts {
            sentence,
            named_before,
            verb: cues[from..to].iter().any(|cue| cue.kind == CueKind::Verb),
            act: last(ACT_WORDS),
            plus: last(&["+"]),
            rate_end: occurrences(n, clause.clone(), RATE_WORDS)
                .iter()
                .map(|w| w.end)
                .min(),
        }
    }
}
