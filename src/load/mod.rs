//! Reading the TOML data files into records with the position of every field,
//! collecting every problem of a file rather than stopping at the first.

pub mod bulk;

use std::borrow::Cow;
use std::ops::Range;
use std::path::Path;
use std::str::FromStr;
use std::sync::Arc;

use rust_decimal::Decimal;
use toml::Spanned;
use toml::de::{DeTable, DeValue};

use crate::catalog::{Origin, Parts};
use crate::error::{Error, ErrorKind, ParseError, Position};
use crate::{
    Baseline, Comparator, Deadline, Id, Jurisdiction, JurisdictionCode, Metric, Observation,
    PartialDate, Quantity, Source, Target,
};

/// Which of the data format's files a text is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum FileKind {
    Jurisdictions,
    Metrics,
    Source,
}

/// One TOML text being read: its name, line starts, and the problems found.
pub(crate) struct Doc<'t> {
    file: Option<Arc<Path>>,
    text: &'t str,
    line_starts: Vec<usize>,
    /// The last offset asked for and its character count from its line's start.
    last: std::cell::Cell<(usize, usize)>,
    pub(crate) errors: Vec<Error>,
}

impl<'t> Doc<'t> {
    pub(crate) fn new(file: Option<Arc<Path>>, text: &'t str) -> Doc<'t> {
        let line_starts = std::iter::once(0)
            .chain(text.match_indices('\n').map(|(i, _)| i + 1))
            .collect();
        Doc {
            file,
            text,
            line_starts,
            last: std::cell::Cell::new((0, 0)),
            errors: Vec::new(),
        }
    }

    /// The position of a byte offset, with the field named.
    pub(crate) fn position(&self, offset: usize, field: Option<&str>) -> Position {
        let offset = offset.min(self.text.len());
        let line = self.line_starts.partition_point(|&s| s <= offset).max(1);
        let start = self.line_starts[line - 1];
        // Columns count characters. Counting on from the last position asked
        // for on the same line keeps a file of one long line linear.
        let (last_offset, last_chars) = self.last.get();
        let (from, chars_before) = if last_offset >= start && last_offset <= offset {
            (last_offset, last_chars)
        } else {
            (start, 0)
        };
        let chars = chars_before
            + self
                .text
                .get(from..offset)
                .map_or(offset - from, |s| s.chars().count());
        self.last.set((offset, chars));
        // A byte order mark is not a column.
        let bom = usize::from(line == 1 && self.text.starts_with('\u{feff}') && offset > 0);
        let column = chars - bom + 1;
        let position = Position::new()
            .with_shared_file(self.file.clone())
            .with_line_column(line as u64, column as u64);
        match field {
            Some(field) => position.with_field(field),
            None => position,
        }
    }

    fn error(&mut self, kind: impl Into<ErrorKind>, span: &Range<usize>, field: Option<&str>) {
        let position = self.position(span.start, field);
        self.errors.push(Error::at(kind, position));
    }
}

fn type_name(value: &DeValue<'_>) -> &'static str {
    match value {
        DeValue::String(_) => "a string",
        DeValue::Integer(_) => "an integer",
        DeValue::Float(_) => "a float",
        DeValue::Boolean(_) => "a boolean",
        DeValue::Datetime(_) => "a date-time",
        DeValue::Array(_) => "an array",
        DeValue::Table(_) => "a table",
    }
}

/// The fields of one TOML table, read one by one; unknown keys are reported
/// by [`Fields::finish`].
struct Fields<'a, 'd, 't> {
    doc: &'a mut Doc<'t>,
    table: &'d DeTable<'d>,
    span: Range<usize>,
    origin: Origin,
    failed: bool,
}

impl<'a, 'd, 't> Fields<'a, 'd, 't> {
    fn new(doc: &'a mut Doc<'t>, table: &'d DeTable<'d>, span: Range<usize>) -> Self {
        let origin = Origin::new(doc.position(span.start, None));
        Fields {
            doc,
            table,
            span,
            origin,
            failed: false,
        }
    }

    fn get(&mut self, key: &'static str) -> Option<&'d Spanned<DeValue<'d>>> {
        let value = self.table.get(key)?;
        let position = self.doc.position(value.span().start, Some(key));
        self.origin.set(key, position);
        Some(value)
    }

    fn fail(&mut self, kind: impl Into<ErrorKind>, span: &Range<usize>, key: &str) {
        self.failed = true;
        self.doc.error(kind, span, Some(key));
    }

    fn missing(&mut self, key: &'static str) {
        self.failed = true;
        let span = self.span.clone();
        self.doc
            .error(ErrorKind::MissingField(key), &span, Some(key));
    }

    /// A string field; `None` (with an error recorded) when absent or not a string.
    fn string(&mut self, key: &'static str) -> Option<String> {
        let value = self.opt_string(key);
        if value.is_none() && !self.table.contains_key(key) {
            self.missing(key);
        }
        value
    }

    fn opt_string(&mut self, key: &'static str) -> Option<String> {
        let value = self.get(key)?;
        match value.get_ref() {
            DeValue::String(s) => Some(s.to_string()),
            other => {
                let found = type_name(other);
                self.fail(
                    ErrorKind::Type {
                        expected: "a string",
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
    fn parse<T: FromStr<Err = ParseError>>(&mut self, key: &'static str) -> Option<T> {
        let parsed = self.opt_parse(key);
        if parsed.is_none() && !self.table.contains_key(key) {
            self.missing(key);
        }
        parsed
    }

    fn opt_parse<T: FromStr<Err = ParseError>>(&mut self, key: &'static str) -> Option<T> {
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
    fn list<T: FromStr>(&mut self, key: &'static str) -> Vec<T>
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
                    expected: "an array of strings",
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
                            expected: "a string",
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
    fn date(&mut self, key: &'static str, required: bool) -> Option<PartialDate> {
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
                .ok_or_else(|| ErrorKind::Invalid(format!("no such day in the calendar: {dt}")))
                .and_then(|day| {
                    // The same range as every other way of writing a date.
                    day.to_string()
                        .parse::<PartialDate>()
                        .map_err(ErrorKind::from)
                }),
                _ => Err(ErrorKind::Invalid(format!(
                    "expected a date without a time, found {dt}"
                ))),
            },
            other => Err(ErrorKind::Type {
                expected: "a date (2025-02-27), a year (2027) or a string (\"2025-06\")",
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
    fn number_text(&mut self, key: &'static str) -> Option<(Cow<'d, str>, Range<usize>)> {
        let value = self.get(key)?;
        let span = value.span();
        match value.get_ref() {
            DeValue::String(s) => Some((s.clone(), span)),
            DeValue::Integer(i) if i.radix() == 10 => {
                Some((Cow::Owned(i.as_str().to_owned()), span))
            }
            DeValue::Integer(i) => {
                let (name, prefix) = match i.radix() {
                    16 => ("hexadecimal", "0x"),
                    8 => ("octal", "0o"),
                    _ => ("binary", "0b"),
                };
                let written = format!("{prefix}{}", i.as_str());
                let decimal = u128::from_str_radix(i.as_str(), i.radix())
                    .map_or(String::new(), |v| format!(" ({v})"));
                let kind = ErrorKind::Invalid(format!(
                    "found the {name} integer {written}: write it in decimal{decimal}"
                ));
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
                    expected: "a decimal integer or a string such as \"5.8万\" or \"3000TB\"",
                    found,
                };
                self.fail(kind, &span, key);
                None
            }
        }
    }

    /// A quantity from a number field and the optional `unit` field.
    fn quantity(
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
    fn finish(mut self, allowed: &[&str]) -> Option<Origin> {
        for (key, _) in self.table.iter() {
            if !allowed.contains(&key.get_ref().as_ref()) {
                let kind = ErrorKind::UnknownKey {
                    key: shorten(key.get_ref()),
                    expected: expected_keys(key.get_ref(), allowed),
                };
                let field = shorten(key.get_ref());
                self.fail(kind, &key.span(), &field);
            }
        }
        (!self.failed).then_some(self.origin)
    }
}

const JURISDICTION_KEYS: &[&str] = &[
    "code", "name_zh", "name_en", "level", "parent", "aliases", "members", "note",
];
const METRIC_KEYS: &[&str] = &[
    "id",
    "name_zh",
    "name_en",
    "dimension",
    "polarity",
    "basis",
    "aliases",
    "note",
];
const SOURCE_KEYS: &[&str] = &[
    "id",
    "title",
    "issuer",
    "doc_number",
    "published",
    "status",
    "force",
    "period",
    "url",
    "via",
    "supersedes",
    "note",
];
const TARGET_KEYS: &[&str] = &[
    "id",
    "jurisdiction",
    "metric",
    "comparator",
    "value",
    "unit",
    "upper",
    "deadline",
    "period",
    "baseline",
    "basis",
    "quote",
    "note",
];
const BASELINE_KEYS: &[&str] = &["value", "unit", "as_of"];
const OBSERVATION_KEYS: &[&str] = &[
    "id",
    "jurisdiction",
    "metric",
    "value",
    "unit",
    "as_of",
    "comparator",
    "quote",
    "note",
];

/// Reads one data file into `parts`; problems go to `parts.errors`.
pub(crate) fn read(kind: FileKind, file: Option<Arc<Path>>, text: &str, parts: &mut Parts) {
    let mut doc = Doc::new(file.clone(), text);
    match DeTable::parse(text) {
        Ok(root) => read_root(kind, &mut doc, root.get_ref(), parts),
        Err(err) => {
            let mut message = err.message().trim().to_owned();
            let span = match err.span() {
                Some(span) => span,
                // The parser gives no place for a key with too many dotted
                // parts: find the line ourselves.
                None => match deep_key(text) {
                    Some(at) => {
                        message = format!(
                            "a key or table header of {MAX_KEY_PARTS} or more dotted parts (at most {} are read)",
                            MAX_KEY_PARTS - 1
                        );
                        at..at
                    }
                    None => 0..0,
                },
            };
            // An error placed at the very start with no place of its own is
            // not about the first line's key.
            let field = (span.start > 0)
                .then(|| key_of_line(text, span.start))
                .flatten();
            doc.error(
                ErrorKind::Syntax(format!("invalid TOML: {message}")),
                &span,
                field.as_deref(),
            );
            parts.unreadable(kind, file.as_deref());
        }
    }
    parts.errors.append(&mut doc.errors);
}

/// The parser's limit on the parts of a dotted key (`a.b.c` has three).
const MAX_KEY_PARTS: usize = 80;

/// The offset of the first key or table header with at least
/// [`MAX_KEY_PARTS`] dotted parts, pointing at its first part.
fn deep_key(text: &str) -> Option<usize> {
    let mut start = 0;
    for line in text.split_inclusive('\n') {
        let indent = line.len() - line.trim_start().len();
        let body = &line[indent..];
        let (key, at) = match body.strip_prefix('[') {
            Some(header) => {
                let inner = header.trim_start_matches('[');
                let skip = body.len() - inner.len();
                let skip = skip + inner.len() - inner.trim_start().len();
                (inner.split(']').next().unwrap_or(""), start + indent + skip)
            }
            None => (body.split('=').next().unwrap_or(""), start + indent),
        };
        if key.split('.').count() >= MAX_KEY_PARTS {
            return Some(at);
        }
        start += line.len();
    }
    None
}

/// The key assigned on the line holding `offset` (`deadline = 2025-02-30` →
/// `deadline`), to name the field of a syntax error.
fn key_of_line(text: &str, offset: usize) -> Option<String> {
    let offset = offset.min(text.len());
    let start = text.get(..offset)?.rfind('\n').map_or(0, |i| i + 1);
    let line = text.get(start..)?.lines().next()?.trim();
    let key = if let Some(header) = line.strip_prefix('[') {
        // `[[target]` → `target`
        header.trim_start_matches('[').split([']', ' ']).next()?
    } else {
        line.split(['=', ' ', '\t']).next()?
    };
    // `x.y.z = 1` → `x`
    let key = key.split('.').next()?;
    let key = key.trim();
    (!key.is_empty()
        && key
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b == b'_' || b == b'-'))
    .then(|| key.to_owned())
}

/// Text from the input as it is quoted in a message: at most 60 characters.
pub(crate) fn shorten(text: &str) -> String {
    match text.char_indices().nth(60) {
        Some((end, _)) => format!("{}… ({} characters)", &text[..end], text.chars().count()),
        None => text.to_owned(),
    }
}

/// `expected` keys, with the closest to `key` suggested when one is close.
pub(crate) fn expected_keys(key: &str, allowed: &[&str]) -> String {
    match crate::util::closest(key, allowed.iter().copied()) {
        Some(near) => format!("{} (did you mean `{near}`?)", allowed.join(", ")),
        None => allowed.join(", "),
    }
}

fn read_root(kind: FileKind, doc: &mut Doc<'_>, root: &DeTable<'_>, parts: &mut Parts) {
    let allowed: &[&str] = match kind {
        FileKind::Jurisdictions => &["jurisdiction"],
        FileKind::Metrics => &["metric"],
        FileKind::Source => &["source", "target", "observation"],
    };
    for (key, _) in root.iter() {
        let name = key.get_ref().as_ref();
        if !allowed.contains(&name) {
            let kind = ErrorKind::UnknownKey {
                key: shorten(name),
                expected: expected_keys(name, allowed),
            };
            doc.error(kind, &key.span(), Some(&shorten(name)));
        }
    }
    let empty = match kind {
        FileKind::Jurisdictions if root.is_empty() => Some(
            "the file is empty: it needs [[jurisdiction]] tables (code, name_zh, name_en, level)",
        ),
        FileKind::Metrics if root.is_empty() => Some(
            "the file is empty: it needs [[metric]] tables (id, name_zh, name_en, dimension, polarity, basis)",
        ),
        _ => None,
    };
    if let Some(message) = empty {
        doc.error(ErrorKind::Invalid(message.to_owned()), &(0..0), None);
        // As for a file that could not be read: its records are missing, so
        // references to them are not reported again as unknown.
        parts.unreadable(kind, None);
    }
    match kind {
        FileKind::Jurisdictions => {
            for (table, span) in tables(doc, root, "jurisdiction") {
                match jurisdiction(doc, table, span) {
                    Some(j) => parts.jurisdictions.push(j),
                    None => unread(parts, "jurisdiction", table, "code"),
                }
            }
        }
        FileKind::Metrics => {
            for (table, span) in tables(doc, root, "metric") {
                match metric(doc, table, span) {
                    Some(m) => parts.metrics.push(m),
                    None => unread(parts, "metric", table, "id"),
                }
            }
        }
        FileKind::Source => {
            let source = match root.get("source") {
                Some(value) => match value.get_ref() {
                    DeValue::Table(table) => {
                        let read = source(doc, table, value.span());
                        if read.is_none() {
                            unread(parts, "source", table, "id");
                        }
                        read
                    }
                    other => {
                        let kind = ErrorKind::Type {
                            expected: "a table ([source])",
                            found: type_name(other),
                        };
                        doc.error(kind, &value.span(), Some("source"));
                        None
                    }
                },
                None if root.is_empty() => {
                    let kind = ErrorKind::Invalid(
                        "the file is empty: a source file needs a [source] table (id, title, issuer, published, status, force) and its [[target]] and [[observation]] entries".to_owned(),
                    );
                    doc.error(kind, &(0..0), None);
                    None
                }
                None => {
                    doc.error(ErrorKind::MissingField("source"), &(0..0), Some("[source]"));
                    None
                }
            };
            let source_id = source.as_ref().map(|(s, _)| s.id.clone());
            if let Some(s) = source {
                parts.sources.push(s);
            }
            // Entries are read (and their problems reported) even when the
            // [source] table is bad; they are kept only with a source.
            for (table, span) in tables(doc, root, "target") {
                if let Some(t) = target(doc, table, span, source_id.clone()) {
                    parts.targets.push(t);
                }
            }
            for (table, span) in tables(doc, root, "observation") {
                if let Some(o) = observation(doc, table, span, source_id.clone()) {
                    parts.observations.push(o);
                }
            }
        }
    }
}

/// Notes the code or id of a record that has a mistake, so that references
/// to it are not also reported as unknown.
fn unread(parts: &mut Parts, what: &'static str, table: &DeTable<'_>, key: &str) {
    let name = match table.get(key).map(|v| v.get_ref()) {
        Some(DeValue::String(s)) => s.to_string(),
        Some(DeValue::Integer(i)) => i.as_str().to_owned(),
        _ => return,
    };
    parts.unread.names.insert((what, name));
}

/// The tables of an array of tables (`[[target]]`).
fn tables<'d>(
    doc: &mut Doc<'_>,
    root: &'d DeTable<'d>,
    key: &str,
) -> Vec<(&'d DeTable<'d>, Range<usize>)> {
    let Some(value) = root.get(key) else {
        return Vec::new();
    };
    let expected = match key {
        "jurisdiction" => "an array of tables ([[jurisdiction]])",
        "metric" => "an array of tables ([[metric]])",
        "target" => "an array of tables ([[target]])",
        _ => "an array of tables ([[observation]])",
    };
    let DeValue::Array(items) = value.get_ref() else {
        let kind = ErrorKind::Type {
            expected,
            found: type_name(value.get_ref()),
        };
        doc.error(kind, &value.span(), Some(key));
        return Vec::new();
    };
    let mut out = Vec::new();
    for item in items {
        match item.get_ref() {
            DeValue::Table(t) => out.push((t, item.span())),
            other => {
                let kind = ErrorKind::Type {
                    expected,
                    found: type_name(other),
                };
                doc.error(kind, &item.span(), Some(key));
            }
        }
    }
    out
}

fn jurisdiction(
    doc: &mut Doc<'_>,
    table: &DeTable<'_>,
    span: Range<usize>,
) -> Option<(Jurisdiction, Origin)> {
    let mut f = Fields::new(doc, table, span);
    let code = match f.get("code").map(|v| (v.get_ref(), v.span())) {
        Some((DeValue::Integer(i), span)) => match i.as_str().parse::<JurisdictionCode>() {
            Ok(c) => Some(c),
            Err(e) => {
                f.fail(e, &span, "code");
                None
            }
        },
        Some(_) => f.opt_parse("code"),
        None => {
            f.missing("code");
            None
        }
    };
    let name_zh = f.string("name_zh");
    let name_en = f.string("name_en");
    let level = f.parse("level");
    let parent = f.opt_parse("parent");
    let aliases = f.list::<String>("aliases");
    let members = f.list("members");
    let note = f.opt_string("note");
    let origin = f.finish(JURISDICTION_KEYS)?;
    Some((
        Jurisdiction {
            code: code?,
            name_zh: name_zh?,
            name_en: name_en?,
            level: level?,
            parent,
            aliases,
            members,
            note,
        },
        origin,
    ))
}

fn metric(doc: &mut Doc<'_>, table: &DeTable<'_>, span: Range<usize>) -> Option<(Metric, Origin)> {
    let mut f = Fields::new(doc, table, span);
    let id = f.parse("id");
    let name_zh = f.string("name_zh");
    let name_en = f.string("name_en");
    let dimension = f.parse("dimension");
    let polarity = f.parse("polarity");
    let basis = f.parse("basis");
    let aliases = f.list::<String>("aliases");
    let note = f.opt_string("note");
    let origin = f.finish(METRIC_KEYS)?;
    Some((
        Metric {
            id: id?,
            name_zh: name_zh?,
            name_en: name_en?,
            dimension: dimension?,
            polarity: polarity?,
            basis: basis?,
            aliases,
            note,
        },
        origin,
    ))
}

fn source(doc: &mut Doc<'_>, table: &DeTable<'_>, span: Range<usize>) -> Option<(Source, Origin)> {
    let mut f = Fields::new(doc, table, span);
    let id = f.parse("id");
    let title = f.string("title");
    let issuer = f.string("issuer");
    let doc_number = f.opt_string("doc_number");
    let published = f.date("published", true);
    let status = f.parse("status");
    let force = f.parse("force");
    let period = f.opt_parse("period");
    let url = f.opt_string("url");
    let via = f.opt_parse("via");
    let supersedes = f.opt_parse("supersedes");
    let note = f.opt_string("note");
    let origin = f.finish(SOURCE_KEYS)?;
    Some((
        Source {
            id: id?,
            title: title?,
            issuer: issuer?,
            doc_number,
            published: published?,
            status: status?,
            force: force?,
            period,
            url,
            via,
            supersedes,
            note,
        },
        origin,
    ))
}

fn target(
    doc: &mut Doc<'_>,
    table: &DeTable<'_>,
    span: Range<usize>,
    source: Option<Id>,
) -> Option<(Target, Origin)> {
    let mut f = Fields::new(doc, table, span);
    let id = f.parse("id");
    let jurisdiction = f.parse("jurisdiction");
    let metric = f.parse("metric");
    let comparator = f.parse::<Comparator>("comparator");
    let unit = f.opt_string("unit");
    let value = f.quantity("value", unit.as_deref(), true);
    let upper = match (f.number_text("upper"), value) {
        (Some((text, span)), Some(value)) => {
            let parsed = Quantity::from_parts(&text, unit.as_deref()).or_else(|err| match text
                .parse::<Decimal>(
            ) {
                Ok(number) if unit.is_none() => Quantity::new(number, value.unit()),
                _ => Err(err),
            });
            match parsed {
                Ok(q) => Some(q),
                Err(err) => {
                    f.fail(err, &span, "upper");
                    None
                }
            }
        }
        _ => None,
    };
    let deadline = f.date("deadline", true).map(Deadline::new);
    let period = f.opt_parse("period");
    let baseline = baseline(&mut f);
    let basis = f.opt_parse("basis");
    let quote = f.string("quote");
    let note = f.opt_string("note");
    let origin = f.finish(TARGET_KEYS)?;
    Some((
        Target {
            id: id?,
            jurisdiction: jurisdiction?,
            metric: metric?,
            comparator: comparator?,
            value: value?,
            upper,
            deadline: deadline?,
            period,
            baseline,
            basis,
            source: source?,
            quote: quote?,
            note,
        },
        origin,
    ))
}

fn baseline(f: &mut Fields<'_, '_, '_>) -> Option<Baseline> {
    let value = f.get("baseline")?;
    let span = value.span();
    let DeValue::Table(table) = value.get_ref() else {
        let found = type_name(value.get_ref());
        let kind = ErrorKind::Type {
            expected: "a table such as { value = 120, unit = \"个\", as_of = 2024 }",
            found,
        };
        f.fail(kind, &span, "baseline");
        return None;
    };
    let mut inner = Fields::new(f.doc, table, span);
    let unit = inner.opt_string("unit");
    let value = inner.quantity("value", unit.as_deref(), true);
    let as_of = inner.date("as_of", true);
    let ok = inner.finish(BASELINE_KEYS).is_some();
    if !ok {
        f.failed = true;
    }
    Some(Baseline {
        value: value?,
        as_of: as_of?,
    })
}

fn observation(
    doc: &mut Doc<'_>,
    table: &DeTable<'_>,
    span: Range<usize>,
    source: Option<Id>,
) -> Option<(Observation, Origin)> {
    let mut f = Fields::new(doc, table, span);
    let id = f.parse("id");
    let jurisdiction = f.parse("jurisdiction");
    let metric = f.parse("metric");
    let unit = f.opt_string("unit");
    let value = f.quantity("value", unit.as_deref(), true);
    let as_of = f.date("as_of", true);
    let comparator = f.opt_parse("comparator");
    let quote = f.string("quote");
    let note = f.opt_string("note");
    let origin = f.finish(OBSERVATION_KEYS)?;
    Some((
        Observation {
            id: id?,
            jurisdiction: jurisdiction?,
            metric: metric?,
            value: value?,
            as_of: as_of?,
            comparator,
            source: source?,
            quote: quote?,
            note,
        },
        origin,
    ))
}
