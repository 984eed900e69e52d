//! The floor's camera and clicks: the floor fitted into the free area between the panels, its labels kept readable, and a
//! click on a walker, a member of staff or a dot of the book selecting them for the inspector.

use bevy::ecs::system::SystemParam;
use bevy::prelude::*;
use bevy::window::PrimaryWindow;

use super::{BookDot, StaffMark, VIEW_MAX, VIEW_MIN, Walker};
use crate::game::ui::{Focus, Layout, Look, Selected};

/// Fits the floor into the free area between the panels.
pub fn fit_camera(
    layout: Res<Layout>,
    window: Option<Single<&Window, With<PrimaryWindow>>>,
    camera: Option<Single<(&mut Transform, &mut Projection), With<Camera2d>>>,
) {
    let (Some(window), Some(camera)) = (window, camera) else {
        return;
    };
    let (mut tf, mut proj) = camera.into_inner();
    let size = Vec2::new(window.width(), window.height());
    let rect = layout
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

/// The world position under the cursor, given where the floor is drawn.
pub fn cursor_world(window: &Window, camera: (&Camera, &GlobalTransform)) -> Option<Vec2> {
    let pos = window.cursor_position()?;
    camera.0.viewport_to_world_2d(camera.1, pos).ok()
}

/// What a click on the floor can pick, and where each is.
#[derive(SystemParam)]
pub struct Pickable<'w, 's> {
    walkers: Query<'w, 's, (&'static Walker, &'static GlobalTransform)>,
    staff: Query<'w, 's, (&'static StaffMark, &'static GlobalTransform)>,
    dots: Query<'w, 's, (&'static BookDot, &'static GlobalTransform)>,
}

pub fn click_floor(
    buttons: Res<ButtonInput<MouseButton>>,
    window: Option<Single<&Window, With<PrimaryWindow>>>,
    camera: Option<Single<(&Camera, &GlobalTransform)>>,
    layout: Res<Layout>,
    mut ui: ResMut<Focus>,
    pickable: Pickable,
) {
    let Pickable {
        walkers,
        staff,
        dots,
    } = pickable;
    if !buttons.just_pressed(MouseButton::Left) || layout.pointer_on_panels {
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

/// A floor label that is enlarged when the floor is drawn small (a narrow window, a large UI
/// scale), so that it reads at least as large as the panels' small text: its size in world
/// units.
#[derive(Component, Debug, Clone, Copy)]
pub struct Readable(pub f32);

/// Text on screen is at least this many pixels high (times the UI scale).
const READABLE_PX: f32 = 11.0;

/// How much to enlarge a label of `size` world units, drawn at `world_per_px`, with the UI at
/// `zoom` (never shrunk, at most 2.5 times).
pub fn readable_scale(size: f32, world_per_px: f32, zoom: f32) -> f32 {
    (READABLE_PX * zoom * world_per_px / size.max(1.0)).clamp(1.0, 2.5)
}

/// Keeps the floor's labels readable as the camera's scale and the UI scale change.
pub fn keep_readable(
    (look, layout): (Res<Look>, Res<crate::game::ui::Layout>),
    camera: Query<&Projection, With<Camera2d>>,
    mut labels: Query<(&Readable, &mut Transform)>,
) {
    let Some(Projection::Orthographic(o)) = camera.iter().next() else {
        return;
    };
    for (r, mut tf) in &mut labels {
        let k = readable_scale(r.0, o.scale, layout.ui_scale.max(look.zoom));
        if (tf.scale.x - k).abs() > 1e-3 {
            tf.scale = Vec3::new(k, k, 1.0);
        }
    }
}
