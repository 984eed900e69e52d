//! Playing: the game's window (feature `gui`), or, in a build without it, the scenario run
//! headless with the balanced policy.

use std::process::ExitCode;

use clap::Args;

#[derive(Args, Default)]
pub struct PlayArgs {
    #[command(flatten)]
    pub world: super::WorldChoice,
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

    use super::{BAD_INPUT, NO_DISPLAY, report};

    let speed = match args.speed {
        None => None,
        Some(s) => match crate::settings::SPEEDS.iter().position(|x| *x == s) {
            Some(i) => Some(i),
            None => {
                let lang = super::language();
                eprintln!("--speed: {}", crate::tr!(lang, "cli-bad-speed", got = s));
                return ExitCode::from(BAD_INPUT);
            }
        },
    };
    // The same loader, and so the same checks and messages, as the headless commands.
    let world = match args.world.request(None).load() {
        Ok(w) => w,
        Err(e) => return report(&e),
    };
    let mut setup = game::Setup::bundled();
    if args.world.scenario.is_some() {
        setup = setup.with_scenario(
            world.path.display().to_string(),
            world.scenario,
            world.deck_as_read,
        );
    }
    setup = setup.with_seed(world.seed);
    if let Some(code) = &world.code
        && let Err(m) = setup.join(code)
    {
        return super::bad_argument(&world.path, "--code", m);
    }
    if let Some(team) = &args.team {
        match crate::headless::results_file::team_name(team) {
            Ok(t) => setup.team = t,
            Err(m) => return super::bad_argument(&world.path, "--team", m),
        }
    }
    setup.preset = world.preset;
    let mut launch = game::Launch::new(setup, play_now, speed, lang);
    launch.window = display.window;
    launch.projector = display.projector;
    if let Some(p) = &launch.settings_problem {
        eprintln!(
            "{p}\n({})",
            crate::tr!(launch.language(), "settings-defaults-used")
        );
    }
    if let Err(none) = crate::platform::display_available() {
        let lang = launch.language();
        let m = match none {
            crate::platform::NoDisplay::Unset => crate::msg!("no-display"),
            crate::platform::NoDisplay::NoServer(d) => {
                crate::msg!("no-display-server", display = d)
            }
        };
        eprintln!("{}: {}", crate::tr!(lang, "diag-error"), m.render(lang));
        return ExitCode::from(NO_DISPLAY);
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
    let w = match args.world.request(None).load() {
        Ok(w) => w,
        Err(e) => return report(&e),
    };
    let (seed, scenario, deck) = (w.seed, w.scenario, w.deck);
    let policy = match Policy::from_ron(
        Path::new(crate::bundle::BALANCED.path),
        crate::bundle::BALANCED.text,
    ) {
        Ok(p) => p,
        Err(e) => return report(&e),
    };
    let mut app = prepare_with(&scenario, seed, Some(&policy), deck.as_ref());
    run_days(app.world_mut(), scenario.horizon_days);
    let result = collect(app.world_mut(), &scenario, seed, &policy.title());
    say_raw!(
        "{}",
        summary(&result, lang.unwrap_or_else(crate::i18n::Lang::from_env))
    );
    ExitCode::SUCCESS
}
