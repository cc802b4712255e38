//! One target assessed on a date: the figures kept ([`Kept`]), the
//! attainment and the pace verdict.

use std::cmp::Ordering;

use chrono::NaiveDate;
use rust_decimal::Decimal;

use super::certain;
use super::pace::{Rates, compound_pace, linear_pace, quotient_rounded, round_to};
use super::trajectory::{Sums, day_number};
use super::{Options, Pace, ProgressRow, Status, Trend};
use crate::{Catalog, Comparator, Dimension, Fit, Polarity, Target};

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
/// that `x_t` exceeds. The verdict is [`Bands::verdict`](super::Bands::verdict) of
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
    let frame = Frame::new(catalog, target, as_of, options);
    let mut kept = Kept::default();
    for o in catalog.observations() {
        if o.jurisdiction == target.jurisdiction
            && o.metric == target.metric
            && o.value.dimension() == dimension
            && catalog.passes(o.source.as_str(), options.min_grade)
        {
            kept.offer(o.date(), o.value.canonical_value(), o.comparator, &frame);
        }
    }
    evaluate(target, polarity(catalog, target), &kept, &frame, options)
}

/// What a target's figures are kept against: the as-of date, the period
/// (from its start to the deadline's last day) and the trend's fit.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Frame {
    pub(crate) as_of: NaiveDate,
    pub(crate) period_start: NaiveDate,
    pub(crate) deadline: NaiveDate,
    /// The day number ([`day_number`]) of the period start: the trend's
    /// origin.
    origin: i64,
    pub(crate) fit: Fit,
}

impl Frame {
    /// The frame of `target` on `as_of`: the fit is [`Options::trend`],
    /// else the metric's, else linear.
    pub(crate) fn new(
        catalog: &Catalog,
        target: &Target,
        as_of: NaiveDate,
        options: &Options,
    ) -> Frame {
        Frame::of(
            target,
            catalog.source(target.source.as_str()),
            catalog.metric(target.metric.as_str()),
            as_of,
            options,
        )
    }

    /// [`Frame::new`], given the target's source and metric.
    pub(crate) fn of(
        target: &Target,
        source: Option<&crate::Source>,
        metric: Option<&crate::Metric>,
        as_of: NaiveDate,
        options: &Options,
    ) -> Frame {
        let period_start = crate::catalog::period_start_of(target, source);
        let metric_fit = metric.and_then(|m| m.trend);
        Frame {
            as_of,
            period_start,
            deadline: target.deadline.end(),
            origin: day_number(period_start),
            fit: options.trend.or(metric_fit).unwrap_or_default(),
        }
    }
}

/// The polarity of a target's metric. A catalogue's references resolve; a
/// metric that did not would count as higher is better.
pub(super) fn polarity(catalog: &Catalog, target: &Target) -> Polarity {
    catalog
        .metric(target.metric.as_str())
        .map_or(Polarity::HigherIsBetter, |m| m.polarity)
}

/// The points of a target's figures that [`assess`] needs, kept while the
/// figures go by in catalogue order: the latest figure on or before the
/// as-of date (of several on its day, the last offered) and the earliest on
/// or after the period start (likewise the last offered of its day).
///
/// The streaming engine ([`progress_folder`](super::progress_folder)) keeps one of these per target
/// while it reads `observations.csv`, with values in the canonical unit.
///
/// It also keeps the running sums of the trend ([`Sums`]) over the figures
/// of the period (from its start to the deadline's last day) known on the
/// as-of date.
///
/// It is aligned to 64 bytes (a cache line) and spans two: the streaming
/// path touches one per row, in whatever order the rows come.
#[derive(Clone, Debug)]
#[repr(align(64))]
pub(crate) struct Kept<V> {
    latest: Option<(NaiveDate, V, Option<Comparator>)>,
    first: Option<(NaiveDate, V)>,
    sums: Sums,
}

impl<V> Default for Kept<V> {
    fn default() -> Kept<V> {
        Kept {
            latest: None,
            first: None,
            sums: Sums::default(),
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
        frame: &Frame,
    ) where
        V: Into<Decimal>,
    {
        if day > frame.as_of {
            return; // not yet known
        }
        if self.latest.is_none_or(|(d, ..)| day >= d) {
            self.latest = Some((day, value, bound));
        }
        if day >= frame.period_start {
            if self.first.is_none_or(|(d, _)| day <= d) {
                self.first = Some((day, value));
            }
            if day <= frame.deadline {
                let t = day_number(day) - frame.origin;
                self.sums.add(t, value.into(), frame.fit == Fit::Compound);
            }
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
            sums: self.sums.then(later.sums),
        }
    }

    /// The same points with their values mapped.
    pub(crate) fn map<W>(&self, f: impl Fn(V) -> W) -> Kept<W> {
        Kept {
            latest: self.latest.map(|(d, v, b)| (d, f(v), b)),
            first: self.first.map(|(d, v)| (d, f(v))),
            sums: self.sums.clone(),
        }
    }
}

/// The row of a target from the points kept of its figures (canonical
/// values): the formulas of [`assess`].
pub(crate) fn evaluate(
    target: &Target,
    polarity: Polarity,
    kept: &Kept<Decimal>,
    frame: &Frame,
    options: &Options,
) -> ProgressRow {
    evaluate_row(unassessed(target), target, polarity, kept, frame, options)
}

/// [`evaluate`], from the target's row before any figure is looked at
/// ([`unassessed`] or [`unassessed_as`]).
pub(crate) fn evaluate_row(
    mut row: ProgressRow,
    target: &Target,
    polarity: Polarity,
    kept: &Kept<Decimal>,
    frame: &Frame,
    options: &Options,
) -> ProgressRow {
    let as_of = frame.as_of;
    let dimension = target.value.dimension();
    let value = target.value.canonical_value();
    let upper = target.upper.map(|u| u.canonical_value());
    let deadline = target.deadline.end();
    let round = |d: Decimal| round_to(d, options.decimals);
    project(&mut row, kept, frame, target, options);

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
    row.progress = attainment(
        baseline.map(|b| b.value.canonical_value()),
        polarity,
        value,
        x,
    )
    .and_then(|(done, span)| quotient_rounded(done, span, options.decimals));
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
    let base = baseline
        .map(|b| (b.as_of.last_day(), b.value.canonical_value()))
        .filter(|(day, _)| *day <= as_of);
    let start = match (kept.first, base) {
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
        // The floating-point rates where they surely show the same, else
        // the exact ones.
        certain::compound_pace(
            x0,
            x,
            aim,
            days_elapsed,
            days_left,
            options.decimals,
            &options.bands,
        )
        .or_else(|| compound_pace(x0, x, aim, days_elapsed, days_left))
    } else {
        linear_pace(x0, x, aim, days_elapsed, days_left)
    };
    let Some(rates) = rates else {
        row.status = Status::InsufficientData;
        return row;
    };

    row.status = pace_verdict(&rates, aim, x, target.comparator, options);
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

/// The trajectory of a row's target: the trend through the figures of the
/// period, its value at the deadline (rounded like the rates) and the day it
/// meets the target.
fn project(
    row: &mut ProgressRow,
    kept: &Kept<Decimal>,
    frame: &Frame,
    target: &Target,
    options: &Options,
) {
    // The earliest figure on or after the period start is the earliest of
    // the trend's whenever it has one.
    let Some((first, _)) = kept.first else {
        return;
    };
    let Some(trend) = kept.sums.trajectory(frame.period_start, first, frame.fit) else {
        return;
    };
    row.projected_value = trend
        .value_at(frame.deadline)
        .map(|v| round_to(v, options.decimals));
    row.projected_attainment = trend.attainment(
        target.comparator,
        target.value.canonical_value(),
        target.upper.map(|u| u.canonical_value()),
        frame.deadline,
    );
    row.trend = Some(Trend {
        trajectory: trend,
        rate: trend.rate().map(|r| round_to(r, options.decimals)),
        r_squared: trend.r_squared.map(|r| round_to(r, options.decimals)),
    });
}

/// The row of a target before any figure is looked at: its target and
/// deadline, status `no_data`.
pub(super) fn unassessed(target: &Target) -> ProgressRow {
    unassessed_as(target, target.metric.clone())
}

/// [`unassessed`], with `metric`, the same id as the target's, in the row
/// (threads that evaluate the targets of one metric each give their rows
/// an id of their own, rather than all counting references to one).
pub(crate) fn unassessed_as(target: &Target, metric: crate::Id) -> ProgressRow {
    debug_assert_eq!(metric, target.metric);
    ProgressRow {
        target_id: target.id.clone(),
        jurisdiction: target.jurisdiction.clone(),
        metric,
        comparator: target.comparator,
        target_value: target.value.canonical_value(),
        unit: target.value.dimension().canonical_unit(),
        deadline: target.deadline.end(),
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
        projected_value: None,
        projected_attainment: None,
        trend: None,
    }
}

/// Progress `(x − b) / (T − b)`, as its dividend and divisor, from the baseline `b` where
/// one is stated. Higher is better measures from 0 when no baseline is
/// stated; lower is better has no natural origin, so it needs one.
/// (x − b) / (T − b) is (b − x) / (b − T): the same quotient either way
/// round. `None` when `T = b` or on overflow.
fn attainment(
    baseline: Option<Decimal>,
    polarity: Polarity,
    value: Decimal,
    x: Decimal,
) -> Option<(Decimal, Decimal)> {
    let b = match (baseline, polarity) {
        (Some(b), _) => b,
        (None, Polarity::HigherIsBetter) => Decimal::ZERO,
        (None, Polarity::LowerIsBetter) => return None,
    };
    let span = value.checked_sub(b).filter(|span| !span.is_zero())?;
    Some((x.checked_sub(b)?, span))
}

/// The verdict of a pace: the band of `R`, or, when the required rate is 0
/// (the aim is reached but a strict comparator asks for a little more), of
/// `R` taken as its limit.
fn pace_verdict(
    rates: &Rates,
    aim: Decimal,
    x: Decimal,
    comparator: Comparator,
    options: &Options,
) -> Status {
    if let Some(r) = rates.ratio {
        return options.bands.verdict(r);
    }
    let direction = match aim.cmp(&x) {
        Ordering::Greater => 1,
        Ordering::Less => -1,
        Ordering::Equal => match comparator {
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

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> Decimal {
        s.parse().unwrap()
    }

    #[test]
    fn the_kept_state_of_a_target_spans_two_cache_lines() {
        assert_eq!(std::mem::size_of::<Kept<Decimal>>(), 128);
        assert_eq!(std::mem::align_of::<Kept<Decimal>>(), 64);
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
}
