//! Metrics: a `broader` metric is a known metric of the same dimension, and
//! the `broader` relation has no cycle.

use super::Known;
use crate::Metric;
use crate::catalog::Origin;
use crate::error::Error;

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
    let mut path = vec![&m.id];
    let mut next = m.broader.as_ref();
    while let Some(id) = next {
        if id == &m.id {
            if path.iter().all(|i| *i >= &m.id) {
                path.push(id);
                let chain: Vec<&str> = path.iter().map(|i| i.as_str()).collect();
                errors.push(Error::invalid(
                    format!("broader cycle: {}", chain.join(" → ")),
                    origin.field("broader"),
                ));
            }
            break;
        }
        if path.contains(&id) {
            break; // a cycle further up, reported from its own members
        }
        path.push(id);
        next = known.metric(id).and_then(|b| b.broader.as_ref());
    }
}
