//! The answers of the engine as JSON, CSV and text tables, following the
//! output contracts of the [`design`](crate::design) notes: exact decimals,
//! ISO dates, a `version` field in every JSON document.
//!
//! One file per answer ([`Ranking`](crate::rank::Ranking) in `rank`,
//! [`Gap`](crate::gap::Gap) in `gap`, [`Progress`](crate::progress::Progress)
//! in `progress`, [`Index`](crate::index::Index) in `index`), their words in both languages in `labels`.

pub(crate) mod amount;
mod cells;
pub mod datapackage;
pub mod export;
mod gap;
pub mod html;
mod index;
pub mod labels;
pub mod list;
mod progress;
mod rank;
mod render;
pub mod report;
#[cfg(feature = "sqlite")]
pub mod sqlite;
pub mod table;

pub use crate::encode::CsvOptions;
pub(crate) use crate::encode::write_csv_rows;
pub use gap::GAP_CSV_COLUMNS;
pub(crate) use gap::GapJson;
pub use index::INDEX_CSV_COLUMNS;
pub(crate) use index::IndexJson;
pub use labels::errors::{error_message, errors_message, io_error_label};
pub use labels::{level_label, status_label};
pub use progress::PROGRESS_CSV_COLUMNS;
pub(crate) use progress::ProgressJson;
pub use progress::{unmatched_table, write_progress_csv_folder, write_progress_json_folder};
pub use rank::RANK_CSV_COLUMNS;
pub(crate) use rank::RankingJson;
