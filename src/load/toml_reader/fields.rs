//! The fields of one TOML table, read one by one with the position of each,
//! every problem recorded in the text's [`Doc`].

use std::borrow::Cow;
use std::ops::Range;
use std::str::FromStr;

use toml::Spanned;
use toml::de::{DeTable, DeValue};

use super::Doc;
use crate::catalog::Origin;
use crate::error::{DataProblem, ErrorKind, Expected, ParseError, ValueType};
use crate::load::{shorten, unknown_key};
use crate::{PartialDate, Quantity};

/// A TOML value's type.
pub(super) fn type_name(value: &DeValue<'_>) -> ValueType {
    match value {
        DeValue::String(_) => ValueType::String,
        DeValue::Integer(_) => ValueType::Integer,
        DeValue::Float(_) => ValueType::Float,
        DeValue::Boolean(_) => ValueType::Boolean,
        DeValue::Datetime(_) => ValueType::DateTime,
        DeValue::Array(_) => ValueType::Array,
        DeValue::Table(_) => ValueType::Table,
    }
}

/// The fields of one TOML table, read one by one; unknown keys are reported
/// by [`Fields::finish`].
pub(super) struct Fields<'a, 'd, 't> {
    pub(super) doc: &'a mut Doc<'t>,
    table: &'d DeTable<'d>,
    span: Range<usize>,
    origin: Origin,
    pub(super) failed: bool,
}

impl<'a, 'd, 't> Fields<'a, 'd, 't> {
    pub(super) fn new(doc: &'a mut Doc<'t>, table: &'d DeTable<'d>, span: Range<usize>) -> Self {
        let origin = Origin::new(doc.position(span.start, None));
        Fields {
            doc,
            table,
            span,
            origin,
            failed: false,
        }
    }

    pub(super) fn get(&mut self, key: &'static str) -> Option<&'d Spanned<DeValue<'d>>> {
        let value = self.table.get(key)?;
        let position = self.doc.position(value.span().start, Some(key));
        self.origin.set(key, position);
        Some(value)
    }

    pub(super) fn fail(&mut self, kind: impl Into<ErrorKind>, span: &Range<usize>, key: &str) {
        self.failed = true;
        self.doc.error(kind, span, Some(key));
    }

    pub(super) fn missing(&mut self, key: &'static str) {
        self.failed = true;
        let span = self.span.clone();
        self.doc
            .error(ErrorKind::MissingField(key), &span, Some(key));
    }

    /// A string field; `None` (with an error recorded) when absent or not a string.
    pub(super) fn string(&mut self, key: &'static str) -> Option<String> {
        let value = self.opt_string(key);
        if value.is_none() && !self.table.contains_key(key) {
            self.missing(key);
        }
        value
    }

    pub(super) fn opt_string(&mut self, key: &'static str) -> Option<String> {
        let value = self.get(key)?;
        match value.get_ref() {
            DeValue::String(s) => Some(s.to_string()),
            other => {
                let found = type_name(other);
                self.fail(
                    ErrorKind::Type {
                        expected: Expected::String,
                        found,
                    },
                    &value.span(),
                    key,
                );
                None
            }
        }
    }

    /// A required string field parsed with `FromStr`.
    pub(super) fn parse<T: FromStr<Err = ParseError>>(&mut self, key: &'static str) -> Option<T> {
        let parsed = self.opt_parse(key);
        if parsed.is_none() && !self.table.contains_key(key) {
            self.missing(key);
        }
        parsed
    }

    pub(super) fn opt_parse<T: FromStr<Err = ParseError>>(
        &mut self,
        key: &'static str,
    ) -> Option<T> {
        let span = self.get(key)?.span();
        let text = self.opt_string(key)?;
        match text.parse() {
            Ok(value) => Some(value),
            Err(err) => {
                self.fail(err, &span, key);
                None
            }
        }
    }

    /// A list of strings, each parsed with `FromStr`.
    pub(super) fn list<T: FromStr>(&mut self, key: &'static str) -> Vec<T>
    where
        T::Err: Into<ErrorKind>,
    {
        let Some(value) = self.get(key) else {
            return Vec::new();
        };
        let DeValue::Array(items) = value.get_ref() else {
            let found = type_name(value.get_ref());
            self.fail(
                ErrorKind::Type {
                    expected: Expected::Strings,
                    found,
                },
                &value.span(),
                key,
            );
            return Vec::new();
        };
        let mut out = Vec::new();
        for item in items {
            match item.get_ref() {
                DeValue::String(s) => match s.parse() {
                    Ok(v) => out.push(v),
                    Err(err) => self.fail(Into::<ErrorKind>::into(err), &item.span(), key),
                },
                other => {
                    let found = type_name(other);
                    self.fail(
                        ErrorKind::Type {
                            expected: Expected::String,
                            found,
                        },
                        &item.span(),
                        key,
                    );
                }
            }
        }
        out
    }

    /// A date: a TOML date (`2025-02-27`), an integer year, or a string
    /// (`"2025-06"`).
    pub(super) fn date(&mut self, key: &'static str, required: bool) -> Option<PartialDate> {
        let Some(value) = self.get(key) else {
            if required {
                self.missing(key);
            }
            return None;
        };
        let span = value.span();
        let parsed: Result<PartialDate, ErrorKind> = match value.get_ref() {
            DeValue::String(s) => s.parse().map_err(ErrorKind::from),
            DeValue::Integer(i) if i.radix() == 10 => i.as_str().parse().map_err(ErrorKind::from),
            DeValue::Datetime(dt) => match (dt.date, dt.time, dt.offset) {
                (Some(d), None, None) => chrono::NaiveDate::from_ymd_opt(
                    i32::from(d.year),
                    u32::from(d.month),
                    u32::from(d.day),
                )
                .ok_or_else(|| DataProblem::NoSuchDay(dt.to_string()).into())
                .and_then(|day| {
                    // The same range as every other way of writing a date.
                    day.to_string()
                        .parse::<PartialDate>()
                        .map_err(ErrorKind::from)
                }),
                _ => Err(DataProblem::DateWithTime(dt.to_string()).into()),
            },
            other => Err(ErrorKind::Type {
                expected: Expected::Date,
                found: type_name(other),
            }),
        };
        match parsed {
            Ok(date) => Some(date),
            Err(kind) => {
                self.fail(kind, &span, key);
                None
            }
        }
    }

    /// The text of a number field: an integer or a string, never a float.
    pub(super) fn number_text(
        &mut self,
        key: &'static str,
    ) -> Option<(Cow<'d, str>, Range<usize>)> {
        let value = self.get(key)?;
        let span = value.span();
        match value.get_ref() {
            DeValue::String(s) => Some((s.clone(), span)),
            DeValue::Integer(i) if i.radix() == 10 => {
                Some((Cow::Owned(i.as_str().to_owned()), span))
            }
            DeValue::Integer(i) => {
                let prefix = match i.radix() {
                    16 => "0x",
                    8 => "0o",
                    _ => "0b",
                };
                let written = format!("{prefix}{}", i.as_str());
                let kind: ErrorKind = DataProblem::NotDecimal {
                    radix: i.radix(),
                    written,
                    decimal: u128::from_str_radix(i.as_str(), i.radix()).ok(),
                }
                .into();
                self.fail(kind, &span, key);
                None
            }
            DeValue::Float(f) => {
                let text = f.as_str().to_owned();
                self.fail(ErrorKind::Float(text), &span, key);
                None
            }
            other => {
                let found = type_name(other);
                let kind = ErrorKind::Type {
                    expected: Expected::Number,
                    found,
                };
                self.fail(kind, &span, key);
                None
            }
        }
    }

    /// A quantity from a number field and the optional `unit` field.
    pub(super) fn quantity(
        &mut self,
        key: &'static str,
        unit: Option<&str>,
        required: bool,
    ) -> Option<Quantity> {
        let Some((text, span)) = self.number_text(key) else {
            if required && !self.table.contains_key(key) {
                self.missing(key);
            }
            return None;
        };
        match Quantity::from_parts(&text, unit) {
            Ok(q) => Some(q),
            // A bad `unit` key is reported where it is written.
            Err(err) if err.what() == "unit" && unit.is_some() => {
                let span = self.table.get("unit").map_or(span, |u| u.span());
                self.fail(err, &span, "unit");
                None
            }
            Err(err) => {
                self.fail(err, &span, key);
                None
            }
        }
    }

    /// Reports every key not in `allowed`; returns whether every field was good.
    pub(super) fn finish(self, allowed: &[&str]) -> Option<Origin> {
        let (origin, read) = self.finish_all(allowed);
        read.then_some(origin)
    }

    /// The record's origin, and whether every field was read (unknown keys
    /// reported as by [`Fields::finish`]).
    pub(super) fn finish_all(mut self, allowed: &[&str]) -> (Origin, bool) {
        for (key, _) in self.table.iter() {
            if !allowed.contains(&key.get_ref().as_ref()) {
                let kind = unknown_key(key.get_ref(), allowed);
                let field = shorten(key.get_ref());
                self.fail(kind, &key.span(), &field);
            }
        }
        (self.origin, !self.failed)
    }
}
