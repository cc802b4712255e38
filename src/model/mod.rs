//! The domain model: exact numbers and quantities with their units, dates
//! and deadlines, identifiers, comparators, and the records of a catalogue
//! (jurisdictions, metrics, sources, targets, observations).
//!
//! Every type here parses with `FromStr` and shows with `Display`, and the
//! two round-trip. The model has its own errors ([`ParseError`],
//! [`DimensionError`], [`ArithmeticError`]) and depends on nothing else in
//! the crate but its private helpers.

mod comparator;
mod date;
mod error;
mod id;
mod jurisdiction;
mod lang;
mod metric;
pub(crate) mod number;
mod quantity;
mod source;
mod target;
mod unit;

pub use comparator::Comparator;
pub use date::{Deadline, PartialDate, Period, Precision};
pub use error::{ArithmeticError, DimensionError, Operation, ParseError, Problem};
pub use id::Id;
pub(crate) use id::check_snake_case;
pub use jurisdiction::{Jurisdiction, JurisdictionCode, Level};
pub use lang::Lang;
pub use metric::{Basis, Fit, Metric, Polarity};
pub use number::NumberProblem;
pub use quantity::Quantity;
pub use source::{Force, Grade, Source, Status};
pub use target::{Baseline, Observation, Target};
pub use unit::{Dimension, Unit};
