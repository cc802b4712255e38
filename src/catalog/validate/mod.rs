//! The checks that turn the records read ([`Parts`]) into a [`Catalog`]:
//! ids are unique, references resolve, units match their metric's
//! dimension, deadlines follow publication, ranges are ordered, a
//! prefecture lies in a province, a source with a `url` has a `grade`, and
//! neither the `parent` nor the `broader` relation has a cycle. One file per kind of record checked.

mod fragments;
mod ids;
mod jurisdictions;
mod metrics;
mod observations;
mod sources;
mod targets;
mod units;

pub(crate) use units::negative;

use crate::util::FxHashMap;
use std::path::Path;

use super::{Catalog, Origin, Parts, Unread};
use crate::error::{Error, ErrorKind, Errors, Position};
use crate::{Id, Jurisdiction, JurisdictionCode, Metric, Source};

impl Parts {
    /// Checks the records against each other and builds the catalogue, or
    /// returns every problem found, ordered by file and line.
    pub(crate) fn build(self) -> Result<Catalog, Errors> {
        let Parts {
            jurisdictions,
            metrics,
            sources,
            targets,
            observations,
            mut errors,
            unread,
            fragments,
        } = self;

        let by_code = ids::index(
            &jurisdictions,
            "jurisdiction",
            "code",
            |j| &j.code,
            &mut errors,
        );
        let by_metric = ids::index(&metrics, "metric", "id", |m| &m.id, &mut errors);
        let by_source = ids::index(&sources, "source", "id", |s| &s.id, &mut errors);
        ids::check_shared(&targets, &observations, &mut errors);
        name_for_code(&jurisdictions, &mut errors);
        {
            let known = Known {
                jurisdictions: &jurisdictions,
                metrics: &metrics,
                sources: &sources,
                by_code: &by_code,
                by_metric: &by_metric,
                by_source: &by_source,
                unread: &unread,
                jurisdiction_codes: jurisdictions.iter().map(|(j, _)| j.code.as_str()).collect(),
                metric_ids: metrics.iter().map(|(m, _)| m.id.as_str()).collect(),
                source_ids: sources.iter().map(|(s, _)| s.id.as_str()).collect(),
            };
            jurisdictions::check(&known, &mut errors);
            metrics::check(&known, &mut errors);
            sources::check(&known, &mut errors);
            targets::check(&targets, &known, &mut errors);
            observations::check(&observations, &known, &mut errors);
            fragments::check(&fragments, &known, &mut errors);
        }

        if !errors.is_empty() {
            return Err(in_order(errors));
        }
        Ok(Catalog {
            jurisdictions: strip(jurisdictions),
            metrics: strip(metrics),
            sources: strip(sources),
            targets: strip(targets),
            observations: strip(observations),
            by_code,
            by_metric,
            by_source,
            by_target: std::sync::OnceLock::new(),
            metric_targets: std::sync::OnceLock::new(),
            metric_observations: std::sync::OnceLock::new(),
        })
    }
}

/// The records others refer to, indexed, and what could not be read: what
/// the checks of each kind of record look their references up in.
struct Known<'a> {
    jurisdictions: &'a [(Jurisdiction, Origin)],
    metrics: &'a [(Metric, Origin)],
    sources: &'a [(Source, Origin)],
    by_code: &'a FxHashMap<JurisdictionCode, usize>,
    by_metric: &'a FxHashMap<Id, usize>,
    by_source: &'a FxHashMap<Id, usize>,
    unread: &'a Unread,
    /// The codes and ids suggestions are chosen from, in file order.
    jurisdiction_codes: Vec<&'a str>,
    metric_ids: Vec<&'a str>,
    source_ids: Vec<&'a str>,
}

impl Known<'_> {
    /// Whether a jurisdiction has this code.
    fn has_jurisdiction(&self, code: &JurisdictionCode) -> bool {
        self.by_code.contains_key(code)
    }

    /// The jurisdiction with this code.
    fn jurisdiction(&self, code: &JurisdictionCode) -> Option<&Jurisdiction> {
        self.by_code.get(code).map(|&i| &self.jurisdictions[i].0)
    }

    /// The metric with this id.
    fn metric(&self, id: &Id) -> Option<&Metric> {
        self.by_metric.get(id).map(|&i| &self.metrics[i].0)
    }

    /// The source with this id.
    fn source(&self, id: &Id) -> Option<&Source> {
        self.by_source.get(id).map(|&i| &self.sources[i].0)
    }

    /// The error for a reference to an unknown `what` ("jurisdiction",
    /// "metric" or "source"), with the nearest known one suggested; `None`
    /// when the reference may be to a record that could not be read.
    fn unknown(&self, what: &'static str, id: &str, at: Position) -> Option<Error> {
        if self.unread.covers(what, id) {
            return None;
        }
        let known = match what {
            "jurisdiction" => &self.jurisdiction_codes,
            "metric" => &self.metric_ids,
            _ => &self.source_ids,
        };
        // Codes are digits: a near one is as likely wrong as right.
        let suggestion = (!id.bytes().all(|b| b.is_ascii_digit()))
            .then(|| crate::util::closest(id, known.iter().copied()))
            .flatten()
            .map(str::to_owned);
        let id = id.to_owned();
        Some(Error::at(
            ErrorKind::UnknownReference {
                what,
                id,
                suggestion,
            },
            at,
        ))
    }
}

/// The problems ordered by file, line and column (in the order found where
/// those are equal).
fn in_order(mut errors: Vec<Error>) -> Errors {
    errors.sort_by(|a, b| {
        let key = |e: &Error| {
            e.position()
                .map(|p| (p.file().map(Path::to_path_buf), p.line(), p.column()))
        };
        key(a).cmp(&key(b))
    });
    Errors::from_vec(errors)
}

/// The records without their origins.
fn strip<T>(items: Vec<(T, Origin)>) -> Vec<T> {
    let mut stripped: Vec<T> = items.into_iter().map(|(x, _)| x).collect();
    // Collected in place, the records keep the room of their origins too.
    stripped.shrink_to_fit();
    stripped
}

/// The chain from `start` up a parent-like link (`parent`, `broader`) back
/// to `start`, as names, when the chain comes back to it and `start` is its
/// smallest member (so that a cycle is reported once); `None` otherwise,
/// also for a cycle further up, reported from its own members.
fn cycle_through<'a, K: Ord>(
    start: &'a K,
    up: impl Fn(&'a K) -> Option<&'a K>,
    name: impl Fn(&K) -> &str,
) -> Option<String> {
    let mut path = vec![start];
    let mut next = up(start);
    while let Some(key) = next {
        if key == start {
            if !path.iter().all(|k| *k >= start) {
                return None;
            }
            path.push(key);
            let chain: Vec<&str> = path.iter().map(|k| name(k)).collect();
            return Some(chain.join(" → "));
        }
        if path.contains(&key) {
            return None;
        }
        path.push(key);
        next = up(key);
    }
    None
}

/// Where a jurisdiction field holds a name instead of a code (`"苏州"`),
/// the parse error says which code to write (`320500`), from the
/// jurisdictions read.
fn name_for_code(jurisdictions: &[(Jurisdiction, Origin)], errors: &mut [Error]) {
    for error in errors.iter_mut() {
        let ErrorKind::Parse(parse) = error.kind() else {
            continue;
        };
        if parse.what() != "jurisdiction code" {
            continue;
        }
        let name = parse.input().trim();
        let named = |j: &Jurisdiction| {
            j.name_zh == name
                || j.name_en == name
                || j.aliases.iter().any(|a| a == name)
                || (name.chars().count() >= 2 && j.name_zh.starts_with(name))
        };
        let Some((j, _)) = jurisdictions.iter().find(|(j, _)| named(j)) else {
            continue;
        };
        let hint = crate::ParseError::typed(
            "jurisdiction code",
            parse.input(),
            crate::model::Problem::NameForCode {
                name: name.to_owned(),
                full: j.name_zh.clone(),
                code: j.code.to_string(),
            },
        );
        *error = Error::new(hint, error.position().cloned());
    }
}
