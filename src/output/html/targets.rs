//! Section 1: the targets in force, grouped by deadline.

use maud::{Markup, html};

use super::Page;
use super::format::Text;
use crate::Target;
use crate::output::labels::page;
use crate::output::level_label;

impl Page<'_, '_> {
    /// The table of targets, one group of rows per deadline.
    pub(super) fn targets_section(&self) -> Markup {
        let targets = &self.o.targets;
        let groups = targets.chunk_by(|a, b| a.deadline == b.deadline);
        let [deadline, jurisdiction, metric, target, source] = page::targets_headings(self.lang);
        html! {
            section id="targets" {
                "\n"
                h2 { (Text(page::targets_heading(self.lang))) } "\n"
                table class="targets" {
                    "\n"
                    thead { tr {
                        th { (Text(deadline)) }
                        th { (Text(jurisdiction)) }
                        th { (Text(metric)) }
                        th class="num" { (Text(target)) }
                        th { (Text(source)) }
                    } } "\n"
                    tbody {
                        "\n"
                        @for group in groups {
                            @for (k, t) in group.iter().enumerate() {
                                (self.target_row(t, k, group.len())) "\n"
                            }
                        }
                        @if targets.is_empty() {
                            tr { td colspan="5" {
                                (Text(page::no_target_in_force(self.lang)))
                            } } "\n"
                        }
                    } "\n"
                } "\n"
                p class="note" {
                    (Text(page::targets_note(self.lang)))
                } "\n"
            } "\n"
        }
    }

    /// The `k`-th row of a group of `group` targets with one deadline: the
    /// first carries the deadline cell, the last closes the group.
    fn target_row(&self, t: &Target, k: usize, group: usize) -> Markup {
        let j = self.catalog.jurisdiction(t.jurisdiction.as_str());
        let last = if k + 1 == group { " group" } else { "" };
        let level = j
            .map(|j| level_label(j.level, self.lang))
            .unwrap_or_default();
        html! {
            tr id={ "t-" (Text(t.id.as_str())) } {
                @if k == 0 {
                    td class="deadline group" rowspan=(group) {
                        (Text(page::partial_date(self.lang, t.deadline.date())))
                    }
                }
                td class={ "nowrap" (last) } {
                    (Text(self.name(t.jurisdiction.as_str())))
                    span class="level" { (Text(&level)) }
                }
                td class=(last) { (Text(self.metric_name(t.metric.as_str()))) }
                td class={ "num" (last) } {
                    a href={ "#q-" (Text(t.id.as_str())) } { (Text(self.target_value(t))) }
                    (self.cites.mark(t.id.as_str()))
                }
                td class=(last) {
                    @if let Some(s) = self.catalog.source(t.source.as_str()) {
                        (self.source_cell(s))
                    }
                }
            }
        }
    }
}
