//! What each visit felt like: expectation–disconfirmation with Kano asymmetry.
//!
//! Mood = neutral + the sum of each attribute's disconfirmation (Oliver 1980), where a shortfall
//! weighs more than an equal surplus (Anderson & Sullivan 1993; Mittal et al. 1998):
//! - wait (performance attribute), plus a must-be penalty when it is far beyond expectations;
//! - service value: delivered quality per price (Heskett's service value), and the shock of a
//!   price above what the customer is used to;
//! - errors (must-be: never a plus, a large minus);
//! - small surprises (attractive: only add), whose novelty fades as the customer gets used to
//!   them; once used to them, their absence hurts (attractive drifts to must-be);
//! - unrequested extras: capability·ln(1+n) − usability·n (feature fatigue).
//!
//! Expectations then move towards experience, and the remembered attitude towards the mood.

use bevy::prelude::*;
use rand::RngExt;
use rand_distr::{Distribution, Normal};

use super::clock::Clock;
use super::customers::{
    Customer, CustomerStory, Customers, NewCustomer, Thought, book_capital, make_customer,
    schedule_next_visit,
};
use super::day::DayStats;
use super::day::Visitor;
use super::finance::Ledger;
use super::floor::{Floor, FloorEvent, FloorLog};
use super::recovery::{Problem, Problems};
use super::rng::{SimRng, Stream};
use super::{Params, SimSet, SimTick};
use crate::levers::Levers;
use crate::scenario::{Driver, MAX_STAGES, RevenueModel, Scenario};
use crate::thoughts::ThoughtKind;

pub(super) fn plugin(app: &mut App) {
    app.add_systems(SimTick, process_visits.in_set(SimSet::Satisfaction));
}

/// How a visit went, as the customer lived it.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum VisitOutcome {
    Served { wait: f64, error: bool },
    TurnedAway { queue: u32, expected_wait: f64 },
    GaveUp { waited: f64 },
    Closed { waited: f64 },
}

/// The staff member's state as the customer saw it.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct StaffImpression {
    pub condition: f64,
    /// Their skill (how well they would put a complaint right).
    pub skill: f64,
    /// Their id (NEVER when nobody served).
    pub employee: u32,
}

impl Default for Noticed {
    fn default() -> Self {
        Noticed::with_room(6)
    }
}

/// The thoughts one visit can leave (at most one per attribute), without a heap allocation.
#[derive(Debug, Clone, PartialEq)]
pub struct Noticed {
    items: [Option<(ThoughtKind, f32, f32)>; 10],
    len: usize,
    room: usize,
}

impl Noticed {
    /// Room for `n` thoughts (at most 10): six for a visit that is one moment (one per
    /// attribute, as always), more for a journey of touchpoints.
    pub fn with_room(n: usize) -> Noticed {
        Noticed {
            items: [None; 10],
            len: 0,
            room: n.min(10),
        }
    }

    pub fn push(&mut self, t: (ThoughtKind, f32, f32)) {
        if self.len < self.room {
            self.items[self.len] = Some(t);
            self.len += 1;
        }
    }
    /// (kind, value, mood impact) of each thought.
    pub fn iter(&self) -> impl Iterator<Item = &(ThoughtKind, f32, f32)> {
        self.items.iter().flatten()
    }
}

/// A visit's mood and the thoughts it left.
#[derive(Debug, Clone, PartialEq)]
pub struct Felt {
    pub mood: f32,
    pub thoughts: Noticed,
    pub served: bool,
    /// Mood points lost to must-be failures and attribute shortfalls (for recovery).
    pub shortfall: f32,
}

/// Asymmetric response to relative disconfirmation `d` (positive = better than expected).
fn asym(s: &Scenario, d: f64) -> f64 {
    let sat = &s.satisfaction;
    if d >= 0.0 { sat.gain * d } else { sat.loss * d }
}

/// Quality index of the product at a given quality lever.
pub fn product_quality(s: &Scenario, quality_lever: f64) -> f64 {
    let sat = &s.satisfaction;
    (1.0 - (1.0 - sat.quality_reference) * quality_lever.max(0.05).powf(-sat.quality_elasticity))
        .clamp(0.0, 1.0)
}

/// Quality as delivered by an employee in the given condition (the service-profit chain's link
/// from employees to customers).
pub fn delivered_quality(s: &Scenario, quality_lever: f64, condition: f64) -> f64 {
    product_quality(s, quality_lever) * (1.0 - s.satisfaction.staff_share * (1.0 - condition))
}

/// Feature fatigue: mood points from `n` unrequested extras.
pub fn extras_effect(s: &Scenario, n: u32) -> f64 {
    let sat = &s.satisfaction;
    sat.extras_capability * (n as f64).ln_1p() - sat.extras_usability * n as f64
}

/// What every visit under the current levers shares, computed once per tick rather than per
/// visit (powers and logarithms are a large part of a visit's cost).
#[derive(Debug, Clone)]
pub struct Conditions {
    pub price: f64,
    pub product_quality: f64,
    /// price^(price sensitivity), per segment.
    pub price_factor: Vec<f64>,
    pub surprise_rate: f64,
    /// The quality lever and service level these were worked out from.
    pub quality_lever: f64,
    pub service_level: crate::levers::ServiceLevel,
    pub extras: u32,
    pub extras_effect: f64,
    pub noise: Option<Normal<f64>>,
    /// Today (a customer's tenure is counted to it).
    pub day: u32,
}

impl Conditions {
    pub fn new(s: &Scenario, levers: &Levers, day: u32) -> Self {
        Conditions {
            price: levers.price,
            product_quality: product_quality(s, levers.quality),
            price_factor: s
                .segments
                .iter()
                .map(|g| levers.price.powf(g.price_sensitivity))
                .collect(),
            surprise_rate: s.service.level_surprise.get(levers.service_level),
            quality_lever: levers.quality,
            service_level: levers.service_level,
            extras: levers.extras,
            extras_effect: extras_effect(s, levers.extras),
            noise: Normal::new(0.0, s.satisfaction.noise).ok(),
            day,
        }
    }

    /// Whether these conditions were worked out from the same levers (the scenario is fixed for
    /// a world's life).
    pub fn matches(&self, levers: &Levers) -> bool {
        self.price == levers.price
            && self.quality_lever == levers.quality
            && self.service_level == levers.service_level
            && self.extras == levers.extras
    }
}

/// Computes a visit's mood for customer `c` and updates their expectations and attitude.
pub fn feel(
    s: &Scenario,
    levers: &Conditions,
    c: &mut Customer,
    outcome: VisitOutcome,
    staff: StaffImpression,
    rng: &mut impl rand::Rng,
) -> Felt {
    let sat = &s.satisfaction;
    let seg = &s.segments[c.segment as usize];
    let mut thoughts = Noticed::with_room(if s.touchpoints.is_some() { 10 } else { 6 });
    let mut total = 0.0f64;
    let mut shortfall = 0.0f64;
    let mut add = |kind: Option<(ThoughtKind, f32)>, impact: f64, thoughts: &mut Noticed| {
        total += impact;
        if impact < 0.0 {
            shortfall -= impact;
        }
        if let Some((k, v)) = kind {
            thoughts.push((k, v, impact as f32));
        }
    };

    // Waiting: perceived longer than it was, judged against what they expected.
    let (waited, served) = match outcome {
        VisitOutcome::Served { wait, .. } => (wait, true),
        VisitOutcome::TurnedAway { expected_wait, .. } => (expected_wait, false),
        VisitOutcome::GaveUp { waited } | VisitOutcome::Closed { waited } => (waited, false),
    };
    let perceived = sat.wait_perception * waited;
    let expected = c.expected_wait.max(0.0) as f64;
    // Disconfirmation is measured against the segment's tolerance, so that a customer used to
    // never waiting is not outraged by half a minute.
    let tolerance = seg.expected_wait_minutes;
    let b = &s.behaviour;
    let d_wait = ((expected - perceived) / tolerance)
        .clamp(b.wait_disconfirmation_min, b.wait_disconfirmation_max);
    let mut wait_impact = sat.wait_weight * asym(s, d_wait);
    if perceived > expected + (sat.must_be_wait_factor - 1.0) * tolerance {
        wait_impact -= sat.must_be_penalty;
    }
    let wait_thought = match outcome {
        VisitOutcome::TurnedAway { queue, .. } => Some((ThoughtKind::TurnedAway, queue as f32)),
        VisitOutcome::GaveUp { waited } => Some((ThoughtKind::GaveUpWaiting, waited as f32)),
        VisitOutcome::Closed { waited } => Some((ThoughtKind::ClosedOnMe, waited as f32)),
        VisitOutcome::Served { wait, .. } if wait_impact < -0.5 => {
            Some((ThoughtKind::LongWait, wait as f32))
        }
        _ => None,
    };
    if !served {
        // Not being served at all misses the most basic expectation.
        wait_impact = wait_impact.min(0.0) - sat.must_be_penalty;
    }
    add(wait_thought, wait_impact, &mut thoughts);
    c.expected_wait += (sat.adaptation * (perceived - expected)) as f32;

    if let VisitOutcome::Served { error, .. } = outcome {
        let price = levers.price;
        // Service value: quality per price, against the quality they expect at the usual price.
        let quality = levers.product_quality * (1.0 - sat.staff_share * (1.0 - staff.condition));
        let value = quality / levers.price_factor[c.segment as usize];
        let eq = (c.expected_quality as f64).max(0.05);
        let value_impact = sat.quality_weight * asym(s, (value - eq) / eq);
        let kind = if value_impact < -0.5 {
            if price > 1.05 && quality >= eq * 0.97 {
                Some((ThoughtKind::TooExpensive, price as f32))
            } else {
                Some((ThoughtKind::PoorQuality, quality as f32))
            }
        } else {
            None
        };
        add(kind, value_impact, &mut thoughts);
        c.expected_quality += (sat.adaptation * (quality - eq)) as f32;

        // The person who served them: morale, rest and skill show in how they are treated,
        // judged against how staff ought to treat you (a norm that does not adapt).
        let b = &s.behaviour;
        let manner = b.manner_weight * asym(s, staff.condition - b.manner_norm);
        let manner_kind =
            (manner < -0.5).then_some((ThoughtKind::TiredStaff, staff.condition as f32));
        add(manner_kind, manner, &mut thoughts);

        // The shock of a higher price than they are used to (fades as they adapt).
        let ep = (c.expected_price as f64).max(0.05);
        // Long-standing customers mind a rise less (Reichheld's price premium, kept small).
        let years = (levers.day as i64 - c.joined_day as i64).max(0) as f64 / 365.0;
        let tolerance = 1.0 + s.behaviour.price_tolerance_per_year * years;
        let shock = seg.price_sensitivity * asym(s, (ep - price) / ep) / tolerance;
        let shock_kind = (price > c.last_price_paid as f64 * 1.02 && shock < -0.1).then(|| {
            (
                ThoughtKind::PriceUp,
                ((price / c.last_price_paid as f64 - 1.0) * 100.0) as f32,
            )
        });
        add(shock_kind, shock, &mut thoughts);
        c.expected_price += (sat.adaptation * (price - ep)) as f32;
        c.last_price_paid = price as f32;

        if error {
            add(
                Some((ThoughtKind::ServiceError, 1.0)),
                -sat.error_penalty,
                &mut thoughts,
            );
        }

        // Small surprises: attractive while novel; once expected, missing them hurts.
        let level_rate = levers.surprise_rate;
        let habit = c.surprise_habit as f64;
        if rng.random::<f64>() < level_rate {
            let bonus = sat.surprise_bonus * (1.0 - habit);
            add(
                Some((ThoughtKind::SmallSurprise, 1.0)),
                bonus,
                &mut thoughts,
            );
            c.surprise_habit += (sat.habituation * (1.0 - habit)) as f32;
        } else {
            let missing = (habit - level_rate).max(0.0);
            if missing > 0.02 {
                let impact = -sat.surprise_bonus * missing * sat.loss / sat.gain.max(0.01);
                let kind =
                    (impact < -0.25).then_some((ThoughtKind::MissedTheExtras, missing as f32));
                add(kind, impact, &mut thoughts);
            }
            c.surprise_habit -= (sat.habituation * habit) as f32;
        }

        // Unrequested extras.
        let extras = levers.extras_effect;
        let kind = (extras < -0.1).then_some((ThoughtKind::TooManyExtras, levers.extras as f32));
        add(kind, extras, &mut thoughts);
    }

    // A visit as a journey: each touchpoint may go wrong or delight, and the most intense
    // moment and the ending weigh more in what is remembered (peak-end).
    let touchpoints = s.touchpoints.as_ref().filter(|_| served);
    if let Some(tp) = touchpoints {
        let quality = levers.product_quality * (1.0 - sat.staff_share * (1.0 - staff.condition));
        let top = s
            .service
            .level_surprise
            .get(crate::levers::ServiceLevel::Obsession)
            .max(1e-9);
        let delight_scale = (levers.surprise_rate / top).clamp(0.0, 1.0);
        let mut impacts = [0.0f64; MAX_STAGES];
        let n = tp.stages.len().min(MAX_STAGES);
        for (i, st) in tp.stages.iter().take(n).enumerate() {
            let pressure = match st.driver {
                Driver::Quality => (1.0 - quality) / (1.0 - sat.quality_reference).max(0.01),
                Driver::Staff => (1.0 - staff.condition) / (1.0 - b.manner_norm).max(0.01),
                Driver::Wait => perceived / tolerance.max(0.01),
            }
            .clamp(0.0, 4.0);
            let failed = rng.random::<f64>() < st.fail_chance * pressure;
            let delighted = rng.random::<f64>() < st.delight_chance * delight_scale;
            impacts[i] = if failed {
                -st.fail_impact
            } else if delighted {
                st.delight_impact
            } else {
                0.0
            };
        }
        let impacts = &impacts[..n];
        // The most intense moment (the first of equals) and the last.
        let peak = (0..n).fold(None, |best: Option<usize>, i| match best {
            Some(j) if impacts[j].abs() >= impacts[i].abs() => Some(j),
            _ if impacts[i] != 0.0 => Some(i),
            _ => best,
        });
        let worst = (0..n)
            .filter(|&i| impacts[i] < 0.0)
            .min_by(|&a, &c| impacts[a].total_cmp(&impacts[c]));
        let best = (0..n)
            .filter(|&i| impacts[i] > 0.0)
            .max_by(|&a, &c| impacts[a].total_cmp(&impacts[c]).then(c.cmp(&a)));
        for (i, &impact) in impacts.iter().enumerate() {
            let weight = 1.0
                + tp.peak_end * f64::from(u8::from(peak == Some(i)))
                + tp.peak_end * f64::from(u8::from(i + 1 == n));
            let kind = if worst == Some(i) {
                Some((ThoughtKind::BadMoment, i as f32))
            } else if best == Some(i) {
                Some((ThoughtKind::GoodMoment, i as f32))
            } else {
                None
            };
            add(kind, impact * weight, &mut thoughts);
        }
    }

    let noise = Normal::new(0.0, sat.noise)
        .map(|n| n.sample(rng))
        .unwrap_or(0.0);
    let mut raw = sat.neutral_mood + total + noise;
    // The check before they leave: staff who notice a visit ending below the mark act on it.
    if let Some(check) = touchpoints.and_then(|tp| tp.mood_check.as_ref())
        && levers.service_level >= check.from_level
        && raw < check.below
        && rng.random::<f64>() < check.fix_chance * staff.skill
    {
        // Putting it right gives back a share of what the visit lost, never more (a recovery
        // restores satisfaction to about where it would have been: de Matos et al. 2007).
        let lift = check.lift * shortfall;
        raw += lift;
        thoughts.push((ThoughtKind::CheckedIn, 1.0, lift as f32));
    }
    let mood = raw.clamp(0.0, 10.0) as f32;
    c.mood = mood;
    c.attitude += sat.memory as f32 * (mood - c.attitude);
    c.attitude = c.attitude.clamp(0.0, 10.0);
    Felt {
        mood,
        thoughts,
        served,
        shortfall: shortfall as f32,
    }
}

/// Turns the floor's events into moods, money and customers.
#[allow(clippy::too_many_arguments)]
fn process_visits(
    params: Res<Params>,
    clock: Res<Clock>,
    levers: Res<Levers>,
    floor: Res<Floor>,
    log: Res<FloorLog>,
    mut rng: ResMut<SimRng>,
    mut stats: ResMut<DayStats>,
    mut ledger: ResMut<Ledger>,
    mut problems: ResMut<Problems>,
    mut tenure: ResMut<super::tenure::TenureBook>,
    mut book: ResMut<Customers>,
    mut cached: Local<Option<Conditions>>,
) {
    let s = &params.0;
    for (id, fee) in stats.renewal_revenue.drain(..) {
        if let Some((_, story)) = book.active_mut(id) {
            story.total_spend_cents += fee;
        }
    }
    if log.0.is_empty() {
        return;
    }
    let day = clock.day;
    // The levers change a few times a game; the powers they imply are worked out once per change.
    if !cached.as_ref().is_some_and(|c| c.matches(&levers)) {
        *cached = Some(Conditions::new(s, &levers, day));
    }
    let Some(conditions) = cached.as_mut() else {
        return;
    };
    conditions.day = day;
    let conditions = &*conditions;
    let price_cents = s.reference.price_cents as f64 * levers.price;
    let visit_cost = (s.reference.quality_cents_per_visit as f64 * levers.quality).round() as i64
        + s.service.level_cost_cents.get(levers.service_level)
        + s.service.extra_cost_cents * levers.extras as i64;
    // Who a customer who was not served would have met: the team on the floor, on average.
    let on_shift = {
        let n = floor.servers.len().max(1) as f64;
        StaffImpression {
            condition: floor.servers.iter().map(|sv| sv.condition).sum::<f64>() / n,
            skill: floor.servers.iter().map(|sv| sv.skill).sum::<f64>() / n,
            employee: super::customers::NEVER,
        }
    };
    // Staff time is costed at the wage paid today (the activity cost of serving a customer).
    let wage_per_minute = s.reference.wage_cents_per_hour as f64 * levers.wage / 60.0;
    let one_off_churn = |story: &mut CustomerStory| {
        story.set_churned_day(day);
        story.churn_cause = Some(super::customers::ChurnCause::OneOff);
    };

    warm_up(&book, &log.0);
    for event in &log.0 {
        let mut minutes = 0.0;
        let (visitor, outcome, staff) = match *event {
            FloorEvent::Served {
                visitor,
                wait,
                server,
                error,
                service_minutes,
                ..
            } => {
                minutes = service_minutes;
                let staff = floor
                    .servers
                    .get(server)
                    .map_or(on_shift, |sv| StaffImpression {
                        condition: sv.condition,
                        skill: sv.skill,
                        employee: sv.employee_id,
                    });
                stats.served += 1;
                stats.wait_minutes += wait;
                (visitor, VisitOutcome::Served { wait, error }, staff)
            }
            FloorEvent::Balked { visitor, queue } => {
                stats.balked += 1;
                let servers = floor.servers.len().max(1) as f64;
                let expected_wait = (queue as f64 + 1.0) * s.service.mean_minutes / servers;
                (
                    visitor,
                    VisitOutcome::TurnedAway {
                        queue,
                        expected_wait,
                    },
                    on_shift,
                )
            }
            FloorEvent::Reneged {
                visitor,
                waited,
                closing,
                ..
            } => {
                stats.reneged += 1;
                let outcome = if closing {
                    VisitOutcome::Closed { waited }
                } else {
                    VisitOutcome::GaveUp { waited }
                };
                (visitor, outcome, on_shift)
            }
        };
        let served = matches!(outcome, VisitOutcome::Served { .. });
        let rng = rng.stream(Stream::Experience);

        match visitor {
            Visitor::New { segment, source } => {
                // A prospect who was not served never became a customer.
                if !served {
                    continue;
                }
                let mut c = make_customer(
                    s,
                    book.next_id(),
                    &NewCustomer {
                        segment: segment as usize,
                        source,
                        joined_day: day as i32,
                    },
                    rng,
                );
                let felt = feel(s, conditions, &mut c, outcome, staff, rng);
                let mut story = CustomerStory::default();
                let paid = pay(&c, price_cents);
                ledger.today.revenue += paid;
                book_capital(&mut stats, &c, day, paid);
                ledger.today.cost_of_goods += visit_cost;
                story.total_spend_cents += paid;
                let books = tenure.year(day, c.joined_day);
                books.revenue_cents += paid;
                books.goods_cents += visit_cost;
                books.staff_cents += minutes * wage_per_minute;
                record(&mut c, &mut story, &felt, staff, day);
                stats.record_mood(felt.mood);
                stats.count_new(source);
                let one_off = s.segments[segment as usize].visits_per_month <= 0.0;
                if one_off {
                    one_off_churn(&mut story);
                    tenure.year(day, c.joined_day).departures += 1;
                    stats.churned += 1;
                    stats.one_off += 1;
                } else {
                    schedule_next_visit(s, &mut c, day, rng);
                }
                let problem = is_problem(s, &felt, outcome);
                // Ids come from the book's own counter, so this is the next.
                let Ok(added) = book.add(c, story, !one_off) else {
                    continue;
                };
                if problem && !one_off {
                    problems.0.push(Problem {
                        customer: added,
                        shortfall: felt.shortfall,
                        attitude_before: s.satisfaction.neutral_mood as f32,
                        price_cents: paid,
                        staff_skill: staff.skill as f32,
                    });
                }
            }
            Visitor::Returning { customer, .. } => {
                let Some((c, story)) = book.active_mut(customer) else {
                    continue;
                };
                let attitude_before = c.attitude;
                let felt = feel(s, conditions, c, outcome, staff, rng);
                let mut paid = 0;
                if served {
                    if s.revenue == RevenueModel::PerVisit {
                        paid = pay(c, price_cents);
                        ledger.today.revenue += paid;
                        book_capital(&mut stats, c, day, paid);
                        story.total_spend_cents += paid;
                    }
                    ledger.today.cost_of_goods += visit_cost;
                    stats.record_mood(felt.mood);
                    let books = tenure.year(day, c.joined_day);
                    books.revenue_cents += paid;
                    books.goods_cents += visit_cost;
                    books.staff_cents += minutes * wage_per_minute;
                }
                record(c, story, &felt, staff, day);
                if is_problem(s, &felt, outcome) {
                    problems.0.push(Problem {
                        customer,
                        shortfall: felt.shortfall,
                        attitude_before,
                        price_cents: paid,
                        staff_skill: staff.skill as f32,
                    });
                }
                schedule_next_visit(s, c, day, rng);
            }
        }
    }
}

/// Reads every returning visitor's state once before the visits are worked out. The tick's
/// visitors are scattered through memory (arrival order is not storage order), and each visit's
/// first read of its customer was the model's largest single cost: a cache miss it waited for.
/// Here the reads do not depend on each other, so the processor fetches many at once; the
/// visits then find their customers in cache. Changes nothing but the time taken.
fn warm_up(book: &Customers, log: &[FloorEvent]) {
    for event in log {
        let visitor = match *event {
            FloorEvent::Served { visitor, .. }
            | FloorEvent::Balked { visitor, .. }
            | FloorEvent::Reneged { visitor, .. } => visitor,
        };
        if let Visitor::Returning { customer, .. } = visitor {
            std::hint::black_box(book.touch(customer));
        }
    }
}

/// What a visit (or a sign-up) pays: the price at today's lever times their spend.
fn pay(c: &Customer, price_cents: f64) -> i64 {
    (price_cents * c.spend as f64).round() as i64
}

fn is_problem(s: &Scenario, felt: &Felt, outcome: VisitOutcome) -> bool {
    matches!(outcome, VisitOutcome::Served { error: true, .. })
        || (felt.mood as f64) < s.complaints.problem_mood
}

fn record(
    c: &mut Customer,
    story: &mut CustomerStory,
    felt: &Felt,
    staff: StaffImpression,
    day: u32,
) {
    if felt.served {
        if felt.mood >= 9.0 {
            c.liked_server = staff.employee;
        }
        c.visits += 1;
        c.last_visit_day = day as i32;
        if c.open_complaint && felt.mood as f64 >= 7.0 {
            c.open_complaint = false;
        }
    }
    story.remember_mood(felt.mood);
    for &(kind, value, impact) in felt.thoughts.iter() {
        story.think(Thought {
            day,
            kind,
            value,
            impact,
        });
    }
}
