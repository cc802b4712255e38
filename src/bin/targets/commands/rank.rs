//! `targets rank`: the jurisdictions ranked by their target on a metric.

use std::path::Path;

use policy_targets::rank::{self, RankQuery};

use super::{answer_in, load_for_comparison};
use crate::args::RankArgs;
use crate::failure::{self, Failure};

/// Ranks the jurisdictions of `data` as `args` asks.
pub fn run(data: Option<&Path>, args: RankArgs) -> Result<(), Failure> {
    let RankArgs {
        metric,
        per,
        level,
        family,
        min_grade,
        common,
    } = args;
    let catalog = load_for_comparison(data, common.lang)?;
    let query = RankQuery {
        metric,
        per,
        level,
        as_of: common.as_of(),
        decimals: 6,
        family,
        min_grade,
    };
    let ranking = rank::rank(&catalog, &query).map_err(|e| failure::in_lang(&e, common.lang))?;
    answer_in(
        &common,
        || ranking.to_table(&catalog, common.lang),
        || ranking.to_json(),
        |out| ranking.write_csv(out, &common.csv()),
    )
}
