//! A failure of the tool: what to print on standard error, and the exit code.

use std::path::{Path, PathBuf};

use clap::error::{ContextKind, ContextValue, ErrorKind as ClapKind};
use policy_targets::{Errors, Lang, ParseError};

use crate::args::OptionError;

/// A failure: what to print on standard error, and the exit code.
#[derive(Debug)]
pub struct Failure {
    /// What is printed on standard error.
    pub message: Message,
    /// The exit code: 1 for a failure, 2 for a usage error.
    pub code: u8,
}

/// What a failure prints: text already in the language asked for, or a
/// failure to write, said once the language is known.
#[derive(Debug)]
pub enum Message {
    /// Text in the language of `--lang`.
    Said(String),
    /// A file or folder (or standard output, without a path) that could not
    /// be written, and why.
    CannotWrite {
        /// The file or folder; `None` for standard output.
        path: Option<PathBuf>,
        /// Why it could not be written.
        why: Unwritable,
    },
}

/// Why a file or folder could not be written.
#[derive(Debug)]
pub enum Unwritable {
    /// What the operating system reported.
    Io(std::io::Error),
    /// The path is a folder where a file is written.
    IsFolder,
    /// The path exists and is not a folder where a folder is written.
    NotAFolder,
    /// The folder holds files the command does not write: the first three
    /// names, and how many more there are.
    ForeignFiles {
        /// Up to three of the files, sorted.
        listed: Vec<String>,
        /// How many more there are.
        more: usize,
    },
    /// The file is read-only, and is not overwritten.
    ReadOnly,
    /// The file exists and is not a database `export --format sqlite` wrote.
    NotAnExport,
}

impl From<std::io::Error> for Unwritable {
    fn from(err: std::io::Error) -> Unwritable {
        Unwritable::Io(err)
    }
}

impl Unwritable {
    /// Why, in the language `lang`.
    fn text(&self, lang: Lang) -> String {
        match self {
            Unwritable::Io(err) => policy_targets::output::io_error_label(err, lang),
            Unwritable::IsFolder => say(lang, "是文件夹而不是文件".into(), "it is a folder".into()),
            Unwritable::NotAFolder => say(
                lang,
                "已存在且不是文件夹".into(),
                "it exists and is not a folder".into(),
            ),
            Unwritable::ForeignFiles { listed, more } => say(
                lang,
                format!(
                    "文件夹中有本命令不会写入的文件（{}{}）；请选择新的或空的文件夹",
                    listed.join("、"),
                    if *more > 0 { format!("等，另有 {more} 个") } else { String::new() }
                ),
                format!(
                    "the folder holds files this command does not write ({}{}); choose a new or empty folder",
                    listed.join(", "),
                    if *more > 0 { format!(" and {more} more") } else { String::new() }
                ),
            ),
            Unwritable::ReadOnly => say(
                lang,
                "文件是只读的".into(),
                "the file is read-only".into(),
            ),
            Unwritable::NotAnExport => say(
                lang,
                "文件已存在，且不是 `targets export --format sqlite` 写出的数据库；已保留原样（请换一个文件名或先删除它）".into(),
                "the file exists and is not a database written by `targets export --format sqlite`; it is left as it is (choose a new file name or remove it)".into(),
            ),
        }
    }
}

impl Failure {
    /// A failure with exit code 1.
    pub fn new(message: String) -> Failure {
        Failure {
            message: Message::Said(message),
            code: 1,
        }
    }

    /// `PATH: cannot write: WHY` (`PATH：无法写入：WHY`), with exit code 1.
    pub fn cannot_write(path: &Path, why: impl Into<Unwritable>) -> Failure {
        Failure {
            message: Message::CannotWrite {
                path: Some(path.to_owned()),
                why: why.into(),
            },
            code: 1,
        }
    }

    /// `cannot write to standard output: ERROR`, with exit code 1.
    pub fn cannot_write_stdout(err: std::io::Error) -> Failure {
        Failure {
            message: Message::CannotWrite {
                path: None,
                why: Unwritable::Io(err),
            },
            code: 1,
        }
    }

    /// The message in the language `lang` (text already said is kept).
    pub fn text(&self, lang: Lang) -> String {
        match &self.message {
            Message::Said(text) => text.clone(),
            Message::CannotWrite {
                path: Some(path),
                why,
            } => say(
                lang,
                format!("{}：无法写入：{}", path.display(), why.text(lang)),
                format!("{}: cannot write: {}", path.display(), why.text(lang)),
            ),
            Message::CannotWrite { path: None, why } => say(
                lang,
                format!("无法写入标准输出：{}", why.text(lang)),
                format!("cannot write to standard output: {}", why.text(lang)),
            ),
        }
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
    Failure {
        message: Message::Said(message),
        code: 2,
    }
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

/// A mistake of the command line clap rejects, said in Chinese for
/// `Lang::Zh` (exit 2): an option's value it rejects or that is missing, a
/// missing required argument, an unknown option or subcommand, an option
/// given twice or with one it excludes. When clap knows the command's usage,
/// it follows in brackets with where to read more. In English, and for
/// `--help`, `--version` and the rarer mistakes, clap's own output is kept:
/// the error is given back.
pub fn command_line(err: clap::Error, lang: Lang) -> Result<Failure, clap::Error> {
    if lang == Lang::En {
        return Err(err);
    }
    let message = match err.kind() {
        ClapKind::ValueValidation | ClapKind::InvalidValue => return rejected_value(err),
        ClapKind::MissingRequiredArgument => {
            text(&err, ContextKind::InvalidArg).map(|args| format!("缺少必需的参数：{args}"))
        }
        ClapKind::UnknownArgument => text(&err, ContextKind::InvalidArg).map(|arg| {
            let hint = text(&err, ContextKind::SuggestedArg)
                .map(|s| format!("；是否想用 {s}？"))
                .unwrap_or_default();
            format!("无法识别的参数：{arg}{hint}")
        }),
        ClapKind::InvalidSubcommand => text(&err, ContextKind::InvalidSubcommand).map(|sub| {
            let hint = text(&err, ContextKind::SuggestedSubcommand)
                .map(|s| format!("；是否想用 {s}？"))
                .unwrap_or_default();
            format!("未知的子命令：{sub}{hint}")
        }),
        ClapKind::ArgumentConflict => conflict(&err),
        ClapKind::TooManyValues => text(&err, ContextKind::InvalidArg)
            .zip(text(&err, ContextKind::InvalidValue))
            .map(|(arg, value)| format!("{}：多余的值“{value}”", option_of(&arg))),
        _ => None,
    };
    match message {
        Some(message) => Ok(usage(with_usage(message, &err))),
        None => Err(err),
    }
}

/// A context value of a clap error as text; a list joined by `、`.
fn text(err: &clap::Error, kind: ContextKind) -> Option<String> {
    match err.get(kind) {
        Some(ContextValue::String(s)) => Some(s.clone()),
        Some(ContextValue::Strings(list)) if !list.is_empty() => Some(list.join("、")),
        _ => None,
    }
}

/// `--as-of <DATE>` → `--as-of`.
fn option_of(arg: &str) -> &str {
    arg.split(' ').next().unwrap_or(arg)
}

/// An option given twice, or with another it cannot be used with.
fn conflict(err: &clap::Error) -> Option<String> {
    let arg = text(err, ContextKind::InvalidArg)?;
    let option = option_of(&arg);
    match text(err, ContextKind::PriorArg) {
        Some(prior) if prior == arg => Some(format!("{option} 只能使用一次")),
        Some(prior) => Some(format!("{option} 不能与 {prior} 同时使用")),
        None => Some(format!("{option} 不能与其他已给出的参数同时使用")),
    }
}

/// `MESSAGE（用法：USAGE；详见 COMMAND --help）` when clap knows the usage,
/// `MESSAGE` otherwise.
fn with_usage(message: String, err: &clap::Error) -> String {
    let Some(ContextValue::StyledStr(styled)) = err.get(ContextKind::Usage) else {
        return message;
    };
    let line = styled.to_string();
    let line = line.trim().trim_start_matches("Usage:").trim();
    // `targets gap --against <AGAINST> …` → `targets gap`.
    let command: Vec<&str> = line
        .split(' ')
        .take_while(|word| !word.starts_with(['-', '[', '<']))
        .collect();
    format!(
        "{message}（用法：{line}；详见 {} --help）",
        command.join(" ")
    )
}

/// An option's value clap rejects or that is missing: the option, then what
/// is wrong with the value.
fn rejected_value(err: clap::Error) -> Result<Failure, clap::Error> {
    let (Some(arg), Some(value)) = (
        text(&err, ContextKind::InvalidArg),
        text(&err, ContextKind::InvalidValue),
    ) else {
        return Err(err);
    };
    let option = option_of(&arg).to_owned();
    let valid = text(&err, ContextKind::ValidValue);
    let source = std::error::Error::source(&err);
    let reason = if value.is_empty() {
        match valid {
            Some(valid) => format!("缺少值：应为以下之一：{valid}"),
            None => "缺少值".to_owned(),
        }
    } else if let Some(parse) = source.and_then(|s| s.downcast_ref::<ParseError>()) {
        policy_targets::output::error_message(&policy_targets::Error::from(parse.clone()), Lang::Zh)
    } else if let Some(option_error) = source.and_then(|s| s.downcast_ref::<OptionError>()) {
        option_error.zh()
    } else if let Some(valid) = valid {
        format!("无效的值“{value}”：应为以下之一：{valid}")
    } else {
        return Err(err);
    };
    Ok(usage(format!("{option}：{reason}")))
}
