//! `extract` on the seed newsletter: every quantitative statement the
//! bundled data holds from it is proposed with the right value, unit,
//! comparator and date, few wrong ones are proposed with confidence, and the
//! TOML written for the proposals validates with the bundled data.

use policy_targets::extract::{Candidate, Kind, extract, to_toml};
use policy_targets::{Catalog, Comparator, Id};
use rust_decimal::Decimal;

use crate::util::{TempDir, cli, copy_dir, manifest_dir, newsletter};

/// One statement of the newsletter, written by hand from its text and the
/// bundled data: the bundled record's id, kind, jurisdiction, metric,
/// comparator, canonical value and unit, and the deadline (targets) or date
/// (observations) that the newsletter's text gives.
struct Expected {
    id: &'static str,
    kind: Kind,
    jurisdiction: &'static str,
    metric: &'static str,
    comparator: Comparator,
    canonical: &'static str,
    unit: &'static str,
    date: Option<&'static str>,
}

const fn target(
    id: &'static str,
    jurisdiction: &'static str,
    metric: &'static str,
    comparator: Comparator,
    canonical: &'static str,
    unit: &'static str,
    deadline: Option<&'static str>,
) -> Expected {
    Expected {
        id,
        kind: Kind::Target,
        jurisdiction,
        metric,
        comparator,
        canonical,
        unit,
        date: deadline,
    }
}

const fn observation(
    id: &'static str,
    jurisdiction: &'static str,
    metric: &'static str,
    comparator: Comparator,
    canonical: &'static str,
    unit: &'static str,
    as_of: &'static str,
) -> Expected {
    Expected {
        id,
        kind: Kind::Observation,
        jurisdiction,
        metric,
        comparator,
        canonical,
        unit,
        date: Some(as_of),
    }
}

use Comparator::{AtLeast, Exactly, MoreThan};

/// The 12 targets and 8 observations of the bundled data whose quotes are in
/// the newsletter.
///
/// The newsletter states no deadline for 苏州's four figures: the bundled
/// data's 2027 comes from the reference compilation (力争到2027年 in the
/// document itself), so the text's deadline is none.
const EXPECTED: &[Expected] = &[
    target(
        "wuhan_high_quality_datasets_2025",
        "420100",
        "high_quality_datasets",
        AtLeast,
        "20",
        "count",
        Some("2025"),
    ),
    target(
        "suzhou_open_data_catalogues_2027",
        "320500",
        "open_data_catalogues",
        AtLeast,
        "10000",
        "count",
        None,
    ),
    target(
        "suzhou_typical_data_products_2027",
        "320500",
        "typical_data_products",
        AtLeast,
        "500",
        "count",
        None,
    ),
    target(
        "suzhou_high_quality_datasets_2027",
        "320500",
        "high_quality_datasets",
        AtLeast,
        "300",
        "count",
        None,
    ),
    target(
        "suzhou_registered_data_products_2027",
        "320500",
        "registered_data_products",
        MoreThan,
        "2000",
        "count",
        None,
    ),
    target(
        "jiangsu_innovation_consortia_2027",
        "320000",
        "data_industry_innovation_consortia",
        AtLeast,
        "5",
        "count",
        Some("2027"),
    ),
    target(
        "jiangsu_application_cases_2027",
        "320000",
        "data_enterprise_application_cases",
        AtLeast,
        "100",
        "count",
        Some("2027"),
    ),
    target(
        "jiangsu_above_scale_data_enterprises_2027",
        "320000",
        "above_scale_data_enterprises",
        AtLeast,
        "1000",
        "count",
        Some("2027"),
    ),
    target(
        "jiangsu_high_quality_datasets_2027",
        "320000",
        "high_quality_datasets",
        AtLeast,
        "1000",
        "count",
        Some("2027"),
    ),
    target(
        "jiangsu_typical_data_products_2027",
        "320000",
        "typical_data_products",
        AtLeast,
        "2000",
        "count",
        Some("2027"),
    ),
    target(
        "jiangsu_public_service_platforms_2027",
        "320000",
        "data_industry_public_service_platforms",
        AtLeast,
        "50",
        "count",
        Some("2027"),
    ),
    target(
        "hunan_data_annotation_volume_2027",
        "430000",
        "data_annotation_volume",
        AtLeast,
        "3000",
        "TB",
        Some("2027"),
    ),
    observation(
        "annotation_bases_volume_2025_03",
        "national_annotation_bases",
        "data_annotation_volume",
        Exactly,
        "17282",
        "TB",
        "2025-03-18",
    ),
    observation(
        "annotation_bases_datasets_2025_03",
        "national_annotation_bases",
        "high_quality_datasets",
        Exactly,
        "335",
        "count",
        "2025-03-18",
    ),
    observation(
        "annotation_bases_models_2025_03",
        "national_annotation_bases",
        "large_models_enabled",
        Exactly,
        "121",
        "count",
        "2025-03-18",
    ),
    observation(
        "annotation_bases_enterprises_2025_03",
        "national_annotation_bases",
        "annotation_enterprises",
        Exactly,
        "223",
        "count",
        "2025-03-18",
    ),
    observation(
        "annotation_bases_workers_2025_03",
        "national_annotation_bases",
        "annotation_workers",
        Exactly,
        "58000",
        "person",
        "2025-03-18",
    ),
    observation(
        "annotation_bases_output_value_2025_03",
        "national_annotation_bases",
        "annotation_output_value",
        Exactly,
        "8300000000",
        "CNY",
        "2025-03-18",
    ),
    observation(
        "central_soes_outstanding_dataset_results_2025_04",
        "central_soes",
        "outstanding_dataset_results",
        Exactly,
        "30",
        "count",
        "2025-04",
    ),
    observation(
        "central_soes_data_industry_communities_2025_04",
        "central_soes",
        "data_industry_communities",
        Exactly,
        "3",
        "count",
        "2025-04",
    ),
];

fn matches(c: &Candidate, e: &Expected) -> bool {
    let date = match c.kind {
        Kind::Target => c.deadline.map(|d| d.to_string()),
        Kind::Observation => c.as_of.map(|d| d.to_string()),
    };
    c.kind == e.kind
        && c.jurisdiction.as_ref().map(|j| j.as_str()) == Some(e.jurisdiction)
        && c.metric.as_ref().map(|m| m.as_str()) == Some(e.metric)
        && c.comparator == e.comparator
        && c.value.canonical_value().to_string() == e.canonical
        && c.value.dimension().canonical_unit().to_string() == e.unit
        && date.as_deref() == e.date
}

fn remove_whitespace(s: &str) -> String {
    s.chars().filter(|c| !c.is_whitespace()).collect()
}

#[test]
fn the_hand_written_list_agrees_with_the_bundled_data() {
    let catalog = Catalog::bundled().expect("bundled data");
    let text = newsletter();
    let (mut targets, mut observations) = (0, 0);
    for e in EXPECTED {
        let (jurisdiction, metric, value, comparator, quote) = match e.kind {
            Kind::Target => {
                targets += 1;
                let t = catalog
                    .targets()
                    .iter()
                    .find(|t| t.id.as_str() == e.id)
                    .unwrap_or_else(|| panic!("no bundled target {}", e.id));
                if let Some(deadline) = e.date {
                    assert_eq!(t.deadline.to_string(), deadline, "{}", e.id);
                }
                (
                    &t.jurisdiction,
                    &t.metric,
                    t.value,
                    Some(t.comparator),
                    &t.quote,
                )
            }
            Kind::Observation => {
                observations += 1;
                let o = catalog
                    .observations()
                    .iter()
                    .find(|o| o.id.as_str() == e.id)
                    .unwrap_or_else(|| panic!("no bundled observation {}", e.id));
                assert_eq!(Some(o.as_of.to_string().as_str()), e.date, "{}", e.id);
                (&o.jurisdiction, &o.metric, o.value, o.comparator, &o.quote)
            }
        };
        assert_eq!(jurisdiction.as_str(), e.jurisdiction, "{}", e.id);
        assert_eq!(metric.as_str(), e.metric, "{}", e.id);
        assert_eq!(value.canonical_value().to_string(), e.canonical, "{}", e.id);
        assert_eq!(
            comparator.unwrap_or(Comparator::Exactly),
            e.comparator,
            "{}",
            e.id
        );
        assert!(text.contains(quote.as_str()), "{}: {quote}", e.id);
    }
    assert_eq!((targets, observations), (12, 8));
    // Every record of the bundled data quoting the newsletter is in the list.
    let quoted = catalog
        .targets()
        .iter()
        .map(|t| (t.id.as_str(), &t.quote))
        .chain(
            catalog
                .observations()
                .iter()
                .map(|o| (o.id.as_str(), &o.quote)),
        )
        .filter(|(_, quote)| text.contains(quote.as_str()))
        .filter(|(id, _)| !EXPECTED.iter().any(|e| e.id == *id))
        .map(|(id, _)| id)
        .collect::<Vec<_>>();
    assert_eq!(quoted, Vec::<&str>::new());
}

#[test]
fn the_newsletter_figures_are_all_proposed_and_most_proposals_are_right() {
    let catalog = Catalog::bundled().expect("bundled data");
    let text = newsletter();
    let found = extract(&text, &catalog);

    // Quotes are verbatim, at their character spans.
    for c in &found {
        let at: String = text.chars().skip(c.span.start).take(c.span.len()).collect();
        assert_eq!(at, c.quote);
    }

    // Recall: every statement is proposed, with a quote holding the data's.
    let mut used = vec![false; found.len()];
    for e in EXPECTED {
        let hit = found
            .iter()
            .enumerate()
            .find(|(i, c)| !used[*i] && matches(c, e))
            .map(|(i, _)| i);
        let Some(i) = hit else {
            panic!("{} is not proposed as written: {found:#?}", e.id)
        };
        used[i] = true;
        let bundled_quote = catalog
            .targets()
            .iter()
            .find(|t| t.id.as_str() == e.id)
            .map(|t| t.quote.clone())
            .or_else(|| {
                catalog
                    .observations()
                    .iter()
                    .find(|o| o.id.as_str() == e.id)
                    .map(|o| o.quote.clone())
            })
            .expect("bundled record");
        assert!(
            remove_whitespace(&found[i].quote).contains(&remove_whitespace(&bundled_quote)),
            "{}: {:?} does not hold {bundled_quote:?}",
            e.id,
            found[i].quote
        );
    }
    let recall = used.iter().filter(|&&u| u).count();
    assert_eq!(recall, EXPECTED.len());

    // Precision on what is proposed with confidence.
    let threshold = Decimal::new(5, 1);
    let confident: Vec<usize> = (0..found.len())
        .filter(|&i| found[i].confidence >= threshold)
        .collect();
    let right = confident.iter().filter(|&&i| used[i]).count();
    let precision = Decimal::from(right as u64) / Decimal::from(confident.len().max(1) as u64);
    assert!(
        precision >= Decimal::new(9, 1),
        "precision {precision}: {:#?}",
        confident
            .iter()
            .filter(|&&i| !used[i])
            .map(|&i| &found[i])
            .collect::<Vec<_>>()
    );
    // Every expected statement is among the confident proposals.
    assert!(
        (0..found.len())
            .filter(|&i| used[i])
            .all(|i| found[i].confidence >= threshold)
    );
}

#[test]
fn the_toml_of_the_proposals_validates_with_the_bundled_data() {
    let catalog = Catalog::bundled().expect("bundled data");
    let found = extract(&newsletter(), &catalog);
    let source: Id = "extracted_newsletter_2025_05".parse().expect("an id");
    let toml = to_toml(&found, &source);
    let file = format!(
        "[source]\n\
         id = \"extracted_newsletter_2025_05\"\n\
         title = \"数智资讯（2025年第5期，总第11期）\"\n\
         issuer = \"数字广西专家咨询委员会秘书处\"\n\
         published = 2025-07-04\n\
         status = \"final\"\n\
         force = \"statement\"\n\
         {toml}"
    );
    // A copy of the bundled data folder with the extracted file added.
    let scratch = TempDir::new("extract");
    let data = scratch.join("data");
    copy_dir(&manifest_dir().join("targets"), &data);
    std::fs::write(data.join("sources/extracted_newsletter_2025_05.toml"), file)
        .expect("writing the extracted file");
    let loaded = Catalog::load(&data).unwrap_or_else(|e| panic!("{e}\n{toml}"));
    let added = loaded.targets().len() + loaded.observations().len()
        - catalog.targets().len()
        - catalog.observations().len();
    // The figures with everything the format needs are live entries: all
    // but 苏州's four, which have no deadline in the text.
    assert_eq!(added, EXPECTED.len() - 4);
    assert_eq!(
        loaded
            .targets()
            .iter()
            .filter(|t| t.source.as_str() == "extracted_newsletter_2025_05")
            .count(),
        8
    );
}

#[test]
fn the_command_line_reads_standard_input() {
    let v = cli(["extract", "-", "--format", "json", "--jurisdiction", "广西"])
        .stdin("到2027年，全区建成高质量数据集５００个以上。")
        .run()
        .json();
    assert_eq!(v["version"], 1);
    let first = &v["candidates"].as_array().unwrap()[0];
    assert_eq!(first["jurisdiction"], "450000");
    assert_eq!(first["metric"], "high_quality_datasets");
    assert_eq!(first["comparator"], "at_least");
    assert_eq!(first["canonical_value"].to_string(), "500");
    assert_eq!(first["deadline"], "2027");
    assert_eq!(first["deadline_end"], "2027-12-31");
}

#[test]
fn the_json_output_is_an_object_that_its_schema_describes() {
    use policy_targets::extract::{CandidatesJson, to_json};
    let catalog = Catalog::bundled().expect("bundled data");
    let found = extract(&newsletter(), &catalog);
    let json = to_json(&found);
    let value: serde_json::Value = serde_json::from_str(&json).expect("JSON");
    assert_eq!(value["version"], 1);
    let list = value["candidates"]
        .as_array()
        .expect("a list of candidates");
    assert_eq!(list.len(), found.len());
    assert_eq!(
        value
            .as_object()
            .map(|o| o.keys().cloned().collect::<Vec<_>>()),
        Some(vec!["version".to_owned(), "candidates".to_owned()])
    );
    let schema = schemars::schema_for!(CandidatesJson<'static>);
    let schema = serde_json::to_value(&schema).expect("schema JSON");
    let validator = jsonschema::validator_for(&schema).expect("a valid schema");
    let errors: Vec<String> = validator
        .iter_errors(&value)
        .map(|e| e.to_string())
        .collect();
    assert!(errors.is_empty(), "{errors:#?}");
    // A bare list, the former shape, does not validate.
    assert!(!validator.is_valid(&value["candidates"]));
}

/// Kind, value as written, metric, comparator, deadline, date.
type Row<'a> = (
    Kind,
    String,
    Option<&'a str>,
    Comparator,
    Option<String>,
    Option<String>,
);

/// Policy language the seed does not use: changes from a starting figure,
/// clauses that carry a metric over, years in Chinese numerals, approximate
/// figures, a group that is built, amounts added, headings that repeat.
#[test]
fn policy_language_beyond_the_seed() {
    let catalog = Catalog::bundled().expect("bundled data");
    let text = "浙江省数据产业发展行动方案\n\n\
        到二〇二七年，全省数据标注企业由2023年的800家增加到1500家，\
        高质量数据集数量达到1000个左右，其中行业数据集500个；\
        建设国家数据标注基地2个，新增数据交易机构累计登记数据产品300个。";
    let found = extract(text, &catalog);
    let got: Vec<Row> = found
        .iter()
        .map(|c| {
            (
                c.kind,
                c.value.to_string(),
                c.metric.as_ref().map(|m| m.as_str()),
                c.comparator,
                c.deadline.map(|d| d.to_string()),
                c.as_of.map(|d| d.to_string()),
            )
        })
        .collect();
    let some = |s: &str| Some(s.to_owned());
    let expected = vec![
        (
            Kind::Observation,
            "800家".to_owned(),
            Some("annotation_enterprises"),
            Comparator::Exactly,
            None,
            some("2023"),
        ),
        (
            Kind::Target,
            "1500家".to_owned(),
            Some("annotation_enterprises"),
            Comparator::AtLeast,
            some("2027"),
            None,
        ),
        (
            Kind::Target,
            "1000个".to_owned(),
            Some("high_quality_datasets"),
            Comparator::Exactly,
            some("2027"),
            None,
        ),
        (
            Kind::Target,
            "500个".to_owned(),
            Some("high_quality_datasets"),
            Comparator::AtLeast,
            some("2027"),
            None,
        ),
        (
            Kind::Target,
            "2个".to_owned(),
            None,
            Comparator::AtLeast,
            some("2027"),
            None,
        ),
        (
            Kind::Target,
            "300个".to_owned(),
            Some("registered_data_products"),
            Comparator::AtLeast,
            some("2027"),
            None,
        ),
    ];
    assert_eq!(got, expected, "{found:#?}");
    // Every figure is 浙江省's (from the title), the base included.
    for c in &found {
        assert_eq!(
            c.jurisdiction.as_ref().map(|j| j.as_str()),
            Some("330000"),
            "{c:#?}"
        );
    }
    let reasons = |value: &str| -> Vec<String> {
        found
            .iter()
            .find(|c| c.value.to_string() == value)
            .map(|c| c.reasons.iter().map(ToString::to_string).collect())
            .unwrap_or_default()
    };
    assert!(reasons("1000个").contains(&"approximate figure (左右): read as exactly".to_owned()));
    assert!(
        reasons("500个")
            .iter()
            .any(|r| r.starts_with("metric carried over from an earlier clause"))
    );
    assert!(
        reasons("300个").contains(&"新增 states an amount added, not a level reached".to_owned())
    );
}

/// Text without full stops (a PDF pasted without them, a badly scanned page,
/// hostile input) is read whole: every figure of a long comma-joined
/// clause, of one clause without any punctuation and of a table of short
/// lines is proposed once, and its quote is a bounded stretch of a long
/// clause, not all of it. How the time grows with the length is measured
/// by `cargo bench --bench extract` (the time per KB at 50, 100 and 200 KB),
/// not here.
#[test]
fn long_text_without_sentence_breaks_is_read_whole() {
    let metrics = ["高质量数据集", "数据产品", "数据标注基地", "典型场景"];
    // About 50 KB of clauses joined by commas, never a full stop.
    let commas: String = (0..1000)
        .map(|i| {
            let metric = metrics[i % metrics.len()];
            format!("到{}年，建成{metric}不少于{}个，", 2025 + i % 5, 1000 + i)
        })
        .collect();
    // About 50 KB without any punctuation: one clause of 4,000 figures.
    let bare = "不少于1个".repeat(4000);
    // About 50 KB of short lines without punctuation (a table): each line
    // is a heading of those after it.
    let table: String = (0..4000).map(|i| format!("数据集{i}个\n")).collect();
    for text in [&commas, &bare, &table] {
        assert!(text.len() >= 45_000, "{}", text.len());
    }
    let catalog = Catalog::bundled().expect("bundled data");
    let extractor = policy_targets::extract::Extractor::new(&catalog);
    let results: Vec<(usize, Option<usize>)> = [commas, bare, table]
        .iter()
        .map(|text| {
            let found = extractor.extract(text);
            let longest = found.iter().map(|c| c.quote.chars().count()).max();
            (found.len(), longest)
        })
        .collect();
    // Every figure is proposed once (the values differ, or no metric is
    // recognised to merge them by), and no quote is longer than a few
    // clauses.
    let counts: Vec<usize> = results.iter().map(|(count, _)| *count).collect();
    assert_eq!(counts, [1000, 4000, 4000]);
    for (_, longest) in &results {
        assert!(longest.is_some_and(|n| n <= 200), "{longest:?}");
    }
}

#[test]
fn the_command_line_keeps_amounts_as_written_and_shares_with_their_place() {
    // 突破百亿元 stays 100 亿元 as the text wrote it, not 10000000000 元.
    let toml = cli(["extract", "-"])
        .stdin("到2027年，苏州市数据产业规模突破百亿元。")
        .run()
        .ok()
        .stdout;
    assert!(toml.contains("value = 100\nunit = \"亿元\""), "{toml}");
    // A share of the nation's total belongs to the place that has it, and
    // 增加值 (value added) is not read as an amount added.
    let v = cli(["extract", "-", "--format", "json", "--min-confidence", "0"])
        .stdin("2025年，苏州市数字经济核心产业增加值占全国比重约2.5%。")
        .run()
        .json();
    let first = &v["candidates"].as_array().unwrap()[0];
    assert_eq!(first["jurisdiction"], "320500");
    assert_eq!(first["unit"], "%");
    let reasons = first["reasons"].to_string();
    assert!(!reasons.contains("amount added"), "{reasons}");
}
