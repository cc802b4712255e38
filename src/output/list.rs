//! What a data folder holds: its metrics, jurisdictions or sources, each
//! with what the data records of it (`targets list`), as a text table, JSON,
//! CSV or Markdown. The Markdown of the sources is `targets/SOURCES.md` of
//! the bundled data.
//!
//! ```
//! use policy_targets::{Catalog, Lang};
//! use policy_targets::list::{Kind, Listing};
//!
//! let catalog = Catalog::bundled()?;
//! let sources = Listing::of(&catalog, Kind::Sources);
//! assert_eq!(sources.len(), catalog.sources().len());
//! let markdown = sources.to_markdown(Lang::En);
//! assert!(markdown.starts_with("# Sources of the data\n"));
//! assert!(markdown.contains("| `suzhou_data_industry_opinions_2025` |"));
//! # Ok::<(), policy_targets::Errors>(())
//! ```

use std::collections::HashMap;
use std::io::Write;

use serde::Serialize;

use crate::encode::{CsvOptions, FORMAT_VERSION, write_csv_rows};
use crate::error::Error;
use crate::output::labels::{self, grade, list as words};
use crate::output::render;
use crate::output::table::Table;
use crate::{
    Catalog, Dimension, Grade, Id, JurisdictionCode, Lang, Level, Observation, PartialDate, Target,
};

/// What to list.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Kind {
    /// The metrics, with their dimension, broader metric and how many
    /// targets and figures each has.
    Metrics,
    /// The jurisdictions, with their level, parent and how many targets and
    /// figures each has.
    Jurisdictions,
    /// The sources, with their grade, address and what each contributed:
    /// targets, figures and the metrics they measure.
    Sources,
}

crate::util::snake_enum!(Kind, "list", Metrics => "metrics", Jurisdictions => "jurisdictions", Sources => "sources");

/// Which formats show a column: all, or the text ones in one language only
/// (a name), or all but the terminal's table (too wide for it), or the
/// machine ones only.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Shown {
    Always,
    Only(Lang),
    NotInTable,
    Machine,
}

/// A cell: text, a count, a list, or nothing.
#[derive(Clone, Debug, PartialEq, Eq)]
enum Cell {
    Text(String),
    Code(String),
    Count(usize),
    List(Vec<String>),
    Grade(Grade),
    Level(Level),
    Dimension(Dimension),
    /// A metric by id, shown by its name in the text formats.
    Metric {
        id: String,
        zh: String,
        en: String,
    },
    Empty,
}

impl Cell {
    /// A code or id (shown in backticks in Markdown), or nothing.
    fn code(code: Option<impl ToString>) -> Cell {
        code.map_or(Cell::Empty, |c| Cell::Code(c.to_string()))
    }

    fn csv(&self) -> String {
        match self {
            Cell::Text(t) | Cell::Code(t) | Cell::Metric { id: t, .. } => t.clone(),
            Cell::Dimension(d) => d.to_string(),
            Cell::Count(n) => n.to_string(),
            Cell::List(items) => items.join(";"),
            Cell::Grade(g) => g.to_string(),
            Cell::Level(l) => l.to_string(),
            Cell::Empty => String::new(),
        }
    }

    fn text(&self, lang: Lang) -> String {
        match self {
            Cell::List(items) => items.join(words::list_separator(lang)),
            Cell::Grade(g) => grade::grade(*g, lang).to_owned(),
            Cell::Level(l) => labels::level(*l, lang).to_owned(),
            Cell::Dimension(d) => labels::dimension_label(*d, lang).to_owned(),
            Cell::Metric { zh, en, .. } => labels::pick(lang, zh, en).clone(),
            other => other.csv(),
        }
    }

    /// The cell in a Markdown table: codes in backticks, `|` escaped, line
    /// breaks as spaces.
    fn markdown(&self, lang: Lang) -> String {
        let text = match self {
            Cell::Code(t) => format!("`{t}`"),
            Cell::List(items) => items
                .iter()
                .map(|i| format!("`{i}`"))
                .collect::<Vec<_>>()
                .join(", "),
            other => other.text(lang),
        };
        text.replace('|', "\\|").replace(['\n', '\r'], " ")
    }
}

/// The records of one kind in a data folder, one row each, in catalogue
/// order.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Listing {
    kind: Kind,
    columns: &'static [(&'static str, Shown)],
    rows: Vec<Vec<Cell>>,
    /// The same records as the JSON writes them.
    items: Items,
    /// Of the sources: how many have each grade, strongest first, then
    /// how many have none.
    grades: Option<([usize; 4], usize)>,
}

const METRIC_COLUMNS: &[(&str, Shown)] = &[
    ("id", Shown::Always),
    ("name_zh", Shown::Only(Lang::Zh)),
    ("name_en", Shown::Only(Lang::En)),
    ("dimension", Shown::Always),
    ("broader", Shown::Always),
    ("targets", Shown::Always),
    ("observations", Shown::Always),
];

const JURISDICTION_COLUMNS: &[(&str, Shown)] = &[
    ("code", Shown::Always),
    ("name_zh", Shown::Only(Lang::Zh)),
    ("name_en", Shown::Only(Lang::En)),
    ("level", Shown::Always),
    ("parent", Shown::Always),
    ("targets", Shown::Always),
    ("observations", Shown::Always),
];

const SOURCE_COLUMNS: &[(&str, Shown)] = &[
    ("id", Shown::Always),
    ("title", Shown::Always),
    ("issuer", Shown::Machine),
    ("published", Shown::Always),
    ("grade", Shown::Always),
    ("via", Shown::NotInTable),
    ("url", Shown::NotInTable),
    ("targets", Shown::Always),
    ("observations", Shown::Always),
    ("metrics", Shown::NotInTable),
];

/// A metric as `targets list metrics --format json` writes it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, schemars::JsonSchema)]
struct MetricItem {
    id: Id,
    name_zh: String,
    name_en: String,
    dimension: Dimension,
    broader: Option<Id>,
    targets: usize,
    observations: usize,
}

/// A jurisdiction as `targets list jurisdictions --format json` writes it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, schemars::JsonSchema)]
struct JurisdictionItem {
    code: JurisdictionCode,
    name_zh: String,
    name_en: String,
    level: Level,
    parent: Option<JurisdictionCode>,
    targets: usize,
    observations: usize,
}

/// A source as `targets list sources --format json` writes it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, schemars::JsonSchema)]
struct SourceItem {
    id: Id,
    title: String,
    issuer: String,
    published: PartialDate,
    grade: Option<Grade>,
    via: Option<Id>,
    url: Option<String>,
    targets: usize,
    observations: usize,
    /// The metrics of its targets and figures, in catalogue order.
    metrics: Vec<Id>,
}

/// The records of a listing as the JSON writes them.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, schemars::JsonSchema)]
#[serde(untagged)]
enum Items {
    Metrics(Vec<MetricItem>),
    Jurisdictions(Vec<JurisdictionItem>),
    Sources(Vec<SourceItem>),
}

/// What `targets list KIND --format json` writes: the records of one kind
/// in a data folder, with what the data records of each.
#[derive(Serialize, schemars::JsonSchema)]
#[schemars(rename = "Listing")]
pub(crate) struct ListingJson<'a> {
    version: u32,
    list: Kind,
    items: &'a Items,
}

/// How many targets and observations each key has.
fn counts<'a>(
    catalog: &'a Catalog,
    key_t: impl Fn(&'a Target) -> &'a str,
    key_o: impl Fn(&'a Observation) -> &'a str,
) -> HashMap<&'a str, (usize, usize)> {
    let mut counts: HashMap<&str, (usize, usize)> = HashMap::new();
    for t in catalog.targets() {
        counts.entry(key_t(t)).or_default().0 += 1;
    }
    for o in catalog.observations() {
        counts.entry(key_o(o)).or_default().1 += 1;
    }
    counts
}

impl Listing {
    /// The records of `kind` in `catalog`.
    pub fn of(catalog: &Catalog, kind: Kind) -> Listing {
        match kind {
            Kind::Metrics => metrics(catalog),
            Kind::Jurisdictions => jurisdictions(catalog),
            Kind::Sources => sources(catalog),
        }
    }

    /// What is listed.
    pub fn kind(&self) -> Kind {
        self.kind
    }

    /// The number of records listed.
    pub fn len(&self) -> usize {
        self.rows.len()
    }

    /// Whether nothing is listed.
    pub fn is_empty(&self) -> bool {
        self.rows.is_empty()
    }

    /// The columns of the JSON objects and of the CSV, in order.
    pub fn columns(&self) -> Vec<&'static str> {
        self.columns.iter().map(|(name, _)| *name).collect()
    }

    /// The indexes of the columns the text formats show in `lang`, the
    /// terminal's table (`table`) or Markdown.
    fn shown(&self, lang: Lang, table: bool) -> Vec<usize> {
        (0..self.columns.len())
            .filter(|&i| match self.columns[i].1 {
                Shown::Always => true,
                Shown::Only(l) => l == lang,
                Shown::NotInTable => !table,
                Shown::Machine => false,
            })
            .collect()
    }

    /// The headings of the shown columns in `lang`.
    fn headings(&self, shown: &[usize], lang: Lang) -> Vec<&'static str> {
        shown
            .iter()
            .map(|&i| words::heading(self.columns[i].0, lang))
            .collect()
    }

    /// The listing as JSON: `{"version", "list", "items": [...]}`, the
    /// items with the fields of [`Listing::columns`], counts as numbers,
    /// lists as arrays, absent values as `null`.
    pub fn to_json(&self) -> String {
        render::json(&ListingJson {
            version: FORMAT_VERSION,
            list: self.kind,
            items: &self.items,
        })
    }

    /// The listing as CSV ([`Listing::columns`]), lists joined by `;`.
    pub fn write_csv<W: Write>(&self, out: W, options: &CsvOptions) -> Result<(), Error> {
        let rows = self
            .rows
            .iter()
            .map(|row| row.iter().map(Cell::csv).collect());
        write_csv_rows(out, &self.columns(), rows, options)
    }

    /// The listing as a text table with headings in `lang`, names in
    /// `lang`, then a line counting the records (and, for sources, their
    /// grades). Names and titles wrap to keep the table within
    /// [`WIDTH`](crate::output::table::WIDTH) columns; the addresses, the
    /// sources read in and the metrics of the sources are in the other
    /// formats.
    pub fn to_table(&self, lang: Lang) -> String {
        crate::output::table::fit(self.table_text(lang))
    }

    /// The table text, lines of any width.
    fn table_text(&self, lang: Lang) -> String {
        let shown = self.shown(lang, true);
        let mut table = Table::new(self.headings(&shown, lang));
        for (position, &i) in shown.iter().enumerate() {
            match self.columns[i].0 {
                "targets" | "observations" => {
                    table.align_right(position);
                }
                "name_zh" | "name_en" | "title" | "broader" => {
                    table.wrap(position);
                }
                _ => {}
            }
        }
        for row in &self.rows {
            table.push(shown.iter().map(|&i| row[i].text(lang)));
        }
        let mut out = table.render();
        out.push_str(&self.summary(lang));
        out.push('\n');
        out
    }

    /// The listing as a Markdown document: a title, the command that
    /// writes it, the count of records (and of grades), and a table.
    pub fn to_markdown(&self, lang: Lang) -> String {
        let shown = self.shown(lang, false);
        let headings = self.headings(&shown, lang);
        let mut out = format!("# {}\n\n", words::title(self.kind, lang));
        out.push_str(&words::generated_by(self.kind, lang));
        out.push_str("\n\n");
        out.push_str(&self.summary(lang));
        out.push_str("\n\n");
        out.push_str(&format!("| {} |\n", headings.join(" | ")));
        let rule: Vec<&str> = shown
            .iter()
            .map(|&i| match self.columns[i].0 {
                "targets" | "observations" => "---:",
                _ => "---",
            })
            .collect();
        out.push_str(&format!("| {} |\n", rule.join(" | ")));
        for row in &self.rows {
            let cells: Vec<String> = shown.iter().map(|&i| row[i].markdown(lang)).collect();
            out.push_str(&format!("| {} |\n", cells.join(" | ")));
        }
        out
    }

    /// The sentence counting the records (the sources by grade, the
    /// jurisdictions by level).
    fn summary(&self, lang: Lang) -> String {
        let by_grade = self.grades.map(|(counts, none)| {
            let graded: Vec<(&str, usize)> = Grade::ALL
                .iter()
                .zip(counts)
                .map(|(g, n)| (grade::grade(*g, lang), n))
                .collect();
            (graded, none)
        });
        let mut out = words::summary(self.kind, self.rows.len(), by_grade.as_ref(), lang);
        if self.kind == Kind::Jurisdictions {
            let levels: Vec<(&str, usize)> = Level::ALL
                .iter()
                .map(|l| {
                    let n = self.rows.iter().filter(|r| r[3] == Cell::Level(*l)).count();
                    (labels::level(*l, lang), n)
                })
                .filter(|(_, n)| *n > 0)
                .collect();
            out.push_str(&words::by_level(&levels, lang));
        }
        out
    }
}

/// The metrics, with their targets and figures counted.
fn metrics(catalog: &Catalog) -> Listing {
    let counts = counts(catalog, |t| t.metric.as_str(), |o| o.metric.as_str());
    let items: Vec<MetricItem> = catalog
        .metrics()
        .iter()
        .map(|m| {
            let (targets, observations) = counts.get(m.id.as_str()).copied().unwrap_or_default();
            MetricItem {
                id: m.id.clone(),
                name_zh: m.name_zh.clone(),
                name_en: m.name_en.clone(),
                dimension: m.dimension,
                broader: m.broader.clone(),
                targets,
                observations,
            }
        })
        .collect();
    let rows = items
        .iter()
        .map(|m| {
            vec![
                Cell::Code(m.id.to_string()),
                Cell::Text(m.name_zh.clone()),
                Cell::Text(m.name_en.clone()),
                Cell::Dimension(m.dimension),
                m.broader.as_ref().map_or(Cell::Empty, |id| {
                    let metric = catalog.metric(id.as_str());
                    let name = |f: fn(&crate::Metric) -> &String| {
                        metric.map_or_else(|| id.to_string(), |m| f(m).clone())
                    };
                    Cell::Metric {
                        id: id.to_string(),
                        zh: name(|m| &m.name_zh),
                        en: name(|m| &m.name_en),
                    }
                }),
                Cell::Count(m.targets),
                Cell::Count(m.observations),
            ]
        })
        .collect();
    Listing {
        kind: Kind::Metrics,
        columns: METRIC_COLUMNS,
        rows,
        items: Items::Metrics(items),
        grades: None,
    }
}

/// The jurisdictions, with their targets and figures counted.
fn jurisdictions(catalog: &Catalog) -> Listing {
    let counts = counts(
        catalog,
        |t| t.jurisdiction.as_str(),
        |o| o.jurisdiction.as_str(),
    );
    let items: Vec<JurisdictionItem> = catalog
        .jurisdictions()
        .iter()
        .map(|j| {
            let (targets, observations) = counts.get(j.code.as_str()).copied().unwrap_or_default();
            JurisdictionItem {
                code: j.code.clone(),
                name_zh: j.name_zh.clone(),
                name_en: j.name_en.clone(),
                level: j.level,
                parent: j.parent.clone(),
                targets,
                observations,
            }
        })
        .collect();
    let rows = items
        .iter()
        .map(|j| {
            vec![
                Cell::Code(j.code.to_string()),
                Cell::Text(j.name_zh.clone()),
                Cell::Text(j.name_en.clone()),
                Cell::Level(j.level),
                Cell::code(j.parent.as_ref()),
                Cell::Count(j.targets),
                Cell::Count(j.observations),
            ]
        })
        .collect();
    Listing {
        kind: Kind::Jurisdictions,
        columns: JURISDICTION_COLUMNS,
        rows,
        items: Items::Jurisdictions(items),
        grades: None,
    }
}

/// The sources, with what each contributed.
fn sources(catalog: &Catalog) -> Listing {
    let counts = counts(catalog, |t| t.source.as_str(), |o| o.source.as_str());
    // The metrics each source's figures measure, in catalogue order.
    let mut measured: HashMap<&str, Vec<&Id>> = HashMap::new();
    let records = catalog
        .targets()
        .iter()
        .map(|t| (&t.source, &t.metric))
        .chain(
            catalog
                .observations()
                .iter()
                .map(|o| (&o.source, &o.metric)),
        );
    for (source, metric) in records {
        let list = measured.entry(source.as_str()).or_default();
        if !list.contains(&metric) {
            list.push(metric);
        }
    }
    let order: HashMap<&str, usize> = catalog
        .metrics()
        .iter()
        .enumerate()
        .map(|(i, m)| (m.id.as_str(), i))
        .collect();
    let mut grades = ([0usize; 4], 0usize);
    let items: Vec<SourceItem> = catalog
        .sources()
        .iter()
        .map(|s| {
            match s.grade {
                Some(g) => grades.0[Grade::ALL.iter().position(|x| *x == g).unwrap_or(0)] += 1,
                None => grades.1 += 1,
            }
            let (targets, observations) = counts.get(s.id.as_str()).copied().unwrap_or_default();
            let mut metrics = measured.remove(s.id.as_str()).unwrap_or_default();
            metrics.sort_by_key(|m| order.get(m.as_str()).copied().unwrap_or(usize::MAX));
            SourceItem {
                id: s.id.clone(),
                title: s.title.clone(),
                issuer: s.issuer.clone(),
                published: s.published,
                grade: s.grade,
                via: s.via.clone(),
                url: s.url.clone(),
                targets,
                observations,
                metrics: metrics.into_iter().cloned().collect(),
            }
        })
        .collect();
    let rows = items
        .iter()
        .map(|s| {
            vec![
                Cell::Code(s.id.to_string()),
                Cell::Text(s.title.clone()),
                Cell::Text(s.issuer.clone()),
                Cell::Text(s.published.to_string()),
                s.grade.map_or(Cell::Empty, Cell::Grade),
                Cell::code(s.via.as_ref()),
                s.url.clone().map_or(Cell::Empty, Cell::Text),
                Cell::Count(s.targets),
                Cell::Count(s.observations),
                Cell::List(s.metrics.iter().map(|m| m.to_string()).collect()),
            ]
        })
        .collect();
    Listing {
        kind: Kind::Sources,
        columns: SOURCE_COLUMNS,
        rows,
        items: Items::Sources(items),
        grades: Some(grades),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn kinds_round_trip() {
        for kind in [Kind::Metrics, Kind::Jurisdictions, Kind::Sources] {
            assert_eq!(kind.to_string().parse::<Kind>().unwrap(), kind);
        }
        assert_eq!(
            "source".parse::<Kind>().unwrap_err().to_string(),
            r#"invalid list "source": expected one of metrics, jurisdictions, sources"#
        );
    }

    #[test]
    fn json_items_have_the_columns_in_order() {
        let catalog = Catalog::bundled().unwrap();
        for kind in [Kind::Metrics, Kind::Jurisdictions, Kind::Sources] {
            let listing = Listing::of(&catalog, kind);
            let json: serde_json::Value = serde_json::from_str(&listing.to_json()).unwrap();
            let first = json["items"][0].as_object().unwrap();
            let keys: Vec<&str> = first.keys().map(String::as_str).collect();
            assert_eq!(keys, listing.columns(), "{kind}");
            assert_eq!(json["list"], kind.as_str());
        }
    }

    #[test]
    fn markdown_cells_escape_pipes_and_line_breaks() {
        let cell = Cell::Text("a | b\nc".to_owned());
        assert_eq!(cell.markdown(Lang::En), "a \\| b c");
        let list = Cell::List(vec!["x".to_owned(), "y".to_owned()]);
        assert_eq!(list.markdown(Lang::Zh), "`x`, `y`");
        assert_eq!(list.csv(), "x;y");
        assert_eq!(list.text(Lang::Zh), "x、y");
    }
}
