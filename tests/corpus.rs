//! The hostile-input corpus (`tests/corpus/`, made by `generate.py`): every broken scenario,
//! policy and save is refused by `customer-first check` with exit code 2 and the expected
//! message, never with a panic or a hang.

use std::path::Path;
use std::process::Command;

#[test]
fn every_corpus_file_is_refused_with_its_expected_message() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/corpus");
    let expected = std::fs::read_to_string(dir.join("expected.tsv")).unwrap();
    let mut count = 0;
    for line in expected.lines().filter(|l| !l.trim().is_empty()) {
        let (name, want) = line.split_once('\t').expect("file<TAB>expected");
        let file = dir.join(name);
        assert!(
            file.exists(),
            "{name} is missing: run tests/corpus/generate.py"
        );
        let o = Command::new(env!("CARGO_BIN_EXE_customer-first"))
            .arg("check")
            .arg(&file)
            .output()
            .unwrap();
        let err = String::from_utf8_lossy(&o.stderr);
        assert_eq!(o.status.code(), Some(2), "{name}: exit code; stderr: {err}");
        assert!(!err.contains("panicked"), "{name}: {err}");
        assert!(
            err.contains(name),
            "{name}: the message names the file: {err}"
        );
        assert!(err.contains(want), "{name}: expected {want:?} in: {err}");
        count += 1;
    }
    assert!(count >= 60, "the corpus has {count} files");
    // Every file in the folder is covered by an expectation.
    let files = std::fs::read_dir(&dir)
        .unwrap()
        .filter(|e| {
            e.as_ref()
                .unwrap()
                .path()
                .extension()
                .is_some_and(|x| x == "ron")
        })
        .count();
    assert_eq!(files, count);
}

#[test]
fn an_oversized_file_is_refused_before_parsing() {
    let path = std::env::temp_dir().join(format!("customer-first-big-{}.ron", std::process::id()));
    let mut text = String::from("// ");
    text.push_str(&"x".repeat(1024 * 1024 + 10));
    std::fs::write(&path, text).unwrap();
    let o = Command::new(env!("CARGO_BIN_EXE_customer-first"))
        .arg("check")
        .arg(&path)
        .output()
        .unwrap();
    assert_eq!(o.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&o.stderr).contains("the limit is 1048576"));
    let _ = std::fs::remove_file(&path);
}
