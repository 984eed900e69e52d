//! Playing: the game's window (feature `gui`), or, in a build without it, the scenario run
//! headless with the balanced policy.

use std::path::PathBuf;
use std::process::ExitCode;

use clap::Args;

#[derive(Args, Default)]
pub struct PlayArgs {
    /// Scenario file (RON); the bundled café if omitted.
    #[arg(long)]
    pub scenario: Option<PathBuf>,
    /// Random seed; the scenario's own seed if omitted.
    #[arg(long, conflicts_with = "code")]
    pub seed: Option<u64>,
    /// A session code from the trainer (`customer-first code`): the same world as every other
    /// team with it (a code for a trainer's own scenario needs that file, --scenario).
    #[arg(long)]
    pub code: Option<String>,
    /// A timed workshop session: 20 or 45 (minutes); a session code says it by itself.
    #[arg(long, value_parser = super::parse_preset, conflicts_with = "code")]
    pub session: Option<crate::session::Preset>,
    /// The team's name, for the results file the game writes when it ends (into `results` in
    /// the saves folder) for the trainer's class view.
    #[arg(long)]
    pub team: Option<String>,
    /// Starting speed: 1, 2, 4 or 8 (times), or 0 for the fastest (default: the settings').
    #[arg(long)]
    pub speed: Option<u32>,
}

/// Opens the game: the title screen (`play_now` false), or straight into a scenario.
#[cfg(feature = "gui")]
pub fn play(
    args: PlayArgs,
    play_now: bool,
    lang: Option<crate::i18n::Lang>,
    display: super::Display,
) -> ExitCode {
    use crate::game;
    use crate::headless::world::deck_for;
    use crate::scenario::Scenario;

    use super::{BAD_INPUT, report};

    let speed = match args.speed {
        None => None,
        Some(s) => match crate::settings::SPEEDS.iter().position(|x| *x == s) {
            Some(i) => Some(i),
            None => {
                eprintln!("--speed: expected 1, 2, 4, 8 or 0 (fastest), got {s}");
                return ExitCode::from(BAD_INPUT);
            }
        },
    };
    let mut setup = game::Setup::bundled();
    if let Some(path) = &args.scenario {
        let s = match Scenario::load(path) {
            Ok(s) => s,
            Err(e) => return report(&e),
        };
        let deck = match deck_for(&s, Some(path)) {
            Ok(d) => d,
            Err(e) => return report(&e),
        };
        setup = setup.with_scenario(path.display().to_string(), s, deck);
    }
    if let Some(seed) = args.seed {
        setup = setup.with_seed(seed);
    }
    if let Some(text) = &args.code {
        let code = match super::parse_code(text, args.scenario.as_deref()) {
            Ok(c) => c,
            Err(e) => return report(&e),
        };
        if let Err(m) = setup.join(&code) {
            let file = args
                .scenario
                .clone()
                .unwrap_or_else(|| std::path::PathBuf::from("customer-first"));
            return super::bad_argument(&file, "--code", m);
        }
    }
    if let Some(team) = &args.team {
        setup.team = crate::headless::results_file::clean_team(team);
    }
    if let Some(preset) = args.session {
        setup.preset = preset;
    }
    let mut launch = game::Launch::new(setup, play_now, speed, lang);
    launch.window = display.window;
    launch.projector = display.projector;
    if let Some(p) = &launch.settings_problem {
        eprintln!(
            "{p}\n({})",
            crate::tr!(launch.language(), "settings-defaults-used")
        );
    }
    match game::run(launch) {
        bevy::app::AppExit::Success => ExitCode::SUCCESS,
        bevy::app::AppExit::Error(code) => ExitCode::from(code.get()),
    }
}

/// Without the `gui` feature there is no screen: playing means watching the scenario run
/// headless with the balanced policy.
#[cfg(not(feature = "gui"))]
pub fn play(
    args: PlayArgs,
    _play_now: bool,
    lang: Option<crate::i18n::Lang>,
    _display: super::Display,
) -> ExitCode {
    use std::path::Path;

    use crate::headless::results::{collect, summary};
    use crate::headless::world::{prepare_with, run_days};
    use crate::policy::Policy;
    use crate::say_raw;

    use super::report;

    say_raw!(
        "customer-first was built without the `gui` feature, so this runs the scenario \
         headless with the balanced policy.\nTry `customer-first run --help` for the \
         headless tools.\n\n"
    );
    let world = super::WorldArgs {
        scenario: args.scenario.clone(),
        seed: args.seed,
        code: args.code.clone(),
        session: args.session,
        days: None,
        policy: None,
    };
    let w = match world.load() {
        Ok(w) => w,
        Err(e) => return report(&e),
    };
    let seed = world.seed(&w);
    let scenario = w.scenario;
    let policy = match Policy::from_ron(
        Path::new("assets/policies/balanced.ron"),
        include_str!("../../assets/policies/balanced.ron"),
    ) {
        Ok(p) => p,
        Err(e) => return report(&e),
    };
    let deck = w.deck;
    let mut app = prepare_with(&scenario, seed, Some(&policy), deck.as_ref());
    run_days(app.world_mut(), scenario.horizon_days);
    let result = collect(app.world_mut(), &scenario, seed, &policy.title());
    say_raw!(
        "{}",
        summary(&result, lang.unwrap_or_else(crate::i18n::Lang::from_env))
    );
    ExitCode::SUCCESS
}
