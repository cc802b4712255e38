//! Reading the TOML data files into records with the position of every field,
//! collecting every problem of a file rather than stopping at the first.

mod doc;
mod fields;
mod records;

pub(crate) use doc::Doc;

use std::ops::Range;
use std::path::Path;
use std::sync::Arc;

use toml::de::{DeTable, DeValue};

use super::{FileKind, shorten, unknown_key};
use crate::Source;
use crate::catalog::{Origin, Parts};
use crate::error::{DataProblem, ErrorKind, Expected};
use fields::type_name;

/// Reads one data file into `parts`; problems go to `parts.errors`.
pub(crate) fn read(kind: FileKind, file: Option<Arc<Path>>, text: &str, parts: &mut Parts) {
    let mut doc = Doc::new(file.clone(), text);
    match DeTable::parse(text) {
        Ok(root) => read_root(kind, &mut doc, root.get_ref(), parts),
        Err(err) => {
            let mut problem = DataProblem::Toml {
                detail: err.message().trim().to_owned(),
            };
            let span = match err.span() {
                Some(span) => span,
                // The parser gives no place for a key with too many dotted
                // parts: find the line ourselves.
                None => match deep_key(text) {
                    Some(at) => {
                        problem = DataProblem::DeepKey {
                            max: MAX_KEY_PARTS - 1,
                        };
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
            doc.error(ErrorKind::from(problem), &span, field.as_deref());
            kind.unreadable(parts, file.as_deref());
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

/// Reads the records of a parsed file: its top-level keys checked, then
/// each table of its kind.
fn read_root(kind: FileKind, doc: &mut Doc<'_>, root: &DeTable<'_>, parts: &mut Parts) {
    check_top_level(kind, doc, root, parts);
    match kind {
        FileKind::Jurisdictions => {
            for (table, span) in tables(doc, root, "jurisdiction") {
                match records::jurisdiction(doc, table, span) {
                    Some(j) => parts.jurisdictions.push(j),
                    None => unread(parts, "jurisdiction", table, "code"),
                }
            }
        }
        FileKind::Metrics => {
            for (table, span) in tables(doc, root, "metric") {
                match records::metric(doc, table, span) {
                    Some(m) => parts.metrics.push(m),
                    None => unread(parts, "metric", table, "id"),
                }
            }
        }
        FileKind::Source => read_source_file(doc, root, parts),
    }
}

/// Reports a top-level key that a file of this kind does not hold, and a
/// file of jurisdictions or metrics with nothing in it.
fn check_top_level(kind: FileKind, doc: &mut Doc<'_>, root: &DeTable<'_>, parts: &mut Parts) {
    let allowed: &[&str] = match kind {
        FileKind::Jurisdictions => &["jurisdiction"],
        FileKind::Metrics => &["metric"],
        FileKind::Source => &["source", "target", "observation"],
    };
    for (key, _) in root.iter() {
        let name = key.get_ref().as_ref();
        if !allowed.contains(&name) {
            let kind = unknown_key(name, allowed);
            doc.error(kind, &key.span(), Some(&shorten(name)));
        }
    }
    let empty = match kind {
        FileKind::Jurisdictions if root.is_empty() => Some(DataProblem::EmptyJurisdictions),
        FileKind::Metrics if root.is_empty() => Some(DataProblem::EmptyMetrics),
        _ => None,
    };
    if let Some(problem) = empty {
        doc.error(ErrorKind::from(problem), &(0..0), None);
        // As for a file that could not be read: its records are missing, so
        // references to them are not reported again as unknown.
        kind.unreadable(parts, None);
    }
}

/// Reads a source file: its `[source]` table, then its targets and
/// observations.
fn read_source_file(doc: &mut Doc<'_>, root: &DeTable<'_>, parts: &mut Parts) {
    let source = source_table(doc, root, parts);
    let source_id = source.as_ref().map(|(s, _)| s.id.clone());
    if let Some(s) = source {
        parts.sources.push(s);
    }
    // Entries are read (and their problems reported) even when the
    // [source] table is bad; they are kept only with a source.
    for (table, span) in tables(doc, root, "target") {
        if let Some(t) = records::target(doc, table, span, source_id.clone(), &mut parts.fragments)
        {
            parts.targets.push(t);
        }
    }
    for (table, span) in tables(doc, root, "observation") {
        if let Some(o) =
            records::observation(doc, table, span, source_id.clone(), &mut parts.fragments)
        {
            parts.observations.push(o);
        }
    }
}

/// The `[source]` table of a source file, if it is there and good.
fn source_table(
    doc: &mut Doc<'_>,
    root: &DeTable<'_>,
    parts: &mut Parts,
) -> Option<(Source, Origin)> {
    match root.get("source") {
        Some(value) => match value.get_ref() {
            DeValue::Table(table) => {
                let read = records::source(doc, table, value.span());
                if read.is_none() {
                    unread(parts, "source", table, "id");
                }
                read
            }
            other => {
                let kind = ErrorKind::Type {
                    expected: Expected::SourceTable,
                    found: type_name(other),
                };
                doc.error(kind, &value.span(), Some("source"));
                None
            }
        },
        None if root.is_empty() => {
            doc.error(ErrorKind::from(DataProblem::EmptySource), &(0..0), None);
            None
        }
        None => {
            doc.error(ErrorKind::MissingField("source"), &(0..0), Some("[source]"));
            None
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
    let expected = Expected::Tables(match key {
        "jurisdiction" => "jurisdiction",
        "metric" => "metric",
        "target" => "target",
        _ => "observation",
    });
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
