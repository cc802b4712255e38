//! The rows of `targets.csv`, each read into a target.

use std::io::{self, Read};
use std::path::Path;
use std::sync::Arc;

use super::TARGET_COLUMNS;
use super::header::{Layout, check_width, read_header};
use super::keys::Keys;
use super::observations::{fast_number, full_quantity, wrong_dimension};
use super::problems::{Problem, Problems, invalid_utf8, io_error, too_long};
use super::reader::{CsvReader, Next, chars};
use crate::catalog::{Cells as OriginCells, Origin, Parts};
use crate::error::{DataProblem, ErrorKind};
use crate::{
    Comparator, Deadline, Dimension, Id, JurisdictionCode, PartialDate, Period, Quantity, Target,
    Unit,
};
use rust_decimal::Decimal;

/// Reads `targets.csv` into `parts`.
///
/// The file is read whole, with room for every line at once (growing by
/// doubling would hold up to twice the targets' memory).
pub(super) fn read_targets(parts: &mut Parts, path: &Path, keys: &Keys) {
    let file_name: Arc<Path> = Arc::from(path);
    let data = match std::fs::read(path) {
        Ok(data) => data,
        Err(e) => {
            parts.errors.push(io_error(e, &file_name));
            return;
        }
    };
    parts
        .targets
        .reserve(memchr::memchr_iter(b'\n', &data).count());
    let mut problems = Problems::default();
    let reader = CsvReader::new(data.as_slice(), 0, 1);
    if let Err(e) = read_rows(reader, parts, keys, &file_name, &mut problems) {
        parts.errors.push(io_error(e, &file_name));
    }
    parts.errors.extend(problems.into_errors(&file_name));
}

/// Reads the header and the rows of `targets.csv` from `reader` into
/// `parts`.
fn read_rows<R: Read>(
    mut reader: CsvReader<R>,
    parts: &mut Parts,
    keys: &Keys,
    file_name: &Arc<Path>,
    problems: &mut Problems,
) -> io::Result<()> {
    let Some(layout) = read_header(&mut reader, &TARGET_COLUMNS, &[], problems)? else {
        return Ok(());
    };
    let mut units = UnitCache::default();
    loop {
        match reader.next(u64::MAX)? {
            Next::Record => {
                if check_width(&reader, &layout, problems) {
                    if let Some(t) =
                        target_row(&reader, &layout, keys, file_name, &mut units, problems)
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
}

/// Reads one row of `targets.csv` into a target, or reports its problems.
fn target_row<R: Read>(
    reader: &CsvReader<R>,
    layout: &Layout,
    keys: &Keys,
    file: &Arc<Path>,
    units: &mut UnitCache,
    problems: &mut Problems,
) -> Option<(Target, Origin)> {
    let mut row = Cells::new(reader, layout, problems);
    // The record at its id; the fields that the catalogue's own checks
    // (duplicate ids, ranges, deadlines before publication) report.
    let origin = Origin::row(
        Some(file.clone()),
        (row.line, row.columns[0]),
        &ORIGIN_CELLS,
        [row.columns[3], row.columns[6], row.columns[7]],
    );
    let id = row.required(0).and_then(|t| row.parsed::<Id>(0, t));
    let jurisdiction = row.jurisdiction(keys);
    let metric = row.metric(keys);
    let comparator = row.required(3).and_then(|t| row.parsed::<Comparator>(3, t));
    let value = row.value(metric.as_ref(), units);
    let deadline = row
        .required(6)
        .and_then(|t| row.parsed::<PartialDate>(6, t))
        .map(Deadline::new);
    let period = row.period(deadline);
    let source = row.source(keys);
    if row.failed {
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

/// The fields of a row that the catalogue's checks report, by key and
/// column name: `comparator`, `deadline` and `period_start`.
static ORIGIN_CELLS: OriginCells = [
    ("comparator", TARGET_COLUMNS[3]),
    ("deadline", TARGET_COLUMNS[6]),
    ("period", TARGET_COLUMNS[7]),
];

/// The unit cells read last and their units: a table's rows mostly repeat
/// a few units (often in turn, metric by metric), which are then not parsed
/// again.
#[derive(Default)]
struct UnitCache {
    recent: Vec<(String, Unit)>,
}

/// How many units [`UnitCache`] keeps.
const RECENT_UNITS: usize = 8;

impl UnitCache {
    /// A plain number (see [`fast_number`]) in a unit: the quantity the
    /// full parser ([`full_quantity`]) reads, without its cost; `None`
    /// for every other form, which goes to the full parser.
    fn quantity(&mut self, value: &str, unit: &str) -> Option<Quantity> {
        let (mantissa, scale) = fast_number(value.as_bytes())?;
        let unit = match self.recent.iter().find(|(text, _)| text == unit) {
            Some((_, u)) => *u,
            None => {
                let parsed: Unit = unit.parse().ok()?;
                if self.recent.len() == RECENT_UNITS {
                    self.recent.remove(0);
                }
                self.recent.push((unit.to_owned(), parsed));
                parsed
            }
        };
        let value = Decimal::try_from_i128_with_scale(i128::from(mantissa), scale).ok()?;
        Quantity::new(value, unit).ok()
    }
}

/// One row of `targets.csv` being read: its cells as text, in the order of
/// [`TARGET_COLUMNS`], and the problems found.
struct Cells<'r> {
    cells: [&'r str; TARGET_COLUMNS.len()],
    /// The column (in characters) of each cell.
    columns: [u64; TARGET_COLUMNS.len()],
    line: u64,
    problems: &'r mut Problems,
    failed: bool,
}

impl<'r> Cells<'r> {
    /// The cells of the reader's record; a cell that is not UTF-8 is
    /// reported and read as empty.
    fn new<R: Read>(
        reader: &'r CsvReader<R>,
        layout: &Layout,
        problems: &'r mut Problems,
    ) -> Cells<'r> {
        let line = reader.record_line;
        // The column of every field, without allocating (rows are narrow).
        let mut at = [0u64; 64];
        let mut next = 1;
        for (i, slot) in at.iter_mut().enumerate().take(reader.len()) {
            *slot = next;
            next += chars(reader.field(i)) + 1;
        }
        let columns = std::array::from_fn(|k| {
            let c = layout.get(k).unwrap_or(0);
            if c < reader.len().min(at.len()) {
                at[c]
            } else {
                reader.column(c)
            }
        });
        let mut row = Cells {
            cells: [""; TARGET_COLUMNS.len()],
            columns,
            line,
            problems,
            failed: false,
        };
        // One check of the whole record, rather than one per cell.
        let text = reader.text();
        for k in 0..TARGET_COLUMNS.len() {
            let c = layout.get(k).unwrap_or(0);
            let cell = text.and_then(|t| t.get(reader.field_range(c)?));
            match cell.map_or_else(|| std::str::from_utf8(reader.field(c)), Ok) {
                Ok(text) => row.cells[k] = text,
                Err(_) => row.fail(k, invalid_utf8()),
            }
        }
        row
    }

    /// Reports a problem with cell `k`.
    fn fail(&mut self, k: usize, kind: ErrorKind) {
        self.failed = true;
        self.problems.push(Problem {
            line: self.line,
            column: self.columns[k],
            field: Some(TARGET_COLUMNS[k]),
            kind,
        });
    }

    /// Cell `k`, which must not be empty.
    fn required(&mut self, k: usize) -> Option<&'r str> {
        let text = self.cells[k];
        if text.is_empty() {
            self.fail(k, ErrorKind::MissingField(TARGET_COLUMNS[k]));
            return None;
        }
        Some(text)
    }

    /// `text`, the text of cell `k`, parsed.
    fn parsed<T: std::str::FromStr<Err = crate::ParseError>>(
        &mut self,
        k: usize,
        text: &str,
    ) -> Option<T> {
        text.parse::<T>().map_err(|e| self.fail(k, e.into())).ok()
    }

    /// Reports cell `k`, a key that is not in the catalogue: a malformed
    /// one, or an unknown one.
    fn unknown(&mut self, k: usize, what: &'static str, text: &str, keys: &Keys) {
        let malformed = match what {
            "jurisdiction" => text.parse::<JurisdictionCode>().err(),
            _ => text.parse::<Id>().err(),
        };
        let kind = match malformed {
            Some(e) => e.into(),
            None => keys.unknown(what, text),
        };
        self.fail(k, kind);
    }

    /// The `jurisdiction` cell: a known code.
    fn jurisdiction(&mut self, keys: &Keys) -> Option<JurisdictionCode> {
        let text = self.required(1)?;
        match keys.jurisdiction(text) {
            Some(j) => Some(keys.jurisdictions.items[j as usize].clone()),
            None => {
                self.unknown(1, "jurisdiction", text, keys);
                None
            }
        }
    }

    /// The `metric` cell: a known metric, with its dimension.
    fn metric(&mut self, keys: &Keys) -> Option<(Id, Dimension)> {
        let text = self.required(2)?;
        match keys.metric(text) {
            Some(m) => Some(keys.metrics.items[m as usize].clone()),
            None => {
                self.unknown(2, "metric", text, keys);
                None
            }
        }
    }

    /// The `value` and `unit` cells: a quantity, of the metric's dimension.
    fn value(
        &mut self,
        metric: Option<&(Id, Dimension)>,
        units: &mut UnitCache,
    ) -> Option<Quantity> {
        let text = self.required(4)?;
        let fast = units.quantity(text, self.cells[5]);
        let value = match fast.map_or_else(
            || full_quantity(text.as_bytes(), self.cells[5].as_bytes()),
            Ok,
        ) {
            Ok(q) => q,
            Err((k, kind)) => {
                self.fail(if k == 3 { 4 } else { 5 }, kind);
                return None;
            }
        };
        if let Some((metric_id, expected)) = metric {
            if value.dimension() != *expected {
                self.fail(4, wrong_dimension(value.unit(), metric_id, *expected));
            }
        }
        Some(value)
    }

    /// The `period_start` cell: empty, or the start of a period that runs
    /// to the deadline.
    fn period(&mut self, deadline: Option<Deadline>) -> Option<Period> {
        let text = self.cells[7];
        if text.is_empty() {
            return None;
        }
        let start = self.parsed::<PartialDate>(7, text)?;
        match Period::new(start, deadline?.date()) {
            Ok(p) => Some(p),
            Err(_) => {
                self.fail(
                    7,
                    DataProblem::PeriodStartsLate {
                        start: start.to_string(),
                        deadline: deadline.map(|d| d.to_string()).unwrap_or_default(),
                    }
                    .into(),
                );
                None
            }
        }
    }

    /// The `source` cell: a known source.
    fn source(&mut self, keys: &Keys) -> Option<Id> {
        let text = self.required(8)?;
        match keys.sources.index.get(text.as_bytes()) {
            Some(&s) => Some(keys.sources.items[s as usize].0.clone()),
            None => {
                self.unknown(8, "source", text, keys);
                None
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn units_in_turn_are_read_as_the_parser_reads_them() {
        let mut units = UnitCache::default();
        let texts = ["个", "家", "亿元", "个", "PB", "家", "亿元", "万人", "个"];
        for round in 0..3 {
            for (k, unit) in texts.iter().enumerate() {
                let value = format!("{}.5", round * 10 + k);
                let cached = units.quantity(&value, unit).unwrap();
                let parsed = Quantity::new(value.parse().unwrap(), unit.parse().unwrap()).unwrap();
                assert_eq!(cached, parsed);
                assert_eq!(
                    cached.unit().to_string(),
                    unit.parse::<Unit>().unwrap().to_string()
                );
            }
        }
        // At most a few units are kept.
        assert!(units.recent.len() <= RECENT_UNITS);
        assert!(units.quantity("1", "no such unit").is_none());
    }
}
