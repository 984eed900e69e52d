//! Scenario parsing and validation must never panic; a scenario that validates must run.
#![no_main]

use std::path::Path;

use customer_first::scenario::Scenario;
use customer_first::sim::run_day;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else { return };
    if let Ok(mut s) = Scenario::from_ron(Path::new("fuzz.ron"), text) {
        // Keep each run small; the parameters that shape behaviour stay as fuzzed.
        s.start.customers = s.start.customers.min(200);
        s.market.walk_ins_per_day = s.market.walk_ins_per_day.min(200.0);
        s.market.paid_per_day = s.market.paid_per_day.min(200.0);
        s.start_levers.staff = s.start_levers.staff.min(20);
        let mut app = customer_first::headless::world::prepare(&s, 1, None);
        for _ in 0..2 {
            if !run_day(app.world_mut()) {
                break;
            }
        }
    }
});
