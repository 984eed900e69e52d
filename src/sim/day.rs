//! The day's shared state: what several rules fill or read during one day (today's planned
//! visits, the day's counters) and the small types they pass between them. Kept out of the
//! rules' own files so that no rule's file imports another's in a circle.

use bevy::prelude::*;

/// How a customer first came to the business.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub enum Source {
    /// Already a customer on day 0.
    Existing,
    Paid,
    Referred,
    WalkIn,
}

impl Source {
    pub fn name(self) -> &'static str {
        match self {
            Source::Existing => "existing",
            Source::Paid => "paid",
            Source::Referred => "referred",
            Source::WalkIn => "walk-in",
        }
    }
}

/// Who is arriving: a known customer, or a prospect who becomes a customer once served.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Visitor {
    /// `visits`: how many times they have been served before (regulars are quicker to serve).
    Returning {
        /// The customer's id.
        customer: u32,
        segment: u8,
        visits: u32,
    },
    New {
        segment: u8,
        source: Source,
    },
}

impl Visitor {
    /// Times they have been served before.
    pub fn visits(&self) -> u32 {
        match *self {
            Visitor::Returning { visits, .. } => visits,
            Visitor::New { .. } => 0,
        }
    }

    pub fn segment(&self) -> usize {
        match *self {
            Visitor::Returning { segment, .. } | Visitor::New { segment, .. } => segment as usize,
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq)]
pub struct PlannedArrival {
    /// Absolute minute.
    pub time: f64,
    pub visitor: Visitor,
}

/// Today's visits, planned at the start of the day and consumed tick by tick.
#[derive(Resource, Debug, Default, Clone)]
pub struct TodayArrivals {
    /// All of today's arrivals, sorted by time once planning is done. The day's pass over the
    /// customers puts the returning ones here first (the arrivals rule then draws their times).
    pub planned: Vec<PlannedArrival>,
    pub cursor: usize,
}

impl TodayArrivals {
    pub fn clear(&mut self) {
        self.planned.clear();
        self.cursor = 0;
    }
}

/// Counters for the current day, reset after its row is recorded.
#[derive(Resource, Debug, Default, Clone)]
pub struct DayStats {
    pub prospects: u32,
    pub new_paid: u32,
    pub new_referred: u32,
    pub new_walk_in: u32,
    pub churned: u32,
    /// One-off customers, who join and leave on the same visit.
    pub one_off: u32,
    pub churned_today: Vec<u32>,
    /// Customers who learnt today that the employee they liked has left, and the attitude it
    /// cost them.
    pub lost_server: Vec<(u32, f32)>,
    pub renewal_revenue: Vec<(u32, i64)>,
    pub served: u32,
    pub wait_minutes: f64,
    pub balked: u32,
    pub reneged: u32,
    pub complaints: u32,
    pub recovery_minutes: f64,
    pub outreach_contacts: u32,
    pub won_back: u32,
    pub outreach_minutes: f64,
    pub moods: Vec<f32>,
    pub reviews: u32,
    pub quits: u32,
    pub hires: u32,
    pub layoffs: u32,
    /// Customer capital: revenue today from customers of more than a quarter's tenure, the part
    /// of it due to their spend having grown (ramp-up), and revenue from referred customers.
    pub revenue_retained: i64,
    pub revenue_rampup: i64,
    pub revenue_referred: i64,
}

impl DayStats {
    pub fn record_mood(&mut self, mood: f32) {
        self.moods.push(mood);
    }
    pub fn mean_mood(&self) -> Option<f64> {
        (!self.moods.is_empty())
            .then(|| self.moods.iter().map(|&m| m as f64).sum::<f64>() / self.moods.len() as f64)
    }
    pub fn count_new(&mut self, source: Source) {
        match source {
            Source::Paid => self.new_paid += 1,
            Source::Referred => self.new_referred += 1,
            Source::WalkIn | Source::Existing => self.new_walk_in += 1,
        }
    }
    pub fn new_total(&self) -> u32 {
        self.new_paid + self.new_referred + self.new_walk_in
    }
}
