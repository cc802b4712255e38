//! `targets index`: a composite index over several metrics, with rank
//! intervals from an uncertainty analysis.

use std::path::Path;

use policy_targets::ErrorKind;
use policy_targets::Lang;
use policy_targets::index::{self, IndexQuery};
use policy_targets::output::error_message;

use super::{answer_in, load_for_comparison};
use crate::args::IndexArgs;
use crate::failure::{self, Failure, usage};

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
    let catalog = load_for_comparison(data, common.lang)?;
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
    let lang = common.lang;
    let answer = index::index(&catalog, &query).map_err(|e| match e.kind() {
        // A name or option on the command line the data cannot answer.
        ErrorKind::UnknownMetric { .. } => usage(format!(
            "--metrics{}{}",
            colon(lang),
            error_message(&e, lang)
        )),
        ErrorKind::IndexQuery { .. }
        | ErrorKind::TooFewIndexMetrics { .. }
        | ErrorKind::IndexMetricTwice { .. }
        | ErrorKind::WeightNotInIndex { .. } => usage(format!("--{}", error_message(&e, lang))),
        _ => failure::in_lang(&e, lang),
    })?;
    answer_in(
        &common,
        || answer.to_table(common.lang),
        || answer.to_json(),
        |out| answer.write_csv(out, &common.csv()),
    )
}

/// What follows the option an error is about: `：` or `: `.
fn colon(lang: Lang) -> &'static str {
    match lang {
        Lang::Zh => "：",
        Lang::En => ": ",
    }
}
