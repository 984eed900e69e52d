//! The player's levers: what they control, under the same names in the game, policy files and CSV.
//!
//! Changes wait in [`LeverRequests`] and are applied at the start of the next tick, so that the
//! model never sees a lever change half-way through a tick, and every change lands in the
//! [`DecisionLog`] with its day.

use bevy::prelude::*;
use serde::{Deserialize, Serialize};

use super::SimSet;
use super::clock::Clock;

/// How much beyond the task the staff go for each customer.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, Default)]
pub enum ServiceLevel {
    /// Finish the task, nothing more.
    #[default]
    Task,
    /// A little extra: now and then a small surprise beyond expectation.
    Extra,
    /// Customer obsession: surprises are frequent, service takes longer and costs more.
    Obsession,
}

impl ServiceLevel {
    pub fn index(self) -> usize {
        self as usize
    }
    pub fn name(self) -> &'static str {
        match self {
            ServiceLevel::Task => "Task",
            ServiceLevel::Extra => "Extra",
            ServiceLevel::Obsession => "Obsession",
        }
    }
}

/// What the business does when a customer complains.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, Default)]
pub enum RecoveryPolicy {
    /// Apologise and point to the rules; no compensation.
    Strict,
    /// Refund what went wrong, within a day or two.
    #[default]
    Fair,
    /// Refund at once and add something on top.
    Generous,
}

impl RecoveryPolicy {
    pub fn index(self) -> usize {
        self as usize
    }
    pub fn name(self) -> &'static str {
        match self {
            RecoveryPolicy::Strict => "Strict",
            RecoveryPolicy::Fair => "Fair",
            RecoveryPolicy::Generous => "Generous",
        }
    }
}

/// The current value of every lever. Multiples are relative to the scenario's reference (1.0).
#[derive(Resource, Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Levers {
    pub price: f64,
    pub wage: f64,
    pub training: f64,
    pub quality: f64,
    pub marketing: f64,
    pub staff: u32,
    pub overtime: f64,
    pub service_level: ServiceLevel,
    pub extras: u32,
    pub recovery: RecoveryPolicy,
    pub outreach: bool,
    pub dividend: f64,
}

/// A partial set of levers: the ones named change, the rest keep their value. Policy files and the
/// game's panel both speak this type, so a misspelt lever is a parse error, not a silent no-op.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct LeverSet {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub price: Option<f64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub wage: Option<f64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub training: Option<f64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub quality: Option<f64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub marketing: Option<f64>,
    /// Signed so that a negative headcount is reported as out of range rather than as a type error.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub staff: Option<i64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub overtime: Option<f64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub service_level: Option<ServiceLevel>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub extras: Option<i64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub recovery: Option<RecoveryPolicy>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub outreach: Option<bool>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub dividend: Option<f64>,
}

/// Allowed ranges, shared by validation and the game's sliders.
pub mod limits {
    pub const MULTIPLE: (f64, f64) = (0.1, 5.0);
    pub const STAFF: (i64, i64) = (0, 500);
    pub const OVERTIME_HOURS: (f64, f64) = (0.0, 8.0);
    pub const EXTRAS: (i64, i64) = (0, 30);
    pub const DIVIDEND: (f64, f64) = (0.0, 1.0);
}

impl LeverSet {
    pub fn is_empty(&self) -> bool {
        *self == LeverSet::default()
    }

    /// Reports every value outside its range under `path`.
    pub fn check(&self, path: &str, c: &mut crate::diagnostics::Checker) {
        let (lo, hi) = limits::MULTIPLE;
        for (name, v) in [
            ("price", self.price),
            ("wage", self.wage),
            ("training", self.training),
            ("quality", self.quality),
            ("marketing", self.marketing),
        ] {
            if let Some(v) = v {
                c.range(&format!("{path}.{name}"), v, lo, hi);
            }
        }
        if let Some(v) = self.staff {
            c.int_range(
                &format!("{path}.staff"),
                v,
                limits::STAFF.0,
                limits::STAFF.1,
            );
        }
        if let Some(v) = self.overtime {
            let (lo, hi) = limits::OVERTIME_HOURS;
            c.range(&format!("{path}.overtime"), v, lo, hi);
        }
        if let Some(v) = self.extras {
            c.int_range(
                &format!("{path}.extras"),
                v,
                limits::EXTRAS.0,
                limits::EXTRAS.1,
            );
        }
        if let Some(v) = self.dividend {
            let (lo, hi) = limits::DIVIDEND;
            c.range(&format!("{path}.dividend"), v, lo, hi);
        }
    }
}

impl LeverSet {
    /// The levers this set names, as "price 1.20, staff 6" (lever names as in policy files).
    pub fn describe(&self) -> String {
        let mut parts: Vec<String> = Vec::new();
        let mut num = |name: &str, v: Option<f64>| {
            if let Some(v) = v {
                parts.push(format!("{name} {v:.2}"));
            }
        };
        num("price", self.price);
        num("wage", self.wage);
        num("training", self.training);
        num("quality", self.quality);
        num("marketing", self.marketing);
        if let Some(v) = self.staff {
            parts.push(format!("staff {v}"));
        }
        if let Some(v) = self.overtime {
            parts.push(format!("overtime {v:.1} h"));
        }
        if let Some(v) = self.service_level {
            parts.push(format!("service_level {v:?}"));
        }
        if let Some(v) = self.extras {
            parts.push(format!("extras {v}"));
        }
        if let Some(v) = self.recovery {
            parts.push(format!("recovery {v:?}"));
        }
        if let Some(v) = self.outreach {
            parts.push(format!("outreach {}", if v { "on" } else { "off" }));
        }
        if let Some(v) = self.dividend {
            parts.push(format!("dividend {v:.2}"));
        }
        parts.join(", ")
    }
}

impl Levers {
    /// Applies the named levers, clamping to the allowed ranges (validated input never needs it;
    /// the clamp keeps the model safe from a caller that skipped validation).
    pub fn apply(&mut self, set: &LeverSet) {
        let m = |v: f64| v.clamp(limits::MULTIPLE.0, limits::MULTIPLE.1);
        if let Some(v) = set.price.filter(|v| v.is_finite()) {
            self.price = m(v);
        }
        if let Some(v) = set.wage.filter(|v| v.is_finite()) {
            self.wage = m(v);
        }
        if let Some(v) = set.training.filter(|v| v.is_finite()) {
            self.training = m(v);
        }
        if let Some(v) = set.quality.filter(|v| v.is_finite()) {
            self.quality = m(v);
        }
        if let Some(v) = set.marketing.filter(|v| v.is_finite()) {
            self.marketing = m(v);
        }
        if let Some(v) = set.staff {
            self.staff = v.clamp(limits::STAFF.0, limits::STAFF.1) as u32;
        }
        if let Some(v) = set.overtime.filter(|v| v.is_finite()) {
            self.overtime = v.clamp(limits::OVERTIME_HOURS.0, limits::OVERTIME_HOURS.1);
        }
        if let Some(v) = set.service_level {
            self.service_level = v;
        }
        if let Some(v) = set.extras {
            self.extras = v.clamp(limits::EXTRAS.0, limits::EXTRAS.1) as u32;
        }
        if let Some(v) = set.recovery {
            self.recovery = v;
        }
        if let Some(v) = set.outreach {
            self.outreach = v;
        }
        if let Some(v) = set.dividend.filter(|v| v.is_finite()) {
            self.dividend = v.clamp(limits::DIVIDEND.0, limits::DIVIDEND.1);
        }
    }
}

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
