//! Pairing a passage's candidates with its labels.

use crate::JurisdictionCode;

use super::super::{Candidate, Kind};
use super::set::{Label, Passage};

/// A field of a label that a candidate of equal quantity can get wrong.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Field {
    /// Target or reported figure.
    Kind,
    /// At least, more than, exactly, ...
    Comparator,
    /// Whose figure it is.
    Jurisdiction,
    /// The deadline's year of a target, the as-of year of a reported figure.
    Year,
}

impl Field {
    /// Every field, in the order they are reported.
    pub const ALL: [Field; 4] = [
        Field::Kind,
        Field::Comparator,
        Field::Jurisdiction,
        Field::Year,
    ];

    /// `kind`, `comparator`, `jurisdiction` or `year`.
    pub fn as_str(self) -> &'static str {
        match self {
            Field::Kind => "kind",
            Field::Comparator => "comparator",
            Field::Jurisdiction => "jurisdiction",
            Field::Year => "year",
        }
    }
}

impl std::fmt::Display for Field {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

/// A label and the candidate that matched it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Pair {
    /// The label's index in the passage's `labels`.
    pub label: usize,
    /// The candidate.
    pub candidate: Candidate,
    /// The fields the candidate got wrong; empty for a strict match.
    pub wrong: Vec<Field>,
}

/// How the extractor did on one passage.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PassageScore {
    /// The passage's id.
    pub id: String,
    /// The passage's labels.
    pub labels: Vec<Label>,
    /// How many candidates were proposed.
    pub candidates: usize,
    /// The labels matched, in the order of the labels.
    pub pairs: Vec<Pair>,
    /// The indices of the labels no candidate matched.
    pub misses: Vec<usize>,
    /// The candidates that matched no label, in the order of the text.
    pub false_proposals: Vec<Candidate>,
}

impl PassageScore {
    /// How many labels were matched with every field right.
    pub fn strict(&self) -> usize {
        self.pairs.iter().filter(|p| p.wrong.is_empty()).count()
    }
}

/// The year a candidate is dated by: its deadline's if it is a target, its
/// as-of date's if it is a reported figure.
fn year_of(c: &Candidate) -> Option<i32> {
    match c.kind {
        Kind::Target => c.deadline.map(|d| d.date().year()),
        Kind::Observation => c.as_of.map(|d| d.year()),
    }
}

/// The fields of `label` that `c` gets wrong.
fn wrong_fields(label: &Label, c: &Candidate) -> Vec<Field> {
    let same_place = |a: Option<&JurisdictionCode>, b: Option<&JurisdictionCode>| a == b;
    let mut wrong = Vec::new();
    if label.kind != c.kind {
        wrong.push(Field::Kind);
    }
    if label.comparator != c.comparator {
        wrong.push(Field::Comparator);
    }
    if !same_place(label.jurisdiction.as_ref(), c.jurisdiction.as_ref()) {
        wrong.push(Field::Jurisdiction);
    }
    if label.year != year_of(c) {
        wrong.push(Field::Year);
    }
    wrong
}

/// Whether `label` and `c` are the same quantity in the canonical unit.
fn same_quantity(label: &Label, c: &Candidate) -> bool {
    label
        .value
        .compare(&c.value)
        .is_ok_and(|o| o == std::cmp::Ordering::Equal)
}

/// Pairs the candidates `found` on `passage` with its labels. Of the pairs
/// of equal quantity, those with the fewest wrong fields are taken first
/// (then the earlier label, then the earlier candidate); a label and a
/// candidate are each in one pair at most. Since equal quantity is an
/// equivalence, this matches as many labels as can be matched.
pub fn score_passage(passage: &Passage, found: Vec<Candidate>) -> PassageScore {
    let labels = &passage.figures;
    let mut options: Vec<(usize, usize, usize, Vec<Field>)> = Vec::new();
    for (l, label) in labels.iter().enumerate() {
        for (c, candidate) in found.iter().enumerate() {
            if same_quantity(label, candidate) {
                let wrong = wrong_fields(label, candidate);
                options.push((wrong.len(), l, c, wrong));
            }
        }
    }
    options.sort_by_key(|(n, l, c, _)| (*n, *l, *c));
    let mut label_taken = vec![false; labels.len()];
    let mut candidate_taken = vec![None; found.len()];
    let mut chosen = Vec::new();
    for (_, l, c, wrong) in options {
        if !label_taken[l] && candidate_taken[c].is_none() {
            label_taken[l] = true;
            candidate_taken[c] = Some(l);
            chosen.push((l, c, wrong));
        }
    }
    chosen.sort_by_key(|(l, _, _)| *l);
    let candidates = found.len();
    let mut slots: Vec<Option<Candidate>> = found.into_iter().map(Some).collect();
    let pairs = chosen
        .into_iter()
        .filter_map(|(label, c, wrong)| {
            let candidate = slots[c].take()?;
            Some(Pair {
                label,
                candidate,
                wrong,
            })
        })
        .collect();
    PassageScore {
        id: passage.id.clone(),
        labels: labels.clone(),
        candidates,
        pairs,
        misses: (0..labels.len()).filter(|l| !label_taken[*l]).collect(),
        false_proposals: slots.into_iter().flatten().collect(),
    }
}
