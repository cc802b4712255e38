//! Which jurisdictions enter an index: those with values on at least a
//! given share of its metrics ([`MinCoverage`]); the others are excluded
//! with the reason ([`Exclusion`]).

use std::fmt;
use std::str::FromStr;

use rust_decimal::Decimal;

use crate::error::{ParseError, Problem};

/// The least share of an index's metrics a jurisdiction needs values on to
/// enter it: a number in (0, 1] or a fraction such as `2/3` (the default),
/// compared exactly (a jurisdiction with 2 of 3 metrics meets `2/3`).
///
/// ```
/// use policy_targets::index::MinCoverage;
///
/// let two_thirds = MinCoverage::default();
/// assert_eq!(two_thirds.to_string(), "2/3");
/// assert!(two_thirds.admits(2, 3) && !two_thirds.admits(1, 3));
/// assert!(two_thirds.admits(2, 2) && !two_thirds.admits(1, 2));
/// let half: MinCoverage = "0.5".parse()?;
/// assert!(half.admits(1, 2));
/// assert!("0".parse::<MinCoverage>().is_err() && "1.5".parse::<MinCoverage>().is_err());
/// # Ok::<(), policy_targets::ParseError>(())
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct MinCoverage {
    numerator: Decimal,
    denominator: Decimal,
}

impl Default for MinCoverage {
    fn default() -> MinCoverage {
        MinCoverage {
            numerator: Decimal::TWO,
            denominator: Decimal::from(3),
        }
    }
}

impl MinCoverage {
    /// Whether `covered` metrics of `metrics` meet the minimum.
    pub fn admits(self, covered: usize, metrics: usize) -> bool {
        // covered / metrics ≥ n / d  ⇔  covered · d ≥ n · metrics.
        Decimal::from(covered) * self.denominator >= self.numerator * Decimal::from(metrics)
    }

    /// The least number of `metrics` metrics that meets the minimum.
    pub fn least(self, metrics: usize) -> usize {
        (0..=metrics)
            .find(|&covered| self.admits(covered, metrics))
            .unwrap_or(metrics)
    }
}

impl fmt::Display for MinCoverage {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.denominator == Decimal::ONE {
            write!(f, "{}", self.numerator)
        } else {
            write!(f, "{}/{}", self.numerator, self.denominator)
        }
    }
}

impl FromStr for MinCoverage {
    type Err = ParseError;

    fn from_str(s: &str) -> Result<MinCoverage, ParseError> {
        let err = || ParseError::typed("minimum coverage", s, Problem::Coverage);
        let number = |t: &str| t.trim().parse::<Decimal>().map_err(|_| err());
        let (numerator, denominator) = match s.split_once('/') {
            Some((n, d)) => (number(n)?, number(d)?),
            None => (number(s)?, Decimal::ONE),
        };
        if numerator <= Decimal::ZERO || denominator <= Decimal::ZERO || numerator > denominator {
            return Err(err());
        }
        Ok(MinCoverage {
            numerator: numerator.normalize(),
            denominator: denominator.normalize(),
        })
    }
}

/// Why a jurisdiction with values on an index's metrics is not in it.
#[derive(Clone, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub enum Exclusion {
    /// It has values on `covered` of the `metrics` metrics, fewer than the
    /// minimum coverage asks (`least`).
    Coverage {
        /// The metrics it has values on.
        covered: usize,
        /// The metrics of the index.
        metrics: usize,
        /// The fewest metrics that would have let it in.
        least: usize,
    },
}

impl Exclusion {
    /// How many of the index's metrics the jurisdiction has values on.
    pub fn covered(&self) -> usize {
        match self {
            Exclusion::Coverage { covered, .. } => *covered,
        }
    }
}

impl fmt::Display for Exclusion {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Exclusion::Coverage {
                covered,
                metrics,
                least,
            } => write!(
                f,
                "values on {covered} of {metrics} metrics, fewer than the {least} the minimum coverage asks"
            ),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fractions_compare_exactly() {
        let third: MinCoverage = "1/3".parse().unwrap();
        assert!(third.admits(1, 3) && !third.admits(0, 3));
        assert_eq!(third.least(6), 2);
        assert_eq!(MinCoverage::default().least(3), 2);
        assert_eq!(MinCoverage::default().least(2), 2);
        let all: MinCoverage = "1".parse().unwrap();
        assert_eq!(all.to_string(), "1");
        assert_eq!(all.least(4), 4);
    }

    #[test]
    fn out_of_range_coverage_is_refused() {
        for bad in ["0", "-0.5", "1.01", "3/2", "x", "1/0", ""] {
            assert!(bad.parse::<MinCoverage>().is_err(), "{bad}");
        }
        assert_eq!(
            "1.5".parse::<MinCoverage>().unwrap_err().to_string(),
            "invalid minimum coverage \"1.5\": expected a number in (0, 1] such as 0.5, or a fraction such as 2/3"
        );
        for good in ["2/3", "0.5", "1", "0.75"] {
            assert_eq!(good.parse::<MinCoverage>().unwrap().to_string(), good);
        }
    }

    #[test]
    fn exclusions_say_how_many_metrics() {
        let reason = Exclusion::Coverage {
            covered: 1,
            metrics: 3,
            least: 2,
        };
        assert_eq!(
            reason.to_string(),
            "values on 1 of 3 metrics, fewer than the 2 the minimum coverage asks"
        );
    }
}
