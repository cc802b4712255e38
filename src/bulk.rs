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
//! the progress engine ([`crate::progress::progress_folder`]) keeps per
//! target only the points it needs, and [`crate::Catalog::load`] keeps every
//! row.

use std::collections::{HashMap, HashSet};
use std::fs::File;
use std::hash::{BuildHasherDefault, Hasher};
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

/// The Fx hash (as in rustc): fast on the short keys of a data file.
#[derive(Default, Clone, Copy)]
pub(crate) struct FxHasher(u64);

impl FxHasher {
    fn add(&mut self, word: u64) {
        self.0 = (self.0.rotate_left(5) ^ word).wrapping_mul(0x51_7c_c1_b7_27_22_0a_95);
    }
}

impl Hasher for FxHasher {
    fn write(&mut self, bytes: &[u8]) {
        let mut chunks = bytes.chunks_exact(8);
        for chunk in &mut chunks {
            let mut word = [0u8; 8];
            word.copy_from_slice(chunk);
            self.add(u64::from_le_bytes(word));
        }
        let rest = chunks.remainder();
        if !rest.is_empty() {
            let mut word = [0u8; 8];
            word[..rest.len()].copy_from_slice(rest);
            self.add(u64::from_le_bytes(word));
        }
    }

    fn write_u64(&mut self, n: u64) {
        self.add(n);
    }

    fn write_usize(&mut self, n: usize) {
        self.add(n as u64);
    }

    fn finish(&self) -> u64 {
        self.0
    }
}

pub(crate) type FxBuild = BuildHasherDefault<FxHasher>;

/// Keys of one kind (jurisdiction codes, metric ids, source ids) by their
/// bytes, numbered in catalogue order.
struct Table<T> {
    items: Vec<T>,
    bytes: Vec<Box<[u8]>>,
    index: HashMap<Box<[u8]>, u32, FxBuild>,
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
            "jurisdiction" => crate::load::closest(text, self.jurisdictions.names()),
            "metric" => crate::load::closest(text, self.metrics.names()),
            _ => crate::load::closest(text, self.sources.names()),
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
// Reading CSV records with exact lines and byte offsets.

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

/// `0x80` in each byte of `word` that equals `byte`, `0` elsewhere (exact:
/// no carries between bytes).
#[inline]
fn byte_marks(word: u64, byte: u8) -> u64 {
    const LOW7: u64 = 0x7F7F_7F7F_7F7F_7F7F;
    let x = word ^ (0x0101_0101_0101_0101 * u64::from(byte));
    !(((x & LOW7) + LOW7) | x | LOW7)
}

/// The characters of UTF-8 text (bytes that do not continue a character).
fn chars(bytes: &[u8]) -> u64 {
    bytes.iter().filter(|&&b| b & 0xC0 != 0x80).count() as u64
}

/// An RFC 4180 reader: fields separated by commas, records by `\n` or
/// `\r\n`, fields in double quotes may hold commas, quotes (doubled) and
/// line breaks. Empty lines are skipped. It tracks the line of each record
/// and the byte offset of each boundary, so that a file can be read in
/// chunks by several threads.
struct CsvReader<R> {
    src: R,
    buf: Vec<u8>,
    start: usize,
    end: usize,
    eof: bool,
    /// The byte offset (in the file) of `buf[start]`.
    offset: u64,
    /// The line of `buf[start]` (counted from the reader's first line).
    line: u64,
    /// The line the current record starts on.
    record_line: u64,
    /// Field boundaries of the current record, in `buf` or `scratch`.
    fields: Vec<(usize, usize)>,
    scratch: Vec<u8>,
    quoted: bool,
}

impl<R: Read> CsvReader<R> {
    fn new(src: R, offset: u64, line: u64) -> CsvReader<R> {
        CsvReader {
            src,
            buf: vec![0; BUFFER],
            start: 0,
            end: 0,
            eof: false,
            offset,
            line,
            record_line: line,
            fields: Vec::with_capacity(16),
            scratch: Vec::new(),
            quoted: false,
        }
    }

    /// Reads more input, keeping what is unread; false when a record does
    /// not fit in [`MAX_RECORD`].
    fn fill(&mut self) -> io::Result<bool> {
        if self.start > 0 {
            self.buf.copy_within(self.start..self.end, 0);
            self.end -= self.start;
            self.start = 0;
        }
        if self.end == self.buf.len() {
            if self.buf.len() >= MAX_RECORD {
                return Ok(false);
            }
            let len = (self.buf.len() * 2).min(MAX_RECORD);
            self.buf.resize(len, 0);
        }
        loop {
            match self.src.read(&mut self.buf[self.end..]) {
                Ok(0) => {
                    self.eof = true;
                    return Ok(true);
                }
                Ok(n) => {
                    self.end += n;
                    return Ok(true);
                }
                Err(e) if e.kind() == io::ErrorKind::Interrupted => {}
                Err(e) => return Err(e),
            }
        }
    }

    /// Reads the next record, unless the input ends or `limit` (a byte
    /// offset) is reached at a record boundary first.
    fn next(&mut self, limit: u64) -> io::Result<Next> {
        loop {
            if self.offset >= limit {
                return Ok(Next::End);
            }
            if self.start == self.end {
                if self.eof {
                    return Ok(Next::End);
                }
                if !self.fill()? {
                    return Ok(Next::TooLong);
                }
                continue;
            }
            // Skip empty lines.
            match self.buf[self.start] {
                b'\n' => {
                    self.start += 1;
                    self.offset += 1;
                    self.line += 1;
                    continue;
                }
                b'\r' if self.start + 1 < self.end && self.buf[self.start + 1] == b'\n' => {
                    self.start += 2;
                    self.offset += 2;
                    self.line += 1;
                    continue;
                }
                b'\r' if self.start + 1 == self.end && !self.eof => {
                    if !self.fill()? {
                        return Ok(Next::TooLong);
                    }
                    continue;
                }
                _ => {}
            }
            match self.parse() {
                Some((end, newlines)) => {
                    self.record_line = self.line;
                    self.line += newlines;
                    self.offset += (end - self.start) as u64;
                    self.start = end;
                    return Ok(Next::Record);
                }
                None => {
                    if !self.fill()? {
                        return Ok(Next::TooLong);
                    }
                }
            }
        }
    }

    /// Parses the record at `start`: its end and the line breaks it
    /// consumed, or `None` when it is not complete in the buffer.
    fn parse(&mut self) -> Option<(usize, u64)> {
        self.fields.clear();
        self.quoted = false;
        let start = self.start;
        let rest = &self.buf[start..self.end];
        let (line, next) = match memchr::memchr(b'\n', rest) {
            Some(i) => (&rest[..i], i + 1),
            None if self.eof => (rest, rest.len()),
            None => return None,
        };
        // Commas and quotes, eight bytes at a time.
        let mut field = 0;
        let mut at = 0;
        while at < line.len() {
            let (mut marks, width) = if at + 8 <= line.len() {
                let mut word = [0u8; 8];
                word.copy_from_slice(&line[at..at + 8]);
                let word = u64::from_le_bytes(word);
                (byte_marks(word, b',') | byte_marks(word, b'"'), 8)
            } else {
                let mut marks = 0u64;
                for (k, &b) in line[at..].iter().enumerate() {
                    if b == b',' || b == b'"' {
                        marks |= 0x80 << (8 * k);
                    }
                }
                (marks, line.len() - at)
            };
            while marks != 0 {
                let i = at + (marks.trailing_zeros() / 8) as usize;
                marks &= marks - 1;
                if line[i] == b',' {
                    self.fields.push((start + field, start + i));
                    field = i + 1;
                } else if i == field {
                    // A quote opens a quoted field only at the field's start.
                    return self.parse_quoted();
                }
            }
            at += width;
        }
        let end = if line.len() > field && line[line.len() - 1] == b'\r' {
            line.len() - 1
        } else {
            line.len()
        };
        self.fields.push((start + field, start + end));
        let newlines = u64::from(next > line.len());
        Some((start + next, newlines))
    }

    /// Parses a record with quoted fields into `scratch`.
    fn parse_quoted(&mut self) -> Option<(usize, u64)> {
        self.fields.clear();
        self.scratch.clear();
        self.quoted = true;
        let buf = &self.buf[..self.end];
        let eof = self.eof;
        let mut i = self.start;
        let mut newlines = 0;
        loop {
            let field = self.scratch.len();
            if i < buf.len() && buf[i] == b'"' {
                i += 1;
                loop {
                    if i == buf.len() {
                        if eof {
                            // An unclosed quote at the end of the input.
                            self.fields.push((field, self.scratch.len()));
                            return Some((i, newlines));
                        }
                        return None;
                    }
                    match buf[i] {
                        b'"' if i + 1 < buf.len() && buf[i + 1] == b'"' => {
                            self.scratch.push(b'"');
                            i += 2;
                        }
                        b'"' if i + 1 == buf.len() && !eof => return None,
                        b'"' => {
                            i += 1;
                            break;
                        }
                        c => {
                            if c == b'\n' {
                                newlines += 1;
                            }
                            self.scratch.push(c);
                            i += 1;
                        }
                    }
                }
            }
            // The unquoted rest of the field.
            loop {
                if i == buf.len() {
                    if eof {
                        self.fields.push((field, self.scratch.len()));
                        return Some((i, newlines));
                    }
                    return None;
                }
                match buf[i] {
                    b',' => {
                        self.fields.push((field, self.scratch.len()));
                        i += 1;
                        break;
                    }
                    b'\n' => {
                        let mut end = self.scratch.len();
                        if end > field && self.scratch[end - 1] == b'\r' {
                            end -= 1;
                        }
                        self.fields.push((field, end));
                        return Some((i + 1, newlines + 1));
                    }
                    c => {
                        self.scratch.push(c);
                        i += 1;
                    }
                }
            }
        }
    }

    fn len(&self) -> usize {
        self.fields.len()
    }

    fn field(&self, i: usize) -> &[u8] {
        let (a, b) = self.fields[i];
        if self.quoted {
            &self.scratch[a..b]
        } else {
            &self.buf[a..b]
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
    rows: Vec<(Observation, Origin)>,
}

impl Sink for Collect<'_> {
    const NEEDS_QUANTITY: bool = true;

    fn row(&mut self, row: &Row) {
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

/// Reads the CSV tables of a data folder into `parts`, after its TOML
/// files: `targets.csv` if present and, with `observations`,
/// `observations.csv` if present.
pub(crate) fn read_tables(parts: &mut Parts, dir: &Path, observations: bool) {
    let targets = dir.join(TARGETS_CSV);
    let observations_csv = dir.join(OBSERVATIONS_CSV);
    let has_targets = targets.is_file();
    let has_observations = observations && observations_csv.is_file();
    if !has_targets && !has_observations {
        return;
    }
    let keys = Keys::of_parts(parts);
    if has_targets {
        read_targets(parts, &targets, &keys);
    }
    if has_observations {
        // One thread: the catalogue keeps every row, in file order, and the
        // ids take the file's lines.
        let make = || Collect {
            keys: &keys,
            file: Arc::from(observations_csv.as_path()),
            stem: stem(&observations_csv),
            unnamed: UNNAMED_SOURCE.parse().ok(),
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

    fn records(text: &[u8]) -> Vec<(u64, Vec<String>)> {
        let mut reader = CsvReader::new(text, 0, 1);
        reader.buf = vec![0; 4]; // tiny, to exercise refills
        let mut out = Vec::new();
        while reader.next(u64::MAX).unwrap() == Next::Record {
            let fields = (0..reader.len())
                .map(|i| String::from_utf8_lossy(reader.field(i)).into_owned())
                .collect();
            out.push((reader.record_line, fields));
        }
        out
    }

    #[test]
    fn reader_tracks_lines_through_quotes_crlf_and_empty_lines() {
        let got = records(b"a,b\n\n1,2\r\n\"x\ny\",3\n4\n,\n\"q\"\"\",\"\"\r\n5,6");
        let want: Vec<(u64, Vec<&str>)> = vec![
            (1, vec!["a", "b"]),
            (3, vec!["1", "2"]),
            (4, vec!["x\ny", "3"]),
            (6, vec!["4"]),
            (7, vec!["", ""]),
            (8, vec!["q\"", ""]),
            (9, vec!["5", "6"]),
        ];
        let got: Vec<(u64, Vec<&str>)> = got
            .iter()
            .map(|(l, f)| (*l, f.iter().map(String::as_str).collect()))
            .collect();
        assert_eq!(got, want);
    }

    #[test]
    fn reader_stops_at_a_boundary() {
        let text = b"a,b\n1,2\n3,4\n";
        let mut reader = CsvReader::new(&text[..], 0, 1);
        assert_eq!(reader.next(8).unwrap(), Next::Record);
        assert_eq!(reader.next(8).unwrap(), Next::Record);
        assert_eq!(reader.next(8).unwrap(), Next::End);
        assert_eq!((reader.offset, reader.line), (8, 3));
    }

    #[test]
    fn unclosed_quote_is_bounded() {
        let mut text = b"a\n\"".to_vec();
        text.extend(std::iter::repeat_n(b'x', MAX_RECORD + 10));
        text.extend(b"\nmore\n");
        let mut reader = CsvReader::new(&text[..], 0, 1);
        assert_eq!(reader.next(u64::MAX).unwrap(), Next::Record);
        assert_eq!(reader.next(u64::MAX).unwrap(), Next::TooLong);
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
        use crate::progress::{Options, progress, stream};
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
        let catalog = crate::catalog::load_folder(&dir, false).unwrap();
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
