//! The command line: the commands, their options and how they are parsed.

use std::path::PathBuf;

use chrono::NaiveDate;
use clap::{Args, Parser, Subcommand, ValueEnum};
use policy_targets::output::CsvOptions;
use policy_targets::{Lang, Level, Per, progress};

/// Track, rank and compare quantitative policy targets.
#[derive(Parser)]
#[command(
    name = "targets",
    version,
    about,
    long_about = None,
    after_help = "Examples:
  targets rank high_quality_datasets --per capita
  targets gap 广西 --against 江苏 --metric high_quality_datasets --per capita
  targets progress --as-of 2026-06-30 --level province
  targets report --html report.html"
)]
pub struct Cli {
    /// Read this data folder instead of the bundled data.
    #[arg(long, global = true, value_name = "DIR")]
    pub data: Option<PathBuf>,
    #[command(subcommand)]
    pub command: Command,
}

/// The commands.
#[derive(Subcommand)]
pub enum Command {
    /// Check a data folder (or the bundled data); exit 1 listing every problem.
    Validate,
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
    /// Write a synthetic data folder of the given size (the same for the same seed).
    Synth(SynthArgs),
    /// The overview: targets by deadline, every metric's ranking, a region's gaps, progress.
    Report(ReportArgs),
}

/// The options of `targets export`.
#[derive(Args)]
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
    /// The date of the database's progress table (YYYY-MM-DD; default:
    /// today; with --format sqlite).
    #[arg(long, value_name = "DATE")]
    pub as_of: Option<NaiveDate>,
    #[command(flatten)]
    pub csv: CsvFlags,
}

/// The options of `targets extract`.
#[derive(Args)]
pub struct ExtractArgs {
    /// A UTF-8 text file, or - (the default) for standard input.
    #[arg(value_name = "FILE", default_value = "-")]
    pub file: PathBuf,
    /// Output format: TOML entries to paste into a source file, or JSON with confidences and spans.
    #[arg(long, value_enum, default_value_t = ExtractFormat::Toml)]
    pub format: ExtractFormat,
    /// The source id the TOML entries belong to.
    #[arg(long, default_value = "new_source")]
    pub source: policy_targets::Id,
    /// The jurisdiction of figures whose text names none (a code or name).
    #[arg(long, value_name = "CODE")]
    pub jurisdiction: Option<String>,
    /// Leave out candidates below this confidence (0 to 1).
    #[arg(long, default_value = "0")]
    pub min_confidence: rust_decimal::Decimal,
}

/// The options of `targets schema`.
#[derive(Args)]
pub struct SchemaArgs {
    /// Which output: export, rank, gap, progress or extract.
    #[arg(value_enum)]
    pub contract: SchemaContract,
}

/// The options of `targets rank`.
#[derive(Args)]
pub struct RankArgs {
    /// The metric: id (high_quality_datasets) or name (高质量数据集).
    pub metric: String,
    /// Normalise: none, capita, gdp, year, or a combination such as capita,year.
    #[arg(long, default_value = "none")]
    pub per: Per,
    /// Rank only this level: nation, province, prefecture, county or group.
    #[arg(long)]
    pub level: Option<Level>,
    #[command(flatten)]
    pub common: Common,
}

/// The options of `targets gap`.
#[derive(Args)]
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
    #[command(flatten)]
    pub common: Common,
}

/// The options of `targets synth`.
#[derive(Args)]
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
    #[arg(long, default_value_t = 1)]
    pub seed: u64,
    /// The folder to write.
    #[arg(value_name = "DIR")]
    pub dir: PathBuf,
}

/// The options of `targets report`.
#[derive(Args)]
pub struct ReportArgs {
    /// The jurisdiction whose gaps to its peers are shown.
    #[arg(long, default_value = "450000")]
    pub subject: String,
    /// Write the report as one self-contained HTML page to FILE instead of printing it.
    #[arg(long, value_name = "FILE")]
    pub html: Option<PathBuf>,
    /// Evaluate on this date (YYYY-MM-DD; default: today).
    #[arg(long, value_name = "DATE")]
    pub as_of: Option<NaiveDate>,
    /// Labels in Chinese (zh) or English (en).
    #[arg(long, default_value = "zh")]
    pub lang: Lang,
}

/// Options every question takes.
#[derive(Args)]
pub struct Common {
    /// Evaluate on this date (YYYY-MM-DD; default: today).
    #[arg(long, value_name = "DATE")]
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

/// `--bands 0.95,0.60,0`: three decreasing thresholds.
fn parse_bands(text: &str) -> Result<progress::Bands, String> {
    let numbers: Vec<rust_decimal::Decimal> = text
        .split(',')
        .map(|n| {
            n.trim()
                .parse()
                .map_err(|_| format!("{n:?} is not a decimal number"))
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
        _ => Err("expected three decreasing numbers, e.g. 0.95,0.60,0".to_owned()),
    }
}
