//! Sources: `via` and `supersedes` name another known source.

use super::Known;
use crate::error::Error;

/// Checks every source.
pub(super) fn check(known: &Known<'_>, errors: &mut Vec<Error>) {
    for (s, origin) in known.sources {
        for (key, reference) in [("via", &s.via), ("supersedes", &s.supersedes)] {
            if let Some(id) = reference {
                if !known.by_source.contains_key(id) {
                    errors.extend(known.unknown("source", id.as_str(), origin.field(key)));
                } else if id == &s.id {
                    errors.push(Error::invalid(
                        format!("source {:?} cannot name itself in `{key}`", s.id.as_str()),
                        origin.field(key),
                    ));
                }
            }
        }
    }
}
