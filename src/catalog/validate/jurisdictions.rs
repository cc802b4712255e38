//! Jurisdictions: `parent` and `members` name known jurisdictions, only a
//! group has members, a prefecture's parent is a province, and the `parent`
//! relation has no cycle.

use super::Known;
use crate::catalog::Origin;
use crate::error::{DataProblem, Error};
use crate::{Jurisdiction, JurisdictionCode, Level};

/// Checks every jurisdiction.
pub(super) fn check(known: &Known<'_>, errors: &mut Vec<Error>) {
    for (j, origin) in known.jurisdictions {
        references(j, origin, known, errors);
        if !j.members.is_empty() && j.level != Level::Group {
            errors.push(Error::invalid(
                DataProblem::MembersNotGroup {
                    code: j.code.clone(),
                    level: j.level,
                },
                origin.field("members"),
            ));
        }
        prefecture_parent(j, origin, known, errors);
        cycle(j, origin, known, errors);
    }
}

/// Reports a prefecture whose parent is a known jurisdiction of another
/// level than province.
fn prefecture_parent(
    j: &Jurisdiction,
    origin: &Origin,
    known: &Known<'_>,
    errors: &mut Vec<Error>,
) {
    if j.level != Level::Prefecture {
        return;
    }
    let Some(parent) = j.parent.as_ref().and_then(|p| known.jurisdiction(p)) else {
        return;
    };
    if parent.level != Level::Province {
        errors.push(Error::invalid(
            DataProblem::PrefectureParent {
                code: parent.code.clone(),
                name: parent.name_zh.clone(),
                level: parent.level,
            },
            origin.field("parent"),
        ));
    }
}

/// Reports a `parent` or member that is not a known jurisdiction.
fn references(j: &Jurisdiction, origin: &Origin, known: &Known<'_>, errors: &mut Vec<Error>) {
    if let Some(parent) = &j.parent {
        if !known.has_jurisdiction(parent) {
            errors.extend(known.unknown("jurisdiction", parent.as_str(), origin.field("parent")));
        }
    }
    for member in &j.members {
        if !known.has_jurisdiction(member) {
            errors.extend(known.unknown("jurisdiction", member.as_str(), origin.field("members")));
        }
    }
}

/// Reports a `parent` chain that comes back to `j`. A cycle is reported
/// once, at its smallest code.
fn cycle(j: &Jurisdiction, origin: &Origin, known: &Known<'_>, errors: &mut Vec<Error>) {
    let up = |code: &JurisdictionCode| {
        if *code == j.code {
            j.parent.as_ref()
        } else {
            known.jurisdiction(code).and_then(|p| p.parent.as_ref())
        }
    };
    if let Some(chain) = super::cycle_through(&j.code, up, JurisdictionCode::as_str) {
        errors.push(Error::invalid(
            DataProblem::ParentCycle(chain),
            origin.field("parent"),
        ));
    }
}
