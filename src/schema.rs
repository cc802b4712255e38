//! JSON Schemas of every JSON output, generated from the types that write
//! the outputs, so a dashboard can validate what it receives.
//!
//! The schemas are shipped in the repository's `schemas/` folder; a test
//! checks that the shipped files equal what this module generates and that
//! real outputs validate against them.
//!
//! ```
//! use policy_targets::schema::{Contract, schema};
//!
//! let text = schema(Contract::Rank);
//! assert!(text.contains(r#""title": "Ranking""#));
//! ```

use std::borrow::Cow;

use schemars::generate::SchemaSettings;
use schemars::transform::RecursiveTransform;
use schemars::{JsonSchema, Schema, SchemaGenerator, json_schema};

/// A JSON output with a contract.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Contract {
    /// `targets export --format json`.
    Export,
    /// `targets rank --format json`.
    Rank,
    /// `targets gap --format json`.
    Gap,
    /// `targets progress --format json`.
    Progress,
    /// `targets extract --format json`.
    Extract,
    /// `targets list KIND --format json`.
    List,
    /// `targets index --format json`.
    Index,
}

impl Contract {
    /// Every contract.
    pub const ALL: [Contract; 7] = [
        Contract::Export,
        Contract::Rank,
        Contract::Gap,
        Contract::Progress,
        Contract::Extract,
        Contract::List,
        Contract::Index,
    ];

    /// The file name of its shipped schema (`rank.schema.json`).
    pub fn file_name(self) -> &'static str {
        match self {
            Contract::Export => "export.schema.json",
            Contract::Rank => "rank.schema.json",
            Contract::Gap => "gap.schema.json",
            Contract::Progress => "progress.schema.json",
            Contract::Extract => "extract.schema.json",
            Contract::List => "list.schema.json",
            Contract::Index => "index.schema.json",
        }
    }
}

/// The JSON Schema (draft 2020-12) of a contract, pretty-printed.
///
/// The schemas describe what the outputs **write** (schemars' serialize
/// contract) and hold them to it: every field an output always writes is
/// `required`, even when its value may be `null`; an object may hold no field
/// the schema does not name (`additionalProperties: false`); and `version` is
/// the constant [`FORMAT_VERSION`](crate::encode::FORMAT_VERSION), so a
/// dashboard that validates its input notices a renamed or dropped field and
/// a new contract version.
pub fn schema(contract: Contract) -> String {
    let generator = SchemaSettings::draft2020_12()
        .for_serialize()
        .with_transform(RecursiveTransform(strict as fn(&mut Schema)))
        .into_generator();
    let schema = match contract {
        Contract::Export => generator.into_root_schema_for::<crate::output::export::Document>(),
        Contract::Rank => generator.into_root_schema_for::<crate::output::RankingJson<'static>>(),
        Contract::Gap => generator.into_root_schema_for::<crate::output::GapJson<'static>>(),
        Contract::Progress => {
            generator.into_root_schema_for::<crate::output::ProgressJson<'static>>()
        }
        Contract::Extract => {
            generator.into_root_schema_for::<crate::extract::CandidatesJson<'static>>()
        }
        Contract::List => generator.into_root_schema_for::<crate::list::ListingJson<'static>>(),
        Contract::Index => generator.into_root_schema_for::<crate::output::IndexJson<'static>>(),
    };
    let mut text = serde_json::to_string_pretty(&schema).unwrap_or_default();
    text.push('\n');
    text
}

/// Closes every object schema to fields it does not name, and pins
/// `version` to the current contract version.
fn strict(schema: &mut Schema) {
    let Some(object) = schema.as_object_mut() else {
        return;
    };
    let Some(properties) = object
        .get_mut("properties")
        .and_then(serde_json::Value::as_object_mut)
    else {
        return;
    };
    if let Some(version) = properties.get_mut("version") {
        *version = serde_json::json!({
            "description": "The contract version; see CHANGELOG.md.",
            "const": crate::encode::FORMAT_VERSION
        });
    }
    object
        .entry("additionalProperties")
        .or_insert(serde_json::Value::Bool(false));
}

impl JsonSchema for crate::encode::JsonDecimal {
    fn schema_name() -> Cow<'static, str> {
        "Decimal".into()
    }
    fn json_schema(_: &mut SchemaGenerator) -> Schema {
        json_schema!({
            "type": "number",
            "description": "An exact decimal: the JSON number carries exactly its digits (never a binary float)."
        })
    }
}

macro_rules! string_schema {
    ($t:ty, $name:literal, $description:literal) => {
        impl JsonSchema for $t {
            fn schema_name() -> Cow<'static, str> {
                $name.into()
            }
            fn json_schema(_: &mut SchemaGenerator) -> Schema {
                json_schema!({ "type": "string", "description": $description })
            }
        }
    };
    ($t:ty, $name:literal, $description:literal, [$($value:literal),+]) => {
        impl JsonSchema for $t {
            fn schema_name() -> Cow<'static, str> {
                $name.into()
            }
            fn json_schema(_: &mut SchemaGenerator) -> Schema {
                json_schema!({ "type": "string", "description": $description, "enum": [$($value),+] })
            }
        }
    };
}

string_schema!(crate::Id, "Id", "A snake_case identifier.");
string_schema!(
    crate::JurisdictionCode,
    "JurisdictionCode",
    "A 6-digit GB/T 2260 code (the nation is 100000) or a snake_case group slug."
);
string_schema!(
    crate::Unit,
    "Unit",
    "A unit as written (个, TB, 亿元, 万人, %) or a canonical unit (count, TB, CNY, person, percent, PFLOPS)."
);
string_schema!(
    crate::PartialDate,
    "PartialDate",
    "A year (2027), a month (2025-06) or a day (2025-06-13)."
);
string_schema!(
    crate::Period,
    "Period",
    "A plan period, START/END (2025/2027)."
);
string_schema!(
    crate::list::Kind,
    "ListKind",
    "What is listed.",
    ["metrics", "jurisdictions", "sources"]
);
string_schema!(
    crate::Per,
    "Per",
    "The normalisation: none, capita, gdp, year or a combination such as capita,year."
);
string_schema!(
    crate::Precision,
    "Precision",
    "How precisely a date is known.",
    ["year", "month", "day"]
);
string_schema!(
    crate::Level,
    "Level",
    "An administrative level.",
    ["nation", "province", "prefecture", "county", "group"]
);
string_schema!(
    crate::Dimension,
    "Dimension",
    "What a quantity measures.",
    [
        "count",
        "data_volume",
        "money",
        "persons",
        "share",
        "compute"
    ]
);
string_schema!(
    crate::Polarity,
    "Polarity",
    "Whether more is better.",
    ["higher_is_better", "lower_is_better"]
);
string_schema!(
    crate::Basis,
    "Basis",
    "Stock (level reached) or flow (amount added).",
    ["stock", "flow"]
);
string_schema!(
    crate::Fit,
    "Fit",
    "How a trend is fitted: linear on the values, compound on their logarithms.",
    ["linear", "compound"]
);
string_schema!(
    crate::Status,
    "SourceStatus",
    "Draft for comment or final.",
    ["draft", "final"]
);
string_schema!(
    crate::Force,
    "Force",
    "Legal force.",
    ["law", "regulation", "plan", "notice", "statement"]
);
string_schema!(
    crate::gap::Standing,
    "Standing",
    "Where the subject stands against the benchmark.",
    ["ahead", "level", "behind"]
);
string_schema!(
    crate::Grade,
    "Grade",
    "How directly the source's address shows the issuer's words.",
    ["official", "press", "mirror", "summary"]
);
string_schema!(
    crate::Comparator,
    "Comparator",
    "How a target's value is meant.",
    [
        "at_least",
        "more_than",
        "at_most",
        "less_than",
        "exactly",
        "range"
    ]
);
string_schema!(
    crate::engine::progress::Status,
    "ProgressStatus",
    "The verdict on a target.",
    [
        "met",
        "missed",
        "no_data",
        "insufficient_data",
        "on_track",
        "acceleration_needed",
        "limited_progress",
        "moving_away"
    ]
);
string_schema!(
    crate::engine::progress::Fallback,
    "Fallback",
    "Why a trend is not the fit asked for.",
    ["non_positive_figure"]
);
string_schema!(
    crate::engine::progress::Pace,
    "Pace",
    "How the rates were computed.",
    ["linear", "compound"]
);
string_schema!(
    crate::index::Scaling,
    "Scaling",
    "How each metric's values are scaled before aggregation.",
    ["minmax", "zscore", "rank", "leader"]
);
string_schema!(
    crate::index::Aggregation,
    "Aggregation",
    "How a jurisdiction's scaled values are combined.",
    ["arithmetic", "geometric"]
);
string_schema!(
    crate::index::Input,
    "IndexInput",
    "An uncertain input of a composite index.",
    ["weights", "scaling", "aggregation"]
);
