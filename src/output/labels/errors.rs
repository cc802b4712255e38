//! Errors in Chinese, from their typed kinds: what a user asked that the
//! data cannot answer, and the mistakes of data files (placed by file, line
//! and field as in English). Free text that comes from elsewhere (the TOML
//! or CSV parser's words, the operating system's) is kept as it is.

use super::{dimension_label, reason, statistic_name_text};
use crate::engine::normalize::{GDP_METRIC, POPULATION_METRIC, Reason};
use crate::error::{Error, ErrorKind, Errors, Expected, Position, ValueType};
use crate::model::{Lang, ParseError, Problem};

/// `err` for people, in `lang`: the English message, or the Chinese one,
/// after the error's position (`file:line:column: field: `) where it has
/// one. The kinds of a question (an unknown name, no target, no peers, no
/// denominator, …) and of a data file (a value that does not parse, a
/// missing field, an unknown key or reference, a duplicate, a unit of
/// another dimension, …) are said in Chinese; an error of another kind
/// keeps its English message.
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
///
/// ```
/// use policy_targets::{Catalog, Lang, output::error_message};
///
/// let errors = Catalog::load("tests/fixtures/bad/unknown_metric").unwrap_err();
/// let err = &errors.as_slice()[0];
/// assert!(error_message(err, Lang::Zh).ends_with(
///     ".toml:13:10: metric: 未知指标“high_quality_dataset”（是否为“high_quality_datasets”？）"
/// ));
/// assert!(error_message(err, Lang::En).ends_with(
///     r#": metric: unknown metric "high_quality_dataset" (did you mean "high_quality_datasets"?)"#
/// ));
/// ```
pub fn error_message(err: &Error, lang: Lang) -> String {
    if lang == Lang::En {
        return err.to_string();
    }
    let message = chinese(err.kind())
        .or_else(|| data_file(err.kind()))
        .unwrap_or_else(|| err.kind().to_string());
    match err.position() {
        Some(position) if *position != Position::default() => format!("{position}: {message}"),
        _ => message,
    }
}

/// Every problem of a load in `lang`, one a line, then their count (`共发现
/// 2 个问题` / `2 problems found`).
///
/// ```
/// use policy_targets::{Catalog, Lang, output::errors_message};
///
/// let errors = Catalog::load("tests/fixtures/bad/several_mistakes").unwrap_err();
/// assert!(errors_message(&errors, Lang::Zh).ends_with("\n共发现 6 个问题"));
/// assert!(errors_message(&errors, Lang::En).ends_with("\n6 problems found"));
/// ```
pub fn errors_message(errors: &Errors, lang: Lang) -> String {
    let mut out = String::new();
    for err in errors {
        out.push_str(&error_message(err, lang));
        out.push('\n');
    }
    let n = errors.len();
    out.push_str(&match (lang, n) {
        (Lang::Zh, _) => format!("共发现 {n} 个问题"),
        (Lang::En, 1) => "1 problem found".to_owned(),
        (Lang::En, _) => format!("{n} problems found"),
    });
    out
}

/// What a parse error or a reference names, in Chinese (`地区代码`, `指标`);
/// a name this table does not have stays as it is.
fn what_zh(what: &str) -> &str {
    match what {
        "quantity" => "数值",
        "unit" => "单位",
        "date" => "日期",
        "deadline" => "期限",
        "period" => "规划期",
        "precision" => "精度",
        "jurisdiction code" => "地区代码",
        "jurisdiction" => "地区",
        "metric" => "指标",
        "source" => "来源",
        "target" => "目标",
        "observation" => "实绩",
        "level" => "级别",
        "comparator" => "比较方式",
        "dimension" => "量纲",
        "id" => "标识",
        "status" => "状态",
        "force" => "效力",
        "grade" => "来源等级",
        "polarity" => "方向",
        "basis" => "口径",
        "trend" => "趋势",
        "language" => "语言",
        "benchmark" => "对标",
        "peers" => "同级地区",
        other => other,
    }
}

/// A parse error's problem in Chinese; a problem of no common kind keeps
/// its English words.
fn problem_zh(problem: &Problem) -> String {
    match problem {
        Problem::OneOf(words) => format!("应为以下之一：{}", words.join("、")),
        Problem::SnakeCase => {
            "应为 snake_case 标识（a-z、0-9 和 _，以字母或数字开头，不超过128字节）".to_owned()
        }
        Problem::CharInId(c) => format!("snake_case 标识中不能有 {c:?}（只能用 a-z、0-9 和 _）"),
        Problem::DivisionCode => "应为6位行政区划代码（如320000）或 snake_case 群组代码".to_owned(),
        Problem::NameForCode { name, full, code } => {
            format!("这里应写代码而不是名称：{name}即{full}（请写“{code}”）")
        }
        Problem::DateForm => "应为 YYYY、YYYY-MM 或 YYYY-MM-DD".to_owned(),
        Problem::YearRange => "年份应在1000至9999之间".to_owned(),
        Problem::MonthRange => "月份应在01至12之间".to_owned(),
        Problem::NoSuchDay => "日历上没有这一天".to_owned(),
        Problem::Bits { bits, bytes } => {
            format!("{bits} 是比特单位而非字节单位：是否为 {bytes}？（数据量单位区分大小写）")
        }
        Problem::NotAUnit => {
            "不是已知单位（应为个、家、项、TB、PB、元、亿元、人、万人、%、PFLOPS 等）".to_owned()
        }
        Problem::UnknownUnit(unit) => format!("未知单位“{unit}”"),
        Problem::UnknownJurisdiction(name) => format!("未知地区“{name}”"),
        Problem::NotABenchmark => {
            "既不是地区（代码或名称）、统计量（max、min、median、mean、p75），也不是数量（如500个）"
                .to_owned()
        }
        Problem::MissingUnit => "缺少单位（如个、TB、亿元、人、%）".to_owned(),
        Problem::UnitTwice => "数值已带单位，又另给了 unit".to_owned(),
        other => other.to_string(),
    }
}

/// A TOML value's type in Chinese.
fn value_type_zh(found: ValueType) -> &'static str {
    match found {
        ValueType::String => "字符串",
        ValueType::Integer => "整数",
        ValueType::Float => "浮点数",
        ValueType::Boolean => "布尔值",
        ValueType::DateTime => "日期时间",
        ValueType::Array => "数组",
        ValueType::Table => "表",
    }
}

/// What a field takes, in Chinese.
fn expected_zh(expected: Expected) -> String {
    match expected {
        Expected::String => "字符串".to_owned(),
        Expected::Strings => "字符串数组".to_owned(),
        Expected::Date => "日期（2025-02-27）、年份（2027）或字符串（\"2025-06\"）".to_owned(),
        Expected::Number => "十进制整数或字符串（如 \"5.8万\"、\"3000TB\"）".to_owned(),
        Expected::SourceTable => "表（[source]）".to_owned(),
        Expected::Baseline => "表，如 { value = 120, unit = \"个\", as_of = 2024 }".to_owned(),
        Expected::Tables(kind) => format!("表数组（[[{kind}]]）"),
    }
}

/// A parse error in Chinese: `无效的地区代码“苏州”：…`.
fn parse_zh(err: &ParseError) -> String {
    format!(
        "无效的{}“{}”：{}",
        what_zh(err.what()),
        err.input(),
        problem_zh(err.kind())
    )
}

/// The Chinese sentence of a data file's error, where it has one.
fn data_file(kind: &ErrorKind) -> Option<String> {
    Some(match kind {
        ErrorKind::Parse(err) => parse_zh(err),
        ErrorKind::Syntax(message) => format!("语法错误：{message}"),
        ErrorKind::Type { expected, found } => {
            format!(
                "应为{}，实为{}",
                expected_zh(*expected),
                value_type_zh(*found)
            )
        }
        ErrorKind::Float(text) => format!(
            "应为整数或字符串，却是浮点数 {text}：TOML 浮点数以二进制存储，会丢失位数，请写成字符串（\"{text}\"）"
        ),
        ErrorKind::UnknownKey {
            key,
            expected,
            suggestion,
        } => format!(
            "未知的键 `{key}`（应为以下之一：{expected}）{}",
            suggestion
                .as_ref()
                .map_or(String::new(), |s| format!("；是否为 `{s}`？"))
        ),
        ErrorKind::MissingField(field) => format!("缺少字段 `{field}`"),
        ErrorKind::RequiredWith {
            field,
            with,
            expected,
        } => format!("有 `{with}` 时必须有 `{field}`（可取 {expected}）"),
        ErrorKind::UnknownReference {
            what,
            id,
            suggestion,
        } => format!(
            "未知{}“{id}”{}",
            what_zh(what),
            did_you_mean(suggestion.as_deref())
        ),
        ErrorKind::Duplicate { what, id, first } => {
            format!("重复的{}“{id}”，首次定义于 {first}", what_zh(what))
        }
        ErrorKind::WrongDimension {
            unit,
            found,
            metric,
            expected,
        } => format!(
            "单位 {unit} 计量的是{}，而指标“{metric}”计量的是{}",
            dimension_label(*found, Lang::Zh),
            dimension_label(*expected, Lang::Zh)
        ),
        ErrorKind::Negative {
            quantity,
            dimension,
        } => format!(
            "负值 {quantity}：{}不能小于零",
            dimension_label(*dimension, Lang::Zh)
        ),
        _ => return None,
    })
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
        ErrorKind::TooFewIndexMetrics {
            with_values,
            metrics,
            level,
        } => format!(
            "metrics：{}{metrics}个指标中只有{with_values}个有数值，综合指数至少需要2个",
            level.map_or(String::new(), |l| format!("在{}层面，", super::level_zh(l)))
        ),
        ErrorKind::IndexMetricTwice { metric } => format!("metrics：{metric} 重复列出"),
        ErrorKind::WeightNotInIndex { metric, listed } => {
            format!("weights：{metric} 不是该综合指数的指标（{listed}）")
        }
        ErrorKind::NoPlanLength { name } => {
            format!("{name}无目标，规划年限未知：请以某一地区为对标，或不按规划年折算")
        }
        _ => return None,
    })
}
