//! Lever changes in the model: requested by a policy, a replay or the player, applied at a tick.
//! What each lever is (its name, range and kind) is data: [`crate::levers`].
//!
//! Changes wait in [`LeverRequests`] and are applied at the start of the next tick, so that the
//! model never sees a lever change half-way through a tick, and every change lands in the
//! [`DecisionLog`] with its day.

use bevy::prelude::*;
use serde::{Deserialize, Serialize};

use super::SimSet;
use super::clock::Clock;
use crate::levers::{LeverSet, Levers};

/// Lever changes scheduled for a given day (from a policy file), for a given moment (a replay of
/// the player's changes), or requested now (by the player).
#[derive(Resource, Debug, Default, Clone)]
pub struct LeverRequests {
    /// `(day, set)` pairs, applied at the start of that day; kept sorted by day (stable).
    pub scheduled: Vec<(u32, LeverSet)>,
    /// Player changes to make at a given day and minute, in order (stable); a replay of a game
    /// puts the player's logged changes here so that they land on the tick they landed on.
    pub timed: Vec<TimedChange>,
    /// Applied at the start of the next tick.
    pub now: Vec<LeverSet>,
}

/// A player's lever change for a given moment: the tick of `day` that starts at `minute` (minutes
/// after midnight, as [`Decision::minute`] records it).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct TimedChange {
    pub day: u32,
    pub minute: u32,
    pub set: LeverSet,
}

impl LeverRequests {
    pub fn schedule(&mut self, day: u32, set: LeverSet) {
        let at = self.scheduled.partition_point(|(d, _)| *d <= day);
        self.scheduled.insert(at, (day, set));
    }

    /// Queues a change for the tick of `day` that starts at `minute` (after those already queued
    /// for the same moment).
    pub fn at(&mut self, day: u32, minute: u32, set: LeverSet) {
        let at = self
            .timed
            .partition_point(|t| (t.day, t.minute) <= (day, minute));
        self.timed.insert(at, TimedChange { day, minute, set });
    }
}

/// Who made a lever change. A replay repeats the plan's and the player's changes; a dilemma's
/// changes follow from the choice, which is replayed instead.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, Default)]
pub enum DecisionSource {
    /// Planned in advance: a policy file's change, at the start of its day.
    Plan,
    /// The player, in the game.
    Player,
    /// An effect of a dilemma's choice.
    Dilemma,
    /// Read from a save written before decisions recorded who made them.
    #[default]
    Unknown,
}

impl DecisionSource {
    pub fn name(self) -> &'static str {
        match self {
            DecisionSource::Plan => "plan",
            DecisionSource::Player => "player",
            DecisionSource::Dilemma => "dilemma",
            DecisionSource::Unknown => "unknown",
        }
    }
}

/// Every decision the player (or policy) made, with the day and minute it took effect.
#[derive(Resource, Debug, Default, Clone)]
pub struct DecisionLog {
    pub entries: Vec<Decision>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Decision {
    pub day: u32,
    /// Minutes after midnight at the start of the tick it took effect.
    pub minute: u32,
    pub set: LeverSet,
    pub source: DecisionSource,
}

pub(super) fn plugin(app: &mut App) {
    app.init_resource::<LeverRequests>()
        .init_resource::<DecisionLog>()
        .add_systems(super::SimTick, apply_lever_requests.in_set(SimSet::Levers));
}

fn apply_lever_requests(
    clock: Res<Clock>,
    mut requests: ResMut<LeverRequests>,
    mut levers: ResMut<Levers>,
    mut log: ResMut<DecisionLog>,
) {
    if requests.scheduled.is_empty() && requests.timed.is_empty() && requests.now.is_empty() {
        return;
    }
    let day = clock.day;
    let minute = clock.minute_of_day();
    let requests = &mut *requests;
    let mut due = Vec::new();
    if clock.is_day_start() {
        let n = requests.scheduled.partition_point(|(d, _)| *d <= day);
        due.extend(
            requests
                .scheduled
                .drain(..n)
                .map(|(_, s)| (s, DecisionSource::Plan)),
        );
    }
    // A moment already past (a minute between ticks) is taken at the next tick, not lost.
    let n = requests
        .timed
        .partition_point(|t| (t.day, t.minute) <= (day, minute));
    due.extend(
        requests
            .timed
            .drain(..n)
            .map(|t| (t.set, DecisionSource::Player)),
    );
    due.extend(requests.now.drain(..).map(|s| (s, DecisionSource::Player)));
    for (set, source) in due {
        levers.apply(&set);
        log.entries.push(Decision {
            day,
            minute,
            set,
            source,
        });
    }
}
