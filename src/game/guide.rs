//! The game teaching itself: the briefing before play, the help overlay (F1), and the first-run
//! guide on the default scenario. This is the logic (what is open, which step the guide is on and
//! what completes it), driven by the same input as the rest of the game, so that a test app can
//! walk through it with real key presses; the screens draw it ([`crate::game::panels::guide`]).
//!
//! The guide's steps point at the floor, a customer, the three stakeholder meters, one lever,
//! the speed buttons and the first dilemma card; each waits for the player to do it (or, for the
//! two that only show something, to press Enter). It can be skipped (S, or its button), and once
//! finished or skipped it is not shown again (the settings remember it).

use bevy::prelude::*;

use super::input::{Selected, UiState};
use super::model::{Model, Pace};
use super::{Screen, SettingsInUse, Setup};
use crate::sim::dilemmas::DilemmaState;

/// The guide's steps, in order.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum GuideStep {
    /// The floor: where customers come in, queue, are served and leave (Enter to go on).
    Floor,
    /// Inspect a customer (a click on one, or the book from the keyboard).
    Customer,
    /// The three stakeholder meters (Enter to go on).
    Meters,
    /// Change one lever.
    Lever,
    /// Change the speed.
    Speed,
    /// What the lever change did, two weeks later (Enter to go on, once it is shown).
    Result,
    /// Answer the first dilemma card.
    Dilemma,
}

impl GuideStep {
    pub const ALL: [GuideStep; 7] = [
        GuideStep::Floor,
        GuideStep::Customer,
        GuideStep::Meters,
        GuideStep::Lever,
        GuideStep::Speed,
        GuideStep::Result,
        GuideStep::Dilemma,
    ];

    /// The catalogue key of what the step says.
    pub fn key(self) -> &'static str {
        match self {
            GuideStep::Floor => "guide-floor",
            GuideStep::Customer => "guide-customer",
            GuideStep::Meters => "guide-meters",
            GuideStep::Lever => "guide-lever",
            GuideStep::Speed => "guide-speed",
            GuideStep::Result => "guide-result-next",
            GuideStep::Dilemma => "guide-dilemma",
        }
    }

    /// Whether Enter completes the step (it only shows something).
    pub fn shows_only(self) -> bool {
        matches!(
            self,
            GuideStep::Floor | GuideStep::Meters | GuideStep::Result
        )
    }

    pub fn number(self) -> usize {
        GuideStep::ALL.iter().position(|s| *s == self).unwrap_or(0) + 1
    }
}

/// What is open over the playing screen, and where the guide is.
#[derive(Resource, Debug, Default, Clone)]
pub struct Teaching {
    /// The briefing before play (the clock waits).
    pub briefing: bool,
    /// The help overlay (F1; the clock waits), and whether the game was paused before it.
    pub help: bool,
    paused_before_help: bool,
    /// The guide's step, while it runs.
    pub guide: Option<GuideStep>,
    /// What the game looked like when the step began (a step is done when it changed).
    base: Base,
    /// The guide ran to its end or was skipped (in this session).
    pub guide_over: bool,
    /// The lever the player changed at the guide's lever step, for its result step.
    pub tried: Option<Tried>,
}

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

    /// What the replay of the game in `model` from day 0 to today without this change (the
    /// first change of this lever made on its day or later) needs, as the end screen's what-if
    /// replays; None when it cannot be replayed.
    fn replay_job(&self, model: &Model) -> Option<ReplayJob> {
        use crate::headless::whatif::{Decisions, WhatIf};
        let rows = model.history().rows.len();
        if rows > REPLAY_DAYS {
            return None;
        }
        let decisions = Decisions::of_world(&model.world).ok()?;
        let n = decisions.changes.iter().position(|d| {
            d.day >= self.day && d.set.entries().iter().any(|(l, _)| *l == self.lever)
        })?;
        let deck = &model
            .world
            .resource::<crate::sim::dilemmas::DilemmaDeck>()
            .0;
        let deck = (!deck.dilemmas.is_empty()).then(|| deck.clone());
        let changed = WhatIf::Undo(n + 1).apply(&decisions, deck.as_ref()).ok()?;
        Some(ReplayJob {
            scenario: model.scenario.clone(),
            seed: model.seed,
            deck,
            decisions: changed,
            days: rows as u32,
        })
    }

    /// Replays the game without this change at once and keeps the last week's figures (scripted
    /// runs; the game replays in the background, [`GuideReplay`]).
    pub fn replay_now(&mut self, model: &Model) {
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
pub struct GuideReplay(Option<super::job::Job<Figures>>);

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
fn guide_replay(
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
    if tried.replayed || !tried.ready(model.clock().day) {
        return;
    }
    tried.replayed = true;
    if let Some(job) = tried.replay_job(model) {
        tried.replaying = true;
        replay.0 = Some(super::job::Job::spawn(job.run()));
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

#[derive(Debug, Default, Clone)]
struct Base {
    levers: Option<crate::levers::Levers>,
    speed: usize,
    choices: usize,
}

impl Teaching {
    /// Whether a step that only shows something can be passed on `day`: the result step once
    /// its two weeks have passed.
    pub fn may_go_on(&self, step: GuideStep, day: u32) -> bool {
        step != GuideStep::Result
            || self
                .tried
                .as_ref()
                .is_none_or(|t| t.ready(day) && !t.replaying)
    }
}

/// What the player did on the briefing, the help or the guide with the mouse (the keys do the
/// same in [`teaching_keys`]).
#[derive(Message, Debug, Clone, Copy, PartialEq, Eq)]
pub enum TeachingAction {
    /// "Begin" on the briefing.
    Begin,
    /// "Next" on a guide step that only shows something.
    Next,
    /// "Skip the guide".
    Skip,
    /// "Close" on the help.
    CloseHelp,
}

pub(super) fn plugin(app: &mut App) {
    app.init_resource::<Teaching>()
        .init_resource::<GuideReplay>()
        .add_message::<TeachingAction>()
        .add_systems(OnEnter(Screen::Playing), open_briefing)
        .add_systems(
            Update,
            (teaching_keys, guide_progress, guide_replay)
                .chain()
                .in_set(super::GameSet::Input)
                .after(super::input::keyboard)
                .run_if(in_state(Screen::Playing)),
        )
        .add_systems(
            OnExit(Screen::Playing),
            |mut t: ResMut<Teaching>, mut replay: ResMut<GuideReplay>| {
                // A replay still running is dropped (which cancels it).
                replay.0 = None;
                t.briefing = false;
                t.help = false;
                t.guide = None;
            },
        );
}

/// Whether the guide is for this game: the default scenario (the first bundled one), and a
/// player who has not finished or skipped it.
fn guide_wanted(setup: &Setup) -> bool {
    setup.guide
        && setup.chosen == 0
        && setup.scenario().is_some_and(|(name, ..)| {
            name.as_str() == crate::bundle::ALL[crate::bundle::DEFAULT].scenario.path
        })
}

/// A new game opens on its briefing (when the setup asks for one), the clock waiting.
fn open_briefing(setup: Res<Setup>, mut teaching: ResMut<Teaching>, mut pace: ResMut<Pace>) {
    teaching.help = false;
    teaching.guide = None;
    if setup.brief {
        teaching.briefing = true;
        pace.paused = true;
    }
}

/// Keys for what is open: Enter or Space begins from the briefing; F1 opens and closes the help
/// (Esc closes it too); Enter moves the guide past a step that only shows something; S skips the
/// guide. They run after the game's own keys, which step aside while an overlay is open.
#[allow(clippy::too_many_arguments)]
pub fn teaching_keys(
    keys: Res<ButtonInput<KeyCode>>,
    mut teaching: ResMut<Teaching>,
    mut pace: ResMut<Pace>,
    mut setup: ResMut<Setup>,
    mut ui: ResMut<UiState>,
    mut actions: MessageReader<TeachingAction>,
    model: Option<Res<Model>>,
    settings: Option<ResMut<SettingsInUse>>,
    lang: Res<crate::i18n::Lang>,
) {
    let t = &mut *teaching;
    let clicked: Vec<TeachingAction> = actions.read().copied().collect();
    let did = |a: TeachingAction| clicked.contains(&a);
    if ui.typing && clicked.is_empty() {
        return;
    }
    if t.help {
        if keys.just_pressed(KeyCode::F1)
            || keys.just_pressed(KeyCode::Escape)
            || did(TeachingAction::CloseHelp)
        {
            t.help = false;
            pace.paused = t.paused_before_help;
        }
        return;
    }
    if keys.just_pressed(KeyCode::F1) && !ui.menu_open {
        t.help = true;
        t.paused_before_help = pace.paused;
        pace.paused = true;
        return;
    }
    if t.briefing {
        if keys.just_pressed(KeyCode::Enter)
            || keys.just_pressed(KeyCode::Space)
            || did(TeachingAction::Begin)
        {
            begin(t, &mut pace, &setup, &mut ui, model.as_deref());
        }
        return;
    }
    let skip = did(TeachingAction::Skip) || keys.just_pressed(KeyCode::KeyS);
    if skip && t.guide.is_some() {
        end_guide(t, &mut setup, settings, *lang);
        return;
    }
    let day = model.as_deref().map_or(0, |m| m.clock().day);
    if let Some(step) = t.guide
        && step.shows_only()
        && t.may_go_on(step, day)
        && (keys.just_pressed(KeyCode::Enter) || did(TeachingAction::Next))
    {
        next_step(
            t,
            step,
            &mut setup,
            settings,
            *lang,
            &pace,
            &mut ui,
            model.as_deref(),
        );
    }
}

/// Closes the briefing and starts the clock (and the guide, when it is wanted).
pub fn begin(
    t: &mut Teaching,
    pace: &mut Pace,
    setup: &Setup,
    ui: &mut UiState,
    model: Option<&Model>,
) {
    t.briefing = false;
    pace.paused = false;
    let tutorial = model.is_some_and(|m| m.scenario.tutorial);
    if tutorial || (guide_wanted(setup) && !t.guide_over) {
        ui.selected = None;
        t.guide = Some(GuideStep::Floor);
        t.base = base(pace, model);
        t.tried = None;
    }
}

fn base(pace: &Pace, model: Option<&Model>) -> Base {
    Base {
        levers: model.map(Model::levers_requested),
        speed: pace.speed,
        choices: model.map_or(0, |m| m.world.resource::<DilemmaState>().made.len()),
    }
}

#[allow(clippy::too_many_arguments)]
fn next_step(
    t: &mut Teaching,
    step: GuideStep,
    setup: &mut Setup,
    settings: Option<ResMut<SettingsInUse>>,
    lang: crate::i18n::Lang,
    pace: &Pace,
    ui: &mut UiState,
    model: Option<&Model>,
) {
    let i = step.number();
    match GuideStep::ALL.get(i) {
        Some(&next) => {
            t.guide = Some(next);
            t.base = base(pace, model);
            if next == GuideStep::Customer {
                ui.selected = None;
            }
        }
        None => end_guide(t, setup, settings, lang),
    }
}

/// The guide is over (finished or skipped): not shown again, in this session or the next.
fn end_guide(
    t: &mut Teaching,
    setup: &mut Setup,
    settings: Option<ResMut<SettingsInUse>>,
    lang: crate::i18n::Lang,
) {
    t.guide = None;
    t.guide_over = true;
    setup.guide = false;
    if let Some(mut s) = settings
        && !s.settings.guide_done
    {
        s.settings.guide_done = true;
        super::screens::write_settings(&mut s, lang);
    }
}

/// Moves the guide on when the player has done what its step asks.
#[allow(clippy::too_many_arguments)]
pub fn guide_progress(
    mut teaching: ResMut<Teaching>,
    pace: Res<Pace>,
    mut ui: ResMut<UiState>,
    model: Option<Res<Model>>,
    mut setup: ResMut<Setup>,
    settings: Option<ResMut<SettingsInUse>>,
    lang: Res<crate::i18n::Lang>,
) {
    let t = &mut *teaching;
    let (Some(step), Some(model)) = (t.guide, model.as_deref()) else {
        return;
    };
    if t.help || t.briefing {
        return;
    }
    let done = match step {
        GuideStep::Floor | GuideStep::Meters | GuideStep::Result => false,
        GuideStep::Customer => matches!(ui.selected, Some(Selected::Customer(_))),
        GuideStep::Lever => t
            .base
            .levers
            .as_ref()
            .is_some_and(|l| *l != model.levers_requested()),
        GuideStep::Speed => pace.speed != t.base.speed,
        GuideStep::Dilemma => model.world.resource::<DilemmaState>().made.len() > t.base.choices,
    };
    if done && step == GuideStep::Lever {
        let now = model.levers_requested();
        t.tried = t.base.levers.as_ref().and_then(|was| {
            let lever = crate::levers::Lever::ALL
                .into_iter()
                .find(|&l| was.get(l) != now.get(l))?;
            Some(Tried {
                lever,
                from: was.get(lever),
                to: now.get(lever),
                day: model.clock().day,
                before: Figures::of(&model.history().rows),
                without: None,
                replayed: false,
                replaying: false,
            })
        });
    }
    if done {
        next_step(
            t,
            step,
            &mut setup,
            settings,
            *lang,
            &pace,
            &mut ui,
            Some(model),
        );
    }
}
