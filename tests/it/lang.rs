//! What an analyst sees in either language: tables that fit a terminal of
//! 120 columns, Chinese output without English words, English output without
//! internal codes, and errors in the language of `--lang`.

use policy_targets::Catalog;
use unicode_width::UnicodeWidthStr;

use crate::util::run;

/// The widest a line of a command's table may be.
const WIDTH: usize = 120;

/// The commands whose tables are checked, without `--lang`: every metric
/// ranked raw (with its family where it has narrower metrics), per capita
/// and among prefectures, gaps to a jurisdiction and to a median, progress
/// of provinces and prefectures, indices with and without draws, and every
/// listing.
fn commands() -> Vec<Vec<String>> {
    let catalog = Catalog::bundled().unwrap();
    let mut commands: Vec<Vec<&str>> = vec![
        vec!["rank", "high_quality_datasets", "--per", "capita"],
        vec!["rank", "high_quality_datasets", "--per", "capita,year", "--level", "prefecture"],
        vec!["rank", "data_enterprises", "--family"],
        vec!["gap", "广西", "--against", "江苏", "--metric", "high_quality_datasets", "--per", "capita"],
        vec!["gap", "广西", "--against", "median", "--metric", "data_industry_growth_rate"],
        vec!["progress", "--as-of", "2026-06-30"],
        vec!["progress", "--as-of", "2026-06-30", "--level", "prefecture"],
        vec!["index", "--metrics", "high_quality_datasets,data_annotation_volume", "--per", "capita", "--draws", "50"],
        vec!["index", "--metrics", "computing_power,intelligent_computing_share,storage_capacity,data_industry_growth_rate", "--draws", "50"],
        vec!["list", "metrics"],
        vec!["list", "jurisdictions"],
        vec!["list", "sources"],
    ];
    let ranked: Vec<String> = catalog
        .metrics()
        .iter()
        .filter(|m| catalog.targets().iter().any(|t| t.metric == m.id))
        .map(|m| m.id.to_string())
        .collect();
    for id in &ranked {
        commands.push(vec!["rank", id.as_str()]);
    }
    commands
        .into_iter()
        .map(|c| c.into_iter().map(str::to_owned).collect())
        .collect()
}

/// Runs `args` with `--lang lang` and `--as-of 2026-06-30` where the
/// command takes a date; returns standard output.
fn output(args: &[String], lang: &str) -> String {
    let mut args: Vec<&str> = args.iter().map(String::as_str).collect();
    args.extend(["--lang", lang]);
    if args[0] != "list" && !args.contains(&"--as-of") {
        args.extend(["--as-of", "2026-06-30"]);
    }
    run(&args).ok().stdout
}

#[test]
fn every_table_fits_120_columns_in_both_languages() {
    let mut wide = Vec::new();
    for args in commands() {
        for lang in ["zh", "en"] {
            for line in output(&args, lang).lines() {
                if line.width() > WIDTH {
                    wide.push(format!(
                        "targets {} --lang {lang}: {} columns: {line}",
                        args.join(" "),
                        line.width()
                    ));
                }
            }
        }
    }
    assert!(wide.is_empty(), "{} lines too wide:\n{}", wide.len(), wide.join("\n"));
}
