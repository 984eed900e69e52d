//! The player's input that is not a widget: keyboard shortcuts (every action is reachable
//! without a mouse), lever steps from the keyboard, and clicks on the floor that select a
//! customer or a member of staff for the inspector.

use bevy::prelude::*;
use bevy::window::PrimaryWindow;

use crate::levers::{Lever, LeverSet, Levers};

use super::Screen;
use super::floor_view::{BOOK_COLUMNS, BookDot, StaffMark, VIEW_MAX, VIEW_MIN, Walker};
use super::model::{Model, Pace, SPEEDS};

/// The panels Tab cycles through.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Panel {
    #[default]
    Levers,
    /// The book of customers: arrows move a cursor over the dots, the inspector follows.
    Book,
    Stakeholders,
    Charts,
    Capital,
    /// A small sweep of one lever: arrows pick the lever, Enter runs it.
    Explore,
    Feed,
}

impl Panel {
    pub const ALL: [Panel; 7] = [
        Panel::Levers,
        Panel::Book,
        Panel::Stakeholders,
        Panel::Charts,
        Panel::Capital,
        Panel::Explore,
        Panel::Feed,
    ];

    pub fn next(self) -> Panel {
        let i = Panel::ALL.iter().position(|p| *p == self).unwrap_or(0);
        Panel::ALL[(i + 1) % Panel::ALL.len()]
    }
}

/// What the inspector shows.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Selected {
    /// A customer, by their id.
    Customer(u32),
    /// A first-time visitor (not a customer yet).
    Visitor,
    Employee(Entity),
}

#[derive(Resource, Debug, Clone)]
pub struct UiState {
    pub panel: Panel,
    pub menu_open: bool,
    pub lever_cursor: usize,
    pub selected: Option<Selected>,
    /// UI scale (projectors want bigger, high-DPI screens may want smaller).
    pub zoom: f32,
    /// Projector mode: the UI at least at the projector's scale, high contrast, the meters and
    /// the chart big, the feed folded away.
    pub projector: bool,
    /// The UI scale being dragged to (applied when the handle is let go, so that the screen
    /// does not rescale under the pointer).
    pub zoom_edit: Option<f32>,
    /// The chart shown.
    pub chart: usize,
    /// The lever the Explore panel explores (an index into `Lever::ALL`).
    pub explore_lever: usize,
    /// The day the charts mark (a feed line clicked).
    pub chart_day: Option<u32>,
    /// Free area for the floor, in the window's logical pixels (set by the panels each frame).
    pub floor_rect: Option<Rect>,
    /// Egui is using the pointer (a click there is not a click on the floor).
    pub pointer_on_panels: bool,
    /// Egui has keyboard focus (typing in a field is not a shortcut).
    pub typing: bool,
    /// The name typed for a save slot.
    pub slot_name: String,
    /// The book's dot under the keyboard cursor (when the book has the focus).
    pub book_cursor: usize,
    /// Where the floor, the stakeholder meters and the speed buttons were drawn last frame, in
    /// egui points (for the guide to point at).
    pub floor_points: Option<bevy_egui::egui::Rect>,
    pub meters_rect: Option<bevy_egui::egui::Rect>,
    pub speed_rect: Option<bevy_egui::egui::Rect>,
    /// Where each lever's control was drawn last frame, in egui points (for pointing at a
    /// lever, and for tests that click it).
    pub lever_rects: Vec<(Lever, Rect)>,
}

impl Default for UiState {
    fn default() -> Self {
        UiState {
            panel: Panel::Levers,
            menu_open: false,
            lever_cursor: 0,
            selected: None,
            zoom: 1.0,
            projector: false,
            zoom_edit: None,
            chart: 0,
            explore_lever: 0,
            chart_day: None,
            floor_rect: None,
            pointer_on_panels: false,
            typing: false,
            slot_name: "my-game".into(),
            book_cursor: 0,
            floor_points: None,
            meters_rect: None,
            speed_rect: None,
            lever_rects: Vec::new(),
        }
    }
}

/// One keyboard step of `lever` up (`dir` = 1) or down (−1) from `levers`, as a request; None
/// at the edge of its range (nothing would change, so nothing is logged).
pub fn lever_step(levers: &Levers, lever: Lever, dir: i32) -> Option<LeverSet> {
    let now = levers.get(lever);
    let next = lever.step(now, dir);
    (next != now).then(|| LeverSet::one(lever, next))
}

pub(super) fn plugin(app: &mut App) {
    app.init_resource::<UiState>().add_systems(
        Update,
        (keyboard, click_floor)
            .in_set(super::GameSet::Input)
            .run_if(in_state(Screen::Playing)),
    );
}

pub fn keyboard(
    keys: Res<ButtonInput<KeyCode>>,
    mut pace: ResMut<Pace>,
    mut ui: ResMut<UiState>,
    mut model: Option<ResMut<Model>>,
    dots: Query<&BookDot>,
    teaching: Option<Res<super::guide::Teaching>>,
    mut explore: MessageWriter<super::explore::ExploreRequest>,
) {
    // The briefing and the help take the keys while they are open (guide::teaching_keys).
    if ui.typing || teaching.is_some_and(|t| t.briefing || t.help) {
        return;
    }
    if keys.just_pressed(KeyCode::Escape) {
        ui.menu_open = !ui.menu_open;
        pace.paused = ui.menu_open || pace.paused;
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
        ui.panel = ui.panel.next();
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
fn pick_in_book(keys: &ButtonInput<KeyCode>, ui: &mut UiState, dots: &Query<&BookDot>) {
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

/// The world position under the cursor, given where the floor is drawn.
pub fn cursor_world(window: &Window, camera: (&Camera, &GlobalTransform)) -> Option<Vec2> {
    let pos = window.cursor_position()?;
    camera.0.viewport_to_world_2d(camera.1, pos).ok()
}

fn click_floor(
    buttons: Res<ButtonInput<MouseButton>>,
    window: Option<Single<&Window, With<PrimaryWindow>>>,
    camera: Option<Single<(&Camera, &GlobalTransform)>>,
    mut ui: ResMut<UiState>,
    walkers: Query<(&Walker, &GlobalTransform)>,
    staff: Query<(&StaffMark, &GlobalTransform)>,
    dots: Query<(&BookDot, &GlobalTransform)>,
) {
    if !buttons.just_pressed(MouseButton::Left) || ui.pointer_on_panels {
        return;
    }
    let (Some(window), Some(camera)) = (window, camera) else {
        return;
    };
    let Some(at) = cursor_world(&window, (camera.0, camera.1)) else {
        return;
    };
    let near = |p: &GlobalTransform, r: f32| p.translation().truncate().distance(at) <= r;
    if let Some((w, _)) = walkers.iter().find(|(_, p)| near(p, 10.0)) {
        ui.selected = Some(match w.visitor {
            crate::sim::day::Visitor::Returning { customer, .. } => Selected::Customer(customer),
            crate::sim::day::Visitor::New { .. } => Selected::Visitor,
        });
    } else if let Some(e) = staff
        .iter()
        .find(|(_, p)| near(p, 14.0))
        .and_then(|(m, _)| m.employee)
    {
        ui.selected = Some(Selected::Employee(e));
    } else if let Some(c) = dots
        .iter()
        .find(|(d, p)| d.customer.is_some() && near(p, 4.5))
        .and_then(|(d, _)| d.customer)
    {
        ui.selected = Some(Selected::Customer(c));
    }
}

/// Fits the floor into the free area between the panels.
pub fn fit_camera(
    ui: Res<UiState>,
    window: Option<Single<&Window, With<PrimaryWindow>>>,
    camera: Option<Single<(&mut Transform, &mut Projection), With<Camera2d>>>,
) {
    let (Some(window), Some(camera)) = (window, camera) else {
        return;
    };
    let (mut tf, mut proj) = camera.into_inner();
    let size = Vec2::new(window.width(), window.height());
    let rect = ui
        .floor_rect
        .unwrap_or(Rect::from_corners(Vec2::ZERO, size));
    if rect.width() < 10.0 || rect.height() < 10.0 {
        return;
    }
    let world = VIEW_MAX - VIEW_MIN;
    let scale = (world.x / rect.width()).max(world.y / rect.height());
    // The free area's centre, relative to the window's centre (y up in the world).
    let offset = rect.center() - size / 2.0;
    let centre = (VIEW_MIN + VIEW_MAX) / 2.0;
    tf.translation.x = centre.x - offset.x * scale;
    tf.translation.y = centre.y + offset.y * scale;
    if let Projection::Orthographic(o) = &mut *proj {
        o.scale = scale;
    }
}
