//! Customers walking on the floor: into the queue, to a service point, and out (happy or not).

use crate::tr;
use bevy::prelude::*;

use super::*;
use crate::game::model::{FrameEvents, Model, Pace};

/// Places the visits in the queue and at the service points, and sends the others away.
pub fn follow_floor(
    mut commands: Commands,
    model: Option<Res<Model>>,
    events: Res<FrameEvents>,
    (image, lang): (Option<Res<DiscImage>>, Res<crate::i18n::Lang>),
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
            tr!(*lang, "waiting-more", n = more)
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
