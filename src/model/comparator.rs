//! How a target's value is meant: at least, more than, at most, ...

use std::fmt;
use std::str::FromStr;

use rust_decimal::Decimal;

use crate::model::error::ParseError;

/// The relation a target asks for between the outcome and its value.
///
/// ```
/// use policy_targets::Comparator;
/// use rust_decimal::Decimal;
///
/// assert_eq!(Comparator::from_phrase("不少于"), Some(Comparator::AtLeast));
/// assert_eq!("more_than".parse::<Comparator>()?, Comparator::MoreThan);
/// let (x, t) = (Decimal::from(2000), Decimal::from(2000));
/// assert!(Comparator::AtLeast.is_met(x, t, None));
/// assert!(!Comparator::MoreThan.is_met(x, t, None));
/// # Ok::<(), policy_targets::ParseError>(())
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Comparator {
    /// At least the value (不少于, 以上, 达到, 达).
    AtLeast,
    /// Strictly more than the value (超过, 超, 突破).
    MoreThan,
    /// At most the value (不超过, 以内).
    AtMost,
    /// Strictly less than the value (低于).
    LessThan,
    /// Exactly the value.
    Exactly,
    /// Between a lower and an upper bound, both included (3—5个).
    Range,
}

impl Comparator {
    /// Every comparator.
    pub const ALL: [Comparator; 6] = [
        Comparator::AtLeast,
        Comparator::MoreThan,
        Comparator::AtMost,
        Comparator::LessThan,
        Comparator::Exactly,
        Comparator::Range,
    ];

    /// The snake_case name used in data files and outputs.
    pub fn as_str(self) -> &'static str {
        match self {
            Comparator::AtLeast => "at_least",
            Comparator::MoreThan => "more_than",
            Comparator::AtMost => "at_most",
            Comparator::LessThan => "less_than",
            Comparator::Exactly => "exactly",
            Comparator::Range => "range",
        }
    }

    /// A mathematical symbol for tables: `≥`, `>`, `≤`, `<`, `=`, `–`.
    pub fn symbol(self) -> &'static str {
        match self {
            Comparator::AtLeast => "≥",
            Comparator::MoreThan => ">",
            Comparator::AtMost => "≤",
            Comparator::LessThan => "<",
            Comparator::Exactly => "=",
            Comparator::Range => "–",
        }
    }

    /// The comparator a Chinese policy phrase expresses, if any.
    pub fn from_phrase(phrase: &str) -> Option<Comparator> {
        Some(match phrase.trim() {
            "不少于" | "不低于" | "以上" | "达到" | "达" | "至少" | "不小于" => {
                Comparator::AtLeast
            }
            "超过" | "超" | "突破" | "逾" | "多于" | "高于" => Comparator::MoreThan,
            "不超过" | "不高于" | "以内" | "以下" | "不大于" | "控制在" => {
                Comparator::AtMost
            }
            "低于" | "少于" | "小于" => Comparator::LessThan,
            _ => return None,
        })
    }

    /// Whether an outcome `x` meets a target of `value` (and `upper` for a
    /// range; a range without an upper bound is met from `value` up).
    pub fn is_met(self, x: Decimal, value: Decimal, upper: Option<Decimal>) -> bool {
        match self {
            Comparator::AtLeast => x >= value,
            Comparator::MoreThan => x > value,
            Comparator::AtMost => x <= value,
            Comparator::LessThan => x < value,
            Comparator::Exactly => x == value,
            Comparator::Range => x >= value && upper.is_none_or(|u| x <= u),
        }
    }
}

impl fmt::Display for Comparator {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl FromStr for Comparator {
    type Err = ParseError;
    fn from_str(s: &str) -> Result<Comparator, ParseError> {
        Comparator::ALL
            .into_iter()
            .find(|c| c.as_str() == s)
            .ok_or_else(|| {
                ParseError::typed(
                    "comparator",
                    s,
                    crate::model::Problem::OneOf(
                        Comparator::ALL.iter().map(|c| c.as_str()).collect(),
                    ),
                )
            })
    }
}

crate::util::serde_via_string!(Comparator);

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn round_trip_and_phrases() {
        for c in Comparator::ALL {
            assert_eq!(c.to_string().parse::<Comparator>().unwrap(), c);
        }
        assert_eq!(Comparator::from_phrase("以上"), Some(Comparator::AtLeast));
        assert_eq!(Comparator::from_phrase("突破"), Some(Comparator::MoreThan));
        assert_eq!(Comparator::from_phrase("以内"), Some(Comparator::AtMost));
        assert_eq!(Comparator::from_phrase("低于"), Some(Comparator::LessThan));
        assert_eq!(Comparator::from_phrase("建设"), None);
        assert_eq!(
            "atleast".parse::<Comparator>().unwrap_err().to_string(),
            r#"invalid comparator "atleast": expected one of at_least, more_than, at_most, less_than, exactly, range"#
        );
    }

    #[test]
    fn met_at_the_edges() {
        let d = Decimal::from;
        assert!(Comparator::AtLeast.is_met(d(10), d(10), None));
        assert!(!Comparator::AtLeast.is_met(d(9), d(10), None));
        assert!(!Comparator::MoreThan.is_met(d(10), d(10), None));
        assert!(Comparator::MoreThan.is_met(d(11), d(10), None));
        assert!(Comparator::AtMost.is_met(d(10), d(10), None));
        assert!(!Comparator::LessThan.is_met(d(10), d(10), None));
        assert!(Comparator::Exactly.is_met(d(10), d(10), None));
        assert!(Comparator::Range.is_met(d(5), d(3), Some(d(5))));
        assert!(!Comparator::Range.is_met(d(6), d(3), Some(d(5))));
        assert!(!Comparator::Range.is_met(d(2), d(3), Some(d(5))));
    }
}
