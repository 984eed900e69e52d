//! Scenarios: a business, its customers, its staff, its owners, as data (RON).
//!
//! Every parameter the model uses lives here; nothing is tuned in code. Each field's comment says
//! what it means and, where one exists, the published source it is calibrated from (see
//! `shared/MODEL-SCIENCE.md`).

use std::path::Path;

use serde::{Deserialize, Serialize};

use crate::diagnostics::{Checker, FileProblems, load_ron};
use crate::sim::levers::{LeverSet, Levers, RecoveryPolicy, ServiceLevel};

/// The longest run a scenario may ask for (100 years).
pub const MAX_HORIZON_DAYS: u32 = 36_500;
/// Upper bound on customers at the start, so a scenario cannot make the model allocate without bound.
pub const MAX_START_CUSTOMERS: u32 = 1_000_000;
pub const MAX_SEGMENTS: usize = 16;
/// No more prospects arrive once this many customers have ever been created: a scenario cannot
/// make the model allocate without bound (a century of a busy café stays far below it).
pub const MAX_CUSTOMERS_EVER: u32 = 5_000_000;

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Scenario {
    pub name: String,
    /// One paragraph shown before the game starts.
    pub briefing: String,
    pub seed: u64,
    pub horizon_days: u32,
    pub calendar: Calendar,
    pub revenue: RevenueModel,
    pub reference: Reference,
    /// The levers' values on day 0 (multiples are 1.0 = reference by definition).
    pub start_levers: StartLevers,
    pub start: Start,
    pub segments: Vec<Segment>,
    pub market: Market,
    pub service: Service,
    pub satisfaction: Satisfaction,
    pub churn: Churn,
    pub complaints: Complaints,
    pub reputation: Reputation,
    pub staff: Staff,
    pub finance: Finance,
    pub board: Board,
    /// The dilemma deck for this scenario, as a path relative to this file.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub dilemmas: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Calendar {
    /// Opening hour (0–23.75) and closing hour (after opening, at most 24).
    pub open_hour: f64,
    pub close_hour: f64,
    /// Length of one model tick in minutes; the opening hours must be a whole number of ticks.
    pub tick_minutes: u32,
    /// Relative demand for each opening hour (morning rush, lunch…); empty means flat.
    pub demand_profile: Vec<f64>,
}

/// How the business earns its revenue.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub enum RevenueModel {
    /// Each served visit pays; a customer decides whether to come back before each visit.
    PerVisit,
    /// Accounts pay every `period_days` and decide at each renewal; visits are support contacts.
    Subscription { period_days: u32 },
}

/// One value per service level.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ByLevel<T> {
    pub task: T,
    pub extra: T,
    pub obsession: T,
}

impl<T: Copy> ByLevel<T> {
    pub fn get(&self, l: ServiceLevel) -> T {
        match l {
            ServiceLevel::Task => self.task,
            ServiceLevel::Extra => self.extra,
            ServiceLevel::Obsession => self.obsession,
        }
    }
    pub fn all(&self) -> [(&'static str, T); 3] {
        [
            ("task", self.task),
            ("extra", self.extra),
            ("obsession", self.obsession),
        ]
    }
}

/// One value per recovery policy.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ByPolicy<T> {
    pub strict: T,
    pub fair: T,
    pub generous: T,
}

impl<T: Copy> ByPolicy<T> {
    pub fn get(&self, p: RecoveryPolicy) -> T {
        match p {
            RecoveryPolicy::Strict => self.strict,
            RecoveryPolicy::Fair => self.fair,
            RecoveryPolicy::Generous => self.generous,
        }
    }
    pub fn all(&self) -> [(&'static str, T); 3] {
        [
            ("strict", self.strict),
            ("fair", self.fair),
            ("generous", self.generous),
        ]
    }
}

/// The reference values that the multiple levers scale (lever 1.0 = these).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Reference {
    /// Spend per visit (PerVisit) or fee per seat per period (Subscription), in cents.
    pub price_cents: i64,
    /// Hourly wage paid at `wage` 1.0, and the market's going rate for the same job.
    pub wage_cents_per_hour: i64,
    pub market_wage_cents_per_hour: i64,
    /// Training spend per employee per day.
    pub training_cents_per_employee_day: i64,
    /// Cost of goods and materials per served visit at `quality` 1.0.
    pub quality_cents_per_visit: i64,
    /// Paid marketing spend per day.
    pub marketing_cents_per_day: i64,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct StartLevers {
    pub staff: u32,
    pub overtime: f64,
    pub service_level: ServiceLevel,
    pub extras: u32,
    pub recovery: RecoveryPolicy,
    pub outreach: bool,
    pub dividend: f64,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Start {
    pub cash_cents: i64,
    /// Customers the business already has on day 0, split across segments by share.
    pub customers: u32,
    /// Their tenure is spread evenly over this many days before day 0.
    pub customer_tenure_days: u32,
}

/// A group of customers with their own habits and expectations.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Segment {
    pub name: String,
    /// Share of new customers (normalised over all segments).
    pub share: f64,
    /// Visits (PerVisit) or support contacts (Subscription) per month by a satisfied customer;
    /// 0 marks one-off customers who never come back.
    pub visits_per_month: f64,
    /// Spend per visit, or seats per account, relative to the reference price.
    pub spend: f64,
    /// Shifted-beta-geometric churn: each customer's own 30-day churn probability is drawn from
    /// Beta(alpha, beta) when they arrive (Fader & Hardie 2007).
    pub churn_alpha: f64,
    pub churn_beta: f64,
    /// Mean patience in the queue (exponential, Erlang-A); `None` waits forever.
    pub patience_minutes: Option<f64>,
    /// A customer who finds this many people already waiting turns away; `None` never balks.
    pub balk_queue: Option<u32>,
    /// What they expect on arrival: a wait in minutes and a quality index in 0..1. Price
    /// expectation starts at the reference price.
    pub expected_wait_minutes: f64,
    pub expected_quality: f64,
    /// Weight of price disconfirmation in their mood (price sensitivity).
    pub price_sensitivity: f64,
    /// Referrals per month by a promoter of this segment, on average (each customer's own rate is
    /// drawn uniformly between half and one and a half times this).
    pub referrals_per_month: f64,
    /// Growth of spend (or seats) per year of tenure at a neutral mood (Reichheld's ramp-up), and
    /// how much a point of attitude above or below neutral adds or removes per year.
    pub ramp_per_year: f64,
    pub ramp_mood_per_year: f64,
    /// Spend can grow to at most this multiple of the starting spend.
    pub ramp_cap: f64,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Market {
    /// People who could ever be customers; growth slows as the business approaches it.
    pub size: u32,
    /// New walk-in prospects per day at the reference rating.
    pub walk_ins_per_day: f64,
    pub reference_rating: f64,
    /// Walk-ins scale with (rating / reference_rating)^elasticity.
    pub rating_elasticity: f64,
    /// New paid prospects per day at the reference marketing spend.
    pub paid_per_day: f64,
    /// Paid prospects scale with spend^elasticity (below 1: each extra customer costs more).
    pub marketing_elasticity: f64,
    /// Paid reach falls by this share per year at the same spend (acquisition costs keep rising).
    pub paid_cost_inflation_per_year: f64,
    /// Referred customers' churn propensity is multiplied by this (Schmitt et al. 2011: < 1).
    pub referred_churn_multiplier: f64,
    /// Each detractor keeps away this many prospective walk-ins per month.
    pub detractor_deterrence_per_month: f64,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum ServiceTime {
    /// Exponential around the mean (M/M/c).
    Exponential,
    /// Always exactly the mean (M/D/c).
    Deterministic,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Service {
    /// Mean minutes to serve one customer at Task level by a fully skilled, rested employee.
    pub mean_minutes: f64,
    pub distribution: ServiceTime,
    /// Service time multiplier per service level.
    pub level_time: ByLevel<f64>,
    /// Extra cost per visit per service level (small gifts, freebies), in cents.
    pub level_cost_cents: ByLevel<i64>,
    /// Chance of a small surprise per visit, per service level ("0.1 more").
    pub level_surprise: ByLevel<f64>,
    /// Each unrequested extra adds this share to service time and this cost per visit.
    pub extra_time_share: f64,
    pub extra_cost_cents: i64,
    /// Speed of an unskilled employee relative to a fully skilled one.
    pub unskilled_speed: f64,
    /// Chance of a service error per visit: base, plus terms for fatigue and lack of skill.
    pub error_base: f64,
    pub error_fatigue: f64,
    pub error_unskilled: f64,
}

/// Expectation–disconfirmation with Kano asymmetry (Oliver 1980; Anderson & Sullivan 1993).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Satisfaction {
    /// Mood when everything is exactly as expected.
    pub neutral_mood: f64,
    /// Waits feel longer than they are (Maister 1985; ~1.36 per Larson).
    pub wait_perception: f64,
    /// Mood points per unit of relative disconfirmation, for a surplus and for a shortfall
    /// (shortfall > surplus: Mittal et al. 1998).
    pub gain: f64,
    pub loss: f64,
    /// Weights of the wait and quality attributes.
    pub wait_weight: f64,
    pub quality_weight: f64,
    /// Wait disconfirmation is (expected − perceived) / the segment's `expected_wait_minutes`
    /// (their tolerance). A perceived wait beyond expected + (this − 1) × tolerance misses a
    /// must-be attribute …
    pub must_be_wait_factor: f64,
    /// … and costs this many extra mood points.
    pub must_be_penalty: f64,
    /// Mood points lost to a service error (a must-be miss).
    pub error_penalty: f64,
    /// Mood points a small surprise adds when unexpected (attractive attribute).
    pub surprise_bonus: f64,
    /// How fast a customer gets used to surprises (Kano drift: attractive → must-be); once used
    /// to them, their absence is felt as a shortfall.
    pub habituation: f64,
    /// Feature fatigue (Thompson, Hamilton & Rust 2005): extras add capability·ln(1+n) and
    /// remove usability·n mood points.
    pub extras_capability: f64,
    pub extras_usability: f64,
    /// Quality index of the product at `quality` 1.0, and how it responds to spend:
    /// q = 1 − (1 − reference)·quality^(−elasticity).
    pub quality_reference: f64,
    pub quality_elasticity: f64,
    /// Share of delivered quality that depends on the staff's condition (service-profit chain).
    pub staff_share: f64,
    /// Expectations move this share of the way towards experience after each visit.
    pub adaptation: f64,
    /// Visit-to-visit noise in mood (standard deviation, mood points).
    pub noise: f64,
    /// Attitude (remembered satisfaction) moves this share towards each visit's mood.
    pub memory: f64,
    /// Happier customers visit more often: interval × exp(−this·(attitude − neutral)/10).
    pub frequency_elasticity: f64,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Churn {
    /// Churn propensity × exp(−sensitivity·(attitude − reference)/10).
    pub mood_reference: f64,
    pub mood_sensitivity: f64,
    /// Propensity × (1 + this·(1 − health)) for customers in poor health.
    pub health_sensitivity: f64,
    /// Health starts from attitude / neutral mood (at most 1) and loses `health_silence` per
    /// normal visit interval of silence beyond 1.5 intervals, `health_complaint` for an open
    /// complaint, and `health_lapsing` once the customer has decided to leave (engagement fades).
    pub health_silence: f64,
    pub health_complaint: f64,
    pub health_lapsing: f64,
    /// Health below this is red (at risk).
    pub red_health: f64,
    /// Days between a customer's decision to leave and their departure, during which they go
    /// quiet (PerVisit: no visits; Subscription: the decision is taken this long before the
    /// renewal they will not pay). Customer success can win some of them back in that time.
    pub lapse_days: u32,
    /// Chance that a lapsing customer contacted by customer success stays after all.
    pub win_back: f64,
    /// Customer-success outreach: staff minutes per contact, contacts per employee per day, and
    /// the share of the gap between a contacted customer's attitude and neutral that it closes.
    pub outreach_minutes: f64,
    pub outreach_per_employee_day: f64,
    pub outreach_share: f64,
    /// A customer is contacted at most once in this many days.
    pub outreach_interval_days: u32,
}

/// Complaints and service recovery (TARP; Maxham & Netemeyer 2002; de Matos et al. 2007).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Complaints {
    /// A visit below this mood (or with an error) is a problem.
    pub problem_mood: f64,
    /// Chance that a customer with a problem complains (most stay silent).
    pub voice_probability: f64,
    /// Per recovery policy: share of the visit's price refunded …
    pub refund_share: ByPolicy<f64>,
    /// … extra compensation in cents …
    pub compensation_cents: ByPolicy<i64>,
    /// … staff minutes spent per complaint …
    pub staff_minutes: ByPolicy<f64>,
    /// … and the share of the mood lost to the problem that recovery gives back.
    pub restore_share: ByPolicy<f64>,
    /// Recovery paradox: a first failure excellently recovered ends this many points above
    /// where the customer stood before it (only for Generous, only the first failure).
    pub paradox_bonus: f64,
    /// A second failure not put right costs this many extra points (double deviation).
    pub double_deviation_penalty: f64,
    /// How much of a complainant's attitude the way their complaint was handled sets (0–1): a
    /// complaint is a salient episode, remembered more than an ordinary visit.
    pub salience: f64,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Reputation {
    /// Public rating (stars) on day 0.
    pub start_rating: f64,
    /// Chance a served customer writes a review, rising with how far their mood is from neutral
    /// (dissatisfied and delighted customers talk more: Anderson 1998).
    pub review_probability: f64,
    pub review_extremity: f64,
    /// Reviews lose half their weight after this many days.
    pub half_life_days: f64,
    /// Weight of the starting rating, in reviews, so a few reviews do not swing it.
    pub prior_reviews: f64,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Staff {
    /// Paid hours per shift before overtime; shifts are staggered over the opening hours.
    pub shift_hours: f64,
    pub workdays_per_week: f64,
    /// Pencavel (2014): output ∝ hours up to this many per week, rising ever less beyond, flat
    /// from `max_weekly_hours`.
    pub sustainable_weekly_hours: f64,
    pub max_weekly_hours: f64,
    pub overtime_premium: f64,
    pub start_morale: f64,
    pub start_skill: f64,
    pub new_hire_skill: f64,
    /// Morale moves this share of the way to its target per day; the target is
    /// base + pay·ln(wage/market) + training·ln(training) − workload·fatigue + customers·(mood − neutral)/10.
    pub morale_rate: f64,
    pub morale_base: f64,
    pub morale_pay: f64,
    pub morale_training: f64,
    pub morale_workload: f64,
    pub morale_customers: f64,
    /// How customers experience an employee (0–1): weights of morale, rest (1 − fatigue) and
    /// skill; they should add up to 1.
    pub condition_morale: f64,
    pub condition_rest: f64,
    pub condition_skill: f64,
    /// Fatigue per day: + overtime·(weekly hours above sustainable)/sustainable
    /// + load·max(0, utilisation − load_threshold) − recovery·fatigue.
    pub fatigue_overtime: f64,
    pub fatigue_load: f64,
    /// Share of their shift an employee can spend serving before it wears them down.
    pub load_threshold: f64,
    pub fatigue_recovery: f64,
    /// Skill gained per day per unit of training lever, and per day of experience.
    pub skill_training: f64,
    pub skill_experience: f64,
    /// Quit hazard: annual_quit_rate · exp(quit_morale · (quit_morale_reference − morale) +
    /// quit_fatigue · fatigue) · (wage/market)^quit_pay_elasticity (Emanuel & Harrington 2020:
    /// elasticity ≈ −3 to −4).
    pub annual_quit_rate: f64,
    pub quit_morale: f64,
    pub quit_morale_reference: f64,
    pub quit_fatigue: f64,
    pub quit_pay_elasticity: f64,
    /// Days to fill a vacancy, and hiring cost as a share of a year's salary (Boushey & Glynn: 0.21).
    pub hire_lag_days: u32,
    pub hire_cost_share: f64,
    /// Severance, in days of wages, when the player cuts headcount.
    pub severance_days: f64,
    /// Morale lost by everyone when a colleague is laid off.
    pub layoff_morale_hit: f64,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Finance {
    /// Rent, utilities and other costs that do not depend on the levers.
    pub fixed_cents_per_day: i64,
}

/// The board: misses are punished more than beats are rewarded (Skinner & Sloan 2002).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Board {
    pub start_confidence: f64,
    /// Profit the board expects in the first quarter, and how fast that expectation grows.
    pub expected_quarter_profit_cents: i64,
    pub expectation_growth_per_year: f64,
    /// Confidence change per unit of relative surprise (profit − expected)/scale, for a beat and
    /// for a miss, where scale = max(|expected|, profit_scale_cents).
    pub beat_sensitivity: f64,
    pub miss_sensitivity: f64,
    pub profit_scale_cents: i64,
    /// Confidence gained per unit of the dividend share paid out in a profitable quarter.
    pub dividend_sensitivity: f64,
    /// Confidence drifts this share of the way back to the start level each quarter.
    pub reversion: f64,
}

impl Scenario {
    /// Loads and validates a scenario file, reporting every problem at once.
    pub fn load(path: &Path) -> Result<Scenario, FileProblems> {
        load_ron(path, |s: &Scenario, c| s.check(c))
    }

    /// Parses and validates scenario text (for files bundled in the binary and tests).
    pub fn from_ron(name: &Path, text: &str) -> Result<Scenario, FileProblems> {
        let s: Scenario = crate::diagnostics::parse_ron(name, text)?;
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

    /// The levers on day 0.
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

    /// Checks every value against its allowed range and the relations between values.
    pub fn check(&self, c: &mut Checker) {
        if self.name.trim().is_empty() {
            c.fail("name", "must not be empty");
        }
        c.int_range(
            "horizon_days",
            self.horizon_days as i64,
            1,
            MAX_HORIZON_DAYS as i64,
        );

        let cal = &self.calendar;
        c.range("calendar.open_hour", cal.open_hour, 0.0, 23.75);
        c.range("calendar.close_hour", cal.close_hour, 0.25, 24.0);
        c.int_range("calendar.tick_minutes", cal.tick_minutes as i64, 5, 240);
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
        for (i, w) in cal.demand_profile.iter().enumerate() {
            c.range(&format!("calendar.demand_profile[{i}]"), *w, 0.0, 100.0);
        }
        if !cal.demand_profile.is_empty() && cal.demand_profile.iter().sum::<f64>() <= 0.0 {
            c.fail(
                "calendar.demand_profile",
                "needs at least one positive weight",
            );
        }

        if let RevenueModel::Subscription { period_days } = self.revenue {
            c.int_range("revenue.period_days", period_days as i64, 1, 366);
        }

        let r = &self.reference;
        const CENTS: i64 = 10_000_000_000; // a hundred million a day is beyond any café
        c.int_range("reference.price_cents", r.price_cents, 1, CENTS);
        c.int_range(
            "reference.wage_cents_per_hour",
            r.wage_cents_per_hour,
            1,
            1_000_000,
        );
        c.int_range(
            "reference.market_wage_cents_per_hour",
            r.market_wage_cents_per_hour,
            1,
            1_000_000,
        );
        c.int_range(
            "reference.training_cents_per_employee_day",
            r.training_cents_per_employee_day,
            0,
            10_000_000,
        );
        c.int_range(
            "reference.quality_cents_per_visit",
            r.quality_cents_per_visit,
            0,
            CENTS,
        );
        c.int_range(
            "reference.marketing_cents_per_day",
            r.marketing_cents_per_day,
            0,
            CENTS,
        );

        let sl = &self.start_levers;
        LeverSet {
            staff: Some(sl.staff as i64),
            overtime: Some(sl.overtime),
            extras: Some(sl.extras as i64),
            dividend: Some(sl.dividend),
            ..Default::default()
        }
        .check("start_levers", c);

        c.int_range("start.cash_cents", self.start.cash_cents, -CENTS, CENTS);
        c.int_range(
            "start.customers",
            self.start.customers as i64,
            0,
            MAX_START_CUSTOMERS as i64,
        );
        c.int_range(
            "start.customer_tenure_days",
            self.start.customer_tenure_days as i64,
            0,
            3650,
        );

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
            let p = format!("segments[{i}]");
            if s.name.trim().is_empty() {
                c.fail(format!("{p}.name"), "must not be empty");
            }
            c.range(&format!("{p}.share"), s.share, 0.0, 1000.0);
            c.range(
                &format!("{p}.visits_per_month"),
                s.visits_per_month,
                0.0,
                100.0,
            );
            c.range(&format!("{p}.spend"), s.spend, 0.01, 1000.0);
            c.range(&format!("{p}.churn_alpha"), s.churn_alpha, 0.01, 1000.0);
            c.range(&format!("{p}.churn_beta"), s.churn_beta, 0.01, 1000.0);
            if let Some(m) = s.patience_minutes {
                c.range(&format!("{p}.patience_minutes"), m, 0.1, 100_000.0);
            }
            if let Some(q) = s.balk_queue {
                c.int_range(&format!("{p}.balk_queue"), q as i64, 0, 10_000);
            }
            c.range(
                &format!("{p}.expected_wait_minutes"),
                s.expected_wait_minutes,
                0.1,
                100_000.0,
            );
            c.range(
                &format!("{p}.expected_quality"),
                s.expected_quality,
                0.0,
                1.0,
            );
            c.range(
                &format!("{p}.price_sensitivity"),
                s.price_sensitivity,
                0.0,
                20.0,
            );
            c.range(
                &format!("{p}.referrals_per_month"),
                s.referrals_per_month,
                0.0,
                10.0,
            );
            c.range(&format!("{p}.ramp_per_year"), s.ramp_per_year, -1.0, 5.0);
            c.range(
                &format!("{p}.ramp_mood_per_year"),
                s.ramp_mood_per_year,
                0.0,
                5.0,
            );
            c.range(&format!("{p}.ramp_cap"), s.ramp_cap, 1.0, 100.0);
        }
        if self.segments.iter().map(|s| s.share).sum::<f64>() <= 0.0 {
            c.fail("segments", "the shares must add up to more than 0");
        }

        let m = &self.market;
        c.int_range("market.size", m.size as i64, 1, 2_000_000);
        c.range(
            "market.walk_ins_per_day",
            m.walk_ins_per_day,
            0.0,
            100_000.0,
        );
        c.range("market.reference_rating", m.reference_rating, 0.5, 5.0);
        c.range("market.rating_elasticity", m.rating_elasticity, 0.0, 10.0);
        c.range("market.paid_per_day", m.paid_per_day, 0.0, 100_000.0);
        c.range(
            "market.marketing_elasticity",
            m.marketing_elasticity,
            0.0,
            1.0,
        );
        c.range(
            "market.paid_cost_inflation_per_year",
            m.paid_cost_inflation_per_year,
            0.0,
            1.0,
        );
        c.range(
            "market.referred_churn_multiplier",
            m.referred_churn_multiplier,
            0.0,
            2.0,
        );
        c.range(
            "market.detractor_deterrence_per_month",
            m.detractor_deterrence_per_month,
            0.0,
            10.0,
        );

        let v = &self.service;
        c.range("service.mean_minutes", v.mean_minutes, 0.01, 10_000.0);
        for (i, x) in v.level_time.all() {
            c.range(&format!("service.level_time.{i}"), x, 0.1, 10.0);
        }
        for (i, x) in v.level_cost_cents.all() {
            c.int_range(&format!("service.level_cost_cents.{i}"), x, 0, CENTS);
        }
        for (i, x) in v.level_surprise.all() {
            c.range(&format!("service.level_surprise.{i}"), x, 0.0, 1.0);
        }
        c.range("service.extra_time_share", v.extra_time_share, 0.0, 1.0);
        c.int_range("service.extra_cost_cents", v.extra_cost_cents, 0, CENTS);
        c.range("service.unskilled_speed", v.unskilled_speed, 0.1, 1.0);
        c.range("service.error_base", v.error_base, 0.0, 1.0);
        c.range("service.error_fatigue", v.error_fatigue, 0.0, 1.0);
        c.range("service.error_unskilled", v.error_unskilled, 0.0, 1.0);

        let s = &self.satisfaction;
        c.range("satisfaction.neutral_mood", s.neutral_mood, 0.0, 10.0);
        c.range("satisfaction.wait_perception", s.wait_perception, 0.1, 10.0);
        c.range("satisfaction.gain", s.gain, 0.0, 20.0);
        c.range("satisfaction.loss", s.loss, 0.0, 20.0);
        c.range("satisfaction.wait_weight", s.wait_weight, 0.0, 10.0);
        c.range("satisfaction.quality_weight", s.quality_weight, 0.0, 20.0);
        c.range(
            "satisfaction.must_be_wait_factor",
            s.must_be_wait_factor,
            1.0,
            100.0,
        );
        c.range("satisfaction.must_be_penalty", s.must_be_penalty, 0.0, 10.0);
        c.range("satisfaction.error_penalty", s.error_penalty, 0.0, 10.0);
        c.range("satisfaction.surprise_bonus", s.surprise_bonus, 0.0, 10.0);
        c.range("satisfaction.habituation", s.habituation, 0.0, 1.0);
        c.range(
            "satisfaction.extras_capability",
            s.extras_capability,
            0.0,
            10.0,
        );
        c.range(
            "satisfaction.extras_usability",
            s.extras_usability,
            0.0,
            10.0,
        );
        c.range(
            "satisfaction.quality_reference",
            s.quality_reference,
            0.0,
            0.99,
        );
        c.range(
            "satisfaction.quality_elasticity",
            s.quality_elasticity,
            0.0,
            5.0,
        );
        c.range("satisfaction.staff_share", s.staff_share, 0.0, 1.0);
        c.range("satisfaction.adaptation", s.adaptation, 0.0, 1.0);
        c.range("satisfaction.noise", s.noise, 0.0, 5.0);
        c.range("satisfaction.memory", s.memory, 0.01, 1.0);
        c.range(
            "satisfaction.frequency_elasticity",
            s.frequency_elasticity,
            0.0,
            10.0,
        );

        let h = &self.churn;
        c.range("churn.mood_reference", h.mood_reference, 0.0, 10.0);
        c.range("churn.mood_sensitivity", h.mood_sensitivity, 0.0, 50.0);
        c.range("churn.health_sensitivity", h.health_sensitivity, 0.0, 50.0);
        c.range("churn.health_silence", h.health_silence, 0.0, 1.0);
        c.range("churn.health_complaint", h.health_complaint, 0.0, 1.0);
        c.range("churn.health_lapsing", h.health_lapsing, 0.0, 1.0);
        c.range("churn.red_health", h.red_health, 0.0, 1.0);
        c.int_range(
            "churn.outreach_interval_days",
            h.outreach_interval_days as i64,
            1,
            3650,
        );
        c.int_range("churn.lapse_days", h.lapse_days as i64, 0, 365);
        c.range("churn.win_back", h.win_back, 0.0, 1.0);
        if let RevenueModel::Subscription { period_days } = self.revenue
            && h.lapse_days >= period_days
        {
            c.fail(
                "churn.lapse_days",
                "must be shorter than revenue.period_days",
            );
        }
        c.range("churn.outreach_minutes", h.outreach_minutes, 0.0, 600.0);
        c.range(
            "churn.outreach_per_employee_day",
            h.outreach_per_employee_day,
            0.0,
            100.0,
        );
        c.range("churn.outreach_share", h.outreach_share, 0.0, 1.0);

        let k = &self.complaints;
        c.range("complaints.problem_mood", k.problem_mood, 0.0, 10.0);
        c.range(
            "complaints.voice_probability",
            k.voice_probability,
            0.0,
            1.0,
        );
        for (i, x) in k.refund_share.all() {
            c.range(&format!("complaints.refund_share.{i}"), x, 0.0, 1.0);
        }
        for (i, x) in k.compensation_cents.all() {
            c.int_range(&format!("complaints.compensation_cents.{i}"), x, 0, CENTS);
        }
        for (i, x) in k.staff_minutes.all() {
            c.range(&format!("complaints.staff_minutes.{i}"), x, 0.0, 600.0);
        }
        for (i, x) in k.restore_share.all() {
            c.range(&format!("complaints.restore_share.{i}"), x, 0.0, 1.0);
        }
        c.range("complaints.paradox_bonus", k.paradox_bonus, 0.0, 5.0);
        c.range(
            "complaints.double_deviation_penalty",
            k.double_deviation_penalty,
            0.0,
            10.0,
        );

        let p = &self.reputation;
        c.range("reputation.start_rating", p.start_rating, 1.0, 5.0);
        c.range(
            "reputation.review_probability",
            p.review_probability,
            0.0,
            1.0,
        );
        c.range("reputation.review_extremity", p.review_extremity, 0.0, 10.0);
        c.range("reputation.half_life_days", p.half_life_days, 1.0, 3650.0);
        c.range("reputation.prior_reviews", p.prior_reviews, 0.0, 100_000.0);

        let st = &self.staff;
        c.range("staff.shift_hours", st.shift_hours, 0.5, 24.0);
        c.range("staff.workdays_per_week", st.workdays_per_week, 1.0, 7.0);
        c.range(
            "staff.sustainable_weekly_hours",
            st.sustainable_weekly_hours,
            1.0,
            168.0,
        );
        c.range("staff.max_weekly_hours", st.max_weekly_hours, 1.0, 168.0);
        if st.max_weekly_hours <= st.sustainable_weekly_hours {
            c.fail(
                "staff.max_weekly_hours",
                "must be above staff.sustainable_weekly_hours",
            );
        }
        c.range("staff.overtime_premium", st.overtime_premium, 1.0, 5.0);
        for (name, v) in [
            ("start_morale", st.start_morale),
            ("start_skill", st.start_skill),
            ("new_hire_skill", st.new_hire_skill),
            ("morale_rate", st.morale_rate),
            ("morale_base", st.morale_base),
            ("fatigue_recovery", st.fatigue_recovery),
            ("skill_training", st.skill_training),
            ("skill_experience", st.skill_experience),
            ("annual_quit_rate", st.annual_quit_rate),
            ("hire_cost_share", st.hire_cost_share),
            ("layoff_morale_hit", st.layoff_morale_hit),
            ("condition_morale", st.condition_morale),
            ("condition_rest", st.condition_rest),
            ("condition_skill", st.condition_skill),
            ("load_threshold", st.load_threshold),
            ("quit_morale_reference", st.quit_morale_reference),
        ] {
            c.range(&format!("staff.{name}"), v, 0.0, 1.0);
        }
        for (name, v) in [
            ("morale_pay", st.morale_pay),
            ("morale_training", st.morale_training),
            ("morale_workload", st.morale_workload),
            ("morale_customers", st.morale_customers),
            ("fatigue_overtime", st.fatigue_overtime),
            ("fatigue_load", st.fatigue_load),
            ("quit_morale", st.quit_morale),
            ("quit_fatigue", st.quit_fatigue),
        ] {
            c.range(&format!("staff.{name}"), v, 0.0, 20.0);
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
        c.range(
            "staff.quit_pay_elasticity",
            st.quit_pay_elasticity,
            -20.0,
            0.0,
        );
        c.int_range("staff.hire_lag_days", st.hire_lag_days as i64, 0, 365);
        c.range("staff.severance_days", st.severance_days, 0.0, 365.0);

        c.int_range(
            "finance.fixed_cents_per_day",
            self.finance.fixed_cents_per_day,
            0,
            CENTS,
        );

        let b = &self.board;
        c.range("board.start_confidence", b.start_confidence, 0.01, 1.0);
        c.int_range(
            "board.expected_quarter_profit_cents",
            b.expected_quarter_profit_cents,
            -CENTS,
            CENTS,
        );
        c.range(
            "board.expectation_growth_per_year",
            b.expectation_growth_per_year,
            -1.0,
            1.0,
        );
        c.range("board.beat_sensitivity", b.beat_sensitivity, 0.0, 10.0);
        c.range("board.miss_sensitivity", b.miss_sensitivity, 0.0, 10.0);
        c.int_range("board.profit_scale_cents", b.profit_scale_cents, 1, CENTS);
        c.range(
            "board.dividend_sensitivity",
            b.dividend_sensitivity,
            0.0,
            10.0,
        );
        c.range("board.reversion", b.reversion, 0.0, 1.0);
    }
}

/// The scenarios shipped with the game, bundled so the binary runs from any directory.
pub mod bundled {
    pub const CAFE: (&str, &str) = (
        "assets/scenarios/cafe.ron",
        include_str!("../../assets/scenarios/cafe.ron"),
    );
    pub const SOFTWARE: (&str, &str) = (
        "assets/scenarios/software.ron",
        include_str!("../../assets/scenarios/software.ron"),
    );
    /// The dilemma deck bundled under this path, if any.
    pub fn deck(path: &str) -> Option<(&'static str, &'static str)> {
        let name = std::path::Path::new(path).file_name()?.to_str()?;
        crate::dilemmas::bundled::ALL
            .into_iter()
            .find(|(p, _)| p.ends_with(&format!("/{name}")))
    }
    /// The scenario `cargo run --release` plays.
    pub const DEFAULT: (&str, &str) = CAFE;
    pub const ALL: [(&str, &str); 2] = [CAFE, SOFTWARE];
}
