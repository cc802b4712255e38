//! Compound rates in binary floating point, used only where they are
//! certain to give the answer of the exact decimal formulas.
//!
//! A compound pace takes two logarithms and two exponentials, which
//! `rust_decimal` evaluates as series on 192-bit intermediates: most of the
//! cost of evaluating a target. But what a row shows of the rates is
//! rounded (to [`Options::decimals`](super::Options::decimals) places),
//! and the verdict only asks on which side of each band edge the ratio
//! lies. So the rates are first computed with `f64` (`ln`, `exp_m1`),
//! together with a generous bound on their error; where neither rate nor
//! the ratio lies within that bound of a rounding midpoint, of a band edge
//! or of zero, the rounded results and the verdict are those of the exact
//! formulas (whose own error is below 1e-24, see [`Pace::Compound`](super::Pace::Compound)),
//! and they are used. Everywhere else (an exact midpoint such as
//! `137/128`, a ratio on a band edge, a factor of exactly 1, a rate that
//! rounds to zero) the caller computes the exact rates.

use rust_decimal::Decimal;
use rust_decimal::prelude::ToPrimitive;

use super::pace::{Bands, Rates};

/// The days of the mean Gregorian year, as [`DAYS_PER_YEAR`](super::DAYS_PER_YEAR).
const DAYS_PER_YEAR: f64 = 365.2425;

/// The rounding error of one `f64` operation, with room: each computed
/// quantity is taken to be off by at most `SLACK` times the sum of the
/// magnitudes it went through.
const SLACK: f64 = 64.0 * f64::EPSILON;

/// The most decimal places checked; more go to the exact formulas.
const MAX_DECIMALS: u32 = 12;

/// A value and a bound on its absolute error.
#[derive(Clone, Copy, Debug)]
struct Approx {
    value: f64,
    error: f64,
}

/// The rates of [`compound_pace`](super::pace::compound_pace) when they are
/// certain to round, to `decimals` places, as the exact ones do, and the
/// ratio to lie on the same side of every band edge; `None` otherwise. The
/// rates returned are the floating-point ones (as decimals): only their
/// rounded values and the verdict are to be used.
pub(super) fn compound_pace(
    x0: Decimal,
    x: Decimal,
    aim: Decimal,
    elapsed: i64,
    left: i64,
    decimals: u32,
    bands: &Bands,
) -> Option<Rates> {
    if decimals > MAX_DECIMALS || x0 == x || aim == x {
        return None;
    }
    let required = rate(aim, x, left)?;
    let observed = rate(x, x0, elapsed)?;
    let ratio = quotient(observed, required)?;
    for r in [required, observed, ratio] {
        if !rounds_surely(r, decimals) {
            return None;
        }
    }
    for edge in [
        bands.on_track,
        bands.acceleration_needed,
        bands.limited_progress,
    ] {
        if (ratio.value - edge.to_f64()?).abs() <= ratio.error {
            return None;
        }
    }
    Some(Rates {
        required: Decimal::from_f64_retain(required.value)?,
        observed: Decimal::from_f64_retain(observed.value)?,
        ratio: Some(Decimal::from_f64_retain(ratio.value)?),
    })
}

/// `(num / den)^(365.2425 / days) − 1` with a bound on its error; `None`
/// where the exact formula is to be used.
fn rate(num: Decimal, den: Decimal, days: i64) -> Option<Approx> {
    if days <= 0 || num <= Decimal::ZERO || den <= Decimal::ZERO {
        return None;
    }
    let (n, d) = (num.to_f64()?, den.to_f64()?);
    if !(n.is_normal() && d.is_normal()) {
        return None;
    }
    let years = DAYS_PER_YEAR / days as f64;
    let log = (n / d).ln();
    let exponent = log * years;
    let value = exponent.exp_m1();
    if !value.is_finite() || exponent.abs() > 60.0 {
        return None;
    }
    // The factor carries a few relative roundings (each decimal to f64, the
    // division), its logarithm an absolute error of about that size plus
    // its own relative one, scaled by `years`; exp_m1 turns an absolute
    // error in its argument into a relative one of the power `1 + value`.
    let exponent_error = SLACK * (years + exponent.abs() + 1.0);
    let error = exponent_error * (1.0 + value.abs()) * 2.0 + SLACK * value.abs();
    Some(Approx { value, error })
}

/// `a / b` with a bound on its error; `None` when `b` may be zero.
fn quotient(a: Approx, b: Approx) -> Option<Approx> {
    if b.value.abs() <= 1e3 * b.error {
        return None;
    }
    let value = a.value / b.value;
    let relative = a.error / b.value.abs() * (1.0 / (1.0 - b.error / b.value.abs()))
        + a.value.abs() * b.error / (b.value.abs() * (b.value.abs() - b.error));
    let error = relative + SLACK * value.abs();
    value.is_finite().then_some(Approx { value, error })
}

/// Whether every value within `a`'s error rounds to `decimals` places as
/// `a` does, to a non-zero value (a value rounding to zero may keep a sign
/// the exact formulas would print).
fn rounds_surely(a: Approx, decimals: u32) -> bool {
    let scale = 10f64.powi(decimals as i32);
    let scaled = a.value * scale;
    if !scaled.is_finite() || scaled.abs() >= 1e15 || a.error * scale >= 0.25 {
        return false;
    }
    let nearest = scaled.round();
    if nearest == 0.0 {
        return false;
    }
    // The distance to the nearest midpoint, in units of the last place.
    let to_midpoint = 0.5 - (scaled - nearest).abs();
    // The scaling itself adds a rounding.
    to_midpoint > a.error * scale + SLACK * scaled.abs()
}

#[cfg(test)]
mod tests {
    use super::super::pace::{self, round_to};
    use super::*;

    fn d(s: &str) -> Decimal {
        s.parse().unwrap()
    }

    /// The rounded rates and ratio.
    fn shown(rates: &Rates, decimals: u32) -> (Decimal, Decimal, Option<Decimal>) {
        (
            round_to(rates.required, decimals),
            round_to(rates.observed, decimals),
            rates.ratio.map(|r| round_to(r, decimals)),
        )
    }

    #[test]
    fn the_shortcut_shows_what_the_exact_formulas_show() {
        let bands = Bands::default();
        let mut state: u64 = 0x2545_F491_4F6C_DD1D;
        let mut next = move || {
            state ^= state << 13;
            state ^= state >> 7;
            state ^= state << 17;
            state
        };
        let (mut taken, mut left_to_exact) = (0, 0);
        for _ in 0..4000 {
            let x0 = Decimal::new((next() % 1_000_000 + 1) as i64, (next() % 4) as u32);
            let x = Decimal::new((next() % 1_000_000 + 1) as i64, (next() % 4) as u32);
            let aim = Decimal::new((next() % 2_000_000 + 1) as i64, (next() % 4) as u32);
            let elapsed = (next() % 2000 + 1) as i64;
            let left = (next() % 4000 + 1) as i64;
            for decimals in [2, 6, 9] {
                let exact = pace::compound_pace(x0, x, aim, elapsed, left);
                match compound_pace(x0, x, aim, elapsed, left, decimals, &bands) {
                    Some(fast) => {
                        taken += 1;
                        let exact = exact.expect("the exact rates exist where the shortcut does");
                        assert_eq!(
                            shown(&fast, decimals),
                            shown(&exact, decimals),
                            "{x0} {x} {aim} {elapsed} {left} at {decimals}"
                        );
                        let verdict = |r: &Rates| r.ratio.map(|r| bands.verdict(r));
                        assert_eq!(verdict(&fast), verdict(&exact));
                    }
                    None => left_to_exact += 1,
                }
            }
        }
        // Most cases take the shortcut (the others here are mostly powers
        // too steep for it: a factor of 10⁶ over a few days).
        assert!(taken > 5 * left_to_exact, "{taken} {left_to_exact}");
    }

    #[test]
    fn midpoints_edges_and_unit_factors_go_to_the_exact_formulas() {
        let bands = Bands::default();
        // A factor of exactly 1: the exact rate is exactly 0.
        assert!(compound_pace(d("100"), d("100"), d("200"), 365, 365, 6, &bands).is_none());
        assert!(compound_pace(d("100"), d("200"), d("200"), 365, 365, 6, &bands).is_none());
        // Equal factors over equal spans: a ratio of exactly 1, a value
        // that is no midpoint and no edge of the default bands.
        let (x0, x, aim) = (d("100"), d("200"), d("400"));
        assert!(compound_pace(x0, x, aim, 365, 365, 6, &bands).is_some());
        // On a band edge of 1 it is left to the exact formulas.
        let edge = Bands {
            on_track: Decimal::ONE,
            ..Bands::default()
        };
        assert!(compound_pace(x0, x, aim, 365, 365, 6, &edge).is_none());
        // Midpoints and values that round to zero.
        let near = |value: f64| Approx {
            value,
            error: 1e-15,
        };
        assert!(!rounds_surely(near(0.5), 0));
        assert!(!rounds_surely(near(0.0012345), 6));
        assert!(rounds_surely(near(0.0012344), 6));
        assert!(!rounds_surely(near(-0.0000001), 6));
    }
}
