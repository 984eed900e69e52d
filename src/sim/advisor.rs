//! The advisor: notices patterns in the last weeks' figures and says one short sentence tied to
//! a principle, naming the lever that addresses it — at most once per pattern per quarter.

use std::collections::BTreeMap;

use bevy::prelude::*;
use serde::{Deserialize, Serialize};

use super::clock::{Clock, QUARTER_DAYS};
use super::metrics::{DayRow, History};
use super::satisfaction::extras_effect;
use super::{Params, SimSet};
use crate::levers::{Lever, Levers};

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
pub enum Pattern {
    /// Waits rising, people leaving the queue.
    CapacityBelowDemand,
    /// More customers in poor health.
    CustomersGoingQuiet,
    /// Morale falling while staff work overtime.
    TiredTeam,
    /// More unrequested extras than customers value.
    FeatureBloat,
    /// Profit up while NPS falls.
    BorrowingFromTheFuture,
}

impl Pattern {
    pub const ALL: [Pattern; 5] = [
        Pattern::CapacityBelowDemand,
        Pattern::CustomersGoingQuiet,
        Pattern::TiredTeam,
        Pattern::FeatureBloat,
        Pattern::BorrowingFromTheFuture,
    ];

    pub fn id(self) -> &'static str {
        match self {
            Pattern::CapacityBelowDemand => "capacity_below_demand",
            Pattern::CustomersGoingQuiet => "customers_going_quiet",
            Pattern::TiredTeam => "tired_team",
            Pattern::FeatureBloat => "feature_bloat",
            Pattern::BorrowingFromTheFuture => "borrowing_from_the_future",
        }
    }

    /// The advisor's sentence, as a person reads it.
    pub fn advice(self, lang: crate::i18n::Lang) -> String {
        crate::i18n::message(
            lang,
            &format!("advice-{}", self.id().replace('_', "-")),
            None,
        )
    }

    /// The lever that addresses it.
    pub fn lever(self) -> Lever {
        match self {
            Pattern::CapacityBelowDemand => Lever::Staff,
            Pattern::CustomersGoingQuiet => Lever::Outreach,
            Pattern::TiredTeam => Lever::Overtime,
            Pattern::FeatureBloat => Lever::Extras,
            Pattern::BorrowingFromTheFuture => Lever::Price,
        }
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Advice {
    pub day: u32,
    pub pattern: Pattern,
}

#[derive(Resource, Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct AdvisorLog {
    pub given: Vec<Advice>,
    /// The day each pattern was last mentioned: it is not repeated within a quarter's length
    /// (so never twice in one calendar quarter, nor on both sides of a quarter's end).
    pub last_day: BTreeMap<Pattern, u32>,
}

pub(super) fn plugin(app: &mut App) {
    app.init_resource::<AdvisorLog>()
        .add_systems(super::SimDayEnd, advise.in_set(SimSet::Advisor));
}

/// Days before the advisor starts looking.
pub const WARM_UP_DAYS: usize = 91;

fn mean(rows: &[DayRow], f: impl Fn(&DayRow) -> f64) -> f64 {
    if rows.is_empty() {
        0.0
    } else {
        rows.iter().map(f).sum::<f64>() / rows.len() as f64
    }
}

/// The patterns present in the history as it stands (the last row is today).
pub fn patterns(s: &crate::scenario::Scenario, levers: &Levers, rows: &[DayRow]) -> Vec<Pattern> {
    let mut found = Vec::new();
    let n = rows.len();
    // The first weeks are a start-up, not a trend: the book of customers is still filling.
    if n < WARM_UP_DAYS {
        return found;
    }
    let recent = &rows[n - 7..];
    let before = &rows[n - 35..n - 7];
    let wait = |r: &DayRow| r.mean_wait_min.unwrap_or(0.0);
    let lost_share = |rs: &[DayRow]| {
        let lost: f64 = rs.iter().map(|r| (r.balked + r.reneged) as f64).sum();
        let seen: f64 = rs
            .iter()
            .map(|r| (r.served + r.balked + r.reneged) as f64)
            .sum();
        if seen > 0.0 { lost / seen } else { 0.0 }
    };
    if (mean(recent, wait) > 1.5 * mean(before, wait) && mean(recent, wait) > 1.0)
        || (lost_share(recent) > 0.08 && lost_share(recent) > 1.3 * lost_share(before))
    {
        found.push(Pattern::CapacityBelowDemand);
    }
    // Red health as a share of the book, so that a growing business is not mistaken for one
    // whose customers are drifting away.
    let red_share = |r: &DayRow| r.red_health as f64 / (r.active_customers as f64).max(1.0);
    if mean(recent, red_share) > 1.3 * mean(before, red_share) && mean(recent, red_share) > 0.02 {
        found.push(Pattern::CustomersGoingQuiet);
    }
    let month_ago = &rows[n - 28];
    let today = &rows[n - 1];
    if levers.overtime > 0.0 && today.morale < month_ago.morale - 0.03 && today.fatigue > 0.2 {
        found.push(Pattern::TiredTeam);
    }
    let best = (0..=30).max_by(|&a, &b| extras_effect(s, a).total_cmp(&extras_effect(s, b)));
    if best.is_some_and(|b| levers.extras > b + 1) {
        found.push(Pattern::FeatureBloat);
    }
    let profit = |rs: &[DayRow]| rs.iter().map(|r| r.profit as f64).sum::<f64>();
    if n >= 56 {
        let (now, then) = (&rows[n - 28..], &rows[n - 56..n - 28]);
        let (p_now, p_then) = (profit(now), profit(then));
        if p_now > 0.0
            && p_now > 1.1 * p_then.max(0.0)
            && mean(now, |r| r.nps) < mean(then, |r| r.nps) - 10.0
        {
            found.push(Pattern::BorrowingFromTheFuture);
        }
    }
    found
}

fn advise(
    params: Res<Params>,
    clock: Res<Clock>,
    levers: Res<Levers>,
    history: Res<History>,
    mut log: ResMut<AdvisorLog>,
) {
    for p in patterns(&params.0, &levers, &history.rows) {
        if log
            .last_day
            .get(&p)
            .is_some_and(|&last| clock.day < last + QUARTER_DAYS)
        {
            continue;
        }
        log.last_day.insert(p, clock.day);
        log.given.push(Advice {
            day: clock.day,
            pattern: p,
        });
    }
}
