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
            let suggestion = crate::util::closest(name, ids.iter().copied()).map(str::to_owned);
            Error::new(
                ErrorKind::UnknownMetric {
                    name: name.to_owned(),
                    suggestion,
                    known: ids.into_iter().map(str::to_owned).collect(),
                },
                None,
            )
        })
    }

    /// The jurisdiction with this code, Chinese or English name, or alias
    /// (see [`Catalog::find_jurisdiction`]), or an error saying what is
    /// expected, with the nearest name where one is close.
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
    /// assert_eq!(
    ///     catalog.resolve_jurisdiction("Guangxj").unwrap_err().to_string(),
    ///     "unknown jurisdiction \"Guangxj\" (did you mean \"Guangxi\"?); expected a code such as 450000, or a name such as 广西 or Guangxi"
    /// );
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn resolve_jurisdiction(&self, name: &str) -> Result<&Jurisdiction, Error> {
        self.find_jurisdiction(name).ok_or_else(|| {
            let names = self.jurisdictions().iter().flat_map(|j| {
                [j.name_en.as_str(), j.name_zh.as_str()]
                    .into_iter()
                    .chain(j.aliases.iter().map(String::as_str))
            });
            let suggestion = crate::util::closest(name.trim(), names).map(str::to_owned);
            Error::new(
                ErrorKind::UnknownJurisdiction {
                    name: name.to_owned(),
                    suggestion,
                },
                None,
            )
        })
    }
}
