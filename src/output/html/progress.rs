//! Section 4: the progress of targets with reported figures, and the count
//! of targets by status.

use maud::{Markup, html};

use super::charts::progress_bar;
use super::format::Text;
use super::{Page, reported};
use crate::engine::progress::{ProgressRow, Status as ProgressStatus};
use crate::output::amount::human_amount;
use crate::output::labels::{page, status_words};

impl Page<'_, '_> {
    /// The section: the table of targets with figures (or why there is
    /// none), then the count of every status.
    pub(super) fn progress_section(&self) -> Markup {
        let o = self.o;
        let with_data: Vec<&ProgressRow> = o
            .progress
            .rows
            .iter()
            .filter(|r| r.latest_value.is_some())
            .collect();
        let none = page::no_progress(self.lang, o.as_of);
        html! {
            section id="progress" {
                "\n"
                h2 { (Text(page::progress_heading(self.lang))) } "\n"
                @if with_data.is_empty() {
                    p class="plain" { (Text(&none)) } "\n"
                } @else {
                    (self.progress_table(&with_data))
                    (self.trajectories())
                }
                (self.status_counts())
            } "\n"
        }
    }

    /// The table of targets with a reported figure, each with its bar.
    fn progress_table(&self, rows: &[&ProgressRow]) -> Markup {
        let [jurisdiction, metric, latest, target, progress, status] =
            page::progress_headings(self.lang);
        html! {
            table class="progress" {
                "\n"
                thead { tr {
                    th { (Text(jurisdiction)) }
                    th { (Text(metric)) }
                    th class="num" { (Text(latest)) }
                    th class="num" { (Text(target)) }
                    th { (Text(progress)) }
                    th { (Text(status)) }
                } } "\n"
                tbody {
                    "\n"
                    @for r in rows { (self.progress_row(r)) "\n" }
                } "\n"
            } "\n"
        }
    }

    /// One target's row: the latest figure with its date, the target with
    /// its deadline, the bar and the status.
    fn progress_row(&self, r: &ProgressRow) -> Markup {
        let latest = r
            .latest_value
            .map(|v| human_amount(v, r.unit, self.lang))
            .unwrap_or_default();
        let as_of = r.latest_as_of.map(|d| d.to_string()).unwrap_or_default();
        html! {
            tr {
                td class="nowrap" { (Text(self.name(r.jurisdiction.as_str()))) }
                td { (Text(self.metric_name(r.metric.as_str()))) }
                td class="num" {
                    (Text(&latest))
                    @if let Some(x) = reported(self.catalog, r) { (self.cites.mark(x.id.as_str())) }
                    span class="src-meta" { (Text(&as_of)) }
                }
                td class="num" {
                    a href={ "#q-" (Text(r.target_id.as_str())) } {
                        (Text(r.comparator.symbol()))
                        (Text(human_amount(r.target_value, r.unit, self.lang)))
                    }
                    (self.cites.mark(r.target_id.as_str()))
                    span class="src-meta" { (Text(r.deadline.to_string())) }
                }
                td { (progress_bar(r)) }
                td class="nowrap" { (Text(status_words(r.status, self.lang))) }
            }
        }
    }

    /// How many targets have each status (nothing without targets).
    fn status_counts(&self) -> Markup {
        let rows = &self.o.progress.rows;
        let counts: Vec<(ProgressStatus, usize)> = ProgressStatus::ALL
            .iter()
            .map(|s| (*s, rows.iter().filter(|r| r.status == *s).count()))
            .filter(|(_, n)| *n > 0)
            .collect();
        let heading = page::status_counts_heading(self.lang, rows.len());
        html! {
            @if !counts.is_empty() {
                p class="note" { (Text(&heading)) } "\n"
                ul class="statuses" {
                    "\n"
                    @for (status, n) in &counts {
                        li { (Text(status_words(*status, self.lang))) b { (n) } } "\n"
                    }
                } "\n"
            }
        }
    }
}
