//! Unique ids and codes: each kind of record indexed by its key, and the one
//! id space that targets and observations share.

use std::collections::HashMap;

use crate::util::FxHashMap;
use std::sync::Arc;

use crate::catalog::Origin;
use crate::error::{Error, ErrorKind, Position};
use crate::{Id, JurisdictionCode, Observation, Target};

/// The records by key; a key used twice is reported at its second use,
/// naming the first.
pub(super) fn index<T, K: Clone + Eq + std::hash::Hash + AsRefStr>(
    items: &[(T, Origin)],
    what: &'static str,
    key_field: &'static str,
    key: impl Fn(&T) -> &K,
    errors: &mut Vec<Error>,
) -> FxHashMap<K, usize> {
    let mut map: FxHashMap<K, usize> = FxHashMap::default();
    for (i, (item, origin)) in items.iter().enumerate() {
        let k = key(item);
        if let Some(&first) = map.get(k) {
            errors.push(duplicate(
                what,
                k.as_ref_str(),
                items[first].1.field(key_field),
                origin.field(key_field),
            ));
        } else {
            map.insert(k.clone(), i);
        }
    }
    map
}

/// Reports every id that targets and observations use twice: they share one
/// id space.
pub(super) fn check_shared(
    targets: &[(Target, Origin)],
    observations: &[(Observation, Origin)],
    errors: &mut Vec<Error>,
) {
    // Positions are worked out only for duplicates: bulk tables hold
    // millions of records.
    let mut seen: HashMap<&str, &Origin, crate::util::FxBuild> = HashMap::default();
    seen.reserve(targets.len() + observations.len());
    let records = targets
        .iter()
        .map(|(t, o)| (t.id.as_str(), o, "target"))
        .chain(
            observations
                .iter()
                .map(|(t, o)| (t.id.as_str(), o, "observation")),
        );
    for (id, origin, what) in records {
        if let Some(first) = seen.get(id) {
            errors.push(duplicate(what, id, first.field("id"), origin.field("id")));
        } else {
            seen.insert(id, origin);
        }
    }
}

/// The error for a key used again at `here`, first used at `first`.
fn duplicate(what: &'static str, id: &str, first: Position, here: Position) -> Error {
    let first = Position::new()
        .with_shared_file(first.file().map(Arc::from))
        .with_line_column(first.line().unwrap_or(0), first.column().unwrap_or(0));
    let first = if first.line() == Some(0) {
        Position::new()
    } else {
        first
    };
    Error::at(
        ErrorKind::Duplicate {
            what,
            id: id.to_owned(),
            first,
        },
        here,
    )
}

/// A key as text, for messages.
pub(super) trait AsRefStr {
    fn as_ref_str(&self) -> &str;
}

impl AsRefStr for Id {
    fn as_ref_str(&self) -> &str {
        self.as_str()
    }
}

impl AsRefStr for JurisdictionCode {
    fn as_ref_str(&self) -> &str {
        self.as_str()
    }
}
