//! Whose figure it is: the place named nearest to the figure in its clause,
//! else the first named in the earlier clauses, sentences, the paragraph a
//! list continues and the headings, else the document title's.

use std::ops::Range;

use crate::JurisdictionCode;

use super::candidate::Score;
use super::document::Doc;
use super::facts::ClauseFacts;
use super::figures::Figure;
use super::looks::{Reach, mention_kind};
use super::mentions::Mention;
use super::reading::Env;

impl Doc {
    /// Whose figure `f` of `clause` is, with its confidence and reasons: a
    /// mention (see [`Doc::jurisdiction`]), else [`Options::jurisdiction`].
    ///
    /// [`Options::jurisdiction`]: super::Options::jurisdiction
    pub(super) fn jurisdiction_of(
        &self,
        clause: &Range<usize>,
        reach: &Reach,
        facts: &ClauseFacts,
        f: &Figure,
        env: &Env,
        score: &mut Score,
    ) -> (Option<JurisdictionCode>, String, bool) {
        match self.jurisdiction(reach.para, clause, reach, facts, f) {
            Some((m, from_title)) => {
                if from_title {
                    score.lower(5);
                    score.reason("jurisdiction from the document title");
                } else {
                    score.raise(10);
                }
                if !m.place.in_catalog {
                    score.lower(15);
                    score.reason(format!(
                        "jurisdiction {} ({}) is not in the catalogue",
                        m.name, m.place.code
                    ));
                }
                (
                    Some(m.place.code.clone()),
                    m.name.clone(),
                    m.place.in_catalog,
                )
            }
            None => match &env.options.jurisdiction {
                Some(code) => {
                    score.raise(5);
                    let known = env.catalog.jurisdiction(code.as_str()).is_some();
                    if !known {
                        score.reason(format!("jurisdiction {code} is not in the catalogue"));
                    }
                    (Some(code.clone()), String::new(), known)
                }
                None => {
                    score.lower(15);
                    score.reason("no jurisdiction named");
                    (None, String::new(), false)
                }
            },
        }
    }

    /// The jurisdiction of a figure of `clause`, and whether it came from
    /// the document title.
    fn jurisdiction(
        &self,
        p: usize,
        clause: &Range<usize>,
        reach: &Reach,
        facts: &ClauseFacts,
        f: &Figure,
    ) -> Option<(&Mention, bool)> {
        let para = &self.paras[p];
        let ms = &para.mentions;
        // The nearest mention in the clause: the last one ending before the
        // figure or the first one after it, the earlier when as near.
        let first = ms.partition_point(|m| m.pos < clause.start);
        let ended = ms.partition_point(|m| m.end <= f.start);
        let nearest = |filter: usize| {
            let look = &para.look;
            let before = ended
                .checked_sub(1)
                .and_then(|k| look.mention_before[filter][k])
                .filter(|&k| k >= first);
            let after = look.mention_after[filter]
                .get(ended.max(first))
                .copied()
                .flatten()
                .filter(|&k| ms[k].end <= clause.end);
            let distance = |k: usize| {
                let m = &ms[k];
                if m.end <= f.start {
                    f.start - m.end
                } else {
                    m.pos.saturating_sub(f.end)
                }
            };
            match (before, after) {
                (Some(b), Some(a)) => Some(if distance(b) <= distance(a) { b } else { a }),
                (b, a) => b.or(a),
            }
        };
        for filter in 0..2 {
            if let Some(k) = nearest(filter).or(facts.named_before[filter]) {
                return Some((&ms[k], false));
            }
        }
        // The paragraph whose list this one continues, then the headings,
        // nearest first.
        let first_of = |q: usize, filter: usize| {
            self.paras[q].look.first_mention[filter].map(|k| &self.paras[q].mentions[k])
        };
        for filter in 0..2 {
            if let Some(m) = reach.inherit.and_then(|q| first_of(q, filter)) {
                return Some((m, false));
            }
            let heading = reach
                .headings
                .end
                .checked_sub(1)
                .filter(|_| !reach.headings.is_empty())
                .and_then(|h| self.paras[h].look.mention_chain[filter]);
            if let Some(m) = heading.and_then(|h| first_of(h, filter)) {
                return Some((m, false));
            }
        }
        let title = self.title_para?;
        if title == p {
            return None;
        }
        self.paras[title]
            .mentions
            .iter()
            .find(|m| !m.place.weak)
            .map(|m| (m, true))
    }

    /// The first mention of paragraph `p` inside `range` that passes
    /// `filter` (see [`mention_kind`]) and is not in a document title, else
    /// the first that passes.
    pub(super) fn first_in(&self, p: usize, range: &Range<usize>, filter: usize) -> Option<usize> {
        let ms = &self.paras[p].mentions;
        let from = ms.partition_point(|m| m.pos < range.start);
        let to = ms.partition_point(|m| m.pos < range.end);
        let passes = |k: &usize| mention_kind(&ms[*k], filter);
        (from..to)
            .filter(passes)
            .find(|&k| !ms[k].title)
            .or_else(|| (from..to).find(passes))
    }
}
