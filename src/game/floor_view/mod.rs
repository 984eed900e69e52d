//! The floor as the player sees it: an entrance, a queue, service points with the staff on shift,
//! an exit, and above them the book of customers, one dot each. The view follows the model: it
//! reads the floor's queue and servers and the tick's events, and moves customers smoothly
//! between ticks. Colours come from a colour-blind-safe scale (Okabe–Ito vermilion, grey, blue).

use std::collections::BTreeMap;

use bevy::prelude::*;

use crate::levers::Levers;
use crate::sim::customers::{Churned, Customer, CustomerStory};
use crate::sim::day::Visitor;
use crate::sim::floor::FloorEvent;
use crate::sim::staff::Employee;
use crate::thoughts::ThoughtKind;

pub mod book;
pub mod staff;
pub mod walkers;

use super::Screen;
use crate::i18n::Lang;
use crate::tr;

/// The part of the world the camera must show.
pub const VIEW_MIN: Vec2 = Vec2::new(-480.0, -300.0);
pub const VIEW_MAX: Vec2 = Vec2::new(480.0, 290.0);

pub const DOOR: Vec2 = Vec2::new(-420.0, -110.0);
pub const OUTSIDE: Vec2 = Vec2::new(-480.0, -170.0);
pub const EXIT: Vec2 = Vec2::new(470.0, -110.0);
pub const GAVE_UP: Vec2 = Vec2::new(-300.0, -300.0);
const QUEUE_START: Vec2 = Vec2::new(-370.0, -110.0);
const QUEUE_STEP: f32 = 22.0;
/// Queue places drawn; the rest are counted.
pub const QUEUE_DRAWN: usize = 24;
const COUNTER_X: f32 = 230.0;
const SERVICE_TOP: f32 = 40.0;
const SERVICE_BOTTOM: f32 = -260.0;
/// Service points drawn (a bigger team is drawn up to this many).
pub const POINTS_DRAWN: usize = 14;

/// Dots in the book of customers.
pub const BOOK_DOTS: usize = 2_000;
pub const BOOK_COLUMNS: usize = 100;
const BOOK_ORIGIN: Vec2 = Vec2::new(-396.0, 262.0);
const BOOK_STEP: f32 = 8.0;

const WALK_SPEED: f32 = 260.0;

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

/// The glyph drawn over a customer for a notable thought.
pub fn thought_glyph(kind: ThoughtKind) -> Option<&'static str> {
    Some(match kind {
        ThoughtKind::LongWait | ThoughtKind::GaveUpWaiting => "!",
        ThoughtKind::TurnedAway => "<",
        ThoughtKind::PriceUp | ThoughtKind::TooExpensive => "$",
        ThoughtKind::TiredStaff => "z",
        ThoughtKind::ServiceError | ThoughtKind::PoorQuality => "x",
        ThoughtKind::SmallSurprise => "*",
        ThoughtKind::TooManyExtras => "+",
        _ => return None,
    })
}

pub fn queue_slot(i: usize) -> Vec2 {
    QUEUE_START + Vec2::new(QUEUE_STEP * i as f32, 0.0)
}

pub fn service_point(i: usize, n: usize) -> Vec2 {
    let n = n.clamp(1, POINTS_DRAWN);
    let step = ((SERVICE_TOP - SERVICE_BOTTOM) / n as f32).min(48.0);
    let top = -110.0 + step * (n as f32 - 1.0) / 2.0;
    Vec2::new(COUNTER_X - 30.0, top - step * i as f32)
}

pub fn staff_spot(i: usize, n: usize) -> Vec2 {
    service_point(i, n) + Vec2::new(60.0, 0.0)
}

pub fn book_slot(i: usize) -> Vec2 {
    BOOK_ORIGIN
        + Vec2::new(
            (i % BOOK_COLUMNS) as f32 * BOOK_STEP,
            -((i / BOOK_COLUMNS) as f32) * BOOK_STEP,
        )
}

/// A customer on the floor. `key` identifies the visit (its arrival time).
#[derive(Component, Debug, Clone)]
pub struct Walker {
    pub key: u64,
    pub visitor: Visitor,
    pub target: Vec2,
    pub leaving: bool,
}

/// A dot in the book: which model customer it shows now.
#[derive(Component, Debug, Clone, Default)]
pub struct BookDot {
    pub index: usize,
    pub customer: Option<Entity>,
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

type FatigueBarParts = (&'static mut Sprite, &'static mut Transform);

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
}

/// The round sprite image (absent in headless tests, where sprites are plain squares).
#[derive(Resource, Clone)]
pub struct DiscImage(pub Handle<Image>);

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
            )
                .chain()
                .in_set(super::GameSet::View)
                .run_if(in_state(Screen::Playing)),
        );
}

fn key(arrived: f64) -> u64 {
    arrived.to_bits()
}

fn disc(image: Option<&DiscImage>, color: Color, size: f32) -> Sprite {
    Sprite {
        image: image.map(|d| d.0.clone()).unwrap_or_default(),
        color,
        custom_size: Some(Vec2::splat(size)),
        ..default()
    }
}

fn block(color: Color, size: Vec2) -> Sprite {
    Sprite::from_color(color, size)
}

fn label(text: impl Into<String>, size: f32) -> (Text2d, TextFont, TextColor) {
    (
        Text2d::new(text),
        TextFont::from_font_size(size),
        TextColor(Color::srgb(0.85, 0.87, 0.9)),
    )
}

fn spawn_fixtures(mut commands: Commands, image: Option<Res<DiscImage>>, lang: Res<Lang>) {
    let lang = *lang;
    let here = DespawnOnExit(Screen::Playing);
    let floor_colour = Color::srgb(0.16, 0.17, 0.2);
    commands.spawn((
        block(floor_colour, Vec2::new(900.0, 340.0)),
        Transform::from_xyz(0.0, -110.0, -2.0),
        here.clone(),
    ));
    commands.spawn((
        block(Color::srgb(0.12, 0.13, 0.15), Vec2::new(900.0, 190.0)),
        Transform::from_xyz(0.0, 190.0, -2.0),
        here.clone(),
    ));
    // Queue lane, door, exit, counter.
    commands.spawn((
        block(
            Color::srgb(0.22, 0.24, 0.28),
            Vec2::new(QUEUE_STEP * QUEUE_DRAWN as f32, 26.0),
        ),
        Transform::from_translation(
            ((queue_slot(0) + queue_slot(QUEUE_DRAWN - 1)) / 2.0).extend(-1.0),
        ),
        here.clone(),
    ));
    for (pos, text) in [(DOOR, tr!(lang, "entrance")), (EXIT, tr!(lang, "exit"))] {
        commands.spawn((
            block(Color::srgb(0.35, 0.55, 0.35), Vec2::new(14.0, 60.0)),
            Transform::from_translation(pos.extend(-1.0)),
            here.clone(),
        ));
        commands.spawn((
            label(text, 14.0),
            Transform::from_translation((pos + Vec2::new(0.0, 44.0)).extend(1.0)),
            here.clone(),
        ));
    }
    commands.spawn((
        label(tr!(lang, "queue"), 13.0),
        Transform::from_translation((queue_slot(0) + Vec2::new(30.0, 26.0)).extend(1.0)),
        here.clone(),
    ));
    commands.spawn((
        label("", 14.0),
        Transform::from_translation(
            (queue_slot(QUEUE_DRAWN - 1) + Vec2::new(0.0, -28.0)).extend(1.0),
        ),
        QueueCount,
        here.clone(),
    ));
    commands.spawn((
        block(Color::srgb(0.45, 0.36, 0.25), Vec2::new(10.0, 320.0)),
        Transform::from_xyz(COUNTER_X, -110.0, -1.0),
        here.clone(),
    ));
    commands.spawn((
        label("", 14.0),
        Transform::from_xyz(0.0, 280.0, 1.0),
        BookCaption,
        here.clone(),
    ));
    commands.spawn((
        disc(image.as_deref(), Color::WHITE, 11.0),
        Transform::from_translation(book_slot(0).extend(-0.5)),
        Visibility::Hidden,
        BookCursor,
        here.clone(),
    ));
    // The book's dots are pooled: spawned once, recoloured and hidden as the book changes.
    for i in 0..BOOK_DOTS {
        commands.spawn((
            disc(image.as_deref(), Color::NONE, 6.5),
            Transform::from_translation(book_slot(i).extend(0.0)),
            Visibility::Hidden,
            BookDot {
                index: i,
                customer: None,
            },
            here.clone(),
        ));
    }
}

/// A round image for customers and staff (white, tinted by the sprite's colour).
pub fn make_disc_image() -> Image {
    use bevy::asset::RenderAssetUsages;
    use bevy::render::render_resource::{Extent3d, TextureDimension, TextureFormat};
    const N: u32 = 32;
    let mut data = Vec::with_capacity((N * N * 4) as usize);
    let r = N as f32 / 2.0;
    for y in 0..N {
        for x in 0..N {
            let d = Vec2::new(x as f32 + 0.5 - r, y as f32 + 0.5 - r).length();
            let a = (r - d).clamp(0.0, 1.0);
            data.extend_from_slice(&[255, 255, 255, (a * 255.0) as u8]);
        }
    }
    Image::new(
        Extent3d {
            width: N,
            height: N,
            depth_or_array_layers: 1,
        },
        TextureDimension::D2,
        data,
        TextureFormat::Rgba8UnormSrgb,
        RenderAssetUsages::default(),
    )
}
