//! Dates of coarse precision: a year, a month or a day ([`PartialDate`]),
//! target deadlines ([`Deadline`]) and plan periods ([`Period`]).

use std::fmt;
use std::str::FromStr;

use chrono::{Datelike, NaiveDate};

use crate::model::error::{ParseError, Problem};
use crate::model::number::normalize_width;

/// How precisely a [`PartialDate`] is known.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Precision {
    /// A whole year (`2027`).
    Year,
    /// A whole month (`2025-06`).
    Month,
    /// One day (`2025-06-13`).
    Day,
}

impl Precision {
    /// `year`, `month` or `day`.
    pub fn as_str(self) -> &'static str {
        match self {
            Precision::Year => "year",
            Precision::Month => "month",
            Precision::Day => "day",
        }
    }
}

impl fmt::Display for Precision {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl FromStr for Precision {
    type Err = ParseError;
    fn from_str(s: &str) -> Result<Precision, ParseError> {
        match s {
            "year" => Ok(Precision::Year),
            "month" => Ok(Precision::Month),
            "day" => Ok(Precision::Day),
            _ => Err(ParseError::typed(
                "precision",
                s,
                Problem::Alternatives(&["year", "month", "day"]),
            )),
        }
    }
}

/// A year, a month or a day: how policy documents date things.
///
/// Parses ISO forms (`2027`, `2025-06`, `2025-06-13`) and Chinese ones
/// (`2027年`, `2025年6月`, `2025年6月13日`); displays the ISO form. Years run
/// from 1000 to 9999.
///
/// ```
/// use policy_targets::PartialDate;
///
/// let june: PartialDate = "2025年6月".parse()?;
/// assert_eq!(june.to_string(), "2025-06");
/// assert_eq!(june.first_day().to_string(), "2025-06-01");
/// assert_eq!(june.last_day().to_string(), "2025-06-30");
/// # Ok::<(), policy_targets::ParseError>(())
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum PartialDate {
    /// A whole year.
    Year(i32),
    /// A whole month: year and month (1–12).
    Month(i32, u32),
    /// One day.
    Day(NaiveDate),
}

const YEARS: std::ops::RangeInclusive<i32> = 1000..=9999;

impl PartialDate {
    /// The date known to one day.
    pub fn day(date: NaiveDate) -> PartialDate {
        PartialDate::Day(date)
    }

    /// How precisely it is known.
    pub fn precision(self) -> Precision {
        match self {
            PartialDate::Year(_) => Precision::Year,
            PartialDate::Month(..) => Precision::Month,
            PartialDate::Day(_) => Precision::Day,
        }
    }

    /// The year.
    pub fn year(self) -> i32 {
        match self {
            PartialDate::Year(y) | PartialDate::Month(y, _) => y,
            PartialDate::Day(d) => d.year(),
        }
    }

    /// The first day it covers.
    pub fn first_day(self) -> NaiveDate {
        match self {
            PartialDate::Year(y) => ymd(y, 1, 1),
            PartialDate::Month(y, m) => ymd(y, m, 1),
            PartialDate::Day(d) => d,
        }
    }

    /// The last day it covers (inclusive).
    pub fn last_day(self) -> NaiveDate {
        match self {
            PartialDate::Year(y) => ymd(y, 12, 31),
            PartialDate::Month(y, m) => {
                let (ny, nm) = if m == 12 { (y + 1, 1) } else { (y, m + 1) };
                ymd(ny, nm, 1).pred_opt().unwrap_or(NaiveDate::MAX)
            }
            PartialDate::Day(d) => d,
        }
    }

    /// Rebuilds a partial date from the last day it covers and its precision,
    /// the way exports write it (`2027-12-31` + `year` → `2027`).
    pub fn from_last_day(last: NaiveDate, precision: Precision) -> Result<PartialDate, ParseError> {
        if !YEARS.contains(&last.year()) {
            return Err(ParseError::typed(
                "date",
                &last.to_string(),
                Problem::YearRange,
            ));
        }
        let date = match precision {
            Precision::Year => PartialDate::Year(last.year()),
            Precision::Month => PartialDate::Month(last.year(), last.month()),
            Precision::Day => PartialDate::Day(last),
        };
        if date.last_day() == last {
            Ok(date)
        } else {
            Err(ParseError::typed(
                "date",
                &last.to_string(),
                Problem::NotLastDay(precision),
            ))
        }
    }
}

fn ymd(y: i32, m: u32, d: u32) -> NaiveDate {
    // Callers only pass validated years (1000–9999) and months (1–12).
    NaiveDate::from_ymd_opt(y, m, d).unwrap_or(NaiveDate::MIN)
}

impl fmt::Display for PartialDate {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            PartialDate::Year(y) => write!(f, "{y}"),
            PartialDate::Month(y, m) => write!(f, "{y}-{m:02}"),
            PartialDate::Day(d) => write!(f, "{}", d.format("%Y-%m-%d")),
        }
    }
}

impl FromStr for PartialDate {
    type Err = ParseError;
    fn from_str(input: &str) -> Result<PartialDate, ParseError> {
        plain_date(input.as_bytes()).map_or_else(|| general_date(input), Ok)
    }
}

/// [`PartialDate`]'s parser for every form it reads.
fn general_date(input: &str) -> Result<PartialDate, ParseError> {
    let err = |problem: Problem| ParseError::typed("date", input, problem);
    let normalized = normalize_width(input);
    let s = normalized.trim();
    // Chinese forms: 2025年, 2025年6月, 2025年6月13日.
    let parts: Vec<&str> = if s.contains('年') {
        let s = s.strip_suffix('日').unwrap_or(s);
        let s = s.strip_suffix('月').unwrap_or(s);
        let s = s.strip_suffix('年').unwrap_or(s);
        s.split(['年', '月']).collect()
    } else {
        s.split('-').collect()
    };
    let number = |part: &str, width: std::ops::RangeInclusive<usize>| -> Result<u32, ParseError> {
        if width.contains(&part.len()) && part.bytes().all(|b| b.is_ascii_digit()) {
            part.parse::<u32>().map_err(|_| err(Problem::DateForm))
        } else {
            Err(err(Problem::DateForm))
        }
    };
    let year = number(parts.first().copied().unwrap_or(""), 4..=4)? as i32;
    if !YEARS.contains(&year) {
        return Err(err(Problem::YearRange));
    }
    let width = if s.contains('年') { 1..=2 } else { 2..=2 };
    match parts.len() {
        1 => Ok(PartialDate::Year(year)),
        2 => {
            let month = number(parts[1], width)?;
            if !(1..=12).contains(&month) {
                return Err(err(Problem::MonthRange));
            }
            Ok(PartialDate::Month(year, month))
        }
        3 => {
            let month = number(parts[1], width.clone())?;
            let day = number(parts[2], width)?;
            NaiveDate::from_ymd_opt(year, month, day)
                .map(PartialDate::Day)
                .ok_or_else(|| err(Problem::NoSuchDay))
        }
        _ => Err(err(Problem::DateForm)),
    }
}

/// The common forms `2027`, `2025-06` and `2025-06-13` when they are
/// valid dates, read without the general parser's allocations; `None` for
/// anything else, which the general parser reads (or refuses).
fn plain_date(s: &[u8]) -> Option<PartialDate> {
    let digits = |part: &[u8]| -> Option<u32> {
        part.iter().try_fold(0u32, |n, &b| {
            b.is_ascii_digit().then(|| n * 10 + u32::from(b - b'0'))
        })
    };
    let year = digits(s.get(..4)?)? as i32;
    if !YEARS.contains(&year) {
        return None;
    }
    let month = |part: &[u8]| digits(part).filter(|m| (1..=12).contains(m));
    match s.len() {
        4 => Some(PartialDate::Year(year)),
        7 if s[4] == b'-' => Some(PartialDate::Month(year, month(&s[5..7])?)),
        10 if s[4] == b'-' && s[7] == b'-' => {
            NaiveDate::from_ymd_opt(year, month(&s[5..7])?, digits(&s[8..10])?)
                .map(PartialDate::Day)
        }
        _ => None,
    }
}

/// When a target is due: a year (ends December 31), a month (ends on its last
/// day) or a day. The end is inclusive.
///
/// ```
/// use policy_targets::Deadline;
///
/// let d: Deadline = "2027".parse()?;
/// assert_eq!(d.end().to_string(), "2027-12-31");
/// assert_eq!("2025-06".parse::<Deadline>()?.end().to_string(), "2025-06-30");
/// # Ok::<(), policy_targets::ParseError>(())
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct Deadline(PartialDate);

impl Deadline {
    /// A deadline at the end of `date`.
    pub fn new(date: PartialDate) -> Deadline {
        Deadline(date)
    }

    /// The last day on which the target can still be met.
    pub fn end(self) -> NaiveDate {
        self.0.last_day()
    }

    /// The deadline as written.
    pub fn date(self) -> PartialDate {
        self.0
    }

    /// How precisely it is given.
    pub fn precision(self) -> Precision {
        self.0.precision()
    }
}

impl fmt::Display for Deadline {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.0.fmt(f)
    }
}

impl FromStr for Deadline {
    type Err = ParseError;
    fn from_str(s: &str) -> Result<Deadline, ParseError> {
        s.parse()
            .map(Deadline)
            .map_err(|e: ParseError| e.of("deadline", s))
    }
}

/// A plan period such as 2025—2027: from the first day of its start to the last
/// day of its end.
///
/// Parses `2025/2027` (ISO 8601 interval, the display form), `2025—2027`,
/// `2025–2027`, `2025-2027` and `2025—2027年`; either side may be a month or
/// a day (`2025-03/2026-06`).
///
/// ```
/// use policy_targets::Period;
///
/// let p: Period = "2025—2027".parse()?;
/// assert_eq!(p.to_string(), "2025/2027");
/// assert_eq!(p.start().to_string(), "2025-01-01");
/// assert_eq!(p.end().to_string(), "2027-12-31");
/// assert_eq!(p.months(), 36);
/// # Ok::<(), policy_targets::ParseError>(())
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct Period {
    from: PartialDate,
    to: PartialDate,
}

impl Period {
    /// A period from `from` to `to`; fails when it would end before it starts.
    pub fn new(from: PartialDate, to: PartialDate) -> Result<Period, ParseError> {
        if to.last_day() < from.first_day() {
            return Err(ParseError::typed(
                "period",
                &format!("{from}/{to}"),
                Problem::PeriodReversed,
            ));
        }
        Ok(Period { from, to })
    }

    /// The first day.
    pub fn start(self) -> NaiveDate {
        self.from.first_day()
    }

    /// The last day (inclusive).
    pub fn end(self) -> NaiveDate {
        self.to.last_day()
    }

    /// Where it starts, as written.
    pub fn from(self) -> PartialDate {
        self.from
    }

    /// Where it ends, as written.
    pub fn to(self) -> PartialDate {
        self.to
    }

    /// Whole calendar months covered, counting partial months as whole
    /// (2025—2027 → 36).
    pub fn months(self) -> u32 {
        let (s, e) = (self.start(), self.end());
        let months = (e.year() - s.year()) * 12 + e.month() as i32 - s.month() as i32 + 1;
        months.max(1) as u32
    }
}

impl fmt::Display for Period {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}/{}", self.from, self.to)
    }
}

impl FromStr for Period {
    type Err = ParseError;
    fn from_str(input: &str) -> Result<Period, ParseError> {
        let err = |problem: Problem| ParseError::typed("period", input, problem);
        let normalized = normalize_width(input);
        let s = normalized.trim();
        let s = s.strip_suffix('年').unwrap_or(s);
        let (a, b) = if let Some(split) = s.split_once('/') {
            split
        } else if let Some(split) = s.split_once(['—', '–', '~', '至']) {
            split
        } else if s.len() == 9 && s.as_bytes()[4] == b'-' {
            (&s[..4], &s[5..])
        } else {
            return Err(err(Problem::PeriodForm));
        };
        let from: PartialDate = a
            .trim()
            .parse()
            .map_err(|e: ParseError| e.of("period", input))?;
        let to: PartialDate = b
            .trim()
            .parse()
            .map_err(|e: ParseError| e.of("period", input))?;
        Period::new(from, to).map_err(|e| e.of("period", input))
    }
}

crate::util::serde_via_string!(PartialDate, Deadline, Period, Precision);

#[cfg(test)]
mod tests {
    use proptest::prelude::*;

    proptest! {
        #[test]
        fn plain_dates_read_as_the_general_parser_reads_them(text in "[0-9]{4}(-[0-9]{1,3}){0,2}") {
            if let Some(date) = super::plain_date(text.as_bytes()) {
                prop_assert_eq!(Ok(date), super::general_date(&text));
            } else {
                prop_assert!(super::general_date(&text).is_err());
            }
        }
    }

    use super::*;

    fn pd(s: &str) -> PartialDate {
        s.parse().unwrap_or_else(|e| panic!("{e}"))
    }

    #[test]
    fn forms_and_ends() {
        assert_eq!(pd("2027"), PartialDate::Year(2027));
        assert_eq!(pd("2025-06"), PartialDate::Month(2025, 6));
        assert_eq!(pd("2025年6月"), PartialDate::Month(2025, 6));
        assert_eq!(pd("2025年6月13日").to_string(), "2025-06-13");
        assert_eq!(pd("2027年"), PartialDate::Year(2027));
        assert_eq!(pd("2024-02").last_day().to_string(), "2024-02-29");
        assert_eq!(pd("2025-12").last_day().to_string(), "2025-12-31");
        assert_eq!(pd("２０２７").to_string(), "2027");
    }

    #[test]
    fn errors() {
        let err = |s: &str| s.parse::<PartialDate>().unwrap_err().to_string();
        assert_eq!(
            err("2025-02-30"),
            r#"invalid date "2025-02-30": no such day in the calendar"#
        );
        assert_eq!(
            err("2025-13"),
            r#"invalid date "2025-13": the month must be between 01 and 12"#
        );
        assert_eq!(
            err("25"),
            r#"invalid date "25": expected YYYY, YYYY-MM or YYYY-MM-DD"#
        );
        assert_eq!(
            err("0999"),
            r#"invalid date "0999": the year must be between 1000 and 9999"#
        );
        assert_eq!(
            err("2025-6"),
            r#"invalid date "2025-6": expected YYYY, YYYY-MM or YYYY-MM-DD"#
        );
        assert_eq!(
            err(""),
            r#"invalid date "": expected YYYY, YYYY-MM or YYYY-MM-DD"#
        );
        assert_eq!(
            "2025-6".parse::<Deadline>().unwrap_err().to_string(),
            r#"invalid deadline "2025-6": expected YYYY, YYYY-MM or YYYY-MM-DD"#
        );
    }

    #[test]
    fn rebuild_from_last_day() {
        for s in ["2027", "2025-06", "2025-06-13", "2024-02"] {
            let d = pd(s);
            assert_eq!(
                PartialDate::from_last_day(d.last_day(), d.precision()).unwrap(),
                d
            );
        }
        assert!(PartialDate::from_last_day(pd("2025-06-13").last_day(), Precision::Month).is_err());
    }

    #[test]
    fn periods() {
        for s in [
            "2025—2027",
            "2025–2027",
            "2025-2027",
            "2025/2027",
            "2025—2027年",
        ] {
            assert_eq!(s.parse::<Period>().unwrap().to_string(), "2025/2027", "{s}");
        }
        let p: Period = "2025-03/2026-06".parse().unwrap();
        assert_eq!(p.months(), 16);
        assert_eq!(
            "2027/2025".parse::<Period>().unwrap_err().to_string(),
            r#"invalid period "2027/2025": it ends before it starts"#
        );
    }
}
