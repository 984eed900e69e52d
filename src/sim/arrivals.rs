//! Who comes through the door today: returning customers, and new prospects from paid marketing,
//! from promoters' referrals, and walk-ins drawn by the business's reputation.
//!
//! Each source is a Poisson process; arrival times follow the scenario's demand profile over the
//! opening hours. Paid reach grows less than proportionally with spend and shrinks over the years
//! (acquisition costs keep rising), while referrals cost nothing — organic growth comes from
//! customers who are delighted enough to promote.

use bevy::prelude::*;
use rand::RngExt;
use rand_distr::{Distribution, Poisson};

use super::clock::Clock;
use super::customers::{Census, pick_segment};
use super::day::{DayStats, PlannedArrival, Source, TodayArrivals, Visitor};
use super::reputation::Rating;
use super::rng::{SimRng, Stream};
use super::{Params, SimSet};
use crate::levers::Levers;
use crate::scenario::Scenario;

pub(super) fn plugin(app: &mut App) {
    app.add_systems(super::SimDayStart, plan_arrivals.in_set(SimSet::Arrivals));
}

/// Expected new prospects today from each source: (paid, referred, walk-in).
pub fn expected_prospects(
    s: &Scenario,
    levers: &Levers,
    census: &Census,
    rating: f64,
    years: f64,
) -> (f64, f64, f64) {
    let m = &s.market;
    let room = (1.0 - census.active as f64 / m.size as f64).clamp(0.0, 1.0);
    let paid = m.paid_per_day
        * levers.marketing.powf(m.marketing_elasticity)
        * (1.0 - m.paid_cost_inflation_per_year).powf(years)
        * room;
    let referred = census.referrals_per_day * room;
    let walk_in = (m.walk_ins_per_day
        * (rating / m.reference_rating)
            .max(0.0)
            .powf(m.rating_elasticity)
        * room
        - census.detractors as f64 * m.detractor_deterrence_per_month / 30.0)
        .max(0.0);
    (paid, referred, walk_in)
}

/// A time of day drawn from the demand profile, as an absolute minute within today's hours.
pub fn draw_time(clock: &Clock, cumulative: &[f64], rng: &mut impl rand::Rng) -> f64 {
    let open = clock.day_open();
    let length = clock.day_close() - open;
    if cumulative.is_empty() {
        return open + rng.random::<f64>() * length;
    }
    let total = *cumulative.last().unwrap_or(&1.0);
    let u = rng.random::<f64>() * total;
    let hour = cumulative
        .partition_point(|&c| c <= u)
        .min(cumulative.len() - 1);
    let start = hour as f64 * 60.0;
    let end = ((hour + 1) as f64 * 60.0).min(length);
    open + start + rng.random::<f64>() * (end - start)
}

/// Cumulative demand weights per opening hour (the last hour weighted by its length).
pub fn demand_cumulative(s: &Scenario) -> Vec<f64> {
    let minutes = s.open_minutes();
    let mut acc = 0.0;
    s.calendar
        .demand_profile
        .iter()
        .enumerate()
        .map(|(h, w)| {
            let len = (minutes - h as f64 * 60.0).clamp(0.0, 60.0) / 60.0;
            acc += w * len;
            acc
        })
        .collect()
}

fn poisson(lambda: f64, rng: &mut impl rand::Rng) -> u32 {
    if lambda <= 0.0 || !lambda.is_finite() {
        return 0;
    }
    Poisson::new(lambda.min(1e7))
        .map(|p| p.sample(rng) as u32)
        .unwrap_or(0)
}

#[allow(clippy::too_many_arguments)]
fn plan_arrivals(
    params: Res<Params>,
    clock: Res<Clock>,
    levers: Res<Levers>,
    census: Res<Census>,
    rating: Res<Rating>,
    mut rng: ResMut<SimRng>,
    mut today: ResMut<TodayArrivals>,
    mut stats: ResMut<DayStats>,
    mut cumulative: Local<Option<Vec<f64>>>,
    book: Res<super::customers::Customers>,
) {
    let s = &params.0;
    let cumulative = cumulative.get_or_insert_with(|| demand_cumulative(s));
    let rng = rng.stream(Stream::Arrivals);
    let today = &mut *today;

    // So far the plan holds the returning customers the day's pass found due, in its order.
    for planned in &mut today.planned {
        planned.time = draw_time(&clock, cumulative, rng);
    }

    let (paid, referred, walk_in) = if book.next_id() >= crate::scenario::MAX_CUSTOMERS_EVER {
        (0.0, 0.0, 0.0)
    } else {
        expected_prospects(s, &levers, &census, rating.stars, clock.years())
    };
    let total_share: f64 = s.segments.iter().map(|g| g.share).sum();
    for (source, lambda) in [
        (Source::Paid, paid),
        (Source::Referred, referred),
        (Source::WalkIn, walk_in),
    ] {
        let n = poisson(lambda, rng);
        stats.prospects += n;
        for _ in 0..n {
            let segment = pick_segment(s, total_share, rng.random::<f64>()) as u8;
            let time = draw_time(&clock, cumulative, rng);
            today.planned.push(PlannedArrival {
                time,
                visitor: Visitor::New { segment, source },
            });
        }
    }
    // Rust's unstable sort is deterministic (no random pivots): the same draws always give the
    // same order, even in the (measure-zero) case of equal times.
    today
        .planned
        .sort_unstable_by(|a, b| a.time.total_cmp(&b.time));
    today.cursor = 0;
}
