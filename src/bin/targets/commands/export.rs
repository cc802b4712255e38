//! `targets export`: the whole catalogue as JSON, tidy CSV or a data package.

use std::path::Path;

use policy_targets::{datapackage, export};

use super::{load, with_newline};
use crate::args::{ExportArgs, ExportFormat};
use crate::failure::{Failure, usage};
use crate::write::{emit, write_folder_atomically};

/// Writes the catalogue of `data` in the format asked for.
pub fn run(data: Option<&Path>, args: ExportArgs) -> Result<(), Failure> {
    let ExportArgs {
        format,
        dir,
        output,
        csv,
    } = args;
    if dir.is_some() && format != ExportFormat::Datapackage {
        return Err(usage(
            "a DIR is written only with --format datapackage; use --output FILE for json or csv"
                .to_owned(),
        ));
    }
    if format == ExportFormat::Json && csv.any() {
        return Err(usage(
            "--bom and --raw-csv apply to CSV output (--format csv or datapackage)".to_owned(),
        ));
    }
    let catalog = load(data)?;
    let csv_options = csv.options();
    let bytes = match format {
        ExportFormat::Datapackage => {
            let dir = dir.ok_or_else(|| usage("--format datapackage needs a DIR".to_owned()))?;
            let files = datapackage::files(&catalog, &csv_options)?;
            return write_folder_atomically(&dir, &files);
        }
        ExportFormat::Json => with_newline(export::to_json(&catalog)),
        ExportFormat::Csv => {
            let mut buffer = Vec::new();
            export::write_csv(&catalog, &mut buffer, &csv_options)?;
            buffer
        }
    };
    emit(output.as_deref(), &bytes)
}
