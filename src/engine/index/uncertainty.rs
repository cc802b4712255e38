//! The uncertainty analysis of an index (Monte Carlo): the index computed
//! again for many draws of its uncertain inputs, each jurisdiction's ranks
//! over the draws summarised by their median and their 5th and 95th
//! percentiles.
//!
//! Each draw perturbs every metric's weight by a factor drawn uniformly
//! from [0.75, 1.25] (the weights are renormalised by the aggregation),
//! draws the scaling uniformly among the four and the aggregation among the
//! two. Draw `i` takes its random numbers from a ChaCha8 generator seeded
//! with the query's seed on stream `i`, so the answer depends on the seed
//! only, never on the number of threads that compute it. The simulation
//! works in `f64`.

use rand::{Rng, SeedableRng};
use rand_chacha::ChaCha8Rng;
use rayon::prelude::*;

use super::{Aggregation, Scaling};

/// The relative spread of the weights: each is multiplied by a factor
/// drawn uniformly from `[1 − WEIGHT_SPREAD, 1 + WEIGHT_SPREAD]`.
pub const WEIGHT_SPREAD: f64 = 0.25;

/// The percentiles of the rank interval.
pub const INTERVAL_PERCENTILES: (u32, u32) = (5, 95);

/// Draws are computed in batches of this many, so memory stays bounded.
const BATCH: u32 = 1024;

/// The scaled values of an index in `f64`, ready to be aggregated many
/// times: for each scaling, one row per jurisdiction and one column per
/// metric, missing values marked.
pub(crate) struct Prepared {
    /// Jurisdictions (rows).
    pub(crate) rows: usize,
    /// Metrics (columns).
    pub(crate) columns: usize,
    /// Whether row `j` has a value on column `k`, at `j * columns + k`.
    pub(crate) has: Vec<bool>,
    /// For each scaling (in [`Scaling::ALL`] order), the scaled values.
    pub(crate) arithmetic: [Vec<f64>; 4],
    /// For each scaling, `ln(1 + value + shift)`: what the geometric mean
    /// adds up.
    pub(crate) geometric: [Vec<f64>; 4],
    /// The nominal relative weights of the columns.
    pub(crate) weights: Vec<f64>,
    /// The nominal scaling.
    pub(crate) scaling: Scaling,
    /// The nominal aggregation.
    pub(crate) aggregation: Aggregation,
}

/// One draw: its scaling, aggregation and weights.
#[derive(Clone, Debug, PartialEq)]
pub(crate) struct Draw {
    pub(crate) scaling: Scaling,
    pub(crate) aggregation: Aggregation,
    pub(crate) weights: Vec<f64>,
}

impl Draw {
    /// Draw `index` of the analysis seeded with `seed`, around the nominal
    /// weights `weights`.
    pub(crate) fn new(seed: u64, index: u64, weights: &[f64]) -> Draw {
        let mut rng = ChaCha8Rng::seed_from_u64(seed);
        rng.set_stream(index);
        let scaling = Scaling::ALL[rng.random_range(0..Scaling::ALL.len())];
        let aggregation = Aggregation::ALL[rng.random_range(0..Aggregation::ALL.len())];
        let weights = weights
            .iter()
            .map(|w| w * rng.random_range(1.0 - WEIGHT_SPREAD..=1.0 + WEIGHT_SPREAD))
            .collect();
        Draw {
            scaling,
            aggregation,
            weights,
        }
    }
}

impl Prepared {
    /// The rows' scores under `scaling`, `aggregation` and `weights`.
    pub(crate) fn scores(
        &self,
        scaling: Scaling,
        aggregation: Aggregation,
        weights: &[f64],
    ) -> Vec<f64> {
        let s = Scaling::ALL.iter().position(|x| *x == scaling).unwrap_or(0);
        let values = match aggregation {
            Aggregation::Arithmetic => &self.arithmetic[s],
            Aggregation::Geometric => &self.geometric[s],
        };
        (0..self.rows)
            .map(|j| {
                let (mut sum, mut total) = (0.0, 0.0);
                let start = j * self.columns;
                for k in 0..self.columns {
                    if self.has[start + k] {
                        sum += values[start + k] * weights[k];
                        total += weights[k];
                    }
                }
                match aggregation {
                    Aggregation::Arithmetic => sum / total,
                    Aggregation::Geometric => (sum / total).exp_m1(),
                }
            })
            .collect()
    }

    /// The rows' ranks under `scaling`, `aggregation` and `weights`.
    pub(crate) fn ranks(
        &self,
        scaling: Scaling,
        aggregation: Aggregation,
        weights: &[f64],
    ) -> Vec<u32> {
        competition_ranks_f64(&self.scores(scaling, aggregation, weights))
    }

    /// The rows' ranks under the nominal choices.
    pub(crate) fn nominal_ranks(&self) -> Vec<u32> {
        self.ranks(self.scaling, self.aggregation, &self.weights)
    }
}

/// What the draws found.
pub(crate) struct Simulation {
    /// For each row: the median rank and the 5th and 95th percentile ranks.
    pub(crate) intervals: Vec<(u32, u32, u32)>,
    /// The sum over draws and rows of the absolute rank shift when only the
    /// weights vary (the draw's weights, the nominal scaling and
    /// aggregation), against the nominal ranks.
    pub(crate) weight_shift: u64,
}

/// Runs `draws` draws seeded with `seed`, in parallel.
pub(crate) fn simulate(prepared: &Prepared, draws: u32, seed: u64) -> Simulation {
    let nominal = prepared.nominal_ranks();
    let mut tally = Tally::new(prepared.rows, draws);
    let mut weight_shift = 0u64;
    let mut start = 0u32;
    while start < draws {
        let end = draws.min(start.saturating_add(BATCH));
        let batch: Vec<(Vec<u32>, u64)> = (start..end)
            .into_par_iter()
            .map(|i| {
                let draw = Draw::new(seed, u64::from(i), &prepared.weights);
                let ranks = prepared.ranks(draw.scaling, draw.aggregation, &draw.weights);
                let alone = prepared.ranks(prepared.scaling, prepared.aggregation, &draw.weights);
                (ranks, shift(&alone, &nominal))
            })
            .collect();
        for (ranks, shifted) in batch {
            tally.add(&ranks);
            weight_shift += shifted;
        }
        start = end;
    }
    Simulation {
        intervals: (0..prepared.rows).map(|j| tally.summary(j)).collect(),
        weight_shift,
    }
}

/// The sum of the absolute differences between two rankings of the same rows.
pub(crate) fn shift(ranks: &[u32], nominal: &[u32]) -> u64 {
    ranks
        .iter()
        .zip(nominal)
        .map(|(a, b)| u64::from(a.abs_diff(*b)))
        .sum()
}

/// The ranks of the draws: every draw's rank of every row while there are
/// fewer draws than rows, else a count of each row's ranks; whichever
/// takes less memory.
enum Tally {
    /// `ranks[j]`: row `j`'s rank in each draw.
    Lists { ranks: Vec<Vec<u32>> },
    /// `counts[j * rows + r − 1]`: how many draws ranked row `j` `r`.
    Counts { rows: usize, counts: Vec<u32> },
}

impl Tally {
    fn new(rows: usize, draws: u32) -> Tally {
        if (draws as usize) < rows {
            Tally::Lists {
                ranks: vec![Vec::with_capacity(draws as usize); rows],
            }
        } else {
            Tally::Counts {
                rows,
                counts: vec![0; rows * rows],
            }
        }
    }

    fn add(&mut self, draw: &[u32]) {
        match self {
            Tally::Lists { ranks } => {
                for (list, rank) in ranks.iter_mut().zip(draw) {
                    list.push(*rank);
                }
            }
            Tally::Counts { rows, counts } => {
                for (j, rank) in draw.iter().enumerate() {
                    counts[j * *rows + *rank as usize - 1] += 1;
                }
            }
        }
    }

    /// Row `j`'s median, low and high ranks (nearest-rank percentiles).
    fn summary(&mut self, j: usize) -> (u32, u32, u32) {
        let (low, high) = INTERVAL_PERCENTILES;
        match self {
            Tally::Lists { ranks } => {
                let list = &mut ranks[j];
                list.sort_unstable();
                let at = |p: u32| list[nearest_rank(p, list.len()) - 1];
                (at(50), at(low), at(high))
            }
            Tally::Counts { rows, counts } => {
                let row = &counts[j * *rows..(j + 1) * *rows];
                let n: usize = row.iter().map(|c| *c as usize).sum();
                let at = |p: u32| {
                    let k = nearest_rank(p, n);
                    let mut seen = 0usize;
                    for (r, count) in row.iter().enumerate() {
                        seen += *count as usize;
                        if seen >= k {
                            return r as u32 + 1;
                        }
                    }
                    *rows as u32
                };
                (at(50), at(low), at(high))
            }
        }
    }
}

/// The 1-based position of the `p`th percentile among `n` sorted values by
/// the nearest-rank method: `⌈p · n / 100⌉`, at least 1.
pub(crate) fn nearest_rank(p: u32, n: usize) -> usize {
    (p as usize * n).div_ceil(100).max(1)
}

/// `value` rounded to six significant digits, the precision at which ties
/// are decided (as in rankings).
fn tie_key(value: f64) -> f64 {
    if value == 0.0 || !value.is_finite() {
        return value;
    }
    let exponent = value.abs().log10().floor() as i32;
    let scale = 10f64.powi(5 - exponent);
    (value * scale).round() / scale
}

/// Standard competition ranks (1-2-2-4) of `scores`, higher first, ties
/// decided after rounding to six significant digits.
pub(crate) fn competition_ranks_f64(scores: &[f64]) -> Vec<u32> {
    let keys: Vec<f64> = scores.iter().map(|s| tie_key(*s)).collect();
    let mut order: Vec<usize> = (0..scores.len()).collect();
    order.sort_by(|&a, &b| keys[b].total_cmp(&keys[a]).then(a.cmp(&b)));
    let mut ranks = vec![0u32; scores.len()];
    for (position, &i) in order.iter().enumerate() {
        ranks[i] = if position > 0 && keys[order[position - 1]] == keys[i] {
            ranks[order[position - 1]]
        } else {
            position as u32 + 1
        };
    }
    ranks
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ranks_in_floating_point_share_ties_at_six_digits() {
        assert_eq!(
            competition_ranks_f64(&[50.0, 100.0, 50.000_000_1, 0.0]),
            [2, 1, 2, 4]
        );
        assert_eq!(competition_ranks_f64(&[]), Vec::<u32>::new());
    }

    #[test]
    fn nearest_rank_percentiles() {
        assert_eq!(nearest_rank(5, 1000), 50);
        assert_eq!(nearest_rank(95, 1000), 950);
        assert_eq!(nearest_rank(50, 3), 2);
        assert_eq!(nearest_rank(5, 3), 1);
        assert_eq!(nearest_rank(95, 3), 3);
    }

    #[test]
    fn both_tallies_give_the_same_percentiles() {
        let draws: Vec<Vec<u32>> = (0..40u32).map(|i| vec![1 + i % 3, 3 - i % 3, 2]).collect();
        let mut lists = Tally::Lists {
            ranks: vec![Vec::new(); 3],
        };
        let mut counts = Tally::Counts {
            rows: 3,
            counts: vec![0; 9],
        };
        for draw in &draws {
            lists.add(draw);
            counts.add(draw);
        }
        for j in 0..3 {
            assert_eq!(lists.summary(j), counts.summary(j));
        }
        assert_eq!(lists.summary(2), (2, 2, 2));
        assert_eq!(lists.summary(0), (2, 1, 3));
    }

    #[test]
    fn a_draw_depends_on_its_seed_and_index_only() {
        let weights = [1.0, 2.0, 1.0];
        let a = Draw::new(7, 3, &weights);
        assert_eq!(a, Draw::new(7, 3, &weights));
        assert_ne!(a, Draw::new(7, 4, &weights));
        assert_ne!(a, Draw::new(8, 3, &weights));
        for (w, nominal) in a.weights.iter().zip(weights) {
            assert!(*w >= 0.75 * nominal && *w <= 1.25 * nominal);
        }
    }
}
