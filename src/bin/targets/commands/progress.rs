//! `targets progress`: attainment and pace verdicts on a date.

use std::io::Write;
use std::path::Path;

use policy_targets::output::{
    unmatched_table, write_progress_csv_folder, write_progress_json_folder,
};
use policy_targets::{Error, ErrorKind, Errors, progress};

use super::{answer_in, load_in};
use crate::args::{Common, Format, ProgressArgs};
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
    // On a data folder the CSV and JSON answers are written one metric at
    // a time, as they are evaluated.
    if let (Some(dir), None) = (streamed, level) {
        if matches!(common.format, Format::Csv | Format::Json) {
            return emit_with(common.output.as_deref(), |out| {
                write_streamed(dir, &common, &options, out).map_err(|e| errors_in(&e, common.lang))
            });
        }
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

/// The CSV or JSON answer on the data folder `dir`, written as it is
/// evaluated.
fn write_streamed(
    dir: &Path,
    common: &Common,
    options: &progress::Options,
    out: &mut (dyn Write + Send),
) -> Result<(), Errors> {
    let as_of = common.as_of();
    if common.format == Format::Csv {
        return write_progress_csv_folder(dir, as_of, options, out, &common.csv());
    }
    write_progress_json_folder(dir, as_of, options, &mut *out)?;
    // The line break the other JSON answers end with.
    out.write_all(b"\n")
        .map_err(|e| Error::new(ErrorKind::Io(e), None).into())
}
