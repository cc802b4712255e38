//! The inline SVG charts: ranking bars, the two-bar gap comparison and the
//! progress bar.
//!
//! Every element is built with maud like the rest of the page; the labels
//! and values written inside the charts go through [`Text`]. Shapes are
//! closed with an end tag (`<rect …></rect>`), which HTML reads exactly like
//! the self-closing form.

use maud::{Markup, html};
use rust_decimal::Decimal;

use super::format::{Text, to_f64};
use crate::Lang;
use crate::engine::progress::ProgressRow;
use crate::output::labels::page;

/// The SVG namespace, written on every chart.
const SVG_NS: &str = "http://www.w3.org/2000/svg";

/// One bar of a chart.
pub(super) struct Bar {
    /// The jurisdiction's name, left of the bar.
    pub label: String,
    /// The length of the bar, relative to the longest.
    pub value: f64,
    /// The value as written after the bar.
    pub text: String,
    /// Where the bar links to (its quote).
    pub href: Option<String>,
}

const CHART_WIDTH: f64 = 320.0;
const LABEL_WIDTH: f64 = 128.0;
const VALUE_WIDTH: f64 = 74.0;
const ROW_HEIGHT: f64 = 22.0;
const BAR_HEIGHT: f64 = 13.0;

/// A horizontal bar chart as inline SVG: labels on the left, bars from a
/// common baseline, each value written after its bar.
pub(super) fn bar_chart(title: &str, bars: &[Bar]) -> Markup {
    let height = ROW_HEIGHT * bars.len() as f64 + 8.0;
    let span = CHART_WIDTH - LABEL_WIDTH - VALUE_WIDTH - 8.0;
    let max = bars.iter().map(|b| b.value).fold(0.0_f64, f64::max);
    let x0 = LABEL_WIDTH + 4.0;
    html! {
        svg class="chart" xmlns=(SVG_NS) viewBox={ "0 0 " (CHART_WIDTH) " " (height) }
            width=(CHART_WIDTH) height=(height) role="img" aria-label=(Text(title)) {
            title { (Text(title)) }
            @for (i, bar) in bars.iter().enumerate() {
                @let length = if max > 0.0 && bar.value > 0.0 {
                    (bar.value / max * span).max(1.5)
                } else {
                    0.0
                };
                g class="row" {
                    @if let Some(href) = &bar.href {
                        a href=(Text(href)) { (bar_shapes(bar, 4.0 + ROW_HEIGHT * i as f64, length)) }
                    } @else {
                        (bar_shapes(bar, 4.0 + ROW_HEIGHT * i as f64, length))
                    }
                }
            }
            line class="axis" x1=(x0) y1="2" x2=(x0) y2=(height - 2.0) {}
        }
    }
}

/// The label, bar and value of one row of a bar chart, `y` from the top.
fn bar_shapes(bar: &Bar, y: f64, length: f64) -> Markup {
    let x0 = LABEL_WIDTH + 4.0;
    let text_y = y + BAR_HEIGHT - 2.5;
    html! {
        text class="label" x=(LABEL_WIDTH - 4.0) y=(text_y) text-anchor="end" { (Text(&bar.label)) }
        rect class="bar" x=(x0) y=(y) width=(format!("{length:.1}")) height=(BAR_HEIGHT) {}
        text class="value" x=(format!("{:.1}", x0 + length + 5.0)) y=(text_y) { (Text(&bar.text)) }
    }
}

/// A two-bar comparison for a gap row: the benchmark (grey) above the
/// subject (accent), on a scale whose full width is `max` (the largest value
/// among the rows of the same metric, so the rows compare with each other).
pub(super) fn gap_chart(
    benchmark: Decimal,
    subject: Option<Decimal>,
    max: f64,
    lang: Lang,
) -> Markup {
    const W: f64 = 120.0;
    let b = to_f64(benchmark).max(0.0);
    let s = subject.map(to_f64).unwrap_or(0.0).max(0.0);
    let len = |v: f64| {
        if max > 0.0 {
            format!("{:.1}", (v / max * (W - 4.0)).max(1.5))
        } else {
            "1.5".to_owned()
        }
    };
    let label = page::gap_chart_label(lang);
    html! {
        svg class="mini" xmlns=(SVG_NS) viewBox={ "0 0 " (W) " 24" } width=(W) height="24"
            role="img" aria-label=(Text(label)) {
            rect class="bench" x="0" y="2" width=(len(b)) height="9" {}
            @if s > 0.0 {
                rect class="subject" x="0" y="13" width=(len(s)) height="9" {}
            } @else {
                rect class="subject" x="0" y="13" width="1.5" height="9" {}
                text class="none" x="5" y="21" { "0" }
            }
        }
    }
}

/// A progress bar: the share of the way from baseline to target, clamped
/// to the track, with the percentage written after it.
pub(super) fn progress_bar(row: &ProgressRow) -> Markup {
    const W: f64 = 220.0;
    let p = row.progress.map(to_f64).unwrap_or(0.0);
    let fill = p.clamp(0.0, 1.0) * W;
    let percent = row
        .progress
        .map(|p| format!("{}%", (p * Decimal::from(100)).round_dp(1).normalize()))
        .unwrap_or_default();
    html! {
        svg class="progress" xmlns=(SVG_NS) viewBox={ "0 0 " (W + 56.0) " 16" } width=(W + 56.0)
            height="16" role="img" aria-label=(Text(&percent)) {
            rect class="track" x="0" y="3" width=(W) height="10" {}
            rect class="fill" x="0" y="3" width=(format!("{fill:.1}")) height="10" {}
            text x=(W + 6.0) y="12.5" { (Text(&percent)) }
        }
    }
}

/// One row of a rank-interval chart.
pub(super) struct Interval {
    /// The jurisdiction's name, left of its line.
    pub label: String,
    /// The nominal rank (the dot).
    pub rank: u32,
    /// The median rank (the tick).
    pub median: u32,
    /// The low and high ranks (the ends of the line).
    pub low: u32,
    pub high: u32,
    /// The rank as written after the line: `3 (2–5)`.
    pub text: String,
}

const INTERVAL_WIDTH: f64 = 560.0;
const INTERVAL_TEXT: f64 = 84.0;

/// A dot-and-whisker chart of ranks: one row per jurisdiction, best first,
/// on a rank axis from 1 (left) to `ranks` (right): a line from the low
/// to the high rank, a tick at the median rank and a dot at the rank.
pub(super) fn interval_chart(title: &str, axis: &str, rows: &[Interval], ranks: u32) -> Markup {
    let top = 20.0;
    let height = top + ROW_HEIGHT * rows.len() as f64 + 6.0;
    let x0 = LABEL_WIDTH + 10.0;
    let x1 = INTERVAL_WIDTH - INTERVAL_TEXT - 10.0;
    let span = f64::from(ranks.max(2) - 1);
    let x = |rank: u32| x0 + f64::from(rank.saturating_sub(1)) / span * (x1 - x0);
    let ticks: Vec<u32> = {
        let mut t = vec![1, ranks.max(1)];
        if ranks >= 5 {
            t.insert(1, ranks.div_ceil(2));
        }
        t.dedup();
        t
    };
    html! {
        svg class="chart intervals" xmlns=(SVG_NS) viewBox={ "0 0 " (INTERVAL_WIDTH) " " (height) }
            width=(INTERVAL_WIDTH) height=(height) role="img" aria-label=(Text(title)) {
            title { (Text(title)) }
            text class="value" x=(LABEL_WIDTH - 4.0) y="12" text-anchor="end" { (Text(axis)) }
            @for t in &ticks {
                text class="value" x=(format!("{:.1}", x(*t))) y="12" text-anchor="middle" { (t) }
                line class="grid" x1=(format!("{:.1}", x(*t))) y1="16" x2=(format!("{:.1}", x(*t))) y2=(height - 2.0) {}
            }
            @for (i, row) in rows.iter().enumerate() {
                @let y = top + ROW_HEIGHT * i as f64 + ROW_HEIGHT / 2.0;
                g class="row" {
                    text class="label" x=(LABEL_WIDTH - 4.0) y=(y + 4.0) text-anchor="end" { (Text(&row.label)) }
                    line class="whisker" x1=(format!("{:.1}", x(row.low))) y1=(y) x2=(format!("{:.1}", x(row.high))) y2=(y) {}
                    line class="whisker" x1=(format!("{:.1}", x(row.low))) y1=(y - 4.0) x2=(format!("{:.1}", x(row.low))) y2=(y + 4.0) {}
                    line class="whisker" x1=(format!("{:.1}", x(row.high))) y1=(y - 4.0) x2=(format!("{:.1}", x(row.high))) y2=(y + 4.0) {}
                    line class="median" x1=(format!("{:.1}", x(row.median))) y1=(y - 6.0) x2=(format!("{:.1}", x(row.median))) y2=(y + 6.0) {}
                    circle class="dot" cx=(format!("{:.1}", x(row.rank))) cy=(y) r="4" {}
                    text class="value" x=(x1 + 12.0) y=(y + 4.0) { (Text(&row.text)) }
                }
            }
        }
    }
}
