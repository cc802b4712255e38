//! Progress over a data folder whose `observations.csv` is read once, as
//! a stream ([`progress_folder`]).

use std::collections::HashMap;
use std::path::Path;

use chrono::NaiveDate;
use rust_decimal::Decimal;

use super::assessment::{Frame, Kept, evaluate_row, polarity, unassessed_as};
use super::{Options, Progress, ProgressRow, progress, rank_group};
use crate::load::bulk;
use crate::{Catalog, Errors, Id, Polarity, Target};

/// [`progress`] over a data folder, reading its `observations.csv` (if it
/// has one) once, as a stream.
///
/// The folder's TOML files and `targets.csv` are loaded as by
/// [`Catalog::load`]; then every row of `observations.csv` is checked as
/// that load would check it and offered to the target that counts for its
/// jurisdiction and metric, which keeps only the two points [`assess`](super::assess)
/// needs (the latest figure on or before `as_of` and the first of the
/// period) and the running sums of its trend (`n`, `Σt`, `Σt²`, `Σy`, `Σty`,
/// `Σy²`, and their twins on `ln y` for a compound trend, which costs a
/// decimal logarithm per figure of the period). The rows are the same as those of [`progress`] on the loaded
/// catalogue, computed by the same code; time grows with the number of
/// rows and memory with the number of targets, not with the file. The file
/// is read by several threads at once (one chunk each) where the machine
/// has several cores.
///
/// With a minimum grade ([`Options::min_grade`]) the folder is loaded whole
/// instead (the stream does not keep each row's source) and the answer is
/// that of [`progress`] on it.
///
/// Returns the catalogue without the figures of `observations.csv` (for
/// names and labels) and the progress; or every problem of the folder, up
/// to 1000 per CSV file.
///
/// ```
/// use chrono::NaiveDate;
/// use policy_targets::progress::{progress_folder, Options};
///
/// let dir = std::env::temp_dir().join(format!("progress_folder_doc_{}", std::process::id()));
/// std::fs::create_dir_all(dir.join("sources")).unwrap();
/// std::fs::write(dir.join("jurisdictions.toml"), r#"
///     [[jurisdiction]]
///     code = "320000"
///     name_zh = "江苏省"
///     name_en = "Jiangsu"
///     level = "province"
/// "#).unwrap();
/// std::fs::write(dir.join("metrics.toml"), r#"
///     [[metric]]
///     id = "high_quality_datasets"
///     name_zh = "高质量数据集"
///     name_en = "High-quality datasets"
///     dimension = "count"
///     polarity = "higher_is_better"
///     basis = "stock"
/// "#).unwrap();
/// std::fs::write(dir.join("sources/plan.toml"), r#"
///     [source]
///     id = "plan"
///     title = "行动方案（2025—2027年）"
///     issuer = "江苏省数据局"
///     published = 2025-03-31
///     status = "final"
///     force = "plan"
///     period = "2025/2027"
/// "#).unwrap();
/// std::fs::write(dir.join("targets.csv"), "\
/// id,jurisdiction,metric,comparator,value,unit,deadline,period_start,source
/// datasets_2027,320000,high_quality_datasets,at_least,1000,个,2027,,plan
/// ").unwrap();
/// std::fs::write(dir.join("observations.csv"), "\
/// jurisdiction,metric,as_of,value,unit
/// 320000,high_quality_datasets,2025-12-31,400,个
/// 320000,high_quality_datasets,2026-12-31,700,个
/// ").unwrap();
///
/// let as_of = NaiveDate::from_ymd_opt(2027, 3, 1).unwrap();
/// let (_catalog, report) = progress_folder(&dir, as_of, &Options::default())?;
/// let row = &report.rows[0];
/// assert_eq!(row.latest_value.unwrap().to_string(), "700");
/// assert_eq!(row.progress.unwrap().to_string(), "0.7");
/// assert_eq!(row.pace_ratio.unwrap().to_string(), "1");
/// std::fs::remove_dir_all(&dir).unwrap();
/// # Ok::<(), policy_targets::Errors>(())
/// ```
pub fn progress_folder(
    dir: impl AsRef<Path>,
    as_of: NaiveDate,
    options: &Options,
) -> Result<(Catalog, Progress), Errors> {
    let dir = dir.as_ref();
    let catalog = crate::load::load_folder(dir, crate::load::bulk::Rows::None)?;
    let csv = dir.join(bulk::OBSERVATIONS_CSV);
    // The stream does not keep each row's source: a minimum grade needs
    // the rows loaded.
    let report = if options.min_grade.is_some() {
        let catalog = crate::load::load_folder(dir, crate::load::bulk::Rows::All)?;
        let report = progress(&catalog, as_of, options);
        return Ok((catalog, report));
    } else if csv.is_file() {
        stream(
            &catalog,
            &csv,
            as_of,
            options,
            bulk::default_threads(),
            bulk::MIN_CHUNK,
        )?
    } else {
        progress(&catalog, as_of, options)
    };
    Ok((catalog, report))
}

/// Where each target that counts keeps its points: by jurisdiction and
/// metric number. The places are numbered in the order of those numbers
/// ([`Slots::renumber`]), the order in which a file sorted by date, or by
/// jurisdiction, offers them figures: the points of consecutive rows lie
/// side by side in memory rather than a metric's length apart.
enum Slots {
    Dense { metrics: usize, slot: Vec<u32> },
    Sparse(HashMap<u64, u32, crate::util::FxBuild>),
}

const NO_SLOT: u32 = u32::MAX;

impl Slots {
    fn new(jurisdictions: usize, metrics: usize) -> Slots {
        match jurisdictions.checked_mul(metrics) {
            Some(n) if n <= 1 << 24 => Slots::Dense {
                metrics,
                slot: vec![NO_SLOT; n],
            },
            _ => Slots::Sparse(HashMap::default()),
        }
    }

    fn set(&mut self, j: u32, m: u32, value: u32) {
        match self {
            Slots::Dense { metrics, slot } => slot[j as usize * *metrics + m as usize] = value,
            Slots::Sparse(map) => {
                map.insert(u64::from(j) << 32 | u64::from(m), value);
            }
        }
    }

    /// Numbers the places anew in the order of their jurisdiction's and
    /// metric's numbers; returns, by new number, the number each place had.
    fn renumber(&mut self) -> Vec<u32> {
        let mut was = Vec::new();
        match self {
            Slots::Dense { slot, .. } => {
                for s in slot.iter_mut().filter(|s| **s != NO_SLOT) {
                    was.push(std::mem::replace(s, was.len() as u32));
                }
            }
            Slots::Sparse(map) => {
                let mut keys: Vec<u64> = map.keys().copied().collect();
                keys.sort_unstable();
                for key in keys {
                    if let Some(s) = map.get_mut(&key) {
                        was.push(std::mem::replace(s, was.len() as u32));
                    }
                }
            }
        }
        was
    }

    #[inline]
    fn get(&self, j: u32, m: u32) -> Option<usize> {
        let s = match self {
            Slots::Dense { metrics, slot } => slot[j as usize * *metrics + m as usize],
            Slots::Sparse(map) => *map.get(&(u64::from(j) << 32 | u64::from(m)))?,
        };
        (s != NO_SLOT).then_some(s as usize)
    }
}

/// How many targets' points a page of [`Points`] holds.
const PAGE: usize = 1024;

/// The points kept of each target, by target number, in pages made when a
/// figure of one of their targets first comes: a chunk of a file sorted by
/// date, jurisdiction or metric touches the pages of some targets only.
struct Points {
    pages: Vec<Option<Box<[Kept<Decimal>]>>>,
    /// The points of a target none of whose figures came.
    none: Kept<Decimal>,
}

impl Points {
    /// No points yet of `targets` targets.
    fn new(targets: usize) -> Points {
        Points {
            pages: vec![None; targets.div_ceil(PAGE)],
            none: Kept::default(),
        }
    }

    /// The points of target `s`.
    #[inline]
    fn get(&self, s: usize) -> &Kept<Decimal> {
        match &self.pages[s / PAGE] {
            Some(page) => &page[s % PAGE],
            None => &self.none,
        }
    }

    /// The points of target `s`, to offer it a figure.
    #[inline]
    fn get_mut(&mut self, s: usize) -> &mut Kept<Decimal> {
        let page = self.pages[s / PAGE]
            .get_or_insert_with(|| vec![Kept::default(); PAGE].into_boxed_slice());
        &mut page[s % PAGE]
    }

    /// The points of the figures offered to `self` and then those offered
    /// to `later` ([`Kept::then`]).
    fn then(mut self, later: Points) -> Points {
        for (mine, theirs) in self.pages.iter_mut().zip(later.pages) {
            match (mine.as_mut(), theirs) {
                (_, None) => {}
                (None, theirs) => *mine = theirs,
                (Some(mine), Some(theirs)) => {
                    for (k, later) in mine.iter_mut().zip(theirs) {
                        *k = std::mem::take(k).then(later);
                    }
                }
            }
        }
        self
    }
}

/// The points of every target that counts, from one chunk of the file,
/// with every row also handed to `tee`.
struct Keeper<'a, T> {
    slots: &'a Slots,
    /// The frames by place.
    frames: &'a [Frame],
    kept: Points,
    tee: T,
}

impl<T: bulk::Sink> bulk::Sink for Keeper<'_, T> {
    const NEEDS_QUANTITY: bool = T::NEEDS_QUANTITY;

    #[inline]
    fn row(&mut self, row: &bulk::Row) {
        if let Some(p) = self.slots.get(row.jurisdiction, row.metric) {
            self.kept
                .get_mut(p)
                .offer(row.day, row.canonical, None, &self.frames[p]);
        }
        self.tee.row(row);
    }
}

/// What evaluating the targets needs, by target number.
struct Evaluation<'a> {
    targets: &'a [&'a Target],
    polarities: &'a [Polarity],
    /// The points by place.
    kept: &'a Points,
    /// The place of each target.
    places: &'a [u32],
    /// The frames by place.
    frames: &'a [Frame],
    options: &'a Options,
    threads: usize,
}

impl Evaluation<'_> {
    /// The unranked rows of the targets `range`, evaluated on up to
    /// `threads` threads (they are independent). The targets of a range
    /// mostly share a metric: each thread gives its rows a copy of its own
    /// of that id, so that the threads do not all count references to one.
    fn rows(&self, range: std::ops::Range<usize>) -> Vec<ProgressRow> {
        let part = |part: std::ops::Range<usize>, out: &mut Vec<ProgressRow>| {
            let mut metric: Option<Id> = None;
            let row = |s: usize| {
                let target = self.targets[s];
                let id = match &metric {
                    Some(m) if *m == target.metric => m.clone(),
                    _ => {
                        let own = target.metric.unshared();
                        metric = Some(own.clone());
                        own
                    }
                };
                let place = self.places[s] as usize;
                let points = self.kept.get(place).map(|v| v.normalize());
                evaluate_row(
                    unassessed_as(target, id),
                    target,
                    self.polarities[s],
                    &points,
                    &self.frames[place],
                    self.options,
                )
            };
            out.extend(part.map(row));
        };
        let per_thread = range.len().div_ceil(self.threads.max(1)).max(256);
        let mut rows = Vec::with_capacity(range.len());
        if range.len() <= per_thread {
            part(range, &mut rows);
            return rows;
        }
        // The first part is evaluated on this thread, straight into the
        // answer; the others on threads of their own.
        let first = range.start..range.start + per_thread;
        std::thread::scope(|scope| {
            let parts: Vec<_> = (first.end..range.end)
                .step_by(per_thread)
                .map(|from| {
                    let range = from..(from + per_thread).min(range.end);
                    let part = &part;
                    scope.spawn(move || {
                        let mut rows = Vec::with_capacity(range.len());
                        part(range, &mut rows);
                        rows
                    })
                })
                .collect();
            part(first, &mut rows);
            for part in parts {
                match part.join() {
                    Ok(part) => rows.extend(part),
                    Err(panic) => std::panic::resume_unwind(panic),
                }
            }
        });
        rows
    }
}

/// A tee that takes nothing.
struct NoTee;

impl bulk::Sink for NoTee {
    const NEEDS_QUANTITY: bool = false;

    #[inline]
    fn row(&mut self, _: &bulk::Row) {}
}

/// How the file is read and the targets evaluated: threads and the least
/// chunk of the file a reading thread takes.
#[derive(Clone, Copy)]
struct Reading {
    readers: usize,
    evaluators: usize,
    min_chunk: u64,
}

/// A target that counts, with its jurisdiction's and metric's numbers.
type Selected<'c> = (&'c Target, u32, u32);

/// The targets that count on `as_of`, per metric in catalogue order, with
/// their keys' numbers: those of [`Catalog::select_targets`], found in one
/// pass over the targets (rather than one per metric) and taken as they
/// are on a metric where no jurisdiction has two candidates. A catalogue's
/// references resolve: a target whose keys had no number would be left out.
fn select_all<'c>(
    catalog: &'c Catalog,
    keys: &bulk::Keys,
    as_of: NaiveDate,
) -> Vec<Vec<Selected<'c>>> {
    let in_force = catalog.sources_in_force(as_of);
    let mut by_metric: Vec<Vec<Selected<'c>>> = vec![Vec::new(); keys.metric_count()];
    // The last target's source and whether it is in force, and its metric's
    // number: targets mostly come metric by metric from a few sources.
    let mut last: Option<(&str, bool)> = None;
    let mut last_metric: Option<(&str, Option<u32>)> = None;
    for t in catalog.targets() {
        let counts = match last {
            Some((id, counts)) if id == t.source.as_str() => counts,
            _ => in_force.contains(t.source.as_str()),
        };
        last = Some((t.source.as_str(), counts));
        if !counts {
            continue;
        }
        let m = match last_metric {
            Some((id, m)) if id == t.metric.as_str() => m,
            _ => keys.metric(t.metric.as_str()),
        };
        last_metric = Some((t.metric.as_str(), m));
        if let (Some(m), Some(j)) = (m, keys.jurisdiction(t.jurisdiction.as_str())) {
            by_metric[m as usize].push((t, j, m));
        }
    }
    // Per jurisdiction, the number (plus one) of the last metric one of
    // its targets was seen for.
    let mut seen = vec![0u32; keys.jurisdiction_count()];
    catalog
        .metrics()
        .iter()
        .map(|metric| {
            let Some(m) = keys.metric(metric.id.as_str()) else {
                return Vec::new();
            };
            let candidates = std::mem::take(&mut by_metric[m as usize]);
            let stamp = m + 1;
            if candidates
                .iter()
                .all(|&(_, j, _)| std::mem::replace(&mut seen[j as usize], stamp) != stamp)
            {
                candidates
            } else {
                catalog
                    .select_targets(metric.id.as_str(), as_of)
                    .into_iter()
                    .filter_map(|t| Some((t, keys.jurisdiction(t.jurisdiction.as_str())?, m)))
                    .collect()
            }
        })
        .collect()
}

/// The frame and polarity of each target, as [`Frame::new`] and
/// [`polarity`] find them; the source and metric of the last target are
/// reused by the next when they are the same (targets come metric by
/// metric, mostly from a few sources), rather than looked up again.
fn frames(
    catalog: &Catalog,
    targets: &[&Target],
    as_of: NaiveDate,
    options: &Options,
) -> (Vec<Frame>, Vec<Polarity>) {
    let mut frames = Vec::with_capacity(targets.len());
    let mut polarities = Vec::with_capacity(targets.len());
    let mut source: Option<(&str, Option<&crate::Source>)> = None;
    let mut metric: Option<(&str, Option<&crate::Metric>)> = None;
    for t in targets {
        let s = match source {
            Some((id, s)) if id == t.source.as_str() => s,
            _ => catalog.source(t.source.as_str()),
        };
        source = Some((t.source.as_str(), s));
        let m = match metric {
            Some((id, m)) if id == t.metric.as_str() => m,
            _ => catalog.metric(t.metric.as_str()),
        };
        metric = Some((t.metric.as_str(), m));
        frames.push(Frame::of(t, s, m, as_of, options));
        polarities.push(m.map_or(Polarity::HigherIsBetter, |m| m.polarity));
    }
    debug_assert!(
        targets
            .iter()
            .zip(&polarities)
            .all(|(t, p)| polarity(catalog, t) == *p)
    );
    (frames, polarities)
}

/// [`progress`] with the figures of `csv` added after the catalogue's, read
/// as a stream.
pub(crate) fn stream(
    catalog: &Catalog,
    csv: &Path,
    as_of: NaiveDate,
    options: &Options,
    threads: usize,
    min_chunk: u64,
) -> Result<Progress, Errors> {
    let reading = Reading {
        readers: threads,
        evaluators: threads,
        min_chunk,
    };
    let mut rows = Vec::new();
    let mut collect = |group: Vec<ProgressRow>, total: usize| {
        rows.reserve_exact(total.saturating_sub(rows.len()));
        rows.extend(group);
    };
    stream_inner(
        catalog,
        csv,
        as_of,
        options,
        reading,
        || NoTee,
        |_| {},
        &mut collect,
    )?;
    Ok(answer(as_of, options, rows))
}

/// The answer of the rows of every target.
fn answer(as_of: NaiveDate, options: &Options, rows: Vec<ProgressRow>) -> Progress {
    Progress {
        as_of,
        decimals: options.decimals,
        rows,
        min_grade: options.min_grade,
        left_out: 0,
    }
}

/// [`progress_folder`], with the rows handed to `each` one metric at a
/// time, ranked, in the order of the answer, rather than gathered: memory
/// grows with the targets and with the rows of one metric. The rows are
/// those of [`progress_folder`]'s answer. Returns the catalogue (without
/// the figures of `observations.csv`), or every problem of the folder.
///
/// ```
/// use chrono::NaiveDate;
/// use policy_targets::progress::{progress_folder, progress_folder_each, Options};
/// use policy_targets::synth::{write_folder, Spec};
///
/// let dir = std::env::temp_dir().join(format!("progress_each_doc_{}", std::process::id()));
/// write_folder(&Spec { jurisdictions: 5, metrics: 3, months: 4, seed: 2 }, &dir).unwrap();
/// let as_of = NaiveDate::from_ymd_opt(2025, 12, 31).unwrap();
/// let mut rows = Vec::new();
/// progress_folder_each(&dir, as_of, &Options::default(), |group| rows.extend_from_slice(group))?;
/// assert_eq!(rows, progress_folder(&dir, as_of, &Options::default())?.1.rows);
/// std::fs::remove_dir_all(&dir).unwrap();
/// # Ok::<(), policy_targets::Errors>(())
/// ```
pub fn progress_folder_each(
    dir: impl AsRef<Path>,
    as_of: NaiveDate,
    options: &Options,
    mut each: impl FnMut(&[ProgressRow]),
) -> Result<Catalog, Errors> {
    let dir = dir.as_ref();
    let csv = dir.join(bulk::OBSERVATIONS_CSV);
    if options.min_grade.is_some() || !csv.is_file() {
        let (catalog, report) = progress_folder(dir, as_of, options)?;
        each(&report.rows);
        return Ok(catalog);
    }
    let catalog = crate::load::load_folder(dir, crate::load::bulk::Rows::None)?;
    let reading = Reading {
        readers: bulk::default_threads(),
        evaluators: bulk::default_threads(),
        min_chunk: bulk::MIN_CHUNK,
    };
    let mut hand_on = |group: Vec<ProgressRow>, _: usize| each(&group);
    stream_inner(
        &catalog,
        &csv,
        as_of,
        options,
        reading,
        || NoTee,
        |_| {},
        &mut hand_on,
    )?;
    Ok(catalog)
}

/// [`stream`], with every valid row of `csv` also handed, in file order, to
/// the sink `tee` makes (so the file is read by one thread); `done` receives
/// that sink once the file is read, before the targets are evaluated (on
/// every core). The SQLite export's one read of the file.
#[cfg(feature = "sqlite")]
pub(crate) fn stream_with<T: bulk::Sink>(
    catalog: &Catalog,
    csv: &Path,
    as_of: NaiveDate,
    options: &Options,
    tee: impl Fn() -> T + Sync,
    done: impl FnOnce(Vec<T>),
) -> Result<Progress, Errors> {
    let reading = Reading {
        readers: 1,
        evaluators: bulk::default_threads(),
        min_chunk: bulk::MIN_CHUNK,
    };
    let mut rows = Vec::new();
    let mut collect = |group: Vec<ProgressRow>, total: usize| {
        rows.reserve_exact(total.saturating_sub(rows.len()));
        rows.extend(group);
    };
    stream_inner(
        catalog,
        csv,
        as_of,
        options,
        reading,
        tee,
        done,
        &mut collect,
    )?;
    Ok(answer(as_of, options, rows))
}

/// What receives the ranked rows of one metric, and the number of targets
/// in all.
type Each<'a> = dyn FnMut(Vec<ProgressRow>, usize) + 'a;

/// [`stream_with`], reading and evaluating as `reading` says, the rows of
/// each metric handed to `each`.
#[allow(clippy::too_many_arguments)]
fn stream_inner<T: bulk::Sink>(
    catalog: &Catalog,
    csv: &Path,
    as_of: NaiveDate,
    options: &Options,
    reading: Reading,
    tee: impl Fn() -> T + Sync,
    done: impl FnOnce(Vec<T>),
    each: &mut Each<'_>,
) -> Result<(), Errors> {
    let keys = bulk::Keys::of_catalog(catalog);

    let selected = select_all(catalog, &keys, as_of);
    let mut slots = Slots::new(keys.jurisdiction_count(), keys.metric_count());
    let mut targets: Vec<&Target> = Vec::with_capacity(selected.iter().map(Vec::len).sum());
    let mut groups: Vec<Vec<usize>> = Vec::with_capacity(selected.len());
    for group in &selected {
        let mut numbers = Vec::with_capacity(group.len());
        for &(t, j, m) in group {
            slots.set(j, m, targets.len() as u32);
            numbers.push(targets.len());
            targets.push(t);
        }
        groups.push(numbers);
    }
    let (frames, polarities) = frames(catalog, &targets, as_of, options);
    // The points and frames are kept by place: by jurisdiction, then metric.
    let was = slots.renumber();
    debug_assert_eq!(was.len(), targets.len());
    let mut places = vec![0u32; targets.len()];
    for (p, &s) in was.iter().enumerate() {
        places[s as usize] = p as u32;
    }
    let frames: Vec<Frame> = {
        let by_target = frames;
        was.iter().map(|&s| by_target[s as usize]).collect()
    };

    // The catalogue's own figures come first, as in a loaded catalogue
    // (a bulk folder seldom has any: then the first chunk's points are
    // taken as they are, without a table of their own beside them).
    let mut kept: Option<Points> = None;
    for o in catalog.observations() {
        let (Some(j), Some(m)) = (
            keys.jurisdiction(o.jurisdiction.as_str()),
            keys.metric(o.metric.as_str()),
        ) else {
            continue;
        };
        if let Some(p) = slots.get(j, m) {
            if o.value.dimension() == targets[was[p] as usize].value.dimension() {
                let kept = kept.get_or_insert_with(|| Points::new(targets.len()));
                kept.get_mut(p).offer(
                    o.date(),
                    o.value.canonical_value(),
                    o.comparator,
                    &frames[p],
                );
            }
        }
    }

    let make = || Keeper {
        slots: &slots,
        frames: &frames,
        kept: Points::new(targets.len()),
        tee: tee(),
    };
    let (chunks, errors) = bulk::scan_with(csv, &keys, reading.readers, reading.min_chunk, make);
    // What the maker holds (a channel's sender, say) goes with it.
    drop(tee);
    if !errors.is_empty() {
        return Err(Errors::from_vec(errors));
    }
    let mut tees = Vec::with_capacity(chunks.len());
    for (chunk, _) in chunks {
        kept = Some(match kept {
            None => chunk.kept,
            Some(kept) => kept.then(chunk.kept),
        });
        tees.push(chunk.tee);
    }
    done(tees);
    let kept = kept.unwrap_or_else(|| Points::new(targets.len()));

    // One metric at a time (its targets are consecutive): the rows are
    // evaluated on all threads, in place, ranked and handed on.
    let evaluation = Evaluation {
        targets: &targets,
        polarities: &polarities,
        kept: &kept,
        places: &places,
        frames: &frames,
        options,
        threads: reading.evaluators,
    };
    let mut start = 0;
    for numbers in groups {
        let end = start + numbers.len();
        debug_assert!(numbers.iter().copied().eq(start..end));
        let mut rows = evaluation.rows(start..end);
        rank_group(&mut rows);
        each(rows, targets.len());
        start = end;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::Slots;

    /// Places set in a scattered order, renumbered, for both layouts.
    fn renumbered(mut slots: Slots) -> (Vec<u32>, Vec<Option<usize>>) {
        slots.set(2, 1, 0);
        slots.set(0, 3, 1);
        slots.set(1, 0, 2);
        slots.set(0, 0, 3);
        let was = slots.renumber();
        let now = [(0, 0), (0, 3), (1, 0), (2, 1), (1, 1)]
            .iter()
            .map(|&(j, m)| slots.get(j, m))
            .collect();
        (was, now)
    }

    #[test]
    fn places_are_renumbered_by_jurisdiction_then_metric() {
        let expected = (
            vec![3, 1, 2, 0],
            vec![Some(0), Some(1), Some(2), Some(3), None],
        );
        assert_eq!(renumbered(Slots::new(3, 4)), expected);
        assert_eq!(renumbered(Slots::Sparse(Default::default())), expected);
    }
}
