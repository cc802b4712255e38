//! Errors: where a problem is ([`Position`]), what it is ([`ErrorKind`]), and
//! the list of every problem a load found ([`Errors`]).

use std::fmt;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use chrono::NaiveDate;

pub use crate::model::{ArithmeticError, DimensionError, ParseError, Problem};
use crate::model::{Dimension, Id, JurisdictionCode, Level};

/// A place in the input: file, line, column and field, each where known.
///
/// Displayed as `file:line:column: field`, leaving out what is unknown.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Position {
    file: Option<Arc<Path>>,
    line: Option<u64>,
    column: Option<u64>,
    field: Option<String>,
}

impl Position {
    /// A position with nothing known yet.
    pub fn new() -> Position {
        Position::default()
    }

    /// Sets the file.
    pub fn with_file(mut self, file: impl Into<PathBuf>) -> Position {
        self.file = Some(Arc::from(file.into()));
        self
    }

    pub(crate) fn with_shared_file(mut self, file: Option<Arc<Path>>) -> Position {
        self.file = file;
        self
    }

    /// Sets the line and column, both counted from 1.
    pub fn with_line_column(mut self, line: u64, column: u64) -> Position {
        self.line = Some(line);
        self.column = Some(column);
        self
    }

    /// Sets the field (a key such as `metric`, or a path such as `targets[2].metric`).
    pub fn with_field(mut self, field: impl Into<String>) -> Position {
        self.field = Some(field.into());
        self
    }

    /// The file, where known.
    pub fn file(&self) -> Option<&Path> {
        self.file.as_deref()
    }

    /// The line, counted from 1, where known.
    pub fn line(&self) -> Option<u64> {
        self.line
    }

    /// The column (in characters, counted from 1), where known.
    pub fn column(&self) -> Option<u64> {
        self.column
    }

    /// The field, where known.
    pub fn field(&self) -> Option<&str> {
        self.field.as_deref()
    }
}

impl fmt::Display for Position {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let mut parts: Vec<String> = Vec::new();
        if let Some(file) = &self.file {
            parts.push(file.display().to_string());
        }
        if let Some(line) = self.line {
            parts.push(line.to_string());
            if let Some(column) = self.column {
                parts.push(column.to_string());
            }
        }
        let place = parts.join(":");
        match (&self.field, place.is_empty()) {
            (Some(field), true) => write!(f, "{field}"),
            (Some(field), false) => write!(f, "{place}: {field}"),
            (None, _) => f.write_str(&place),
        }
    }
}

/// What kind of problem an [`Error`] reports.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum ErrorKind {
    /// A file or folder could not be read or written.
    #[error("{0}")]
    Io(#[source] std::io::Error),
    /// The text is not valid TOML, JSON or CSV.
    #[error("{0}")]
    Syntax(String),
    /// A value could not be parsed.
    #[error("{0}")]
    Parse(#[from] ParseError),
    /// A value has the wrong type, e.g. a table where a string was expected.
    #[error("expected {expected}, found {found}")]
    Type {
        /// What the field takes.
        expected: Expected,
        /// What the input has.
        found: ValueType,
    },
    /// A TOML float where an exact number was expected.
    #[error(
        "expected an integer or a string, found the float {0}: TOML floats are binary and lose digits, write it as a string (\"{0}\")"
    )]
    Float(String),
    /// A key that the format does not have.
    #[error(
        "unknown key `{key}`; expected one of: {expected}{}",
        suggestion.as_ref().map_or(String::new(), |s| format!(" (did you mean `{s}`?)"))
    )]
    UnknownKey {
        /// The key as written.
        key: String,
        /// The keys allowed at that place, comma-separated.
        expected: String,
        /// An allowed key close to it, where there is one.
        suggestion: Option<String>,
    },
    /// A required field is absent.
    #[error("missing field `{0}`")]
    MissingField(&'static str),
    /// A field that another field makes required is absent (a source with a
    /// `url` needs a `grade`).
    #[error("missing field `{field}`, required with `{with}`; expected one of {expected}")]
    RequiredWith {
        /// The absent field.
        field: &'static str,
        /// The field present that requires it.
        with: &'static str,
        /// The values the absent field takes, comma-separated.
        expected: &'static str,
    },
    /// A reference to a jurisdiction, metric or source that is not in the catalogue.
    #[error("unknown {what} {id:?}{}", did_you_mean(.suggestion.as_deref()))]
    UnknownReference {
        /// `jurisdiction`, `metric` or `source`.
        what: &'static str,
        /// The id as written.
        id: String,
        /// A known id close to it, where there is one.
        suggestion: Option<String>,
    },
    /// Two records with the same id.
    #[error("duplicate {what} {id:?}, first defined at {first}")]
    Duplicate {
        /// `jurisdiction`, `metric`, `source`, `target` or `observation`.
        what: &'static str,
        /// The id.
        id: String,
        /// Where the first record with that id is.
        first: Position,
    },
    /// A unit whose dimension does not match the metric's.
    #[error(
        "unit {unit} measures {}, but metric {metric:?} measures {}",
        found.described(),
        expected.described()
    )]
    WrongDimension {
        /// The unit as written.
        unit: String,
        /// The unit's dimension.
        found: Dimension,
        /// The metric.
        metric: String,
        /// The metric's dimension.
        expected: Dimension,
    },
    /// A value below zero in a dimension that has none: a count, an amount
    /// of data, a number of people or computing power.
    #[error("negative value {quantity}: {} cannot be below zero", dimension.described())]
    Negative {
        /// The quantity as written.
        quantity: String,
        /// Its dimension.
        dimension: Dimension,
    },
    /// Quantities of different dimensions compared or combined.
    #[error("{0}")]
    Dimension(#[from] DimensionError),
    /// Arithmetic on quantities that overflows (a
    /// [`DimensionError`] of the arithmetic is reported as
    /// [`ErrorKind::Dimension`]).
    #[error("{0}")]
    Arithmetic(ArithmeticError),
    /// A query names a metric that is not in the catalogue.
    #[error(
        "unknown metric {name:?}{}; expected an id or name from the metric catalogue{}",
        did_you_mean(.suggestion.as_deref()),
        known_metrics(.known)
    )]
    UnknownMetric {
        /// The name as written.
        name: String,
        /// A metric id close to it, where there is one.
        suggestion: Option<String>,
        /// The ids of the catalogue's metrics, in catalogue order.
        known: Vec<String>,
    },
    /// A query names a jurisdiction that is not in the catalogue.
    #[error(
        "unknown jurisdiction {name:?}{}; expected a code such as 450000, or a name such as 广西 or Guangxi",
        did_you_mean(.suggestion.as_deref())
    )]
    UnknownJurisdiction {
        /// The name or code as written.
        name: String,
        /// A known name close to it, where there is one.
        suggestion: Option<String>,
    },
    /// A share (a percentage, a growth rate) asked for per capita, per GDP
    /// or per year: shares are compared as they are.
    #[error("{metric} is a share (percent): it is compared as it is, not {per}; leave out --per")]
    ShareNotNormalised {
        /// The metric.
        metric: Id,
        /// Its Chinese name, for messages in Chinese.
        metric_name: String,
        /// The normalisation asked for.
        per: String,
    },
    /// A gap of a jurisdiction to itself: the subject and the benchmark
    /// name the same jurisdiction.
    #[error(
        "{name} is both the subject and the benchmark: name another jurisdiction or a statistic to compare it with"
    )]
    SameSubjectAndBenchmark {
        /// The jurisdiction's Chinese name.
        name: String,
    },
    /// A jurisdiction compared has no target on the metric in force on the
    /// as-of date.
    #[error("{name} ({jurisdiction}) has no target on {metric} in force on {as_of}")]
    NoTarget {
        /// The jurisdiction.
        jurisdiction: JurisdictionCode,
        /// Its Chinese name.
        name: String,
        /// The metric.
        metric: Id,
        /// The metric's Chinese name, for messages in Chinese.
        metric_name: String,
        /// The as-of date.
        as_of: NaiveDate,
    },
    /// No peer of a statistic has a target (with a denominator) to take the
    /// statistic of.
    #[error("no peer in {peers} has a target on {metric} to take the {statistic} of")]
    NoPeers {
        /// The peers, as written in a benchmark (`province`, `320000,420000`).
        peers: String,
        /// The metric.
        metric: Id,
        /// Its Chinese name, for messages in Chinese.
        metric_name: String,
        /// The statistic (`median`, `p75`).
        statistic: String,
    },
    /// A statistic over so few peers that it is only their values (a
    /// median of one), not offered as a benchmark of its own.
    #[error(
        "the {statistic} would be taken over {peers} peer(s) only; it is offered from {fewest} peers"
    )]
    TooFewPeers {
        /// The statistic (`median`).
        statistic: String,
        /// How many peers have a value.
        peers: usize,
        /// The fewest peers a statistic is offered over.
        fewest: usize,
    },
    /// The subject of a normalised comparison has no figure of the
    /// denominator's metric on or before the as-of date.
    #[error(
        "{name} ({jurisdiction}) has no denominator: no {metric} observation on or before {as_of}"
    )]
    NoDenominator {
        /// The subject.
        jurisdiction: JurisdictionCode,
        /// Its Chinese name.
        name: String,
        /// The denominator's metric (`resident_population`, `gdp`).
        metric: Id,
        /// The as-of date.
        as_of: NaiveDate,
    },
    /// The benchmark jurisdiction of a normalised comparison has no figure of
    /// the denominator's metric on or before the as-of date.
    #[error(
        "the benchmark {jurisdiction} has no denominator: no {metric} observation on or before {as_of}"
    )]
    BenchmarkNoDenominator {
        /// The benchmark jurisdiction.
        jurisdiction: JurisdictionCode,
        /// The denominator's metric (`resident_population`, `gdp`).
        metric: Id,
        /// The as-of date.
        as_of: NaiveDate,
    },
    /// A comparison per plan year whose plan length is unknown: the subject
    /// has no target and the benchmark is not a jurisdiction's target.
    #[error(
        "{name} has no target, so its plan length is unknown: compare per year against a jurisdiction, or without `year`"
    )]
    NoPlanLength {
        /// The subject's Chinese name.
        name: String,
    },
    /// A target's normalised value does not fit in a decimal.
    #[error("the normalised value of {target} overflows")]
    NormalisedOverflow {
        /// The target.
        target: Id,
    },
    /// The target a subject would need does not fit in a decimal.
    #[error("the required target overflows")]
    RequiredTargetOverflow,
    /// A composite index that cannot be built as asked: an option names a
    /// metric the index does not have, a metric is named twice, fewer than
    /// two of the metrics have values, or a result does not fit in a decimal.
    #[error("{option}: {problem}")]
    IndexQuery {
        /// The option at fault: `metrics`, `weights`, `scaling` or `aggregation`.
        option: &'static str,
        /// What is wrong, typed.
        problem: IndexProblem,
    },
    /// A composite index whose metrics have values on fewer than two of
    /// them (at the level asked).
    #[error(
        "metrics: {with_values} of the {metrics} metrics have values{}; an index needs at least 2",
        level.map(|l| format!(" at the {l} level")).unwrap_or_default()
    )]
    TooFewIndexMetrics {
        /// How many of the metrics have values.
        with_values: usize,
        /// How many metrics the index was asked over.
        metrics: usize,
        /// The level asked for, if any.
        level: Option<Level>,
    },
    /// A metric named twice among an index's metrics.
    #[error("metrics: {metric} is named twice")]
    IndexMetricTwice {
        /// The metric.
        metric: Id,
    },
    /// A weight given to a metric that is not one of the index's.
    #[error("weights: {metric} is not one of the index's metrics ({listed})")]
    WeightNotInIndex {
        /// The metric weighted.
        metric: Id,
        /// The index's metrics, comma-separated.
        listed: String,
    },
    /// A data folder or file that cannot be read as one, or a rule of the
    /// data format that the input breaks (typed, so that it can be said in
    /// either language).
    #[error(transparent)]
    Data(Box<DataProblem>),
    /// A size asked of a synthetic data folder that is out of its bounds.
    #[error("the number of {what} must be between 1 and {max}")]
    SizeOutOfRange {
        /// What was counted.
        what: Counted,
        /// The largest size allowed.
        max: usize,
    },
    /// Any other rule of the data format that the input breaks, in
    /// English. The library itself no longer reports one.
    #[error("{0}")]
    Invalid(String),
}

/// What is wrong with a composite index's option ([`ErrorKind::IndexQuery`]).
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum IndexProblem {
    /// A weight names a metric the catalogue does not know (the
    /// catalogue's answer, with its suggestion).
    #[error("{0}")]
    UnknownMetric(Box<ErrorKind>),
    /// A metric's values scaled one way do not fit in a decimal.
    #[error("the {scaling} scaling of metric {metric} does not fit in a decimal")]
    ScalingOverflow {
        /// The scaling, as the option writes it (`zscore`).
        scaling: String,
        /// Which metric of the index, counted from 1.
        metric: usize,
    },
    /// A jurisdiction's score does not fit in a decimal.
    #[error("the score of {code} does not fit in a decimal")]
    ScoreOverflow {
        /// The jurisdiction.
        code: JurisdictionCode,
    },
}

/// What the size of a synthetic data folder counts.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub enum Counted {
    /// Jurisdictions.
    Jurisdictions,
    /// Metrics.
    Metrics,
    /// Months of figures.
    Months,
}

impl fmt::Display for Counted {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Counted::Jurisdictions => "jurisdictions",
            Counted::Metrics => "metrics",
            Counted::Months => "months",
        })
    }
}

/// The columns of a CSV table (`Display`: `a,b,c (and optionally d)`).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Columns {
    /// The columns every table has, in order.
    pub required: Vec<&'static str>,
    /// The columns a table may have.
    pub optional: Vec<&'static str>,
}

impl fmt::Display for Columns {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.required.join(","))?;
        if !self.optional.is_empty() {
            write!(f, " (and optionally {})", self.optional.join(", "))?;
        }
        Ok(())
    }
}

/// What is wrong with a data folder, a data file or its records, where no
/// more specific [`ErrorKind`] applies. `Display` gives the English
/// message; `output::error_message` says it in Chinese.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum DataProblem {
    /// The data folder does not exist.
    #[error("no such data folder")]
    NoDataFolder,
    /// The data folder is a file.
    #[error("not a folder: a data folder holds jurisdictions.toml, metrics.toml and sources/")]
    NotAFolder,
    /// A data file is a link to nothing.
    #[error("a link to nothing: a data file must be a readable file")]
    BrokenLink,
    /// A data file is a folder.
    #[error("a folder, not a file: a data file must be a file")]
    FolderNotFile,
    /// A data file is neither a file nor a folder (a device, a socket).
    #[error("not a regular file: a data file must be a file")]
    NotRegularFile,
    /// A data file in UTF-16 (it starts with a byte order mark).
    #[error(
        "the file is UTF-16 ({} byte order mark): data files must be UTF-8 (re-save it as UTF-8)",
        if *big_endian { "big-endian" } else { "little-endian" }
    )]
    Utf16 {
        /// Whether the byte order mark is big-endian.
        big_endian: bool,
    },
    /// A binary file: many NUL bytes.
    #[error(
        "NUL byte at byte {at}: this is a binary file (or UTF-16), not TOML text; data files must be UTF-8 text"
    )]
    Binary {
        /// The offset of the first NUL byte.
        at: usize,
    },
    /// Bytes that are not UTF-8 (a file saved as GBK, say).
    #[error(
        "invalid UTF-8{}: data files must be UTF-8 (re-save it as UTF-8; GBK and GB18030 are not read)",
        at.map_or(String::new(), |at| format!(" at byte {at}"))
    )]
    InvalidUtf8 {
        /// The offset of the first byte that is not UTF-8, where known.
        at: Option<usize>,
    },
    /// A CSV record longer than the reader takes (a quote left open).
    #[error("a record longer than {mib} MiB: is a quote (\") left open?")]
    RecordTooLong {
        /// The longest record read, in MiB.
        mib: usize,
    },
    /// Text the TOML parser rejects. `detail` is the parser's English
    /// description (`key with no value, expected `=``).
    #[error("invalid TOML: {detail}")]
    Toml {
        /// The parser's description.
        detail: String,
    },
    /// A TOML key or table header of too many dotted parts.
    #[error(
        "invalid TOML: a key or table header of {} or more dotted parts (at most {max} are read)",
        max + 1
    )]
    DeepKey {
        /// The most dotted parts read.
        max: usize,
    },
    /// A `jurisdictions.toml` without jurisdictions.
    #[error("the file is empty: it needs [[jurisdiction]] tables (code, name_zh, name_en, level)")]
    EmptyJurisdictions,
    /// A `metrics.toml` without metrics.
    #[error(
        "the file is empty: it needs [[metric]] tables (id, name_zh, name_en, dimension, polarity, basis)"
    )]
    EmptyMetrics,
    /// A source file without anything.
    #[error(
        "the file is empty: a source file needs a [source] table (id, title, issuer, published, status, force) and its [[target]] and [[observation]] entries"
    )]
    EmptySource,
    /// A CSV file without its header line.
    #[error("the file is empty: the first line names the columns {columns}")]
    EmptyCsv {
        /// The columns of the table.
        columns: Columns,
    },
    /// A date-time of the calendar that has no such day.
    #[error("no such day in the calendar: {0}")]
    NoSuchDay(String),
    /// A date with a time where only a date is taken.
    #[error("expected a date without a time, found {0}")]
    DateWithTime(String),
    /// A hexadecimal, octal or binary integer.
    #[error(
        "found the {} integer {written}: write it in decimal{}",
        match radix { 16 => "hexadecimal", 8 => "octal", _ => "binary" },
        decimal.map_or(String::new(), |v| format!(" ({v})"))
    )]
    NotDecimal {
        /// 16, 8 or 2.
        radix: u32,
        /// The integer as written.
        written: String,
        /// Its value, where it fits.
        decimal: Option<u128>,
    },
    /// A CSV column named twice in the header.
    #[error("column `{0}` is named twice")]
    ColumnTwice(String),
    /// A CSV column the format does not have.
    #[error(
        "unknown column `{name}`; expected one of: {}{}",
        expected.join(", "),
        suggestion.map_or(String::new(), |s| format!(" (did you mean `{s}`?)"))
    )]
    UnknownColumn {
        /// The column's name.
        name: String,
        /// The columns there may be.
        expected: Vec<&'static str>,
        /// The nearest of them, if one is near.
        suggestion: Option<&'static str>,
    },
    /// A required CSV column missing from the header.
    #[error("missing column `{name}`; the columns are {columns}")]
    MissingColumn {
        /// The missing column.
        name: String,
        /// The columns of the table.
        columns: Columns,
    },
    /// A CSV record with a cell too few or too many.
    #[error(
        "expected {expected} cells ({columns}), found {found}: {} cells",
        if found < expected { "missing" } else { "extra" }
    )]
    CellCount {
        /// The cells of the header.
        expected: usize,
        /// The columns, comma-separated.
        columns: String,
        /// The cells of the record.
        found: usize,
    },
    /// A CSV observation whose id a TOML file has already used.
    #[error(
        "duplicate observation \"{0}\": the id this row gets is already used in the TOML files"
    )]
    RowIdTaken(String),
    /// A CSV target whose period starts after its deadline.
    #[error("the period starts ({start}) after the deadline ({deadline})")]
    PeriodStartsLate {
        /// The period's start.
        start: String,
        /// The deadline.
        deadline: String,
    },
    /// A target whose period starts after its deadline.
    #[error("period {period} starts after the deadline {deadline}")]
    PeriodAfterDeadline {
        /// The period.
        period: String,
        /// The deadline.
        deadline: String,
    },
    /// Members on a jurisdiction that is not a group.
    #[error("members are only for level \"group\", but {code} is a {level}")]
    MembersNotGroup {
        /// The jurisdiction.
        code: JurisdictionCode,
        /// Its level.
        level: Level,
    },
    /// A prefecture whose parent is not a province.
    #[error("a prefecture's parent must be a province, but {code} ({name}) is a {level}")]
    PrefectureParent {
        /// The parent's code.
        code: JurisdictionCode,
        /// The parent's Chinese name.
        name: String,
        /// The parent's level.
        level: Level,
    },
    /// Jurisdictions that are each other's parents (`a → b → a`).
    #[error("parent cycle: {0}")]
    ParentCycle(String),
    /// Metrics that are each other's broader metrics.
    #[error("broader cycle: {0}")]
    BroaderCycle(String),
    /// A broader metric of another dimension.
    #[error(
        "broader metric {:?} is measured in {broader_dimension}, but {:?} is measured in {dimension}: a metric and its broader one count the same kind of thing",
        broader.as_str(),
        metric.as_str()
    )]
    BroaderDimension {
        /// The broader metric.
        broader: Id,
        /// Its dimension.
        broader_dimension: Dimension,
        /// The metric.
        metric: Id,
        /// Its dimension.
        dimension: Dimension,
    },
    /// A source that names itself in `supersedes` or `via`.
    #[error("source {:?} cannot name itself in `{key}`", id.as_str())]
    SourceNamesItself {
        /// The source.
        id: Id,
        /// The field (`supersedes`, `via`).
        key: &'static str,
    },
    /// An observation with the comparator `range`.
    #[error(
        "an observation's comparator marks a bound: at_least, more_than, at_most, less_than or exactly, not range"
    )]
    ObservationRange,
    /// A range without `upper`.
    #[error("a range needs an upper bound (`upper`)")]
    RangeWithoutUpper,
    /// A range whose lower bound is above its upper one.
    #[error("range lower bound {lower} is greater than its upper bound {upper}")]
    RangeReversed {
        /// The lower bound as written.
        lower: String,
        /// The upper bound as written.
        upper: String,
    },
    /// `upper` on a comparator other than `range`.
    #[error("`upper` is only for comparator \"range\", not {0:?}")]
    UpperWithoutRange(&'static str),
    /// A deadline before its source was published.
    #[error("deadline {deadline} ends before its source {:?} was published ({published})", source_id.as_str())]
    DeadlineBeforePublication {
        /// The deadline.
        deadline: String,
        /// The source.
        source_id: Id,
        /// Its publication date.
        published: String,
    },
    /// More problems in a CSV file than are listed.
    #[error(
        "… and {more} more {} in this file (the first {listed} are listed)",
        if *more == 1 { "problem" } else { "problems" }
    )]
    MoreProblems {
        /// The problems not listed.
        more: usize,
        /// The problems listed.
        listed: usize,
    },
    /// A canonical value in an export that does not match its quantity.
    #[error("canonical value {found} does not match {quantity} (expected {expected})")]
    CanonicalMismatch {
        /// The canonical value found.
        found: String,
        /// The quantity as written.
        quantity: String,
        /// Its canonical value.
        expected: String,
    },
}

/// The type of a value in a data file (`Display`: `a string`, `a table`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub enum ValueType {
    /// A string.
    String,
    /// An integer.
    Integer,
    /// A float.
    Float,
    /// A boolean.
    Boolean,
    /// A date or a date-time.
    DateTime,
    /// An array.
    Array,
    /// A table.
    Table,
}

impl fmt::Display for ValueType {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            ValueType::String => "a string",
            ValueType::Integer => "an integer",
            ValueType::Float => "a float",
            ValueType::Boolean => "a boolean",
            ValueType::DateTime => "a date-time",
            ValueType::Array => "an array",
            ValueType::Table => "a table",
        })
    }
}

/// What a field of a data file takes, where a value of another type is
/// found (`Display`: `a string`, `an array of tables ([[target]])`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub enum Expected {
    /// A string.
    String,
    /// An array of strings (`aliases`).
    Strings,
    /// A date, a year or a string.
    Date,
    /// An integer or a string with a unit.
    Number,
    /// The `[source]` table.
    SourceTable,
    /// A baseline table.
    Baseline,
    /// An array of tables of records of this kind (`target`).
    Tables(&'static str),
}

impl fmt::Display for Expected {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Expected::String => f.write_str("a string"),
            Expected::Strings => f.write_str("an array of strings"),
            Expected::Date => {
                f.write_str("a date (2025-02-27), a year (2027) or a string (\"2025-06\")")
            }
            Expected::Number => {
                f.write_str("a decimal integer or a string such as \"5.8万\" or \"3000TB\"")
            }
            Expected::SourceTable => f.write_str("a table ([source])"),
            Expected::Baseline => {
                f.write_str("a table such as { value = 120, unit = \"个\", as_of = 2024 }")
            }
            Expected::Tables(kind) => write!(f, "an array of tables ([[{kind}]])"),
        }
    }
}

/// The most metrics an unknown-metric message lists; a longer catalogue
/// is pointed to instead.
pub(crate) const LISTED_METRICS: usize = 12;

/// `: a, b, c` for a short metric catalogue, or where to see a long one.
fn known_metrics(known: &[String]) -> String {
    if known.len() <= LISTED_METRICS {
        format!(": {}", known.join(", "))
    } else {
        format!(
            " (`targets list metrics` lists all {} of them)",
            known.len()
        )
    }
}

fn did_you_mean(suggestion: Option<&str>) -> String {
    suggestion.map_or(String::new(), |s| format!(" (did you mean {s:?}?)"))
}

/// An error with its position, where known.
///
/// Displayed as `file:line:column: field: message`, leaving out what is unknown.
#[derive(Debug)]
pub struct Error {
    kind: Box<ErrorKind>,
    position: Option<Position>,
}

impl Error {
    /// An error of this kind at this position.
    pub fn new(kind: impl Into<ErrorKind>, position: Option<Position>) -> Error {
        Error {
            kind: Box::new(kind.into()),
            position,
        }
    }

    pub(crate) fn at(kind: impl Into<ErrorKind>, position: Position) -> Error {
        Error::new(kind, Some(position))
    }

    pub(crate) fn invalid(problem: DataProblem, position: Position) -> Error {
        Error::at(ErrorKind::from(problem), position)
    }

    /// What went wrong.
    pub fn kind(&self) -> &ErrorKind {
        &self.kind
    }

    /// Consumes the error, returning its kind.
    pub fn into_kind(self) -> ErrorKind {
        *self.kind
    }

    /// Where it went wrong, where known.
    pub fn position(&self) -> Option<&Position> {
        self.position.as_ref()
    }
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match &self.position {
            Some(position) if *position != Position::default() => {
                write!(f, "{position}: {}", self.kind)
            }
            _ => write!(f, "{}", self.kind),
        }
    }
}

impl std::error::Error for Error {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        match &*self.kind {
            ErrorKind::Io(err) => Some(err),
            _ => None,
        }
    }
}

impl From<DataProblem> for ErrorKind {
    fn from(problem: DataProblem) -> ErrorKind {
        ErrorKind::Data(Box::new(problem))
    }
}

impl From<std::convert::Infallible> for ErrorKind {
    fn from(never: std::convert::Infallible) -> ErrorKind {
        match never {}
    }
}

impl From<ParseError> for Error {
    fn from(err: ParseError) -> Error {
        Error::new(err, None)
    }
}

impl From<DimensionError> for Error {
    fn from(err: DimensionError) -> Error {
        Error::new(err, None)
    }
}

impl From<ArithmeticError> for ErrorKind {
    fn from(err: ArithmeticError) -> ErrorKind {
        match err {
            ArithmeticError::Dimension(err) => ErrorKind::Dimension(err),
            other => ErrorKind::Arithmetic(other),
        }
    }
}

impl From<ArithmeticError> for Error {
    fn from(err: ArithmeticError) -> Error {
        Error::new(err, None)
    }
}

/// Every problem found in one load, in the order of the files and lines.
///
/// A load reports all the problems it finds rather than stopping at the first;
/// `Display` writes one per line, and so does `Debug`, so that a `main`
/// returning `Result<(), Errors>` prints them readably:
///
/// ```should_panic
/// use policy_targets::{Catalog, Errors};
///
/// fn main() -> Result<(), Errors> {
///     // Prints `Error: no-such-folder: …` and exits 1.
///     let catalog = Catalog::load("no-such-folder")?;
///     println!("{} targets", catalog.targets().len());
///     Ok(())
/// }
/// # main().unwrap();
/// ```
pub struct Errors(Vec<Error>);

impl fmt::Debug for Errors {
    /// The problems one per line, as `Display` writes them (`{:#?}` gives
    /// the structure).
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if f.alternate() {
            return f.debug_list().entries(&self.0).finish();
        }
        write!(f, "{self}")
    }
}

impl Errors {
    pub(crate) fn from_vec(errors: Vec<Error>) -> Errors {
        Errors(errors)
    }

    /// The problems.
    pub fn as_slice(&self) -> &[Error] {
        &self.0
    }

    /// The number of problems (at least one).
    pub fn len(&self) -> usize {
        self.0.len()
    }

    /// Always false: an `Errors` holds at least one problem.
    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    /// An iterator over the problems.
    pub fn iter(&self) -> std::slice::Iter<'_, Error> {
        self.0.iter()
    }
}

impl From<Error> for Errors {
    fn from(err: Error) -> Errors {
        Errors(vec![err])
    }
}

impl IntoIterator for Errors {
    type Item = Error;
    type IntoIter = std::vec::IntoIter<Error>;
    fn into_iter(self) -> Self::IntoIter {
        self.0.into_iter()
    }
}

impl<'a> IntoIterator for &'a Errors {
    type Item = &'a Error;
    type IntoIter = std::slice::Iter<'a, Error>;
    fn into_iter(self) -> Self::IntoIter {
        self.0.iter()
    }
}

impl fmt::Display for Errors {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for (i, err) in self.0.iter().enumerate() {
            if i > 0 {
                f.write_str("\n")?;
            }
            write!(f, "{err}")?;
        }
        Ok(())
    }
}

impl std::error::Error for Errors {}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn position_display_leaves_out_the_unknown() {
        let full = Position::new()
            .with_file("targets/a.toml")
            .with_line_column(3, 9)
            .with_field("metric");
        assert_eq!(full.to_string(), "targets/a.toml:3:9: metric");
        assert_eq!(Position::new().with_field("x").to_string(), "x");
        assert_eq!(Position::new().with_file("a.toml").to_string(), "a.toml");
    }

    #[test]
    fn arithmetic_errors_keep_their_text() {
        let yuan: crate::Quantity = "83亿元".parse().unwrap();
        let people: crate::Quantity = "3人".parse().unwrap();
        let err = Error::from(yuan.checked_sub(&people).unwrap_err());
        assert!(matches!(err.kind(), ErrorKind::Dimension(_)));
        let max: crate::Quantity = "79228162514264337593543950335个".parse().unwrap();
        let err = Error::from(max.checked_add(&max).unwrap_err());
        assert!(matches!(err.kind(), ErrorKind::Arithmetic(_)));
        assert_eq!(
            err.to_string(),
            "overflow adding 79228162514264337593543950335个 and 79228162514264337593543950335个"
        );
    }

    #[test]
    fn query_errors_display() {
        let code: JurisdictionCode = "450000".parse().unwrap();
        let metric: Id = "high_quality_datasets".parse().unwrap();
        let population: Id = "resident_population".parse().unwrap();
        let as_of = NaiveDate::from_ymd_opt(2025, 7, 4).unwrap();
        let cases = [
            (
                ErrorKind::UnknownMetric {
                    name: "datasets".to_owned(),
                    suggestion: Some("gdp".to_owned()),
                    known: vec!["gdp".to_owned(), "high_quality_datasets".to_owned()],
                },
                r#"unknown metric "datasets" (did you mean "gdp"?); expected an id or name from the metric catalogue: gdp, high_quality_datasets"#,
            ),
            (
                ErrorKind::UnknownJurisdiction {
                    name: "广xi".to_owned(),
                    suggestion: None,
                },
                r#"unknown jurisdiction "广xi"; expected a code such as 450000, or a name such as 广西 or Guangxi"#,
            ),
            (
                ErrorKind::NoTarget {
                    jurisdiction: code.clone(),
                    name: "广西壮族自治区".to_owned(),
                    metric: metric.clone(),
                    metric_name: "高质量数据集".to_owned(),
                    as_of,
                },
                "广西壮族自治区 (450000) has no target on high_quality_datasets in force on 2025-07-04",
            ),
            (
                ErrorKind::NoPeers {
                    peers: "province".to_owned(),
                    metric: metric.clone(),
                    metric_name: "高质量数据集".to_owned(),
                    statistic: "p75".to_owned(),
                },
                "no peer in province has a target on high_quality_datasets to take the p75 of",
            ),
            (
                ErrorKind::NoDenominator {
                    jurisdiction: code.clone(),
                    name: "广西壮族自治区".to_owned(),
                    metric: population.clone(),
                    as_of,
                },
                "广西壮族自治区 (450000) has no denominator: no resident_population observation on or before 2025-07-04",
            ),
            (
                ErrorKind::BenchmarkNoDenominator {
                    jurisdiction: code,
                    metric: population,
                    as_of,
                },
                "the benchmark 450000 has no denominator: no resident_population observation on or before 2025-07-04",
            ),
            (
                ErrorKind::NormalisedOverflow { target: metric },
                "the normalised value of high_quality_datasets overflows",
            ),
            (
                ErrorKind::RequiredTargetOverflow,
                "the required target overflows",
            ),
        ];
        for (kind, text) in cases {
            assert_eq!(kind.to_string(), text);
        }
    }

    #[test]
    fn error_display_puts_position_first() {
        let err = Error::at(
            ErrorKind::MissingField("quote"),
            Position::new().with_file("s.toml").with_line_column(7, 1),
        );
        assert_eq!(err.to_string(), "s.toml:7:1: missing field `quote`");
    }
}
