//! The advisor: each pattern is noticed in figures that show it, stays quiet in figures that do
//! not, names its lever, and speaks at most once per pattern per quarter.

mod common;

use std::collections::BTreeSet;

use customer_first::i18n::Lang;
use customer_first::levers::{Lever, LeverSet, Levers};
use customer_first::policy::{Change, Policy};
use customer_first::sim::advisor::{Pattern, patterns};
use customer_first::sim::metrics::DayRow;

fn steady(days: usize) -> Vec<DayRow> {
    (0..days)
        .map(|d| DayRow {
            day: d as u32,
            active_customers: 1000,
            served: 300,
            mean_wait_min: Some(1.0),
            red_health: 20,
            morale: 0.7,
            fatigue: 0.05,
            profit: 10_000,
            nps: 20.0,
            ..Default::default()
        })
        .collect()
}

fn reference_levers() -> Levers {
    common::cafe().start_levers()
}

#[test]
fn steady_figures_raise_no_advice() {
    assert!(patterns(&common::cafe(), &reference_levers(), &steady(120)).is_empty());
}

#[test]
fn rising_waits_mean_capacity_below_demand() {
    let mut rows = steady(120);
    for r in &mut rows[113..] {
        r.mean_wait_min = Some(4.0);
    }
    let found = patterns(&common::cafe(), &reference_levers(), &rows);
    assert_eq!(found, vec![Pattern::CapacityBelowDemand]);
    assert_eq!(Pattern::CapacityBelowDemand.lever(), Lever::Staff);
}

#[test]
fn more_red_health_customers_mean_act_before_they_leave() {
    let mut rows = steady(120);
    for r in &mut rows[113..] {
        r.red_health = 60;
    }
    let found = patterns(&common::cafe(), &reference_levers(), &rows);
    assert_eq!(found, vec![Pattern::CustomersGoingQuiet]);
    assert_eq!(Pattern::CustomersGoingQuiet.lever(), Lever::Outreach);
}

#[test]
fn morale_falling_under_overtime_is_noticed_only_with_overtime() {
    let mut rows = steady(120);
    for (i, r) in rows.iter_mut().enumerate().skip(90) {
        r.morale = 0.7 - 0.005 * (i - 90) as f64;
        r.fatigue = 0.3;
    }
    let mut levers = reference_levers();
    assert!(patterns(&common::cafe(), &levers, &rows).is_empty());
    levers.overtime = 2.0;
    assert_eq!(
        patterns(&common::cafe(), &levers, &rows),
        vec![Pattern::TiredTeam]
    );
}

#[test]
fn extras_past_their_peak_are_feature_bloat() {
    let mut levers = reference_levers();
    levers.extras = 12;
    assert_eq!(
        patterns(&common::cafe(), &levers, &steady(120)),
        vec![Pattern::FeatureBloat]
    );
}

#[test]
fn profit_up_while_nps_falls_is_borrowing_from_the_future() {
    let mut rows = steady(140);
    for r in &mut rows[112..] {
        r.profit = 20_000;
        r.nps = 0.0;
    }
    assert_eq!(
        patterns(&common::cafe(), &reference_levers(), &rows),
        vec![Pattern::BorrowingFromTheFuture]
    );
}

#[test]
fn in_a_real_run_advice_is_given_at_most_once_per_pattern_per_quarter() {
    // A café that cuts its staff to two and piles on extras after two months.
    let policy = Policy {
        name: "test".into(),
        label: None,
        description: None,
        choices: Default::default(),
        changes: vec![Change {
            day: 60,
            set: LeverSet {
                staff: Some(2),
                extras: Some(12),
                ..Default::default()
            },
        }],
    };
    let r = common::run(&common::cafe(), 7, 270, Some(&policy));
    let said: Vec<Pattern> = r.advice.iter().map(|a| a.pattern).collect();
    assert!(said.contains(&Pattern::CapacityBelowDemand), "{said:?}");
    assert!(said.contains(&Pattern::FeatureBloat), "{said:?}");
    assert!(
        r.advice
            .iter()
            .all(|a| a.day >= 60 || a.pattern != Pattern::FeatureBloat),
        "no bloat advice before the extras"
    );
    let mut seen = BTreeSet::new();
    for a in &r.advice {
        assert!(
            seen.insert((a.pattern, a.day / 91)),
            "{:?} twice in quarter {}",
            a.pattern,
            a.day / 91
        );
    }
    for p in &said {
        let days: Vec<u32> = r
            .advice
            .iter()
            .filter(|a| a.pattern == *p)
            .map(|a| a.day)
            .collect();
        assert!(
            days.windows(2).all(|w| w[1] - w[0] >= 91),
            "{p:?} at {days:?}"
        );
    }
    // The summary says it, with the lever.
    let text = customer_first::headless::results::summary(&r, Lang::En);
    assert!(
        text.contains("advisor") && text.contains("lever: Staff"),
        "{text}"
    );
}
