//! The commands: each reads its options, asks the library and writes the answer.

pub mod export;
pub mod extract;
pub mod gap;
pub mod index;
pub mod init;
pub mod list;
pub mod progress;
pub mod rank;
pub mod report;
pub mod schema;
pub mod synth;
pub mod validate;

use std::path::Path;

use policy_targets::{Catalog, Lang, Per};

use crate::args::{Common, Format};
use crate::failure::{Failure, errors_in, in_lang, usage};
use crate::write::{emit, emit_with};

/// The catalogue of the folder `data`, or the bundled one; its problems
/// in `lang`.
fn load_in(data: Option<&Path>, lang: Lang) -> Result<Catalog, Failure> {
    Catalog::open(data).map_err(|e| errors_in(&e, lang))
}

/// The catalogue for rankings and gaps: of a folder's `observations.csv`,
/// only the denominators (population, GDP) are kept, every row checked;
/// its problems in `lang`.
fn load_for_comparison(data: Option<&Path>, lang: Lang) -> Result<Catalog, Failure> {
    Catalog::open_keeping(data, &Per::DENOMINATOR_METRICS).map_err(|e| errors_in(&e, lang))
}

/// Whether the output options `common` go together, checked before any
/// data is read: the CSV options apply to CSV output only.
pub fn check_common(common: &Common) -> Result<(), Failure> {
    if common.format != Format::Csv && common.csv.any() {
        return Err(usage(crate::failure::say(
            common.lang,
            "--bom 和 --raw-csv 只用于 CSV 输出（--format csv）".to_owned(),
            "--bom and --raw-csv apply to CSV output (--format csv)".to_owned(),
        )));
    }
    Ok(())
}

/// Writes an answer in the format `common` asks for, where it asks.
fn answer_in(
    common: &Common,
    table: impl FnOnce() -> String,
    json: impl FnOnce() -> String,
    csv: impl FnOnce(&mut (dyn std::io::Write + Send)) -> Result<(), policy_targets::Error>,
) -> Result<(), Failure> {
    let bytes = match common.format {
        Format::Table => table().into_bytes(),
        Format::Json => with_newline(json()),
        // Written as it is made, not gathered first.
        Format::Csv => {
            return emit_with(common.output.as_deref(), |out| {
                csv(out).map_err(|e| in_lang(&e, common.lang))
            });
        }
    };
    emit(common.output.as_deref(), &bytes)
}

/// The data folder `data` when it has an `observations.csv`: streamed,
/// not loaded.
fn bulk_folder(data: Option<&Path>) -> Option<&Path> {
    data.filter(|d| d.join("observations.csv").is_file())
}

/// `text` and a line break, as bytes.
fn with_newline(mut text: String) -> Vec<u8> {
    text.push('\n');
    text.into_bytes()
}
