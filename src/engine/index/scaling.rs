//! How one metric's values are put on a common scale before they are
//! aggregated: min-max, z-score, percentile rank or share of the leader,
//! each reversed for a lower-is-better metric.

use std::fmt;
use std::str::FromStr;

use rust_decimal::{Decimal, MathematicalOps};

use crate::Polarity;
use crate::error::{ParseError, Problem};

/// How a metric's values are scaled over the jurisdictions of an index that
/// have a value on it.
///
/// ```
/// use policy_targets::index::Scaling;
///
/// let scaling: Scaling = "zscore".parse()?;
/// assert_eq!(scaling, Scaling::ZScore);
/// assert_eq!(scaling.to_string(), "zscore");
/// assert!("logistic".parse::<Scaling>().is_err());
/// # Ok::<(), policy_targets::ParseError>(())
/// ```
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Scaling {
    /// `100 · (x − min) / (max − min)`; 100 for all when every value is equal.
    #[default]
    MinMax,
    /// `(x − mean) / standard deviation` (population standard deviation); 0
    /// for all when every value is equal.
    ZScore,
    /// The percentile rank: `100 · (worse + (equal − 1) / 2) / (n − 1)`,
    /// where `worse` counts the values worse than `x` and `equal` those equal
    /// to it (itself included); 100 when there is one value.
    Rank,
    /// The share of the leader, `100 · x / max`; for a lower-is-better
    /// metric `100 · min / x`. A leader at zero or below gives 100 to the
    /// values equal to it and 0 to the others.
    Leader,
}

impl Scaling {
    /// Every scaling, in the order the uncertainty analysis draws them from.
    pub const ALL: [Scaling; 4] = [
        Scaling::MinMax,
        Scaling::ZScore,
        Scaling::Rank,
        Scaling::Leader,
    ];

    /// The name on the command line and in JSON: `minmax`, `zscore`,
    /// `rank`, `leader`.
    pub fn as_str(self) -> &'static str {
        match self {
            Scaling::MinMax => "minmax",
            Scaling::ZScore => "zscore",
            Scaling::Rank => "rank",
            Scaling::Leader => "leader",
        }
    }

    /// Scales `values` (one metric, one value per jurisdiction) by this
    /// scaling and `polarity`, so that greater is always better.
    ///
    /// Exact decimals, except the square root of the z-score's variance,
    /// which is computed to the precision of a `Decimal` (28 digits).
    /// `None` only when a result does not fit in a decimal.
    ///
    /// ```
    /// use policy_targets::Polarity;
    /// use policy_targets::index::Scaling;
    /// use rust_decimal::Decimal;
    ///
    /// let values = [10, 30, 20].map(Decimal::from);
    /// let scaled = Scaling::MinMax.scale(&values, Polarity::HigherIsBetter).unwrap();
    /// assert_eq!(scaled, [0, 100, 50].map(Decimal::from));
    /// // Lower is better: the least value leads, 10 of 20 is half its share.
    /// let scaled = Scaling::Leader.scale(&values, Polarity::LowerIsBetter).unwrap();
    /// assert_eq!((scaled[0], scaled[2]), (Decimal::from(100), Decimal::from(50)));
    /// ```
    pub fn scale(self, values: &[Decimal], polarity: Polarity) -> Option<Vec<Decimal>> {
        if values.is_empty() {
            return Some(Vec::new());
        }
        match self {
            Scaling::MinMax => min_max(values, polarity),
            Scaling::ZScore => z_score(values, polarity),
            Scaling::Rank => Some(percentile_rank(values, polarity)),
            Scaling::Leader => leader(values, polarity),
        }
    }
}

const HUNDRED: Decimal = Decimal::ONE_HUNDRED;

fn min_max(values: &[Decimal], polarity: Polarity) -> Option<Vec<Decimal>> {
    let min = values.iter().copied().min()?;
    let max = values.iter().copied().max()?;
    let range = max.checked_sub(min)?;
    if range.is_zero() {
        return Some(vec![HUNDRED; values.len()]);
    }
    values
        .iter()
        .map(|&x| {
            let above = match polarity {
                Polarity::HigherIsBetter => x.checked_sub(min)?,
                Polarity::LowerIsBetter => max.checked_sub(x)?,
            };
            HUNDRED.checked_mul(above)?.checked_div(range)
        })
        .collect()
}

fn z_score(values: &[Decimal], polarity: Polarity) -> Option<Vec<Decimal>> {
    // The z-score does not change when every value is divided by the same
    // positive number: dividing by the largest magnitude keeps the squares
    // below 1, so no sum of squares overflows.
    let largest = values.iter().map(|v| v.abs()).max()?;
    if largest.is_zero() {
        return Some(vec![Decimal::ZERO; values.len()]);
    }
    let unit: Vec<Decimal> = values
        .iter()
        .map(|v| v.checked_div(largest))
        .collect::<Option<_>>()?;
    let n = Decimal::from(unit.len());
    let mean = unit.iter().copied().sum::<Decimal>().checked_div(n)?;
    let variance = unit
        .iter()
        .map(|v| (v - mean) * (v - mean))
        .sum::<Decimal>()
        .checked_div(n)?;
    let sd = variance.sqrt()?;
    if sd.is_zero() {
        return Some(vec![Decimal::ZERO; values.len()]);
    }
    unit.iter()
        .map(|v| {
            let z = (v - mean).checked_div(sd)?;
            Some(match polarity {
                Polarity::HigherIsBetter => z,
                Polarity::LowerIsBetter => -z,
            })
        })
        .collect()
}

fn percentile_rank(values: &[Decimal], polarity: Polarity) -> Vec<Decimal> {
    let n = values.len();
    if n == 1 {
        return vec![HUNDRED];
    }
    let mut sorted = values.to_vec();
    sorted.sort();
    let span = Decimal::from(n - 1);
    values
        .iter()
        .map(|x| {
            let below = sorted.partition_point(|v| v < x);
            let equal = sorted.partition_point(|v| v <= x) - below;
            let worse = match polarity {
                Polarity::HigherIsBetter => below,
                Polarity::LowerIsBetter => n - below - equal,
            };
            // 2·worse + equal − 1 halves exactly: no repeating decimals
            // beyond the division by n − 1.
            let twice = Decimal::from(2 * worse + equal - 1);
            HUNDRED * twice / Decimal::TWO / span
        })
        .collect()
}

fn leader(values: &[Decimal], polarity: Polarity) -> Option<Vec<Decimal>> {
    let best = match polarity {
        Polarity::HigherIsBetter => values.iter().copied().max()?,
        Polarity::LowerIsBetter => values.iter().copied().min()?,
    };
    values
        .iter()
        .map(|&x| match polarity {
            Polarity::HigherIsBetter if best > Decimal::ZERO => {
                HUNDRED.checked_mul(x)?.checked_div(best)
            }
            Polarity::LowerIsBetter if best >= Decimal::ZERO && x > Decimal::ZERO => {
                HUNDRED.checked_mul(best)?.checked_div(x)
            }
            _ => Some(if x == best { HUNDRED } else { Decimal::ZERO }),
        })
        .collect()
}

impl serde::Serialize for Scaling {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(self.as_str())
    }
}

impl fmt::Display for Scaling {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl FromStr for Scaling {
    type Err = ParseError;

    fn from_str(s: &str) -> Result<Scaling, ParseError> {
        Scaling::ALL
            .into_iter()
            .find(|scaling| scaling.as_str() == s.trim())
            .ok_or_else(|| {
                ParseError::typed(
                    "scaling",
                    s,
                    Problem::Alternatives(&["minmax", "zscore", "rank", "leader"]),
                )
            })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> Decimal {
        s.parse().unwrap()
    }

    fn ds(values: &[&str]) -> Vec<Decimal> {
        values.iter().map(|v| d(v)).collect()
    }

    #[test]
    fn min_max_reverses_lower_is_better_and_gives_100_to_equal_values() {
        let values = ds(&["2", "4", "10"]);
        assert_eq!(
            Scaling::MinMax.scale(&values, Polarity::HigherIsBetter),
            Some(ds(&["0", "25", "100"]))
        );
        assert_eq!(
            Scaling::MinMax.scale(&values, Polarity::LowerIsBetter),
            Some(ds(&["100", "75", "0"]))
        );
        assert_eq!(
            Scaling::MinMax.scale(&ds(&["7", "7"]), Polarity::LowerIsBetter),
            Some(ds(&["100", "100"]))
        );
    }

    #[test]
    fn z_scores_use_the_population_standard_deviation() {
        // Mean 4, deviations −2, 0, 2: variance 8/3, sd 1.6329931618554520654648560498.
        let scaled = Scaling::ZScore
            .scale(&ds(&["2", "4", "6"]), Polarity::HigherIsBetter)
            .unwrap();
        let rounded: Vec<String> = scaled.iter().map(|z| z.round_dp(12).to_string()).collect();
        assert_eq!(rounded, ["-1.224744871392", "0", "1.224744871392"]);
        let reversed = Scaling::ZScore
            .scale(&ds(&["2", "4", "6"]), Polarity::LowerIsBetter)
            .unwrap();
        assert_eq!(reversed[0], -scaled[0]);
        assert_eq!(
            Scaling::ZScore.scale(&ds(&["3", "3"]), Polarity::HigherIsBetter),
            Some(ds(&["0", "0"]))
        );
    }

    #[test]
    fn z_scores_of_huge_values_do_not_overflow() {
        let values = ds(&[
            "70000000000000000000000000000",
            "10000000000000000000000000000",
        ]);
        let scaled = Scaling::ZScore
            .scale(&values, Polarity::HigherIsBetter)
            .unwrap();
        let rounded: Vec<Decimal> = scaled.iter().map(|z| z.round_dp(20)).collect();
        assert_eq!(rounded, ds(&["1", "-1"]));
    }

    #[test]
    fn percentile_ranks_share_ties() {
        let values = ds(&["5", "1", "5", "9"]);
        // n − 1 = 3; 1 is worst (0); the two 5s: worse 1, equal 2 → 1.5/3; 9: 3/3.
        assert_eq!(
            Scaling::Rank.scale(&values, Polarity::HigherIsBetter),
            Some(ds(&["50", "0", "50", "100"]))
        );
        assert_eq!(
            Scaling::Rank.scale(&values, Polarity::LowerIsBetter),
            Some(ds(&["50", "100", "50", "0"]))
        );
        assert_eq!(
            Scaling::Rank.scale(&ds(&["4"]), Polarity::HigherIsBetter),
            Some(ds(&["100"]))
        );
    }

    #[test]
    fn leader_shares() {
        let values = ds(&["10", "40", "20"]);
        assert_eq!(
            Scaling::Leader.scale(&values, Polarity::HigherIsBetter),
            Some(ds(&["25", "100", "50"]))
        );
        assert_eq!(
            Scaling::Leader.scale(&values, Polarity::LowerIsBetter),
            Some(ds(&["100", "25", "50"]))
        );
        assert_eq!(
            Scaling::Leader.scale(&ds(&["0", "3"]), Polarity::LowerIsBetter),
            Some(ds(&["100", "0"]))
        );
        assert_eq!(
            Scaling::Leader.scale(&ds(&["0", "-3"]), Polarity::HigherIsBetter),
            Some(ds(&["100", "0"]))
        );
    }

    #[test]
    fn names_round_trip() {
        for scaling in Scaling::ALL {
            assert_eq!(scaling.to_string().parse::<Scaling>(), Ok(scaling));
        }
        assert_eq!(
            "min-max".parse::<Scaling>().unwrap_err().to_string(),
            "invalid scaling \"min-max\": expected minmax, zscore, rank or leader"
        );
    }
}
