//! The text of a row's cells, written into buffers that are reused from
//! row to row (no allocation per row once they have grown).

use std::fmt::Write as _;

use rust_decimal::Decimal;

use crate::{PartialDate, Unit};

/// An exact decimal as it is bound into a TEXT column, with its REAL twin,
/// in a reused buffer.
#[derive(Default)]
pub(super) struct Number {
    text: String,
    integer: Option<i64>,
    num: f64,
}

/// How the digits of a [`Number`] are bound.
#[derive(Clone, Copy, Debug, PartialEq)]
pub(super) enum Digits {
    /// An integer: SQLite writes its digits into the TEXT column, the
    /// decimal's own (it has no fractional digits), without the copy a
    /// bound text takes.
    Integer(i64),
    /// The exact digits, as text.
    Text,
}

impl Number {
    /// Writes `d`: its exact digits (none if it is bound as an integer),
    /// and the REAL nearest to them.
    pub(super) fn set(&mut self, d: Decimal) {
        self.text.clear();
        self.integer = integer(d);
        if let Some(i) = self.integer {
            // Rounds to the nearest, as parsing the digits does.
            self.num = i as f64;
            return;
        }
        // Writing into a String cannot fail.
        let _ = write!(self.text, "{d}");
        self.num = self.text.parse().unwrap_or(f64::NAN);
    }

    /// How the digits are bound.
    pub(super) fn digits(&self) -> Digits {
        self.integer.map_or(Digits::Text, Digits::Integer)
    }

    /// The exact digits, empty if they are bound as an integer.
    pub(super) fn text(&self) -> &str {
        &self.text
    }

    /// The nearest REAL.
    pub(super) fn num(&self) -> f64 {
        self.num
    }
}

/// `d` as an integer whose decimal text is `d`'s own: no fractional
/// digits, within `i64`; zero keeps its written form (a sign) as text.
fn integer(d: Decimal) -> Option<i64> {
    if d.scale() != 0 || d.is_zero() {
        return None;
    }
    i64::try_from(d.mantissa()).ok()
}

/// The names of the units met so far (a handful per file).
#[derive(Default)]
pub(super) struct UnitNames(Vec<(Unit, String)>);

impl UnitNames {
    /// The names of `units`, as their `Display` writes them.
    pub(super) fn both(&mut self, units: [Unit; 2]) -> [&str; 2] {
        let at = units.map(|u| self.at(u));
        at.map(|i| self.0[i].1.as_str())
    }

    /// Where the name of `unit` is, written there if it was not yet.
    fn at(&mut self, unit: Unit) -> usize {
        match self.0.iter().position(|(u, _)| *u == unit) {
            Some(at) => at,
            None => {
                self.0.push((unit, unit.to_string()));
                self.0.len() - 1
            }
        }
    }
}

/// A date as the ISO text of its last day, kept for the rows that follow
/// with the same date.
pub(super) struct Day {
    date: Option<PartialDate>,
    text: String,
}

impl Day {
    pub(super) fn new() -> Day {
        Day {
            date: None,
            text: String::with_capacity(10),
        }
    }

    /// Whether `date` differs from the last one; if so, it is written.
    pub(super) fn changed(&mut self, date: PartialDate) -> bool {
        if self.date == Some(date) {
            return false;
        }
        self.date = Some(date);
        self.text.clear();
        let _ = write!(self.text, "{}", date.last_day());
        true
    }

    /// The ISO text of the last day of the date.
    pub(super) fn text(&self) -> &str {
        &self.text
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_keep_their_digits_and_the_nearest_real() {
        let mut n = Number::default();
        n.set("98.390".parse().unwrap());
        assert_eq!(
            (n.text(), n.num(), n.digits()),
            ("98.390", 98.39, Digits::Text)
        );
        n.set("0.1".parse().unwrap());
        assert_eq!((n.text(), n.num()), ("0.1", 0.1));
        n.set("-12000".parse().unwrap());
        assert_eq!((n.text(), n.num()), ("", -12000.0));
        assert_eq!(n.digits(), Digits::Integer(-12000));
        // Trailing zeros after the point are digits of the value.
        n.set("120.0".parse().unwrap());
        assert_eq!((n.text(), n.digits()), ("120.0", Digits::Text));
        n.set("0".parse().unwrap());
        assert_eq!((n.text(), n.digits()), ("0", Digits::Text));
        // Beyond i64: the digits as text.
        n.set("12345678901234567890123".parse().unwrap());
        assert_eq!(n.text(), "12345678901234567890123");
        assert_eq!(n.num(), 1.2345678901234568e22);
    }

    #[test]
    fn integers_round_to_the_real_their_digits_parse_to() {
        let mut n = Number::default();
        for digits in [
            "9007199254740993",
            "-9007199254740993",
            "9223372036854775807",
        ] {
            n.set(digits.parse().unwrap());
            assert!(matches!(n.digits(), Digits::Integer(_)), "{digits}");
            assert_eq!(n.num(), digits.parse::<f64>().unwrap(), "{digits}");
        }
    }

    #[test]
    fn unit_names_are_their_display() {
        let mut names = UnitNames::default();
        let wan: Unit = "万人".parse().unwrap();
        let tb: Unit = "TB".parse().unwrap();
        assert_eq!(names.both([wan, tb]), ["万人", "TB"]);
        assert_eq!(names.both([tb, wan]), ["TB", "万人"]);
        assert_eq!(names.0.len(), 2);
    }

    #[test]
    fn a_day_is_written_once_per_change() {
        let mut day = Day::new();
        let month: PartialDate = "2024-02".parse().unwrap();
        assert!(day.changed(month));
        assert_eq!(day.text(), "2024-02-29");
        assert!(!day.changed(month));
        assert!(day.changed("2025".parse().unwrap()));
        assert_eq!(day.text(), "2025-12-31");
    }
}
