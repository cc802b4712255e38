//! Candidates as JSON for review tools ([`to_json`], [`CandidatesJson`]).

use chrono::NaiveDate;
use serde::Serialize;

use crate::encode::JsonDecimal;

use super::Candidate;
use super::toml::in_unit;

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
    reasons: Vec<String>,
    /// How the date (`deadline` or `as_of`) was inferred when the text does
    /// not write it out; null when it does.
    date_inferred: Option<JsonInferred<'a>>,
}

/// A date inferred from the date of writing.
#[derive(Serialize, schemars::JsonSchema)]
#[schemars(rename = "InferredDate")]
struct JsonInferred<'a> {
    /// The relative words read (今年, 上半年, 目前); empty when the figure
    /// has no date of its own and takes the date of writing.
    words: &'a str,
    /// The date of writing it was read with.
    reference: String,
    /// Where that date comes from: `published` (--published) or
    /// `date_line` (a date line of the text).
    from: &'static str,
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
            reasons: c.reasons.iter().map(ToString::to_string).collect(),
            date_inferred: c.date_inferred.as_ref().map(|d| JsonInferred {
                words: &d.words,
                reference: d.reference.to_string(),
                from: d.from.as_str(),
            }),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::super::tests::run;
    use super::*;

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
}
