//! Results files (what teams hand in to the class view) must never panic: parsing, validation,
//! and replaying whatever parses on the bundled scenario it names.
#![no_main]

use std::path::Path;

use customer_first::headless::class::{Known, replays};
use customer_first::headless::results_file::ResultsFile;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else { return };
    let Ok(f) = ResultsFile::from_ron(Path::new("fuzz.results.ron"), text) else { return };
    let known = Known::bundled();
    if let Some(k) = known.iter().find(|k| k.hash == f.scenario.hash) {
        let _ = replays(&f, &k.scenario, k.deck.as_ref());
    }
});
