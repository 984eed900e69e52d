//! Complaints and service recovery.
//!
//! Most customers with a problem say nothing (TARP: about 1 in 25 complains); they simply carry
//! the worse attitude into their next decision. Those who complain meet the recovery policy: a
//! generous, fast recovery gives back most of what the problem cost them (TARP: 95 % of those
//! satisfied quickly buy again), at a price in refunds and staff time. The recovery paradox — a
//! customer ending *happier* than before the failure — appears only for a first failure
//! excellently recovered; a second failure brushed off deepens the damage (double deviation:
//! Maxham & Netemeyer 2002).

use bevy::prelude::*;
use rand::RngExt;

use super::clock::Clock;
use super::customers::{Customers, Thought};
use super::day::DayStats;
use super::finance::Ledger;
use super::floor::Floor;
use super::rng::{SimRng, Stream};
use super::{Params, SimSet, SimTick};
use crate::levers::Levers;
use crate::thoughts::ThoughtKind;

/// A visit that went wrong, waiting to see whether the customer speaks up.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Problem {
    /// The customer's id.
    pub customer: u32,
    /// Mood points lost to shortfalls on this visit.
    pub shortfall: f32,
    /// Attitude before the visit (the paradox is measured against it).
    pub attitude_before: f32,
    /// What the visit cost them (refunds are a share of it).
    pub price_cents: i64,
    /// Skill of the employee they dealt with (an experienced one puts things right better).
    pub staff_skill: f32,
}

#[derive(Resource, Debug, Default, Clone)]
pub struct Problems(pub Vec<Problem>);

pub(super) fn plugin(app: &mut App) {
    app.init_resource::<Problems>()
        .add_systems(SimTick, handle_complaints.in_set(SimSet::Recovery));
}

#[allow(clippy::too_many_arguments)]
fn handle_complaints(
    params: Res<Params>,
    clock: Res<Clock>,
    levers: Res<Levers>,
    mut rng: ResMut<SimRng>,
    mut problems: ResMut<Problems>,
    mut floor: ResMut<Floor>,
    mut ledger: ResMut<Ledger>,
    mut stats: ResMut<DayStats>,
    mut book: ResMut<Customers>,
) {
    if problems.0.is_empty() {
        return;
    }
    let s = &params.0;
    let k = &s.complaints;
    let sat = &s.satisfaction;
    let policy = levers.recovery;
    let rng = rng.stream(Stream::Recovery);
    let (_, now) = clock.tick_window();
    let mut staff_minutes = 0.0;
    for problem in problems.0.drain(..) {
        let Some((c, story)) = book.active_mut(problem.customer) else {
            continue;
        };
        c.failures = c.failures.saturating_add(1);
        if rng.random::<f64>() >= c.voice_probability(s) {
            continue; // silent: the problem stays with them
        }
        stats.complaints += 1;
        c.complaints = c.complaints.saturating_add(1);
        let refund = (problem.price_cents as f64 * k.refund_share.get(policy)).round() as i64
            + k.compensation_cents.get(policy);
        ledger.today.recovery += refund;
        staff_minutes += k.staff_minutes.get(policy);

        let before = c.mood;
        let b = &s.behaviour;
        // The policy says how much to give back; the employee's experience, how well it lands.
        let craft =
            1.0 - b.recovery_inexperience * (1.0 - problem.staff_skill as f64).clamp(0.0, 1.0);
        let restore = k.restore_share.get(policy) * craft;
        let mut mood = before + restore as f32 * problem.shortfall;
        if b.paradox_policies.contains(&policy) && c.failures == 1 {
            mood = mood.max(problem.attitude_before + k.paradox_bonus as f32);
        }
        if b.double_deviation_policies.contains(&policy) && c.failures >= 2 {
            mood -= k.double_deviation_penalty as f32;
        }
        let mood = mood.clamp(0.0, 10.0);
        let resolved = restore >= b.resolved_restore_share;
        c.open_complaint = !resolved;
        c.mood = mood;
        // The episode weighs more than an ordinary visit: attitude moves towards the outcome.
        let weight = (sat.memory as f32).max(k.salience as f32);
        c.attitude = (c.attitude + weight * (mood - c.attitude)).clamp(0.0, 10.0);
        story.remember_mood(mood);
        story.think(Thought {
            day: clock.day,
            kind: if resolved {
                ThoughtKind::ComplaintResolved
            } else {
                ThoughtKind::ComplaintBrushedOff
            },
            value: refund as f32 / 100.0,
            impact: mood - before,
        });
    }
    floor.occupy_staff(staff_minutes, now);
    stats.recovery_minutes += staff_minutes;
}
