//! Properties of the value types: text round trips, exact unit conversion,
//! dimensions that never mix, and parsers that never panic.

use std::cmp::Ordering;

use chrono::NaiveDate;
use policy_targets::{
    Comparator, Deadline, Dimension, Id, JurisdictionCode, PartialDate, Period, Quantity, Unit,
};
use proptest::prelude::*;
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
