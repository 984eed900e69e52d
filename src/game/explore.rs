//! The Explore panel's work: a small sweep of one lever ([`crate::sweep::explore`]) on the game's
//! scenario, seed and deck, with the player's levers as they are now, run in the background on
//! the async compute pool (a pool as wide as the machine inside it) while the game goes on. One
//! exploration at a time; a new request stops the one running, and so does leaving the game.

use std::sync::Arc;
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};

use super::job::Job;
use bevy::prelude::*;

use crate::levers::{Lever, LeverValue};
use crate::sweep::explore::{DAYS, Explore, Point, SEEDS};

use super::model::Model;
use super::state::{GameSet, Screen};

/// Asks to explore a lever around the player's current setting.
#[derive(Message, Debug, Clone, Copy, PartialEq, Eq)]
pub struct ExploreRequest(pub Lever);

/// What a screen needs to show explorations and ask for one.
#[derive(bevy::ecs::system::SystemParam)]
pub struct ExploreAccess<'w> {
    pub exploration: Res<'w, Exploration>,
    pub requests: MessageWriter<'w, ExploreRequest>,
}

/// What scripted runs need to start an exploration and wait for it.
#[derive(bevy::ecs::system::SystemParam)]
pub struct ExploreControl<'w> {
    pub exploration: ResMut<'w, Exploration>,
    pub requests: MessageWriter<'w, ExploreRequest>,
}

/// The exploration running or shown, and how large an exploration is.
#[derive(Resource)]
pub struct Exploration {
    pub current: Option<ExploreRun>,
    /// Runs per value.
    pub seeds: u32,
    /// Days per run (at most the scenario's horizon).
    pub days: u32,
}

impl Default for Exploration {
    fn default() -> Self {
        Exploration {
            current: None,
            seeds: SEEDS,
            days: DAYS,
        }
    }
}

pub struct ExploreRun {
    pub explore: Explore,
    /// The player's value of the lever when the exploration started (marked on the charts).
    pub at: LeverValue,
    pub done: Arc<AtomicUsize>,
    pub stop: Arc<AtomicBool>,
    pub outcome: ExploreOutcome,
}

pub enum ExploreOutcome {
    Running(Job<Option<Vec<Point>>>),
    Done(Arc<Vec<Point>>),
    Stopped,
}

impl ExploreRun {
    pub fn points(&self) -> Option<&Arc<Vec<Point>>> {
        match &self.outcome {
            ExploreOutcome::Done(p) => Some(p),
            ExploreOutcome::Running(_) | ExploreOutcome::Stopped => None,
        }
    }

    pub fn is_running(&self) -> bool {
        matches!(self.outcome, ExploreOutcome::Running(_))
    }
}

impl Exploration {
    /// Blocks until the exploration running is done (for tests and scripted runs; the game
    /// polls).
    pub fn wait(&mut self) {
        let Some(run) = &mut self.current else { return };
        let outcome = std::mem::replace(&mut run.outcome, ExploreOutcome::Stopped);
        run.outcome = match outcome {
            ExploreOutcome::Running(job) => match job.wait() {
                Some(p) => ExploreOutcome::Done(Arc::new(p)),
                None => ExploreOutcome::Stopped,
            },
            other => other,
        };
    }

    fn stop(&mut self) {
        if let Some(run) = &self.current {
            run.stop.store(true, Ordering::Relaxed);
        }
    }
}

pub(super) fn plugin(app: &mut App) {
    app.add_message::<ExploreRequest>()
        .init_resource::<Exploration>()
        .add_systems(OnExit(Screen::Playing), stop)
        .add_systems(
            Update,
            (start, poll)
                .chain()
                .in_set(GameSet::Model)
                .run_if(in_state(Screen::Playing)),
        );
}

/// Leaving the game stops the exploration and forgets it (the next game has its own).
fn stop(mut exploration: ResMut<Exploration>) {
    exploration.stop();
    exploration.current = None;
}

/// Starts the exploration asked for, stopping the one running.
fn start(
    mut requests: MessageReader<ExploreRequest>,
    mut exploration: ResMut<Exploration>,
    model: Option<Res<Model>>,
) {
    let Some(ExploreRequest(lever)) = requests.read().last().copied() else {
        return;
    };
    let Some(m) = model else { return };
    exploration.stop();
    let levers = m.levers_requested();
    let days = exploration.days.min(m.scenario.horizon_days).max(1);
    let mut explore = Explore::around(lever, &levers, m.seed, days);
    explore.seeds = exploration.seeds.max(1);
    let deck = {
        let d = &m.world.resource::<crate::sim::dilemmas::DilemmaDeck>().0;
        (!d.dilemmas.is_empty()).then(|| d.clone())
    };
    let done = Arc::new(AtomicUsize::new(0));
    let stop = Arc::new(AtomicBool::new(false));
    let (scenario, job, counter, halt) = (
        m.scenario.clone(),
        explore.clone(),
        done.clone(),
        stop.clone(),
    );
    // On every core (a browser page's one thread, shared with the game in slices).
    let task =
        Job::spawn(async move { job.run(&scenario, deck.as_ref(), 0, &halt, &counter).await });
    exploration.current = Some(ExploreRun {
        at: levers.get(lever),
        explore,
        done,
        stop,
        outcome: ExploreOutcome::Running(task),
    });
}

/// Collects a finished exploration.
fn poll(mut exploration: ResMut<Exploration>) {
    let Some(run) = &mut exploration.current else {
        return;
    };
    let ExploreOutcome::Running(task) = &mut run.outcome else {
        return;
    };
    if let Some(points) = task.poll() {
        run.outcome = match points {
            Some(p) => ExploreOutcome::Done(Arc::new(p)),
            None => ExploreOutcome::Stopped,
        };
    }
}
