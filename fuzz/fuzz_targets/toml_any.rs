//! The TOML loader, fed any bytes as `jurisdictions.toml` or `metrics.toml`
//! (the first byte chooses which) beside the other file and two sources of the test
//! suite's minimal data folder: it never panics.

#![no_main]

use libfuzzer_sys::fuzz_target;
use policy_targets::{Catalog, export};

// The test suite's minimal data folder, so that each run is cheap.
const JURISDICTIONS: &str = include_str!("../../tests/fixtures/good/minimal/jurisdictions.toml");
const METRICS: &str = include_str!("../../tests/fixtures/good/minimal/metrics.toml");
const SOURCE: &str = include_str!(
    "../../tests/fixtures/good/minimal/sources/jiangsu_data_enterprise_action_plan_2025_2027.toml"
);
const NEWSLETTER: &str =
    include_str!("../../tests/fixtures/good/minimal/sources/suzhou_data_industry_opinions_2025.toml");

fuzz_target!(|data: &[u8]| {
    let Some((&which, rest)) = data.split_first() else {
        return;
    };
    let text = String::from_utf8_lossy(rest);
    let (jurisdictions, metrics) = if which & 1 == 0 {
        (text.as_ref(), METRICS)
    } else {
        (JURISDICTIONS, text.as_ref())
    };
    let files = [
        ("targets/jurisdictions.toml", jurisdictions),
        ("targets/metrics.toml", metrics),
        ("targets/sources/suzhou_data_industry_opinions_2025.toml", NEWSLETTER),
        (
            "targets/sources/jiangsu_data_enterprise_action_plan_2025_2027.toml",
            SOURCE,
        ),
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
            for error in &errors {
                let _ = error.to_string();
            }
        }
    }
});
