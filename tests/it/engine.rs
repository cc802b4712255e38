//! The comparison engine on the bundled data: hand-checked rankings, gaps and
//! the JSON contracts of `rank`, `gap` and `progress`, field for field.

use chrono::NaiveDate;
use policy_targets::gap::{Benchmark, GapQuery, Peers, Statistic, gap};
use policy_targets::rank::{RankQuery, rank};
use policy_targets::{Catalog, ErrorKind, Level, Per};
use rust_decimal::Decimal;
use serde_json::Value;

use crate::util::{Run, d, date as day, fixture, json, run};

fn catalog() -> Catalog {
    Catalog::bundled().unwrap()
}

fn keys(v: &Value) -> Vec<&str> {
    v.as_object().unwrap().keys().map(String::as_str).collect()
}

#[test]
fn per_capita_ranking_of_dataset_targets_on_the_2020_census() {
    let mut query = RankQuery::new("high_quality_datasets", day("2025-07-04"));
    query.per = Per::CAPITA;
    let ranking = rank(&catalog(), &query).unwrap();
    let rows: Vec<(u32, &str, String, Option<&str>)> = ranking
        .rows
        .iter()
        .map(|r| {
            (
                r.rank,
                r.jurisdiction.as_str(),
                r.value.round_dp(2).to_string(),
                r.within.as_ref().map(|w| w.as_str()),
            )
        })
        .collect();
    // 上海 1000 / 24.870895 = 40.2076; 300 / 12.748262 = 23.533;
    // 1000 / 84.748016 = 11.7997; 20 / 12.326518 = 1.6225.
    assert_eq!(
        rows,
        [
            (1, "310000", "40.21".to_owned(), None),
            (2, "320500", "23.53".to_owned(), Some("320000")),
            (3, "320000", "11.80".to_owned(), None),
            (4, "420100", "1.62".to_owned(), None),
        ]
    );
    assert!(
        ranking
            .rows
            .iter()
            .all(|r| r.denominator_as_of == Some(day("2020-11-01")))
    );
    assert!(ranking.unranked.is_empty());
}

#[test]
fn per_plan_year_uses_months_from_period_start_to_deadline() {
    let mut query = RankQuery::new("high_quality_datasets", day("2025-07-04"));
    query.per = Per::YEAR;
    let ranking = rank(&catalog(), &query).unwrap();
    let values: Vec<(&str, Decimal)> = ranking
        .rows
        .iter()
        .map(|r| (r.jurisdiction.as_str(), r.value))
        .collect();
    // 上海 2023/2025: 1000 / 3 = 333.333333; 江苏 2025/2027: 1000 / 3 = 333.333333;
    // 苏州 2025-01-01..2027-12-31: 300 / 3 = 100; 武汉 2025: 20 / 1.
    assert_eq!(
        values,
        [
            ("310000", d("333.333333")),
            ("320000", d("333.333333")),
            ("320500", d("100")),
            ("420100", d("20"))
        ]
    );
}

#[test]
fn level_filter_and_gdp_denominators() {
    let mut query = RankQuery::new("high_quality_datasets", day("2025-07-04"));
    query.level = Some(Level::Prefecture);
    query.per = Per::GDP;
    let ranking = rank(&catalog(), &query).unwrap();
    // 2024 GDP, 苏州 26727.0亿元 = 26.727 千亿元 → 300 / 26.727 = 11.224604;
    // 武汉 21106.23亿元 = 21.10623 千亿元 → 20 / 21.10623 = 0.947588.
    let rows: Vec<(&str, Decimal)> = ranking
        .rows
        .iter()
        .map(|r| (r.jurisdiction.as_str(), r.value))
        .collect();
    assert_eq!(
        rows,
        [("320500", d("11.224604")), ("420100", d("0.947588"))]
    );
    assert_eq!(
        ranking.rows[0].within, None,
        "江苏 is not in a prefecture-level ranking"
    );
    assert_eq!(ranking.rows[0].denominator_as_of, Some(day("2024-12-31")));
}

#[test]
fn jurisdictions_without_a_denominator_are_unranked_with_the_reason() {
    // 湖南's 2024 GDP is known.
    let mut query = RankQuery::new("data_annotation_volume", day("2026-01-01"));
    query.per = Per::GDP;
    let ranking = rank(&catalog(), &query).unwrap();
    assert_eq!(ranking.rows.len(), 1);
    // 3000 / 53.231 千亿元 = 56.358137.
    assert_eq!(ranking.rows[0].value, d("56.358137"));

    // In the minimal fixture only 江苏 has a GDP figure: 苏州 is listed, not ranked.
    let minimal = Catalog::load(fixture("good/minimal")).unwrap();
    let mut query = RankQuery::new("high_quality_datasets", day("2026-01-01"));
    query.per = Per::GDP;
    let ranking = rank(&minimal, &query).unwrap();
    let ranked: Vec<&str> = ranking
        .rows
        .iter()
        .map(|r| r.jurisdiction.as_str())
        .collect();
    assert_eq!(ranked, ["320000"]);
    assert_eq!(ranking.unranked.len(), 1);
    assert_eq!(ranking.unranked[0].jurisdiction.as_str(), "320500");
    assert_eq!(
        ranking.unranked[0].reason.to_string(),
        "no gdp observation on or before 2026-01-01"
    );
    // The table says why in the language asked for; the CSV row names the
    // jurisdiction and the target that could not be ranked.
    let zh = ranking.to_table(&minimal, policy_targets::Lang::Zh);
    assert!(
        zh.contains("未排名：苏州市（2026-01-01前无地区生产总值数据，无法折算）\n"),
        "{zh}"
    );
    let en = ranking.to_table(&minimal, policy_targets::Lang::En);
    assert!(
        en.contains("not ranked: Suzhou (no figure of its GDP on or before 2026-01-01)\n"),
        "{en}"
    );
    let mut csv = Vec::new();
    ranking
        .write_csv(&mut csv, &policy_targets::output::CsvOptions::default())
        .unwrap();
    let csv = String::from_utf8(csv).unwrap();
    let last = csv.lines().last().unwrap();
    assert_eq!(
        last,
        ",320500,苏州市,Suzhou,prefecture,,,,suzhou_high_quality_datasets_2027,,,,,no gdp observation on or before 2026-01-01,high_quality_datasets"
    );
}

#[test]
fn guangxi_needs_591_48_datasets_to_match_jiangsu_per_capita() {
    let mut query = GapQuery::new(
        "广西",
        Benchmark::Jurisdiction("320000".parse().unwrap()),
        "high_quality_datasets",
        day("2025-07-04"),
    );
    query.per = Per::CAPITA;
    let g = gap(&catalog(), &query).unwrap();
    // 1000 / 84.748016 × 50.126804 = 591.4806.
    assert_eq!(g.required_target.round_dp(2), d("591.48"));
    assert_eq!(g.subject_value, None);
    assert_eq!(g.gap, g.benchmark_value);
    assert_eq!(g.relative_gap, Some(Decimal::ONE));
    assert_eq!(g.benchmark_value, d("11.799686"));
}

#[test]
fn a_benchmark_named_like_a_subject_is_resolved_by_gap() {
    let cat = catalog();
    let by_code = GapQuery::new(
        "广西",
        Benchmark::Jurisdiction("320000".parse().unwrap()),
        "high_quality_datasets",
        day("2025-07-04"),
    )
    .per(Per::CAPITA);
    for name in ["江苏", "江苏省", "Jiangsu"] {
        let mut by_name = by_code.clone();
        by_name.benchmark = name.parse().unwrap();
        assert_eq!(by_name.benchmark, Benchmark::Named(name.to_owned()));
        let g = gap(&cat, &by_name).unwrap();
        assert_eq!(g.benchmark, "320000");
        assert_eq!(g.benchmark_query, by_code.benchmark);
        assert_eq!(g.required_target.round_dp(2), d("591.48"));
    }
    // An unknown name is an unknown jurisdiction, with a suggestion.
    let mut wrong = by_code.clone();
    wrong.benchmark = "江苏县".parse().unwrap();
    let err = gap(&cat, &wrong).unwrap_err();
    assert!(
        matches!(err.kind(), ErrorKind::UnknownJurisdiction { name, .. } if name == "江苏县"),
        "{err}"
    );
    // The subject named twice is refused as with codes.
    let mut same = by_code;
    same.benchmark = "广西".parse().unwrap();
    let err = gap(&cat, &same).unwrap_err();
    assert!(matches!(
        err.kind(),
        ErrorKind::SameSubjectAndBenchmark { .. }
    ));
}

#[test]
fn gap_with_a_subject_target_is_benchmark_minus_subject() {
    let mut query = GapQuery::new(
        "武汉",
        Benchmark::Jurisdiction("320500".parse().unwrap()),
        "high_quality_datasets",
        day("2025-07-04"),
    );
    query.per = Per::CAPITA;
    let g = gap(&catalog(), &query).unwrap();
    // 300 / 12.748262 − 20 / 12.326518 = 21.9101014 (computed before rounding);
    // required: 300 / 12.748262 × 12.326518 = 290.0753.
    assert_eq!(g.subject_value, Some(d("1.622518")));
    assert_eq!(g.benchmark_value, d("23.53262"));
    assert_eq!(g.gap, d("21.910101"));
    assert_eq!(g.required_target.round_dp(2), d("290.08"));
    // Raw: 300 − 20 = 280, relative 280 / 300.
    query.per = Per::NONE;
    let g = gap(&catalog(), &query).unwrap();
    assert_eq!((g.gap, g.relative_gap), (d("280"), Some(d("0.933333"))));
}

#[test]
fn peer_statistics_and_fixed_benchmarks() {
    let cat = catalog();
    let mut query = GapQuery::new(
        "450000",
        Benchmark::Statistic(
            Statistic::Max,
            Peers::List(vec!["320500".parse().unwrap(), "420100".parse().unwrap()]),
        ),
        "high_quality_datasets",
        day("2025-07-04"),
    );
    query.per = Per::CAPITA;
    let g = gap(&cat, &query).unwrap();
    assert_eq!(g.benchmark_value, d("23.53262"));
    assert_eq!(g.peers.len(), 2);
    // 苏州's 300 per 12.748262 million × 50.126804 million = 1179.6150.
    assert_eq!(g.required_target.round_dp(2), d("1179.62"));

    let fixed = GapQuery::new(
        "450000",
        Benchmark::Fixed("500个".parse().unwrap()),
        "high_quality_datasets",
        day("2025-07-04"),
    );
    let g = gap(&cat, &fixed).unwrap();
    assert_eq!((g.benchmark_value, g.required_target), (d("500"), d("500")));

    let wrong = GapQuery::new(
        "450000",
        Benchmark::Fixed("500TB".parse().unwrap()),
        "high_quality_datasets",
        day("2025-07-04"),
    );
    assert_eq!(
        gap(&cat, &wrong).unwrap_err().to_string(),
        "unit TB measures an amount of data, but metric \"high_quality_datasets\" measures a count"
    );
}

#[test]
fn rank_json_contract() {
    let v = json(&[
        "rank",
        "high_quality_datasets",
        "--per",
        "capita",
        "--as-of",
        "2025-07-04",
        "--format",
        "json",
    ]);
    assert_eq!(
        keys(&v),
        [
            "version",
            "metric",
            "metrics",
            "min_grade",
            "left_out",
            "per",
            "level",
            "as_of",
            "unit",
            "rows",
            "unranked"
        ]
    );
    assert_eq!(v["metric"], "high_quality_datasets");
    assert_eq!(v["per"], "capita");
    assert_eq!(v["level"], Value::Null);
    assert_eq!(v["as_of"], "2025-07-04");
    // 上海 (1000 / 24.870895 = 40.20764) leads; 苏州 comes second.
    assert_eq!(v["rows"][0]["jurisdiction"], "310000");
    assert_eq!(v["rows"][0]["value"].to_string(), "40.20764");
    let row = &v["rows"][1];
    assert_eq!(
        keys(row),
        [
            "rank",
            "metric",
            "jurisdiction",
            "name_zh",
            "name_en",
            "level",
            "within",
            "value",
            "unit",
            "target_id",
            "target_value",
            "target_unit",
            "deadline",
            "denominator_as_of"
        ]
    );
    assert_eq!(row["jurisdiction"], "320500");
    assert_eq!(row["within"], "320000");
    assert_eq!(row["value"].to_string(), "23.53262");
    assert_eq!(row["target_value"].to_string(), "300");
    assert_eq!(row["deadline"], "2027-12-31");
    assert_eq!(row["denominator_as_of"], "2020-11-01");
}

#[test]
fn gap_json_contract() {
    let v = json(&[
        "gap",
        "广西",
        "--against",
        "江苏省",
        "--metric",
        "high_quality_datasets",
        "--per",
        "capita",
        "--as-of",
        "2025-07-04",
        "--format",
        "json",
    ]);
    for key in [
        "subject",
        "benchmark",
        "metric",
        "per",
        "subject_value",
        "benchmark_value",
        "gap",
        "relative_gap",
        "required_target",
        "unit",
    ] {
        assert!(v.get(key).is_some(), "missing {key}");
    }
    assert_eq!(v["subject"], "450000");
    assert_eq!(v["benchmark"], "320000");
    assert_eq!(v["subject_value"], Value::Null);
    assert_eq!(v["required_target"].to_string(), "591.48056");
    assert_eq!(v["unit"], "count per million residents");

    let v = json(&[
        "gap",
        "450000",
        "--against",
        "median",
        "--peers",
        "province",
        "--metric",
        "数据标注规模",
        "--per",
        "capita",
        "--as-of",
        "2025-07-04",
        "--format",
        "json",
    ]);
    // 3000 / 66.444864 × 50.126804 = 2263.2360569.
    assert_eq!(v["benchmark"], "median of province");
    assert_eq!(v["required_target"].to_string(), "2263.236057");
}

#[test]
fn progress_json_contract() {
    let v = json(&["progress", "--as-of", "2025-07-04", "--format", "json"]);
    assert_eq!(v["as_of"], "2025-07-04");
    let rows = v["rows"].as_array().unwrap();
    // The targets in force on 2025-07-04 (published by then, not superseded,
    // one per jurisdiction and metric): 57 of the 92 bundled.
    assert_eq!(rows.len(), 57);
    for key in [
        "target_id",
        "jurisdiction",
        "metric",
        "target_value",
        "deadline",
        "latest_value",
        "latest_as_of",
        "progress",
        "gap",
        "required_rate",
        "observed_rate",
        "pace_ratio",
        "status",
        "rank",
    ] {
        assert!(rows[0].get(key).is_some(), "missing {key}");
    }
    // By then the nation's total computing power has three figures in its
    // period (197, 230 and 246 EFLOPS, 2023-06 to 2024-06); its intelligent
    // share and storage, Sichuan (computing power and storage, June 2023)
    // and Zhejiang (digital economy 2020, 2021 and 2023; its core
    // industries 2020) too few for a pace; the rest none.
    let judged: Vec<(&str, &str)> = rows
        .iter()
        .filter(|r| r["status"] != "no_data")
        .map(|r| {
            (
                r["target_id"].as_str().unwrap(),
                r["status"].as_str().unwrap(),
            )
        })
        .collect();
    assert_eq!(
        judged,
        [
            ("national_computing_power_2025", "on_track"),
            ("sichuan_computing_power_2027", "insufficient_data"),
            (
                "national_intelligent_computing_share_2025",
                "insufficient_data"
            ),
            ("zhejiang_digital_economy_scale_2027", "insufficient_data"),
            (
                "zhejiang_digital_economy_core_value_added_2027",
                "insufficient_data"
            ),
            ("national_storage_capacity_2025", "insufficient_data"),
            ("sichuan_storage_capacity_2027", "insufficient_data"),
        ]
    );
    // Required (300 − 246) / 1.503 years = 35925.49 PFLOPS a year; observed
    // (246 − 197) / 1.002 years = 48898.59: ratio 1.361111.
    let computing = rows
        .iter()
        .find(|r| r["target_id"] == "national_computing_power_2025")
        .unwrap();
    assert_eq!(computing["pace_ratio"].to_string(), "1.361111");
    assert!(
        rows.iter()
            .filter(|r| r["status"] == "no_data")
            .all(|r| r["rank"].is_null())
    );
}

#[test]
fn errors_and_usage() {
    let Run {
        code, stderr: err, ..
    } = run(&["rank", "no_such_metric", "--lang", "en"]);
    // An unknown name on the command line is a usage error.
    assert_eq!(code, Some(2));
    assert!(
        err.starts_with(
            "unknown metric \"no_such_metric\"; expected an id or name from the metric catalogue (`targets list metrics` lists all 77 of them)"
        ),
        "{err}"
    );
    let Run {
        code, stderr: err, ..
    } = run(&["rank", "high_quality_dataset", "--lang", "en"]);
    assert_eq!(code, Some(2));
    assert!(
        err.starts_with(
            "unknown metric \"high_quality_dataset\" (did you mean \"high_quality_datasets\"?)"
        ),
        "{err}"
    );
    let Run {
        code, stderr: err, ..
    } = run(&[
        "gap",
        "广西",
        "--against",
        "江苏省",
        "--metric",
        "high_quality_datasets",
        "--per",
        "gdp",
        "--lang",
        "en",
    ]);
    assert_eq!(code, Some(1));
    assert!(
        err.starts_with(
            "广西壮族自治区 (450000) has no denominator: no gdp observation on or before"
        ),
        "{err}"
    );
    let Run {
        code, stderr: err, ..
    } = run(&[
        "gap",
        "江苏",
        "--against",
        "320000",
        "--metric",
        "high_quality_datasets",
        "--lang",
        "en",
    ]);
    assert_eq!(code, Some(2));
    assert_eq!(
        err,
        "江苏省 is both the subject and the benchmark: name another jurisdiction or a statistic to compare it with\n"
    );
    let Run {
        code, stderr: err, ..
    } = run(&[
        "gap",
        "江苏x",
        "--against",
        "max",
        "--metric",
        "high_quality_datasets",
        "--lang",
        "en",
    ]);
    assert_eq!(code, Some(2));
    assert!(
        err.starts_with("unknown jurisdiction \"江苏x\" (did you mean \"江苏省\"?)"),
        "{err}"
    );
    let Run {
        code, stderr: err, ..
    } = run(&["rank", "high_quality_datasets", "--per", "capita,gdp"]);
    assert_eq!(code, Some(2), "{err}");
    let Run {
        code, stderr: err, ..
    } = run(&[
        "gap",
        "广西",
        "--against",
        "火星",
        "--metric",
        "high_quality_datasets",
    ]);
    assert_eq!(code, Some(2), "{err}");
    assert!(err.starts_with("未知地区“火星”"), "{err}");
}

#[test]
fn report_prints_the_overview() {
    let Run {
        code,
        stdout: out,
        stderr: err,
    } = run(&["report", "--as-of", "2025-07-04"]);
    assert_eq!(code, Some(0), "{err}");
    for heading in [
        "一、目标一览（按期限）",
        "二、各指标排名",
        "三、广西壮族自治区对标",
        "四、目标进展",
    ] {
        assert!(out.contains(heading), "{heading} missing in\n{out}");
    }
    let Run {
        code, stdout: out, ..
    } = run(&["report", "--as-of", "2025-07-04", "--lang", "en"]);
    assert_eq!(code, Some(0));
    assert!(out.contains("3. Guangxi: gaps to benchmarks"), "{out}");
}

#[test]
fn progress_bands_are_configurable() {
    let args = [
        "progress",
        "--data",
        "tests/fixtures/progress/linear",
        "--as-of",
        "2026-12-31",
        "--format",
        "json",
    ];
    let rows = |v: &Value| v["rows"].as_array().unwrap().clone();
    let default = json(&args);
    let edge = rows(&default)
        .into_iter()
        .find(|r| r["pace_ratio"] == 0.95)
        .unwrap();
    assert_eq!(edge["status"], "on_track");
    let strict = json(&[&args[..], &["--bands", "0.99,0.60,0"]].concat());
    let same = rows(&strict)
        .into_iter()
        .find(|r| r["target_id"] == edge["target_id"])
        .unwrap();
    assert_eq!(same["status"], "acceleration_needed");
    let Run {
        code, stderr: err, ..
    } = run(&["progress", "--bands", "0.5,0.9,0", "--lang", "en"]);
    assert_eq!(code, Some(2));
    assert!(err.contains("expected three decreasing numbers"), "{err}");
}

/// Three provinces with dataset targets; populations of 江苏 and 浙江 from
/// different years and none for 上海.
fn vintages() -> Catalog {
    let jurisdictions = r#"
        [[jurisdiction]]
        code = "320000"
        name_zh = "江苏省"
        name_en = "Jiangsu"
        level = "province"

        [[jurisdiction]]
        code = "330000"
        name_zh = "浙江省"
        name_en = "Zhejiang"
        level = "province"

        [[jurisdiction]]
        code = "310000"
        name_zh = "上海市"
        name_en = "Shanghai"
        level = "province"
    "#;
    let metrics = r#"
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
    let mut source = String::from(
        r#"
        [source]
        id = "plans"
        title = "Plans"
        issuer = "Offices"
        published = 2025-01-15
        status = "final"
        force = "plan"
    "#,
    );
    for (code, value) in [("320000", 1000), ("330000", 500), ("310000", 800)] {
        source.push_str(&format!(
            r#"
        [[target]]
        id = "datasets_{code}"
        jurisdiction = "{code}"
        metric = "high_quality_datasets"
        comparator = "at_least"
        value = {value}
        unit = "个"
        deadline = 2027
        quote = "{value}个"
    "#
        ));
    }
    // 江苏 8000万 in 2020, 浙江 5000万 in 2024: no common date.
    for (code, people, date) in [
        ("320000", "8000万", "2020-11-01"),
        ("330000", "5000万", "2024-12-31"),
    ] {
        source.push_str(&format!(
            r#"
        [[observation]]
        id = "population_{code}"
        jurisdiction = "{code}"
        metric = "resident_population"
        value = "{people}"
        unit = "人"
        as_of = {date}
        quote = "{people}人"
    "#
        ));
    }
    Catalog::from_toml_files([
        ("jurisdictions.toml", jurisdictions),
        ("metrics.toml", metrics),
        ("sources/plans.toml", source.as_str()),
    ])
    .unwrap()
}

#[test]
fn each_row_says_its_denominator_date_when_there_is_no_common_vintage() {
    let catalog = vintages();
    let mut query = RankQuery::new("high_quality_datasets", day("2025-07-04"));
    query.per = Per::CAPITA;
    let ranking = rank(&catalog, &query).unwrap();
    // 江苏 1000 / 80 = 12.5 and 浙江 500 / 50 = 10 per million residents.
    let rows: Vec<(&str, String, Option<NaiveDate>)> = ranking
        .rows
        .iter()
        .map(|r| {
            (
                r.jurisdiction.as_str(),
                r.value.to_string(),
                r.denominator_as_of,
            )
        })
        .collect();
    assert_eq!(
        rows,
        [
            ("320000", "12.5".to_owned(), Some(day("2020-11-01"))),
            ("330000", "10".to_owned(), Some(day("2024-12-31"))),
        ]
    );
    let zh = ranking.to_table(&catalog, policy_targets::Lang::Zh);
    assert!(
        zh.contains("分母数据日期（无共同年份）：2020-11-01（江苏省）；2024-12-31（浙江省）\n"),
        "{zh}"
    );
    assert!(
        zh.contains("未排名：上海市（2025-07-04前无常住人口数据，无法折算）\n"),
        "{zh}"
    );
    let en = ranking.to_table(&catalog, policy_targets::Lang::En);
    assert!(
        en.contains(
            "denominators as of (no common vintage): 2020-11-01 (Jiangsu); 2024-12-31 (Zhejiang)\n"
        ),
        "{en}"
    );
}

#[test]
fn a_gap_names_both_denominator_dates_and_the_peers_left_out() {
    let catalog = vintages();
    // 浙江 against 江苏 per capita: 12.5 − 10 = 2.5 per million; 浙江 would
    // need 12.5 × 50 = 625 datasets.
    let mut query = GapQuery::new(
        "浙江省",
        Benchmark::Jurisdiction("320000".parse().unwrap()),
        "high_quality_datasets",
        day("2025-07-04"),
    );
    query.per = Per::CAPITA;
    let answer = gap(&catalog, &query).unwrap();
    assert_eq!(answer.gap.to_string(), "2.5");
    assert_eq!(answer.required_target.to_string(), "625");
    assert_eq!(answer.denominator_as_of, Some(day("2024-12-31")));
    assert_eq!(answer.benchmark_denominator_as_of, Some(day("2020-11-01")));
    let json: Value = serde_json::from_str(&answer.to_json()).unwrap();
    assert_eq!(json["benchmark_denominator_as_of"], "2020-11-01");
    assert_eq!(json["excluded"], serde_json::json!([]));
    let zh = answer.to_table(&catalog, policy_targets::Lang::Zh);
    assert!(
        zh.contains("分母数据日期：对象 2024-12-31，对标 2020-11-01（无共同年份）\n"),
        "{zh}"
    );

    // 江苏 against the median of the other provinces per capita: 上海 has
    // no population and is left out, which leaves 浙江's 10.
    let mut query = GapQuery::new(
        "江苏省",
        Benchmark::Statistic(Statistic::Median, Peers::Level(Level::Province)),
        "high_quality_datasets",
        day("2025-07-04"),
    );
    query.per = Per::CAPITA;
    let answer = gap(&catalog, &query).unwrap();
    assert_eq!(answer.benchmark_value.to_string(), "10");
    assert_eq!(answer.peers, ["330000".parse().unwrap()]);
    let json: Value = serde_json::from_str(&answer.to_json()).unwrap();
    assert_eq!(
        json["excluded"],
        serde_json::json!([{
            "jurisdiction": "310000",
            "reason": "no resident_population observation on or before 2025-07-04"
        }])
    );
    assert_eq!(json["benchmark_denominator_as_of"], Value::Null);
    let en = answer.to_table(&catalog, policy_targets::Lang::En);
    assert!(
        en.contains(
            "left out of the peers: Shanghai (no resident_population observation on or before 2025-07-04)\n"
        ),
        "{en}"
    );
    assert!(
        en.contains("taken over 1 jurisdiction: Zhejiang (fewer than 3: a weak benchmark)\n"),
        "{en}"
    );
}

#[test]
fn as_of_is_read_as_people_write_dates() {
    for (written, meant) in [
        ("2025", "2025-12-31"),
        ("2025-06", "2025-06-30"),
        ("2025/6/30", "2025-06-30"),
        ("2025年6月30日", "2025-06-30"),
    ] {
        let answer = json(&[
            "rank",
            "high_quality_datasets",
            "--as-of",
            written,
            "--format",
            "json",
        ]);
        assert_eq!(answer["as_of"], meant, "{written}");
    }
    let Run { code, stderr, .. } = run(&[
        "rank",
        "high_quality_datasets",
        "--as-of",
        "2025/13",
        "--lang",
        "en",
    ]);
    assert_eq!(code, Some(2));
    assert!(
        stderr.contains("expected a date such as 2026-06-30, 2026/6/30 or 2026年6月30日, a month (2026-06) or a year (2026), found \"2025/13\""),
        "{stderr}"
    );
}

#[test]
fn an_empty_ranking_says_why() {
    let out = |args: &[&str]| {
        let Run { code, stdout, .. } = run(args);
        assert_eq!(code, Some(0), "{args:?}");
        stdout
    };
    assert_eq!(
        out(&["rank", "high_quality_datasets", "--as-of", "2023-01-01"]),
        "高质量数据集 排名（目标原值，截至 2023-01-01）\n截至 2023-01-01 尚无已发布的该指标目标（最早的于 2023-07-22 发布），请用 --as-of 指定更晚的日期。\n"
    );
    assert_eq!(
        out(&[
            "rank",
            "resident_population",
            "--as-of",
            "2025-07-04",
            "--lang",
            "en"
        ]),
        "Resident population: ranking (target values, as of 2025-07-04)\nThis metric is a denominator (reported figures that rankings divide by); no jurisdiction sets a target on it, so there\nis nothing to rank.\n"
    );
    assert_eq!(
        out(&[
            "rank",
            "high_quality_datasets",
            "--level",
            "county",
            "--as-of",
            "2025-07-04"
        ]),
        "高质量数据集 排名（目标原值，截至 2025-07-04）\n没有县级地区设定该指标目标。\n"
    );
}

#[test]
fn the_progress_table_shows_quantities_with_their_units() {
    let zh = run(&["progress", "--as-of", "2026-06-30"]).succeeded();
    // The row of `place` under the heading of metric `start`.
    let line = |table: &str, start: &str, place: &str| -> String {
        table
            .lines()
            .skip_while(|l| *l != start)
            .find(|l| l.starts_with(place))
            .unwrap_or_else(|| panic!("no {start} {place} in\n{table}"))
            .split_whitespace()
            .collect::<Vec<_>>()
            .join(" ")
    };
    // Computing power in EFLOPS, never a bare 300,000 (PFLOPS).
    assert!(
        line(&zh, "算力规模", "中国").contains(">300 EFLOPS 2025-12-31 246 EFLOPS"),
        "{zh}"
    );
    // A count keeps the measure word its target was written with.
    assert!(
        line(&zh, "数据骨干企业", "河南省").contains("≥500家 2027-12-31 1,000家"),
        "{zh}"
    );
    // Money in 亿元 and 万亿元.
    assert!(line(&zh, "数据交易机构累计交易额", "河南省").contains("≥100亿元"));
    assert!(line(&zh, "数字经济规模", "浙江省").contains(">7万亿元 2027-12-31 4.33万亿元"));
    let en = run(&["progress", "--as-of", "2026-06-30", "--lang", "en"]).succeeded();
    assert!(
        line(&en, "Data backbone enterprises", "Henan").contains("≥500 2027-12-31 1,000"),
        "{en}"
    );
    assert!(!en.contains("no_data"), "{en}");
    assert!(en.contains("no data"), "{en}");
}

#[test]
fn the_chinese_report_explains_unanswered_gaps_in_chinese() {
    let zh = run(&["report", "--as-of", "2026-06-30"]).succeeded();
    // One note for every metric without enough provinces for a median.
    assert_eq!(
        zh.matches("说明：以下指标设定目标的其他省份少于3个，不提供省级中位数：")
            .count(),
        1,
        "{zh}"
    );
    // Hangzhou's target has no population to divide by: said in Chinese,
    // with the city's name rather than its code.
    assert!(
        zh.contains("说明：数据交易机构累计交易额：杭州市2026-06-30前无常住人口数据，无法折算"),
        "{zh}"
    );
    assert!(!zh.contains("no denominator"), "{zh}");
    assert!(!zh.contains("330100"), "{zh}");
}

#[test]
fn a_target_added_in_code_is_checked_like_a_loaded_one() {
    use policy_targets::{Comparator, Target};
    let catalog = Catalog::bundled().unwrap();
    let n = catalog.targets().len();
    let target = |metric: &str| {
        Target::new(
            "guangxi_target_made_in_code".parse().unwrap(),
            "450000".parse().unwrap(),
            metric.parse().unwrap(),
            Comparator::AtLeast,
            "600个".parse().unwrap(),
            "2027".parse().unwrap(),
            "dgx_newsletter_2025_05".parse().unwrap(),
        )
        .quote("（示例）600个")
    };
    let grown = catalog
        .clone()
        .with(vec![target("high_quality_datasets")], Vec::new())
        .unwrap();
    assert_eq!(grown.targets().len(), n + 1);
    let ranking = rank(
        &grown,
        &RankQuery::new("high_quality_datasets", day("2026-06-30")).level(Level::Province),
    )
    .unwrap();
    assert!(
        ranking
            .rows
            .iter()
            .any(|r| r.jurisdiction.as_str() == "450000")
    );
    let errors = catalog
        .with(vec![target("high_quality_dataset")], Vec::new())
        .unwrap_err();
    let message = errors.to_string();
    assert!(
        message.contains(&format!("targets[{n}].metric")),
        "{message}"
    );
}

#[test]
fn question_errors_follow_lang() {
    let zh = run(&[
        "gap",
        "广西省",
        "--against",
        "江苏",
        "--metric",
        "high_quality_datasets",
    ]);
    assert_eq!(zh.code, Some(2));
    assert!(
        zh.stderr
            .starts_with("未知地区“广西省”（是否为“广西壮族自治区”？）；应为地区代码"),
        "{}",
        zh.stderr
    );
    let en = run(&[
        "gap",
        "广西省",
        "--against",
        "江苏",
        "--metric",
        "high_quality_datasets",
        "--lang",
        "en",
    ]);
    assert!(
        en.stderr
            .starts_with("unknown jurisdiction \"广西省\" (did you mean \"广西壮族自治区\"?)"),
        "{}",
        en.stderr
    );
    let zh = run(&["rank", "高质量数据"]);
    assert_eq!(
        zh.stderr,
        "未知指标“高质量数据”（是否为“高质量数据集”？）；应为指标目录中的标识或名称（`targets list metrics` 列出全部 77 项）\n"
    );
    let zh = run(&["rank", "data_industry_growth_rate", "--per", "capita"]);
    assert_eq!(
        zh.stderr,
        "数据产业规模年均复合增长率是比例（%），按原值比较，不作折算：请去掉 --per\n"
    );
}

#[test]
fn the_report_shows_the_subjects_own_target_and_says_when_it_is_ahead() {
    let zh = run(&["report", "--subject", "苏州", "--as-of", "2026-06-30"])
        .ok()
        .stdout;
    let line = zh
        .lines()
        .find(|l| l.starts_with("高质量数据集") && l.contains("江苏省") && l.contains("2020-11-01"))
        .unwrap_or_else(|| panic!("{zh}"));
    // Suzhou's 300 datasets (23.53 per million residents) are ahead of
    // Jiangsu's 11.80 per million: 11.80 × 12.748 million residents ≈ 150.
    assert!(line.contains("≥300个"), "{line}");
    assert!(line.contains("150个（现有目标已领先）"), "{line}");
    assert!(!line.contains("23.53"), "{line}");
    let en = run(&[
        "report",
        "--subject",
        "苏州",
        "--as-of",
        "2026-06-30",
        "--lang",
        "en",
    ])
    .ok()
    .stdout;
    assert!(
        en.lines().any(|l| l.starts_with("High-quality datasets")
            && l.contains("Jiangsu")
            && l.contains("≥300")
            && l.contains("150 (its target is already ahead)")),
        "{en}"
    );
}

#[test]
fn a_gap_and_an_index_carry_typed_units() {
    use policy_targets::Lang;
    use policy_targets::index::{IndexQuery, index};
    use policy_targets::output::labels::per_unit_label;
    let catalog = Catalog::bundled().unwrap();
    let as_of = day("2026-06-30");
    let query = GapQuery::new(
        "广西",
        Benchmark::Named("江苏".to_owned()),
        "high_quality_datasets",
        as_of,
    )
    .per(Per::CAPITA);
    let g = gap(&catalog, &query).unwrap();
    assert_eq!(g.unit.per(), Per::CAPITA);
    assert_eq!(per_unit_label(g.unit, Lang::Zh), "个/百万人");
    assert_eq!(
        per_unit_label(g.unit, Lang::En),
        "number per million residents"
    );
    // The JSON keeps its string.
    let json: serde_json::Value = serde_json::from_str(&g.to_json()).unwrap();
    assert_eq!(json["unit"], "count per million residents");
    let metrics = ["high_quality_datasets", "data_annotation_volume"];
    let mut question = IndexQuery::new(metrics, as_of);
    question.per = Per::CAPITA;
    let found = index(&catalog, &question).unwrap();
    let volume = found
        .metrics
        .iter()
        .find(|m| m.id.as_str() == "data_annotation_volume")
        .unwrap();
    assert_eq!(volume.unit.to_string(), "TB per million residents");
    assert_eq!(per_unit_label(volume.unit, Lang::Zh), "TB/百万人");
}

#[test]
fn a_gap_between_targets_writes_each_amount_with_its_unit() {
    // Guizhou's 190 EFLOPS lead the provinces; Guangxi has no target.
    let zh = run(&[
        "gap",
        "广西",
        "--against",
        "leader",
        "--metric",
        "computing_power",
        "--as-of",
        "2026-06-30",
    ])
    .ok()
    .stdout;
    assert!(
        zh.starts_with("算力规模 对标（目标原值，截至 2026-06-30）\n"),
        "{zh}"
    );
    for line in [
        "对标数值  190 EFLOPS",
        "差距      190 EFLOPS",
        "判断      落后 190 EFLOPS",
    ] {
        assert!(zh.contains(line), "{line}\n{zh}");
    }
    assert!(!zh.contains("190,000"), "{zh}");
    // Shanghai's 5,000亿元, not 500,000,000,000 (yuan).
    let zh = run(&[
        "gap",
        "广西",
        "--against",
        "median",
        "--metric",
        "data_industry_scale",
        "--as-of",
        "2026-06-30",
    ])
    .ok()
    .stdout;
    assert!(zh.contains("对标数值  5,000亿元"), "{zh}");
    // A subject ahead: the gap is negative, the verdict says by how much,
    // with the measure word of the targets.
    let zh = run(&[
        "gap",
        "江苏",
        "--against",
        "100家",
        "--metric",
        "data_enterprises",
        "--as-of",
        "2026-06-30",
    ])
    .ok()
    .stdout;
    for line in [
        "对象数值  1,000家",
        "差距      -900家",
        "判断      领先 900家",
    ] {
        assert!(zh.contains(line), "{line}\n{zh}");
    }
}

#[test]
fn benchmark_gaps_are_the_gaps_asked_one_at_a_time() {
    use policy_targets::gap::benchmark_gaps;
    let catalog = catalog();
    let mut seen_own_target = false;
    for (subject, as_of) in [("320000", "2025-07-04"), ("450000", "2026-06-30")] {
        for per in [Per::CAPITA, Per::NONE] {
            let (gaps, unanswered) = benchmark_gaps(&catalog, subject, per, day(as_of)).unwrap();
            let asked = |metric: &str, benchmark: &Benchmark| {
                let mut query = GapQuery::new(subject, benchmark.clone(), metric, day(as_of));
                let dimension = catalog.metric(metric).unwrap().dimension;
                query.per = per.for_dimension(dimension);
                gap(&catalog, &query)
            };
            for g in &gaps {
                assert_eq!(asked(g.metric.as_str(), &g.benchmark_query).unwrap(), *g);
                seen_own_target |= g.subject_value.is_some();
            }
            for u in &unanswered {
                match asked(u.metric.as_str(), &u.benchmark) {
                    Err(e) => assert_eq!(e.to_string(), u.error.to_string()),
                    // A median of too few peers is answered when asked alone.
                    Ok(_) => assert!(matches!(u.error.kind(), ErrorKind::TooFewPeers { .. })),
                }
            }
            // One question per jurisdiction with a target, plus the median.
            let questions: usize = catalog
                .metrics()
                .iter()
                .map(|m| catalog.select_targets(m.id.as_str(), day(as_of)))
                .map(|t| {
                    t.iter()
                        .filter(|t| t.jurisdiction.as_str() != subject)
                        .count()
                })
                .filter(|&others| others > 0)
                .map(|others| others + 1)
                .sum();
            assert_eq!(gaps.len() + unanswered.len(), questions);
            assert!(!gaps.is_empty());
        }
    }
    assert!(seen_own_target);
}
