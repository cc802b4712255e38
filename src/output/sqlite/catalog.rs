//! The rows of `jurisdictions`, `metrics` and `sources`.

use rusqlite::Transaction;

use crate::{Jurisdiction, Metric, Source};

/// A list as a JSON array.
fn json_list<T: serde::Serialize>(items: &[T]) -> String {
    serde_json::to_string(items).unwrap_or_else(|_| "[]".to_owned())
}

/// One row per jurisdiction (a parent named before or after its members:
/// the key is checked at the commit).
pub(super) fn jurisdictions(tx: &Transaction<'_>, all: &[Jurisdiction]) -> rusqlite::Result<()> {
    let mut insert = tx.prepare(
        "INSERT INTO jurisdictions (code, name_zh, name_en, level, parent, aliases, members, note)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
    )?;
    for j in all {
        insert.execute((
            j.code.as_str(),
            &j.name_zh,
            &j.name_en,
            j.level.as_str(),
            j.parent.as_ref().map(|p| p.as_str()),
            json_list(&j.aliases),
            json_list(&j.members),
            j.note.as_deref(),
        ))?;
    }
    Ok(())
}

/// One row per metric.
pub(super) fn metrics(tx: &Transaction<'_>, all: &[Metric]) -> rusqlite::Result<()> {
    let mut insert = tx.prepare(
        "INSERT INTO metrics (id, name_zh, name_en, dimension, polarity, basis, aliases, note, broader)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)",
    )?;
    for m in all {
        insert.execute((
            m.id.as_str(),
            &m.name_zh,
            &m.name_en,
            m.dimension.as_str(),
            m.polarity.as_str(),
            m.basis.as_str(),
            json_list(&m.aliases),
            m.note.as_deref(),
            m.broader.as_ref().map(|b| b.as_str()),
        ))?;
    }
    Ok(())
}

/// One row per source.
pub(super) fn sources(tx: &Transaction<'_>, all: &[Source]) -> rusqlite::Result<()> {
    let mut insert = tx.prepare(
        "INSERT INTO sources (id, title, issuer, doc_number, published, published_precision,
             status, force, period, period_start, period_end, url, via, supersedes, note, grade)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16)",
    )?;
    for s in all {
        insert.execute(rusqlite::params![
            s.id.as_str(),
            &s.title,
            &s.issuer,
            s.doc_number.as_deref(),
            s.published.to_string(),
            s.published.precision().as_str(),
            s.status.as_str(),
            s.force.as_str(),
            s.period.map(|p| p.to_string()),
            s.period.map(|p| p.start().to_string()),
            s.period.map(|p| p.end().to_string()),
            s.url.as_deref(),
            s.via.as_ref().map(|v| v.as_str()),
            s.supersedes.as_ref().map(|v| v.as_str()),
            s.note.as_deref(),
            s.grade.map(|g| g.as_str()),
        ])?;
    }
    Ok(())
}

/// The row of the pseudo-source that rows of `observations.csv` without a
/// `source` cell name ([`UNNAMED_SOURCE`](crate::bulk::UNNAMED_SOURCE)),
/// unless the catalogue has a source of that id.
pub(super) fn unnamed_source(tx: &Transaction<'_>) -> rusqlite::Result<()> {
    tx.execute(
        "INSERT OR IGNORE INTO sources (id, title, issuer) VALUES (?1, ?2, '')",
        (
            crate::bulk::UNNAMED_SOURCE,
            crate::load::bulk::OBSERVATIONS_CSV,
        ),
    )?;
    Ok(())
}
