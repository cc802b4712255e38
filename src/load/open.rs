//! Opening the data a user names: a data folder when one is given, else the
//! data bundled with the crate.

use std::path::Path;

use crate::Catalog;
use crate::error::Errors;

impl Catalog {
    /// The catalogue of the data folder `data` ([`Catalog::load`]), or with
    /// `None` the bundled data ([`Catalog::bundled`]): what a command that
    /// takes an optional `--data` folder reads.
    ///
    /// ```
    /// use policy_targets::Catalog;
    ///
    /// assert_eq!(Catalog::open(None)?, Catalog::bundled()?);
    ///
    /// let missing = std::env::temp_dir().join(format!("open-doc-{}", std::process::id()));
    /// let errors = Catalog::open(Some(&missing)).unwrap_err();
    /// assert!(errors.to_string().ends_with("no such data folder"), "{errors}");
    /// # Ok::<(), policy_targets::Errors>(())
    /// ```
    pub fn open(data: Option<&Path>) -> Result<Catalog, Errors> {
        match data {
            Some(dir) => Catalog::load(dir),
            None => Catalog::bundled(),
        }
    }

    /// [`Catalog::open`], keeping of a folder's `observations.csv` only the
    /// rows of the given metrics ([`Catalog::load_keeping`]); the bundled
    /// data is read whole. Rankings and gaps pass the denominators they
    /// divide by, [`Per::DENOMINATOR_METRICS`](crate::Per::DENOMINATOR_METRICS):
    /// every row of a large table is still checked, but only the population
    /// and GDP figures are kept.
    ///
    /// ```
    /// use policy_targets::{Catalog, Per};
    ///
    /// let catalog = Catalog::open_keeping(None, &Per::DENOMINATOR_METRICS)?;
    /// assert_eq!(catalog, Catalog::bundled()?);
    ///
    /// let missing = std::env::temp_dir().join(format!("open-keeping-doc-{}", std::process::id()));
    /// let errors = Catalog::open_keeping(Some(&missing), &Per::DENOMINATOR_METRICS).unwrap_err();
    /// assert!(errors.to_string().ends_with("no such data folder"), "{errors}");
    /// # Ok::<(), policy_targets::Errors>(())
    /// ```
    pub fn open_keeping(data: Option<&Path>, metrics: &[&str]) -> Result<Catalog, Errors> {
        match data {
            Some(dir) => Catalog::load_keeping(dir, metrics),
            None => Catalog::bundled(),
        }
    }
}
