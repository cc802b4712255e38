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

use chrono::NaiveDate;
use rust_decimal::Decimal;
use serde::ser::{Serialize, SerializeStruct, Serializer};

use crate::encode::JsonDecimal;
use crate::engine::rank::competition_ranks;
use crate::{Catalog, Comparator, Fit, Id, JurisdictionCode, Polarity, Unit};

mod assessment;
mod certain;
mod pace;
mod stream;
mod trajectory;

pub use assessment::assess;
pub use pace::{Bands, DAYS_PER_YEAR, Pace, Status};
#[cfg(test)]
pub(crate) use stream::stream;
#[cfg(feature = "sqlite")]
pub(crate) use stream::stream_with;
pub use stream::{progress_folder, progress_folder_each};
pub use trajectory::{Fallback, Trajectory};

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
    /// Decimal places that `progress`, `required_rate`, `observed_rate`,
    /// `pace_ratio`, `projected_value` and the trend's rate and `R²` are
    /// rounded to (default 6), half to even (banker's rounding), trailing
    /// zeros dropped. Verdicts are decided before rounding.
    pub decimals: u32,
    /// Leave out the targets and reported figures whose source's grade
    /// ([`Catalog::grade_of`]) is below this one, or that have none
    /// (`targets progress --min-grade`); `None` (the default) keeps all.
    /// A target is then judged on the figures that pass only.
    pub min_grade: Option<crate::Grade>,
    /// The fit of every target's trend ([`Trajectory`]); `None` (the
    /// default) takes the metric's `trend`, else linear.
    pub trend: Option<Fit>,
}

impl Default for Options {
    /// The default bands, 6 decimal places, every grade and each metric's
    /// own trend.
    fn default() -> Options {
        Options {
            bands: Bands::default(),
            decimals: 6,
            min_grade: None,
            trend: None,
        }
    }
}

impl Options {
    /// These options with the pace bands `bands`.
    ///
    /// ```
    /// use chrono::NaiveDate;
    /// use policy_targets::{Catalog, Grade, progress::{Options, progress}};
    ///
    /// let catalog = Catalog::bundled()?;
    /// let as_of = NaiveDate::from_ymd_opt(2026, 6, 30).unwrap();
    /// let options = Options::default().min_grade(Grade::Press);
    /// let report = progress(&catalog, as_of, &options);
    /// assert!(report.rows.iter().all(|r| r.target_id.as_str() != "henan_data_backbone_enterprises_2027"));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn bands(mut self, bands: Bands) -> Options {
        self.bands = bands;
        self
    }

    /// These options with rates and ratios rounded to `decimals` places.
    pub fn decimals(mut self, decimals: u32) -> Options {
        self.decimals = decimals;
        self
    }

    /// These options leaving out figures of sources graded below `grade`.
    pub fn min_grade(mut self, grade: crate::Grade) -> Options {
        self.min_grade = Some(grade);
        self
    }

    /// These options fitting every trend with `fit`.
    pub fn trend(mut self, fit: Fit) -> Options {
        self.trend = Some(fit);
        self
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
///     projected_value: None,
///     projected_attainment: None,
///     trend: None,
/// };
/// let json = serde_json::to_string(&row).unwrap();
/// assert!(json.starts_with(r#"{"target_id":"suzhou_datasets_2027","jurisdiction":"320500""#));
/// assert!(json.contains(r#""target_value":300,"unit":"count","deadline":"2027-12-31""#));
/// assert!(json.contains(r#""progress":0.4,"gap":180,"met":false,"pace":null"#));
/// assert!(json.ends_with(r#""status":"insufficient_data","rank":1,"projected_value":null,"projected_attainment":null,"trend":null}"#));
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
    /// The trend's value on the deadline's last day, rounded to
    /// [`Options::decimals`]; `None` without a trend.
    pub projected_value: Option<Decimal>,
    /// The first day from which the trend meets the target through the
    /// deadline ([`Trajectory::attainment`]); `None` without a trend, or
    /// when the trend does not meet the target by the deadline.
    pub projected_attainment: Option<NaiveDate>,
    /// The least-squares trend through the target's figures in its period
    /// (from the period start to the deadline, known on the as-of date);
    /// `None` without figures on two different days.
    pub trend: Option<Trend>,
}

/// A row's trend: the [`Trajectory`] with its rate per year and `R²`
/// rounded to [`Options::decimals`].
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Trend {
    /// The trend itself.
    pub trajectory: Trajectory,
    /// [`Trajectory::rate`], rounded.
    pub rate: Option<Decimal>,
    /// [`Trajectory::r_squared`], rounded.
    pub r_squared: Option<Decimal>,
}

/// Every target that counts on a date, assessed and ranked.
///
/// `Serialize` writes the `targets progress` JSON contract:
/// `{"as_of", "rows": [...]}`.
///
/// ```
/// use policy_targets::progress::Progress;
///
/// let empty = Progress {
///     as_of: "2025-12-31".parse().unwrap(),
///     decimals: 6,
///     rows: Vec::new(),
///     min_grade: None,
///     left_out: 0,
/// };
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
    /// The minimum grade the figures were held to ([`Options::min_grade`]).
    pub min_grade: Option<crate::Grade>,
    /// How many targets in force were left out for the grade of their
    /// source (0 without a minimum grade). Reported figures left out are not
    /// counted: a target shows them missing as `no_data` or an earlier figure.
    pub left_out: usize,
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
    projected_value: Option<JsonDecimal>,
    projected_attainment: Option<NaiveDate>,
    trend: Option<TrendJson>,
}

/// A row's least-squares trend: which fit, through how many figures from
/// which day on, its rate per year and `R²` (both rounded like the
/// rates), and why it is not the fit asked for.
#[derive(serde::Serialize, schemars::JsonSchema)]
#[schemars(rename = "Trend")]
pub(crate) struct TrendJson {
    /// `linear` or `compound`.
    fit: Fit,
    /// How many figures the trend goes through.
    figures: u64,
    /// The day of the earliest figure.
    first: NaiveDate,
    /// The change per year: an amount in the row's unit (linear) or a
    /// growth rate (compound, 0.25 = 25 % a year).
    rate: Option<JsonDecimal>,
    /// The coefficient of determination of the fit; null when all figures
    /// are equal.
    r_squared: Option<JsonDecimal>,
    /// Why the fit is not the one asked for (`non_positive_figure`).
    fallback: Option<Fallback>,
}

impl From<&Trend> for TrendJson {
    fn from(trend: &Trend) -> TrendJson {
        let t = &trend.trajectory;
        TrendJson {
            fit: t.fit,
            figures: t.figures,
            first: t.first,
            rate: trend.rate.map(JsonDecimal),
            r_squared: trend.r_squared.map(JsonDecimal),
            fallback: t.fallback,
        }
    }
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
            projected_value: decimal(r.projected_value),
            projected_attainment: r.projected_attainment,
            trend: r.trend.as_ref().map(Into::into),
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

/// The figures reported on or before `as_of` that no target measures: no
/// target of the same jurisdiction and metric (population and GDP aside,
/// which are denominators), in catalogue order.
///
/// ```
/// use chrono::NaiveDate;
/// use policy_targets::{Catalog, progress::unmatched};
///
/// let catalog = Catalog::bundled()?;
/// let as_of = NaiveDate::from_ymd_opt(2025, 12, 31).unwrap();
/// let figures = unmatched(&catalog, as_of);
/// assert!(figures.iter().any(|o| o.metric.as_str() == "intelligent_computing_power"));
/// assert!(figures.iter().all(|o| o.metric.as_str() != "resident_population"));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub fn unmatched(catalog: &Catalog, as_of: NaiveDate) -> Vec<&crate::Observation> {
    let targeted: std::collections::HashSet<(&str, &str)> = catalog
        .targets()
        .iter()
        .map(|t| (t.jurisdiction.as_str(), t.metric.as_str()))
        .collect();
    catalog
        .observations()
        .iter()
        .filter(|o| o.date() <= as_of)
        .filter(|o| !crate::Per::DENOMINATOR_METRICS.contains(&o.metric.as_str()))
        .filter(|o| !targeted.contains(&(o.jurisdiction.as_str(), o.metric.as_str())))
        .collect()
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
    let mut left_out = 0;
    for metric in catalog.metrics() {
        let (chosen, out) = catalog.select_graded(metric.id.as_str(), as_of, options.min_grade);
        left_out += out;
        let mut group: Vec<ProgressRow> = chosen
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
        min_grade: options.min_grade,
        left_out,
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
    // The order is found on small keys, then the rows are moved once each
    // (a sort of the rows themselves would move them many times).
    // Unranked rows last (no rank reaches u32::MAX), each set by
    // jurisdiction, ties in their order (the position decides).
    let mut keys: Vec<(u32, &str, usize)> = group
        .iter()
        .enumerate()
        .map(|(i, r)| (r.rank.unwrap_or(u32::MAX), r.jurisdiction.as_str(), i))
        .collect();
    keys.sort_unstable();
    let order: Vec<usize> = keys.into_iter().map(|(_, _, i)| i).collect();
    permute(group, &order);
}

/// Reorders `items` so that position `k` holds what was at `order[k]`
/// (`order` a permutation of the positions), following each cycle once.
fn permute<T>(items: &mut [T], order: &[usize]) {
    let mut placed = vec![false; items.len()];
    for start in 0..items.len() {
        let mut at = start;
        while !placed[at] {
            placed[at] = true;
            let from = order[at];
            if from == start {
                break;
            }
            items.swap(at, from);
            at = from;
        }
    }
}

#[cfg(test)]
mod tests {
    use proptest::prelude::*;

    proptest! {
        #[test]
        fn permute_puts_each_item_where_the_order_says(
            order in (0usize..40).prop_flat_map(|n| Just((0..n).collect::<Vec<_>>()).prop_shuffle())
        ) {
            let items: Vec<usize> = (100..100 + order.len()).collect();
            let mut moved = items.clone();
            super::permute(&mut moved, &order);
            let expected: Vec<usize> = order.iter().map(|&k| items[k]).collect();
            prop_assert_eq!(moved, expected);
        }
    }
}
