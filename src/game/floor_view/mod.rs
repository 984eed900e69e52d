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
pub mod camera;
pub mod layout;
mod room;
pub mod staff;
pub mod walkers;

pub use art::{Art, Icon, Look, Pose};

use super::state::{GameSet, Screen};
pub use camera::Readable;
pub use layout::*;

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
        .add_systems(OnEnter(Screen::Playing), room::spawn_fixtures)
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
                .in_set(GameSet::View)
                .run_if(in_state(Screen::Playing)),
        )
        .add_systems(
            Update,
            camera::click_floor
                .in_set(GameSet::Input)
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
