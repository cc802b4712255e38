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
    kind: Box<Problem>,
}

/// What was wrong with a value that did not parse, typed where the problem
/// is a common one, so that it can be said in either language
/// ([`output::error_message`](crate::output::error_message)); its
/// `Display` is the English of [`ParseError::problem`].
#[derive(Clone, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub enum Problem {
    /// A word that is not one of those the field takes.
    OneOf(Vec<&'static str>),
    /// Not a snake_case id.
    SnakeCase,
    /// A character a snake_case id does not take.
    CharInId(char),
    /// Digits that are not a 6-digit administrative division code.
    DivisionCode,
    /// A jurisdiction's name where its code belongs.
    NameForCode {
        /// The name as written.
        name: String,
        /// The jurisdiction's Chinese name.
        full: String,
        /// Its code.
        code: String,
    },
    /// A date not written as a year, a month or a day.
    DateForm,
    /// A year outside 1000–9999.
    YearRange,
    /// A month outside 01–12.
    MonthRange,
    /// A day the calendar does not have (February 30).
    NoSuchDay,
    /// A unit of bits written where the unit of bytes was meant.
    Bits {
        /// The unit as written (`Tb`).
        bits: String,
        /// The unit meant (`TB`).
        bytes: &'static str,
    },
    /// Text that is not a unit at all.
    NotAUnit,
    /// A unit that is not known.
    UnknownUnit(String),
    /// Text that is no benchmark of a gap: not a jurisdiction, a statistic
    /// or a quantity.
    NotABenchmark,
    /// A name that no jurisdiction of the catalogue has.
    UnknownJurisdiction(String),
    /// A value without a unit, and no `unit` field.
    MissingUnit,
    /// A value with its unit, and a `unit` field too.
    UnitTwice,
    /// A word that is not one of the few an option takes (`expected
    /// minmax, zscore, rank or leader`).
    Alternatives(&'static [&'static str]),
    /// A minimum coverage that is not a share in (0, 1].
    Coverage,
    /// A part of a list of weights that is not `METRIC=WEIGHT`.
    WeightForm(String),
    /// A weight that is not a positive number (as written, quoted where it
    /// is not a number).
    NotPositiveWeight {
        /// The metric weighted.
        metric: String,
        /// The weight as written.
        found: String,
    },
    /// A metric weighted twice.
    WeightedTwice(String),
    /// A normalisation that is not `none`, `capita`, `gdp`, `year` or a
    /// combination.
    PerForm,
    /// A normalisation per capita and per GDP at once.
    CapitaWithGdp,
    /// A number that does not read.
    Number(crate::model::NumberProblem),
    /// Text that is not a number followed by a unit (`12.5.5`).
    NumberForm(String),
    /// A unit with a magnitude (万, 亿) that takes none (`5万%`).
    NoMagnitude(String),
    /// A unit with a magnitude prefix that takes none.
    NoMagnitudePrefix(String),
    /// A quantity too large or too precise for its canonical unit.
    TooPrecise(crate::model::Unit),
    /// No unit at all where one is expected.
    UnitForm,
    /// A magnitude prefix such as 万千.
    MagnitudeForm,
    /// A period not written as `START/END`.
    PeriodForm,
    /// A period that ends before it starts.
    PeriodReversed,
    /// Peers not written as a level or a list of jurisdictions.
    PeersForm,
    /// An empty item between the commas of a list of peers.
    EmptyPeer,
    /// An item of a list of peers that is neither a level nor a
    /// jurisdiction code.
    NotAPeer(String),
    /// A statistic not among leader, max, min, median, mean and p0–p100.
    StatisticForm,
    /// A benchmark that starts like a number but is neither a 6-digit
    /// jurisdiction code nor a quantity; why it is not a quantity.
    NotCodeNorQuantity(Box<Problem>),
    /// Benchmark text that is neither a jurisdiction, a statistic over
    /// peers nor a quantity (read without a catalogue).
    BenchmarkForm,
    /// A day that is not the last day of the year or month it stands for
    /// (a partial date rebuilt from its last day and precision).
    NotLastDay(crate::model::Precision),
    /// A day not written `YYYY-MM-DD`.
    DayForm,
    /// Any other problem, in English. The library itself no longer
    /// reports one.
    Other(String),
}

/// What peers are written as, in English.
const PEERS_EXPECTED: &str = "expected a level (nation, province, prefecture, county, group) or codes separated by commas (320000,420000)";

impl std::fmt::Display for Problem {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Problem::OneOf(words) => write!(f, "expected one of {}", words.join(", ")),
            Problem::SnakeCase => f.write_str(
                "expected a snake_case id (a-z, 0-9 and _, starting with a letter or digit, at most 128 bytes)",
            ),
            Problem::CharInId(c) => {
                write!(f, "{c:?} is not allowed in a snake_case id (a-z, 0-9 and _)")
            }
            Problem::DivisionCode => f.write_str(
                "expected a 6-digit administrative division code such as 320000, or a snake_case group slug",
            ),
            Problem::NameForCode { name, full, code } => write!(
                f,
                "expected a code, found a name: {name} is {full} (write \"{code}\")"
            ),
            Problem::DateForm => f.write_str("expected YYYY, YYYY-MM or YYYY-MM-DD"),
            Problem::YearRange => f.write_str("the year must be between 1000 and 9999"),
            Problem::MonthRange => f.write_str("the month must be between 01 and 12"),
            Problem::NoSuchDay => f.write_str("no such day in the calendar"),
            Problem::Bits { bits, bytes } => write!(
                f,
                "{bits} is a unit of bits, not bytes: did you mean {bytes}? (units of data are case-sensitive)"
            ),
            Problem::NotAUnit => f.write_str(
                "not a known unit (expected e.g. 个, 家, 项, TB, PB, 元, 亿元, 人, 万人, %, PFLOPS)",
            ),
            Problem::UnknownUnit(unit) => write!(f, "unknown unit {unit:?}"),
            Problem::UnknownJurisdiction(name) => write!(f, "unknown jurisdiction {name:?}"),
            Problem::NotABenchmark => f.write_str(
                "it is not a jurisdiction (a code or a name), a statistic (max, min, median, mean, p75) or a quantity (500个)",
            ),
            Problem::MissingUnit => f.write_str("missing unit (expected e.g. 个, TB, 亿元, 人, %)"),
            Problem::UnitTwice => {
                f.write_str("the value carries a unit and a separate unit is given too")
            }
            Problem::Alternatives(words) => match words.split_last() {
                Some((last, [])) => write!(f, "expected {last}"),
                Some((last, rest)) => write!(f, "expected {} or {last}", rest.join(", ")),
                None => f.write_str("expected nothing"),
            },
            Problem::Coverage => f.write_str(
                "expected a number in (0, 1] such as 0.5, or a fraction such as 2/3",
            ),
            Problem::WeightForm(part) => write!(f, "expected METRIC=WEIGHT, found {part:?}"),
            Problem::NotPositiveWeight { metric, found } => write!(
                f,
                "the weight of {metric} must be a positive number, found {found}"
            ),
            Problem::WeightedTwice(metric) => write!(f, "{metric} is weighted twice"),
            Problem::PerForm => f.write_str(
                "expected none, capita, gdp, year or a combination such as capita,year",
            ),
            Problem::CapitaWithGdp => {
                f.write_str("capita and gdp cannot be combined: choose one denominator")
            }
            Problem::Number(problem) => write!(f, "{problem}"),
            Problem::NumberForm(found) => write!(
                f,
                "expected a number such as 1000 or 5.8万, found `{}`",
                found.escape_debug()
            ),
            Problem::NoMagnitude(unit) => write!(f, "{unit} takes no magnitude such as 万 or 亿"),
            Problem::NoMagnitudePrefix(unit) => write!(f, "{unit} takes no magnitude prefix"),
            Problem::TooPrecise(unit) => {
                write!(f, "too large or too precise to convert exactly to {unit}")
            }
            Problem::UnitForm => f.write_str("expected a unit such as 个, TB, 亿元 or %"),
            Problem::MagnitudeForm => f.write_str("ill-formed magnitude prefix"),
            Problem::PeriodForm => f.write_str("expected START/END, e.g. 2025/2027 or 2025—2027"),
            Problem::PeriodReversed => f.write_str("it ends before it starts"),
            Problem::PeersForm => f.write_str(PEERS_EXPECTED),
            Problem::EmptyPeer => write!(f, "an empty item between commas; {PEERS_EXPECTED}"),
            Problem::NotAPeer(item) => write!(
                f,
                "{item:?} is not a level or a jurisdiction code; {PEERS_EXPECTED}"
            ),
            Problem::StatisticForm => {
                f.write_str("expected leader, max, min, median, mean or p0–p100 (e.g. p75)")
            }
            Problem::NotCodeNorQuantity(problem) => write!(
                f,
                "not a 6-digit jurisdiction code, and not a quantity: {problem}"
            ),
            Problem::BenchmarkForm => f.write_str(BENCHMARK_EXPECTED),
            Problem::NotLastDay(precision) => {
                write!(f, "is not the last day of a {precision}")
            }
            Problem::DayForm => f.write_str("expected a date such as 2025-08-26"),
            Problem::Other(text) => f.write_str(text),
        }
    }
}

/// What a benchmark is written as, in English.
const BENCHMARK_EXPECTED: &str = "expected a jurisdiction code (320000, or a group's slug) or name (广西), a statistic over peers (median, p75 of province, max of 320000,420000) or a quantity (500个)";

impl ParseError {
    pub(crate) fn typed(what: &'static str, input: &str, kind: Problem) -> ParseError {
        ParseError {
            what,
            input: input.to_owned(),
            problem: kind.to_string(),
            kind: Box::new(kind),
        }
    }

    /// The same problem, of the text `input` read as a `what`.
    pub(crate) fn of(&self, what: &'static str, input: &str) -> ParseError {
        ParseError::typed(what, input, (*self.kind).clone())
    }

    /// What was wrong, typed.
    pub fn kind(&self) -> &Problem {
        &self.kind
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
    "cannot {} {left} ({left_dimension}) with {right} ({right_dimension}): dimensions differ",
    op.verb()
)]
pub struct DimensionError {
    pub(crate) op: Operation,
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
    #[error("overflow {} {left} and {right}", op.gerund())]
    Overflow {
        /// Adding or subtracting.
        op: Operation,
        /// The left operand, as displayed.
        left: String,
        /// The right operand, as displayed.
        right: String,
    },
}

/// What was done with two quantities: compared, added or subtracted.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum Operation {
    /// Comparing.
    Compare,
    /// Adding.
    Add,
    /// Subtracting.
    Subtract,
}

impl Operation {
    /// The English verb: `compare`, `add`, `subtract`.
    pub fn verb(self) -> &'static str {
        match self {
            Operation::Compare => "compare",
            Operation::Add => "add",
            Operation::Subtract => "subtract",
        }
    }

    /// The English gerund: `comparing`, `adding`, `subtracting`.
    pub fn gerund(self) -> &'static str {
        match self {
            Operation::Compare => "comparing",
            Operation::Add => "adding",
            Operation::Subtract => "subtracting",
        }
    }
}
