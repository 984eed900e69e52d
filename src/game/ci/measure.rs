//! Measuring the floor's frame times in a real window: a crowd of people put on the floor, and
//! each frame's time written by what was on screen.

use bevy::prelude::*;

/// Frame times by the name of what was on screen ("measure:NAME" starts a measurement, the
/// next one or "measure-end" closes it): each closed one appends "NAME median_ms frames" to the
/// file, for the smoke test to compare (the title screen against the floor with a crowd).
#[derive(Resource)]
pub(super) struct FrameLog {
    pub(super) file: std::path::PathBuf,
    pub(super) current: Option<(String, Vec<f32>)>,
}

impl FrameLog {
    pub(super) fn close(&mut self) {
        let Some((name, mut times)) = self.current.take() else {
            return;
        };
        if times.is_empty() {
            return;
        }
        times.sort_by(f32::total_cmp);
        let median = times[times.len() / 2];
        use std::io::Write as _;
        let line = format!("{name} {:.2} {}\n", median * 1000.0, times.len());
        let _ = std::fs::OpenOptions::new()
            .create(true)
            .append(true)
            .open(&self.file)
            .and_then(|mut f| f.write_all(line.as_bytes()));
    }
}

/// Wall-clock time between frames (the scripted run fixes the game's own clocks, real time
/// included, at 50 ms a frame).
pub(super) fn time_frames(
    mut last: Local<Option<std::time::Instant>>,
    mut log: ResMut<FrameLog>,
    exits: MessageReader<AppExit>,
) {
    let now = std::time::Instant::now();
    if let (Some((_, times)), Some(before)) = (log.current.as_mut(), *last) {
        times.push((now - before).as_secs_f32());
    }
    *last = Some(now);
    if !exits.is_empty() {
        log.close();
    }
}

/// A crowd for measuring: people who walk from place to place on the floor, drawn as every
/// customer is, but not the model's.
#[derive(Component)]
pub(super) struct Crowd(u32);

/// Spawns `n` people at spread-out places of the room, each walking on to another.
pub(super) fn spawn_crowd(
    commands: &mut Commands,
    art: Option<&crate::game::floor_view::Art>,
    n: u32,
) {
    use crate::game::floor_view::{Walker, clothes, person};
    for i in 0..n {
        let at = crowd_spot(i, 0);
        let e = person(
            commands,
            art,
            at.extend(1.0),
            clothes((i % 4) as u8),
            (
                (i % 5) as usize,
                crate::game::floor_view::mood_colour((i % 11) as f32),
            ),
        );
        commands.entity(e).insert((
            Walker {
                key: u64::MAX - i as u64,
                visitor: crate::sim::day::Visitor::New {
                    segment: (i % 4) as u8,
                    source: crate::sim::day::Source::WalkIn,
                },
                target: crowd_spot(i, 1),
                leaving: false,
                at_counter: None,
                seat: None,
                sitting: None,
                thought: None,
            },
            Crowd(1),
        ));
    }
}

/// The `k`th place for crowd member `i`: spread over the room's floor (a fixed pattern, the same
/// every run).
pub(super) fn crowd_spot(i: u32, k: u32) -> Vec2 {
    let h = (i.wrapping_mul(2_654_435_761) ^ k.wrapping_mul(40_503)).rotate_left(13);
    let x = (h % 560) as f32 - 300.0;
    let y = ((h / 560) % 300) as f32 - 240.0;
    Vec2::new(x, y)
}

/// The crowd walks on when it arrives.
pub(super) fn mill_crowd(
    mut q: Query<(&mut crate::game::floor_view::Walker, &mut Crowd, &Transform)>,
) {
    for (mut w, mut c, tf) in &mut q {
        if tf.translation.truncate().distance(w.target) < 1.0 {
            c.0 += 1;
            w.target = crowd_spot((w.key & 0xffff_ffff) as u32, c.0);
        }
    }
}
