//! Reading the figures of a paragraph in turn: what each is in a statement
//! of change and which metric it counts, with what one figure leaves for
//! the next (the metric carried over, the names before it).

use std::ops::Range;

use crate::{Catalog, Dimension, Unit};

use super::change::{Role, baseline, opening};
use super::cues::Cue;
use super::document::Doc;
use super::facts::{ClauseFacts, SentenceFacts};
use super::figures::{Figure, figures};
use super::lexicon::Lexicon;
use super::metrics::{MetricHit, carries_over, content_words, find_metric, residual, respectively};
use super::sentences::Sentence;
use super::text::Norm;
use super::{Candidate, Options, Reason};

/// What a text is read with, besides the text.
pub(super) struct Env<'a> {
    pub(super) lexicon: &'a Lexicon,
    pub(super) catalog: &'a Catalog,
    pub(super) options: &'a Options,
}

/// Where a figure is: its paragraph, the sentence of the paragraph and the
/// clause of the sentence.
#[derive(Clone, Copy, Debug)]
pub(super) struct Site {
    pub(super) p: usize,
    pub(super) s: usize,
    pub(super) c: usize,
}

/// How a figure was read before its candidate is made.
pub(super) struct Reading {
    pub(super) hit: Option<MetricHit>,
    pub(super) role: Role,
    pub(super) reasons: Vec<Reason>,
    /// Hundredths taken off the confidence.
    pub(super) penalty: i64,
    /// The words after the figure, up to the next figure of its clause.
    pub(super) after: Range<usize>,
    /// The words before the figure, after those the figure before took.
    pub(super) before: Range<usize>,
    /// The words, after and before the figure, that probably name what it
    /// measures when no metric is recognised: none after the starting figure
    /// of a change (its verb), and those before the starting figure for the
    /// figure reached (重点数据中心从7个增长到50个).
    pub(super) named: (Range<usize>, Range<usize>),
}

/// The metric of the latest figure and its unit: a later clause that names
/// none carries it over (…1000个，2030年达到2000个).
type Carried = Option<(MetricHit, Unit)>;

impl Doc {
    /// Proposes the figures of paragraph `p`, in the order of the text.
    pub(super) fn candidates_of(&self, p: usize, env: &Env, out: &mut Vec<Candidate>) {
        let para = &self.paras[p];
        let n = &para.norm;
        let mut carried: Carried = None;
        // The mention the earlier clauses and sentences name first, nearest
        // first (places, then national bodies): for the first clause of a
        // sentence, then for the clause at hand.
        let mut named_before_sentence: [Option<usize>; 2] = [None; 2];
        let mut forecast_before = None;
        for (s, sentence) in para.sentences.iter().enumerate() {
            // A semicolon joins the parts of one statement.
            let after_semicolon = s > 0 && n.get(para.sentences[s - 1].range.end) == Some(';');
            if !after_semicolon {
                carried = None;
            }
            if let Some(prev) = s.checked_sub(1).map(|q| &para.sentences[q].range) {
                self.name_first(p, prev, &mut named_before_sentence);
            }
            let mut named_before = named_before_sentence;
            let compute_context = n.contains(sentence.range.clone(), "算力");
            let mut sentence_facts = SentenceFacts::of(n, &sentence.range);
            // A forecast governs the parts of its statement that semicolons
            // join (预计…将达到1270亿元；全市…将超过6300亿元).
            if after_semicolon {
                sentence_facts.inherit_forecast(forecast_before);
            }
            forecast_before = Some(sentence_facts);
            let clause_figures: Vec<Vec<Figure>> = sentence
                .clauses
                .iter()
                .map(|clause| figures(n, clause.clone(), compute_context))
                .collect();
            for (c, clause) in sentence.clauses.iter().enumerate() {
                if let Some(prev) = c.checked_sub(1).map(|q| &sentence.clauses[q]) {
                    self.name_first(p, prev, &mut named_before);
                }
                if clause_figures[c].is_empty() {
                    continue;
                }
                let facts = self.clause_facts(p, clause, named_before, sentence_facts);
                let at = Site { p, s, c };
                self.clause_candidates(at, &clause_figures, &facts, &mut carried, env, out);
            }
        }
    }

    /// Takes the first mention of each kind in `range` of paragraph `p`
    /// (see [`Doc::first_in`]) as the one named before, where there is one.
    fn name_first(&self, p: usize, range: &Range<usize>, named: &mut [Option<usize>; 2]) {
        for (filter, named) in named.iter_mut().enumerate() {
            *named = self.first_in(p, range, filter).or(*named);
        }
    }

    /// Proposes the figures of the clause at `at`, whose sentence's figures
    /// by clause are `clause_figures`.
    fn clause_candidates(
        &self,
        at: Site,
        clause_figures: &[Vec<Figure>],
        facts: &ClauseFacts,
        carried: &mut Carried,
        env: &Env,
        out: &mut Vec<Candidate>,
    ) {
        let para = &self.paras[at.p];
        let sentence = &para.sentences[at.s];
        let mut reader = ClauseReader::new(
            &para.norm,
            env.lexicon,
            &para.cues,
            sentence,
            clause_figures,
            at.c,
        );
        for (k, f) in clause_figures[at.c].iter().enumerate() {
            let reading = reader.read(k, carried);
            out.push(self.candidate(at, f, reading, facts, env));
        }
    }
}

/// The figures of a clause, read in turn: what each leaves for the next.
struct ClauseReader<'a> {
    n: &'a Norm,
    lexicon: &'a Lexicon,
    cues: &'a [Cue],
    sentence: &'a Sentence,
    /// The figures of each clause of the sentence.
    clause_figures: &'a [Vec<Figure>],
    /// The index of the clause in its sentence.
    c: usize,
    clause: Range<usize>,
    /// 其中 in the clause: its figures are parts of the one before.
    in_part: bool,
    /// The metrics of a list read with 分别, one per figure.
    paired: Option<Vec<MetricHit>>,
    /// The metric named in the earlier clauses without figures, by
    /// dimension.
    named_earlier: Vec<(Dimension, Option<MetricHit>)>,
    /// Where the words of the next figure may begin.
    claimed: usize,
    /// The metric of the figure before.
    previous: Option<MetricHit>,
    /// Where the starting figure of a change ends, when the next figure is
    /// the figure reached.
    reached_from: Option<usize>,
    /// The words before the starting figure of a change, which name what
    /// the figure reached measures too.
    change_named: Option<Range<usize>>,
}

impl<'a> ClauseReader<'a> {
    fn new(
        n: &'a Norm,
        lexicon: &'a Lexicon,
        cues: &'a [Cue],
        sentence: &'a Sentence,
        clause_figures: &'a [Vec<Figure>],
        c: usize,
    ) -> ClauseReader<'a> {
        let clause = sentence.clauses[c].clone();
        ClauseReader {
            in_part: n.contains(clause.clone(), "其中"),
            paired: respectively(n, lexicon, &clause, &clause_figures[c]),
            named_earlier: Vec::new(),
            claimed: clause.start,
            previous: None,
            reached_from: None,
            change_named: None,
            n,
            lexicon,
            cues,
            sentence,
            clause_figures,
            c,
            clause,
        }
    }

    /// Reads figure `k` of the clause; `carried` is the metric of the
    /// figure before, in this clause or an earlier one.
    fn read(&mut self, k: usize, carried: &mut Carried) -> Reading {
        let clause_figures = self.clause_figures;
        let figs = &clause_figures[self.c];
        let f = &figs[k];
        let role = self.role(k);
        let next = figs.get(k + 1).map_or(self.clause.end, |g| g.lead);
        let after = f.tail..next.max(f.tail);
        let before = self.claimed.max(self.clause.start)..f.lead.max(self.claimed);
        let mut reasons = Vec::new();
        let mut penalty = 0;
        let (mut hit, mut used_after) = self.nearby(k, f, &after, &before);
        if hit.is_none() && matches!(role, Role::Reached(_)) {
            // 高质量数据集从120个提高到500个: the metric of the starting
            // figure.
            hit = self.previous.clone();
            used_after = false;
        }
        if hit.is_none() && trailing_only(self.n, &after) {
            // The metric named in an earlier clause without a figure
            // (高质量数据集方面，建成50个).
            if let Some(h) = self.named_in_earlier_clause(f.value.dimension()) {
                reasons.push(Reason::MetricInPrecedingClause);
                hit = Some(h);
                used_after = false;
            }
        }
        if hit.is_none() && self.paired.is_none() {
            let over = self.carried_over(f, &after, &before, carried.as_ref());
            if let Some((h, why, cost)) = over {
                reasons.extend(why);
                penalty += cost;
                hit = Some(h);
                used_after = false;
            }
        }
        self.claimed = match (&hit, used_after) {
            (Some(h), true) => h.end,
            _ => f.end,
        };
        self.previous = hit.clone();
        if let Some(h) = &hit {
            *carried = Some((h.clone(), f.value.unit()));
        }
        let named = match role {
            Role::Baseline(_) => {
                let end = opening(self.n, before.start, f.lead).unwrap_or(before.end);
                let words = before.start..end.max(before.start);
                self.change_named = Some(words.clone());
                (f.tail..f.tail, words)
            }
            Role::Reached(_) => (
                after.clone(),
                self.change_named.take().unwrap_or_else(|| before.clone()),
            ),
            Role::Plain => (after.clone(), before.clone()),
        };
        Reading {
            hit,
            role,
            reasons,
            penalty,
            after,
            before,
            named,
        }
    }

    /// What figure `k` is in a statement of change.
    fn role(&mut self, k: usize) -> Role {
        let figs = &self.clause_figures[self.c];
        match self.reached_from.take() {
            Some(from) => Role::Reached(from),
            None => match baseline(self.n, self.cues, figs, k, self.claimed) {
                Some(date) => {
                    self.reached_from = Some(figs[k].end);
                    Role::Baseline(date)
                }
                None => Role::Plain,
            },
        }
    }

    /// The metric named next to figure `k`, and whether after it: first
    /// after a count, first before a volume or an amount; of a list read
    /// with 分别, its name.
    fn nearby(
        &self,
        k: usize,
        f: &Figure,
        after: &Range<usize>,
        before: &Range<usize>,
    ) -> (Option<MetricHit>, bool) {
        if let Some(hits) = &self.paired {
            return (hits.get(k).cloned(), false);
        }
        let dimension = f.value.dimension();
        let count_like = matches!(dimension, Dimension::Count | Dimension::Persons);
        let find =
            |r: &Range<usize>| find_metric(self.n, self.lexicon, r.clone(), dimension, f.start);
        if count_like {
            match find(after) {
                Some(h) => (Some(h), true),
                None => (find(before), false),
            }
        } else {
            match find(before) {
                Some(h) => (Some(h), false),
                None => (find(after), true),
            }
        }
    }

    /// The metric of `dimension` named in the clauses without figures right
    /// before this one (or, right before it, with figures of other
    /// dimensions only), found once per dimension.
    fn named_in_earlier_clause(&mut self, dimension: Dimension) -> Option<MetricHit> {
        if let Some((_, h)) = self.named_earlier.iter().find(|(d, _)| *d == dimension) {
            return h.clone();
        }
        // The clauses right before, without figures, or the one right before
        // with figures of other dimensions only (数字经济增加值增长55%，达到
        // 5.5万亿元).
        let other = |cc: usize| {
            self.clause_figures[cc]
                .iter()
                .all(|g| g.value.dimension() != dimension)
        };
        let h = (0..self.c)
            .rev()
            .enumerate()
            .take_while(|&(k, cc)| self.clause_figures[cc].is_empty() || (k == 0 && other(cc)))
            .map(|(_, cc)| cc)
            .find_map(|cc| {
                find_metric(
                    self.n,
                    self.lexicon,
                    self.sentence.clauses[cc].clone(),
                    dimension,
                    self.clause.start,
                )
            });
        self.named_earlier.push((dimension, h.clone()));
        h
    }

    /// The metric `carried` over to figure `f`, when its own words are none
    /// or name a kind of the same thing in the same unit: with the reasons
    /// and the hundredths taken off the confidence.
    fn carried_over(
        &self,
        f: &Figure,
        after: &Range<usize>,
        before: &Range<usize>,
        carried: Option<&(MetricHit, Unit)>,
    ) -> Option<(MetricHit, Vec<Reason>, i64)> {
        let (h, unit) = carried?;
        let n = self.n;
        let words = [residual(n, before), residual(n, after)].concat();
        let phrase: String = n.chars[h.pos..h.end].iter().collect();
        let name = content_words(&phrase);
        if !carries_over(*unit, f.value.unit(), &words, &name) {
            return None;
        }
        let mut reasons = vec![Reason::MetricCarriedOver(phrase)];
        let mut penalty = 5;
        if self.in_part {
            reasons.push(Reason::PartOfFigureBefore);
            penalty += 5;
        }
        Some((h.clone(), reasons, penalty))
    }
}

/// Whether the words after a figure name nothing (等, 的, 目标 aside).
fn trailing_only(n: &Norm, after: &Range<usize>) -> bool {
    n.text(after.clone())
        .trim_start_matches(['等', '的'])
        .trim_end_matches("目标")
        .is_empty()
}
