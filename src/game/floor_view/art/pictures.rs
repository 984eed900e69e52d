//! Each picture the floor draws with: a person's body in its poses, the faces of five moods,
//! the thought bubbles' icons, the bubble and the drop of sweat, the furniture and the round dot.

use bevy::prelude::*;

use super::canvas::{Canvas, capsule, disc, rounded_box, v};
use crate::game::floor_view::layout::{AMBER, BLUE, INK, VERMILION};
use crate::thoughts::ThoughtKind;

/// The poses a person is drawn in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Pose {
    Stand,
    /// One frame of a step; the other is its mirror image.
    Step,
    /// Holding a cup (a customer served) or handing it over (staff at work).
    Serve,
    Seated,
    /// Shoulders down: a tired employee.
    Slump,
}

pub const POSES: [Pose; 5] = [
    Pose::Stand,
    Pose::Step,
    Pose::Serve,
    Pose::Seated,
    Pose::Slump,
];

/// A body's image size, and where its neck is (the head is drawn there).
pub const BODY_PX: (u32, u32) = (40, 56);

/// A body in a pose: shirt (white, tinted by the person's clothing colour), sleeves slightly
/// darker, trousers and shoes darker still.
pub(super) fn body(pose: Pose) -> Canvas {
    let (w, h) = BODY_PX;
    let mut c = Canvas::new(w, h);
    let (shirt, sleeve, trousers, shoes) = (1.0, 0.82, 0.38, 0.18);
    let drop = if pose == Pose::Slump { 3.0 } else { 0.0 };
    let (hip, foot_y) = (34.0 + drop, if pose == Pose::Seated { 42.0 } else { 52.0 });
    let (left_foot, right_foot) = match pose {
        Pose::Step => (v(11.0, foot_y), v(26.0, foot_y - 1.0)),
        Pose::Seated => (v(13.0, foot_y), v(27.0, foot_y)),
        _ => (v(15.5, foot_y), v(24.5, foot_y)),
    };
    c.fill(&capsule(v(16.0, hip), left_foot, 4.0), trousers);
    c.fill(&capsule(v(24.0, hip), right_foot, 4.0), trousers);
    for f in [left_foot, right_foot] {
        c.fill(&disc(f + v(0.0, 1.0), 3.6), shoes);
    }
    let (shoulder_l, shoulder_r) = (v(12.0, 15.0 + drop), v(28.0, 15.0 + drop));
    let (hand_l, hand_r) = match pose {
        Pose::Step => (v(9.0, 29.0), v(33.0, 27.0)),
        Pose::Serve => (v(17.0, 27.0), v(35.0, 6.0)),
        Pose::Slump => (v(10.0, 36.0), v(30.0, 36.0)),
        Pose::Seated => (v(16.0, 30.0), v(24.0, 30.0)),
        Pose::Stand => (v(9.0, 32.0), v(31.0, 32.0)),
    };
    c.fill(
        &rounded_box(v(11.0, 12.0 + drop), v(29.0, hip + 3.0), 6.0),
        shirt,
    );
    c.fill(&capsule(shoulder_l, hand_l, 3.6), sleeve);
    c.fill(&capsule(shoulder_r, hand_r, 3.6), sleeve);
    if pose == Pose::Serve {
        // A cup in the raised hand.
        c.fill(&rounded_box(v(32.0, 0.5), v(39.0, 8.0), 1.5), 0.97);
    }
    c
}

/// The five faces, from angry to delighted (colour-blind players read the face, others the
/// colour too).
pub const FACES: usize = 5;

/// Which face a mood (0–10, the recommend question's scale) shows: detractors angry (below 4)
/// or sad, passives neutral or content, promoters delighted.
pub fn face_of(mood: f32) -> usize {
    match mood {
        m if !m.is_finite() => 2,
        m if m < 4.0 => 0,
        m if m < 7.0 => 1,
        m if m < 8.0 => 2,
        m if m < 9.0 => 3,
        _ => 4,
    }
}

pub const FACE_PX: u32 = 32;

pub(super) fn face(kind: usize) -> Canvas {
    let mut c = Canvas::new(FACE_PX, FACE_PX);
    c.fill(&disc(v(16.0, 16.0), 15.0), 1.0);
    let ink = 0.12;
    c.fill(&disc(v(11.0, 13.5), 2.3), ink);
    c.fill(&disc(v(21.0, 13.5), 2.3), ink);
    let arc = |centre: Vec2, r: f32, lower: bool| {
        move |p: Vec2| {
            (p.distance(centre) - r).abs() <= 1.5
                && if lower {
                    p.y > centre.y + r * 0.45
                } else {
                    p.y < centre.y - r * 0.45
                }
        }
    };
    match kind {
        0 => {
            c.fill(&arc(v(16.0, 30.0), 8.0, false), ink);
            c.fill(&capsule(v(7.5, 8.0), v(13.0, 10.5), 1.3), ink);
            c.fill(&capsule(v(24.5, 8.0), v(19.0, 10.5), 1.3), ink);
        }
        1 => c.fill(&arc(v(16.0, 29.0), 7.0, false), ink),
        2 => c.fill(&capsule(v(11.0, 22.0), v(21.0, 22.0), 1.4), ink),
        3 => c.fill(&arc(v(16.0, 15.0), 7.5, true), ink),
        _ => c.fill(
            &|p: Vec2| p.distance(v(16.0, 18.0)) <= 8.0 && p.y >= 18.0,
            ink,
        ),
    }
    c
}

/// What a thought bubble shows.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Icon {
    /// A long wait: an hourglass.
    Wait,
    /// Turned away: a no-entry sign.
    NoEntry,
    /// The price: a coin.
    Coin,
    /// Something went wrong: a cross.
    Mistake,
    /// The staff seemed tired: a Z.
    Tired,
    /// A small surprise, or a good deed seen: a star (also the reputation's pop-up).
    Star,
    /// Too many extras: a plus.
    Plus,
    /// A complaint put right, a check-in: a tick.
    Recovery,
    /// Happy to come back: a heart.
    Heart,
    /// Leaving for good, let down: a broken heart.
    Broken,
}

pub const ICONS: [Icon; 10] = [
    Icon::Wait,
    Icon::NoEntry,
    Icon::Coin,
    Icon::Mistake,
    Icon::Tired,
    Icon::Star,
    Icon::Plus,
    Icon::Recovery,
    Icon::Heart,
    Icon::Broken,
];

/// The icon for a thought worth a bubble (the everyday ones get none).
pub fn icon_of(kind: ThoughtKind) -> Option<Icon> {
    use ThoughtKind as T;
    Some(match kind {
        T::LongWait | T::GaveUpWaiting | T::ClosedOnMe => Icon::Wait,
        T::TurnedAway => Icon::NoEntry,
        T::PriceUp | T::TooExpensive => Icon::Coin,
        T::ServiceError | T::PoorQuality | T::BadMoment => Icon::Mistake,
        T::TiredStaff => Icon::Tired,
        T::SmallSurprise | T::DidTheRightThing | T::GoodMoment => Icon::Star,
        T::TooManyExtras => Icon::Plus,
        T::ComplaintResolved | T::CheckedIn => Icon::Recovery,
        T::ComplaintBrushedOff | T::LetDown | T::Scandal | T::MissedTheExtras | T::StaffLeft => {
            Icon::Broken
        }
    })
}

/// The icon's own colour (on the white bubble), from the shared palette.
pub fn icon_colour(icon: Icon) -> Color {
    match icon {
        Icon::Wait | Icon::NoEntry | Icon::Mistake | Icon::Broken => VERMILION,
        Icon::Coin | Icon::Star => AMBER,
        Icon::Tired | Icon::Plus => INK,
        Icon::Recovery | Icon::Heart => BLUE,
    }
}

pub const ICON_PX: u32 = 32;

pub(super) fn icon(kind: Icon) -> Canvas {
    let mut c = Canvas::new(ICON_PX, ICON_PX);
    let o = v(16.0, 16.0);
    let heart = |p: Vec2| {
        disc(v(11.0, 12.0), 6.5)(p)
            || disc(v(21.0, 12.0), 6.5)(p)
            || (p.y >= 12.0 && p.y <= 28.0 && (p.x - 16.0).abs() <= (28.0 - p.y) * 0.95)
    };
    match kind {
        Icon::Wait => {
            c.fill(
                &|p: Vec2| {
                    let d = (p - o).abs();
                    d.y <= 11.0 && d.x <= d.y * 0.75 + 1.2
                },
                1.0,
            );
            c.fill(&capsule(v(7.0, 4.0), v(25.0, 4.0), 1.8), 1.0);
            c.fill(&capsule(v(7.0, 28.0), v(25.0, 28.0), 1.8), 1.0);
        }
        Icon::NoEntry => {
            c.fill(&|p: Vec2| (p.distance(o) - 11.5).abs() <= 2.5, 1.0);
            c.fill(&capsule(v(8.5, 23.5), v(23.5, 8.5), 2.4), 1.0);
        }
        Icon::Coin => {
            c.fill(&disc(o, 13.0), 1.0);
            c.fill(&|p: Vec2| (p.distance(o) - 9.5).abs() <= 1.0, 0.55);
            c.fill(&capsule(v(16.0, 10.0), v(16.0, 22.0), 1.6), 0.55);
        }
        Icon::Mistake => {
            c.fill(&capsule(v(7.0, 7.0), v(25.0, 25.0), 3.2), 1.0);
            c.fill(&capsule(v(25.0, 7.0), v(7.0, 25.0), 3.2), 1.0);
        }
        Icon::Tired => {
            c.fill(&capsule(v(8.0, 7.0), v(24.0, 7.0), 2.4), 1.0);
            c.fill(&capsule(v(24.0, 7.0), v(8.0, 25.0), 2.4), 1.0);
            c.fill(&capsule(v(8.0, 25.0), v(24.0, 25.0), 2.4), 1.0);
        }
        Icon::Star => c.fill(
            &|p: Vec2| {
                let d = p - v(16.0, 17.0);
                let a = d.y.atan2(d.x) + std::f32::consts::FRAC_PI_2;
                // Five points: the radius swings between 6 and 15 around the circle.
                let t = (a * 5.0 / std::f32::consts::TAU).rem_euclid(1.0);
                let tri = 1.0 - (2.0 * t - 1.0).abs();
                d.length() <= 6.0 + 9.5 * (1.0 - tri).powf(1.6)
            },
            1.0,
        ),
        Icon::Plus => {
            c.fill(&capsule(v(16.0, 5.0), v(16.0, 27.0), 3.2), 1.0);
            c.fill(&capsule(v(5.0, 16.0), v(27.0, 16.0), 3.2), 1.0);
        }
        Icon::Recovery => {
            c.fill(&capsule(v(6.0, 17.0), v(13.0, 24.0), 3.0), 1.0);
            c.fill(&capsule(v(13.0, 24.0), v(26.0, 8.0), 3.0), 1.0);
        }
        Icon::Heart => c.fill(&heart, 1.0),
        Icon::Broken => c.fill(
            &|p: Vec2| {
                // The heart less a zig-zag crack down its middle.
                let zig = 16.0 + if (p.y as i32 / 5) % 2 == 0 { 2.0 } else { -2.0 };
                heart(p) && (p.x - zig).abs() > 1.4
            },
            1.0,
        ),
    }
    c
}

/// A thought bubble: a white cloud with a small tail toward the head below it.
pub(super) fn bubble() -> Canvas {
    let mut c = Canvas::new(48, 48);
    c.fill(&disc(v(24.0, 21.0), 19.0), 1.0);
    c.fill(&disc(v(12.0, 41.0), 4.0), 1.0);
    c.fill(&disc(v(6.0, 46.0), 2.0), 1.0);
    c
}

/// A sweat drop, for a tired employee.
pub(super) fn drop() -> Canvas {
    let mut c = Canvas::new(16, 24);
    c.fill(
        &|p: Vec2| {
            disc(v(8.0, 16.0), 6.5)(p) || (p.y <= 16.0 && (p.x - 8.0).abs() <= (p.y - 1.0) * 0.42)
        },
        1.0,
    );
    c
}

/// Furniture: a round table top and a chair seen from above-front.
pub(super) fn table() -> Canvas {
    let mut c = Canvas::new(48, 40);
    c.fill(&rounded_box(v(21.0, 18.0), v(27.0, 38.0), 2.0), 0.45);
    c.fill(
        &|p: Vec2| ((p - v(24.0, 14.0)) / v(22.0, 10.0)).length() <= 1.0,
        1.0,
    );
    c.fill(
        &|p: Vec2| ((p - v(24.0, 13.0)) / v(18.0, 7.0)).length() <= 1.0,
        0.9,
    );
    c
}

pub(super) fn chair() -> Canvas {
    let mut c = Canvas::new(28, 36);
    c.fill(&rounded_box(v(4.0, 2.0), v(24.0, 20.0), 4.0), 0.8);
    c.fill(&rounded_box(v(2.0, 18.0), v(26.0, 25.0), 3.0), 1.0);
    c.fill(&capsule(v(5.0, 25.0), v(5.0, 34.0), 1.6), 0.5);
    c.fill(&capsule(v(23.0, 25.0), v(23.0, 34.0), 1.6), 0.5);
    c
}

/// A plant in a pot, to make the room a room.
pub(super) fn plant() -> Canvas {
    let mut c = Canvas::new(32, 44);
    c.fill(&rounded_box(v(9.0, 28.0), v(23.0, 43.0), 2.5), 0.5);
    for (a, b) in [
        (v(16.0, 29.0), v(6.0, 8.0)),
        (v(16.0, 29.0), v(26.0, 8.0)),
        (v(16.0, 29.0), v(16.0, 3.0)),
        (v(16.0, 29.0), v(3.0, 20.0)),
        (v(16.0, 29.0), v(29.0, 20.0)),
    ] {
        c.fill(&capsule(a, b, 3.6), 1.0);
    }
    c
}

/// The machine behind the counter: an espresso machine (a shop) or a screen on a desk (a
/// service desk).
pub(super) fn machine(screen: bool) -> Canvas {
    let mut c = Canvas::new(40, 40);
    if screen {
        c.fill(&rounded_box(v(2.0, 4.0), v(38.0, 28.0), 2.5), 0.3);
        c.fill(&rounded_box(v(5.0, 7.0), v(35.0, 25.0), 1.0), 0.95);
        c.fill(&rounded_box(v(17.0, 28.0), v(23.0, 35.0), 0.5), 0.4);
        c.fill(&rounded_box(v(10.0, 34.0), v(30.0, 38.0), 1.5), 0.4);
    } else {
        c.fill(&rounded_box(v(4.0, 4.0), v(36.0, 30.0), 4.0), 0.85);
        c.fill(&rounded_box(v(8.0, 8.0), v(32.0, 14.0), 1.5), 0.35);
        c.fill(&capsule(v(14.0, 30.0), v(14.0, 33.0), 2.0), 0.3);
        c.fill(&capsule(v(26.0, 30.0), v(26.0, 33.0), 2.0), 0.3);
        c.fill(&rounded_box(v(2.0, 35.0), v(38.0, 39.0), 1.5), 0.6);
    }
    c
}

/// A round picture for the book's dots and small fixtures.
pub(super) fn disc_picture() -> Canvas {
    let mut c = Canvas::new(32, 32);
    c.fill(&disc(v(16.0, 16.0), 15.5), 1.0);
    c
}
