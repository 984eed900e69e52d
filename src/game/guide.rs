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
    /// Answer the first dilemma card.
    Dilemma,
}

impl GuideStep {
    pub const ALL: [GuideStep; 6] = [
        GuideStep::Floor,
        GuideStep::Customer,
        GuideStep::Meters,
        GuideStep::Lever,
        GuideStep::Speed,
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
            GuideStep::Dilemma => "guide-dilemma",
        }
    }

    /// Whether Enter completes the step (it only shows something).
    pub fn shows_only(self) -> bool {
        matches!(self, GuideStep::Floor | GuideStep::Meters)
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
}

#[derive(Debug, Default, Clone)]
struct Base {
    levers: Option<crate::levers::Levers>,
    speed: usize,
    choices: usize,
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
        .add_message::<TeachingAction>()
        .add_systems(OnEnter(Screen::Playing), open_briefing)
        .add_systems(
            Update,
            (teaching_keys, guide_progress)
                .chain()
                .in_set(super::GameSet::Input)
                .after(super::input::keyboard)
                .run_if(in_state(Screen::Playing)),
        )
        .add_systems(OnExit(Screen::Playing), |mut t: ResMut<Teaching>| {
            t.briefing = false;
            t.help = false;
            t.guide = None;
        });
}

/// Whether the guide is for this game: the default scenario (the first bundled one), and a
/// player who has not finished or skipped it.
fn guide_wanted(setup: &Setup) -> bool {
    setup.guide
        && setup.chosen == 0
        && setup.scenario().is_some_and(|(name, ..)| {
            Some(name.as_str()) == crate::scenario::bundled::ALL.first().map(|b| b.0)
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
    if let Some(step) = t.guide
        && step.shows_only()
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
    if guide_wanted(setup) && !t.guide_over {
        ui.selected = None;
        t.guide = Some(GuideStep::Floor);
        t.base = base(pace, model);
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
        GuideStep::Floor | GuideStep::Meters => false,
        GuideStep::Customer => matches!(ui.selected, Some(Selected::Customer(_))),
        GuideStep::Lever => t
            .base
            .levers
            .as_ref()
            .is_some_and(|l| *l != model.levers_requested()),
        GuideStep::Speed => pace.speed != t.base.speed,
        GuideStep::Dilemma => model.world.resource::<DilemmaState>().made.len() > t.base.choices,
    };
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
