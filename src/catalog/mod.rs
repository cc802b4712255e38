//! The catalogue: every jurisdiction, metric, source, target and observation,
//! validated together, with lookups.

mod select;

use std::collections::{HashMap, HashSet};
use std::path::{Path, PathBuf};
use std::sync::Arc;

use chrono::NaiveDate;

use crate::error::{Error, ErrorKind, Errors, Position};
use crate::load::{self, FileKind};
use crate::{
    Comparator, Id, Jurisdiction, JurisdictionCode, Metric, Observation, Quantity, Source, Target,
};

/// Where a record and each of its fields came from.
#[derive(Clone, Debug)]
pub(crate) struct Origin {
    record: Position,
    fields: Vec<(&'static str, Position)>,
}

impl Origin {
    pub(crate) fn new(record: Position) -> Origin {
        Origin {
            record,
            fields: Vec::new(),
        }
    }

    pub(crate) fn set(&mut self, key: &'static str, position: Position) {
        self.fields.push((key, position));
    }

    /// The position of a field, or of the record with the field named.
    pub(crate) fn field(&self, key: &str) -> Position {
        self.fields
            .iter()
            .rev()
            .find(|(k, _)| *k == key)
            .map(|(_, p)| p.clone())
            .unwrap_or_else(|| {
                let base = self
                    .record
                    .field()
                    .map(|f| format!("{f}."))
                    .unwrap_or_default();
                self.record.clone().with_field(format!("{base}{key}"))
            })
    }
}

/// Records read so far, with their origins, and the problems found reading them.
#[derive(Default)]
pub(crate) struct Parts {
    pub jurisdictions: Vec<(Jurisdiction, Origin)>,
    pub metrics: Vec<(Metric, Origin)>,
    pub sources: Vec<(Source, Origin)>,
    pub targets: Vec<(Target, Origin)>,
    pub observations: Vec<(Observation, Origin)>,
    pub errors: Vec<Error>,
    pub unread: Unread,
}

/// What could not be read, so that references to it are not also reported
/// as unknown: the mistake is reported once, where it is.
#[derive(Default)]
pub(crate) struct Unread {
    /// Codes and ids of records that have a mistake, by kind of record
    /// ("jurisdiction", "metric", "source").
    pub names: HashSet<(&'static str, String)>,
    /// Kinds of record whose whole file could not be read.
    pub files: HashSet<&'static str>,
}

impl Unread {
    /// Whether a reference to `id` may be to something that was not read.
    fn covers(&self, what: &'static str, id: &str) -> bool {
        self.files.contains(what) || self.names.contains(&(what, id.to_owned()))
    }
}

impl Parts {
    /// Notes that a file could not be read (missing, not text, not TOML).
    pub(crate) fn unreadable(&mut self, kind: FileKind, path: Option<&Path>) {
        match kind {
            FileKind::Jurisdictions => {
                self.unread.files.insert("jurisdiction");
            }
            FileKind::Metrics => {
                self.unread.files.insert("metric");
            }
            // Source files are named by their source's id.
            FileKind::Source => match path.and_then(Path::file_stem).and_then(|s| s.to_str()) {
                Some(stem) => {
                    self.unread.names.insert(("source", stem.to_owned()));
                }
                None => {
                    self.unread.files.insert("source");
                }
            },
        }
    }
}

/// Every jurisdiction, metric, source, target and observation, checked
/// against each other: ids are unique, references resolve, units match their
/// metric's dimension, deadlines follow publication, ranges are ordered and
/// the `parent` relation has no cycle.
///
/// ```
/// use policy_targets::Catalog;
///
/// let catalog = Catalog::bundled()?;
/// let suzhou = catalog.find_jurisdiction("苏州").expect("bundled");
/// assert_eq!(suzhou.code.as_str(), "320500");
/// let target = catalog
///     .targets()
///     .iter()
///     .find(|t| t.jurisdiction == suzhou.code && t.metric.as_str() == "high_quality_datasets")
///     .expect("Suzhou's dataset target");
/// assert_eq!(target.value.to_string(), "300个");
/// assert_eq!(target.deadline.end().to_string(), "2027-12-31");
/// # Ok::<(), policy_targets::Errors>(())
/// ```
#[derive(Clone, Debug)]
pub struct Catalog {
    jurisdictions: Vec<Jurisdiction>,
    metrics: Vec<Metric>,
    sources: Vec<Source>,
    targets: Vec<Target>,
    observations: Vec<Observation>,
    by_code: HashMap<JurisdictionCode, usize>,
    by_metric: HashMap<Id, usize>,
    by_source: HashMap<Id, usize>,
}

impl PartialEq for Catalog {
    fn eq(&self, other: &Catalog) -> bool {
        self.jurisdictions == other.jurisdictions
            && self.metrics == other.metrics
            && self.sources == other.sources
            && self.targets == other.targets
            && self.observations == other.observations
    }
}

impl Eq for Catalog {}

mod bundled {
    include!(concat!(env!("OUT_DIR"), "/bundled.rs"));
}

impl Catalog {
    /// Reads a data folder: `jurisdictions.toml`, `metrics.toml`, every
    /// `sources/*.toml` and, where present, the tables `targets.csv` and
    /// `observations.csv` (see the [`bulk`](crate::load::bulk) module), reporting
    /// every problem found (with file, line, column and field) rather than
    /// only the first.
    pub fn load(dir: impl AsRef<Path>) -> Result<Catalog, Errors> {
        load_folder(dir.as_ref(), crate::load::bulk::Rows::All)
    }

    /// [`Catalog::load`], keeping of `observations.csv` only the rows of the
    /// given metrics: every row is checked as strictly, but a table of
    /// millions of figures costs only what is kept. Rankings and gaps need
    /// only the denominators ([`Per::DENOMINATOR_METRICS`](crate::Per::DENOMINATOR_METRICS)).
    ///
    /// ```
    /// use policy_targets::{Catalog, Per};
    ///
    /// let dir = std::env::temp_dir().join(format!("load-keeping-doc-{}", std::process::id()));
    /// std::fs::create_dir_all(dir.join("sources")).unwrap();
    /// std::fs::write(dir.join("jurisdictions.toml"), r#"
    /// [[jurisdiction]]
    /// code = "320000"
    /// name_zh = "江苏省"
    /// name_en = "Jiangsu"
    /// level = "province"
    /// "#).unwrap();
    /// std::fs::write(dir.join("metrics.toml"), r#"
    /// [[metric]]
    /// id = "high_quality_datasets"
    /// name_zh = "高质量数据集"
    /// name_en = "High-quality datasets"
    /// dimension = "count"
    /// polarity = "higher_is_better"
    /// basis = "stock"
    ///
    /// [[metric]]
    /// id = "resident_population"
    /// name_zh = "常住人口"
    /// name_en = "Resident population"
    /// dimension = "persons"
    /// polarity = "higher_is_better"
    /// basis = "stock"
    /// "#).unwrap();
    /// std::fs::write(dir.join("observations.csv"), "\
    /// jurisdiction,metric,as_of,value,unit
    /// 320000,high_quality_datasets,2025-12-31,400,个
    /// 320000,resident_population,2020-11-01,84748016,人
    /// ").unwrap();
    ///
    /// let catalog = Catalog::load_keeping(&dir, &Per::DENOMINATOR_METRICS)?;
    /// assert_eq!(catalog.observations().len(), 1);
    /// assert_eq!(catalog.observations()[0].metric.as_str(), "resident_population");
    /// assert_eq!(Catalog::load(&dir)?.observations().len(), 2);
    /// std::fs::remove_dir_all(&dir).unwrap();
    /// # Ok::<(), policy_targets::Errors>(())
    /// ```
    pub fn load_keeping(dir: impl AsRef<Path>, metrics: &[&str]) -> Result<Catalog, Errors> {
        load_folder(dir.as_ref(), crate::load::bulk::Rows::Metrics(metrics))
    }

    /// The data bundled with this crate (the `targets/` folder of its
    /// repository), embedded at compile time.
    pub fn bundled() -> Result<Catalog, Errors> {
        Catalog::from_toml_files(bundled::FILES.iter().copied())
    }

    /// Reads data files given as `(path, text)` pairs. A file named
    /// `jurisdictions.toml` or `metrics.toml` holds those tables; any other
    /// holds one source with its targets and observations.
    pub fn from_toml_files<P, T>(files: impl IntoIterator<Item = (P, T)>) -> Result<Catalog, Errors>
    where
        P: AsRef<Path>,
        T: AsRef<str>,
    {
        let mut parts = Parts::default();
        for (path, text) in files {
            read_file(&mut parts, path.as_ref(), text.as_ref().as_bytes());
        }
        parts.build()
    }

    /// Builds a catalogue from records made in code, with the same checks as
    /// [`Catalog::load`]; problems are placed by field path
    /// (`targets[2].metric`).
    pub fn new(
        jurisdictions: Vec<Jurisdiction>,
        metrics: Vec<Metric>,
        sources: Vec<Source>,
        targets: Vec<Target>,
        observations: Vec<Observation>,
    ) -> Result<Catalog, Errors> {
        fn located<T>(items: Vec<T>, name: &str) -> Vec<(T, Origin)> {
            items
                .into_iter()
                .enumerate()
                .map(|(i, item)| {
                    (
                        item,
                        Origin::new(Position::new().with_field(format!("{name}[{i}]"))),
                    )
                })
                .collect()
        }
        Parts {
            jurisdictions: located(jurisdictions, "jurisdictions"),
            metrics: located(metrics, "metrics"),
            sources: located(sources, "sources"),
            targets: located(targets, "targets"),
            observations: located(observations, "observations"),
            ..Parts::default()
        }
        .build()
    }

    /// Every jurisdiction, in file order.
    pub fn jurisdictions(&self) -> &[Jurisdiction] {
        &self.jurisdictions
    }

    /// Every metric, in file order.
    pub fn metrics(&self) -> &[Metric] {
        &self.metrics
    }

    /// Every source, in file order.
    pub fn sources(&self) -> &[Source] {
        &self.sources
    }

    /// Every target, in file order.
    pub fn targets(&self) -> &[Target] {
        &self.targets
    }

    /// Every observation, in file order.
    pub fn observations(&self) -> &[Observation] {
        &self.observations
    }

    /// The jurisdiction with this code.
    pub fn jurisdiction(&self, code: &str) -> Option<&Jurisdiction> {
        self.by_code.get(code).map(|&i| &self.jurisdictions[i])
    }

    /// The jurisdiction with this code, name (Chinese or English) or alias.
    pub fn find_jurisdiction(&self, name: &str) -> Option<&Jurisdiction> {
        self.jurisdiction(name.trim())
            .or_else(|| self.jurisdictions.iter().find(|j| j.is_named(name)))
    }

    /// The metric with this id.
    pub fn metric(&self, id: &str) -> Option<&Metric> {
        self.by_metric.get(id).map(|&i| &self.metrics[i])
    }

    /// The metric with this id, Chinese or English name, or alias.
    pub fn find_metric(&self, name: &str) -> Option<&Metric> {
        let name = name.trim();
        self.metric(name).or_else(|| {
            self.metrics.iter().find(|m| {
                m.name_zh == name
                    || m.name_en.eq_ignore_ascii_case(name)
                    || m.aliases.iter().any(|a| a == name)
            })
        })
    }

    /// The source with this id.
    pub fn source(&self, id: &str) -> Option<&Source> {
        self.by_source.get(id).map(|&i| &self.sources[i])
    }

    /// The first day of a target's period: its own period's start, else its
    /// source's plan period's start, else January 1 of the source's
    /// publication year.
    pub fn period_start(&self, target: &Target) -> NaiveDate {
        let source = self.source(target.source.as_str());
        target
            .period
            .or_else(|| source.and_then(|s| s.period))
            .map(|p| p.start())
            .or_else(|| source.and_then(|s| NaiveDate::from_ymd_opt(s.published.year(), 1, 1)))
            .unwrap_or(NaiveDate::MIN)
    }

    /// The jurisdictions `code` lies in, nearest first (苏州 → 江苏 → 中国).
    pub fn ancestors<'a>(&'a self, code: &str) -> impl Iterator<Item = &'a Jurisdiction> + 'a {
        let mut next = self.jurisdiction(code).and_then(|j| j.parent.clone());
        let mut steps = 0;
        std::iter::from_fn(move || {
            let j = self.jurisdiction(next.take()?.as_str())?;
            steps += 1;
            if steps > self.jurisdictions.len() {
                return None;
            }
            next = j.parent.clone();
            Some(j)
        })
    }
}

/// Reads a data folder, with the rows of its `observations.csv` that `rows`
/// asks for (with [`Rows::None`](crate::load::bulk::Rows::None), the table is left
/// for the caller to stream).
pub(crate) fn load_folder(
    dir: &Path,
    rows: crate::load::bulk::Rows<'_>,
) -> Result<Catalog, Errors> {
    if !dir.is_dir() {
        let kind = ErrorKind::Invalid(if dir.exists() {
            "not a folder: a data folder holds jurisdictions.toml, metrics.toml and sources/"
                .to_owned()
        } else {
            "no such data folder".to_owned()
        });
        return Err(Error::at(kind, Position::new().with_file(dir)).into());
    }
    let mut files: Vec<(PathBuf, Vec<u8>)> = Vec::new();
    let mut parts = Parts::default();
    let mut read = |path: PathBuf, parts: &mut Parts| match std::fs::read(&path) {
        Ok(bytes) => files.push((path, bytes)),
        Err(err) => {
            parts.unreadable(file_kind(&path), Some(&path));
            parts.errors.push(Error::at(
                ErrorKind::Io(err),
                Position::new().with_file(path),
            ));
        }
    };
    read(dir.join("jurisdictions.toml"), &mut parts);
    read(dir.join("metrics.toml"), &mut parts);
    let sources = dir.join("sources");
    match std::fs::read_dir(&sources) {
        Ok(entries) => {
            let mut paths: Vec<PathBuf> = entries
                .filter_map(|e| e.ok().map(|e| e.path()))
                .filter(|p| p.extension().is_some_and(|e| e == "toml"))
                .collect();
            // A `.toml` entry that is not a readable file (a folder, a
            // link to nothing) is a mistake to report, not to skip.
            paths.retain(|p| {
                let file = p.is_file();
                if !file {
                    parts.unreadable(FileKind::Source, Some(p));
                    parts.errors.push(Error::at(
                        ErrorKind::Invalid(not_a_file(p)),
                        Position::new().with_file(p.clone()),
                    ));
                }
                file
            });
            paths.sort();
            for path in paths {
                read(path, &mut parts);
            }
        }
        Err(err) => {
            parts.unread.files.insert("source");
            parts.errors.push(Error::at(
                ErrorKind::Io(err),
                Position::new().with_file(sources),
            ));
        }
    }
    for (path, bytes) in &files {
        read_file(&mut parts, path, bytes);
    }
    crate::load::bulk::read_tables(&mut parts, dir, rows);
    parts.build()
}

/// Why a path that should be a data file is not read.
pub(crate) fn not_a_file(path: &Path) -> String {
    match std::fs::symlink_metadata(path) {
        Ok(m) if m.file_type().is_symlink() => {
            "a link to nothing: a data file must be a readable file".to_owned()
        }
        Ok(m) if m.is_dir() => "a folder, not a file: a data file must be a file".to_owned(),
        _ => "not a regular file: a data file must be a file".to_owned(),
    }
}

/// What a data file holds, by its name.
fn file_kind(path: &Path) -> FileKind {
    match path.file_name().and_then(|n| n.to_str()) {
        Some("jurisdictions.toml") => FileKind::Jurisdictions,
        Some("metrics.toml") => FileKind::Metrics,
        _ => FileKind::Source,
    }
}

fn read_file(parts: &mut Parts, path: &Path, bytes: &[u8]) {
    let file: Arc<Path> = Arc::from(path);
    let kind = file_kind(path);
    match as_text(bytes) {
        Ok(text) => load::read(kind, Some(file), text, parts),
        Err((message, at)) => {
            // The place is counted in the text before the problem.
            let before = String::from_utf8_lossy(&bytes[..at]);
            let doc = load::Doc::new(Some(file), &before);
            let error = Error::at(ErrorKind::Syntax(message), doc.position(before.len(), None));
            parts.errors.push(error);
            parts.unreadable(kind, Some(path));
        }
    }
}

/// The bytes of a data file as text, or what is wrong with them and the
/// offset of the problem.
fn as_text(bytes: &[u8]) -> Result<&str, (String, usize)> {
    if let Some(order) = utf16_order(bytes) {
        let message = format!(
            "the file is UTF-16 ({order} byte order mark): data files must be UTF-8 (re-save it as UTF-8)"
        );
        return Err((message, 0));
    }
    // Many NUL bytes mean a binary file (or UTF-16 without a byte order
    // mark), not a typing mistake; a stray one is left to the TOML parser,
    // which names its field.
    let nul = bytes.iter().filter(|&&b| b == 0).count();
    if nul > 8 && nul * 100 >= bytes.len() {
        let at = bytes.iter().position(|&b| b == 0).unwrap_or_default();
        let message = format!(
            "NUL byte at byte {at}: this is a binary file (or UTF-16), not TOML text; data files must be UTF-8 text"
        );
        return Err((message, at));
    }
    std::str::from_utf8(bytes).map_err(|err| {
        let at = err.valid_up_to();
        let message = format!(
            "invalid UTF-8 at byte {at}: data files must be UTF-8 (re-save it as UTF-8; GBK and GB18030 are not read)"
        );
        (message, at)
    })
}

/// "little-endian" or "big-endian" when `bytes` start with a UTF-16 byte
/// order mark.
fn utf16_order(bytes: &[u8]) -> Option<&'static str> {
    match bytes {
        [0xFF, 0xFE, ..] => Some("little-endian"),
        [0xFE, 0xFF, ..] => Some("big-endian"),
        _ => None,
    }
}

impl Parts {
    /// Checks the records against each other and builds the catalogue, or
    /// returns every problem found, ordered by file and line.
    pub(crate) fn build(self) -> Result<Catalog, Errors> {
        let Parts {
            jurisdictions,
            metrics,
            sources,
            targets,
            observations,
            mut errors,
            unread: self_unread,
        } = self;

        let by_code = index(
            &jurisdictions,
            "jurisdiction",
            "code",
            |j| &j.code,
            &mut errors,
        );
        let by_metric = index(&metrics, "metric", "id", |m| &m.id, &mut errors);
        let by_source = index(&sources, "source", "id", |s| &s.id, &mut errors);
        {
            // Targets and observations share one id space.
            // Positions are worked out only for duplicates: bulk tables
            // hold millions of records.
            let mut seen: HashMap<&str, &Origin, crate::util::FxBuild> = HashMap::default();
            seen.reserve(targets.len() + observations.len());
            let records = targets
                .iter()
                .map(|(t, o)| (t.id.as_str(), o, "target"))
                .chain(
                    observations
                        .iter()
                        .map(|(t, o)| (t.id.as_str(), o, "observation")),
                );
            for (id, origin, what) in records {
                if let Some(first) = seen.get(id) {
                    errors.push(duplicate(what, id, first.field("id"), origin.field("id")));
                } else {
                    seen.insert(id, origin);
                }
            }
        }

        let jurisdiction_codes: Vec<&str> =
            jurisdictions.iter().map(|(j, _)| j.code.as_str()).collect();
        let metric_ids: Vec<&str> = metrics.iter().map(|(m, _)| m.id.as_str()).collect();
        let source_ids: Vec<&str> = sources.iter().map(|(s, _)| s.id.as_str()).collect();
        let unread = &self_unread;
        let unknown = |what: &'static str, id: &str, at: Position| {
            if unread.covers(what, id) {
                return None;
            }
            let known = match what {
                "jurisdiction" => &jurisdiction_codes,
                "metric" => &metric_ids,
                _ => &source_ids,
            };
            // Codes are digits: a near one is as likely wrong as right.
            let suggestion = (!id.bytes().all(|b| b.is_ascii_digit()))
                .then(|| crate::util::closest(id, known.iter().copied()))
                .flatten()
                .map(str::to_owned);
            let id = id.to_owned();
            Some(Error::at(
                ErrorKind::UnknownReference {
                    what,
                    id,
                    suggestion,
                },
                at,
            ))
        };

        for (j, origin) in &jurisdictions {
            if let Some(parent) = &j.parent {
                if !by_code.contains_key(parent) {
                    errors.extend(unknown(
                        "jurisdiction",
                        parent.as_str(),
                        origin.field("parent"),
                    ));
                }
            }
            for member in &j.members {
                if !by_code.contains_key(member) {
                    errors.extend(unknown(
                        "jurisdiction",
                        member.as_str(),
                        origin.field("members"),
                    ));
                }
            }
            if !j.members.is_empty() && j.level != crate::Level::Group {
                errors.push(Error::invalid(
                    format!(
                        "members are only for level \"group\", but {} is a {}",
                        j.code, j.level
                    ),
                    origin.field("members"),
                ));
            }
            // A cycle is reported once, at its smallest code.
            let mut path = vec![&j.code];
            let mut next = j.parent.as_ref();
            while let Some(code) = next {
                if code == &j.code {
                    if path.iter().all(|c| *c >= &j.code) {
                        path.push(code);
                        let chain: Vec<&str> = path.iter().map(|c| c.as_str()).collect();
                        errors.push(Error::invalid(
                            format!("parent cycle: {}", chain.join(" → ")),
                            origin.field("parent"),
                        ));
                    }
                    break;
                }
                if path.contains(&code) {
                    break; // a cycle further up, reported from its own members
                }
                path.push(code);
                next = by_code
                    .get(code)
                    .and_then(|&i| jurisdictions[i].0.parent.as_ref());
            }
        }

        for (s, origin) in &sources {
            for (key, reference) in [("via", &s.via), ("supersedes", &s.supersedes)] {
                if let Some(id) = reference {
                    if !by_source.contains_key(id) {
                        errors.extend(unknown("source", id.as_str(), origin.field(key)));
                    } else if id == &s.id {
                        errors.push(Error::invalid(
                            format!("source {:?} cannot name itself in `{key}`", s.id.as_str()),
                            origin.field(key),
                        ));
                    }
                }
            }
        }

        let metric_of = |id: &Id| by_metric.get(id).map(|&i| &metrics[i].0);
        let check_unit = |q: &Quantity,
                          metric: Option<&Metric>,
                          at: &dyn Fn() -> Position,
                          errors: &mut Vec<Error>| {
            if let Some(m) = metric {
                if q.dimension() != m.dimension {
                    errors.push(Error::at(
                        ErrorKind::WrongDimension {
                            unit: q.unit().to_string(),
                            found: q.dimension(),
                            metric: m.id.to_string(),
                            expected: m.dimension,
                        },
                        at(),
                    ));
                }
            }
            if let Some(kind) = negative(q) {
                errors.push(Error::at(kind, at()));
            }
        };

        for (t, origin) in &targets {
            if !by_code.contains_key(&t.jurisdiction) {
                errors.extend(unknown(
                    "jurisdiction",
                    t.jurisdiction.as_str(),
                    origin.field("jurisdiction"),
                ));
            }
            let metric = metric_of(&t.metric);
            if metric.is_none() {
                errors.extend(unknown("metric", t.metric.as_str(), origin.field("metric")));
            }
            check_unit(&t.value, metric, &|| origin.field("value"), &mut errors);
            if let Some(upper) = &t.upper {
                check_unit(upper, metric, &|| origin.field("upper"), &mut errors);
            }
            if let Some(b) = &t.baseline {
                check_unit(&b.value, metric, &|| origin.field("baseline"), &mut errors);
            }
            match (t.comparator, &t.upper) {
                (Comparator::Range, None) => errors.push(Error::invalid(
                    "a range needs an upper bound (`upper`)",
                    origin.field("comparator"),
                )),
                (Comparator::Range, Some(upper)) => {
                    if t.value.compare(upper) == Ok(std::cmp::Ordering::Greater) {
                        errors.push(Error::invalid(
                            format!(
                                "range lower bound {} is greater than its upper bound {upper}",
                                t.value
                            ),
                            origin.field("upper"),
                        ));
                    }
                }
                (other, Some(_)) => errors.push(Error::invalid(
                    format!(
                        "`upper` is only for comparator \"range\", not {other:?}",
                        other = other.as_str()
                    ),
                    origin.field("upper"),
                )),
                (_, None) => {}
            }
            if let Some(&i) = by_source.get(&t.source) {
                let published = sources[i].0.published;
                if t.deadline.end() < published.first_day() {
                    errors.push(Error::invalid(
                        format!(
                            "deadline {} ends before its source {:?} was published ({published})",
                            t.deadline,
                            t.source.as_str()
                        ),
                        origin.field("deadline"),
                    ));
                }
            }
            if let Some(p) = t.period {
                if p.start() > t.deadline.end() {
                    errors.push(Error::invalid(
                        format!("period {p} starts after the deadline {}", t.deadline),
                        origin.field("period"),
                    ));
                }
            }
        }

        for (o, origin) in &observations {
            if !by_code.contains_key(&o.jurisdiction) {
                errors.extend(unknown(
                    "jurisdiction",
                    o.jurisdiction.as_str(),
                    origin.field("jurisdiction"),
                ));
            }
            let metric = metric_of(&o.metric);
            if metric.is_none() {
                errors.extend(unknown("metric", o.metric.as_str(), origin.field("metric")));
            }
            check_unit(&o.value, metric, &|| origin.field("value"), &mut errors);
            if o.comparator == Some(Comparator::Range) {
                errors.push(Error::invalid(
                    "an observation's comparator marks a bound: at_least, more_than, at_most, less_than or exactly, not range",
                    origin.field("comparator"),
                ));
            }
        }

        if !errors.is_empty() {
            errors.sort_by(|a, b| {
                let key = |e: &Error| {
                    e.position()
                        .map(|p| (p.file().map(Path::to_path_buf), p.line(), p.column()))
                };
                key(a).cmp(&key(b))
            });
            return Err(Errors::from_vec(errors));
        }
        Ok(Catalog {
            jurisdictions: strip(jurisdictions),
            metrics: strip(metrics),
            sources: strip(sources),
            targets: strip(targets),
            observations: strip(observations),
            by_code,
            by_metric,
            by_source,
        })
    }
}

/// The error for a quantity below zero in a dimension that has no negative
/// values (see [`Dimension::signed`](crate::Dimension::signed)).
pub(crate) fn negative(q: &Quantity) -> Option<ErrorKind> {
    let below_zero = q.value().is_sign_negative() && !q.value().is_zero();
    (below_zero && !q.dimension().signed()).then(|| ErrorKind::Negative {
        quantity: q.to_string(),
        dimension: q.dimension(),
    })
}

fn strip<T>(items: Vec<(T, Origin)>) -> Vec<T> {
    items.into_iter().map(|(x, _)| x).collect()
}

fn duplicate(what: &'static str, id: &str, first: Position, here: Position) -> Error {
    let first = Position::new()
        .with_shared_file(first.file().map(Arc::from))
        .with_line_column(first.line().unwrap_or(0), first.column().unwrap_or(0));
    let first = if first.line() == Some(0) {
        Position::new()
    } else {
        first
    };
    Error::at(
        ErrorKind::Duplicate {
            what,
            id: id.to_owned(),
            first,
        },
        here,
    )
}

fn index<T, K: Clone + Eq + std::hash::Hash + AsRefStr>(
    items: &[(T, Origin)],
    what: &'static str,
    key_field: &'static str,
    key: impl Fn(&T) -> &K,
    errors: &mut Vec<Error>,
) -> HashMap<K, usize> {
    let mut map: HashMap<K, usize> = HashMap::new();
    for (i, (item, origin)) in items.iter().enumerate() {
        let k = key(item);
        if let Some(&first) = map.get(k) {
            errors.push(duplicate(
                what,
                k.as_ref_str(),
                items[first].1.field(key_field),
                origin.field(key_field),
            ));
        } else {
            map.insert(k.clone(), i);
        }
    }
    map
}

trait AsRefStr {
    fn as_ref_str(&self) -> &str;
}

impl AsRefStr for Id {
    fn as_ref_str(&self) -> &str {
        self.as_str()
    }
}

impl AsRefStr for JurisdictionCode {
    fn as_ref_str(&self) -> &str {
        self.as_str()
    }
}

#[cfg(test)]
mod tests {
    use super::negative;
    use crate::Quantity;

    #[test]
    fn only_unsigned_dimensions_refuse_values_below_zero() {
        let message = |s: &str| negative(&s.parse::<Quantity>().unwrap()).map(|k| k.to_string());
        assert_eq!(
            message("-300个").as_deref(),
            Some("negative value -300个: a count cannot be below zero")
        );
        assert_eq!(
            message("-1.5PB").as_deref(),
            Some("negative value -1.5 PB: an amount of data cannot be below zero")
        );
        assert_eq!(
            message("-2万人").as_deref(),
            Some("negative value -2万人: a number of people cannot be below zero")
        );
        // Money and shares may fall below zero: a deficit, a decline.
        assert_eq!(message("-83亿元"), None);
        assert_eq!(message("-5%"), None);
        // Zero is not below zero, however it is written.
        assert_eq!(message("-0个"), None);
        assert_eq!(message("0TB"), None);
    }
}
