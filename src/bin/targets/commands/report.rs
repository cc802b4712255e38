//! `targets report`: the overview, as text or one HTML page.

use std::path::Path;

use policy_targets::{html, progress, report};

use super::load_in;
use crate::args::{ReportArgs, today};
use crate::failure::{self, Failure, errors_in};
use crate::write::{emit, write_atomically};

/// Prints the overview, or writes it as HTML to `args.html`.
pub fn run(data: Option<&Path>, args: ReportArgs) -> Result<(), Failure> {
    let ReportArgs {
        subject,
        html,
        as_of,
        lang,
    } = args;
    let as_of = as_of.unwrap_or_else(today);
    // A folder with observations.csv is read as a stream: of its rows, only
    // those the report shows are kept.
    let (catalog, progress) = match super::bulk_folder(data) {
        Some(dir) => {
            report::load_folder(dir, as_of, html.is_some()).map_err(|e| errors_in(&e, lang))?
        }
        None => {
            let catalog = load_in(data, lang)?;
            let progress = progress::progress(&catalog, as_of, &progress::Options::default());
            (catalog, progress)
        }
    };
    let overview = report::overview_with(&catalog, &subject, as_of, progress)
        .map_err(|e| failure::in_lang(&e, lang))?;
    match html {
        Some(path) => {
            let page = html::render(&overview, &catalog, lang);
            write_atomically(&path, page.as_bytes())
        }
        None => emit(None, overview.to_text(&catalog, lang).as_bytes()),
    }
}
