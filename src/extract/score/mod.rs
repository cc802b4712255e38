//! Measuring the extractor against passages labelled by hand.
//!
//! A [`LabelledSet`] holds passages of policy text and, for each, the figures
//! an analyst records (targets and reported totals with a place and a year).
//! [`score`] runs the extractor on every passage and pairs its candidates
//! with the labels: a candidate matches a label when their quantities are
//! equal in the canonical unit (`1.2万亿元` matches `12000亿元`), and each
//! candidate matches at most one label. From the pairs come
//!
//! - **recall**: the share of labels matched by a candidate;
//! - **precision**: the share of candidates that match a label;
//! - **strict recall**: the share of labels matched by a candidate with the
//!   right kind, comparator, jurisdiction and year (the deadline's year of a
//!   target, the as-of year of a reported figure).
//!
//! ```
//! use policy_targets::Catalog;
//! use policy_targets::extract::Extractor;
//! use policy_targets::extract::score::{LabelledSet, score};
//! use rust_decimal::Decimal;
//!
//! let set = LabelledSet::from_toml(r#"
//! [[passage]]
//! id = "a"
//! text = "到2027年，苏州市建成300个高质量数据集。"
//! [[passage.figure]]
//! value = "300"
//! unit = "个"
//! kind = "target"
//! comparator = "at_least"
//! jurisdiction = "320500"
//! year = 2027
//! "#, None)?;
//! let catalog = Catalog::bundled()?;
//! let result = score(&set, &Extractor::new(&catalog), Decimal::ZERO);
//! assert_eq!((result.labels, result.matched, result.strict), (1, 1, 1));
//! assert_eq!(result.recall().unwrap(), Decimal::ONE);
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```

mod matching;
mod set;

pub use matching::{Field, Pair, PassageScore, score_passage};
pub use set::{Label, LabelledSet, Passage};

use rust_decimal::Decimal;

use super::{Extractor, Options};

/// How the extractor did on a labelled set: counts over every passage, and
/// each passage's pairs, misses and false proposals.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Score {
    /// Labels in the set.
    pub labels: usize,
    /// Candidates proposed at or above the minimum confidence.
    pub candidates: usize,
    /// Labels matched by a candidate.
    pub matched: usize,
    /// Labels matched by a candidate with every field right.
    pub strict: usize,
    /// Each passage's result, in the order of the set.
    pub passages: Vec<PassageScore>,
}

/// `part / whole` to three decimal places, `None` of nothing.
fn ratio(part: usize, whole: usize) -> Option<Decimal> {
    (whole > 0).then(|| {
        (Decimal::from(part) / Decimal::from(whole))
            .round_dp(3)
            .normalize()
    })
}

impl Score {
    /// Sums the results of passages.
    pub fn of(passages: Vec<PassageScore>) -> Score {
        let sum = |f: fn(&PassageScore) -> usize| passages.iter().map(f).sum();
        Score {
            labels: sum(|p| p.labels.len()),
            candidates: sum(|p| p.candidates),
            matched: sum(|p| p.pairs.len()),
            strict: sum(PassageScore::strict),
            passages,
        }
    }

    /// Matched labels over labels; `None` when the set has no label.
    pub fn recall(&self) -> Option<Decimal> {
        ratio(self.matched, self.labels)
    }

    /// Matching candidates over candidates; `None` when none was proposed.
    pub fn precision(&self) -> Option<Decimal> {
        ratio(self.matched, self.candidates)
    }

    /// Labels matched with every field right over labels.
    pub fn strict_recall(&self) -> Option<Decimal> {
        ratio(self.strict, self.labels)
    }

    /// How many matched pairs have `field` wrong.
    pub fn wrong(&self, field: Field) -> usize {
        self.passages
            .iter()
            .flat_map(|p| &p.pairs)
            .filter(|pair| pair.wrong.contains(&field))
            .count()
    }
}

/// Runs `extractor` on every passage of `set`, keeping candidates of at
/// least `min_confidence`, and scores them against the labels.
pub fn score(set: &LabelledSet, extractor: &Extractor<'_>, min_confidence: Decimal) -> Score {
    let passages = set
        .passages
        .iter()
        .map(|passage| {
            let options = Options {
                min_confidence,
                published: passage.published,
                jurisdiction: passage.about.clone(),
            };
            let found = extractor.extract_with(&passage.text, &options);
            score_passage(passage, found)
        })
        .collect();
    Score::of(passages)
}
