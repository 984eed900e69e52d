//! What each decision did: every decision replayed away, in parallel. A decision that changes
//! nothing measures zero; one that matters does not; the figures are the same on one thread and
//! on two; nothing before a decision's day is put down to it; a stop leaves no half answer; and
//! the debrief and `whatif --each` show them.

mod common;

use std::process::Command;
use std::sync::atomic::{AtomicBool, AtomicUsize};

use customer_first::dilemmas::Deck;
use customer_first::headless::html::debrief as report;
use customer_first::headless::impact::{Counterfactual, Impact, Replays, Which, counterfactuals};
use customer_first::headless::whatif::{Decisions, WhatIf};
use customer_first::headless::world::replay;
use customer_first::i18n::{Lang, Text};
use customer_first::levers::{Lever, LeverSet, LeverValue};
use customer_first::policy::{Change, Policy};
use customer_first::scenario::Scenario;
use scraper::{Html, Selector};

fn cafe_and_deck() -> (Scenario, Deck) {
    let s = common::cafe();
    let deck = common::deck_of(&s).expect("the café has a deck");
    (s, deck)
}

/// A policy: day 5 sets the dividend to the value it already has (a decision with no effect),
/// day 20 raises the price by 30 %.
fn policy(s: &Scenario) -> Policy {
    Policy {
        name: "test".into(),
        label: None,
        description: None,
        changes: vec![
            Change {
                day: 5,
                set: LeverSet::one(Lever::Dividend, LeverValue::Number(s.start_levers.dividend)),
            },
            Change {
                day: 20,
                set: LeverSet::one(Lever::Price, LeverValue::Number(1.3)),
            },
        ],
        choices: Default::default(),
    }
}

fn measure(
    s: &Scenario,
    deck: &Deck,
    decisions: &Decisions,
    days: u32,
    threads: usize,
) -> (Vec<Counterfactual>, Vec<Impact>) {
    let (played, _) = bevy::tasks::block_on(replay(
        s,
        s.seed,
        Some(deck),
        decisions,
        days,
        &Text::en("x"),
        &|_| {},
    ));
    let each = counterfactuals(decisions, &played.choices, Some(deck), Which::All);
    let replays = Replays {
        scenario: s,
        seed: s.seed,
        deck: Some(deck),
        decisions,
        days,
    };
    let impacts = bevy::tasks::block_on(replays.measure(
        &played.rows,
        &each,
        threads,
        &AtomicBool::new(false),
        &AtomicUsize::new(0),
    ))
    .expect("not stopped");
    (each, impacts)
}

#[test]
fn a_decision_with_no_effect_measures_zero_and_one_that_matters_does_not() {
    let (s, deck) = cafe_and_deck();
    let decisions = Decisions::from_policy(&policy(&s));
    let (each, impacts) = measure(&s, &deck, &decisions, 150, 2);
    assert_eq!(each.len(), impacts.len());
    // The two lever changes come first (days 5 and 20), then each other choice at each dilemma.
    assert_eq!(each[0].change, WhatIf::Undo(1));
    assert_eq!(each[1].change, WhatIf::Undo(2));
    assert!(
        impacts[0].is_zero(),
        "a no-op change measured {:?}",
        impacts[0]
    );
    let price = &impacts[1];
    assert!(!price.is_zero());
    assert!(
        price.customers < 0,
        "a 30 % price rise kept customers: {price:?}"
    );
    // Nothing before day 20 is put down to the price change.
    for &(day, customers, profit) in &price.series {
        if day < 20 {
            assert_eq!((customers, profit), (0, 0), "day {day}");
        }
    }
    // Each dilemma met is measured against each of its other choices.
    assert!(
        each.iter()
            .any(|c| matches!(c.change, WhatIf::Choose { .. }) && c.made.is_some()),
        "no dilemma was met in 150 days"
    );
    for (c, i) in each.iter().zip(&impacts) {
        assert!(
            i.series
                .iter()
                .all(|&(d, x, p)| d >= c.day || (x, p) == (0, 0))
        );
    }
}

#[test]
fn the_figures_are_the_same_on_one_thread_and_two() {
    let (s, deck) = cafe_and_deck();
    let decisions = Decisions::from_policy(&policy(&s));
    assert_eq!(
        measure(&s, &deck, &decisions, 90, 1),
        measure(&s, &deck, &decisions, 90, 2)
    );
}

#[test]
fn the_last_n_decisions_and_a_stop() {
    let (s, deck) = cafe_and_deck();
    let decisions = Decisions::from_policy(&policy(&s));
    let last = counterfactuals(&decisions, &[], Some(&deck), Which::Last(1));
    assert_eq!(last.len(), 1);
    assert_eq!(last[0].change, WhatIf::Undo(2));
    let replays = Replays {
        scenario: &s,
        seed: s.seed,
        deck: Some(&deck),
        decisions: &decisions,
        days: 60,
    };
    let stopped = bevy::tasks::block_on(replays.measure(
        &[],
        &last,
        2,
        &AtomicBool::new(true),
        &AtomicUsize::new(0),
    ));
    assert_eq!(stopped, None);
}

#[test]
fn the_debrief_and_the_command_show_what_each_decision_did() {
    let out = std::env::temp_dir().join(format!("customer-first-each-{}.html", std::process::id()));
    let o = Command::new(env!("CARGO_BIN_EXE_customer-first"))
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .env("LC_ALL", "C")
        .args([
            "whatif",
            "--policy",
            "assets/policies/balanced.ron",
            "--days",
            "200",
            "--each",
            "all",
            "--report",
        ])
        .arg(&out)
        .output()
        .unwrap();
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    let text = String::from_utf8_lossy(&o.stdout);
    assert!(text.contains("Active customers"), "{text}");
    assert!(text.contains("rather than"), "{text}");
    let html = Html::parse_document(&std::fs::read_to_string(&out).unwrap());
    let rows: Vec<_> = html
        .select(&Selector::parse("#each-decision tr.impact").unwrap())
        .collect();
    assert!(rows.len() >= 2, "{} rows", rows.len());
    for r in &rows {
        assert!(
            r.value()
                .attr("data-customers")
                .unwrap()
                .parse::<i64>()
                .is_ok()
        );
        assert_eq!(
            r.select(&Selector::parse("svg polyline").unwrap()).count(),
            1
        );
    }
    let sentences = html
        .select(&Selector::parse("#each-decision li").unwrap())
        .count();
    assert_eq!(sentences, rows.len());

    // In Chinese, and a bad --each.
    let o = Command::new(env!("CARGO_BIN_EXE_customer-first"))
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .args([
            "--lang", "zh-CN", "whatif", "--days", "60", "--each", "zero",
        ])
        .output()
        .unwrap();
    assert_eq!(o.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&o.stderr).contains("all"));
    let html = report::html_with(
        &customer_first::headless::world::run(&common::cafe(), 1, 30, None).1,
        &[],
        None,
        Some(report::Impacts {
            impacts: &[],
            labels: &[],
        }),
        Lang::ZhCn,
    );
    assert!(html.contains("每项决策的作用"));
}

/// Pressing → twice on a lever while the clock runs is one gesture: "What each decision did"
/// lists it once, at the value the player left it at, and its replay takes both steps back, so
/// the lever's effect shows (undoing the first step alone left the second, and the table said
/// "Wage 1.05: 0 customers, $0.00"). A change of another lever, or the same lever hours later,
/// stays a decision of its own.
#[test]
fn two_presses_of_one_lever_are_one_decision_and_its_effect_shows() {
    use customer_first::sim::levers::{Decision, DecisionSource};
    let (s, deck) = cafe_and_deck();
    let player = |day, minute, lever, value| Decision {
        day,
        minute,
        set: LeverSet::one(lever, LeverValue::Number(value)),
        source: DecisionSource::Player,
    };
    let decisions = Decisions {
        changes: vec![
            player(10, 600, Lever::Wage, 1.05),
            player(10, 630, Lever::Wage, 1.10),
            player(10, 640, Lever::Price, 1.05),
            player(10, 900, Lever::Price, 1.10),
        ],
        choices: Default::default(),
    };
    assert_eq!(decisions.gestures(), vec![0..2, 2..3, 3..4]);
    let undone = WhatIf::Undo(1).apply(&decisions, Some(&deck)).unwrap();
    assert_eq!(undone.changes, decisions.changes[2..].to_vec());
    assert_eq!(
        WhatIf::Undo(2).apply(&decisions, Some(&deck)).unwrap(),
        undone,
        "either step undoes the gesture"
    );
    let (each, impacts) = measure(&s, &deck, &decisions, 120, 2);
    let levers: Vec<String> = each
        .iter()
        .filter(|c| c.made.is_none())
        .map(|c| {
            customer_first::headless::impact::decision_label(c, &decisions, Some(&deck), Lang::En)
        })
        .collect();
    assert_eq!(levers.len(), 3, "{levers:?}");
    assert!(levers[0].contains("1.10"), "the value set: {}", levers[0]);
    let wage = each
        .iter()
        .position(|c| c.change == WhatIf::Undo(1))
        .expect("the wage gesture is measured");
    assert!(
        !impacts[wage].is_zero(),
        "a 10 % raise changes what the staff cost: {:?}",
        impacts[wage]
    );
}
