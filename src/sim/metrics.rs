//! The day's numbers: counters the rules fill during the day and the row recorded at its end.

use bevy::prelude::*;

use super::clock::Clock;
use super::customers::{Census, NDR_MONTH_DAYS, NDR_WINDOW_MONTHS, RunRateSnapshots};
use super::day::DayStats;
use super::finance::{Board, Ledger};
use super::reputation::Rating;
use super::staff::Employee;
use super::{Params, SimSet};

/// One simulated day, as written to the CSV (money in cents; the CSV writer formats it).
#[derive(Debug, Clone, Default, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct DayRow {
    pub day: u32,
    pub active_customers: u32,
    pub new_paid: u32,
    pub new_referred: u32,
    pub new_walk_in: u32,
    pub churned: u32,
    pub retention_90d: f64,
    pub nps: f64,
    /// Shares of active customers who are promoters (last mood 9–10) and detractors (0–6): the
    /// two halves of `nps`.
    #[serde(default)]
    pub promoters: f64,
    #[serde(default)]
    pub detractors: f64,
    /// Mean mood of the same customers `nps` counts (each one's mood after their last visit),
    /// beside `mean_mood`, the mean of today's visits.
    #[serde(default)]
    pub customer_mood: Option<f64>,
    pub mean_mood: Option<f64>,
    pub share_mood_9plus: Option<f64>,
    pub mean_wait_min: Option<f64>,
    pub served: u32,
    pub balked: u32,
    pub reneged: u32,
    pub complaints: u32,
    pub red_health: u32,
    pub outreach: u32,
    pub won_back: u32,
    pub reputation: f64,
    pub revenue: i64,
    pub costs: i64,
    pub profit: i64,
    pub cash: i64,
    pub dividends: i64,
    pub ndr: Option<f64>,
    pub cac: Option<i64>,
    pub marketing: i64,
    pub employees: u32,
    pub morale: f64,
    pub fatigue: f64,
    pub skill: f64,
    pub quits: u32,
    pub hires: u32,
    pub board_confidence: f64,
    #[serde(default)]
    pub revenue_retained: i64,
    #[serde(default)]
    pub revenue_rampup: i64,
    #[serde(default)]
    pub revenue_referred: i64,
    /// Failures so far of the scenario's defects not yet recalled.
    #[serde(default)]
    pub product_failures: u32,
}

#[derive(Resource, Debug, Default, Clone)]
pub struct History {
    pub rows: Vec<DayRow>,
    /// Customers on day 0 (the first retention cohort).
    pub start_customers: u32,
}

pub(super) fn plugin(app: &mut App) {
    app.init_resource::<DayStats>()
        .init_resource::<History>()
        .add_systems(super::SimDayEnd, record_day.in_set(SimSet::Metrics));
}

#[allow(clippy::too_many_arguments)]
fn record_day(
    params: Res<Params>,
    clock: Res<Clock>,
    census: Res<Census>,
    rating: Res<Rating>,
    board: Res<Board>,
    snapshots: Res<RunRateSnapshots>,
    mut ledger: ResMut<Ledger>,
    mut stats: ResMut<DayStats>,
    mut history: ResMut<History>,
    (staff, defects): (Query<&Employee>, Res<super::defects::DefectState>),
) {
    let day = clock.day;
    if day == 0 {
        history.start_customers = params.start.customers;
    }
    let n_moods = stats.moods.len();
    let mean_mood = stats.mean_mood();
    let share9 = (n_moods > 0)
        .then(|| stats.moods.iter().filter(|&&m| m >= 9.0).count() as f64 / n_moods as f64);
    let rated = census.promoters + census.passives + census.detractors;
    let nps = if rated > 0 {
        100.0 * (census.promoters as f64 - census.detractors as f64) / rated as f64
    } else {
        0.0
    };
    let share = |n: u32| {
        if rated > 0 {
            n as f64 / rated as f64
        } else {
            0.0
        }
    };
    let customer_mood = (census.active > 0).then(|| census.mood_sum / census.active as f64);
    let retention_base = if day >= 90 {
        history.rows[(day - 90) as usize].active_customers
    } else {
        history.start_customers
    };
    let retention_90d = if retention_base > 0 {
        (census.retained_from_cohort as f64 / retention_base as f64).min(1.0)
    } else {
        1.0
    };
    let month = day / NDR_MONTH_DAYS;
    let ndr_month = month.saturating_sub(NDR_WINDOW_MONTHS) as usize;
    let ndr = snapshots
        .monthly
        .get(ndr_month)
        .filter(|&&base| base > 0.0)
        .map(|&base| census.ndr_numerator / base);

    // Customer acquisition cost: paid marketing over the last 30 days per paid customer won.
    let window = history.rows.iter().rev().take(29);
    let (spend, won) = window.fold((ledger.today.marketing, stats.new_paid), |(s, w), r| {
        (s + r.marketing, w + r.new_paid)
    });
    let cac = (won > 0).then(|| spend / won as i64);

    let (mut n, mut morale, mut fatigue, mut skill) = (0u32, 0.0, 0.0, 0.0);
    for e in &staff {
        n += 1;
        morale += e.morale as f64;
        fatigue += e.fatigue as f64;
        skill += e.skill as f64;
    }
    let per = |x: f64| if n > 0 { x / n as f64 } else { 0.0 };
    let t = ledger.today.clone();
    let row = DayRow {
        day,
        active_customers: census.active + stats.new_total() - stats.one_off,
        new_paid: stats.new_paid,
        new_referred: stats.new_referred,
        new_walk_in: stats.new_walk_in,
        churned: stats.churned,
        retention_90d,
        nps,
        promoters: share(census.promoters),
        detractors: share(census.detractors),
        customer_mood,
        mean_mood,
        share_mood_9plus: share9,
        mean_wait_min: (stats.served > 0).then(|| stats.wait_minutes / stats.served as f64),
        served: stats.served,
        balked: stats.balked,
        reneged: stats.reneged,
        complaints: stats.complaints,
        red_health: census.red_health,
        outreach: stats.outreach_contacts,
        won_back: stats.won_back,
        reputation: rating.stars,
        revenue: t.revenue,
        costs: t.costs(),
        profit: t.profit(),
        cash: ledger.cash,
        dividends: t.dividends,
        ndr,
        cac,
        marketing: t.marketing,
        employees: n,
        morale: per(morale),
        fatigue: per(fatigue),
        skill: per(skill),
        quits: stats.quits,
        hires: stats.hires,
        board_confidence: board.confidence,
        revenue_retained: stats.revenue_retained,
        revenue_rampup: stats.revenue_rampup,
        revenue_referred: stats.revenue_referred,
        product_failures: defects.open_failures(),
    };
    history.rows.push(row);
    ledger.closed = std::mem::take(&mut ledger.today);
    *stats = DayStats::default();
}
