//! The integration tests, built as one test binary: each module covers one
//! part of the library or of the `targets` command line, and `util` holds
//! what they share (running the binary, fixture paths, scratch folders).

mod architecture;
mod behaviour;
mod bulk;
mod bulk_stream;
mod dashboards;
mod engine;
mod export;
mod extract;
mod extract_cli;
mod extract_score;
mod gazetteer;
mod grade;
mod html;
mod index;
mod index_properties;
mod lang;
mod lang_cli;
mod lang_errors;
mod list;
mod progress;
mod properties;
mod quotes_national;
mod quotes_provinces;
mod ranking_properties;
mod robustness;
mod selection;
mod sqlite;
mod trajectory;
mod util;
mod validate;
