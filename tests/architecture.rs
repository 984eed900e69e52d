//! The layers hold: data → model → headless → game, the CLI on top (see ARCHITECTURE.md). A file
//! that imports a layer above its own fails here, as does a module of `src/lib.rs` that no layer
//! lists, a circle of imports between the model's rule files or between the data layer's modules,
//! and a lever named in a shipped file that the `Lever` enum does not know.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

use customer_first::cli::check::top_level_fields;
use customer_first::levers::Lever;

fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).to_path_buf()
}

/// Every `.rs` file under `dir` (or `dir` itself, a file).
fn rust_files(dir: &Path) -> Vec<PathBuf> {
    if dir.is_file() {
        return vec![dir.to_path_buf()];
    }
    let mut out = Vec::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(d) = stack.pop() {
        for e in std::fs::read_dir(&d).unwrap() {
            let p = e.unwrap().path();
            if p.is_dir() {
                stack.push(p);
            } else if p.extension().is_some_and(|x| x == "rs") {
                out.push(p);
            }
        }
    }
    out.sort();
    out
}

/// The code of a file without its comments (a doc comment may name any layer).
fn code(path: &Path) -> String {
    std::fs::read_to_string(path)
        .unwrap()
        .lines()
        .map(|l| l.split("//").next().unwrap_or(""))
        .collect::<Vec<_>>()
        .join("\n")
}

/// The crate's modules by layer, lowest first.
const LAYERS: [(&str, &[&str]); 5] = [
    (
        "data",
        &[
            "bundle",
            "diagnostics",
            "dilemmas",
            "hash",
            "i18n",
            "inherit",
            "levers",
            "platform",
            "policy",
            "scenario",
            "session",
            "settings",
            "thoughts",
        ],
    ),
    ("model", &["sim"]),
    ("headless", &["headless", "sweep"]),
    ("game", &["game"]),
    ("entry", &["cli", "main"]),
];

fn module_path(m: &str) -> PathBuf {
    let dir = root().join("src").join(m);
    if dir.is_dir() {
        dir
    } else {
        root().join("src").join(format!("{m}.rs"))
    }
}

/// The modules `src/lib.rs` declares (and `main`, the binary).
fn crate_modules() -> BTreeSet<String> {
    let lib = code(&root().join("src/lib.rs"));
    let mut out: BTreeSet<String> = lib
        .lines()
        .filter_map(|l| {
            let l = l.trim();
            let rest = l
                .strip_prefix("pub mod ")
                .or_else(|| l.strip_prefix("mod "))?;
            Some(rest.trim_end_matches(';').trim().to_string())
        })
        .collect();
    out.insert("main".into());
    out
}

/// Every module of the crate sits in one layer, and the table names no module that is gone: a new
/// module cannot slip past the layer check by being in no layer.
#[test]
fn every_module_of_the_crate_has_a_layer() {
    let modules = crate_modules();
    assert!(modules.len() > 10, "only {modules:?} read from src/lib.rs");
    let layered: Vec<&str> = LAYERS
        .iter()
        .flat_map(|(_, ms)| ms.iter().copied())
        .collect();
    let unplaced: Vec<&String> = modules
        .iter()
        .filter(|m| !layered.contains(&m.as_str()))
        .collect();
    assert!(unplaced.is_empty(), "modules in no layer: {unplaced:?}");
    let gone: Vec<&&str> = layered.iter().filter(|m| !modules.contains(**m)).collect();
    assert!(
        gone.is_empty(),
        "layers list modules src/lib.rs lacks: {gone:?}"
    );
    let twice: BTreeSet<&&str> = layered
        .iter()
        .filter(|m| layered.iter().filter(|o| o == m).count() > 1)
        .collect();
    assert!(twice.is_empty(), "modules in two layers: {twice:?}");
}

#[test]
fn no_layer_imports_a_layer_above_it() {
    let mut problems = Vec::new();
    let mut seen = 0;
    for (i, (layer, modules)) in LAYERS.iter().enumerate() {
        let above: Vec<&str> = LAYERS[i + 1..]
            .iter()
            .flat_map(|(_, ms)| ms.iter().copied())
            .collect();
        for m in *modules {
            for file in rust_files(&module_path(m)) {
                seen += 1;
                let text = code(&file);
                for a in &above {
                    for needle in [format!("crate::{a}::"), format!("crate::{a};")] {
                        if text.contains(&needle) {
                            problems.push(format!(
                                "{} ({layer}) uses {needle}",
                                file.strip_prefix(root()).unwrap().display()
                            ));
                        }
                    }
                }
            }
        }
    }
    assert!(seen > 30, "only {seen} files looked at");
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

/// A file the test is sure to see (so the check above cannot pass by looking at nothing).
#[test]
fn the_layer_check_sees_an_import_when_there_is_one() {
    let text = code(&root().join("src/sim/levers.rs"));
    assert!(
        text.contains("crate::levers::"),
        "the model uses the data layer's levers"
    );
}

/// The model's rule files (`src/sim/*.rs`) import one another without a circle, so each rule can
/// be read after the ones it builds on. (`mod.rs` assembles them and is left out.)
#[test]
fn the_model_files_import_each_other_without_a_circle() {
    let dir = root().join("src/sim");
    let names: BTreeSet<String> = rust_files(&dir)
        .iter()
        .filter_map(|p| Some(p.file_stem()?.to_str()?.to_string()))
        .filter(|n| n != "mod" && n != "model_tests")
        .collect();
    let mut edges: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
    for n in &names {
        let text = code(&dir.join(format!("{n}.rs")));
        let uses: BTreeSet<String> = names
            .iter()
            .filter(|o| *o != n)
            .filter(|o| {
                text.contains(&format!("super::{o}::"))
                    || text.contains(&format!("super::{o}{{"))
                    || text.contains(&format!("crate::sim::{o}::"))
            })
            .cloned()
            .collect();
        edges.insert(n.clone(), uses);
    }
    assert!(
        edges.values().map(BTreeSet::len).sum::<usize>() > 10,
        "the rules do use each other: {edges:?}"
    );
    if let Some(circle) = circle_in(&edges) {
        panic!(
            "the model's files import each other in a circle: {}",
            circle.join(" → ")
        );
    }
}

/// The data layer's modules import one another without a circle (a scenario's deck is checked
/// against the scenario by the deck's module, so `scenario` never needs `dilemmas`).
#[test]
fn the_data_modules_import_each_other_without_a_circle() {
    let data: Vec<&str> = LAYERS[0].1.to_vec();
    let mut edges: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
    for m in &data {
        let text: String = rust_files(&module_path(m))
            .iter()
            .map(|f| code(f))
            .collect();
        let uses: BTreeSet<String> = data
            .iter()
            .filter(|o| *o != m)
            .filter(|o| {
                text.contains(&format!("crate::{o}::")) || text.contains(&format!("crate::{o};"))
            })
            .map(|o| o.to_string())
            .collect();
        edges.insert(m.to_string(), uses);
    }
    assert!(
        edges.values().map(BTreeSet::len).sum::<usize>() > 10,
        "the data modules do use each other: {edges:?}"
    );
    if let Some(circle) = circle_in(&edges) {
        panic!(
            "the data layer's modules import each other in a circle: {}",
            circle.join(" → ")
        );
    }
}

/// A circle in a graph of imports, by depth-first search for a back edge.
fn circle_in(edges: &BTreeMap<String, BTreeSet<String>>) -> Option<Vec<String>> {
    fn visit(
        n: &str,
        edges: &BTreeMap<String, BTreeSet<String>>,
        state: &mut BTreeMap<String, u8>,
        path: &mut Vec<String>,
    ) -> Option<Vec<String>> {
        match state.get(n) {
            Some(2) => return None,
            Some(1) => {
                let from = path.iter().position(|p| p == n).unwrap();
                let mut circle = path[from..].to_vec();
                circle.push(n.to_string());
                return Some(circle);
            }
            _ => {}
        }
        state.insert(n.to_string(), 1);
        path.push(n.to_string());
        for m in &edges[n] {
            if let Some(c) = visit(m, edges, state, path) {
                return Some(c);
            }
        }
        path.pop();
        state.insert(n.to_string(), 2);
        None
    }
    let mut state = BTreeMap::new();
    edges
        .keys()
        .find_map(|n| visit(n, edges, &mut state, &mut Vec::new()))
}

/// Every lever a shipped file names (policies' `set:`, decks' `Levers(...)` and
/// `ScaleLevers(...)`, scenarios' `start_levers:`) is one the `Lever` enum knows.
#[test]
fn every_lever_named_in_a_shipped_file_is_known() {
    let mut files: Vec<PathBuf> = Vec::new();
    for dir in ["assets/policies", "assets/dilemmas", "assets/scenarios"] {
        for e in std::fs::read_dir(root().join(dir)).unwrap() {
            let p = e.unwrap().path();
            if p.extension().is_some_and(|x| x == "ron") {
                files.push(p);
            }
        }
    }
    files.sort();
    let mut named = 0;
    let mut unknown = Vec::new();
    for f in &files {
        let text = std::fs::read_to_string(f).unwrap();
        for opener in ["set: (", "Levers((", "start_levers: ("] {
            let mut rest = text.as_str();
            while let Some(at) = rest.find(opener) {
                // The parenthesised group that follows, as a struct of its own.
                let from = at + opener.len() - 1;
                let mut depth = 0;
                let mut end = from;
                for (i, c) in rest[from..].char_indices() {
                    match c {
                        '(' => depth += 1,
                        ')' => {
                            depth -= 1;
                            if depth == 0 {
                                end = from + i + 1;
                                break;
                            }
                        }
                        _ => {}
                    }
                }
                assert!(end > from, "{}: an unclosed group", f.display());
                for field in top_level_fields(&rest[from..end]) {
                    named += 1;
                    if Lever::from_name(&field).is_none() {
                        unknown.push(format!("{}: {field}", f.display()));
                    }
                }
                rest = &rest[end..];
            }
        }
    }
    assert!(named > 20, "only {named} lever names found");
    assert!(unknown.is_empty(), "unknown levers: {unknown:?}");
}

/// Only `src/headless/html/` writes HTML: no other file opens a document, draws an SVG, holds a
/// stylesheet or escapes text for a page (one `esc`, one `svg.rs`, one stylesheet).
#[test]
fn only_the_html_folder_writes_html() {
    let html_dir = root().join("src/headless/html");
    let mut found = Vec::new();
    for f in rust_files(&root().join("src")) {
        if f.starts_with(&html_dir) {
            continue;
        }
        let text = code(&f);
        for needle in ["<!DOCTYPE", "<svg", "<style", "&amp;", "&lt;", "<polyline"] {
            if text.contains(needle) {
                found.push(format!("{} writes {needle}", f.display()));
            }
        }
    }
    assert!(found.is_empty(), "{found:#?}");
    // And the folder does each once.
    let all: String = rust_files(&html_dir).iter().map(|f| code(f)).collect();
    assert_eq!(all.matches("fn esc(").count(), 1);
    assert_eq!(all.matches("<style>").count(), 1);
}

/// The paths a file names after `prefix` (`crate::game::`, `super::`, `self::`), each as its
/// segments, with `{a, b::c}` groups opened (`*` and `self` end a path where they stand).
fn paths_after(text: &str, prefix: &str) -> Vec<Vec<String>> {
    fn read(rest: &str, base: Vec<String>, out: &mut Vec<Vec<String>>) {
        let rest = rest.trim_start();
        if let Some(group) = rest.strip_prefix('{') {
            // The group's items, split at commas outside inner groups.
            let (mut depth, mut start) = (0, 0);
            for (i, c) in group.char_indices() {
                match c {
                    '{' => depth += 1,
                    '}' if depth == 0 => {
                        read(&group[start..i], base.clone(), out);
                        return;
                    }
                    '}' => depth -= 1,
                    ',' if depth == 0 => {
                        read(&group[start..i], base.clone(), out);
                        start = i + 1;
                    }
                    _ => {}
                }
            }
            return;
        }
        let name: String = rest
            .chars()
            .take_while(|c| c.is_alphanumeric() || *c == '_')
            .collect();
        if name.is_empty() || name == "self" {
            out.push(base);
            return;
        }
        let mut path = base;
        path.push(name.clone());
        match rest[name.len()..].strip_prefix("::") {
            Some(more) if !more.trim_start().starts_with('*') => read(more, path, out),
            _ => out.push(path),
        }
    }
    let mut out = Vec::new();
    let mut from = 0;
    while let Some(at) = text[from..].find(prefix) {
        let start = from + at;
        from = start + prefix.len();
        // `super::` inside `super::super::` or `crate::x::super` is read from its first one.
        let before = text[..start].chars().next_back();
        if before.is_some_and(|c| c.is_alphanumeric() || c == '_' || c == ':') {
            continue;
        }
        let mut rest = &text[from..];
        let mut ups = 0;
        if prefix == "super::" {
            ups = 1;
            while let Some(r) = rest.strip_prefix("super::") {
                ups += 1;
                rest = r;
            }
        }
        let mut found = Vec::new();
        read(rest, Vec::new(), &mut found);
        for p in found {
            let mut marked = vec![format!("^{ups}")];
            marked.extend(p);
            out.push(marked);
        }
    }
    out
}

/// `src/game` reads in one direction: its parts (each file, or each folder with its files) use
/// one another without a circle, and `game/mod.rs` only assembles them (a part that used what
/// it declares would make a circle with it). Before, all 23 files of the game were one circle.
#[test]
fn the_game_files_import_each_other_without_a_circle() {
    let dir = root().join("src/game");
    let mut parts: BTreeSet<String> = BTreeSet::new();
    for e in std::fs::read_dir(&dir).unwrap() {
        let p = e.unwrap().path();
        let stem = p.file_stem().unwrap().to_str().unwrap().to_string();
        if stem != "mod" && (p.is_dir() || p.extension().is_some_and(|x| x == "rs")) {
            parts.insert(stem);
        }
    }
    assert!(parts.len() > 15, "only {parts:?}");
    // "mod" stands for game/mod.rs: what it declares itself.
    let part_of = |path: &[String]| match path.first() {
        Some(p) if parts.contains(p) => p.clone(),
        _ => "mod".to_string(),
    };
    let mut edges: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
    for file in rust_files(&dir) {
        let rel = file.strip_prefix(&dir).unwrap();
        // The file's module path below `game`.
        let mut module: Vec<String> = rel
            .with_extension("")
            .iter()
            .map(|s| s.to_str().unwrap().to_string())
            .collect();
        if module.last().is_some_and(|m| m == "mod") {
            module.pop();
        }
        let from = module.first().cloned().unwrap_or_else(|| "mod".into());
        // An inline test module's `super` is the file itself: its imports are the file's own.
        let whole = code(&file);
        let text = whole.split("#[cfg(test)]").next().unwrap_or("");
        let mut named: Vec<Vec<String>> = Vec::new();
        for p in paths_after(text, "crate::game::") {
            named.push(p[1..].to_vec());
        }
        for p in paths_after(text, "super::") {
            let ups: usize = p[0][1..].parse().unwrap();
            let Some(keep) = module.len().checked_sub(ups) else {
                continue;
            };
            let mut full = module[..keep].to_vec();
            full.extend(p[1..].iter().cloned());
            named.push(full);
        }
        for p in paths_after(text, "self::") {
            let mut full = module.clone();
            full.extend(p[1..].iter().cloned());
            named.push(full);
        }
        if from == "mod" {
            // game/mod.rs names its parts bare (`model::plugin`).
            for p in &parts {
                if text.contains(&format!("{p}::")) {
                    named.push(vec![p.clone()]);
                }
            }
        }
        let uses = edges.entry(from.clone()).or_default();
        for p in named {
            let to = part_of(&p);
            if to != from {
                uses.insert(to);
            }
        }
    }
    for p in &parts {
        edges.entry(p.clone()).or_default();
    }
    assert!(
        edges["screens"].contains("panels") && edges["mod"].contains("model"),
        "the reader sees the game's imports: {edges:?}"
    );
    if let Some(circle) = circle_in(&edges) {
        panic!(
            "the game's files import each other in a circle: {}",
            circle.join(" → ")
        );
    }
}

/// The reader above sees what a file names, however it is written.
#[test]
fn the_import_reader_opens_groups_and_counts_supers() {
    let text = "use super::super::state::{Flow, Screen};\nuse crate::game::{ui::{Focus, Look}, model};\nfoo(super::x::y);";
    let game = paths_after(text, "crate::game::");
    assert_eq!(
        game,
        vec![
            vec!["^0", "ui", "Focus"],
            vec!["^0", "ui", "Look"],
            vec!["^0", "model"]
        ]
    );
    let sup = paths_after(text, "super::");
    assert_eq!(
        sup,
        vec![
            vec!["^2", "state", "Flow"],
            vec!["^2", "state", "Screen"],
            vec!["^1", "x", "y"]
        ]
    );
}

/// No file of the game is longer than 500 lines: a file that grows past it is split by concern.
#[test]
fn no_game_file_is_over_500_lines() {
    let long: Vec<String> = rust_files(&root().join("src/game"))
        .iter()
        .filter_map(|f| {
            let n = std::fs::read_to_string(f).unwrap().lines().count();
            (n > 500).then(|| format!("{}: {n}", f.display()))
        })
        .collect();
    assert!(long.is_empty(), "{long:?}");
}
