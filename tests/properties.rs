//! Property tests: over random valid scenarios and random lever sequences, the model's
//! invariants hold (cash identity, customer conservation, bounds, no NaN); and a run over the
//! longest horizon a scenario may ask for (100 years) completes without overflow.
//!
//! The property runner uses a fixed seed, so CI sees the same cases every time.

mod common;

use customer_first::policy::{Change, Policy};
use customer_first::scenario::Scenario;
use customer_first::sim::levers::{LeverSet, RecoveryPolicy, ServiceLevel};
use proptest::prelude::*;
use proptest::test_runner::{Config, RngSeed};

fn level() -> impl Strategy<Value = ServiceLevel> {
    prop_oneof![
        Just(ServiceLevel::Task),
        Just(ServiceLevel::Extra),
        Just(ServiceLevel::Obsession)
    ]
}

fn recovery() -> impl Strategy<Value = RecoveryPolicy> {
    prop_oneof![
        Just(RecoveryPolicy::Strict),
        Just(RecoveryPolicy::Fair),
        Just(RecoveryPolicy::Generous)
    ]
}

fn lever_set() -> impl Strategy<Value = LeverSet> {
    (
        (
            proptest::option::of(0.1f64..5.0),
            proptest::option::of(0.1f64..5.0),
            proptest::option::of(0.1f64..5.0),
            proptest::option::of(0.1f64..5.0),
            proptest::option::of(0.1f64..5.0),
            proptest::option::of(0i64..30),
        ),
        (
            proptest::option::of(0.0f64..8.0),
            proptest::option::of(level()),
            proptest::option::of(0i64..30),
            proptest::option::of(recovery()),
            proptest::option::of(any::<bool>()),
            proptest::option::of(0.0f64..=1.0),
        ),
    )
        .prop_map(
            |(
                (price, wage, training, quality, marketing, staff),
                (overtime, service_level, extras, recovery, outreach, dividend),
            )| LeverSet {
                price,
                wage,
                training,
                quality,
                marketing,
                staff,
                overtime,
                service_level,
                extras,
                recovery,
                outreach,
                dividend,
            },
        )
}

fn policy() -> impl Strategy<Value = Policy> {
    proptest::collection::vec((0u32..150, lever_set()), 0..8).prop_map(|changes| Policy {
        name: "random".into(),
        choices: Default::default(),
        changes: changes
            .into_iter()
            .map(|(day, set)| Change { day, set })
            .collect(),
    })
}

/// A valid scenario: one of the shipped ones with parameters moved within their ranges.
fn scenario() -> impl Strategy<Value = Scenario> {
    (
        any::<bool>(),
        0u32..400,
        0.0f64..30.0,
        0.5f64..20.0,
        0.1f64..6.0,
        0.0f64..3.0,
        1.0f64..4.0,
        0.0f64..0.5,
        0.0f64..1.0,
        0u32..6,
    )
        .prop_map(
            |(
                cafe,
                customers,
                walk_ins,
                mean_minutes,
                gain,
                noise,
                loss,
                voice,
                win_back,
                staff,
            )| {
                let mut s = if cafe {
                    common::cafe()
                } else {
                    common::software()
                };
                s.start.customers = customers;
                s.start.cash_cents = 9_000_000_000;
                s.market.walk_ins_per_day = walk_ins;
                s.service.mean_minutes = mean_minutes;
                s.satisfaction.gain = gain;
                s.satisfaction.loss = loss;
                s.satisfaction.noise = noise;
                s.complaints.voice_probability = voice;
                s.churn.win_back = win_back;
                s.start_levers.staff = staff;
                s
            },
        )
}

proptest! {
    #![proptest_config(Config {
        cases: 24,
        rng_seed: RngSeed::Fixed(20261122),
        failure_persistence: None,
        ..Config::default()
    })]

    #[test]
    fn invariants_hold_for_random_worlds_and_decisions(s in scenario(), p in policy(), seed in any::<u64>()) {
        let mut c = customer_first::diagnostics::Checker::default();
        s.check(&mut c);
        prop_assert!(c.problems.is_empty(), "generated an invalid scenario: {:?}", c.problems);
        let (r, customers) = common::run_full(&s, seed, 150, Some(&p));
        let mut cash = s.start.cash_cents;
        let mut acquired = s.start.customers as u64;
        let mut churned = 0u64;
        for d in &r.rows {
            cash += d.revenue - d.costs - d.dividends;
            prop_assert_eq!(d.cash, cash);
            prop_assert_eq!(d.profit, d.revenue - d.costs);
            acquired += (d.new_paid + d.new_referred + d.new_walk_in) as u64;
            churned += d.churned as u64;
            prop_assert_eq!(acquired, d.active_customers as u64 + churned);
            for v in [d.retention_90d, d.nps, d.reputation, d.morale, d.fatigue, d.skill, d.board_confidence] {
                prop_assert!(v.is_finite());
            }
            for v in [d.mean_mood, d.share_mood_9plus, d.mean_wait_min, d.ndr].into_iter().flatten() {
                prop_assert!(v.is_finite() && v >= 0.0);
            }
            prop_assert!((0.0..=1.0).contains(&d.morale) && (0.0..=1.0).contains(&d.fatigue));
            prop_assert!((1.0..=5.0).contains(&d.reputation));
        }
        prop_assert_eq!(customers.len() as u64, acquired);
        for c in &customers {
            prop_assert!((0.0..=10.0).contains(&c.last_mood));
        }
    }
}

/// The longest horizon a scenario may ask for runs to the end without overflow or panic.
#[test]
fn a_hundred_year_run_completes() {
    let mut s = common::cafe();
    s.horizon_days = customer_first::scenario::MAX_HORIZON_DAYS;
    s.start.cash_cents = 9_000_000_000;
    s.board.miss_sensitivity = 0.0;
    let r = common::run(&s, 1, s.horizon_days, None);
    assert_eq!(
        r.rows.len(),
        s.horizon_days as usize,
        "ended early: {:?}",
        r.end
    );
    let last = r.rows.last().unwrap();
    assert!(last.cash > 0 && last.active_customers > 0);
    assert!(
        r.rows
            .iter()
            .all(|d| d.reputation.is_finite() && d.nps.is_finite())
    );
}
