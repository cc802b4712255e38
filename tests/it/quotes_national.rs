//! The sourced figures of the nation, Jiangsu, Suzhou, Shanghai, Shenzhen
//! and Tianjin: each record's quote is checked against a copy kept here, so
//! an edit of the data that changes a quote fails until the copy is checked
//! against the page again, and each record's source must say where it was
//! read (a url) and how directly (a grade).

use policy_targets::Catalog;

/// (record id, the quote as the page shows it).
const KEPT: &[(&str, &str)] = &[
    (
        "suzhou_data_industry_scale_2027",
        "实现数据相关产业规模达2000亿元",
    ),
    ("suzhou_data_industry_growth_rate_2027", "产业年均增速超20%"),
    (
        "suzhou_data_industry_business_entities_2027",
        "引育数据产业经营主体达1000家",
    ),
    (
        "suzhou_intelligent_computing_power_2027",
        "统筹建成智算算力规模达20000PFLOPS",
    ),
    (
        "suzhou_data_industry_service_platforms_2027",
        "建成不少于10个数据产业公共服务平台",
    ),
    (
        "national_computing_power_2023_06",
        "我国算力总规模达到每秒 1.97 万亿亿次浮点运算(197 EFLOPS)",
    ),
    (
        "national_intelligent_computing_share_2023_06",
        "智能(AI)算力规模占比达 25%",
    ),
    (
        "national_intelligent_computing_power_2025_06",
        "我國智能算力規模達788EFLOPS",
    ),
    ("national_storage_capacity_2025_06", "存力總規模超過1680EB"),
    (
        "shanghai_on_exchange_data_trading_volume_2024",
        "上海数据交易所2024年交易额超50亿元",
    ),
    (
        "shenzhen_data_exchange_cumulative_trading_2025_06",
        "深圳数据交易所累计交易规模突破150亿元",
    ),
    ("national_computing_power_2023", "算力总规模达到230EFLOPS"),
    (
        "jiangsu_data_industry_growth_rate_2027",
        "產業年均增速超過20%",
    ),
    ("jiangsu_data_enterprises_2027", "引育1000家數據企業"),
    (
        "jiangsu_opinions_high_quality_datasets_2027",
        "形成1000個高質量數據集",
    ),
    (
        "jiangsu_opinions_typical_data_products_2027",
        "打造2000個典型數據產品",
    ),
    (
        "jiangsu_opinions_public_service_platforms_2027",
        "建立50個數據產業公共服務示范平臺",
    ),
    (
        "jiangsu_digital_economy_core_value_added_2027",
        "数字经济核心产业增加值达1.8万亿元",
    ),
    (
        "jiangsu_national_benchmark_trusted_data_spaces_2028",
        "重点打造10个以上全国标杆",
    ),
    (
        "jiangsu_provincial_model_trusted_data_spaces_2028",
        "20个以上省内样板",
    ),
    (
        "jiangsu_regional_trusted_data_spaces_2028",
        "30个以上区域特色数据空间",
    ),
    ("national_computing_power_2025", "算力规模超过300EFLOPS"),
    (
        "national_intelligent_computing_share_2025",
        "智能算力占比达到35%",
    ),
    ("national_storage_capacity_2025", "存储总量超过1800EB"),
    (
        "national_advanced_storage_share_2025",
        "先进存储容量占比达到30%以上",
    ),
    (
        "national_data_trading_volume_2024",
        "全國數據市場交易規模超1600億元",
    ),
    (
        "national_on_exchange_data_trading_volume_2024",
        "場內市場數據交易(含備案交易)規模300億元",
    ),
    (
        "national_data_application_scenarios_2026",
        "打造300个以上示范性强、显示度高、带动性广的典型应用场景",
    ),
    (
        "national_data_industry_growth_rate_2026",
        "数据产业年均增速超过20%",
    ),
    (
        "national_trusted_data_space_pilot_projects_2025",
        "63個項目涵蓋城市、行業(yè)、企業(yè)等多個領(lǐng)域",
    ),
    (
        "national_trusted_data_spaces_2028",
        "建成100个以上可信数据空间",
    ),
    (
        "national_data_industry_growth_rate_2029",
        "到2029年,數(shù)據(jù)產(chǎn)業(yè)規(guī)模年均復(fù)合增長(zhǎng)率超過15%",
    ),
    (
        "national_data_space_solutions_2028",
        "到2028年形成不少于100個數(shù)據(jù)空間解決方案和最 佳實踐",
    ),
    (
        "national_data_industry_growth_rate_2029_draft",
        "到2029年,我國數據產業規模年均復合增長率超過15%",
    ),
    (
        "national_data_industry_scale_2023",
        "2023年,全國數據產業規模超過2萬億元",
    ),
    (
        "national_high_quality_datasets_2025_06_briefing",
        "已经建设高质量数据集超过3.5万个",
    ),
    (
        "national_high_quality_dataset_volume_2025_06_briefing",
        "总体量超过了400PB",
    ),
    (
        "national_open_datasets_2024_08",
        "offering over 340,000 datasets",
    ),
    (
        "national_public_data_open_platforms_2024_08",
        "226 localities nationwide have established public data platforms",
    ),
    (
        "national_data_enterprises_2024",
        "2024年全国数据企业数量超过40万家",
    ),
    ("national_data_industry_scale_2024", "产业规模达5.86万亿元"),
    (
        "national_newly_listed_data_products_2025_h1",
        "今年上半年主要数据交易机构新上架数据产品3328个",
    ),
    (
        "shanghai_data_industry_scale_2025",
        "数据产业规模达5000亿元",
    ),
    (
        "shanghai_data_industry_growth_rate_2025",
        "年均复合增长率达15%",
    ),
    (
        "shanghai_data_merchant_enterprises_2025",
        "引育1000家数商企业",
    ),
    (
        "shanghai_high_quality_datasets_2025",
        "形成1000个高质量数据集",
    ),
    (
        "shanghai_brand_data_products_2025",
        "打造1000个品牌数据产品",
    ),
    (
        "shanghai_big_data_industry_demonstration_benchmarks_2025",
        "选树20个国家级大数据产业示范标杆",
    ),
    (
        "shanghai_brand_data_enterprises_2025",
        "打造500家品牌数据企业",
    ),
    (
        "national_computing_power_2024_06",
        "截至2024年6月,我国算力总规模达246EFLOPS",
    ),
    (
        "tianjin_high_level_data_merchants_2027",
        "引育 1000 家高水平数据商和数据要素型企业",
    ),
    (
        "tianjin_data_enabled_innovative_applications_2027",
        "打造 500个数据赋能创新应用",
    ),
    (
        "tianjin_data_opening_pilot_projects_2027",
        "到2027年打造30个试点示范项目",
    ),
    (
        "tianjin_high_quality_datasets_2027",
        "到2027年累计建设高质量行业数据集2500个",
    ),
    (
        "tianjin_registered_data_products_2027",
        "到2027年挂牌数据产品达4000个",
    ),
    (
        "tianjin_on_exchange_data_trading_volume_2027",
        "交易额达10亿元",
    ),
];

/// Sources whose every record is in [`KEPT`].
const SOURCES: &[&str] = &[
    "caict_computing_index_2023",
    "cec_computing_conference_2025_08_25",
    "data_exchange_consolidation_analysis_2025_12",
    "digital_china_report_2023",
    "jiangsu_data_industry_opinions_2027",
    "jiangsu_digital_economy_plan_2025_2027",
    "jiangsu_trusted_data_space_plan_2028",
    "miit_computing_infrastructure_plan_2023",
    "national_data_market_report_2025_07_01",
    "nda_data_element_x_plan_2024_2026",
    "nda_trusted_data_space_pilots_2025",
    "nda_trusted_data_space_plan_2024_2028",
    "ndrc_data_industry_guidance_2024",
    "ndrc_data_industry_guidance_draft_2024",
    "scio_digital_china_briefing_2025_08_14",
    "scio_nda_briefing_2024_08_13",
    "securities_daily_data_industry_2025_08_15",
    "shanghai_data_element_industry_plan_2023_2025",
    "tgb_computing_power_2024_06",
    "tianjin_data_element_plan_2027",
];

/// The quote and source of a target or observation, by id.
fn record<'a>(catalog: &'a Catalog, id: &str) -> Option<(&'a str, &'a str)> {
    let target = catalog.targets().iter().find(|t| t.id.as_str() == id);
    let target = target.map(|t| (t.quote.as_str(), t.source.as_str()));
    let observation = catalog.observations().iter().find(|o| o.id.as_str() == id);
    target.or(observation.map(|o| (o.quote.as_str(), o.source.as_str())))
}

#[test]
fn every_quote_matches_its_kept_copy_and_its_source_has_a_url_and_grade() {
    let catalog = Catalog::bundled().expect("the bundled data is valid");
    for &(id, kept) in KEPT {
        let (quote, source) = record(&catalog, id).unwrap_or_else(|| panic!("{id} is missing"));
        assert_eq!(quote, kept, "{id}: quote changed");
        let source = catalog.source(source).expect("a known source");
        assert!(
            source.url.is_some(),
            "{id}: source {} has no url",
            source.id
        );
        assert!(
            source.grade.is_some(),
            "{id}: source {} has no grade",
            source.id
        );
    }
}

#[test]
fn every_record_of_these_sources_has_a_kept_copy() {
    let catalog = Catalog::bundled().expect("the bundled data is valid");
    let kept = |id: &str| KEPT.iter().any(|&(k, _)| k == id);
    let targets = catalog
        .targets()
        .iter()
        .map(|t| (t.id.as_str(), t.source.as_str()));
    let observations = catalog
        .observations()
        .iter()
        .map(|o| (o.id.as_str(), o.source.as_str()));
    for (id, source) in targets.chain(observations) {
        if SOURCES.contains(&source) {
            assert!(kept(id), "{id} of {source} has no kept quote");
        }
    }
    assert_eq!(KEPT.len(), 56);
}

#[test]
fn the_final_guidance_supersedes_its_draft() {
    let catalog = Catalog::bundled().expect("the bundled data is valid");
    let final_ = catalog.source("ndrc_data_industry_guidance_2024").unwrap();
    let draft = catalog
        .source("ndrc_data_industry_guidance_draft_2024")
        .unwrap();
    assert_eq!(
        final_.supersedes.as_ref().map(|s| s.as_str()),
        Some(draft.id.as_str())
    );
    let as_of = chrono::NaiveDate::from_ymd_opt(2025, 6, 30).unwrap();
    assert!(!catalog.in_force(draft, as_of));
    let chosen = catalog.select_targets("data_industry_growth_rate", as_of);
    let national: Vec<_> = chosen
        .iter()
        .filter(|t| t.jurisdiction.as_str() == "100000")
        .collect();
    assert_eq!(national.len(), 1);
    assert_eq!(
        national[0].id.as_str(),
        "national_data_industry_growth_rate_2026"
    );
}

#[test]
fn suzhou_keeps_its_newsletter_targets_and_gains_the_page() {
    let catalog = Catalog::bundled().expect("the bundled data is valid");
    let source = catalog
        .source("suzhou_data_industry_opinions_2025")
        .unwrap();
    assert_eq!(
        source.url.as_deref(),
        Some("http://ptfh.chinawuliu.com.cn/hyzx/202503/19/647090.shtml")
    );
    let from_suzhou = catalog
        .targets()
        .iter()
        .filter(|t| t.source.as_str() == source.id.as_str());
    assert_eq!(from_suzhou.count(), 8);
}
