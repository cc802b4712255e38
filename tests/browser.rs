//! The HTML report in a real browser: headless Chromium opens the page the
//! command line writes, the rendered document must hold the charts and the
//! key figures, the page must log nothing to the console, and a screenshot is
//! kept under `target/report-test/` for people (and CI artifacts) to look at.
//!
//! Without `chromium` (or `chromium-browser`) on `PATH` the test is skipped
//! with a message, unless the `CI` environment variable is set: in CI a
//! missing browser is a failure (`.ci/run` installs Debian's `chromium` and
//! `fonts-noto-cjk`). With a browser, a font for Chinese must be installed
//! (`fc-list :lang=zh`), or the page would show empty boxes.

use std::fs::File;
use std::path::{Path, PathBuf};
use std::process::{Command, ExitStatus, Stdio};
use std::time::{Duration, Instant, SystemTime, UNIX_EPOCH};

/// How long one browser run may take before it is killed.
const TIMEOUT: Duration = Duration::from_secs(60);

/// The first of `chromium`, `chromium-browser` found on `PATH`.
fn find_chromium() -> Option<PathBuf> {
    let path = std::env::var_os("PATH")?;
    ["chromium", "chromium-browser"].iter().find_map(|name| {
        std::env::split_paths(&path)
            .map(|dir| dir.join(name))
            .find(|candidate| candidate.is_file())
    })
}

/// What a browser run left behind.
struct Run {
    status: Option<ExitStatus>,
    stdout: String,
    stderr: String,
}

/// A fresh, empty folder under Cargo's temporary folder for tests.
fn fresh_dir(label: &str) -> PathBuf {
    let nanos = SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map(|d| d.as_nanos())
        .unwrap_or(0);
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR"))
        .join(format!("chromium-{label}-{}-{nanos}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

/// Runs headless Chromium on `page` with `extra` arguments, its output sent
/// to files (so a full pipe never blocks it), killed after [`TIMEOUT`].
fn chromium(browser: &Path, page: &Path, extra: &[String], label: &str) -> Run {
    let scratch = fresh_dir(label);
    let profile = scratch.join("profile");
    let out_path = scratch.join("stdout.txt");
    let err_path = scratch.join("stderr.txt");
    let mut command = Command::new(browser);
    command
        .args([
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-quic",
            "--disable-dev-shm-usage",
            "--no-first-run",
            "--no-default-browser-check",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--disable-extensions",
            "--hide-scrollbars",
            "--enable-logging=stderr",
            "--v=0",
        ])
        .arg(format!("--user-data-dir={}", profile.display()))
        .args(extra)
        .arg(format!("file://{}", page.display()))
        .stdin(Stdio::null())
        .stdout(File::create(&out_path).unwrap())
        .stderr(File::create(&err_path).unwrap());
    #[cfg(unix)]
    {
        // Its own process group, so that a hung browser is killed with all
        // of its helper processes.
        use std::os::unix::process::CommandExt;
        command.process_group(0);
    }
    let mut child = command.spawn().expect("chromium starts");
    let started = Instant::now();
    let status = loop {
        match child.try_wait() {
            Ok(Some(status)) => break Some(status),
            Ok(None) if started.elapsed() < TIMEOUT => {
                std::thread::sleep(Duration::from_millis(100));
            }
            _ => {
                #[cfg(unix)]
                {
                    let _ = Command::new("kill")
                        .args(["-KILL", &format!("-{}", child.id())])
                        .status();
                }
                let _ = child.kill();
                let _ = child.wait();
                break None;
            }
        }
    };
    let run = Run {
        status,
        stdout: String::from_utf8_lossy(&std::fs::read(&out_path).unwrap_or_default()).into_owned(),
        stderr: String::from_utf8_lossy(&std::fs::read(&err_path).unwrap_or_default()).into_owned(),
    };
    let _ = std::fs::remove_dir_all(&scratch);
    run
}

/// Lines of Chromium's log that report the page's console: messages the
/// page logged (`INFO:CONSOLE:1] "…"`, `CONSOLE(1)` in older versions) and
/// uncaught exceptions. Chromium's own noise (D-Bus, GPU, sandbox) is not
/// the page's and is ignored.
fn console_lines(stderr: &str) -> Vec<&str> {
    stderr
        .lines()
        .filter(|l| l.contains(":CONSOLE") || l.contains("CONSOLE(") || l.contains("Uncaught"))
        .collect()
}

/// Chromium draws text with the fonts fontconfig knows; without one for
/// Chinese the page shows empty boxes, which no DOM check sees.
fn assert_a_chinese_font() {
    let cjk = Command::new("fc-list")
        .args([":lang=zh", "family"])
        .output()
        .map(|o| String::from_utf8_lossy(&o.stdout).trim().to_owned())
        .unwrap_or_default();
    assert!(
        !cjk.is_empty(),
        "no font for Chinese is installed (fc-list :lang=zh lists none), so the page would show \
         empty boxes: install Debian's fonts-noto-cjk (see .ci/run)"
    );
}

/// Writes `targets ARGS --html target/report-test/NAME` and returns the
/// page's path.
fn write_report(args: &[&str], name: &str) -> PathBuf {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let dir = root.join("target").join("report-test");
    std::fs::create_dir_all(&dir).unwrap();
    let page = dir.join(name);
    let out = Command::new(env!("CARGO_BIN_EXE_targets"))
        .current_dir(root)
        .args(args)
        .arg("--html")
        .arg(&page)
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "targets report --html failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    page.canonicalize().unwrap()
}

/// The document Chromium renders of `page` (standard output) and what it
/// logged (standard error).
fn rendered(browser: &Path, page: &Path, label: &str) -> Run {
    let dom = chromium(browser, page, &["--dump-dom".to_owned()], label);
    assert!(
        dom.status.is_some_and(|s| s.success()),
        "chromium --dump-dom failed or timed out ({:?}):\n{}",
        dom.status,
        dom.stderr
    );
    dom
}

/// The page as Chromium renders it: its charts, its figures, no script,
/// nothing loaded, nothing logged.
fn check_the_rendered_document(browser: &Path, page: &Path) {
    let dom = rendered(browser, page, "dom");
    let html = &dom.stdout;
    assert!(html.contains("<svg"), "no SVG in the rendered page");
    assert!(
        html.matches("<rect").count() >= 20,
        "the charts have too few bars"
    );
    for figure in [
        "《政策量化目标概览》",
        "1,000",
        "591",
        "3,000 TB",
        "江苏省",
        "苏州市（江苏省内）",
        "广西壮族自治区",
        "来源与原文",
    ] {
        assert!(
            html.contains(figure),
            "{figure} is not in the rendered page"
        );
    }
    let lower = html.to_lowercase();
    assert!(!lower.contains("<script"), "the page runs no script");
    assert!(!lower.contains(" src="), "the page loads nothing");
    assert!(!lower.contains("<link"), "the page loads nothing");
    let console = console_lines(&dom.stderr);
    assert!(
        console.is_empty(),
        "the page logged to the console:\n{}",
        console.join("\n")
    );
}

/// The browser to test with, or `None` (after saying so) when there is
/// none outside CI; a Chinese font must be installed.
fn browser_or_skip() -> Option<PathBuf> {
    let Some(browser) = find_chromium() else {
        if std::env::var_os("CI").is_some() {
            panic!(
                "CI is set but neither chromium nor chromium-browser is on PATH: \
                 install Debian's chromium and fonts-noto-cjk (see .ci/run)"
            );
        }
        eprintln!(
            "skipping the browser test: neither chromium nor chromium-browser is on PATH \
             (install Debian's chromium and fonts-noto-cjk to run it; with CI set it fails instead)"
        );
        return None;
    };
    assert_a_chinese_font();
    Some(browser)
}

/// Takes a screenshot of `page` into `screenshot`, checks that it is a
/// PNG of some size and that the page logged nothing.
fn screenshot(browser: &Path, page: &Path, screenshot: &Path, height: u32) {
    let _ = std::fs::remove_file(screenshot);
    let shot = chromium(
        browser,
        page,
        &[
            format!("--screenshot={}", screenshot.display()),
            format!("--window-size=1280,{height}"),
        ],
        "screenshot",
    );
    assert!(
        shot.status.is_some_and(|s| s.success()),
        "chromium --screenshot failed or timed out ({:?}):\n{}",
        shot.status,
        shot.stderr
    );
    let png = std::fs::read(screenshot).expect("the screenshot is written");
    assert!(
        png.starts_with(b"\x89PNG\r\n\x1a\n"),
        "the screenshot is a PNG"
    );
    assert!(
        png.len() > 100_000,
        "the screenshot is nearly empty ({} bytes)",
        png.len()
    );
    let console = console_lines(&shot.stderr);
    assert!(
        console.is_empty(),
        "the page logged to the console:\n{}",
        console.join("\n")
    );
    eprintln!("screenshot: {}", screenshot.display());
}

#[test]
fn the_report_renders_in_headless_chromium() {
    let Some(browser) = browser_or_skip() else {
        return;
    };

    let page = write_report(&["report", "--as-of", "2025-07-04"], "report.html");
    let screenshot = page.with_file_name("report.png");

    check_the_rendered_document(&browser, &page);

    // The screenshot, an artifact for people to look at.
    self::screenshot(&browser, &page, &screenshot, 4000);
}

#[test]
fn trajectory_charts_render_in_headless_chromium() {
    let Some(browser) = browser_or_skip() else {
        return;
    };
    let page = write_report(
        &[
            "--data",
            "tests/fixtures/progress/trajectory",
            "report",
            "--subject",
            "steady",
            "--as-of",
            "2026-06-30",
        ],
        "trajectories.html",
    );
    let dom = rendered(&browser, &page, "dom");
    let html = &dom.stdout;
    // Five targets with figures on two days or more, each a chart with its
    // dashed trend, its dots (4 + 3 + 2 + 2 + 3) and its target square.
    assert_eq!(html.matches("<svg class=\"trajectory\"").count(), 5);
    assert_eq!(html.matches("<polyline class=\"trend\"").count(), 5);
    assert_eq!(html.matches("<rect class=\"goal\"").count(), 5);
    assert_eq!(html.matches("<circle").count(), 14);
    for text in [
        "趋势预计",
        "匀速地区 · 测试数据集",
        "预计2026-08-24达标",
        "预计期末达 154.2",
    ] {
        assert!(html.contains(text), "{text} is not in the rendered page");
    }
    let console = console_lines(&dom.stderr);
    assert!(
        console.is_empty(),
        "the page logged to the console:\n{}",
        console.join("\n")
    );
    let shot = page.with_file_name("trajectories.png");
    self::screenshot(&browser, &page, &shot, 2400);
}

/// Five provinces' targets on three metrics, which rank them differently:
/// a data folder whose report has a composite index.
fn write_index_folder(dir: &Path) {
    std::fs::create_dir_all(dir.join("sources")).unwrap();
    let provinces = [
        ("110000", "甲省", "Alpha"),
        ("120000", "乙省", "Beta"),
        ("130000", "丙省", "Gamma"),
        ("140000", "丁省", "Delta"),
        ("150000", "戊省", "Epsilon"),
    ];
    let mut jurisdictions = String::new();
    for (code, zh, en) in provinces {
        jurisdictions.push_str(&format!(
            "[[jurisdiction]]\ncode = \"{code}\"\nname_zh = \"{zh}\"\nname_en = \"{en}\"\nlevel = \"province\"\n\n"
        ));
    }
    std::fs::write(dir.join("jurisdictions.toml"), jurisdictions).unwrap();
    let mut metrics = String::new();
    for (id, zh, en, polarity) in [
        ("datasets", "数据集", "Datasets", "higher_is_better"),
        ("platforms", "服务平台", "Platforms", "higher_is_better"),
        ("incidents", "安全事件", "Incidents", "lower_is_better"),
    ] {
        metrics.push_str(&format!(
            "[[metric]]\nid = \"{id}\"\nname_zh = \"{zh}\"\nname_en = \"{en}\"\ndimension = \"count\"\npolarity = \"{polarity}\"\nbasis = \"stock\"\n\n"
        ));
    }
    std::fs::write(dir.join("metrics.toml"), metrics).unwrap();
    let mut source = String::from(
        "[source]\nid = \"plans\"\ntitle = \"五省规划\"\nissuer = \"五省办公厅\"\npublished = 2025-01-15\nstatus = \"final\"\nforce = \"plan\"\n",
    );
    let values = [
        ("datasets", [500, 300, 420, 120, 260]),
        ("platforms", [6, 14, 9, 20, 11]),
        ("incidents", [30, 12, 25, 18, 40]),
    ];
    for (metric, numbers) in values {
        for ((code, _, _), value) in provinces.iter().zip(numbers) {
            source.push_str(&format!(
                "\n[[target]]\nid = \"{metric}_{code}\"\njurisdiction = \"{code}\"\nmetric = \"{metric}\"\ncomparator = \"at_least\"\nvalue = {value}\nunit = \"个\"\ndeadline = 2027\nquote = \"{value}个\"\n"
            ));
        }
    }
    std::fs::write(dir.join("sources/plans.toml"), source).unwrap();
}

#[test]
fn the_index_section_renders_in_headless_chromium() {
    let Some(browser) = browser_or_skip() else {
        return;
    };
    let data = fresh_dir("index-data");
    write_index_folder(&data);
    let data = data.to_str().expect("a UTF-8 path");
    let page = write_report(
        &[
            "report",
            "--data",
            data,
            "--subject",
            "110000",
            "--as-of",
            "2026-01-01",
        ],
        "index.html",
    );
    let dom = rendered(&browser, &page, "index-dom");
    let html = &dom.stdout;
    let start = html
        .find("<section id=\"index\"")
        .expect("the index section is rendered");
    let section = &html[start..];
    let section = &section[..section.find("</section>").unwrap()];
    for part in [
        "五、综合指数",
        "名次及其不确定区间",
        "敏感性",
        "权重（±25%）",
        "甲省",
        "戊省",
    ] {
        assert!(section.contains(part), "{part} is not in the index section");
    }
    assert_eq!(
        section.matches("<circle").count(),
        5,
        "one dot per province"
    );
    assert_eq!(
        section.matches("class=\"median\"").count(),
        5,
        "one median tick per province"
    );
    assert!(
        section.matches("class=\"whisker\"").count() >= 15,
        "a line and two ends per province"
    );
    let console = console_lines(&dom.stderr);
    assert!(
        console.is_empty(),
        "the page logged to the console:\n{}",
        console.join("\n")
    );
    let screenshot = page.with_file_name("index.png");
    let _ = std::fs::remove_file(&screenshot);
    let shot = chromium(
        &browser,
        &page,
        &[
            format!("--screenshot={}", screenshot.display()),
            "--window-size=1280,3000".to_owned(),
        ],
        "index-screenshot",
    );
    assert!(
        shot.status.is_some_and(|s| s.success()),
        "chromium --screenshot failed ({:?})",
        shot.status
    );
    let png = std::fs::read(&screenshot).expect("the screenshot is written");
    assert!(
        png.starts_with(b"\x89PNG\r\n\x1a\n"),
        "the screenshot is a PNG"
    );
    let _ = std::fs::remove_dir_all(data);
    eprintln!("screenshot: {}", screenshot.display());
}
