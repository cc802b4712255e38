//! Reading `observations.csv` once, on several threads: the file cut into
//! chunks at line breaks, the chunks put together in file order.

use std::fs::File;
use std::io::{self, Read, Seek, SeekFrom};
use std::path::Path;
use std::sync::Arc;

use super::header::{Layout, read_header};
use super::keys::Keys;
use super::observations::{ObservationReader, Sink};
use super::problems::{Problems, io_error};
use super::reader::{CsvReader, Next};
use super::{MIN_CHUNK, OBSERVATION_COLUMNS, OBSERVATION_OPTIONAL_COLUMNS};
use crate::error::Error;

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
/// Every problem is returned (up to [`MAX_ERRORS_PER_FILE`](super::MAX_ERRORS_PER_FILE), then a count),
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

/// [`scan_observations`], with files smaller than `min_chunk` bytes per
/// thread read by one thread.
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

/// The sinks of [`scan_with`], each with the line its rows are numbered
/// from, and the problems found.
type Scanned<S> = (Vec<(S, u64)>, Vec<Error>);

/// [`scan_with`], with a failure to read the file returned.
fn scan_inner<S, F>(
    path: &Path,
    keys: &Keys,
    threads: usize,
    min_chunk: u64,
    make: F,
) -> io::Result<Scanned<S>>
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
    let scan = Scan {
        path,
        keys,
        layout: &layout,
        make: &make,
    };
    let (first, others) = scan.read_chunks(reader, problems, &chunks);
    let done = scan.join(first?, others, &chunks)?;

    let mut all = Problems::default();
    let mut sinks = Vec::with_capacity(done.len());
    for (chunk, base) in done {
        all.append(chunk.problems, base - 1);
        sinks.push((chunk.sink, base));
    }
    Ok((sinks, all.into_errors(&file_name)))
}

/// What one thread read of its chunk.
struct Chunk<S> {
    sink: S,
    problems: Problems,
    /// The byte offset where reading stopped.
    stopped_at: u64,
    /// The line breaks read.
    lines: u64,
    ended: Next,
}

/// What every reading thread shares: the file, the keys rows may name, the
/// header's layout and how sinks are made.
struct Scan<'a, F> {
    path: &'a Path,
    keys: &'a Keys,
    layout: &'a Layout,
    make: &'a F,
}

impl<S: Sink, F: Fn() -> S + Sync> Scan<'_, F> {
    /// Reads the chunk from `start` up to `end` (or further, to the end of
    /// the record there), on a reader of its own; lines are counted from
    /// the chunk's first.
    fn read_from(&self, start: u64, end: u64) -> io::Result<Chunk<S>> {
        let mut file = File::open(self.path)?;
        file.seek(SeekFrom::Start(start))?;
        let mut reader = CsvReader::new(file, start, 1);
        let mut sink = (self.make)();
        let mut problems = Problems::default();
        let mut rows = ObservationReader::new(self.keys, self.layout, false);
        let ended = rows.run(&mut reader, end, &mut sink, &mut problems)?;
        Ok(Chunk {
            sink,
            problems,
            stopped_at: reader.offset,
            lines: reader.line - 1,
            ended,
        })
    }

    /// Reads every chunk, each on its own thread: the first with `reader`,
    /// which has read the header, the others from their starts.
    fn read_chunks(
        &self,
        mut reader: CsvReader<File>,
        mut problems: Problems,
        chunks: &[u64],
    ) -> (io::Result<Chunk<S>>, Vec<io::Result<Chunk<S>>>) {
        let first_end = chunks.get(1).copied().unwrap_or(u64::MAX);
        std::thread::scope(|scope| {
            let handles: Vec<_> = chunks
                .iter()
                .enumerate()
                .skip(1)
                .map(|(i, &start)| {
                    let end = chunks.get(i + 1).copied().unwrap_or(u64::MAX);
                    scope.spawn(move || self.read_from(start, end))
                })
                .collect();
            let mut sink = (self.make)();
            let mut rows = ObservationReader::new(self.keys, self.layout, true);
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
        })
    }

    /// The chunks that count, in file order, each with the line its rows
    /// are numbered from.
    ///
    /// The first chunk was read from the top of the file: its lines are the
    /// file's (base 1). Each later chunk starts on the line where the one
    /// before it stopped, if it stopped exactly where the later one starts.
    fn join(
        &self,
        first: Chunk<S>,
        others: Vec<io::Result<Chunk<S>>>,
        chunks: &[u64],
    ) -> io::Result<Vec<(Chunk<S>, u64)>> {
        let mut done: Vec<(Chunk<S>, u64)> = vec![(first, 1)];
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
                let rest = self.read_from(last.stopped_at, u64::MAX)?;
                done.push((rest, base));
                break;
            }
        }
        Ok(done)
    }
}

/// Offsets where `threads` chunks of the data start: the first at
/// `data_start`, the others just after a line break.
pub(super) fn cut(path: &Path, data_start: u64, size: u64, threads: usize) -> io::Result<Vec<u64>> {
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

#[cfg(test)]
mod tests {
    use super::super::OBSERVATIONS_CSV;
    use super::super::observations::Row;
    use super::super::tables::Rows;
    use super::*;
    use crate::{Dimension, Id, JurisdictionCode};
    use chrono::NaiveDate;

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
        let catalog = crate::load::load_folder(&dir, Rows::None).unwrap();
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
