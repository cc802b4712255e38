//! Small helpers shared by the layers: serde through `Display`/`FromStr`,
//! snake_case enumerations, "did you mean" suggestions and the hasher of
//! short keys. Private to the crate.

macro_rules! serde_via_string {
    ($($t:ty),*) => {$(
        impl serde::Serialize for $t {
            fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
                serializer.collect_str(self)
            }
        }
        impl<'de> serde::Deserialize<'de> for $t {
            fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<$t, D::Error> {
                let s = <std::borrow::Cow<'de, str>>::deserialize(deserializer)?;
                s.parse().map_err(serde::de::Error::custom)
            }
        }
    )*};
}
pub(crate) use serde_via_string;

macro_rules! snake_enum {
    ($t:ident, $what:literal, $($v:ident => $s:literal),*) => {
        impl $t {
            /// The snake_case name.
            pub fn as_str(self) -> &'static str {
                match self { $($t::$v => $s),* }
            }
        }
        impl std::fmt::Display for $t {
            fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str(self.as_str())
            }
        }
        impl std::str::FromStr for $t {
            type Err = $crate::ParseError;
            fn from_str(s: &str) -> Result<$t, $crate::ParseError> {
                match s {
                    $($s => Ok($t::$v),)*
                    _ => Err($crate::ParseError::typed($what, s, $crate::model::Problem::OneOf(vec![$($s),*]))),
                }
            }
        }
        crate::util::serde_via_string!($t);
    };
}
pub(crate) use snake_enum;

/// The candidate closest to `word` by edit distance, when it is close
/// enough to be a likely typo.
pub(crate) fn closest<'a>(
    word: &str,
    candidates: impl IntoIterator<Item = &'a str>,
) -> Option<&'a str> {
    let length = word.chars().count();
    candidates
        .into_iter()
        .filter(|c| {
            let n = c.chars().count();
            length.abs_diff(n) <= (n / 3).max(1)
        })
        .map(|c| (strsim::damerau_levenshtein(word, c), c))
        .filter(|(d, c)| *d > 0 && *d <= (c.chars().count() / 3).max(1))
        .min_by_key(|(d, _)| *d)
        .map(|(_, c)| c)
}

/// The hasher of the tables of short keys (codes, ids, lines): rustc's Fx
/// hash, fast on a few bytes, and the same in every run.
pub(crate) type FxBuild = rustc_hash::FxBuildHasher;

/// A hash map with [`FxBuild`].
pub(crate) type FxHashMap<K, V> = std::collections::HashMap<K, V, FxBuild>;

/// A hash set with [`FxBuild`].
pub(crate) type FxHashSet<T> = std::collections::HashSet<T, FxBuild>;
