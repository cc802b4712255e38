//! The extractor read end to end: comparators, magnitudes, numerals,
//! deadlines and dates, cues, metrics, jurisdictions, quotes and the
//! figures that are not targets.

use rust_decimal::Decimal;

use super::*;

fn catalog() -> Catalog {
    Catalog::bundled().unwrap_or_else(|e| panic!("{e}"))
}

pub(super) fn run(text: &str) -> Vec<Candidate> {
    extract(text, &catalog())
}

/// The one candidate whose value is `value` (as written, e.g. `50个`).
pub(super) fn one(found: &[Candidate], value: &str) -> Candidate {
    let hits: Vec<&Candidate> = found
        .iter()
        .filter(|c| c.value.to_string() == value)
        .collect();
    assert_eq!(hits.len(), 1, "{value} in {found:#?}");
    hits[0].clone()
}

fn metric(c: &Candidate) -> &str {
    c.metric.as_ref().map_or("", |m| m.as_str())
}

fn jur(c: &Candidate) -> &str {
    c.jurisdiction.as_ref().map_or("", |j| j.as_str())
}

fn deadline(c: &Candidate) -> String {
    c.deadline.map(|d| d.to_string()).unwrap_or_default()
}

fn as_of(c: &Candidate) -> String {
    c.as_of.map(|d| d.to_string()).unwrap_or_default()
}

fn dec(s: &str) -> Decimal {
    s.parse().unwrap()
}

#[test]
fn every_comparator_form() {
    let cases = [
        (
            "到2027年，全省建设不少于300个高质量数据集。",
            "300个",
            Comparator::AtLeast,
        ),
        (
            "到2027年，全省培育数据企业2000家以上。",
            "2000家",
            Comparator::AtLeast,
        ),
        (
            "到2027年，全省数据产业规模达到3000亿元。",
            "3000亿元",
            Comparator::AtLeast,
        ),
        (
            "到2027年，全省数据标注规模达3000TB。",
            "3000 TB",
            Comparator::AtLeast,
        ),
        (
            "到2027年，全省数据产业规模超过3000亿元。",
            "3000亿元",
            Comparator::MoreThan,
        ),
        (
            "到2027年，全省数据产业规模突破3000亿元。",
            "3000亿元",
            Comparator::MoreThan,
        ),
        (
            "到2027年，累计登记数据产品超2000个。",
            "2000个",
            Comparator::MoreThan,
        ),
        (
            "到2027年，新建数据企业不超过50家。",
            "50家",
            Comparator::AtMost,
        ),
        (
            "到2027年，标注成本控制在3000万元以内。",
            "3000万元",
            Comparator::AtMost,
        ),
        (
            "到2027年，数据企业数量低于500家的县不再新增。",
            "500家",
            Comparator::LessThan,
        ),
        (
            "到2027年，建成可信数据空间3—5个。",
            "3个",
            Comparator::Range,
        ),
        (
            "到2027年，建成高质量数据集50个。",
            "50个",
            Comparator::AtLeast,
        ),
    ];
    for (text, value, comparator) in cases {
        let c = one(&run(text), value);
        assert_eq!(c.comparator, comparator, "{text}");
        assert_eq!(c.kind, Kind::Target, "{text}");
        assert_eq!(deadline(&c), "2027", "{text}");
    }
}

#[test]
fn ranges_take_the_unit_of_their_upper_bound() {
    let found = run(
        "到2027年，建成可信数据空间3—5个，培育标注从业人员3至5万人，建设高质量数据集10个-20个。",
    );
    let spaces = one(&found, "3个");
    assert_eq!(spaces.comparator, Comparator::Range);
    assert_eq!(spaces.upper.unwrap().to_string(), "5个");
    assert_eq!(metric(&spaces), "trusted_data_spaces");
    let workers = one(&found, "3万人");
    assert_eq!(workers.upper.unwrap().canonical_value(), dec("50000"));
    assert_eq!(metric(&workers), "annotation_workers");
    let datasets = one(&found, "10个");
    assert_eq!(datasets.upper.unwrap().to_string(), "20个");
    // A plan period is not a range.
    let found = run("《江苏省行动方案(2025-2027年)》提出，建成高质量数据集1000个。");
    assert_eq!(found.len(), 1);
    assert_eq!(found[0].value.to_string(), "1000个");
}

#[test]
fn approximate_figures() {
    let found = run("截至2024年底，全省已有数据企业300余家，数据交易额约15亿元。");
    let firms = one(&found, "300家");
    assert_eq!(firms.comparator, Comparator::MoreThan);
    assert_eq!(firms.kind, Kind::Observation);
    let trade = one(&found, "15亿元");
    assert_eq!(trade.comparator, Comparator::Exactly);
    assert!(
        trade
            .reasons
            .iter()
            .map(ToString::to_string)
            .any(|r| r.starts_with("approximate"))
    );
}

#[test]
fn every_magnitude() {
    let cases = [
        ("数据产业规模突破5万元", "50000"),
        ("数据产业规模突破83亿元", "8300000000"),
        ("数据产业规模突破百亿元", "10000000000"),
        ("数据产业规模突破1.2万亿元", "1200000000000"),
        ("数据产业规模突破3千亿元", "300000000000"),
        ("数据产业规模突破三千亿元", "300000000000"),
        ("数据产业规模突破千亿元", "100000000000"),
        ("数据产业规模突破五百亿元", "50000000000"),
    ];
    for (clause, canonical) in cases {
        let text = format!("到2027年，{clause}。");
        let found = run(&text);
        assert_eq!(found.len(), 1, "{text}: {found:#?}");
        assert_eq!(found[0].value.canonical_value(), dec(canonical), "{text}");
        assert_eq!(metric(&found[0]), "data_industry_scale", "{text}");
    }
}

#[test]
fn chinese_numerals() {
    let found =
        run("到2027年，培育三千家数据企业，培育两百家数据标注企业，建设十二个可信数据空间。");
    assert_eq!(
        one(&found, "3000家").metric.unwrap().as_str(),
        "data_enterprises"
    );
    assert_eq!(
        one(&found, "200家").metric.unwrap().as_str(),
        "annotation_enterprises"
    );
    assert_eq!(
        one(&found, "12个").metric.unwrap().as_str(),
        "trusted_data_spaces"
    );
    // Articles and words made of numerals are not figures.
    let found = run("打造一批高质量数据集，构建一体化算力网络，赋能千行百业，每万人拥有量提升。");
    assert!(found.is_empty(), "{found:#?}");
}

#[test]
fn full_width_digits_and_punctuation() {
    let text = "到２０２７年，浙江省建成１０００个高质量数据集，数据产业规模突破３０００亿元。";
    let found = run(text);
    assert_eq!(found.len(), 2);
    let datasets = one(&found, "1000个");
    assert_eq!(deadline(&datasets), "2027");
    assert_eq!(datasets.quote, "浙江省建成１０００个高质量数据集");
    assert_eq!(jur(&datasets), "330000");
    let size = one(&found, "3000亿元");
    assert_eq!(size.comparator, Comparator::MoreThan);
    // ASCII commas of scanned text separate clauses; between digits they
    // group thousands.
    let found = run("到2027年,全省建成1,000个高质量数据集,培育2000家数据企业。");
    assert_eq!(
        one(&found, "1000个").metric.unwrap().as_str(),
        "high_quality_datasets"
    );
    assert_eq!(
        one(&found, "2000家").metric.unwrap().as_str(),
        "data_enterprises"
    );
}

#[test]
fn every_deadline_form() {
    let cases = [
        ("到2027年，全省建成高质量数据集50个。", "2027"),
        ("力争到2026年，全省建成高质量数据集50个。", "2026"),
        ("2027年前，全省建成高质量数据集50个。", "2027"),
        ("上海市2025年底建成高质量数据集50个。", "2025"),
        ("到2025年6月，全市建成高质量数据集50个。", "2025-06"),
        ("2025年6月底前建成高质量数据集50个。", "2025-06"),
        (
            "《数据产业行动方案（2025—2027年）》提出，建成高质量数据集50个。",
            "2027",
        ),
        ("“十四五”末，全省建成高质量数据集50个。", "2025"),
        ("到2027年底，全省建成高质量数据集50个。", "2027"),
    ];
    for (text, expected) in cases {
        let c = one(&run(text), "50个");
        assert_eq!(c.kind, Kind::Target, "{text}");
        assert_eq!(deadline(&c), expected, "{text}");
        assert_eq!(
            c.deadline.unwrap().end(),
            c.deadline.unwrap().date().last_day()
        );
    }
    let c = one(
        &run("《数据产业行动方案（2025—2027年）》提出，到2026年建成高质量数据集50个。"),
        "50个",
    );
    assert_eq!(deadline(&c), "2026");
    assert_eq!(c.period.unwrap().to_string(), "2025/2027");
    let c = one(&run("建设高质量数据集50个。"), "50个");
    assert_eq!(c.deadline, None);
    assert!(
        c.reasons
            .iter()
            .map(ToString::to_string)
            .any(|r| r == "no deadline in the text")
    );
}

#[test]
fn a_plan_period_in_a_title_heading_governs_its_text() {
    let text = "湖南省数据产业发展行动计划（2025—2027年）\n\n一、主要目标\n\n全省数据产业规模突破2000亿元，培育数据企业1000家。";
    let found = run(text);
    assert_eq!(found.len(), 2);
    for c in &found {
        assert_eq!(c.kind, Kind::Target);
        assert_eq!(deadline(c), "2027");
        assert_eq!(c.period.unwrap().to_string(), "2025/2027");
        assert_eq!(jur(c), "430000");
        assert!(c.jurisdiction_in_catalog);
    }
}

#[test]
fn target_cues() {
    for verb in [
        "力争", "建设", "打造", "形成", "培育", "引育", "建成", "推动",
    ] {
        let text = format!("{verb}高质量数据集50个。");
        let c = one(&run(&text), "50个");
        assert_eq!(c.kind, Kind::Target, "{text}");
        assert_eq!(c.comparator, Comparator::AtLeast, "{text}");
    }
    let c = one(
        &run("2025年全市数据集建设目标：建成高质量数据集50个。"),
        "50个",
    );
    assert_eq!(c.kind, Kind::Target);
}

#[test]
fn report_cues() {
    let cases = [
        ("截至2024年底，全市已建成高质量数据集120个。", "2024"),
        ("截至2025年6月，全国高质量数据集超过3.5万个。", "2025-06"),
        ("当前，全市高质量数据集达到120个。", ""),
        ("目前全省已形成高质量数据集120个。", ""),
        (
            "2024年，四川省数据产业规模达到1200亿元，同比增长20%。",
            "2024",
        ),
    ];
    for (text, date) in cases {
        let found = run(text);
        let c = &found[0];
        assert_eq!(c.kind, Kind::Observation, "{text}");
        assert_eq!(as_of(c), date, "{text}");
        assert_ne!(c.comparator, Comparator::AtLeast, "{text}");
    }
    let c = &run("截至2025年6月，全国高质量数据集超过3.5万个。")[0];
    assert_eq!(c.comparator, Comparator::MoreThan);
    assert_eq!(c.value.canonical_value(), dec("35000"));
    assert_eq!(jur(c), "100000");
    // 达到 reports a level reached: exactly that figure.
    let c = &run("截至2024年底，全市高质量数据集达到120个。")[0];
    assert_eq!(c.comparator, Comparator::Exactly);
}

#[test]
fn a_bare_year_before_the_date_of_the_text_is_a_report() {
    let text = "【2025年3月】\n\n3月5日，武汉市发布通知。2024年，全市建成高质量数据集80个。2025年，全市建设高质量数据集100个。";
    let found = run(text);
    let past = one(&found, "80个");
    assert_eq!(past.kind, Kind::Observation);
    assert_eq!(as_of(&past), "2024");
    let plan = one(&found, "100个");
    assert_eq!(plan.kind, Kind::Target);
    assert_eq!(deadline(&plan), "2025");
    assert_eq!(jur(&plan), "420100");
}

#[test]
fn observations_are_dated_by_their_paragraph_or_heading() {
    let text = "【2025年3月】\n\n3月18日，现场会在成都市召开。当前7个基地的数据标注规模达17282TB，已形成高质量数据集335个。";
    let found = run(text);
    let volume = one(&found, "17282 TB");
    assert_eq!(volume.kind, Kind::Observation);
    assert_eq!(as_of(&volume), "2025-03-18");
    assert_eq!(volume.comparator, Comparator::Exactly);
    // A venue is not whose figure it is.
    assert_eq!(volume.jurisdiction, None);
    let text = "【2025年4月】\n\n国务院国资委发布了首批30项央企高质量数据集优秀建设成果。";
    let c = one(&run(text), "30项");
    assert_eq!(as_of(&c), "2025-04");
    assert_eq!(jur(&c), "central_soes");
    assert_eq!(metric(&c), "outstanding_dataset_results");
}

#[test]
fn several_figures_in_one_sentence() {
    let text = "到2027年，江苏省建成5个数据产业创新联合体，打造100个数据企业应用场景优秀案例，引育1000家规上数据企业，形成1000个高质量数据集、2000个典型数据产品，数据产业规模突破1万亿元，算力规模达到40EFLOPS。";
    let found = run(text);
    let got: Vec<(String, &str)> = found
        .iter()
        .map(|c| (c.value.to_string(), metric(c)))
        .collect();
    let expected = [
        ("5个", "data_industry_innovation_consortia"),
        ("100个", "data_enterprise_application_cases"),
        ("1000家", "above_scale_data_enterprises"),
        ("1000个", "high_quality_datasets"),
        ("2000个", "typical_data_products"),
        ("1万亿元", "data_industry_scale"),
        ("40 EFLOPS", "computing_power"),
    ];
    let expected: Vec<(String, &str)> = expected
        .iter()
        .map(|(v, m)| ((*v).to_owned(), *m))
        .collect();
    assert_eq!(got, expected);
    for c in &found {
        assert_eq!(jur(c), "320000");
        assert_eq!(deadline(c), "2027");
        assert!(c.confidence >= dec("0.9"), "{c:#?}");
    }
    assert_eq!(one(&found, "2000个").quote, "2000个典型数据产品");
    // Metrics named before the figures they go with, respectively.
    let found = run("到2027年，数据产业规模、数字经济规模分别达到3000亿元、1.2万亿元。");
    assert_eq!(metric(&one(&found, "3000亿元")), "data_industry_scale");
    assert_eq!(metric(&one(&found, "1.2万亿元")), "digital_economy_scale");
}

#[test]
fn figures_that_are_not_targets() {
    // Dates, document numbers, ordinals, durations, titles: not proposed.
    let found = run(
        "2025年1月6日，苏州市人民政府办公室印发苏府办〔2025〕19号文件（2025年第5期，总第11期），\
             第八届峰会于4月29日举行，为期3个月，提高2个百分点，《关于培育100家数据企业的通知》。",
    );
    assert!(found.is_empty(), "{found:#?}");
    // Counts of attendees, issuers, scopes, measures: low confidence, with a reason.
    let cases = [
        (
            "2月19日，国家数据局召开启动会，27个国家部委代表参加。",
            "27个",
            "participating",
        ),
        (
            "江苏省数据局等12个部门联合发布行动方案。",
            "12个",
            "issuing",
        ),
        (
            "工信部、商务部等七个部门联合印发实施方案。",
            "7个",
            "issuing",
        ),
        ("聚焦工业制造、医疗健康等12个行业领域。", "12个", "sectors"),
        ("征集16个重点领域的数据集需求。", "16个", "sectors"),
        ("方案提出20项重点任务。", "20项", "measures"),
        (
            "加快构建“1个综合标注基地+N个行业标注基地”的产业布局。",
            "1个",
            "layout",
        ),
        ("当前7个基地的数据标注规模达17282TB。", "7个", "whose"),
        ("每万人拥有5G基站20.2个。", "20.2个", "per person"),
    ];
    for (text, value, reason) in cases {
        let c = one(&run(text), value);
        assert!(c.confidence < dec("0.5"), "{text}: {c:#?}");
        assert!(
            c.reasons
                .iter()
                .map(ToString::to_string)
                .any(|r| r.contains(reason)),
            "{text}: {:?}",
            c.reasons
        );
    }
}

#[test]
fn metrics_by_longest_alias_and_dimension() {
    let found = run("截至2025年3月，数据交易机构累计登记数据产品超2000个，数据标注规模达17282TB。");
    assert_eq!(metric(&one(&found, "2000个")), "registered_data_products");
    assert_eq!(
        one(&found, "2000个").metric_phrase,
        "数据交易机构累计登记数据产品"
    );
    assert_eq!(metric(&one(&found, "17282 TB")), "data_annotation_volume");
    // A scanning error in a long name: one character differs.
    let c = one(&run("到2027年，建立50个数据产业公共服务术范平台。"), "50个");
    assert_eq!(metric(&c), "data_industry_public_service_platforms");
    assert!(
        c.reasons
            .iter()
            .map(ToString::to_string)
            .any(|r| r.contains("one character differing"))
    );
    // A metric named in the clause before.
    let c = one(&run("可信数据空间方面，到2027年，全省建成20个。"), "20个");
    assert_eq!(metric(&c), "trusted_data_spaces");
    // None recognised.
    let c = one(&run("到2027年，培育50家数据标注龙头企业。"), "50家");
    assert_eq!(c.metric, None);
    assert_eq!(c.metric_phrase, "数据标注龙头企业");
    assert!(c.confidence < dec("0.5"));
    // Computing power written with P.
    let c = one(
        &run("到2025年，全省智能算力规模达到1000P以上。"),
        "1000 PFLOPS",
    );
    assert_eq!(metric(&c), "intelligent_computing_power");
    assert_eq!(c.comparator, Comparator::AtLeast);
}

#[test]
fn jurisdictions() {
    let catalog = catalog();
    // Named in the clause, in the sentence, in the heading.
    let c = one(&run("到2027年，苏州市建成300个高质量数据集。"), "300个");
    assert_eq!(jur(&c), "320500");
    assert_eq!(c.jurisdiction_phrase, "苏州市");
    let c = one(
        &run("苏州市印发实施意见，提出建成300个高质量数据集。"),
        "300个",
    );
    assert_eq!(jur(&c), "320500");
    let c = one(
        &run("武汉公布2025年数据集建设年度目标\n\n2月25日，全市建设不少于20个高质量数据集。"),
        "20个",
    );
    assert_eq!(jur(&c), "420100");
    // Places outside the catalogue get their division code.
    let c = one(
        &run("到2027年，香港特别行政区建成高质量数据集500个。"),
        "500个",
    );
    assert_eq!(jur(&c), "810000");
    assert!(!c.jurisdiction_in_catalog);
    assert!(
        c.reasons
            .iter()
            .map(ToString::to_string)
            .any(|r| r.contains("not in the catalogue"))
    );
    // National bodies name the nation when nothing else is named.
    let c = one(
        &run("国家数据局提出，到2028年建成可信数据空间100个以上。"),
        "100个",
    );
    assert_eq!(jur(&c), "100000");
    // 数字中国 is not the nation; the default applies.
    let options = Options {
        min_confidence: Decimal::ZERO,
        jurisdiction: Some("430100".parse().unwrap()),
        ..Options::default()
    };
    let found = extract_with(
        "数字中国建设峰会上提出，建成高质量数据集50个。",
        &catalog,
        &options,
    );
    let c = one(&found, "50个");
    assert_eq!(jur(&c), "430100");
    assert!(c.jurisdiction_phrase.is_empty());
    // Words that contain a place name are not places.
    let c = one(&run("确保定期建成高质量数据集50个。"), "50个");
    assert_eq!(c.jurisdiction, None);
    // Short names of prefectures inside ordinary words (sentences written
    // for this test).
    for text in [
        "推广元宇宙应用，建成高质量数据集50个。",
        "确定西部地区建成高质量数据集50个。",
        "发展新乡村产业，建成高质量数据集50个。",
        "保护黄河源头生态，建成高质量数据集50个。",
        "大理石加工企业建成高质量数据集50个。",
        "和田玉交易平台建成高质量数据集50个。",
        "工作要四平八稳，建成高质量数据集50个。",
        "白山黑水之间建成高质量数据集50个。",
        "美国德州建成高质量数据集50个。",
    ] {
        let c = one(&run(text), "50个");
        assert_eq!(c.jurisdiction, None, "{text}");
    }
    // The same names as places.
    let c = one(&run("广元市建成高质量数据集50个。"), "50个");
    assert_eq!(jur(&c), "510800");
}

#[test]
fn quotes_are_verbatim_and_spans_count_characters() {
    let text = "【2025年3月】\n3月18日，会议召开。当前7个基地的数据标注规\n\n模达 17282TB, 已形成高质量数据集 335 个。\n\n1月6日，另一则消息。";
    for c in run(text) {
        let quote: String = text.chars().skip(c.span.start).take(c.span.len()).collect();
        assert_eq!(quote, c.quote);
        assert!(text.contains(&c.quote));
    }
    let found = run(text);
    // The line break inside a word is joined for reading and kept in the quote.
    let volume = one(&found, "17282 TB");
    assert_eq!(metric(&volume), "data_annotation_volume");
    assert_eq!(volume.quote, "当前7个基地的数据标注规\n\n模达 17282TB");
    assert_eq!(one(&found, "335个").quote, "已形成高质量数据集 335 个");
}

#[test]
fn headings_repeat_figures_once() {
    let text = "国务院国资委发布首批30项央企高质量数据集优秀建设成果\n\n4月29日，国务院国资委集中发布了首批30项央企高质量数据集优秀建设成果。";
    let found = run(text);
    assert_eq!(found.len(), 1, "{found:#?}");
    assert!(
        !found[0]
            .reasons
            .iter()
            .map(ToString::to_string)
            .any(|r| r.contains("heading"))
    );
}

#[test]
fn min_confidence_filters() {
    let catalog = catalog();
    let text = "到2027年，建成高质量数据集50个，27个部委代表参加。";
    assert_eq!(extract(text, &catalog).len(), 2);
    let options = Options {
        min_confidence: dec("0.5"),
        jurisdiction: None,
        ..Options::default()
    };
    assert_eq!(extract_with(text, &catalog, &options).len(), 1);
}

#[test]
fn no_panic_on_odd_text() {
    let catalog = catalog();
    let pieces = [
        "",
        "，",
        "。",
        "\n",
        "《",
        "》",
        "到",
        "2027",
        "年",
        "个",
        "万",
        "亿",
        "百",
        "三",
        "两",
        "—",
        "-",
        "至",
        "5",
        ".",
        ",",
        "%",
        "TB",
        "P",
        "大",
        "余",
        "以上",
        "截至",
        "已",
        "第",
        "〔",
        "〕",
        "１",
        "　",
        "数据集",
        "高质量",
        "苏州",
        "\r\n",
        "：",
        "、",
        "分别",
        "+",
        "99999999999999999999999999999",
        "0.000000000000000000000000001",
    ];
    let mut seed = 12345u64;
    for _ in 0..400 {
        let mut text = String::new();
        for _ in 0..(seed % 40) {
            seed = seed
                .wrapping_mul(6364136223846793005)
                .wrapping_add(1442695040888963407);
            text.push_str(pieces[(seed >> 33) as usize % pieces.len()]);
        }
        for c in extract(&text, &catalog) {
            let quote: String = text.chars().skip(c.span.start).take(c.span.len()).collect();
            assert_eq!(quote, c.quote, "{text:?}");
            assert!(c.confidence >= Decimal::ZERO && c.confidence <= Decimal::ONE);
        }
    }
}

#[test]
fn a_change_from_a_starting_figure_is_a_reported_figure_and_a_target() {
    let found = run("全省数据标注企业由2023年的800家增加到2027年的1500家。");
    assert_eq!(found.len(), 2, "{found:#?}");
    let start = one(&found, "800家");
    assert_eq!(start.kind, Kind::Observation);
    assert_eq!(metric(&start), "annotation_enterprises");
    assert_eq!(start.comparator, Comparator::Exactly);
    assert_eq!(as_of(&start), "2023");
    assert_eq!(start.deadline, None);
    assert!(
        start
            .reasons
            .iter()
            .map(ToString::to_string)
            .any(|r| r.starts_with("the starting figure of a change"))
    );
    let goal = one(&found, "1500家");
    assert_eq!(goal.kind, Kind::Target);
    assert_eq!(metric(&goal), "annotation_enterprises");
    assert_eq!(goal.comparator, Comparator::AtLeast);
    assert_eq!(deadline(&goal), "2027");
    assert_eq!(goal.as_of, None);
    assert_eq!(goal.confidence, dec("0.7"));

    let found = run("高质量数据集从2024年的120个提高到2027年的500个。");
    assert_eq!(found.len(), 2, "{found:#?}");
    let start = one(&found, "120个");
    assert_eq!(
        (start.kind, as_of(&start), start.comparator),
        (Kind::Observation, "2024".to_owned(), Comparator::Exactly)
    );
    assert_eq!(metric(&start), "high_quality_datasets");
    let goal = one(&found, "500个");
    assert_eq!(
        (goal.kind, deadline(&goal), goal.comparator),
        (Kind::Target, "2027".to_owned(), Comparator::AtLeast)
    );
    assert_eq!(metric(&goal), "high_quality_datasets");

    // 增至, 增长到; a money figure; the end of a year; no date for the start.
    let found = run("到2027年，全省数据产业规模由2024年底的1000亿元增长到3000亿元。");
    let start = one(&found, "1000亿元");
    assert_eq!(
        (start.kind, as_of(&start)),
        (Kind::Observation, "2024".to_owned())
    );
    let goal = one(&found, "3000亿元");
    assert_eq!(
        (goal.kind, deadline(&goal)),
        (Kind::Target, "2027".to_owned())
    );
    assert_eq!(metric(&goal), "data_industry_scale");
    let found = run("江苏省数据企业由800家增至1500家。");
    let start = one(&found, "800家");
    assert_eq!((start.kind, start.as_of), (Kind::Observation, None));
    assert!(
        start
            .reasons
            .iter()
            .map(ToString::to_string)
            .any(|r| r == "no date for the figure")
    );
    let goal = one(&found, "1500家");
    assert_eq!(
        (goal.kind, metric(&goal), jur(&goal)),
        (Kind::Target, "data_enterprises", "320000")
    );
    // A year the earlier figure is given is not the deadline of the later one.
    assert_eq!(goal.deadline, None);

    // In a report, both are reported figures.
    let found = run("截至2024年底，全省数据企业由2020年的100家增加到800家。");
    let start = one(&found, "100家");
    assert_eq!(
        (start.kind, as_of(&start)),
        (Kind::Observation, "2020".to_owned())
    );
    let now = one(&found, "800家");
    assert_eq!(
        (now.kind, as_of(&now)),
        (Kind::Observation, "2024".to_owned())
    );

    // 从 in a word (从业人员) opens no change.
    let c = one(&run("到2027年，标注从业人员达5.8万人。"), "5.8万人");
    assert_eq!(c.kind, Kind::Target);
    assert!(
        !c.reasons
            .iter()
            .map(ToString::to_string)
            .any(|r| r.contains("starting figure"))
    );

    // The TOML holds the starting figure as an observation of its year.
    let found = run("到2027年，苏州市高质量数据集从2024年的120个提高到500个。");
    let toml = to_toml(&found, &"s".parse().unwrap());
    assert!(
            toml.contains(
                "[[observation]]\nid = \"high_quality_datasets_320500_2024\"\njurisdiction = \"320500\"\nmetric = \"high_quality_datasets\"\nvalue = 120\nunit = \"个\"\nas_of = 2024\n"
            ),
            "{toml}"
        );
    assert!(
        toml.contains("comparator = \"at_least\"\nvalue = 500\nunit = \"个\"\ndeadline = 2027\n"),
        "{toml}"
    );
}

#[test]
fn a_later_clause_without_a_metric_carries_the_metric_over() {
    let found = run("到2027年，建成高质量数据集1000个，其中行业数据集500个。");
    assert_eq!(found.len(), 2, "{found:#?}");
    let whole = one(&found, "1000个");
    let part = one(&found, "500个");
    assert_eq!(metric(&part), "high_quality_datasets");
    assert_eq!(
        (part.kind, part.comparator, deadline(&part)),
        (Kind::Target, Comparator::AtLeast, "2027".to_owned())
    );
    assert_eq!(whole.confidence, dec("0.7"));
    assert_eq!(part.confidence, dec("0.6"));
    assert!(
        part.reasons
            .iter()
            .map(ToString::to_string)
            .any(|r| r == "metric carried over from an earlier clause (高质量数据集)")
    );
    assert!(
        part.reasons
            .iter()
            .map(ToString::to_string)
            .any(|r| r.starts_with("其中"))
    );

    let found = run("高质量数据集数量达到1000个，2030年达到2000个。");
    let later = one(&found, "2000个");
    assert_eq!(metric(&later), "high_quality_datasets");
    assert_eq!(
        (later.kind, later.comparator, deadline(&later)),
        (Kind::Target, Comparator::AtLeast, "2030".to_owned())
    );
    assert!(
        later
            .reasons
            .iter()
            .map(ToString::to_string)
            .any(|r| r.starts_with("metric carried over"))
    );
    // Across a semicolon, and for amounts.
    let later = one(
        &run("到2025年，建成高质量数据集500个；到2027年，达到1000个。"),
        "1000个",
    );
    assert_eq!(
        (metric(&later), deadline(&later)),
        ("high_quality_datasets", "2027".to_owned())
    );
    let later = one(
        &run("到2025年，全省数据产业规模达到1000亿元，2027年突破2000亿元。"),
        "2000亿元",
    );
    assert_eq!(metric(&later), "data_industry_scale");
    assert_eq!(later.comparator, Comparator::MoreThan);
    // Not carried: a thing of its own, another unit of count, another
    // sentence.
    let found = run("到2027年，建成高质量数据集1000个，培育龙头企业50个，覆盖12个行业。");
    assert_eq!(one(&found, "50个").metric, None);
    assert_eq!(one(&found, "12个").metric, None);
    let found = run("到2027年，建成高质量数据集1000个，培育50家。");
    assert_eq!(one(&found, "50家").metric, None);
    let found = run("到2027年，建成高质量数据集1000个。2030年达到2000个。");
    assert_eq!(one(&found, "2000个").metric, None);
}

#[test]
fn years_in_chinese_numerals_are_dates() {
    let text = "到二〇二七年，建成高质量数据集1000个。";
    let found = run(text);
    assert_eq!(found.len(), 1, "{found:#?}");
    assert_eq!(deadline(&found[0]), "2027");
    assert_eq!(found[0].value.to_string(), "1000个");
    assert_eq!(found[0].confidence, dec("0.7"));
    let c = one(&run("二〇二五年底，建成高质量数据集100个。"), "100个");
    assert_eq!((c.kind, deadline(&c)), (Kind::Target, "2025".to_owned()));
    let c = one(&run("到二零三零年，培育数据企业二千家。"), "2000家");
    assert_eq!(deadline(&c), "2030");
    // Months and days too; quotes stay verbatim.
    let text = "【二〇二五年三月】\n三月十八日，当前7个基地已形成高质量数据集十个。\n截至二〇二四年十二月底，全市已建成高质量数据集120个。";
    let found = run(text);
    assert_eq!(found.len(), 3, "{found:#?}");
    assert_eq!(as_of(&one(&found, "10个")), "2025-03-18");
    let c = one(&found, "120个");
    assert_eq!(
        (c.kind, as_of(&c)),
        (Kind::Observation, "2024-12".to_owned())
    );
    assert_eq!(c.quote, "全市已建成高质量数据集120个");
    for c in &found {
        let quote: String = text.chars().skip(c.span.start).take(c.span.len()).collect();
        assert_eq!(quote, c.quote);
    }
    // A year alone is not a quantity.
    assert!(run("二〇二七年。一九九九年，二〇二五年三月。").is_empty());
}

#[test]
fn about_figures_are_exact_with_a_reason() {
    let cases = [
        ("到2027年，高质量数据集达到1000个左右。", "左右"),
        ("到2027年，建成高质量数据集1000个左右。", "左右"),
        ("到2027年，高质量数据集约1000个。", "约"),
        ("到2027年，高质量数据集大约1000个。", "大约"),
        ("到2027年，高质量数据集达到约1000个。", "约"),
    ];
    for (text, word) in cases {
        let c = one(&run(text), "1000个");
        assert_eq!(c.comparator, Comparator::Exactly, "{text}");
        assert_eq!(
            (c.kind, deadline(&c)),
            (Kind::Target, "2027".to_owned()),
            "{text}"
        );
        let reason = format!("approximate figure ({word}): read as exactly");
        assert!(
            c.reasons.iter().any(|r| r.to_string() == reason),
            "{text}: {:?}",
            c.reasons
        );
    }
    // 余 and 多 bound from below; a strict word wins.
    let c = one(&run("到2027年，培育数据企业300余家。"), "300家");
    assert_eq!(c.comparator, Comparator::MoreThan);
    assert!(
        c.reasons
            .iter()
            .map(ToString::to_string)
            .any(|r| r == "approximate figure (余): read as more than")
    );
    let c = one(&run("到2027年，培育数据企业不少于300家左右。"), "300家");
    assert_eq!(c.comparator, Comparator::AtLeast);
}

#[test]
fn a_group_that_is_built_or_counted_is_not_whose_figure_it_is() {
    for text in [
        "到2027年，建设国家数据标注基地3个。",
        "到2027年，建设国家级数据标注基地3个。",
        "到2027年，建成3个数据标注基地。",
        "到2027年，数据标注基地3个。",
    ] {
        let c = one(&run(text), "3个");
        assert_eq!(c.jurisdiction, None, "{text}");
        assert_eq!(c.jurisdiction_phrase, "", "{text}");
        assert_eq!(
            (c.kind, deadline(&c)),
            (Kind::Target, "2027".to_owned()),
            "{text}"
        );
    }
    // The place that builds it is.
    let c = one(
        &run("湖南省提出，到2027年，建好国家数据标注基地，标注数据规模达3000TB。"),
        "3000 TB",
    );
    assert_eq!(jur(&c), "430000");
    // Named as whose figures follow, it is still the group.
    let c = one(
        &run("截至2024年底，数据标注基地已建成高质量数据集335个。"),
        "335个",
    );
    assert_eq!(jur(&c), "national_annotation_bases");
    assert_eq!(c.jurisdiction_phrase, "数据标注基地");
}

#[test]
fn an_amount_added_is_flagged_for_a_stock_metric() {
    let reason = "新增 states an amount added, not a level reached";
    let c = one(
        &run("苏州市提出，到2027年，新增高质量数据集200个。"),
        "200个",
    );
    assert_eq!(metric(&c), "high_quality_datasets");
    assert_eq!(
        (c.kind, c.comparator, deadline(&c)),
        (Kind::Target, Comparator::AtLeast, "2027".to_owned())
    );
    assert!(
        c.reasons
            .iter()
            .map(ToString::to_string)
            .any(|r| r == reason),
        "{:?}",
        c.reasons
    );
    assert_eq!(c.confidence, dec("0.75"));
    let level = one(
        &run("苏州市提出，到2027年，建成高质量数据集200个。"),
        "200个",
    );
    assert_eq!(level.confidence, dec("0.95"));
    assert!(level.reasons.is_empty());
    let c = one(&run("到2027年，全省新增200个高质量数据集。"), "200个");
    assert!(
        c.reasons
            .iter()
            .map(ToString::to_string)
            .any(|r| r == reason)
    );
    let c = one(&run("到2027年，高质量数据集增加200个。"), "200个");
    assert!(
        c.reasons
            .iter()
            .map(ToString::to_string)
            .any(|r| r == "增加 states an amount added, not a level reached")
    );
    // 增加到 states the level.
    let c = one(&run("到2027年，数据企业增加到500家。"), "500家");
    assert!(
        !c.reasons
            .iter()
            .map(ToString::to_string)
            .any(|r| r.contains("amount added"))
    );
}

#[test]
fn a_heading_that_repeats_its_paragraph_is_proposed_once() {
    // No metric recognised, and a deadline only in the text.
    let text = "工信部等七个部门联合印发实施方案\n\n近日，工信部、商务部等七个部门联合印发《实施方案(2025—2030年)》。";
    let found = run(text);
    assert_eq!(found.len(), 1, "{found:#?}");
    assert!(
        !found[0]
            .reasons
            .iter()
            .map(ToString::to_string)
            .any(|r| r.contains("heading"))
    );
    // The text gives the month; the heading only the year.
    let text = "武汉：2025年建设20个高质量数据集\n\n2月25日，武汉市提出，到2025年6月底，全市建设不少于20个高质量数据集。";
    let found = run(text);
    assert_eq!(found.len(), 1, "{found:#?}");
    let c = &found[0];
    assert_eq!(
        (metric(c), jur(c), deadline(c), c.comparator),
        (
            "high_quality_datasets",
            "420100",
            "2025-06".to_owned(),
            Comparator::AtLeast
        )
    );
    assert_eq!(c.quote, "全市建设不少于20个高质量数据集");
    // Other figures: a different year, a different place, or two
    // paragraphs of text, are kept apart.
    let text =
        "武汉：2026年建设20个高质量数据集\n\n武汉市提出，到2025年，全市建设20个高质量数据集。";
    assert_eq!(run(text).len(), 2);
    let text = "武汉建设20个高质量数据集\n\n苏州市提出，到2025年，全市建设20个高质量数据集。";
    assert_eq!(run(text).len(), 2);
    let text = "聚焦12个行业领域。\n\n覆盖12个行业领域。";
    assert_eq!(run(text).len(), 2);
}
