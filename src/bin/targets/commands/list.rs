//! `targets list`: the metrics, jurisdictions or sources of a data folder.

use std::path::Path;

use policy_targets::list::{Kind, Listing};

use super::load_in;
use crate::args::{ListArgs, ListFormat, ListKind};
use crate::failure::{Failure, in_lang, usage};
use crate::write::emit;

/// Lists the records of `data` that `args` asks for.
pub fn run(data: Option<&Path>, args: ListArgs) -> Result<(), Failure> {
    if args.format != ListFormat::Csv && args.csv.any() {
        return Err(usage(crate::failure::say(
            args.lang,
            "--bom 和 --raw-csv 只用于 CSV 输出（--format csv）".to_owned(),
            "--bom and --raw-csv apply to CSV output (--format csv)".to_owned(),
        )));
    }
    let catalog = load_in(data, args.lang)?;
    let kind = match args.kind {
        ListKind::Metrics => Kind::Metrics,
        ListKind::Jurisdictions => Kind::Jurisdictions,
        ListKind::Sources => Kind::Sources,
    };
    let listing = Listing::of(&catalog, kind);
    let bytes = match args.format {
        ListFormat::Table => listing.to_table(args.lang).into_bytes(),
        ListFormat::Markdown => listing.to_markdown(args.lang).into_bytes(),
        ListFormat::Json => {
            let mut json = listing.to_json();
            json.push('\n');
            json.into_bytes()
        }
        ListFormat::Csv => {
            let mut buffer = Vec::new();
            listing
                .write_csv(&mut buffer, &args.csv.options())
                .map_err(|e| in_lang(&e, args.lang))?;
            buffer
        }
    };
    emit(args.output.as_deref(), &bytes)
}
