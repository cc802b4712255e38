//! `targets export`: the whole catalogue as JSON, tidy CSV, a data package
//! or an SQLite database.

use std::path::Path;

use policy_targets::{datapackage, export, progress, sqlite};

use super::{load, with_newline};
use crate::args::{ExportArgs, ExportFormat, today};
use crate::failure::{Failure, usage};
use crate::write::{
    emit, emit_with, replace_file_with, write_folder_atomically, write_folder_streaming,
};

/// Writes the catalogue of `data` in the format asked for.
pub fn run(data: Option<&Path>, args: ExportArgs) -> Result<(), Failure> {
    let ExportArgs {
        format,
        dir,
        output,
        as_of,
        csv,
    } = args;
    let takes_path = matches!(format, ExportFormat::Datapackage | ExportFormat::Sqlite);
    if dir.is_some() && !takes_path {
        return Err(usage(
            "a DIR is written only with --format datapackage; use --output FILE for json or csv"
                .to_owned(),
        ));
    }
    if matches!(format, ExportFormat::Json | ExportFormat::Sqlite) && csv.any() {
        return Err(usage(
            "--bom and --raw-csv apply to CSV output (--format csv or datapackage)".to_owned(),
        ));
    }
    if as_of.is_some() && format != ExportFormat::Sqlite {
        return Err(usage("--as-of applies to --format sqlite".to_owned()));
    }
    let csv_options = csv.options();
    match format {
        ExportFormat::Sqlite => {
            let file = dir.ok_or_else(|| usage("--format sqlite needs a FILE".to_owned()))?;
            database(data, &file, as_of.unwrap_or_else(today))
        }
        ExportFormat::Datapackage => {
            let dir = dir.ok_or_else(|| usage("--format datapackage needs a DIR".to_owned()))?;
            match bulk_folder(data) {
                // Its records are written as they are read.
                Some(folder) => write_folder_streaming(
                    &dir,
                    &datapackage::FILE_NAMES,
                    datapackage::RECORDS_FILE,
                    |out| Ok(datapackage::write_folder(folder, out, &csv_options)?),
                ),
                None => {
                    let files = datapackage::files(&load(data)?, &csv_options)?;
                    write_folder_atomically(&dir, &files)
                }
            }
        }
        ExportFormat::Json => match bulk_folder(data) {
            Some(folder) => emit_with(output.as_deref(), |out| {
                export::write_json_folder(folder, &mut *out)?;
                out.write_all(b"\n")
                    .map_err(|e| Failure::new(format!("cannot write the export: {e}")))
            }),
            None => emit(
                output.as_deref(),
                &with_newline(export::to_json(&load(data)?)),
            ),
        },
        // A folder with observations.csv is streamed, not loaded.
        ExportFormat::Csv => match bulk_folder(data) {
            Some(dir) => emit_with(output.as_deref(), |out| {
                Ok(export::write_csv_folder(dir, out, &csv_options)?)
            }),
            None => {
                let mut buffer = Vec::new();
                export::write_csv(&load(data)?, &mut buffer, &csv_options)?;
                emit(output.as_deref(), &buffer)
            }
        },
    }
}

/// The data folder `data` when it has an `observations.csv`: streamed,
/// not loaded.
fn bulk_folder(data: Option<&Path>) -> Option<&Path> {
    data.filter(|d| d.join("observations.csv").is_file())
}

/// Writes the SQLite database `file` completely or not at all: into a
/// temporary file beside it, renamed into place. An existing `file` is
/// replaced only if it is a database this command wrote.
fn database(data: Option<&Path>, file: &Path, as_of: chrono::NaiveDate) -> Result<(), Failure> {
    let options = progress::Options::default();
    // A folder with observations.csv is streamed into the database.
    let folder = data.filter(|d| d.join("observations.csv").is_file());
    replace_file_with(file, sqlite::is_export, NOT_OURS, |tmp| {
        match folder {
            Some(dir) => sqlite::write_folder(tmp, dir, as_of, &options)?,
            None => {
                let catalog = load(data)?;
                let report = progress::progress(&catalog, as_of, &options);
                sqlite::write(tmp, &catalog, &report)?;
            }
        }
        Ok(())
    })
}

/// Why an existing file is not replaced by a database.
const NOT_OURS: &str = "the file exists and is not a database written by `targets export --format sqlite`; it is left as it is (choose a new file name or remove it)";
