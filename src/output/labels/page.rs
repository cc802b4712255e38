//! The HTML page's words in Chinese and English: its title, headings,
//! legends, sentences, notes and captions, and the way it writes dates and
//! the units of amounts.

use chrono::{Datelike, NaiveDate};

use super::pick;
use crate::engine::gap::Unanswered;
use crate::engine::normalize::Per;
use crate::engine::rank::Reason;
use crate::model::{Deadline, Dimension, Lang, PartialDate, Status, Unit};

// The document.

/// The `lang` attribute of the page: `zh-CN` or `en`.
pub(crate) fn html_lang(lang: Lang) -> &'static str {
    pick(lang, "zh-CN", "en")
}

/// The title of the page (and of the text report) on `as_of`.
pub(crate) fn title(lang: Lang, as_of: NaiveDate) -> String {
    match lang {
        Lang::Zh => format!("政策量化目标概览（截至 {as_of}）"),
        Lang::En => format!("Quantitative policy targets: overview (as of {as_of})"),
    }
}

/// The footer: figures are exact, per-capita values rounded, the date
/// evaluated on.
pub(crate) fn footer(lang: Lang, as_of: NaiveDate) -> String {
    match lang {
        Lang::Zh => format!(
            "本页数值均为来源原文所载精确值，人均值四舍五入保留两位小数；评估日期 {as_of}。"
        ),
        Lang::En => format!(
            "Figures are exact as written in the sources; per-capita values rounded to two decimals. Evaluated on {as_of}."
        ),
    }
}

/// A jurisdiction's name marked as lying inside another ranked one.
pub(crate) fn inside(lang: Lang, name: &str, within: &str) -> String {
    match lang {
        Lang::Zh => format!("{name}（{within}内）"),
        Lang::En => format!("{name} (in {within})"),
    }
}

// Dates and amounts.

/// A date as written in running text: `2025年7月4日` or `4 July 2025`.
pub(crate) fn long_date(lang: Lang, date: NaiveDate) -> String {
    match lang {
        Lang::Zh => format!("{}年{}月{}日", date.year(), date.month(), date.day()),
        Lang::En => date.format("%-d %B %Y").to_string(),
    }
}

/// A deadline or publication date as precise as it is known: `2025年7月`
/// or `2025-07`.
pub(crate) fn partial_date(lang: Lang, date: PartialDate) -> String {
    match (date, lang) {
        (PartialDate::Year(y), Lang::Zh) => format!("{y}年"),
        (PartialDate::Month(y, m), Lang::Zh) => format!("{y}年{m}月"),
        (PartialDate::Day(d), Lang::Zh) => format!("{}年{}月{}日", d.year(), d.month(), d.day()),
        (other, Lang::En) => other.to_string(),
    }
}

/// The word after a count: its measure word in Chinese (canonical `count`
/// as `个`), nothing in English.
pub(crate) fn count_word(lang: Lang, symbol: &str) -> &str {
    match (lang, symbol) {
        (Lang::Zh, "count") => "个",
        (Lang::Zh, other) => other,
        (Lang::En, _) => "",
    }
}

/// What is written before an amount of money: nothing in Chinese, `CNY `
/// in English.
pub(crate) fn money_prefix(lang: Lang) -> &'static str {
    pick(lang, "", "CNY ")
}

/// The scales of money, largest first, as powers of ten of yuan with their
/// words (`亿元`, ` billion`); the last one is taken below every other.
pub(crate) fn money_scales(lang: Lang) -> [(u32, &'static str); 4] {
    pick(
        lang,
        [(12, "万亿元"), (8, "亿元"), (4, "万元"), (0, "元")],
        [(12, " trillion"), (9, " billion"), (6, " million"), (0, "")],
    )
}

/// The scales of numbers of people, largest first, as powers of ten with
/// their words (`万人`, ` million people`).
pub(crate) fn person_scales(lang: Lang) -> &'static [(u32, &'static str)] {
    pick(
        lang,
        &[(8, "亿人"), (4, "万人")][..],
        &[(6, " million people")][..],
    )
}

/// The word after a number of people below every scale: `人` or ` people`.
pub(crate) fn persons(lang: Lang) -> &'static str {
    pick(lang, "人", " people")
}

// The masthead and the key points.

/// The kicker above the title: `政策研究参考` or `POLICY BRIEFING`.
pub(crate) fn masthead_kicker(lang: Lang) -> &'static str {
    pick(lang, "政策研究参考", "POLICY BRIEFING")
}

/// The title in the masthead.
pub(crate) fn masthead_title(lang: Lang) -> &'static str {
    pick(
        lang,
        "《政策量化目标概览》",
        "Quantitative Policy Targets: Overview",
    )
}

/// The line under the title: the date evaluated on and the subject.
pub(crate) fn masthead_meta(lang: Lang, as_of: NaiveDate, subject: &str) -> String {
    let date = long_date(lang, as_of);
    match lang {
        Lang::Zh => format!("截至 {date}　｜　对标对象：{subject}"),
        Lang::En => format!("As of {date}  |  Subject: {subject}"),
    }
}

/// Where the data comes from: how many targets from how many documents,
/// the span of their publication (`range`, from [`published_between`] or
/// [`published_on`]), and the sentence on the `denominators`.
pub(crate) fn provenance(
    lang: Lang,
    targets: usize,
    documents: usize,
    range: &str,
    denominators: &str,
) -> String {
    match lang {
        Lang::Zh => format!(
            "数据来源：本报告所列 {targets} 项量化目标摘自政策文件及报道{range}，共引用 {documents} 份来源（含转引来源）。{denominators}\
             文中每个数字均可链接至附录“来源与原文”中的原文摘录。"
        ),
        Lang::En => format!(
            "Data provenance: the {targets} quantitative targets below are transcribed from policy documents and reports{range}; \
             {documents} sources are cited (including those they were read in). {denominators}\
             Every figure links to its verbatim quote in the appendix “Sources and quotes”."
        ),
    }
}

/// `，发布于 A 至 B`: the span of publication dates of the sources.
pub(crate) fn published_between(lang: Lang, first: PartialDate, last: PartialDate) -> String {
    match lang {
        Lang::Zh => format!("，发布于 {first} 至 {last}"),
        Lang::En => format!(", published {first} to {last}"),
    }
}

/// `，发布于 A`: the one publication date of the sources.
pub(crate) fn published_on(lang: Lang, date: PartialDate) -> String {
    match lang {
        Lang::Zh => format!("，发布于 {date}"),
        Lang::En => format!(", published {date}"),
    }
}

/// `，来源《…》`: the source of the population figures.
pub(crate) fn denominator_source(lang: Lang, title: &str) -> String {
    match lang {
        Lang::Zh => format!("，来源《{title}》"),
        Lang::En => format!(", from 《{title}》"),
    }
}

/// `dates` in ISO form, separated by `sep`.
fn join_dates(dates: &[NaiveDate], sep: &str) -> String {
    dates
        .iter()
        .map(ToString::to_string)
        .collect::<Vec<_>>()
        .join(sep)
}

/// The sentence on the population figures per-capita values use: their
/// dates and their `source` (from [`denominator_source`], or empty).
pub(crate) fn denominators_note(lang: Lang, dates: &[NaiveDate], source: &str) -> String {
    let dates = |sep: &str| join_dates(dates, sep);
    match lang {
        Lang::Zh => format!(
            "人均值以常住人口为分母（数据日期 {}{source}）。",
            dates("、")
        ),
        Lang::En => format!(
            "Per-capita values use the resident population ({}{source}). ",
            dates(", ")
        ),
    }
}

/// The heading of the key points.
pub(crate) fn key_points(lang: Lang) -> &'static str {
    pick(lang, "要点", "Key points")
}

/// The key point counting the targets, their jurisdictions and metrics,
/// with the `span` of their deadlines (`2025–2027`).
pub(crate) fn summary_counts(
    lang: Lang,
    targets: usize,
    jurisdictions: usize,
    metrics: usize,
    span: &str,
) -> String {
    let (n, j, m) = (targets, jurisdictions, metrics);
    match lang {
        Lang::Zh => format!("共 {n} 项量化目标，涉及 {j} 个地区、{m} 项指标，期限 {span} 年。"),
        Lang::En => {
            format!("{n} quantitative targets of {j} jurisdictions on {m} metrics, due {span}.")
        }
    }
}

/// The key point on progress: how many targets have reported figures, or
/// that none has.
pub(crate) fn summary_progress(lang: Lang, with_data: usize) -> String {
    match lang {
        Lang::Zh if with_data == 0 => {
            "截至评估日，设定目标的地区均未报告对应指标的实绩数据，进展暂无法评估。".to_owned()
        }
        Lang::Zh => format!("{with_data} 项目标有实绩数据，进展见第四部分。"),
        Lang::En if with_data == 0 => {
            "No jurisdiction with a target has reported a figure for its metric yet: progress cannot be assessed.".to_owned()
        }
        Lang::En => format!("{with_data} targets have reported figures; see section 4."),
    }
}

/// The key point on the subject's own targets: on how many of the `total`
/// metrics compared it has set one (`own` gap rows with a target, on
/// `with_target` metrics).
pub(crate) fn own_targets(
    lang: Lang,
    subject: &str,
    total: usize,
    own: usize,
    with_target: usize,
) -> String {
    match lang {
        Lang::Zh if own == 0 => format!("{subject}在上述 {total} 项指标上均未设定量化目标。"),
        Lang::Zh => {
            format!("{subject}在上述 {total} 项指标中已对 {with_target} 项设定量化目标。")
        }
        Lang::En if own == 0 => {
            format!("{subject} has set no quantitative target on any of these {total} metrics.")
        }
        Lang::En => format!("{subject} has set targets on {with_target} of these {total} metrics."),
    }
}

/// The words before the subject's name in the key point on required
/// targets.
pub(crate) fn required_lead(lang: Lang) -> &'static str {
    pick(lang, "按每百万常住人口折算，", "Per million residents, ")
}

/// The words after the subject's name in the key point on required
/// targets.
pub(crate) fn required_would_need(lang: Lang) -> &'static str {
    pick(lang, "需设定的目标约为：", " would need targets of about: ")
}

/// The separator between the required targets of the key point.
pub(crate) fn required_separator(lang: Lang) -> &'static str {
    pick(lang, "；", "; ")
}

/// Said after a list of required targets cut short.
pub(crate) fn among_others(lang: Lang) -> &'static str {
    pick(lang, "等", ", among others")
}

/// The end of the key point on required targets.
pub(crate) fn see_section_3(lang: Lang) -> &'static str {
    pick(lang, "（详见第三部分）。", " (see section 3).")
}

/// A metric and the benchmark it is compared with, before the required
/// target of the key point.
pub(crate) fn required_label(lang: Lang, metric: &str, benchmark: &str) -> String {
    match lang {
        Lang::Zh => format!("{metric}（对标{benchmark}）"),
        Lang::En => format!("{metric} (vs {benchmark}) "),
    }
}

// Section 1: targets.

/// The heading of section 1.
pub(crate) fn targets_heading(lang: Lang) -> &'static str {
    pick(lang, "一、目标一览（按期限）", "1. Targets by deadline")
}

/// The headings of the table of targets.
pub(crate) fn targets_headings(lang: Lang) -> [&'static str; 5] {
    pick(
        lang,
        [
            "期限",
            "地区",
            "指标",
            "目标",
            "来源（发布机构 · 文号 · 日期）",
        ],
        [
            "Deadline",
            "Jurisdiction",
            "Metric",
            "Target",
            "Source (issuer · no. · date)",
        ],
    )
}

/// The row of the table of targets when none is in force.
pub(crate) fn no_target_in_force(lang: Lang) -> &'static str {
    pick(
        lang,
        "截至评估日无有效目标。",
        "No target in force on this date.",
    )
}

/// The note under the table of targets on comparators, deadlines and
/// reference marks.
pub(crate) fn targets_note(lang: Lang) -> &'static str {
    pick(
        lang,
        "注：“≥”表示不少于，“>”表示超过；期限为年份的，指该年年底前。方括号内数字指向附录中的原文摘录。",
        "Note: ≥ means at least, > more than; a deadline given as a year means by the end of that year. Bracketed numbers refer to the verbatim quotes in the appendix.",
    )
}

// Section 2: rankings.

/// The heading of section 2.
pub(crate) fn rankings_heading(lang: Lang) -> &'static str {
    pick(lang, "二、各指标排名", "2. Rankings by metric")
}

/// The note under the heading of section 2 on how to read its charts.
pub(crate) fn rankings_note(lang: Lang) -> &'static str {
    pick(
        lang,
        "左图为目标原值，右图为每百万常住人口目标强度；按数值由高到低排列，括注“××内”表示该地区位于另一上榜地区之内；点击条形可查看原文。",
        "Left: the target as set; right: per million residents. Best first; “in …” marks a jurisdiction inside another ranked one. Each bar links to its quote.",
    )
}

/// The sentence naming the metrics not ranked for having fewer than two
/// ranked jurisdictions.
pub(crate) fn single_row_metrics(lang: Lang, metrics: &[String]) -> String {
    match lang {
        Lang::Zh => format!(
            "仅一个地区设定目标的指标不作排名，见目标一览：{}。",
            metrics.join("、")
        ),
        Lang::En => format!(
            "Metrics with a target of one jurisdiction only are not ranked; they are in the table of targets: {}.",
            metrics.join(", ")
        ),
    }
}

/// The sentence giving the one date of every denominator of section 2
/// (empty without one).
pub(crate) fn rankings_denominators(lang: Lang, common: Option<NaiveDate>) -> String {
    match (common, lang) {
        (Some(d), Lang::Zh) => format!("人均值的分母为 {d} 常住人口。"),
        (Some(d), Lang::En) => format!(" Per-capita values use the resident population of {d}."),
        (None, _) => String::new(),
    }
}

/// Said when no metric can be ranked.
pub(crate) fn no_ranking(lang: Lang) -> &'static str {
    pick(
        lang,
        "截至评估日无可排名的指标。",
        "No metric has targets on this date.",
    )
}

/// The unit of a ranking's values for its chart caption: in Chinese the
/// measure word of the `first` row's unit when it is a plain count, else
/// the `canonical` unit, followed by what `per` divides by; in English the
/// canonical unit, nothing for counts.
pub(crate) fn ranking_unit(
    lang: Lang,
    per: Per,
    first: Option<Unit>,
    canonical: Option<Unit>,
) -> String {
    match lang {
        Lang::Zh => {
            let unit = match first {
                Some(u) if u.dimension() == Dimension::Count && u.magnitude() == 0 => {
                    super::zh_unit(Some(u))
                }
                _ => super::zh_unit(canonical),
            };
            super::per_unit_zh(per, &unit)
        }
        Lang::En => match canonical.map(|u| u.to_string()).as_deref() {
            Some("count") | None => String::new(),
            Some(unit) => unit.to_owned(),
        },
    }
}

/// The caption of a ranking's chart: the target as set or per million
/// residents, in `unit` (left out in English when empty).
pub(crate) fn ranking_caption(lang: Lang, per_capita: bool, unit: &str) -> String {
    match (lang, per_capita) {
        (Lang::Zh, false) => format!("目标原值（{unit}）"),
        (Lang::Zh, true) => format!("每百万常住人口（{unit}）"),
        (Lang::En, per_capita) => {
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
    }
}

/// The date of a chart's denominators, when the section has no common one.
pub(crate) fn figure_denominators(lang: Lang, date: NaiveDate) -> String {
    match lang {
        Lang::Zh => format!("分母：{date} 常住人口"),
        Lang::En => format!("Denominators as of {date}"),
    }
}

/// Said under a chart without bars.
pub(crate) fn nothing_ranked(lang: Lang) -> &'static str {
    pick(lang, "无可排名的地区。", "No jurisdiction can be ranked.")
}

/// A jurisdiction left out of a chart, and why.
pub(crate) fn not_ranked(lang: Lang, name: &str, reason: &Reason) -> String {
    match lang {
        Lang::Zh => format!("未排名：{name}（{}）", super::reason(reason, lang)),
        Lang::En => format!("Not ranked: {name} ({reason})"),
    }
}

// Section 3: gaps.

/// The heading of section 3, naming the subject.
pub(crate) fn gaps_heading(lang: Lang, subject: &str) -> String {
    match lang {
        Lang::Zh => format!("三、{subject}对标分析（每百万常住人口）"),
        Lang::En => format!("3. {subject}: gaps to benchmarks (per million residents)"),
    }
}

/// What section 3 shows, with the `dates` of the subject's population
/// (`—` without any).
pub(crate) fn gaps_intro(lang: Lang, subject: &str, dates: &[NaiveDate]) -> String {
    let dates = |sep: &str| {
        if dates.is_empty() {
            "—".to_owned()
        } else {
            join_dates(dates, sep)
        }
    };
    match lang {
        Lang::Zh => format!(
            "按对标地区每百万常住人口的目标强度，以{subject}常住人口（{}）折算出{subject}达到同等强度所需的目标（加粗）。对标包括设定该指标目标的各地区及省级中位数。",
            dates("、")
        ),
        Lang::En => format!(
            "The target {subject} would need (in bold) to match each benchmark's level per million residents, using its resident population ({}). Benchmarks are every jurisdiction with a target on the metric and the median of the provinces.",
            dates(", ")
        ),
    }
}

/// Said when no benchmark can be computed.
pub(crate) fn no_gaps(lang: Lang) -> &'static str {
    pick(
        lang,
        "无可对标的目标。",
        "No benchmark can be computed on this date.",
    )
}

/// The word opening the legend of the gap charts.
pub(crate) fn legend(lang: Lang) -> &'static str {
    pick(lang, "图例：", "Legend:")
}

/// The legend of the benchmark's bar.
pub(crate) fn legend_benchmark(lang: Lang) -> &'static str {
    pick(lang, "对标强度", "benchmark")
}

/// The headings of the table of gaps.
pub(crate) fn gaps_headings(lang: Lang) -> [&'static str; 6] {
    pick(
        lang,
        [
            "指标",
            "对标",
            "对标强度（/百万人）",
            "现有目标",
            "所需目标",
            "强度对比",
        ],
        [
            "Metric",
            "Benchmark",
            "Benchmark per million",
            "Own target",
            "Required target",
            "Comparison",
        ],
    )
}

/// Written where the subject has no target of its own: `无` or `none`.
pub(crate) fn no_own_target(lang: Lang) -> &'static str {
    pick(lang, "无", "none")
}

/// The accessible name of a gap row's small chart.
pub(crate) fn gap_chart_label(lang: Lang) -> &'static str {
    pick(lang, "对标与本地区目标强度对比", "benchmark vs subject")
}

/// The one note on the metrics with fewer than three other provinces
/// setting a target, for which no provincial median is offered.
pub(crate) fn few_peers_note(lang: Lang, metrics: &[String]) -> String {
    match lang {
        Lang::Zh => format!(
            "说明：以下指标设定目标的其他省份少于3个，不提供省级中位数：{}。",
            metrics.join("、")
        ),
        Lang::En => format!(
            "Note: no median of provinces where fewer than three other provinces set a target: {}.",
            metrics.join(", ")
        ),
    }
}

/// The note on a gap question without an answer on `metric`, and why.
pub(crate) fn unanswered_note(
    lang: Lang,
    metric: &str,
    question: &Unanswered,
    catalog: &crate::Catalog,
) -> String {
    let why = super::unanswered(question, catalog, lang);
    match lang {
        Lang::Zh => format!("说明：{metric}——{why}。"),
        Lang::En => format!("Note: {metric}: {why}."),
    }
}

// Section 4: progress.

/// The heading of section 4.
pub(crate) fn progress_heading(lang: Lang) -> &'static str {
    pick(lang, "四、目标进展", "4. Progress")
}

/// Said when no target has a reported figure on `as_of`.
pub(crate) fn no_progress(lang: Lang, as_of: NaiveDate) -> String {
    let date = long_date(lang, as_of);
    match lang {
        Lang::Zh => {
            format!("截至 {date}，设定目标的地区均未报告对应指标的实绩数据，暂无法评估完成进度。")
        }
        Lang::En => format!(
            "As of {date}, no jurisdiction with a target has reported a figure for its metric: progress cannot be assessed yet."
        ),
    }
}

/// The headings of the progress table.
pub(crate) fn progress_headings(lang: Lang) -> [&'static str; 6] {
    pick(
        lang,
        [
            "地区",
            "指标",
            "最新值（日期）",
            "目标（期限）",
            "完成度",
            "状态",
        ],
        [
            "Jurisdiction",
            "Metric",
            "Latest (as of)",
            "Target (deadline)",
            "Progress",
            "Status",
        ],
    )
}

/// The line above the count of every status of the `targets`.
pub(crate) fn status_counts_heading(lang: Lang, targets: usize) -> String {
    match lang {
        Lang::Zh => format!("{targets} 项目标的状态分布："),
        Lang::En => format!("Status of the {targets} targets:"),
    }
}

// Section 5: the composite index.

/// The heading of section 5.
pub(crate) fn index_heading(lang: Lang) -> &'static str {
    pick(lang, "五、综合指数", "5. Composite index")
}

/// The note under the heading of section 5: what the index combines and
/// how to read its chart.
pub(crate) fn index_note(lang: Lang, metrics: usize, draws: u32) -> String {
    match lang {
        Lang::Zh => format!(
            "将{metrics}项指标的目标值（经折算）极差标准化至0–100后等权平均，得出各地综合得分与名次。图中圆点为名次，横线为{draws}次蒙特卡洛模拟（权重±25%、随机选取标准化与合成方法）的第5至第95百分位名次区间，竖线为中位名次；区间越长，名次越依赖方法选择。"
        ),
        Lang::En => format!(
            "The targets on {metrics} metrics (normalised) are scaled to 0–100 by min-max and averaged with equal weights into one score per jurisdiction, then ranked. In the chart the dot is the rank, the line the 5th to 95th percentile ranks over {draws} Monte Carlo draws (weights ±25%, scaling and aggregation drawn at random), the tick the median rank: the longer the line, the more the rank depends on those choices."
        ),
    }
}

/// The accessible name of the rank-interval chart.
pub(crate) fn index_chart_label(lang: Lang) -> &'static str {
    pick(
        lang,
        "名次及其不确定区间",
        "Ranks and their uncertainty intervals",
    )
}

/// The word over the rank axis of the chart.
pub(crate) fn index_axis(lang: Lang) -> &'static str {
    pick(lang, "名次", "rank")
}

/// The headings of the table of scores.
pub(crate) fn index_headings(lang: Lang) -> [&'static str; 4] {
    pick(
        lang,
        ["名次（区间）", "地区", "得分", "覆盖指标"],
        [
            "Rank (interval)",
            "Jurisdiction",
            "Score",
            "Metrics covered",
        ],
    )
}

/// The caption of the sensitivity table.
pub(crate) fn sensitivity_caption(lang: Lang) -> &'static str {
    pick(
        lang,
        "敏感性：仅该项变化时各地名次的平均绝对变动",
        "Sensitivity: the mean absolute rank shift when only this input varies",
    )
}

/// The heading above the trajectory charts.
pub(crate) fn trajectories_heading(lang: Lang) -> &'static str {
    pick(lang, "趋势预计", "Trajectories")
}

/// The note under the heading of the trajectory charts: what each shows.
pub(crate) fn trajectories_note(lang: Lang) -> &'static str {
    pick(
        lang,
        "每项有两个以上期内实绩的目标：圆点为实绩，方块为期限时的目标值，细实线为从首个实绩直达目标的路径，虚线为最小二乘趋势延至期限。",
        "Each target with two or more figures in its period: dots are the reported figures, the square the target at its deadline, the thin line the straight path from the first figure to the target, the dashed line the least-squares trend to the deadline.",
    )
}

/// The names of a trajectory chart's marks, for its legend: figures,
/// target, straight path, trend.
pub(crate) fn trajectory_legend(lang: Lang) -> [&'static str; 4] {
    pick(
        lang,
        ["实绩", "目标", "直达路径", "趋势"],
        ["figures", "target", "straight path", "trend"],
    )
}

/// The accessible name of a trajectory chart: whose target, on what.
pub(crate) fn trajectory_chart_label(lang: Lang, jurisdiction: &str, metric: &str) -> String {
    match lang {
        Lang::Zh => format!("{jurisdiction}{metric}趋势图"),
        Lang::En => format!("Trajectory of {jurisdiction}: {metric}"),
    }
}

// The appendix.

/// The heading of the appendix.
pub(crate) fn appendix_heading(lang: Lang) -> &'static str {
    pick(lang, "附录　来源与原文", "Appendix: Sources and quotes")
}

/// The note under the heading of the appendix.
pub(crate) fn appendix_note(lang: Lang) -> &'static str {
    pick(
        lang,
        "以下按首次引用顺序列出本报告引用的全部来源及原文摘录。原文照录（含来源文本中的错字），数据按其含义录入。",
        "Every source cited, in order of first citation, with the verbatim quotes (typos of the source text kept; the data carries the meaning).",
    )
}

/// The note on a source cited only as the one other documents were read in.
pub(crate) fn read_in_note(lang: Lang) -> &'static str {
    pick(
        lang,
        "本报告所列部分文件经此来源转引。",
        "Documents above were read in this source.",
    )
}

/// The mark after the title of a draft.
pub(crate) fn draft_mark(lang: Lang) -> &'static str {
    pick(lang, "（征求意见稿）", " (draft)")
}

/// A source's status: `征求意见稿`, `正式发布`, or its name in English.
pub(crate) fn source_status(lang: Lang, status: Status) -> &'static str {
    match (status, lang) {
        (Status::Draft, Lang::Zh) => "征求意见稿",
        (Status::Final, Lang::Zh) => "正式发布",
        (s, Lang::En) => s.as_str(),
    }
}

/// The names of a source's fields in the appendix, in order: issuer,
/// document number, publication date, status, the source it was read in,
/// its address.
pub(crate) fn source_fields(lang: Lang) -> [&'static str; 6] {
    pick(
        lang,
        ["发布机构", "文号", "发布日期", "性质", "转引自", "链接"],
        [
            "Issuer",
            "Document no.",
            "Published",
            "Status",
            "Read in",
            "Link",
        ],
    )
}

/// The last part of a cited target's heading: its deadline.
pub(crate) fn cited_deadline(lang: Lang, deadline: Deadline) -> String {
    match lang {
        Lang::Zh => format!("期限 {}", partial_date(lang, deadline.date())),
        Lang::En => format!("by {deadline}"),
    }
}

/// The last part of a cited observation's heading: its date.
pub(crate) fn cited_as_of(lang: Lang, as_of: PartialDate) -> String {
    match lang {
        Lang::Zh => format!("数据日期 {}", partial_date(lang, as_of)),
        Lang::En => format!("as of {as_of} (reported)"),
    }
}

/// The link from a quote back to the table of targets.
pub(crate) fn back_to_table(lang: Lang) -> &'static str {
    pick(lang, "↩ 返回目标表", "↩ back to the table")
}

/// The words before a figure's data note.
pub(crate) fn data_note(lang: Lang) -> &'static str {
    pick(lang, "数据说明：", "Data note: ")
}
