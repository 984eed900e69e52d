//! The game without a window: the screen flow, the model ticking under the pace, the systems
//! that translate the model into the view (customer and staff marks, the book's dots and their
//! colours), lever requests and keyboard steps reaching the model, and dilemmas pausing time.
#![cfg(feature = "gui")]

mod common;

use std::time::Duration;

use bevy::prelude::*;
use bevy::state::app::StatesPlugin;
use bevy::time::TimeUpdateStrategy;

use customer_first::game::floor_view::book::book_sample;
use customer_first::game::floor_view::{
    BOOK_COLUMNS, BOOK_DOTS, BOOK_PX, BookDot, BookPicture, StaffMark, Walker, mood_colour,
};
use customer_first::game::input::lever_step;
use customer_first::game::model::{Model, Pace, SPEEDS};
use customer_first::game::ui::{Focus, Panel};
use customer_first::game::{Screen, Setup, StartGame, logic_plugin};
use customer_first::headless::tables::days_csv;
use customer_first::i18n::Lang;
use customer_first::levers::{Lever, LeverSet, Levers};
use customer_first::sim::customers::Customers;
use customer_first::sim::dilemmas::DilemmaState;
use customer_first::sim::levers::DecisionLog;

fn app_with(setup: Setup) -> App {
    let mut app = App::new();
    app.add_plugins((MinimalPlugins, StatesPlugin, AssetPlugin::default()))
        .init_asset::<Image>()
        .insert_resource(TimeUpdateStrategy::ManualDuration(Duration::from_millis(
            50,
        )))
        .insert_resource(setup)
        .init_resource::<ButtonInput<KeyCode>>()
        .init_resource::<ButtonInput<MouseButton>>();
    logic_plugin(&mut app);
    app.update();
    app
}

/// Presses `key` for one frame, then lets it go (clearing "just pressed", as the input plugin
/// does between frames).
fn tap(app: &mut App, key: KeyCode) {
    app.world_mut()
        .resource_mut::<ButtonInput<KeyCode>>()
        .press(key);
    app.update();
    let mut keys = app.world_mut().resource_mut::<ButtonInput<KeyCode>>();
    keys.release(key);
    keys.clear();
}

fn screen(app: &App) -> Screen {
    *app.world().resource::<State<Screen>>().get()
}

fn start(app: &mut App) {
    app.world_mut().write_message(StartGame);
    app.update();
    app.update();
}

fn day(app: &App) -> u32 {
    app.world().resource::<Model>().clock().day
}

fn fastest(app: &mut App) {
    app.world_mut().resource_mut::<Pace>().speed = SPEEDS.len() - 1;
}

#[test]
fn title_then_playing_then_end_then_play_again_with_the_same_seed() {
    let mut setup = Setup::bundled();
    // A short game so that it ends inside the test.
    setup.scenarios[0].1.horizon_days = 3;
    setup.seed_text = "4242".into();
    let mut app = app_with(setup);
    app.add_systems(
        OnEnter(Screen::End),
        customer_first::game::debrief::summarise,
    );
    assert_eq!(screen(&app), Screen::Title);
    assert!(app.world().get_resource::<Model>().is_none());

    start(&mut app);
    assert_eq!(screen(&app), Screen::Playing);
    assert_eq!(app.world().resource::<Model>().seed, 4242);
    assert_eq!(day(&app), 0);

    fastest(&mut app);
    for _ in 0..20 {
        app.update();
    }
    assert_eq!(screen(&app), Screen::End, "the 3-day game ended");
    assert!(app.world().resource::<Model>().game_over().is_some());
    // The end screen's debrief: the run's results and why customers left.
    let end = app
        .world()
        .resource::<customer_first::game::debrief::EndSummary>();
    assert_eq!(end.result.rows.len(), 3);
    let causes =
        customer_first::headless::report::churn_causes(&end.result, &end.customers, Lang::En);
    assert_eq!(
        causes.iter().map(|c| c.count).sum::<u32>(),
        end.result.churned
    );
    // The floor's marks are gone with the playing screen.
    let marks = app.world_mut().query::<&Walker>().iter(app.world()).count()
        + app
            .world_mut()
            .query::<&BookDot>()
            .iter(app.world())
            .count();
    assert_eq!(marks, 0);

    app.world_mut().resource_mut::<Pace>().speed = 0;
    start(&mut app);
    assert_eq!(screen(&app), Screen::Playing);
    assert_eq!(day(&app), 0, "a fresh world");
    assert_eq!(app.world().resource::<Model>().seed, 4242, "same seed");
}

/// The floor draws people, not dots: every customer and employee has a body in their clothing
/// (customers' by group, staff in aprons) and a face; a customer leaving wears the face of the
/// mood the visit left; bubbles show what some of them thought, and money rises from the
/// counter.
#[test]
fn the_floor_draws_people_with_faces_thoughts_and_takings() {
    use customer_first::game::floor_view::{BodyPart, Bubble, HeadPart, Popup, clothes};
    use customer_first::sim::day::Visitor;
    let mut app = app_with(Setup::bundled());
    start(&mut app);
    app.world_mut().resource_mut::<Pace>().speed = 2;
    let (mut leaving_checked, mut bubbles, mut popups, mut seated) = (0, 0, 0, 0);
    for _ in 0..160 {
        app.update();
        let walkers: Vec<(Entity, Walker)> = app
            .world_mut()
            .query::<(Entity, &Walker)>()
            .iter(app.world())
            .map(|(e, w)| (e, w.clone()))
            .collect();
        for (e, w) in walkers {
            let children: Vec<Entity> = app.world().get::<Children>(e).unwrap().to_vec();
            let part = |c: &Entity| {
                let c = app.world().entity(*c);
                (
                    c.contains::<BodyPart>(),
                    c.contains::<HeadPart>(),
                    c.get::<Sprite>().map(|s| s.color),
                )
            };
            let bodies: Vec<_> = children.iter().map(part).filter(|p| p.0).collect();
            let heads: Vec<_> = children.iter().map(part).filter(|p| p.1).collect();
            assert_eq!((bodies.len(), heads.len()), (1, 1), "one body and one head");
            let segment = match w.visitor {
                Visitor::Returning { segment, .. } | Visitor::New { segment, .. } => segment,
            };
            assert_eq!(bodies[0].2, Some(clothes(segment)), "dressed by group");
            if let (true, Visitor::Returning { customer, .. }) = (w.leaving, w.visitor) {
                let mood = app
                    .world()
                    .resource::<Model>()
                    .world
                    .resource::<Customers>()
                    .customer(customer)
                    .unwrap()
                    .mood;
                assert_eq!(
                    heads[0].2,
                    Some(mood_colour(mood)),
                    "the face of their mood"
                );
                leaving_checked += 1;
            }
            seated += usize::from(w.sitting.is_some());
        }
        bubbles += app.world_mut().query::<&Bubble>().iter(app.world()).count();
        popups += app.world_mut().query::<&Popup>().iter(app.world()).count();
    }
    assert!(
        leaving_checked > 20,
        "{leaving_checked} leaving customers checked"
    );
    assert!(bubbles > 0, "some customers showed what they thought");
    assert!(popups > 0, "the takings rose from the counter");
    assert!(seated > 0, "served café customers sat at a table");
    let mut staff = app
        .world_mut()
        .query_filtered::<&Children, With<StaffMark>>();
    let figures: Vec<usize> = staff
        .iter(app.world())
        .map(|ch| {
            ch.iter()
                .filter(|c| app.world().entity(*c).contains::<HeadPart>())
                .count()
        })
        .collect();
    assert!(
        !figures.is_empty() && figures.iter().all(|&n| n == 1),
        "every employee has a face"
    );
}

#[test]
fn the_model_advances_with_the_pace_and_stops_when_paused() {
    let mut app = app_with(Setup::bundled());
    start(&mut app);
    let ticks = |app: &App| {
        let c = app.world().resource::<Model>().clock().clone();
        c.day * c.ticks_per_day + c.tick
    };
    // 1×: two ticks a second of real time; 50 ms frames.
    let t0 = ticks(&app);
    for _ in 0..40 {
        app.update();
    }
    let t1 = ticks(&app);
    assert!(
        (3..=5).contains(&(t1 - t0)),
        "{} ticks in 2 s at 1×",
        t1 - t0
    );
    app.world_mut().resource_mut::<Pace>().paused = true;
    for _ in 0..40 {
        app.update();
    }
    assert_eq!(ticks(&app), t1, "paused");
}

#[test]
fn the_view_draws_the_queue_the_staff_and_every_customer_in_the_book() {
    let mut app = app_with(Setup::bundled());
    start(&mut app);
    // Let the morning rush build a queue.
    app.world_mut().resource_mut::<Pace>().speed = 3;
    let mut saw_walkers = 0;
    for _ in 0..80 {
        app.update();
        saw_walkers = saw_walkers.max(app.world_mut().query::<&Walker>().iter(app.world()).count());
    }
    assert!(saw_walkers > 0, "customers were drawn on the floor");

    let staff = app
        .world()
        .resource::<Model>()
        .world
        .resource::<Levers>()
        .staff as usize;
    let marks = app
        .world_mut()
        .query::<&StaffMark>()
        .iter(app.world())
        .count();
    assert_eq!(marks, staff, "one mark per service point");

    // The book: one visible dot per active customer, coloured by that customer's mood.
    let active: Vec<(u32, f32)> = app
        .world()
        .resource::<Model>()
        .world
        .resource::<Customers>()
        .iter_active()
        .map(|(c, _)| (c.id, c.mood))
        .collect();
    let mut dots = app.world_mut().query::<&BookDot>();
    let shown: Vec<(u32, Color, usize)> = dots
        .iter(app.world())
        .filter_map(|d| d.customer.map(|c| (c, d.colour, d.index)))
        .collect();
    assert_eq!(shown.len(), active.len().min(BOOK_DOTS));
    // The dots are drawn in one picture: each dot's centre has its colour, an empty place none.
    let mut pictures = app.world_mut().query::<&BookPicture>();
    let handle = pictures
        .single(app.world())
        .expect("the book's picture")
        .0
        .clone();
    let image = app
        .world()
        .resource::<Assets<Image>>()
        .get(&handle)
        .unwrap();
    let centre = |i: usize| {
        let px = BOOK_PX as usize;
        let (x, y) = (
            (i % BOOK_COLUMNS) * px + px / 2,
            (i / BOOK_COLUMNS) * px + px / 2,
        );
        let at = (y * image.width() as usize + x) * 4;
        image.data.as_ref().unwrap()[at..at + 4].to_vec()
    };
    for &(_, colour, i) in shown.iter().take(50) {
        let c = colour.to_srgba();
        let want = [c.red, c.green, c.blue].map(|v| (v * 255.0).round() as u8);
        assert_eq!(centre(i)[..3], want, "dot {i}");
        assert!(centre(i)[3] > 50, "dot {i} is drawn");
    }
    if shown.len() < BOOK_DOTS {
        assert_eq!(centre(BOOK_DOTS - 1)[3], 0, "no dot where no customer is");
    }
    let mut checked = 0;
    for (e, colour, _) in shown {
        let mood = active
            .iter()
            .find(|a| a.0 == e)
            .expect("an active customer")
            .1;
        // Quiet (lapsing) customers are drawn faded; the hue is the mood's either way.
        assert_eq!(colour.with_alpha(1.0), mood_colour(mood));
        checked += 1;
    }
    assert!(checked > 100);
}

#[test]
fn mood_colours_separate_detractors_passives_and_promoters() {
    let lum =
        |c: Color| c.to_srgba().red * 0.3 + c.to_srgba().green * 0.59 + c.to_srgba().blue * 0.11;
    let (d, p, pr) = (mood_colour(3.0), mood_colour(8.0), mood_colour(10.0));
    assert_ne!(d, p);
    assert_ne!(p, pr);
    // Distinct in hue family (vermilion/amber vs blue) and in lightness: a grey-scale projector
    // still tells promoters from passives.
    assert!(d.to_srgba().red > d.to_srgba().blue);
    assert!(pr.to_srgba().blue > pr.to_srgba().red);
    assert!((lum(p) - lum(pr)).abs() > 0.1);
    // No panic or NaN on odd input.
    assert_eq!(mood_colour(f32::NAN), mood_colour(5.0));
    assert_eq!(mood_colour(42.0), mood_colour(10.0));
}

#[test]
fn a_large_book_is_drawn_as_an_even_sample_in_joining_order() {
    let customers: Vec<(u32, f32, bool)> = (0..5_000u32)
        .rev()
        .map(|i| (i, (i % 11) as f32, false))
        .collect();
    let (total, picked) = book_sample(customers);
    assert_eq!(total, 5_000);
    assert_eq!(picked.len(), BOOK_DOTS);
    // Evenly spread from the oldest to the newest.
    assert_eq!(picked[0].0, 0);
    assert_eq!(picked[1].0, 2);
    assert!(picked.last().unwrap().0 > 4_900);
}

#[test]
fn lever_requests_and_keyboard_steps_reach_the_model_and_the_log() {
    let mut app = app_with(Setup::bundled());
    start(&mut app);
    app.world_mut().resource_mut::<Model>().request(LeverSet {
        staff: Some(7),
        ..Default::default()
    });
    for _ in 0..20 {
        app.update();
    }
    let model = app.world().resource::<Model>();
    assert_eq!(model.world.resource::<Levers>().staff, 7);
    assert_eq!(model.world.resource::<DecisionLog>().entries.len(), 1);

    // Keyboard: the levers panel has focus; → raises the lever under the cursor (price).
    let price = model.world.resource::<Levers>().price;
    assert_eq!(app.world().resource::<Focus>().panel, Panel::Levers);
    assert_eq!(Lever::ALL[0], Lever::Price);
    app.world_mut()
        .resource_mut::<ButtonInput<KeyCode>>()
        .press(KeyCode::ArrowRight);
    app.update();
    app.world_mut()
        .resource_mut::<ButtonInput<KeyCode>>()
        .clear();
    app.world_mut()
        .resource_mut::<ButtonInput<KeyCode>>()
        .release(KeyCode::ArrowRight);
    app.world_mut()
        .resource_mut::<ButtonInput<KeyCode>>()
        .clear();
    for _ in 0..20 {
        app.update();
    }
    let model = app.world().resource::<Model>();
    assert!((model.world.resource::<Levers>().price - (price + 0.05)).abs() < 1e-9);
    assert_eq!(model.world.resource::<DecisionLog>().entries.len(), 2);

    // Space pauses; Tab moves the focus on.
    app.world_mut()
        .resource_mut::<ButtonInput<KeyCode>>()
        .press(KeyCode::Space);
    app.world_mut()
        .resource_mut::<ButtonInput<KeyCode>>()
        .press(KeyCode::Tab);
    app.update();
    assert!(app.world().resource::<Pace>().paused);
    assert_eq!(app.world().resource::<Focus>().panel, Panel::Book);
}

/// A keyboard step walks a number to the edge of its range and then proposes nothing (so
/// nothing is logged), and a choice comes back to where it started after a full cycle.
#[test]
fn keyboard_steps_reach_the_edge_of_each_range_and_stop_there() {
    use customer_first::levers::{LeverKind, LeverValue};
    let start = common::cafe().start_levers();
    for lever in Lever::ALL {
        match lever.kind() {
            LeverKind::Number { range, step, .. } => {
                for (dir, edge) in [(1, range.1), (-1, range.0)] {
                    let mut levers = start.clone();
                    let bound = ((range.1 - range.0) / step).ceil() as usize + 2;
                    let mut steps = 0;
                    while let Some(set) = lever_step(&levers, lever, dir) {
                        steps += 1;
                        assert!(steps <= bound, "{lever:?} never reached its edge");
                        levers.apply(&set);
                    }
                    assert_eq!(
                        levers.get(lever),
                        LeverValue::Number(edge),
                        "{lever:?} stops at {edge}"
                    );
                }
            }
            LeverKind::Level | LeverKind::Recovery | LeverKind::Toggle => {
                let mut levers = start.clone();
                let mut seen = vec![levers.get(lever)];
                for _ in 0..6 {
                    let set = lever_step(&levers, lever, 1).expect("a choice always moves");
                    levers.apply(&set);
                    seen.push(levers.get(lever));
                    if levers.get(lever) == start.get(lever) {
                        break;
                    }
                }
                assert_eq!(
                    levers.get(lever),
                    start.get(lever),
                    "{lever:?} cycles: {seen:?}"
                );
                assert!(seen.len() >= 3, "{lever:?} has at least two values");
            }
        }
    }
}

/// Two presses of → on the price while paused are two steps and one decision: 1.10, logged
/// once; a step back and forth before the next tick leaves nothing in the log.
#[test]
fn keyboard_steps_while_paused_add_up_to_one_decision() {
    let mut app = app_with(Setup::bundled());
    start(&mut app);
    app.world_mut().resource_mut::<Pace>().paused = true;
    let press = |app: &mut App, key: KeyCode| {
        tap(app, key);
        app.update();
    };
    let price = app
        .world()
        .resource::<Model>()
        .world
        .resource::<Levers>()
        .price;
    press(&mut app, KeyCode::ArrowRight);
    press(&mut app, KeyCode::ArrowRight);
    assert!(
        (app.world().resource::<Model>().levers_requested().price - (price + 0.1)).abs() < 1e-9
    );
    app.world_mut().resource_mut::<Pace>().paused = false;
    common::update_until(&mut app, 100, "a tick", |a| {
        a.world().resource::<Model>().clock().tick > 0
    });
    let model = app.world().resource::<Model>();
    assert!((model.world.resource::<Levers>().price - (price + 0.1)).abs() < 1e-9);
    let log = &model.world.resource::<DecisionLog>().entries;
    assert_eq!(log.len(), 1, "one decision: {log:?}");
    assert_eq!(log[0].set.price, Some(price + 0.1));

    // There and back again before the next tick: no decision at all.
    app.world_mut().resource_mut::<Pace>().paused = true;
    press(&mut app, KeyCode::ArrowRight);
    press(&mut app, KeyCode::ArrowLeft);
    app.world_mut().resource_mut::<Pace>().paused = false;
    let tick = app.world().resource::<Model>().clock().tick;
    common::update_until(&mut app, 100, "a tick", |a| {
        a.world().resource::<Model>().clock().tick != tick
    });
    let model = app.world().resource::<Model>();
    assert_eq!(model.world.resource::<DecisionLog>().entries.len(), 1);
}

#[test]
fn a_dilemma_stops_the_clock_until_the_player_chooses() {
    let mut app = app_with(Setup::bundled());
    start(&mut app);
    fastest(&mut app);
    app.update();
    let (id, second) = {
        let model = app.world().resource::<Model>();
        let deck = &model
            .world
            .resource::<customer_first::sim::dilemmas::DilemmaDeck>()
            .0;
        let d = &deck.dilemmas[0];
        (d.id.clone(), d.choices[1].id.clone())
    };
    app.world_mut()
        .resource_mut::<Model>()
        .world
        .resource_mut::<DilemmaState>()
        .pending = Some(id.clone());
    let before = app.world().resource::<Model>().clock().clone();
    for _ in 0..10 {
        app.update();
    }
    assert_eq!(
        *app.world().resource::<Model>().clock(),
        before,
        "time waits"
    );
    // The digits belong to the card while it waits: 2 takes its second choice and leaves the
    // game at the fastest speed (it used to drop it to 2×).
    tap(&mut app, KeyCode::Digit2);
    assert_eq!(
        app.world().resource::<Pace>().speed,
        SPEEDS.len() - 1,
        "a digit on a dilemma card does not change the speed"
    );
    app.update();
    let model = app.world().resource::<Model>();
    assert_ne!(*model.clock(), before, "time goes on");
    let made = &model.world.resource::<DilemmaState>().made;
    let last = made.last().expect("the choice was made");
    assert_eq!(
        (last.dilemma.as_str(), last.choice.as_str()),
        (id.as_str(), second.as_str())
    );
    // With no card waiting, 1 sets the speed again.
    tap(&mut app, KeyCode::Digit1);
    assert_eq!(app.world().resource::<Pace>().speed, 0);
}

fn scratch(name: &str) -> std::path::PathBuf {
    let d = std::env::temp_dir().join(format!("cf-game-{}-{name}", std::process::id()));
    let _ = std::fs::remove_dir_all(&d);
    d
}

#[test]
fn saves_from_the_game_autosave_and_load_back_exactly() {
    use customer_first::game::saves::{SaveConfig, SaveRequest, SaveStatus};
    let dir = scratch("saves");
    let mut app = app_with(Setup::bundled());
    app.insert_resource(SaveConfig {
        dir: dir.clone(),
        autosave_days: 1,
    });
    start(&mut app);
    fastest(&mut app);
    common::update_until(&mut app, 200, "day 3", |a| day(a) >= 3);
    let model = app.world().resource::<Model>();
    let autosave = customer_first::game::saves::autosave_file(
        &dir,
        model.scenario.name.get(Lang::En),
        model.seed,
        day(&app),
    );
    assert!(
        autosave.exists(),
        "autosaved every day: {:?}",
        app.world().resource::<SaveStatus>().message
    );
    // Asked mid-day, the save is taken when the day ends (where continuation is exact).
    app.world_mut().resource_mut::<Pace>().speed = 2;
    common::update_until(&mut app, 200, "mid-day", |a| {
        a.world().resource::<Model>().clock().tick != 0
    });
    app.world_mut()
        .write_message(SaveRequest::Save("Team A / morning".into()));
    let file = dir.join("Team-A---morning.ron");
    app.update();
    assert!(!file.exists(), "not mid-day");
    assert!(app.world().resource::<SaveStatus>().pending.is_some());
    fastest(&mut app);
    common::update_until(&mut app, 400, "the save written", |_| file.exists());
    app.world_mut().resource_mut::<Pace>().paused = true;
    let saved_at = app.world().resource::<Model>().clock().clone();
    assert_eq!(saved_at.tick, 0, "stopped between days for the save");
    let rows_at_save = app.world().resource::<Model>().history().rows.clone();
    assert!(
        app.world()
            .resource::<SaveStatus>()
            .message
            .as_ref()
            .unwrap()
            .0
    );

    // Play on, then load: back to the saved moment, with its history (the charts) intact.
    app.world_mut().resource_mut::<Pace>().paused = false;
    for _ in 0..5 {
        app.update();
    }
    assert_ne!(*app.world().resource::<Model>().clock(), saved_at);
    app.world_mut().write_message(SaveRequest::Load(file));
    app.update();
    app.update();
    let model = app.world().resource::<Model>();
    assert_eq!(*model.clock(), saved_at);
    assert_eq!(model.history().rows, rows_at_save);
    assert_eq!(screen(&app), Screen::Playing);
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn a_failed_save_is_reported_and_the_game_goes_on() {
    use customer_first::game::saves::{SaveConfig, SaveRequest, SaveStatus};
    // The saves "folder" is a file: nothing can be written under it.
    let blocker = scratch("blocked");
    std::fs::write(&blocker, b"not a folder").unwrap();
    let mut app = app_with(Setup::bundled());
    app.insert_resource(SaveConfig {
        dir: blocker.join("saves"),
        autosave_days: 1,
    });
    start(&mut app);
    fastest(&mut app);
    common::update_until(&mut app, 200, "day 2", |a| day(a) >= 2);
    let status = app
        .world()
        .resource::<SaveStatus>()
        .message
        .clone()
        .unwrap();
    assert!(
        !status.0 && status.1.to_string().contains("autosave failed"),
        "{status:?}"
    );
    app.world_mut()
        .write_message(SaveRequest::Save("slot".into()));
    app.update();
    common::update_until(&mut app, 400, "the save attempted", |a| {
        a.world().resource::<SaveStatus>().pending.is_none()
    });
    let feed = &app
        .world()
        .resource::<customer_first::game::feed::Feed>()
        .read(Lang::En);
    assert!(
        feed.iter().any(|(_, l)| l.contains("could not save")),
        "{feed:?}"
    );
    // Still playing, still ticking.
    app.world_mut().resource_mut::<Pace>().paused = false;
    let before = day(&app);
    common::update_until(&mut app, 400, "the next day", |a| day(a) != before);
    assert_eq!(screen(&app), Screen::Playing);
    let _ = std::fs::remove_file(&blocker);
}

/// Runs the what-if asked for to its end, as the end screen would see it.
fn what_if(
    app: &mut App,
    change: customer_first::headless::whatif::WhatIf,
) -> (Option<u32>, Vec<u8>) {
    use customer_first::game::whatif::{Outcome, WhatIfRequest, WhatIfs};
    app.world_mut().write_message(WhatIfRequest(change));
    app.update();
    let rows = app.world().resource::<Model>().history().rows.clone();
    app.world_mut().resource_mut::<WhatIfs>().wait(&rows);
    app.update();
    let w = app.world().resource::<WhatIfs>();
    match &w.current.as_ref().expect("a what-if").outcome {
        Outcome::Done {
            result,
            first_difference,
        } => (*first_difference, days_csv(&result.rows).unwrap()),
        Outcome::Failed(e) => panic!("{e}"),
        Outcome::Running(_) => panic!("still running after wait"),
    }
}

#[test]
fn the_end_screen_replays_the_game_with_one_decision_changed() {
    use customer_first::headless::whatif::WhatIf;
    use customer_first::sim::levers::DecisionSource;
    let mut setup = Setup::bundled();
    setup.scenarios[0].1.horizon_days = 30;
    setup.scenarios[0].2 = Some(common::day_five_deck());
    let mut app = app_with(setup);
    app.add_systems(
        OnEnter(Screen::End),
        customer_first::game::debrief::summarise,
    );
    start(&mut app);
    // Play through the game's own model: a price change at 09:30 on day 3, and the dilemma on
    // day 5 answered against its default; the lever panel is refused while the dilemma waits.
    {
        let mut model = app.world_mut().resource_mut::<Model>();
        let c = model.clock().clone();
        // Every tick moves the clock on (a dilemma's tick runs again once, after the choice).
        let limit = 2 * c.horizon_days * c.ticks_per_day;
        for step in 0.. {
            assert!(step < limit, "the game did not end in {limit} ticks");
            if model.game_over().is_some() {
                break;
            }
            let c = model.clock().clone();
            if (c.day, c.tick) == (3, 10) {
                assert!(model.request(LeverSet {
                    price: Some(1.2),
                    ..Default::default()
                }));
            }
            model.tick();
            if model.pending_dilemma().is_some() {
                assert!(!model.request(LeverSet {
                    staff: Some(9),
                    ..Default::default()
                }));
                assert!(model.choose("pass_on"));
            }
        }
        let log = &model.world.resource::<DecisionLog>().entries;
        let sources: Vec<_> = log.iter().map(|d| (d.day, d.source)).collect();
        assert_eq!(
            sources,
            [(3, DecisionSource::Player), (5, DecisionSource::Dilemma)]
        );
    }
    app.update();
    app.update();
    assert_eq!(screen(&app), Screen::End);
    let game = days_csv(&app.world().resource::<Model>().history().rows).unwrap();

    let (diff, rows) = what_if(&mut app, WhatIf::Nothing);
    assert_eq!(diff, None);
    assert!(
        rows == game,
        "the replay with no change is the game, byte for byte"
    );
    let (diff, _) = what_if(
        &mut app,
        WhatIf::Choose {
            dilemma: "supplier_price".into(),
            choice: "absorb".into(),
        },
    );
    assert_eq!(diff, Some(5), "identical before the dilemma's day");
    let (diff, _) = what_if(&mut app, WhatIf::Undo(1));
    assert_eq!(diff, Some(3), "identical before the undone change's day");

    // The debrief the end screen saves: the HTML with the what-if overlaid, and the run's CSV.
    let w = app
        .world()
        .resource::<customer_first::game::whatif::WhatIfs>();
    let run = w.current.as_ref().unwrap();
    let end = app
        .world()
        .resource::<customer_first::game::debrief::EndSummary>();
    let dir = scratch("debrief");
    let (html, csv) = customer_first::game::debrief::write_debrief(
        end,
        Some((
            customer_first::game::whatif::label(&run.change, w, Lang::En).as_str(),
            run.result().unwrap(),
        )),
        None,
        &dir,
        Lang::En,
    )
    .unwrap();
    assert!(
        std::fs::read(&csv).unwrap() == game,
        "the CSV is the game's days"
    );
    let doc = scraper::Html::parse_document(&std::fs::read_to_string(&html).unwrap());
    let sel = |s: &str| scraper::Selector::parse(s).unwrap();
    assert_eq!(doc.select(&sel("section#whatif tr")).count(), 7);
    let timeline: Vec<String> = doc
        .select(&sel("section#timeline li"))
        .map(|e| e.text().collect())
        .collect();
    assert!(
        timeline
            .iter()
            .any(|t| t.contains("The roaster raises prices: chose “Raise the price”")),
        "{timeline:?}"
    );
    // What each decision did, worked out since the game ended: the price change undone, and the
    // dilemma's other choice; the same figures as the headless measure; and in the debrief.
    app.world_mut()
        .resource_mut::<customer_first::game::whatif::WhatIfs>()
        .wait_each();
    let w = app
        .world()
        .resource::<customer_first::game::whatif::WhatIfs>();
    let end = app
        .world()
        .resource::<customer_first::game::debrief::EndSummary>();
    let impacts = w.each.as_ref().unwrap().impacts().expect("measured");
    let changes: Vec<_> = impacts.iter().map(|i| i.decision.change.clone()).collect();
    assert_eq!(
        changes,
        [
            WhatIf::Undo(1),
            WhatIf::Choose {
                dilemma: "supplier_price".into(),
                choice: "absorb".into()
            }
        ]
    );
    assert!(impacts.iter().all(|i| !i.is_zero()));
    assert!(
        impacts[0]
            .series
            .iter()
            .all(|&(d, c, p)| d >= 3 || (c, p) == (0, 0)),
        "nothing before day 3 is put down to the day-3 change"
    );
    let (each, labels) = customer_first::game::whatif::impacts_labelled(w, Lang::En).unwrap();
    assert_eq!(labels[0], "Price 1.20");
    let (html, _) = customer_first::game::debrief::write_debrief(
        end,
        None,
        Some(customer_first::headless::html::debrief::Impacts {
            impacts: &each,
            labels: &labels,
        }),
        &dir,
        Lang::En,
    )
    .unwrap();
    let doc = scraper::Html::parse_document(&std::fs::read_to_string(&html).unwrap());
    assert_eq!(doc.select(&sel("#each-decision tr.impact")).count(), 2);

    // A folder that is a file: the failure is reported, not a panic.
    let blocked = scratch("debrief-blocked");
    std::fs::write(&blocked, "a file").unwrap();
    assert!(
        customer_first::game::debrief::write_debrief(end, None, None, &blocked, Lang::En).is_err()
    );
}

#[test]
fn ending_the_game_early_finishes_the_day_and_shows_the_debrief() {
    use customer_first::sim::EndReason;
    let mut app = app_with(Setup::bundled());
    app.add_systems(
        OnEnter(Screen::End),
        customer_first::game::debrief::summarise,
    );
    start(&mut app);
    {
        let mut model = app.world_mut().resource_mut::<Model>();
        for _ in 0..(2 * model.clock().ticks_per_day + 7) {
            model.tick();
        }
        assert_eq!((model.clock().day, model.clock().tick), (2, 7));
        model.end_here();
        assert_eq!(model.game_over(), Some(EndReason::EndedByPlayer));
        assert_eq!(
            (model.clock().day, model.clock().tick),
            (3, 0),
            "day 2 finished"
        );
        assert_eq!(model.history().rows.len(), 3);
    }
    app.update();
    app.update();
    assert_eq!(screen(&app), Screen::End);
    let end = app
        .world()
        .resource::<customer_first::game::debrief::EndSummary>();
    assert_eq!(end.result.end, Some(EndReason::EndedByPlayer));
    assert_eq!(end.result.rows.len(), 3);
    // The end screen's day is the last day played (2: days 0 to 2 were played), and the
    // debrief says the same day and its file is named after it.
    assert_eq!(end.day(), 2);
    let dir = scratch("debrief-day");
    let (html, _) =
        customer_first::game::debrief::write_debrief(end, None, None, &dir, Lang::En).unwrap();
    assert!(
        html.to_string_lossy()
            .ends_with(&format!("-day-{}.html", end.day())),
        "{}",
        html.display()
    );
    let page = std::fs::read_to_string(&html).unwrap();
    assert!(
        page.contains("ended on day 2"),
        "the debrief says the same day"
    );
    let _ = std::fs::remove_dir_all(&dir);
    let game = days_csv(&end.result.rows).unwrap();
    let (diff, rows) = what_if(&mut app, customer_first::headless::whatif::WhatIf::Nothing);
    assert_eq!(diff, None);
    assert!(rows == game);
}

#[test]
fn the_book_can_be_browsed_from_the_keyboard() {
    use customer_first::game::ui::Selected;
    let mut app = app_with(Setup::bundled());
    start(&mut app);
    for _ in 0..5 {
        app.update();
    }
    let press = tap;
    let dot = |app: &mut App, i: usize| {
        let mut q = app.world_mut().query::<&BookDot>();
        q.iter(app.world())
            .find(|d| d.index == i)
            .and_then(|d| d.customer)
    };
    press(&mut app, KeyCode::Tab);
    assert_eq!(app.world().resource::<Focus>().panel, Panel::Book);
    press(&mut app, KeyCode::ArrowRight);
    press(&mut app, KeyCode::ArrowRight);
    press(&mut app, KeyCode::ArrowDown);
    let ui = app.world().resource::<Focus>().clone();
    let at = BOOK_COLUMNS + 2;
    assert_eq!(ui.book_cursor, at, "two along, one row down");
    let expected = dot(&mut app, at).expect("the café has more customers than a row");
    assert_eq!(ui.selected, Some(Selected::Customer(expected)));
    // The cursor stops at the edges instead of leaving the book.
    for _ in 0..3 {
        press(&mut app, KeyCode::ArrowUp);
    }
    assert_eq!(app.world().resource::<Focus>().book_cursor, 0);
}

/// Autosaves are per scenario and seed: starting the software company after the café leaves
/// the café's autosaves alone; and only the last few of each game are kept.
#[test]
fn autosaves_are_kept_per_scenario_and_seed() {
    use customer_first::game::saves::{AUTOSAVES_KEPT, SaveConfig, autosave_file};
    let dir = scratch("autosaves");
    let _ = std::fs::remove_dir_all(&dir);
    let mut app = app_with(Setup::bundled());
    app.insert_resource(SaveConfig {
        dir: dir.clone(),
        autosave_days: 1,
    });
    start(&mut app);
    fastest(&mut app);
    common::update_until(&mut app, 400, "day 6", |a| day(a) >= 6);
    let (cafe, cafe_seed) = {
        let m = app.world().resource::<Model>();
        (m.scenario.name.get(Lang::En).to_string(), m.seed)
    };
    let kept: Vec<u32> = (1..=6)
        .filter(|d| autosave_file(&dir, &cafe, cafe_seed, *d).exists())
        .collect();
    assert_eq!(kept.len(), AUTOSAVES_KEPT, "{kept:?}");
    assert_eq!(*kept.last().unwrap(), day(&app), "the newest is kept");

    // Another business: its own autosaves, the café's untouched.
    app.world_mut().resource_mut::<Setup>().choose(1);
    start(&mut app);
    fastest(&mut app);
    common::update_until(&mut app, 400, "day 2", |a| day(a) >= 2);
    let m = app.world().resource::<Model>();
    assert_ne!(m.scenario.name.get(Lang::En), cafe);
    assert!(autosave_file(&dir, m.scenario.name.get(Lang::En), m.seed, 1).exists());
    for d in &kept {
        assert!(
            autosave_file(&dir, &cafe, cafe_seed, *d).exists(),
            "café day {d}"
        );
    }
    let _ = std::fs::remove_dir_all(&dir);
}

/// A dilemma's lever effect shows in the feed as the choice's doing, not as a lever the player
/// moved.
#[test]
fn the_feed_says_a_lever_moved_because_of_a_choice() {
    let mut setup = Setup::bundled();
    setup.scenarios[0].2 = Some(common::day_five_deck());
    let mut app = app_with(setup);
    start(&mut app);
    fastest(&mut app);
    common::update_until(&mut app, 400, "the dilemma", |a| {
        a.world().resource::<Model>().pending_dilemma().is_some()
    });
    assert!(app.world_mut().resource_mut::<Model>().choose("pass_on"));
    common::update_until(&mut app, 400, "day 7", |a| day(a) >= 7);
    let feed = &app
        .world()
        .resource::<customer_first::game::feed::Feed>()
        .read(Lang::En);
    assert!(
        feed.iter()
            .any(|(d, l)| *d == 5 && l.starts_with("Because of your choice: Price")),
        "{feed:?}"
    );
    assert!(
        !feed.iter().any(|(_, l)| l.starts_with("Lever changed")),
        "the player moved no lever: {feed:?}"
    );
}

/// The feed announces a milestone once, however often the business crosses back and forth over
/// it, and referred customers a week at a time (with the café at its steady state a referral
/// comes every other day: a line each would fill the feed).
#[test]
fn the_feed_says_each_milestone_once_and_referrals_weekly() {
    use customer_first::sim::metrics::{DayRow, History};
    let mut app = app_with(Setup::bundled());
    start(&mut app);
    app.world_mut().resource_mut::<Pace>().paused = true;
    app.update();
    {
        let mut model = app.world_mut().resource_mut::<Model>();
        let mut history = model.world.resource_mut::<History>();
        let first = history.rows.len() as u32;
        for (i, active) in [
            1_499, 1_501, 1_499, 1_502, 1_498, 1_503, 1_505, 2_001, 1_990, 2_003, 1_400, 1_510,
            1_520, 1_530,
        ]
        .into_iter()
        .enumerate()
        {
            history.rows.push(DayRow {
                day: first + i as u32,
                active_customers: active,
                new_referred: (i % 2) as u32,
                board_confidence: 0.6,
                ..Default::default()
            });
        }
    }
    app.update();
    let feed = app
        .world()
        .resource::<customer_first::game::feed::Feed>()
        .read(Lang::En);
    let count = |text: &str| feed.iter().filter(|(_, l)| l == text).count();
    assert_eq!(
        count("1500 active customers") + count("1,500 active customers"),
        1,
        "{feed:?}"
    );
    assert_eq!(
        count("2000 active customers") + count("2,000 active customers"),
        1,
        "{feed:?}"
    );
    let weekly: Vec<u32> = feed
        .iter()
        .filter(|(_, l)| l.contains("promoter"))
        .map(|(d, _)| *d)
        .collect();
    assert_eq!(weekly.len(), 2, "two weeks ended: {feed:?}");
    assert!(weekly.iter().all(|d| (d + 1) % 7 == 0), "{weekly:?}");
}

/// What comes of an uncertain choice is told the day it comes, naming the card and the choice.
#[test]
fn the_feed_tells_what_came_of_an_uncertain_choice() {
    let deck = customer_first::dilemmas::Deck::from_ron(
        std::path::Path::new("later-deck.ron"),
        r#"(dilemmas: [(
            id: "recall", title: "A batch that might be bad",
            situation: "One batch of cream may be contaminated.",
            when: (from_day: 2, to_day: 30, conditions: [], chance_per_day: 1.0),
            choices: [
                (id: "recall_now", label: "Pull the batch", known: "Costs a week of sales.",
                 effects: [Cash(-50000)]),
                (id: "quiet_fix", label: "Say nothing", known: "Probably nobody will know.",
                 effects: [Later(chance: 1.0, within_days: 3, effects: [
                     Reviews(count: 12, stars: 1), Cash(-80000), Board(-0.1),
                 ])]),
            ],
            default_choice: "recall_now",
        )])"#,
    )
    .unwrap_or_else(|e| panic!("{e}"));
    let mut setup = Setup::bundled();
    setup.scenarios[0].2 = Some(deck);
    let mut app = app_with(setup);
    start(&mut app);
    fastest(&mut app);
    common::update_until(&mut app, 400, "the dilemma", |a| {
        a.world().resource::<Model>().pending_dilemma().is_some()
    });
    let chosen_on = day(&app);
    assert!(app.world_mut().resource_mut::<Model>().choose("quiet_fix"));
    common::update_until(&mut app, 800, "four days on", |a| day(a) >= chosen_on + 5);
    let feed = app
        .world()
        .resource::<customer_first::game::feed::Feed>()
        .read(Lang::En);
    let told: Vec<_> = feed
        .iter()
        .filter(|(_, l)| l.starts_with("What followed your choice “Say nothing”"))
        .collect();
    assert_eq!(told.len(), 1, "{feed:?}");
    let (d, line) = told[0];
    assert!(*d > chosen_on && *d <= chosen_on + 3, "day {d}: {line}");
    assert!(
        line.contains("“A batch that might be bad”")
            && line.contains(&format!("day {chosen_on}"))
            && line.contains("12 reviews of 1★")
            && line.contains("−$800.00"),
        "{line}"
    );
    let zh = app
        .world()
        .resource::<customer_first::game::feed::Feed>()
        .read(Lang::ZhCn);
    assert!(zh.iter().any(|(_, l)| l.contains("后果今天来了")), "{zh:?}");
}

/// The window opens fitted to the screen when no size is asked for or remembered; a size the
/// player then gives it is written to the settings once the resizing settles, and the fitted
/// size is not.
#[test]
fn the_window_fits_the_screen_and_remembers_the_players_size() {
    use bevy::window::{Monitor, PrimaryMonitor, PrimaryWindow, WindowResized};
    use customer_first::game::SettingsInUse;
    use customer_first::game::window::{WindowFit, plugin};
    use customer_first::settings::{Settings, WindowSize};
    let dir = scratch("window");
    let file = dir.join("settings.ron");
    let mut app = App::new();
    app.add_plugins(MinimalPlugins)
        .insert_resource(TimeUpdateStrategy::ManualDuration(Duration::from_millis(
            100,
        )))
        .add_message::<WindowResized>()
        .insert_resource(Lang::En)
        .insert_resource(WindowFit::new(None, None))
        .insert_resource(SettingsInUse {
            settings: Settings::default(),
            lang_at_start: Lang::En,
            file: file.clone(),
            problem: None,
        })
        .add_plugins(plugin);
    let window = app
        .world_mut()
        .spawn((Window::default(), PrimaryWindow))
        .id();
    app.world_mut().spawn((
        Monitor {
            name: None,
            physical_width: 1920,
            physical_height: 1080,
            physical_position: IVec2::ZERO,
            refresh_rate_millihertz: None,
            scale_factor: 1.0,
            video_modes: vec![],
        },
        PrimaryMonitor,
    ));
    let resize = |app: &mut App, w: u32, h: u32| {
        app.world_mut()
            .get_mut::<Window>(window)
            .unwrap()
            .resolution
            .set_physical_resolution(w, h);
        app.world_mut().write_message(WindowResized {
            window,
            width: w as f32,
            height: h as f32,
        });
    };
    app.update();
    let w = app.world().get::<Window>(window).unwrap();
    assert_eq!(
        (w.physical_width(), w.physical_height()),
        (1920, 1080),
        "fitted to the monitor"
    );
    // The fitted size arriving from the window system is not the player's choice.
    resize(&mut app, 1920, 1080);
    for _ in 0..20 {
        app.update();
    }
    assert!(!file.exists(), "the fitted size is not written");
    // The player drags the window's corner through two sizes: the last is kept.
    resize(&mut app, 1500, 850);
    app.update();
    resize(&mut app, 1400, 800);
    app.update();
    assert!(!file.exists(), "written only once the resizing settles");
    for _ in 0..20 {
        app.update();
    }
    let saved = Settings::load(&file).expect("the settings were written");
    assert_eq!(
        saved.window,
        Some(WindowSize {
            width: 1400,
            height: 800
        })
    );
    assert_eq!(WindowFit::new(None, saved.window).first_size().width, 1400);
}

/// An app like the window's for the teaching tests: Bevy's input plugin turns keyboard events
/// into key states, as it does for a real keyboard; the setup asks for the briefing and the
/// first-run guide; the settings live in a scratch file.
fn app_with_keyboard(dir: &std::path::Path) -> App {
    use customer_first::game::SettingsInUse;
    let mut app = App::new();
    app.add_plugins((MinimalPlugins, StatesPlugin, bevy::input::InputPlugin))
        .insert_resource(TimeUpdateStrategy::ManualDuration(Duration::from_millis(
            50,
        )))
        .insert_resource(Setup {
            brief: true,
            guide: true,
            ..Setup::bundled()
        })
        .insert_resource(SettingsInUse {
            settings: customer_first::settings::Settings::default(),
            lang_at_start: Lang::En,
            file: dir.join("settings.ron"),
            problem: None,
        });
    logic_plugin(&mut app);
    app.update();
    app
}

/// A key pressed and let go, as the window system reports it.
fn key(app: &mut App, code: KeyCode) {
    use bevy::input::ButtonState;
    common::key_event(app, code, ButtonState::Pressed);
    common::key_event(app, code, ButtonState::Released);
}

/// The first-run guide, walked through with the keyboard alone: the briefing holds the clock
/// until Enter; then the guide waits on each step until the player has done it (looked at the
/// floor, inspected a customer, looked at the meters, changed a lever, changed the speed,
/// answered a dilemma card), and once done it is remembered in the settings.
#[test]
fn the_first_run_guide_is_completed_with_the_keyboard() {
    use customer_first::game::guide::{GuideStep, Teaching};
    let dir = scratch("guide");
    let mut app = app_with_keyboard(&dir);
    app.world_mut().write_message(StartGame);
    app.update();
    app.update();
    let step = |app: &App| app.world().resource::<Teaching>().guide;
    assert!(
        app.world().resource::<Teaching>().briefing,
        "the briefing first"
    );
    let before = app.world().resource::<Model>().clock().clone();
    for _ in 0..20 {
        app.update();
    }
    assert_eq!(
        *app.world().resource::<Model>().clock(),
        before,
        "the clock waits for it"
    );
    key(&mut app, KeyCode::Enter);
    assert!(!app.world().resource::<Teaching>().briefing);
    assert!(!app.world().resource::<Pace>().paused, "begun");
    assert_eq!(step(&app), Some(GuideStep::Floor));
    // A step that asks for something is not passed with Enter.
    key(&mut app, KeyCode::Enter);
    assert_eq!(step(&app), Some(GuideStep::Customer));
    key(&mut app, KeyCode::Enter);
    assert_eq!(
        step(&app),
        Some(GuideStep::Customer),
        "Enter does not inspect a customer"
    );
    key(&mut app, KeyCode::Tab);
    assert_eq!(app.world().resource::<Focus>().panel, Panel::Book);
    key(&mut app, KeyCode::ArrowRight);
    assert_eq!(step(&app), Some(GuideStep::Meters));
    key(&mut app, KeyCode::Enter);
    assert_eq!(step(&app), Some(GuideStep::Lever));
    raise_the_first_lever(&mut app);
    assert_eq!(step(&app), Some(GuideStep::Speed), "a lever changed");
    key(&mut app, KeyCode::Digit3);
    assert_eq!(app.world().resource::<Pace>().speed, 2);
    assert_eq!(step(&app), Some(GuideStep::Result));
    see_what_the_lever_did(&mut app);
    assert_eq!(step(&app), Some(GuideStep::Dilemma));
    // The café's first dilemma comes when its day comes; here it is brought forward.
    let id = {
        let model = app.world().resource::<Model>();
        let deck = &model
            .world
            .resource::<customer_first::sim::dilemmas::DilemmaDeck>()
            .0;
        deck.dilemmas[0].id.clone()
    };
    app.world_mut()
        .resource_mut::<Model>()
        .world
        .resource_mut::<DilemmaState>()
        .pending = Some(id);
    app.update();
    assert_eq!(
        step(&app),
        Some(GuideStep::Dilemma),
        "waiting for the answer"
    );
    key(&mut app, KeyCode::Digit1);
    assert_eq!(step(&app), None, "the guide is over");
    assert!(app.world().resource::<Teaching>().guide_over);
    let saved = customer_first::settings::Settings::load(&dir.join("settings.ron")).unwrap();
    assert!(saved.guide_done, "remembered in the settings");
    // Another game in this session starts without it.
    assert!(!app.world().resource::<Setup>().guide);
}

/// Tab to the levers panel, then Right: raises the lever under the cursor, the first on the
/// panel (the price).
fn raise_the_first_lever(app: &mut App) {
    for _ in 0..10 {
        if app.world().resource::<Focus>().panel == Panel::Levers {
            break;
        }
        key(app, KeyCode::Tab);
    }
    key(app, KeyCode::ArrowRight);
}

/// The guide's result step: Enter does nothing until two weeks after the lever change, then
/// the step shows the week before against the last week and Enter goes on. The days pass as
/// the game's own ticks (a dilemma that comes meanwhile is answered with its first choice).
fn see_what_the_lever_did(app: &mut App) {
    use customer_first::game::guide::{GuideStep, RESULT_DAYS, Teaching};
    let tried = app.world().resource::<Teaching>().tried.clone();
    let tried = tried.expect("the lever change is remembered");
    assert_ne!(tried.from, tried.to, "{tried:?}");
    key(app, KeyCode::Enter);
    assert_eq!(
        app.world().resource::<Teaching>().guide,
        Some(GuideStep::Result),
        "the result waits for its two weeks"
    );
    {
        let mut m = app.world_mut().resource_mut::<Model>();
        while m.clock().day < tried.day + RESULT_DAYS {
            m.tick();
            if let Some(first) = m.pending_dilemma().map(|d| d.choices[0].id.clone()) {
                m.choose(&first);
            }
        }
    }
    app.update();
    // The replay without the change runs in the background (between frames in a browser); the
    // step waits for it.
    assert!(
        app.world()
            .resource::<Teaching>()
            .tried
            .as_ref()
            .is_some_and(|t| t.replaying),
        "the replay started when the result was due"
    );
    app.world_mut().resource_scope(
        |world, mut replay: Mut<customer_first::game::guide::GuideReplay>| {
            replay.wait(&mut world.resource_mut::<Teaching>())
        },
    );
    key(app, KeyCode::Enter);
}

/// The tutorial café is in the library: its guide runs on every game, even for a player whose
/// settings say the first-run guide is done; the lever step remembers which lever moved and the
/// result step compares real figures from the model before and after.
#[test]
fn the_tutorial_cafe_guides_every_game_and_shows_what_a_lever_did() {
    use customer_first::game::guide::{Figures, GuideStep, Teaching};
    let dir = scratch("tutorial");
    let mut app = app_with_keyboard(&dir);
    let index =
        customer_first::bundle::named("tutorial-cafe").expect("the tutorial café is bundled");
    {
        let mut setup = app.world_mut().resource_mut::<Setup>();
        setup.chosen = index;
        setup.guide = false;
    }
    app.world_mut()
        .resource_mut::<customer_first::game::SettingsInUse>()
        .settings
        .guide_done = true;
    app.world_mut().write_message(StartGame);
    app.update();
    app.update();
    assert!(app.world().resource::<Model>().scenario.tutorial);
    let step = |app: &App| app.world().resource::<Teaching>().guide;
    key(&mut app, KeyCode::Enter);
    assert_eq!(
        step(&app),
        Some(GuideStep::Floor),
        "guided although done before"
    );
    key(&mut app, KeyCode::Enter);
    key(&mut app, KeyCode::Tab);
    key(&mut app, KeyCode::ArrowRight);
    key(&mut app, KeyCode::Enter);
    assert_eq!(step(&app), Some(GuideStep::Lever));
    let price = |app: &App| {
        app.world()
            .resource::<Model>()
            .levers_requested()
            .get(customer_first::levers::Lever::Price)
    };
    raise_the_first_lever(&mut app);
    let once = price(&app);
    // One gesture of two presses (1.00 → 1.05 → 1.10): the guide tells and replays what the
    // player set in the end, not its first step.
    key(&mut app, KeyCode::ArrowRight);
    let twice = price(&app);
    assert_ne!(once, twice, "the second press moved the lever");
    key(&mut app, KeyCode::Digit2);
    assert_eq!(step(&app), Some(GuideStep::Result));
    see_what_the_lever_did(&mut app);
    let tried = app.world().resource::<Teaching>().tried.clone().unwrap();
    let now = Figures::of(&app.world().resource::<Model>().history().rows);
    assert_eq!(tried.lever, customer_first::levers::Lever::Price);
    assert_eq!(
        tried.to, twice,
        "the guide reports the value the player set"
    );
    // And the replay it compares with takes the whole gesture back, not its first step.
    let without_it = tried
        .decisions_without(app.world().resource::<Model>())
        .expect("the game's decisions");
    assert!(
        without_it.changes.iter().all(|d| d.set.price.is_none()),
        "{:?}",
        without_it.changes
    );
    let without = tried
        .without
        .expect("the weeks replayed without the change");
    assert!(now.served > 0.0 && without.served > 0.0);
    assert_ne!(
        now.revenue, without.revenue,
        "the price changed what customers paid"
    );
    assert_ne!(
        now, tried.before,
        "two weeks of the model changed the figures"
    );
    assert_eq!(step(&app), Some(GuideStep::Dilemma));
    key(&mut app, KeyCode::KeyS);
    assert_eq!(step(&app), None, "skipped");
}

/// The first-run guide opens on a free game of the café, never inside a timed session (which
/// keeps its own pace and stops for the room), the tutorial café's included.
#[test]
fn the_guide_never_opens_inside_a_timed_session() {
    use customer_first::game::guide::Teaching;
    use customer_first::session::Preset;
    let dir = scratch("guide-timed");
    let tutorial = customer_first::bundle::named("tutorial-cafe").unwrap();
    for (chosen, preset, guided) in [
        (0, Preset::Free, true),
        (0, Preset::Workshop20, false),
        (tutorial, Preset::Free, true),
        (tutorial, Preset::Workshop45, false),
    ] {
        let mut app = app_with_keyboard(&dir);
        {
            let mut setup = app.world_mut().resource_mut::<Setup>();
            setup.guide = true;
            setup.chosen = chosen;
            setup.preset = preset;
        }
        app.world_mut().write_message(StartGame);
        app.update();
        app.update();
        key(&mut app, KeyCode::Enter);
        assert_eq!(
            app.world().resource::<Teaching>().guide.is_some(),
            guided,
            "scenario {chosen}, {preset:?}"
        );
    }
}

/// S skips the guide (remembered); F1 opens the help over a paused game and closes it again,
/// leaving the clock as it was; while the help is open the game's keys wait.
#[test]
fn the_guide_can_be_skipped_and_the_help_opens_with_f1() {
    use customer_first::game::guide::{GuideStep, Teaching};
    let dir = scratch("guide-skip");
    let mut app = app_with_keyboard(&dir);
    app.world_mut().write_message(StartGame);
    app.update();
    app.update();
    key(&mut app, KeyCode::Space);
    assert!(
        !app.world().resource::<Teaching>().briefing,
        "Space begins too"
    );
    assert_eq!(
        app.world().resource::<Teaching>().guide,
        Some(GuideStep::Floor)
    );
    key(&mut app, KeyCode::KeyS);
    assert_eq!(app.world().resource::<Teaching>().guide, None);
    let saved = customer_first::settings::Settings::load(&dir.join("settings.ron")).unwrap();
    assert!(saved.guide_done);
    assert!(!app.world().resource::<Pace>().paused);
    key(&mut app, KeyCode::F1);
    assert!(app.world().resource::<Teaching>().help);
    assert!(
        app.world().resource::<Pace>().paused,
        "the clock waits while the help is open"
    );
    key(&mut app, KeyCode::Digit4);
    assert_eq!(
        app.world().resource::<Pace>().speed,
        0,
        "the game's keys wait"
    );
    key(&mut app, KeyCode::F1);
    assert!(!app.world().resource::<Teaching>().help);
    assert!(
        !app.world().resource::<Pace>().paused,
        "running again, as before the help"
    );
}

/// Floor labels grow where the floor is drawn small or the UI is scaled up, and never shrink.
#[test]
fn floor_labels_stay_readable_at_any_size_and_ui_scale() {
    use customer_first::game::floor_view::camera::readable_scale;
    // 1920x1080: the floor is drawn larger than life; labels keep their size.
    assert_eq!(readable_scale(12.0, 0.6, 1.0), 1.0);
    // 1024x768: 1.45 world units a pixel would make a 12-unit label 8 pixels high.
    let k = readable_scale(12.0, 1.45, 1.0);
    assert!(
        (12.0 * k / 1.45 - 11.0).abs() < 0.01,
        "drawn 11 pixels high"
    );
    // At UI scale 1.5 the labels grow with the panels' text.
    assert!(readable_scale(12.0, 1.2, 1.5) > readable_scale(12.0, 1.2, 1.0));
    assert_eq!(readable_scale(12.0, 10.0, 2.0), 2.5, "within bounds");
}

/// The feed is never empty: the game opens with what the player takes over; and it names the
/// longest-standing customer who left each day, and why, linked to them (a click opens them in
/// the inspector).
#[test]
fn the_feed_opens_with_the_business_and_names_regulars_who_leave() {
    use customer_first::game::feed::Feed;
    let mut app = app_with(Setup::bundled());
    start(&mut app);
    app.update();
    let first = app.world().resource::<Feed>().read(Lang::En);
    assert!(
        first
            .first()
            .is_some_and(|(d, l)| *d == 0 && l.contains("The Corner Café") && l.contains("1,200")),
        "{first:?}"
    );
    fastest(&mut app);
    common::update_until(&mut app, 3000, "a regular leaving", |a| {
        a.world()
            .resource::<Feed>()
            .lines
            .iter()
            .any(|l| l.2.is_some())
    });
    let feed = app.world().resource::<Feed>();
    let (day, line, who) = feed.lines.iter().find(|l| l.2.is_some()).unwrap();
    let text = line(Lang::En);
    let model = app.world().resource::<Model>();
    let e = who.unwrap();
    let (c, story) = model.world.resource::<Customers>().get(e).unwrap();
    assert_eq!(story.churned_day(), Some(*day));
    assert!(*day as i32 - c.joined_day >= 90, "a regular");
    let cause = customer_first::headless::report::cause_label(
        story.churn_cause.map_or("none", |c| c.id()),
        Lang::En,
    )
    .0;
    assert!(
        text.contains(&format!("#{}", c.id)) && text.ends_with(&cause),
        "{text}"
    );
}

/// The Explore panel from the keyboard: Tab reaches it, the arrows pick a lever, Enter explores
/// it around the player's own setting (a price already raised to 1.20) in the background while
/// the game goes on; the results are a band per value with the player's value among them, and
/// the same as the sweep library gives for the same runs.
#[test]
fn the_explore_panel_explores_a_lever_around_the_players_setting() {
    use customer_first::game::explore::Exploration;
    use customer_first::levers::LeverValue;

    let mut app = app_with(Setup::bundled());
    start(&mut app);
    {
        let mut e = app.world_mut().resource_mut::<Exploration>();
        e.seeds = 2;
        e.days = 20;
    }
    assert!(
        app.world_mut()
            .resource_mut::<Model>()
            .request(LeverSet::one(Lever::Price, LeverValue::Number(1.2)))
    );
    app.update();
    while app.world().resource::<Focus>().panel != Panel::Explore {
        tap(&mut app, KeyCode::Tab);
    }
    // Price is the first lever; one step right is the wage, one back left the price again.
    tap(&mut app, KeyCode::ArrowRight);
    assert_eq!(app.world().resource::<Focus>().explore_lever, 1);
    tap(&mut app, KeyCode::ArrowLeft);
    tap(&mut app, KeyCode::Enter);
    let day_asked = day(&app);
    let mut exploration = app.world_mut().resource_mut::<Exploration>();
    let run = exploration
        .current
        .as_ref()
        .expect("an exploration started");
    assert_eq!(run.explore.lever, Lever::Price);
    assert_eq!(run.at, LeverValue::Number(1.2));
    let values: Vec<f64> = run
        .explore
        .values
        .iter()
        .filter_map(|v| v.number())
        .collect();
    assert_eq!(values, [0.9, 1.0, 1.1, 1.2, 1.3, 1.4, 1.5]);
    exploration.wait();
    let points = exploration
        .current
        .as_ref()
        .and_then(|r| r.points())
        .expect("the exploration finished")
        .clone();
    assert_eq!(points.len(), 7);
    for p in points.iter() {
        for s in [p.retention, p.profit, p.customers] {
            assert!(s.low <= s.mean && s.mean <= s.high, "{p:?}");
        }
        assert!((0.0..=1.0).contains(&p.retention.mean), "{p:?}");
    }
    // A dearer café makes more per visit: over 20 days, 1.5 earns more than 0.9 on every seed.
    assert!(points[6].profit.low > points[0].profit.high, "{points:?}");
    // The game went on meanwhile, and it can go on now.
    fastest(&mut app);
    for _ in 0..20 {
        app.update();
    }
    assert!(day(&app) > day_asked);
}

/// A session code typed on the title screen chooses the scenario and the seed it names, and the
/// game starts on that world; a code for another version of a scenario is refused and changes
/// nothing.
#[test]
fn a_session_code_starts_every_team_on_the_same_world() {
    use customer_first::session::SessionCode;

    let mut app = app_with(Setup::bundled());
    let (software, deck) = {
        let setup = app.world().resource::<Setup>();
        let (_, s, d) = &setup.scenarios[1];
        (s.clone(), d.clone())
    };
    let code = SessionCode::new(&software, deck.as_ref(), Some(1), 4242);
    let mut edited = software.clone();
    edited.start.customers += 1;
    let stale = SessionCode::new(&edited, deck.as_ref(), Some(1), 4242);
    {
        let mut setup = app.world_mut().resource_mut::<Setup>();
        assert!(setup.join(&stale).is_err());
        assert_eq!(setup.chosen, 0, "a refused code changes nothing");
        setup.join(&code).unwrap();
        assert_eq!((setup.chosen, setup.seed), (1, 4242));
    }
    start(&mut app);
    assert_eq!(screen(&app), Screen::Playing);
    let m = app.world().resource::<Model>();
    assert_eq!(m.seed, 4242);
    assert_eq!(m.scenario, software);
}

#[test]
fn a_team_writes_its_results_and_the_class_screen_ranks_them() {
    use customer_first::game::class::ClassScreen;
    use customer_first::game::results::{ResultsRequest, ResultsStatus};
    use customer_first::game::saves::SaveConfig;
    use customer_first::headless::results_file::ResultsFile;
    use customer_first::session::SessionCode;

    let dir = scratch("results");
    let mut app = app_with(Setup::bundled());
    app.insert_resource(SaveConfig {
        dir: dir.clone(),
        autosave_days: 0,
    });
    let (cafe, deck) = {
        let setup = app.world().resource::<Setup>();
        let (_, s, d) = &setup.scenarios[0];
        (s.clone(), d.clone())
    };
    let code = SessionCode::new(&cafe, deck.as_ref(), Some(0), 777);
    {
        let mut setup = app.world_mut().resource_mut::<Setup>();
        setup.join(&code).unwrap();
        setup.team = "  Blue Team ".into();
    }
    start(&mut app);
    // A lever changed in the middle of a day, then the results file asked for on day 4.
    {
        let mut m = app.world_mut().resource_mut::<Model>();
        for _ in 0..(2 * m.clock().ticks_per_day + 5) {
            m.tick();
        }
        m.request(LeverSet {
            price: Some(1.1),
            ..Default::default()
        });
        for _ in 0..(2 * m.clock().ticks_per_day) {
            m.tick();
            if let Some(first) = m.pending_dilemma().and_then(|d| d.choices.first()) {
                let id = first.id.clone();
                m.choose(&id);
            }
        }
    }
    app.world_mut().write_message(ResultsRequest);
    app.update();
    let during = match &app.world().resource::<ResultsStatus>().last {
        Some(Ok(p)) => p.clone(),
        other => panic!("{other:?}"),
    };
    assert!(
        during.starts_with(dir.join("results")),
        "{}",
        during.display()
    );
    let f = ResultsFile::load(&during).unwrap();
    assert_eq!(f.team, "Blue Team");
    assert_eq!(f.session_code.as_deref(), Some(code.text().as_str()));
    assert_eq!(f.seed, 777);
    assert!(f.intact());
    assert!(f.decisions.iter().any(|d| d.set.price == Some(1.1)));
    // The game ends: its results file is written by itself.
    app.world_mut().resource_mut::<Model>().end_here();
    app.update();
    app.update();
    assert_eq!(screen(&app), Screen::End);
    let at_end = match &app.world().resource::<ResultsStatus>().last {
        Some(Ok(p)) => p.clone(),
        other => panic!("{other:?}"),
    };
    // One file per team and session: the one written mid-game is replaced.
    assert_eq!(at_end, during, "one file per team and session");
    let end = ResultsFile::load(&at_end).unwrap();
    assert!(end.days() > f.days());
    // The Class screen reads the folder in the background and replays the team's file exactly
    // (the player's mid-day change and choices included).
    {
        let mut class = app.world_mut().resource_mut::<ClassScreen>();
        class.folder = dir.join("results").display().to_string();
    }
    app.world_mut()
        .resource_mut::<NextState<Screen>>()
        .set(Screen::Class);
    app.update();
    app.update();
    assert_eq!(screen(&app), Screen::Class);
    app.world_mut().resource_mut::<ClassScreen>().wait();
    let class_screen = app.world().resource::<ClassScreen>();
    let class = class_screen.class.as_ref().expect("the folder was read");
    assert!(class.rejected.is_empty(), "{:?}", class.rejected);
    assert_eq!(class.teams.len(), 1);
    // Replayed here and ranked: a game the team ended, ranked with games stopped on its day.
    assert!(class.apart.is_empty(), "{:?}", class.apart);
    assert_eq!(class.groups.len(), 1);
    assert_eq!(class.groups[0].stopped, Some(end.days()));
    assert_eq!(class.groups[0].codes, [code.text()]);
    assert_eq!(class_screen.weights, cafe.weights());
    // Saved as a page beside the results (and not read back as a results file).
    app.world_mut()
        .write_message(customer_first::game::class::ClassExport);
    app.update();
    let page = dir.join("results").join("class.html");
    assert!(page.exists());
    // And every team's printable page beside it.
    assert_eq!(
        std::fs::read_dir(dir.join("results").join("debriefs"))
            .unwrap()
            .count(),
        1
    );
    let again = bevy::tasks::block_on(customer_first::headless::class::Class::load(
        &dir.join("results"),
        &[],
    ))
    .unwrap();
    assert!(again.rejected.is_empty());
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn a_timed_session_keeps_its_pace_and_stops_for_the_room_to_discuss() {
    use customer_first::game::session::Session;
    use customer_first::session::Preset;

    let mut setup = Setup::bundled();
    setup.preset = Preset::Workshop45;
    let mut app = app_with(setup);
    start(&mut app);
    let every = Preset::Workshop45.discuss_every_days().unwrap();
    {
        let s = app.world().resource::<Session>();
        assert_eq!(s.next_discussion, Some(every));
        let m = app.world().resource::<Model>();
        // The whole horizon in 30 minutes of play.
        let left = s.seconds_left(&m.scenario, 0, 0).unwrap();
        assert!((left - 1800.0).abs() < 0.5, "{left}");
    }
    // One frame of 50 ms runs the session's ticks whatever the speed chosen.
    app.world_mut().resource_mut::<Pace>().speed = 0;
    let before = app.world().resource::<Model>().clock().day * 48
        + app.world().resource::<Model>().clock().tick;
    for _ in 0..20 {
        app.update();
    }
    let after = app.world().resource::<Model>().clock().day * 48
        + app.world().resource::<Model>().clock().tick;
    let rate = app.world().resource::<Session>().rate.unwrap();
    assert!(
        (after - before) as f32 >= rate * 0.9 && (after - before) as f32 <= rate * 1.1 + 1.0,
        "{} ticks in a second at {rate} a second",
        after - before
    );
    // Up to the discussion's day (answering the dilemmas met: the workshop's on their days).
    let mut met = Vec::new();
    {
        let mut m = app.world_mut().resource_mut::<Model>();
        while m.clock().day < every {
            m.tick();
            if let Some(d) = m.pending_dilemma() {
                let (id, first) = (d.id.clone(), d.choices[0].id.clone());
                met.push((id, m.clock().day));
                m.choose(&first);
            }
        }
    }
    assert!(
        met.iter()
            .any(|(id, day)| id == "viral_complaint" && *day == 140),
        "{met:?}"
    );
    app.update();
    let day = app.world().resource::<Model>().clock().day;
    assert_eq!(app.world().resource::<Session>().discussing, Some(0));
    for _ in 0..10 {
        app.update();
    }
    assert_eq!(app.world().resource::<Model>().clock().day, day, "waits");
    assert_eq!(app.world().resource::<Model>().clock().tick, 0);
    // The trainer plays on: the next discussion is a half year later.
    app.world_mut().resource_mut::<Session>().close(1095);
    for _ in 0..10 {
        app.update();
    }
    let s = app.world().resource::<Session>();
    assert_eq!(
        (s.discussing, s.held, s.next_discussion),
        (None, 1, Some(2 * every))
    );
    assert!(app.world().resource::<Model>().clock().tick > 0);
}

/// A timed session saved between days and loaded in another game goes on where it was: its
/// pace, its discussions, and, in its results file, its preset and the world it shares with
/// the other teams, so the class view replays and trusts it.
#[test]
fn a_saved_timed_session_loads_as_the_same_session() {
    use customer_first::game::results::{ResultsRequest, ResultsStatus};
    use customer_first::game::saves::{SaveConfig, SaveRequest};
    use customer_first::game::session::Session;
    use customer_first::headless::class::{Class, Known};
    use customer_first::session::Preset;

    let dir = scratch("timed-save");
    let config = SaveConfig {
        dir: dir.clone(),
        autosave_days: 0,
    };
    let mut setup = Setup::bundled();
    setup.preset = Preset::Workshop45;
    setup.team = "Green".into();
    let mut app = app_with(setup);
    app.insert_resource(config.clone());
    start(&mut app);
    let every = Preset::Workshop45.discuss_every_days().unwrap();
    // Past the first discussion (answering the cards met), to a day's end.
    {
        let mut m = app.world_mut().resource_mut::<Model>();
        while m.clock().day < every {
            m.tick();
            if let Some(first) = m.pending_dilemma().map(|d| d.choices[0].id.clone()) {
                m.choose(&first);
            }
        }
    }
    app.update();
    app.world_mut().resource_mut::<Session>().close(1095);
    app.world_mut().resource_mut::<Pace>().paused = true;
    {
        let mut m = app.world_mut().resource_mut::<Model>();
        for _ in 0..(3 * m.clock().ticks_per_day) {
            m.tick();
            if let Some(first) = m.pending_dilemma().map(|d| d.choices[0].id.clone()) {
                m.choose(&first);
            }
        }
        assert_eq!(m.clock().tick, 0);
    }
    let before = app.world().resource::<Session>().clone();
    assert_eq!((before.held, before.next_discussion), (1, Some(2 * every)));
    app.world_mut()
        .write_message(SaveRequest::Save("workshop".into()));
    app.update();
    let file = dir.join("workshop.ron");
    assert!(file.exists());
    assert!(
        std::fs::read_to_string(&file)
            .unwrap()
            .contains("preset: Workshop45"),
        "the save says its session"
    );

    // Another game (free play on the title) loads it.
    let mut other = app_with(Setup::bundled());
    other.insert_resource(config);
    other.world_mut().write_message(SaveRequest::Load(file));
    other.update();
    other.update();
    assert_eq!(screen(&other), Screen::Playing);
    let loaded = other.world().resource::<Session>().clone();
    assert_eq!(loaded.preset, Preset::Workshop45);
    assert_eq!(loaded.rate, before.rate);
    assert_eq!(
        (loaded.held, loaded.next_discussion),
        (before.held, before.next_discussion)
    );
    assert_eq!(loaded.deck_as_read, before.deck_as_read);
    // Its results file names the session and the world as read, and is replayed and trusted.
    other.world_mut().write_message(ResultsRequest);
    other.update();
    let written = match &other.world().resource::<ResultsStatus>().last {
        Some(Ok(p)) => p.clone(),
        other => panic!("{other:?}"),
    };
    let f = customer_first::headless::results_file::ResultsFile::load(&written).unwrap();
    assert_eq!(f.preset, Preset::Workshop45);
    let class =
        bevy::tasks::block_on(Class::load(written.parent().unwrap(), &Known::bundled())).unwrap();
    assert_eq!(class.teams.len(), 1);
    assert!(class.apart.is_empty(), "{:?}", class.apart);
    let _ = std::fs::remove_dir_all(&dir);
}

/// The title screen offers every bundled scenario, each through the one loader: in the table's
/// order (session codes number them so), each with its whole deck, as `run` loads it.
#[test]
fn the_title_screen_offers_every_bundled_scenario_with_its_deck() {
    let setup = Setup::bundled();
    assert_eq!(setup.scenarios.len(), customer_first::bundle::ALL.len());
    for (i, (name, s, deck)) in setup.scenarios.iter().enumerate() {
        let b = customer_first::bundle::ALL[i];
        assert_eq!(name, b.scenario.path);
        let run = customer_first::headless::setup::bundled(i).unwrap();
        assert_eq!(s, &run.scenario, "{name}");
        assert_eq!(deck, &run.deck, "{name}");
        assert!(
            deck.as_ref().is_some_and(|d| !d.dilemmas.is_empty()),
            "{name} has its dilemmas"
        );
    }
}

/// "Play again" after the tutorial café opens its guide again, at the normal speed (the game
/// before was left at the fastest).
#[test]
fn play_again_on_the_tutorial_shows_the_guide_again_at_normal_speed() {
    use customer_first::game::guide::{GuideStep, Teaching};
    let dir = scratch("tutorial-again");
    let mut app = app_with_keyboard(&dir);
    let index = customer_first::bundle::named("tutorial-cafe").unwrap();
    app.world_mut().resource_mut::<Setup>().chosen = index;
    app.world_mut().write_message(StartGame);
    app.update();
    app.update();
    key(&mut app, KeyCode::Enter);
    assert_eq!(
        app.world().resource::<Teaching>().guide,
        Some(GuideStep::Floor)
    );
    key(&mut app, KeyCode::KeyS);
    assert_eq!(app.world().resource::<Teaching>().guide, None, "skipped");
    fastest(&mut app);
    app.world_mut().resource_mut::<Model>().end_here();
    app.update();
    app.update();
    assert_eq!(screen(&app), Screen::End);
    // The end screen's "Play again".
    app.world_mut().write_message(StartGame);
    app.update();
    app.update();
    assert_eq!(screen(&app), Screen::Playing);
    assert!(
        app.world().resource::<Teaching>().briefing,
        "the briefing first"
    );
    key(&mut app, KeyCode::Enter);
    assert_eq!(
        app.world().resource::<Teaching>().guide,
        Some(GuideStep::Floor),
        "the guide again"
    );
    assert_eq!(
        app.world().resource::<Pace>().speed,
        0,
        "at the normal speed"
    );
    let _ = std::fs::remove_dir_all(&dir);
}

/// Esc does one thing a press: it closes the inspector first, then opens the menu (pausing the
/// game), and closes it again leaving the clock as it was; Shift+Tab moves the focus back.
#[test]
fn escape_closes_one_thing_a_press_and_shift_tab_moves_back() {
    use customer_first::game::ui::Selected;
    let dir = scratch("escape");
    let mut app = app_with_keyboard(&dir);
    app.world_mut().resource_mut::<Setup>().brief = false;
    app.world_mut().write_message(StartGame);
    app.update();
    app.update();
    let paused = |app: &App| app.world().resource::<Pace>().paused;
    let menu = |app: &App| app.world().resource::<Focus>().menu_open;
    assert!(!paused(&app));
    app.world_mut().resource_mut::<Focus>().selected = Some(Selected::Visitor);
    key(&mut app, KeyCode::Escape);
    assert_eq!(app.world().resource::<Focus>().selected, None);
    assert!(
        !menu(&app) && !paused(&app),
        "the inspector closed, nothing else"
    );
    key(&mut app, KeyCode::Escape);
    assert!(
        menu(&app) && paused(&app),
        "the menu, the game paused behind it"
    );
    key(&mut app, KeyCode::Escape);
    assert!(!menu(&app) && !paused(&app), "closed, playing as before");
    // Paused before the menu: paused after it.
    key(&mut app, KeyCode::Space);
    assert!(paused(&app));
    key(&mut app, KeyCode::Escape);
    key(&mut app, KeyCode::Escape);
    assert!(!menu(&app) && paused(&app));
    // Tab forward, Shift+Tab back.
    let panel = |app: &App| app.world().resource::<Focus>().panel;
    assert_eq!(panel(&app), Panel::Levers);
    key(&mut app, KeyCode::Tab);
    assert_eq!(panel(&app), Panel::Book);
    {
        use bevy::input::ButtonState;
        common::key_event(&mut app, KeyCode::ShiftLeft, ButtonState::Pressed);
        key(&mut app, KeyCode::Tab);
        common::key_event(&mut app, KeyCode::ShiftLeft, ButtonState::Released);
    }
    assert_eq!(panel(&app), Panel::Levers);
    key(&mut app, KeyCode::Tab);
    key(&mut app, KeyCode::Tab);
    assert_eq!(panel(&app), Panel::Stakeholders);
    let _ = std::fs::remove_dir_all(&dir);
}

/// The room's discussion stays on screen behind the Esc menu and takes no key meanwhile: Enter
/// pressed in the menu once closed the discussion behind it, leaving a paused game with no
/// card and no "Play on".
#[test]
fn a_discussion_survives_the_menu() {
    use bevy_egui::egui;
    use customer_first::game::screens::playing::discussion;
    use customer_first::game::session::Session;
    use customer_first::session::Preset;
    let (scenario, deck) = common::bundled("cafe");
    let model = Model::new(scenario.clone(), 7, deck.clone());
    let mut session = Session::new(Preset::Workshop45, &scenario, deck);
    session.open();
    let ctx = egui::Context::default();
    let enter = |ctx: &egui::Context, session: &mut Session, keys: bool| {
        let input = egui::RawInput {
            events: vec![egui::Event::Key {
                key: egui::Key::Enter,
                physical_key: None,
                pressed: true,
                repeat: false,
                modifiers: Default::default(),
            }],
            ..Default::default()
        };
        let _ = ctx.run_ui(input, |ui| discussion(ui.ctx(), &model, session, keys));
    };
    enter(&ctx, &mut session, false);
    assert_eq!(
        session.discussing,
        Some(0),
        "Enter in the menu leaves it open"
    );
    enter(&ctx, &mut session, true);
    assert_eq!(session.discussing, None, "Enter without the menu plays on");
    assert_eq!(session.held, 1);
}
