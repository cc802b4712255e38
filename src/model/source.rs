//! Sources (来源): the documents targets and figures are read from.

use serde::{Deserialize, Serialize};

use crate::util::snake_enum;
use crate::{Id, PartialDate, Period};

/// Whether a document is a draft for comment or final.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Status {
    /// A draft for comment (征求意见稿).
    Draft,
    /// Issued in force.
    Final,
}

snake_enum!(Status, "status", Draft => "draft", Final => "final");

/// The legal force of a document, ordered: `Law > Regulation > Plan > Notice > Statement`.
///
/// ```
/// use policy_targets::Force;
/// assert!(Force::Law > Force::Plan && Force::Plan > Force::Statement);
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Force {
    /// Speeches, meetings, press releases, news reports, statistics.
    Statement,
    /// Notices, guidelines (通知, 指引, 指南).
    Notice,
    /// Plans, implementation opinions, action plans (方案, 实施意见).
    Plan,
    /// Administrative regulations (条例, 规定).
    Regulation,
    /// Laws.
    Law,
}

snake_enum!(Force, "force", Statement => "statement", Notice => "notice", Plan => "plan", Regulation => "regulation", Law => "law");

/// How directly a source's address shows the issuer's own words, ordered
/// from weakest to strongest: `Summary < Mirror < Press < Official`
/// (DESIGN §2).
///
/// ```
/// use policy_targets::Grade;
/// assert!(Grade::Official > Grade::Press && Grade::Mirror > Grade::Summary);
/// assert_eq!("mirror".parse::<Grade>().unwrap(), Grade::Mirror);
/// assert_eq!(Grade::Press.to_string(), "press");
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Grade {
    /// A secondary summary, analysis or English digest; weakest.
    Summary,
    /// A copy of an official text or a news item on an unrelated site.
    Mirror,
    /// A newspaper or news agency page reporting the figure.
    Press,
    /// The issuer's own site (a government portal).
    Official,
}

snake_enum!(Grade, "grade", Official => "official", Press => "press", Mirror => "mirror", Summary => "summary");

impl Grade {
    /// Every grade, strongest first.
    ///
    /// ```
    /// use policy_targets::Grade;
    /// let names: Vec<&str> = Grade::ALL.iter().map(|g| g.as_str()).collect();
    /// assert_eq!(names, ["official", "press", "mirror", "summary"]);
    /// ```
    pub const ALL: [Grade; 4] = [Grade::Official, Grade::Press, Grade::Mirror, Grade::Summary];
}

/// A source document: who issued what, when, and where it was read.
///
/// Made by [`Source::new`] and its setters (the struct is
/// `#[non_exhaustive]`):
///
/// ```
/// use policy_targets::{Force, Grade, PartialDate, Source, Status};
///
/// let plan = Source::new(
///     "henan_plan".parse()?,
///     "河南省数据要素市场培育行动方案（2025—2027年）",
///     "河南省人民政府办公厅",
///     "2025-04-13".parse()?,
///     Status::Final,
///     Force::Plan,
/// )
/// .url("https://example.org/henan-plan", Grade::Mirror);
/// assert_eq!(plan.grade, Some(Grade::Mirror));
/// # Ok::<(), policy_targets::ParseError>(())
/// ```
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
#[schemars(description = "A source document: who issued what, when, and where it was read.")]
#[non_exhaustive]
pub struct Source {
    /// snake_case id.
    pub id: Id,
    /// The title as published.
    pub title: String,
    /// The issuing body or bodies.
    pub issuer: String,
    /// The document number (文号), e.g. 苏府办〔2025〕19号.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub doc_number: Option<String>,
    /// The publication date, to the precision known.
    pub published: PartialDate,
    /// Draft or final.
    pub status: Status,
    /// Legal force.
    pub force: Force,
    /// The plan period its title states (2025—2027).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub period: Option<Period>,
    /// Where it can be read.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub url: Option<String>,
    /// How directly the page at `url` shows the issuer's words; required
    /// when there is a `url`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub grade: Option<Grade>,
    /// The secondary source it was read in (a newsletter).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub via: Option<Id>,
    /// The earlier source this one replaces.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub supersedes: Option<Id>,
    /// A remark.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
}

impl Source {
    /// A source without document number, period, address, secondary
    /// source, predecessor or note.
    pub fn new(
        id: Id,
        title: impl Into<String>,
        issuer: impl Into<String>,
        published: PartialDate,
        status: Status,
        force: Force,
    ) -> Source {
        Source {
            id,
            title: title.into(),
            issuer: issuer.into(),
            doc_number: None,
            published,
            status,
            force,
            period: None,
            url: None,
            grade: None,
            via: None,
            supersedes: None,
            note: None,
        }
    }

    /// With its document number (文号).
    pub fn doc_number(mut self, doc_number: impl Into<String>) -> Source {
        self.doc_number = Some(doc_number.into());
        self
    }

    /// With the plan period its title states.
    pub fn period(mut self, period: Period) -> Source {
        self.period = Some(period);
        self
    }

    /// With the address it was read at and how directly that page shows
    /// the issuer's words.
    pub fn url(mut self, url: impl Into<String>, grade: Grade) -> Source {
        self.url = Some(url.into());
        self.grade = Some(grade);
        self
    }

    /// With the secondary source it was read in.
    pub fn via(mut self, via: Id) -> Source {
        self.via = Some(via);
        self
    }

    /// With the earlier source it replaces.
    pub fn supersedes(mut self, earlier: Id) -> Source {
        self.supersedes = Some(earlier);
        self
    }

    /// With a remark.
    pub fn note(mut self, note: impl Into<String>) -> Source {
        self.note = Some(note.into());
        self
    }
}
