//! Gaps against benchmarks: how far a jurisdiction's target is from a peer's,
//! from a statistic over peers, or from a fixed quantity, and the target it
//! would need to match.

use std::collections::HashMap;
use std::fmt;
use std::str::FromStr;

use chrono::NaiveDate;
use rust_decimal::Decimal;

use crate::engine::normalize::{self, Denominator, Per, PerUnit, Reason};
use crate::error::{Error, ErrorKind, ParseError, Problem};
use crate::{
    Catalog, Id, Jurisdiction, JurisdictionCode, Level, Metric, Polarity, Quantity, Target, Unit,
};

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
    /// The best value by the metric's polarity: the largest where higher is
    /// better, the smallest where lower is (see [`Statistic::for_polarity`]).
    Leader,
}

impl Statistic {
    /// The statistic this one is for a metric of `polarity`: the
    /// [`Leader`](Statistic::Leader) is the [`Max`](Statistic::Max) where
    /// higher is better and the [`Min`](Statistic::Min) where lower is; the
    /// others are themselves.
    ///
    /// ```
    /// use policy_targets::Polarity;
    /// use policy_targets::gap::Statistic;
    /// assert_eq!(Statistic::Leader.for_polarity(Polarity::LowerIsBetter), Statistic::Min);
    /// assert_eq!(Statistic::Median.for_polarity(Polarity::LowerIsBetter), Statistic::Median);
    /// ```
    pub fn for_polarity(self, polarity: Polarity) -> Statistic {
        match (self, polarity) {
            (Statistic::Leader, Polarity::HigherIsBetter) => Statistic::Max,
            (Statistic::Leader, Polarity::LowerIsBetter) => Statistic::Min,
            (other, _) => other,
        }
    }

    /// Whether the statistic is one peer's value (the largest, the smallest,
    /// the leader), so the answer can name that peer.
    pub fn picks_one(self) -> bool {
        matches!(self, Statistic::Max | Statistic::Min | Statistic::Leader)
    }

    /// The statistic of `values` (not empty), exactly. The
    /// [`Leader`](Statistic::Leader) is taken as the largest here: use
    /// [`Statistic::for_polarity`] first for a lower-is-better metric.
    pub fn of(self, values: &[Decimal]) -> Option<Decimal> {
        let mut sorted = values.to_vec();
        sorted.sort();
        let n = sorted.len();
        let (first, last) = (*sorted.first()?, *sorted.last()?);
        match self {
            Statistic::Max | Statistic::Leader => Some(last),
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
            Statistic::Leader => f.write_str("leader"),
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
            "leader" => Ok(Statistic::Leader),
            _ => s
                .strip_prefix('p')
                .filter(|d| !d.is_empty() && d.len() <= 3 && d.bytes().all(|b| b.is_ascii_digit()))
                .and_then(|d| d.parse::<u8>().ok())
                .filter(|p| *p <= 100)
                .map(Statistic::Percentile)
                .ok_or_else(|| ParseError::typed("statistic", s, Problem::StatisticForm)),
        }
    }
}

/// The jurisdictions a statistic is taken over.
///
/// Written as a level (`province`) or as jurisdiction codes separated by
/// commas (`320000,420000`); `Display` writes that form and `FromStr` reads
/// it back. Parsing takes codes only: to read names and aliases as well
/// (`江苏,湖北`), use [`Peers::resolve`] with a catalogue.
///
/// ```
/// use policy_targets::Level;
/// use policy_targets::gap::Peers;
///
/// assert_eq!("province".parse::<Peers>()?, Peers::Level(Level::Province));
/// let list: Peers = "320000, 420000".parse()?;
/// assert_eq!(list, Peers::List(vec!["320000".parse()?, "420000".parse()?]));
/// assert_eq!(list.to_string(), "320000,420000");
/// assert_eq!(
///     "320000,江苏".parse::<Peers>().unwrap_err().to_string(),
///     r#"invalid peers "320000,江苏": "江苏" is not a level or a jurisdiction code; expected a level (nation, province, prefecture, county, group) or codes separated by commas (320000,420000)"#
/// );
/// # Ok::<(), policy_targets::ParseError>(())
/// ```
///
/// Every value reads back as itself, except a one-group list whose slug is
/// a level's name (a group coded `province`), which reads as the level, and
/// an empty list, which does not parse.
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
///
/// Written as a jurisdiction code (`320000`), a statistic over peers
/// (`median of province`, `p75 of 320000,420000`) or a quantity (`500个`);
/// `Display` writes that form (the label of [`Gap::benchmark`]) and
/// `FromStr` reads it back. A bare statistic (`median`) is taken over
/// [`DEFAULT_PEERS`], the provinces. Other text that is not a number is a
/// jurisdiction's name or alias ([`Benchmark::Named`]: `江苏`, `Jiangsu`),
/// which [`gap`] resolves against its catalogue; [`Benchmark::resolve`]
/// resolves names at once, and reads the peers of a statistic by name
/// too, as the command-line tool does.
///
/// ```
/// use policy_targets::{Level, Quantity};
/// use policy_targets::gap::{Benchmark, Peers, Statistic};
///
/// let median: Benchmark = "median of province".parse()?;
/// assert_eq!(median, Benchmark::Statistic(Statistic::Median, Peers::Level(Level::Province)));
/// assert_eq!("median".parse::<Benchmark>()?, median);
/// assert_eq!(median.to_string(), "median of province");
/// assert_eq!("320000".parse::<Benchmark>()?, Benchmark::Jurisdiction("320000".parse()?));
/// assert_eq!("500个".parse::<Benchmark>()?, Benchmark::Fixed("500个".parse::<Quantity>()?));
/// assert_eq!("江苏".parse::<Benchmark>()?, Benchmark::Named("江苏".to_owned()));
/// assert_eq!(
///     "32000".parse::<Benchmark>().unwrap_err().to_string(),
///     r#"invalid benchmark "32000": not a 6-digit jurisdiction code, and not a quantity: missing unit (expected e.g. 个, TB, 亿元, 人, %)"#
/// );
/// # Ok::<(), policy_targets::ParseError>(())
/// ```
///
/// Every value reads back as itself, except a group whose slug is a
/// statistic's name (a group coded `median` or `p75`), which reads as the
/// statistic, and peers that do not read back (see [`Peers`]).
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Benchmark {
    /// Another jurisdiction's target.
    Jurisdiction(JurisdictionCode),
    /// A statistic over peers' targets.
    Statistic(Statistic, Peers),
    /// A fixed quantity, read in the normalised unit.
    Fixed(Quantity),
    /// A jurisdiction by name or alias (`江苏`, `Jiangsu`), as written:
    /// [`gap`] resolves it against its catalogue to the jurisdiction's
    /// target, as [`Benchmark::Jurisdiction`] (an unknown name is an
    /// [`ErrorKind::UnknownJurisdiction`] with a suggestion).
    Named(String),
}

impl fmt::Display for Benchmark {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Benchmark::Jurisdiction(code) => write!(f, "{code}"),
            Benchmark::Statistic(stat, peers) => write!(f, "{stat} of {peers}"),
            Benchmark::Fixed(q) => write!(f, "{q}"),
            Benchmark::Named(name) => f.write_str(name),
        }
    }
}

impl FromStr for Benchmark {
    type Err = ParseError;
    fn from_str(s: &str) -> Result<Benchmark, ParseError> {
        let unknown = || {
            let text = s.trim();
            let numeric = text.starts_with(|c: char| c.is_ascii_digit() || "+-.".contains(c));
            match text.parse::<Quantity>() {
                Err(e) if numeric => ParseError::typed(
                    "benchmark",
                    s,
                    Problem::NotCodeNorQuantity(Box::new(e.kind().clone())),
                ),
                _ => ParseError::typed("benchmark", s, Problem::BenchmarkForm),
            }
        };
        let named = parse_benchmark(
            s,
            |text| text.parse().ok(),
            |text| text.parse(),
            || Ok(DEFAULT_PEERS),
            unknown,
        );
        match named {
            Err(_) if is_name(s) => Ok(Benchmark::Named(s.trim().to_owned())),
            other => other,
        }
    }
}

/// Whether benchmark text that is nothing else can be a jurisdiction's
/// name: not empty, not a number, not a statistic over peers (`X of Y`).
fn is_name(text: &str) -> bool {
    let text = text.trim();
    !text.is_empty()
        && !text.starts_with(|c: char| c.is_ascii_digit() || "+-.".contains(c))
        && !text.contains(" of ")
}

impl Benchmark {
    /// Reads a benchmark the way `targets gap --against TEXT --peers PEERS`
    /// does, resolving names and aliases against `catalog`: a statistic
    /// (`median`, `p75`) over `peers` (read by [`Peers::resolve`]; the
    /// command's default is `province`), or `STAT of PEERS` in `text`
    /// itself (then `peers` is not read); else a jurisdiction of the
    /// catalogue by code, name or alias (`320000`, `江苏`, `Jiangsu`); else a
    /// quantity (`500个`).
    ///
    /// Statistics are read first, so a group whose slug is a statistic's
    /// name is reached by its name, not its slug.
    ///
    /// ```
    /// use policy_targets::{Catalog, Level};
    /// use policy_targets::gap::{Benchmark, Peers, Statistic};
    ///
    /// let catalog = Catalog::bundled()?;
    /// assert_eq!(
    ///     Benchmark::resolve(&catalog, "江苏", "province")?,
    ///     Benchmark::Jurisdiction("320000".parse()?)
    /// );
    /// assert_eq!(
    ///     Benchmark::resolve(&catalog, "median", "江苏,湖北")?,
    ///     Benchmark::Statistic(
    ///         Statistic::Median,
    ///         Peers::List(vec!["320000".parse()?, "420000".parse()?])
    ///     )
    /// );
    /// assert_eq!(
    ///     Benchmark::resolve(&catalog, "p75 of county", "province")?,
    ///     Benchmark::Statistic(Statistic::Percentile(75), Peers::Level(Level::County))
    /// );
    /// assert_eq!(Benchmark::resolve(&catalog, "500个", "province")?.to_string(), "500个");
    /// assert_eq!(
    ///     Benchmark::resolve(&catalog, "火星", "province").unwrap_err().to_string(),
    ///     r#"invalid benchmark "火星": it is not a jurisdiction (a code or a name), a statistic (max, min, median, mean, p75) or a quantity (500个)"#
    /// );
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn resolve(catalog: &Catalog, text: &str, peers: &str) -> Result<Benchmark, ParseError> {
        parse_benchmark(
            text,
            |name| catalog.find_jurisdiction(name).map(|j| j.code.clone()),
            |over| Peers::resolve(catalog, over),
            || Peers::resolve(catalog, peers),
            || ParseError::typed("benchmark", text, Problem::NotABenchmark),
        )
    }
}

impl FromStr for Peers {
    type Err = ParseError;
    fn from_str(s: &str) -> Result<Peers, ParseError> {
        parse_peers(s, |item| {
            item.parse().map_err(|_| Problem::NotAPeer(item.to_owned()))
        })
    }
}

impl Peers {
    /// Reads peers the way `targets gap --peers TEXT` does: a level, or
    /// jurisdictions separated by commas, each a code, name or alias of
    /// `catalog` (`江苏,湖北`, `320000,Hubei`).
    ///
    /// ```
    /// use policy_targets::Catalog;
    /// use policy_targets::gap::Peers;
    ///
    /// let catalog = Catalog::bundled()?;
    /// let peers = Peers::resolve(&catalog, "江苏, Hubei")?;
    /// assert_eq!(peers.to_string(), "320000,420000");
    /// assert_eq!(
    ///     Peers::resolve(&catalog, "江苏,火星").unwrap_err().to_string(),
    ///     r#"invalid peers "江苏,火星": unknown jurisdiction "火星""#
    /// );
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn resolve(catalog: &Catalog, text: &str) -> Result<Peers, ParseError> {
        parse_peers(text, |name| {
            catalog
                .find_jurisdiction(name)
                .map(|j| j.code.clone())
                .ok_or_else(|| Problem::UnknownJurisdiction(name.to_owned()))
        })
    }
}

/// The peers of a statistic a benchmark names none for: the provinces (as
/// the `--peers` option of `targets gap` defaults to).
pub const DEFAULT_PEERS: Peers = Peers::Level(Level::Province);

/// Reads peers, each listed jurisdiction through `jurisdiction`, which
/// gives its code or what is wrong with it.
fn parse_peers(
    s: &str,
    jurisdiction: impl Fn(&str) -> Result<JurisdictionCode, Problem>,
) -> Result<Peers, ParseError> {
    let text = s.trim();
    if let Ok(level) = text.parse::<Level>() {
        return Ok(Peers::Level(level));
    }
    if text.is_empty() {
        return Err(ParseError::typed("peers", s, Problem::PeersForm));
    }
    let mut codes = Vec::new();
    for item in text.split(',').map(str::trim) {
        if item.is_empty() {
            return Err(ParseError::typed("peers", s, Problem::EmptyPeer));
        }
        codes.push(jurisdiction(item).map_err(|problem| ParseError::typed("peers", s, problem))?);
    }
    Ok(Peers::List(codes))
}

/// Reads a benchmark: `STAT of PEERS` (the peers read by `peers`), a bare
/// statistic (over `default_peers`), a jurisdiction (through
/// `jurisdiction`), or a quantity; `unknown` makes the error for anything
/// else.
fn parse_benchmark(
    s: &str,
    jurisdiction: impl Fn(&str) -> Option<JurisdictionCode>,
    peers: impl Fn(&str) -> Result<Peers, ParseError>,
    default_peers: impl FnOnce() -> Result<Peers, ParseError>,
    unknown: impl FnOnce() -> ParseError,
) -> Result<Benchmark, ParseError> {
    let text = s.trim();
    if let Some((stat, over)) = text.split_once(" of ") {
        if let Ok(stat) = stat.trim().parse::<Statistic>() {
            return Ok(Benchmark::Statistic(stat, peers(over)?));
        }
    }
    if let Ok(stat) = text.parse::<Statistic>() {
        return Ok(Benchmark::Statistic(stat, default_peers()?));
    }
    if let Some(code) = jurisdiction(text) {
        return Ok(Benchmark::Jurisdiction(code));
    }
    text.parse::<Quantity>()
        .map(Benchmark::Fixed)
        .map_err(|_| unknown())
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
    ///
    /// A benchmark jurisdiction can be given by name: `"江苏".parse()` is
    /// a [`Benchmark::Named`], which [`gap`] resolves.
    ///
    /// ```
    /// use chrono::NaiveDate;
    /// use policy_targets::{Catalog, gap::{GapQuery, Standing, gap}};
    ///
    /// let catalog = Catalog::bundled()?;
    /// let as_of = NaiveDate::from_ymd_opt(2026, 6, 30).unwrap();
    /// let query = GapQuery::new("苏州", "江苏".parse()?, "typical_data_products", as_of);
    /// let answer = gap(&catalog, &query)?;
    /// assert_eq!(answer.benchmark_name_zh.as_deref(), Some("江苏省"));
    /// assert_eq!(answer.gap.to_string(), "1500");
    /// assert_eq!(answer.standing, Standing::Behind);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
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

    /// This query normalised by `per`.
    ///
    /// ```
    /// use chrono::NaiveDate;
    /// use policy_targets::{Catalog, Per, gap::{GapQuery, gap}};
    ///
    /// let catalog = Catalog::bundled()?;
    /// let as_of = NaiveDate::from_ymd_opt(2026, 6, 30).unwrap();
    /// let query = GapQuery::new("广西", "江苏".parse()?, "high_quality_datasets", as_of).per(Per::CAPITA);
    /// let answer = gap(&catalog, &query)?;
    /// assert_eq!(answer.required_target.round_dp(0).to_string(), "591");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn per(mut self, per: Per) -> GapQuery {
        self.per = per;
        self
    }

    /// This query with values rounded to `decimals` places.
    pub fn decimals(mut self, decimals: u32) -> GapQuery {
        self.decimals = decimals;
        self
    }
}

/// Where the subject stands against the benchmark, by the metric's
/// polarity: ahead of it, level with it, or behind it (a subject without a
/// target is behind).
///
/// ```
/// use policy_targets::gap::Standing;
/// assert_eq!("ahead".parse::<Standing>()?, Standing::Ahead);
/// assert_eq!(Standing::Behind.to_string(), "behind");
/// # Ok::<(), policy_targets::ParseError>(())
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Standing {
    /// Better than the benchmark.
    Ahead,
    /// Equal to it (after rounding to the answer's decimals).
    Level,
    /// Worse than it, or without a target.
    Behind,
}

crate::util::snake_enum!(Standing, "standing", Ahead => "ahead", Level => "level", Behind => "behind");

impl Standing {
    /// The standing of a subject whose value is `gap` below the benchmark
    /// (`benchmark − subject`), for a metric of `polarity`.
    pub fn of(gap: Decimal, polarity: Polarity) -> Standing {
        let better_than_benchmark = match polarity {
            Polarity::HigherIsBetter => gap.is_sign_negative(),
            Polarity::LowerIsBetter => gap.is_sign_positive(),
        };
        if gap.is_zero() {
            Standing::Level
        } else if better_than_benchmark {
            Standing::Ahead
        } else {
            Standing::Behind
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
    /// The benchmark as it was asked for (the typed form of `benchmark`).
    pub benchmark_query: Benchmark,
    /// The benchmark jurisdiction's Chinese name: for a jurisdiction
    /// benchmark, and for a statistic that is one peer's value (the
    /// largest, the smallest, the leader), that peer's.
    pub benchmark_name_zh: Option<String>,
    /// The benchmark jurisdiction's English name, where the Chinese one is
    /// given.
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
    /// Ahead of, level with or behind the benchmark.
    pub standing: Standing,
    /// The canonical unit of `required_target`.
    pub required_unit: Unit,
    /// The unit of the normalised values (typed: the metric's canonical
    /// unit and the normalisation; its `Display` is the JSON's string,
    /// `count per million residents`).
    pub unit: PerUnit,
    /// The subject's target, if any.
    pub subject_target: Option<Id>,
    /// The benchmark jurisdiction's target, for a jurisdiction benchmark.
    pub benchmark_target: Option<Id>,
    /// The peers a statistic was taken over.
    pub peers: Vec<JurisdictionCode>,
    /// Peers left out, with the reason (no denominator).
    pub excluded: Vec<(JurisdictionCode, Reason)>,
    /// The date of the subject's denominator, if any.
    pub denominator_as_of: Option<NaiveDate>,
    /// The date of a jurisdiction benchmark's denominator, if any: the same
    /// as the subject's when both have a figure of one vintage (DESIGN §4),
    /// else the benchmark's latest.
    pub benchmark_denominator_as_of: Option<NaiveDate>,
    /// The id of the observation the subject's denominator was taken from,
    /// if any (not part of the JSON or CSV output).
    pub denominator_observation: Option<Id>,
}

impl Gap {
    /// Whether the benchmark is another jurisdiction's target (not a
    /// statistic over peers or a fixed quantity).
    pub fn benchmark_is_jurisdiction(&self) -> bool {
        matches!(
            self.benchmark_query,
            Benchmark::Jurisdiction(_) | Benchmark::Named(_)
        )
    }
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
    if let Benchmark::Named(name) = &query.benchmark {
        let code = catalog.resolve_jurisdiction(name)?.code.clone();
        let resolved = GapQuery {
            benchmark: Benchmark::Jurisdiction(code),
            ..query.clone()
        };
        return gap(catalog, &resolved);
    }
    let (metric, subject) = subject_and_metric(catalog, query)?;
    let selected = catalog.select_targets(metric.id.as_str(), query.as_of);
    gap_among(catalog, query, metric, subject, &selected)
}

/// The metric and the subject of `query`, whose benchmark is not the
/// subject itself.
fn subject_and_metric<'c>(
    catalog: &'c Catalog,
    query: &GapQuery,
) -> Result<(&'c Metric, &'c Jurisdiction), Error> {
    let metric = catalog.resolve_metric(&query.metric)?;
    crate::engine::rank::refuse_share_per(metric, query.per)?;
    let subject = catalog.resolve_jurisdiction(&query.subject)?;
    if query.benchmark == Benchmark::Jurisdiction(subject.code.clone()) {
        return Err(Error::new(
            ErrorKind::SameSubjectAndBenchmark {
                name: subject.name_zh.clone(),
            },
            None,
        ));
    }
    Ok((metric, subject))
}

/// [`gap`] of `subject` on `metric`, given the targets that count for it
/// on the query's date ([`Catalog::select_targets`]).
fn gap_among(
    catalog: &Catalog,
    query: &GapQuery,
    metric: &Metric,
    subject: &Jurisdiction,
    selected: &[&Target],
) -> Result<Gap, Error> {
    let subject_target = selected
        .iter()
        .copied()
        .find(|t| t.jurisdiction == subject.code);
    let (others, benchmark_jurisdiction) = compared(catalog, query, metric, subject, selected)?;

    let scale = Scale::new(catalog, query, metric, subject, &others);
    if let Some((denominator, as_of)) = scale.lacking(&subject.code) {
        return Err(Error::new(
            ErrorKind::NoDenominator {
                jurisdiction: subject.code.clone(),
                name: subject.name_zh.clone(),
                metric: denominator,
                as_of,
            },
            None,
        ));
    }
    let measured = scale.benchmark(&others)?;
    let subject_value = subject_target.map(|t| scale.value_of(t)).transpose()?;
    let plan = subject_target.or_else(|| benchmark_jurisdiction.and(others.first().copied()));
    let required = required_target(&scale, subject, plan, measured.value)?;
    Ok(answer(
        &scale,
        Answer {
            subject,
            subject_target,
            subject_value,
            benchmark_jurisdiction,
            benchmark_target: benchmark_jurisdiction.and(others.first().copied()),
            measured,
            required,
        },
    ))
}

/// The targets a subject is compared with (a jurisdiction benchmark's one
/// target, or the peers' of a statistic; none for a fixed quantity) and the
/// benchmark jurisdiction, if any.
fn compared<'c>(
    catalog: &'c Catalog,
    query: &GapQuery,
    metric: &Metric,
    subject: &Jurisdiction,
    selected: &[&'c Target],
) -> Result<(Vec<&'c Target>, Option<&'c Jurisdiction>), Error> {
    match &query.benchmark {
        Benchmark::Jurisdiction(code) => {
            let j = catalog.resolve_jurisdiction(code.as_str())?;
            let t = selected
                .iter()
                .copied()
                .find(|t| t.jurisdiction == j.code)
                .ok_or_else(|| {
                    Error::new(
                        ErrorKind::NoTarget {
                            jurisdiction: j.code.clone(),
                            name: j.name_zh.clone(),
                            metric: metric.id.clone(),
                            metric_name: metric.name_zh.clone(),
                            as_of: query.as_of,
                        },
                        None,
                    )
                })?;
            Ok((vec![t], Some(j)))
        }
        Benchmark::Named(name) => {
            let code = catalog.resolve_jurisdiction(name)?.code.clone();
            let resolved = GapQuery {
                benchmark: Benchmark::Jurisdiction(code),
                ..query.clone()
            };
            compared(catalog, &resolved, metric, subject, selected)
        }
        Benchmark::Statistic(_, peers) => {
            let is_peer = |t: &Target| match peers {
                Peers::Level(level) => {
                    catalog
                        .jurisdiction(t.jurisdiction.as_str())
                        .map(|j| j.level)
                        == Some(*level)
                }
                Peers::List(codes) => codes.contains(&t.jurisdiction),
            };
            let others = selected
                .iter()
                .copied()
                .filter(|t| t.jurisdiction != subject.code && is_peer(t))
                .collect();
            Ok((others, None))
        }
        Benchmark::Fixed(q) if q.dimension() != metric.dimension => Err(Error::new(
            ErrorKind::WrongDimension {
                unit: q.unit().to_string(),
                found: q.dimension(),
                metric: metric.id.to_string(),
                expected: metric.dimension,
            },
            None,
        )),
        Benchmark::Fixed(_) => Ok((Vec::new(), None)),
    }
}

/// The denominators of the jurisdictions compared in one answer (the
/// subject and the targets it is compared with), from one vintage.
struct Scale<'a> {
    catalog: &'a Catalog,
    query: &'a GapQuery,
    metric: &'a Metric,
    /// The denominator's metric, when the query normalises by one.
    denominator_metric: Option<Id>,
    found: HashMap<JurisdictionCode, Denominator>,
    missing: Vec<(JurisdictionCode, Reason)>,
}

/// The benchmark's value and, for a statistic, the peers it was taken
/// over and those left out, and the peer whose value it is (for the
/// largest, the smallest or the leader).
struct Measured {
    value: Decimal,
    holder: Option<JurisdictionCode>,
    peers: Vec<JurisdictionCode>,
    excluded: Vec<(JurisdictionCode, Reason)>,
}

impl<'a> Scale<'a> {
    fn new(
        catalog: &'a Catalog,
        query: &'a GapQuery,
        metric: &'a Metric,
        subject: &'a Jurisdiction,
        others: &[&'a Target],
    ) -> Scale<'a> {
        let mut codes: Vec<&JurisdictionCode> = vec![&subject.code];
        codes.extend(others.iter().map(|t| &t.jurisdiction));
        let (found, missing) = normalize::denominators(catalog, &codes, query.per, query.as_of);
        let denominator_metric = query
            .per
            .denominator_metric()
            .map(|m| m.parse::<Id>().unwrap_or_else(|_| metric.id.clone()));
        Scale {
            catalog,
            query,
            metric,
            denominator_metric,
            found,
            missing,
        }
    }

    /// The denominator's metric and the as-of date, when `code` needs a
    /// denominator and has none.
    fn lacking(&self, code: &JurisdictionCode) -> Option<(Id, NaiveDate)> {
        let denominator = self.denominator_metric.as_ref()?;
        if self.found.contains_key(code) {
            return None;
        }
        let listed = self.missing.iter().find_map(|(c, reason)| match reason {
            Reason::NoDenominator { metric, as_of } if c == code => Some((metric.clone(), *as_of)),
            _ => None,
        });
        Some(listed.unwrap_or_else(|| (denominator.clone(), self.query.as_of)))
    }

    /// The denominator of `code`, if it has one.
    fn of(&self, code: &JurisdictionCode) -> Option<&Denominator> {
        self.found.get(code)
    }

    /// A target's normalised value.
    fn value_of(&self, t: &Target) -> Result<Decimal, Error> {
        normalize::normalised(self.catalog, t, self.query.per, self.of(&t.jurisdiction)).ok_or_else(
            || {
                Error::new(
                    ErrorKind::NormalisedOverflow {
                        target: t.id.clone(),
                    },
                    None,
                )
            },
        )
    }

    /// The benchmark's normalised value, over `others` (the targets the
    /// subject is compared with).
    fn benchmark(&self, others: &[&Target]) -> Result<Measured, Error> {
        let value = match &self.query.benchmark {
            Benchmark::Jurisdiction(_) | Benchmark::Named(_) => {
                self.jurisdiction_value(others[0])?
            }
            Benchmark::Statistic(stat, peers) => return self.statistic(*stat, peers, others),
            Benchmark::Fixed(q) => q.canonical_value(),
        };
        Ok(Measured {
            value,
            holder: None,
            peers: Vec::new(),
            excluded: Vec::new(),
        })
    }

    /// The normalised value of a jurisdiction benchmark's target.
    fn jurisdiction_value(&self, t: &Target) -> Result<Decimal, Error> {
        if let Some((metric, as_of)) = self.lacking(&t.jurisdiction) {
            let kind = ErrorKind::BenchmarkNoDenominator {
                jurisdiction: t.jurisdiction.clone(),
                metric,
                as_of,
            };
            return Err(Error::new(kind, None));
        }
        self.value_of(t)
    }

    /// A statistic over the peers' normalised values, leaving out the peers
    /// without a denominator.
    fn statistic(
        &self,
        stat: Statistic,
        peer_set: &Peers,
        others: &[&Target],
    ) -> Result<Measured, Error> {
        let mut values = Vec::new();
        let mut peers = Vec::new();
        let mut excluded = Vec::new();
        for t in others {
            if let Some((metric, as_of)) = self.lacking(&t.jurisdiction) {
                excluded.push((
                    t.jurisdiction.clone(),
                    Reason::NoDenominator { metric, as_of },
                ));
                continue;
            }
            values.push(self.value_of(t)?);
            peers.push(t.jurisdiction.clone());
        }
        let value = stat
            .for_polarity(self.metric.polarity)
            .of(&values)
            .ok_or_else(|| {
                let kind = ErrorKind::NoPeers {
                    peers: peer_set.to_string(),
                    metric: self.metric.id.clone(),
                    metric_name: self.metric.name_zh.clone(),
                    statistic: stat.to_string(),
                };
                Error::new(kind, None)
            })?;
        let holder = stat
            .picks_one()
            .then(|| values.iter().position(|v| *v == value))
            .flatten()
            .map(|i| peers[i].clone());
        Ok(Measured {
            value,
            holder,
            peers,
            excluded,
        })
    }
}

/// The target the subject would need to match `benchmark_value`:
/// `benchmark_value × the subject's denominator × plan years` (of `plan`,
/// the subject's target or else the benchmark jurisdiction's).
fn required_target(
    scale: &Scale<'_>,
    subject: &Jurisdiction,
    plan: Option<&Target>,
    benchmark_value: Decimal,
) -> Result<Decimal, Error> {
    let overflow = || Error::new(ErrorKind::RequiredTargetOverflow, None);
    let mut required = benchmark_value;
    if let Some(d) = scale.of(&subject.code) {
        required = required.checked_mul(d.amount).ok_or_else(overflow)?;
    }
    if scale.query.per.year() {
        let plan = plan.ok_or_else(|| {
            Error::new(
                ErrorKind::NoPlanLength {
                    name: subject.name_zh.clone(),
                },
                None,
            )
        })?;
        required = required
            .checked_mul(normalize::plan_years(scale.catalog, plan))
            .ok_or_else(overflow)?;
    }
    Ok(required)
}

/// What an answer is made of, before rounding.
struct Answer<'c> {
    subject: &'c Jurisdiction,
    subject_target: Option<&'c Target>,
    subject_value: Option<Decimal>,
    benchmark_jurisdiction: Option<&'c Jurisdiction>,
    benchmark_target: Option<&'c Target>,
    measured: Measured,
    required: Decimal,
}

/// The answer, its values rounded to the query's decimals.
fn answer(scale: &Scale<'_>, parts: Answer<'_>) -> Gap {
    let Answer {
        subject,
        subject_target,
        subject_value,
        benchmark_jurisdiction,
        benchmark_target,
        measured,
        required,
    } = parts;
    let query = scale.query;
    let benchmark_value = measured.value;
    let gap = benchmark_value - subject_value.unwrap_or(Decimal::ZERO);
    let relative_gap = (!benchmark_value.is_zero()).then(|| gap / benchmark_value);
    let round = |d: Decimal| d.round_dp(query.decimals).normalize();
    let metric = scale.metric;
    let canonical = metric.dimension.canonical_unit();
    let benchmark_jurisdiction = benchmark_jurisdiction.or_else(|| {
        let holder = measured.holder.as_ref()?;
        scale.catalog.jurisdiction(holder.as_str())
    });
    Gap {
        subject: subject.code.clone(),
        subject_name_zh: subject.name_zh.clone(),
        subject_name_en: subject.name_en.clone(),
        benchmark: query.benchmark.to_string(),
        benchmark_query: query.benchmark.clone(),
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
        standing: match subject_value {
            Some(_) => Standing::of(round(gap), metric.polarity),
            None => Standing::Behind,
        },
        required_unit: canonical,
        unit: PerUnit::new(canonical, query.per),
        subject_target: subject_target.map(|t| t.id.clone()),
        benchmark_target: benchmark_target.map(|t| t.id.clone()),
        peers: measured.peers,
        excluded: measured.excluded,
        denominator_as_of: scale.of(&subject.code).map(|d| d.as_of),
        benchmark_denominator_as_of: benchmark_jurisdiction
            .and_then(|j| scale.of(&j.code))
            .map(|d| d.as_of),
        denominator_observation: scale.of(&subject.code).map(|d| d.observation.clone()),
    }
}

/// A gap question without an answer: the metric, the benchmark asked for
/// and why there is no answer (an error of a typed kind such as
/// [`ErrorKind::NoPeers`], which renderers name
/// in either language).
#[derive(Debug)]
pub struct Unanswered {
    /// The metric.
    pub metric: Id,
    /// The benchmark the question was about.
    pub benchmark: Benchmark,
    /// Why it has no answer.
    pub error: Error,
}

/// The fewest peers a statistic is offered over as a benchmark of its own
/// in [`benchmark_gaps`]: a median of one or two is only their values.
pub const FEWEST_PEERS: usize = 3;

/// `answer`, unless it is a statistic over fewer than [`FEWEST_PEERS`].
fn enough_peers(answer: Gap) -> Result<Gap, Error> {
    match &answer.benchmark_query {
        Benchmark::Statistic(statistic, _) if answer.peers.len() < FEWEST_PEERS => {
            let kind = ErrorKind::TooFewPeers {
                statistic: statistic.to_string(),
                peers: answer.peers.len(),
                fewest: FEWEST_PEERS,
            };
            Err(Error::new(kind, None))
        }
        _ => Ok(answer),
    }
}

/// The gaps of `subject` on every metric that has targets on `as_of`:
/// against each jurisdiction that set one, then against the median of the
/// provinces (where at least [`FEWEST_PEERS`] other provinces set one),
/// under `per` (shares as they are, see [`Per::applies_to`]). Questions that have no answer (no peer, too few peers, no
/// denominator) are returned as [`Unanswered`] beside the answers.
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
) -> Result<(Vec<Gap>, Vec<Unanswered>), Error> {
    let subject = catalog.resolve_jurisdiction(subject)?;
    let mut gaps = Vec::new();
    let mut unanswered = Vec::new();
    for metric in catalog.metrics() {
        // The targets that count are chosen once for the metric; a
        // jurisdiction benchmark's answer needs only its target and the
        // subject's.
        let targets = catalog.select_targets(metric.id.as_str(), as_of);
        let own = targets
            .iter()
            .copied()
            .find(|t| t.jurisdiction == subject.code);
        let mut benchmarks: Vec<(Benchmark, Option<&Target>)> = targets
            .iter()
            .filter(|t| t.jurisdiction != subject.code)
            .map(|&t| (Benchmark::Jurisdiction(t.jurisdiction.clone()), Some(t)))
            .collect();
        if benchmarks.is_empty() {
            continue;
        }
        benchmarks.push((
            Benchmark::Statistic(Statistic::Median, Peers::Level(Level::Province)),
            None,
        ));
        for (benchmark, target) in benchmarks {
            let pair: [&Target; 2];
            let among: &[&Target] = match target {
                Some(target) => {
                    pair = [own.unwrap_or(target), target];
                    &pair[usize::from(own.is_none())..]
                }
                None => &targets,
            };
            let mut query = GapQuery::new(
                subject.code.as_str(),
                benchmark.clone(),
                metric.id.as_str(),
                as_of,
            );
            query.per = per.for_dimension(metric.dimension);
            let answer = subject_and_metric(catalog, &query)
                .and_then(|(m, s)| gap_among(catalog, &query, m, s, among));
            match answer.and_then(enough_peers) {
                Ok(answer) => gaps.push(answer),
                Err(error) => unanswered.push(Unanswered {
                    metric: metric.id.clone(),
                    benchmark,
                    error,
                }),
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

    fn code(s: &str) -> JurisdictionCode {
        s.parse().unwrap()
    }

    #[test]
    fn benchmarks_and_peers_read_back() {
        let cases = [
            Benchmark::Jurisdiction(code("320000")),
            Benchmark::Jurisdiction(code("central_soes")),
            Benchmark::Statistic(Statistic::Median, Peers::Level(Level::Province)),
            Benchmark::Statistic(Statistic::Percentile(75), Peers::Level(Level::County)),
            Benchmark::Statistic(
                Statistic::Max,
                Peers::List(vec![code("320000"), code("national_annotation_bases")]),
            ),
            Benchmark::Statistic(Statistic::Mean, Peers::List(vec![code("420100")])),
            Benchmark::Fixed("500个".parse().unwrap()),
            Benchmark::Fixed("-1.5 TB".parse().unwrap()),
            Benchmark::Fixed("1.8万亿元".parse().unwrap()),
            Benchmark::Named("江苏".to_owned()),
            Benchmark::Named("Inner Mongolia".to_owned()),
        ];
        for b in cases {
            assert_eq!(b.to_string().parse::<Benchmark>(), Ok(b.clone()), "{b}");
        }
        // Spaces around the parts are ignored.
        assert_eq!(
            " max of  320000 , 420000 "
                .parse::<Benchmark>()
                .unwrap()
                .to_string(),
            "max of 320000,420000"
        );
        assert_eq!(
            "p90".parse::<Benchmark>().unwrap().to_string(),
            "p90 of province"
        );
    }

    #[test]
    fn benchmark_and_peers_errors() {
        let err = |s: &str| s.parse::<Benchmark>().unwrap_err().to_string();
        assert_eq!("广西".parse(), Ok(Benchmark::Named("广西".to_owned())));
        assert_eq!(
            " Inner Mongolia ".parse(),
            Ok(Benchmark::Named("Inner Mongolia".to_owned()))
        );
        assert_eq!(
            err(""),
            r#"invalid benchmark "": expected a jurisdiction code (320000, or a group's slug) or name (广西), a statistic over peers (median, p75 of province, max of 320000,420000) or a quantity (500个)"#
        );
        assert_eq!(
            err("500 parsecs"),
            r#"invalid benchmark "500 parsecs": not a 6-digit jurisdiction code, and not a quantity: unknown unit "parsecs""#
        );
        assert_eq!(
            err("median of 省级"),
            r#"invalid peers "省级": "省级" is not a level or a jurisdiction code; expected a level (nation, province, prefecture, county, group) or codes separated by commas (320000,420000)"#
        );
        assert_eq!(
            err("p101 of province"),
            r#"invalid benchmark "p101 of province": expected a jurisdiction code (320000, or a group's slug) or name (广西), a statistic over peers (median, p75 of province, max of 320000,420000) or a quantity (500个)"#
        );
        let peers = |s: &str| s.parse::<Peers>().unwrap_err().to_string();
        assert_eq!(
            peers(""),
            r#"invalid peers "": expected a level (nation, province, prefecture, county, group) or codes separated by commas (320000,420000)"#
        );
        assert_eq!(
            peers("320000,,420000"),
            r#"invalid peers "320000,,420000": an empty item between commas; expected a level (nation, province, prefecture, county, group) or codes separated by commas (320000,420000)"#
        );
        assert_eq!(
            peers("32000"),
            r#"invalid peers "32000": "32000" is not a level or a jurisdiction code; expected a level (nation, province, prefecture, county, group) or codes separated by commas (320000,420000)"#
        );
    }
}
