//! The front of the page: the masthead, the provenance of the data and the
//! key points.

use std::collections::BTreeSet;

use chrono::{Datelike, NaiveDate};
use maud::{Markup, html};

use super::Page;
use super::format::{Text, human_amount, long_date};
use super::sources::Cited;
use crate::{Lang, PartialDate, Source};

impl<'c> Page<'_, 'c> {
    /// The dates of the population figures per-capita values are divided by.
    fn denominator_dates(&self) -> BTreeSet<NaiveDate> {
        self.o
            .rankings
            .iter()
            .flat_map(|(_, c)| c.rows.iter())
            .filter_map(|r| r.denominator_as_of)
            .chain(self.o.gaps.iter().filter_map(|g| g.denominator_as_of))
            .collect()
    }

    /// The source of the population figures, when every cited one comes
    /// from a single source.
    fn denominator_source(&self) -> Option<&'c Source> {
        let mut sources = self.cites.sources.iter().filter(|(_, items)| {
            items.iter().any(|i| matches!(i, Cited::Observation(o) if o.metric.as_str() == "resident_population"))
        });
        let first = sources.next()?;
        sources.next().is_none().then_some(first.0)
    }

    /// The title block and the provenance paragraph.
    pub(super) fn masthead(&self) -> Markup {
        let o = self.o;
        let meta = match self.lang {
            Lang::Zh => format!(
                "截至 {}　｜　对标对象：{}",
                long_date(o.as_of, self.lang),
                o.subject.name_zh
            ),
            Lang::En => format!(
                "As of {}  |  Subject: {}",
                long_date(o.as_of, self.lang),
                o.subject.name_en
            ),
        };
        html! {
            header class="masthead" {
                "\n"
                p class="kicker" { (Text(self.t("政策研究参考", "POLICY BRIEFING"))) } "\n"
                h1 { (Text(self.t("《政策量化目标概览》", "Quantitative Policy Targets: Overview"))) } "\n"
                p class="meta" { (Text(&meta)) } "\n"
            } "\n"
            div class="masthead-rule" {} "\n"
            p class="provenance" { (Text(self.provenance())) } "\n"
        }
    }

    /// Where the data comes from: how many targets and sources, when they
    /// were published, and the population figures used.
    fn provenance(&self) -> String {
        let documents = self.cites.sources.len();
        let targets = self.o.targets.len();
        let range = self.publication_range();
        let denominators = self.denominators_note();
        match self.lang {
            Lang::Zh => format!(
                "数据来源：本报告所列 {targets} 项量化目标摘自政策文件及报道{range}，共引用 {documents} 份来源（含转引来源）。{denominators}\
                 文中每个数字均可链接至附录“来源与原文”中的原文摘录。"
            ),
            Lang::En => format!(
                "Data provenance: the {targets} quantitative targets below are transcribed from policy documents and reports{range}; \
                 {documents} sources are cited (including those they were read in). {denominators}\
                 Every figure links to its verbatim quote in the appendix “Sources and quotes”."
            ),
        }
    }

    /// `，发布于 A 至 B`: the span of publication dates of the sources of
    /// targets cited.
    fn publication_range(&self) -> String {
        let published: Vec<PartialDate> = self
            .cites
            .sources
            .iter()
            .filter(|(_, items)| items.iter().any(|i| matches!(i, Cited::Target(_))))
            .map(|(s, _)| s.published)
            .collect();
        match (
            published.iter().min_by_key(|d| d.last_day()),
            published.iter().max_by_key(|d| d.last_day()),
        ) {
            (Some(a), Some(b)) if a != b => match self.lang {
                Lang::Zh => format!("，发布于 {a} 至 {b}"),
                Lang::En => format!(", published {a} to {b}"),
            },
            (Some(a), _) => match self.lang {
                Lang::Zh => format!("，发布于 {a}"),
                Lang::En => format!(", published {a}"),
            },
            _ => String::new(),
        }
    }

    /// The sentence on the population figures per-capita values use (empty
    /// when there are none).
    fn denominators_note(&self) -> String {
        let dates: Vec<String> = self
            .denominator_dates()
            .iter()
            .map(|d| d.to_string())
            .collect();
        if dates.is_empty() {
            return String::new();
        }
        let source = self
            .denominator_source()
            .map(|s| match self.lang {
                Lang::Zh => format!("，来源《{}》", s.title),
                Lang::En => format!(", from 《{}》", s.title),
            })
            .unwrap_or_default();
        match self.lang {
            Lang::Zh => format!(
                "人均值以常住人口为分母（数据日期 {}{source}）。",
                dates.join("、")
            ),
            Lang::En => format!(
                "Per-capita values use the resident population ({}{source}). ",
                dates.join(", ")
            ),
        }
    }

    /// The key points: how many targets, the subject's own targets and
    /// what it would need, and whether progress can be assessed.
    pub(super) fn summary(&self) -> Markup {
        let o = self.o;
        let jurisdictions: BTreeSet<&str> =
            o.targets.iter().map(|t| t.jurisdiction.as_str()).collect();
        let metrics: BTreeSet<&str> = o.targets.iter().map(|t| t.metric.as_str()).collect();
        let deadlines: BTreeSet<i32> = o.targets.iter().map(|t| t.deadline.end().year()).collect();
        let span = match (deadlines.first(), deadlines.last()) {
            (Some(a), Some(b)) if a != b => format!("{a}–{b}"),
            (Some(a), _) => a.to_string(),
            _ => String::new(),
        };
        let (n, j, m) = (o.targets.len(), jurisdictions.len(), metrics.len());
        let counts = match self.lang {
            Lang::Zh => format!("共 {n} 项量化目标，涉及 {j} 个地区、{m} 项指标，期限 {span} 年。"),
            Lang::En => {
                format!("{n} quantitative targets of {j} jurisdictions on {m} metrics, due {span}.")
            }
        };
        let with_data = o
            .progress
            .rows
            .iter()
            .filter(|r| r.latest_value.is_some())
            .count();
        let progress = match self.lang {
            Lang::Zh if with_data == 0 => {
                "截至评估日，设定目标的地区均未报告对应指标的实绩数据，进展暂无法评估。".to_owned()
            }
            Lang::Zh => format!("{with_data} 项目标有实绩数据，进展见第四部分。"),
            Lang::En if with_data == 0 => {
                "No jurisdiction with a target has reported a figure for its metric yet: progress cannot be assessed.".to_owned()
            }
            Lang::En => format!("{with_data} targets have reported figures; see section 4."),
        };
        html! {
            section class="summary" {
                "\n"
                h2 { (Text(self.t("要点", "Key points"))) } "\n"
                ul {
                    "\n"
                    li { (Text(&counts)) } "\n"
                    (self.gap_points())
                    li { (Text(&progress)) } "\n"
                } "\n"
            } "\n"
        }
    }

    /// The metrics compared, each once, in the order of the gap rows.
    fn gap_metrics(&self) -> Vec<&str> {
        let mut seen = Vec::new();
        for g in &self.o.gaps {
            if !seen.contains(&g.metric.as_str()) {
                seen.push(g.metric.as_str());
            }
        }
        seen
    }

    /// The key points on the subject's gaps: how many metrics it has
    /// targets on, and the targets it would need (nothing without gaps).
    fn gap_points(&self) -> Markup {
        let o = self.o;
        let subject = o.subject.name(self.lang);
        let gap_metrics = self.gap_metrics();
        let total = gap_metrics.len();
        let own = o.gaps.iter().filter(|g| g.subject_target.is_some()).count();
        let with_target: BTreeSet<&str> = o
            .gaps
            .iter()
            .filter(|g| g.subject_target.is_some())
            .map(|g| g.metric.as_str())
            .collect();
        let own_text = match self.lang {
            Lang::Zh if own == 0 => format!("{subject}在上述 {total} 项指标上均未设定量化目标。"),
            Lang::Zh => format!(
                "{subject}在上述 {total} 项指标中已对 {} 项设定量化目标。",
                with_target.len()
            ),
            Lang::En if own == 0 => {
                format!("{subject} has set no quantitative target on any of these {total} metrics.")
            }
            Lang::En => format!(
                "{subject} has set targets on {} of these {total} metrics.",
                with_target.len()
            ),
        };
        let parts = self.required_parts(&gap_metrics);
        let (sep, more) = match self.lang {
            Lang::Zh => ("；", if total > 4 { "等" } else { "" }),
            Lang::En => ("; ", if total > 4 { ", among others" } else { "" }),
        };
        html! {
            @if total > 0 {
                li { (Text(&own_text)) } "\n"
                @if !parts.is_empty() {
                    li {
                        (Text(self.t("按每百万常住人口折算，", "Per million residents, ")))
                        (Text(subject))
                        (Text(self.t("需设定的目标约为：", " would need targets of about: ")))
                        @for (i, part) in parts.iter().enumerate() {
                            @if i > 0 { (Text(sep)) }
                            (part)
                        }
                        (Text(more))
                        (Text(self.t("（详见第三部分）。", " (see section 3).")))
                    } "\n"
                }
            }
        }
    }

    /// For the first four metrics compared: the target the subject would
    /// need to match the provincial median, or else the largest needed to
    /// match a named jurisdiction.
    fn required_parts(&self, gap_metrics: &[&str]) -> Vec<Markup> {
        let o = self.o;
        let mut parts = Vec::new();
        for metric in gap_metrics.iter().take(4) {
            let best = o
                .gaps
                .iter()
                .filter(|g| g.metric.as_str() == *metric && g.benchmark_name_zh.is_some())
                .max_by(|a, b| a.required_target.cmp(&b.required_target));
            let median = o
                .gaps
                .iter()
                .find(|g| g.metric.as_str() == *metric && g.benchmark_name_zh.is_none());
            if let Some(g) = median.or(best) {
                let label = match self.lang {
                    Lang::Zh => format!(
                        "{}（对标{}）",
                        self.metric_name(metric),
                        g.benchmark_label(self.lang)
                    ),
                    Lang::En => format!(
                        "{} (vs {}) ",
                        self.metric_name(metric),
                        g.benchmark_label(self.lang)
                    ),
                };
                let required =
                    human_amount(g.required_target.round_dp(0), g.required_unit, self.lang);
                parts.push(html! { (Text(&label)) strong { (Text(&required)) } });
            }
        }
        parts
    }
}
