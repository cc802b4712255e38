//! How long composite indices take, with and without the uncertainty
//! analysis, at the two sizes the performance bars name:
//!
//! - 31 jurisdictions × 10 metrics, 10,000 draws (bar: under 1 second);
//! - the synthetic 3,200 counties × 50 metrics, 1,000 draws (bar: under 30
//!   seconds on 2 cores).
//!
//! Run with `cargo bench --bench index` (`-- --quick` for one round). The
//! data folders are written by `synth::write_folder` under the system's
//! temporary folder and loaded once; the times are of `index::index` only.
//! The baseline of each size is one nominal index (no draws) on the same
//! data, measured in the same run, so the ratio survives a noisy machine
//! better than the absolute figure.

use std::hint::black_box;
use std::time::{Duration, Instant};

use chrono::NaiveDate;
use policy_targets::Catalog;
use policy_targets::index::{IndexQuery, index};
use policy_targets::synth::{Spec, write_folder};

/// The median of `rounds` timed calls of `f`.
fn median(rounds: usize, f: &mut dyn FnMut() -> usize) -> Duration {
    let mut times: Vec<Duration> = (0..rounds)
        .map(|_| {
            let start = Instant::now();
            black_box(f());
            start.elapsed()
        })
        .collect();
    times.sort();
    times[rounds / 2]
}

/// A synthetic catalogue of `jurisdictions` counties × `metrics` metrics
/// (one month of figures: the index reads targets only).
fn synthetic(jurisdictions: usize, metrics: usize) -> Catalog {
    let dir = std::env::temp_dir().join(format!(
        "policy-targets-bench-index-{jurisdictions}x{metrics}-{}",
        std::process::id()
    ));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).expect("a scratch folder");
    let spec = Spec {
        jurisdictions,
        metrics,
        months: 1,
        seed: 1,
    };
    write_folder(&spec, &dir).expect("the synthetic folder is written");
    let catalog = Catalog::load_keeping(&dir, &[]).expect("the synthetic folder loads");
    let _ = std::fs::remove_dir_all(&dir);
    catalog
}

fn size(label: &str, catalog: &Catalog, metrics: usize, draws: u32, rounds: usize, bar: Duration) {
    let as_of = NaiveDate::from_ymd_opt(2025, 12, 31).expect("a date");
    let ids: Vec<String> = catalog
        .metrics()
        .iter()
        .take(metrics)
        .map(|m| m.id.to_string())
        .collect();
    let mut query = IndexQuery::new(ids, as_of);
    let nominal = median(rounds, &mut || {
        index(catalog, &query).expect("an index").rows.len()
    });
    query.draws = draws;
    query.seed = 1;
    let rows = index(catalog, &query).expect("an index").rows.len();
    let drawn = median(rounds, &mut || {
        index(catalog, &query).expect("an index").rows.len()
    });
    println!("{label}: {rows} jurisdictions in the index");
    println!("  nominal index (baseline):   {nominal:>10.2?}  1.00");
    println!(
        "  with {draws:>6} draws:         {drawn:>10.2?}  {:.2}  (bar {bar:?}: {})",
        drawn.as_secs_f64() / nominal.as_secs_f64(),
        if drawn < bar { "met" } else { "NOT met" }
    );
}

fn main() {
    let quick = std::env::args().any(|arg| arg == "--quick");
    let rounds = if quick { 1 } else { 5 };
    println!(
        "threads: {}",
        std::thread::available_parallelism().map_or(1, |n| n.get())
    );
    let small = synthetic(31, 10);
    size(
        "31 × 10 metrics",
        &small,
        10,
        10_000,
        rounds,
        Duration::from_secs(1),
    );
    let large = synthetic(3_200, 50);
    size(
        "3,200 counties × 50 metrics",
        &large,
        50,
        1_000,
        rounds.min(3),
        Duration::from_secs(30),
    );
}
