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

use std::collections::{HashMap, HashSet};
use std::fs::File;
use std::io::{self, Read, Seek, SeekFrom};
use std::path::Path;
use std::sync::Arc;

use chrono::NaiveDate;
use rust_decimal::Decimal;

use crate::catalog::{Origin, Parts};
use crate::error::{Error, ErrorKind, ParseError, Position};
use crate::{
    Comparator, Deadline, Dimension, Id, JurisdictionCode, Observation, PartialDate, Period,
    Quantity, Target, Unit,
};

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

/// A record longer than this is taken for an unclosed quote.
const MAX_RECORD: usize = 1 << 20;
/// The read buffer of one reading thread.
const BUFFER: usize = 1 << 18;
/// Files smaller than this many bytes per thread are read by one thread.
pub(crate) const MIN_CHUNK: u64 = 4 << 20;

// ---------------------------------------------------------------------------
// Hashing of short keys.

/// Keys of one kind (jurisdiction codes, metric ids, source ids) by their
/// bytes, numbered in catalogue order.
struct Table<T> {
    items: Vec<T>,
    bytes: Vec<Box<[u8]>>,
    index: HashMap<Box<[u8]>, u32, crate::util::FxBuild>,
}

impl<T> Table<T> {
    fn new() -> Table<T> {
        Table {
            items: Vec::new(),
            bytes: Vec::new(),
            index: HashMap::default(),
        }
    }

    /// Adds an item; the first of several with one key wins.
    fn add(&mut self, key: &str, item: T) {
        if self.index.contains_key(key.as_bytes()) {
            return;
        }
        let n = self.items.len() as u32;
        self.index.insert(key.as_bytes().into(), n);
        self.bytes.push(key.as_bytes().into());
        self.items.push(item);
    }

    fn names(&self) -> impl Iterator<Item = &str> {
        self.bytes
            .iter()
            .map(|b| std::str::from_utf8(b).unwrap_or_default())
    }
}

/// A lookup cache for one column: the last key, and for each key the one
/// that followed it last time, so that files sorted or grouped by a column
/// rarely need the hash table.
struct Cache {
    last: u32,
    next: Vec<u32>,
}

const NONE: u32 = u32::MAX;

/// Equality of short byte strings, inline (keys, dates and units are a few
/// bytes: a call to `memcmp` costs more than the comparison).
#[inline]
fn same(a: &[u8], b: &[u8]) -> bool {
    if a.len() != b.len() {
        return false;
    }
    let (mut x, mut y) = (a.chunks_exact(8), b.chunks_exact(8));
    for (p, q) in (&mut x).zip(&mut y) {
        let (mut u, mut v) = ([0u8; 8], [0u8; 8]);
        u.copy_from_slice(p);
        v.copy_from_slice(q);
        if u64::from_ne_bytes(u) != u64::from_ne_bytes(v) {
            return false;
        }
    }
    x.remainder().iter().zip(y.remainder()).all(|(p, q)| p == q)
}

impl Cache {
    fn new<T>(table: &Table<T>) -> Cache {
        Cache {
            last: NONE,
            next: vec![NONE; table.items.len()],
        }
    }

    fn find<T>(&mut self, key: &[u8], table: &Table<T>) -> Option<u32> {
        if self.last != NONE {
            let last = self.last as usize;
            if same(&table.bytes[last], key) {
                return Some(self.last);
            }
            let guess = self.next[last];
            if guess != NONE && same(&table.bytes[guess as usize], key) {
                self.last = guess;
                return Some(guess);
            }
        }
        let found = *table.index.get(key)?;
        if self.last != NONE {
            self.next[self.last as usize] = found;
        }
        self.last = found;
        Some(found)
    }
}

/// The jurisdictions, metrics and sources that CSV rows may name.
pub(crate) struct Keys {
    jurisdictions: Table<JurisdictionCode>,
    metrics: Table<(Id, Dimension)>,
    sources: Table<(Id, PartialDate)>,
    /// Lines whose observation id (`observations_<line>`) a TOML record
    /// already uses (checked only by the streaming reader; a catalogue load
    /// finds such duplicates among all ids).
    taken_lines: HashSet<u64>,
}

impl Keys {
    pub(crate) fn new<'a>(
        jurisdictions: impl IntoIterator<Item = &'a JurisdictionCode>,
        metrics: impl IntoIterator<Item = (&'a Id, Dimension)>,
        sources: impl IntoIterator<Item = (&'a Id, PartialDate)>,
    ) -> Keys {
        let mut keys = Keys {
            jurisdictions: Table::new(),
            metrics: Table::new(),
            sources: Table::new(),
            taken_lines: HashSet::new(),
        };
        for code in jurisdictions {
            keys.jurisdictions.add(code.as_str(), code.clone());
        }
        for (id, dimension) in metrics {
            keys.metrics.add(id.as_str(), (id.clone(), dimension));
        }
        for (id, published) in sources {
            keys.sources.add(id.as_str(), (id.clone(), published));
        }
        keys
    }

    /// The keys of the records read so far into `parts`.
    pub(crate) fn of_parts(parts: &Parts) -> Keys {
        Keys::new(
            parts.jurisdictions.iter().map(|(j, _)| &j.code),
            parts.metrics.iter().map(|(m, _)| (&m.id, m.dimension)),
            parts.sources.iter().map(|(s, _)| (&s.id, s.published)),
        )
    }

    /// The keys of a loaded catalogue, for streaming its folder's
    /// `observations.csv`: its codes, metrics and sources, and the ids of its
    /// records reserved.
    pub(crate) fn of_catalog(catalog: &crate::Catalog) -> Keys {
        let mut keys = Keys::new(
            catalog.jurisdictions().iter().map(|j| &j.code),
            catalog.metrics().iter().map(|m| (&m.id, m.dimension)),
            catalog.sources().iter().map(|s| (&s.id, s.published)),
        );
        keys.reserve_ids(
            catalog
                .targets()
                .iter()
                .map(|t| t.id.as_str())
                .chain(catalog.observations().iter().map(|o| o.id.as_str())),
        );
        keys
    }

    /// Marks the ids of existing records that a row of `observations.csv`
    /// would get (`observations_17` for line 17).
    pub(crate) fn reserve_ids<'a>(&mut self, ids: impl IntoIterator<Item = &'a str>) {
        let prefix = format!("{}_", stem(Path::new(OBSERVATIONS_CSV)));
        for id in ids {
            if let Some(line) = id
                .strip_prefix(&prefix)
                .filter(|n| !n.starts_with('0'))
                .and_then(|n| n.parse::<u64>().ok())
            {
                self.taken_lines.insert(line);
            }
        }
    }

    /// The number of a jurisdiction code, in catalogue order.
    pub(crate) fn jurisdiction(&self, code: &str) -> Option<u32> {
        self.jurisdictions.index.get(code.as_bytes()).copied()
    }

    /// The number of a metric, in catalogue order.
    pub(crate) fn metric(&self, id: &str) -> Option<u32> {
        self.metrics.index.get(id.as_bytes()).copied()
    }

    /// How many metrics there are.
    pub(crate) fn metric_count(&self) -> usize {
        self.metrics.items.len()
    }

    /// How many jurisdictions there are.
    pub(crate) fn jurisdiction_count(&self) -> usize {
        self.jurisdictions.items.len()
    }

    fn unknown(&self, what: &'static str, text: &str) -> ErrorKind {
        let suggestion = match what {
            // Codes are digits: a near one is as likely wrong as right.
            "jurisdiction" if text.bytes().all(|b| b.is_ascii_digit()) => None,
            "jurisdiction" => crate::util::closest(text, self.jurisdictions.names()),
            "metric" => crate::util::closest(text, self.metrics.names()),
            _ => crate::util::closest(text, self.sources.names()),
        };
        ErrorKind::UnknownReference {
            what,
            id: text.to_owned(),
            suggestion: suggestion.map(str::to_owned),
        }
    }
}

fn stem(path: &Path) -> String {
    path.file_stem()
        .and_then(|s| s.to_str())
        .unwrap_or("observations")
        .to_owned()
}

// ---------------------------------------------------------------------------
// Reading CSV records (with the `csv` crate) at exact lines and byte offsets.

/// How a call to [`CsvReader::next`] ended.
#[derive(Debug, PartialEq, Eq)]
enum Next {
    /// A record is ready.
    Record,
    /// The end of the input, or the limit, was reached at a record boundary.
    End,
    /// A record grew beyond [`MAX_RECORD`]: an unclosed quote.
    TooLong,
}

/// The characters of UTF-8 text (bytes that do not continue a character).
fn chars(bytes: &[u8]) -> u64 {
    bytes.iter().filter(|&&b| b & 0xC0 != 0x80).count() as u64
}

/// What [`Source`] hands out after the last byte of the input. A last
/// record outside quotes takes the `\0` into its last field and ends at the
/// `\n`; an unclosed quote takes both: so the two are told apart, and the
/// lines of the last record are exact either way.
const SENTINEL: &[u8; 2] = b"\0\n";

/// The input of a [`CsvReader`]: the file from where the reader starts, then
/// [`SENTINEL`]. Two more duties:
///
/// - it hands out no byte at or beyond `cap`, which the reader sets before
///   each record to [`MAX_RECORD`] (and room for the sentinel) past where
///   the read starts: a longer record (an unclosed quote; empty lines
///   before it count too) ends there as at the end of the input, so that
///   it never takes more memory than that, and `capped` tells;
/// - its first read gives one byte, so that the `csv` crate never takes a
///   byte-order mark off a reader's first record: a chunk may start with
///   one (a stray one in a cell), and the header reader strips it from the
///   first column's name itself, where it still counts as a character.
struct Source<R> {
    inner: R,
    /// The bytes handed out so far.
    pos: u64,
    /// `pos` may not grow beyond this.
    cap: u64,
    /// Whether a read stopped at `cap`.
    capped: bool,
    /// The length of the input, once its end was reached.
    end: Option<u64>,
}

impl<R: Read> Read for Source<R> {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        let room = self.cap.saturating_sub(self.pos);
        if room == 0 {
            self.capped |= !buf.is_empty();
            return Ok(0);
        }
        let mut want = buf.len().min(usize::try_from(room).unwrap_or(usize::MAX));
        if self.pos == 0 {
            want = want.min(1);
        }
        let buf = &mut buf[..want];
        let end = match self.end {
            Some(end) => end,
            None => {
                let n = loop {
                    match self.inner.read(buf) {
                        Err(e) if e.kind() == io::ErrorKind::Interrupted => {}
                        other => break other?,
                    }
                };
                if n > 0 || buf.is_empty() {
                    self.pos += n as u64;
                    return Ok(n);
                }
                self.end = Some(self.pos);
                self.pos
            }
        };
        let rest = &SENTINEL[(self.pos - end).min(SENTINEL.len() as u64) as usize..];
        let n = rest.len().min(buf.len());
        buf[..n].copy_from_slice(&rest[..n]);
        self.pos += n as u64;
        Ok(n)
    }
}

/// The bytes `\n` in `bytes`.
fn newlines(bytes: &[u8]) -> u64 {
    memchr::memchr_iter(b'\n', bytes).count() as u64
}

/// The I/O error in a `csv` error (records are bytes of any width: the
/// reader raises no other).
fn csv_io(err: csv::Error) -> io::Error {
    match err.into_kind() {
        csv::ErrorKind::Io(e) => e,
        kind => io::Error::other(format!("{kind:?}")),
    }
}

/// An RFC 4180 reader (the `csv` crate's): fields separated by commas,
/// records by `\n` or `\r\n`, fields in double quotes may hold commas,
/// quotes (doubled) and line breaks. Empty lines are skipped. It tracks the
/// line each record starts on and the byte offset of each boundary, so that
/// a file can be read in chunks by several threads.
///
/// The `csv` crate gives the position where each read started and where it
/// stopped; the empty lines it skipped before a record are found from the
/// lines between the two, less the line breaks inside the record and its
/// own. Records end at `\n` only (a lone `\r` stays in its field, as
/// before): the `\r` of `\r\n` is taken off the last field, and a record
/// that is just `\r\n` is an empty line.
struct CsvReader<R> {
    csv: csv::Reader<Source<R>>,
    record: csv::ByteRecord,
    /// The byte offset (in the file) where the reader started.
    base: u64,
    /// The line the reader started on.
    first_line: u64,
    /// The byte offset (in the file) after the last record, or where
    /// reading stopped.
    offset: u64,
    /// The line at `offset`; after [`Next::TooLong`], the line the long
    /// record starts on.
    line: u64,
    /// The line the current record starts on.
    record_line: u64,
    /// The bytes to leave off the end of the last field: a `\r` before the
    /// line break, or what the record took of [`SENTINEL`].
    trim: usize,
}

impl<R: Read> CsvReader<R> {
    fn new(src: R, offset: u64, line: u64) -> CsvReader<R> {
        CsvReader::with_buffer(src, offset, line, BUFFER)
    }

    fn with_buffer(src: R, offset: u64, line: u64, buffer: usize) -> CsvReader<R> {
        let source = Source {
            inner: src,
            pos: 0,
            cap: 0,
            capped: false,
            end: None,
        };
        let csv = csv::ReaderBuilder::new()
            .has_headers(false)
            .flexible(true)
            .terminator(csv::Terminator::Any(b'\n'))
            .buffer_capacity(buffer)
            .from_reader(source);
        CsvReader {
            csv,
            record: csv::ByteRecord::with_capacity(256, 16),
            base: offset,
            first_line: line,
            offset,
            line,
            record_line: line,
            trim: 0,
        }
    }

    /// The line in the file of a line counted by the `csv` crate (from 1).
    fn file_line(&self, csv_line: u64) -> u64 {
        self.first_line + csv_line - 1
    }

    /// Reads the next record, unless the input ends or `limit` (a byte
    /// offset) is reached at a record boundary first.
    fn next(&mut self, limit: u64) -> io::Result<Next> {
        loop {
            if self.offset >= limit {
                return Ok(Next::End);
            }
            let (b0, l0) = {
                let at = self.csv.position();
                (at.byte(), at.line())
            };
            if let Some(end) = self.csv.get_ref().end {
                if b0 >= end {
                    // The last record took the sentinel.
                    return Ok(Next::End);
                }
            }
            self.csv.get_mut().cap = b0 + (MAX_RECORD + SENTINEL.len()) as u64;
            let more = self
                .csv
                .read_byte_record(&mut self.record)
                .map_err(csv_io)?;
            debug_assert_eq!(self.record.position().map(|p| p.byte()), Some(b0));
            let (b1, l1) = {
                let at = self.csv.position();
                (at.byte(), at.line())
            };
            let source = self.csv.get_ref();
            let (capped, end) = (source.capped, source.end);
            if !more {
                // Only empty lines were left.
                self.line = self.file_line(l1);
                if capped {
                    return Ok(Next::TooLong);
                }
                self.offset = self.base + end.unwrap_or(b1);
                return Ok(Next::End);
            }
            let n = self.record.len();
            let last = self.record.get(n.wrapping_sub(1)).unwrap_or_default();
            // The empty lines skipped before the record (`skipped`), the
            // offset and line after it, and what to trim off its last field.
            let (skipped, after, line_after, trim) = if capped {
                // Cut short at the cap: no line break of its own.
                (l1 - l0 - newlines(self.record.as_slice()), b1, l1, 0)
            } else {
                match end {
                    Some(end) if b1 > end => {
                        let inside = newlines(self.record.as_slice());
                        if last.ends_with(b"\0") {
                            // Not in quotes: the sentinel's `\n` ended it. A
                            // `\r` before the end goes unless a cell was
                            // quoted (then its text is longer than its cells).
                            let skipped = l1 - l0 - inside - 1;
                            let text = end - b0 - skipped;
                            let cells = (self.record.as_slice().len() + n - 2) as u64;
                            let cr = text == cells && last[..last.len() - 1].ends_with(b"\r");
                            (skipped, end, l1 - 1, 1 + usize::from(cr))
                        } else {
                            // An unclosed quote took the sentinel.
                            (l1 - l0 - inside, end, l1 - 1, SENTINEL.len())
                        }
                    }
                    _ => {
                        // Ended by a line break of the input.
                        let skipped = match l1 - l0 {
                            1 => 0,
                            lines => lines - 1 - newlines(self.record.as_slice()),
                        };
                        (skipped, b1, l1, usize::from(last.ends_with(b"\r")))
                    }
                }
            };
            // Only `\n` are skipped: the record starts `skipped` bytes on.
            let start = b0 + skipped;
            if self.base + start >= limit {
                // The record is the next chunk's: stop at the limit, between
                // empty lines.
                let to_limit = limit - self.base - b0;
                self.offset = limit;
                self.line = self.file_line(l0 + to_limit);
                return Ok(Next::End);
            }
            if capped {
                self.line = self.file_line(l0 + skipped);
                return Ok(Next::TooLong);
            }
            self.offset = self.base + after;
            self.line = self.file_line(line_after);
            if end.is_some_and(|end| start >= end) {
                // Only the sentinel was left.
                return Ok(Next::End);
            }
            if n == 1 && last == b"\r" && b1 - start == 2 {
                // An empty line ended by `\r\n`.
                continue;
            }
            self.record_line = self.file_line(l0 + skipped);
            self.trim = trim;
            return Ok(Next::Record);
        }
    }

    fn len(&self) -> usize {
        self.record.len()
    }

    fn field(&self, i: usize) -> &[u8] {
        let field = &self.record[i];
        if i + 1 == self.record.len() {
            &field[..field.len() - self.trim]
        } else {
            field
        }
    }

    /// The column (in characters, from 1) where field `i` starts, as if no
    /// field were quoted.
    fn column(&self, i: usize) -> u64 {
        let before: u64 = (0..i.min(self.len()))
            .map(|k| chars(self.field(k)) + 1)
            .sum();
        before + 1
    }

    /// The column of every field (see [`CsvReader::column`]).
    fn columns(&self) -> Vec<u64> {
        let mut at = 1;
        (0..self.len())
            .map(|k| {
                let column = at;
                at += chars(self.field(k)) + 1;
                column
            })
            .collect()
    }
}

// ---------------------------------------------------------------------------
// Problems, capped per file.

/// A problem found by a reading thread; its line is relative to the line the
/// thread started on until the chunks are put together.
struct Problem {
    line: u64,
    column: u64,
    field: Option<&'static str>,
    kind: ErrorKind,
}

/// The problems of one file or chunk: the first [`MAX_ERRORS_PER_FILE`] + 1
/// kept, all counted.
#[derive(Default)]
struct Problems {
    kept: Vec<Problem>,
    total: usize,
}

impl Problems {
    fn push(&mut self, problem: Problem) {
        self.total += 1;
        if self.kept.len() <= MAX_ERRORS_PER_FILE {
            self.kept.push(problem);
        }
    }

    /// Appends a later chunk's problems, its lines moved by `shift`.
    fn append(&mut self, later: Problems, shift: u64) {
        self.total += later.total;
        for mut p in later.kept {
            if self.kept.len() > MAX_ERRORS_PER_FILE {
                break;
            }
            p.line += shift;
            self.kept.push(p);
        }
    }

    fn into_errors(self, file: &Arc<Path>) -> Vec<Error> {
        let at = |line: u64, column: u64, field: Option<&str>| {
            let position = Position::new()
                .with_shared_file(Some(file.clone()))
                .with_line_column(line, column);
            match field {
                Some(f) => position.with_field(f),
                None => position,
            }
        };
        let mut errors: Vec<Error> = Vec::new();
        let mut rest = None;
        for (i, p) in self.kept.into_iter().enumerate() {
            if i == MAX_ERRORS_PER_FILE {
                rest = Some((p.line, p.column));
                break;
            }
            errors.push(Error::at(p.kind, at(p.line, p.column, p.field)));
        }
        if let Some((line, column)) = rest {
            let more = self.total - MAX_ERRORS_PER_FILE;
            errors.push(Error::invalid(
                format!(
                    "… and {more} more {} in this file (the first {MAX_ERRORS_PER_FILE} are listed)",
                    if more == 1 { "problem" } else { "problems" }
                ),
                at(line, column, None),
            ));
        }
        errors
    }
}

fn io_error(err: io::Error, file: &Arc<Path>) -> Error {
    Error::at(
        ErrorKind::Io(err),
        Position::new().with_shared_file(Some(file.clone())),
    )
}

fn too_long(line: u64) -> Problem {
    Problem {
        line,
        column: 1,
        field: None,
        kind: ErrorKind::Syntax(format!(
            "a record longer than {} MiB: is a quote (\") left open?",
            MAX_RECORD >> 20
        )),
    }
}

fn invalid_utf8() -> ErrorKind {
    ErrorKind::Syntax(
        "invalid UTF-8: data files must be UTF-8 (re-save it as UTF-8; GBK and GB18030 are not read)"
            .to_owned(),
    )
}

// ---------------------------------------------------------------------------
// The header.

/// Where each known column is: `None` for an absent optional column.
struct Layout {
    columns: Vec<Option<usize>>,
    width: usize,
    names: Vec<&'static str>,
}

impl Layout {
    fn get(&self, i: usize) -> Option<usize> {
        self.columns[i]
    }

    /// The name of the column at position `at`.
    fn name_at(&self, at: usize) -> Option<&'static str> {
        self.columns
            .iter()
            .position(|c| *c == Some(at))
            .map(|k| self.names[k])
    }
}

/// Reads the header: every required column present, no unknown or repeated
/// column.
fn read_header<R: Read>(
    reader: &mut CsvReader<R>,
    required: &[&'static str],
    optional: &[&'static str],
    problems: &mut Problems,
) -> io::Result<Option<Layout>> {
    let names: Vec<&'static str> = required.iter().chain(optional).copied().collect();
    let listing = || {
        let mut s = required.join(",");
        if !optional.is_empty() {
            s.push_str(&format!(" (and optionally {})", optional.join(", ")));
        }
        s
    };
    match reader.next(u64::MAX)? {
        Next::Record => {}
        Next::End => {
            problems.push(Problem {
                line: reader.line,
                column: 1,
                field: None,
                kind: ErrorKind::Invalid(format!(
                    "the file is empty: the first line names the columns {}",
                    listing()
                )),
            });
            return Ok(None);
        }
        Next::TooLong => {
            problems.push(too_long(reader.line));
            return Ok(None);
        }
    }
    let line = reader.record_line;
    let mut columns = vec![None; names.len()];
    let mut ok = true;
    for i in 0..reader.len() {
        let raw = reader.field(i);
        let raw = raw.strip_prefix("\u{feff}".as_bytes()).unwrap_or(raw);
        let name = String::from_utf8_lossy(raw);
        let name = name.trim();
        let column = reader.column(i);
        match names.iter().position(|n| *n == name) {
            Some(k) if columns[k].is_some() => {
                ok = false;
                problems.push(Problem {
                    line,
                    column,
                    field: Some("header"),
                    kind: ErrorKind::Invalid(format!("column `{name}` is named twice")),
                });
            }
            Some(k) => columns[k] = Some(i),
            None => {
                ok = false;
                problems.push(Problem {
                    line,
                    column,
                    field: Some("header"),
                    kind: ErrorKind::Invalid(format!(
                        "unknown column `{name}`; expected one of: {}",
                        crate::load::expected_keys(name, &names)
                    )),
                });
            }
        }
    }
    for (k, name) in required.iter().enumerate() {
        if columns[k].is_none() {
            ok = false;
            problems.push(Problem {
                line,
                column: 1,
                field: Some("header"),
                kind: ErrorKind::Invalid(format!(
                    "missing column `{name}`; the columns are {}",
                    listing()
                )),
            });
        }
    }
    Ok(ok.then_some(Layout {
        columns,
        width: reader.len(),
        names,
    }))
}

/// Checks a record's width; reports a missing or an extra cell.
fn check_width<R: Read>(reader: &CsvReader<R>, layout: &Layout, problems: &mut Problems) -> bool {
    let n = reader.len();
    if n == layout.width {
        return true;
    }
    let names: Vec<&str> = (0..layout.width)
        .filter_map(|i| layout.name_at(i))
        .collect();
    let (column, what) = if n < layout.width {
        (
            reader.column(n.saturating_sub(1)) + chars(reader.field(n.saturating_sub(1))),
            "missing",
        )
    } else {
        (reader.column(layout.width), "extra")
    };
    problems.push(Problem {
        line: reader.record_line,
        column,
        field: None,
        kind: ErrorKind::Invalid(format!(
            "expected {} cells ({}), found {n}: {what} cells",
            layout.width,
            names.join(", ")
        )),
    });
    false
}

// ---------------------------------------------------------------------------
// Observations.

/// A valid row of `observations.csv`.
pub(crate) struct Row {
    /// The row's line, relative to its chunk (see [`scan_observations`]).
    pub line: u64,
    /// The jurisdiction's number (catalogue order).
    pub jurisdiction: u32,
    /// The metric's number (catalogue order).
    pub metric: u32,
    /// The date as written.
    pub as_of: PartialDate,
    /// The last day of `as_of`.
    pub day: NaiveDate,
    /// The value in the canonical unit (not necessarily normalised).
    pub canonical: Decimal,
    /// The quantity as written, when the sink asks for it.
    pub quantity: Option<Quantity>,
    /// The source's number, where given.
    pub source: Option<u32>,
}

/// What receives the valid rows of one chunk of `observations.csv`, in file
/// order.
pub(crate) trait Sink: Send {
    /// Whether rows carry the quantity as written ([`Row::quantity`]), read
    /// with the TOML reader's parser; otherwise only the canonical value,
    /// read by a fast path for plain numbers.
    const NEEDS_QUANTITY: bool;
    /// Takes one valid row.
    fn row(&mut self, row: &Row);
}

/// Per-thread state of reading observation rows.
struct ObservationReader<'k> {
    keys: &'k Keys,
    layout: &'k Layout,
    jurisdictions: Cache,
    metrics: Cache,
    sources: Cache,
    last_date: Option<([u8; 10], NaiveDate)>,
    /// Per metric, the last unit text and its unit.
    units: Vec<Option<(Vec<u8>, Unit)>>,
    /// Whether lines are absolute (for the reserved-id check).
    absolute_lines: bool,
}

impl<'k> ObservationReader<'k> {
    fn new(keys: &'k Keys, layout: &'k Layout, absolute_lines: bool) -> ObservationReader<'k> {
        ObservationReader {
            keys,
            layout,
            jurisdictions: Cache::new(&keys.jurisdictions),
            metrics: Cache::new(&keys.metrics),
            sources: Cache::new(&keys.sources),
            last_date: None,
            units: vec![None; keys.metrics.items.len()],
            absolute_lines,
        }
    }

    /// Reads records until `limit`, the end, or a broken record; returns
    /// how it ended.
    fn run<R: Read, S: Sink>(
        &mut self,
        reader: &mut CsvReader<R>,
        limit: u64,
        sink: &mut S,
        problems: &mut Problems,
    ) -> io::Result<Next> {
        loop {
            match reader.next(limit)? {
                Next::Record => {
                    if let Some(row) = self.fast_row::<R, S>(reader) {
                        sink.row(&row);
                    } else if check_width(reader, self.layout, problems) {
                        if let Some(row) = self.row::<R, S>(reader, problems) {
                            sink.row(&row);
                        }
                    }
                }
                Next::End => return Ok(Next::End),
                Next::TooLong => {
                    problems.push(too_long(reader.line));
                    return Ok(Next::TooLong);
                }
            }
        }
    }

    /// The common case, without allocating or reporting: known keys, a
    /// `YYYY-MM-DD` date, a plain number in a unit seen before for the
    /// metric. `None` sends the record to [`ObservationReader::row`], which
    /// reads every other form and reports the problems.
    #[inline]
    fn fast_row<R: Read, S: Sink>(&mut self, reader: &CsvReader<R>) -> Option<Row> {
        if S::NEEDS_QUANTITY
            || reader.len() != self.layout.width
            || !self.keys.taken_lines.is_empty()
        {
            return None;
        }
        let layout = self.layout;
        let column = |k: usize| layout.columns[k].map(|c| reader.field(c));
        let jurisdiction = self
            .jurisdictions
            .find(column(0)?, &self.keys.jurisdictions)?;
        let metric = self.metrics.find(column(1)?, &self.keys.metrics)?;
        let date = column(2)?;
        let day = match &self.last_date {
            Some((last, day)) if same(last, date) => *day,
            _ => {
                let day = fast_day(date)?;
                let mut key = [0u8; 10];
                key.copy_from_slice(date);
                self.last_date = Some((key, day));
                day
            }
        };
        let (canonical, unit) = self.fast_value(metric as usize, column(3)?, column(4)?)?;
        if unit.dimension() != self.keys.metrics.items[metric as usize].1 {
            return None;
        }
        let source = match column(5) {
            None | Some(b"") => None,
            Some(bytes) => Some(self.sources.find(bytes, &self.keys.sources)?),
        };
        Some(Row {
            line: reader.record_line,
            jurisdiction,
            metric,
            as_of: PartialDate::Day(day),
            day,
            canonical,
            quantity: None,
            source,
        })
    }

    fn row<R: Read, S: Sink>(
        &mut self,
        reader: &CsvReader<R>,
        problems: &mut Problems,
    ) -> Option<Row> {
        let layout = self.layout;
        let line = reader.record_line;
        let col = |k: usize| layout.get(k).unwrap_or(0);
        let mut failed = false;
        let mut fail = |k: usize, kind: ErrorKind| {
            failed = true;
            problems.push(Problem {
                line,
                column: reader.column(col(k)),
                field: Some(layout.names[k]),
                kind,
            });
        };

        // jurisdiction, metric
        let jurisdiction = {
            let bytes = reader.field(col(0));
            let found = self.jurisdictions.find(bytes, &self.keys.jurisdictions);
            if found.is_none() {
                fail(0, self.reference("jurisdiction", bytes));
            }
            found
        };
        let metric = {
            let bytes = reader.field(col(1));
            let found = self.metrics.find(bytes, &self.keys.metrics);
            if found.is_none() {
                fail(1, self.reference("metric", bytes));
            }
            found
        };

        // as_of
        let as_of = {
            let bytes = reader.field(col(2));
            match self.date(bytes) {
                Ok(date) => Some(date),
                Err(kind) => {
                    fail(2, kind);
                    None
                }
            }
        };

        // value, unit
        let value_bytes = reader.field(col(3));
        let unit_bytes = reader.field(col(4));
        let value = match metric {
            Some(m) => self.value::<S>(m, value_bytes, unit_bytes),
            None => full_quantity(value_bytes, unit_bytes).map(|q| (q.canonical_value(), None)),
        };
        let value = match value {
            Ok(v) => Some(v),
            Err((k, kind)) => {
                fail(k, kind);
                None
            }
        };

        // source
        let source = match layout.get(5).map(|c| reader.field(c)) {
            None | Some(b"") => None,
            Some(bytes) => match self.sources.find(bytes, &self.keys.sources) {
                Some(s) => Some(s),
                None => {
                    fail(5, self.reference("source", bytes));
                    None
                }
            },
        };

        if failed {
            return None;
        }
        if self.absolute_lines && self.keys.taken_lines.contains(&line) {
            problems.push(Problem {
                line,
                column: 1,
                field: Some("id"),
                kind: ErrorKind::Invalid(format!(
                    "duplicate observation \"{}_{line}\": the id this row gets is already used in the TOML files",
                    stem(Path::new(OBSERVATIONS_CSV))
                )),
            });
            return None;
        }
        let (jurisdiction, metric, as_of, (canonical, quantity)) =
            (jurisdiction?, metric?, as_of?, value?);
        Some(Row {
            line,
            jurisdiction,
            metric,
            as_of,
            day: as_of.last_day(),
            canonical,
            quantity,
            source,
        })
    }

    /// The problem with a key that is not in the catalogue: a malformed one,
    /// or an unknown one.
    fn reference(&self, what: &'static str, bytes: &[u8]) -> ErrorKind {
        let Ok(text) = std::str::from_utf8(bytes) else {
            return invalid_utf8();
        };
        let malformed = match what {
            "jurisdiction" => text.parse::<JurisdictionCode>().err(),
            _ => text.parse::<Id>().err(),
        };
        match malformed {
            Some(err) => err.into(),
            None => self.keys.unknown(what, text),
        }
    }

    fn date(&mut self, bytes: &[u8]) -> Result<PartialDate, ErrorKind> {
        if let Some((last, day)) = &self.last_date {
            if same(last, bytes) {
                return Ok(PartialDate::Day(*day));
            }
        }
        if let Some(day) = fast_day(bytes) {
            let mut key = [0u8; 10];
            key.copy_from_slice(bytes);
            self.last_date = Some((key, day));
            return Ok(PartialDate::Day(day));
        }
        let text = std::str::from_utf8(bytes).map_err(|_| invalid_utf8())?;
        text.parse::<PartialDate>().map_err(ErrorKind::from)
    }

    /// The canonical value (and the quantity, if the sink needs it), or the
    /// problem and the index of the column it is in.
    #[allow(clippy::type_complexity)]
    fn value<S: Sink>(
        &mut self,
        metric: u32,
        value: &[u8],
        unit: &[u8],
    ) -> Result<(Decimal, Option<Quantity>), (usize, ErrorKind)> {
        let (metric_id, expected) = &self.keys.metrics.items[metric as usize];
        if !S::NEEDS_QUANTITY {
            if let Some(fast) = self.fast_value(metric as usize, value, unit) {
                let (canonical, unit) = fast;
                if unit.dimension() != *expected {
                    return Err((3, wrong_dimension(unit, metric_id, *expected)));
                }
                return Ok((canonical, None));
            }
        }
        let q = full_quantity(value, unit)?;
        if q.dimension() != *expected {
            return Err((3, wrong_dimension(q.unit(), metric_id, *expected)));
        }
        if let Some(kind) = crate::catalog::negative(&q) {
            return Err((3, kind));
        }
        Ok((q.canonical_value(), S::NEEDS_QUANTITY.then_some(q)))
    }

    /// A plain number (digits, an optional fraction, at most 18 digits) in
    /// a unit seen before for this metric, without allocating.
    fn fast_value(&mut self, metric: usize, value: &[u8], unit: &[u8]) -> Option<(Decimal, Unit)> {
        let (mantissa, scale) = fast_number(value)?;
        let unit = match &self.units[metric] {
            Some((text, u)) if same(text, unit) => *u,
            _ => {
                let parsed: Unit = std::str::from_utf8(unit).ok()?.parse().ok()?;
                self.units[metric] = Some((unit.to_vec(), parsed));
                parsed
            }
        };
        let canonical = canonical(mantissa, scale, unit.exponent_to_canonical())?;
        Some((canonical, unit))
    }
}

fn wrong_dimension(unit: Unit, metric: &Id, expected: Dimension) -> ErrorKind {
    ErrorKind::WrongDimension {
        unit: unit.to_string(),
        found: unit.dimension(),
        metric: metric.to_string(),
        expected,
    }
}

/// A value and unit read with the TOML reader's parser
/// ([`Quantity::from_parts`]); an empty unit cell means the value carries
/// its unit (`3000TB`).
fn full_quantity(value: &[u8], unit: &[u8]) -> Result<Quantity, (usize, ErrorKind)> {
    let value = std::str::from_utf8(value).map_err(|_| (3, invalid_utf8()))?;
    let unit = std::str::from_utf8(unit).map_err(|_| (4, invalid_utf8()))?;
    let unit = (!unit.is_empty()).then_some(unit);
    Quantity::from_parts(value, unit).map_err(|e: ParseError| {
        let k = if e.what() == "unit" { 4 } else { 3 };
        (k, e.into())
    })
}

/// `YYYY-MM-DD` with a valid day, without allocating.
fn fast_day(b: &[u8]) -> Option<NaiveDate> {
    if b.len() != 10 || b[4] != b'-' || b[7] != b'-' {
        return None;
    }
    let digit = |i: usize| {
        let d = b[i].wrapping_sub(b'0');
        (d < 10).then_some(u32::from(d))
    };
    let year = digit(0)? * 1000 + digit(1)? * 100 + digit(2)? * 10 + digit(3)?;
    let month = digit(5)? * 10 + digit(6)?;
    let day = digit(8)? * 10 + digit(9)?;
    if year < 1000 {
        return None;
    }
    NaiveDate::from_ymd_opt(year as i32, month, day)
}

/// Digits with an optional fraction (`1234`, `56.780`), at most 18 digits:
/// the mantissa and the number of fraction digits.
fn fast_number(b: &[u8]) -> Option<(u64, u32)> {
    let mut mantissa: u64 = 0;
    let mut digits = 0u32;
    let mut scale = 0u32;
    let mut dot = false;
    for &c in b {
        match c {
            b'0'..=b'9' => {
                if digits == 18 {
                    return None;
                }
                mantissa = mantissa * 10 + u64::from(c - b'0');
                digits += 1;
                if dot {
                    scale += 1;
                }
            }
            b'.' if !dot && digits > 0 => dot = true,
            _ => return None,
        }
    }
    if digits == 0 || (dot && scale == 0) {
        return None;
    }
    Some((mantissa, scale))
}

/// `mantissa × 10^(exponent − scale)` exactly, for exponents of at most 9
/// either way (where it always fits).
fn canonical(mantissa: u64, scale: u32, exponent: i32) -> Option<Decimal> {
    if !(-9..=9).contains(&exponent) {
        return None;
    }
    let shift = scale as i32 - exponent;
    if shift >= 0 {
        Decimal::try_from_i128_with_scale(i128::from(mantissa), shift as u32).ok()
    } else {
        let factor = 10i128.checked_pow((-shift) as u32)?;
        Decimal::try_from_i128_with_scale(i128::from(mantissa).checked_mul(factor)?, 0).ok()
    }
}

/// How many threads to read with.
pub(crate) fn default_threads() -> usize {
    std::thread::available_parallelism()
        .map(|n| n.get())
        .unwrap_or(1)
        .min(8)
}

/// Reads `observations.csv` once, handing every valid row to a sink.
///
/// With `threads` > 1 and a large enough file, the file is cut into that
/// many chunks at line breaks, each read by its own thread into its own
/// sink (made by `make`); a chunk counts only if the chunk before it ended
/// exactly where it starts (a cut inside a quoted field is detected and the
/// rest re-read by one thread). The sinks come back in file order, each
/// with the line its rows are numbered from: rows of a sink carry lines
/// relative to its chunk, so `line + base − 1` is the line in the file.
///
/// Every problem is returned (up to [`MAX_ERRORS_PER_FILE`], then a count),
/// ordered by line.
pub(crate) fn scan_observations<S, F>(
    path: &Path,
    keys: &Keys,
    threads: usize,
    make: F,
) -> (Vec<(S, u64)>, Vec<Error>)
where
    S: Sink,
    F: Fn() -> S + Sync,
{
    scan_with(path, keys, threads, MIN_CHUNK, make)
}

pub(crate) fn scan_with<S, F>(
    path: &Path,
    keys: &Keys,
    threads: usize,
    min_chunk: u64,
    make: F,
) -> (Vec<(S, u64)>, Vec<Error>)
where
    S: Sink,
    F: Fn() -> S + Sync,
{
    match scan_inner(path, keys, threads, min_chunk, make) {
        Ok(done) => done,
        Err(e) => (Vec::new(), vec![io_error(e, &Arc::from(path))]),
    }
}

#[allow(clippy::type_complexity)]
fn scan_inner<S, F>(
    path: &Path,
    keys: &Keys,
    threads: usize,
    min_chunk: u64,
    make: F,
) -> io::Result<(Vec<(S, u64)>, Vec<Error>)>
where
    S: Sink,
    F: Fn() -> S + Sync,
{
    let file_name: Arc<Path> = Arc::from(path);
    let file = File::open(path)?;
    let size = file.metadata()?.len();
    let mut reader = CsvReader::new(file, 0, 1);
    let mut problems = Problems::default();
    let layout = read_header(
        &mut reader,
        &OBSERVATION_COLUMNS,
        &OBSERVATION_OPTIONAL_COLUMNS,
        &mut problems,
    )?;
    let Some(layout) = layout else {
        return Ok((Vec::new(), problems.into_errors(&file_name)));
    };
    let data_start = reader.offset;
    // Ids are checked against the TOML ones on absolute lines: one thread.
    let threads = if keys.taken_lines.is_empty() {
        threads.max(1)
    } else {
        1
    };
    let chunks = if threads > 1 && size.saturating_sub(data_start) >= min_chunk * threads as u64 {
        cut(path, data_start, size, threads)?
    } else {
        vec![data_start]
    };

    struct Chunk<S> {
        sink: S,
        problems: Problems,
        stopped_at: u64,
        lines: u64,
        ended: Next,
    }
    let run_rest = |start: u64, end: u64| -> io::Result<Chunk<S>> {
        let mut file = File::open(path)?;
        file.seek(SeekFrom::Start(start))?;
        let mut reader = CsvReader::new(file, start, 1);
        let mut sink = make();
        let mut problems = Problems::default();
        let mut rows = ObservationReader::new(keys, &layout, false);
        let ended = rows.run(&mut reader, end, &mut sink, &mut problems)?;
        Ok(Chunk {
            sink,
            problems,
            stopped_at: reader.offset,
            lines: reader.line - 1,
            ended,
        })
    };

    let first_end = chunks.get(1).copied().unwrap_or(u64::MAX);
    let (first, others) = std::thread::scope(|scope| {
        let handles: Vec<_> = chunks
            .iter()
            .enumerate()
            .skip(1)
            .map(|(i, &start)| {
                let end = chunks.get(i + 1).copied().unwrap_or(u64::MAX);
                let run_rest = &run_rest;
                scope.spawn(move || run_rest(start, end))
            })
            .collect();
        let mut sink = make();
        let mut rows = ObservationReader::new(keys, &layout, true);
        let first = rows
            .run(&mut reader, first_end, &mut sink, &mut problems)
            .map(|ended| Chunk {
                sink,
                problems: std::mem::take(&mut problems),
                stopped_at: reader.offset,
                lines: reader.line - 1,
                ended,
            });
        let others: Vec<io::Result<Chunk<S>>> = handles
            .into_iter()
            .map(|h| h.join().unwrap_or_else(|p| std::panic::resume_unwind(p)))
            .collect();
        (first, others)
    });

    // The first chunk was read from the top of the file: its lines are the
    // file's (base 1). Each later chunk starts on the line where the one
    // before it stopped, if it stopped exactly where the later one starts.
    let mut done: Vec<(Chunk<S>, u64)> = vec![(first?, 1)];
    let mut others = others.into_iter();
    for &start in &chunks[1..] {
        let other = others.next();
        let Some((last, last_base)) = done.last() else {
            break;
        };
        if last.ended == Next::TooLong {
            break;
        }
        let base = last_base + last.lines;
        if last.stopped_at == start {
            match other {
                Some(chunk) => done.push((chunk?, base)),
                None => break,
            }
        } else {
            // The cut fell inside a quoted field: read on from where the
            // previous chunk really ended, to the end, on this thread.
            let rest = run_rest(last.stopped_at, u64::MAX)?;
            done.push((rest, base));
            break;
        }
    }

    let mut all = Problems::default();
    let mut sinks = Vec::with_capacity(done.len());
    for (chunk, base) in done {
        all.append(chunk.problems, base - 1);
        sinks.push((chunk.sink, base));
    }
    Ok((sinks, all.into_errors(&file_name)))
}

/// Offsets where `threads` chunks of the data start: the first at
/// `data_start`, the others just after a line break.
fn cut(path: &Path, data_start: u64, size: u64, threads: usize) -> io::Result<Vec<u64>> {
    let mut file = File::open(path)?;
    let mut starts = vec![data_start];
    let span = size - data_start;
    let mut buf = vec![0u8; 1 << 16];
    for i in 1..threads {
        let guess = data_start + span * i as u64 / threads as u64;
        file.seek(SeekFrom::Start(guess))?;
        let mut at = guess;
        let found = loop {
            let n = file.read(&mut buf)?;
            if n == 0 {
                break None;
            }
            if let Some(k) = buf[..n].iter().position(|&b| b == b'\n') {
                break Some(at + k as u64 + 1);
            }
            at += n as u64;
        };
        match found {
            Some(start) if start < size && start > *starts.last().unwrap_or(&0) => {
                starts.push(start)
            }
            _ => {}
        }
    }
    Ok(starts)
}

// ---------------------------------------------------------------------------
// Catalogue loading.

/// Keeps every row as an [`Observation`] for the catalogue.
struct Collect<'k> {
    keys: &'k Keys,
    file: Arc<Path>,
    stem: String,
    unnamed: Option<Id>,
    /// Per metric number, whether its rows are kept (all when `None`).
    keep: Option<&'k [bool]>,
    rows: Vec<(Observation, Origin)>,
}

impl Sink for Collect<'_> {
    const NEEDS_QUANTITY: bool = true;

    fn row(&mut self, row: &Row) {
        if self
            .keep
            .is_some_and(|keep| !keep.get(row.metric as usize).copied().unwrap_or(false))
        {
            return;
        }
        let (Some(value), Ok(id)) = (row.quantity, format!("{}_{}", self.stem, row.line).parse())
        else {
            return;
        };
        let source = match row.source {
            Some(s) => self.keys.sources.items[s as usize].0.clone(),
            None => match &self.unnamed {
                Some(id) => id.clone(),
                None => return,
            },
        };
        let observation = Observation {
            id,
            jurisdiction: self.keys.jurisdictions.items[row.jurisdiction as usize].clone(),
            metric: self.keys.metrics.items[row.metric as usize].0.clone(),
            value,
            as_of: row.as_of,
            comparator: None,
            source,
            quote: String::new(),
            note: None,
        };
        let origin = Origin::new(
            Position::new()
                .with_shared_file(Some(self.file.clone()))
                .with_line_column(row.line, 1),
        );
        self.rows.push((observation, origin));
    }
}

/// How many records of each kind a valid data folder holds: the answer of
/// [`check_folder`].
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Inventory {
    /// Jurisdictions and groups.
    pub jurisdictions: usize,
    /// Metrics.
    pub metrics: usize,
    /// Source documents.
    pub sources: usize,
    /// Targets, from the TOML files and `targets.csv`.
    pub targets: usize,
    /// Reported figures, from the TOML files and `observations.csv`.
    pub observations: usize,
}

impl Inventory {
    /// The records a catalogue holds.
    pub fn of(catalog: &crate::Catalog) -> Inventory {
        Inventory {
            jurisdictions: catalog.jurisdictions().len(),
            metrics: catalog.metrics().len(),
            sources: catalog.sources().len(),
            targets: catalog.targets().len(),
            observations: catalog.observations().len(),
        }
    }
}

/// Checks a data folder as strictly as [`crate::Catalog::load`] and counts
/// its records, without keeping the rows of `observations.csv`: they are
/// read as a stream on several threads, checked and counted, so memory stays
/// that of the TOML files and `targets.csv` however long the table is.
///
/// The errors are those of [`crate::Catalog::load`], all reported at once,
/// with one difference of wording: a row whose id (`observations_<line>`) a
/// TOML record already uses is reported without the position of that
/// record, which a stream does not keep. (When the TOML files or
/// `targets.csv` have errors, the rows cannot be checked against them as a
/// stream, and the folder is loaded whole to report everything.)
///
/// ```
/// use policy_targets::bulk::check_folder;
///
/// let dir = std::env::temp_dir().join(format!("check-folder-doc-{}", std::process::id()));
/// std::fs::create_dir_all(dir.join("sources")).unwrap();
/// std::fs::write(dir.join("jurisdictions.toml"), r#"
/// [[jurisdiction]]
/// code = "320000"
/// name_zh = "江苏省"
/// name_en = "Jiangsu"
/// level = "province"
/// "#).unwrap();
/// std::fs::write(dir.join("metrics.toml"), r#"
/// [[metric]]
/// id = "high_quality_datasets"
/// name_zh = "高质量数据集"
/// name_en = "High-quality datasets"
/// dimension = "count"
/// polarity = "higher_is_better"
/// basis = "stock"
/// "#).unwrap();
/// std::fs::write(dir.join("observations.csv"), "\
/// jurisdiction,metric,as_of,value,unit
/// 320000,high_quality_datasets,2025-12-31,400,个
/// 320000,high_quality_datasets,2026-12-31,700,个
/// ").unwrap();
///
/// let inventory = check_folder(&dir)?;
/// assert_eq!(inventory.observations, 2);
/// assert_eq!(inventory.targets, 0);
///
/// std::fs::write(dir.join("observations.csv"), "\
/// jurisdiction,metric,as_of,value,unit
/// 320000,high_quality_datasets,2025-02-30,400,个
/// ").unwrap();
/// let errors = check_folder(&dir).unwrap_err();
/// assert!(errors.to_string().ends_with(
///     "observations.csv:2:30: as_of: invalid date \"2025-02-30\": no such day in the calendar"
/// ), "{errors}");
/// std::fs::remove_dir_all(&dir).unwrap();
/// # Ok::<(), policy_targets::Errors>(())
/// ```
pub fn check_folder(dir: impl AsRef<Path>) -> Result<Inventory, crate::Errors> {
    let dir = dir.as_ref();
    let csv = dir.join(OBSERVATIONS_CSV);
    let catalog = match crate::catalog::load_folder(dir, Rows::None) {
        Ok(catalog) => catalog,
        // The table's rows are checked against the catalogue; without one,
        // a full load reports every problem of the folder at once.
        Err(errors) if csv.is_file() => {
            return Err(crate::catalog::load_folder(dir, Rows::All)
                .err()
                .unwrap_or(errors));
        }
        Err(errors) => return Err(errors),
    };
    let mut inventory = Inventory::of(&catalog);
    if !csv.is_file() {
        return Ok(inventory);
    }
    let keys = Keys::of_catalog(&catalog);
    let (counters, errors) = scan_observations(&csv, &keys, default_threads(), || Counter(0));
    if !errors.is_empty() {
        return Err(crate::Errors::from_vec(errors));
    }
    inventory.observations += counters.iter().map(|(c, _)| c.0).sum::<usize>();
    Ok(inventory)
}

/// A sink that counts the valid rows.
struct Counter(usize);

impl Sink for Counter {
    const NEEDS_QUANTITY: bool = false;

    fn row(&mut self, _: &Row) {
        self.0 += 1;
    }
}

/// Which rows of `observations.csv` a folder load keeps (all are checked).
#[derive(Clone, Copy, Debug)]
pub(crate) enum Rows<'a> {
    /// None: the caller streams the table itself.
    None,
    /// Every row.
    All,
    /// The rows of these metrics.
    Metrics(&'a [&'a str]),
}

/// Reads the CSV tables of a data folder into `parts`, after its TOML
/// files: `targets.csv` if present and, with `observations`,
/// `observations.csv` if present.
pub(crate) fn read_tables(parts: &mut Parts, dir: &Path, rows: Rows<'_>) {
    let observations = !matches!(rows, Rows::None);
    let targets = dir.join(TARGETS_CSV);
    let observations_csv = dir.join(OBSERVATIONS_CSV);
    for path in [&targets, &observations_csv] {
        // Present but not a file (a folder, a link to nothing): reported,
        // not skipped.
        if std::fs::symlink_metadata(path).is_ok() && !path.is_file() {
            parts.errors.push(Error::at(
                ErrorKind::Invalid(crate::catalog::not_a_file(path)),
                Position::new().with_file(path.to_path_buf()),
            ));
        }
    }
    let has_targets = targets.is_file();
    let has_observations = observations && observations_csv.is_file();
    if !has_targets && !has_observations {
        return;
    }
    let mut keys = Keys::of_parts(parts);
    if has_targets {
        read_targets(parts, &targets, &keys);
    }
    if has_observations {
        // Per metric number, whether its rows are kept.
        let keep: Option<Vec<bool>> = match rows {
            Rows::Metrics(metrics) => {
                // Rows that are not kept are still checked against the ids
                // of the other records.
                keys.reserve_ids(
                    parts
                        .targets
                        .iter()
                        .map(|(t, _)| t.id.as_str())
                        .chain(parts.observations.iter().map(|(o, _)| o.id.as_str())),
                );
                Some(
                    keys.metrics
                        .items
                        .iter()
                        .map(|(id, _)| metrics.contains(&id.as_str()))
                        .collect(),
                )
            }
            _ => None,
        };
        // One thread: the catalogue keeps the rows in file order, and the
        // ids take the file's lines.
        let make = || Collect {
            keys: &keys,
            file: Arc::from(observations_csv.as_path()),
            stem: stem(&observations_csv),
            unnamed: UNNAMED_SOURCE.parse().ok(),
            keep: keep.as_deref(),
            rows: Vec::new(),
        };
        let (sinks, errors) = scan_observations(&observations_csv, &keys, 1, make);
        for (sink, _) in sinks {
            parts.observations.extend(sink.rows);
        }
        parts.errors.extend(errors);
    }
}

/// Reads `targets.csv` into `parts`.
fn read_targets(parts: &mut Parts, path: &Path, keys: &Keys) {
    let file_name: Arc<Path> = Arc::from(path);
    let file = match File::open(path) {
        Ok(f) => f,
        Err(e) => {
            parts.errors.push(io_error(e, &file_name));
            return;
        }
    };
    let mut reader = CsvReader::new(file, 0, 1);
    let mut problems = Problems::default();
    let result = (|| -> io::Result<()> {
        let Some(layout) = read_header(&mut reader, &TARGET_COLUMNS, &[], &mut problems)? else {
            return Ok(());
        };
        loop {
            match reader.next(u64::MAX)? {
                Next::Record => {
                    if check_width(&reader, &layout, &mut problems) {
                        if let Some(t) =
                            target_row(&reader, &layout, keys, &file_name, &mut problems)
                        {
                            parts.targets.push(t);
                        }
                    }
                }
                Next::End => return Ok(()),
                Next::TooLong => {
                    problems.push(too_long(reader.line));
                    return Ok(());
                }
            }
        }
    })();
    if let Err(e) = result {
        parts.errors.push(io_error(e, &file_name));
    }
    parts.errors.extend(problems.into_errors(&file_name));
}

fn target_row<R: Read>(
    reader: &CsvReader<R>,
    layout: &Layout,
    keys: &Keys,
    file: &Arc<Path>,
    problems: &mut Problems,
) -> Option<(Target, Origin)> {
    let line = reader.record_line;
    let columns = reader.columns();
    let column = |k: usize| columns[layout.get(k).unwrap_or(0)];
    let mut failed = false;
    // The record at its id; the fields that the catalogue's own checks
    // (duplicate ids, ranges, deadlines before publication) report.
    let at = |k: usize| {
        Position::new()
            .with_shared_file(Some(file.clone()))
            .with_line_column(line, column(k))
    };
    let mut origin = Origin::new(at(0));
    for (k, key) in [(3, "comparator"), (6, "deadline"), (7, "period")] {
        origin.set(key, at(k).with_field(TARGET_COLUMNS[k]));
    }
    let mut cells: Vec<&str> = Vec::with_capacity(TARGET_COLUMNS.len());
    for (k, name) in TARGET_COLUMNS.iter().enumerate() {
        let c = layout.get(k).unwrap_or(0);
        match std::str::from_utf8(reader.field(c)) {
            Ok(text) => cells.push(text),
            Err(_) => {
                failed = true;
                problems.push(Problem {
                    line,
                    column: column(k),
                    field: Some(name),
                    kind: invalid_utf8(),
                });
                cells.push("");
            }
        }
    }
    let mut fail = |k: usize, kind: ErrorKind| {
        failed = true;
        problems.push(Problem {
            line,
            column: column(k),
            field: Some(TARGET_COLUMNS[k]),
            kind,
        });
    };
    let parse = |k: usize, fail: &mut dyn FnMut(usize, ErrorKind)| -> Option<&str> {
        let text = cells[k];
        if text.is_empty() && k != 5 && k != 7 {
            fail(k, ErrorKind::MissingField(TARGET_COLUMNS[k]));
            return None;
        }
        Some(text)
    };

    let id = parse(0, &mut fail).and_then(|t| t.parse::<Id>().map_err(|e| fail(0, e.into())).ok());
    let jurisdiction = parse(1, &mut fail).and_then(|t| match keys.jurisdiction(t) {
        Some(j) => Some(keys.jurisdictions.items[j as usize].clone()),
        None => {
            let kind = match t.parse::<JurisdictionCode>() {
                Err(e) => e.into(),
                Ok(_) => keys.unknown("jurisdiction", t),
            };
            fail(1, kind);
            None
        }
    });
    let metric = parse(2, &mut fail).and_then(|t| match keys.metric(t) {
        Some(m) => Some(keys.metrics.items[m as usize].clone()),
        None => {
            let kind = match t.parse::<Id>() {
                Err(e) => e.into(),
                Ok(_) => keys.unknown("metric", t),
            };
            fail(2, kind);
            None
        }
    });
    let comparator = parse(3, &mut fail)
        .and_then(|t| t.parse::<Comparator>().map_err(|e| fail(3, e.into())).ok());
    let value =
        parse(4, &mut fail).and_then(|t| match full_quantity(t.as_bytes(), cells[5].as_bytes()) {
            Ok(q) => Some(q),
            Err((k, kind)) => {
                fail(if k == 3 { 4 } else { 5 }, kind);
                None
            }
        });
    if let (Some(q), Some((metric_id, expected))) = (&value, &metric) {
        if q.dimension() != *expected {
            fail(4, wrong_dimension(q.unit(), metric_id, *expected));
        }
    }
    let deadline = parse(6, &mut fail).and_then(|t| {
        t.parse::<PartialDate>()
            .map(Deadline::new)
            .map_err(|e| fail(6, e.into()))
            .ok()
    });
    let period = match (cells[7], deadline) {
        ("", _) => None,
        (text, deadline) => match text.parse::<PartialDate>() {
            Err(e) => {
                fail(7, e.into());
                None
            }
            Ok(start) => match deadline.map(|d| Period::new(start, d.date())) {
                Some(Ok(p)) => Some(p),
                Some(Err(_)) => {
                    fail(
                        7,
                        ErrorKind::Invalid(format!(
                            "the period starts ({start}) after the deadline ({})",
                            deadline.map(|d| d.to_string()).unwrap_or_default()
                        )),
                    );
                    None
                }
                None => None,
            },
        },
    };
    let source = parse(8, &mut fail).and_then(|t| match keys.sources.index.get(t.as_bytes()) {
        Some(&s) => Some(keys.sources.items[s as usize].0.clone()),
        None => {
            let kind = match t.parse::<Id>() {
                Err(e) => e.into(),
                Ok(_) => keys.unknown("source", t),
            };
            fail(8, kind);
            None
        }
    });
    if failed {
        return None;
    }
    let target = Target {
        id: id?,
        jurisdiction: jurisdiction?,
        metric: metric?.0,
        comparator: comparator?,
        value: value?,
        upper: None,
        deadline: deadline?,
        period,
        baseline: None,
        basis: None,
        source: source?,
        quote: String::new(),
        note: None,
    };
    Some((target, origin))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The records of `text` read from `offset` up to `limit` (line and
    /// fields), and where the reader stopped (offset and line).
    #[allow(clippy::type_complexity)]
    fn read_range(
        text: &[u8],
        offset: usize,
        line: u64,
        limit: u64,
        buffer: usize,
    ) -> (Vec<(u64, Vec<Vec<u8>>)>, u64, u64) {
        let mut reader = CsvReader::with_buffer(&text[offset..], offset as u64, line, buffer);
        let mut out = Vec::new();
        while reader.next(limit).unwrap() == Next::Record {
            let fields = (0..reader.len())
                .map(|i| reader.field(i).to_vec())
                .collect();
            out.push((reader.record_line, fields));
        }
        (out, reader.offset, reader.line)
    }

    fn records(text: &[u8]) -> Vec<(u64, Vec<String>)> {
        // A tiny buffer, to exercise refills.
        let (records, offset, _) = read_range(text, 0, 1, u64::MAX, 4);
        assert_eq!(offset, text.len() as u64);
        records
            .into_iter()
            .map(|(line, fields)| {
                let fields = fields
                    .iter()
                    .map(|f| String::from_utf8_lossy(f).into_owned())
                    .collect();
                (line, fields)
            })
            .collect()
    }

    fn expect(text: &[u8], want: &[(u64, &[&str])]) {
        let want: Vec<(u64, Vec<String>)> = want
            .iter()
            .map(|(l, f)| (*l, f.iter().map(|s| s.to_string()).collect()))
            .collect();
        assert_eq!(records(text), want, "{:?}", String::from_utf8_lossy(text));
    }

    #[test]
    fn reader_tracks_lines_through_quotes_crlf_and_empty_lines() {
        expect(
            b"a,b\n\n1,2\r\n\"x\ny\",3\n4\n,\n\"q\"\"\",\"\"\r\n5,6",
            &[
                (1, &["a", "b"]),
                (3, &["1", "2"]),
                (4, &["x\ny", "3"]),
                (6, &["4"]),
                (7, &["", ""]),
                (8, &["q\"", ""]),
                (9, &["5", "6"]),
            ],
        );
        // Empty lines of both kinds, before and between records and at the
        // end; quoted line breaks after them.
        expect(
            b"\r\n\n\r\na\n\n\n\"b\n\nc\"\r\n\r\n\n",
            &[(4, &["a"]), (7, &["b\n\nc"])],
        );
        // A lone `\r` stays in its field; only the one before `\n` goes.
        expect(b"a\rb,c\r\r\n\r\n", &[(1, &["a\rb", "c\r"])]);
        // The last record without a line break, with and without `\r`.
        expect(b"a\n\n\"b\nc\",d", &[(1, &["a"]), (3, &["b\nc", "d"])]);
        expect(b"a\r\nb\r", &[(1, &["a"]), (2, &["b"])]);
        expect(b"\r", &[(1, &[""])]);
        expect(b"\"\r\"\n\"\"\r\n", &[(1, &[""]), (2, &[""])]);
        // Cells that end like the sentinel.
        expect(
            b"a\0\n\"b\0\n\"\nc\0",
            &[(1, &["a\0"]), (2, &["b\0\n"]), (4, &["c\0"])],
        );
        // Nothing but empty lines, or nothing at all.
        expect(b"\n\r\n\n", &[]);
        expect(b"", &[]);
    }

    #[test]
    fn an_unclosed_quote_at_the_end_keeps_its_line() {
        expect(b"a\n\n\"b\nc,d\n", &[(1, &["a"]), (3, &["b\nc,d\n"])]);
        expect(b"a\n\"b\r\n", &[(1, &["a"]), (2, &["b\r\n"])]);
        expect(b"\"", &[(1, &[""])]);
        expect(b"x,\"\"\"", &[(1, &["x", "\""])]);
    }

    #[test]
    fn a_byte_order_mark_stays_in_the_first_cell() {
        // The header reader takes it off the first name itself; a chunk
        // that starts with one keeps it too.
        expect(
            "\u{feff}a,b\n\u{feff}c\n".as_bytes(),
            &[(1, &["\u{feff}a", "b"]), (2, &["\u{feff}c"])],
        );
        let text = "a\n\u{feff}c\n".as_bytes();
        let (got, _, _) = read_range(text, 2, 2, u64::MAX, 1 << 10);
        assert_eq!(got, vec![(2, vec!["\u{feff}c".as_bytes().to_vec()])]);
    }

    #[test]
    fn reader_stops_at_a_boundary() {
        let text = b"a,b\n1,2\n3,4\n";
        let mut reader = CsvReader::new(&text[..], 0, 1);
        assert_eq!(reader.next(8).unwrap(), Next::Record);
        assert_eq!(reader.next(8).unwrap(), Next::Record);
        assert_eq!(reader.next(8).unwrap(), Next::End);
        assert_eq!((reader.offset, reader.line), (8, 3));
        // The limit among empty lines: the reader stops at it, on its line.
        let text = b"a\n\n\n\nb\n";
        let (got, offset, line) = read_range(text, 0, 1, 4, 1 << 10);
        assert_eq!((got.len(), offset, line), (1, 4, 4));
        let (got, offset, line) = read_range(text, 4, 4, u64::MAX, 1 << 10);
        assert_eq!(got, vec![(5, vec![b"b".to_vec()])]);
        assert_eq!((offset, line), (7, 6));
        // A record across the limit: the reader stops after it.
        let (got, offset, line) = read_range(b"a\n\"b\nc\"\nd\n", 0, 1, 4, 1 << 10);
        assert_eq!((got.len(), offset, line), (2, 8, 4));
    }

    /// A small deterministic generator of awkward CSV text.
    fn awkward_texts() -> Vec<Vec<u8>> {
        let pieces: [&[u8]; 12] = [
            b"a",
            b"bc",
            b",",
            b"\n",
            b"\r\n",
            b"\"",
            b"\"\"",
            b"\r",
            b"\xe4\xb8\xaa",
            b"\0",
            b"\n\n",
            b"\",\"",
        ];
        let mut state: u64 = 0x9E37_79B9_7F4A_7C15;
        let mut texts = Vec::new();
        for _ in 0..3000 {
            let mut text = Vec::new();
            state ^= state << 13;
            state ^= state >> 7;
            state ^= state << 17;
            for _ in 0..(state % 24) {
                state ^= state << 13;
                state ^= state >> 7;
                state ^= state << 17;
                text.extend_from_slice(pieces[(state % pieces.len() as u64) as usize]);
            }
            texts.push(text);
        }
        texts
    }

    #[test]
    fn chunks_read_what_one_reader_reads() {
        // Cut every text after each line break, as the threads do: where
        // the first reader stops exactly at the cut, the second continues
        // it; together they read what one reader reads.
        for text in awkward_texts() {
            let (whole, end, end_line) = read_range(&text, 0, 1, u64::MAX, 3);
            assert_eq!(end, text.len() as u64);
            assert_eq!(
                end_line,
                1 + newlines(&text),
                "{:?}",
                String::from_utf8_lossy(&text)
            );
            for cut in memchr::memchr_iter(b'\n', &text).map(|i| i + 1) {
                let (mut first, stopped, line) = read_range(&text, 0, 1, cut as u64, 2);
                if stopped != cut as u64 {
                    assert!(stopped > cut as u64);
                    continue;
                }
                assert_eq!(line, 1 + newlines(&text[..cut]));
                let (second, _, _) = read_range(&text, cut, line, u64::MAX, 5);
                first.extend(second);
                assert_eq!(
                    first,
                    whole,
                    "{:?} cut at {cut}",
                    String::from_utf8_lossy(&text)
                );
            }
        }
    }

    #[test]
    fn unclosed_quote_is_bounded() {
        let mut text = b"a\n\n\"".to_vec();
        text.extend(std::iter::repeat_n(b'x', MAX_RECORD + 10));
        text.extend(b"\nmore\n");
        let mut reader = CsvReader::new(&text[..], 0, 1);
        assert_eq!(reader.next(u64::MAX).unwrap(), Next::Record);
        assert_eq!(reader.next(u64::MAX).unwrap(), Next::TooLong);
        assert_eq!(reader.line, 3);
        // A long record that is closed is read.
        let mut text = b"a\n\"".to_vec();
        text.extend(std::iter::repeat_n(b'x', MAX_RECORD - 10));
        text.extend(b"\"\nmore\n");
        assert_eq!(records(&text).len(), 3);
    }

    #[test]
    fn fast_paths_agree_with_the_parsers() {
        for s in ["2025-06-30", "2024-02-29", "1000-01-01", "9999-12-31"] {
            assert_eq!(
                fast_day(s.as_bytes()).map(PartialDate::Day),
                s.parse().ok(),
                "{s}"
            );
        }
        for s in [
            "2025-02-29",
            "2025-13-01",
            "0999-01-01",
            "2025-6-30",
            "2025/06/30",
        ] {
            assert_eq!(fast_day(s.as_bytes()), None, "{s}");
        }
        for (number, unit) in [
            ("1234", "个"),
            ("0.5", "TB"),
            ("12.3400", "亿元"),
            ("007", "PB"),
            ("999999999999999999", "GB"),
            ("1.5", "万元"),
            ("3", "EFLOPS"),
            ("0", "万人"),
        ] {
            let (m, s) = fast_number(number.as_bytes()).unwrap();
            let unit_: Unit = unit.parse().unwrap();
            let fast = canonical(m, s, unit_.exponent_to_canonical())
                .unwrap()
                .normalize();
            let full = Quantity::from_parts(number, Some(unit))
                .unwrap()
                .canonical_value();
            assert_eq!(fast.to_string(), full.to_string(), "{number}{unit}");
        }
        for s in [
            "",
            ".5",
            "5.",
            "-1",
            "+1",
            "1,000",
            "1e5",
            "1.2.3",
            "5万",
            " 1",
            "1234567890123456789",
        ] {
            assert_eq!(fast_number(s.as_bytes()), None, "{s}");
        }
    }

    /// Counts rows and sums their lines, per chunk.
    struct Count {
        rows: Vec<u64>,
    }

    impl Sink for Count {
        const NEEDS_QUANTITY: bool = false;
        fn row(&mut self, row: &Row) {
            self.rows.push(row.line);
        }
    }

    fn keys() -> Keys {
        let j: Vec<JurisdictionCode> = vec!["110101".parse().unwrap(), "110102".parse().unwrap()];
        let m: Vec<Id> = vec!["datasets".parse().unwrap()];
        Keys::new(
            j.iter(),
            m.iter().map(|m| (m, Dimension::Count)),
            std::iter::empty(),
        )
    }

    fn scan_lines(text: &str, threads: usize) -> Result<Vec<u64>, Vec<String>> {
        static RUN: std::sync::atomic::AtomicUsize = std::sync::atomic::AtomicUsize::new(0);
        let run = RUN.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
        let dir =
            std::env::temp_dir().join(format!("policy_targets_bulk_{}_{run}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        let path = dir.join("observations.csv");
        std::fs::write(&path, text).unwrap();
        let keys = keys();
        let (sinks, errors) = scan_with(&path, &keys, threads, 1, || Count { rows: Vec::new() });
        let _ = std::fs::remove_dir_all(&dir);
        match errors.is_empty() {
            true => Ok(sinks
                .into_iter()
                .flat_map(|(s, base)| s.rows.into_iter().map(move |l| l + base - 1))
                .collect()),
            false => Err(errors.iter().map(|e| e.to_string()).collect()),
        }
    }

    #[test]
    fn chunks_give_the_lines_of_one_reader() {
        let mut text = String::from("jurisdiction,metric,as_of,value,unit\r\n");
        for i in 0..200 {
            let j = if i % 3 == 0 { "110101" } else { "110102" };
            if i % 17 == 0 {
                // A quoted field with a line break, to be cut inside.
                text.push_str(&format!("\"{j}\",datasets,2025-01-31,\"{i}\",\"个\"\r\n\n"));
            } else {
                text.push_str(&format!("{j},datasets,2025-01-31,{i},个\r\n"));
            }
        }
        let one = scan_lines(&text, 1).unwrap();
        assert_eq!(one.len(), 200);
        for threads in 2..=7 {
            assert_eq!(
                scan_lines(&text, threads).unwrap(),
                one,
                "{threads} threads"
            );
        }
        // A quoted line break in every record: cuts fall inside quotes.
        let mut text = String::from("jurisdiction,metric,as_of,value,unit\n");
        for i in 0..100 {
            text.push_str(&format!("110101,datasets,2025-01-31,{i},\"个\n\"\n"));
        }
        let one = scan_lines(&text, 1);
        for threads in 2..=5 {
            assert_eq!(scan_lines(&text, threads), one, "{threads} threads");
        }
    }

    #[test]
    fn problems_carry_file_lines_from_every_chunk() {
        let mut text = String::from("jurisdiction,metric,as_of,value,unit\n");
        for i in 0..120 {
            if i % 40 == 39 {
                text.push_str("110101,datasets,2025-02-30,1,个\n");
            } else {
                text.push_str(&format!("110101,datasets,2025-01-31,{i},个\n"));
            }
        }
        for threads in 1..=4 {
            let errors = scan_lines(&text, threads).unwrap_err();
            let lines: Vec<&str> = errors
                .iter()
                .map(|e| {
                    e.split(": ")
                        .next()
                        .unwrap()
                        .rsplit_once("observations.csv:")
                        .unwrap()
                        .1
                })
                .collect();
            assert_eq!(lines, ["41:17", "81:17", "121:17"], "{threads} threads");
        }
    }

    #[test]
    fn streaming_in_chunks_equals_one_reader_and_the_catalogue() {
        use crate::engine::progress::{Options, progress, stream};
        use crate::synth::{Spec, write_folder};
        let dir =
            std::env::temp_dir().join(format!("policy_targets_chunks_{}", std::process::id()));
        let spec = Spec {
            jurisdictions: 30,
            metrics: 9,
            months: 30,
            seed: 11,
        };
        write_folder(&spec, &dir).unwrap();
        let as_of = NaiveDate::from_ymd_opt(2025, 6, 30).unwrap();
        let options = Options::default();
        let catalog = crate::catalog::load_folder(&dir, Rows::None).unwrap();
        let csv = dir.join(OBSERVATIONS_CSV);
        let one = stream(&catalog, &csv, as_of, &options, 1, 1).unwrap();
        let full = crate::Catalog::load(&dir).unwrap();
        assert_eq!(one, progress(&full, as_of, &options));
        for threads in 2..=5 {
            let many = stream(&catalog, &csv, as_of, &options, threads, 1).unwrap();
            assert_eq!(many, one, "{threads} threads");
        }
        let _ = std::fs::remove_dir_all(&dir);
    }
}
