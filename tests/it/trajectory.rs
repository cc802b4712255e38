//! Trajectories: the least-squares trend through each target's figures,
//! its projected value at the deadline and the day it meets the target, on
//! invented fixture data (`tests/fixtures/progress/trajectory`, assessed on
//! 2026-06-30). Expected values are worked out by hand in the fixture's
//! comments and below.

use policy_targets::progress::{self, Fallback, Options, Progress, ProgressRow, Status};
use policy_targets::synth::{Spec, write_folder};
use policy_targets::{Catalog, Fit};

use crate::util::{TempDir, d, date, fixture, run};

const AS_OF: &str = "2026-06-30";

fn folder() -> std::path::PathBuf {
    fixture("progress/trajectory")
}

fn report(options: &Options) -> Progress {
    let catalog = Catalog::load(folder()).unwrap_or_else(|e| panic!("{e}"));
    progress::progress(&catalog, date(AS_OF), options)
}

fn row<'a>(report: &'a Progress, target: &str) -> &'a ProgressRow {
    report
        .rows
        .iter()
        .find(|r| r.target_id.as_str() == target)
        .unwrap_or_else(|| panic!("no row for {target}"))
}

#[test]
fn each_case_projects_its_hand_computed_values() {
    let report = report(&Options::default());
    let projection = |target: &str| {
        let r = row(&report, target);
        (
            r.projected_value,
            r.projected_attainment,
            r.trend.map(|t| {
                (
                    t.trajectory.fit,
                    t.trajectory.figures,
                    t.trajectory.fallback,
                )
            }),
        )
    };
    // 100 + 0.5 × 729 = 464.5; 400 on day 600.
    assert_eq!(
        projection("steady_t"),
        (
            Some(d("464.5")),
            Some(date("2026-08-24")),
            Some((Fit::Linear, 4, None))
        )
    );
    // A falling series for a higher-is-better target: 300 − 0.2 × 729.
    assert_eq!(
        projection("falling_t"),
        (Some(d("154.2")), None, Some((Fit::Linear, 3, None)))
    );
    // Two figures on one day: no trend at all.
    assert_eq!(projection("same_day_t"), (None, None, None));
    // The metric asks for a compound trend: 100 TB doubling every 365 days
    // is 1600 TB at the deadline (exactly, once rounded to 6 places) and
    // reaches 1000 TB on day 1213; the figure after the as-of date is not
    // known yet.
    assert_eq!(
        projection("doubling_t"),
        (
            Some(d("1600")),
            Some(date("2028-04-28")),
            Some((Fit::Compound, 2, None))
        )
    );
    // A zero figure: linear instead, and the trend says why.
    assert_eq!(
        projection("from_zero_t"),
        (
            Some(d("19.972603")),
            None,
            Some((Fit::Linear, 2, Some(Fallback::NonPositiveFigure)))
        )
    );
    // A flow target past its deadline: the trend at the deadline, from the
    // three figures of the period only; not met, so no day.
    assert_eq!(
        projection("overdue_t"),
        (Some(d("82.8")), None, Some((Fit::Linear, 3, None)))
    );
    assert_eq!(row(&report, "overdue_t").status, Status::Missed);
    // The trend's rate per year and R², rounded to 6 places: 0.5 a day is
    // 182.62125 a year; the points lie on the line.
    let steady = row(&report, "steady_t").trend.unwrap();
    assert_eq!(
        (steady.rate, steady.r_squared),
        (Some(d("182.62125")), Some(d("1")))
    );
}

#[test]
fn a_trend_asked_for_on_the_command_line_overrides_the_metric() {
    let linear = report(&Options {
        trend: Some(Fit::Linear),
        ..Options::default()
    });
    // 100 TB and 200 TB a year apart, linear: 100 + 100 × 1460 / 365 = 500 TB
    // at 2028-12-31; never 1000 TB.
    let doubling = row(&linear, "doubling_t");
    assert_eq!(doubling.projected_value, Some(d("500")));
    assert_eq!(doubling.projected_attainment, None);
    let compound = report(&Options {
        trend: Some(Fit::Compound),
        ..Options::default()
    });
    let steady = row(&compound, "steady_t").trend.unwrap();
    assert_eq!(steady.trajectory.fit, Fit::Compound);
    // The falling series fitted on its logarithms still falls short.
    assert_eq!(row(&compound, "falling_t").projected_attainment, None);
}

#[test]
fn the_command_line_writes_the_projection_in_every_format() {
    let dir = folder();
    let dir = dir.to_str().unwrap();
    let args = ["--data", dir, "progress", "--as-of", AS_OF];
    let json = run(&[&args[..], &["--format", "json"]].concat()).json();
    let steady = json["rows"]
        .as_array()
        .unwrap()
        .iter()
        .find(|r| r["target_id"] == "steady_t")
        .unwrap();
    assert_eq!(steady["projected_value"].to_string(), "464.5");
    assert_eq!(steady["projected_attainment"], "2026-08-24");
    assert_eq!(
        steady["trend"].to_string(),
        r#"{"fit":"linear","figures":4,"first":"2025-01-01","rate":182.62125,"r_squared":1,"fallback":null}"#
    );
    assert!(
        json["precision"]["trends"]
            .as_str()
            .unwrap()
            .contains("least squares")
    );

    let csv = run(&[&args[..], &["--format", "csv"]].concat()).succeeded();
    let header = csv.lines().next().unwrap();
    assert!(
        header
            .ends_with(",projected_value,projected_attainment,trend,trend_figures,trend_r_squared")
    );
    assert!(
        csv.lines()
            .any(|l| l.starts_with("steady_t,") && l.ends_with(",464.5,2026-08-24,linear,4,1"))
    );
    assert!(
        csv.lines()
            .any(|l| l.starts_with("same_day_t,") && l.ends_with(",,,,,"))
    );

    let zh = run(&args).succeeded();
    assert!(zh.contains("预计2026-08-24达标"), "{zh}");
    assert!(zh.contains("预计期末达 154.2"), "{zh}");
    let en = run(&[&args[..], &["--lang", "en"]].concat()).succeeded();
    assert!(en.contains("met from 2026-08-24"), "{en}");
    assert!(en.contains("154.2 by the deadline"), "{en}");

    let compound = run(&[&args[..], &["--trend", "compound", "--format", "json"]].concat()).json();
    assert!(
        compound["rows"]
            .as_array()
            .unwrap()
            .iter()
            .all(|r| r["trend"].is_null()
                || r["trend"]["fit"] == "compound"
                || r["trend"]["fallback"] == "non_positive_figure")
    );
    let bad = run(&[&args[..], &["--trend", "cubic"]].concat()).fails_with(2);
    assert!(bad.contains("cubic"), "{bad}");
}

#[test]
fn the_report_draws_a_chart_for_each_target_with_a_trend() {
    let tmp = TempDir::new("trajectory-report");
    let page = tmp.join("report.html");
    let dir = folder();
    run(&[
        "--data",
        dir.to_str().unwrap(),
        "report",
        "--subject",
        "steady",
        "--as-of",
        AS_OF,
        "--html",
        page.to_str().unwrap(),
    ])
    .ok();
    let html = std::fs::read_to_string(&page).unwrap();
    // Five of the six targets have figures on two days or more.
    assert_eq!(html.matches("<svg class=\"trajectory\"").count(), 5);
    assert!(html.contains("aria-label=\"匀速地区测试数据集趋势图\""));
    assert!(html.contains("预计2026-08-24达标"));
    assert!(html.contains("<polyline class=\"trend\""));
    // Four dots for the steady series, three for the falling one, ...
    let circles = html.matches("<circle").count();
    assert_eq!(circles, 4 + 3 + 2 + 2 + 3);
}

#[test]
fn streaming_keeps_the_sums_and_agrees_with_the_catalogue() {
    let tmp = TempDir::new("trajectory-stream");
    let spec = Spec {
        jurisdictions: 12,
        metrics: 9,
        months: 30,
        seed: 5,
    };
    let dir = tmp.join("synth");
    write_folder(&spec, &dir).unwrap();
    let catalog = Catalog::load(&dir).unwrap_or_else(|e| panic!("{e}"));
    for trend in [None, Some(Fit::Compound)] {
        let options = Options {
            trend,
            ..Options::default()
        };
        let in_memory = progress::progress(&catalog, date("2025-06-30"), &options);
        let (_, streamed) = progress::progress_folder(&dir, date("2025-06-30"), &options)
            .unwrap_or_else(|e| panic!("{e}"));
        assert!(
            in_memory.rows.iter().filter(|r| r.trend.is_some()).count() > spec.jurisdictions,
            "most targets have a trend"
        );
        // Linear sums are exact, so the rows are equal; the logarithms'
        // sums may differ in their last digit with the order of addition,
        // so compound rows are compared as written (rounded).
        if trend.is_none() {
            assert_eq!(in_memory, streamed);
        }
        assert_eq!(in_memory.to_json(), streamed.to_json());
    }
}
