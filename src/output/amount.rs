//! Amounts for people: a value with a unit written the way a reader
//! expects it (`83亿元`, `3,000 TB`, `1,000家`), shared by the text tables,
//! the report and the HTML page.

use rust_decimal::Decimal;

use crate::output::labels::page;
use crate::output::table::human;
use crate::{Dimension, Lang, Quantity, Unit};

/// A quantity split for display: an optional prefix (`CNY `), the number
/// with thousands separators, and a suffix (`个`, ` TB`, `亿元`).
pub(crate) struct Amount {
    pub(crate) prefix: &'static str,
    pub(crate) number: String,
    pub(crate) suffix: String,
}

impl Amount {
    pub(crate) fn text(&self) -> String {
        format!("{}{}{}", self.prefix, self.number, self.suffix)
    }
}

/// `10^-k` as an exact decimal (`k` ≤ 28).
fn tenth_power(k: u32) -> Decimal {
    Decimal::new(1, k)
}

/// `value` after dividing by `10^k`, rounded to two decimal places, without
/// trailing zeros.
fn scaled(value: Decimal, k: u32) -> Decimal {
    (value * tenth_power(k)).round_dp(2).normalize()
}

/// A value in `unit` split for display in `lang` (see [`human_amount`]).
pub(crate) fn amount(value: Decimal, unit: Unit, lang: Lang) -> Amount {
    let canonical = Quantity::new(value, unit)
        .map(|q| q.canonical_value())
        .unwrap_or(value);
    let abs = canonical.abs();
    let plain = |number: Decimal, suffix: &str| Amount {
        prefix: "",
        number: human(number),
        suffix: suffix.to_owned(),
    };
    match unit.dimension() {
        Dimension::Count => plain(canonical.normalize(), page::count_word(lang, unit.symbol())),
        Dimension::DataVolume => {
            if abs >= ten(7) {
                plain(scaled(canonical, 6), " EB")
            } else if abs >= ten(4) {
                plain(scaled(canonical, 3), " PB")
            } else if !abs.is_zero() && abs < Decimal::ONE {
                plain((canonical * Decimal::from(1000)).normalize(), " GB")
            } else {
                plain(canonical.normalize(), " TB")
            }
        }
        Dimension::Money => {
            let scales = page::money_scales(lang);
            let (k, word) = scales
                .iter()
                .find(|(k, _)| abs >= ten(*k))
                .unwrap_or(&scales[scales.len() - 1]);
            Amount {
                prefix: page::money_prefix(lang),
                number: human(scaled(canonical, *k)),
                suffix: (*word).to_owned(),
            }
        }
        Dimension::Persons => match page::person_scales(lang)
            .iter()
            .find(|(k, _)| abs >= ten(*k))
        {
            Some((k, word)) => plain(scaled(canonical, *k), word),
            None => plain(canonical.normalize(), page::persons(lang)),
        },
        Dimension::Share => plain(canonical.normalize(), "%"),
        Dimension::Compute => {
            if abs >= ten(4) {
                plain(scaled(canonical, 3), " EFLOPS")
            } else {
                plain(canonical.normalize(), " PFLOPS")
            }
        }
    }
}

/// `10^k` as a decimal.
fn ten(k: u32) -> Decimal {
    Decimal::from(10u64.pow(k))
}

/// A value in `unit` written the way people read it: thousands separators,
/// and the unit a Chinese (or, with [`Lang::En`], an English) reader
/// expects.
///
/// - counts keep their measure word in Chinese (`1000 家` → `1,000家`,
///   canonical `count` → `个`) and are bare numbers in English;
/// - data volumes are in TB, switching to PB from 10,000 TB and to EB from
///   10 million TB (and to GB below 1 TB): `3000 TB` → `3,000 TB`;
/// - money uses 万元, 亿元 and 万亿元 in Chinese (`8300000000 CNY` →
///   `83亿元`), million, billion and trillion in English (`CNY 8.3 billion`);
/// - persons use 万人 and 亿人 in Chinese, million in English;
/// - shares are percentages, computing power PFLOPS (EFLOPS from 10,000).
///
/// A value scaled to a larger unit is rounded to two decimal places; an
/// unscaled one keeps all its digits.
///
/// ```
/// use policy_targets::{Lang, Unit, html::human_amount};
/// use rust_decimal::Decimal;
///
/// let cny: Unit = "CNY".parse()?;
/// assert_eq!(human_amount(Decimal::new(8_300_000_000, 0), cny, Lang::Zh), "83亿元");
/// assert_eq!(human_amount(Decimal::new(8_300_000_000, 0), cny, Lang::En), "CNY 8.3 billion");
/// let tb: Unit = "TB".parse()?;
/// assert_eq!(human_amount(Decimal::from(3000), tb, Lang::Zh), "3,000 TB");
/// let jia: Unit = "家".parse()?;
/// assert_eq!(human_amount(Decimal::from(1000), jia, Lang::Zh), "1,000家");
/// assert_eq!(human_amount(Decimal::from(1000), jia, Lang::En), "1,000");
/// let wan_ren: Unit = "万人".parse()?;
/// assert_eq!(human_amount(Decimal::new(58, 1), wan_ren, Lang::Zh), "5.8万人");
/// # Ok::<(), policy_targets::ParseError>(())
/// ```
pub fn human_amount(value: Decimal, unit: Unit, lang: Lang) -> String {
    amount(value, unit, lang).text()
}
