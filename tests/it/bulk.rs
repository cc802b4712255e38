//! The CSV tables of a data folder (`targets.csv`, `observations.csv`), the
//! streaming progress engine, and the synthetic data generator, on invented
//! fixture data (`tests/fixtures/bulk/*`) and generated folders.

use std::path::Path;

use policy_targets::Catalog;
use policy_targets::output::CsvOptions;
use policy_targets::progress::{self, Options, Progress, Status, progress_folder};
use policy_targets::synth::{Spec, write_folder};

use crate::util::{TempDir, date, fixture, run};

fn in_memory(dir: &Path, as_of: &str) -> Progress {
    let catalog = Catalog::load(dir).unwrap_or_else(|e| panic!("{e}"));
    progress::progress(&catalog, date(as_of), &Options::default())
}

fn streamed(dir: &Path, as_of: &str) -> Progress {
    progress_folder(dir, date(as_of), &Options::default())
        .unwrap_or_else(|e| panic!("{e}"))
        .1
}

fn errors(dir: &Path) -> Vec<String> {
    Catalog::load(dir)
        .unwrap_err()
        .iter()
        .map(|e| e.to_string().replace(&format!("{}/", dir.display()), ""))
        .collect()
}

fn stream_errors(dir: &Path) -> Vec<String> {
    progress_folder(dir, date("2025-12-31"), &Options::default())
        .unwrap_err()
        .iter()
        .map(|e| e.to_string().replace(&format!("{}/", dir.display()), ""))
        .collect()
}

#[test]
fn csv_rows_become_targets_and_observations() {
    let catalog = Catalog::load(fixture("bulk/good")).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(catalog.targets().len(), 3 + 8);
    assert_eq!(catalog.observations().len(), 3 + 30);

    let suzhou = catalog
        .targets()
        .iter()
        .find(|t| t.id.as_str() == "suzhou_revenue_2026")
        .unwrap();
    assert_eq!(suzhou.value.to_string(), "1.2千亿元");
    assert_eq!(suzhou.value.canonical_value().to_string(), "120000000000");
    assert_eq!(suzhou.period.unwrap().to_string(), "2025/2026-06");
    assert_eq!(suzhou.quote, "");
    assert_eq!(suzhou.source.as_str(), "plan");
    let bases = catalog
        .targets()
        .iter()
        .find(|t| t.id.as_str() == "bases_volume_2027")
        .unwrap();
    assert_eq!(bases.value.canonical_value().to_string(), "20000");
    assert_eq!(catalog.period_start(bases).to_string(), "2025-01-01");

    // Observations: ids from the line, the source column or the file.
    let csv: Vec<_> = catalog.observations()[3..].iter().collect();
    assert_eq!(csv[0].id.as_str(), "observations_2");
    assert_eq!(csv[0].source.as_str(), "statistics");
    assert_eq!(csv[1].id.as_str(), "observations_3");
    assert_eq!(csv[1].source.as_str(), "observations_csv");
    assert_eq!(csv[1].as_of.to_string(), "2025-06");
    // Line 7 is empty: the next row is line 8.
    assert_eq!(csv[5].id.as_str(), "observations_8");
    assert_eq!(csv[5].value.to_string(), "1200个");
    assert_eq!(csv[8].value.to_string(), "240个");
    assert_eq!(csv[11].value.canonical_value().to_string(), "1500");
    assert_eq!(csv[14].value.to_string(), "2.2 PB");
    assert!(
        csv.iter()
            .all(|o| o.quote.is_empty() && o.comparator.is_none())
    );
}

#[test]
fn streaming_equals_in_memory_on_the_fixture() {
    let dir = fixture("bulk/good");
    for as_of in [
        "2024-12-31",
        "2025-03-18",
        "2025-06-30",
        "2025-12-31",
        "2026-03-31",
        "2026-06-30",
        "2026-07-01",
        "2027-03-01",
        "2028-01-01",
    ] {
        let a = in_memory(&dir, as_of);
        let b = streamed(&dir, as_of);
        assert_eq!(a, b, "as of {as_of}");
    }
    // The cases the fixture is built for, as of 2025-12-31.
    let report = streamed(&dir, "2025-12-31");
    let row = |id: &str| {
        report
            .rows
            .iter()
            .find(|r| r.target_id.as_str() == id)
            .unwrap()
    };
    // Two Jiangsu targets on datasets: the nearer deadline counts.
    assert!(
        report
            .rows
            .iter()
            .all(|r| r.target_id.as_str() != "jiangsu_datasets_2027")
    );
    assert_eq!(
        row("jiangsu_datasets_2026")
            .latest_value
            .unwrap()
            .to_string(),
        "520"
    );
    // Of two figures on one day, the later row wins.
    let early = streamed(&dir, "2025-06-30");
    let suzhou = early
        .rows
        .iter()
        .find(|r| r.target_id.as_str() == "suzhou_datasets_2027")
        .unwrap();
    assert_eq!(suzhou.latest_value.unwrap().to_string(), "160");
    // A CSV figure after a TOML one on the same day (2025-06 ends 06-30):
    // the CSV one comes later in the catalogue.
    let jiangsu = early
        .rows
        .iter()
        .find(|r| r.target_id.as_str() == "jiangsu_datasets_2026")
        .unwrap();
    assert_eq!(jiangsu.latest_value.unwrap().to_string(), "400");
    // Units are converted exactly: 1500000 GB is 1500 TB.
    assert_eq!(
        row("suzhou_volume_2027").latest_value.unwrap().to_string(),
        "1500"
    );
    // Due today, one figure in its period.
    assert_eq!(row("hunan_revenue_2025").status, Status::InsufficientData);
    let late = streamed(&dir, "2026-01-01");
    let hunan = late
        .rows
        .iter()
        .find(|r| r.target_id.as_str() == "hunan_revenue_2025")
        .unwrap();
    assert_eq!(hunan.status, Status::Missed);
    // 60 → 55 in eleven months, 15 still to cut in twelve.
    assert_eq!(
        row("jiangsu_incidents_2026").status,
        Status::LimitedProgress
    );
}

#[test]
fn streaming_equals_in_memory_on_synthetic_data() {
    let tmp = TempDir::new("synthetic");
    for (seed, spec) in [
        (
            1,
            Spec {
                jurisdictions: 40,
                metrics: 9,
                months: 24,
                seed: 1,
            },
        ),
        (
            2,
            Spec {
                jurisdictions: 7,
                metrics: 16,
                months: 60,
                seed: 99,
            },
        ),
    ] {
        let dir = tmp.join(format!("s{seed}"));
        let summary = write_folder(&spec, &dir).unwrap();
        assert_eq!(
            summary.observations,
            spec.jurisdictions * spec.metrics * spec.months
        );
        for as_of in ["2024-06-30", "2025-06-30", "2026-07-01", "2028-01-01"] {
            let a = in_memory(&dir, as_of);
            let b = streamed(&dir, as_of);
            assert_eq!(a.rows.len(), spec.jurisdictions * spec.metrics);
            assert_eq!(a, b, "seed {seed} as of {as_of}");
        }
    }
}

#[test]
fn synthetic_data_covers_the_statuses() {
    let tmp = TempDir::new("statuses");
    let spec = Spec {
        jurisdictions: 100,
        metrics: 8,
        months: 60,
        seed: 5,
    };
    write_folder(&spec, tmp.path()).unwrap();
    let report = streamed(tmp.path(), "2025-06-30");
    for status in [
        Status::Met,
        Status::Missed,
        Status::InsufficientData,
        Status::OnTrack,
        Status::AccelerationNeeded,
        Status::LimitedProgress,
        Status::MovingAway,
    ] {
        let n = report.rows.iter().filter(|r| r.status == status).count();
        assert!(n >= 5, "{status}: {n} rows");
    }
}

#[test]
fn the_generator_is_deterministic() {
    let tmp = TempDir::new("deterministic");
    let spec = Spec {
        jurisdictions: 12,
        metrics: 10,
        months: 13,
        seed: 2024,
    };
    let read = |dir: &Path| -> Vec<(String, Vec<u8>)> {
        let mut files = Vec::new();
        for name in [
            "jurisdictions.toml",
            "metrics.toml",
            "sources/synthetic_plan.toml",
            "targets.csv",
            "observations.csv",
        ] {
            files.push((name.to_owned(), std::fs::read(dir.join(name)).unwrap()));
        }
        files
    };
    write_folder(&spec, &tmp.join("a")).unwrap();
    write_folder(&spec, &tmp.join("b")).unwrap();
    assert_eq!(read(&tmp.join("a")), read(&tmp.join("b")));
    write_folder(&Spec { seed: 2025, ..spec }, &tmp.join("c")).unwrap();
    assert_ne!(read(&tmp.join("a"))[4], read(&tmp.join("c"))[4]);
    assert!(write_folder(&Spec { months: 0, ..spec }, &tmp.join("d")).is_err());
}

#[test]
fn bad_tables_report_every_problem_at_its_line_and_column() {
    let dir = fixture("bulk/bad");
    let expected = [
        "observations.csv:1:45: header: unknown column `comment`; expected one of: jurisdiction, metric, as_of, value, unit, source",
        "targets.csv:3:1: id: duplicate target \"jiangsu_datasets_2027\", first defined at sources/plan.toml:12:6",
        "targets.csv:4:1: id: invalid id \"Bad Id\": expected a snake_case id (a-z, 0-9 and _, starting with a letter or digit, at most 128 bytes)",
        "targets.csv:4:8: jurisdiction: unknown jurisdiction \"999999\"",
        "targets.csv:4:15: metric: unknown metric \"high_quality_dataset\" (did you mean \"high_quality_datasets\"?)",
        "targets.csv:4:36: comparator: invalid comparator \"at_leest\": expected one of at_least, more_than, at_most, less_than, exactly, range",
        "targets.csv:4:45: value: invalid quantity \"12.5.5\": expected a number such as 1000 or 5.8万, found `12.5.5`",
        "targets.csv:4:54: deadline: invalid date \"2026-02-30\": no such day in the calendar",
        "targets.csv:4:66: source: unknown source \"plann\" (did you mean \"plan\"?)",
        "targets.csv:5:53: deadline: deadline 2024 ends before its source \"plan\" was published (2025-03-31)",
        "targets.csv:6:51: value: unit 个 measures a count, but metric \"data_annotation_volume\" measures an amount of data",
        "targets.csv:7:41: comparator: a range needs an upper bound (`upper`)",
        "targets.csv:8:60: period_start: the period starts (2028) after the deadline (2027)",
        "targets.csv:9:59: source: missing field `source`",
        "targets.csv:10:35: expected 9 cells (id, jurisdiction, metric, comparator, value, unit, deadline, period_start, source), found 3: missing cells",
    ];
    assert_eq!(errors(&dir), expected);
    // The streaming path checks the catalogue (TOML and targets.csv) first,
    // and stops there before reading the figures.
    assert_eq!(stream_errors(&dir), expected[1..]);
}

#[test]
fn bad_observations_are_reported_by_both_paths() {
    let dir = fixture("bulk/bad_observations");
    // The unit parser's own message, whatever its wording.
    let parsecs = format!(
        "observations.csv:8:45: unit: {}",
        "parsecs".parse::<policy_targets::Unit>().unwrap_err()
    );
    let common = [
        "observations.csv:3:23: jurisdiction: invalid jurisdiction code \"32000\": expected a 6-digit administrative division code such as 320000, or a snake_case group slug",
        "observations.csv:4:1: metric: unknown metric \"high_quality_dataset\" (did you mean \"high_quality_datasets\"?)",
        "observations.csv:5:30: as_of: invalid date \"2025-02-30\": no such day in the calendar",
        "observations.csv:6:41: value: invalid quantity \"12.5.5\": expected a number such as 1000 or 5.8万, found `12.5.5`",
        "observations.csv:7:41: value: unit TB measures an amount of data, but metric \"high_quality_datasets\" measures a count",
        &parsecs,
        "observations.csv:9:47: source: unknown source \"statistic\" (did you mean \"statistics\"?)",
        "observations.csv:10:23: jurisdiction: unknown jurisdiction \"wuhan\"",
        "observations.csv:11:40: expected 6 cells (metric, jurisdiction, as_of, value, unit, source), found 3: missing cells",
        "observations.csv:12:48: expected 6 cells (metric, jurisdiction, as_of, value, unit, source), found 7: extra cells",
        "observations.csv:13:41: value: invalid quantity \"3\\n00\": expected a number such as 1000 or 5.8万, found `3\\n00`",
        "observations.csv:15:41: value: negative value -5个: a count cannot be below zero",
    ];
    let mut loaded = vec![
        "observations.csv:2:1: id: duplicate observation \"observations_2\", first defined at sources/plan.toml:22:6",
    ];
    loaded.extend(common.iter().copied());
    assert_eq!(errors(&dir), loaded);
    let mut streamed = vec![
        "observations.csv:2:1: id: duplicate observation \"observations_2\": the id this row gets is already used in the TOML files",
    ];
    streamed.extend(common.iter().copied());
    assert_eq!(stream_errors(&dir), streamed);
}

#[test]
fn problems_are_capped_per_file() {
    let tmp = TempDir::new("capped");
    let spec = Spec {
        jurisdictions: 3,
        metrics: 2,
        months: 2,
        seed: 1,
    };
    write_folder(&spec, tmp.path()).unwrap();
    let mut text = String::from("jurisdiction,metric,as_of,value,unit\n");
    for i in 0..1500 {
        text.push_str(&format!("110101,nope_{i},2025-01-31,1,个\n"));
    }
    std::fs::write(tmp.join("observations.csv"), text).unwrap();
    for errors in [errors(tmp.path()), stream_errors(tmp.path())] {
        assert_eq!(errors.len(), 1001);
        assert!(errors[0].starts_with("observations.csv:2:8: metric: unknown metric \"nope_0\""));
        assert_eq!(
            errors[1000],
            "observations.csv:1002:8: … and 500 more problems in this file (the first 1000 are listed)"
        );
    }
}

#[test]
fn an_empty_or_headless_table_is_reported() {
    let tmp = TempDir::new("headless");
    let spec = Spec {
        jurisdictions: 2,
        metrics: 1,
        months: 1,
        seed: 1,
    };
    write_folder(&spec, tmp.path()).unwrap();
    std::fs::write(tmp.join("observations.csv"), "").unwrap();
    std::fs::write(tmp.join("targets.csv"), "id,jurisdiction\n").unwrap();
    let expected = [
        "observations.csv:1:1: the file is empty: the first line names the columns jurisdiction,metric,as_of,value,unit (and optionally source)",
        "targets.csv:1:1: header: missing column `metric`; the columns are id,jurisdiction,metric,comparator,value,unit,deadline,period_start,source",
        "targets.csv:1:1: header: missing column `comparator`; the columns are id,jurisdiction,metric,comparator,value,unit,deadline,period_start,source",
        "targets.csv:1:1: header: missing column `value`; the columns are id,jurisdiction,metric,comparator,value,unit,deadline,period_start,source",
        "targets.csv:1:1: header: missing column `unit`; the columns are id,jurisdiction,metric,comparator,value,unit,deadline,period_start,source",
        "targets.csv:1:1: header: missing column `deadline`; the columns are id,jurisdiction,metric,comparator,value,unit,deadline,period_start,source",
        "targets.csv:1:1: header: missing column `period_start`; the columns are id,jurisdiction,metric,comparator,value,unit,deadline,period_start,source",
        "targets.csv:1:1: header: missing column `source`; the columns are id,jurisdiction,metric,comparator,value,unit,deadline,period_start,source",
    ];
    assert_eq!(errors(tmp.path()), expected);
}

#[test]
fn non_utf8_cells_are_reported_not_a_panic() {
    let tmp = TempDir::new("utf8");
    let spec = Spec {
        jurisdictions: 2,
        metrics: 1,
        months: 1,
        seed: 1,
    };
    write_folder(&spec, tmp.path()).unwrap();
    let mut bytes =
        b"jurisdiction,metric,as_of,value,unit\n110101,high_quality_datasets_01,2025-12-31,5,"
            .to_vec();
    bytes.extend([0xB8, 0xF6, b'\n']); // 个 in GBK
    std::fs::write(tmp.join("observations.csv"), bytes).unwrap();
    let expected = [
        "observations.csv:2:46: unit: invalid UTF-8: data files must be UTF-8 (re-save it as UTF-8; GBK and GB18030 are not read)",
    ];
    assert_eq!(errors(tmp.path()), expected);
    assert_eq!(stream_errors(tmp.path()), expected);
}

#[test]
fn the_cli_synthesises_and_streams_the_same_rows() {
    let tmp = TempDir::new("cli");
    let dir = tmp.join("data");
    let dir_s = dir.to_str().unwrap();
    let out = run(&[
        "synth",
        "--jurisdictions",
        "20",
        "--metrics",
        "5",
        "--months",
        "12",
        "--seed",
        "3",
        dir_s,
        "--lang",
        "en",
    ])
    .ok();
    assert_eq!(
        out.stdout,
        format!(
            "wrote 20 jurisdictions, 5 metrics, 100 targets and 1200 observations (2025-01-31 to 2025-12-31) to {dir_s}\n"
        )
    );
    let out = run(&[
        "progress",
        "--data",
        dir_s,
        "--as-of",
        "2025-09-30",
        "--format",
        "csv",
    ])
    .ok();
    let mut expected = Vec::new();
    in_memory(&dir, "2025-09-30")
        .write_csv(&mut expected, &CsvOptions::default())
        .unwrap();
    assert_eq!(out.stdout, String::from_utf8_lossy(&expected));

    // A bad row: exit 1 with its line.
    let mut csv = std::fs::read_to_string(dir.join("observations.csv")).unwrap();
    csv.push_str("110101,high_quality_datasets_01,2025-13-31,5,个\n");
    std::fs::write(dir.join("observations.csv"), csv).unwrap();
    let out = run(&[
        "progress",
        "--data",
        dir_s,
        "--as-of",
        "2025-09-30",
        "--lang",
        "en",
    ]);
    assert_eq!(out.code, Some(1));
    let stderr = out.stderr;
    assert!(
        stderr.contains("observations.csv:1202:33: as_of: invalid date \"2025-13-31\": no such day in the calendar"),
        "{stderr}"
    );
}

#[test]
fn validate_streams_the_observations_and_counts_them() {
    // The valid fixture: the counts of a catalogue load.
    let good = fixture("bulk/good");
    let out = run(&["validate", "--lang", "en", "--data", good.to_str().unwrap()]);
    assert_eq!(out.code, Some(0));
    let loaded = Catalog::load(&good).unwrap();
    assert_eq!(loaded.observations().len(), 33);
    assert_eq!(
        out.stdout,
        "ok: 5 jurisdictions, 4 metrics, 2 sources, 11 targets, 33 observations\n"
    );
    assert_eq!(
        policy_targets::bulk::check_folder(&good).unwrap(),
        policy_targets::bulk::Inventory::of(&loaded)
    );

    // `targets validate` on a bad folder: exit 1, its report's lines
    // without the folder's path.
    let report = |bad: &Path| -> Vec<String> {
        let out = run(&["validate", "--lang", "en", "--data", bad.to_str().unwrap()]);
        assert_eq!(out.code, Some(1));
        let prefix = format!("{}/", bad.display());
        out.stderr.lines().map(|l| l.replace(&prefix, "")).collect()
    };
    let counted = |mut errors: Vec<String>| {
        errors.push(format!("{} problems found", errors.len()));
        errors
    };

    // Every bad row, with the streaming reader's words, then the count.
    let bad = fixture("bulk/bad_observations");
    let lines = report(&bad);
    assert_eq!(lines, counted(stream_errors(&bad)));
    assert!(lines[0].ends_with("the id this row gets is already used in the TOML files"));

    // Errors in targets.csv and in observations.csv: all of them at once.
    let bad = fixture("bulk/bad");
    let lines = report(&bad);
    assert_eq!(lines, counted(errors(&bad)));
    assert!(
        lines
            .iter()
            .any(|l| l.starts_with("observations.csv:1:45: header: unknown column `comment`")),
        "{lines:#?}"
    );
}

#[test]
fn progress_by_level_ranks_within_the_level() {
    // Ranks among all (fixture `good` on 2025-12-31): 江苏 0.866667 (1st)
    // and 苏州 0.533333 (2nd) on datasets; 湖南 0.1 is 3rd on volume, after
    // the bases' 0.95 and 苏州's 0.3.
    let good = fixture("bulk/good");
    let dir = good.to_str().unwrap();
    let ranks = |level: Option<&str>| -> Vec<String> {
        let mut args = vec!["progress", "--data", dir, "--as-of", "2025-12-31"];
        if let Some(level) = level {
            args.extend(["--level", level]);
        }
        args.extend(["--format", "csv"]);
        let out = run(&args).ok();
        let mut reader = csv::Reader::from_reader(out.stdout.as_bytes());
        reader
            .records()
            .map(|r| {
                let r = r.unwrap();
                format!("{} {} {}", &r[1], &r[2], &r[17])
            })
            .collect()
    };
    assert_eq!(
        ranks(Some("province")),
        [
            "320000 high_quality_datasets 1",
            "430000 data_annotation_volume 1",
            "430000 data_industry_revenue 1",
            "320000 data_security_incidents ",
        ]
    );
    assert_eq!(
        ranks(Some("prefecture")),
        [
            "320500 high_quality_datasets 1",
            "320500 data_annotation_volume 1",
            "420100 data_industry_revenue 1",
            "320500 data_industry_revenue 2",
            "320500 data_security_incidents ",
        ]
    );
    assert_eq!(ranks(None).len(), 10);
    assert!(ranks(None).contains(&"430000 data_annotation_volume 3".to_owned()));
}

#[test]
fn a_load_keeping_denominators_checks_every_row_and_ranks_the_same() {
    use policy_targets::rank::{RankQuery, rank};
    // The good fixture with populations in its table, so that the per-capita
    // ranking below has denominators to find.
    let tmp = TempDir::new("load-keeping");
    let good = tmp.join("data");
    std::fs::create_dir_all(good.join("sources")).unwrap();
    for file in [
        "jurisdictions.toml",
        "targets.csv",
        "sources/plan.toml",
        "sources/statistics.toml",
    ] {
        std::fs::copy(fixture("bulk/good").join(file), good.join(file)).unwrap();
    }
    let mut metrics = std::fs::read_to_string(fixture("bulk/good").join("metrics.toml")).unwrap();
    metrics.push_str(
        "\n[[metric]]\nid = \"resident_population\"\nname_zh = \"常住人口\"\nname_en = \"Resident population\"\ndimension = \"persons\"\npolarity = \"higher_is_better\"\nbasis = \"stock\"\n",
    );
    std::fs::write(good.join("metrics.toml"), metrics).unwrap();
    let mut table = std::fs::read_to_string(fixture("bulk/good").join("observations.csv")).unwrap();
    table.push_str("320000,resident_population,2020-11-01,84748016,人,\n");
    table.push_str("320500,resident_population,2020-11-01,12748262,人,\n");
    std::fs::write(good.join("observations.csv"), table).unwrap();
    let full = Catalog::load(&good).unwrap();
    let lean = Catalog::load_keeping(&good, &policy_targets::Per::DENOMINATOR_METRICS).unwrap();
    // Every target; of the figures, the TOML ones and the table's
    // denominators only.
    assert_eq!(lean.targets(), full.targets());
    assert!(lean.observations().len() < full.observations().len());
    assert!(lean.observations().iter().all(|o| {
        !o.id.as_str().starts_with("observations_")
            || policy_targets::Per::DENOMINATOR_METRICS.contains(&o.metric.as_str())
    }));
    assert_eq!(
        lean.observations()
            .iter()
            .filter(|o| o.metric.as_str() == "resident_population")
            .count(),
        2
    );
    for per in [policy_targets::Per::NONE, policy_targets::Per::CAPITA] {
        let mut query = RankQuery::new("high_quality_datasets", date("2025-12-31"));
        query.per = per;
        let ranking = rank(&full, &query).unwrap();
        assert_eq!(ranking.rows.len(), 2, "{per}: 江苏 and 苏州 ranked");
        assert_eq!(rank(&lean, &query).unwrap(), ranking);
    }
    // Bad rows are reported whatever their metric, with the words of the
    // streaming reader for an id a TOML record holds.
    let bad = fixture("bulk/bad_observations");
    let errors: Vec<String> = Catalog::load_keeping(&bad, &["resident_population"])
        .unwrap_err()
        .iter()
        .map(|e| e.to_string().replace(&format!("{}/", bad.display()), ""))
        .collect();
    assert_eq!(errors, stream_errors(&bad));
}

#[test]
fn a_streamed_csv_export_writes_the_bytes_of_a_loaded_one() {
    let tmp = TempDir::new("bulk_export_stream");
    let dir = tmp.join("data");
    let spec = Spec {
        jurisdictions: 12,
        metrics: 5,
        months: 7,
        seed: 3,
    };
    write_folder(&spec, &dir).unwrap();
    let catalog = Catalog::load(&dir).unwrap_or_else(|e| panic!("{e}"));
    for options in [
        CsvOptions::default(),
        CsvOptions {
            bom: true,
            ..CsvOptions::default()
        },
    ] {
        let mut loaded = Vec::new();
        policy_targets::export::write_csv(&catalog, &mut loaded, &options).unwrap();
        let mut streamed = Vec::new();
        policy_targets::export::write_csv_folder(&dir, &mut streamed, &options)
            .unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(streamed, loaded);
    }
    // The command streams it too, to standard output and to a file.
    let data = dir.to_str().unwrap();
    let mut loaded = Vec::new();
    policy_targets::export::write_csv(&catalog, &mut loaded, &CsvOptions::default()).unwrap();
    let out = run(&["export", "--data", data, "--format", "csv"]).succeeded();
    assert_eq!(out.as_bytes(), loaded.as_slice());
    let file = tmp.join("export.csv");
    run(&[
        "export",
        "--data",
        data,
        "--format",
        "csv",
        "-o",
        file.to_str().unwrap(),
    ])
    .ok();
    assert_eq!(std::fs::read(&file).unwrap(), loaded);
}

#[test]
fn a_streamed_csv_export_with_a_bad_row_writes_nothing() {
    let tmp = TempDir::new("bulk_export_stream_bad");
    let dir = tmp.join("data");
    let spec = Spec {
        jurisdictions: 4,
        metrics: 2,
        months: 3,
        seed: 1,
    };
    write_folder(&spec, &dir).unwrap();
    let csv = dir.join("observations.csv");
    let mut text = std::fs::read_to_string(&csv).unwrap();
    text.push_str("110101,no_such_metric,2025-12-31,1,个\n");
    std::fs::write(&csv, text).unwrap();
    let data = dir.to_str().unwrap();
    let run = run(&["export", "--data", data, "--format", "csv"]);
    assert!(run.stdout.is_empty(), "{}", run.stdout);
    let message = run.fails_with(1);
    assert!(message.contains("observations.csv:"), "{message}");
    assert!(message.contains("no_such_metric"), "{message}");
}

#[test]
fn progress_csv_of_a_folder_is_written_one_metric_at_a_time_with_the_same_bytes() {
    let tmp = TempDir::new("bulk_progress_csv_each");
    let dir = tmp.join("data");
    let spec = Spec {
        jurisdictions: 9,
        metrics: 6,
        months: 5,
        seed: 4,
    };
    write_folder(&spec, &dir).unwrap();
    let data = dir.to_str().unwrap();
    for as_of in ["2025-06-30", "2025-12-31"] {
        let (_, report) = progress_folder(&dir, date(as_of), &Options::default())
            .unwrap_or_else(|e| panic!("{e}"));
        for bom in [false, true] {
            let options = CsvOptions {
                bom,
                ..CsvOptions::default()
            };
            let mut gathered = Vec::new();
            report.write_csv(&mut gathered, &options).unwrap();
            let mut args = vec![
                "progress", "--data", data, "--as-of", as_of, "--format", "csv",
            ];
            if bom {
                args.push("--bom");
            }
            let out = run(&args).succeeded();
            assert_eq!(out.as_bytes(), gathered.as_slice(), "{as_of} {bom}");
        }
    }
}
