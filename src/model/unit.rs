//! Units and their dimensions.
//!
//! A [`Unit`] is a base unit as written (`个`, `TB`, `元`, `人`, `%`, `PFLOPS`)
//! with an optional Chinese magnitude in front (`万人`, `亿元`, `万亿元`). Every
//! unit belongs to one [`Dimension`], and every dimension has one canonical unit
//! that values are converted to before they are compared.

use std::fmt;
use std::str::FromStr;

use crate::model::error::{ParseError, Problem};
use crate::model::number::{magnitude_prefix, normalize_width, split_magnitude};

/// What a quantity measures. Quantities of different dimensions never mix.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Dimension {
    /// Things counted: datasets, enterprises, products (`count`; 个, 家, 项, 项次, 份, ...).
    Count,
    /// Amounts of data (`TB`; GB = 0.001 TB, PB = 1000 TB, EB = 10⁶ TB, decimal SI).
    DataVolume,
    /// Money (`CNY`; 元, 万元, 亿元, 万亿元).
    Money,
    /// People (`person`; 人, 万人).
    Persons,
    /// Shares and rates (`percent`; %).
    Share,
    /// Computing power (`PFLOPS`; TFLOPS = 0.001 PFLOPS, EFLOPS = 1000 PFLOPS).
    Compute,
}

impl Dimension {
    /// Every dimension, in declaration order.
    pub const ALL: [Dimension; 6] = [
        Dimension::Count,
        Dimension::DataVolume,
        Dimension::Money,
        Dimension::Persons,
        Dimension::Share,
        Dimension::Compute,
    ];

    /// Whether a value of this dimension may be below zero: a share (a
    /// growth rate) or money (a balance) may; a count, an amount of data, a
    /// number of people or of computing power may not.
    pub fn signed(self) -> bool {
        matches!(self, Dimension::Money | Dimension::Share)
    }

    /// The dimension in words, for messages: "a count", "an amount of data".
    pub fn described(self) -> &'static str {
        match self {
            Dimension::Count => "a count",
            Dimension::DataVolume => "an amount of data",
            Dimension::Money => "an amount of money",
            Dimension::Persons => "a number of people",
            Dimension::Share => "a share",
            Dimension::Compute => "computing power",
        }
    }

    /// The snake_case name: `count`, `data_volume`, `money`, `persons`, `share`, `compute`.
    pub fn as_str(self) -> &'static str {
        match self {
            Dimension::Count => "count",
            Dimension::DataVolume => "data_volume",
            Dimension::Money => "money",
            Dimension::Persons => "persons",
            Dimension::Share => "share",
            Dimension::Compute => "compute",
        }
    }

    /// The unit values of this dimension are compared in.
    ///
    /// ```
    /// use policy_targets::Dimension;
    /// assert_eq!(Dimension::Money.canonical_unit().to_string(), "CNY");
    /// ```
    pub fn canonical_unit(self) -> Unit {
        let base = BASES
            .iter()
            .position(|b| b.dimension == self && b.exponent == 0)
            .unwrap_or(0);
        Unit {
            base: base as u8,
            magnitude: 0,
        }
    }
}

impl fmt::Display for Dimension {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl FromStr for Dimension {
    type Err = ParseError;
    fn from_str(s: &str) -> Result<Dimension, ParseError> {
        Dimension::ALL
            .into_iter()
            .find(|d| d.as_str() == s)
            .ok_or_else(|| {
                ParseError::typed(
                    "dimension",
                    s,
                    crate::model::Problem::OneOf(
                        Dimension::ALL.iter().map(|d| d.as_str()).collect(),
                    ),
                )
            })
    }
}

struct Base {
    symbol: &'static str,
    dimension: Dimension,
    /// The power of ten that takes one of this unit to the canonical unit.
    exponent: i8,
    /// Whether a Chinese magnitude may stand in front (not for `%`).
    takes_magnitude: bool,
}

const fn base(symbol: &'static str, dimension: Dimension, exponent: i8) -> Base {
    Base {
        symbol,
        dimension,
        exponent,
        takes_magnitude: true,
    }
}

/// Every base unit. The first unit of each dimension with exponent 0 is canonical.
const BASES: &[Base] = &[
    base("count", Dimension::Count, 0),
    base("个", Dimension::Count, 0),
    base("家", Dimension::Count, 0),
    base("项", Dimension::Count, 0),
    base("项次", Dimension::Count, 0),
    base("件", Dimension::Count, 0),
    base("款", Dimension::Count, 0),
    base("座", Dimension::Count, 0),
    base("条", Dimension::Count, 0),
    base("套", Dimension::Count, 0),
    base("台", Dimension::Count, 0),
    base("次", Dimension::Count, 0),
    base("批", Dimension::Count, 0),
    base("所", Dimension::Count, 0),
    base("类", Dimension::Count, 0),
    base("种", Dimension::Count, 0),
    base("部", Dimension::Count, 0),
    base("篇", Dimension::Count, 0),
    base("份", Dimension::Count, 0),
    base("张", Dimension::Count, 0),
    base("笔", Dimension::Count, 0),
    base("TB", Dimension::DataVolume, 0),
    base("GB", Dimension::DataVolume, -3),
    base("PB", Dimension::DataVolume, 3),
    base("EB", Dimension::DataVolume, 6),
    base("CNY", Dimension::Money, 0),
    base("元", Dimension::Money, 0),
    base("person", Dimension::Persons, 0),
    base("人", Dimension::Persons, 0),
    base("名", Dimension::Persons, 0),
    Base {
        symbol: "percent",
        dimension: Dimension::Share,
        exponent: 0,
        takes_magnitude: false,
    },
    Base {
        symbol: "%",
        dimension: Dimension::Share,
        exponent: 0,
        takes_magnitude: false,
    },
    base("PFLOPS", Dimension::Compute, 0),
    base("TFLOPS", Dimension::Compute, -3),
    base("EFLOPS", Dimension::Compute, 3),
];

/// A unit as written: a base unit and a Chinese magnitude (10^0 … 10^15).
///
/// Parsing accepts every base unit of [`Dimension`]'s list, ASCII symbols in
/// any case where case carries no meaning (`PFlops`; but `Tb` is a terabit,
/// so a data unit needs its capital `B`), full-width forms (`ＴＢ`) and a
/// magnitude prefix (`万人`, `百亿元`). `Display` writes the canonical spelling, which parses
/// back to the same unit.
///
/// ```
/// use policy_targets::{Dimension, Unit};
///
/// let unit: Unit = "亿元".parse()?;
/// assert_eq!(unit.dimension(), Dimension::Money);
/// assert_eq!(unit.magnitude(), 8);
/// assert_eq!(unit.to_string(), "亿元");
/// assert_eq!("PFlops".parse::<Unit>()?.to_string(), "PFLOPS");
/// assert!("Tb".parse::<Unit>().is_err());
/// # Ok::<(), policy_targets::ParseError>(())
/// ```
#[derive(Clone, Copy, PartialEq, Eq, Hash)]
pub struct Unit {
    base: u8,
    magnitude: u8,
}

impl Unit {
    fn base(self) -> &'static Base {
        &BASES[usize::from(self.base)]
    }

    /// The dimension this unit measures.
    pub fn dimension(self) -> Dimension {
        self.base().dimension
    }

    /// The Chinese magnitude in front, as a power of ten (万 → 4, 亿 → 8).
    pub fn magnitude(self) -> u8 {
        self.magnitude
    }

    /// The base unit's symbol, without the magnitude (`亿元` → `元`).
    pub fn symbol(self) -> &'static str {
        self.base().symbol
    }

    /// Whether this is its dimension's canonical unit.
    pub fn is_canonical(self) -> bool {
        self == self.dimension().canonical_unit()
    }

    /// The power of ten that converts a value in this unit to the canonical
    /// unit (`亿元` → 8, `GB` → -3, `万TB` → 4).
    pub fn exponent_to_canonical(self) -> i32 {
        i32::from(self.base().exponent) + i32::from(self.magnitude)
    }

    /// The same base unit with the magnitude `magnitude` (`万家` with 0 →
    /// `家`), or this unit when the base takes none.
    ///
    /// ```
    /// use policy_targets::Unit;
    /// let wan_jia: Unit = "万家".parse()?;
    /// assert_eq!(wan_jia.with_magnitude(0).to_string(), "家");
    /// # Ok::<(), policy_targets::ParseError>(())
    /// ```
    pub fn with_magnitude(self, magnitude: u8) -> Unit {
        if !self.base().takes_magnitude || magnitude > crate::model::number::MAX_MAGNITUDE {
            return self;
        }
        Unit {
            base: self.base,
            magnitude,
        }
    }

    /// The same base unit with `extra` more magnitude (`人` + 4 → `万人`), or
    /// `None` when the base takes no magnitude or the total is beyond 10^15.
    pub fn with_more_magnitude(self, extra: u8) -> Option<Unit> {
        if extra == 0 {
            return Some(self);
        }
        let magnitude = self.magnitude.checked_add(extra)?;
        (self.base().takes_magnitude && magnitude <= crate::model::number::MAX_MAGNITUDE).then_some(
            Unit {
                base: self.base,
                magnitude,
            },
        )
    }

    /// Parses a base symbol (no magnitude), ignoring ASCII case where case
    /// carries no meaning: the `B` of a data unit is a byte and `b` a bit, so
    /// `Tb` is no `TB`.
    fn lookup(symbol: &str) -> Option<Unit> {
        let index = BASES.iter().position(|b| b.symbol == symbol).or_else(|| {
            BASES.iter().position(|b| {
                b.symbol.eq_ignore_ascii_case(symbol) && !Unit::bit_for_byte(b, symbol)
            })
        })?;
        Some(Unit {
            base: index as u8,
            magnitude: 0,
        })
    }

    /// Whether `symbol` spells the data unit `base` with a bit's `b`.
    fn bit_for_byte(base: &Base, symbol: &str) -> bool {
        base.dimension == Dimension::DataVolume && symbol.ends_with('b')
    }

    /// The data unit a symbol written with a bit's `b` was probably meant
    /// as (`Tb` → `TB`).
    fn byte_for_bit(symbol: &str) -> Option<&'static str> {
        BASES
            .iter()
            .find(|b| b.symbol.eq_ignore_ascii_case(symbol) && Unit::bit_for_byte(b, symbol))
            .map(|b| b.symbol)
    }
}

impl Unit {
    /// The text of the unit, as [`Display`](fmt::Display) writes it: the
    /// magnitude's prefix, then the symbol.
    pub(crate) fn text_parts(self) -> [&'static str; 2] {
        [magnitude_prefix(self.magnitude), self.symbol()]
    }
}

impl fmt::Display for Unit {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let [prefix, symbol] = self.text_parts();
        f.write_str(prefix)?;
        f.write_str(symbol)
    }
}

impl fmt::Debug for Unit {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "Unit({self})")
    }
}

impl FromStr for Unit {
    type Err = ParseError;
    fn from_str(input: &str) -> Result<Unit, ParseError> {
        let normalized = normalize_width(input);
        let s = normalized.trim();
        if s.is_empty() {
            return Err(ParseError::typed("unit", input, Problem::UnitForm));
        }
        let (magnitude, rest) = split_magnitude(s)
            .ok_or_else(|| ParseError::typed("unit", input, Problem::MagnitudeForm))?;
        let unknown = || {
            let rest = rest.trim_start();
            let problem = if let Some(bytes) = Unit::byte_for_bit(rest) {
                crate::model::Problem::Bits {
                    bits: rest.to_owned(),
                    bytes,
                }
            } else if rest == s {
                crate::model::Problem::NotAUnit
            } else {
                crate::model::Problem::UnknownUnit(rest.to_owned())
            };
            ParseError::typed("unit", input, problem)
        };
        let unit = Unit::lookup(rest.trim_start()).ok_or_else(unknown)?;
        unit.with_more_magnitude(magnitude).ok_or_else(|| {
            ParseError::typed(
                "unit",
                input,
                Problem::NoMagnitudePrefix(unit.symbol().to_string()),
            )
        })
    }
}

impl serde::Serialize for Unit {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_str(self)
    }
}

impl<'de> serde::Deserialize<'de> for Unit {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Unit, D::Error> {
        let s = <std::borrow::Cow<'de, str>>::deserialize(deserializer)?;
        s.parse().map_err(serde::de::Error::custom)
    }
}

impl serde::Serialize for Dimension {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(self.as_str())
    }
}

impl<'de> serde::Deserialize<'de> for Dimension {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Dimension, D::Error> {
        let s = <std::borrow::Cow<'de, str>>::deserialize(deserializer)?;
        s.parse().map_err(serde::de::Error::custom)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn unit(s: &str) -> Unit {
        s.parse().unwrap()
    }

    #[test]
    fn every_base_round_trips_and_has_a_canonical_unit() {
        for (i, b) in BASES.iter().enumerate() {
            let u = Unit {
                base: i as u8,
                magnitude: 0,
            };
            assert_eq!(unit(b.symbol), u, "{}", b.symbol);
            assert_eq!(u.to_string().parse::<Unit>().unwrap(), u);
        }
        for d in Dimension::ALL {
            let c = d.canonical_unit();
            assert_eq!(c.dimension(), d);
            assert_eq!(c.exponent_to_canonical(), 0);
            assert_eq!(d.as_str().parse::<Dimension>().unwrap(), d);
        }
    }

    #[test]
    fn canonical_units() {
        let names: Vec<String> = Dimension::ALL
            .iter()
            .map(|d| d.canonical_unit().to_string())
            .collect();
        assert_eq!(names, ["count", "TB", "CNY", "person", "percent", "PFLOPS"]);
    }

    #[test]
    fn magnitudes_and_exponents() {
        assert_eq!(unit("万人").exponent_to_canonical(), 4);
        assert_eq!(unit("亿元").exponent_to_canonical(), 8);
        assert_eq!(unit("万亿元").exponent_to_canonical(), 12);
        assert_eq!(unit("百亿元").exponent_to_canonical(), 10);
        assert_eq!(unit("GB").exponent_to_canonical(), -3);
        assert_eq!(unit("PB").exponent_to_canonical(), 3);
        assert_eq!(unit("EB").exponent_to_canonical(), 6);
        assert_eq!(unit("EFLOPS").exponent_to_canonical(), 3);
        assert_eq!(unit("万TB").exponent_to_canonical(), 4);
        assert_eq!(unit("ＴＢ"), unit("TB"));
        assert_eq!(unit("tB"), unit("TB"));
        assert_eq!(unit("PFlops"), unit("PFLOPS"));
    }

    #[test]
    fn errors_say_what_was_wrong() {
        let err = |s: &str| s.parse::<Unit>().unwrap_err().to_string();
        assert_eq!(
            err("Tb"),
            r#"invalid unit "Tb": Tb is a unit of bits, not bytes: did you mean TB? (units of data are case-sensitive)"#
        );
        assert_eq!(
            err("万pb"),
            r#"invalid unit "万pb": pb is a unit of bits, not bytes: did you mean PB? (units of data are case-sensitive)"#
        );
        assert_eq!(
            err("ｇｂ"),
            r#"invalid unit "ｇｂ": gb is a unit of bits, not bytes: did you mean GB? (units of data are case-sensitive)"#
        );
        assert_eq!(
            err("parsec"),
            r#"invalid unit "parsec": not a known unit (expected e.g. 个, 家, 项, TB, PB, 元, 亿元, 人, 万人, %, PFLOPS)"#
        );
        assert_eq!(
            err("万parsec"),
            r#"invalid unit "万parsec": unknown unit "parsec""#
        );
        assert_eq!(
            err("万%"),
            r#"invalid unit "万%": % takes no magnitude prefix"#
        );
        assert_eq!(
            err(""),
            r#"invalid unit "": expected a unit such as 个, TB, 亿元 or %"#
        );
        assert_eq!(err("万"), r#"invalid unit "万": unknown unit """#);
        assert_eq!(
            err("亿万元"),
            r#"invalid unit "亿万元": ill-formed magnitude prefix"#
        );
        assert_eq!(
            err("万volume"),
            r#"invalid unit "万volume": unknown unit "volume""#
        );
    }
}
