//! `targets extract` from end to end: `--published` reading relative dates,
//! the document's place read from its first line, the hint for a text in
//! GBK, and the seed newsletter proposed as the library proposes it.

use policy_targets::Catalog;
use policy_targets::extract::{extract, to_json};

use crate::util::{TempDir, cli, fixture, newsletter, run};

/// The candidates of a JSON output.
fn candidates(v: &serde_json::Value) -> &Vec<serde_json::Value> {
    v["candidates"].as_array().expect("a list of candidates")
}

#[test]
fn published_reads_this_year_and_last_year() {
    let text = "去年，成都市数据交易额达到30亿元。今年，成都市建成高质量数据集不少于200个。";
    let v = cli([
        "extract",
        "-",
        "--format",
        "json",
        "--published",
        "2025-08-26",
    ])
    .stdin(text)
    .run()
    .json();
    let found = candidates(&v);
    let last_year = found
        .iter()
        .find(|c| c["canonical_value"].to_string().contains("3000000000"))
        .expect("the figure of last year");
    assert_eq!(last_year["kind"], "observation");
    assert_eq!(last_year["as_of"], "2024");
    assert_eq!(last_year["date_inferred"]["words"], "去年");
    assert_eq!(last_year["date_inferred"]["reference"], "2025-08-26");
    assert_eq!(last_year["date_inferred"]["from"], "published");
    let this_year = found
        .iter()
        .find(|c| c["canonical_value"] == 200)
        .expect("the figure of this year");
    assert_eq!(this_year["deadline"], "2025");
    assert_eq!(this_year["date_inferred"]["words"], "今年");

    // Without the date, neither year is guessed.
    let v = cli(["extract", "-", "--format", "json"])
        .stdin(text)
        .run()
        .json();
    for c in candidates(&v) {
        assert!(c["as_of"].is_null() && c["deadline"].is_null(), "{c}");
        let reasons = c["reasons"].to_string();
        assert!(reasons.contains("date unknown"), "{reasons}");
    }
}

#[test]
fn the_place_of_the_first_line_is_whose_figures_say_only_the_province() {
    let text = "四川省人民政府办公厅关于印发数据产业发展行动方案的通知\n\
                各市（州）人民政府：\n\
                到2027年，全省建成高质量数据集不少于800个。\n";
    let v = cli(["extract", "-", "--format", "json"])
        .stdin(text)
        .run()
        .json();
    let found = candidates(&v);
    assert_eq!(found.len(), 1, "{found:?}");
    assert_eq!(found[0]["jurisdiction"], "510000");
    assert_eq!(found[0]["deadline"], "2027");

    // An explicit --jurisdiction wins.
    let v = cli([
        "extract",
        "-",
        "--format",
        "json",
        "--jurisdiction",
        "510100",
    ])
    .stdin(text)
    .run()
    .json();
    assert_eq!(candidates(&v)[0]["jurisdiction"], "510100");
}

/// `高质量数据集1000个` in GBK, byte for byte: 高 B8DF, 质 D6CA, 量 C1BF,
/// 数 CAFD, 据 BEDD, 集 BCAF, 个 B8F6.
const GBK_TEXT: &[u8] = &[
    0xB8, 0xDF, 0xD6, 0xCA, 0xC1, 0xBF, 0xCA, 0xFD, 0xBE, 0xDD, 0xBC, 0xAF, b'1', b'0', b'0', b'0',
    0xB8, 0xF6,
];

#[test]
fn a_text_in_gbk_fails_with_the_iconv_command_to_convert_it() {
    let dir = TempDir::new("extract-gbk");
    let path = dir.join("plan.txt");
    std::fs::write(&path, GBK_TEXT).unwrap();
    let zh = cli([std::ffi::OsStr::new("extract"), path.as_os_str()])
        .run()
        .fails_with(1);
    assert!(zh.contains("第 0 字节起不是有效的 UTF-8"), "{zh}");
    assert!(
        zh.contains(&format!(
            "可用 `iconv -f GB18030 -t UTF-8 {} > text.txt` 转换",
            path.display()
        )),
        "{zh}"
    );
    let en = std::ffi::OsStr::new("en");
    let lang = std::ffi::OsStr::new("--lang");
    let err = cli([std::ffi::OsStr::new("extract"), lang, en, path.as_os_str()])
        .run()
        .fails_with(1);
    assert!(err.contains("invalid UTF-8 at byte 0"), "{err}");
    assert!(
        err.contains(&format!(
            "convert it with `iconv -f GB18030 -t UTF-8 {} > text.txt`",
            path.display()
        )),
        "{err}"
    );

    let err = cli(["extract", "--lang", "en", "-"])
        .stdin(GBK_TEXT)
        .run()
        .fails_with(1);
    assert!(err.contains("standard input: invalid UTF-8"), "{err}");
    assert!(err.contains("iconv -f GB18030 -t UTF-8 FILE"), "{err}");
}

#[test]
fn the_newsletter_is_proposed_as_the_library_proposes_it() {
    let path = fixture("newsletter_2025_05.txt");
    let path = path.to_str().expect("a UTF-8 path");
    let out = run(&["extract", path, "--format", "json", "--min-confidence", "0"]).succeeded();
    let catalog = Catalog::bundled().unwrap();
    let found = extract(&newsletter(), &catalog);
    assert_eq!(out, format!("{}\n", to_json(&found)));
    // At the default confidence, the proposals of the snapshot, unchanged.
    let v = run(&["extract", path, "--format", "json"]).json();
    assert_eq!(candidates(&v).len(), 20);
}
