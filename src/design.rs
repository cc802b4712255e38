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
//!   was read in (`via`), the source it supersedes, its address (`url`)
//!   and, with an address, its [`Grade`](crate::Grade): `official` (the
//!   issuer's own site) > `press` > `mirror` > `summary`.
//! - A metric may name a `broader` one (数据骨干企业 within 数据企业): same
//!   dimension, no cycle. A metric's *family* is the metric and every metric
//!   whose `broader` chain reaches it
//!   ([`Catalog::family`](crate::Catalog::family)).
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
//! The bundled `jurisdictions.toml` is a gazetteer: every province and
//! prefecture-level division, so a document about any of them needs no new
//! jurisdiction. A name is looked up among codes, then among Chinese names,
//! English names and aliases in file order, the first match winning; English
//! names repeat (Suzhou is 苏州 and 宿州), so the Chinese name or the code is
//! the unambiguous way to name a prefecture. The bundled data keeps every
//! Chinese name and alias unique (a test checks it); validation does not
//! require it of other data folders.
//!
//! Validation is strict and complete: unknown keys, missing fields, unknown
//! jurisdiction, metric or source references, duplicate ids, a unit of the
//! wrong dimension for its metric, a deadline before its source's
//! publication, a range whose lower bound exceeds its upper bound, a cycle
//! in `parent` or `broader`, a prefecture whose parent is not a province, a
//! `broader` metric that is unknown or of another dimension, and a source
//! with a `url` but no `grade` are all reported, every one with
//! `file:line:column: field`.
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
//!   output), in Eurostat's bands 0.95 / 0.60 / 0 by default. The exact
//!   series are the costliest part of a target's evaluation, so compound
//!   rates are first computed in `f64` with a bound on their error: where
//!   every value within it rounds, and lies between the band edges, as the
//!   floating-point value does, the rounded rates and the verdict are
//!   those of the exact formulas and are taken; elsewhere (a midpoint, an
//!   edge, a factor of exactly 1, a rate rounding to zero) the exact
//!   series run. The output is the same either way.
//! - **Composite index** ([`index`](crate::index)): each metric's values
//!   are those of its ranking (same `--per`, `--level`, date and choice of
//!   target). A jurisdiction enters when it has values on at least the
//!   minimum coverage of the metrics (default `2/3`, compared exactly as a
//!   fraction; a value in (0, 1] or a fraction); the others are listed as
//!   excluded with how many metrics they cover. Each metric is then scaled
//!   over the jurisdictions *in the index* that have a value on it, so that
//!   the best of them scores 100 under min-max: `minmax`
//!   `100 · (x − min) / (max − min)` (100 for all when all are equal),
//!   `zscore` with the population standard deviation (0 when all are
//!   equal), `rank` the percentile rank `100 · (worse + (equal − 1)/2) /
//!   (n − 1)`, `leader` `100 · x / max` (`100 · min / x` for lower is
//!   better; a leader at or below zero gives 100 to its equals and 0 to
//!   the rest); every scaling is reversed for a lower-is-better metric, so
//!   greater is always better. The score is the weighted `arithmetic` mean
//!   over the metrics a jurisdiction covers (weights renormalised over
//!   them; a metric not named in `--weights` weighs 1) or the weighted
//!   `geometric` mean on a scale that starts at 1, `exp(Σ w ln(1 + s) /
//!   Σ w) − 1`, after shifting a metric's scaled values up by its least
//!   where that is negative (z-scores): a zero on one metric does not zero
//!   the score, and min-max scores stay in 0..=100. Scores are decimals
//!   (square roots, logarithms and exponentials to 28 digits), rounded to 6
//!   places, and ranked like rankings (6 significant digits, 1-2-2-4).
//!   **Uncertainty**: draw `i` of `--draws N` takes a ChaCha8 generator
//!   seeded with `--seed` (default 1) on stream `i`, multiplies each weight
//!   by a factor uniform in [0.75, 1.25], and draws the scaling among the
//!   four and the aggregation among the two; the draws run on all cores
//!   and give the same answer on any number of threads. They are computed
//!   in `f64` (`precision.simulation` says so). Each row gets the median
//!   and the 5th and 95th percentile ranks (nearest-rank method); the
//!   interval is widened to hold the nominal rank where the draws leave it
//!   out, so `rank_low ≤ rank ≤ rank_high` always; without draws all three
//!   are the rank. **Sensitivity**: for the weights, the mean absolute rank
//!   shift over the same draws' weights with the nominal scaling and
//!   aggregation; for the scaling and the aggregation, the exact mean over
//!   their four and two choices (the nominal one, a shift of 0, included)
//!   with the other inputs nominal.
//!
//! # Grades and families
//!
//! - **The grade of a figure** is its source's `grade`, else the grade of
//!   the source it was read in (`via`, followed up the chain), else none
//!   ([`Catalog::grade_of`](crate::Catalog::grade_of)). A document read in a
//!   newsletter is only as sure as the newsletter; a source with neither a
//!   grade nor a graded `via` (the bundled newsletter-derived records without
//!   an address) has none.
//! - **`--min-grade GRADE`** (`rank`, `progress`;
//!   [`RankQuery::min_grade`](crate::rank::RankQuery::min_grade),
//!   [`Options::min_grade`](crate::progress::Options::min_grade)): a target
//!   or reported figure whose grade is below `GRADE`, or that has none, is
//!   left out before anything is selected, so a jurisdiction's weaker target
//!   gives way to its next one that passes. Without `--min-grade` every
//!   figure counts, graded or not. The answer counts the targets left out
//!   (`left_out`, and a last line of the table); reported figures left out
//!   show as a target without data. Denominators of `--per` (population,
//!   GDP) are reference statistics and are not filtered. With
//!   `--min-grade`, a folder's `observations.csv` is loaded rather than
//!   streamed, since the stream does not keep each row's source.
//! - **`rank --family METRIC`** ranks the targets of the metric and of every
//!   narrower metric together, by the polarity of `METRIC`: for each metric
//!   of the family, each jurisdiction's target that counts on the date
//!   ([`Catalog::select_targets`](crate::Catalog::select_targets)). A
//!   jurisdiction with targets on two metrics of the family has two rows,
//!   each naming its metric (`metric` in JSON and CSV, a column of the
//!   table), ranked together like any other rows; ties are ordered by
//!   jurisdiction, then by the metric's place in the family. Validation
//!   makes the dimensions equal, so the values compare.
//! - **The report** ranks only metrics with at least two ranked
//!   jurisdictions ([`MIN_RANKED`](crate::report::MIN_RANKED)); the others
//!   are named under the rankings, their targets in the table of targets.
//! - **Trajectories**: where a target has figures on two or more days in
//!   its period (from the period start to the deadline, known on the as-of
//!   date), a least-squares trend through them, time in days: `linear` on
//!   the values, or `compound` on their logarithms where the metric says
//!   `trend = "compound"` or `progress --trend compound` asks (a zero or
//!   negative figure falls back to linear, and the trend says why). It gives
//!   `projected_value` (the trend on the deadline's last day) and
//!   `projected_attainment` (the first day from which the trend meets the
//!   target through the deadline; null when it does not meet it there).
//!   Every figure counts, several on one day included. The streaming path
//!   keeps per target only the running sums of the fit (`n`, `Σt`, `Σt²`,
//!   `Σy`, `Σty`, `Σy²`, exact integers at a common decimal scale; their
//!   twins on `ln y` as decimals for a compound trend), which add up across
//!   chunks of the file, so memory stays O(targets). A linear projection is
//!   one exact decimal division; a compound one uses decimal `ln`/`exp`
//!   (28 significant digits), stated in the output's `precision.trends`.
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
//!    [`progress`](crate::progress), [`index`](crate::index). Beside it, [`extract`](crate::extract)
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
//! # Messages in two languages
//!
//! An error is a typed kind ([`ErrorKind`](crate::ErrorKind), and for a
//! value that does not parse a typed [`Problem`](crate::Problem)); its
//! `Display` is English, and
//! [`output::error_message`](crate::output::error_message) says it in the
//! language asked, from the labels module, by matching the kind, never the
//! English text. A problem without a kind of its own
//! ([`Problem::Other`](crate::Problem::Other), free text of the TOML parser
//! or of the operating system) keeps its English words. The position (file,
//! line, column, field) is written the same way in both languages, so that
//! an editor can jump to it.
//!
//! A record with a mistake is not built, but what could be read of a target
//! or an observation (its jurisdiction, metric and value) is checked as a
//! whole record's would be, so that one run reports every field's problem;
//! a reference to a record that could not be read is not reported as
//! unknown. A problem is placed at the field the reader has to change: a
//! unit of the wrong dimension at `unit` when the unit is written there.
//!
//! Text tables keep to 120 terminal columns (a Chinese character counts
//! two): the columns allowed to wrap narrow, widest first, first down to
//! their longest word of narrow characters, then further; Chinese text
//! breaks between any two characters.
//!
//! # The SQLite export
//!
//! `export --format sqlite` ([`sqlite`](crate::sqlite)) writes a new file in
//! one transaction and the tool renames it into place only once the commit
//! has succeeded; so whatever fails before the commit leaves no database
//! behind, and the file needs no rollback journal. A bulk folder is written
//! by two threads: one reads `observations.csv` once, checking each row as
//! [`Catalog::load`](crate::Catalog::load) would, offers it to the progress
//! computation and writes the text of its cells (exact digits with a
//! fractional part, date) into a batch; the other only binds and inserts,
//! 64 rows to a statement (SQLite keeps a statement's cursors open from row
//! to row, not from one statement to the next), binding again only the
//! cells that differ from the row bound in the same place before. Text is
//! bound as little as possible, since SQLite copies every bound text into
//! an allocation of its own: the id is the line, an integer, which the
//! statement joins to the stem bound once (`'observations_' || 12`), and a
//! decimal without fractional digits is bound as an integer, whose digits
//! SQLite writes into the TEXT column (the same text as the decimal's, so
//! the values stay exact and TEXT). A bounded queue of batches is
//! between them, so memory grows with the targets, not with the rows. The
//! targets are inserted while the progress is being evaluated.
//!
//! **Foreign keys are declared on every reference and checked once, before
//! the commit, rather than on each insert.** `PRAGMA foreign_keys` is off
//! while the rows go in; then `PRAGMA foreign_key_check`, inside the same
//! transaction, checks every reference of the catalogue's tables and of
//! `progress`, and a single broken one fails the export (the error names the
//! table, the row and the table referred to), so the temporary file is
//! deleted and no database is delivered. The rows of a bulk folder are
//! checked by key rather than by row: their jurisdiction, metric and source
//! are numbers into the catalogue, each bound as the catalogue's key, and
//! every key so bound is looked up in its table before the commit (a few
//! thousand look-ups instead of three per row for millions of rows; the
//! catalogue's own observations, inserted first, are checked by `PRAGMA
//! foreign_key_check` before the folder's rows go in). In the same export
//! the rows of `targets` and `progress` are checked by the distinct keys
//! they name, each looked up once (a unit test holds the lists of their
//! references to the foreign keys the schema declares). The file that is
//! delivered is therefore exactly as checked as with enforcement on each
//! insert, and a reader who turns `PRAGMA foreign_keys` on gets the same
//! enforcement for later writes. Enforcement on insert would only report the
//! first broken row earlier; the check finds the same references.
//!
//! There are as few indexes as the usual filters need: on the observations,
//! one on `(jurisdiction, metric, as_of)` serves a jurisdiction, a
//! jurisdiction and metric with the latest first (the view
//! `latest_observations`), and a metric alone by a skip-scan over the
//! jurisdictions, which SQLite plans from the sampled statistics `ANALYZE`
//! leaves in `sqlite_stat1`; a second index serves `as_of`. The indexes of
//! the observations exist before a bulk folder's rows go in, and each is
//! kept up row by row for as long as the rows come in its order (each key
//! after the one before, an append to the index, about as cheap as the
//! row's own record; a folder written month after month follows `as_of`);
//! at the first row that does not, the index is dropped, and it is sorted
//! once the rows are in, as are all the other indexes (a sort is much
//! cheaper than keeping an index up in an order the rows do not follow).
//! The primary key of `observations` (`id`, text) is kept as declared,
//! though it is the largest cost of an insert after the record itself:
//! `observations_10` sorts before `observations_9`, so the ids do not come
//! in the key's order.
