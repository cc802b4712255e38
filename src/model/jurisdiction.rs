//! Jurisdictions: the nation, provinces, prefectures, counties, and named
//! groups such as the national data-annotation bases.

use std::fmt;
use std::str::FromStr;
use std::sync::Arc;

use serde::{Deserialize, Serialize};

use crate::model::error::ParseError;

/// The code of a jurisdiction: a 6-digit administrative division code
/// (GB/T 2260: `320000` 江苏省, `320500` 苏州市; the nation is `100000`), or
/// for a group, which has no such code, a snake_case slug (`central_soes`).
///
/// ```
/// use policy_targets::JurisdictionCode;
///
/// let suzhou: JurisdictionCode = "320500".parse()?;
/// assert!(suzhou.is_division());
/// assert!(!"central_soes".parse::<JurisdictionCode>()?.is_division());
/// assert!("32050".parse::<JurisdictionCode>().is_err());
/// # Ok::<(), policy_targets::ParseError>(())
/// ```
#[derive(Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct JurisdictionCode(Arc<str>);

impl JurisdictionCode {
    /// The code's text.
    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// Whether this is an administrative division code (not a group slug).
    pub fn is_division(&self) -> bool {
        self.0.bytes().all(|b| b.is_ascii_digit())
    }
}

impl FromStr for JurisdictionCode {
    type Err = ParseError;
    fn from_str(s: &str) -> Result<JurisdictionCode, ParseError> {
        if s.bytes().next().is_some_and(|b| b.is_ascii_digit()) {
            if s.len() != 6 || !s.bytes().all(|b| b.is_ascii_digit()) || s.starts_with('0') {
                return Err(ParseError::typed(
                    "jurisdiction code",
                    s,
                    crate::model::Problem::DivisionCode,
                ));
            }
        } else {
            crate::model::check_snake_case("jurisdiction code", s)?;
        }
        Ok(JurisdictionCode(s.into()))
    }
}

impl fmt::Display for JurisdictionCode {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl fmt::Debug for JurisdictionCode {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:?}", &*self.0)
    }
}

impl std::borrow::Borrow<str> for JurisdictionCode {
    fn borrow(&self) -> &str {
        &self.0
    }
}

crate::util::serde_via_string!(JurisdictionCode);

/// The administrative level of a jurisdiction.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Level {
    /// The nation (全国).
    Nation,
    /// A province, autonomous region or municipality (省级).
    Province,
    /// A prefecture-level city (地级).
    Prefecture,
    /// A county-level unit (县级).
    County,
    /// A named set that is not a region (the annotation bases, central SOEs).
    Group,
}

impl Level {
    /// Every level, from the nation down, then groups.
    pub const ALL: [Level; 5] = [
        Level::Nation,
        Level::Province,
        Level::Prefecture,
        Level::County,
        Level::Group,
    ];

    /// `nation`, `province`, `prefecture`, `county` or `group`.
    pub fn as_str(self) -> &'static str {
        match self {
            Level::Nation => "nation",
            Level::Province => "province",
            Level::Prefecture => "prefecture",
            Level::County => "county",
            Level::Group => "group",
        }
    }
}

impl fmt::Display for Level {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl FromStr for Level {
    type Err = ParseError;
    fn from_str(s: &str) -> Result<Level, ParseError> {
        Level::ALL
            .into_iter()
            .find(|l| l.as_str() == s)
            .ok_or_else(|| {
                ParseError::typed(
                    "level",
                    s,
                    crate::model::Problem::OneOf(Level::ALL.iter().map(|l| l.as_str()).collect()),
                )
            })
    }
}

crate::util::serde_via_string!(Level);

/// A jurisdiction (主体) that sets targets or reports figures.
///
/// Made by [`Jurisdiction::new`] and its setters (the struct is
/// `#[non_exhaustive]`):
///
/// ```
/// use policy_targets::{Jurisdiction, Level};
///
/// let suzhou = Jurisdiction::new("320500".parse()?, "苏州市", "Suzhou", Level::Prefecture)
///     .parent("320000".parse()?)
///     .aliases(["苏州"]);
/// assert!(suzhou.is_named("苏州"));
/// # Ok::<(), policy_targets::ParseError>(())
/// ```
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
#[schemars(description = "A jurisdiction (主体) that sets targets or reports figures.")]
#[non_exhaustive]
pub struct Jurisdiction {
    /// Its code.
    pub code: JurisdictionCode,
    /// Chinese name (江苏省).
    pub name_zh: String,
    /// English name (Jiangsu).
    pub name_en: String,
    /// Administrative level.
    pub level: Level,
    /// The jurisdiction it lies in (苏州 → 江苏), if any.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub parent: Option<JurisdictionCode>,
    /// Other names used in text (江苏, 苏州).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub aliases: Vec<String>,
    /// For a group: its members, where known.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub members: Vec<JurisdictionCode>,
    /// A remark.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
}

impl Jurisdiction {
    /// A jurisdiction without parent, aliases, members or note.
    pub fn new(
        code: JurisdictionCode,
        name_zh: impl Into<String>,
        name_en: impl Into<String>,
        level: Level,
    ) -> Jurisdiction {
        Jurisdiction {
            code,
            name_zh: name_zh.into(),
            name_en: name_en.into(),
            level,
            parent: None,
            aliases: Vec::new(),
            members: Vec::new(),
            note: None,
        }
    }

    /// With the jurisdiction it lies in.
    pub fn parent(mut self, parent: JurisdictionCode) -> Jurisdiction {
        self.parent = Some(parent);
        self
    }

    /// With other names used in text.
    pub fn aliases<S: Into<String>>(
        mut self,
        aliases: impl IntoIterator<Item = S>,
    ) -> Jurisdiction {
        self.aliases = aliases.into_iter().map(Into::into).collect();
        self
    }

    /// With the members of a group.
    pub fn members(mut self, members: impl IntoIterator<Item = JurisdictionCode>) -> Jurisdiction {
        self.members = members.into_iter().collect();
        self
    }

    /// With a remark.
    pub fn note(mut self, note: impl Into<String>) -> Jurisdiction {
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

    /// Whether `name` is this jurisdiction's code, Chinese or English name or
    /// an alias (English compared without regard to ASCII case).
    pub fn is_named(&self, name: &str) -> bool {
        let name = name.trim();
        self.code.as_str() == name
            || self.name_zh == name
            || self.name_en.eq_ignore_ascii_case(name)
            || self.aliases.iter().any(|a| a == name)
    }
}
