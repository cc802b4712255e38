//! Design notes: the domain model, the data format, the comparison engine
//! and the output contracts.
//!
//! # The model
//!
//! - A [`Jurisdiction`](crate::Jurisdiction) has a 6-digit GB/T 2260 code
//!   (the nation uses `100000`) or, for a group such as the seven national
//!   data-annotation bases, a snake_case slug; a level; a parent.
//! - A [`Metric`](crate::Metric) has a [`Dimension`](crate::Dimension), a
//!   polarity and a default basis (stock or flow). Population and GDP are
//!   metrics too.
//! - A [`Quantity`](crate::Quantity) is an exact decimal with a
//!   [`Unit`](crate::Unit) as written (`5.8万人`); it converts exactly to its
//!   dimension's canonical unit (`58000 person`). Canonical units: `count`,
//!   `TB` (decimal SI: GB = 0.001 TB, PB = 1000 TB, EB = 10⁶ TB), `CNY`,
//!   `person`, `percent`, `PFLOPS`. Chinese magnitudes (十 百 千 万 亿 and
//!   combinations such as 百亿, 万亿) are read wherever a number is written.
//! - A [`Target`](crate::Target) has a [`Comparator`](crate::Comparator), a
//!   value (and an upper bound for a range), a [`Deadline`](crate::Deadline)
//!   (a year ends on December 31, a month on its last day), an optional
//!   period and baseline, its source and the verbatim quote. An
//!   [`Observation`](crate::Observation) is a reported figure with its
//!   `as_of` date.
//! - A [`Source`](crate::Source) is the document: title, issuer, 文号,
//!   publication date, draft or final, legal force, the secondary source it
//!   was read in (`via`) and the source it supersedes.
//!
//! # The data format
//!
//! A data folder holds `jurisdictions.toml` (`[[jurisdiction]]` tables),
//! `metrics.toml` (`[[metric]]` tables) and one file per source document
//! under `sources/`, with a `[source]` table and its `[[target]]` and
//! `[[observation]]` entries. Values are integers or strings
//! (`value = 1000`, `value = "5.8万"`, `value = "3000TB"`): TOML floats are
//! binary and lose digits, so they are rejected. Dates are TOML dates
//! (`2025-02-27`), integer years (`2027`) or strings (`"2025-06"`).
//!
//! Validation is strict and complete: unknown keys, missing fields, unknown
//! jurisdiction, metric or source references, duplicate ids, a unit of the
//! wrong dimension for its metric, a deadline before its source's
//! publication, a range whose lower bound exceeds its upper bound and a cycle
//! in `parent` are all reported, every one with `file:line:column: field`.
//!
//! # The comparison engine
//!
//! All arithmetic is on [`Decimal`](rust_decimal::Decimal); the as-of date
//! is always an argument.
//!
//! - **Which target counts** for a jurisdiction and metric on a date: among
//!   targets whose source is in force (published by then, not superseded by
//!   a source published by then, so a draft counts until its final version
//!   is out), the nearest deadline on or after the date, else the latest
//!   ([`Catalog::select_targets`](crate::Catalog::select_targets)).
//! - **Normalisation** (`--per`): per million residents, per 100 billion
//!   CNY of GDP, per plan year, or combinations; one denominator date for
//!   all compared jurisdictions where they share one, else each its latest,
//!   and every row says which. A jurisdiction without a denominator is
//!   listed as unranked with the reason, never ranked as zero.
//! - **Ranking**: best first by polarity, standard competition ranking
//!   (1-2-2-4) after rounding to 6 significant digits.
//! - **Gaps**: benchmark − subject, relative gap, and the target the
//!   subject would need to match the benchmark (also when it has none).
//! - **Progress**: `(x − b) / (T − b)` with baseline `b` (0 when none) for
//!   higher-is-better metrics; for lower-is-better ones `(b − x) / (b − T)`,
//!   which needs a stated baseline (without one, progress is left empty and
//!   the target unranked; `met`, gap and pace are still given). Status:
//!   `met`; else `no_data` when no figure is reported (also after the
//!   deadline: nothing shows it was missed); else `missed` once the
//!   deadline has passed; else a pace verdict from the ratio of observed to
//!   required rate, linear or compound (compound rates computed with
//!   decimal logarithms and exponentials, error below 1e-24, stated in the
//!   output), in Eurostat's bands 0.95 / 0.60 / 0 by default.
//!
//! # Exact numbers in outputs
//!
//! JSON numbers carry the exact decimal digits (`17282`, `0.35`), written
//! through `serde_json`'s `raw_value` feature, never through `f64`; CSV cells
//! the same. Dates are ISO 8601. A deadline or `as_of` is written as the last
//! day it covers with its precision (`"deadline": "2027-12-31"`,
//! `"deadline_precision": "year"`), which reads back to the same value.
//!
//! # Architecture
//!
//! The crate is built in layers; each uses only the layers before it in
//! this list, so there is no import cycle between them (a test of the suite
//! checks it on every run):
//!
//! 1. `util` (private): serde through `Display`/`FromStr`, snake_case
//!    enumerations, "did you mean" suggestions, the hasher of short keys.
//! 2. [`model`](crate::model): the values ([`Quantity`](crate::Quantity),
//!    [`Unit`](crate::Unit), [`Deadline`](crate::Deadline),
//!    [`Comparator`](crate::Comparator), [`Id`](crate::Id),
//!    [`Lang`](crate::Lang)), the records and their parse errors.
//! 3. `error`: [`Error`](crate::Error) with its
//!    [`ErrorKind`](crate::ErrorKind) and [`Position`](crate::Position);
//!    [`Errors`](crate::Errors).
//! 4. [`encode`](crate::encode): exact decimals in JSON, the format
//!    version, CSV options and writing.
//! 5. `catalog`: [`Catalog`](crate::Catalog) and its lookups by name
//!    ([`Catalog::resolve_metric`](crate::Catalog::resolve_metric),
//!    [`Catalog::resolve_jurisdiction`](crate::Catalog::resolve_jurisdiction)),
//!    the parts a loader fills, the cross-record checks per kind of record,
//!    and which target counts on a date.
//! 6. `load`: data folders ([`Catalog::load`](crate::Catalog::load),
//!    [`Catalog::open`](crate::Catalog::open)), the bundled data, the TOML
//!    reader and the bulk CSV tables ([`bulk`](crate::bulk)).
//! 7. [`engine`](crate::engine): [`normalize`](crate::engine::normalize),
//!    [`rank`](crate::rank), [`gap`](crate::gap),
//!    [`progress`](crate::progress). Beside it, [`extract`](crate::extract)
//!    uses only the model and the catalogue.
//! 8. [`output`](crate::output): every Chinese and English word in one
//!    labels module keyed by typed values; the JSON, CSV and text form of
//!    each answer, the [`report`](crate::report), the [`html`](crate::html) page,
//!    the [`export`](crate::export) and the
//!    [`datapackage`](crate::datapackage).
//! 9. [`schema`](crate::schema): the JSON Schema of each JSON output,
//!    generated from the types that write it.
//!
//! The `targets` tool (`src/bin/targets/`) is a thin layer over this public
//! API: argument parsing, one function per command, and files written
//! completely or not at all.
//!
//! # The SQLite export
//!
//! `export --format sqlite` ([`sqlite`](crate::sqlite)) writes a new file in
//! one transaction and the tool renames it into place only once the commit
//! has succeeded; so whatever fails before the commit leaves no database
//! behind, and the file needs no rollback journal. A bulk folder is written
//! by two threads: one reads `observations.csv` once, checking each row as
//! [`Catalog::load`](crate::Catalog::load) would, and offers it both to the
//! progress computation and, through a bounded queue of batches, to the
//! thread that inserts it; memory grows with the targets, not with the
//! rows. The cells of a row are formatted into buffers reused from row to
//! row, and only the cells that differ from the row before are bound again.
//!
//! **Foreign keys are declared on every reference and checked once, before
//! the commit, rather than on each insert.** `PRAGMA foreign_keys` is off
//! while the rows go in; then `PRAGMA foreign_key_check`, inside the same
//! transaction, checks every reference of every table, and a single broken
//! one fails the export (the error names the table, the row and the table
//! referred to), so the temporary file is deleted and no database is
//! delivered. The file that is delivered is therefore exactly as checked as
//! with enforcement on each insert, and a reader who turns `PRAGMA
//! foreign_keys` on gets the same enforcement for later writes. One check at
//! the end is cheaper than one on each insert (SQLite opens and seeks a
//! cursor on each parent per row and statement), and the rows of a bulk
//! folder cannot break a reference anyway: their jurisdiction, metric and
//! source are numbers into the catalogue whose records are inserted first.
//! Enforcement on insert would only report the first broken row earlier;
//! the check finds the same rows.
//!
//! Indexes are built after the rows are in (a sort each, cheaper than
//! keeping them ordered row by row), and there are as few as the usual
//! filters need: on the observations, one on `(jurisdiction, metric,
//! as_of)` serves a jurisdiction, a jurisdiction and metric with the latest
//! first (the view `latest_observations`), and a metric alone by a
//! skip-scan over the jurisdictions, which SQLite plans from the sampled
//! statistics `ANALYZE` leaves in `sqlite_stat1`; a second index serves
//! `as_of`. The primary key of `observations` (`id`, text) is kept as
//! declared, though it is the largest cost of an insert after the record
//! itself.
