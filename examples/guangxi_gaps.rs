//! What targets would Guangxi (广西) need to match its peers? For every metric
//! with targets, Guangxi's required target to match each jurisdiction that
//! set one, and the median of the provinces, per million residents.
//!
//! ```text
//! cargo run --example guangxi_gaps [AS_OF]
//! ```

use chrono::NaiveDate;
use policy_targets::gap::benchmark_gaps;
use policy_targets::table::{Table, human};
use policy_targets::{Catalog, Lang, Per};

fn run(as_of: NaiveDate) -> Result<String, Box<dyn std::error::Error>> {
    let catalog = Catalog::bundled()?;
    let (gaps, unanswered) = benchmark_gaps(&catalog, "450000", Per::CAPITA, as_of)?;
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
        let benchmark_target = match &g.benchmark_target {
            Some(id) => catalog
                .targets()
                .iter()
                .find(|t| &t.id == id)
                .map(|t| t.value.to_string())
                .unwrap_or_default(),
            None => format!("{}个省份", g.peers.len()),
        };
        table.push([
            metric.to_owned(),
            g.benchmark_label(Lang::Zh),
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
    for (metric, reason) in unanswered {
        let name = catalog
            .metric(metric.as_str())
            .map_or(metric.as_str(), |m| &m.name_zh);
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
        // The median of the provinces that set a datasets target (江苏 only).
        assert_eq!(row("高质量数据集", "省级中位数")[4], "591");
    }
}
