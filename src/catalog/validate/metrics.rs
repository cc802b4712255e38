//! Metrics: a `broader` metric is a known metric of the same dimension, and
//! the `broader` relation has no cycle.

use super::Known;
use crate::catalog::Origin;
use crate::error::{DataProblem, Error};
use crate::{Id, Metric};

/// Checks every metric.
pub(super) fn check(known: &Known<'_>, errors: &mut Vec<Error>) {
    for (m, origin) in known.metrics {
        let Some(broader) = &m.broader else {
            continue;
        };
        match known.metric(broader) {
            None => {
                errors.extend(known.unknown("metric", broader.as_str(), origin.field("broader")))
            }
            Some(b) if b.dimension != m.dimension => errors.push(Error::invalid(
                DataProblem::BroaderDimension {
                    broader: b.id.clone(),
                    broader_dimension: b.dimension,
                    metric: m.id.clone(),
                    dimension: m.dimension,
                },
                origin.field("broader"),
            )),
            Some(_) => cycle(m, origin, known, errors),
        }
    }
}

/// Reports a `broader` chain that comes back to `m`. A cycle is reported
/// once, at its smallest id.
fn cycle(m: &Metric, origin: &Origin, known: &Known<'_>, errors: &mut Vec<Error>) {
    let up = |id: &Id| {
        if *id == m.id {
            m.broader.as_ref()
        } else {
            known.metric(id).and_then(|b| b.broader.as_ref())
        }
    };
    if let Some(chain) = super::cycle_through(&m.id, up, Id::as_str) {
        errors.push(Error::invalid(
            DataProblem::BroaderCycle(chain),
            origin.field("broader"),
        ));
    }
}
