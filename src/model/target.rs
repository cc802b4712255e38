//! Targets (目标) and observations (实绩).

use chrono::NaiveDate;

use crate::{Basis, Comparator, Deadline, Id, JurisdictionCode, PartialDate, Period, Quantity};

/// A reference level a target is measured from.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Baseline {
    /// The level.
    pub value: Quantity,
    /// When it was that.
    pub as_of: PartialDate,
}

/// A quantitative goal of one jurisdiction for one metric, with its deadline
/// and the words of its source.
///
/// Made by [`Target::new`] and its setters (the struct is
/// `#[non_exhaustive]`, so that a field added later breaks no caller):
///
/// ```
/// use policy_targets::{Comparator, PartialDate, Target};
///
/// let target = Target::new(
///     "jiangsu_datasets_2027".parse()?,
///     "320000".parse()?,
///     "high_quality_datasets".parse()?,
///     Comparator::AtLeast,
///     "1000个".parse()?,
///     "2027".parse()?,
///     "jiangsu_plan".parse()?,
/// )
/// .quote("形成1000个高质量数据集");
/// assert_eq!(target.deadline.end().to_string(), "2027-12-31");
/// assert_eq!(target.value.to_string(), "1000个");
/// # Ok::<(), policy_targets::ParseError>(())
/// ```
#[derive(Clone, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub struct Target {
    /// snake_case id, unique among targets and observations.
    pub id: Id,
    /// Who set it.
    pub jurisdiction: JurisdictionCode,
    /// What it measures.
    pub metric: Id,
    /// How `value` is meant.
    pub comparator: Comparator,
    /// The value as written (the lower bound of a range).
    pub value: Quantity,
    /// The upper bound of a `range`.
    pub upper: Option<Quantity>,
    /// When it is due.
    pub deadline: Deadline,
    /// Its plan period, where it differs from its source's.
    pub period: Option<Period>,
    /// The level it starts from, where stated.
    pub baseline: Option<Baseline>,
    /// Stock or flow, where it differs from the metric's default.
    pub basis: Option<Basis>,
    /// The source document's id.
    pub source: Id,
    /// The original words, verbatim.
    pub quote: String,
    /// A remark (e.g. on an OCR typo in the quote).
    pub note: Option<String>,
}

/// A reported figure: the level of a metric in a jurisdiction on a date.
///
/// Made by [`Observation::new`] and its setters (the struct is
/// `#[non_exhaustive]`):
///
/// ```
/// use policy_targets::Observation;
///
/// let figure = Observation::new(
///     "henan_backbone_2025".parse()?,
///     "410000".parse()?,
///     "data_backbone_enterprises".parse()?,
///     "1000家".parse()?,
///     "2025-12".parse()?,
///     "henan_report".parse()?,
/// )
/// .quote("数据骨干企业突破1000家");
/// assert_eq!(figure.date().to_string(), "2025-12-31");
/// # Ok::<(), policy_targets::ParseError>(())
/// ```
#[derive(Clone, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub struct Observation {
    /// snake_case id, unique among targets and observations.
    pub id: Id,
    /// Whose figure it is.
    pub jurisdiction: JurisdictionCode,
    /// What it measures.
    pub metric: Id,
    /// The value as written.
    pub value: Quantity,
    /// The date the figure refers to, to the precision known.
    pub as_of: PartialDate,
    /// Set when the figure is a bound (超过 83亿元 → `more_than`).
    pub comparator: Option<Comparator>,
    /// The source document's id.
    pub source: Id,
    /// The original words, verbatim.
    pub quote: String,
    /// A remark.
    pub note: Option<String>,
}

impl Target {
    /// A target with no upper bound, period, baseline, basis, quote or note
    /// (set them with the methods below).
    pub fn new(
        id: Id,
        jurisdiction: JurisdictionCode,
        metric: Id,
        comparator: Comparator,
        value: Quantity,
        deadline: Deadline,
        source: Id,
    ) -> Target {
        Target {
            id,
            jurisdiction,
            metric,
            comparator,
            value,
            upper: None,
            deadline,
            period: None,
            baseline: None,
            basis: None,
            source,
            quote: String::new(),
            note: None,
        }
    }

    /// With the source's own words.
    pub fn quote(mut self, quote: impl Into<String>) -> Target {
        self.quote = quote.into();
        self
    }

    /// With the upper bound of a [`Comparator::Range`].
    pub fn upper(mut self, upper: Quantity) -> Target {
        self.upper = Some(upper);
        self
    }

    /// With the plan period.
    pub fn period(mut self, period: Period) -> Target {
        self.period = Some(period);
        self
    }

    /// With a baseline.
    pub fn baseline(mut self, baseline: Baseline) -> Target {
        self.baseline = Some(baseline);
        self
    }

    /// With a basis other than the metric's.
    pub fn basis(mut self, basis: Basis) -> Target {
        self.basis = Some(basis);
        self
    }

    /// With a remark.
    pub fn note(mut self, note: impl Into<String>) -> Target {
        self.note = Some(note.into());
        self
    }
}

impl Observation {
    /// A figure without comparator, quote or note (set them with the
    /// methods below).
    pub fn new(
        id: Id,
        jurisdiction: JurisdictionCode,
        metric: Id,
        value: Quantity,
        as_of: PartialDate,
        source: Id,
    ) -> Observation {
        Observation {
            id,
            jurisdiction,
            metric,
            value,
            as_of,
            comparator: None,
            source,
            quote: String::new(),
            note: None,
        }
    }

    /// With the source's own words.
    pub fn quote(mut self, quote: impl Into<String>) -> Observation {
        self.quote = quote.into();
        self
    }

    /// With how the figure is meant (`突破1000家`: more than).
    pub fn comparator(mut self, comparator: Comparator) -> Observation {
        self.comparator = Some(comparator);
        self
    }

    /// With a remark.
    pub fn note(mut self, note: impl Into<String>) -> Observation {
        self.note = Some(note.into());
        self
    }

    /// The day the figure refers to: the last day of `as_of`.
    pub fn date(&self) -> NaiveDate {
        self.as_of.last_day()
    }
}
