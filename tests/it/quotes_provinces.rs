//! The quotes of the sourced figures for Henan, Hunan, Fujian, Guangdong,
//! Sichuan, Wuhan, Hangzhou, Zhejiang, Anhui and Guizhou: each record's quote
//! must stay the words its page shows, and its source must say where that
//! page is and how directly it carries the issuer's words.

use policy_targets::Catalog;

/// (record id, the quote as the page shows it), kept apart from the data so
/// that an edit to a quote in `targets/` shows up here.
pub const KEPT: &[(&str, &str)] = &[
    (
        "anhui_above_scale_digital_core_revenue_2026",
        "规模以上数字经济核心产业企业营业收入达到15200亿元",
    ),
    (
        "wuhan_digital_economy_core_share_2020",
        "佔地區生産總值比重從2020年的8.7%攀升至2024年的14.6%",
    ),
    (
        "wuhan_digital_economy_core_share_2024",
        "佔地區生産總值比重從2020年的8.7%攀升至2024年的14.6%",
    ),
    (
        "fujian_data_industry_growth_rate_2025_2027",
        "数据产业规模年均复合增长率超过20%",
    ),
    (
        "fujian_data_industry_clusters_2027",
        "打造5个以上数据产业集聚区",
    ),
    (
        "fujian_data_element_industrial_parks_2027",
        "10个以上数据要素产业园",
    ),
    (
        "fujian_benchmark_innovative_data_enterprises_2027",
        "引育300家以上标杆和创新数据企业",
    ),
    (
        "fujian_public_data_application_scenarios_2027",
        "培育120个以上公共数据典型应用场景",
    ),
    (
        "fujian_national_demonstration_scenarios_2027",
        "打造10个以上国家级示范场景",
    ),
    (
        "fujian_listed_data_products_2027",
        "数据交易机构累计上线数据产品超3000款",
    ),
    (
        "fujian_industry_vertical_models_2027",
        "培育20个以上行业垂直大模型",
    ),
    (
        "fujian_data_industry_public_service_platforms_2027",
        "建成10个以上数据产业公共服务示范平台",
    ),
    (
        "guangdong_digital_economy_core_share_2027",
        "数字经济核心产业增加值占GDP比重超过16%",
    ),
    (
        "guangdong_trillion_yuan_digital_clusters_2027",
        "打造3个具有国际竞争力的万亿级数字产业集群",
    ),
    (
        "guangdong_data_industry_growth_rate_2025_2027",
        "数据产业规模年均复合增长率超15%",
    ),
    (
        "guangdong_ai_core_industry_scale_2027",
        "人工智能核心产业规模超过4400亿元",
    ),
    (
        "guangdong_digitally_transformed_industrial_enterprises_2027",
        "规模以上工业企业数字化转型突破6万家",
    ),
    ("guangdong_computing_power_2027", "算力规模超过60EFLOPS"),
    (
        "guizhou_computing_power_2024_05",
        "贵州总算力规模为31.76EFLOPS",
    ),
    (
        "guizhou_intelligent_computing_power_2024_05",
        "智算规模达到28.83EFLOPS",
    ),
    ("guizhou_computing_power_2025_03", "算力规模超过56.9Eflops"),
    (
        "guizhou_computing_power_2026",
        "a target computing power scale of 190 EFLOPS",
    ),
    (
        "guizhou_intelligent_computing_share_2026",
        "maintaining over 90% in intelligent computing",
    ),
    (
        "guizhou_annotation_workers_2026",
        "over 20,000 personnel engaged in data labeling",
    ),
    (
        "guizhou_ai_application_scenarios_2026",
        "100 typical AI application scenarios",
    ),
    (
        "hangzhou_cumulative_data_trading_2026",
        "到2026年底“累计交易额突破100亿元”",
    ),
    (
        "henan_zhengzhou_exchange_cumulative_trading_2027",
        "推動鄭州數據交易中心累計交易額達到百億元",
    ),
    (
        "henan_data_backbone_enterprises_2027",
        "引育500家以上數據骨干企業",
    ),
    (
        "henan_data_industry_clusters_2027",
        "建成10個左右全國領先、示范作用明顯的數據產業集聚區",
    ),
    (
        "henan_data_backbone_enterprises_2025_12",
        "全 省数据骨干企业突破1000家",
    ),
    ("henan_data_industry_scale_2025_12", "产业规模约2000亿元"),
    (
        "henan_zhengzhou_exchange_cumulative_trading_2025_12",
        "郑州数据交易中心交易额突破42亿元",
    ),
    ("henan_digital_economy_scale_2024", "2024年规模已超2万亿元"),
    (
        "henan_data_resource_development_pilots_2025_12",
        "组织开展23个省级数据资源开发利用试 点",
    ),
    (
        "henan_provincial_annotation_base_pilots_2024_12",
        "建设省级数据标注基地河南7地先行先试",
    ),
    (
        "hunan_national_benchmark_trusted_data_spaces_2027",
        "建成运营可信数据空间全国标杆20个以上",
    ),
    (
        "hunan_data_property_certificates_2027",
        "发放数据产权登记证书500份以上",
    ),
    (
        "hunan_data_application_scenarios_2027",
        "创新数据应用场景超过1000个",
    ),
    (
        "hunan_new_data_market_entities_2025_2027",
        "新增数据市场主体突破1000家",
    ),
    (
        "guizhou_computing_power_2025",
        "скок в изчислителната мощност до 150 EFLOPS през 2025 г.",
    ),
    (
        "guizhou_intelligent_computing_share_2025",
        "интелигентните изчисления съставляват над 90% от общата мощност",
    ),
    (
        "sichuan_computing_power_2023_06",
        "可用算力容量約5500PFLOPS",
    ),
    ("sichuan_storage_capacity_2023_06", "總存儲規模2.925EB"),
    ("sichuan_computing_power_2027", "算力總規模達到40EFLOPS"),
    (
        "sichuan_intelligent_computing_share_2027",
        "其中智能算力占比不低于60%",
    ),
    (
        "sichuan_large_intelligent_computing_centres_2027",
        "大規模智能計算中心達到15個左右",
    ),
    ("sichuan_5g_base_stations_2027", "5G基站總數達32萬個"),
    ("sichuan_5g_a_base_stations_2027", "其中5G-A基站總數達4萬個"),
    ("sichuan_storage_capacity_2027", "存儲總量超過100EB"),
    (
        "sichuan_advanced_storage_share_2027",
        "先進存儲容量占比達到35%以上",
    ),
    (
        "guangdong_open_datasets_2025_03",
        "“开放广东”平台放出97775个数据集",
    ),
    (
        "wuhan_digital_economy_core_growth_rate_2025_2027",
        "全市数字经济核心产业增加值年均增长10%",
    ),
    (
        "wuhan_key_process_nc_rate_2027",
        "规上工业企业关键工序数控化率、数字化研发设计工具普及率分别达80%、95%",
    ),
    (
        "wuhan_digital_rd_tool_penetration_2027",
        "规上工业企业关键工序数控化率、数字化研发设计工具普及率分别达80%、95%",
    ),
    ("wuhan_online_retail_sales_2027", "网络零售额突破5000亿元"),
    ("wuhan_data_trading_volume_2027", "数据流通交易规模达50亿元"),
    (
        "zhejiang_digital_economy_scale_2023",
        "2023年浙江数字经济增加值达4.33万亿元",
    ),
    ("zhejiang_digital_economy_share_2023", "占GDP比重达52.5%"),
    (
        "zhejiang_digital_economy_scale_2027",
        "浙江數字經濟增加值和核心產業增加值將分別突破7萬億元和1.6萬億元",
    ),
    (
        "zhejiang_digital_economy_core_value_added_2027",
        "浙江數字經濟增加值和核心產業增加值將分別突破7萬億元和1.6萬億元",
    ),
    (
        "zhejiang_digital_economy_scale_2021",
        "2021年,全省數字經濟增加值達到3.57萬億元",
    ),
    ("zhejiang_digital_economy_share_2021", "占GDP比重達到48.6%"),
    (
        "zhejiang_public_cloud_intelligent_computing_2027",
        "the scale of intelligent computing cloud services provided through public cloud is expected to reach 60 EFlops",
    ),
    (
        "zhejiang_digital_economy_scale_2020",
        "截至去年,浙江省数字经济增加值达30218亿元,占GDP比重为46.8%",
    ),
    (
        "zhejiang_digital_economy_share_2020",
        "截至去年,浙江省数字经济增加值达30218亿元,占GDP比重为46.8%",
    ),
    (
        "zhejiang_digital_economy_core_value_added_2020",
        "浙江数字经济核心产业增加值从2014年的2854亿元,增长到2020年的7020亿元",
    ),
];

fn catalog() -> Catalog {
    Catalog::bundled().expect("the bundled data is valid")
}

/// The quote and source id of the target or observation with this id.
fn record<'a>(catalog: &'a Catalog, id: &str) -> Option<(&'a str, &'a str)> {
    let target = catalog
        .targets()
        .iter()
        .find(|t| t.id.as_str() == id)
        .map(|t| (t.quote.as_str(), t.source.as_str()));
    target.or_else(|| {
        catalog
            .observations()
            .iter()
            .find(|o| o.id.as_str() == id)
            .map(|o| (o.quote.as_str(), o.source.as_str()))
    })
}

#[test]
fn every_quote_is_the_kept_copy_and_its_source_has_a_url_and_a_grade() {
    let catalog = catalog();
    for &(id, kept) in KEPT {
        let (quote, source) = record(&catalog, id).unwrap_or_else(|| panic!("no record {id}"));
        assert_eq!(quote, kept, "quote of {id}");
        let source = catalog
            .source(source)
            .unwrap_or_else(|| panic!("{id}: no source {source}"));
        let url = source.url.as_deref().unwrap_or_default();
        assert!(
            url.starts_with("https://") || url.starts_with("http://"),
            "{id}: source {} has no address",
            source.id.as_str()
        );
        assert!(
            source.grade.is_some(),
            "{id}: source {} has no grade",
            source.id.as_str()
        );
    }
}

#[test]
fn the_kept_ids_are_distinct() {
    let mut ids: Vec<&str> = KEPT.iter().map(|&(id, _)| id).collect();
    ids.sort_unstable();
    let before = ids.len();
    ids.dedup();
    assert_eq!(ids.len(), before);
}

/// The progress pairs of Henan's plan: each target has an observation of the
/// same jurisdiction and metric, so its progress can be judged.
#[test]
fn henan_targets_and_their_reported_figures_share_jurisdiction_and_metric() {
    let catalog = catalog();
    for (target, observation) in [
        (
            "henan_data_backbone_enterprises_2027",
            "henan_data_backbone_enterprises_2025_12",
        ),
        (
            "henan_zhengzhou_exchange_cumulative_trading_2027",
            "henan_zhengzhou_exchange_cumulative_trading_2025_12",
        ),
    ] {
        let t = catalog
            .targets()
            .iter()
            .find(|t| t.id.as_str() == target)
            .expect("the target is bundled");
        let o = catalog
            .observations()
            .iter()
            .find(|o| o.id.as_str() == observation)
            .expect("the observation is bundled");
        assert_eq!(t.jurisdiction, o.jurisdiction, "{target}");
        assert_eq!(t.metric, o.metric, "{target}");
        assert_eq!(t.jurisdiction.as_str(), "410000");
    }
}
