//! Building the model for a run and running it: the one day loop every headless run, replay and
//! command goes through.

use bevy::prelude::*;

use crate::dilemmas::Deck;
use crate::policy::Policy;
use crate::scenario::Scenario;
use crate::sim::clock::Clock;
use crate::sim::dilemmas::{DilemmaDeck, DilemmaPolicy};
use crate::sim::levers::{DecisionSource, LeverRequests};
use crate::sim::{EndReason, GameOver, run_day, simulation_app};

use super::results::{CustomerRecord, RunResult, collect, customer_records};
use super::whatif::Decisions;

/// Builds the model for a scenario with a policy's changes scheduled (no dilemmas).
pub fn prepare(scenario: &Scenario, seed: u64, policy: Option<&Policy>) -> App {
    prepare_with(scenario, seed, policy, None)
}

/// Builds the model with a policy and, optionally, a dilemma deck answered by the policy's
/// choices (or each dilemma's default).
pub fn prepare_with(
    scenario: &Scenario,
    seed: u64,
    policy: Option<&Policy>,
    deck: Option<&Deck>,
) -> App {
    let mut app = simulation_app(scenario, seed);
    let world = app.world_mut();
    if let Some(p) = policy {
        let mut req = world.resource_mut::<LeverRequests>();
        for ch in &p.changes {
            req.schedule(ch.day, ch.set.clone());
        }
        world.resource_mut::<DilemmaPolicy>().choices = p.choices.clone();
    }
    if let Some(d) = deck {
        world.insert_resource(DilemmaDeck(d.clone()));
    }
    app
}

/// Builds the model with these decisions to be taken again at the moments they were taken, and
/// the deck's dilemmas answered by them (a dilemma they do not answer takes its default).
pub fn prepare_replay(
    scenario: &Scenario,
    seed: u64,
    decisions: &Decisions,
    deck: Option<&Deck>,
) -> App {
    let mut app = prepare_with(scenario, seed, None, deck);
    let world = app.world_mut();
    let mut req = world.resource_mut::<LeverRequests>();
    for d in &decisions.changes {
        match d.source {
            // A plan's change is for the start of its day, as in the policy it came from.
            DecisionSource::Plan => req.schedule(d.day, d.set.clone()),
            DecisionSource::Player | DecisionSource::Dilemma | DecisionSource::Unknown => {
                req.at(d.day, d.minute, d.set.clone())
            }
        }
    }
    world.resource_mut::<DilemmaPolicy>().choices = decisions.choices.clone();
    app
}

/// The model's day (the number of whole days simulated).
pub fn today(world: &World) -> u32 {
    world.resource::<Clock>().day
}

/// Whether the game ended before its horizon (cash, the board, the player): a world that
/// reached its horizon ended on time.
pub fn ended_early(world: &World) -> bool {
    matches!(
        world.resource::<GameOver>().0,
        Some(EndReason::CashRanOut | EndReason::BoardReplacedYou | EndReason::EndedByPlayer)
    )
}

/// The one rule of every day loop: runs the model's next whole day, unless it has reached day
/// `until` or the game is over; false once the run is over (it reached `until`, or the game
/// ended, during this day or before it). Headless runs, replays, sweeps, calibration and
/// Explore's runs all step through it ([`run_until`], [`Stepper`]).
pub fn next_day(world: &mut World, until: u32) -> bool {
    today(world) < until && run_day(world)
}

/// The day loop: runs whole days until the model's day is `until` or the game ends. Before each
/// day starts, and once more at the day it stops on (between days, where a save continues
/// exactly), `at_day` hears the world and its day; an error from it stops the loop and is
/// returned. Returns the day the model stopped on.
pub fn run_until<E>(
    world: &mut World,
    until: u32,
    mut at_day: impl FnMut(&mut World, u32) -> Result<(), E>,
) -> Result<u32, E> {
    loop {
        let day = today(world);
        at_day(world, day)?;
        if !next_day(world, until) {
            // A game that ended during its last day stopped between days too.
            let stopped = today(world);
            if stopped != day {
                at_day(world, stopped)?;
            }
            return Ok(stopped);
        }
    }
}

/// Runs until day `until` (or the end of the game), with nothing to do between days.
pub fn run_days(world: &mut World, until: u32) -> u32 {
    match run_until(world, until, |_, _| Ok::<(), std::convert::Infallible>(())) {
        Ok(day) => day,
        Err(never) => match never {},
    }
}

/// Runs `days` days (or until the game ends) and collects the results.
pub fn run(scenario: &Scenario, seed: u64, days: u32, policy: Option<&Policy>) -> (App, RunResult) {
    let mut app = prepare(scenario, seed, policy);
    run_days(app.world_mut(), days);
    let result = collect(app.world_mut(), scenario, seed, &Policy::title_of(policy));
    (app, result)
}

/// Runs a scenario with a policy and its dilemma deck, and returns the result with every
/// customer's record (what the debrief needs).
pub fn run_with_deck(
    scenario: &Scenario,
    seed: u64,
    days: u32,
    policy: Option<&Policy>,
    deck: Option<&Deck>,
) -> (RunResult, Vec<CustomerRecord>) {
    let mut app = prepare_with(scenario, seed, policy, deck);
    run_days(app.world_mut(), days);
    results_with_customers(app.world_mut(), scenario, seed, &Policy::title_of(policy))
}

/// A run taken one day at a time, by [`next_day`] as [`run_until`] takes it, holding its own
/// world: what long work steps through (replays, Explore's runs), so that in a browser it can
/// give the page a turn between days ([`crate::platform::Slices`]) and on a desktop it can run on
/// another thread.
pub struct Stepper {
    /// The model's world, taken out of its app (a world can be sent to another thread; an app
    /// cannot).
    world: World,
    until: u32,
    over: bool,
}

impl Stepper {
    /// The model built in `app`, to run until day `until` (or the end of the game).
    pub fn new(mut app: App, until: u32) -> Self {
        Stepper {
            world: std::mem::take(app.world_mut()),
            until,
            over: false,
        }
    }

    /// A replay of these decisions, for `days` days (or until the game ends).
    pub fn replay(
        scenario: &Scenario,
        seed: u64,
        decisions: &Decisions,
        deck: Option<&Deck>,
        days: u32,
    ) -> Self {
        Stepper::new(prepare_replay(scenario, seed, decisions, deck), days)
    }

    /// Runs the next day; false once the run is over (its last day, or the game ended).
    pub fn step(&mut self) -> bool {
        self.over = self.over || !next_day(&mut self.world, self.until);
        !self.over
    }

    /// The day the run has reached.
    pub fn day(&self) -> u32 {
        today(&self.world)
    }

    pub fn world(&self) -> &World {
        &self.world
    }

    pub fn world_mut(&mut self) -> &mut World {
        &mut self.world
    }
}

/// Runs `days` days (or until the game ends) with these decisions; `progress` hears each day's
/// number as the model reaches it. In a browser it gives the page a turn between slices of days;
/// on a desktop `bevy::tasks::block_on` runs it straight through.
pub async fn replay(
    scenario: &Scenario,
    seed: u64,
    deck: Option<&Deck>,
    decisions: &Decisions,
    days: u32,
    name: &crate::i18n::Text,
    progress: &(dyn Fn(u32) + Sync),
) -> (RunResult, Vec<CustomerRecord>) {
    let mut run = Stepper::replay(scenario, seed, decisions, deck, days);
    let mut slices = crate::platform::Slices::new();
    progress(run.day());
    while run.step() {
        progress(run.day());
        slices.between().await;
    }
    results_with_customers(run.world_mut(), scenario, seed, name)
}

/// A finished run's results and every customer's record (what the debrief needs).
fn results_with_customers(
    world: &mut World,
    scenario: &Scenario,
    seed: u64,
    name: &crate::i18n::Text,
) -> (RunResult, Vec<CustomerRecord>) {
    let result = collect(world, scenario, seed, name);
    let records = customer_records(world, scenario);
    (result, records)
}
