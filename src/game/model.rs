//! The model as the game holds it: a world of its own (so that "play again" is a fresh world and
//! a load replaces it whole), ticked a number of times per frame according to the speed. The
//! game reads the model's state and sends the player's decisions back as lever requests and
//! dilemma choices; the model never knows it is drawn.

use bevy::prelude::*;

use crate::dilemmas::Deck;
use crate::levers::{LeverSet, Levers};
use crate::scenario::Scenario;
use crate::sim::clock::Clock;
use crate::sim::dilemmas::{DilemmaDeck, DilemmaPolicy, DilemmaState, resolve_pending};
use crate::sim::floor::{Floor, FloorEvent, FloorLog};
use crate::sim::levers::LeverRequests;
use crate::sim::metrics::History;
use crate::sim::{EndReason, GameOver};

use super::state::{GameSet, Screen};
use crate::tr;

/// The running model.
#[derive(Resource)]
pub struct Model {
    pub world: World,
    pub scenario: Scenario,
    pub seed: u64,
    /// How many of the model's big events (board meetings, press stories) the player has been
    /// shown a card for.
    pub news_seen: usize,
    /// The big event whose card is open: the clock waits until the player goes on.
    pub news_card: Option<crate::sim::news::NewsItem>,
}

impl Model {
    /// A new game: the scenario's day 0, dilemmas waiting for the player.
    pub fn new(scenario: Scenario, seed: u64, deck: Option<Deck>) -> Self {
        let mut app = crate::headless::world::prepare_with(&scenario, seed, None, deck.as_ref());
        let mut world = std::mem::take(app.world_mut());
        world.resource_mut::<DilemmaPolicy>().wait_for_player = true;
        Model {
            world,
            scenario,
            seed,
            news_seen: 0,
            news_card: None,
        }
    }

    /// A model of a game loaded from a save: the events it had already met are not shown again.
    pub fn loaded(world: World, scenario: Scenario, seed: u64) -> Self {
        let news_seen = world.resource::<crate::sim::news::News>().0.len();
        Model {
            world,
            scenario,
            seed,
            news_seen,
            news_card: None,
        }
    }

    /// Opens the card of the next big event not yet shown (true if one opened).
    pub fn next_news(&mut self) -> bool {
        if self.news_card.is_some() {
            return false;
        }
        let next = self
            .world
            .resource::<crate::sim::news::News>()
            .0
            .get(self.news_seen)
            .cloned();
        let opened = next.is_some();
        if opened {
            self.news_seen += 1;
            self.news_card = next;
        }
        opened
    }

    pub fn clock(&self) -> &Clock {
        self.world.resource::<Clock>()
    }

    pub fn history(&self) -> &History {
        self.world.resource::<History>()
    }

    pub fn floor(&self) -> &Floor {
        self.world.resource::<Floor>()
    }

    pub fn game_over(&self) -> Option<EndReason> {
        self.world.resource::<GameOver>().0
    }

    /// The dilemma waiting for the player, if any.
    pub fn pending_dilemma(&self) -> Option<&crate::dilemmas::Dilemma> {
        let id = self.world.resource::<DilemmaState>().pending.as_ref()?;
        self.world.resource::<DilemmaDeck>().0.get(id)
    }

    /// One model tick; what happened on the floor is returned for the view. A tick in which a
    /// dilemma fires stops there (nothing happened on the floor) and runs again after the choice.
    pub fn tick(&mut self) -> Vec<FloorEvent> {
        crate::sim::run_ticks(&mut self.world, |_| false);
        if self.pending_dilemma().is_some() {
            return Vec::new();
        }
        self.world.resource::<FloorLog>().0.clone()
    }

    /// The player's lever change: applied at the start of the next tick and logged with its day
    /// and minute. Refused (false) while a dilemma waits: the choice comes first, as it does when
    /// the game is replayed.
    ///
    /// Changes made before the next tick (several key presses or clicks while paused) are one
    /// decision: they merge into the change already waiting, so the log, the what-if's list and a
    /// replay all see the levers as the player left them at that moment.
    pub fn request(&mut self, set: LeverSet) -> bool {
        if self.pending_dilemma().is_some() {
            return false;
        }
        let current = self.world.resource::<Levers>().clone();
        let mut requests = self.world.resource_mut::<LeverRequests>();
        let mut merged = requests.now.pop().unwrap_or_default();
        merged.merge(&set);
        // Only the levers that end up changed: a step there and back is no decision at all.
        let mut after = current.clone();
        after.apply(&merged);
        let changed = merged.only_changed(&current, &after);
        if !changed.is_empty() {
            requests.now.push(changed);
        }
        true
    }

    /// The levers as they will be once the player's waiting changes take effect (what the panel
    /// shows and what a keyboard step starts from).
    pub fn levers_requested(&self) -> Levers {
        let mut levers = self.world.resource::<Levers>().clone();
        for set in &self.world.resource::<LeverRequests>().now {
            levers.apply(set);
        }
        levers
    }

    /// Ends the game now, for the debrief: the day under way is finished first (its remaining
    /// ticks run at once), so the game ends between days like every other ending and its
    /// history is whole days. A day not yet begun, or a dilemma still waiting, is not started.
    pub fn end_here(&mut self) {
        if self.game_over().is_some() {
            return;
        }
        if self.clock().tick != 0 {
            crate::sim::run_day(&mut self.world);
        }
        let mut over = self.world.resource_mut::<GameOver>();
        if over.0.is_none() {
            over.0 = Some(EndReason::EndedByPlayer);
        }
    }

    /// The player's answer to the pending dilemma.
    pub fn choose(&mut self, choice: &str) -> bool {
        resolve_pending(&mut self.world, choice)
    }
}

/// Speeds: ticks per second of real time; the last runs as many ticks as fit in a frame.
pub const SPEEDS: [f32; 5] = [2.0, 4.0, 8.0, 16.0, f32::INFINITY];
/// How each speed reads on screen (the fastest by its catalogue key).
pub fn speed_name(i: usize, lang: crate::i18n::Lang) -> String {
    // Relative to the slowest; the last runs as fast as the machine can.
    match SPEEDS.get(i) {
        Some(r) if r.is_finite() => format!("{}×", r / SPEEDS[0]),
        _ => tr!(lang, "fastest"),
    }
}
/// Ticks a frame at the fastest speed (in a browser, at most [`crate::platform::SLICE`] of them).
const FASTEST_BUDGET_TICKS: u32 = 400;

#[derive(Resource, Debug, Clone)]
pub struct Pace {
    pub paused: bool,
    pub speed: usize,
    /// Fractional ticks owed.
    pub owed: f32,
}

impl Default for Pace {
    fn default() -> Self {
        Pace {
            paused: false,
            speed: 0,
            owed: 0.0,
        }
    }
}

/// What the model did since the last frame, for the view.
#[derive(Resource, Debug, Default)]
pub struct FrameEvents {
    pub floor: Vec<FloorEvent>,
    /// Ticks run this frame.
    pub ticks: u32,
    /// Days that ended this frame.
    pub days_ended: u32,
}

/// The ends of days the model stops at, whatever its pace (the saves ask for them: a save is
/// taken between days, where continuing it is exact).
#[derive(Resource, Debug, Clone, Copy, Default)]
pub struct StopAtDayEnd {
    /// At the end of every this many days (0: never).
    pub every: u32,
    /// At the end of the day under way.
    pub next: bool,
}

impl StopAtDayEnd {
    /// Whether the model stops now that `new_day` has begun.
    pub fn at(&self, new_day: u32) -> bool {
        self.next || (self.every > 0 && new_day.is_multiple_of(self.every))
    }
}

pub(super) fn plugin(app: &mut App) {
    app.init_resource::<Pace>()
        .init_resource::<StopAtDayEnd>()
        .init_resource::<FrameEvents>()
        .add_systems(
            Update,
            (advance_model, detect_end)
                .chain()
                .in_set(GameSet::Model)
                .run_if(in_state(Screen::Playing)),
        );
}

/// Runs as many ticks as the pace owes, stopping at a dilemma (time waits for the player) or at
/// the end of the game.
pub fn advance_model(
    time: Res<Time>,
    mut pace: ResMut<Pace>,
    model: Option<ResMut<Model>>,
    mut events: ResMut<FrameEvents>,
    stops: Res<StopAtDayEnd>,
    mut session: ResMut<super::session::Session>,
) {
    events.floor.clear();
    events.ticks = 0;
    events.days_ended = 0;
    let Some(mut model) = model else { return };
    if pace.paused
        || model.pending_dilemma().is_some()
        || model.news_card.is_some()
        || model.game_over().is_some()
        || session.discussing.is_some()
    {
        pace.owed = 0.0;
        return;
    }
    // A timed session keeps its own pace: the whole horizon in its minutes of play.
    let rate = session
        .rate
        .unwrap_or(SPEEDS[pace.speed.min(SPEEDS.len() - 1)]);
    let due = if rate.is_finite() {
        pace.owed += rate * time.delta_secs();
        let n = pace.owed.floor();
        pace.owed -= n;
        // After a long stall (a window drag), do not try to catch up minutes of model time.
        (n as u32).min(64)
    } else {
        FASTEST_BUDGET_TICKS
    };
    // In a browser the page's one thread also draws and answers the player: there the fastest
    // speed runs the model for a slice of time a frame, not a fixed number of ticks (the model's
    // days are the same either way; only how many pass in a frame differs).
    let started = bevy::platform::time::Instant::now();
    for _ in 0..due {
        if crate::platform::BROWSER
            && !rate.is_finite()
            && started.elapsed() >= crate::platform::SLICE
        {
            break;
        }
        let day = model.clock().day;
        // The room's discussion, between days: the model waits for it.
        if model.clock().tick == 0 && session.due(day) {
            session.open();
            pace.owed = 0.0;
            break;
        }
        let happened = model.tick();
        // At high speed the floor is a blur: keep only the last tick's events for the view.
        if rate.is_finite() {
            events.floor.extend(happened);
        } else {
            events.floor = happened;
        }
        events.ticks += 1;
        if model.clock().day != day {
            events.days_ended += 1;
            // A board meeting or a press story: its card stops the clock (the game's last
            // meeting, which ends it, is told by the end screen).
            if model.game_over().is_none() && model.next_news() {
                break;
            }
            // A save is due: stop between days so that it is taken there.
            if stops.at(model.clock().day) {
                break;
            }
        }
        if model.pending_dilemma().is_some() || model.game_over().is_some() {
            break;
        }
    }
}

pub fn detect_end(model: Option<Res<Model>>, mut next: ResMut<NextState<Screen>>) {
    if model.is_some_and(|m| m.game_over().is_some()) {
        next.set(Screen::End);
    }
}
