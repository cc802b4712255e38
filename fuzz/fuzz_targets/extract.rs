//! The extractor, fed any text: it never panics, every candidate's quote is
//! the part of the input its span names, and the TOML it writes for the
//! candidates loads once its `[source]` table is filled in.

#![no_main]

use std::sync::OnceLock;

use libfuzzer_sys::fuzz_target;
use policy_targets::extract::{Extractor, to_json, to_toml};
use policy_targets::{Catalog, Id};

const JURISDICTIONS: &str = include_str!("../../targets/jurisdictions.toml");
const METRICS: &str = include_str!("../../targets/metrics.toml");

fn extractor() -> &'static Extractor<'static> {
    static CATALOG: OnceLock<Catalog> = OnceLock::new();
    static EXTRACTOR: OnceLock<Extractor<'static>> = OnceLock::new();
    EXTRACTOR.get_or_init(|| {
        Extractor::new(CATALOG.get_or_init(|| Catalog::bundled().expect("the bundled data is valid")))
    })
}

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let found = extractor().extract(text);
    for c in &found {
        assert!(
            text.contains(&c.quote),
            "quote {:?} is not in the input",
            c.quote
        );
        let spanned: String = text.chars().skip(c.span.start).take(c.span.len()).collect();
        assert_eq!(spanned, c.quote, "span {:?}", c.span);
    }
    let _ = to_json(&found);
    let source: Id = "fuzz_source".parse().expect("a valid id");
    let entries = to_toml(&found, &source);
    let file = format!(
        "[source]\nid = \"fuzz_source\"\ntitle = \"t\"\nissuer = \"i\"\npublished = 1000\nstatus = \"final\"\nforce = \"plan\"\n{entries}"
    );
    // Every run checks that the file is TOML; one run in 64 also loads it
    // beside the bundled catalogue (a full load costs about 0.6 ms).
    if let Err(e) = toml::de::DeTable::parse(&file) {
        panic!("the TOML written for the candidates does not parse: {e}\n{file}");
    }
    if data.len() % 64 == 0 {
        let files = [
            ("targets/jurisdictions.toml", JURISDICTIONS),
            ("targets/metrics.toml", METRICS),
            ("targets/sources/fuzz_source.toml", file.as_str()),
        ];
        if let Err(errors) = Catalog::from_toml_files(files) {
            panic!("the TOML written for the candidates does not load:\n{errors}\n{file}");
        }
    }
});
