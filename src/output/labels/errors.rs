//! The questions' errors in Chinese: what a user asked that the data cannot
//! answer, said in the language of `--lang`. Errors of the data files
//! (placed by file, line and field) and other errors keep their English
//! message.

use super::{reason, statistic_name_text};
use crate::engine::normalize::{GDP_METRIC, POPULATION_METRIC, Reason};
use crate::error::{Error, ErrorKind};
use crate::model::Lang;

/// `err` for people, in `lang`: the English message, or in Chinese the
/// sentence of a question's error (an unknown name, no target, no peers, no
/// denominator, …); an error of another kind keeps its English message.
///
/// ```
/// use policy_targets::{Catalog, Lang, output::error_message};
///
/// let catalog = Catalog::bundled()?;
/// let err = catalog.resolve_jurisdiction("广西省").unwrap_err();
/// assert!(error_message(&err, Lang::Zh).starts_with("未知地区“广西省”（是否为“广西壮族自治区”？）"));
/// assert!(error_message(&err, Lang::En).starts_with("unknown jurisdiction \"广西省\""));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub fn error_message(err: &Error, lang: Lang) -> String {
    if lang == Lang::En || err.position().is_some() {
        return err.to_string();
    }
    chinese(err.kind()).unwrap_or_else(|| err.to_string())
}

/// ` （是否为“X”？）` for a suggestion, or nothing.
fn did_you_mean(suggestion: Option<&str>) -> String {
    suggestion.map_or(String::new(), |s| format!("（是否为“{s}”？）"))
}

/// A denominator metric's Chinese name.
fn denominator(metric: &str) -> &str {
    match metric {
        POPULATION_METRIC => "常住人口",
        GDP_METRIC => "地区生产总值",
        other => other,
    }
}

/// The Chinese sentence of a question's error, where it has one.
fn chinese(kind: &ErrorKind) -> Option<String> {
    Some(match kind {
        ErrorKind::UnknownMetric {
            name,
            suggestion,
            known,
        } => format!(
            "未知指标“{name}”{}；应为指标目录中的标识或名称{}",
            did_you_mean(suggestion.as_deref()),
            if known.len() <= crate::error::LISTED_METRICS {
                format!("：{}", known.join("、"))
            } else {
                format!("（`targets list metrics` 列出全部 {} 项）", known.len())
            }
        ),
        ErrorKind::UnknownJurisdiction { name, suggestion } => format!(
            "未知地区“{name}”{}；应为地区代码（如450000）或名称（如广西、Guangxi）",
            did_you_mean(suggestion.as_deref())
        ),
        ErrorKind::SameSubjectAndBenchmark { name } => {
            format!("{name}既是对象又是对标：请指定另一个地区或统计量作对标")
        }
        ErrorKind::ShareNotNormalised { metric, .. } => {
            format!("{metric}是比例（%），按原值比较，不作折算：请去掉 --per")
        }
        ErrorKind::NoTarget {
            name,
            metric,
            as_of,
            ..
        } => format!("{name}截至 {as_of} 无生效的{metric}目标"),
        ErrorKind::NoPeers {
            metric, statistic, ..
        } => format!(
            "没有其他同级地区设定{metric}目标，无法计算{}",
            statistic_name_text(statistic)
        ),
        ErrorKind::TooFewPeers {
            statistic,
            peers,
            fewest,
        } => format!(
            "仅{peers}个地区设定该指标目标（不足{fewest}个），不提供{}",
            statistic_name_text(statistic)
        ),
        ErrorKind::NoDenominator {
            name,
            metric,
            as_of,
            ..
        } => format!(
            "{name}{}",
            reason(
                &Reason::NoDenominator {
                    metric: metric.clone(),
                    as_of: *as_of,
                },
                Lang::Zh
            )
        ),
        ErrorKind::BenchmarkNoDenominator {
            jurisdiction,
            metric,
            as_of,
        } => format!(
            "对标地区 {jurisdiction} 在 {as_of} 前无{}数据，无法折算",
            denominator(metric.as_str())
        ),
        ErrorKind::NoPlanLength { name } => {
            format!("{name}无目标，规划年限未知：请以某一地区为对标，或不按规划年折算")
        }
        _ => return None,
    })
}
