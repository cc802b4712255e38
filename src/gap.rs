//! Gaps against benchmarks: how far a jurisdiction's target is from a peer's,
//! from a statistic over peers, or from a fixed quantity, and the target it
//! would need to match.

use std::fmt;
use std::str::FromStr;

use chrono::NaiveDate;
use rust_decimal::Decimal;

use crate::error::{Error, ErrorKind, ParseError};
use crate::normalize::{self, Denominator, Per};
use crate::rank::find_metric;
use crate::{Catalog, Id, Jurisdiction, JurisdictionCode, Level, Quantity, Target, Unit};

/// A statistic over peers' normalised values.
///
/// ```
/// use policy_targets::gap::Statistic;
/// assert_eq!("p75".parse::<Statistic>()?, Statistic::Percentile(75));
/// assert_eq!(Statistic::Median.to_string(), "median");
/// # Ok::<(), policy_targets::ParseError>(())
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Statistic {
    /// The largest value (the leader, for higher-is-better metrics).
    Max,
    /// The smallest value.
    Min,
    /// The median (the mean of the two middle values for an even count).
    Median,
    /// The arithmetic mean.
    Mean,
    /// The NNth percentile (0–100), interpolated linearly between the closest
    /// ranks (Hyndman–Fan type 7, as Excel's `PERCENTILE.INC`).
    Percentile(u8),
}

impl Statistic {
    /// The statistic of `values` (not empty), exactly.
    pub fn of(self, values: &[Decimal]) -> Option<Decimal> {
        let mut sorted = values.to_vec();
        sorted.sort();
        let n = sorted.len();
        let (first, last) = (*sorted.first()?, *sorted.last()?);
        match self {
            Statistic::Max => Some(last),
            Statistic::Min => Some(first),
            Statistic::Mean => sorted
                .iter()
                .try_fold(Decimal::ZERO, |a, b| a.checked_add(*b))?
                .checked_div(Decimal::from(n)),
            Statistic::Median => Statistic::Percentile(50).of(values),
            Statistic::Percentile(p) => {
                let h = Decimal::from(n - 1) * Decimal::from(p) / Decimal::from(100);
                let lower = h.floor();
                let i = usize::try_from(lower.mantissa() / 10i128.pow(lower.scale())).ok()?;
                let below = *sorted.get(i)?;
                let above = *sorted.get(i + 1).unwrap_or(&below);
                below.checked_add((h - lower).checked_mul(above - below)?)
            }
        }
    }
}

impl fmt::Display for Statistic {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Statistic::Max => f.write_str("max"),
            Statistic::Min => f.write_str("min"),
            Statistic::Median => f.write_str("median"),
            Statistic::Mean => f.write_str("mean"),
            Statistic::Percentile(p) => write!(f, "p{p}"),
        }
    }
}

impl FromStr for Statistic {
    type Err = ParseError;
    fn from_str(s: &str) -> Result<Statistic, ParseError> {
        match s {
            "max" => Ok(Statistic::Max),
            "min" => Ok(Statistic::Min),
            "median" => Ok(Statistic::Median),
            "mean" => Ok(Statistic::Mean),
            _ => s
                .strip_prefix('p')
                .filter(|d| !d.is_empty() && d.len() <= 3 && d.bytes().all(|b| b.is_ascii_digit()))
                .and_then(|d| d.parse::<u8>().ok())
                .filter(|p| *p <= 100)
                .map(Statistic::Percentile)
                .ok_or_else(|| {
                    ParseError::new(
                        "statistic",
                        s,
                        "expected max, min, median, mean or p0–p100 (e.g. p75)",
                    )
                }),
        }
    }
}

/// The jurisdictions a statistic is taken over.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Peers {
    /// Every jurisdiction of a level that has a target.
    Level(Level),
    /// These jurisdictions.
    List(Vec<JurisdictionCode>),
}

impl fmt::Display for Peers {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Peers::Level(level) => write!(f, "{level}"),
            Peers::List(codes) => {
                let codes: Vec<&str> = codes.iter().map(JurisdictionCode::as_str).collect();
                f.write_str(&codes.join(","))
            }
        }
    }
}

/// What a subject is measured against.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Benchmark {
    /// Another jurisdiction's target.
    Jurisdiction(JurisdictionCode),
    /// A statistic over peers' targets.
    Statistic(Statistic, Peers),
    /// A fixed quantity, read in the normalised unit.
    Fixed(Quantity),
}

impl fmt::Display for Benchmark {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Benchmark::Jurisdiction(code) => write!(f, "{code}"),
            Benchmark::Statistic(stat, peers) => write!(f, "{stat} of {peers}"),
            Benchmark::Fixed(q) => write!(f, "{q}"),
        }
    }
}

/// A gap question: subject, benchmark, metric, normalisation, date.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct GapQuery {
    /// The subject: a jurisdiction code or name.
    pub subject: String,
    /// The benchmark.
    pub benchmark: Benchmark,
    /// The metric id or name.
    pub metric: String,
    /// The normalisation.
    pub per: Per,
    /// The date targets are selected and denominators looked up on.
    pub as_of: NaiveDate,
    /// Decimal places of the output values (default 6).
    pub decimals: u32,
}

impl GapQuery {
    /// A query without normalisation, 6 decimal places.
    pub fn new(
        subject: impl Into<String>,
        benchmark: Benchmark,
        metric: impl Into<String>,
        as_of: NaiveDate,
    ) -> GapQuery {
        GapQuery {
            subject: subject.into(),
            benchmark,
            metric: metric.into(),
            per: Per::NONE,
            as_of,
            decimals: 6,
        }
    }
}

/// The answer to a [`GapQuery`].
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Gap {
    /// The subject.
    pub subject: JurisdictionCode,
    /// The subject's Chinese name.
    pub subject_name_zh: String,
    /// The subject's English name.
    pub subject_name_en: String,
    /// The benchmark, as a label (`320000`, `median of province`, `500个`).
    pub benchmark: String,
    /// The benchmark jurisdiction's Chinese name, for a jurisdiction benchmark.
    pub benchmark_name_zh: Option<String>,
    /// The benchmark jurisdiction's English name, for a jurisdiction benchmark.
    pub benchmark_name_en: Option<String>,
    /// The metric.
    pub metric: Id,
    /// The normalisation.
    pub per: Per,
    /// The as-of date.
    pub as_of: NaiveDate,
    /// The subject's normalised target value; `None` when it has no target.
    pub subject_value: Option<Decimal>,
    /// The benchmark's normalised value.
    pub benchmark_value: Decimal,
    /// `benchmark_value − subject_value` (the subject's value taken as 0 when
    /// it has no target).
    pub gap: Decimal,
    /// `gap / benchmark_value`; `None` when the benchmark is 0.
    pub relative_gap: Option<Decimal>,
    /// The target the subject would need to match the benchmark, in
    /// canonical units: `benchmark_value × the subject's denominator × plan years`.
    pub required_target: Decimal,
    /// The canonical unit of `required_target`.
    pub required_unit: Unit,
    /// The unit of the normalised values.
    pub unit: String,
    /// The subject's target, if any.
    pub subject_target: Option<Id>,
    /// The benchmark jurisdiction's target, for a jurisdiction benchmark.
    pub benchmark_target: Option<Id>,
    /// The peers a statistic was taken over.
    pub peers: Vec<JurisdictionCode>,
    /// Peers left out, with the reason (no denominator).
    pub excluded: Vec<(JurisdictionCode, crate::rank::Reason)>,
    /// The date of the subject's denominator, if any.
    pub denominator_as_of: Option<NaiveDate>,
    /// The date of a jurisdiction benchmark's denominator, if any: the same
    /// as the subject's when both have a figure of one vintage (DESIGN §4),
    /// else the benchmark's latest.
    pub benchmark_denominator_as_of: Option<NaiveDate>,
}

fn problem(message: String) -> Error {
    Error::new(ErrorKind::Invalid(message), None)
}

/// The jurisdiction named by code, name or alias, or an error.
pub(crate) fn find_jurisdiction<'c>(
    catalog: &'c Catalog,
    name: &str,
) -> Result<&'c Jurisdiction, Error> {
    catalog.find_jurisdiction(name).ok_or_else(|| {
        problem(format!(
            "unknown jurisdiction {name:?}; expected a code such as 450000, or a name such as 广西 or Guangxi"
        ))
    })
}

/// Measures a subject against a benchmark.
///
/// All jurisdictions compared in one answer (the subject, the benchmark
/// jurisdiction or the peers) take their denominators from one vintage. A
/// subject without a target gets `subject_value = None` and the whole
/// required target as its gap. With `per` including `year`, the plan length
/// is the subject's target's, or (when it has none) the benchmark
/// jurisdiction's.
///
/// ```
/// use chrono::NaiveDate;
/// use policy_targets::{Catalog, Per, gap::{gap, Benchmark, GapQuery}};
///
/// let catalog = Catalog::bundled()?;
/// let as_of = NaiveDate::from_ymd_opt(2025, 7, 4).unwrap();
/// // What datasets target would Guangxi need to match Jiangsu per capita?
/// let mut query = GapQuery::new("广西", Benchmark::Jurisdiction("320000".parse()?), "high_quality_datasets", as_of);
/// query.per = Per::CAPITA;
/// let answer = gap(&catalog, &query)?;
/// assert_eq!(answer.subject_value, None);
/// assert_eq!(answer.required_target.round_dp(2).to_string(), "591.48");
/// assert_eq!(answer.denominator_as_of.unwrap().to_string(), "2020-11-01");
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub fn gap(catalog: &Catalog, query: &GapQuery) -> Result<Gap, Error> {
    let metric = find_metric(catalog, &query.metric)?;
    let subject = find_jurisdiction(catalog, &query.subject)?;
    let selected = catalog.select_targets(metric.id.as_str(), query.as_of);
    let target_of =
        |code: &JurisdictionCode| selected.iter().copied().find(|t| &t.jurisdiction == code);
    let subject_target = target_of(&subject.code);

    // The jurisdictions compared: the subject and the benchmark's.
    let mut others: Vec<&Target> = Vec::new();
    let mut benchmark_jurisdiction = None;
    match &query.benchmark {
        Benchmark::Jurisdiction(code) => {
            let j = find_jurisdiction(catalog, code.as_str())?;
            let t = target_of(&j.code).ok_or_else(|| {
                problem(format!(
                    "{} ({}) has no target on {} in force on {}",
                    j.name_zh, j.code, metric.id, query.as_of
                ))
            })?;
            benchmark_jurisdiction = Some(j);
            others.push(t);
        }
        Benchmark::Statistic(_, peers) => {
            for t in &selected {
                if t.jurisdiction == subject.code {
                    continue;
                }
                let keep = match peers {
                    Peers::Level(level) => {
                        catalog
                            .jurisdiction(t.jurisdiction.as_str())
                            .map(|j| j.level)
                            == Some(*level)
                    }
                    Peers::List(codes) => codes.contains(&t.jurisdiction),
                };
                if keep {
                    others.push(t);
                }
            }
        }
        Benchmark::Fixed(q) => {
            if q.dimension() != metric.dimension {
                return Err(Error::new(
                    ErrorKind::WrongDimension {
                        unit: q.unit().to_string(),
                        found: q.dimension(),
                        metric: metric.id.to_string(),
                        expected: metric.dimension,
                    },
                    None,
                ));
            }
        }
    }

    let mut codes: Vec<&JurisdictionCode> = vec![&subject.code];
    codes.extend(others.iter().map(|t| &t.jurisdiction));
    let (denominators, missing) = normalize::denominators(catalog, &codes, query.per, query.as_of);
    let needs_denominator = query.per.denominator_metric().is_some();
    // Why a jurisdiction has no denominator, when it needs one and has none.
    let lacks_denominator = |code: &JurisdictionCode| -> Option<crate::rank::Reason> {
        (needs_denominator && !denominators.contains_key(code)).then(|| {
            missing
                .iter()
                .find(|(c, _)| c == code)
                .map(|(_, r)| r.clone())
                .unwrap_or(crate::rank::Reason::NoDenominator {
                    metric: query
                        .per
                        .denominator_metric()
                        .and_then(|m| m.parse().ok())
                        .unwrap_or_else(|| metric.id.clone()),
                    as_of: query.as_of,
                })
        })
    };
    let subject_denominator: Option<&Denominator> = denominators.get(&subject.code);
    if let Some(reason) = lacks_denominator(&subject.code) {
        return Err(problem(format!(
            "{} ({}) has no denominator: {reason}",
            subject.name_zh, subject.code
        )));
    }
    let value_of = |t: &Target| -> Result<Decimal, Error> {
        normalize::normalised(catalog, t, query.per, denominators.get(&t.jurisdiction))
            .ok_or_else(|| problem(format!("the normalised value of {} overflows", t.id)))
    };

    let mut peers = Vec::new();
    let mut excluded = Vec::new();
    let benchmark_value = match &query.benchmark {
        Benchmark::Jurisdiction(_) => {
            let t = others[0];
            if let Some(reason) = lacks_denominator(&t.jurisdiction) {
                return Err(problem(format!(
                    "the benchmark {} has no denominator: {reason}",
                    t.jurisdiction
                )));
            }
            value_of(t)?
        }
        Benchmark::Statistic(stat, peer_set) => {
            let mut values = Vec::new();
            for t in &others {
                if let Some(reason) = lacks_denominator(&t.jurisdiction) {
                    excluded.push((t.jurisdiction.clone(), reason));
                    continue;
                }
                values.push(value_of(t)?);
                peers.push(t.jurisdiction.clone());
            }
            stat.of(&values).ok_or_else(|| {
                problem(format!(
                    "no peer in {peer_set} has a target on {} to take the {stat} of",
                    metric.id
                ))
            })?
        }
        Benchmark::Fixed(q) => q.canonical_value(),
    };
    let subject_value = subject_target.map(value_of).transpose()?;
    let gap = benchmark_value - subject_value.unwrap_or(Decimal::ZERO);
    let relative_gap = (!benchmark_value.is_zero()).then(|| gap / benchmark_value);

    let mut required = benchmark_value;
    if let Some(d) = subject_denominator {
        required = required
            .checked_mul(d.amount)
            .ok_or_else(|| problem("the required target overflows".to_owned()))?;
    }
    if query.per.year() {
        let plan = subject_target
            .or_else(|| benchmark_jurisdiction.and(others.first().copied()))
            .ok_or_else(|| {
                problem(format!(
                    "{} has no target, so its plan length is unknown: compare per year against a jurisdiction, or without `year`",
                    subject.name_zh
                ))
            })?;
        required = required
            .checked_mul(normalize::plan_years(catalog, plan))
            .ok_or_else(|| problem("the required target overflows".to_owned()))?;
    }

    let round = |d: Decimal| d.round_dp(query.decimals).normalize();
    let canonical = metric.dimension.canonical_unit();
    Ok(Gap {
        subject: subject.code.clone(),
        subject_name_zh: subject.name_zh.clone(),
        subject_name_en: subject.name_en.clone(),
        benchmark: query.benchmark.to_string(),
        benchmark_name_zh: benchmark_jurisdiction.map(|j| j.name_zh.clone()),
        benchmark_name_en: benchmark_jurisdiction.map(|j| j.name_en.clone()),
        metric: metric.id.clone(),
        per: query.per,
        as_of: query.as_of,
        subject_value: subject_value.map(round),
        benchmark_value: round(benchmark_value),
        gap: round(gap),
        relative_gap: relative_gap.map(round),
        required_target: round(required),
        required_unit: canonical,
        unit: query.per.unit_label(&canonical.to_string()),
        subject_target: subject_target.map(|t| t.id.clone()),
        benchmark_target: benchmark_jurisdiction.and(others.first().map(|t| t.id.clone())),
        peers,
        excluded,
        denominator_as_of: subject_denominator.map(|d| d.as_of),
        benchmark_denominator_as_of: benchmark_jurisdiction
            .and_then(|j| denominators.get(&j.code))
            .map(|d| d.as_of),
    })
}

/// Questions without an answer: the metric and the reason.
pub type Unanswered = Vec<(Id, String)>;

/// The gaps of `subject` on every metric that has targets on `as_of`:
/// against each jurisdiction that set one, then against the median of the
/// provinces (where another province set one), under `per`. Questions that have no answer (no peer, no
/// denominator) are returned as `(metric, reason)` beside the answers.
///
/// ```
/// use chrono::NaiveDate;
/// use policy_targets::{Catalog, Per, gap::benchmark_gaps};
///
/// let catalog = Catalog::bundled()?;
/// let as_of = NaiveDate::from_ymd_opt(2025, 7, 4).unwrap();
/// let (gaps, _unanswered) = benchmark_gaps(&catalog, "450000", Per::CAPITA, as_of)?;
/// let jiangsu = gaps
///     .iter()
///     .find(|g| g.metric.as_str() == "high_quality_datasets" && g.benchmark == "320000")
///     .unwrap();
/// assert_eq!(jiangsu.required_target.round_dp(2).to_string(), "591.48");
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub fn benchmark_gaps(
    catalog: &Catalog,
    subject: &str,
    per: Per,
    as_of: NaiveDate,
) -> Result<(Vec<Gap>, Unanswered), Error> {
    let subject = find_jurisdiction(catalog, subject)?;
    let mut gaps = Vec::new();
    let mut unanswered = Vec::new();
    for metric in catalog.metrics() {
        let targets = catalog.select_targets(metric.id.as_str(), as_of);
        let mut benchmarks: Vec<Benchmark> = targets
            .iter()
            .filter(|t| t.jurisdiction != subject.code)
            .map(|t| Benchmark::Jurisdiction(t.jurisdiction.clone()))
            .collect();
        if benchmarks.is_empty() {
            continue;
        }
        benchmarks.push(Benchmark::Statistic(
            Statistic::Median,
            Peers::Level(Level::Province),
        ));
        for benchmark in benchmarks {
            let mut query =
                GapQuery::new(subject.code.as_str(), benchmark, metric.id.as_str(), as_of);
            query.per = per;
            match gap(catalog, &query) {
                Ok(answer) => gaps.push(answer),
                Err(err) => unanswered.push((metric.id.clone(), err.to_string())),
            }
        }
    }
    Ok((gaps, unanswered))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> Decimal {
        s.parse().unwrap()
    }

    #[test]
    fn statistics_by_hand() {
        let values = [d("4"), d("1"), d("3"), d("2")];
        assert_eq!(Statistic::Max.of(&values), Some(d("4")));
        assert_eq!(Statistic::Min.of(&values), Some(d("1")));
        assert_eq!(Statistic::Mean.of(&values), Some(d("2.5")));
        assert_eq!(Statistic::Median.of(&values), Some(d("2.5")));
        // type 7: h = (4 − 1) × 0.75 = 2.25 → 3 + 0.25 × (4 − 3)
        assert_eq!(Statistic::Percentile(75).of(&values), Some(d("3.25")));
        assert_eq!(Statistic::Percentile(0).of(&values), Some(d("1")));
        assert_eq!(Statistic::Percentile(100).of(&values), Some(d("4")));
        assert_eq!(Statistic::Median.of(&[d("7")]), Some(d("7")));
        assert_eq!(Statistic::Median.of(&[]), None);
        assert_eq!(
            Statistic::Median.of(&[d("1"), d("2"), d("9")]),
            Some(d("2"))
        );
    }

    #[test]
    fn statistic_names() {
        for s in ["max", "min", "median", "mean", "p0", "p75", "p100"] {
            assert_eq!(s.parse::<Statistic>().unwrap().to_string(), s);
        }
        assert!("p101".parse::<Statistic>().is_err());
        assert!("p".parse::<Statistic>().is_err());
    }
}
