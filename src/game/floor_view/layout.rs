//! Where everything on the floor is, in world units: the part the camera shows, the room and its
//! door, the queue, the service points and the staff behind them, the tables and seats, the
//! book of customers above, people's sizes, and the colours they wear.

use bevy::prelude::*;

/// The part of the world the camera must show: the book above, the room below.
pub const VIEW_MIN: Vec2 = Vec2::new(-330.0, -270.0);
pub const VIEW_MAX: Vec2 = Vec2::new(290.0, 306.0);

/// The room: its walls, the door on the left, the exit at the bottom.
pub(super) const ROOM_MIN: Vec2 = Vec2::new(-330.0, -250.0);
pub(super) const ROOM_MAX: Vec2 = Vec2::new(290.0, 92.0);
pub(super) const WALL: f32 = 30.0;
pub const DOOR: Vec2 = Vec2::new(-307.0, -60.0);
pub const OUTSIDE: Vec2 = Vec2::new(-370.0, -60.0);
pub const EXIT: Vec2 = Vec2::new(0.0, -300.0);
pub const GAVE_UP: Vec2 = Vec2::new(-370.0, -100.0);
pub(super) const QUEUE_START: Vec2 = Vec2::new(-262.0, -60.0);
pub(super) const QUEUE_STEP: f32 = 21.0;
/// Queue places drawn; the rest are counted.
pub const QUEUE_DRAWN: usize = 15;
pub(super) const COUNTER_X: f32 = 110.0;
pub(super) const SERVICE_TOP: f32 = 40.0;
pub(super) const SERVICE_BOTTOM: f32 = -200.0;
/// Service points drawn (a bigger team is drawn up to this many).
pub const POINTS_DRAWN: usize = 14;

/// Dots in the book of customers.
pub const BOOK_DOTS: usize = 2_000;
pub const BOOK_COLUMNS: usize = 80;
pub(super) const BOOK_ORIGIN: Vec2 = Vec2::new(-320.0, 290.0);
pub(super) const BOOK_STEP: f32 = 7.6;

pub(super) const WALK_SPEED: f32 = 300.0;

/// A person's drawn size (body; the head sits on it).
pub const BODY_SIZE: Vec2 = Vec2::new(19.0, 26.6);
pub const HEAD_SIZE: f32 = 15.5;
pub(super) const HEAD_AT: Vec2 = Vec2::new(0.0, 15.0);
pub(super) const BUBBLE_AT: Vec2 = Vec2::new(13.0, 37.0);
pub(super) const BUBBLE_SIZE: f32 = 22.0;

/// The shared palette (Okabe–Ito, safe for the common colour-vision deficiencies; the charts
/// and the debrief use the same): vermilion for what went wrong, amber for money and stars,
/// blue for loyalty, ink for text on white.
pub const VERMILION: Color = Color::srgb(0.835, 0.369, 0.0);
pub const AMBER: Color = Color::srgb(0.902, 0.624, 0.0);
pub const BLUE: Color = Color::srgb(0.0, 0.447, 0.698);
pub const INK: Color = Color::srgb(0.15, 0.15, 0.18);
/// Clothing by customer group (never the mood's colours, which the faces carry).
pub(super) const CLOTHES: [Color; 4] = [
    Color::srgb(0.80, 0.47, 0.65),
    Color::srgb(0.0, 0.62, 0.45),
    Color::srgb(0.86, 0.80, 0.30),
    Color::srgb(0.50, 0.55, 0.68),
];
/// The staff's aprons.
pub(super) const APRON: Color = Color::srgb(0.33, 0.42, 0.36);

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
pub(super) fn tables() -> [Vec2; 6] {
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
