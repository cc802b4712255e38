//! How long extraction takes on the seed newsletter, with and without a
//! reused [`Extractor`].
//!
//! Run with `cargo bench --bench extract`. The baseline is the free
//! function `extract::extract`, which compiles the catalogue's place and
//! metric names on every call; the figure that matters is the ratio to it,
//! measured in the same run.

use std::hint::black_box;
use std::time::{Duration, Instant};

use policy_targets::Catalog;
use policy_targets::extract::{self, Extractor};

const NEWSLETTER: &str = include_str!("../tests/fixtures/newsletter_2025_05.txt");

/// Times `runs` calls of `f`, per call.
fn time(runs: u32, f: &mut dyn FnMut() -> usize) -> Duration {
    let start = Instant::now();
    for _ in 0..runs {
        black_box(f());
    }
    start.elapsed() / runs
}

/// The median per-call time of each task, measured in `rounds` rounds that
/// take the tasks in turn, so that a change of machine load touches all.
fn medians(rounds: usize, runs: u32, tasks: &mut [&mut dyn FnMut() -> usize]) -> Vec<Duration> {
    let mut times = vec![Vec::with_capacity(rounds); tasks.len()];
    for _ in 0..rounds {
        for (task, times) in tasks.iter_mut().zip(&mut times) {
            times.push(time(runs, *task));
        }
    }
    times
        .into_iter()
        .map(|mut t| {
            t.sort();
            t[rounds / 2]
        })
        .collect()
}

fn main() {
    let catalog = Catalog::bundled().expect("the bundled data loads");
    let quick = std::env::args().any(|arg| arg == "--quick");
    let (rounds, runs) = if quick { (3, 5) } else { (21, 20) };

    let extractor = Extractor::new(&catalog);
    let mut rebuilt = || extract::extract(black_box(NEWSLETTER), &catalog).len();
    let mut reused = || extractor.extract(black_box(NEWSLETTER)).len();
    let mut build = || {
        black_box(Extractor::new(black_box(&catalog)));
        0
    };
    let times = medians(rounds, runs, &mut [&mut rebuilt, &mut reused, &mut build]);
    let (rebuilt, reused, build) = (times[0], times[1], times[2]);

    println!(
        "newsletter: {} bytes, {} candidates",
        NEWSLETTER.len(),
        extractor.extract(NEWSLETTER).len()
    );
    println!("extract (rebuilds the matchers each call): {rebuilt:>10.2?} per call  1.00");
    println!(
        "Extractor::extract (matchers built once):  {reused:>10.2?} per call  {:.2}",
        reused.as_secs_f64() / rebuilt.as_secs_f64()
    );
    println!(
        "Extractor::new (building the matchers):    {build:>10.2?} per call  {:.2}",
        build.as_secs_f64() / rebuilt.as_secs_f64()
    );
}
