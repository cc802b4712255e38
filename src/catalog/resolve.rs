//! Lookups by name that explain a miss: the metric or jurisdiction a user
//! named, or an error saying what was expected.

use crate::error::{Error, ErrorKind};
use crate::{Catalog, Jurisdiction, Metric};

impl Catalog {
    /// The metric with this id, Chinese or English name, or alias (see
    /// [`Catalog::find_metric`]), or an error naming the nearest id and
    /// listing every id of the catalogue.
    ///
    /// ```
    /// use policy_targets::Catalog;
    ///
    /// let catalog = Catalog::bundled()?;
    /// assert_eq!(catalog.resolve_metric("高质量数据集")?.id.as_str(), "high_quality_datasets");
    /// let error = catalog.resolve_metric("high_quality_dataset").unwrap_err();
    /// assert!(error.to_string().starts_with(
    ///     "unknown metric \"high_quality_dataset\" (did you mean \"high_quality_datasets\"?); \
    ///      expected an id or name from the metric catalogue: "
    /// ), "{error}");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn resolve_metric(&self, name: &str) -> Result<&Metric, Error> {
        self.find_metric(name).ok_or_else(|| {
            let ids: Vec<&str> = self.metrics().iter().map(|m| m.id.as_str()).collect();
            let near = crate::util::closest(name, ids.iter().copied())
                .map_or(String::new(), |id| format!(" (did you mean {id:?}?)"));
            Error::new(
                ErrorKind::Invalid(format!(
                    "unknown metric {name:?}{near}; expected an id or name from the metric catalogue: {}",
                    ids.join(", ")
                )),
                None,
            )
        })
    }

    /// The jurisdiction with this code, Chinese or English name, or alias
    /// (see [`Catalog::find_jurisdiction`]), or an error saying what is
    /// expected.
    ///
    /// ```
    /// use policy_targets::Catalog;
    ///
    /// let catalog = Catalog::bundled()?;
    /// assert_eq!(catalog.resolve_jurisdiction("Guangxi")?.code.as_str(), "450000");
    /// assert_eq!(
    ///     catalog.resolve_jurisdiction("Atlantis").unwrap_err().to_string(),
    ///     "unknown jurisdiction \"Atlantis\"; expected a code such as 450000, or a name such as 广西 or Guangxi"
    /// );
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn resolve_jurisdiction(&self, name: &str) -> Result<&Jurisdiction, Error> {
        self.find_jurisdiction(name).ok_or_else(|| {
            Error::new(
                ErrorKind::Invalid(format!(
                    "unknown jurisdiction {name:?}; expected a code such as 450000, or a name such as 广西 or Guangxi"
                )),
                None,
            )
        })
    }
}
