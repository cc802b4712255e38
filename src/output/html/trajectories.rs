//! Section 4's trajectory charts: for each target with a trend, its
//! reported figures, the target at its deadline, the straight path from
//! the first figure to the target and the trend to the deadline.

use chrono::NaiveDate;
use maud::{Markup, html};
use rust_decimal::Decimal;

use super::Page;
use super::format::{Text, to_f64};
use crate::engine::progress::{ProgressRow, Trend};
use crate::output::amount::human_amount;
use crate::output::labels::{self, page};

/// The SVG namespace.
const SVG_NS: &str = "http://www.w3.org/2000/svg";
const W: f64 = 300.0;
const H: f64 = 150.0;
const LEFT: f64 = 8.0;
const RIGHT: f64 = 8.0;
const TOP: f64 = 16.0;
const BOTTOM: f64 = 18.0;
/// Points of the trend's polyline (a compound trend curves).
const TREND_POINTS: i64 = 24;

/// A chart's scales: days from the first figure to the deadline across,
/// values from the least to the greatest shown (and zero) upward.
struct Scale {
    first: NaiveDate,
    days: f64,
    low: f64,
    high: f64,
    /// The top of the value scale, written for people.
    top: String,
}

impl Scale {
    fn x(&self, day: NaiveDate) -> f64 {
        LEFT + (day - self.first).num_days() as f64 / self.days * (W - LEFT - RIGHT)
    }

    fn y(&self, value: f64) -> f64 {
        H - BOTTOM - (value - self.low) / (self.high - self.low) * (H - TOP - BOTTOM)
    }

    fn point(&self, day: NaiveDate, value: f64) -> String {
        format!("{:.1},{:.1}", self.x(day), self.y(value))
    }
}

impl Page<'_, '_> {
    /// The charts of every row with a trend, after a heading and a note
    /// saying what the marks are; nothing when no row has a trend.
    pub(super) fn trajectories(&self) -> Markup {
        let rows: Vec<(&ProgressRow, &Trend)> = self
            .o
            .progress
            .rows
            .iter()
            .filter_map(|r| r.trend.as_ref().map(|t| (r, t)))
            .collect();
        html! {
            @if !rows.is_empty() {
                h3 { (Text(page::trajectories_heading(self.lang))) } "\n"
                p class="note" { (Text(page::trajectories_note(self.lang))) } "\n"
                div class="trajectories" {
                    "\n"
                    @for (row, trend) in &rows { (self.trajectory(row, trend)) "\n" }
                } "\n"
            }
        }
    }

    /// The figures of a row's target that its trend goes through: those of
    /// its jurisdiction and metric (and dimension) from the period start to
    /// the deadline, known on the as-of date.
    fn figures(&self, row: &ProgressRow) -> Vec<(NaiveDate, Decimal)> {
        let Some(target) = self.target(row.target_id.as_str()) else {
            return Vec::new();
        };
        let start = self.catalog.period_start(target);
        let end = row.deadline.min(self.o.as_of);
        self.catalog
            .observations()
            .iter()
            .filter(|o| {
                o.jurisdiction == row.jurisdiction
                    && o.metric == row.metric
                    && o.value.dimension() == row.unit.dimension()
                    && (start..=end).contains(&o.date())
            })
            .map(|o| (o.date(), o.value.canonical_value()))
            .collect()
    }

    /// One target's chart with its caption: whose target, and what the
    /// trend says of it.
    fn trajectory(&self, row: &ProgressRow, trend: &Trend) -> Markup {
        let figures = self.figures(row);
        let t = &trend.trajectory;
        let first = t.first;
        let deadline = row.deadline.max(first + chrono::TimeDelta::days(1));
        let span = (deadline - first).num_days();
        let line: Vec<(NaiveDate, f64)> = (0..=TREND_POINTS)
            .filter_map(|i| {
                let day = first + chrono::TimeDelta::days(span * i / TREND_POINTS);
                t.value_at(day).map(|v| (day, to_f64(v)))
            })
            .collect();
        let target = to_f64(row.target_value);
        let values = figures
            .iter()
            .map(|(_, v)| to_f64(*v))
            .chain(line.iter().map(|(_, v)| *v))
            .chain([target, 0.0]);
        let (low, high) = values.fold((f64::MAX, f64::MIN), |(lo, hi), v| (lo.min(v), hi.max(v)));
        let high = if high > low { high } else { low + 1.0 };
        let top = Decimal::try_from(high).unwrap_or_default().round_dp(2);
        let scale = Scale {
            first,
            days: span as f64,
            low,
            high,
            top: human_amount(top, row.unit, self.lang),
        };
        let name = self.name(row.jurisdiction.as_str());
        let metric = self.metric_name(row.metric.as_str());
        let label = page::trajectory_chart_label(self.lang, &name, &metric);
        let projected = row
            .projected_value
            .map(|v| human_amount(v, row.unit, self.lang));
        let outlook = labels::projection(row.projected_attainment, projected.as_deref(), self.lang);
        // Of several figures on the first day, the last in the catalogue.
        let start = figures
            .iter()
            .rfind(|(d, _)| *d == first)
            .map(|(_, v)| to_f64(*v));
        html! {
            figure class="trajectory" {
                (self.trajectory_svg(&scale, &label, &figures, &line, (start, target), deadline))
                figcaption {
                    (Text(&name)) " · " (Text(&metric))
                    @if !outlook.is_empty() { br; span class="outlook" { (Text(&outlook)) } }
                }
            }
        }
    }

    /// The chart itself: axes, the straight path from the first figure
    /// (`path.0`) to the target value (`path.1`) at the deadline, the trend
    /// as a dashed polyline, the figures as dots and the target as a square.
    fn trajectory_svg(
        &self,
        scale: &Scale,
        label: &str,
        figures: &[(NaiveDate, Decimal)],
        line: &[(NaiveDate, f64)],
        path: (Option<f64>, f64),
        deadline: NaiveDate,
    ) -> Markup {
        let [figures_word, target_word, path_word, trend_word] = page::trajectory_legend(self.lang);
        let trend: Vec<String> = line.iter().map(|(d, v)| scale.point(*d, *v)).collect();
        let (x0, x1) = (scale.x(scale.first), scale.x(deadline));
        let base = scale.y(scale.low);
        html! {
            svg class="trajectory" xmlns=(SVG_NS) viewBox={ "0 0 " (W) " " (H) } width=(W) height=(H)
                role="img" aria-label=(Text(label)) {
                title { (Text(label)) }
                line class="axis" x1=(LEFT) y1=(TOP - 4.0) x2=(LEFT) y2=(base) {}
                line class="axis" x1=(LEFT) y1=(base) x2=(W - RIGHT) y2=(base) {}
                text class="tick" x=(LEFT + 3.0) y=(TOP - 6.0) { (Text(&scale.top)) }
                text class="tick" x=(x0) y=(H - 4.0) { (Text(scale.first.to_string())) }
                text class="tick" x=(x1) y=(H - 4.0) text-anchor="end" { (Text(deadline.to_string())) }
                @if let (Some(from), to) = path {
                    line class="path" x1=(format!("{x0:.1}")) y1=(format!("{:.1}", scale.y(from)))
                        x2=(format!("{x1:.1}")) y2=(format!("{:.1}", scale.y(to))) {
                        title { (Text(path_word)) }
                    }
                }
                polyline class="trend" points=(trend.join(" ")) {
                    title { (Text(trend_word)) }
                }
                g class="figures" {
                    title { (Text(figures_word)) }
                    @for (day, value) in figures {
                        circle cx=(format!("{:.1}", scale.x(*day))) cy=(format!("{:.1}", scale.y(to_f64(*value)))) r="2.8" {}
                    }
                }
                rect class="goal" x=(format!("{:.1}", x1 - 3.5)) y=(format!("{:.1}", scale.y(path.1) - 3.5))
                    width="7" height="7" {
                    title { (Text(target_word)) }
                }
            }
        }
    }
}
