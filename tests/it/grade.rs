//! Source grades and metric families on a small folder written here:
//! `rank --family` ranks a metric with its narrower ones, `--min-grade`
//! leaves out the figures of weaker sources and counts what it left out.
//!
//! The folder: five jurisdictions; `data_enterprises` with
//! `data_backbone_enterprises` narrower than it, `above_scale_enterprises`
//! narrower than that (so in the family transitively) and `datasets`
//! outside it; five sources of every kind of grading:
//!
//! | source | grade | figures |
//! | --- | --- | --- |
//! | `jiangsu_plan` | press | 江苏 data enterprises ≥ 3000 by 2027 |
//! | `zhejiang_report` | mirror | 浙江 data enterprises ≥ 2000, above-scale ≥ 800 by 2027 |
//! | `newsletter` | summary | none of its own |
//! | `suzhou_opinions` | none, read in `newsletter` (summary) | 苏州 data enterprises ≥ 600 by 2027 |
//! | `henan_plan` | official | 河南 backbone enterprises ≥ 500 by 2027 |
//! | `henan_news` | press | 河南 backbone enterprises: 1000 at the end of 2025 |
//! | `yearbook` | none, no `url` | 江苏 data enterprises: 2500 in 2025 |

use std::path::Path;

use policy_targets::Catalog;
use serde_json::Value;

use crate::util::{TempDir, cli};

const JURISDICTIONS: &str = r#"
[[jurisdiction]]
code = "100000"
name_zh = "中国"
name_en = "China"
level = "nation"

[[jurisdiction]]
code = "320000"
name_zh = "江苏省"
name_en = "Jiangsu"
level = "province"
parent = "100000"

[[jurisdiction]]
code = "320500"
name_zh = "苏州市"
name_en = "Suzhou"
level = "prefecture"
parent = "320000"

[[jurisdiction]]
code = "330000"
name_zh = "浙江省"
name_en = "Zhejiang"
level = "province"
parent = "100000"

[[jurisdiction]]
code = "410000"
name_zh = "河南省"
name_en = "Henan"
level = "province"
parent = "100000"
"#;

/// A `[[metric]]` table counting enterprises, narrower than `broader` when
/// one is given.
fn metric(id: &str, zh: &str, en: &str, broader: Option<&str>) -> String {
    let broader = broader.map_or(String::new(), |b| format!("broader = \"{b}\"\n"));
    format!(
        "[[metric]]\nid = \"{id}\"\nname_zh = \"{zh}\"\nname_en = \"{en}\"\ndimension = \"count\"\npolarity = \"higher_is_better\"\nbasis = \"stock\"\n{broader}\n"
    )
}

/// A `[source]` table, with `extra` lines (url, grade, via).
fn source(id: &str, extra: &str) -> String {
    format!(
        "[source]\nid = \"{id}\"\ntitle = \"{id}\"\nissuer = \"办公室\"\npublished = 2025-03-01\nstatus = \"final\"\nforce = \"plan\"\n{extra}\n"
    )
}

/// A `[[target]]` of at least `value` enterprises by the end of 2027.
fn target(id: &str, code: &str, metric: &str, value: u32) -> String {
    format!(
        "[[target]]\nid = \"{id}\"\njurisdiction = \"{code}\"\nmetric = \"{metric}\"\ncomparator = \"at_least\"\nvalue = {value}\nunit = \"家\"\ndeadline = 2027\nquote = \"{value}家\"\n\n"
    )
}

/// An `[[observation]]` of `value` enterprises on `as_of`.
fn observation(id: &str, code: &str, metric: &str, value: u32, as_of: &str) -> String {
    format!(
        "[[observation]]\nid = \"{id}\"\njurisdiction = \"{code}\"\nmetric = \"{metric}\"\nvalue = {value}\nunit = \"家\"\nas_of = {as_of}\nquote = \"{value}家\"\n\n"
    )
}

/// Writes the folder described at the top of this module.
fn write_folder(dir: &Path) {
    let write = |name: &str, text: String| {
        let path = dir.join(name);
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(&path, text).unwrap();
    };
    write("jurisdictions.toml", JURISDICTIONS.to_owned());
    write(
        "metrics.toml",
        [
            metric("data_enterprises", "数据企业", "Data enterprises", None),
            metric(
                "data_backbone_enterprises",
                "数据骨干企业",
                "Data backbone enterprises",
                Some("data_enterprises"),
            ),
            metric("datasets", "数据集", "Datasets", None),
            metric(
                "above_scale_enterprises",
                "规上数据企业",
                "Above-scale data enterprises",
                Some("data_backbone_enterprises"),
            ),
        ]
        .concat(),
    );
    let url = |grade: &str| format!("url = \"https://example.org/{grade}\"\ngrade = \"{grade}\"");
    write(
        "sources/jiangsu_plan.toml",
        source("jiangsu_plan", &url("press"))
            + &target("js_de", "320000", "data_enterprises", 3000),
    );
    write(
        "sources/zhejiang_report.toml",
        source("zhejiang_report", &url("mirror"))
            + &target("zj_de", "330000", "data_enterprises", 2000)
            + &target("zj_above", "330000", "above_scale_enterprises", 800),
    );
    write(
        "sources/newsletter.toml",
        source("newsletter", &url("summary")),
    );
    write(
        "sources/suzhou_opinions.toml",
        source("suzhou_opinions", "via = \"newsletter\"")
            + &target("sz_de", "320500", "data_enterprises", 600),
    );
    write(
        "sources/henan_plan.toml",
        source("henan_plan", &url("official"))
            + &target("hn_backbone", "410000", "data_backbone_enterprises", 500),
    );
    write(
        "sources/henan_news.toml",
        source("henan_news", &url("press"))
            + &observation(
                "hn_backbone_2025",
                "410000",
                "data_backbone_enterprises",
                1000,
                "2025-12-31",
            ),
    );
    write(
        "sources/yearbook.toml",
        source("yearbook", "")
            + &observation("js_de_2025", "320000", "data_enterprises", 2500, "2025"),
    );
}

/// The folder, written afresh.
pub(crate) fn folder() -> TempDir {
    let dir = TempDir::new("grade");
    write_folder(dir.path());
    dir
}

/// `targets <args> --data <dir> --format json`, parsed.
fn json(dir: &TempDir, args: &[&str]) -> Value {
    let data = dir.path().to_str().unwrap();
    let mut all: Vec<&str> = args.to_vec();
    all.extend(["--data", data, "--format", "json"]);
    serde_json::from_str(&cli(&all).run().succeeded()).unwrap()
}

/// The (rank, jurisdiction, metric, value) of each row of a ranking.
fn rows(ranking: &Value) -> Vec<(u64, String, String, String)> {
    ranking["rows"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| {
            (
                r["rank"].as_u64().unwrap(),
                r["jurisdiction"].as_str().unwrap().to_owned(),
                r["metric"].as_str().unwrap().to_owned(),
                r["value"].to_string(),
            )
        })
        .collect()
}

fn row(rank: u64, code: &str, metric: &str, value: &str) -> (u64, String, String, String) {
    (rank, code.to_owned(), metric.to_owned(), value.to_owned())
}

#[test]
fn the_folder_is_valid_and_families_are_transitive() {
    let dir = folder();
    let catalog = Catalog::load(dir.path()).unwrap();
    let family: Vec<&str> = catalog
        .family("data_enterprises")
        .iter()
        .map(|m| m.id.as_str())
        .collect();
    assert_eq!(
        family,
        [
            "data_enterprises",
            "data_backbone_enterprises",
            "above_scale_enterprises"
        ]
    );
    let suzhou = catalog.source("suzhou_opinions").unwrap();
    assert_eq!(
        catalog.grade_of(suzhou),
        Some(policy_targets::Grade::Summary)
    );
    assert_eq!(catalog.grade_of(catalog.source("yearbook").unwrap()), None);
}

#[test]
fn a_metric_alone_ranks_only_its_own_targets() {
    let dir = folder();
    let ranking = json(&dir, &["rank", "data_enterprises", "--as-of", "2026-01-01"]);
    assert_eq!(
        rows(&ranking),
        [
            row(1, "320000", "data_enterprises", "3000"),
            row(2, "330000", "data_enterprises", "2000"),
            row(3, "320500", "data_enterprises", "600"),
        ]
    );
    assert_eq!(ranking["metrics"], serde_json::json!(["data_enterprises"]));
    assert_eq!(ranking["left_out"], 0);
    assert_eq!(ranking["min_grade"], Value::Null);
}

#[test]
fn a_family_ranks_every_narrower_metric_with_one_row_per_target() {
    let dir = folder();
    let ranking = json(
        &dir,
        &[
            "rank",
            "data_enterprises",
            "--family",
            "--as-of",
            "2026-01-01",
        ],
    );
    // 浙江 has two targets in the family: two rows, each with its metric.
    assert_eq!(
        rows(&ranking),
        [
            row(1, "320000", "data_enterprises", "3000"),
            row(2, "330000", "data_enterprises", "2000"),
            row(3, "330000", "above_scale_enterprises", "800"),
            row(4, "320500", "data_enterprises", "600"),
            row(5, "410000", "data_backbone_enterprises", "500"),
        ]
    );
    assert_eq!(
        ranking["metrics"],
        serde_json::json!([
            "data_enterprises",
            "data_backbone_enterprises",
            "above_scale_enterprises"
        ])
    );
    assert_eq!(ranking["rows"][3]["within"], "320000");
    // A narrower metric's family leaves the broader one out.
    let narrower = json(
        &dir,
        &[
            "rank",
            "data_backbone_enterprises",
            "--family",
            "--as-of",
            "2026-01-01",
        ],
    );
    assert_eq!(
        rows(&narrower),
        [
            row(1, "330000", "above_scale_enterprises", "800"),
            row(2, "410000", "data_backbone_enterprises", "500"),
        ]
    );
}

#[test]
fn a_family_table_has_a_metric_column_and_names_the_family() {
    let dir = folder();
    let data = dir.path().to_str().unwrap();
    let args = [
        "rank",
        "data_enterprises",
        "--family",
        "--as-of",
        "2026-01-01",
        "--lang",
        "en",
        "--data",
        data,
    ];
    let table = cli(args).run().succeeded();
    assert!(
        table.contains(
            "metric family: Data enterprises, Data backbone enterprises, Above-scale data enterprises\n"
        ),
        "{table}"
    );
    let zhejiang: Vec<&str> = table.lines().filter(|l| l.contains("Zhejiang")).collect();
    assert_eq!(zhejiang.len(), 2, "{table}");
    assert!(
        zhejiang[1].contains("Above-scale data enterprises"),
        "{table}"
    );
    let zh = cli([
        "rank",
        "data_enterprises",
        "--family",
        "--as-of",
        "2026-01-01",
        "--data",
        data,
    ])
    .run()
    .succeeded();
    assert!(
        zh.contains("指标族：数据企业、数据骨干企业、规上数据企业\n"),
        "{zh}"
    );
}

#[test]
fn min_grade_leaves_out_weaker_and_ungraded_sources_and_counts_them() {
    let dir = folder();
    let family = [
        "rank",
        "data_enterprises",
        "--family",
        "--as-of",
        "2026-01-01",
    ];
    let press = json(&dir, &[&family[..], &["--min-grade", "press"]].concat());
    assert_eq!(
        rows(&press),
        [
            row(1, "320000", "data_enterprises", "3000"),
            row(2, "410000", "data_backbone_enterprises", "500"),
        ]
    );
    // 浙江's two mirror targets and 苏州's, read in a summary newsletter.
    assert_eq!(press["left_out"], 3);
    assert_eq!(press["min_grade"], "press");
    let official = json(&dir, &[&family[..], &["--min-grade", "official"]].concat());
    assert_eq!(
        rows(&official),
        [row(1, "410000", "data_backbone_enterprises", "500")]
    );
    assert_eq!(official["left_out"], 4);
    let summary = json(&dir, &[&family[..], &["--min-grade", "summary"]].concat());
    assert_eq!(rows(&summary).len(), 5);
    assert_eq!(summary["left_out"], 0);

    let data = dir.path().to_str().unwrap();
    let table = cli([
        &family[..],
        &["--min-grade", "press", "--lang", "en", "--data", data],
    ]
    .concat())
    .run()
    .succeeded();
    assert!(
        table.ends_with("left out: 3 targets whose source is graded below press or not graded\n"),
        "{table}"
    );
    let zh = cli([&family[..], &["--min-grade", "official", "--data", data]].concat())
        .run()
        .succeeded();
    assert!(
        zh.ends_with("来源等级低于“官方”或未评级的目标已略去：4 个\n"),
        "{zh}"
    );
}

#[test]
fn min_grade_in_progress_leaves_out_targets_and_reported_figures() {
    let dir = folder();
    let status = |args: &[&str], target: &str| -> String {
        let answer = json(
            &dir,
            &[&["progress", "--as-of", "2026-06-30"], args].concat(),
        );
        let rows = answer["rows"].as_array().unwrap();
        rows.iter()
            .find(|r| r["target_id"] == target)
            .map_or("left out".to_owned(), |r| {
                r["status"].as_str().unwrap().to_owned()
            })
    };
    // Every grade: 河南 reported 1000 against 500 (met); 江苏 2500 of 3000.
    assert_eq!(status(&[], "hn_backbone"), "met");
    assert_eq!(status(&[], "js_de"), "insufficient_data");
    // Press: 河南's press figure counts; the yearbook (no grade) does not.
    assert_eq!(status(&["--min-grade", "press"], "hn_backbone"), "met");
    assert_eq!(status(&["--min-grade", "press"], "js_de"), "no_data");
    assert_eq!(status(&["--min-grade", "press"], "zj_de"), "left out");
    // Official: 河南's target stays, its press figure does not.
    assert_eq!(
        status(&["--min-grade", "official"], "hn_backbone"),
        "no_data"
    );
    assert_eq!(status(&["--min-grade", "official"], "js_de"), "left out");

    let data = dir.path().to_str().unwrap();
    let table = cli([
        "progress",
        "--as-of",
        "2026-06-30",
        "--min-grade",
        "official",
        "--lang",
        "en",
        "--data",
        data,
    ])
    .run()
    .succeeded();
    assert!(
        table
            .ends_with("left out: 4 targets whose source is graded below official or not graded\n"),
        "{table}"
    );
}

#[test]
fn an_unknown_min_grade_is_a_usage_error() {
    let run = cli([
        "rank",
        "data_enterprises",
        "--min-grade",
        "offical",
        "--lang",
        "en",
    ])
    .run();
    let stderr = run.fails_with(2);
    assert!(
        stderr.contains(
            "invalid grade \"offical\": expected one of official, press, mirror, summary"
        ),
        "{stderr}"
    );
}

/// The cells of `column` in a CSV text, by the cell of `key`.
fn csv_column(text: &str, key: &str, column: &str) -> Vec<(String, String)> {
    let mut reader = csv::Reader::from_reader(text.as_bytes());
    let header = reader.headers().unwrap().clone();
    let at = |name: &str| header.iter().position(|h| h == name).unwrap();
    let (k, c) = (at(key), at(column));
    reader
        .records()
        .map(|r| {
            let r = r.unwrap();
            (r[k].to_owned(), r[c].to_owned())
        })
        .collect()
}

#[test]
fn the_csv_export_ends_with_the_grade_each_figure_is_credited_with() {
    let dir = folder();
    let data = dir.path().to_str().unwrap();
    let out = cli(["export", "--format", "csv", "--data", data])
        .run()
        .succeeded();
    assert!(
        out.lines()
            .next()
            .unwrap()
            .ends_with(",upper,note,source_grade")
    );
    let mut grades = csv_column(&out, "id", "source_grade");
    grades.sort();
    let expected = [
        ("hn_backbone", "official"),
        ("hn_backbone_2025", "press"),
        ("js_de", "press"),
        ("js_de_2025", ""),
        ("sz_de", "summary"), // read in the summary newsletter
        ("zj_above", "mirror"),
        ("zj_de", "mirror"),
    ]
    .map(|(a, b)| (a.to_owned(), b.to_owned()));
    assert_eq!(grades, expected);
}

#[test]
fn the_data_package_declares_grades_and_broader_metrics() {
    let dir = folder();
    let out = TempDir::new("grade-package");
    let package = out.join("package");
    let data = dir.path().to_str().unwrap();
    cli([
        "export",
        "--format",
        "datapackage",
        package.to_str().unwrap(),
        "--data",
        data,
    ])
    .run()
    .ok();
    let sources = std::fs::read_to_string(package.join("sources.csv")).unwrap();
    let mut grades = csv_column(&sources, "id", "grade");
    grades.sort();
    assert_eq!(grades[1], ("henan_plan".to_owned(), "official".to_owned()));
    assert_eq!(grades[4], ("suzhou_opinions".to_owned(), String::new()));
    let metrics = std::fs::read_to_string(package.join("metrics.csv")).unwrap();
    assert_eq!(
        csv_column(&metrics, "id", "broader")[3],
        (
            "above_scale_enterprises".to_owned(),
            "data_backbone_enterprises".to_owned()
        )
    );
    let descriptor: Value =
        serde_json::from_str(&std::fs::read_to_string(package.join("datapackage.json")).unwrap())
            .unwrap();
    let field = |resource: usize, name: &str| -> Value {
        descriptor["resources"][resource]["schema"]["fields"]
            .as_array()
            .unwrap()
            .iter()
            .find(|f| f["name"] == name)
            .cloned()
            .unwrap()
    };
    let grades = serde_json::json!({"enum": ["official", "press", "mirror", "summary"]});
    assert_eq!(field(0, "source_grade")["constraints"], grades);
    assert_eq!(field(3, "grade")["constraints"], grades);
    assert_eq!(field(3, "grade")["policy_targets:title_zh"], "来源等级");
    let metric_keys = &descriptor["resources"][2]["schema"]["foreignKeys"];
    assert_eq!(metric_keys[0]["fields"], serde_json::json!(["broader"]));
}

#[test]
fn the_sqlite_export_checks_grades() {
    let dir = folder();
    let out = TempDir::new("grade-sqlite");
    let db = out.join("targets.db");
    let data = dir.path().to_str().unwrap();
    cli([
        "export",
        "--format",
        "sqlite",
        db.to_str().unwrap(),
        "--as-of",
        "2026-06-30",
        "--data",
        data,
    ])
    .run()
    .ok();
    let connection = rusqlite::Connection::open(&db).unwrap();
    let grade: Option<String> = connection
        .query_row(
            "SELECT grade FROM sources WHERE id = 'zhejiang_report'",
            [],
            |r| r.get(0),
        )
        .unwrap();
    assert_eq!(grade.as_deref(), Some("mirror"));
    let none: Option<String> = connection
        .query_row("SELECT grade FROM sources WHERE id = 'yearbook'", [], |r| {
            r.get(0)
        })
        .unwrap();
    assert_eq!(none, None);
    let broader: Option<String> = connection
        .query_row(
            "SELECT broader FROM metrics WHERE id = 'data_backbone_enterprises'",
            [],
            |r| r.get(0),
        )
        .unwrap();
    assert_eq!(broader.as_deref(), Some("data_enterprises"));
    let refused = connection.execute(
        "UPDATE sources SET grade = 'rumour' WHERE id = 'yearbook'",
        [],
    );
    assert!(
        refused
            .unwrap_err()
            .to_string()
            .contains("CHECK constraint failed")
    );
}

#[test]
fn the_html_appendix_shows_each_sources_grade_in_both_languages() {
    let dir = folder();
    let out = TempDir::new("grade-html");
    let data = dir.path().to_str().unwrap();
    let page = |lang: &str| {
        let file = out.join(format!("report-{lang}.html"));
        cli([
            "report",
            "--as-of",
            "2026-06-30",
            "--subject",
            "410000",
            "--lang",
            lang,
            "--html",
            file.to_str().unwrap(),
            "--data",
            data,
        ])
        .run()
        .ok();
        std::fs::read_to_string(file).unwrap()
    };
    let en = page("en");
    assert!(
        en.contains(r#"<span class="k">Grade</span>official</span>"#),
        "{en}"
    );
    assert!(
        en.contains(
            r#"<span class="k">Grade</span>summary (that of the source it was read in)</span>"#
        ),
        "{en}"
    );
    assert!(en.contains(
        "they are in the table of targets: Data backbone enterprises, Above-scale data enterprises.</p>"
    ));
    assert!(en.contains(r#"id="m-data_enterprises""#));
    assert!(!en.contains(r#"id="m-data_backbone_enterprises""#));
    let zh = page("zh");
    assert!(zh.contains(r#"<span class="k">来源等级</span>官方</span>"#));
    assert!(zh.contains(r#"<span class="k">来源等级</span>摘要（取自转引来源）</span>"#));
}

#[test]
fn the_report_ranks_only_metrics_with_two_ranked_jurisdictions() {
    let dir = folder();
    let data = dir.path().to_str().unwrap();
    let report = |lang: &str| {
        cli([
            "report",
            "--as-of",
            "2026-01-01",
            "--subject",
            "410000",
            "--lang",
            lang,
            "--data",
            data,
        ])
        .run()
        .succeeded()
    };
    let en = report("en");
    // 数据企业: 江苏, 浙江 and 苏州; the two narrower metrics one each.
    assert!(
        en.contains("Data enterprises: ranking (target values, as of 2026-01-01)"),
        "{en}"
    );
    assert!(!en.contains("Data backbone enterprises: ranking"), "{en}");
    assert!(
        !en.contains("Above-scale data enterprises: ranking"),
        "{en}"
    );
    // The sentence is wrapped at 120 columns.
    let words = en.split_whitespace().collect::<Vec<_>>().join(" ");
    assert!(words.contains(
        "Metrics with a target of one jurisdiction only are not ranked; they are in the table of targets: Data backbone enterprises, Above-scale data enterprises."
    ));
    assert!(
        en.lines()
            .filter(|l| !l.contains("  "))
            .all(|l| l.len() <= 120)
    );
    let zh = report("zh");
    assert!(
        zh.contains("仅一个地区设定目标的指标不作排名，见目标一览：数据骨干企业、规上数据企业。\n")
    );

    let catalog = Catalog::load(dir.path()).unwrap();
    let as_of = "2026-01-01".parse().unwrap();
    let overview = policy_targets::report::overview(&catalog, "410000", as_of).unwrap();
    let ranked: Vec<&str> = overview
        .rankings
        .iter()
        .map(|(raw, _)| raw.metric.as_str())
        .collect();
    assert_eq!(ranked, ["data_enterprises"]);
    assert_eq!(overview.targets.len(), 5);
}
