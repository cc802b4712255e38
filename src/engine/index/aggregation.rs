//! How the scaled values of a jurisdiction's metrics become one score: the
//! weights ([`Weights`]) and the weighted mean ([`Aggregation`]).

use std::fmt;
use std::str::FromStr;

use rust_decimal::{Decimal, MathematicalOps};

use crate::error::{ParseError, Problem};

/// How a jurisdiction's scaled values are combined into its score, with
/// the weights of the metrics it has values on (renormalised to sum to 1).
///
/// ```
/// use policy_targets::index::Aggregation;
/// use rust_decimal::Decimal;
///
/// let parts = [(Decimal::from(80), Decimal::ONE), (Decimal::from(20), Decimal::from(3))];
/// assert_eq!(Aggregation::Arithmetic.aggregate(&parts), Some(Decimal::from(35)));
/// assert_eq!("geometric".parse::<Aggregation>()?, Aggregation::Geometric);
/// # Ok::<(), policy_targets::ParseError>(())
/// ```
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Aggregation {
    /// The weighted arithmetic mean `Σ wᵢ sᵢ / Σ wᵢ`: a weak metric is
    /// fully compensated by a strong one.
    #[default]
    Arithmetic,
    /// The weighted geometric mean on a scale that starts at 1,
    /// `exp(Σ wᵢ ln(1 + sᵢ) / Σ wᵢ) − 1`, with each metric's scaled values
    /// first shifted up so that the least is 0 where any is negative (see
    /// [`Aggregation::shift`]): a weak metric is only partly compensated,
    /// and a jurisdiction last on one metric is not scored 0 for it.
    Geometric,
}

impl Aggregation {
    /// Every aggregation, in the order the uncertainty analysis draws them from.
    pub const ALL: [Aggregation; 2] = [Aggregation::Arithmetic, Aggregation::Geometric];

    /// The name on the command line and in JSON: `arithmetic`, `geometric`.
    pub fn as_str(self) -> &'static str {
        match self {
            Aggregation::Arithmetic => "arithmetic",
            Aggregation::Geometric => "geometric",
        }
    }

    /// What is added to a metric's scaled values before they are
    /// aggregated: for the geometric mean, minus the least of them when it
    /// is below zero (z-scores); zero otherwise.
    pub fn shift(self, scaled: &[Decimal]) -> Decimal {
        match self {
            Aggregation::Arithmetic => Decimal::ZERO,
            Aggregation::Geometric => -scaled
                .iter()
                .copied()
                .min()
                .unwrap_or_default()
                .min(Decimal::ZERO),
        }
    }

    /// The score of `(value, weight)` pairs, the values already shifted
    /// ([`Aggregation::shift`]). The arithmetic mean is exact; the
    /// geometric mean takes logarithms and an exponential to the precision
    /// of a `Decimal` (28 digits). `None` when there is nothing to
    /// aggregate, the weights sum to zero, or a result does not fit.
    pub fn aggregate(self, parts: &[(Decimal, Decimal)]) -> Option<Decimal> {
        let total: Decimal = parts.iter().map(|(_, w)| *w).sum();
        if parts.is_empty() || total <= Decimal::ZERO {
            return None;
        }
        match self {
            Aggregation::Arithmetic => {
                let mut sum = Decimal::ZERO;
                for (value, weight) in parts {
                    sum = sum.checked_add(value.checked_mul(*weight)?)?;
                }
                sum.checked_div(total)
            }
            Aggregation::Geometric => {
                let mut log = Decimal::ZERO;
                for (value, weight) in parts {
                    let factor = Decimal::ONE.checked_add(*value)?;
                    log = log.checked_add(factor.checked_ln()?.checked_mul(*weight)?)?;
                }
                Some(log.checked_div(total)?.checked_exp()? - Decimal::ONE)
            }
        }
    }
}

impl serde::Serialize for Aggregation {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(self.as_str())
    }
}

impl fmt::Display for Aggregation {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl FromStr for Aggregation {
    type Err = ParseError;

    fn from_str(s: &str) -> Result<Aggregation, ParseError> {
        Aggregation::ALL
            .into_iter()
            .find(|a| a.as_str() == s.trim())
            .ok_or_else(|| {
                ParseError::typed(
                    "aggregation",
                    s,
                    Problem::Alternatives(&["arithmetic", "geometric"]),
                )
            })
    }
}

/// The relative weights of an index's metrics, as written: `A=2,B=1`.
/// A metric not named weighs 1; a jurisdiction's weights are renormalised
/// over the metrics it has values on.
///
/// ```
/// use policy_targets::index::Weights;
/// use rust_decimal::Decimal;
///
/// let weights: Weights = "high_quality_datasets=2, data_annotation_volume=0.5".parse()?;
/// assert_eq!(weights.get("high_quality_datasets"), Some(Decimal::from(2)));
/// assert_eq!(weights.to_string(), "high_quality_datasets=2,data_annotation_volume=0.5");
/// assert!("high_quality_datasets=0".parse::<Weights>().is_err());
/// assert!("high_quality_datasets=-1".parse::<Weights>().is_err());
/// # Ok::<(), policy_targets::ParseError>(())
/// ```
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Weights(Vec<(String, Decimal)>);

impl Weights {
    /// Equal weights.
    pub fn equal() -> Weights {
        Weights::default()
    }

    /// The weight given to `metric`, as written, if it is named.
    pub fn get(&self, metric: &str) -> Option<Decimal> {
        self.0.iter().find(|(m, _)| m == metric).map(|(_, w)| *w)
    }

    /// The metrics named and their weights, in the order written.
    pub fn iter(&self) -> impl Iterator<Item = (&str, Decimal)> {
        self.0.iter().map(|(m, w)| (m.as_str(), *w))
    }

    /// Whether no metric is named (equal weights).
    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }
}

impl fmt::Display for Weights {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for (i, (metric, weight)) in self.0.iter().enumerate() {
            if i > 0 {
                f.write_str(",")?;
            }
            write!(f, "{metric}={weight}")?;
        }
        Ok(())
    }
}

impl FromStr for Weights {
    type Err = ParseError;

    fn from_str(s: &str) -> Result<Weights, ParseError> {
        let mut weights: Vec<(String, Decimal)> = Vec::new();
        for part in s.split(',').map(str::trim).filter(|p| !p.is_empty()) {
            let err = |problem: Problem| ParseError::typed("weights", s, problem);
            let (metric, weight) = part
                .split_once('=')
                .ok_or_else(|| err(Problem::WeightForm(part.to_owned())))?;
            let (metric, weight) = (metric.trim(), weight.trim());
            let not_positive = |found: String| {
                err(Problem::NotPositiveWeight {
                    metric: metric.to_owned(),
                    found,
                })
            };
            let value: Decimal = weight
                .parse()
                .map_err(|_| not_positive(format!("{weight:?}")))?;
            if value <= Decimal::ZERO {
                return Err(not_positive(weight.to_owned()));
            }
            if metric.is_empty() {
                return Err(err(Problem::WeightForm(part.to_owned())));
            }
            if weights.iter().any(|(m, _)| m == metric) {
                return Err(err(Problem::WeightedTwice(metric.to_owned())));
            }
            weights.push((metric.to_owned(), value.normalize()));
        }
        Ok(Weights(weights))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> Decimal {
        s.parse().unwrap()
    }

    #[test]
    fn arithmetic_means_are_exact() {
        let parts = [(d("100"), d("1")), (d("0"), d("2"))];
        assert_eq!(
            Aggregation::Arithmetic
                .aggregate(&parts)
                .unwrap()
                .round_dp(6),
            d("33.333333")
        );
        assert_eq!(Aggregation::Arithmetic.aggregate(&[]), None);
    }

    #[test]
    fn geometric_means_start_at_one() {
        // (1 + 99)^(1/2) · (1 + 0)^(1/2) − 1 = 10 − 1.
        let parts = [(d("99"), d("1")), (d("0"), d("1"))];
        assert_eq!(
            Aggregation::Geometric
                .aggregate(&parts)
                .unwrap()
                .round_dp(6),
            d("9")
        );
        // Equal values: the mean is the value.
        let parts = [(d("50"), d("1")), (d("50"), d("3"))];
        assert_eq!(
            Aggregation::Geometric
                .aggregate(&parts)
                .unwrap()
                .round_dp(6),
            d("50")
        );
    }

    #[test]
    fn the_geometric_shift_lifts_negative_values_only() {
        assert_eq!(Aggregation::Geometric.shift(&[d("-1.5"), d("2")]), d("1.5"));
        assert_eq!(Aggregation::Geometric.shift(&[d("0"), d("2")]), d("0"));
        assert_eq!(Aggregation::Arithmetic.shift(&[d("-1.5")]), d("0"));
    }

    #[test]
    fn weights_are_positive_and_named_once() {
        let err = |s: &str| s.parse::<Weights>().unwrap_err().to_string();
        assert_eq!(
            err("a=2,b"),
            "invalid weights \"a=2,b\": expected METRIC=WEIGHT, found \"b\""
        );
        assert_eq!(
            err("a=0"),
            "invalid weights \"a=0\": the weight of a must be a positive number, found 0"
        );
        assert_eq!(
            err("a=x"),
            "invalid weights \"a=x\": the weight of a must be a positive number, found \"x\""
        );
        assert_eq!(
            err("a=1,a=2"),
            "invalid weights \"a=1,a=2\": a is weighted twice"
        );
        assert!("".parse::<Weights>().unwrap().is_empty());
        let weights: Weights = "a=2.50,b=1".parse().unwrap();
        assert_eq!(weights.to_string(), "a=2.5,b=1");
        assert_eq!(weights.to_string().parse::<Weights>(), Ok(weights));
    }
}
