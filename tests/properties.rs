//! Property tests: over random valid scenarios and random lever sequences, the model's
//! invariants hold (cash identity, customer conservation, bounds, no NaN); any game played
//! (random lever changes at random ticks, random answers to dilemmas) replays byte for byte; and
//! a run over the longest horizon a scenario may ask for (100 years) completes without overflow.
//!
//! The property runner uses a fixed seed, so CI sees the same cases every time.

mod common;

use customer_first::i18n::Text;
use customer_first::levers::{LeverSet, RecoveryPolicy, ServiceLevel};
use customer_first::policy::{Change, Policy};
use customer_first::scenario::Scenario;
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
        label: None,
        description: None,
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

/// Dilemmas that fire early and often, with every kind of effect that touches the replay: lever
/// changes, customers' attitudes (random draws), delayed and uncertain consequences.
fn busy_deck() -> customer_first::dilemmas::Deck {
    let text = r#"(dilemmas: [
        (id: "a", title: "A", situation: "s",
         when: (from_day: 2, to_day: 90, conditions: [], chance_per_day: 0.2),
         choices: [
            (id: "x", label: "x", known: "k", effects: [Levers((price: Some(1.3), staff: Some(3)))]),
            (id: "y", label: "y", known: "k", effects: [Customers(share: 0.5, attitude: -1.0, thought: Some("scandal"))]),
         ], default_choice: "x"),
        (id: "b", title: "B", situation: "s",
         when: (from_day: 10, to_day: 90, conditions: [], chance_per_day: 0.2),
         choices: [
            (id: "x", label: "x", known: "k", effects: [Later(chance: 0.7, within_days: 20, effects: [Levers((quality: Some(0.6))), Morale(-0.2)])]),
            (id: "y", label: "y", known: "k", effects: [Cash(-50000), Reviews(count: 10, stars: 5)]),
            (id: "z", label: "z", known: "k", effects: [Board(-0.1)]),
         ], default_choice: "z"),
    ])"#;
    customer_first::dilemmas::Deck::from_ron(std::path::Path::new("busy.ron"), text)
        .unwrap_or_else(|e| panic!("{e}"))
}

proptest! {
    #![proptest_config(Config {
        cases: 16,
        rng_seed: RngSeed::Fixed(20261123),
        failure_persistence: None,
        ..Config::default()
    })]

    /// Whatever a player does — lever changes at any tick, any answers to dilemmas — replaying
    /// the game's decisions from day 0 reproduces it byte for byte.
    #[test]
    fn any_played_game_replays_byte_for_byte(
        s in scenario(),
        seed in any::<u64>(),
        changes in prop::collection::vec((0u32..100, 0u32..200, lever_set()), 0..8),
        answers in prop::collection::vec(0usize..3, 2),
    ) {
        use customer_first::headless::whatif::Decisions;
use customer_first::headless::tables::days_csv;
        let deck = busy_deck();
        let mut app = customer_first::headless::world::prepare_with(&s, seed, None, Some(&deck));
        let world = app.world_mut();
        let ticks = world.resource::<customer_first::sim::clock::Clock>().ticks_per_day;
        let changes: Vec<_> = changes.into_iter().map(|(d, t, set)| (d, t % ticks, set)).collect();
        let choose = |d: &customer_first::dilemmas::Dilemma| {
            let i = answers[usize::from(d.id == "b")];
            d.choices[i % d.choices.len()].id.clone()
        };
        common::play_like_the_game(world, 100, &changes, &choose);
        let game = customer_first::headless::results::collect(world, &s, seed, &Text::en("player"));
        let decisions = Decisions::of_world(world).unwrap();
        let days = game.rows.len() as u32;
        let (again, _) = bevy::tasks::block_on(customer_first::headless::world::replay(&s, seed, Some(&deck), &decisions, days, &Text::en("replay"), &|_| {}));
        prop_assert!(days_csv(&game.rows).unwrap() == days_csv(&again.rows).unwrap());
        prop_assert_eq!(game.decision_log, again.decision_log);
        prop_assert_eq!(game.choices, again.choices);
    }
}
