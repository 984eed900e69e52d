//! The staff behind the counter: little people in aprons whose faces show their morale, who
//! hand over an order while serving, slump when tired (with a drop of sweat), and fade when off
//! shift; a bar under each shows their fatigue.

use bevy::prelude::*;

use super::*;
use crate::game::model::Model;

/// Fatigue from which an employee is drawn slumped, with a drop of sweat.
const TIRED: f32 = 0.6;

type StaffParts<'a> = (Entity, &'a mut StaffMark, &'a mut Transform, &'a Children);

/// The parts of an employee's figure that change.
type PartSprites<'a> = (
    &'a mut Sprite,
    &'a mut Transform,
    &'a mut Visibility,
    Has<BodyPart>,
    Has<HeadPart>,
    Has<FatigueBar>,
    Has<Sweat>,
);

/// One figure per service point: the employee working it, their face by morale, their pose by
/// what they are doing, a fatigue bar; a faded figure where nobody is serving.
pub fn sync_staff(
    mut commands: Commands,
    model: Option<Res<Model>>,
    art: Option<Res<Art>>,
    mut marks: Query<StaffParts>,
    mut parts: Query<PartSprites, Without<StaffMark>>,
) {
    let Some(model) = model else { return };
    let art = art.as_deref();
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
            let e = person(
                &mut commands,
                art,
                staff_spot(i, n).extend(0.5),
                APRON,
                (2, morale_colour(0.7)),
            );
            commands
                .entity(e)
                .insert(StaffMark {
                    index: i,
                    employee: None,
                })
                .with_children(|p| {
                    p.spawn((
                        block(Color::srgb(0.95, 0.95, 0.95), Vec2::new(18.0, 3.0)),
                        Transform::from_xyz(0.0, -15.0, 0.2),
                        FatigueBar,
                    ));
                    p.spawn((
                        picture(
                            art.map(Art::drop),
                            Color::srgb(0.55, 0.8, 0.95),
                            Vec2::new(6.0, 9.0),
                        ),
                        Transform::from_xyz(9.0, 19.0, 0.3),
                        Visibility::Hidden,
                        Sweat,
                    ));
                });
        }
        return;
    }
    let clock = model.clock();
    let (now, _) = clock.tick_window();
    for (_, mut mark, mut tf, children) in &mut marks {
        tf.translation = staff_spot(mark.index, n).extend(0.5);
        let sv = servers.get(mark.index);
        let on_shift = sv.is_some_and(|sv| sv.on_from <= now && now < sv.on_until);
        let serving = sv.is_some_and(|sv| sv.serving.is_some());
        let emp = sv.and_then(|sv| w.get::<Employee>(sv.employee).map(|e| (sv.employee, e)));
        mark.employee = emp.map(|(e, _)| e);
        let (morale, fatigue) = emp.map_or((0.5, 0.0), |(_, e)| {
            (e.morale.clamp(0.0, 1.0), e.fatigue.clamp(0.0, 1.0))
        });
        let alpha = if emp.is_some() && on_shift { 1.0 } else { 0.35 };
        let pose = if fatigue >= TIRED {
            Pose::Slump
        } else if serving && on_shift {
            Pose::Serve
        } else {
            Pose::Stand
        };
        for c in children.iter() {
            let Ok((mut s, mut t, mut vis, body, head, bar, sweat)) = parts.get_mut(c) else {
                continue;
            };
            if body {
                s.color = APRON.with_alpha(alpha);
                if let Some(a) = art {
                    a.body(pose).apply(&mut s);
                }
            } else if head {
                s.color = morale_colour(morale).with_alpha(alpha);
                if let Some(a) = art {
                    a.face(art::face_of(morale * 10.0)).apply(&mut s);
                }
                // A slumped body carries its head lower.
                t.translation.y = HEAD_AT.y - if pose == Pose::Slump { 2.0 } else { 0.0 };
            } else if bar {
                s.custom_size = Some(Vec2::new(18.0 * fatigue, 3.0));
                t.translation.x = -9.0 + 9.0 * fatigue;
                *vis = if emp.is_some() {
                    Visibility::Inherited
                } else {
                    Visibility::Hidden
                };
            } else if sweat {
                *vis = if emp.is_some() && fatigue >= TIRED {
                    Visibility::Inherited
                } else {
                    Visibility::Hidden
                };
            }
        }
    }
}
