//! Track, rank and compare **quantitative policy targets**: numeric goals such
//! as "Jiangsu: 1000 high-quality datasets by 2027" or "Hunan: data-annotation
//! volume of at least 3000 TB by 2027", each with its jurisdiction, deadline,
//! source document and the original words.
//!
//! The crate holds the domain model ([`Quantity`], [`Unit`], [`Deadline`],
//! [`Comparator`], [`Jurisdiction`], [`Metric`], [`Source`], [`Target`],
//! [`Observation`]), a strict loader for the TOML data format
//! ([`Catalog::load`]), the data it ships with ([`Catalog::bundled`]) and the
//! exports dashboards read ([`export`]). Values are exact decimals throughout:
//! no floating point in the model or the arithmetic, and a unit never mixes
//! with another dimension's.
//!
//! # Example
//!
//! ```
//! use policy_targets::{Catalog, Quantity};
//!
//! let catalog = Catalog::bundled()?;
//!
//! // Who promised what, by when: the targets of one metric.
//! let mut rows: Vec<String> = catalog
//!     .targets()
//!     .iter()
//!     .filter(|t| t.metric.as_str() == "high_quality_datasets")
//!     .map(|t| {
//!         let who = catalog.jurisdiction(t.jurisdiction.as_str()).unwrap();
//!         format!("{} {} {} by {}", who.name_en, t.comparator.symbol(), t.value, t.deadline)
//!     })
//!     .collect();
//! rows.sort();
//! // Two documents of Jiangsu set the same figure.
//! assert_eq!(rows[..3], ["Jiangsu ≥ 1000个 by 2027", "Jiangsu ≥ 1000个 by 2027", "Shanghai ≥ 1000个 by 2025"]);
//! assert_eq!(rows[3..], ["Suzhou ≥ 300个 by 2027", "Tianjin ≥ 2500个 by 2027", "Wuhan ≥ 20个 by 2025"]);
//!
//! // Quantities are parsed the way policy text writes them, exactly.
//! let workers: Quantity = "5.8万人".parse()?;
//! assert_eq!(workers.canonical_value().to_string(), "58000");
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```
//!
//! # Errors
//!
//! Loading reports every problem of the data at once, each with its file,
//! line, column and field, in the style `file:line:column: field: message`;
//! see [`Errors`], [`Error`] and [`ErrorKind`].
//!
//! # Design notes
//!
//! The domain model, the formulas, the output contracts and the layers of
//! the crate (its [architecture](design#architecture): where each concept
//! lives) are described in the [`design`] module.

#![forbid(unsafe_code)]
#![warn(missing_docs)]

mod util;

mod catalog;
pub mod design;
pub mod encode;
pub mod engine;
mod error;
pub mod extract;
mod load;
pub mod model;
pub mod output;
pub mod schema;
pub mod synth;

pub use catalog::Catalog;
/// The date type of as-of dates and deadlines (chrono's), so that a user
/// needs no dependency of their own to ask a question on a date.
pub use chrono::NaiveDate;
pub use engine::normalize::{Per, PerUnit};
pub use engine::{gap, index, progress, rank};
pub use error::{
    ArithmeticError, Columns, Counted, DataProblem, DimensionError, Error, ErrorKind, Errors,
    Expected, IndexProblem, ParseError, Position, Problem, ValueType,
};
pub use load::bulk;
pub use model::{
    Baseline, Basis, Comparator, Deadline, Dimension, Fit, Force, Grade, Id, Jurisdiction,
    JurisdictionCode, Lang, Level, Metric, Observation, PartialDate, Period, Polarity, Precision,
    Quantity, Source, Status, Target, Unit,
};
#[cfg(feature = "sqlite")]
pub use output::sqlite;
pub use output::{datapackage, export, html, list, report, table};
