//! Rankings of jurisdictions by their targets, raw or normalised, with
//! standard competition ranking (1-2-2-4).

use std::cmp::Ordering;

use chrono::NaiveDate;
use rust_decimal::Decimal;

pub use crate::engine::normalize::Reason;
use crate::engine::normalize::{self, Per};
use crate::error::Error;
use crate::{Catalog, Id, JurisdictionCode, Level, Polarity, Unit};

/// What to rank: one metric's targets on a date, normalised by `per`,
/// optionally restricted to one level.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RankQuery {
    /// The metric id (or its Chinese or English name).
    pub metric: String,
    /// The normalisation.
    pub per: Per,
    /// Only this level, or every level together.
    pub level: Option<Level>,
    /// The date on which targets are selected and denominators looked up.
    pub as_of: NaiveDate,
    /// Decimal places of the normalised values in the output (default 6).
    pub decimals: u32,
}

impl RankQuery {
    /// Every level, no normalisation, 6 decimal places.
    pub fn new(metric: impl Into<String>, as_of: NaiveDate) -> RankQuery {
        RankQuery {
            metric: metric.into(),
            per: Per::NONE,
            level: None,
            as_of,
            decimals: 6,
        }
    }
}

/// One ranked jurisdiction.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RankRow {
    /// Standard competition rank, 1 = best.
    pub rank: u32,
    /// The jurisdiction.
    pub jurisdiction: JurisdictionCode,
    /// Its Chinese name.
    pub name_zh: String,
    /// Its English name.
    pub name_en: String,
    /// Its level.
    pub level: Level,
    /// The nearest ranked jurisdiction it lies in (苏州 within 江苏).
    pub within: Option<JurisdictionCode>,
    /// The normalised value, rounded to the query's decimals.
    pub value: Decimal,
    /// The unit of `value` (`count per million residents`).
    pub unit: String,
    /// The target ranked.
    pub target_id: Id,
    /// The target's value in canonical units.
    pub target_value: Decimal,
    /// The canonical unit of `target_value`.
    pub target_unit: Unit,
    /// The target's deadline (last day).
    pub deadline: NaiveDate,
    /// The date of the denominator used, if any.
    pub denominator_as_of: Option<NaiveDate>,
    /// The id of the observation the denominator was taken from, if any
    /// (not part of the JSON or CSV output).
    pub denominator_observation: Option<Id>,
}

/// A jurisdiction with a target that could not be ranked, and why.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Unranked {
    /// The jurisdiction.
    pub jurisdiction: JurisdictionCode,
    /// Its Chinese name (empty if the catalogue lacks it).
    pub name_zh: String,
    /// Its English name (empty if the catalogue lacks it).
    pub name_en: String,
    /// Its level, if the catalogue has it.
    pub level: Option<Level>,
    /// The target that could not be ranked.
    pub target_id: Id,
    /// Why it is not ranked.
    pub reason: Reason,
}

/// A ranking: rows best first, then the jurisdictions left out.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Ranking {
    /// The metric ranked.
    pub metric: Id,
    /// The normalisation.
    pub per: Per,
    /// The level restriction, if any.
    pub level: Option<Level>,
    /// The as-of date.
    pub as_of: NaiveDate,
    /// The unit of the rows' values.
    pub unit: String,
    /// Ranked rows, best first (ties in code order).
    pub rows: Vec<RankRow>,
    /// Jurisdictions with a target but no rank.
    pub unranked: Vec<Unranked>,
}

/// Why a ranking has no row at all.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Empty {
    /// No jurisdiction has a target on the metric; `denominator` when the
    /// metric is one that rankings divide by (population, GDP).
    NoTargets {
        /// Whether the metric is a denominator of [`Per`].
        denominator: bool,
    },
    /// Targets exist, but none was published on or before the as-of date;
    /// the first was published on `first` (its first day, for a source
    /// dated to the month or year).
    NotYetPublished {
        /// The first publication date of a source of a target on the metric.
        first: NaiveDate,
    },
    /// Targets exist, but none of the level asked for.
    NoneAtLevel(Level),
}

impl Ranking {
    /// Why this ranking has no row and no unranked jurisdiction, or `None`
    /// when it has one.
    ///
    /// ```
    /// use chrono::NaiveDate;
    /// use policy_targets::{Catalog, rank::{Empty, RankQuery, rank}};
    ///
    /// let catalog = Catalog::bundled()?;
    /// let early = NaiveDate::from_ymd_opt(2023, 1, 1).unwrap();
    /// let ranking = rank(&catalog, &RankQuery::new("high_quality_datasets", early))?;
    /// assert!(matches!(ranking.emptiness(&catalog), Some(Empty::NotYetPublished { .. })));
    /// let ranking = rank(&catalog, &RankQuery::new("resident_population", early))?;
    /// assert_eq!(ranking.emptiness(&catalog), Some(Empty::NoTargets { denominator: true }));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn emptiness(&self, catalog: &Catalog) -> Option<Empty> {
        if !self.rows.is_empty() || !self.unranked.is_empty() {
            return None;
        }
        let targets: Vec<_> = catalog
            .targets()
            .iter()
            .filter(|t| t.metric == self.metric)
            .collect();
        let first = targets
            .iter()
            .filter_map(|t| catalog.source(t.source.as_str()))
            .map(|s| s.published.first_day())
            .min();
        match (first, self.level) {
            (None, _) => Some(Empty::NoTargets {
                denominator: Per::DENOMINATOR_METRICS.contains(&self.metric.as_str()),
            }),
            (Some(first), _) if first > self.as_of => Some(Empty::NotYetPublished { first }),
            (Some(_), Some(level)) => Some(Empty::NoneAtLevel(level)),
            (Some(first), None) => Some(Empty::NotYetPublished { first }),
        }
    }
}

/// Ranks the jurisdictions by their target on a metric.
///
/// For each jurisdiction the target that counts on the as-of date is chosen
/// ([`Catalog::select_targets`]), normalised ([`Per`]) and ranked best first
/// by the metric's polarity. A jurisdiction without a denominator is listed in
/// `unranked` with the reason, never ranked as zero.
///
/// ```
/// use chrono::NaiveDate;
/// use policy_targets::{Catalog, Per, rank::{rank, RankQuery}};
///
/// let catalog = Catalog::bundled()?;
/// let as_of = NaiveDate::from_ymd_opt(2025, 7, 4).unwrap();
/// let mut query = RankQuery::new("high_quality_datasets", as_of);
/// query.per = Per::CAPITA;
/// let ranking = rank(&catalog, &query)?;
/// let top: Vec<(u32, &str, String)> = ranking
///     .rows
///     .iter()
///     .map(|r| (r.rank, r.name_en.as_str(), r.value.round_dp(2).to_string()))
///     .collect();
/// assert_eq!(top[..2], [(1, "Shanghai", "40.21".to_owned()), (2, "Suzhou", "23.53".to_owned())]);
/// assert_eq!(top[2..], [(3, "Jiangsu", "11.80".to_owned()), (4, "Wuhan", "1.62".to_owned())]);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub fn rank(catalog: &Catalog, query: &RankQuery) -> Result<Ranking, Error> {
    let metric = catalog.resolve_metric(&query.metric)?;
    let targets: Vec<_> = catalog
        .select_targets(metric.id.as_str(), query.as_of)
        .into_iter()
        .filter(|t| {
            query.level.is_none()
                || catalog
                    .jurisdiction(t.jurisdiction.as_str())
                    .map(|j| j.level)
                    == query.level
        })
        .collect();
    let codes: Vec<&JurisdictionCode> = targets.iter().map(|t| &t.jurisdiction).collect();
    let (denominators, missing) = normalize::denominators(catalog, &codes, query.per, query.as_of);
    let unranked_row = |t: &crate::Target, reason: Reason| {
        let j = catalog.jurisdiction(t.jurisdiction.as_str());
        Unranked {
            jurisdiction: t.jurisdiction.clone(),
            name_zh: j.map(|j| j.name_zh.clone()).unwrap_or_default(),
            name_en: j.map(|j| j.name_en.clone()).unwrap_or_default(),
            level: j.map(|j| j.level),
            target_id: t.id.clone(),
            reason,
        }
    };
    // One target per jurisdiction: each missing denominator is its target's.
    let by_code: std::collections::HashMap<&JurisdictionCode, &crate::Target> =
        targets.iter().map(|t| (&t.jurisdiction, *t)).collect();
    let mut unranked: Vec<Unranked> = missing
        .into_iter()
        .filter_map(|(code, reason)| Some(unranked_row(by_code.get(&code)?, reason)))
        .collect();
    let unit_label = query
        .per
        .unit_label(&metric.dimension.canonical_unit().to_string());
    let mut scored = Vec::new();
    for t in targets {
        let denominator = denominators.get(&t.jurisdiction);
        if query.per.denominator_metric().is_some() && denominator.is_none() {
            continue; // listed in `unranked` already
        }
        match normalize::normalised(catalog, t, query.per, denominator) {
            Some(value) => scored.push((t, value, denominator)),
            None => unranked.push(unranked_row(t, Reason::Overflow)),
        }
    }
    let values: Vec<Decimal> = scored.iter().map(|(_, v, _)| *v).collect();
    let ranks = competition_ranks(&values, metric.polarity);
    let mut rows: Vec<RankRow> = scored
        .iter()
        .zip(ranks)
        .map(|((t, value, denominator), rank)| {
            let j = catalog.jurisdiction(t.jurisdiction.as_str());
            RankRow {
                rank,
                jurisdiction: t.jurisdiction.clone(),
                name_zh: j.map(|j| j.name_zh.clone()).unwrap_or_default(),
                name_en: j.map(|j| j.name_en.clone()).unwrap_or_default(),
                level: j.map_or(Level::Group, |j| j.level),
                within: None,
                value: value.round_dp(query.decimals).normalize(),
                unit: unit_label.clone(),
                target_id: t.id.clone(),
                target_value: t.value.canonical_value(),
                target_unit: t.value.dimension().canonical_unit(),
                deadline: t.deadline.end(),
                denominator_as_of: denominator.map(|d| d.as_of),
                denominator_observation: denominator.map(|d| d.observation.clone()),
            }
        })
        .collect();
    let ranked: Vec<JurisdictionCode> = rows.iter().map(|r| r.jurisdiction.clone()).collect();
    for row in &mut rows {
        row.within = catalog
            .ancestors(row.jurisdiction.as_str())
            .find(|a| ranked.contains(&a.code))
            .map(|a| a.code.clone());
    }
    rows.sort_by(|a, b| {
        a.rank
            .cmp(&b.rank)
            .then_with(|| a.jurisdiction.cmp(&b.jurisdiction))
    });
    unranked.sort_by(|a, b| a.jurisdiction.cmp(&b.jurisdiction));
    Ok(Ranking {
        metric: metric.id.clone(),
        per: query.per,
        level: query.level,
        as_of: query.as_of,
        unit: unit_label,
        rows,
        unranked,
    })
}

/// The significant digits values are rounded to before ties are decided.
pub const TIE_SIGNIFICANT_DIGITS: u32 = 6;

/// Ranks `values` best first by `polarity`, with standard competition ranking
/// (equal values share a rank and the next rank is skipped: 1, 2, 2, 4) after
/// rounding to [`TIE_SIGNIFICANT_DIGITS`] significant digits.
///
/// Returns the rank of each value, in the order given.
///
/// ```
/// use policy_targets::{Polarity, rank::competition_ranks};
/// use rust_decimal::Decimal;
///
/// let values = [10, 30, 20, 30].map(Decimal::from);
/// assert_eq!(competition_ranks(&values, Polarity::HigherIsBetter), [4, 1, 3, 1]);
/// assert_eq!(competition_ranks(&values, Polarity::LowerIsBetter), [1, 3, 2, 3]);
/// ```
pub fn competition_ranks(values: &[Decimal], polarity: Polarity) -> Vec<u32> {
    let rounded: Vec<Decimal> = values.iter().map(|v| round_for_ties(*v)).collect();
    let better = |a: &Decimal, b: &Decimal| -> Ordering {
        match polarity {
            Polarity::HigherIsBetter => b.cmp(a),
            Polarity::LowerIsBetter => a.cmp(b),
        }
    };
    let mut order: Vec<usize> = (0..values.len()).collect();
    order.sort_by(|&a, &b| better(&rounded[a], &rounded[b]));
    let mut ranks = vec![0u32; values.len()];
    for (position, &i) in order.iter().enumerate() {
        ranks[i] = if position > 0 && rounded[order[position - 1]] == rounded[i] {
            ranks[order[position - 1]]
        } else {
            position as u32 + 1
        };
    }
    ranks
}

/// `value` rounded to [`TIE_SIGNIFICANT_DIGITS`] significant digits.
pub fn round_for_ties(value: Decimal) -> Decimal {
    value
        .round_sf(TIE_SIGNIFICANT_DIGITS)
        .unwrap_or(value)
        .normalize()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> Decimal {
        s.parse().unwrap()
    }

    #[test]
    fn ties_after_six_significant_digits() {
        let values = [d("1.0000001"), d("1.0000002"), d("0.5"), d("2")];
        assert_eq!(
            competition_ranks(&values, Polarity::HigherIsBetter),
            [2, 2, 4, 1]
        );
        let values = [d("123456.4"), d("123456.3"), d("123457")];
        assert_eq!(
            competition_ranks(&values, Polarity::HigherIsBetter),
            [2, 2, 1]
        );
    }

    #[test]
    fn empty_and_single() {
        assert!(competition_ranks(&[], Polarity::HigherIsBetter).is_empty());
        assert_eq!(competition_ranks(&[d("5")], Polarity::LowerIsBetter), [1]);
    }
}
