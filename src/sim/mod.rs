//! The model: Bevy ECS plugins that run without rendering.
//!
//! One schedule, [`SimTick`], advances the model by one tick (a slice of the opening hours). Its
//! systems run single-threaded in a fixed, chained order of [`SimSet`]s, so the same scenario, seed
//! and decisions always produce the same world. The game runs `SimTick` N times per frame; the
//! headless runner runs it as fast as it can.

use bevy::ecs::schedule::{LogLevel, ScheduleBuildSettings, ScheduleLabel, SingleThreadedExecutor};
use bevy::prelude::*;

use crate::scenario::Scenario;

pub mod advisor;
pub mod arrivals;
pub mod clock;
pub mod customers;
pub mod day;
pub mod defects;
pub mod dilemmas;
pub mod finance;
pub mod floor;
pub mod health;
pub mod levers;
pub mod metrics;
pub mod news;
pub mod recovery;
pub mod reputation;
pub mod rng;
pub mod satisfaction;
pub mod staff;
pub mod tenure;

#[cfg(test)]
mod model_tests;

/// The version of the model's rules. Bump it whenever a change to the rules makes the same
/// scenario, seed and decisions lead to a different world, so that a save can say which rules it
/// was played under (a save's replay is exact only under the rules that made it). Version 1: the
/// model up to save format 4; version 2 (issue 13): the steady-state starting book, staff quits
/// calibrated to the industry (pay reaching quits through morale only), complaining as a trait,
/// and the employee–customer link through mechanisms (how staff come across, tired staff serving
/// slower, inexperienced staff recovering complaints less well, regulars missing the employee
/// they liked when that employee leaves); version 3: tenure's economics (newcomers take longer to
/// serve, long-standing customers mind a price rise less and promoters who have stayed refer a
/// little more); version 4 (issue 35): the board acts only at its quarterly meetings, warns
/// before it dismisses, and takes at most 25 points of confidence at one meeting.
pub const MODEL_VERSION: u32 = 4;

/// Runs one model tick.
#[derive(ScheduleLabel, Debug, Clone, PartialEq, Eq, Hash)]
pub struct SimTick;

/// The order of the model's rules: the tick's own ([`SimTick`]), and those of the schedules it
/// runs at the start ([`SimDayStart`]) and at the end of a day ([`SimDayEnd`]).
#[derive(SystemSet, Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum SimSet {
    /// Lever changes requested by the player or the policy take effect.
    Levers,
    /// Day start: consequences due today, and dilemmas that fire.
    Dilemmas,
    /// Day start: hiring, lay-offs, the roster of who serves when.
    Roster,
    /// Day start: every customer's health, renewals and churn decisions, who visits today.
    Customers,
    /// Day start: defective products fail; a defect may become public.
    Defects,
    /// Day start: customer-success outreach to customers in poor health.
    Health,
    /// Day start: new prospects from marketing, referrals and walk-ins.
    Arrivals,
    /// Every tick: the queue and the service points.
    Floor,
    /// Every tick: what each visit felt like, and what it paid.
    Satisfaction,
    /// Every tick: complaints and how they are put right.
    Recovery,
    /// Day end: reviews and the public rating.
    Reputation,
    /// Day end: morale, fatigue, skill and quits.
    Staff,
    /// Day end: costs, cash, dividends and the board.
    Finance,
    /// Day end: the day's row of metrics.
    Metrics,
    /// Day end: the advisor looks at the recent figures.
    Advisor,
    /// Time moves on.
    Clock,
}

/// The rules that act once, at the start of a day, as a schedule of their own that the tick runs
/// (at [`DayStart`]) when the day starts: a day has dozens of ticks, and stepping over these rules
/// on every one of them was a large part of the cost of a small world.
#[derive(ScheduleLabel, Debug, Clone, PartialEq, Eq, Hash)]
pub struct SimDayStart;

/// The rules that act once, at the end of a day (run at [`DayEnd`]).
#[derive(ScheduleLabel, Debug, Clone, PartialEq, Eq, Hash)]
pub struct SimDayEnd;

/// Where in the tick the day-start rules run (only on the day's first tick).
#[derive(SystemSet, Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct DayStart;

/// Where in the tick the day-end rules run (only on the day's last tick).
#[derive(SystemSet, Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct DayEnd;

fn run_day_start(world: &mut World) {
    world.run_schedule(SimDayStart);
}

fn run_day_end(world: &mut World) {
    world.run_schedule(SimDayEnd);
}

/// A schedule of the model's: on the calling thread, and refused if two of its rules touch the
/// same data in an unspecified order (the model would then depend on the scheduler).
fn model_schedule(label: impl ScheduleLabel) -> Schedule {
    let mut schedule = Schedule::new(label);
    schedule.set_executor(SingleThreadedExecutor::new());
    schedule.set_build_settings(ScheduleBuildSettings {
        ambiguity_detection: LogLevel::Error,
        ..default()
    });
    schedule
}

/// Everything in a tick after the dilemmas: held while a dilemma waits for the player.
#[derive(SystemSet, Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct AfterDilemmas;

/// The scenario the model runs, as a resource every rule reads its parameters from.
#[derive(Resource, Debug, Clone)]
pub struct Params(pub Scenario);

impl std::ops::Deref for Params {
    type Target = Scenario;
    fn deref(&self) -> &Scenario {
        &self.0
    }
}

/// Why the game ended, if it has.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub enum EndReason {
    HorizonReached,
    CashRanOut,
    BoardReplacedYou,
    /// The player ended the game (a workshop's time is up) at the end of a day.
    EndedByPlayer,
}

impl EndReason {
    /// The catalogue key of why the game ended.
    pub fn key(self) -> &'static str {
        match self {
            EndReason::HorizonReached => "end-horizon",
            EndReason::CashRanOut => "end-cash",
            EndReason::BoardReplacedYou => "end-board",
            EndReason::EndedByPlayer => "end-player",
        }
    }

    /// Why the game ended, as a person reads it.
    pub fn describe(self, lang: crate::i18n::Lang) -> String {
        crate::i18n::message(lang, self.key(), None)
    }
}

#[derive(Resource, Debug, Default, Clone)]
pub struct GameOver(pub Option<EndReason>);

/// The day-0 world is created in a fixed order (staff, then customers), whatever executor the
/// host app's `Startup` schedule uses: entity ids must not depend on thread timing.
#[derive(SystemSet, Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum StartupSet {
    Staff,
    Customers,
}

/// The seed this world was created with (kept for saves).
#[derive(Resource, Debug, Clone, Copy, PartialEq, Eq)]
pub struct SeedUsed(pub u64);

/// Present when the world was restored from a save: the day-0 population must not be spawned.
#[derive(Resource, Debug, Clone, Copy, PartialEq, Eq)]
pub struct WorldRestored;

/// Run condition for start-up systems that create the day-0 world.
pub fn new_world(restored: Option<Res<WorldRestored>>) -> bool {
    restored.is_none()
}

/// Everything the model needs: add it to a headless app or to the game.
pub struct SimulationPlugin {
    pub scenario: Scenario,
    pub seed: u64,
}

impl Plugin for SimulationPlugin {
    fn build(&self, app: &mut App) {
        app.add_schedule(model_schedule(SimTick));
        app.add_schedule(model_schedule(SimDayStart));
        app.add_schedule(model_schedule(SimDayEnd));
        app.configure_sets(Startup, (StartupSet::Staff, StartupSet::Customers).chain());
        // The model's world is built and run on the calling thread, whatever executor the host
        // app uses (a nested multi-threaded executor inside the game's own could deadlock).
        app.edit_schedule(Startup, |s| {
            s.set_executor(SingleThreadedExecutor::new());
        });
        // A dilemma waiting for the player holds the rest of the tick: the tick is run again once
        // the choice is made, so the choice takes effect where a headless run takes it (straight
        // after the dilemma fires), and a game replays exactly.
        app.configure_sets(
            SimTick,
            (SimSet::Levers, SimSet::Dilemmas, AfterDilemmas).chain(),
        );
        app.configure_sets(
            SimTick,
            (
                DayStart,
                SimSet::Floor,
                SimSet::Satisfaction,
                SimSet::Recovery,
                DayEnd,
                SimSet::Clock,
            )
                .chain()
                .in_set(AfterDilemmas),
        );
        app.configure_sets(
            SimDayStart,
            (
                SimSet::Roster,
                SimSet::Customers,
                SimSet::Defects,
                SimSet::Health,
                SimSet::Arrivals,
            )
                .chain(),
        );
        app.configure_sets(
            SimDayEnd,
            (
                SimSet::Reputation,
                SimSet::Staff,
                SimSet::Finance,
                SimSet::Metrics,
                SimSet::Advisor,
            )
                .chain(),
        );
        app.add_systems(SimTick, run_day_start.in_set(DayStart))
            .add_systems(SimTick, run_day_end.in_set(DayEnd));
        app.configure_sets(SimTick, DayStart.run_if(clock::day_start));
        app.configure_sets(SimTick, DayEnd.run_if(clock::day_end));
        app.configure_sets(SimTick, AfterDilemmas.run_if(dilemmas::none_pending));
        app.insert_resource(Params(self.scenario.clone()))
            .insert_resource(self.scenario.start_levers())
            .insert_resource(rng::SimRng::new(self.seed))
            .insert_resource(SeedUsed(self.seed))
            .init_resource::<GameOver>()
            .init_resource::<tenure::TenureBook>();
        app.add_plugins((
            clock::plugin,
            levers::plugin,
            dilemmas::plugin,
            staff::plugin,
            customers::plugin,
            defects::plugin,
            health::plugin,
            arrivals::plugin,
            floor::plugin,
            satisfaction::plugin,
            recovery::plugin,
            reputation::plugin,
            finance::plugin,
            metrics::plugin,
            advisor::plugin,
        ));
    }
}

/// A headless app holding the model for `scenario` with `seed`, ready to tick.
pub fn simulation_app(scenario: &Scenario, seed: u64) -> App {
    let mut app = App::new();
    app.add_plugins(SimulationPlugin {
        scenario: scenario.clone(),
        seed,
    });
    // Startup systems (the initial customers and staff) run once, before the first tick.
    app.world_mut().run_schedule(Startup);
    app
}

/// The one tick loop: runs the model's ticks one after another, asking `go_on` after each
/// whether to run another, and stops at the end of the game. Returns false if the game is over
/// (before the first tick, or after one). Whole days ([`run_day`]), the game's frames and its
/// "end here" all run ticks through it, so what stops a run lives here once.
pub fn run_ticks(world: &mut World, mut go_on: impl FnMut(&World) -> bool) -> bool {
    if world.resource::<GameOver>().0.is_some() {
        return false;
    }
    // The schedule is taken out of the world once for the whole run of ticks, not once per tick
    // (taking it out and putting it back was a tenth of the cost of a small world's tick).
    world.schedule_scope(SimTick, |world, schedule| {
        loop {
            schedule.run(world);
            if world.resource::<GameOver>().0.is_some() {
                return false;
            }
            if !go_on(world) {
                return true;
            }
        }
    })
}

/// Runs ticks until the end of the current day (or the end of the game). Returns false if the
/// game is over.
pub fn run_day(world: &mut World) -> bool {
    let day = world.resource::<clock::Clock>().day;
    run_ticks(world, |world| world.resource::<clock::Clock>().day == day)
}
