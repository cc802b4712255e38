//! Composite indices (`targets index`): hand-checked scores and ranks on a
//! small data folder for every scaling and aggregation, the coverage rule
//! and weights; the uncertainty analysis's determinism; the command line
//! end to end, in every format; and bad input, each a clear usage error.

use policy_targets::index::{Aggregation, Index, IndexQuery, Scaling, index};
use policy_targets::schema::{Contract, schema};
use policy_targets::{Catalog, Level};

use crate::util::{TempDir, cli, d, date};

const JURISDICTIONS: &str = r#"
[[jurisdiction]]
code = "110000"
name_zh = "甲省"
name_en = "Alpha"
level = "province"

[[jurisdiction]]
code = "120000"
name_zh = "乙省"
name_en = "Beta"
level = "province"

[[jurisdiction]]
code = "130000"
name_zh = "丙省"
name_en = "Gamma"
level = "province"

[[jurisdiction]]
code = "140000"
name_zh = "丁省"
name_en = "Delta"
level = "province"
"#;

const METRICS: &str = r#"
[[metric]]
id = "datasets"
name_zh = "数据集"
name_en = "Datasets"
dimension = "count"
polarity = "higher_is_better"
basis = "stock"

[[metric]]
id = "incidents"
name_zh = "安全事件"
name_en = "Incidents"
dimension = "count"
polarity = "lower_is_better"
basis = "stock"

[[metric]]
id = "compute"
name_zh = "算力"
name_en = "Compute"
dimension = "compute"
polarity = "higher_is_better"
basis = "stock"
"#;

/// The targets of the example: datasets (more is better) for all four,
/// incidents (fewer is better) for three of them, no compute target.
///
/// | code   | datasets | incidents |
/// |--------|----------|-----------|
/// | 110000 | 100      | 10        |
/// | 120000 | 400      | 20        |
/// | 130000 | 200      | 50        |
/// | 140000 | 300      |           |
fn source() -> String {
    let mut text = String::from(
        r#"
[source]
id = "plans"
title = "Plans of the four provinces"
issuer = "Offices"
published = 2025-01-15
status = "final"
force = "plan"
"#,
    );
    let targets = [
        ("110000", "datasets", 100),
        ("120000", "datasets", 400),
        ("130000", "datasets", 200),
        ("140000", "datasets", 300),
        ("110000", "incidents", 10),
        ("120000", "incidents", 20),
        ("130000", "incidents", 50),
    ];
    for (code, metric, value) in targets {
        let comparator = if metric == "datasets" {
            "at_least"
        } else {
            "at_most"
        };
        text.push_str(&format!(
            r#"
[[target]]
id = "{metric}_{code}"
jurisdiction = "{code}"
metric = "{metric}"
comparator = "{comparator}"
value = {value}
unit = "个"
deadline = 2027
quote = "{value}个"
"#
        ));
    }
    text
}

/// The example as a data folder.
fn folder() -> TempDir {
    let dir = TempDir::new("index");
    std::fs::create_dir_all(dir.join("sources")).unwrap();
    std::fs::write(dir.join("jurisdictions.toml"), JURISDICTIONS).unwrap();
    std::fs::write(dir.join("metrics.toml"), METRICS).unwrap();
    std::fs::write(dir.join("sources/plans.toml"), source()).unwrap();
    dir
}

fn catalog() -> Catalog {
    Catalog::from_toml_files([
        ("jurisdictions.toml", JURISDICTIONS.to_owned()),
        ("metrics.toml", METRICS.to_owned()),
        ("sources/plans.toml", source()),
    ])
    .unwrap()
}

fn query() -> IndexQuery {
    IndexQuery::new(["datasets", "incidents"], date("2026-01-01"))
}

/// (code, score, rank) of each row, best first.
fn scores(answer: &Index) -> Vec<(&str, String, u32)> {
    answer
        .rows
        .iter()
        .map(|r| (r.jurisdiction.as_str(), r.score.to_string(), r.rank))
        .collect()
}

fn answer(scaling: Scaling, aggregation: Aggregation) -> Index {
    let mut q = query();
    q.scaling = scaling;
    q.aggregation = aggregation;
    index(&catalog(), &q).unwrap()
}

#[test]
fn min_max_arithmetic_by_hand() {
    // Over 110000, 120000, 130000 (140000 covers 1 of 2 metrics, fewer than
    // 2/3): datasets 100, 400, 200 → 0, 100, 33.33…; incidents, fewer is
    // better, 10, 20, 50 → 100, 75, 0. Means: 50, 87.5, 16.67.
    let answer = answer(Scaling::MinMax, Aggregation::Arithmetic);
    assert_eq!(
        scores(&answer),
        [
            ("120000", "87.5".to_owned(), 1),
            ("110000", "50".to_owned(), 2),
            ("130000", "16.666667".to_owned(), 3),
        ]
    );
    let gamma = &answer.rows[2];
    let values: Vec<(String, String, String)> = gamma
        .values
        .iter()
        .map(|v| {
            (
                v.metric.to_string(),
                v.value.to_string(),
                v.scaled.to_string(),
            )
        })
        .collect();
    assert_eq!(
        values,
        [
            (
                "datasets".to_owned(),
                "200".to_owned(),
                "33.333333".to_owned()
            ),
            ("incidents".to_owned(), "50".to_owned(), "0".to_owned()),
        ]
    );
    // Without draws the interval is the rank itself.
    assert!(
        answer
            .rows
            .iter()
            .all(|r| (r.rank_low, r.rank_median, r.rank_high) == (r.rank, r.rank, r.rank))
    );
    assert!(answer.sensitivity.is_empty());
}

#[test]
fn the_other_scalings_and_the_geometric_mean_by_hand() {
    let cases = [
        // z-scores (population standard deviation), incidents negated.
        (
            Scaling::ZScore,
            Aggregation::Arithmetic,
            ["0.864269", "-0.044232", "-0.820037"],
            ["120000", "110000", "130000"],
        ),
        // Percentile ranks: datasets 0, 100, 50; incidents 100, 50, 0.
        (
            Scaling::Rank,
            Aggregation::Arithmetic,
            ["75", "50", "25"],
            ["120000", "110000", "130000"],
        ),
        // Shares of the leader: datasets 25, 100, 50; incidents 10/x: 100, 50, 20.
        (
            Scaling::Leader,
            Aggregation::Arithmetic,
            ["75", "62.5", "35"],
            ["120000", "110000", "130000"],
        ),
        // √((1 + 100)(1 + 75)) − 1, √(1 · 101) − 1, √(34.33… · 1) − 1.
        (
            Scaling::MinMax,
            Aggregation::Geometric,
            ["86.612784", "9.049876", "4.859465"],
            ["120000", "110000", "130000"],
        ),
        // z-scores shifted so that each metric's least is 0 before the geometric mean.
        (
            Scaling::ZScore,
            Aggregation::Geometric,
            ["2.068542", "0.831227", "0.342305"],
            ["120000", "110000", "130000"],
        ),
        (
            Scaling::Rank,
            Aggregation::Geometric,
            ["70.770467", "9.049876", "6.141428"],
            ["120000", "110000", "130000"],
        ),
        (
            Scaling::Leader,
            Aggregation::Geometric,
            ["70.770467", "50.244512", "31.726136"],
            ["120000", "110000", "130000"],
        ),
    ];
    for (scaling, aggregation, expected_scores, expected_order) in cases {
        let answer = answer(scaling, aggregation);
        let got: Vec<(&str, String, u32)> = scores(&answer);
        let expected: Vec<(&str, String, u32)> = expected_order
            .iter()
            .zip(expected_scores)
            .zip(1..)
            .map(|((code, score), rank)| (*code, score.to_owned(), rank))
            .collect();
        assert_eq!(got, expected, "{scaling} {aggregation}");
    }
}

#[test]
fn weights_and_ties_by_hand() {
    // Datasets weigh 3, incidents 1: 110000 (0·3 + 100)/4 = 25, 120000
    // (300 + 75)/4 = 93.75, 130000 (100 + 0)/4 = 25: a tie, and the rank after
    // it is skipped.
    let mut q = query();
    q.weights = "datasets=3".parse().unwrap();
    let answer = index(&catalog(), &q).unwrap();
    assert_eq!(
        scores(&answer),
        [
            ("120000", "93.75".to_owned(), 1),
            ("110000", "25".to_owned(), 2),
            ("130000", "25".to_owned(), 2),
        ]
    );
    let weights: Vec<String> = answer
        .metrics
        .iter()
        .map(|m| m.weight.to_string())
        .collect();
    assert_eq!(weights, ["3", "1"]);
}

#[test]
fn the_coverage_rule_by_hand() {
    // The default 2/3 of 2 metrics asks for both: 140000 is excluded.
    let answer = index(&catalog(), &query()).unwrap();
    let excluded: Vec<(&str, String)> = answer
        .excluded
        .iter()
        .map(|e| (e.jurisdiction.as_str(), e.reason.to_string()))
        .collect();
    assert_eq!(
        excluded,
        [(
            "140000",
            "values on 1 of 2 metrics, fewer than the 2 the minimum coverage asks".to_owned()
        )]
    );
    // At 0.5 it enters, and datasets are scaled over the four: 100, 400,
    // 200, 300 → 0, 100, 33.33…, 66.67; its score is its one scaled value.
    let mut q = query();
    q.min_coverage = "0.5".parse().unwrap();
    let answer = index(&catalog(), &q).unwrap();
    assert_eq!(
        scores(&answer),
        [
            ("120000", "87.5".to_owned(), 1),
            ("140000", "66.666667".to_owned(), 2),
            ("110000", "50".to_owned(), 3),
            ("130000", "16.666667".to_owned(), 4),
        ]
    );
    let delta = &answer.rows[1];
    assert_eq!(delta.covered, 1);
    assert!(answer.excluded.is_empty());
    // A metric with no values counts in the coverage: with compute added,
    // 2 of 3 metrics still meet 2/3.
    let mut q = query();
    q.metrics.push("compute".to_owned());
    let answer = index(&catalog(), &q).unwrap();
    assert_eq!(answer.rows.len(), 3);
    assert_eq!(answer.metrics[2].jurisdictions, 0);
    assert_eq!(
        answer.excluded[0].reason.to_string(),
        "values on 1 of 3 metrics, fewer than the 2 the minimum coverage asks"
    );
}

#[test]
fn the_level_restricts_the_index() {
    let mut q = query();
    q.level = Some(Level::Prefecture);
    let err = index(&catalog(), &q).unwrap_err();
    assert_eq!(
        err.to_string(),
        "metrics: 0 of the 2 metrics have values at the prefecture level; an index needs at least 2"
    );
}

#[test]
fn draws_give_intervals_that_hold_the_rank_and_the_same_seed_the_same_answer() {
    let mut q = query();
    q.draws = 500;
    q.seed = 42;
    let first = index(&catalog(), &q).unwrap();
    let again = index(&catalog(), &q).unwrap();
    assert_eq!(first, again);
    assert_eq!(first.to_json(), again.to_json());
    for row in &first.rows {
        assert!(
            row.rank_low <= row.rank && row.rank <= row.rank_high,
            "{row:?}"
        );
        assert!(row.rank_low <= row.rank_median && row.rank_median <= row.rank_high);
    }
    // 120000 leads under every scaling and aggregation and every weight.
    assert_eq!((first.rows[0].rank_low, first.rows[0].rank_high), (1, 1));
    let inputs: Vec<&str> = first.sensitivity.iter().map(|s| s.input.as_str()).collect();
    assert_eq!(inputs, ["weights", "scaling", "aggregation"]);
    // Every scaling and aggregation keeps the order 120000, 110000, 130000,
    // so only the weights could move a rank, and ±25% cannot here.
    assert!(
        first
            .sensitivity
            .iter()
            .all(|s| s.mean_abs_rank_shift == d("0"))
    );
    assert!(first.precision.simulated_in_f64);
}

#[test]
fn the_sensitivity_table_counts_rank_shifts() {
    // With datasets weighing 3, 110000 and 130000 tie at 25 (rank 2 both).
    // Under z-scores: 110000 (3·(−1.069) + 0.981)/4 = −0.557, 130000
    // (3·(−0.267) − 1.373)/4 = −0.544: 130000 second, 110000 third, a
    // shift of 1 for one row of three; percentile ranks (3·0 + 100)/4 = 25
    // and (150 + 0)/4 = 37.5: again one shift of 1; shares of the leader
    // (75 + 100)/4 = 43.75 and (150 + 20)/4 = 42.5: 110000 second, 130000
    // third, one shift. Over the four scalings: 3 shifts / (4 · 3 rows) = 0.25.
    let mut q = query();
    q.weights = "datasets=3".parse().unwrap();
    q.draws = 50;
    let answer = index(&catalog(), &q).unwrap();
    let scaling = answer
        .sensitivity
        .iter()
        .find(|s| s.input.as_str() == "scaling")
        .unwrap();
    assert_eq!(scaling.mean_abs_rank_shift, d("0.25"));
}

#[test]
fn bad_queries_are_refused_with_the_option_named() {
    let catalog = catalog();
    let err = |q: IndexQuery| index(&catalog, &q).unwrap_err().to_string();
    let mut q = query();
    q.metrics = vec!["datasets".into(), "dataset".into()];
    assert!(err(q).starts_with("unknown metric \"dataset\" (did you mean \"datasets\"?)"));
    let mut q = query();
    q.metrics = vec!["datasets".into(), "数据集".into()];
    assert_eq!(err(q), "metrics: datasets is named twice");
    let mut q = query();
    q.weights = "compute=2".parse().unwrap();
    assert_eq!(
        err(q),
        "weights: compute is not one of the index's metrics (datasets,incidents)"
    );
    let mut q = query();
    q.metrics = vec!["datasets".into(), "compute".into()];
    assert_eq!(
        err(q),
        "metrics: 1 of the 2 metrics have values; an index needs at least 2"
    );
}

fn targets(dir: &TempDir, args: &[&str]) -> crate::util::Run {
    let mut all = vec![
        "index",
        "--data",
        dir.path().to_str().unwrap(),
        "--as-of",
        "2026-01-01",
    ];
    all.extend_from_slice(args);
    cli(all).run()
}

#[test]
fn the_command_line_in_every_format() {
    let dir = folder();
    let table = targets(
        &dir,
        &[
            "--metrics",
            "datasets,incidents",
            "--lang",
            "en",
            "--draws",
            "200",
            "--seed",
            "3",
        ],
    )
    .succeeded();
    insta::assert_snapshot!("index_table_en", table);
    let table = targets(
        &dir,
        &["--metrics", "数据集,安全事件", "--weights", "datasets=3"],
    )
    .succeeded();
    insta::assert_snapshot!("index_table_zh", table);
    let json = targets(
        &dir,
        &[
            "--metrics",
            "datasets,incidents",
            "--format",
            "json",
            "--draws",
            "100",
        ],
    )
    .json();
    insta::assert_snapshot!("index_json", serde_json::to_string_pretty(&json).unwrap());
    let schema: serde_json::Value = serde_json::from_str(&schema(Contract::Index)).unwrap();
    let validator = jsonschema::validator_for(&schema).unwrap();
    let errors: Vec<String> = validator
        .iter_errors(&json)
        .map(|e| e.to_string())
        .collect();
    assert!(errors.is_empty(), "{errors:#?}");
    let csv = targets(
        &dir,
        &[
            "--metrics",
            "datasets,incidents",
            "--format",
            "csv",
            "--min-coverage",
            "1/2",
            "--scaling",
            "rank",
            "--aggregation",
            "geometric",
        ],
    )
    .succeeded();
    insta::assert_snapshot!("index_csv", csv);
}

#[test]
fn the_same_seed_prints_the_same_bytes() {
    let dir = folder();
    let args = [
        "--metrics",
        "datasets,incidents",
        "--format",
        "json",
        "--draws",
        "300",
        "--seed",
        "9",
        "--min-coverage",
        "0.5",
    ];
    let first = targets(&dir, &args).succeeded();
    let second = targets(&dir, &args).succeeded();
    assert_eq!(first, second);
    // The thread count does not change the draws.
    let one_thread = cli([
        "index",
        "--data",
        dir.path().to_str().unwrap(),
        "--as-of",
        "2026-01-01",
    ]
    .into_iter()
    .chain(args))
    .env("RAYON_NUM_THREADS", "1")
    .run()
    .succeeded();
    assert_eq!(first, one_thread);
}

#[test]
fn bad_input_on_the_command_line_exits_2_naming_the_option() {
    let dir = folder();
    let cases: [(&[&str], &str); 7] = [
        (
            &["--metrics", "datasets,incident"],
            "--metrics: unknown metric \"incident\" (did you mean \"incidents\"?)",
        ),
        (
            &["--metrics", "datasets,compute"],
            "--metrics: 1 of the 2 metrics have values; an index needs at least 2",
        ),
        (
            &["--metrics", "datasets,incidents", "--weights", "compute=1"],
            "--weights: compute is not one of the index's metrics (datasets,incidents)",
        ),
        (
            &[
                "--metrics",
                "datasets,incidents",
                "--weights",
                "datasets=-1",
            ],
            "the weight of datasets must be a positive number, found -1",
        ),
        (
            &["--metrics", "datasets,incidents", "--weights", "datasets=0"],
            "the weight of datasets must be a positive number, found 0",
        ),
        (
            &["--metrics", "datasets,incidents", "--min-coverage", "1.5"],
            "expected a number in (0, 1]",
        ),
        (
            &["--metrics", "datasets,incidents", "--scaling", "log"],
            "expected minmax, zscore, rank or leader",
        ),
    ];
    for (args, message) in cases {
        let args: Vec<&str> = args.iter().copied().chain(["--lang", "en"]).collect();
        let stderr = targets(&dir, &args).fails_with(2);
        assert!(stderr.contains(message), "{args:?}: {stderr}");
    }
    let stderr = targets(
        &dir,
        &["--metrics", "datasets,incidents", "--min-coverage", "0"],
    )
    .fails_with(2);
    assert!(stderr.contains("--min-coverage"), "{stderr}");
    let stderr = targets(
        &dir,
        &["--metrics", "datasets,incidents", "--weights", "datasets=x"],
    )
    .fails_with(2);
    assert!(stderr.contains("--weights"), "{stderr}");
    let stderr = targets(
        &dir,
        &[
            "--metrics",
            "datasets,incidents",
            "--weights",
            "dataset=2",
            "--lang",
            "en",
        ],
    )
    .fails_with(2);
    assert_eq!(
        stderr,
        "--weights: unknown metric \"dataset\" (did you mean \"datasets\"?); expected an id or name from the metric catalogue: datasets (数据集), incidents (安全事件), compute (算力)\n"
    );
}

#[test]
fn the_provinces_index_runs_on_the_bundled_data() {
    let metrics = "high_quality_datasets,data_annotation_volume,typical_data_products,above_scale_data_enterprises";
    let args = [
        "index",
        "--metrics",
        metrics,
        "--per",
        "capita",
        "--level",
        "province",
        "--draws",
        "1000",
        "--seed",
        "1",
        "--as-of",
        "2025-07-04",
        "--format",
        "json",
    ];
    let json = cli(args).run().json();
    assert_eq!(json["level"], "province");
    assert_eq!(json["draws"], 1000);
    assert_eq!(json["precision"]["simulation"], "f64");
    for row in json["rows"].as_array().unwrap() {
        assert_eq!(row["level"], "province");
        assert!(row["rank_low"].as_u64() <= row["rank"].as_u64());
        assert!(row["rank"].as_u64() <= row["rank_high"].as_u64());
    }
    let schema: serde_json::Value = serde_json::from_str(&schema(Contract::Index)).unwrap();
    assert!(jsonschema::validator_for(&schema).unwrap().is_valid(&json));
}
