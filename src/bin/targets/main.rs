//! `targets`: the command-line tool over the `policy_targets` library.

use std::io::Write as _;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use chrono::NaiveDate;
use clap::{Args, Parser, Subcommand, ValueEnum};
use policy_targets::gap::{Benchmark, GapQuery};
use policy_targets::output::CsvOptions;
use policy_targets::rank::RankQuery;
use policy_targets::schema::{Contract, schema};
use policy_targets::{
    Catalog, Errors, Lang, Level, Per, bulk, export, extract, gap, progress, rank, report,
};

/// Track, rank and compare quantitative policy targets.
#[derive(Parser)]
#[command(name = "targets", version, about, long_about = None)]
struct Cli {
    /// Read this data folder instead of the bundled data.
    #[arg(long, global = true, value_name = "DIR")]
    data: Option<PathBuf>,
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Check a data folder (or the bundled data); exit 1 listing every problem.
    Validate,
    /// Write the whole catalogue as JSON, tidy CSV, or a Frictionless data package.
    Export {
        /// Output format.
        #[arg(long, value_enum, default_value_t = ExportFormat::Json)]
        format: ExportFormat,
        /// The folder a data package is written to (with --format datapackage).
        #[arg(value_name = "DIR", required_if_eq("format", "datapackage"))]
        dir: Option<PathBuf>,
        /// Write to this file (completely or not at all) instead of standard output.
        #[arg(long, short, value_name = "FILE", conflicts_with = "dir")]
        output: Option<PathBuf>,
        #[command(flatten)]
        csv: CsvFlags,
    },
    /// Propose candidate targets and reported figures from Chinese policy text.
    Extract {
        /// A UTF-8 text file, or - (the default) for standard input.
        #[arg(value_name = "FILE", default_value = "-")]
        file: PathBuf,
        /// Output format: TOML entries to paste into a source file, or JSON with confidences and spans.
        #[arg(long, value_enum, default_value_t = ExtractFormat::Toml)]
        format: ExtractFormat,
        /// The source id the TOML entries belong to.
        #[arg(long, default_value = "new_source")]
        source: policy_targets::Id,
        /// The jurisdiction of figures whose text names none (a code or name).
        #[arg(long, value_name = "CODE")]
        jurisdiction: Option<String>,
        /// Leave out candidates below this confidence (0 to 1).
        #[arg(long, default_value = "0")]
        min_confidence: rust_decimal::Decimal,
    },
    /// Print the JSON Schema of a JSON output.
    Schema {
        /// Which output: export, rank, gap, progress or extract.
        #[arg(value_enum)]
        contract: SchemaContract,
    },
    /// Rank the jurisdictions by their target on a metric.
    Rank {
        /// The metric: id (high_quality_datasets) or name (高质量数据集).
        metric: String,
        /// Normalise: none, capita, gdp, year, or a combination such as capita,year.
        #[arg(long, default_value = "none")]
        per: Per,
        /// Rank only this level: nation, province, prefecture, county or group.
        #[arg(long)]
        level: Option<Level>,
        #[command(flatten)]
        common: Common,
    },
    /// How far a jurisdiction is from a benchmark, and the target it would need.
    Gap {
        /// The subject: a code (450000) or name (广西, Guangxi).
        subject: String,
        /// The benchmark: a jurisdiction (code or name), max|min|median|mean|pNN over --peers, or a fixed quantity (500个).
        #[arg(long)]
        against: String,
        /// The metric: id or name.
        #[arg(long)]
        metric: String,
        /// The peers of a statistic: a level (province) or codes (320000,420000).
        #[arg(long, default_value = "province")]
        peers: String,
        /// Normalise: none, capita, gdp, year, or a combination such as capita,year.
        #[arg(long, default_value = "none")]
        per: Per,
        #[command(flatten)]
        common: Common,
    },
    /// Attainment and pace verdicts of the targets that count on a date.
    Progress {
        /// The pace-ratio thresholds of on_track, acceleration_needed and
        /// limited_progress (Eurostat's and Open SDG's bands by default).
        #[arg(long, value_name = "ON,ACC,LIMITED", default_value = "0.95,0.60,0", value_parser = parse_bands)]
        bands: progress::Bands,
        /// Only the targets of this level, ranked among themselves: nation,
        /// province, prefecture, county or group.
        #[arg(long)]
        level: Option<Level>,
        #[command(flatten)]
        common: Common,
    },
    /// Write a synthetic data folder of the given size (the same for the same seed).
    Synth {
        /// Counties.
        #[arg(long, default_value_t = 200)]
        jurisdictions: usize,
        /// Metrics.
        #[arg(long, default_value_t = 10)]
        metrics: usize,
        /// Months of figures, ending in December 2025.
        #[arg(long, default_value_t = 24)]
        months: usize,
        /// The seed of the random numbers.
        #[arg(long, default_value_t = 1)]
        seed: u64,
        /// The folder to write.
        #[arg(value_name = "DIR")]
        dir: PathBuf,
    },
    /// The overview: targets by deadline, every metric's ranking, a region's gaps, progress.
    Report {
        /// The jurisdiction whose gaps to its peers are shown.
        #[arg(long, default_value = "450000")]
        subject: String,
        /// Write the report as one self-contained HTML page to FILE instead of printing it.
        #[arg(long, value_name = "FILE")]
        html: Option<PathBuf>,
        /// Evaluate on this date (YYYY-MM-DD; default: today).
        #[arg(long, value_name = "DATE")]
        as_of: Option<NaiveDate>,
        /// Labels in Chinese (zh) or English (en).
        #[arg(long, default_value = "zh")]
        lang: Lang,
    },
}

/// Options every question takes.
#[derive(Args)]
struct Common {
    /// Evaluate on this date (YYYY-MM-DD; default: today).
    #[arg(long, value_name = "DATE")]
    as_of: Option<NaiveDate>,
    /// Labels in Chinese (zh) or English (en).
    #[arg(long, default_value = "zh")]
    lang: Lang,
    /// Output format.
    #[arg(long, value_enum, default_value_t = Format::Table)]
    format: Format,
    /// Write to this file (completely or not at all) instead of standard output.
    #[arg(long, short, value_name = "FILE")]
    output: Option<PathBuf>,
    #[command(flatten)]
    csv: CsvFlags,
}

/// How CSV is written.
#[derive(Args)]
struct CsvFlags {
    /// Start CSV with a byte order mark, so that Excel reads it as UTF-8.
    #[arg(long)]
    bom: bool,
    /// Leave cells that start with = + - @, a tab or a carriage return as they
    /// are (by default they get a leading ' so that spreadsheets do not run
    /// them as formulas).
    #[arg(long)]
    raw_csv: bool,
}

impl CsvFlags {
    fn options(&self) -> CsvOptions {
        CsvOptions {
            bom: self.bom,
            guard_formulas: !self.raw_csv,
        }
    }
}

#[derive(Clone, Copy, ValueEnum)]
enum ExtractFormat {
    Toml,
    Json,
}

#[derive(Clone, Copy, ValueEnum)]
enum SchemaContract {
    Export,
    Rank,
    Gap,
    Progress,
    Extract,
}

impl Common {
    fn csv(&self) -> CsvOptions {
        self.csv.options()
    }

    fn as_of(&self) -> NaiveDate {
        self.as_of
            .unwrap_or_else(|| chrono::Local::now().date_naive())
    }
}

#[derive(Clone, Copy, PartialEq, Eq, ValueEnum)]
enum Format {
    Table,
    Json,
    Csv,
}

#[derive(Clone, Copy, PartialEq, Eq, ValueEnum)]
enum ExportFormat {
    Json,
    Csv,
    Datapackage,
}

/// A failure: what to print on standard error, and the exit code.
struct Failure {
    message: String,
    code: u8,
}

impl From<Errors> for Failure {
    fn from(errors: Errors) -> Failure {
        let n = errors.len();
        let plural = if n == 1 { "problem" } else { "problems" };
        Failure {
            message: format!("{errors}\n{n} {plural} found"),
            code: 1,
        }
    }
}

impl From<policy_targets::Error> for Failure {
    fn from(err: policy_targets::Error) -> Failure {
        Failure {
            message: err.to_string(),
            code: 1,
        }
    }
}

fn load(data: Option<&Path>) -> Result<Catalog, Failure> {
    Ok(match data {
        Some(dir) => Catalog::load(dir)?,
        None => Catalog::bundled()?,
    })
}

/// The catalogue for rankings and gaps: of a folder's `observations.csv`,
/// only the denominators (population, GDP) are kept, every row checked.
fn load_for_comparison(data: Option<&Path>) -> Result<Catalog, Failure> {
    Ok(match data {
        Some(dir) => Catalog::load_keeping(dir, &Per::DENOMINATOR_METRICS)?,
        None => Catalog::bundled()?,
    })
}

/// Writes `bytes` to `path` completely or not at all: a temporary file in the
/// same folder, renamed over the target once fully written.
///
/// A symbolic link is followed (the file it points to is replaced, the link
/// kept); a file that is not a regular one (a pipe, a device such as
/// `/dev/stdout`) is written into as it is, since it cannot be replaced; a
/// read-only file is not overwritten; a replaced file keeps its permissions.
fn write_atomically(path: &Path, bytes: &[u8]) -> Result<(), Failure> {
    let fail = |e: std::io::Error| Failure {
        message: format!("{}: cannot write: {e}", path.display()),
        code: 1,
    };
    let mut target = path.to_path_buf();
    let mut existing = std::fs::symlink_metadata(&target).ok();
    if existing
        .as_ref()
        .is_some_and(|m| m.file_type().is_symlink())
    {
        target = std::fs::canonicalize(path).map_err(fail)?;
        existing = std::fs::metadata(&target).ok();
    }
    if let Some(meta) = &existing {
        if meta.is_dir() {
            return Err(fail(std::io::Error::other("it is a folder")));
        }
        if !meta.is_file() {
            let mut f = std::fs::OpenOptions::new()
                .write(true)
                .open(&target)
                .map_err(fail)?;
            return f.write_all(bytes).and_then(|()| f.flush()).map_err(fail);
        }
        if meta.permissions().readonly() {
            return Err(fail(std::io::Error::new(
                std::io::ErrorKind::PermissionDenied,
                "the file is read-only",
            )));
        }
    }
    let dir = target
        .parent()
        .filter(|p| !p.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    let name = target
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let tmp = dir.join(format!(".{name}.{}.tmp", std::process::id()));
    let result = std::fs::File::create(&tmp)
        .and_then(|mut f| {
            f.write_all(bytes)?;
            if let Some(meta) = &existing {
                f.set_permissions(meta.permissions())?;
            }
            f.sync_all()
        })
        .and_then(|()| std::fs::rename(&tmp, &target));
    if result.is_err() {
        let _ = std::fs::remove_file(&tmp);
    }
    result.map_err(fail)
}

/// The text of FILE, or of standard input for `-`.
fn read_text(file: &Path) -> Result<String, Failure> {
    let fail = |what: String| Failure {
        message: what,
        code: 1,
    };
    let bytes = if file == Path::new("-") {
        let mut bytes = Vec::new();
        std::io::Read::read_to_end(&mut std::io::stdin(), &mut bytes)
            .map_err(|e| fail(format!("cannot read standard input: {e}")))?;
        bytes
    } else {
        std::fs::read(file).map_err(|e| fail(format!("{}: cannot read: {e}", file.display())))?
    };
    String::from_utf8(bytes).map_err(|e| {
        let name = if file == Path::new("-") {
            "standard input".to_owned()
        } else {
            file.display().to_string()
        };
        fail(format!(
            "{name}: invalid UTF-8 at byte {}: the text must be UTF-8",
            e.utf8_error().valid_up_to()
        ))
    })
}

/// Fills the folder `dir` completely or not at all: `fill` writes into a
/// fresh temporary folder beside it, which is renamed into place once it is
/// done (an existing folder is replaced only then).
///
/// An existing `dir` is replaced only if it is empty or holds nothing but
/// entries that `ours` accepts (what an earlier run of the same command
/// wrote): a folder that holds anything else is left alone with an error,
/// as is a file of that name.
fn replace_folder(
    dir: &Path,
    ours: impl Fn(&std::fs::DirEntry) -> bool,
    fill: impl FnOnce(&Path) -> Result<(), Failure>,
) -> Result<(), Failure> {
    let fail = |e: std::io::Error| Failure {
        message: format!("{}: cannot write: {e}", dir.display()),
        code: 1,
    };
    match std::fs::symlink_metadata(dir) {
        Ok(meta) if !meta.is_dir() => {
            return Err(Failure {
                message: format!(
                    "{}: cannot write: it exists and is not a folder",
                    dir.display()
                ),
                code: 1,
            });
        }
        Ok(_) => {
            let mut foreign: Vec<String> = std::fs::read_dir(dir)
                .map_err(fail)?
                .filter_map(|e| e.ok())
                .filter(|e| !ours(e))
                .map(|e| e.file_name().to_string_lossy().into_owned())
                .collect();
            if !foreign.is_empty() {
                foreign.sort();
                let more = foreign.len().saturating_sub(3);
                foreign.truncate(3);
                let listed = foreign.join(", ");
                return Err(Failure {
                    message: format!(
                        "{}: cannot write: the folder holds files this command does not write ({listed}{}); choose a new or empty folder",
                        dir.display(),
                        if more > 0 {
                            format!(" and {more} more")
                        } else {
                            String::new()
                        }
                    ),
                    code: 1,
                });
            }
        }
        Err(_) => {}
    }
    let parent = dir
        .parent()
        .filter(|p| !p.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    let name = dir
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let tmp = parent.join(format!(".{name}.{}.tmp", std::process::id()));
    let old = parent.join(format!(".{name}.{}.old", std::process::id()));
    let result = std::fs::create_dir_all(parent)
        .and_then(|()| std::fs::create_dir(&tmp))
        .map_err(fail)
        .and_then(|()| {
            fill(&tmp)?;
            if dir.exists() {
                std::fs::rename(dir, &old).map_err(fail)?;
            }
            std::fs::rename(&tmp, dir).map_err(fail)?;
            if old.exists() {
                std::fs::remove_dir_all(&old).map_err(fail)?;
            }
            Ok(())
        });
    if result.is_err() {
        let _ = std::fs::remove_dir_all(&tmp);
        if old.exists() && !dir.exists() {
            let _ = std::fs::rename(&old, dir);
        }
    }
    result
}

/// Writes `files` into the folder `dir` completely or not at all (see
/// [`replace_folder`]); an existing `dir` is replaced only if it holds
/// nothing but files of those names.
fn write_folder_atomically(dir: &Path, files: &[(String, Vec<u8>)]) -> Result<(), Failure> {
    let ours = |e: &std::fs::DirEntry| {
        files.iter().any(|(name, _)| e.file_name() == name.as_str())
            && e.file_type().is_ok_and(|t| t.is_file())
    };
    replace_folder(dir, ours, |tmp| {
        for (file, bytes) in files {
            let path = tmp.join(file);
            std::fs::File::create(&path)
                .and_then(|mut f| {
                    f.write_all(bytes)?;
                    f.sync_all()
                })
                .map_err(|e| Failure {
                    message: format!("{}: cannot write: {e}", dir.join(file).display()),
                    code: 1,
                })?;
        }
        Ok(())
    })
}

fn emit(output: Option<&Path>, bytes: &[u8]) -> Result<(), Failure> {
    match output {
        Some(path) => write_atomically(path, bytes),
        None => {
            let mut stdout = std::io::stdout().lock();
            // A closed pipe (`targets export | head`) is not an error.
            match stdout.write_all(bytes).and_then(|()| stdout.flush()) {
                Err(e) if e.kind() != std::io::ErrorKind::BrokenPipe => Err(Failure {
                    message: format!("cannot write to standard output: {e}"),
                    code: 1,
                }),
                _ => Ok(()),
            }
        }
    }
}

fn run(cli: Cli) -> Result<(), Failure> {
    let data = cli.data.as_deref();
    match cli.command {
        Command::Validate => {
            // A folder's observations.csv is checked as a stream, not held.
            let c = match data {
                Some(dir) => bulk::check_folder(dir)?,
                None => bulk::Inventory::of(&Catalog::bundled()?),
            };
            let count = |n: usize, one: &str, many: &str| {
                format!("{n} {}", if n == 1 { one } else { many })
            };
            let summary = format!(
                "ok: {}, {}, {}, {}, {}\n",
                count(c.jurisdictions, "jurisdiction", "jurisdictions"),
                count(c.metrics, "metric", "metrics"),
                count(c.sources, "source", "sources"),
                count(c.targets, "target", "targets"),
                count(c.observations, "observation", "observations"),
            );
            emit(None, summary.as_bytes())
        }
        Command::Export {
            format,
            dir,
            output,
            csv,
        } => {
            if dir.is_some() && format != ExportFormat::Datapackage {
                return Err(usage(
                    "a DIR is written only with --format datapackage; use --output FILE for json or csv"
                        .to_owned(),
                ));
            }
            if format == ExportFormat::Json && (csv.bom || csv.raw_csv) {
                return Err(usage(
                    "--bom and --raw-csv apply to CSV output (--format csv or datapackage)"
                        .to_owned(),
                ));
            }
            let catalog = load(data)?;
            let csv_options = csv.options();
            let bytes = match format {
                ExportFormat::Datapackage => {
                    let dir =
                        dir.ok_or_else(|| usage("--format datapackage needs a DIR".to_owned()))?;
                    let files = policy_targets::datapackage::files(&catalog, &csv_options)?;
                    return write_folder_atomically(&dir, &files);
                }
                ExportFormat::Json => {
                    let mut json = export::to_json(&catalog);
                    json.push('\n');
                    json.into_bytes()
                }
                ExportFormat::Csv => {
                    let mut buffer = Vec::new();
                    export::write_csv(&catalog, &mut buffer, &csv_options)?;
                    buffer
                }
            };
            emit(output.as_deref(), &bytes)
        }
        Command::Extract {
            file,
            format,
            source,
            jurisdiction,
            min_confidence,
        } => {
            if min_confidence < rust_decimal::Decimal::ZERO
                || min_confidence > rust_decimal::Decimal::ONE
            {
                return Err(usage(format!(
                    "--min-confidence: expected a number from 0 to 1, found {min_confidence}"
                )));
            }
            let catalog = load(data)?;
            let text = read_text(&file)?;
            let jurisdiction = match jurisdiction {
                Some(name) => Some(
                    catalog
                        .find_jurisdiction(&name)
                        .map(|j| j.code.clone())
                        .ok_or_else(|| {
                            usage(format!("--jurisdiction: unknown jurisdiction {name:?}"))
                        })?,
                ),
                None => None,
            };
            let options = extract::Options {
                min_confidence,
                jurisdiction,
            };
            let candidates = extract::extract_with(&text, &catalog, &options);
            let out = match format {
                ExtractFormat::Toml => extract::to_toml(&candidates, &source),
                ExtractFormat::Json => {
                    let mut json = extract::to_json(&candidates);
                    json.push('\n');
                    json
                }
            };
            emit(None, out.as_bytes())
        }
        Command::Schema { contract } => {
            let contract = match contract {
                SchemaContract::Export => Contract::Export,
                SchemaContract::Rank => Contract::Rank,
                SchemaContract::Gap => Contract::Gap,
                SchemaContract::Progress => Contract::Progress,
                SchemaContract::Extract => Contract::Extract,
            };
            emit(None, schema(contract).as_bytes())
        }
        Command::Rank {
            metric,
            per,
            level,
            common,
        } => {
            let catalog = load_for_comparison(data)?;
            let query = RankQuery {
                metric,
                per,
                level,
                as_of: common.as_of(),
                decimals: 6,
            };
            let ranking = rank::rank(&catalog, &query)?;
            answer_in(
                &common,
                || ranking.to_table(&catalog, common.lang),
                || ranking.to_json(),
                |out| ranking.write_csv(out, &common.csv()),
            )
        }
        Command::Gap {
            subject,
            against,
            metric,
            peers,
            per,
            common,
        } => {
            let catalog = load_for_comparison(data)?;
            let benchmark =
                Benchmark::resolve(&catalog, &against, &peers).map_err(|e| usage(e.to_string()))?;
            let query = GapQuery {
                subject,
                benchmark,
                metric,
                per,
                as_of: common.as_of(),
                decimals: 6,
            };
            let answer = gap::gap(&catalog, &query)?;
            answer_in(
                &common,
                || answer.to_table(&catalog, common.lang),
                || answer.to_json(),
                |out| answer.write_csv(out, &common.csv()),
            )
        }
        Command::Progress {
            bands,
            level,
            common,
        } => {
            let options = progress::Options {
                bands,
                ..progress::Options::default()
            };
            // A folder with observations.csv is read as a stream.
            let (catalog, report) = match data.filter(|d| d.join("observations.csv").is_file()) {
                Some(dir) => progress::progress_folder(dir, common.as_of(), &options)?,
                None => {
                    let catalog = load(data)?;
                    let report = progress::progress(&catalog, common.as_of(), &options);
                    (catalog, report)
                }
            };
            let report = match level {
                Some(level) => report.at_level(&catalog, level),
                None => report,
            };
            answer_in(
                &common,
                || report.to_table(&catalog, common.lang),
                || report.to_json(),
                |out| report.write_csv(out, &common.csv()),
            )
        }
        Command::Synth {
            jurisdictions,
            metrics,
            months,
            seed,
            dir,
        } => {
            let spec = policy_targets::synth::Spec {
                jurisdictions,
                metrics,
                months,
                seed,
            };
            let mut summary = None;
            // What synth writes: its files, and `sources/` with its one file.
            let ours = |e: &std::fs::DirEntry| {
                let name = e.file_name();
                let is = |t: fn(&std::fs::FileType) -> bool| e.file_type().is_ok_and(|f| t(&f));
                if name == "sources" && is(std::fs::FileType::is_dir) {
                    std::fs::read_dir(e.path()).is_ok_and(|mut entries| {
                        entries.all(|s| {
                            s.is_ok_and(|s| {
                                policy_targets::synth::FILES
                                    .iter()
                                    .any(|f| s.path().ends_with(f))
                            })
                        })
                    })
                } else {
                    is(std::fs::FileType::is_file)
                        && policy_targets::synth::FILES
                            .iter()
                            .any(|f| Path::new(f) == Path::new(&name))
                }
            };
            replace_folder(&dir, ours, |tmp| {
                summary = Some(policy_targets::synth::write_folder(&spec, tmp)?);
                Ok(())
            })?;
            let Some(s) = summary else {
                return Ok(());
            };
            let summary = format!(
                "wrote {} jurisdictions, {} metrics, {} targets and {} observations ({} to {}) to {}\n",
                s.jurisdictions,
                s.metrics,
                s.targets,
                s.observations,
                s.first_day,
                s.last_day,
                dir.display()
            );
            emit(None, summary.as_bytes())
        }
        Command::Report {
            subject,
            html,
            as_of,
            lang,
        } => {
            let catalog = load(data)?;
            let overview = report::overview(&catalog, &subject, as_of.unwrap_or_else(today))?;
            match html {
                Some(path) => {
                    let page = policy_targets::html::render(&overview, &catalog, lang);
                    write_atomically(&path, page.as_bytes())
                }
                None => emit(None, overview.to_text(&catalog, lang).as_bytes()),
            }
        }
    }
}

fn today() -> NaiveDate {
    chrono::Local::now().date_naive()
}

/// Writes an answer in the format `common` asks for, where it asks.
fn answer_in(
    common: &Common,
    table: impl FnOnce() -> String,
    json: impl FnOnce() -> String,
    csv: impl FnOnce(&mut Vec<u8>) -> Result<(), policy_targets::Error>,
) -> Result<(), Failure> {
    if common.format != Format::Csv && (common.csv.bom || common.csv.raw_csv) {
        return Err(usage(
            "--bom and --raw-csv apply to CSV output (--format csv)".to_owned(),
        ));
    }
    let bytes = match common.format {
        Format::Table => table().into_bytes(),
        Format::Json => with_newline(json()),
        Format::Csv => {
            let mut buffer = Vec::new();
            csv(&mut buffer)?;
            buffer
        }
    };
    emit(common.output.as_deref(), &bytes)
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

fn with_newline(mut text: String) -> Vec<u8> {
    text.push('\n');
    text.into_bytes()
}

fn usage(message: String) -> Failure {
    Failure { message, code: 2 }
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    match run(cli) {
        Ok(()) => ExitCode::SUCCESS,
        Err(failure) => {
            eprintln!("{}", failure.message);
            ExitCode::from(failure.code)
        }
    }
}
