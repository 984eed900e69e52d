//! The floor as the player sees it: the business drawn as a room (the door, the queue between
//! its ropes, tables, the counter or service desk and the staff behind it, the way out) with
//! little people in it, and above it the book of customers, one dot each. Customers wear their
//! group's colour and a face for their mood; staff wear aprons and a face for their morale.
//! The view follows the model: it reads the floor's queue and servers and the tick's events, and
//! moves people smoothly between ticks. Colours come from a colour-blind-safe scale (Okabe–Ito
//! vermilion, grey, blue), and every mood is also a face, for players who cannot tell them apart.

use std::collections::BTreeMap;

use bevy::prelude::*;

use crate::levers::Levers;
use crate::scenario::RevenueModel;
use crate::sim::customers::Customers;
use crate::sim::day::Visitor;
use crate::sim::floor::FloorEvent;
use crate::sim::staff::Employee;

pub mod art;
pub mod book;
pub mod staff;
pub mod walkers;

pub use art::{Art, Icon, Look, Pose};

use super::Screen;
use crate::i18n::Lang;
use crate::tr;

/// The part of the world the camera must show: the book above, the room below.
pub const VIEW_MIN: Vec2 = Vec2::new(-330.0, -270.0);
pub const VIEW_MAX: Vec2 = Vec2::new(290.0, 306.0);

/// The room: its walls, the door on the left, the exit at the bottom.
const ROOM_MIN: Vec2 = Vec2::new(-330.0, -250.0);
const ROOM_MAX: Vec2 = Vec2::new(290.0, 92.0);
const WALL: f32 = 30.0;
pub const DOOR: Vec2 = Vec2::new(-307.0, -60.0);
pub const OUTSIDE: Vec2 = Vec2::new(-370.0, -60.0);
pub const EXIT: Vec2 = Vec2::new(0.0, -300.0);
pub const GAVE_UP: Vec2 = Vec2::new(-370.0, -100.0);
const QUEUE_START: Vec2 = Vec2::new(-262.0, -60.0);
const QUEUE_STEP: f32 = 21.0;
/// Queue places drawn; the rest are counted.
pub const QUEUE_DRAWN: usize = 15;
const COUNTER_X: f32 = 110.0;
const SERVICE_TOP: f32 = 40.0;
const SERVICE_BOTTOM: f32 = -200.0;
/// Service points drawn (a bigger team is drawn up to this many).
pub const POINTS_DRAWN: usize = 14;

/// Dots in the book of customers.
pub const BOOK_DOTS: usize = 2_000;
pub const BOOK_COLUMNS: usize = 80;
const BOOK_ORIGIN: Vec2 = Vec2::new(-320.0, 290.0);
const BOOK_STEP: f32 = 7.6;

const WALK_SPEED: f32 = 300.0;

/// A person's drawn size (body; the head sits on it).
pub const BODY_SIZE: Vec2 = Vec2::new(19.0, 26.6);
pub const HEAD_SIZE: f32 = 15.5;
const HEAD_AT: Vec2 = Vec2::new(0.0, 15.0);
const BUBBLE_AT: Vec2 = Vec2::new(13.0, 37.0);
const BUBBLE_SIZE: f32 = 22.0;

/// The shared palette (Okabe–Ito, safe for the common colour-vision deficiencies; the charts
/// and the debrief use the same): vermilion for what went wrong, amber for money and stars,
/// blue for loyalty, ink for text on white.
pub const VERMILION: Color = Color::srgb(0.835, 0.369, 0.0);
pub const AMBER: Color = Color::srgb(0.902, 0.624, 0.0);
pub const BLUE: Color = Color::srgb(0.0, 0.447, 0.698);
pub const INK: Color = Color::srgb(0.15, 0.15, 0.18);
/// Clothing by customer group (never the mood's colours, which the faces carry).
const CLOTHES: [Color; 4] = [
    Color::srgb(0.80, 0.47, 0.65),
    Color::srgb(0.0, 0.62, 0.45),
    Color::srgb(0.86, 0.80, 0.30),
    Color::srgb(0.50, 0.55, 0.68),
];
/// The staff's aprons.
const APRON: Color = Color::srgb(0.33, 0.42, 0.36);

pub fn clothes(segment: u8) -> Color {
    CLOTHES[segment as usize % CLOTHES.len()]
}

/// Mood 0–10 to a colour: detractors (0–6) vermilion to amber, passives (7–8) grey, promoters
/// (9–10) blue. Distinguishable with the common colour-vision deficiencies.
pub fn mood_colour(mood: f32) -> Color {
    let m = if mood.is_finite() {
        mood.clamp(0.0, 10.0)
    } else {
        5.0
    };
    let vermilion = Vec3::new(0.835, 0.369, 0.0);
    let amber = Vec3::new(0.902, 0.624, 0.0);
    let grey = Vec3::new(0.72, 0.72, 0.72);
    let sky = Vec3::new(0.337, 0.706, 0.914);
    let blue = Vec3::new(0.0, 0.447, 0.698);
    let c = if m < 7.0 {
        vermilion.lerp(amber, m / 7.0)
    } else if m < 9.0 {
        grey
    } else {
        sky.lerp(blue, m - 9.0)
    };
    Color::srgb(c.x, c.y, c.z)
}

/// Morale 0–1 to a colour on the same scale (low is vermilion, high is blue).
pub fn morale_colour(morale: f32) -> Color {
    mood_colour(morale.clamp(0.0, 1.0) * 10.0)
}

/// A first-time visitor, not yet a customer.
pub const NEW_VISITOR: Color = Color::srgb(0.95, 0.95, 0.95);

pub fn queue_slot(i: usize) -> Vec2 {
    QUEUE_START + Vec2::new(QUEUE_STEP * i as f32, 0.0)
}

pub fn service_point(i: usize, n: usize) -> Vec2 {
    let n = n.clamp(1, POINTS_DRAWN);
    let step = ((SERVICE_TOP - SERVICE_BOTTOM) / n as f32).min(44.0);
    let top = -70.0 + step * (n as f32 - 1.0) / 2.0;
    Vec2::new(COUNTER_X - 26.0, top - step * i as f32)
}

pub fn staff_spot(i: usize, n: usize) -> Vec2 {
    service_point(i, n) + Vec2::new(58.0, 0.0)
}

pub fn book_slot(i: usize) -> Vec2 {
    BOOK_ORIGIN
        + Vec2::new(
            (i % BOOK_COLUMNS) as f32 * BOOK_STEP,
            -((i / BOOK_COLUMNS) as f32) * BOOK_STEP,
        )
}

/// Seats at the tables, where a served customer of a shop may sit a while before leaving.
pub const SEATS: usize = 12;

/// The tables' centres: three above the queue, three below it.
fn tables() -> [Vec2; 6] {
    [
        Vec2::new(-215.0, 20.0),
        Vec2::new(-115.0, 20.0),
        Vec2::new(-15.0, 20.0),
        Vec2::new(-215.0, -170.0),
        Vec2::new(-115.0, -170.0),
        Vec2::new(-15.0, -170.0),
    ]
}

pub fn seat(i: usize) -> Vec2 {
    let t = tables()[(i / 2) % 6];
    t + Vec2::new(if i.is_multiple_of(2) { -30.0 } else { 30.0 }, 2.0)
}

/// A customer on the floor. `key` identifies the visit (its arrival time).
#[derive(Component, Debug, Clone)]
pub struct Walker {
    pub key: u64,
    pub visitor: Visitor,
    pub target: Vec2,
    pub leaving: bool,
    /// Seconds still to stand at the counter once served (the view shows every service, even
    /// one the model finished within a tick), and where to go then.
    pub at_counter: Option<(f32, Vec2)>,
    /// A seat to sit in on the way out (a shop's served customer), and seconds left there.
    pub seat: Option<usize>,
    pub sitting: Option<f32>,
    /// A thought to show when they turn to leave.
    pub thought: Option<Icon>,
}

/// The parts a person is drawn with (children of the person).
#[derive(Component, Debug, Clone, Copy)]
pub struct BodyPart;

#[derive(Component, Debug, Clone, Copy)]
pub struct HeadPart;

/// A thought bubble over a person's head, gone after a while.
#[derive(Component, Debug, Clone, Copy)]
pub struct Bubble {
    pub icon: art::Icon,
    pub left: f32,
}

/// A figure rising and fading where money or reputation changed.
#[derive(Component, Debug, Clone, Copy)]
pub struct Popup {
    pub age: f32,
}

/// A dot in the book: which model customer it shows now, in which colour (the dots are drawn
/// together as one picture, [`BookPicture`]; these say what is where, for clicks and tests).
#[derive(Component, Debug, Clone, Default)]
pub struct BookDot {
    pub index: usize,
    pub customer: Option<u32>,
    pub colour: Color,
}

/// The book drawn as one picture, redrawn when the book changes: 2,000 sprites cost a software
/// renderer more than the rest of the floor together.
#[derive(Component, Debug, Clone)]
pub struct BookPicture(pub Handle<Image>);

/// Pixels per dot in the book's picture.
pub const BOOK_PX: u32 = 8;

pub fn book_rows() -> usize {
    BOOK_DOTS.div_ceil(BOOK_COLUMNS)
}

/// The keyboard cursor in the book (shown while the book has the focus).
#[derive(Component, Debug, Clone, Copy)]
pub struct BookCursor;

/// A service point's employee.
#[derive(Component, Debug, Clone)]
pub struct StaffMark {
    pub index: usize,
    pub employee: Option<Entity>,
}

#[derive(Component)]
pub struct FatigueBar;

/// The drop of sweat on a tired employee.
#[derive(Component)]
pub struct Sweat;

#[derive(Component)]
pub struct QueueCount;

#[derive(Component)]
pub struct BookCaption;

/// Visits on the floor, by key.
#[derive(Resource, Debug, Default)]
pub struct Walkers {
    pub by_key: BTreeMap<u64, Entity>,
    /// The visit at each service point.
    pub at_point: BTreeMap<usize, u64>,
    /// Which seats are taken.
    pub seats: [bool; SEATS],
    /// When (in seconds since start) money last rose from each service point: one figure at a
    /// time each, so that they stay readable.
    pub popped: [f32; POINTS_DRAWN],
}

pub(super) fn plugin(app: &mut App) {
    app.init_resource::<Walkers>()
        .add_systems(OnEnter(Screen::Playing), spawn_fixtures)
        .add_systems(OnExit(Screen::Playing), |mut w: ResMut<Walkers>| {
            *w = Walkers::default()
        })
        .add_systems(
            Update,
            (
                walkers::follow_floor,
                staff::sync_staff,
                book::sync_book,
                book::show_book_cursor,
                walkers::walk,
                walkers::age_bubbles,
                walkers::pop_reputation,
                walkers::rise_popups,
            )
                .chain()
                .in_set(super::GameSet::View)
                .run_if(in_state(Screen::Playing)),
        );
}

fn key(arrived: f64) -> u64 {
    arrived.to_bits()
}

fn disc(art: Option<&Art>, color: Color, size: f32) -> Sprite {
    picture(art.map(Art::disc), color, Vec2::splat(size))
}

/// A sprite showing a picture of the art (a plain square without it, as in headless tests).
fn picture(look: Option<art::Look>, color: Color, size: Vec2) -> Sprite {
    let mut s = Sprite {
        color,
        custom_size: Some(size),
        ..default()
    };
    if let Some(l) = look {
        l.apply(&mut s);
    }
    s
}

fn block(color: Color, size: Vec2) -> Sprite {
    Sprite::from_color(color, size)
}

fn label(text: impl Into<String>, size: f32) -> (Text2d, TextFont, TextColor) {
    (
        Text2d::new(text),
        TextFont::from_font_size(size),
        TextColor(Color::srgb(0.93, 0.9, 0.85)),
    )
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
    ui: Res<crate::game::input::UiState>,
    camera: Query<&Projection, With<Camera2d>>,
    mut labels: Query<(&Readable, &mut Transform)>,
) {
    let Some(Projection::Orthographic(o)) = camera.iter().next() else {
        return;
    };
    for (r, mut tf) in &mut labels {
        let k = readable_scale(r.0, o.scale, ui.zoom);
        if (tf.scale.x - k).abs() > 1e-3 {
            tf.scale = Vec3::new(k, k, 1.0);
        }
    }
}

/// A little person: a body in their clothing colour and a face showing their mood (both
/// children, so that the pose and the face change on their own).
pub fn person(
    commands: &mut Commands,
    art: Option<&Art>,
    at: Vec3,
    clothing: Color,
    (face, face_colour): (usize, Color),
) -> Entity {
    commands
        .spawn((
            Transform::from_translation(at),
            Visibility::default(),
            DespawnOnExit(Screen::Playing),
        ))
        .with_children(|p| {
            p.spawn((
                picture(art.map(|a| a.body(Pose::Stand)), clothing, BODY_SIZE),
                Transform::default(),
                BodyPart,
            ));
            p.spawn((
                picture(
                    art.map(|a| a.face(face)),
                    face_colour,
                    Vec2::splat(HEAD_SIZE),
                ),
                Transform::from_translation(HEAD_AT.extend(0.1)),
                HeadPart,
            ));
        })
        .id()
}

/// A thought bubble with its icon, over a person (a child of them).
pub fn bubble(commands: &mut Commands, art: Option<&Art>, on: Entity, icon: Icon, seconds: f32) {
    commands.entity(on).with_children(|p| {
        p.spawn((
            picture(art.map(Art::bubble), Color::WHITE, Vec2::splat(BUBBLE_SIZE)),
            Transform::from_translation(BUBBLE_AT.extend(0.3)),
            Bubble {
                icon,
                left: seconds,
            },
        ))
        .with_child((
            picture(
                art.map(|a| a.icon(icon)),
                art::icon_colour(icon),
                Vec2::splat(BUBBLE_SIZE * 0.55),
            ),
            Transform::from_xyz(0.0, 1.0, 0.1),
        ));
    });
}

/// A figure that rises from a place and fades (money taken, stars gained or lost).
pub fn popup(commands: &mut Commands, at: Vec2, text: String, colour: Color) -> Entity {
    commands
        .spawn((
            Text2d::new(text),
            TextFont::from_font_size(13.0),
            TextColor(colour),
            Transform::from_translation(at.extend(5.0)),
            Popup { age: 0.0 },
            DespawnOnExit(Screen::Playing),
        ))
        .id()
}

fn spawn_fixtures(
    mut commands: Commands,
    art: Option<Res<Art>>,
    lang: Res<Lang>,
    model: Option<Res<crate::game::model::Model>>,
    images: Option<ResMut<Assets<Image>>>,
) {
    let lang = *lang;
    let art = art.as_deref();
    let here = DespawnOnExit(Screen::Playing);
    let shop = model
        .as_deref()
        .is_none_or(|m| matches!(m.scenario.revenue, RevenueModel::PerVisit));
    let room = ROOM_MAX - ROOM_MIN;
    let mid = (ROOM_MIN + ROOM_MAX) / 2.0;
    // The book's backdrop.
    commands.spawn((
        block(Color::srgb(0.11, 0.12, 0.14), Vec2::new(room.x, 210.0)),
        Transform::from_xyz(mid.x, 200.0, -3.0),
        here.clone(),
    ));
    // The floor: planks in two shades.
    let plank = 22.0;
    let rows = ((room.y - WALL) / plank).ceil() as usize;
    for r in 0..rows {
        let y = ROOM_MIN.y + plank * (r as f32 + 0.5);
        let shade = if r % 2 == 0 { 0.0 } else { 0.025 };
        let (wood, tile) = (
            Color::srgb(0.42 + shade, 0.31 + shade, 0.22 + shade),
            Color::srgb(0.30 + shade, 0.33 + shade, 0.37 + shade),
        );
        commands.spawn((
            block(if shop { wood } else { tile }, Vec2::new(room.x, plank)),
            Transform::from_xyz(mid.x, y, -3.0),
            here.clone(),
        ));
    }
    // The back wall, with windows and the business's name.
    let wall_y = ROOM_MAX.y - WALL / 2.0;
    commands.spawn((
        block(Color::srgb(0.55, 0.47, 0.40), Vec2::new(room.x, WALL)),
        Transform::from_xyz(mid.x, wall_y, -2.5),
        here.clone(),
    ));
    for x in [-265.0, -170.0, -75.0, 190.0, 255.0] {
        commands.spawn((
            block(Color::srgb(0.62, 0.78, 0.88), Vec2::new(70.0, 18.0)),
            Transform::from_xyz(x, wall_y, -2.4),
            here.clone(),
        ));
    }
    if let Some(m) = model.as_deref() {
        commands.spawn((
            block(Color::srgb(0.2, 0.16, 0.13), Vec2::new(150.0, 22.0)),
            Transform::from_xyz(55.0, wall_y, -2.4),
            here.clone(),
        ));
        commands.spawn((
            label(m.scenario.name.get(lang).to_string(), 12.0),
            bevy::text::TextBounds::new_horizontal(146.0),
            Transform::from_xyz(55.0, wall_y, -2.3),
            here.clone(),
        ));
    }
    // The door in, a mat, and the way out.
    commands.spawn((
        block(Color::srgb(0.2, 0.14, 0.1), Vec2::new(10.0, 56.0)),
        Transform::from_translation((DOOR + Vec2::new(-20.0, 0.0)).extend(-2.0)),
        here.clone(),
    ));
    commands.spawn((
        block(Color::srgb(0.55, 0.2, 0.15), Vec2::new(26.0, 44.0)),
        Transform::from_translation(DOOR.extend(-2.0)),
        here.clone(),
    ));
    commands.spawn((
        label(tr!(lang, "entrance"), 12.0),
        Readable(12.0),
        Transform::from_translation((DOOR + Vec2::new(0.0, 36.0)).extend(1.0)),
        here.clone(),
    ));
    let out = Vec2::new(EXIT.x, ROOM_MIN.y + 6.0);
    commands.spawn((
        block(Color::srgb(0.55, 0.2, 0.15), Vec2::new(50.0, 12.0)),
        Transform::from_translation(out.extend(-2.0)),
        here.clone(),
    ));
    commands.spawn((
        label(tr!(lang, "exit"), 12.0),
        Readable(12.0),
        Transform::from_translation((out + Vec2::new(44.0, 0.0)).extend(1.0)),
        here.clone(),
    ));
    // The queue between its rope posts.
    let (first, last) = (queue_slot(0), queue_slot(QUEUE_DRAWN - 1));
    for side in [-16.0, 16.0] {
        commands.spawn((
            block(
                Color::srgb(0.6, 0.12, 0.12),
                Vec2::new(last.x - first.x, 2.0),
            ),
            Transform::from_translation(((first + last) / 2.0 + Vec2::new(0.0, side)).extend(-1.5)),
            here.clone(),
        ));
        for x in [first.x, (first.x + last.x) / 2.0, last.x] {
            commands.spawn((
                disc(art, Color::srgb(0.8, 0.7, 0.3), 6.0),
                Transform::from_xyz(x, first.y + side, -1.4),
                here.clone(),
            ));
        }
    }
    commands.spawn((
        label(tr!(lang, "queue"), 12.0),
        Readable(12.0),
        Transform::from_translation((first + Vec2::new(20.0, 27.0)).extend(1.0)),
        here.clone(),
    ));
    commands.spawn((
        label("", 13.0),
        Readable(13.0),
        Transform::from_translation((last + Vec2::new(0.0, -30.0)).extend(1.0)),
        QueueCount,
        here.clone(),
    ));
    // Tables and chairs (a shop's customers sit a while; the desk's callers do not).
    for (i, t) in tables().into_iter().enumerate() {
        for s in [2 * i, 2 * i + 1] {
            commands.spawn((
                picture(
                    art.map(Art::chair),
                    Color::srgb(0.55, 0.4, 0.3),
                    Vec2::new(14.0, 18.0),
                ),
                Transform::from_translation((seat(s) + Vec2::new(0.0, -2.0)).extend(-1.2)),
                here.clone(),
            ));
        }
        commands.spawn((
            picture(
                art.map(Art::table),
                Color::srgb(0.85, 0.8, 0.72),
                Vec2::new(34.0, 28.0),
            ),
            Transform::from_translation(t.extend(-1.0)),
            here.clone(),
        ));
    }
    for at in [Vec2::new(-305.0, 40.0), Vec2::new(-305.0, -200.0)] {
        commands.spawn((
            picture(
                art.map(Art::plant),
                Color::srgb(0.35, 0.62, 0.35),
                Vec2::new(20.0, 28.0),
            ),
            Transform::from_translation(at.extend(-0.9)),
            here.clone(),
        ));
    }
    // The counter (or the service desk), and behind it the machines.
    let counter_h = SERVICE_TOP - SERVICE_BOTTOM + 50.0;
    let counter_y = (SERVICE_TOP + SERVICE_BOTTOM) / 2.0;
    commands.spawn((
        block(Color::srgb(0.36, 0.25, 0.17), Vec2::new(22.0, counter_h)),
        Transform::from_xyz(COUNTER_X, counter_y, -0.5),
        here.clone(),
    ));
    commands.spawn((
        block(
            Color::srgb(0.62, 0.5, 0.38),
            Vec2::new(14.0, counter_h - 6.0),
        ),
        Transform::from_xyz(COUNTER_X - 2.0, counter_y + 2.0, -0.45),
        here.clone(),
    ));
    for i in 0..5 {
        let y = SERVICE_TOP - 10.0 - i as f32 * 55.0;
        commands.spawn((
            picture(
                art.map(|a| a.machine(shop)),
                Color::srgb(0.78, 0.8, 0.84),
                Vec2::splat(26.0),
            ),
            Transform::from_xyz(COUNTER_X + 112.0, y, -0.8),
            here.clone(),
        ));
    }
    // A legend under the room: the five faces, and the clothes of each customer group (one
    // group, so that it grows as a whole where labels are enlarged to stay readable).
    let legend_y = ROOM_MIN.y - 11.0;
    commands
        .spawn((
            Transform::from_xyz(-255.0, legend_y, 1.0),
            Visibility::default(),
            Readable(11.0),
            here.clone(),
        ))
        .with_children(|legend| {
            legend.spawn((
                label(tr!(lang, "legend-mood"), 11.0),
                bevy::sprite::Anchor::CENTER_RIGHT,
                Transform::default(),
            ));
            for k in 0..art::FACES {
                let mood = [2.0, 5.5, 7.5, 8.5, 9.6][k];
                legend.spawn((
                    picture(art.map(|a| a.face(k)), mood_colour(mood), Vec2::splat(11.0)),
                    Transform::from_xyz(10.0 + 13.0 * k as f32, 0.0, 0.0),
                ));
            }
            let Some(m) = model.as_deref() else { return };
            let mut x = 95.0;
            for (i, seg) in m.scenario.segments.iter().enumerate().take(CLOTHES.len()) {
                legend.spawn((
                    picture(
                        art.map(|a| a.body(Pose::Stand)),
                        clothes(i as u8),
                        Vec2::new(8.0, 11.0),
                    ),
                    Transform::from_xyz(x, 0.0, 0.0),
                ));
                let name = seg.name.get(lang).to_string();
                // Chinese characters are about as wide as the font is high, Latin ones half.
                let width: f32 = 12.0
                    + name
                        .chars()
                        .map(|c| if c >= '\u{2e80}' { 11.0 } else { 6.0 })
                        .sum::<f32>();
                legend.spawn((
                    label(name, 11.0),
                    bevy::sprite::Anchor::CENTER_LEFT,
                    Transform::from_xyz(x + 7.0, 0.0, 0.0),
                ));
                x += width + 14.0;
            }
        });
    commands.spawn((
        label("", 12.0),
        Readable(12.0),
        Transform::from_xyz(mid.x, 300.0, 1.0),
        BookCaption,
        here.clone(),
    ));
    commands.spawn((
        disc(art, Color::WHITE, 11.0),
        Transform::from_translation(book_slot(0).extend(-0.5)),
        Visibility::Hidden,
        BookCursor,
        here.clone(),
    ));
    // The book's dots: where each is (for clicks and the keyboard), drawn together as one
    // picture redrawn as the book changes.
    for i in 0..BOOK_DOTS {
        commands.spawn((
            Transform::from_translation(book_slot(i).extend(0.0)),
            BookDot {
                index: i,
                customer: None,
                colour: Color::NONE,
            },
            here.clone(),
        ));
    }
    if let Some(mut images) = images {
        let (w, h) = (BOOK_COLUMNS as u32 * BOOK_PX, book_rows() as u32 * BOOK_PX);
        let image = images.add(book::blank_picture(w, h));
        let size = Vec2::new(BOOK_COLUMNS as f32, book_rows() as f32) * BOOK_STEP;
        let top_left = book_slot(0) + Vec2::new(-BOOK_STEP, BOOK_STEP) / 2.0;
        commands.spawn((
            Sprite {
                image: image.clone(),
                custom_size: Some(size),
                ..default()
            },
            Transform::from_translation((top_left + Vec2::new(size.x, -size.y) / 2.0).extend(0.0)),
            BookPicture(image),
            here.clone(),
        ));
    }
}
