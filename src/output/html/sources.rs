//! Citations: the figures cited on the page, numbered in the order of the
//! appendix, the reference marks that link to them, and the appendix of
//! sources with their verbatim quotes.

use std::collections::{BTreeSet, HashMap};

use maud::{Markup, html};

use super::Page;
use super::format::{Text, linkable};
use crate::output::amount::human_amount;
use crate::output::labels::{grade, page};
use crate::{Catalog, Observation, Source, Target};

/// One figure cited on the page: a target or an observation.
pub(super) enum Cited<'c> {
    Target(&'c Target),
    Observation(&'c Observation),
}

impl Cited<'_> {
    fn id(&self) -> &str {
        match self {
            Cited::Target(t) => t.id.as_str(),
            Cited::Observation(o) => o.id.as_str(),
        }
    }

    fn source(&self) -> &str {
        match self {
            Cited::Target(t) => t.source.as_str(),
            Cited::Observation(o) => o.source.as_str(),
        }
    }
}

/// The appendix: sources in order of first citation, each with its cited
/// figures; every figure numbered in appendix order.
pub(super) struct Citations<'c> {
    pub sources: Vec<(&'c Source, Vec<Cited<'c>>)>,
    numbers: HashMap<String, usize>,
}

impl<'c> Citations<'c> {
    pub fn build(catalog: &'c Catalog, cited: Vec<Cited<'c>>) -> Citations<'c> {
        let mut sources: Vec<(&'c Source, Vec<Cited<'c>>)> = Vec::new();
        let mut seen: BTreeSet<String> = BTreeSet::new();
        for item in cited {
            if !seen.insert(item.id().to_owned()) {
                continue;
            }
            let Some(source) = catalog.source(item.source()) else {
                continue;
            };
            match sources.iter_mut().find(|(s, _)| s.id == source.id) {
                Some((_, items)) => items.push(item),
                None => sources.push((source, vec![item])),
            }
        }
        // Sources that cited documents were read in (`via`), transitively.
        let mut i = 0;
        while i < sources.len() {
            if let Some(via) = sources[i]
                .0
                .via
                .as_ref()
                .and_then(|v| catalog.source(v.as_str()))
            {
                if !sources.iter().any(|(s, _)| s.id == via.id) {
                    sources.push((via, Vec::new()));
                }
            }
            i += 1;
        }
        let mut numbers = HashMap::new();
        let mut n = 0;
        for (_, items) in &sources {
            for item in items {
                n += 1;
                numbers.insert(item.id().to_owned(), n);
            }
        }
        Citations { sources, numbers }
    }

    /// A superscript reference to a figure's entry in the appendix (nothing
    /// for a figure that is not cited).
    pub fn mark(&self, id: &str) -> Markup {
        html! {
            @if let Some(n) = self.numbers.get(id) {
                sup class="ref" { a href={ "#q-" (Text(id)) } { "[" (n) "]" } }
            }
        }
    }
}

impl Page<'_, '_> {
    /// A source in a table cell: its title (linked to its address, or to
    /// its appendix entry), then issuer, document number and date.
    pub(super) fn source_cell(&self, source: &Source) -> Markup {
        let draft = if source.status == crate::Status::Draft {
            page::draft_mark(self.lang)
        } else {
            ""
        };
        html! {
            span class="src-title" {
                @if let Some(url) = linkable(source.url.as_deref().unwrap_or_default()) {
                    a class="ext" href=(Text(url)) { "《" (Text(&source.title)) "》" }
                } @else {
                    a href={ "#src-" (Text(source.id.as_str())) } { "《" (Text(&source.title)) "》" }
                }
                (Text(draft))
            }
            span class="src-meta" {
                (Text(&source.issuer))
                @if let Some(n) = &source.doc_number {
                    " · " span class="keep" { (Text(n)) }
                }
                " · " span class="keep" { (Text(source.published.to_string())) }
            }
        }
    }

    /// The heading of a cited figure in the appendix: who, what, how much,
    /// when.
    fn cited_head(&self, item: &Cited<'_>) -> String {
        match item {
            Cited::Target(t) => format!(
                "{} · {} · {} · {}",
                self.name(t.jurisdiction.as_str()),
                self.metric_name(t.metric.as_str()),
                self.target_value(t),
                page::cited_deadline(self.lang, t.deadline)
            ),
            Cited::Observation(x) => format!(
                "{} · {} · {} · {}",
                self.name(x.jurisdiction.as_str()),
                self.metric_name(x.metric.as_str()),
                human_amount(x.value.value(), x.value.unit(), self.lang),
                page::cited_as_of(self.lang, x.as_of)
            ),
        }
    }

    /// The appendix: every source cited, with its fields and the quotes of
    /// its cited figures.
    pub(super) fn appendix(&self) -> Markup {
        html! {
            section class="appendix" id="sources" {
                "\n"
                h2 { (Text(page::appendix_heading(self.lang))) } "\n"
                p class="note" {
                    (Text(page::appendix_note(self.lang)))
                } "\n"
                @for (source, items) in &self.cites.sources {
                    div class="source" id={ "src-" (Text(source.id.as_str())) } {
                        "\n"
                        h3 { "《" (Text(&source.title)) "》" } "\n"
                        p class="fields" { (self.source_fields(source)) } "\n"
                        @if items.is_empty() {
                            p class="note" {
                                (Text(page::read_in_note(self.lang)))
                            } "\n"
                        } @else {
                            ol { "\n" @for item in items { (self.quote_item(item)) "\n" } } "\n"
                        }
                    } "\n"
                }
            } "\n"
        }
    }

    /// The fields of a source in the appendix: issuer, document number,
    /// date, status, the source it was read in, its address, its grade (or
    /// the grade it is credited with through the source it was read in).
    fn source_fields(&self, source: &Source) -> Markup {
        let field = |label: &str, value: Markup| {
            html! { span class="field" { span class="k" { (Text(label)) } (value) } " " }
        };
        let status = page::source_status(self.lang, source.status);
        let [issuer, number, published, status_field, read_in, link] =
            page::source_fields(self.lang);
        html! {
            (field(issuer, html! { (Text(&source.issuer)) }))
            @if let Some(n) = &source.doc_number {
                (field(number, html! { (Text(n)) }))
            }
            (field(published, html! { (Text(source.published.to_string())) }))
            (field(status_field, html! { (Text(status)) }))
            @if let Some(via) = &source.via {
                (field(read_in, html! {
                    @if let Some(v) = self.catalog.source(via.as_str()) {
                        a href={ "#src-" (Text(v.id.as_str())) } { "《" (Text(&v.title)) "》" }
                    } @else {
                        (Text(via.as_str()))
                    }
                }))
            }
            @if let Some(url) = &source.url {
                (field(link, html! {
                    @if let Some(u) = linkable(url) {
                        a class="ext" href=(Text(u)) { (Text(u)) }
                    } @else {
                        (Text(url))
                    }
                }))
            }
            @match (source.grade, self.catalog.grade_of(source)) {
                (Some(own), _) => (field(grade::heading(self.lang), html! { (Text(grade::grade(own, self.lang))) })),
                (None, Some(via)) => (field(grade::heading(self.lang), html! { (Text(grade::inherited(via, self.lang))) })),
                (None, None) => {}
            }
        }
    }

    /// One cited figure in the appendix: its number, heading, a link back
    /// to the table for targets listed there, the quote and the data note.
    fn quote_item(&self, item: &Cited<'_>) -> Markup {
        let id = item.id();
        let n = self.cites.numbers.get(id).copied().unwrap_or(0);
        let (quote, note) = match item {
            Cited::Target(t) => (&t.quote, t.note.as_ref()),
            Cited::Observation(x) => (&x.quote, x.note.as_ref()),
        };
        let back = matches!(item, Cited::Target(t) if self.listed.contains(t.id.as_str()));
        html! {
            li id={ "q-" (Text(id)) } value=(n) {
                span class="what" { (Text(self.cited_head(item))) }
                @if back {
                    a class="back" href={ "#t-" (Text(id)) } {
                        (Text(page::back_to_table(self.lang)))
                    }
                }
                "\n"
                blockquote { "“" (Text(quote)) "”" }
                @if let Some(note) = note {
                    p class="note" { (Text(page::data_note(self.lang))) (Text(note)) }
                }
            }
        }
    }
}
