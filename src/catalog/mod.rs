//! The catalogue: every jurisdiction, metric, source, target and observation,
//! validated together, with lookups.
//!
//! Records are read (by the loader, or made in code) into [`Parts`], which
//! [`validate`] checks against each other and turns into a [`Catalog`].

mod grade;
mod parts;
mod resolve;
mod select;
mod validate;

pub(crate) use parts::{Cells, Fragment, Origin, Parts, Unread, located};
pub(crate) use validate::negative;

use crate::util::FxHashMap;

use chrono::NaiveDate;

use crate::error::Errors;
use crate::{Id, Jurisdiction, JurisdictionCode, Metric, Observation, Source, Target};

/// Every jurisdiction, metric, source, target and observation, checked
/// against each other: ids are unique, references resolve, units match their
/// metric's dimension, deadlines follow publication, ranges are ordered and
/// the `parent` relation has no cycle.
///
/// ```
/// use policy_targets::Catalog;
///
/// let catalog = Catalog::bundled()?;
/// let suzhou = catalog.find_jurisdiction("苏州").expect("bundled");
/// assert_eq!(suzhou.code.as_str(), "320500");
/// let target = catalog
///     .targets()
///     .iter()
///     .find(|t| t.jurisdiction == suzhou.code && t.metric.as_str() == "high_quality_datasets")
///     .expect("Suzhou's dataset target");
/// assert_eq!(target.value.to_string(), "300个");
/// assert_eq!(target.deadline.end().to_string(), "2027-12-31");
/// # Ok::<(), policy_targets::Errors>(())
/// ```
#[derive(Clone, Debug)]
pub struct Catalog {
    jurisdictions: Vec<Jurisdiction>,
    metrics: Vec<Metric>,
    sources: Vec<Source>,
    targets: Vec<Target>,
    observations: Vec<Observation>,
    by_code: FxHashMap<JurisdictionCode, usize>,
    by_metric: FxHashMap<Id, usize>,
    by_source: FxHashMap<Id, usize>,
    /// The position of each target by id, made when first asked for.
    by_target: std::sync::OnceLock<FxHashMap<Id, usize>>,
    /// The targets of each metric, made when first asked for.
    metric_targets: std::sync::OnceLock<select::ByMetric>,
    /// The observations of each metric, made when first asked for.
    metric_observations: std::sync::OnceLock<select::ByMetric>,
}

impl PartialEq for Catalog {
    fn eq(&self, other: &Catalog) -> bool {
        self.jurisdictions == other.jurisdictions
            && self.metrics == other.metrics
            && self.sources == other.sources
            && self.targets == other.targets
            && self.observations == other.observations
    }
}

impl Eq for Catalog {}

impl Catalog {
    /// Builds a catalogue from records made in code, with the same checks as
    /// [`Catalog::load`]; problems are placed by field path
    /// (`targets[2].metric`).
    pub fn new(
        jurisdictions: Vec<Jurisdiction>,
        metrics: Vec<Metric>,
        sources: Vec<Source>,
        targets: Vec<Target>,
        observations: Vec<Observation>,
    ) -> Result<Catalog, Errors> {
        Parts {
            jurisdictions: located(jurisdictions, "jurisdictions"),
            metrics: located(metrics, "metrics"),
            sources: located(sources, "sources"),
            targets: located(targets, "targets"),
            observations: located(observations, "observations"),
            ..Parts::default()
        }
        .build()
    }

    /// This catalogue with more targets and figures, checked as
    /// [`Catalog::new`] checks them (problems placed by field path), so that
    /// adding a target needs no rebuilding of the five lists by hand.
    ///
    /// ```
    /// use policy_targets::{Catalog, Comparator, Target};
    ///
    /// let catalog = Catalog::bundled()?;
    /// let before = catalog.targets().len();
    /// let guangxi = Target::new(
    ///     "guangxi_datasets_2027".parse()?,
    ///     "450000".parse()?,
    ///     "high_quality_datasets".parse()?,
    ///     Comparator::AtLeast,
    ///     "600个".parse()?,
    ///     "2027".parse()?,
    ///     "dgx_newsletter_2025_05".parse()?,
    /// )
    /// .quote("（示例）建成600个高质量数据集");
    /// let catalog = catalog.with(vec![guangxi], Vec::new())?;
    /// assert_eq!(catalog.targets().len(), before + 1);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn with(
        self,
        targets: impl IntoIterator<Item = Target>,
        observations: impl IntoIterator<Item = Observation>,
    ) -> Result<Catalog, Errors> {
        let Catalog {
            jurisdictions,
            metrics,
            sources,
            targets: mut all_targets,
            observations: mut all_observations,
            ..
        } = self;
        all_targets.extend(targets);
        all_observations.extend(observations);
        Catalog::new(
            jurisdictions,
            metrics,
            sources,
            all_targets,
            all_observations,
        )
    }

    /// Every jurisdiction, in file order.
    pub fn jurisdictions(&self) -> &[Jurisdiction] {
        &self.jurisdictions
    }

    /// Every metric, in file order.
    pub fn metrics(&self) -> &[Metric] {
        &self.metrics
    }

    /// Every source, in file order.
    pub fn sources(&self) -> &[Source] {
        &self.sources
    }

    /// Every target, in file order.
    pub fn targets(&self) -> &[Target] {
        &self.targets
    }

    /// The target with this id (found through an index of the ids made on
    /// the first call).
    ///
    /// ```
    /// use policy_targets::Catalog;
    ///
    /// let catalog = Catalog::bundled()?;
    /// let first = &catalog.targets()[0];
    /// assert_eq!(catalog.target(first.id.as_str()), Some(first));
    /// assert_eq!(catalog.target("no_such_target"), None);
    /// # Ok::<(), policy_targets::Errors>(())
    /// ```
    pub fn target(&self, id: &str) -> Option<&Target> {
        let by_id = self.by_target.get_or_init(|| {
            self.targets
                .iter()
                .enumerate()
                .map(|(i, t)| (t.id.clone(), i))
                .collect()
        });
        by_id.get(id).map(|&i| &self.targets[i])
    }

    /// Every observation, in file order.
    pub fn observations(&self) -> &[Observation] {
        &self.observations
    }

    /// The jurisdiction with this code.
    pub fn jurisdiction(&self, code: &str) -> Option<&Jurisdiction> {
        self.by_code.get(code).map(|&i| &self.jurisdictions[i])
    }

    /// The jurisdiction with this code, name (Chinese or English) or alias.
    pub fn find_jurisdiction(&self, name: &str) -> Option<&Jurisdiction> {
        self.jurisdiction(name.trim())
            .or_else(|| self.jurisdictions.iter().find(|j| j.is_named(name)))
    }

    /// The metric with this id.
    pub fn metric(&self, id: &str) -> Option<&Metric> {
        self.by_metric.get(id).map(|&i| &self.metrics[i])
    }

    /// The position of the metric with this id in [`Catalog::metrics`].
    pub(crate) fn metric_number(&self, id: &str) -> Option<usize> {
        self.by_metric.get(id).copied()
    }

    /// The metric with this id, Chinese or English name, or alias.
    pub fn find_metric(&self, name: &str) -> Option<&Metric> {
        let name = name.trim();
        self.metric(name).or_else(|| {
            self.metrics.iter().find(|m| {
                m.name_zh == name
                    || m.name_en.eq_ignore_ascii_case(name)
                    || m.aliases.iter().any(|a| a == name)
            })
        })
    }

    /// The source with this id.
    pub fn source(&self, id: &str) -> Option<&Source> {
        self.by_source.get(id).map(|&i| &self.sources[i])
    }

    /// The first day of a target's period: its own period's start, else its
    /// source's plan period's start, else January 1 of the source's
    /// publication year.
    pub fn period_start(&self, target: &Target) -> NaiveDate {
        period_start_of(target, self.source(target.source.as_str()))
    }

    /// The jurisdictions `code` lies in, nearest first (苏州 → 江苏 → 中国).
    pub fn ancestors<'a>(&'a self, code: &str) -> impl Iterator<Item = &'a Jurisdiction> + 'a {
        let mut next = self.jurisdiction(code).and_then(|j| j.parent.clone());
        let mut steps = 0;
        std::iter::from_fn(move || {
            let j = self.jurisdiction(next.take()?.as_str())?;
            steps += 1;
            if steps > self.jurisdictions.len() {
                return None;
            }
            next = j.parent.clone();
            Some(j)
        })
    }
}

/// [`Catalog::period_start`] of `target`, whose source is `source`.
pub(crate) fn period_start_of(target: &Target, source: Option<&Source>) -> NaiveDate {
    target
        .period
        .or_else(|| source.and_then(|s| s.period))
        .map(|p| p.start())
        .or_else(|| source.and_then(|s| NaiveDate::from_ymd_opt(s.published.year(), 1, 1)))
        .unwrap_or(NaiveDate::MIN)
}
