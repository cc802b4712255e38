//! `targets gap`: how far a jurisdiction is from a benchmark.

use std::path::Path;

use policy_targets::gap::{self, Benchmark, GapQuery};
use policy_targets::output::error_message;

use super::{answer_in, load_for_comparison};
use crate::args::GapArgs;
use crate::failure::{self, Failure, usage};

/// The gap of `args.subject` to its benchmark, in the format asked for.
pub fn run(data: Option<&Path>, args: GapArgs) -> Result<(), Failure> {
    let GapArgs {
        subject,
        against,
        metric,
        peers,
        per,
        common,
    } = args;
    let catalog = load_for_comparison(data, common.lang)?;
    let lang = common.lang;
    let benchmark = match Benchmark::resolve(&catalog, &against, &peers) {
        Ok(benchmark) => benchmark,
        // A name the catalogue does not know: `gap` says so, with the
        // nearest name, in the language asked.
        Err(err) => match against.parse::<Benchmark>() {
            Ok(named @ Benchmark::Named(_)) => named,
            _ => return Err(usage(error_message(&err.into(), lang))),
        },
    };
    let query = GapQuery {
        subject,
        benchmark,
        metric,
        per,
        as_of: common.as_of(),
        decimals: 6,
    };
    let answer = gap::gap(&catalog, &query).map_err(|e| failure::in_lang(&e, common.lang))?;
    answer_in(
        &common,
        || answer.to_table(&catalog, common.lang),
        || answer.to_json(),
        |out| answer.write_csv(out, &common.csv()),
    )
}
