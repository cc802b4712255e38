//! Identifiers of metrics, sources, targets and observations.

use std::borrow::Borrow;
use std::fmt;
use std::str::FromStr;
use std::sync::Arc;

use crate::model::error::{ParseError, Problem};

/// A snake_case identifier: lowercase ASCII letters, digits and `_`, starting
/// with a letter or digit, at most 128 bytes (`high_quality_datasets`).
///
/// ```
/// use policy_targets::Id;
///
/// let id: Id = "high_quality_datasets".parse()?;
/// assert_eq!(id.as_str(), "high_quality_datasets");
/// assert!("High Quality".parse::<Id>().is_err());
/// # Ok::<(), policy_targets::ParseError>(())
/// ```
#[derive(Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Id(Arc<str>);

impl Id {
    /// The identifier's text.
    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// The same id in an allocation of its own, so that threads holding
    /// their own copies do not all count references to one.
    pub(crate) fn unshared(&self) -> Id {
        Id(Arc::from(&*self.0))
    }
}

/// Per byte, whether it may be in a snake_case id: `a`–`z`, `0`–`9`, `_`.
static SNAKE: [bool; 256] = {
    let mut table = [false; 256];
    let mut b = 0;
    while b < 256 {
        let c = b as u8;
        table[b] = c.is_ascii_lowercase() || c.is_ascii_digit() || c == b'_';
        b += 1;
    }
    table
};

pub(crate) fn check_snake_case(what: &'static str, s: &str) -> Result<(), ParseError> {
    let first_ok = s
        .bytes()
        .next()
        .is_some_and(|b| b.is_ascii_lowercase() || b.is_ascii_digit());
    if !first_ok || s.len() > 128 {
        return Err(ParseError::typed(what, s, Problem::SnakeCase));
    }
    if s.bytes().all(|b| SNAKE[usize::from(b)]) {
        return Ok(());
    }
    if let Some(c) = s
        .chars()
        .find(|c| !(c.is_ascii_lowercase() || c.is_ascii_digit() || *c == '_'))
    {
        return Err(ParseError::typed(what, s, Problem::CharInId(c)));
    }
    Ok(())
}

impl FromStr for Id {
    type Err = ParseError;
    fn from_str(s: &str) -> Result<Id, ParseError> {
        check_snake_case("id", s)?;
        Ok(Id(s.into()))
    }
}

impl fmt::Display for Id {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl fmt::Debug for Id {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:?}", &*self.0)
    }
}

impl Borrow<str> for Id {
    fn borrow(&self) -> &str {
        &self.0
    }
}

impl AsRef<str> for Id {
    fn as_ref(&self) -> &str {
        &self.0
    }
}

crate::util::serde_via_string!(Id);
