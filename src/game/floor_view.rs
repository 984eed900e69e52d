//! The floor as the player sees it: an entrance, a queue, service points with the staff on shift,
//! an exit, and above them the book of customers, one dot each. The view follows the model: it
//! reads the floor's queue and servers and the tick's events, and moves customers smoothly
//! between ticks. Colours come from a colour-blind-safe scale (Okabe–Ito vermilion, grey, blue).

use std::collections::BTreeMap;

use bevy::prelude::*;

use crate::sim::customers::{Churned, Customer, CustomerStory, ThoughtKind};
use crate::sim::floor::{FloorEvent, Visitor};
use crate::sim::levers::Levers;
use crate::sim::staff::Employee;

use super::Screen;
use super::model::{FrameEvents, Model, Pace};
use super::text::t;

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
            (follow_floor, sync_staff, sync_book, show_book_cursor, walk)
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

fn label(text: &str, size: f32) -> (Text2d, TextFont, TextColor) {
    (
        Text2d::new(text),
        TextFont::from_font_size(size),
        TextColor(Color::srgb(0.85, 0.87, 0.9)),
    )
}

fn spawn_fixtures(mut commands: Commands, image: Option<Res<DiscImage>>) {
    let tx = t();
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
    for (pos, text) in [(DOOR, tx.entrance), (EXIT, tx.exit)] {
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
        label(tx.queue, 13.0),
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
        label(tx.the_book, 14.0),
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

/// Places the visits in the queue and at the service points, and sends the others away.
#[allow(clippy::too_many_arguments)]
pub fn follow_floor(
    mut commands: Commands,
    model: Option<Res<Model>>,
    events: Res<FrameEvents>,
    image: Option<Res<DiscImage>>,
    mut walkers: ResMut<Walkers>,
    mut q: Query<(&mut Walker, &mut Sprite)>,
    mut count: Query<&mut Text2d, With<QueueCount>>,
) {
    let Some(model) = model else { return };
    let floor = model.floor();
    let points = floor.servers.len();
    let image = image.as_deref();
    let w = &model.world;
    let colour_of = |v: &Visitor| match v {
        Visitor::Returning { entity, .. } => w
            .get::<Customer>(*entity)
            .map_or(NEW_VISITOR, |c| mood_colour(c.mood)),
        Visitor::New { .. } => NEW_VISITOR,
    };
    let glyph_of = |v: &Visitor| match v {
        Visitor::Returning { entity, .. } => w.get::<CustomerStory>(*entity).and_then(|s| {
            s.thoughts()
                .last()
                .filter(|th| th.day == model.clock().day)
                .and_then(|th| thought_glyph(th.kind))
        }),
        Visitor::New { .. } => None,
    };
    let spawn = |commands: &mut Commands, v: Visitor, k: u64, target: Vec2, leaving: bool| {
        commands
            .spawn((
                disc(image, colour_of(&v), 14.0),
                Transform::from_translation(DOOR.extend(1.0)),
                Walker {
                    key: k,
                    visitor: v,
                    target,
                    leaving,
                },
                DespawnOnExit(Screen::Playing),
            ))
            .id()
    };
    let send_away = |commands: &mut Commands,
                     q: &mut Query<(&mut Walker, &mut Sprite)>,
                     e: Entity,
                     to: Vec2,
                     glyph: Option<&str>| {
        if let Ok((mut wk, _)) = q.get_mut(e) {
            wk.target = to;
            wk.leaving = true;
            if let Some(g) = glyph {
                commands
                    .entity(e)
                    .with_child((label(g, 16.0), Transform::from_xyz(0.0, 14.0, 1.0)));
            }
        } else {
            // Spawned and done within this frame: never drawn, nothing to animate.
            commands.entity(e).despawn();
        }
    };

    for ev in &events.floor {
        match *ev {
            FloorEvent::Served {
                visitor,
                arrived,
                server,
                ..
            } => {
                let k = key(arrived);
                if let Some(prev) = walkers.at_point.insert(server, k)
                    && let Some(&e) = walkers.by_key.get(&prev)
                {
                    walkers.by_key.remove(&prev);
                    send_away(&mut commands, &mut q, e, EXIT, None);
                }
                if server < POINTS_DRAWN && !walkers.by_key.contains_key(&k) {
                    let e = spawn(
                        &mut commands,
                        visitor,
                        k,
                        service_point(server, points),
                        false,
                    );
                    walkers.by_key.insert(k, e);
                }
            }
            FloorEvent::Balked { visitor, .. } => {
                // Turns away at the door: drawn walking back out, with a mark.
                let e = spawn(&mut commands, visitor, 0, OUTSIDE, true);
                commands
                    .entity(e)
                    .with_child((label("<", 16.0), Transform::from_xyz(0.0, 14.0, 1.0)));
            }
            FloorEvent::Reneged { arrived, .. } => {
                if let Some(e) = walkers.by_key.remove(&key(arrived)) {
                    send_away(&mut commands, &mut q, e, GAVE_UP, Some("!"));
                }
            }
        }
    }

    // Service points whose customer is done.
    let done: Vec<usize> = walkers
        .at_point
        .keys()
        .copied()
        .filter(|&i| floor.servers.get(i).is_none_or(|sv| sv.serving.is_none()))
        .collect();
    for i in done {
        if let Some(k) = walkers.at_point.remove(&i)
            && let Some(e) = walkers.by_key.remove(&k)
        {
            let glyph = q.get(e).ok().and_then(|(wk, _)| glyph_of(&wk.visitor));
            send_away(&mut commands, &mut q, e, EXIT, glyph);
        }
    }

    // Everyone in the queue, in order.
    for (i, wt) in floor.queue.iter().take(QUEUE_DRAWN).enumerate() {
        let k = key(wt.arrived);
        match walkers.by_key.get(&k) {
            Some(&e) => {
                if let Ok((mut wk, _)) = q.get_mut(e) {
                    wk.target = queue_slot(i);
                }
            }
            None => {
                let e = spawn(&mut commands, wt.visitor, k, queue_slot(i), false);
                walkers.by_key.insert(k, e);
            }
        }
    }
    for (&i, &k) in &walkers.at_point {
        if let Some(&e) = walkers.by_key.get(&k) {
            let target = service_point(i, points);
            if let Ok((mut wk, mut sprite)) = q.get_mut(e) {
                wk.target = target;
                sprite.color = colour_of(&wk.visitor);
            }
        }
    }
    // Visits the view lost track of (served and gone within one frame at high speed) leave.
    let placed: std::collections::BTreeSet<u64> = floor
        .queue
        .iter()
        .take(QUEUE_DRAWN)
        .map(|wt| key(wt.arrived))
        .chain(walkers.at_point.values().copied())
        .collect();
    let lost: Vec<u64> = walkers
        .by_key
        .keys()
        .copied()
        .filter(|k| !placed.contains(k))
        .collect();
    for k in lost {
        if let Some(e) = walkers.by_key.remove(&k) {
            send_away(&mut commands, &mut q, e, EXIT, None);
        }
    }
    if let Ok(mut text) = count.single_mut() {
        let more = floor.queue.len().saturating_sub(QUEUE_DRAWN);
        text.0 = if more > 0 {
            format!("+{more} {}", t().waiting_more)
        } else {
            String::new()
        };
    }
}

/// Moves walkers toward their targets; those leaving vanish when they get there.
pub fn walk(
    mut commands: Commands,
    time: Res<Time>,
    pace: Res<Pace>,
    mut q: Query<(Entity, &Walker, &mut Transform)>,
) {
    let step = WALK_SPEED * (1.0 + pace.speed as f32) * time.delta_secs();
    for (e, w, mut tf) in &mut q {
        let at = tf.translation.truncate();
        let to = w.target - at;
        let d = to.length();
        if d <= step.max(0.5) {
            tf.translation = w.target.extend(tf.translation.z);
            if w.leaving {
                commands.entity(e).despawn();
            }
        } else {
            tf.translation += (to / d * step).extend(0.0);
        }
    }
}

/// One mark per service point: the employee working it, tinted by morale, with a fatigue bar;
/// a dim mark where nobody is serving.
pub fn sync_staff(
    mut commands: Commands,
    model: Option<Res<Model>>,
    image: Option<Res<DiscImage>>,
    mut marks: Query<(
        Entity,
        &mut StaffMark,
        &mut Sprite,
        &mut Transform,
        &Children,
    )>,
    mut bars: Query<FatigueBarParts, (With<FatigueBar>, Without<StaffMark>)>,
) {
    let Some(model) = model else { return };
    let w = &model.world;
    let servers = &model.floor().servers;
    let staff = w.resource::<Levers>().staff as usize;
    let n = servers.len().max(staff).min(POINTS_DRAWN);
    let existing = marks.iter().count();
    if existing != n {
        for (e, ..) in &marks {
            commands.entity(e).despawn();
        }
        for i in 0..n {
            commands
                .spawn((
                    disc(image.as_deref(), Color::srgb(0.3, 0.3, 0.3), 22.0),
                    Transform::from_translation(staff_spot(i, n).extend(0.5)),
                    StaffMark {
                        index: i,
                        employee: None,
                    },
                    DespawnOnExit(Screen::Playing),
                ))
                .with_child((
                    block(Color::srgb(0.9, 0.9, 0.9), Vec2::new(20.0, 3.0)),
                    Transform::from_xyz(0.0, -16.0, 0.1),
                    FatigueBar,
                ));
        }
        return;
    }
    let clock = model.clock();
    let (now, _) = clock.tick_window();
    for (_, mut mark, mut sprite, mut tf, children) in &mut marks {
        tf.translation = staff_spot(mark.index, n).extend(0.5);
        let sv = servers.get(mark.index);
        let on_shift = sv.is_some_and(|sv| sv.on_from <= now && now < sv.on_until);
        let emp = sv.and_then(|sv| w.get::<Employee>(sv.employee).map(|e| (sv.employee, e)));
        mark.employee = emp.map(|(e, _)| e);
        match emp {
            Some((_, e)) if on_shift => {
                sprite.color = morale_colour(e.morale);
            }
            Some((_, e)) => sprite.color = morale_colour(e.morale).with_alpha(0.35),
            None => sprite.color = Color::srgba(0.3, 0.3, 0.3, 0.5),
        }
        for c in children.iter() {
            if let Ok((mut bar, mut btf)) = bars.get_mut(c) {
                let f = emp.map_or(0.0, |(_, e)| e.fatigue.clamp(0.0, 1.0));
                bar.custom_size = Some(Vec2::new(22.0 * f, 3.0));
                bar.color = Color::srgb(0.9, 0.9, 0.9);
                btf.translation.x = -11.0 + 11.0 * f;
            }
        }
    }
}

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
        let tx = t();
        text.0 = if total > BOOK_DOTS {
            format!("{} - {} {total}", tx.the_book, tx.sampled)
        } else {
            format!("{}: {total}", tx.the_book)
        };
    }
}

/// Puts the keyboard cursor on the book's dot it is on, while the book has the focus.
pub fn show_book_cursor(
    ui: Res<super::input::UiState>,
    mut cursor: Query<(&mut Transform, &mut Visibility), With<BookCursor>>,
) {
    for (mut t, mut vis) in &mut cursor {
        let on = ui.panel == super::input::Panel::Book;
        *vis = if on {
            Visibility::Inherited
        } else {
            Visibility::Hidden
        };
        t.translation = book_slot(ui.book_cursor).extend(-0.5);
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
