//! Errors in Chinese, from their typed kinds: what a user asked that the
//! data cannot answer, and the mistakes of data files (placed by file, line
//! and field as in English). Free text that comes from elsewhere (the TOML
//! or CSV parser's words, the operating system's) is kept as it is.

use super::{dimension_label, level_label, reason, statistic_name_text};
use crate::engine::normalize::{GDP_METRIC, POPULATION_METRIC, Reason};
use crate::error::{
    Columns, Counted, DataProblem, Error, ErrorKind, Errors, Expected, IndexProblem, Position,
    ValueType,
};
use crate::model::{
    ArithmeticError, DimensionError, Lang, NumberProblem, Operation, ParseError, Precision, Problem,
};

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
        .or_else(|| computation(err.kind()))
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
        "weights" => "权重",
        "normalisation" => "折算方式",
        "statistic" => "统计量",
        "scaling" => "标准化方法",
        "aggregation" => "合成方法",
        "minimum coverage" => "最低覆盖率",
        other => other,
    }
}

/// A parse error's problem in Chinese; a problem of no common kind keeps
/// its English words.
/// What peers are written as, in Chinese.
const PEERS_EXPECTED_ZH: &str =
    "应为层级（nation、province、prefecture、county、group）或以逗号分隔的代码（320000,420000）";

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
        Problem::Alternatives(words) => match words.split_last() {
            Some((last, rest)) if !rest.is_empty() => {
                format!("应为 {} 或 {last}", rest.join("、"))
            }
            _ => format!("应为 {}", words.join("")),
        },
        Problem::Coverage => "应为 (0, 1] 之间的数（如0.5）或分数（如2/3）".to_owned(),
        Problem::WeightForm(part) => format!("应写成“指标=权重”，实为 {part:?}"),
        Problem::NotPositiveWeight { metric, found } => {
            format!("{metric} 的权重应为正数，实为 {found}")
        }
        Problem::WeightedTwice(metric) => format!("{metric} 的权重给了两次"),
        Problem::PerForm => "应为 none、capita、gdp、year 或其组合（如 capita,year）".to_owned(),
        Problem::CapitaWithGdp => "capita 与 gdp 不能同时使用：请选一个分母".to_owned(),
        Problem::Number(number) => number_zh(number),
        Problem::NumberForm(found) => {
            format!("应为数字（如1000或5.8万），实为 `{}`", found.escape_debug())
        }
        Problem::NoMagnitude(unit) => format!("{unit} 不能带万、亿等数量级"),
        Problem::NoMagnitudePrefix(unit) => format!("{unit} 不能带数量级前缀"),
        Problem::TooPrecise(unit) => format!("数值过大或位数过多，无法精确换算为 {unit}"),
        Problem::UnitForm => "应为单位，如个、TB、亿元或%".to_owned(),
        Problem::MagnitudeForm => "数量级前缀有误".to_owned(),
        Problem::PeriodForm => "应写成“起/止”，如 2025/2027 或 2025—2027".to_owned(),
        Problem::PeriodReversed => "止于起点之前".to_owned(),
        Problem::PeersForm => PEERS_EXPECTED_ZH.to_owned(),
        Problem::EmptyPeer => format!("逗号之间有空项；{PEERS_EXPECTED_ZH}"),
        Problem::NotAPeer(item) => {
            format!("“{item}”既不是层级，也不是地区代码；{PEERS_EXPECTED_ZH}")
        }
        Problem::StatisticForm => {
            "应为 leader、max、min、median、mean 或 p0–p100（如 p75）".to_owned()
        }
        Problem::NotCodeNorQuantity(problem) => {
            format!("既不是6位地区代码，也不是数量：{}", problem_zh(problem))
        }
        Problem::BenchmarkForm => "应为地区代码（320000，或群组代码）或名称（广西）、同级地区的统计量（median、p75 of province、max of 320000,420000）或数量（500个）".to_owned(),
        Problem::NotLastDay(precision) => format!("不是该{}的最后一天", precision_zh(*precision)),
        Problem::DayForm => "应为日期，如 2025-08-26".to_owned(),
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
        ErrorKind::Io(err) => io_zh(err),
        ErrorKind::Data(problem) => data_problem_zh(problem),
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
            "未知的键 `{key}`（应为以下之一：{}）{}",
            expected.replace(", ", "、"),
            suggestion
                .as_ref()
                .map_or(String::new(), |s| format!("；是否为 `{s}`？"))
        ),
        ErrorKind::MissingField(field) => format!("缺少字段 `{field}`"),
        ErrorKind::RequiredWith {
            field,
            with,
            expected,
        } => format!(
            "有 `{with}` 时必须有 `{field}`（可取 {}）",
            expected.replace(", ", "、")
        ),
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
        ErrorKind::ShareNotNormalised { metric_name, .. } => {
            format!("{metric_name}是比例（%），按原值比较，不作折算：请去掉 --per")
        }
        ErrorKind::NoTarget {
            name,
            metric_name,
            as_of,
            ..
        } => format!("{name}截至 {as_of} 无生效的{metric_name}目标"),
        ErrorKind::NoPeers {
            metric_name,
            statistic,
            ..
        } => format!(
            "没有其他同级地区设定{metric_name}目标，无法计算{}",
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
        ErrorKind::NormalisedOverflow { target } => {
            format!("目标“{target}”折算后的数值超出十进制数的范围")
        }
        ErrorKind::RequiredTargetOverflow => "所需目标超出十进制数的范围".to_owned(),
        _ => return None,
    })
}

/// What the operating system reported about a file, in the language
/// `lang`: in Chinese by the error's kind (a kind without a Chinese word
/// keeps the system's words after `读写错误`), in English as the system
/// says it.
///
/// ```
/// use policy_targets::Lang;
/// use policy_targets::output::io_error_label;
///
/// let err = std::io::Error::from(std::io::ErrorKind::PermissionDenied);
/// assert_eq!(io_error_label(&err, Lang::Zh), "没有读写权限");
/// assert_eq!(io_error_label(&err, Lang::En), err.to_string());
/// ```
pub fn io_error_label(err: &std::io::Error, lang: Lang) -> String {
    match lang {
        Lang::Zh => io_zh(err),
        Lang::En => err.to_string(),
    }
}

/// What the operating system reported, in Chinese by its kind; a kind
/// without a Chinese word keeps the system's words after `读写错误`.
fn io_zh(err: &std::io::Error) -> String {
    use std::io::ErrorKind as Io;
    let words = match err.kind() {
        Io::NotFound => "文件或文件夹不存在",
        Io::PermissionDenied => "没有读写权限",
        Io::NotADirectory => "不是文件夹",
        Io::IsADirectory => "是文件夹而不是文件",
        Io::AlreadyExists => "已经存在",
        Io::DirectoryNotEmpty => "文件夹不是空的",
        Io::ReadOnlyFilesystem => "文件系统只读",
        Io::StorageFull => "磁盘已满",
        Io::UnexpectedEof => "文件意外结束",
        Io::InvalidData => "数据无效",
        Io::Interrupted => "读写被中断",
        _ => return format!("读写错误（{err}）"),
    };
    words.to_owned()
}

/// A problem of a data folder, file or record in Chinese.
fn data_problem_zh(problem: &DataProblem) -> String {
    use DataProblem as P;
    match problem {
        P::NoDataFolder => "数据文件夹不存在".to_owned(),
        P::NotAFolder => {
            "不是文件夹：数据文件夹应包含 jurisdictions.toml、metrics.toml 和 sources/".to_owned()
        }
        P::BrokenLink => "链接指向的文件不存在：数据文件必须是可读的文件".to_owned(),
        P::FolderNotFile => "是文件夹而不是文件：数据文件必须是文件".to_owned(),
        P::NotRegularFile => "不是普通文件：数据文件必须是文件".to_owned(),
        P::Utf16 { big_endian } => format!(
            "文件是 UTF-16 编码（{}字节顺序标记）：数据文件必须是 UTF-8（请另存为 UTF-8）",
            if *big_endian { "大端" } else { "小端" }
        ),
        P::Binary { at } => format!(
            "第 {at} 字节是 NUL：这是二进制文件（或 UTF-16），不是 TOML 文本；数据文件必须是 UTF-8 文本"
        ),
        P::InvalidUtf8 { at } => format!(
            "{}不是有效的 UTF-8：数据文件必须是 UTF-8（GBK、GB18030 编码的文件请另存为 UTF-8）",
            at.map_or(String::new(), |at| format!("第 {at} 字节起"))
        ),
        P::RecordTooLong { mib } => {
            format!("一条记录超过 {mib} MiB：是否有引号（\"）未闭合？")
        }
        P::Toml { detail } => toml_zh(detail),
        P::DeepKey { max } => format!(
            "TOML 语法错误：键或表标题有 {} 段或更多（以点分隔；最多读取 {max} 段）",
            max + 1
        ),
        P::EmptyJurisdictions => {
            "文件为空：应有 [[jurisdiction]] 表（code、name_zh、name_en、level）".to_owned()
        }
        P::EmptyMetrics => {
            "文件为空：应有 [[metric]] 表（id、name_zh、name_en、dimension、polarity、basis）"
                .to_owned()
        }
        P::EmptySource => "文件为空：来源文件应有 [source] 表（id、title、issuer、published、status、force）及其 [[target]] 和 [[observation]] 条目".to_owned(),
        P::EmptyCsv { columns } => format!("文件为空：第一行应列出各列 {}", columns_zh(columns)),
        P::NoSuchDay(date) => format!("日历上没有这一天：{date}"),
        P::DateWithTime(date) => format!("应为不带时间的日期，实为 {date}"),
        P::NotDecimal {
            radix,
            written,
            decimal,
        } => format!(
            "{}整数 {written}：请写成十进制{}",
            match radix {
                16 => "十六进制",
                8 => "八进制",
                _ => "二进制",
            },
            decimal.map_or(String::new(), |v| format!("（{v}）"))
        ),
        other => data_problem_rest_zh(other),
    }
}

/// The problems of CSV tables and of the catalogue's checks in Chinese.
fn data_problem_rest_zh(problem: &DataProblem) -> String {
    use DataProblem as P;
    match problem {
        P::ColumnTwice(name) => format!("列 `{name}` 出现了两次"),
        P::UnknownColumn {
            name,
            expected,
            suggestion,
        } => format!(
            "未知列 `{name}`；应为以下之一：{}{}",
            expected.join("、"),
            suggestion.map_or(String::new(), |s| format!("（是否为 `{s}`？）"))
        ),
        P::MissingColumn { name, columns } => {
            format!("缺少列 `{name}`；各列为 {}", columns_zh(columns))
        }
        P::CellCount {
            expected,
            columns,
            found,
        } => format!(
            "应有 {expected} 个单元格（{columns}），实有 {found} 个：{}",
            if found < expected {
                "缺少单元格"
            } else {
                "多出单元格"
            }
        ),
        P::RowIdTaken(id) => format!("重复的实绩“{id}”：此行得到的标识已在 TOML 文件中使用"),
        P::PeriodStartsLate { start, deadline } => {
            format!("规划期的起点（{start}）晚于期限（{deadline}）")
        }
        P::PeriodAfterDeadline { period, deadline } => {
            format!("规划期 {period} 的起点晚于期限 {deadline}")
        }
        P::MembersNotGroup { code, level } => format!(
            "只有群组（group）才有成员（members），而 {code} 是{}",
            level_label(*level, Lang::Zh)
        ),
        P::PrefectureParent { code, name, level } => format!(
            "地级地区的上级必须是省级地区，而 {code}（{name}）是{}",
            level_label(*level, Lang::Zh)
        ),
        P::ParentCycle(chain) => format!("上级关系成环：{chain}"),
        P::BroaderCycle(chain) => format!("上位指标关系成环：{chain}"),
        P::BroaderDimension {
            broader,
            broader_dimension,
            metric,
            dimension,
        } => format!(
            "上位指标“{broader}”计量的是{}，而“{metric}”计量的是{}：指标与其上位指标应计量同一类事物",
            dimension_label(*broader_dimension, Lang::Zh),
            dimension_label(*dimension, Lang::Zh)
        ),
        P::SourceNamesItself { id, key } => format!("来源“{id}”不能在 `{key}` 中指向自己"),
        P::ObservationRange => "实绩的比较方式表示一个界限：应为 at_least、more_than、at_most、less_than 或 exactly，不能是 range".to_owned(),
        P::RangeWithoutUpper => "区间（range）需要上限（`upper`）".to_owned(),
        P::RangeReversed { lower, upper } => {
            format!("区间下限 {lower} 大于上限 {upper}")
        }
        P::UpperWithoutRange(comparator) => {
            format!("`upper` 只用于比较方式 \"range\"，不用于 \"{comparator}\"")
        }
        P::DeadlineBeforePublication {
            deadline,
            source_id,
            published,
        } => format!("期限 {deadline} 早于来源“{source_id}”的发布日期（{published}）"),
        P::MoreProblems { more, listed } => {
            format!("……此文件另有 {more} 个问题（只列出前 {listed} 个）")
        }
        P::CanonicalMismatch {
            found,
            quantity,
            expected,
        } => format!("标准值 {found} 与 {quantity} 不符（应为 {expected}）"),
        other => other.to_string(),
    }
}

/// The TOML parser's description of a syntax error in Chinese: `TOML
/// 语法错误：` and the description and what was expected, translated where
/// every part has a translation, else the parser's own words.
fn toml_zh(detail: &str) -> String {
    let (description, expected) = match detail.split_once(", expected ") {
        Some((d, e)) => (d, Some(e)),
        None => (detail, None),
    };
    let translated = toml_description_zh(description).and_then(|d| match expected {
        None => Some(d.to_owned()),
        Some(list) => list
            .split(", ")
            .map(toml_expected_zh)
            .collect::<Option<Vec<_>>>()
            .map(|items| format!("{d}，应为{}", items.join("或"))),
    });
    format!(
        "TOML 语法错误：{}",
        translated.unwrap_or_else(|| detail.to_owned())
    )
}

/// A description of the TOML parser in Chinese, where this table has it.
fn toml_description_zh(description: &str) -> Option<&'static str> {
    Some(match description {
        "key with no value" => "键没有值",
        "duplicate key" => "键重复",
        "invalid basic string" => "双引号字符串无效",
        "invalid literal string" => "单引号字符串无效",
        "invalid multi-line basic string" => "多行双引号字符串无效",
        "invalid multi-line literal string" => "多行单引号字符串无效",
        "invalid string" => "字符串无效",
        "invalid boolean" => "布尔值无效",
        "invalid date-time" => "日期时间无效",
        "invalid date" => "日期无效",
        "invalid time" => "时间无效",
        "invalid float" => "浮点数无效",
        "invalid integer number" => "整数无效",
        "invalid hexadecimal number" => "十六进制数无效",
        "invalid octal number" => "八进制数无效",
        "invalid binary number" => "二进制数无效",
        "invalid exponent" => "指数部分无效",
        "invalid fraction" => "小数部分无效",
        "invalid mantissa" => "尾数无效",
        "invalid value" => "值无效",
        "invalid key-value pair" => "键值对无效",
        "invalid unquoted key" => "不加引号的键无效",
        "unquoted keys cannot be empty" => "不加引号的键不能为空",
        "unclosed array table" => "表数组的标题未闭合",
        "unclosed table" => "表标题未闭合",
        "unclosed inline table" => "内联表未闭合",
        "unclosed array" => "数组未闭合",
        "string values must be quoted" => "字符串值必须加引号",
        "missing opening quote" => "缺少开头的引号",
        "missing comma between array elements" => "数组元素之间缺少逗号",
        "missing assignment between key-value pairs" => "键与值之间缺少等号",
        "missing comma between key-value pairs" => "键值对之间缺少逗号",
        "missing value" => "缺少值",
        "missing value for key" => "键缺少值",
        "missing key for inline table element" => "内联表的元素缺少键",
        "missing escaped value" => "反斜杠后缺少转义字符",
        "too few unicode value digits" => "Unicode 转义的位数不足",
        "unexpected key or value" => "此处不应有键或值",
        "unexpected content" => "此处不应有内容",
        "carriage return must be followed by newline" => "回车符后必须紧跟换行符",
        "unexpected leading zero" => "数字不能以0开头",
        "redundant numeric sign" => "多余的正负号",
        "unexpected sign" => "此处不应有正负号",
        "integers with a radix cannot be signed" => "带进制前缀的整数不能有正负号",
        "radix must be lowercase" => "进制前缀必须小写",
        _ => return None,
    })
}

/// One thing the TOML parser expected, in Chinese: a literal (`` `=` ``)
/// as it is, a description where this table has it.
fn toml_expected_zh(item: &str) -> Option<String> {
    if item.starts_with('`') {
        return Some(item.to_owned());
    }
    let words = match item {
        "key" => "键",
        "value" => "值",
        "nothing" => "无内容",
        "literal string" => "单引号字符串",
        "basic string" => "双引号字符串",
        "multi-line basic string" => "多行双引号字符串",
        "numbers" | "digits" => "数字",
        "letters" => "字母",
        "characters" => "字符",
        "printable characters" => "可打印字符",
        "non-double-quote visible characters" => "双引号以外的可见字符",
        "non-single-quote characters" => "单引号以外的字符",
        "non-single-quote visible characters" => "单引号以外的可见字符",
        "unicode hexadecimal value" => "Unicode 十六进制值",
        _ => return between_zh(item),
    };
    Some(words.to_owned())
}

/// `day between 01 and 28` (a date's part out of range) in Chinese.
fn between_zh(item: &str) -> Option<String> {
    let (part, range) = item.split_once(" between ")?;
    let (low, high) = range.split_once(" and ")?;
    let part = match part {
        "year" => "年份",
        "month" => "月份",
        "day" => "日",
        "hour" => "小时",
        "minute" => "分钟",
        "second" => "秒",
        _ => return None,
    };
    Some(format!("{low}至{high}之间的{part}"))
}

/// Why a number does not read, in Chinese.
fn number_zh(problem: &NumberProblem) -> String {
    match problem {
        NumberProblem::Nothing => "应为数字，实为空".to_owned(),
        NumberProblem::NotANumber(c) => format!("应为数字，实为 {c:?}"),
        NumberProblem::Grouping => "千位分隔符应每三位一组".to_owned(),
        NumberProblem::AfterPoint => "小数点后应有数字".to_owned(),
        NumberProblem::NoDigits => "应有数字".to_owned(),
        NumberProblem::TooManyDigits => "位数过多，无法精确表示（最多28位）".to_owned(),
        NumberProblem::Magnitude => {
            "数量级有误（应为十、百、千、万、亿或其组合，如百亿）".to_owned()
        }
        NumberProblem::TooLarge => "数字过大".to_owned(),
        NumberProblem::OutOfOrder(c) => format!("中文数字有误：{c:?} 的位置不对"),
    }
}

/// The columns of a CSV table in Chinese: `a,b,c（可选 d）`.
fn columns_zh(columns: &Columns) -> String {
    let mut text = columns.required.join(",");
    if !columns.optional.is_empty() {
        text.push_str(&format!("（可选 {}）", columns.optional.join("、")));
    }
    text
}

/// The Chinese sentence of an error of arithmetic, of an index's options
/// or of a synthetic folder's size, where it has one.
fn computation(kind: &ErrorKind) -> Option<String> {
    Some(match kind {
        ErrorKind::Dimension(err) => dimension_zh(err),
        ErrorKind::Arithmetic(ArithmeticError::Dimension(err)) => dimension_zh(err),
        ErrorKind::Arithmetic(ArithmeticError::Overflow { op, left, right }) => {
            format!(
                "{left} 与 {right} {}的结果超出十进制数的范围",
                operation_zh(*op)
            )
        }
        ErrorKind::IndexQuery { option, problem } => {
            format!("{option}：{}", index_problem_zh(problem))
        }
        ErrorKind::SizeOutOfRange { what, max } => format!(
            "{}应在 1 至 {max} 之间",
            match what {
                Counted::Jurisdictions => "地区数",
                Counted::Metrics => "指标数",
                Counted::Months => "月数",
            }
        ),
        _ => return None,
    })
}

/// `年`, `月` or `日`.
fn precision_zh(precision: Precision) -> &'static str {
    match precision {
        Precision::Year => "年",
        Precision::Month => "月",
        Precision::Day => "日",
    }
}

/// `比较`, `相加` or `相减`.
fn operation_zh(op: Operation) -> &'static str {
    match op {
        Operation::Compare => "比较",
        Operation::Add => "相加",
        Operation::Subtract => "相减",
    }
}

/// Two quantities of different dimensions, in Chinese.
fn dimension_zh(err: &DimensionError) -> String {
    format!(
        "{}（{}）与 {}（{}）的量纲不同，无法{}",
        err.left,
        dimension_label(err.left_dimension, Lang::Zh),
        err.right,
        dimension_label(err.right_dimension, Lang::Zh),
        operation_zh(err.op)
    )
}

/// What is wrong with an index's option, in Chinese.
fn index_problem_zh(problem: &IndexProblem) -> String {
    match problem {
        IndexProblem::UnknownMetric(kind) => chinese(kind).unwrap_or_else(|| kind.to_string()),
        IndexProblem::ScalingOverflow { scaling, metric } => {
            format!("第{metric}个指标按 {scaling} 标准化后超出十进制数的范围")
        }
        IndexProblem::ScoreOverflow { code } => format!("{code} 的得分超出十进制数的范围"),
    }
}
