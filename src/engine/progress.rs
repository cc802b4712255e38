//! Progress of targets: attainment and pace verdicts.
//!
//! For a target and an as-of date, [`assess`] finds the latest reported
//! figure, measures how far the target is attained ([`ProgressRow::progress`],
//! [`ProgressRow::gap`], [`ProgressRow::met`]) and, while the deadline is
//! still ahead and the target is not yet met, compares the rate observed so
//! far with the rate required to meet the target on time ([`Pace`]) and gives
//! a verdict ([`Status`]) by Eurostat's / Open SDG's bands ([`Bands`]).
//! [`progress`] does this for every target that counts on a date and ranks
//! the targets of each metric by progress.
//!
//! Everything is computed on exact decimals in the canonical unit of the
//! target's dimension; only compound growth needs a logarithm and an
//! exponential (see [`Pace::Compound`] for their precision). Ratios and rates
//! are rounded to [`Options::decimals`] places; values and gaps are exact.
//! The functions are pure: the as-of date is an argument and nothing is read
//! or printed.
//!
//! # Example
//!
//! ```
//! use chrono::NaiveDate;
//! use policy_targets::Catalog;
//! use policy_targets::progress::{self, Options, Pace, Status};
//!
//! let catalog = Catalog::from_toml_files([
//!     ("jurisdictions.toml", r#"
//!         [[jurisdiction]]
//!         code = "320000"
//!         name_zh = "江苏省"
//!         name_en = "Jiangsu"
//!         level = "province"
//!     "#),
//!     ("metrics.toml", r#"
//!         [[metric]]
//!         id = "high_quality_datasets"
//!         name_zh = "高质量数据集"
//!         name_en = "High-quality datasets"
//!         dimension = "count"
//!         polarity = "higher_is_better"
//!         basis = "stock"
//!     "#),
//!     ("sources/plan.toml", r#"
//!         [source]
//!         id = "plan"
//!         title = "行动方案（2025—2027年）"
//!         issuer = "江苏省数据局"
//!         published = 2025-03-31
//!         status = "final"
//!         force = "plan"
//!         period = "2025/2027"
//!
//!         [[target]]
//!         id = "datasets_2027"
//!         jurisdiction = "320000"
//!         metric = "high_quality_datasets"
//!         comparator = "at_least"
//!         value = 1000
//!         unit = "个"
//!         deadline = 2027
//!         quote = "形成1000个高质量数据集"
//!
//!         [[observation]]
//!         id = "datasets_2025"
//!         jurisdiction = "320000"
//!         metric = "high_quality_datasets"
//!         value = 400
//!         unit = "个"
//!         as_of = 2025
//!         quote = "400个"
//!
//!         [[observation]]
//!         id = "datasets_2026"
//!         jurisdiction = "320000"
//!         metric = "high_quality_datasets"
//!         value = 700
//!         unit = "个"
//!         as_of = 2026
//!         quote = "700个"
//!     "#),
//! ])?;
//!
//! let as_of = NaiveDate::from_ymd_opt(2027, 3, 1).unwrap();
//! let report = progress::progress(&catalog, as_of, &Options::default());
//! let row = &report.rows[0];
//! assert_eq!(row.latest_value.unwrap().to_string(), "700");
//! assert_eq!(row.progress.unwrap().to_string(), "0.7");
//! assert_eq!(row.gap.unwrap().to_string(), "300");
//! // 300 a year observed (2025-12-31 → 2026-12-31), 300 a year still
//! // required (2026-12-31 → 2027-12-31): R = 1.
//! assert_eq!(row.pace, Some(Pace::Linear));
//! assert_eq!(row.pace_ratio.unwrap().to_string(), "1");
//! assert_eq!(row.status, Status::OnTrack);
//! assert_eq!(row.rank, Some(1));
//! # Ok::<(), policy_targets::Errors>(())
//! ```

use std::cmp::Ordering;
use std::collections::{HashMap, HashSet};
use std::path::Path;

use chrono::NaiveDate;
use rust_decimal::{Decimal, MathematicalOps, RoundingStrategy};
use serde::ser::{Serialize, SerializeStruct, Serializer};

use crate::encode::JsonDecimal;
use crate::engine::rank::competition_ranks;
use crate::load::bulk;
use crate::util::snake_enum;
use crate::{Catalog, Comparator, Dimension, Errors, Id, JurisdictionCode, Polarity, Target, Unit};

/// Days per year used to turn day counts into years: the mean Gregorian
/// year, 365.2425 days. Years are `days / 365.2425`, in exact decimal
/// arithmetic.
///
/// ```
/// use policy_targets::progress::DAYS_PER_YEAR;
/// assert_eq!(DAYS_PER_YEAR.to_string(), "365.2425");
/// ```
pub const DAYS_PER_YEAR: Decimal = Decimal::from_parts(3_652_425, 0, 0, false, 4);

/// Thresholds of the pace verdicts; the default is Eurostat's / Open SDG's
/// bands.
///
/// With `R` the pace ratio (observed rate / required rate):
/// `R ≥ on_track` → [`Status::OnTrack`];
/// `acceleration_needed ≤ R < on_track` → [`Status::AccelerationNeeded`];
/// `limited_progress ≤ R < acceleration_needed` → [`Status::LimitedProgress`];
/// `R < limited_progress` → [`Status::MovingAway`].
///
/// ```
/// use policy_targets::progress::{Bands, Status};
/// use rust_decimal::Decimal;
///
/// let bands = Bands::default();
/// assert_eq!(bands.on_track.to_string(), "0.95");
/// assert_eq!(bands.verdict(Decimal::new(95, 2)), Status::OnTrack);
/// assert_eq!(bands.verdict(Decimal::new(9499, 4)), Status::AccelerationNeeded);
/// assert_eq!(bands.verdict(Decimal::ZERO), Status::LimitedProgress);
/// assert_eq!(bands.verdict(Decimal::new(-1, 2)), Status::MovingAway);
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct Bands {
    /// The least ratio that is on track (default 0.95).
    pub on_track: Decimal,
    /// The least ratio that needs acceleration rather than being limited
    /// progress (default 0.60).
    pub acceleration_needed: Decimal,
    /// The least ratio that is limited progress rather than moving away
    /// (default 0).
    pub limited_progress: Decimal,
}

impl Default for Bands {
    /// 0.95, 0.60 and 0, as Eurostat's SDG monitoring and Open SDG use them.
    fn default() -> Bands {
        Bands {
            on_track: Decimal::new(95, 2),
            acceleration_needed: Decimal::new(60, 2),
            limited_progress: Decimal::ZERO,
        }
    }
}

impl Bands {
    /// The verdict for a pace ratio `ratio` (observed rate / required rate),
    /// compared exactly, before any rounding.
    ///
    /// ```
    /// use policy_targets::progress::{Bands, Status};
    /// use rust_decimal::Decimal;
    ///
    /// let bands = Bands::default();
    /// assert_eq!(bands.verdict(Decimal::new(60, 2)), Status::AccelerationNeeded);
    /// assert_eq!(bands.verdict(Decimal::new(5999, 4)), Status::LimitedProgress);
    /// ```
    pub fn verdict(&self, ratio: Decimal) -> Status {
        if ratio >= self.on_track {
            Status::OnTrack
        } else if ratio >= self.acceleration_needed {
            Status::AccelerationNeeded
        } else if ratio >= self.limited_progress {
            Status::LimitedProgress
        } else {
            Status::MovingAway
        }
    }
}

/// The state of a target on a date.
///
/// Its snake_case name (`met`, `missed`, `no_data`, `insufficient_data`,
/// `on_track`, `acceleration_needed`, `limited_progress`, `moving_away`) is
/// what `Display`, `FromStr` and serde use.
///
/// ```
/// use policy_targets::progress::Status;
///
/// assert_eq!(Status::AccelerationNeeded.as_str(), "acceleration_needed");
/// assert_eq!("no_data".parse::<Status>()?, Status::NoData);
/// for status in Status::ALL {
///     assert_eq!(status.to_string().parse::<Status>()?, status);
/// }
/// assert!(Status::OnTrack.is_pace_verdict() && !Status::Met.is_pace_verdict());
/// # Ok::<(), policy_targets::ParseError>(())
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Status {
    /// The latest figure meets the target (whenever that is).
    Met,
    /// The deadline has passed (or the latest figure is dated on or after
    /// it) and the latest figure does not meet the target.
    Missed,
    /// No figure has been reported by the as-of date, whether or not the
    /// deadline has passed: without a figure it cannot be said that the
    /// target was not met.
    NoData,
    /// Figures exist but the pace cannot be judged: fewer than two dates in
    /// the period, or an arithmetic overflow.
    InsufficientData,
    /// The observed rate is at least `on_track` (0.95) times the required one.
    OnTrack,
    /// The observed rate is between `acceleration_needed` (0.60) and
    /// `on_track` (0.95) times the required one.
    AccelerationNeeded,
    /// The observed rate is between `limited_progress` (0) and
    /// `acceleration_needed` (0.60) times the required one.
    LimitedProgress,
    /// The figures move away from the target.
    MovingAway,
}

snake_enum!(
    Status,
    "progress status",
    Met => "met",
    Missed => "missed",
    NoData => "no_data",
    InsufficientData => "insufficient_data",
    OnTrack => "on_track",
    AccelerationNeeded => "acceleration_needed",
    LimitedProgress => "limited_progress",
    MovingAway => "moving_away"
);

impl Status {
    /// Every status, in declaration order.
    pub const ALL: [Status; 8] = [
        Status::Met,
        Status::Missed,
        Status::NoData,
        Status::InsufficientData,
        Status::OnTrack,
        Status::AccelerationNeeded,
        Status::LimitedProgress,
        Status::MovingAway,
    ];

    /// Whether this is one of the four pace verdicts (`on_track`,
    /// `acceleration_needed`, `limited_progress`, `moving_away`).
    pub fn is_pace_verdict(self) -> bool {
        matches!(
            self,
            Status::OnTrack
                | Status::AccelerationNeeded
                | Status::LimitedProgress
                | Status::MovingAway
        )
    }
}

/// How the required and observed rates were computed.
///
/// With `x_0` at `t_0` the first point of the period, `x_t` at `t` the latest
/// figure, `T` the target value (for a `range` whose upper bound is exceeded,
/// the upper bound) and years = days / [`DAYS_PER_YEAR`]:
///
/// ```
/// use policy_targets::progress::Pace;
/// assert_eq!(Pace::Compound.as_str(), "compound");
/// assert_eq!("linear".parse::<Pace>()?, Pace::Linear);
/// # Ok::<(), policy_targets::ParseError>(())
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Pace {
    /// Absolute change per year, in the canonical unit:
    /// `required = (T − x_t) / years(deadline_end − t)`,
    /// `observed = (x_t − x_0) / years(t − t_0)`.
    ///
    /// Used for every dimension except data volumes and money, and for those
    /// too whenever one of `x_0`, `x_t`, `T` is zero or negative. Computed
    /// with exact decimal arithmetic (each rate with a single division; the
    /// ratio as `(x_t − x_0)·days_left / ((T − x_t)·days_elapsed)`, so the
    /// years cancel exactly).
    Linear,
    /// Growth rate per year, as a fraction (0.25 = 25 % a year):
    /// `required = (T / x_t)^(1 / years(deadline_end − t)) − 1`,
    /// `observed = (x_t / x_0)^(1 / years(t − t_0)) − 1`.
    ///
    /// Used for data volumes and money when `x_0`, `x_t` and `T` are all
    /// positive.
    ///
    /// **Precision.** This is the one place a root is taken. With `r` the
    /// factor (`T / x_t` or `x_t / x_0`, a decimal division to 28
    /// significant digits), the rate `r^(365.2425 / days) − 1` is computed
    /// as `exp(ln(r) · 365.2425 / days) − 1` with `rust_decimal`'s
    /// `checked_ln` and `checked_exp`, whose series run on 192-bit
    /// intermediates and return 28 significant digits. The absolute error of
    /// each rate is below `1e-24 × max(1, 1 + rate)` (a bound checked
    /// against 80-digit references on tens of thousands of factors and
    /// spans, not proved): 24 correct decimal places for a rate between
    /// −100 % and +100 % a year, 24 significant digits for a steeper one.
    /// A factor of exactly 1 gives a rate of exactly 0. The rates and
    /// `R = observed / required` are then rounded half to even to
    /// [`Options::decimals`] places (6 by default); the verdict is taken
    /// from the unrounded `R`. `R` carries the relative errors of both
    /// rates, which stay far below 1e-6 unless a rate is itself tiny (a
    /// rate of 1e-14 a year is known to about 10 significant digits). A
    /// rate or ratio within these errors of a rounding midpoint or a band
    /// edge may fall on either side of it. A power beyond the range of
    /// `Decimal` (about 7.9e28) leaves the rates `None` and the status
    /// `insufficient_data`.
    Compound,
}

snake_enum!(Pace, "pace", Linear => "linear", Compound => "compound");

/// How [`assess`] and [`progress`] judge and round.
///
/// ```
/// use policy_targets::progress::Options;
///
/// let options = Options::default();
/// assert_eq!(options.decimals, 6);
/// assert_eq!(options.bands.acceleration_needed.to_string(), "0.60");
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct Options {
    /// The thresholds of the pace verdicts.
    pub bands: Bands,
    /// Decimal places that `progress`, `required_rate`, `observed_rate` and
    /// `pace_ratio` are rounded to (default 6), half to even (banker's
    /// rounding), trailing zeros dropped. Verdicts are decided before
    /// rounding.
    pub decimals: u32,
}

impl Default for Options {
    /// The default bands and 6 decimal places.
    fn default() -> Options {
        Options {
            bands: Bands::default(),
            decimals: 6,
        }
    }
}

/// The attainment and pace of one target on one date.
///
/// Values are in the canonical unit of the target's dimension (`unit`).
/// `Serialize` writes the fields of the `targets progress` JSON contract
/// (decimals as exact JSON numbers, dates as ISO 8601, `deadline` as its
/// last day), plus `comparator`, `unit`, `met` and `pace`.
///
/// See [`assess`] for how each field is computed.
///
/// ```
/// use policy_targets::progress::{Pace, ProgressRow, Status};
/// use policy_targets::Comparator;
/// use rust_decimal::Decimal;
///
/// let day = |s: &str| s.parse::<chrono::NaiveDate>().unwrap();
/// let row = ProgressRow {
///     target_id: "suzhou_datasets_2027".parse()?,
///     jurisdiction: "320500".parse()?,
///     metric: "high_quality_datasets".parse()?,
///     comparator: Comparator::AtLeast,
///     target_value: Decimal::from(300),
///     unit: "count".parse()?,
///     deadline: day("2027-12-31"),
///     latest_value: Some(Decimal::from(120)),
///     latest_as_of: Some(day("2025-06-30")),
///     progress: Some(Decimal::new(4, 1)),
///     gap: Some(Decimal::from(180)),
///     met: Some(false),
///     pace: None,
///     required_rate: None,
///     observed_rate: None,
///     pace_ratio: None,
///     status: Status::InsufficientData,
///     rank: Some(1),
/// };
/// let json = serde_json::to_string(&row).unwrap();
/// assert!(json.starts_with(r#"{"target_id":"suzhou_datasets_2027","jurisdiction":"320500""#));
/// assert!(json.contains(r#""target_value":300,"unit":"count","deadline":"2027-12-31""#));
/// assert!(json.contains(r#""progress":0.4,"gap":180,"met":false,"pace":null"#));
/// assert!(json.ends_with(r#""pace_ratio":null,"status":"insufficient_data","rank":1}"#));
/// # Ok::<(), policy_targets::ParseError>(())
/// ```
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ProgressRow {
    /// The target's id.
    pub target_id: Id,
    /// Whose target it is.
    pub jurisdiction: JurisdictionCode,
    /// What it measures.
    pub metric: Id,
    /// How the target value is meant.
    pub comparator: Comparator,
    /// The target value in the canonical unit (the lower bound of a range).
    pub target_value: Decimal,
    /// The canonical unit of `target_value`, `latest_value` and `gap` (and
    /// of the rates of a [`Pace::Linear`] pace, per year).
    pub unit: Unit,
    /// The last day of the deadline.
    pub deadline: NaiveDate,
    /// The latest figure on or before the as-of date, canonical.
    pub latest_value: Option<Decimal>,
    /// The day that figure refers to (the last day of its `as_of`).
    pub latest_as_of: Option<NaiveDate>,
    /// `(x − b) / (T − b)` with `b` the baseline; for higher-is-better
    /// metrics `b` is 0 when none is stated, for lower-is-better ones
    /// (where this reads `(b − x) / (b − T)`) progress needs a stated
    /// baseline. `None` without a figure, without the baseline a
    /// lower-is-better metric needs, or when `T = b`. Rounded to
    /// [`Options::decimals`].
    pub progress: Option<Decimal>,
    /// `T − x`, exact; negative when the target value is exceeded.
    pub gap: Option<Decimal>,
    /// Whether the latest figure meets the target; `None` without a figure.
    pub met: Option<bool>,
    /// How the rates were computed; set with the rates.
    pub pace: Option<Pace>,
    /// The rate still required to meet the target by its deadline.
    /// Rounded to [`Options::decimals`]; exact before rounding when linear,
    /// within the error stated at [`Pace::Compound`] when compound.
    pub required_rate: Option<Decimal>,
    /// The rate observed from the first point of the period to the latest
    /// figure. Rounded to [`Options::decimals`]; exact before rounding when
    /// linear, within the error stated at [`Pace::Compound`] when compound.
    pub observed_rate: Option<Decimal>,
    /// `observed_rate / required_rate` (computed before rounding, then
    /// rounded to [`Options::decimals`]); `None` when the required rate is 0.
    /// A linear ratio is one exact division; a compound one carries the
    /// errors of its rates ([`Pace::Compound`]).
    pub pace_ratio: Option<Decimal>,
    /// The verdict.
    pub status: Status,
    /// The standard competition rank by `progress` among the rows of the
    /// same metric (set by [`progress`]; [`assess`] leaves it `None`).
    pub rank: Option<u32>,
}

/// Every target that counts on a date, assessed and ranked.
///
/// `Serialize` writes the `targets progress` JSON contract:
/// `{"as_of", "rows": [...]}`.
///
/// ```
/// use policy_targets::progress::Progress;
///
/// let empty = Progress { as_of: "2025-12-31".parse().unwrap(), decimals: 6, rows: Vec::new() };
/// assert_eq!(serde_json::to_string(&empty).unwrap(), r#"{"as_of":"2025-12-31","rows":[]}"#);
/// ```
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Progress {
    /// The date the targets were assessed on.
    pub as_of: NaiveDate,
    /// The decimal places the rows' ratios and rates are rounded to
    /// ([`Options::decimals`]).
    pub decimals: u32,
    /// One row per target, ordered by metric (catalogue order), then rank
    /// (unranked last), then jurisdiction code.
    pub rows: Vec<ProgressRow>,
}

impl Progress {
    /// Only the rows of jurisdictions at `level`, ranked among themselves
    /// (`targets progress --level`): a prefecture's rank then says how it
    /// stands among the prefectures with that metric, not among provinces.
    ///
    /// ```
    /// use chrono::NaiveDate;
    /// use policy_targets::progress::{Options, progress};
    /// use policy_targets::{Catalog, Level};
    ///
    /// let catalog = Catalog::from_toml_files([
    ///     ("jurisdictions.toml", r#"
    ///         [[jurisdiction]]
    ///         code = "320000"
    ///         name_zh = "江苏省"
    ///         name_en = "Jiangsu"
    ///         level = "province"
    ///
    ///         [[jurisdiction]]
    ///         code = "320500"
    ///         name_zh = "苏州市"
    ///         name_en = "Suzhou"
    ///         level = "prefecture"
    ///         parent = "320000"
    ///     "#),
    ///     ("metrics.toml", r#"
    ///         [[metric]]
    ///         id = "high_quality_datasets"
    ///         name_zh = "高质量数据集"
    ///         name_en = "High-quality datasets"
    ///         dimension = "count"
    ///         polarity = "higher_is_better"
    ///         basis = "stock"
    ///     "#),
    ///     ("sources/plan.toml", r#"
    ///         [source]
    ///         id = "plan"
    ///         title = "Plan"
    ///         issuer = "Office"
    ///         published = 2025-01-15
    ///         status = "final"
    ///         force = "plan"
    ///
    ///         [[target]]
    ///         id = "jiangsu_2027"
    ///         jurisdiction = "320000"
    ///         metric = "high_quality_datasets"
    ///         comparator = "at_least"
    ///         value = 1000
    ///         unit = "个"
    ///         deadline = 2027
    ///         quote = "1000个"
    ///
    ///         [[target]]
    ///         id = "suzhou_2027"
    ///         jurisdiction = "320500"
    ///         metric = "high_quality_datasets"
    ///         comparator = "at_least"
    ///         value = 300
    ///         unit = "个"
    ///         deadline = 2027
    ///         quote = "300个"
    ///
    ///         [[observation]]
    ///         id = "jiangsu_2025"
    ///         jurisdiction = "320000"
    ///         metric = "high_quality_datasets"
    ///         value = 800
    ///         unit = "个"
    ///         as_of = "2025-06"
    ///         quote = "800个"
    ///
    ///         [[observation]]
    ///         id = "suzhou_2025"
    ///         jurisdiction = "320500"
    ///         metric = "high_quality_datasets"
    ///         value = 120
    ///         unit = "个"
    ///         as_of = "2025-06"
    ///         quote = "120个"
    ///     "#),
    /// ])?;
    /// let as_of = NaiveDate::from_ymd_opt(2025, 12, 31).unwrap();
    /// let all = progress(&catalog, as_of, &Options::default());
    /// assert_eq!(all.rows[1].rank, Some(2)); // 苏州: 0.4 after 江苏's 0.8
    /// let prefectures = all.at_level(&catalog, Level::Prefecture);
    /// assert_eq!(prefectures.rows.len(), 1);
    /// assert_eq!(prefectures.rows[0].jurisdiction.as_str(), "320500");
    /// assert_eq!(prefectures.rows[0].rank, Some(1));
    /// # Ok::<(), policy_targets::Errors>(())
    /// ```
    pub fn at_level(mut self, catalog: &Catalog, level: crate::Level) -> Progress {
        self.rows.retain(|r| {
            catalog
                .jurisdiction(r.jurisdiction.as_str())
                .is_some_and(|j| j.level == level)
        });
        for row in &mut self.rows {
            row.rank = None;
        }
        // The rows of a metric are adjacent.
        let mut start = 0;
        while start < self.rows.len() {
            let metric = &self.rows[start].metric;
            let len = self.rows[start..]
                .iter()
                .take_while(|r| &r.metric == metric)
                .count();
            rank_group(&mut self.rows[start..start + len]);
            start += len;
        }
        self
    }
}

/// The JSON shape of a [`ProgressRow`]: the one place its fields, their
/// order and their JSON types are stated, for serialisation and the schema.
#[derive(serde::Serialize, schemars::JsonSchema)]
#[schemars(rename = "ProgressRow")]
pub(crate) struct ProgressRowJson<'a> {
    target_id: &'a Id,
    jurisdiction: &'a JurisdictionCode,
    metric: &'a Id,
    comparator: Comparator,
    target_value: JsonDecimal,
    unit: Unit,
    deadline: NaiveDate,
    latest_value: Option<JsonDecimal>,
    latest_as_of: Option<NaiveDate>,
    progress: Option<JsonDecimal>,
    gap: Option<JsonDecimal>,
    met: Option<bool>,
    pace: Option<Pace>,
    required_rate: Option<JsonDecimal>,
    observed_rate: Option<JsonDecimal>,
    pace_ratio: Option<JsonDecimal>,
    status: Status,
    rank: Option<u32>,
}

impl<'a> From<&'a ProgressRow> for ProgressRowJson<'a> {
    fn from(r: &'a ProgressRow) -> Self {
        let decimal = |d: Option<Decimal>| d.map(JsonDecimal);
        ProgressRowJson {
            target_id: &r.target_id,
            jurisdiction: &r.jurisdiction,
            metric: &r.metric,
            comparator: r.comparator,
            target_value: JsonDecimal(r.target_value),
            unit: r.unit,
            deadline: r.deadline,
            latest_value: decimal(r.latest_value),
            latest_as_of: r.latest_as_of,
            progress: decimal(r.progress),
            gap: decimal(r.gap),
            met: r.met,
            pace: r.pace,
            required_rate: decimal(r.required_rate),
            observed_rate: decimal(r.observed_rate),
            pace_ratio: decimal(r.pace_ratio),
            status: r.status,
            rank: r.rank,
        }
    }
}

impl Serialize for ProgressRow {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        ProgressRowJson::from(self).serialize(serializer)
    }
}

impl Serialize for Progress {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut s = serializer.serialize_struct("Progress", 2)?;
        s.serialize_field("as_of", &self.as_of)?;
        s.serialize_field("rows", &self.rows)?;
        s.end()
    }
}

/// Assesses one target on `as_of`.
///
/// **Figures used.** The observations of the target's jurisdiction and
/// metric (of the target's dimension) whose day (the last day of their
/// `as_of`) is on or before `as_of`; figures dated later are not yet known.
/// The *latest* is the one with the greatest day; of several on that day the
/// one that comes last in the catalogue (a revision listed after the first
/// report). All values are compared in the canonical unit.
///
/// **Attainment.** With `x` the latest figure, `T` the target value (the
/// lower bound of a `range`) and `b` the target's baseline value (of the
/// target's dimension): for a higher-is-better metric
/// `progress = (x − b) / (T − b)`, with `b = 0` when no baseline is stated;
/// for a lower-is-better metric `progress = (b − x) / (b − T)` (the same
/// quotient), and `None` when no baseline is stated, since a fall toward a
/// ceiling has no natural origin to measure from. Progress is also `None`
/// when `T = b`. `gap = T − x` (exact; negative when exceeded) and `met` by
/// the comparator (`more_than` needs `x > T`; a `range` needs both bounds)
/// hold for either polarity, with or without a baseline. A figure reported
/// as a bound (超过 35000) is taken at its value, except that a strict bound
/// settles a strict target at equality (a figure of "more than 100" meets
/// "more than 100").
///
/// **Status**, in this order: `no_data` if there is no figure (even once
/// the deadline has passed); `met` if the latest figure meets the target;
/// `missed` if the deadline's last day is before `as_of` or the latest
/// figure is dated on or after it; otherwise a pace verdict.
///
/// **Pace.** Two points are needed: `x_t` at `t`, the latest figure, and
/// `x_0` at `t_0`, the earliest figure dated on or after the period start
/// ([`Catalog::period_start`]) — of several on that day the last in the
/// catalogue — or the target's baseline (at the last day of its `as_of`, if
/// that is on or before `as_of`) when it is strictly earlier. If there is no
/// such point or `t_0` is not before `t`, the status is `insufficient_data`.
/// The rates follow [`Pace`]; the aim is `T`, or the upper bound of a range
/// that `x_t` exceeds. The verdict is [`Bands::verdict`] of
/// `R = observed / required`, which is direction-aware without regard to
/// polarity: when the target lies below `x_t` both rates are negative while
/// moving the right way. When the required rate is 0 (`x_t` equals the aim of
/// a strict `more_than`/`less_than` target, which is not met at equality),
/// `R` is taken as its limit: `on_track` if the observed rate moves toward
/// the target, the verdict of `R = 0` if it is 0, `moving_away` otherwise;
/// `pace_ratio` is then `None`. `pace` and the rates (and the ratio, unless
/// the required rate is 0) are present exactly when the status is a pace
/// verdict.
///
/// **No panic.** Every step uses checked arithmetic; an overflow (values
/// near the limits of `Decimal`, or a compound growth so steep that its
/// power overflows) leaves the rates `None` and gives `insufficient_data`.
/// Progress or gap whose computation overflows are `None`.
///
/// ```
/// use chrono::NaiveDate;
/// use policy_targets::Catalog;
/// use policy_targets::progress::{assess, Options, Status};
///
/// let catalog = Catalog::from_toml_files([
///     ("jurisdictions.toml", r#"
///         [[jurisdiction]]
///         code = "430000"
///         name_zh = "湖南省"
///         name_en = "Hunan"
///         level = "province"
///     "#),
///     ("metrics.toml", r#"
///         [[metric]]
///         id = "data_annotation_volume"
///         name_zh = "数据标注规模"
///         name_en = "Data annotation volume"
///         dimension = "data_volume"
///         polarity = "higher_is_better"
///         basis = "stock"
///     "#),
///     ("sources/plan.toml", r#"
///         [source]
///         id = "plan"
///         title = "建设方案（2025—2027年）"
///         issuer = "湖南省人民政府办公厅"
///         published = 2025-06-10
///         status = "final"
///         force = "plan"
///         period = "2025/2027"
///
///         [[target]]
///         id = "annotation_2027"
///         jurisdiction = "430000"
///         metric = "data_annotation_volume"
///         comparator = "at_least"
///         value = "3000TB"
///         deadline = 2027
///         baseline = { value = "1PB", as_of = 2024 }
///         quote = "数据标注规模达3000TB以上"
///
///         [[observation]]
///         id = "annotation_2026"
///         jurisdiction = "430000"
///         metric = "data_annotation_volume"
///         value = "2PB"
///         as_of = 2026
///         quote = "2PB"
///     "#),
/// ])?;
///
/// let target = &catalog.targets()[0];
/// let as_of = NaiveDate::from_ymd_opt(2027, 1, 31).unwrap();
/// let row = assess(&catalog, target, as_of, &Options::default());
/// // (2000 − 1000) / (3000 − 1000): half way from the baseline.
/// assert_eq!(row.progress.unwrap().to_string(), "0.5");
/// assert_eq!(row.gap.unwrap().to_string(), "1000");
/// assert_eq!(row.met, Some(false));
/// // From the 2024 baseline: doubled in two years (about 41 % a year),
/// // needs 50 % in the last year, so R is about 0.83.
/// assert_eq!(row.status, Status::AccelerationNeeded);
/// assert_eq!(row.rank, None);
/// # Ok::<(), policy_targets::Errors>(())
/// ```
pub fn assess(
    catalog: &Catalog,
    target: &Target,
    as_of: NaiveDate,
    options: &Options,
) -> ProgressRow {
    let dimension = target.value.dimension();
    let period_start = catalog.period_start(target);
    let mut kept = Kept::default();
    for o in catalog.observations() {
        if o.jurisdiction == target.jurisdiction
            && o.metric == target.metric
            && o.value.dimension() == dimension
        {
            kept.offer(
                o.date(),
                o.value.canonical_value(),
                o.comparator,
                as_of,
                period_start,
            );
        }
    }
    evaluate(target, polarity(catalog, target), &kept, as_of, options)
}

/// The polarity of a target's metric. A catalogue's references resolve; a
/// metric that did not would count as higher is better.
fn polarity(catalog: &Catalog, target: &Target) -> Polarity {
    catalog
        .metric(target.metric.as_str())
        .map_or(Polarity::HigherIsBetter, |m| m.polarity)
}

/// The points of a target's figures that [`assess`] needs, kept while the
/// figures go by in catalogue order: the latest figure on or before the
/// as-of date (of several on its day, the last offered) and the earliest on
/// or after the period start (likewise the last offered of its day).
///
/// The streaming engine ([`progress_folder`]) keeps one of these per target
/// while it reads `observations.csv`, with values in the canonical unit.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Kept<V> {
    latest: Option<(NaiveDate, V, Option<Comparator>)>,
    first: Option<(NaiveDate, V)>,
}

impl<V> Default for Kept<V> {
    fn default() -> Kept<V> {
        Kept {
            latest: None,
            first: None,
        }
    }
}

impl<V: Copy> Kept<V> {
    /// Takes a figure of `value` on `day`, reported as a bound if `bound`.
    #[inline]
    pub(crate) fn offer(
        &mut self,
        day: NaiveDate,
        value: V,
        bound: Option<Comparator>,
        as_of: NaiveDate,
        period_start: NaiveDate,
    ) {
        if day > as_of {
            return; // not yet known
        }
        if self.latest.is_none_or(|(d, ..)| day >= d) {
            self.latest = Some((day, value, bound));
        }
        if day >= period_start && self.first.is_none_or(|(d, _)| day <= d) {
            self.first = Some((day, value));
        }
    }

    /// The points of the figures offered to `self` and then those offered
    /// to `later`, as if all had been offered to one.
    pub(crate) fn then(self, later: Kept<V>) -> Kept<V> {
        Kept {
            latest: match (self.latest, later.latest) {
                (Some(a), Some(b)) if b.0 < a.0 => Some(a),
                (a, None) => a,
                (_, b) => b,
            },
            first: match (self.first, later.first) {
                (Some(a), Some(b)) if b.0 > a.0 => Some(a),
                (a, None) => a,
                (_, b) => b,
            },
        }
    }

    /// The same points with their values mapped.
    pub(crate) fn map<W>(self, f: impl Fn(V) -> W) -> Kept<W> {
        Kept {
            latest: self.latest.map(|(d, v, b)| (d, f(v), b)),
            first: self.first.map(|(d, v)| (d, f(v))),
        }
    }
}

/// The row of a target from the points kept of its figures (canonical
/// values): the formulas of [`assess`].
pub(crate) fn evaluate(
    target: &Target,
    polarity: Polarity,
    kept: &Kept<Decimal>,
    as_of: NaiveDate,
    options: &Options,
) -> ProgressRow {
    let dimension = target.value.dimension();
    let value = target.value.canonical_value();
    let upper = target.upper.map(|u| u.canonical_value());
    let deadline = target.deadline.end();
    let round = |d: Decimal| round_to(d, options.decimals);

    let mut row = ProgressRow {
        target_id: target.id.clone(),
        jurisdiction: target.jurisdiction.clone(),
        metric: target.metric.clone(),
        comparator: target.comparator,
        target_value: value,
        unit: dimension.canonical_unit(),
        deadline,
        latest_value: None,
        latest_as_of: None,
        progress: None,
        gap: None,
        met: None,
        pace: None,
        required_rate: None,
        observed_rate: None,
        pace_ratio: None,
        status: Status::NoData,
        rank: None,
    };

    // Without a figure nothing can be said of attainment, not even after
    // the deadline: the status stays `no_data`.
    let Some((t, x, bound)) = kept.latest else {
        return row;
    };

    row.latest_value = Some(x);
    row.latest_as_of = Some(t);

    let baseline = target
        .baseline
        .as_ref()
        .filter(|b| b.value.dimension() == dimension);
    // Higher is better measures from 0 when no baseline is stated; lower is
    // better has no natural origin, so it needs one. (x − b) / (T − b) is
    // (b − x) / (b − T): the same quotient either way round.
    let b = match (baseline, polarity) {
        (Some(b), _) => Some(b.value.canonical_value()),
        (None, Polarity::HigherIsBetter) => Some(Decimal::ZERO),
        (None, Polarity::LowerIsBetter) => None,
    };
    row.progress = b.and_then(|b| {
        let span = value.checked_sub(b).filter(|span| !span.is_zero())?;
        x.checked_sub(b)?.checked_div(span).map(round)
    });
    row.gap = value.checked_sub(x);

    let met = is_met(target.comparator, x, bound, value, upper);
    row.met = Some(met);
    if met {
        row.status = Status::Met;
        return row;
    }
    if deadline < as_of || t >= deadline {
        row.status = Status::Missed;
        return row;
    }

    // The first point of the period: the earliest figure on or after the
    // period start, or the baseline when it is strictly earlier.
    let first = kept.first;
    let base = baseline
        .map(|b| (b.as_of.last_day(), b.value.canonical_value()))
        .filter(|(day, _)| *day <= as_of);
    let start = match (first, base) {
        (Some(f), Some(b)) if b.0 < f.0 => Some(b),
        (Some(f), _) => Some(f),
        (None, b) => b,
    };
    let Some((t0, x0)) = start.filter(|(t0, _)| *t0 < t) else {
        row.status = Status::InsufficientData;
        return row;
    };

    // A range exceeded at the top aims at its upper bound.
    let aim = match (target.comparator, upper) {
        (Comparator::Range, Some(u)) if x > u => u,
        _ => value,
    };
    let compound = matches!(dimension, Dimension::DataVolume | Dimension::Money)
        && x0 > Decimal::ZERO
        && x > Decimal::ZERO
        && aim > Decimal::ZERO;
    let days_elapsed = (t - t0).num_days();
    let days_left = (deadline - t).num_days();
    let rates = if compound {
        compound_pace(x0, x, aim, days_elapsed, days_left)
    } else {
        linear_pace(x0, x, aim, days_elapsed, days_left)
    };
    let Some(rates) = rates else {
        row.status = Status::InsufficientData;
        return row;
    };

    row.status = match rates.ratio {
        Some(r) => options.bands.verdict(r),
        None => {
            // Required rate 0: the aim is reached but a strict comparator
            // asks for a little more; R is taken as its limit.
            let direction = match aim.cmp(&x) {
                Ordering::Greater => 1,
                Ordering::Less => -1,
                Ordering::Equal => match target.comparator {
                    Comparator::AtLeast | Comparator::MoreThan | Comparator::Range => 1,
                    Comparator::AtMost | Comparator::LessThan => -1,
                    Comparator::Exactly => 0,
                },
            };
            match (rates.observed.cmp(&Decimal::ZERO), direction) {
                (Ordering::Equal, _) | (_, 0) => options.bands.verdict(Decimal::ZERO),
                (Ordering::Greater, 1) | (Ordering::Less, -1) => Status::OnTrack,
                _ => Status::MovingAway,
            }
        }
    };
    row.pace = Some(if compound {
        Pace::Compound
    } else {
        Pace::Linear
    });
    row.required_rate = Some(round(rates.required));
    row.observed_rate = Some(round(rates.observed));
    row.pace_ratio = rates.ratio.map(round);
    row
}

/// Every target that counts on `as_of`, assessed and ranked.
///
/// For each metric in catalogue order, the targets chosen by
/// [`Catalog::select_targets`] (one per jurisdiction) are [`assess`]ed. Each
/// row's `rank` is its standard competition rank (1, 2, 2, 4) by `progress`
/// among the rows of the same metric, higher progress first whatever the
/// metric's polarity (progress already points toward the target), after
/// rounding to 6 significant digits ([`crate::engine::rank::competition_ranks`]).
/// Rows without progress (no figure, a lower-is-better target without a
/// baseline, or `T = b`) are unranked (`None`).
/// Rows are ordered by metric (catalogue order), then rank (unranked last),
/// then jurisdiction code.
///
/// ```
/// use chrono::NaiveDate;
/// use policy_targets::Catalog;
/// use policy_targets::progress::{progress, Options, Status};
///
/// let catalog = Catalog::from_toml_files([
///     ("jurisdictions.toml", r#"
///         [[jurisdiction]]
///         code = "320000"
///         name_zh = "江苏省"
///         name_en = "Jiangsu"
///         level = "province"
///
///         [[jurisdiction]]
///         code = "320500"
///         name_zh = "苏州市"
///         name_en = "Suzhou"
///         level = "prefecture"
///         parent = "320000"
///     "#),
///     ("metrics.toml", r#"
///         [[metric]]
///         id = "high_quality_datasets"
///         name_zh = "高质量数据集"
///         name_en = "High-quality datasets"
///         dimension = "count"
///         polarity = "higher_is_better"
///         basis = "stock"
///     "#),
///     ("sources/plans.toml", r#"
///         [source]
///         id = "plans"
///         title = "数据产业政策汇编"
///         issuer = "江苏省数据局"
///         published = 2025-03-31
///         status = "final"
///         force = "plan"
///
///         [[target]]
///         id = "jiangsu_2027"
///         jurisdiction = "320000"
///         metric = "high_quality_datasets"
///         comparator = "at_least"
///         value = 1000
///         unit = "个"
///         deadline = 2027
///         quote = "形成1000个高质量数据集"
///
///         [[target]]
///         id = "suzhou_2027"
///         jurisdiction = "320500"
///         metric = "high_quality_datasets"
///         comparator = "at_least"
///         value = 300
///         unit = "个"
///         deadline = 2027
///         quote = "不少于300个高质量数据集"
///
///         [[observation]]
///         id = "suzhou_2025"
///         jurisdiction = "320500"
///         metric = "high_quality_datasets"
///         value = 120
///         unit = "个"
///         as_of = "2025-06"
///         quote = "120个"
///     "#),
/// ])?;
///
/// let as_of = NaiveDate::from_ymd_opt(2025, 12, 31).unwrap();
/// let report = progress(&catalog, as_of, &Options::default());
/// let rows: Vec<(&str, Option<u32>, Status)> = report
///     .rows
///     .iter()
///     .map(|r| (r.jurisdiction.as_str(), r.rank, r.status))
///     .collect();
/// assert_eq!(rows, [
///     ("320500", Some(1), Status::InsufficientData), // 120 / 300 = 0.4, one figure
///     ("320000", None, Status::NoData),
/// ]);
/// # Ok::<(), policy_targets::Errors>(())
/// ```
pub fn progress(catalog: &Catalog, as_of: NaiveDate, options: &Options) -> Progress {
    let mut rows = Vec::new();
    for metric in catalog.metrics() {
        let mut group: Vec<ProgressRow> = catalog
            .select_targets(metric.id.as_str(), as_of)
            .into_iter()
            .map(|t| assess(catalog, t, as_of, options))
            .collect();
        rank_group(&mut group);
        rows.extend(group);
    }
    Progress {
        as_of,
        decimals: options.decimals,
        rows,
    }
}

/// Ranks the rows of one metric by progress and puts them in order: rank,
/// unranked last, then jurisdiction code.
fn rank_group(group: &mut [ProgressRow]) {
    let (ranked, values): (Vec<usize>, Vec<Decimal>) = group
        .iter()
        .enumerate()
        .filter_map(|(i, r)| r.progress.map(|p| (i, p)))
        .unzip();
    let ranks = competition_ranks(&values, Polarity::HigherIsBetter);
    for (i, rank) in ranked.into_iter().zip(ranks) {
        group[i].rank = Some(rank);
    }
    group.sort_by(|a, b| {
        (a.rank.is_none(), a.rank, &a.jurisdiction).cmp(&(
            b.rank.is_none(),
            b.rank,
            &b.jurisdiction,
        ))
    });
}

/// [`progress`] over a data folder, reading its `observations.csv` (if it
/// has one) once, as a stream.
///
/// The folder's TOML files and `targets.csv` are loaded as by
/// [`Catalog::load`]; then every row of `observations.csv` is checked as
/// that load would check it and offered to the target that counts for its
/// jurisdiction and metric, which keeps only the two points [`assess`]
/// needs (the latest figure on or before `as_of` and the first of the
/// period). The rows are the same as those of [`progress`] on the loaded
/// catalogue, computed by the same code; time grows with the number of
/// rows and memory with the number of targets, not with the file. The file
/// is read by several threads at once (one chunk each) where the machine
/// has several cores.
///
/// Returns the catalogue without the figures of `observations.csv` (for
/// names and labels) and the progress; or every problem of the folder, up
/// to 1000 per CSV file.
///
/// ```
/// use chrono::NaiveDate;
/// use policy_targets::progress::{progress_folder, Options};
///
/// let dir = std::env::temp_dir().join(format!("progress_folder_doc_{}", std::process::id()));
/// std::fs::create_dir_all(dir.join("sources")).unwrap();
/// std::fs::write(dir.join("jurisdictions.toml"), r#"
///     [[jurisdiction]]
///     code = "320000"
///     name_zh = "江苏省"
///     name_en = "Jiangsu"
///     level = "province"
/// "#).unwrap();
/// std::fs::write(dir.join("metrics.toml"), r#"
///     [[metric]]
///     id = "high_quality_datasets"
///     name_zh = "高质量数据集"
///     name_en = "High-quality datasets"
///     dimension = "count"
///     polarity = "higher_is_better"
///     basis = "stock"
/// "#).unwrap();
/// std::fs::write(dir.join("sources/plan.toml"), r#"
///     [source]
///     id = "plan"
///     title = "行动方案（2025—2027年）"
///     issuer = "江苏省数据局"
///     published = 2025-03-31
///     status = "final"
///     force = "plan"
///     period = "2025/2027"
/// "#).unwrap();
/// std::fs::write(dir.join("targets.csv"), "\
/// id,jurisdiction,metric,comparator,value,unit,deadline,period_start,source
/// datasets_2027,320000,high_quality_datasets,at_least,1000,个,2027,,plan
/// ").unwrap();
/// std::fs::write(dir.join("observations.csv"), "\
/// jurisdiction,metric,as_of,value,unit
/// 320000,high_quality_datasets,2025-12-31,400,个
/// 320000,high_quality_datasets,2026-12-31,700,个
/// ").unwrap();
///
/// let as_of = NaiveDate::from_ymd_opt(2027, 3, 1).unwrap();
/// let (_catalog, report) = progress_folder(&dir, as_of, &Options::default())?;
/// let row = &report.rows[0];
/// assert_eq!(row.latest_value.unwrap().to_string(), "700");
/// assert_eq!(row.progress.unwrap().to_string(), "0.7");
/// assert_eq!(row.pace_ratio.unwrap().to_string(), "1");
/// std::fs::remove_dir_all(&dir).unwrap();
/// # Ok::<(), policy_targets::Errors>(())
/// ```
pub fn progress_folder(
    dir: impl AsRef<Path>,
    as_of: NaiveDate,
    options: &Options,
) -> Result<(Catalog, Progress), Errors> {
    let dir = dir.as_ref();
    let catalog = crate::load::load_folder(dir, crate::load::bulk::Rows::None)?;
    let csv = dir.join(bulk::OBSERVATIONS_CSV);
    let report = if csv.is_file() {
        stream(
            &catalog,
            &csv,
            as_of,
            options,
            bulk::default_threads(),
            bulk::MIN_CHUNK,
        )?
    } else {
        progress(&catalog, as_of, options)
    };
    Ok((catalog, report))
}

/// Where each target that counts keeps its points: by jurisdiction and
/// metric number.
enum Slots {
    Dense { metrics: usize, slot: Vec<u32> },
    Sparse(HashMap<u64, u32, crate::util::FxBuild>),
}

const NO_SLOT: u32 = u32::MAX;

impl Slots {
    fn new(jurisdictions: usize, metrics: usize) -> Slots {
        match jurisdictions.checked_mul(metrics) {
            Some(n) if n <= 1 << 24 => Slots::Dense {
                metrics,
                slot: vec![NO_SLOT; n],
            },
            _ => Slots::Sparse(HashMap::default()),
        }
    }

    fn set(&mut self, j: u32, m: u32, value: u32) {
        match self {
            Slots::Dense { metrics, slot } => slot[j as usize * *metrics + m as usize] = value,
            Slots::Sparse(map) => {
                map.insert(u64::from(j) << 32 | u64::from(m), value);
            }
        }
    }

    #[inline]
    fn get(&self, j: u32, m: u32) -> Option<usize> {
        let s = match self {
            Slots::Dense { metrics, slot } => slot[j as usize * *metrics + m as usize],
            Slots::Sparse(map) => *map.get(&(u64::from(j) << 32 | u64::from(m)))?,
        };
        (s != NO_SLOT).then_some(s as usize)
    }
}

/// The points of every target that counts, from one chunk of the file.
struct Keeper<'a> {
    slots: &'a Slots,
    period_start: &'a [NaiveDate],
    as_of: NaiveDate,
    kept: Vec<Kept<Decimal>>,
}

impl bulk::Sink for Keeper<'_> {
    const NEEDS_QUANTITY: bool = false;

    #[inline]
    fn row(&mut self, row: &bulk::Row) {
        if let Some(s) = self.slots.get(row.jurisdiction, row.metric) {
            self.kept[s].offer(
                row.day,
                row.canonical,
                None,
                self.as_of,
                self.period_start[s],
            );
        }
    }
}

/// The targets that count on `as_of`, per metric in catalogue order: those
/// of [`Catalog::select_targets`], found in one pass over the targets
/// (rather than one per metric) and taken as they are on a metric where no
/// jurisdiction has two candidates.
fn select_all(catalog: &Catalog, as_of: NaiveDate) -> Vec<Vec<&Target>> {
    let in_force = catalog.sources_in_force(as_of);
    let mut by_metric: HashMap<&str, Vec<&Target>> = HashMap::new();
    for t in catalog.targets() {
        if in_force.contains(t.source.as_str()) {
            by_metric.entry(t.metric.as_str()).or_default().push(t);
        }
    }
    catalog
        .metrics()
        .iter()
        .map(|m| {
            let candidates = by_metric.remove(m.id.as_str()).unwrap_or_default();
            let mut seen = HashSet::with_capacity(candidates.len());
            if candidates.iter().all(|t| seen.insert(&t.jurisdiction)) {
                candidates
            } else {
                catalog.select_targets(m.id.as_str(), as_of)
            }
        })
        .collect()
}

/// [`progress`] with the figures of `csv` added after the catalogue's, read
/// as a stream.
pub(crate) fn stream(
    catalog: &Catalog,
    csv: &Path,
    as_of: NaiveDate,
    options: &Options,
    threads: usize,
    min_chunk: u64,
) -> Result<Progress, Errors> {
    let keys = bulk::Keys::of_catalog(catalog);

    let selected = select_all(catalog, as_of);
    let mut slots = Slots::new(keys.jurisdiction_count(), keys.metric_count());
    let mut targets: Vec<&Target> = Vec::new();
    let mut groups: Vec<Vec<usize>> = Vec::with_capacity(selected.len());
    for group in &selected {
        let mut numbers = Vec::with_capacity(group.len());
        for t in group {
            // A catalogue's references resolve.
            if let (Some(j), Some(m)) = (
                keys.jurisdiction(t.jurisdiction.as_str()),
                keys.metric(t.metric.as_str()),
            ) {
                slots.set(j, m, targets.len() as u32);
                numbers.push(targets.len());
                targets.push(t);
            }
        }
        groups.push(numbers);
    }
    let period_start: Vec<NaiveDate> = targets.iter().map(|t| catalog.period_start(t)).collect();
    let polarities: Vec<Polarity> = targets.iter().map(|t| polarity(catalog, t)).collect();

    // The catalogue's own figures come first, as in a loaded catalogue.
    let mut kept = vec![Kept::default(); targets.len()];
    for o in catalog.observations() {
        let (Some(j), Some(m)) = (
            keys.jurisdiction(o.jurisdiction.as_str()),
            keys.metric(o.metric.as_str()),
        ) else {
            continue;
        };
        if let Some(s) = slots.get(j, m) {
            if o.value.dimension() == targets[s].value.dimension() {
                kept[s].offer(
                    o.date(),
                    o.value.canonical_value(),
                    o.comparator,
                    as_of,
                    period_start[s],
                );
            }
        }
    }

    let make = || Keeper {
        slots: &slots,
        period_start: &period_start,
        as_of,
        kept: vec![Kept::default(); targets.len()],
    };
    let (chunks, errors) = bulk::scan_with(csv, &keys, threads, min_chunk, make);
    if !errors.is_empty() {
        return Err(Errors::from_vec(errors));
    }
    for (chunk, _) in chunks {
        for (k, later) in kept.iter_mut().zip(chunk.kept) {
            *k = k.then(later);
        }
    }

    // Rows are independent: evaluated on all threads (the compound rates'
    // logarithms and exponentials dominate), then ranked per metric.
    let mut evaluated: Vec<Option<ProgressRow>> = vec![None; targets.len()];
    let per_thread = targets.len().div_ceil(threads.max(1)).max(1);
    std::thread::scope(|scope| {
        for (k, part) in evaluated.chunks_mut(per_thread).enumerate() {
            let (targets, polarities, kept) = (&targets, &polarities, &kept);
            scope.spawn(move || {
                for (i, slot) in part.iter_mut().enumerate() {
                    let s = k * per_thread + i;
                    let points = kept[s].map(|v| v.normalize());
                    *slot = Some(evaluate(targets[s], polarities[s], &points, as_of, options));
                }
            });
        }
    });
    let mut rows = Vec::with_capacity(targets.len());
    for numbers in groups {
        let mut group: Vec<ProgressRow> = numbers
            .into_iter()
            .filter_map(|s| evaluated[s].take())
            .collect();
        rank_group(&mut group);
        rows.extend(group);
    }
    Ok(Progress {
        as_of,
        decimals: options.decimals,
        rows,
    })
}

/// Whether a figure `x` meets a target, where the figure may be a bound.
fn is_met(
    comparator: Comparator,
    x: Decimal,
    bound: Option<Comparator>,
    value: Decimal,
    upper: Option<Decimal>,
) -> bool {
    comparator.is_met(x, value, upper)
        || (x == value
            && matches!(
                (bound, comparator),
                (Some(Comparator::MoreThan), Comparator::MoreThan)
                    | (Some(Comparator::LessThan), Comparator::LessThan)
            ))
}

/// Unrounded rates of a pace; `ratio` is `None` when `required` is 0.
#[derive(Debug)]
struct Rates {
    required: Decimal,
    observed: Decimal,
    ratio: Option<Decimal>,
}

fn round_to(d: Decimal, decimals: u32) -> Decimal {
    d.round_dp_with_strategy(decimals, RoundingStrategy::MidpointNearestEven)
        .normalize()
}

/// `delta` per year over `days` days: `delta · 365.2425 / days`.
fn linear_rate(delta: Decimal, days: i64) -> Option<Decimal> {
    if days <= 0 {
        return None;
    }
    delta
        .checked_mul(DAYS_PER_YEAR)?
        .checked_div(Decimal::from(days))
}

/// The yearly growth rate of a factor `ratio` reached over `days` days:
/// `ratio^(365.2425 / days) − 1`, as `exp(ln(ratio) · 365.2425 / days) − 1`,
/// with an absolute error below `1e-24 × max(1, 1 + rate)` (see
/// [`Pace::Compound`]); `None` when the power overflows.
fn compound_rate(ratio: Decimal, days: i64) -> Option<Decimal> {
    if days <= 0 || ratio <= Decimal::ZERO {
        return None;
    }
    if ratio == Decimal::ONE {
        return Some(Decimal::ZERO);
    }
    let exponent = ratio
        .checked_ln()?
        .checked_mul(DAYS_PER_YEAR)?
        .checked_div(Decimal::from(days))?;
    exponent.checked_exp()?.checked_sub(Decimal::ONE)
}

fn linear_pace(x0: Decimal, x: Decimal, aim: Decimal, elapsed: i64, left: i64) -> Option<Rates> {
    let needed = aim.checked_sub(x)?;
    let moved = x.checked_sub(x0)?;
    let required = linear_rate(needed, left)?;
    let observed = linear_rate(moved, elapsed)?;
    // The years cancel: R = moved · left / (needed · elapsed), one division.
    let ratio = if needed.is_zero() {
        None
    } else {
        let num = moved.checked_mul(Decimal::from(left))?;
        let den = needed.checked_mul(Decimal::from(elapsed))?;
        Some(num.checked_div(den)?)
    };
    Some(Rates {
        required,
        observed,
        ratio,
    })
}

fn compound_pace(x0: Decimal, x: Decimal, aim: Decimal, elapsed: i64, left: i64) -> Option<Rates> {
    let required = compound_rate(aim.checked_div(x)?, left)?;
    let observed = compound_rate(x.checked_div(x0)?, elapsed)?;
    let ratio = if required.is_zero() {
        None
    } else {
        Some(observed.checked_div(required)?)
    };
    Some(Rates {
        required,
        observed,
        ratio,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> Decimal {
        s.parse().unwrap()
    }

    #[test]
    fn days_per_year() {
        assert_eq!(DAYS_PER_YEAR, d("365.2425"));
    }

    #[test]
    fn linear_rate_is_one_exact_division() {
        // +100 over 730 days: 100 × 365.2425 / 730 = 36524.25 / 730
        // = 50.03321917808219178082191780821… (repeating; Decimal keeps 28-29
        // significant digits).
        let r = linear_rate(d("100"), 730).unwrap();
        assert!(
            (r - d("50.033219178082191780821917808")).abs() < d("1e-26"),
            "{r}"
        );
        // +4 over 1461 days (4 × 365.25): 1460.97 / 1461 = 0.99997946611…
        assert_eq!(
            round_to(linear_rate(d("4"), 1461).unwrap(), 6),
            d("0.999979")
        );
        // −20 over 365 days: −7304.85 / 365 = −20.0132876712328767123287671…
        let r = linear_rate(d("-20"), 365).unwrap();
        assert!(
            (r - d("-20.013287671232876712328767123")).abs() < d("1e-26"),
            "{r}"
        );
        assert_eq!(round_to(r, 6), d("-20.013288"));
        assert!(linear_rate(d("1"), 0).is_none());
        assert!(
            linear_rate(Decimal::MAX, 1).is_none(),
            "overflow is None, not a panic"
        );
    }

    #[test]
    fn compound_rate_against_a_60_digit_reference() {
        // References computed with 60-digit decimal arithmetic
        // (exp(ln(r) · 365.2425 / days) − 1).
        // 2^(365.2425/365) − 1 = 1.00092124329229689631422967379478…
        let r = compound_rate(d("2"), 365).unwrap();
        assert!(
            (r - d("1.0009212432922968963142296738")).abs() < d("1e-20"),
            "{r}"
        );
        // 1.21^(365.2425/730) − 1 = 0.10006965697379541124655605767…
        let r = compound_rate(d("1.21"), 730).unwrap();
        assert!(
            (r - d("0.1000696569737954112465560577")).abs() < d("1e-20"),
            "{r}"
        );
        assert_eq!(round_to(r, 6), d("0.10007"));
        // Halving: 0.5^(365.2425/365) − 1 = −0.50023020478576685289992620846…
        let r = compound_rate(d("0.5"), 365).unwrap();
        assert!(
            (r - d("-0.5002302047857668528999262085")).abs() < d("1e-20"),
            "{r}"
        );
        // No change, no growth, exactly.
        assert_eq!(compound_rate(Decimal::ONE, 365), Some(Decimal::ZERO));
        assert!(compound_rate(Decimal::ZERO, 365).is_none());
        assert!(compound_rate(d("2"), 0).is_none());
        // A factor of 1e20 in one day: the power overflows, and that is
        // None, not a panic.
        assert!(compound_rate(d("100000000000000000000"), 1).is_none());
    }

    #[test]
    fn compound_rate_error_is_within_the_documented_bound() {
        // |rate − reference| < 1e-24 × max(1, 1 + reference), the bound
        // stated at Pace::Compound; references from 80-digit arithmetic of
        // exp(ln(r) · 365.2425 / days) − 1.
        let cases = [
            // Ordinary growth and decline.
            ("2", 365, "1.0009212432922968963142296737947842701"),
            ("1.21", 730, "0.1000696569737954112465560576794750434"),
            ("0.5", 365, "-0.5002302047857668528999262084601285775"),
            // A tiny rate: 24 correct places, so only about 10 significant
            // digits of 1.00011637458922115…e-14.
            (
                "1.0000000000001",
                3652,
                "0.0000000000000100011637458922115087629991960881804",
            ),
            // Steep growth: 100^(365.2425 / 60) − 1 ≈ 1.5e12, known to 24
            // significant digits.
            ("100", 60, "1495374601469.3210343465954326196122353"),
            // Steep decline: 0.01^(365.2425 / 60) − 1, close to −1.
            ("0.01", 60, "-0.9999999999993312712419906329552298445"),
        ];
        for (r, days, reference) in cases {
            let reference = d(reference);
            let rate = compound_rate(d(r), days).unwrap();
            let bound = d("1e-24") * (Decimal::ONE + reference).max(Decimal::ONE);
            assert!(
                (rate - reference).abs() < bound,
                "{r} over {days} days: {rate} vs {reference}"
            );
        }
    }

    #[test]
    fn linear_ratio_cancels_the_years() {
        // 365 days each side: R = (80 − 61) / (100 − 80) = 19/20 = 0.95 exactly.
        let rates = linear_pace(d("61"), d("80"), d("100"), 365, 365).unwrap();
        assert_eq!(rates.ratio, Some(d("0.95")));
        // Elapsed 200 days, left 100: R = (80 − 61)·100 / (20·200) = 1900/4000.
        let rates = linear_pace(d("61"), d("80"), d("100"), 200, 100).unwrap();
        assert_eq!(rates.ratio, Some(d("0.475")));
        // Lower is better: 89 → 70, aim 50: R = (−19)·365 / ((−20)·365) = 0.95.
        let rates = linear_pace(d("89"), d("70"), d("50"), 365, 365).unwrap();
        assert_eq!(rates.ratio, Some(d("0.95")));
        assert!(rates.required < Decimal::ZERO && rates.observed < Decimal::ZERO);
        // At the aim: no ratio.
        assert_eq!(
            linear_pace(d("90"), d("100"), d("100"), 365, 365)
                .unwrap()
                .ratio,
            None
        );
    }

    #[test]
    fn compound_ratio() {
        // Same factor over the same span: R = 1 exactly (same computation).
        let rates = compound_pace(d("1000"), d("2000"), d("4000"), 365, 365).unwrap();
        assert_eq!(rates.ratio, Some(Decimal::ONE));
        // No change: R = 0 exactly.
        let rates = compound_pace(d("1000"), d("1000"), d("4000"), 365, 365).unwrap();
        assert_eq!(rates.ratio, Some(Decimal::ZERO));
        // Doubling observed over 2 × 365 days, doubling required over 365:
        // (2^(e/2) − 1) / (2^e − 1) with e = 365.2425/365 ≈ 1.000664:
        // 0.414539… / 1.000921… = 0.41415769356701378448… (60-digit reference)
        let rates = compound_pace(d("1000"), d("2000"), d("4000"), 730, 365).unwrap();
        assert_eq!(round_to(rates.ratio.unwrap(), 6), d("0.414158"));
    }

    #[test]
    fn band_edges_are_exact() {
        let bands = Bands::default();
        assert_eq!(bands.verdict(d("0.95")), Status::OnTrack);
        assert_eq!(
            bands.verdict(d("0.9499999999999999999999999999")),
            Status::AccelerationNeeded
        );
        assert_eq!(bands.verdict(d("0.6")), Status::AccelerationNeeded);
        assert_eq!(
            bands.verdict(d("0.5999999999999999999999999999")),
            Status::LimitedProgress
        );
        assert_eq!(bands.verdict(Decimal::ZERO), Status::LimitedProgress);
        assert_eq!(
            bands.verdict(d("-0.0000000000000000000000000001")),
            Status::MovingAway
        );
        assert_eq!(bands.verdict(d("7")), Status::OnTrack);
        let strict = Bands {
            on_track: d("1"),
            acceleration_needed: d("0.8"),
            limited_progress: d("0.1"),
        };
        assert_eq!(strict.verdict(d("0.95")), Status::AccelerationNeeded);
        assert_eq!(strict.verdict(d("0.05")), Status::MovingAway);
    }

    #[test]
    fn rounding_is_half_to_even_without_trailing_zeros() {
        assert_eq!(round_to(d("0.0000005"), 6), d("0"));
        assert_eq!(round_to(d("0.0000015"), 6), d("0.000002"));
        assert_eq!(round_to(d("0.950000"), 6).to_string(), "0.95");
        assert_eq!(round_to(d("-0.0000001"), 6).to_string(), "0");
        assert_eq!(round_to(d("2.5"), 0), d("2"));
    }

    #[test]
    fn bounds_settle_strict_targets_at_equality() {
        let n = d("100");
        assert!(is_met(Comparator::AtLeast, n, None, n, None));
        assert!(!is_met(Comparator::MoreThan, n, None, n, None));
        assert!(is_met(
            Comparator::MoreThan,
            n,
            Some(Comparator::MoreThan),
            n,
            None
        ));
        assert!(!is_met(
            Comparator::MoreThan,
            n,
            Some(Comparator::AtLeast),
            n,
            None
        ));
        assert!(is_met(
            Comparator::LessThan,
            n,
            Some(Comparator::LessThan),
            n,
            None
        ));
        assert!(!is_met(
            Comparator::LessThan,
            n,
            Some(Comparator::MoreThan),
            n,
            None
        ));
        assert!(is_met(Comparator::Range, n, None, d("90"), Some(n)));
        assert!(!is_met(Comparator::Range, d("101"), None, d("90"), Some(n)));
    }

    #[test]
    fn names_round_trip() {
        for s in Status::ALL {
            assert_eq!(s.as_str().parse::<Status>().unwrap(), s);
            let json = serde_json::to_string(&s).unwrap();
            assert_eq!(json, format!("\"{s}\""));
            assert_eq!(serde_json::from_str::<Status>(&json).unwrap(), s);
        }
        assert_eq!(
            "late".parse::<Status>().unwrap_err().to_string(),
            r#"invalid progress status "late": expected one of met, missed, no_data, insufficient_data, on_track, acceleration_needed, limited_progress, moving_away"#
        );
        for p in [Pace::Linear, Pace::Compound] {
            assert_eq!(p.to_string().parse::<Pace>().unwrap(), p);
        }
    }
}
