//! `targets extract`: candidate targets and reported figures from policy text.

use std::path::Path;

use policy_targets::extract;
use rust_decimal::Decimal;

use super::{load, with_newline};
use crate::args::{ExtractArgs, ExtractFormat};
use crate::failure::{Failure, usage};
use crate::write::emit;

/// Prints what the text of `args.file` proposes, as TOML or JSON.
pub fn run(data: Option<&Path>, args: ExtractArgs) -> Result<(), Failure> {
    let ExtractArgs {
        file,
        format,
        source,
        jurisdiction,
        min_confidence,
    } = args;
    if min_confidence < Decimal::ZERO || min_confidence > Decimal::ONE {
        return Err(usage(format!(
            "--min-confidence: expected a number from 0 to 1, found {min_confidence}"
        )));
    }
    let catalog = load(data)?;
    let text = read_text(&file)?;
    let jurisdiction = match jurisdiction {
        Some(name) => Some(
            catalog
                .find_jurisdiction(&name)
                .map(|j| j.code.clone())
                .ok_or_else(|| usage(format!("--jurisdiction: unknown jurisdiction {name:?}")))?,
        ),
        None => None,
    };
    let options = extract::Options {
        min_confidence,
        jurisdiction,
    };
    let candidates = extract::extract_with(&text, &catalog, &options);
    let out = match format {
        ExtractFormat::Toml => extract::to_toml(&candidates, &source).into_bytes(),
        ExtractFormat::Json => with_newline(extract::to_json(&candidates)),
    };
    emit(None, &out)
}

/// The text of FILE, or of standard input for `-`.
fn read_text(file: &Path) -> Result<String, Failure> {
    let stdin = file == Path::new("-");
    let bytes = if stdin {
        let mut bytes = Vec::new();
        std::io::Read::read_to_end(&mut std::io::stdin(), &mut bytes)
            .map_err(|e| Failure::new(format!("cannot read standard input: {e}")))?;
        bytes
    } else {
        std::fs::read(file)
            .map_err(|e| Failure::new(format!("{}: cannot read: {e}", file.display())))?
    };
    String::from_utf8(bytes).map_err(|e| {
        let name = if stdin {
            "standard input".to_owned()
        } else {
            file.display().to_string()
        };
        Failure::new(format!(
            "{name}: invalid UTF-8 at byte {}: the text must be UTF-8",
            e.utf8_error().valid_up_to()
        ))
    })
}
