//! The extractor on the phenomena a labelled set of real passages showed,
//! with sentences written for the purpose: what makes a figure a target,
//! forecasts, dates, whose figure it is, and figures that are no level of
//! a place.

use chrono::NaiveDate;

use super::tests::one;
use super::tests_news::{confident, date, has_reason, jur};
use super::*;

/// The candidates of `text` published on `published` (`YYYY-MM-DD`), about
/// the place `about`.
fn read(text: &str, published: Option<&str>, about: Option<&str>) -> Vec<Candidate> {
    let catalog = Catalog::bundled().unwrap_or_else(|e| panic!("{e}"));
    let options = Options {
        published: published.map(|d| d.parse::<NaiveDate>().unwrap()),
        jurisdiction: about.map(|j| j.parse().unwrap()),
        ..Options::default()
    };
    extract_with(text, &catalog, &options)
}

#[test]
fn a_target_needs_something_that_looks_ahead() {
    // Nothing looks ahead: the figures report what was done.
    let found = read(
        "近年来，宜昌市数据交易中心累计数据交易规模达600TB，引入320 个高质量数据集。",
        None,
        None,
    );
    for value in ["600 TB", "320个"] {
        let c = one(&found, value);
        assert_eq!(c.kind, Kind::Observation, "{c:#?}");
        assert_eq!(c.comparator, Comparator::Exactly, "{c:#?}");
        assert!(confident(&c), "{c:#?}");
    }
    // A plan named in an earlier sentence does not make the next a goal.
    let c = one(
        &read(
            "宜昌市深入实施数据要素行动。全市数据企业突破300家。",
            Some("2025-06-01"),
            None,
        ),
        "300家",
    );
    assert_eq!(
        (c.kind, date(&c)),
        (Kind::Observation, "2025-06-01".to_owned())
    );
    assert!(has_reason(&c, "read as a reported figure"));
    // A plan issued in the figure's own sentence does.
    let c = one(
        &read(
            "宜昌市印发数据产业实施意见，推动开放数据目录达800个。",
            Some("2025-06-01"),
            None,
        ),
        "800个",
    );
    assert_eq!(c.kind, Kind::Target);
    // So does a bound that goals are written with.
    let c = one(&read("宜昌市新开通5G基站2万个以上。", None, None), "2万个");
    assert_eq!(c.kind, Kind::Target);
    // A word of reports that leads a list settles its items, even after a
    // building verb.
    let found = read(
        "目前宜昌市已形成高质量数据集120个；引进和培育标注企业60家。",
        Some("2025-06-01"),
        None,
    );
    assert_eq!(one(&found, "60家").kind, Kind::Observation);
}

#[test]
fn a_government_work_report_sets_targets_for_its_year() {
    let found = read(
        "1月18日，宜昌市政府工作报告提出，加快数据要素市场建设。\
         打造数据产品100个以上。带动算力产业规模达到120亿元。",
        Some("2025-01-20"),
        None,
    );
    for value in ["100个", "120亿元"] {
        let c = one(&found, value);
        assert_eq!(
            (c.kind, date(&c)),
            (Kind::Target, "2025".to_owned()),
            "{c:#?}"
        );
        assert_eq!(jur(&c), "420500");
    }
    // A report quoted after the figures does not make them tasks.
    let found = read(
        "目前宜昌市算力规模达到5EFLOPS。\n\n宜昌市政府工作报告提出，加快数字宜昌建设。",
        Some("2025-03-08"),
        None,
    );
    assert_eq!(one(&found, "5 EFLOPS").kind, Kind::Observation);
}

#[test]
fn a_plan_the_text_reports_issued_dates_the_targets_after_it() {
    let found = read(
        "近日，宜昌市印发《数字经济行动方案（2025—2027年）》。\n\
         支持产业集群发展，数据产业营业收入力争超过300亿元。",
        Some("2025-06-01"),
        None,
    );
    let c = one(&found, "300亿元");
    assert_eq!((c.kind, date(&c)), (Kind::Target, "2027".to_owned()));
    assert_eq!(c.period.unwrap().to_string(), "2025/2027");
    // A period named in passing, in no plan issued, dates nothing.
    let found = read(
        "宜昌市回顾了《数字经济行动方案（2021—2023年）》。\n\
         支持产业集群发展，数据产业营业收入力争超过300亿元。",
        Some("2025-06-01"),
        None,
    );
    assert_eq!(one(&found, "300亿元").deadline, None);
}

#[test]
fn forecasts_are_figures_of_the_year_forecast() {
    let found = read(
        "预计至2025年底，宜昌市数字经济核心产业增加值将达到300亿元，占GDP的比重约为8.5%；\
         全市数字经济总规模将超过1500亿元。",
        Some("2025-12-01"),
        None,
    );
    for value in ["300亿元", "8.5%", "1500亿元"] {
        let c = one(&found, value);
        assert_eq!(
            (c.kind, date(&c)),
            (Kind::Observation, "2025".to_owned()),
            "{c:#?}"
        );
        assert!(has_reason(&c, "forecast"), "{c:#?}");
        assert!(confident(&c), "{c:#?}");
    }
    assert_eq!(one(&found, "1500亿元").comparator, Comparator::MoreThan);
    assert_eq!(one(&found, "8.5%").comparator, Comparator::Exactly);
}

#[test]
fn dates_of_reported_figures() {
    // A line that opens with a date and goes on is prose, not a date line.
    let found = read(
        "2025年12月5日，宜昌市数据产业大会开幕，会上公布：全市数据企业达到520家。",
        Some("2025-12-05"),
        None,
    );
    let c = one(&found, "520家");
    assert_eq!((c.kind, jur(&c)), (Kind::Observation, "420500"));
    // A run of months of this year is reported up to its last month.
    let c = one(
        &read(
            "今年1-10月，宜昌市新建成智能工厂35家。",
            Some("2025-11-20"),
            None,
        ),
        "35家",
    );
    assert_eq!(
        (c.kind, date(&c)),
        (Kind::Observation, "2025-10".to_owned())
    );
}

#[test]
fn whose_figure_it_is_in_real_pages() {
    // A newspaper's name names no place.
    let found = read(
        "「深圳特区报」讯\n算力规模达12万P，集群内数据中心绿电占比达到80%。",
        None,
        Some("150000"),
    );
    for value in ["12万PFLOPS", "80%"] {
        assert_eq!(jur(&one(&found, value)), "150000");
    }
    // New areas and parks are their city's or province's.
    let c = one(
        &read(
            "2024年和林格尔新区营业收入突破400亿元。",
            Some("2025-02-01"),
            None,
        ),
        "400亿元",
    );
    assert_eq!((jur(&c), c.kind), ("150100", Kind::Observation));
    let c = one(
        &read(
            "北京专家介绍，贵安超算中心算力峰值达到30PFlops以上。",
            None,
            None,
        ),
        "30 PFLOPS",
    );
    assert_eq!(jur(&c), "520000");
    // 中国 after a year opens a national figure.
    let c = one(
        &read("2023年中国数据交易市场规模已达到约1500亿元。", None, None),
        "1500亿元",
    );
    assert_eq!((jur(&c), date(&c)), ("100000", "2023".to_owned()));
    assert!(c.metric_phrase.contains("数据交易市场规模"), "{c:#?}");
    assert!(confident(&c), "{c:#?}");
    // A title of rank in the nation is no national figure.
    let c = one(
        &read(
            "全力打造全国算力高地。带动算力产业规模达到120亿元。",
            Some("2025-03-01"),
            Some("520000"),
        ),
        "120亿元",
    );
    assert_eq!(jur(&c), "520000");
    // 全省 after one of its cities is the city's province.
    let c = one(
        &read(
            "宜昌、襄阳入选数据应用示范场景。全省数据骨干企业突破800家。",
            Some("2025-06-01"),
            None,
        ),
        "800家",
    );
    assert_eq!(jur(&c), "420000");
    // A national body heading the bodies that issue a plan names the nation.
    let c = one(
        &read(
            "国家数据局等17部门联合发布行动计划（2024—2026年），明确数据产业年均增速超20%。",
            None,
            None,
        ),
        "20%",
    );
    assert_eq!((jur(&c), c.kind), ("100000", Kind::Target));
    // Traditional characters of words that decide (爭) and of titles (桿).
    let c = one(
        &read(
            "江蘇省力爭到2028年打造10個以上全國標桿數據空間。",
            None,
            None,
        ),
        "10个",
    );
    assert_eq!(
        (c.kind, jur(&c), date(&c)),
        (Kind::Target, "320000", "2028".to_owned())
    );
}

#[test]
fn figures_that_are_no_level_of_a_place_fall_below_the_threshold() {
    let cases = [
        (
            "到2025年，宜昌市建成大数据、集成电路、光子等3个千亿级产业集群。",
            "3个",
            "list names",
        ),
        (
            "我国七个数据标注基地分别位于成都、沈阳等地。",
            "7个",
            "list names",
        ),
        (
            "宜昌市组织开展23个数据开发利用试点。",
            "23个",
            "pilots or projects",
        ),
        (
            "宜昌市推进云计算中心等15个亿元以上项目建设。",
            "15个",
            "pilots or projects",
        ),
        (
            "某通信公司拟投资20亿元在宜昌市建设云数据中心。",
            "20亿元",
            "single company",
        ),
        (
            "宜昌市某银行数据中心三期项目总投资88亿元。",
            "88亿元",
            "single company",
        ),
        (
            "宜昌市数据交易所的央国企、民营企业占比超80%。",
            "80%",
            "make-up",
        ),
    ];
    for (text, value, reason) in cases {
        let c = one(&read(text, Some("2025-06-01"), None), value);
        assert!(!confident(&c), "{text}: {c:#?}");
        assert!(has_reason(&c, reason), "{text}: {c:#?}");
    }
    // Projects attracted are counted: a level of the place.
    let c = one(
        &read(
            "目前，宜昌市已引入中国移动、华为等32个数据中心项目。",
            Some("2025-06-01"),
            None,
        ),
        "32个",
    );
    assert!(confident(&c), "{c:#?}");
}

#[test]
fn words_of_measures_the_catalogue_lacks() {
    // The name of what is counted ends the words before a count.
    let c = one(
        &read(
            "目前，宜昌市在建及投运重点数据中心48个。",
            Some("2025-06-01"),
            None,
        ),
        "48个",
    );
    assert!(confident(&c), "{c:#?}");
    // Linking words and years are no part of a measure's name.
    let c = one(
        &read(
            "宜昌市的算力产业规模在2024年已突破100亿元。",
            Some("2025-06-01"),
            None,
        ),
        "100亿元",
    );
    assert_eq!(c.metric_phrase, "算力产业规模");
    assert!(confident(&c), "{c:#?}");
    // A growth of a measure is a target where a goal is set.
    let c = one(
        &read(
            "力争经过5年努力，全省数字经济增加值增长55%以上。",
            None,
            Some("420000"),
        ),
        "55%",
    );
    assert_eq!(c.kind, Kind::Target);
    assert!(confident(&c), "{c:#?}");
    let c = one(
        &read(
            "2024年，宜昌市数字经济增加值增长12%。",
            Some("2025-03-01"),
            None,
        ),
        "12%",
    );
    assert!(!confident(&c), "{c:#?}");
}

#[test]
fn an_edition_year_in_round_brackets_is_not_the_year_of_writing() {
    // 分类(2021) names an edition: the text of 2025 reports 2023.
    let c = one(
        &read(
            "统计部门按照《数字产业统计分类(2021)》核算，2023年长沙市数字经济核心产业增加值为1200亿元。",
            Some("2025-01-02"),
            None,
        ),
        "1200亿元",
    );
    assert_eq!(
        (c.kind, c.comparator, date(&c)),
        (Kind::Observation, Comparator::Exactly, "2023".to_owned())
    );
    // A document number in round brackets still dates the text: 2023 is
    // ahead of a text of 2021.
    let c = one(
        &read(
            "根据湘政发(2021)15号，2023年长沙市数据企业达到500家。",
            Some("2025-01-02"),
            None,
        ),
        "500家",
    );
    assert_eq!((c.kind, date(&c)), (Kind::Target, "2023".to_owned()));
}

#[test]
fn built_so_far_is_a_reported_figure() {
    let c = one(
        &read("湖南省累计建成5G基站超15万个。", Some("2024-03-01"), None),
        "15万个",
    );
    assert_eq!(
        (c.kind, c.comparator, date(&c)),
        (
            Kind::Observation,
            Comparator::MoreThan,
            "2024-03-01".to_owned()
        )
    );
    assert!(confident(&c), "{c:#?}");
    // With a deadline it is still a goal.
    let c = one(
        &read(
            "到2026年，湖南省累计建成5G基站20万个。",
            Some("2024-03-01"),
            None,
        ),
        "20万个",
    );
    assert_eq!((c.kind, date(&c)), (Kind::Target, "2026".to_owned()));
}

#[test]
fn a_change_names_its_measure_before_the_starting_figure() {
    // What is counted stands before 从; the words between the figures are
    // the change's verb.
    let found = read(
        "长沙市开放的公共数据集从2021年的300个增长到900个。",
        Some("2025-05-01"),
        None,
    );
    let start = one(&found, "300个");
    let reached = one(&found, "900个");
    assert_eq!(
        (start.kind, date(&start)),
        (Kind::Observation, "2021".to_owned())
    );
    assert_eq!(
        (reached.kind, date(&reached)),
        (Kind::Observation, "2025-05-01".to_owned())
    );
    for c in [&start, &reached] {
        assert_eq!(c.metric_phrase, "开放的公共数据集", "{c:#?}");
        assert!(confident(c), "{c:#?}");
    }
}

#[test]
fn a_goal_word_before_a_change_governs_the_figure_reached() {
    for text in [
        "湖南省工业互联网普及率将从20%提高到45%。",
        "湖南省工业互联网普及率力争由20%提高到45%。",
    ] {
        let found = read(text, Some("2024-03-01"), None);
        let start = one(&found, "20%");
        let reached = one(&found, "45%");
        assert_eq!(start.kind, Kind::Observation, "{text}");
        assert_eq!(reached.kind, Kind::Target, "{text}");
        assert!(confident(&reached), "{reached:#?}");
    }
    // A past year before the change: both figures are reports.
    let found = read(
        "2022年，湖南省工业互联网普及率从15%提高到20%。",
        Some("2024-03-01"),
        None,
    );
    let reached = one(&found, "20%");
    assert_eq!(
        (reached.kind, date(&reached)),
        (Kind::Observation, "2022".to_owned())
    );
}

#[test]
fn a_period_over_is_looked_back_on() {
    let c = one(
        &read(
            "2019年至2023年，长沙市数据企业由120家增加到480家。",
            Some("2024-05-01"),
            None,
        ),
        "480家",
    );
    assert_eq!((c.kind, date(&c)), (Kind::Observation, "2023".to_owned()));
    // The same words in a plan written before the period ends.
    let c = one(
        &read(
            "2023年至2025年，长沙市数据企业由120家增加到480家。",
            Some("2023-02-01"),
            None,
        ),
        "480家",
    );
    assert_eq!((c.kind, date(&c)), (Kind::Target, "2025".to_owned()));
}

#[test]
fn an_average_annual_growth_is_a_target_only_where_a_goal_is_set() {
    let c = one(
        &read(
            "到2026年，长沙市数据产业规模年均增长18%以上。",
            Some("2024-05-01"),
            None,
        ),
        "18%",
    );
    assert_eq!(
        (c.kind, c.comparator, date(&c)),
        (Kind::Target, Comparator::AtLeast, "2026".to_owned())
    );
    assert!(confident(&c), "{c:#?}");
    // Over a period that is over, it is a growth rate: not proposed.
    let c = one(
        &read(
            "2019年至2023年，长沙市数据产业规模年均增长35%。",
            Some("2024-05-01"),
            None,
        ),
        "35%",
    );
    assert!(!confident(&c), "{c:#?}");
}

#[test]
fn thresholds_and_amounts_of_support_are_no_levels() {
    let found = read(
        "长沙市对数据标注企业年收入首次达到5000万元的，可获得200万元一次性奖励；从业人员首次超过500人的，亦享有同等奖励。",
        Some("2025-06-01"),
        None,
    );
    for value in ["5000万元", "200万元", "500人"] {
        let c = one(&found, value);
        assert!(!confident(&c), "{c:#?}");
        assert!(has_reason(&c, "support measure"), "{c:#?}");
    }
    // A subsidy named in a later clause leaves the levels before it alone.
    let found = read(
        "长沙市数据标注产业规模首次突破50亿元，从业人员超过3万人，市财政累计发放补贴2亿元。",
        Some("2025-06-01"),
        None,
    );
    for value in ["50亿元", "3万人"] {
        let c = one(&found, value);
        assert!(confident(&c), "{c:#?}");
        assert!(!has_reason(&c, "support measure"), "{c:#?}");
    }
}

#[test]
fn already_in_its_own_clause_ends_a_forecast_and_a_change_keeps_its_date() {
    let found = read(
        "长沙市数据中心从2021年的12个增长到30个，算力规模预计到2026年底将达到20EFLOPS，其中智算占比已超过80%。",
        Some("2025-11-20"),
        None,
    );
    let c = one(&found, "20 EFLOPS");
    assert_eq!((c.kind, date(&c)), (Kind::Observation, "2026".to_owned()));
    assert!(has_reason(&c, "forecast"), "{c:#?}");
    // Already reached: reported at the date of writing, neither forecast
    // nor dated by the starting figure of the change before it.
    let c = one(&found, "80%");
    assert_eq!(
        (c.kind, date(&c)),
        (Kind::Observation, "2025-11-20".to_owned())
    );
    assert!(!has_reason(&c, "forecast"), "{c:#?}");
    // The starting figure keeps its own date, also across a comma.
    let c = one(&found, "12个");
    assert_eq!(date(&c), "2021");
    let c = one(
        &read(
            "湖南省5G基站数量将从2020年的3.6万个，增加到2025年的25万个。",
            Some("2021-09-12"),
            None,
        ),
        "3.6万个",
    );
    assert_eq!((c.kind, date(&c)), (Kind::Observation, "2020".to_owned()));
}

#[test]
fn goals_set_out_aspect_by_aspect_keep_the_deadline_before_them() {
    let found = read(
        "总体要求提出，到2027年，全市算力协同发展格局初步构建。\n计算力方面，长沙市算力总规模达到30EFLOPS，其中智能算力占比不低于70%。",
        Some("2024-11-21"),
        None,
    );
    for value in ["30 EFLOPS", "70%"] {
        let c = one(&found, value);
        assert_eq!(
            (c.kind, date(&c)),
            (Kind::Target, "2027".to_owned()),
            "{c:#?}"
        );
    }
    // A paragraph with no deadline leaves the next one's figures alone.
    let c = one(
        &read(
            "全市算力协同发展格局初步构建。\n计算力方面，长沙市算力总规模达到30EFLOPS。",
            Some("2024-11-21"),
            None,
        ),
        "30 EFLOPS",
    );
    assert_ne!(date(&c), "2027");
}

#[test]
fn a_report_title_names_no_period_and_no_forecast() {
    let found = read(
        "研究机构发布的《2025-2030年长沙市算力产业发展预测报告》显示，2024年长沙市算力总规模达28EFLOPS。分析师预测，2025年长沙市算力总规模将超过35EFLOPS。",
        Some("2025-09-17"),
        None,
    );
    let c = one(&found, "28 EFLOPS");
    assert_eq!((c.kind, date(&c)), (Kind::Observation, "2024".to_owned()));
    assert!(!has_reason(&c, "forecast"), "{c:#?}");
    let c = one(&found, "35 EFLOPS");
    assert_eq!((c.kind, date(&c)), (Kind::Observation, "2025".to_owned()));
    assert!(has_reason(&c, "forecast"), "{c:#?}");
    // A plan's title keeps its period: the deadline of its targets.
    let c = one(
        &read(
            "市政府印发《长沙市数字经济发展规划(2024—2027年)》。全市数据企业达到800家。",
            Some("2024-01-10"),
            None,
        ),
        "800家",
    );
    assert_eq!((c.kind, date(&c)), (Kind::Target, "2027".to_owned()));
}
