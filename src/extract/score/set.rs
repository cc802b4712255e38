//! A labelled set: passages of policy text and the figures an analyst
//! records from each, read from TOML.

use std::ops::Range;
use std::path::{Path, PathBuf};

use chrono::NaiveDate;
use serde::Deserialize;
use toml::Spanned;

use crate::error::{Error, ErrorKind, Position};
use crate::{Comparator, JurisdictionCode, ParseError, Problem, Quantity};

use super::super::Kind;

/// Passages of text with the figures an analyst records from each: the
/// yardstick [`score`](super::score) measures the extractor against.
///
/// ```
/// use policy_targets::extract::score::LabelledSet;
///
/// let set = LabelledSet::from_toml(r#"
/// [[passage]]
/// id = "a"
/// published = "2025-03-01"
/// text = "到2027年，苏州市建成300个高质量数据集。"
/// [[passage.figure]]
/// value = "300"
/// unit = "个"
/// kind = "target"
/// comparator = "at_least"
/// jurisdiction = "320500"
/// year = 2027
/// metric_phrase = "高质量数据集"
/// "#, None)?;
/// assert_eq!(set.passages[0].figures[0].value.to_string(), "300个");
/// assert_eq!(set.passages[0].published.unwrap().to_string(), "2025-03-01");
/// # Ok::<(), policy_targets::Error>(())
/// ```
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct LabelledSet {
    /// The passages, in the order of the file.
    pub passages: Vec<Passage>,
}

/// One passage of a [`LabelledSet`] and its labels.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Passage {
    /// The passage's id, unique in its set.
    pub id: String,
    /// Where the text was read, if the set says.
    pub url: Option<String>,
    /// The date the text was published, if known.
    pub published: Option<NaiveDate>,
    /// The code of the place the passage is about, if any.
    pub about: Option<JurisdictionCode>,
    /// The text, as the page shows it.
    pub text: String,
    /// Every figure an analyst records from the text; none for a passage
    /// with no figure worth recording.
    pub figures: Vec<Label>,
}

/// A figure of a passage as an analyst records it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Label {
    /// The value and unit as written (the lower bound of a range).
    pub value: Quantity,
    /// Target or reported figure.
    pub kind: Kind,
    /// How the value is meant.
    pub comparator: Comparator,
    /// Whose figure it is.
    pub jurisdiction: Option<JurisdictionCode>,
    /// The deadline's year for a target, the as-of year for a reported
    /// figure.
    pub year: Option<i32>,
    /// The words naming what is measured.
    pub metric_phrase: String,
    /// Why the figure is labelled so, where it needs saying.
    pub note: Option<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawSet {
    #[serde(default)]
    passage: Vec<RawPassage>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawPassage {
    id: Spanned<String>,
    url: Option<String>,
    published: Option<Spanned<String>>,
    about: Option<Spanned<String>>,
    text: String,
    #[serde(default)]
    figure: Vec<RawLabel>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawLabel {
    value: Spanned<String>,
    unit: Spanned<String>,
    kind: Spanned<String>,
    comparator: Spanned<String>,
    jurisdiction: Option<Spanned<String>>,
    year: Option<i32>,
    #[serde(default)]
    metric_phrase: String,
    note: Option<String>,
}

/// Where errors of one file are placed.
struct Place<'t> {
    text: &'t str,
    file: Option<PathBuf>,
}

impl Place<'_> {
    fn error(&self, kind: ErrorKind, span: Option<Range<usize>>, field: &str) -> Error {
        let mut position = Position::new();
        if let Some(file) = &self.file {
            position = position.with_file(file.clone());
        }
        if let Some(span) = span {
            let (line, column) = line_column(self.text, span.start);
            position = position.with_line_column(line, column);
        }
        if !field.is_empty() {
            position = position.with_field(field);
        }
        Error::new(kind, Some(position))
    }

    fn parse<T>(&self, value: &Spanned<String>, field: &str) -> Result<T, Error>
    where
        T: std::str::FromStr<Err = ParseError>,
    {
        value
            .get_ref()
            .trim()
            .parse()
            .map_err(|e: ParseError| self.error(e.into(), Some(value.span()), field))
    }
}

/// The 1-based line and column (in characters) of byte `at` of `text`.
fn line_column(text: &str, at: usize) -> (u64, u64) {
    let before = &text[..at.min(text.len())];
    let line = before.matches('\n').count() + 1;
    let start = before.rfind('\n').map_or(0, |i| i + 1);
    let column = before[start..].chars().count() + 1;
    (line as u64, column as u64)
}

impl LabelledSet {
    /// Reads a labelled set from the TOML file at `path`.
    ///
    /// # Errors
    ///
    /// The file cannot be read, or [`LabelledSet::from_toml`] fails.
    pub fn read(path: &Path) -> Result<LabelledSet, Error> {
        let text = std::fs::read_to_string(path).map_err(|e| {
            Error::new(
                ErrorKind::Io(e),
                Some(Position::new().with_file(path.to_path_buf())),
            )
        })?;
        LabelledSet::from_toml(&text, Some(path))
    }

    /// Reads a labelled set from TOML text: `[[passage]]` tables with `id`,
    /// `text`, optional `url`, `published` (`YYYY-MM-DD`) and `about` (a
    /// jurisdiction code), each with `[[passage.figure]]` tables of `value`
    /// and `unit` as written, `kind` (`target` or `observation`),
    /// `comparator` (`at_least`, `more_than`, `exactly`, ...), and optional
    /// `jurisdiction`, `year`, `metric_phrase` and `note`. `file` names the
    /// file in errors.
    ///
    /// # Errors
    ///
    /// Invalid TOML, an unknown or missing key, a value that does not parse
    /// (a unit, a comparator, a date, a code) or two passages with one id:
    /// the error names the file, line and field.
    pub fn from_toml(text: &str, file: Option<&Path>) -> Result<LabelledSet, Error> {
        let place = Place {
            text,
            file: file.map(Path::to_path_buf),
        };
        let raw: RawSet = toml::from_str(text).map_err(|e| {
            let message = format!("invalid labelled set: {}", e.message().trim());
            place.error(ErrorKind::Syntax(message), e.span(), "")
        })?;
        let mut passages: Vec<Passage> = Vec::with_capacity(raw.passage.len());
        for (i, p) in raw.passage.into_iter().enumerate() {
            let field = format!("passage[{}]", i + 1);
            if passages.iter().any(|q| q.id == *p.id.get_ref()) {
                let kind = ErrorKind::Syntax(format!("duplicate passage id {:?}", p.id.get_ref()));
                return Err(place.error(kind, Some(p.id.span()), &format!("{field}.id")));
            }
            passages.push(place.passage(p, &field)?);
        }
        Ok(LabelledSet { passages })
    }

    /// The number of labels of every passage.
    pub fn labels(&self) -> usize {
        self.passages.iter().map(|p| p.figures.len()).sum()
    }
}

impl Place<'_> {
    fn passage(&self, p: RawPassage, field: &str) -> Result<Passage, Error> {
        let published = match &p.published {
            Some(date) => Some(
                NaiveDate::parse_from_str(date.get_ref().trim(), "%Y-%m-%d").map_err(|_| {
                    self.error(
                        ParseError::typed("date", date.get_ref(), Problem::DayForm).into(),
                        Some(date.span()),
                        &format!("{field}.published"),
                    )
                })?,
            ),
            None => None,
        };
        let about = match &p.about {
            Some(code) => Some(self.parse(code, &format!("{field}.about"))?),
            None => None,
        };
        let mut figures = Vec::with_capacity(p.figure.len());
        for (j, label) in p.figure.into_iter().enumerate() {
            figures.push(self.label(label, &format!("{field}.figure[{}]", j + 1))?);
        }
        Ok(Passage {
            id: p.id.into_inner(),
            url: p.url,
            published,
            about,
            text: p.text,
            figures,
        })
    }

    fn label(&self, label: RawLabel, field: &str) -> Result<Label, Error> {
        let value = Quantity::from_parts(label.value.get_ref(), Some(label.unit.get_ref().trim()))
            .map_err(|e| {
                self.error(
                    e.into(),
                    Some(label.value.span()),
                    &format!("{field}.value"),
                )
            })?;
        let kind = match label.kind.get_ref().trim() {
            "target" => Kind::Target,
            "observation" => Kind::Observation,
            other => {
                let problem = Problem::OneOf(vec!["target", "observation"]);
                return Err(self.error(
                    ParseError::typed("kind", other, problem).into(),
                    Some(label.kind.span()),
                    &format!("{field}.kind"),
                ));
            }
        };
        let comparator = self.parse(&label.comparator, &format!("{field}.comparator"))?;
        let jurisdiction = match &label.jurisdiction {
            Some(code) => Some(self.parse(code, &format!("{field}.jurisdiction"))?),
            None => None,
        };
        Ok(Label {
            value,
            kind,
            comparator,
            jurisdiction,
            year: label.year,
            metric_phrase: label.metric_phrase,
            note: label.note,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn error_of(text: &str) -> String {
        let err = LabelledSet::from_toml(text, Some(Path::new("set.toml"))).unwrap_err();
        let position = err.position().unwrap();
        format!(
            "{}:{}:{} {}: {}",
            position.file().unwrap().display(),
            position.line().unwrap_or(0),
            position.column().unwrap_or(0),
            position.field().unwrap_or(""),
            err.kind()
        )
    }

    const HEAD: &str = "[[passage]]\nid = \"a\"\ntext = \"x\"\n[[passage.figure]]\n";

    #[test]
    fn reads_a_label_in_the_canonical_unit() {
        let text = format!(
            "{HEAD}value = \"1.2\"\nunit = \"万亿元\"\nkind = \"observation\"\ncomparator = \"more_than\"\njurisdiction = \"100000\"\nyear = 2024\n"
        );
        let set = LabelledSet::from_toml(&text, None).unwrap();
        let label = &set.passages[0].figures[0];
        assert_eq!(label.value.canonical_value().to_string(), "1200000000000");
        assert_eq!(label.kind, Kind::Observation);
        assert_eq!(label.comparator, Comparator::MoreThan);
        assert_eq!(label.jurisdiction.as_ref().unwrap().as_str(), "100000");
        assert_eq!(set.labels(), 1);
    }

    #[test]
    fn a_bad_unit_is_placed_at_its_line_and_field() {
        let text = format!(
            "{HEAD}value = \"12\"\nunit = \"furlongs\"\nkind = \"target\"\ncomparator = \"at_least\"\n"
        );
        let message = error_of(&text);
        assert!(
            message.starts_with("set.toml:5:9 passage[1].figure[1].value: "),
            "{message}"
        );
    }

    #[test]
    fn a_bad_kind_and_a_bad_comparator_are_named() {
        let text = format!(
            "{HEAD}value = \"12\"\nunit = \"个\"\nkind = \"goal\"\ncomparator = \"at_least\"\n"
        );
        assert!(error_of(&text).contains("passage[1].figure[1].kind"));
        let text = format!(
            "{HEAD}value = \"12\"\nunit = \"个\"\nkind = \"target\"\ncomparator = \"gte\"\n"
        );
        assert!(error_of(&text).starts_with("set.toml:8:14 passage[1].figure[1].comparator"));
    }

    #[test]
    fn unknown_keys_duplicate_ids_and_bad_dates_are_errors() {
        let message = error_of("[[passage]]\nid = \"a\"\ntext = \"x\"\ncolour = 1\n");
        assert!(message.contains("set.toml:4:1"), "{message}");
        assert!(message.contains("colour"), "{message}");
        let two = "[[passage]]\nid = \"a\"\ntext = \"x\"\n[[passage]]\nid = \"a\"\ntext = \"y\"\n";
        let message = error_of(two);
        assert!(
            message.starts_with("set.toml:5:6 passage[2].id: duplicate passage id"),
            "{message}"
        );
        let date = "[[passage]]\nid = \"a\"\ntext = \"x\"\npublished = \"2025-13-01\"\n";
        assert!(error_of(date).contains("passage[1].published"));
        let missing = "[[passage]]\nid = \"a\"\n";
        assert!(error_of(missing).contains("text"));
    }
}
