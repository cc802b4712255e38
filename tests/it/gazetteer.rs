//! The bundled gazetteer: every province-level and prefecture-level division
//! of the mainland with its GB/T 2260 code, names and short names, and every
//! province's resident population from the 2020 census.
//!
//! The expected values were checked by hand against the division codes of
//! the national statistics bureau and the census table of provincial
//! populations (reference date 2020-11-01).

use std::collections::BTreeMap;

use policy_targets::extract::extract;
use policy_targets::{Catalog, Jurisdiction, Level};
use rust_decimal::Decimal;

fn bundled() -> Catalog {
    Catalog::bundled().unwrap_or_else(|e| panic!("bundled catalogue: {e}"))
}

fn at_level(catalog: &Catalog, level: Level) -> Vec<&Jurisdiction> {
    catalog
        .jurisdictions()
        .iter()
        .filter(|j| j.level == level)
        .collect()
}

#[test]
fn every_province_and_prefecture() {
    let catalog = bundled();
    let provinces = at_level(&catalog, Level::Province);
    let prefectures = at_level(&catalog, Level::Prefecture);
    assert_eq!(provinces.len(), 31);
    assert_eq!(prefectures.len(), 333);
    for p in &provinces {
        assert_eq!(
            p.parent.as_ref().map(|c| c.as_str()),
            Some("100000"),
            "{}",
            p.code
        );
        assert!(p.code.as_str().ends_with("0000"), "{}", p.code);
    }
    for p in &prefectures {
        let parent = p
            .parent
            .as_ref()
            .and_then(|c| catalog.jurisdiction(c.as_str()));
        let parent = parent.unwrap_or_else(|| panic!("{} has no known parent", p.code));
        assert_eq!(parent.level, Level::Province, "parent of {}", p.code);
        // A prefecture's code begins with its province's two digits.
        assert_eq!(
            p.code.as_str()[..2],
            parent.code.as_str()[..2],
            "{}",
            p.code
        );
        assert!(p.code.as_str().ends_with("00"), "{}", p.code);
    }
}

#[test]
fn municipalities_have_no_prefectures() {
    let catalog = bundled();
    for municipality in ["110000", "120000", "310000", "500000"] {
        let children = catalog
            .jurisdictions()
            .iter()
            .filter(|j| {
                j.parent
                    .as_ref()
                    .is_some_and(|p| p.as_str() == municipality)
            })
            .count();
        assert_eq!(children, 0, "{municipality}");
    }
    // Groupings such as 市辖区 and 省直辖县级行政区划 are not prefectures.
    for grouping in [
        "110100", "419000", "429000", "469000", "500100", "500200", "659000",
    ] {
        assert!(catalog.jurisdiction(grouping).is_none(), "{grouping}");
    }
}

#[test]
fn hand_checked_entries() {
    let catalog = bundled();
    let expect = [
        ("320500", "苏州市", "Suzhou", "320000"),
        ("341300", "宿州市", "Suzhou", "340000"),
        (
            "222400",
            "延边朝鲜族自治州",
            "Yanbian Korean Autonomous Prefecture",
            "220000",
        ),
        ("430100", "长沙市", "Changsha", "430000"),
        ("340300", "蚌埠市", "Bengbu", "340000"),
        ("341500", "六安市", "Lu'an", "340000"),
        ("140400", "长治市", "Changzhi", "140000"),
        ("211300", "朝阳市", "Chaoyang", "210000"),
        ("411100", "漯河市", "Luohe", "410000"),
        ("152500", "锡林郭勒盟", "Xilinguole", "150000"),
        ("652900", "阿克苏地区", "Akesu", "650000"),
        ("650100", "乌鲁木齐市", "Urumqi", "650000"),
        (
            "632500",
            "海南藏族自治州",
            "Hainan Tibetan Autonomous Prefecture",
            "630000",
        ),
        ("150000", "内蒙古自治区", "Inner Mongolia", "100000"),
        ("540000", "西藏自治区", "Tibet", "100000"),
    ];
    for (code, zh, en, parent) in expect {
        let j = catalog
            .jurisdiction(code)
            .unwrap_or_else(|| panic!("{code} missing"));
        assert_eq!(
            (
                j.name_zh.as_str(),
                j.name_en.as_str(),
                j.parent.as_ref().map(|c| c.as_str())
            ),
            (zh, en, Some(parent)),
            "{code}"
        );
    }
}

#[test]
fn every_province_has_its_census_population() {
    let catalog = bundled();
    let census: BTreeMap<&str, Decimal> = catalog
        .observations()
        .iter()
        .filter(|o| o.metric.as_str() == "resident_population")
        .filter(|o| o.as_of.to_string() == "2020-11-01")
        .map(|o| (o.jurisdiction.as_str(), o.value.canonical_value()))
        .collect();
    let provinces = at_level(&catalog, Level::Province);
    let mut sum = Decimal::ZERO;
    for p in &provinces {
        let value = census.get(p.code.as_str());
        sum += *value.unwrap_or_else(|| panic!("no census population for {}", p.code));
    }
    assert_eq!(census["320000"], Decimal::from(84_748_016));
    assert_eq!(census["440000"], Decimal::from(126_012_510));
    assert_eq!(census["540000"], Decimal::from(3_648_100));
    // The 31 provincial figures add up to 1,409,778,724 persons; the
    // national figure also counts the 2,000,000 active-duty military, whom no
    // province counts.
    assert_eq!(sum, Decimal::from(1_409_778_724_u64));
    assert_eq!(census["100000"] - sum, Decimal::from(2_000_000));
}

#[test]
fn short_names_resolve() {
    let catalog = bundled();
    let expect = [
        ("浙江", "330000"),
        ("广西", "450000"),
        ("内蒙古", "150000"),
        ("苏州", "320500"),
        ("宿州", "341300"),
        ("延边", "222400"),
        ("延边州", "222400"),
        // The province keeps the name it shares with a prefecture.
        ("吉林", "220000"),
        ("吉林市", "220200"),
        ("海南", "460000"),
        ("海南州", "632500"),
        // English names are not unique: the first by code is found.
        ("Suzhou", "320500"),
        ("Taizhou", "321200"),
    ];
    for (name, code) in expect {
        let found = catalog.resolve_jurisdiction(name).map(|j| j.code.as_str());
        assert_eq!(found.ok(), Some(code), "{name}");
    }
    // Short names that are ordinary words are not aliases; the full name is.
    for (word, full) in [("朝阳", "朝阳市"), ("长治", "长治市"), ("阿里", "阿里地区")]
    {
        assert!(catalog.find_jurisdiction(word).is_none(), "{word}");
        assert!(catalog.find_jurisdiction(full).is_some(), "{full}");
    }
}

#[test]
fn chinese_names_and_aliases_are_unique() {
    let catalog = bundled();
    let mut seen: BTreeMap<&str, &str> = BTreeMap::new();
    for j in catalog.jurisdictions() {
        for name in std::iter::once(&j.name_zh).chain(&j.aliases) {
            if let Some(first) = seen.insert(name, j.code.as_str()) {
                panic!("{name} names both {first} and {}", j.code);
            }
        }
    }
}

#[test]
fn extraction_finds_prefectures_sharing_a_province_name() {
    let catalog = bundled();
    let cases = [
        ("到2027年，吉林市建成高质量数据集30个。", "220200"),
        ("到2027年，吉林省建成高质量数据集30个。", "220000"),
        ("到2027年，海南州建成高质量数据集30个。", "632500"),
        ("到2027年，延边州建成高质量数据集30个。", "222400"),
        ("到2027年，宿州建成高质量数据集30个。", "341300"),
    ];
    for (text, code) in cases {
        let found = extract(text, &catalog);
        let jurisdictions: Vec<_> = found
            .iter()
            .map(|c| c.jurisdiction.as_ref().map(|j| j.as_str()))
            .collect();
        assert_eq!(jurisdictions, [Some(code)], "{text}");
        assert!(found[0].jurisdiction_in_catalog, "{text}");
    }
}
