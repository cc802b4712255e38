//! Section 5: the composite index, its ranks with their uncertainty
//! intervals as a dot-and-whisker chart, the scores, and the sensitivity
//! table.

use maud::{Markup, html};

use super::Page;
use super::charts::{Interval, interval_chart};
use super::format::Text;
use crate::engine::index::Index;
use crate::output::labels::{index as words, page};
use crate::output::table::human;

impl Page<'_, '_> {
    /// The section, when the overview has an index.
    pub(super) fn index_section(&self) -> Markup {
        let Some(index) = &self.o.index else {
            return html! {};
        };
        let lang = self.lang;
        let names: Vec<String> = index
            .metrics
            .iter()
            .map(|m| self.metric_name(m.id.as_str()))
            .collect();
        let title = words::title(
            &names.iter().map(String::as_str).collect::<Vec<_>>(),
            index.per,
            index.level,
            index.as_of,
            lang,
        );
        let rows: Vec<Interval> = index
            .rows
            .iter()
            .map(|r| Interval {
                label: self.name(r.jurisdiction.as_str()),
                rank: r.rank,
                median: r.rank_median,
                low: r.rank_low,
                high: r.rank_high,
                text: index.rank_text(r),
            })
            .collect();
        let note = page::index_note(lang, index.metrics.len(), index.draws);
        html! {
            section id="index" {
                "\n"
                h2 { (Text(page::index_heading(lang))) } "\n"
                p class="note" { (Text(&note)) } "\n"
                h3 { (Text(title.trim_end())) } "\n"
                figure class="intervals" {
                    (interval_chart(page::index_chart_label(lang), page::index_axis(lang), &rows, index.rows.len() as u32))
                } "\n"
                (self.index_table(index))
                (self.sensitivity_table(index))
                @for e in &index.excluded {
                    p class="unranked" { (Text(words::not_included(&self.name(e.jurisdiction.as_str()), &e.reason, lang).trim_end())) } "\n"
                }
            } "\n"
        }
    }

    /// The scores and ranks.
    fn index_table(&self, index: &Index) -> Markup {
        let [rank, jurisdiction, score, covered] = page::index_headings(self.lang);
        let metrics = index.metrics.len();
        html! {
            table class="index" {
                "\n"
                thead { tr {
                    th class="num" { (Text(rank)) }
                    th { (Text(jurisdiction)) }
                    th class="num" { (Text(score)) }
                    th class="num" { (Text(covered)) }
                } } "\n"
                tbody {
                    "\n"
                    @for r in &index.rows {
                        tr {
                            td class="num" { (Text(index.rank_text(r))) }
                            td class="nowrap" { (Text(self.name(r.jurisdiction.as_str()))) }
                            td class="num" { (Text(human(r.score.round_dp(2)))) }
                            td class="num" { (Text(format!("{}/{metrics}", r.covered))) }
                        } "\n"
                    }
                } "\n"
            } "\n"
        }
    }

    /// The sensitivity table (nothing without draws).
    fn sensitivity_table(&self, index: &Index) -> Markup {
        let [input, shift] = words::sensitivity_headings(self.lang);
        html! {
            @if !index.sensitivity.is_empty() {
                table class="sensitivity" {
                    caption { (Text(page::sensitivity_caption(self.lang))) }
                    "\n"
                    thead { tr { th { (Text(input)) } th class="num" { (Text(shift)) } } } "\n"
                    tbody {
                        "\n"
                        @for s in &index.sensitivity {
                            tr {
                                td { (Text(words::input(s.input, self.lang))) }
                                td class="num" { (Text(s.mean_abs_rank_shift.round_dp(2).to_string())) }
                            } "\n"
                        }
                    } "\n"
                } "\n"
            }
        }
    }
}
