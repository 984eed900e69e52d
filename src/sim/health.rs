//! Customer health and customer success.
//!
//! Warning signs come before churn: visits thin out, attitude sours, a complaint stays open.
//! With `outreach` on, staff contact the customers in the worst health each morning (up to their
//! capacity): hearing them out resolves open complaints and closes part of the gap between their
//! attitude and a neutral one, before they decide to leave. It costs staff
//! time taken off the floor, so the queue pays for it.

use bevy::prelude::*;

use super::clock::Clock;
use rand::RngExt;

use super::customers::{Census, Customers, HealthRule, NEVER, Thought, schedule_next_visit};
use super::day::DayStats;
use super::floor::Floor;
use super::rng::{SimRng, Stream};
use super::{Params, SimSet};
use crate::levers::Levers;
use crate::scenario::RevenueModel;
use crate::thoughts::ThoughtKind;

pub(super) fn plugin(app: &mut App) {
    app.add_systems(super::SimDayStart, reach_out.in_set(SimSet::Health));
}

#[allow(clippy::too_many_arguments)]
fn reach_out(
    params: Res<Params>,
    clock: Res<Clock>,
    levers: Res<Levers>,
    census: Res<Census>,
    mut floor: ResMut<Floor>,
    mut rng: ResMut<SimRng>,
    mut stats: ResMut<DayStats>,
    mut book: ResMut<Customers>,
) {
    if !levers.outreach {
        return;
    }
    let s = &params.0;
    let h = &s.churn;
    let day = clock.day as i32;
    let rng = rng.stream(Stream::Health);
    let capacity = (h.outreach_per_employee_day * floor.servers.len() as f64).floor() as usize;
    let mut contacted = 0;
    let rule = HealthRule::new(s);
    for &(_, id) in &census.at_risk {
        if contacted >= capacity {
            break;
        }
        let Some((c, story)) = book.active_mut(id) else {
            continue;
        };
        if day.saturating_sub(c.contacted_day) < h.outreach_interval_days as i32 {
            continue;
        }
        c.contacted_day = day;
        // Being listened to closes part of the gap between how they feel and a neutral visit.
        let neutral = s.satisfaction.neutral_mood as f32;
        let lift = (h.outreach_share as f32 * (neutral - c.attitude)).max(0.0);
        c.attitude = (c.attitude + lift).min(10.0);
        c.mood = c.mood.max(c.attitude);
        c.open_complaint = false;
        if c.lapsing_until != NEVER && rng.random::<f64>() < h.win_back {
            // Won back: they will come again (or renew) after all.
            c.lapsing_until = NEVER;
            stats.won_back += 1;
            if s.revenue == RevenueModel::PerVisit {
                schedule_next_visit(s, c, clock.day, rng);
            }
        }
        c.health = rule.health(c, clock.day);
        story.think(Thought {
            day: clock.day,
            kind: ThoughtKind::CheckedIn,
            value: 0.0,
            impact: lift,
        });
        contacted += 1;
    }
    let minutes = contacted as f64 * h.outreach_minutes;
    floor.occupy_staff(minutes, clock.day_open());
    stats.outreach_contacts += contacted as u32;
    stats.outreach_minutes += minutes;
}
