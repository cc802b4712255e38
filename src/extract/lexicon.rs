//! The catalogue's words: the names and aliases of its metrics, and the
//! names of places (its jurisdictions, the provinces and main cities, the
//! nation and national bodies), compiled once for many texts.

use std::collections::HashSet;

use aho_corasick::AhoCorasick;

use crate::{Catalog, Dimension, Id, JurisdictionCode, Level};

use super::places::{AREAS, DIVISIONS, EXCHANGES, NATION, NATION_NAMES, NATIONAL_BODIES};
use super::text::fold;

/// A name or alias of a metric, as characters folded and lowercased.
pub(super) struct Alias {
    pub(super) chars: Vec<char>,
    /// The index of the metric in the catalogue.
    pub(super) metric: usize,
    pub(super) dimension: Dimension,
}

/// Whose figure a place name says it is.
#[derive(Clone, Debug)]
pub(super) struct Place {
    pub(super) code: JurisdictionCode,
    pub(super) in_catalog: bool,
    /// A national body (国家数据局): names the nation only when nothing else
    /// is named.
    pub(super) weak: bool,
    /// A group that is also a kind of place (国家数据标注基地): named as
    /// what is built or counted, it is not whose figure it is.
    pub(super) group: bool,
}

/// The metric names and place names of one catalogue.
pub(super) struct Lexicon {
    /// Longest first.
    pub(super) aliases: Vec<Alias>,
    pub(super) metric_ids: Vec<Id>,
    /// Names, longest first.
    pub(super) places: Vec<(Vec<char>, Place)>,
    /// Finds every place name at once; pattern `k` is `places[k]`.
    pub(super) place_names: AhoCorasick,
}

/// ASCII letters in lower case.
pub(super) fn lower(c: char) -> char {
    c.to_ascii_lowercase()
}

/// A name as the reader compares it: folded, without whitespace, lowercased.
fn word_chars(s: &str) -> Vec<char> {
    s.chars()
        .map(fold)
        .filter(|c| !c.is_whitespace())
        .map(lower)
        .collect()
}

impl Lexicon {
    /// The names of `catalog`, with the places of China it lacks.
    pub(super) fn new(catalog: &Catalog) -> Lexicon {
        let (aliases, metric_ids) = metric_names(catalog);
        let places = places(catalog);
        let names = places
            .iter()
            .map(|(name, _)| name.iter().collect::<String>());
        // Built from a few hundred short names: it cannot exceed the
        // automaton's limits, but an error leaves it matching nothing.
        let place_names = AhoCorasick::new(names)
            .or_else(|_| AhoCorasick::new(Vec::<String>::new()))
            .expect("an empty automaton builds");
        Lexicon {
            aliases,
            metric_ids,
            places,
            place_names,
        }
    }
}

/// The names and aliases of the metrics of `catalog`, longest first, and
/// the metric ids in the order of the catalogue.
fn metric_names(catalog: &Catalog) -> (Vec<Alias>, Vec<Id>) {
    let mut aliases = Vec::new();
    let mut metric_ids = Vec::new();
    for (i, m) in catalog.metrics().iter().enumerate() {
        metric_ids.push(m.id.clone());
        let mut seen: HashSet<Vec<char>> = HashSet::new();
        for name in std::iter::once(&m.name_zh).chain(&m.aliases) {
            let chars = word_chars(name);
            if chars.len() >= 2 && seen.insert(chars.clone()) {
                aliases.push(Alias {
                    chars,
                    metric: i,
                    dimension: m.dimension,
                });
            }
        }
    }
    aliases.sort_by_key(|a| std::cmp::Reverse(a.chars.len()));
    (aliases, metric_ids)
}

/// The place names: the jurisdictions of `catalog`, then the provinces and
/// main cities, the short names of data exchanges, new areas and parks, the
/// nation and the national bodies; the first of a name
/// wins; longest first.
fn places(catalog: &Catalog) -> Vec<(Vec<char>, Place)> {
    let mut places: Vec<(Vec<char>, Place)> = Vec::new();
    let add = |name: &str, place: Place, places: &mut Vec<(Vec<char>, Place)>| {
        let chars = word_chars(name);
        if chars.len() >= 2 && !places.iter().any(|(n, _)| *n == chars) {
            places.push((chars, place));
        }
    };
    for j in catalog.jurisdictions() {
        let place = Place {
            code: j.code.clone(),
            in_catalog: true,
            weak: false,
            group: j.level == Level::Group,
        };
        for name in std::iter::once(&j.name_zh).chain(&j.aliases) {
            if name != "中国" {
                add(name, place.clone(), &mut places);
            }
        }
    }
    let known = |code: &str| catalog.jurisdiction(code).is_some();
    for &(code, full, short) in DIVISIONS {
        if let Ok(code_parsed) = code.parse::<JurisdictionCode>() {
            let place = Place {
                code: code_parsed,
                in_catalog: known(code),
                weak: false,
                group: false,
            };
            add(full, place.clone(), &mut places);
            add(short, place, &mut places);
        }
    }
    for &(code, name) in EXCHANGES.iter().chain(AREAS) {
        if let Ok(code_parsed) = code.parse::<JurisdictionCode>() {
            let place = Place {
                code: code_parsed,
                in_catalog: known(code),
                weak: false,
                group: false,
            };
            add(name, place, &mut places);
        }
    }
    if let Ok(nation) = NATION.parse::<JurisdictionCode>() {
        let in_catalog = known(NATION);
        for name in NATION_NAMES {
            let place = Place {
                code: nation.clone(),
                in_catalog,
                weak: false,
                group: false,
            };
            add(name, place, &mut places);
        }
        for name in NATIONAL_BODIES {
            let place = Place {
                code: nation.clone(),
                in_catalog,
                weak: true,
                group: false,
            };
            add(name, place, &mut places);
        }
    }
    places.sort_by_key(|p| std::cmp::Reverse(p.0.len()));
    places
}
