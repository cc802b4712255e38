//! How exact values are encoded for machines: decimals in JSON with exactly
//! their digits, the version of the output contracts, and CSV writing with
//! its options. A leaf: it depends only on the errors.

use std::borrow::Cow;
use std::io::Write;

use rust_decimal::Decimal;
use serde::{Deserialize, Deserializer, Serialize, Serializer};
use serde_json::value::RawValue;

use crate::error::{Error, ErrorKind};

/// The version of the JSON and CSV export contracts.
pub const FORMAT_VERSION: u32 = 1;

/// An exact decimal written to JSON as a number with exactly its digits
/// (never through `f64`), and read back the same way.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct JsonDecimal(pub Decimal);

impl Serialize for JsonDecimal {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let raw = RawValue::from_string(self.0.to_string()).map_err(serde::ser::Error::custom)?;
        raw.serialize(serializer)
    }
}

impl<'de> Deserialize<'de> for JsonDecimal {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<JsonDecimal, D::Error> {
        let raw: Box<RawValue> = Deserialize::deserialize(deserializer)?;
        let text = raw.get().trim();
        let text = text
            .strip_prefix('"')
            .and_then(|t| t.strip_suffix('"'))
            .unwrap_or(text);
        let parsed = if text.contains(['e', 'E']) {
            Decimal::from_scientific(text)
        } else {
            Decimal::from_str_exact(text)
        };
        parsed.map(JsonDecimal).map_err(|_| {
            serde::de::Error::custom(format!("expected an exact decimal number, found {text}"))
        })
    }
}

pub(crate) fn csv_error(e: csv::Error) -> Error {
    Error::new(ErrorKind::Io(std::io::Error::other(e)), None)
}

/// How CSV is written.
///
/// ```
/// use policy_targets::encode::CsvOptions;
///
/// let options = CsvOptions::default();
/// assert!(options.guard_formulas && !options.bom);
/// assert_eq!(options.guard("=HYPERLINK(\"x\")"), "'=HYPERLINK(\"x\")");
/// assert_eq!(options.guard("-12.5"), "-12.5"); // a number stays a number
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct CsvOptions {
    /// Start with a UTF-8 byte order mark, so that Excel reads the file as
    /// UTF-8 (default off).
    pub bom: bool,
    /// Neutralise spreadsheet formula injection (default on): a cell that
    /// starts with `=`, `+`, `-`, `@`, a tab or a carriage return and is not
    /// a plain number gets a leading `'`, following OWASP's guidance on CSV
    /// injection. Turn it off for machine consumers that need the text as is.
    pub guard_formulas: bool,
}

impl Default for CsvOptions {
    fn default() -> CsvOptions {
        CsvOptions {
            bom: false,
            guard_formulas: true,
        }
    }
}

impl CsvOptions {
    /// The cell as it is written under these options.
    pub fn guard<'a>(&self, cell: &'a str) -> Cow<'a, str> {
        let risky = cell.starts_with(['=', '+', '-', '@', '\t', '\r']);
        if self.guard_formulas && risky && cell.parse::<Decimal>().is_err() {
            Cow::Owned(format!("'{cell}"))
        } else {
            Cow::Borrowed(cell)
        }
    }
}

/// Writes a header and rows of cells as CSV.
pub(crate) fn write_csv_rows<W: Write>(
    mut out: W,
    header: &[&str],
    rows: impl IntoIterator<Item = Vec<String>>,
    options: &CsvOptions,
) -> Result<(), Error> {
    if options.bom {
        out.write_all("\u{feff}".as_bytes())
            .map_err(|e| Error::new(ErrorKind::Io(e), None))?;
    }
    let mut writer = csv::Writer::from_writer(out);
    writer.write_record(header).map_err(csv_error)?;
    for row in rows {
        writer
            .write_record(
                row.iter()
                    .map(|cell| options.guard(cell))
                    .map(|c| c.into_owned()),
            )
            .map_err(csv_error)?;
    }
    writer
        .flush()
        .map_err(|e| Error::new(ErrorKind::Io(e), None))
}
