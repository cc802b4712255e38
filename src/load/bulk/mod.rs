//! Bulk input: tidy CSV tables beside the TOML files of a data folder.
//!
//! A data folder may hold, beside `jurisdictions.toml`, `metrics.toml` and
//! `sources/*.toml`:
//!
//! - `observations.csv` with the columns `jurisdiction,metric,as_of,value,unit`
//!   and optionally `source`, one reported figure a row;
//! - `targets.csv` with the columns
//!   `id,jurisdiction,metric,comparator,value,unit,deadline,period_start,source`,
//!   one target a row.
//!
//! The columns may come in any order; the header names them. Rows are checked
//! as strictly as the TOML entries (unknown jurisdiction, metric or source,
//! a unit of the wrong dimension, a bad date or number, a deadline before the
//! source's publication, duplicate ids, a row with missing or extra cells),
//! and every problem is reported as `file:line:column: column name: message`,
//! up to [`MAX_ERRORS_PER_FILE`] a file followed by a count of the rest.
//! Values are text, so `12.5` is read exactly, like `"12.5"` in TOML.
//!
//! What a CSV row becomes:
//!
//! - an observation gets the id `<file stem>_<line>` (`observations_17`),
//!   an empty quote, no comparator, and as its source the `source` cell, or,
//!   when the column is absent or the cell empty, [`UNNAMED_SOURCE`]
//!   (`observations_csv`), which names the file rather than a document of the
//!   catalogue (exports leave its title and issuer empty);
//! - a target gets an empty quote; its `source` is required (a target counts
//!   only while its source is in force, and its deadline must not end before
//!   the source was published); its period runs from `period_start` (a year,
//!   month or day; empty for the source's period) to its deadline. A `range`
//!   needs an upper bound, which the table has no column for: ranges are
//!   written in TOML.
//!
//! `observations.csv` is read as a stream: the text is never held in memory,
//! only one buffer of it per reading thread. Each valid row goes to a sink:
//! the progress engine ([`crate::engine::progress::progress_folder`]) keeps per
//! target only the points it needs, and [`crate::Catalog::load`] keeps every
//! row.

mod check;
mod header;
mod keys;
mod observations;
mod problems;
mod reader;
mod scan;
mod stream;
mod tables;
mod targets;

pub use check::{Inventory, check_folder};
pub(crate) use keys::Keys;
#[cfg(feature = "sqlite")]
pub(crate) use keys::stem;
pub(crate) use observations::{Row, Sink};
pub(crate) use scan::{default_threads, scan_with};
pub(crate) use stream::{check_rows, collect_observations, each_observation};
pub(crate) use tables::{Rows, read_tables};

/// The file of observations in a data folder.
pub(crate) const OBSERVATIONS_CSV: &str = "observations.csv";
/// The file of targets in a data folder.
pub(crate) const TARGETS_CSV: &str = "targets.csv";
/// The source id of a CSV observation whose `source` is not given.
pub const UNNAMED_SOURCE: &str = "observations_csv";
/// At most this many problems are listed per CSV file; a last line counts
/// the rest.
pub const MAX_ERRORS_PER_FILE: usize = 1000;

/// The columns of `observations.csv`: required, then optional.
pub const OBSERVATION_COLUMNS: [&str; 5] = ["jurisdiction", "metric", "as_of", "value", "unit"];
/// The optional column of `observations.csv`.
pub const OBSERVATION_OPTIONAL_COLUMNS: [&str; 1] = ["source"];
/// The columns of `targets.csv`.
pub const TARGET_COLUMNS: [&str; 9] = [
    "id",
    "jurisdiction",
    "metric",
    "comparator",
    "value",
    "unit",
    "deadline",
    "period_start",
    "source",
];

/// Files smaller than this many bytes per thread are read by one thread.
pub(crate) const MIN_CHUNK: u64 = 4 << 20;
