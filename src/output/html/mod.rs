//! The overview report as one self-contained HTML page.
//!
//! The page is a printable A4 briefing: a masthead with the as-of date and
//! the provenance of the data, then four sections (targets by deadline,
//! every metric's ranking as bar charts raw and per million residents, the
//! subject's gaps to its benchmarks, progress), a fifth where the data
//! allows a composite index (ranks with their uncertainty intervals as a
//! dot-and-whisker chart, and the sensitivity table) and an appendix listing every
//! source cited with the verbatim quotes. Every figure links to its quote.
//!
//! It works offline: inline CSS and SVG only, no scripts, fonts, images or
//! style sheets from elsewhere. The only external addresses on the page are
//! the `url`s of sources, as plain links. The page is built with maud's
//! `html!` templates, and every text in them, from the data or a label, is
//! written through [`escape`], so a quote containing markup is shown, never
//! run. The style sheet is the one text written as it is.

mod charts;
mod format;
mod front;
mod gaps;
mod index;
mod progress;
mod rankings;
mod sources;
mod targets;
mod trajectories;

use maud::{DOCTYPE, Markup, PreEscaped, html};

pub use crate::output::amount::human_amount;
pub use format::escape;

use crate::engine::progress::ProgressRow;
use crate::engine::rank::RankRow;
use crate::output::amount::amount;
use crate::output::labels::page;
use crate::output::report::Overview;
use crate::{Catalog, Lang, Observation, Target};
use format::Text;
use sources::{Citations, Cited};

/// The page's style sheet, compiled in.
const STYLE: &str = include_str!("style.css");

/// The overview as one self-contained HTML page (inline CSS and SVG, no
/// scripts, fonts or other files), labelled in `lang`.
///
/// ```
/// use chrono::NaiveDate;
/// use policy_targets::{Catalog, Lang, html::render, report::overview};
///
/// let catalog = Catalog::bundled()?;
/// let as_of = NaiveDate::from_ymd_opt(2025, 7, 4).unwrap();
/// let page = render(&overview(&catalog, "广西", as_of)?, &catalog, Lang::Zh);
/// assert!(page.starts_with("<!DOCTYPE html>"));
/// assert!(page.contains("《政策量化目标概览》"));
/// assert!(!page.contains("<script"));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub fn render(overview: &Overview<'_>, catalog: &Catalog, lang: Lang) -> String {
    Page::new(overview, catalog, lang).render().into_string()
}

/// The page being written: the overview, the catalogue it came from, the
/// language, and the figures it cites.
struct Page<'a, 'c> {
    o: &'a Overview<'c>,
    catalog: &'c Catalog,
    lang: Lang,
    cites: Citations<'c>,
    /// The ids of the targets of the table (`o.targets`).
    listed: crate::util::FxHashSet<&'c str>,
}

impl<'a, 'c> Page<'a, 'c> {
    /// The page of `o`, its citations in order of first mention: the
    /// targets of the table, those ranked, compared and followed, then the
    /// observations used (population denominators, reported figures).
    fn new(o: &'a Overview<'c>, catalog: &'c Catalog, lang: Lang) -> Page<'a, 'c> {
        let find = |id: &str| catalog.target(id);
        let mut cited: Vec<Cited<'c>> = o.targets.iter().map(|t| Cited::Target(t)).collect();
        let more = o
            .rankings
            .iter()
            .flat_map(|(raw, capita)| {
                raw.rows
                    .iter()
                    .chain(capita.iter().flat_map(|c| c.rows.iter()))
            })
            .map(|r| r.target_id.as_str())
            .chain(
                o.gaps
                    .iter()
                    .filter_map(|g| g.benchmark_target.as_ref().map(|t| t.as_str())),
            )
            .chain(
                o.gaps
                    .iter()
                    .filter_map(|g| g.subject_target.as_ref().map(|t| t.as_str())),
            )
            .chain(o.progress.rows.iter().map(|r| r.target_id.as_str()));
        cited.extend(more.filter_map(find).map(Cited::Target));
        // The observations the per-capita figures were divided by, as the
        // engine's rows name them.
        let denominators = o
            .rankings
            .iter()
            .flat_map(|(_, capita)| capita.iter().flat_map(|c| c.rows.iter()))
            .filter_map(|r| r.denominator_observation.as_ref())
            .chain(
                o.gaps
                    .iter()
                    .filter_map(|g| g.denominator_observation.as_ref()),
            );
        let observation = |id: &crate::Id| catalog.observations().iter().find(|x| x.id == *id);
        cited.extend(denominators.filter_map(observation).map(Cited::Observation));
        cited.extend(
            o.progress
                .rows
                .iter()
                .filter_map(|r| reported(catalog, r))
                .map(Cited::Observation),
        );
        Page {
            o,
            catalog,
            lang,
            cites: Citations::build(catalog, cited),
            listed: o.targets.iter().map(|t| t.id.as_str()).collect(),
        }
    }

    fn name(&self, code: &str) -> String {
        self.catalog
            .jurisdiction(code)
            .map_or(code.to_owned(), |j| j.name(self.lang).to_owned())
    }

    fn metric_name(&self, id: &str) -> String {
        self.catalog
            .metric(id)
            .map_or(id.to_owned(), |m| m.name(self.lang).to_owned())
    }

    fn target(&self, id: &str) -> Option<&'c Target> {
        self.catalog.target(id)
    }

    /// A target's value with its comparator: `≥1,000个`, `3–5个`.
    fn target_value(&self, t: &Target) -> String {
        let lower = amount(t.value.value(), t.value.unit(), self.lang);
        match &t.upper {
            Some(upper) => {
                let upper = amount(upper.value(), upper.unit(), self.lang);
                if upper.prefix == lower.prefix && upper.suffix == lower.suffix {
                    format!(
                        "{}{}–{}{}",
                        lower.prefix, lower.number, upper.number, upper.suffix
                    )
                } else {
                    format!("{}–{}", lower.text(), upper.text())
                }
            }
            None => format!("{}{}", t.comparator.symbol(), lower.text()),
        }
    }

    /// A jurisdiction's name, marked when it lies inside another ranked one.
    fn ranked_name(&self, row: &RankRow) -> String {
        let name = self.name(row.jurisdiction.as_str());
        match &row.within {
            Some(w) => page::inside(self.lang, &name, &self.name(w.as_str())),
            None => name,
        }
    }

    /// The whole document: head with the style sheet, then the sections.
    fn render(&self) -> Markup {
        let title = page::title(self.lang, self.o.as_of);
        html! {
            (DOCTYPE) "\n"
            html lang=(page::html_lang(self.lang)) {
                "\n"
                head {
                    "\n"
                    meta charset="utf-8"; "\n"
                    meta name="viewport" content="width=device-width, initial-scale=1"; "\n"
                    title { (Text(&title)) } "\n"
                    // The style sheet is CSS, not text: its quotes must
                    // stay quotes. It is a constant of this crate.
                    style { "\n" (PreEscaped(STYLE)) } "\n"
                } "\n"
                body { "\n" main class="page" { "\n" (self.body()) } "\n" } "\n"
            } "\n"
        }
    }

    /// The sections of the page, masthead to footer.
    fn body(&self) -> Markup {
        let footer = page::footer(self.lang, self.o.as_of);
        html! {
            (self.masthead())
            (self.summary())
            (self.targets_section())
            (self.rankings_section())
            (self.gaps_section())
            (self.progress_section())
            (self.index_section())
            (self.appendix())
            footer { (Text(&footer)) } "\n"
        }
    }
}

/// The observation a progress row's latest figure was read from.
fn reported<'c>(catalog: &'c Catalog, row: &ProgressRow) -> Option<&'c Observation> {
    let date = row.latest_as_of?;
    catalog
        .observations_of(row.metric.as_str())
        .find(|x| x.jurisdiction == row.jurisdiction && x.date() == date)
}
