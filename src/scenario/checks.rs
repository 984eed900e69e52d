//! A scenario's checks beyond each field's own range (those are declared with the fields, in
//! [`super::schema`]): relations between fields, and loading a file with every problem reported.

use std::path::Path;

use crate::diagnostics::{Checker, FileProblems, load_ron, parse_ron};
use crate::levers::Levers;

use super::MAX_SEGMENTS;
use super::fields::Fields;
use super::schema::{RevenueModel, Scenario};

impl Scenario {
    /// Loads and validates a scenario file, reporting every problem at once.
    pub fn load(path: &Path) -> Result<Scenario, FileProblems> {
        load_ron(path, |s: &Scenario, c| s.check(c))
    }

    /// Parses and validates scenario text (for files bundled in the binary and tests).
    pub fn from_ron(name: &Path, text: &str) -> Result<Scenario, FileProblems> {
        let s: Scenario = parse_ron(name, text)?;
        let mut c = Checker::default();
        s.check(&mut c);
        c.into_result(name)?;
        Ok(s)
    }

    pub fn open_minutes(&self) -> f64 {
        (self.calendar.close_hour - self.calendar.open_hour) * 60.0
    }

    pub fn ticks_per_day(&self) -> u32 {
        (self.open_minutes() / self.calendar.tick_minutes as f64).round() as u32
    }

    /// The levers on day 0: the multiples at their reference, the rest as the scenario says.
    pub fn start_levers(&self) -> Levers {
        let s = &self.start_levers;
        Levers {
            price: 1.0,
            wage: 1.0,
            training: 1.0,
            quality: 1.0,
            marketing: 1.0,
            staff: s.staff,
            overtime: s.overtime,
            service_level: s.service_level,
            extras: s.extras,
            recovery: s.recovery,
            outreach: s.outreach,
            dividend: s.dividend,
        }
    }

    /// Checks every field against its range, then the relations between fields.
    pub fn check(&self, c: &mut Checker) {
        self.check_fields("", c);
        self.check_relations(c);
    }

    fn check_relations(&self, c: &mut Checker) {
        if self.name.trim().is_empty() {
            c.fail("name", "must not be empty");
        }
        let cal = &self.calendar;
        if cal.open_hour.is_finite() && cal.close_hour.is_finite() {
            if cal.close_hour <= cal.open_hour {
                c.fail("calendar.close_hour", "must be after calendar.open_hour");
            } else if cal.tick_minutes > 0 {
                let ticks = self.open_minutes() / cal.tick_minutes as f64;
                if (ticks - ticks.round()).abs() > 1e-9 {
                    c.fail(
                        "calendar.tick_minutes",
                        format!(
                            "the opening hours ({} minutes) must be a whole number of ticks",
                            self.open_minutes()
                        ),
                    );
                }
            }
            let hours = (cal.close_hour - cal.open_hour).ceil().max(0.0) as usize;
            if !cal.demand_profile.is_empty() && cal.demand_profile.len() != hours {
                c.fail(
                    "calendar.demand_profile",
                    format!(
                        "must have one weight per opening hour ({hours}) or be empty, got {}",
                        cal.demand_profile.len()
                    ),
                );
            }
        }
        if !cal.demand_profile.is_empty() && cal.demand_profile.iter().sum::<f64>() <= 0.0 {
            c.fail(
                "calendar.demand_profile",
                "needs at least one positive weight",
            );
        }
        if let RevenueModel::Subscription { period_days } = self.revenue {
            c.int_range("revenue.period_days", period_days as i64, 1, 366);
            if self.churn.lapse_days >= period_days {
                c.fail(
                    "churn.lapse_days",
                    "must be shorter than revenue.period_days",
                );
            }
        }
        if self.segments.is_empty() {
            c.fail("segments", "needs at least one segment");
        }
        if self.segments.len() > MAX_SEGMENTS {
            c.fail(
                "segments",
                format!(
                    "at most {MAX_SEGMENTS} segments, got {}",
                    self.segments.len()
                ),
            );
        }
        for (i, s) in self.segments.iter().enumerate() {
            if s.name.trim().is_empty() {
                c.fail(format!("segments[{i}].name"), "must not be empty");
            }
        }
        if self.segments.iter().map(|s| s.share).sum::<f64>() <= 0.0 {
            c.fail("segments", "the shares must add up to more than 0");
        }
        let st = &self.staff;
        if st.max_weekly_hours <= st.sustainable_weekly_hours {
            c.fail(
                "staff.max_weekly_hours",
                "must be above staff.sustainable_weekly_hours",
            );
        }
        let weights = st.condition_morale + st.condition_rest + st.condition_skill;
        if weights.is_finite() && (weights - 1.0).abs() > 1e-6 {
            c.fail(
                "staff.condition_morale",
                format!(
                    "condition_morale + condition_rest + condition_skill must add up to 1, got {weights}"
                ),
            );
        }
    }
}
