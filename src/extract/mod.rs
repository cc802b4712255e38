//! Proposing candidate targets and observations from Chinese policy text.
//!
//! [`extract`] reads policy text (a plan, a notice, a newsletter, a
//! statistical bulletin) and proposes every quantitative statement it finds
//! as a [`Candidate`]: a target (目标, "到2027年，建设不少于300个高质量数据集")
//! or a reported figure (实绩, "截至2024年底，已建成120个"), with its metric,
//! comparator, value and unit, deadline or date, jurisdiction, the verbatim
//! clause it came from, a confidence and the reasons for it. [`to_toml`]
//! writes candidates as entries for a data file under `targets/sources/`,
//! [`to_json`] as JSON for review tools ([`CandidatesJson`]).
//!
//! ```
//! use policy_targets::Catalog;
//! use policy_targets::extract::{extract, Kind};
//!
//! let catalog = Catalog::bundled()?;
//! let text = "江苏省提出，到2027年，全省建成1000个高质量数据集，\
//!             数据交易机构累计登记数据产品超2000个。";
//! let found = extract(text, &catalog);
//! assert_eq!(found.len(), 2);
//!
//! let datasets = &found[0];
//! assert_eq!(datasets.kind, Kind::Target);
//! assert_eq!(datasets.jurisdiction.as_ref().unwrap().as_str(), "320000");
//! assert_eq!(datasets.metric.as_ref().unwrap().as_str(), "high_quality_datasets");
//! assert_eq!(datasets.comparator.as_str(), "at_least");
//! assert_eq!(datasets.value.to_string(), "1000个");
//! assert_eq!(datasets.deadline.unwrap().to_string(), "2027");
//! assert_eq!(datasets.quote, "全省建成1000个高质量数据集");
//! // Spans count characters, not bytes.
//! let quote: String = text.chars().skip(datasets.span.start).take(datasets.span.len()).collect();
//! assert_eq!(quote, datasets.quote);
//!
//! assert_eq!(found[1].comparator.as_str(), "more_than");
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```
//!
//! # How figures are read
//!
//! The text is cut into paragraphs (a line that ends mid-sentence and goes on
//! in the next line is joined to it, the way scanned documents break lines),
//! sentences (。；！？) and clauses (，： and 、 between two figures).
//! Full-width digits and punctuation (`１０００`, `，`) are read as their
//! ASCII forms, and dates in Chinese numerals (`二〇二七年`, `二〇二五年六月`,
//! `三月十八日`) as dates in digits; quotes and spans always refer to the
//! original text.
//!
//! - **Figures**: every number the quantity parser reads (`5.8万人`,
//!   `1.8万亿元`, `百亿元`, `三千个`, `两百家`, `40EFLOPS`, `20%`) followed
//!   by a unit; ranges `3—5个`, `3至5万人`. Not figures: dates (`2025年`,
//!   `1月6日`), document numbers (`〔2025〕19号`), ordinals (`第8届`),
//!   durations (`3个月`), percentage points, numbers inside document titles
//!   《…》, vague amounts (`一批`).
//! - **Comparator**: 不少于/不低于/至少/以上/达到/达 → at least; 超过/超/突破/逾
//!   and 余/多 (`300余家`) → more than; 不超过/以内/以下/控制在 → at most;
//!   低于 and 近 (nearly) → less than; 约/大约/左右 (`1000个左右`) → exactly, with a
//!   reason saying the figure is approximate; a range; a bare figure is a
//!   level to reach in a target (at least) and an exact figure in a report.
//! - **Changes**: in 由2023年的800家增加到2027年的1500家 (从…提高到…,
//!   由…增至…, …增长到…) the figure reached is the target (or the reported
//!   figure) and the starting figure a reported figure dated by the year the
//!   text gives it. An amount added (新增, 净增, 增加) to a metric counted as
//!   a level reached (`basis = "stock"`) is proposed with a lower confidence
//!   and a reason.
//! - **Metric**: the longest name or alias of a catalogue metric of the
//!   figure's dimension next to it: after a count (`建设50个高质量数据集`),
//!   before a volume or an amount (`数据产业规模突破3000亿元`), with one
//!   differing character allowed in long names (scanning errors). A later
//!   clause of the sentence (or after a semicolon) that names none, or a kind
//!   of the same thing (`其中行业数据集500个`), carries over the metric of the
//!   figure before when the unit agrees, with a slightly lower confidence.
//! - **Target or reported figure**: the nearest cue, looking first in the
//!   figure's clause, then in the earlier clauses of its sentence, the
//!   earlier sentences of its paragraph and the paragraph's headings. Target
//!   cues: 到2027年, 2027年前, 力争, 目标, 提出, 要求, 印发, plan titles (方案,
//!   规划, 意见), plan periods; report cues: 已, 当前, 目前, 截至, 同比, 上年,
//!   发布了. A bare year (`2024年，…`) is a report when it precedes the date
//!   of the text (from a dated heading such as 【2025年5月】), a target year
//!   otherwise. Building verbs (建设, 打造, 形成, 培育, 引育, 建成, 推动) lean
//!   to a target, unless a report word leads the list the figure is in
//!   (目前已形成…；引进企业223家). A target needs something that looks ahead:
//!   a deadline, a plan period, a word that sets a goal (力争, 目标, 将), a
//!   bound goals are written with (不少于, 以上), a word that names or issues
//!   a plan (印发, 方案) in its sentence or headings, or a government work
//!   report before it (its tasks are due by the end of its year); without
//!   any, the figure is reported. A forecast (预计, 预测, 有望) is a
//!   reported figure of the year forecast.
//! - **Deadline**: 到2027年, 2027年前, 2025年底, 到2025年6月, the end of a
//!   plan period (`（2025—2027年）`, 十四五), else a bare year near the figure.
//!   The **date** of a reported figure: 截至…, a year or a date near it, the
//!   date its paragraph opens with (`3月18日，`), else the dated heading.
//! - **Jurisdiction**: the catalogue's jurisdictions (names and aliases) and
//!   the provinces and main cities of China by name, nearest to the figure in
//!   its clause, else the first one named in the earlier clauses, sentences
//!   and headings (a venue, `在成都召开`, names none, nor a group named as
//!   what is built or counted, `建设国家数据标注基地`); national bodies
//!   (国家数据局, 国务院) name the nation when nothing else is named; then
//!   [`Options::jurisdiction`], else the place of the document: the one
//!   place its first line names (a title, 某某省人民政府办公厅关于印发…的通知),
//!   else the first sentence of its first paragraph when that states no
//!   figure. 全省/全市/全区 before a figure mean the place of that scope the
//!   paragraph names, else [`Options::jurisdiction`], else the place of the
//!   document; 中国 at the head of a sentence, 我国 and 全国 the nation.
//!
//! Counts that are not targets are kept with a low confidence and a reason:
//! issuing or attending bodies (`12个部门联合印发`, `27个部委代表参加`),
//! scopes (`12个行业领域`), counts of measures, layouts (`1+N`), and figures
//! with no recognised metric. A heading that repeats a figure of the text
//! under it is proposed once, from the text.

mod blocks;
mod candidate;
mod change;
mod cues;
mod dedupe;
mod document;
mod facts;
mod figures;
mod hant;
mod json;
mod jurisdiction;
mod kind;
mod lexicon;
mod looks;
mod mentions;
mod metrics;
mod noise;
mod places;
mod reading;
mod reason;
mod relative;
pub mod score;
mod sentences;
mod text;
mod toml;

#[cfg(test)]
mod tests;
#[cfg(test)]
mod tests_dev;
#[cfg(test)]
mod tests_doc;
#[cfg(test)]
mod tests_news;

use std::ops::Range;

use rust_decimal::Decimal;

use chrono::NaiveDate;

use crate::{Catalog, Comparator, Deadline, Id, JurisdictionCode, PartialDate, Period, Quantity};

use blocks::BlockKind;
use dedupe::dedupe;
use document::Doc;
use lexicon::Lexicon;
use reading::Env;

pub use json::{CandidatesJson, to_json};
pub use reason::Reason;
pub use toml::{Comment, Field, Incomplete, to_toml, to_toml_with};

/// Whether a candidate is a goal or a reported figure.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Kind {
    /// A target (目标): a level to reach by a deadline.
    Target,
    /// An observation (实绩): a figure reported as reached on a date.
    Observation,
}

impl Kind {
    /// `target` or `observation`.
    pub fn as_str(self) -> &'static str {
        match self {
            Kind::Target => "target",
            Kind::Observation => "observation",
        }
    }
}

impl std::fmt::Display for Kind {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

/// A quantitative statement found in policy text, proposed as a target or an
/// observation for the catalogue.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Candidate {
    /// Target or reported figure.
    pub kind: Kind,
    /// Whose figure it is: a jurisdiction of the catalogue or, for a province
    /// or main city the catalogue lacks, its GB/T 2260 code (then
    /// `jurisdiction_in_catalog` is false); `None` when the text names none
    /// and [`Options::jurisdiction`] gives none.
    pub jurisdiction: Option<JurisdictionCode>,
    /// The words that named the jurisdiction (`苏州市`); empty when it came
    /// from [`Options::jurisdiction`] or none was found.
    pub jurisdiction_phrase: String,
    /// Whether `jurisdiction` is in the catalogue the text was read with.
    pub jurisdiction_in_catalog: bool,
    /// The catalogue metric, recognised by its name or an alias; `None` when
    /// none of the figure's dimension is named next to it.
    pub metric: Option<Id>,
    /// The words that named the metric (or, when none was recognised, the
    /// words next to the figure that probably do).
    pub metric_phrase: String,
    /// How the value is meant. Reported figures are `exactly` unless the text
    /// bounds them (超过 83亿元 → `more_than`).
    pub comparator: Comparator,
    /// The value as written (the lower bound of a range).
    pub value: Quantity,
    /// The upper bound of a range (`3—5个`).
    pub upper: Option<Quantity>,
    /// When a target is due, where the text says.
    pub deadline: Option<Deadline>,
    /// The plan period a target belongs to, where the text states one.
    pub period: Option<Period>,
    /// The date a reported figure refers to: as the text dates it, else the
    /// date of its heading.
    pub as_of: Option<PartialDate>,
    /// The clause the figure came from, verbatim: an exact substring of the
    /// input. Of a clause longer than 240 characters (text without
    /// punctuation), the figure and up to 80 characters on either side.
    pub quote: String,
    /// Where `quote` is in the input, in **characters** (Unicode scalar
    /// values, as `str::chars` counts them), not bytes:
    /// `text.chars().skip(span.start).take(span.len())` is the quote.
    pub span: Range<usize>,
    /// How likely the candidate is right, from 0 to 1 (two decimal places).
    pub confidence: Decimal,
    /// Why the confidence is what it is (missing metric, missing deadline,
    /// count of meeting attendees, ...).
    pub reasons: Vec<Reason>,
    /// How the date (`as_of` or `deadline`) was inferred when the text
    /// does not write it out: a relative date (今年, 上半年, 目前) read with
    /// the date of writing, or no date at all; `None` when the text writes
    /// the date.
    pub date_inferred: Option<InferredDate>,
}

/// Where the date of writing that dates a candidate comes from.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum DateFrom {
    /// [`Options::published`] (`targets extract --published DATE`).
    Published,
    /// A date line of the text (`2025-08-26`, `【2025年5月】`,
    /// `发布时间：2025年8月26日`).
    DateLine,
}

impl DateFrom {
    /// `published` or `date_line`.
    pub fn as_str(self) -> &'static str {
        match self {
            DateFrom::Published => "published",
            DateFrom::DateLine => "date_line",
        }
    }
}

impl std::fmt::Display for DateFrom {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

/// A date the text does not write out, inferred from the date of writing.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct InferredDate {
    /// The relative words read (`今年`, `上半年`, `截至目前`); empty when the
    /// figure has no date of its own and takes the date of writing.
    pub words: String,
    /// The date of writing it was read with.
    pub reference: PartialDate,
    /// Where that date comes from.
    pub from: DateFrom,
}

/// Settings of [`extract_with`].
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Options {
    /// Candidates below this confidence are dropped (default 0: keep all).
    pub min_confidence: Decimal,
    /// The jurisdiction of figures whose text names none (the issuer of the
    /// document being read).
    pub jurisdiction: Option<JurisdictionCode>,
    /// When the text was published: relative dates (今年, 去年, 上半年,
    /// 目前) are read with it, and years before it are reported figures.
    /// Without it, a date line of the text (`2025-08-26`) is used; without
    /// either, a relative date is reported as unknown.
    pub published: Option<NaiveDate>,
}

/// The confidence below which `targets extract` leaves a candidate out by
/// default: at it and above, what is proposed is nearly always a target or
/// reported figure of the place and year given, as labelled.
pub const DEFAULT_MIN_CONFIDENCE: Decimal = Decimal::from_parts(5, 0, 0, false, 1);

/// Proposes every quantitative statement of `text` as a candidate target or
/// observation, in the order of the text, reading metrics and jurisdictions
/// from `catalog`. Low-confidence candidates are included, with their
/// reasons; see [`extract_with`] to filter them.
///
/// ```
/// use policy_targets::Catalog;
/// use policy_targets::extract::{extract, Kind};
///
/// let catalog = Catalog::bundled()?;
/// let text = "截至2024年底，武汉市已建成高质量数据集１２０个。";
/// let found = extract(text, &catalog);
/// assert_eq!(found[0].kind, Kind::Observation);
/// assert_eq!(found[0].value.canonical_value().to_string(), "120");
/// assert_eq!(found[0].as_of.unwrap().to_string(), "2024");
/// assert_eq!(found[0].comparator.as_str(), "exactly");
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub fn extract(text: &str, catalog: &Catalog) -> Vec<Candidate> {
    extract_with(text, catalog, &Options::default())
}

/// [`extract`] with [`Options`]: a minimum confidence and a default
/// jurisdiction.
///
/// ```
/// use policy_targets::Catalog;
/// use policy_targets::extract::{extract_with, Options};
/// use rust_decimal::Decimal;
///
/// let catalog = Catalog::bundled()?;
/// let options = Options {
///     min_confidence: Decimal::new(5, 1),
///     jurisdiction: Some("420100".parse()?),
///     ..Options::default()
/// };
/// let text = "2025年，建设不少于20个高质量数据集。27个部委代表参加会议。";
/// let found = extract_with(text, &catalog, &options);
/// assert_eq!(found.len(), 1); // the attendees are below 0.5
/// assert_eq!(found[0].jurisdiction.as_ref().unwrap().as_str(), "420100");
/// assert_eq!(found[0].deadline.unwrap().to_string(), "2025");
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub fn extract_with(text: &str, catalog: &Catalog, options: &Options) -> Vec<Candidate> {
    Extractor::new(catalog).extract_with(text, options)
}

/// The extractor of one catalogue, built once to read many texts.
///
/// [`extract`] builds one for each call: the catalogue's metric names and
/// aliases and the place names are gathered and compiled into a matcher,
/// which costs about as much as reading a page of text. An `Extractor`
/// keeps them.
///
/// ```
/// use policy_targets::Catalog;
/// use policy_targets::extract::{Extractor, Options};
///
/// let catalog = Catalog::bundled()?;
/// let extractor = Extractor::new(&catalog);
/// let texts = ["到2027年，苏州市建成300个高质量数据集。", "武汉市提出，到2025年建设20个高质量数据集。"];
/// let found: Vec<_> = texts.iter().map(|t| extractor.extract(t)).collect();
/// assert_eq!(found[0][0].value.to_string(), "300个");
/// assert_eq!(found[1][0].jurisdiction.as_ref().unwrap().as_str(), "420100");
/// assert_eq!(extractor.extract_with(texts[0], &Options::default()), found[0]);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub struct Extractor<'c> {
    catalog: &'c Catalog,
    lexicon: Lexicon,
}

impl<'c> Extractor<'c> {
    /// An extractor for the metrics and jurisdictions of `catalog`.
    pub fn new(catalog: &'c Catalog) -> Extractor<'c> {
        Extractor {
            catalog,
            lexicon: Lexicon::new(catalog),
        }
    }

    /// The candidates of `text` (see [`extract`]).
    pub fn extract(&self, text: &str) -> Vec<Candidate> {
        self.extract_with(text, &Options::default())
    }

    /// The candidates of `text` with [`Options`] (see [`extract_with`]).
    pub fn extract_with(&self, text: &str, options: &Options) -> Vec<Candidate> {
        let lexicon = &self.lexicon;
        let doc = Doc::read(text, lexicon, options.published);
        let env = Env {
            lexicon,
            catalog: self.catalog,
            options,
        };
        let mut found = Vec::new();
        for p in 0..doc.paras.len() {
            if matches!(doc.paras[p].kind, BlockKind::Prose | BlockKind::Heading) {
                let mut here = Vec::new();
                doc.candidates_of(p, &env, &mut here);
                found.extend(here.into_iter().map(|c| (p, c)));
            }
        }
        let mut found = dedupe(found, &doc);
        found.retain(|c| c.confidence >= options.min_confidence);
        found.sort_by_key(|c| (c.span.start, c.span.end));
        found
    }
}

impl std::fmt::Debug for Extractor<'_> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Extractor")
            .field("metric_names", &self.lexicon.aliases.len())
            .field("place_names", &self.lexicon.places.len())
            .finish()
    }
}
