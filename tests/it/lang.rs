//! What an analyst sees in either language: tables that fit a terminal of
//! 120 columns, Chinese output without English words, English output without
//! internal codes, and errors in the language of `--lang`.

use policy_targets::Catalog;
use unicode_width::UnicodeWidthStr;

use crate::util::run;

/// The widest a line of a command's table may be.
const WIDTH: usize = 120;

/// The commands whose tables are checked, without `--lang`: every metric
/// ranked raw (with its family where it has narrower metrics), per capita
/// and among prefectures, gaps to a jurisdiction and to a median, progress
/// of provinces and prefectures, indices with and without draws, and every
/// listing.
fn commands() -> Vec<Vec<String>> {
    let catalog = Catalog::bundled().unwrap();
    let mut commands: Vec<Vec<&str>> = vec![
        vec!["rank", "high_quality_datasets", "--per", "capita"],
        vec![
            "rank",
            "high_quality_datasets",
            "--per",
            "capita,year",
            "--level",
            "prefecture",
        ],
        vec!["rank", "data_enterprises", "--family"],
        vec![
            "gap",
            "广西",
            "--against",
            "江苏",
            "--metric",
            "high_quality_datasets",
            "--per",
            "capita",
        ],
        vec![
            "gap",
            "广西",
            "--against",
            "median",
            "--metric",
            "data_industry_growth_rate",
        ],
        vec!["progress", "--as-of", "2026-06-30"],
        vec!["progress", "--as-of", "2026-06-30", "--level", "prefecture"],
        vec![
            "index",
            "--metrics",
            "high_quality_datasets,data_annotation_volume",
            "--per",
            "capita",
            "--draws",
            "50",
        ],
        vec![
            "index",
            "--metrics",
            "computing_power,intelligent_computing_share,storage_capacity,data_industry_growth_rate",
            "--draws",
            "50",
        ],
        vec!["list", "metrics"],
        vec!["list", "jurisdictions"],
        vec!["list", "sources"],
        vec!["report"],
        vec!["report", "--subject", "苏州"],
    ];
    let ranked: Vec<String> = catalog
        .metrics()
        .iter()
        .filter(|m| catalog.targets().iter().any(|t| t.metric == m.id))
        .map(|m| m.id.to_string())
        .collect();
    for id in &ranked {
        commands.push(vec!["rank", id.as_str()]);
    }
    commands
        .into_iter()
        .map(|c| c.into_iter().map(str::to_owned).collect())
        .collect()
}

/// Runs `args` with `--lang lang` and `--as-of 2026-06-30` where the
/// command takes a date; returns standard output.
fn output(args: &[String], lang: &str) -> String {
    let mut args: Vec<&str> = args.iter().map(String::as_str).collect();
    args.extend(["--lang", lang]);
    if args[0] != "list" && !args.contains(&"--as-of") {
        args.extend(["--as-of", "2026-06-30"]);
    }
    run(&args).ok().stdout
}

#[test]
fn every_table_fits_120_columns_in_both_languages() {
    let mut wide = Vec::new();
    for args in commands() {
        for lang in ["zh", "en"] {
            for line in output(&args, lang).lines() {
                if line.width() > WIDTH {
                    wide.push(format!(
                        "targets {} --lang {lang}: {} columns: {line}",
                        args.join(" "),
                        line.width()
                    ));
                }
            }
        }
    }
    assert!(
        wide.is_empty(),
        "{} lines too wide:\n{}",
        wide.len(),
        wide.join("\n")
    );
}

/// Bad data folders with one mistake of each kind a data file can have.
const MISTAKES: &[&str] = &[
    "unknown_metric",
    "jurisdiction_by_name",
    "five_digit_jurisdiction",
    "id_uppercase",
    "invalid_level_cascades",
    "several_mistakes",
    "duplicate_target_id",
    "negative_count",
    "missing_unit",
    "unknown_unit",
    "unit_bits_for_bytes",
    "unit_given_twice",
    "no_such_day",
    "year_0999",
    "unknown_key",
    "source_url_without_grade",
    "truncated_toml",
    "value_boolean",
    "target_table_not_array",
    "baseline_string",
];

#[test]
fn data_file_errors_follow_lang() {
    let mut transcript = String::new();
    for folder in MISTAKES {
        let data = format!("tests/fixtures/bad/{folder}");
        // validate speaks Chinese unless told otherwise.
        let zh = run(&["validate", "--data", &data])
            .forward_slashes()
            .failed();
        let en = run(&["validate", "--data", &data, "--lang", "en"])
            .forward_slashes()
            .failed();
        assert!(zh.ends_with(" 个问题\n"), "{zh}");
        assert!(en.ends_with(" found\n"), "{en}");
        assert_eq!(zh.lines().count(), en.lines().count(), "{zh}\n{en}");
        // Each problem at the same place in both languages.
        for (z, e) in zh.lines().zip(en.lines()) {
            let place = |line: &str| line.split(": ").take(2).collect::<Vec<_>>().join(": ");
            if e.contains(".toml:") {
                assert_eq!(place(z), place(e));
            }
        }
        transcript.push_str(&format!("$ targets validate --data {data}\n{zh}\n"));
    }
    insta::assert_snapshot!("data_file_errors_zh", transcript);
}

#[test]
fn every_command_loading_a_bad_folder_speaks_its_lang() {
    let data = "tests/fixtures/bad/name_and_misspelt_metric";
    let file = "tests/fixtures/bad/name_and_misspelt_metric/sources/suzhou_data_industry_opinions_2025.toml";
    let zh = format!(
        "{file}:12:16: jurisdiction: 无效的地区代码“苏州”：这里应写代码而不是名称：苏州即苏州市（请写“320500”）\n\
         {file}:13:10: metric: 未知指标“high_quality_dataset”（是否为“high_quality_datasets”？）\n\
         共发现 2 个问题\n"
    );
    let en = format!(
        "{file}:12:16: jurisdiction: invalid jurisdiction code \"苏州\": expected a code, found a name: 苏州 is 苏州市 (write \"320500\")\n\
         {file}:13:10: metric: unknown metric \"high_quality_dataset\" (did you mean \"high_quality_datasets\"?)\n\
         2 problems found\n"
    );
    let commands: [&[&str]; 7] = [
        &["rank", "high_quality_datasets"],
        &[
            "gap",
            "广西",
            "--against",
            "江苏",
            "--metric",
            "high_quality_datasets",
        ],
        &["progress"],
        &[
            "index",
            "--metrics",
            "high_quality_datasets,typical_data_products",
        ],
        &["list", "metrics"],
        &["report"],
        &["validate"],
    ];
    for command in commands {
        let mut args: Vec<&str> = command.to_vec();
        args.extend(["--data", data]);
        assert_eq!(run(&args).forward_slashes().failed(), zh, "{args:?}");
        args.extend(["--lang", "en"]);
        assert_eq!(run(&args).forward_slashes().failed(), en, "{args:?}");
    }
}

#[test]
fn index_errors_follow_lang() {
    let zh = run(&["index", "--metrics", "high_quality_datasets,高质量数据"]).fails_with(2);
    let metrics = Catalog::bundled().unwrap().metrics().len();
    assert_eq!(
        zh,
        format!(
            "--metrics：未知指标“高质量数据”（是否为“高质量数据集”？）；应为指标目录中的标识或名称（`targets list metrics` 列出全部 {metrics} 项）\n"
        )
    );
    let en = run(&[
        "index",
        "--metrics",
        "high_quality_datasets,高质量数据",
        "--lang",
        "en",
    ])
    .fails_with(2);
    assert!(
        en.starts_with("--metrics: unknown metric \"高质量数据\""),
        "{en}"
    );
    let cases: [(&[&str], &str, &str); 3] = [
        (
            &["--metrics", "high_quality_datasets,高质量数据集"],
            "--metrics：high_quality_datasets 重复列出\n",
            "--metrics: high_quality_datasets is named twice\n",
        ),
        (
            &[
                "--metrics",
                "high_quality_datasets,computing_power",
                "--weights",
                "gdp=2",
            ],
            "--weights：gdp 不是该综合指数的指标（high_quality_datasets,computing_power）\n",
            "--weights: gdp is not one of the index's metrics (high_quality_datasets,computing_power)\n",
        ),
        (
            &[
                "--metrics",
                "high_quality_datasets,computing_power",
                "--level",
                "county",
            ],
            "--metrics：在县级层面，2个指标中只有0个有数值，综合指数至少需要2个\n",
            "--metrics: 0 of the 2 metrics have values at the county level; an index needs at least 2\n",
        ),
    ];
    for (args, zh, en) in cases {
        let mut args: Vec<&str> = std::iter::once("index")
            .chain(args.iter().copied())
            .collect();
        assert_eq!(run(&args).fails_with(2), zh, "{args:?}");
        args.extend(["--lang", "en"]);
        assert_eq!(run(&args).fails_with(2), en, "{args:?}");
    }
}

#[test]
fn ranking_rows_carry_a_typed_unit_with_labels_in_both_languages() {
    use policy_targets::output::labels::{per_unit_label, unit_label};
    use policy_targets::rank::{RankQuery, rank};
    use policy_targets::{Lang, Per};

    let catalog = Catalog::bundled().unwrap();
    let as_of = crate::util::date("2026-06-30");
    let query = RankQuery::new("data_industry_scale", as_of).per(Per::GDP);
    let ranking = rank(&catalog, &query).unwrap();
    let row = &ranking.rows[0];
    assert_eq!(row.unit, ranking.unit);
    assert_eq!(row.unit.per(), Per::GDP);
    assert_eq!(per_unit_label(row.unit, Lang::Zh), "元/千亿元GDP");
    assert_eq!(
        per_unit_label(row.unit, Lang::En),
        "CNY per 100 billion CNY of GDP"
    );
    assert_eq!(
        per_unit_label(
            policy_targets::PerUnit::new("count".parse().unwrap(), Per::CAPITA),
            Lang::En
        ),
        "number per million residents"
    );
    assert_eq!(unit_label(row.written_unit, Lang::Zh), "亿元");
    assert_eq!(unit_label(row.written_unit, Lang::En), "100 million CNY");
    // The JSON keeps its English string.
    let json: serde_json::Value = serde_json::from_str(&ranking.to_json()).unwrap();
    assert_eq!(json["unit"], "CNY per 100 billion CNY of GDP");
    assert_eq!(json["rows"][0]["unit"], "CNY per 100 billion CNY of GDP");
}

/// The words of the bundled data's own text (quotes, titles, issuers,
/// notes): an output may repeat them in either language.
fn data_words(catalog: &Catalog) -> std::collections::HashSet<String> {
    let mut text = String::new();
    for t in catalog.targets() {
        text.push_str(&t.quote);
        text.push(' ');
    }
    for o in catalog.observations() {
        text.push_str(&o.quote);
        text.push(' ');
    }
    for s in catalog.sources() {
        text.push_str(&format!("{} {} ", s.title, s.issuer));
    }
    words(&text, |_| true).into_iter().collect()
}

/// The runs of ASCII letters, digits and `_` in `text` that `keep` keeps.
fn words(text: &str, keep: impl Fn(&str) -> bool) -> Vec<String> {
    text.split(|c: char| !(c.is_ascii_alphanumeric() || c == '_'))
        .filter(|w| !w.is_empty() && keep(w))
        .map(str::to_owned)
        .collect()
}

/// The questions whose Chinese and English outputs are checked for words
/// of the other language and for codes.
const QUESTIONS: &[&[&str]] = &[
    &["report"],
    &["rank", "high_quality_datasets", "--per", "capita"],
    &["rank", "data_enterprises", "--family"],
    &["rank", "data_trading_volume", "--per", "gdp"],
    &[
        "rank",
        "高质量数据集",
        "--per",
        "capita,year",
        "--level",
        "prefecture",
    ],
    &[
        "gap",
        "广西",
        "--against",
        "江苏",
        "--metric",
        "high_quality_datasets",
        "--per",
        "capita",
    ],
    &[
        "gap",
        "广西",
        "--against",
        "median",
        "--metric",
        "data_industry_growth_rate",
    ],
    &[
        "gap",
        "广西",
        "--against",
        "leader",
        "--metric",
        "computing_power",
    ],
    &["progress"],
    &["progress", "--level", "prefecture"],
];

#[test]
fn chinese_output_has_no_english_words_and_english_output_no_codes() {
    let catalog = Catalog::bundled().unwrap();
    let data = data_words(&catalog);
    let units = ["EFLOPS", "PFLOPS", "TB", "PB", "EB", "GB", "GDP"];
    for question in QUESTIONS {
        let args: Vec<String> = question.iter().map(|s| (*s).to_owned()).collect();
        let zh = output(&args, "zh");
        let english = words(&zh, |w| {
            w.bytes().any(|b| b.is_ascii_alphabetic())
                && !units.contains(&w)
                // A word of the data, or its start where a title is
                // shortened (`Implementation Opinions on Pr…`).
                && !data.iter().any(|d| d.starts_with(w))
                // A date, a number with its unit (5G, 1e), a metric id
                // the user typed.
                && !args.iter().any(|a| a == w)
                && w.len() > 1
                && !w.starts_with(|c: char| c.is_ascii_digit())
        });
        assert!(
            english.is_empty(),
            "targets {}: English in Chinese: {english:?}",
            args.join(" ")
        );
        let en = output(&args, "en");
        let codes = words(&en, |w| {
            (w.contains('_') || ["count", "capita"].contains(&w))
                && !data.contains(w)
                && !args.iter().any(|a| a == w)
        });
        assert!(
            codes.is_empty(),
            "targets {}: codes in English: {codes:?}",
            args.join(" ")
        );
    }
}

#[test]
fn gap_benchmark_errors_follow_lang() {
    let gap = |against: &[&str], lang: &str| {
        let mut args = vec![
            "gap",
            "广西",
            "--metric",
            "high_quality_datasets",
            "--against",
        ];
        args.extend(against);
        args.extend(["--lang", lang]);
        run(&args).fails_with(2)
    };
    // A name no jurisdiction has: the unknown jurisdiction, with what to write.
    assert_eq!(
        gap(&["火星"], "zh"),
        "未知地区“火星”；应为地区代码（如450000）或名称（如广西、Guangxi）\n"
    );
    assert!(gap(&["火星"], "en").starts_with("unknown jurisdiction \"火星\""));
    assert_eq!(
        gap(&["32000"], "zh"),
        "无效的对标“32000”：既不是地区（代码或名称）、统计量（max、min、median、mean、p75），也不是数量（如500个）\n"
    );
    assert_eq!(
        gap(&["median", "--peers", "江苏,火星"], "zh"),
        "无效的同级地区“江苏,火星”：未知地区“火星”\n"
    );
    assert_eq!(
        gap(&["median", "--peers", "江苏,火星"], "en"),
        "invalid peers \"江苏,火星\": unknown jurisdiction \"火星\"\n"
    );
}
