//! Section 3: the subject's gaps to its benchmarks per million residents,
//! with the targets it would need.

use std::collections::BTreeSet;

use chrono::NaiveDate;
use maud::{Markup, html};

use super::Page;
use super::charts::gap_chart;
use super::format::{Text, human_ratio, to_f64};
use crate::engine::gap::Gap;
use crate::output::labels::page;

impl Page<'_, '_> {
    /// The section: an introduction, the table of gaps grouped by metric,
    /// and the questions without an answer.
    pub(super) fn gaps_section(&self) -> Markup {
        let o = self.o;
        let subject = o.subject.name(self.lang);
        html! {
            section id="gaps" {
                "\n"
                h2 {
                    (Text(page::gaps_heading(self.lang, subject)))
                } "\n"
                p { (Text(self.gaps_intro())) } "\n"
                @if o.gaps.is_empty() {
                    p class="plain" {
                        (Text(page::no_gaps(self.lang)))
                    } "\n"
                } @else {
                    p class="legend" {
                        (Text(page::legend(self.lang)))
                        span class="swatch bench" {}
                        (Text(page::legend_benchmark(self.lang)))
                        span class="swatch subject" {}
                        (Text(subject))
                    } "\n"
                    (self.gaps_table())
                }
                @let (few, others) = o.unanswered_by_kind();
                @if !few.is_empty() {
                    p class="note" {
                        (Text(page::few_peers_note(self.lang, &few.iter().map(|q| self.metric_name(q.metric.as_str()).to_string()).collect::<Vec<_>>())))
                    } "\n"
                }
                @for question in others {
                    p class="note" {
                        (Text(page::unanswered_note(
                            self.lang,
                            &self.metric_name(question.metric.as_str()),
                            question,
                            self.catalog,
                        )))
                    } "\n"
                }
            } "\n"
        }
    }

    /// What the section shows, with the dates of the subject's population.
    fn gaps_intro(&self) -> String {
        let subject = self.o.subject.name(self.lang);
        let dates: Vec<NaiveDate> = self
            .o
            .gaps
            .iter()
            .filter_map(|g| g.denominator_as_of)
            .collect::<BTreeSet<_>>()
            .into_iter()
            .collect();
        page::gaps_intro(self.lang, subject, &dates)
    }

    /// The table of gaps, one group of rows per metric; the small charts of
    /// a group share one scale.
    fn gaps_table(&self) -> Markup {
        let groups = self.o.gaps.chunk_by(|a, b| a.metric == b.metric);
        let [metric, benchmark, per_million, own, required, comparison] =
            page::gaps_headings(self.lang);
        html! {
            table class="gaps" {
                "\n"
                thead { tr {
                    th { (Text(metric)) }
                    th { (Text(benchmark)) }
                    th class="num" { (Text(per_million)) }
                    th class="num" { (Text(own)) }
                    th class="num" { (Text(required)) }
                    th { (Text(comparison)) }
                } } "\n"
                tbody {
                    "\n"
                    @for group in groups {
                        @let max = group
                            .iter()
                            .flat_map(|g| [Some(g.benchmark_value), g.subject_value])
                            .flatten()
                            .map(to_f64)
                            .fold(0.0_f64, f64::max);
                        @for (k, g) in group.iter().enumerate() {
                            (self.gap_row(g, k, group.len(), max)) "\n"
                        }
                    }
                } "\n"
            } "\n"
        }
    }

    /// The `k`-th row of a group of `group` gaps on one metric, its chart
    /// scaled to `max`.
    fn gap_row(&self, g: &Gap, k: usize, group: usize, max: f64) -> Markup {
        let last = if k + 1 == group { " group" } else { "" };
        let own = g
            .subject_target
            .as_ref()
            .and_then(|t| self.target(t.as_str()));
        let required = g.required_amount(self.catalog, self.lang);
        html! {
            tr {
                @if k == 0 {
                    td class="group" rowspan=(group) { (Text(self.metric_name(g.metric.as_str()))) }
                }
                td class={ "nowrap" (last) } { (Text(g.benchmark_label(self.lang))) }
                td class={ "num" (last) } {
                    @if let Some(t) = &g.benchmark_target {
                        a href={ "#q-" (Text(t.as_str())) } { (Text(human_ratio(g.benchmark_value))) }
                        (self.cites.mark(t.as_str()))
                    } @else {
                        (Text(human_ratio(g.benchmark_value)))
                    }
                }
                td class={ "num" (last) } {
                    @if let Some(t) = own {
                        a href={ "#q-" (Text(t.id.as_str())) } { (Text(self.target_value(t))) }
                        (self.cites.mark(t.id.as_str()))
                    } @else {
                        (Text(page::no_own_target(self.lang)))
                    }
                }
                td class={ "num" (last) } { strong class="required" { (Text(&required)) } }
                td class=(last) { (gap_chart(g.benchmark_value, g.subject_value, max, self.lang)) }
            }
        }
    }
}
