//! The document as a whole: the place its first line or lead names, the
//! nation at the head of a sentence, deadlines carried from a lead to the
//! items of its list, durations read with the date of writing, and counts
//! of transactions.

use chrono::NaiveDate;

use super::tests::{one, run};
use super::*;

fn catalog() -> Catalog {
    Catalog::bundled().unwrap_or_else(|e| panic!("{e}"))
}

fn jur(c: &Candidate) -> &str {
    c.jurisdiction.as_ref().map_or("", |j| j.as_str())
}

fn deadline(c: &Candidate) -> String {
    c.deadline.map(|d| d.to_string()).unwrap_or_default()
}

fn published(text: &str, day: &str) -> Vec<Candidate> {
    let options = Options {
        published: Some(day.parse::<NaiveDate>().unwrap()),
        ..Options::default()
    };
    extract_with(text, &catalog(), &options)
}

#[test]
fn a_first_line_naming_a_province_is_whose_the_whole_province_figures_are() {
    // A notice title, then its text: 全省 and 我省 are the province's.
    let text = "湖南省人民政府办公厅关于印发算力基础设施建设方案的通知\n\
                到2027年，全省建成高质量数据集不少于600个。\n\
                我省数据企业数量达到1200家。\n";
    let found = run(text);
    assert_eq!(jur(&one(&found, "600个")), "430000");
    assert_eq!(jur(&one(&found, "1200家")), "430000");
}

#[test]
fn a_first_line_naming_a_city_is_whose_the_whole_city_figures_are() {
    let text = "成都市数据要素市场化配置改革实施方案\n\
                到2026年，全市培育数据商不少于150家，本市数据交易额达到50亿元。\n";
    let found = run(text);
    assert_eq!(jur(&one(&found, "150家")), "510100");
    assert_eq!(jur(&one(&found, "50亿元")), "510100");
}

#[test]
fn a_figure_that_names_no_place_belongs_to_the_place_of_the_lead() {
    // No title: the first sentence of the text names one province.
    let text = "贵州省近日发布数据产业发展计划。\n\
                计划提出，到2027年建成高质量数据集不少于500个。\n";
    let found = run(text);
    assert_eq!(jur(&one(&found, "500个")), "520000");
}

#[test]
fn a_lead_that_states_figures_names_no_place_of_the_document() {
    // The first sentence states figures of its own: no lead naming the
    // subject of the text.
    let text = "到2027年，江苏省建成1000个高质量数据集。\n\n到2027年，建成高质量数据集50个。";
    let found = run(text);
    assert_eq!(jur(&one(&found, "50个")), "");
}

#[test]
fn the_whole_region_is_the_autonomous_region_of_the_title() {
    let text = "广西壮族自治区数据标注产业发展行动方案\n\
                到2027年，全区建成数据标注基地不少于10个。\n";
    let found = run(text);
    assert_eq!(jur(&one(&found, "10个")), "450000");
}

#[test]
fn an_explicit_jurisdiction_wins_over_the_place_of_the_first_line() {
    let text = "湖南省人民政府办公厅关于印发算力基础设施建设方案的通知\n\
                到2027年，全省建成高质量数据集不少于600个。\n";
    let options = Options {
        jurisdiction: Some("430100".parse().unwrap()),
        ..Options::default()
    };
    let found = extract_with(text, &catalog(), &options);
    assert_eq!(jur(&one(&found, "600个")), "430100");
}

#[test]
fn the_nation_at_the_head_of_a_sentence() {
    let text = "湖南省人民政府办公厅关于印发算力基础设施建设方案的通知\n\
                我国数据标注产业规模超过1000亿元。\
                全国建成高质量数据集超过3万个。\
                中国数据交易市场规模达到1600亿元。\n";
    let found = run(text);
    assert_eq!(jur(&one(&found, "1000亿元")), "100000");
    assert_eq!(jur(&one(&found, "3万个")), "100000");
    assert_eq!(jur(&one(&found, "1600亿元")), "100000");
}

#[test]
fn list_items_inherit_the_deadline_of_their_lead() {
    let text = "到2027年，全省数据产业取得明显成效。具体目标：\
                （一）建成高质量数据集不少于1000个；\
                （二）培育数据企业不少于300家。\n";
    let found = run(text);
    assert_eq!(deadline(&one(&found, "1000个")), "2027");
    assert_eq!(deadline(&one(&found, "300家")), "2027");

    let text = "到2026年底，实现以下目标：\n\
                （一）建成高质量数据集不少于800个。\n\
                （二）培育数据企业不少于200家。\n\
                到2030年，建成数据标注基地不少于12个。\n";
    let found = run(text);
    assert_eq!(deadline(&one(&found, "800个")), "2026");
    assert_eq!(deadline(&one(&found, "200家")), "2026");
    assert_eq!(deadline(&one(&found, "12个")), "2030");
}

#[test]
fn a_duration_is_read_with_the_date_of_writing() {
    for (text, value) in [
        ("在3年建设期内，建成高质量数据集不少于300个。", "300个"),
        ("用3年时间，培育数据企业不少于100家。", "100家"),
        ("三年内建成数据标注基地不少于5个。", "5个"),
    ] {
        let found = published(text, "2025-06-10");
        let c = one(&found, value);
        assert_eq!(c.kind, Kind::Target, "{text}");
        assert_eq!(deadline(&c), "2028", "{text}");
        let inferred = c.date_inferred.as_ref().expect("inferred");
        assert_eq!(inferred.from, DateFrom::Published, "{text}");
        assert_eq!(inferred.reference.to_string(), "2025-06-10", "{text}");
        assert!(
            c.reasons
                .iter()
                .map(ToString::to_string)
                .any(|r| r.contains("date read from")),
            "{text}: {:?}",
            c.reasons
        );

        // Without a date of writing: unknown, not guessed.
        let c = one(&run(text), value);
        assert_eq!(c.deadline, None, "{text}");
        assert!(
            c.reasons
                .iter()
                .map(ToString::to_string)
                .any(|r| r.contains("date unknown")),
            "{text}: {:?}",
            c.reasons
        );
    }
}

#[test]
fn a_duration_read_with_a_date_line() {
    let text = "2025年8月26日\n用两年时间，建成高质量数据集不少于200个。\n";
    let c = one(&run(text), "200个");
    assert_eq!(deadline(&c), "2027");
    let inferred = c.date_inferred.expect("inferred");
    assert_eq!(inferred.from, DateFrom::DateLine);
    assert_eq!(inferred.words, "用两年时间");
}

#[test]
fn counts_of_transactions_are_labelled_and_not_targets() {
    let text = "截至2024年底，武汉市数据交易所累计完成数据交易800笔，交易笔数同比增长30%。";
    let found = run(text);
    let c = one(&found, "800笔");
    assert!(
        c.reasons
            .iter()
            .map(ToString::to_string)
            .any(|r| r.contains("count of transactions")),
        "{:?}",
        c.reasons
    );
    assert_eq!(c.kind, Kind::Observation);
    assert_eq!(c.as_of.map(|d| d.to_string()).as_deref(), Some("2024"));

    // Without a stated target, a count of transactions is no target.
    let c = one(
        &run("到2027年，武汉市数据交易所完成数据交易2000笔。"),
        "2000笔",
    );
    assert!(c.confidence < DEFAULT_MIN_CONFIDENCE, "{}", c.confidence);

    // A target stated for them is a target, still labelled.
    let text = "到2027年，武汉市数据交易笔数不少于5000笔。";
    let c = one(&run(text), "5000笔");
    assert_eq!(c.kind, Kind::Target);
    assert!(
        c.reasons
            .iter()
            .map(ToString::to_string)
            .any(|r| r.contains("count of transactions")),
        "{:?}",
        c.reasons
    );
}
