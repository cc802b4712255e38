//! The document: its paragraphs, each with its sentences, cues and
//! mentions, the headings that govern it, and the year it is written in;
//! and quotes, verbatim from the input.

use std::ops::Range;

use chrono::NaiveDate;

use crate::{PartialDate, Period};

use super::DateFrom;

use super::blocks::{BlockKind, blocks};
use super::cues::{Cue, CueKind, cues};
use super::figures::{Figure, figures};
use super::lexicon::Lexicon;
use super::looks::Looks;
use super::mentions::{Mention, mentions};
use super::noise::noise;
use super::sentences::{Sentence, sentences};
use super::text::Norm;

/// A paragraph, read.
pub(super) struct Para {
    pub(super) kind: BlockKind,
    pub(super) norm: Norm,
    pub(super) sentences: Vec<Sentence>,
    /// In the order of the text.
    pub(super) cues: Vec<Cue>,
    /// In the order of the text, none overlapping.
    pub(super) mentions: Vec<Mention>,
    /// Heading paragraphs governing this one, the nearest last: a run of
    /// consecutive headings.
    pub(super) headings: Range<usize>,
    /// The paragraph ending with a colon that introduces this one (a list).
    pub(super) inherit: Option<usize>,
    /// The date of the latest date line before it.
    pub(super) section: Option<PartialDate>,
    /// The date of writing its relative dates (今年, 目前) are read with, and
    /// where it comes from.
    pub(super) reference: Option<(PartialDate, DateFrom)>,
    /// The positions of the cues read from relative dates.
    pub(super) relative: Vec<usize>,
    /// The year the text is written in, near the paragraph (see
    /// [`Doc::context_year`]).
    pub(super) year: Option<i32>,
    /// The cues that answer each question, found at once.
    pub(super) look: Looks,
}

/// A text, read.
pub(super) struct Doc {
    src: Vec<char>,
    pub(super) paras: Vec<Para>,
    /// The first heading that is a document title naming a jurisdiction.
    pub(super) title_para: Option<usize>,
    /// The one place the first line or the lead of the text names: whose
    /// figures are those that say only 全省, 全市, 我省 or name no place.
    pub(super) place: Option<DocPlace>,
    /// The words for the whole of the document's place (全省, 本市) in each
    /// paragraph, in the order of the text: their positions and scopes.
    pub(super) wholes: Vec<Vec<(usize, Whole)>>,
    /// The year the text was written, where its first lines say.
    written: Option<i32>,
    /// The first paragraph that names a government work report (政府工作报告):
    /// the figures from it on are its tasks, targets for the year it is given
    /// in.
    work_report: Option<usize>,
    /// The plan the text reports issued (印发《…方案（2022—2024年）》): the
    /// paragraph that names it and its period.
    issued_plan: Option<(usize, Period)>,
}

const PLAN_TITLE_WORDS: &[&str] = &[
    "方案", "规划", "计划", "意见", "纲要", "措施", "办法", "要点", "通知",
];

/// Whether a paragraph opens as an item of a list (1., （一）, 一是).
fn enumerated(n: &Norm) -> bool {
    let first = n.get(0);
    first.is_some_and(|c| c.is_ascii_digit() || matches!(c, '(' | '（' | '①' | '②' | '③'))
        || [
            "一是", "二是", "三是", "四是", "五是", "一、", "二、", "三、", "四、",
        ]
        .iter()
        .any(|w| n.starts_with(0, w))
}

/// Whether a paragraph opens with an aspect of what the one before it
/// set out (计算力方面，…; 在数据供给方面，…).
fn aspect(n: &Norm) -> bool {
    let head = n.str(0, 12.min(n.len()));
    head.find("方面").is_some_and(|at| {
        matches!(
            head[at + "方面".len()..].chars().next(),
            Some('，' | ',' | ':')
        )
    })
}

/// Whether a paragraph sets a deadline (到2027年).
fn sets_deadline(p: &Para) -> bool {
    p.cues
        .iter()
        .any(|c| matches!(c.kind, CueKind::Deadline(_)))
}

impl Doc {
    /// Reads `text` with the names of `lexicon`, published on `published`
    /// where it is known.
    pub(super) fn read(text: &str, lexicon: &Lexicon, published: Option<NaiveDate>) -> Doc {
        let src: Vec<char> = text.chars().collect();
        let skip = noise(&src);
        let mut paras: Vec<Para> = Vec::new();
        let mut section = None;
        for (kind, ranges) in blocks(&src, &skip) {
            if let BlockKind::Date(d) = kind {
                section = Some(d);
            }
            let reference = match published {
                Some(d) => Some((PartialDate::Day(d), DateFrom::Published)),
                None => section.map(|d| (d, DateFrom::DateLine)),
            };
            let dates = Dates { section, reference };
            let para = Para::read((&src, &skip), kind, &ranges, dates, &paras, lexicon);
            paras.push(para);
        }
        let first_prose = paras
            .iter()
            .position(|p| p.kind == BlockKind::Prose)
            .unwrap_or(paras.len());
        let title_para = title(&paras[..first_prose]);
        let place = doc_place(&paras);
        let wholes = paras.iter().map(|p| wholes(&p.norm)).collect();
        let written = published
            .map(|d| PartialDate::Day(d).year())
            .or_else(|| written(&paras[..first_prose]));
        let work_report = paras.iter().position(|p| p.norm.s.contains("政府工作报告"));
        let issued_plan = paras.iter().enumerate().find_map(|(q, p)| {
            let issued = ["印发", "发布", "出台"]
                .iter()
                .any(|w| p.norm.s.contains(w));
            let period = p.cues.iter().find_map(|c| match c.kind {
                CueKind::Period(period) if p.norm.title.get(c.pos) == Some(&true) => Some(period),
                _ => None,
            });
            period.filter(|_| issued).map(|period| (q, period))
        });
        let mut doc = Doc {
            src,
            paras,
            title_para,
            place,
            wholes,
            written,
            work_report,
            issued_plan,
        };
        for p in 0..doc.paras.len() {
            let year = doc.context_year(p);
            let look = doc.looks(p, year);
            let para = &mut doc.paras[p];
            para.year = year;
            para.look = look;
        }
        doc
    }

    /// The period of the plan an earlier paragraph than `p`, or `p`,
    /// reports issued.
    pub(super) fn issued_plan_period(&self, p: usize) -> Option<Period> {
        self.issued_plan
            .filter(|(q, _)| *q <= p)
            .map(|(_, period)| period)
    }

    /// Whether paragraph `p` gives a government work report: it or an
    /// earlier paragraph names one.
    pub(super) fn in_work_report(&self, p: usize) -> bool {
        self.work_report.is_some_and(|w| w <= p)
    }

    /// The year the text is written in, near a paragraph: the date its
    /// sentences open with or its document number's, else its section's,
    /// else the text's.
    fn context_year(&self, p: usize) -> Option<i32> {
        let para = &self.paras[p];
        para.cues
            .iter()
            .find_map(|c| match c.kind {
                CueKind::Event(d) => Some(d.year()),
                CueKind::DocYear(y) => Some(y),
                _ => None,
            })
            .or_else(|| para.section.map(|d| d.year()))
            .or(self.written)
    }

    /// A month and day of paragraph `p` in the year of its section.
    pub(super) fn resolve_month_day(&self, p: usize, month: u32, day: u32) -> Option<PartialDate> {
        let year = self.paras[p].section.map(|d| d.year())?;
        NaiveDate::from_ymd_opt(year, month, day).map(PartialDate::Day)
    }

    /// The clause, trimmed, verbatim from the input, and its character span.
    pub(super) fn quote(&self, p: usize, clause: Range<usize>) -> (String, Range<usize>) {
        let n = &self.paras[p].norm;
        let trim = |c: char| c.is_whitespace() || matches!(c, '，' | ',' | '、' | ':' | '。' | ';');
        let mut a = clause.start;
        let mut b = clause.end;
        while a < b && trim(n.chars[a]) {
            a += 1;
        }
        while b > a && trim(n.chars[b - 1]) {
            b -= 1;
        }
        if a >= b {
            return (String::new(), 0..0);
        }
        let start = n.orig[a];
        let end = n.orig[b - 1] + 1;
        let quote: String = self.src[start..end].iter().collect();
        (quote, start..end)
    }
}

/// The dates a paragraph is read with: its section's, and the date of
/// writing with where it comes from.
struct Dates {
    section: Option<PartialDate>,
    reference: Option<(PartialDate, DateFrom)>,
}

impl Para {
    /// The paragraph of `kind` at `ranges` of `src` (without the characters
    /// `skip` marks), after the paragraphs `earlier`, with `dates`.
    fn read(
        (src, skip): (&[char], &[bool]),
        kind: BlockKind,
        ranges: &[Range<usize>],
        Dates { section, reference }: Dates,
        earlier: &[Para],
        lexicon: &Lexicon,
    ) -> Para {
        let norm = Norm::build(src, skip, ranges);
        let sentences = sentences(&norm);
        let mut relative = Vec::new();
        let cues = cues(&norm, reference.map(|(d, _)| d), &mut relative);
        let mentions = mentions(&norm, lexicon);
        let (headings, inherit) = governing(earlier, kind, &norm);
        Para {
            kind,
            norm,
            sentences,
            cues,
            mentions,
            headings,
            inherit,
            section,
            reference,
            relative,
            year: None,
            look: Looks::empty(),
        }
    }
}

/// The headings that govern a paragraph of `kind` whose text is `norm`,
/// after the paragraphs `earlier`, and the paragraph whose list it
/// continues.
fn governing(earlier: &[Para], kind: BlockKind, norm: &Norm) -> (Range<usize>, Option<usize>) {
    let index = earlier.len();
    // The run of headings right before it: the one before and its own
    // headings.
    let mut headings = index..index;
    if let Some(prev) = index.checked_sub(1).map(|q| &earlier[q]) {
        if prev.kind == BlockKind::Heading {
            headings.start = if prev.headings.is_empty() {
                index - 1
            } else {
                prev.headings.start
            };
        }
    }
    let mut inherit = None;
    if let Some(prev) = index.checked_sub(1).map(|q| &earlier[q]) {
        if prev.kind == BlockKind::Prose && kind == BlockKind::Prose {
            if prev.norm.chars.last() == Some(&':') {
                inherit = Some(index - 1);
            } else if prev.inherit.is_some() && (enumerated(norm) || aspect(norm)) {
                inherit = prev.inherit;
            } else if aspect(norm) && sets_deadline(prev) {
                // 到2027年，…。 then 计算力方面，…: the goals go on, aspect
                // by aspect.
                inherit = Some(index - 1);
            }
        }
    }
    if headings.is_empty() {
        if let Some(q) = inherit {
            headings = earlier[q].headings.clone();
        }
    }
    (headings, inherit)
}

/// Of the paragraphs before the first prose, the first heading that is a
/// document title (方案, 规划, …) naming a jurisdiction.
fn title(paras: &[Para]) -> Option<usize> {
    paras.iter().position(|p| {
        p.kind == BlockKind::Heading
            && PLAN_TITLE_WORDS
                .iter()
                .any(|w| p.norm.contains(0..p.norm.len(), w))
            && p.mentions.iter().any(|m| !m.place.weak)
    })
}

/// Where the place of a document was read.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum PlaceFrom {
    /// Its first line (a title: 湖南省人民政府办公厅关于印发…的通知).
    FirstLine,
    /// The first sentence of its first paragraph.
    Lead,
}

/// The one place a document is about, named by its first line or lead.
#[derive(Clone, Debug)]
pub(super) struct DocPlace {
    pub(super) mention: Mention,
    pub(super) from: PlaceFrom,
}

/// What a word for the whole of a place (全省, 我市) says it is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Whole {
    /// 全省, 我省, 本省: a province.
    Province,
    /// 全市, 我市, 本市: a city (a municipality is one).
    City,
    /// 全区: an autonomous region.
    Region,
}

/// The words for the whole of the place a text is about.
const WHOLE_WORDS: &[(&str, Whole)] = &[
    ("全省", Whole::Province),
    ("我省", Whole::Province),
    ("本省", Whole::Province),
    ("全市", Whole::City),
    ("我市", Whole::City),
    ("本市", Whole::City),
    ("全区", Whole::Region),
];

impl Whole {
    /// The word for it (全省, 全市, 全区).
    pub(super) fn word(self) -> &'static str {
        match self {
            Whole::Province => "全省",
            Whole::City => "全市",
            Whole::Region => "全区",
        }
    }

    /// Whether the place of `code` is of this scope.
    pub(super) fn fits(self, code: &str) -> bool {
        let province = code.ends_with("0000") && code != super::places::NATION;
        let municipality = ["11", "12", "31", "50"].iter().any(|p| code.starts_with(p));
        match self {
            Whole::Province => province && !municipality,
            Whole::City => (!province && code.ends_with("00")) || (province && municipality),
            Whole::Region => {
                province
                    && ["15", "45", "54", "64", "65"]
                        .iter()
                        .any(|p| code.starts_with(p))
            }
        }
    }
}

/// The words for the whole of a place in `n` (全省, 本市), with their
/// scopes, in the order of the text.
fn wholes(n: &Norm) -> Vec<(usize, Whole)> {
    let mut out = Vec::new();
    for i in 0..n.len() {
        if let Some((_, w)) = WHOLE_WORDS.iter().find(|(w, _)| n.starts_with(i, w)) {
            out.push((i, *w));
        }
    }
    out
}

/// The one place the first line of the text names, else the one the first
/// sentence of its first paragraph names when it states no figure: a place
/// that is not the nation nor a group, named alone (two places name none).
fn doc_place(paras: &[Para]) -> Option<DocPlace> {
    let mut texts = paras
        .iter()
        .filter(|p| matches!(p.kind, BlockKind::Prose | BlockKind::Heading));
    let first = texts.next()?;
    let one_place = |para: &Para, end: usize| -> Option<Mention> {
        let ms: Vec<&Mention> = para
            .mentions
            .iter()
            .filter(|m| m.pos < end && !m.place.weak && !m.place.group)
            .filter(|m| m.place.code.as_str() != super::places::NATION)
            .collect();
        let first = ms.first()?;
        ms.iter()
            .all(|m| m.place.code == first.place.code)
            .then(|| (*first).clone())
    };
    let lead_end = |para: &Para| para.sentences.first().map_or(0, |s| s.range.end);
    if first.kind == BlockKind::Heading {
        if let Some(m) = one_place(first, first.norm.len()) {
            return Some(DocPlace {
                mention: m,
                from: PlaceFrom::FirstLine,
            });
        }
        if !first.mentions.is_empty() {
            return None;
        }
    }
    let lead = std::iter::once(first)
        .chain(texts)
        .find(|p| p.kind == BlockKind::Prose)?;
    // A lead introduces the text (贵州省近日发布…): one that states figures
    // of its own is part of it.
    let end = lead_end(lead);
    if !figures(&lead.norm, 0..end, false).is_empty() {
        return None;
    }
    one_place(lead, end).map(|m| DocPlace {
        mention: m,
        from: PlaceFrom::Lead,
    })
}

/// The date of the text, from the lines before its first paragraph (a
/// dated masthead, a document number).
fn written(paras: &[Para]) -> Option<i32> {
    paras.iter().find_map(|p| match p.kind {
        BlockKind::Date(d) => Some(d.year()),
        _ => p.cues.iter().find_map(|c| match c.kind {
            CueKind::DocYear(y) => Some(y),
            CueKind::Event(d) => Some(d.year()),
            _ => None,
        }),
    })
}

/// The longest clause quoted whole, in characters. Of a longer one (text
/// without punctuation), the quote is the figure and at most
/// [`QUOTE_AROUND`] characters on either side: a quote never grows with the
/// text.
const QUOTE_MAX: usize = 240;
const QUOTE_AROUND: usize = 80;

/// The part of `clause` quoted for figure `f`.
pub(super) fn quoted(clause: &Range<usize>, f: &Figure) -> Range<usize> {
    if clause.len() <= QUOTE_MAX {
        return clause.clone();
    }
    let start = f.lead.saturating_sub(QUOTE_AROUND).max(clause.start);
    let end = f.end.saturating_add(QUOTE_AROUND).min(clause.end);
    start..end.max(start)
}
