//! A small sweep for the game's Explore panel: one lever at several values around the player's
//! own setting, each run with several seeds from the scenario's start with the player's other
//! levers as they are now, and the spread of retention, profit and customers across the seeds at
//! each value. The same runs as `customer-first sweep --vary LEVER=…` from those levers; what
//! differs is that the results stay numbers (for a chart), not rows of text.

use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};

use crate::dilemmas::Deck;
use crate::headless::world::{Stepper, prepare_with};
use crate::levers::{Lever, LeverKind, LeverValue, Levers, RecoveryPolicy, ServiceLevel};
use crate::platform::Slices;
use crate::scenario::Scenario;
use crate::sim::metrics::History;

/// Values either side of the player's own (so seven in all where the range allows).
pub const SIDE: i32 = 3;
/// Runs per value: enough for a band, few enough for a few seconds on a laptop.
pub const SEEDS: u32 = 8;
/// How long each run lasts: a year shows what a lever does to who stays.
pub const DAYS: u32 = 365;

/// What to explore.
#[derive(Debug, Clone, PartialEq)]
pub struct Explore {
    pub lever: Lever,
    /// The lever's values, in order (numbers rising, choices in their own order).
    pub values: Vec<LeverValue>,
    /// Every lever as the player has them now (the explored one is replaced run by run).
    pub levers: Levers,
    pub first_seed: u64,
    pub seeds: u32,
    pub days: u32,
}

/// The lowest, the mean and the highest of one measure across the seeds at one value.
#[derive(Debug, Clone, Copy, PartialEq, Default)]
pub struct Spread {
    pub low: f64,
    pub mean: f64,
    pub high: f64,
}

impl Spread {
    fn of(xs: &[f64]) -> Spread {
        if xs.is_empty() {
            return Spread::default();
        }
        Spread {
            low: xs.iter().copied().fold(f64::INFINITY, f64::min),
            mean: xs.iter().sum::<f64>() / xs.len() as f64,
            high: xs.iter().copied().fold(f64::NEG_INFINITY, f64::max),
        }
    }
}

/// What the runs at one value came to.
#[derive(Debug, Clone, PartialEq)]
pub struct Point {
    pub value: LeverValue,
    /// Share of the customers of 90 days before the end still there at the end, 0–1.
    pub retention: Spread,
    /// Revenue minus costs over the run, in cents.
    pub profit: Spread,
    /// Active customers at the end.
    pub customers: Spread,
    /// Runs that ended before their last day (cash ran out, the board replaced the player).
    pub ended_early: u32,
}

/// One run's measures: (retention, profit in cents, customers, ended early).
type Measures = (f64, f64, f64, bool);

impl Explore {
    /// The values around `levers`' setting of `lever`: for a number, its own value and up to
    /// [`SIDE`] values either side a stride apart (a stride of a few keyboard steps, so the
    /// values span what a player might try), kept within the lever's range; for a choice, every
    /// choice.
    pub fn around(lever: Lever, levers: &Levers, first_seed: u64, days: u32) -> Explore {
        let values = match (lever.kind(), levers.get(lever)) {
            (LeverKind::Number { range, step, whole }, LeverValue::Number(now)) => {
                let stride = if whole {
                    // A tenth of the current number (at least one): 10 staff → ±1, ±2, ±3.
                    (now * 0.1).round().max(step)
                } else {
                    step * 2.0
                };
                let mut values: Vec<f64> = (-SIDE..=SIDE)
                    .map(|k| ((now + stride * k as f64) * 100.0).round() / 100.0)
                    .filter(|v| (range.0..=range.1).contains(v))
                    .collect();
                values.dedup();
                values.into_iter().map(LeverValue::Number).collect()
            }
            (LeverKind::Level, _) => ServiceLevel::ALL.map(LeverValue::Level).to_vec(),
            (LeverKind::Recovery, _) => RecoveryPolicy::ALL.map(LeverValue::Recovery).to_vec(),
            (LeverKind::Toggle, _) => vec![LeverValue::Toggle(false), LeverValue::Toggle(true)],
            (LeverKind::Number { .. }, v) => vec![v],
        };
        Explore {
            lever,
            values,
            levers: levers.clone(),
            first_seed,
            seeds: SEEDS,
            days,
        }
    }

    /// How many runs in all.
    pub fn runs(&self) -> usize {
        self.values.len() * self.seeds as usize
    }

    /// Every run (each value with every seed) on `threads` threads (0: every core, 1: this
    /// one; in a browser the page's one thread, shared with the game in slices of days,
    /// [`crate::platform::map_in_order`]). `done` counts finished runs. None if `stop` was set
    /// before all were done.
    pub async fn run(
        &self,
        scenario: &Scenario,
        deck: Option<&Deck>,
        threads: usize,
        stop: &AtomicBool,
        done: &AtomicUsize,
    ) -> Option<Vec<Point>> {
        let all =
            crate::platform::map_in_order(self.runs(), threads, async |i, slices: &mut Slices| {
                let m = self.nth(scenario, deck, i, stop, slices).await?;
                done.fetch_add(1, Ordering::Relaxed);
                Some(m)
            })
            .await;
        let all: Vec<Measures> = all.into_iter().collect::<Option<_>>()?;
        Some(self.points(&all))
    }

    /// The `i`-th run: values in order, each with every seed.
    async fn nth(
        &self,
        scenario: &Scenario,
        deck: Option<&Deck>,
        i: usize,
        stop: &AtomicBool,
        slices: &mut Slices,
    ) -> Option<Measures> {
        let value = self.values[i / self.seeds as usize];
        let seed = self
            .first_seed
            .wrapping_add((i % self.seeds as usize) as u64);
        self.once(scenario, deck, value, seed, stop, slices).await
    }

    /// Each value's spread over its seeds.
    fn points(&self, all: &[Measures]) -> Vec<Point> {
        self.values
            .iter()
            .zip(all.chunks(self.seeds as usize))
            .map(|(&value, runs)| {
                let pick = |f: fn(&Measures) -> f64| runs.iter().map(f).collect::<Vec<_>>();
                Point {
                    value,
                    retention: Spread::of(&pick(|m| m.0)),
                    profit: Spread::of(&pick(|m| m.1)),
                    customers: Spread::of(&pick(|m| m.2)),
                    ended_early: runs.iter().filter(|m| m.3).count() as u32,
                }
            })
            .collect()
    }

    /// One run with the lever at `value`.
    async fn once(
        &self,
        scenario: &Scenario,
        deck: Option<&Deck>,
        value: LeverValue,
        seed: u64,
        stop: &AtomicBool,
        slices: &mut Slices,
    ) -> Option<Measures> {
        // Stopped: no world is built for a run that will not be taken.
        if stop.load(Ordering::Relaxed) {
            return None;
        }
        let mut levers = self.levers.clone();
        levers.apply(&crate::levers::LeverSet::one(self.lever, value));
        // The business as it would have started with these levers: the levers a scenario starts
        // with (the staff hired on day 0 among them, so nobody is laid off on the first
        // morning) from the scenario, the multiples on the model's levers before the first tick.
        let scenario = scenario.starting_with(&levers);
        let mut run = Stepper::new(prepare_with(&scenario, seed, None, deck), self.days);
        *run.world_mut().resource_mut::<Levers>() = levers;
        loop {
            if stop.load(Ordering::Relaxed) {
                return None;
            }
            if !run.step() {
                break;
            }
            slices.between().await;
        }
        let world = run.world();
        let rows = &world.resource::<History>().rows;
        let ended_early = crate::headless::world::ended_early(world);
        let last = rows.last().cloned().unwrap_or_default();
        let ledger = world.resource::<crate::sim::finance::Ledger>();
        let profit = (ledger.total_revenue - ledger.total_costs) as f64;
        Some((
            last.retention_90d,
            profit,
            last.active_customers as f64,
            ended_early,
        ))
    }
}

/// The value (and its measure) with the highest mean of `measure`; the first such on a tie.
pub fn best(points: &[Point], measure: fn(&Point) -> Spread) -> Option<&Point> {
    points.iter().reduce(|a, b| {
        if measure(b).mean > measure(a).mean {
            b
        } else {
            a
        }
    })
}
