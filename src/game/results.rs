//! The team's results file, as the game writes it: when the game ends (automatically) and
//! whenever the player asks (the menu, the end screen), into the `results` folder beside the
//! saves, named after the team, the session code and the day. The trainer collects the folder's
//! files for the class view.

use std::path::{Path, PathBuf};

use bevy::prelude::*;

use crate::diagnostics::Msg;
use crate::headless::results::{RunResult, collect};
use crate::headless::results_file::{ResultsFile, clean_team, deck_in, file_name};
use crate::i18n::{Lang, Text};

use super::debrief::EndSummary;
use super::model::Model;
use super::saves::SaveConfig;
use super::state::{GameSet, Screen, Setup};

/// Asks to write the results file of the game as it stands.
#[derive(Message, Debug, Clone, Copy)]
pub struct ResultsRequest;

/// What came of the last results file written: where it went, or why it could not be.
#[derive(Resource, Debug, Clone, Default)]
pub struct ResultsStatus {
    pub last: Option<Result<PathBuf, Msg>>,
}

pub(super) fn plugin(app: &mut App) {
    app.init_resource::<ResultsStatus>()
        .add_message::<ResultsRequest>()
        .add_systems(
            OnEnter(Screen::End),
            write_at_the_end.after(super::debrief::Summarised),
        )
        .add_systems(OnEnter(Screen::Playing), forget_the_last)
        .add_systems(Update, write_on_request.in_set(GameSet::View));
}

/// Where the game writes results files: `results` in the saves folder.
pub fn results_dir(config: &SaveConfig) -> PathBuf {
    config.dir.join("results")
}

/// The team's name as the results file keeps it (the title screen's field, or "Team" in the
/// game's language when it is empty).
pub fn team_name(setup: &Setup, lang: Lang) -> String {
    let team = clean_team(&setup.team);
    if team.is_empty() {
        crate::tr!(lang, "team-unnamed")
    } else {
        team
    }
}

/// Writes the results file of `result`, the run of the model in `world`, into `dir`. The
/// session code is kept only if the game is still the world it names (same scenario and seed).
pub fn write(
    world: &World,
    model: (&crate::scenario::Scenario, u64),
    result: &RunResult,
    setup_session: (&Setup, Option<&super::session::Session>),
    dir: &Path,
    lang: Lang,
) -> Result<PathBuf, Msg> {
    let (scenario, seed) = model;
    // The scenario is named by its deck as read (a timed session plays the workshop's
    // dilemmas on fixed days); a game loaded from a save has only the deck it played.
    let deck = match &setup_session.1 {
        Some(s) if s.preset.timed() => s.deck_as_read.clone(),
        _ => deck_in(world),
    };
    let preset = setup_session
        .1
        .as_ref()
        .map_or(crate::session::Preset::Free, |s| s.preset);
    let setup = setup_session.0;
    let code = setup
        .code
        .filter(|c| {
            c.seed == seed && crate::session::fingerprint(scenario, deck.as_ref()) == c.fingerprint
        })
        .map(|c| c.text());
    let team = team_name(setup, lang);
    let file = ResultsFile::of_run(result, deck.as_ref(), &team, code.as_deref(), preset, lang);
    let path = dir.join(file_name(&team, code.as_deref(), file.days()));
    crate::platform::files::create_dir_all(dir)
        .and_then(|()| file.write(&path))
        .map_err(|e| crate::msg!("results-write-failed", file = path.display(), error = e))?;
    Ok(path)
}

fn forget_the_last(mut status: ResMut<ResultsStatus>) {
    status.last = None;
}

/// When the game ends, its results file is written at once (the trainer needs every team's).
fn write_at_the_end(
    model: Option<Res<Model>>,
    summary: Option<Res<EndSummary>>,
    setup: Res<Setup>,
    session: Res<super::session::Session>,
    config: Option<Res<SaveConfig>>,
    lang: Res<Lang>,
    mut status: ResMut<ResultsStatus>,
) {
    let (Some(m), Some(sum), Some(config)) = (model, summary, config) else {
        return;
    };
    status.last = Some(write(
        &m.world,
        (&m.scenario, m.seed),
        &sum.result,
        (&setup, Some(&session)),
        &results_dir(&config),
        *lang,
    ));
}

/// The player asked for the results file now (during the game, or again at the end under
/// another team name).
fn write_on_request(
    mut requests: MessageReader<ResultsRequest>,
    model: Option<ResMut<Model>>,
    setup: Res<Setup>,
    session: Res<super::session::Session>,
    config: Option<Res<SaveConfig>>,
    lang: Res<Lang>,
    mut status: ResMut<ResultsStatus>,
) {
    if requests.read().last().is_none() {
        return;
    }
    let (Some(mut m), Some(config)) = (model, config) else {
        return;
    };
    let (scenario, seed) = (m.scenario.clone(), m.seed);
    let result = collect(
        &mut m.world,
        &scenario,
        seed,
        &Text::from_catalogue(|lang| crate::tr!(lang, "policy-player")),
    );
    let written = write(
        &m.world,
        (&scenario, seed),
        &result,
        (&setup, Some(&session)),
        &results_dir(&config),
        *lang,
    );
    // In a browser the file is handed over as a download, for the team to give the trainer.
    if crate::platform::BROWSER
        && let Ok(path) = &written
        && let (Some(name), Ok(bytes)) = (path.file_name(), crate::platform::files::read(path))
    {
        crate::platform::offer_download(&name.to_string_lossy(), "text/plain", &bytes);
    }
    status.last = Some(written);
}
