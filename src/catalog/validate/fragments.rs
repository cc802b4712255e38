//! Targets and observations that could not be read whole: the references
//! and the unit of the fields that were read are checked as those of a
//! whole record, so that one run reports every field's problem.

use super::{Known, units::check_unit};
use crate::catalog::Fragment;
use crate::error::Error;

/// Checks what was read of every entry with a mistake.
pub(super) fn check(fragments: &[Fragment], known: &Known<'_>, errors: &mut Vec<Error>) {
    for f in fragments {
        if let Some(code) = &f.jurisdiction {
            if !known.has_jurisdiction(code) {
                errors.extend(known.unknown(
                    "jurisdiction",
                    code.as_str(),
                    f.origin.field("jurisdiction"),
                ));
            }
        }
        let metric = f.metric.as_ref().and_then(|id| {
            let metric = known.metric(id);
            if metric.is_none() {
                errors.extend(known.unknown("metric", id.as_str(), f.origin.field("metric")));
            }
            metric
        });
        if let Some(value) = &f.value {
            check_unit(value, metric, &f.origin, "value", errors);
        }
    }
}
