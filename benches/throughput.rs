//! Throughput of the model: simulated customer-days per second on one thread, for 10,000 and
//! 100,000 active customers, in both shipped scenarios. Run with `cargo bench`.
//!
//! The staff is scaled with the customer base so that the queue stays in a realistic regime
//! (otherwise the benchmark would measure a business that turns everyone away).

use std::path::Path;
use std::time::Instant;

use customer_first::headless::world::{prepare, run_days};
use customer_first::scenario::{Scenario, bundled};

fn scaled(base: (&str, &str), customers: u32) -> Scenario {
    let mut s = Scenario::from_ron(Path::new(base.0), base.1).expect("bundled scenario");
    let factor = customers as f64 / s.start.customers as f64;
    s.start.customers = customers;
    s.start_levers.staff = ((s.start_levers.staff as f64 * factor).ceil() as u32).min(500);
    s.market.size = (s.market.size as f64 * factor) as u32;
    s.market.walk_ins_per_day *= factor;
    s.market.paid_per_day *= factor;
    s.start.cash_cents = i64::MAX / 4;
    s.board.miss_sensitivity = 0.0;
    s
}

fn measure(name: &str, s: &Scenario, days: u32) {
    // Any argument that is not a flag filters the cases by name.
    let filters: Vec<String> = std::env::args()
        .skip(1)
        .filter(|a| !a.starts_with('-'))
        .collect();
    if !filters.is_empty() && !filters.iter().any(|f| name.contains(f.as_str())) {
        return;
    }
    let mut app = prepare(s, 1, None);
    // One warm-up day, so the first day's allocations are not counted.
    run_days(app.world_mut(), 1);
    let start = Instant::now();
    run_days(app.world_mut(), days + 1);
    let elapsed = start.elapsed().as_secs_f64();
    let history = app
        .world()
        .resource::<customer_first::sim::metrics::History>();
    let customer_days: u64 = history
        .rows
        .iter()
        .skip(1)
        .map(|r| r.active_customers as u64)
        .sum();
    let served: u64 = history.rows.iter().skip(1).map(|r| r.served as u64).sum();
    println!(
        "{name:<34} {:>9} customer-days in {elapsed:>7.3} s = {:>7.2} M customer-days/s ({:.0} visits/day, {:.2} ms/day)",
        customer_days,
        customer_days as f64 / elapsed / 1e6,
        served as f64 / days as f64,
        elapsed * 1000.0 / days as f64
    );
}

/// The same population with (almost) no visits: what the daily pass over every customer costs.
fn quiet(base: (&str, &str), customers: u32) -> Scenario {
    let mut s = scaled(base, customers);
    for seg in &mut s.segments {
        seg.visits_per_month = 0.001;
    }
    s.market.walk_ins_per_day = 0.0;
    s.market.paid_per_day = 0.0;
    s
}

fn main() {
    // `cargo test` runs benches in test mode with `--bench` absent; keep that quick.
    let quick = !std::env::args().any(|a| a == "--bench");
    let days = if quick { 2 } else { 60 };
    measure(
        "quiet (no visits), 100000 customers",
        &quiet(bundled::CAFE, 100_000),
        days,
    );
    for customers in [10_000u32, 100_000] {
        measure(
            &format!("software, {customers} accounts"),
            &scaled(bundled::SOFTWARE, customers),
            days,
        );
        measure(
            &format!("café, {customers} customers"),
            &scaled(bundled::CAFE, customers),
            days,
        );
    }
}
