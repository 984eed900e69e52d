//! The floor's art, drawn by the game itself at start-up: little people (a body in a few poses
//! and a face for each of five moods), the icons of their thought bubbles, and the furniture.
//! Every image is white (or grey) shapes on transparency, tinted when drawn, so one palette (the
//! charts' and the debrief's Okabe–Ito colours) serves them all. Shapes are tested point by
//! point and supersampled 4×4, which smooths their edges.

use bevy::prelude::*;

mod canvas;
mod pictures;

use canvas::Canvas;

pub use pictures::{
    BODY_PX, FACE_PX, FACES, ICON_PX, ICONS, Icon, POSES, Pose, face_of, icon_colour, icon_of,
};
use pictures::{body, bubble, chair, disc_picture, drop, face, icon, machine, plant, table};

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
