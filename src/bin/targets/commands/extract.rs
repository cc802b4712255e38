//! `targets extract`: candidate targets and reported figures from policy text.

use std::path::Path;

use policy_targets::{Lang, extract};
use rust_decimal::Decimal;

use super::{load_in, with_newline};
use crate::args::{ExtractArgs, ExtractFormat};
use crate::failure::{Failure, in_lang, say, usage};
use crate::write::emit;

/// Prints what the text of `args.file` proposes, as TOML or JSON.
pub fn run(data: Option<&Path>, args: ExtractArgs) -> Result<(), Failure> {
    let ExtractArgs {
        file,
        published,
        format,
        source,
        jurisdiction,
        min_confidence,
        lang,
    } = args;
    if min_confidence < Decimal::ZERO || min_confidence > Decimal::ONE {
        return Err(usage(say(
            lang,
            format!("--min-confidence：应为0到1之间的数，实为 {min_confidence}"),
            format!("--min-confidence: expected a number from 0 to 1, found {min_confidence}"),
        )));
    }
    let catalog = load_in(data, lang)?;
    let text = read_text(&file, lang)?;
    let jurisdiction = match jurisdiction {
        Some(name) => Some(
            catalog
                .resolve_jurisdiction(&name)
                .map(|j| j.code.clone())
                .map_err(|e| {
                    let failure = in_lang(&e, lang);
                    usage(format!(
                        "--jurisdiction{}{}",
                        say(lang, "：".to_owned(), ": ".to_owned()),
                        failure.text(lang)
                    ))
                })?,
        ),
        None => None,
    };
    let options = extract::Options {
        min_confidence,
        jurisdiction,
        published,
    };
    let candidates = extract::extract_with(&text, &catalog, &options);
    let out = match format {
        ExtractFormat::Toml => extract::to_toml_with(&candidates, &source, &|comment| {
            policy_targets::output::labels::toml_comment(comment, lang)
        })
        .into_bytes(),
        ExtractFormat::Json => with_newline(extract::to_json(&candidates)),
    };
    emit(None, &out)
}

/// The text of FILE, or of standard input for `-`.
fn read_text(file: &Path, lang: Lang) -> Result<String, Failure> {
    let stdin = file == Path::new("-");
    let bytes = if stdin {
        if std::io::IsTerminal::is_terminal(&std::io::stdin()) {
            eprintln!(
                "{}",
                say(
                    lang,
                    "targets extract：从标准输入读取文本（以 Ctrl-D 结束）".to_owned(),
                    "targets extract: reading the text from standard input (end it with Ctrl-D)"
                        .to_owned()
                )
            );
        }
        let mut bytes = Vec::new();
        std::io::Read::read_to_end(&mut std::io::stdin(), &mut bytes).map_err(|e| {
            Failure::new(say(
                lang,
                format!("无法读取标准输入：{}", io_words(&e, lang)),
                format!("cannot read standard input: {e}"),
            ))
        })?;
        bytes
    } else {
        std::fs::read(file).map_err(|e| {
            Failure::new(say(
                lang,
                format!("{}：无法读取：{}", file.display(), io_words(&e, lang)),
                format!("{}: cannot read: {e}", file.display()),
            ))
        })?
    };
    String::from_utf8(bytes).map_err(|e| not_utf8(&e, file, stdin, lang))
}

/// The operating system's error in `lang` (as a data folder's would be).
fn io_words(err: &std::io::Error, lang: Lang) -> String {
    let copy = std::io::Error::new(err.kind(), err.to_string());
    policy_targets::output::error_message(
        &policy_targets::Error::new(policy_targets::ErrorKind::Io(copy), None),
        lang,
    )
}

/// Text that is not UTF-8: where, and how to convert it when it looks like
/// GBK or GB18030.
fn not_utf8(e: &std::string::FromUtf8Error, file: &Path, stdin: bool, lang: Lang) -> Failure {
    let name = match (stdin, lang) {
        (true, Lang::Zh) => "标准输入".to_owned(),
        (true, Lang::En) => "standard input".to_owned(),
        (false, _) => file.display().to_string(),
    };
    let at = e.utf8_error().valid_up_to();
    let input = if stdin {
        "FILE".to_owned()
    } else {
        file.display().to_string()
    };
    let gbk = likely_gb18030(e.as_bytes());
    Failure::new(match lang {
        Lang::Zh => format!(
            "{name}：第 {at} 字节起不是有效的 UTF-8：文本必须是 UTF-8{}",
            if gbk {
                format!(
                    "；看起来是 GBK 或 GB18030 编码：可用 `iconv -f GB18030 -t UTF-8 {input} > text.txt` 转换"
                )
            } else {
                String::new()
            }
        ),
        Lang::En => format!(
            "{name}: invalid UTF-8 at byte {at}: the text must be UTF-8{}",
            if gbk {
                format!(
                    "; it looks like GBK or GB18030: convert it with `iconv -f GB18030 -t UTF-8 {input} > text.txt`"
                )
            } else {
                String::new()
            }
        ),
    })
}

/// Whether bytes that are not UTF-8 read as GBK or GB18030 text: every byte
/// above 0x7F starts a two-byte character (a lead byte 0x81 to 0xFE, a
/// trail byte 0x40 to 0xFE but 0x7F) or a four-byte one, and there is at
/// least one.
fn likely_gb18030(bytes: &[u8]) -> bool {
    let mut i = 0;
    let mut wide = 0;
    while i < bytes.len() {
        let b = bytes[i];
        if b < 0x80 {
            i += 1;
            continue;
        }
        if !(0x81..=0xFE).contains(&b) {
            return false;
        }
        match bytes.get(i + 1) {
            Some(0x30..=0x39) => {
                // Four bytes: lead, digit, lead, digit.
                let ok = bytes.get(i + 2).is_some_and(|c| (0x81..=0xFE).contains(c))
                    && bytes.get(i + 3).is_some_and(|c| (0x30..=0x39).contains(c));
                if !ok {
                    return false;
                }
                i += 4;
            }
            Some(&t) if (0x40..=0xFE).contains(&t) && t != 0x7F => i += 2,
            // A text cut in the middle of a character.
            None => i += 1,
            Some(_) => return false,
        }
        wide += 1;
    }
    wide > 0
}
