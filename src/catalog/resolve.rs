//! Lookups by name that explain a miss: the metric or jurisdiction a user
//! named, or an error saying what was expected.

use crate::error::{Error, ErrorKind};
use crate::{Catalog, Jurisdiction, Metric};

impl Catalog {
    /// The metric with this id, Chinese or English name, or alias (see
    /// [`Catalog::find_metric`]), or an error naming the metric probably
    /// meant (by its id for a name in Latin letters, else by its Chinese
    /// name; a fragment of a name finds it too) and listing every id of the
    /// catalogue with its Chinese name.
    ///
    /// ```
    /// use policy_targets::Catalog;
    ///
    /// let catalog = Catalog::bundled()?;
    /// assert_eq!(catalog.resolve_metric("高质量数据集")?.id.as_str(), "high_quality_datasets");
    /// let error = catalog.resolve_metric("high_quality_dataset").unwrap_err();
    /// assert!(error.to_string().starts_with(
    ///     "unknown metric \"high_quality_dataset\" (did you mean \"high_quality_datasets\"?); \
    ///      expected an id or name from the metric catalogue (`targets list metrics` lists all"
    /// ), "{error}");
    /// let error = catalog.resolve_metric("高质量数据").unwrap_err();
    /// assert!(error.to_string().starts_with(
    ///     "unknown metric \"高质量数据\" (did you mean \"高质量数据集\"?)"
    /// ), "{error}");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn resolve_metric(&self, name: &str) -> Result<&Metric, Error> {
        self.find_metric(name).ok_or_else(|| {
            let suggestion = self.suggest_metric(name.trim()).map(|m| {
                if name.is_ascii() {
                    m.id.to_string()
                } else {
                    m.name_zh.clone()
                }
            });
            let known = self
                .metrics()
                .iter()
                .map(|m| format!("{} ({})", m.id, m.name_zh))
                .collect();
            Error::new(
                ErrorKind::UnknownMetric {
                    name: name.to_owned(),
                    suggestion,
                    known,
                },
                None,
            )
        })
    }

    /// The metric a name that matches none probably meant: one whose id,
    /// name or alias holds the name as a fragment (`高质量数据` →
    /// 高质量数据集) or is held by it, else the nearest by edit distance.
    fn suggest_metric(&self, name: &str) -> Option<&Metric> {
        let words = |m: &'_ Metric| -> Vec<String> {
            let mut words = vec![m.id.to_string(), m.name_zh.clone(), m.name_en.clone()];
            words.extend(m.aliases.iter().cloned());
            words
        };
        let by_fragment = fragment_match(name, self.metrics(), words);
        by_fragment.or_else(|| {
            let names = self.metrics().iter().flat_map(|m| {
                [m.id.as_str(), m.name_zh.as_str(), m.name_en.as_str()]
                    .into_iter()
                    .chain(m.aliases.iter().map(String::as_str))
            });
            let close = crate::util::closest(name, names)?;
            self.find_metric(close)
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
    /// assert!(
    ///     catalog.resolve_jurisdiction("广西省").unwrap_err().to_string()
    ///         .starts_with("unknown jurisdiction \"广西省\" (did you mean \"广西壮族自治区\"?)")
    /// );
    /// assert_eq!(
    ///     catalog.resolve_jurisdiction("Guangxj").unwrap_err().to_string(),
    ///     "unknown jurisdiction \"Guangxj\" (did you mean \"Guangxi\"?); expected a code such as 450000, or a name such as 广西 or Guangxi"
    /// );
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn resolve_jurisdiction(&self, name: &str) -> Result<&Jurisdiction, Error> {
        self.find_jurisdiction(name).ok_or_else(|| {
            let suggestion = self.suggest_jurisdiction(name.trim());
            Error::new(
                ErrorKind::UnknownJurisdiction {
                    name: name.to_owned(),
                    suggestion,
                },
                None,
            )
        })
    }

    /// The name of the jurisdiction a name that matches none probably
    /// meant: the name without a wrong suffix (`广西省`, `Suzhou City`), a
    /// jurisdiction whose name holds it as a fragment (`广西壮族`), else the
    /// nearest name by edit distance. In the script of the name asked for.
    fn suggest_jurisdiction(&self, name: &str) -> Option<String> {
        let shown = |j: &Jurisdiction| {
            if name.is_ascii() {
                j.name_en.clone()
            } else {
                j.name_zh.clone()
            }
        };
        if let Some(j) = strip_division_suffix(name).and_then(|s| self.find_jurisdiction(s)) {
            return Some(shown(j));
        }
        let words = |j: &'_ Jurisdiction| -> Vec<String> {
            let mut words = vec![j.name_zh.clone(), j.name_en.clone()];
            words.extend(j.aliases.iter().cloned());
            words
        };
        if let Some(j) = fragment_match(name, self.jurisdictions(), words) {
            return Some(shown(j));
        }
        let names = self.jurisdictions().iter().flat_map(|j| {
            [j.name_en.as_str(), j.name_zh.as_str()]
                .into_iter()
                .chain(j.aliases.iter().map(String::as_str))
        });
        crate::util::closest(name, names).map(str::to_owned)
    }
}

/// `name` without the suffix of a kind of division that it may have been
/// given wrongly (`广西省` → `广西`, `Suzhou City` → `Suzhou`), where it has
/// one.
fn strip_division_suffix(name: &str) -> Option<&str> {
    const SUFFIXES: &[&str] = &[
        "自治区",
        "特别行政区",
        "地区",
        "省",
        "市",
        "区",
        "州",
        "盟",
        "县",
        " Province",
        " province",
        " City",
        " city",
        " Prefecture",
        " prefecture",
        " Shi",
        " Sheng",
    ];
    SUFFIXES
        .iter()
        .find_map(|suffix| name.strip_suffix(suffix))
        .map(str::trim)
        .filter(|rest| !rest.is_empty())
}

/// The first of `items` one of whose `words` holds `name` or is held by
/// it, for a name of at least two characters (one Chinese character, or a
/// word shorter than three letters, matches too much); the longest word
/// held by the name wins over a shorter one.
fn fragment_match<'a, T>(
    name: &str,
    items: &'a [T],
    words: impl Fn(&T) -> Vec<String>,
) -> Option<&'a T> {
    let chars = name.chars().count();
    if chars < 2 || (name.is_ascii() && chars < 3) {
        return None;
    }
    let lower = name.to_lowercase();
    let mut best: Option<(usize, &T)> = None;
    for item in items {
        for word in words(item) {
            let word = word.to_lowercase();
            let score = if word.contains(&lower) {
                chars
            } else if word.chars().count() >= 2 && lower.contains(&word) {
                word.chars().count()
            } else {
                continue;
            };
            if best.is_none_or(|(s, _)| score > s) {
                best = Some((score, item));
            }
        }
    }
    best.map(|(_, item)| item)
}
