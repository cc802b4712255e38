//! One candidate per statement: a figure a heading repeats from the text
//! under it, or a text states twice, is proposed once.

use std::collections::HashMap;

use crate::{Id, JurisdictionCode, Quantity};

use super::Candidate;
use super::blocks::BlockKind;
use super::document::Doc;

/// How many earlier candidates of the same jurisdiction, value and metric a
/// candidate is compared with to find the one it repeats: a bound on the
/// work for text that states one figure over and over.
const DEDUPE_WINDOW: usize = 64;

/// Keeps one candidate per statement when a figure is repeated (a heading
/// and its text): the one outside a heading, else the most complete.
/// `found` holds each candidate with the index of its paragraph.
pub(super) fn dedupe(found: Vec<(usize, Candidate)>, doc: &Doc) -> Vec<Candidate> {
    let heading = |p: usize| doc.paras[p].kind == BlockKind::Heading;
    // A heading and a paragraph under it.
    let governs =
        |h: usize, p: usize| heading(h) && !heading(p) && doc.paras[p].headings.contains(&h);
    let year = |c: &Candidate| c.deadline.map(|d| d.date().year());
    let mut out: Vec<(usize, Candidate)> = Vec::new();
    // The kept candidates of each jurisdiction, value and metric: a repeat
    // has all three of the candidate it repeats.
    let mut kept: HashMap<(Option<JurisdictionCode>, Quantity, Option<Id>), Vec<usize>> =
        HashMap::new();
    for (p, c) in found {
        let key = (
            c.jurisdiction.clone(),
            c.value.canonical(),
            c.metric.clone(),
        );
        let alike = kept.entry(key).or_default();
        let recent = &alike[alike.len().saturating_sub(DEDUPE_WINDOW)..];
        let same = recent.iter().copied().find(|&i| {
            let (q, o) = (&out[i].0, &out[i].1);
            if o.jurisdiction != c.jurisdiction || o.value.canonical() != c.value.canonical() {
                return false;
            }
            if governs(*q, p) || governs(p, *q) {
                // The heading repeats the figure of its text: the same
                // metric (or none recognised in either), and the same year
                // where both give one.
                return o.metric == c.metric
                    && (year(o) == year(&c) || o.deadline.is_none() || c.deadline.is_none());
            }
            let stated_alike =
                o.kind == c.kind && o.comparator == c.comparator || heading(*q) != heading(p);
            if o.metric.is_none() && c.metric.is_none() && heading(*q) != heading(p) {
                // A title that repeats a figure of a measure the catalogue
                // lacks, in the same words (…智算规模占比超90%).
                return same_words(&o.metric_phrase, &c.metric_phrase)
                    && o.comparator == c.comparator;
            }
            o.metric.is_some()
                && o.metric == c.metric
                && stated_alike
                && (o.deadline == c.deadline || o.deadline.is_none() || c.deadline.is_none())
        });
        match same {
            Some(i) => {
                let rank = |p: usize, c: &Candidate| {
                    (
                        !heading(p),
                        c.deadline.is_some() || c.as_of.is_some(),
                        c.confidence,
                    )
                };
                if rank(p, &c) > rank(out[i].0, &out[i].1) {
                    out[i] = (p, c);
                }
            }
            None => {
                alike.push(out.len());
                out.push((p, c));
            }
        }
    }
    out.into_iter().map(|(_, c)| c).collect()
}

/// Whether two candidates' words for a measure name the same one: one ends
/// with the other, of two characters or more.
fn same_words(a: &str, b: &str) -> bool {
    let (short, long) = if a.len() <= b.len() { (a, b) } else { (b, a) };
    short.chars().count() >= 2 && long.ends_with(short)
}
