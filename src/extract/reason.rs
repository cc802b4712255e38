//! Why a candidate's confidence is what it is: one typed value per reason,
//! written out in English by `Display` (the text of the JSON and TOML
//! output) and in Chinese by `output::labels::extract`.

use crate::{Comparator, Deadline, JurisdictionCode, PartialDate};

use super::DateFrom;

/// A reason for a candidate's confidence (see [`super::Candidate::reasons`]).
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Reason {
    /// The metric's name was matched with one character differing; the
    /// words matched.
    MetricFuzzy(String),
    /// No metric of the catalogue, but the words next to the figure name a
    /// measure.
    MetricNotInCatalogue,
    /// No metric recognised.
    NoMetric,
    /// The metric was named in the clause before, without a figure.
    MetricInPrecedingClause,
    /// The metric was carried over from an earlier clause; its words.
    MetricCarriedOver(String),
    /// 其中: the figure is a part of the one before.
    PartOfFigureBefore,
    /// 新增, 净增: an amount added, not a level reached; the word.
    AmountAdded(String),
    /// A count of participating or issuing bodies.
    CountOfBodies,
    /// A count of measures of the document.
    CountOfMeasures,
    /// A part of a layout such as 1+N.
    Layout,
    /// N个…的: the count describes whose figure follows.
    DescribesWhose,
    /// A count of sectors or fields in scope.
    Scope,
    /// A rate per person or per area.
    Rate,
    /// A rank (前N名).
    Rank,
    /// N大: a count with 个 supplied.
    MajorCount,
    /// 元 left out after 万 or 亿.
    YuanSupplied,
    /// P or E read as PFLOPS or EFLOPS.
    ComputeUnitSupplied,
    /// The figure is in a heading.
    InHeading,
    /// A count of transactions (笔).
    Transactions,
    /// A growth rate; the word of growth.
    GrowthRate(String),
    /// A forecast; the word of forecast.
    Forecast(String),
    /// An approximate figure: the word that says so and the comparator it
    /// was read with.
    Approximate {
        /// 约, 近, 左右, 余, 多.
        word: String,
        /// How it was read.
        comparator: Comparator,
    },
    /// 全省, 全市 read as the place of the document; the place's name.
    WholePlace(String),
    /// The jurisdiction came from the document title.
    JurisdictionFromTitle,
    /// The jurisdiction came from the lead of the text.
    JurisdictionFromLead,
    /// The place named is not in the catalogue.
    PlaceNotInCatalogue {
        /// The words that named it.
        name: String,
        /// Its code.
        code: JurisdictionCode,
    },
    /// The jurisdiction given is not in the catalogue.
    CodeNotInCatalogue(JurisdictionCode),
    /// No jurisdiction named.
    NoJurisdiction,
    /// The starting figure of a change (由…到…).
    StartingFigure,
    /// No cue says target or reported figure; read as reported at the date
    /// of writing.
    NoCueReported,
    /// No cue says target or reported figure; read as a target.
    NoCueTarget,
    /// Nothing looks ahead (no deadline, plan period or word that sets a
    /// goal): read as a reported figure.
    NoFutureCue,
    /// The figure of a single company, site or project (一个项目总投资88亿元,
    /// 某公司拟投资20亿元), not a level of a place.
    OneProject,
    /// A count of the items a list names (大数据、集成电路等4个产业集群, 七个
    /// 基地分别位于…), not a level of a place.
    ListCount,
    /// A count of pilots or projects organised (开展23个试点, 75个项目建设),
    /// not a level of a place.
    OrganisedCount,
    /// A share of the make-up of another figure (其中…占比超80%), not a
    /// level of a place.
    MakeUp,
    /// A threshold or an amount of a support measure (收入首次达到3000万元的
    /// 企业可获得100万元奖励), not a level of a place.
    Support,
    /// No date for a reported figure.
    NoDate,
    /// The deadline is the end of the plan period.
    DeadlineFromPeriod,
    /// The deadline was read from a bare date.
    DeadlineFromBareDate(Deadline),
    /// The deadline was read from the year of a heading.
    DeadlineFromHeading(Deadline),
    /// No deadline in the text.
    NoDeadline,
    /// A relative date read with the date of writing.
    DateInferred {
        /// The relative words (今年, 用3年时间).
        words: String,
        /// Where the date of writing comes from.
        from: DateFrom,
        /// The date of writing.
        reference: PartialDate,
    },
    /// A relative date whose date of writing is not known.
    DateUnknown,
    /// Dated by its section heading.
    DatedBySection,
    /// Dated by the publication date.
    DatedByPublication(PartialDate),
}

impl Reason {
    /// The text of a reason that says the figure is read as no goal or no
    /// level of a place.
    fn not_level(&self) -> Option<&'static str> {
        Some(match self {
            Reason::NoFutureCue => {
                "no deadline, plan period or word that sets a goal: read as a reported figure"
            }
            Reason::OneProject => "figure of a single company or project, not a level of a place",
            Reason::ListCount => "count of the items a list names, not a level of a place",
            Reason::OrganisedCount => {
                "count of pilots or projects organised, not a level of a place"
            }
            Reason::MakeUp => "share of the make-up of another figure, not a level of a place",
            Reason::Support => {
                "threshold or amount of a support measure (an award, a subsidy), not a level of a place"
            }
            _ => return None,
        })
    }
}

impl std::fmt::Display for Reason {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        use Reason as R;
        match self {
            R::MetricFuzzy(words) => {
                write!(f, "metric matched with one character differing: {words}")
            }
            R::MetricNotInCatalogue => {
                f.write_str("metric not in the catalogue (the words next to the figure name one)")
            }
            R::NoMetric => f.write_str("no metric recognised"),
            R::MetricInPrecedingClause => f.write_str("metric named in the preceding clause"),
            R::MetricCarriedOver(words) => {
                write!(f, "metric carried over from an earlier clause ({words})")
            }
            R::PartOfFigureBefore => f.write_str("其中 introduces a part of the figure before"),
            R::AmountAdded(word) => {
                write!(f, "{word} states an amount added, not a level reached")
            }
            R::CountOfBodies => {
                f.write_str("count of participating or issuing bodies, not a target")
            }
            R::CountOfMeasures => f.write_str("count of measures in the document, not a target"),
            R::Layout => f.write_str("part of a layout such as 1+N, not a target"),
            R::DescribesWhose => {
                f.write_str("describes whose figure follows (N个…的), not a target")
            }
            R::Scope => f.write_str("count of sectors or fields in scope, not a target"),
            R::Rate => f.write_str("a rate per person or per area, not a total"),
            R::Rank => f.write_str("a rank (前N名), not a quantity"),
            R::MajorCount => f.write_str("count written as N大 (N major …); unit 个 supplied"),
            R::YuanSupplied => {
                f.write_str("元 left out after 万 or 亿 of a money figure: read as 元")
            }
            R::ComputeUnitSupplied => {
                f.write_str("P or E after a computing-power figure read as PFLOPS or EFLOPS")
            }
            R::InHeading => f.write_str("figure in a heading"),
            R::Transactions => {
                f.write_str("count of transactions (笔), not a target unless one is stated")
            }
            R::GrowthRate(word) => write!(f, "growth rate ({word}), not a level reached"),
            R::Forecast(word) => write!(
                f,
                "a forecast ({word}), not a goal: read as a figure reported for the year forecast"
            ),
            R::Approximate { word, comparator } => write!(
                f,
                "approximate figure ({word}): read as {}",
                comparator.as_str().replace('_', " ")
            ),
            R::WholePlace(name) => write!(
                f,
                "the whole place (全省, 全市) read as the place of the document ({name})"
            ),
            R::JurisdictionFromTitle => f.write_str("jurisdiction from the document title"),
            R::JurisdictionFromLead => f.write_str("jurisdiction from the lead of the text"),
            R::PlaceNotInCatalogue { name, code } => {
                write!(f, "jurisdiction {name} ({code}) is not in the catalogue")
            }
            R::CodeNotInCatalogue(code) => {
                write!(f, "jurisdiction {code} is not in the catalogue")
            }
            R::NoJurisdiction => f.write_str("no jurisdiction named"),
            R::StartingFigure => f.write_str(
                "the starting figure of a change (由…到…): a reported figure, not a target",
            ),
            R::NoCueReported => f.write_str(
                "no cue says target or reported figure: read as reported at the date of writing",
            ),
            R::NoCueTarget => {
                f.write_str("no cue says target or reported figure: read as a target")
            }
            R::NoFutureCue
            | R::OneProject
            | R::ListCount
            | R::OrganisedCount
            | R::MakeUp
            | R::Support => f.write_str(self.not_level().unwrap_or_default()),
            R::NoDate => f.write_str("no date for the figure"),
            R::DeadlineFromPeriod => f.write_str("deadline is the end of the plan period"),
            R::DeadlineFromBareDate(d) => write!(f, "deadline read from a bare date ({d})"),
            R::DeadlineFromHeading(d) => {
                write!(f, "deadline read from the year of a heading ({d})")
            }
            R::NoDeadline => f.write_str("no deadline in the text"),
            R::DateInferred {
                words,
                from,
                reference,
            } => write!(
                f,
                "date read from {words} with the {} {reference}",
                from.name()
            ),
            R::DateUnknown => f.write_str(
                "date written relative to the date of writing (今年, 目前), which is not known: \
                 date unknown (give the publication date)",
            ),
            R::DatedBySection => f.write_str("dated by its section heading"),
            R::DatedByPublication(d) => write!(f, "dated by the publication date {d}"),
        }
    }
}

impl DateFrom {
    /// What the date was read from, in the words of [`Reason`]'s text.
    fn name(self) -> &'static str {
        match self {
            DateFrom::Published => "publication date",
            DateFrom::DateLine => "date line",
        }
    }
}
