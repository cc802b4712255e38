//! Sources: `via` and `supersedes` name another known source, and a source
//! with a `url` has a `grade`.

use super::Known;
use crate::error::{DataProblem, Error, ErrorKind};

/// The grades as the message of a missing `grade` lists them.
const GRADES: &str = "official, press, mirror, summary";

/// Checks every source.
pub(super) fn check(known: &Known<'_>, errors: &mut Vec<Error>) {
    for (s, origin) in known.sources {
        for (key, reference) in [("via", &s.via), ("supersedes", &s.supersedes)] {
            if let Some(id) = reference {
                if !known.by_source.contains_key(id) {
                    errors.extend(known.unknown("source", id.as_str(), origin.field(key)));
                } else if id == &s.id {
                    errors.push(Error::invalid(
                        DataProblem::SourceNamesItself {
                            id: s.id.clone(),
                            key,
                        },
                        origin.field(key),
                    ));
                }
            }
        }
        if s.url.is_some() && s.grade.is_none() {
            errors.push(Error::at(
                ErrorKind::RequiredWith {
                    field: "grade",
                    with: "url",
                    expected: GRADES,
                },
                origin.field("grade"),
            ));
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::Grade;

    #[test]
    fn the_message_lists_every_grade_strongest_first() {
        let listed: Vec<&str> = super::GRADES.split(", ").collect();
        let all: Vec<&str> = Grade::ALL.iter().map(|g| g.as_str()).collect();
        assert_eq!(listed, all);
    }
}
