//! Section 2: every metric's ranking, as set and per million residents, as
//! pairs of bar charts.

use std::collections::BTreeSet;

use chrono::NaiveDate;
use maud::{Markup, html};

use super::Page;
use super::charts::{Bar, bar_chart};
use super::format::{Text, human_ratio, to_f64};
use crate::Dimension;
use crate::engine::rank::Ranking;
use crate::output::amount::human_amount;
use crate::output::labels::page;

impl Page<'_, '_> {
    fn ranking_bars(&self, ranking: &Ranking, per_capita: bool) -> Vec<Bar> {
        ranking
            .rows
            .iter()
            .map(|r| Bar {
                label: self.ranked_name(r),
                value: to_f64(r.value),
                text: if per_capita {
                    human_ratio(r.value)
                } else {
                    // The raw value is the target in canonical units; counts
                    // keep the measure word of the target as written.
                    let unit = match r.target_unit.dimension() {
                        Dimension::Count => r.written_unit,
                        d => d.canonical_unit(),
                    };
                    human_amount(r.value, unit, self.lang)
                },
                href: Some(format!("#q-{}", r.target_id)),
            })
            .collect()
    }

    /// The unit of a ranking's values, for its chart caption (empty for
    /// plain counts in English).
    fn unit_label(&self, ranking: &Ranking) -> String {
        let canonical = self
            .catalog
            .metric(ranking.metric.as_str())
            .map(|m| m.dimension.canonical_unit());
        let first = ranking.rows.first().map(|r| r.target_unit);
        page::ranking_unit(self.lang, ranking.per, first, canonical)
    }

    /// The section: one pair of charts per metric.
    pub(super) fn rankings_section(&self) -> Markup {
        let dates: BTreeSet<NaiveDate> = self
            .o
            .rankings
            .iter()
            .flat_map(|(_, c)| c.iter().flat_map(|c| c.rows.iter()))
            .filter_map(|r| r.denominator_as_of)
            .collect();
        // One vintage of denominators for the whole section is said once.
        let common = (dates.len() == 1)
            .then(|| dates.iter().next().copied())
            .flatten();
        let denominators = page::rankings_denominators(self.lang, common);
        html! {
            section id="rankings" {
                "\n"
                h2 { (Text(page::rankings_heading(self.lang))) } "\n"
                p class="note" {
                    (Text(page::rankings_note(self.lang)))
                    (Text(&denominators))
                } "\n"
                @for (n, (raw, capita)) in self.o.rankings.iter().enumerate() {
                    div class="metric" id={ "m-" (Text(raw.metric.as_str())) } {
                        "\n"
                        h3 {
                            span class="n" { "2." (n + 1) }
                            (Text(self.metric_name(raw.metric.as_str())))
                        } "\n"
                        div class="pair" {
                            "\n"
                            (self.ranking_figure(raw, false, common.is_none()))
                            @if let Some(capita) = capita {
                                (self.ranking_figure(capita, true, common.is_none()))
                            }
                        } "\n"
                    } "\n"
                }
                @if self.o.rankings.is_empty() {
                    p { (Text(page::no_ranking(self.lang))) } "\n"
                }
                @if !self.o.unranked_metrics.is_empty() {
                    p class="note" {
                        (Text(page::single_row_metrics(self.lang, &self.single_row_names())))
                    } "\n"
                }
            } "\n"
        }
    }

    /// The names of the metrics with targets that are not ranked.
    fn single_row_names(&self) -> Vec<String> {
        self.o
            .unranked_metrics
            .iter()
            .map(|m| self.metric_name(m.as_str()))
            .collect()
    }

    /// The caption of a ranking's chart: what is shown, in which unit.
    fn ranking_caption(&self, ranking: &Ranking, per_capita: bool) -> String {
        page::ranking_caption(self.lang, per_capita, &self.unit_label(ranking))
    }

    /// One chart of a metric with its caption, the date of its
    /// denominators when the section has no common one, and the
    /// jurisdictions left out with the reason.
    fn ranking_figure(&self, ranking: &Ranking, per_capita: bool, dated: bool) -> Markup {
        let caption = self.ranking_caption(ranking, per_capita);
        let metric = self.metric_name(ranking.metric.as_str());
        let bars = self.ranking_bars(ranking, per_capita);
        let denominator = (per_capita && dated)
            .then(|| ranking.rows.iter().find_map(|r| r.denominator_as_of))
            .flatten()
            .map(|d| page::figure_denominators(self.lang, d));
        html! {
            figure {
                "\n"
                figcaption { (Text(&caption)) } "\n"
                @if bars.is_empty() {
                    p class="unranked" { (Text(page::nothing_ranked(self.lang))) } "\n"
                } @else {
                    (bar_chart(&format!("{metric}: {caption}"), &bars)) "\n"
                }
                @if let Some(text) = &denominator {
                    p class="unranked" { (Text(text)) } "\n"
                }
                @for u in &ranking.unranked {
                    p class="unranked" {
                        (Text(page::not_ranked(
                            self.lang,
                            &self.name(u.jurisdiction.as_str()),
                            &u.reason,
                        )))
                    } "\n"
                }
            } "\n"
        }
    }
}
