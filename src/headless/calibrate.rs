//! Calibrating a scenario against its story: a thoughtful policy should win it on at least
//! 8 of 10 seeds and a careless one lose it on at least 8 of 10 (the scenario's `winning`
//! conditions judge each run). `customer-first calibrate` prints this; the statistics stage of CI
//! asserts it for every shipped scenario.

use rayon::prelude::*;

use crate::dilemmas::Deck;
use crate::policy::Policy;
use crate::scenario::Scenario;

use super::results::collect;
use super::verdict::{Outcome, Verdict};
use super::world::{prepare_with, run_days};

/// Of ten seeds, how many a thoughtful policy must win (and a careless one lose).
pub const TARGET_OF_TEN: usize = 8;

/// The runs of one policy over the seeds.
#[derive(Debug, Clone)]
pub struct PolicyRuns {
    /// One verdict per seed, in the order of the seeds.
    pub verdicts: Vec<Verdict>,
}

impl PolicyRuns {
    pub fn count(&self, outcome: Outcome) -> usize {
        self.verdicts
            .iter()
            .filter(|v| v.outcome == outcome)
            .count()
    }

    /// How many runs met the scenario's `i`-th condition.
    pub fn met(&self, i: usize) -> usize {
        self.verdicts
            .iter()
            .filter(|v| v.checks.get(i).is_some_and(|c| c.met))
            .count()
    }

    /// The mean figure of the `i`-th condition over the runs that have one.
    pub fn mean(&self, i: usize) -> Option<f64> {
        let v: Vec<f64> = self
            .verdicts
            .iter()
            .filter_map(|v| v.checks.get(i)?.value)
            .collect();
        (!v.is_empty()).then(|| v.iter().sum::<f64>() / v.len() as f64)
    }

    /// How many runs closed early.
    pub fn closed_early(&self) -> usize {
        self.verdicts
            .iter()
            .filter(|v| v.closed_early.is_some())
            .count()
    }
}

/// A scenario's calibration: its thoughtful and careless policies over the same seeds.
#[derive(Debug, Clone)]
pub struct Report {
    pub seeds: Vec<u64>,
    pub thoughtful: PolicyRuns,
    pub careless: PolicyRuns,
}

impl Report {
    /// Whether the story holds: the thoughtful policy wins, and the careless one loses, on at
    /// least 8 of every 10 seeds.
    pub fn holds(&self) -> bool {
        let need = self.need();
        self.thoughtful.count(Outcome::Won) >= need && self.careless.count(Outcome::Lost) >= need
    }

    /// Runs a policy needs to win (or lose) for the story to hold: 8 of 10, in proportion.
    pub fn need(&self) -> usize {
        (self.seeds.len() * TARGET_OF_TEN).div_ceil(10)
    }
}

/// The seeds a calibration runs: the scenario's own and the `n − 1` after it.
pub fn seeds(s: &Scenario, n: u64) -> Vec<u64> {
    (0..n).map(|i| s.seed.wrapping_add(i)).collect()
}

/// Runs both policies over the seeds to the scenario's horizon, on every core of the current
/// rayon pool (the result does not depend on how many).
pub fn calibrate(
    s: &Scenario,
    deck: Option<&Deck>,
    thoughtful: &Policy,
    careless: &Policy,
    seeds: &[u64],
) -> Report {
    let runs: Vec<(bool, u64)> = [true, false]
        .into_iter()
        .flat_map(|t| seeds.iter().map(move |&seed| (t, seed)))
        .collect();
    let verdicts: Vec<Verdict> = runs
        .par_iter()
        .map(|&(t, seed)| {
            let policy = if t { thoughtful } else { careless };
            let mut app = prepare_with(s, seed, Some(policy), deck);
            run_days(app.world_mut(), s.horizon_days);
            let r = collect(app.world_mut(), s, seed, &policy.title());
            r.verdict().unwrap_or(Verdict {
                outcome: Outcome::Unjudged,
                closed_early: None,
                checks: Vec::new(),
            })
        })
        .collect();
    let (t, c) = verdicts.split_at(seeds.len());
    Report {
        seeds: seeds.to_vec(),
        thoughtful: PolicyRuns {
            verdicts: t.to_vec(),
        },
        careless: PolicyRuns {
            verdicts: c.to_vec(),
        },
    }
}
