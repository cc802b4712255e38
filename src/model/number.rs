//! Numbers as Chinese policy text writes them: Arabic digits with optional
//! thousands separators and a Chinese magnitude (`5.8万`, `100亿`), or Chinese
//! numerals (`三千`, `两百`, `一万二千`, `百亿`). Exact: no floating point.

use rust_decimal::Decimal;

/// The largest magnitude exponent a prefix may carry (千万亿 = 10^15).
pub(crate) const MAX_MAGNITUDE: u8 = 15;

/// Replaces full-width ASCII forms (`１０００`, `％`, `．`) and the ideographic
/// space with their ASCII equivalents.
pub(crate) fn normalize_width(s: &str) -> String {
    s.chars()
        .map(|c| match c {
            '\u{FF01}'..='\u{FF5E}' => char::from_u32(c as u32 - 0xFEE0).unwrap_or(c),
            '\u{3000}' => ' ',
            _ => c,
        })
        .collect()
}

/// The exponent of a magnitude character: 十 1, 百 2, 千 3, 万 4, 亿 8.
pub(crate) fn magnitude_char(c: char) -> Option<u8> {
    match c {
        '十' => Some(1),
        '百' => Some(2),
        '千' => Some(3),
        '万' => Some(4),
        '亿' => Some(8),
        _ => None,
    }
}

/// Splits a magnitude prefix (`万`, `百亿`, `万亿`) off the front of `s`.
///
/// The characters must grow strictly (千万, 百亿, 万亿; not 万千). Returns the
/// summed exponent and the rest, or `None` for an ill-formed prefix.
pub(crate) fn split_magnitude(s: &str) -> Option<(u8, &str)> {
    let mut total: u8 = 0;
    let mut last: u8 = 0;
    let mut end = 0;
    for (i, c) in s.char_indices() {
        let Some(e) = magnitude_char(c) else { break };
        if e <= last {
            return None;
        }
        last = e;
        total += e;
        end = i + c.len_utf8();
    }
    if total > MAX_MAGNITUDE {
        return None;
    }
    Some((total, &s[end..]))
}

/// The canonical way to write a magnitude exponent (4 → 万, 10 → 百亿).
pub(crate) fn magnitude_prefix(exponent: u8) -> &'static str {
    const PREFIXES: [&str; 16] = [
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
    PREFIXES.get(usize::from(exponent)).copied().unwrap_or("")
}

/// A number at the front of a text, with the rest of the text.
#[derive(Debug, PartialEq)]
pub(crate) struct Leading<'a> {
    /// The digits' value.
    pub value: Decimal,
    /// The Chinese magnitude written after Arabic digits (`5.8万` → 4).
    pub magnitude: u8,
    /// What follows the number.
    pub rest: &'a str,
}

/// Why the number at the front of a text does not read (`Display`: the
/// English of a [`crate::ParseError`]).
#[derive(Clone, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub enum NumberProblem {
    /// No text at all.
    Nothing,
    /// Text that does not start with a number.
    NotANumber(char),
    /// Thousands separators that do not group three digits.
    Grouping,
    /// A decimal point without digits after it.
    AfterPoint,
    /// No digits.
    NoDigits,
    /// More digits than an exact decimal holds.
    TooManyDigits,
    /// A magnitude such as 万千 (the characters must grow).
    Magnitude,
    /// A Chinese numeral too large for an exact decimal.
    TooLarge,
    /// A Chinese numeral with 十, 百 or 千 out of order (十百).
    OutOfOrder(char),
}

impl std::fmt::Display for NumberProblem {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            NumberProblem::Nothing => f.write_str("expected a number, found nothing"),
            NumberProblem::NotANumber(c) => write!(f, "expected a number, found {c:?}"),
            NumberProblem::Grouping => f.write_str("thousands separators must group three digits"),
            NumberProblem::AfterPoint => f.write_str("expected digits after the decimal point"),
            NumberProblem::NoDigits => f.write_str("expected digits"),
            NumberProblem::TooManyDigits => {
                f.write_str("too many digits for an exact decimal (at most 28)")
            }
            NumberProblem::Magnitude => f.write_str(
                "ill-formed magnitude (expected 十, 百, 千, 万, 亿 or a combination such as 百亿)",
            ),
            NumberProblem::TooLarge => f.write_str("number too large"),
            NumberProblem::OutOfOrder(c) => {
                write!(f, "ill-formed Chinese numeral: {c:?} out of order")
            }
        }
    }
}

/// Reads the number at the front of `s` (already width-normalised).
pub(crate) fn leading_number(s: &str) -> Result<Leading<'_>, NumberProblem> {
    let first = s.chars().next().ok_or(NumberProblem::Nothing)?;
    if first.is_ascii_digit() || first == '-' || first == '+' || first == '.' {
        arabic(s)
    } else if is_chinese_numeral(first) {
        chinese(s)
    } else {
        Err(NumberProblem::NotANumber(first))
    }
}

fn arabic(s: &str) -> Result<Leading<'_>, NumberProblem> {
    let bytes = s.as_bytes();
    let mut i = 0;
    let negative = match bytes.first() {
        Some(b'-') => {
            i += 1;
            true
        }
        Some(b'+') => {
            i += 1;
            false
        }
        _ => false,
    };
    let mut digits = String::new();
    let int_start = i;
    let mut group_len = 0usize;
    let mut saw_comma = false;
    while i < bytes.len() {
        match bytes[i] {
            b'0'..=b'9' => {
                digits.push(char::from(bytes[i]));
                group_len += 1;
            }
            b',' if i > int_start
                && bytes.get(i + 1).is_some_and(u8::is_ascii_digit)
                && (saw_comma && group_len == 3 || !saw_comma && (1..=3).contains(&group_len)) =>
            {
                saw_comma = true;
                group_len = 0;
            }
            _ => break,
        }
        i += 1;
    }
    if saw_comma && group_len != 3 {
        return Err(NumberProblem::Grouping);
    }
    if bytes.get(i) == Some(&b'.') {
        digits.push('.');
        i += 1;
        let frac_start = i;
        while i < bytes.len() && bytes[i].is_ascii_digit() {
            digits.push(char::from(bytes[i]));
            i += 1;
        }
        if i == frac_start {
            return Err(NumberProblem::AfterPoint);
        }
    }
    if digits.is_empty() || digits.starts_with('.') {
        return Err(NumberProblem::NoDigits);
    }
    let mut value = Decimal::from_str_exact(&digits).map_err(|_| NumberProblem::TooManyDigits)?;
    if negative {
        value.set_sign_negative(true);
    }
    let rest = &s[i..];
    let (magnitude, rest) = split_magnitude(rest).ok_or(NumberProblem::Magnitude)?;
    Ok(Leading {
        value,
        magnitude,
        rest,
    })
}

fn is_chinese_numeral(c: char) -> bool {
    chinese_digit(c).is_some() || magnitude_char(c).is_some()
}

fn chinese_digit(c: char) -> Option<i128> {
    Some(match c {
        '零' | '〇' => 0,
        '一' => 1,
        '二' | '两' => 2,
        '三' => 3,
        '四' => 4,
        '五' => 5,
        '六' => 6,
        '七' => 7,
        '八' => 8,
        '九' => 9,
        _ => return None,
    })
}

fn chinese(s: &str) -> Result<Leading<'_>, NumberProblem> {
    const OVERFLOW: NumberProblem = NumberProblem::TooLarge;
    let mut total: i128 = 0; // the part above the current 亿
    let mut wan: i128 = 0; // the 万 part inside the current 亿 group
    let mut section: i128 = 0; // below 万
    let mut num: i128 = 0;
    let mut has_num = false;
    let mut last_small: i128 = i128::MAX; // the last 十/百/千 in this section
    // The 万 or 亿 just read, with no numeral after it: a second one
    // multiplies (百亿亿 = 百 × 亿 × 亿 = 10^18, 万万 = 10^8).
    let mut after: Option<char> = None;
    let mut end = s.len();
    for (i, c) in s.char_indices() {
        let repeated = after == Some(c);
        after = None;
        if let Some(d) = chinese_digit(c) {
            num = num
                .checked_mul(10)
                .and_then(|n| n.checked_add(d))
                .ok_or(OVERFLOW)?;
            has_num = true;
            continue;
        }
        match c {
            '十' | '百' | '千' => {
                let unit = match c {
                    '十' => 10,
                    '百' => 100,
                    _ => 1000,
                };
                if unit >= last_small {
                    return Err(NumberProblem::OutOfOrder(c));
                }
                last_small = unit;
                let n = if has_num { num } else { 1 };
                section = n
                    .checked_mul(unit)
                    .and_then(|v| v.checked_add(section))
                    .ok_or(OVERFLOW)?;
                num = 0;
                has_num = false;
            }
            '万' if repeated => {
                wan = wan.checked_mul(10_000).ok_or(OVERFLOW)?;
                after = Some(c);
            }
            '亿' if repeated => {
                total = total.checked_mul(100_000_000).ok_or(OVERFLOW)?;
                after = Some(c);
            }
            '万' => {
                let s = section.checked_add(num).ok_or(OVERFLOW)?;
                let s = if s == 0 && !has_num { 1 } else { s };
                wan = wan
                    .checked_add(s)
                    .and_then(|v| v.checked_mul(10_000))
                    .ok_or(OVERFLOW)?;
                section = 0;
                num = 0;
                has_num = false;
                last_small = i128::MAX;
                after = Some(c);
            }
            '亿' => {
                let s = wan
                    .checked_add(section)
                    .and_then(|v| v.checked_add(num))
                    .ok_or(OVERFLOW)?;
                let s = if s == 0 && !has_num { 1 } else { s };
                total = total
                    .checked_add(s)
                    .and_then(|v| v.checked_mul(100_000_000))
                    .ok_or(OVERFLOW)?;
                wan = 0;
                section = 0;
                num = 0;
                has_num = false;
                last_small = i128::MAX;
                after = Some(c);
            }
            _ => {
                end = i;
                break;
            }
        }
    }
    let value = [wan, section, num]
        .into_iter()
        .try_fold(total, i128::checked_add)
        .ok_or(OVERFLOW)?;
    let value = Decimal::try_from_i128_with_scale(value, 0).map_err(|_| OVERFLOW)?;
    Ok(Leading {
        value,
        magnitude: 0,
        rest: &s[end..],
    })
}

/// Multiplies `value` by 10^`exponent` exactly, or returns `None` when the
/// result does not fit a `Decimal` (28 digits).
pub(crate) fn scale_pow10(value: Decimal, exponent: i32) -> Option<Decimal> {
    if exponent == 0 {
        return Some(value);
    }
    let value = value.normalize();
    let scale = i64::from(value.scale()) - i64::from(exponent);
    if scale >= 0 {
        let scale = u32::try_from(scale).ok()?;
        Decimal::try_from_i128_with_scale(value.mantissa(), scale).ok()
    } else {
        let factor = 10i128.checked_pow(u32::try_from(-scale).ok()?)?;
        let mantissa = value.mantissa().checked_mul(factor)?;
        Decimal::try_from_i128_with_scale(mantissa, 0).ok()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn dec(s: &str) -> Decimal {
        s.parse().unwrap()
    }

    fn lead(s: &str) -> (Decimal, u8, &str) {
        let l = leading_number(s).unwrap();
        (l.value, l.magnitude, l.rest)
    }

    #[test]
    fn arabic_numbers_with_magnitudes() {
        assert_eq!(lead("5.8万人"), (dec("5.8"), 4, "人"));
        assert_eq!(lead("83亿元"), (dec("83"), 8, "元"));
        assert_eq!(lead("1.8万亿元"), (dec("1.8"), 12, "元"));
        assert_eq!(lead("17282TB"), (dec("17282"), 0, "TB"));
        assert_eq!(lead("1,000 个"), (dec("1000"), 0, " 个"));
        assert_eq!(lead("-3.50"), (dec("-3.50"), 0, ""));
        assert_eq!(lead("2千万元"), (dec("2"), 7, "元"));
    }

    #[test]
    fn arabic_errors() {
        assert!(leading_number("1.").is_err());
        assert!(leading_number("1,00").is_err());
        assert!(leading_number("5万千").is_err());
        assert!(leading_number("5万万").is_err());
        assert!(leading_number("-").is_err());
        assert!(leading_number("").is_err());
        assert!(leading_number("99999999999999999999999999999999").is_err());
    }

    #[test]
    fn chinese_numerals() {
        assert_eq!(lead("三千个"), (dec("3000"), 0, "个"));
        assert_eq!(lead("两百"), (dec("200"), 0, ""));
        assert_eq!(lead("一万二千"), (dec("12000"), 0, ""));
        assert_eq!(lead("十二项"), (dec("12"), 0, "项"));
        assert_eq!(lead("一百零五"), (dec("105"), 0, ""));
        assert_eq!(lead("百亿元"), (dec("10000000000"), 0, "元"));
        assert_eq!(lead("五百亿"), (dec("50000000000"), 0, ""));
        assert_eq!(lead("万亿元"), (dec("1000000000000"), 0, "元"));
        assert_eq!(lead("一亿二千万"), (dec("120000000"), 0, ""));
        assert_eq!(lead("三大行业"), (dec("3"), 0, "大行业"));
        assert!(leading_number("十百").is_err());
    }

    #[test]
    fn repeated_magnitudes_multiply() {
        // 每秒百亿亿次: 百 × 亿 × 亿, not 百亿 + 亿.
        assert_eq!(lead("百亿亿次"), (dec("1000000000000000000"), 0, "次"));
        assert_eq!(lead("一亿亿"), (dec("10000000000000000"), 0, ""));
        assert_eq!(lead("三百亿亿"), (dec("3000000000000000000"), 0, ""));
        assert_eq!(lead("万万"), (dec("100000000"), 0, ""));
        assert_eq!(lead("千万"), (dec("10000000"), 0, ""));
        assert_eq!(lead("十万"), (dec("100000"), 0, ""));
        assert_eq!(lead("百万"), (dec("1000000"), 0, ""));
        assert_eq!(lead("万亿"), (dec("1000000000000"), 0, ""));
        assert_eq!(lead("千万亿次"), (dec("1000000000000000"), 0, "次"));
    }

    proptest::proptest! {
        /// A magnitude prefix read as a Chinese numeral is its power of ten,
        /// and the prefix followed by 亿 a hundred million times that (百亿亿 =
        /// 10^18).
        #[test]
        fn prefixes_are_powers_of_ten(e in 1..=MAX_MAGNITUDE) {
            let prefix = magnitude_prefix(e);
            let ten = Decimal::TEN;
            let power = (0..e).fold(Decimal::ONE, |v, _| v * ten);
            proptest::prop_assert_eq!(lead(prefix).0, power);
            let yi = format!("{prefix}亿");
            let times = (0..8).fold(power, |v, _| v * ten);
            proptest::prop_assert_eq!(lead(&yi).0, times);
        }
    }

    #[test]
    fn magnitudes_round_trip() {
        for e in 0..=MAX_MAGNITUDE {
            let prefix = magnitude_prefix(e);
            assert_eq!(split_magnitude(prefix), Some((e, "")), "{prefix}");
        }
        assert_eq!(split_magnitude("亿万"), None);
    }

    #[test]
    fn width_normalisation() {
        assert_eq!(normalize_width("１０００个，２０％"), "1000个,20%");
    }

    #[test]
    fn exact_powers_of_ten() {
        assert_eq!(scale_pow10(dec("5.8"), 4), Some(dec("58000")));
        assert_eq!(scale_pow10(dec("500"), -3), Some(dec("0.5")));
        assert_eq!(scale_pow10(dec("1.2"), 3), Some(dec("1200")));
        assert_eq!(scale_pow10(Decimal::MAX, 1), None);
        assert_eq!(scale_pow10(dec("0.0000000000000000000000000001"), -1), None);
    }
}
