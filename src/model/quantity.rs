//! Exact quantities: a [`Decimal`] with a [`Unit`].

use std::cmp::Ordering;
use std::fmt;
use std::str::FromStr;

use rust_decimal::Decimal;

use crate::model::error::{ArithmeticError, DimensionError, Operation, ParseError, Problem};
use crate::model::number::{leading_number, normalize_width, scale_pow10};
use crate::model::{Dimension, Unit};

/// An exact amount in a unit, kept as written (`5.8万人` stays 5.8 in 万人) and
/// convertible exactly to its dimension's canonical unit (58000 person).
///
/// Parsing reads the forms Chinese policy text uses: Arabic digits with
/// thousands separators and magnitudes (`5.8万人`, `83亿元`, `1.8万亿元`),
/// Chinese numerals (`三千个`, `百亿元`), SI data units (`1.2 PB`), shares
/// (`20%`) and computing power (`4500PFlops`). No floating point is involved
/// anywhere. `Display` writes a form that parses back to an equal quantity.
///
/// ```
/// use policy_targets::{Dimension, Quantity};
///
/// let workers: Quantity = "5.8万人".parse()?;
/// assert_eq!(workers.dimension(), Dimension::Persons);
/// assert_eq!(workers.to_string(), "5.8万人");
/// assert_eq!(workers.canonical().to_string(), "58000 person");
///
/// let output: Quantity = "1.8万亿元".parse()?;
/// assert_eq!(output.canonical_value().to_string(), "1800000000000");
/// assert_eq!("1.2 PB".parse::<Quantity>()?.canonical().to_string(), "1200 TB");
/// # Ok::<(), policy_targets::ParseError>(())
/// ```
#[derive(Clone, Copy, PartialEq, Eq, Hash)]
pub struct Quantity {
    value: Decimal,
    unit: Unit,
    canonical: Decimal,
}

impl Quantity {
    /// A quantity of `value` in `unit`.
    ///
    /// Fails when the value converted to the canonical unit does not fit an
    /// exact `Decimal` (28 significant digits).
    pub fn new(value: Decimal, unit: Unit) -> Result<Quantity, ParseError> {
        let canonical = scale_pow10(value, unit.exponent_to_canonical())
            .map(|d| d.normalize())
            .ok_or_else(|| {
                ParseError::typed(
                    "quantity",
                    &display(value, unit),
                    Problem::TooPrecise(unit.dimension().canonical_unit()),
                )
            })?;
        Ok(Quantity {
            value,
            unit,
            canonical,
        })
    }

    /// A quantity in the canonical unit of `dimension`.
    pub fn canonical_of(value: Decimal, dimension: Dimension) -> Quantity {
        Quantity {
            value,
            unit: dimension.canonical_unit(),
            canonical: value.normalize(),
        }
    }

    /// Parses a number as written together with an optional separate unit, the
    /// way data files give them (`value = "5.8万"`, `unit = "人"`).
    ///
    /// The number may carry its own unit (`"3000TB"`); then `unit` must be `None`.
    ///
    /// ```
    /// use policy_targets::Quantity;
    ///
    /// let q = Quantity::from_parts("5.8万", Some("人"))?;
    /// assert_eq!(q, "5.8万人".parse()?);
    /// assert!(Quantity::from_parts("3000TB", Some("TB")).is_err());
    /// # Ok::<(), policy_targets::ParseError>(())
    /// ```
    pub fn from_parts(number: &str, unit: Option<&str>) -> Result<Quantity, ParseError> {
        let normalized = normalize_width(number);
        let lead = leading_number(normalized.trim())
            .map_err(|problem| ParseError::typed("quantity", number, Problem::Number(problem)))?;
        let rest = lead.rest.trim();
        if continues_number(rest) {
            // `1.5e3`, `12.5.5`, `3 00`: digits the number parser stopped
            // before are a malformed number, not a unit.
            return Err(ParseError::typed(
                "quantity",
                number,
                Problem::NumberForm(number.trim().to_owned()),
            ));
        }
        let unit = match (rest.is_empty(), unit) {
            (true, Some(unit)) => unit.parse::<Unit>()?,
            (false, None) => rest.parse::<Unit>().map_err(|e| match e.kind() {
                Problem::NotAUnit => {
                    ParseError::typed("quantity", number, Problem::UnknownUnit(rest.to_owned()))
                }
                _ => e.of("quantity", number),
            })?,
            (true, None) => {
                return Err(ParseError::typed("quantity", number, Problem::MissingUnit));
            }
            (false, Some(_)) => {
                return Err(ParseError::typed("quantity", number, Problem::UnitTwice));
            }
        };
        let unit = unit.with_more_magnitude(lead.magnitude).ok_or_else(|| {
            ParseError::typed(
                "quantity",
                number,
                Problem::NoMagnitude(unit.symbol().to_string()),
            )
        })?;
        Quantity::new(lead.value, unit).map_err(|e| e.of("quantity", number))
    }

    /// The value in the unit as written.
    pub fn value(&self) -> Decimal {
        self.value
    }

    /// The unit as written.
    pub fn unit(&self) -> Unit {
        self.unit
    }

    /// The dimension (count, data volume, money, ...).
    pub fn dimension(&self) -> Dimension {
        self.unit.dimension()
    }

    /// The value in the canonical unit, exact and without trailing zeros.
    pub fn canonical_value(&self) -> Decimal {
        self.canonical
    }

    /// The same amount in the canonical unit (`5.8万人` → `58000 person`).
    pub fn canonical(&self) -> Quantity {
        Quantity::canonical_of(self.canonical, self.dimension())
    }

    /// Compares two amounts of the same dimension, whatever their units.
    pub fn compare(&self, other: &Quantity) -> Result<Ordering, DimensionError> {
        self.same_dimension(Operation::Compare, other)?;
        Ok(self.canonical.cmp(&other.canonical))
    }

    /// `self − other`, in the canonical unit.
    pub fn checked_sub(&self, other: &Quantity) -> Result<Quantity, ArithmeticError> {
        self.same_dimension(Operation::Subtract, other)?;
        let value = self
            .canonical
            .checked_sub(other.canonical)
            .ok_or_else(|| overflow(Operation::Subtract, self, other))?;
        Ok(Quantity::canonical_of(value, self.dimension()))
    }

    /// `self + other`, in the canonical unit.
    pub fn checked_add(&self, other: &Quantity) -> Result<Quantity, ArithmeticError> {
        self.same_dimension(Operation::Add, other)?;
        let value = self
            .canonical
            .checked_add(other.canonical)
            .ok_or_else(|| overflow(Operation::Add, self, other))?;
        Ok(Quantity::canonical_of(value, self.dimension()))
    }

    fn same_dimension(&self, op: Operation, other: &Quantity) -> Result<(), DimensionError> {
        if self.dimension() == other.dimension() {
            Ok(())
        } else {
            Err(DimensionError {
                op,
                left: self.to_string(),
                left_dimension: self.dimension(),
                right: other.to_string(),
                right_dimension: other.dimension(),
            })
        }
    }
}

fn overflow(op: Operation, a: &Quantity, b: &Quantity) -> ArithmeticError {
    ArithmeticError::Overflow {
        op,
        left: a.to_string(),
        right: b.to_string(),
    }
}

fn display(value: Decimal, unit: Unit) -> String {
    let unit = unit.to_string();
    let space = if unit.starts_with(|c: char| c.is_ascii_alphabetic()) {
        " "
    } else {
        ""
    };
    format!("{value}{space}{unit}")
}

impl fmt::Display for Quantity {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&display(self.value, self.unit))
    }
}

impl fmt::Debug for Quantity {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "Quantity({self})")
    }
}

impl FromStr for Quantity {
    type Err = ParseError;
    fn from_str(s: &str) -> Result<Quantity, ParseError> {
        Quantity::from_parts(s, None)
    }
}

impl serde::Serialize for Quantity {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_str(self)
    }
}

impl<'de> serde::Deserialize<'de> for Quantity {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Quantity, D::Error> {
        let s = <std::borrow::Cow<'de, str>>::deserialize(deserializer)?;
        s.parse().map_err(serde::de::Error::custom)
    }
}

/// Whether what follows a number still looks like part of a number (a
/// digit, a second decimal point, an exponent such as `e3`): the number is
/// malformed, there is no unit there.
fn continues_number(rest: &str) -> bool {
    let mut chars = rest.chars();
    match chars.next() {
        Some(c) if c.is_ascii_digit() || matches!(c, '.' | ',') => true,
        Some('e' | 'E') => {
            let next = chars.next();
            let next = if matches!(next, Some('+' | '-')) {
                chars.next()
            } else {
                next
            };
            next.is_some_and(|c| c.is_ascii_digit())
        }
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn q(s: &str) -> Quantity {
        s.parse().unwrap_or_else(|e| panic!("{e}"))
    }

    fn canon(s: &str) -> String {
        q(s).canonical().to_string()
    }

    #[test]
    fn the_forms_of_policy_text() {
        assert_eq!(canon("5.8万人"), "58000 person");
        assert_eq!(canon("83亿元"), "8300000000 CNY");
        assert_eq!(canon("1.8万亿元"), "1800000000000 CNY");
        assert_eq!(canon("百亿元"), "10000000000 CNY");
        assert_eq!(canon("3000TB"), "3000 TB");
        assert_eq!(canon("1.2 PB"), "1200 TB");
        assert_eq!(canon("17282TB"), "17282 TB");
        assert_eq!(canon("1000个"), "1000 count");
        assert_eq!(canon("223家"), "223 count");
        assert_eq!(canon("20%"), "20 percent");
        assert_eq!(canon("4500PFlops"), "4500 PFLOPS");
        assert_eq!(canon("500GB"), "0.5 TB");
        assert_eq!(canon("2EB"), "2000000 TB");
        assert_eq!(canon("3 EFLOPS"), "3000 PFLOPS");
        assert_eq!(canon("800 TFLOPS"), "0.8 PFLOPS");
        assert_eq!(canon("5万元"), "50000 CNY");
        assert_eq!(canon("三千个"), "3000 count");
        assert_eq!(canon("两百项"), "200 count");
        assert_eq!(canon("１０００个"), "1000 count");
        assert_eq!(canon("1,000 家"), "1000 count");
        assert_eq!(canon("12项次"), "12 count");
    }

    #[test]
    fn written_form_is_kept() {
        assert_eq!(q("5.8万人").value().to_string(), "5.8");
        assert_eq!(q("5.8万人").unit().to_string(), "万人");
        assert_eq!(q("5.80万人").to_string(), "5.80万人");
        assert_eq!(q("3000TB").to_string(), "3000 TB");
        assert_eq!(q("300个").to_string(), "300个");
        assert_eq!(q("83亿元").to_string(), "83亿元");
        assert_eq!(q("20%").to_string(), "20%");
    }

    #[test]
    fn parse_errors() {
        let err = |s: &str| s.parse::<Quantity>().unwrap_err().to_string();
        assert_eq!(
            err("300"),
            r#"invalid quantity "300": missing unit (expected e.g. 个, TB, 亿元, 人, %)"#
        );
        assert_eq!(
            err("TB"),
            r#"invalid quantity "TB": expected a number, found 'T'"#
        );
        assert_eq!(
            err(""),
            r#"invalid quantity "": expected a number, found nothing"#
        );
        assert_eq!(
            err("12 parsecs"),
            r#"invalid quantity "12 parsecs": unknown unit "parsecs""#
        );
        assert_eq!(
            err("5万%"),
            r#"invalid quantity "5万%": % takes no magnitude such as 万 or 亿"#
        );
        assert_eq!(
            err("1.5.5个"),
            r#"invalid quantity "1.5.5个": expected a number such as 1000 or 5.8万, found `1.5.5个`"#
        );
        assert_eq!(
            err("1.5e3个"),
            r#"invalid quantity "1.5e3个": expected a number such as 1000 or 5.8万, found `1.5e3个`"#
        );
        let parts = |n: &str, u: &str| Quantity::from_parts(n, Some(u)).unwrap_err().to_string();
        assert_eq!(
            parts("1.5e3", "个"),
            r#"invalid quantity "1.5e3": expected a number such as 1000 or 5.8万, found `1.5e3`"#
        );
        assert_eq!(
            parts("12.5.5", "个"),
            r#"invalid quantity "12.5.5": expected a number such as 1000 or 5.8万, found `12.5.5`"#
        );
        assert_eq!(
            parts("300个", "个"),
            r#"invalid quantity "300个": the value carries a unit and a separate unit is given too"#
        );
        assert_eq!(
            err("79228162514264337593543950335EB"),
            r#"invalid quantity "79228162514264337593543950335EB": too large or too precise to convert exactly to TB"#
        );
    }

    #[test]
    fn comparisons_respect_dimensions() {
        assert_eq!(q("1.2PB").compare(&q("1000TB")), Ok(Ordering::Greater));
        assert_eq!(q("1万人").compare(&q("10000人")), Ok(Ordering::Equal));
        let err = q("3000TB").compare(&q("300个")).unwrap_err();
        assert_eq!(
            err.to_string(),
            "cannot compare 3000 TB (data_volume) with 300个 (count): dimensions differ"
        );
        assert_eq!(
            q("83亿元").checked_sub(&q("3亿元")).unwrap().to_string(),
            "8000000000 CNY"
        );
        assert!(q("83亿元").checked_add(&q("3人")).is_err());
    }

    #[test]
    fn from_parts_combines_magnitudes() {
        let q = Quantity::from_parts("5.8万", Some("万人")).unwrap();
        assert_eq!(q.to_string(), "5.8亿人");
        assert_eq!(
            Quantity::from_parts("1000", Some("个"))
                .unwrap()
                .to_string(),
            "1000个"
        );
        assert!(Quantity::from_parts("1000", Some("bogus")).is_err());
    }
}
