//! The keys CSV rows may name (jurisdiction codes, metric ids, source ids),
//! hashed by their bytes, with a per-column cache for sorted files.

use std::collections::{HashMap, HashSet};
use std::path::Path;

use super::OBSERVATIONS_CSV;
use crate::catalog::Parts;
use crate::error::ErrorKind;
use crate::{Dimension, Id, JurisdictionCode, PartialDate};

/// Keys of one kind (jurisdiction codes, metric ids, source ids) by their
/// bytes, numbered in catalogue order.
pub(super) struct Table<T> {
    pub(super) items: Vec<T>,
    pub(super) bytes: Vec<Box<[u8]>>,
    pub(super) index: HashMap<Box<[u8]>, u32, crate::util::FxBuild>,
}

impl<T> Table<T> {
    pub(super) fn new() -> Table<T> {
        Table {
            items: Vec::new(),
            bytes: Vec::new(),
            index: HashMap::default(),
        }
    }

    /// Adds an item; the first of several with one key wins.
    pub(super) fn add(&mut self, key: &str, item: T) {
        if self.index.contains_key(key.as_bytes()) {
            return;
        }
        let n = self.items.len() as u32;
        self.index.insert(key.as_bytes().into(), n);
        self.bytes.push(key.as_bytes().into());
        self.items.push(item);
    }

    pub(super) fn names(&self) -> impl Iterator<Item = &str> {
        self.bytes
            .iter()
            .map(|b| std::str::from_utf8(b).unwrap_or_default())
    }
}

/// A lookup cache for one column: the last key, and for each key the one
/// that followed it last time, so that files sorted or grouped by a column
/// rarely need the hash table.
pub(super) struct Cache {
    last: u32,
    next: Vec<u32>,
}

pub(super) const NONE: u32 = u32::MAX;

/// Equality of short byte strings, inline (keys, dates and units are a few
/// bytes: a call to `memcmp` costs more than the comparison).
#[inline]
pub(super) fn same(a: &[u8], b: &[u8]) -> bool {
    if a.len() != b.len() {
        return false;
    }
    let (mut x, mut y) = (a.chunks_exact(8), b.chunks_exact(8));
    for (p, q) in (&mut x).zip(&mut y) {
        let (mut u, mut v) = ([0u8; 8], [0u8; 8]);
        u.copy_from_slice(p);
        v.copy_from_slice(q);
        if u64::from_ne_bytes(u) != u64::from_ne_bytes(v) {
            return false;
        }
    }
    x.remainder().iter().zip(y.remainder()).all(|(p, q)| p == q)
}

impl Cache {
    pub(super) fn new<T>(table: &Table<T>) -> Cache {
        Cache {
            last: NONE,
            next: vec![NONE; table.items.len()],
        }
    }

    pub(super) fn find<T>(&mut self, key: &[u8], table: &Table<T>) -> Option<u32> {
        if self.last != NONE {
            let last = self.last as usize;
            if same(&table.bytes[last], key) {
                return Some(self.last);
            }
            let guess = self.next[last];
            if guess != NONE && same(&table.bytes[guess as usize], key) {
                self.last = guess;
                return Some(guess);
            }
        }
        let found = *table.index.get(key)?;
        if self.last != NONE {
            self.next[self.last as usize] = found;
        }
        self.last = found;
        Some(found)
    }
}

/// The jurisdictions, metrics and sources that CSV rows may name.
pub(crate) struct Keys {
    pub(super) jurisdictions: Table<JurisdictionCode>,
    pub(super) metrics: Table<(Id, Dimension)>,
    pub(super) sources: Table<(Id, PartialDate)>,
    /// Lines whose observation id (`observations_<line>`) a TOML record
    /// already uses (checked only by the streaming reader; a catalogue load
    /// finds such duplicates among all ids).
    pub(super) taken_lines: HashSet<u64>,
}

impl Keys {
    pub(crate) fn new<'a>(
        jurisdictions: impl IntoIterator<Item = &'a JurisdictionCode>,
        metrics: impl IntoIterator<Item = (&'a Id, Dimension)>,
        sources: impl IntoIterator<Item = (&'a Id, PartialDate)>,
    ) -> Keys {
        let mut keys = Keys {
            jurisdictions: Table::new(),
            metrics: Table::new(),
            sources: Table::new(),
            taken_lines: HashSet::new(),
        };
        for code in jurisdictions {
            keys.jurisdictions.add(code.as_str(), code.clone());
        }
        for (id, dimension) in metrics {
            keys.metrics.add(id.as_str(), (id.clone(), dimension));
        }
        for (id, published) in sources {
            keys.sources.add(id.as_str(), (id.clone(), published));
        }
        keys
    }

    /// The keys of the records read so far into `parts`.
    pub(crate) fn of_parts(parts: &Parts) -> Keys {
        Keys::new(
            parts.jurisdictions.iter().map(|(j, _)| &j.code),
            parts.metrics.iter().map(|(m, _)| (&m.id, m.dimension)),
            parts.sources.iter().map(|(s, _)| (&s.id, s.published)),
        )
    }

    /// The keys of a loaded catalogue, for streaming its folder's
    /// `observations.csv`: its codes, metrics and sources, and the ids of its
    /// records reserved.
    pub(crate) fn of_catalog(catalog: &crate::Catalog) -> Keys {
        let mut keys = Keys::new(
            catalog.jurisdictions().iter().map(|j| &j.code),
            catalog.metrics().iter().map(|m| (&m.id, m.dimension)),
            catalog.sources().iter().map(|s| (&s.id, s.published)),
        );
        keys.reserve_ids(
            catalog
                .targets()
                .iter()
                .map(|t| t.id.as_str())
                .chain(catalog.observations().iter().map(|o| o.id.as_str())),
        );
        keys
    }

    /// Marks the ids of existing records that a row of `observations.csv`
    /// would get (`observations_17` for line 17).
    pub(crate) fn reserve_ids<'a>(&mut self, ids: impl IntoIterator<Item = &'a str>) {
        let prefix = format!("{}_", stem(Path::new(OBSERVATIONS_CSV)));
        for id in ids {
            if let Some(line) = id
                .strip_prefix(&prefix)
                .filter(|n| !n.starts_with('0'))
                .and_then(|n| n.parse::<u64>().ok())
            {
                self.taken_lines.insert(line);
            }
        }
    }

    /// The number of a jurisdiction code, in catalogue order.
    pub(crate) fn jurisdiction(&self, code: &str) -> Option<u32> {
        self.jurisdictions.index.get(code.as_bytes()).copied()
    }

    /// The number of a metric, in catalogue order.
    pub(crate) fn metric(&self, id: &str) -> Option<u32> {
        self.metrics.index.get(id.as_bytes()).copied()
    }

    /// How many metrics there are.
    pub(crate) fn metric_count(&self) -> usize {
        self.metrics.items.len()
    }

    /// How many jurisdictions there are.
    pub(crate) fn jurisdiction_count(&self) -> usize {
        self.jurisdictions.items.len()
    }

    pub(super) fn unknown(&self, what: &'static str, text: &str) -> ErrorKind {
        let suggestion = match what {
            // Codes are digits: a near one is as likely wrong as right.
            "jurisdiction" if text.bytes().all(|b| b.is_ascii_digit()) => None,
            "jurisdiction" => crate::util::closest(text, self.jurisdictions.names()),
            "metric" => crate::util::closest(text, self.metrics.names()),
            _ => crate::util::closest(text, self.sources.names()),
        };
        ErrorKind::UnknownReference {
            what,
            id: text.to_owned(),
            suggestion: suggestion.map(str::to_owned),
        }
    }
}

/// The id a row of a table takes: the [`stem`] of its file and the row's
/// line (`observations_12`).
pub(crate) fn row_id(stem: &str, line: u64) -> String {
    let mut id = String::with_capacity(stem.len() + 12);
    push_row_id(&mut id, stem, line);
    id
}

/// [`row_id`] written at the end of `out` (for a buffer reused row after
/// row).
fn push_row_id(out: &mut String, stem: &str, line: u64) {
    use std::fmt::Write as _;
    out.push_str(stem);
    out.push('_');
    // Writing into a String cannot fail.
    let _ = write!(out, "{line}");
}

/// The stem of a table's file name, which starts the ids of its rows.
pub(crate) fn stem(path: &Path) -> String {
    path.file_stem()
        .and_then(|s| s.to_str())
        .unwrap_or("observations")
        .to_owned()
}
