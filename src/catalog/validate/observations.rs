//! Observations: a known jurisdiction and metric, a unit of the metric's
//! dimension, and a comparator that marks a bound, not a range.

use super::{Known, units::check_unit};
use crate::catalog::Origin;
use crate::error::{DataProblem, Error};
use crate::{Comparator, Observation};

/// Checks every observation.
pub(super) fn check(
    observations: &[(Observation, Origin)],
    known: &Known<'_>,
    errors: &mut Vec<Error>,
) {
    for (o, origin) in observations {
        if !known.has_jurisdiction(&o.jurisdiction) {
            errors.extend(known.unknown(
                "jurisdiction",
                o.jurisdiction.as_str(),
                origin.field("jurisdiction"),
            ));
        }
        let metric = known.metric(&o.metric);
        if metric.is_none() {
            errors.extend(known.unknown("metric", o.metric.as_str(), origin.field("metric")));
        }
        check_unit(&o.value, metric, origin, "value", errors);
        if o.comparator == Some(Comparator::Range) {
            errors.push(Error::invalid(
                DataProblem::ObservationRange,
                origin.field("comparator"),
            ));
        }
    }
}
