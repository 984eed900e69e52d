//! The room itself, spawned when a game begins: the walls, the door and the way out, the queue's
//! ropes, the tables, the counter or service desk, the book's frame and caption, and the signs.

use bevy::prelude::*;

use super::*;
use crate::game::state::Screen;
use crate::i18n::Lang;
use crate::tr;

pub(super) fn spawn_fixtures(
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
