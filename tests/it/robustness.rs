//! Inputs too big or too odd to commit as files, generated into a fresh
//! folder under the system's temporary directory and removed afterwards: a
//! 100 MB source file, very long lines, deeply nested arrays and tables,
//! binary garbage, other encodings and line endings, a file with a thousand
//! mistakes; and commands that write files, which must leave a file complete
//! or untouched.
//!
//! Each test copies `tests/fixtures/good/minimal/` to `<scratch>/data`, spoils
//! it, and runs `targets` from `<scratch>` with `--data data`, so the paths in
//! the messages are the relative ones below.

use std::path::PathBuf;
use std::time::{Duration, Instant};

use crate::util::{Run, TempDir, cli, copy_dir, fixture, folder_listing, manifest_dir};

/// The source file most cases spoil.
const SUZHOU: &str = "sources/suzhou_data_industry_opinions_2025.toml";

/// What `targets validate` prints for the minimal folder.
const MINIMAL_OK: &str = "ok: 3 jurisdictions, 3 metrics, 3 sources, 2 targets, 1 observation\n";

/// A `[source]` table for generated source files.
const SOURCE_TABLE: &str = "[source]
id = \"generated_2025\"
title = \"生成的来源\"
issuer = \"测试\"
published = 2025
status = \"final\"
force = \"plan\"
";

/// A folder of its own under the temporary directory, removed on drop.
struct Scratch {
    dir: TempDir,
}

impl Scratch {
    fn new(name: &str) -> Scratch {
        Scratch {
            dir: TempDir::new(&format!("robustness-{name}")),
        }
    }

    /// A scratch folder holding a copy of the minimal good data folder as `data`.
    fn with_minimal_data(name: &str) -> Scratch {
        let scratch = Scratch::new(name);
        copy_dir(&fixture("good/minimal"), &scratch.path("data"));
        scratch
    }

    fn path(&self, relative: &str) -> PathBuf {
        self.dir.join(relative)
    }

    /// Writes `bytes` to `data/<relative>`.
    fn write(&self, relative: &str, bytes: impl AsRef<[u8]>) {
        let path = self.path("data").join(relative);
        std::fs::write(&path, bytes).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    }

    /// The text of `data/<relative>`.
    fn read(&self, relative: &str) -> String {
        let path = self.path("data").join(relative);
        std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
    }

    /// Runs `targets` with `args` from the scratch folder.
    fn targets(&self, args: &[&str]) -> Run {
        cli(args).cwd(self.dir.path()).run().forward_slashes()
    }

    /// Runs `targets validate --data data`.
    fn validate(&self) -> Run {
        self.targets(&["validate", "--lang", "en", "--data", "data"])
    }

    /// Runs `targets validate --data data`, killing it after `limit`: a guard
    /// against a hang or a quadratic blow-up (minutes), not a speed test.
    fn validate_within(&self, limit: Duration) -> Result<Run, String> {
        cli(["validate", "--lang", "en", "--data", "data"])
            .cwd(self.dir.path())
            .limit(limit)
            .try_run()
            .map(Run::forward_slashes)
    }

    /// The names of the entries of a folder of the scratch folder, sorted.
    fn entries(&self, relative: &str) -> Vec<String> {
        folder_listing(&self.path(relative))
    }
}

/// Deterministic pseudo-random bytes (xorshift64*), so that a failure can be
/// reproduced.
fn noise(seed: u64, len: usize) -> Vec<u8> {
    let mut state = seed.max(1);
    (0..len)
        .map(|_| {
            state ^= state >> 12;
            state ^= state << 25;
            state ^= state >> 27;
            (state.wrapping_mul(0x2545_F491_4F6C_DD1D) >> 56) as u8
        })
        .collect()
}

/// The line and column (in characters, from 1) just after `text`.
fn end_position(text: &str) -> (usize, usize) {
    let line = text.matches('\n').count() + 1;
    let last = text.rfind('\n').map_or(text, |i| &text[i + 1..]);
    (line, last.chars().count() + 1)
}

fn float_message(file: &str, line: usize, text: &str) -> String {
    format!(
        "{file}:{line}:9: value: expected an integer or a string, found the float {text}: TOML floats are binary and lose digits, write it as a string (\"{text}\")\n"
    )
}

// --- size -------------------------------------------------------------------

#[test]
fn a_100_mb_source_file_is_read_to_its_last_line() {
    // A source file padded with 100 MB of comment lines (a pasted document),
    // with its one mistake on the very last line.
    let scratch = Scratch::with_minimal_data("100mb");
    let comment = "# 备注：本文件由原文逐段转录，数字以原文为准，核对人员请勿改动引文。\n";
    let lines = 100 * 1024 * 1024 / comment.len() + 1;
    let mut text = String::with_capacity(lines * comment.len() + 512);
    text.push_str(SOURCE_TABLE);
    for _ in 0..lines {
        text.push_str(comment);
    }
    text.push_str(
        "\n[[observation]]
id = \"generated_gdp_2024\"
jurisdiction = \"320000\"
metric = \"gdp\"
value = 13.7
unit = \"万亿元\"
as_of = 2024
quote = \"13.7万亿元\"
",
    );
    assert!(text.len() >= 100 * 1024 * 1024);
    let value_line = text
        .lines()
        .position(|l| l == "value = 13.7")
        .expect("value")
        + 1;
    scratch.write("sources/generated_2025.toml", &text);
    drop(text);

    let start = Instant::now();
    let err = scratch.validate().failed();
    let elapsed = start.elapsed();
    let expected = float_message("data/sources/generated_2025.toml", value_line, "13.7");
    assert_eq!(err, format!("{expected}1 problem found\n"));
    eprintln!("validating a 100 MB source file took {elapsed:?}");
}

#[test]
fn a_10_mb_quote_on_one_line_is_accepted() {
    // A whole document pasted into `quote`: long, but valid.
    let scratch = Scratch::with_minimal_data("long-quote");
    let quote = "建设形成不少于 300 个高质量数据集；".repeat(10 * 1024 * 1024 / 50);
    let text = scratch.read(SUZHOU).replace(
        "quote = \"建设形成不少于 300 个高质量数据集\"",
        &format!("quote = \"{quote}\""),
    );
    assert!(text.len() > 10 * 1024 * 1024);
    scratch.write(SUZHOU, text);
    assert_eq!(scratch.validate().succeeded(), MINIMAL_OK);
}

#[test]
fn a_string_left_open_at_the_end_of_a_very_long_line_is_placed_by_character() {
    // One million characters of Chinese text (3 MB) in a `note` whose
    // closing quote is missing: the column counts characters, not bytes.
    let scratch = Scratch::with_minimal_data("long-line");
    let n = 1_000_000;
    let text = format!("{}note = \"{}\n", scratch.read(SUZHOU), "数".repeat(n));
    scratch.write(SUZHOU, text);
    let err = scratch.validate().failed();
    assert_eq!(
        err,
        format!(
            "data/{SUZHOU}:19:{}: note: invalid TOML: invalid basic string, expected `\"`\n1 problem found\n",
            n + 9
        )
    );
}

/// Observations written as inline tables, all on one line.
fn observations_on_one_line(n: usize) -> String {
    let records: Vec<String> = (0..n)
        .map(|i| {
            format!(
                "{{ id = \"generated_{i}\", jurisdiction = \"320000\", metric = \"gdp\", value = \"13.7\", unit = \"万亿元\", as_of = 2024, quote = \"13.7万亿元\" }}"
            )
        })
        .collect();
    format!("observation = [{}]\n{SOURCE_TABLE}", records.join(", "))
}

#[test]
fn a_few_records_on_one_long_line_are_read() {
    let scratch = Scratch::with_minimal_data("one-line-few");
    scratch.write("sources/generated_2025.toml", observations_on_one_line(500));
    assert_eq!(
        scratch.validate().succeeded(),
        "ok: 3 jurisdictions, 3 metrics, 4 sources, 2 targets, 501 observations\n"
    );
}

#[test]
fn many_records_on_one_long_line_are_read_in_linear_time() {
    let scratch = Scratch::with_minimal_data("one-line-many");
    scratch.write(
        "sources/generated_2025.toml",
        observations_on_one_line(20_000),
    );
    let run = scratch
        .validate_within(Duration::from_secs(120))
        .expect("validation finishes");
    assert_eq!(
        run.succeeded(),
        "ok: 3 jurisdictions, 3 metrics, 4 sources, 2 targets, 20001 observations\n"
    );
}

#[test]
fn a_huge_unknown_key_is_reported_quickly_and_briefly() {
    let scratch = Scratch::with_minimal_data("huge-key");
    let key = "x".repeat(1024 * 1024);
    let text = scratch
        .read(SUZHOU)
        .replace("force = \"plan\"", &format!("force = \"plan\"\n{key} = 1"));
    scratch.write(SUZHOU, text);
    let run = scratch
        .validate_within(Duration::from_secs(120))
        .expect("validation finishes");
    let err = run.failed();
    assert!(err.len() < 10_000, "{} bytes of messages", err.len());
    assert!(err.starts_with(&format!("data/{SUZHOU}:9:1: ")), "{err}");
}

// --- nesting ----------------------------------------------------------------

#[test]
fn deeply_nested_arrays_are_rejected_not_a_stack_overflow() {
    let scratch = Scratch::with_minimal_data("deep-arrays");
    let depth = 100_000;
    let text = format!(
        "{}note = {}{}\n",
        scratch.read(SUZHOU),
        "[".repeat(depth),
        "]".repeat(depth)
    );
    scratch.write(SUZHOU, text);
    assert_eq!(
        scratch.validate().failed(),
        format!(
            "data/{SUZHOU}:19:88: note: invalid TOML: cannot recurse further; max recursion depth met\n1 problem found\n"
        )
    );
}

#[test]
fn deeply_nested_inline_tables_are_rejected_not_a_stack_overflow() {
    let scratch = Scratch::with_minimal_data("deep-inline");
    let depth = 100_000;
    let text = format!(
        "{}note = {}1{}\n",
        scratch.read(SUZHOU),
        "{ a = ".repeat(depth),
        " }".repeat(depth)
    );
    scratch.write(SUZHOU, text);
    assert_eq!(
        scratch.validate().failed(),
        format!(
            "data/{SUZHOU}:19:488: note: invalid TOML: cannot recurse further; max recursion depth met\n1 problem found\n"
        )
    );
}

#[test]
fn moderately_nested_values_are_reported_as_the_wrong_type() {
    let scratch = Scratch::with_minimal_data("nested-50");
    let text = format!(
        "{}note = {}{}\n",
        scratch.read(SUZHOU),
        "[".repeat(50),
        "]".repeat(50)
    );
    scratch.write(SUZHOU, text);
    assert_eq!(
        scratch.validate().failed(),
        format!("data/{SUZHOU}:19:8: note: expected a string, found an array\n1 problem found\n")
    );
}

/// A source file ending in a key or table header of `depth` dotted parts.
fn deep_keys(scratch: &Scratch, header: bool, depth: usize) {
    let parts = vec!["x"; depth].join(".");
    let line = if header {
        format!("[{parts}]\n")
    } else {
        format!("{parts} = 1\n")
    };
    let text = format!("{}{line}", scratch.read(SUZHOU));
    scratch.write(SUZHOU, text);
}

#[test]
fn deeply_dotted_keys_and_table_headers_are_rejected() {
    for header in [false, true] {
        for depth in [100, 100_000] {
            let scratch = Scratch::with_minimal_data("deep-dotted");
            deep_keys(&scratch, header, depth);
            let column = if header { 2 } else { 1 };
            assert_eq!(
                scratch.validate().failed(),
                format!(
                    "data/{SUZHOU}:19:{column}: x: invalid TOML: a key or table header of 80 or more dotted parts (at most 79 are read)\n1 problem found\n"
                ),
                "header: {header}, depth: {depth}"
            );
        }
    }
}

#[test]
fn a_key_just_under_the_limit_is_only_an_unknown_key() {
    let scratch = Scratch::with_minimal_data("deep-dotted-79");
    deep_keys(&scratch, false, 79);
    let err = scratch.validate().failed();
    assert!(
        err.starts_with(&format!("data/{SUZHOU}:19:1: x: unknown key")),
        "{err}"
    );
}

// --- encodings and garbage --------------------------------------------------

#[test]
fn binary_garbage_is_reported_at_its_first_invalid_byte() {
    for seed in 1..=20 {
        let scratch = Scratch::with_minimal_data("garbage");
        let bytes = noise(seed, 64 * 1024);
        scratch.write(SUZHOU, &bytes);
        let err = scratch.validate().failed();
        let valid = match std::str::from_utf8(&bytes) {
            Ok(_) => panic!("seed {seed}: the noise is valid UTF-8"),
            Err(e) => e.valid_up_to(),
        };
        let prefix = std::str::from_utf8(&bytes[..valid]).expect("valid prefix");
        let (line, column) = end_position(prefix);
        assert_eq!(
            err,
            format!(
                "data/{SUZHOU}:{line}:{column}: invalid UTF-8 at byte {valid}: data files must be UTF-8 (re-save it as UTF-8; GBK and GB18030 are not read)\n1 problem found\n"
            ),
            "seed {seed}"
        );
    }
}

#[test]
fn ascii_garbage_is_a_syntax_error() {
    // Random 7-bit bytes other than NUL: valid UTF-8, invalid TOML.
    for seed in 1..=50 {
        let scratch = Scratch::with_minimal_data("ascii-garbage");
        let bytes: Vec<u8> = noise(seed, 4096)
            .into_iter()
            .map(|b| (b & 0x7f).max(1))
            .collect();
        scratch.write(SUZHOU, &bytes);
        let err = scratch.validate().failed();
        let first = err.lines().next().unwrap_or_default();
        assert!(
            first.starts_with(&format!("data/{SUZHOU}:")) && first.contains(": invalid TOML: "),
            "seed {seed}: {err}"
        );
        assert!(err.ends_with("\n1 problem found\n"), "seed {seed}: {err}");
    }
}

#[test]
fn a_file_of_nul_bytes_is_called_binary() {
    // A preallocated or corrupted file: 1 MB of zero bytes.
    let scratch = Scratch::with_minimal_data("nul-file-message");
    scratch.write(SUZHOU, vec![0u8; 1024 * 1024]);
    assert_eq!(
        scratch.validate().failed(),
        format!(
            "data/{SUZHOU}:1:1: NUL byte at byte 0: this is a binary file (or UTF-16), not TOML text; data files must be UTF-8 text\n1 problem found\n"
        )
    );
}

#[test]
fn a_stray_nul_byte_is_a_syntax_error_where_it_is() {
    // One NUL pasted into a key: a typing accident, not a binary file.
    let scratch = Scratch::with_minimal_data("nul-inside");
    let text = scratch.read(SUZHOU).replacen("title", "ti\0tle", 1);
    let (line, column) = end_position(&text[..text.find('\0').expect("a NUL byte")]);
    scratch.write(SUZHOU, text);
    assert_eq!(
        scratch.validate().failed(),
        format!(
            "data/{SUZHOU}:{line}:{column}: invalid TOML: invalid unquoted key, expected letters, numbers, `-`, `_`\n1 problem found\n"
        )
    );
}

#[test]
fn a_utf16_file_without_a_byte_order_mark_is_called_binary() {
    let scratch = Scratch::with_minimal_data("utf16-no-bom");
    let bytes: Vec<u8> = scratch
        .read(SUZHOU)
        .encode_utf16()
        .flat_map(|unit| unit.to_le_bytes())
        .collect();
    scratch.write(SUZHOU, bytes);
    assert_eq!(
        scratch.validate().failed(),
        format!(
            "data/{SUZHOU}:1:2: NUL byte at byte 1: this is a binary file (or UTF-16), not TOML text; data files must be UTF-8 text\n1 problem found\n"
        )
    );
}

/// The minimal source file as UTF-16 with a byte order mark, as Windows
/// editors save "Unicode" text.
fn utf16(text: &str) -> Vec<u8> {
    let mut bytes = vec![0xFF, 0xFE];
    for unit in text.encode_utf16() {
        bytes.extend_from_slice(&unit.to_le_bytes());
    }
    bytes
}

#[test]
fn a_utf16_file_is_rejected_at_its_first_byte() {
    let scratch = Scratch::with_minimal_data("utf16");
    let bytes = utf16(&scratch.read(SUZHOU));
    scratch.write(SUZHOU, bytes);
    let err = scratch.validate().failed();
    assert_eq!(
        err,
        format!(
            "data/{SUZHOU}:1:1: the file is UTF-16 (little-endian byte order mark): data files must be UTF-8 (re-save it as UTF-8)\n1 problem found\n"
        )
    );
}

#[test]
fn a_big_endian_utf16_file_is_called_utf16() {
    let scratch = Scratch::with_minimal_data("utf16-be");
    let mut bytes = vec![0xFE, 0xFF];
    for unit in scratch.read(SUZHOU).encode_utf16() {
        bytes.extend_from_slice(&unit.to_be_bytes());
    }
    scratch.write(SUZHOU, bytes);
    assert_eq!(
        scratch.validate().failed(),
        format!(
            "data/{SUZHOU}:1:1: the file is UTF-16 (big-endian byte order mark): data files must be UTF-8 (re-save it as UTF-8)\n1 problem found\n"
        )
    );
}

#[test]
fn a_byte_order_mark_at_the_start_is_accepted() {
    // Windows editors write one at the start of UTF-8 files.
    let scratch = Scratch::with_minimal_data("bom");
    for file in ["jurisdictions.toml", "metrics.toml", SUZHOU] {
        let text = format!("\u{FEFF}{}", scratch.read(file));
        scratch.write(file, text);
    }
    assert_eq!(scratch.validate().succeeded(), MINIMAL_OK);
}

#[test]
fn a_byte_order_mark_does_not_move_the_lines_after_the_first() {
    let scratch = Scratch::with_minimal_data("bom-line-2");
    let text = format!("\u{FEFF}{}", scratch.read(SUZHOU)).replace(
        "id = \"suzhou_data_industry_opinions_2025\"",
        "id = \"Suzhou\"",
    );
    scratch.write(SUZHOU, text);
    assert_eq!(
        scratch.validate().failed(),
        format!(
            "data/{SUZHOU}:2:6: id: invalid id \"Suzhou\": expected a snake_case id (a-z, 0-9 and _, starting with a letter or digit, at most 128 bytes)\n1 problem found\n"
        )
    );
}

#[test]
fn a_byte_order_mark_does_not_move_the_first_line() {
    let scratch = Scratch::with_minimal_data("bom-line-1");
    let text = format!("\u{FEFF}{}", scratch.read(SUZHOU)).replacen("[source]", "[source", 1);
    scratch.write(SUZHOU, text);
    assert_eq!(
        scratch.validate().failed(),
        format!("data/{SUZHOU}:1:8: invalid TOML: unclosed table, expected `]`\n1 problem found\n")
    );
}

#[test]
fn a_byte_order_mark_in_the_middle_is_a_syntax_error() {
    // Two files joined with `cat`, the second with its byte order mark.
    let scratch = Scratch::with_minimal_data("bom-middle");
    let text = format!("{}\u{FEFF}# 附：\n", scratch.read(SUZHOU));
    scratch.write(SUZHOU, text);
    let err = scratch.validate().failed();
    assert!(err.starts_with(&format!("data/{SUZHOU}:19:")), "{err}");
    assert!(err.ends_with("\n1 problem found\n"), "{err}");
}

// --- line endings and blank files -------------------------------------------

#[test]
fn crlf_line_endings_are_accepted() {
    let scratch = Scratch::with_minimal_data("crlf");
    for file in [
        "jurisdictions.toml",
        "metrics.toml",
        SUZHOU,
        "sources/jiangsu_government_work_report_2025.toml",
        "sources/jiangsu_data_enterprise_action_plan_2025_2027.toml",
    ] {
        let text = scratch.read(file).replace('\n', "\r\n");
        scratch.write(file, text);
    }
    assert_eq!(scratch.validate().succeeded(), MINIMAL_OK);
}

#[test]
fn crlf_line_endings_keep_lines_and_columns() {
    let scratch = Scratch::with_minimal_data("crlf-mistake");
    let text = scratch
        .read(SUZHOU)
        .replace("value = 300", "value = 300.5")
        .replace('\n', "\r\n");
    scratch.write(SUZHOU, text);
    assert_eq!(
        scratch.validate().failed(),
        format!(
            "{}1 problem found\n",
            float_message(&format!("data/{SUZHOU}"), 15, "300.5")
        )
    );
}

#[test]
fn bare_carriage_returns_are_rejected() {
    // Classic Mac OS line endings.
    let scratch = Scratch::with_minimal_data("cr");
    let text = scratch.read(SUZHOU).replace('\n', "\r");
    scratch.write(SUZHOU, text);
    assert_eq!(
        scratch.validate().failed(),
        format!(
            "data/{SUZHOU}:1:10: source: invalid TOML: carriage return must be followed by newline, expected newline\n1 problem found\n"
        )
    );
}

#[test]
fn a_source_file_of_blank_lines_is_empty() {
    let scratch = Scratch::with_minimal_data("blank");
    scratch.write(SUZHOU, "\n \t\r\n".repeat(25_000));
    assert_eq!(
        scratch.validate().failed(),
        format!(
            "data/{SUZHOU}:1:1: the file is empty: a source file needs a [source] table (id, title, issuer, published, status, force) and its [[target]] and [[observation]] entries\n1 problem found\n"
        )
    );
}

#[test]
fn files_other_than_toml_in_sources_are_ignored() {
    // An editor's backup, notes and a folder of drafts. (A folder whose
    // name ends in .toml is reported: see
    // `entries_that_are_not_files_are_reported_not_skipped`.)
    let scratch = Scratch::with_minimal_data("other-files");
    scratch.write("sources/suzhou.toml.bak", noise(3, 1000));
    scratch.write("sources/notes.txt", "待核对：苏州 300 个\n");
    scratch.write("sources/.DS_Store", noise(4, 100));
    std::fs::create_dir(scratch.path("data/sources/drafts")).expect("create folder");
    assert_eq!(scratch.validate().succeeded(), MINIMAL_OK);
}

// --- many mistakes ----------------------------------------------------------

#[test]
fn a_thousand_mistakes_in_one_file_are_all_reported_in_order() {
    let scratch = Scratch::with_minimal_data("many-mistakes");
    let n = 1000;
    let mut text = String::from(SOURCE_TABLE);
    let mut expected = String::new();
    for i in 0..n {
        text.push_str(&format!(
            "\n[[observation]]\nid = \"generated_{i}\"\njurisdiction = \"320000\"\nmetric = \"gdp\"\nvalue = {i}.5\nunit = \"亿元\"\nas_of = 2024\nquote = \"{i}.5亿元\"\n"
        ));
        let line = text.lines().count() - 3;
        expected.push_str(&float_message(
            "data/sources/generated_2025.toml",
            line,
            &format!("{i}.5"),
        ));
    }
    scratch.write("sources/generated_2025.toml", text);
    let err = scratch.validate().failed();
    assert_eq!(err, format!("{expected}{n} problems found\n"));
}

// --- files written completely or not at all ---------------------------------

/// A scratch folder with `out/result.json` holding `previous`.
fn with_previous_output(name: &str, previous: &str) -> Scratch {
    let scratch = Scratch::with_minimal_data(name);
    std::fs::create_dir(scratch.path("out")).expect("create folder");
    std::fs::write(scratch.path("out/result.json"), previous).expect("write");
    scratch
}

#[test]
fn a_failing_export_leaves_an_existing_output_file_intact() {
    let previous = "{\"previous\": true}\n";
    let scratch = with_previous_output("export-invalid", previous);
    let text = scratch.read(SUZHOU).replace("value = 300", "value = 300.5");
    scratch.write(SUZHOU, text);
    let run = scratch.targets(&[
        "export",
        "--data",
        "data",
        "--output",
        "out/result.json",
        "--lang",
        "en",
    ]);
    let err = run.failed();
    assert_eq!(
        err,
        format!(
            "{}1 problem found\n",
            float_message(&format!("data/{SUZHOU}"), 15, "300.5")
        )
    );
    let after = std::fs::read_to_string(scratch.path("out/result.json")).expect("still there");
    assert_eq!(after, previous);
    assert_eq!(scratch.entries("out"), ["result.json"]);
}

#[test]
fn an_export_into_a_missing_folder_fails_and_writes_nothing() {
    let scratch = Scratch::with_minimal_data("export-missing-folder");
    let run = scratch.targets(&[
        "export",
        "--data",
        "data",
        "--output",
        "no_such_folder/result.json",
    ]);
    let err = run.failed();
    assert!(
        err.starts_with("no_such_folder/result.json：无法写入：文件或文件夹不存在"),
        "{err}"
    );
    assert!(!scratch.path("no_such_folder").exists());
    assert_eq!(scratch.entries(""), ["data"]);
}

#[test]
fn an_export_over_a_folder_fails_and_leaves_it_intact() {
    let scratch = with_previous_output("export-over-folder", "{}\n");
    let run = scratch.targets(&["export", "--data", "data", "--output", "out"]);
    let err = run.failed();
    assert_eq!(err, "out：无法写入：是文件夹而不是文件\n");
    assert_eq!(scratch.entries("out"), ["result.json"]);
    assert_eq!(scratch.entries(""), ["data", "out"]);
}

#[test]
fn a_failing_rank_leaves_an_existing_output_file_intact() {
    let previous = "{\"previous\": true}\n";
    let scratch = with_previous_output("rank-unknown-metric", previous);
    let run = scratch.targets(&[
        "rank",
        "no_such_metric",
        "--data",
        "data",
        "--format",
        "json",
        "--output",
        "out/result.json",
        "--as-of",
        "2025-07-04",
        "--lang",
        "en",
    ]);
    assert_eq!(
        run.fails_with(2),
        "unknown metric \"no_such_metric\"; expected an id or name from the metric catalogue: high_quality_datasets (高质量数据集), data_annotation_volume (数据标注规模), gdp (地区生产总值)\n"
    );
    let after = std::fs::read_to_string(scratch.path("out/result.json")).expect("still there");
    assert_eq!(after, previous);
    assert_eq!(scratch.entries("out"), ["result.json"]);
}

#[test]
fn a_successful_export_replaces_the_output_file_completely() {
    let scratch = with_previous_output("export-ok", &"x".repeat(1_000_000));
    let run = scratch.targets(&["export", "--data", "data", "--output", "out/result.json"]);
    assert_eq!(run.code, Some(0), "{}", run.stderr);
    assert_eq!(run.stdout, "");
    let written = std::fs::read_to_string(scratch.path("out/result.json")).expect("written");
    let printed = scratch.targets(&["export", "--data", "data"]).succeeded();
    assert_eq!(written, printed);
    assert_eq!(scratch.entries("out"), ["result.json"]);
}

// --- regressions found by fuzzing (fuzz/) -----------------------------------

/// The TOML `to_toml` writes for the candidates of `text`, under a filled-in
/// `[source]` table, loaded beside the bundled jurisdictions and metrics.
fn load_extracted(text: &str) -> Result<(), String> {
    use policy_targets::extract::{extract, to_toml};
    use policy_targets::{Catalog, Id};

    let catalog = Catalog::bundled().expect("the bundled data is valid");
    let found = extract(text, &catalog);
    let source: Id = "extracted".parse().expect("a valid id");
    let file = format!(
        "[source]\nid = \"extracted\"\ntitle = \"t\"\nissuer = \"i\"\npublished = 1000\nstatus = \"final\"\nforce = \"plan\"\n{}",
        to_toml(&found, &source)
    );
    let root = manifest_dir().join("targets");
    let read = |name: &str| std::fs::read_to_string(root.join(name)).expect("bundled file");
    let files = [
        (
            "targets/jurisdictions.toml".to_owned(),
            read("jurisdictions.toml"),
        ),
        ("targets/metrics.toml".to_owned(), read("metrics.toml")),
        ("targets/sources/extracted.toml".to_owned(), file.clone()),
    ];
    Catalog::from_toml_files(files)
        .map(drop)
        .map_err(|e| format!("{e}\n{file}"))
}

#[test]
fn extracted_toml_loads_for_plain_text() {
    load_extracted("到2027年，苏州市建设不少于300个高质量数据集。").expect("loads");
}

#[test]
fn extracted_toml_escapes_control_characters_in_comments() {
    // Minimised from the fuzzer's crash input: the bytes 18 30 E4 BA BA.
    load_extracted("\u{18}0人").expect("loads");
}

/// Found by the `toml_source` fuzz target: a TOML date before the year 1000
/// was accepted, and its JSON export could not be read back.
#[test]
fn a_toml_date_before_the_year_1000_is_rejected_like_any_other() {
    let minimal = fixture("good/minimal");
    let read = |name: &str| std::fs::read_to_string(minimal.join(name)).unwrap();
    let source = read("sources/suzhou_data_industry_opinions_2025.toml")
        .replace("published = 2025-02-27", "published = 0312-03-31");
    let files = [
        ("jurisdictions.toml".to_owned(), read("jurisdictions.toml")),
        ("metrics.toml".to_owned(), read("metrics.toml")),
        ("sources/s.toml".to_owned(), source),
    ];
    let err = policy_targets::Catalog::from_toml_files(files).unwrap_err();
    assert_eq!(
        err.to_string(),
        "sources/s.toml:6:13: published: invalid date \"0312-03-31\": the year must be between 1000 and 9999"
    );
}

// --- one mistake, one report --------------------------------------------------

#[test]
fn an_unreadable_catalogue_file_does_not_make_every_reference_unknown() {
    for (file, broken) in [
        ("metrics.toml", "[[metric]\n"),
        ("jurisdictions.toml", "\u{0}".repeat(64).as_str()),
    ] {
        let scratch = Scratch::with_minimal_data("unreadable-catalogue");
        scratch.write(file, broken);
        let err = scratch.validate().failed();
        assert!(err.starts_with(&format!("data/{file}:1:")), "{file}: {err}");
        assert!(err.ends_with("\n1 problem found\n"), "{file}: {err}");
    }
}

#[test]
fn an_unreadable_source_file_does_not_make_references_to_it_unknown() {
    // Another file names the broken one's source in `via`.
    let scratch = Scratch::with_minimal_data("unreadable-source");
    let stem = SUZHOU
        .trim_start_matches("sources/")
        .trim_end_matches(".toml");
    let text = format!(
        "[source]\nid = \"later\"\ntitle = \"t\"\nissuer = \"i\"\npublished = 2026\nstatus = \"final\"\nforce = \"plan\"\nvia = \"{stem}\"\n"
    );
    scratch.write("sources/later.toml", text);
    scratch.write(SUZHOU, "[source\n");
    let err = scratch.validate().failed();
    assert!(err.starts_with(&format!("data/{SUZHOU}:1:")), "{err}");
    assert!(err.ends_with("\n1 problem found\n"), "{err}");
}

#[cfg(unix)]
#[test]
fn entries_that_are_not_files_are_reported_not_skipped() {
    let scratch = Scratch::with_minimal_data("not-files");
    let data = scratch.path("data");
    std::fs::create_dir(data.join("sources").join("drafts.toml")).unwrap();
    std::os::unix::fs::symlink("gone.toml", data.join("sources").join("broken.toml")).unwrap();
    std::fs::create_dir(data.join("observations.csv")).unwrap();
    std::fs::create_dir(data.join("targets.csv")).unwrap();
    assert_eq!(
        scratch.validate().failed(),
        "\
data/observations.csv: a folder, not a file: a data file must be a file
data/sources/broken.toml: a link to nothing: a data file must be a readable file
data/sources/drafts.toml: a folder, not a file: a data file must be a file
data/targets.csv: a folder, not a file: a data file must be a file
4 problems found
"
    );
    // The engine reads the same folder the same way.
    let progress = scratch.targets(&["progress", "--data", "data"]);
    assert!(progress.failed().ends_with("共发现 4 个问题\n"));
}
