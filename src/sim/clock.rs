//! Model time: days with opening hours, advanced one tick at a time.
//!
//! Absolute model time is measured in minutes since midnight of day 0, so queues and shifts can
//! span ticks (and, for businesses open around the clock, days) without special cases.

use bevy::prelude::*;

use super::{EndReason, GameOver, Params, SimSet, SimTick};

/// Days per quarter; four quarters make the model's business year for dividends and the board.
pub const QUARTER_DAYS: u32 = 91;
pub const MINUTES_PER_DAY: f64 = 1440.0;

#[derive(Resource, Debug, Clone, PartialEq)]
pub struct Clock {
    pub day: u32,
    /// Tick within today's opening hours, 0..ticks_per_day.
    pub tick: u32,
    pub ticks_per_day: u32,
    pub tick_minutes: u32,
    /// Opening time, in minutes after midnight.
    pub open_minute: f64,
    pub horizon_days: u32,
}

impl Clock {
    pub fn new(params: &Params) -> Self {
        Clock {
            day: 0,
            tick: 0,
            ticks_per_day: params.ticks_per_day().max(1),
            tick_minutes: params.calendar.tick_minutes.max(1),
            open_minute: params.calendar.open_hour * 60.0,
            horizon_days: params.horizon_days,
        }
    }

    pub fn is_day_start(&self) -> bool {
        self.tick == 0
    }

    pub fn is_day_end(&self) -> bool {
        self.tick + 1 == self.ticks_per_day
    }

    /// Absolute minute at which today opens.
    pub fn day_open(&self) -> f64 {
        self.day as f64 * MINUTES_PER_DAY + self.open_minute
    }

    /// Absolute minute at which today closes.
    pub fn day_close(&self) -> f64 {
        self.day_open() + (self.ticks_per_day * self.tick_minutes) as f64
    }

    /// The current tick's window of absolute minutes `[start, end)`.
    pub fn tick_window(&self) -> (f64, f64) {
        let start = self.day_open() + (self.tick * self.tick_minutes) as f64;
        (start, start + self.tick_minutes as f64)
    }

    /// Minutes after midnight at the start of this tick.
    pub fn minute_of_day(&self) -> u32 {
        (self.open_minute as u32) + self.tick * self.tick_minutes
    }

    pub fn quarter(&self) -> u32 {
        self.day / QUARTER_DAYS
    }

    /// True on the last day of a quarter.
    pub fn is_quarter_end(&self) -> bool {
        (self.day + 1).is_multiple_of(QUARTER_DAYS)
    }

    pub fn years(&self) -> f64 {
        self.day as f64 / 365.0
    }
}

pub fn day_start(clock: Res<Clock>) -> bool {
    clock.is_day_start()
}

pub fn day_end(clock: Res<Clock>) -> bool {
    clock.is_day_end()
}

pub(super) fn plugin(app: &mut App) {
    let clock = Clock::new(app.world().resource::<Params>());
    app.insert_resource(clock)
        .add_systems(SimTick, advance.in_set(SimSet::Clock));
}

fn advance(mut clock: ResMut<Clock>, mut over: ResMut<GameOver>) {
    clock.tick += 1;
    if clock.tick >= clock.ticks_per_day {
        clock.tick = 0;
        clock.day += 1;
        if clock.day >= clock.horizon_days && over.0.is_none() {
            over.0 = Some(EndReason::HorizonReached);
        }
    }
}
