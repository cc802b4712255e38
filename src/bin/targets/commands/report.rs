//! `targets report`: the overview, as text or one HTML page.

use std::path::Path;

use policy_targets::{html, report};

use super::load_in;
use crate::args::{ReportArgs, today};
use crate::failure::{self, Failure};
use crate::write::{emit, write_atomically};

/// Prints the overview, or writes it as HTML to `args.html`.
pub fn run(data: Option<&Path>, args: ReportArgs) -> Result<(), Failure> {
    let ReportArgs {
        subject,
        html,
        as_of,
        lang,
    } = args;
    let catalog = load_in(data, lang)?;
    let overview = report::overview(&catalog, &subject, as_of.unwrap_or_else(today))
        .map_err(|e| failure::in_lang(&e, lang))?;
    match html {
        Some(path) => {
            let page = html::render(&overview, &catalog, lang);
            write_atomically(&path, page.as_bytes())
        }
        None => emit(None, overview.to_text(&catalog, lang).as_bytes()),
    }
}
