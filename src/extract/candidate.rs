//! A candidate from a figure read: its metric, the flags that lower its
//! confidence (counts that are not targets, rates, ranks), its comparator,
//! and the confidence with the reasons for it.

use rust_decimal::Decimal;

use crate::{Basis, Catalog, Comparator, Id};

use super::blocks::BlockKind;
use super::change::{Role, flow_word};
use super::document::{Doc, quoted};
use super::facts::{ClauseFacts, FORECAST_WORDS, SentenceFacts};
use super::figures::{Before, Figure};
use super::lexicon::Lexicon;
use super::looks::Reach;
use super::metrics::{MetricHit, guess_phrase};
use super::reading::{Env, Reading, Site};
use super::text::Norm;
use super::{Candidate, Kind, Reason};

/// A candidate's confidence as it is worked out, and the reasons for it.
pub(super) struct Score {
    confidence: Decimal,
    /// The most the confidence can be.
    cap: Option<Decimal>,
    reasons: Vec<Reason>,
}

/// `x` hundredths.
fn hundredths(x: i64) -> Decimal {
    Decimal::new(x, 2)
}

impl Score {
    /// 0.45 less `penalty` hundredths, for a figure read with `reasons`.
    fn new(penalty: i64, reasons: Vec<Reason>) -> Score {
        Score {
            confidence: Decimal::new(45, 2) - hundredths(penalty),
            cap: None,
            reasons,
        }
    }

    /// A score to try a reading with, to be [absorbed](Score::absorb) if
    /// it is kept.
    pub(super) fn trial() -> Score {
        Score {
            confidence: Decimal::ZERO,
            cap: None,
            reasons: Vec::new(),
        }
    }

    /// Adds what `trial` raised, lowered, capped and said.
    pub(super) fn absorb(&mut self, trial: Score) {
        self.confidence += trial.confidence;
        if let Some(cap) = trial.cap {
            self.cap = Some(self.cap.map_or(cap, |c| c.min(cap)));
        }
        self.reasons.extend(trial.reasons);
    }

    /// Adds `x` hundredths.
    pub(super) fn raise(&mut self, x: i64) {
        self.confidence += hundredths(x);
    }

    /// Takes off `x` hundredths.
    pub(super) fn lower(&mut self, x: i64) {
        self.confidence -= hundredths(x);
    }

    /// Caps the confidence at `x` hundredths.
    fn cap(&mut self, x: i64) {
        let value = hundredths(x);
        self.cap = Some(self.cap.map_or(value, |c: Decimal| c.min(value)));
    }

    pub(super) fn reason(&mut self, reason: Reason) {
        self.reasons.push(reason);
    }

    /// The confidence, capped, from 0 to 1 in hundredths, and the reasons.
    fn finish(self) -> (Decimal, Vec<Reason>) {
        let mut confidence = self.confidence;
        if let Some(cap) = self.cap {
            confidence = confidence.min(cap);
        }
        let confidence = confidence
            .clamp(Decimal::ZERO, Decimal::ONE)
            .round_dp(2)
            .normalize();
        (confidence, self.reasons)
    }
}

impl Doc {
    /// The candidate of figure `f` of the clause at `at`, read as
    /// `reading`.
    pub(super) fn candidate(
        &self,
        at: Site,
        f: &Figure,
        reading: Reading,
        facts: &ClauseFacts,
        env: &Env,
    ) -> Candidate {
        let Reading {
            hit,
            role,
            reasons,
            penalty,
            after,
            before,
            named,
        } = reading;
        let para = &self.paras[at.p];
        let n = &para.norm;
        let clause = para.sentences[at.s].clauses[at.c].clone();
        let reach = self.figure_reach(at, f, role);
        let mut score = Score::new(penalty, reasons);
        let (metric, metric_phrase) = metric(
            n,
            f,
            hit.as_ref(),
            (&named.0, &named.1),
            env.lexicon,
            &mut score,
        );
        flag_flow(n, &before, metric.as_ref(), env.catalog, &mut score);
        if metric.is_none() {
            flag_count(&n.text(after.clone()), f, facts, &mut score);
        } else if f.value.dimension() == crate::Dimension::Count
            && !n.text(after.clone()).contains(metric_phrase.as_str())
        {
            // 上架数据产品涵盖9个行业: the metric before counts what the
            // figure after it is a scope of.
            flag_scope(&n.text(after.clone()), &mut score);
        }
        flag_form(f, facts, (para.kind, metric.is_some()), &mut score);
        let transactions = flag_transactions(n, f, (&after, &before), &mut score);
        let growth = growth_word(n, &before, f);
        flag_cover(n, &before, f, &mut score);
        let sentence_start = para.sentences[at.s].range.start;
        flag_not_level(n, f, (&after, &before), sentence_start, &mut score);
        let forecast = flag_forecast(&facts.sentence, (n, &clause), f, &mut score);
        let kind = self.kind(&reach, f, facts, role, &mut score);
        // A forecast is recorded as a figure reported for the year it is
        // made for (预计到2025年将增至…: a level of 2025), not as a goal.
        let (kind, forecast) = match kind {
            Kind::Target if forecast => (Kind::Observation, true),
            _ => (kind, false),
        };
        if let Some(word) = growth {
            flag_growth(word, kind, &mut score);
        }
        if transactions && kind == Kind::Target && !stated_target(n, f, &before) {
            // A count of transactions is a target only where one is stated.
            score.cap(30);
        }
        let comparator = comparator(n, f, kind, &mut score);
        let dates = if forecast {
            self.forecast_dates(at.p, (&reach, f), role, &mut score)
        } else {
            self.dates(at.p, (&reach, f), kind, role, &mut score)
        };
        let (jurisdiction, jurisdiction_phrase, in_catalog) =
            self.jurisdiction_of(&clause, &reach, facts, f, env, &mut score);
        let metric_phrase = if metric.is_none() {
            without_place(&metric_phrase, &jurisdiction_phrase)
        } else {
            metric_phrase
        };
        if jurisdiction.is_none() && metric.is_none() {
            // Neither whose figure it is nor what it measures is known.
            score.cap(45);
        }
        let (confidence, reasons) = score.finish();
        let (quote, span) = self.quote(at.p, quoted(&clause, f));
        Candidate {
            kind,
            jurisdiction,
            jurisdiction_phrase,
            jurisdiction_in_catalog: in_catalog,
            metric,
            metric_phrase,
            comparator,
            value: f.value,
            upper: f.upper,
            deadline: dates.deadline,
            period: if kind == Kind::Target {
                dates.period
            } else {
                None
            },
            as_of: dates.as_of,
            quote,
            span,
            confidence,
            reasons,
            date_inferred: dates.inferred,
        }
    }

    /// Where figure `f` of the clause at `at` looks for its cues: the
    /// figure reached in 由…增加到… looks after the starting figure first,
    /// then before the 由 or 从 that opens the change (将从…增至…, 力争由…
    /// 提高到…) and in the sentence's earlier clauses; never at the starting
    /// figure's own words (its date).
    fn figure_reach(&self, at: Site, f: &Figure, role: Role) -> Reach {
        let mut reach = self.reach(at.p, at.s, at.c, f.lead);
        if let Role::Reached(from) = role {
            let para = &self.paras[at.p];
            let clause = &para.sentences[at.s].clauses[at.c];
            let index = |pos: usize| para.cues.partition_point(|cue| cue.pos < pos);
            let opened = (clause.start..from)
                .rev()
                .find(|&i| matches!(para.norm.get(i), Some('由' | '从')))
                .unwrap_or(clause.start);
            let [first, earlier, _] = &mut reach.own;
            earlier.end = index(opened).max(earlier.end).min(first.end);
            first.start = index(from).min(first.end);
        }
        reach
    }
}

/// The metric of a figure and the words that name it; when none was
/// recognised, the words (`after`, `before` the figure) that probably do.
fn metric(
    n: &Norm,
    f: &Figure,
    hit: Option<&MetricHit>,
    (after, before): (&std::ops::Range<usize>, &std::ops::Range<usize>),
    lexicon: &Lexicon,
    score: &mut Score,
) -> (Option<Id>, String) {
    match hit {
        Some(h) => {
            score.raise(30);
            if h.fuzzy {
                score.lower(5);
                score.reason(Reason::MetricFuzzy(n.text(h.pos..h.end)));
            }
            (
                lexicon.metric_ids.get(h.metric).cloned(),
                n.text(h.pos..h.end),
            )
        }
        None => {
            let phrase = guess_phrase(n, f, after, before);
            if metric_like(&phrase, f.value.dimension()) {
                score.raise(15);
                score.reason(Reason::MetricNotInCatalogue);
            } else {
                score.cap(35);
                score.reason(Reason::NoMetric);
            }
            (None, phrase)
        }
    }
}

/// The words naming a measure the catalogue lacks without the date and the
/// place that open them (2024年绵阳市软件业务收入, 全市软件业务收入 →
/// 软件业务收入).
fn without_place(phrase: &str, place: &str) -> String {
    // A date that opens them (2024年全市…).
    let mut rest =
        phrase.trim_start_matches(|c: char| c.is_ascii_digit() || "年月日底末,，".contains(c));
    if !place.is_empty() {
        rest = rest.strip_prefix(place).unwrap_or(rest);
    }
    for whole in [
        "全省", "全市", "全区", "全县", "全国", "我省", "我市", "该省", "该市",
    ] {
        rest = rest.strip_prefix(whole).unwrap_or(rest);
    }
    let rest = rest.trim_start_matches(['的', '，']);
    if rest.chars().count() < 2 {
        phrase.to_owned()
    } else {
        rest.to_owned()
    }
}

/// Words that end the name of a measure of money (规模, 增加值).
const MONEY_HEADS: &[&str] = &[
    "规模",
    "总量",
    "总额",
    "产值",
    "增加值",
    "收入",
    "营收",
    "交易额",
    "金额",
    "生产总值",
    "GDP",
    "成交额",
    "销售额",
    "投资",
];

/// Words of the name of a share (占比, 覆盖率).
const SHARE_HEADS: &[&str] = &["占比", "比重", "比例", "率", "份额", "占"];

/// Words that end the name of what is counted (企业, 数据集).
const COUNT_HEADS: &[&str] = &[
    "企业",
    "基站",
    "数据集",
    "产品",
    "平台",
    "场景",
    "案例",
    "机架",
    "服务器",
    "数据中心",
    "基地",
    "空间",
    "园区",
    "集群",
    "项目",
    "人才",
    "人员",
    "应用",
    "标准",
    "证书",
    "主体",
    "节点",
    "模型",
    "实验室",
    "中心",
    "工厂",
    "车间",
    "数据商",
    "机构",
    "算力券",
    "专区",
    "数据资源",
    "目录",
    "芯片",
    "服务商",
    "用户",
    "账号",
    "终端",
    "设备",
    "门户",
    "接口",
    "公共数据",
    "归集",
    "数据量",
    "专利",
    "工位",
    "职场",
    "岗位",
];

/// Words that open what a count counts when it is no measure of a place:
/// parts of a plan, fields in scope.
const NOT_MEASURES: &[&str] = &[
    "岗位", "城市", "省份", "方面", "主线", "路径", "任务", "目标", "抓手", "板块", "部门", "领域",
    "行业", "环节", "举措", "措施",
];

/// Words of recipients and participants anywhere after a count.
const NOT_MEASURE_ACTS: &[&str] = &["发放", "代表", "签署", "参加", "参与"];

/// Whether the words `phrase` next to a figure of `dimension`, which name
/// no metric of the catalogue, name a measure all the same (软件业务收入,
/// 数据标注产业年产值, 挂牌数据产品总规模).
pub(super) fn metric_like(phrase: &str, dimension: crate::Dimension) -> bool {
    use crate::Dimension;
    let tail: String = {
        let chars: Vec<char> = phrase.chars().collect();
        chars[chars.len().saturating_sub(6)..].iter().collect()
    };
    let cjk = phrase.chars().filter(|&c| super::text::is_cjk(c)).count();
    if cjk < 2 {
        return false;
    }
    match dimension {
        Dimension::Compute | Dimension::DataVolume => true,
        Dimension::Money => MONEY_HEADS.iter().any(|h| tail.contains(h)),
        Dimension::Share => {
            // A growth of a measure of money (增加值增长55%): a growth target
            // where a goal is set, else a growth rate (see `flag_growth`).
            let grown = ["增长", "增速"]
                .iter()
                .find_map(|w| phrase.strip_suffix(w))
                .is_some_and(|m| MONEY_HEADS.iter().any(|h| m.ends_with(h)));
            // An average annual growth (年均复合增长率, 年均增速) names a
            // measure of plans: a growth target where a goal is set.
            let annual = phrase.contains("年均")
                && ["增长率", "增速", "增长", "增幅"]
                    .iter()
                    .any(|w| phrase.ends_with(w));
            grown
                || annual
                || SHARE_HEADS.iter().any(|h| phrase.contains(h))
                    && !["增长率", "增速", "增幅"].iter().any(|w| tail.contains(w))
        }
        Dimension::Count | Dimension::Persons => {
            // What is counted opens the words after a count (企业参与…) and
            // ends the words before one (…工业互联网平台10个).
            let head: String = phrase.chars().take(12).collect();
            COUNT_HEADS
                .iter()
                .any(|h| head.contains(h) || tail.ends_with(h))
                && !NOT_MEASURES
                    .iter()
                    .any(|w| phrase.strip_prefix(w).is_some_and(|r| !r.starts_with('型')))
                && !NOT_MEASURE_ACTS.iter().any(|w| phrase.contains(w))
        }
    }
}

/// An amount added (新增高质量数据集200个) is a flow: for a metric counted
/// as a level reached, the figure is not its target level.
fn flag_flow(
    n: &Norm,
    before: &std::ops::Range<usize>,
    metric: Option<&Id>,
    catalog: &Catalog,
    score: &mut Score,
) {
    if let Some(word) = flow_word(n, before) {
        let stock = metric
            .and_then(|m| catalog.metric(m.as_str()))
            .is_some_and(|m| m.basis == Basis::Stock);
        if stock || metric.is_none() {
            if stock {
                score.lower(20);
            }
            score.reason(Reason::AmountAdded(word.to_string()));
        }
    }
}

/// Counts that are not targets, by the words after the figure
/// (`after_text`): issuing or attending bodies, scopes, measures, layouts,
/// whose figure follows.
fn flag_count(after_text: &str, f: &Figure, facts: &ClauseFacts, score: &mut Score) {
    let bodies = [
        "部门",
        "部委",
        "单位",
        "厅局",
        "委办局",
        "机构",
        "省份",
        "省市",
        "城市",
        "国家",
    ];
    let starts_body = bodies.iter().any(|b| {
        after_text.starts_with(b)
            || after_text
                .strip_prefix("国家")
                .is_some_and(|t| t.starts_with(b))
    });
    // The words of the clause after the figure.
    let later = |at: Option<usize>| at.is_some_and(|at| at >= f.tail);
    if starts_body && later(facts.act) {
        score.cap(10);
        score.reason(Reason::CountOfBodies);
    } else if flag_scope(after_text, score) {
    } else if [
        "任务",
        "重点任务",
        "措施",
        "举措",
        "工程",
        "专项",
        "条",
        "项任务",
    ]
    .iter()
    .any(|w| after_text.starts_with(w))
    {
        score.cap(15);
        score.reason(Reason::CountOfMeasures);
    } else if later(facts.plus) {
        score.cap(15);
        score.reason(Reason::Layout);
    } else if after_text.contains('的') {
        score.cap(20);
        score.reason(Reason::DescribesWhose);
    }
}

/// Words that open the fields a count is a scope of (9个行业).
const SCOPE_WORDS: &[&str] = &[
    "行业",
    "领域",
    "重点领域",
    "重点行业",
    "方面",
    "板块",
    "赛道",
    "产业链",
];

/// A count of sectors or fields in scope, by the words after it.
fn flag_scope(after_text: &str, score: &mut Score) -> bool {
    let scope = SCOPE_WORDS.iter().any(|w| after_text.starts_with(w));
    if scope {
        score.cap(15);
        score.reason(Reason::Scope);
    }
    scope
}

/// How the figure is written or placed: a rate, a rank, N大 (capped when
/// no metric of the catalogue is `known_metric`), P or E for a computing
/// power, a heading of paragraph `kind`.
fn flag_form(
    f: &Figure,
    facts: &ClauseFacts,
    (kind, known_metric): (BlockKind, bool),
    score: &mut Score,
) {
    // A rate word between the start of the clause and the figure.
    if facts.rate_end.is_some_and(|end| end <= f.lead) {
        score.cap(20);
        score.reason(Reason::Rate);
    }
    if f.rank {
        score.cap(15);
        score.reason(Reason::Rank);
    }
    if f.big {
        score.lower(20);
        if !known_metric {
            // 十大数据中心集群, 五大板块: mostly names and parts of plans.
            score.cap(30);
        }
        score.reason(Reason::MajorCount);
    }
    if f.yuan_guess {
        score.lower(10);
        score.reason(Reason::YuanSupplied);
    }
    if f.compute_guess {
        score.lower(10);
        score.reason(Reason::ComputeUnitSupplied);
    }
    if kind == BlockKind::Heading {
        score.lower(5);
        score.reason(Reason::InHeading);
    }
}

/// A count of transactions (800笔, 交易笔数): labelled, and a target only
/// where one is stated. Whether it is one.
fn flag_transactions(
    n: &Norm,
    f: &Figure,
    (after, before): (&std::ops::Range<usize>, &std::ops::Range<usize>),
    score: &mut Score,
) -> bool {
    let unit = n.text(f.value_end..f.end);
    let named = ["交易笔数", "笔数", "交易量（笔）"]
        .iter()
        .any(|w| n.contains(before.clone(), w) || n.contains(after.clone(), w));
    let transactions = unit.contains('笔') || named;
    if transactions {
        score.reason(Reason::Transactions);
    }
    transactions
}

/// Whether figure `f` and the words before it state a target for it (a
/// comparator such as 不少于, or 力争, 目标, 达到).
fn stated_target(n: &Norm, f: &Figure, before: &std::ops::Range<usize>) -> bool {
    f.before.is_some()
        || f.after.is_some()
        || ["目标", "力争", "争取", "达到"]
            .iter()
            .any(|w| n.contains(before.clone(), w))
}

/// Words of growth: a percentage right after them is a growth rate.
const GROWTH_WORDS: &[&str] = &[
    "增长率",
    "增长",
    "增速",
    "增幅",
    "下降",
    "降低",
    "提高",
    "提升",
    "上涨",
    "增加",
    "回落",
];

/// A growth rate (同比增长12%, 年均增速超20%): the percentage that follows
/// a word of growth in its clause, with at most three characters between
/// them and no 占 or 比 (比重提高到 is a level). Its word is returned, for
/// [`flag_growth`] to tell a growth target from a growth reported.
fn growth_word(n: &Norm, before: &std::ops::Range<usize>, f: &Figure) -> Option<&'static str> {
    if f.value.dimension() != crate::Dimension::Share {
        return None;
    }
    let text = n.str(before.start, before.end);
    let found = GROWTH_WORDS
        .iter()
        .filter_map(|w| text.rfind(w).map(|at| (at + w.len(), *w)))
        .max_by_key(|&(end, _)| end);
    if let Some((end, word)) = found {
        let rest = &text[end..];
        if rest.chars().count() <= 3 && !rest.contains(['占', '比', '值']) {
            return Some(word);
        }
    }
    None
}

/// A growth (word `word`) of a figure of `kind`: a target where a word of
/// plans or a deadline settles it (到2027年…年均增长10%, 力争…增长55%以上),
/// else a growth rate of reported figures, no level of a place.
fn flag_growth(word: &str, kind: Kind, score: &mut Score) {
    let cued = kind == Kind::Target && !score.reasons.contains(&Reason::NoCueTarget);
    if !cued {
        score.cap(20);
        score.reason(Reason::GrowthRate(word.to_owned()));
    }
}

/// Words that say a count after them is what something covers (覆盖193个
///交易场景, 涵盖金融、交通等53类应用场景).
const COVER_WORDS: &[&str] = &["覆盖", "涵盖", "囊括"];

/// A count of what something covers is its make-up, no level of a place:
/// a word of covering before the figure with no other figure between.
fn flag_cover(n: &Norm, before: &std::ops::Range<usize>, f: &Figure, score: &mut Score) {
    if f.value.dimension() != crate::Dimension::Count {
        return;
    }
    let text = n.str(before.start, before.end);
    let last = COVER_WORDS
        .iter()
        .filter_map(|w| text.rfind(w).map(|at| at + w.len()))
        .max();
    let covers = last.is_some_and(|end| !text[end..].chars().any(|c| c.is_ascii_digit()));
    if covers {
        score.cap(15);
        score.reason(Reason::Scope);
    }
}

/// Figures that are no level of a place, by the words around them: a
/// count of the items a list names (大数据、集成电路、光子等3个产业集群,
/// 七个基地分别位于…), a count of pilots or projects organised (开展23个
/// 试点, 推进75个项目建设; not projects attracted, 引入32个项目), the figure of one company or project (拟投资, 项目总投资,
/// 建成后…年收入), a share of the make-up of a list of kinds (央企、民企占比
/// 超80%). `sentence_start` is where the figure's sentence starts.
fn flag_not_level(
    n: &Norm,
    f: &Figure,
    (after, before): (&std::ops::Range<usize>, &std::ops::Range<usize>),
    sentence_start: usize,
    score: &mut Score,
) {
    let after_text: String = n
        .text(after.clone())
        .chars()
        .filter(|c| *c != ' ')
        .collect();
    let before_text = n.text(before.clone());
    let reason = match f.value.dimension() {
        crate::Dimension::Count => {
            let head: String = after_text.chars().take(16).collect();
            // N大 (三大行业…) is left to the reading of N大 counts.
            if after_text.contains("分别") || (!f.big && lists_as_many(&before_text, f)) {
                Some(Reason::ListCount)
            } else if head.contains("试点")
                || head.contains("项目建设")
                || (head.contains("项目")
                    && ["推进", "开展", "组织", "实施"]
                        .iter()
                        .any(|w| before_text.contains(w)))
            {
                Some(Reason::OrganisedCount)
            } else {
                None
            }
        }
        crate::Dimension::Money => {
            let from = sentence_start.max(f.lead.saturating_sub(120));
            let sentence = n.str(from, f.lead);
            let one = before_text.contains("拟投资")
                || (before_text.contains("项目") && before_text.contains("投资"))
                || ["建成后", "投产后", "达产后"]
                    .iter()
                    .any(|w| sentence.contains(w));
            one.then_some(Reason::OneProject)
        }
        crate::Dimension::Share => {
            let listed = before_text.contains('、') && before_text.contains("占比");
            listed.then_some(Reason::MakeUp)
        }
        _ => None,
    };
    let reason = reason.or_else(|| supports(n, f).then_some(Reason::Support));
    if let Some(reason) = reason {
        score.cap(30);
        score.reason(reason);
    }
}

/// Words of support measures (awards, subsidies).
const SUPPORT_WORDS: &[&str] = &["奖励", "补贴", "补助", "资助", "奖补"];

/// How many characters after a figure a word of support is looked for.
const SUPPORT_REACH: usize = 80;

/// Whether figure `f` is a threshold or an amount of a support measure: a
/// word of support follows it before the next full stop or semicolon,
/// either soon, in its clause (100万元的一次性奖励, 5000元补贴), or after a
/// word granting it (收入首次达到3000万元…可获得…奖励, …亦享有…奖励).
fn supports(n: &Norm, f: &Figure) -> bool {
    // A window, not the rest of the sentence: text without full stops
    // would be read once per figure.
    let rest = n.str(f.end, (f.end + SUPPORT_REACH).min(n.len()));
    let part = rest.split(['。', '；', ';']).next().unwrap_or("");
    let Some(at) = SUPPORT_WORDS.iter().filter_map(|w| part.find(w)).min() else {
        return false;
    };
    let between = &part[..at];
    let soon = between.chars().count() <= 8 && !between.contains(['，', ',']);
    soon || ["可", "给予", "享"].iter().any(|w| between.contains(w))
}

/// Whether the words before a count end with a list of as many items as
/// it counts, or one more (大数据、集成电路、软件和信息服务、光子等4个).
fn lists_as_many(before: &str, f: &Figure) -> bool {
    let Some(list) = before.strip_suffix('等') else {
        return false;
    };
    if !list.contains('、') {
        return false;
    }
    let list = list.rsplit(['，', ',', '：', ':']).next().unwrap_or(list);
    let items = list.split('、').count();
    let count = f.value.canonical_value();
    count >= rust_decimal::Decimal::from(items) && count <= rust_decimal::Decimal::from(items + 1)
}

/// A forecast (预计全年突破50亿元, 有望达到) is no commitment: a word of
/// forecast in the figure's sentence before it, unless 已 (already) comes
/// after that word in the figure's own clause (预计年底达到150EFLOPS，其中
/// 智算占比已超过97%). Whether there is one.
fn flag_forecast(
    sentence: &SentenceFacts,
    (n, clause): (&Norm, &std::ops::Range<usize>),
    f: &Figure,
    score: &mut Score,
) -> bool {
    let already = |end: usize| n.str(end.max(clause.start), f.lead).contains('已');
    let word = FORECAST_WORDS
        .iter()
        .zip(sentence.forecast_ends)
        .find(|(_, end)| end.is_some_and(|end| end <= f.lead && !already(end)))
        .map(|(w, _)| w);
    if let Some(word) = word {
        score.lower(5);
        score.reason(Reason::Forecast((*word).to_owned()));
    }
    word.is_some()
}

/// The comparator of a figure of `kind`. 余/多 bound from below; 近 (nearly)
/// from above; 约, 左右 and 上下 are about the figure: read as exactly, with
/// a reason.
fn comparator(n: &Norm, f: &Figure, kind: Kind, score: &mut Score) -> Comparator {
    let about_word = ["左右", "上下"]
        .into_iter()
        .find(|w| n.contains(f.value_end..f.end, w));
    let about = about_word.is_some();
    let comparator = if f.upper.is_some() {
        Comparator::Range
    } else {
        match (f.before, f.after) {
            (Some(Before::Strict(c)), _) => c,
            (_, Some(c)) => c,
            (Some(Before::About), None) => Comparator::Exactly,
            (Some(Before::Nearly), None) => Comparator::LessThan,
            _ if about => Comparator::Exactly,
            _ if f.approx => Comparator::MoreThan,
            _ => match kind {
                Kind::Target => Comparator::AtLeast,
                Kind::Observation => Comparator::Exactly,
            },
        }
    };
    let before_word = matches!(f.before, Some(Before::About | Before::Nearly));
    if f.approx || before_word {
        let word = if before_word {
            n.text(f.lead..f.start)
        } else if let Some(w) = about_word {
            w.to_owned()
        } else {
            n.text(f.value_end..f.value_end + 1)
        };
        score.reason(Reason::Approximate { word, comparator });
    }
    comparator
}
