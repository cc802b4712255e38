//! Metrics: a `broader` metric is a known metric of the same dimension, and
//! the `broader` relation has no cycle.

use super::Known;
use crate::catalog::Origin;
use crate::error::Error;
use crate::{Id, Metric};

/// Checks every metric.
pub(super) fn check(known: &Known<'_>, errors: &mut Vec<Error>) {
    for (m, origin) in known.metrics {
        let Some(broader) = &m.broader else {
            continue;
        };
        match known.metric(broader) {
            None => errors.extend(known.unknown("metric", broader.as_str(), origin.field("broader"))),
            Some(b) if b.dimension != m.dimension => errors.push(Error::invalid(
                format!(
                    "broader metric {:?} is measured in {}, but {:?} is measured in {}: a metric and its broader one count the same kind of thing",
                    b.id.as_str(),
                    b.dimension,
                    m.id.as_str(),
                    m.dimension
                ),
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
            format!("broader cycle: {chain}"),
            origin.field("broader"),
        ));
    }
}
