//! `targets index`: a composite index over several metrics, with rank
//! intervals from an uncertainty analysis.

use std::path::Path;

use policy_targets::ErrorKind;
use policy_targets::index::{self, IndexQuery};

use super::{answer_in, load_for_comparison};
use crate::args::IndexArgs;
use crate::failure::{Failure, usage};

/// Builds the index `args` asks for on the catalogue of `data`.
pub fn run(data: Option<&Path>, args: IndexArgs) -> Result<(), Failure> {
    let IndexArgs {
        metrics,
        per,
        level,
        weights,
        scaling,
        aggregation,
        min_coverage,
        draws,
        seed,
        common,
    } = args;
    let catalog = load_for_comparison(data)?;
    let query = IndexQuery {
        metrics,
        per,
        level,
        as_of: common.as_of(),
        weights,
        scaling,
        aggregation,
        min_coverage,
        draws,
        seed,
    };
    let answer = index::index(&catalog, &query).map_err(|e| match e.kind() {
        // A name or option on the command line the data cannot answer.
        ErrorKind::UnknownMetric { .. } => usage(format!("--metrics: {e}")),
        ErrorKind::IndexQuery { option, message } => usage(format!("--{option}: {message}")),
        _ => Failure::from(e),
    })?;
    answer_in(
        &common,
        || answer.to_table(common.lang),
        || answer.to_json(),
        |out| answer.write_csv(out, &common.csv()),
    )
}
