//! Metrics: what a target or an observation measures.

use serde::{Deserialize, Serialize};

use crate::{Dimension, Id};

/// Whether more is better.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Polarity {
    /// Higher values are better (datasets built).
    HigherIsBetter,
    /// Lower values are better (energy use per unit of GDP).
    LowerIsBetter,
}

/// What a target's value counts by default.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Basis {
    /// The level reached by the deadline (a stock: datasets in existence).
    Stock,
    /// The amount added within the period (a flow: datasets built this year).
    Flow,
}

/// How a trend is fitted through a metric's reported figures (the
/// trajectories of `targets progress`).
///
/// ```
/// use policy_targets::Fit;
///
/// assert_eq!("compound".parse::<Fit>()?, Fit::Compound);
/// assert_eq!(Fit::Linear.to_string(), "linear");
/// # Ok::<(), policy_targets::ParseError>(())
/// ```
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum Fit {
    /// A straight line through the values: the same amount added each day.
    #[default]
    Linear,
    /// A straight line through the logarithms of the values: the same
    /// growth factor each day. Needs every value above zero.
    Compound,
}

crate::util::snake_enum!(Polarity, "polarity", HigherIsBetter => "higher_is_better", LowerIsBetter => "lower_is_better");
crate::util::snake_enum!(Basis, "basis", Stock => "stock", Flow => "flow");
crate::util::snake_enum!(Fit, "trend", Linear => "linear", Compound => "compound");

/// A metric (指标): what is measured, in which dimension, and which way is better.
///
/// Made by [`Metric::new`] and its setters (the struct is
/// `#[non_exhaustive]`):
///
/// ```
/// use policy_targets::{Basis, Dimension, Metric, Polarity};
///
/// let backbone = Metric::new(
///     "data_backbone_enterprises".parse()?,
///     "数据骨干企业",
///     "Data backbone enterprises",
///     Dimension::Count,
///     Polarity::HigherIsBetter,
///     Basis::Stock,
/// )
/// .broader("data_enterprises".parse()?);
/// assert_eq!(backbone.broader.unwrap().as_str(), "data_enterprises");
/// # Ok::<(), policy_targets::ParseError>(())
/// ```
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
#[schemars(
    description = "A metric (指标): what is measured, in which dimension, and which way is better."
)]
#[non_exhaustive]
pub struct Metric {
    /// snake_case id (`high_quality_datasets`).
    pub id: Id,
    /// Chinese name (高质量数据集).
    pub name_zh: String,
    /// English name.
    pub name_en: String,
    /// The dimension its values have.
    pub dimension: Dimension,
    /// Whether more is better.
    pub polarity: Polarity,
    /// The default basis of its targets.
    pub basis: Basis,
    /// How the trend of its figures is fitted where no other fit is asked
    /// for; linear when not stated.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub trend: Option<Fit>,
    /// Chinese phrases that name it in policy text.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub aliases: Vec<String>,
    /// The id of a broader metric this one counts a part or a kind of
    /// (数据骨干企业 within 数据企业): same dimension, no cycle.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub broader: Option<Id>,
    /// A remark.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
}

impl Metric {
    /// A metric without trend, aliases, broader metric or note.
    pub fn new(
        id: Id,
        name_zh: impl Into<String>,
        name_en: impl Into<String>,
        dimension: Dimension,
        polarity: Polarity,
        basis: Basis,
    ) -> Metric {
        Metric {
            id,
            name_zh: name_zh.into(),
            name_en: name_en.into(),
            dimension,
            polarity,
            basis,
            trend: None,
            aliases: Vec::new(),
            broader: None,
            note: None,
        }
    }

    /// With the fit of its trends.
    pub fn trend(mut self, fit: Fit) -> Metric {
        self.trend = Some(fit);
        self
    }

    /// With the phrases that name it in text.
    pub fn aliases<S: Into<String>>(mut self, aliases: impl IntoIterator<Item = S>) -> Metric {
        self.aliases = aliases.into_iter().map(Into::into).collect();
        self
    }

    /// With the broader metric it is a part or a kind of.
    pub fn broader(mut self, broader: Id) -> Metric {
        self.broader = Some(broader);
        self
    }

    /// With a remark.
    pub fn note(mut self, note: impl Into<String>) -> Metric {
        self.note = Some(note.into());
        self
    }

    /// The name in the language asked for.
    pub fn name(&self, lang: crate::model::Lang) -> &str {
        match lang {
            crate::model::Lang::Zh => &self.name_zh,
            crate::model::Lang::En => &self.name_en,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_round_trip() {
        for p in [Polarity::HigherIsBetter, Polarity::LowerIsBetter] {
            assert_eq!(p.to_string().parse::<Polarity>().unwrap(), p);
        }
        assert_eq!(
            "up".parse::<Polarity>().unwrap_err().to_string(),
            r#"invalid polarity "up": expected one of higher_is_better, lower_is_better"#
        );
        assert_eq!("flow".parse::<Basis>().unwrap(), Basis::Flow);
        for f in [Fit::Linear, Fit::Compound] {
            assert_eq!(f.to_string().parse::<Fit>().unwrap(), f);
        }
    }
}
