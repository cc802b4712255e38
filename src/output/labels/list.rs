//! The words of `targets list`: column headings, titles and summaries.

use crate::model::Lang;
use crate::output::list::Kind;

use super::pick;

/// The heading of a listing's column, by its JSON and CSV name.
pub(crate) fn heading(column: &str, lang: Lang) -> &'static str {
    let (zh, en) = match column {
        "id" => ("代码", "id"),
        "code" => ("代码", "code"),
        "name_zh" | "name_en" => ("名称", "name"),
        "dimension" => ("量纲", "dimension"),
        "broader" => ("上位指标", "broader"),
        "targets" => ("目标数", "targets"),
        "observations" => ("实绩数", "observations"),
        "level" => ("级别", "level"),
        "parent" => ("上级", "parent"),
        "title" => ("标题", "title"),
        "issuer" => ("发布机构", "issuer"),
        "published" => ("发布日期", "published"),
        "grade" => ("来源等级", "grade"),
        "via" => ("转引自", "read in"),
        "url" => ("链接", "url"),
        "metrics" => ("指标", "metrics"),
        _ => ("", ""),
    };
    pick(lang, zh, en)
}

/// What separates the items of a list cell in a text table.
pub(crate) fn list_separator(lang: Lang) -> &'static str {
    pick(lang, "、", ", ")
}

/// The title of a listing's Markdown document.
pub(crate) fn title(kind: Kind, lang: Lang) -> &'static str {
    match kind {
        Kind::Metrics => pick(lang, "数据中的指标", "Metrics of the data"),
        Kind::Jurisdictions => pick(lang, "数据中的地区", "Jurisdictions of the data"),
        Kind::Sources => pick(lang, "数据来源", "Sources of the data"),
    }
}

/// The sentence under the title naming the command that writes the
/// document.
pub(crate) fn generated_by(kind: Kind, lang: Lang) -> String {
    let command = format!("targets list {kind} --format markdown --lang {lang}");
    match lang {
        Lang::Zh => format!("本文件由 `{command}` 根据数据生成，请勿手工编辑。"),
        Lang::En => format!("Generated from the data by `{command}`; do not edit by hand."),
    }
}

/// The sentence counting the records of a listing and, for sources, how
/// many have each grade (`(name, count)` strongest first) and how many none.
pub(crate) fn summary(
    kind: Kind,
    count: usize,
    by_grade: Option<&(Vec<(&str, usize)>, usize)>,
    lang: Lang,
) -> String {
    let what = match (kind, lang) {
        (Kind::Metrics, Lang::Zh) => "个指标",
        (Kind::Jurisdictions, Lang::Zh) => "个地区",
        (Kind::Sources, Lang::Zh) => "个来源",
        (Kind::Metrics, Lang::En) => {
            if count == 1 {
                " metric"
            } else {
                " metrics"
            }
        }
        (Kind::Jurisdictions, Lang::En) => {
            if count == 1 {
                " jurisdiction"
            } else {
                " jurisdictions"
            }
        }
        (Kind::Sources, Lang::En) => {
            if count == 1 {
                " source"
            } else {
                " sources"
            }
        }
    };
    let Some((graded, none)) = by_grade else {
        return match lang {
            Lang::Zh => format!("共 {count}{what}。"),
            Lang::En => format!("{count}{what}."),
        };
    };
    let mut parts: Vec<String> = graded
        .iter()
        .filter(|(_, n)| *n > 0)
        .map(|(name, n)| match lang {
            Lang::Zh => format!("{name} {n} 个"),
            Lang::En => format!("{n} {name}"),
        })
        .collect();
    if *none > 0 {
        parts.push(match lang {
            Lang::Zh => format!("未评级 {none} 个"),
            Lang::En => format!("{none} without a grade"),
        });
    }
    match lang {
        Lang::Zh => format!("共 {count}{what}：{}。", parts.join("，")),
        Lang::En => format!("{count}{what}: {}.", parts.join(", ")),
    }
}

/// The words after the count of jurisdictions: how many of each level
/// (`(name, count)` in the order of the levels).
pub(crate) fn by_level(levels: &[(&str, usize)], lang: Lang) -> String {
    if levels.is_empty() {
        return String::new();
    }
    let parts: Vec<String> = levels
        .iter()
        .map(|(name, n)| format!("{name} {n}"))
        .collect();
    match lang {
        Lang::Zh => format!("按级别：{}。", parts.join("，")),
        Lang::En => format!(" By level: {}.", parts.join(", ")),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn summaries_count_grades_in_both_languages() {
        let grades = (
            vec![("official", 2), ("press", 0), ("mirror", 1), ("summary", 0)],
            3,
        );
        assert_eq!(
            summary(Kind::Sources, 6, Some(&grades), Lang::En),
            "6 sources: 2 official, 1 mirror, 3 without a grade."
        );
        let grades = (vec![("官方", 1), ("媒体", 0), ("转载", 0), ("摘要", 0)], 0);
        assert_eq!(
            summary(Kind::Sources, 1, Some(&grades), Lang::Zh),
            "共 1个来源：官方 1 个。"
        );
        assert_eq!(summary(Kind::Metrics, 1, None, Lang::En), "1 metric.");
    }
}
