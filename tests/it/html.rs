//! The HTML report: one self-contained page (no scripts, no external
//! resources), every text from the data escaped, the key figures present in
//! Chinese and in English, every internal link resolving.

use std::collections::BTreeSet;

use policy_targets::html::{escape, human_amount, render};
use policy_targets::report::overview;
use policy_targets::{Catalog, Lang, Unit};
use rust_decimal::Decimal;

use crate::util::{TempDir, date as day, run};

fn bundled_page(lang: Lang) -> String {
    let catalog = Catalog::bundled().unwrap();
    let report = overview(&catalog, "广西", day("2025-07-04")).unwrap();
    render(&report, &catalog, lang)
}

const JURISDICTIONS: &str = r#"
[[jurisdiction]]
code = "100000"
name_zh = "中国"
name_en = "China"
level = "nation"

[[jurisdiction]]
code = "320000"
name_zh = "江苏省"
name_en = "Jiangsu"
level = "province"
parent = "100000"

[[jurisdiction]]
code = "450000"
name_zh = "广西壮族自治区"
name_en = "Guangxi"
level = "province"
parent = "100000"
"#;

const METRICS: &str = r#"
[[metric]]
id = "high_quality_datasets"
name_zh = "高质量数据集"
name_en = "High-quality datasets"
dimension = "count"
polarity = "higher_is_better"
basis = "stock"

[[metric]]
id = "resident_population"
name_zh = "常住人口"
name_en = "Resident population"
dimension = "persons"
polarity = "higher_is_better"
basis = "stock"
"#;

/// A source whose quote, issuer, title, note and address carry markup and
/// the characters HTML gives meaning to.
const HOSTILE: &str = r#"
[source]
id = "hostile_plan_2025"
title = "Plan <b>bold</b> & 'co'"
issuer = "Bureau A&B \"Data\" <i>Lab</i>"
doc_number = "苏<x>〔2025〕1号"
published = 2025-03-31
status = "final"
force = "plan"
url = "https://example.org/plan?a=1&b=<2>"
grade = "official"

[[target]]
id = "jiangsu_high_quality_datasets_2027"
jurisdiction = "320000"
metric = "high_quality_datasets"
comparator = "at_least"
value = 1000
unit = "个"
deadline = 2027
quote = "<script>alert(1)</script>形成1000个高质量数据集"
note = "A note with <img src=x onerror=alert(2)>"
"#;

/// A source whose address is not a web address: shown, never linked.
const SCRIPT_URL: &str = r#"
[source]
id = "census_2020"
title = "第七次全国人口普查公报"
issuer = "国家统计局"
published = "2021-05"
status = "final"
force = "statement"
url = "javascript:alert(3)"
grade = "mirror"

[[observation]]
id = "jiangsu_population_2020"
jurisdiction = "320000"
metric = "resident_population"
value = 84748016
unit = "人"
as_of = 2020-11-01
quote = "84748016人"

[[observation]]
id = "guangxi_population_2020"
jurisdiction = "450000"
metric = "resident_population"
value = 50126804
unit = "人"
as_of = 2020-11-01
quote = "50126804人"
"#;

/// Reported figures, so that the progress section draws its bars.
const REPORTED: &str = r#"
[source]
id = "jiangsu_data_bureau_2025"
title = "江苏省数据局工作动态"
issuer = "江苏省数据局"
published = 2025-06-30
status = "final"
force = "statement"

[[observation]]
id = "jiangsu_high_quality_datasets_2025_01"
jurisdiction = "320000"
metric = "high_quality_datasets"
value = 100
unit = "个"
as_of = 2025-01-01
quote = "已建成100个高质量数据集"

[[observation]]
id = "jiangsu_high_quality_datasets_2025_06"
jurisdiction = "320000"
metric = "high_quality_datasets"
value = 250
unit = "个"
as_of = 2025-06-30
quote = "已建成250个高质量数据集"
"#;

fn hostile_catalog(with_figures: bool) -> Catalog {
    let mut files = vec![
        ("jurisdictions.toml", JURISDICTIONS),
        ("metrics.toml", METRICS),
        ("sources/hostile_plan_2025.toml", HOSTILE),
        ("sources/census_2020.toml", SCRIPT_URL),
    ];
    if with_figures {
        files.push(("sources/jiangsu_data_bureau_2025.toml", REPORTED));
    }
    Catalog::from_toml_files(files).unwrap()
}

fn hostile_page(lang: Lang, with_figures: bool) -> String {
    let catalog = hostile_catalog(with_figures);
    let report = overview(&catalog, "450000", day("2025-07-04")).unwrap();
    render(&report, &catalog, lang)
}

/// The values of every `name="…"` attribute on the page.
fn attributes<'a>(page: &'a str, name: &str) -> Vec<&'a str> {
    let needle = format!(" {name}=\"");
    page.match_indices(&needle)
        .map(|(i, _)| {
            let rest = &page[i + needle.len()..];
            &rest[..rest.find('"').unwrap()]
        })
        .collect()
}

#[test]
fn the_page_is_one_self_contained_document() {
    for lang in [Lang::Zh, Lang::En] {
        let page = bundled_page(lang);
        assert!(page.starts_with("<!DOCTYPE html>"));
        assert!(page.trim_end().ends_with("</html>"));
        assert!(page.contains("<meta charset=\"utf-8\">"));
        assert!(page.contains("<style>"));
        let lower = page.to_lowercase();
        assert!(!lower.contains("<script"), "no scripts");
        assert!(!lower.contains("<link"), "no external style sheets");
        assert!(!lower.contains("<img"), "no images");
        assert!(!lower.contains("<iframe"), "no frames");
        assert!(!lower.contains("@import"), "no imported CSS");
        assert!(!lower.contains("url("), "no CSS resources");
        assert!(!lower.contains("@font-face"), "no web fonts");
        assert!(attributes(&page, "src").is_empty(), "nothing is loaded");
        // Links are internal, or plain links to the pages the sources were
        // read on (their `url`), never a resource the page loads.
        let catalog = Catalog::bundled().unwrap();
        let urls: BTreeSet<&str> = catalog
            .sources()
            .iter()
            .filter_map(|s| s.url.as_deref())
            .collect();
        for href in attributes(&page, "href") {
            assert!(
                href.starts_with('#') || urls.contains(href.replace("&amp;", "&").as_str()),
                "external link {href}"
            );
        }
        // The only addresses outside those links are the SVG namespace and
        // the source addresses shown as text.
        let mut rest = page.replace("xmlns=\"http://www.w3.org/2000/svg\"", "");
        for url in &urls {
            rest = rest.replace(&*url.replace('&', "&amp;"), "");
            rest = rest.replace(url, "");
        }
        assert!(!rest.contains("http://"));
        assert!(!rest.contains("https://"));
    }
}

#[test]
fn the_css_names_common_cjk_fonts_first() {
    let page = bundled_page(Lang::Zh);
    assert!(page.contains(
        r#"font-family: "Noto Sans CJK SC", "Microsoft YaHei", "PingFang SC", sans-serif;"#
    ));
    assert!(page.contains("@page { size: A4;"));
    assert!(page.contains("<html lang=\"zh-CN\">"));
}

#[test]
fn every_internal_link_has_its_target() {
    for lang in [Lang::Zh, Lang::En] {
        let page = bundled_page(lang);
        let ids: BTreeSet<&str> = attributes(&page, "id").into_iter().collect();
        let links: Vec<&str> = attributes(&page, "href");
        assert!(links.len() > 30, "figures link to their quotes");
        for href in links {
            // The others lead to the pages the sources were read on.
            if let Some(anchor) = href.strip_prefix('#') {
                assert!(ids.contains(anchor), "{href} leads nowhere");
            }
        }
    }
}

#[test]
fn the_chinese_page_shows_the_key_figures() {
    let page = bundled_page(Lang::Zh);
    for text in [
        "《政策量化目标概览》",
        "2025年7月4日",
        "广西壮族自治区",
        "数据来源：",
        "一、目标一览（按期限）",
        "二、各指标排名",
        "三、广西壮族自治区对标分析（每百万常住人口）",
        "四、目标进展",
        "附录　来源与原文",
        // targets with their comparators and units
        "≥1,000个",
        "≥1,000家",
        "≥3,000 TB",
        ">2,000个",
        "≥10,000个",
        // rankings: raw and per capita, nested jurisdictions marked
        "江苏省",
        "苏州市（江苏省内）",
        "23.53",
        "11.80",
        "每百万常住人口（个/百万人）",
        // Guangxi's gaps: the required targets in bold
        "<strong class=\"required\">591个</strong>",
        "<strong class=\"required\">2,263 TB</strong>",
        "<strong class=\"required\">1,180个</strong>",
        "省级中位数",
        // progress: the nation's computing figures, the rest without a figure
        "246 EFLOPS",
        "进度正常",
        "无实绩数据<b>50</b>",
        // sources and quotes
        "苏府办〔2025〕19号",
        "形成1000 个高质量数据集",
        "标注数据规模达 3000TB以上",
        "第七次全国人口普查公报",
    ] {
        assert!(page.contains(text), "missing {text}");
    }
    // Charts: two per metric ranking two jurisdictions or more (raw and per
    // capita), one for a share (raw only): eight metrics and three shares
    // on 2025-07-04; a bar for each ranked row of each chart.
    assert_eq!(page.matches("<svg class=\"chart\"").count(), 19);
    assert_eq!(page.matches("<rect class=\"bar\"").count(), 42);
    // One small comparison per gap row (no provincial median over fewer
    // than three provinces).
    let gaps = &page[page.find("三、").unwrap()..page.find("四、目标进展").unwrap()];
    let gap_rows = gaps.matches("<tr").count() - 1;
    assert!(gap_rows >= 12, "{gap_rows} gap rows");
    assert_eq!(gaps.matches("<svg class=\"mini\"").count(), gap_rows);
    // Every target of the table has its row and its quote.
    for id in [
        "jiangsu_high_quality_datasets_2027",
        "hunan_data_annotation_volume_2027",
        "suzhou_open_data_catalogues_2027",
    ] {
        assert!(page.contains(&format!("<tr id=\"t-{id}\">")));
        assert!(page.contains(&format!("<li id=\"q-{id}\"")));
    }
}

#[test]
fn the_english_page_is_labelled_in_english() {
    let page = bundled_page(Lang::En);
    for text in [
        "<html lang=\"en\">",
        "Quantitative Policy Targets: Overview",
        "As of 4 July 2025",
        "1. Targets by deadline",
        "2. Rankings by metric",
        "3. Guangxi: gaps to benchmarks (per million residents)",
        "4. Progress",
        "Appendix: Sources and quotes",
        "Jiangsu",
        "Suzhou (in Jiangsu)",
        "High-quality datasets",
        "≥1,000",
        "≥3,000 TB",
        "<strong class=\"required\">591</strong>",
        "<strong class=\"required\">2,263 TB</strong>",
        "on track<b>1</b>",
        "no data<b>50</b>",
    ] {
        assert!(page.contains(text), "missing {text}");
    }
    for text in [
        "政策量化目标概览",
        "目标一览",
        "江苏省</text>",
        "每百万常住人口",
    ] {
        assert!(
            !page.contains(text),
            "Chinese label {text} in the English page"
        );
    }
    // The data's own words stay as written.
    assert!(page.contains("形成1000 个高质量数据集"));
}

#[test]
fn every_text_from_the_data_is_escaped() {
    for lang in [Lang::Zh, Lang::En] {
        let page = hostile_page(lang, false);
        let lower = page.to_lowercase();
        assert!(!lower.contains("<script"), "a quote's script is not run");
        assert!(!lower.contains("<img"));
        assert!(!page.contains("<b>bold</b>"));
        assert!(!page.contains("<i>Lab</i>"));
        assert!(!page.contains("<x>"));
        assert!(page.contains("&lt;script&gt;alert(1)&lt;/script&gt;形成1000个高质量数据集"));
        assert!(page.contains("Bureau A&amp;B &quot;Data&quot; &lt;i&gt;Lab&lt;/i&gt;"));
        assert!(page.contains("Plan &lt;b&gt;bold&lt;/b&gt; &amp; &#39;co&#39;"));
        assert!(page.contains("苏&lt;x&gt;〔2025〕1号"));
        assert!(page.contains("&lt;img src=x onerror=alert(2)&gt;"));
        // A web address is a plain link, escaped; anything else is text.
        assert!(page.contains("href=\"https://example.org/plan?a=1&amp;b=&lt;2&gt;\""));
        assert!(!lower.contains("href=\"javascript:"));
        assert!(page.contains("javascript:alert(3)"));
        for href in attributes(&page, "href") {
            assert!(
                href.starts_with('#') || href.starts_with("https://example.org/"),
                "unexpected link {href}"
            );
        }
        assert!(attributes(&page, "src").is_empty());
    }
}

#[test]
fn the_subject_gap_and_required_target_come_from_its_population() {
    let page = hostile_page(Lang::Zh, false);
    // 1000 / 84.748016 million × 50.126804 million = 591.48…
    assert!(page.contains("<strong class=\"required\">591个</strong>"));
    assert!(page.contains("11.80"));
    assert!(page.contains("<svg class=\"mini\""));
}

#[test]
fn reported_figures_draw_progress_bars() {
    let page = hostile_page(Lang::Zh, true);
    // (250 − 0) / (1000 − 0) = 25 %
    assert!(page.contains("<svg class=\"progress\""), "{page}");
    assert!(page.contains(">25%</text>"));
    assert!(page.contains("250个"));
    assert!(page.contains("已建成250个高质量数据集"));
    assert!(!page.contains("均未报告对应指标的实绩数据"));
    let en = hostile_page(Lang::En, true);
    assert!(en.contains("<svg class=\"progress\""));
    assert!(en.contains("Latest (as of)"));
}

#[test]
fn escape_covers_the_five_special_characters() {
    assert_eq!(escape("&<>\"'"), "&amp;&lt;&gt;&quot;&#39;");
    assert_eq!(escape("江苏省 1,000"), "江苏省 1,000");
}

#[test]
fn amounts_are_written_for_people() {
    let unit = |s: &str| s.parse::<Unit>().unwrap();
    let d = |s: &str| s.parse::<Decimal>().unwrap();
    let zh = |v: &str, u: &str| human_amount(d(v), unit(u), Lang::Zh);
    let en = |v: &str, u: &str| human_amount(d(v), unit(u), Lang::En);
    assert_eq!(zh("8300000000", "CNY"), "83亿元");
    assert_eq!(zh("83", "亿元"), "83亿元");
    assert_eq!(zh("13.7", "万亿元"), "13.7万亿元");
    assert_eq!(zh("5000", "元"), "5,000元");
    assert_eq!(zh("50000", "元"), "5万元");
    assert_eq!(en("8300000000", "CNY"), "CNY 8.3 billion");
    assert_eq!(zh("1000", "个"), "1,000个");
    assert_eq!(zh("1000", "家"), "1,000家");
    assert_eq!(zh("17282", "count"), "17,282个");
    assert_eq!(en("17282", "个"), "17,282");
    assert_eq!(zh("3000", "TB"), "3,000 TB");
    assert_eq!(zh("35", "PB"), "35 PB");
    assert_eq!(zh("500", "GB"), "500 GB");
    assert_eq!(zh("5.8", "万人"), "5.8万人");
    assert_eq!(zh("50126804", "人"), "5,012.68万人");
    assert_eq!(en("50126804", "人"), "50.13 million people");
    assert_eq!(zh("35", "%"), "35%");
    assert_eq!(zh("300", "PFLOPS"), "300 PFLOPS");
}

#[test]
fn the_cli_writes_the_page_in_either_language() {
    let dir = TempDir::new("html-cli");
    for (lang, title) in [
        ("zh", "《政策量化目标概览》"),
        ("en", "Quantitative Policy Targets: Overview"),
    ] {
        let path = dir.join(format!("report-{lang}.html"));
        let path_text = path.to_str().unwrap();
        let out = run(&[
            "report",
            "--as-of",
            "2025-07-04",
            "--lang",
            lang,
            "--html",
            path_text,
        ])
        .ok();
        assert!(out.stdout.is_empty(), "the page goes to the file only");
        let page = std::fs::read_to_string(&path).unwrap();
        assert!(page.contains(title));
        assert!(page.contains("1,000"));
        assert!(page.contains("591"));
    }
}
