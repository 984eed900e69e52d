//! Saves from the game: named slots and an autosave every few simulated days, written atomically
//! (the previous save stays until the new one is complete). A failed write is reported on screen
//! and in the feed, and the game goes on. Loading replaces the model whole; the feed and charts
//! are rebuilt from the model's own history.

use std::path::{Path, PathBuf};

use bevy::prelude::*;

use crate::save;
use crate::settings::Settings;
use crate::sim::dilemmas::DilemmaPolicy;

use super::Screen;
use super::model::{Feed, FrameEvents, Model, Pace};

/// Where saves go and how often the game autosaves.
#[derive(Resource, Debug, Clone)]
pub struct SaveConfig {
    pub dir: PathBuf,
    /// Simulated days between autosaves (0: never).
    pub autosave_days: u32,
}

impl SaveConfig {
    pub fn from_settings(settings: &Settings, settings_file: &Path) -> Self {
        SaveConfig {
            dir: settings.saves_dir_for(settings_file),
            autosave_days: settings.autosave_days,
        }
    }
}

/// The outcome of the last save or load, for the screen.
#[derive(Resource, Debug, Clone, Default)]
pub struct SaveStatus {
    pub message: Option<(bool, String)>,
    /// The day of the last autosave.
    pub last_autosave_day: Option<u32>,
    /// A slot to save to when today ends (saves are taken between days, where continuation is
    /// exact).
    pub pending: Option<String>,
}

impl SaveStatus {
    pub fn ok(&mut self, m: String) {
        self.message = Some((true, m));
    }
    pub fn failed(&mut self, m: String) {
        self.message = Some((false, m));
    }
}

pub const AUTOSAVE: &str = "autosave";

/// A slot name made safe as a file name (letters, digits, `-` and `_`; at most 40).
pub fn slot_file(dir: &Path, name: &str) -> Option<PathBuf> {
    let clean: String = name
        .trim()
        .chars()
        .map(|c| {
            if c.is_alphanumeric() || c == '-' || c == '_' {
                c
            } else {
                '-'
            }
        })
        .take(40)
        .collect();
    let clean = clean.trim_matches('-');
    (!clean.is_empty()).then(|| dir.join(format!("{clean}.ron")))
}

/// The saves in the folder, newest name first (name, path).
pub fn list(dir: &Path) -> Vec<(String, PathBuf)> {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return Vec::new();
    };
    let mut out: Vec<(String, PathBuf)> = entries
        .filter_map(|e| e.ok())
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|x| x == "ron"))
        .filter_map(|p| Some((p.file_stem()?.to_string_lossy().into_owned(), p)))
        .collect();
    out.sort();
    out
}

/// Writes the model to `path` atomically; the error says what went wrong.
pub fn save_model(model: &mut Model, path: &Path) -> Result<(), String> {
    if let Some(dir) = path.parent() {
        std::fs::create_dir_all(dir).map_err(|e| format!("{}: {e}", dir.display()))?;
    }
    let snapshot = save::capture(&mut model.world).map_err(|e| format!("{e:?}"))?;
    save::write(path, &snapshot).map_err(|e| format!("{}: {e}", path.display()))
}

/// Reads a save into a model ready to play (dilemmas wait for the player).
pub fn load_model(path: &Path) -> Result<Model, String> {
    let (saved, mut app) = save::load_app(path).map_err(|e| e.to_string())?;
    let mut world = std::mem::take(app.world_mut());
    world.resource_mut::<DilemmaPolicy>().wait_for_player = true;
    Ok(Model {
        world,
        scenario: saved.scenario,
        seed: saved.seed,
    })
}

/// Asks to save to a slot, or to load one.
#[derive(Message, Debug, Clone)]
pub enum SaveRequest {
    Save(String),
    Load(PathBuf),
}

pub(super) fn plugin(app: &mut App) {
    app.init_resource::<SaveStatus>()
        .add_message::<SaveRequest>()
        .add_systems(
            Update,
            (
                save_between_days
                    .in_set(super::GameSet::View)
                    .run_if(in_state(Screen::Playing)),
                handle_requests.in_set(super::GameSet::Input),
            ),
        );
}

/// True when the model should stop at the end of today for a save.
pub fn save_due_at_day_end(config: Option<&SaveConfig>, status: &SaveStatus, new_day: u32) -> bool {
    status.pending.is_some()
        || config.is_some_and(|c| c.autosave_days > 0 && new_day.is_multiple_of(c.autosave_days))
}

/// A failed write: on screen and in the feed; the game goes on.
fn report_failure(status: &mut SaveStatus, feed: &mut Feed, day: u32, what: String) {
    let m = format!("{what}; the game goes on");
    feed.push(day, m.clone());
    status.failed(m);
}

fn save_slot(model: &mut Model, dir: &Path, name: &str, status: &mut SaveStatus, feed: &mut Feed) {
    let day = model.clock().day;
    let Some(path) = slot_file(dir, name) else {
        status.failed("a save needs a name (letters, digits, - or _)".into());
        return;
    };
    match save_model(model, &path) {
        Ok(()) => status.ok(format!("saved \"{name}\" at the start of day {day}")),
        Err(e) => report_failure(status, feed, day, format!("could not save ({e})")),
    }
}

/// Between days: the save the player asked for, and the autosave every `autosave_days`.
pub fn save_between_days(
    config: Option<Res<SaveConfig>>,
    model: Option<ResMut<Model>>,
    events: Res<FrameEvents>,
    mut status: ResMut<SaveStatus>,
    mut feed: ResMut<Feed>,
) {
    let (Some(config), Some(mut model)) = (config, model) else {
        return;
    };
    if model.clock().tick != 0 || model.game_over().is_some() {
        return;
    }
    if let Some(name) = status.pending.take() {
        save_slot(&mut model, &config.dir, &name, &mut status, &mut feed);
    }
    let day = model.clock().day;
    if config.autosave_days == 0
        || events.days_ended == 0
        || day == 0
        || !day.is_multiple_of(config.autosave_days)
        || status.last_autosave_day == Some(day)
    {
        return;
    }
    status.last_autosave_day = Some(day);
    let path = config.dir.join(format!("{AUTOSAVE}.ron"));
    match save_model(&mut model, &path) {
        Ok(()) => {
            if status.message.as_ref().is_none_or(|m| m.0) {
                status.ok(format!("autosaved at the start of day {day}"));
            }
        }
        Err(e) => report_failure(
            &mut status,
            &mut feed,
            day,
            format!("autosave failed ({e})"),
        ),
    }
}

#[allow(clippy::too_many_arguments)]
pub fn handle_requests(
    mut commands: Commands,
    mut requests: MessageReader<SaveRequest>,
    config: Option<Res<SaveConfig>>,
    model: Option<ResMut<Model>>,
    mut status: ResMut<SaveStatus>,
    mut feed: ResMut<Feed>,
    mut pace: ResMut<Pace>,
    mut next: ResMut<NextState<Screen>>,
) {
    let Some(config) = config else {
        requests.clear();
        return;
    };
    let mut model = model;
    for r in requests.read() {
        match r {
            SaveRequest::Save(name) => {
                let Some(m) = model.as_deref_mut() else {
                    continue;
                };
                if slot_file(&config.dir, name).is_none() {
                    status.failed("a save needs a name (letters, digits, - or _)".into());
                } else if m.clock().tick == 0 {
                    save_slot(m, &config.dir, name, &mut status, &mut feed);
                } else {
                    // Saves are taken between days, where continuation is exact.
                    let day = m.clock().day;
                    status.pending = Some(name.clone());
                    status.ok(format!(
                        "\"{name}\" will be saved when day {day} ends (saves are taken between days)"
                    ));
                }
            }
            SaveRequest::Load(path) => match load_model(path) {
                Ok(m) => {
                    let day = m.clock().day;
                    commands.insert_resource(m);
                    *feed = Feed::default();
                    pace.paused = true;
                    status.ok(format!("loaded {} (day {day}); paused", path.display()));
                    status.last_autosave_day = Some(day);
                    next.set(Screen::Playing);
                }
                Err(e) => status.failed(format!("could not load: {e}")),
            },
        }
    }
}
