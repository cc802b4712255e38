//! The overview report: who promised what by when, every metric's ranking,
//! a subject's gaps to its peers, and the progress of targets with reported
//! figures.

use chrono::NaiveDate;

use crate::engine::gap::{Gap, Unanswered, benchmark_gaps};
use crate::engine::progress::{Options, Progress, progress};
use crate::engine::rank::{RankQuery, Ranking, rank};
use crate::error::Error;
use crate::output::labels::{self, report as words};
use crate::output::table::{Table, human};
use crate::output::{level_label, status_label};
use crate::{Catalog, Jurisdiction, Lang, Per, Target};

/// Everything the report shows, computed once for text and HTML.
#[derive(Debug)]
pub struct Overview<'c> {
    /// The date it is evaluated on.
    pub as_of: NaiveDate,
    /// The jurisdiction whose gaps are shown (广西 by default).
    pub subject: &'c Jurisdiction,
    /// Every target whose source is in force, by deadline, then jurisdiction.
    pub targets: Vec<&'c Target>,
    /// For each metric with targets: its ranking raw and per million residents.
    pub rankings: Vec<(Ranking, Ranking)>,
    /// The subject's gaps per million residents ([`benchmark_gaps`]).
    pub gaps: Vec<Gap>,
    /// Gap questions without an answer, with the reason.
    pub unanswered: Vec<Unanswered>,
    /// The progress of every target that counts.
    pub progress: Progress,
}

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
/// assert_eq!(report.targets.len(), 36);
/// assert!(report.to_text(&catalog, Lang::Zh).contains("广西壮族自治区对标"));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub fn overview<'c>(
    catalog: &'c Catalog,
    subject: &str,
    as_of: NaiveDate,
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
    for metric in catalog.metrics() {
        if catalog.select_targets(metric.id.as_str(), as_of).is_empty() {
            continue;
        }
        let mut query = RankQuery::new(metric.id.as_str(), as_of);
        let raw = rank(catalog, &query)?;
        query.per = Per::CAPITA;
        let capita = rank(catalog, &query)?;
        rankings.push((raw, capita));
    }
    let (gaps, unanswered) = benchmark_gaps(catalog, subject.code.as_str(), Per::CAPITA, as_of)?;
    Ok(Overview {
        as_of,
        subject,
        targets,
        rankings,
        gaps,
        unanswered,
        progress: progress(catalog, as_of, &Options::default()),
    })
}

impl Overview<'_> {
    /// The report as text for a terminal.
    pub fn to_text(&self, catalog: &Catalog, lang: Lang) -> String {
        let names = Names { catalog, lang };
        let mut out = String::new();
        out.push_str(&words::title(lang, self.as_of));
        self.targets_text(&names, &mut out);
        out.push_str(&words::rankings_heading(lang));
        for (raw, capita) in &self.rankings {
            out.push_str(&raw.to_table(catalog, lang));
            out.push_str(&capita.to_table(catalog, lang));
            out.push('\n');
        }
        self.gaps_text(&names, &mut out);
        self.progress_text(&names, &mut out);
        out
    }

    /// Section 1: the targets by deadline.
    fn targets_text(&self, names: &Names<'_>, out: &mut String) {
        let (catalog, lang) = (names.catalog, names.lang);
        out.push_str(&words::targets_heading(lang));
        let mut table = Table::new(words::targets_headings(lang));
        table.align_right(4);
        for t in &self.targets {
            let j = catalog.jurisdiction(t.jurisdiction.as_str());
            let source = catalog.source(t.source.as_str());
            let value = match t.upper {
                Some(upper) => format!("{}–{}", t.value, upper),
                None => format!("{}{}", t.comparator.symbol(), t.value),
            };
            table.push([
                t.deadline.to_string(),
                names.jurisdiction(t.jurisdiction.as_str()),
                j.map(|j| level_label(j.level, lang)).unwrap_or_default(),
                names.metric(t.metric.as_str()),
                value,
                source.map(|s| s.title.clone()).unwrap_or_default(),
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
        table.align_right(2).align_right(3).align_right(4);
        for g in &self.gaps {
            table.push([
                names.metric(g.metric.as_str()),
                g.benchmark_label(lang),
                human(g.benchmark_value.round_dp(2)),
                g.subject_value
                    .map(human)
                    .unwrap_or_else(|| words::no_own_target(lang).to_owned()),
                format!(
                    "{} {}",
                    human(g.required_target.round_dp(0)),
                    labels::unit(g.required_unit, lang)
                ),
                g.denominator_as_of
                    .map(|d| d.to_string())
                    .unwrap_or_default(),
            ]);
        }
        out.push_str(&table.render());
        for question in &self.unanswered {
            let (metric, reason) = (names.metric(question.metric.as_str()), &question.error);
            out.push_str(&words::unanswered_note(lang, &metric, reason));
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
