//! Whose figure it is: the place named nearest to the figure in its clause,
//! else the first named in the earlier clauses, sentences, the paragraph a
//! list continues and the headings, else the document title's.

use std::ops::Range;

use crate::JurisdictionCode;

use super::Reason;
use super::candidate::Score;
use super::document::Doc;
use super::document::{PlaceFrom, Whole};
use super::facts::ClauseFacts;
use super::figures::Figure;
use super::looks::{Reach, mention_kind};
use super::mentions::Mention;
use super::reading::Env;

/// Where the jurisdiction of a figure was read.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Source {
    /// A place named in the paragraph of the figure.
    Text,
    /// A place named in the paragraph whose list it continues, or in its
    /// headings.
    Heading,
    /// 全省, 全市, 我省 before the figure: the place of the document.
    Whole,
    /// The document title, or the first line of the text.
    Title,
    /// The first sentence of the text.
    Lead,
}

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
        let explicit = env.options.jurisdiction.as_ref();
        let text = self.jurisdiction(reach.para, clause, reach, facts, f, explicit);
        // 全省, 全市: the place of that scope the paragraph names, else the
        // place of the document (the one given first).
        let whole = self.whole_before(reach.para, f);
        let found = match whole {
            Some(w) => {
                let fits = |m: &Mention| w.fits(m.place.code.as_str());
                let named = text.filter(|(m, source)| *source == Source::Text && fits(m));
                let document = self
                    .place
                    .as_ref()
                    .filter(|d| explicit.is_none() && fits(&d.mention))
                    .map(|d| (&d.mention, Source::Whole));
                match (named, explicit) {
                    (Some(t), _) => Some(t),
                    (None, Some(_)) => None,
                    (None, None) => document.or(text),
                }
            }
            None => text,
        };
        // 全省 after the name of one of its cities (郑州…，全省…): the
        // city's province.
        let province = match (whole, found) {
            (Some(w), Some((m, Source::Text)))
                if explicit.is_none() && !w.fits(m.place.code.as_str()) =>
            {
                province_of(&m.place.code).filter(|p| w.fits(p.as_str()))
            }
            _ => None,
        };
        if let (Some(code), Some(w)) = (province, whole) {
            score.raise(10);
            let in_catalog = env.catalog.jurisdiction(code.as_str()).is_some();
            return (Some(code), w.word().to_owned(), in_catalog);
        }
        match found {
            Some((m, source)) => {
                match source {
                    Source::Text | Source::Heading => score.raise(10),
                    Source::Whole => {
                        score.raise(10);
                        score.reason(Reason::WholePlace(m.name.clone()));
                    }
                    Source::Title => {
                        score.lower(5);
                        score.reason(Reason::JurisdictionFromTitle);
                    }
                    Source::Lead => {
                        score.lower(5);
                        score.reason(Reason::JurisdictionFromLead);
                    }
                }
                if !m.place.in_catalog {
                    score.lower(15);
                    score.reason(Reason::PlaceNotInCatalogue {
                        name: m.name.clone(),
                        code: m.place.code.clone(),
                    });
                }
                (
                    Some(m.place.code.clone()),
                    m.name.clone(),
                    m.place.in_catalog,
                )
            }
            None => match explicit {
                Some(code) => {
                    score.raise(if whole.is_some() { 10 } else { 5 });
                    let known = env.catalog.jurisdiction(code.as_str()).is_some();
                    if !known {
                        score.reason(Reason::CodeNotInCatalogue(code.clone()));
                    }
                    (Some(code.clone()), String::new(), known)
                }
                None => {
                    score.lower(15);
                    score.reason(Reason::NoJurisdiction);
                    (None, String::new(), false)
                }
            },
        }
    }

    /// The scope of a word for the whole of a place (全省, 本市) in the
    /// sentence of figure `f` of paragraph `p` before it, with no place
    /// named between them.
    fn whole_before(&self, p: usize, f: &Figure) -> Option<Whole> {
        let para = &self.paras[p];
        let wholes = &self.wholes[p];
        let k = wholes.partition_point(|(pos, _)| *pos < f.start);
        let (pos, whole) = *wholes.get(k.checked_sub(1)?)?;
        let sentence = para.sentences.partition_point(|s| s.range.end <= pos);
        let in_sentence = para
            .sentences
            .get(sentence)
            .is_some_and(|s| s.range.start <= pos && f.start < s.range.end);
        let ms = &para.mentions;
        let ended = ms.partition_point(|m| m.end <= f.start);
        let place_between = ended
            .checked_sub(1)
            .and_then(|k| para.look.mention_before[0][k])
            .is_some_and(|k| ms[k].pos > pos);
        (in_sentence && !place_between).then_some(whole)
    }

    /// The jurisdiction of a figure of `clause`, and where it came from.
    /// Of a text that names none near the figure, the place of the document
    /// is asked only when `explicit` ([`Options::jurisdiction`]) is none.
    ///
    /// [`Options::jurisdiction`]: super::Options::jurisdiction
    fn jurisdiction(
        &self,
        p: usize,
        clause: &Range<usize>,
        reach: &Reach,
        facts: &ClauseFacts,
        f: &Figure,
        explicit: Option<&JurisdictionCode>,
    ) -> Option<(&Mention, Source)> {
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
                return Some((&ms[k], Source::Text));
            }
        }
        // The paragraph whose list this one continues, then the headings,
        // nearest first.
        let first_of = |q: usize, filter: usize| {
            self.paras[q].look.first_mention[filter].map(|k| &self.paras[q].mentions[k])
        };
        for filter in 0..2 {
            if let Some(m) = reach.inherit.and_then(|q| first_of(q, filter)) {
                return Some((m, Source::Heading));
            }
            let heading = reach
                .headings
                .end
                .checked_sub(1)
                .filter(|_| !reach.headings.is_empty())
                .and_then(|h| self.paras[h].look.mention_chain[filter]);
            if let Some(m) = heading.and_then(|h| first_of(h, filter)) {
                return Some((m, Source::Heading));
            }
        }
        if explicit.is_some() || self.title_para == Some(p) {
            return None;
        }
        let title = self.title_para.and_then(|t| {
            let mut named = self.paras[t].mentions.iter().filter(|m| !m.place.weak);
            let first = named.next()?;
            named
                .all(|m| m.place.code == first.place.code)
                .then_some((first, Source::Title))
        });
        title.or_else(|| {
            let d = self.place.as_ref()?;
            let source = match d.from {
                PlaceFrom::FirstLine => Source::Title,
                PlaceFrom::Lead => Source::Lead,
            };
            Some((&d.mention, source))
        })
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

/// The province of the city or county `code` (410100 → 410000).
fn province_of(code: &JurisdictionCode) -> Option<JurisdictionCode> {
    let c = code.as_str();
    if c.len() != 6 || c.ends_with("0000") || !c.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    format!("{}0000", &c[..2]).parse().ok()
}
