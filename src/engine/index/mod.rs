//! Composite indices: several metrics' values, each scaled over the
//! jurisdictions that have a value on it, weighted and aggregated into one
//! score per jurisdiction and ranked, with rank intervals from a Monte
//! Carlo uncertainty analysis and a sensitivity table, after the OECD/JRC
//! Handbook on Constructing Composite Indicators.
//!
//! The parts, a file each: [`Scaling`] (min-max, z-score, percentile rank,
//! share of the leader), [`Aggregation`] and [`Weights`], the coverage rule
//! ([`MinCoverage`], [`Exclusion`]), the uncertainty analysis
//! (`uncertainty`) and the sensitivity table ([`Sensitivity`]).

mod aggregation;
mod coverage;
mod scaling;
mod sensitivity;
mod uncertainty;

use std::collections::BTreeMap;

use chrono::NaiveDate;
use rust_decimal::Decimal;
use rust_decimal::prelude::ToPrimitive;

pub use aggregation::{Aggregation, Weights};
pub use coverage::{Exclusion, MinCoverage};
pub use scaling::Scaling;
pub use sensitivity::{Input, Sensitivity};
pub use uncertainty::{INTERVAL_PERCENTILES, WEIGHT_SPREAD};

use crate::engine::normalize::{Per, PerUnit};
use crate::engine::rank::{self, RankQuery, competition_ranks};
use crate::error::{Error, ErrorKind, IndexProblem};
use crate::{Catalog, Id, JurisdictionCode, Level, Metric, Polarity, Unit};
use uncertainty::Prepared;

/// The decimal places of scores, values and scaled values in an index.
pub const DECIMALS: u32 = 6;

/// What to build an index of: the metrics, how their targets are
/// normalised and selected (as in a ranking), and the choices of the index.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct IndexQuery {
    /// The metrics, by id or name (at least two with values).
    pub metrics: Vec<String>,
    /// The normalisation of every metric's values.
    pub per: Per,
    /// Only this level, or every level together.
    pub level: Option<Level>,
    /// The date on which targets are selected and denominators looked up.
    pub as_of: NaiveDate,
    /// The metrics' relative weights (equal by default).
    pub weights: Weights,
    /// How each metric's values are scaled (min-max by default).
    pub scaling: Scaling,
    /// How the scaled values are combined (arithmetic mean by default).
    pub aggregation: Aggregation,
    /// The least share of the metrics a jurisdiction needs values on (2/3
    /// by default).
    pub min_coverage: MinCoverage,
    /// Draws of the uncertainty analysis (0, the default, for none).
    pub draws: u32,
    /// The seed of the uncertainty analysis ([`IndexQuery::DEFAULT_SEED`]
    /// by default).
    pub seed: u64,
}

impl IndexQuery {
    /// The seed used when none is given: the same query always gives the
    /// same answer.
    pub const DEFAULT_SEED: u64 = 1;

    /// An index of `metrics` on `as_of` with the default choices: every
    /// level, no normalisation, equal weights, min-max scaling, arithmetic
    /// mean, coverage 2/3, no uncertainty analysis.
    pub fn new<S: Into<String>>(
        metrics: impl IntoIterator<Item = S>,
        as_of: NaiveDate,
    ) -> IndexQuery {
        IndexQuery {
            metrics: metrics.into_iter().map(Into::into).collect(),
            per: Per::NONE,
            level: None,
            as_of,
            weights: Weights::equal(),
            scaling: Scaling::default(),
            aggregation: Aggregation::default(),
            min_coverage: MinCoverage::default(),
            draws: 0,
            seed: IndexQuery::DEFAULT_SEED,
        }
    }
}

/// A metric of an index.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct IndexMetric {
    /// The metric.
    pub id: Id,
    /// Its Chinese name.
    pub name_zh: String,
    /// Its English name.
    pub name_en: String,
    /// Whether more is better (lower-is-better metrics are reversed).
    pub polarity: Polarity,
    /// The unit of its values (typed; its `Display` is the JSON's string,
    /// `count per million residents`).
    pub unit: PerUnit,
    /// The canonical unit of its targets.
    pub canonical_unit: Unit,
    /// Its relative weight (1 unless the query names it).
    pub weight: Decimal,
    /// How many jurisdictions of the index have a value on it.
    pub jurisdictions: usize,
}

/// A jurisdiction's value on one metric of an index.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct MetricValue {
    /// The metric.
    pub metric: Id,
    /// The normalised value, as in a ranking, to 6 decimal places.
    pub value: Decimal,
    /// The value scaled by the index's scaling, to 6 decimal places.
    pub scaled: Decimal,
}

/// A jurisdiction in an index.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct IndexRow {
    /// Standard competition rank by score, 1 = best.
    pub rank: u32,
    /// The jurisdiction.
    pub jurisdiction: JurisdictionCode,
    /// Its Chinese name.
    pub name_zh: String,
    /// Its English name.
    pub name_en: String,
    /// Its level.
    pub level: Level,
    /// The score, to 6 decimal places (0 to 100 with min-max scaling).
    pub score: Decimal,
    /// How many of the index's metrics it has values on.
    pub covered: usize,
    /// The median rank over the draws (the rank without draws).
    pub rank_median: u32,
    /// The 5th percentile rank over the draws, or the rank when it is
    /// better: the interval always holds the rank.
    pub rank_low: u32,
    /// The 95th percentile rank over the draws, or the rank when it is worse.
    pub rank_high: u32,
    /// Its values on the metrics it covers, in the index's metric order.
    pub values: Vec<MetricValue>,
}

/// A jurisdiction with values on some of the index's metrics that is not
/// in the index, and why.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Excluded {
    /// The jurisdiction.
    pub jurisdiction: JurisdictionCode,
    /// Its Chinese name (empty if the catalogue lacks it).
    pub name_zh: String,
    /// Its English name (empty if the catalogue lacks it).
    pub name_en: String,
    /// Why it is not in the index.
    pub reason: Exclusion,
}

/// How an index's figures were computed.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct IndexPrecision {
    /// The decimal places of scores and values.
    pub decimals: u32,
    /// Whether rank intervals and the sensitivity table come from a
    /// simulation in binary floating point (`f64`); the nominal scores and
    /// ranks are always computed in decimals.
    pub simulated_in_f64: bool,
}

/// A composite index: rows best first, the jurisdictions left out, and the
/// sensitivity of the ranks to the index's choices.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Index {
    /// The as-of date.
    pub as_of: NaiveDate,
    /// The normalisation.
    pub per: Per,
    /// The level restriction, if any.
    pub level: Option<Level>,
    /// The metrics, in the order asked.
    pub metrics: Vec<IndexMetric>,
    /// The scaling.
    pub scaling: Scaling,
    /// The aggregation.
    pub aggregation: Aggregation,
    /// The minimum coverage.
    pub min_coverage: MinCoverage,
    /// The draws of the uncertainty analysis.
    pub draws: u32,
    /// Its seed.
    pub seed: u64,
    /// The jurisdictions in the index, best first (ties in code order).
    pub rows: Vec<IndexRow>,
    /// The jurisdictions left out, in code order.
    pub excluded: Vec<Excluded>,
    /// The sensitivity table (empty without draws).
    pub sensitivity: Vec<Sensitivity>,
    /// How the figures were computed.
    pub precision: IndexPrecision,
}

/// The values gathered for an index: one row per jurisdiction with a value
/// on at least one metric (or a target it could not be normalised), one
/// column per metric.
struct Gathered {
    rows: BTreeMap<JurisdictionCode, Vec<Option<Decimal>>>,
}

/// Builds the composite index `query` asks for.
///
/// Each metric's values are those of its ranking ([`rank::rank`]) under
/// the query's normalisation, level and date. The jurisdictions with values
/// on at least the minimum coverage of the metrics enter the index; each
/// metric's values are scaled over the jurisdictions in the index that have
/// one, and each jurisdiction's scaled values are aggregated with the
/// weights of the metrics it covers (renormalised). Scores are computed in
/// decimals and rounded to [`DECIMALS`] places, and ranked with standard
/// competition ranking. With `draws`, the uncertainty analysis gives each
/// row its median rank and rank interval, and the answer its sensitivity
/// table.
///
/// ```
/// use chrono::NaiveDate;
/// use policy_targets::Catalog;
/// use policy_targets::index::{index, IndexQuery};
///
/// let catalog = Catalog::bundled()?;
/// let as_of = NaiveDate::from_ymd_opt(2025, 7, 4).unwrap();
/// let mut query = IndexQuery::new(["high_quality_datasets", "data_annotation_volume"], as_of);
/// query.min_coverage = "0.5".parse()?;
/// query.draws = 200;
/// let answer = index(&catalog, &query)?;
/// let first = &answer.rows[0];
/// assert_eq!(first.rank, 1);
/// assert!(first.rank_low <= first.rank && first.rank <= first.rank_high);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
///
/// # Errors
///
/// An unknown metric (with the nearest id), a metric named twice, a weight
/// naming a metric that is not in the index, or fewer than two of the
/// metrics with values at the level asked.
pub fn index(catalog: &Catalog, query: &IndexQuery) -> Result<Index, Error> {
    let metrics = resolve(catalog, query)?;
    let gathered = gather(catalog, query, &metrics)?;
    let with_values = (0..metrics.len())
        .filter(|&k| gathered.rows.values().any(|v| v[k].is_some()))
        .count();
    if with_values < 2 {
        let kind = ErrorKind::TooFewIndexMetrics {
            with_values,
            metrics: metrics.len(),
            level: query.level,
        };
        return Err(Error::new(kind, None));
    }
    let (included, excluded) = apply_coverage(catalog, query, metrics.len(), gathered);
    let weights: Vec<Decimal> = metrics.iter().map(|(_, w)| *w).collect();
    let polarities: Vec<Polarity> = metrics.iter().map(|(m, _)| m.polarity).collect();
    let columns: Vec<Vec<Option<Decimal>>> = (0..metrics.len())
        .map(|k| scale_column(&included, k, query.scaling, polarities[k]))
        .collect::<Result<_, _>>()?;
    let scores = nominal_scores(&included, &columns, &weights, query.aggregation)?;
    let ranks = competition_ranks(&scores, Polarity::HigherIsBetter);
    let (intervals, sensitivity) = if query.draws > 0 {
        let prepared = prepare(&included, &weights, &polarities, query)?;
        let simulation = uncertainty::simulate(&prepared, query.draws, query.seed);
        let table = sensitivity::table(&prepared, simulation.weight_shift, query.draws);
        (Some(simulation.intervals), table)
    } else {
        (None, Vec::new())
    };
    let mut rows = Vec::with_capacity(included.len());
    for (j, (code, values)) in included.iter().enumerate() {
        let rank = ranks[j];
        let (median, low, high) = intervals.as_ref().map_or((rank, rank, rank), |i| i[j]);
        let place = catalog.jurisdiction(code.as_str());
        rows.push(IndexRow {
            rank,
            jurisdiction: code.clone(),
            name_zh: place.map(|p| p.name_zh.clone()).unwrap_or_default(),
            name_en: place.map(|p| p.name_en.clone()).unwrap_or_default(),
            level: place.map_or(Level::Group, |p| p.level),
            score: scores[j],
            covered: values.iter().flatten().count(),
            rank_median: median,
            rank_low: low.min(rank),
            rank_high: high.max(rank),
            values: metric_values(&metrics, values, &columns, j),
        });
    }
    rows.sort_by(|a, b| {
        a.rank
            .cmp(&b.rank)
            .then_with(|| a.jurisdiction.cmp(&b.jurisdiction))
    });
    Ok(Index {
        as_of: query.as_of,
        per: query.per,
        level: query.level,
        metrics: index_metrics(&metrics, &included, query.per),
        scaling: query.scaling,
        aggregation: query.aggregation,
        min_coverage: query.min_coverage,
        draws: query.draws,
        seed: query.seed,
        rows,
        excluded,
        sensitivity,
        precision: IndexPrecision {
            decimals: DECIMALS,
            simulated_in_f64: query.draws > 0,
        },
    })
}

fn query_error(option: &'static str, problem: IndexProblem) -> Error {
    Error::new(ErrorKind::IndexQuery { option, problem }, None)
}

/// The query's metrics from the catalogue, each with its weight.
fn resolve<'a>(
    catalog: &'a Catalog,
    query: &IndexQuery,
) -> Result<Vec<(&'a Metric, Decimal)>, Error> {
    let mut metrics: Vec<&Metric> = Vec::with_capacity(query.metrics.len());
    for name in &query.metrics {
        let metric = catalog.resolve_metric(name)?;
        if metrics.iter().any(|m| m.id == metric.id) {
            let kind = ErrorKind::IndexMetricTwice {
                metric: metric.id.clone(),
            };
            return Err(Error::new(kind, None));
        }
        metrics.push(metric);
    }
    let listed = || {
        metrics
            .iter()
            .map(|m| m.id.as_str())
            .collect::<Vec<_>>()
            .join(",")
    };
    let mut weights = vec![Decimal::ONE; metrics.len()];
    for (name, weight) in query.weights.iter() {
        let known = catalog.resolve_metric(name).map_err(|e| {
            query_error(
                "weights",
                IndexProblem::UnknownMetric(Box::new(e.into_kind())),
            )
        })?;
        let k = metrics
            .iter()
            .position(|m| m.id == known.id)
            .ok_or_else(|| {
                let kind = ErrorKind::WeightNotInIndex {
                    metric: known.id.clone(),
                    listed: listed(),
                };
                Error::new(kind, None)
            })?;
        weights[k] = weight;
    }
    Ok(metrics.into_iter().zip(weights).collect())
}

/// Every metric's values, from its ranking.
fn gather(
    catalog: &Catalog,
    query: &IndexQuery,
    metrics: &[(&Metric, Decimal)],
) -> Result<Gathered, Error> {
    let mut rows: BTreeMap<JurisdictionCode, Vec<Option<Decimal>>> = BTreeMap::new();
    for (k, (metric, _)) in metrics.iter().enumerate() {
        let ranking = rank::rank(
            catalog,
            &RankQuery {
                metric: metric.id.to_string(),
                // A share enters as it is (it is never divided per capita).
                per: query.per.for_dimension(metric.dimension),
                level: query.level,
                as_of: query.as_of,
                decimals: 28,
                family: false,
                min_grade: None,
            },
        )?;
        for row in ranking.rows {
            rows.entry(row.jurisdiction)
                .or_insert_with(|| vec![None; metrics.len()])[k] = Some(row.value);
        }
        for unranked in ranking.unranked {
            rows.entry(unranked.jurisdiction)
                .or_insert_with(|| vec![None; metrics.len()]);
        }
    }
    Ok(Gathered { rows })
}

type Rows = Vec<(JurisdictionCode, Vec<Option<Decimal>>)>;

/// The rows that meet the minimum coverage, and the others excluded.
fn apply_coverage(
    catalog: &Catalog,
    query: &IndexQuery,
    metrics: usize,
    gathered: Gathered,
) -> (Rows, Vec<Excluded>) {
    let mut included = Vec::new();
    let mut excluded = Vec::new();
    for (code, values) in gathered.rows {
        let covered = values.iter().flatten().count();
        if covered > 0 && query.min_coverage.admits(covered, metrics) {
            included.push((code, values));
        } else {
            let place = catalog.jurisdiction(code.as_str());
            excluded.push(Excluded {
                name_zh: place.map(|p| p.name_zh.clone()).unwrap_or_default(),
                name_en: place.map(|p| p.name_en.clone()).unwrap_or_default(),
                jurisdiction: code,
                reason: Exclusion::Coverage {
                    covered,
                    metrics,
                    least: query.min_coverage.least(metrics).max(1),
                },
            });
        }
    }
    (included, excluded)
}

/// Column `k` of `rows` scaled over the rows with a value on it.
fn scale_column(
    rows: &Rows,
    k: usize,
    scaling: Scaling,
    polarity: Polarity,
) -> Result<Vec<Option<Decimal>>, Error> {
    let present: Vec<Decimal> = rows.iter().filter_map(|(_, v)| v[k]).collect();
    let scaled = scaling.scale(&present, polarity).ok_or_else(|| {
        query_error(
            "scaling",
            IndexProblem::ScalingOverflow {
                scaling: scaling.to_string(),
                metric: k + 1,
            },
        )
    })?;
    let mut scaled = scaled.into_iter();
    Ok(rows
        .iter()
        .map(|(_, v)| v[k].and_then(|_| scaled.next()))
        .collect())
}

/// The rows' scores, to [`DECIMALS`] places.
fn nominal_scores(
    rows: &Rows,
    columns: &[Vec<Option<Decimal>>],
    weights: &[Decimal],
    aggregation: Aggregation,
) -> Result<Vec<Decimal>, Error> {
    let shifts: Vec<Decimal> = columns
        .iter()
        .map(|c| aggregation.shift(&c.iter().flatten().copied().collect::<Vec<_>>()))
        .collect();
    (0..rows.len())
        .map(|j| {
            let parts: Vec<(Decimal, Decimal)> = columns
                .iter()
                .zip(weights)
                .zip(&shifts)
                .filter_map(|((c, w), shift)| Some((c[j]? + shift, *w)))
                .collect();
            aggregation
                .aggregate(&parts)
                .map(|s| s.round_dp(DECIMALS).normalize())
                .ok_or_else(|| {
                    query_error(
                        "aggregation",
                        IndexProblem::ScoreOverflow {
                            code: rows[j].0.clone(),
                        },
                    )
                })
        })
        .collect()
}

/// The scaled values under every scaling in `f64`, for the simulation.
fn prepare(
    rows: &Rows,
    weights: &[Decimal],
    polarities: &[Polarity],
    query: &IndexQuery,
) -> Result<Prepared, Error> {
    let columns = weights.len();
    let mut has = vec![false; rows.len() * columns];
    for (j, (_, values)) in rows.iter().enumerate() {
        for (k, v) in values.iter().enumerate() {
            has[j * columns + k] = v.is_some();
        }
    }
    let mut arithmetic: [Vec<f64>; 4] = Default::default();
    let mut geometric: [Vec<f64>; 4] = Default::default();
    for (s, scaling) in Scaling::ALL.into_iter().enumerate() {
        arithmetic[s] = vec![0.0; rows.len() * columns];
        geometric[s] = vec![0.0; rows.len() * columns];
        for (k, polarity) in polarities.iter().enumerate() {
            let column = scale_column(rows, k, scaling, *polarity)?;
            let shift =
                Aggregation::Geometric.shift(&column.iter().flatten().copied().collect::<Vec<_>>());
            for (j, value) in column.iter().enumerate() {
                if let Some(v) = value {
                    arithmetic[s][j * columns + k] = v.to_f64().unwrap_or(0.0);
                    geometric[s][j * columns + k] = (v + shift).to_f64().unwrap_or(0.0).ln_1p();
                }
            }
        }
    }
    Ok(Prepared {
        rows: rows.len(),
        columns,
        has,
        arithmetic,
        geometric,
        weights: weights.iter().map(|w| w.to_f64().unwrap_or(1.0)).collect(),
        scaling: query.scaling,
        aggregation: query.aggregation,
    })
}

/// Row `j`'s values on the metrics it covers.
fn metric_values(
    metrics: &[(&Metric, Decimal)],
    values: &[Option<Decimal>],
    columns: &[Vec<Option<Decimal>>],
    j: usize,
) -> Vec<MetricValue> {
    metrics
        .iter()
        .enumerate()
        .filter_map(|(k, (metric, _))| {
            Some(MetricValue {
                metric: metric.id.clone(),
                value: values[k]?.round_dp(DECIMALS).normalize(),
                scaled: columns[k][j]?.round_dp(DECIMALS).normalize(),
            })
        })
        .collect()
}

fn index_metrics(metrics: &[(&Metric, Decimal)], rows: &Rows, per: Per) -> Vec<IndexMetric> {
    metrics
        .iter()
        .enumerate()
        .map(|(k, (metric, weight))| {
            let canonical_unit = metric.dimension.canonical_unit();
            IndexMetric {
                id: metric.id.clone(),
                name_zh: metric.name_zh.clone(),
                name_en: metric.name_en.clone(),
                polarity: metric.polarity,
                unit: PerUnit::new(canonical_unit, per),
                canonical_unit,
                weight: *weight,
                jurisdictions: rows.iter().filter(|(_, v)| v[k].is_some()).count(),
            }
        })
        .collect()
}
