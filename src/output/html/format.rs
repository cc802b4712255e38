//! Text for people: escaping, amounts with their units, ratios and
//! addresses.

use maud::Render;
use rust_decimal::Decimal;
use rust_decimal::prelude::ToPrimitive;

use crate::output::labels::page;
use crate::output::table::human;
use crate::{Dimension, Lang, Quantity, Unit};

/// Text made safe for HTML content and attribute values: `&`, `<`, `>`, `"`
/// and `'` become character references. Every text from the data goes
/// through this function before it is written into the page.
///
/// ```
/// use policy_targets::html::escape;
/// assert_eq!(escape("<script>alert(\"x\")</script>"), "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;");
/// assert_eq!(escape("R&D 'plan'"), "R&amp;D &#39;plan&#39;");
/// ```
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    escape_into(text, &mut out);
    out
}

/// Appends `text` to `out`, escaped as [`escape`] does.
fn escape_into(text: &str, out: &mut String) {
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            _ => out.push(c),
        }
    }
}

/// Text written into the page through [`escape`]: what maud's own escaping
/// does, and the apostrophe too (`&#39;`), as the page has always written
/// it. Every text in the templates, from the data or a label, is wrapped in
/// this.
pub(super) struct Text<S>(pub S);

impl<S: AsRef<str>> Render for Text<S> {
    fn render_to(&self, buffer: &mut String) {
        escape_into(self.0.as_ref(), buffer);
    }
}

/// A quantity split for display: an optional prefix (`CNY `), the number
/// with thousands separators, and a suffix (`个`, ` TB`, `亿元`).
pub(super) struct Amount {
    pub(super) prefix: &'static str,
    pub(super) number: String,
    pub(super) suffix: String,
}

impl Amount {
    pub(super) fn text(&self) -> String {
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
pub(super) fn amount(value: Decimal, unit: Unit, lang: Lang) -> Amount {
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

/// A normalised value (per million residents) for people: two decimal
/// places from 1 up, three below (`23.53262` → `23.53`, `0.058998` →
/// `0.059`), with thousands separators.
pub(super) fn human_ratio(value: Decimal) -> String {
    let places = if value.abs() >= Decimal::ONE { 2 } else { 3 };
    let mut rounded = value.round_dp(places);
    rounded.rescale(places);
    human(rounded)
}

pub(super) fn to_f64(value: Decimal) -> f64 {
    value.to_f64().unwrap_or(0.0)
}

/// An address that may be linked: `http://` or `https://`, no whitespace or
/// control characters. Anything else is shown as text only.
pub(super) fn linkable(url: &str) -> Option<&str> {
    let url = url.trim();
    let lower = url.to_ascii_lowercase();
    let scheme = lower.starts_with("https://") || lower.starts_with("http://");
    let clean = !url.chars().any(|c| c.is_whitespace() || c.is_control());
    (scheme && clean && url.len() > 8).then_some(url)
}
