//! CSV rows formatted straight into one output buffer: the bytes of the
//! `csv` crate's writer (fields quoted only where needed, `\n` after each
//! record) with the formula guard of [`CsvOptions::guard`], without a
//! string per cell. (A record of one empty field, which the `csv` crate
//! writes as `""`, is never written: every table here has several columns.)

use std::io::Write;

use chrono::{Datelike, NaiveDate};
use rust_decimal::Decimal;

use crate::encode::{CsvOptions, csv_error};
use crate::error::Error;

/// How many bytes are gathered before they are handed to the writer.
const FLUSH_AT: usize = 1 << 16;

/// A CSV writer that formats each cell into its buffer.
pub(crate) struct CellWriter<'o, W: Write> {
    out: W,
    options: &'o CsvOptions,
    buf: Vec<u8>,
    /// Whether the record being written has a field yet.
    started: bool,
}

impl<'o, W: Write> CellWriter<'o, W> {
    /// A writer that has written the byte order mark (if asked for).
    pub(crate) fn new(mut out: W, options: &'o CsvOptions) -> Result<CellWriter<'o, W>, Error> {
        if options.bom {
            out.write_all("\u{feff}".as_bytes())
                .map_err(|e| Error::new(crate::ErrorKind::Io(e), None))?;
        }
        Ok(CellWriter {
            out,
            options,
            buf: Vec::with_capacity(FLUSH_AT + 1024),
            started: false,
        })
    }

    /// Starts a field: the delimiter after the record's previous one.
    #[inline]
    fn open(&mut self) -> usize {
        if self.started {
            self.buf.push(b',');
        }
        self.started = true;
        self.buf.len()
    }

    /// Ends the field that began at `start`: guarded and quoted as the
    /// `csv` crate and [`CsvOptions::guard`] would.
    #[inline]
    fn close(&mut self, start: usize) {
        let cell = &self.buf[start..];
        let risky = self.options.guard_formulas
            && matches!(
                cell.first(),
                Some(b'=' | b'+' | b'-' | b'@' | b'\t' | b'\r')
            );
        let special = cell
            .iter()
            .any(|b| matches!(b, b',' | b'"' | b'\r' | b'\n'));
        if risky || special {
            self.rewrite(start);
        }
    }

    /// The slow end of a field: the text from `start` written again
    /// through the guard and with quotes where needed.
    #[cold]
    fn rewrite(&mut self, start: usize) {
        let text = self.buf.split_off(start);
        // Every cell is written from `&str` or `Display`: UTF-8.
        let text = String::from_utf8_lossy(&text);
        let guarded = self.options.guard(&text);
        let bytes = guarded.as_bytes();
        if bytes
            .iter()
            .any(|b| matches!(b, b',' | b'"' | b'\r' | b'\n'))
        {
            self.buf.push(b'"');
            for &b in bytes {
                if b == b'"' {
                    self.buf.push(b'"');
                }
                self.buf.push(b);
            }
            self.buf.push(b'"');
        } else {
            self.buf.extend_from_slice(bytes);
        }
    }

    /// A text cell.
    #[inline]
    pub(crate) fn str(&mut self, text: &str) {
        let start = self.open();
        self.buf.extend_from_slice(text.as_bytes());
        self.close(start);
    }

    /// A text cell that never needs quotes or the guard: a snake_case id,
    /// a jurisdiction code or the name of a value of an enumeration
    /// (`a`–`z`, `0`–`9` and `_`).
    #[inline]
    pub(crate) fn plain(&mut self, text: &str) {
        debug_assert!(
            text.bytes()
                .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'_')
        );
        self.open();
        self.buf.extend_from_slice(text.as_bytes());
    }

    /// A text cell made of several pieces one after another.
    #[inline]
    pub(crate) fn strs(&mut self, pieces: &[&str]) {
        let start = self.open();
        for piece in pieces {
            self.buf.extend_from_slice(piece.as_bytes());
        }
        self.close(start);
    }

    /// A cell as `Display` writes it.
    pub(crate) fn display(&mut self, value: &dyn std::fmt::Display) {
        let start = self.open();
        // Writing into a Vec cannot fail.
        let _ = write!(self.buf, "{value}");
        self.close(start);
    }

    /// An empty cell.
    #[inline]
    pub(crate) fn empty(&mut self) {
        self.open();
    }

    /// A decimal as its `Display` writes it: digits, a point and a sign,
    /// never quoted, and never guarded (the guard leaves numbers alone).
    #[inline]
    pub(crate) fn decimal(&mut self, value: Decimal) {
        self.open();
        push_decimal(&mut self.buf, value);
    }

    /// A date as its `Display` writes it (`2025-12-31`).
    #[inline]
    pub(crate) fn date(&mut self, day: NaiveDate) {
        let start = self.open();
        push_date(&mut self.buf, day);
        self.close(start);
    }

    /// A whole number.
    #[inline]
    pub(crate) fn number(&mut self, n: u64) {
        self.open();
        push_u128(&mut self.buf, u128::from(n));
    }

    /// Ends the record; hands the buffer on when it is full.
    pub(crate) fn end(&mut self) -> Result<(), Error> {
        self.buf.push(b'\n');
        self.started = false;
        if self.buf.len() >= FLUSH_AT {
            self.hand_on()?;
        }
        Ok(())
    }

    /// Writes the buffer out.
    fn hand_on(&mut self) -> Result<(), Error> {
        let written = self.out.write_all(&self.buf);
        self.buf.clear();
        written.map_err(|e| csv_error(e.into()))
    }

    /// Writes what is left and flushes the writer.
    pub(crate) fn finish(mut self) -> Result<(), Error> {
        self.out
            .write_all(&self.buf)
            .and_then(|()| self.out.flush())
            .map_err(|e| Error::new(crate::ErrorKind::Io(e), None))
    }
}

/// Appends `value` as `Decimal`'s `Display` writes it: the digits of the
/// mantissa with the point `scale` places from the right, a `0` before a
/// leading point, a `-` for any negative value (even zero).
pub(crate) fn push_decimal(buf: &mut Vec<u8>, value: Decimal) {
    if value.is_sign_negative() {
        buf.push(b'-');
    }
    let scale = value.scale() as usize;
    let mut digits = [0u8; 40];
    let mut at = digits.len();
    let mantissa = value.mantissa().unsigned_abs();
    // Most mantissas fit 64 bits, whose division is much cheaper.
    match u64::try_from(mantissa) {
        Ok(mut n) => {
            while n != 0 {
                at -= 1;
                digits[at] = b'0' + (n % 10) as u8;
                n /= 10;
            }
        }
        Err(_) => {
            let mut n = mantissa;
            while n != 0 {
                at -= 1;
                digits[at] = b'0' + (n % 10) as u8;
                n /= 10;
            }
        }
    }
    let digits = &digits[at..];
    if scale == 0 {
        if digits.is_empty() {
            buf.push(b'0');
        }
        buf.extend_from_slice(digits);
    } else if digits.len() > scale {
        let (whole, fraction) = digits.split_at(digits.len() - scale);
        buf.extend_from_slice(whole);
        buf.push(b'.');
        buf.extend_from_slice(fraction);
    } else {
        buf.extend_from_slice(b"0.");
        buf.resize(buf.len() + scale - digits.len(), b'0');
        buf.extend_from_slice(digits);
    }
}

/// Appends a whole number.
fn push_u128(buf: &mut Vec<u8>, mut n: u128) {
    let mut digits = [0u8; 40];
    let mut at = digits.len();
    loop {
        at -= 1;
        digits[at] = b'0' + (n % 10) as u8;
        n /= 10;
        if n == 0 {
            break;
        }
    }
    buf.extend_from_slice(&digits[at..]);
}

/// Appends `day` as its `Display` writes it.
fn push_date(buf: &mut Vec<u8>, day: NaiveDate) {
    let year = day.year();
    if !(0..=9999).contains(&year) {
        // Signed years, as chrono writes them.
        let _ = write!(buf, "{day}");
        return;
    }
    let two = |buf: &mut Vec<u8>, n: u32| {
        buf.extend_from_slice(&[b'0' + (n / 10) as u8, b'0' + (n % 10) as u8])
    };
    let year = year as u32;
    two(buf, year / 100);
    two(buf, year % 100);
    buf.push(b'-');
    two(buf, day.month());
    buf.push(b'-');
    two(buf, day.day());
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn decimal(value: Decimal) -> String {
        let mut buf = Vec::new();
        push_decimal(&mut buf, value);
        String::from_utf8(buf).unwrap()
    }

    #[test]
    fn decimals_are_written_as_display_writes_them() {
        for (text, expected) in [
            ("0", "0"),
            ("0.00", "0.00"),
            ("-0.05", "-0.05"),
            ("12.5", "12.5"),
            ("1000", "1000"),
            (
                "0.0000000000000000000000000001",
                "0.0000000000000000000000000001",
            ),
        ] {
            let value: Decimal = text.parse().unwrap();
            assert_eq!(decimal(value), expected);
            assert_eq!(decimal(value), value.to_string());
        }
        assert_eq!(decimal(Decimal::MAX), "79228162514264337593543950335");
        assert_eq!(decimal(Decimal::MIN), "-79228162514264337593543950335");
        let negative_zero = Decimal::new(-1, 2) * Decimal::ZERO;
        assert_eq!(decimal(negative_zero), negative_zero.to_string());
        let mut unset = Decimal::new(0, 3);
        unset.set_sign_negative(true);
        assert_eq!(decimal(unset), "-0.000");
    }

    proptest! {
        #[test]
        fn any_decimal_is_written_as_display_writes_it(
            lo in any::<u32>(), mid in any::<u32>(), hi in any::<u32>(),
            negative in any::<bool>(), scale in 0u32..=28,
        ) {
            let value = Decimal::from_parts(lo, mid, hi, negative, scale);
            prop_assert_eq!(decimal(value), value.to_string());
        }

        #[test]
        fn any_date_is_written_as_display_writes_it(days in -1_000_000i32..4_000_000) {
            let day = NaiveDate::from_num_days_from_ce_opt(days).unwrap();
            let mut buf = Vec::new();
            push_date(&mut buf, day);
            prop_assert_eq!(String::from_utf8(buf).unwrap(), day.to_string());
        }

        #[test]
        fn any_row_is_written_as_the_csv_crate_writes_it(
            cells in proptest::collection::vec("[a-z0-9=+@\\-,\"\r\n\t ]{0,6}", 2..6),
            guard in any::<bool>(),
        ) {
            let options = CsvOptions { guard_formulas: guard, ..CsvOptions::default() };
            let mut ours = Vec::new();
            let mut writer = CellWriter::new(&mut ours, &options).unwrap();
            for cell in &cells {
                writer.str(cell);
            }
            writer.end().unwrap();
            writer.finish().unwrap();
            let mut theirs = csv::Writer::from_writer(Vec::new());
            theirs
                .write_record(cells.iter().map(|c| options.guard(c).into_owned()))
                .unwrap();
            let theirs = theirs.into_inner().unwrap();
            prop_assert_eq!(ours, theirs);
        }
    }

    #[test]
    fn numbers_and_empty_cells() {
        let options = CsvOptions::default();
        let mut out = Vec::new();
        let mut writer = CellWriter::new(&mut out, &options).unwrap();
        writer.number(0);
        writer.empty();
        writer.number(18_446_744_073_709_551_615);
        writer.decimal(Decimal::new(-125, 1));
        writer.date(NaiveDate::from_ymd_opt(2025, 1, 9).unwrap());
        writer.end().unwrap();
        writer.finish().unwrap();
        assert_eq!(out, b"0,,18446744073709551615,-12.5,2025-01-09\n");
    }
}
