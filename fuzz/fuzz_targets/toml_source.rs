//! The TOML loader, fed any bytes as one source file beside a small
//! jurisdictions and metrics catalogue (the test suite's minimal data folder,
//! so that each run is cheap): it never panics, and a catalogue it accepts
//! survives the JSON export round trip unchanged.

#![no_main]

use libfuzzer_sys::fuzz_target;
use policy_targets::{Catalog, export};

const JURISDICTIONS: &str = include_str!("../../tests/fixtures/good/minimal/jurisdictions.toml");
const METRICS: &str = include_str!("../../tests/fixtures/good/minimal/metrics.toml");

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    let files = [
        ("targets/jurisdictions.toml", JURISDICTIONS),
        ("targets/metrics.toml", METRICS),
        ("targets/sources/fuzz.toml", text.as_ref()),
    ];
    match Catalog::from_toml_files(files) {
        Ok(catalog) => {
            let json = export::to_json(&catalog);
            let back = export::from_json(&json).unwrap_or_else(|e| {
                panic!("the export of an accepted catalogue is rejected:\n{e}\n{json}")
            });
            assert!(
                back == catalog,
                "the JSON round trip changed the catalogue:\n{json}"
            );
        }
        Err(errors) => {
            assert!(!errors.is_empty());
            for error in &errors {
                let _ = error.to_string();
            }
        }
    }
});
