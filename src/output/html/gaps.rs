//! Section 3: the subject's gaps to its benchmarks per million residents,
//! with the targets it would need.

use std::collections::BTreeSet;

use maud::{Markup, html};

use super::Page;
use super::charts::gap_chart;
use super::format::{Text, human_amount, human_ratio, to_f64};
use crate::Lang;
use crate::engine::gap::Gap;
use crate::output::labels;

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
                    (Text(match self.lang {
                        Lang::Zh => format!("三、{subject}对标分析（每百万常住人口）"),
                        Lang::En => format!("3. {subject}: gaps to benchmarks (per million residents)"),
                    }))
                } "\n"
                p { (Text(self.gaps_intro())) } "\n"
                @if o.gaps.is_empty() {
                    p class="plain" {
                        (Text(self.t("无可对标的目标。", "No benchmark can be computed on this date.")))
                    } "\n"
                } @else {
                    p class="legend" {
                        (Text(self.t("图例：", "Legend:")))
                        span class="swatch bench" {}
                        (Text(self.t("对标强度", "benchmark")))
                        span class="swatch subject" {}
                        (Text(subject))
                    } "\n"
                    (self.gaps_table())
                }
                @for question in &o.unanswered {
                    p class="note" {
                        (Text(match self.lang {
                            Lang::Zh => format!(
                                "说明：{}——{}。",
                                self.metric_name(question.metric.as_str()),
                                labels::unanswered(question, self.lang)
                            ),
                            Lang::En => format!(
                                "Note: {}: {}.",
                                self.metric_name(question.metric.as_str()),
                                labels::unanswered(question, self.lang)
                            ),
                        }))
                    } "\n"
                }
            } "\n"
        }
    }

    /// What the section shows, with the dates of the subject's population.
    fn gaps_intro(&self) -> String {
        let subject = self.o.subject.name(self.lang);
        let dates: Vec<String> = self
            .o
            .gaps
            .iter()
            .filter_map(|g| g.denominator_as_of)
            .collect::<BTreeSet<_>>()
            .iter()
            .map(|d| d.to_string())
            .collect();
        let dates = |sep: &str| {
            if dates.is_empty() {
                "—".to_owned()
            } else {
                dates.join(sep)
            }
        };
        match self.lang {
            Lang::Zh => format!(
                "按对标地区每百万常住人口的目标强度，以{subject}常住人口（{}）折算出{subject}达到同等强度所需的目标（加粗）。对标包括设定该指标目标的各地区及省级中位数。",
                dates("、")
            ),
            Lang::En => format!(
                "The target {subject} would need (in bold) to match each benchmark's level per million residents, using its resident population ({}). Benchmarks are every jurisdiction with a target on the metric and the median of the provinces.",
                dates(", ")
            ),
        }
    }

    /// The table of gaps, one group of rows per metric; the small charts of
    /// a group share one scale.
    fn gaps_table(&self) -> Markup {
        let groups = self.o.gaps.chunk_by(|a, b| a.metric == b.metric);
        html! {
            table class="gaps" {
                "\n"
                thead { tr {
                    th { (Text(self.t("指标", "Metric"))) }
                    th { (Text(self.t("对标", "Benchmark"))) }
                    th class="num" { (Text(self.t("对标强度（/百万人）", "Benchmark per million"))) }
                    th class="num" { (Text(self.t("现有目标", "Own target"))) }
                    th class="num" { (Text(self.t("所需目标", "Required target"))) }
                    th { (Text(self.t("强度对比", "Comparison"))) }
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
        let required = human_amount(g.required_target.round_dp(0), g.required_unit, self.lang);
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
                        (Text(self.t("无", "none")))
                    }
                }
                td class={ "num" (last) } { strong class="required" { (Text(&required)) } }
                td class=(last) { (gap_chart(g.benchmark_value, g.subject_value, max, self.lang)) }
            }
        }
    }
}
