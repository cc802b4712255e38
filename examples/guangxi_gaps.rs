//! What targets would Guangxi (广西) need to match its peers? For every metric
//! with targets, Guangxi's required target to match each jurisdiction that
//! set one, the median of the provinces, and the median of every
//! jurisdiction that set one (provinces and cities alike, which per-capita
//! figures make comparable), per million residents.
//!
//! ```text
//! cargo run --example guangxi_gaps [AS_OF]
//! ```

use chrono::NaiveDate;
use policy_targets::gap::{Benchmark, GapQuery, Peers, Statistic, benchmark_gaps, gap};
use policy_targets::table::{Table, human};
use policy_targets::{Catalog, Lang, Per};

fn run(as_of: NaiveDate) -> Result<String, Box<dyn std::error::Error>> {
    let catalog = Catalog::bundled()?;
    let (answers, unanswered) = benchmark_gaps(&catalog, "450000", Per::CAPITA, as_of)?;
    // Per metric: its rows (a provincial median only over three provinces
    // or more), then the median of every jurisdiction with a target, where
    // there are two or more.
    let mut gaps = Vec::new();
    for metric in catalog.metrics() {
        gaps.extend(answers.iter().filter(|g| g.metric == metric.id).cloned());
        let peers: Vec<_> = catalog
            .select_targets(metric.id.as_str(), as_of)
            .iter()
            .map(|t| t.jurisdiction.clone())
            .filter(|code| code.as_str() != "450000")
            .collect();
        if peers.len() >= 2 {
            let mut query = GapQuery::new(
                "450000",
                Benchmark::Statistic(Statistic::Median, Peers::List(peers)),
                metric.id.as_str(),
                as_of,
            );
            // Shares (growth rates) are compared as they are.
            query.per = Per::CAPITA.for_dimension(metric.dimension);
            gaps.push(gap(&catalog, &query)?);
        }
    }

    let mut table = Table::new([
        "指标",
        "对标",
        "对标目标",
        "对标每百万人",
        "广西所需目标",
        "分母日期",
    ]);
    table.align_right(2).align_right(3).align_right(4);
    for g in &gaps {
        let metric = catalog
            .metric(g.metric.as_str())
            .map_or(g.metric.as_str(), |m| &m.name_zh);
        let (label, benchmark_target) = match &g.benchmark_target {
            Some(id) => (
                g.benchmark_label(Lang::Zh),
                catalog
                    .targets()
                    .iter()
                    .find(|t| &t.id == id)
                    .map(|t| t.value.to_string())
                    .unwrap_or_default(),
            ),
            None if g.benchmark.contains("province") => (
                g.benchmark_label(Lang::Zh),
                format!("{}个省份", g.peers.len()),
            ),
            None => ("各地中位数".to_owned(), format!("{}地", g.peers.len())),
        };
        table.push([
            metric.to_owned(),
            label,
            benchmark_target,
            human(g.benchmark_value.round_dp(2)),
            human(g.required_target.round_dp(0)),
            g.denominator_as_of
                .map(|d| d.to_string())
                .unwrap_or_default(),
        ]);
    }
    let mut out = format!("广西对标所需目标（每百万常住人口口径，截至 {as_of}）\n");
    out.push_str(&table.render());
    out.push_str("注：各地中位数取设定该指标目标的全部地区（省、市）；省级中位数仅在至少三个其他省份设定目标时列出。\n");
    for question in unanswered {
        let name = catalog
            .metric(question.metric.as_str())
            .map_or(question.metric.as_str(), |m| &m.name_zh);
        let reason = question.reason(&catalog, Lang::Zh);
        out.push_str(&format!("说明：{name}：{reason}\n"));
    }
    Ok(out)
}

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let as_of = match std::env::args().nth(1) {
        Some(date) => date.parse()?,
        None => NaiveDate::from_ymd_opt(2025, 7, 4).ok_or("bad date")?,
    };
    print!("{}", run(as_of)?);
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hand_checked_figures() {
        let out = run(NaiveDate::from_ymd_opt(2025, 7, 4).unwrap()).unwrap();
        let row = |metric: &str, benchmark: &str| -> Vec<String> {
            out.lines()
                .map(|l| l.split_whitespace().map(str::to_owned).collect::<Vec<_>>())
                .find(|cells| {
                    cells.first().map(String::as_str) == Some(metric)
                        && cells.get(1).map(String::as_str) == Some(benchmark)
                })
                .unwrap_or_else(|| panic!("no row {metric} {benchmark} in\n{out}"))
        };
        // 江苏: 1000 / 84.748016 × 50.126804 = 591.48 → 591.
        assert_eq!(
            row("高质量数据集", "江苏省"),
            [
                "高质量数据集",
                "江苏省",
                "1000个",
                "11.80",
                "591",
                "2020-11-01"
            ]
        );
        // 苏州: 300 / 12.748262 × 50.126804 = 1179.62 → 1,180.
        assert_eq!(row("高质量数据集", "苏州市")[4], "1,180");
        // 湖南 annotation volume: 3000 TB / 66.444864 × 50.126804 = 2263.27 TB → 2,263.
        assert_eq!(row("数据标注规模", "湖南省")[2..5], ["3000", "TB", "45.15"]);
        assert_eq!(row("数据标注规模", "湖南省")[5], "2,263");
        // 上海: 1000 / 24.870895 × 50.126804 = 2015.48 → 2,015.
        assert_eq!(row("高质量数据集", "上海市")[3..5], ["40.21", "2,015"]);
        // Two provinces (江苏, 上海) set a datasets target: too few for a
        // provincial median, which the table leaves out and a note explains.
        assert!(!out.contains("省级中位数  "));
        // The median of 上海 40.21, 苏州 23.53, 江苏 11.80 and 武汉 1.62 per
        // million is (23.53262 + 11.799686) / 2 = 17.666153 → 886.
        assert_eq!(
            row("高质量数据集", "各地中位数")[2..5],
            ["4地", "17.67", "886"]
        );
        // 典型数据产品: the median of 江苏 2000 / 84.748016 = 23.59937… and
        // 苏州 500 / 12.748262 = 39.22103… per million is 31.41020…;
        // × 50.126804 = 1574.49… → 1,574.
        assert_eq!(
            row("典型数据产品", "各地中位数")[2..5],
            ["2地", "31.41", "1,574"]
        );
        assert!(
            out.contains("说明：开放数据目录：无其他省级地区设定该指标目标，无法计算省级中位数\n")
        );
        assert!(out.contains(
            "说明：高质量数据集：仅2个其他省级地区设定该指标目标（不足3个），不提供省级中位数\n"
        ));
    }
}
