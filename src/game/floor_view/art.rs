//! The floor's art, drawn by the game itself at start-up: little people (a body in a few poses
//! and a face for each of five moods), the icons of their thought bubbles, and the furniture.
//! Every image is white (or grey) shapes on transparency, tinted when drawn, so one palette (the
//! charts' and the debrief's Okabe–Ito colours) serves them all. Shapes are tested point by
//! point and supersampled 4×4, which smooths their edges.

use bevy::asset::RenderAssetUsages;
use bevy::prelude::*;
use bevy::render::render_resource::{Extent3d, TextureDimension, TextureFormat};

use crate::thoughts::ThoughtKind;

/// An image being drawn: a shade (0 black … 1 white) and a coverage per pixel.
struct Canvas {
    w: u32,
    h: u32,
    px: Vec<(f32, f32)>,
}

/// A point inside a shape, in the image's pixels (y down).
type Shape<'a> = &'a dyn Fn(Vec2) -> bool;

impl Canvas {
    fn new(w: u32, h: u32) -> Self {
        Canvas {
            w,
            h,
            px: vec![(1.0, 0.0); (w * h) as usize],
        }
    }

    /// Paints a shape in a shade over what is there.
    fn fill(&mut self, inside: Shape, shade: f32) {
        const N: usize = 4;
        for y in 0..self.h {
            for x in 0..self.w {
                let mut hit = 0;
                for sy in 0..N {
                    for sx in 0..N {
                        let p = Vec2::new(
                            x as f32 + (sx as f32 + 0.5) / N as f32,
                            y as f32 + (sy as f32 + 0.5) / N as f32,
                        );
                        hit += usize::from(inside(p));
                    }
                }
                if hit == 0 {
                    continue;
                }
                let a = hit as f32 / (N * N) as f32;
                let (s, under) = self.px[(y * self.w + x) as usize];
                let out = a + under * (1.0 - a);
                let shade_out = (shade * a + s * under * (1.0 - a)) / out;
                self.px[(y * self.w + x) as usize] = (shade_out, out);
            }
        }
    }

    fn image(&self) -> Image {
        let mut data = Vec::with_capacity(self.px.len() * 4);
        for &(s, a) in &self.px {
            let v = (s.clamp(0.0, 1.0) * 255.0).round() as u8;
            data.extend_from_slice(&[v, v, v, (a.clamp(0.0, 1.0) * 255.0).round() as u8]);
        }
        Image::new(
            Extent3d {
                width: self.w,
                height: self.h,
                depth_or_array_layers: 1,
            },
            TextureDimension::D2,
            data,
            TextureFormat::Rgba8UnormSrgb,
            RenderAssetUsages::default(),
        )
    }
}

fn disc(c: Vec2, r: f32) -> impl Fn(Vec2) -> bool {
    move |p| p.distance(c) <= r
}

/// A stroke from `a` to `b` with round ends.
fn capsule(a: Vec2, b: Vec2, r: f32) -> impl Fn(Vec2) -> bool {
    move |p| {
        let ab = b - a;
        let t = ((p - a).dot(ab) / ab.length_squared().max(1e-6)).clamp(0.0, 1.0);
        p.distance(a + ab * t) <= r
    }
}

fn rounded_box(min: Vec2, max: Vec2, r: f32) -> impl Fn(Vec2) -> bool {
    move |p| {
        let c = p.clamp(min + r, max - r);
        p.distance(c) <= r
    }
}

fn v(x: f32, y: f32) -> Vec2 {
    Vec2::new(x, y)
}

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
fn body(pose: Pose) -> Canvas {
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

fn face(kind: usize) -> Canvas {
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
        Icon::Wait | Icon::NoEntry | Icon::Mistake | Icon::Broken => super::VERMILION,
        Icon::Coin | Icon::Star => super::AMBER,
        Icon::Tired | Icon::Plus => super::INK,
        Icon::Recovery | Icon::Heart => super::BLUE,
    }
}

pub const ICON_PX: u32 = 32;

fn icon(kind: Icon) -> Canvas {
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
fn bubble() -> Canvas {
    let mut c = Canvas::new(48, 48);
    c.fill(&disc(v(24.0, 21.0), 19.0), 1.0);
    c.fill(&disc(v(12.0, 41.0), 4.0), 1.0);
    c.fill(&disc(v(6.0, 46.0), 2.0), 1.0);
    c
}

/// A sweat drop, for a tired employee.
fn drop() -> Canvas {
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
fn table() -> Canvas {
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

fn chair() -> Canvas {
    let mut c = Canvas::new(28, 36);
    c.fill(&rounded_box(v(4.0, 2.0), v(24.0, 20.0), 4.0), 0.8);
    c.fill(&rounded_box(v(2.0, 18.0), v(26.0, 25.0), 3.0), 1.0);
    c.fill(&capsule(v(5.0, 25.0), v(5.0, 34.0), 1.6), 0.5);
    c.fill(&capsule(v(23.0, 25.0), v(23.0, 34.0), 1.6), 0.5);
    c
}

/// A plant in a pot, to make the room a room.
fn plant() -> Canvas {
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
fn machine(screen: bool) -> Canvas {
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

/// Where a picture is: the atlas and its rectangle in it (in pixels).
#[derive(Debug, Clone, PartialEq)]
pub struct Look {
    pub image: Handle<Image>,
    pub rect: Rect,
}

impl Look {
    /// Shows this picture on a sprite (touching it only when it changes).
    pub fn apply(&self, s: &mut Sprite) {
        if s.rect != Some(self.rect) {
            s.rect = Some(self.rect);
        }
        if s.image != self.image {
            s.image = self.image.clone();
        }
    }
}

/// The pictures, by what they show.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Part {
    Disc,
    Body(Pose),
    Face(usize),
    Icon(Icon),
    Bubble,
    Drop,
    Table,
    Chair,
    Plant,
    Machine,
    Screen,
}

/// A round picture for the book's dots and small fixtures.
fn disc_picture() -> Canvas {
    let mut c = Canvas::new(32, 32);
    c.fill(&disc(v(16.0, 16.0), 15.5), 1.0);
    c
}

/// Lays the pictures out in rows of one image (2 pixels of transparency between them, so that
/// filtering never bleeds one into the next); the rectangles say where each one is.
fn pack(pictures: Vec<(Part, Canvas)>) -> (Image, Vec<(Part, Rect)>) {
    const WIDTH: u32 = 512;
    const GAP: u32 = 2;
    let (mut x, mut y, mut row) = (GAP, GAP, 0);
    let mut placed = Vec::new();
    for (part, c) in &pictures {
        if x + c.w + GAP > WIDTH {
            x = GAP;
            y += row + GAP;
            row = 0;
        }
        placed.push((*part, x, y));
        x += c.w + GAP;
        row = row.max(c.h);
    }
    let height = (y + row + GAP).next_power_of_two();
    let mut sheet = Canvas::new(WIDTH, height);
    let mut rects = Vec::new();
    for ((part, c), (_, px, py)) in pictures.iter().zip(placed) {
        for yy in 0..c.h {
            for xx in 0..c.w {
                sheet.px[((py + yy) * WIDTH + px + xx) as usize] = c.px[(yy * c.w + xx) as usize];
            }
        }
        let min = Vec2::new(px as f32, py as f32);
        rects.push((
            *part,
            Rect::from_corners(min, min + Vec2::new(c.w as f32, c.h as f32)),
        ));
    }
    (sheet.image(), rects)
}

/// The pictures the floor draws with, made once at start-up and kept in one image, so that the
/// renderer draws every person, bubble and dot in one batch (on a software renderer each
/// change of image is a draw call: 2,000 people would be thousands).
#[derive(Resource, Clone)]
pub struct Art {
    atlas: Handle<Image>,
    parts: Vec<(Part, Rect)>,
}

impl Art {
    pub fn make(images: &mut Assets<Image>) -> Self {
        let mut pictures = vec![(Part::Disc, disc_picture())];
        pictures.extend(POSES.iter().map(|&p| (Part::Body(p), body(p))));
        pictures.extend((0..FACES).map(|k| (Part::Face(k), face(k))));
        pictures.extend(ICONS.iter().map(|&i| (Part::Icon(i), icon(i))));
        pictures.extend([
            (Part::Bubble, bubble()),
            (Part::Drop, drop()),
            (Part::Table, table()),
            (Part::Chair, chair()),
            (Part::Plant, plant()),
            (Part::Machine, machine(false)),
            (Part::Screen, machine(true)),
        ]);
        let (image, parts) = pack(pictures);
        Art {
            atlas: images.add(image),
            parts,
        }
    }

    fn look(&self, part: Part) -> Look {
        let rect = self
            .parts
            .iter()
            .find(|(p, _)| *p == part)
            .map_or(Rect::default(), |(_, r)| *r);
        Look {
            image: self.atlas.clone(),
            rect,
        }
    }

    pub fn disc(&self) -> Look {
        self.look(Part::Disc)
    }
    pub fn body(&self, pose: Pose) -> Look {
        self.look(Part::Body(pose))
    }
    pub fn face(&self, k: usize) -> Look {
        self.look(Part::Face(k.min(FACES - 1)))
    }
    pub fn icon(&self, i: Icon) -> Look {
        self.look(Part::Icon(i))
    }
    pub fn bubble(&self) -> Look {
        self.look(Part::Bubble)
    }
    pub fn drop(&self) -> Look {
        self.look(Part::Drop)
    }
    pub fn table(&self) -> Look {
        self.look(Part::Table)
    }
    pub fn chair(&self) -> Look {
        self.look(Part::Chair)
    }
    pub fn plant(&self) -> Look {
        self.look(Part::Plant)
    }
    /// The machine behind the counter: an espresso machine, or a screen on a service desk.
    pub fn machine(&self, shop: bool) -> Look {
        self.look(if shop { Part::Machine } else { Part::Screen })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn coverage(c: &Canvas) -> f32 {
        c.px.iter().map(|p| p.1).sum::<f32>() / c.px.len() as f32
    }

    #[test]
    fn every_picture_has_ink_and_the_poses_and_faces_differ() {
        let bodies: Vec<Canvas> = POSES.iter().map(|&p| body(p)).collect();
        let faces: Vec<Canvas> = (0..FACES).map(face).collect();
        let icons: Vec<Canvas> = ICONS.iter().map(|&i| icon(i)).collect();
        for img in bodies.iter().chain(&faces).chain(&icons) {
            let c = coverage(img);
            assert!((0.05..0.9).contains(&c), "coverage {c}");
        }
        for set in [&bodies, &faces, &icons] {
            for (i, a) in set.iter().enumerate() {
                for b in &set[i + 1..] {
                    assert_ne!(a.px, b.px, "two pictures are the same");
                }
            }
        }
    }

    #[test]
    fn the_atlas_holds_every_picture_apart() {
        let mut images = Assets::<Image>::default();
        let art = Art::make(&mut images);
        let rects: Vec<Rect> = art.parts.iter().map(|(_, r)| *r).collect();
        assert_eq!(rects.len(), 1 + POSES.len() + FACES + ICONS.len() + 7);
        let image = images.get(&art.atlas).expect("the atlas");
        let size = image.size().as_vec2();
        for (i, a) in rects.iter().enumerate() {
            assert!(
                a.min.cmpge(Vec2::ZERO).all() && a.max.cmple(size).all(),
                "inside"
            );
            for b in &rects[i + 1..] {
                assert!(a.intersect(*b).is_empty(), "{a:?} overlaps {b:?}");
            }
        }
        assert_eq!(
            art.body(Pose::Serve).image,
            art.face(3).image,
            "one image for all"
        );
        assert_ne!(art.body(Pose::Serve).rect, art.body(Pose::Stand).rect);
    }

    #[test]
    fn faces_follow_the_recommend_scale() {
        assert_eq!(face_of(0.0), 0);
        assert_eq!(face_of(6.9), 1);
        assert_eq!(face_of(7.5), 2);
        assert_eq!(face_of(8.5), 3);
        assert_eq!(face_of(9.0), 4);
        assert_eq!(face_of(f32::NAN), 2);
    }
}
