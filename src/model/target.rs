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
#[derive(Clone, Debug, PartialEq, Eq)]
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
#[derive(Clone, Debug, PartialEq, Eq)]
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

impl Observation {
    /// The day the figure refers to: the last day of `as_of`.
    pub fn date(&self) -> NaiveDate {
        self.as_of.last_day()
    }
}
