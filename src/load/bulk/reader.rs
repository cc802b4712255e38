//! Reading CSV records at exact lines and byte offsets, so that a file can
//! be read in chunks by several threads: plain lines split at their line
//! breaks and commas, anything else by the `csv` crate.

use std::io::{self, Read};

/// A record longer than this is taken for an unclosed quote.
pub(super) const MAX_RECORD: usize = 1 << 20;
/// The read buffer of one reading thread.
pub(super) const BUFFER: usize = 1 << 18;

/// How a call to [`CsvReader::next`] ended.
#[derive(Debug, PartialEq, Eq)]
pub(super) enum Next {
    /// A record is ready.
    Record,
    /// The end of the input, or the limit, was reached at a record boundary.
    End,
    /// A record grew beyond [`MAX_RECORD`]: an unclosed quote.
    TooLong,
}

/// The characters of UTF-8 text (bytes that do not continue a character),
/// counted eight bytes at a time: a byte continues a character when its
/// top bit is set and the next is not.
pub(super) fn chars(bytes: &[u8]) -> u64 {
    const TOP: u64 = 0x8080_8080_8080_8080;
    let mut words = bytes.chunks_exact(8);
    let mut continuing = 0;
    for word in &mut words {
        let mut w = [0u8; 8];
        w.copy_from_slice(word);
        let w = u64::from_ne_bytes(w);
        continuing += u64::from((w & !(w << 1) & TOP).count_ones());
    }
    let rest = words.remainder();
    let rest = rest.iter().filter(|&&b| b & 0xC0 == 0x80).count() as u64;
    bytes.len() as u64 - continuing - rest
}

/// What [`Source`] hands out after the last byte of the input. A last
/// record outside quotes takes the `\0` into its last field and ends at the
/// `\n`; an unclosed quote takes both: so the two are told apart, and the
/// lines of the last record are exact either way.
pub(super) const SENTINEL: &[u8; 2] = b"\0\n";

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
pub(super) struct Source<R> {
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
pub(super) fn newlines(bytes: &[u8]) -> u64 {
    memchr::memchr_iter(b'\n', bytes).count() as u64
}

/// The I/O error in a `csv` error (records are bytes of any width: the
/// reader raises no other).
pub(super) fn csv_io(err: csv::Error) -> io::Error {
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
///
/// Until its input is found not to be plain lines (see [`Plain`]), a buffer
/// at a time, the reader splits them itself; the `csv` crate then reads on
/// from the first record not yet read. Either way it reads the same
/// records, lines and offsets.
pub(super) struct CsvReader<R> {
    csv: csv::Reader<Source<Carry<R>>>,
    record: csv::ByteRecord,
    /// The byte offset (in the file) where the reader started.
    base: u64,
    /// The line the reader started on.
    first_line: u64,
    /// The byte offset (in the file) after the last record, or where
    /// reading stopped.
    pub(super) offset: u64,
    /// The line at `offset`; after [`Next::TooLong`], the line the long
    /// record starts on.
    pub(super) line: u64,
    /// The line the current record starts on.
    pub(super) record_line: u64,
    /// The bytes to leave off the end of the last field: a `\r` before the
    /// line break, or what the record took of [`SENTINEL`].
    trim: usize,
    /// Plain lines read without the `csv` crate, until the input is found
    /// not to be plain; then the `csv` crate reads on from the first
    /// record not yet read.
    plain: Option<Plain>,
}

/// Plain lines: no quote, carriage return or NUL byte, no empty line,
/// every line under half of [`MAX_RECORD`] and ended by `\n`. Each line is
/// then a record and each comma ends a field, as the `csv` crate reads
/// them; lines are split without it.
///
/// It holds a buffer of a stream, refilled as its lines are taken: the bytes after the last whole
/// line are carried over to the next fill, and each fill is checked before
/// its lines are split. Where a fill is not plain lines, the rest of the
/// input is left to the `csv` crate.
pub(super) struct Plain {
    data: Vec<u8>,
    /// The bytes of `data` read so far.
    filled: usize,
    /// The end of the whole lines of `data` found plain.
    checked: usize,
    /// Where the next record starts.
    next: usize,
    /// The current record.
    record: std::ops::Range<usize>,
    /// Its fields.
    fields: Vec<std::ops::Range<usize>>,
}

/// Whether `data` is whole plain lines (see [`Plain`]).
fn plain_lines(data: &[u8]) -> bool {
    if data.last() != Some(&b'\n') || memchr::memchr3(b'"', b'\r', b'\0', data).is_some() {
        return false;
    }
    let mut start = 0;
    for end in memchr::memchr_iter(b'\n', data) {
        if end == start || end - start >= MAX_RECORD / 2 {
            return false;
        }
        start = end + 1;
    }
    true
}

impl Plain {
    /// An empty buffer of `size` bytes for a stream.
    fn stream(size: usize) -> Plain {
        Plain {
            data: vec![0; size],
            filled: 0,
            checked: 0,
            next: 0,
            record: 0..0,
            fields: Vec::with_capacity(16),
        }
    }

    /// Carries the bytes not yet taken to the front and reads more of
    /// `src` after them, until the buffer is full or `src` ends; then
    /// checks the whole lines read. `false` when they are not plain lines,
    /// or there are none.
    fn refill(&mut self, src: &mut impl Read) -> io::Result<bool> {
        self.data.copy_within(self.next..self.filled, 0);
        self.filled -= self.next;
        (self.next, self.checked) = (0, 0);
        while self.filled < self.data.len() {
            match src.read(&mut self.data[self.filled..]) {
                Ok(0) => break,
                Ok(n) => self.filled += n,
                Err(e) if e.kind() == io::ErrorKind::Interrupted => {}
                Err(e) => return Err(e),
            }
        }
        let lines = &self.data[..self.filled];
        let whole = memchr::memrchr(b'\n', lines).map_or(0, |n| n + 1);
        if whole > 0 && plain_lines(&lines[..whole]) {
            self.checked = whole;
        }
        Ok(self.checked > 0)
    }

    /// Takes the next line checked as the record; `false` when there is
    /// none.
    fn advance(&mut self) -> bool {
        let start = self.next;
        let Some(end) = memchr::memchr(b'\n', &self.data[start..self.checked]).map(|n| start + n)
        else {
            return false;
        };
        self.fields.clear();
        let mut from = start;
        for comma in memchr::memchr_iter(b',', &self.data[start..end]) {
            self.fields.push(from..start + comma);
            from = start + comma + 1;
        }
        self.fields.push(from..end);
        self.record = start..end;
        self.next = end + 1;
        true
    }
}

/// The bytes a [`Plain`] buffer had not split (from `at` to `end` of
/// `rest`), then the rest of the input.
pub(super) struct Carry<R> {
    rest: Vec<u8>,
    at: usize,
    end: usize,
    inner: R,
}

impl<R: Read> Read for Carry<R> {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        if self.at == self.end {
            return self.inner.read(buf);
        }
        let n = buf.len().min(self.end - self.at);
        buf[..n].copy_from_slice(&self.rest[self.at..self.at + n]);
        self.at += n;
        Ok(n)
    }
}

impl<R: Read> CsvReader<R> {
    pub(super) fn new(src: R, offset: u64, line: u64) -> CsvReader<R> {
        CsvReader::with_buffer(src, offset, line, BUFFER)
    }

    fn with_buffer(src: R, offset: u64, line: u64, buffer: usize) -> CsvReader<R> {
        let source = Source {
            inner: Carry {
                rest: Vec::new(),
                at: 0,
                end: 0,
                inner: src,
            },
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
            plain: Some(Plain::stream(buffer)),
        }
    }

    /// The line in the file of a line counted by the `csv` crate (from 1).
    fn file_line(&self, csv_line: u64) -> u64 {
        self.first_line + csv_line - 1
    }

    /// Reads the next record, unless the input ends or `limit` (a byte
    /// offset) is reached at a record boundary first.
    pub(super) fn next(&mut self, limit: u64) -> io::Result<Next> {
        if self.plain.is_some() {
            if self.offset >= limit {
                return Ok(Next::End);
            }
            if self.next_plain()? {
                return Ok(Next::Record);
            }
            if self.plain.is_some() {
                return Ok(Next::End);
            }
        }
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

    /// Takes the next plain line as the record, refilling the buffer when
    /// its lines are all taken; `false` at the end of the input, or (with
    /// the plain reading given up) where the `csv` crate is to read on.
    fn next_plain(&mut self) -> io::Result<bool> {
        let Some(plain) = &mut self.plain else {
            return Ok(false);
        };
        if !plain.advance() {
            let src = &mut self.csv.get_mut().inner.inner;
            if !plain.refill(src)? {
                if plain.filled > 0 {
                    // Not plain lines: the `csv` crate reads on from here.
                    let plain = self.plain.take().unwrap_or_else(|| Plain::stream(0));
                    let carry = &mut self.csv.get_mut().inner;
                    (carry.rest, carry.at, carry.end) = (plain.data, plain.next, plain.filled);
                    (self.base, self.first_line) = (self.offset, self.line);
                }
                return Ok(false);
            }
            plain.advance();
        }
        self.record_line = self.line;
        self.line += 1;
        self.offset += (plain.next - plain.record.start) as u64;
        Ok(true)
    }

    pub(super) fn len(&self) -> usize {
        match &self.plain {
            Some(plain) => plain.fields.len(),
            None => self.record.len(),
        }
    }

    pub(super) fn field(&self, i: usize) -> &[u8] {
        if let Some(plain) = &self.plain {
            return &plain.data[plain.fields[i].clone()];
        }
        let field = &self.record[i];
        if i + 1 == self.record.len() {
            &field[..field.len() - self.trim]
        } else {
            field
        }
    }

    /// The record's fields one after another, when they are UTF-8 (each
    /// field is then the slice of [`field_range`](Self::field_range), if
    /// that falls on character boundaries).
    pub(super) fn text(&self) -> Option<&str> {
        if let Some(plain) = &self.plain {
            // The line, commas and all: each field is a slice of it too.
            return std::str::from_utf8(&plain.data[plain.record.clone()]).ok();
        }
        std::str::from_utf8(self.record.as_slice()).ok()
    }

    /// Where field `i` lies in the record's bytes (as [`field`](Self::field)
    /// reads it).
    pub(super) fn field_range(&self, i: usize) -> Option<std::ops::Range<usize>> {
        if let Some(plain) = &self.plain {
            let field = plain.fields.get(i)?;
            return Some(field.start - plain.record.start..field.end - plain.record.start);
        }
        let range = self.record.range(i)?;
        if i + 1 == self.record.len() {
            Some(range.start..range.end - self.trim)
        } else {
            Some(range)
        }
    }

    /// The column (in characters, from 1) where field `i` starts, as if no
    /// field were quoted.
    pub(super) fn column(&self, i: usize) -> u64 {
        let before: u64 = (0..i.min(self.len()))
            .map(|k| chars(self.field(k)) + 1)
            .sum();
        before + 1
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// What tests see of a record: its line, fields, columns and the
    /// fields as slices of its text.
    type Seen = (u64, Vec<Vec<u8>>, Vec<u64>, Vec<String>);

    fn seen<R: Read>(reader: &CsvReader<R>) -> Seen {
        let n = reader.len();
        let text = reader.text().map(str::to_owned).unwrap_or_default();
        (
            reader.record_line,
            (0..n).map(|i| reader.field(i).to_vec()).collect(),
            (0..=n).map(|i| reader.column(i)).collect(),
            (0..n)
                .filter_map(|i| text.get(reader.field_range(i)?).map(str::to_owned))
                .collect(),
        )
    }

    /// Each record of `reader`.
    fn each_record<R: Read>(mut reader: CsvReader<R>) -> Vec<Seen> {
        let mut out = Vec::new();
        while reader.next(u64::MAX).unwrap() == Next::Record {
            out.push(seen(&reader));
        }
        out
    }

    /// A reader of `text` by the `csv` crate alone.
    fn csv_only(text: &[u8]) -> CsvReader<&[u8]> {
        let mut reader = CsvReader::new(text, 0, 1);
        reader.plain = None;
        reader
    }

    /// Each record of `text` if the reader split all of it as plain
    /// lines, without the `csv` crate; `None` if it gave that up.
    fn read_plain(text: &[u8]) -> Option<Vec<Seen>> {
        let mut reader = CsvReader::new(text, 0, 1);
        let mut out = Vec::new();
        while reader.next(u64::MAX).unwrap() == Next::Record {
            out.push(seen(&reader));
        }
        reader.plain.is_some().then_some(out)
    }

    #[test]
    fn plain_lines_are_read_as_the_csv_crate_reads_them() {
        let text = "id,jurisdiction,value,unit\nt_1,320000,1000,个\n,,,\nt_2,110000,2.5,亿元,extra\n\u{feff}x\n";
        let plain = read_plain(text.as_bytes()).unwrap();
        let expected = each_record(csv_only(text.as_bytes()));
        assert_eq!(expected.len(), 5);
        assert_eq!(plain, expected);
    }

    proptest::proptest! {
        /// Any input of plain lines is read as the `csv` crate reads it:
        /// lines, fields, columns and the fields' places.
        #[test]
        fn plain_lines_read_as_the_csv_crate_reads_any_such_input(
            lines in proptest::collection::vec("[a-z0-9,. 个亿元\u{feff}\t]{1,24}", 1..12),
        ) {
            let text = lines.iter().map(|l| format!("{l}\n")).collect::<String>();
            proptest::prop_assert!(plain_lines(text.as_bytes()), "{text:?}");
            let expected = each_record(csv_only(text.as_bytes()));
            proptest::prop_assert_eq!(read_plain(text.as_bytes()), Some(expected));
        }
    }

    #[test]
    fn only_plain_lines_are_split_without_the_csv_crate() {
        for text in [
            "a,b\n\"c\",d\n",
            "a,b\r\nc,d\r\n",
            "a,b\n\nc,d\n",
            "\na,b\n",
            "a,b\nc,d",
            "a,\0\n",
            "",
        ] {
            assert!(!plain_lines(text.as_bytes()), "{text:?}");
        }
        let long = format!("{}\n", "x".repeat(MAX_RECORD / 2));
        assert!(!plain_lines(long.as_bytes()));
        assert!(plain_lines(b"a,b\nc,d\n"));
    }

    #[test]
    fn characters_are_counted_as_the_text_has_them() {
        for text in [
            "",
            "a",
            "个",
            "t_110101_high_quality_datasets_01",
            "江苏省数据局，行动方案（2025—2027年）",
            "mixed 文字 and ascii, 𝄞 four bytes",
        ] {
            for start in 0..text.len() {
                if let Some(tail) = text.get(start..) {
                    assert_eq!(
                        chars(tail.as_bytes()),
                        tail.chars().count() as u64,
                        "{tail}"
                    );
                }
            }
        }
    }

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
}
