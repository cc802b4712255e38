//! `targets validate`: check a data folder (or the bundled data).

use std::path::Path;

use policy_targets::{Catalog, Lang, bulk};

use crate::failure::{Failure, errors_in};
use crate::write::emit;

/// Checks the folder `data` (or the bundled data) and prints what it
/// holds, or every problem, in `lang`.
pub fn run(data: Option<&Path>, lang: Lang) -> Result<(), Failure> {
    // A folder's observations.csv is checked as a stream, not held.
    let c = match data {
        Some(dir) => bulk::check_folder(dir),
        None => Catalog::bundled().map(|c| bulk::Inventory::of(&c)),
    }
    .map_err(|e| errors_in(&e, lang))?;
    let summary = match lang {
        Lang::Zh => format!(
            "通过：{} 个地区，{} 个指标，{} 个来源，{} 个目标，{} 条实绩\n",
            c.jurisdictions, c.metrics, c.sources, c.targets, c.observations
        ),
        Lang::En => {
            let count = |n: usize, one: &str, many: &str| {
                format!("{n} {}", if n == 1 { one } else { many })
            };
            format!(
                "ok: {}, {}, {}, {}, {}\n",
                count(c.jurisdictions, "jurisdiction", "jurisdictions"),
                count(c.metrics, "metric", "metrics"),
                count(c.sources, "source", "sources"),
                count(c.targets, "target", "targets"),
                count(c.observations, "observation", "observations"),
            )
        }
    };
    emit(None, summary.as_bytes())
}
