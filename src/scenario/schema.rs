//! The scenario format: a business, its customers, its staff, its owners. Every field is declared
//! once, with its meaning and its rule ([`super::fields`]); `docs/scenario-format.md` is made
//! from these declarations. Relations between fields (closing after opening, weights that add up
//! to 1…) are checked in [`super::checks`].

use serde::{Deserialize, Serialize};

use crate::choices;
use crate::fields;
use crate::levers::{RecoveryPolicy, ServiceLevel, limits};

use super::MAX_HORIZON_DAYS;
use super::MAX_START_CUSTOMERS;
use super::fields::{FieldDoc, Rule};
use crate::i18n::Text;
use crate::thoughts::ThoughtKind;

/// Money bounds, in cents: a hundred million a day is beyond any café.
pub const CENTS: i64 = 10_000_000_000;

fields! {
    /// A scenario: one business to run.
    pub struct Scenario {
        /// The format's version: 2 (texts in each language, `currency` and `words`); a file
        /// without it is version 1 and reads with the default words of its revenue model.
        #[serde(default = "first_version")]
        version: u32 = whole(1, SCENARIO_VERSION as i64),
        /// The business's name, as the title screen shows it.
        name: Text = bilingual,
        /// One paragraph shown before the game starts.
        briefing: Text = bilingual,
        /// What each stakeholder wants in this business, for the briefing before play; without
        /// it the briefing says what they want in general.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        goals: Option<Goals> = nested,
        /// How much each stakeholder counts in the balanced scorecard the class view ranks teams
        /// by (a trainer may change them there); without it, each counts the same.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        scorecard: Option<Weights> = nested,
        /// The money every amount a person reads is shown in (files keep cents).
        #[serde(default, skip_serializing_if = "Option::is_none")]
        currency: Option<Currency> = nested,
        /// The business's own words: what one sale is, what its customers think (required from
        /// version 2).
        #[serde(default, skip_serializing_if = "Option::is_none")]
        words: Option<Words> = nested,
        /// The random seed: the same seed gives every team the same world.
        seed: u64 = any_whole,
        /// How many days the game lasts.
        horizon_days: u32 = whole(1, MAX_HORIZON_DAYS as i64),
        /// A tutorial: the game's guide runs on every game of it (not only on a player's first
        /// game), one step at a time, and can be skipped.
        #[serde(default, skip_serializing_if = "std::ops::Not::not")]
        tutorial: bool = choice,
        /// Opening hours and the model's tick.
        calendar: Calendar = nested,
        /// How the business earns its revenue.
        revenue: RevenueModel = choice,
        /// The reference values that the multiple levers scale.
        reference: Reference = nested,
        /// The levers' values on day 0 (multiples are 1.0 = reference by definition).
        start_levers: StartLevers = nested,
        /// The business on day 0.
        start: Start = nested,
        /// Groups of customers with their own habits and expectations.
        segments: Vec<Segment> = nested,
        /// Where new customers come from.
        market: Market = nested,
        /// How long service takes, what it costs and how often it goes wrong.
        service: Service = nested,
        /// How a visit feels.
        satisfaction: Satisfaction = nested,
        /// Who stays and who leaves.
        churn: Churn = nested,
        /// Complaints and how they are put right.
        complaints: Complaints = nested,
        /// Reviews and the public rating.
        reputation: Reputation = nested,
        /// The employees.
        staff: Staff = nested,
        /// Costs that do not depend on the levers.
        finance: Finance = nested,
        /// The owners' board.
        board: Board = nested,
        /// Behavioural constants of the model (each with its published basis where there is
        /// one); a file may leave out any of them, which then take their defaults.
        #[serde(default)]
        behaviour: Behaviour = nested,
        /// Timed workshop sessions: the dilemmas every team meets on a fixed day, and the
        /// questions for the room at each discussion.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        workshop: Option<Workshop> = nested,
        /// Hidden defects in the product (a car's battery, a batch of cream): each starts on a day
        /// in a share of what customers own, fails now and then, and becomes public after enough
        /// failures unless a dilemma's `Recall` effect recalls it first.
        #[serde(default, skip_serializing_if = "Vec::is_empty")]
        defects: Vec<Defect> = nested,
        /// A visit as a journey of touchpoints (a hotel stay: arrival, the room, the night,
        /// breakfast, check-out), each able to go wrong or to delight, the worst moment and the
        /// last remembered more than the rest; without it a visit is one moment.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        touchpoints: Option<Touchpoints> = nested,
        /// What winning means: the briefing's story, the principle the scenario teaches, and the
        /// conditions the end screen judges the run by; without it a run is not judged.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        winning: Option<Winning> = nested,
        /// Notes for the trainer: what usually happens and what to discuss afterwards.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        trainer_notes: Option<TrainerNotes> = nested,
        /// The dilemma deck for this scenario, as a path relative to this file.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        dilemmas: Option<String> = text,
    }
}

fields! {
    /// Opening hours and the model's tick.
    pub struct Calendar {
        /// Opening hour.
        open_hour: f64 = number(0.0, 23.75),
        /// Closing hour (after opening, at most 24).
        close_hour: f64 = number(0.25, 24.0),
        /// Length of one model tick in minutes; the opening hours must be a whole number of ticks.
        tick_minutes: u32 = whole(5, 240),
        /// Relative demand for each opening hour (morning rush, lunch…); empty means flat.
        demand_profile: Vec<f64> = number(0.0, 100.0),
    }
}

/// How the business earns its revenue.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub enum RevenueModel {
    /// Each served visit pays; a customer decides whether to come back before each visit.
    PerVisit,
    /// Accounts pay every `period_days` (1–366) and decide at each renewal; visits are support
    /// contacts.
    Subscription { period_days: u32 },
}

#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub enum ServiceTime {
    /// Exponential around the mean (M/M/c).
    Exponential,
    /// Always exactly the mean (M/D/c).
    Deterministic,
    /// Log-normal around the mean with this coefficient of variation (standard deviation over
    /// mean, 0.05–5): most services short, a long tail of long ones. Telephone calls are
    /// log-normal (Brown et al. 2005, "Statistical Analysis of a Telephone Call Center", JASA
    /// 100(469): 36–50).
    LogNormal { cv: f64 },
}

choices!(
    RevenueModel: "PerVisit, Subscription(period_days: 1..=366)",
    ServiceTime: "Exponential, Deterministic, LogNormal(cv: 0.05..=5)",
    ServiceLevel: "Task, Extra, Obsession",
    Measure: "CustomerBase, Retention, Rating, Nps, MoodNinePlus, Ndr, Morale, Fatigue, StaffTurnover, BoardConfidence, ProfitMargin",
    Span: "LastQuarter, EveryQuarter, WholeRun",
    Driver: "Quality, Staff, Wait",
    RecoveryPolicy: "Strict, Fair, Generous",
    bool: "true, false",
);

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
}

/// Checks and documents the three values of a [`ByLevel`] or [`ByPolicy`] under one rule.
macro_rules! each_of {
    ($by:ident: $($f:ident),*) => {
        impl<R, T: Rule<R>> Rule<R> for $by<T> {
            fn check(&self, path: &str, r: &R, c: &mut crate::diagnostics::Checker) {
                $(self.$f.check(&format!("{path}.{}", stringify!($f)), r, c);)*
            }
            fn document(path: &str, r: &R, meaning: &str, out: &mut Vec<FieldDoc>) {
                $(T::document(&format!("{path}.{}", stringify!($f)), r, meaning, out);)*
            }
        }
    };
}
each_of!(ByLevel: task, extra, obsession);
each_of!(ByPolicy: strict, fair, generous);

fields! {
    /// The reference values that the multiple levers scale (lever 1.0 = these).
    pub struct Reference {
        /// Spend per visit (PerVisit) or fee per seat per period (Subscription), in cents.
        price_cents: i64 = whole(1, CENTS),
        /// Hourly wage paid at `wage` 1.0, in cents.
        wage_cents_per_hour: i64 = whole(1, 1_000_000),
        /// The market's going rate for the same job, in cents per hour.
        market_wage_cents_per_hour: i64 = whole(1, 1_000_000),
        /// Training spend per employee per day, in cents.
        training_cents_per_employee_day: i64 = whole(0, 10_000_000),
        /// Cost of goods and materials per served visit at `quality` 1.0, in cents.
        quality_cents_per_visit: i64 = whole(0, CENTS),
        /// Paid marketing spend per day, in cents.
        marketing_cents_per_day: i64 = whole(0, CENTS),
    }
}

fields! {
    /// The levers that are not multiples of the reference, on day 0.
    pub struct StartLevers {
        /// Employees.
        staff: u32 = whole(limits::STAFF.0, limits::STAFF.1),
        /// Overtime hours per employee per day.
        overtime: f64 = number(limits::OVERTIME_HOURS.0, limits::OVERTIME_HOURS.1),
        /// How far beyond the task the staff go.
        service_level: ServiceLevel = choice,
        /// Unrequested extras offered with every visit.
        extras: u32 = whole(limits::EXTRAS.0, limits::EXTRAS.1),
        /// What the business does when a customer complains.
        recovery: RecoveryPolicy = choice,
        /// Customer-success outreach to customers in poor health.
        outreach: bool = choice,
        /// Share of each profitable quarter paid out to the owners.
        dividend: f64 = number(limits::DIVIDEND.0, limits::DIVIDEND.1),
    }
}

fields! {
    /// The business on day 0.
    pub struct Start {
        /// Cash on day 0, in cents.
        cash_cents: i64 = whole(-CENTS, CENTS),
        /// Customers the business already has on day 0, split across segments by share.
        customers: u32 = whole(0, MAX_START_CUSTOMERS as i64),
        /// How long the business has been winning customers before day 0: the starting customers
        /// are the survivors of that many days of steady acquisition (the longest-standing are
        /// the most loyal), with visits and spend to match their tenure.
        customer_tenure_days: u32 = whole(0, 3650),
    }
}

fields! {
    /// A group of customers with their own habits and expectations.
    pub struct Segment {
        /// The segment's name.
        name: Text = bilingual,
        /// Share of new customers (normalised over all segments).
        share: f64 = number(0.0, 1000.0),
        /// Visits (PerVisit) or support contacts (Subscription) per month by a satisfied
        /// customer; 0 marks one-off customers who never come back.
        visits_per_month: f64 = number(0.0, 100.0),
        /// Spend per visit, or seats per account, relative to the reference price.
        spend: f64 = number(0.01, 1000.0),
        /// Shifted-beta-geometric churn: each customer's own 30-day churn probability is drawn
        /// from Beta(alpha, beta) when they arrive (Fader & Hardie 2007); this is alpha.
        churn_alpha: f64 = number(0.01, 1000.0),
        /// Beta of the same distribution.
        churn_beta: f64 = number(0.01, 1000.0),
        /// Mean patience in the queue (exponential, Erlang-A); `None` waits forever.
        patience_minutes: Option<f64> = number(0.1, 100_000.0),
        /// A customer who finds this many people already waiting turns away; `None` never balks.
        balk_queue: Option<u32> = whole(0, 10_000),
        /// The wait they expect on arrival, in minutes (their tolerance).
        expected_wait_minutes: f64 = number(0.1, 100_000.0),
        /// The quality they expect on arrival, an index in 0..1. Price expectation starts at the
        /// reference price.
        expected_quality: f64 = number(0.0, 1.0),
        /// Weight of price disconfirmation in their mood (price sensitivity).
        price_sensitivity: f64 = number(0.0, 20.0),
        /// Referrals per month by a promoter of this segment, on average (each customer's own
        /// rate is drawn uniformly between half and one and a half times this).
        referrals_per_month: f64 = number(0.0, 10.0),
        /// Growth of spend (or seats) per year of tenure at a neutral mood (Reichheld's ramp-up).
        ramp_per_year: f64 = number(-1.0, 5.0),
        /// How much a point of attitude above or below neutral adds or removes per year.
        ramp_mood_per_year: f64 = number(0.0, 5.0),
        /// Spend can grow to at most this multiple of the starting spend.
        ramp_cap: f64 = number(1.0, 100.0),
    }
}

fields! {
    /// Where new customers come from.
    pub struct Market {
        /// People who could ever be customers; growth slows as the business approaches it.
        size: u32 = whole(1, 2_000_000),
        /// New walk-in prospects per day at the reference rating.
        walk_ins_per_day: f64 = number(0.0, 100_000.0),
        /// The rating (stars) at which walk-ins come at their reference rate.
        reference_rating: f64 = number(0.5, 5.0),
        /// Walk-ins scale with (rating / reference_rating)^elasticity.
        rating_elasticity: f64 = number(0.0, 10.0),
        /// New paid prospects per day at the reference marketing spend.
        paid_per_day: f64 = number(0.0, 100_000.0),
        /// Paid prospects scale with spend^elasticity (below 1: each extra customer costs more).
        marketing_elasticity: f64 = number(0.0, 1.0),
        /// Paid reach falls by this share per year at the same spend (acquisition costs keep
        /// rising).
        paid_cost_inflation_per_year: f64 = number(0.0, 1.0),
        /// Referred customers' churn propensity is multiplied by this (Schmitt et al. 2011: < 1).
        referred_churn_multiplier: f64 = number(0.0, 2.0),
        /// Each detractor keeps away this many prospective walk-ins per month.
        detractor_deterrence_per_month: f64 = number(0.0, 10.0),
    }
}

fields! {
    /// How long service takes, what it costs and how often it goes wrong.
    pub struct Service {
        /// Mean minutes to serve one customer at Task level by a fully skilled, rested employee.
        mean_minutes: f64 = number(0.01, 10_000.0),
        /// How service times vary around the mean.
        distribution: ServiceTime = choice,
        /// Service time multiplier per service level.
        level_time: ByLevel<f64> = number(0.1, 10.0),
        /// Extra cost per visit per service level (small gifts, freebies), in cents.
        level_cost_cents: ByLevel<i64> = whole(0, CENTS),
        /// Chance of a small surprise per visit, per service level ("0.1 more").
        level_surprise: ByLevel<f64> = number(0.0, 1.0),
        /// Each unrequested extra adds this share to service time …
        extra_time_share: f64 = number(0.0, 1.0),
        /// … and this cost per visit, in cents.
        extra_cost_cents: i64 = whole(0, CENTS),
        /// Speed of an unskilled employee relative to a fully skilled one.
        unskilled_speed: f64 = number(0.1, 1.0),
        /// Chance of a service error per visit, at best.
        error_base: f64 = number(0.0, 1.0),
        /// Added to the error chance at full fatigue.
        error_fatigue: f64 = number(0.0, 1.0),
        /// Added to the error chance with no skill.
        error_unskilled: f64 = number(0.0, 1.0),
    }
}

fields! {
    /// Expectation–disconfirmation with Kano asymmetry (Oliver 1980; Anderson & Sullivan 1993).
    pub struct Satisfaction {
        /// Mood when everything is exactly as expected.
        neutral_mood: f64 = number(0.0, 10.0),
        /// Waits feel longer than they are (Maister 1985; ~1.36 per Larson).
        wait_perception: f64 = number(0.1, 10.0),
        /// Mood points per unit of relative disconfirmation, for a surplus.
        gain: f64 = number(0.0, 20.0),
        /// The same for a shortfall (shortfall > surplus: Mittal et al. 1998).
        loss: f64 = number(0.0, 20.0),
        /// Weight of the wait attribute.
        wait_weight: f64 = number(0.0, 10.0),
        /// Weight of the quality attribute.
        quality_weight: f64 = number(0.0, 20.0),
        /// Wait disconfirmation is (expected − perceived) / the segment's
        /// `expected_wait_minutes` (their tolerance). A perceived wait beyond expected + (this − 1)
        /// × tolerance misses a must-be attribute …
        must_be_wait_factor: f64 = number(1.0, 100.0),
        /// … and costs this many extra mood points.
        must_be_penalty: f64 = number(0.0, 10.0),
        /// Mood points lost to a service error (a must-be miss).
        error_penalty: f64 = number(0.0, 10.0),
        /// Mood points a small surprise adds when unexpected (attractive attribute).
        surprise_bonus: f64 = number(0.0, 10.0),
        /// How fast a customer gets used to surprises (Kano drift: attractive → must-be); once
        /// used to them, their absence is felt as a shortfall.
        habituation: f64 = number(0.0, 1.0),
        /// Feature fatigue (Thompson, Hamilton & Rust 2005): extras add capability·ln(1+n) …
        extras_capability: f64 = number(0.0, 10.0),
        /// … and remove usability·n mood points.
        extras_usability: f64 = number(0.0, 10.0),
        /// Quality index of the product at `quality` 1.0 …
        quality_reference: f64 = number(0.0, 0.99),
        /// … and how it responds to spend: q = 1 − (1 − reference)·quality^(−elasticity).
        quality_elasticity: f64 = number(0.0, 5.0),
        /// Share of delivered quality that depends on the staff's condition (service-profit
        /// chain).
        staff_share: f64 = number(0.0, 1.0),
        /// Expectations move this share of the way towards experience after each visit.
        adaptation: f64 = number(0.0, 1.0),
        /// Visit-to-visit noise in mood (standard deviation, mood points).
        noise: f64 = number(0.0, 5.0),
        /// Attitude (remembered satisfaction) moves this share towards each visit's mood.
        memory: f64 = number(0.01, 1.0),
        /// Happier customers visit more often: interval × exp(−this·(attitude − neutral)/10).
        frequency_elasticity: f64 = number(0.0, 10.0),
    }
}

fields! {
    /// Who stays and who leaves.
    pub struct Churn {
        /// Churn propensity × exp(−sensitivity·(attitude − reference)/10): the reference …
        mood_reference: f64 = number(0.0, 10.0),
        /// … and the sensitivity.
        mood_sensitivity: f64 = number(0.0, 50.0),
        /// Propensity × (1 + this·(1 − health)) for customers in poor health.
        health_sensitivity: f64 = number(0.0, 50.0),
        /// Health starts from attitude / neutral mood (at most 1) and loses this per normal
        /// visit interval of silence beyond 1.5 intervals …
        health_silence: f64 = number(0.0, 1.0),
        /// … this for an open complaint …
        health_complaint: f64 = number(0.0, 1.0),
        /// … and this once the customer has decided to leave (engagement fades).
        health_lapsing: f64 = number(0.0, 1.0),
        /// Health below this is red (at risk).
        red_health: f64 = number(0.0, 1.0),
        /// Days between a customer's decision to leave and their departure, during which they
        /// go quiet (PerVisit: no visits; Subscription: the decision is taken this long before
        /// the renewal they will not pay). Customer success can win some of them back.
        lapse_days: u32 = whole(0, 365),
        /// Chance that a lapsing customer contacted by customer success stays after all.
        win_back: f64 = number(0.0, 1.0),
        /// Customer-success outreach: staff minutes per contact …
        outreach_minutes: f64 = number(0.0, 600.0),
        /// … contacts per employee per day …
        outreach_per_employee_day: f64 = number(0.0, 100.0),
        /// … and the share of the gap between a contacted customer's attitude and neutral that
        /// it closes.
        outreach_share: f64 = number(0.0, 1.0),
        /// A customer is contacted at most once in this many days.
        outreach_interval_days: u32 = whole(1, 3650),
    }
}

fields! {
    /// Complaints and service recovery (TARP; Maxham & Netemeyer 2002; de Matos et al. 2007).
    pub struct Complaints {
        /// A visit below this mood (or with an error) is a problem.
        problem_mood: f64 = number(0.0, 10.0),
        /// Chance that a customer with a problem complains (most stay silent).
        voice_probability: f64 = number(0.0, 1.0),
        /// Per recovery policy: share of the visit's price refunded …
        refund_share: ByPolicy<f64> = number(0.0, 1.0),
        /// … extra compensation in cents …
        compensation_cents: ByPolicy<i64> = whole(0, CENTS),
        /// … staff minutes spent per complaint …
        staff_minutes: ByPolicy<f64> = number(0.0, 600.0),
        /// … and the share of the mood lost to the problem that recovery gives back.
        restore_share: ByPolicy<f64> = number(0.0, 1.0),
        /// Recovery paradox: a first failure excellently recovered ends this many points above
        /// where the customer stood before it (only for Generous, only the first failure).
        paradox_bonus: f64 = number(0.0, 5.0),
        /// A second failure not put right costs this many extra points (double deviation).
        double_deviation_penalty: f64 = number(0.0, 10.0),
        /// How much of a complainant's attitude the way their complaint was handled sets (0–1):
        /// a complaint is a salient episode, remembered more than an ordinary visit.
        salience: f64 = number(0.0, 1.0),
    }
}

fields! {
    /// Reviews and the public rating.
    pub struct Reputation {
        /// Public rating (stars) on day 0.
        start_rating: f64 = number(1.0, 5.0),
        /// Chance a served customer writes a review …
        review_probability: f64 = number(0.0, 1.0),
        /// … rising with how far their mood is from neutral (dissatisfied and delighted
        /// customers talk more: Anderson 1998).
        review_extremity: f64 = number(0.0, 10.0),
        /// Reviews lose half their weight after this many days.
        half_life_days: f64 = number(1.0, 3650.0),
        /// Weight of the starting rating, in reviews, so a few reviews do not swing it.
        prior_reviews: f64 = number(0.0, 100_000.0),
    }
}

fields! {
    /// The employees: hours, morale, fatigue, skill, quits and hiring.
    pub struct Staff {
        /// Paid hours per shift before overtime; shifts are staggered over the opening hours.
        shift_hours: f64 = number(0.5, 24.0),
        /// Days each employee works per week.
        workdays_per_week: f64 = number(1.0, 7.0),
        /// Pencavel (2014): output ∝ hours up to this many per week, rising ever less beyond …
        sustainable_weekly_hours: f64 = number(1.0, 168.0),
        /// … flat from this many.
        max_weekly_hours: f64 = number(1.0, 168.0),
        /// Pay per overtime hour, as a multiple of the hourly wage.
        overtime_premium: f64 = number(1.0, 5.0),
        /// Morale on day 0 (0–1).
        start_morale: f64 = number(0.0, 1.0),
        /// Skill on day 0 (0–1).
        start_skill: f64 = number(0.0, 1.0),
        /// Skill of a new hire (0–1).
        new_hire_skill: f64 = number(0.0, 1.0),
        /// Morale moves this share of the way to its target per day; the target is
        /// base + pay·ln(wage/market) + training·ln(training) − workload·fatigue
        /// + customers·(mood − neutral)/10.
        morale_rate: f64 = number(0.0, 1.0),
        /// The target's base.
        morale_base: f64 = number(0.0, 1.0),
        /// The target's pay term.
        morale_pay: f64 = number(0.0, 20.0),
        /// The target's training term.
        morale_training: f64 = number(0.0, 20.0),
        /// The target's workload term.
        morale_workload: f64 = number(0.0, 20.0),
        /// The target's customers term.
        morale_customers: f64 = number(0.0, 20.0),
        /// How customers experience an employee (0–1): weight of morale …
        condition_morale: f64 = number(0.0, 1.0),
        /// … of rest (1 − fatigue) …
        condition_rest: f64 = number(0.0, 1.0),
        /// … and of skill; the three add up to 1.
        condition_skill: f64 = number(0.0, 1.0),
        /// Fatigue per day: + overtime·(weekly hours above sustainable)/sustainable …
        fatigue_overtime: f64 = number(0.0, 20.0),
        /// … + load·max(0, utilisation − load_threshold) …
        fatigue_load: f64 = number(0.0, 20.0),
        /// Share of their shift an employee can spend serving before it wears them down.
        load_threshold: f64 = number(0.0, 1.0),
        /// … − recovery·fatigue.
        fatigue_recovery: f64 = number(0.0, 1.0),
        /// … + this × the share of the day's visits that went badly (mood below
        /// `complaints.problem_mood`) × how busy the employee was: the emotional labour of
        /// serving upset customers, which exhausts staff as much as long hours do (Lee &
        /// Ashforth 1996; Wright & Cropanzano 1998). 0 (the default) leaves it out.
        #[serde(default)]
        fatigue_emotional: f64 = number(0.0, 1.0),
        /// Skill gained per day per unit of training lever.
        skill_training: f64 = number(0.0, 1.0),
        /// Skill gained per day of experience.
        skill_experience: f64 = number(0.0, 1.0),
        /// Quit hazard: annual_quit_rate · exp(quit_morale · (quit_morale_reference − morale) +
        /// quit_fatigue · fatigue) · (wage/market)^quit_pay_elasticity: the base rate …
        annual_quit_rate: f64 = number(0.0, 1.0),
        /// … the morale term …
        quit_morale: f64 = number(0.0, 20.0),
        /// … the morale it is measured from …
        quit_morale_reference: f64 = number(0.0, 1.0),
        /// … the fatigue term …
        quit_fatigue: f64 = number(0.0, 20.0),
        /// … and the pay elasticity (Emanuel & Harrington 2020: ≈ −3 to −4).
        quit_pay_elasticity: f64 = number(-20.0, 0.0),
        /// Days to fill a vacancy.
        hire_lag_days: u32 = whole(0, 365),
        /// Hiring cost as a share of a year's salary (Boushey & Glynn: 0.21).
        hire_cost_share: f64 = number(0.0, 1.0),
        /// Severance, in days of wages, when the player cuts headcount.
        severance_days: f64 = number(0.0, 365.0),
        /// Morale lost by everyone when a colleague is laid off.
        layoff_morale_hit: f64 = number(0.0, 1.0),
    }
}

fields! {
    /// Costs that do not depend on the levers.
    pub struct Finance {
        /// Rent, utilities and other fixed costs per day, in cents.
        fixed_cents_per_day: i64 = whole(0, CENTS),
    }
}

fields! {
    /// The board: misses are punished more than beats are rewarded (Skinner & Sloan 2002).
    pub struct Board {
        /// The board's confidence on day 0 (0–1); a meeting that finds it at 0 after a warning replaces you.
        start_confidence: f64 = number(0.01, 1.0),
        /// Profit the board expects in the first quarter, in cents …
        expected_quarter_profit_cents: i64 = whole(-CENTS, CENTS),
        /// … and how fast that expectation grows per year.
        expectation_growth_per_year: f64 = number(-1.0, 1.0),
        /// Confidence change per unit of relative surprise (profit − expected)/scale, for a
        /// beat …
        beat_sensitivity: f64 = number(0.0, 10.0),
        /// … and for a miss …
        miss_sensitivity: f64 = number(0.0, 10.0),
        /// … where scale = max(|expected|, this), in cents.
        profit_scale_cents: i64 = whole(1, CENTS),
        /// Confidence gained per unit of the dividend share paid out in a profitable quarter.
        dividend_sensitivity: f64 = number(0.0, 10.0),
        /// Confidence drifts this share of the way back to the start level each quarter.
        reversion: f64 = number(0.0, 1.0),
    }
}

fields! {
    /// How customers, reviewers and the board react, beyond the per-segment figures: constants
    /// the model used to keep in code, now the scenario's (defaults: the values the shipped
    /// scenarios were calibrated with).
    pub struct Behaviour {
        /// The recovery paradox (a first failure excellently put right leaves the customer above
        /// where they started; Smith & Bolton 1998, McCollough et al. 2000) applies under these
        /// complaint policies. Default: [Generous].
        #[serde(default = "paradox_policies")]
        paradox_policies: Vec<RecoveryPolicy> = choice,
        /// Double deviation (a second failure brushed off deepens the damage; Bitner, Booms &
        /// Tetreault 1990) applies under these complaint policies. Default: [Strict].
        #[serde(default = "double_deviation_policies")]
        double_deviation_policies: Vec<RecoveryPolicy> = choice,
        /// A complaint counts as resolved when the policy restores at least this share of what
        /// went wrong. Default: 0.5.
        #[serde(default = "half")]
        resolved_restore_share: f64 = number(0.0, 1.0),
        /// The wait's disconfirmation (expected minus perceived wait, in units of the segment's
        /// tolerance) is held at or above this: beyond it a longer wait adds no more anger.
        /// Default: -4.
        #[serde(default = "wait_disconfirmation_min")]
        wait_disconfirmation_min: f64 = number(-100.0, 0.0),
        /// … and at or below this: a wait shorter than expected pleases only so much. Default: 1.
        #[serde(default = "one")]
        wait_disconfirmation_max: f64 = number(0.0, 100.0),
        /// Attitude points above (or below) neutral at which a segment's `ramp_mood_per_year`
        /// takes its full effect on spend growth. Default: 3.
        #[serde(default = "ramp_mood_points")]
        ramp_mood_points: f64 = number(0.1, 10.0),
        /// Spend never falls below this share of a customer's starting spend. Default: 0.2.
        #[serde(default = "spend_floor")]
        spend_floor: f64 = number(0.0, 1.0),
        /// Health starts to fall once a customer has been silent for this many of their usual
        /// intervals between visits. Default: 1.5.
        #[serde(default = "silence_grace_intervals")]
        silence_grace_intervals: f64 = number(0.0, 100.0),
        /// Mood points from neutral that make a visit "extreme" for reviewing (extreme
        /// experiences are reviewed more often; Hu, Pavlou & Zhang 2009). Default: 5.
        #[serde(default = "review_extremity_points")]
        review_extremity_points: f64 = number(0.1, 10.0),
        /// Each customer's referral rate is their segment's times a factor drawn uniformly
        /// within this much of 1 (0.5: from 0.5 to 1.5). Default: 0.5.
        #[serde(default = "half")]
        referral_spread: f64 = number(0.0, 0.99),
        /// The board's confidence reacts to a quarter beating its expectation by at most this
        /// many times the profit scale … Default: 2.
        #[serde(default = "board_beat_cap")]
        board_beat_cap: f64 = number(0.0, 100.0),
        /// … and to a miss by at most this many. Default: 3.
        #[serde(default = "board_miss_cap")]
        board_miss_cap: f64 = number(0.0, 100.0),
        /// Speaking up is a trait: each customer's own chance of complaining about a problem is
        /// drawn once, from Beta(κ·p, κ·(1 − p)) with p = `complaints.voice_probability` and κ
        /// this concentration. A small κ makes a few customers voice most complaints while most
        /// never complain (TARP: about 1 problem in 27 reaches the business; complaining follows
        /// attitudes to complaining, Richins 1982, and response styles, Singh 1990); a large κ
        /// gives everyone nearly p; 0 gives everyone exactly p. Default: 1.
        #[serde(default = "one")]
        voice_concentration: f64 = number(0.0, 1000.0),
        /// The employee a customer meets shows in how the visit feels, judged against a norm
        /// that does not adapt (how staff ought to treat you: SERVQUAL's responsiveness,
        /// assurance and empathy; Parasuraman, Zeithaml & Berry 1988): mood points per unit of
        /// the server's condition (morale, rest, skill; 0–1) above or below
        /// `manner_norm`, with losses weighing `satisfaction.loss` as much. Calibrated so that
        /// the café's customers gain about a quarter of a point (on a 100-point scale) for each
        /// point its staff's morale gains (Sears: 1.3 for 5; Rucci, Kirn & Quinn 1998).
        /// Default: 4.
        #[serde(default = "manner_weight")]
        manner_weight: f64 = number(0.0, 20.0),
        /// … the server's condition customers take as normal. Default: 0.7.
        #[serde(default = "manner_norm")]
        manner_norm: f64 = number(0.0, 1.0),
        /// A tired employee serves slower: speed falls by this share at full fatigue (emotional
        /// exhaustion lowers job performance; Wright & Cropanzano 1998). Default: 0.3.
        #[serde(default = "fatigue_slowdown")]
        fatigue_slowdown: f64 = number(0.0, 0.9),
        /// An inexperienced employee puts a complaint right less well: the policy's restore
        /// share falls by this share for an employee of no skill. Default: 0.4.
        #[serde(default = "recovery_inexperience")]
        recovery_inexperience: f64 = number(0.0, 1.0),
        /// Customers remember who served them: one whose last visit of 9 or more was with an
        /// employee who then quits or is let go loses this many attitude points (regulars miss
        /// the people they know; a team that keeps its people keeps its regulars). Default: 1.
        #[serde(default = "one")]
        lost_server_attitude: f64 = number(0.0, 10.0),
        /// Customers who stay cost less to serve (Reichheld & Sasser 1990; Reichheld 1996:
        /// software customers "call for help more in the first 60 days than in the next 60
        /// months"): a customer's first visit takes this much longer to serve than a regular's
        /// (questions, an unfamiliar menu or product), the extra fading as
        /// e^(−visits / `familiarity_visits`) (and counting as none once under 0.1 % of a service).
        /// Default: 0.5.
        #[serde(default = "half")]
        newcomer_service_time: f64 = number(0.0, 5.0),
        /// … the visits over which a newcomer's extra time fades to 1/e of itself. Default: 3.
        #[serde(default = "familiarity_visits")]
        familiarity_visits: f64 = number(0.1, 1000.0),
        /// Customers who stay mind a price rise less: the shock of a price above what they are
        /// used to is divided by 1 + this × their years as a customer. Reichheld's price premium
        /// is the most contested of his effects (Reinartz & Kumar 2002 found none in four
        /// firms), so it is kept small. Default: 0.1.
        #[serde(default = "price_tolerance_per_year")]
        price_tolerance_per_year: f64 = number(0.0, 10.0),
        /// Promoters who have stayed refer a little more: a promoter's referral rate is times
        /// 1 + this × their years as a customer, up to `referral_tenure_cap` times. Also
        /// contested (East, Lomax & Narain 2001 found long-standing customers recommend no more
        /// than recent ones), so it is kept small. Default: 0.05.
        #[serde(default = "referral_tenure_per_year")]
        referral_tenure_per_year: f64 = number(0.0, 10.0),
        /// … the most a promoter's referral rate can grow with tenure. Default: 1.25.
        #[serde(default = "referral_tenure_cap")]
        referral_tenure_cap: f64 = number(1.0, 10.0),
    }
}

fn paradox_policies() -> Vec<RecoveryPolicy> {
    vec![RecoveryPolicy::Generous]
}
fn double_deviation_policies() -> Vec<RecoveryPolicy> {
    vec![RecoveryPolicy::Strict]
}
fn half() -> f64 {
    0.5
}
fn one() -> f64 {
    1.0
}
fn wait_disconfirmation_min() -> f64 {
    -4.0
}
fn ramp_mood_points() -> f64 {
    3.0
}
fn spend_floor() -> f64 {
    0.2
}
fn silence_grace_intervals() -> f64 {
    1.5
}
fn review_extremity_points() -> f64 {
    5.0
}
fn board_beat_cap() -> f64 {
    2.0
}
fn board_miss_cap() -> f64 {
    3.0
}
fn manner_weight() -> f64 {
    4.0
}
fn manner_norm() -> f64 {
    0.7
}
fn fatigue_slowdown() -> f64 {
    0.3
}
fn recovery_inexperience() -> f64 {
    0.4
}
fn familiarity_visits() -> f64 {
    3.0
}
fn price_tolerance_per_year() -> f64 {
    0.1
}
fn referral_tenure_per_year() -> f64 {
    0.05
}
fn referral_tenure_cap() -> f64 {
    1.25
}

impl Default for Behaviour {
    fn default() -> Self {
        Behaviour {
            paradox_policies: paradox_policies(),
            double_deviation_policies: double_deviation_policies(),
            resolved_restore_share: half(),
            wait_disconfirmation_min: wait_disconfirmation_min(),
            wait_disconfirmation_max: one(),
            ramp_mood_points: ramp_mood_points(),
            spend_floor: spend_floor(),
            silence_grace_intervals: silence_grace_intervals(),
            review_extremity_points: review_extremity_points(),
            referral_spread: half(),
            board_beat_cap: board_beat_cap(),
            board_miss_cap: board_miss_cap(),
            voice_concentration: one(),
            manner_weight: manner_weight(),
            manner_norm: manner_norm(),
            fatigue_slowdown: fatigue_slowdown(),
            recovery_inexperience: recovery_inexperience(),
            lost_server_attitude: one(),
            newcomer_service_time: half(),
            familiarity_visits: familiarity_visits(),
            price_tolerance_per_year: price_tolerance_per_year(),
            referral_tenure_per_year: referral_tenure_per_year(),
            referral_tenure_cap: referral_tenure_cap(),
        }
    }
}

/// The scenario format this build writes ([`Scenario::version`]).
pub const SCENARIO_VERSION: u32 = 2;

fn first_version() -> u32 {
    1
}

fields! {
    /// A currency: its symbol and where it goes.
    pub struct Currency {
        /// The symbol: "$", "¥", "€", "CHF".
        symbol: String = text,
        /// Whether the symbol goes after the amount ("12.00 €") instead of before ("¥12.00").
        #[serde(default)]
        after: bool = choice,
    }
}

impl Default for Currency {
    fn default() -> Self {
        Currency {
            symbol: "$".into(),
            after: false,
        }
    }
}

impl Currency {
    /// An amount in cents as a person reads it: "¥1,234.50", "−$3.00", "12.00 €".
    pub fn money(&self, cents: i64) -> String {
        let amount = crate::i18n::number(cents.unsigned_abs() as f64 / 100.0, 2);
        let sign = if cents < 0 { "−" } else { "" };
        if self.after {
            format!("{sign}{amount} {}", self.symbol)
        } else {
            format!("{sign}{}{amount}", self.symbol)
        }
    }
}

fields! {
    /// What each stakeholder wants, in a sentence or two each.
    pub struct Goals {
        /// What the customers want.
        customers: Text = bilingual,
        /// What the employees want.
        employees: Text = bilingual,
        /// What the shareholders (the owners' board) want.
        shareholders: Text = bilingual,
    }
}

fields! {
    /// How much each stakeholder counts in the balanced scorecard: relative weights (they need
    /// not add up to 1; at least one is above 0).
    pub struct Weights {
        /// The customers' weight.
        customers: f64 = number(0.0, 100.0),
        /// The employees' weight.
        employees: f64 = number(0.0, 100.0),
        /// The shareholders' weight.
        shareholders: f64 = number(0.0, 100.0),
    }
}

impl Default for Weights {
    fn default() -> Weights {
        Weights {
            customers: 1.0,
            employees: 1.0,
            shareholders: 1.0,
        }
    }
}

impl Weights {
    /// The weights as shares that add up to 1 (equal shares if they are all 0).
    pub fn shares(&self) -> [f64; 3] {
        let w = [self.customers, self.employees, self.shareholders].map(|x| x.max(0.0));
        let sum: f64 = w.iter().sum();
        if sum > 0.0 && sum.is_finite() {
            w.map(|x| x / sum)
        } else {
            [1.0 / 3.0; 3]
        }
    }
}

fields! {
    /// What a timed workshop session adds to the scenario.
    pub struct Workshop {
        /// Dilemmas every team meets on the same day in a timed session, so the whole room
        /// faces and discusses the same moment (their usual trigger is set aside).
        #[serde(default)]
        fixed_dilemmas: Vec<FixedDilemma> = nested,
        /// Questions for the room at the session's discussions, in order (then from the
        /// first again); without them the game asks general ones.
        #[serde(default)]
        questions: Vec<Text> = bilingual,
    }
}

fields! {
    /// A dilemma on a fixed day.
    pub struct FixedDilemma {
        /// The dilemma's id in the scenario's deck.
        dilemma: String = text,
        /// The day it comes (a day at or past the horizon never comes: a shortened copy of the
        /// scenario needs no other change).
        day: u32 = whole(1, MAX_HORIZON_DAYS as i64),
    }
}

fields! {
    /// The business's own words, in each language.
    pub struct Words {
        /// After a price: "per visit" / "每次", "per seat a month" / "每席位每月".
        per_unit: Text = bilingual,
        /// What customers think and say, by kind of thought.
        thoughts: ThoughtWords = nested,
    }
}

fields! {
    /// What a customer says when they have each kind of thought, in the business's words; `{n}`
    /// stands for the number that goes with it (minutes, people, percent).
    pub struct ThoughtWords {
        /// Waited much longer than expected ({n}: minutes).
        long_wait: Text = bilingual,
        /// Saw the queue and turned away at the door ({n}: people waiting).
        turned_away: Text = bilingual,
        /// Gave up waiting and left the queue ({n}: minutes waited).
        gave_up_waiting: Text = bilingual,
        /// The price went up ({n}: percent).
        price_up: Text = bilingual,
        /// Too expensive for what it is.
        too_expensive: Text = bilingual,
        /// The product was not as good as expected.
        poor_quality: Text = bilingual,
        /// The staff seemed tired or fed up.
        tired_staff: Text = bilingual,
        /// Something went wrong with the order or the service.
        service_error: Text = bilingual,
        /// Got a small surprise beyond what they asked for.
        small_surprise: Text = bilingual,
        /// Used to get little extras, and no longer does.
        missed_the_extras: Text = bilingual,
        /// Too many things they do not need.
        too_many_extras: Text = bilingual,
        /// Complained and it was put right.
        complaint_resolved: Text = bilingual,
        /// Complained and nothing came of it.
        complaint_brushed_off: Text = bilingual,
        /// Someone from the business checked in on them.
        checked_in: Text = bilingual,
        /// Had to leave because the business closed while they waited.
        closed_on_me: Text = bilingual,
        /// Heard about a scandal.
        scandal: Text = bilingual,
        /// Liked how the business handled something in public.
        did_the_right_thing: Text = bilingual,
        /// Feels the business stopped caring about customers like them.
        let_down: Text = bilingual,
        /// The employee they liked being served by has left (optional: a file without it gets
        /// a general wording).
        #[serde(default = "staff_left_words")]
        staff_left: Text = bilingual,
    }
}

/// What a customer whose favourite employee left says, where a scenario does not say it.
fn staff_left_words() -> Text {
    Text::from_catalogue(|lang| crate::tr!(lang, "words-staff-left"))
}

impl ThoughtWords {
    /// The words for one kind of thought (none for a touchpoint's moments: those are the
    /// stage's own words).
    pub fn get(&self, kind: ThoughtKind) -> Option<&Text> {
        Some(match kind {
            ThoughtKind::LongWait => &self.long_wait,
            ThoughtKind::TurnedAway => &self.turned_away,
            ThoughtKind::GaveUpWaiting => &self.gave_up_waiting,
            ThoughtKind::PriceUp => &self.price_up,
            ThoughtKind::TooExpensive => &self.too_expensive,
            ThoughtKind::PoorQuality => &self.poor_quality,
            ThoughtKind::TiredStaff => &self.tired_staff,
            ThoughtKind::ServiceError => &self.service_error,
            ThoughtKind::SmallSurprise => &self.small_surprise,
            ThoughtKind::MissedTheExtras => &self.missed_the_extras,
            ThoughtKind::TooManyExtras => &self.too_many_extras,
            ThoughtKind::ComplaintResolved => &self.complaint_resolved,
            ThoughtKind::ComplaintBrushedOff => &self.complaint_brushed_off,
            ThoughtKind::CheckedIn => &self.checked_in,
            ThoughtKind::ClosedOnMe => &self.closed_on_me,
            ThoughtKind::Scandal => &self.scandal,
            ThoughtKind::DidTheRightThing => &self.did_the_right_thing,
            ThoughtKind::LetDown => &self.let_down,
            ThoughtKind::StaffLeft => &self.staff_left,
            ThoughtKind::BadMoment | ThoughtKind::GoodMoment => return None,
        })
    }
}

/// Every field of the format, in file order, with its rule and meaning.
pub fn documentation() -> Vec<FieldDoc> {
    let mut out = Vec::new();
    <Scenario as super::fields::Fields>::document("", &mut out);
    out
}

fields! {
    /// What winning means in a scenario. The story is written first, in the briefing's words;
    /// the conditions say the same in figures, and the scenario's parameters are calibrated until
    /// the story holds (`customer-first calibrate`).
    pub struct Winning {
        /// What winning means, as the briefing tells it ("keep 80 % of your regulars and the
        /// board's confidence above 50 % for three years").
        story: Text = bilingual,
        /// The principle the scenario teaches, for the briefing and the end screen.
        principle: Text = bilingual,
        /// Every one must hold when the horizon is reached (at least one); a business that closed
        /// early (its cash ran out, the board replaced its manager) has lost.
        conditions: Vec<Condition> = nested,
        /// The shipped policies the scenario is calibrated against.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        calibration: Option<Calibration> = nested,
    }
}

fields! {
    /// One condition of winning: a figure the player sees, and its bound.
    pub struct Condition {
        /// The figure.
        measure: Measure = choice,
        /// It must be at least this (in the figure's own unit: a share 0–1, stars 1–5, NPS
        /// −100..100; customers as a multiple of day 0's).
        #[serde(default, skip_serializing_if = "Option::is_none")]
        at_least: Option<f64> = number(-100.0, 100.0),
        /// It must be at most this (same units).
        #[serde(default, skip_serializing_if = "Option::is_none")]
        at_most: Option<f64> = number(-100.0, 100.0),
        /// Over which days: the mean over the last quarter (91 days), every quarter's mean, or
        /// the whole run's.
        #[serde(default)]
        over: Span = choice,
    }
}

fields! {
    /// The shipped policies a scenario is calibrated against, as paths relative to the scenario's
    /// file: the thoughtful one should win on at least 8 of 10 seeds, the careless one lose on at
    /// least 8 of 10.
    pub struct Calibration {
        /// A thoughtful policy's file.
        thoughtful: String = text,
        /// A careless policy's file.
        careless: String = text,
    }
}

fields! {
    /// What a trainer needs to know about the scenario.
    pub struct TrainerNotes {
        /// What usually happens when a room plays it.
        usually: Text = bilingual,
        /// What to discuss afterwards.
        #[serde(default)]
        discuss: Vec<Text> = bilingual,
    }
}

/// A figure a winning condition judges.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum Measure {
    /// Active customers, as a multiple of those on day 0.
    CustomerBase,
    /// Customers active 90 days ago who still are (0–1).
    Retention,
    /// The public star rating (1–5).
    Rating,
    /// Net promoter score (−100..100).
    Nps,
    /// The share of visits a customer rated 9 or 10 (0–1).
    MoodNinePlus,
    /// Net dollar retention of subscription accounts (1.0 = 100 %).
    Ndr,
    /// The team's morale (0–1).
    Morale,
    /// The team's fatigue (0–1).
    Fatigue,
    /// Quits in a year as a share of the team.
    StaffTurnover,
    /// The board's confidence (0–1).
    BoardConfidence,
    /// Profit as a share of revenue.
    ProfitMargin,
}

impl Measure {
    /// The values the figure can take: a bound outside them can never be met (or always is).
    pub fn range(self) -> (f64, f64) {
        match self {
            Measure::CustomerBase => (0.0, 100.0),
            Measure::Rating => (1.0, 5.0),
            Measure::Nps => (-100.0, 100.0),
            Measure::Ndr | Measure::StaffTurnover => (0.0, 100.0),
            Measure::ProfitMargin => (-100.0, 1.0),
            Measure::Retention
            | Measure::MoodNinePlus
            | Measure::Morale
            | Measure::Fatigue
            | Measure::BoardConfidence => (0.0, 1.0),
        }
    }
}

/// Over which days a condition's figure is taken.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
pub enum Span {
    /// The mean over the last quarter (91 days) of the run.
    #[default]
    LastQuarter,
    /// Each quarter's mean (quarters of 91 days from day 0; a last part shorter than 30 days
    /// joins the quarter before): every one must meet the bound.
    EveryQuarter,
    /// The whole run (for figures that are sparse day by day, such as quits).
    WholeRun,
}

fields! {
    /// A hidden defect: a quality event with delayed discovery and a recall decision.
    pub struct Defect {
        /// Its id, which a dilemma's `Recall` effect names.
        id: String = text,
        /// The day the defective product starts reaching customers: those who are customers
        /// then, and those who join until it is recalled, may have it.
        from_day: u32 = whole(0, MAX_HORIZON_DAYS as i64),
        /// The share of those customers whose product has it.
        affected_share: f64 = number(0.0, 1.0),
        /// How often an affected product fails, per year.
        failures_per_year: f64 = number(0.0, 365.0),
        /// What a failure takes off its owner's attitude (0–10 points).
        failure_attitude: f64 = number(0.0, 10.0),
        /// The failures after which the public learns of the defect (the press, a regulator),
        /// unless it was recalled first; the recall is then forced.
        public_after_failures: u32 = whole(1, 1_000_000),
        /// When it becomes public, every customer's attitude changes by this (0 or less).
        public_attitude: f64 = number(-10.0, 0.0),
        /// … and this many one-star reviews are written that day …
        public_reviews: u32 = whole(0, 100_000),
        /// … and the board's confidence changes by this (0 or less).
        public_board: f64 = number(-1.0, 0.0),
        /// What recalling costs per affected customer still with you, in cents.
        recall_cents_per_customer: i64 = whole(0, CENTS),
        /// A recall forced by the defect becoming public costs this many times more (fines,
        /// lawsuits, a rushed campaign).
        forced_recall_multiplier: f64 = number(1.0, 100.0),
        /// A recall made before the public knows changes the affected customers' attitude by
        /// this: the trust honesty earns (0 for none).
        recall_attitude: f64 = number(-10.0, 10.0),
    }
}

fields! {
    /// A visit as a journey of touchpoints. Each stage of a served visit may go wrong or
    /// delight; what decides how often is its driver (the product's quality, the condition of
    /// the staff, the wait). People remember an experience by its most intense moment and its
    /// end more than by its sum (the peak-end rule: Kahneman, Fredrickson, Schreiber & Redelmeier
    /// 1993, Psychological Science 4(6): 401-405; for service design, Chase & Dasu 2001,
    /// "Want to Perfect Your Company's Service? Use Behavioral Science", HBR June 2001).
    pub struct Touchpoints {
        /// The extra weight of the most intense stage and of the last stage in the visit's
        /// mood (0: a visit is the plain sum of its stages; 1: each counts twice).
        peak_end: f64 = number(0.0, 3.0),
        /// The stages, in the order a customer lives them (the last is the ending).
        stages: Vec<Stage> = nested,
        /// A check before the customer leaves, at the service levels that include it: a visit
        /// that would end below a mood score is noticed and, often, put right (the inn that
        /// asks every table; "never below 9").
        #[serde(default, skip_serializing_if = "Option::is_none")]
        mood_check: Option<MoodCheck> = nested,
    }
}

fields! {
    /// One touchpoint of a visit.
    pub struct Stage {
        /// Its name ("the night's sleep").
        name: Text = bilingual,
        /// What makes it go wrong more or less often: `Quality` (the product as delivered),
        /// `Staff` (the condition of who serves), `Wait` (the wait against what was expected).
        driver: Driver = choice,
        /// The chance it goes wrong on a visit at the reference quality, a team in the
        /// expected condition and the expected wait (the driver scales it).
        fail_chance: f64 = number(0.0, 1.0),
        /// What going wrong takes off the visit's mood (points).
        fail_impact: f64 = number(0.0, 10.0),
        /// The chance of a delight (a fruit basket, a name remembered) at the top service
        /// level; lower levels give it in proportion to their surprise rate.
        delight_chance: f64 = number(0.0, 1.0),
        /// What a delight adds to the visit's mood (points; a delight fades from memory sooner
        /// than a failure, so keep it below `fail_impact`).
        delight_impact: f64 = number(0.0, 10.0),
        /// What a customer says when it went wrong.
        went_wrong: Text = bilingual,
        /// What a customer says when it delighted them.
        delighted: Text = bilingual,
    }
}

/// What makes a touchpoint go wrong more or less often.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum Driver {
    /// The product as delivered (the quality lever and the staff's condition).
    Quality,
    /// The condition of the staff who serve (morale, rest, skill).
    Staff,
    /// The wait against what the customer expected.
    Wait,
}

fields! {
    /// The check before a customer leaves ("never below 9").
    pub struct MoodCheck {
        /// The lowest service level that includes it (its time and cost are the level's).
        from_level: ServiceLevel = choice,
        /// The mood score below which the staff act.
        below: f64 = number(0.0, 10.0),
        /// The chance they can put it right, for staff of full skill (scaled by skill).
        fix_chance: f64 = number(0.0, 1.0),
        /// The share of what the visit lost (its shortfalls: the failed moments, the wait,
        /// the price) that putting it right on the spot gives back. A good recovery restores
        /// satisfaction to about where it would have been, seldom above (de Matos, Henrique &
        /// Rossi 2007, J. Service Research 10(1): 60-77), so at most 1.
        lift: f64 = number(0.0, 1.0),
    }
}
