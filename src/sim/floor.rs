//! The service floor: a queue and service points staffed by the employees on shift.
//!
//! Waits are not computed from a formula: they emerge from random (Poisson) arrivals meeting
//! random service times at a finite number of servers. Within a tick, events are processed in
//! continuous time, so the queue is an exact M/M/c (Erlang C) system when patience is off, and an
//! M/M/c+M (Erlang A) system when customers renege after an exponential patience. Customers who
//! find too long a queue balk at the door.

use std::cmp::Reverse;
use std::collections::{BinaryHeap, VecDeque};

use bevy::prelude::*;
use rand::RngExt;

use super::clock::{Clock, MINUTES_PER_DAY};
use super::day::{PlannedArrival, TodayArrivals, Visitor};
use super::rng::{SimRng, Stream};
use super::{Params, SimSet, SimTick};
use crate::levers::Levers;
use crate::scenario::ServiceTime;

#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Waiting {
    pub visitor: Visitor,
    pub arrived: f64,
    /// When their patience runs out (infinite without patience).
    pub deadline: f64,
}

/// One service point and the employee who works it.
#[derive(Debug, Clone, PartialEq)]
pub struct Server {
    pub employee: Entity,
    /// The employee's id (what customers remember them by).
    pub employee_id: u32,
    /// Today's shift on the floor, in absolute minutes (after any back-office work).
    pub on_from: f64,
    pub on_until: f64,
    pub busy_until: f64,
    /// Customers served per minute relative to a skilled, rested employee.
    pub speed: f64,
    pub error_probability: f64,
    /// 0–1: how the employee comes across (morale, rest, skill).
    pub condition: f64,
    /// 0–1: their skill (how well they put a complaint right).
    pub skill: f64,
    /// The customer being served now, and when they will be done.
    pub serving: Option<(Visitor, f64)>,
    /// Minutes spent serving today.
    pub busy_minutes: f64,
}

impl Server {
    /// The earliest time this server could start a new service.
    fn free_at(&self) -> f64 {
        self.busy_until.max(self.on_from)
    }
}

/// The queue and service points.
#[derive(Resource, Debug, Default, Clone)]
pub struct Floor {
    pub servers: Vec<Server>,
    pub queue: VecDeque<Waiting>,
}

/// What happened on the floor this tick, for the satisfaction rule.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum FloorEvent {
    Served {
        visitor: Visitor,
        arrived: f64,
        wait: f64,
        service_minutes: f64,
        server: usize,
        error: bool,
    },
    /// Turned away at the door, seeing `queue` people waiting.
    Balked { visitor: Visitor, queue: u32 },
    /// Left the queue after waiting `waited` minutes (`closing`: the business closed).
    Reneged {
        visitor: Visitor,
        /// When they arrived (identifies the visit).
        arrived: f64,
        waited: f64,
        closing: bool,
    },
}

#[derive(Resource, Debug, Default, Clone)]
pub struct FloorLog(pub Vec<FloorEvent>);

pub(super) fn plugin(app: &mut App) {
    app.init_resource::<TodayArrivals>()
        .init_resource::<Floor>()
        .init_resource::<FloorLog>()
        .add_systems(SimTick, run_floor.in_set(SimSet::Floor));
}

/// Service parameters that hold for the whole tick.
/// A newcomer's extra service time below this share of a service counts as none.
const FAMILIAR_EXTRA: f64 = 0.001;

struct ServiceSetup {
    mean_minutes: f64,
    distribution: ServiceTime,
    /// A newcomer's extra service time, and the visits over which it fades.
    newcomer_extra: f64,
    familiarity_visits: f64,
    /// Past this many visits the extra is under 0.1 % of a service and counts as none (regulars,
    /// most visits, then need no exponential).
    familiar_after: f64,
}

fn run_floor(
    params: Res<Params>,
    clock: Res<Clock>,
    levers: Res<Levers>,
    mut rng: ResMut<SimRng>,
    mut today: ResMut<TodayArrivals>,
    mut floor: ResMut<Floor>,
    mut log: ResMut<FloorLog>,
) {
    let s = &params.0;
    let rng = rng.stream(Stream::Service);
    let setup = ServiceSetup {
        mean_minutes: s.service.mean_minutes
            * s.service.level_time.get(levers.service_level)
            * (1.0 + s.service.extra_time_share * levers.extras as f64),
        distribution: s.service.distribution,
        newcomer_extra: s.behaviour.newcomer_service_time,
        familiarity_visits: s.behaviour.familiarity_visits,
        familiar_after: s.behaviour.familiarity_visits
            * (s.behaviour.newcomer_service_time / FAMILIAR_EXTRA)
                .ln()
                .max(0.0),
    };
    let (_, tick_end) = clock.tick_window();
    let floor = &mut *floor;
    log.0.clear();
    let mut free = FreeServers::new(&floor.servers);
    let last_on_shift = floor
        .servers
        .iter()
        .map(|sv| sv.on_until)
        .fold(f64::NEG_INFINITY, f64::max);

    while today.cursor < today.planned.len() && today.planned[today.cursor].time < tick_end {
        let arrival = today.planned[today.cursor];
        today.cursor += 1;
        serve_queue_until(floor, &mut free, arrival.time, &setup, rng, &mut log.0);
        let nobody_serving = arrival.time >= last_on_shift;
        arrive(
            floor,
            &mut free,
            arrival,
            nobody_serving,
            s,
            &setup,
            rng,
            &mut log.0,
        );
    }
    serve_queue_until(floor, &mut free, tick_end, &setup, rng, &mut log.0);

    // Anyone whose patience ran out before the tick's end has left.
    floor.queue.retain(|w| {
        if w.deadline < tick_end {
            log.0.push(FloorEvent::Reneged {
                visitor: w.visitor,
                arrived: w.arrived,
                waited: w.deadline - w.arrived,
                closing: false,
            });
            false
        } else {
            true
        }
    });

    // Services finished by now leave their server free (the view reads this).
    for sv in &mut floor.servers {
        if matches!(sv.serving, Some((_, end)) if end <= tick_end) {
            sv.serving = None;
        }
    }

    // At closing time those still waiting are sent away (a business open around the clock never
    // closes, so its queue carries over to the next day).
    let open_all_day = (clock.day_close() - clock.day_open()) >= MINUTES_PER_DAY - 1e-9;
    if clock.is_day_end() && !open_all_day {
        for w in floor.queue.drain(..) {
            log.0.push(FloorEvent::Reneged {
                visitor: w.visitor,
                arrived: w.arrived,
                waited: tick_end - w.arrived,
                closing: true,
            });
        }
    }
}

/// A server's next possible start, ordered by time and then by index (deterministic ties).
#[derive(Debug, Clone, Copy, PartialEq)]
struct Slot {
    at: f64,
    idx: usize,
}

impl Eq for Slot {}

impl Ord for Slot {
    fn cmp(&self, other: &Self) -> std::cmp::Ordering {
        self.at.total_cmp(&other.at).then(self.idx.cmp(&other.idx))
    }
}

impl PartialOrd for Slot {
    fn partial_cmp(&self, other: &Self) -> Option<std::cmp::Ordering> {
        Some(self.cmp(other))
    }
}

/// The servers ordered by when each can next start a service, so each event costs O(log c)
/// rather than a scan of every service point. Rebuilt every tick, as staff time taken off the
/// floor between ticks moves servers' availability.
struct FreeServers(BinaryHeap<Reverse<Slot>>);

impl FreeServers {
    fn new(servers: &[Server]) -> Self {
        FreeServers(
            servers
                .iter()
                .enumerate()
                .filter(|(_, sv)| sv.free_at() < sv.on_until)
                .map(|(idx, sv)| {
                    Reverse(Slot {
                        at: sv.free_at(),
                        idx,
                    })
                })
                .collect(),
        )
    }

    /// The server that can start soonest, forgetting those whose shift is over by `now`.
    fn earliest(&mut self, servers: &[Server], now: f64) -> Option<Slot> {
        while let Some(&Reverse(top)) = self.0.peek() {
            let on_until = servers[top.idx].on_until;
            if top.at >= on_until || on_until <= now {
                self.0.pop();
                continue;
            }
            return Some(top);
        }
        None
    }

    fn pop(&mut self) {
        self.0.pop();
    }

    /// Puts the server at the top (the one [`FreeServers::earliest`] returned, who has just
    /// started a service) back in its place by when it is next free, or drops it if its shift
    /// is over by then: one pass down the heap instead of a pop and a push. The heap holds each
    /// server once and orders them totally (time, then index), so which server comes next never
    /// depends on how the heap is laid out.
    fn requeue_top(&mut self, servers: &[Server]) {
        if let Some(mut top) = self.0.peek_mut() {
            let sv = &servers[top.0.idx];
            if sv.free_at() < sv.on_until {
                top.0.at = sv.free_at();
            } else {
                std::collections::binary_heap::PeekMut::pop(top);
            }
        }
    }
}

/// Lets servers take customers from the queue, in time order, up to `until`.
fn serve_queue_until(
    floor: &mut Floor,
    free: &mut FreeServers,
    until: f64,
    setup: &ServiceSetup,
    rng: &mut impl rand::Rng,
    log: &mut Vec<FloorEvent>,
) {
    while !floor.queue.is_empty() {
        let Some(Slot { at: t, idx: i }) = free.earliest(&floor.servers, f64::NEG_INFINITY) else {
            return;
        };
        if t >= until {
            return;
        }
        // Those whose patience ran out before the server was free have already left.
        while let Some(w) = floor.queue.front() {
            if w.deadline < t {
                log.push(FloorEvent::Reneged {
                    visitor: w.visitor,
                    arrived: w.arrived,
                    waited: w.deadline - w.arrived,
                    closing: false,
                });
                floor.queue.pop_front();
            } else {
                break;
            }
        }
        let Some(&w) = floor.queue.front() else {
            return;
        };
        let start = t.max(w.arrived);
        if start >= floor.servers[i].on_until {
            free.pop();
            continue; // their shift ended before this customer came: done for the day
        }
        floor.queue.pop_front();
        start_service(floor, i, w.visitor, w.arrived, start, setup, rng, log);
        free.requeue_top(&floor.servers);
    }
}

#[allow(clippy::too_many_arguments)]
fn start_service(
    floor: &mut Floor,
    server: usize,
    visitor: Visitor,
    arrived: f64,
    start: f64,
    setup: &ServiceSetup,
    rng: &mut impl rand::Rng,
    log: &mut Vec<FloorEvent>,
) {
    let sv = &mut floor.servers[server];
    // Newcomers take longer to serve; regulars know what they want (and how the product works).
    let visits = visitor.visits() as f64;
    let familiarity = if setup.newcomer_extra > 0.0 && visits <= setup.familiar_after {
        1.0 + setup.newcomer_extra * (-visits / setup.familiarity_visits).exp()
    } else {
        1.0
    };
    let mean = setup.mean_minutes * familiarity / sv.speed.max(0.05);
    let minutes = service_minutes(setup.distribution, mean, rng);
    let error = rng.random::<f64>() < sv.error_probability;
    sv.busy_until = start + minutes;
    sv.busy_minutes += minutes;
    sv.serving = Some((visitor, start + minutes));
    log.push(FloorEvent::Served {
        visitor,
        arrived,
        wait: start - arrived,
        service_minutes: minutes,
        server,
        error,
    });
}

#[allow(clippy::too_many_arguments)]
fn arrive(
    floor: &mut Floor,
    free: &mut FreeServers,
    arrival: PlannedArrival,
    nobody_serving: bool,
    s: &crate::scenario::Scenario,
    setup: &ServiceSetup,
    rng: &mut impl rand::Rng,
    log: &mut Vec<FloorEvent>,
) {
    let t = arrival.time;
    let seg = &s.segments[arrival.visitor.segment()];
    if floor.queue.is_empty()
        && let Some(slot) = free.earliest(&floor.servers, t)
        && slot.at <= t
    {
        // The server who has been free the longest takes them at once.
        start_service(floor, slot.idx, arrival.visitor, t, t, setup, rng, log);
        free.requeue_top(&floor.servers);
        return;
    }
    let waiting = floor.queue.len() as u32;
    if seg.balk_queue.is_some_and(|limit| waiting >= limit) || nobody_serving {
        log.push(FloorEvent::Balked {
            visitor: arrival.visitor,
            queue: waiting,
        });
        return;
    }
    let deadline = match seg.patience_minutes {
        Some(mean) => t - (1.0 - rng.random::<f64>()).ln() * mean,
        None => f64::INFINITY,
    };
    floor.queue.push_back(Waiting {
        visitor: arrival.visitor,
        arrived: t,
        deadline,
    });
}

impl Floor {
    /// Takes `minutes` of staff time off the floor from `now` (complaints, outreach), shared
    /// evenly by the employees on shift: they are busy for that long before serving again.
    pub fn occupy_staff(&mut self, minutes: f64, now: f64) {
        let on_shift: Vec<usize> = (0..self.servers.len())
            .filter(|&i| self.servers[i].on_until > now)
            .collect();
        if on_shift.is_empty() || minutes <= 0.0 {
            return;
        }
        let share = minutes / on_shift.len() as f64;
        for i in on_shift {
            let sv = &mut self.servers[i];
            sv.busy_until = sv.busy_until.max(now).max(sv.on_from) + share;
        }
    }
}

/// One service's length in minutes, drawn from the scenario's distribution with this mean.
pub fn service_minutes(distribution: ServiceTime, mean: f64, rng: &mut impl rand::Rng) -> f64 {
    match distribution {
        // Inverse transform: -ln(U) with U in (0, 1].
        ServiceTime::Exponential => -(1.0 - rng.random::<f64>()).ln() * mean,
        ServiceTime::Deterministic => mean,
        ServiceTime::LogNormal { cv } => {
            // exp(μ + σZ) with σ² = ln(1 + cv²) and μ = ln(mean) − σ²/2 has this mean and cv;
            // Z standard normal by Box–Muller from two uniforms.
            let var = (1.0 + cv * cv).ln();
            let u1 = 1.0 - rng.random::<f64>();
            let u2 = rng.random::<f64>();
            let z = (-2.0 * u1.ln()).sqrt() * (std::f64::consts::TAU * u2).cos();
            mean * (z * var.sqrt() - var / 2.0).exp()
        }
    }
}

#[cfg(test)]
mod service_time_tests {
    use super::*;
    use rand::SeedableRng;

    /// Mean and coefficient of variation of many draws.
    fn moments(d: ServiceTime, mean: f64) -> (f64, f64) {
        let mut rng = rand_chacha::ChaCha8Rng::seed_from_u64(7);
        let n = 400_000;
        let xs: Vec<f64> = (0..n).map(|_| service_minutes(d, mean, &mut rng)).collect();
        let m = xs.iter().sum::<f64>() / n as f64;
        let var = xs.iter().map(|x| (x - m) * (x - m)).sum::<f64>() / n as f64;
        (m, var.sqrt() / m)
    }

    #[test]
    fn each_distribution_has_the_mean_and_spread_it_promises() {
        let (m, cv) = moments(ServiceTime::Exponential, 6.0);
        assert!(
            (m - 6.0).abs() < 0.05 && (cv - 1.0).abs() < 0.02,
            "{m} {cv}"
        );
        assert_eq!(moments(ServiceTime::Deterministic, 6.0), (6.0, 0.0));
        for want in [0.3, 1.0] {
            let (m, cv) = moments(ServiceTime::LogNormal { cv: want }, 6.0);
            assert!((m - 6.0).abs() < 0.06, "mean {m}");
            assert!(
                (cv - want).abs() < 0.05 * want.max(0.5),
                "cv {cv} for {want}"
            );
        }
    }
}
