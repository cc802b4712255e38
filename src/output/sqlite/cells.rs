//! The text of a row's cells, written into buffers that are reused from
//! row to row (no allocation per row once they have grown).

use std::fmt::Write as _;

use rust_decimal::Decimal;

use crate::{PartialDate, Unit};

/// An exact decimal as TEXT and its REAL twin, in a reused buffer.
#[derive(Default)]
pub(super) struct Number {
    text: String,
    num: f64,
}

impl Number {
    /// Writes `d`: its exact digits, and the REAL nearest to them.
    pub(super) fn set(&mut self, d: Decimal) {
        self.text.clear();
        // Writing into a String cannot fail.
        let _ = write!(self.text, "{d}");
        self.num = self.text.parse().unwrap_or(f64::NAN);
    }

    /// The exact digits.
    pub(super) fn text(&self) -> &str {
        &self.text
    }

    /// The nearest REAL.
    pub(super) fn num(&self) -> f64 {
        self.num
    }
}

/// A row id made of a fixed stem and a line number (`observations_12`).
pub(super) struct RowId {
    stem: String,
    text: String,
}

impl RowId {
    /// Ids that start with `stem` and an underscore.
    pub(super) fn new(stem: &str) -> RowId {
        RowId {
            stem: stem.to_owned(),
            text: String::new(),
        }
    }

    /// The id of the row on `line`, as
    /// [`row_id`](crate::load::bulk::row_id) writes it.
    pub(super) fn of(&mut self, line: u64) -> &str {
        self.text.clear();
        crate::load::bulk::push_row_id(&mut self.text, &self.stem, line);
        &self.text
    }
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
        assert_eq!((n.text(), n.num()), ("98.390", 98.39));
        n.set("0.1".parse().unwrap());
        assert_eq!((n.text(), n.num()), ("0.1", 0.1));
        n.set("-12000".parse().unwrap());
        assert_eq!((n.text(), n.num()), ("-12000", -12000.0));
    }

    #[test]
    fn row_ids_are_the_stem_and_the_line() {
        let mut id = RowId::new("observations");
        assert_eq!(id.of(2), "observations_2");
        assert_eq!(id.of(1_234_567), "observations_1234567");
        assert_eq!(id.of(10), "observations_10");
        assert_eq!(id.of(10), crate::load::bulk::row_id("observations", 10));
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
