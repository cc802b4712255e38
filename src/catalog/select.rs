//! Which target counts for a jurisdiction and metric on a date.

use std::cmp::Reverse;

use chrono::NaiveDate;

use crate::util::{FxHashMap, FxHashSet};
use crate::{Catalog, Force, Grade, Id, JurisdictionCode, Observation, Source, Status, Target};

impl Catalog {
    /// Whether a source is in force on `as_of`: published by then (to the
    /// last day of its stated precision) and not superseded by a source
    /// published by then. A draft thus counts only while no final version
    /// that supersedes it is out.
    pub fn in_force(&self, source: &Source, as_of: NaiveDate) -> bool {
        source.published.last_day() <= as_of
            && !self.sources().iter().any(|s| {
                s.supersedes.as_ref() == Some(&source.id) && s.published.last_day() <= as_of
            })
    }

    /// The ids of the sources in force on `as_of` (see
    /// [`Catalog::in_force`]), found in one pass over the sources.
    pub(crate) fn sources_in_force(&self, as_of: NaiveDate) -> FxHashSet<&str> {
        let out = |s: &Source| s.published.last_day() <= as_of;
        let superseded: FxHashSet<&Id> = self
            .sources()
            .iter()
            .filter(|s| out(s))
            .filter_map(|s| s.supersedes.as_ref())
            .collect();
        self.sources()
            .iter()
            .filter(|s| out(s) && !superseded.contains(&s.id))
            .map(|s| s.id.as_str())
            .collect()
    }

    /// The target that counts for each jurisdiction on `metric` on `as_of`,
    /// in catalogue order of first appearance.
    ///
    /// Among the targets whose source is in force ([`Catalog::in_force`]),
    /// the one with the nearest deadline on or after `as_of` is chosen, else
    /// (when every deadline has passed) the one with the latest deadline;
    /// deadlines compare by their last day. Ties go to the stronger source
    /// (legal force, then final over draft, then the later publication, by
    /// its last day), then to the smaller id.
    ///
    /// Time grows linearly with the numbers of the metric's targets and of
    /// sources (the targets of each metric are found once, on first use).
    pub fn select_targets(&self, metric: &str, as_of: NaiveDate) -> Vec<&Target> {
        self.select_graded(metric, as_of, None).0
    }

    /// [`Catalog::select_targets`] among the targets whose source passes
    /// `min_grade` ([`Catalog::passes`]), with the number of targets in
    /// force on `metric` left out for their grade.
    pub(crate) fn select_graded(
        &self,
        metric: &str,
        as_of: NaiveDate,
        min_grade: Option<Grade>,
    ) -> (Vec<&Target>, usize) {
        let numbers = self.metric_targets().of_metric(self.metric_number(metric));
        let in_force = self.sources_in_force(as_of);
        let mut left_out = 0;
        let mut chosen: Vec<(&Target, Preference<'_>)> = Vec::new();
        // Where each jurisdiction's choice sits in `chosen`.
        let mut slot: FxHashMap<&JurisdictionCode, usize> = FxHashMap::default();
        for t in numbers.iter().map(|&i| &self.targets()[i as usize]) {
            if !in_force.contains(t.source.as_str()) {
                continue;
            }
            if !self.passes(t.source.as_str(), min_grade) {
                left_out += 1;
                continue;
            }
            let preference = self.preference(t, as_of);
            match slot.get(&t.jurisdiction) {
                Some(&i) => {
                    if preference > chosen[i].1 {
                        chosen[i] = (t, preference);
                    }
                }
                None => {
                    slot.insert(&t.jurisdiction, chosen.len());
                    chosen.push((t, preference));
                }
            }
        }
        (chosen.into_iter().map(|(t, _)| t).collect(), left_out)
    }

    /// The targets of each metric ([`ByMetric`]), made on first use.
    fn metric_targets(&self) -> &ByMetric {
        self.metric_targets.get_or_init(|| {
            let metrics = || metric_numbers(self, self.targets().iter().map(|t| &t.metric));
            ByMetric::of(self.metrics().len(), metrics)
        })
    }

    /// The observations of `metric`, in catalogue order (through an index
    /// of the observations by metric made on first use).
    pub(crate) fn observations_of(&self, metric: &str) -> impl Iterator<Item = &Observation> {
        let by_metric = self.metric_observations.get_or_init(|| {
            let ids = || metric_numbers(self, self.observations().iter().map(|o| &o.metric));
            ByMetric::of(self.metrics().len(), ids)
        });
        by_metric
            .of_metric(self.metric_number(metric))
            .iter()
            .map(|&i| &self.observations()[i as usize])
    }

    /// How much a target is preferred on `as_of`: greater is preferred.
    fn preference<'a>(&'a self, t: &'a Target, as_of: NaiveDate) -> Preference<'a> {
        let end = t.deadline.end();
        let upcoming = end >= as_of;
        // Upcoming: the nearest deadline wins; past: the latest wins.
        let days = (end - as_of).num_days();
        let when = if upcoming { -days } else { days };
        let source = self.source(t.source.as_str());
        (
            upcoming,
            when,
            source.map(|s| s.force),
            source.map(|s| s.status == Status::Final),
            source.map(|s| s.published.last_day()),
            Reverse(&t.id),
        )
    }
}

/// The sort key of [`Catalog::preference`], compared in order: deadline on
/// or after the as-of date, closeness of the deadline (nearest upcoming or
/// latest past), legal force, final over draft, publication day, smaller id.
type Preference<'a> = (
    bool,
    i64,
    Option<Force>,
    Option<bool>,
    Option<NaiveDate>,
    Reverse<&'a Id>,
);

/// The numbers of the records (targets or observations) of each metric,
/// in catalogue order: what [`Catalog::select_targets`] chooses among, or
/// the figures of one metric, found without a look at every other record.
#[derive(Clone, Debug, Default)]
pub(crate) struct ByMetric {
    /// Record numbers, metric by metric.
    numbers: Vec<u32>,
    /// Where the numbers of each metric start in `numbers`, and the end.
    starts: Vec<usize>,
}

impl ByMetric {
    /// The records of each of `metrics` metrics, given the metric number of
    /// each record in order (`make` gives that sequence afresh): one pass
    /// counts, a second places.
    fn of<I>(metrics: usize, make: impl Fn() -> I) -> ByMetric
    where
        I: Iterator<Item = Option<usize>>,
    {
        let mut starts = vec![0usize; metrics + 1];
        for m in make().flatten() {
            starts[m + 1] += 1;
        }
        for i in 1..starts.len() {
            starts[i] += starts[i - 1];
        }
        let mut next = starts.clone();
        let mut numbers = vec![0u32; starts[starts.len() - 1]];
        for (i, m) in make().enumerate() {
            if let Some(m) = m {
                numbers[next[m]] = i as u32;
                next[m] += 1;
            }
        }
        ByMetric { numbers, starts }
    }

    /// The numbers of the records of metric number `metric`, in catalogue
    /// order; none for no metric.
    fn of_metric(&self, metric: Option<usize>) -> &[u32] {
        match metric {
            Some(m) if m + 1 < self.starts.len() => {
                &self.numbers[self.starts[m]..self.starts[m + 1]]
            }
            _ => &[],
        }
    }
}

/// The metric number of each of `ids`, in order (a catalogue's records
/// name known metrics). Records mostly come metric by metric, so the last
/// lookup is reused.
fn metric_numbers<'a>(
    catalog: &'a Catalog,
    ids: impl Iterator<Item = &'a Id> + 'a,
) -> impl Iterator<Item = Option<usize>> + 'a {
    let mut last: Option<(&str, Option<usize>)> = None;
    ids.map(move |id| {
        let m = match last {
            Some((known, m)) if known == id.as_str() => m,
            _ => catalog.metric_number(id.as_str()),
        };
        last = Some((id.as_str(), m));
        m
    })
}
