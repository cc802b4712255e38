//! Properties of the value types: text round trips, exact unit conversion,
//! dimensions that never mix, and parsers that never panic; and of whole
//! catalogues: loaded from TOML, exported to JSON and read back unchanged.

use std::cmp::Ordering;

use chrono::NaiveDate;
use policy_targets::export::write_csv;
use policy_targets::gap::{Benchmark, Peers, Statistic};
use policy_targets::output::CsvOptions;
use policy_targets::{
    Basis, Catalog, Comparator, Deadline, Dimension, Force, Id, JurisdictionCode, Lang, Level,
    PartialDate, Per, Period, Polarity, Quantity, Status, Unit,
};
use proptest::prelude::*;
use proptest::sample::{Index, select};
use rust_decimal::Decimal;

/// Every base unit and magnitude prefix the data uses, with its dimension and
/// the power of ten to its dimension's canonical unit, written out by hand.
const UNITS: &[(&str, Dimension, i32)] = &[
    ("个", Dimension::Count, 0),
    ("家", Dimension::Count, 0),
    ("项", Dimension::Count, 0),
    ("项次", Dimension::Count, 0),
    ("count", Dimension::Count, 0),
    ("TB", Dimension::DataVolume, 0),
    ("GB", Dimension::DataVolume, -3),
    ("PB", Dimension::DataVolume, 3),
    ("EB", Dimension::DataVolume, 6),
    ("万TB", Dimension::DataVolume, 4),
    ("CNY", Dimension::Money, 0),
    ("元", Dimension::Money, 0),
    ("万元", Dimension::Money, 4),
    ("亿元", Dimension::Money, 8),
    ("万亿元", Dimension::Money, 12),
    ("百亿元", Dimension::Money, 10),
    ("人", Dimension::Persons, 0),
    ("万人", Dimension::Persons, 4),
    ("person", Dimension::Persons, 0),
    ("%", Dimension::Share, 0),
    ("percent", Dimension::Share, 0),
    ("PFLOPS", Dimension::Compute, 0),
    ("TFLOPS", Dimension::Compute, -3),
    ("EFLOPS", Dimension::Compute, 3),
];

fn unit(symbol: &str) -> Unit {
    symbol
        .parse()
        .unwrap_or_else(|e| panic!("unit {symbol}: {e}"))
}

/// A mantissa: any i64, or a small one (so that large magnitudes still fit).
fn mantissa() -> impl Strategy<Value = i64> {
    prop_oneof![any::<i64>(), -10_000_000i64..10_000_000]
}

/// A decimal from a mantissa and a scale of 0 to 6, with its parts.
fn decimal() -> impl Strategy<Value = (i64, u32)> {
    (mantissa(), 0u32..=6)
}

fn unit_index() -> impl Strategy<Value = usize> {
    0..UNITS.len()
}

/// `mantissa / 10^scale × 10^exponent`, computed with integer arithmetic;
/// `None` when it does not fit a `Decimal` (96-bit mantissa).
fn expected_canonical(mantissa: i64, scale: u32, exponent: i32) -> Option<Decimal> {
    let shift = exponent - scale as i32;
    if shift >= 0 {
        let factor = 10i128.checked_pow(shift as u32)?;
        let n = i128::from(mantissa).checked_mul(factor)?;
        Decimal::try_from_i128_with_scale(n, 0).ok()
    } else {
        Decimal::try_from_i128_with_scale(i128::from(mantissa), (-shift) as u32).ok()
    }
}

/// A partial date of any precision, years 1000–9999.
fn partial_date() -> impl Strategy<Value = PartialDate> {
    let year = 1000i32..=9999;
    prop_oneof![
        year.clone().prop_map(PartialDate::Year),
        (year.clone(), 1u32..=12).prop_map(|(y, m)| PartialDate::Month(y, m)),
        (year, 1u32..=366).prop_map(|(y, ordinal)| {
            let date = NaiveDate::from_yo_opt(y, ordinal)
                .or_else(|| NaiveDate::from_yo_opt(y, 365))
                .expect("a valid day");
            PartialDate::Day(date)
        }),
    ]
}

/// Text made of the pieces numbers and units are written with.
fn quantity_like() -> impl Strategy<Value = String> {
    prop_oneof![
        "[-+]?[0-9]{1,7}(\\.[0-9]{1,5})? ?(十|百|千|万|亿|十万|百万|千万|十亿|百亿|千亿|万亿)? ?(个|家|项|项次|count|TB|tb|ＴＢ|GB|PB|EB|元|CNY|人|person|名|%|％|percent|PFLOPS|PFlops|TFLOPS|EFLOPS)",
        "[零〇一二两三四五六七八九十百千万亿]{1,12}(个|家|元|人|TB)",
        "[0-9０-９.,，十百千万亿零一二三两个家项次元人TBPG% -]{0,30}",
        any::<String>(),
    ]
}

proptest! {
    #[test]
    fn quantity_display_parses_back(
        (m, scale) in decimal(),
        u in unit_index(),
    ) {
        let (symbol, dimension, _) = UNITS[u];
        let value = Decimal::new(m, scale);
        if let Ok(q) = Quantity::new(value, unit(symbol)) {
            prop_assert_eq!(q.dimension(), dimension);
            let text = q.to_string();
            let back: Quantity = text
                .parse()
                .map_err(|e| TestCaseError::fail(format!("{text:?}: {e}")))?;
            prop_assert_eq!(back, q, "{}", text);
            // Kept as written: the same digits and the same unit.
            prop_assert_eq!(back.value().to_string(), value.to_string());
            prop_assert_eq!(back.unit(), q.unit());
        }
    }

    #[test]
    fn canonical_conversion_is_exact(
        (m, scale) in decimal(),
        u in unit_index(),
    ) {
        let (symbol, dimension, exponent) = UNITS[u];
        let value = Decimal::new(m, scale);
        let expected = expected_canonical(m, scale, exponent);
        match (Quantity::new(value, unit(symbol)), expected) {
            (Ok(q), Some(expected)) => {
                prop_assert_eq!(q.canonical_value(), expected, "{}", q);
                // Without trailing zeros.
                let c = q.canonical_value();
                prop_assert_eq!(c.scale(), c.normalize().scale(), "{}", c);
                let canonical = q.canonical();
                prop_assert_eq!(canonical.unit(), dimension.canonical_unit());
                prop_assert_eq!(canonical.value(), expected);
                prop_assert_eq!(q.compare(&canonical), Ok(Ordering::Equal));
            }
            (Err(_), None) => {}
            (Ok(q), None) => {
                return Err(TestCaseError::fail(format!(
                    "{q} converted although {m}e-{scale} × 10^{exponent} does not fit a Decimal"
                )));
            }
            (Err(e), Some(expected)) => {
                return Err(TestCaseError::fail(format!(
                    "{value} {symbol} rejected ({e}) although its canonical value {expected} fits"
                )));
            }
        }
    }

    #[test]
    fn quantities_compare_within_a_dimension_only(
        (m1, s1) in decimal(),
        (m2, s2) in decimal(),
        u1 in unit_index(),
        u2 in unit_index(),
    ) {
        let (sym1, d1, e1) = UNITS[u1];
        let (sym2, d2, e2) = UNITS[u2];
        let a = Quantity::new(Decimal::new(m1, s1), unit(sym1));
        let b = Quantity::new(Decimal::new(m2, s2), unit(sym2));
        if let (Ok(a), Ok(b)) = (a, b) {
            if d1 == d2 {
                let (ca, cb) = (
                    expected_canonical(m1, s1, e1).expect("a fits"),
                    expected_canonical(m2, s2, e2).expect("b fits"),
                );
                prop_assert_eq!(a.compare(&b), Ok(ca.cmp(&cb)), "{} vs {}", a, b);
            } else {
                prop_assert!(a.compare(&b).is_err(), "{} vs {}", a, b);
                prop_assert!(b.compare(&a).is_err(), "{} vs {}", b, a);
                prop_assert!(a.checked_add(&b).is_err(), "{} + {}", a, b);
                prop_assert!(a.checked_sub(&b).is_err(), "{} - {}", a, b);
            }
        }
    }

    #[test]
    fn parsed_quantities_display_and_parse_back(s in quantity_like()) {
        if let Ok(q) = s.parse::<Quantity>() {
            let text = q.to_string();
            let back: Quantity = text
                .parse()
                .map_err(|e| TestCaseError::fail(format!("{s:?} → {text:?}: {e}")))?;
            prop_assert_eq!(back, q, "{:?} → {:?}", s, text);
            prop_assert_eq!(back.to_string(), text);
        }
    }

    #[test]
    fn partial_date_round_trips(d in partial_date()) {
        let text = d.to_string();
        prop_assert_eq!(text.parse::<PartialDate>(), Ok(d), "{}", text);
        prop_assert_eq!(PartialDate::from_last_day(d.last_day(), d.precision()), Ok(d));
        prop_assert!(d.first_day() <= d.last_day());
        let deadline = Deadline::new(d);
        prop_assert_eq!(deadline.to_string().parse::<Deadline>(), Ok(deadline));
        prop_assert_eq!(deadline.end(), d.last_day());
    }

    #[test]
    fn period_round_trips(from in partial_date(), to in partial_date()) {
        match Period::new(from, to) {
            Ok(p) => {
                prop_assert!(to.last_day() >= from.first_day());
                let text = p.to_string();
                prop_assert_eq!(text.parse::<Period>(), Ok(p), "{}", text);
                prop_assert_eq!((p.start(), p.end()), (from.first_day(), to.last_day()));
            }
            Err(_) => prop_assert!(to.last_day() < from.first_day()),
        }
    }

    #[test]
    fn jurisdiction_code_round_trips(s in "[1-9][0-9]{5}|[a-z][a-z0-9_]{0,60}") {
        let code: JurisdictionCode = s
            .parse()
            .map_err(|e| TestCaseError::fail(format!("{s:?}: {e}")))?;
        prop_assert_eq!(code.to_string(), s.clone());
        prop_assert_eq!(code.as_str(), s.as_str());
        prop_assert_eq!(code.is_division(), s.bytes().all(|b| b.is_ascii_digit()));
        prop_assert_eq!(code.to_string().parse::<JurisdictionCode>(), Ok(code));
    }

    #[test]
    fn id_round_trips(s in "[a-z0-9][a-z0-9_]{0,127}") {
        let id: Id = s
            .parse()
            .map_err(|e| TestCaseError::fail(format!("{s:?}: {e}")))?;
        prop_assert_eq!(id.to_string(), s.clone());
        prop_assert_eq!(id.to_string().parse::<Id>(), Ok(id));
    }

    #[test]
    fn accepted_ids_and_codes_are_kept_verbatim(s in "[a-z0-9_A-Z\\- ]{0,10}|\\PC{0,10}") {
        if let Ok(id) = s.parse::<Id>() {
            prop_assert_eq!(id.as_str(), s.as_str());
        }
        if let Ok(code) = s.parse::<JurisdictionCode>() {
            prop_assert_eq!(code.as_str(), s.as_str());
        }
    }

    #[test]
    fn parsers_never_panic(s in quantity_like()) {
        let _ = s.parse::<Quantity>();
        let _ = s.parse::<Unit>();
        let _ = Quantity::from_parts(&s, Some("个"));
        let _ = s.parse::<PartialDate>();
        let _ = s.parse::<Deadline>();
        let _ = s.parse::<Period>();
        let _ = s.parse::<Id>();
        let _ = s.parse::<JurisdictionCode>();
        let _ = s.parse::<Comparator>();
    }

    #[test]
    fn date_like_text_never_panics(s in "[0-9０-９年月日/—–~至-]{0,16}") {
        if let Ok(d) = s.parse::<PartialDate>() {
            prop_assert_eq!(d.to_string().parse::<PartialDate>(), Ok(d));
        }
        if let Ok(p) = s.parse::<Period>() {
            prop_assert_eq!(p.to_string().parse::<Period>(), Ok(p));
        }
    }
}

#[test]
fn every_listed_unit_has_its_dimension_and_exponent() {
    for &(symbol, dimension, exponent) in UNITS {
        let u = unit(symbol);
        assert_eq!(u.dimension(), dimension, "{symbol}");
        assert_eq!(u.exponent_to_canonical(), exponent, "{symbol}");
        assert_eq!(u.to_string().parse::<Unit>(), Ok(u), "{symbol}");
    }
}

#[test]
fn huge_chinese_numerals_are_errors_not_panics() {
    let inputs = [
        // 99…9 (37 digits) 十 then 8×10^37 before 万: `section + num` overflows.
        format!("{}十八{}万个", "九".repeat(37), "零".repeat(37)),
        // 99…9 (34 digits) 万 then 8×10^37 before 亿: `wan + section + num` overflows.
        format!("{}万八{}亿个", "九".repeat(34), "零".repeat(37)),
    ];
    for input in inputs {
        let result = std::panic::catch_unwind(|| input.parse::<Quantity>());
        let parsed = result.unwrap_or_else(|_| panic!("parsing {input:?} panicked"));
        let err = parsed.expect_err("far beyond any Decimal");
        assert_eq!(err.problem(), "number too large", "{input}");
    }
}

/// Every base unit symbol, with whether it takes a Chinese magnitude.
const BASE_UNITS: &[(&str, bool)] = &[
    ("count", true),
    ("个", true),
    ("家", true),
    ("项", true),
    ("项次", true),
    ("件", true),
    ("款", true),
    ("座", true),
    ("条", true),
    ("套", true),
    ("台", true),
    ("次", true),
    ("批", true),
    ("所", true),
    ("类", true),
    ("种", true),
    ("部", true),
    ("篇", true),
    ("TB", true),
    ("GB", true),
    ("PB", true),
    ("EB", true),
    ("CNY", true),
    ("元", true),
    ("person", true),
    ("人", true),
    ("名", true),
    ("percent", false),
    ("%", false),
    ("PFLOPS", true),
    ("TFLOPS", true),
    ("EFLOPS", true),
];

/// The Chinese magnitudes, indexed by their power of ten.
const MAGNITUDES: [&str; 16] = [
    "",
    "十",
    "百",
    "千",
    "万",
    "十万",
    "百万",
    "千万",
    "亿",
    "十亿",
    "百亿",
    "千亿",
    "万亿",
    "十万亿",
    "百万亿",
    "千万亿",
];

/// The names statistics are written with: a group slug spelled like one
/// reads as the statistic.
fn is_statistic_word(s: &str) -> bool {
    s.parse::<Statistic>().is_ok()
}

fn level() -> impl Strategy<Value = Level> {
    select(Level::ALL.to_vec())
}

fn code() -> impl Strategy<Value = JurisdictionCode> {
    "[1-9][0-9]{5}|[a-z][a-z0-9_]{0,20}".prop_map(|s| s.parse().expect("a valid code"))
}

fn statistic() -> impl Strategy<Value = Statistic> {
    prop_oneof![
        select(vec![
            Statistic::Max,
            Statistic::Min,
            Statistic::Median,
            Statistic::Mean
        ]),
        (0u8..=100).prop_map(Statistic::Percentile),
    ]
}

/// Peers that read back as themselves: not a one-group list spelled like a
/// level, and not an empty list.
fn peers() -> impl Strategy<Value = Peers> {
    prop_oneof![
        level().prop_map(Peers::Level),
        prop::collection::vec(code(), 1..5)
            .prop_filter(
                "a lone group spelled like a level reads as the level",
                |codes| { codes.len() > 1 || codes[0].as_str().parse::<Level>().is_err() }
            )
            .prop_map(Peers::List),
    ]
}

fn quantity() -> impl Strategy<Value = Quantity> {
    (decimal(), unit_index()).prop_filter_map("fits a Decimal", |((m, scale), u)| {
        Quantity::new(Decimal::new(m, scale), unit(UNITS[u].0)).ok()
    })
}

/// Benchmarks that read back as themselves (see [`peers`]; no group spelled
/// like a statistic).
fn benchmark() -> impl Strategy<Value = Benchmark> {
    prop_oneof![
        code()
            .prop_filter(
                "a group spelled like a statistic reads as the statistic",
                |c| { !is_statistic_word(c.as_str()) }
            )
            .prop_map(Benchmark::Jurisdiction),
        (statistic(), peers()).prop_map(|(s, p)| Benchmark::Statistic(s, p)),
        quantity().prop_map(Benchmark::Fixed),
    ]
}

/// `Display` then `FromStr` gives the value back, and `Display` again the
/// same text.
fn round_trips<T>(value: &T) -> Result<(), TestCaseError>
where
    T: std::fmt::Display + std::str::FromStr + PartialEq + std::fmt::Debug,
    T::Err: std::fmt::Display,
{
    let text = value.to_string();
    let back: T = text
        .parse()
        .map_err(|e| TestCaseError::fail(format!("{value:?} → {text:?}: {e}")))?;
    prop_assert_eq!(&back, value, "{}", text);
    prop_assert_eq!(back.to_string(), text);
    Ok(())
}

proptest! {
    #[test]
    fn closed_sets_round_trip(
        level in level(),
        force in select(vec![Force::Statement, Force::Notice, Force::Plan, Force::Regulation, Force::Law]),
        status in select(vec![Status::Draft, Status::Final]),
        polarity in select(vec![Polarity::HigherIsBetter, Polarity::LowerIsBetter]),
        basis in select(vec![Basis::Stock, Basis::Flow]),
        dimension in select(Dimension::ALL.to_vec()),
        comparator in select(Comparator::ALL.to_vec()),
        lang in select(vec![Lang::Zh, Lang::En]),
    ) {
        round_trips(&level)?;
        round_trips(&force)?;
        round_trips(&status)?;
        round_trips(&polarity)?;
        round_trips(&basis)?;
        round_trips(&dimension)?;
        round_trips(&comparator)?;
        round_trips(&lang)?;
    }

    #[test]
    fn per_round_trips(
        capita in any::<bool>(),
        gdp in any::<bool>(),
        year in any::<bool>(),
        reversed in any::<bool>(),
        space in any::<bool>(),
    ) {
        let mut parts: Vec<&str> = [(capita, "capita"), (gdp, "gdp"), (year, "year")]
            .into_iter()
            .filter_map(|(on, name)| on.then_some(name))
            .collect();
        if reversed {
            parts.reverse();
        }
        let text = if parts.is_empty() {
            "none".to_owned()
        } else {
            parts.join(if space { ", " } else { "," })
        };
        match text.parse::<Per>() {
            Ok(per) => {
                prop_assert!(!(capita && gdp), "{}", text);
                prop_assert_eq!((per.capita(), per.gdp(), per.year()), (capita, gdp, year));
                round_trips(&per)?;
            }
            Err(e) => {
                prop_assert!(capita && gdp, "{}: {}", text, e);
                prop_assert_eq!(
                    e.problem(),
                    "capita and gdp cannot be combined: choose one denominator"
                );
            }
        }
    }

    #[test]
    fn statistic_round_trips(stat in statistic()) {
        round_trips(&stat)?;
    }

    #[test]
    fn peers_round_trip(peers in peers()) {
        round_trips(&peers)?;
    }

    #[test]
    fn benchmark_round_trips(benchmark in benchmark()) {
        round_trips(&benchmark)?;
    }

    #[test]
    fn unit_round_trips(base in 0..BASE_UNITS.len(), magnitude in 0..MAGNITUDES.len()) {
        let (symbol, takes_magnitude) = BASE_UNITS[base];
        let text = format!("{}{symbol}", MAGNITUDES[magnitude]);
        match text.parse::<Unit>() {
            Ok(u) => {
                prop_assert!(takes_magnitude || magnitude == 0, "{}", text);
                prop_assert_eq!(usize::from(u.magnitude()), magnitude, "{}", text);
                prop_assert_eq!(u.symbol(), symbol);
                round_trips(&u)?;
            }
            Err(e) => prop_assert!(!takes_magnitude && magnitude > 0, "{}: {}", text, e),
        }
    }

    #[test]
    fn dates_and_codes_round_trip(d in partial_date(), c in code(), id in "[a-z0-9][a-z0-9_]{0,40}") {
        round_trips(&d)?;
        round_trips(&Deadline::new(d))?;
        round_trips(&c)?;
        round_trips(&id.parse::<Id>().map_err(|e| TestCaseError::fail(e.to_string()))?)?;
    }

    #[test]
    fn peer_and_benchmark_parsers_never_panic(s in quantity_like()) {
        if let Ok(p) = s.parse::<Peers>() {
            prop_assert!(p.to_string().parse::<Peers>().is_ok(), "{:?}", s);
        }
        if let Ok(b) = s.parse::<Benchmark>() {
            prop_assert!(b.to_string().parse::<Benchmark>().is_ok(), "{:?}", s);
        }
        let _ = s.parse::<Statistic>();
        let _ = s.parse::<Per>();
        let _ = s.parse::<Level>();
        let _ = s.parse::<Lang>();
    }
}

// Catalogues written as TOML, exported to JSON and read back.

/// Base units of each dimension, as data files write them.
fn units_of(dimension: Dimension) -> &'static [&'static str] {
    match dimension {
        Dimension::Count => &["个", "家", "项", "项次", "count"],
        Dimension::DataVolume => &["TB", "GB", "PB", "EB"],
        Dimension::Money => &["元", "CNY"],
        Dimension::Persons => &["人", "person", "名"],
        Dimension::Share => &["%", "percent"],
        Dimension::Compute => &["PFLOPS", "TFLOPS", "EFLOPS"],
    }
}

/// The magnitudes values are written with.
const WRITTEN_MAGNITUDES: [&str; 6] = ["", "十", "百", "千", "万", "亿"];

/// How an amount is written: `value = 1000` with `unit = "万人"`,
/// `value = "5.8万"` with `unit = "人"`, or `value = "3000TB"` alone.
#[derive(Clone, Debug)]
struct Amount {
    negative: bool,
    mantissa: u32,
    scale: u32,
    magnitude: usize,
    unit: Index,
    form: u8,
}

fn amount() -> impl Strategy<Value = Amount> {
    (
        any::<bool>(),
        prop_oneof![0u32..100, 0u32..10_000_000],
        prop_oneof![Just(0u32), 0u32..=3],
        0..WRITTEN_MAGNITUDES.len(),
        any::<Index>(),
        0u8..3,
    )
        .prop_map(
            |(negative, mantissa, scale, magnitude, unit, form)| Amount {
                negative,
                mantissa,
                scale,
                magnitude,
                unit,
                form,
            },
        )
}

impl Amount {
    /// The number as written, before the magnitude; below zero only where
    /// the dimension allows it.
    fn number(&self, dimension: Dimension) -> Decimal {
        let sign = if self.negative && dimension.signed() {
            -1
        } else {
            1
        };
        Decimal::new(sign * i64::from(self.mantissa), self.scale)
    }

    /// The TOML lines of `key` (and `unit`, unless `with_unit` is false),
    /// with `number` in place of the amount's own.
    fn toml(&self, key: &str, number: Decimal, dimension: Dimension, with_unit: bool) -> String {
        let units = units_of(dimension);
        let symbol = units[self.unit.index(units.len())];
        let magnitude = if dimension == Dimension::Share {
            ""
        } else {
            WRITTEN_MAGNITUDES[self.magnitude]
        };
        let unit_line = |unit: String| {
            if with_unit {
                format!("unit = {}\n", text(&unit))
            } else {
                String::new()
            }
        };
        match self.form {
            0 if number.scale() == 0 => {
                format!(
                    "{key} = {number}\n{}",
                    unit_line(format!("{magnitude}{symbol}"))
                )
            }
            0 | 1 => format!(
                "{key} = {}\n{}",
                text(&format!("{number}{magnitude}")),
                unit_line(symbol.to_owned())
            ),
            _ => format!(
                "{key} = {}\n",
                text(&format!("{number}{magnitude}{symbol}"))
            ),
        }
    }
}

/// A date written as a TOML year, a month string or a TOML date.
#[derive(Clone, Debug)]
struct When {
    year: i32,
    month: u32,
    day: u32,
    form: u8,
}

fn when(years: std::ops::RangeInclusive<i32>) -> impl Strategy<Value = When> {
    (years, 1u32..=12, 1u32..=28, 0u8..3).prop_map(|(year, month, day, form)| When {
        year,
        month,
        day,
        form,
    })
}

impl When {
    fn toml(&self) -> String {
        match self.form {
            0 => self.year.to_string(),
            1 => format!("\"{}-{:02}\"", self.year, self.month),
            _ => format!("{}-{:02}-{:02}", self.year, self.month, self.day),
        }
    }
}

/// A TOML basic string (JSON's escapes are TOML's).
fn text(s: &str) -> String {
    serde_json::to_string(s).expect("a string serialises")
}

/// Free text with quotes, backslashes, tabs and formula characters.
fn free_text() -> impl Strategy<Value = String> {
    "[a-zA-Z0-9 数据集高质量不少于个万亿元=+@\"\\\\\t-]{1,12}"
}

#[derive(Clone, Debug)]
struct TargetSpec {
    jurisdiction: Index,
    metric: Index,
    comparator: Comparator,
    value: Amount,
    upper: (u32, u32),
    deadline: When,
    period: bool,
    baseline: Option<u32>,
    basis: Option<Basis>,
    quote: String,
    note: Option<String>,
}

fn target_spec() -> impl Strategy<Value = TargetSpec> {
    (
        (any::<Index>(), any::<Index>()),
        select(Comparator::ALL.to_vec()),
        amount(),
        (0u32..10_000_000, 0u32..=3),
        when(2025..=2030),
        any::<bool>(),
        proptest::option::of(0u32..1000),
        proptest::option::of(select(vec![Basis::Stock, Basis::Flow])),
        free_text(),
        proptest::option::of(free_text()),
    )
        .prop_map(
            |(
                (jurisdiction, metric),
                comparator,
                value,
                upper,
                deadline,
                period,
                baseline,
                basis,
                quote,
                note,
            )| TargetSpec {
                jurisdiction,
                metric,
                comparator,
                value,
                upper,
                deadline,
                period,
                baseline,
                basis,
                quote,
                note,
            },
        )
}

#[derive(Clone, Debug)]
struct ObservationSpec {
    jurisdiction: Index,
    metric: Index,
    value: Amount,
    as_of: When,
    comparator: Option<Comparator>,
    quote: String,
    note: Option<String>,
}

fn observation_spec() -> impl Strategy<Value = ObservationSpec> {
    (
        (any::<Index>(), any::<Index>()),
        amount(),
        when(2018..=2026),
        proptest::option::of(select(vec![
            Comparator::AtLeast,
            Comparator::MoreThan,
            Comparator::AtMost,
            Comparator::LessThan,
            Comparator::Exactly,
        ])),
        free_text(),
        proptest::option::of(free_text()),
    )
        .prop_map(
            |((jurisdiction, metric), value, as_of, comparator, quote, note)| ObservationSpec {
                jurisdiction,
                metric,
                value,
                as_of,
                comparator,
                quote,
                note,
            },
        )
}

#[derive(Clone, Debug)]
struct SourceSpec {
    title: String,
    issuer: String,
    doc_number: Option<String>,
    published: When,
    status: Status,
    force: Force,
    period: bool,
    note: Option<String>,
    targets: Vec<TargetSpec>,
    observations: Vec<ObservationSpec>,
}

fn source_spec() -> impl Strategy<Value = SourceSpec> {
    (
        (free_text(), free_text(), proptest::option::of(free_text())),
        when(2020..=2024),
        select(vec![Status::Draft, Status::Final]),
        select(vec![
            Force::Statement,
            Force::Notice,
            Force::Plan,
            Force::Regulation,
            Force::Law,
        ]),
        any::<bool>(),
        proptest::option::of(free_text()),
        prop::collection::vec(target_spec(), 0..4),
        prop::collection::vec(observation_spec(), 0..3),
    )
        .prop_map(
            |(
                (title, issuer, doc_number),
                published,
                status,
                force,
                period,
                note,
                targets,
                observations,
            )| SourceSpec {
                title,
                issuer,
                doc_number,
                published,
                status,
                force,
                period,
                note,
                targets,
                observations,
            },
        )
}

#[derive(Clone, Debug)]
struct CatalogSpec {
    /// Each province's name and whether it has an alias and a note.
    provinces: Vec<(String, bool, bool)>,
    /// Each metric's dimension, polarity, basis and name.
    metrics: Vec<(Dimension, Polarity, Basis, String)>,
    sources: Vec<SourceSpec>,
}

fn catalog_spec() -> impl Strategy<Value = CatalogSpec> {
    (
        prop::collection::vec((free_text(), any::<bool>(), any::<bool>()), 1..4),
        prop::collection::vec(
            (
                select(Dimension::ALL.to_vec()),
                select(vec![Polarity::HigherIsBetter, Polarity::LowerIsBetter]),
                select(vec![Basis::Stock, Basis::Flow]),
                free_text(),
            ),
            1..4,
        ),
        prop::collection::vec(source_spec(), 1..3),
    )
        .prop_map(|(provinces, metrics, sources)| CatalogSpec {
            provinces,
            metrics,
            sources,
        })
}

impl CatalogSpec {
    /// The data files, as `(path, text)` pairs.
    fn files(&self) -> Vec<(String, String)> {
        let codes: Vec<String> = std::iter::once("100000".to_owned())
            .chain((0..self.provinces.len()).map(|i| format!("{}", 110000 + i * 10000)))
            .collect();
        let mut files = vec![
            (
                "jurisdictions.toml".to_owned(),
                self.jurisdictions_toml(&codes),
            ),
            ("metrics.toml".to_owned(), self.metrics_toml()),
        ];
        for (s, source) in self.sources.iter().enumerate() {
            files.push((
                format!("sources/s{s}.toml"),
                self.source_toml(s, source, &codes),
            ));
        }
        files
    }

    /// `jurisdictions.toml`: the nation and the provinces.
    fn jurisdictions_toml(&self, codes: &[String]) -> String {
        let mut jurisdictions = String::from(
            "[[jurisdiction]]\ncode = \"100000\"\nname_zh = \"中国\"\nname_en = \"China\"\nlevel = \"nation\"\n",
        );
        for (i, (name, alias, note)) in self.provinces.iter().enumerate() {
            jurisdictions += &format!(
                "\n[[jurisdiction]]\ncode = \"{}\"\nname_zh = {}\nname_en = \"P{i}\"\nlevel = \"province\"\nparent = \"100000\"\n",
                codes[i + 1],
                text(&format!("省{i}{name}"))
            );
            if *alias {
                jurisdictions += &format!("aliases = [\"别名{i}\"]\n");
            }
            if *note {
                jurisdictions += &format!("note = {}\n", text(name));
            }
        }
        jurisdictions
    }

    /// `metrics.toml`.
    fn metrics_toml(&self) -> String {
        let mut metrics = String::new();
        for (i, (dimension, polarity, basis, name)) in self.metrics.iter().enumerate() {
            metrics += &format!(
                "[[metric]]\nid = \"m{i}\"\nname_zh = {}\nname_en = \"Metric {i}\"\ndimension = \"{dimension}\"\npolarity = \"{polarity}\"\nbasis = \"{basis}\"\n\n",
                text(&format!("指标{i}{name}"))
            );
        }
        metrics
    }

    /// One source file: its `[source]` table, targets and observations.
    fn source_toml(&self, s: usize, source: &SourceSpec, codes: &[String]) -> String {
        let mut toml = format!(
            "[source]\nid = \"s{s}\"\ntitle = {}\nissuer = {}\npublished = {}\nstatus = \"{}\"\nforce = \"{}\"\n",
            text(&source.title),
            text(&source.issuer),
            source.published.toml(),
            source.status,
            source.force,
        );
        if let Some(n) = &source.doc_number {
            toml += &format!("doc_number = {}\n", text(n));
        }
        if source.period {
            toml += "period = \"2024/2030\"\n";
        }
        if s > 0 {
            toml += "via = \"s0\"\n";
        }
        if let Some(n) = &source.note {
            toml += &format!("note = {}\n", text(n));
        }
        for (k, t) in source.targets.iter().enumerate() {
            let code = &codes[t.jurisdiction.index(codes.len())];
            let m = t.metric.index(self.metrics.len());
            let dimension = self.metrics[m].0;
            toml += &format!(
                "\n[[target]]\nid = \"t{s}_{k}\"\njurisdiction = \"{code}\"\nmetric = \"m{m}\"\ncomparator = \"{}\"\n",
                t.comparator
            );
            let mut lower = t.value.number(dimension);
            if t.comparator == Comparator::Range {
                let sign = if lower.is_sign_negative() { -1 } else { 1 };
                let mut upper = Decimal::new(sign * i64::from(t.upper.0), t.upper.1);
                if upper < lower {
                    std::mem::swap(&mut lower, &mut upper);
                }
                // Both bounds in one form, so that they share a unit.
                let mut written = t.value.clone();
                if written.form == 0 && (lower.scale() > 0 || upper.scale() > 0) {
                    written.form = 1;
                }
                toml += &written.toml("value", lower, dimension, true);
                toml += &written.toml("upper", upper, dimension, false);
            } else {
                toml += &t.value.toml("value", lower, dimension, true);
            }
            toml += &format!("deadline = {}\n", t.deadline.toml());
            if t.period {
                toml += &format!("period = \"2024/{}\"\n", t.deadline.year);
            }
            if let Some(b) = t.baseline {
                let unit = units_of(dimension)[0];
                toml += &format!("baseline = {{ value = {b}, unit = \"{unit}\", as_of = 2024 }}\n");
            }
            if let Some(basis) = t.basis {
                toml += &format!("basis = \"{basis}\"\n");
            }
            toml += &format!("quote = {}\n", text(&t.quote));
            if let Some(n) = &t.note {
                toml += &format!("note = {}\n", text(n));
            }
        }
        for (k, o) in source.observations.iter().enumerate() {
            let code = &codes[o.jurisdiction.index(codes.len())];
            let m = o.metric.index(self.metrics.len());
            let dimension = self.metrics[m].0;
            toml += &format!(
                "\n[[observation]]\nid = \"o{s}_{k}\"\njurisdiction = \"{code}\"\nmetric = \"m{m}\"\n"
            );
            toml += &o
                .value
                .toml("value", o.value.number(dimension), dimension, true);
            toml += &format!("as_of = {}\n", o.as_of.toml());
            if let Some(c) = o.comparator {
                toml += &format!("comparator = \"{c}\"\n");
            }
            toml += &format!("quote = {}\n", text(&o.quote));
            if let Some(n) = &o.note {
                toml += &format!("note = {}\n", text(n));
            }
        }
        toml
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    #[test]
    fn catalogue_survives_json_export_and_csv_has_a_row_per_record(spec in catalog_spec()) {
        let files = spec.files();
        let shown = || {
            files
                .iter()
                .map(|(path, text)| format!("--- {path}\n{text}"))
                .collect::<String>()
        };
        let catalog = Catalog::from_toml_files(files.iter().map(|(p, t)| (p, t)))
            .map_err(|e| TestCaseError::fail(format!("{e}\n{}", shown())))?;
        let targets: usize = spec.sources.iter().map(|s| s.targets.len()).sum();
        let observations: usize = spec.sources.iter().map(|s| s.observations.len()).sum();
        prop_assert_eq!(catalog.targets().len(), targets);
        prop_assert_eq!(catalog.observations().len(), observations);

        let json = catalog.to_json();
        let back = Catalog::from_json(&json)
            .map_err(|e| TestCaseError::fail(format!("{e}\n{json}")))?;
        prop_assert_eq!(&back, &catalog, "{}", shown());
        prop_assert_eq!(back.to_json(), json);

        let mut csv = Vec::new();
        write_csv(&catalog, &mut csv, &CsvOptions::default())
            .map_err(|e| TestCaseError::fail(e.to_string()))?;
        let mut reader = csv::Reader::from_reader(csv.as_slice());
        let records: Vec<(String, String)> = reader
            .records()
            .map(|r| {
                let r = r.map_err(|e| TestCaseError::fail(e.to_string()))?;
                Ok((r[0].to_owned(), r[1].to_owned()))
            })
            .collect::<Result<_, TestCaseError>>()?;
        let expected: Vec<(String, String)> = catalog
            .targets()
            .iter()
            .map(|t| ("target".to_owned(), t.id.to_string()))
            .chain(
                catalog
                    .observations()
                    .iter()
                    .map(|o| ("observation".to_owned(), o.id.to_string())),
            )
            .collect();
        prop_assert_eq!(records, expected);
    }
}
