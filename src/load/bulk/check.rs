//! Checking a data folder without keeping the rows of `observations.csv`.

use std::path::Path;

use super::OBSERVATIONS_CSV;
use super::keys::Keys;
use super::observations::{Row, Sink};
use super::scan::{default_threads, scan_observations};
use super::tables::Rows;

/// How many records of each kind a valid data folder holds: the answer of
/// [`check_folder`].
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Inventory {
    /// Jurisdictions and groups.
    pub jurisdictions: usize,
    /// Metrics.
    pub metrics: usize,
    /// Source documents.
    pub sources: usize,
    /// Targets, from the TOML files and `targets.csv`.
    pub targets: usize,
    /// Reported figures, from the TOML files and `observations.csv`.
    pub observations: usize,
}

impl Inventory {
    /// The records a catalogue holds.
    pub fn of(catalog: &crate::Catalog) -> Inventory {
        Inventory {
            jurisdictions: catalog.jurisdictions().len(),
            metrics: catalog.metrics().len(),
            sources: catalog.sources().len(),
            targets: catalog.targets().len(),
            observations: catalog.observations().len(),
        }
    }
}

/// Checks a data folder as strictly as [`crate::Catalog::load`] and counts
/// its records, without keeping the rows of `observations.csv`: they are
/// read as a stream on several threads, checked and counted, so memory stays
/// that of the TOML files and `targets.csv` however long the table is.
///
/// The errors are those of [`crate::Catalog::load`], all reported at once,
/// with one difference of wording: a row whose id (`observations_<line>`) a
/// TOML record already uses is reported without the position of that
/// record, which a stream does not keep. (When the TOML files or
/// `targets.csv` have errors, the rows cannot be checked against them as a
/// stream, and the folder is loaded whole to report everything.)
///
/// ```
/// use policy_targets::bulk::check_folder;
///
/// let dir = std::env::temp_dir().join(format!("check-folder-doc-{}", std::process::id()));
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
/// "#).unwrap();
/// std::fs::write(dir.join("observations.csv"), "\
/// jurisdiction,metric,as_of,value,unit
/// 320000,high_quality_datasets,2025-12-31,400,个
/// 320000,high_quality_datasets,2026-12-31,700,个
/// ").unwrap();
///
/// let inventory = check_folder(&dir)?;
/// assert_eq!(inventory.observations, 2);
/// assert_eq!(inventory.targets, 0);
///
/// std::fs::write(dir.join("observations.csv"), "\
/// jurisdiction,metric,as_of,value,unit
/// 320000,high_quality_datasets,2025-02-30,400,个
/// ").unwrap();
/// let errors = check_folder(&dir).unwrap_err();
/// assert!(errors.to_string().ends_with(
///     "observations.csv:2:30: as_of: invalid date \"2025-02-30\": no such day in the calendar"
/// ), "{errors}");
/// std::fs::remove_dir_all(&dir).unwrap();
/// # Ok::<(), policy_targets::Errors>(())
/// ```
pub fn check_folder(dir: impl AsRef<Path>) -> Result<Inventory, crate::Errors> {
    let dir = dir.as_ref();
    let csv = dir.join(OBSERVATIONS_CSV);
    let catalog = match crate::load::load_folder(dir, Rows::None) {
        Ok(catalog) => catalog,
        // The table's rows are checked against the catalogue; without one,
        // a full load reports every problem of the folder at once.
        Err(errors) if csv.is_file() => {
            return Err(crate::load::load_folder(dir, Rows::All)
                .err()
                .unwrap_or(errors));
        }
        Err(errors) => return Err(errors),
    };
    let mut inventory = Inventory::of(&catalog);
    if !csv.is_file() {
        return Ok(inventory);
    }
    let keys = Keys::of_catalog(&catalog);
    let (counters, errors) = scan_observations(&csv, &keys, default_threads(), || Counter(0));
    if !errors.is_empty() {
        return Err(crate::Errors::from_vec(errors));
    }
    inventory.observations += counters.iter().map(|(c, _)| c.0).sum::<usize>();
    Ok(inventory)
}

/// A sink that counts the valid rows.
pub(super) struct Counter(usize);

impl Sink for Counter {
    const NEEDS_QUANTITY: bool = false;

    fn row(&mut self, _: &Row) {
        self.0 += 1;
    }
}
