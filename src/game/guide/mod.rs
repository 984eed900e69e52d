//! The game teaching itself: the briefing before play, the help overlay (F1), and the first-run
//! guide on the default scenario. This is the logic (what is open, which step the guide is on and
//! what completes it), driven by the same input as the rest of the game, so that a test app can
//! walk through it with real key presses; the screens draw it ([`crate::game::panels::guide`]).
//!
//! The guide's steps point at the floor, a customer, the three stakeholder meters, one lever,
//! the speed buttons and the first dilemma card; each waits for the player to do it (or, for the
//! two that only show something, to press Enter). It can be skipped (S, or its button), and once
//! finished or skipped it is not shown again (the settings remember it).

use bevy::ecs::system::SystemParam;
use bevy::prelude::*;

use super::model::{Model, Pace};
use super::settings::{SettingsInUse, write_settings};
use super::state::{GameSet, Screen, Setup};
use super::ui::{Focus, Layout, Selected};
use crate::i18n::Lang;
use crate::sim::dilemmas::DilemmaState;

mod result;

use result::guide_replay;
pub use result::{Figures, GuideReplay, RESULT_DAYS, Tried};

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
                .in_set(GameSet::Input)
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

/// What the guide reads and moves besides itself: the clock, the setup (which remembers that the
/// guide is over), the player's focus, the game and the settings file.
#[derive(SystemParam)]
pub struct Around<'w> {
    pace: ResMut<'w, Pace>,
    setup: ResMut<'w, Setup>,
    focus: ResMut<'w, Focus>,
    model: Option<Res<'w, Model>>,
    settings: Option<ResMut<'w, SettingsInUse>>,
    lang: Res<'w, Lang>,
}

/// Keys for what is open: Enter or Space begins from the briefing; F1 opens and closes the help
/// (Esc closes it too); Enter moves the guide past a step that only shows something; S skips the
/// guide. They run after the game's own keys, which step aside while an overlay is open.
pub fn teaching_keys(
    keys: Res<ButtonInput<KeyCode>>,
    mut teaching: ResMut<Teaching>,
    layout: Res<Layout>,
    mut actions: MessageReader<TeachingAction>,
    around: Around,
) {
    let Around {
        mut pace,
        mut setup,
        mut focus,
        model,
        settings,
        lang,
    } = around;
    let t = &mut *teaching;
    let clicked: Vec<TeachingAction> = actions.read().copied().collect();
    let did = |a: TeachingAction| clicked.contains(&a);
    if layout.typing && clicked.is_empty() {
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
    if keys.just_pressed(KeyCode::F1) && !focus.menu_open {
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
            begin(t, &mut pace, &setup, &mut focus, model.as_deref());
        }
        return;
    }
    // A big event's card takes Enter first (the guide is hidden behind it).
    if model.as_deref().is_some_and(|m| m.news_card.is_some()) {
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
        let to = Next {
            setup: &mut setup,
            settings,
            lang: *lang,
            pace: &pace,
            focus: &mut focus,
        };
        next_step(t, step, to, model.as_deref());
    }
}

/// Closes the briefing and starts the clock (and the guide, when it is wanted).
pub fn begin(
    t: &mut Teaching,
    pace: &mut Pace,
    setup: &Setup,
    focus: &mut Focus,
    model: Option<&Model>,
) {
    t.briefing = false;
    pace.paused = false;
    let tutorial = model.is_some_and(|m| m.scenario.tutorial);
    // A timed session keeps its own pace and stops for the room: the guide, which pauses and
    // waits on the player, never opens inside one (the tutorial's guide included).
    if !setup.preset.timed() && (tutorial || (guide_wanted(setup) && !t.guide_over)) {
        focus.selected = None;
        // The guide watches the floor at the normal speed, whatever the last game was left at.
        pace.speed = 0;
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

/// What moving to the next step may change.
struct Next<'a, 'w> {
    setup: &'a mut Setup,
    settings: Option<ResMut<'w, SettingsInUse>>,
    lang: Lang,
    pace: &'a Pace,
    focus: &'a mut Focus,
}

fn next_step(t: &mut Teaching, step: GuideStep, to: Next, model: Option<&Model>) {
    let i = step.number();
    match GuideStep::ALL.get(i) {
        Some(&next) => {
            t.guide = Some(next);
            t.base = base(to.pace, model);
            if next == GuideStep::Customer {
                to.focus.selected = None;
            }
        }
        None => end_guide(t, to.setup, to.settings, to.lang),
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
        write_settings(&mut s, lang);
    }
}

/// Moves the guide on when the player has done what its step asks.
pub fn guide_progress(mut teaching: ResMut<Teaching>, around: Around) {
    let Around {
        pace,
        mut setup,
        mut focus,
        model,
        settings,
        lang,
    } = around;
    let t = &mut *teaching;
    let (Some(step), Some(model)) = (t.guide, model.as_deref()) else {
        return;
    };
    if t.help || t.briefing {
        return;
    }
    let done = match step {
        GuideStep::Floor | GuideStep::Meters | GuideStep::Result => false,
        GuideStep::Customer => matches!(focus.selected, Some(Selected::Customer(_))),
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
        let to = Next {
            setup: &mut setup,
            settings,
            lang: *lang,
            pace: &pace,
            focus: &mut focus,
        };
        next_step(t, step, to, Some(model));
    }
}
