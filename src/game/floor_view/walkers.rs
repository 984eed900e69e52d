//! Customers walking on the floor: in at the door, along the queue, to the counter, and out,
//! happy or not, sometimes by way of a table. What a customer thought of the visit shows in a
//! bubble over their head; the money a visit brought rises from the counter.

use crate::tr;
use bevy::ecs::system::SystemParam;
use bevy::prelude::*;

use super::*;
use crate::game::model::{FrameEvents, Model, Pace};

/// Seconds a thought bubble stays up (at 1×; faster at higher speeds).
const BUBBLE_SECONDS: f32 = 2.5;
/// Seconds a served customer sits at a table (at 1×).
const SIT_SECONDS: f32 = 6.0;
/// Seconds a served customer stands at the counter (at 1×).
const SERVE_SECONDS: f32 = 1.2;
/// At most this many figures rise at once (at the fastest speed hundreds of visits end a
/// second).
const POPUPS_AT_ONCE: usize = 16;
const POPUP_SECONDS: f32 = 1.4;

type WalkerParts<'a> = (&'a mut Walker, &'a Children);

/// What the floor is drawn with and at what pace: the art, the language of its labels, the
/// game's speed and the frame's time.
#[derive(SystemParam)]
pub struct Drawing<'w> {
    art: Option<Res<'w, Art>>,
    lang: Res<'w, crate::i18n::Lang>,
    pace: Res<'w, Pace>,
    time: Res<'w, Time>,
}

/// The people on the floor: the visits walking, their faces, the queue's count and the figures
/// rising from the counter.
#[derive(SystemParam)]
pub struct People<'w, 's> {
    q: Query<'w, 's, WalkerParts<'static>>,
    heads: Query<'w, 's, &'static mut Sprite, With<HeadPart>>,
    count: Query<'w, 's, &'static mut Text2d, With<QueueCount>>,
    popups: Query<'w, 's, (), With<Popup>>,
}

/// Places the visits in the queue and at the service points, and sends the others away.
pub fn follow_floor(
    mut commands: Commands,
    model: Option<Res<Model>>,
    events: Res<FrameEvents>,
    drawing: Drawing,
    mut walkers: ResMut<Walkers>,
    people: People,
) {
    let Drawing {
        art,
        lang,
        pace,
        time,
    } = drawing;
    let People {
        mut q,
        mut heads,
        mut count,
        popups,
    } = people;
    let Some(model) = model else { return };
    let floor = model.floor();
    let points = floor.servers.len();
    let art = art.as_deref();
    let book = model.world.resource::<Customers>();
    let shop = matches!(model.scenario.revenue, RevenueModel::PerVisit);
    let bubble_time = BUBBLE_SECONDS / (1.0 + pace.speed as f32).sqrt();
    let mood_of = |v: &Visitor| match v {
        Visitor::Returning { customer, .. } => book.customer(*customer).map(|c| c.mood),
        Visitor::New { .. } => None,
    };
    let face_of = |v: &Visitor| match mood_of(v) {
        Some(m) => (art::face_of(m), mood_colour(m)),
        None => (2, NEW_VISITOR),
    };
    let segment_of = |v: &Visitor| match *v {
        Visitor::Returning { segment, .. } | Visitor::New { segment, .. } => segment,
    };
    // What the visit left them thinking: today's notable thought, else a heart for a promoter.
    let icon_of = |v: &Visitor| match v {
        Visitor::Returning { customer, .. } => book
            .story(*customer)
            .and_then(|s| {
                s.thoughts()
                    .last()
                    .filter(|th| th.day == model.clock().day)
                    .and_then(|th| art::icon_of(th.kind))
            })
            .or_else(|| mood_of(v).filter(|&m| m >= 9.0).map(|_| Icon::Heart)),
        Visitor::New { .. } => None,
    };
    let spawn = |commands: &mut Commands, v: Visitor, k: u64, target: Vec2, leaving: bool| {
        let e = person(
            commands,
            art,
            DOOR.extend(1.0),
            clothes(segment_of(&v)),
            face_of(&v),
        );
        commands.entity(e).insert(Walker {
            key: k,
            visitor: v,
            target,
            leaving,
            at_counter: None,
            seat: None,
            sitting: None,
            thought: None,
        });
        e
    };
    let set_face =
        |heads: &mut Query<&mut Sprite, With<HeadPart>>, children: &Children, v: Visitor| {
            let (face, colour) = face_of(&v);
            for c in children.iter() {
                if let Ok(mut s) = heads.get_mut(c) {
                    s.color = colour;
                    if let Some(a) = art {
                        a.face(face).apply(&mut s);
                    }
                }
            }
        };
    let mut seats = walkers.seats;
    let serve_time = SERVE_SECONDS / (1.0 + pace.speed as f32).sqrt();
    // Sends a visit on its way: `served` ones first finish at the counter (and a shop's may
    // then sit at a free table); the others go at once.
    let mut send_away = |commands: &mut Commands,
                         q: &mut Query<WalkerParts>,
                         heads: &mut Query<&mut Sprite, With<HeadPart>>,
                         e: Entity,
                         to: Vec2,
                         icon: Option<Icon>,
                         served: bool| {
        if let Ok((mut wk, children)) = q.get_mut(e) {
            wk.leaving = true;
            let v = wk.visitor;
            set_face(heads, children, v);
            if served {
                let mut then = to;
                if shop && let Some(i) = seats.iter().position(|t| !t) {
                    seats[i] = true;
                    wk.seat = Some(i);
                    then = seat(i);
                }
                wk.at_counter = Some((serve_time, then));
                wk.thought = icon;
            } else {
                wk.target = to;
                if let Some(icon) = icon {
                    bubble(commands, art, e, icon, bubble_time);
                }
            }
        } else {
            // Spawned and done within this frame: never drawn, nothing to animate.
            commands.entity(e).despawn();
        }
    };
    let mut rising = popups.iter().count();
    let now = time.elapsed_secs();

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
                    send_away(&mut commands, &mut q, &mut heads, e, EXIT, None, true);
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
                // The money a visit brings, rising from the counter.
                if shop
                    && server < POINTS_DRAWN
                    && rising < POPUPS_AT_ONCE
                    && now - walkers.popped[server] >= POPUP_SECONDS / 2.0
                {
                    walkers.popped[server] = now;
                    let spend = match visitor {
                        Visitor::Returning { customer, .. } => {
                            book.customer(customer).map_or(1.0, |c| c.spend as f64)
                        }
                        Visitor::New { segment, .. } => model
                            .scenario
                            .segments
                            .get(segment as usize)
                            .map_or(1.0, |s| s.spend),
                    };
                    let cents = (model.scenario.reference.price_cents as f64
                        * model.world.resource::<Levers>().price
                        * spend)
                        .round() as i64;
                    let at = service_point(server, points) + Vec2::new(0.0, 34.0);
                    let text = format!("+{}", model.scenario.currency().money(cents));
                    popup(&mut commands, at, text, AMBER);
                    rising += 1;
                }
            }
            FloorEvent::Balked { visitor, .. } => {
                // Turns away at the door: drawn walking back out, with a sign.
                let e = spawn(&mut commands, visitor, 0, OUTSIDE, true);
                bubble(&mut commands, art, e, Icon::NoEntry, bubble_time);
            }
            FloorEvent::Reneged { arrived, .. } => {
                if let Some(e) = walkers.by_key.remove(&key(arrived)) {
                    send_away(
                        &mut commands,
                        &mut q,
                        &mut heads,
                        e,
                        GAVE_UP,
                        Some(Icon::Wait),
                        false,
                    );
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
            let icon = q.get(e).ok().and_then(|(wk, _)| icon_of(&wk.visitor));
            send_away(&mut commands, &mut q, &mut heads, e, EXIT, icon, true);
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
        if let Some(&e) = walkers.by_key.get(&k)
            && let Ok((mut wk, _)) = q.get_mut(e)
        {
            wk.target = service_point(i, points);
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
            send_away(&mut commands, &mut q, &mut heads, e, EXIT, None, false);
        }
    }
    walkers.seats = seats;
    if let Ok(mut text) = count.single_mut() {
        let more = floor.queue.len().saturating_sub(QUEUE_DRAWN);
        text.0 = if more > 0 {
            tr!(*lang, "waiting-more", n = more)
        } else {
            String::new()
        };
    }
}

/// Moves walkers toward their targets in a two-frame step; a served customer stands at the
/// counter with their order, may sit a while at a table, then leaves; those leaving vanish when
/// they get out.
pub fn walk(
    mut commands: Commands,
    time: Res<Time>,
    pace: Res<Pace>,
    art: Option<Res<Art>>,
    mut walkers: ResMut<Walkers>,
    mut q: Query<(Entity, &mut Walker, &mut Transform, &Children)>,
    mut bodies: Query<&mut Sprite, With<BodyPart>>,
) {
    let speed = 1.0 + pace.speed as f32;
    let dt = time.delta_secs();
    let step = WALK_SPEED * speed.sqrt() * dt;
    let frame = (time.elapsed_secs() * 7.0) as u32;
    let art = art.as_deref();
    let bubble_time = BUBBLE_SECONDS / speed.sqrt();
    for (e, mut w, mut tf, children) in &mut q {
        let at = tf.translation.truncate();
        let to = w.target - at;
        let d = to.length();
        let pose = if d <= step.max(0.5) {
            tf.translation = w.target.extend(tf.translation.z);
            if let Some((left, then)) = w.at_counter {
                let left = left - dt * speed.sqrt();
                if left > 0.0 {
                    w.at_counter = Some((left, then));
                } else {
                    w.at_counter = None;
                    w.target = then;
                    if let Some(icon) = w.thought.take() {
                        bubble(&mut commands, art, e, icon, bubble_time);
                    }
                }
                Pose::Serve
            } else {
                match (w.leaving, w.seat, w.sitting) {
                    (true, Some(_), None) => {
                        w.sitting = Some(SIT_SECONDS);
                        Pose::Seated
                    }
                    (true, Some(s), Some(left)) => {
                        let left = left - dt * speed.sqrt();
                        if left <= 0.0 {
                            walkers.seats[s] = false;
                            w.seat = None;
                            w.sitting = None;
                            w.target = EXIT;
                            Pose::Serve
                        } else {
                            w.sitting = Some(left);
                            Pose::Seated
                        }
                    }
                    (true, None, _) => {
                        commands.entity(e).despawn();
                        continue;
                    }
                    (false, ..) => Pose::Stand,
                }
            }
        } else {
            tf.translation += (to / d * step).extend(0.0);
            Pose::Step
        };
        // Nearer the viewer (lower on screen) is drawn in front.
        tf.translation.z = 1.0 - tf.translation.y / 1000.0;
        let Some(art) = art else { continue };
        let flip = pose == Pose::Step && (frame + e.index_u32()).is_multiple_of(2);
        let look = art.body(pose);
        for c in children.iter() {
            if let Ok(mut s) = bodies.get_mut(c) {
                look.apply(&mut s);
                if s.flip_x != flip {
                    s.flip_x = flip;
                }
            }
        }
    }
}

/// Thought bubbles fade away after a while.
pub fn age_bubbles(
    mut commands: Commands,
    time: Res<Time>,
    pace: Res<Pace>,
    mut q: Query<(Entity, &mut Bubble)>,
) {
    let dt = time.delta_secs() * (1.0 + pace.speed as f32).sqrt();
    for (e, mut b) in &mut q {
        b.left -= dt;
        if b.left <= 0.0 {
            commands.entity(e).despawn();
        }
    }
}

/// At each day's end, the change in the business's star rating rises from the door (where the
/// next customers decide whether to come in).
pub fn pop_reputation(
    mut commands: Commands,
    model: Option<Res<Model>>,
    events: Res<FrameEvents>,
    art: Option<Res<Art>>,
) {
    let Some(model) = model else { return };
    if events.days_ended == 0 {
        return;
    }
    let rows = &model.history().rows;
    let [.., before, now] = rows.as_slice() else {
        return;
    };
    let change = now.reputation - before.reputation;
    if change.abs() < 0.005 {
        return;
    }
    let (text, colour) = if change > 0.0 {
        (format!("+{change:.2}"), AMBER)
    } else {
        (format!("−{:.2}", -change), VERMILION)
    };
    let at = DOOR + Vec2::new(34.0, 40.0);
    let e = popup(&mut commands, at, text, colour);
    commands.entity(e).with_child((
        picture(
            art.as_deref().map(|a| a.icon(Icon::Star)),
            colour,
            Vec2::splat(12.0),
        ),
        Transform::from_xyz(-26.0, 0.0, 0.1),
    ));
}

/// Pop-ups rise and fade.
pub fn rise_popups(
    mut commands: Commands,
    time: Res<Time>,
    mut q: Query<(
        Entity,
        &mut Popup,
        &mut Transform,
        &mut TextColor,
        Option<&Children>,
    )>,
    mut icons: Query<&mut Sprite>,
) {
    let dt = time.delta_secs();
    for (e, mut p, mut tf, mut colour, children) in &mut q {
        p.age += dt;
        if p.age >= POPUP_SECONDS {
            commands.entity(e).despawn();
            continue;
        }
        tf.translation.y += 22.0 * dt;
        let alpha = 1.0 - (p.age / POPUP_SECONDS).powi(2);
        colour.0 = colour.0.with_alpha(alpha);
        for c in children.into_iter().flatten() {
            if let Ok(mut s) = icons.get_mut(*c) {
                s.color = s.color.with_alpha(alpha);
            }
        }
    }
}
