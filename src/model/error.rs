//! The errors of the model's own values: text that does not parse
//! ([`ParseError`]), quantities of different dimensions combined
//! ([`DimensionError`]), and arithmetic on quantities that fails
//! ([`ArithmeticError`]).

use crate::model::Dimension;

/// A value that could not be parsed from text: what was being parsed, the
/// text, and what was wrong with it.
///
/// ```
/// use policy_targets::Quantity;
///
/// let err = "12 parsecs".parse::<Quantity>().unwrap_err();
/// assert_eq!(err.to_string(), r#"invalid quantity "12 parsecs": unknown unit "parsecs""#);
/// ```
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
#[error("invalid {what} {input:?}: {problem}")]
pub struct ParseError {
    what: &'static str,
    input: String,
    problem: String,
}

impl ParseError {
    pub(crate) fn new(what: &'static str, input: &str, problem: impl Into<String>) -> ParseError {
        ParseError {
            what,
            input: input.to_owned(),
            problem: problem.into(),
        }
    }

    /// What was being parsed: `quantity`, `unit`, `date`, ...
    pub fn what(&self) -> &'static str {
        self.what
    }

    /// The text that failed to parse.
    pub fn input(&self) -> &str {
        &self.input
    }

    /// What was wrong, e.g. `unknown unit "parsecs"`.
    pub fn problem(&self) -> &str {
        &self.problem
    }
}

/// Two quantities of different dimensions were compared or combined.
///
/// ```
/// use policy_targets::Quantity;
///
/// let tb: Quantity = "3000TB".parse()?;
/// let count: Quantity = "300个".parse()?;
/// let err = tb.compare(&count).unwrap_err();
/// assert_eq!(err.to_string(), "cannot compare 3000 TB (data_volume) with 300个 (count): dimensions differ");
/// # Ok::<(), policy_targets::ParseError>(())
/// ```
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
#[error(
    "cannot {op} {left} ({left_dimension}) with {right} ({right_dimension}): dimensions differ"
)]
pub struct DimensionError {
    pub(crate) op: &'static str,
    pub(crate) left: String,
    pub(crate) left_dimension: Dimension,
    pub(crate) right: String,
    pub(crate) right_dimension: Dimension,
}

/// Why adding or subtracting two quantities failed
/// ([`Quantity::checked_add`](crate::Quantity::checked_add),
/// [`Quantity::checked_sub`](crate::Quantity::checked_sub)).
///
/// ```
/// use policy_targets::Quantity;
/// use policy_targets::model::ArithmeticError;
///
/// let yuan: Quantity = "83亿元".parse()?;
/// let people: Quantity = "3人".parse()?;
/// let err = yuan.checked_add(&people).unwrap_err();
/// assert!(matches!(err, ArithmeticError::Dimension(_)));
/// assert_eq!(err.to_string(), "cannot add 83亿元 (money) with 3人 (persons): dimensions differ");
///
/// let big: Quantity = "79228162514264337593543950335个".parse()?;
/// let err = big.checked_add(&big).unwrap_err();
/// assert_eq!(
///     err.to_string(),
///     "overflow adding 79228162514264337593543950335个 and 79228162514264337593543950335个"
/// );
/// # Ok::<(), policy_targets::ParseError>(())
/// ```
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum ArithmeticError {
    /// The quantities are of different dimensions.
    #[error("{0}")]
    Dimension(#[from] DimensionError),
    /// The result does not fit in a decimal.
    #[error("overflow {op} {left} and {right}")]
    Overflow {
        /// `adding` or `subtracting`.
        op: &'static str,
        /// The left operand, as displayed.
        left: String,
        /// The right operand, as displayed.
        right: String,
    },
}
