//! Policy parsing and validation must never panic.
#![no_main]

use std::path::Path;

use customer_first::policy::Policy;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else { return };
    if let Ok(p) = Policy::from_ron(Path::new("fuzz.ron"), text) {
        let _ = p.check_against(1095, Path::new("fuzz.ron"));
    }
});
