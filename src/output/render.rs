//! Helpers shared by the JSON and CSV renderers: a JSON document, an exact
//! JSON decimal, an optional CSV cell.

use rust_decimal::Decimal;
use serde::Serialize;

use crate::encode::JsonDecimal;

/// A value as pretty-printed JSON.
pub(super) fn json<T: Serialize>(value: &T) -> String {
    // Plain data with string keys always serialises.
    serde_json::to_string_pretty(value).unwrap_or_default()
}

/// A decimal as an exact JSON number.
pub(super) fn num(d: Decimal) -> JsonDecimal {
    JsonDecimal(d)
}

/// An optional value as a CSV cell: blank when absent.
pub(super) fn opt<T: ToString>(value: Option<T>) -> String {
    value.map(|v| v.to_string()).unwrap_or_default()
}
