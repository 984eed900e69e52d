//! The player's keys that are not a widget's: keyboard shortcuts (every action is reachable
//! without a mouse), lever steps, and the cursor over the book of customers. Clicks on the floor
//! are the floor's ([`super::floor_view`]).

use bevy::ecs::system::SystemParam;
use bevy::prelude::*;

use crate::levers::{Lever, LeverSet, Levers};

use super::floor_view::{BOOK_COLUMNS, BookDot};
use super::model::{Model, Pace, SPEEDS};
use super::state::{GameSet, Screen};
use super::ui::{Focus, Layout, Panel, Selected};

/// One keyboard step of `lever` up (`dir` = 1) or down (−1) from `levers`, as a request; None
/// at the edge of its range (nothing would change, so nothing is logged).
pub fn lever_step(levers: &Levers, lever: Lever, dir: i32) -> Option<LeverSet> {
    let now = levers.get(lever);
    let next = lever.step(now, dir);
    (next != now).then(|| LeverSet::one(lever, next))
}

pub(super) fn plugin(app: &mut App) {
    app.add_systems(
        Update,
        keyboard
            .in_set(GameSet::Input)
            .before(super::guide::teaching_keys)
            .run_if(in_state(Screen::Playing)),
    );
}

/// What may take the keys before the game's shortcuts: a text field being typed in, and the
/// briefing or the help while they are open (their keys are [`super::guide::teaching_keys`]).
#[derive(SystemParam)]
pub struct KeysTaken<'w> {
    layout: Res<'w, Layout>,
    teaching: Option<Res<'w, super::guide::Teaching>>,
}

impl KeysTaken<'_> {
    pub fn taken(&self) -> bool {
        self.layout.typing || self.teaching.as_ref().is_some_and(|t| t.briefing || t.help)
    }
}

pub fn keyboard(
    keys: Res<ButtonInput<KeyCode>>,
    taken: KeysTaken,
    mut pace: ResMut<Pace>,
    mut ui: ResMut<Focus>,
    mut model: Option<ResMut<Model>>,
    dots: Query<&BookDot>,
    mut explore: MessageWriter<super::explore::ExploreRequest>,
) {
    if taken.taken() {
        return;
    }
    if keys.just_pressed(KeyCode::Escape) {
        ui.escape(&mut pace.paused);
    }
    if ui.menu_open {
        return;
    }
    if keys.just_pressed(KeyCode::Space) {
        pace.paused = !pace.paused;
    }
    // While a dilemma card waits, the digits choose on the card (1–4), not the speed: choosing
    // option 2 must not drop the game from the fastest speed to 2×.
    let card: Option<Vec<String>> = model.as_ref().and_then(|m| {
        m.pending_dilemma()
            .map(|d| d.choices.iter().map(|c| c.id.clone()).collect())
    });
    for (i, k) in [
        KeyCode::Digit1,
        KeyCode::Digit2,
        KeyCode::Digit3,
        KeyCode::Digit4,
        KeyCode::Digit5,
    ]
    .into_iter()
    .enumerate()
    {
        if !keys.just_pressed(k) {
            continue;
        }
        match (&card, model.as_deref_mut()) {
            (Some(choices), Some(m)) => {
                if let Some(id) = choices.get(i).filter(|_| i < 4) {
                    m.choose(id);
                }
            }
            _ if i < SPEEDS.len() => {
                pace.speed = i;
                pace.paused = false;
            }
            _ => {}
        }
    }
    if keys.just_pressed(KeyCode::Tab) {
        let back = keys.any_pressed([KeyCode::ShiftLeft, KeyCode::ShiftRight]);
        ui.panel = if back {
            ui.panel.previous()
        } else {
            ui.panel.next()
        };
    }
    if ui.panel == Panel::Charts {
        if keys.just_pressed(KeyCode::ArrowRight) {
            ui.chart = (ui.chart + 1) % crate::headless::charts::CHARTS.len();
        }
        if keys.just_pressed(KeyCode::ArrowLeft) {
            ui.chart = (ui.chart + crate::headless::charts::CHARTS.len() - 1)
                % crate::headless::charts::CHARTS.len();
        }
    }
    if ui.panel == Panel::Explore {
        let n = Lever::ALL.len();
        if keys.just_pressed(KeyCode::ArrowRight) || keys.just_pressed(KeyCode::ArrowDown) {
            ui.explore_lever = (ui.explore_lever + 1) % n;
        }
        if keys.just_pressed(KeyCode::ArrowLeft) || keys.just_pressed(KeyCode::ArrowUp) {
            ui.explore_lever = (ui.explore_lever + n - 1) % n;
        }
        if keys.just_pressed(KeyCode::Enter) {
            explore.write(super::explore::ExploreRequest(
                Lever::ALL[ui.explore_lever.min(n - 1)],
            ));
        }
    }
    if ui.panel == Panel::Book {
        pick_in_book(&keys, &mut ui, &dots);
    }
    if ui.panel == Panel::Levers {
        if keys.just_pressed(KeyCode::ArrowDown) {
            ui.lever_cursor = (ui.lever_cursor + 1) % Lever::ALL.len();
        }
        if keys.just_pressed(KeyCode::ArrowUp) {
            ui.lever_cursor = (ui.lever_cursor + Lever::ALL.len() - 1) % Lever::ALL.len();
        }
        let dir = if keys.just_pressed(KeyCode::ArrowRight) {
            1
        } else if keys.just_pressed(KeyCode::ArrowLeft) {
            -1
        } else {
            0
        };
        if dir != 0
            && let Some(mut model) = model
        {
            // From the levers as the player's pending changes leave them: two presses while
            // paused are two steps, one decision.
            let levers = model.levers_requested();
            let lever = Lever::ALL[ui.lever_cursor.min(Lever::ALL.len() - 1)];
            if let Some(set) = lever_step(&levers, lever, dir) {
                // Refused while a dilemma waits; the panel says so.
                let _ = model.request(set);
            }
        }
    }
}

/// With the book focused: ←→ move the cursor one customer, ↑↓ one row; the inspector shows the
/// customer under it (the cursor stays on the dots that show someone).
fn pick_in_book(keys: &ButtonInput<KeyCode>, ui: &mut Focus, dots: &Query<&BookDot>) {
    let shown = dots.iter().filter(|d| d.customer.is_some()).count();
    if shown == 0 {
        return;
    }
    let step: i64 = [
        (KeyCode::ArrowRight, 1),
        (KeyCode::ArrowLeft, -1),
        (KeyCode::ArrowDown, BOOK_COLUMNS as i64),
        (KeyCode::ArrowUp, -(BOOK_COLUMNS as i64)),
    ]
    .iter()
    .filter(|(k, _)| keys.just_pressed(*k))
    .map(|(_, d)| d)
    .sum();
    let moved = step != 0 || ui.book_cursor >= shown;
    ui.book_cursor = (ui.book_cursor as i64 + step).clamp(0, shown as i64 - 1) as usize;
    if moved || ui.selected.is_none() {
        ui.selected = dots
            .iter()
            .find(|d| d.index == ui.book_cursor)
            .and_then(|d| d.customer)
            .map(Selected::Customer);
    }
}
