//! The extractor on the phenomena of real news and plan text, with
//! sentences written for the purpose: reported figures and targets (1),
//! relative dates (2), measures the catalogue lacks (3), whose figure it is
//! (4), the noise of copied pages (5), and approximate and open figures (6).

use chrono::NaiveDate;
use rust_decimal::Decimal;

use super::tests::one;
use super::*;

fn catalog() -> Catalog {
    Catalog::bundled().unwrap_or_else(|e| panic!("{e}"))
}

/// The candidates of `text` published on `published` (`YYYY-MM-DD`).
fn read(text: &str, published: Option<&str>) -> Vec<Candidate> {
    let options = Options {
        published: published.map(|d| d.parse::<NaiveDate>().unwrap()),
        ..Options::default()
    };
    extract_with(text, &catalog(), &options)
}

pub(super) fn jur(c: &Candidate) -> &str {
    c.jurisdiction.as_ref().map_or("", |j| j.as_str())
}

pub(super) fn date(c: &Candidate) -> String {
    match c.kind {
        Kind::Target => c.deadline.map(|d| d.to_string()),
        Kind::Observation => c.as_of.map(|d| d.to_string()),
    }
    .unwrap_or_default()
}

pub(super) fn confident(c: &Candidate) -> bool {
    c.confidence >= DEFAULT_MIN_CONFIDENCE
}

pub(super) fn has_reason(c: &Candidate, words: &str) -> bool {
    c.reasons
        .iter()
        .map(ToString::to_string)
        .any(|r| r.contains(words))
}

#[test]
fn a_past_year_reached_is_a_reported_figure_not_a_deadline() {
    let text = "2024年，宜昌市软件业务收入达到800亿元，同比增长12%。";
    let c = one(&read(text, Some("2025-03-01")), "800亿元");
    assert_eq!(c.kind, Kind::Observation);
    assert_eq!(date(&c), "2024");
    assert_eq!(c.comparator, Comparator::Exactly);
    assert_eq!(jur(&c), "420500");
    assert!(confident(&c), "{c:#?}");
    // Without a date of writing, 同比 after the figure still says report.
    let c = one(&read(text, None), "800亿元");
    assert_eq!(c.kind, Kind::Observation);
    assert_eq!(date(&c), "2024");
    // Future-facing words make a target.
    let c = one(
        &read(
            "力争到2027年，宜昌市软件业务收入突破1200亿元。",
            Some("2025-03-01"),
        ),
        "1200亿元",
    );
    assert_eq!((c.kind, date(&c)), (Kind::Target, "2027".to_owned()));
    assert_eq!(c.comparator, Comparator::MoreThan);
    // 累计, 已 and 截至 report; 打造 right before a figure plans.
    let found = read(
        "近年来，全省已出台相关政策20项。重点打造90个行业高质量数据集。",
        Some("2026-01-15"),
    );
    assert_eq!(one(&found, "90个").kind, Kind::Target);
    // 提高至 before a past year reports the level reached.
    let c = one(
        &read(
            "宜昌市数字经济核心产业增加值从2020年的60亿元提高至2022年的130亿元。",
            Some("2023-12-01"),
        ),
        "130亿元",
    );
    assert_eq!((c.kind, date(&c)), (Kind::Observation, "2022".to_owned()));
}

#[test]
fn relative_dates_are_read_with_the_date_of_writing() {
    let c = one(
        &read("去年，武汉市数据交易额达到15亿元。", Some("2025-02-10")),
        "15亿元",
    );
    assert_eq!((c.kind, date(&c)), (Kind::Observation, "2024".to_owned()));
    let inferred = c.date_inferred.clone().unwrap();
    assert_eq!(inferred.words, "去年");
    assert_eq!(inferred.from, DateFrom::Published);
    assert_eq!(inferred.reference.to_string(), "2025-02-10");
    assert!(has_reason(&c, "去年"));
    // 截至今年6月底, 上半年, 过去的一年.
    let cases = [
        (
            "截至今年6月底，武汉市公共数据累计归集30亿条。",
            "30亿条",
            "2025-06",
        ),
        (
            "今年上半年，武汉市数据交易额达到20亿元。",
            "20亿元",
            "2025-06",
        ),
        (
            "过去的一年，全国数据交易额超过1600亿元。",
            "1600亿元",
            "2024",
        ),
        (
            "2023年上半年，武汉市数据交易额为9亿元。",
            "9亿元",
            "2023-06",
        ),
    ];
    for (text, value, as_of) in cases {
        let c = one(&read(text, Some("2025-08-26")), value);
        assert_eq!(c.kind, Kind::Observation, "{text}");
        assert_eq!(date(&c), as_of, "{text}");
    }
    // 今年 in a plan: the deadline is this year's.
    let c = one(
        &read("今年，武汉市将建成高质量数据集100个。", Some("2025-03-01")),
        "100个",
    );
    assert_eq!((c.kind, date(&c)), (Kind::Target, "2025".to_owned()));
    // A date line of the text dates 目前, and says so.
    let found = read("2025-08-26\n目前，武汉市已建成高质量数据集50个。", None);
    let c = one(&found, "50个");
    assert_eq!(date(&c), "2025-08-26");
    assert_eq!(c.date_inferred.unwrap().from, DateFrom::DateLine);
    let found = read(
        "发布时间：2025年8月26日 10:30\n今年上半年，武汉市数据交易额达到20亿元。",
        None,
    );
    assert_eq!(date(&one(&found, "20亿元")), "2025-06");
    // A figure with no date of its own is dated by the publication.
    let c = one(
        &read("武汉市已建成高质量数据集50个。", Some("2025-08-26")),
        "50个",
    );
    assert_eq!(date(&c), "2025-08-26");
    assert_eq!(c.date_inferred.unwrap().words, "");
    // Without a date of writing, the date is unknown, not guessed.
    let text = "2024年，武汉市建成高质量数据集40个。截至今年6月底，武汉市公共数据累计归集30亿条。";
    let c = one(&read(text, None), "30亿条");
    assert_eq!(c.kind, Kind::Observation);
    assert_eq!(c.as_of, None);
    assert!(has_reason(&c, "date unknown"), "{c:#?}");
    assert_eq!(c.date_inferred, None);
}

#[test]
fn measures_the_catalogue_lacks_are_kept_with_their_words() {
    let cases = [
        (
            "2024年，宜昌市软件业务收入达到800亿元。",
            "800亿元",
            "软件业务收入",
        ),
        (
            "截至2024年底，宜昌市数据标注产业年产值超过20亿元。",
            "20亿元",
            "数据标注产业年产值",
        ),
        (
            "截至2024年底，宜昌市公共数据累计归集30亿条。",
            "30亿条",
            "公共数据累计归集",
        ),
        ("到2027年，宜昌市建成5G基站2.5万个。", "2.5万个", "5G基站"),
    ];
    for (text, value, phrase) in cases {
        let c = one(&read(text, Some("2025-03-01")), value);
        if value != "2.5万个" {
            assert_eq!(c.metric, None, "{text}");
            assert_eq!(c.metric_phrase, phrase, "{text}");
            assert!(has_reason(&c, "metric not in the catalogue"), "{text}");
        }
        assert!(confident(&c), "{text}: {c:#?}");
    }
    // Unknown words that name no measure stay below the threshold.
    let c = one(
        &read("到2027年，宜昌市围绕3条主线推进数字化建设。", None),
        "3条",
    );
    assert!(!confident(&c), "{c:#?}");
    // 增加值 names a measure; it is no amount added.
    let c = one(
        &read(
            "2024年，宜昌市数字经济核心产业增加值达到500亿元。",
            Some("2025-03-01"),
        ),
        "500亿元",
    );
    assert!(!has_reason(&c, "amount added"), "{c:#?}");
    assert!(confident(&c));
    // TOML proposes the measure as a new metric.
    let found = read(
        "2024年，宜昌市软件业务收入达到800亿元。",
        Some("2025-03-01"),
    );
    let toml = to_toml(&found, &"s".parse().unwrap());
    assert!(
        toml.contains("metric = \"?\"  # 软件业务收入 (proposed below as new_metric_1)"),
        "{toml}"
    );
    assert!(
        toml.contains("# id = \"new_metric_1\"\n# name_zh = \"软件业务收入\"\n"),
        "{toml}"
    );
    assert!(toml.contains("# dimension = \"money\"\n"), "{toml}");
}

#[test]
fn whose_figure_it_is() {
    let cases = [
        // A share of the national total is the place's.
        (
            "2024年，四川省数字经济核心产业增加值占全国比重约2.5%。",
            "2.5%",
            "510000",
        ),
        // A share of the province is the city's.
        (
            "2023年，杭州市数字经济核心产业增加值占浙江省比重为57%。",
            "57%",
            "330100",
        ),
        // Ranked in the nation: still the province's.
        (
            "到2027年，四川省建成高质量数据集500个，规模位居全国前列。",
            "500个",
            "510000",
        ),
        (
            "到2027年，广东省数字经济发展水平稳居全国首位，建成可信数据空间50个。",
            "50个",
            "440000",
        ),
        // An exchange's figure is its city's, by its full or short name.
        (
            "截至2024年底，芜湖数据交易所挂牌数据产品超过500个。",
            "500个",
            "340200",
        ),
        (
            "截至2024年底，深数所挂牌数据产品超过2000个。",
            "2000个",
            "440300",
        ),
        // 全市 refers back to the city named before.
        (
            "襄阳市提出：到2027年，全市建成高质量数据集60个。",
            "60个",
            "420600",
        ),
        // A prefecture of the gazetteer, not its province.
        (
            "截至2024年底，三亚市已建成高质量数据集12个。",
            "12个",
            "460200",
        ),
    ];
    for (text, value, code) in cases {
        let c = one(&read(text, Some("2025-03-01")), value);
        assert_eq!(jur(&c), code, "{text}: {c:#?}");
    }
    // A byline names where the news was written.
    let c = one(
        &read(
            "新华社北京3月5日电 国家数据局提出，到2027年建成高质量数据集1万个。",
            None,
        ),
        "1万个",
    );
    assert_eq!(jur(&c), "100000");
    // Places given as a sample of a national count.
    let c = one(
        &read(
            "北京、上海、江苏等22个省份的30余家数据交易机构已开业。",
            Some("2025-03-01"),
        ),
        "30家",
    );
    assert!(!["110000", "310000", "320000"].contains(&jur(&c)), "{c:#?}");
}

#[test]
fn the_noise_of_copied_pages_is_skipped() {
    // Traditional characters, a space in a word and before a unit, a
    // citation mark.
    let text = "截至2024年底，宜昌市已建成數據標註基地3個，標註從 业人员达 1.2 萬人[2]。";
    let found = read(text, None);
    let c = one(&found, "1.2万人");
    assert_eq!(c.metric.as_ref().unwrap().as_str(), "annotation_workers");
    assert_eq!(jur(&c), "420500");
    assert!(c.quote.ends_with("1.2 萬人"), "{:?}", c.quote);
    let at: String = text.chars().skip(c.span.start).take(c.span.len()).collect();
    assert_eq!(at, c.quote);
    // Pinyin glosses after characters.
    let c = one(
        &read(
            "到2027年，宜昌市培育數(shù)據(jù)標(biāo)註(zhù)企業(yè)120家。",
            None,
        ),
        "120家",
    );
    assert_eq!(
        c.metric.as_ref().unwrap().as_str(),
        "annotation_enterprises"
    );
    // An image name is no figure; full-width digits and the small point.
    let found = read(
        "20250826123456.jpg\n截至2024年底，宜昌市数据产业规模达５﹒８６亿元。",
        None,
    );
    assert_eq!(found.len(), 1, "{found:#?}");
    assert_eq!(found[0].value.to_string(), "5.86亿元");
    // Groups of digits written with spaces; a text with no punctuation.
    let c = one(&read("到2027年，宜昌市建成5G基站1 200个。", None), "1200个");
    assert_eq!(c.kind, Kind::Target);
    let found = read(
        "到2027年宜昌市建成高质量数据集500个培育数据企业1000家",
        None,
    );
    assert_eq!(found.len(), 2, "{found:#?}");
}

#[test]
fn approximate_and_open_figures_are_labelled() {
    let cases = [
        (
            "截至2024年底，宜昌市数据企业超3000家。",
            "3000家",
            Comparator::MoreThan,
        ),
        (
            "截至2024年底，宜昌市数据企业逾3000家。",
            "3000家",
            Comparator::MoreThan,
        ),
        (
            "截至2024年底，宜昌市数据企业3000余家。",
            "3000家",
            Comparator::MoreThan,
        ),
        (
            "截至2024年底，宜昌市数据企业千余家。",
            "1000家",
            Comparator::MoreThan,
        ),
        (
            "截至2024年底，宜昌市数据企业上万家。",
            "1万家",
            Comparator::MoreThan,
        ),
        (
            "截至2024年底，宜昌市数据企业近3000家。",
            "3000家",
            Comparator::LessThan,
        ),
        (
            "截至2024年底，宜昌市数据企业约3000家。",
            "3000家",
            Comparator::Exactly,
        ),
        (
            "截至2024年底，宜昌市数据企业3000家左右。",
            "3000家",
            Comparator::Exactly,
        ),
    ];
    for (text, value, comparator) in cases {
        let c = one(&read(text, None), value);
        assert_eq!(c.comparator, comparator, "{text}");
        let bound = text.contains('超') || text.contains('逾');
        assert!(has_reason(&c, "approximate") || bound, "{text}: {c:#?}");
    }
    // 百亿元 as written.
    let c = one(
        &read("截至2024年底，宜昌市数据产业规模突破百亿元。", None),
        "100亿元",
    );
    assert_eq!(c.value.canonical_value(), Decimal::from(10_000_000_000u64));
    // Composition and growth rates are labelled and fall below the
    // threshold; a forecast is labelled and recorded as a figure reported
    // for the year it is made for.
    let found = read(
        "截至2024年底，宜昌市数据交易所上架数据产品涵盖9个行业，数据交易额同比增长60%。\
         预计今年全年宜昌市数据交易额将突破50亿元。",
        Some("2025-03-01"),
    );
    let scope = one(&found, "9个");
    assert!(has_reason(&scope, "sectors or fields"));
    let growth = one(&found, "60%");
    assert!(has_reason(&growth, "growth rate"));
    for c in [scope, growth] {
        assert!(!confident(&c), "{c:#?}");
    }
    let forecast = one(&found, "50亿元");
    assert!(has_reason(&forecast, "forecast"));
    assert_eq!(
        (forecast.kind, date(&forecast)),
        (Kind::Observation, "2025".to_owned())
    );
    let forecast = one(
        &read(
            "研究机构预计，到2027年宜昌市数据交易额将增至80亿元左右。",
            None,
        ),
        "80亿元",
    );
    assert_eq!(
        (forecast.kind, date(&forecast)),
        (Kind::Observation, "2027".to_owned())
    );
    assert!(has_reason(&forecast, "forecast"));
    // A count per second explains a unit; it is no figure.
    let found = read(
        "到2027年，宜昌市算力规模超过5EFLOPS(每秒百亿亿次浮点运算)。",
        None,
    );
    assert_eq!(found.len(), 1, "{found:#?}");
}

#[test]
fn a_count_of_what_something_covers_is_its_make_up() {
    let found = read(
        "截至2024年底，宜昌市数据交易平台已上架数据产品600余个，覆盖120个交易场景，\
         涵盖政务、交通、医疗等40类应用场景。",
        Some("2025-03-01"),
    );
    for value in ["120个", "40类"] {
        let c = one(&found, value);
        assert!(has_reason(&c, "sectors or fields"), "{c:#?}");
        assert!(!confident(&c), "{c:#?}");
    }
    assert!(confident(&one(&found, "600个")));
    // A figure after the covered count is the count of the measure itself.
    let found = read(
        "截至2024年底，宜昌市数据交易平台为模型训练提供覆盖15个行业的300个数据集。",
        Some("2025-03-01"),
    );
    let c = one(&found, "300个");
    assert!(!has_reason(&c, "sectors or fields"), "{c:#?}");
}

#[test]
fn a_yearly_growth_a_plan_sets_is_a_target() {
    let found = read(
        "到2027年，宜昌市数字经济核心产业增加值年均增长12%，软件业务收入突破300亿元。",
        Some("2025-03-01"),
    );
    let c = one(&found, "12%");
    assert_eq!((c.kind, date(&c)), (Kind::Target, "2027".to_owned()));
    assert!(!has_reason(&c, "growth rate"), "{c:#?}");
    // A yearly growth reported for past years stays a growth rate.
    let found = read(
        "2024年，宜昌市数字经济核心产业增加值比2020年年均增长18%。",
        Some("2025-03-01"),
    );
    let c = one(&found, "18%");
    assert!(has_reason(&c, "growth rate"), "{c:#?}");
    assert!(!confident(&c), "{c:#?}");
    // And so does one that no word of plans or reports settles.
    let c = one(
        &read("宜昌市数字经济核心产业增加值年均增长18%。", None),
        "18%",
    );
    assert!(has_reason(&c, "growth rate"), "{c:#?}");
}
