//! The book of customers: one dot each (an even sample of a large book), coloured by mood, with
//! the keyboard cursor when the book has the focus.

use crate::tr;
use bevy::ecs::system::SystemParam;
use bevy::prelude::*;

use super::*;
use crate::game::model::{FrameEvents, Model};

/// Which customers the book shows: all active ones in order of joining, or an even sample when
/// there are more than the dots.
pub fn book_sample(mut active: Vec<(u32, f32, bool)>) -> (usize, Vec<(u32, f32, bool)>) {
    active.sort_unstable_by_key(|a| a.0);
    let total = active.len();
    let picked = if total <= BOOK_DOTS {
        active
    } else {
        (0..BOOK_DOTS)
            .map(|i| active[i * total / BOOK_DOTS])
            .collect()
    };
    (total, picked)
}

/// The book on the floor: its dots, its caption and its picture.
#[derive(SystemParam)]
pub struct Book<'w, 's> {
    dots: Query<'w, 's, &'static mut BookDot>,
    caption: Query<'w, 's, &'static mut Text2d, With<BookCaption>>,
    picture: Query<'w, 's, &'static BookPicture>,
}

/// Recolours the book's dots from the model's customers (a few times a second) and redraws
/// its picture.
pub fn sync_book(
    mut model: Option<ResMut<Model>>,
    events: Res<FrameEvents>,
    mut last: Local<Option<(u32, u32)>>,
    book: Book,
    lang: Res<crate::i18n::Lang>,
    images: Option<ResMut<Assets<Image>>>,
) {
    let Book {
        mut dots,
        mut caption,
        picture,
    } = book;
    let Some(model) = model.as_deref_mut() else {
        return;
    };
    let clock = model.clock();
    let now = (clock.day, clock.tick / 4);
    if *last == Some(now) && events.ticks == 0 {
        return;
    }
    *last = Some(now);
    let day = clock.day;
    let active: Vec<(u32, f32, bool)> = model
        .world
        .resource::<Customers>()
        .iter_active()
        .map(|(c, _)| (c.id, c.mood, c.lapsing_until != 0 && c.lapsing_until > day))
        .collect();
    let (total, picked) = book_sample(active);
    for mut dot in &mut dots {
        match picked.get(dot.index) {
            Some(&(e, mood, quiet)) => {
                dot.customer = Some(e);
                let c = mood_colour(mood);
                // Quiet (lapsing) customers are drawn faded.
                dot.colour = if quiet { c.with_alpha(0.3) } else { c };
            }
            None => {
                dot.customer = None;
                dot.colour = Color::NONE;
            }
        }
    }
    if let (Ok(BookPicture(handle)), Some(mut images)) = (picture.single(), images)
        && let Some(mut image) = images.get_mut(handle)
    {
        draw_book(&mut image, dots.iter());
    }
    if let Ok(mut text) = caption.single_mut() {
        text.0 = if total > BOOK_DOTS {
            tr!(*lang, "the-book-sampled", total = total)
        } else {
            tr!(*lang, "the-book", total = total)
        };
    }
}

/// A transparent picture for the book, `w` by `h` pixels.
pub fn blank_picture(w: u32, h: u32) -> Image {
    use bevy::asset::RenderAssetUsages;
    use bevy::render::render_resource::{Extent3d, TextureDimension, TextureFormat};
    Image::new(
        Extent3d {
            width: w,
            height: h,
            depth_or_array_layers: 1,
        },
        TextureDimension::D2,
        vec![0; (w * h * 4) as usize],
        TextureFormat::Rgba8UnormSrgb,
        RenderAssetUsages::default(),
    )
}

/// A dot's coverage of each of its pixels (a disc a little smaller than its cell).
fn dot_mask() -> [[f32; BOOK_PX as usize]; BOOK_PX as usize] {
    let mut m = [[0.0; BOOK_PX as usize]; BOOK_PX as usize];
    let r = BOOK_PX as f32 * 0.41;
    let c = BOOK_PX as f32 / 2.0;
    for (y, row) in m.iter_mut().enumerate() {
        for (x, cell) in row.iter_mut().enumerate() {
            let d = Vec2::new(x as f32 + 0.5 - c, y as f32 + 0.5 - c).length();
            *cell = (r - d + 0.5).clamp(0.0, 1.0);
        }
    }
    m
}

/// Draws every dot into the book's picture, in its colour (nothing where no customer is).
fn draw_book<'a>(image: &mut Image, dots: impl Iterator<Item = &'a BookDot>) {
    let width = image.width() as usize;
    let Some(data) = image.data.as_mut() else {
        return;
    };
    data.fill(0);
    let mask = dot_mask();
    let px = BOOK_PX as usize;
    for dot in dots {
        if dot.customer.is_none() {
            continue;
        }
        let rgba = dot.colour.to_srgba();
        let (cx, cy) = (
            (dot.index % BOOK_COLUMNS) * px,
            (dot.index / BOOK_COLUMNS) * px,
        );
        for (y, row) in mask.iter().enumerate() {
            for (x, &m) in row.iter().enumerate() {
                let at = ((cy + y) * width + cx + x) * 4;
                if let Some(p) = data.get_mut(at..at + 4) {
                    p.copy_from_slice(&[
                        (rgba.red * 255.0).round() as u8,
                        (rgba.green * 255.0).round() as u8,
                        (rgba.blue * 255.0).round() as u8,
                        (rgba.alpha * m * 255.0).round() as u8,
                    ]);
                }
            }
        }
    }
}

/// Puts the keyboard cursor on the book's dot it is on, while the book has the focus.
pub fn show_book_cursor(
    ui: Res<crate::game::ui::Focus>,
    mut cursor: Query<(&mut Transform, &mut Visibility), With<BookCursor>>,
) {
    for (mut t, mut vis) in &mut cursor {
        let on = ui.panel == crate::game::ui::Panel::Book;
        *vis = if on {
            Visibility::Inherited
        } else {
            Visibility::Hidden
        };
        t.translation = book_slot(ui.book_cursor).extend(-0.5);
    }
}
