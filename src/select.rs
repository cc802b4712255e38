//! Which target counts for a jurisdiction and metric on a date.

use chrono::NaiveDate;

use crate::{Catalog, Source, Status, Target};

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

    /// The target that counts for each jurisdiction on `metric` on `as_of`,
    /// in catalogue order of first appearance.
    ///
    /// Among the targets whose source is in force, the one with the nearest
    /// deadline on or after `as_of` is chosen, else the one with the latest
    /// deadline. Ties go to the stronger source (legal force, then final over
    /// draft, then the later publication), then to the smaller id.
    pub fn select_targets(&self, metric: &str, as_of: NaiveDate) -> Vec<&Target> {
        let mut chosen: Vec<&Target> = Vec::new();
        for t in self.targets() {
            if t.metric.as_str() != metric {
                continue;
            }
            let Some(source) = self.source(t.source.as_str()) else {
                continue;
            };
            if !self.in_force(source, as_of) {
                continue;
            }
            match chosen.iter_mut().find(|c| c.jurisdiction == t.jurisdiction) {
                Some(current) => {
                    if self.preference(t, as_of) > self.preference(current, as_of) {
                        *current = t;
                    }
                }
                None => chosen.push(t),
            }
        }
        chosen
    }

    /// A sort key: greater is preferred.
    fn preference(&self, t: &Target, as_of: NaiveDate) -> impl Ord {
        let end = t.deadline.end();
        let upcoming = end >= as_of;
        // Upcoming: the nearest deadline wins; past: the latest wins.
        let when = if upcoming {
            -(end - as_of).num_days()
        } else {
            (end - as_of).num_days()
        };
        let source = self.source(t.source.as_str());
        let force = source.map(|s| s.force);
        let final_ = source.map(|s| s.status == Status::Final);
        let published = source.map(|s| s.published.last_day());
        (
            upcoming,
            when,
            force,
            final_,
            published,
            std::cmp::Reverse(t.id.clone()),
        )
    }
}
