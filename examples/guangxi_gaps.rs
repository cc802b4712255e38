//! What targets would Guangxi (广西) need to match its peers? For every metric
//! with targets, Guangxi's required target to match each jurisdiction that
//! set one, and the median of the provinces, per million residents.
//!
//! ```text
//! cargo run --example guangxi_gaps [AS_OF]
//! ```

use chrono::NaiveDate;
use policy_targets::gap::{Benchmark, GapQuery, Peers, Statistic, gap};
use policy_targets::table::{Table, human};
use policy_targets::{Catalog, Level, Per};

fn run(as_of: NaiveDate) -> Result<String, Box<dyn std::error::Error>> {
    let catalog = Catalog::bundled()?;
    let mut table = Table::new([
        "指标",
        "对标",
        "对标目标",
        "对标每百万人",
        "广西所需目标",
        "分母日期",
    ]);
    table.align_right(2).align_right(3).align_right(4);
    let mut notes = Vec::new();
    for metric in catalog.metrics() {
        let targets = catalog.select_targets(metric.id.as_str(), as_of);
        if targets.is_empty() {
            continue;
        }
        let mut benchmarks: Vec<Benchmark> = targets
            .iter()
            .map(|t| Benchmark::Jurisdiction(t.jurisdiction.clone()))
            .collect();
        benchmarks.push(Benchmark::Statistic(
            Statistic::Median,
            Peers::Level(Level::Province),
        ));
        for benchmark in benchmarks {
            let mut query = GapQuery::new("450000", benchmark.clone(), metric.id.as_str(), as_of);
            query.per = Per::CAPITA;
            match gap(&catalog, &query) {
                Ok(answer) => {
                    let benchmark_target = match &benchmark {
                        Benchmark::Jurisdiction(code) => targets
                            .iter()
                            .find(|t| &t.jurisdiction == code)
                            .map(|t| t.value.to_string())
                            .unwrap_or_default(),
                        _ => format!("{} 个省份", answer.peers.len()),
                    };
                    table.push([
                        metric.name_zh.clone(),
                        answer.benchmark_label(policy_targets::Lang::Zh),
                        benchmark_target,
                        human(answer.benchmark_value.round_dp(2)),
                        human(answer.required_target.round_dp(0)),
                        answer
                            .denominator_as_of
                            .map(|d| d.to_string())
                            .unwrap_or_default(),
                    ]);
                }
                Err(err) => notes.push(format!("{}：{}", metric.name_zh, err)),
            }
        }
    }
    let mut out = format!("广西对标所需目标（每百万常住人口口径，截至 {as_of}）\n");
    out.push_str(&table.render());
    for note in notes {
        out.push_str(&format!("说明：{note}\n"));
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
        // 江苏: 1000 / 84.748016 × 50.126804 = 591.48 → 591.
        let row = |metric: &str, benchmark: &str| -> Vec<String> {
            out.lines()
                .map(|l| l.split_whitespace().map(str::to_owned).collect::<Vec<_>>())
                .find(|cells| {
                    cells.first().map(String::as_str) == Some(metric)
                        && cells.get(1).map(String::as_str) == Some(benchmark)
                })
                .unwrap_or_else(|| panic!("no row {metric} {benchmark} in\n{out}"))
        };
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
    }
}
