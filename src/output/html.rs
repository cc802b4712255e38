//! The overview report as one self-contained HTML page.
//!
//! The page is a printable A4 briefing: a masthead with the as-of date and
//! the provenance of the data, then four sections (targets by deadline,
//! every metric's ranking as bar charts raw and per million residents, the
//! subject's gaps to its benchmarks, progress) and an appendix listing every
//! source cited with the verbatim quotes. Every figure links to its quote.
//!
//! It works offline: inline CSS and SVG only, no scripts, fonts, images or
//! style sheets from elsewhere. The only external addresses on the page are
//! the `url`s of sources, as plain links. Every text taken from the data goes
//! through [`escape`], so a quote containing markup is shown, never run.

use std::collections::{BTreeSet, HashMap};
use std::fmt::Write as _;

use chrono::{Datelike, NaiveDate};
use rust_decimal::Decimal;
use rust_decimal::prelude::ToPrimitive;

use crate::engine::progress::{ProgressRow, Status as ProgressStatus};
use crate::engine::rank::{RankRow, Ranking};
use crate::output::report::Overview;
use crate::output::table::human;
use crate::output::{level_label, status_label};
use crate::{Catalog, Dimension, Lang, Observation, PartialDate, Quantity, Source, Target, Unit};

/// Appends formatted text to a `String` (writing to a `String` cannot fail).
macro_rules! w {
    ($out:expr, $($arg:tt)*) => {{
        let _ = write!($out, $($arg)*);
    }};
}

/// Text made safe for HTML content and attribute values: `&`, `<`, `>`, `"`
/// and `'` become character references. Every text from the data goes
/// through this function before it is written into the page.
///
/// ```
/// use policy_targets::html::escape;
/// assert_eq!(escape("<script>alert(\"x\")</script>"), "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;");
/// assert_eq!(escape("R&D 'plan'"), "R&amp;D &#39;plan&#39;");
/// ```
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            _ => out.push(c),
        }
    }
    out
}

/// A quantity split for display: an optional prefix (`CNY `), the number
/// with thousands separators, and a suffix (`个`, ` TB`, `亿元`).
struct Amount {
    prefix: &'static str,
    number: String,
    suffix: String,
}

impl Amount {
    fn text(&self) -> String {
        format!("{}{}{}", self.prefix, self.number, self.suffix)
    }
}

/// `10^-k` as an exact decimal (`k` ≤ 28).
fn tenth_power(k: u32) -> Decimal {
    Decimal::new(1, k)
}

/// `value` after dividing by `10^k`, rounded to two decimal places, without
/// trailing zeros.
fn scaled(value: Decimal, k: u32) -> Decimal {
    (value * tenth_power(k)).round_dp(2).normalize()
}

fn amount(value: Decimal, unit: Unit, lang: Lang) -> Amount {
    let zh = lang == Lang::Zh;
    let canonical = Quantity::new(value, unit)
        .map(|q| q.canonical_value())
        .unwrap_or(value);
    let abs = canonical.abs();
    let ten = |k: u32| Decimal::from(10u64.pow(k));
    let plain = |number: Decimal, suffix: &str| Amount {
        prefix: "",
        number: human(number),
        suffix: suffix.to_owned(),
    };
    match unit.dimension() {
        Dimension::Count => {
            let word = match unit.symbol() {
                "count" => "个",
                other => other,
            };
            plain(canonical.normalize(), if zh { word } else { "" })
        }
        Dimension::DataVolume => {
            if abs >= ten(7) {
                plain(scaled(canonical, 6), " EB")
            } else if abs >= ten(4) {
                plain(scaled(canonical, 3), " PB")
            } else if !abs.is_zero() && abs < Decimal::ONE {
                plain((canonical * Decimal::from(1000)).normalize(), " GB")
            } else {
                plain(canonical.normalize(), " TB")
            }
        }
        Dimension::Money => {
            if zh {
                let (k, word) = if abs >= ten(12) {
                    (12, "万亿元")
                } else if abs >= ten(8) {
                    (8, "亿元")
                } else if abs >= ten(4) {
                    (4, "万元")
                } else {
                    (0, "元")
                };
                plain(scaled(canonical, k), word)
            } else {
                let (k, word) = if abs >= ten(12) {
                    (12, " trillion")
                } else if abs >= ten(9) {
                    (9, " billion")
                } else if abs >= ten(6) {
                    (6, " million")
                } else {
                    (0, "")
                };
                Amount {
                    prefix: "CNY ",
                    number: human(scaled(canonical, k)),
                    suffix: word.to_owned(),
                }
            }
        }
        Dimension::Persons => {
            if zh {
                if abs >= ten(8) {
                    plain(scaled(canonical, 8), "亿人")
                } else if abs >= ten(4) {
                    plain(scaled(canonical, 4), "万人")
                } else {
                    plain(canonical.normalize(), "人")
                }
            } else if abs >= ten(6) {
                plain(scaled(canonical, 6), " million people")
            } else {
                plain(canonical.normalize(), " people")
            }
        }
        Dimension::Share => plain(canonical.normalize(), "%"),
        Dimension::Compute => {
            if abs >= ten(4) {
                plain(scaled(canonical, 3), " EFLOPS")
            } else {
                plain(canonical.normalize(), " PFLOPS")
            }
        }
    }
}

/// A value in `unit` written the way people read it: thousands separators,
/// and the unit a Chinese (or, with [`Lang::En`], an English) reader
/// expects.
///
/// - counts keep their measure word in Chinese (`1000 家` → `1,000家`,
///   canonical `count` → `个`) and are bare numbers in English;
/// - data volumes are in TB, switching to PB from 10,000 TB and to EB from
///   10 million TB (and to GB below 1 TB): `3000 TB` → `3,000 TB`;
/// - money uses 万元, 亿元 and 万亿元 in Chinese (`8300000000 CNY` →
///   `83亿元`), million, billion and trillion in English (`CNY 8.3 billion`);
/// - persons use 万人 and 亿人 in Chinese, million in English;
/// - shares are percentages, computing power PFLOPS (EFLOPS from 10,000).
///
/// A value scaled to a larger unit is rounded to two decimal places; an
/// unscaled one keeps all its digits.
///
/// ```
/// use policy_targets::{Lang, Unit, html::human_amount};
/// use rust_decimal::Decimal;
///
/// let cny: Unit = "CNY".parse()?;
/// assert_eq!(human_amount(Decimal::new(8_300_000_000, 0), cny, Lang::Zh), "83亿元");
/// assert_eq!(human_amount(Decimal::new(8_300_000_000, 0), cny, Lang::En), "CNY 8.3 billion");
/// let tb: Unit = "TB".parse()?;
/// assert_eq!(human_amount(Decimal::from(3000), tb, Lang::Zh), "3,000 TB");
/// let jia: Unit = "家".parse()?;
/// assert_eq!(human_amount(Decimal::from(1000), jia, Lang::Zh), "1,000家");
/// assert_eq!(human_amount(Decimal::from(1000), jia, Lang::En), "1,000");
/// let wan_ren: Unit = "万人".parse()?;
/// assert_eq!(human_amount(Decimal::new(58, 1), wan_ren, Lang::Zh), "5.8万人");
/// # Ok::<(), policy_targets::ParseError>(())
/// ```
pub fn human_amount(value: Decimal, unit: Unit, lang: Lang) -> String {
    amount(value, unit, lang).text()
}

/// A normalised value (per million residents) for people: two decimal
/// places from 1 up, three below (`23.53262` → `23.53`, `0.058998` →
/// `0.059`), with thousands separators.
fn human_ratio(value: Decimal) -> String {
    let places = if value.abs() >= Decimal::ONE { 2 } else { 3 };
    let mut rounded = value.round_dp(places);
    rounded.rescale(places);
    human(rounded)
}

fn to_f64(value: Decimal) -> f64 {
    value.to_f64().unwrap_or(0.0)
}

/// The label in the language asked for.
fn tr(lang: Lang, zh: &'static str, en: &'static str) -> &'static str {
    match lang {
        Lang::Zh => zh,
        Lang::En => en,
    }
}

/// An address that may be linked: `http://` or `https://`, no whitespace or
/// control characters. Anything else is shown as text only.
fn linkable(url: &str) -> Option<&str> {
    let url = url.trim();
    let lower = url.to_ascii_lowercase();
    let scheme = lower.starts_with("https://") || lower.starts_with("http://");
    let clean = !url.chars().any(|c| c.is_whitespace() || c.is_control());
    (scheme && clean && url.len() > 8).then_some(url)
}

/// A date as written in running text: `2025年7月4日` or `4 July 2025`.
fn long_date(date: NaiveDate, lang: Lang) -> String {
    match lang {
        Lang::Zh => format!("{}年{}月{}日", date.year(), date.month(), date.day()),
        Lang::En => date.format("%-d %B %Y").to_string(),
    }
}

/// A deadline or publication date as precise as it is known.
fn partial_date(date: PartialDate, lang: Lang) -> String {
    match (date, lang) {
        (PartialDate::Year(y), Lang::Zh) => format!("{y}年"),
        (PartialDate::Month(y, m), Lang::Zh) => format!("{y}年{m}月"),
        (PartialDate::Day(d), Lang::Zh) => format!("{}年{}月{}日", d.year(), d.month(), d.day()),
        (other, Lang::En) => other.to_string(),
    }
}

/// A progress status for people: the Chinese label, or the English name
/// with spaces (`no data`).
fn status_text(status: ProgressStatus, lang: Lang) -> String {
    status_label(status, lang).replace('_', " ")
}

/// Why a gap has no answer (the engine's English), in Chinese where the
/// pattern is known; other reasons are shown as given. (Unranked rows say
/// why through [`crate::engine::rank::Reason::text`].)
fn reason_text(reason: &str, lang: Lang) -> String {
    if lang == Lang::En {
        return reason.to_owned();
    }
    if reason.starts_with("no peer in province has a target on") && reason.ends_with("median of") {
        return "无其他省级地区设定该指标目标，无法计算省级中位数".to_owned();
    }
    reason.to_owned()
}

/// One figure cited on the page: a target or an observation, with the
/// number of its entry in the appendix.
enum Cited<'c> {
    Target(&'c Target),
    Observation(&'c Observation),
}

impl Cited<'_> {
    fn id(&self) -> &str {
        match self {
            Cited::Target(t) => t.id.as_str(),
            Cited::Observation(o) => o.id.as_str(),
        }
    }

    fn source(&self) -> &str {
        match self {
            Cited::Target(t) => t.source.as_str(),
            Cited::Observation(o) => o.source.as_str(),
        }
    }
}

/// The appendix: sources in order of first citation, each with its cited
/// figures; every figure numbered in appendix order.
struct Citations<'c> {
    sources: Vec<(&'c Source, Vec<Cited<'c>>)>,
    numbers: HashMap<String, usize>,
}

impl<'c> Citations<'c> {
    fn build(catalog: &'c Catalog, cited: Vec<Cited<'c>>) -> Citations<'c> {
        let mut sources: Vec<(&'c Source, Vec<Cited<'c>>)> = Vec::new();
        let mut seen: BTreeSet<String> = BTreeSet::new();
        for item in cited {
            if !seen.insert(item.id().to_owned()) {
                continue;
            }
            let Some(source) = catalog.source(item.source()) else {
                continue;
            };
            match sources.iter_mut().find(|(s, _)| s.id == source.id) {
                Some((_, items)) => items.push(item),
                None => sources.push((source, vec![item])),
            }
        }
        // Sources that cited documents were read in (`via`), transitively.
        let mut i = 0;
        while i < sources.len() {
            if let Some(via) = sources[i]
                .0
                .via
                .as_ref()
                .and_then(|v| catalog.source(v.as_str()))
            {
                if !sources.iter().any(|(s, _)| s.id == via.id) {
                    sources.push((via, Vec::new()));
                }
            }
            i += 1;
        }
        let mut numbers = HashMap::new();
        let mut n = 0;
        for (_, items) in &sources {
            for item in items {
                n += 1;
                numbers.insert(item.id().to_owned(), n);
            }
        }
        Citations { sources, numbers }
    }

    /// A superscript reference to a figure's entry in the appendix.
    fn mark(&self, id: &str) -> String {
        match self.numbers.get(id) {
            Some(n) => format!(
                "<sup class=\"ref\"><a href=\"#q-{}\">[{n}]</a></sup>",
                escape(id)
            ),
            None => String::new(),
        }
    }
}

/// One bar of a chart.
struct Bar {
    label: String,
    value: f64,
    text: String,
    href: Option<String>,
}

const CHART_WIDTH: f64 = 320.0;
const LABEL_WIDTH: f64 = 128.0;
const VALUE_WIDTH: f64 = 74.0;
const ROW_HEIGHT: f64 = 22.0;
const BAR_HEIGHT: f64 = 13.0;

/// A horizontal bar chart as inline SVG: labels on the left, bars from a
/// common baseline, each value written after its bar.
fn bar_chart(title: &str, bars: &[Bar]) -> String {
    let height = ROW_HEIGHT * bars.len() as f64 + 8.0;
    let span = CHART_WIDTH - LABEL_WIDTH - VALUE_WIDTH - 8.0;
    let max = bars.iter().map(|b| b.value).fold(0.0_f64, f64::max);
    let mut svg = String::new();
    w!(
        svg,
        "<svg class=\"chart\" xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 {CHART_WIDTH} {height}\" \
         width=\"{CHART_WIDTH}\" height=\"{height}\" role=\"img\" aria-label=\"{t}\"><title>{t}</title>",
        t = escape(title)
    );
    let x0 = LABEL_WIDTH + 4.0;
    for (i, bar) in bars.iter().enumerate() {
        let y = 4.0 + ROW_HEIGHT * i as f64;
        let length = if max > 0.0 && bar.value > 0.0 {
            (bar.value / max * span).max(1.5)
        } else {
            0.0
        };
        let text_y = y + BAR_HEIGHT - 2.5;
        let open = match &bar.href {
            Some(h) => format!("<a href=\"{}\">", escape(h)),
            None => String::new(),
        };
        let close = if bar.href.is_some() { "</a>" } else { "" };
        w!(
            svg,
            "<g class=\"row\">{open}<text class=\"label\" x=\"{lx}\" y=\"{text_y}\" text-anchor=\"end\">{label}</text>\
             <rect class=\"bar\" x=\"{x0}\" y=\"{y}\" width=\"{length:.1}\" height=\"{BAR_HEIGHT}\"/>\
             <text class=\"value\" x=\"{vx:.1}\" y=\"{text_y}\">{value}</text>{close}</g>",
            lx = LABEL_WIDTH - 4.0,
            label = escape(&bar.label),
            vx = x0 + length + 5.0,
            value = escape(&bar.text),
        );
    }
    w!(
        svg,
        "<line class=\"axis\" x1=\"{x0}\" y1=\"2\" x2=\"{x0}\" y2=\"{y2}\"/></svg>",
        y2 = height - 2.0
    );
    svg
}

/// A two-bar comparison for a gap row: the benchmark (grey) above the
/// subject (accent), on a scale whose full width is `max` (the largest value
/// among the rows of the same metric, so the rows compare with each other).
fn gap_chart(benchmark: Decimal, subject: Option<Decimal>, max: f64, lang: Lang) -> String {
    const W: f64 = 120.0;
    let b = to_f64(benchmark).max(0.0);
    let s = subject.map(to_f64).unwrap_or(0.0).max(0.0);
    let len = |v: f64| {
        if max > 0.0 {
            (v / max * (W - 4.0)).max(1.5)
        } else {
            1.5
        }
    };
    let mut svg = String::new();
    let label = tr(lang, "对标与本地区目标强度对比", "benchmark vs subject");
    w!(
        svg,
        "<svg class=\"mini\" xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 {W} 24\" width=\"{W}\" height=\"24\" \
         role=\"img\" aria-label=\"{label}\"><rect class=\"bench\" x=\"0\" y=\"2\" width=\"{:.1}\" height=\"9\"/>",
        len(b)
    );
    if s > 0.0 {
        w!(
            svg,
            "<rect class=\"subject\" x=\"0\" y=\"13\" width=\"{:.1}\" height=\"9\"/>",
            len(s)
        );
    } else {
        svg.push_str(
            "<rect class=\"subject\" x=\"0\" y=\"13\" width=\"1.5\" height=\"9\"/>\
             <text class=\"none\" x=\"5\" y=\"21\">0</text>",
        );
    }
    svg.push_str("</svg>");
    svg
}

/// A progress bar: the share of the way from baseline to target, clamped
/// to the track, with the percentage written after it.
fn progress_bar(row: &ProgressRow) -> String {
    const W: f64 = 220.0;
    let p = row.progress.map(to_f64).unwrap_or(0.0);
    let fill = p.clamp(0.0, 1.0) * W;
    let percent = row
        .progress
        .map(|p| format!("{}%", (p * Decimal::from(100)).round_dp(1).normalize()))
        .unwrap_or_default();
    format!(
        "<svg class=\"progress\" xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 {vw} 16\" width=\"{vw}\" height=\"16\" \
         role=\"img\" aria-label=\"{percent}\"><rect class=\"track\" x=\"0\" y=\"3\" width=\"{W}\" height=\"10\"/>\
         <rect class=\"fill\" x=\"0\" y=\"3\" width=\"{fill:.1}\" height=\"10\"/>\
         <text x=\"{tx}\" y=\"12.5\">{percent}</text></svg>",
        vw = W + 56.0,
        tx = W + 6.0,
        percent = escape(&percent),
    )
}

const STYLE: &str = r#"
:root {
  --ink: #1f2328; --muted: #5f6670; --rule: #c9c4b8; --faint: #ece8df;
  --accent: #9e2a1f; --bar: #5d6f84; --bench: #a9b3bf; --paper: #ffffff;
}
* { box-sizing: border-box; }
html { background: #efece5; }
body {
  margin: 0; color: var(--ink); background: #efece5;
  font-family: "Noto Sans CJK SC", "Microsoft YaHei", "PingFang SC", sans-serif;
  font-size: 10.5pt; line-height: 1.6;
  -webkit-print-color-adjust: exact; print-color-adjust: exact;
}
.page {
  max-width: 210mm; margin: 24px auto; padding: 18mm 18mm 16mm;
  background: var(--paper); box-shadow: 0 1px 6px rgba(0,0,0,.12);
}
h1, h2, h3, .masthead .kicker {
  font-family: "Noto Serif CJK SC", "Source Han Serif SC", "SimSun", "Songti SC", "Noto Sans CJK SC", "Microsoft YaHei", "PingFang SC", serif;
}
.masthead { text-align: center; border-bottom: 3px solid var(--accent); padding-bottom: 10px; margin-bottom: 3px; }
.masthead-rule { border-top: 1px solid var(--accent); margin-bottom: 18px; }
.masthead .kicker { color: var(--accent); letter-spacing: .3em; font-size: 11pt; margin: 0 0 6px; }
h1 { font-size: 22pt; font-weight: 700; letter-spacing: .08em; margin: 0 0 6px; }
.masthead .meta { color: var(--muted); font-size: 10pt; margin: 0; }
.provenance { color: var(--muted); font-size: 9pt; margin: 10px 0 18px; text-align: justify; }
.summary { border: 1px solid var(--rule); border-left: 3px solid var(--accent); background: #faf8f3; padding: 8px 14px; margin: 0 0 22px; }
.summary h2 { border: none; margin: 0 0 2px; padding: 0; font-size: 11.5pt; }
.summary ul { margin: 0; padding-left: 1.2em; }
.summary li { margin: 2px 0; }
h2 { font-size: 14pt; font-weight: 700; margin: 26px 0 10px; padding-bottom: 4px; border-bottom: 1px solid var(--rule); }
h3 { font-size: 11pt; font-weight: 700; margin: 18px 0 4px; }
p { margin: 6px 0; }
.note, .unit { color: var(--muted); font-size: 9pt; }
a { color: inherit; text-decoration: none; }
a:hover { text-decoration: underline; }
a.ext { color: var(--bar); text-decoration: underline; text-decoration-thickness: .5px; }
sup.ref { font-size: 7pt; line-height: 0; margin-left: 1px; }
sup.ref a { color: var(--accent); }
table { width: 100%; border-collapse: collapse; font-size: 9.5pt; margin: 6px 0 4px; border-bottom: 1.5px solid var(--ink); }
thead th { text-align: left; font-weight: 700; border-top: 1.5px solid var(--ink); border-bottom: 1px solid var(--ink); padding: 4px 6px; vertical-align: bottom; }
tbody td { border-bottom: 1px solid var(--faint); padding: 4px 6px; vertical-align: top; }
td.num { text-align: right; white-space: nowrap; font-variant-numeric: tabular-nums; }
th.num { text-align: right; }
td.deadline { white-space: nowrap; font-weight: 700; }
td.group { border-bottom: 1px solid var(--rule); }
td.nowrap, .keep { white-space: nowrap; }
.src-title { display: block; }
.src-meta { display: block; color: var(--muted); font-size: 8.5pt; }
.level { color: var(--muted); font-size: 8.5pt; margin-left: 4px; }
strong.required { color: var(--accent); }
.metric { break-inside: avoid; page-break-inside: avoid; border-top: 1px solid var(--faint); padding-top: 2px; }
.metric h3 .n { color: var(--muted); font-weight: 400; margin-right: 6px; }
.pair { display: grid; grid-template-columns: 1fr 1fr; gap: 22px; margin: 4px 0; }
.pair figure { margin: 0; }
.pair figcaption { font-size: 9pt; color: var(--muted); border-bottom: 1px solid var(--faint); margin-bottom: 4px; }
svg.chart { width: 100%; height: auto; max-width: 320px; display: block; }
svg text { font-size: 11px; fill: var(--ink); }
svg .label { fill: var(--ink); }
svg .value { fill: var(--muted); font-variant-numeric: tabular-nums; }
svg .bar { fill: var(--bar); }
svg a:hover .bar { fill: var(--accent); }
svg .axis { stroke: var(--ink); stroke-width: .8; }
svg .bench { fill: var(--bench); }
svg .subject { fill: var(--accent); }
svg .none { font-size: 9.5px; fill: var(--accent); }
svg .track { fill: var(--faint); }
svg .fill { fill: var(--bar); }
.unranked { font-size: 9pt; color: var(--muted); margin: 2px 0 6px; }
.legend { font-size: 9pt; color: var(--muted); }
.swatch { display: inline-block; width: 10px; height: 8px; margin: 0 4px 0 10px; vertical-align: baseline; }
.swatch.bench { background: var(--bench); }
.swatch.subject { background: var(--accent); }
.statuses { list-style: none; padding: 0; margin: 8px 0; }
.statuses li { display: inline-block; border: 1px solid var(--rule); padding: 1px 10px; margin: 0 8px 4px 0; font-size: 9.5pt; }
.statuses b { margin-left: 6px; }
.plain { border-left: 3px solid var(--rule); padding: 4px 12px; background: #faf8f3; }
.appendix .source { break-inside: avoid; page-break-inside: avoid; margin: 12px 0 14px; }
.appendix h3 { margin: 0 0 2px; }
.appendix .fields { margin: 0 0 4px; font-size: 9pt; }
.appendix .field { margin-right: 14px; }
.appendix .field .k { color: var(--muted); }
.appendix .field .k::after { content: "："; }
:lang(en) .appendix .field .k::after { content: ": "; }
.appendix ol { margin: 4px 0 0; padding-left: 2.4em; }
.appendix li { margin: 4px 0 6px; font-size: 9.5pt; }
.appendix li:target { background: #fbf1dc; }
.appendix .what { font-weight: 700; }
.appendix blockquote { margin: 2px 0; padding: 1px 10px; border-left: 2px solid var(--accent); font-family: "Noto Serif CJK SC", "Source Han Serif SC", "SimSun", "Songti SC", "Noto Sans CJK SC", "Microsoft YaHei", "PingFang SC", serif; }
.appendix .back { font-size: 8.5pt; color: var(--muted); margin-left: 6px; }
footer { margin-top: 28px; padding-top: 6px; border-top: 1px solid var(--rule); color: var(--muted); font-size: 8.5pt; text-align: center; }
tr:target td, tr.target:target td { background: #fbf1dc; }
@page { size: A4; margin: 15mm 14mm 16mm; }
@media print {
  html, body { background: none; }
  .page { margin: 0; padding: 0; max-width: none; box-shadow: none; }
  h2, h3 { break-after: avoid; page-break-after: avoid; }
  tr { break-inside: avoid; page-break-inside: avoid; }
  .appendix { break-before: page; page-break-before: always; }
}
"#;

/// The overview as one self-contained HTML page (inline CSS and SVG, no
/// scripts, fonts or other files), labelled in `lang`.
///
/// ```
/// use chrono::NaiveDate;
/// use policy_targets::{Catalog, Lang, html::render, report::overview};
///
/// let catalog = Catalog::bundled()?;
/// let as_of = NaiveDate::from_ymd_opt(2025, 7, 4).unwrap();
/// let page = render(&overview(&catalog, "广西", as_of)?, &catalog, Lang::Zh);
/// assert!(page.starts_with("<!DOCTYPE html>"));
/// assert!(page.contains("《政策量化目标概览》"));
/// assert!(!page.contains("<script"));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub fn render(overview: &Overview<'_>, catalog: &Catalog, lang: Lang) -> String {
    Page::new(overview, catalog, lang).render()
}

struct Page<'a, 'c> {
    o: &'a Overview<'c>,
    catalog: &'c Catalog,
    lang: Lang,
    cites: Citations<'c>,
}

impl<'a, 'c> Page<'a, 'c> {
    fn new(o: &'a Overview<'c>, catalog: &'c Catalog, lang: Lang) -> Page<'a, 'c> {
        let find = |id: &str| catalog.targets().iter().find(|t| t.id.as_str() == id);
        let mut cited: Vec<Cited<'c>> = o.targets.iter().map(|t| Cited::Target(t)).collect();
        let more = o
            .rankings
            .iter()
            .flat_map(|(raw, capita)| raw.rows.iter().chain(capita.rows.iter()))
            .map(|r| r.target_id.as_str())
            .chain(
                o.gaps
                    .iter()
                    .filter_map(|g| g.benchmark_target.as_ref().map(|t| t.as_str())),
            )
            .chain(
                o.gaps
                    .iter()
                    .filter_map(|g| g.subject_target.as_ref().map(|t| t.as_str())),
            )
            .chain(o.progress.rows.iter().map(|r| r.target_id.as_str()));
        for id in more {
            if let Some(t) = find(id) {
                cited.push(Cited::Target(t));
            }
        }
        // The denominators of per-capita figures: resident population on
        // the date each row says.
        let mut denominators: Vec<(&str, NaiveDate)> = o
            .rankings
            .iter()
            .flat_map(|(_, capita)| capita.rows.iter())
            .filter_map(|r| r.denominator_as_of.map(|d| (r.jurisdiction.as_str(), d)))
            .collect();
        denominators.extend(
            o.gaps
                .iter()
                .filter_map(|g| g.denominator_as_of.map(|d| (o.subject.code.as_str(), d))),
        );
        for (code, date) in denominators {
            if let Some(obs) = catalog.observations().iter().find(|x| {
                x.metric.as_str() == "resident_population"
                    && x.jurisdiction.as_str() == code
                    && x.date() == date
            }) {
                cited.push(Cited::Observation(obs));
            }
        }
        for row in &o.progress.rows {
            if let Some(obs) = row.latest_as_of.and_then(|d| {
                catalog.observations().iter().find(|x| {
                    x.metric == row.metric && x.jurisdiction == row.jurisdiction && x.date() == d
                })
            }) {
                cited.push(Cited::Observation(obs));
            }
        }
        Page {
            o,
            catalog,
            lang,
            cites: Citations::build(catalog, cited),
        }
    }

    fn t(&self, zh: &'static str, en: &'static str) -> &'static str {
        tr(self.lang, zh, en)
    }

    fn name(&self, code: &str) -> String {
        self.catalog
            .jurisdiction(code)
            .map_or(code.to_owned(), |j| j.name(self.lang).to_owned())
    }

    fn metric_name(&self, id: &str) -> String {
        self.catalog
            .metric(id)
            .map_or(id.to_owned(), |m| m.name(self.lang).to_owned())
    }

    fn target(&self, id: &str) -> Option<&'c Target> {
        self.catalog.targets().iter().find(|t| t.id.as_str() == id)
    }

    /// A target's value with its comparator: `≥1,000个`, `3–5个`.
    fn target_value(&self, t: &Target) -> String {
        let lower = amount(t.value.value(), t.value.unit(), self.lang);
        match &t.upper {
            Some(upper) => {
                let upper = amount(upper.value(), upper.unit(), self.lang);
                if upper.prefix == lower.prefix && upper.suffix == lower.suffix {
                    format!(
                        "{}{}–{}{}",
                        lower.prefix, lower.number, upper.number, upper.suffix
                    )
                } else {
                    format!("{}–{}", lower.text(), upper.text())
                }
            }
            None => format!("{}{}", t.comparator.symbol(), lower.text()),
        }
    }

    /// A jurisdiction's name, marked when it lies inside another ranked one.
    fn ranked_name(&self, row: &RankRow) -> String {
        let name = self.name(row.jurisdiction.as_str());
        match &row.within {
            Some(w) => match self.lang {
                Lang::Zh => format!("{name}（{}内）", self.name(w.as_str())),
                Lang::En => format!("{name} (in {})", self.name(w.as_str())),
            },
            None => name,
        }
    }

    fn render(&self) -> String {
        let mut out = String::new();
        w!(
            out,
            "<!DOCTYPE html>\n<html lang=\"{}\">\n<head>\n<meta charset=\"utf-8\">\n\
             <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n\
             <title>{}</title>\n<style>{STYLE}</style>\n</head>\n<body>\n<main class=\"page\">\n",
            self.t("zh-CN", "en"),
            escape(&match self.lang {
                Lang::Zh => format!("政策量化目标概览（截至 {}）", self.o.as_of),
                Lang::En => format!(
                    "Quantitative policy targets: overview (as of {})",
                    self.o.as_of
                ),
            })
        );
        self.masthead(&mut out);
        self.summary(&mut out);
        self.targets_section(&mut out);
        self.rankings_section(&mut out);
        self.gaps_section(&mut out);
        self.progress_section(&mut out);
        self.appendix(&mut out);
        w!(
            out,
            "<footer>{}</footer>\n</main>\n</body>\n</html>\n",
            escape(&match self.lang {
                Lang::Zh => format!(
                    "本页数值均为来源原文所载精确值，人均值四舍五入保留两位小数；评估日期 {}。",
                    self.o.as_of
                ),
                Lang::En => format!(
                    "Figures are exact as written in the sources; per-capita values rounded to two decimals. Evaluated on {}.",
                    self.o.as_of
                ),
            })
        );
        out
    }

    fn denominator_dates(&self) -> BTreeSet<NaiveDate> {
        self.o
            .rankings
            .iter()
            .flat_map(|(_, c)| c.rows.iter())
            .filter_map(|r| r.denominator_as_of)
            .chain(self.o.gaps.iter().filter_map(|g| g.denominator_as_of))
            .collect()
    }

    /// The source of the population figures, when every cited one comes
    /// from a single source.
    fn denominator_source(&self) -> Option<&'c Source> {
        let mut sources = self.cites.sources.iter().filter(|(_, items)| {
            items.iter().any(|i| matches!(i, Cited::Observation(o) if o.metric.as_str() == "resident_population"))
        });
        let first = sources.next()?;
        sources.next().is_none().then_some(first.0)
    }

    fn masthead(&self, out: &mut String) {
        let o = self.o;
        w!(
            out,
            "<header class=\"masthead\">\n<p class=\"kicker\">{}</p>\n<h1>{}</h1>\n<p class=\"meta\">{}</p>\n</header>\n\
             <div class=\"masthead-rule\"></div>\n",
            self.t("政策研究参考", "POLICY BRIEFING"),
            self.t(
                "《政策量化目标概览》",
                "Quantitative Policy Targets: Overview"
            ),
            escape(&match self.lang {
                Lang::Zh => format!(
                    "截至 {}　｜　对标对象：{}",
                    long_date(o.as_of, self.lang),
                    o.subject.name_zh
                ),
                Lang::En => format!(
                    "As of {}  |  Subject: {}",
                    long_date(o.as_of, self.lang),
                    o.subject.name_en
                ),
            })
        );
        let documents = self.cites.sources.len();
        let targets = o.targets.len();
        let published: Vec<PartialDate> = self
            .cites
            .sources
            .iter()
            .filter(|(_, items)| items.iter().any(|i| matches!(i, Cited::Target(_))))
            .map(|(s, _)| s.published)
            .collect();
        let range = match (
            published.iter().min_by_key(|d| d.last_day()),
            published.iter().max_by_key(|d| d.last_day()),
        ) {
            (Some(a), Some(b)) if a != b => match self.lang {
                Lang::Zh => format!("，发布于 {a} 至 {b}"),
                Lang::En => format!(", published {a} to {b}"),
            },
            (Some(a), _) => match self.lang {
                Lang::Zh => format!("，发布于 {a}"),
                Lang::En => format!(", published {a}"),
            },
            _ => String::new(),
        };
        let dates: Vec<String> = self
            .denominator_dates()
            .iter()
            .map(|d| d.to_string())
            .collect();
        let denominators = if dates.is_empty() {
            String::new()
        } else {
            let source = self
                .denominator_source()
                .map(|s| match self.lang {
                    Lang::Zh => format!("，来源《{}》", s.title),
                    Lang::En => format!(", from 《{}》", s.title),
                })
                .unwrap_or_default();
            match self.lang {
                Lang::Zh => format!(
                    "人均值以常住人口为分母（数据日期 {}{source}）。",
                    dates.join("、")
                ),
                Lang::En => format!(
                    "Per-capita values use the resident population ({}{source}). ",
                    dates.join(", ")
                ),
            }
        };
        let text = match self.lang {
            Lang::Zh => format!(
                "数据来源：本报告所列 {targets} 项量化目标摘自政策文件及报道{range}，共引用 {documents} 份来源（含转引来源）。{denominators}\
                 文中每个数字均可链接至附录“来源与原文”中的原文摘录。"
            ),
            Lang::En => format!(
                "Data provenance: the {targets} quantitative targets below are transcribed from policy documents and reports{range}; \
                 {documents} sources are cited (including those they were read in). {denominators}\
                 Every figure links to its verbatim quote in the appendix “Sources and quotes”."
            ),
        };
        w!(out, "<p class=\"provenance\">{}</p>\n", escape(&text));
    }

    fn summary(&self, out: &mut String) {
        let o = self.o;
        let jurisdictions: BTreeSet<&str> =
            o.targets.iter().map(|t| t.jurisdiction.as_str()).collect();
        let metrics: BTreeSet<&str> = o.targets.iter().map(|t| t.metric.as_str()).collect();
        let deadlines: BTreeSet<i32> = o.targets.iter().map(|t| t.deadline.end().year()).collect();
        let mut items: Vec<String> = Vec::new();
        let span = match (deadlines.first(), deadlines.last()) {
            (Some(a), Some(b)) if a != b => format!("{a}–{b}"),
            (Some(a), _) => a.to_string(),
            _ => String::new(),
        };
        items.push(escape(&match self.lang {
            Lang::Zh => format!(
                "共 {} 项量化目标，涉及 {} 个地区、{} 项指标，期限 {} 年。",
                o.targets.len(),
                jurisdictions.len(),
                metrics.len(),
                span
            ),
            Lang::En => format!(
                "{} quantitative targets of {} jurisdictions on {} metrics, due {}.",
                o.targets.len(),
                jurisdictions.len(),
                metrics.len(),
                span
            ),
        }));
        let subject = o.subject.name(self.lang);
        let gap_metrics: Vec<&str> = {
            let mut seen = Vec::new();
            for g in &o.gaps {
                if !seen.contains(&g.metric.as_str()) {
                    seen.push(g.metric.as_str());
                }
            }
            seen
        };
        let own = o.gaps.iter().filter(|g| g.subject_target.is_some()).count();
        if !gap_metrics.is_empty() {
            let with_target: BTreeSet<&str> = o
                .gaps
                .iter()
                .filter(|g| g.subject_target.is_some())
                .map(|g| g.metric.as_str())
                .collect();
            items.push(escape(&match self.lang {
                Lang::Zh if own == 0 => format!(
                    "{subject}在上述 {} 项指标上均未设定量化目标。",
                    gap_metrics.len()
                ),
                Lang::Zh => format!(
                    "{subject}在上述 {} 项指标中已对 {} 项设定量化目标。",
                    gap_metrics.len(),
                    with_target.len()
                ),
                Lang::En if own == 0 => format!(
                    "{subject} has set no quantitative target on any of these {} metrics.",
                    gap_metrics.len()
                ),
                Lang::En => format!(
                    "{subject} has set targets on {} of these {} metrics.",
                    with_target.len(),
                    gap_metrics.len()
                ),
            }));
            // The largest required target per metric against a named
            // jurisdiction's per-capita level: the "to match X" figure.
            let mut parts = Vec::new();
            let more = gap_metrics.len() > 4;
            for metric in gap_metrics.iter().take(4) {
                let best = o
                    .gaps
                    .iter()
                    .filter(|g| g.metric.as_str() == *metric && g.benchmark_name_zh.is_some())
                    .max_by(|a, b| a.required_target.cmp(&b.required_target));
                let median = o
                    .gaps
                    .iter()
                    .find(|g| g.metric.as_str() == *metric && g.benchmark_name_zh.is_none());
                if let Some(g) = median.or(best) {
                    parts.push(format!(
                        "{}<strong>{}</strong>",
                        escape(&match self.lang {
                            Lang::Zh => format!(
                                "{}（对标{}）",
                                self.metric_name(metric),
                                g.benchmark_label(self.lang)
                            ),
                            Lang::En => format!(
                                "{} (vs {}) ",
                                self.metric_name(metric),
                                g.benchmark_label(self.lang)
                            ),
                        }),
                        escape(&human_amount(
                            g.required_target.round_dp(0),
                            g.required_unit,
                            self.lang
                        ))
                    ));
                }
            }
            if !parts.is_empty() {
                items.push(match self.lang {
                    Lang::Zh => format!(
                        "按每百万常住人口折算，{}需设定的目标约为：{}{}（详见第三部分）。",
                        escape(subject),
                        parts.join("；"),
                        if more { "等" } else { "" }
                    ),
                    Lang::En => format!(
                        "Per million residents, {} would need targets of about: {}{} (see section 3).",
                        escape(subject),
                        parts.join("; "),
                        if more { ", among others" } else { "" }
                    ),
                });
            }
        }
        let with_data = o
            .progress
            .rows
            .iter()
            .filter(|r| r.latest_value.is_some())
            .count();
        items.push(escape(&match self.lang {
            Lang::Zh if with_data == 0 => {
                "截至评估日，设定目标的地区均未报告对应指标的实绩数据，进展暂无法评估。".to_owned()
            }
            Lang::Zh => format!("{with_data} 项目标有实绩数据，进展见第四部分。"),
            Lang::En if with_data == 0 => {
                "No jurisdiction with a target has reported a figure for its metric yet: progress cannot be assessed.".to_owned()
            }
            Lang::En => format!("{with_data} targets have reported figures; see section 4."),
        }));
        w!(
            out,
            "<section class=\"summary\">\n<h2>{}</h2>\n<ul>\n",
            self.t("要点", "Key points")
        );
        for item in items {
            w!(out, "<li>{item}</li>\n");
        }
        out.push_str("</ul>\n</section>\n");
    }

    fn source_cell(&self, source: &Source) -> String {
        let title = match linkable(source.url.as_deref().unwrap_or_default()) {
            Some(url) => format!(
                "<a class=\"ext\" href=\"{}\">《{}》</a>",
                escape(url),
                escape(&source.title)
            ),
            None => format!(
                "<a href=\"#src-{}\">《{}》</a>",
                escape(source.id.as_str()),
                escape(&source.title)
            ),
        };
        let draft = if source.status == crate::Status::Draft {
            self.t("（征求意见稿）", " (draft)")
        } else {
            ""
        };
        let mut meta = vec![escape(&source.issuer)];
        if let Some(n) = &source.doc_number {
            meta.push(format!("<span class=\"keep\">{}</span>", escape(n)));
        }
        meta.push(format!(
            "<span class=\"keep\">{}</span>",
            escape(&source.published.to_string())
        ));
        format!(
            "<span class=\"src-title\">{title}{draft}</span><span class=\"src-meta\">{}</span>",
            meta.join(" · ")
        )
    }

    fn targets_section(&self, out: &mut String) {
        w!(
            out,
            "<section id=\"targets\">\n<h2>{}</h2>\n",
            self.t("一、目标一览（按期限）", "1. Targets by deadline")
        );
        w!(
            out,
            "<table class=\"targets\">\n<thead><tr><th>{}</th><th>{}</th><th>{}</th><th class=\"num\">{}</th><th>{}</th></tr></thead>\n<tbody>\n",
            self.t("期限", "Deadline"),
            self.t("地区", "Jurisdiction"),
            self.t("指标", "Metric"),
            self.t("目标", "Target"),
            self.t(
                "来源（发布机构 · 文号 · 日期）",
                "Source (issuer · no. · date)"
            ),
        );
        let mut i = 0;
        let targets = &self.o.targets;
        while i < targets.len() {
            let deadline = targets[i].deadline;
            let group = targets[i..]
                .iter()
                .take_while(|t| t.deadline == deadline)
                .count();
            for (k, t) in targets[i..i + group].iter().enumerate() {
                let j = self.catalog.jurisdiction(t.jurisdiction.as_str());
                let last = if k + 1 == group { " group" } else { "" };
                w!(out, "<tr id=\"t-{}\">", escape(t.id.as_str()));
                if k == 0 {
                    w!(
                        out,
                        "<td class=\"deadline group\" rowspan=\"{group}\">{}</td>",
                        escape(&partial_date(deadline.date(), self.lang))
                    );
                }
                w!(
                    out,
                    "<td class=\"nowrap{last}\">{}<span class=\"level\">{}</span></td><td class=\"{last}\">{}</td>\
                     <td class=\"num{last}\"><a href=\"#q-{id}\">{}</a>{}</td><td class=\"{last}\">{}</td></tr>\n",
                    escape(&self.name(t.jurisdiction.as_str())),
                    escape(
                        &j.map(|j| level_label(j.level, self.lang))
                            .unwrap_or_default()
                    ),
                    escape(&self.metric_name(t.metric.as_str())),
                    escape(&self.target_value(t)),
                    self.cites.mark(t.id.as_str()),
                    self.catalog
                        .source(t.source.as_str())
                        .map(|s| self.source_cell(s))
                        .unwrap_or_default(),
                    id = escape(t.id.as_str()),
                );
            }
            i += group;
        }
        if targets.is_empty() {
            w!(
                out,
                "<tr><td colspan=\"5\">{}</td></tr>\n",
                self.t("截至评估日无有效目标。", "No target in force on this date.")
            );
        }
        out.push_str("</tbody>\n</table>\n");
        w!(
            out,
            "<p class=\"note\">{}</p>\n</section>\n",
            self.t(
                "注：“≥”表示不少于，“>”表示超过；期限为年份的，指该年年底前。方括号内数字指向附录中的原文摘录。",
                "Note: ≥ means at least, > more than; a deadline given as a year means by the end of that year. Bracketed numbers refer to the verbatim quotes in the appendix."
            )
        );
    }

    fn ranking_bars(&self, ranking: &Ranking, per_capita: bool) -> Vec<Bar> {
        ranking
            .rows
            .iter()
            .map(|r| Bar {
                label: self.ranked_name(r),
                value: to_f64(r.value),
                text: if per_capita {
                    human_ratio(r.value)
                } else {
                    // The raw value is the target in canonical units; counts
                    // keep the measure word of the target as written.
                    let unit = match r.target_unit.dimension() {
                        Dimension::Count => r
                            .target_unit
                            .symbol()
                            .parse::<Unit>()
                            .unwrap_or(r.target_unit),
                        d => d.canonical_unit(),
                    };
                    human_amount(r.value, unit, self.lang)
                },
                href: Some(format!("#q-{}", r.target_id)),
            })
            .collect()
    }

    /// The unit of a ranking's values, for its chart caption (empty for
    /// plain counts in English).
    fn unit_label(&self, ranking: &Ranking) -> String {
        let canonical = self
            .catalog
            .metric(ranking.metric.as_str())
            .map(|m| m.dimension.canonical_unit());
        match self.lang {
            Lang::Zh => {
                let unit = match ranking.rows.first().map(|r| r.target_unit) {
                    Some(u) if u.dimension() == Dimension::Count && u.magnitude() == 0 => {
                        crate::output::zh_unit(Some(u)).replace("count", "个")
                    }
                    _ => crate::output::zh_unit(canonical),
                };
                ranking.per.unit_label_zh(&unit)
            }
            Lang::En => match canonical.map(|u| u.to_string()).as_deref() {
                Some("count") | None => String::new(),
                Some(unit) => unit.to_owned(),
            },
        }
    }

    fn rankings_section(&self, out: &mut String) {
        let dates: BTreeSet<NaiveDate> = self
            .o
            .rankings
            .iter()
            .flat_map(|(_, c)| c.rows.iter())
            .filter_map(|r| r.denominator_as_of)
            .collect();
        // One vintage of denominators for the whole section is said once.
        let common = (dates.len() == 1)
            .then(|| dates.iter().next().copied())
            .flatten();
        let denominators = match (common, self.lang) {
            (Some(d), Lang::Zh) => format!("人均值的分母为 {d} 常住人口。"),
            (Some(d), Lang::En) => {
                format!(" Per-capita values use the resident population of {d}.")
            }
            (None, _) => String::new(),
        };
        w!(
            out,
            "<section id=\"rankings\">\n<h2>{}</h2>\n<p class=\"note\">{}{}</p>\n",
            self.t("二、各指标排名", "2. Rankings by metric"),
            self.t(
                "左图为目标原值，右图为每百万常住人口目标强度；按数值由高到低排列，括注“××内”表示该地区位于另一上榜地区之内；点击条形可查看原文。",
                "Left: the target as set; right: per million residents. Best first; “in …” marks a jurisdiction inside another ranked one. Each bar links to its quote."
            ),
            escape(&denominators)
        );
        for (n, (raw, capita)) in self.o.rankings.iter().enumerate() {
            let metric = self.metric_name(raw.metric.as_str());
            w!(
                out,
                "<div class=\"metric\" id=\"m-{}\">\n<h3><span class=\"n\">2.{}</span>{}</h3>\n<div class=\"pair\">\n",
                escape(raw.metric.as_str()),
                n + 1,
                escape(&metric)
            );
            for (ranking, per_capita) in [(raw, false), (capita, true)] {
                let caption = match (self.lang, per_capita) {
                    (Lang::Zh, false) => format!("目标原值（{}）", self.unit_label(ranking)),
                    (Lang::Zh, true) => format!("每百万常住人口（{}）", self.unit_label(ranking)),
                    (Lang::En, per_capita) => {
                        let unit = self.unit_label(ranking);
                        let what = if per_capita {
                            "Per million residents"
                        } else {
                            "Target as set"
                        };
                        if unit.is_empty() {
                            what.to_owned()
                        } else {
                            format!("{what} ({unit})")
                        }
                    }
                };
                w!(
                    out,
                    "<figure>\n<figcaption>{}</figcaption>\n",
                    escape(&caption)
                );
                let bars = self.ranking_bars(ranking, per_capita);
                if bars.is_empty() {
                    w!(
                        out,
                        "<p class=\"unranked\">{}</p>\n",
                        self.t("无可排名的地区。", "No jurisdiction can be ranked.")
                    );
                } else {
                    out.push_str(&bar_chart(&format!("{metric}: {caption}"), &bars));
                    out.push('\n');
                }
                if per_capita && common.is_none() {
                    if let Some(d) = ranking.rows.iter().find_map(|r| r.denominator_as_of) {
                        w!(
                            out,
                            "<p class=\"unranked\">{}</p>\n",
                            escape(&match self.lang {
                                Lang::Zh => format!("分母：{d} 常住人口"),
                                Lang::En => format!("Denominators as of {d}"),
                            })
                        );
                    }
                }
                for u in &ranking.unranked {
                    w!(
                        out,
                        "<p class=\"unranked\">{}</p>\n",
                        escape(&match self.lang {
                            Lang::Zh => format!(
                                "未排名：{}（{}）",
                                self.name(u.jurisdiction.as_str()),
                                u.reason.text(self.lang)
                            ),
                            Lang::En => format!(
                                "Not ranked: {} ({})",
                                self.name(u.jurisdiction.as_str()),
                                u.reason
                            ),
                        })
                    );
                }
                out.push_str("</figure>\n");
            }
            out.push_str("</div>\n</div>\n");
        }
        if self.o.rankings.is_empty() {
            w!(
                out,
                "<p>{}</p>\n",
                self.t(
                    "截至评估日无可排名的指标。",
                    "No metric has targets on this date."
                )
            );
        }
        out.push_str("</section>\n");
    }

    fn gaps_section(&self, out: &mut String) {
        let o = self.o;
        let subject = o.subject.name(self.lang);
        let dates: Vec<String> = o
            .gaps
            .iter()
            .filter_map(|g| g.denominator_as_of)
            .collect::<BTreeSet<_>>()
            .iter()
            .map(|d| d.to_string())
            .collect();
        w!(
            out,
            "<section id=\"gaps\">\n<h2>{}</h2>\n<p>{}</p>\n",
            escape(&match self.lang {
                Lang::Zh => format!("三、{subject}对标分析（每百万常住人口）"),
                Lang::En => format!("3. {subject}: gaps to benchmarks (per million residents)"),
            }),
            escape(&match self.lang {
                Lang::Zh => format!(
                    "按对标地区每百万常住人口的目标强度，以{subject}常住人口（{}）折算出{subject}达到同等强度所需的目标（加粗）。对标包括设定该指标目标的各地区及省级中位数。",
                    if dates.is_empty() {
                        "—".to_owned()
                    } else {
                        dates.join("、")
                    }
                ),
                Lang::En => format!(
                    "The target {subject} would need (in bold) to match each benchmark's level per million residents, using its resident population ({}). Benchmarks are every jurisdiction with a target on the metric and the median of the provinces.",
                    if dates.is_empty() {
                        "—".to_owned()
                    } else {
                        dates.join(", ")
                    }
                ),
            })
        );
        if o.gaps.is_empty() {
            w!(
                out,
                "<p class=\"plain\">{}</p>\n",
                self.t(
                    "无可对标的目标。",
                    "No benchmark can be computed on this date."
                )
            );
        } else {
            w!(
                out,
                "<p class=\"legend\">{}<span class=\"swatch bench\"></span>{}<span class=\"swatch subject\"></span>{}</p>\n",
                self.t("图例：", "Legend:"),
                self.t("对标强度", "benchmark"),
                escape(subject),
            );
            w!(
                out,
                "<table class=\"gaps\">\n<thead><tr><th>{}</th><th>{}</th><th class=\"num\">{}</th><th class=\"num\">{}</th><th class=\"num\">{}</th><th>{}</th></tr></thead>\n<tbody>\n",
                self.t("指标", "Metric"),
                self.t("对标", "Benchmark"),
                self.t("对标强度（/百万人）", "Benchmark per million"),
                self.t("现有目标", "Own target"),
                self.t("所需目标", "Required target"),
                self.t("强度对比", "Comparison"),
            );
            let mut i = 0;
            while i < o.gaps.len() {
                let metric = &o.gaps[i].metric;
                let group = o.gaps[i..]
                    .iter()
                    .take_while(|g| &g.metric == metric)
                    .count();
                let max = o.gaps[i..i + group]
                    .iter()
                    .flat_map(|g| [Some(g.benchmark_value), g.subject_value])
                    .flatten()
                    .map(to_f64)
                    .fold(0.0_f64, f64::max);
                for (k, g) in o.gaps[i..i + group].iter().enumerate() {
                    let last = if k + 1 == group { " group" } else { "" };
                    out.push_str("<tr>");
                    if k == 0 {
                        w!(
                            out,
                            "<td class=\"group\" rowspan=\"{group}\">{}</td>",
                            escape(&self.metric_name(metric.as_str()))
                        );
                    }
                    let benchmark_value = escape(&human_ratio(g.benchmark_value));
                    let benchmark_value = match &g.benchmark_target {
                        Some(t) => format!(
                            "<a href=\"#q-{}\">{benchmark_value}</a>{}",
                            escape(t.as_str()),
                            self.cites.mark(t.as_str())
                        ),
                        None => benchmark_value,
                    };
                    let own = match g
                        .subject_target
                        .as_ref()
                        .and_then(|t| self.target(t.as_str()))
                    {
                        Some(t) => format!(
                            "<a href=\"#q-{}\">{}</a>{}",
                            escape(t.id.as_str()),
                            escape(&self.target_value(t)),
                            self.cites.mark(t.id.as_str())
                        ),
                        None => escape(self.t("无", "none")).to_owned(),
                    };
                    w!(
                        out,
                        "<td class=\"nowrap{last}\">{}</td><td class=\"num{last}\">{benchmark_value}</td><td class=\"num{last}\">{own}</td>\
                         <td class=\"num{last}\"><strong class=\"required\">{}</strong></td><td class=\"{last}\">{}</td></tr>\n",
                        escape(&g.benchmark_label(self.lang)),
                        escape(&human_amount(
                            g.required_target.round_dp(0),
                            g.required_unit,
                            self.lang
                        )),
                        gap_chart(g.benchmark_value, g.subject_value, max, self.lang),
                    );
                }
                i += group;
            }
            out.push_str("</tbody>\n</table>\n");
        }
        for (metric, reason) in &o.unanswered {
            w!(
                out,
                "<p class=\"note\">{}</p>\n",
                escape(&match self.lang {
                    Lang::Zh => format!(
                        "说明：{}——{}。",
                        self.metric_name(metric.as_str()),
                        reason_text(reason, self.lang)
                    ),
                    Lang::En => format!("Note: {}: {reason}.", self.metric_name(metric.as_str())),
                })
            );
        }
        out.push_str("</section>\n");
    }

    fn progress_section(&self, out: &mut String) {
        let o = self.o;
        w!(
            out,
            "<section id=\"progress\">\n<h2>{}</h2>\n",
            self.t("四、目标进展", "4. Progress")
        );
        let with_data: Vec<&ProgressRow> = o
            .progress
            .rows
            .iter()
            .filter(|r| r.latest_value.is_some())
            .collect();
        if with_data.is_empty() {
            w!(
                out,
                "<p class=\"plain\">{}</p>\n",
                escape(&match self.lang {
                    Lang::Zh => format!(
                        "截至 {}，设定目标的地区均未报告对应指标的实绩数据，暂无法评估完成进度。",
                        long_date(o.as_of, self.lang)
                    ),
                    Lang::En => format!(
                        "As of {}, no jurisdiction with a target has reported a figure for its metric: progress cannot be assessed yet.",
                        long_date(o.as_of, self.lang)
                    ),
                })
            );
        } else {
            w!(
                out,
                "<table class=\"progress\">\n<thead><tr><th>{}</th><th>{}</th><th class=\"num\">{}</th><th class=\"num\">{}</th><th>{}</th><th>{}</th></tr></thead>\n<tbody>\n",
                self.t("地区", "Jurisdiction"),
                self.t("指标", "Metric"),
                self.t("最新值（日期）", "Latest (as of)"),
                self.t("目标（期限）", "Target (deadline)"),
                self.t("完成度", "Progress"),
                self.t("状态", "Status"),
            );
            for r in &with_data {
                let latest = r
                    .latest_value
                    .map(|v| human_amount(v, r.unit, self.lang))
                    .unwrap_or_default();
                let obs_mark = r
                    .latest_as_of
                    .and_then(|d| {
                        self.catalog.observations().iter().find(|x| {
                            x.metric == r.metric
                                && x.jurisdiction == r.jurisdiction
                                && x.date() == d
                        })
                    })
                    .map(|x| self.cites.mark(x.id.as_str()))
                    .unwrap_or_default();
                w!(
                    out,
                    "<tr><td class=\"nowrap\">{}</td><td>{}</td><td class=\"num\">{}{obs_mark}<span class=\"src-meta\">{}</span></td>\
                     <td class=\"num\"><a href=\"#q-{id}\">{}{}</a>{}<span class=\"src-meta\">{}</span></td><td>{}</td><td class=\"nowrap\">{}</td></tr>\n",
                    escape(&self.name(r.jurisdiction.as_str())),
                    escape(&self.metric_name(r.metric.as_str())),
                    escape(&latest),
                    escape(&r.latest_as_of.map(|d| d.to_string()).unwrap_or_default()),
                    escape(r.comparator.symbol()),
                    escape(&human_amount(r.target_value, r.unit, self.lang)),
                    self.cites.mark(r.target_id.as_str()),
                    escape(&r.deadline.to_string()),
                    progress_bar(r),
                    escape(&status_text(r.status, self.lang)),
                    id = escape(r.target_id.as_str()),
                );
            }
            out.push_str("</tbody>\n</table>\n");
        }
        let counts: Vec<(ProgressStatus, usize)> = ProgressStatus::ALL
            .iter()
            .map(|s| {
                (
                    *s,
                    o.progress.rows.iter().filter(|r| r.status == *s).count(),
                )
            })
            .filter(|(_, n)| *n > 0)
            .collect();
        if !counts.is_empty() {
            w!(
                out,
                "<p class=\"note\">{}</p>\n<ul class=\"statuses\">\n",
                escape(&match self.lang {
                    Lang::Zh => format!("{} 项目标的状态分布：", o.progress.rows.len()),
                    Lang::En => format!("Status of the {} targets:", o.progress.rows.len()),
                })
            );
            for (status, n) in counts {
                w!(
                    out,
                    "<li>{}<b>{n}</b></li>\n",
                    escape(&status_text(status, self.lang))
                );
            }
            out.push_str("</ul>\n");
        }
        out.push_str("</section>\n");
    }

    fn cited_head(&self, item: &Cited<'_>) -> String {
        match item {
            Cited::Target(t) => format!(
                "{} · {} · {} · {}",
                self.name(t.jurisdiction.as_str()),
                self.metric_name(t.metric.as_str()),
                self.target_value(t),
                match self.lang {
                    Lang::Zh => format!("期限 {}", partial_date(t.deadline.date(), self.lang)),
                    Lang::En => format!("by {}", t.deadline),
                }
            ),
            Cited::Observation(x) => format!(
                "{} · {} · {} · {}",
                self.name(x.jurisdiction.as_str()),
                self.metric_name(x.metric.as_str()),
                human_amount(x.value.value(), x.value.unit(), self.lang),
                match self.lang {
                    Lang::Zh => format!("数据日期 {}", partial_date(x.as_of, self.lang)),
                    Lang::En => format!("as of {} (reported)", x.as_of),
                }
            ),
        }
    }

    fn appendix(&self, out: &mut String) {
        w!(
            out,
            "<section class=\"appendix\" id=\"sources\">\n<h2>{}</h2>\n<p class=\"note\">{}</p>\n",
            self.t("附录　来源与原文", "Appendix: Sources and quotes"),
            self.t(
                "以下按首次引用顺序列出本报告引用的全部来源及原文摘录。原文照录（含来源文本中的错字），数据按其含义录入。",
                "Every source cited, in order of first citation, with the verbatim quotes (typos of the source text kept; the data carries the meaning)."
            )
        );
        for (source, items) in &self.cites.sources {
            w!(
                out,
                "<div class=\"source\" id=\"src-{}\">\n<h3>《{}》</h3>\n<p class=\"fields\">",
                escape(source.id.as_str()),
                escape(&source.title)
            );
            let mut field = |label: &str, value: String| {
                w!(
                    out,
                    "<span class=\"field\"><span class=\"k\">{}</span>{value}</span> ",
                    escape(label)
                );
            };
            field(self.t("发布机构", "Issuer"), escape(&source.issuer));
            if let Some(n) = &source.doc_number {
                field(self.t("文号", "Document no."), escape(n));
            }
            field(
                self.t("发布日期", "Published"),
                escape(&source.published.to_string()),
            );
            field(
                self.t("性质", "Status"),
                escape(match (source.status, self.lang) {
                    (crate::Status::Draft, Lang::Zh) => "征求意见稿",
                    (crate::Status::Final, Lang::Zh) => "正式发布",
                    (s, Lang::En) => s.as_str(),
                }),
            );
            if let Some(via) = &source.via {
                let text = match self.catalog.source(via.as_str()) {
                    Some(v) => format!(
                        "<a href=\"#src-{}\">《{}》</a>",
                        escape(v.id.as_str()),
                        escape(&v.title)
                    ),
                    None => escape(via.as_str()),
                };
                field(self.t("转引自", "Read in"), text);
            }
            if let Some(url) = &source.url {
                let text = match linkable(url) {
                    Some(u) => format!("<a class=\"ext\" href=\"{0}\">{0}</a>", escape(u)),
                    None => escape(url),
                };
                field(self.t("链接", "Link"), text);
            }
            out.push_str("</p>\n");
            if items.is_empty() {
                w!(
                    out,
                    "<p class=\"note\">{}</p>\n",
                    self.t(
                        "本报告所列部分文件经此来源转引。",
                        "Documents above were read in this source."
                    )
                );
            } else {
                out.push_str("<ol>\n");
                for item in items {
                    let id = item.id();
                    let n = self.cites.numbers.get(id).copied().unwrap_or(0);
                    let (quote, note) = match item {
                        Cited::Target(t) => (&t.quote, t.note.as_ref()),
                        Cited::Observation(x) => (&x.quote, x.note.as_ref()),
                    };
                    let back = match item {
                        Cited::Target(t) if self.o.targets.iter().any(|x| x.id == t.id) => format!(
                            "<a class=\"back\" href=\"#t-{}\">{}</a>",
                            escape(id),
                            self.t("↩ 返回目标表", "↩ back to the table")
                        ),
                        _ => String::new(),
                    };
                    w!(
                        out,
                        "<li id=\"q-{}\" value=\"{n}\"><span class=\"what\">{}</span>{back}\n<blockquote>“{}”</blockquote>",
                        escape(id),
                        escape(&self.cited_head(item)),
                        escape(quote),
                    );
                    if let Some(note) = note {
                        w!(
                            out,
                            "<p class=\"note\">{}{}</p>",
                            self.t("数据说明：", "Data note: "),
                            escape(note)
                        );
                    }
                    out.push_str("</li>\n");
                }
                out.push_str("</ol>\n");
            }
            out.push_str("</div>\n");
        }
        out.push_str("</section>\n");
    }
}
