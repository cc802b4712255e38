//! Trajectories: a least-squares trend through a target's figures, the
//! value it projects at the deadline and the first day it meets the target
//! ([`Trajectory`]), from running sums that a stream can keep ([`Sums`]).

use std::cmp::Ordering;

use chrono::{Datelike, NaiveDate};
use rust_decimal::prelude::ToPrimitive;
use rust_decimal::{Decimal, MathematicalOps};

use super::pace::DAYS_PER_YEAR;
use crate::util::snake_enum;
use crate::{Comparator, Fit};

/// Why a trend is not the fit that was asked for.
///
/// ```
/// use policy_targets::progress::Fallback;
/// assert_eq!(Fallback::NonPositiveFigure.as_str(), "non_positive_figure");
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Fallback {
    /// A compound fit was asked for, but a figure is zero or negative and
    /// has no logarithm: the trend is linear instead.
    NonPositiveFigure,
}

snake_enum!(Fallback, "trend fallback", NonPositiveFigure => "non_positive_figure");

/// A least-squares trend through dated figures: where it projects a value
/// on a day, and on which day it first meets a target.
///
/// Time is counted in days. A [`Fit::Linear`] trend is the line
/// `y = a + b·t` that minimises the squared differences to the values; a
/// [`Fit::Compound`] trend is that line through the natural logarithms of
/// the values, `y = exp(a + b·t)`, which needs every value above zero (with
/// a zero or negative figure the trend is linear and says why in
/// [`Trajectory::fallback`]). A trend needs figures on two different days.
/// Every figure counts, several on one day included (each pulls the line
/// toward it).
///
/// **Precision.** A linear trend is exact: the sums are exact decimals and
/// a projected value is one decimal division,
/// `(Σy·D + B·(n·t − Σt)) / (n·D)` with `D = n·Σt² − (Σt)²` and
/// `B = n·Σty − Σt·Σy` (28 significant digits). A compound trend takes the
/// logarithm of each figure and the exponential of the line with
/// `rust_decimal`'s `checked_ln` and `checked_exp` (28 significant digits,
/// the logarithms' sums rounded at the 28th digit), so its values carry a
/// relative error far below 1e-20. Sums that overflow `Decimal` leave no
/// trend.
///
/// ```
/// use chrono::NaiveDate;
/// use policy_targets::progress::Trajectory;
/// use policy_targets::{Comparator, Fit};
/// use rust_decimal::Decimal;
///
/// let day = |s: &str| s.parse::<NaiveDate>().unwrap();
/// // 50 more every 100 days.
/// let figures = [
///     (day("2025-01-01"), Decimal::from(100)),
///     (day("2025-04-11"), Decimal::from(150)),
///     (day("2025-07-20"), Decimal::from(200)),
///     (day("2025-10-28"), Decimal::from(250)),
/// ];
/// let trend = Trajectory::fit(&figures).unwrap();
/// assert_eq!(trend.fit, Fit::Linear);
/// assert_eq!(trend.figures, 4);
/// assert_eq!(trend.r_squared, Some(Decimal::ONE));
/// // 729 days after the first figure: 100 + 0.5 × 729.
/// let deadline = day("2026-12-31");
/// assert_eq!(trend.value_at(deadline).unwrap().to_string(), "464.5");
/// // 400 is reached 600 days after the first figure.
/// let reached = trend.attainment(Comparator::AtLeast, Decimal::from(400), None, deadline);
/// assert_eq!(reached, Some(day("2026-08-24")));
/// // 500 is not reached by the deadline.
/// assert_eq!(trend.attainment(Comparator::AtLeast, Decimal::from(500), None, deadline), None);
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Trajectory {
    /// The fit made: the one asked for, or linear after a [`Fallback`].
    pub fit: Fit,
    /// Why the fit is not the one asked for.
    pub fallback: Option<Fallback>,
    /// How many figures the trend goes through.
    pub figures: u64,
    /// The day of the earliest figure.
    pub first: NaiveDate,
    /// The coefficient of determination `R²` of the fit (on the logarithms
    /// when compound), unrounded: 1 when every figure lies on the trend.
    /// `None` when all figures are equal (nothing to explain) or on
    /// overflow.
    pub r_squared: Option<Decimal>,
    line: Line,
}

impl Trajectory {
    /// The linear trend through `figures` (day, value), or `None` without
    /// figures on two different days (or on overflow).
    pub fn fit(figures: &[(NaiveDate, Decimal)]) -> Option<Trajectory> {
        Trajectory::fit_with(figures, Fit::Linear)
    }

    /// The trend of the kind `fit` through `figures`: see [`Trajectory`].
    ///
    /// ```
    /// use chrono::NaiveDate;
    /// use policy_targets::progress::{Fallback, Trajectory};
    /// use policy_targets::Fit;
    /// use rust_decimal::Decimal;
    ///
    /// let day = |s: &str| s.parse::<NaiveDate>().unwrap();
    /// let figures = [(day("2025-01-01"), Decimal::ZERO), (day("2026-01-01"), Decimal::TEN)];
    /// let trend = Trajectory::fit_with(&figures, Fit::Compound).unwrap();
    /// assert_eq!(trend.fit, Fit::Linear);
    /// assert_eq!(trend.fallback, Some(Fallback::NonPositiveFigure));
    /// ```
    pub fn fit_with(figures: &[(NaiveDate, Decimal)], fit: Fit) -> Option<Trajectory> {
        let origin = figures.iter().map(|(d, _)| *d).min()?;
        let mut sums = Sums::default();
        let logs = fit == Fit::Compound;
        for (day, value) in figures {
            sums.add((*day - origin).num_days(), *value, logs);
        }
        sums.trajectory(origin, origin, fit)
    }

    /// The trend's value on `day` (before the first figure and after the
    /// last too), without trailing zeros; `None` on overflow.
    pub fn value_at(&self, day: NaiveDate) -> Option<Decimal> {
        let y = self.line.at(self.line.days(day))?;
        let value = match self.fit {
            Fit::Linear => y,
            Fit::Compound => y.checked_exp()?,
        };
        Some(value.normalize())
    }

    /// The trend's change per year ([`DAYS_PER_YEAR`] days): an amount in
    /// the figures' unit when linear, a growth rate (0.25 = 25 % a year)
    /// when compound. `None` on overflow.
    pub fn rate(&self) -> Option<Decimal> {
        let per_year = self.line.slope()?.checked_mul(DAYS_PER_YEAR)?;
        let rate = match self.fit {
            Fit::Linear => per_year,
            Fit::Compound => per_year.checked_exp()?.checked_sub(Decimal::ONE)?,
        };
        Some(rate.normalize())
    }

    /// The first day, from the first figure's day to `deadline`, from which
    /// the trend meets the target (`comparator`, `value`, and `upper` for a
    /// range) on every day up to the deadline; `None` when the trend does
    /// not meet it at the deadline.
    ///
    /// A trend that moves toward the target meets it from the day it
    /// crosses the target value (or from the first figure's day if it
    /// already met it there); one that moves away meets it up to the
    /// deadline only if it met it all along, and then from the first
    /// figure's day. An `exactly` target counts as met once the trend has
    /// reached its value in the direction it moves. The day is found
    /// exactly on a linear trend; on a compound one, where the target value
    /// is compared on its logarithm, a crossing within about 1e-20 of a
    /// day's boundary may fall on either side of it.
    pub fn attainment(
        &self,
        comparator: Comparator,
        value: Decimal,
        upper: Option<Decimal>,
        deadline: NaiveDate,
    ) -> Option<NaiveDate> {
        let slope = self.line.nb.cmp(&Decimal::ZERO);
        let (lower, upper) = match comparator {
            Comparator::AtLeast => (Some((value, false)), None),
            Comparator::MoreThan => (Some((value, true)), None),
            Comparator::AtMost => (None, Some((value, false))),
            Comparator::LessThan => (None, Some((value, true))),
            Comparator::Range => (Some((value, false)), upper.map(|u| (u, false))),
            Comparator::Exactly => match slope {
                Ordering::Less => (None, Some((value, false))),
                Ordering::Equal => (Some((value, false)), Some((value, false))),
                Ordering::Greater => (Some((value, false)), None),
            },
        };
        let bounds = Bounds {
            lower: self.threshold(lower, true)?,
            upper: self.threshold(upper, false)?,
        };
        let end = self.line.days(deadline);
        let start = self.line.days(self.first).min(end);
        let meets = |t: i64| self.line.at(t).is_some_and(|y| bounds.hold(y));
        if !meets(end) {
            return None;
        }
        // The side the trend moves toward is the one that can still be
        // crossed; the other holds on every earlier day if it holds at the
        // deadline.
        let side = match slope {
            Ordering::Greater => bounds.lower,
            Ordering::Less => bounds.upper,
            Ordering::Equal => None,
        };
        let mut day = match side.and_then(|(h, strict)| self.line.crossing(h).map(|c| (c, strict)))
        {
            Some((c, _)) if c <= Decimal::from(start) => start,
            Some((c, strict)) => {
                let whole = if strict {
                    c.floor() + Decimal::ONE
                } else {
                    c.ceil()
                };
                whole.to_i64().unwrap_or(start).clamp(start, end)
            }
            None => start,
        };
        // The crossing is one rounded division: settle the day on the line
        // (one look each side when the division was exact enough).
        if meets(day) && (day == start || !meets(day - 1)) {
            return self
                .line
                .origin
                .checked_add_signed(chrono::TimeDelta::days(day));
        }
        for _ in 0..3 {
            if day < end && !meets(day) {
                day += 1;
            }
        }
        for _ in 0..3 {
            if day > start && meets(day - 1) {
                day -= 1;
            }
        }
        self.line
            .origin
            .checked_add_signed(chrono::TimeDelta::days(day))
    }

    /// A target bound in the trend's terms: the logarithm of a compound
    /// trend's bound. `Some(None)` when there is no such bound or it always
    /// holds; `None` when it can never hold.
    fn threshold(
        &self,
        bound: Option<(Decimal, bool)>,
        lower: bool,
    ) -> Option<Option<(Decimal, bool)>> {
        let Some((h, strict)) = bound else {
            return Some(None);
        };
        match self.fit {
            Fit::Linear => Some(Some((h, strict))),
            // A positive trend is above any bound at or below zero.
            Fit::Compound if h <= Decimal::ZERO => lower.then_some(None),
            Fit::Compound => h.checked_ln().map(|l| Some((l, strict))),
        }
    }
}

/// The bounds a trend's value must keep to meet a target.
struct Bounds {
    lower: Option<(Decimal, bool)>,
    upper: Option<(Decimal, bool)>,
}

impl Bounds {
    fn hold(&self, y: Decimal) -> bool {
        let above = match self.lower {
            Some((h, true)) => y > h,
            Some((h, false)) => y >= h,
            None => true,
        };
        let below = match self.upper {
            Some((h, true)) => y < h,
            Some((h, false)) => y <= h,
            None => true,
        };
        above && below
    }
}

/// The least-squares line in exact terms, time in days from `origin`:
/// `y(t) = (Σy·D + B·(n·t − Σt)) / (n·D)`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
struct Line {
    origin: NaiveDate,
    n: Decimal,
    st: Decimal,
    /// `n·Σt² − (Σt)²`, above zero.
    d: Decimal,
    sy: Decimal,
    /// `n·Σty − Σt·Σy`: the slope times `D`.
    nb: Decimal,
}

impl Line {
    fn days(&self, day: NaiveDate) -> i64 {
        (day - self.origin).num_days()
    }

    /// The line's value at `t`, by one division (or, where the products
    /// overflow, as the mean plus the slope times the distance from the
    /// mean day).
    fn at(&self, t: i64) -> Option<Decimal> {
        let from_mean = self.n.checked_mul(Decimal::from(t))?.checked_sub(self.st)?;
        let one_division = || {
            let num = self
                .sy
                .checked_mul(self.d)?
                .checked_add(self.nb.checked_mul(from_mean)?)?;
            num.checked_div(self.n.checked_mul(self.d)?)
        };
        one_division().or_else(|| {
            let mean = self.sy.checked_div(self.n)?;
            let step = self.slope()?.checked_mul(from_mean.checked_div(self.n)?)?;
            mean.checked_add(step)
        })
    }

    /// The change per day, `B / D`.
    fn slope(&self) -> Option<Decimal> {
        self.nb.checked_div(self.d)
    }

    /// The `t` where the line reaches `h`: `(Σt·B + D·(n·h − Σy)) / (n·B)`;
    /// `None` for a flat line.
    fn crossing(&self, h: Decimal) -> Option<Decimal> {
        if self.nb.is_zero() {
            return None;
        }
        let rise = self.n.checked_mul(h)?.checked_sub(self.sy)?;
        let num = self
            .st
            .checked_mul(self.nb)?
            .checked_add(self.d.checked_mul(rise)?)?;
        num.checked_div(self.n.checked_mul(self.nb)?)
    }
}

/// The running sums a least-squares trend needs, kept figure by figure:
/// `n`, `Σt`, `Σt²`, `Σy`, `Σty`, `Σy²` and, when a compound fit is asked
/// for and every figure so far is above zero, the same on `ln y`. Time `t`
/// is in days from an origin the caller keeps fixed. Two sums of the same
/// origin add up ([`Sums::then`]) to the sums of all their figures.
///
/// The sums of the values are exact integers of 128 bits at a common
/// decimal scale (the most decimal places of any figure so far), so adding
/// a figure costs a few integer operations; the sums of the logarithms are
/// decimals (28 significant digits), touched only for a compound fit.
///
/// It is kept small (the streaming path holds one per target and chunk,
/// and touches it for every row): 80 bytes, the sums of the logarithms
/// behind a pointer, allocated for a compound fit only. The day of the
/// earliest figure is not kept here: the caller knows it.
#[derive(Clone, Debug, Default)]
pub(crate) struct Sums {
    n: u32,
    /// The decimal scale of `sy` and `sty`; `syy` has twice this scale.
    scale: u8,
    /// Some figure is zero or negative (no logarithm).
    non_positive: bool,
    /// A sum overflowed: no trend.
    overflow: bool,
    st: i64,
    stt: i64,
    sy: i128,
    sty: i128,
    syy: i128,
    logs: Option<Box<Moments>>,
}

/// `Σy`, `Σty` and `Σy²` in decimals (of the logarithms).
#[derive(Clone, Copy, Debug, Default)]
struct Moments {
    sy: Decimal,
    sty: Decimal,
    syy: Decimal,
}

impl Moments {
    fn add(&mut self, t: i64, y: Decimal) -> Option<()> {
        self.sy = self.sy.checked_add(y)?;
        self.sty = self.sty.checked_add(y.checked_mul(Decimal::from(t))?)?;
        self.syy = self.syy.checked_add(y.checked_mul(y)?)?;
        Some(())
    }

    fn then(self, later: Moments) -> Option<Moments> {
        Some(Moments {
            sy: self.sy.checked_add(later.sy)?,
            sty: self.sty.checked_add(later.sty)?,
            syy: self.syy.checked_add(later.syy)?,
        })
    }
}

/// `10^k` for `k` up to 38, the powers an `i128` holds.
fn pow10(k: u32) -> Option<i128> {
    10_i128.checked_pow(k)
}

impl Sums {
    /// Adds the figure `y` at `t` days from the origin; with `logs`, its
    /// logarithm too (while every figure is above zero).
    #[inline]
    pub(crate) fn add(&mut self, t: i64, y: Decimal, logs: bool) {
        if self
            .add_time(t)
            .and_then(|()| self.add_value(t, y))
            .is_none()
        {
            self.overflow = true;
        }
        if logs && !self.non_positive {
            if y <= Decimal::ZERO {
                self.non_positive = true;
            } else if y
                .checked_ln()
                .and_then(|l| self.logs.get_or_insert_default().add(t, l))
                .is_none()
            {
                self.overflow = true;
            }
        }
    }

    /// `n`, `Σt` and `Σt²`; `t` must fit 32 bits.
    #[inline]
    fn add_time(&mut self, t: i64) -> Option<()> {
        i32::try_from(t).ok()?;
        self.n = self.n.checked_add(1)?;
        self.st = self.st.checked_add(t)?;
        self.stt = self.stt.checked_add(t.checked_mul(t)?)?;
        Some(())
    }

    /// `Σy`, `Σty`, `Σy²` on the integer mantissa of `y` at the common
    /// scale; `t` fits 32 bits ([`Sums::add_time`] checked it).
    #[inline]
    fn add_value(&mut self, t: i64, y: Decimal) -> Option<()> {
        let scale = y.scale();
        if scale > u32::from(self.scale) {
            self.rescale(scale)?;
        }
        let m = match u32::from(self.scale) - scale {
            0 => y.mantissa(),
            k => y.mantissa().checked_mul(pow10(k)?)?,
        };
        // A mantissa of 64 bits (the usual case) times a day count of 32
        // bits, or squared, cannot overflow 128 bits: no check needed.
        let (mt, mm) = match i64::try_from(m) {
            Ok(small) => {
                let small = i128::from(small);
                (small * i128::from(t), small * small)
            }
            Err(_) => (m.checked_mul(i128::from(t))?, m.checked_mul(m)?),
        };
        self.sy = self.sy.checked_add(m)?;
        self.sty = self.sty.checked_add(mt)?;
        self.syy = self.syy.checked_add(mm)?;
        Some(())
    }

    /// The same sums at the larger decimal scale `scale` (at most 28).
    fn rescale(&mut self, scale: u32) -> Option<()> {
        let k = scale.checked_sub(u32::from(self.scale))?;
        if k == 0 {
            return Some(());
        }
        let (p, pp) = (pow10(k)?, pow10(2 * k)?);
        self.sy = self.sy.checked_mul(p)?;
        self.sty = self.sty.checked_mul(p)?;
        self.syy = self.syy.checked_mul(pp)?;
        self.scale = u8::try_from(scale).ok()?;
        Some(())
    }

    /// The sums of the figures added to `self` and then to `later`.
    pub(crate) fn then(mut self, mut later: Sums) -> Sums {
        if later.n == 0 {
            return self;
        }
        if self.n == 0 {
            return later;
        }
        let mut join = || {
            let scale = u32::from(self.scale.max(later.scale));
            self.rescale(scale)?;
            later.rescale(scale)?;
            self.n = self.n.checked_add(later.n)?;
            self.st = self.st.checked_add(later.st)?;
            self.stt = self.stt.checked_add(later.stt)?;
            self.sy = self.sy.checked_add(later.sy)?;
            self.sty = self.sty.checked_add(later.sty)?;
            self.syy = self.syy.checked_add(later.syy)?;
            self.logs = match (self.logs.take(), later.logs.take()) {
                (Some(a), Some(b)) => Some(Box::new(a.then(*b)?)),
                (a, b) => a.or(b),
            };
            self.non_positive |= later.non_positive;
            self.overflow |= later.overflow;
            Some(())
        };
        if join().is_none() {
            self.overflow = true;
        }
        self
    }

    /// The trend of the kind `fit` through the figures added, time counted
    /// from `origin`, the earliest of them on `first`; `None` without two
    /// different days (`D = n·Σt² − (Σt)²` is 0 exactly when all days are
    /// equal) or on overflow.
    pub(crate) fn trajectory(
        &self,
        origin: NaiveDate,
        first: NaiveDate,
        fit: Fit,
    ) -> Option<Trajectory> {
        if self.overflow || self.n < 2 {
            return None;
        }
        let n = i128::from(self.n);
        let st = i128::from(self.st);
        let d = n
            .checked_mul(i128::from(self.stt))?
            .checked_sub(st.checked_mul(st)?)?;
        if d <= 0 {
            return None;
        }
        let (fit, fallback, line, spread) = match fit {
            Fit::Compound if !self.non_positive => {
                let (line, spread) = self.log_line(origin, d)?;
                (Fit::Compound, None, line, spread)
            }
            _ => {
                // Exact in integers, then one conversion each.
                let nb = n
                    .checked_mul(self.sty)?
                    .checked_sub(st.checked_mul(self.sy)?)?;
                let spread = n
                    .checked_mul(self.syy)?
                    .checked_sub(self.sy.checked_mul(self.sy)?)?;
                let line = Line {
                    origin,
                    n: Decimal::from(self.n),
                    st: Decimal::from(self.st),
                    d: to_decimal(d, 0)?,
                    sy: to_decimal(self.sy, u32::from(self.scale))?,
                    nb: to_decimal(nb, u32::from(self.scale))?,
                };
                let fallback = (fit == Fit::Compound).then_some(Fallback::NonPositiveFigure);
                let spread = to_decimal(spread, 2 * u32::from(self.scale));
                (Fit::Linear, fallback, line, spread)
            }
        };
        Some(Trajectory {
            fit,
            fallback,
            figures: u64::from(self.n),
            first,
            r_squared: spread.and_then(|s| r_squared(line.d, line.nb, s)),
            line,
        })
    }

    /// The line through the logarithms, and `n·Σ(ln y)² − (Σ ln y)²`.
    fn log_line(&self, origin: NaiveDate, d: i128) -> Option<(Line, Option<Decimal>)> {
        let n = Decimal::from(self.n);
        let st = Decimal::from(self.st);
        let m = self.logs.as_deref().copied().unwrap_or_default();
        let nb = n.checked_mul(m.sty)?.checked_sub(st.checked_mul(m.sy)?)?;
        let spread = n
            .checked_mul(m.syy)
            .and_then(|a| a.checked_sub(m.sy.checked_mul(m.sy)?));
        let line = Line {
            origin,
            n,
            st,
            d: to_decimal(d, 0)?,
            sy: m.sy,
            nb,
        };
        Some((line, spread))
    }
}

/// An integer `m` at decimal `scale` as a `Decimal`, exact when it fits
/// (96 bits, scale ≤ 28), else rounded to the digits that do; `None` when
/// even its integer part does not fit.
fn to_decimal(mut m: i128, mut scale: u32) -> Option<Decimal> {
    loop {
        if scale <= 28 {
            if let Ok(d) = Decimal::try_from_i128_with_scale(m, scale) {
                return Some(d);
            }
        }
        if scale == 0 {
            return None;
        }
        // One digit less, half away from zero.
        m = (m + 5 * m.signum()) / 10;
        scale -= 1;
    }
}

/// `R² = B² / (D · (n·Σy² − (Σy)²))`; `None` when the values do not vary.
fn r_squared(d: Decimal, nb: Decimal, spread: Decimal) -> Option<Decimal> {
    if spread <= Decimal::ZERO {
        return None;
    }
    let exact = || nb.checked_mul(nb)?.checked_div(d.checked_mul(spread)?);
    // B² may overflow where B²/D does not.
    let stepwise = || nb.checked_div(d)?.checked_mul(nb)?.checked_div(spread);
    Some(exact().or_else(stepwise)?.min(Decimal::ONE))
}

/// Days from the common era's start, the cheap way to count days between
/// two dates in the streaming path.
#[inline]
pub(crate) fn day_number(day: NaiveDate) -> i64 {
    i64::from(day.num_days_from_ce())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> Decimal {
        s.parse().unwrap()
    }

    fn day(s: &str) -> NaiveDate {
        s.parse().unwrap()
    }

    /// Figures every 100 days from 2025-01-01 (2025-04-11, 2025-07-20,
    /// 2025-10-28 are days 100, 200, 300).
    fn every_100_days(values: &[&str]) -> Vec<(NaiveDate, Decimal)> {
        values
            .iter()
            .enumerate()
            .map(|(i, v)| {
                (
                    day("2025-01-01") + chrono::TimeDelta::days(100 * i as i64),
                    d(v),
                )
            })
            .collect()
    }

    #[test]
    fn a_straight_series_projects_exactly() {
        let figures = every_100_days(&["100", "150", "200", "250"]);
        assert_eq!(figures[3].0, day("2025-10-28"));
        let trend = Trajectory::fit(&figures).unwrap();
        // Σt = 600, Σt² = 140000, Σy = 700, Σty = 130000, n = 4:
        // D = 4·140000 − 600² = 200000, B = 4·130000 − 600·700 = 100000,
        // slope 0.5 a day; at day 729 (2026-12-31): 100 + 0.5·729 = 464.5.
        let deadline = day("2026-12-31");
        assert_eq!(trend.value_at(deadline), Some(d("464.5")));
        // 400 = 100 + 0.5·t at t = 600: 2026-08-24.
        assert_eq!(
            trend.attainment(Comparator::AtLeast, d("400"), None, deadline),
            Some(day("2026-08-24"))
        );
        // More than 400 needs day 601.
        assert_eq!(
            trend.attainment(Comparator::MoreThan, d("400"), None, deadline),
            Some(day("2026-08-25"))
        );
        // 0.5 a day is 182.62125 a year.
        assert_eq!(trend.rate(), Some(d("182.62125")));
        assert_eq!(trend.r_squared, Some(Decimal::ONE));
        assert_eq!(trend.first, day("2025-01-01"));
        // Already above 120 from the first figure on.
        assert_eq!(
            trend.attainment(Comparator::AtLeast, d("90"), None, deadline),
            Some(day("2025-01-01"))
        );
        // A ceiling the rising trend leaves behind is not met at the deadline.
        assert_eq!(
            trend.attainment(Comparator::AtMost, d("300"), None, deadline),
            None
        );
        // A range is met from its lower bound while the deadline value is in it.
        assert_eq!(
            trend.attainment(Comparator::Range, d("400"), Some(d("500")), deadline),
            Some(day("2026-08-24"))
        );
        assert_eq!(
            trend.attainment(Comparator::Range, d("300"), Some(d("450")), deadline),
            None
        );
        // Exactly 400 counts as met once reached.
        assert_eq!(
            trend.attainment(Comparator::Exactly, d("400"), None, deadline),
            Some(day("2026-08-24"))
        );
    }

    #[test]
    fn two_figures_on_one_day_make_no_trend_but_both_count_beside_others() {
        let same_day = [(day("2025-03-01"), d("100")), (day("2025-03-01"), d("200"))];
        assert_eq!(Trajectory::fit(&same_day), None);
        // (0, 100), (0, 200), (100, 300): n = 3, Σt = 100, Σt² = 10000,
        // Σy = 600, Σty = 30000; D = 20000, B = 30000: 1.5 a day through
        // the mean (33⅓, 200), so 150 on day 0 (the mean of the pair) and
        // 300 on day 100.
        let figures = [
            (day("2025-01-01"), d("100")),
            (day("2025-01-01"), d("200")),
            (day("2025-04-11"), d("300")),
        ];
        let trend = Trajectory::fit(&figures).unwrap();
        assert_eq!(trend.figures, 3);
        assert_eq!(trend.value_at(day("2025-01-01")), Some(d("150")));
        assert_eq!(trend.value_at(day("2025-04-11")), Some(d("300")));
        // R² = B² / (D·(nΣy² − (Σy)²)) = 9e8 / (20000 · (3·140000 − 360000)) = 0.75.
        assert_eq!(trend.r_squared, Some(d("0.75")));
        assert_eq!(Trajectory::fit(&figures[..1]), None);
        assert_eq!(Trajectory::fit(&[]), None);
    }

    #[test]
    fn equal_figures_make_a_flat_trend() {
        let trend = Trajectory::fit(&every_100_days(&["100", "100", "100"])).unwrap();
        let deadline = day("2026-12-31");
        assert_eq!(trend.value_at(deadline), Some(d("100")));
        assert_eq!(trend.rate(), Some(Decimal::ZERO));
        // Nothing varies, nothing to explain.
        assert_eq!(trend.r_squared, None);
        assert_eq!(
            trend.attainment(Comparator::AtLeast, d("100"), None, deadline),
            Some(day("2025-01-01"))
        );
        assert_eq!(
            trend.attainment(Comparator::Exactly, d("100"), None, deadline),
            Some(day("2025-01-01"))
        );
        assert_eq!(
            trend.attainment(Comparator::AtLeast, d("150"), None, deadline),
            None
        );
    }

    #[test]
    fn a_falling_series_never_reaches_a_higher_target() {
        let trend = Trajectory::fit(&every_100_days(&["300", "250", "200"])).unwrap();
        let deadline = day("2026-12-31");
        // 300 − 0.5·729 = −64.5.
        assert_eq!(trend.value_at(deadline), Some(d("-64.5")));
        assert_eq!(trend.rate(), Some(d("-182.62125")));
        assert_eq!(
            trend.attainment(Comparator::AtLeast, d("400"), None, deadline),
            None
        );
        // A ceiling of 100 is reached on day 400 (300 − 0.5·400), 2026-02-05.
        assert_eq!(
            trend.attainment(Comparator::AtMost, d("100"), None, deadline),
            Some(day("2026-02-05"))
        );
        // A floor far below is kept all along, so from the first figure on.
        assert_eq!(
            trend.attainment(Comparator::AtLeast, d("-100"), None, deadline),
            Some(day("2025-01-01"))
        );
    }

    #[test]
    fn a_compound_trend_doubling_each_year() {
        // 100, 200, 400 a year (365 days) apart: ln y = ln 100 + t·ln 2 / 365.
        let figures = [
            (day("2025-01-01"), d("100")),
            (day("2026-01-01"), d("200")),
            (day("2027-01-01"), d("400")),
        ];
        let trend = Trajectory::fit_with(&figures, Fit::Compound).unwrap();
        assert_eq!((trend.fit, trend.fallback), (Fit::Compound, None));
        let close = |x: Decimal, y: &str, tolerance: &str| (x - d(y)).abs() < d(tolerance);
        // 2028-12-31 is day 1460 = 4 × 365: 100 · 2⁴ = 1600.
        let deadline = day("2028-12-31");
        let projected = trend.value_at(deadline).unwrap();
        assert!(close(projected, "1600", "1e-18"), "{projected}");
        // 2^(365.2425 / 365) − 1 = 1.000921243292296896314… a year
        // (60-digit reference).
        let rate = trend.rate().unwrap();
        assert!(close(rate, "1.0009212432922968963142", "1e-20"), "{rate}");
        assert!(close(trend.r_squared.unwrap(), "1", "1e-20"));
        // 1000 = 100 · 2^(t/365) at t = 365·log2(10) = 1212.5037…: day
        // 1213, 2028-04-28.
        assert_eq!(
            trend.attainment(Comparator::AtLeast, d("1000"), None, deadline),
            Some(day("2028-04-28"))
        );
        // A bound at or below zero: a positive trend is always above it.
        assert_eq!(
            trend.attainment(Comparator::AtLeast, Decimal::ZERO, None, deadline),
            Some(day("2025-01-01"))
        );
        assert_eq!(
            trend.attainment(Comparator::AtMost, Decimal::ZERO, None, deadline),
            None
        );
    }

    #[test]
    fn a_compound_fit_with_a_zero_figure_is_linear_and_says_why() {
        let figures = [
            (day("2025-01-01"), Decimal::ZERO),
            (day("2026-01-01"), d("10")),
        ];
        let trend = Trajectory::fit_with(&figures, Fit::Compound).unwrap();
        assert_eq!(trend.fit, Fit::Linear);
        assert_eq!(trend.fallback, Some(Fallback::NonPositiveFigure));
        // 10 in 365 days; at day 729: 10 · 729 / 365 = 19.97260273972602739726…
        let projected = trend.value_at(day("2026-12-31")).unwrap();
        assert_eq!(super::super::pace::round_to(projected, 6), d("19.972603"));
        let negative = [(day("2025-01-01"), d("-5")), (day("2026-01-01"), d("10"))];
        let trend = Trajectory::fit_with(&negative, Fit::Compound).unwrap();
        assert_eq!(trend.fallback, Some(Fallback::NonPositiveFigure));
    }

    #[test]
    fn sums_add_up_in_any_split() {
        let figures = every_100_days(&["100", "150.5", "199", "260", "1e3"]);
        let origin = figures[0].0;
        let sums = |part: &[(NaiveDate, Decimal)]| {
            let mut s = Sums::default();
            for (day, y) in part {
                s.add((*day - origin).num_days(), *y, true);
            }
            s
        };
        let whole = sums(&figures).trajectory(origin, origin, Fit::Linear);
        for split in 0..=figures.len() {
            let (a, b) = figures.split_at(split);
            let joined = sums(a)
                .then(sums(b))
                .trajectory(origin, origin, Fit::Linear);
            assert_eq!(joined, whole, "split at {split}");
        }
        // An overflowing sum leaves no trend rather than a wrong one.
        let mut s = Sums::default();
        s.add(0, Decimal::MAX, false);
        s.add(1, Decimal::MAX, false);
        assert_eq!(s.trajectory(origin, origin, Fit::Linear), None);
    }
}
