//! The balanced scorecard: one score from 0 to 100 for each stakeholder, and their weighted sum
//! (the scenario's weights, or the trainer's in the class view), from the daily figures a run
//! produced. The class view ranks teams by it; the end screen and the team debrief show it.
//!
//! Each score is a mean of a few figures a learner already sees on screen, each put on a 0–1
//! scale, over the run's last quarter (91 days, so one bad day at the end does not decide it):
//! - **customers**: half retention at 90 days, a quarter the star rating ((stars − 1) / 4), a
//!   quarter NPS ((NPS + 100) / 200);
//! - **employees**: half morale, a quarter rest (1 − fatigue), a quarter staying (1 − the share of
//!   the team that quits in a year, over the whole run, at most 1);
//! - **shareholders**: half the board's confidence, half the profit margin over the whole run
//!   (0 % margin is 0.5, +30 % or better is 1, −30 % or worse is 0).
//!
//! A business that closed early (cash ran out, the board replaced its manager) keeps only the
//! share of its scores that the days it ran are of the scenario's horizon.

use serde::{Deserialize, Serialize};

use crate::scenario::Weights;
use crate::sim::EndReason;
use crate::sim::metrics::DayRow;

/// Days at the end of a run that the scores average over.
pub const WINDOW_DAYS: usize = 91;

/// A profit margin this far above (below) zero scores 1 (0) for the shareholders.
const MARGIN_SPAN: f64 = 0.30;

/// The daily figures a results file keeps: what the scorecard, the class view's charts and its
/// comparison of decisions read. One value per simulated day in each column.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Series {
    pub day: Vec<u32>,
    pub active_customers: Vec<u32>,
    /// Retention at 90 days (0–1).
    pub retention: Vec<f64>,
    pub nps: Vec<f64>,
    /// The star rating (1–5).
    pub reputation: Vec<f64>,
    pub morale: Vec<f64>,
    pub fatigue: Vec<f64>,
    pub employees: Vec<u32>,
    pub quits: Vec<u32>,
    /// Cents.
    pub cash: Vec<i64>,
    /// The day's revenue, in cents.
    pub revenue: Vec<i64>,
    /// The day's profit, in cents.
    pub profit: Vec<i64>,
    pub board_confidence: Vec<f64>,
}

impl Series {
    /// The columns of a run's day rows.
    pub fn of(rows: &[DayRow]) -> Series {
        Series {
            day: rows.iter().map(|r| r.day).collect(),
            active_customers: rows.iter().map(|r| r.active_customers).collect(),
            retention: rows.iter().map(|r| r.retention_90d).collect(),
            nps: rows.iter().map(|r| r.nps).collect(),
            reputation: rows.iter().map(|r| r.reputation).collect(),
            morale: rows.iter().map(|r| r.morale).collect(),
            fatigue: rows.iter().map(|r| r.fatigue).collect(),
            employees: rows.iter().map(|r| r.employees).collect(),
            quits: rows.iter().map(|r| r.quits).collect(),
            cash: rows.iter().map(|r| r.cash).collect(),
            revenue: rows.iter().map(|r| r.revenue).collect(),
            profit: rows.iter().map(|r| r.profit).collect(),
            board_confidence: rows.iter().map(|r| r.board_confidence).collect(),
        }
    }

    /// Days in the series.
    pub fn len(&self) -> usize {
        self.day.len()
    }

    pub fn is_empty(&self) -> bool {
        self.day.is_empty()
    }

    /// The length of every column (all equal in a whole series).
    pub fn lengths(&self) -> [usize; 13] {
        [
            self.day.len(),
            self.active_customers.len(),
            self.retention.len(),
            self.nps.len(),
            self.reputation.len(),
            self.morale.len(),
            self.fatigue.len(),
            self.employees.len(),
            self.quits.len(),
            self.cash.len(),
            self.revenue.len(),
            self.profit.len(),
            self.board_confidence.len(),
        ]
    }

    /// The index of the last row on or before `day` (None before the first).
    pub fn at_day(&self, day: u32) -> Option<usize> {
        match self.day.binary_search(&day) {
            Ok(i) => Some(i),
            Err(0) => None,
            Err(i) => Some(i - 1),
        }
    }
}

/// The three stakeholder scores, each 0–100.
#[derive(Debug, Clone, Copy, PartialEq, Default)]
pub struct Scores {
    pub customers: f64,
    pub employees: f64,
    pub shareholders: f64,
}

impl Scores {
    /// The scores of a run: its series, the scenario's horizon and how it ended.
    pub fn of(s: &Series, horizon_days: u32, end: Option<EndReason>) -> Scores {
        let n = s.len();
        if n == 0 {
            return Scores::default();
        }
        let from = n.saturating_sub(WINDOW_DAYS);
        let mean = |v: &[f64]| {
            let w = &v[from.min(v.len())..];
            if w.is_empty() {
                0.0
            } else {
                w.iter().sum::<f64>() / w.len() as f64
            }
        };
        let unit = |x: f64| {
            if x.is_finite() {
                x.clamp(0.0, 1.0)
            } else {
                0.0
            }
        };
        let customers = 0.5 * unit(mean(&s.retention))
            + 0.25 * unit((mean(&s.reputation) - 1.0) / 4.0)
            + 0.25 * unit((mean(&s.nps) + 100.0) / 200.0);
        let heads = s.employees.iter().map(|&e| e as f64).sum::<f64>() / n as f64;
        let quits = s.quits.iter().map(|&q| q as f64).sum::<f64>();
        let quit_rate = if heads > 0.0 {
            quits / heads * 365.0 / n as f64
        } else {
            1.0
        };
        let employees = 0.5 * unit(mean(&s.morale))
            + 0.25 * unit(1.0 - mean(&s.fatigue))
            + 0.25 * unit(1.0 - quit_rate);
        let revenue = s.revenue.iter().sum::<i64>() as f64;
        let profit = s.profit.iter().sum::<i64>() as f64;
        let margin = if revenue > 0.0 { profit / revenue } else { 0.0 };
        let shareholders =
            0.5 * unit(mean(&s.board_confidence)) + 0.5 * unit(0.5 + margin / (2.0 * MARGIN_SPAN));
        let kept = match end {
            Some(EndReason::CashRanOut | EndReason::BoardReplacedYou) if horizon_days > 0 => {
                (n as f64 / horizon_days as f64).min(1.0)
            }
            _ => 1.0,
        };
        Scores {
            customers: 100.0 * customers * kept,
            employees: 100.0 * employees * kept,
            shareholders: 100.0 * shareholders * kept,
        }
    }

    /// The balanced score: the stakeholders' scores weighted.
    pub fn balanced(&self, w: &Weights) -> f64 {
        let [c, e, s] = w.shares();
        c * self.customers + e * self.employees + s * self.shareholders
    }

    /// The scores in stakeholder order (customers, employees, shareholders).
    pub fn each(&self) -> [f64; 3] {
        [self.customers, self.employees, self.shareholders]
    }
}
