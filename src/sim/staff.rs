//! Employees: the service-profit chain's first links.
//!
//! Pay relative to the market, training and workload set each employee's morale; long hours and
//! a floor run near capacity build fatigue; training and experience build skill. Skill and hours
//! set how fast they serve (output per hour falls past ~49 hours a week: Pencavel 2014); fatigue
//! and lack of skill cause errors; morale, rest and skill shape how customers experience them.
//! Quits rise steeply with low morale, fatigue and below-market pay (Emanuel & Harrington 2020),
//! and every vacancy takes time and a fifth of a year's salary to fill (Boushey & Glynn 2012).

use bevy::prelude::*;
use rand::RngExt;

use super::clock::Clock;
use super::day::DayStats;
use super::finance::Ledger;
use super::floor::{Floor, Server};
use super::rng::{SimRng, Stream};
use super::{Params, SimSet};
use crate::levers::Levers;
use crate::scenario::Scenario;

#[derive(Component, Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct Employee {
    pub id: u32,
    pub hired_day: u32,
    pub morale: f32,
    pub fatigue: f32,
    pub skill: f32,
    /// Days on which they worked overtime.
    pub overtime_days: u32,
}

/// Employees who left since the customers last heard (quits at the end of a day, lay-offs at
/// the start of one), by id: the customers who liked being served by them feel it at the start
/// of the next day.
#[derive(Resource, Debug, Default, Clone)]
pub struct Departures(pub Vec<u32>);

/// Vacancies being filled: the day each new hire starts.
#[derive(Resource, Debug, Default, Clone)]
pub struct Hiring {
    pub starts: Vec<u32>,
    pub next_id: u32,
}

pub(super) fn plugin(app: &mut App) {
    app.init_resource::<Hiring>()
        .init_resource::<Departures>()
        .add_systems(
            Startup,
            spawn_start_staff
                .run_if(super::new_world)
                .in_set(super::StartupSet::Staff),
        )
        .add_systems(
            super::SimDayStart,
            (adjust_headcount, build_roster)
                .chain()
                .in_set(SimSet::Roster),
        )
        .add_systems(super::SimDayEnd, end_of_shift.in_set(SimSet::Staff));
}

/// Hours an employee is on the floor per day: their shift plus overtime, within opening hours.
pub fn daily_hours(s: &Scenario, levers: &Levers) -> f64 {
    (s.staff.shift_hours + levers.overtime).min(s.open_minutes() / 60.0)
}

/// Output per hour relative to a sustainable week (Pencavel): proportional up to the sustainable
/// weekly hours, rising ever less beyond, flat from the maximum.
pub fn hourly_productivity(s: &Scenario, daily_hours: f64) -> f64 {
    let st = &s.staff;
    let week = daily_hours * st.workdays_per_week;
    if week <= st.sustainable_weekly_hours || week <= 0.0 {
        return 1.0;
    }
    let hs = st.sustainable_weekly_hours;
    let span = st.max_weekly_hours - hs;
    let over = (week - hs).min(span);
    let output = hs + over - over * over / (2.0 * span);
    output / week
}

/// Hourly wage at the current lever, in cents.
pub fn wage_rate(s: &Scenario, levers: &Levers) -> f64 {
    s.reference.wage_cents_per_hour as f64 * levers.wage
}

/// Pay relative to the market.
pub fn relative_pay(s: &Scenario, levers: &Levers) -> f64 {
    wage_rate(s, levers) / s.reference.market_wage_cents_per_hour as f64
}

fn new_employee(s: &Scenario, hiring: &mut Hiring, day: u32, skill: f64) -> Employee {
    let id = hiring.next_id;
    hiring.next_id += 1;
    Employee {
        id,
        hired_day: day,
        morale: s.staff.start_morale as f32,
        fatigue: 0.0,
        skill: skill as f32,
        overtime_days: 0,
    }
}

fn spawn_start_staff(
    mut commands: Commands,
    params: Res<Params>,
    levers: Res<Levers>,
    mut hiring: ResMut<Hiring>,
) {
    let s = &params.0;
    for _ in 0..levers.staff {
        let e = new_employee(s, &mut hiring, 0, s.staff.start_skill);
        commands.spawn(e);
    }
}

/// Hires, lay-offs and new starters, towards the `staff` lever.
#[allow(clippy::too_many_arguments)]
fn adjust_headcount(
    params: Res<Params>,
    clock: Res<Clock>,
    levers: Res<Levers>,
    mut hiring: ResMut<Hiring>,
    mut ledger: ResMut<Ledger>,
    mut stats: ResMut<DayStats>,
    mut departures: ResMut<Departures>,
    mut staff: Query<(Entity, &mut Employee)>,
    mut commands: Commands,
) {
    let s = &params.0;
    let day = clock.day;
    let mut current: Vec<(u32, Entity)> = staff.iter().map(|(e, emp)| (emp.id, e)).collect();
    current.sort_unstable();
    let target = levers.staff as usize;
    let annual_salary =
        wage_rate(s, &levers) * s.staff.shift_hours * s.staff.workdays_per_week * 52.0;

    // Too many (present or coming): cancel the latest vacancies, then let the newest go.
    while current.len() + hiring.starts.len() > target && !hiring.starts.is_empty() {
        hiring.starts.pop();
    }
    let mut laid_off = 0;
    while current.len() > target {
        let (id, e) = current.pop().expect("len > target >= 0");
        commands.entity(e).despawn();
        departures.0.push(id);
        laid_off += 1;
    }
    if laid_off > 0 {
        let daily_wage = wage_rate(s, &levers) * s.staff.shift_hours;
        ledger.today.staff_changes +=
            (daily_wage * s.staff.severance_days * laid_off as f64).round() as i64;
        stats.layoffs += laid_off;
        let hit = s.staff.layoff_morale_hit as f32 * laid_off as f32;
        for (e, mut emp) in &mut staff {
            if current.iter().any(|&(_, c)| c == e) {
                emp.morale = (emp.morale - hit).max(0.0);
            }
        }
    }
    // Too few: post vacancies, filled after the hiring lag.
    while current.len() + hiring.starts.len() < target {
        hiring.starts.push(day + s.staff.hire_lag_days);
    }
    // Starters whose day has come.
    let ready = hiring.starts.iter().filter(|&&d| d <= day).count();
    hiring.starts.retain(|&d| d > day);
    for _ in 0..ready {
        let e = new_employee(s, &mut hiring, day, s.staff.new_hire_skill);
        commands.spawn(e);
        ledger.today.staff_changes += (annual_salary * s.staff.hire_cost_share).round() as i64;
        stats.hires += 1;
    }
}

/// Today's shifts: opening and closing shifts in turn, one service point per employee.
fn build_roster(
    params: Res<Params>,
    clock: Res<Clock>,
    levers: Res<Levers>,
    mut floor: ResMut<Floor>,
    staff: Query<(Entity, &Employee)>,
) {
    let s = &params.0;
    let mut people: Vec<(u32, Entity, &Employee)> =
        staff.iter().map(|(e, emp)| (emp.id, e, emp)).collect();
    people.sort_unstable_by_key(|p| p.0);
    let open = clock.day_open();
    let length = clock.day_close() - open;
    let hours = daily_hours(s, &levers);
    let window = (hours * 60.0).min(length);
    let productivity = hourly_productivity(s, hours);
    let v = &s.service;
    let old = std::mem::take(&mut floor.servers);
    // Each employee's service point from yesterday (a map, not a scan: there may be hundreds).
    let previous_of: std::collections::BTreeMap<Entity, usize> = old
        .iter()
        .enumerate()
        .map(|(i, sv)| (sv.employee, i))
        .collect();
    floor.servers = people
        .iter()
        .enumerate()
        .map(|(i, &(_, entity, emp))| {
            // Alternate opening and closing shifts: everyone overlaps in the middle of the day,
            // and each end of the day has half the team.
            let start = if i % 2 == 0 {
                open
            } else {
                open + length - window
            };
            let skill = emp.skill as f64;
            let fatigue = emp.fatigue as f64;
            let speed = (v.unskilled_speed + (1.0 - v.unskilled_speed) * skill)
                * productivity
                * (1.0 - s.behaviour.fatigue_slowdown * fatigue);
            let previous = previous_of.get(&entity).map(|&i| &old[i]);
            Server {
                employee: entity,
                employee_id: emp.id,
                on_from: start,
                on_until: start + window,
                busy_until: previous.map_or(start, |p| p.busy_until),
                speed,
                error_probability: (v.error_base
                    + v.error_fatigue * fatigue
                    + v.error_unskilled * (1.0 - skill))
                    .clamp(0.0, 1.0),
                condition: (s.staff.condition_morale * emp.morale as f64
                    + s.staff.condition_rest * (1.0 - fatigue)
                    + s.staff.condition_skill * skill)
                    .clamp(0.0, 1.0),
                skill,
                serving: previous.and_then(|p| p.serving),
                busy_minutes: 0.0,
            }
        })
        .collect();
}

/// End of the day for the staff: pay, fatigue, morale, skill, and who quits.
#[allow(clippy::too_many_arguments)]
fn end_of_shift(
    params: Res<Params>,
    levers: Res<Levers>,
    floor: Res<Floor>,
    mut rng: ResMut<SimRng>,
    mut ledger: ResMut<Ledger>,
    mut stats: ResMut<DayStats>,
    mut departures: ResMut<Departures>,
    mut staff: Query<(Entity, &mut Employee)>,
    mut commands: Commands,
) {
    let s = &params.0;
    let st = &s.staff;
    let rng = rng.stream(Stream::Staff);
    let hours = daily_hours(s, &levers);
    let regular = hours.min(st.shift_hours);
    let overtime = hours - regular;
    let rate = wage_rate(s, &levers);
    let pay_per_head = rate * regular + rate * st.overtime_premium * overtime;
    let week = hours * st.workdays_per_week;
    let rel_pay = relative_pay(s, &levers);
    let neutral = s.satisfaction.neutral_mood;
    let mean_mood = stats.mean_mood().unwrap_or(neutral);
    // The share of today's visits that went badly: the emotional load of the day's work.
    let upset = if stats.moods.is_empty() {
        0.0
    } else {
        let problem = s.complaints.problem_mood as f32;
        stats.moods.iter().filter(|&&m| m < problem).count() as f64 / stats.moods.len() as f64
    };
    let morale_target_base = st.morale_base
        + st.morale_pay * rel_pay.ln()
        + st.morale_training * levers.training.max(0.05).ln()
        + st.morale_customers * (mean_mood - neutral) / 10.0;
    let annual_quit = st.annual_quit_rate / 365.0 * rel_pay.powf(st.quit_pay_elasticity);

    let mut people: Vec<(u32, Entity)> = staff.iter().map(|(e, emp)| (emp.id, e)).collect();
    people.sort_unstable();
    let mut wages = 0.0;
    let server_of: std::collections::BTreeMap<Entity, usize> = floor
        .servers
        .iter()
        .enumerate()
        .map(|(i, sv)| (sv.employee, i))
        .collect();
    for (_, entity) in people {
        let Ok((_, mut emp)) = staff.get_mut(entity) else {
            continue;
        };
        wages += pay_per_head;
        let sv = server_of.get(&entity).map(|&i| &floor.servers[i]);
        let utilisation = sv.map_or(0.0, |sv| {
            let on = (sv.on_until - sv.on_from).max(1.0);
            (sv.busy_minutes / on).clamp(0.0, 1.5)
        });
        let f = emp.fatigue as f64;
        let fatigue = f
            + st.fatigue_overtime
                * ((week - st.sustainable_weekly_hours).max(0.0) / st.sustainable_weekly_hours)
            + st.fatigue_load * (utilisation - st.load_threshold).max(0.0)
            + st.fatigue_emotional * upset * utilisation.min(1.0)
            - st.fatigue_recovery * f;
        emp.fatigue = fatigue.clamp(0.0, 1.0) as f32;
        let target = (morale_target_base - st.morale_workload * emp.fatigue as f64).clamp(0.0, 1.0);
        let m = emp.morale as f64;
        emp.morale = (m + st.morale_rate * (target - m)).clamp(0.0, 1.0) as f32;
        let k = emp.skill as f64;
        emp.skill = (k + (st.skill_training * levers.training + st.skill_experience) * (1.0 - k))
            .clamp(0.0, 1.0) as f32;
        if overtime > 0.0 {
            emp.overtime_days += 1;
        }
        let hazard = annual_quit
            * (st.quit_morale * (st.quit_morale_reference - emp.morale as f64)
                + st.quit_fatigue * emp.fatigue as f64)
                .exp();
        if rng.random::<f64>() < hazard.min(1.0) {
            commands.entity(entity).despawn();
            departures.0.push(emp.id);
            stats.quits += 1;
        }
    }
    ledger.today.wages += wages.round() as i64;
    ledger.today.training += (s.reference.training_cents_per_employee_day as f64
        * levers.training
        * floor.servers.len() as f64)
        .round() as i64;
}
