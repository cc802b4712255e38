//! Normalisation: making targets of different sizes and horizons comparable
//! (per capita, per unit of GDP, per plan year), with denominators from one
//! vintage; why a target cannot be normalised ([`Reason`]); and the lookups
//! of the metric and jurisdictions a ranking or a gap query names.

use std::collections::{BTreeSet, HashMap};
use std::fmt;
use std::str::FromStr;

use chrono::NaiveDate;
use rust_decimal::Decimal;

use crate::error::{ParseError, Problem};
use crate::{Catalog, Id, JurisdictionCode, Target, Unit};

/// The metric whose observations divide `--per capita`.
pub const POPULATION_METRIC: &str = "resident_population";
/// The metric whose observations divide `--per gdp`.
pub const GDP_METRIC: &str = "gdp";

/// What a target's value is divided by: nothing, residents (per million),
/// GDP (per 100 billion CNY, 千亿元), plan years, or residents and years.
///
/// ```
/// use policy_targets::Per;
///
/// let per: Per = "capita,year".parse()?;
/// assert!(per.capita() && per.year() && !per.gdp());
/// assert_eq!(per.to_string(), "capita,year");
/// assert_eq!("none".parse::<Per>()?, Per::NONE);
/// assert!("capita,gdp".parse::<Per>().is_err());
/// # Ok::<(), policy_targets::ParseError>(())
/// ```
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub struct Per {
    capita: bool,
    gdp: bool,
    year: bool,
}

impl Per {
    /// No normalisation: the target value in canonical units.
    pub const NONE: Per = Per {
        capita: false,
        gdp: false,
        year: false,
    };
    /// Per million residents.
    pub const CAPITA: Per = Per {
        capita: true,
        gdp: false,
        year: false,
    };
    /// Per 100 billion CNY (千亿元) of GDP.
    pub const GDP: Per = Per {
        capita: false,
        gdp: true,
        year: false,
    };
    /// Per plan year.
    pub const YEAR: Per = Per {
        capita: false,
        gdp: false,
        year: true,
    };

    /// Divided by residents (per million).
    pub fn capita(self) -> bool {
        self.capita
    }

    /// Divided by GDP (per 千亿元).
    pub fn gdp(self) -> bool {
        self.gdp
    }

    /// Divided by the plan length in years.
    pub fn year(self) -> bool {
        self.year
    }

    /// The metrics whose figures normalisations divide by: resident
    /// population and GDP.
    pub const DENOMINATOR_METRICS: [&'static str; 2] = [POPULATION_METRIC, GDP_METRIC];

    /// Whether values of `dimension` can be normalised this way: a share
    /// (a percentage, a growth rate) is compared as it is, never per
    /// capita, per GDP or per year.
    ///
    /// ```
    /// use policy_targets::{Dimension, Per};
    /// assert!(Per::CAPITA.applies_to(Dimension::Count));
    /// assert!(!Per::CAPITA.applies_to(Dimension::Share));
    /// assert!(Per::NONE.applies_to(Dimension::Share));
    /// ```
    pub fn applies_to(self, dimension: crate::Dimension) -> bool {
        self == Per::NONE || dimension != crate::Dimension::Share
    }

    /// This normalisation where it applies to `dimension`, else none (see
    /// [`Per::applies_to`]).
    pub fn for_dimension(self, dimension: crate::Dimension) -> Per {
        if self.applies_to(dimension) {
            self
        } else {
            Per::NONE
        }
    }

    /// The denominator metric this normalisation needs, if any.
    pub fn denominator_metric(self) -> Option<&'static str> {
        if self.capita {
            Some(POPULATION_METRIC)
        } else if self.gdp {
            Some(GDP_METRIC)
        } else {
            None
        }
    }

    /// The unit of normalised values, from the canonical unit of the metric
    /// (`count` → `count per million residents per year`).
    pub fn unit_label(self, canonical_unit: &str) -> String {
        let mut label = canonical_unit.to_owned();
        if self.capita {
            label.push_str(" per million residents");
        }
        if self.gdp {
            label.push_str(" per 100 billion CNY of GDP");
        }
        if self.year {
            label.push_str(" per year");
        }
        label
    }
}

/// The unit of a normalised value: a metric's canonical unit divided by
/// what a [`Per`] divides by. `Display` writes it in English words (`count
/// per million residents`), as the JSON and CSV outputs do;
/// [`output::labels::per_unit_label`](crate::output::labels::per_unit_label)
/// writes it in either language (`个/百万人`).
///
/// ```
/// use policy_targets::{Dimension, Per, PerUnit};
///
/// let unit = PerUnit::new(Dimension::Count.canonical_unit(), Per::CAPITA);
/// assert_eq!(unit.to_string(), "count per million residents");
/// assert_eq!(unit.per(), Per::CAPITA);
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct PerUnit {
    unit: Unit,
    per: Per,
}

impl PerUnit {
    /// `unit` divided as `per` says.
    pub fn new(unit: Unit, per: Per) -> PerUnit {
        PerUnit { unit, per }
    }

    /// The unit divided (a canonical unit: `count`, `CNY`, `TB`).
    pub fn unit(self) -> Unit {
        self.unit
    }

    /// What it is divided by.
    pub fn per(self) -> Per {
        self.per
    }
}

impl fmt::Display for PerUnit {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.per.unit_label(&self.unit.to_string()))
    }
}

impl fmt::Display for Per {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let parts: Vec<&str> = [
            (self.capita, "capita"),
            (self.gdp, "gdp"),
            (self.year, "year"),
        ]
        .into_iter()
        .filter_map(|(on, name)| on.then_some(name))
        .collect();
        if parts.is_empty() {
            f.write_str("none")
        } else {
            f.write_str(&parts.join(","))
        }
    }
}

impl FromStr for Per {
    type Err = ParseError;
    fn from_str(s: &str) -> Result<Per, ParseError> {
        let mut per = Per::NONE;
        for part in s.split(',').map(str::trim) {
            match part {
                "none" if s.trim() == "none" => {}
                "capita" => per.capita = true,
                "gdp" => per.gdp = true,
                "year" => per.year = true,
                _ => {
                    return Err(ParseError::typed("normalisation", s, Problem::PerForm));
                }
            }
        }
        if per.capita && per.gdp {
            return Err(ParseError::typed(
                "normalisation",
                s,
                Problem::CapitaWithGdp,
            ));
        }
        Ok(per)
    }
}

crate::util::serde_via_string!(Per);

/// Why a jurisdiction's target is left out of a ranking or a peer
/// statistic. `Display` gives the English sentence the JSON and CSV outputs
/// carry; the outputs name it in Chinese too.
///
/// ```
/// use policy_targets::rank::Reason;
///
/// let reason = Reason::NoDenominator {
///     metric: "resident_population".parse()?,
///     as_of: "2026-11-28".parse()?,
/// };
/// assert_eq!(reason.to_string(), "no resident_population observation on or before 2026-11-28");
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Clone, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub enum Reason {
    /// No figure of the denominator's metric (`resident_population`,
    /// `gdp`) dated on or before the as-of date.
    NoDenominator {
        /// The denominator's metric.
        metric: Id,
        /// The as-of date.
        as_of: NaiveDate,
    },
    /// The normalised value does not fit in a decimal.
    Overflow,
}

impl fmt::Display for Reason {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Reason::NoDenominator { metric, as_of } => {
                write!(f, "no {metric} observation on or before {as_of}")
            }
            Reason::Overflow => f.write_str("the normalised value overflows"),
        }
    }
}

/// A denominator value (in the scale `per` divides by), its date and the
/// observation it was taken from.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct Denominator {
    /// Millions of residents, or hundreds of billions of CNY.
    pub amount: Decimal,
    pub as_of: NaiveDate,
    /// The id of the observation used.
    pub observation: crate::Id,
}

/// One jurisdiction's figures of a denominator metric: date → value and the
/// id of its observation.
type Dated<'c> = HashMap<NaiveDate, (Decimal, &'c crate::Id)>;

/// Denominators for a set of jurisdictions from one vintage: the latest date
/// on or before `as_of` on which every one of them has an observation; where
/// there is no such date, each one's latest. Jurisdictions with no
/// observation at all are returned with the reason.
pub(crate) fn denominators(
    catalog: &Catalog,
    codes: &[&JurisdictionCode],
    per: Per,
    as_of: NaiveDate,
) -> (
    HashMap<JurisdictionCode, Denominator>,
    Vec<(JurisdictionCode, Reason)>,
) {
    let mut found = HashMap::new();
    let mut missing = Vec::new();
    let Some(metric) = per.denominator_metric() else {
        return (found, missing);
    };
    let Ok(metric_id) = metric.parse::<crate::Id>() else {
        return (found, missing);
    };
    let scale = if per.capita {
        Decimal::from(1_000_000)
    } else {
        Decimal::from(100_000_000_000u64)
    };
    // Per jurisdiction: date → value (the later record wins on equal
    // dates), gathered in one pass over the observations.
    let mut by_code: HashMap<&JurisdictionCode, Dated<'_>> =
        codes.iter().map(|&c| (c, HashMap::new())).collect();
    for o in catalog.observations_of(metric) {
        if o.date() > as_of {
            continue;
        }
        let value = o.value.canonical_value();
        if value <= Decimal::ZERO {
            continue;
        }
        if let Some(values) = by_code.get_mut(&o.jurisdiction) {
            values.insert(o.date(), (value, &o.id));
        }
    }
    let mut series: Vec<(&JurisdictionCode, Dated<'_>)> = Vec::new();
    for &code in codes {
        match by_code.remove(code) {
            Some(values) if !values.is_empty() => series.push((code, values)),
            // A code listed twice is looked up once.
            Some(_) => missing.push((
                code.clone(),
                Reason::NoDenominator {
                    metric: metric_id.clone(),
                    as_of,
                },
            )),
            None => {}
        }
    }
    let common: Option<NaiveDate> = series
        .iter()
        .map(|(_, v)| v.keys().copied().collect::<BTreeSet<_>>())
        .reduce(|a, b| a.intersection(&b).copied().collect())
        .and_then(|dates| dates.last().copied());
    for (code, values) in series {
        let date = common.unwrap_or_else(|| values.keys().copied().max().unwrap_or(as_of));
        if let Some((value, id)) = values.get(&date) {
            found.insert(
                code.clone(),
                Denominator {
                    amount: *value / scale,
                    as_of: date,
                    observation: (*id).clone(),
                },
            );
        }
    }
    (found, missing)
}

/// The plan length of a target in years: months from its period start to its
/// deadline end, divided by 12.
pub(crate) fn plan_years(catalog: &Catalog, target: &Target) -> Decimal {
    use chrono::Datelike;
    let start = catalog.period_start(target);
    let end = target.deadline.end();
    let months = (end.year() - start.year()) * 12 + end.month() as i32 - start.month() as i32 + 1;
    Decimal::from(months.max(1)) / Decimal::from(12)
}

/// A target's value normalised: canonical value (the lower bound of a
/// range) ÷ denominator ÷ plan years. `None` on overflow.
pub(crate) fn normalised(
    catalog: &Catalog,
    target: &Target,
    per: Per,
    denominator: Option<&Denominator>,
) -> Option<Decimal> {
    let mut value = target.value.canonical_value();
    if let Some(d) = denominator {
        value = value.checked_div(d.amount)?;
    }
    if per.year {
        value = value.checked_div(plan_years(catalog, target))?;
    }
    Some(value)
}
