//! A deterministic generator of large synthetic data folders, for testing
//! and benchmarking the bulk path at the scale of a national platform
//! (every county, dozens of indicators, every month).
//!
//! [`write_folder`] writes a valid data folder of the size asked:
//!
//! - `jurisdictions.toml`: `jurisdictions` counties with 6-digit codes
//!   spread over the 31 provinces' code prefixes (`110101`, `120101`, …),
//!   level `county`, without parents;
//! - `metrics.toml`: `metrics` metrics cycling through eight kinds of mixed
//!   dimensions and units: counts (个, 家, 次; one lower-is-better), data
//!   volumes (TB, PB), money (亿元, 万元) and computing power (PFLOPS);
//! - `sources/synthetic_plan.toml`: one source, published on the first day of
//!   the series;
//! - `targets.csv`: one target per jurisdiction and metric, with deadlines
//!   in 2026 and 2027 (a few in March 2025) and various period starts;
//! - `observations.csv`: one figure per jurisdiction, metric and month, for
//!   the `months` months that end in December 2025, month by month, with
//!   growth and noise so that every status occurs.
//!
//! The same [`Spec`] (including the seed) always gives the same bytes: the
//! random numbers come from a SplitMix64 generator and the values from
//! additions and multiplications of `f64`s only (no `powf`, `exp` or `ln`,
//! whose last bits may differ between platforms), written with a fixed
//! number of decimals.

use std::fs::File;
use std::io::{BufWriter, Write};
use std::path::{Path, PathBuf};

use chrono::NaiveDate;

use crate::error::{Counted, Error, ErrorKind, Position};

/// The size and seed of a synthetic data folder.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Spec {
    /// Counties (at most [`Spec::MAX_JURISDICTIONS`]).
    pub jurisdictions: usize,
    /// Metrics (at most [`Spec::MAX_METRICS`]).
    pub metrics: usize,
    /// Months of figures, ending in December 2025 (at most
    /// [`Spec::MAX_MONTHS`]).
    pub months: usize,
    /// The seed of the random numbers.
    pub seed: u64,
}

impl Spec {
    /// The most counties: 31 provinces × 99 prefectures × 20 counties.
    pub const MAX_JURISDICTIONS: usize = 31 * 99 * 20;
    /// The most metrics.
    pub const MAX_METRICS: usize = 8 * 99;
    /// The most months (50 years).
    pub const MAX_MONTHS: usize = 600;
}

/// What [`write_folder`] wrote.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Summary {
    /// Jurisdictions written.
    pub jurisdictions: usize,
    /// Metrics written.
    pub metrics: usize,
    /// Targets written (one per jurisdiction and metric).
    pub targets: usize,
    /// Observations written (one per jurisdiction, metric and month).
    pub observations: usize,
    /// The last day of the first month of figures.
    pub first_day: NaiveDate,
    /// The last day of the last month of figures (2025-12-31).
    pub last_day: NaiveDate,
}

/// SplitMix64 (Steele, Lea and Flood 2014): small, fast and good enough for
/// synthetic data.
#[derive(Clone, Copy, Debug)]
struct SplitMix64(u64);

impl SplitMix64 {
    fn new(seed: u64) -> SplitMix64 {
        SplitMix64(seed)
    }

    fn next_u64(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// Uniform in [0, 1).
    fn unit(&mut self) -> f64 {
        (self.next_u64() >> 11) as f64 * (1.0 / (1u64 << 53) as f64)
    }

    /// Uniform in [lo, hi).
    fn range(&mut self, lo: f64, hi: f64) -> f64 {
        lo + (hi - lo) * self.unit()
    }
}

/// One kind of metric.
struct Kind {
    id: &'static str,
    name_zh: &'static str,
    name_en: &'static str,
    dimension: &'static str,
    unit: &'static str,
    higher_is_better: bool,
    decimals: usize,
    base: (f64, f64),
    /// Mean growth per month (negative for a falling series).
    growth: f64,
}

const KINDS: [Kind; 8] = [
    Kind {
        id: "high_quality_datasets",
        name_zh: "高质量数据集",
        name_en: "High-quality datasets",
        dimension: "count",
        unit: "个",
        higher_is_better: true,
        decimals: 0,
        base: (20.0, 400.0),
        growth: 0.015,
    },
    Kind {
        id: "data_enterprises",
        name_zh: "数据企业",
        name_en: "Data enterprises",
        dimension: "count",
        unit: "家",
        higher_is_better: true,
        decimals: 0,
        base: (50.0, 3000.0),
        growth: 0.010,
    },
    Kind {
        id: "data_annotation_volume",
        name_zh: "数据标注规模",
        name_en: "Data annotation volume",
        dimension: "data_volume",
        unit: "TB",
        higher_is_better: true,
        decimals: 2,
        base: (50.0, 5000.0),
        growth: 0.020,
    },
    Kind {
        id: "data_industry_revenue",
        name_zh: "数据产业规模",
        name_en: "Data industry revenue",
        dimension: "money",
        unit: "亿元",
        higher_is_better: true,
        decimals: 4,
        base: (5.0, 800.0),
        growth: 0.012,
    },
    Kind {
        id: "public_data_open_volume",
        name_zh: "公共数据开放量",
        name_en: "Open public data",
        dimension: "data_volume",
        unit: "PB",
        higher_is_better: true,
        decimals: 3,
        base: (0.2, 40.0),
        growth: 0.018,
    },
    Kind {
        id: "data_trading_value",
        name_zh: "数据交易额",
        name_en: "Data trading value",
        dimension: "money",
        unit: "万元",
        higher_is_better: true,
        decimals: 2,
        base: (500.0, 200000.0),
        growth: 0.025,
    },
    Kind {
        id: "computing_power",
        name_zh: "算力规模",
        name_en: "Computing power",
        dimension: "compute",
        unit: "PFLOPS",
        higher_is_better: true,
        decimals: 1,
        base: (5.0, 2000.0),
        growth: 0.016,
    },
    Kind {
        id: "data_security_incidents",
        name_zh: "数据安全事件",
        name_en: "Data security incidents",
        dimension: "count",
        unit: "次",
        higher_is_better: false,
        decimals: 0,
        base: (20.0, 400.0),
        growth: -0.010,
    },
];

/// The 31 provinces: code prefix, short Chinese and English names.
const PROVINCES: [(u32, &str, &str); 31] = [
    (11, "北京", "Beijing"),
    (12, "天津", "Tianjin"),
    (13, "河北", "Hebei"),
    (14, "山西", "Shanxi"),
    (15, "内蒙古", "Inner Mongolia"),
    (21, "辽宁", "Liaoning"),
    (22, "吉林", "Jilin"),
    (23, "黑龙江", "Heilongjiang"),
    (31, "上海", "Shanghai"),
    (32, "江苏", "Jiangsu"),
    (33, "浙江", "Zhejiang"),
    (34, "安徽", "Anhui"),
    (35, "福建", "Fujian"),
    (36, "江西", "Jiangxi"),
    (37, "山东", "Shandong"),
    (41, "河南", "Henan"),
    (42, "湖北", "Hubei"),
    (43, "湖南", "Hunan"),
    (44, "广东", "Guangdong"),
    (45, "广西", "Guangxi"),
    (46, "海南", "Hainan"),
    (50, "重庆", "Chongqing"),
    (51, "四川", "Sichuan"),
    (52, "贵州", "Guizhou"),
    (53, "云南", "Yunnan"),
    (54, "西藏", "Tibet"),
    (61, "陕西", "Shaanxi"),
    (62, "甘肃", "Gansu"),
    (63, "青海", "Qinghai"),
    (64, "宁夏", "Ningxia"),
    (65, "新疆", "Xinjiang"),
];

/// The id of the one source.
const SOURCE_ID: &str = "synthetic_plan";

/// The files [`write_folder`] writes, relative to its folder.
pub const FILES: [&str; 5] = [
    "jurisdictions.toml",
    "metrics.toml",
    "sources/synthetic_plan.toml",
    "targets.csv",
    "observations.csv",
];

/// The code and names of county `i`.
fn county(i: usize) -> (u32, String, String) {
    let (prefix, zh, en) = PROVINCES[i % PROVINCES.len()];
    let k = i / PROVINCES.len();
    let prefecture = (k / 20 + 1) as u32;
    let county = (k % 20 + 1) as u32;
    let code = prefix * 10000 + prefecture * 100 + county;
    (
        code,
        format!("{zh}模拟县{}", k + 1),
        format!("{en} synthetic county {}", k + 1),
    )
}

fn metric_id(i: usize) -> String {
    format!("{}_{:02}", KINDS[i % KINDS.len()].id, i / KINDS.len() + 1)
}

/// The last day of month `m` (0 = January) of `year`.
fn month_end(year: i32, month0: u32) -> NaiveDate {
    let (y, m) = if month0 == 11 {
        (year + 1, 1)
    } else {
        (year, month0 + 2)
    };
    NaiveDate::from_ymd_opt(y, m, 1)
        .and_then(|d| d.pred_opt())
        .unwrap_or(NaiveDate::MIN)
}

/// One series: a jurisdiction's figures on a metric.
#[derive(Clone, Copy)]
struct Series {
    level: f64,
    growth: f64,
    rng: SplitMix64,
}

/// What a series' target is.
struct Goal {
    comparator: &'static str,
    value: f64,
    deadline: &'static str,
    /// The start of its period, or `None` for the source's.
    period_start: Option<String>,
}

impl Series {
    fn new(spec: &Spec, index: usize, kind: &Kind) -> Series {
        let mut rng = SplitMix64::new(
            spec.seed.wrapping_mul(0x2545_F491_4F6C_DD1D)
                ^ (index as u64).wrapping_mul(0x9E37_79B9),
        );
        rng.next_u64();
        let u = rng.unit();
        let level = kind.base.0 + (kind.base.1 - kind.base.0) * u * u;
        let r = rng.unit();
        let growth = if r < 0.08 {
            // Moving the wrong way.
            -kind.growth * rng.range(0.3, 0.8)
        } else {
            kind.growth * rng.range(0.2, 1.8)
        };
        Series { level, growth, rng }
    }

    /// The target, drawn from the series' own numbers.
    fn goal(&mut self, first_month: i64, last_month: i64, kind: &Kind) -> Goal {
        let pick = self.rng.unit();
        // A deadline already past in mid-2025 only where the figures
        // (and the source) start before it.
        let (deadline, deadline_month) = if pick < 0.04 && first_month <= 2025 * 12 + 2 {
            ("2025-03", 2025 * 12 + 2)
        } else if pick < 0.35 {
            ("2026", 2026 * 12 + 11)
        } else if pick < 0.80 {
            ("2027", 2027 * 12 + 11)
        } else {
            ("2026-06", 2026 * 12 + 5)
        };
        // Projected to the deadline at a pace between 0.85 and 1.25 times the
        // series' own (or the kind's, for a series going the wrong way), or
        // set beyond the start for targets already met.
        let months = (deadline_month - first_month).max(1);
        let own = if (self.growth > 0.0) == kind.higher_is_better {
            self.growth.abs()
        } else {
            kind.growth.abs()
        };
        let k = self.rng.range(0.85, 1.25);
        let step = 1.0 + own * k * if kind.higher_is_better { 1.0 } else { -1.0 };
        let mut value = self.level;
        for _ in 0..months {
            value *= step;
        }
        if self.rng.unit() < 0.08 {
            value = self.level * if kind.higher_is_better { 0.7 } else { 1.4 };
        }
        let comparator = match (kind.higher_is_better, self.rng.unit() < 0.05) {
            (true, false) => "at_least",
            (true, true) => "more_than",
            (false, false) => "at_most",
            (false, true) => "less_than",
        };
        let p = self.rng.unit();
        let period_start = if p < 0.50 {
            None // the source's period
        } else if p < 0.80 {
            Some(month_start(first_month))
        } else if p < 0.95 {
            let mid = first_month + (last_month - first_month) / 2;
            Some(format!("{}", mid.div_euclid(12)))
        } else {
            Some(month_start((last_month - 6).min(deadline_month)))
        };
        Goal {
            comparator,
            value,
            deadline,
            period_start,
        }
    }

    /// This month's figure, then one month of growth.
    fn step(&mut self) -> f64 {
        let noise = 1.0 + 0.03 * (self.rng.unit() - 0.5);
        let figure = self.level * noise;
        self.level *= 1.0 + self.growth;
        figure.max(0.0)
    }
}

fn month_start(month: i64) -> String {
    format!(
        "{:04}-{:02}-01",
        month.div_euclid(12),
        month.rem_euclid(12) + 1
    )
}

/// Writes a synthetic data folder of `spec`'s size into `dir` (created if
/// needed; the files it writes are replaced).
///
/// ```
/// use policy_targets::synth::{write_folder, Spec};
/// use policy_targets::Catalog;
///
/// let dir = std::env::temp_dir().join(format!("synth_doc_{}", std::process::id()));
/// let spec = Spec { jurisdictions: 5, metrics: 3, months: 4, seed: 7 };
/// let summary = write_folder(&spec, &dir)?;
/// assert_eq!(summary.observations, 5 * 3 * 4);
/// let catalog = Catalog::load(&dir)?;
/// assert_eq!(catalog.targets().len(), 15);
/// assert_eq!(catalog.observations().len(), 60);
/// std::fs::remove_dir_all(&dir).unwrap();
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub fn write_folder(spec: &Spec, dir: &Path) -> Result<Summary, Error> {
    check(spec)?;
    let io = |path: &Path| {
        let path = path.to_path_buf();
        move |e: std::io::Error| Error::new(ErrorKind::Io(e), Some(Position::new().with_file(path)))
    };
    std::fs::create_dir_all(dir.join("sources")).map_err(io(&dir.join("sources")))?;

    let last_month: i64 = 2025 * 12 + 11;
    let first_month = last_month - (spec.months as i64 - 1);
    write_jurisdictions(spec, dir)?;
    write_metrics(spec, dir)?;
    write_source(spec, dir, first_month)?;

    // Every series, in jurisdiction-major order.
    let grid = Grid {
        codes: (0..spec.jurisdictions).map(|i| county(i).0).collect(),
        metric_ids: (0..spec.metrics).map(metric_id).collect(),
    };
    let mut series = write_targets(spec, dir, &grid, first_month, last_month)?;
    let observations = write_observations(dir, &grid, &mut series, first_month, last_month)?;

    Ok(Summary {
        jurisdictions: spec.jurisdictions,
        metrics: spec.metrics,
        targets: spec.jurisdictions * spec.metrics,
        observations,
        first_day: end_of(first_month),
        last_day: end_of(last_month),
    })
}

/// An error unless every size of `spec` is within its bounds.
fn check(spec: &Spec) -> Result<(), Error> {
    let invalid =
        |what: Counted, max: usize| Error::new(ErrorKind::SizeOutOfRange { what, max }, None);
    if !(1..=Spec::MAX_JURISDICTIONS).contains(&spec.jurisdictions) {
        return Err(invalid(Counted::Jurisdictions, Spec::MAX_JURISDICTIONS));
    }
    if !(1..=Spec::MAX_METRICS).contains(&spec.metrics) {
        return Err(invalid(Counted::Metrics, Spec::MAX_METRICS));
    }
    if !(1..=Spec::MAX_MONTHS).contains(&spec.months) {
        return Err(invalid(Counted::Months, Spec::MAX_MONTHS));
    }
    Ok(())
}

/// The last day of `month` (months counted from year 0).
fn end_of(month: i64) -> NaiveDate {
    month_end(month.div_euclid(12) as i32, month.rem_euclid(12) as u32)
}

/// The jurisdiction codes and metric ids of a synthetic folder.
struct Grid {
    codes: Vec<u32>,
    metric_ids: Vec<String>,
}

/// `jurisdictions.toml`: the counties.
fn write_jurisdictions(spec: &Spec, dir: &Path) -> Result<(), Error> {
    write_file(&dir.join("jurisdictions.toml"), |w| {
        writeln!(
            w,
            "# Synthetic counties (policy-targets synth, seed {}).",
            spec.seed
        )?;
        for i in 0..spec.jurisdictions {
            let (code, zh, en) = county(i);
            write!(
                w,
                "\n[[jurisdiction]]\ncode = \"{code}\"\nname_zh = \"{zh}\"\nname_en = \"{en}\"\nlevel = \"county\"\n"
            )?;
        }
        Ok(())
    })
}

/// `metrics.toml`: the metrics, cycling through the kinds.
fn write_metrics(spec: &Spec, dir: &Path) -> Result<(), Error> {
    write_file(&dir.join("metrics.toml"), |w| {
        writeln!(
            w,
            "# Synthetic metrics (policy-targets synth, seed {}).",
            spec.seed
        )?;
        for i in 0..spec.metrics {
            let kind = &KINDS[i % KINDS.len()];
            let n = i / KINDS.len() + 1;
            let polarity = if kind.higher_is_better {
                "higher_is_better"
            } else {
                "lower_is_better"
            };
            write!(
                w,
                "\n[[metric]]\nid = \"{}\"\nname_zh = \"{}（{n}）\"\nname_en = \"{} ({n})\"\ndimension = \"{}\"\npolarity = \"{polarity}\"\nbasis = \"stock\"\n",
                metric_id(i),
                kind.name_zh,
                kind.name_en,
                kind.dimension
            )?;
        }
        Ok(())
    })
}

/// `sources/synthetic_plan.toml`: the one plan every target cites.
fn write_source(spec: &Spec, dir: &Path, first_month: i64) -> Result<(), Error> {
    let first_year = first_month.div_euclid(12);
    write_file(
        &dir.join("sources").join(format!("{SOURCE_ID}.toml")),
        |w| {
            write!(
                w,
                "[source]\nid = \"{SOURCE_ID}\"\ntitle = \"模拟数据发展规划（{first_year}—2027年）\"\nissuer = \"模拟数据局\"\npublished = {}\nstatus = \"final\"\nforce = \"plan\"\nperiod = \"{first_year}/2027\"\nnote = \"Synthetic data (policy-targets synth, seed {}).\"\n",
                month_start(first_month),
                spec.seed
            )
        },
    )
}

/// `targets.csv`: one target per jurisdiction and metric; returns the
/// series the targets were set for, in jurisdiction-major order.
fn write_targets(
    spec: &Spec,
    dir: &Path,
    grid: &Grid,
    first_month: i64,
    last_month: i64,
) -> Result<Vec<Series>, Error> {
    let mut series: Vec<Series> = Vec::with_capacity(grid.codes.len() * grid.metric_ids.len());
    write_file(&dir.join("targets.csv"), |w| {
        w.write_all(
            b"id,jurisdiction,metric,comparator,value,unit,deadline,period_start,source\n",
        )?;
        for (j, code) in grid.codes.iter().enumerate() {
            for (m, metric) in grid.metric_ids.iter().enumerate() {
                let kind = &KINDS[m % KINDS.len()];
                let mut s = Series::new(spec, j * spec.metrics + m, kind);
                let goal = s.goal(first_month, last_month, kind);
                series.push(s);
                writeln!(
                    w,
                    "t_{code}_{metric},{code},{metric},{},{:.*},{},{},{},{SOURCE_ID}",
                    goal.comparator,
                    kind.decimals,
                    goal.value,
                    kind.unit,
                    goal.deadline,
                    goal.period_start.as_deref().unwrap_or("")
                )?;
            }
        }
        Ok(())
    })?;
    Ok(series)
}

/// `observations.csv`, month by month: one figure per series and month;
/// returns how many.
fn write_observations(
    dir: &Path,
    grid: &Grid,
    series: &mut [Series],
    first_month: i64,
    last_month: i64,
) -> Result<usize, Error> {
    let mut observations = 0;
    let metrics = grid.metric_ids.len();
    write_file(&dir.join("observations.csv"), |w| {
        w.write_all(b"jurisdiction,metric,as_of,value,unit\n")?;
        for month in first_month..=last_month {
            let day = end_of(month).format("%Y-%m-%d").to_string();
            for (j, code) in grid.codes.iter().enumerate() {
                for (m, metric) in grid.metric_ids.iter().enumerate() {
                    let kind = &KINDS[m % KINDS.len()];
                    let figure = series[j * metrics + m].step();
                    writeln!(
                        w,
                        "{code},{metric},{day},{:.*},{}",
                        kind.decimals, figure, kind.unit
                    )?;
                    observations += 1;
                }
            }
        }
        Ok(())
    })?;
    Ok(observations)
}

/// Writes a file through a buffer, completely or with an error naming it.
fn write_file(
    path: &Path,
    body: impl FnOnce(&mut BufWriter<File>) -> std::io::Result<()>,
) -> Result<(), Error> {
    let fail = |e: std::io::Error| {
        Error::new(
            ErrorKind::Io(e),
            Some(Position::new().with_file(PathBuf::from(path))),
        )
    };
    let file = File::create(path).map_err(fail)?;
    let mut w = BufWriter::with_capacity(1 << 20, file);
    body(&mut w).map_err(fail)?;
    w.flush().map_err(fail)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn splitmix64_reference_values() {
        // The first outputs for seed 1234567 of the reference implementation.
        let mut r = SplitMix64::new(1234567);
        assert_eq!(r.next_u64(), 6457827717110365317);
        assert_eq!(r.next_u64(), 3203168211198807973);
    }

    #[test]
    fn codes_are_unique_six_digit_division_codes() {
        let codes: std::collections::HashSet<u32> =
            (0..Spec::MAX_JURISDICTIONS).map(|i| county(i).0).collect();
        assert_eq!(codes.len(), Spec::MAX_JURISDICTIONS);
        assert!(codes.iter().all(|c| (110101..=659920).contains(c)));
        assert_eq!(county(0).0, 110101);
        assert_eq!(county(31).0, 110102);
    }

    #[test]
    fn month_ends() {
        assert_eq!(month_end(2024, 1).to_string(), "2024-02-29");
        assert_eq!(month_end(2025, 11).to_string(), "2025-12-31");
        assert_eq!(month_start(2025 * 12 + 5), "2025-06-01");
    }

    #[test]
    fn growth_uses_no_transcendental_functions() {
        // Same spec, same numbers.
        let spec = Spec {
            jurisdictions: 3,
            metrics: 8,
            months: 12,
            seed: 42,
        };
        let run = || {
            let mut out = Vec::new();
            for (m, kind) in KINDS.iter().enumerate() {
                let mut s = Series::new(&spec, m, kind);
                let g = s.goal(2025 * 12, 2025 * 12 + 11, kind);
                out.push(g.value.to_bits());
                for _ in 0..12 {
                    out.push(s.step().to_bits());
                }
            }
            out
        };
        assert_eq!(run(), run());
    }
}
