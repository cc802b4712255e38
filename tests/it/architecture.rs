//! The crate's layout stays as the architecture notes describe it: folders
//! by layer, each top-level module importing only the layers below it (so
//! no import cycle between them), no source or test file over 1,500 lines
//! and a binary whose `main.rs` stays short.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

/// The layers, lowest first. A module may import only from layers strictly
/// below its own; the extractor sits beside the engine and may use the
/// catalogue and what lies below it.
const LAYERS: &[(&str, u8)] = &[
    ("util", 0),
    ("model", 1),
    ("error", 2),
    ("encode", 3),
    ("catalog", 4),
    ("load", 5),
    ("synth", 5),
    ("engine", 6),
    ("extract", 6),
    ("output", 7),
    ("schema", 8),
    ("design", 9),
];

fn layer(module: &str) -> Option<u8> {
    LAYERS.iter().find(|(m, _)| *m == module).map(|(_, l)| *l)
}

fn src() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("src")
}

fn rust_files(dir: &Path, out: &mut Vec<PathBuf>) {
    for entry in std::fs::read_dir(dir).expect("src is readable") {
        let path = entry.expect("a directory entry").path();
        if path.is_dir() {
            rust_files(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
}

/// The code of a file without comments, string literals' contents and
/// `#[cfg(test)]` items (tests may reach across layers).
fn code_of(text: &str) -> String {
    let mut code = String::new();
    let mut depth = 0usize;
    // The depth at which a skipped `#[cfg(test)]` item started.
    let mut skipping: Option<usize> = None;
    let mut pending_test = false;
    for raw in text.lines() {
        let trimmed = raw.trim_start();
        if trimmed.starts_with("//") {
            continue;
        }
        let line = strip_strings(raw);
        let before = depth;
        depth = (depth + line.matches('{').count()).saturating_sub(line.matches('}').count());
        if let Some(start) = skipping {
            if depth <= start {
                skipping = None;
            }
            continue;
        }
        if trimmed.starts_with("#[cfg(test)]") {
            pending_test = true;
            continue;
        }
        if pending_test && !trimmed.starts_with("#[") {
            pending_test = false;
            if depth > before {
                skipping = Some(before);
            }
            continue;
        }
        code.push_str(&line);
        code.push('\n');
    }
    code
}

fn strip_strings(line: &str) -> String {
    let mut out = String::new();
    let mut in_string = false;
    let mut escaped = false;
    for c in line.chars() {
        if in_string {
            match (escaped, c) {
                (false, '\\') => escaped = true,
                (false, '"') => {
                    in_string = false;
                    out.push('"');
                }
                _ => escaped = false,
            }
        } else {
            if c == '"' {
                in_string = true;
            }
            out.push(c);
        }
    }
    out
}

/// Names the crate root re-exports, with the top-level module each comes
/// from (`Catalog` → `catalog`, `rank` → `engine`).
fn root_names() -> BTreeMap<String, String> {
    let lib = std::fs::read_to_string(src().join("lib.rs")).expect("lib.rs");
    let code = code_of(&lib);
    let mut names = BTreeMap::new();
    for statement in code.split(';') {
        let Some(rest) = statement.trim().strip_prefix("pub use ") else {
            continue;
        };
        let module = rest.split("::").next().unwrap_or("").trim().to_owned();
        let items = rest.split_once("::").map_or("", |(_, items)| items);
        for name in words(items) {
            names.insert(name, module.clone());
        }
    }
    names
}

fn words(text: &str) -> Vec<String> {
    text.split(|c: char| !(c.is_alphanumeric() || c == '_'))
        .filter(|w| !w.is_empty() && *w != "self")
        .map(str::to_owned)
        .collect()
}

/// The top-level modules a file's code refers to through `crate::`.
fn references(code: &str, roots: &BTreeMap<String, String>) -> BTreeSet<String> {
    let mut found = BTreeSet::new();
    for (at, _) in code.match_indices("crate::") {
        if code[..at].ends_with('$') {
            // A macro's `$crate::` names the crate of whoever invokes it.
            continue;
        }
        let rest = &code[at + "crate::".len()..];
        if let Some(group) = rest.strip_prefix('{') {
            let end = matching_brace(group);
            for name in top_level_names(&group[..end]) {
                found.insert(resolve(&name, roots));
            }
        } else if let Some(name) = words(rest).into_iter().next() {
            found.insert(resolve(&name, roots));
        }
    }
    found
}

/// The first segment of each path in a `use crate::{…}` group.
fn top_level_names(group: &str) -> Vec<String> {
    let mut names = Vec::new();
    let mut depth = 0;
    let mut start = true;
    for (i, c) in group.char_indices() {
        match c {
            '{' => depth += 1,
            '}' => depth -= 1,
            ',' if depth == 0 => start = true,
            c if start && (c.is_alphanumeric() || c == '_') => {
                start = false;
                if let Some(name) = words(&group[i..]).into_iter().next() {
                    names.push(name);
                }
            }
            _ => {}
        }
    }
    names
}

fn matching_brace(text: &str) -> usize {
    let mut depth = 1;
    for (i, c) in text.char_indices() {
        match c {
            '{' => depth += 1,
            '}' => {
                depth -= 1;
                if depth == 0 {
                    return i;
                }
            }
            _ => {}
        }
    }
    text.len()
}

fn resolve(name: &str, roots: &BTreeMap<String, String>) -> String {
    if layer(name).is_some() {
        name.to_owned()
    } else {
        roots
            .get(name)
            .cloned()
            .unwrap_or_else(|| format!("?{name}"))
    }
}

fn top_module(path: &Path) -> Option<String> {
    let relative = path.strip_prefix(src()).ok()?;
    let first = relative.components().next()?.as_os_str().to_str()?;
    Some(first.trim_end_matches(".rs").to_owned())
}

#[test]
fn every_module_imports_only_the_layers_below_it() {
    let roots = root_names();
    let mut files = Vec::new();
    rust_files(&src(), &mut files);
    let mut violations = Vec::new();
    let mut edges = 0;
    for file in &files {
        let Some(module) = top_module(file) else {
            continue;
        };
        let Some(own) = layer(&module) else {
            assert!(
                module == "lib" || module == "bin",
                "{}: module `{module}` has no layer in the architecture notes",
                file.display()
            );
            continue;
        };
        let text = std::fs::read_to_string(file).expect("source is readable");
        for used in references(&code_of(&text), &roots) {
            if used == module {
                continue;
            }
            edges += 1;
            let allowed = match (layer(&used), module.as_str()) {
                (Some(l), "extract") => l <= layer("catalog").unwrap_or(0),
                (Some(l), _) => l < own,
                (None, _) => false,
            };
            if !allowed {
                let relative = file.strip_prefix(src()).unwrap_or(file);
                violations.push(format!("{}: `{module}` uses `{used}`", relative.display()));
            }
        }
    }
    assert!(
        edges > 100,
        "only {edges} imports between layers were found: is the checker reading the sources?"
    );
    assert!(
        violations.is_empty(),
        "layer violations:\n{}",
        violations.join("\n")
    );
}

#[test]
fn no_source_file_is_over_1500_lines_and_main_is_short() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut files = Vec::new();
    for folder in ["src", "tests", "examples", "benches"] {
        rust_files(&root.join(folder), &mut files);
    }
    let mut long = Vec::new();
    for file in &files {
        let lines = std::fs::read_to_string(file)
            .expect("source")
            .lines()
            .count();
        if lines > 1500 {
            long.push(format!("{}: {lines} lines", file.display()));
        }
    }
    assert!(
        long.is_empty(),
        "files over 1,500 lines:\n{}",
        long.join("\n")
    );
    let main = std::fs::read_to_string(src().join("bin/targets/main.rs")).expect("main.rs");
    assert!(
        main.lines().count() <= 150,
        "main.rs has {} lines",
        main.lines().count()
    );
}

#[test]
fn the_layer_checker_sees_a_violation() {
    let roots: BTreeMap<String, String> = [("Catalog".to_owned(), "catalog".to_owned())]
        .into_iter()
        .collect();
    let code = code_of(
        "use crate::{Catalog, engine::rank};\n// crate::output in a comment\n\
         #[cfg(test)]\nmod tests {\n    use crate::schema;\n}\nfn f() { crate::load::x(); }\n",
    );
    let found: Vec<String> = references(&code, &roots).into_iter().collect();
    assert_eq!(found, ["catalog", "engine", "load"]);
}
