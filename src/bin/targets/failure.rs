//! A failure of the tool: what to print on standard error, and the exit code.

use std::path::{Path, PathBuf};

use policy_targets::{Errors, Lang};

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

/// The problems of a load in the language of `--lang`, then their count,
/// with exit code 1.
pub fn errors_in(errors: &Errors, lang: Lang) -> Failure {
    Failure::new(policy_targets::output::errors_message(errors, lang))
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
        | ErrorKind::ShareNotNormalised { .. }
        | ErrorKind::SizeOutOfRange { .. } => usage(message),
        _ => Failure::new(message),
    }
}
