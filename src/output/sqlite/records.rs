//! The rows of `targets` and `observations`.

use rusqlite::{Statement, Transaction};

use super::decimal;
use crate::{Catalog, Comparator, Observation, PartialDate, Quantity, Target};

/// The insert of one observation, prepared.
pub(super) const INSERT_OBSERVATION: &str = "INSERT INTO observations (id, jurisdiction, metric,
     comparator, value, value_num, unit, canonical_value, canonical_value_num, canonical_unit,
     as_of, as_of_precision, source, quote, note)
     VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15)";

/// One reported figure, from the catalogue or a row of `observations.csv`.
pub(super) struct Figure<'a> {
    pub id: &'a str,
    pub jurisdiction: &'a str,
    pub metric: &'a str,
    pub comparator: Option<Comparator>,
    pub value: Quantity,
    pub as_of: PartialDate,
    pub source: &'a str,
    pub quote: &'a str,
    pub note: Option<&'a str>,
}

impl Figure<'_> {
    /// Inserts the figure with `insert` ([`INSERT_OBSERVATION`]).
    pub(super) fn insert(&self, insert: &mut Statement<'_>) -> rusqlite::Result<()> {
        let (value, value_num) = decimal(self.value.value());
        let (canonical, canonical_num) = decimal(self.value.canonical_value());
        insert.execute(rusqlite::params![
            self.id,
            self.jurisdiction,
            self.metric,
            self.comparator.map(Comparator::as_str),
            value,
            value_num,
            self.value.unit().to_string(),
            canonical,
            canonical_num,
            self.value.dimension().canonical_unit().to_string(),
            self.as_of.last_day().to_string(),
            self.as_of.precision().as_str(),
            self.source,
            self.quote,
            self.note,
        ])?;
        Ok(())
    }
}

/// One row per observation of the catalogue.
pub(super) fn observations(tx: &Transaction<'_>, all: &[Observation]) -> rusqlite::Result<()> {
    let mut insert = tx.prepare(INSERT_OBSERVATION)?;
    for o in all {
        Figure {
            id: o.id.as_str(),
            jurisdiction: o.jurisdiction.as_str(),
            metric: o.metric.as_str(),
            comparator: o.comparator,
            value: o.value,
            as_of: o.as_of,
            source: o.source.as_str(),
            quote: &o.quote,
            note: o.note.as_deref(),
        }
        .insert(&mut insert)?;
    }
    Ok(())
}

/// One row per target of the catalogue.
pub(super) fn targets(tx: &Transaction<'_>, catalog: &Catalog) -> rusqlite::Result<()> {
    let mut insert = tx.prepare(
        "INSERT INTO targets (id, jurisdiction, metric, comparator, value, value_num, upper,
             upper_num, unit, canonical_value, canonical_value_num, canonical_upper,
             canonical_upper_num, canonical_unit, deadline, deadline_precision, period,
             period_start, baseline_value, baseline_value_num, baseline_unit,
             baseline_canonical_value, baseline_canonical_value_num, baseline_as_of,
             baseline_as_of_precision, basis, source, quote, note)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17,
             ?18, ?19, ?20, ?21, ?22, ?23, ?24, ?25, ?26, ?27, ?28, ?29)",
    )?;
    for t in catalog.targets() {
        target(&mut insert, catalog, t)?;
    }
    Ok(())
}

/// Inserts one target.
fn target(insert: &mut Statement<'_>, catalog: &Catalog, t: &Target) -> rusqlite::Result<()> {
    let (value, value_num) = decimal(t.value.value());
    let (canonical, canonical_num) = decimal(t.value.canonical_value());
    let upper = t.upper.map(|u| decimal(u.value()));
    let canonical_upper = t.upper.map(|u| decimal(u.canonical_value()));
    let baseline = t.baseline.as_ref();
    let baseline_value = baseline.map(|b| decimal(b.value.value()));
    let baseline_canonical = baseline.map(|b| decimal(b.value.canonical_value()));
    insert.execute(rusqlite::params![
        t.id.as_str(),
        t.jurisdiction.as_str(),
        t.metric.as_str(),
        t.comparator.as_str(),
        value,
        value_num,
        upper.as_ref().map(|u| &u.0),
        upper.as_ref().map(|u| u.1),
        t.value.unit().to_string(),
        canonical,
        canonical_num,
        canonical_upper.as_ref().map(|u| &u.0),
        canonical_upper.as_ref().map(|u| u.1),
        t.value.dimension().canonical_unit().to_string(),
        t.deadline.end().to_string(),
        t.deadline.precision().as_str(),
        t.period.map(|p| p.to_string()),
        catalog.period_start(t).to_string(),
        baseline_value.as_ref().map(|b| &b.0),
        baseline_value.as_ref().map(|b| b.1),
        baseline.map(|b| b.value.unit().to_string()),
        baseline_canonical.as_ref().map(|b| &b.0),
        baseline_canonical.as_ref().map(|b| b.1),
        baseline.map(|b| b.as_of.last_day().to_string()),
        baseline.map(|b| b.as_of.precision().as_str()),
        t.basis.map(|b| b.as_str()),
        t.source.as_str(),
        &t.quote,
        t.note.as_deref(),
    ])?;
    Ok(())
}
