//! Bulk folders streamed through the JSON export, the data package and the
//! report: the bytes of the loaded catalogue's output, nothing written when
//! a row is bad.

use std::path::{Path, PathBuf};

use policy_targets::output::{CsvOptions, write_progress_json_folder};
use policy_targets::progress::{Options, progress_folder};
use policy_targets::synth::{Spec, write_folder};
use policy_targets::{Catalog, Lang, NaiveDate, datapackage, export, html, report};

use crate::util::{TempDir, copy_dir, date, folder_listing, manifest_dir, run};

/// Figures for the bundled data: progress of targets in force (several
/// dated figures of one, for a trend), population denominators, a figure
/// of a source of the catalogue and figures no target measures.
const BUNDLED_ROWS: &str = "\
jurisdiction,metric,as_of,value,unit,source
320000,high_quality_datasets,2025-06-30,300,个,
320000,high_quality_datasets,2025-09-30,420,个,
320000,high_quality_datasets,2025-12-31,560,个,
320000,high_quality_datasets,2026-03-31,610,个,
120000,high_quality_datasets,2026-03,900,个,
430000,data_annotation_volume,2025-12-31,1.2,PB,
320500,typical_data_products,2026-01-31,120,个,
450000,resident_population,2025-12-31,5027,万人,
320000,resident_population,2025-12-31,8526,万人,
120000,resident_population,2025,1364,万人,
430000,gdp,2025,5.3,万亿元,
450000,high_quality_datasets,2026-05-31,77,个,
";

/// The folders the streams are checked on: header only, one row, synthetic
/// rows with figures in TOML too, and the bundled data with a small table.
fn folders(tmp: &TempDir) -> Vec<PathBuf> {
    let spec = Spec {
        jurisdictions: 7,
        metrics: 4,
        months: 5,
        seed: 11,
    };
    let header = tmp.join("header_only");
    write_folder(&spec, &header).unwrap();
    std::fs::write(
        header.join("observations.csv"),
        "jurisdiction,metric,as_of,value,unit\n",
    )
    .unwrap();
    let one = tmp.join("one_row");
    write_folder(&spec, &one).unwrap();
    let text = std::fs::read_to_string(one.join("observations.csv")).unwrap();
    let first_two: Vec<&str> = text.lines().take(2).collect();
    std::fs::write(one.join("observations.csv"), first_two.join("\n") + "\n").unwrap();
    let with_toml = tmp.join("with_toml");
    write_folder(&spec, &with_toml).unwrap();
    let plan = with_toml.join("sources/synthetic_plan.toml");
    let mut toml = std::fs::read_to_string(&plan).unwrap();
    toml.push_str(
        "\n[[observation]]\nid = \"reported_in_toml\"\njurisdiction = \"110101\"\n\
         metric = \"high_quality_datasets_01\"\nvalue = \"12\"\nunit = \"个\"\n\
         as_of = \"2025-06\"\nquote = \"（示例）已建成12个\"\n",
    );
    std::fs::write(&plan, toml).unwrap();
    vec![header, one, with_toml, bundled_with_rows(tmp)]
}

/// The bundled data copied, with [`BUNDLED_ROWS`] as its `observations.csv`.
fn bundled_with_rows(tmp: &TempDir) -> PathBuf {
    let dir = tmp.join("bundled");
    copy_dir(&manifest_dir().join("targets"), &dir);
    std::fs::write(dir.join("observations.csv"), BUNDLED_ROWS).unwrap();
    dir
}

fn load(dir: &Path) -> Catalog {
    Catalog::load(dir).unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
}

/// `dir`'s folder with a row naming an unknown metric added.
fn with_bad_row(dir: &Path) {
    let csv = dir.join("observations.csv");
    let mut text = std::fs::read_to_string(&csv).unwrap();
    text.push_str("110101,no_such_metric,2025-12-31,1,个\n");
    std::fs::write(&csv, text).unwrap();
}

#[test]
fn a_streamed_json_export_writes_the_bytes_of_a_loaded_one() {
    let tmp = TempDir::new("stream_json");
    let folders = folders(&tmp);
    // The TOML figure is there, before the rows of the table.
    let json = export::to_json(&load(&folders[2]));
    let toml_at = json.find("\"reported_in_toml\"").unwrap();
    assert!(toml_at < json.find("\"observations_2\"").unwrap());
    for dir in &folders {
        let loaded = export::to_json(&load(dir));
        let mut streamed = Vec::new();
        export::write_json_folder(dir, &mut streamed).unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(
            String::from_utf8(streamed).unwrap(),
            loaded,
            "{}",
            dir.display()
        );
        // The command streams it, to standard output and to a file.
        let data = dir.to_str().unwrap();
        let out = run(&["export", "--data", data, "--format", "json"]).succeeded();
        assert_eq!(out, format!("{loaded}\n"));
        let file = tmp.join("export.json");
        let file_arg = file.to_str().unwrap();
        run(&["export", "--data", data, "--format", "json", "-o", file_arg]).ok();
        assert_eq!(
            std::fs::read_to_string(&file).unwrap(),
            format!("{loaded}\n")
        );
    }
    // The header-only table leaves `observations` empty, read back whole.
    let empty = load(&folders[0]);
    assert!(empty.observations().is_empty());
    assert!(export::to_json(&empty).contains("\"observations\": []"));
    assert_eq!(
        export::from_json(&export::to_json(&load(&folders[3]))).unwrap(),
        load(&folders[3])
    );
}

#[test]
fn a_streamed_json_export_with_a_bad_row_writes_nothing() {
    let tmp = TempDir::new("stream_json_bad");
    let dir = folders(&tmp).remove(2);
    with_bad_row(&dir);
    let data = dir.to_str().unwrap();
    let failed = run(&["export", "--data", data, "--format", "json"]);
    assert!(failed.stdout.is_empty(), "{}", failed.stdout);
    let message = failed.fails_with(1);
    assert!(message.contains("observations.csv:"), "{message}");
    assert!(message.contains("no_such_metric"), "{message}");
    // A file given is left as it was, with nothing beside it.
    let out = tmp.join("out");
    std::fs::create_dir(&out).unwrap();
    let file = out.join("export.json");
    std::fs::write(&file, "earlier").unwrap();
    let failed = run(&[
        "export",
        "--data",
        data,
        "--format",
        "json",
        "-o",
        file.to_str().unwrap(),
    ]);
    failed.fails_with(1);
    assert_eq!(std::fs::read_to_string(&file).unwrap(), "earlier");
    assert_eq!(folder_listing(&out), ["export.json"]);
}

#[test]
fn a_streamed_progress_json_writes_the_bytes_of_a_gathered_one() {
    let tmp = TempDir::new("stream_progress_json");
    for dir in folders(&tmp) {
        for as_of in ["2025-12-31", "2020-01-01"] {
            let (_, report) = progress_folder(&dir, date(as_of), &Options::default()).unwrap();
            let gathered = report.to_json();
            let mut streamed = Vec::new();
            write_progress_json_folder(&dir, date(as_of), &Options::default(), &mut streamed)
                .unwrap_or_else(|e| panic!("{e}"));
            let shown = format!("{} as of {as_of}", dir.display());
            assert_eq!(String::from_utf8(streamed).unwrap(), gathered, "{shown}");
            // The command streams it.
            let data = dir.to_str().unwrap();
            let out = run(&[
                "progress", "--data", data, "--as-of", as_of, "--format", "json",
            ]);
            assert_eq!(out.succeeded(), format!("{gathered}\n"), "{shown}");
        }
    }
    // Long before any source, no target counts: the rows are an empty list.
    let (_, none) =
        progress_folder(&folders(&tmp)[2], date("2020-01-01"), &Options::default()).unwrap();
    assert!(none.rows.is_empty());
    assert!(none.to_json().ends_with("\"rows\": []\n}"));
}

#[test]
fn a_streamed_progress_json_with_a_bad_row_writes_nothing() {
    let tmp = TempDir::new("stream_progress_json_bad");
    let bad = folders(&tmp).remove(2);
    with_bad_row(&bad);
    let json = [
        "progress",
        "--as-of",
        "2025-12-31",
        "--format",
        "json",
        "--data",
    ];
    // JSON takes no CSV options: said before the folder is read.
    let bom = run(&[&json[..], &[bad.to_str().unwrap(), "--bom"]].concat());
    assert!(bom.fails_with(2).contains("--bom"));
    let failed = run(&[&json[..], &[bad.to_str().unwrap()]].concat());
    assert!(failed.stdout.is_empty(), "{}", failed.stdout);
    let message = failed.fails_with(1);
    assert!(message.contains("no_such_metric"), "{message}");
}

/// The files of the data package in `dir`, by name.
fn package(dir: &Path) -> Vec<(String, Vec<u8>)> {
    datapackage::FILE_NAMES
        .iter()
        .map(|name| (name.to_string(), std::fs::read(dir.join(name)).unwrap()))
        .collect()
}

#[test]
fn a_streamed_data_package_holds_the_bytes_of_a_loaded_one() {
    let tmp = TempDir::new("stream_package");
    for (k, dir) in folders(&tmp).iter().enumerate() {
        for bom in [false, true] {
            let options = CsvOptions {
                bom,
                ..CsvOptions::default()
            };
            let loaded = datapackage::files(&load(dir), &options).unwrap();
            let mut records = Vec::new();
            let others = datapackage::write_folder(dir, &mut records, &options)
                .unwrap_or_else(|e| panic!("{e}"));
            assert_eq!(loaded[0], ("records.csv".to_owned(), records));
            assert_eq!(loaded[1..], others[..]);
            // The command writes the same files, replacing its own folder.
            let out = tmp.join(format!("package_{k}"));
            let mut args = vec![
                "export",
                "--data",
                dir.to_str().unwrap(),
                "--format",
                "datapackage",
                out.to_str().unwrap(),
            ];
            if bom {
                args.push("--bom");
            }
            run(&args).ok();
            assert_eq!(package(&out), loaded, "{} {bom}", dir.display());
            assert_eq!(folder_listing(&out).len(), datapackage::FILE_NAMES.len());
        }
    }
}

#[test]
fn a_streamed_data_package_with_a_bad_row_leaves_the_folder_as_it_was() {
    let tmp = TempDir::new("stream_package_bad");
    let dir = folders(&tmp).remove(1);
    let data = dir.to_str().unwrap();
    let out = tmp.join("out");
    let package_dir = out.join("package");
    let package_arg = package_dir.to_str().unwrap();
    run(&[
        "export",
        "--data",
        data,
        "--format",
        "datapackage",
        package_arg,
    ])
    .ok();
    let before = package(&package_dir);
    with_bad_row(&dir);
    let message = run(&[
        "export",
        "--data",
        data,
        "--format",
        "datapackage",
        package_arg,
    ])
    .fails_with(1);
    assert!(message.contains("no_such_metric"), "{message}");
    assert_eq!(package(&package_dir), before);
    // No temporary folder is left beside it.
    assert_eq!(folder_listing(&out), ["package"]);
    // A folder of other files is not replaced, whatever the rows.
    let foreign = tmp.join("foreign");
    std::fs::create_dir(&foreign).unwrap();
    std::fs::write(foreign.join("notes.txt"), "mine").unwrap();
    let good_tmp = TempDir::new("stream_package_good");
    let good = folders(&good_tmp).remove(0);
    let foreign_arg = foreign.to_str().unwrap();
    let good_arg = good.to_str().unwrap();
    let message = run(&[
        "export",
        "--data",
        good_arg,
        "--format",
        "datapackage",
        foreign_arg,
    ])
    .fails_with(1);
    assert!(message.contains("notes.txt"), "{message}");
    assert_eq!(folder_listing(&foreign), ["notes.txt"]);
}

/// The report of `dir` on `as_of` for `subject`, as the command writes it:
/// text in both languages and the HTML page in both.
fn reports(dir: &Path, subject: &str, as_of: &str, tmp: &TempDir) -> Vec<String> {
    let data = dir.to_str().unwrap();
    let mut out = Vec::new();
    for lang in ["zh", "en"] {
        let args = [
            "report",
            "--data",
            data,
            "--subject",
            subject,
            "--as-of",
            as_of,
        ];
        let mut text_args = args.to_vec();
        text_args.extend(["--lang", lang]);
        out.push(run(&text_args).succeeded());
        let page = tmp.join(format!("report_{lang}.html"));
        let mut page_args = text_args.clone();
        page_args.extend(["--html", page.to_str().unwrap()]);
        run(&page_args).ok();
        out.push(std::fs::read_to_string(&page).unwrap());
    }
    out
}

/// The same reports made by the library on the loaded catalogue.
fn loaded_reports(dir: &Path, subject: &str, as_of: NaiveDate) -> Vec<String> {
    let catalog = load(dir);
    let overview = report::overview(&catalog, subject, as_of).unwrap();
    [Lang::Zh, Lang::En]
        .into_iter()
        .flat_map(|lang| {
            [
                overview.to_text(&catalog, lang),
                html::render(&overview, &catalog, lang),
            ]
        })
        .collect()
}

#[test]
fn a_streamed_report_shows_what_the_loaded_one_shows() {
    let tmp = TempDir::new("stream_report");
    let all = folders(&tmp);
    let cases = [
        (&all[2], "110101", "2025-12-31"),
        (&all[3], "450000", "2026-06-30"),
        (&all[3], "320000", "2025-12-31"),
    ];
    for (dir, subject, as_of) in cases {
        let loaded = loaded_reports(dir, subject, date(as_of));
        assert_eq!(
            reports(dir, subject, as_of, &tmp),
            loaded,
            "{subject} {as_of}"
        );
        // The library's streamed overview is the loaded one too.
        let (catalog, progress) = report::load_folder(dir, date(as_of), true).unwrap();
        let overview = report::overview_with(&catalog, subject, date(as_of), progress).unwrap();
        assert_eq!(overview.to_text(&catalog, Lang::En), loaded[2]);
    }
    // The bundled report shows the table's figures: a per-capita ranking
    // divided by the table's population, a reported figure and a trend.
    let (catalog, progress) = report::load_folder(&all[3], date("2026-06-30"), true).unwrap();
    assert!(
        catalog
            .observations()
            .iter()
            .any(|o| o.id.as_str() == "observations_9")
    );
    let jiangsu = progress
        .rows
        .iter()
        .find(|r| r.target_id.as_str() == "jiangsu_opinions_high_quality_datasets_2027")
        .unwrap();
    assert_eq!(jiangsu.latest_value.unwrap().to_string(), "610");
    assert!(jiangsu.trend.is_some());
    let page = &loaded_reports(&all[3], "450000", date("2026-06-30"))[3];
    assert!(page.contains("class=\"trajectory\""));
    // Without the page, only the denominators of the table are kept: the
    // charts of the page would lack their figures.
    let (catalog, progress) = report::load_folder(&all[3], date("2026-06-30"), false).unwrap();
    let overview = report::overview_with(&catalog, "450000", date("2026-06-30"), progress).unwrap();
    assert_ne!(&html::render(&overview, &catalog, Lang::En), page);
    let from_table: Vec<&str> = catalog
        .observations()
        .iter()
        .map(|o| o.id.as_str())
        .filter(|id| id.starts_with("observations_"))
        .collect();
    assert_eq!(
        from_table,
        [
            "observations_9",
            "observations_10",
            "observations_11",
            "observations_12"
        ]
    );
}

#[test]
fn a_streamed_report_with_a_bad_row_fails_naming_it() {
    let tmp = TempDir::new("stream_report_bad");
    let dir = folders(&tmp).remove(2);
    with_bad_row(&dir);
    let data = dir.to_str().unwrap();
    let failed = run(&[
        "report",
        "--data",
        data,
        "--subject",
        "110101",
        "--lang",
        "en",
    ]);
    assert!(failed.stdout.is_empty(), "{}", failed.stdout);
    let message = failed.fails_with(1);
    assert!(message.contains("observations.csv:"), "{message}");
    assert!(message.contains("no_such_metric"), "{message}");
}
