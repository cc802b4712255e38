//! The command line in Chinese to the end: every kind of mistake clap
//! reports, the messages of `synth`, `init` and `schema`, library errors a
//! command passes on, and the notice of `extract` reading a terminal.

use crate::util::{TempDir, cli, run};

/// The runs of ASCII letters (and `_`) of `text`.
fn ascii_words(text: &str) -> Vec<&str> {
    text.split(|c: char| !(c.is_ascii_alphabetic() || c == '_'))
        .filter(|w| !w.is_empty())
        .collect()
}

/// `text` without the names of arguments as clap writes them: options
/// (`--metric`, `-o`) and placeholders (`<METRIC>`, `[PATH]`).
fn without_argument_names(text: &str) -> String {
    let mut out = String::new();
    let mut close: Option<char> = None;
    let mut option = false;
    for c in text.chars() {
        if let Some(end) = close {
            if c == end {
                close = None;
            }
            continue;
        }
        if option {
            if c.is_ascii_alphanumeric() || c == '-' || c == '_' {
                continue;
            }
            option = false;
        }
        match c {
            '<' => close = Some('>'),
            '[' => close = Some(']'),
            '-' => option = true,
            _ => out.push(c),
        }
    }
    out
}

/// Words a Chinese message may show: the program's name, the encoding, and
/// the names of subcommands and of the values options take, which are typed
/// as they are in either language.
const NAMES: &[&str] = &[
    "targets", "UTF", "validate", "export", "extract", "schema", "rank", "gap", "progress",
    "index", "synth", "report", "init", "list", "help", "zh", "en", "table", "json", "csv",
];

/// The English words of a Chinese message that are neither argument names,
/// words of the command line `args`, nor [`NAMES`].
fn english_words(message: &str, args: &[&str]) -> Vec<String> {
    let typed: Vec<&str> = args.iter().flat_map(|a| ascii_words(a)).collect();
    let text = without_argument_names(message);
    ascii_words(&text)
        .into_iter()
        .filter(|w| !NAMES.contains(w) && !typed.contains(w))
        .map(str::to_owned)
        .collect()
}

#[test]
fn the_word_filter_keeps_english_it_should_not_allow() {
    assert_eq!(
        english_words("error: unexpected argument '--foo' found", &["--foo"]),
        ["error", "unexpected", "argument", "found"]
    );
    assert!(
        english_words(
            "无法识别的参数：--foo（用法：targets rank [选项] <METRIC>）",
            &[]
        )
        .is_empty()
    );
}

/// A bad command line of each kind clap reports, with the whole Chinese
/// message for the kinds it is short enough to write out.
const BAD_COMMAND_LINES: &[(&[&str], Option<&str>)] = &[
    // A missing subcommand.
    (
        &["--data", "x"],
        Some(
            "缺少子命令：应为以下之一：validate、export、extract、schema、rank、gap、progress、index、synth、report、init、list、help（用法：targets [选项] <子命令>；详见 targets --help）\n",
        ),
    ),
    // Unknown subcommands, at the top and after `help`.
    (&["rnak"], None),
    (&["help", "rnak"], None),
    (&["help", "rank", "rank"], None),
    // Unknown arguments: an option, a second positional, one after `--`.
    (&["rank", "--foo"], None),
    (&["list", "metrics", "extra"], None),
    (&["rank", "a", "--", "b"], None),
    // Missing required arguments.
    (&["gap", "广西"], None),
    (&["synth"], None),
    (&["export", "--format", "sqlite"], None),
    // Values not among the possible ones, or missing.
    (&["schema", "foo"], None),
    (&["rank", "x", "--format", "yaml"], None),
    (&["rank", "x", "--lang"], None),
    (&["report", "--lang", "fr"], None),
    // Values a parser rejects: a decimal, integers, a date, pace bands.
    (
        &["extract", "--min-confidence", "abc"],
        Some("--min-confidence：应为十进制数（如 0.5），实为“abc”\n"),
    ),
    (
        &["synth", "--jurisdictions", "abc", "d"],
        Some("--jurisdictions：应为非负整数，实为“abc”\n"),
    ),
    (
        &["index", "--metrics", "a,b", "--draws", "99999999999"],
        Some("--draws：应为 0 至 4294967295 的整数，实为“99999999999”\n"),
    ),
    (
        &["index", "--metrics", "a,b", "--seed", "x"],
        Some("--seed：应为 0 至 18446744073709551615 的整数，实为“x”\n"),
    ),
    (&["rank", "x", "--as-of", "2025-13"], None),
    (&["progress", "--bands", "1,2,3"], None),
    // Conflicts: an option twice, two options that exclude each other.
    (
        &[
            "gap",
            "广西",
            "--against",
            "江苏",
            "--metric",
            "x",
            "--against",
            "y",
        ],
        None,
    ),
    (&["export", "bundle", "-o", "bundle.json"], None),
    // A value given to a flag that takes none.
    (
        &["rank", "x", "--bom=yes"],
        Some(
            "--bom：多余的值“yes”（用法：targets rank --bom <METRIC>；详见 targets rank --help）\n",
        ),
    ),
];

#[test]
fn every_kind_of_command_line_mistake_is_said_in_chinese() {
    for (args, whole) in BAD_COMMAND_LINES {
        let zh = run(args).fails_with(2);
        if let Some(whole) = whole {
            assert_eq!(zh, *whole, "{args:?}");
        }
        let english = english_words(&zh, args);
        assert!(english.is_empty(), "{args:?}: {english:?} in {zh}");
        assert!(
            zh.contains(|c: char| ('\u{4e00}'..='\u{9fff}').contains(&c)),
            "{args:?}: {zh}"
        );
        // English keeps clap's own words.
        let mut en_args = args.to_vec();
        en_args.extend(["--lang", "en"]);
        let en = run(&en_args).fails_with(2);
        if !args.contains(&"--lang") {
            assert!(en.starts_with("error: "), "{en_args:?}: {en}");
        }
    }
}

#[cfg(unix)]
#[test]
fn an_argument_that_is_not_utf8_is_named_not_a_panic() {
    use std::ffi::OsString;
    use std::os::unix::ffi::OsStringExt;
    let bad = OsString::from_vec(vec![0xff, b'x']);
    let zh = cli([OsString::from("rank"), bad.clone()])
        .run()
        .fails_with(2);
    assert_eq!(
        zh,
        "参数“\u{fffd}x”不是有效的 UTF-8 文本（请把命令行写成 UTF-8）（用法：targets rank [选项] <METRIC>；详见 targets rank --help）\n"
    );
    let en = cli([
        OsString::from("rank"),
        bad,
        OsString::from("--lang"),
        OsString::from("en"),
    ])
    .run()
    .fails_with(2);
    assert!(
        en.starts_with("error: invalid UTF-8 was detected in one or more arguments\n"),
        "{en}"
    );
}

#[test]
fn synth_init_and_schema_take_lang() {
    let dir = TempDir::new("lang-cli");
    let synth = |lang: &str, folder: &str| {
        let path = dir.join(folder);
        let path = path.to_str().unwrap().to_owned();
        let args = [
            "synth",
            "--jurisdictions",
            "2",
            "--metrics",
            "1",
            "--months",
            "1",
            &path,
            "--lang",
            lang,
        ];
        (run(&args).succeeded(), path)
    };
    let (zh, path) = synth("zh", "zh");
    assert_eq!(
        zh,
        format!(
            "已写入 2 个地区、1 个指标、2 项目标和 2 条实绩（2025-12-31 至 2025-12-31）到 {path}\n"
        )
    );
    let (en, path) = synth("en", "en");
    assert_eq!(
        en,
        format!(
            "wrote 2 jurisdictions, 1 metrics, 2 targets and 2 observations (2025-12-31 to 2025-12-31) to {path}\n"
        )
    );
    // A size out of bounds is a mistake of the command line, in either
    // language (exit 2).
    let too_many = |lang| {
        run(&[
            "synth",
            "--metrics",
            "0",
            dir.join("x").to_str().unwrap(),
            "--lang",
            lang,
        ])
        .fails_with(2)
    };
    assert_eq!(too_many("zh"), "指标数应在 1 至 792 之间\n");
    assert_eq!(
        too_many("en"),
        "the number of metrics must be between 1 and 792\n"
    );

    let init = |lang: &str, folder: &str| {
        let path = dir.join(folder);
        let path = path.to_str().unwrap().to_owned();
        (run(&["init", &path, "--lang", lang]).succeeded(), path)
    };
    let (zh, path) = init("zh", "init-zh");
    assert_eq!(
        zh,
        format!(
            "已写入数据文件夹 {path}：jurisdictions.toml、metrics.toml 以及 sources/ 中的两个来源\n\
             下一步：在 {path}/sources/ 中添加来源文件，然后用以下命令检查\n  \
             targets --data {path} validate\n"
        )
    );
    let (en, path) = init("en", "init-en");
    assert_eq!(
        en,
        format!(
            "wrote a data folder to {path}: jurisdictions.toml, metrics.toml and two sources in sources/\n\
             next: add a source file to {path}/sources/, then check it with\n  \
             targets --data {path} validate\n"
        )
    );
    // The schema is the same in both languages; a mistake follows --lang.
    assert_eq!(
        run(&["schema", "rank", "--lang", "en"]).succeeded(),
        run(&["schema", "rank"]).succeeded()
    );
    let en = run(&["schema", "foo", "--lang", "en"]).fails_with(2);
    assert!(
        en.starts_with("error: invalid value 'foo' for '<CONTRACT>'"),
        "{en}"
    );
}

#[test]
fn a_weight_on_an_unknown_metric_follows_lang() {
    let index = |lang| {
        run(&[
            "index",
            "--metrics",
            "high_quality_datasets,data_annotation_volume",
            "--weights",
            "nosuch=2",
            "--lang",
            lang,
        ])
        .fails_with(2)
    };
    assert_eq!(
        index("zh"),
        "--weights：未知指标“nosuch”；应为指标目录中的标识或名称（`targets list metrics` 列出全部 77 项）\n"
    );
    assert_eq!(
        index("en"),
        "--weights: unknown metric \"nosuch\"; expected an id or name from the metric catalogue (`targets list metrics` lists all 77 of them)\n"
    );
}

/// `err` in Chinese and in English.
fn both(err: impl Into<policy_targets::Error>) -> (String, String) {
    use policy_targets::{Lang, output::error_message};
    let err = err.into();
    (error_message(&err, Lang::Zh), error_message(&err, Lang::En))
}

#[test]
fn problems_of_the_library_without_a_command_are_typed_and_said_in_chinese() {
    use policy_targets::gap::Benchmark;
    use policy_targets::model::Operation;
    use policy_targets::{
        ArithmeticError, ErrorKind, IndexProblem, PartialDate, Precision, Problem, Quantity,
    };
    // A partial date rebuilt from a day that does not end its year.
    let err =
        PartialDate::from_last_day(crate::util::date("2027-06-30"), Precision::Year).unwrap_err();
    assert_eq!(err.kind(), &Problem::NotLastDay(Precision::Year));
    assert_eq!(
        both(err),
        (
            "无效的日期“2027-06-30”：不是该年的最后一天".to_owned(),
            "invalid date \"2027-06-30\": is not the last day of a year".to_owned()
        )
    );
    // Benchmark text that is nothing a benchmark can be.
    let err = "foo of bar".parse::<Benchmark>().unwrap_err();
    assert_eq!(err.kind(), &Problem::BenchmarkForm);
    let (zh, en) = both(err);
    assert!(
        zh.starts_with("无效的对标“foo of bar”：应为地区代码"),
        "{zh}"
    );
    assert!(en.ends_with("or a quantity (500个)"), "{en}");
    // Quantities of two dimensions, and a sum too large.
    let yuan: Quantity = "83亿元".parse().unwrap();
    let people: Quantity = "3人".parse().unwrap();
    let err = yuan.checked_add(&people).unwrap_err();
    assert_eq!(
        both(policy_targets::Error::new(ErrorKind::from(err), None)),
        (
            "83亿元（金额）与 3人（人数）的量纲不同，无法相加".to_owned(),
            "cannot add 83亿元 (money) with 3人 (persons): dimensions differ".to_owned()
        )
    );
    let big: Quantity = "79228162514264337593543950335个".parse().unwrap();
    let negative: Quantity = "-79228162514264337593543950335个".parse().unwrap();
    let err = big.checked_sub(&negative).unwrap_err();
    assert!(matches!(
        err,
        ArithmeticError::Overflow {
            op: Operation::Subtract,
            ..
        }
    ));
    let (zh, _) = both(policy_targets::Error::new(ErrorKind::from(err), None));
    assert!(zh.ends_with("相减的结果超出十进制数的范围"), "{zh}");
    // An index whose score does not fit.
    let kind = ErrorKind::IndexQuery {
        option: "aggregation",
        problem: IndexProblem::ScoreOverflow {
            code: "450000".parse().unwrap(),
        },
    };
    assert_eq!(
        both(policy_targets::Error::new(kind, None)),
        (
            "aggregation：450000 的得分超出十进制数的范围".to_owned(),
            "aggregation: the score of 450000 does not fit in a decimal".to_owned()
        )
    );
}

#[test]
fn the_labelled_sets_problems_are_typed() {
    use policy_targets::Problem;
    use policy_targets::extract::score::LabelledSet;
    let set = |published: &str, kind: &str| {
        format!(
            "[[passage]]\nid = \"a\"\ntext = \"x\"\npublished = \"{published}\"\n\
             [[passage.figure]]\nvalue = \"1\"\nunit = \"个\"\nkind = \"{kind}\"\ncomparator = \"at_least\"\n"
        )
    };
    let err = LabelledSet::from_toml(&set("2025/8/26", "target"), None).unwrap_err();
    let policy_targets::ErrorKind::Parse(parse) = err.kind() else {
        panic!("{err}")
    };
    assert_eq!(parse.kind(), &Problem::DayForm);
    let err = LabelledSet::from_toml(&set("2025-08-26", "goal"), None).unwrap_err();
    let policy_targets::ErrorKind::Parse(parse) = err.kind() else {
        panic!("{err}")
    };
    assert_eq!(parse.kind(), &Problem::OneOf(vec!["target", "observation"]));
}

/// Runs `targets args` with a pseudo-terminal as standard input, types
/// `line` and then Ctrl-D on it, and gives back standard output and
/// standard error; `Err` with the reason when no pseudo-terminal can be
/// opened here.
#[cfg(unix)]
fn on_a_terminal(args: &[&str], line: &str) -> Result<(String, String), String> {
    use std::io::{Read, Write};
    use std::process::{Command, Stdio};
    use std::time::{Duration, Instant};

    use rustix::pty::{OpenptFlags, grantpt, openpt, ptsname, unlockpt};

    let master = openpt(OpenptFlags::RDWR | OpenptFlags::NOCTTY)
        .map_err(|e| format!("no pseudo-terminal: {e}"))?;
    grantpt(&master).map_err(|e| format!("grantpt: {e}"))?;
    unlockpt(&master).map_err(|e| format!("unlockpt: {e}"))?;
    let name = ptsname(&master, Vec::new()).map_err(|e| format!("ptsname: {e}"))?;
    let name = name
        .to_str()
        .map_err(|e| format!("ptsname: {e}"))?
        .to_owned();
    let terminal = std::fs::OpenOptions::new()
        .read(true)
        .write(true)
        .open(&name)
        .map_err(|e| format!("{name}: {e}"))?;
    let mut child = Command::new(env!("CARGO_BIN_EXE_targets"))
        .args(args)
        .current_dir(crate::util::manifest_dir())
        .stdin(Stdio::from(terminal))
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("the targets binary starts");
    let mut keyboard = std::fs::File::from(master);
    // A line, then Ctrl-D at the start of the next: the end of the input.
    keyboard
        .write_all(format!("{line}\n\x04").as_bytes())
        .expect("typing on the terminal");
    let mut out_pipe = child.stdout.take().expect("piped standard output");
    let mut err_pipe = child.stderr.take().expect("piped standard error");
    let out = std::thread::spawn(move || {
        let mut text = String::new();
        out_pipe.read_to_string(&mut text).map(|_| text)
    });
    let err = std::thread::spawn(move || {
        let mut text = String::new();
        err_pipe.read_to_string(&mut text).map(|_| text)
    });
    let start = Instant::now();
    let status = loop {
        if let Some(status) = child.try_wait().expect("waiting for targets") {
            break status;
        }
        if start.elapsed() > Duration::from_secs(60) {
            let _ = child.kill();
            panic!("targets {args:?} still reads the terminal after Ctrl-D");
        }
        std::thread::sleep(Duration::from_millis(20));
    };
    drop(keyboard);
    let out = out.join().expect("reader").expect("standard output");
    let err = err.join().expect("reader").expect("standard error");
    assert!(status.success(), "{args:?}: {err}");
    Ok((out, err))
}

#[cfg(unix)]
#[test]
fn extract_says_it_reads_standard_input_when_that_is_a_terminal() {
    let text = "到2027年，全区建成高质量数据集500个以上。";
    let args = |lang| {
        [
            "extract",
            "--format",
            "json",
            "--jurisdiction",
            "广西",
            "--lang",
            lang,
        ]
    };
    let (out, err) = match on_a_terminal(&args("zh"), text) {
        Ok(run) => run,
        Err(reason) => {
            eprintln!("skipped: {reason}");
            return;
        }
    };
    assert_eq!(
        err,
        "targets extract：从标准输入读取文本（以 Ctrl-D 结束）\n"
    );
    assert!(
        out.contains("\"metric\": \"high_quality_datasets\""),
        "{out}"
    );
    let (out_en, err) = on_a_terminal(&args("en"), text).expect("a second pseudo-terminal");
    assert_eq!(
        err,
        "targets extract: reading the text from standard input (end it with Ctrl-D)\n"
    );
    assert_eq!(out_en, out);
    // Text piped in gets no notice.
    let piped = cli(args("zh")).stdin(text).run();
    assert_eq!(piped.stderr, "");
    assert_eq!(piped.stdout, out);
}

/// Every command, as `targets … --help` names it (`""` for the tool).
const COMMANDS: &[&str] = &[
    "", "validate", "export", "extract", "schema", "rank", "gap", "progress", "index", "synth",
    "report", "init", "list",
];

/// Words the Chinese help may show: formats and products by their names,
/// the values options take, ids and names of the examples.
const HELP_NAMES: &[&str] = &[
    "A",
    "B",
    "CSV",
    "Eurostat",
    "Excel",
    "FILE",
    "Frictionless",
    "Guangxi",
    "HTML",
    "JSON",
    "Open",
    "SDG",
    "SOURCES",
    "SQLite",
    "Schema",
    "TOML",
    "UTF",
    "acceleration_needed",
    "arithmetic",
    "capita",
    "compound",
    "county",
    "data_annotation_volume",
    "datapackage",
    "en",
    "gdp",
    "geometric",
    "group",
    "high_quality_datasets",
    "html",
    "jurisdictions",
    "leader",
    "limited_progress",
    "linear",
    "markdown",
    "max",
    "md",
    "mean",
    "median",
    "metrics",
    "min",
    "minmax",
    "mirror",
    "my",
    "nation",
    "none",
    "official",
    "on_track",
    "pNN",
    "prefecture",
    "press",
    "province",
    "sources",
    "sqlite",
    "summary",
    "trend",
    "year",
    "zh",
    "zscore",
    "data",
];

/// The help of every command in `lang` (`None`: without `--lang`), one
/// after the other under their command lines.
fn every_help(lang: Option<&str>) -> String {
    let mut all = String::new();
    for command in COMMANDS {
        let mut args: Vec<&str> = Vec::new();
        if let Some(lang) = lang {
            args.extend(["--lang", lang]);
        }
        if !command.is_empty() {
            args.push(command);
        }
        args.push("--help");
        all.push_str(&format!("$ targets {}\n", args.join(" ")));
        all.push_str(&run(&args).succeeded());
        all.push('\n');
    }
    all
}

#[test]
fn help_is_in_chinese_by_default_and_in_english_as_before() {
    let zh = every_help(None);
    assert_eq!(every_help(Some("zh")).replace("--lang zh ", ""), zh);
    for section in zh.split("$ targets ").skip(1) {
        let (line, help) = section.split_once('\n').unwrap();
        assert!(help.contains("用法：targets"), "{line}: {help}");
        // Example command lines are commands, not prose.
        let prose: String = help
            .lines()
            .filter(|l| !l.starts_with("  targets "))
            .map(|l| format!("{l}\n"))
            .collect();
        let bare = without_argument_names(&prose);
        let english: Vec<&str> = ascii_words(&bare)
            .into_iter()
            .filter(|w| !NAMES.contains(w) && !HELP_NAMES.contains(w))
            .collect();
        assert!(english.is_empty(), "{line}: {english:?}");
    }
    // The tool and `init` show examples in both languages; `--as-of` says
    // which day a year or a month means.
    for lang in ["zh", "en"] {
        for command in ["", "init"] {
            let mut args = vec!["--lang", lang];
            args.extend([command, "--help"].into_iter().filter(|a| !a.is_empty()));
            let help = run(&args).succeeded();
            let heading = match lang {
                "zh" => "\n示例：\n  targets ",
                _ => "\nExamples:\n  targets ",
            };
            assert!(help.contains(heading), "{args:?}: {help}");
        }
    }
    assert!(zh.contains("月份或年份指其最后一天（2026-06 → 2026-06-30，2025 → 2025-12-31）"));
    insta::assert_snapshot!("help_zh", zh);
    insta::assert_snapshot!("help_en", every_help(Some("en")));
}

#[test]
fn the_chinese_help_of_rank_in_full() {
    assert_eq!(
        run(&["rank", "-h"]).succeeded(),
        "按某一指标的目标给地区排名

用法：targets rank [选项] <METRIC>

参数：
  <METRIC>  指标：标识（high_quality_datasets）或名称（高质量数据集）

选项：
      --data <DIR>         读取此数据文件夹，而不是内置数据
      --per <PER>          折算方式：none、capita、gdp、year，或其组合（如 capita,year） [默认：none]
      --level <LEVEL>      只排名这一层级：nation、province、prefecture、county 或 group
      --family             把该指标与其下位指标一起排名，每行注明自己的指标
      --min-grade <GRADE>  略去来源等级低于此级的目标：official、press、mirror 或 summary
      --as-of <DATE>       按此日期计算：2026-06-30、2026/6/30、2026.6.30 或 2026年6月30日；月份或年份指其最后一天（2026-06 → 2026-06-30，2025 → 2025-12-31）。默认：今天
      --lang <LANG>        标签使用中文（zh）或英文（en） [默认：zh]
      --format <FORMAT>    输出格式 [默认：table] [可选值：table、json、csv]
  -o, --output <FILE>      写入此文件（要么完整写入，要么不写），而不是标准输出
      --bom                CSV 以字节顺序标记开头，以便 Excel 按 UTF-8 读取
      --raw-csv            以 = + - @、制表符或回车开头的单元格保持原样（默认加上前导 '，以免电子表格把它们当作公式执行）
  -h, --help               显示帮助

示例：
  targets rank high_quality_datasets --per capita
  targets rank 高质量数据集 --level province --format csv -o rank.csv
"
    );
    // `targets help rank` is the same page; `--lang` before a command
    // stands for the command's own.
    assert_eq!(
        run(&["help", "rank"]).succeeded(),
        run(&["rank", "-h"]).succeeded()
    );
    let en = run(&[
        "--lang",
        "en",
        "gap",
        "广西",
        "--against",
        "广西",
        "--metric",
        "high_quality_datasets",
    ])
    .fails_with(2);
    assert_eq!(
        en,
        "广西壮族自治区 is both the subject and the benchmark: name another jurisdiction or a statistic to compare it with\n"
    );
}

/// The example command lines after `command`'s English help, each split
/// at `&&` into the argument lists of the runs it makes.
fn examples_of(command: &str) -> Vec<Vec<String>> {
    let args: Vec<&str> = [command, "--help", "--lang", "en"]
        .into_iter()
        .filter(|a| !a.is_empty())
        .collect();
    let help = run(&args).succeeded();
    let (_, examples) = help
        .split_once("\nExamples:\n")
        .unwrap_or_else(|| panic!("{command}: no examples in {help}"));
    examples
        .lines()
        .filter_map(|line| line.strip_prefix("  targets "))
        .flat_map(|line| line.split(" && targets "))
        .map(|run| run.split_whitespace().map(str::to_owned).collect())
        .collect()
}

#[test]
fn every_help_example_runs() {
    // Every command's help shows examples.
    for &command in COMMANDS {
        let examples = examples_of(command);
        assert!(!examples.is_empty(), "{command}");
        // Each command's examples run in a folder of their own, with the
        // files they read: a text to extract from, and a data folder
        // unless they write it themselves.
        let tmp = TempDir::new(&format!("help_examples_{command}"));
        std::fs::write(
            tmp.join("news.txt"),
            "（测试文本）到2027年，本省将建成高质量数据集1000个。\n",
        )
        .unwrap();
        let writes_folder = examples
            .iter()
            .any(|args| args.first().is_some_and(|a| a == "init"));
        if !writes_folder {
            cli(["init", "my-data"]).cwd(tmp.path()).run().ok();
        }
        for args in examples {
            let out = cli(&args).cwd(tmp.path()).run();
            assert_eq!(
                out.code,
                Some(0),
                "targets {}: {}",
                args.join(" "),
                out.stderr
            );
        }
    }
    // The Chinese help shows the same lines.
    for command in ["rank", "synth"] {
        let zh = run(&[command, "--help"]).succeeded();
        let en = run(&[command, "--help", "--lang", "en"]).succeeded();
        let lines = |help: &str| help.lines().filter(|l| l.starts_with("  targets ")).count();
        assert!(zh.contains("\n示例：\n  targets "), "{zh}");
        assert_eq!(lines(&zh), lines(&en));
    }
}
