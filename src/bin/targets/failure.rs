//! A failure of the tool: what to print on standard error, and the exit code.

use std::path::Path;

use clap::error::{ContextKind, ContextValue, ErrorKind as ClapKind};
use policy_targets::{Errors, Lang, ParseError};

use crate::args::OptionError;

/// A failure: what to print on standard error, and the exit code.
#[derive(Debug)]
pub struct Failure {
    /// The text printed on standard error.
    pub message: String,
    /// The exit code: 1 for a failure, 2 for a usage error.
    pub code: u8,
}

impl Failure {
    /// A failure with exit code 1.
    pub fn new(message: String) -> Failure {
        Failure { message, code: 1 }
    }

    /// `PATH: cannot write: ERROR`, with exit code 1.
    pub fn cannot_write(path: &Path, error: impl std::fmt::Display) -> Failure {
        Failure::new(format!("{}: cannot write: {error}", path.display()))
    }
}

/// `zh` or `en`, as `lang` asks.
pub fn say(lang: Lang, zh: String, en: String) -> String {
    match lang {
        Lang::Zh => zh,
        Lang::En => en,
    }
}

/// A usage error: exit code 2.
pub fn usage(message: String) -> Failure {
    Failure { message, code: 2 }
}

impl From<Errors> for Failure {
    /// The problems in English (see [`errors_in`]).
    fn from(errors: Errors) -> Failure {
        errors_in(&errors, Lang::En)
    }
}

/// The problems of a load in the language of `--lang`, then their count,
/// with exit code 1.
pub fn errors_in(errors: &Errors, lang: Lang) -> Failure {
    Failure::new(policy_targets::output::errors_message(errors, lang))
}

impl From<policy_targets::Error> for Failure {
    /// The error in English (see [`in_lang`]).
    fn from(err: policy_targets::Error) -> Failure {
        in_lang(&err, policy_targets::Lang::En)
    }
}

/// A question's error in the language of `--lang`. A name on the command
/// line that the data does not know, or a question that cannot be asked,
/// is a usage error (exit 2); anything else is a failure (exit 1).
pub fn in_lang(err: &policy_targets::Error, lang: policy_targets::Lang) -> Failure {
    use policy_targets::ErrorKind;
    let message = policy_targets::output::error_message(err, lang);
    match err.kind() {
        ErrorKind::UnknownMetric { .. }
        | ErrorKind::UnknownJurisdiction { .. }
        | ErrorKind::SameSubjectAndBenchmark { .. }
        | ErrorKind::ShareNotNormalised { .. } => usage(message),
        _ => Failure::new(message),
    }
}

/// The language a command line asks for with `--lang` (`--lang en` or
/// `--lang=en`), Chinese otherwise, for a command line clap rejects.
pub fn lang_of(args: impl IntoIterator<Item = String>) -> Lang {
    let mut args = args.into_iter();
    while let Some(arg) = args.next() {
        let value = match arg.strip_prefix("--lang") {
            Some("") => args.next(),
            Some(rest) => rest.strip_prefix('=').map(str::to_owned),
            None => continue,
        };
        if value.as_deref() == Some("en") {
            return Lang::En;
        }
    }
    Lang::Zh
}

/// An option's value clap rejects, said in Chinese for `Lang::Zh` (exit
/// 2): the option, then what is wrong with the value. In English, and for
/// other mistakes of the command line (a missing argument, an unknown
/// option, `--help`), clap's own output is kept: the error is given back.
pub fn command_line(err: clap::Error, lang: Lang) -> Result<Failure, clap::Error> {
    if lang == Lang::En
        || !matches!(
            err.kind(),
            ClapKind::ValueValidation | ClapKind::InvalidValue
        )
    {
        return Err(err);
    }
    let text = |kind| match err.get(kind) {
        Some(ContextValue::String(s)) => Some(s.clone()),
        Some(ContextValue::Strings(list)) => Some(list.join("、")),
        _ => None,
    };
    let (Some(arg), Some(value)) = (
        text(ContextKind::InvalidArg),
        text(ContextKind::InvalidValue),
    ) else {
        return Err(err);
    };
    // `--as-of <DATE>` → `--as-of`.
    let option = arg.split(' ').next().unwrap_or(&arg).to_owned();
    let source = std::error::Error::source(&err);
    let reason = if let Some(parse) = source.and_then(|s| s.downcast_ref::<ParseError>()) {
        policy_targets::output::error_message(&policy_targets::Error::from(parse.clone()), lang)
    } else if let Some(option_error) = source.and_then(|s| s.downcast_ref::<OptionError>()) {
        option_error.zh()
    } else if let Some(valid) = text(ContextKind::ValidValue) {
        format!("无效的值“{value}”：应为以下之一：{valid}")
    } else {
        return Err(err);
    };
    Ok(usage(format!("{option}：{reason}")))
}
