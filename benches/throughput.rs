//! Throughput of the model: simulated customer-days per second on one thread, for 10,000 and
//! 100,000 active customers, in both shipped scenarios. Run with `cargo bench`.
//!
//! The staff is scaled with the customer base so that the queue stays in a realistic regime
//! (otherwise the benchmark would measure a business that turns everyone away).
//!
//! Each case also reports the memory the model holds per customer: the heap in use (counted by
//! this binary's allocator) after the days run, minus the heap of the same world with no
//! customers, per customer it holds (active or departed) and per active customer.

use std::alloc::{GlobalAlloc, Layout, System};
use std::path::Path;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::Instant;

/// The system allocator, counting the bytes in use.
struct Counting;

static IN_USE: AtomicUsize = AtomicUsize::new(0);

unsafe impl GlobalAlloc for Counting {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        IN_USE.fetch_add(layout.size(), Ordering::Relaxed);
        unsafe { System.alloc(layout) }
    }
    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        IN_USE.fetch_sub(layout.size(), Ordering::Relaxed);
        unsafe { System.dealloc(ptr, layout) }
    }
    unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        IN_USE.fetch_add(new_size, Ordering::Relaxed);
        IN_USE.fetch_sub(layout.size(), Ordering::Relaxed);
        unsafe { System.realloc(ptr, layout, new_size) }
    }
}

#[global_allocator]
static ALLOCATOR: Counting = Counting;

/// Timed runs per case (the fastest is reported).
const REPEATS: usize = 3;

/// Heap bytes of a world built from `s` with no customers at all.
fn empty_world_bytes(s: &Scenario) -> usize {
    let mut empty = s.clone();
    empty.start.customers = 0;
    let before = IN_USE.load(Ordering::Relaxed);
    let app = prepare(&empty, 1, None);
    let bytes = IN_USE.load(Ordering::Relaxed).saturating_sub(before);
    drop(app);
    bytes
}

use customer_first::bundle;
use customer_first::headless::world::{prepare, run_days};
use customer_first::scenario::Scenario;

fn scaled(base: bundle::File, customers: u32) -> Scenario {
    let mut s = Scenario::from_ron(Path::new(base.path), base.text).expect("bundled scenario");
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
    let base = empty_world_bytes(s);
    // The same run three times, each from a fresh world, keeping the fastest: a shared machine's
    // other work only ever adds time.
    let mut elapsed = f64::INFINITY;
    let mut kept = None;
    for _ in 0..REPEATS {
        // The previous run's world is freed before this one's memory is counted.
        drop(kept.take());
        let before = IN_USE.load(Ordering::Relaxed);
        let mut app = prepare(s, 1, None);
        // One warm-up day, so the first day's allocations are not counted.
        run_days(app.world_mut(), 1);
        let start = Instant::now();
        run_days(app.world_mut(), days + 1);
        elapsed = elapsed.min(start.elapsed().as_secs_f64());
        kept = Some((app, before));
    }
    let Some((app, before)) = kept else { return };
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
    let held = IN_USE
        .load(Ordering::Relaxed)
        .saturating_sub(before)
        .saturating_sub(base) as f64;
    let everyone = app
        .world()
        .resource::<customer_first::sim::customers::Customers>()
        .next_id()
        .max(1) as f64;
    let active = history.rows.last().map_or(1, |r| r.active_customers.max(1)) as f64;
    println!(
        "{name:<34} {:>9} customer-days in {elapsed:>7.3} s = {:>7.2} M customer-days/s ({:.0} visits/day, {:.2} ms/day)",
        customer_days,
        customer_days as f64 / elapsed / 1e6,
        served as f64 / days as f64,
        elapsed * 1000.0 / days as f64
    );
    println!(
        "{:<34} {:>7.0} bytes per customer held ({:.0} held), {:.0} per active customer",
        "",
        held / everyone,
        everyone,
        held / active
    );
}

/// The same population with (almost) no visits: what the daily pass over every customer costs.
fn quiet(base: bundle::File, customers: u32) -> Scenario {
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
        &quiet(bundle::CAFE.scenario, 100_000),
        days,
    );
    for customers in [10_000u32, 100_000] {
        measure(
            &format!("software, {customers} accounts"),
            &scaled(bundle::SOFTWARE.scenario, customers),
            days,
        );
        measure(
            &format!("café, {customers} customers"),
            &scaled(bundle::CAFE.scenario, customers),
            days,
        );
    }
}
