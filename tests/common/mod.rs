//! Helpers shared by the integration tests: the bundled scenarios and policies, and runs.
#![allow(dead_code)]

use std::path::Path;

use customer_first::policy::Policy;
use customer_first::runner::{self, CustomerRecord, RunResult};
use customer_first::scenario::{Scenario, bundled};

pub fn cafe() -> Scenario {
    Scenario::from_ron(Path::new(bundled::CAFE.0), bundled::CAFE.1).expect("bundled café is valid")
}

pub fn software() -> Scenario {
    Scenario::from_ron(Path::new(bundled::SOFTWARE.0), bundled::SOFTWARE.1)
        .expect("bundled software scenario is valid")
}

pub fn policy(name: &str) -> Policy {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("assets/policies")
        .join(format!("{name}.ron"));
    Policy::load(&path).expect("shipped policy is valid")
}

/// Runs and returns the result with every customer's record.
pub fn run_full(
    s: &Scenario,
    seed: u64,
    days: u32,
    policy: Option<&Policy>,
) -> (RunResult, Vec<CustomerRecord>) {
    let (mut app, result) = runner::run(s, seed, days, policy);
    let records = runner::customer_records(app.world_mut(), s);
    (result, records)
}

pub fn run(s: &Scenario, seed: u64, days: u32, policy: Option<&Policy>) -> RunResult {
    runner::run(s, seed, days, policy).1
}

pub fn mean(xs: impl IntoIterator<Item = f64>) -> f64 {
    let v: Vec<f64> = xs.into_iter().collect();
    assert!(!v.is_empty(), "mean of nothing");
    v.iter().sum::<f64>() / v.len() as f64
}

pub const SEEDS: [u64; 3] = [1, 2, 3];
