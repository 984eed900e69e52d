//! Helpers shared by the integration tests: the bundled scenarios and policies, and runs.
#![allow(dead_code)]

use std::path::Path;

use customer_first::bundle;
use customer_first::dilemmas::Deck;
use customer_first::headless::results::{CustomerRecord, RunResult};
use customer_first::policy::Policy;
use customer_first::scenario::Scenario;

pub fn cafe() -> Scenario {
    bundled("cafe").0
}

pub fn software() -> Scenario {
    bundled("software").0
}

/// A bundled scenario with its deck, by its short name (`cafe`, `software`, `call-centre`,
/// `car-maker`, `hotel`, `tutorial-cafe`), through the game's own loader.
pub fn bundled(name: &str) -> (Scenario, Option<Deck>) {
    let i = bundle::named(name).unwrap_or_else(|| panic!("no bundled scenario {name}"));
    let l = customer_first::headless::setup::bundled(i).unwrap_or_else(|e| panic!("{e}"));
    (l.scenario, l.deck)
}

/// Every bundled scenario's short name, in the table's order.
pub fn bundled_names() -> Vec<&'static str> {
    bundle::ALL.iter().map(|b| b.name).collect()
}

/// The deck of the bundled scenario `s` was made from: the bundled deck its `dilemmas:` names.
pub fn deck_of(s: &Scenario) -> Option<Deck> {
    let named = Path::new(s.dilemmas.as_ref()?).file_name()?.to_owned();
    let b = bundle::ALL
        .iter()
        .find(|b| Path::new(b.deck.path).file_name() == Some(named.as_os_str()))?;
    Some(Deck::from_ron(Path::new(b.deck.path), b.deck.text).expect("bundled deck is valid"))
}

pub fn policy(name: &str) -> Policy {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("assets/policies")
        .join(format!("{name}.ron"));
    Policy::load(&path).expect("shipped policy is valid")
}

/// A policy that sets these levers on day 0 and answers no dilemma itself.
pub fn from_day_0(set: customer_first::levers::LeverSet) -> Policy {
    Policy {
        name: "test".into(),
        label: None,
        description: None,
        choices: Default::default(),
        changes: vec![customer_first::policy::Change { day: 0, set }],
    }
}

/// The scenario with deep pockets and a patient board, so that every run lasts whatever it costs
/// (for tests about customers and staff, not about the owners).
pub fn patient_owners(s: &Scenario) -> Scenario {
    let mut s = s.clone();
    s.start.cash_cents = 100_000_000_000;
    s.board.miss_sensitivity = 0.0;
    s
}

/// Runs and returns the result with every customer's record.
pub fn run_full(
    s: &Scenario,
    seed: u64,
    days: u32,
    policy: Option<&Policy>,
) -> (RunResult, Vec<CustomerRecord>) {
    let (mut app, result) = customer_first::headless::world::run(s, seed, days, policy);
    let records = customer_first::headless::results::customer_records(app.world_mut(), s);
    (result, records)
}

pub fn run(s: &Scenario, seed: u64, days: u32, policy: Option<&Policy>) -> RunResult {
    customer_first::headless::world::run(s, seed, days, policy).1
}

pub fn mean(xs: impl IntoIterator<Item = f64>) -> f64 {
    let v: Vec<f64> = xs.into_iter().collect();
    assert!(!v.is_empty(), "mean of nothing");
    v.iter().sum::<f64>() / v.len() as f64
}

pub const SEEDS: [u64; 3] = [1, 2, 3];

/// Plays the model in `world` the way the game does, up to the start of `until_day`: tick by
/// tick, each `(day, tick, set)` change asked for just before that tick runs (the game applies a
/// request at the next tick), and every dilemma that fires answered by `choose` while the tick
/// waits for it.
pub fn play_like_the_game(
    world: &mut bevy::prelude::World,
    until_day: u32,
    changes: &[(u32, u32, customer_first::levers::LeverSet)],
    choose: &dyn Fn(&customer_first::dilemmas::Dilemma) -> String,
) {
    use customer_first::sim::clock::Clock;
    use customer_first::sim::dilemmas::{
        DilemmaDeck, DilemmaPolicy, DilemmaState, resolve_pending,
    };
    use customer_first::sim::levers::LeverRequests;
    use customer_first::sim::{GameOver, SimTick};
    world.resource_mut::<DilemmaPolicy>().wait_for_player = true;
    // Every tick moves the clock on (a dilemma's tick runs again once, after the choice), so
    // twice the ticks to `until_day` is a bound no correct model reaches.
    let ticks_per_day = world.resource::<Clock>().ticks_per_day;
    let limit = 2 * (until_day + 1) * ticks_per_day;
    for step in 0.. {
        assert!(
            step <= limit,
            "the model did not reach day {until_day} in {limit} ticks"
        );
        let (day, tick) = {
            let c = world.resource::<Clock>();
            (c.day, c.tick)
        };
        if day >= until_day || world.resource::<GameOver>().0.is_some() {
            break;
        }
        for (_, _, set) in changes.iter().filter(|c| (c.0, c.1) == (day, tick)) {
            world.resource_mut::<LeverRequests>().now.push(set.clone());
        }
        world.run_schedule(SimTick);
        let pending = world.resource::<DilemmaState>().pending.clone();
        if let Some(id) = pending {
            let d = world
                .resource::<DilemmaDeck>()
                .0
                .get(&id)
                .expect("a pending dilemma is in the deck")
                .clone();
            assert!(resolve_pending(world, &choose(&d)), "a valid choice");
        }
    }
}

/// The choice a scripted player takes: the last one that is not the dilemma's default.
pub fn not_the_default(d: &customer_first::dilemmas::Dilemma) -> String {
    d.choices
        .iter()
        .rev()
        .find(|c| c.id != d.default_choice)
        .unwrap_or(&d.choices[0])
        .id
        .clone()
}

/// A deck whose one dilemma fires on day 5 for certain, with two choices that differ on the day
/// (money now, or a lever change): what-if tests and samples need a dilemma early.
pub fn day_five_deck() -> customer_first::dilemmas::Deck {
    customer_first::dilemmas::Deck::from_ron(
        Path::new("day-five-deck.ron"),
        r#"(dilemmas: [(
            id: "supplier_price", title: "The roaster raises prices",
            situation: "Beans will cost a fifth more from next week.",
            when: (from_day: 5, to_day: 30, conditions: [], chance_per_day: 1.0),
            choices: [
                (id: "absorb", label: "Absorb it", known: "Margins shrink.", effects: [Cash(-200000)]),
                (id: "pass_on", label: "Raise the price", known: "Customers notice.",
                 effects: [Levers((price: Some(1.1)))]),
            ],
            default_choice: "absorb",
        )])"#,
    )
    .unwrap_or_else(|e| panic!("{e}"))
}

/// Updates `app` frame by frame until `done` holds; fails after `limit` frames (a loop in a test
/// must end, and say what it waited for when it does not).
#[cfg(feature = "gui")]
pub fn update_until(
    app: &mut bevy::prelude::App,
    limit: u32,
    what: &str,
    done: impl Fn(&bevy::prelude::App) -> bool,
) {
    for _ in 0..limit {
        if done(app) {
            return;
        }
        app.update();
    }
    assert!(done(app), "{what}: not reached in {limit} frames");
}

/// A key pressed or let go, as the window system reports it (Bevy's input plugin turns it into
/// the key's state), then one frame.
#[cfg(feature = "gui")]
pub fn key_event(
    app: &mut bevy::prelude::App,
    code: bevy::prelude::KeyCode,
    state: bevy::input::ButtonState,
) {
    use bevy::input::keyboard::{Key, KeyboardInput, NativeKey};
    app.world_mut().write_message(KeyboardInput {
        key_code: code,
        logical_key: Key::Unidentified(NativeKey::Unidentified),
        state,
        text: None,
        repeat: false,
        window: bevy::prelude::Entity::PLACEHOLDER,
    });
    app.update();
}
