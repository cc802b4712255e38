//! A failure of the tool: what to print on standard error, and the exit code.

use std::path::Path;

use policy_targets::{Errors, Lang};

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
