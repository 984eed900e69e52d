//! What a customer is worth by year of tenure: the books Reichheld & Sasser (1990) kept.
//!
//! The model records, for each year of tenure (a customer's first year with the business, their
//! second, …), what customers in it paid, what serving them cost (goods and staff time), how many
//! referrals they made and how many of them left. How many customer-days were lived in each year
//! is counted when the books are read, from each customer's own dates (joined, left), rather than
//! day by day for every customer. Nothing in the model reads these books; they only report. From them [`TenureBook::value`]
//! computes the lifetime value of a new customer the way Reichheld & Sasser did: the profit of
//! each year of tenure, weighted by the chance of still being a customer then and discounted, less
//! what it cost to win them. Cutting every year's defection rate by 5 points and computing it
//! again says what a retention gain is worth in this business (they found 25–85 % across services).

use bevy::prelude::*;

/// Tenures of this many years or more share the last year's books.
pub const TENURE_YEARS: usize = 30;

/// One year of tenure's books, summed over every customer who lived through part of it.
#[derive(Debug, Clone, Default, PartialEq, serde::Serialize, serde::Deserialize)]
#[serde(deny_unknown_fields)]
pub struct TenureYear {
    /// Days lived by customers in this year of their tenure (divided by 365: customer-years),
    /// counted as the census counts them: each day a customer is active when the day starts.
    /// Not kept by the model day by day: [`TenureBook::add_exposure`] fills it when the books are
    /// read (0 in the model's own books and in saves).
    pub customer_days: u64,
    /// What they paid, in cents.
    pub revenue_cents: i64,
    /// What their visits cost in goods (quality, service level, extras), in cents.
    pub goods_cents: i64,
    /// Staff time spent serving them, at the wage paid then (overtime premium aside), in cents.
    pub staff_cents: f64,
    /// Referrals they were expected to make (each promoter's rate, day by day).
    pub referrals: f64,
    /// Customers who left in this year of their tenure.
    pub departures: u32,
}

/// The books by year of tenure (index 0: a customer's first year).
#[derive(Resource, Debug, Clone, Default, PartialEq)]
pub struct TenureBook {
    pub years: Vec<TenureYear>,
}

/// A new customer's lifetime value and what it is made of (see [`TenureBook::value`]).
#[derive(Debug, Clone, PartialEq)]
pub struct LifetimeValue {
    /// What it cost, on average, to win a customer (paid marketing over all new customers), in
    /// cents.
    pub acquisition_cents: f64,
    /// Each year of tenure's figures, from the first.
    pub years: Vec<TenureFigures>,
    /// The discounted profit of their own purchases, in cents.
    pub own_cents: f64,
    /// The discounted customers they bring (ρ).
    pub referred: f64,
    /// The discounted lifetime value with the customers they bring, less what winning them cost,
    /// in cents.
    pub value_cents: f64,
}

/// One year of tenure, as a lifetime value uses it.
#[derive(Debug, Clone, PartialEq)]
pub struct TenureFigures {
    /// Profit per customer-year: revenue less goods and staff time, in cents.
    pub profit_cents: f64,
    /// The annual defection rate used.
    pub defection: f64,
    /// The chance of still being a customer at the start of the year.
    pub survival: f64,
    /// Referred customers won per customer-year.
    pub referred: f64,
}

/// Years of tenure a lifetime value looks ahead.
pub const VALUE_YEARS: usize = 10;
/// The yearly discount rate of a lifetime value.
pub const DISCOUNT_RATE: f64 = 0.10;
/// A year of tenure with fewer customer-years than this, or fewer departures, borrows the last
/// better-measured year's figures (too few customers reach it, or have left from it, in a game to
/// measure it: a short game's zero departures would read as nobody ever leaving).
const MIN_CUSTOMER_YEARS: f64 = 20.0;
const MIN_DEPARTURES: u32 = 30;
/// The discounted customers one customer brings is held below this (at 1 or more, every customer
/// would bring a business without end; a market's size stops that long before).
pub const MAX_REFERRED: f64 = 0.9;

impl TenureYear {
    /// Customer-years lived in this year of tenure.
    pub fn customer_years(&self) -> f64 {
        self.customer_days as f64 / 365.0
    }

    /// Profit per customer-year: revenue less goods and staff time, in cents.
    pub fn profit_per_customer_year(&self) -> f64 {
        (self.revenue_cents as f64 - self.goods_cents as f64 - self.staff_cents)
            / self.customer_years().max(f64::MIN_POSITIVE)
    }

    /// The share of customers who leave in a year at this year's rate: 1 − e^(−departures /
    /// customer-years).
    pub fn defection(&self) -> f64 {
        1.0 - (-(self.departures as f64) / self.customer_years().max(f64::MIN_POSITIVE)).exp()
    }

    /// Adds another's books to these (pooling runs).
    pub fn add(&mut self, o: &TenureYear) {
        self.customer_days += o.customer_days;
        self.revenue_cents += o.revenue_cents;
        self.goods_cents += o.goods_cents;
        self.staff_cents += o.staff_cents;
        self.referrals += o.referrals;
        self.departures += o.departures;
    }
}

impl TenureBook {
    /// The books of the year of tenure a customer who joined on `joined_day` is in on `day`.
    pub fn year(&mut self, day: u32, joined_day: i32) -> &mut TenureYear {
        let t = ((day as i64 - joined_day as i64).max(0) / 365) as usize;
        let t = t.min(TENURE_YEARS - 1);
        if self.years.len() <= t {
            self.years.resize(t + 1, TenureYear::default());
        }
        &mut self.years[t]
    }

    /// Adds the days a customer was counted by the census, by year of their tenure: a customer
    /// who joined on `joined_day` is counted from `first_day` (the day after they joined; day 0
    /// for the starting book) to `last_day` (the day before they left, or the last day played),
    /// both included.
    pub fn add_exposure(&mut self, joined_day: i32, first_day: i64, last_day: i64) {
        let joined = joined_day as i64;
        let first = first_day.max(0);
        if last_day < first {
            return;
        }
        let year_of = |d: i64| (((d - joined) / 365) as usize).min(TENURE_YEARS - 1);
        let (t0, t1) = (year_of(first), year_of(last_day));
        if self.years.len() <= t1 {
            self.years.resize(t1 + 1, TenureYear::default());
        }
        for t in t0..=t1 {
            let from = first.max(joined + 365 * t as i64);
            let to = if t == TENURE_YEARS - 1 {
                last_day
            } else {
                last_day.min(joined + 365 * (t as i64 + 1) - 1)
            };
            if to >= from {
                self.years[t].customer_days += (to - from + 1) as u64;
            }
        }
    }

    /// The lifetime value of a new customer, with every year's defection rate lowered by
    /// `defection_cut` (0.05: Reichheld & Sasser's five points; never below 0).
    ///
    /// - Profit per customer-year of tenure year t: revenue − goods − staff time.
    /// - The annual defection rate of year t: 1 − e^(−departures / customer-years).
    /// - Their own profit: W = Σₜ profitₜ · Sₜ · Lₜ / 1.1ᵗ over [`VALUE_YEARS`], where Sₜ is the
    ///   chance of reaching year t and Lₜ the expected share of year t then lived (a constant
    ///   hazard within the year).
    /// - The customers they bring: `referred_customers` (all the referred customers won) are
    ///   shared among the years of tenure by the referrals expected there, giving referred
    ///   customers per customer-year rₜ, and ρ = Σₜ rₜ · Sₜ · Lₜ / 1.1ᵗ per customer. Each of those
    ///   is worth as much again (their own profit and the customers they bring, with nothing
    ///   spent to win them): a customer's value with their referrals is W / (1 − ρ) (the
    ///   customer referral value of Kumar, Petersen & Leone 2007; the "ripple" of Hogan, Lemon &
    ///   Libai 2003). ρ is held below [`MAX_REFERRED`].
    /// - Value = W / (1 − ρ) − `acquisition_cents`, what winning them cost.
    ///
    /// Years with too few customer-years to measure borrow the last measured one's figures.
    pub fn value(
        &self,
        acquisition_cents: f64,
        referred_customers: f64,
        defection_cut: f64,
    ) -> LifetimeValue {
        let all_referrals: f64 = self.years.iter().map(|y| y.referrals).sum();
        let won_per_referral = if all_referrals > 0.0 {
            referred_customers / all_referrals
        } else {
            0.0
        };
        let mut measured: Option<(f64, f64, f64)> = None;
        let mut survival = 1.0;
        let (mut own, mut referred) = (0.0, 0.0);
        let mut years = Vec::with_capacity(VALUE_YEARS);
        for t in 0..VALUE_YEARS {
            let figures = self.years.get(t).and_then(|y| {
                let customer_years = y.customer_years();
                (customer_years >= MIN_CUSTOMER_YEARS && y.departures >= MIN_DEPARTURES).then(
                    || {
                        let brought = y.referrals * won_per_referral / customer_years;
                        (y.profit_per_customer_year(), y.defection(), brought)
                    },
                )
            });
            if figures.is_some() {
                measured = figures;
            }
            let Some((profit, defection, brought)) = measured else {
                break;
            };
            let d = (defection - defection_cut).clamp(0.0, 0.999_999);
            let hazard = -(1.0 - d).ln();
            let lived = if hazard < 1e-9 {
                1.0
            } else {
                (1.0 - (-hazard).exp()) / hazard
            };
            let weight = survival * lived / (1.0 + DISCOUNT_RATE).powi(t as i32);
            own += profit * weight;
            referred += brought * weight;
            years.push(TenureFigures {
                profit_cents: profit,
                defection: d,
                survival,
                referred: brought,
            });
            survival *= 1.0 - d;
        }
        let referred = referred.min(MAX_REFERRED);
        LifetimeValue {
            acquisition_cents,
            years,
            own_cents: own,
            referred,
            value_cents: own / (1.0 - referred) - acquisition_cents,
        }
    }
}
