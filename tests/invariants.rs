//! Invariants over many seeds and every shipped scenario (with its dilemma deck, so defects,
//! recalls, touchpoints and emotional labour are in play): the cash identity holds to the cent,
//! customers are conserved, moods stay in range, nothing is NaN.

mod common;

use customer_first::i18n::Lang;
use customer_first::levers::{LeverSet, RecoveryPolicy, ServiceLevel};
use customer_first::policy::{Change, Policy};

/// A policy that moves every lever around, so the invariants are checked away from defaults.
fn restless(seed: u64) -> Policy {
    let levels = [
        ServiceLevel::Task,
        ServiceLevel::Extra,
        ServiceLevel::Obsession,
    ];
    let recoveries = [
        RecoveryPolicy::Strict,
        RecoveryPolicy::Fair,
        RecoveryPolicy::Generous,
    ];
    let changes = (0..6u64)
        .map(|i| {
            let k = (seed * 7 + i * 3) % 5;
            Change {
                day: (i * 40) as u32,
                set: LeverSet {
                    price: Some(0.8 + 0.1 * k as f64),
                    wage: Some(0.8 + 0.1 * ((k + 1) % 5) as f64),
                    training: Some(0.5 + 0.25 * k as f64),
                    quality: Some(0.7 + 0.15 * k as f64),
                    marketing: Some(0.5 + 0.5 * k as f64),
                    staff: Some(2 + k as i64 * 2),
                    overtime: Some(k as f64),
                    service_level: Some(levels[(k % 3) as usize]),
                    extras: Some(k as i64 * 3),
                    recovery: Some(recoveries[((k + i) % 3) as usize]),
                    outreach: Some(k.is_multiple_of(2)),
                    dividend: Some(0.2 * k as f64),
                },
            }
        })
        .collect();
    Policy {
        name: format!("restless {seed}"),
        label: None,
        description: None,
        choices: Default::default(),
        changes,
    }
}

#[test]
fn invariants_hold_over_many_seeds() {
    let names = common::bundled_names();
    assert_eq!(names.len(), 6, "every shipped scenario: {names:?}");
    for name in names {
        let (mut s, deck) = common::bundled(name);
        // Deep pockets and a patient board, so every run lasts the whole period.
        s.start.cash_cents = 100_000_000_000;
        s.board.miss_sensitivity = 0.0;
        for seed in 0..8u64 {
            let policy = restless(seed);
            let (r, customers) = customer_first::headless::world::run_with_deck(
                &s,
                seed,
                240,
                Some(&policy),
                deck.as_ref(),
            );
            assert_eq!(
                r.rows.len(),
                240,
                "{} seed {seed}: ended early: {:?}",
                s.name.get(Lang::En),
                r.end
            );
            let mut cash = s.start.cash_cents;
            let mut acquired = s.start.customers as u64;
            let mut churned = 0u64;
            for d in &r.rows {
                // Cash moves by exactly revenue − costs − dividends, in integer cents.
                assert_eq!(
                    d.profit,
                    d.revenue - d.costs,
                    "{} seed {seed} day {}",
                    s.name.get(Lang::En),
                    d.day
                );
                cash += d.revenue - d.costs - d.dividends;
                assert_eq!(
                    d.cash,
                    cash,
                    "{} seed {seed} day {}: cash identity",
                    s.name.get(Lang::En),
                    d.day
                );
                acquired += (d.new_paid + d.new_referred + d.new_walk_in) as u64;
                churned += d.churned as u64;
                assert_eq!(
                    acquired,
                    d.active_customers as u64 + churned,
                    "{} seed {seed} day {}: acquired = active + churned",
                    s.name.get(Lang::En),
                    d.day
                );
                for v in [
                    d.retention_90d,
                    d.nps,
                    d.reputation,
                    d.morale,
                    d.fatigue,
                    d.skill,
                    d.board_confidence,
                ] {
                    assert!(
                        v.is_finite(),
                        "{} seed {seed} day {}: {v}",
                        s.name.get(Lang::En),
                        d.day
                    );
                }
                for v in [d.mean_mood, d.share_mood_9plus, d.mean_wait_min, d.ndr]
                    .into_iter()
                    .flatten()
                {
                    assert!(
                        v.is_finite() && v >= 0.0,
                        "{} seed {seed} day {}: {v}",
                        s.name.get(Lang::En),
                        d.day
                    );
                }
                assert!((-100.0..=100.0).contains(&d.nps));
                assert!((1.0..=5.0).contains(&d.reputation));
                assert!((0.0..=1.0).contains(&d.retention_90d));
                if let Some(m) = d.mean_mood {
                    assert!((0.0..=10.0).contains(&m));
                }
            }
            // The customer records agree with the daily counts.
            assert_eq!(
                customers.len() as u64,
                acquired,
                "{} seed {seed}",
                s.name.get(Lang::En)
            );
            let gone = customers.iter().filter(|c| c.churned_day.is_some()).count() as u64;
            assert_eq!(gone, churned, "{} seed {seed}", s.name.get(Lang::En));
            for c in &customers {
                assert!((0.0..=10.0).contains(&c.last_mood), "mood {}", c.last_mood);
                assert_eq!(c.churned_day.is_some(), c.churn_cause.is_some());
            }
        }
    }
}

/// NPS, its two halves and the mean mood in the day's row describe the same customers (every
/// active customer's mood after their last visit), so a learner can read them on one scale.
#[test]
fn nps_its_halves_and_the_customers_mood_are_one_population() {
    let s = common::cafe();
    let r = common::run(&s, 4, 120, None);
    for d in &r.rows {
        assert!(
            (d.nps - 100.0 * (d.promoters - d.detractors)).abs() < 1e-9,
            "day {}: {} vs {} − {}",
            d.day,
            d.nps,
            d.promoters,
            d.detractors
        );
        let mood = d.customer_mood.expect("the café always has customers");
        assert!((0.0..=10.0).contains(&mood));
        assert!(d.promoters + d.detractors <= 1.0);
    }
    // Where detractors outnumber promoters the customers' mean mood is lower than where
    // promoters lead.
    let (worst, best) = r.rows.iter().fold((&r.rows[0], &r.rows[0]), |(w, b), d| {
        (
            if d.nps < w.nps { d } else { w },
            if d.nps > b.nps { d } else { b },
        )
    });
    assert!(worst.customer_mood < best.customer_mood);
}

/// The tenure books' customer-days, counted from each customer's dates, are the census's active
/// customers summed over the days (a day's row counts the census plus the day's newcomers; the
/// shipped scenarios have no one-off segment): every customer-day is in exactly one year of tenure.
#[test]
fn the_tenure_books_count_every_customer_day_once() {
    for (s, seed) in [(common::cafe(), 4), (common::software(), 5)] {
        let r = common::run(&s, seed, 400, None);
        let census: u64 = r
            .rows
            .iter()
            .map(|d| (d.active_customers - d.new_paid - d.new_referred - d.new_walk_in) as u64)
            .sum();
        let books: u64 = r.tenure.iter().map(|y| y.customer_days).sum();
        assert_eq!(
            books,
            census,
            "{}",
            s.name.get(customer_first::i18n::Lang::En)
        );
        let departures: u64 = r.tenure.iter().map(|y| y.departures as u64).sum();
        assert_eq!(departures, r.churned as u64);
    }
}
