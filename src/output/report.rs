//! The overview report: who promised what by when, every metric's ranking,
//! a subject's gaps to its peers, and the progress of targets with reported
//! figures.

use chrono::NaiveDate;

use crate::engine::gap::{Gap, Unanswered, benchmark_gaps};
use crate::engine::index::{Index, IndexQuery, index};
use crate::engine::progress::{Options, Progress, progress};
use crate::engine::rank::{RankQuery, Ranking, rank};
use crate::error::{Error, ErrorKind};
use crate::output::amount::human_amount;
use crate::output::labels::report as words;
use crate::output::table::{Table, human, shorten};

/// The width the report's sentences are wrapped to, in terminal columns.
const TEXT_WIDTH: usize = 120;

/// `text` with every line of prose wider than `width` wrapped (a line with
/// two spaces in a row is a table row and is left as it is); Chinese breaks
/// between any two characters.
fn wrap_prose(text: &str, width: usize) -> String {
    let mut out = String::with_capacity(text.len());
    for line in text.split_inclusive('\n') {
        let (body, end) = match line.strip_suffix('\n') {
            Some(body) => (body, "\n"),
            None => (line, ""),
        };
        if body.contains("  ") || unicode_width::UnicodeWidthStr::width(body) <= width {
            out.push_str(line);
            continue;
        }
        let options =
            textwrap::Options::new(width).word_splitter(textwrap::WordSplitter::NoHyphenation);
        out.push_str(&textwrap::fill(body, options));
        out.push_str(end);
    }
    out
}

/// The widest a source title is shown in the report's table of targets, in
/// terminal columns (the whole title is in the HTML page and the exports).
const TITLE_WIDTH: usize = 30;
use crate::output::{level_label, status_label};
use crate::{Catalog, Jurisdiction, Lang, Level, Per, Target};

/// Everything the report shows, computed once for text and HTML.
#[derive(Debug)]
pub struct Overview<'c> {
    /// The date it is evaluated on.
    pub as_of: NaiveDate,
    /// The jurisdiction whose gaps are shown (广西 by default).
    pub subject: &'c Jurisdiction,
    /// Every target whose source is in force, by deadline, then jurisdiction.
    pub targets: Vec<&'c Target>,
    /// For each metric whose raw ranking has at least [`MIN_RANKED`] rows:
    /// its ranking raw and per million residents.
    pub rankings: Vec<(Ranking, Option<Ranking>)>,
    /// The metrics with targets that rank fewer than [`MIN_RANKED`]
    /// jurisdictions: their targets are in the table of targets only.
    pub unranked_metrics: Vec<crate::Id>,
    /// The subject's gaps per million residents ([`benchmark_gaps`]).
    pub gaps: Vec<Gap>,
    /// Gap questions without an answer, with the reason.
    pub unanswered: Vec<Unanswered>,
    /// The progress of every target that counts.
    pub progress: Progress,
    /// A composite index of the jurisdictions of one level over the
    /// metrics they set targets on ([`composite`]), where the data has one.
    pub index: Option<Index>,
}

/// The draws of the uncertainty analysis of the report's index.
pub const INDEX_DRAWS: u32 = 1000;

/// The composite index an overview shows: at the first of the province,
/// prefecture and county levels where at least three jurisdictions have
/// targets on at least two metrics (population and GDP aside), the index of
/// those jurisdictions over every metric on which at least two of them set
/// a target, each jurisdiction entering with values on at least two;
/// per million residents where three jurisdictions have a denominator,
/// otherwise as set. Min-max scaling, equal weights, arithmetic mean, and
/// [`INDEX_DRAWS`] draws with the default seed. `None` when no level has
/// such data.
///
/// ```
/// use chrono::NaiveDate;
/// use policy_targets::{Catalog, report::composite};
///
/// let catalog = Catalog::bundled()?;
/// let as_of = NaiveDate::from_ymd_opt(2025, 7, 4).unwrap();
/// if let Some(index) = composite(&catalog, as_of)? {
///     assert!(index.rows.len() >= 3 && index.metrics.len() >= 2);
/// }
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub fn composite(catalog: &Catalog, as_of: NaiveDate) -> Result<Option<Index>, Error> {
    for level in [Level::Province, Level::Prefecture, Level::County] {
        let at_level = |metric: &str| {
            catalog
                .select_targets(metric, as_of)
                .iter()
                .filter(|t| {
                    catalog
                        .jurisdiction(t.jurisdiction.as_str())
                        .is_some_and(|j| j.level == level)
                })
                .count()
        };
        let metrics: Vec<&str> = catalog
            .metrics()
            .iter()
            .map(|m| m.id.as_str())
            .filter(|m| !Per::DENOMINATOR_METRICS.contains(m) && at_level(m) >= 2)
            .collect();
        if metrics.len() < 2 {
            continue;
        }
        for per in [Per::CAPITA, Per::NONE] {
            let mut query = IndexQuery::new(metrics.iter().copied(), as_of);
            query.level = Some(level);
            query.per = per;
            query.draws = INDEX_DRAWS;
            query.min_coverage = format!("2/{}", metrics.len()).parse()?;
            match index(catalog, &query) {
                Ok(answer) if answer.rows.len() >= 3 => return Ok(Some(answer)),
                Ok(_) => {}
                Err(e)
                    if matches!(
                        e.kind(),
                        ErrorKind::IndexQuery { .. } | ErrorKind::TooFewIndexMetrics { .. }
                    ) => {}
                Err(e) => return Err(e),
            }
        }
    }
    Ok(None)
}

/// The fewest ranked jurisdictions a metric needs for the report to show its
/// ranking: a ranking of one says nothing a table row does not.
pub const MIN_RANKED: usize = 2;

/// The default subject of the report: 广西壮族自治区.
pub const DEFAULT_SUBJECT: &str = "450000";

/// Computes the overview on `as_of` with `subject`'s gaps.
///
/// ```
/// use chrono::NaiveDate;
/// use policy_targets::{Catalog, Lang, report::overview};
///
/// let catalog = Catalog::bundled()?;
/// let as_of = NaiveDate::from_ymd_opt(2025, 7, 4).unwrap();
/// let report = overview(&catalog, "广西", as_of)?;
/// // The targets in force on the date, a draft superseded by its final text left out.
/// assert!(report.targets.len() >= 12);
/// // Every metric ranked has at least two ranked jurisdictions.
/// assert!(report.rankings.iter().all(|(raw, _)| raw.rows.len() >= 2));
/// assert!(report.to_text(&catalog, Lang::Zh).contains("广西壮族自治区对标"));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub fn overview<'c>(
    catalog: &'c Catalog,
    subject: &str,
    as_of: NaiveDate,
) -> Result<Overview<'c>, Error> {
    let report = progress(catalog, as_of, &Options::default());
    overview_with(catalog, subject, as_of, report)
}

/// [`overview`] with the progress of its targets given rather than
/// computed on the catalogue: that of [`load_folder`], read from a data
/// folder's `observations.csv` as a stream. `progress` must be the answer
/// of [`progress`] on `as_of` with the default
/// options.
///
/// ```
/// use chrono::NaiveDate;
/// use policy_targets::{Catalog, Lang, report};
///
/// let dir = std::env::temp_dir().join(format!("report_folder_doc_{}", std::process::id()));
/// policy_targets::synth::write_folder(&policy_targets::synth::Spec {
///     jurisdictions: 6, metrics: 3, months: 4, seed: 7,
/// }, &dir).unwrap();
/// let as_of = NaiveDate::from_ymd_opt(2025, 12, 31).unwrap();
/// let (catalog, progress) = report::load_folder(&dir, as_of, false)?;
/// let subject = catalog.jurisdictions()[1].code.to_string();
/// let streamed = report::overview_with(&catalog, &subject, as_of, progress)?;
/// let loaded = Catalog::load(&dir)?;
/// let whole = report::overview(&loaded, &subject, as_of)?;
/// assert_eq!(streamed.to_text(&catalog, Lang::En), whole.to_text(&loaded, Lang::En));
/// std::fs::remove_dir_all(&dir).unwrap();
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub fn overview_with<'c>(
    catalog: &'c Catalog,
    subject: &str,
    as_of: NaiveDate,
    progress: Progress,
) -> Result<Overview<'c>, Error> {
    let subject = catalog.resolve_jurisdiction(subject)?;
    let mut targets: Vec<&Target> = catalog
        .targets()
        .iter()
        .filter(|t| {
            catalog
                .source(t.source.as_str())
                .is_some_and(|s| catalog.in_force(s, as_of))
        })
        .collect();
    targets.sort_by(|a, b| {
        (a.deadline.end(), &a.jurisdiction, &a.metric).cmp(&(
            b.deadline.end(),
            &b.jurisdiction,
            &b.metric,
        ))
    });
    let mut rankings = Vec::new();
    let mut unranked_metrics = Vec::new();
    for metric in catalog.metrics() {
        if catalog.select_targets(metric.id.as_str(), as_of).is_empty() {
            continue;
        }
        let mut query = RankQuery::new(metric.id.as_str(), as_of);
        let raw = rank(catalog, &query)?;
        if raw.rows.len() < MIN_RANKED {
            unranked_metrics.push(metric.id.clone());
            continue;
        }
        query.per = Per::CAPITA;
        let capita = Per::CAPITA
            .applies_to(metric.dimension)
            .then(|| rank(catalog, &query))
            .transpose()?;
        rankings.push((raw, capita));
    }
    let (gaps, unanswered) = benchmark_gaps(catalog, subject.code.as_str(), Per::CAPITA, as_of)?;
    Ok(Overview {
        as_of,
        subject,
        targets,
        rankings,
        unranked_metrics,
        gaps,
        unanswered,
        progress,
        index: composite(catalog, as_of)?,
    })
}

/// What the overview needs of the data folder `dir`, with its
/// `observations.csv` (if it has one) read as a stream rather than
/// loaded: the catalogue with, of the file's rows, only those the
/// overview shows (the denominators, population and GDP, and with `page`,
/// for the HTML page, the figures of the targets whose trend is charted
/// and those each progress row reports), and the progress of its targets
/// on `as_of` ([`progress_folder`](crate::progress::progress_folder)).
/// Memory grows with the targets and the rows kept, not with the file.
///
/// [`overview_with`] on the answer shows what [`overview`] shows on
/// [`Catalog::load`] of the folder. Every problem of the folder is
/// returned, as by that load.
pub fn load_folder(
    dir: impl AsRef<std::path::Path>,
    as_of: NaiveDate,
    page: bool,
) -> Result<(Catalog, Progress), crate::Errors> {
    use crate::load::bulk;
    let dir = dir.as_ref();
    let (catalog, report) =
        crate::engine::progress::progress_folder(dir, as_of, &Options::default())?;
    let csv = dir.join(bulk::OBSERVATIONS_CSV);
    if !csv.is_file() {
        return Ok((catalog, report));
    }
    let rows = if page { report.rows.as_slice() } else { &[] };
    // The figures a charted trend goes through, by jurisdiction and metric.
    let charted: std::collections::HashSet<(&str, &str)> = rows
        .iter()
        .filter(|r| r.trend.is_some())
        .map(|r| (r.jurisdiction.as_str(), r.metric.as_str()))
        .collect();
    // The figure each row reports, where it has one.
    let reported: std::collections::HashSet<(&str, &str, NaiveDate)> = rows
        .iter()
        .filter_map(|r| {
            let day = r.latest_as_of?;
            Some((r.jurisdiction.as_str(), r.metric.as_str(), day))
        })
        .collect();
    let denominators = catalog
        .metrics()
        .iter()
        .any(|m| Per::DENOMINATOR_METRICS.contains(&m.id.as_str()));
    if !denominators && charted.is_empty() && reported.is_empty() {
        // No row would be kept: the file is not read again.
        return Ok((catalog, report));
    }
    let kept = bulk::collect_observations(&catalog, &csv, |j, m, day| {
        let (j, m) = (j.as_str(), m.as_str());
        Per::DENOMINATOR_METRICS.contains(&m)
            || charted.contains(&(j, m))
            || reported.contains(&(j, m, day))
    })?;
    let catalog = catalog.with(Vec::new(), kept)?;
    Ok((catalog, report))
}

impl Overview<'_> {
    /// The gap questions without an answer: first those that lack peers for
    /// a statistic (none, or fewer than [`FEWEST_PEERS`](crate::gap::FEWEST_PEERS)),
    /// said once for all their metrics, then the others, each with its reason.
    pub fn unanswered_by_kind(&self) -> (Vec<&Unanswered>, Vec<&Unanswered>) {
        self.unanswered.iter().partition(|q| {
            matches!(
                q.error.kind(),
                ErrorKind::NoPeers { .. } | ErrorKind::TooFewPeers { .. }
            )
        })
    }

    /// The report as text for a terminal.
    pub fn to_text(&self, catalog: &Catalog, lang: Lang) -> String {
        let names = Names { catalog, lang };
        let mut out = String::new();
        out.push_str(&words::title(lang, self.as_of));
        self.targets_text(&names, &mut out);
        out.push_str(&words::rankings_heading(lang));
        for (raw, capita) in &self.rankings {
            out.push_str(&raw.to_table(catalog, lang));
            if let Some(capita) = capita {
                out.push_str(&capita.to_table(catalog, lang));
            }
            out.push('\n');
        }
        if !self.unranked_metrics.is_empty() {
            let metrics: Vec<String> = self
                .unranked_metrics
                .iter()
                .map(|m| names.metric(m.as_str()))
                .collect();
            out.push_str(&words::single_row_metrics(lang, &metrics));
            out.push('\n');
        }
        self.gaps_text(&names, &mut out);
        self.progress_text(&names, &mut out);
        if let Some(index) = &self.index {
            out.push('\n');
            out.push_str(&words::index_heading(lang));
            out.push_str(&index.to_table(lang));
        }
        wrap_prose(&out, TEXT_WIDTH)
    }

    /// Section 1: the targets by deadline.
    fn targets_text(&self, names: &Names<'_>, out: &mut String) {
        let (catalog, lang) = (names.catalog, names.lang);
        out.push_str(&words::targets_heading(lang));
        let mut table = Table::new(words::targets_headings(lang));
        // Long metric names wrap so that the table fits the page.
        table.align_right(4).wrap(3);
        for t in &self.targets {
            let j = catalog.jurisdiction(t.jurisdiction.as_str());
            let source = catalog.source(t.source.as_str());
            // As written, with thousands separators (`≥1,000家`, `≥3,000亿元`).
            let amount = |q: &crate::Quantity| human_amount(q.value(), q.unit(), lang);
            let value = match &t.upper {
                Some(upper) => format!("{}–{}", amount(&t.value), amount(upper)),
                None => format!("{}{}", t.comparator.symbol(), amount(&t.value)),
            };
            table.push([
                t.deadline.to_string(),
                names.jurisdiction(t.jurisdiction.as_str()),
                j.map(|j| level_label(j.level, lang)).unwrap_or_default(),
                names.metric(t.metric.as_str()),
                value,
                // The title shortened so that the table fits 120 columns.
                source
                    .map(|s| shorten(&s.title, TITLE_WIDTH))
                    .unwrap_or_default(),
                source.map(|s| s.published.to_string()).unwrap_or_default(),
            ]);
        }
        out.push_str(&table.render());
        out.push('\n');
    }

    /// Section 3: the subject's gaps per million residents.
    fn gaps_text(&self, names: &Names<'_>, out: &mut String) {
        let lang = names.lang;
        out.push_str(&words::gaps_heading(lang, self.subject.name(lang)));
        let mut table = Table::new(words::gaps_headings(lang));
        table
            .align_right(2)
            .align_right(3)
            .align_right(4)
            .wrap(0)
            .wrap(1);
        for g in &self.gaps {
            // The subject's own target as its source wrote it (`300个`), not
            // its normalised value.
            let own = g
                .subject_target
                .as_ref()
                .and_then(|id| names.catalog.target(id.as_str()))
                .map(|t| {
                    let q = &t.value;
                    format!(
                        "{}{}",
                        t.comparator.symbol(),
                        human_amount(q.value(), q.unit(), lang)
                    )
                });
            table.push([
                names.metric(g.metric.as_str()),
                g.benchmark_label(lang),
                human(g.benchmark_value.round_dp(2)),
                own.unwrap_or_else(|| words::no_own_target(lang).to_owned()),
                format!(
                    "{}{}",
                    g.required_amount(names.catalog, lang),
                    crate::output::labels::already_ahead(g.standing, lang)
                ),
                g.denominator_as_of
                    .map(|d| d.to_string())
                    .unwrap_or_default(),
            ]);
        }
        out.push_str(&table.render());
        let (few, others) = self.unanswered_by_kind();
        if !few.is_empty() {
            let metrics: Vec<String> = few
                .iter()
                .map(|q| names.metric(q.metric.as_str()).to_string())
                .collect();
            out.push_str(&words::few_peers_note(lang, &metrics));
        }
        for question in others {
            let metric = names.metric(question.metric.as_str());
            out.push_str(&words::unanswered_note(
                lang,
                &metric,
                question,
                names.catalog,
            ));
        }
        out.push('\n');
    }

    /// Section 4: the progress table and the count of every status.
    fn progress_text(&self, names: &Names<'_>, out: &mut String) {
        let (catalog, lang) = (names.catalog, names.lang);
        out.push_str(&words::progress_heading(lang));
        out.push_str(&self.progress.to_table(catalog, lang));
        let with_data = self
            .progress
            .rows
            .iter()
            .filter(|r| r.latest_value.is_some())
            .count();
        if with_data == 0 {
            out.push_str(words::no_progress(lang));
        }
        let counts: Vec<String> = crate::engine::progress::Status::ALL
            .iter()
            .filter_map(|s| {
                let n = self.progress.rows.iter().filter(|r| r.status == *s).count();
                (n > 0).then(|| format!("{} {n}", status_label(*s, lang)))
            })
            .collect();
        if !counts.is_empty() {
            out.push_str(&counts.join(words::counts_separator(lang)));
            out.push('\n');
        }
    }
}

/// Names of jurisdictions and metrics in the report's language, the code or
/// id itself when the catalogue lacks them.
struct Names<'c> {
    catalog: &'c Catalog,
    lang: Lang,
}

impl Names<'_> {
    fn jurisdiction(&self, code: &str) -> String {
        self.catalog
            .jurisdiction(code)
            .map_or(code.to_owned(), |j| j.name(self.lang).to_owned())
    }

    fn metric(&self, id: &str) -> String {
        self.catalog
            .metric(id)
            .map_or(id.to_owned(), |m| m.name(self.lang).to_owned())
    }
}
