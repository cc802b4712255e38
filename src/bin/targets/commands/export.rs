//! `targets export`: the whole catalogue as JSON, tidy CSV, a data package
//! or an SQLite database.

use std::path::Path;

use policy_targets::output::CsvOptions;
use policy_targets::{Lang, datapackage, export, progress, sqlite};

use super::{bulk_folder, load_in, with_newline};
use crate::args::{ExportArgs, ExportFormat, today};
use crate::failure::{Failure, Unwritable, errors_in, in_lang, say, usage};
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
        lang,
        csv,
    } = args;
    check(format, dir.is_some(), as_of.is_some(), csv.any(), lang)?;
    let csv_options = csv.options();
    let load = || load_in(data, lang);
    match format {
        ExportFormat::Sqlite => {
            let file = dir.ok_or_else(|| {
                usage(say(
                    lang,
                    "--format sqlite 需要指定数据库文件 FILE".to_owned(),
                    "--format sqlite needs a FILE".to_owned(),
                ))
            })?;
            database(data, &file, as_of.unwrap_or_else(today), lang)
        }
        ExportFormat::Datapackage => {
            let dir = dir.ok_or_else(|| {
                usage(say(
                    lang,
                    "--format datapackage 需要指定文件夹 DIR".to_owned(),
                    "--format datapackage needs a DIR".to_owned(),
                ))
            })?;
            package(data, &dir, &csv_options, lang)
        }
        ExportFormat::Json => json(data, output.as_deref(), lang),
        // A folder with observations.csv is streamed, not loaded.
        ExportFormat::Csv => match bulk_folder(data) {
            Some(dir) => emit_with(output.as_deref(), |out| {
                export::write_csv_folder(dir, out, &csv_options).map_err(|e| errors_in(&e, lang))
            }),
            None => {
                let mut buffer = Vec::new();
                export::write_csv(&load()?, &mut buffer, &csv_options)
                    .map_err(|e| in_lang(&e, lang))?;
                emit(output.as_deref(), &buffer)
            }
        },
    }
}

/// The options that do not go together, as usage errors in `lang`.
fn check(
    format: ExportFormat,
    dir: bool,
    as_of: bool,
    csv: bool,
    lang: Lang,
) -> Result<(), Failure> {
    let takes_path = matches!(format, ExportFormat::Datapackage | ExportFormat::Sqlite);
    if dir && !takes_path {
        return Err(usage(say(
            lang,
            "只有 --format datapackage 或 sqlite 才写入 PATH；json 和 csv 请用 --output FILE"
                .to_owned(),
            "a DIR is written only with --format datapackage; use --output FILE for json or csv"
                .to_owned(),
        )));
    }
    if matches!(format, ExportFormat::Json | ExportFormat::Sqlite) && csv {
        return Err(usage(say(
            lang,
            "--bom 和 --raw-csv 只用于 CSV 输出（--format csv 或 datapackage）".to_owned(),
            "--bom and --raw-csv apply to CSV output (--format csv or datapackage)".to_owned(),
        )));
    }
    if as_of && format != ExportFormat::Sqlite {
        return Err(usage(say(
            lang,
            "--as-of 只用于 --format sqlite".to_owned(),
            "--as-of applies to --format sqlite".to_owned(),
        )));
    }
    Ok(())
}

/// Writes the data package of `data` into `dir`; a bulk folder's records
/// are written as they are read.
fn package(
    data: Option<&Path>,
    dir: &Path,
    csv_options: &CsvOptions,
    lang: Lang,
) -> Result<(), Failure> {
    match bulk_folder(data) {
        Some(folder) => write_folder_streaming(
            dir,
            &datapackage::FILE_NAMES,
            datapackage::RECORDS_FILE,
            |out| {
                datapackage::write_folder(folder, out, csv_options).map_err(|e| errors_in(&e, lang))
            },
        ),
        None => {
            let files = datapackage::files(&load_in(data, lang)?, csv_options)
                .map_err(|e| in_lang(&e, lang))?;
            write_folder_atomically(dir, &files)
        }
    }
}

/// Writes the JSON export of `data` to `output` (standard output when
/// `None`); a bulk folder's observations are written as they are read.
fn json(data: Option<&Path>, output: Option<&Path>, lang: Lang) -> Result<(), Failure> {
    match bulk_folder(data) {
        Some(folder) => emit_with(output, |out| {
            export::write_json_folder(folder, &mut *out).map_err(|e| errors_in(&e, lang))?;
            out.write_all(b"\n").map_err(|e| {
                Failure::new(say(
                    lang,
                    format!(
                        "无法写出导出内容：{}",
                        policy_targets::output::io_error_label(&e, Lang::Zh)
                    ),
                    format!("cannot write the export: {e}"),
                ))
            })
        }),
        None => emit(
            output,
            &with_newline(export::to_json(&load_in(data, lang)?)),
        ),
    }
}

/// Writes the SQLite database `file` completely or not at all: into a
/// temporary file beside it, renamed into place. An existing `file` is
/// replaced only if it is a database this command wrote.
fn database(
    data: Option<&Path>,
    file: &Path,
    as_of: chrono::NaiveDate,
    lang: Lang,
) -> Result<(), Failure> {
    let options = progress::Options::default();
    // A folder with observations.csv is streamed into the database.
    let folder = bulk_folder(data);
    replace_file_with(file, sqlite::is_export, Unwritable::NotAnExport, |tmp| {
        match folder {
            Some(dir) => {
                sqlite::write_folder(tmp, dir, as_of, &options).map_err(|e| errors_in(&e, lang))?;
            }
            None => {
                let catalog = load_in(data, lang)?;
                let report = progress::progress(&catalog, as_of, &options);
                sqlite::write(tmp, &catalog, &report).map_err(|e| errors_in(&e, lang))?;
            }
        }
        Ok(())
    })
}
