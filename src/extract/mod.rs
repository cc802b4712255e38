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
//!   低于 → less than; 约/大约/近/左右 (`1000个左右`) → exactly, with a
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
//!   to a target.
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
//!   [`Options::jurisdiction`].
//!
//! Counts that are not targets are kept with a low confidence and a reason:
//! issuing or attending bodies (`12个部门联合印发`, `27个部委代表参加`),
//! scopes (`12个行业领域`), counts of measures, layouts (`1+N`), and figures
//! with no recognised metric. A heading that repeats a figure of the text
//! under it is proposed once, from the text.

use std::collections::{HashMap, HashSet};
use std::ops::Range;
use std::sync::LazyLock;

use aho_corasick::AhoCorasick;

use chrono::NaiveDate;
use rust_decimal::Decimal;
use serde::Serialize;

use crate::encode::JsonDecimal;
use crate::model::number::{leading_number, scale_pow10};
use crate::{
    Basis, Catalog, Comparator, Deadline, Dimension, Id, JurisdictionCode, Level, PartialDate,
    Period, Quantity, Unit,
};

// ---------------------------------------------------------------------------
// Public API
// ---------------------------------------------------------------------------

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
    pub reasons: Vec<String>,
}

/// Settings of [`extract_with`].
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Options {
    /// Candidates below this confidence are dropped (default 0: keep all).
    pub min_confidence: Decimal,
    /// The jurisdiction of figures whose text names none (the issuer of the
    /// document being read).
    pub jurisdiction: Option<JurisdictionCode>,
}

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
        let doc = Doc::read(text, lexicon);
        let mut found = Vec::new();
        for p in 0..doc.paras.len() {
            if matches!(doc.paras[p].kind, BlockKind::Prose | BlockKind::Heading) {
                let mut here = Vec::new();
                doc.candidates_of(p, lexicon, self.catalog, options, &mut here);
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

/// Writes candidates as `[[target]]` and `[[observation]]` entries for a
/// data file under `targets/sources/`, after a commented `[source]` table
/// for `source` to fill in.
///
/// Values are written as integers or strings, never floats. Ids are
/// generated from the metric, the jurisdiction and the date (snake_case,
/// unique within the output). An entry is written commented out, with its
/// unknown fields as `?` placeholders, when a field the data format requires
/// is missing (metric, a jurisdiction of the catalogue, a deadline or a
/// date) or its confidence is below 0.5: the file then validates as soon as
/// its `[source]` table is filled in.
///
/// ```
/// use policy_targets::{Catalog, Id};
/// use policy_targets::extract::{extract, to_toml};
///
/// let catalog = Catalog::bundled()?;
/// let found = extract("苏州市提出，到2027年打造不少于500个典型数据产品。", &catalog);
/// let source: Id = "suzhou_plan".parse()?;
/// let toml = to_toml(&found, &source);
/// assert!(toml.contains("[[target]]\nid = \"typical_data_products_320500_2027\""));
/// assert!(toml.contains("value = 500\nunit = \"个\"\ndeadline = 2027\n"));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub fn to_toml(candidates: &[Candidate], source: &Id) -> String {
    let mut out = String::new();
    out.push_str("# Candidate entries read from policy text. Check each against its quote,\n");
    out.push_str("# fill in the [source] table, and complete or delete the entries written\n");
    out.push_str("# as comments (they lack a field or have a low confidence).\n");
    out.push_str("#\n# [source]\n");
    out.push_str(&format!("# id = {}\n", toml_string(source.as_str())));
    out.push_str("# title = \"?\"\n# issuer = \"?\"\n# published = ?\n");
    out.push_str("# status = \"final\"\n# force = \"plan\"\n");
    let mut ids = Ids::default();
    for c in candidates {
        out.push('\n');
        out.push_str(&toml_entry(c, &mut ids));
    }
    // Strings are escaped where they are written; a control character can
    // only reach a comment, where TOML allows none: show it as U+FFFD.
    out.chars()
        .map(|c| {
            if c.is_control() && c != '\n' && c != '\t' {
                '\u{FFFD}'
            } else {
                c
            }
        })
        .collect()
}

/// Writes candidates as a JSON object for review tools,
/// `{"version": 1, "candidates": [...]}` (see [`CandidatesJson`]): every
/// field of [`Candidate`], exact decimals (`"value": 5.8`, never a binary
/// float), the canonical value and unit, the deadline's last day, and `span`
/// as `{"start", "end"}` in characters.
///
/// ```
/// use policy_targets::Catalog;
/// use policy_targets::extract::{extract, to_json};
///
/// let catalog = Catalog::bundled()?;
/// let found = extract("标注从业人员达5.8万人。", &catalog);
/// let json = to_json(&found);
/// assert!(json.starts_with("{\n  \"version\": 1,\n  \"candidates\": ["));
/// assert!(json.contains(r#""value": 5.8"#));
/// assert!(json.contains(r#""canonical_value": 58000"#));
/// assert!(json.contains(r#""span": {"#));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub fn to_json(candidates: &[Candidate]) -> String {
    let document = CandidatesJson::new(candidates);
    serde_json::to_string_pretty(&document).unwrap_or_else(|_| {
        format!(
            "{{\"version\": {}, \"candidates\": []}}",
            crate::encode::FORMAT_VERSION
        )
    })
}

// ---------------------------------------------------------------------------
// Text: folding, paragraphs, sentences, clauses
// ---------------------------------------------------------------------------

/// Full-width ASCII forms to ASCII, except the full-width comma, which stays
/// a clause separator (an ASCII comma between digits is a thousands
/// separator).
fn fold(c: char) -> char {
    match c {
        '\u{FF0C}' => '，',
        '\u{FF01}'..='\u{FF5E}' => char::from_u32(c as u32 - 0xFEE0).unwrap_or(c),
        '\u{3000}' => ' ',
        _ => c,
    }
}

fn is_cjk(c: char) -> bool {
    ('\u{4E00}'..='\u{9FFF}').contains(&c) || ('\u{3400}'..='\u{4DBF}').contains(&c)
}

fn is_cn_numeral(c: char) -> bool {
    matches!(
        c,
        '零' | '〇'
            | '一'
            | '二'
            | '两'
            | '三'
            | '四'
            | '五'
            | '六'
            | '七'
            | '八'
            | '九'
            | '十'
            | '百'
            | '千'
            | '万'
            | '亿'
    )
}

/// A paragraph's text, folded and without whitespace, with the original
/// character index of each character.
struct Norm {
    chars: Vec<char>,
    orig: Vec<usize>,
    s: String,
    /// Byte offset in `s` of each character, and `s.len()` at the end.
    bytes: Vec<usize>,
    /// Whether each character is inside a document title 《…》.
    title: Vec<bool>,
}

impl Norm {
    fn build(src: &[char], ranges: &[Range<usize>]) -> Norm {
        let mut chars: Vec<char> = Vec::new();
        let mut orig = Vec::new();
        let mut space: Option<usize> = None;
        for range in ranges {
            if !chars.is_empty() {
                space = Some(range.start.saturating_sub(1));
            }
            for k in range.clone() {
                let c = fold(src[k]);
                if c.is_whitespace() {
                    space = Some(k);
                    continue;
                }
                if let Some(at) = space.take() {
                    // Keep one space between ASCII words and numbers only.
                    if chars.last().is_some_and(char::is_ascii_alphanumeric)
                        && c.is_ascii_alphanumeric()
                    {
                        chars.push(' ');
                        orig.push(at);
                    }
                }
                chars.push(c);
                orig.push(k);
            }
        }
        let (chars, orig) = fold_cn_dates(&chars, &orig);
        let s: String = chars.iter().collect();
        let mut bytes = Vec::with_capacity(chars.len() + 1);
        let mut at = 0;
        for c in &chars {
            bytes.push(at);
            at += c.len_utf8();
        }
        bytes.push(at);
        let mut title = Vec::with_capacity(chars.len());
        let mut depth = 0usize;
        for &c in &chars {
            if c == '《' {
                depth += 1;
            }
            title.push(depth > 0);
            if c == '》' {
                depth = depth.saturating_sub(1);
            }
        }
        Norm {
            chars,
            orig,
            s,
            bytes,
            title,
        }
    }

    fn len(&self) -> usize {
        self.chars.len()
    }

    /// The text from character `start` to character `end`.
    fn str(&self, start: usize, end: usize) -> &str {
        let end = end.min(self.len());
        let start = start.min(end);
        &self.s[self.bytes[start]..self.bytes[end]]
    }

    fn text(&self, range: Range<usize>) -> String {
        self.str(range.start, range.end).to_owned()
    }

    /// The character index at a byte offset of `s`.
    fn char_at_byte(&self, byte: usize) -> usize {
        self.bytes.partition_point(|&b| b < byte)
    }

    fn starts_with(&self, i: usize, word: &str) -> bool {
        self.s
            .get(self.bytes[i.min(self.len())]..)
            .is_some_and(|rest| rest.starts_with(word))
    }

    fn ends_with(&self, i: usize, word: &str) -> bool {
        self.s[..self.bytes[i.min(self.len())]].ends_with(word)
    }

    fn get(&self, i: usize) -> Option<char> {
        self.chars.get(i).copied()
    }

    fn contains(&self, range: Range<usize>, word: &str) -> bool {
        self.str(range.start, range.end).contains(word)
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum BlockKind {
    /// Running text.
    Prose,
    /// A title or a short line without sentence punctuation.
    Heading,
    /// A line that is only a date (【2025年3月】): it dates what follows.
    Date(PartialDate),
    /// A 来源 (source) line: the end of a news item.
    Source,
}

/// The lines of the text (character ranges, without the line break).
fn lines(src: &[char]) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    let mut start = 0;
    for (i, &c) in src.iter().enumerate() {
        if c == '\n' {
            out.push(start..i);
            start = i + 1;
        }
    }
    out.push(start..src.len());
    out
}

fn squeeze(src: &[char], range: &Range<usize>) -> Vec<char> {
    let chars: Vec<char> = src[range.clone()]
        .iter()
        .map(|&c| fold(c))
        .filter(|c| !c.is_whitespace())
        .collect();
    let orig: Vec<usize> = (0..chars.len()).collect();
    fold_cn_dates(&chars, &orig).0
}

/// A digit written as a Chinese numeral in a year (二〇二七年).
fn cn_digit(c: char) -> Option<char> {
    Some(match c {
        '〇' | '零' | '○' => '0',
        '一' => '1',
        '二' => '2',
        '三' => '3',
        '四' => '4',
        '五' => '5',
        '六' => '6',
        '七' => '7',
        '八' => '8',
        '九' => '9',
        _ => return None,
    })
}

/// A number from 1 to 31 written in Chinese numerals at `i` (六, 十, 十二,
/// 二十五, 三十一): its value and the number of characters it takes.
fn cn_small_at(chars: &[char], i: usize) -> Option<(u32, usize)> {
    let digit = |k: usize| {
        chars
            .get(k)
            .and_then(|&c| cn_digit(c))
            .and_then(|d| d.to_digit(10))
            .filter(|&d| d > 0)
    };
    let ten = |k: usize| chars.get(k) == Some(&'十');
    let (value, len) = if ten(i) {
        match digit(i + 1) {
            Some(u) => (10 + u, 2),
            None => (10, 1),
        }
    } else {
        let tens = digit(i)?;
        if ten(i + 1) {
            match digit(i + 2) {
                Some(u) => (tens * 10 + u, 3),
                None => (tens * 10, 2),
            }
        } else {
            (tens, 1)
        }
    };
    (value <= 31).then_some((value, len))
}

/// Rewrites dates written in Chinese numerals with ASCII digits, the way
/// the rest of the reader expects them: 二〇二七年 → 2027年, 二〇二五年六月
/// → 2025年6月, 三月十八日 → 3月18日. Each new character keeps the original
/// index of the numeral it stands for, so quotes stay verbatim.
fn fold_cn_dates(chars: &[char], orig: &[usize]) -> (Vec<char>, Vec<usize>) {
    let mut out = Vec::with_capacity(chars.len());
    let mut out_orig = Vec::with_capacity(orig.len());
    let numeral_before = |i: usize| i > 0 && is_cn_numeral(chars[i - 1]);
    // A month (and a day) at `k`: pushes them and returns where they end.
    let month_day = |k: usize, out: &mut Vec<char>, out_orig: &mut Vec<usize>| -> usize {
        let Some((month, len)) = cn_small_at(chars, k).filter(|&(m, _)| m <= 12) else {
            return k;
        };
        if chars.get(k + len) != Some(&'月') {
            return k;
        }
        for (j, d) in month.to_string().chars().enumerate() {
            out.push(d);
            out_orig.push(orig[if j == 0 { k } else { k + len - 1 }]);
        }
        out.push('月');
        out_orig.push(orig[k + len]);
        let k = k + len + 1;
        if let Some((day, len)) = cn_small_at(chars, k) {
            if matches!(chars.get(k + len), Some('日' | '号')) {
                for (j, d) in day.to_string().chars().enumerate() {
                    out.push(d);
                    out_orig.push(orig[if j == 0 { k } else { k + len - 1 }]);
                }
                out.push(chars[k + len]);
                out_orig.push(orig[k + len]);
                return k + len + 1;
            }
        }
        k
    };
    let mut i = 0;
    while i < chars.len() {
        // A year: four numeral digits, 1900 to 2100, then 年.
        let year: Option<String> = (i + 4 < chars.len())
            .then(|| chars[i..i + 4].iter().map(|&c| cn_digit(c)).collect())
            .flatten();
        let year = year.filter(|y: &String| {
            chars[i + 4] == '年'
                && !numeral_before(i)
                && y.parse::<u32>().is_ok_and(|y| (1900..=2100).contains(&y))
        });
        if let Some(year) = year {
            for (j, d) in year.chars().enumerate() {
                out.push(d);
                out_orig.push(orig[i + j]);
            }
            out.push('年');
            out_orig.push(orig[i + 4]);
            i = month_day(i + 5, &mut out, &mut out_orig);
            continue;
        }
        // A month and day without a year (三月十八日).
        if !numeral_before(i) && !chars[i].is_ascii_digit() {
            let before = out.len();
            let k = month_day(i, &mut out, &mut out_orig);
            if k > i {
                if out.last().is_some_and(|&c| matches!(c, '日' | '号')) {
                    i = k;
                    continue;
                }
                out.truncate(before);
                out_orig.truncate(before);
            }
        }
        out.push(chars[i]);
        out_orig.push(orig[i]);
        i += 1;
    }
    (out, out_orig)
}

fn date_only(line: &[char]) -> Option<PartialDate> {
    let s: String = line
        .iter()
        .filter(|c| !matches!(c, '【' | '】' | '[' | ']' | '(' | ')' | '〔' | '〕'))
        .collect();
    if !s.contains('年') || s.ends_with('年') {
        return None;
    }
    s.parse().ok()
}

fn classify(line: &[char]) -> BlockKind {
    let s: String = line.iter().collect();
    if s.starts_with("来源") {
        return BlockKind::Source;
    }
    if let Some(date) = date_only(line) {
        return BlockKind::Date(date);
    }
    let last = line.last().copied().unwrap_or('。');
    // A comma outside a title makes a line prose (a one-line text), not a
    // heading.
    let mut depth = 0i32;
    let comma = line.iter().any(|&c| {
        match c {
            '《' => depth += 1,
            '》' => depth -= 1,
            _ => {}
        }
        depth <= 0 && matches!(c, '，' | ',')
    });
    if s.contains('。')
        || comma
        || matches!(last, '。' | '!' | '?' | ';' | '…' | ':')
        || line.len() > 80
    {
        BlockKind::Prose
    } else {
        BlockKind::Heading
    }
}

/// Whether a line ends mid-sentence and goes on in the next one.
fn continues(line: &[char]) -> bool {
    let Some(&last) = line.last() else {
        return false;
    };
    if matches!(last, '，' | ',' | '、') {
        return true;
    }
    let open_end = is_cjk(last) || last.is_ascii_alphanumeric() || matches!(last, '"' | '“');
    let prose = line
        .iter()
        .any(|c| matches!(c, '，' | ',' | '。' | ';' | '；'));
    // A paragraph that ends with its 来源 (source) line is complete.
    let tail: String = line
        .rsplit(|&c| c == '。')
        .next()
        .unwrap_or(&[])
        .iter()
        .collect();
    open_end && prose && line.len() >= 12 && !tail.starts_with("来源")
}

/// Whether a line opens a new item: a list item (一、 （一） 1. 一是) or a
/// dated news item (3月18日，).
fn starts_item(line: &[char]) -> bool {
    let s: String = line.iter().take(8).collect();
    let numeral = |c: char| is_cn_numeral(c) || c.is_ascii_digit();
    let mut chars = s.chars();
    let first = chars.next().unwrap_or(' ');
    let second = chars.next().unwrap_or(' ');
    if numeral(first) && matches!(second, '、' | '.' | '是') {
        return true;
    }
    if matches!(first, '(' | '（') && numeral(second) {
        return true;
    }
    let digits = s.chars().take_while(char::is_ascii_digit).count();
    (1..=2).contains(&digits) && s.chars().nth(digits) == Some('月') && s.contains('日')
}

/// Paragraphs: lines, with a line that continues joined to the next one.
fn blocks(src: &[char]) -> Vec<(BlockKind, Vec<Range<usize>>)> {
    let mut out: Vec<(BlockKind, Vec<Range<usize>>)> = Vec::new();
    let mut open = false;
    for range in lines(src) {
        let line = squeeze(src, &range);
        if line.is_empty() {
            continue;
        }
        let kind = classify(&line);
        if open
            && matches!(kind, BlockKind::Prose | BlockKind::Heading)
            && line[0] != '【'
            && !starts_item(&line)
        {
            if let Some(last) = out.last_mut() {
                last.0 = BlockKind::Prose;
                last.1.push(range);
                open = continues(&line);
                continue;
            }
        }
        open = matches!(kind, BlockKind::Prose | BlockKind::Heading) && continues(&line);
        out.push((kind, vec![range]));
    }
    out
}

struct Sentence {
    range: Range<usize>,
    clauses: Vec<Range<usize>>,
}

fn has_number(n: &Norm, range: &Range<usize>) -> bool {
    n.chars[range.clone()].iter().any(|&c| {
        c.is_ascii_digit()
            || matches!(
                c,
                '二' | '两' | '三' | '四' | '五' | '六' | '七' | '八' | '九'
            )
    })
}

fn sentences(n: &Norm) -> Vec<Sentence> {
    let mut out = Vec::new();
    let mut start = 0;
    for i in 0..=n.len() {
        let end = i == n.len();
        if end || (matches!(n.chars[i], '。' | '!' | '?' | ';' | '…') && !n.title[i]) {
            if i > start {
                out.push(Sentence {
                    range: start..i,
                    clauses: clauses(n, start..i),
                });
            }
            start = i + 1;
        }
    }
    out
}

fn clauses(n: &Norm, sentence: Range<usize>) -> Vec<Range<usize>> {
    let mut hard = Vec::new();
    let mut start = sentence.start;
    let mut i = sentence.start;
    while i < sentence.end {
        let c = n.chars[i];
        let mut cut = 0;
        if !n.title[i] {
            if matches!(c, '，' | ':') {
                cut = 1;
            } else if c == ',' {
                let thousands = i > 0
                    && n.get(i - 1).is_some_and(|p| p.is_ascii_digit())
                    && (1..=3).all(|k| n.get(i + k).is_some_and(|d| d.is_ascii_digit()))
                    && !n.get(i + 4).is_some_and(|d| d.is_ascii_digit());
                if !thousands {
                    cut = 1;
                }
            } else if c == '—' && n.get(i + 1) == Some('—') {
                cut = 2;
            }
        }
        if cut > 0 {
            if i > start {
                hard.push(start..i);
            }
            i += cut;
            start = i;
        } else {
            i += 1;
        }
    }
    if sentence.end > start {
        hard.push(start..sentence.end);
    }
    // 、 separates clauses when the items on both sides hold figures
    // (建设数据集50个、数据企业100家), not in a plain list of names.
    let mut out = Vec::new();
    for clause in hard {
        if n.contains(clause.clone(), "分别") {
            out.push(clause);
            continue;
        }
        let mut pieces = Vec::new();
        let mut s = clause.start;
        for i in clause.clone() {
            if n.chars[i] == '、' && !n.title[i] {
                pieces.push(s..i);
                s = i + 1;
            }
        }
        pieces.push(s..clause.end);
        let mut current = pieces[0].clone();
        for pair in pieces.windows(2) {
            if has_number(n, &pair[0]) && has_number(n, &pair[1]) {
                out.push(current);
                current = pair[1].clone();
            } else {
                current.end = pair[1].end;
            }
        }
        out.push(current);
    }
    out.retain(|r| !r.is_empty());
    out
}

// ---------------------------------------------------------------------------
// The catalogue's words: metrics and jurisdictions
// ---------------------------------------------------------------------------

struct Alias {
    chars: Vec<char>,
    metric: usize,
    dimension: Dimension,
}

#[derive(Clone, Debug)]
struct Place {
    code: JurisdictionCode,
    in_catalog: bool,
    /// A national body (国家数据局): names the nation only when nothing else
    /// is named.
    weak: bool,
    /// A group that is also a kind of place (国家数据标注基地): named as
    /// what is built or counted, it is not whose figure it is.
    group: bool,
}

struct Lexicon {
    aliases: Vec<Alias>,
    metric_ids: Vec<Id>,
    /// Names, longest first.
    places: Vec<(Vec<char>, Place)>,
    /// Finds every place name at once; pattern `k` is `places[k]`.
    place_names: AhoCorasick,
}

/// Provinces and main cities by GB/T 2260 code: full name, short name.
const DIVISIONS: &[(&str, &str, &str)] = &[
    ("110000", "北京市", "北京"),
    ("120000", "天津市", "天津"),
    ("130000", "河北省", "河北"),
    ("140000", "山西省", "山西"),
    ("150000", "内蒙古自治区", "内蒙古"),
    ("210000", "辽宁省", "辽宁"),
    ("220000", "吉林省", "吉林"),
    ("230000", "黑龙江省", "黑龙江"),
    ("310000", "上海市", "上海"),
    ("320000", "江苏省", "江苏"),
    ("330000", "浙江省", "浙江"),
    ("340000", "安徽省", "安徽"),
    ("350000", "福建省", "福建"),
    ("360000", "江西省", "江西"),
    ("370000", "山东省", "山东"),
    ("410000", "河南省", "河南"),
    ("420000", "湖北省", "湖北"),
    ("430000", "湖南省", "湖南"),
    ("440000", "广东省", "广东"),
    ("450000", "广西壮族自治区", "广西"),
    ("460000", "海南省", "海南"),
    ("500000", "重庆市", "重庆"),
    ("510000", "四川省", "四川"),
    ("520000", "贵州省", "贵州"),
    ("530000", "云南省", "云南"),
    ("540000", "西藏自治区", "西藏"),
    ("610000", "陕西省", "陕西"),
    ("620000", "甘肃省", "甘肃"),
    ("630000", "青海省", "青海"),
    ("640000", "宁夏回族自治区", "宁夏"),
    ("650000", "新疆维吾尔自治区", "新疆"),
    ("710000", "台湾省", "台湾"),
    ("810000", "香港特别行政区", "香港"),
    ("820000", "澳门特别行政区", "澳门"),
    ("130100", "石家庄市", "石家庄"),
    ("130200", "唐山市", "唐山"),
    ("130600", "保定市", "保定"),
    ("131000", "廊坊市", "廊坊"),
    ("140100", "太原市", "太原"),
    ("140200", "大同市", "大同"),
    ("150100", "呼和浩特市", "呼和浩特"),
    ("210100", "沈阳市", "沈阳"),
    ("210200", "大连市", "大连"),
    ("220100", "长春市", "长春"),
    ("230100", "哈尔滨市", "哈尔滨"),
    ("320100", "南京市", "南京"),
    ("320200", "无锡市", "无锡"),
    ("320300", "徐州市", "徐州"),
    ("320400", "常州市", "常州"),
    ("320500", "苏州市", "苏州"),
    ("320600", "南通市", "南通"),
    ("330100", "杭州市", "杭州"),
    ("330200", "宁波市", "宁波"),
    ("330300", "温州市", "温州"),
    ("330400", "嘉兴市", "嘉兴"),
    ("330500", "湖州市", "湖州"),
    ("330600", "绍兴市", "绍兴"),
    ("330700", "金华市", "金华"),
    ("331000", "台州市", "台州"),
    ("340100", "合肥市", "合肥"),
    ("340200", "芜湖市", "芜湖"),
    ("350100", "福州市", "福州"),
    ("350200", "厦门市", "厦门"),
    ("350500", "泉州市", "泉州"),
    ("360100", "南昌市", "南昌"),
    ("370100", "济南市", "济南"),
    ("370200", "青岛市", "青岛"),
    ("370600", "烟台市", "烟台"),
    ("370700", "潍坊市", "潍坊"),
    ("410100", "郑州市", "郑州"),
    ("410300", "洛阳市", "洛阳"),
    ("420100", "武汉市", "武汉"),
    ("420500", "宜昌市", "宜昌"),
    ("420600", "襄阳市", "襄阳"),
    ("430100", "长沙市", "长沙"),
    ("430200", "株洲市", "株洲"),
    ("430300", "湘潭市", "湘潭"),
    ("440100", "广州市", "广州"),
    ("440300", "深圳市", "深圳"),
    ("440400", "珠海市", "珠海"),
    ("440500", "汕头市", "汕头"),
    ("440600", "佛山市", "佛山"),
    ("441300", "惠州市", "惠州"),
    ("441900", "东莞市", "东莞"),
    ("450100", "南宁市", "南宁"),
    ("450200", "柳州市", "柳州"),
    ("450300", "桂林市", "桂林"),
    ("460100", "海口市", "海口"),
    ("510100", "成都市", "成都"),
    ("510700", "绵阳市", "绵阳"),
    ("520100", "贵阳市", "贵阳"),
    ("520300", "遵义市", "遵义"),
    ("530100", "昆明市", "昆明"),
    ("540100", "拉萨市", "拉萨"),
    ("610100", "西安市", "西安"),
    ("620100", "兰州市", "兰州"),
    ("630100", "西宁市", "西宁"),
    ("640100", "银川市", "银川"),
    ("650100", "乌鲁木齐市", "乌鲁木齐"),
];

/// The nation, by the words policy text uses for it. The bare name 中国 is
/// not among them: it is mostly part of a proper name (数字中国, 中国移动).
const NATION: &str = "100000";
const NATION_NAMES: &[&str] = &["全国", "我国", "中华人民共和国"];

/// National bodies: their figures are the nation's when nothing else is named.
const NATIONAL_BODIES: &[&str] = &[
    "国家数据局",
    "国家发展改革委",
    "国家发改委",
    "国家统计局",
    "国家网信办",
    "中央网信办",
    "国务院",
    "中共中央",
    "党中央",
    "工业和信息化部",
    "工信部",
    "科技部",
    "财政部",
    "商务部",
    "教育部",
];

/// Short place names that are also parts of common words: (name, characters
/// that may not precede it, characters that may not follow it).
const PLACE_GUARDS: &[(&str, &str, &str)] = &[
    ("保定", "确担", ""),
    ("合肥", "复", "料"),
    ("海口", "出入河港", ""),
    ("大同", "", "小世"),
    ("大连", "", "接"),
    ("福建", "幸造", ""),
    ("长春", "", "藤"),
    ("河南", "黄", ""),
];

fn lower(c: char) -> char {
    c.to_ascii_lowercase()
}

fn word_chars(s: &str) -> Vec<char> {
    s.chars()
        .map(fold)
        .filter(|c| !c.is_whitespace())
        .map(lower)
        .collect()
}

impl Lexicon {
    fn new(catalog: &Catalog) -> Lexicon {
        let mut aliases = Vec::new();
        let mut metric_ids = Vec::new();
        for (i, m) in catalog.metrics().iter().enumerate() {
            metric_ids.push(m.id.clone());
            let mut seen: HashSet<Vec<char>> = HashSet::new();
            for name in std::iter::once(&m.name_zh).chain(&m.aliases) {
                let chars = word_chars(name);
                if chars.len() >= 2 && seen.insert(chars.clone()) {
                    aliases.push(Alias {
                        chars,
                        metric: i,
                        dimension: m.dimension,
                    });
                }
            }
        }
        aliases.sort_by_key(|a| std::cmp::Reverse(a.chars.len()));

        let mut places: Vec<(Vec<char>, Place)> = Vec::new();
        let add = |name: &str, place: Place, places: &mut Vec<(Vec<char>, Place)>| {
            let chars = word_chars(name);
            if chars.len() >= 2 && !places.iter().any(|(n, _)| *n == chars) {
                places.push((chars, place));
            }
        };
        for j in catalog.jurisdictions() {
            let place = Place {
                code: j.code.clone(),
                in_catalog: true,
                weak: false,
                group: j.level == Level::Group,
            };
            for name in std::iter::once(&j.name_zh).chain(&j.aliases) {
                if name != "中国" {
                    add(name, place.clone(), &mut places);
                }
            }
        }
        let known = |code: &str| catalog.jurisdiction(code).is_some();
        for &(code, full, short) in DIVISIONS {
            if let Ok(code_parsed) = code.parse::<JurisdictionCode>() {
                let place = Place {
                    code: code_parsed,
                    in_catalog: known(code),
                    weak: false,
                    group: false,
                };
                add(full, place.clone(), &mut places);
                add(short, place, &mut places);
            }
        }
        if let Ok(nation) = NATION.parse::<JurisdictionCode>() {
            let in_catalog = known(NATION);
            for name in NATION_NAMES {
                let place = Place {
                    code: nation.clone(),
                    in_catalog,
                    weak: false,
                    group: false,
                };
                add(name, place, &mut places);
            }
            for name in NATIONAL_BODIES {
                let place = Place {
                    code: nation.clone(),
                    in_catalog,
                    weak: true,
                    group: false,
                };
                add(name, place, &mut places);
            }
        }
        places.sort_by_key(|p| std::cmp::Reverse(p.0.len()));
        let names = places
            .iter()
            .map(|(name, _)| name.iter().collect::<String>());
        // Built from a few hundred short names: it cannot exceed the
        // automaton's limits, but an error leaves it matching nothing.
        let place_names = AhoCorasick::new(names)
            .or_else(|_| AhoCorasick::new(Vec::<String>::new()))
            .expect("an empty automaton builds");
        Lexicon {
            aliases,
            metric_ids,
            places,
            place_names,
        }
    }
}

// ---------------------------------------------------------------------------
// Cues: dates, periods and words that say target or report
// ---------------------------------------------------------------------------

#[derive(Clone, Copy, Debug, PartialEq)]
enum CueKind {
    /// 到2027年, 2027年前: a deadline.
    Deadline(PartialDate),
    /// 截至2024年底: the date of a reported figure.
    AsOf(PartialDate),
    /// A date without 到 or 截至; `true` when it can be a deadline (a year).
    Bare(PartialDate, bool),
    /// 2025年底, 2025年6月底: a deadline in a target, a date in a report.
    End(PartialDate),
    /// A date with a day, or a month and day (the year from the context).
    Event(PartialDate),
    MonthDay(u32, u32),
    /// The year of a document number (苏府办〔2025〕19号): when the text was
    /// written.
    DocYear(i32),
    /// A plan period (2025—2027年, 十四五).
    Period(Period),
    /// A word of plans (力争, 目标, 印发, 方案).
    TargetWord,
    /// A word of reports (已, 当前, 截至, 同比).
    ReportWord,
    /// A building verb (建设, 打造): leans to a target.
    Verb,
    /// Words that must not be read as cues (将近).
    Neutral,
}

#[derive(Clone, Copy, Debug)]
struct Cue {
    pos: usize,
    kind: CueKind,
}

const TARGET_WORDS: &[&str] = &[
    "力争",
    "争取",
    "目标",
    "预期",
    "预计",
    "计划",
    "确保",
    "提出",
    "要求",
    "印发",
    "明确",
    "将",
    "规划",
    "方案",
    "意见",
    "纲要",
    "行动",
    "到期末",
];
const REPORT_WORDS: &[&str] = &[
    "已经",
    "已",
    "当前",
    "目前",
    "现有",
    "共有",
    "截至",
    "截止",
    "同比",
    "比上年",
    "较上年",
    "上年",
    "去年",
    "发布了",
    "实现了",
    "达到了",
    "完成了",
    "建成了",
    "形成了",
    "突破了",
    "超过了",
    "成立了",
    "公报",
    "年鉴",
];
const VERBS: &[&str] = &[
    "建设", "打造", "形成", "培育", "引育", "建成", "推动", "建立", "构建", "新增", "培养", "引进",
    "新建", "创建", "布局", "遴选", "发展",
];
const NEUTRAL_WORDS: &[&str] = &["将近", "而已", "不已"];

fn year_at(n: &Norm, i: usize) -> Option<i32> {
    if i > 0 && n.get(i - 1).is_some_and(|c| c.is_ascii_digit()) {
        return None;
    }
    let digits: String = (i..i + 4).filter_map(|k| n.get(k)).collect();
    if digits.len() != 4
        || !digits.bytes().all(|b| b.is_ascii_digit())
        || n.get(i + 4).is_some_and(|c| c.is_ascii_digit())
    {
        return None;
    }
    let year: i32 = digits.parse().ok()?;
    (1900..=2100).contains(&year).then_some(year)
}

/// One or two digits at `i` followed by `unit`: the number and the index
/// after the unit.
fn small_at(n: &Norm, i: usize, unit: char, max: u32) -> Option<(u32, usize)> {
    let mut k = i;
    let mut value = 0u32;
    while k < i + 2 && n.get(k).is_some_and(|c| c.is_ascii_digit()) {
        value = value * 10 + n.get(k)?.to_digit(10)?;
        k += 1;
    }
    (k > i && n.get(k) == Some(unit) && (1..=max).contains(&value)).then_some((value, k + 1))
}

/// A date expression starting at the year at `i`: the cue and where it ends.
fn date_cue(n: &Norm, i: usize) -> Option<(CueKind, usize)> {
    let year = year_at(n, i)?;
    let mut k = i + 4;
    // A plan period: 2025—2027年, (2025-2027).
    let after_year = if n.get(k) == Some('年') { k + 1 } else { k };
    if n.get(after_year)
        .is_some_and(|c| matches!(c, '—' | '–' | '-' | '~' | '至' | '到'))
    {
        if let Some(to) = year_at(n, after_year + 1) {
            let end = after_year + 5;
            if to >= year && (n.get(end) == Some('年') || n.get(end) == Some(')')) {
                let period = Period::new(PartialDate::Year(year), PartialDate::Year(to)).ok()?;
                let end = if n.get(end) == Some('年') {
                    end + 1
                } else {
                    end
                };
                return Some((CueKind::Period(period), end));
            }
        }
    }
    if n.get(k) != Some('年') {
        return None;
    }
    k += 1;
    let mut date = PartialDate::Year(year);
    if let Some((month, next)) = small_at(n, k, '月', 12) {
        date = PartialDate::Month(year, month);
        k = next;
        let day = small_at(n, k, '日', 31).or_else(|| small_at(n, k, '号', 31));
        if let Some((day, next)) = day {
            if let Some(d) = NaiveDate::from_ymd_opt(year, month, day) {
                date = PartialDate::Day(d);
                k = next;
            }
        }
    }
    let mut end_of = false;
    if matches!(n.get(k), Some('底' | '末')) {
        end_of = true;
        k += 1;
    }
    let before = ["前", "以前", "之前"].iter().find(|w| n.starts_with(k, w));
    if let Some(w) = before {
        k += w.chars().count();
    }
    let as_of = n.ends_with(i, "截至")
        || n.ends_with(i, "截止")
        || n.ends_with(i, "截止到")
        || n.ends_with(i, "截至到");
    let to = !as_of && (n.ends_with(i, "到") || n.ends_with(i, "至"));
    let kind = if as_of {
        CueKind::AsOf(date)
    } else if to || before.is_some() {
        CueKind::Deadline(date)
    } else if matches!(date, PartialDate::Day(_)) {
        CueKind::Event(date)
    } else if end_of {
        CueKind::End(date)
    } else {
        CueKind::Bare(date, matches!(date, PartialDate::Year(_)))
    };
    Some((kind, k))
}

fn cues(n: &Norm) -> Vec<Cue> {
    let mut out = Vec::new();
    let words = cue_words(n);
    let mut i = 0;
    'scan: while i < n.len() {
        let c = n.chars[i];
        if c.is_ascii_digit() {
            let bracketed = i > 0
                && matches!(n.get(i - 1), Some('〔' | '[' | '('))
                && matches!(n.get(i + 4), Some('〕' | ']' | ')'));
            if let Some(year) = year_at(n, i).filter(|_| bracketed) {
                out.push(Cue {
                    pos: i,
                    kind: CueKind::DocYear(year),
                });
                i += 4;
                continue;
            }
            if let Some((kind, end)) = date_cue(n, i) {
                out.push(Cue { pos: i, kind });
                i = end;
                continue;
            }
            let after_year = i > 0 && n.get(i - 1) == Some('年');
            let after_digit = i > 0 && n.get(i - 1).is_some_and(|p| p.is_ascii_digit());
            if !after_year && !after_digit {
                if let Some((month, k)) = small_at(n, i, '月', 12) {
                    let day = small_at(n, k, '日', 31).or_else(|| small_at(n, k, '号', 31));
                    if let Some((day, k)) = day {
                        out.push(Cue {
                            pos: i,
                            kind: CueKind::MonthDay(month, day),
                        });
                        i = k;
                        continue;
                    }
                }
            }
            while i < n.len() && n.chars[i].is_ascii_digit() {
                i += 1;
            }
            continue;
        }
        for (word, period) in [
            ("十三五", (2016, 2020)),
            ("十四五", (2021, 2025)),
            ("十五五", (2026, 2030)),
        ] {
            if n.starts_with(i, word) {
                let (from, to) = period;
                if let Ok(p) = Period::new(PartialDate::Year(from), PartialDate::Year(to)) {
                    out.push(Cue {
                        pos: i,
                        kind: CueKind::Period(p),
                    });
                    let k = i + 3;
                    if ["末", "期末", "时期末"].iter().any(|w| n.starts_with(k, w)) {
                        out.push(Cue {
                            pos: i,
                            kind: CueKind::Deadline(PartialDate::Year(to)),
                        });
                    }
                }
                i += 3;
                continue 'scan;
            }
        }
        if let Some((len, kind)) = words[i] {
            out.push(Cue { pos: i, kind });
            i += len;
            continue;
        }
        i += 1;
    }
    out
}

/// The cue words, in order of precedence among words of one length.
static CUE_WORDS: LazyLock<(AhoCorasick, Vec<(usize, CueKind)>)> = LazyLock::new(|| {
    let lists: [(&[&str], CueKind); 4] = [
        (NEUTRAL_WORDS, CueKind::Neutral),
        (REPORT_WORDS, CueKind::ReportWord),
        (TARGET_WORDS, CueKind::TargetWord),
        (VERBS, CueKind::Verb),
    ];
    let words: Vec<(&str, CueKind)> = lists
        .iter()
        .flat_map(|(words, kind)| words.iter().map(move |w| (*w, *kind)))
        .collect();
    let automaton =
        AhoCorasick::new(words.iter().map(|(w, _)| w)).expect("the cue words make an automaton");
    let kinds = words
        .iter()
        .map(|(w, kind)| (w.chars().count(), *kind))
        .collect();
    (automaton, kinds)
});

/// At each character, the longest cue word that starts there (the first
/// listed among words of that length) and its length in characters.
fn cue_words(n: &Norm) -> Vec<Option<(usize, CueKind)>> {
    let (automaton, kinds) = &*CUE_WORDS;
    let mut best: Vec<Option<(usize, usize)>> = vec![None; n.len()];
    for m in automaton.find_overlapping_iter(&n.s) {
        let (i, k) = (n.char_at_byte(m.start()), m.pattern().as_usize());
        let len = kinds[k].0;
        if best[i].is_none_or(|(l, first)| len > l || (len == l && k < first)) {
            best[i] = Some((len, k));
        }
    }
    best.into_iter()
        .map(|b| b.map(|(len, k)| (len, kinds[k].1)))
        .collect()
}

// ---------------------------------------------------------------------------
// Jurisdiction mentions
// ---------------------------------------------------------------------------

#[derive(Clone, Debug)]
struct Mention {
    pos: usize,
    end: usize,
    place: Place,
    name: String,
    /// Inside a document title 《…》.
    title: bool,
}

fn mentions(n: &Norm, lexicon: &Lexicon) -> Vec<Mention> {
    let mut out = Vec::new();
    // Every name at every position, found in one pass; at each position the
    // names are tried longest first, as they are listed.
    let lowered = n.s.to_ascii_lowercase();
    let mut at: Vec<Vec<usize>> = vec![Vec::new(); n.len()];
    for m in lexicon.place_names.find_overlapping_iter(&lowered) {
        at[n.char_at_byte(m.start())].push(m.pattern().as_usize());
    }
    let mut i = 0;
    while i < n.len() {
        at[i].sort_unstable();
        let hit = at[i]
            .iter()
            .map(|&k| &lexicon.places[k])
            .find(|(name, _)| guard_ok(n, i, name.len(), name));
        let Some((name, place)) = hit else {
            i += 1;
            continue;
        };
        let end = i + name.len();
        // A venue (在成都召开) is not whose figures these are.
        let venue = i > 0
            && n.get(i - 1) == Some('在')
            && ["召开", "举行", "举办", "开幕", "闭幕"]
                .iter()
                .any(|w| (end..end + 4).any(|k| n.starts_with(k, w)));
        let object = place.group && built_or_counted(n, i, end);
        if !venue && !object {
            out.push(Mention {
                pos: i,
                end,
                place: place.clone(),
                name: n.text(i..end),
                title: n.title[i],
            });
        }
        i = end;
    }
    out
}

/// Verbs whose object a group name can be (建设国家数据标注基地).
const OBJECT_VERBS: &[&str] = &[
    "建好", "争创", "申报", "申建", "获批", "设立", "认定", "创建", "新建", "建设", "建成", "打造",
    "培育", "布局", "遴选", "建立", "构建", "形成", "推动", "新增", "建",
];

/// Whether the group name at `i..end` is what is built or counted
/// (建设国家数据标注基地, 3个数据标注基地, 数据标注基地3个) rather than whose
/// figures follow.
fn built_or_counted(n: &Norm, i: usize, end: usize) -> bool {
    let numeral = |c: char| c.is_ascii_digit() || is_cn_numeral(c);
    // A count right after the name.
    if n.get(end)
        .is_some_and(|c| numeral(c) && c != '万' && c != '亿')
    {
        return true;
    }
    // A count right before it (3个, 一批, 若干), then perhaps a verb.
    let mut k = i;
    if k > 0
        && n.get(k - 1)
            .is_some_and(|c| matches!(c, '个' | '家' | '批' | '处'))
    {
        let mut m = k - 1;
        while m > 0 && n.get(m - 1).is_some_and(numeral) {
            m -= 1;
        }
        if m < k - 1 {
            return true;
        }
    }
    if n.ends_with(k, "若干") {
        k -= 2;
    }
    if let Some(m) = ["国家级", "省级", "市级", "区域性", "行业", "综合", "特色"]
        .iter()
        .find(|m| n.ends_with(k, m))
    {
        k -= m.chars().count();
    }
    OBJECT_VERBS.iter().any(|w| n.ends_with(k, w))
}

fn guard_ok(n: &Norm, i: usize, len: usize, name: &[char]) -> bool {
    let name: String = name.iter().collect();
    PLACE_GUARDS
        .iter()
        .filter(|(g, _, _)| *g == name)
        .all(|(_, not_before, not_after)| {
            let before = i.checked_sub(1).and_then(|k| n.get(k));
            let after = n.get(i + len);
            !before.is_some_and(|c| not_before.contains(c))
                && !after.is_some_and(|c| not_after.contains(c))
        })
}

// ---------------------------------------------------------------------------
// Figures
// ---------------------------------------------------------------------------

/// How a comparator word before the number binds.
#[derive(Clone, Copy, Debug, PartialEq)]
enum Before {
    /// 不少于, 超过, 不超过, 低于, ...
    Strict(Comparator),
    /// 达, 达到, 提高到: the level reached (at least in a target, exact in a report).
    Reach,
    /// 约, 近: approximately.
    About,
}

const BEFORE_WORDS: &[(&str, Before)] = &[
    ("不少于", Before::Strict(Comparator::AtLeast)),
    ("不低于", Before::Strict(Comparator::AtLeast)),
    ("不小于", Before::Strict(Comparator::AtLeast)),
    ("至少", Before::Strict(Comparator::AtLeast)),
    ("不超过", Before::Strict(Comparator::AtMost)),
    ("不高于", Before::Strict(Comparator::AtMost)),
    ("不大于", Before::Strict(Comparator::AtMost)),
    ("不多于", Before::Strict(Comparator::AtMost)),
    ("控制在", Before::Strict(Comparator::AtMost)),
    ("超过", Before::Strict(Comparator::MoreThan)),
    ("突破", Before::Strict(Comparator::MoreThan)),
    ("多于", Before::Strict(Comparator::MoreThan)),
    ("高于", Before::Strict(Comparator::MoreThan)),
    ("大于", Before::Strict(Comparator::MoreThan)),
    ("低于", Before::Strict(Comparator::LessThan)),
    ("少于", Before::Strict(Comparator::LessThan)),
    ("小于", Before::Strict(Comparator::LessThan)),
    ("提高到", Before::Reach),
    ("提升到", Before::Reach),
    ("提高至", Before::Reach),
    ("提升至", Before::Reach),
    ("增加到", Before::Reach),
    ("增长到", Before::Reach),
    ("增至", Before::Reach),
    ("达到", Before::Reach),
    ("达", Before::Reach),
    ("超", Before::Strict(Comparator::MoreThan)),
    ("逾", Before::Strict(Comparator::MoreThan)),
    ("将近", Before::About),
    ("接近", Before::About),
    ("大约", Before::About),
    ("约为", Before::About),
    ("约", Before::About),
    ("近", Before::About),
];

/// Unit characters that start a longer word instead: the figure is not a
/// quantity (`3个月`, `5家庭`), or, for `部门`, the unit is implied (个).
const UNIT_GUARDS: &[(&str, &[&str])] = &[
    (
        "个",
        &["月", "工作日", "小时", "季度", "百分点", "年度", "星期"],
    ),
    ("家", &["庭", "居", "电", "乡", "具"]),
    ("条", &["件", "例"]),
    ("台", &["湾", "阶", "账"]),
    ("所", &["有", "属", "在", "以", "得"]),
    ("种", &["子"]),
    ("名", &["单", "称", "录", "义", "片"]),
    ("元", &["宇宙", "素", "件"]),
    ("部", &["分", "署", "署"]),
];

#[derive(Clone, Debug)]
struct Figure {
    /// Where the number starts.
    start: usize,
    /// Where the comparator word before it starts (`start` when none).
    lead: usize,
    /// After the unit (and 以上/以内/左右).
    end: usize,
    /// Where the words after the figure begin.
    tail: usize,
    value: Quantity,
    upper: Option<Quantity>,
    before: Option<Before>,
    after: Option<Comparator>,
    /// 余, 多, 左右, 上下 after the number.
    approx: bool,
    /// Right after the number (where 余 or 多 is).
    value_end: usize,
    /// 三大 (three major ...): a count with 个 supplied.
    big: bool,
    /// `1000P` read as PFLOPS.
    compute_guess: bool,
    /// 前10名: a rank.
    rank: bool,
}

struct Number {
    value: Decimal,
    magnitude: u8,
    end: usize,
}

fn number_at(n: &Norm, i: usize, limit: usize) -> Option<Number> {
    let sub = n.str(i, limit);
    let lead = leading_number(sub).ok()?;
    let consumed = sub.len() - lead.rest.len();
    let end = n.char_at_byte(n.bytes[i] + consumed);
    if end <= i {
        return None;
    }
    if !n.chars[i].is_ascii_digit() {
        let text: String = n.chars[i..end].iter().collect();
        // 万人, 亿元 alone are words (每万人); 一批, 一个 are articles.
        if matches!(
            text.as_str(),
            "百" | "千" | "万" | "亿" | "一" | "两" | "二"
        ) {
            return None;
        }
    }
    Some(Number {
        value: lead.value,
        magnitude: lead.magnitude,
        end,
    })
}

enum UnitHit {
    Unit(Unit, usize),
    /// The unit is implied (个) and the words start at this index (部门).
    Implied(usize),
    /// Not a quantity (3个月).
    Not,
}

fn unit_at(n: &Norm, j: usize, limit: usize) -> Option<UnitHit> {
    for len in (1..=7).rev() {
        if j + len > limit {
            continue;
        }
        let s = n.str(j, j + len);
        if s.contains(' ') {
            continue;
        }
        let Ok(unit) = s.parse::<Unit>() else {
            continue;
        };
        let next = n.get(j + len);
        if s.ends_with(|c: char| c.is_ascii_alphabetic())
            && next.is_some_and(|c| c.is_ascii_alphabetic())
        {
            continue;
        }
        if s == "部" && (n.starts_with(j + 1, "门") || n.starts_with(j + 1, "委")) {
            return Some(UnitHit::Implied(j));
        }
        for (u, words) in UNIT_GUARDS {
            if *u == s && words.iter().any(|w| n.starts_with(j + len, w)) {
                return Some(UnitHit::Not);
            }
        }
        return Some(UnitHit::Unit(unit, j + len));
    }
    None
}

fn count_unit() -> Unit {
    "个"
        .parse()
        .unwrap_or_else(|_| Dimension::Count.canonical_unit())
}

fn quantity(value: Decimal, unit: Unit, magnitude: u8) -> Option<Quantity> {
    Quantity::new(value, unit.with_more_magnitude(magnitude)?).ok()
}

/// The unit of a range's lower bound written without one (3—5万人: 3万人).
fn lower_unit(upper: Unit, magnitude: u8) -> Option<Unit> {
    if magnitude == 0 {
        return Some(upper);
    }
    let base: Unit = upper.symbol().parse().ok()?;
    base.with_more_magnitude(magnitude)
}

fn is_dash(c: char) -> bool {
    matches!(c, '—' | '–' | '-' | '~' | '至' | '到')
}

/// Every figure of a clause, in order.
fn figures(n: &Norm, clause: Range<usize>, compute_context: bool) -> Vec<Figure> {
    let mut out = Vec::new();
    let mut i = clause.start;
    while i < clause.end {
        let c = n.chars[i];
        let prev = i.checked_sub(1).and_then(|k| n.get(k));
        let starts = if c.is_ascii_digit() {
            // Not inside a number or an ASCII word (5G, H100); a comma or a
            // point after a digit belongs to the number before.
            let before_prev = i.checked_sub(2).and_then(|k| n.get(k));
            !prev.is_some_and(|p| {
                p.is_ascii_alphanumeric()
                    || (matches!(p, '.' | ',') && before_prev.is_some_and(|b| b.is_ascii_digit()))
            })
        } else {
            is_cn_numeral(c) && !prev.is_some_and(is_cn_numeral)
        };
        if !starts || n.title[i] {
            i += 1;
            continue;
        }
        let Some(num) = number_at(n, i, clause.end) else {
            i += 1;
            continue;
        };
        let skip_to = num.end.max(i + 1);
        match figure_at(n, &clause, i, &num, compute_context) {
            Some(f) => {
                i = f.end.max(skip_to);
                out.push(f);
            }
            None => i = skip_to,
        }
    }
    out
}

fn figure_at(
    n: &Norm,
    clause: &Range<usize>,
    i: usize,
    num: &Number,
    compute_context: bool,
) -> Option<Figure> {
    let prev = i.checked_sub(1).and_then(|k| n.get(k));
    // Ordinals (第8届), per-unit rates (每万人), document numbers.
    if matches!(prev, Some('第' | '每' | '〔' | '[' | '№' | '#')) {
        return None;
    }
    let mut j = num.end;
    while n.get(j) == Some(' ') {
        j += 1;
    }
    let mut approx = false;
    let value_end = j;
    if matches!(n.get(j), Some('余' | '多')) {
        if let Some(UnitHit::Unit(..) | UnitHit::Implied(_)) = unit_at(n, j + 1, clause.end) {
            approx = true;
            j += 1;
        }
    }
    let mut big = false;
    let mut compute_guess = false;
    let mut upper = None;
    let (value, mut end) = match unit_at(n, j, clause.end) {
        Some(UnitHit::Not) => return None,
        Some(UnitHit::Unit(unit, end)) => (quantity(num.value, unit, num.magnitude)?, end),
        Some(UnitHit::Implied(at)) => (quantity(num.value, count_unit(), num.magnitude)?, at),
        None => {
            let next = n.get(j);
            if next.is_some_and(is_dash) && j + 1 < clause.end {
                // A range whose lower bound has no unit: 3—5个, 3至5万人.
                let up = number_at(n, j + 1, clause.end)?;
                let Some(UnitHit::Unit(unit, end)) = unit_at(n, up.end, clause.end) else {
                    return None;
                };
                let hi = quantity(up.value, unit, up.magnitude)?;
                let lo = Quantity::new(num.value, lower_unit(hi.unit(), num.magnitude)?).ok()?;
                if lo.compare(&hi).ok()? == std::cmp::Ordering::Greater {
                    return None;
                }
                upper = Some(hi);
                (lo, end)
            } else if next == Some('大') && num.magnitude == 0 && num.value <= Decimal::from(100) {
                big = true;
                (quantity(num.value, count_unit(), 0)?, j + 1)
            } else if compute_context
                && matches!(next, Some('P' | 'E'))
                && !n.get(j + 1).is_some_and(|c| c.is_ascii_alphabetic())
            {
                compute_guess = true;
                let unit: Unit = if next == Some('P') {
                    "PFLOPS"
                } else {
                    "EFLOPS"
                }
                .parse()
                .ok()?;
                (quantity(num.value, unit, num.magnitude)?, j + 1)
            } else {
                return None;
            }
        }
    };
    // A range with units on both sides: 3个—5个.
    if upper.is_none() && n.get(end).is_some_and(is_dash) {
        if let Some(up) = n
            .get(end + 1)
            .filter(|c| c.is_ascii_digit() || is_cn_numeral(*c))
            .and_then(|_| number_at(n, end + 1, clause.end))
        {
            if let Some(UnitHit::Unit(unit, e)) = unit_at(n, up.end, clause.end) {
                if let Some(hi) = quantity(up.value, unit, up.magnitude) {
                    if value.compare(&hi) == Ok(std::cmp::Ordering::Less) {
                        upper = Some(hi);
                        end = e;
                    }
                }
            }
        }
    }
    let tail_start = end;
    let mut after = None;
    for (word, comparator) in [
        ("以上", Some(Comparator::AtLeast)),
        ("以内", Some(Comparator::AtMost)),
        ("以下", Some(Comparator::AtMost)),
        ("左右", None),
        ("上下", None),
    ] {
        if n.starts_with(end, word) {
            end += 2;
            match comparator {
                Some(c) => after = Some(c),
                None => approx = true,
            }
            break;
        }
    }
    let tail = if big { tail_start } else { end };
    // The comparator word before the number.
    let mut lead = i;
    let mut before = None;
    let mut k = i;
    if k > clause.start && n.get(k - 1) == Some('了') {
        k -= 1;
    }
    for &(word, b) in BEFORE_WORDS {
        let len = word.chars().count();
        if k >= clause.start + len && n.ends_with(k, word) {
            before = Some(b);
            lead = k - len;
            break;
        }
    }
    let rank = prev == Some('前') && matches!(value.unit().symbol(), "名" | "位");
    Some(Figure {
        start: i,
        lead,
        end,
        tail,
        value,
        upper,
        before,
        after,
        approx,
        value_end,
        big,
        compute_guess,
        rank,
    })
}

// ---------------------------------------------------------------------------
// Metrics
// ---------------------------------------------------------------------------

#[derive(Clone, Debug)]
struct MetricHit {
    metric: usize,
    pos: usize,
    end: usize,
    fuzzy: bool,
}

/// The best metric named in `region` for a figure of `dimension` near `at`:
/// the longest name or alias (one differing character allowed in names of
/// eight characters or more), nearest to the figure.
fn find_metric(
    n: &Norm,
    lexicon: &Lexicon,
    region: Range<usize>,
    dimension: Dimension,
    at: usize,
) -> Option<MetricHit> {
    if region.is_empty() {
        return None;
    }
    let text: Vec<char> = n.chars[region.clone()].iter().map(|&c| lower(c)).collect();
    let mut best: Option<(usize, usize, MetricHit)> = None;
    for alias in lexicon.aliases.iter().filter(|a| a.dimension == dimension) {
        let len = alias.chars.len();
        if len > text.len() {
            continue;
        }
        for start in 0..=text.len() - len {
            let window = &text[start..start + len];
            let diff = window
                .iter()
                .zip(&alias.chars)
                .filter(|(a, b)| a != b)
                .count();
            let fuzzy = diff == 1
                && len >= 8
                && window[0] == alias.chars[0]
                && window[len - 1] == alias.chars[len - 1];
            if diff != 0 && !fuzzy {
                continue;
            }
            let pos = region.start + start;
            let end = pos + len;
            if n.title[pos..end].iter().any(|&t| t) {
                continue;
            }
            let score = if fuzzy { len - 2 } else { len };
            let distance = if end <= at {
                at - end
            } else {
                pos.saturating_sub(at)
            };
            let better = best
                .as_ref()
                .is_none_or(|(s, d, _)| score > *s || (score == *s && distance < *d));
            if better {
                best = Some((
                    score,
                    distance,
                    MetricHit {
                        metric: alias.metric,
                        pos,
                        end,
                        fuzzy,
                    },
                ));
            }
        }
    }
    best.map(|(_, _, hit)| hit)
}

// ---------------------------------------------------------------------------
// The document
// ---------------------------------------------------------------------------

/// What a figure is in a statement of change (由2023年的800家增加到2027年的
/// 1500家).
#[derive(Clone, Copy, Debug, PartialEq)]
enum Role {
    /// A figure on its own.
    Plain,
    /// The starting figure, with the date the text gives it.
    Baseline(Option<PartialDate>),
    /// The figure reached; the starting figure ends at this index.
    Reached(usize),
}

/// How a figure was read before its candidate is made.
struct Reading {
    hit: Option<MetricHit>,
    role: Role,
    reasons: Vec<String>,
    /// Hundredths taken off the confidence.
    penalty: i64,
}

struct Para {
    kind: BlockKind,
    norm: Norm,
    sentences: Vec<Sentence>,
    /// In the order of the text.
    cues: Vec<Cue>,
    /// In the order of the text, none overlapping.
    mentions: Vec<Mention>,
    /// Heading paragraphs governing this one, the nearest last: a run of
    /// consecutive headings.
    headings: Range<usize>,
    /// The paragraph ending with a colon that introduces this one (a list).
    inherit: Option<usize>,
    /// The date of the latest date line before it.
    section: Option<PartialDate>,
    /// The year the text is written in, near the paragraph (see
    /// [`Doc::context_year`]).
    year: Option<i32>,
    /// The cues that answer each question, found at once.
    look: Looks,
}

/// For each cue of a paragraph, the index of the last cue at or before it
/// that passes a test: the nearest passing cue of any stretch of cues, found
/// without walking the stretch.
struct Latest(Vec<Option<usize>>);

impl Latest {
    fn new(cues: &[Cue], test: impl Fn(CueKind) -> bool) -> Latest {
        let mut last = None;
        Latest(
            cues.iter()
                .enumerate()
                .map(|(i, cue)| {
                    if test(cue.kind) {
                        last = Some(i);
                    }
                    last
                })
                .collect(),
        )
    }

    /// The last cue of `range` (cue indices) that passes.
    fn last_in(&self, range: Range<usize>) -> Option<usize> {
        if range.is_empty() {
            return None;
        }
        self.0
            .get(range.end - 1)
            .copied()
            .flatten()
            .filter(|&j| j >= range.start)
    }

    /// Whether a cue of the paragraph passes.
    fn any(&self) -> bool {
        self.0.last().copied().flatten().is_some()
    }
}

/// What a figure's cues are asked.
#[derive(Clone, Copy, Debug, PartialEq)]
enum Ask {
    /// Target or reported figure: a cue that settles it. Bare dates settle
    /// it when the year of the text is known.
    Kind,
    /// A plan period.
    Period,
    /// A deadline (到2027年), or near the figure a year's end in the years
    /// of the text or later (2027年底).
    Deadline,
    /// A bare date read as a deadline: in the figure's clause any date in
    /// the years of the text or later, further away a year.
    BareDeadline,
    /// The date of a reported figure: 截至…, or near the figure a date.
    AsOf,
    /// A bare date or the end of a year.
    Dated,
}

/// The cue tests that depend on nothing but the cue (asked of other
/// paragraphs: the paragraph a list continues, headings, the title).
const FAR_TESTS: usize = 6;

impl Ask {
    /// The index of the test of a cue of another paragraph, if any cue of
    /// another paragraph can answer.
    fn far(self, dated: bool) -> Option<usize> {
        match self {
            Ask::Kind => Some(usize::from(dated)),
            Ask::Period => Some(2),
            Ask::Deadline => Some(3),
            Ask::AsOf => Some(4),
            Ask::Dated => Some(5),
            Ask::BareDeadline => None,
        }
    }

    fn far_test(index: usize, kind: CueKind) -> bool {
        let decisive = matches!(
            kind,
            CueKind::Deadline(_)
                | CueKind::TargetWord
                | CueKind::Period(_)
                | CueKind::AsOf(_)
                | CueKind::ReportWord
        );
        let dated = matches!(kind, CueKind::Bare(..) | CueKind::End(_));
        match index {
            0 => decisive,
            1 => decisive || dated,
            2 => matches!(kind, CueKind::Period(_)),
            3 => matches!(kind, CueKind::Deadline(_)),
            4 => matches!(kind, CueKind::AsOf(_)),
            _ => dated,
        }
    }
}

/// The cues of a paragraph that answer each question ([`Ask`]).
struct Looks {
    /// Asked of the cues of another paragraph (see [`Ask::far`]).
    far: [Latest; FAR_TESTS],
    /// For a heading: the nearest heading of its run, itself included, with
    /// a cue passing each far test.
    far_chain: [Option<usize>; FAR_TESTS],
    /// Asked of the paragraph's own cues (levels 1 to 3), which depend on
    /// the year of the text near it.
    deadline: Latest,
    /// [`Ask::BareDeadline`] in the figure's clause, and further away.
    bare: [Latest; 2],
    as_of: Latest,
    /// The first mention naming a place, then a national body, that is not
    /// in a title, else the first one (see [`Doc::first_in`]).
    first_mention: [Option<usize>; 2],
    /// For a heading: the nearest heading of its run, itself included, with
    /// such a mention.
    mention_chain: [Option<usize>; 2],
    /// For each mention, the last mention at or before it that names a
    /// place, then a national body.
    mention_before: [Vec<Option<usize>>; 2],
    /// For each mention, the first mention at or after it of each kind.
    mention_after: [Vec<Option<usize>>; 2],
}

impl Looks {
    fn empty() -> Looks {
        let none = || Latest(Vec::new());
        Looks {
            far: std::array::from_fn(|_| none()),
            far_chain: [None; FAR_TESTS],
            deadline: none(),
            bare: [none(), none()],
            as_of: none(),
            first_mention: [None; 2],
            mention_chain: [None; 2],
            mention_before: [Vec::new(), Vec::new()],
            mention_after: [Vec::new(), Vec::new()],
        }
    }

    /// The test of the paragraph's own cues at `level` (1 to 3).
    fn own(&self, ask: Ask, dated: bool, level: u8) -> &Latest {
        match ask {
            Ask::Kind => &self.far[usize::from(dated)],
            Ask::Period => &self.far[2],
            Ask::Dated => &self.far[5],
            Ask::Deadline => &self.deadline,
            Ask::BareDeadline => &self.bare[usize::from(level > 1)],
            Ask::AsOf => &self.as_of,
        }
    }
}

/// Whether a mention passes the filter of a jurisdiction look-up: 0 for a
/// place, 1 for a national body.
fn mention_kind(m: &Mention, filter: usize) -> bool {
    m.place.weak == (filter == 1)
}

struct Doc {
    src: Vec<char>,
    paras: Vec<Para>,
    /// The first heading that is a document title naming a jurisdiction.
    title_para: Option<usize>,
    /// The year the text was written, where its first lines say.
    written: Option<i32>,
}

/// Where a figure's cues and names are looked for, nearest first: the part
/// of its clause before it (level 1), the earlier clauses of its sentence
/// (2), the earlier sentences of its paragraph (3), the paragraph whose
/// list it continues (4), its headings, nearest first (5), and the document
/// title (6).
#[derive(Clone, Debug)]
struct Reach {
    para: usize,
    /// The cue indices of levels 1, 2 and 3 in the figure's paragraph.
    own: [Range<usize>; 3],
    inherit: Option<usize>,
    headings: Range<usize>,
    /// The title, when it is not the paragraph itself or one of its
    /// headings.
    title: Option<usize>,
}

const PLAN_TITLE_WORDS: &[&str] = &[
    "方案", "规划", "计划", "意见", "纲要", "措施", "办法", "要点", "通知",
];

fn enumerated(n: &Norm) -> bool {
    let first = n.get(0);
    first.is_some_and(|c| c.is_ascii_digit() || matches!(c, '(' | '（' | '①' | '②' | '③'))
        || [
            "一是", "二是", "三是", "四是", "五是", "一、", "二、", "三、", "四、",
        ]
        .iter()
        .any(|w| n.starts_with(0, w))
}

impl Doc {
    fn read(text: &str, lexicon: &Lexicon) -> Doc {
        let src: Vec<char> = text.chars().collect();
        let mut paras: Vec<Para> = Vec::new();
        let mut section = None;
        for (kind, ranges) in blocks(&src) {
            if let BlockKind::Date(d) = kind {
                section = Some(d);
            }
            let norm = Norm::build(&src, &ranges);
            let sentences = sentences(&norm);
            let cues = cues(&norm);
            let mentions = mentions(&norm, lexicon);
            let index = paras.len();
            // The run of headings right before it: the one before and its
            // own headings.
            let mut headings = index..index;
            if let Some(prev) = index.checked_sub(1).map(|q| &paras[q]) {
                if prev.kind == BlockKind::Heading {
                    headings.start = if prev.headings.is_empty() {
                        index - 1
                    } else {
                        prev.headings.start
                    };
                }
            }
            let mut inherit = None;
            if let Some(prev) = index.checked_sub(1).map(|q| &paras[q]) {
                if prev.kind == BlockKind::Prose && kind == BlockKind::Prose {
                    if prev.norm.chars.last() == Some(&':') {
                        inherit = Some(index - 1);
                    } else if prev.inherit.is_some() && enumerated(&norm) {
                        inherit = prev.inherit;
                    }
                }
            }
            if headings.is_empty() {
                if let Some(q) = inherit {
                    headings = paras[q].headings.clone();
                }
            }
            paras.push(Para {
                kind,
                norm,
                sentences,
                cues,
                mentions,
                headings,
                inherit,
                section,
                year: None,
                look: Looks::empty(),
            });
        }
        let first_prose = paras
            .iter()
            .position(|p| p.kind == BlockKind::Prose)
            .unwrap_or(paras.len());
        let title_para = paras[..first_prose].iter().position(|p| {
            p.kind == BlockKind::Heading
                && PLAN_TITLE_WORDS
                    .iter()
                    .any(|w| p.norm.contains(0..p.norm.len(), w))
                && p.mentions.iter().any(|m| !m.place.weak)
        });
        // The date of the text, from the lines before its first paragraph
        // (a dated masthead, a document number).
        let written = paras[..first_prose].iter().find_map(|p| match p.kind {
            BlockKind::Date(d) => Some(d.year()),
            _ => p.cues.iter().find_map(|c| match c.kind {
                CueKind::DocYear(y) => Some(y),
                CueKind::Event(d) => Some(d.year()),
                _ => None,
            }),
        });
        let mut doc = Doc {
            src,
            paras,
            title_para,
            written,
        };
        for p in 0..doc.paras.len() {
            let year = doc.context_year(p);
            let look = doc.looks(p, year);
            let para = &mut doc.paras[p];
            para.year = year;
            para.look = look;
        }
        doc
    }

    /// The look-ups of paragraph `p`, whose text is of `year`.
    fn looks(&self, p: usize, year: Option<i32>) -> Looks {
        let para = &self.paras[p];
        let cues = &para.cues;
        let far: [Latest; FAR_TESTS] =
            std::array::from_fn(|t| Latest::new(cues, |kind| Ask::far_test(t, kind)));
        let run = |q: Option<usize>| q.filter(|&q| self.paras[q].kind == BlockKind::Heading);
        let before = run(p.checked_sub(1).filter(|_| para.kind == BlockKind::Heading));
        let far_chain = std::array::from_fn(|t| {
            if para.kind != BlockKind::Heading {
                None
            } else if far[t].any() {
                Some(p)
            } else {
                before.and_then(|q| self.paras[q].look.far_chain[t])
            }
        });
        let from = |d: PartialDate| year.is_none_or(|y| d.year() >= y);
        let until = |d: PartialDate| year.is_none_or(|y| d.year() <= y);
        let deadline = Latest::new(cues, |kind| match kind {
            CueKind::Deadline(_) => true,
            CueKind::End(d) => from(d),
            _ => false,
        });
        let bare = [
            Latest::new(cues, |kind| matches!(kind, CueKind::Bare(d, _) if from(d))),
            Latest::new(
                cues,
                |kind| matches!(kind, CueKind::Bare(d, true) if from(d)),
            ),
        ];
        let as_of = Latest::new(cues, |kind| match kind {
            CueKind::AsOf(_) | CueKind::Event(_) => true,
            CueKind::Bare(d, _) | CueKind::End(d) => until(d),
            CueKind::MonthDay(m, day) => self.resolve_month_day(p, m, day).is_some(),
            _ => false,
        });
        let ms = &para.mentions;
        let first_mention = std::array::from_fn(|filter| {
            let passes = |m: &&Mention| mention_kind(m, filter);
            ms.iter()
                .position(|m| passes(&m) && !m.title)
                .or_else(|| ms.iter().position(|m| passes(&m)))
        });
        let mention_chain = std::array::from_fn(|filter| {
            if para.kind != BlockKind::Heading {
                None
            } else if first_mention[filter].is_some() {
                Some(p)
            } else {
                before.and_then(|q| self.paras[q].look.mention_chain[filter])
            }
        });
        let mention_before = std::array::from_fn(|filter| {
            let mut last = None;
            ms.iter()
                .enumerate()
                .map(|(i, m)| {
                    if mention_kind(m, filter) {
                        last = Some(i);
                    }
                    last
                })
                .collect()
        });
        let mention_after = std::array::from_fn(|filter| {
            let mut next = None;
            let mut after: Vec<Option<usize>> = ms
                .iter()
                .enumerate()
                .rev()
                .map(|(i, m)| {
                    if mention_kind(m, filter) {
                        next = Some(i);
                    }
                    next
                })
                .collect();
            after.reverse();
            after
        });
        Looks {
            far,
            far_chain,
            deadline,
            bare,
            as_of,
            first_mention,
            mention_chain,
            mention_before,
            mention_after,
        }
    }

    /// Where the figure of clause `c` of sentence `s` of paragraph `p` that
    /// starts (with its comparator word) at `at` looks for its cues.
    fn reach(&self, p: usize, s: usize, c: usize, at: usize) -> Reach {
        let para = &self.paras[p];
        let sentence = &para.sentences[s];
        let clause = &sentence.clauses[c];
        let index = |pos: usize| para.cues.partition_point(|cue| cue.pos < pos);
        let (at, clause_start, sentence_start) =
            (index(at), index(clause.start), index(sentence.range.start));
        let title = self
            .title_para
            .filter(|&t| t != p && !para.headings.contains(&t));
        Reach {
            para: p,
            own: [
                clause_start..at,
                sentence_start..clause_start,
                0..sentence_start,
            ],
            inherit: para.inherit,
            headings: para.headings.clone(),
            title,
        }
    }

    /// The nearest cue in `reach`, at a level of `levels`, that answers
    /// `ask`, with its level. `dated` is whether the year of the text near
    /// the figure is known.
    fn find_cue(
        &self,
        reach: &Reach,
        ask: Ask,
        dated: bool,
        levels: std::ops::RangeInclusive<u8>,
    ) -> Option<(u8, CueKind)> {
        let para = &self.paras[reach.para];
        for (level, range) in (1u8..).zip(&reach.own) {
            if !levels.contains(&level) {
                continue;
            }
            if let Some(j) = para.look.own(ask, dated, level).last_in(range.clone()) {
                return Some((level, para.cues[j].kind));
            }
        }
        let t = ask.far(dated)?;
        let last = |q: usize| {
            let other = &self.paras[q];
            other.look.far[t]
                .last_in(0..other.cues.len())
                .map(|j| other.cues[j].kind)
        };
        if levels.contains(&4) {
            if let Some(kind) = reach.inherit.and_then(last) {
                return Some((4, kind));
            }
        }
        if levels.contains(&5) {
            let nearest = reach.headings.end.checked_sub(1);
            let found = nearest
                .filter(|_| !reach.headings.is_empty())
                .and_then(|h| self.paras[h].look.far_chain[t])
                .and_then(last);
            if let Some(kind) = found {
                return Some((5, kind));
            }
        }
        if levels.contains(&6) {
            if let Some(kind) = reach.title.and_then(last) {
                return Some((6, kind));
            }
        }
        None
    }

    /// The first mention of paragraph `p` inside `range` that passes
    /// `filter` (see [`mention_kind`]) and is not in a document title, else
    /// the first that passes.
    fn first_in(&self, p: usize, range: &Range<usize>, filter: usize) -> Option<usize> {
        let ms = &self.paras[p].mentions;
        let from = ms.partition_point(|m| m.pos < range.start);
        let to = ms.partition_point(|m| m.pos < range.end);
        let passes = |k: &usize| mention_kind(&ms[*k], filter);
        (from..to)
            .filter(passes)
            .find(|&k| !ms[k].title)
            .or_else(|| (from..to).find(passes))
    }

    /// The year the text is written in, near a paragraph: the date its
    /// sentences open with or its document number's, else its section's,
    /// else the text's.
    fn context_year(&self, p: usize) -> Option<i32> {
        let para = &self.paras[p];
        para.cues
            .iter()
            .find_map(|c| match c.kind {
                CueKind::Event(d) => Some(d.year()),
                CueKind::DocYear(y) => Some(y),
                _ => None,
            })
            .or_else(|| para.section.map(|d| d.year()))
            .or(self.written)
    }

    fn resolve_month_day(&self, p: usize, month: u32, day: u32) -> Option<PartialDate> {
        let year = self.paras[p].section.map(|d| d.year())?;
        NaiveDate::from_ymd_opt(year, month, day).map(PartialDate::Day)
    }
    fn candidates_of(
        &self,
        p: usize,
        lexicon: &Lexicon,
        catalog: &Catalog,
        options: &Options,
        out: &mut Vec<Candidate>,
    ) {
        let para = &self.paras[p];
        let n = &para.norm;
        // The metric of the latest figure: a later clause that names none
        // carries it over (…1000个，2030年达到2000个).
        let mut carried: Option<(MetricHit, Unit)> = None;
        // The mention the earlier clauses and sentences name first, nearest
        // first (places, then national bodies): for the first clause of a
        // sentence, then for the clause at hand.
        let mut named_before_sentence: [Option<usize>; 2] = [None; 2];
        for (s, sentence) in para.sentences.iter().enumerate() {
            // A semicolon joins the parts of one statement.
            let after_semicolon = s > 0 && n.get(para.sentences[s - 1].range.end) == Some(';');
            if !after_semicolon {
                carried = None;
            }
            if let Some(prev) = s.checked_sub(1).map(|q| &para.sentences[q].range) {
                for (filter, named) in named_before_sentence.iter_mut().enumerate() {
                    *named = self.first_in(p, prev, filter).or(*named);
                }
            }
            let mut named_before = named_before_sentence;
            let compute_context = n.contains(sentence.range.clone(), "算力");
            let rest_words = |words: &[&str]| {
                occurrences(n, sentence.range.clone(), words)
                    .iter()
                    .map(|w| w.start)
                    .max()
            };
            let sentence_facts = SentenceFacts {
                reported_after: rest_words(&["同比", "比上年", "较上年", "上年同期"]),
                target_after: rest_words(&["目标"]),
            };
            let clause_figures: Vec<Vec<Figure>> = sentence
                .clauses
                .iter()
                .map(|clause| figures(n, clause.clone(), compute_context))
                .collect();
            for (c, clause) in sentence.clauses.iter().enumerate() {
                if let Some(prev) = c.checked_sub(1).map(|q| &sentence.clauses[q]) {
                    for (filter, named) in named_before.iter_mut().enumerate() {
                        *named = self.first_in(p, prev, filter).or(*named);
                    }
                }
                let figs = &clause_figures[c];
                if figs.is_empty() {
                    continue;
                }
                let facts = self.clause_facts(p, clause, named_before, sentence_facts);
                let in_part = n.contains(clause.clone(), "其中");
                // The metric named in the earlier clauses without figures,
                // by dimension.
                let mut named_earlier: Vec<(Dimension, Option<MetricHit>)> = Vec::new();
                let mut claimed = clause.start;
                let paired = respectively(n, lexicon, clause, figs);
                let mut previous: Option<MetricHit> = None;
                let mut reached_from: Option<usize> = None;
                for (k, f) in figs.iter().enumerate() {
                    let role = match reached_from.take() {
                        Some(from) => Role::Reached(from),
                        None => match baseline(n, &para.cues, figs, k, claimed) {
                            Some(date) => {
                                reached_from = Some(f.end);
                                Role::Baseline(date)
                            }
                            None => Role::Plain,
                        },
                    };
                    let next = figs.get(k + 1).map_or(clause.end, |g| g.lead);
                    let after = f.tail..next.max(f.tail);
                    let before = claimed.max(clause.start)..f.lead.max(claimed);
                    let dimension = f.value.dimension();
                    let count_like = matches!(dimension, Dimension::Count | Dimension::Persons);
                    let from_after =
                        |r: &Range<usize>| find_metric(n, lexicon, r.clone(), dimension, f.start);
                    let (mut hit, mut used_after) = if count_like {
                        match from_after(&after) {
                            Some(h) => (Some(h), true),
                            None => (from_after(&before), false),
                        }
                    } else {
                        match from_after(&before) {
                            Some(h) => (Some(h), false),
                            None => (from_after(&after), true),
                        }
                    };
                    if let Some(hits) = &paired {
                        hit = hits.get(k).cloned();
                        used_after = false;
                    }
                    let mut reasons = Vec::new();
                    let mut penalty = 0;
                    if hit.is_none() && matches!(role, Role::Reached(_)) {
                        // 高质量数据集从120个提高到500个: the metric of the
                        // starting figure.
                        hit = previous.clone();
                        used_after = false;
                    }
                    let after_text = n.text(after.clone());
                    let trailing_only = after_text
                        .trim_start_matches(['等', '的'])
                        .trim_end_matches("目标")
                        .is_empty();
                    if hit.is_none() && trailing_only {
                        // The metric named in an earlier clause without a figure
                        // (高质量数据集方面，建成50个).
                        let known = named_earlier.iter().find(|(d, _)| *d == dimension);
                        let found = match known {
                            Some((_, h)) => h.clone(),
                            None => {
                                let h = (0..c)
                                    .rev()
                                    .take_while(|&cc| clause_figures[cc].is_empty())
                                    .find_map(|cc| {
                                        find_metric(
                                            n,
                                            lexicon,
                                            sentence.clauses[cc].clone(),
                                            dimension,
                                            clause.start,
                                        )
                                    });
                                named_earlier.push((dimension, h.clone()));
                                h
                            }
                        };
                        if let Some(h) = found {
                            reasons.push("metric named in the preceding clause".to_owned());
                            hit = Some(h);
                            used_after = false;
                        }
                    }
                    if hit.is_none() && paired.is_none() {
                        if let Some((h, unit)) = &carried {
                            let words = [residual(n, &before), residual(n, &after)].concat();
                            let phrase: String = n.chars[h.pos..h.end].iter().collect();
                            let name = content_words(&phrase);
                            if carries_over(*unit, f.value.unit(), &words, &name) {
                                reasons.push(format!(
                                    "metric carried over from an earlier clause ({phrase})"
                                ));
                                penalty += 5;
                                if in_part {
                                    reasons.push(
                                        "其中 introduces a part of the figure before".to_owned(),
                                    );
                                    penalty += 5;
                                }
                                hit = Some(h.clone());
                                used_after = false;
                            }
                        }
                    }
                    claimed = match (&hit, used_after) {
                        (Some(h), true) => h.end,
                        _ => f.end,
                    };
                    previous = hit.clone();
                    if let Some(h) = &hit {
                        carried = Some((h.clone(), f.value.unit()));
                    }
                    let reading = Reading {
                        hit,
                        role,
                        reasons,
                        penalty,
                    };
                    let candidate = self.candidate(
                        p, s, c, f, reading, &after, &before, &facts, lexicon, catalog, options,
                    );
                    out.push(candidate);
                }
            }
        }
    }

    #[allow(clippy::too_many_arguments)]
    fn candidate(
        &self,
        p: usize,
        s: usize,
        c: usize,
        f: &Figure,
        reading: Reading,
        after: &Range<usize>,
        before: &Range<usize>,
        facts: &ClauseFacts,
        lexicon: &Lexicon,
        catalog: &Catalog,
        options: &Options,
    ) -> Candidate {
        let Reading {
            hit,
            role,
            mut reasons,
            penalty,
        } = reading;
        let para = &self.paras[p];
        let n = &para.norm;
        let clause = para.sentences[s].clauses[c].clone();
        let mut reach = self.reach(p, s, c, f.lead);
        // The cues of the figure reached in 由…增加到… are those after the
        // starting figure.
        if let Role::Reached(from) = role {
            let from = para.cues.partition_point(|cue| cue.pos < from);
            let first = &mut reach.own[0];
            first.start = from.min(first.end);
        }
        let hundredths = |x: i64| Decimal::new(x, 2);
        let mut confidence = Decimal::new(45, 2) - hundredths(penalty);
        let mut cap: Option<Decimal> = None;
        let lower_cap = |cap: &mut Option<Decimal>, value: Decimal| {
            *cap = Some(cap.map_or(value, |c: Decimal| c.min(value)));
        };

        // Metric.
        let (metric, metric_phrase) = match &hit {
            Some(h) => {
                confidence += hundredths(30);
                if h.fuzzy {
                    confidence -= hundredths(5);
                    reasons.push(format!(
                        "metric matched with one character differing: {}",
                        n.text(h.pos..h.end)
                    ));
                }
                (
                    lexicon.metric_ids.get(h.metric).cloned(),
                    n.text(h.pos..h.end),
                )
            }
            None => {
                lower_cap(&mut cap, hundredths(35));
                reasons.push("no metric recognised".to_owned());
                (None, guess_phrase(n, f, after, before))
            }
        };

        // An amount added (新增高质量数据集200个) is a flow: for a metric
        // counted as a level reached, the figure is not its target level.
        if let Some(word) = flow_word(n, before) {
            let stock = metric
                .as_ref()
                .and_then(|m| catalog.metric(m.as_str()))
                .is_some_and(|m| m.basis == Basis::Stock);
            if stock || metric.is_none() {
                if stock {
                    confidence -= hundredths(20);
                }
                reasons.push(format!(
                    "{word} states an amount added, not a level reached"
                ));
            }
        }

        // Counts that are not targets.
        let after_text = n.text(after.clone());
        if metric.is_none() {
            let bodies = [
                "部门",
                "部委",
                "单位",
                "厅局",
                "委办局",
                "机构",
                "省份",
                "省市",
                "城市",
                "国家",
            ];
            let starts_body = bodies.iter().any(|b| {
                after_text.starts_with(b)
                    || after_text
                        .strip_prefix("国家")
                        .is_some_and(|t| t.starts_with(b))
            });
            // The words of the clause after the figure.
            let later = |at: Option<usize>| at.is_some_and(|at| at >= f.tail);
            if starts_body && later(facts.act) {
                lower_cap(&mut cap, hundredths(10));
                reasons.push("count of participating or issuing bodies, not a target".to_owned());
            } else if [
                "行业",
                "领域",
                "重点领域",
                "重点行业",
                "方面",
                "板块",
                "赛道",
                "产业链",
            ]
            .iter()
            .any(|w| after_text.starts_with(w))
            {
                lower_cap(&mut cap, hundredths(15));
                reasons.push("count of sectors or fields in scope, not a target".to_owned());
            } else if [
                "任务",
                "重点任务",
                "措施",
                "举措",
                "工程",
                "专项",
                "条",
                "项任务",
            ]
            .iter()
            .any(|w| after_text.starts_with(w))
            {
                lower_cap(&mut cap, hundredths(15));
                reasons.push("count of measures in the document, not a target".to_owned());
            } else if later(facts.plus) {
                lower_cap(&mut cap, hundredths(15));
                reasons.push("part of a layout such as 1+N, not a target".to_owned());
            } else if after_text.contains('的') {
                lower_cap(&mut cap, hundredths(20));
                reasons.push("describes whose figure follows (N个…的), not a target".to_owned());
            }
        }
        // A rate word between the start of the clause and the figure.
        if facts.rate_end.is_some_and(|end| end <= f.lead) {
            lower_cap(&mut cap, hundredths(20));
            reasons.push("a rate per person or per area, not a total".to_owned());
        }
        if f.rank {
            lower_cap(&mut cap, hundredths(15));
            reasons.push("a rank (前N名), not a quantity".to_owned());
        }
        if f.big {
            confidence -= hundredths(20);
            reasons.push("count written as N大 (N major …); unit 个 supplied".to_owned());
        }
        if f.compute_guess {
            confidence -= hundredths(10);
            reasons
                .push("P or E after a computing-power figure read as PFLOPS or EFLOPS".to_owned());
        }
        if para.kind == BlockKind::Heading {
            confidence -= hundredths(5);
            reasons.push("figure in a heading".to_owned());
        }

        // Target or report.
        let ctx_year = para.year;
        let dated = ctx_year.is_some();
        // Words after the figure that settle it (同比增长, …的目标) count
        // after its own sentence's earlier words.
        let later = |at: Option<usize>| at.is_some_and(|at| at >= f.end);
        let after_cue = if later(facts.sentence.reported_after) {
            Some(Kind::Observation)
        } else if later(facts.sentence.target_after) {
            Some(Kind::Target)
        } else {
            None
        };
        let decide = |cue: CueKind| match cue {
            CueKind::AsOf(_) | CueKind::ReportWord => Kind::Observation,
            CueKind::Bare(d, _) | CueKind::End(d) if ctx_year.is_some_and(|y| d.year() < y) => {
                Kind::Observation
            }
            _ => Kind::Target,
        };
        let (kind, level) = if let Role::Baseline(_) = role {
            reasons.push(
                "the starting figure of a change (由…到…): a reported figure, not a target"
                    .to_owned(),
            );
            (Some(Kind::Observation), 1)
        } else if let Some((lv, cue)) = self.find_cue(&reach, Ask::Kind, dated, 1..=2) {
            (Some(decide(cue)), lv)
        } else if let Some(k) = after_cue {
            (Some(k), 2)
        } else if let Some((lv, cue)) = self.find_cue(&reach, Ask::Kind, dated, 3..=6) {
            (Some(decide(cue)), lv)
        } else {
            (None, 0)
        };
        // A bare date that could not settle it (the year of the text is not
        // known).
        let bare_seen =
            kind.is_none() && !dated && self.find_cue(&reach, Ask::Dated, dated, 1..=6).is_some();
        let kind = match kind {
            Some(k) => {
                confidence += match level {
                    1 | 2 => hundredths(10),
                    _ => hundredths(5),
                };
                k
            }
            None => {
                if !facts.verb && !bare_seen {
                    confidence -= hundredths(10);
                    reasons
                        .push("no cue says target or reported figure: read as a target".to_owned());
                }
                Kind::Target
            }
        };

        // Comparator. 余/多 bound from below; 约, 近, 左右 and 上下 are
        // about the figure: read as exactly, with a reason.
        let about_word = ["左右", "上下"]
            .into_iter()
            .find(|w| n.contains(f.value_end..f.end, w));
        let about = about_word.is_some();
        let comparator = if f.upper.is_some() {
            Comparator::Range
        } else {
            match (f.before, f.after) {
                (Some(Before::Strict(c)), _) => c,
                (_, Some(c)) => c,
                (Some(Before::About), None) => Comparator::Exactly,
                _ if about => Comparator::Exactly,
                _ if f.approx => Comparator::MoreThan,
                _ => match kind {
                    Kind::Target => Comparator::AtLeast,
                    Kind::Observation => Comparator::Exactly,
                },
            }
        };
        if f.approx || f.before == Some(Before::About) {
            let word = if f.before == Some(Before::About) {
                n.text(f.lead..f.start)
            } else if let Some(w) = about_word {
                w.to_owned()
            } else {
                n.text(f.value_end..f.value_end + 1)
            };
            reasons.push(format!(
                "approximate figure ({word}): read as {}",
                comparator.as_str().replace('_', " ")
            ));
        }

        // Dates.
        let (mut deadline, mut period, mut as_of) = (None, None, None);
        match kind {
            Kind::Target => {
                let date = |ask: Ask, levels| match self.find_cue(&reach, ask, dated, levels) {
                    Some((_, CueKind::Deadline(d) | CueKind::End(d) | CueKind::Bare(d, _))) => {
                        Some(Deadline::new(d))
                    }
                    _ => None,
                };
                period = match self.find_cue(&reach, Ask::Period, dated, 1..=6) {
                    Some((_, CueKind::Period(p))) => Some(p),
                    _ => None,
                };
                deadline = date(Ask::Deadline, 1..=6);
                if deadline.is_none() {
                    if let Some(p) = period {
                        deadline = Some(Deadline::new(p.to()));
                        reasons.push("deadline is the end of the plan period".to_owned());
                    }
                }
                if deadline.is_none() {
                    deadline = date(Ask::BareDeadline, 1..=3);
                    if let Some(d) = deadline {
                        confidence -= hundredths(5);
                        reasons.push(format!("deadline read from a bare date ({d})"));
                    }
                }
                if deadline.is_none() {
                    confidence -= hundredths(10);
                    reasons.push("no deadline in the text".to_owned());
                }
            }
            Kind::Observation if matches!(role, Role::Baseline(_)) => {
                // Only the date the text gives the starting figure.
                as_of = match role {
                    Role::Baseline(date) => date,
                    _ => None,
                };
                if as_of.is_none() {
                    confidence -= hundredths(10);
                    reasons.push("no date for the figure".to_owned());
                }
            }
            Kind::Observation => {
                as_of = match self.find_cue(&reach, Ask::AsOf, dated, 1..=6) {
                    Some((
                        _,
                        CueKind::AsOf(d)
                        | CueKind::Bare(d, _)
                        | CueKind::End(d)
                        | CueKind::Event(d),
                    )) => Some(d),
                    Some((_, CueKind::MonthDay(m, day))) => self.resolve_month_day(p, m, day),
                    _ => None,
                };
                if as_of.is_none() {
                    as_of = para.section;
                    if as_of.is_some() {
                        reasons.push("dated by its section heading".to_owned());
                    } else {
                        confidence -= hundredths(10);
                        reasons.push("no date for the figure".to_owned());
                    }
                }
            }
        }

        // Jurisdiction.
        let found = self.jurisdiction(p, &clause, &reach, facts, f);
        let (jurisdiction, jurisdiction_phrase, in_catalog) = match found {
            Some((m, from_title)) => {
                if from_title {
                    confidence -= hundredths(5);
                    reasons.push("jurisdiction from the document title".to_owned());
                } else {
                    confidence += hundredths(10);
                }
                if !m.place.in_catalog {
                    confidence -= hundredths(15);
                    reasons.push(format!(
                        "jurisdiction {} ({}) is not in the catalogue",
                        m.name, m.place.code
                    ));
                }
                (
                    Some(m.place.code.clone()),
                    m.name.clone(),
                    m.place.in_catalog,
                )
            }
            None => match &options.jurisdiction {
                Some(code) => {
                    confidence += hundredths(5);
                    let known = catalog.jurisdiction(code.as_str()).is_some();
                    if !known {
                        reasons.push(format!("jurisdiction {code} is not in the catalogue"));
                    }
                    (Some(code.clone()), String::new(), known)
                }
                None => {
                    confidence -= hundredths(15);
                    reasons.push("no jurisdiction named".to_owned());
                    (None, String::new(), false)
                }
            },
        };

        if let Some(cap) = cap {
            confidence = confidence.min(cap);
        }
        let confidence = confidence
            .clamp(Decimal::ZERO, Decimal::ONE)
            .round_dp(2)
            .normalize();

        let (quote, span) = self.quote(p, quoted(&clause, f));
        Candidate {
            kind,
            jurisdiction,
            jurisdiction_phrase,
            jurisdiction_in_catalog: in_catalog,
            metric,
            metric_phrase,
            comparator,
            value: f.value,
            upper: f.upper,
            deadline,
            period: if kind == Kind::Target { period } else { None },
            as_of,
            quote,
            span,
            confidence,
            reasons,
        }
    }

    /// What the figures of `clause` of paragraph `p` share.
    fn clause_facts(
        &self,
        p: usize,
        clause: &Range<usize>,
        named_before: [Option<usize>; 2],
        sentence: SentenceFacts,
    ) -> ClauseFacts {
        let para = &self.paras[p];
        let n = &para.norm;
        let cues = &para.cues;
        let from = cues.partition_point(|cue| cue.pos < clause.start);
        let to = cues.partition_point(|cue| cue.pos < clause.end);
        let last = |words: &[&str]| {
            occurrences(n, clause.clone(), words)
                .iter()
                .map(|w| w.start)
                .max()
        };
        ClauseFacts {
            sentence,
            named_before,
            verb: cues[from..to].iter().any(|cue| cue.kind == CueKind::Verb),
            act: last(ACT_WORDS),
            plus: last(&["+"]),
            rate_end: occurrences(n, clause.clone(), RATE_WORDS)
                .iter()
                .map(|w| w.end)
                .min(),
        }
    }

    /// The jurisdiction of a figure of `clause`, and whether it came from
    /// the document title.
    fn jurisdiction(
        &self,
        p: usize,
        clause: &Range<usize>,
        reach: &Reach,
        facts: &ClauseFacts,
        f: &Figure,
    ) -> Option<(&Mention, bool)> {
        let para = &self.paras[p];
        let ms = &para.mentions;
        // The nearest mention in the clause: the last one ending before the
        // figure or the first one after it, the earlier when as near.
        let first = ms.partition_point(|m| m.pos < clause.start);
        let ended = ms.partition_point(|m| m.end <= f.start);
        let nearest = |filter: usize| {
            let look = &para.look;
            let before = ended
                .checked_sub(1)
                .and_then(|k| look.mention_before[filter][k])
                .filter(|&k| k >= first);
            let after = look.mention_after[filter]
                .get(ended.max(first))
                .copied()
                .flatten()
                .filter(|&k| ms[k].end <= clause.end);
            let distance = |k: usize| {
                let m = &ms[k];
                if m.end <= f.start {
                    f.start - m.end
                } else {
                    m.pos.saturating_sub(f.end)
                }
            };
            match (before, after) {
                (Some(b), Some(a)) => Some(if distance(b) <= distance(a) { b } else { a }),
                (b, a) => b.or(a),
            }
        };
        for filter in 0..2 {
            if let Some(k) = nearest(filter).or(facts.named_before[filter]) {
                return Some((&ms[k], false));
            }
        }
        // The paragraph whose list this one continues, then the headings,
        // nearest first.
        let first_of = |q: usize, filter: usize| {
            self.paras[q].look.first_mention[filter].map(|k| &self.paras[q].mentions[k])
        };
        for filter in 0..2 {
            if let Some(m) = reach.inherit.and_then(|q| first_of(q, filter)) {
                return Some((m, false));
            }
            let heading = reach
                .headings
                .end
                .checked_sub(1)
                .filter(|_| !reach.headings.is_empty())
                .and_then(|h| self.paras[h].look.mention_chain[filter]);
            if let Some(m) = heading.and_then(|h| first_of(h, filter)) {
                return Some((m, false));
            }
        }
        let title = self.title_para?;
        if title == p {
            return None;
        }
        self.paras[title]
            .mentions
            .iter()
            .find(|m| !m.place.weak)
            .map(|m| (m, true))
    }

    /// The clause, trimmed, verbatim from the input, and its character span.
    fn quote(&self, p: usize, clause: Range<usize>) -> (String, Range<usize>) {
        let n = &self.paras[p].norm;
        let trim = |c: char| c.is_whitespace() || matches!(c, '，' | ',' | '、' | ':' | '。' | ';');
        let mut a = clause.start;
        let mut b = clause.end;
        while a < b && trim(n.chars[a]) {
            a += 1;
        }
        while b > a && trim(n.chars[b - 1]) {
            b -= 1;
        }
        if a >= b {
            return (String::new(), 0..0);
        }
        let start = n.orig[a];
        let end = n.orig[b - 1] + 1;
        let quote: String = self.src[start..end].iter().collect();
        (quote, start..end)
    }
}

/// Where words that settle a figure's kind appear in its sentence.
#[derive(Clone, Copy, Debug)]
struct SentenceFacts {
    /// The start of the last 同比 (year on year) or 比上年 (on the year
    /// before).
    reported_after: Option<usize>,
    /// The start of the last 目标 (target).
    target_after: Option<usize>,
}

/// What the figures of a clause share, found once for the clause.
#[derive(Clone, Copy, Debug)]
struct ClauseFacts {
    sentence: SentenceFacts,
    /// The mention the earlier clauses and sentences of the paragraph name
    /// first, nearest first: a place, a national body.
    named_before: [Option<usize>; 2],
    /// A building verb in the clause.
    verb: bool,
    /// The start of the last word of attending or issuing (参加, 印发).
    act: Option<usize>,
    /// The last `+` (a layout such as 1+N).
    plus: Option<usize>,
    /// The end of the first rate word (每万人, 人均).
    rate_end: Option<usize>,
}

/// Words of attending or issuing after a count of bodies.
const ACT_WORDS: &[&str] = &[
    "参加", "出席", "参会", "与会", "联合", "印发", "发布", "代表",
];

/// Words before a figure that make it a rate, not a total.
const RATE_WORDS: &[&str] = &[
    "每万人",
    "每百人",
    "每千人",
    "每十万人",
    "人均",
    "每平方公里",
    "万人拥有",
    "每万",
];

/// Every occurrence of one of `words` inside `range` of the text, as a
/// character range, in the order of their starts.
fn occurrences(n: &Norm, range: Range<usize>, words: &[&str]) -> Vec<Range<usize>> {
    let words: Vec<Vec<char>> = words.iter().map(|w| w.chars().collect()).collect();
    let end = range.end.min(n.len());
    let text = &n.chars[..end];
    let mut out = Vec::new();
    for i in range.start..end {
        for w in &words {
            if w.first() == text.get(i) && text[i..].starts_with(w) {
                out.push(i..i + w.len());
            }
        }
    }
    out
}

/// The longest clause quoted whole, in characters. Of a longer one (text
/// without punctuation), the quote is the figure and at most
/// [`QUOTE_AROUND`] characters on either side: a quote never grows with the
/// text.
const QUOTE_MAX: usize = 240;
const QUOTE_AROUND: usize = 80;

/// The part of `clause` quoted for figure `f`.
fn quoted(clause: &Range<usize>, f: &Figure) -> Range<usize> {
    if clause.len() <= QUOTE_MAX {
        return clause.clone();
    }
    let start = f.lead.saturating_sub(QUOTE_AROUND).max(clause.start);
    let end = f.end.saturating_add(QUOTE_AROUND).min(clause.end);
    start..end.max(start)
}

/// A word before a figure saying it is an amount added (新增, 净增, 增加 but
/// not 增加到), if any.
fn flow_word(n: &Norm, before: &Range<usize>) -> Option<&'static str> {
    let text = n.str(before.start, before.end);
    for word in ["新增", "净增"] {
        if text.contains(word) {
            return Some(word);
        }
    }
    let mut at = 0;
    while let Some(k) = text[at..].find("增加") {
        let rest = &text[at + k + "增加".len()..];
        if !rest.starts_with(['到', '至']) && !rest.starts_with("了到") {
            return Some("增加");
        }
        at += k + "增加".len();
    }
    None
}

/// Where a date and 的 that end at `end` begin (`2027年的`, `2024年底的`),
/// not before `start`; `end` when there is none.
fn date_before(n: &Norm, start: usize, end: usize) -> usize {
    let mut k = end;
    if k > start && n.get(k - 1) == Some('的') {
        k -= 1;
    }
    let date_char =
        |c: char| c.is_ascii_digit() || matches!(c, '年' | '月' | '日' | '底' | '末' | '初');
    let mut m = k;
    while m > start && n.get(m - 1).is_some_and(date_char) {
        m -= 1;
    }
    if n.contains(m..k, "年") { m } else { k }
}

/// Whether figure `k` of a clause is the starting figure of a change stated
/// with the figure after it: 由2023年的800家增加到2027年的1500家,
/// 从120个提高到500个, 由…增至…, 由…增长到…. Then the date the text gives
/// the starting figure, if any. `from` is where the words of the figure
/// begin.
fn baseline(
    n: &Norm,
    cues: &[Cue],
    figs: &[Figure],
    k: usize,
    from: usize,
) -> Option<Option<PartialDate>> {
    let x = &figs[k];
    let y = figs.get(k + 1)?;
    if x.value.dimension() != y.value.dimension() || x.upper.is_some() || x.lead < from {
        return None;
    }
    // 由 or 从, then perhaps a date and 的, right before the figure.
    let words = from.max(date_before(n, from, x.lead).saturating_sub(1));
    let opening = (words..x.lead)
        .rev()
        .find(|&i| matches!(n.get(i), Some('由' | '从')))?;
    if date_before(n, opening + 1, x.lead) != opening + 1 {
        return None;
    }
    // 增加到, 提高到, 增至, 到 …, then perhaps a date and 的, right before the
    // figure reached.
    let to = date_before(n, x.end, y.lead);
    let reaches = if to > x.end {
        matches!(n.get(to - 1), Some('到' | '至'))
    } else {
        y.before == Some(Before::Reach)
    };
    if !reaches {
        return None;
    }
    let first = cues.partition_point(|c| c.pos < opening + 1);
    let date = cues[first..]
        .iter()
        .take_while(|c| c.pos < x.lead)
        .find_map(|c| match c.kind {
            CueKind::Bare(d, _)
            | CueKind::End(d)
            | CueKind::Event(d)
            | CueKind::AsOf(d)
            | CueKind::Deadline(d) => Some(d),
            _ => None,
        });
    Some(date)
}

/// The words of a range that could name what a figure counts: without
/// numbers, dates, cue words, comparators and fillers (其中, 全省, 累计).
fn residual(n: &Norm, range: &Range<usize>) -> String {
    content_words(n.str(range.start, range.end))
}

/// `text` without numbers, punctuation, cue words, comparators and fillers.
fn content_words(text: &str) -> String {
    const FILLERS: &[&str] = &[
        "其中", "累计", "全省", "全市", "全区", "全县", "全国", "总数", "总量", "数量", "规模",
        "左右", "上下", "以上", "以内", "以下", "分别", "共计", "合计", "共", "再", "到", "至",
        "年", "月", "日", "底", "末", "初", "前", "的", "等", "和", "及", "个", "家", "达",
    ];
    static WORDS: LazyLock<Vec<&'static str>> = LazyLock::new(|| {
        let mut words: Vec<&str> = TARGET_WORDS
            .iter()
            .chain(REPORT_WORDS)
            .chain(VERBS)
            .chain(NEUTRAL_WORDS)
            .chain(FILLERS)
            .copied()
            .chain(BEFORE_WORDS.iter().map(|(w, _)| *w))
            .collect();
        words.sort_by_key(|w| std::cmp::Reverse(w.chars().count()));
        words
    });
    let mut text: String = text
        .chars()
        .filter(|c| is_cjk(*c) || c.is_ascii_alphabetic())
        .collect();
    for word in WORDS.iter() {
        text = text.replace(word, "");
    }
    text
}

/// Whether a figure in `unit` whose own words are `words` counts what the
/// earlier figure in `from` named `phrase` counts: no words of its own, or a
/// kind of the same thing (行业数据集 after 高质量数据集), in the same unit
/// of count.
fn carries_over(from: Unit, unit: Unit, words: &str, phrase: &str) -> bool {
    if from.dimension() != unit.dimension() {
        return false;
    }
    if unit.dimension() == Dimension::Count && from.symbol() != unit.symbol() {
        return false;
    }
    if words.is_empty() {
        return true;
    }
    let shared = words
        .chars()
        .rev()
        .zip(phrase.chars().rev())
        .take_while(|(a, b)| a == b)
        .count();
    shared >= 3 && words.chars().count() <= 12
}

/// The metrics of a list read with 分别 (数据产业规模、数字经济规模分别达到
/// 3000亿元、1万亿元): the names before 分别, in order, one per figure after
/// it.
fn respectively(
    n: &Norm,
    lexicon: &Lexicon,
    clause: &Range<usize>,
    figs: &[Figure],
) -> Option<Vec<MetricHit>> {
    let q = clause.start
        + n.str(clause.start, clause.end)
            .find("分别")
            .map(|b| n.str(clause.start, clause.end)[..b].chars().count())?;
    if figs.len() < 2 || figs.iter().any(|f| f.start < q) {
        return None;
    }
    let mut hits = Vec::new();
    let lowered: Vec<char> = n.chars[clause.start..q].iter().map(|&c| lower(c)).collect();
    let mut i = clause.start;
    while i < q {
        let rest = &lowered[i - clause.start..];
        match lexicon
            .aliases
            .iter()
            .find(|a| rest.starts_with(&a.chars) && !n.title[i])
        {
            Some(a) => {
                hits.push(MetricHit {
                    metric: a.metric,
                    pos: i,
                    end: i + a.chars.len(),
                    fuzzy: false,
                });
                i += a.chars.len();
            }
            None => i += 1,
        }
    }
    let fits = hits.len() == figs.len()
        && hits.iter().zip(figs).all(|(h, f)| {
            lexicon
                .aliases
                .iter()
                .any(|a| a.metric == h.metric && a.dimension == f.value.dimension())
        });
    fits.then_some(hits)
}

/// Words near a figure whose metric was not recognised.
fn guess_phrase(n: &Norm, f: &Figure, after: &Range<usize>, before: &Range<usize>) -> String {
    let count_like = matches!(f.value.dimension(), Dimension::Count | Dimension::Persons);
    let cut = |s: String| -> String {
        let s = s
            .split(['的', '等', '和', '及', '+'])
            .next()
            .unwrap_or("")
            .to_owned();
        s.chars().take(24).collect()
    };
    let after_text = cut(n.text(after.clone()));
    if count_like && !after_text.is_empty() {
        return after_text;
    }
    let mut text = n.text(before.clone());
    for word in VERBS.iter().chain(TARGET_WORDS).chain(REPORT_WORDS) {
        if let Some(at) = text.rfind(word) {
            text = text[at + word.len()..].to_owned();
        }
    }
    let text: String = text
        .chars()
        .rev()
        .take(24)
        .collect::<Vec<_>>()
        .into_iter()
        .rev()
        .collect();
    if text.is_empty() { after_text } else { text }
}

/// How many earlier candidates of the same jurisdiction, value and metric a
/// candidate is compared with to find the one it repeats: a bound on the
/// work for text that states one figure over and over.
const DEDUPE_WINDOW: usize = 64;

/// Keeps one candidate per statement when a figure is repeated (a heading
/// and its text): the one outside a heading, else the most complete.
/// `found` holds each candidate with the index of its paragraph.
fn dedupe(found: Vec<(usize, Candidate)>, doc: &Doc) -> Vec<Candidate> {
    let heading = |p: usize| doc.paras[p].kind == BlockKind::Heading;
    // A heading and a paragraph under it.
    let governs =
        |h: usize, p: usize| heading(h) && !heading(p) && doc.paras[p].headings.contains(&h);
    let year = |c: &Candidate| c.deadline.map(|d| d.date().year());
    let mut out: Vec<(usize, Candidate)> = Vec::new();
    // The kept candidates of each jurisdiction, value and metric: a repeat
    // has all three of the candidate it repeats.
    let mut kept: HashMap<(Option<JurisdictionCode>, Quantity, Option<Id>), Vec<usize>> =
        HashMap::new();
    for (p, c) in found {
        let key = (
            c.jurisdiction.clone(),
            c.value.canonical(),
            c.metric.clone(),
        );
        let alike = kept.entry(key).or_default();
        let recent = &alike[alike.len().saturating_sub(DEDUPE_WINDOW)..];
        let same = recent.iter().copied().find(|&i| {
            let (q, o) = (&out[i].0, &out[i].1);
            if o.jurisdiction != c.jurisdiction || o.value.canonical() != c.value.canonical() {
                return false;
            }
            if governs(*q, p) || governs(p, *q) {
                // The heading repeats the figure of its text: the same
                // metric (or none recognised in either), and the same year
                // where both give one.
                return o.metric == c.metric
                    && (year(o) == year(&c) || o.deadline.is_none() || c.deadline.is_none());
            }
            let stated_alike =
                o.kind == c.kind && o.comparator == c.comparator || heading(*q) != heading(p);
            o.metric.is_some()
                && o.metric == c.metric
                && stated_alike
                && (o.deadline == c.deadline || o.deadline.is_none() || c.deadline.is_none())
        });
        match same {
            Some(i) => {
                let rank = |p: usize, c: &Candidate| {
                    (
                        !heading(p),
                        c.deadline.is_some() || c.as_of.is_some(),
                        c.confidence,
                    )
                };
                if rank(p, &c) > rank(out[i].0, &out[i].1) {
                    out[i] = (p, c);
                }
            }
            None => {
                alike.push(out.len());
                out.push((p, c));
            }
        }
    }
    out.into_iter().map(|(_, c)| c).collect()
}

// ---------------------------------------------------------------------------
// TOML and JSON
// ---------------------------------------------------------------------------

fn toml_string(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 2);
    out.push('"');
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            c if c.is_control() => out.push_str(&format!("\\u{:04X}", c as u32)),
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

/// A decimal as a TOML integer when it is one, else as a string.
fn toml_number(value: Decimal) -> String {
    if value.scale() == 0 {
        if let Ok(i) = value.to_string().parse::<i64>() {
            return i.to_string();
        }
    }
    format!("\"{value}\"")
}

fn toml_date(date: PartialDate) -> String {
    match date {
        PartialDate::Year(y) => y.to_string(),
        other => format!("\"{other}\""),
    }
}

/// The value of `q` in the unit `unit`, exactly.
fn in_unit(q: &Quantity, unit: Unit) -> Option<Decimal> {
    if q.unit() == unit {
        return Some(q.value());
    }
    if q.dimension() != unit.dimension() {
        return None;
    }
    scale_pow10(q.canonical_value(), -unit.exponent_to_canonical()).map(|d| d.normalize())
}

fn id_part(s: &str) -> String {
    s.chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() {
                c.to_ascii_lowercase()
            } else {
                '_'
            }
        })
        .collect()
}

/// The ids given so far, and for each stem the next number to try.
#[derive(Default)]
struct Ids {
    given: HashSet<String>,
    next: HashMap<String, usize>,
}

fn toml_entry(c: &Candidate, ids: &mut Ids) -> String {
    let date = match c.kind {
        Kind::Target => c.deadline.map(|d| d.date()),
        Kind::Observation => c.as_of,
    };
    let mut base = String::new();
    base.push_str(c.metric.as_ref().map_or("candidate", |m| m.as_str()));
    if let Some(j) = &c.jurisdiction {
        base.push('_');
        base.push_str(&id_part(j.as_str()));
    }
    if let Some(d) = date {
        base.push('_');
        base.push_str(&id_part(&d.to_string()));
    }
    let base: String = base.chars().take(120).collect();
    // base, then base_2, base_3, …: the numbers already tried for a base
    // are not tried again.
    let mut id = base.clone();
    let k = ids.next.entry(base.clone()).or_insert(2);
    while !ids.given.insert(id.clone()) {
        id = format!("{base}_{k}");
        *k += 1;
    }

    let mut missing = Vec::new();
    let mut lines: Vec<String> = Vec::new();
    lines.push(format!("[[{}]]", c.kind.as_str()));
    lines.push(format!("id = {}", toml_string(&id)));
    match (&c.jurisdiction, c.jurisdiction_in_catalog) {
        (Some(j), true) => lines.push(format!("jurisdiction = {}", toml_string(j.as_str()))),
        (Some(j), false) => {
            missing.push("a jurisdiction of the catalogue");
            lines.push(format!(
                "jurisdiction = {}  # {} is not in jurisdictions.toml",
                toml_string(j.as_str()),
                c.jurisdiction_phrase
            ));
        }
        (None, _) => {
            missing.push("jurisdiction");
            lines.push("jurisdiction = \"?\"".to_owned());
        }
    }
    match &c.metric {
        Some(m) => lines.push(format!("metric = {}", toml_string(m.as_str()))),
        None => {
            missing.push("metric");
            lines.push(format!(
                "metric = \"?\"  # {}",
                c.metric_phrase.replace('\n', " ")
            ));
        }
    }
    if c.kind == Kind::Target || c.comparator != Comparator::Exactly {
        lines.push(format!(
            "comparator = {}",
            toml_string(c.comparator.as_str())
        ));
    }
    lines.push(format!("value = {}", toml_number(c.value.value())));
    lines.push(format!(
        "unit = {}",
        toml_string(&c.value.unit().to_string())
    ));
    if let Some(upper) = &c.upper {
        match in_unit(upper, c.value.unit()) {
            Some(v) => lines.push(format!("upper = {}", toml_number(v))),
            None => {
                missing.push("upper");
                lines.push(format!("upper = \"?\"  # {upper}"));
            }
        }
    }
    match c.kind {
        Kind::Target => {
            match c.deadline {
                Some(d) => lines.push(format!("deadline = {}", toml_date(d.date()))),
                None => {
                    missing.push("deadline");
                    lines.push("deadline = ?".to_owned());
                }
            }
            if let Some(p) = c.period {
                lines.push(format!("period = {}", toml_string(&p.to_string())));
            }
        }
        Kind::Observation => match c.as_of {
            Some(d) => lines.push(format!("as_of = {}", toml_date(d))),
            None => {
                missing.push("as_of");
                lines.push("as_of = ?".to_owned());
            }
        },
    }
    lines.push(format!("quote = {}", toml_string(&c.quote)));

    let mut out = String::new();
    let mut note = format!("# confidence {}", c.confidence);
    if !c.reasons.is_empty() {
        note.push_str(": ");
        note.push_str(&c.reasons.join("; ").replace('\n', " "));
    }
    out.push_str(&note);
    out.push('\n');
    let low = c.confidence < Decimal::new(5, 1);
    if missing.is_empty() && !low {
        for line in lines {
            out.push_str(&line);
            out.push('\n');
        }
    } else {
        let why = if missing.is_empty() {
            "low confidence".to_owned()
        } else {
            format!("missing {}", missing.join(", "))
        };
        out.push_str(&format!("# Incomplete ({why}): complete and uncomment.\n"));
        for line in lines {
            out.push_str("# ");
            out.push_str(&line);
            out.push('\n');
        }
    }
    out
}

/// The JSON written by [`to_json`] (`targets extract --format json`): the
/// contract version and the candidates, in the order of the text.
///
/// It derives [`schemars::JsonSchema`], so the JSON Schema of the output is
/// generated from the type that writes it.
///
/// ```
/// use policy_targets::Catalog;
/// use policy_targets::extract::{extract, CandidatesJson};
///
/// let catalog = Catalog::bundled()?;
/// let found = extract("到2027年，建成高质量数据集50个。", &catalog);
/// let value = serde_json::to_value(CandidatesJson::new(&found))?;
/// assert_eq!(value["version"], 1);
/// assert_eq!(value["candidates"][0]["metric"], "high_quality_datasets");
/// let schema = schemars::schema_for!(CandidatesJson<'static>);
/// assert!(schema.as_value()["properties"]["candidates"].is_object());
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Serialize, schemars::JsonSchema)]
#[schemars(
    rename = "Candidates",
    description = "The output of `targets extract --format json`: the contract version and the candidate targets and reported figures, in the order of the text."
)]
pub struct CandidatesJson<'a> {
    /// The contract version.
    version: u32,
    /// The candidates, in the order of the text.
    candidates: Vec<JsonCandidate<'a>>,
}

impl<'a> CandidatesJson<'a> {
    /// The JSON form of `candidates`.
    pub fn new(candidates: &'a [Candidate]) -> CandidatesJson<'a> {
        CandidatesJson {
            version: crate::encode::FORMAT_VERSION,
            candidates: candidates.iter().map(JsonCandidate::from).collect(),
        }
    }
}

/// Where a quote is in the input, in characters.
#[derive(Serialize, schemars::JsonSchema)]
#[schemars(rename = "CharSpan")]
struct JsonSpan {
    /// The first character of the quote.
    start: usize,
    /// The character after the quote.
    end: usize,
}

/// One candidate target or observation.
#[derive(Serialize, schemars::JsonSchema)]
#[schemars(rename = "Candidate")]
struct JsonCandidate<'a> {
    /// `target` or `observation`.
    kind: &'static str,
    /// The jurisdiction code or group slug, when one is named or given.
    jurisdiction: Option<&'a str>,
    /// The words that named the jurisdiction (empty when none did).
    jurisdiction_phrase: &'a str,
    /// Whether the jurisdiction is in the catalogue.
    jurisdiction_in_catalog: bool,
    /// The catalogue metric, when one was recognised.
    metric: Option<&'a str>,
    /// The words that named the metric, or probably do.
    metric_phrase: &'a str,
    /// How the value is meant.
    comparator: &'static str,
    /// The value in the unit as written (the lower bound of a range).
    value: JsonDecimal,
    /// The upper bound of a range, in the unit as written.
    upper: Option<JsonDecimal>,
    /// The unit as written.
    unit: String,
    /// The value in the canonical unit.
    canonical_value: JsonDecimal,
    /// The upper bound of a range in the canonical unit.
    canonical_upper: Option<JsonDecimal>,
    /// The canonical unit of the value's dimension.
    canonical_unit: String,
    /// When a target is due (2027, 2025-06).
    deadline: Option<String>,
    /// The last day of the deadline.
    deadline_end: Option<NaiveDate>,
    /// The plan period (START/END).
    period: Option<String>,
    /// The date a reported figure refers to.
    as_of: Option<String>,
    /// The clause the figure came from, verbatim.
    quote: &'a str,
    /// Where the quote is in the input, in characters.
    span: JsonSpan,
    /// How likely the candidate is right, from 0 to 1.
    confidence: JsonDecimal,
    /// Why the confidence is what it is.
    reasons: &'a [String],
}

impl<'a> From<&'a Candidate> for JsonCandidate<'a> {
    fn from(c: &'a Candidate) -> JsonCandidate<'a> {
        JsonCandidate {
            kind: c.kind.as_str(),
            jurisdiction: c.jurisdiction.as_ref().map(|j| j.as_str()),
            jurisdiction_phrase: &c.jurisdiction_phrase,
            jurisdiction_in_catalog: c.jurisdiction_in_catalog,
            metric: c.metric.as_ref().map(|m| m.as_str()),
            metric_phrase: &c.metric_phrase,
            comparator: c.comparator.as_str(),
            value: JsonDecimal(c.value.value()),
            upper: c
                .upper
                .as_ref()
                .and_then(|u| in_unit(u, c.value.unit()))
                .map(JsonDecimal),
            unit: c.value.unit().to_string(),
            canonical_value: JsonDecimal(c.value.canonical_value()),
            canonical_upper: c.upper.as_ref().map(|u| JsonDecimal(u.canonical_value())),
            canonical_unit: c.value.dimension().canonical_unit().to_string(),
            deadline: c.deadline.map(|d| d.to_string()),
            deadline_end: c.deadline.map(|d| d.end()),
            period: c.period.map(|p| p.to_string()),
            as_of: c.as_of.map(|d| d.to_string()),
            quote: &c.quote,
            span: JsonSpan {
                start: c.span.start,
                end: c.span.end,
            },
            confidence: JsonDecimal(c.confidence),
            reasons: &c.reasons,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn catalog() -> Catalog {
        Catalog::bundled().unwrap_or_else(|e| panic!("{e}"))
    }

    fn run(text: &str) -> Vec<Candidate> {
        extract(text, &catalog())
    }

    /// The one candidate whose value is `value` (as written, e.g. `50个`).
    fn one(found: &[Candidate], value: &str) -> Candidate {
        let hits: Vec<&Candidate> = found
            .iter()
            .filter(|c| c.value.to_string() == value)
            .collect();
        assert_eq!(hits.len(), 1, "{value} in {found:#?}");
        hits[0].clone()
    }

    fn metric(c: &Candidate) -> &str {
        c.metric.as_ref().map_or("", |m| m.as_str())
    }

    fn jur(c: &Candidate) -> &str {
        c.jurisdiction.as_ref().map_or("", |j| j.as_str())
    }

    fn deadline(c: &Candidate) -> String {
        c.deadline.map(|d| d.to_string()).unwrap_or_default()
    }

    fn as_of(c: &Candidate) -> String {
        c.as_of.map(|d| d.to_string()).unwrap_or_default()
    }

    fn dec(s: &str) -> Decimal {
        s.parse().unwrap()
    }

    #[test]
    fn every_comparator_form() {
        let cases = [
            (
                "到2027年，全省建设不少于300个高质量数据集。",
                "300个",
                Comparator::AtLeast,
            ),
            (
                "到2027年，全省培育数据企业2000家以上。",
                "2000家",
                Comparator::AtLeast,
            ),
            (
                "到2027年，全省数据产业规模达到3000亿元。",
                "3000亿元",
                Comparator::AtLeast,
            ),
            (
                "到2027年，全省数据标注规模达3000TB。",
                "3000 TB",
                Comparator::AtLeast,
            ),
            (
                "到2027年，全省数据产业规模超过3000亿元。",
                "3000亿元",
                Comparator::MoreThan,
            ),
            (
                "到2027年，全省数据产业规模突破3000亿元。",
                "3000亿元",
                Comparator::MoreThan,
            ),
            (
                "到2027年，累计登记数据产品超2000个。",
                "2000个",
                Comparator::MoreThan,
            ),
            (
                "到2027年，新建数据企业不超过50家。",
                "50家",
                Comparator::AtMost,
            ),
            (
                "到2027年，标注成本控制在3000万元以内。",
                "3000万元",
                Comparator::AtMost,
            ),
            (
                "到2027年，数据企业数量低于500家的县不再新增。",
                "500家",
                Comparator::LessThan,
            ),
            (
                "到2027年，建成可信数据空间3—5个。",
                "3个",
                Comparator::Range,
            ),
            (
                "到2027年，建成高质量数据集50个。",
                "50个",
                Comparator::AtLeast,
            ),
        ];
        for (text, value, comparator) in cases {
            let c = one(&run(text), value);
            assert_eq!(c.comparator, comparator, "{text}");
            assert_eq!(c.kind, Kind::Target, "{text}");
            assert_eq!(deadline(&c), "2027", "{text}");
        }
    }

    #[test]
    fn ranges_take_the_unit_of_their_upper_bound() {
        let found = run(
            "到2027年，建成可信数据空间3—5个，培育标注从业人员3至5万人，建设高质量数据集10个-20个。",
        );
        let spaces = one(&found, "3个");
        assert_eq!(spaces.comparator, Comparator::Range);
        assert_eq!(spaces.upper.unwrap().to_string(), "5个");
        assert_eq!(metric(&spaces), "trusted_data_spaces");
        let workers = one(&found, "3万人");
        assert_eq!(workers.upper.unwrap().canonical_value(), dec("50000"));
        assert_eq!(metric(&workers), "annotation_workers");
        let datasets = one(&found, "10个");
        assert_eq!(datasets.upper.unwrap().to_string(), "20个");
        // A plan period is not a range.
        let found = run("《江苏省行动方案(2025-2027年)》提出，建成高质量数据集1000个。");
        assert_eq!(found.len(), 1);
        assert_eq!(found[0].value.to_string(), "1000个");
    }

    #[test]
    fn approximate_figures() {
        let found = run("截至2024年底，全省已有数据企业300余家，数据交易额约15亿元。");
        let firms = one(&found, "300家");
        assert_eq!(firms.comparator, Comparator::MoreThan);
        assert_eq!(firms.kind, Kind::Observation);
        let trade = one(&found, "15亿元");
        assert_eq!(trade.comparator, Comparator::Exactly);
        assert!(trade.reasons.iter().any(|r| r.starts_with("approximate")));
    }

    #[test]
    fn every_magnitude() {
        let cases = [
            ("数据产业规模突破5万元", "50000"),
            ("数据产业规模突破83亿元", "8300000000"),
            ("数据产业规模突破百亿元", "10000000000"),
            ("数据产业规模突破1.2万亿元", "1200000000000"),
            ("数据产业规模突破3千亿元", "300000000000"),
            ("数据产业规模突破三千亿元", "300000000000"),
            ("数据产业规模突破千亿元", "100000000000"),
            ("数据产业规模突破五百亿元", "50000000000"),
        ];
        for (clause, canonical) in cases {
            let text = format!("到2027年，{clause}。");
            let found = run(&text);
            assert_eq!(found.len(), 1, "{text}: {found:#?}");
            assert_eq!(found[0].value.canonical_value(), dec(canonical), "{text}");
            assert_eq!(metric(&found[0]), "data_industry_scale", "{text}");
        }
    }

    #[test]
    fn chinese_numerals() {
        let found =
            run("到2027年，培育三千家数据企业，培育两百家数据标注企业，建设十二个可信数据空间。");
        assert_eq!(
            one(&found, "3000家").metric.unwrap().as_str(),
            "data_enterprises"
        );
        assert_eq!(
            one(&found, "200家").metric.unwrap().as_str(),
            "annotation_enterprises"
        );
        assert_eq!(
            one(&found, "12个").metric.unwrap().as_str(),
            "trusted_data_spaces"
        );
        // Articles and words made of numerals are not figures.
        let found =
            run("打造一批高质量数据集，构建一体化算力网络，赋能千行百业，每万人拥有量提升。");
        assert!(found.is_empty(), "{found:#?}");
    }

    #[test]
    fn full_width_digits_and_punctuation() {
        let text = "到２０２７年，浙江省建成１０００个高质量数据集，数据产业规模突破３０００亿元。";
        let found = run(text);
        assert_eq!(found.len(), 2);
        let datasets = one(&found, "1000个");
        assert_eq!(deadline(&datasets), "2027");
        assert_eq!(datasets.quote, "浙江省建成１０００个高质量数据集");
        assert_eq!(jur(&datasets), "330000");
        let size = one(&found, "3000亿元");
        assert_eq!(size.comparator, Comparator::MoreThan);
        // ASCII commas of scanned text separate clauses; between digits they
        // group thousands.
        let found = run("到2027年,全省建成1,000个高质量数据集,培育2000家数据企业。");
        assert_eq!(
            one(&found, "1000个").metric.unwrap().as_str(),
            "high_quality_datasets"
        );
        assert_eq!(
            one(&found, "2000家").metric.unwrap().as_str(),
            "data_enterprises"
        );
    }

    #[test]
    fn every_deadline_form() {
        let cases = [
            ("到2027年，全省建成高质量数据集50个。", "2027"),
            ("力争到2026年，全省建成高质量数据集50个。", "2026"),
            ("2027年前，全省建成高质量数据集50个。", "2027"),
            ("上海市2025年底建成高质量数据集50个。", "2025"),
            ("到2025年6月，全市建成高质量数据集50个。", "2025-06"),
            ("2025年6月底前建成高质量数据集50个。", "2025-06"),
            (
                "《数据产业行动方案（2025—2027年）》提出，建成高质量数据集50个。",
                "2027",
            ),
            ("“十四五”末，全省建成高质量数据集50个。", "2025"),
            ("到2027年底，全省建成高质量数据集50个。", "2027"),
        ];
        for (text, expected) in cases {
            let c = one(&run(text), "50个");
            assert_eq!(c.kind, Kind::Target, "{text}");
            assert_eq!(deadline(&c), expected, "{text}");
            assert_eq!(
                c.deadline.unwrap().end(),
                c.deadline.unwrap().date().last_day()
            );
        }
        let c = one(
            &run("《数据产业行动方案（2025—2027年）》提出，到2026年建成高质量数据集50个。"),
            "50个",
        );
        assert_eq!(deadline(&c), "2026");
        assert_eq!(c.period.unwrap().to_string(), "2025/2027");
        let c = one(&run("建设高质量数据集50个。"), "50个");
        assert_eq!(c.deadline, None);
        assert!(c.reasons.iter().any(|r| r == "no deadline in the text"));
    }

    #[test]
    fn a_plan_period_in_a_title_heading_governs_its_text() {
        let text = "湖南省数据产业发展行动计划（2025—2027年）\n\n一、主要目标\n\n全省数据产业规模突破2000亿元，培育数据企业1000家。";
        let found = run(text);
        assert_eq!(found.len(), 2);
        for c in &found {
            assert_eq!(c.kind, Kind::Target);
            assert_eq!(deadline(c), "2027");
            assert_eq!(c.period.unwrap().to_string(), "2025/2027");
            assert_eq!(jur(c), "430000");
            assert!(c.jurisdiction_in_catalog);
        }
    }

    #[test]
    fn target_cues() {
        for verb in [
            "力争", "建设", "打造", "形成", "培育", "引育", "建成", "推动",
        ] {
            let text = format!("{verb}高质量数据集50个。");
            let c = one(&run(&text), "50个");
            assert_eq!(c.kind, Kind::Target, "{text}");
            assert_eq!(c.comparator, Comparator::AtLeast, "{text}");
        }
        let c = one(
            &run("2025年全市数据集建设目标：建成高质量数据集50个。"),
            "50个",
        );
        assert_eq!(c.kind, Kind::Target);
    }

    #[test]
    fn report_cues() {
        let cases = [
            ("截至2024年底，全市已建成高质量数据集120个。", "2024"),
            ("截至2025年6月，全国高质量数据集超过3.5万个。", "2025-06"),
            ("当前，全市高质量数据集达到120个。", ""),
            ("目前全省已形成高质量数据集120个。", ""),
            (
                "2024年，四川省数据产业规模达到1200亿元，同比增长20%。",
                "2024",
            ),
        ];
        for (text, date) in cases {
            let found = run(text);
            let c = &found[0];
            assert_eq!(c.kind, Kind::Observation, "{text}");
            assert_eq!(as_of(c), date, "{text}");
            assert_ne!(c.comparator, Comparator::AtLeast, "{text}");
        }
        let c = &run("截至2025年6月，全国高质量数据集超过3.5万个。")[0];
        assert_eq!(c.comparator, Comparator::MoreThan);
        assert_eq!(c.value.canonical_value(), dec("35000"));
        assert_eq!(jur(c), "100000");
        // 达到 reports a level reached: exactly that figure.
        let c = &run("截至2024年底，全市高质量数据集达到120个。")[0];
        assert_eq!(c.comparator, Comparator::Exactly);
    }

    #[test]
    fn a_bare_year_before_the_date_of_the_text_is_a_report() {
        let text = "【2025年3月】\n\n3月5日，武汉市发布通知。2024年，全市建成高质量数据集80个。2025年，全市建设高质量数据集100个。";
        let found = run(text);
        let past = one(&found, "80个");
        assert_eq!(past.kind, Kind::Observation);
        assert_eq!(as_of(&past), "2024");
        let plan = one(&found, "100个");
        assert_eq!(plan.kind, Kind::Target);
        assert_eq!(deadline(&plan), "2025");
        assert_eq!(jur(&plan), "420100");
    }

    #[test]
    fn observations_are_dated_by_their_paragraph_or_heading() {
        let text = "【2025年3月】\n\n3月18日，现场会在成都市召开。当前7个基地的数据标注规模达17282TB，已形成高质量数据集335个。";
        let found = run(text);
        let volume = one(&found, "17282 TB");
        assert_eq!(volume.kind, Kind::Observation);
        assert_eq!(as_of(&volume), "2025-03-18");
        assert_eq!(volume.comparator, Comparator::Exactly);
        // A venue is not whose figure it is.
        assert_eq!(volume.jurisdiction, None);
        let text = "【2025年4月】\n\n国务院国资委发布了首批30项央企高质量数据集优秀建设成果。";
        let c = one(&run(text), "30项");
        assert_eq!(as_of(&c), "2025-04");
        assert_eq!(jur(&c), "central_soes");
        assert_eq!(metric(&c), "outstanding_dataset_results");
    }

    #[test]
    fn several_figures_in_one_sentence() {
        let text = "到2027年，江苏省建成5个数据产业创新联合体，打造100个数据企业应用场景优秀案例，引育1000家规上数据企业，形成1000个高质量数据集、2000个典型数据产品，数据产业规模突破1万亿元，算力规模达到40EFLOPS。";
        let found = run(text);
        let got: Vec<(String, &str)> = found
            .iter()
            .map(|c| (c.value.to_string(), metric(c)))
            .collect();
        let expected = [
            ("5个", "data_industry_innovation_consortia"),
            ("100个", "data_enterprise_application_cases"),
            ("1000家", "above_scale_data_enterprises"),
            ("1000个", "high_quality_datasets"),
            ("2000个", "typical_data_products"),
            ("1万亿元", "data_industry_scale"),
            ("40 EFLOPS", "computing_power"),
        ];
        let expected: Vec<(String, &str)> = expected
            .iter()
            .map(|(v, m)| ((*v).to_owned(), *m))
            .collect();
        assert_eq!(got, expected);
        for c in &found {
            assert_eq!(jur(c), "320000");
            assert_eq!(deadline(c), "2027");
            assert!(c.confidence >= dec("0.9"), "{c:#?}");
        }
        assert_eq!(one(&found, "2000个").quote, "2000个典型数据产品");
        // Metrics named before the figures they go with, respectively.
        let found = run("到2027年，数据产业规模、数字经济规模分别达到3000亿元、1.2万亿元。");
        assert_eq!(metric(&one(&found, "3000亿元")), "data_industry_scale");
        assert_eq!(metric(&one(&found, "1.2万亿元")), "digital_economy_scale");
    }

    #[test]
    fn figures_that_are_not_targets() {
        // Dates, document numbers, ordinals, durations, titles: not proposed.
        let found = run(
            "2025年1月6日，苏州市人民政府办公室印发苏府办〔2025〕19号文件（2025年第5期，总第11期），\
             第八届峰会于4月29日举行，为期3个月，提高2个百分点，《关于培育100家数据企业的通知》。",
        );
        assert!(found.is_empty(), "{found:#?}");
        // Counts of attendees, issuers, scopes, measures: low confidence, with a reason.
        let cases = [
            (
                "2月19日，国家数据局召开启动会，27个国家部委代表参加。",
                "27个",
                "participating",
            ),
            (
                "江苏省数据局等12个部门联合发布行动方案。",
                "12个",
                "issuing",
            ),
            (
                "工信部、商务部等七个部门联合印发实施方案。",
                "7个",
                "issuing",
            ),
            ("聚焦工业制造、医疗健康等12个行业领域。", "12个", "sectors"),
            ("征集16个重点领域的数据集需求。", "16个", "sectors"),
            ("方案提出20项重点任务。", "20项", "measures"),
            (
                "加快构建“1个综合标注基地+N个行业标注基地”的产业布局。",
                "1个",
                "layout",
            ),
            ("当前7个基地的数据标注规模达17282TB。", "7个", "whose"),
            ("每万人拥有5G基站20.2个。", "20.2个", "per person"),
        ];
        for (text, value, reason) in cases {
            let c = one(&run(text), value);
            assert!(c.confidence < dec("0.5"), "{text}: {c:#?}");
            assert!(
                c.reasons.iter().any(|r| r.contains(reason)),
                "{text}: {:?}",
                c.reasons
            );
        }
    }

    #[test]
    fn metrics_by_longest_alias_and_dimension() {
        let found =
            run("截至2025年3月，数据交易机构累计登记数据产品超2000个，数据标注规模达17282TB。");
        assert_eq!(metric(&one(&found, "2000个")), "registered_data_products");
        assert_eq!(
            one(&found, "2000个").metric_phrase,
            "数据交易机构累计登记数据产品"
        );
        assert_eq!(metric(&one(&found, "17282 TB")), "data_annotation_volume");
        // A scanning error in a long name: one character differs.
        let c = one(&run("到2027年，建立50个数据产业公共服务术范平台。"), "50个");
        assert_eq!(metric(&c), "data_industry_public_service_platforms");
        assert!(
            c.reasons
                .iter()
                .any(|r| r.contains("one character differing"))
        );
        // A metric named in the clause before.
        let c = one(&run("可信数据空间方面，到2027年，全省建成20个。"), "20个");
        assert_eq!(metric(&c), "trusted_data_spaces");
        // None recognised.
        let c = one(&run("到2027年，培育50家数据标注龙头企业。"), "50家");
        assert_eq!(c.metric, None);
        assert_eq!(c.metric_phrase, "数据标注龙头企业");
        assert!(c.confidence < dec("0.5"));
        // Computing power written with P.
        let c = one(
            &run("到2025年，全省智能算力规模达到1000P以上。"),
            "1000 PFLOPS",
        );
        assert_eq!(metric(&c), "intelligent_computing_power");
        assert_eq!(c.comparator, Comparator::AtLeast);
    }

    #[test]
    fn jurisdictions() {
        let catalog = catalog();
        // Named in the clause, in the sentence, in the heading.
        let c = one(&run("到2027年，苏州市建成300个高质量数据集。"), "300个");
        assert_eq!(jur(&c), "320500");
        assert_eq!(c.jurisdiction_phrase, "苏州市");
        let c = one(
            &run("苏州市印发实施意见，提出建成300个高质量数据集。"),
            "300个",
        );
        assert_eq!(jur(&c), "320500");
        let c = one(
            &run("武汉公布2025年数据集建设年度目标\n\n2月25日，全市建设不少于20个高质量数据集。"),
            "20个",
        );
        assert_eq!(jur(&c), "420100");
        // Provinces outside the catalogue get their division code.
        let c = one(&run("到2027年，广东省建成高质量数据集500个。"), "500个");
        assert_eq!(jur(&c), "440000");
        assert!(!c.jurisdiction_in_catalog);
        assert!(c.reasons.iter().any(|r| r.contains("not in the catalogue")));
        // National bodies name the nation when nothing else is named.
        let c = one(
            &run("国家数据局提出，到2028年建成可信数据空间100个以上。"),
            "100个",
        );
        assert_eq!(jur(&c), "100000");
        // 数字中国 is not the nation; the default applies.
        let options = Options {
            min_confidence: Decimal::ZERO,
            jurisdiction: Some("430100".parse().unwrap()),
        };
        let found = extract_with(
            "数字中国建设峰会上提出，建成高质量数据集50个。",
            &catalog,
            &options,
        );
        let c = one(&found, "50个");
        assert_eq!(jur(&c), "430100");
        assert!(c.jurisdiction_phrase.is_empty());
        // Words that contain a place name are not places.
        let c = one(&run("确保定期建成高质量数据集50个。"), "50个");
        assert_eq!(c.jurisdiction, None);
    }

    #[test]
    fn quotes_are_verbatim_and_spans_count_characters() {
        let text = "【2025年3月】\n3月18日，会议召开。当前7个基地的数据标注规\n\n模达 17282TB, 已形成高质量数据集 335 个。\n\n1月6日，另一则消息。";
        for c in run(text) {
            let quote: String = text.chars().skip(c.span.start).take(c.span.len()).collect();
            assert_eq!(quote, c.quote);
            assert!(text.contains(&c.quote));
        }
        let found = run(text);
        // The line break inside a word is joined for reading and kept in the quote.
        let volume = one(&found, "17282 TB");
        assert_eq!(metric(&volume), "data_annotation_volume");
        assert_eq!(volume.quote, "当前7个基地的数据标注规\n\n模达 17282TB");
        assert_eq!(one(&found, "335个").quote, "已形成高质量数据集 335 个");
    }

    #[test]
    fn headings_repeat_figures_once() {
        let text = "国务院国资委发布首批30项央企高质量数据集优秀建设成果\n\n4月29日，国务院国资委集中发布了首批30项央企高质量数据集优秀建设成果。";
        let found = run(text);
        assert_eq!(found.len(), 1, "{found:#?}");
        assert!(!found[0].reasons.iter().any(|r| r.contains("heading")));
    }

    #[test]
    fn min_confidence_filters() {
        let catalog = catalog();
        let text = "到2027年，建成高质量数据集50个，27个部委代表参加。";
        assert_eq!(extract(text, &catalog).len(), 2);
        let options = Options {
            min_confidence: dec("0.5"),
            jurisdiction: None,
        };
        assert_eq!(extract_with(text, &catalog, &options).len(), 1);
    }

    #[test]
    fn no_panic_on_odd_text() {
        let catalog = catalog();
        let pieces = [
            "",
            "，",
            "。",
            "\n",
            "《",
            "》",
            "到",
            "2027",
            "年",
            "个",
            "万",
            "亿",
            "百",
            "三",
            "两",
            "—",
            "-",
            "至",
            "5",
            ".",
            ",",
            "%",
            "TB",
            "P",
            "大",
            "余",
            "以上",
            "截至",
            "已",
            "第",
            "〔",
            "〕",
            "１",
            "　",
            "数据集",
            "高质量",
            "苏州",
            "\r\n",
            "：",
            "、",
            "分别",
            "+",
            "99999999999999999999999999999",
            "0.000000000000000000000000001",
        ];
        let mut seed = 12345u64;
        for _ in 0..400 {
            let mut text = String::new();
            for _ in 0..(seed % 40) {
                seed = seed
                    .wrapping_mul(6364136223846793005)
                    .wrapping_add(1442695040888963407);
                text.push_str(pieces[(seed >> 33) as usize % pieces.len()]);
            }
            for c in extract(&text, &catalog) {
                let quote: String = text.chars().skip(c.span.start).take(c.span.len()).collect();
                assert_eq!(quote, c.quote, "{text:?}");
                assert!(c.confidence >= Decimal::ZERO && c.confidence <= Decimal::ONE);
            }
        }
    }

    #[test]
    fn toml_output_validates() {
        let text = "到2027年，江苏省建成1000个高质量数据集，打造3—5个可信数据空间，标注从业人员达5.8万人。\
                    截至2024年底，武汉市已建成高质量数据集80个。\n\n\
                    到2027年，建成高质量数据集50个。广东省建成高质量数据集500个。";
        let found = run(text);
        let source: Id = "test_plan".parse().unwrap();
        let toml = to_toml(&found, &source);
        assert!(
            toml.contains("value = 1000\nunit = \"个\"\ndeadline = 2027\n"),
            "{toml}"
        );
        assert!(
            toml.contains("value = 3\nunit = \"个\"\nupper = 5\n"),
            "{toml}"
        );
        assert!(
            toml.contains("value = \"5.8\"\nunit = \"万人\"\n"),
            "{toml}"
        );
        assert!(toml.contains("[[observation]]\nid = \"high_quality_datasets_420100_2024\""));
        // Incomplete entries are comments, with placeholders.
        assert!(toml.contains("# jurisdiction = \"?\""), "{toml}");
        assert!(
            toml.contains("# jurisdiction = \"440000\"  # 广东省 is not in jurisdictions.toml")
        );
        let data = format!(
            "[source]\nid = \"test_plan\"\ntitle = \"测试\"\nissuer = \"测试\"\npublished = 2025-01-01\nstatus = \"final\"\nforce = \"plan\"\n{toml}"
        );
        let files = [
            (
                "jurisdictions.toml",
                include_str!("../../targets/jurisdictions.toml").to_owned(),
            ),
            (
                "metrics.toml",
                include_str!("../../targets/metrics.toml").to_owned(),
            ),
            ("sources/test_plan.toml", data),
        ];
        let catalog = Catalog::from_toml_files(files).unwrap_or_else(|e| panic!("{e}\n{toml}"));
        assert_eq!(catalog.targets().len(), 3);
        assert_eq!(catalog.observations().len(), 1);
        assert_eq!(catalog.targets()[1].upper.unwrap().to_string(), "5个");
    }

    #[test]
    fn toml_ids_are_unique_and_strings_escaped() {
        let c = one(
            &run("到2027年，苏州市建成“100”个高质量数据集，建成100个高质量数据集。"),
            "100个",
        );
        let mut twice = vec![c.clone(), c];
        twice[1].quote = "a \"quoted\"\\ line\nbreak".to_owned();
        let toml = to_toml(&twice, &"s".parse().unwrap());
        assert!(toml.contains("id = \"high_quality_datasets_320500_2027\""));
        assert!(toml.contains("id = \"high_quality_datasets_320500_2027_2\""));
        assert!(
            toml.contains(r#"quote = "a \"quoted\"\\ line\nbreak""#),
            "{toml}"
        );
    }

    #[test]
    fn json_output() {
        let text = "截至2024年底，武汉市已有标注从业人员5.8万人。到2027年，建成可信数据空间3—5个。";
        let found = run(text);
        let json = to_json(&found);
        let value: serde_json::Value = serde_json::from_str(&json).unwrap();
        assert_eq!(value["version"], 1);
        let list = value["candidates"].as_array().unwrap();
        assert_eq!(list.len(), 2);
        assert_eq!(list[0]["kind"], "observation");
        assert_eq!(list[0]["jurisdiction"], "420100");
        assert_eq!(list[0]["metric"], "annotation_workers");
        assert_eq!(list[0]["as_of"], "2024");
        assert_eq!(list[0]["unit"], "万人");
        assert_eq!(list[0]["canonical_unit"], "person");
        assert_eq!(list[1]["comparator"], "range");
        assert_eq!(list[1]["deadline"], "2027");
        assert_eq!(list[1]["deadline_end"], "2027-12-31");
        let span = &list[1]["span"];
        assert_eq!(span["start"].as_u64(), Some(found[1].span.start as u64));
        // Exact digits, never binary floats.
        assert!(json.contains("\"value\": 5.8,"), "{json}");
        assert!(json.contains("\"canonical_value\": 58000,"));
        assert!(json.contains("\"upper\": 5,"));
        assert_eq!(
            to_json(&[]),
            "{\n  \"version\": 1,\n  \"candidates\": []\n}"
        );
        // The schema generated from the type describes what is written.
        let schema = schemars::schema_for!(CandidatesJson<'static>);
        let schema = schema.as_value();
        assert_eq!(schema["title"], "Candidates");
        assert!(schema["properties"]["version"].is_object());
        let candidate = &schema["$defs"]["Candidate"]["properties"];
        for key in list[0].as_object().unwrap().keys() {
            assert!(candidate[key].is_object(), "{key} is not in the schema");
        }
    }

    #[test]
    fn a_change_from_a_starting_figure_is_a_reported_figure_and_a_target() {
        let found = run("全省数据标注企业由2023年的800家增加到2027年的1500家。");
        assert_eq!(found.len(), 2, "{found:#?}");
        let start = one(&found, "800家");
        assert_eq!(start.kind, Kind::Observation);
        assert_eq!(metric(&start), "annotation_enterprises");
        assert_eq!(start.comparator, Comparator::Exactly);
        assert_eq!(as_of(&start), "2023");
        assert_eq!(start.deadline, None);
        assert!(
            start
                .reasons
                .iter()
                .any(|r| r.starts_with("the starting figure of a change"))
        );
        let goal = one(&found, "1500家");
        assert_eq!(goal.kind, Kind::Target);
        assert_eq!(metric(&goal), "annotation_enterprises");
        assert_eq!(goal.comparator, Comparator::AtLeast);
        assert_eq!(deadline(&goal), "2027");
        assert_eq!(goal.as_of, None);
        assert_eq!(goal.confidence, dec("0.7"));

        let found = run("高质量数据集从2024年的120个提高到2027年的500个。");
        assert_eq!(found.len(), 2, "{found:#?}");
        let start = one(&found, "120个");
        assert_eq!(
            (start.kind, as_of(&start), start.comparator),
            (Kind::Observation, "2024".to_owned(), Comparator::Exactly)
        );
        assert_eq!(metric(&start), "high_quality_datasets");
        let goal = one(&found, "500个");
        assert_eq!(
            (goal.kind, deadline(&goal), goal.comparator),
            (Kind::Target, "2027".to_owned(), Comparator::AtLeast)
        );
        assert_eq!(metric(&goal), "high_quality_datasets");

        // 增至, 增长到; a money figure; the end of a year; no date for the start.
        let found = run("到2027年，全省数据产业规模由2024年底的1000亿元增长到3000亿元。");
        let start = one(&found, "1000亿元");
        assert_eq!(
            (start.kind, as_of(&start)),
            (Kind::Observation, "2024".to_owned())
        );
        let goal = one(&found, "3000亿元");
        assert_eq!(
            (goal.kind, deadline(&goal)),
            (Kind::Target, "2027".to_owned())
        );
        assert_eq!(metric(&goal), "data_industry_scale");
        let found = run("江苏省数据企业由800家增至1500家。");
        let start = one(&found, "800家");
        assert_eq!((start.kind, start.as_of), (Kind::Observation, None));
        assert!(start.reasons.iter().any(|r| r == "no date for the figure"));
        let goal = one(&found, "1500家");
        assert_eq!(
            (goal.kind, metric(&goal), jur(&goal)),
            (Kind::Target, "data_enterprises", "320000")
        );
        // A year the earlier figure is given is not the deadline of the later one.
        assert_eq!(goal.deadline, None);

        // In a report, both are reported figures.
        let found = run("截至2024年底，全省数据企业由2020年的100家增加到800家。");
        let start = one(&found, "100家");
        assert_eq!(
            (start.kind, as_of(&start)),
            (Kind::Observation, "2020".to_owned())
        );
        let now = one(&found, "800家");
        assert_eq!(
            (now.kind, as_of(&now)),
            (Kind::Observation, "2024".to_owned())
        );

        // 从 in a word (从业人员) opens no change.
        let c = one(&run("到2027年，标注从业人员达5.8万人。"), "5.8万人");
        assert_eq!(c.kind, Kind::Target);
        assert!(!c.reasons.iter().any(|r| r.contains("starting figure")));

        // The TOML holds the starting figure as an observation of its year.
        let found = run("到2027年，苏州市高质量数据集从2024年的120个提高到500个。");
        let toml = to_toml(&found, &"s".parse().unwrap());
        assert!(
            toml.contains(
                "[[observation]]\nid = \"high_quality_datasets_320500_2024\"\njurisdiction = \"320500\"\nmetric = \"high_quality_datasets\"\nvalue = 120\nunit = \"个\"\nas_of = 2024\n"
            ),
            "{toml}"
        );
        assert!(
            toml.contains(
                "comparator = \"at_least\"\nvalue = 500\nunit = \"个\"\ndeadline = 2027\n"
            ),
            "{toml}"
        );
    }

    #[test]
    fn a_later_clause_without_a_metric_carries_the_metric_over() {
        let found = run("到2027年，建成高质量数据集1000个，其中行业数据集500个。");
        assert_eq!(found.len(), 2, "{found:#?}");
        let whole = one(&found, "1000个");
        let part = one(&found, "500个");
        assert_eq!(metric(&part), "high_quality_datasets");
        assert_eq!(
            (part.kind, part.comparator, deadline(&part)),
            (Kind::Target, Comparator::AtLeast, "2027".to_owned())
        );
        assert_eq!(whole.confidence, dec("0.7"));
        assert_eq!(part.confidence, dec("0.6"));
        assert!(
            part.reasons
                .iter()
                .any(|r| r == "metric carried over from an earlier clause (高质量数据集)")
        );
        assert!(part.reasons.iter().any(|r| r.starts_with("其中")));

        let found = run("高质量数据集数量达到1000个，2030年达到2000个。");
        let later = one(&found, "2000个");
        assert_eq!(metric(&later), "high_quality_datasets");
        assert_eq!(
            (later.kind, later.comparator, deadline(&later)),
            (Kind::Target, Comparator::AtLeast, "2030".to_owned())
        );
        assert!(
            later
                .reasons
                .iter()
                .any(|r| r.starts_with("metric carried over"))
        );
        // Across a semicolon, and for amounts.
        let later = one(
            &run("到2025年，建成高质量数据集500个；到2027年，达到1000个。"),
            "1000个",
        );
        assert_eq!(
            (metric(&later), deadline(&later)),
            ("high_quality_datasets", "2027".to_owned())
        );
        let later = one(
            &run("到2025年，全省数据产业规模达到1000亿元，2027年突破2000亿元。"),
            "2000亿元",
        );
        assert_eq!(metric(&later), "data_industry_scale");
        assert_eq!(later.comparator, Comparator::MoreThan);
        // Not carried: a thing of its own, another unit of count, another
        // sentence.
        let found = run("到2027年，建成高质量数据集1000个，培育龙头企业50个，覆盖12个行业。");
        assert_eq!(one(&found, "50个").metric, None);
        assert_eq!(one(&found, "12个").metric, None);
        let found = run("到2027年，建成高质量数据集1000个，培育50家。");
        assert_eq!(one(&found, "50家").metric, None);
        let found = run("到2027年，建成高质量数据集1000个。2030年达到2000个。");
        assert_eq!(one(&found, "2000个").metric, None);
    }

    #[test]
    fn years_in_chinese_numerals_are_dates() {
        let text = "到二〇二七年，建成高质量数据集1000个。";
        let found = run(text);
        assert_eq!(found.len(), 1, "{found:#?}");
        assert_eq!(deadline(&found[0]), "2027");
        assert_eq!(found[0].value.to_string(), "1000个");
        assert_eq!(found[0].confidence, dec("0.7"));
        let c = one(&run("二〇二五年底，建成高质量数据集100个。"), "100个");
        assert_eq!((c.kind, deadline(&c)), (Kind::Target, "2025".to_owned()));
        let c = one(&run("到二零三零年，培育数据企业二千家。"), "2000家");
        assert_eq!(deadline(&c), "2030");
        // Months and days too; quotes stay verbatim.
        let text = "【二〇二五年三月】\n三月十八日，当前7个基地已形成高质量数据集十个。\n截至二〇二四年十二月底，全市已建成高质量数据集120个。";
        let found = run(text);
        assert_eq!(found.len(), 3, "{found:#?}");
        assert_eq!(as_of(&one(&found, "10个")), "2025-03-18");
        let c = one(&found, "120个");
        assert_eq!(
            (c.kind, as_of(&c)),
            (Kind::Observation, "2024-12".to_owned())
        );
        assert_eq!(c.quote, "全市已建成高质量数据集120个");
        for c in &found {
            let quote: String = text.chars().skip(c.span.start).take(c.span.len()).collect();
            assert_eq!(quote, c.quote);
        }
        // A year alone is not a quantity.
        assert!(run("二〇二七年。一九九九年，二〇二五年三月。").is_empty());
    }

    #[test]
    fn about_figures_are_exact_with_a_reason() {
        let cases = [
            ("到2027年，高质量数据集达到1000个左右。", "左右"),
            ("到2027年，建成高质量数据集1000个左右。", "左右"),
            ("到2027年，高质量数据集约1000个。", "约"),
            ("到2027年，高质量数据集大约1000个。", "大约"),
            ("到2027年，高质量数据集达到约1000个。", "约"),
        ];
        for (text, word) in cases {
            let c = one(&run(text), "1000个");
            assert_eq!(c.comparator, Comparator::Exactly, "{text}");
            assert_eq!(
                (c.kind, deadline(&c)),
                (Kind::Target, "2027".to_owned()),
                "{text}"
            );
            let reason = format!("approximate figure ({word}): read as exactly");
            assert!(c.reasons.contains(&reason), "{text}: {:?}", c.reasons);
        }
        // 余 and 多 bound from below; a strict word wins.
        let c = one(&run("到2027年，培育数据企业300余家。"), "300家");
        assert_eq!(c.comparator, Comparator::MoreThan);
        assert!(
            c.reasons
                .iter()
                .any(|r| r == "approximate figure (余): read as more than")
        );
        let c = one(&run("到2027年，培育数据企业不少于300家左右。"), "300家");
        assert_eq!(c.comparator, Comparator::AtLeast);
    }

    #[test]
    fn a_group_that_is_built_or_counted_is_not_whose_figure_it_is() {
        for text in [
            "到2027年，建设国家数据标注基地3个。",
            "到2027年，建设国家级数据标注基地3个。",
            "到2027年，建成3个数据标注基地。",
            "到2027年，数据标注基地3个。",
        ] {
            let c = one(&run(text), "3个");
            assert_eq!(c.jurisdiction, None, "{text}");
            assert_eq!(c.jurisdiction_phrase, "", "{text}");
            assert_eq!(
                (c.kind, deadline(&c)),
                (Kind::Target, "2027".to_owned()),
                "{text}"
            );
        }
        // The place that builds it is.
        let c = one(
            &run("湖南省提出，到2027年，建好国家数据标注基地，标注数据规模达3000TB。"),
            "3000 TB",
        );
        assert_eq!(jur(&c), "430000");
        // Named as whose figures follow, it is still the group.
        let c = one(
            &run("截至2024年底，数据标注基地已建成高质量数据集335个。"),
            "335个",
        );
        assert_eq!(jur(&c), "national_annotation_bases");
        assert_eq!(c.jurisdiction_phrase, "数据标注基地");
    }

    #[test]
    fn an_amount_added_is_flagged_for_a_stock_metric() {
        let reason = "新增 states an amount added, not a level reached";
        let c = one(
            &run("苏州市提出，到2027年，新增高质量数据集200个。"),
            "200个",
        );
        assert_eq!(metric(&c), "high_quality_datasets");
        assert_eq!(
            (c.kind, c.comparator, deadline(&c)),
            (Kind::Target, Comparator::AtLeast, "2027".to_owned())
        );
        assert!(c.reasons.iter().any(|r| r == reason), "{:?}", c.reasons);
        assert_eq!(c.confidence, dec("0.75"));
        let level = one(
            &run("苏州市提出，到2027年，建成高质量数据集200个。"),
            "200个",
        );
        assert_eq!(level.confidence, dec("0.95"));
        assert!(level.reasons.is_empty());
        let c = one(&run("到2027年，全省新增200个高质量数据集。"), "200个");
        assert!(c.reasons.iter().any(|r| r == reason));
        let c = one(&run("到2027年，高质量数据集增加200个。"), "200个");
        assert!(
            c.reasons
                .iter()
                .any(|r| r == "增加 states an amount added, not a level reached")
        );
        // 增加到 states the level.
        let c = one(&run("到2027年，数据企业增加到500家。"), "500家");
        assert!(!c.reasons.iter().any(|r| r.contains("amount added")));
    }

    #[test]
    fn a_heading_that_repeats_its_paragraph_is_proposed_once() {
        // No metric recognised, and a deadline only in the text.
        let text = "工信部等七个部门联合印发实施方案\n\n近日，工信部、商务部等七个部门联合印发《实施方案(2025—2030年)》。";
        let found = run(text);
        assert_eq!(found.len(), 1, "{found:#?}");
        assert!(!found[0].reasons.iter().any(|r| r.contains("heading")));
        // The text gives the month; the heading only the year.
        let text = "武汉：2025年建设20个高质量数据集\n\n2月25日，武汉市提出，到2025年6月底，全市建设不少于20个高质量数据集。";
        let found = run(text);
        assert_eq!(found.len(), 1, "{found:#?}");
        let c = &found[0];
        assert_eq!(
            (metric(c), jur(c), deadline(c), c.comparator),
            (
                "high_quality_datasets",
                "420100",
                "2025-06".to_owned(),
                Comparator::AtLeast
            )
        );
        assert_eq!(c.quote, "全市建设不少于20个高质量数据集");
        // Other figures: a different year, a different place, or two
        // paragraphs of text, are kept apart.
        let text =
            "武汉：2026年建设20个高质量数据集\n\n武汉市提出，到2025年，全市建设20个高质量数据集。";
        assert_eq!(run(text).len(), 2);
        let text = "武汉建设20个高质量数据集\n\n苏州市提出，到2025年，全市建设20个高质量数据集。";
        assert_eq!(run(text).len(), 2);
        let text = "聚焦12个行业领域。\n\n覆盖12个行业领域。";
        assert_eq!(run(text).len(), 2);
    }
}
