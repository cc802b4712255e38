//! The reasons of an extracted candidate's confidence in Chinese, keyed by
//! the typed [`Reason`] (its English text is its `Display`).

use crate::extract::{Comment, DateFrom, Field, Incomplete, Reason};

use super::comparator_label;
use crate::Lang;

/// The reason in Chinese.
///
/// ```
/// use policy_targets::extract::Reason;
/// use policy_targets::output::labels::reason_label_zh;
///
/// assert_eq!(reason_label_zh(&Reason::NoMetric), "未识别出指标");
/// assert_eq!(
///     reason_label_zh(&Reason::GrowthRate("增长".to_owned())),
///     "增速（增长），不是达到的水平"
/// );
/// ```
pub fn reason_label_zh(reason: &Reason) -> String {
    use Reason as R;
    let fixed = match reason {
        R::MetricNotInCatalogue => "指标不在目录中（数字旁的词语指明了一个指标）",
        R::NoMetric => "未识别出指标",
        R::MetricInPrecedingClause => "指标见于前一分句",
        R::PartOfFigureBefore => "“其中”引出前一数字的一部分",
        R::CountOfBodies => "参与或发文单位的数量，不是目标",
        R::CountOfMeasures => "文件中措施的数量，不是目标",
        R::Layout => "“1+N”之类布局的一部分，不是目标",
        R::DescribesWhose => "说明其后数字归属（N个…的），不是目标",
        R::Scope => "涵盖的行业或领域数量，不是目标",
        R::Rate => "人均或地均比率，不是总量",
        R::Rank => "排名（前N名），不是数量",
        R::MajorCount => "写作“N大”的数量，补足单位“个”",
        R::YuanSupplied => "金额在“万”或“亿”后省略了“元”，按元读取",
        R::ComputeUnitSupplied => "算力数字后的P或E按PFLOPS或EFLOPS读取",
        R::InHeading => "数字位于标题中",
        R::Transactions => "交易笔数，除非明确提出目标，否则不是目标",
        R::JurisdictionFromTitle => "地区取自文件标题",
        R::JurisdictionFromLead => "地区取自正文导语",
        R::NoJurisdiction => "未指明地区",
        R::StartingFigure => "变化的起点数字（由…到…）：实绩，不是目标",
        R::NoCueReported => "没有线索表明是目标还是实绩：按成文日期的实绩读取",
        R::NoCueTarget => "没有线索表明是目标还是实绩：按目标读取",
        R::NoFutureCue => "没有期限、规划期或提出目标的用语：按实绩读取",
        R::OneProject => "单个企业或项目的数字，不是地区的水平",
        R::ListCount => "所列各项的个数，不是地区的水平",
        R::OrganisedCount => "组织开展的试点或项目个数，不是地区的水平",
        R::MakeUp => "另一数字的构成占比，不是地区的水平",
        R::Support => "扶持措施（奖励、补贴）的门槛或金额，不是地区的水平",
        R::NoDate => "数字没有日期",
        R::DeadlineFromPeriod => "期限为规划期末",
        R::NoDeadline => "文中没有期限",
        R::DateUnknown => {
            "日期相对于成文日期（今年、目前）书写，而成文日期未知：日期不详（请给出发布日期）"
        }
        R::DatedBySection => "以所在栏目标题的日期为准",
        R::MetricFuzzy(words) => return format!("指标名称有一个字不同：{words}"),
        R::MetricCarriedOver(words) => return format!("指标沿用前面分句的指标（{words}）"),
        R::AmountAdded(word) => return format!("“{word}”表示新增量，不是达到的水平"),
        R::GrowthRate(word) => return format!("增速（{word}），不是达到的水平"),
        R::Forecast(word) => return format!("预测（{word}），不是目标：按所预测年份的实绩读取"),
        R::Approximate { word, comparator } => {
            return format!(
                "约数（{word}）：按“{}”读取",
                comparator_label(*comparator, Lang::Zh)
            );
        }
        R::WholePlace(name) => return format!("“全省”“全市”等指文件所属地区（{name}）"),
        R::PlaceNotInCatalogue { name, code } => {
            return format!("地区{name}（{code}）不在目录中");
        }
        R::CodeNotInCatalogue(code) => return format!("地区{code}不在目录中"),
        R::DeadlineFromBareDate(d) => return format!("期限取自单独的日期（{d}）"),
        R::DeadlineFromHeading(d) => return format!("期限取自标题中的年份（{d}）"),
        R::DateInferred {
            words,
            from,
            reference,
        } => {
            let from = match from {
                DateFrom::Published => "发布日期",
                DateFrom::DateLine => "日期行",
            };
            return format!("日期由“{words}”按{from}{reference}推算");
        }
        R::DatedByPublication(d) => return format!("以发布日期{d}为准"),
    };
    fixed.to_owned()
}

/// A comment of the TOML [`to_toml_with`](crate::extract::to_toml_with)
/// writes, in the language `lang`: in English as
/// [`Comment::english`], in Chinese with the reasons of
/// [`reason_label_zh`]. Keys, ids and file names stay as they are written.
///
/// ```
/// use policy_targets::{Catalog, Id, Lang};
/// use policy_targets::extract::{extract, to_toml, to_toml_with};
/// use policy_targets::output::labels::toml_comment;
///
/// let catalog = Catalog::bundled()?;
/// let found = extract("到2027年，香港特别行政区建成高质量数据集500个。", &catalog);
/// let source: Id = "hk_plan".parse()?;
/// let zh = to_toml_with(&found, &source, &|c| toml_comment(c, Lang::Zh));
/// assert!(zh.contains("# 香港特别行政区 不在 jurisdictions.toml 中"), "{zh}");
/// let en = to_toml_with(&found, &source, &|c| toml_comment(c, Lang::En));
/// assert_eq!(en, to_toml(&found, &source));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub fn toml_comment(comment: Comment<'_>, lang: Lang) -> String {
    if lang == Lang::En {
        return comment.english();
    }
    match comment {
        Comment::Header => "从政策文本中读出的候选条目。请逐条对照其原文（quote）核对，\n\
             填写 [source] 表，并补全或删除以注释写出的条目\n\
             （它们缺少字段或置信度低）。"
            .to_owned(),
        Comment::Confidence {
            confidence,
            reasons,
        } => {
            let mut note = format!("置信度 {confidence}");
            if !reasons.is_empty() {
                let reasons: Vec<String> = reasons.iter().map(reason_label_zh).collect();
                note.push('：');
                note.push_str(&reasons.join("；"));
            }
            note
        }
        Comment::Incomplete(why) => {
            let why = match why {
                Incomplete::Missing(fields) => {
                    let fields: Vec<&str> = fields.iter().map(|f| field_zh(*f)).collect();
                    format!("缺少 {}", fields.join("、"))
                }
                Incomplete::LowConfidence => "置信度低".to_owned(),
            };
            format!("不完整（{why}）：补全后取消注释。")
        }
        Comment::NotInJurisdictions { phrase } => format!("{phrase} 不在 jurisdictions.toml 中"),
        Comment::ProposedBelow { name, id } => format!("{name}（下方提议为新指标 {id}）"),
        Comment::Proposals => "文本提到、但 metrics.toml 中没有的指标。要采用其中一项，\n\
             请定下其 id 和英文名称，加入 metrics.toml，\n\
             并在上方提到它的条目中填写 `metric`。"
            .to_owned(),
    }
}

/// A field an extracted entry lacks, in Chinese (keys stay as written).
fn field_zh(field: Field) -> &'static str {
    match field {
        Field::CatalogueJurisdiction => "目录中的地区（jurisdiction）",
        Field::Jurisdiction => "jurisdiction",
        Field::Metric => "metric",
        Field::Upper => "upper",
        Field::Deadline => "deadline",
        Field::AsOf => "as_of",
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::Comparator;

    /// Fails to compile when a kind of reason is added and not listed in
    /// [`every_reason`].
    fn listed(r: &Reason) {
        match r {
            Reason::MetricFuzzy(_)
            | Reason::MetricNotInCatalogue
            | Reason::NoMetric
            | Reason::MetricInPrecedingClause
            | Reason::MetricCarriedOver(_)
            | Reason::PartOfFigureBefore
            | Reason::AmountAdded(_)
            | Reason::CountOfBodies
            | Reason::CountOfMeasures
            | Reason::Layout
            | Reason::DescribesWhose
            | Reason::Scope
            | Reason::Rate
            | Reason::Rank
            | Reason::MajorCount
            | Reason::YuanSupplied
            | Reason::ComputeUnitSupplied
            | Reason::InHeading
            | Reason::Transactions
            | Reason::GrowthRate(_)
            | Reason::Forecast(_)
            | Reason::Approximate { .. }
            | Reason::WholePlace(_)
            | Reason::JurisdictionFromTitle
            | Reason::JurisdictionFromLead
            | Reason::PlaceNotInCatalogue { .. }
            | Reason::CodeNotInCatalogue(_)
            | Reason::NoJurisdiction
            | Reason::StartingFigure
            | Reason::NoCueReported
            | Reason::NoCueTarget
            | Reason::NoFutureCue
            | Reason::OneProject
            | Reason::ListCount
            | Reason::OrganisedCount
            | Reason::MakeUp
            | Reason::Support
            | Reason::NoDate
            | Reason::DeadlineFromPeriod
            | Reason::DeadlineFromBareDate(_)
            | Reason::DeadlineFromHeading(_)
            | Reason::NoDeadline
            | Reason::DateInferred { .. }
            | Reason::DateUnknown
            | Reason::DatedBySection
            | Reason::DatedByPublication(_) => {}
        }
    }

    /// The reasons that read a figure as no goal or no level of a place.
    fn not_levels() -> Vec<Reason> {
        vec![
            Reason::NoFutureCue,
            Reason::OneProject,
            Reason::ListCount,
            Reason::OrganisedCount,
            Reason::MakeUp,
            Reason::Support,
        ]
    }

    /// One reason of each kind; the match fails to compile when a kind is
    /// added and not listed here.
    fn every_reason() -> Vec<Reason> {
        let code: crate::JurisdictionCode = "510000".parse().unwrap();
        let day: crate::PartialDate = "2025-08-26".parse().unwrap();
        let deadline = crate::Deadline::new("2027".parse().unwrap());
        let mut all = vec![
            Reason::MetricFuzzy("高质量数椐集".to_owned()),
            Reason::MetricNotInCatalogue,
            Reason::NoMetric,
            Reason::MetricInPrecedingClause,
            Reason::MetricCarriedOver("高质量数据集".to_owned()),
            Reason::PartOfFigureBefore,
            Reason::AmountAdded("新增".to_owned()),
            Reason::CountOfBodies,
            Reason::CountOfMeasures,
            Reason::Layout,
            Reason::DescribesWhose,
            Reason::Scope,
            Reason::Rate,
            Reason::Rank,
            Reason::MajorCount,
            Reason::YuanSupplied,
            Reason::ComputeUnitSupplied,
            Reason::InHeading,
            Reason::Transactions,
            Reason::GrowthRate("增长".to_owned()),
            Reason::Forecast("预计".to_owned()),
            Reason::Approximate {
                word: "约".to_owned(),
                comparator: Comparator::Exactly,
            },
            Reason::WholePlace("四川省".to_owned()),
            Reason::JurisdictionFromTitle,
            Reason::JurisdictionFromLead,
            Reason::PlaceNotInCatalogue {
                name: "绵阳".to_owned(),
                code: code.clone(),
            },
            Reason::CodeNotInCatalogue(code),
            Reason::NoJurisdiction,
            Reason::StartingFigure,
            Reason::NoCueReported,
            Reason::NoCueTarget,
            Reason::NoDate,
            Reason::DeadlineFromPeriod,
            Reason::DeadlineFromBareDate(deadline),
            Reason::DeadlineFromHeading(deadline),
            Reason::NoDeadline,
            Reason::DateInferred {
                words: "今年".to_owned(),
                from: DateFrom::Published,
                reference: day,
            },
            Reason::DateUnknown,
            Reason::DatedBySection,
            Reason::DatedByPublication(day),
        ];
        all.extend(not_levels());
        for r in &all {
            listed(r);
        }
        all
    }

    #[test]
    fn every_reason_has_a_chinese_label_unlike_its_english_text() {
        let all = every_reason();
        assert_eq!(all.len(), 46);
        let mut labels = std::collections::HashSet::new();
        for r in &all {
            let zh = reason_label_zh(r);
            assert!(
                zh.chars().any(|c| ('\u{4e00}'..='\u{9fff}').contains(&c)),
                "{r:?}: {zh}"
            );
            assert_ne!(zh, r.to_string(), "{r:?}");
            assert!(labels.insert(zh.clone()), "{r:?}: {zh} twice");
        }
    }

    #[test]
    fn labels_carry_the_words_of_the_reason() {
        let approx = Reason::Approximate {
            word: "左右".to_owned(),
            comparator: Comparator::Exactly,
        };
        assert_eq!(reason_label_zh(&approx), "约数（左右）：按“等于”读取");
        assert_eq!(
            approx.to_string(),
            "approximate figure (左右): read as exactly"
        );
        let inferred = Reason::DateInferred {
            words: "去年".to_owned(),
            from: DateFrom::DateLine,
            reference: "2025-08".parse().unwrap(),
        };
        assert_eq!(
            reason_label_zh(&inferred),
            "日期由“去年”按日期行2025-08推算"
        );
    }
}
