//! Snapshots of what the `targets` command line does on the bundled data and
//! on the fixtures: for each case its exit code, standard output and standard
//! error (and the files it writes), one named snapshot per case in
//! `snapshots/`. They pin the behaviour of today's code, so that a change of
//! its internal layout can be shown to leave every output as it was.
//!
//! Every command that evaluates on a date gets an explicit `--as-of`, so the
//! snapshots never depend on the day they run. Paths that differ between
//! machines are written as placeholders: `[CRATE]` for the crate root and
//! `[SCRATCH]` for a case's temporary folder.

use std::path::Path;

use policy_targets::Catalog;
use policy_targets::schema::Contract;

use crate::util::{Cli, Run, TempDir, cli, fixture, folder_listing, manifest_dir, run};

/// The date the bundled data is evaluated on.
const AS_OF: &str = "2026-06-30";

/// The date the progress fixtures are assessed on (the one their tests use).
const FIXTURE_AS_OF: &str = "2026-12-31";

/// The metrics the bundled data has targets for.
const RANKED_METRICS: &[&str] = &[
    "high_quality_datasets",
    "data_annotation_volume",
    "open_data_catalogues",
    "typical_data_products",
    "registered_data_products",
    "data_industry_innovation_consortia",
    "data_enterprise_application_cases",
    "above_scale_data_enterprises",
    "data_industry_public_service_platforms",
    "advanced_storage_share",
    "big_data_industry_demonstration_benchmarks",
    "brand_data_enterprises",
    "brand_data_products",
    "computing_power",
    "data_application_scenarios",
    "data_enabled_innovative_applications",
    "data_enterprises",
    "data_industry_business_entities",
    "data_industry_growth_rate",
    "data_industry_scale",
    "data_industry_service_platforms",
    "data_merchant_enterprises",
    "data_opening_pilot_projects",
    "data_space_solutions",
    "digital_economy_core_value_added",
    "high_level_data_merchants",
    "intelligent_computing_power",
    "intelligent_computing_share",
    "national_benchmark_trusted_data_spaces",
    "on_exchange_data_trading_volume",
    "provincial_model_trusted_data_spaces",
    "regional_trusted_data_spaces",
    "storage_capacity",
    "trusted_data_spaces",
];

const FORMATS: &[&str] = &["table", "json", "csv"];

/// The names `targets schema` takes.
const SCHEMAS: &[&str] = &[
    "export", "rank", "gap", "progress", "extract", "list", "index",
];

/// The text of a snapshot: the command, its exit code, standard output and
/// standard error, with the paths of the crate and of `scratch` replaced.
fn transcript(args: &[&str], run: &Run, scratch: Option<&Path>) -> String {
    let text = format!(
        "$ targets {}\nexit code: {}\n--- stdout\n{}--- stderr\n{}--- end\n",
        args.join(" "),
        run.code
            .map_or("none (killed)".to_owned(), |c| c.to_string()),
        run.stdout,
        run.stderr
    );
    placeholders(&text, scratch)
}

/// `text` with the scratch folder written `[SCRATCH]` and the crate root
/// `[CRATE]` (the scratch folder first: it may lie inside the crate).
fn placeholders(text: &str, scratch: Option<&Path>) -> String {
    let mut text = text.to_owned();
    if let Some(dir) = scratch {
        text = text.replace(&dir.display().to_string(), "[SCRATCH]");
    }
    text.replace(&manifest_dir().display().to_string(), "[CRATE]")
}

/// Runs `command` (whose arguments are `args`) and snapshots its transcript
/// as `name`.
fn snapshot_run(name: &str, args: &[&str], command: Cli) {
    let run = command.run().forward_slashes();
    insta::assert_snapshot!(name, transcript(args, &run, None));
}

/// Runs `targets args` from the crate root and snapshots it as `name`.
fn snapshot(name: &str, args: &[&str]) {
    snapshot_run(name, args, cli(args));
}

/// `args` followed by `--format format`, with ` --lang en` when `english`.
fn with_format<'a>(args: &[&'a str], format: &'a str, english: bool) -> Vec<&'a str> {
    let mut all = args.to_vec();
    all.extend(["--format", format]);
    if english {
        all.extend(["--lang", "en"]);
    }
    all
}

/// Snapshots `args` in every format (`<name>_table`, `<name>_json`,
/// `<name>_csv`) and the table in English (`<name>_table_en`).
fn snapshot_formats(name: &str, args: &[&str]) {
    for format in FORMATS {
        snapshot(
            &format!("{name}_{format}"),
            &with_format(args, format, false),
        );
    }
    snapshot(
        &format!("{name}_table_en"),
        &with_format(args, "table", true),
    );
}

#[test]
fn report_in_chinese_and_english() {
    // Chinese is the default whatever the locale says.
    let zh = ["report", "--as-of", AS_OF];
    snapshot_run(
        "report_zh",
        &zh,
        cli(zh)
            .env("LANG", "en_US.UTF-8")
            .env("LC_ALL", "en_US.UTF-8"),
    );
    snapshot("report_en", &["report", "--as-of", AS_OF, "--lang", "en"]);
}

#[test]
fn report_as_an_html_page() {
    for lang in ["zh", "en"] {
        let scratch = TempDir::new("behaviour-html");
        let page = scratch.join("report.html");
        let page_text = page.to_str().expect("a UTF-8 temporary path");
        let args = [
            "report", "--as-of", AS_OF, "--lang", lang, "--html", page_text,
        ];
        let run = cli(args).run();
        let written = std::fs::read_to_string(&page).unwrap_or_default();
        let text = format!(
            "{}--- report.html\n{written}",
            transcript(&args, &run, Some(scratch.path()))
        );
        insta::assert_snapshot!(format!("report_html_{lang}"), text);
    }
}

/// The snapshots cover the newsletter's metrics; every other metric with a
/// target is ranked too, in every format, without a snapshot.
#[test]
fn every_metric_with_targets_is_ranked() {
    let catalog = Catalog::bundled().expect("the bundled data is valid");
    let mut with_targets: Vec<&str> = catalog
        .targets()
        .iter()
        .map(|t| t.metric.as_str())
        .collect();
    with_targets.sort_unstable();
    with_targets.dedup();
    for metric in RANKED_METRICS {
        assert!(with_targets.contains(metric), "{metric} has no target");
    }
    for metric in with_targets {
        // A share is ranked as it is; the others per capita.
        let share = catalog
            .metric(metric)
            .is_some_and(|m| m.dimension == policy_targets::Dimension::Share);
        let per = if share { "none" } else { "capita" };
        for format in FORMATS {
            let args = [
                "rank",
                metric,
                "--per",
                per,
                "--as-of",
                "2026-06-30",
                "--format",
                format,
            ];
            let out = run(&args).succeeded();
            assert!(!out.trim().is_empty(), "rank {metric} --format {format}");
        }
        if share {
            let refused = run(&["rank", metric, "--per", "capita"]).fails_with(2);
            assert!(refused.contains("是比例（%）"), "{refused}");
        }
    }
}

#[test]
fn rank_every_metric_raw_and_per_capita() {
    for metric in RANKED_METRICS {
        for per in ["none", "capita"] {
            let args = ["rank", metric, "--per", per, "--as-of", AS_OF];
            snapshot_formats(&format!("rank_{metric}_{per}"), &args);
        }
    }
}

#[test]
fn rank_per_capita_and_year_and_by_level() {
    let cases: [(&str, &[&str]); 3] = [
        (
            "rank_high_quality_datasets_capita_year",
            &["rank", "high_quality_datasets", "--per", "capita,year"],
        ),
        (
            "rank_high_quality_datasets_prefecture",
            &["rank", "high_quality_datasets", "--level", "prefecture"],
        ),
        // The metric by its Chinese name, both options at once.
        (
            "rank_by_name_capita_year_prefecture",
            &[
                "rank",
                "高质量数据集",
                "--per",
                "capita,year",
                "--level",
                "prefecture",
            ],
        ),
    ];
    for (name, args) in cases {
        let args = [args, &["--as-of", AS_OF]].concat();
        snapshot_formats(name, &args);
    }
}

#[test]
fn gap_cases_of_the_readme() {
    let common = [
        "--metric",
        "high_quality_datasets",
        "--per",
        "capita",
        "--as-of",
        AS_OF,
    ];
    let cases: [(&str, &[&str]); 4] = [
        ("gap_guangxi_jiangsu", &["--against", "江苏"]),
        (
            "gap_guangxi_province_median",
            &["--against", "median", "--peers", "province"],
        ),
        ("gap_guangxi_province_p75", &["--against", "p75"]),
        (
            "gap_guangxi_median_of_two",
            &["--against", "median", "--peers", "江苏,湖南"],
        ),
    ];
    for (name, against) in cases {
        let args = [&["gap", "广西"], against, &common[..]].concat();
        snapshot_formats(name, &args);
    }
}

#[test]
fn progress_on_the_bundled_data() {
    snapshot_formats("progress", &["progress", "--as-of", AS_OF]);
    snapshot_formats(
        "progress_prefecture",
        &["progress", "--level", "prefecture", "--as-of", AS_OF],
    );
}

#[test]
fn progress_on_the_fixture_folders() {
    let folders = folder_listing(&fixture("progress"));
    assert!(folders.len() >= 5, "{folders:?}");
    for folder in folders {
        let data = format!("tests/fixtures/progress/{folder}");
        let args = ["progress", "--data", &data, "--as-of", FIXTURE_AS_OF];
        for format in FORMATS {
            let args = with_format(&args, format, false);
            snapshot(&format!("progress_fixture_{folder}_{format}"), &args);
        }
    }
}

#[test]
fn export_as_json_and_csv() {
    snapshot("export_json", &["export", "--format", "json"]);
    snapshot("export_csv", &["export", "--format", "csv"]);
}

#[test]
fn export_as_a_data_package() {
    let scratch = TempDir::new("behaviour-package");
    let dir = scratch.join("package");
    let dir_text = dir.to_str().expect("a UTF-8 temporary path");
    let args = ["export", "--format", "datapackage", dir_text];
    let run = cli(args).run();
    insta::assert_snapshot!(
        "export_datapackage",
        transcript(&args, &run, Some(scratch.path()))
    );
    let files = folder_listing(&dir);
    assert_eq!(
        files,
        [
            "datapackage.json",
            "jurisdictions.csv",
            "metrics.csv",
            "records.csv",
            "sources.csv"
        ]
    );
    for file in files {
        let text = std::fs::read_to_string(dir.join(&file)).expect("a UTF-8 file");
        let name = format!("export_datapackage_{}", file.replace('.', "_"));
        insta::assert_snapshot!(name, placeholders(&text, Some(scratch.path())));
    }
}

#[test]
fn extract_from_the_newsletter() {
    let file = "tests/fixtures/newsletter_2025_05.txt";
    snapshot("extract_newsletter_default", &["extract", file]);
    snapshot(
        "extract_newsletter_toml",
        &["extract", file, "--format", "toml"],
    );
    snapshot(
        "extract_newsletter_toml_en",
        &["extract", file, "--format", "toml", "--lang", "en"],
    );
    snapshot(
        "extract_newsletter_json",
        &["extract", file, "--format", "json"],
    );
}

#[test]
fn validate_the_bundled_and_the_good_data() {
    snapshot("validate_bundled", &["validate"]);
    for folder in folder_listing(&fixture("good")) {
        let data = format!("tests/fixtures/good/{folder}");
        snapshot(
            &format!("validate_good_{folder}"),
            &["validate", "--data", &data],
        );
    }
}

#[test]
fn validate_bad_folders() {
    // The operating system's words for a missing file or a file read as a
    // folder differ between systems: they become `[os error]`.
    let os_errors: Vec<String> = [
        std::fs::read(fixture("bad/missing_metrics_file/metrics.toml")).map(drop),
        std::fs::read_dir(fixture("bad/sources_is_a_file/sources")).map(drop),
    ]
    .into_iter()
    .map(|r| r.expect_err("the fixture cannot be read").to_string())
    .collect();
    let folders = folder_listing(&fixture("bad"));
    assert!(folders.len() > 70, "{folders:?}");
    for folder in folders {
        let data = format!("tests/fixtures/bad/{folder}");
        let args = ["validate", "--lang", "en", "--data", &data];
        let mut run = cli(args).run().forward_slashes();
        for message in &os_errors {
            run.stderr = run.stderr.replace(message, "[os error]");
        }
        insta::assert_snapshot!(
            format!("validate_bad_{folder}"),
            transcript(&args, &run, None)
        );
    }
}

#[test]
fn every_schema() {
    assert_eq!(SCHEMAS.len(), Contract::ALL.len());
    for name in SCHEMAS {
        snapshot(&format!("schema_{name}"), &["schema", name]);
    }
}
