//! Errors in Chinese throughout: every mistake of the bad data folders, the
//! operating system's and the TOML parser's words, option values the
//! command line rejects, and the commands that export or read text.

use std::collections::HashSet;

use crate::util::{TempDir, cli, copy_dir, run};

/// `text` without its quoted parts (`“…”`, `"…"`, `` `…` ``): the names,
/// values and columns a message repeats from the data.
fn unquoted(text: &str) -> String {
    let mut out = String::new();
    let mut close: Option<char> = None;
    for c in text.chars() {
        match close {
            Some(end) if c == end => close = None,
            Some(_) => {}
            None => match c {
                '“' => close = Some('”'),
                '"' | '`' => close = Some(c),
                _ => out.push(c),
            },
        }
    }
    out
}

/// The runs of ASCII letters (and `_`) of `text`.
fn ascii_words(text: &str) -> impl Iterator<Item = &str> {
    text.split(|c: char| !(c.is_ascii_alphabetic() || c == '_'))
        .filter(|w| !w.is_empty())
}

/// The words a data file may hold (keys, codes, the format's values), read
/// from the files of `dirs`: a Chinese message may name them.
fn format_words(dirs: &[&std::path::Path]) -> HashSet<String> {
    let mut words: HashSet<String> = [
        // Encodings, the file format, sizes: names, not English.
        "TOML",
        "UTF",
        "GBK",
        "GB",
        "NUL",
        "MiB",
        "Unicode",
        "range",
        "upper",
        "members",
        "group",
        "snake_case",
        "a",
        "z",
        "sources",
        "toml",
        "county",
        "law",
        "YYYY",
        "MM",
        "DD",
    ]
    .into_iter()
    .map(str::to_owned)
    .collect();
    for dir in dirs {
        for entry in walk(dir) {
            if let Ok(text) = std::fs::read_to_string(&entry) {
                words.extend(ascii_words(&text).map(str::to_owned));
            }
        }
    }
    words
}

/// The files under `dir`.
fn walk(dir: &std::path::Path) -> Vec<std::path::PathBuf> {
    let mut files = Vec::new();
    if let Ok(entries) = std::fs::read_dir(dir) {
        for entry in entries.flatten() {
            let path = entry.path();
            if path.is_dir() {
                files.extend(walk(&path));
            } else {
                files.push(path);
            }
        }
    }
    files
}

/// Every bad data folder of the tests, and the folders of bad CSV tables.
fn bad_folders() -> Vec<String> {
    let mut folders: Vec<String> = std::fs::read_dir("tests/fixtures/bad")
        .unwrap()
        .flatten()
        .filter(|e| e.path().is_dir())
        .map(|e| format!("tests/fixtures/bad/{}", e.file_name().to_string_lossy()))
        .collect();
    folders.sort();
    folders.push("tests/fixtures/bulk/bad".to_owned());
    folders.push("tests/fixtures/bulk/bad_observations".to_owned());
    folders
}

#[test]
fn every_problem_of_every_bad_folder_is_said_in_chinese() {
    let known = format_words(&[
        std::path::Path::new("tests/fixtures/bad"),
        std::path::Path::new("tests/fixtures/bulk"),
        std::path::Path::new("targets"),
    ]);
    let mut english = Vec::new();
    for data in bad_folders() {
        let zh = run(&["validate", "--data", &data])
            .forward_slashes()
            .failed();
        let en = run(&["validate", "--data", &data, "--lang", "en"])
            .forward_slashes()
            .failed();
        for (z, e) in zh.lines().zip(en.lines()) {
            // The place (`file:line:column: field`) is the same in both
            // languages; what follows it is the message.
            let z_parts: Vec<&str> = z.split(": ").collect();
            let e_parts: Vec<&str> = e.split(": ").collect();
            let same = z_parts
                .iter()
                .zip(&e_parts)
                .take_while(|(a, b)| a == b)
                .count();
            // The message may name another file of the folder.
            let message = z_parts[same..].join(": ").replace(&data, "");
            let plain = unquoted(&message);
            let words: Vec<&str> = ascii_words(&plain)
                .filter(|w| w.len() > 1 && !known.contains(*w))
                .collect();
            if message.is_empty() || !words.is_empty() {
                english.push(format!("{data}: {z} (English: {words:?})"));
            }
        }
    }
    assert!(
        english.is_empty(),
        "{} problems not in Chinese:\n{}",
        english.len(),
        english.join("\n")
    );
}

#[test]
fn toml_syntax_errors_get_a_chinese_label_and_translated_words() {
    let cases = [
        (
            "missing_equals",
            "suzhou_data_industry_opinions_2025.toml:13:8: metric: TOML 语法错误：键没有值，应为`=`",
            "suzhou_data_industry_opinions_2025.toml:13:8: metric: invalid TOML: key with no value, expected `=`",
        ),
        (
            "unclosed_table_header",
            "suzhou_data_industry_opinions_2025.toml:10:10: target: TOML 语法错误：表数组的标题未闭合，应为`]`",
            "suzhou_data_industry_opinions_2025.toml:10:10: target: invalid TOML: unclosed array table, expected `]`",
        ),
        (
            "no_such_day",
            "suzhou_data_industry_opinions_2025.toml:6:13: published: TOML 语法错误：日期无效，应为01至28之间的日",
            "suzhou_data_industry_opinions_2025.toml:6:13: published: invalid TOML: invalid date, expected day between 01 and 28",
        ),
    ];
    for (folder, zh, en) in cases {
        let data = format!("tests/fixtures/bad/{folder}");
        let got = run(&["validate", "--data", &data])
            .forward_slashes()
            .failed();
        assert!(got.lines().next().unwrap().ends_with(zh), "{got}");
        let got = run(&["validate", "--data", &data, "--lang", "en"])
            .forward_slashes()
            .failed();
        assert!(got.lines().next().unwrap().ends_with(en), "{got}");
    }
}

#[test]
fn operating_system_errors_are_typed_words() {
    // A file where the sources folder belongs: the system's "Not a
    // directory" in English, typed words in Chinese.
    let data = "tests/fixtures/bad/sources_is_a_file";
    assert_eq!(
        run(&["validate", "--data", data])
            .forward_slashes()
            .failed(),
        format!("{data}/sources: 不是文件夹\n共发现 1 个问题\n")
    );
    assert!(
        run(&["validate", "--data", data, "--lang", "en"])
            .forward_slashes()
            .failed()
            .starts_with(&format!("{data}/sources: Not a directory"))
    );
    let dir = TempDir::new("no-folder");
    let missing = dir.join("missing");
    let missing = missing.to_str().unwrap();
    assert_eq!(
        run(&["rank", "high_quality_datasets", "--data", missing]).failed(),
        format!("{missing}: 数据文件夹不存在\n共发现 1 个问题\n")
    );
    assert_eq!(
        run(&[
            "rank",
            "high_quality_datasets",
            "--data",
            missing,
            "--lang",
            "en"
        ])
        .failed(),
        format!("{missing}: no such data folder\n1 problem found\n")
    );
}

#[test]
fn bulk_csv_header_errors_follow_lang() {
    let dir = TempDir::new("csv-header");
    copy_dir(std::path::Path::new("tests/fixtures/bulk/good"), dir.path());
    std::fs::write(
        dir.join("targets.csv"),
        "id,jurisdiction,metric,metric,comparator,value,unit,deadline,sorce\n",
    )
    .unwrap();
    std::fs::write(dir.join("observations.csv"), "").unwrap();
    let data = dir.path().to_str().unwrap();
    let zh = run(&["validate", "--data", data]).failed();
    let en = run(&["validate", "--data", data, "--lang", "en"]).failed();
    let expected_zh = [
        "observations.csv:1:1: 文件为空：第一行应列出各列 jurisdiction,metric,as_of,value,unit（可选 source）",
        "targets.csv:1:1: header: 缺少列 `period_start`；各列为 id,jurisdiction,metric,comparator,value,unit,deadline,period_start,source",
        "targets.csv:1:24: header: 列 `metric` 出现了两次",
        "targets.csv:1:62: header: 未知列 `sorce`；应为以下之一：id、jurisdiction、metric、comparator、value、unit、deadline、period_start、source（是否为 `source`？）",
    ];
    let expected_en = [
        "observations.csv:1:1: the file is empty: the first line names the columns jurisdiction,metric,as_of,value,unit (and optionally source)",
        "targets.csv:1:1: header: missing column `period_start`; the columns are id,jurisdiction,metric,comparator,value,unit,deadline,period_start,source",
        "targets.csv:1:24: header: column `metric` is named twice",
        "targets.csv:1:62: header: unknown column `sorce`; expected one of: id, jurisdiction, metric, comparator, value, unit, deadline, period_start, source (did you mean `source`?)",
    ];
    for (expected, got) in [(expected_zh, &zh), (expected_en, &en)] {
        for part in expected {
            assert!(got.contains(part), "{part}\nnot in\n{got}");
        }
    }
    assert!(zh.ends_with("共发现 5 个问题\n"), "{zh}");
}

#[test]
fn option_values_the_command_line_rejects_follow_lang() {
    let cases: [(&[&str], &str, &str); 5] = [
        (
            &["rank", "high_quality_datasets", "--as-of", "2025-13-45"],
            "--as-of：应为日期（如 2026-06-30、2026/6/30 或 2026年6月30日）、月份（2026-06）或年份（2026），实为“2025-13-45”\n",
            "expected a date such as 2026-06-30, 2026/6/30 or 2026年6月30日, a month (2026-06) or a year (2026), found \"2025-13-45\"",
        ),
        (
            &[
                "index",
                "--metrics",
                "high_quality_datasets,data_annotation_volume",
                "--weights",
                "high_quality_datasets=abc",
            ],
            "--weights：无效的权重“high_quality_datasets=abc”：high_quality_datasets 的权重应为正数，实为 \"abc\"\n",
            "the weight of high_quality_datasets must be a positive number, found \"abc\"",
        ),
        (
            &["index", "--metrics", "a,b", "--scaling", "z"],
            "--scaling：无效的标准化方法“z”：应为 minmax、zscore、rank 或 leader\n",
            "invalid scaling \"z\": expected minmax, zscore, rank or leader",
        ),
        (
            &["rank", "high_quality_datasets", "--per", "capita,gdp"],
            "--per：无效的折算方式“capita,gdp”：capita 与 gdp 不能同时使用：请选一个分母\n",
            "capita and gdp cannot be combined: choose one denominator",
        ),
        (
            &["rank", "high_quality_datasets", "--format", "xml"],
            "--format：无效的值“xml”：应为以下之一：table、json、csv\n",
            "invalid value 'xml' for '--format <FORMAT>'",
        ),
    ];
    for (args, zh, en) in cases {
        assert_eq!(run(args).fails_with(2), zh, "{args:?}");
        let mut args = args.to_vec();
        args.extend(["--lang", "en"]);
        let got = run(&args).fails_with(2);
        assert!(got.contains(en), "{args:?}: {got}");
    }
}

#[test]
fn export_and_extract_take_lang() {
    let dir = TempDir::new("export-lang");
    let missing = dir.join("missing");
    let missing = missing.to_str().unwrap();
    assert_eq!(
        run(&["export", "--data", missing]).failed(),
        format!("{missing}: 数据文件夹不存在\n共发现 1 个问题\n")
    );
    assert_eq!(
        run(&["export", "--data", missing, "--lang", "en"]).failed(),
        format!("{missing}: no such data folder\n1 problem found\n")
    );
    assert_eq!(
        run(&["export", "--as-of", "2025"]).fails_with(2),
        "--as-of 只用于 --format sqlite\n"
    );
    assert_eq!(
        run(&["export", "--as-of", "2025", "--lang", "en"]).fails_with(2),
        "--as-of applies to --format sqlite\n"
    );
    let text = dir.join("missing.txt");
    let text = text.to_str().unwrap();
    assert_eq!(
        run(&["extract", text]).failed(),
        format!("{text}：无法读取：文件或文件夹不存在\n")
    );
    assert!(
        run(&["extract", text, "--lang", "en"])
            .failed()
            .starts_with(&format!("{text}: cannot read: "))
    );
    // 广西 in GBK.
    let zh = cli(["extract", "-"])
        .stdin(b"\xb9\xe3\xce\xf7".to_vec())
        .run()
        .failed();
    assert_eq!(
        zh,
        "标准输入：第 0 字节起不是有效的 UTF-8：文本必须是 UTF-8；看起来是 GBK 或 GB18030 编码：可用 `iconv -f GB18030 -t UTF-8 FILE > text.txt` 转换\n"
    );
    let en = cli(["extract", "-", "--lang", "en"])
        .stdin(b"\xb9\xe3\xce\xf7".to_vec())
        .run()
        .failed();
    assert!(
        en.starts_with("standard input: invalid UTF-8 at byte 0"),
        "{en}"
    );
    assert_eq!(
        cli(["extract", "-", "--jurisdiction", "火星"])
            .stdin("到2027年，高质量数据集达到500个。")
            .run()
            .fails_with(2),
        "--jurisdiction：未知地区“火星”；应为地区代码（如450000）或名称（如广西、Guangxi）\n"
    );
}

/// A question that cannot be answered names its metric by its Chinese name
/// in Chinese (the id in English), whichever way the metric was asked for.
#[test]
fn question_errors_name_the_metric_in_the_language_asked() {
    let gap = |lang: &str| {
        run(&[
            "gap",
            "广西",
            "--metric",
            "high_quality_datasets",
            "--against",
            "北京",
            "--as-of",
            "2026-06-30",
            "--lang",
            lang,
        ])
    };
    let zh = gap("zh");
    assert_eq!(zh.code, Some(1));
    assert_eq!(
        zh.stderr,
        "北京市截至 2026-06-30 无生效的高质量数据集目标\n"
    );
    let en = gap("en");
    assert_eq!(
        en.stderr,
        "北京市 (110000) has no target on high_quality_datasets in force on 2026-06-30\n"
    );
}

#[test]
fn mistakes_of_the_command_line_follow_lang() {
    // Each case: the arguments, the whole Chinese message, and the first
    // line of clap's English message, which `--lang en` keeps.
    let cases: [(&[&str], &str, &str); 7] = [
        (
            &["gap", "广西"],
            "缺少必需的参数：--against <AGAINST>、--metric <METRIC>（用法：targets gap --against <AGAINST> --metric <METRIC> <SUBJECT>；详见 targets gap --help）\n",
            "error: the following required arguments were not provided:\n  --against <AGAINST>\n  --metric <METRIC>\n\nUsage: targets gap --against <AGAINST> --metric <METRIC> --lang <LANG> <SUBJECT>\n",
        ),
        (
            &["rank", "--foo"],
            "无法识别的参数：--foo（用法：targets rank [选项] <METRIC>；详见 targets rank --help）\n",
            "error: unexpected argument '--foo' found\n",
        ),
        (
            &["gap", "广西", "--metrc", "x", "--against", "江苏"],
            "无法识别的参数：--metrc；是否想用 --metric？（用法：targets gap --against <AGAINST> --metric <METRIC> <SUBJECT>；详见 targets gap --help）\n",
            "error: unexpected argument '--metrc' found\n\n  tip: a similar argument exists: '--metric'\n",
        ),
        (
            &["rnak"],
            "未知的子命令：rnak；是否想用 rank？（用法：targets [选项] <子命令>；详见 targets --help）\n",
            "error: unrecognized subcommand 'rnak'\n\n  tip: a similar subcommand exists: 'rank'\n",
        ),
        (
            &["rank", "high_quality_datasets", "--per"],
            "--per：缺少值\n",
            "error: a value is required for '--per <PER>' but none was supplied\n",
        ),
        (
            &["rank", "high_quality_datasets", "--format"],
            "--format：缺少值：应为以下之一：table、json、csv\n",
            "error: a value is required for '--format <FORMAT>' but none was supplied\n  [possible values: table, json, csv]\n",
        ),
        (
            &["export", "bundle", "-o", "bundle.json"],
            "[PATH] 不能与 --output <FILE> 同时使用（用法：targets export <PATH>；详见 targets export --help）\n",
            "error: the argument '[PATH]' cannot be used with '--output <FILE>'\n",
        ),
    ];
    for (args, zh, en) in cases {
        assert_eq!(run(args).fails_with(2), zh, "{args:?}");
        let mut args = args.to_vec();
        args.extend(["--lang", "en"]);
        let got = run(&args).fails_with(2);
        assert!(got.starts_with(en), "{args:?}: {got}");
        assert!(
            got.ends_with("For more information, try '--help'.\n"),
            "{args:?}: {got}"
        );
    }
    // English help is clap's own; the version is the same in both.
    let help = run(&["rank", "--help", "--lang", "en"]).succeeded();
    assert!(help.starts_with("Rank the jurisdictions"), "{help}");
    assert!(run(&["--version"]).succeeded().starts_with("targets "));
}

#[test]
fn files_that_cannot_be_written_are_said_in_the_language_asked() {
    let dir = TempDir::new("cannot-write");
    let folder = dir.path().to_str().unwrap();
    let rank = ["rank", "high_quality_datasets", "-o", folder];
    assert_eq!(
        run(&rank).failed(),
        format!("{folder}：无法写入：是文件夹而不是文件\n")
    );
    let mut en = rank.to_vec();
    en.extend(["--lang", "en"]);
    assert_eq!(
        run(&en).failed(),
        format!("{folder}: cannot write: it is a folder\n")
    );

    let package = dir.join("package");
    std::fs::create_dir(&package).unwrap();
    std::fs::write(package.join("notes.txt"), "mine").unwrap();
    let package = package.to_str().unwrap();
    assert_eq!(
        run(&["export", "--format", "datapackage", package]).failed(),
        format!(
            "{package}：无法写入：文件夹中有本命令不会写入的文件（notes.txt）；请选择新的或空的文件夹\n"
        )
    );
    assert_eq!(
        run(&["export", "--format", "datapackage", package, "--lang", "en"]).failed(),
        format!(
            "{package}: cannot write: the folder holds files this command does not write (notes.txt); choose a new or empty folder\n"
        )
    );

    let database = dir.join("mine.db");
    std::fs::write(&database, "not a database").unwrap();
    let database = database.to_str().unwrap();
    assert_eq!(
        run(&["export", "--format", "sqlite", database]).failed(),
        format!(
            "{database}：无法写入：文件已存在，且不是 `targets export --format sqlite` 写出的数据库；已保留原样（请换一个文件名或先删除它）\n"
        )
    );
    assert_eq!(std::fs::read_to_string(database).unwrap(), "not a database");

    // A device that is always full: the operating system's error in words.
    if cfg!(target_os = "linux") {
        assert_eq!(
            run(&["rank", "high_quality_datasets", "-o", "/dev/full"]).failed(),
            "/dev/full：无法写入：磁盘已满\n"
        );
        let en = run(&[
            "rank",
            "high_quality_datasets",
            "-o",
            "/dev/full",
            "--lang",
            "en",
        ])
        .failed();
        assert!(
            en.starts_with("/dev/full: cannot write: No space left"),
            "{en}"
        );
    }
}

#[test]
fn extracted_toml_has_chinese_comments_and_the_same_entries() {
    let text = "到2027年，香港特别行政区建成高质量数据集500个。\
                到2026年，苏州市软件业务收入达到3000亿元。南京市建成高质量数据集80个。";
    let toml = |lang: &str| {
        cli(["extract", "-", "--format", "toml", "--lang", lang])
            .stdin(text.as_bytes().to_vec())
            .run()
            .succeeded()
    };
    let (zh, en) = (toml("zh"), toml("en"));
    for line in [
        "# 从政策文本中读出的候选条目。请逐条对照其原文（quote）核对，\n",
        "# 置信度 0.8：地区香港特别行政区（810000）不在目录中\n# 不完整（缺少 目录中的地区（jurisdiction））：补全后取消注释。\n",
        "# jurisdiction = \"810000\"  # 香港特别行政区 不在 jurisdictions.toml 中\n",
        "# metric = \"?\"  # 软件业务收入（下方提议为新指标 new_metric_1）\n",
        "# 置信度 0.95\n[[target]]\n",
        "# 文本提到、但 metrics.toml 中没有的指标。要采用其中一项，\n",
    ] {
        assert!(zh.contains(line), "{line}\n{zh}");
    }
    for line in [
        "# Candidate entries read from policy text. Check each against its quote,\n",
        "# Incomplete (missing a jurisdiction of the catalogue): complete and uncomment.\n",
        "# jurisdiction = \"810000\"  # 香港特别行政区 is not in jurisdictions.toml\n",
        "# metric = \"?\"  # 软件业务收入 (proposed below as new_metric_1)\n",
        "# confidence 0.95\n[[target]]\n",
    ] {
        assert!(en.contains(line), "{line}\n{en}");
    }
    // Without their comments, both are the same entries, key for key.
    let entries = |toml: &str| -> Vec<String> {
        toml.lines()
            .map(|line| line.split("  # ").next().unwrap_or(line))
            .filter(|line| {
                let entry = line.strip_prefix("# ").unwrap_or(line);
                entry.starts_with("[[") || entry.contains(" = ")
            })
            .map(str::to_owned)
            .collect()
    };
    assert_eq!(entries(&zh), entries(&en));
    assert!(entries(&zh).contains(&"value = 80".to_owned()));
    assert!(entries(&zh).contains(&"# value = 3000".to_owned()));
}

#[test]
fn peers_the_command_line_cannot_read_follow_lang() {
    let gap = |peers: &'static str, lang: &'static str| {
        run(&[
            "gap",
            "广西",
            "--metric",
            "high_quality_datasets",
            "--against",
            "median",
            "--peers",
            peers,
            "--lang",
            lang,
        ])
        .fails_with(2)
    };
    assert_eq!(
        gap("江苏,,湖南", "zh"),
        "无效的同级地区“江苏,,湖南”：逗号之间有空项；应为层级（nation、province、prefecture、county、group）或以逗号分隔的代码（320000,420000）\n"
    );
    assert_eq!(
        gap("江苏,,湖南", "en"),
        "invalid peers \"江苏,,湖南\": an empty item between commas; expected a level (nation, province, prefecture, county, group) or codes separated by commas (320000,420000)\n"
    );
    assert_eq!(
        gap(" ", "zh"),
        "无效的同级地区“ ”：应为层级（nation、province、prefecture、county、group）或以逗号分隔的代码（320000,420000）\n"
    );
}

#[test]
fn peers_and_statistics_read_without_a_catalogue_have_typed_problems() {
    use policy_targets::gap::{Peers, Statistic};
    use policy_targets::{Lang, Problem};
    let err = "320000,,420000".parse::<Peers>().unwrap_err();
    assert_eq!(err.kind(), &Problem::EmptyPeer);
    let err = "320000,江苏".parse::<Peers>().unwrap_err();
    assert_eq!(err.kind(), &Problem::NotAPeer("江苏".to_owned()));
    let message = policy_targets::output::error_message(&err.clone().into(), Lang::Zh);
    assert!(
        message.contains("“江苏”既不是层级，也不是地区代码"),
        "{message}"
    );
    let err = "p101".parse::<Statistic>().unwrap_err();
    assert_eq!(err.kind(), &Problem::StatisticForm);
    assert_eq!(
        err.problem(),
        "expected leader, max, min, median, mean or p0–p100 (e.g. p75)"
    );
}
