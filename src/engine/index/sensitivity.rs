//! The sensitivity of an index's ranks to each of its uncertain inputs: for
//! each input, the mean absolute rank shift when it alone varies and the
//! others keep their nominal choice.
//!
//! The weights vary as in the uncertainty analysis (each draw's weights,
//! with the nominal scaling and aggregation); the scaling and the
//! aggregation, which the analysis draws uniformly from four and two
//! choices, are each taken through all their choices, so their figure is
//! the exact mean over the choices, the nominal one (a shift of zero)
//! included.

use std::fmt;

use rust_decimal::Decimal;

use super::uncertainty::{Prepared, shift};
use super::{Aggregation, Scaling};

/// An uncertain input of an index.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Input {
    /// The weights of the metrics (each ±25%, renormalised).
    Weights,
    /// The scaling (one of four).
    Scaling,
    /// The aggregation (one of two).
    Aggregation,
}

impl Input {
    /// Every input, in the order of the sensitivity table.
    pub const ALL: [Input; 3] = [Input::Weights, Input::Scaling, Input::Aggregation];

    /// The name in JSON and CSV: `weights`, `scaling`, `aggregation`.
    pub fn as_str(self) -> &'static str {
        match self {
            Input::Weights => "weights",
            Input::Scaling => "scaling",
            Input::Aggregation => "aggregation",
        }
    }
}

impl serde::Serialize for Input {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(self.as_str())
    }
}

impl fmt::Display for Input {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// How much the ranks move when one input alone varies.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Sensitivity {
    /// The input.
    pub input: Input,
    /// The mean, over the variations and the ranked jurisdictions, of the
    /// absolute difference between a jurisdiction's rank and its nominal
    /// rank, to 6 decimal places.
    pub mean_abs_rank_shift: Decimal,
}

/// The sensitivity table, given the summed rank shift of `draws` draws of
/// the weights alone.
pub(crate) fn table(prepared: &Prepared, weight_shift: u64, draws: u32) -> Vec<Sensitivity> {
    let nominal = prepared.nominal_ranks();
    let rows = prepared.rows as u64;
    let mean = |total: u64, variations: u64| {
        let count = variations * rows;
        if count == 0 {
            Decimal::ZERO
        } else {
            (Decimal::from(total) / Decimal::from(count))
                .round_dp(6)
                .normalize()
        }
    };
    let scaling: u64 = Scaling::ALL
        .iter()
        .map(|s| {
            shift(
                &prepared.ranks(*s, prepared.aggregation, &prepared.weights),
                &nominal,
            )
        })
        .sum();
    let aggregation: u64 = Aggregation::ALL
        .iter()
        .map(|a| {
            shift(
                &prepared.ranks(prepared.scaling, *a, &prepared.weights),
                &nominal,
            )
        })
        .sum();
    vec![
        Sensitivity {
            input: Input::Weights,
            mean_abs_rank_shift: mean(weight_shift, u64::from(draws)),
        },
        Sensitivity {
            input: Input::Scaling,
            mean_abs_rank_shift: mean(scaling, Scaling::ALL.len() as u64),
        },
        Sensitivity {
            input: Input::Aggregation,
            mean_abs_rank_shift: mean(aggregation, Aggregation::ALL.len() as u64),
        },
    ]
}
