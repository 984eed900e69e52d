//! The staff at their service points, tinted by morale, each with a fatigue bar.

use bevy::prelude::*;

use super::*;
use crate::game::model::Model;

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
