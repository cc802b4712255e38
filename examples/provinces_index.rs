//! A briefing on the provinces' ambition across metrics: a composite index
//! of their targets per million residents over every metric on which at
//! least two provinces have set a target (a metric one province sets says
//! nothing comparative), each province entering with targets on at least a
//! quarter of them, with each rank's uncertainty interval from 1,000 draws
//! and the sensitivity of the ranks to the index's choices.
//!
//! The interval is what a briefing should quote with a rank: "Jiangsu
//! ranks 2nd (1st–4th)" says how much the rank depends on weights, scaling
//! and aggregation.
//!
//! ```text
//! cargo run --example provinces_index [AS_OF] [DATA_DIR]
//! ```

use chrono::NaiveDate;
use policy_targets::index::{IndexQuery, index};
use policy_targets::{Catalog, Lang, Level, Per};

/// The metrics with targets of at least two provinces on `as_of`,
/// population and GDP aside.
fn provincial_metrics(catalog: &Catalog, as_of: NaiveDate) -> Vec<String> {
    catalog
        .metrics()
        .iter()
        .filter(|m| !Per::DENOMINATOR_METRICS.contains(&m.id.as_str()))
        .filter(|m| {
            catalog
                .select_targets(m.id.as_str(), as_of)
                .iter()
                .filter(|t| {
                    catalog
                        .jurisdiction(t.jurisdiction.as_str())
                        .is_some_and(|j| j.level == Level::Province)
                })
                .count()
                >= 2
        })
        .map(|m| m.id.to_string())
        .collect()
}

fn run(catalog: &Catalog, as_of: NaiveDate) -> Result<String, policy_targets::Error> {
    let metrics = provincial_metrics(catalog, as_of);
    let mut query = IndexQuery::new(metrics, as_of);
    query.per = Per::CAPITA;
    query.level = Some(Level::Province);
    query.min_coverage = "1/4".parse().expect("a fraction");
    query.draws = 1000;
    query.seed = 1;
    let answer = index(catalog, &query)?;
    let mut out = answer.to_table(Lang::Zh);
    if answer.rows.len() < 3 {
        out.push_str("\n说明：有目标的省份少于3个，名次区间的参考意义有限。\n");
    }
    Ok(out)
}

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let mut args = std::env::args().skip(1);
    let as_of = match args.next() {
        Some(date) => date.parse()?,
        None => NaiveDate::from_ymd_opt(2025, 12, 31).ok_or("bad date")?,
    };
    let catalog = match args.next() {
        Some(dir) => Catalog::load(dir)?,
        None => Catalog::bundled()?,
    };
    print!("{}", run(&catalog, as_of)?);
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_briefing_ranks_the_provinces_with_intervals() {
        let catalog = Catalog::bundled().unwrap();
        let as_of = NaiveDate::from_ymd_opt(2025, 12, 31).unwrap();
        let out = run(&catalog, as_of).unwrap();
        assert!(out.starts_with("综合指数："), "{out}");
        assert!(out.contains("每百万常住人口，省级"), "{out}");
        // Five provinces with targets on at least two of the eight metrics,
        // each with its interval; Jiangsu covers five of them.
        let rows: Vec<&str> = out.lines().filter(|l| l.contains("  省级  ")).collect();
        assert_eq!(rows.len(), 5, "{out}");
        let jiangsu = rows.iter().find(|l| l.contains("江苏省")).unwrap();
        assert!(jiangsu.ends_with("5/8"), "{jiangsu}");
        assert!(out.contains("未纳入：浙江省"), "{out}");
        assert!(out.contains("敏感性"), "{out}");
    }
}
