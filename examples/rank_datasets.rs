//! How do the regions rank on their high-quality-dataset targets: raw, per
//! million residents, and per plan year?
//!
//! ```text
//! cargo run --example rank_datasets [AS_OF]
//! ```
//!
//! AS_OF defaults to 2025-07-04, the date of the newsletter the bundled data
//! was first read from, so the output is reproducible.

use chrono::NaiveDate;
use policy_targets::rank::{RankQuery, rank};
use policy_targets::{Catalog, Lang, Per};

const METRIC: &str = "high_quality_datasets";

fn run(as_of: NaiveDate) -> Result<String, Box<dyn std::error::Error>> {
    let catalog = Catalog::bundled()?;
    let mut out = String::new();
    for per in [Per::NONE, Per::CAPITA, Per::YEAR, "capita,year".parse()?] {
        let mut query = RankQuery::new(METRIC, as_of);
        query.per = per;
        query.decimals = 2;
        out.push_str(&rank(&catalog, &query)?.to_table(&catalog, Lang::Zh));
        out.push('\n');
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
        let as_of = NaiveDate::from_ymd_opt(2025, 7, 4).unwrap();
        let out = run(as_of).unwrap();
        // Raw: 江苏 1000, 苏州 300, 武汉 20.
        assert!(
            out.contains("   1  江苏省  省级            1,000  1,000个  2027-12-31"),
            "{out}"
        );
        // Per million residents (2020 census): 300 / 12.748262 = 23.53;
        // 1000 / 84.748016 = 11.80; 20 / 12.326518 = 1.62.
        assert!(out.contains("苏州市  地市级  江苏省  23.53"), "{out}");
        assert!(out.contains("11.8"), "{out}");
        assert!(out.contains("1.62"), "{out}");
        // Per plan year: 苏州 and 江苏 over 2025—2027 (3 years): 100 and
        // 333.33; 武汉 over 2025 (1 year): 20.
        assert!(out.contains("333.33"), "{out}");
        // Per million residents per year: 23.53262 / 3 = 7.84.
        assert!(out.contains("7.84"), "{out}");
    }
}
