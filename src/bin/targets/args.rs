//! The command line: the commands, their options and how they are parsed.

use std::path::PathBuf;

use chrono::NaiveDate;
use clap::{Args, Parser, Subcommand, ValueEnum};
use policy_targets::index::{Aggregation, MinCoverage, Scaling, Weights};
use policy_targets::output::CsvOptions;
use policy_targets::{Grade, Lang, Level, Per, progress};

use crate::busy::Task;

/// Track, rank and compare quantitative policy targets.
#[derive(Parser)]
#[command(
    name = "targets",
    version,
    about,
    long_about = None,
    after_help = crate::help::examples_en("targets")
)]
pub struct Cli {
    /// Read this data folder instead of the bundled data.
    #[arg(long, global = true, value_name = "DIR")]
    pub data: Option<PathBuf>,
    /// The language of messages and of `--help` when given before the
    /// command (`targets --lang en --help`); it then stands for the
    /// command's own `--lang`.
    #[arg(long, hide = true, value_name = "LANG")]
    pub lang: Option<Lang>,
    #[command(subcommand)]
    pub command: Command,
}

/// The commands.
#[derive(Subcommand)]
pub enum Command {
    /// Check a data folder (or the bundled data); exit 1 listing every problem.
    Validate(ValidateArgs),
    /// Write the whole catalogue as JSON, tidy CSV, a Frictionless data package, or an SQLite database.
    Export(ExportArgs),
    /// Propose candidate targets and reported figures from Chinese policy text.
    Extract(ExtractArgs),
    /// Print the JSON Schema of a JSON output.
    Schema(SchemaArgs),
    /// Rank the jurisdictions by their target on a metric.
    Rank(RankArgs),
    /// How far a jurisdiction is from a benchmark, and the target it would need.
    Gap(GapArgs),
    /// Attainment and pace verdicts of the targets that count on a date.
    Progress(ProgressArgs),
    /// A composite index over several metrics, with rank intervals from an uncertainty analysis.
    Index(IndexArgs),
    /// Write a synthetic data folder of the given size (the same for the same seed).
    Synth(SynthArgs),
    /// The overview: targets by deadline, every metric's ranking, a region's gaps, progress.
    Report(ReportArgs),
    /// Write a small valid data folder to start from (two provinces, two
    /// metrics, a plan with one target, census populations).
    Init(InitArgs),
    /// List what a data folder holds: its metrics, jurisdictions or sources.
    List(ListArgs),
}

impl Command {
    /// The output options of a command that has them.
    pub fn common(&self) -> Option<&Common> {
        match self {
            Command::Rank(args) => Some(&args.common),
            Command::Gap(args) => Some(&args.common),
            Command::Progress(args) => Some(&args.common),
            Command::Index(args) => Some(&args.common),
            _ => None,
        }
    }

    /// What the command is busy with while it works, for the spinner; none
    /// for the commands that answer at once or read a terminal.
    pub fn task(&self) -> Option<Task> {
        match self {
            Command::Validate(_) | Command::List(_) => Some(Task::Checking),
            Command::Export(_) => Some(Task::Exporting),
            Command::Rank(_) => Some(Task::Ranking),
            Command::Gap(_) => Some(Task::Gaps),
            Command::Progress(_) => Some(Task::Progress),
            Command::Index(_) => Some(Task::Index),
            Command::Synth(_) => Some(Task::Synth),
            Command::Report(_) => Some(Task::Report),
            Command::Extract(_) | Command::Schema(_) | Command::Init(_) => None,
        }
    }
}

impl Cli {
    /// The language of the command: a `--lang` before the command, which
    /// then replaces the command's own, else the command's `--lang`.
    pub fn settle_lang(&mut self) -> Lang {
        let lang = self.lang;
        let own = match &mut self.command {
            Command::Validate(args) => &mut args.lang,
            Command::Export(args) => &mut args.lang,
            Command::Extract(args) => &mut args.lang,
            Command::List(args) => &mut args.lang,
            Command::Report(args) => &mut args.lang,
            Command::Schema(args) => &mut args.lang,
            Command::Synth(args) => &mut args.lang,
            Command::Init(args) => &mut args.lang,
            Command::Rank(args) => &mut args.common.lang,
            Command::Gap(args) => &mut args.common.lang,
            Command::Progress(args) => &mut args.common.lang,
            Command::Index(args) => &mut args.common.lang,
        };
        if let Some(lang) = lang {
            *own = lang;
        }
        *own
    }
}

/// The options of `targets init`.
#[derive(Args)]
#[command(after_help = crate::help::examples_en("init"))]
pub struct InitArgs {
    /// The folder to write (it must not exist, or be empty).
    #[arg(value_name = "DIR")]
    pub dir: PathBuf,
    /// Messages in Chinese (zh) or English (en).
    #[arg(long, default_value = "zh")]
    pub lang: Lang,
}

/// The options of `targets validate`.
#[derive(Args)]
#[command(after_help = crate::help::examples_en("validate"))]
pub struct ValidateArgs {
    /// Problems and the summary in Chinese (zh) or English (en).
    #[arg(long, default_value = "zh")]
    pub lang: Lang,
}

/// The options of `targets list`.
#[derive(Args)]
#[command(after_help = crate::help::examples_en("list"))]
pub struct ListArgs {
    /// What to list: metrics, jurisdictions or sources.
    #[arg(value_enum)]
    pub kind: ListKind,
    /// Output format (markdown: the document `targets/SOURCES.md` is made of).
    #[arg(long, value_enum, default_value_t = ListFormat::Table)]
    pub format: ListFormat,
    /// Labels and names in Chinese (zh) or English (en).
    #[arg(long, default_value = "zh")]
    pub lang: Lang,
    /// Write to this file (completely or not at all) instead of standard output.
    #[arg(long, short, value_name = "FILE")]
    pub output: Option<PathBuf>,
    #[command(flatten)]
    pub csv: CsvFlags,
}

/// What `targets list` lists.
#[derive(Clone, Copy, ValueEnum)]
pub enum ListKind {
    Metrics,
    Jurisdictions,
    Sources,
}

/// The formats of `targets list`.
#[derive(Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ListFormat {
    Table,
    Json,
    Csv,
    Markdown,
}

/// The options of `targets export`.
#[derive(Args)]
#[command(after_help = crate::help::examples_en("export"))]
pub struct ExportArgs {
    /// Output format.
    #[arg(long, value_enum, default_value_t = ExportFormat::Json)]
    pub format: ExportFormat,
    /// The folder a data package is written to (with --format datapackage),
    /// or the database file (with --format sqlite).
    #[arg(
        value_name = "PATH",
        required_if_eq_any([("format", "datapackage"), ("format", "sqlite")])
    )]
    pub dir: Option<PathBuf>,
    /// Write to this file (completely or not at all) instead of standard output.
    #[arg(long, short, value_name = "FILE", conflicts_with = "dir")]
    pub output: Option<PathBuf>,
    /// The date of the database's progress table (with --format sqlite), in
    /// the forms `--as-of` of the other commands takes. Default: today.
    #[arg(long, value_name = "DATE", value_parser = parse_as_of)]
    pub as_of: Option<NaiveDate>,
    /// Problems and messages in Chinese (zh) or English (en); the exports
    /// themselves are the same in both.
    #[arg(long, default_value = "zh")]
    pub lang: Lang,
    #[command(flatten)]
    pub csv: CsvFlags,
}

/// The options of `targets extract`.
#[derive(Args)]
#[command(after_help = crate::help::examples_en("extract"))]
pub struct ExtractArgs {
    /// A UTF-8 text file, or - (the default) for standard input.
    #[arg(value_name = "FILE", default_value = "-")]
    pub file: PathBuf,
    /// When the text was published (2025-08-26, 2025年8月26日): relative dates
    /// (今年, 去年, 上半年, 目前) are read with it. Default: a date line of the text.
    #[arg(long, value_name = "DATE", value_parser = parse_published)]
    pub published: Option<NaiveDate>,
    /// Output format: TOML entries to paste into a source file, or JSON with confidences and spans.
    #[arg(long, value_enum, default_value_t = ExtractFormat::Toml)]
    pub format: ExtractFormat,
    /// The source id the TOML entries belong to.
    #[arg(long, default_value = "new_source")]
    pub source: policy_targets::Id,
    /// The jurisdiction of figures whose text names none (a code or name).
    #[arg(long, value_name = "CODE")]
    pub jurisdiction: Option<String>,
    /// Leave out candidates below this confidence (0 to 1; 0 keeps all).
    #[arg(long, default_value_t = policy_targets::extract::DEFAULT_MIN_CONFIDENCE)]
    pub min_confidence: rust_decimal::Decimal,
    /// Problems and messages in Chinese (zh) or English (en); the TOML and
    /// JSON proposed are the same in both.
    #[arg(long, default_value = "zh")]
    pub lang: Lang,
}

/// The options of `targets schema`.
#[derive(Args)]
#[command(after_help = crate::help::examples_en("schema"))]
pub struct SchemaArgs {
    /// Which output: export, rank, gap, progress, extract, list or index.
    #[arg(value_enum)]
    pub contract: SchemaContract,
    /// Problems and messages in Chinese (zh) or English (en); the schema
    /// itself is the same in both.
    #[arg(long, default_value = "zh")]
    pub lang: Lang,
}

/// The options of `targets rank`.
#[derive(Args)]
#[command(after_help = crate::help::examples_en("rank"))]
pub struct RankArgs {
    /// The metric: id (high_quality_datasets) or name (高质量数据集).
    pub metric: String,
    /// Normalise: none, capita, gdp, year, or a combination such as capita,year.
    #[arg(long, default_value = "none")]
    pub per: Per,
    /// Rank only this level: nation, province, prefecture, county or group.
    #[arg(long)]
    pub level: Option<Level>,
    /// Rank the metric together with its narrower metrics, each row naming its own.
    #[arg(long)]
    pub family: bool,
    /// Leave out targets whose source is graded below this: official, press, mirror or summary.
    #[arg(long, value_name = "GRADE")]
    pub min_grade: Option<Grade>,
    #[command(flatten)]
    pub common: Common,
}

/// The options of `targets gap`.
#[derive(Args)]
#[command(after_help = crate::help::examples_en("gap"))]
pub struct GapArgs {
    /// The subject: a code (450000) or name (广西, Guangxi).
    pub subject: String,
    /// The benchmark: a jurisdiction (code or name), max|min|median|mean|pNN over --peers, or a fixed quantity (500个).
    #[arg(long)]
    pub against: String,
    /// The metric: id or name.
    #[arg(long)]
    pub metric: String,
    /// The peers of a statistic: a level (province) or codes (320000,420000).
    #[arg(long, default_value = "province")]
    pub peers: String,
    /// Normalise: none, capita, gdp, year, or a combination such as capita,year.
    #[arg(long, default_value = "none")]
    pub per: Per,
    #[command(flatten)]
    pub common: Common,
}

/// The options of `targets progress`.
#[derive(Args)]
#[command(after_help = crate::help::examples_en("progress"))]
pub struct ProgressArgs {
    /// The pace-ratio thresholds of on_track, acceleration_needed and
    /// limited_progress (Eurostat's and Open SDG's bands by default).
    #[arg(long, value_name = "ON,ACC,LIMITED", default_value = "0.95,0.60,0", value_parser = parse_bands)]
    pub bands: progress::Bands,
    /// Only the targets of this level, ranked among themselves: nation,
    /// province, prefecture, county or group.
    #[arg(long)]
    pub level: Option<Level>,
    /// The fit of every target's trend: linear (the same amount each day)
    /// or compound (the same growth factor each day, on the logarithms;
    /// linear where a figure is not above zero). Default: each metric's
    /// `trend`, else linear.
    #[arg(long, value_name = "FIT")]
    pub trend: Option<policy_targets::Fit>,
    /// Leave out targets and reported figures whose source is graded below
    /// this: official, press, mirror or summary.
    #[arg(long, value_name = "GRADE")]
    pub min_grade: Option<Grade>,
    #[command(flatten)]
    pub common: Common,
}

/// The options of `targets index`.
#[derive(Args)]
#[command(after_help = crate::help::examples_en("index"))]
pub struct IndexArgs {
    /// The metrics, comma-separated: ids (high_quality_datasets) or names.
    #[arg(long, value_delimiter = ',', required = true, value_name = "A,B,...")]
    pub metrics: Vec<String>,
    /// Normalise every metric: none, capita, gdp, year, or a combination such as capita,year.
    #[arg(long, default_value = "none")]
    pub per: Per,
    /// Only this level: nation, province, prefecture, county or group.
    #[arg(long)]
    pub level: Option<Level>,
    /// Relative weights of the metrics, positive numbers (A=2,B=1); a metric
    /// not named weighs 1.
    #[arg(
        long,
        default_value = "",
        value_name = "A=W,...",
        hide_default_value = true
    )]
    pub weights: Weights,
    /// How each metric's values are scaled: minmax, zscore, rank or leader.
    #[arg(long, default_value = "minmax")]
    pub scaling: Scaling,
    /// How the scaled values are combined: arithmetic or geometric.
    #[arg(long, default_value = "arithmetic")]
    pub aggregation: Aggregation,
    /// The least share of the metrics a jurisdiction needs values on, in
    /// (0, 1]: a number (0.5) or a fraction (2/3).
    #[arg(long, default_value = "2/3")]
    pub min_coverage: MinCoverage,
    /// Draws of the uncertainty analysis (0 for none): weights ±25%, scaling
    /// and aggregation drawn; gives each rank an interval.
    #[arg(long, default_value_t = 0, value_parser = whole::<u32>)]
    pub draws: u32,
    /// The seed of the draws (default 1, so the same command gives the
    /// same intervals).
    #[arg(
        long,
        default_value_t = policy_targets::index::IndexQuery::DEFAULT_SEED,
        value_parser = whole::<u64>
    )]
    pub seed: u64,
    #[command(flatten)]
    pub common: Common,
}

/// The options of `targets synth`.
#[derive(Args)]
#[command(after_help = crate::help::examples_en("synth"))]
pub struct SynthArgs {
    /// Counties.
    #[arg(long, default_value_t = 200)]
    pub jurisdictions: usize,
    /// Metrics.
    #[arg(long, default_value_t = 10)]
    pub metrics: usize,
    /// Months of figures, ending in December 2025.
    #[arg(long, default_value_t = 24)]
    pub months: usize,
    /// The seed of the random numbers.
    #[arg(long, default_value_t = 1, value_parser = whole::<u64>)]
    pub seed: u64,
    /// The folder to write.
    #[arg(value_name = "DIR")]
    pub dir: PathBuf,
    /// Messages in Chinese (zh) or English (en).
    #[arg(long, default_value = "zh")]
    pub lang: Lang,
}

/// The options of `targets report`.
#[derive(Args)]
#[command(after_help = crate::help::examples_en("report"))]
pub struct ReportArgs {
    /// The jurisdiction whose gaps to its peers are shown.
    #[arg(long, default_value = "450000")]
    pub subject: String,
    /// Write the report as one self-contained HTML page to FILE instead of printing it.
    #[arg(long, value_name = "FILE")]
    pub html: Option<PathBuf>,
    /// Evaluate on this date: 2026-06-30, 2026/6/30, 2026.6.30 or
    /// 2026年6月30日; a month or a year means its last day (2026-06 →
    /// 2026-06-30, 2025 → 2025-12-31). Default: today.
    #[arg(long, value_name = "DATE", value_parser = parse_as_of)]
    pub as_of: Option<NaiveDate>,
    /// Labels in Chinese (zh) or English (en).
    #[arg(long, default_value = "zh")]
    pub lang: Lang,
}

/// Options every question takes.
#[derive(Args)]
pub struct Common {
    /// Evaluate on this date: 2026-06-30, 2026/6/30, 2026.6.30 or
    /// 2026年6月30日; a month or a year means its last day (2026-06 →
    /// 2026-06-30, 2025 → 2025-12-31). Default: today.
    #[arg(long, value_name = "DATE", value_parser = parse_as_of)]
    pub as_of: Option<NaiveDate>,
    /// Labels in Chinese (zh) or English (en).
    #[arg(long, default_value = "zh")]
    pub lang: Lang,
    /// Output format.
    #[arg(long, value_enum, default_value_t = Format::Table)]
    pub format: Format,
    /// Write to this file (completely or not at all) instead of standard output.
    #[arg(long, short, value_name = "FILE")]
    pub output: Option<PathBuf>,
    #[command(flatten)]
    pub csv: CsvFlags,
}

impl Common {
    /// How CSV is written.
    pub fn csv(&self) -> CsvOptions {
        self.csv.options()
    }

    /// The date asked for, or today.
    pub fn as_of(&self) -> NaiveDate {
        self.as_of.unwrap_or_else(today)
    }
}

/// How CSV is written.
#[derive(Args)]
pub struct CsvFlags {
    /// Start CSV with a byte order mark, so that Excel reads it as UTF-8.
    #[arg(long)]
    pub bom: bool,
    /// Leave cells that start with = + - @, a tab or a carriage return as they
    /// are (by default they get a leading ' so that spreadsheets do not run
    /// them as formulas).
    #[arg(long)]
    pub raw_csv: bool,
}

impl CsvFlags {
    /// The library's options for these flags.
    pub fn options(&self) -> CsvOptions {
        CsvOptions {
            bom: self.bom,
            guard_formulas: !self.raw_csv,
        }
    }

    /// Whether either flag was given.
    pub fn any(&self) -> bool {
        self.bom || self.raw_csv
    }
}

/// What `targets extract` writes.
#[derive(Clone, Copy, ValueEnum)]
pub enum ExtractFormat {
    Toml,
    Json,
}

/// The outputs `targets schema` describes.
#[derive(Clone, Copy, ValueEnum)]
pub enum SchemaContract {
    Export,
    Rank,
    Gap,
    Progress,
    Extract,
    List,
    Index,
}

/// The formats of an answer.
#[derive(Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Format {
    Table,
    Json,
    Csv,
}

/// The formats of `targets export`.
#[derive(Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ExportFormat {
    Json,
    Csv,
    Datapackage,
    Sqlite,
}

/// Today's date, where the tool runs.
pub fn today() -> NaiveDate {
    chrono::Local::now().date_naive()
}

/// A publication date: a day, in the forms of [`parse_as_of`].
fn parse_published(text: &str) -> Result<NaiveDate, OptionError> {
    let day = parse_as_of(text).map_err(|_| OptionError::Day(text.to_owned()))?;
    let parts = text
        .trim()
        .split(['-', '/', '.', '年', '月'])
        .filter(|p| !p.is_empty());
    if parts.count() < 3 {
        return Err(OptionError::Day(text.to_owned()));
    }
    Ok(day)
}

/// Why the value of an option in one of the tool's own forms (a date, the
/// pace bands) does not parse; `Display` in English, [`OptionError::zh`]
/// in Chinese.
#[derive(Debug)]
pub enum OptionError {
    /// Not a date, a month or a year.
    Date(String),
    /// Not a day.
    Day(String),
    /// A band that is not a decimal number.
    BandNumber(String),
    /// Not three decreasing numbers.
    Bands,
    /// Not a whole number from 0 to `max`.
    Whole {
        /// The value as written.
        text: String,
        /// The largest value the option takes.
        max: u64,
    },
}

impl std::fmt::Display for OptionError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            OptionError::Date(text) => write!(
                f,
                "expected a date such as 2026-06-30, 2026/6/30 or 2026年6月30日, a month (2026-06) or a year (2026), found {text:?}"
            ),
            OptionError::Day(text) => write!(
                f,
                "expected a day such as 2025-08-26 or 2025年8月26日, found {text:?}"
            ),
            OptionError::BandNumber(text) => write!(f, "{text:?} is not a decimal number"),
            OptionError::Bands => {
                f.write_str("expected three decreasing numbers, e.g. 0.95,0.60,0")
            }
            OptionError::Whole { text, max } => {
                write!(f, "expected a whole number from 0 to {max}, found {text:?}")
            }
        }
    }
}

impl std::error::Error for OptionError {}

impl OptionError {
    /// The problem in Chinese.
    pub fn zh(&self) -> String {
        match self {
            OptionError::Date(text) => format!(
                "应为日期（如 2026-06-30、2026/6/30 或 2026年6月30日）、月份（2026-06）或年份（2026），实为“{text}”"
            ),
            OptionError::Day(text) => {
                format!("应为某一天（如 2025-08-26 或 2025年8月26日），实为“{text}”")
            }
            OptionError::BandNumber(text) => format!("“{text}”不是十进制数"),
            OptionError::Bands => "应为三个递减的数，如 0.95,0.60,0".to_owned(),
            OptionError::Whole { text, max } => format!("应为 0 至 {max} 的整数，实为“{text}”"),
        }
    }
}

/// `--as-of`: a date as people write it (`2026-06-30`, `2026/6/30`,
/// `2026.6.30`, `2026年6月30日`), or a month or a year, which mean their last
/// day.
/// The whole numbers an option takes, with the largest of them.
trait Whole: std::str::FromStr {
    /// The largest value.
    const MAX: u64;
}

impl Whole for u32 {
    const MAX: u64 = u32::MAX as u64;
}

impl Whole for u64 {
    const MAX: u64 = u64::MAX;
}

/// A whole number (`--draws`, `--seed`) as written, or an
/// error that says which numbers are taken.
fn whole<T: Whole>(text: &str) -> Result<T, OptionError> {
    text.parse().map_err(|_| OptionError::Whole {
        text: text.to_owned(),
        max: T::MAX,
    })
}

fn parse_as_of(text: &str) -> Result<NaiveDate, OptionError> {
    let ascii = !text.contains('年');
    let normalized = if ascii {
        let parts: Vec<String> = text
            .trim()
            .split(['-', '/', '.'])
            .enumerate()
            .map(|(i, part)| match i {
                0 => part.to_owned(),
                _ => format!("{part:0>2}"),
            })
            .collect();
        parts.join("-")
    } else {
        text.to_owned()
    };
    normalized
        .parse::<policy_targets::PartialDate>()
        .map(policy_targets::PartialDate::last_day)
        .map_err(|_| OptionError::Date(text.to_owned()))
}

/// `--bands 0.95,0.60,0`: three decreasing thresholds.
fn parse_bands(text: &str) -> Result<progress::Bands, OptionError> {
    let numbers: Vec<rust_decimal::Decimal> = text
        .split(',')
        .map(|n| {
            n.trim()
                .parse()
                .map_err(|_| OptionError::BandNumber(n.to_owned()))
        })
        .collect::<Result<_, _>>()?;
    match numbers[..] {
        [on_track, acceleration_needed, limited_progress]
            if on_track >= acceleration_needed && acceleration_needed >= limited_progress =>
        {
            Ok(progress::Bands {
                on_track,
                acceleration_needed,
                limited_progress,
            })
        }
        _ => Err(OptionError::Bands),
    }
}

#[cfg(test)]
mod tests {
    use super::parse_as_of;

    #[test]
    fn as_of_takes_the_forms_people_write() {
        let day = |s: &str| {
            parse_as_of(s)
                .map(|d| d.to_string())
                .map_err(|e| e.to_string())
        };
        assert_eq!(day("2026-06-30").unwrap(), "2026-06-30");
        assert_eq!(day("2026/6/30").unwrap(), "2026-06-30");
        assert_eq!(day("2026.06.30").unwrap(), "2026-06-30");
        assert_eq!(day("2026年6月30日").unwrap(), "2026-06-30");
        assert_eq!(day("2026-02").unwrap(), "2026-02-28");
        assert_eq!(day("2024/2").unwrap(), "2024-02-29");
        assert_eq!(day("2025").unwrap(), "2025-12-31");
        assert_eq!(day("2025年").unwrap(), "2025-12-31");
        assert_eq!(
            day("2025/13/1").unwrap_err(),
            r#"expected a date such as 2026-06-30, 2026/6/30 or 2026年6月30日, a month (2026-06) or a year (2026), found "2025/13/1""#
        );
        assert_eq!(
            parse_as_of("2025/13/1").unwrap_err().zh(),
            "应为日期（如 2026-06-30、2026/6/30 或 2026年6月30日）、月份（2026-06）或年份（2026），实为“2025/13/1”"
        );
        assert!(day("2025-02-30").is_err());
        assert!(day("tomorrow").is_err());
        assert!(day("").is_err());
    }
}
