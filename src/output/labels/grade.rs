//! The words of source grades, minimum grades and metric families.

use crate::model::{Grade, Lang};

use super::pick;

/// A grade's name: 官方 / official, 媒体 / press, 转载 / mirror,
/// 摘要 / summary.
pub(crate) fn grade(grade: Grade, lang: Lang) -> &'static str {
    match grade {
        Grade::Official => pick(lang, "官方", "official"),
        Grade::Press => pick(lang, "媒体", "press"),
        Grade::Mirror => pick(lang, "转载", "mirror"),
        Grade::Summary => pick(lang, "摘要", "summary"),
    }
}

/// The label of a source's grade in the HTML appendix.
pub(crate) fn heading(lang: Lang) -> &'static str {
    pick(lang, "来源等级", "Grade")
}

/// A grade a source is credited with through the source it was read in.
pub(crate) fn inherited(g: Grade, lang: Lang) -> String {
    let name = grade(g, lang);
    match lang {
        Lang::Zh => format!("{name}（取自转引来源）"),
        Lang::En => format!("{name} (that of the source it was read in)"),
    }
}

/// The line under an answer held to a minimum grade: how many targets it
/// left out.
pub(crate) fn left_out(min: Grade, count: usize, lang: Lang) -> String {
    let name = grade(min, lang);
    match lang {
        Lang::Zh => format!("来源等级低于“{name}”或未评级的目标已略去：{count} 个\n"),
        Lang::En => {
            let targets = if count == 1 { "target" } else { "targets" };
            format!(
                "left out: {count} {targets} whose source is graded below {name} or not graded\n"
            )
        }
    }
}

/// The line under a family ranking: the metrics ranked together.
pub(crate) fn family_line(names: &[&str], lang: Lang) -> String {
    match lang {
        Lang::Zh => format!("指标族：{}\n", names.join("、")),
        Lang::En => format!("metric family: {}\n", names.join(", ")),
    }
}

/// The heading of the metric column of a family ranking.
pub(crate) fn metric_heading(lang: Lang) -> &'static str {
    pick(lang, "指标", "metric")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_grade_has_two_distinct_names() {
        let zh: Vec<&str> = Grade::ALL.iter().map(|g| grade(*g, Lang::Zh)).collect();
        let en: Vec<&str> = Grade::ALL.iter().map(|g| grade(*g, Lang::En)).collect();
        assert_eq!(zh, ["官方", "媒体", "转载", "摘要"]);
        assert_eq!(en, ["official", "press", "mirror", "summary"]);
    }

    #[test]
    fn left_out_counts_in_both_languages() {
        assert_eq!(
            left_out(Grade::Press, 1, Lang::En),
            "left out: 1 target whose source is graded below press or not graded\n"
        );
        assert_eq!(
            left_out(Grade::Official, 3, Lang::Zh),
            "来源等级低于“官方”或未评级的目标已略去：3 个\n"
        );
    }
}
