//! How well does the extractor read a set of passages labelled by hand?
//!
//! ```text
//! cargo run --example score_extraction -- SET.toml [--min-confidence X] [--data DIR] [--verbose]
//! ```
//!
//! SET.toml holds `[[passage]]` tables (`id`, `text`, optional `url`,
//! `published`, `about`), each with the `[[passage.figure]]` an analyst
//! records from it (`value`, `unit`, `kind`, `comparator`, `jurisdiction`,
//! `year`, `metric_phrase`, `note`); `tests/data/extraction_sample.toml` is a
//! small example. The extractor reads each passage with the catalogue of
//! `--data DIR` (default: the bundled one), candidates below
//! `--min-confidence` (default 0.5, the default of `targets extract`) are
//! dropped, and the output gives recall,
//! precision and strict recall (kind, comparator, jurisdiction and year all
//! right) overall and per passage; `--verbose` lists each passage's misses,
//! matches with wrong fields and false proposals.

use std::fmt::Write as _;
use std::path::PathBuf;

use policy_targets::Catalog;
use policy_targets::extract::score::{Field, Label, PassageScore, Score, score};
use policy_targets::extract::{Candidate, Extractor};
use rust_decimal::Decimal;

struct Args {
    set: PathBuf,
    min_confidence: Decimal,
    data: Option<PathBuf>,
    verbose: bool,
}

const USAGE: &str =
    "usage: score_extraction SET.toml [--min-confidence X] [--data DIR] [--verbose]";

fn args() -> Result<Args, String> {
    let mut set = None;
    let mut min_confidence = policy_targets::extract::DEFAULT_MIN_CONFIDENCE;
    let mut data = None;
    let mut verbose = false;
    let mut it = std::env::args().skip(1);
    while let Some(arg) = it.next() {
        match arg.as_str() {
            "--min-confidence" => {
                let x = it.next().ok_or("--min-confidence takes a number")?;
                min_confidence = x.parse().map_err(|_| {
                    format!("--min-confidence: expected a number such as 0.5, found {x:?}")
                })?;
            }
            "--data" => data = Some(PathBuf::from(it.next().ok_or("--data takes a folder")?)),
            "--verbose" | "-v" => verbose = true,
            "--help" | "-h" => return Err(USAGE.to_owned()),
            _ if arg.starts_with('-') => return Err(format!("unknown option {arg}\n{USAGE}")),
            _ if set.is_none() => set = Some(PathBuf::from(arg)),
            _ => return Err(format!("one set only, found a second: {arg}\n{USAGE}")),
        }
    }
    Ok(Args {
        set: set.ok_or(USAGE)?,
        min_confidence,
        data,
        verbose,
    })
}

fn ratio(x: Option<Decimal>) -> String {
    x.map_or_else(|| "-".to_owned(), |x| format!("{x:.3}"))
}

fn or_dash<T: ToString>(x: Option<T>) -> String {
    x.map_or_else(|| "-".to_owned(), |x| x.to_string())
}

fn label_line(label: &Label) -> String {
    format!(
        "{} {} {} {} {} «{}»",
        label.value,
        label.kind,
        label.comparator.as_str(),
        or_dash(label.jurisdiction.as_ref().map(|j| j.as_str())),
        or_dash(label.year),
        label.metric_phrase
    )
}

fn candidate_line(c: &Candidate) -> String {
    let year = match c.kind {
        policy_targets::extract::Kind::Target => c.deadline.map(|d| d.date().year()),
        policy_targets::extract::Kind::Observation => c.as_of.map(|d| d.year()),
    };
    format!(
        "{} {} {} {} {} conf {} «{}»",
        c.value,
        c.kind,
        c.comparator.as_str(),
        or_dash(c.jurisdiction.as_ref().map(|j| j.as_str())),
        or_dash(year),
        c.confidence,
        c.quote
    )
}

fn passage_lines(p: &PassageScore, verbose: bool, out: &mut String) {
    let _ = writeln!(
        out,
        "{:<12} labels {:>2}  candidates {:>2}  matched {:>2}  strict {:>2}",
        p.id,
        p.labels.len(),
        p.candidates,
        p.pairs.len(),
        p.strict()
    );
    if !verbose {
        return;
    }
    for &l in &p.misses {
        let _ = writeln!(out, "    miss   {}", label_line(&p.labels[l]));
    }
    for pair in p.pairs.iter().filter(|pair| !pair.wrong.is_empty()) {
        let wrong: Vec<_> = pair.wrong.iter().map(|f| f.as_str()).collect();
        let _ = writeln!(out, "    wrong  [{}]", wrong.join(", "));
        let _ = writeln!(
            out,
            "      label      {}",
            label_line(&p.labels[pair.label])
        );
        let _ = writeln!(out, "      candidate  {}", candidate_line(&pair.candidate));
    }
    for c in &p.false_proposals {
        let _ = writeln!(out, "    false  {}", candidate_line(c));
    }
}

fn report(result: &Score, min_confidence: Decimal, verbose: bool) -> String {
    let mut out = String::new();
    let _ = writeln!(
        out,
        "{} passages, {} labels, {} candidates at confidence {} or more",
        result.passages.len(),
        result.labels,
        result.candidates,
        min_confidence
    );
    let _ = writeln!(
        out,
        "recall         {}  ({}/{})",
        ratio(result.recall()),
        result.matched,
        result.labels
    );
    let _ = writeln!(
        out,
        "precision      {}  ({}/{})",
        ratio(result.precision()),
        result.matched,
        result.candidates
    );
    let _ = writeln!(
        out,
        "strict recall  {}  ({}/{})",
        ratio(result.strict_recall()),
        result.strict,
        result.labels
    );
    let wrong: Vec<_> = Field::ALL
        .iter()
        .map(|&f| format!("{f} {}", result.wrong(f)))
        .collect();
    let _ = writeln!(out, "matched with a wrong field: {}\n", wrong.join(", "));
    for p in &result.passages {
        passage_lines(p, verbose, &mut out);
    }
    out
}

fn run(args: &Args) -> Result<String, Box<dyn std::error::Error>> {
    let set = policy_targets::extract::score::LabelledSet::read(&args.set)?;
    let catalog = Catalog::open(args.data.as_deref())?;
    let extractor = Extractor::new(&catalog);
    let result = score(&set, &extractor, args.min_confidence);
    Ok(report(&result, args.min_confidence, args.verbose))
}

fn main() {
    let args = match args() {
        Ok(args) => args,
        Err(message) => {
            eprintln!("{message}");
            std::process::exit(2);
        }
    };
    match run(&args) {
        Ok(out) => print!("{out}"),
        Err(e) => {
            eprintln!("error: {e}");
            std::process::exit(1);
        }
    }
}
