//! Section 1: the targets in force, grouped by deadline.

use maud::{Markup, html};

use super::Page;
use super::format::{Text, partial_date};
use crate::Target;
use crate::output::level_label;

impl Page<'_, '_> {
    /// The table of targets, one group of rows per deadline.
    pub(super) fn targets_section(&self) -> Markup {
        let targets = &self.o.targets;
        let groups = targets.chunk_by(|a, b| a.deadline == b.deadline);
        html! {
            section id="targets" {
                "\n"
                h2 { (Text(self.t("一、目标一览（按期限）", "1. Targets by deadline"))) } "\n"
                table class="targets" {
                    "\n"
                    thead { tr {
                        th { (Text(self.t("期限", "Deadline"))) }
                        th { (Text(self.t("地区", "Jurisdiction"))) }
                        th { (Text(self.t("指标", "Metric"))) }
                        th class="num" { (Text(self.t("目标", "Target"))) }
                        th { (Text(self.t("来源（发布机构 · 文号 · 日期）", "Source (issuer · no. · date)"))) }
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
                                (Text(self.t("截至评估日无有效目标。", "No target in force on this date.")))
                            } } "\n"
                        }
                    } "\n"
                } "\n"
                p class="note" {
                    (Text(self.t(
                        "注：“≥”表示不少于，“>”表示超过；期限为年份的，指该年年底前。方括号内数字指向附录中的原文摘录。",
                        "Note: ≥ means at least, > more than; a deadline given as a year means by the end of that year. Bracketed numbers refer to the verbatim quotes in the appendix."
                    )))
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
                        (Text(partial_date(t.deadline.date(), self.lang)))
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
