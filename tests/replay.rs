//! What-if for a game played: the player's lever changes land mid-day, dilemmas wait for a
//! choice, and a save may be loaded half-way. Replaying the game's decisions from day 0
//! reproduces it byte for byte; one changed decision makes it differ from that decision's day
//! on, and not before.

mod common;

use std::path::Path;

use bevy::prelude::*;
use customer_first::dilemmas::Deck;
use customer_first::headless::results::CustomerRecord;
use customer_first::headless::results::RunResult;
use customer_first::headless::save;
use customer_first::headless::tables::customers_csv;
use customer_first::headless::tables::days_csv;
use customer_first::headless::whatif::Decisions;
use customer_first::headless::whatif::WhatIf;
use customer_first::headless::whatif::first_difference;
use customer_first::i18n::{Lang, Text};
use customer_first::levers::{LeverSet, ServiceLevel};
use customer_first::scenario::Scenario;
use customer_first::sim::levers::DecisionSource;

fn cafe_and_deck() -> (Scenario, Deck) {
    let s = common::cafe();
    let deck = common::deck_of(&s).expect("a deck");
    (s, deck)
}

/// Mid-day changes a player might make: at 09:30 on day 3, late on day 40, two in one tick.
fn player_changes() -> Vec<(u32, u32, LeverSet)> {
    vec![
        (
            3,
            10,
            LeverSet {
                price: Some(1.15),
                ..Default::default()
            },
        ),
        (
            40,
            45,
            LeverSet {
                staff: Some(7),
                service_level: Some(ServiceLevel::Extra),
                ..Default::default()
            },
        ),
        (
            40,
            45,
            LeverSet {
                price: Some(1.05),
                ..Default::default()
            },
        ),
        (
            150,
            20,
            LeverSet {
                outreach: Some(true),
                marketing: Some(1.4),
                ..Default::default()
            },
        ),
    ]
}

const SEED: u64 = 2;
const DAYS: u32 = 260;

/// A café game played to `DAYS` with the changes above and every dilemma answered off-default.
fn played() -> (Scenario, Deck, World) {
    let (s, deck) = cafe_and_deck();
    let mut app = customer_first::headless::world::prepare_with(&s, SEED, None, Some(&deck));
    let mut world = std::mem::take(app.world_mut());
    common::play_like_the_game(
        &mut world,
        DAYS,
        &player_changes(),
        &common::not_the_default,
    );
    (s, deck, world)
}

fn collect(world: &mut World, s: &Scenario) -> (RunResult, Vec<CustomerRecord>) {
    let r = customer_first::headless::results::collect(world, s, SEED, &Text::en("player"));
    let c = customer_first::headless::results::customer_records(world, s);
    (r, c)
}

fn replay(s: &Scenario, deck: &Deck, d: &Decisions) -> (RunResult, Vec<CustomerRecord>) {
    bevy::tasks::block_on(customer_first::headless::world::replay(
        s,
        SEED,
        Some(deck),
        d,
        DAYS,
        &Text::en("replay"),
        &|_| {},
    ))
}

#[test]
fn a_played_game_replays_byte_for_byte() {
    let (s, deck, mut world) = played();
    let (game, game_customers) = collect(&mut world, &s);
    assert_eq!(game.rows.len(), DAYS as usize);
    assert!(
        game.choices.len() >= 2,
        "dilemmas were met: {:?}",
        game.choices
    );
    let by_player: Vec<_> = game
        .decision_log
        .iter()
        .filter(|d| d.source == DecisionSource::Player)
        .collect();
    assert_eq!(by_player.len(), 4, "{:?}", game.decision_log);
    assert_eq!(
        (by_player[0].day, by_player[0].minute),
        (3, 7 * 60 + 10 * 15)
    );

    let decisions = Decisions::of_world(&world).unwrap();
    assert_eq!(
        decisions.changes.len(),
        4,
        "a dilemma's own changes are not replayed"
    );
    let (again, again_customers) = replay(&s, &deck, &decisions);
    assert_eq!(
        days_csv(&game.rows).unwrap(),
        days_csv(&again.rows).unwrap()
    );
    assert_eq!(
        customers_csv(&game_customers).unwrap(),
        customers_csv(&again_customers).unwrap()
    );
    assert_eq!(
        game.decision_log, again.decision_log,
        "same moments, same sources"
    );
    assert_eq!(game.choices, again.choices);
    assert_eq!(game.advice, again.advice);
}

#[test]
fn another_choice_in_a_played_game_differs_from_its_day_on() {
    let (s, deck, mut world) = played();
    let (game, _) = collect(&mut world, &s);
    let decisions = Decisions::of_world(&world).unwrap();
    let made = game.choices[0].clone();
    let default = deck.get(&made.dilemma).unwrap().default_choice.clone();
    assert_ne!(made.choice, default);
    let change = WhatIf::Choose {
        dilemma: made.dilemma.clone(),
        choice: default,
    };
    let (alt, _) = replay(&s, &deck, &change.apply(&decisions, Some(&deck)).unwrap());
    let d = made.day as usize;
    assert_eq!(
        days_csv(&game.rows[..d]).unwrap(),
        days_csv(&alt.rows[..d]).unwrap()
    );
    assert_eq!(
        first_difference(&game.rows, &alt.rows).unwrap(),
        Some(made.day)
    );
}

#[test]
fn undoing_a_mid_day_change_differs_from_its_day_on() {
    let (s, deck, mut world) = played();
    let (game, _) = collect(&mut world, &s);
    let decisions = Decisions::of_world(&world).unwrap();
    // The day-40 staffing change (the second of the player's changes).
    let n = 2;
    assert_eq!(decisions.changes[n - 1].day, 40);
    let change = WhatIf::Undo(n);
    assert!(
        change
            .describe(&decisions, Some(&deck), Lang::En)
            .contains("day-40")
    );
    let (alt, _) = replay(&s, &deck, &change.apply(&decisions, Some(&deck)).unwrap());
    assert_eq!(first_difference(&game.rows, &alt.rows).unwrap(), Some(40));
}

#[test]
fn a_game_saved_loaded_and_played_on_replays_from_day_zero() {
    let (s, deck) = cafe_and_deck();
    let changes = player_changes();
    let mut app = customer_first::headless::world::prepare_with(&s, SEED, None, Some(&deck));
    let mut world = std::mem::take(app.world_mut());
    common::play_like_the_game(&mut world, 100, &changes, &common::not_the_default);
    // A change asked for as the day ended (the game stopped there to save): it waits in the save.
    world
        .resource_mut::<customer_first::sim::levers::LeverRequests>()
        .now
        .push(LeverSet {
            quality: Some(1.3),
            ..Default::default()
        });
    let text = save::to_ron(&save::capture(&mut world).unwrap());
    drop(world);
    let loaded = save::from_ron(Path::new("memory.ron"), &text).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(loaded.timed.len(), 1);
    let mut app = save::restore(&loaded).unwrap();
    let mut world = std::mem::take(app.world_mut());
    common::play_like_the_game(&mut world, DAYS, &changes, &common::not_the_default);
    let (game, _) = collect(&mut world, &s);
    let decisions = Decisions::of_world(&world).unwrap();
    assert_eq!(decisions.changes.len(), 5);
    let (again, _) = replay(&s, &deck, &decisions);
    assert_eq!(
        days_csv(&game.rows).unwrap(),
        days_csv(&again.rows).unwrap()
    );
    assert_eq!(game.decision_log, again.decision_log);
}

#[test]
fn a_save_from_before_sources_were_recorded_is_not_replayed_but_explained() {
    let path =
        Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/saves/format-1-small-cafe-day-20.ron");
    let saved = save::load(&path).unwrap();
    let e = Decisions::of_run(
        &save::decision_log(&saved),
        &saved.dilemmas.made,
        &saved.dilemma_choices,
    )
    .unwrap_err()
    .to_string();
    assert!(e.contains("older version"), "{e}");
}

/// A save taken while a dilemma's card is open (the game allows it: the day's first tick waits)
/// continues exactly in the game, and a headless run of it answers the dilemma instead of
/// waiting for ever.
#[test]
fn a_save_taken_while_a_dilemma_waits_continues_exactly() {
    use customer_first::sim::dilemmas::{DilemmaPolicy, DilemmaState, resolve_pending};
    use customer_first::sim::{SimTick, run_day};
    let (s, deck) = cafe_and_deck();
    let mut app = customer_first::headless::world::prepare_with(&s, SEED, None, Some(&deck));
    let mut world = std::mem::take(app.world_mut());
    world.resource_mut::<DilemmaPolicy>().wait_for_player = true;
    // A dilemma fires within the scenario's horizon (the café's deck has several).
    let limit = {
        let c = world.resource::<customer_first::sim::clock::Clock>();
        c.horizon_days * c.ticks_per_day
    };
    for step in 0.. {
        assert!(step < limit, "no dilemma fired in {limit} ticks");
        if world.resource::<DilemmaState>().pending.is_some() {
            break;
        }
        world.run_schedule(SimTick);
    }
    let id = world.resource::<DilemmaState>().pending.clone().unwrap();
    let d = deck.get(&id).unwrap().clone();
    let choice = common::not_the_default(&d);
    let text = save::to_ron(&save::capture(&mut world).expect("the first tick of the day"));
    let loaded = save::from_ron(Path::new("memory.ron"), &text).unwrap_or_else(|e| panic!("{e}"));
    let until = loaded.day + 30;

    // Straight on: the player chooses and plays to `until`.
    assert!(resolve_pending(&mut world, &choice));
    common::play_like_the_game(&mut world, until, &[], &common::not_the_default);
    let straight =
        customer_first::headless::results::collect(&mut world, &s, SEED, &Text::en("straight"));

    // From the save, in the game: the card is still open; the same choice, the same days.
    let mut app = save::restore(&loaded).unwrap();
    let mut resumed = std::mem::take(app.world_mut());
    resumed.resource_mut::<DilemmaPolicy>().wait_for_player = true;
    assert_eq!(resumed.resource::<DilemmaState>().pending, Some(id.clone()));
    assert!(resolve_pending(&mut resumed, &choice));
    common::play_like_the_game(&mut resumed, until, &[], &common::not_the_default);
    let again =
        customer_first::headless::results::collect(&mut resumed, &s, SEED, &Text::en("resumed"));
    assert_eq!(
        days_csv(&straight.rows).unwrap(),
        days_csv(&again.rows).unwrap()
    );

    // From the save, headless: the dilemma takes its default and the days go on.
    let mut app = save::restore(&loaded).unwrap();
    for _ in 0..3 {
        assert!(run_day(app.world_mut()));
    }
    let made = &app.world().resource::<DilemmaState>().made;
    assert_eq!(
        made.last().map(|m| (&m.dilemma, &m.choice)),
        Some((&id, &d.default_choice))
    );
    assert_eq!(app.world().resource::<DilemmaState>().pending, None);
}
