//! The data package's titles in Chinese and English: of the package and
//! of every field of its tables.

use super::pick;
use crate::model::Lang;

/// A table of the data package.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Resource {
    /// `records.csv`: targets and observations.
    Records,
    /// `jurisdictions.csv`.
    Jurisdictions,
    /// `metrics.csv`.
    Metrics,
    /// `sources.csv`.
    Sources,
}

/// The title of the package: `政策量化目标` or `Quantitative policy targets`.
pub(crate) fn package_title(lang: Lang) -> &'static str {
    pick(lang, "政策量化目标", "Quantitative policy targets")
}

/// The title of the field named `field` of `resource` (`主体代码` or
/// `Jurisdiction code`); `None` for a field the package does not have.
pub(crate) fn field_title(lang: Lang, resource: Resource, field: &str) -> Option<&'static str> {
    field_titles(resource, field).map(|(zh, en)| pick(lang, zh, en))
}

/// The Chinese and English titles of the field named `field` of `resource`.
fn field_titles(resource: Resource, field: &str) -> Option<(&'static str, &'static str)> {
    Some(match (resource, field) {
        (Resource::Records, "id") => ("编号", "Id"),
        (Resource::Jurisdictions, "aliases") => ("简称", "Aliases"),
        (Resource::Metrics, "id") => ("代码", "Id"),
        (Resource::Metrics, "aliases") => ("别名", "Aliases"),
        (Resource::Sources, "id") => ("代码", "Id"),
        (_, "record") => ("记录类型", "Record"),
        (_, "jurisdiction") => ("主体代码", "Jurisdiction code"),
        (_, "jurisdiction_name_zh") => ("主体", "Jurisdiction (Chinese)"),
        (_, "jurisdiction_name_en") => ("主体（英文）", "Jurisdiction (English)"),
        (_, "level") => ("级别", "Level"),
        (_, "metric") => ("指标代码", "Metric"),
        (_, "metric_name_zh") => ("指标", "Metric (Chinese)"),
        (_, "comparator") => ("比较关系", "Comparator"),
        (_, "value") => ("原文数值", "Value as written"),
        (_, "unit") => ("原文单位", "Unit as written"),
        (_, "canonical_value") => ("标准值", "Canonical value"),
        (_, "canonical_unit") => ("标准单位", "Canonical unit"),
        (_, "deadline") => ("期限", "Deadline"),
        (_, "period_start") => ("起始日", "Period start"),
        (_, "as_of") => ("数据日期", "As of"),
        (_, "source") => ("来源代码", "Source"),
        (_, "source_title") => ("来源标题", "Source title"),
        (_, "issuer") => ("发布机构", "Issuer"),
        (_, "published") => ("发布日期", "Published"),
        (_, "quote") => ("原文", "Quote"),
        (_, "upper") => ("上限", "Upper bound"),
        (_, "note") => ("备注", "Note"),
        (_, "code") => ("代码", "Code"),
        (_, "name_zh") => ("名称", "Name (Chinese)"),
        (_, "name_en") => ("英文名称", "Name (English)"),
        (_, "parent") => ("上级", "Parent"),
        (_, "members") => ("成员", "Members"),
        (_, "dimension") => ("量纲", "Dimension"),
        (_, "polarity") => ("方向", "Polarity"),
        (_, "basis") => ("口径", "Basis"),
        (_, "title") => ("标题", "Title"),
        (_, "doc_number") => ("文号", "Document number"),
        (_, "status") => ("状态", "Status"),
        (_, "force") => ("效力", "Legal force"),
        (_, "period") => ("规划期", "Plan period"),
        (_, "url") => ("链接", "URL"),
        (_, "via") => ("转引自", "Read in"),
        (_, "supersedes") => ("取代", "Supersedes"),
        (_, "grade") => ("来源等级", "Grade"),
        (_, "source_grade") => ("来源等级", "Source grade"),
        (_, "broader") => ("上位指标", "Broader metric"),
        _ => return None,
    })
}
