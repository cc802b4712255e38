//! The CSV loader, fed any bytes as `observations.csv` (first byte even) or
//! `targets.csv` (odd) in a small data folder (the test suite's bulk
//! fixture): neither the catalogue load nor the streaming progress engine
//! panics; the two agree on whether the folder is valid; and on a valid
//! folder the streamed progress equals the one computed from the loaded
//! catalogue, whose JSON export also round-trips.

#![no_main]

use std::path::PathBuf;
use std::sync::OnceLock;

use libfuzzer_sys::fuzz_target;
use policy_targets::progress::{self, Options};
use policy_targets::{Catalog, export};

const JURISDICTIONS: &str = include_str!("../../tests/fixtures/bulk/good/jurisdictions.toml");
const METRICS: &str = include_str!("../../tests/fixtures/bulk/good/metrics.toml");
const PLAN: &str = include_str!("../../tests/fixtures/bulk/good/sources/plan.toml");
const STATISTICS: &str = include_str!("../../tests/fixtures/bulk/good/sources/statistics.toml");

/// A data folder of this process, with the TOML files written once.
fn folder() -> &'static PathBuf {
    static FOLDER: OnceLock<PathBuf> = OnceLock::new();
    FOLDER.get_or_init(|| {
        let dir = std::env::temp_dir().join(format!("csv-tables-fuzz-{}", std::process::id()));
        std::fs::create_dir_all(dir.join("sources")).expect("a scratch folder");
        for (name, text) in [
            ("jurisdictions.toml", JURISDICTIONS),
            ("metrics.toml", METRICS),
            ("sources/plan.toml", PLAN),
            ("sources/statistics.toml", STATISTICS),
        ] {
            std::fs::write(dir.join(name), text).expect("a scratch file");
        }
        dir
    })
}

fuzz_target!(|data: &[u8]| {
    let Some((&selector, csv)) = data.split_first() else {
        return;
    };
    let dir = folder();
    let (name, other) = if selector % 2 == 0 {
        ("observations.csv", "targets.csv")
    } else {
        ("targets.csv", "observations.csv")
    };
    let _ = std::fs::remove_file(dir.join(other));
    std::fs::write(dir.join(name), csv).expect("a scratch file");

    let as_of = "2025-12-31".parse().expect("a date");
    let loaded = Catalog::load(dir);
    let streamed = progress::progress_folder(dir, as_of, &Options::default());
    match (&loaded, &streamed) {
        (Ok(catalog), Ok((_, streamed))) => {
            let in_memory = progress::progress(catalog, as_of, &Options::default());
            assert_eq!(
                &in_memory, streamed,
                "streaming and in-memory progress differ"
            );
            let json = export::to_json(catalog);
            let back = export::from_json(&json).unwrap_or_else(|e| {
                panic!("the export of an accepted catalogue is rejected:\n{e}\n{json}")
            });
            assert!(back == *catalog, "the JSON round trip changed the catalogue");
        }
        (Err(errors), Err(streamed)) => {
            assert!(!errors.is_empty() && !streamed.is_empty());
            for error in errors.iter().chain(streamed.iter()) {
                let _ = error.to_string();
            }
        }
        (Ok(_), Err(e)) => panic!("the catalogue loads, but streaming rejects it:\n{e}"),
        (Err(e), Ok(_)) => panic!("streaming accepts what the catalogue rejects:\n{e}"),
    }
});
