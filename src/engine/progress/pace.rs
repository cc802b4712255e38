//! The pace of a target: the verdict bands ([`Bands`]), the states
//! ([`Status`]), how rates are computed ([`Pace`]) and the formulas of
//! the linear and compound rates.

use rust_decimal::{Decimal, MathematicalOps, RoundingStrategy};

use crate::util::snake_enum;

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
    /// [`Options::decimals`](super::Options::decimals) places (6 by default); the verdict is taken
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

/// Unrounded rates of a pace; `ratio` is `None` when `required` is 0.
#[derive(Debug)]
pub(super) struct Rates {
    /// The rate still required.
    pub(super) required: Decimal,
    /// The rate observed so far.
    pub(super) observed: Decimal,
    /// `observed / required`.
    pub(super) ratio: Option<Decimal>,
}

pub(super) fn round_to(d: Decimal, decimals: u32) -> Decimal {
    d.round_dp_with_strategy(decimals, RoundingStrategy::MidpointNearestEven)
        .normalize()
}

/// `round_to(dividend / divisor, decimals)`; `None` on overflow or a zero
/// divisor.
///
/// Where the quotient is `A / S` in integers with `S` under 10¹⁴, under
/// 10⁴ in size, and `decimals` at most 8, it is rounded in integers,
/// exactly: the exact quotient is then at least `1 / (2 · S · 10^decimals)`
/// from any midpoint of `decimals` places it is not on, farther than the
/// decimal quotient (28 digits) is from it, so rounding either gives the
/// same value.
pub(super) fn quotient_rounded(
    dividend: Decimal,
    divisor: Decimal,
    decimals: u32,
) -> Option<Decimal> {
    short_quotient(dividend, divisor, decimals)
        .or_else(|| Some(round_to(dividend.checked_div(divisor)?, decimals)))
}

/// [`quotient_rounded`] in integers, where the operands are short enough
/// (see there); `None` otherwise.
fn short_quotient(dividend: Decimal, divisor: Decimal, decimals: u32) -> Option<Decimal> {
    const MAX_DIVISOR: u128 = 100_000_000_000_000;
    const MAX_QUOTIENT: u128 = 10_000;
    if decimals > 8 || divisor.is_zero() {
        return None;
    }
    // dividend / divisor = (a · 10^scale(divisor)) / (s · 10^scale(dividend)).
    let a = dividend
        .mantissa()
        .unsigned_abs()
        .checked_mul(10u128.checked_pow(divisor.scale())?)?;
    let s = divisor
        .mantissa()
        .unsigned_abs()
        .checked_mul(10u128.checked_pow(dividend.scale())?)?;
    if s >= MAX_DIVISOR || a / s >= MAX_QUOTIENT {
        return None;
    }
    let scaled = a.checked_mul(10u128.checked_pow(decimals)?)?;
    let (mut q, r) = (scaled / s, scaled % s);
    // Half to even.
    if 2 * r > s || (2 * r == s && q % 2 == 1) {
        q += 1;
    }
    let negative = dividend.is_sign_negative() != divisor.is_sign_negative() && q != 0;
    let q = i128::try_from(q).ok()?;
    let value = Decimal::try_from_i128_with_scale(if negative { -q } else { q }, decimals).ok()?;
    Some(value.normalize())
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

pub(super) fn linear_pace(
    x0: Decimal,
    x: Decimal,
    aim: Decimal,
    elapsed: i64,
    left: i64,
) -> Option<Rates> {
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

pub(super) fn compound_pace(
    x0: Decimal,
    x: Decimal,
    aim: Decimal,
    elapsed: i64,
    left: i64,
) -> Option<Rates> {
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

    proptest::proptest! {
        #[test]
        fn short_quotients_round_as_the_decimal_quotient(
            a in -2_000_000_000i64..2_000_000_000,
            s in -2_000_000_000i64..2_000_000_000,
            (sa, ss) in (0u32..=12, 0u32..=12),
            decimals in 0u32..=8,
        ) {
            let (dividend, divisor) = (Decimal::new(a, sa), Decimal::new(s, ss));
            let slow = dividend.checked_div(divisor).map(|q| round_to(q, decimals));
            let quick = quotient_rounded(dividend, divisor, decimals);
            proptest::prop_assert_eq!(quick.map(|q| q.to_string()), slow.map(|q| q.to_string()));
        }
    }

    proptest::proptest! {
        #[test]
        fn short_quotients_of_figures_round_as_the_decimal_quotient(
            a in -1_000_000i64..1_000_000,
            s in 1i64..1_000_000,
            (sa, ss) in (0u32..=4, 0u32..=4),
            decimals in 0u32..=8,
        ) {
            let (dividend, divisor) = (Decimal::new(a, sa), Decimal::new(s, ss));
            let slow = round_to(dividend / divisor, decimals);
            let quick = quotient_rounded(dividend, divisor, decimals);
            proptest::prop_assert_eq!(quick.map(|q| q.to_string()), Some(slow.to_string()));
        }
    }

    #[test]
    fn short_quotients_on_midpoints_round_half_to_even() {
        let d = |s: &str| s.parse::<Decimal>().unwrap();
        for (a, s, decimals, rounded) in [
            ("1", "8", 2, "0.12"),
            ("3", "8", 2, "0.38"),
            ("-3", "8", 2, "-0.38"),
            ("5", "2", 0, "2"),
            ("7", "2", 0, "4"),
            ("1", "3", 6, "0.333333"),
            ("2", "3", 6, "0.666667"),
            ("-1", "30000000", 6, "0"),
            ("12.5", "100", 3, "0.125"),
        ] {
            let quick = short_quotient(d(a), d(s), decimals).unwrap();
            assert_eq!(quick.to_string(), rounded, "{a} / {s}");
            assert_eq!(quick, round_to(d(a) / d(s), decimals));
        }
    }

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
