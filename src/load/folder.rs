//! Reading a data folder: its TOML files and CSV tables, every problem of
//! every file reported at once.

use std::path::{Path, PathBuf};

use super::FileKind;
use super::bulk::{self, Rows};
use super::files::read_file;
use crate::Catalog;
use crate::catalog::Parts;
use crate::error::{DataProblem, Error, ErrorKind, Errors, Position};

impl Catalog {
    /// Reads a data folder: `jurisdictions.toml`, `metrics.toml`, every
    /// `sources/*.toml` and, where present, the tables `targets.csv` and
    /// `observations.csv` (see the [`bulk`] module), reporting
    /// every problem found (with file, line, column and field) rather than
    /// only the first.
    pub fn load(dir: impl AsRef<Path>) -> Result<Catalog, Errors> {
        load_folder(dir.as_ref(), Rows::All)
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
        load_folder(dir.as_ref(), Rows::Metrics(metrics))
    }
}

/// Reads a data folder, with the rows of its `observations.csv` that `rows`
/// asks for (with [`Rows::None`], the table is left
/// for the caller to stream).
pub(crate) fn load_folder(dir: &Path, rows: Rows<'_>) -> Result<Catalog, Errors> {
    if !dir.is_dir() {
        let kind = ErrorKind::from(if dir.exists() {
            DataProblem::NotAFolder
        } else {
            DataProblem::NoDataFolder
        });
        return Err(Error::at(kind, Position::new().with_file(dir)).into());
    }
    let mut files: Vec<(PathBuf, Vec<u8>)> = Vec::new();
    let mut parts = Parts::default();
    let mut read = |path: PathBuf, parts: &mut Parts| match std::fs::read(&path) {
        Ok(bytes) => files.push((path, bytes)),
        Err(err) => {
            FileKind::of(&path).unreadable(parts, Some(&path));
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
                    FileKind::Source.unreadable(&mut parts, Some(p));
                    parts.errors.push(Error::at(
                        ErrorKind::from(not_a_file(p)),
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
    bulk::read_tables(&mut parts, dir, rows);
    parts.build()
}

/// Why a path that should be a data file is not read.
pub(crate) fn not_a_file(path: &Path) -> DataProblem {
    match std::fs::symlink_metadata(path) {
        Ok(m) if m.file_type().is_symlink() => DataProblem::BrokenLink,
        Ok(m) if m.is_dir() => DataProblem::FolderNotFile,
        _ => DataProblem::NotRegularFile,
    }
}
