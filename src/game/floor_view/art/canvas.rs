//! Drawing a picture: a canvas of shade and coverage per pixel, shapes tested point by point and
//! supersampled 4×4 (which smooths their edges), and the image it becomes.

use bevy::asset::RenderAssetUsages;
use bevy::prelude::*;
use bevy::render::render_resource::{Extent3d, TextureDimension, TextureFormat};

/// An image being drawn: a shade (0 black … 1 white) and a coverage per pixel.
pub(super) struct Canvas {
    pub(super) w: u32,
    pub(super) h: u32,
    pub(super) px: Vec<(f32, f32)>,
}

/// A point inside a shape, in the image's pixels (y down).
pub(super) type Shape<'a> = &'a dyn Fn(Vec2) -> bool;

impl Canvas {
    pub(super) fn new(w: u32, h: u32) -> Self {
        Canvas {
            w,
            h,
            px: vec![(1.0, 0.0); (w * h) as usize],
        }
    }

    /// Paints a shape in a shade over what is there.
    pub(super) fn fill(&mut self, inside: Shape, shade: f32) {
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

    pub(super) fn image(&self) -> Image {
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

pub(super) fn disc(c: Vec2, r: f32) -> impl Fn(Vec2) -> bool {
    move |p| p.distance(c) <= r
}

/// A stroke from `a` to `b` with round ends.
pub(super) fn capsule(a: Vec2, b: Vec2, r: f32) -> impl Fn(Vec2) -> bool {
    move |p| {
        let ab = b - a;
        let t = ((p - a).dot(ab) / ab.length_squared().max(1e-6)).clamp(0.0, 1.0);
        p.distance(a + ab * t) <= r
    }
}

pub(super) fn rounded_box(min: Vec2, max: Vec2, r: f32) -> impl Fn(Vec2) -> bool {
    move |p| {
        let c = p.clamp(min + r, max - r);
        p.distance(c) <= r
    }
}

pub(super) fn v(x: f32, y: f32) -> Vec2 {
    Vec2::new(x, y)
}
