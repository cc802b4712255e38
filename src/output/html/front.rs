//! The front of the page: the masthead, the provenance of the data and the
//! key points.

use std::collections::BTreeSet;

use chrono::{Datelike, NaiveDate};
use maud::{Markup, html};

use super::Page;
use super::format::Text;
use super::sources::Cited;
use crate::output::amount::human_amount;
use crate::output::labels::page;
use crate::{PartialDate, Source};

impl<'c> Page<'_, 'c> {
    /// The dates of the population figures per-capita values are divided by.
    fn denominator_dates(&self) -> BTreeSet<NaiveDate> {
        self.o
            .rankings
            .iter()
            .flat_map(|(_, c)| c.iter().flat_map(|c| c.rows.iter()))
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
        let meta = page::masthead_meta(self.lang, o.as_of, o.subject.name(self.lang));
        html! {
            header class="masthead" {
                "\n"
                p class="kicker" { (Text(page::masthead_kicker(self.lang))) } "\n"
                h1 { (Text(page::masthead_title(self.lang))) } "\n"
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
        page::provenance(self.lang, targets, documents, &range, &denominators)
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
            (Some(a), Some(b)) if a != b => page::published_between(self.lang, *a, *b),
            (Some(a), _) => page::published_on(self.lang, *a),
            _ => String::new(),
        }
    }

    /// The sentence on the population figures per-capita values use (empty
    /// when there are none).
    fn denominators_note(&self) -> String {
        let dates: Vec<NaiveDate> = self.denominator_dates().into_iter().collect();
        if dates.is_empty() {
            return String::new();
        }
        let source = self
            .denominator_source()
            .map(|s| page::denominator_source(self.lang, &s.title))
            .unwrap_or_default();
        page::denominators_note(self.lang, &dates, &source)
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
        let counts = page::summary_counts(self.lang, n, j, m, &span);
        let with_data = o
            .progress
            .rows
            .iter()
            .filter(|r| r.latest_value.is_some())
            .count();
        let progress = page::summary_progress(self.lang, with_data);
        html! {
            section class="summary" {
                "\n"
                h2 { (Text(page::key_points(self.lang))) } "\n"
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
        let own_text = page::own_targets(self.lang, subject, total, own, with_target.len());
        let parts = self.required_parts(&gap_metrics);
        let sep = page::required_separator(self.lang);
        let more = if total > 4 {
            page::among_others(self.lang)
        } else {
            ""
        };
        html! {
            @if total > 0 {
                li { (Text(&own_text)) } "\n"
                @if !parts.is_empty() {
                    li {
                        (Text(page::required_lead(self.lang)))
                        (Text(subject))
                        (Text(page::required_would_need(self.lang)))
                        @for (i, part) in parts.iter().enumerate() {
                            @if i > 0 { (Text(sep)) }
                            (part)
                        }
                        (Text(more))
                        (Text(page::see_section_3(self.lang)))
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
                .filter(|g| g.metric.as_str() == *metric && g.benchmark_is_jurisdiction())
                .max_by(|a, b| a.required_target.cmp(&b.required_target));
            let median = o
                .gaps
                .iter()
                .find(|g| g.metric.as_str() == *metric && !g.benchmark_is_jurisdiction());
            if let Some(g) = median.or(best) {
                let label = page::required_label(
                    self.lang,
                    &self.metric_name(metric),
                    &g.benchmark_label(self.lang),
                );
                let required =
                    human_amount(g.required_target.round_dp(0), g.required_unit, self.lang);
                parts.push(html! { (Text(&label)) strong { (Text(&required)) } });
            }
        }
        parts
    }
}
