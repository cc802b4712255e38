//! Section 2: every metric's ranking, as set and per million residents, as
//! pairs of bar charts.

use std::collections::BTreeSet;

use chrono::NaiveDate;
use maud::{Markup, html};

use super::Page;
use super::charts::{Bar, bar_chart};
use super::format::{Text, human_amount, human_ratio, to_f64};
use crate::engine::rank::Ranking;
use crate::{Dimension, Lang, Unit};

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
                        Dimension::Count => r
                            .target_unit
                            .symbol()
                            .parse::<Unit>()
                            .unwrap_or(r.target_unit),
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
        match self.lang {
            Lang::Zh => {
                let unit = match ranking.rows.first().map(|r| r.target_unit) {
                    Some(u) if u.dimension() == Dimension::Count && u.magnitude() == 0 => {
                        crate::output::zh_unit(Some(u))
                    }
                    _ => crate::output::zh_unit(canonical),
                };
                crate::output::labels::per_unit_zh(ranking.per, &unit)
            }
            Lang::En => match canonical.map(|u| u.to_string()).as_deref() {
                Some("count") | None => String::new(),
                Some(unit) => unit.to_owned(),
            },
        }
    }

    /// The section: one pair of charts per metric.
    pub(super) fn rankings_section(&self) -> Markup {
        let dates: BTreeSet<NaiveDate> = self
            .o
            .rankings
            .iter()
            .flat_map(|(_, c)| c.rows.iter())
            .filter_map(|r| r.denominator_as_of)
            .collect();
        // One vintage of denominators for the whole section is said once.
        let common = (dates.len() == 1)
            .then(|| dates.iter().next().copied())
            .flatten();
        let denominators = match (common, self.lang) {
            (Some(d), Lang::Zh) => format!("人均值的分母为 {d} 常住人口。"),
            (Some(d), Lang::En) => {
                format!(" Per-capita values use the resident population of {d}.")
            }
            (None, _) => String::new(),
        };
        html! {
            section id="rankings" {
                "\n"
                h2 { (Text(self.t("二、各指标排名", "2. Rankings by metric"))) } "\n"
                p class="note" {
                    (Text(self.t(
                        "左图为目标原值，右图为每百万常住人口目标强度；按数值由高到低排列，括注“××内”表示该地区位于另一上榜地区之内；点击条形可查看原文。",
                        "Left: the target as set; right: per million residents. Best first; “in …” marks a jurisdiction inside another ranked one. Each bar links to its quote."
                    )))
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
                            (self.ranking_figure(capita, true, common.is_none()))
                        } "\n"
                    } "\n"
                }
                @if self.o.rankings.is_empty() {
                    p { (Text(self.t("截至评估日无可排名的指标。", "No metric has targets on this date."))) } "\n"
                }
            } "\n"
        }
    }

    /// The caption of a ranking's chart: what is shown, in which unit.
    fn ranking_caption(&self, ranking: &Ranking, per_capita: bool) -> String {
        match (self.lang, per_capita) {
            (Lang::Zh, false) => format!("目标原值（{}）", self.unit_label(ranking)),
            (Lang::Zh, true) => format!("每百万常住人口（{}）", self.unit_label(ranking)),
            (Lang::En, per_capita) => {
                let unit = self.unit_label(ranking);
                let what = if per_capita {
                    "Per million residents"
                } else {
                    "Target as set"
                };
                if unit.is_empty() {
                    what.to_owned()
                } else {
                    format!("{what} ({unit})")
                }
            }
        }
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
            .map(|d| match self.lang {
                Lang::Zh => format!("分母：{d} 常住人口"),
                Lang::En => format!("Denominators as of {d}"),
            });
        html! {
            figure {
                "\n"
                figcaption { (Text(&caption)) } "\n"
                @if bars.is_empty() {
                    p class="unranked" { (Text(self.t("无可排名的地区。", "No jurisdiction can be ranked."))) } "\n"
                } @else {
                    (bar_chart(&format!("{metric}: {caption}"), &bars)) "\n"
                }
                @if let Some(text) = &denominator {
                    p class="unranked" { (Text(text)) } "\n"
                }
                @for u in &ranking.unranked {
                    p class="unranked" {
                        (Text(match self.lang {
                            Lang::Zh => format!(
                                "未排名：{}（{}）",
                                self.name(u.jurisdiction.as_str()),
                                crate::output::labels::reason(&u.reason, self.lang)
                            ),
                            Lang::En => format!(
                                "Not ranked: {} ({})",
                                self.name(u.jurisdiction.as_str()),
                                u.reason
                            ),
                        }))
                    } "\n"
                }
            } "\n"
        }
    }
}
