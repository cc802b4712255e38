//! Attainment, status, pace and ranks of targets, on invented fixture data
//! (`tests/fixtures/progress/*`). Expected values are worked out by hand in
//! the comments; rates are per year, with years = days / 365.2425, and
//! rounded to 6 places (half to even).

use policy_targets::Catalog;
use policy_targets::progress::{self, Bands, Options, Pace, Progress, ProgressRow, Status, assess};
use rust_decimal::Decimal;

use crate::util::{d, date, fixture};

fn load(name: &str) -> Catalog {
    let dir = fixture(&format!("progress/{name}"));
    Catalog::load(&dir).unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
}

fn run(name: &str, as_of: &str) -> Progress {
    progress::progress(&load(name), date(as_of), &Options::default())
}

fn row<'a>(report: &'a Progress, jurisdiction: &str, metric: &str) -> &'a ProgressRow {
    report
        .rows
        .iter()
        .find(|r| r.jurisdiction.as_str() == jurisdiction && r.metric.as_str() == metric)
        .unwrap_or_else(|| panic!("no row for {jurisdiction} {metric}"))
}

/// `(status, pace, required_rate, observed_rate, pace_ratio)` with the
/// decimals written as strings.
type Pacing = (
    Status,
    Option<Pace>,
    Option<Decimal>,
    Option<Decimal>,
    Option<Decimal>,
);

fn pacing(r: &ProgressRow) -> Pacing {
    (
        r.status,
        r.pace,
        r.required_rate,
        r.observed_rate,
        r.pace_ratio,
    )
}

fn paced(status: Status, pace: Pace, required: &str, observed: &str, ratio: &str) -> Pacing {
    (
        status,
        Some(pace),
        Some(d(required)),
        Some(d(observed)),
        Some(d(ratio)),
    )
}

fn unpaced(status: Status) -> Pacing {
    (status, None, None, None, None)
}

// ---------------------------------------------------------------------------
// Status: met, missed, no data, insufficient data (fixture `status`, assessed
// on 2026-12-31; plan period 2025/2027; year figures fall on December 31).

#[test]
fn met_at_least_reached_exactly() {
    let report = run("status", "2026-12-31");
    let r = row(&report, "met_at_least", "datasets");
    // x = 100 = T: met; progress 100 / 100 = 1; gap 100 − 100 = 0.
    assert_eq!(r.met, Some(true));
    assert_eq!(r.progress, Some(d("1")));
    assert_eq!(r.gap, Some(d("0")));
    assert_eq!(r.latest_value, Some(d("100")));
    assert_eq!(r.latest_as_of, Some(date("2026-12-31")));
    assert_eq!(pacing(r), unpaced(Status::Met));
}

#[test]
fn more_than_at_equality_is_not_met() {
    let report = run("status", "2026-12-31");
    let r = row(&report, "more_than_equal", "datasets");
    assert_eq!(r.met, Some(false));
    assert_eq!(r.progress, Some(d("1")));
    assert_eq!(r.gap, Some(d("0")));
    // 90 → 100 in 365 days: 10 × 365.2425 / 365 = 10.0066438… a year; the
    // required rate is 0 (x_t = T), so R is its limit: rising toward a
    // "more than" target is on track, and there is no ratio to show.
    assert_eq!(
        pacing(r),
        (
            Status::OnTrack,
            Some(Pace::Linear),
            Some(d("0")),
            Some(d("10.006644")),
            None
        )
    );
}

#[test]
fn a_strict_bound_figure_meets_a_strict_target_at_equality() {
    let report = run("status", "2026-12-31");
    // Reported as "more than 100" against "more than 100".
    let r = row(&report, "more_than_bound", "datasets");
    assert_eq!(r.met, Some(true));
    assert_eq!(r.status, Status::Met);
}

#[test]
fn missed() {
    let report = run("status", "2026-12-31");
    // Deadline 2026-06 ends 2026-06-30 < 2026-12-31; x = 50 < 100:
    // progress 50 / 100 = 0.5, gap 100 − 50 = 50.
    let r = row(&report, "missed_deadline", "datasets");
    assert_eq!(
        (r.met, r.progress, r.gap),
        (Some(false), Some(d("0.5")), Some(d("50")))
    );
    assert_eq!(r.deadline, date("2026-06-30"));
    assert_eq!(pacing(r), unpaced(Status::Missed));
    // The latest figure (90) is dated on the deadline's last day.
    let r = row(&report, "missed_on_deadline", "datasets");
    assert_eq!(r.latest_as_of, Some(date("2026-12-31")));
    assert_eq!(r.deadline, date("2026-12-31"));
    assert_eq!(pacing(r), unpaced(Status::Missed));
}

#[test]
fn deadline_passed_without_a_figure_is_no_data() {
    // Deadline 2026-06 ends 2026-06-30 < 2026-12-31 and no figure was ever
    // reported: nothing shows the target was not met, so no_data, not missed.
    let report = run("status", "2026-12-31");
    let r = row(&report, "passed_no_data", "datasets");
    assert_eq!(r.deadline, date("2026-06-30"));
    assert_eq!(
        (r.met, r.latest_value, r.latest_as_of, r.progress, r.gap),
        (None, None, None, None, None)
    );
    assert_eq!(pacing(r), unpaced(Status::NoData));
    assert_eq!(r.rank, None);
    // Still no_data on the deadline's last day and long after it.
    for as_of in ["2026-06-30", "2030-01-01"] {
        let report = run("status", as_of);
        assert_eq!(
            row(&report, "passed_no_data", "datasets").status,
            Status::NoData,
            "{as_of}"
        );
    }
    let json = serde_json::to_string(r).unwrap();
    assert!(
        json.ends_with(r#""status":"no_data","rank":null,"projected_value":null,"projected_attainment":null,"trend":null}"#),
        "{json}"
    );
}

#[test]
fn no_data() {
    let report = run("status", "2026-12-31");
    // Its only figure is for 2027-06, after the as-of date.
    let r = row(&report, "no_data", "datasets");
    assert_eq!(
        (r.latest_value, r.latest_as_of, r.progress, r.gap, r.met),
        (None, None, None, None, None)
    );
    assert_eq!(pacing(r), unpaced(Status::NoData));
    assert_eq!(r.rank, None);
    // A year later the figure is known: 100 ≥ 100.
    let report = run("status", "2027-06-30");
    assert_eq!(row(&report, "no_data", "datasets").status, Status::Met);
}

#[test]
fn insufficient_data() {
    let report = run("status", "2026-12-31");
    // One figure: progress 60 / 100 = 0.6, no pace.
    let r = row(&report, "single_figure", "datasets");
    assert_eq!((r.progress, r.gap), (Some(d("0.6")), Some(d("40"))));
    assert_eq!(pacing(r), unpaced(Status::InsufficientData));
    // 2024-12-31 lies before the period start 2025-01-01: one figure in the
    // period. Attainment still uses the latest figure.
    let r = row(&report, "before_period", "datasets");
    assert_eq!(r.progress, Some(d("0.6")));
    assert_eq!(pacing(r), unpaced(Status::InsufficientData));
}

#[test]
fn the_baseline_is_the_first_point() {
    let report = run("status", "2026-12-31");
    let r = row(&report, "baseline_start", "datasets");
    // progress (60 − 20) / (100 − 20) = 0.5; gap 100 − 60 = 40.
    assert_eq!((r.progress, r.gap), (Some(d("0.5")), Some(d("40"))));
    // Baseline 20 at 2024-12-31 → 60 at 2026-12-31 (730 days):
    // observed 40 × 365.2425 / 730 = 20.0132877; required 40 in the 365 days
    // to 2027-12-31: 40 × 365.2425 / 365 = 40.0265753;
    // R = 40·365 / (40·730) = 0.5 → limited_progress.
    assert_eq!(
        pacing(r),
        paced(
            Status::LimitedProgress,
            Pace::Linear,
            "40.026575",
            "20.013288",
            "0.5"
        )
    );
}

#[test]
fn same_day_figures_the_later_entry_wins() {
    let report = run("status", "2026-12-31");
    let r = row(&report, "same_day_revision", "datasets");
    assert_eq!(r.latest_value, Some(d("70")));
    // 40 → 70 observed, 70 → 100 required, 365 days each: 30 × 365.2425 / 365
    // = 30.0199315 both; R = 1.
    assert_eq!(
        pacing(r),
        paced(Status::OnTrack, Pace::Linear, "30.019932", "30.019932", "1")
    );
}

#[test]
fn a_range_exceeded_aims_at_its_upper_bound() {
    let report = run("status", "2026-12-31");
    let r = row(&report, "range_above", "datasets");
    // Range 3–5, x = 6: not met; target_value is the lower bound, so
    // gap 3 − 6 = −3 and progress 6 / 3 = 2.
    assert_eq!(
        (r.met, r.target_value, r.gap, r.progress),
        (Some(false), d("3"), Some(d("-3")), Some(d("2")))
    );
    // 7 → 6 observed, 6 → 5 (the upper bound) required: −1 × 365.2425 / 365
    // = −1.0006644 both; R = 1.
    assert_eq!(
        pacing(r),
        paced(Status::OnTrack, Pace::Linear, "-1.000664", "-1.000664", "1")
    );
}

// ---------------------------------------------------------------------------
// Linear pace at the band edges (fixture `linear`, assessed on 2027-06-30).
// x_0 at 2025-12-31, x_t at 2026-12-31, deadline 2027-12-31: 365 days each
// side, so R = (x_t − x_0) / (T − x_t) exactly, and each rate is
// Δ × 365.2425 / 365.

#[test]
fn linear_band_edges() {
    let report = run("linear", "2027-06-30");
    let cases = [
        // (61 → 80, aim 100): required 20 × 1.000664384 = 20.0132877,
        // observed 19 × 1.000664384 = 19.0126233, R = 19/20 = 0.95 exactly.
        (
            "edge_095",
            "datasets",
            paced(
                Status::OnTrack,
                Pace::Linear,
                "20.013288",
                "19.012623",
                "0.95",
            ),
        ),
        // (50001 → 1000000, aim 2000000): R = 949999 / 1000000 = 0.949999.
        (
            "below_095",
            "datasets",
            paced(
                Status::AccelerationNeeded,
                Pace::Linear,
                "1000664.383562",
                "950630.163719",
                "0.949999",
            ),
        ),
        // (84 → 90, aim 100): R = 6/10 = 0.6 exactly.
        (
            "edge_060",
            "datasets",
            paced(
                Status::AccelerationNeeded,
                Pace::Linear,
                "10.006644",
                "6.003986",
                "0.6",
            ),
        ),
        // (400001 → 1000000, aim 2000000): R = 599999 / 1000000 = 0.599999.
        (
            "below_060",
            "datasets",
            paced(
                Status::LimitedProgress,
                Pace::Linear,
                "1000664.383562",
                "600397.629473",
                "0.599999",
            ),
        ),
        // (50 → 50, aim 100): R = 0 exactly.
        (
            "edge_000",
            "datasets",
            paced(Status::LimitedProgress, Pace::Linear, "50.033219", "0", "0"),
        ),
        // (60 → 50, aim 100): R = −10 / 50 = −0.2.
        (
            "negative",
            "datasets",
            paced(
                Status::MovingAway,
                Pace::Linear,
                "50.033219",
                "-10.006644",
                "-0.2",
            ),
        ),
        // Lower is better, at most 50 %: (89 → 70): R = −19 / −20 = 0.95.
        (
            "lower_edge_095",
            "error_rate",
            paced(
                Status::OnTrack,
                Pace::Linear,
                "-20.013288",
                "-19.012623",
                "0.95",
            ),
        ),
        // (60 → 70, aim 50): R = 10 / −20 = −0.5.
        (
            "lower_negative",
            "error_rate",
            paced(
                Status::MovingAway,
                Pace::Linear,
                "-20.013288",
                "10.006644",
                "-0.5",
            ),
        ),
    ];
    for (jurisdiction, metric, expected) in cases {
        let r = row(&report, jurisdiction, metric);
        assert_eq!(pacing(r), expected, "{jurisdiction}");
        assert_eq!(r.met, Some(false), "{jurisdiction}");
    }
    // Attainment of a few: 80 / 100 = 0.8, gap 100 − 80 = 20. Lower is
    // better without a baseline has no progress (70 / 50 = 1.4 would be
    // meaningless), but still a gap, 50 − 70 = −20, and a pace (above).
    let r = row(&report, "edge_095", "datasets");
    assert_eq!((r.progress, r.gap), (Some(d("0.8")), Some(d("20"))));
    let r = row(&report, "lower_edge_095", "error_rate");
    assert_eq!((r.progress, r.gap), (None, Some(d("-20"))));
    assert_eq!(r.unit.to_string(), "percent");
    assert_eq!(r.rank, None);
}

// ---------------------------------------------------------------------------
// Progress by polarity (fixture `polarity`, assessed on 2026-12-31; the
// figures are in its observations.csv; plan period 2025/2027, deadline
// 2027-12-31 unless stated; year figures fall on December 31, so the
// figures of 2025 and 2026 are 365 days apart, as are 2026 and the deadline,
// and a 2024 baseline is 730 days before 2026-12-31).

#[test]
fn higher_is_better_measures_from_the_baseline_or_zero() {
    let report = run("polarity", "2026-12-31");
    // No baseline, b = 0: progress (70 − 0) / (100 − 0) = 0.7; gap 30.
    // Pace 40 → 70 observed, 70 → 100 required, 365 days each:
    // 30 × 365.2425 / 365 = 30.0199315 both, R = 30 / 30 = 1.
    let r = row(&report, "higher_no_baseline", "datasets");
    assert_eq!(
        (r.progress, r.gap, r.met),
        (Some(d("0.7")), Some(d("30")), Some(false))
    );
    assert_eq!(
        pacing(r),
        paced(Status::OnTrack, Pace::Linear, "30.019932", "30.019932", "1")
    );
    // Baseline 20: progress (60 − 20) / (100 − 20) = 40 / 80 = 0.5; gap 40.
    // Pace from the baseline (2024-12-31, earlier than the 2025 figure):
    // observed 40 × 365.2425 / 730 = 20.0132877, required
    // 40 × 365.2425 / 365 = 40.0265753, R = 40·365 / (40·730) = 0.5.
    let r = row(&report, "higher_baseline", "datasets");
    assert_eq!(
        (r.progress, r.gap, r.met),
        (Some(d("0.5")), Some(d("40")), Some(false))
    );
    assert_eq!(
        pacing(r),
        paced(
            Status::LimitedProgress,
            Pace::Linear,
            "40.026575",
            "20.013288",
            "0.5"
        )
    );
}

#[test]
fn lower_is_better_needs_a_baseline_for_progress() {
    let report = run("polarity", "2026-12-31");
    // No baseline: no progress; gap 50 − 65 = −15, not met (65 > 50).
    // The pace needs no baseline: 80 → 65 observed, 65 → 50 required,
    // 365 days each: −15 × 365.2425 / 365 = −15.0099658 both, R = 1.
    let r = row(&report, "lower_no_baseline", "error_rate");
    assert_eq!(
        (r.progress, r.gap, r.met),
        (None, Some(d("-15")), Some(false))
    );
    assert_eq!(
        pacing(r),
        paced(
            Status::OnTrack,
            Pace::Linear,
            "-15.009966",
            "-15.009966",
            "1"
        )
    );
    // Baseline 90: progress (b − x) / (b − T) = (90 − 70) / (90 − 50)
    // = 20 / 40 = 0.5; gap 50 − 70 = −20. Pace from the baseline
    // (2024-12-31): observed −20 × 365.2425 / 730 = −10.0066438, required
    // −20 × 365.2425 / 365 = −20.0132877, R = (−20·365) / (−20·730) = 0.5.
    let r = row(&report, "lower_baseline", "error_rate");
    assert_eq!(
        (r.progress, r.gap, r.met),
        (Some(d("0.5")), Some(d("-20")), Some(false))
    );
    assert_eq!(
        pacing(r),
        paced(
            Status::LimitedProgress,
            Pace::Linear,
            "-20.013288",
            "-10.006644",
            "0.5"
        )
    );
    // Met without a baseline: 40 ≤ 50; gap 50 − 40 = 10; no progress.
    let r = row(&report, "lower_met_no_baseline", "error_rate");
    assert_eq!(
        (r.progress, r.gap, r.met),
        (None, Some(d("10")), Some(true))
    );
    assert_eq!(pacing(r), unpaced(Status::Met));
    // Met from a baseline of 90: (90 − 40) / (90 − 50) = 50 / 40 = 1.25.
    let r = row(&report, "lower_met_baseline", "error_rate");
    assert_eq!(
        (r.progress, r.gap, r.met),
        (Some(d("1.25")), Some(d("10")), Some(true))
    );
    assert_eq!(pacing(r), unpaced(Status::Met));
    // Deadline 2026-06-30 passed at 60 > 50: missed, gap 50 − 60 = −10, and
    // still no progress.
    let r = row(&report, "lower_passed_no_baseline", "error_rate");
    assert_eq!(
        (r.progress, r.gap, r.met),
        (None, Some(d("-10")), Some(false))
    );
    assert_eq!(pacing(r), unpaced(Status::Missed));
}

#[test]
fn rows_without_progress_are_unranked() {
    let report = run("polarity", "2026-12-31");
    let rows: Vec<(&str, Option<Decimal>, Option<u32>)> = report
        .rows
        .iter()
        .map(|r| (r.jurisdiction.as_str(), r.progress, r.rank))
        .collect();
    let p = |s: &str| Some(d(s));
    assert_eq!(
        rows,
        [
            ("higher_no_baseline", p("0.7"), Some(1)),
            ("higher_baseline", p("0.5"), Some(2)),
            // 1.25 before 0.5; the three lower-is-better rows without a
            // baseline have no progress: unranked, by code.
            ("lower_met_baseline", p("1.25"), Some(1)),
            ("lower_baseline", p("0.5"), Some(2)),
            ("lower_met_no_baseline", None, None),
            ("lower_no_baseline", None, None),
            ("lower_passed_no_baseline", None, None),
        ]
    );
}

#[test]
fn the_streaming_engine_agrees_on_polarity() {
    // progress_folder reads observations.csv as a stream; Catalog::load
    // keeps its rows. Both give the same rows.
    let dir = fixture("progress/polarity");
    let as_of = date("2026-12-31");
    let (_, streamed) = progress::progress_folder(&dir, as_of, &Options::default()).unwrap();
    assert_eq!(streamed, run("polarity", "2026-12-31"));
    let r = row(&streamed, "lower_no_baseline", "error_rate");
    assert_eq!((r.progress, r.status), (None, Status::OnTrack));
}

// ---------------------------------------------------------------------------
// Compound pace at the band edges (fixture `compound`, assessed on
// 2027-06-30). x_0 = 1 PB = 1000 TB at 2025-12-31, T = 2 PB = 2000 TB,
// x_t at 2026-12-31, deadline 2027-12-31; e = 365.2425 / 365 and
// R = ((x_t / 1000)^e − 1) / ((2000 / x_t)^e − 1). No such R is an exact
// decimal, so each edge is approached from both sides by a hair (R from
// 60-digit arithmetic in the comments): the status shows the side, the rounded
// ratio the edge.

#[test]
fn compound_band_edges() {
    let report = run("compound", "2027-06-30");
    let cases = [
        // x_t = 1403.6328 TB: R = 0.950000411… ≥ 0.95.
        (
            "edge_095",
            paced(
                Status::OnTrack,
                Pace::Compound,
                "0.425209",
                "0.403949",
                "0.95",
            ),
        ),
        // x_t = 1403.6327 TB: R = 0.949999948… < 0.95, rounding to 0.95 too.
        (
            "below_095",
            paced(
                Status::AccelerationNeeded,
                Pace::Compound,
                "0.425209",
                "0.403949",
                "0.95",
            ),
        ),
        // x_t = 1313.5630 TB: R = 0.600000039… ≥ 0.60.
        (
            "edge_060",
            paced(
                Status::AccelerationNeeded,
                Pace::Compound,
                "0.523002",
                "0.313801",
                "0.6",
            ),
        ),
        // x_t = 1313.5629 TB: R = 0.599999714… < 0.60.
        (
            "below_060",
            paced(
                Status::LimitedProgress,
                Pace::Compound,
                "0.523002",
                "0.313801",
                "0.6",
            ),
        ),
        // x_t = 1000 TB: observed 1^e − 1 = 0 exactly, required
        // 2^e − 1 = 1.0009212…, R = 0 exactly.
        (
            "edge_000",
            paced(
                Status::LimitedProgress,
                Pace::Compound,
                "1.000921",
                "0",
                "0",
            ),
        ),
        // x_t = 900 TB: observed 0.9^e − 1 = −0.1000630, required
        // (20/9)^e − 1 = 1.2234015, R = −0.0817908….
        (
            "negative",
            paced(
                Status::MovingAway,
                Pace::Compound,
                "1.223401",
                "-0.100063",
                "-0.081791",
            ),
        ),
    ];
    for (jurisdiction, expected) in cases {
        let r = row(&report, jurisdiction, "annotation_volume");
        assert_eq!(pacing(r), expected, "{jurisdiction}");
    }
    // Values are canonical (TB) whatever unit they were written in.
    let r = row(&report, "edge_095", "annotation_volume");
    assert_eq!(r.unit.to_string(), "TB");
    assert_eq!(r.target_value, d("2000"));
    assert_eq!(r.latest_value, Some(d("1403.6328")));
    // 1403.6328 / 2000 = 0.7018164 → 0.701816; gap 2000 − 1403.6328.
    assert_eq!(
        (r.progress, r.gap),
        (Some(d("0.701816")), Some(d("596.3672")))
    );
}

#[test]
fn compound_for_money_and_linear_from_zero() {
    let report = run("compound", "2027-06-30");
    // 100亿元 → 121亿元 → aim 146.41亿元: ×1.21 observed and required over
    // 365 days each; the same computation both sides, so R = 1 exactly.
    // 1.21^e − 1 = 0.2101533…
    let r = row(&report, "money_same_factor", "digital_output");
    assert_eq!(
        pacing(r),
        paced(Status::OnTrack, Pace::Compound, "0.210153", "0.210153", "1")
    );
    assert_eq!(r.unit.to_string(), "CNY");
    assert_eq!(r.gap, Some(d("2541000000")));
    // 12100000000 / 14641000000 = 0.82644628… → 0.826446.
    assert_eq!(r.progress, Some(d("0.826446")));
    // A data volume starting from 0 TB cannot grow by a factor: linear.
    // 0 → 500 → aim 1000: 500 × 365.2425 / 365 = 500.3321918 both; R = 1.
    let r = row(&report, "from_zero", "annotation_volume");
    assert_eq!(
        pacing(r),
        paced(
            Status::OnTrack,
            Pace::Linear,
            "500.332192",
            "500.332192",
            "1"
        )
    );
}

#[test]
fn bands_and_decimals_are_options() {
    let catalog = load("linear");
    let target = catalog
        .targets()
        .iter()
        .find(|t| t.id.as_str() == "edge_095_t")
        .unwrap();
    let as_of = date("2027-06-30");
    // Stricter bands: R = 0.95 now needs acceleration.
    let options = Options {
        bands: Bands {
            on_track: d("1"),
            ..Bands::default()
        },
        decimals: 2,
        ..Options::default()
    };
    let r = assess(&catalog, target, as_of, &options);
    assert_eq!(r.status, Status::AccelerationNeeded);
    // 20.0132877 → 20.01, 19.0126233 → 19.01 at two places.
    assert_eq!(
        (r.required_rate, r.observed_rate),
        (Some(d("20.01")), Some(d("19.01")))
    );
    // assess alone does not rank.
    assert_eq!(r.rank, None);
}

// ---------------------------------------------------------------------------
// Ranks and order (fixture `ranking`, assessed on 2026-12-31; metrics listed
// datasets, error_rate, annotation_volume).

#[test]
fn ranks_and_row_order() {
    let report = run("ranking", "2026-12-31");
    assert_eq!(report.as_of, date("2026-12-31"));
    let rows: Vec<(&str, &str, Option<Decimal>, Option<u32>)> = report
        .rows
        .iter()
        .map(|r| {
            (
                r.metric.as_str(),
                r.jurisdiction.as_str(),
                r.progress,
                r.rank,
            )
        })
        .collect();
    let p = |s: &str| Some(d(s));
    assert_eq!(
        rows,
        [
            // 0.8 and 0.8 share rank 1 (ordered by code), 0.5 is 3rd (2 is
            // skipped), 0.3 4th; no figure: unranked, last.
            ("datasets", "320000", p("0.8"), Some(1)),
            ("datasets", "330000", p("0.8"), Some(1)),
            ("datasets", "110000", p("0.5"), Some(3)),
            ("datasets", "120000", p("0.3"), Some(4)),
            ("datasets", "310000", None, None),
            // Lower is better, from a baseline of 80 %: (56 − 80) / (50 − 80)
            // = 0.8 ranks above (65 − 80) / (50 − 80) = 0.5.
            ("error_rate", "120000", p("0.8"), Some(1)),
            ("error_rate", "110000", p("0.5"), Some(2)),
            // 500 TB of 1 PB = 0.5; 0.2 PB of 2000 TB = 0.1.
            ("annotation_volume", "110000", p("0.5"), Some(1)),
            ("annotation_volume", "320000", p("0.1"), Some(2)),
        ]
    );
}

#[test]
fn targets_not_yet_published_are_left_out() {
    // The fixtures' sources are published on 2025-01-15.
    assert!(run("ranking", "2025-01-14").rows.is_empty());
    assert_eq!(run("ranking", "2025-01-15").rows.len(), 9);
}

#[test]
fn json_follows_the_contract() {
    let report = run("linear", "2027-06-30");
    let json = serde_json::to_string(&report).unwrap();
    assert!(
        json.starts_with(r#"{"as_of":"2027-06-30","rows":[{"target_id":"#),
        "{json}"
    );
    let r = row(&report, "edge_095", "datasets");
    let one = serde_json::to_string(r).unwrap();
    assert_eq!(
        one,
        concat!(
            r#"{"target_id":"edge_095_t","jurisdiction":"edge_095","metric":"datasets","#,
            r#""comparator":"at_least","target_value":100,"unit":"count","deadline":"2027-12-31","#,
            r#""latest_value":80,"latest_as_of":"2026-12-31","progress":0.8,"gap":20,"met":false,"#,
            r#""pace":"linear","required_rate":20.013288,"observed_rate":19.012623,"#,
            r#""pace_ratio":0.95,"status":"on_track","rank":2,"projected_value":99,"#,
            r#""projected_attainment":null,"trend":{"fit":"linear","figures":2,"#,
            r#""first":"2025-12-31","rate":19.012623,"r_squared":1,"#,
            r#""fallback":null}}"#
        )
    );
    // The trend through 61 and 80 a year apart reaches 80 + 19 = 99 a year
    // later, at the deadline: short of 100, so no day of attainment.
    // Unknown values are null.
    let report = run("status", "2026-12-31");
    let none = serde_json::to_string(row(&report, "no_data", "datasets")).unwrap();
    assert!(
        none.contains(r#""latest_value":null,"latest_as_of":null,"progress":null"#),
        "{none}"
    );
    assert!(
        none.ends_with(r#""status":"no_data","rank":null,"projected_value":null,"projected_attainment":null,"trend":null}"#),
        "{none}"
    );
}

#[test]
fn a_progress_report_without_rows_says_why() {
    // Before the first target of the bundled data was published.
    let zh = crate::util::run(&["progress", "--as-of", "2000-01-01"]).succeeded();
    assert!(
        zh.starts_with("目标进展（截至 2000-01-01）\n截至 2000-01-01 尚无已发布的目标（最早的于 "),
        "{zh}"
    );
    assert!(
        !zh.contains("完成度"),
        "no headings of an empty table: {zh}"
    );
    let en = crate::util::run(&["progress", "--as-of", "2000-01-01", "--lang", "en"]).succeeded();
    assert!(
        en.contains("No target was published by 2000-01-01 (the first was published on "),
        "{en}"
    );
    // Targets published, none at the level asked for.
    let zh =
        crate::util::run(&["progress", "--as-of", "2026-06-30", "--level", "group"]).succeeded();
    assert!(
        zh.contains("截至 2026-06-30，所选级别或来源等级下没有生效的目标。"),
        "{zh}"
    );
}
