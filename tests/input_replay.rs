//! What-if is exact for every way a player can make a decision: a property test that drives the
//! game's real input paths (Bevy keyboard input messages through Bevy's input plugin into the
//! game's keyboard system; egui pointer presses and releases on the real levers panel), paused
//! and running, answers the dilemma that comes up, and then checks that
//! - the decision log replays to the same days, byte for byte, and the same levers;
//! - every logged change changed something (no step logged twice, no change that undoes itself);
//! - changes made before one tick are one decision.
#![cfg(feature = "gui")]

mod common;

use std::time::Duration;

use bevy::input::ButtonState;
use bevy::prelude::*;
use bevy::state::app::StatesPlugin;
use bevy::time::TimeUpdateStrategy;
use bevy_egui::egui;
use proptest::prelude::*;
use proptest::test_runner::{Config, RngSeed};

use customer_first::game::model::{Model, Pace};
use customer_first::game::panels::levers;
use customer_first::game::ui::Layout;
use customer_first::game::{Setup, StartGame, logic_plugin};
use customer_first::headless::tables::days_csv;
use customer_first::headless::whatif::Decisions;
use customer_first::headless::world::replay;
use customer_first::levers::{Lever, Levers};
use customer_first::sim::levers::{DecisionLog, DecisionSource};

/// What the player does at one moment.
#[derive(Debug, Clone)]
enum Action {
    /// A key pressed and released (arrows, Tab, …) through Bevy's input messages.
    Key(KeyCode),
    /// A click on a lever's control at a fraction of its width (a slider's rail, one of a
    /// choice's buttons, a checkbox).
    Click(usize, f32),
    /// Pause or resume (Space would do the same; the pace is set directly to keep cases short).
    Pause(bool),
    /// Let the game run this many frames.
    Wait(u8),
}

fn action() -> impl Strategy<Value = Action> {
    prop_oneof![
        3 => prop_oneof![
            Just(KeyCode::ArrowRight),
            Just(KeyCode::ArrowLeft),
            Just(KeyCode::ArrowDown),
            Just(KeyCode::ArrowUp),
        ]
        .prop_map(Action::Key),
        3 => (0..Lever::ALL.len(), 0.02f32..0.98).prop_map(|(l, f)| Action::Click(l, f)),
        1 => any::<bool>().prop_map(Action::Pause),
        2 => (1u8..12).prop_map(Action::Wait),
    ]
}

fn app() -> App {
    let mut setup = Setup::bundled();
    // The café with a dilemma on day 5 whose choice changes a lever.
    setup.scenarios[0].2 = Some(common::day_five_deck());
    let mut app = App::new();
    app.add_plugins((MinimalPlugins, StatesPlugin, bevy::input::InputPlugin))
        .insert_resource(TimeUpdateStrategy::ManualDuration(Duration::from_millis(
            50,
        )))
        .insert_resource(setup);
    logic_plugin(&mut app);
    app.update();
    app.world_mut().write_message(StartGame);
    app.update();
    app.update();
    // Fast enough that a few frames are a tick or more.
    app.world_mut().resource_mut::<Pace>().speed = 3;
    app
}

fn key(app: &mut App, code: KeyCode, state: ButtonState) {
    common::key_event(app, code, state);
}

/// One egui frame of the real levers panel over the game's model, with these input events.
fn panel_frame(app: &mut App, ctx: &egui::Context, events: Vec<egui::Event>) {
    let input = egui::RawInput {
        screen_rect: Some(egui::Rect::from_min_size(
            egui::Pos2::ZERO,
            egui::vec2(420.0, 2400.0),
        )),
        events,
        ..Default::default()
    };
    app.world_mut()
        .resource_scope(|world, mut model: Mut<Model>| {
            let mut layout = world.resource_mut::<Layout>();
            ctx.run_ui(input, |ui| {
                levers::show(ui, &mut model, None, &mut layout.lever_rects)
            })
        })
        .drop_without_applying_deltas();
}

fn click(app: &mut App, ctx: &egui::Context, lever: usize, at: f32) {
    // Lay the panel out first, so its controls' places are known.
    panel_frame(app, ctx, Vec::new());
    let rects = app.world().resource::<Layout>().lever_rects.clone();
    let Some((_, r)) = rects.iter().find(|(l, _)| *l == Lever::ALL[lever]) else {
        panic!("the panel drew no {:?}", Lever::ALL[lever]);
    };
    // A slider's rail is the left part of its control (its value box follows it).
    let width = match Lever::ALL[lever].kind() {
        customer_first::levers::LeverKind::Number { .. } => r.width().min(90.0),
        _ => r.width(),
    };
    let pos = egui::pos2(r.min.x + width * at, (r.min.y + r.max.y) / 2.0);
    let button = |pressed| egui::Event::PointerButton {
        pos,
        button: egui::PointerButton::Primary,
        pressed,
        modifiers: egui::Modifiers::NONE,
    };
    panel_frame(app, ctx, vec![egui::Event::PointerMoved(pos), button(true)]);
    panel_frame(app, ctx, vec![button(false)]);
    panel_frame(app, ctx, vec![egui::Event::PointerGone]);
}

/// Plays the actions, then lets the game reach the end of a day; answers the dilemma (its
/// other choice) whenever it waits.
fn play(actions: &[Action]) -> App {
    let mut app = app();
    let ctx = egui::Context::default();
    for a in actions {
        match a {
            Action::Key(code) => {
                key(&mut app, *code, ButtonState::Pressed);
                key(&mut app, *code, ButtonState::Released);
            }
            Action::Click(lever, at) => click(&mut app, &ctx, *lever, *at),
            Action::Pause(p) => app.world_mut().resource_mut::<Pace>().paused = *p,
            Action::Wait(n) => {
                for _ in 0..*n {
                    app.update();
                }
            }
        }
        let mut model = app.world_mut().resource_mut::<Model>();
        if model.pending_dilemma().is_some() {
            assert!(model.choose("pass_on"));
        }
    }
    // Run on to the end of the next day, so every change has landed in whole days.
    app.world_mut().resource_mut::<Pace>().paused = false;
    let day = app.world().resource::<Model>().clock().day;
    for _ in 0..2000 {
        let done = {
            let mut model = app.world_mut().resource_mut::<Model>();
            if model.pending_dilemma().is_some() {
                assert!(model.choose("pass_on"));
            }
            let c = model.clock();
            c.day > day && c.tick == 0
        };
        if done {
            break;
        }
        app.update();
    }
    app.world_mut().resource_mut::<Pace>().paused = true;
    let c = app.world().resource::<Model>().clock().clone();
    assert!(c.day > day && c.tick == 0, "the day ended: {c:?}");
    app
}

proptest! {
    #![proptest_config(Config {
        cases: 12,
        rng_seed: RngSeed::Fixed(11),
        failure_persistence: None,
        ..Config::default()
    })]

    #[test]
    fn every_way_of_deciding_replays_exactly(actions in proptest::collection::vec(action(), 4..28)) {
        let app = play(&actions);
        let model = app.world().resource::<Model>();
        let log = model.world.resource::<DecisionLog>().entries.clone();

        // The log replays to the same days and the same levers.
        let decisions = Decisions::of_world(&model.world).unwrap();
        let days = model.clock().day;
        let (again, _) = bevy::tasks::block_on(replay(
            &model.scenario,
            model.seed,
            Some(&common::day_five_deck()),
            &decisions,
            days,
            &"replay".into(),
            &|_| {},
        ));
        prop_assert!(days_csv(&model.history().rows).unwrap() == days_csv(&again.rows).unwrap());
        prop_assert_eq!(again.rows.len(), days as usize);

        // Every logged change changed something, from the levers as they stood before it; and
        // the player's changes are at most one per moment.
        let mut levers: Levers = model.scenario.start_levers();
        let mut moments = std::collections::BTreeSet::new();
        for d in &log {
            let mut after = levers.clone();
            after.apply(&d.set);
            prop_assert!(after != levers, "a change that changes nothing: {:?}", d);
            for (lever, value) in d.set.entries() {
                let mut probe = levers.clone();
                probe.apply(&customer_first::levers::LeverSet::one(lever, value));
                prop_assert!(probe != levers, "{:?} logged without changing: {:?}", lever, d);
            }
            if d.source == DecisionSource::Player {
                prop_assert!(moments.insert((d.day, d.minute)), "two decisions at one moment: {:?}", log);
            }
            levers = after;
        }
        prop_assert_eq!(&levers, model.world.resource::<Levers>());
    }
}

/// The clicks land: a click on the middle of the price slider's rail and on a choice's button
/// are decisions (so the property above is not passing on clicks that miss).
#[test]
fn clicks_on_the_panel_change_the_levers() {
    let mut app = app();
    app.world_mut().resource_mut::<Pace>().paused = true;
    let ctx = egui::Context::default();
    let before = app.world().resource::<Model>().levers_requested();
    let price = Lever::ALL.iter().position(|l| *l == Lever::Price).unwrap();
    click(&mut app, &ctx, price, 0.9);
    let level = Lever::ALL
        .iter()
        .position(|l| *l == Lever::ServiceLevel)
        .unwrap();
    click(&mut app, &ctx, level, 0.9);
    let after = app.world().resource::<Model>().levers_requested();
    assert!(
        after.price > before.price + 1.0,
        "{} → {}",
        before.price,
        after.price
    );
    assert_ne!(after.service_level, before.service_level);
}
