//! `targets list`: what a data folder holds, and `targets/SOURCES.md`, the
//! list of the bundled data's sources, kept current.

use serde_json::Value;

use crate::util::{TempDir, cli, manifest_dir, run};

/// The command that writes `targets/SOURCES.md`.
const SOURCES_MD: [&str; 6] = ["list", "sources", "--format", "markdown", "--lang", "en"];

#[test]
fn sources_md_is_current() {
    let generated = run(&SOURCES_MD).succeeded();
    let path = manifest_dir().join("targets/SOURCES.md");
    let committed = std::fs::read_to_string(&path).unwrap_or_default();
    assert!(
        committed == generated,
        "targets/SOURCES.md is not current: regenerate it with \
         `cargo run -- list sources --format markdown --lang en --output targets/SOURCES.md`"
    );
}

/// A folder of two jurisdictions, two metrics (one narrower) and three
/// sources: graded, read in another, and without an address.
fn folder() -> TempDir {
    let dir = TempDir::new("list");
    std::fs::create_dir_all(dir.join("sources")).unwrap();
    std::fs::write(
        dir.join("jurisdictions.toml"),
        r#"
[[jurisdiction]]
code = "410000"
name_zh = "河南省"
name_en = "Henan"
level = "province"

[[jurisdiction]]
code = "410100"
name_zh = "郑州市"
name_en = "Zhengzhou"
level = "prefecture"
parent = "410000"
"#,
    )
    .unwrap();
    std::fs::write(
        dir.join("metrics.toml"),
        r#"
[[metric]]
id = "data_enterprises"
name_zh = "数据企业"
name_en = "Data enterprises"
dimension = "count"
polarity = "higher_is_better"
basis = "stock"

[[metric]]
id = "data_backbone_enterprises"
name_zh = "数据骨干企业"
name_en = "Data backbone enterprises"
dimension = "count"
polarity = "higher_is_better"
basis = "stock"
broader = "data_enterprises"
"#,
    )
    .unwrap();
    let source = |id: &str, extra: &str, records: &str| {
        format!(
            "[source]\nid = \"{id}\"\ntitle = \"{id} | 标题\"\nissuer = \"办公室\"\npublished = 2025-04-17\nstatus = \"final\"\nforce = \"plan\"\n{extra}\n{records}"
        )
    };
    let target = |id: &str, code: &str, metric: &str| {
        format!(
            "[[target]]\nid = \"{id}\"\njurisdiction = \"{code}\"\nmetric = \"{metric}\"\ncomparator = \"at_least\"\nvalue = 500\nunit = \"家\"\ndeadline = 2027\nquote = \"500家\"\n\n"
        )
    };
    let observation = |id: &str, code: &str, metric: &str| {
        format!(
            "[[observation]]\nid = \"{id}\"\njurisdiction = \"{code}\"\nmetric = \"{metric}\"\nvalue = 1000\nunit = \"家\"\nas_of = 2025\nquote = \"1000家\"\n\n"
        )
    };
    std::fs::write(
        dir.join("sources/plan.toml"),
        source(
            "plan",
            "url = \"https://example.org/plan\"\ngrade = \"official\"",
            &(target("hn_backbone", "410000", "data_backbone_enterprises")
                + &target("zz_enterprises", "410100", "data_enterprises")),
        ),
    )
    .unwrap();
    std::fs::write(
        dir.join("sources/news.toml"),
        source(
            "news",
            "via = \"plan\"",
            &observation("hn_backbone_2025", "410000", "data_backbone_enterprises"),
        ),
    )
    .unwrap();
    std::fs::write(dir.join("sources/empty.toml"), source("empty", "", "")).unwrap();
    dir
}

fn list(dir: &TempDir, args: &[&str]) -> String {
    let data = dir.path().to_str().unwrap();
    cli([&["list"], args, &["--data", data]].concat())
        .run()
        .succeeded()
}

#[test]
fn sources_list_what_each_contributed() {
    let dir = folder();
    let json: Value = serde_json::from_str(&list(&dir, &["sources", "--format", "json"])).unwrap();
    assert_eq!(json["version"], 1);
    assert_eq!(json["list"], "sources");
    let items = json["items"].as_array().unwrap();
    // In file-name order: empty, news, plan.
    let ids: Vec<&str> = items.iter().map(|i| i["id"].as_str().unwrap()).collect();
    assert_eq!(ids, ["empty", "news", "plan"]);
    assert_eq!(items[2]["grade"], "official");
    assert_eq!(items[2]["targets"], 2);
    assert_eq!(items[2]["observations"], 0);
    assert_eq!(
        items[2]["metrics"],
        serde_json::json!(["data_enterprises", "data_backbone_enterprises"])
    );
    assert_eq!(items[1]["grade"], Value::Null);
    assert_eq!(items[1]["via"], "plan");
    assert_eq!(items[1]["observations"], 1);
    assert_eq!(items[0]["metrics"], serde_json::json!([]));

    let csv = list(&dir, &["sources", "--format", "csv"]);
    assert_eq!(
        csv.lines().next().unwrap(),
        "id,title,issuer,published,grade,via,url,targets,observations,metrics"
    );
    assert!(csv.contains(
        "plan,plan | 标题,办公室,2025-04-17,official,,https://example.org/plan,2,0,data_enterprises;data_backbone_enterprises\n"
    ));
}

#[test]
fn sources_as_markdown() {
    let dir = folder();
    let en = list(&dir, &["sources", "--format", "markdown", "--lang", "en"]);
    let expected = "\
# Sources of the data

Generated from the data by `targets list sources --format markdown --lang en`; do not edit by hand.

3 sources: 1 official, 2 without a grade.

| id | title | published | grade | read in | url | targets | observations | metrics |
| --- | --- | --- | --- | --- | --- | ---: | ---: | --- |
| `empty` | empty \\| 标题 | 2025-04-17 |  |  |  | 0 | 0 |  |
| `news` | news \\| 标题 | 2025-04-17 |  | `plan` |  | 0 | 1 | `data_backbone_enterprises` |
| `plan` | plan \\| 标题 | 2025-04-17 | official |  | https://example.org/plan | 2 | 0 | `data_enterprises`, `data_backbone_enterprises` |
";
    assert_eq!(en, expected);
    let zh = list(&dir, &["sources", "--format", "markdown"]);
    assert!(zh.starts_with("# 数据来源\n\n本文件由 `targets list sources --format markdown --lang zh` 根据数据生成，请勿手工编辑。\n\n共 3个来源：官方 1 个，未评级 2 个。\n"), "{zh}");
    assert!(
        zh.contains("| `plan` | plan \\| 标题 | 2025-04-17 | 官方 |"),
        "{zh}"
    );
}

#[test]
fn metrics_and_jurisdictions_as_tables() {
    let dir = folder();
    let metrics = list(&dir, &["metrics", "--lang", "en"]);
    let expected = "\
id                         name                       dimension  broader           targets  observations
-------------------------  -------------------------  ---------  ----------------  -------  ------------
data_enterprises           Data enterprises           count                              1             0
data_backbone_enterprises  Data backbone enterprises  count      Data enterprises        1             1
2 metrics.
";
    assert_eq!(metrics, expected);
    let jurisdictions = list(&dir, &["jurisdictions"]);
    let expected = "\
代码    名称    级别    上级    目标数  实绩数
------  ------  ------  ------  ------  ------
410000  河南省  省级                 1       1
410100  郑州市  地市级  410000       1       0
共 2个地区。按级别：省级 1，地市级 1。
";
    assert_eq!(jurisdictions, expected);
}

#[test]
fn list_usage_errors() {
    let stderr = run(&["list", "regions", "--lang", "en"]).fails_with(2);
    assert!(stderr.contains("invalid value 'regions'"), "{stderr}");
    let stderr = run(&["list", "sources", "--bom", "--lang", "en"]).fails_with(2);
    assert!(
        stderr.contains("--bom and --raw-csv apply to CSV output"),
        "{stderr}"
    );
}
