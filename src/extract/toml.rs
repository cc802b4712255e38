//! Candidates as entries of a data file under `targets/sources/`
//! ([`to_toml`]).

use std::collections::{HashMap, HashSet};

use rust_decimal::Decimal;

use crate::model::number::scale_pow10;
use crate::{Comparator, Dimension, Id, PartialDate, Quantity, Unit};

use super::candidate::metric_like;
use super::{Candidate, Kind, Reason};

/// A comment [`to_toml_with`] writes, typed so that it can be said in any
/// language: [`Comment::english`] is what [`to_toml`] writes. The text is
/// without the leading `# `; a comment of several lines has them joined by
/// `\n`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub enum Comment<'a> {
    /// What the file is and what to do with it, before the `[source]` table.
    Header,
    /// An entry's confidence and the reasons for it.
    Confidence {
        /// The confidence, from 0 to 1.
        confidence: Decimal,
        /// Why it is not higher (or how it was read).
        reasons: &'a [Reason],
    },
    /// Why an entry is written commented out.
    Incomplete(Incomplete<'a>),
    /// The place a code was given for is not in the catalogue.
    NotInJurisdictions {
        /// The place as the text names it.
        phrase: &'a str,
    },
    /// The words that name a measure the catalogue lacks, and the id of the
    /// new metric proposed for them at the end of the file.
    ProposedBelow {
        /// The words.
        name: &'a str,
        /// The id proposed.
        id: &'a str,
    },
    /// What to do with the proposed `[[metric]]` entries that follow.
    Proposals,
}

/// Why an entry is written commented out.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub enum Incomplete<'a> {
    /// Fields the data format requires are missing.
    Missing(&'a [Field]),
    /// The confidence is below 0.5.
    LowConfidence,
}

/// A field an extracted entry may lack.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub enum Field {
    /// `jurisdiction`: no place was found.
    Jurisdiction,
    /// `jurisdiction`: the place found is not in the catalogue.
    CatalogueJurisdiction,
    /// `metric`.
    Metric,
    /// `upper`: the upper bound is in another dimension.
    Upper,
    /// A target's `deadline`.
    Deadline,
    /// A reported figure's `as_of`.
    AsOf,
}

impl Field {
    /// The field as [`to_toml`] names it.
    pub fn english(self) -> &'static str {
        match self {
            Field::Jurisdiction => "jurisdiction",
            Field::CatalogueJurisdiction => "a jurisdiction of the catalogue",
            Field::Metric => "metric",
            Field::Upper => "upper",
            Field::Deadline => "deadline",
            Field::AsOf => "as_of",
        }
    }
}

impl Comment<'_> {
    /// The comment in English, as [`to_toml`] writes it.
    pub fn english(&self) -> String {
        match self {
            Comment::Header => {
                "Candidate entries read from policy text. Check each against its quote,\n\
                 fill in the [source] table, and complete or delete the entries written\n\
                 as comments (they lack a field or have a low confidence)."
                    .to_owned()
            }
            Comment::Confidence {
                confidence,
                reasons,
            } => {
                let mut note = format!("confidence {confidence}");
                if !reasons.is_empty() {
                    let reasons: Vec<String> = reasons.iter().map(ToString::to_string).collect();
                    note.push_str(": ");
                    note.push_str(&reasons.join("; "));
                }
                note
            }
            Comment::Incomplete(why) => {
                let why = match why {
                    Incomplete::LowConfidence => "low confidence".to_owned(),
                    Incomplete::Missing(fields) => {
                        let fields: Vec<&str> = fields.iter().map(|f| f.english()).collect();
                        format!("missing {}", fields.join(", "))
                    }
                };
                format!("Incomplete ({why}): complete and uncomment.")
            }
            Comment::NotInJurisdictions { phrase } => {
                format!("{phrase} is not in jurisdictions.toml")
            }
            Comment::ProposedBelow { name, id } => format!("{name} (proposed below as {id})"),
            Comment::Proposals => {
                "Measures the text names that metrics.toml lacks. To accept one, choose its\n\
                 id and English name, add it to metrics.toml, and set `metric` in the\n\
                 entries above that name it."
                    .to_owned()
            }
        }
    }
}

/// `text` as comment lines, each after `# `, each ending in a newline.
fn comment_lines(text: &str) -> String {
    text.lines().map(|line| format!("# {line}\n")).collect()
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
    to_toml_with(candidates, source, &|comment| comment.english())
}

/// [`to_toml`] with its comments said by `say`: the same keys and values,
/// the comments in another language (the library's Chinese ones are
/// `policy_targets::output::labels::toml_comment_zh`).
///
/// ```
/// use policy_targets::{Catalog, Id};
/// use policy_targets::extract::{Comment, extract, to_toml, to_toml_with};
///
/// let catalog = Catalog::bundled()?;
/// let found = extract("苏州市提出，到2027年打造不少于500个典型数据产品。", &catalog);
/// let source: Id = "suzhou_plan".parse()?;
/// let english = to_toml_with(&found, &source, &|c: Comment<'_>| c.english());
/// assert_eq!(english, to_toml(&found, &source));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub fn to_toml_with(
    candidates: &[Candidate],
    source: &Id,
    say: &dyn Fn(Comment<'_>) -> String,
) -> String {
    let mut out = comment_lines(&say(Comment::Header));
    out.push_str("#\n# [source]\n");
    out.push_str(&format!("# id = {}\n", toml_string(source.as_str())));
    out.push_str("# title = \"?\"\n# issuer = \"?\"\n# published = ?\n");
    out.push_str("# status = \"final\"\n# force = \"plan\"\n");
    let mut ids = Ids::default();
    let proposed = proposed_metrics(candidates);
    for c in candidates {
        out.push('\n');
        out.push_str(&toml_entry(c, &mut ids, &proposed, say));
    }
    out.push_str(&metric_proposals(&proposed, say));
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

/// A TOML basic string.
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

/// A date as TOML: a year as an integer, else a string.
fn toml_date(date: PartialDate) -> String {
    match date {
        PartialDate::Year(y) => y.to_string(),
        other => format!("\"{other}\""),
    }
}

/// The value of `q` in the unit `unit`, exactly.
pub(super) fn in_unit(q: &Quantity, unit: Unit) -> Option<Decimal> {
    if q.unit() == unit {
        return Some(q.value());
    }
    if q.dimension() != unit.dimension() {
        return None;
    }
    scale_pow10(q.canonical_value(), -unit.exponent_to_canonical()).map(|d| d.normalize())
}

/// `s` as a part of an id: ASCII letters and digits, lowercased, and `_`.
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

impl Ids {
    /// A new id for `c`, from its metric, jurisdiction and date: the stem,
    /// else the stem and the first number from 2 not given yet.
    fn give(&mut self, c: &Candidate) -> String {
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
        let k = self.next.entry(base.clone()).or_insert(2);
        while !self.given.insert(id.clone()) {
            id = format!("{base}_{k}");
            *k += 1;
        }
        id
    }
}

/// The lines of an entry, and the fields the data format requires that
/// they lack.
#[derive(Default)]
struct Entry {
    lines: Vec<String>,
    missing: Vec<Field>,
}

impl Entry {
    fn line(&mut self, line: String) {
        self.lines.push(line);
    }

    /// A placeholder line for a missing `field`.
    fn missing(&mut self, field: Field, line: String) {
        self.missing.push(field);
        self.lines.push(line);
    }

    /// The entry after a comment with the confidence and its reasons,
    /// commented out when a field is missing or the confidence is low.
    fn write(self, c: &Candidate, say: &dyn Fn(Comment<'_>) -> String) -> String {
        let note = say(Comment::Confidence {
            confidence: c.confidence,
            reasons: &c.reasons,
        });
        let mut out = format!("# {}\n", note.replace('\n', " "));
        let low = c.confidence < Decimal::new(5, 1);
        if self.missing.is_empty() && !low {
            for line in self.lines {
                out.push_str(&line);
                out.push('\n');
            }
        } else {
            let why = if self.missing.is_empty() {
                Incomplete::LowConfidence
            } else {
                Incomplete::Missing(&self.missing)
            };
            out.push_str(&comment_lines(&say(Comment::Incomplete(why))));
            for line in self.lines {
                out.push_str("# ");
                out.push_str(&line);
                out.push('\n');
            }
        }
        out
    }
}

/// The names of measures the catalogue lacks that confident `candidates`
/// give (软件业务收入), once each in the order of the text, with their
/// dimension.
fn proposed_metrics(candidates: &[Candidate]) -> Vec<(String, Dimension)> {
    let mut out: Vec<(String, Dimension)> = Vec::new();
    for c in candidates {
        let dimension = c.value.dimension();
        let name = c.metric_phrase.replace('\n', "");
        if c.metric.is_none()
            && c.confidence >= Decimal::new(5, 1)
            && metric_like(&name, dimension)
            && !out.iter().any(|(n, _)| *n == name)
        {
            out.push((name, dimension));
        }
    }
    out
}

/// The id proposed for the `k`-th new metric.
fn proposed_id(k: usize) -> String {
    format!("new_metric_{}", k + 1)
}

/// Commented `[[metric]]` entries for the measures the catalogue lacks,
/// to complete and add to `metrics.toml`.
fn metric_proposals(
    proposed: &[(String, Dimension)],
    say: &dyn Fn(Comment<'_>) -> String,
) -> String {
    if proposed.is_empty() {
        return String::new();
    }
    let mut out = format!("\n{}", comment_lines(&say(Comment::Proposals)));
    for (k, (name, dimension)) in proposed.iter().enumerate() {
        let basis = if *dimension == Dimension::Money {
            "flow"
        } else {
            "stock"
        };
        out.push_str(&format!(
            "#\n# [[metric]]\n# id = {}\n# name_zh = {}\n# name_en = \"?\"\n\
             # dimension = {}\n# polarity = \"higher_is_better\"\n# basis = {}\n\
             # aliases = [{}]\n",
            toml_string(&proposed_id(k)),
            toml_string(name),
            toml_string(dimension.as_str()),
            toml_string(basis),
            toml_string(name),
        ));
    }
    out
}

/// The entry of one candidate, with a new id from `ids`; `proposed` are the
/// new metrics proposed.
fn toml_entry(
    c: &Candidate,
    ids: &mut Ids,
    proposed: &[(String, Dimension)],
    say: &dyn Fn(Comment<'_>) -> String,
) -> String {
    let id = ids.give(c);
    let mut entry = Entry::default();
    entry.line(format!("[[{}]]", c.kind.as_str()));
    entry.line(format!("id = {}", toml_string(&id)));
    jurisdiction_line(c, &mut entry, say);
    metric_line(c, &mut entry, proposed, say);
    value_lines(c, &mut entry);
    date_lines(c, &mut entry);
    entry.line(format!("quote = {}", toml_string(&c.quote)));
    entry.write(c, say)
}

/// `jurisdiction`: a code of the catalogue, else a placeholder.
fn jurisdiction_line(c: &Candidate, entry: &mut Entry, say: &dyn Fn(Comment<'_>) -> String) {
    match (&c.jurisdiction, c.jurisdiction_in_catalog) {
        (Some(j), true) => entry.line(format!("jurisdiction = {}", toml_string(j.as_str()))),
        (Some(j), false) => entry.missing(
            Field::CatalogueJurisdiction,
            format!(
                "jurisdiction = {}  # {}",
                toml_string(j.as_str()),
                say(Comment::NotInJurisdictions {
                    phrase: &c.jurisdiction_phrase
                })
                .replace('\n', " ")
            ),
        ),
        (None, _) => entry.missing(Field::Jurisdiction, "jurisdiction = \"?\"".to_owned()),
    }
}

/// `metric`: a metric of the catalogue, else a placeholder with the words
/// that probably name it, and the id of the new metric proposed for them.
fn metric_line(
    c: &Candidate,
    entry: &mut Entry,
    proposed: &[(String, Dimension)],
    say: &dyn Fn(Comment<'_>) -> String,
) {
    let name = c.metric_phrase.replace('\n', "");
    match &c.metric {
        Some(m) => entry.line(format!("metric = {}", toml_string(m.as_str()))),
        None => match proposed.iter().position(|(n, _)| *n == name) {
            Some(k) => entry.missing(
                Field::Metric,
                format!(
                    "metric = \"?\"  # {}",
                    say(Comment::ProposedBelow {
                        name: &name,
                        id: &proposed_id(k)
                    })
                    .replace('\n', " ")
                ),
            ),
            None => entry.missing(
                Field::Metric,
                format!("metric = \"?\"  # {}", c.metric_phrase.replace('\n', " ")),
            ),
        },
    }
}

/// `comparator` (unless a reported figure is exact), `value`, `unit` and
/// `upper`.
fn value_lines(c: &Candidate, entry: &mut Entry) {
    if c.kind == Kind::Target || c.comparator != Comparator::Exactly {
        entry.line(format!(
            "comparator = {}",
            toml_string(c.comparator.as_str())
        ));
    }
    entry.line(format!("value = {}", toml_number(c.value.value())));
    entry.line(format!(
        "unit = {}",
        toml_string(&c.value.unit().to_string())
    ));
    if let Some(upper) = &c.upper {
        match in_unit(upper, c.value.unit()) {
            Some(v) => entry.line(format!("upper = {}", toml_number(v))),
            None => entry.missing(Field::Upper, format!("upper = \"?\"  # {upper}")),
        }
    }
}

/// A target's `deadline` and `period`, a reported figure's `as_of`.
fn date_lines(c: &Candidate, entry: &mut Entry) {
    match c.kind {
        Kind::Target => {
            match c.deadline {
                Some(d) => entry.line(format!("deadline = {}", toml_date(d.date()))),
                None => entry.missing(Field::Deadline, "deadline = ?".to_owned()),
            }
            if let Some(p) = c.period {
                entry.line(format!("period = {}", toml_string(&p.to_string())));
            }
        }
        Kind::Observation => match c.as_of {
            Some(d) => entry.line(format!("as_of = {}", toml_date(d))),
            None => entry.missing(Field::AsOf, "as_of = ?".to_owned()),
        },
    }
}

#[cfg(test)]
mod tests {
    use super::super::tests::{one, run};
    use super::*;
    use crate::Catalog;

    #[test]
    fn toml_output_validates() {
        let text = "到2027年，江苏省建成1000个高质量数据集，打造3—5个可信数据空间，标注从业人员达5.8万人。\
                    截至2024年底，武汉市已建成高质量数据集80个。\n\n\
                    到2027年，建成高质量数据集50个。香港特别行政区建成高质量数据集500个。";
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
            toml.contains(
                "# jurisdiction = \"810000\"  # 香港特别行政区 is not in jurisdictions.toml"
            ),
            "{toml}"
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
}
