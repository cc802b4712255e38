//! Text for the page: escaping, ratios and addresses (amounts with their
//! units are [`crate::output::amount`]'s).

use maud::Render;
use rust_decimal::Decimal;
use rust_decimal::prelude::ToPrimitive;

use crate::output::table::human;

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
