//! What-if at the end of a game: replay the game from day 0 with one decision changed (another
//! choice at a dilemma, or one of the player's lever changes undone) and compare. The replay runs
//! as a task on Bevy's async compute pool (a thread of its own natively, the main thread between
//! frames in a browser), in a world of its own, so the end screen stays responsive; it uses the
//! same scenario, seed and deck as the game, and the game's decisions at the day and minute they
//! were taken, so with no change it reproduces the game byte for byte.

use crate::diagnostics::Msg;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, AtomicU32, AtomicUsize, Ordering};

use super::job::Job;
use bevy::ecs::system::SystemParam;
use bevy::prelude::*;

use crate::dilemmas::Deck;
use crate::headless::impact::{Impact, Replays, Which, counterfactuals};
use crate::headless::results::CustomerRecord;
use crate::headless::results::RunResult;
use crate::headless::whatif::Decisions;
use crate::headless::whatif::WhatIf;
use crate::headless::whatif::first_difference;
use crate::scenario::Scenario;
use crate::sim::dilemmas::DilemmaDeck;
use crate::sim::metrics::History;

use super::model::Model;
use super::state::{GameSet, Screen};

/// Asks for a replay of the game just ended with one decision changed.
#[derive(Message, Debug, Clone, PartialEq)]
pub struct WhatIfRequest(pub WhatIf);

/// The end screen's what-ifs: the one shown, and where to ask for another.
#[derive(SystemParam)]
pub struct WhatIfAccess<'w> {
    pub shown: Option<Res<'w, WhatIfs>>,
    pub requests: MessageWriter<'w, WhatIfRequest>,
}

/// The game just ended, as a replay needs it, and the what-if being run or shown.
#[derive(Resource)]
pub struct WhatIfs {
    pub scenario: Scenario,
    pub seed: u64,
    pub deck: Option<Deck>,
    /// Days the game lasted (the replay runs as long).
    pub days: u32,
    /// The game's decisions, or why they cannot be replayed.
    pub decisions: Result<Decisions, Msg>,
    pub current: Option<WhatIfRun>,
    /// What each decision did, worked out in the background from the moment the game ends.
    pub each: Option<EachDecision>,
}

/// The game replayed without each of its last decisions ([`crate::headless::impact`]).
pub struct EachDecision {
    /// How many replays, and how many are done.
    pub total: usize,
    pub done: Arc<AtomicUsize>,
    /// Set when the end screen is left: the replays stop between days.
    pub stop: Arc<AtomicBool>,
    pub outcome: EachOutcome,
}

pub enum EachOutcome {
    Running(Job<Option<Vec<Impact>>>),
    Done(Arc<Vec<Impact>>),
    Stopped,
}

impl EachDecision {
    /// The impacts, once all are measured.
    pub fn impacts(&self) -> Option<&Arc<Vec<Impact>>> {
        match &self.outcome {
            EachOutcome::Done(i) => Some(i),
            EachOutcome::Running(_) | EachOutcome::Stopped => None,
        }
    }
}

/// One what-if: running, finished, or failed.
pub struct WhatIfRun {
    pub change: WhatIf,
    /// Days replayed so far.
    pub progress: Arc<AtomicU32>,
    pub outcome: Outcome,
}

pub enum Outcome {
    Running(Job<(RunResult, Vec<CustomerRecord>)>),
    Done {
        /// Shared with the end screen, which draws it every frame.
        result: Arc<RunResult>,
        /// The first day the two runs differ (None: identical).
        first_difference: Option<u32>,
    },
    Failed(Msg),
}

impl WhatIfRun {
    pub fn result(&self) -> Option<&Arc<RunResult>> {
        match &self.outcome {
            Outcome::Done { result, .. } => Some(result),
            _ => None,
        }
    }

    pub fn is_running(&self) -> bool {
        matches!(self.outcome, Outcome::Running(_))
    }
}

impl WhatIfs {
    /// Blocks until every decision's replay is done (for tests and scripted runs).
    pub fn wait_each(&mut self) {
        let Some(each) = &mut self.each else { return };
        let outcome = std::mem::replace(&mut each.outcome, EachOutcome::Stopped);
        each.outcome = match outcome {
            EachOutcome::Running(job) => match job.wait() {
                Some(i) => EachOutcome::Done(Arc::new(i)),
                None => EachOutcome::Stopped,
            },
            other => other,
        };
    }

    /// Blocks until the current replay is over (for tests and scripted runs; the game polls).
    pub fn wait(&mut self, original: &[crate::sim::metrics::DayRow]) {
        let Some(run) = &mut self.current else { return };
        let outcome =
            std::mem::replace(&mut run.outcome, Outcome::Failed(Msg::Text(String::new())));
        run.outcome = match outcome {
            Outcome::Running(job) => finished(job.wait().0, original),
            other => other,
        };
    }
}

fn finished(result: RunResult, original: &[crate::sim::metrics::DayRow]) -> Outcome {
    match first_difference(original, &result.rows) {
        Ok(first_difference) => Outcome::Done {
            first_difference,
            result: Arc::new(result),
        },
        Err(e) => Outcome::Failed(crate::msg!("cli-cannot-compare", error = e)),
    }
}

pub(super) fn plugin(app: &mut App) {
    app.add_message::<WhatIfRequest>()
        .add_systems(OnEnter(Screen::End), prepare)
        .add_systems(OnExit(Screen::End), stop_each)
        .add_systems(
            Update,
            (start, poll, poll_each)
                .chain()
                .in_set(GameSet::Model)
                .run_if(in_state(Screen::End)),
        );
}

/// Takes what a replay needs from the game that just ended, and starts working out what each of
/// its decisions did.
pub fn prepare(mut commands: Commands, model: Option<Res<Model>>) {
    let Some(m) = model else { return };
    let mut w = WhatIfs {
        scenario: m.scenario.clone(),
        seed: m.seed,
        deck: {
            let d = &m.world.resource::<DilemmaDeck>().0;
            (!d.dilemmas.is_empty()).then(|| d.clone())
        },
        days: m.world.resource::<History>().rows.len() as u32,
        decisions: Decisions::of_world(&m.world),
        current: None,
        each: None,
    };
    if let Ok(decisions) = &w.decisions {
        let made = &m
            .world
            .resource::<crate::sim::dilemmas::DilemmaState>()
            .made;
        let each = counterfactuals(
            decisions,
            made,
            w.deck.as_ref(),
            Which::Last(crate::headless::impact::DEFAULT_LAST),
        );
        w.each = Some(start_each(&w, decisions.clone(), each, &m.history().rows));
    }
    commands.insert_resource(w);
}

/// Starts the replays without each decision, on the async compute pool (each replay on a thread
/// of a pool of its own as wide as the machine).
fn start_each(
    w: &WhatIfs,
    decisions: Decisions,
    each: Vec<crate::headless::impact::Counterfactual>,
    played: &[crate::sim::metrics::DayRow],
) -> EachDecision {
    let done = Arc::new(AtomicUsize::new(0));
    let stop = Arc::new(AtomicBool::new(false));
    let total = each.len();
    let (s, seed, deck, days) = (w.scenario.clone(), w.seed, w.deck.clone(), w.days);
    let played = played.to_vec();
    let (counter, halt) = (done.clone(), stop.clone());
    let task = Job::spawn(async move {
        let replays = Replays {
            scenario: &s,
            seed,
            deck: deck.as_ref(),
            decisions: &decisions,
            days,
        };
        // On every core (a browser page's one thread, shared with the game in slices).
        replays.measure(&played, &each, 0, &halt, &counter).await
    });
    EachDecision {
        total,
        done,
        stop,
        outcome: EachOutcome::Running(task),
    }
}

/// Leaving the end screen stops the replays still running.
fn stop_each(what_ifs: Option<Res<WhatIfs>>) {
    if let Some(e) = what_ifs.as_deref().and_then(|w| w.each.as_ref()) {
        e.stop.store(true, Ordering::Relaxed);
    }
}

/// Collects what each decision did once every replay is done.
fn poll_each(what_ifs: Option<ResMut<WhatIfs>>) {
    let Some(mut w) = what_ifs else { return };
    let Some(each) = &mut w.each else { return };
    let EachOutcome::Running(task) = &mut each.outcome else {
        return;
    };
    if let Some(impacts) = task.poll() {
        each.outcome = match impacts {
            Some(i) => EachOutcome::Done(Arc::new(i)),
            None => EachOutcome::Stopped,
        };
    }
}

/// Starts the replay asked for (one at a time: a request while one runs is ignored).
fn start(mut requests: MessageReader<WhatIfRequest>, what_ifs: Option<ResMut<WhatIfs>>) {
    let Some(request) = requests.read().last().cloned() else {
        return;
    };
    let Some(mut w) = what_ifs else { return };
    if w.current.as_ref().is_some_and(WhatIfRun::is_running) {
        return;
    }
    let decisions = match &w.decisions {
        Ok(d) => d.clone(),
        Err(_) => return,
    };
    let change = request.0;
    let progress = Arc::new(AtomicU32::new(0));
    let outcome = match change.apply(&decisions, w.deck.as_ref()) {
        Err(e) => Outcome::Failed(e),
        Ok(changed) => {
            let (s, seed, deck, days) = (w.scenario.clone(), w.seed, w.deck.clone(), w.days);
            let counter = progress.clone();
            Outcome::Running(Job::spawn(async move {
                crate::headless::world::replay(
                    &s,
                    seed,
                    deck.as_ref(),
                    &changed,
                    days,
                    &crate::i18n::Text::from_catalogue(|lang| crate::tr!(lang, "what-if-col")),
                    &|day| counter.store(day, Ordering::Relaxed),
                )
                .await
            }))
        }
    };
    w.current = Some(WhatIfRun {
        change,
        progress,
        outcome,
    });
}

/// What each decision did, once measured, with each decision's label in `lang` (for the
/// debrief).
pub fn impacts_labelled(
    w: &WhatIfs,
    lang: crate::i18n::Lang,
) -> Option<(Vec<Impact>, Vec<String>)> {
    let impacts = w.each.as_ref()?.impacts()?;
    let decisions = w.decisions.as_ref().ok()?;
    let labels = impacts
        .iter()
        .map(|i| {
            crate::headless::impact::decision_label(&i.decision, decisions, w.deck.as_ref(), lang)
        })
        .collect();
    Some((impacts.to_vec(), labels))
}

/// The change in the player's words: a dilemma by its title and the choice by its label.
pub fn label(change: &WhatIf, w: &WhatIfs, lang: crate::i18n::Lang) -> String {
    match &w.decisions {
        Ok(d) => change.describe(d, w.deck.as_ref(), lang),
        Err(_) => String::new(),
    }
}

/// Collects a finished replay.
fn poll(what_ifs: Option<ResMut<WhatIfs>>, model: Option<Res<Model>>) {
    let (Some(mut w), Some(m)) = (what_ifs, model) else {
        return;
    };
    let Some(run) = &mut w.current else { return };
    let Outcome::Running(task) = &mut run.outcome else {
        return;
    };
    if let Some((r, _)) = task.poll() {
        run.outcome = finished(r, &m.history().rows);
    }
}
