//! The book of customers: one dot each (an even sample of a large book), coloured by mood, with
//! the keyboard cursor when the book has the focus.

use crate::tr;
use bevy::prelude::*;

use super::*;
use crate::game::model::{FrameEvents, Model};

/// Which customers the book shows: all active ones in order of joining, or an even sample when
/// there are more than the dots.
pub fn book_sample(mut active: Vec<(u32, Entity, f32, bool)>) -> (usize, Vec<(Entity, f32, bool)>) {
    active.sort_unstable_by_key(|a| a.0);
    let total = active.len();
    let picked = if total <= BOOK_DOTS {
        active.into_iter().map(|(_, e, m, q)| (e, m, q)).collect()
    } else {
        (0..BOOK_DOTS)
            .map(|i| {
                let (_, e, m, q) = active[i * total / BOOK_DOTS];
                (e, m, q)
            })
            .collect()
    };
    (total, picked)
}

/// Recolours the book's dots from the model's customers (a few times a second).
pub fn sync_book(
    mut model: Option<ResMut<Model>>,
    events: Res<FrameEvents>,
    mut last: Local<Option<(u32, u32)>>,
    mut dots: Query<(&mut BookDot, &mut Sprite, &mut Visibility)>,
    mut caption: Query<&mut Text2d, With<BookCaption>>,
    lang: Res<crate::i18n::Lang>,
) {
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
    let mut q = model
        .world
        .query_filtered::<(Entity, &Customer), Without<Churned>>();
    let active: Vec<(u32, Entity, f32, bool)> = q
        .iter(&model.world)
        .map(|(e, c)| {
            (
                c.id,
                e,
                c.mood,
                c.lapsing_until != 0 && c.lapsing_until > day,
            )
        })
        .collect();
    let (total, picked) = book_sample(active);
    for (mut dot, mut sprite, mut vis) in &mut dots {
        match picked.get(dot.index) {
            Some(&(e, mood, quiet)) => {
                dot.customer = Some(e);
                let c = mood_colour(mood);
                sprite.color = if quiet { c.with_alpha(0.3) } else { c };
                *vis = Visibility::Inherited;
            }
            None => {
                dot.customer = None;
                *vis = Visibility::Hidden;
            }
        }
    }
    if let Ok(mut text) = caption.single_mut() {
        text.0 = if total > BOOK_DOTS {
            tr!(*lang, "the-book-sampled", total = total)
        } else {
            tr!(*lang, "the-book", total = total)
        };
    }
}

/// Puts the keyboard cursor on the book's dot it is on, while the book has the focus.
pub fn show_book_cursor(
    ui: Res<crate::game::input::UiState>,
    mut cursor: Query<(&mut Transform, &mut Visibility), With<BookCursor>>,
) {
    for (mut t, mut vis) in &mut cursor {
        let on = ui.panel == crate::game::input::Panel::Book;
        *vis = if on {
            Visibility::Inherited
        } else {
            Visibility::Hidden
        };
        t.translation = book_slot(ui.book_cursor).extend(-0.5);
    }
}
