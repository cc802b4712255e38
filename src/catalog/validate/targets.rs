//! Targets: a known jurisdiction and metric, units of the metric's
//! dimension, an upper bound exactly for a range and above its lower one, a
//! deadline not before the source's publication, a period that starts by
//! the deadline.

use super::{Known, units::check_unit};
use crate::catalog::Origin;
use crate::error::{DataProblem, Error};
use crate::{Comparator, Metric, Target};

/// Checks every target.
pub(super) fn check(targets: &[(Target, Origin)], known: &Known<'_>, errors: &mut Vec<Error>) {
    for (t, origin) in targets {
        let metric = references(t, origin, known, errors);
        check_unit(&t.value, metric, origin, "value", errors);
        if let Some(upper) = &t.upper {
            // An upper bound in the value's unit has had that unit checked.
            let unchecked = metric.filter(|_| upper.dimension() != t.value.dimension());
            check_unit(upper, unchecked, origin, "upper", errors);
        }
        if let Some(b) = &t.baseline {
            check_unit(&b.value, metric, origin, "baseline", errors);
        }
        bounds(t, origin, errors);
        dates(t, origin, known, errors);
    }
}

/// Reports an unknown jurisdiction or metric; returns the metric.
fn references<'k>(
    t: &Target,
    origin: &Origin,
    known: &'k Known<'_>,
    errors: &mut Vec<Error>,
) -> Option<&'k Metric> {
    if !known.has_jurisdiction(&t.jurisdiction) {
        errors.extend(known.unknown(
            "jurisdiction",
            t.jurisdiction.as_str(),
            origin.field("jurisdiction"),
        ));
    }
    let metric = known.metric(&t.metric);
    if metric.is_none() {
        errors.extend(known.unknown("metric", t.metric.as_str(), origin.field("metric")));
    }
    metric
}

/// Reports a range without an upper bound or with bounds out of order, and
/// an upper bound on any other comparator.
fn bounds(t: &Target, origin: &Origin, errors: &mut Vec<Error>) {
    match (t.comparator, &t.upper) {
        (Comparator::Range, None) => errors.push(Error::invalid(
            DataProblem::RangeWithoutUpper,
            origin.field("comparator"),
        )),
        (Comparator::Range, Some(upper)) => {
            if t.value.compare(upper) == Ok(std::cmp::Ordering::Greater) {
                errors.push(Error::invalid(
                    DataProblem::RangeReversed {
                        lower: t.value.to_string(),
                        upper: upper.to_string(),
                    },
                    origin.field("upper"),
                ));
            }
        }
        (other, Some(_)) => errors.push(Error::invalid(
            DataProblem::UpperWithoutRange(other.as_str()),
            origin.field("upper"),
        )),
        (_, None) => {}
    }
}

/// Reports a deadline that ends before the source was published, and a
/// period that starts after the deadline.
fn dates(t: &Target, origin: &Origin, known: &Known<'_>, errors: &mut Vec<Error>) {
    if let Some(source) = known.source(&t.source) {
        let published = source.published;
        if t.deadline.end() < published.first_day() {
            errors.push(Error::invalid(
                DataProblem::DeadlineBeforePublication {
                    deadline: t.deadline.to_string(),
                    source_id: t.source.clone(),
                    published: published.to_string(),
                },
                origin.field("deadline"),
            ));
        }
    }
    if let Some(p) = t.period {
        if p.start() > t.deadline.end() {
            errors.push(Error::invalid(
                DataProblem::PeriodAfterDeadline {
                    period: p.to_string(),
                    deadline: t.deadline.to_string(),
                },
                origin.field("period"),
            ));
        }
    }
}
