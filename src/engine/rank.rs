//! Rankings of jurisdictions by their targets, raw or normalised, with
//! standard competition ranking (1-2-2-4).

use std::cmp::Ordering;
use std::collections::HashMap;

use chrono::NaiveDate;
use rust_decimal::Decimal;

pub use crate::engine::normalize::Reason;
use crate::engine::normalize::{self, Per, PerUnit};
use crate::error::Error;
use crate::{Catalog, Grade, Id, JurisdictionCode, Level, Polarity, Target, Unit};

/// What to rank: one metric's targets on a date (or a metric family's),
/// normalised by `per`, optionally restricted to one level and to figures of
/// a minimum grade.
///
/// ```
/// use chrono::NaiveDate;
/// use policy_targets::{Catalog, Grade, rank::{rank, RankQuery}};
///
/// let catalog = Catalog::bundled()?;
/// let mut query = RankQuery::new("high_quality_datasets", NaiveDate::from_ymd_opt(2025, 7, 4).unwrap());
/// query.family = true; // with the metrics narrower than it, each row naming its own
/// let every_grade = rank(&catalog, &query)?;
/// query.min_grade = Some(Grade::Press); // only targets of press or official sources
/// let graded = rank(&catalog, &query)?;
/// assert_eq!(graded.metrics[0].as_str(), "high_quality_datasets");
/// // Every target ranked comes from a source graded press or better.
/// assert!(graded.rows.iter().all(|r| {
///     let target = catalog.targets().iter().find(|t| t.id == r.target_id).unwrap();
///     catalog.passes(target.source.as_str(), Some(Grade::Press))
/// }));
/// assert!(graded.rows.len() <= every_grade.rows.len() + every_grade.unranked.len());
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
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
    /// Rank the metric together with every metric narrower than it
    /// ([`Catalog::family`]): each jurisdiction's target on each metric of
    /// the family is a row of its own, naming its metric (default `false`).
    pub family: bool,
    /// Leave out targets whose source's grade ([`Catalog::grade_of`]) is
    /// below this one, or that have none; `None` (the default) keeps all.
    /// Denominators (`per`) are reference figures and are not filtered.
    pub min_grade: Option<Grade>,
}

impl RankQuery {
    /// Every level, no normalisation, 6 decimal places, one metric, every
    /// grade.
    pub fn new(metric: impl Into<String>, as_of: NaiveDate) -> RankQuery {
        RankQuery {
            metric: metric.into(),
            per: Per::NONE,
            level: None,
            as_of,
            decimals: 6,
            family: false,
            min_grade: None,
        }
    }

    /// This query normalised by `per`.
    ///
    /// ```
    /// use chrono::NaiveDate;
    /// use policy_targets::{Catalog, Level, Per, rank::{RankQuery, rank}};
    ///
    /// let catalog = Catalog::bundled()?;
    /// let as_of = NaiveDate::from_ymd_opt(2026, 6, 30).unwrap();
    /// let query = RankQuery::new("high_quality_datasets", as_of)
    ///     .per(Per::CAPITA)
    ///     .level(Level::Province);
    /// let ranking = rank(&catalog, &query)?;
    /// assert_eq!(ranking.rows[0].name_zh, "天津市");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn per(mut self, per: Per) -> RankQuery {
        self.per = per;
        self
    }

    /// This query restricted to the jurisdictions of `level`.
    pub fn level(mut self, level: Level) -> RankQuery {
        self.level = Some(level);
        self
    }

    /// This query with values rounded to `decimals` places.
    pub fn decimals(mut self, decimals: u32) -> RankQuery {
        self.decimals = decimals;
        self
    }

    /// This query ranking the metric with its narrower metrics.
    pub fn family(mut self) -> RankQuery {
        self.family = true;
        self
    }

    /// This query leaving out targets of sources graded below `grade`.
    pub fn min_grade(mut self, grade: Grade) -> RankQuery {
        self.min_grade = Some(grade);
        self
    }
}

/// One ranked jurisdiction.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RankRow {
    /// Standard competition rank, 1 = best.
    pub rank: u32,
    /// The metric of the target ranked (one of the family's with
    /// [`RankQuery::family`], else the metric ranked).
    pub metric: Id,
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
    /// The unit of `value` (`count per million residents`; in either
    /// language through
    /// [`output::labels::per_unit_label`](crate::output::labels::per_unit_label)).
    pub unit: PerUnit,
    /// The target ranked.
    pub target_id: Id,
    /// The target's value in canonical units.
    pub target_value: Decimal,
    /// The canonical unit of `target_value`.
    pub target_unit: Unit,
    /// The unit the target was written in (`家`, `亿元`, `EFLOPS`): a
    /// count keeps its measure word in tables.
    pub written_unit: Unit,
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
    /// The metric of the target that could not be ranked.
    pub metric: Id,
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
    /// The metrics whose targets are ranked: the metric, then (with
    /// [`RankQuery::family`]) the narrower ones in catalogue order.
    pub metrics: Vec<Id>,
    /// The minimum grade asked for, if any.
    pub min_grade: Option<Grade>,
    /// How many targets in force on the ranked metrics were left out for
    /// the grade of their source (0 without a minimum grade).
    pub left_out: usize,
    /// The normalisation.
    pub per: Per,
    /// The level restriction, if any.
    pub level: Option<Level>,
    /// The as-of date.
    pub as_of: NaiveDate,
    /// The unit of the rows' values.
    pub unit: PerUnit,
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

/// An error for a share asked for per capita, per GDP or per year.
pub(crate) fn refuse_share_per(metric: &crate::Metric, per: Per) -> Result<(), Error> {
    if per.applies_to(metric.dimension) {
        return Ok(());
    }
    let kind = crate::error::ErrorKind::ShareNotNormalised {
        metric: metric.id.clone(),
        metric_name: metric.name_zh.clone(),
        per: per.to_string(),
    };
    Err(Error::new(kind, None))
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
    refuse_share_per(metric, query.per)?;
    let family = if query.family {
        catalog.family(metric.id.as_str())
    } else {
        vec![metric]
    };
    let mut targets: Vec<&Target> = Vec::new();
    let mut left_out = 0;
    for m in &family {
        let (chosen, out) = catalog.select_graded(m.id.as_str(), query.as_of, query.min_grade);
        left_out += out;
        targets.extend(chosen.into_iter().filter(|t| {
            query.level.is_none()
                || catalog
                    .jurisdiction(t.jurisdiction.as_str())
                    .map(|j| j.level)
                    == query.level
        }));
    }
    let mut codes: Vec<&JurisdictionCode> = targets.iter().map(|t| &t.jurisdiction).collect();
    codes.sort();
    codes.dedup();
    let (denominators, missing) = normalize::denominators(catalog, &codes, query.per, query.as_of);
    // A missing denominator leaves out every target of its jurisdiction.
    let missing: HashMap<JurisdictionCode, Reason> = missing.into_iter().collect();
    let mut unranked: Vec<Unranked> = targets
        .iter()
        .filter_map(|t| {
            Some(unranked_row(
                catalog,
                t,
                missing.get(&t.jurisdiction)?.clone(),
            ))
        })
        .collect();
    let unit_label = PerUnit::new(metric.dimension.canonical_unit(), query.per);
    let mut scored = Vec::new();
    for t in targets {
        let denominator = denominators.get(&t.jurisdiction);
        if query.per.denominator_metric().is_some() && denominator.is_none() {
            continue; // listed in `unranked` already
        }
        match normalize::normalised(catalog, t, query.per, denominator) {
            Some(value) => scored.push((t, value, denominator)),
            None => unranked.push(unranked_row(catalog, t, Reason::Overflow)),
        }
    }
    let values: Vec<Decimal> = scored.iter().map(|(_, v, _)| *v).collect();
    let ranks = competition_ranks(&values, metric.polarity);
    let mut rows: Vec<RankRow> = scored
        .iter()
        .zip(ranks)
        .map(|((t, value, denominator), rank)| RankRow {
            value: value.round_dp(query.decimals).normalize(),
            unit: unit_label,
            denominator_as_of: denominator.map(|d| d.as_of),
            denominator_observation: denominator.map(|d| d.observation.clone()),
            ..row(catalog, t, rank)
        })
        .collect();
    let ranked: Vec<JurisdictionCode> = rows.iter().map(|r| r.jurisdiction.clone()).collect();
    for row in &mut rows {
        row.within = catalog
            .ancestors(row.jurisdiction.as_str())
            .find(|a| ranked.contains(&a.code))
            .map(|a| a.code.clone());
    }
    let order = |m: &Id| family.iter().position(|f| &f.id == m);
    rows.sort_by(|a, b| {
        (a.rank, &a.jurisdiction, order(&a.metric)).cmp(&(
            b.rank,
            &b.jurisdiction,
            order(&b.metric),
        ))
    });
    unranked.sort_by(|a, b| {
        (&a.jurisdiction, order(&a.metric)).cmp(&(&b.jurisdiction, order(&b.metric)))
    });
    Ok(Ranking {
        metric: metric.id.clone(),
        metrics: family.iter().map(|m| m.id.clone()).collect(),
        min_grade: query.min_grade,
        left_out,
        per: query.per,
        level: query.level,
        as_of: query.as_of,
        unit: unit_label,
        rows,
        unranked,
    })
}

/// A target that could not be ranked, and why.
fn unranked_row(catalog: &Catalog, t: &Target, reason: Reason) -> Unranked {
    let j = catalog.jurisdiction(t.jurisdiction.as_str());
    Unranked {
        jurisdiction: t.jurisdiction.clone(),
        metric: t.metric.clone(),
        name_zh: j.map(|j| j.name_zh.clone()).unwrap_or_default(),
        name_en: j.map(|j| j.name_en.clone()).unwrap_or_default(),
        level: j.map(|j| j.level),
        target_id: t.id.clone(),
        reason,
    }
}

/// The row of a ranked target, with its raw value (the caller sets the
/// normalised one and its denominator) and no `within` yet.
fn row(catalog: &Catalog, t: &Target, rank: u32) -> RankRow {
    let j = catalog.jurisdiction(t.jurisdiction.as_str());
    RankRow {
        rank,
        metric: t.metric.clone(),
        jurisdiction: t.jurisdiction.clone(),
        name_zh: j.map(|j| j.name_zh.clone()).unwrap_or_default(),
        name_en: j.map(|j| j.name_en.clone()).unwrap_or_default(),
        level: j.map_or(Level::Group, |j| j.level),
        within: None,
        value: t.value.canonical_value(),
        unit: PerUnit::new(t.value.dimension().canonical_unit(), Per::NONE),
        target_id: t.id.clone(),
        target_value: t.value.canonical_value(),
        target_unit: t.value.dimension().canonical_unit(),
        written_unit: t.value.unit(),
        deadline: t.deadline.end(),
        denominator_as_of: None,
        denominator_observation: None,
    }
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
    // Each value's float, within a few units in the last place of it: two
    // values whose floats lie well apart are ordered by them, the others
    // by the exact decimals (a decimal comparison across scales is slow).
    let approx: Vec<f64> = rounded.iter().map(approx_f64).collect();
    // The rounded values are normalized: two are equal exactly when their
    // bits are (a comparison of decimals rescales them first).
    let bits: Vec<[u8; 16]> = rounded.iter().map(Decimal::serialize).collect();
    let ascending = |a: usize, b: usize| -> Ordering {
        let (x, y) = (approx[a], approx[b]);
        if (x - y).abs() > 1e-9 * (x.abs() + y.abs()) {
            x.total_cmp(&y)
        } else if bits[a] == bits[b] {
            Ordering::Equal
        } else {
            rounded[a].cmp(&rounded[b])
        }
    };
    let mut order: Vec<usize> = (0..values.len()).collect();
    // Equal values get one rank whatever their order: no need of a stable
    // sort.
    order.sort_unstable_by(|&a, &b| match polarity {
        Polarity::HigherIsBetter => ascending(b, a),
        Polarity::LowerIsBetter => ascending(a, b),
    });
    let mut ranks = vec![0u32; values.len()];
    for (position, &i) in order.iter().enumerate() {
        ranks[i] = if position > 0 && bits[order[position - 1]] == bits[i] {
            ranks[order[position - 1]]
        } else {
            position as u32 + 1
        };
    }
    ranks
}

/// The powers of ten that an `f64` holds exactly.
const EXACT_POWERS: [f64; 23] = [
    1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15, 1e16,
    1e17, 1e18, 1e19, 1e20, 1e21, 1e22,
];

/// `value` as an `f64` within a unit or two in the last place: one
/// correctly rounded division where the mantissa and the power of ten are
/// exact floats (the values ranked mostly have a few digits), else
/// [`Decimal::as_f64`].
fn approx_f64(value: &Decimal) -> f64 {
    let mantissa = value.mantissa();
    match EXACT_POWERS.get(value.scale() as usize) {
        Some(power) if mantissa.unsigned_abs() < 1 << 53 => mantissa as f64 / power,
        _ => value.as_f64(),
    }
}

/// `value` rounded to [`TIE_SIGNIFICANT_DIGITS`] significant digits.
pub fn round_for_ties(value: Decimal) -> Decimal {
    // A mantissa of no more digits than are kept is kept as it is.
    if value.mantissa().unsigned_abs() < 10u128.pow(TIE_SIGNIFICANT_DIGITS) {
        return value.normalize();
    }
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

    proptest::proptest! {
        #[test]
        fn floats_for_ranking_are_within_a_few_units_of_the_decimals(
            mantissa in -(1i64 << 60)..(1i64 << 60),
            scale in 0u32..=28,
        ) {
            let value = Decimal::new(mantissa, scale);
            let (fast, slow) = (approx_f64(&value), value.as_f64());
            proptest::prop_assert!((fast - slow).abs() <= 4.0 * f64::EPSILON * slow.abs());
        }
    }

    proptest::proptest! {
        #[test]
        fn ranks_are_those_of_the_exact_order(
            parts in proptest::collection::vec(
                (proptest::prelude::any::<i64>(), 0u32..=28, 0u8..4), 0..60),
            lower in proptest::prelude::any::<bool>(),
        ) {
            // Near values and ties, at many scales.
            let values: Vec<Decimal> = parts
                .iter()
                .map(|&(m, scale, near)| {
                    let m = if near == 0 { m } else { i64::from(near) * 1_000_000 + (m % 3) };
                    Decimal::new(m, scale)
                })
                .collect();
            let polarity = if lower { Polarity::LowerIsBetter } else { Polarity::HigherIsBetter };
            let rounded: Vec<Decimal> = values.iter().map(|v| round_for_ties(*v)).collect();
            let mut order: Vec<usize> = (0..values.len()).collect();
            order.sort_by(|&a, &b| match polarity {
                Polarity::HigherIsBetter => rounded[b].cmp(&rounded[a]),
                Polarity::LowerIsBetter => rounded[a].cmp(&rounded[b]),
            });
            let mut expected = vec![0u32; values.len()];
            for (position, &i) in order.iter().enumerate() {
                expected[i] = if position > 0 && rounded[order[position - 1]] == rounded[i] {
                    expected[order[position - 1]]
                } else {
                    position as u32 + 1
                };
            }
            proptest::prop_assert_eq!(competition_ranks(&values, polarity), expected);
        }
    }

    #[test]
    fn empty_and_single() {
        assert!(competition_ranks(&[], Polarity::HigherIsBetter).is_empty());
        assert_eq!(competition_ranks(&[d("5")], Polarity::LowerIsBetter), [1]);
    }
}
