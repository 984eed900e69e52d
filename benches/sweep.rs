//! A sweep's wall time: 1,000 two-year runs of the bundled café (one per seed), on every core,
//! through the real command (`customer-first sweep --seeds 1000 --days 730`). Run with
//! `cargo bench --no-default-features --bench sweep`; without `--bench` (as `cargo test
//! --benches` runs it) it does 4 short runs, to show that the command works.

use std::process::Command;
use std::time::Instant;

fn main() {
    let full = std::env::args().any(|a| a == "--bench");
    let (seeds, days) = if full { (1000u32, 730u32) } else { (4, 30) };
    let dir =
        std::env::temp_dir().join(format!("customer-first-bench-sweep-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("a scratch directory");
    let out = dir.join("sweep.csv");
    let threads = std::thread::available_parallelism().map_or(1, |n| n.get());
    let start = Instant::now();
    let status = Command::new(env!("CARGO_BIN_EXE_customer-first"))
        .args([
            "sweep",
            "--seeds",
            &seeds.to_string(),
            "--days",
            &days.to_string(),
        ])
        .arg("--out")
        .arg(&out)
        .env("LC_ALL", "C")
        .stderr(std::process::Stdio::null())
        .stdout(std::process::Stdio::null())
        .status()
        .expect("the customer-first binary runs");
    let elapsed = start.elapsed().as_secs_f64();
    assert!(status.success(), "the sweep failed: {status}");
    let rows = std::fs::read_to_string(&out)
        .expect("the sweep's CSV")
        .lines()
        .count()
        .saturating_sub(1);
    assert_eq!(rows, seeds as usize, "one row per run");
    let _ = std::fs::remove_dir_all(&dir);
    println!(
        "café sweep, {seeds} runs of {days} days on {threads} threads: {elapsed:.1} s ({:.1} runs/s)",
        seeds as f64 / elapsed
    );
}
