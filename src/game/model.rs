//! The model as the game holds it: a world of its own (so that "play again" is a fresh world and
//! a load replaces it whole), ticked a number of times per frame according to the speed. The
//! game reads the model's state and sends the player's decisions back as lever requests and
//! dilemma choices; the model never knows it is drawn.

use bevy::prelude::*;

use crate::dilemmas::Deck;
use crate::levers::{LeverSet, Levers};
use crate::scenario::Scenario;
use crate::sim::advisor::AdvisorLog;
use crate::sim::clock::Clock;
use crate::sim::customers::Customers;
use crate::sim::dilemmas::{DilemmaDeck, DilemmaPolicy, DilemmaState, resolve_pending};
use crate::sim::floor::{Floor, FloorEvent, FloorLog};
use crate::sim::levers::{DecisionSource, LeverRequests};
use crate::sim::metrics::History;
use crate::sim::{EndReason, GameOver};

use super::Screen;
use crate::i18n::Lang;
use crate::tr;

/// The running model.
#[derive(Resource)]
pub struct Model {
    pub world: World,
    pub scenario: Scenario,
    pub seed: u64,
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
        }
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

/// The message feed.
#[derive(Resource, Default, Clone)]
pub struct Feed {
    /// Each line by day, written in whatever language the screen is in when it is drawn, with
    /// the customer it is about (a click on it opens them in the inspector).
    pub lines: Vec<(u32, FeedLine, Option<u32>)>,
    /// The game's first line ("you take over…") was written.
    started: bool,
    advice_seen: usize,
    choices_seen: usize,
    rows_seen: usize,
    decisions_seen: usize,
    came_seen: usize,
    /// The highest 500-customer milestone announced (a business hovering around one is not
    /// announced again each time it crosses back).
    best_milestone: u32,
}

/// A line of the feed, put into words when drawn.
pub type FeedLine = std::sync::Arc<dyn Fn(Lang) -> String + Send + Sync>;

impl Feed {
    /// The lines as they read in `lang`.
    pub fn read(&self, lang: Lang) -> Vec<(u32, String)> {
        self.lines.iter().map(|(d, l, _)| (*d, l(lang))).collect()
    }

    pub fn push(&mut self, day: u32, line: impl Fn(Lang) -> String + Send + Sync + 'static) {
        self.push_about(day, None, line);
    }

    /// A line about one customer.
    pub fn push_about(
        &mut self,
        day: u32,
        customer: Option<u32>,
        line: impl Fn(Lang) -> String + Send + Sync + 'static,
    ) {
        self.lines.push((day, std::sync::Arc::new(line), customer));
        let excess = self.lines.len().saturating_sub(200);
        self.lines.drain(..excess);
    }
}

pub(super) fn plugin(app: &mut App) {
    app.init_resource::<Pace>()
        .init_resource::<FrameEvents>()
        .init_resource::<Feed>()
        .add_systems(
            Update,
            (advance_model, update_feed, detect_end)
                .chain()
                .in_set(super::GameSet::Model)
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
    saves: (
        Option<Res<super::saves::SaveConfig>>,
        Res<super::saves::SaveStatus>,
    ),
    mut session: ResMut<super::session::Session>,
) {
    events.floor.clear();
    events.ticks = 0;
    events.days_ended = 0;
    let Some(mut model) = model else { return };
    if pace.paused
        || model.pending_dilemma().is_some()
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
            // A save is due: stop between days so that it is taken there.
            if super::saves::save_due_at_day_end(saves.0.as_deref(), &saves.1, model.clock().day) {
                break;
            }
        }
        if model.pending_dilemma().is_some() || model.game_over().is_some() {
            break;
        }
    }
}

/// Turns what the model recorded into lines of the feed.
pub fn update_feed(model: Option<Res<Model>>, mut feed: ResMut<Feed>) {
    let Some(model) = model else { return };
    let w = &model.world;
    let rows = &w.resource::<History>().rows;
    if !feed.started {
        feed.started = true;
        let name = model.scenario.name.clone();
        let customers = w.resource::<Customers>().active_count();
        let staff = w.resource::<Levers>().staff;
        feed.push(model.clock().day, move |lang| {
            tr!(
                lang,
                "feed-take-over",
                name = name.get(lang),
                customers = crate::i18n::number(customers as f64, 0),
                staff = staff
            )
        });
    }
    // The longest-standing customer who left each day (a regular leaving is news; a newcomer
    // who never came back is the churn chart's).
    let mut left: std::collections::BTreeMap<u32, (i32, u32, u8, &'static str)> =
        Default::default();
    if feed.rows_seen < rows.len() {
        let from = rows[feed.rows_seen].day;
        for (c, story) in w.resource::<Customers>().iter() {
            let Some(day) = story.churned_day().filter(|d| *d >= from) else {
                continue;
            };
            let tenure = day as i32 - c.joined_day;
            if tenure < 90 {
                continue;
            }
            let cause = story.churn_cause.map_or("none", |c| c.id());
            let best = left.entry(day).or_insert((tenure, c.id, c.segment, cause));
            if tenure > best.0 {
                *best = (tenure, c.id, c.segment, cause);
            }
        }
    }
    while feed.rows_seen < rows.len() {
        let r = &rows[feed.rows_seen];
        let prev = feed.rows_seen.checked_sub(1).map(|i| &rows[i]);
        feed.rows_seen += 1;
        if let Some(&(tenure, id, segment, cause)) = left.get(&r.day) {
            let group = model
                .scenario
                .segments
                .get(segment as usize)
                .map(|g| g.name.clone())
                .unwrap_or_default();
            feed.push_about(r.day, Some(id), move |lang| {
                tr!(
                    lang,
                    "feed-customer-left",
                    id = id,
                    group = group.get(lang),
                    days = crate::i18n::number(tenure as f64, 0),
                    cause = crate::headless::report::cause_label(cause, lang).0
                )
            });
        }
        let (quits, hires) = (r.quits, r.hires);
        if quits > 0 {
            feed.push(r.day, move |lang| tr!(lang, "quits-today", n = quits));
        }
        if hires > 0 {
            feed.push(r.day, move |lang| tr!(lang, "hires-today", n = hires));
        }
        // Referred customers, a week at a time (one line a day would fill the feed).
        if (r.day + 1).is_multiple_of(7) {
            let week = &rows[(feed.rows_seen.saturating_sub(7))..feed.rows_seen];
            let n: u32 = week.iter().map(|d| d.new_referred).sum();
            if n > 0 {
                feed.push(r.day, move |lang| tr!(lang, "referrals-week", n = n));
            }
        }
        if r.board_confidence < 0.3 && prev.is_none_or(|p| p.board_confidence >= 0.3) {
            let share = r.board_confidence;
            feed.push(r.day, move |lang| {
                tr!(
                    lang,
                    "board-warning",
                    share = crate::i18n::percent(share, 0)
                )
            });
        }
        match prev {
            None => feed.best_milestone = r.active_customers / 500,
            Some(_) => {
                let b = r.active_customers / 500;
                if b > feed.best_milestone {
                    feed.best_milestone = b;
                    feed.push(r.day, move |lang| tr!(lang, "milestone", n = b * 500));
                }
            }
        }
    }
    let advice = &w.resource::<AdvisorLog>().given;
    while feed.advice_seen < advice.len() {
        let a = advice[feed.advice_seen].clone();
        feed.advice_seen += 1;
        let pattern = a.pattern;
        feed.push(a.day, move |lang| {
            tr!(
                lang,
                "advice-line",
                advice = pattern.advice(lang),
                lever = pattern.lever().label(lang)
            )
        });
    }
    let made = &w.resource::<DilemmaState>().made;
    while feed.choices_seen < made.len() {
        let c = made[feed.choices_seen].clone();
        feed.choices_seen += 1;
        let deck = &w.resource::<DilemmaDeck>().0;
        let Some(label) = deck
            .get(&c.dilemma)
            .and_then(|d| d.choices.iter().find(|x| x.id == c.choice))
            .map(|x| x.label.clone())
        else {
            continue;
        };
        feed.push(c.day, move |lang| {
            tr!(lang, "chose", choice = label.get(lang))
        });
    }
    // What came of an uncertain choice, told the day it comes, with the card and the choice.
    let state = w.resource::<DilemmaState>();
    while feed.came_seen < state.came.len() {
        let (day, l) = state.came[feed.came_seen].clone();
        feed.came_seen += 1;
        let deck = &w.resource::<DilemmaDeck>().0;
        let Some(d) = deck.get(&l.dilemma) else {
            continue;
        };
        let Some(made) = state.made.iter().rev().find(|m| m.dilemma == l.dilemma) else {
            continue;
        };
        let Some(choice) = d.choices.iter().find(|x| x.id == made.choice) else {
            continue;
        };
        let (title, label, chosen_on) = (d.title.clone(), choice.label.clone(), made.day);
        let currency = model.scenario.currency().clone();
        feed.push(day, move |lang| {
            tr!(
                lang,
                "consequence-came",
                dilemma = title.get(lang),
                choice = label.get(lang),
                day = chosen_on,
                effects = crate::dilemmas::describe_effects(&l.effects, &currency, lang)
            )
        });
    }
    let log = &w.resource::<crate::sim::levers::DecisionLog>().entries;
    while feed.decisions_seen < log.len() {
        let d = log[feed.decisions_seen].clone();
        feed.decisions_seen += 1;
        // A dilemma's effect is the choice's doing, not a lever the player moved.
        let set = d.set.clone();
        match d.source {
            DecisionSource::Dilemma => feed.push(d.day, move |lang| {
                tr!(lang, "dilemma-effect", levers = set.show(lang))
            }),
            DecisionSource::Plan | DecisionSource::Player | DecisionSource::Unknown => feed
                .push(d.day, move |lang| {
                    tr!(lang, "lever-changed", levers = set.show(lang))
                }),
        }
    }
}

fn detect_end(model: Option<Res<Model>>, mut next: ResMut<NextState<Screen>>) {
    if model.is_some_and(|m| m.game_over().is_some()) {
        next.set(Screen::End);
    }
}
