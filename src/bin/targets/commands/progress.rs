//! `targets progress`: attainment and pace verdicts on a date.

use std::path::Path;

use policy_targets::output::{unmatched_table, write_progress_csv_folder};
use policy_targets::progress;

use super::{answer_in, load_in};
use crate::args::{Format, ProgressArgs};
use crate::failure::{Failure, errors_in};
use crate::write::emit_with;

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
    let streamed = super::bulk_folder(data);
    // Its CSV answer is written one metric at a time, as it is evaluated.
    if let (Some(dir), Format::Csv, None) = (streamed, common.format, level) {
        let csv = common.csv();
        return emit_with(common.output.as_deref(), |out| {
            write_progress_csv_folder(dir, common.as_of(), &options, out, &csv)
                .map_err(|e| errors_in(&e, common.lang))
        });
    }
    // A folder with observations.csv is read as a stream.
    let (catalog, report) = match streamed {
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
    let answered = answer_in(
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
    );
    // The process ends next: the system takes the memory back at once,
    // faster than freeing every target's strings one by one.
    std::mem::forget((catalog, report));
    answered
}
