//! The guide's result step: the lever the player changed at its lever step, the business's
//! figures in the week before and two weeks after, and the same weeks replayed without the
//! change (a background job), so that the guide shows what the change itself did.

use bevy::prelude::*;

use super::{GuideStep, Teaching};
use crate::game::model::Model;

/// How long after the lever change the guide shows what it did.
pub const RESULT_DAYS: u32 = 14;
/// The days each side of the change that the guide's figures are averaged over.
const FIGURE_DAYS: usize = 7;

/// The lever the player changed at the guide's lever step: which, from what to what, on which
/// day, and the business's figures in the week before.
#[derive(Debug, Clone, PartialEq)]
pub struct Tried {
    pub lever: crate::levers::Lever,
    pub from: crate::levers::LeverValue,
    pub to: crate::levers::LeverValue,
    pub day: u32,
    pub before: Figures,
    /// The last week had the change not been made: the game replayed from day 0 without it
    /// (worked out once, when the result is due; None when it could not be).
    pub without: Option<Figures>,
    /// Whether the replay was tried.
    pub replayed: bool,
    /// Whether the replay is running (the result step waits for it).
    pub replaying: bool,
}

/// The longest game the guide replays to show what its lever change did (a replay of a few
/// weeks takes milliseconds; the guide runs in a game's first minutes).
const REPLAY_DAYS: usize = 180;

impl Tried {
    /// Whether the result can be shown on `day` (two weeks have passed).
    pub fn ready(&self, day: u32) -> bool {
        day >= self.day + RESULT_DAYS
    }

    /// The game's decisions without this change: every change of this lever made on its day or
    /// later is taken back (a gesture of several key presses, 1.00 → 1.05 → 1.10, is one change
    /// to the player, and a replay without only its first step would set the same final value
    /// and show nothing); None when the game's decisions cannot be read or hold no such change.
    pub fn decisions_without(&self, model: &Model) -> Option<crate::headless::whatif::Decisions> {
        let mut decisions = crate::headless::whatif::Decisions::of_world(&model.world).ok()?;
        let of_this = |d: &crate::sim::levers::Decision| {
            d.day >= self.day && d.set.entries().iter().any(|(l, _)| *l == self.lever)
        };
        if !decisions.changes.iter().any(of_this) {
            return None;
        }
        decisions.changes.retain(|d| !of_this(d));
        Some(decisions)
    }

    /// What the replay of the game in `model` from day 0 to today without this change needs,
    /// as the end screen's what-if replays; None when it cannot be replayed.
    fn replay_job(&self, model: &Model) -> Option<ReplayJob> {
        let rows = model.history().rows.len();
        if rows > REPLAY_DAYS {
            return None;
        }
        let decisions = self.decisions_without(model)?;
        let deck = &model
            .world
            .resource::<crate::sim::dilemmas::DilemmaDeck>()
            .0;
        let deck = (!deck.dilemmas.is_empty()).then(|| deck.clone());
        Some(ReplayJob {
            scenario: model.scenario.clone(),
            seed: model.seed,
            deck,
            decisions,
            days: rows as u32,
        })
    }

    /// Replays the game without this change at once and keeps the last week's figures (scripted
    /// runs; the game replays in the background, [`GuideReplay`]).
    pub fn replay_now(&mut self, model: &Model) {
        self.to = model.levers_requested().get(self.lever);
        self.replayed = true;
        self.replaying = false;
        self.without = self
            .replay_job(model)
            .map(|job| bevy::tasks::block_on(job.run()));
    }
}

/// A replay the guide's result step compares against, owning what it needs (so that it can run
/// as a task: on a thread natively, between frames in a browser).
struct ReplayJob {
    scenario: crate::scenario::Scenario,
    seed: u64,
    deck: Option<crate::dilemmas::Deck>,
    decisions: crate::headless::whatif::Decisions,
    days: u32,
}

impl ReplayJob {
    /// The last week of the replay, giving a browser page a turn between slices of days.
    async fn run(self) -> Figures {
        let (run, _) = crate::headless::world::replay(
            &self.scenario,
            self.seed,
            self.deck.as_ref(),
            &self.decisions,
            self.days,
            &crate::i18n::Text::from_catalogue(|lang| crate::tr!(lang, "what-if-col")),
            &|_| {},
        )
        .await;
        Figures::of(&run.rows)
    }
}

/// The guide's replay without the player's lever change, while it runs.
#[derive(Resource, Default)]
pub struct GuideReplay(pub(super) Option<crate::game::job::Job<Figures>>);

impl GuideReplay {
    /// Blocks until the replay is done and hands its figures to the guide (for tests; the game
    /// polls).
    pub fn wait(&mut self, teaching: &mut Teaching) {
        if let Some(job) = self.0.take() {
            finish_replay(teaching, Some(job.wait()));
        }
    }
}

fn finish_replay(teaching: &mut Teaching, without: Option<Figures>) {
    if let Some(t) = teaching.tried.as_mut() {
        t.without = without;
        t.replaying = false;
    }
}

/// Starts the replay once the result is due, and takes its figures when it is done.
pub(super) fn guide_replay(
    mut teaching: ResMut<Teaching>,
    mut replay: ResMut<GuideReplay>,
    model: Option<Res<Model>>,
) {
    if let Some(task) = replay.0.as_mut() {
        if let Some(without) = task.poll() {
            replay.0 = None;
            finish_replay(&mut teaching, Some(without));
        }
        return;
    }
    let Some(model) = model.as_deref() else {
        return;
    };
    if teaching.guide != Some(GuideStep::Result) {
        return;
    }
    let Some(tried) = teaching.tried.as_mut() else {
        return;
    };
    if tried.replayed {
        return;
    }
    // The step ends at the gesture's first key press; what the player set is where the lever
    // stands when they stop (pressing → twice sets 1.10, not 1.05).
    tried.to = model.levers_requested().get(tried.lever);
    if !tried.ready(model.clock().day) {
        return;
    }
    tried.replayed = true;
    if let Some(job) = tried.replay_job(model) {
        tried.replaying = true;
        replay.0 = Some(crate::game::job::Job::spawn(job.run()));
    }
}

/// A week of the business, as the guide's result step compares it: means per day.
#[derive(Debug, Clone, Copy, PartialEq, Default)]
pub struct Figures {
    /// The mood of the visits (0–10).
    pub mood: Option<f64>,
    /// Minutes waited by those served.
    pub wait: Option<f64>,
    pub served: f64,
    /// Revenue a day, in cents.
    pub revenue: f64,
    /// Profit a day, in cents.
    pub profit: f64,
    pub morale: f64,
}

impl Figures {
    /// The means of the last week of `rows` (fewer days at the start of a game).
    pub fn of(rows: &[crate::sim::metrics::DayRow]) -> Figures {
        let week = &rows[rows.len().saturating_sub(FIGURE_DAYS)..];
        if week.is_empty() {
            return Figures::default();
        }
        let n = week.len() as f64;
        let mean_of = |f: &dyn Fn(&crate::sim::metrics::DayRow) -> Option<f64>| {
            let v: Vec<f64> = week.iter().filter_map(f).collect();
            (!v.is_empty()).then(|| v.iter().sum::<f64>() / v.len() as f64)
        };
        Figures {
            mood: mean_of(&|d| d.mean_mood),
            wait: mean_of(&|d| d.mean_wait_min),
            served: week.iter().map(|d| d.served as f64).sum::<f64>() / n,
            revenue: week.iter().map(|d| d.revenue as f64).sum::<f64>() / n,
            profit: week.iter().map(|d| d.profit as f64).sum::<f64>() / n,
            morale: week.iter().map(|d| d.morale).sum::<f64>() / n,
        }
    }
}
