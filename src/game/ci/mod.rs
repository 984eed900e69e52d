//! Hooks for scripted runs in a real window (Bevy's `bevy_ci_testing`, driven by `.ci/smoke`):
//! custom events that start a game, change the speed, answer a dilemma, inspect a customer, end
//! the game and ask for a what-if. Native builds only: `bevy_ci_testing` cannot build for wasm.

use bevy::dev_tools::ci_testing::CiTestingCustomEvent;
use bevy::ecs::system::SystemParam;
use bevy::prelude::*;

use crate::headless::whatif::WhatIf;

use super::debrief::EndSummary;
use super::floor_view::BookDot;
use super::model::{Model, Pace, SPEEDS};
use super::state::{GameSet, Screen, Setup, StartGame};
use super::ui::{Focus, Look, Panel, Selected};
use super::whatif::{WhatIfRequest, WhatIfs};

mod measure;
mod screen_text;

use measure::{FrameLog, mill_crowd, spawn_crowd, time_frames};
use screen_text::{TextRecord, record_text};

pub(super) fn plugin(app: &mut App) {
    app.add_systems(Update, ci_events)
        .add_systems(Update, mill_crowd.after(GameSet::View));
    if let Some(file) = std::env::var_os("CUSTOMER_FIRST_FRAME_LOG") {
        app.insert_resource(FrameLog {
            file: file.into(),
            current: None,
        })
        .add_systems(Last, time_frames);
    }
    if let Some(file) = std::env::var_os("CUSTOMER_FIRST_RECORD_TEXT") {
        app.insert_resource(TextRecord::new(file.into()))
            .add_systems(
                PostUpdate,
                record_text
                    .after(bevy_egui::EguiPostUpdateSet::EndPass)
                    .before(bevy_egui::EguiPostUpdateSet::ProcessOutput),
            );
    }
}

/// The game just ended, if it has, and where to ask for its what-if.
#[derive(SystemParam)]
struct EndOfGame<'w> {
    summary: Option<Res<'w, EndSummary>>,
    what_ifs: Option<Res<'w, WhatIfs>>,
    requests: MessageWriter<'w, WhatIfRequest>,
}

/// The trainer's tools: the Class screen opened on a folder, the session's discussions.
#[derive(bevy::ecs::system::SystemParam)]
struct ClassControl<'w> {
    screen: ResMut<'w, crate::game::class::ClassScreen>,
    next: ResMut<'w, NextState<Screen>>,
    session: ResMut<'w, crate::game::session::Session>,
}

/// People put on the floor for measuring frame times, and where the times go.
#[derive(SystemParam)]
struct Measuring<'w, 's> {
    commands: Commands<'w, 's>,
    frames: Option<ResMut<'w, FrameLog>>,
    art: Option<Res<'w, super::floor_view::Art>>,
}

/// Keys pressed in the game's window, as the window system reports them.
#[derive(SystemParam)]
struct Keys<'w, 's> {
    keyboard: MessageWriter<'w, bevy::input::keyboard::KeyboardInput>,
    window: Query<'w, 's, Entity, With<bevy::window::PrimaryWindow>>,
}

/// The game a script plays: starting it, its clock, the player's focus, the book's dots, the
/// model, Explore, the guide and the setup.
#[derive(SystemParam)]
struct Game<'w, 's> {
    start: MessageWriter<'w, StartGame>,
    pace: ResMut<'w, Pace>,
    ui: ResMut<'w, Focus>,
    dots: Query<'w, 's, &'static BookDot>,
    model: Option<ResMut<'w, Model>>,
    explore: crate::game::explore::ExploreControl<'w>,
    teaching: ResMut<'w, crate::game::guide::Teaching>,
    setup: ResMut<'w, Setup>,
}

/// How the game looks, changed by a script between screens, so that one launch of the game visits
/// several window sizes, languages, scales and projector modes: the window, the language, and
/// where the screen's texts are recorded.
#[derive(SystemParam)]
struct Looks<'w, 's> {
    lang: ResMut<'w, crate::i18n::Lang>,
    windows: Query<'w, 's, &'static mut Window, With<bevy::window::PrimaryWindow>>,
    record: Option<ResMut<'w, TextRecord>>,
    look: ResMut<'w, Look>,
}

/// The key a script names: Enter, Space, Tab, Escape, F1, the arrows, Digit1–Digit4, A–Z.
fn key_code(name: &str) -> Option<KeyCode> {
    Some(match name {
        "Enter" => KeyCode::Enter,
        "Space" => KeyCode::Space,
        "Tab" => KeyCode::Tab,
        "Escape" => KeyCode::Escape,
        "F1" => KeyCode::F1,
        "ArrowLeft" => KeyCode::ArrowLeft,
        "ArrowRight" => KeyCode::ArrowRight,
        "ArrowUp" => KeyCode::ArrowUp,
        "ArrowDown" => KeyCode::ArrowDown,
        "Digit1" => KeyCode::Digit1,
        "Digit2" => KeyCode::Digit2,
        "Digit3" => KeyCode::Digit3,
        "Digit4" => KeyCode::Digit4,
        "KeyS" => KeyCode::KeyS,
        _ => return None,
    })
}

/// A key pressed and let go in the game's window, as the window system reports it (the game
/// and its UI read it next frame, through Bevy's input, exactly as a typed key).
fn press(
    keyboard: &mut MessageWriter<bevy::input::keyboard::KeyboardInput>,
    window: Option<Entity>,
    code: KeyCode,
) {
    use bevy::input::ButtonState;
    use bevy::input::keyboard::{Key, KeyboardInput, NativeKey};
    for state in [ButtonState::Pressed, ButtonState::Released] {
        keyboard.write(KeyboardInput {
            key_code: code,
            logical_key: Key::Unidentified(NativeKey::Unidentified),
            state,
            text: None,
            repeat: false,
            window: window.unwrap_or(Entity::PLACEHOLDER),
        });
    }
}

/// Custom events from a CI testing script: "key:NAME" presses a key (Enter, Tab, ArrowRight,
/// Digit1…, KeyS), "guide-result-wait" runs the days until the guide's result step is due,
/// "start" starts the chosen scenario, "begin" closes
/// its briefing as Enter does, "pause" stops the clock, "crowd:N" puts N more people on the floor (for measuring frame
/// times, with "measure:NAME" and "measure-end"), "fastest" runs
/// at full speed, "normal" at 1×, "inspect" focuses the book and inspects its first customer, "choose"
/// takes the first choice of a pending dilemma (or goes on from a big event's card), "whatif" (on the end screen) replays the game
/// with the first dilemma answered otherwise (or the first lever change undone), "end" ends the
/// game as the menu's "End the game here" does, "explore" opens the Explore panel and explores
/// the price, "explore-wait" waits for that exploration to finish, "team:NAME" names the team
/// (as the title's field), "session:20|45|free" chooses the session (as the title does),
/// "discuss" opens the timed session's next discussion now (as its day does), "class:FOLDER" opens the Class screen on a folder of results files and
/// "class-wait" waits until they are read, "browse" opens its folder chooser on the folder
/// above and "browse-close" closes it. Between screens: "title" goes back to the title
/// screen (as the menu's button does), "scenario:NAME" chooses a scenario on it (by its file's
/// name), "lang:en|zh-CN" switches the language, "window:WIDTHxHEIGHT" resizes the window,
/// "zoom:SCALE" sets the UI scale, "projector:on|off" projector mode, and "record:FILE" records
/// the screen's texts to another file from now on.
fn ci_events(
    mut events: MessageReader<CiTestingCustomEvent>,
    crowd: Measuring,
    keys: Keys,
    game: Game,
    end: EndOfGame,
    mut class: ClassControl,
    mut looks: Looks,
) {
    let Measuring {
        mut commands,
        mut frames,
        art,
    } = crowd;
    let Keys {
        mut keyboard,
        window,
    } = keys;
    let Game {
        mut start,
        mut pace,
        mut ui,
        dots,
        mut model,
        mut explore,
        mut teaching,
        mut setup,
    } = game;
    let (summary, what_ifs, mut what_if) = (end.summary, end.what_ifs, end.requests);
    for e in events.read() {
        match e.0.as_str() {
            "choose" => {
                if let Some(m) = model.as_deref_mut() {
                    match m
                        .pending_dilemma()
                        .and_then(|d| d.choices.first())
                        .map(|c| c.id.clone())
                    {
                        Some(first) => {
                            m.choose(&first);
                        }
                        // A big event's card: "Go on".
                        None => m.news_card = None,
                    }
                }
            }
            "start" => {
                start.write(StartGame);
            }
            "whatif" => {
                let (Some(sum), Some(w)) = (summary.as_deref(), what_ifs.as_deref()) else {
                    continue;
                };
                let other = sum.result.choices.first().and_then(|c| {
                    let d = w.deck.as_ref()?.get(&c.dilemma)?;
                    let o = d.choices.iter().find(|x| x.id != c.choice)?;
                    Some(WhatIf::Choose {
                        dilemma: c.dilemma.clone(),
                        choice: o.id.clone(),
                    })
                });
                what_if.write(WhatIfRequest(other.unwrap_or(WhatIf::Undo(1))));
            }
            "begin" => {
                // As Enter does on the briefing.
                let setup = setup.as_ref().clone();
                crate::game::guide::begin(
                    &mut teaching,
                    &mut pace,
                    &setup,
                    &mut ui,
                    model.as_deref(),
                );
            }
            "explore" => {
                ui.panel = Panel::Explore;
                ui.explore_lever = 0;
                // The inspector steps aside, so the panel is in full view.
                ui.selected = None;
                explore.requests.write(crate::game::explore::ExploreRequest(
                    crate::levers::Lever::ALL[0],
                ));
            }
            "explore-wait" => explore.exploration.wait(),
            "guide-result-wait" => {
                // The days to the guide's result step, run at once (stopping at a card).
                let due = teaching
                    .tried
                    .as_ref()
                    .map(|t| t.day + crate::game::guide::RESULT_DAYS);
                if let (Some(due), Some(m)) = (due, model.as_deref_mut()) {
                    while m.clock().day < due
                        && m.pending_dilemma().is_none()
                        && m.game_over().is_none()
                    {
                        m.tick();
                    }
                    // And the replay without the change at once, so the next screenshot
                    // shows the result.
                    if let Some(t) = teaching.tried.as_mut()
                        && t.ready(m.clock().day)
                    {
                        t.replay_now(m);
                    }
                }
            }
            "fastest" => pace.speed = SPEEDS.len() - 1,
            "normal" => pace.speed = 0,
            "pause" => pace.paused = true,
            "end" => {
                if let Some(m) = model.as_deref_mut() {
                    m.end_here();
                }
            }
            "inspect" => {
                // As the keyboard does it: the book focused, its first customer inspected.
                ui.panel = Panel::Book;
                ui.book_cursor = 0;
                ui.selected = dots
                    .iter()
                    .find(|d| d.index == 0)
                    .and_then(|d| d.customer)
                    .map(Selected::Customer)
            }
            "measure-end" => {
                if let Some(f) = frames.as_deref_mut() {
                    f.close();
                }
            }
            other if other.starts_with("measure:") => {
                if let Some(f) = frames.as_deref_mut() {
                    f.close();
                    f.current = Some((other["measure:".len()..].to_string(), Vec::new()));
                }
            }
            other if other.starts_with("code:") => {
                // As typing a session code on the title screen and pressing Join.
                setup.code_text = other["code:".len()..].to_string();
                if crate::game::screens::title::join_typed(&mut setup, *looks.lang) {
                    start.write(StartGame);
                }
            }
            other if other.starts_with("class:") => {
                // The title's Class view, reading this folder.
                class.screen.folder = other["class:".len()..].to_string();
                class.screen.class = None;
                class.next.set(Screen::Class);
            }
            "class-wait" => class.screen.wait(),
            "browse" => {
                // The Class screen's "Browse…", from the folder above the one read.
                let from = std::path::PathBuf::from(class.screen.folder.trim());
                let from = from.parent().map(|p| p.to_path_buf()).unwrap_or(from);
                class.screen.picker.open(&from);
            }
            "browse-close" => class.screen.picker.close(),
            other if other.starts_with("session:") => {
                match crate::session::Preset::parse(&other["session:".len()..]) {
                    Some(p) => setup.preset = p,
                    None => warn!("\"{other}\": expected session:20, session:45 or session:free"),
                }
            }
            "discuss" => class.session.open(),
            other if other.starts_with("team:") => {
                setup.team = other["team:".len()..].to_string();
            }
            other if other.starts_with("crowd:") => match other["crowd:".len()..].parse::<u32>() {
                Ok(n) => spawn_crowd(&mut commands, art.as_deref(), n),
                Err(_) => warn!("\"{other}\": expected crowd:NUMBER"),
            },
            other if other.starts_with("key:") => match key_code(&other["key:".len()..]) {
                Some(code) => press(&mut keyboard, window.single().ok(), code),
                None => warn!("\"{other}\": expected key:Enter, Tab, ArrowRight, Digit1…4 or KeyS"),
            },
            "title" => class.next.set(Screen::Title),
            other if other.starts_with("scenario:") => {
                let name = &other["scenario:".len()..];
                let found = setup.scenarios.iter().position(|(path, ..)| {
                    std::path::Path::new(path)
                        .file_stem()
                        .and_then(|s| s.to_str())
                        == Some(name)
                });
                match found {
                    Some(i) => setup.choose(i),
                    None => warn!("\"{other}\": no such scenario on the title screen"),
                }
            }
            other if other.starts_with("lang:") => match crate::i18n::Lang::parse(&other[5..]) {
                Some(l) => *looks.lang = l,
                None => warn!("\"{other}\": expected lang:en or lang:zh-CN"),
            },
            other if other.starts_with("window:") => {
                match crate::settings::WindowSize::parse(&other["window:".len()..]) {
                    Ok(size) => {
                        for mut w in &mut looks.windows {
                            w.resolution
                                .set_physical_resolution(size.width, size.height);
                        }
                    }
                    Err(e) => warn!("\"{other}\": {e}"),
                }
            }
            other if other.starts_with("zoom:") => match other[5..].parse::<f32>() {
                Ok(z) => {
                    looks.look.zoom = z;
                    looks.look.zoom_edit = None;
                }
                Err(_) => warn!("\"{other}\": expected zoom:NUMBER"),
            },
            "projector:on" => looks.look.projector = true,
            "projector:off" => looks.look.projector = false,
            other if other.starts_with("record:") => {
                if let Some(r) = looks.record.as_deref_mut() {
                    r.to(other["record:".len()..].into());
                }
            }
            other => warn!("unknown custom CI event \"{other}\""),
        }
    }
}
