//! Saves from the game: named slots and an autosave every few simulated days, written atomically
//! (the previous save stays until the new one is complete). A failed write is reported on screen
//! and in the feed, and the game goes on. Loading replaces the model whole; the feed and charts
//! are rebuilt from the model's own history.

use crate::diagnostics::Msg;
use crate::i18n::Lang;
use std::path::{Path, PathBuf};

use bevy::ecs::system::SystemParam;
use bevy::prelude::*;

use crate::headless::save;
use crate::platform::files;
use crate::settings::Settings;
use crate::sim::dilemmas::DilemmaPolicy;

use super::feed::Feed;
use super::model::{FrameEvents, Model, Pace, StopAtDayEnd};
use super::session::Session;
use super::state::{GameSet, Screen};

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
    /// Whether it went well, and what to say (in the screen's language when drawn).
    pub message: Option<(bool, Msg)>,
    /// The day of the last autosave.
    pub last_autosave_day: Option<u32>,
    /// A slot to save to when today ends (saves are taken between days, where continuation is
    /// exact).
    pub pending: Option<String>,
}

impl SaveStatus {
    pub fn ok(&mut self, m: impl Into<Msg>) {
        self.message = Some((true, m.into()));
    }
    pub fn failed(&mut self, m: impl Into<Msg>) {
        self.message = Some((false, m.into()));
    }
}

pub const AUTOSAVE: &str = "autosave";
/// Autosaves kept per scenario and seed (older ones are removed when a new one is written).
pub const AUTOSAVES_KEPT: usize = 3;

/// A name made safe as part of a file name (letters, digits, `-` and `_`; at most 40).
fn clean_name(name: &str) -> String {
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
    clean.trim_matches('-').to_string()
}

/// A slot name made safe as a file name (letters, digits, `-` and `_`; at most 40).
pub fn slot_file(dir: &Path, name: &str) -> Option<PathBuf> {
    let clean = clean_name(name);
    (!clean.is_empty()).then(|| dir.join(format!("{clean}.ron")))
}

/// The start of the names of one game's autosaves: its scenario and seed, so that starting
/// another game never overwrites this one's.
fn autosave_prefix(scenario: &str, seed: u64) -> String {
    format!(
        "{AUTOSAVE}-{}-seed-{seed}-day-",
        clean_name(&scenario.to_lowercase())
    )
}

/// An autosave's file stem read back: (the scenario's name as written in it, seed, day).
pub fn autosave_parts(stem: &str) -> Option<(String, u64, u32)> {
    let rest = stem.strip_prefix(AUTOSAVE)?.strip_prefix('-')?;
    let (rest, day) = rest.rsplit_once("-day-")?;
    let (scenario, seed) = rest.rsplit_once("-seed-")?;
    Some((scenario.to_string(), seed.parse().ok()?, day.parse().ok()?))
}

/// How a save is listed: an autosave as "Autosave: The Corner Café, day 49 (seed 42)" in the
/// player's language (a bundled scenario by its name in that language), a named save by the
/// name the player gave it.
pub fn save_label(stem: &str, lang: Lang) -> String {
    let Some((slug, seed, day)) = autosave_parts(stem) else {
        return stem.to_string();
    };
    static BUNDLED: std::sync::OnceLock<Vec<(String, crate::i18n::Text)>> =
        std::sync::OnceLock::new();
    let bundled = BUNDLED.get_or_init(|| {
        crate::bundle::ALL
            .iter()
            .filter_map(|b| {
                let s = crate::scenario::Scenario::from_ron(
                    Path::new(b.scenario.path),
                    b.scenario.text,
                )
                .ok()?;
                let slug = clean_name(&s.name.get(Lang::En).to_lowercase());
                Some((slug, s.name))
            })
            .collect()
    });
    let scenario = bundled
        .iter()
        .find(|(s, _)| *s == slug)
        .map_or(slug.clone(), |(_, name)| name.get(lang).to_string());
    crate::tr!(
        lang,
        "autosave-label",
        scenario = scenario,
        day = day,
        seed = seed.to_string()
    )
}

/// Where the autosave of `scenario` with `seed` at `day` goes (days zero-padded, so that names
/// sort by day).
pub fn autosave_file(dir: &Path, scenario: &str, seed: u64, day: u32) -> PathBuf {
    dir.join(format!("{}{day:05}.ron", autosave_prefix(scenario, seed)))
}

/// Removes all but the newest [`AUTOSAVES_KEPT`] autosaves of this scenario and seed.
fn prune_autosaves(dir: &Path, scenario: &str, seed: u64) -> std::io::Result<()> {
    let prefix = autosave_prefix(scenario, seed);
    let mut mine: Vec<PathBuf> = files::list(dir)?
        .into_iter()
        .filter(|p| {
            p.extension().is_some_and(|x| x == "ron")
                && p.file_name()
                    .and_then(|n| n.to_str())
                    .is_some_and(|n| n.starts_with(&prefix))
        })
        .collect();
    mine.sort();
    let excess = mine.len().saturating_sub(AUTOSAVES_KEPT);
    for old in &mine[..excess] {
        files::remove_file(old)?;
    }
    Ok(())
}

/// The saves in the folder, newest name first (name, path).
pub fn list(dir: &Path) -> Vec<(String, PathBuf)> {
    let Ok(entries) = files::list(dir) else {
        return Vec::new();
    };
    let mut out: Vec<(String, PathBuf)> = entries
        .into_iter()
        .filter(|p| p.extension().is_some_and(|x| x == "ron"))
        .filter_map(|p| Some((p.file_stem()?.to_string_lossy().into_owned(), p)))
        .collect();
    out.sort();
    out
}

/// Writes the model, and the timed session it is playing, to `path` atomically; the error says
/// what went wrong.
pub fn save_model(model: &mut Model, session: Option<&Session>, path: &Path) -> Result<(), String> {
    if let Some(dir) = path.parent() {
        files::create_dir_all(dir).map_err(|e| format!("{}: {e}", dir.display()))?;
    }
    let mut snapshot = save::capture(&mut model.world).map_err(|e| format!("{e:?}"))?;
    snapshot.session = session.and_then(Session::saved);
    save::write(path, &snapshot).map_err(|e| format!("{}: {e}", path.display()))
}

/// Reads a save into a model ready to play (dilemmas wait for the player), and the session it
/// was playing (free play unless the save says a timed one).
pub fn load_model(path: &Path) -> Result<(Model, Session), crate::diagnostics::FileProblems> {
    let (saved, mut app) = save::load_app(path)?;
    let mut world = std::mem::take(app.world_mut());
    world.resource_mut::<DilemmaPolicy>().wait_for_player = true;
    let session = Session::of_save(saved.session.as_ref(), &saved.scenario);
    Ok((Model::loaded(world, saved.scenario, saved.seed), session))
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
                    .in_set(GameSet::View)
                    .run_if(in_state(Screen::Playing)),
                handle_requests.in_set(GameSet::Input),
                stop_for_saves.in_set(GameSet::Input).after(handle_requests),
                (take_picked_save, report_storage_problems).before(handle_requests),
            ),
        );
}

/// A save file the player picked in the browser's file picker (a save made on a desktop, or
/// downloaded earlier): checked as a save, kept in the saves folder under its own name, and
/// loaded. A file that is not a save is refused with its problems, and nothing is kept.
fn take_picked_save(
    config: Option<Res<SaveConfig>>,
    mut status: ResMut<SaveStatus>,
    mut requests: MessageWriter<SaveRequest>,
    lang: Res<Lang>,
) {
    let Some((name, bytes)) = crate::platform::take_picked(crate::platform::Picking::Save) else {
        return;
    };
    let Some(config) = config else { return };
    let stem = Path::new(&name)
        .file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_default();
    let Some(path) = slot_file(&config.dir, &stem) else {
        status.failed(crate::msg!("save-needs-name"));
        return;
    };
    let checked = picked_text(bytes, save::MAX_SAVE_BYTES, *lang).and_then(|text| {
        save::from_ron(Path::new(&name), &text)
            .map(|_| text)
            .map_err(|e| e.render(*lang))
    });
    match checked.and_then(|text| {
        files::create_dir_all(&config.dir)
            .and_then(|()| crate::headless::files::write_atomic(&path, text.as_bytes()))
            .map_err(|e| format!("{}: {e}", path.display()))
    }) {
        Ok(()) => {
            requests.write(SaveRequest::Load(path));
        }
        Err(error) => status.failed(crate::msg!("save-load-failed", error = error)),
    }
}

/// A picked file's text, if it is no larger than `max` and is UTF-8 (else why not, to show).
pub(super) fn picked_text(bytes: Vec<u8>, max: u64, lang: Lang) -> Result<String, String> {
    if bytes.len() as u64 > max {
        return Err(crate::diagnostics::too_big(bytes.len() as u64, max).render(lang));
    }
    String::from_utf8(bytes).map_err(|_| crate::tr!(lang, "diag-not-utf8"))
}

/// A write the browser accepted and then refused (its storage full, or none in a private
/// window): said on screen and in the feed; the game goes on, and a save can still be
/// downloaded.
fn report_storage_problems(
    model: Option<Res<Model>>,
    mut status: ResMut<SaveStatus>,
    mut feed: ResMut<Feed>,
) {
    let Some(problem) = crate::platform::storage_problem() else {
        return;
    };
    let day = model.map_or(0, |m| m.clock().day);
    let (file, full) = match problem.split_once(' ') {
        Some((kind, file)) => (file.to_string(), kind == "QuotaExceededError"),
        None => (problem.clone(), false),
    };
    let what = if full {
        crate::msg!("web-storage-full", file = file)
    } else {
        crate::msg!("web-storage-refused", file = file, error = problem)
    };
    report_failure(&mut status, &mut feed, day, what);
}

/// Tells the model which ends of days to stop at: the autosave's, and today's when a save the
/// player asked for waits for it.
fn stop_for_saves(
    config: Option<Res<SaveConfig>>,
    status: Res<SaveStatus>,
    mut stops: ResMut<StopAtDayEnd>,
) {
    *stops = StopAtDayEnd {
        every: config.map_or(0, |c| c.autosave_days),
        next: status.pending.is_some(),
    };
}

/// A failed write: on screen and in the feed; the game goes on.
fn report_failure(status: &mut SaveStatus, feed: &mut Feed, day: u32, what: Msg) {
    let line = what.clone();
    feed.push(day, move |lang| {
        crate::tr!(lang, "save-goes-on", what = line.render(lang))
    });
    status.failed(crate::msg!("save-goes-on", what = what));
}

fn save_slot(
    (model, session): (&mut Model, Option<&Session>),
    dir: &Path,
    name: &str,
    status: &mut SaveStatus,
    feed: &mut Feed,
) {
    let day = model.clock().day;
    let Some(path) = slot_file(dir, name) else {
        status.failed(crate::msg!("save-needs-name"));
        return;
    };
    match save_model(model, session, &path) {
        Ok(()) => status.ok(crate::msg!("save-saved", name = name, day = day)),
        Err(e) => report_failure(status, feed, day, crate::msg!("save-failed", error = e)),
    }
}

/// The game being played, as a save holds it: the model and the timed session, if any.
#[derive(SystemParam)]
pub struct GameToSave<'w> {
    model: Option<ResMut<'w, Model>>,
    session: Option<Res<'w, Session>>,
}

/// Between days: the save the player asked for, and the autosave every `autosave_days`.
pub fn save_between_days(
    config: Option<Res<SaveConfig>>,
    game: GameToSave,
    events: Res<FrameEvents>,
    mut status: ResMut<SaveStatus>,
    mut feed: ResMut<Feed>,
) {
    let GameToSave { model, session } = game;
    let session = session.as_deref();
    let (Some(config), Some(mut model)) = (config, model) else {
        return;
    };
    if model.clock().tick != 0 || model.game_over().is_some() {
        return;
    }
    if let Some(name) = status.pending.take() {
        save_slot(
            (&mut model, session),
            &config.dir,
            &name,
            &mut status,
            &mut feed,
        );
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
    let path = autosave_file(
        &config.dir,
        model.scenario.name.get(Lang::En),
        model.seed,
        day,
    );
    let saved = save_model(&mut model, session, &path).and_then(|()| {
        prune_autosaves(&config.dir, model.scenario.name.get(Lang::En), model.seed)
            .map_err(|e| format!("{}: {e}", config.dir.display()))
    });
    match saved {
        Ok(()) => {
            if status.message.as_ref().is_none_or(|m| m.0) {
                status.ok(crate::msg!("save-autosaved", day = day));
            }
        }
        Err(e) => report_failure(
            &mut status,
            &mut feed,
            day,
            crate::msg!("save-autosave-failed", error = e),
        ),
    }
}

/// Where a loaded game goes: the playing screen, paused.
#[derive(bevy::ecs::system::SystemParam)]
pub struct AfterLoad<'w> {
    pace: ResMut<'w, Pace>,
    next: ResMut<'w, NextState<Screen>>,
    /// The language a failed load's problems are told in.
    lang: Res<'w, Lang>,
}

pub fn handle_requests(
    mut commands: Commands,
    mut requests: MessageReader<SaveRequest>,
    config: Option<Res<SaveConfig>>,
    game: GameToSave,
    mut status: ResMut<SaveStatus>,
    mut feed: ResMut<Feed>,
    mut after_load: AfterLoad,
) {
    let GameToSave { model, session } = game;
    let session = session.as_deref();
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
                    status.failed(crate::msg!("save-needs-name"));
                } else if m.clock().tick == 0 {
                    save_slot((m, session), &config.dir, name, &mut status, &mut feed);
                } else {
                    // Saves are taken between days, where continuation is exact.
                    let day = m.clock().day;
                    status.pending = Some(name.clone());
                    status.ok(crate::msg!("save-pending", name = name, day = day));
                }
            }
            SaveRequest::Load(path) => match load_model(path) {
                Ok((m, loaded_session)) => {
                    let day = m.clock().day;
                    // A timed session goes on at its pace (the save says it); any other loaded
                    // game plays freely (its deck is the one it was saved with).
                    commands.insert_resource(loaded_session);
                    commands.insert_resource(m);
                    *feed = Feed::default();
                    after_load.pace.paused = true;
                    status.ok(crate::msg!("save-loaded", file = path.display(), day = day));
                    status.last_autosave_day = Some(day);
                    after_load.next.set(Screen::Playing);
                }
                Err(e) => status.failed(crate::msg!(
                    "save-load-failed",
                    error = e.render(*after_load.lang)
                )),
            },
        }
    }
}

#[cfg(test)]
mod label_tests {
    use super::*;

    #[test]
    fn an_autosave_is_listed_in_the_players_language() {
        let dir = Path::new("saves");
        let f = autosave_file(dir, "The Corner Café", 42, 49);
        let stem = f.file_stem().unwrap().to_str().unwrap();
        assert_eq!(
            autosave_parts(stem),
            Some(("the-corner-café".to_string(), 42, 49))
        );
        assert_eq!(
            save_label(stem, Lang::En),
            "Autosave: The Corner Café, day 49 (seed 42)"
        );
        assert_eq!(
            save_label(stem, Lang::ZhCn),
            "自动存档：街角咖啡馆，第 49 天（种子 42）"
        );
        // A save the player named keeps its name.
        assert_eq!(
            save_label("before-the-recall", Lang::ZhCn),
            "before-the-recall"
        );
    }
}
