//! How long extraction takes on the seed newsletter, with and without a
//! reused [`Extractor`], and on long text joined by commas without a full
//! stop.
//!
//! Run with `cargo bench --bench extract`. The baseline is the free
//! function `extract::extract`, which compiles the catalogue's place and
//! metric names on every call; the figure that matters is the ratio to it,
//! measured in the same run. For the long text, the figure that matters is
//! the time per KB at each length as a ratio to the time per KB at 50 KB:
//! near 1 when the time grows with the length, 4 or 16 at 200 KB when it
//! grows with its square or cube.
//!
//! On 2026-12-03 (a shared 2-core machine) the ratios at 50/100/200 KB were
//! 1.00/1.17/1.47 before forecast words were found once per sentence, and
//! 1.00/1.05/0.94 after. Later that day, 1.00/1.57/2.83 while words of
//! support were looked for in the rest of the sentence, and 1.00/0.98/0.99
//! with an 80-character window (660 µs per KB, against 545 µs per KB for the
//! extractor before those rules, run just after).

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

    // Long text joined by commas, never a full stop (a PDF pasted without
    // them): one sentence of thousands of clauses.
    let lengths_kb = [50, 100, 200];
    let texts: Vec<String> = lengths_kb
        .iter()
        .map(|&kb| comma_joined(kb * 1000))
        .collect();
    let mut tasks: Vec<Box<dyn FnMut() -> usize>> = texts
        .iter()
        .map(|text| {
            let extractor = &extractor;
            Box::new(move || extractor.extract(black_box(text)).len()) as Box<dyn FnMut() -> usize>
        })
        .collect();
    let mut tasks: Vec<&mut dyn FnMut() -> usize> = tasks
        .iter_mut()
        .map(|task| task.as_mut() as &mut dyn FnMut() -> usize)
        .collect();
    let (rounds, runs) = if quick { (3, 1) } else { (7, 2) };
    let times = medians(rounds, runs, &mut tasks);
    let per_kb = |i: usize| times[i].as_secs_f64() / lengths_kb[i] as f64;
    for (i, (kb, text)) in lengths_kb.iter().zip(&texts).enumerate() {
        println!(
            "comma-joined text, {kb:>3} KB ({} candidates): {:>10.2?} per call, {:>8.2?} per KB  {:.2}",
            extractor.extract(text).len(),
            times[i],
            Duration::from_secs_f64(per_kb(i)),
            per_kb(i) / per_kb(0)
        );
    }
}

/// About `bytes` bytes of target clauses joined by commas, without a full
/// stop: `到2027年，建成高质量数据集不少于1000个，…`, the values, years and
/// metrics varying.
fn comma_joined(bytes: usize) -> String {
    let metrics = ["高质量数据集", "数据产品", "数据标注基地", "典型场景"];
    let mut text = String::with_capacity(bytes + 64);
    let mut i = 0;
    while text.len() < bytes {
        let metric = metrics[i % metrics.len()];
        text.push_str(&format!(
            "到{}年，建成{metric}不少于{}个，",
            2025 + i % 5,
            1000 + i
        ));
        i += 1;
    }
    text
}
