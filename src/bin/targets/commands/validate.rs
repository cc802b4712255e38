//! `targets validate`: check a data folder (or the bundled data).

use std::path::Path;

use policy_targets::{Catalog, bulk};

use crate::failure::Failure;
use crate::write::emit;

/// Checks the folder `data` (or the bundled data) and prints what it holds.
pub fn run(data: Option<&Path>) -> Result<(), Failure> {
    // A folder's observations.csv is checked as a stream, not held.
    let c = match data {
        Some(dir) => bulk::check_folder(dir)?,
        None => bulk::Inventory::of(&Catalog::bundled()?),
    };
    let count =
        |n: usize, one: &str, many: &str| format!("{n} {}", if n == 1 { one } else { many });
    let summary = format!(
        "ok: {}, {}, {}, {}, {}\n",
        count(c.jurisdictions, "jurisdiction", "jurisdictions"),
        count(c.metrics, "metric", "metrics"),
        count(c.sources, "source", "sources"),
        count(c.targets, "target", "targets"),
        count(c.observations, "observation", "observations"),
    );
    emit(None, summary.as_bytes())
}
