//! Looking up a figure's cues and names: where a figure looks ([`Reach`]),
//! and for each paragraph the cues and mentions that answer each question,
//! found once for the paragraph.

use std::ops::Range;

use crate::PartialDate;

use super::blocks::BlockKind;
use super::cues::{Cue, CueKind};
use super::document::Doc;
use super::mentions::Mention;

/// For each cue of a paragraph, the index of the last cue at or before it
/// that passes a test: the nearest passing cue of any stretch of cues, found
/// without walking the stretch.
struct Latest(Vec<Option<usize>>);

impl Latest {
    fn new(cues: &[Cue], test: impl Fn(CueKind) -> bool) -> Latest {
        let mut last = None;
        Latest(
            cues.iter()
                .enumerate()
                .map(|(i, cue)| {
                    if test(cue.kind) {
                        last = Some(i);
                    }
                    last
                })
                .collect(),
        )
    }

    /// The last cue of `range` (cue indices) that passes.
    fn last_in(&self, range: Range<usize>) -> Option<usize> {
        if range.is_empty() {
            return None;
        }
        self.0
            .get(range.end - 1)
            .copied()
            .flatten()
            .filter(|&j| j >= range.start)
    }

    /// Whether a cue of the paragraph passes.
    fn any(&self) -> bool {
        self.0.last().copied().flatten().is_some()
    }
}

/// What a figure's cues are asked.
#[derive(Clone, Copy, Debug, PartialEq)]
pub(super) enum Ask {
    /// Target or reported figure: a cue that settles it. Bare dates settle
    /// it when the year of the text is known.
    Kind,
    /// A plan period.
    Period,
    /// A deadline (到2027年), or near the figure a year's end in the years
    /// of the text or later (2027年底).
    Deadline,
    /// A bare date read as a deadline: in the figure's clause any date in
    /// the years of the text or later, further away a year.
    BareDeadline,
    /// The date of a reported figure: 截至…, or near the figure a date.
    AsOf,
    /// A bare date or the end of a year.
    Dated,
    /// A relative date that could not be read (今年 in a text whose date is
    /// not known).
    Unresolved,
    /// A cue that looks ahead: a deadline, a plan period, a word that sets
    /// a goal (力争, 目标).
    Future,
    /// Any word of plans (力争, 印发, 方案).
    PlanWord,
}

/// The cue tests that depend on nothing but the cue (asked of other
/// paragraphs: the paragraph a list continues, headings, the title).
const FAR_TESTS: usize = 9;

impl Ask {
    /// The index of the test of a cue of another paragraph, if any cue of
    /// another paragraph can answer.
    fn far(self, dated: bool) -> Option<usize> {
        match self {
            Ask::Kind => Some(usize::from(dated)),
            Ask::Period => Some(2),
            Ask::Deadline => Some(3),
            Ask::AsOf => Some(4),
            Ask::Dated => Some(5),
            Ask::Unresolved => Some(6),
            Ask::Future => Some(7),
            Ask::PlanWord => Some(8),
            Ask::BareDeadline => None,
        }
    }

    fn far_test(index: usize, kind: CueKind) -> bool {
        let decisive = matches!(
            kind,
            CueKind::Deadline(_)
                | CueKind::TargetWord(_)
                | CueKind::Period(_)
                | CueKind::AsOf(_)
                | CueKind::ReportWord
                | CueKind::Unresolved(true)
        );
        let dated = matches!(kind, CueKind::Bare(..) | CueKind::End(_));
        match index {
            0 => decisive,
            1 => decisive || dated,
            2 => matches!(kind, CueKind::Period(_)),
            3 => matches!(kind, CueKind::Deadline(_)),
            4 => matches!(kind, CueKind::AsOf(_)),
            5 => dated,
            6 => matches!(kind, CueKind::Unresolved(_)),
            8 => matches!(kind, CueKind::TargetWord(_)),
            _ => matches!(
                kind,
                CueKind::Deadline(_) | CueKind::Period(_) | CueKind::TargetWord(true)
            ),
        }
    }
}

/// The cues of a paragraph that answer each question ([`Ask`]).
pub(super) struct Looks {
    /// Asked of the cues of another paragraph (see [`Ask::far`]).
    far: [Latest; FAR_TESTS],
    /// For a heading: the nearest heading of its run, itself included, with
    /// a cue passing each far test.
    far_chain: [Option<usize>; FAR_TESTS],
    /// Asked of the paragraph's own cues (levels 1 to 3), which depend on
    /// the year of the text near it.
    deadline: Latest,
    /// [`Ask::BareDeadline`] in the figure's clause, and further away.
    bare: [Latest; 2],
    as_of: Latest,
    /// The first mention naming a place, then a national body, that is not
    /// in a title, else the first one (see [`Doc::first_in`]).
    pub(super) first_mention: [Option<usize>; 2],
    /// For a heading: the nearest heading of its run, itself included, with
    /// such a mention.
    pub(super) mention_chain: [Option<usize>; 2],
    /// For each mention, the last mention at or before it that names a
    /// place, then a national body.
    pub(super) mention_before: [Vec<Option<usize>>; 2],
    /// For each mention, the first mention at or after it of each kind.
    pub(super) mention_after: [Vec<Option<usize>>; 2],
}

impl Looks {
    pub(super) fn empty() -> Looks {
        let none = || Latest(Vec::new());
        Looks {
            far: std::array::from_fn(|_| none()),
            far_chain: [None; FAR_TESTS],
            deadline: none(),
            bare: [none(), none()],
            as_of: none(),
            first_mention: [None; 2],
            mention_chain: [None; 2],
            mention_before: [Vec::new(), Vec::new()],
            mention_after: [Vec::new(), Vec::new()],
        }
    }

    /// The test of the paragraph's own cues at `level` (1 to 3).
    fn own(&self, ask: Ask, dated: bool, level: u8) -> &Latest {
        match ask {
            Ask::Kind => &self.far[usize::from(dated)],
            Ask::Period => &self.far[2],
            Ask::Dated => &self.far[5],
            Ask::Unresolved => &self.far[6],
            Ask::Future => &self.far[7],
            Ask::PlanWord => &self.far[8],
            Ask::Deadline => &self.deadline,
            Ask::BareDeadline => &self.bare[usize::from(level > 1)],
            Ask::AsOf => &self.as_of,
        }
    }
}

/// Whether a mention passes the filter of a jurisdiction look-up: 0 for a
/// place, 1 for a national body.
pub(super) fn mention_kind(m: &Mention, filter: usize) -> bool {
    m.place.weak == (filter == 1)
}

/// Where a figure's cues and names are looked for, nearest first: the part
/// of its clause before it (level 1), the earlier clauses of its sentence
/// (2), the earlier sentences of its paragraph (3), the paragraph whose
/// list it continues (4), its headings, nearest first (5), and the document
/// title (6).
#[derive(Clone, Debug)]
pub(super) struct Reach {
    pub(super) para: usize,
    /// The cue indices of levels 1, 2 and 3 in the figure's paragraph.
    pub(super) own: [Range<usize>; 3],
    pub(super) inherit: Option<usize>,
    pub(super) headings: Range<usize>,
    /// The title, when it is not the paragraph itself or one of its
    /// headings.
    title: Option<usize>,
}

impl Doc {
    /// The look-ups of paragraph `p`, whose text is of `year`.
    pub(super) fn looks(&self, p: usize, year: Option<i32>) -> Looks {
        let para = &self.paras[p];
        let cues = &para.cues;
        let far: [Latest; FAR_TESTS] =
            std::array::from_fn(|t| Latest::new(cues, |kind| Ask::far_test(t, kind)));
        let run = |q: Option<usize>| q.filter(|&q| self.paras[q].kind == BlockKind::Heading);
        let before = run(p.checked_sub(1).filter(|_| para.kind == BlockKind::Heading));
        let far_chain = std::array::from_fn(|t| {
            if para.kind != BlockKind::Heading {
                None
            } else if far[t].any() {
                Some(p)
            } else {
                before.and_then(|q| self.paras[q].look.far_chain[t])
            }
        });
        let (deadline, bare, as_of) = self.dated_looks(p, year);
        let ms = &para.mentions;
        let first_mention = std::array::from_fn(|filter| {
            let passes = |m: &&Mention| mention_kind(m, filter);
            ms.iter()
                .position(|m| passes(&m) && !m.title)
                .or_else(|| ms.iter().position(|m| passes(&m)))
        });
        let mention_chain = std::array::from_fn(|filter| {
            if para.kind != BlockKind::Heading {
                None
            } else if first_mention[filter].is_some() {
                Some(p)
            } else {
                before.and_then(|q| self.paras[q].look.mention_chain[filter])
            }
        });
        Looks {
            far,
            far_chain,
            deadline,
            bare,
            as_of,
            first_mention,
            mention_chain,
            mention_before: std::array::from_fn(|filter| mentions_before(ms, filter)),
            mention_after: std::array::from_fn(|filter| mentions_after(ms, filter)),
        }
    }

    /// The tests of paragraph `p`'s own cues that depend on `year`, the year
    /// of its text: a deadline, a bare date read as one (in the clause, and
    /// further away), the date of a reported figure.
    fn dated_looks(&self, p: usize, year: Option<i32>) -> (Latest, [Latest; 2], Latest) {
        let cues = &self.paras[p].cues;
        let from = |d: PartialDate| year.is_none_or(|y| d.year() >= y);
        let until = |d: PartialDate| year.is_none_or(|y| d.year() <= y);
        let deadline = Latest::new(cues, |kind| match kind {
            CueKind::Deadline(_) => true,
            CueKind::End(d) => from(d),
            _ => false,
        });
        let bare = [
            Latest::new(cues, |kind| matches!(kind, CueKind::Bare(d, _) if from(d))),
            Latest::new(
                cues,
                |kind| matches!(kind, CueKind::Bare(d, true) if from(d)),
            ),
        ];
        let as_of = Latest::new(cues, |kind| match kind {
            CueKind::AsOf(_) | CueKind::Event(_) => true,
            CueKind::Bare(d, _) | CueKind::End(d) => until(d),
            CueKind::MonthDay(m, day) => self.resolve_month_day(p, m, day).is_some(),
            // A period over before the year of the text.
            CueKind::Period(period) => year.is_some_and(|y| period.to().year() < y),
            _ => false,
        });
        (deadline, bare, as_of)
    }

    /// Where the figure of clause `c` of sentence `s` of paragraph `p` that
    /// starts (with its comparator word) at `at` looks for its cues.
    pub(super) fn reach(&self, p: usize, s: usize, c: usize, at: usize) -> Reach {
        let para = &self.paras[p];
        let sentence = &para.sentences[s];
        let clause = &sentence.clauses[c];
        let index = |pos: usize| para.cues.partition_point(|cue| cue.pos < pos);
        let (at, clause_start, sentence_start) =
            (index(at), index(clause.start), index(sentence.range.start));
        let title = self
            .title_para
            .filter(|&t| t != p && !para.headings.contains(&t));
        Reach {
            para: p,
            own: [
                clause_start..at,
                sentence_start..clause_start,
                0..sentence_start,
            ],
            inherit: para.inherit,
            headings: para.headings.clone(),
            title,
        }
    }

    /// The nearest cue in `reach`, at a level of `levels`, that answers
    /// `ask`, with its level. `dated` is whether the year of the text near
    /// the figure is known.
    pub(super) fn find_cue(
        &self,
        reach: &Reach,
        ask: Ask,
        dated: bool,
        levels: std::ops::RangeInclusive<u8>,
    ) -> Option<(u8, CueKind)> {
        self.find_cue_at(reach, ask, dated, levels)
            .map(|(level, cue, _)| (level, cue.kind))
    }

    /// [`Doc::find_cue`], with the cue and the index of its paragraph.
    pub(super) fn find_cue_at(
        &self,
        reach: &Reach,
        ask: Ask,
        dated: bool,
        levels: std::ops::RangeInclusive<u8>,
    ) -> Option<(u8, Cue, usize)> {
        let para = &self.paras[reach.para];
        for (level, range) in (1u8..).zip(&reach.own) {
            if !levels.contains(&level) {
                continue;
            }
            if let Some(j) = para.look.own(ask, dated, level).last_in(range.clone()) {
                return Some((level, para.cues[j], reach.para));
            }
        }
        let t = ask.far(dated)?;
        let last = |q: usize| {
            let other = &self.paras[q];
            other.look.far[t]
                .last_in(0..other.cues.len())
                .map(|j| (other.cues[j], q))
        };
        let heading = reach
            .headings
            .end
            .checked_sub(1)
            .filter(|_| !reach.headings.is_empty())
            .and_then(|h| self.paras[h].look.far_chain[t]);
        [(4, reach.inherit), (5, heading), (6, reach.title)]
            .into_iter()
            .filter(|(level, _)| levels.contains(level))
            .find_map(|(level, q)| q.and_then(last).map(|(cue, q)| (level, cue, q)))
    }
}

/// For each mention, the last mention at or before it that passes `filter`
/// (see [`mention_kind`]).
fn mentions_before(ms: &[Mention], filter: usize) -> Vec<Option<usize>> {
    let mut last = None;
    ms.iter()
        .enumerate()
        .map(|(i, m)| {
            if mention_kind(m, filter) {
                last = Some(i);
            }
            last
        })
        .collect()
}

/// For each mention, the first mention at or after it that passes `filter`.
fn mentions_after(ms: &[Mention], filter: usize) -> Vec<Option<usize>> {
    let mut next = None;
    let mut after: Vec<Option<usize>> = ms
        .iter()
        .enumerate()
        .rev()
        .map(|(i, m)| {
            if mention_kind(m, filter) {
                next = Some(i);
            }
            next
        })
        .collect();
    after.reverse();
    after
}
