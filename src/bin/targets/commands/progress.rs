//! `targets progress`: attainment and pace verdicts on a date.

use std::path::Path;

use policy_targets::output::unmatched_table;
use policy_targets::progress;

use super::{answer_in, load_in};
use crate::args::ProgressArgs;
use crate::failure::{Failure, errors_in};

/// The progress report of `data`, in the format asked for.
pub fn run(data: Option<&Path>, args: ProgressArgs) -> Result<(), Failure> {
    let ProgressArgs {
        bands,
        level,
        min_grade,
        trend,
        common,
    } = args;
    let options = progress::Options {
        bands,
        min_grade,
        trend,
        ..progress::Options::default()
    };
    // A folder with observations.csv is read as a stream.
    let (catalog, report) = match data.filter(|d| d.join("observations.csv").is_file()) {
        Some(dir) => progress::progress_folder(dir, common.as_of(), &options)
            .map_err(|e| errors_in(&e, common.lang))?,
        None => {
            let catalog = load_in(data, common.lang)?;
            let report = progress::progress(&catalog, common.as_of(), &options);
            (catalog, report)
        }
    };
    let report = match level {
        Some(level) => report.at_level(&catalog, level),
        None => report,
    };
    answer_in(
        &common,
        || {
            // Then the figures no target measures (none for a streamed
            // folder, whose figures are not kept).
            let mut table = report.to_table(&catalog, common.lang);
            if level.is_none() {
                table.push_str(&unmatched_table(&catalog, common.as_of(), common.lang));
            }
            table
        },
        || report.to_json(),
        |out| report.write_csv(out, &common.csv()),
    )
}
