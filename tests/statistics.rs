//! The model against published figures, over many seeds of the shipped scenarios. Each test
//! states the published figure and the range the model must fall in; the ranges come from the
//! literature (see each test), not from the model's output.
//!
//! These runs take a minute in a release build, so they are their own CI stage ("model
//! statistics") rather than part of the quick `cargo test`:
//! `cargo test --release --test statistics -- --ignored --nocapture` (prints every figure).

mod common;

use common::{patient_owners, run_full};
use customer_first::headless::results::CustomerRecord;
use customer_first::levers::LeverSet;
use customer_first::policy::Policy;
use customer_first::scenario::Scenario;

const DAYS: u32 = 1095;

use common::from_day_0 as with;

fn assert_within(what: &str, value: f64, lo: f64, hi: f64) {
    println!("{what}: {value:.3} (published range {lo}–{hi})");
    assert!(
        (lo..=hi).contains(&value),
        "{what}: {value:.4} is outside the published range {lo}–{hi}"
    );
}

/// Churn within `window` days: of the starting customers who had been customers for at least a
/// year on day 0 (from day 0), and of customers acquired during the run (from their first day).
fn churn_by_tenure(s: &Scenario, seeds: u64, window: u32, policy: Option<&Policy>) -> (f64, f64) {
    let (mut old, mut old_left, mut new, mut new_left) = (0u32, 0u32, 0u32, 0u32);
    let s = patient_owners(s);
    for seed in 1..=seeds {
        let (r, customers) = run_full(&s, seed, DAYS, policy);
        assert_eq!(r.rows.len(), DAYS as usize, "seed {seed}: {:?}", r.end);
        for c in &customers {
            let left_within = |from: i32| {
                c.churned_day
                    .is_some_and(|d| (d as i32) - from < window as i32)
            };
            if c.source == "existing" {
                if c.acquired_day <= -365 {
                    old += 1;
                    old_left += left_within(0) as u32;
                }
            } else if c.acquired_day >= 0
                && c.acquired_day <= (DAYS - window) as i32
                && c.churn_cause != Some("one_off")
            {
                new += 1;
                new_left += left_within(c.acquired_day) as u32;
            }
        }
    }
    (old_left as f64 / old as f64, new_left as f64 / new as f64)
}

/// Fader & Hardie (2007, Table 1; data of Berry & Linoff 2004): in both published cohorts,
/// customers in their second to fifth year churn at 0.46–0.82 of the rate of first-year
/// customers (regular: 36.9 % in year 1, 25.8/18.4/14.7/11.3 % in years 2–5; high end: 13.1 %,
/// then 14.5/12.1/9.2/7.1 %; the fitted sBG models give 0.46 and 0.67). The range allows a little
/// either side: 0.40–0.85. The starting book, survivors of years of trading, must churn like that
/// against the newcomers of the run.
#[test]
#[ignore = "model statistics stage: cargo test --release --test statistics -- --ignored"]
fn long_standing_customers_churn_markedly_less_than_new_ones() {
    for (name, s, seeds, policy) in [
        ("café, default levers", common::cafe(), 10, None),
        ("software, default levers", common::software(), 20, None),
        (
            "software, customer-first policy",
            common::software(),
            20,
            Some(common::policy("customer-first")),
        ),
    ] {
        let (old, new) = churn_by_tenure(&s, seeds, 365, policy.as_ref());
        println!(
            "{name}: first-year churn of customers of a year or more {old:.3}, of newcomers {new:.3}"
        );
        assert_within(
            &format!("{name}: churn ratio, tenure ≥ 1 year vs new"),
            old / new,
            0.40,
            0.85,
        );
    }
}

/// Quits per employee-year over a run.
fn staff_turnover(s: &Scenario, seeds: u64, policy: Option<&Policy>) -> f64 {
    let (mut quits, mut employee_days) = (0u64, 0f64);
    for seed in 1..=seeds {
        let r = common::run(s, seed, DAYS, policy);
        quits += r.rows.iter().map(|d| d.quits as u64).sum::<u64>();
        employee_days += r.rows.iter().map(|d| d.employees as f64).sum::<f64>();
    }
    quits as f64 / (employee_days / 365.0)
}

/// Food service: quits in US accommodation and food services were 41.9–50.3 % of jobs a year in
/// 2013–15 and all separations 62.6–72.1 % (National Restaurant Association sums of BLS JOLTS
/// monthly rates); the 35–65 % for hospitality and food service is the range. Software:
/// 13.2 % a year in the software sector (LinkedIn Talent Solutions, 2018, on 2017 data), 13–20 %
/// across tech sources: the range is 13–20 %, for a team that is not overloaded (four agents).
#[test]
#[ignore = "model statistics stage: cargo test --release --test statistics -- --ignored"]
fn staff_turnover_is_the_industry_s() {
    let cafe = staff_turnover(&common::cafe(), 20, None);
    assert_within("café staff quits a year, default levers", cafe, 0.35, 0.65);
    let four = with(LeverSet {
        staff: Some(4),
        ..Default::default()
    });
    let software = staff_turnover(&common::software(), 80, Some(&four));
    assert_within(
        "software staff quits a year, four agents",
        software,
        0.13,
        0.20,
    );
}

/// Emanuel & Harrington (2020, warehouse and call-centre workers of a Fortune-500 retailer): the
/// elasticity of quits to pay is about −3 to −4. The café's quits at 80 % and at 125 % of market
/// pay must give an elasticity in −3 to −4, give or take 0.75 for the sampling error of 30 seeds.
#[test]
#[ignore = "model statistics stage: cargo test --release --test statistics -- --ignored"]
fn quits_fall_with_pay_as_published() {
    let at = |wage: f64| {
        let p = with(LeverSet {
            wage: Some(wage),
            ..Default::default()
        });
        staff_turnover(&common::cafe(), 30, Some(&p))
    };
    let (low, high) = (at(0.8), at(1.25));
    println!("café staff quits a year at 80 % of market pay: {low:.3}, at 125 %: {high:.3}");
    let elasticity = (high / low).ln() / (1.25f64 / 0.8).ln();
    assert_within("café: elasticity of quits to pay", elasticity, -4.75, -2.25);
}

/// (customers who had a problem, of them those who never complained, problems, complaints)
fn voice(customers: &[CustomerRecord]) -> (u64, u64, u64, u64) {
    let mut out = (0, 0, 0, 0);
    for c in customers {
        out.2 += c.problems as u64;
        out.3 += c.complaints as u64;
        if c.problems > 0 {
            out.0 += 1;
            out.1 += (c.complaints == 0) as u64;
        }
    }
    out
}

/// TARP (as quoted by Goodman and others): about 1 problem in 27 reaches the business (3.7 %),
/// 4–6 % in other studies (Wharton/Verde 2006: 6 % contacted the retailer), and 96 % of customers
/// with a problem never complain. Complaining follows the person (Richins 1982; Singh 1990), so
/// most customers never complain at all: of the customers who had a problem, at least 80 % never
/// complained (less than 96 %, as a customer with several problems has several chances), and more
/// of them than if every problem were an independent draw.
#[test]
#[ignore = "model statistics stage: cargo test --release --test statistics -- --ignored"]
fn most_customers_with_a_problem_never_complain() {
    let totals = |s: &Scenario| {
        (1..=4u64).fold((0, 0, 0, 0), |acc, seed| {
            let (_, customers) = run_full(s, seed, DAYS, None);
            let v = voice(&customers);
            (acc.0 + v.0, acc.1 + v.1, acc.2 + v.2, acc.3 + v.3)
        })
    };
    let s = common::cafe();
    let (had, silent, problems, complaints) = totals(&s);
    assert_within(
        "café: complaints per problem",
        complaints as f64 / problems as f64,
        0.03,
        0.07,
    );
    let share = silent as f64 / had as f64;
    assert_within(
        "café: customers with a problem who never complained",
        share,
        0.80,
        0.97,
    );
    let mut independent = s.clone();
    independent.behaviour.voice_concentration = 0.0;
    let (had0, silent0, _, _) = totals(&independent);
    let share0 = silent0 as f64 / had0 as f64;
    println!("…if every problem were an independent draw: {share0:.3}");
    assert!(
        share > share0 + 0.05,
        "the trait concentrates complaints: {share:.3} vs {share0:.3}"
    );
}

/// (mean staff morale, mean customer mood, mean 90-day retention) over the second year.
fn chain(s: &Scenario, seeds: u64, policy: &Policy) -> (f64, f64, f64) {
    let mut out = (0.0, 0.0, 0.0);
    let s = &patient_owners(s);
    for seed in 1..=seeds {
        let r = common::run(s, seed, 730, Some(policy));
        assert_eq!(r.rows.len(), 730, "seed {seed}: {:?}", r.end);
        let year: Vec<_> = r.rows[365..].iter().collect();
        let n = year.len() as f64;
        let moods: Vec<f64> = year.iter().filter_map(|d| d.mean_mood).collect();
        out.0 += year.iter().map(|d| d.morale).sum::<f64>() / n;
        out.1 += moods.iter().sum::<f64>() / moods.len() as f64;
        out.2 += year.iter().map(|d| d.retention_90d).sum::<f64>() / n;
    }
    let k = seeds as f64;
    (out.0 / k, out.1 / k, out.2 / k)
}

/// Sears (Rucci, Kirn & Quinn 1998, via secondary sources): 5 points more on a 100-point
/// employee-attitude scale went with 1.3 points more on a 100-point customer-impression scale, a
/// slope of 0.26. One study, reported in mixed units, so the range is half to double it:
/// 0.13–0.52. In the café, paying 15 % above the market and training half as much again raises
/// morale; customers' mood must follow through the mechanisms (how staff come across, errors,
/// speed, how well complaints are put right), and 90-day retention with it.
#[test]
#[ignore = "model statistics stage: cargo test --release --test statistics -- --ignored"]
fn customers_feel_the_staff_s_morale_as_at_sears() {
    let s = common::cafe();
    let base = chain(&s, 8, &with(LeverSet::default()));
    let rich = chain(
        &s,
        8,
        &with(LeverSet {
            wage: Some(1.15),
            training: Some(1.5),
            ..Default::default()
        }),
    );
    println!(
        "café, second year: morale {:.3} → {:.3}, customer mood {:.3} → {:.3}, 90-day retention {:.4} → {:.4}",
        base.0, rich.0, base.1, rich.1, base.2, rich.2
    );
    let slope = (rich.1 - base.1) * 10.0 / ((rich.0 - base.0) * 100.0);
    assert_within(
        "café: customer points per employee point (100-point scales)",
        slope,
        0.13,
        0.52,
    );
    assert!(rich.2 > base.2, "retention follows");
}

/// Reichheld & Sasser (1990, "Zero Defections", HBR): cutting the defection rate by 5 points
/// raised a customer's net present value by 25–85 % across the service businesses they studied
/// (branch banking 85 %, insurance brokerage 50 %, an auto-service chain 30 %), because customers
/// who stay spend more, cost less to serve, refer others and haggle less. None was a café: the
/// closest is the auto-service chain (a frequent, local, discretionary consumer service), 30 %.
/// None was subscription software either (the exhibit's software row is not verified here), so
/// Ledgerly must fall in the published range. The value is measured from the model's own books
/// by year of tenure (profit per customer-year and defection), pooled over seeds; the defection
/// cut is Reichheld & Sasser's thought experiment on those books.
#[test]
#[ignore = "model statistics stage: cargo test --release --test statistics -- --ignored"]
fn keeping_customers_pays_as_reichheld_found() {
    let mut gains = Vec::new();
    for (name, s, seeds, lo, hi) in [
        ("café", common::cafe(), 6, 0.25, 0.85),
        ("software", common::software(), 12, 0.25, 0.85),
    ] {
        let runs: Vec<_> = (1..=seeds)
            .map(|seed| common::run(&s, seed, DAYS, None))
            .collect();
        for r in &runs {
            assert_eq!(r.rows.len(), DAYS as usize, "seed {}: {:?}", r.seed, r.end);
        }
        let base = customer_first::headless::results::lifetime_value(&runs, 0.0);
        let cut = customer_first::headless::results::lifetime_value(&runs, 0.05);
        println!(
            "{name}: acquisition {:.0} cents; by year of tenure (profit per customer-year, defection, survival, referred customers per customer-year):",
            base.acquisition_cents
        );
        for (t, y) in base.years.iter().enumerate() {
            println!(
                "  year {}: {:>9.0} {:.3} {:.3} {:.3}",
                t + 1,
                y.profit_cents,
                y.defection,
                y.survival,
                y.referred
            );
        }
        println!(
            "{name}: own profit {:.0}, customers brought {:.3}; lifetime value {:.0} → {:.0} cents with 5 points less defection (own profit alone {:+.3})",
            base.own_cents,
            base.referred,
            base.value_cents,
            cut.value_cents,
            (cut.own_cents - cut.acquisition_cents) / (base.own_cents - base.acquisition_cents)
                - 1.0
        );
        gains.push((name, cut.value_cents / base.value_cents - 1.0, lo, hi));
    }
    for (name, gain, lo, hi) in gains {
        assert_within(
            &format!("{name}: profit gain from 5 points less defection"),
            gain,
            lo,
            hi,
        );
    }
}

/// Net Promoter Score at the café's starting levers against published benchmarks for restaurants
/// and coffee chains: quick-service restaurants 27–35 and full-service 33–43 (npsbench.com, 2024–
/// 2026), fast food about 30 (Chick-fil-A, McDonald's, Starbucks; emerging.com). These are
/// vendors' figures, not peer-reviewed, so the range is wide: +20 to +45. A café serving as its
/// regulars expect must read like a typical café, not like a failing one (a mean mood of 8 beside
/// an NPS of −10 is what a learner would question).
#[test]
#[ignore = "model statistics stage: cargo test --release --test statistics -- --ignored"]
fn a_cafe_as_expected_scores_a_typical_cafe_s_nps() {
    let s = common::cafe();
    let nps: Vec<f64> = (1..=6)
        .map(|seed| {
            let r = common::run(&s, seed, DAYS, None);
            r.rows.iter().map(|d| d.nps).sum::<f64>() / r.rows.len() as f64
        })
        .collect();
    assert_within(
        "café: NPS over three years at the starting levers",
        common::mean(nps),
        20.0,
        45.0,
    );
}
