//! What the screens drew, read off egui's output in a scripted run: every distinct text (the
//! smoke test checks that no id such as `service_level` and, in Chinese, no stray English
//! reaches the screen), and where each text lies: a text that runs off the window or is cut by
//! the panel holding it, or two texts of one panel drawn over each other, for five frames in a
//! row, is written to `layout.txt` beside the texts, which the smoke test lists (and fails on
//! with `LAYOUT_STRICT=1`).

use bevy::prelude::*;
use bevy_egui::egui::{Rect, Shape};

/// Where the texts and the layout problems go.
#[derive(Resource)]
pub struct TextRecord {
    file: std::path::PathBuf,
    seen: std::collections::BTreeSet<String>,
    problems: std::collections::BTreeSet<String>,
    /// For how many frames in a row each problem has been seen.
    streak: std::collections::BTreeMap<String, u32>,
}

/// A problem counts once it has lasted this many frames in a row: a window resized or a
/// panel growing passes through frames that are not what anyone sees for long.
const SETTLED_FRAMES: u32 = 5;

impl TextRecord {
    pub fn new(file: std::path::PathBuf) -> TextRecord {
        TextRecord {
            file,
            seen: Default::default(),
            problems: Default::default(),
            streak: Default::default(),
        }
    }

    /// Records to `file` from now on (a new part of a scripted run).
    pub fn to(&mut self, file: std::path::PathBuf) {
        self.file = file;
        self.seen.clear();
        self.problems.clear();
        self.streak.clear();
    }

    fn layout_file(&self) -> std::path::PathBuf {
        self.file.with_file_name("layout.txt")
    }
}

/// A row of a text egui painted: its words, where it lies and the rectangle it is clipped to.
struct Painted {
    text: String,
    rect: Rect,
    clip: Rect,
}

/// Each row of each text: a wrapped label's first row may start after another widget on its
/// line (its galley's rectangle spans the whole width), so rows, not galleys, are compared.
fn texts(shape: &Shape, clip: Rect, whole: &mut Vec<String>, out: &mut Vec<Painted>) {
    match shape {
        Shape::Text(t) => {
            whole.push(t.galley.job.text.clone());
            for row in &t.galley.rows {
                let text: String = row.glyphs.iter().map(|g| g.chr).collect();
                let rect = row.rect_without_leading_space().translate(t.pos.to_vec2());
                out.push(Painted { text, rect, clip });
            }
        }
        Shape::Vec(v) => v.iter().for_each(|s| texts(s, clip, whole, out)),
        _ => {}
    }
}

/// A chart's tick label (a bare number): the chart clips the ones at its edges itself.
fn tick_label(text: &str) -> bool {
    let t = text.trim();
    !t.is_empty()
        && t.chars()
            .all(|c| c.is_ascii_digit() || matches!(c, '.' | '-' | '−' | ','))
}

/// How far (in points) a text may cross an edge before it counts: the glyphs' bounding boxes
/// reach a little past the line for descenders and italics.
const SLACK: f32 = 2.0;

/// The layout problems of one frame: texts off the screen, texts cut at the side of their panel,
/// and texts of one panel (one clip rectangle) drawn over each other.
fn problems(painted: &[Painted], screen: Rect) -> Vec<String> {
    let short = |t: &str| -> String {
        let one: String = t.replace('\n', " ").chars().take(40).collect();
        one
    };
    let mut found = Vec::new();
    for p in painted.iter().filter(|p| !p.text.trim().is_empty()) {
        // Only what is meant to be seen: a text scrolled out of its area entirely is not drawn.
        let seen = p.rect.intersect(p.clip);
        if seen.width() <= 0.0 || seen.height() <= 0.0 {
            continue;
        }
        // Across only: text below the window's bottom edge belongs to a list that scrolls.
        if p.rect.max.x > screen.max.x + SLACK || p.rect.min.x < screen.min.x - SLACK {
            found.push(format!("off the window: \"{}\"", short(&p.text)));
        } else if (p.rect.max.x > p.clip.max.x + SLACK || p.rect.min.x < p.clip.min.x - SLACK)
            && !tick_label(&p.text)
        {
            // Cut at the side (a panel too narrow for its column); cut at the top or bottom is a
            // scrolled list's.
            found.push(format!("cut at the side: \"{}\"", short(&p.text)));
        }
    }
    for (i, a) in painted.iter().enumerate() {
        for b in &painted[i + 1..] {
            if a.clip != b.clip || a.text.trim().is_empty() || b.text.trim().is_empty() {
                continue;
            }
            let both = a.rect.intersect(b.rect).intersect(a.clip);
            if both.width() > SLACK && both.height() > SLACK {
                found.push(format!(
                    "drawn over each other: \"{}\" and \"{}\"",
                    short(&a.text),
                    short(&b.text)
                ));
            }
        }
    }
    found
}

pub fn record_text(
    mut outputs: Query<(&bevy_egui::EguiFullOutput, &mut bevy_egui::EguiContext)>,
    mut record: ResMut<TextRecord>,
) {
    let mut painted = Vec::new();
    let mut whole = Vec::new();
    let mut screen = Rect::NOTHING;
    for (out, mut ctx) in &mut outputs {
        if let Some(full) = &out.0 {
            screen = screen.union(ctx.get_mut().content_rect());
            for clipped in &full.shapes {
                texts(&clipped.shape, clipped.clip_rect, &mut whole, &mut painted);
            }
        }
    }
    let record = &mut *record;
    let new: Vec<String> = whole
        .into_iter()
        .filter(|t| !t.trim().is_empty() && record.seen.insert(t.clone()))
        .collect();
    append(&record.file, &new);
    let now = problems(&painted, screen);
    let mut streak = std::collections::BTreeMap::new();
    for p in now {
        let n = record.streak.get(&p).copied().unwrap_or(0) + 1;
        streak.insert(p, n);
    }
    record.streak = streak;
    let found: Vec<String> = record
        .streak
        .iter()
        .filter(|(_, n)| **n >= SETTLED_FRAMES)
        .map(|(p, _)| p.clone())
        .filter(|p| record.problems.insert(p.clone()))
        .collect();
    append(&record.layout_file(), &found);
}

/// Lines appended to a file, newlines escaped.
fn append(file: &std::path::Path, lines: &[String]) {
    use std::io::Write as _;
    if lines.is_empty() {
        return;
    }
    let written = std::fs::OpenOptions::new()
        .create(true)
        .append(true)
        .open(file)
        .and_then(|mut f| {
            lines
                .iter()
                .try_for_each(|t| writeln!(f, "{}", t.replace('\n', "\\n")))
        });
    if let Err(e) = written {
        warn!("cannot record the screen's text to {}: {e}", file.display());
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use bevy_egui::egui;

    fn at(text: &str, x: f32, y: f32, w: f32, clip: Rect) -> Painted {
        Painted {
            text: text.into(),
            rect: Rect::from_min_size(egui::pos2(x, y), egui::vec2(w, 14.0)),
            clip,
        }
    }

    /// The check finds each kind of problem, and nothing in a tidy screen or a scrolled list.
    #[test]
    fn texts_off_the_window_cut_or_overlapping_are_found() {
        let screen = Rect::from_min_size(egui::Pos2::ZERO, egui::vec2(1024.0, 768.0));
        let panel = Rect::from_min_max(egui::pos2(700.0, 0.0), egui::pos2(1024.0, 768.0));
        let tidy = [
            at("Profit", 710.0, 10.0, 80.0, panel),
            at("Cash", 710.0, 30.0, 80.0, panel),
            // Below the fold of a scrolled list: not drawn, not a problem.
            at("Hidden", 710.0, 900.0, 80.0, panel),
            // Cut at the bottom of its scrolled list.
            at("Half", 710.0, 760.0, 80.0, panel),
        ];
        assert_eq!(problems(&tidy, screen), Vec::<String>::new());
        let off = [at("Shareholders", 990.0, 10.0, 120.0, screen)];
        assert_eq!(problems(&off, screen), ["off the window: \"Shareholders\""]);
        let cut = [at("Why customers left", 650.0, 10.0, 120.0, panel)];
        // A chart's tick label at its edge is the chart's own clipping.
        let chart = Rect::from_min_max(egui::pos2(700.0, 0.0), egui::pos2(900.0, 300.0));
        assert!(problems(&[at("1.30", 890.0, 10.0, 30.0, chart)], screen).is_empty());
        assert_eq!(
            problems(&[at("Profit", 890.0, 10.0, 30.0, chart)], screen).len(),
            1
        );
        assert_eq!(
            problems(&cut, screen),
            ["cut at the side: \"Why customers left\""]
        );
        let over = [
            at("Morale", 710.0, 10.0, 80.0, panel),
            at("Board", 750.0, 15.0, 80.0, panel),
        ];
        assert_eq!(
            problems(&over, screen),
            ["drawn over each other: \"Morale\" and \"Board\""]
        );
        // A window over a panel is another clip rectangle: it covers the panel on purpose.
        let window = Rect::from_min_max(egui::pos2(300.0, 200.0), egui::pos2(800.0, 500.0));
        let covered = [
            at("Morale", 710.0, 210.0, 80.0, panel),
            at("Menu", 710.0, 210.0, 80.0, window),
        ];
        assert_eq!(problems(&covered, screen), Vec::<String>::new());
    }
}
