//! Statements of change: the starting figure and the figure reached of
//! 由2023年的800家增加到2027年的1500家, and amounts added (新增, 净增).

use std::ops::Range;

use crate::PartialDate;

use super::cues::{Cue, CueKind};
use super::figures::{Before, Figure};
use super::text::Norm;

/// What a figure is in a statement of change (由2023年的800家增加到2027年的
/// 1500家).
#[derive(Clone, Copy, Debug, PartialEq)]
pub(super) enum Role {
    /// A figure on its own.
    Plain,
    /// The starting figure, with the date the text gives it.
    Baseline(Option<PartialDate>),
    /// The figure reached; the starting figure ends at this index.
    Reached(usize),
}

/// A word before a figure saying it is an amount added (新增, 净增, 增加 but
/// not 增加到, nor 增加值, value added, a metric word), if any.
pub(super) fn flow_word(n: &Norm, before: &Range<usize>) -> Option<&'static str> {
    let text = n.str(before.start, before.end);
    for word in ["新增", "净增"] {
        if text.contains(word) {
            return Some(word);
        }
    }
    let mut at = 0;
    while let Some(k) = text[at..].find("增加") {
        let rest = &text[at + k + "增加".len()..];
        if !rest.starts_with(['到', '至', '值']) && !rest.starts_with("了到") {
            return Some("增加");
        }
        at += k + "增加".len();
    }
    None
}

/// Where a date and 的 that end at `end` begin (`2027年的`, `2024年底的`),
/// not before `start`; `end` when there is none.
fn date_before(n: &Norm, start: usize, end: usize) -> usize {
    let mut k = end;
    if k > start && n.get(k - 1) == Some('的') {
        k -= 1;
    }
    let date_char =
        |c: char| c.is_ascii_digit() || matches!(c, '年' | '月' | '日' | '底' | '末' | '初');
    let mut m = k;
    while m > start && n.get(m - 1).is_some_and(date_char) {
        m -= 1;
    }
    if n.contains(m..k, "年") { m } else { k }
}

/// Where the 由 or 从 that opens a change stands: right before the starting
/// figure at `lead`, or before a date and 的 that are (从2020年的7个), not
/// before `from`.
pub(super) fn opening(n: &Norm, from: usize, lead: usize) -> Option<usize> {
    let words = from.max(date_before(n, from, lead).saturating_sub(1));
    let opening = (words..lead)
        .rev()
        .find(|&i| matches!(n.get(i), Some('由' | '从')))?;
    (date_before(n, opening + 1, lead) == opening + 1).then_some(opening)
}

/// Whether figure `k` of a clause is the starting figure of a change stated
/// with the figure after it: 由2023年的800家增加到2027年的1500家,
/// 从120个提高到500个, 由…增至…, 由…增长到…. Then the date the text gives
/// the starting figure, if any. `from` is where the words of the figure
/// begin.
pub(super) fn baseline(
    n: &Norm,
    cues: &[Cue],
    figs: &[Figure],
    k: usize,
    from: usize,
) -> Option<Option<PartialDate>> {
    let x = &figs[k];
    let y = figs.get(k + 1)?;
    if x.value.dimension() != y.value.dimension() || x.upper.is_some() || x.lead < from {
        return None;
    }
    let opening = opening(n, from, x.lead)?;
    // 增加到, 提高到, 增至, 到 …, then perhaps a date and 的, right before the
    // figure reached.
    let to = date_before(n, x.end, y.lead);
    let reaches = if to > x.end {
        matches!(n.get(to - 1), Some('到' | '至'))
    } else {
        y.before == Some(Before::Reach)
    };
    if !reaches {
        return None;
    }
    let first = cues.partition_point(|c| c.pos < opening + 1);
    let date = cues[first..]
        .iter()
        .take_while(|c| c.pos < x.lead)
        .find_map(|c| match c.kind {
            CueKind::Bare(d, _)
            | CueKind::End(d)
            | CueKind::Event(d)
            | CueKind::AsOf(d)
            | CueKind::Deadline(d) => Some(d),
            _ => None,
        });
    Some(date)
}
