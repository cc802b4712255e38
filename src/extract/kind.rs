//! Target or reported figure, by the nearest cue that settles it; and the
//! deadline and plan period of a target or the date of a reported figure.

use crate::{Deadline, PartialDate, Period};

use super::candidate::Score;
use super::change::{Role, opening};
use super::cues::{Cue, CueKind};
use super::document::Doc;
use super::facts::ClauseFacts;
use super::figures::{Before, Figure};
use super::looks::{Ask, Reach};
use super::relative::duration_at;
use super::{DateFrom, InferredDate, Kind, Reason};

/// The dates of a candidate.
#[derive(Default)]
pub(super) struct Dates {
    pub(super) deadline: Option<Deadline>,
    pub(super) period: Option<Period>,
    pub(super) as_of: Option<PartialDate>,
    /// How the date was inferred, when the text does not write it out.
    pub(super) inferred: Option<InferredDate>,
}

impl Doc {
    /// Whether figure `f`, which looks for its cues in `reach`, is a target
    /// or a reported figure.
    pub(super) fn kind(
        &self,
        reach: &Reach,
        f: &Figure,
        facts: &ClauseFacts,
        role: Role,
        score: &mut Score,
    ) -> Kind {
        let ctx_year = self.paras[reach.para].year;
        let dated = ctx_year.is_some();
        // Words after the figure that settle it (同比增长, …的目标) count
        // after its own sentence's earlier words.
        let later = |at: Option<usize>| at.is_some_and(|at| at >= f.end);
        let after_cue = if later(facts.sentence.reported_after) {
            Some(Kind::Observation)
        } else if later(facts.sentence.target_after) {
            Some(Kind::Target)
        } else {
            None
        };
        let decide = |cue: CueKind| match cue {
            CueKind::AsOf(_) | CueKind::ReportWord | CueKind::Unresolved(true) => Kind::Observation,
            CueKind::Bare(d, _) | CueKind::End(d) if ctx_year.is_some_and(|y| d.year() < y) => {
                Kind::Observation
            }
            // A period over before the year of writing (2020年至2024年 in
            // 2025) is looked back on, not planned.
            CueKind::Period(p) if ctx_year.is_some_and(|y| p.to().year() < y) => Kind::Observation,
            _ => Kind::Target,
        };
        let mut by_verb = false;
        let (kind, level) = if let Role::Baseline(_) = role {
            score.reason(Reason::StartingFigure);
            (Some(Kind::Observation), 1)
        } else if let Some((lv, cue)) = self.find_cue(reach, Ask::Kind, dated, 1..=2) {
            (Some(decide(cue)), lv)
        } else if let Some(k) = after_cue {
            (Some(k), 2)
        } else if let Some(verb) = self.verb_before(reach, f) {
            // 重点打造90个: a building verb right before the figure settles
            // it before the cues of earlier sentences, save a word of reports
            // that leads a list the figure is in (目前已形成…；引进企业223家)
            // or 累计 before the verb (累计建成基站21万座: built so far).
            let so_far = self.paras[reach.para]
                .norm
                .str(verb.saturating_sub(2), verb)
                == "累计";
            let kind = if so_far || self.report_leads_list(reach, f) {
                Kind::Observation
            } else {
                Kind::Target
            };
            by_verb = true;
            (Some(kind), 2)
        } else if let Some((lv, cue)) = self.find_cue(reach, Ask::Kind, dated, 3..=6) {
            (Some(decide(cue)), lv)
        } else {
            (None, 0)
        };
        // A bare date that could not settle it (the year of the text is not
        // known).
        let bare_seen =
            kind.is_none() && !dated && self.find_cue(reach, Ask::Dated, dated, 1..=6).is_some();
        let settled =
            by_verb || after_cue == Some(Kind::Target) || matches!(role, Role::Reached(_));
        if kind != Some(Kind::Observation) && !settled && !self.looks_ahead(reach, f, dated) {
            // A building verb, a word that names a plan, or nothing, with no
            // deadline, plan period or word that sets a goal: 引进企业223家,
            // 数据骨干企业突破1000家 report what was done.
            score.lower(if kind.is_some() { 0 } else { 5 });
            score.reason(Reason::NoFutureCue);
            return Kind::Observation;
        }
        match kind {
            Some(k) => {
                score.raise(match level {
                    1 | 2 => 10,
                    _ => 5,
                });
                k
            }
            None => {
                let written = self.paras[reach.para].reference.is_some();
                if !facts.verb && !bare_seen && written && !self.in_work_report(reach.para) {
                    score.lower(10);
                    score.reason(Reason::NoCueReported);
                    return Kind::Observation;
                }
                if !facts.verb && !bare_seen {
                    score.lower(10);
                    score.reason(Reason::NoCueTarget);
                }
                Kind::Target
            }
        }
    }

    /// Whether anything in `reach` looks ahead for figure `f`: a deadline or
    /// a plan period, a date that can be a deadline, a word that sets a goal
    /// (力争, 目标, 将), or a bound that goals are written with (不少于,
    /// 以上, 不超过); in a government work report, its tasks.
    fn looks_ahead(&self, reach: &Reach, f: &Figure, dated: bool) -> bool {
        use crate::Comparator as C;
        let bound = matches!(f.before, Some(Before::Strict(C::AtLeast | C::AtMost)))
            || matches!(f.after, Some(C::AtLeast | C::AtMost));
        // A word that names or issues a plan counts in the figure's own
        // sentence, a list it continues and its headings (…印发…实施意见，推动…
        // 达10000个), not in the sentences before it (深入实施…行动。…突破1000家).
        let plan = |levels| self.find_cue(reach, Ask::PlanWord, dated, levels).is_some();
        bound
            || self.in_work_report(reach.para)
            || plan(1..=2)
            || plan(4..=6)
            || self.find_cue(reach, Ask::Future, dated, 1..=6).is_some()
            || self.find_cue(reach, Ask::Deadline, dated, 1..=6).is_some()
            || self
                .find_cue(reach, Ask::BareDeadline, dated, 1..=3)
                .is_some()
    }

    /// Whether a word of reports opens the list that figure `f` is an item
    /// of: the sentences before it up to the last full stop, which
    /// semicolons join (目前已形成…；引进和培育企业223家).
    fn report_leads_list(&self, reach: &Reach, f: &Figure) -> bool {
        let para = &self.paras[reach.para];
        let n = &para.norm;
        let from = f.lead.saturating_sub(240);
        let start = (from..f.lead)
            .rev()
            .find(|&k| matches!(n.get(k), Some('。' | '!' | '?' | '！' | '？')))
            .map_or(from, |k| k + 1);
        let from = para.cues.partition_point(|c| c.pos < start);
        let to = reach.own[0].end.max(from);
        para.cues[from..to].iter().any(|c| {
            matches!(
                c.kind,
                CueKind::ReportWord | CueKind::AsOf(_) | CueKind::Unresolved(true)
            )
        })
    }

    /// The position of a building verb of the figure's clause that comes
    /// right before it (重点打造90个, 建设不少于300个), with no 的 between
    /// them (建成投运的标准机架2万个 reports what was built).
    fn verb_before(&self, reach: &Reach, f: &Figure) -> Option<usize> {
        let para = &self.paras[reach.para];
        let own = reach.own[0].clone();
        let verb = para.cues[own]
            .iter()
            .rev()
            .take(8)
            .find(|c| c.kind == CueKind::Verb)?;
        let between = para.norm.str(verb.pos, f.lead);
        (!between.contains('的') && between.chars().count() <= 8).then_some(verb.pos)
    }

    /// The dates of a figure of paragraph `p` and of `kind`, which looks
    /// for its cues in `reach`.
    pub(super) fn dates(
        &self,
        p: usize,
        (reach, f): (&Reach, &Figure),
        kind: Kind,
        role: Role,
        score: &mut Score,
    ) -> Dates {
        match kind {
            Kind::Target => self.target_dates(p, reach, score),
            Kind::Observation => {
                let (as_of, inferred) = match role {
                    // Only the date the text gives the starting figure.
                    Role::Baseline(date) => (date, None),
                    _ => self.as_of(p, reach, f, score),
                };
                if as_of.is_none() {
                    score.lower(10);
                    self.unknown_date(reach, score)
                        .unwrap_or_else(|| score.reason(Reason::NoDate));
                }
                Dates {
                    as_of,
                    inferred,
                    ..Dates::default()
                }
            }
        }
    }

    /// The dates of a forecast: the year it is made for (the deadline a
    /// target would have) as the date of the figure; without one, the date
    /// of a reported figure.
    pub(super) fn forecast_dates(
        &self,
        p: usize,
        (reach, f): (&Reach, &Figure),
        role: Role,
        score: &mut Score,
    ) -> Dates {
        let mut trial = Score::trial();
        let target = self.target_dates(p, reach, &mut trial);
        match target.deadline {
            Some(d) => {
                score.absorb(trial);
                Dates {
                    as_of: Some(d.date()),
                    inferred: target.inferred,
                    ..Dates::default()
                }
            }
            None => self.dates(p, (reach, f), Kind::Observation, role, score),
        }
    }

    /// The deadline and plan period of a target: a deadline, else the end
    /// of the plan period, else a bare date.
    fn target_dates(&self, p: usize, reach: &Reach, score: &mut Score) -> Dates {
        let dated = self.paras[p].year.is_some();
        let mut found = None;
        let mut date = |ask: Ask, levels| match self.find_cue_at(reach, ask, dated, levels) {
            Some((_, cue, q)) => match cue.kind {
                CueKind::Deadline(d) | CueKind::End(d) | CueKind::Bare(d, _) => {
                    found = Some((q, cue));
                    Some(Deadline::new(d))
                }
                _ => None,
            },
            _ => None,
        };
        let period = match self.find_cue(reach, Ask::Period, dated, 1..=6) {
            Some((_, CueKind::Period(p))) => Some(p),
            _ => None,
        };
        let mut deadline = date(Ask::Deadline, 1..=6);
        if deadline.is_none() {
            if let Some(p) = period {
                deadline = Some(Deadline::new(p.to()));
                score.reason(Reason::DeadlineFromPeriod);
            }
        }
        if deadline.is_none() {
            deadline = date(Ask::BareDeadline, 1..=3);
            if let Some(d) = deadline {
                score.lower(5);
                score.reason(Reason::DeadlineFromBareDate(d));
            }
        }
        if deadline.is_none() {
            // The year of a heading (长沙市2025年重点任务).
            deadline = date(Ask::Dated, 5..=6);
            if let Some(d) = deadline {
                score.lower(5);
                score.reason(Reason::DeadlineFromHeading(d));
            }
        }
        let mut period = period;
        if deadline.is_none() {
            // The plan the text reports issued (印发《…方案（2022—2024年）》),
            // whose targets the later paragraphs give.
            if let Some(issued) = self.issued_plan_period(p) {
                deadline = Some(Deadline::new(issued.to()));
                period = Some(issued);
                score.reason(Reason::DeadlineFromPeriod);
            }
        }
        let mut inferred = None;
        if deadline.is_none() && self.in_work_report(p) {
            // A task of a government work report is due by the end of the
            // year it is given in.
            if let Some((reference, from)) = self.paras[p].reference {
                deadline = Some(Deadline::new(PartialDate::Year(reference.year())));
                let words = "政府工作报告".to_owned();
                score.reason(Reason::DateInferred {
                    words: words.clone(),
                    from,
                    reference,
                });
                inferred = Some(InferredDate {
                    words,
                    reference,
                    from,
                });
            }
        }
        if deadline.is_none() {
            score.lower(10);
            self.unknown_date(reach, score)
                .unwrap_or_else(|| score.reason(Reason::NoDeadline));
        }
        let inferred = inferred.or_else(|| {
            found
                .filter(|_| deadline.is_some())
                .and_then(|(q, cue)| self.inferred(q, cue, score))
        });
        Dates {
            deadline,
            period,
            as_of: None,
            inferred,
        }
    }

    /// How the date of `cue`, of paragraph `q`, was inferred, if it was read
    /// from a relative date (今年, 目前), with a reason.
    fn inferred(&self, q: usize, cue: Cue, score: &mut Score) -> Option<InferredDate> {
        let para = &self.paras[q];
        para.relative.binary_search(&cue.pos).ok()?;
        let (reference, from) = para.reference?;
        let n = &para.norm;
        let end = para
            .cues
            .iter()
            .find(|c| c.pos > cue.pos)
            .map_or(n.len(), |c| c.pos)
            .min(cue.pos + 8);
        let words: String = n
            .text(cue.pos..end)
            .chars()
            .take_while(|c| !matches!(c, '，' | ',' | '。' | ':' | ';'))
            .collect();
        let words = match duration_at(n, cue.pos) {
            Some((_, end)) => n.text(cue.pos..end),
            None => relative_words(&words),
        };
        score.reason(Reason::DateInferred {
            words: words.clone(),
            from,
            reference,
        });
        Some(InferredDate {
            words,
            reference,
            from,
        })
    }

    /// A reason saying the date is unknown, when the figure's date is
    /// written relative to a date of writing that is not known (今年).
    fn unknown_date(&self, reach: &Reach, score: &mut Score) -> Option<()> {
        let dated = self.paras[reach.para].year.is_some();
        self.find_cue(reach, Ask::Unresolved, dated, 1..=3)?;
        score.reason(Reason::DateUnknown);
        Some(())
    }

    /// The date of a reported figure of paragraph `p`: as the text dates it,
    /// else the date of its section heading, else the publication date; and
    /// how it was inferred.
    fn as_of(
        &self,
        p: usize,
        reach: &Reach,
        f: &Figure,
        score: &mut Score,
    ) -> (Option<PartialDate>, Option<InferredDate>) {
        let dated = self.paras[p].year.is_some();
        let found = self.find_cue_at(reach, Ask::AsOf, dated, 1..=6);
        // A relative date nearer than any date found (2024年…。今年…):
        // unknown, not the date further away.
        let unresolved = self.find_cue(reach, Ask::Unresolved, dated, 1..=3);
        let found = match (found, unresolved) {
            (Some((level, ..)), Some((near, _))) if near <= level => None,
            // The date of the starting figure of a change (从2020年的7个增长
            // 到50个, 其中…已超过97%) is that figure's alone.
            (Some((_, cue, q)), _) if q == p && self.dates_another_start(p, cue.pos, f) => None,
            (found, _) => found,
        };
        let as_of = match found.map(|(_, cue, _)| cue.kind) {
            Some(CueKind::AsOf(d) | CueKind::Bare(d, _) | CueKind::End(d) | CueKind::Event(d)) => {
                Some(d)
            }
            // A figure of a period over (2020年至2024年): of its end.
            Some(CueKind::Period(period)) => Some(period.to()),
            Some(CueKind::MonthDay(m, day)) => self.resolve_month_day(p, m, day),
            _ => None,
        };
        if as_of.is_some() {
            let inferred = found.and_then(|(_, cue, q)| self.inferred(q, cue, score));
            return (as_of, inferred);
        }
        if unresolved.is_some() {
            return (None, None);
        }
        let para = &self.paras[p];
        let (date, from) = match (para.section, para.reference) {
            (Some(d), _) => {
                score.reason(Reason::DatedBySection);
                (d, DateFrom::DateLine)
            }
            (None, Some((d, from))) => {
                score.reason(Reason::DatedByPublication(d));
                (d, from)
            }
            (None, None) => return (None, None),
        };
        let inferred = InferredDate {
            words: String::new(),
            reference: date,
            from,
        };
        (Some(date), Some(inferred))
    }

    /// Whether the date at `pos` of paragraph `p` opens the starting figure
    /// of a change (从2020年的, 由2023年) other than figure `f`.
    fn dates_another_start(&self, p: usize, pos: usize, f: &Figure) -> bool {
        let n = &self.paras[p].norm;
        let opens = pos > 0 && matches!(n.get(pos - 1), Some('从' | '由'));
        opens && opening(n, pos - 1, f.lead) != Some(pos - 1)
    }
}

/// The relative date words at the start of `text` (今年上半年, 截至目前).
fn relative_words(text: &str) -> String {
    let end = text
        .char_indices()
        .find(|&(_, c)| {
            !(c.is_ascii_digit()
                || "今本当去前明年上半三一第季度个月底末以来目至截止到".contains(c))
        })
        .map_or(text.len(), |(k, _)| k);
    text[..end].to_owned()
}
