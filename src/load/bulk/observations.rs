//! The rows of `observations.csv`: each checked and read, by a fast path
//! for the common forms, into a [`Row`] handed to a [`Sink`].

use std::io::{self, Read};
use std::path::Path;

use chrono::NaiveDate;
use rust_decimal::Decimal;

use super::OBSERVATIONS_CSV;
use super::header::{Layout, check_width};
use super::keys::{Cache, Keys, row_id, same, stem};
use super::problems::{Problem, Problems, invalid_utf8, too_long};
use super::reader::{CsvReader, Next};
use crate::error::{DataProblem, ErrorKind, ParseError};
use crate::{Dimension, Id, JurisdictionCode, PartialDate, Quantity, Unit};

/// A valid row of `observations.csv`.
pub(crate) struct Row {
    /// The row's line, relative to its chunk (see [`scan_observations`](super::scan::scan_observations)).
    pub line: u64,
    /// The jurisdiction's number (catalogue order).
    pub jurisdiction: u32,
    /// The metric's number (catalogue order).
    pub metric: u32,
    /// The date as written.
    pub as_of: PartialDate,
    /// The last day of `as_of`.
    pub day: NaiveDate,
    /// The value in the canonical unit (not necessarily normalised).
    pub canonical: Decimal,
    /// The quantity as written, when the sink asks for it.
    pub quantity: Option<Quantity>,
    /// The source's number, where given.
    pub source: Option<u32>,
}

/// What receives the valid rows of one chunk of `observations.csv`, in file
/// order.
pub(crate) trait Sink: Send {
    /// Whether rows carry the quantity as written ([`Row::quantity`]), read
    /// with the TOML reader's parser; otherwise only the canonical value,
    /// read by a fast path for plain numbers.
    const NEEDS_QUANTITY: bool;
    /// Takes one valid row.
    fn row(&mut self, row: &Row);
}

/// Per-thread state of reading observation rows.
pub(super) struct ObservationReader<'k> {
    keys: &'k Keys,
    layout: &'k Layout,
    jurisdictions: Cache,
    metrics: Cache,
    sources: Cache,
    last_date: Option<([u8; 10], NaiveDate)>,
    /// Per metric, the last unit text and its unit.
    units: Vec<Option<(Vec<u8>, Unit)>>,
    /// Whether lines are absolute (for the reserved-id check).
    absolute_lines: bool,
}

impl<'k> ObservationReader<'k> {
    pub(super) fn new(
        keys: &'k Keys,
        layout: &'k Layout,
        absolute_lines: bool,
    ) -> ObservationReader<'k> {
        ObservationReader {
            keys,
            layout,
            jurisdictions: Cache::new(&keys.jurisdictions),
            metrics: Cache::new(&keys.metrics),
            sources: Cache::new(&keys.sources),
            last_date: None,
            units: vec![None; keys.metrics.items.len()],
            absolute_lines,
        }
    }

    /// Reads records until `limit`, the end, or a broken record; returns
    /// how it ended.
    pub(super) fn run<R: Read, S: Sink>(
        &mut self,
        reader: &mut CsvReader<R>,
        limit: u64,
        sink: &mut S,
        problems: &mut Problems,
    ) -> io::Result<Next> {
        loop {
            match reader.next(limit)? {
                Next::Record => {
                    if let Some(row) = self.fast_row::<R, S>(reader) {
                        sink.row(&row);
                    } else if check_width(reader, self.layout, problems) {
                        if let Some(row) = self.row::<R, S>(reader, problems) {
                            sink.row(&row);
                        }
                    }
                }
                Next::End => return Ok(Next::End),
                Next::TooLong => {
                    problems.push(too_long(reader.line));
                    return Ok(Next::TooLong);
                }
            }
        }
    }

    /// The common case, without allocating or reporting: known keys, a
    /// `YYYY-MM-DD` date, a plain number in a unit seen before for the
    /// metric. `None` sends the record to [`ObservationReader::row`], which
    /// reads every other form and reports the problems.
    #[inline]
    fn fast_row<R: Read, S: Sink>(&mut self, reader: &CsvReader<R>) -> Option<Row> {
        if S::NEEDS_QUANTITY
            || reader.len() != self.layout.width
            || !self.keys.taken_lines.is_empty()
        {
            return None;
        }
        let layout = self.layout;
        let column = |k: usize| layout.columns[k].map(|c| reader.field(c));
        let jurisdiction = self
            .jurisdictions
            .find(column(0)?, &self.keys.jurisdictions)?;
        let metric = self.metrics.find(column(1)?, &self.keys.metrics)?;
        let date = column(2)?;
        let day = match &self.last_date {
            Some((last, day)) if same(last, date) => *day,
            _ => {
                let day = fast_day(date)?;
                let mut key = [0u8; 10];
                key.copy_from_slice(date);
                self.last_date = Some((key, day));
                day
            }
        };
        let (canonical, unit) = self.fast_value(metric as usize, column(3)?, column(4)?)?;
        if unit.dimension() != self.keys.metrics.items[metric as usize].1 {
            return None;
        }
        let source = match column(5) {
            None | Some(b"") => None,
            Some(bytes) => Some(self.sources.find(bytes, &self.keys.sources)?),
        };
        Some(Row {
            line: reader.record_line,
            jurisdiction,
            metric,
            as_of: PartialDate::Day(day),
            day,
            canonical,
            quantity: None,
            source,
        })
    }

    fn row<R: Read, S: Sink>(
        &mut self,
        reader: &CsvReader<R>,
        problems: &mut Problems,
    ) -> Option<Row> {
        let layout = self.layout;
        let line = reader.record_line;
        let col = |k: usize| layout.get(k).unwrap_or(0);
        let mut failed = false;
        let mut fail = |k: usize, kind: ErrorKind| {
            failed = true;
            problems.push(Problem {
                line,
                column: reader.column(col(k)),
                field: Some(layout.names[k]),
                kind,
            });
        };

        // jurisdiction, metric
        let jurisdiction = {
            let bytes = reader.field(col(0));
            let found = self.jurisdictions.find(bytes, &self.keys.jurisdictions);
            if found.is_none() {
                fail(0, self.reference("jurisdiction", bytes));
            }
            found
        };
        let metric = {
            let bytes = reader.field(col(1));
            let found = self.metrics.find(bytes, &self.keys.metrics);
            if found.is_none() {
                fail(1, self.reference("metric", bytes));
            }
            found
        };

        // as_of
        let as_of = {
            let bytes = reader.field(col(2));
            match self.date(bytes) {
                Ok(date) => Some(date),
                Err(kind) => {
                    fail(2, kind);
                    None
                }
            }
        };

        // value, unit
        let value_bytes = reader.field(col(3));
        let unit_bytes = reader.field(col(4));
        let value = match metric {
            Some(m) => self.value::<S>(m, value_bytes, unit_bytes),
            None => full_quantity(value_bytes, unit_bytes).map(|q| (q.canonical_value(), None)),
        };
        let value = match value {
            Ok(v) => Some(v),
            Err((k, kind)) => {
                fail(k, kind);
                None
            }
        };

        // source
        let source = match layout.get(5).map(|c| reader.field(c)) {
            None | Some(b"") => None,
            Some(bytes) => match self.sources.find(bytes, &self.keys.sources) {
                Some(s) => Some(s),
                None => {
                    fail(5, self.reference("source", bytes));
                    None
                }
            },
        };

        if failed {
            return None;
        }
        if self.absolute_lines && self.keys.taken_lines.contains(&line) {
            problems.push(Problem {
                line,
                column: 1,
                field: Some("id"),
                kind: DataProblem::RowIdTaken(row_id(&stem(Path::new(OBSERVATIONS_CSV)), line))
                    .into(),
            });
            return None;
        }
        let (jurisdiction, metric, as_of, (canonical, quantity)) =
            (jurisdiction?, metric?, as_of?, value?);
        Some(Row {
            line,
            jurisdiction,
            metric,
            as_of,
            day: as_of.last_day(),
            canonical,
            quantity,
            source,
        })
    }

    /// The problem with a key that is not in the catalogue: a malformed one,
    /// or an unknown one.
    fn reference(&self, what: &'static str, bytes: &[u8]) -> ErrorKind {
        let Ok(text) = std::str::from_utf8(bytes) else {
            return invalid_utf8();
        };
        let malformed = match what {
            "jurisdiction" => text.parse::<JurisdictionCode>().err(),
            _ => text.parse::<Id>().err(),
        };
        match malformed {
            Some(err) => err.into(),
            None => self.keys.unknown(what, text),
        }
    }

    fn date(&mut self, bytes: &[u8]) -> Result<PartialDate, ErrorKind> {
        if let Some((last, day)) = &self.last_date {
            if same(last, bytes) {
                return Ok(PartialDate::Day(*day));
            }
        }
        if let Some(day) = fast_day(bytes) {
            let mut key = [0u8; 10];
            key.copy_from_slice(bytes);
            self.last_date = Some((key, day));
            return Ok(PartialDate::Day(day));
        }
        let text = std::str::from_utf8(bytes).map_err(|_| invalid_utf8())?;
        text.parse::<PartialDate>().map_err(ErrorKind::from)
    }

    /// The canonical value (and the quantity, if the sink needs it), or the
    /// problem and the index of the column it is in.
    #[allow(clippy::type_complexity)]
    fn value<S: Sink>(
        &mut self,
        metric: u32,
        value: &[u8],
        unit: &[u8],
    ) -> Result<(Decimal, Option<Quantity>), (usize, ErrorKind)> {
        let (metric_id, expected) = &self.keys.metrics.items[metric as usize];
        if !S::NEEDS_QUANTITY {
            if let Some(fast) = self.fast_value(metric as usize, value, unit) {
                let (canonical, unit) = fast;
                if unit.dimension() != *expected {
                    return Err((3, wrong_dimension(unit, metric_id, *expected)));
                }
                return Ok((canonical, None));
            }
        }
        let q = full_quantity(value, unit)?;
        if q.dimension() != *expected {
            return Err((3, wrong_dimension(q.unit(), metric_id, *expected)));
        }
        if let Some(kind) = crate::catalog::negative(&q) {
            return Err((3, kind));
        }
        Ok((q.canonical_value(), S::NEEDS_QUANTITY.then_some(q)))
    }

    /// A plain number (digits, an optional fraction, at most 18 digits) in
    /// a unit seen before for this metric, without allocating.
    fn fast_value(&mut self, metric: usize, value: &[u8], unit: &[u8]) -> Option<(Decimal, Unit)> {
        let (mantissa, scale) = fast_number(value)?;
        let unit = match &self.units[metric] {
            Some((text, u)) if same(text, unit) => *u,
            _ => {
                let parsed: Unit = std::str::from_utf8(unit).ok()?.parse().ok()?;
                self.units[metric] = Some((unit.to_vec(), parsed));
                parsed
            }
        };
        let canonical = canonical(mantissa, scale, unit.exponent_to_canonical())?;
        Some((canonical, unit))
    }
}

pub(super) fn wrong_dimension(unit: Unit, metric: &Id, expected: Dimension) -> ErrorKind {
    ErrorKind::WrongDimension {
        unit: unit.to_string(),
        found: unit.dimension(),
        metric: metric.to_string(),
        expected,
    }
}

/// A value and unit read with the TOML reader's parser
/// ([`Quantity::from_parts`]); an empty unit cell means the value carries
/// its unit (`3000TB`).
pub(super) fn full_quantity(value: &[u8], unit: &[u8]) -> Result<Quantity, (usize, ErrorKind)> {
    let value = std::str::from_utf8(value).map_err(|_| (3, invalid_utf8()))?;
    let unit = std::str::from_utf8(unit).map_err(|_| (4, invalid_utf8()))?;
    let unit = (!unit.is_empty()).then_some(unit);
    Quantity::from_parts(value, unit).map_err(|e: ParseError| {
        let k = if e.what() == "unit" { 4 } else { 3 };
        (k, e.into())
    })
}

/// `YYYY-MM-DD` with a valid day, without allocating.
pub(super) fn fast_day(b: &[u8]) -> Option<NaiveDate> {
    if b.len() != 10 || b[4] != b'-' || b[7] != b'-' {
        return None;
    }
    let digit = |i: usize| {
        let d = b[i].wrapping_sub(b'0');
        (d < 10).then_some(u32::from(d))
    };
    let year = digit(0)? * 1000 + digit(1)? * 100 + digit(2)? * 10 + digit(3)?;
    let month = digit(5)? * 10 + digit(6)?;
    let day = digit(8)? * 10 + digit(9)?;
    if year < 1000 {
        return None;
    }
    NaiveDate::from_ymd_opt(year as i32, month, day)
}

/// Digits with an optional fraction (`1234`, `56.780`), at most 18 digits:
/// the mantissa and the number of fraction digits.
pub(super) fn fast_number(b: &[u8]) -> Option<(u64, u32)> {
    let mut mantissa: u64 = 0;
    let mut digits = 0u32;
    let mut scale = 0u32;
    let mut dot = false;
    for &c in b {
        match c {
            b'0'..=b'9' => {
                if digits == 18 {
                    return None;
                }
                mantissa = mantissa * 10 + u64::from(c - b'0');
                digits += 1;
                if dot {
                    scale += 1;
                }
            }
            b'.' if !dot && digits > 0 => dot = true,
            _ => return None,
        }
    }
    if digits == 0 || (dot && scale == 0) {
        return None;
    }
    Some((mantissa, scale))
}

/// `mantissa × 10^(exponent − scale)` exactly, for exponents of at most 9
/// either way (where it always fits).
pub(super) fn canonical(mantissa: u64, scale: u32, exponent: i32) -> Option<Decimal> {
    if !(-9..=9).contains(&exponent) {
        return None;
    }
    let shift = scale as i32 - exponent;
    if shift >= 0 {
        Decimal::try_from_i128_with_scale(i128::from(mantissa), shift as u32).ok()
    } else {
        let factor = 10i128.checked_pow((-shift) as u32)?;
        Decimal::try_from_i128_with_scale(i128::from(mantissa).checked_mul(factor)?, 0).ok()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fast_paths_agree_with_the_parsers() {
        for s in ["2025-06-30", "2024-02-29", "1000-01-01", "9999-12-31"] {
            assert_eq!(
                fast_day(s.as_bytes()).map(PartialDate::Day),
                s.parse().ok(),
                "{s}"
            );
        }
        for s in [
            "2025-02-29",
            "2025-13-01",
            "0999-01-01",
            "2025-6-30",
            "2025/06/30",
        ] {
            assert_eq!(fast_day(s.as_bytes()), None, "{s}");
        }
        for (number, unit) in [
            ("1234", "个"),
            ("0.5", "TB"),
            ("12.3400", "亿元"),
            ("007", "PB"),
            ("999999999999999999", "GB"),
            ("1.5", "万元"),
            ("3", "EFLOPS"),
            ("0", "万人"),
        ] {
            let (m, s) = fast_number(number.as_bytes()).unwrap();
            let unit_: Unit = unit.parse().unwrap();
            let fast = canonical(m, s, unit_.exponent_to_canonical())
                .unwrap()
                .normalize();
            let full = Quantity::from_parts(number, Some(unit))
                .unwrap()
                .canonical_value();
            assert_eq!(fast.to_string(), full.to_string(), "{number}{unit}");
        }
        for s in [
            "",
            ".5",
            "5.",
            "-1",
            "+1",
            "1,000",
            "1e5",
            "1.2.3",
            "5万",
            " 1",
            "1234567890123456789",
        ] {
            assert_eq!(fast_number(s.as_bytes()), None, "{s}");
        }
    }
}
