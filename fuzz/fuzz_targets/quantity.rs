//! The quantity parser: any text either fails to parse or gives a quantity
//! whose written form parses back to an equal quantity, with a canonical value
//! consistent with its value and unit.

#![no_main]

use std::cmp::Ordering;

use libfuzzer_sys::fuzz_target;
use policy_targets::{Quantity, Unit};

fn check(q: Quantity) {
    // Display writes a form that parses back to an equal quantity.
    let written = q.to_string();
    let back: Quantity = written
        .parse()
        .unwrap_or_else(|e| panic!("{written:?} (from {q:?}) does not parse back: {e}"));
    assert_eq!(back, q, "{written:?} parses back to a different quantity");
    assert_eq!(back.value(), q.value());
    assert_eq!(back.unit(), q.unit());

    // The canonical value is the value in the canonical unit, exactly.
    let canonical = q.canonical();
    assert_eq!(canonical.dimension(), q.dimension());
    assert_eq!(canonical.unit(), q.dimension().canonical_unit());
    assert_eq!(canonical.canonical_value(), q.canonical_value());
    assert_eq!(
        q.compare(&canonical),
        Ok(Ordering::Equal),
        "{q:?} vs {canonical:?}"
    );
    let rebuilt = Quantity::new(q.value(), q.unit()).expect("a parsed quantity rebuilds");
    assert_eq!(rebuilt, q);
    // The canonical form is itself a quantity that parses back.
    let canonical_text = canonical.to_string();
    let reparsed: Quantity = canonical_text
        .parse()
        .unwrap_or_else(|e| panic!("canonical {canonical_text:?} does not parse back: {e}"));
    assert_eq!(reparsed.canonical_value(), q.canonical_value());
    assert_eq!(reparsed.compare(&q), Ok(Ordering::Equal));

    // The unit's written form parses back to the same unit.
    let unit_text = q.unit().to_string();
    let unit: Unit = unit_text
        .parse()
        .unwrap_or_else(|e| panic!("unit {unit_text:?} does not parse back: {e}"));
    assert_eq!(unit, q.unit());
}

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    if let Ok(q) = text.parse::<Quantity>() {
        check(q);
    }
    // The data files' form: a number and a separate unit, split at the first `|`.
    if let Some((number, unit)) = text.split_once('|') {
        if let Ok(q) = Quantity::from_parts(number, Some(unit)) {
            check(q);
        }
    }
});
