//! Mistakes of the command line that clap rejects, said in the language of
//! `--lang` (read from the raw arguments, since they did not parse).

use std::ffi::OsString;

use clap::error::{ContextKind, ContextValue, ErrorKind as ClapKind};
use policy_targets::{Lang, ParseError};

use crate::args::OptionError;
use crate::failure::{Failure, usage};

/// The language the first `--lang` of a command line asks for (`--lang
/// en` or `--lang=en`), Chinese otherwise: the language of `--help` and of
/// a command line clap rejects, read before parsing. Arguments that are not
/// UTF-8 are skipped.
pub fn lang_of(args: &[OsString]) -> Lang {
    let mut args = args.iter().map(|a| a.to_str());
    while let Some(arg) = args.next() {
        let value = match arg.and_then(|a| a.strip_prefix("--lang")) {
            Some("") => args.next().flatten(),
            Some(rest) => rest.strip_prefix('='),
            None => continue,
        };
        return if value == Some("en") {
            Lang::En
        } else {
            Lang::Zh
        };
    }
    Lang::Zh
}

/// A mistake of the command line clap rejects, said in Chinese for
/// `Lang::Zh` (exit 2): every kind of mistake clap reports has a Chinese
/// sentence naming the argument at fault; a kind without one of its own
/// gets a general sentence that still names it. In English, and for
/// `--help` and `--version`, clap's own output is kept: the error is given
/// back. `args` are the raw arguments, program name first.
pub fn command_line(
    err: clap::Error,
    lang: Lang,
    args: &[OsString],
) -> Result<Failure, clap::Error> {
    if lang == Lang::En {
        return Err(err);
    }
    match err.kind() {
        ClapKind::DisplayHelp
        | ClapKind::DisplayVersion
        | ClapKind::DisplayHelpOnMissingArgumentOrSubcommand => return Err(err),
        ClapKind::ValueValidation | ClapKind::InvalidValue => {
            if let Some(message) = rejected_value(&err) {
                return Ok(usage(message));
            }
        }
        _ => {}
    }
    let message = zh(&err, args).unwrap_or_else(|| general(&err, args));
    Ok(usage(with_usage(message, &err)))
}

/// The Chinese sentence of a mistake clap reports with the context it
/// needs; `None` when the context is missing.
fn zh(err: &clap::Error, args: &[OsString]) -> Option<String> {
    let arg = || text(err, ContextKind::InvalidArg);
    let option = || arg().map(|a| option_of(&a).to_owned());
    match err.kind() {
        ClapKind::MissingRequiredArgument => arg().map(|args| format!("缺少必需的参数：{args}")),
        ClapKind::UnknownArgument => arg().map(|arg| {
            let hint = text(err, ContextKind::SuggestedArg)
                .map(|s| format!("；是否想用 {s}？"))
                .unwrap_or_default();
            format!("无法识别的参数：{arg}{hint}")
        }),
        ClapKind::InvalidSubcommand => text(err, ContextKind::InvalidSubcommand).map(|sub| {
            let hint = text(err, ContextKind::SuggestedSubcommand)
                .map(|s| format!("；是否想用 {s}？"))
                .unwrap_or_default();
            format!("未知的子命令：{sub}{hint}")
        }),
        ClapKind::MissingSubcommand => {
            let valid = text(err, ContextKind::ValidSubcommand)
                .map(|v| format!("：应为以下之一：{v}"))
                .unwrap_or_default();
            Some(format!("缺少子命令{valid}"))
        }
        ClapKind::ArgumentConflict => conflict(err),
        ClapKind::TooManyValues => option()
            .zip(text(err, ContextKind::InvalidValue))
            .map(|(option, value)| format!("{option}：多余的值“{value}”")),
        ClapKind::TooFewValues => option().map(|option| {
            format!(
                "{option}：值太少：至少需要 {} 个，实有 {} 个",
                count(err, ContextKind::MinValues),
                count(err, ContextKind::ActualNumValues)
            )
        }),
        ClapKind::WrongNumberOfValues => option().map(|option| {
            format!(
                "{option}：应有 {} 个值，实有 {} 个",
                count(err, ContextKind::ExpectedNumValues),
                count(err, ContextKind::ActualNumValues)
            )
        }),
        ClapKind::NoEquals => {
            option().map(|option| format!("{option} 的值须用等号给出：{option}=值"))
        }
        ClapKind::InvalidUtf8 => not_utf8(args)
            .map(|arg| format!("参数“{arg}”不是有效的 UTF-8 文本（请把命令行写成 UTF-8）")),
        _ => None,
    }
}

/// The sentence of a mistake without a sentence of its own: what clap names
/// at fault, or else the whole command line.
fn general(err: &clap::Error, args: &[OsString]) -> String {
    let named = [
        ContextKind::InvalidArg,
        ContextKind::InvalidSubcommand,
        ContextKind::InvalidValue,
    ]
    .into_iter()
    .find_map(|kind| text(err, kind));
    match named {
        Some(named) => format!("命令行有误：无法接受“{named}”"),
        None => {
            let line: Vec<String> = args
                .iter()
                .skip(1)
                .map(|a| a.to_string_lossy().into_owned())
                .collect();
            format!("命令行有误：targets {}", line.join(" "))
        }
    }
}

/// The first argument (after the program's name) that is not UTF-8, with
/// its bad bytes as `�`.
fn not_utf8(args: &[OsString]) -> Option<String> {
    args.iter()
        .skip(1)
        .find(|a| a.to_str().is_none())
        .map(|a| a.to_string_lossy().into_owned())
}

/// A context value of a clap error as text; a list joined by `、`.
fn text(err: &clap::Error, kind: ContextKind) -> Option<String> {
    match err.get(kind) {
        Some(ContextValue::String(s)) => Some(s.clone()),
        Some(ContextValue::Strings(list)) if !list.is_empty() => Some(list.join("、")),
        _ => None,
    }
}

/// A count of values in the error's context, `？` where it has none.
fn count(err: &clap::Error, kind: ContextKind) -> String {
    match err.get(kind) {
        Some(ContextValue::Number(n)) => n.to_string(),
        _ => "？".to_owned(),
    }
}

/// `--as-of <DATE>` (or `--as-of=<DATE>`) → `--as-of`.
fn option_of(arg: &str) -> &str {
    arg.split([' ', '=']).next().unwrap_or(arg)
}

/// An option given twice, or with another it cannot be used with (or a
/// subcommand given with an argument it excludes).
fn conflict(err: &clap::Error) -> Option<String> {
    let arg =
        text(err, ContextKind::InvalidArg).or_else(|| text(err, ContextKind::InvalidSubcommand))?;
    let option = option_of(&arg);
    match text(err, ContextKind::PriorArg) {
        Some(prior) if prior == arg => Some(format!("{option} 只能使用一次")),
        Some(prior) => Some(format!("{option} 不能与 {prior} 同时使用")),
        None => Some(format!("{option} 不能与其他已给出的参数同时使用")),
    }
}

/// `MESSAGE（用法：USAGE；详见 COMMAND --help）` when clap knows the usage,
/// `MESSAGE` otherwise. The usage's `[OPTIONS]` and `<COMMAND>` are said in
/// Chinese; the arguments' own names stay as `--help` writes them.
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
    let line = line
        .replace("[OPTIONS]", "[选项]")
        .replace("<COMMAND>", "<子命令>");
    format!(
        "{message}（用法：{line}；详见 {} --help）",
        command.join(" ")
    )
}

/// An option's value clap rejects or that is missing: the option, then what
/// is wrong with the value. `None` without the option and value in the
/// error's context.
fn rejected_value(err: &clap::Error) -> Option<String> {
    let arg = text(err, ContextKind::InvalidArg)?;
    let value = text(err, ContextKind::InvalidValue)?;
    let option = option_of(&arg).to_owned();
    let valid = text(err, ContextKind::ValidValue);
    let source = std::error::Error::source(err);
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
    } else if let Some(int) = source.and_then(|s| s.downcast_ref::<std::num::ParseIntError>()) {
        match int.kind() {
            std::num::IntErrorKind::PosOverflow => format!("“{value}”过大"),
            _ => format!("应为非负整数，实为“{value}”"),
        }
    } else if source.is_some_and(|s| s.is::<rust_decimal::Error>()) {
        format!("应为十进制数（如 0.5），实为“{value}”")
    } else {
        format!("无效的值“{value}”")
    };
    Some(format!("{option}：{reason}"))
}

#[cfg(test)]
mod tests {
    use std::ffi::OsString;

    use clap::{Arg, ArgAction, Command};
    use policy_targets::Lang;

    use super::command_line;

    /// What a small command says in Chinese for `args`, which clap rejects.
    fn zh(args: &[&str]) -> String {
        let command = Command::new("demo")
            .arg(Arg::new("pair").long("pair").num_args(2))
            .arg(Arg::new("some").long("some").num_args(2..=3))
            .arg(Arg::new("eq").long("eq").require_equals(true))
            .arg(Arg::new("flag").long("flag").action(ArgAction::SetTrue));
        let args: Vec<OsString> = std::iter::once("demo")
            .chain(args.iter().copied())
            .map(OsString::from)
            .collect();
        let err = command
            .try_get_matches_from(&args)
            .expect_err("clap rejects it");
        let failure = command_line(err, Lang::Zh, &args).expect("said in Chinese");
        assert_eq!(failure.code, 2);
        failure.text(Lang::Zh)
    }

    #[test]
    fn the_kinds_this_tool_cannot_raise_have_chinese_sentences_too() {
        assert_eq!(
            zh(&["--pair", "a"]),
            "--pair：应有 2 个值，实有 1 个（用法：demo [选项]；详见 demo --help）"
        );
        assert_eq!(
            zh(&["--some", "a"]),
            "--some：值太少：至少需要 2 个，实有 1 个（用法：demo [选项]；详见 demo --help）"
        );
        assert_eq!(
            zh(&["--eq", "x"]),
            "--eq 的值须用等号给出：--eq=值（用法：demo [选项]；详见 demo --help）"
        );
    }

    #[test]
    fn a_mistake_without_its_own_sentence_names_what_is_at_fault() {
        let err = clap::Error::raw(clap::error::ErrorKind::Io, "broken");
        let args = [OsString::from("demo"), OsString::from("--odd")];
        let failure = command_line(err, Lang::Zh, &args).expect("said in Chinese");
        assert_eq!(failure.text(Lang::Zh), "命令行有误：targets --odd");
        // English keeps clap's error.
        let err = clap::Error::raw(clap::error::ErrorKind::Io, "broken");
        assert!(command_line(err, Lang::En, &args).is_err());
    }
}
