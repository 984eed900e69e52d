//! Dilemmas: every shipped one loads, validates and can fire; each kind of effect changes the
//! model as designed; choices come from the policy and are logged.

mod common;

use std::collections::BTreeMap;
use std::path::Path;

use customer_first::bundle;
use customer_first::dilemmas::{Choice, Deck, Dilemma, Effect, Trigger};
use customer_first::headless::results::collect;
use customer_first::i18n::{Lang, Text};
use customer_first::levers::{LeverSet, Levers};
use customer_first::policy::Policy;
use customer_first::scenario::Scenario;
use customer_first::sim::customers::Customers;
use customer_first::sim::dilemmas::DilemmaState;
use customer_first::sim::finance::{Board, Ledger};
use customer_first::sim::levers::DecisionLog;
use customer_first::sim::reputation::Rating;
use customer_first::sim::staff::Employee;
use customer_first::sim::{SimTick, run_day};
use customer_first::thoughts::ThoughtKind;

fn decks() -> Vec<(Scenario, Deck)> {
    vec![
        (
            common::cafe(),
            Deck::from_ron(Path::new(bundle::CAFE.deck.path), bundle::CAFE.deck.text).unwrap(),
        ),
        (
            common::software(),
            Deck::from_ron(
                Path::new(bundle::SOFTWARE.deck.path),
                bundle::SOFTWARE.deck.text,
            )
            .unwrap(),
        ),
    ]
}

fn choose(dilemma: &str, choice: &str) -> Policy {
    Policy {
        name: "test".into(),
        label: None,
        description: None,
        changes: vec![],
        choices: BTreeMap::from([(dilemma.to_string(), choice.to_string())]),
    }
}

#[test]
fn every_shipped_deck_has_at_least_eight_valid_dilemmas() {
    for (s, deck) in decks() {
        assert!(deck.dilemmas.len() >= 8, "{}", s.name.get(Lang::En));
        for d in &deck.dilemmas {
            assert!((2..=4).contains(&d.choices.len()));
            assert!(
                d.when.to_day < s.horizon_days,
                "{}: window inside the horizon",
                d.id
            );
        }
        // The scenario names its deck.
        assert!(s.dilemmas.is_some());
    }
}

/// With its daily chance forced to 1, every dilemma fires inside its window under the shipped
/// scenario's own dynamics (so its conditions can hold), and every one of its choices applies.
#[test]
fn every_dilemma_can_fire_and_every_choice_applies() {
    for (mut s, deck) in decks() {
        s.start.cash_cents = 9_000_000_000;
        s.board.miss_sensitivity = 0.0;
        for d in &deck.dilemmas {
            for choice in &d.choices {
                let mut only = d.clone();
                only.when.chance_per_day = 1.0;
                let one = Deck {
                    dilemmas: vec![only],
                    ..Deck::default()
                };
                let policy = choose(&d.id, &choice.id);
                let mut app =
                    customer_first::headless::world::prepare_with(&s, 1, Some(&policy), Some(&one));
                let mut fired_on = None;
                for _ in 0..s.horizon_days {
                    run_day(app.world_mut());
                    if let Some(m) = app.world().resource::<DilemmaState>().made.first() {
                        fired_on = Some(m.clone());
                        break;
                    }
                }
                let made = fired_on
                    .unwrap_or_else(|| panic!("{}: {} never fired", s.name.get(Lang::En), d.id));
                assert_eq!(made.choice, choice.id);
                assert!(made.day >= d.when.from_day && made.day <= d.when.to_day);
            }
        }
    }
}

/// A one-dilemma deck that fires on day 1 with the given effects as the "do" choice.
fn deck_with(effects: Vec<Effect>) -> Deck {
    Deck {
        dilemmas: vec![Dilemma {
            id: "test".into(),
            title: "Test".into(),
            situation: "A test.".into(),
            when: Trigger {
                from_day: 1,
                to_day: 1,
                conditions: vec![],
                chance_per_day: 1.0,
            },
            choices: vec![
                Choice {
                    id: "do".into(),
                    label: "Do".into(),
                    known: "It does.".into(),
                    effects,
                },
                Choice {
                    id: "none".into(),
                    label: "Nothing".into(),
                    known: "Nothing.".into(),
                    effects: vec![],
                },
            ],
            default_choice: "none".into(),
        }],
        ..Deck::default()
    }
}

/// Runs day 0, then the first tick of day 1 (when the dilemma fires), with `choice`.
fn after_choice(effects: Vec<Effect>, choice: &str) -> bevy::app::App {
    let s = common::cafe();
    let deck = deck_with(effects);
    let mut c = customer_first::diagnostics::Checker::default();
    deck.check(&mut c);
    assert!(c.problems.is_empty(), "{:?}", c.problems);
    let mut app = customer_first::headless::world::prepare_with(
        &s,
        3,
        Some(&choose("test", choice)),
        Some(&deck),
    );
    run_day(app.world_mut());
    app.world_mut().run_schedule(SimTick);
    assert_eq!(app.world().resource::<DilemmaState>().made.len(), 1);
    app
}

#[test]
fn a_cash_effect_is_booked_as_a_cost_and_keeps_the_cash_identity() {
    let s = common::cafe();
    let deck = deck_with(vec![Effect::Cash(-123_456)]);
    let rows = |choice: &str| {
        let mut app = customer_first::headless::world::prepare_with(
            &s,
            3,
            Some(&choose("test", choice)),
            Some(&deck),
        );
        run_day(app.world_mut());
        run_day(app.world_mut());
        collect(app.world_mut(), &s, 3, &Text::en("t")).rows
    };
    let (with, without) = (rows("do"), rows("none"));
    assert_eq!(with[1].costs - without[1].costs, 123_456);
    assert_eq!(
        with[1].cash,
        with[0].cash + with[1].revenue - with[1].costs - with[1].dividends
    );
}

/// A special dividend is money paid to the owners, not a cost: cash falls by it, dividends rise
/// by it, and revenue, costs and profit are what they would have been; a deck must say
/// `version: 4` to use it, and it cannot be negative.
#[test]
fn a_dividend_effect_pays_the_owners_without_touching_profit() {
    let s = common::cafe();
    let deck = deck_with(vec![Effect::Dividend(123_456)]);
    let rows = |choice: &str| {
        let mut app = customer_first::headless::world::prepare_with(
            &s,
            3,
            Some(&choose("test", choice)),
            Some(&deck),
        );
        run_day(app.world_mut());
        run_day(app.world_mut());
        collect(app.world_mut(), &s, 3, &Text::en("t")).rows
    };
    let (with, without) = (rows("do"), rows("none"));
    assert_eq!(with[1].dividends - without[1].dividends, 123_456);
    assert_eq!(with[1].costs, without[1].costs);
    assert_eq!(with[1].revenue, without[1].revenue);
    assert_eq!(without[1].cash - with[1].cash, 123_456);
    assert_eq!(
        with[1].cash,
        with[0].cash + with[1].revenue - with[1].costs - with[1].dividends
    );

    let text = |version: &str, amount: &str| {
        format!(
            r#"({version}dilemmas: [(
            id: "d", title: "T", situation: "S.",
            when: (from_day: 1, to_day: 2, conditions: [], chance_per_day: 1.0),
            choices: [
                (id: "a", label: "A", known: "K.", effects: [Dividend({amount})]),
                (id: "b", label: "B", known: "K.", effects: []),
            ],
            default_choice: "b",
        )])"#
        )
    };
    let err = |t: String| {
        Deck::from_ron(Path::new("deck.ron"), &t)
            .map(|_| String::new())
            .unwrap_or_else(|e| e.to_string())
    };
    assert_eq!(err(text("version: 4, ", "5000000")), "");
    assert!(err(text("version: 3, ", "5000000")).contains("needs `version: 4`"));
    assert!(err(text("version: 4, ", "-5")).contains("must be in 0..="));
}

#[test]
fn a_morale_effect_moves_every_employee() {
    let morale = |choice: &str| {
        let mut app = after_choice(vec![Effect::Morale(0.1)], choice);
        let mut q = app.world_mut().query::<&Employee>();
        let w = app.world();
        q.iter(w).map(|e| e.morale as f64).sum::<f64>()
    };
    let n = common::cafe().start_levers.staff as f64;
    assert!((morale("do") - morale("none") - 0.1 * n).abs() < 1e-4);
}

#[test]
fn a_reviews_effect_moves_the_public_rating() {
    let rating = |choice: &str| {
        after_choice(
            vec![Effect::Reviews {
                count: 200,
                stars: 1,
            }],
            choice,
        )
        .world()
        .resource::<Rating>()
        .clone()
    };
    let (bad, none) = (rating("do"), rating("none"));
    assert!(
        bad.stars < none.stars - 0.5,
        "{} vs {}",
        bad.stars,
        none.stars
    );
    assert_eq!(bad.reviews_total, none.reviews_total + 200);
}

#[test]
fn a_lever_effect_changes_the_levers_and_is_logged() {
    let set = LeverSet {
        price: Some(1.3),
        outreach: Some(true),
        ..Default::default()
    };
    let app = after_choice(vec![Effect::Levers(set.clone())], "do");
    let l = app.world().resource::<Levers>();
    assert_eq!((l.price, l.outreach), (1.3, true));
    let log = app.world().resource::<DecisionLog>();
    assert!(log.entries.iter().any(|d| d.day == 1 && d.set == set));
}

#[test]
fn a_customers_effect_changes_attitudes_and_leaves_a_thought() {
    // Customers who visit rarely: between yesterday and the dilemma's tick nothing else moves
    // their attitude, so the change is exactly the effect's.
    let mut s = common::cafe();
    for seg in &mut s.segments {
        seg.visits_per_month = 0.001;
    }
    let effect = Effect::Customers {
        share: 1.0,
        attitude: -2.0,
        thought: Some("scandal".into()),
    };
    let deck = deck_with(vec![effect]);
    let mut app = customer_first::headless::world::prepare_with(
        &s,
        3,
        Some(&choose("test", "do")),
        Some(&deck),
    );
    run_day(app.world_mut());
    let snapshot = |app: &mut bevy::app::App| {
        app.world()
            .resource::<Customers>()
            .iter_active()
            .map(|(c, s)| {
                (
                    c.id,
                    (
                        c.attitude,
                        s.thoughts().any(|t| t.kind == ThoughtKind::Scandal),
                    ),
                )
            })
            .collect::<BTreeMap<u32, (f32, bool)>>()
    };
    let before = snapshot(&mut app);
    app.world_mut().run_schedule(SimTick);
    let after = snapshot(&mut app);
    let mut compared = 0;
    for (id, (a, scandal)) in &after {
        if let Some(&(b, was)) = before.get(id) {
            assert!(
                (a - (b - 2.0).max(0.0)).abs() < 1e-4,
                "customer {id}: {b} -> {a}"
            );
            assert!(*scandal && !was, "customer {id} remembers the scandal");
            compared += 1;
        }
    }
    assert!(compared > 1000, "{compared}");
}

#[test]
fn a_board_effect_moves_confidence() {
    let conf = |choice: &str| {
        after_choice(vec![Effect::Board(-0.2)], choice)
            .world()
            .resource::<Board>()
            .confidence
    };
    assert!((conf("none") - conf("do") - 0.2).abs() < 1e-9);
}

#[test]
fn a_later_effect_happens_within_its_window_not_at_once() {
    let effect = Effect::Later {
        chance: 1.0,
        within_days: 5,
        effects: vec![Effect::Cash(-999_999)],
    };
    let s = common::cafe();
    let deck = deck_with(vec![effect]);
    let mut app = customer_first::headless::world::prepare_with(
        &s,
        3,
        Some(&choose("test", "do")),
        Some(&deck),
    );
    for _ in 0..8 {
        run_day(app.world_mut());
    }
    let rows = collect(app.world_mut(), &s, 3, &Text::en("t")).rows;
    let hit: Vec<u32> = rows
        .iter()
        .filter(|r| r.costs >= 999_999)
        .map(|r| r.day)
        .collect();
    assert_eq!(hit.len(), 1, "exactly one day carries the delayed cost");
    assert!(
        (2..=6).contains(&hit[0]),
        "on day {} (fired on day 1, within 5 days)",
        hit[0]
    );
    assert!(app.world().resource::<DilemmaState>().later.is_empty());
    // The delayed cost went through the books, as every other cost does.
    assert!(
        app.world().resource::<Ledger>().total_costs >= 999_999,
        "the ledger carries the delayed cost"
    );
}

#[test]
fn a_policy_naming_an_unknown_dilemma_or_choice_is_refused() {
    let deck = Deck::from_ron(Path::new(bundle::CAFE.deck.path), bundle::CAFE.deck.text).unwrap();
    let err = choose("recal", "recall_now")
        .check_choices(&deck, Path::new("p.ron"))
        .unwrap_err();
    assert!(err.to_string().contains("no such dilemma"), "{err}");
    let err = choose("recall", "panic")
        .check_choices(&deck, Path::new("p.ron"))
        .unwrap_err();
    assert!(err.to_string().contains("is not a choice"), "{err}");
}

/// "Prices up 8 %" raises prices by 8 % from wherever they are: a café already at 1.05 goes to
/// 1.13 (a lever set to 1.08 would have raised them by 3 %); the change is logged as the
/// dilemma's, with the value it came to.
#[test]
fn a_scaling_effect_multiplies_the_current_value() {
    use customer_first::policy::Change;
    let s = common::cafe();
    let deck = deck_with(vec![Effect::ScaleLevers(LeverSet {
        price: Some(1.08),
        ..Default::default()
    })]);
    let mut policy = choose("test", "do");
    policy.changes = vec![Change {
        day: 0,
        set: LeverSet {
            price: Some(1.05),
            ..Default::default()
        },
    }];
    let mut app = customer_first::headless::world::prepare_with(&s, 3, Some(&policy), Some(&deck));
    run_day(app.world_mut());
    app.world_mut().run_schedule(SimTick);
    assert_eq!(app.world().resource::<DilemmaState>().made.len(), 1);
    assert_eq!(app.world().resource::<Levers>().price, 1.13);
    let log = &app.world().resource::<DecisionLog>().entries;
    let last = log.last().unwrap();
    assert_eq!(last.set.price, Some(1.13));
    assert_eq!(
        last.source,
        customer_first::sim::levers::DecisionSource::Dilemma
    );
}

/// A scaling effect needs a deck of version 2 and may only scale numbers.
#[test]
fn a_scaling_effect_is_checked() {
    let text = |version: &str, set: &str| {
        format!(
            r#"({version}dilemmas: [(
            id: "d", title: "T", situation: "S.",
            when: (from_day: 1, to_day: 2, conditions: [], chance_per_day: 1.0),
            choices: [
                (id: "a", label: "A", known: "K.", effects: [ScaleLevers({set})]),
                (id: "b", label: "B", known: "K.", effects: []),
            ],
            default_choice: "b",
        )])"#
        )
    };
    let err = |t: String| {
        Deck::from_ron(Path::new("deck.ron"), &t)
            .map(|_| String::new())
            .unwrap_or_else(|e| e.to_string())
    };
    assert_eq!(err(text("version: 2, ", "(price: 1.08)")), "");
    assert!(err(text("", "(price: 1.08)")).contains("needs `version: 2`"));
    assert!(err(text("version: 2, ", "(outreach: true)")).contains("only numbers can be scaled"));
    assert!(err(text("version: 2, ", "(price: 50.0)")).contains("price: must be in 0.1..=10"));
    assert!(err(text("version: 6, ", "(price: 1.1)")).contains("version: must be in 1..=5"));
}
