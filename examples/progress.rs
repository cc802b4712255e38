//! Are the targets on track? Attainment and pace verdicts of every target
//! that counts on a date, then the reported figures that no target matches
//! yet (in the bundled data most targets have no figure of their own yet, so
//! most verdicts there are `no_data`).
//!
//! ```text
//! cargo run --example progress [AS_OF] [DATA_DIR]
//! cargo run --example progress 2026-12-31 tests/fixtures/progress/linear
//! ```

use chrono::NaiveDate;
use policy_targets::output::unmatched_table;
use policy_targets::progress::{Options, progress};
use policy_targets::{Catalog, Lang};

fn run(catalog: &Catalog, as_of: NaiveDate) -> String {
    let report = progress(catalog, as_of, &Options::default());
    let mut out = report.to_table(catalog, Lang::Zh);
    out.push_str(&unmatched_table(catalog, as_of, Lang::Zh));
    out
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
    print!("{}", run(&catalog, as_of));
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bundled_data_on_the_last_day_of_2025() {
        let catalog = Catalog::bundled().unwrap();
        let out = run(&catalog, NaiveDate::from_ymd_opt(2025, 12, 31).unwrap());
        // 83 targets count (Guizhou's are published in 2026); nine have a
        // figure of their own: the nation 3, Sichuan 2, Zhejiang 2, Henan 2.
        assert_eq!(out.matches("无实绩数据").count(), 74, "{out}");
        // The nation's computing power: 246 EFLOPS in June 2024 against more
        // than 300 by the end of 2025, on pace (ratio 1.36).
        // (Rows are grouped under their metric's name.)
        let row = |metric: &str, place: &str| -> &str {
            out.lines()
                .skip_while(|l| *l != metric)
                .find(|l| l.starts_with(place))
                .unwrap_or_else(|| panic!("no {metric} {place} in\n{out}"))
        };
        let computing = row("算力规模", "中国");
        assert!(computing.contains("进度正常"), "{computing}");
        // Henan: more than 1000 data backbone enterprises against at least 500.
        let henan = row("数据骨干企业", "河南省");
        assert!(henan.contains("已完成"), "{henan}");
        // The seven annotation bases' 17282 TB is reported but matches no target.
        let row: Vec<&str> = out
            .lines()
            .find(|l| l.starts_with("国家数据标注基地") && l.contains("数据标注规模"))
            .unwrap()
            .split_whitespace()
            .collect();
        // Figures as written: 5.8万人 and 83亿元, not 58,000 person.
        assert!(out.contains("5.8万人"), "{out}");
        assert!(out.contains("83亿元"), "{out}");
        assert_eq!(
            row,
            [
                "国家数据标注基地",
                "数据标注规模",
                "17282",
                "TB",
                "2025-03-18",
                "模达",
                "17282TB"
            ]
        );
    }

    #[test]
    fn verdicts_on_fixture_data() {
        let catalog = Catalog::load("tests/fixtures/progress/linear").unwrap();
        let out = run(&catalog, NaiveDate::from_ymd_opt(2026, 12, 31).unwrap());
        for label in ["进度正常", "需加快", "进展有限", "偏离目标"] {
            assert!(out.contains(label), "{label} missing in\n{out}");
        }
    }
}
