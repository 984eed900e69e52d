//! Save parsing, migration and validation must never panic; a save that validates must restore
//! and run a day.
#![no_main]

use std::path::Path;

use customer_first::headless::save;
use customer_first::sim::run_day;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else { return };
    if let Ok(s) = save::from_ron(Path::new("fuzz.ron"), text)
        && s.customers.len() <= 500
        && let Ok(mut app) = save::restore(&s)
    {
        run_day(app.world_mut());
    }
});
