//! Dilemmas as the model lives them: when one fires, which choice is taken, and what follows.
//!
//! At the start of each day, effects that were delayed to today happen; then, if no dilemma is
//! waiting for the player, the first dilemma of the deck whose window is open, whose conditions
//! hold on yesterday's figures and whose daily chance comes up, fires (each at most once). In a
//! headless run the policy's choice (or the dilemma's default) is taken at once; in the game
//! the dilemma waits in [`DilemmaState::pending`] until the player chooses, and the rest of the
//! tick waits with it (see [`super::AfterDilemmas`]): the tick runs again after the choice, so a
//! choice lands at the same point of the day in both, and a played game replays exactly.

use std::collections::{BTreeMap, BTreeSet};

use bevy::prelude::*;
use rand::RngExt;
use serde::{Deserialize, Serialize};

use super::clock::{Clock, day_start};
use super::customers::Customers;
use super::finance::{Board, Ledger};
use super::levers::{Decision, DecisionLog, DecisionSource};
use super::metrics::{DayRow, History};
use super::reputation::Rating;
use super::rng::{SimRng, Stream};
use super::staff::Employee;
use super::{Params, SimSet, SimTick};
use crate::dilemmas::{Deck, Effect, Metric};
use crate::levers::{LeverSet, Levers};
use crate::thoughts::ThoughtKind;

/// The deck this world draws from (empty: no dilemmas).
#[derive(Resource, Debug, Clone, Default)]
pub struct DilemmaDeck(pub Deck);

/// How fired dilemmas are answered.
#[derive(Resource, Debug, Clone, Default)]
pub struct DilemmaPolicy {
    /// Dilemma id → choice id, from the policy file.
    pub choices: BTreeMap<String, String>,
    /// The game sets this to false: the dilemma then waits for the player.
    pub wait_for_player: bool,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ChoiceMade {
    pub day: u32,
    pub dilemma: String,
    pub choice: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct LaterEffects {
    pub day: u32,
    pub dilemma: String,
    pub effects: Vec<Effect>,
}

#[derive(Resource, Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct DilemmaState {
    pub fired: BTreeSet<String>,
    /// A dilemma waiting for the player's choice (the game pauses while it is there).
    pub pending: Option<String>,
    pub later: Vec<LaterEffects>,
    pub made: Vec<ChoiceMade>,
    /// Delayed consequences that came to pass, in order: (the day they came, what they were), so
    /// the game can say what happened when it happens (absent in older saves).
    #[serde(default)]
    pub came: Vec<(u32, LaterEffects)>,
}

pub(super) fn plugin(app: &mut App) {
    app.init_resource::<DilemmaDeck>()
        .init_resource::<DilemmaPolicy>()
        .init_resource::<DilemmaState>()
        .add_systems(
            SimTick,
            run_dilemmas.in_set(SimSet::Dilemmas).run_if(day_start),
        );
}

/// Run condition: no dilemma is waiting for the player.
pub fn none_pending(state: Res<DilemmaState>) -> bool {
    state.pending.is_none()
}

/// Yesterday's value of a metric (None before the first day is over).
pub fn metric(row: Option<&DayRow>, m: Metric) -> Option<f64> {
    let r = row?;
    Some(match m {
        Metric::ActiveCustomers => r.active_customers as f64,
        Metric::Nps => r.nps,
        Metric::Reputation => r.reputation,
        Metric::MeanWaitMinutes => r.mean_wait_min.unwrap_or(0.0),
        Metric::RedHealth => r.red_health as f64,
        Metric::Morale => r.morale,
        Metric::Fatigue => r.fatigue,
        Metric::CashCents => r.cash as f64,
        Metric::BoardConfidence => r.board_confidence,
        Metric::Employees => r.employees as f64,
        Metric::ProductFailures => r.product_failures as f64,
    })
}

/// Everything effects may touch.
#[derive(bevy::ecs::system::SystemParam)]
pub struct EffectTargets<'w, 's> {
    params: Res<'w, Params>,
    clock: Res<'w, Clock>,
    rng: ResMut<'w, SimRng>,
    ledger: ResMut<'w, Ledger>,
    levers: ResMut<'w, Levers>,
    log: ResMut<'w, DecisionLog>,
    rating: ResMut<'w, Rating>,
    board: ResMut<'w, Board>,
    staff: Query<'w, 's, &'static mut Employee>,
    customers: ResMut<'w, Customers>,
    seed: Res<'w, super::SeedUsed>,
    defects: ResMut<'w, super::defects::DefectState>,
}

impl EffectTargets<'_, '_> {
    /// Sets levers as a dilemma's effect, logged as such (a replay repeats the choice instead).
    fn set_levers(&mut self, set: LeverSet) {
        self.levers.apply(&set);
        self.log.entries.push(Decision {
            day: self.clock.day,
            minute: self.clock.minute_of_day(),
            set,
            source: DecisionSource::Dilemma,
        });
    }

    /// Applies effects now; `Later` ones are scheduled into `later`.
    fn apply(&mut self, dilemma: &str, effects: &[Effect], later: &mut Vec<LaterEffects>) {
        let day = self.clock.day;
        for e in effects {
            match e {
                Effect::Cash(v) => self.ledger.today.dilemmas -= v,
                Effect::Dividend(v) => self.ledger.today.dividends += v,
                Effect::Morale(v) => {
                    for mut emp in &mut self.staff {
                        emp.morale = (emp.morale + *v as f32).clamp(0.0, 1.0);
                    }
                }
                Effect::Reviews { count, stars } => {
                    let p = self.params.reputation.clone();
                    self.rating.add_reviews(&p, *count, *stars);
                }
                Effect::Levers(set) => self.set_levers(set.clone()),
                Effect::ScaleLevers(factors) => {
                    let set = factors.scaled(&self.levers);
                    self.set_levers(set);
                }
                Effect::Customers {
                    share,
                    attitude,
                    thought,
                } => {
                    let kind = thought.as_deref().and_then(ThoughtKind::from_id);
                    let rng = self.rng.stream(Stream::Dilemmas);
                    self.customers.each_active_with_story(|c, story| {
                        if rng.random::<f64>() >= *share {
                            return;
                        }
                        story.shift_attitude(c, day, kind, *attitude as f32);
                    });
                }
                Effect::Board(v) => {
                    self.board.confidence = (self.board.confidence + v).clamp(0.0, 1.0);
                }
                Effect::Recall(id) => {
                    let all = &self.params.0.defects;
                    if let Some(i) = all.iter().position(|d| &d.id == id) {
                        let n = all.len();
                        if self.defects.defects.len() < n {
                            self.defects.defects.resize(n, Default::default());
                        }
                        let cost = super::defects::recall(
                            self.seed.0,
                            i,
                            &all[i],
                            &mut self.defects.defects[i],
                            day,
                            &mut self.customers,
                        );
                        self.ledger.today.dilemmas += cost;
                    }
                }
                Effect::Later {
                    chance,
                    within_days,
                    effects,
                } => {
                    let rng = self.rng.stream(Stream::Dilemmas);
                    if rng.random::<f64>() < *chance {
                        let at = day + 1 + rng.random_range(0..(*within_days).max(1));
                        later.push(LaterEffects {
                            day: at,
                            dilemma: dilemma.to_string(),
                            effects: effects.clone(),
                        });
                    }
                }
            }
        }
    }
}

fn run_dilemmas(
    deck: Res<DilemmaDeck>,
    policy: Res<DilemmaPolicy>,
    history: Res<History>,
    mut state: ResMut<DilemmaState>,
    mut targets: EffectTargets,
) {
    let day = targets.clock.day;
    let state = &mut *state;

    // Consequences that were waiting for today.
    let (due, rest): (Vec<_>, Vec<_>) = std::mem::take(&mut state.later)
        .into_iter()
        .partition(|l| l.day <= day);
    state.later = rest;
    for l in due {
        targets.apply(&l.dilemma, &l.effects, &mut state.later);
        state.came.push((day, l));
    }

    // A dilemma that waits for the player in a world nobody plays (a save taken while its card
    // was open, loaded headless) is answered as a headless run answers it; else the rest of the
    // tick would wait for ever.
    if !policy.wait_for_player
        && let Some(id) = state.pending.take()
    {
        let default = deck.0.get(&id).map(|d| d.default_choice.clone());
        if let Some(choice) = policy.choices.get(&id).cloned().or(default) {
            resolve_with(state, &deck.0, &id, &choice, &mut targets);
        }
        return;
    }
    // Nothing more fires while one waits, nor on the day one was answered (the day's first tick
    // runs again after the player's choice).
    if state.pending.is_some()
        || deck.0.dilemmas.is_empty()
        || state.made.last().is_some_and(|m| m.day == day)
    {
        return;
    }
    let yesterday = history.rows.last();
    for d in &deck.0.dilemmas {
        if state.fired.contains(&d.id) || day < d.when.from_day || day > d.when.to_day {
            continue;
        }
        let holds = d
            .when
            .conditions
            .iter()
            .all(|c| match metric(yesterday, c.metric) {
                None => false,
                Some(v) => c.above.is_none_or(|a| v > a) && c.below.is_none_or(|b| v < b),
            });
        if !holds {
            continue;
        }
        if targets.rng.stream(Stream::Dilemmas).random::<f64>() >= d.when.chance_per_day {
            continue;
        }
        state.fired.insert(d.id.clone());
        if policy.wait_for_player {
            state.pending = Some(d.id.clone());
        } else {
            let choice = policy
                .choices
                .get(&d.id)
                .unwrap_or(&d.default_choice)
                .clone();
            resolve_with(state, &deck.0, &d.id, &choice, &mut targets);
        }
        break; // one dilemma a day at most
    }
}

fn resolve_with(
    state: &mut DilemmaState,
    deck: &Deck,
    dilemma: &str,
    choice: &str,
    targets: &mut EffectTargets,
) -> bool {
    let Some(c) = deck
        .get(dilemma)
        .and_then(|d| d.choices.iter().find(|c| c.id == choice))
    else {
        return false;
    };
    state.made.push(ChoiceMade {
        day: targets.clock.day,
        dilemma: dilemma.to_string(),
        choice: choice.to_string(),
    });
    targets.apply(dilemma, &c.effects, &mut state.later);
    true
}

/// The player's answer to the pending dilemma (the game calls this). Returns false if nothing
/// is pending or the choice is not one of its choices.
pub fn resolve_pending(world: &mut World, choice: &str) -> bool {
    let Some(id) = world.resource::<DilemmaState>().pending.clone() else {
        return false;
    };
    let deck = world.resource::<DilemmaDeck>().0.clone();
    if !deck
        .get(&id)
        .is_some_and(|d| d.choices.iter().any(|c| c.id == choice))
    {
        return false;
    }
    let mut state = world.resource::<DilemmaState>().clone();
    state.pending = None;
    let mut system_state: bevy::ecs::system::SystemState<EffectTargets> =
        bevy::ecs::system::SystemState::new(world);
    let ok = match system_state.get_mut(world) {
        Ok(mut targets) => resolve_with(&mut state, &deck, &id, choice, &mut targets),
        Err(_) => false,
    };
    system_state.apply(world);
    world.insert_resource(state);
    ok
}
