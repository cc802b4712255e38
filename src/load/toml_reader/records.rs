//! The records of the data format, each read from its TOML table: a
//! jurisdiction, metric, source, target (with its baseline) or observation.

use std::ops::Range;

use rust_decimal::Decimal;
use toml::de::{DeTable, DeValue};

use super::Doc;
use super::fields::{Fields, type_name};
use crate::catalog::{Fragment, Origin};
use crate::error::{ErrorKind, Expected};
use crate::{
    Baseline, Comparator, Deadline, Id, Jurisdiction, JurisdictionCode, Metric, Observation,
    Quantity, Source, Target,
};

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
    "trend",
    "aliases",
    "broader",
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
    "grade",
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

pub(super) fn jurisdiction(
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

pub(super) fn metric(
    doc: &mut Doc<'_>,
    table: &DeTable<'_>,
    span: Range<usize>,
) -> Option<(Metric, Origin)> {
    let mut f = Fields::new(doc, table, span);
    let id = f.parse("id");
    let name_zh = f.string("name_zh");
    let name_en = f.string("name_en");
    let dimension = f.parse("dimension");
    let polarity = f.parse("polarity");
    let basis = f.parse("basis");
    let trend = f.opt_parse("trend");
    let aliases = f.list::<String>("aliases");
    let broader = f.opt_parse("broader");
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
            trend,
            aliases,
            broader,
            note,
        },
        origin,
    ))
}

pub(super) fn source(
    doc: &mut Doc<'_>,
    table: &DeTable<'_>,
    span: Range<usize>,
) -> Option<(Source, Origin)> {
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
    let grade = f.opt_parse("grade");
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
            grade,
            via,
            supersedes,
            note,
        },
        origin,
    ))
}

/// A target, or `None` with what could be read of it pushed to `fragments`.
pub(super) fn target(
    doc: &mut Doc<'_>,
    table: &DeTable<'_>,
    span: Range<usize>,
    source: Option<Id>,
    fragments: &mut Vec<Fragment>,
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
    let (origin, read) = f.finish_all(TARGET_KEYS);
    let whole = read.then(|| -> Option<Target> {
        Some(Target {
            id: id?,
            jurisdiction: jurisdiction.clone()?,
            metric: metric.clone()?,
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
        })
    });
    match whole.flatten() {
        Some(target) => Some((target, origin)),
        None => {
            fragments.push(Fragment {
                jurisdiction,
                metric,
                value,
                origin,
            });
            None
        }
    }
}

fn baseline(f: &mut Fields<'_, '_, '_>) -> Option<Baseline> {
    let value = f.get("baseline")?;
    let span = value.span();
    let DeValue::Table(table) = value.get_ref() else {
        let found = type_name(value.get_ref());
        let kind = ErrorKind::Type {
            expected: Expected::Baseline,
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

/// An observation, or `None` with what could be read of it pushed to
/// `fragments`.
pub(super) fn observation(
    doc: &mut Doc<'_>,
    table: &DeTable<'_>,
    span: Range<usize>,
    source: Option<Id>,
    fragments: &mut Vec<Fragment>,
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
    let (origin, read) = f.finish_all(OBSERVATION_KEYS);
    let whole = read.then(|| -> Option<Observation> {
        Some(Observation {
            id: id?,
            jurisdiction: jurisdiction.clone()?,
            metric: metric.clone()?,
            value: value?,
            as_of: as_of?,
            comparator,
            source: source?,
            quote: quote?,
            note,
        })
    });
    match whole.flatten() {
        Some(observation) => Some((observation, origin)),
        None => {
            fragments.push(Fragment {
                jurisdiction,
                metric,
                value,
                origin,
            });
            None
        }
    }
}
