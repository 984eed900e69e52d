//! Hooks for scripted runs in a real window (Bevy's `bevy_ci_testing`, driven by `.ci/smoke.ron`):
//! custom events that start a game, change the speed, answer a dilemma, inspect a customer, end
//! the game and ask for a what-if. Native builds only: `bevy_ci_testing` cannot build for wasm.

use bevy::dev_tools::ci_testing::CiTestingCustomEvent;
use bevy::ecs::system::SystemParam;
use bevy::prelude::*;

use crate::headless::whatif::WhatIf;

use super::StartGame;
use super::debrief::EndSummary;
use super::floor_view::BookDot;
use super::input::{Panel, Selected, UiState};
use super::model::{Model, Pace, SPEEDS};
use super::whatif::{WhatIfRequest, WhatIfs};

pub(super) fn plugin(app: &mut App) {
    app.add_systems(Update, ci_events);
    if let Some(file) = std::env::var_os("CUSTOMER_FIRST_RECORD_TEXT") {
        app.insert_resource(TextRecord {
            file: file.into(),
            seen: Default::default(),
        })
        .add_systems(
            PostUpdate,
            record_text
                .after(bevy_egui::EguiPostUpdateSet::EndPass)
                .before(bevy_egui::EguiPostUpdateSet::ProcessOutput),
        );
    }
}

/// Every distinct text the screens handed to egui, appended to a file as it first appears (one
/// per line, newlines escaped): the smoke test checks that no id (`service_level`) and, in
/// Chinese, no stray English reaches the screen.
#[derive(Resource)]
struct TextRecord {
    file: std::path::PathBuf,
    seen: std::collections::BTreeSet<String>,
}

fn record_text(outputs: Query<&bevy_egui::EguiFullOutput>, mut record: ResMut<TextRecord>) {
    use std::io::Write as _;
    fn texts(shape: &bevy_egui::egui::Shape, out: &mut Vec<String>) {
        match shape {
            bevy_egui::egui::Shape::Text(t) => out.push(t.galley.job.text.clone()),
            bevy_egui::egui::Shape::Vec(v) => v.iter().for_each(|s| texts(s, out)),
            _ => {}
        }
    }
    let mut found = Vec::new();
    for out in &outputs {
        if let Some(full) = &out.0 {
            for clipped in &full.shapes {
                texts(&clipped.shape, &mut found);
            }
        }
    }
    let record = &mut *record;
    let new: Vec<String> = found
        .into_iter()
        .filter(|t| !t.trim().is_empty() && record.seen.insert(t.clone()))
        .collect();
    if new.is_empty() {
        return;
    }
    let written = std::fs::OpenOptions::new()
        .create(true)
        .append(true)
        .open(&record.file)
        .and_then(|mut f| {
            new.iter()
                .try_for_each(|t| writeln!(f, "{}", t.replace('\n', "\\n")))
        });
    if let Err(e) = written {
        warn!(
            "cannot record the screen's text to {}: {e}",
            record.file.display()
        );
    }
}

/// The game just ended, if it has, and where to ask for its what-if.
#[derive(SystemParam)]
struct EndOfGame<'w> {
    summary: Option<Res<'w, EndSummary>>,
    what_ifs: Option<Res<'w, WhatIfs>>,
    requests: MessageWriter<'w, WhatIfRequest>,
}

/// Custom events from a CI testing script: "start" starts the chosen scenario, "begin" closes
/// its briefing as Enter does, "fastest" runs
/// at full speed, "normal" at 1×, "inspect" focuses the book and inspects its first customer, "choose"
/// takes the first choice of a pending dilemma, "whatif" (on the end screen) replays the game
/// with the first dilemma answered otherwise (or the first lever change undone), "end" ends the
/// game as the menu's "End the game here" does.
fn ci_events(
    mut events: MessageReader<CiTestingCustomEvent>,
    mut start: MessageWriter<StartGame>,
    end: EndOfGame,
    mut pace: ResMut<Pace>,
    mut ui: ResMut<UiState>,
    (dots, mut model): (Query<&BookDot>, Option<ResMut<Model>>),
    (mut teaching, setup): (
        ResMut<crate::game::guide::Teaching>,
        Res<crate::game::Setup>,
    ),
) {
    let (summary, what_ifs, mut what_if) = (end.summary, end.what_ifs, end.requests);
    for e in events.read() {
        match e.0.as_str() {
            "choose" => {
                if let Some(m) = model.as_deref_mut()
                    && let Some(first) = m
                        .pending_dilemma()
                        .and_then(|d| d.choices.first())
                        .map(|c| c.id.clone())
                {
                    m.choose(&first);
                }
            }
            "start" => {
                start.write(StartGame);
            }
            "whatif" => {
                let (Some(sum), Some(w)) = (summary.as_deref(), what_ifs.as_deref()) else {
                    continue;
                };
                let other = sum.result.choices.first().and_then(|c| {
                    let d = w.deck.as_ref()?.get(&c.dilemma)?;
                    let o = d.choices.iter().find(|x| x.id != c.choice)?;
                    Some(WhatIf::Choose {
                        dilemma: c.dilemma.clone(),
                        choice: o.id.clone(),
                    })
                });
                what_if.write(WhatIfRequest(other.unwrap_or(WhatIf::Undo(1))));
            }
            "begin" => {
                // As Enter does on the briefing.
                let setup = setup.clone();
                crate::game::guide::begin(
                    &mut teaching,
                    &mut pace,
                    &setup,
                    &mut ui,
                    model.as_deref(),
                );
            }
            "fastest" => pace.speed = SPEEDS.len() - 1,
            "normal" => pace.speed = 0,
            "end" => {
                if let Some(m) = model.as_deref_mut() {
                    m.end_here();
                }
            }
            "inspect" => {
                // As the keyboard does it: the book focused, its first customer inspected.
                ui.panel = Panel::Book;
                ui.book_cursor = 0;
                ui.selected = dots
                    .iter()
                    .find(|d| d.index == 0)
                    .and_then(|d| d.customer)
                    .map(Selected::Customer)
            }
            other => warn!("unknown custom CI event \"{other}\""),
        }
    }
}
