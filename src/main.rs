//! The `customer-first` command: plays the game, or runs and checks scenarios headless.

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use clap::{Args, Parser, Subcommand};

use customer_first::diagnostics::{FileProblems, MAX_FILE_BYTES, Problem, read_text_with_limit};
use customer_first::dilemmas::Deck;
use customer_first::policy::Policy;
use customer_first::runner;
use customer_first::save;
use customer_first::scenario::{Scenario, bundled};
use customer_first::sim::run_day;

#[derive(Parser)]
#[command(
    name = "customer-first",
    version,
    about = "A business simulation: serve customers with finite resources, watch retention and reputation."
)]
struct Cli {
    #[command(subcommand)]
    command: Option<Command>,
}

#[derive(Subcommand)]
enum Command {
    /// Run a scenario headless: prints a summary, optionally writes CSV files.
    Run(RunArgs),
    /// Replay a run with one decision changed and compare: the other choice at a dilemma
    /// (--choose DILEMMA=CHOICE) or one lever change undone (--undo N). The run is a headless
    /// one (scenario, seed, policy) or a game played, from its save (--game).
    Whatif(WhatifArgs),
    /// Open the game straight on the playing screen (for facilitators and scripted tests).
    Play {
        /// Scenario file (RON); the bundled café if omitted.
        #[arg(long)]
        scenario: Option<PathBuf>,
        /// Random seed; the scenario's own seed if omitted.
        #[arg(long)]
        seed: Option<u64>,
        /// Starting speed: 1, 2, 4 or 8 (times), or 0 for the fastest (default: the settings').
        #[arg(long)]
        speed: Option<u32>,
    },
    /// Validate scenario, policy and save files; reports every problem, exit code 2 if any.
    Check {
        #[arg(required = true)]
        files: Vec<PathBuf>,
    },
}

/// Prints to standard output, ignoring a closed pipe (`customer-first run | head` must not
/// panic when `head` stops reading).
macro_rules! say {
    ($($arg:tt)*) => {{
        use std::io::Write as _;
        let _ = writeln!(std::io::stdout(), $($arg)*);
    }};
}

macro_rules! say_raw {
    ($($arg:tt)*) => {{
        use std::io::Write as _;
        let _ = write!(std::io::stdout(), $($arg)*);
    }};
}

/// Exit code for bad input (files, arguments).
const BAD_INPUT: u8 = 2;

fn main() -> ExitCode {
    let cli = Cli::parse();
    match cli.command {
        None => play(None, None, None, false),
        Some(Command::Play {
            scenario,
            seed,
            speed,
        }) => play(scenario.as_deref(), seed, speed, true),
        Some(Command::Run(args)) => run(args),
        Some(Command::Check { files }) => check(&files),
        Some(Command::Whatif(args)) => whatif(args),
    }
}

fn report(problems: &FileProblems) -> ExitCode {
    eprintln!("{problems}");
    ExitCode::from(BAD_INPUT)
}

fn load_scenario(path: Option<&Path>) -> Result<Scenario, FileProblems> {
    match path {
        Some(p) => Scenario::load(p),
        None => Scenario::from_ron(Path::new(bundled::DEFAULT.0), bundled::DEFAULT.1),
    }
}

/// Opens the game: the title screen, or straight into a scenario with `play`.
#[cfg(feature = "gui")]
fn play(
    scenario: Option<&Path>,
    seed: Option<u64>,
    speed: Option<u32>,
    play_now: bool,
) -> ExitCode {
    use customer_first::game;
    let speed = match speed {
        None => None,
        Some(s) => match customer_first::settings::SPEEDS
            .iter()
            .position(|x| *x == s)
        {
            Some(i) => Some(i),
            None => {
                eprintln!("--speed: expected 1, 2, 4, 8 or 0 (fastest), got {s}");
                return ExitCode::from(BAD_INPUT);
            }
        },
    };
    let mut setup = game::Setup::bundled();
    if let Some(path) = scenario {
        let s = match Scenario::load(path) {
            Ok(s) => s,
            Err(e) => return report(&e),
        };
        let deck = match runner::deck_for(&s, Some(path)) {
            Ok(d) => d,
            Err(e) => return report(&e),
        };
        setup = setup.with_scenario(path.display().to_string(), s, deck);
    }
    if let Some(seed) = seed {
        setup = setup.with_seed(seed);
    }
    let launch = game::Launch::new(setup, play_now, speed);
    if let Some(p) = &launch.settings_problem {
        eprintln!("{p}\n(using the default settings)");
    }
    match game::run(launch) {
        bevy::app::AppExit::Success => ExitCode::SUCCESS,
        bevy::app::AppExit::Error(code) => ExitCode::from(code.get()),
    }
}

/// Without the `gui` feature there is no screen: playing means watching the scenario run
/// headless with the balanced policy.
#[cfg(not(feature = "gui"))]
fn play(
    scenario: Option<&Path>,
    seed: Option<u64>,
    _speed: Option<u32>,
    _play_now: bool,
) -> ExitCode {
    say!(
        "customer-first was built without the `gui` feature, so this runs the scenario \
         headless with the balanced policy.\nTry `customer-first run --help` for the \
         headless tools.\n"
    );
    let scenario = match load_scenario(scenario) {
        Ok(s) => s,
        Err(e) => return report(&e),
    };
    let seed = seed.unwrap_or(scenario.seed);
    let policy = match Policy::from_ron(
        Path::new("assets/policies/balanced.ron"),
        include_str!("../assets/policies/balanced.ron"),
    ) {
        Ok(p) => p,
        Err(e) => return report(&e),
    };
    let deck = match runner::deck_for(&scenario, None) {
        Ok(d) => d,
        Err(e) => return report(&e),
    };
    let mut app = runner::prepare_with(&scenario, seed, Some(&policy), deck.as_ref());
    for _ in 0..scenario.horizon_days {
        if !run_day(app.world_mut()) {
            break;
        }
    }
    let result = runner::collect(&mut app, &scenario, seed, &policy.name);
    say_raw!("{}", runner::summary(&result));
    ExitCode::SUCCESS
}

/// The scenario (the bundled default if none), its dilemma deck and the policy, each checked
/// against the others: what `run` and `whatif` start from. Returns the scenario's path too.
fn load_world(
    args: &WorldArgs,
) -> Result<(PathBuf, Scenario, Option<Deck>, Option<Policy>), FileProblems> {
    let (scenario, policy) = (args.scenario.as_deref(), args.policy.as_deref());
    let path = scenario.map_or_else(|| PathBuf::from(bundled::DEFAULT.0), Path::to_path_buf);
    let s = load_scenario(scenario)?;
    let deck = runner::deck_for(&s, scenario)?;
    let policy = match policy {
        None => None,
        Some(file) => {
            let p = Policy::load(file)?;
            p.check_against(s.horizon_days, file)?;
            p.check_choices(&deck.clone().unwrap_or_default(), file)?;
            Some(p)
        }
    };
    Ok((path, s, deck, policy))
}

// The world a headless run starts from (shared by `run` and `whatif`).
#[derive(Args)]
struct WorldArgs {
    /// Scenario file (RON); the bundled café if omitted.
    #[arg(long)]
    scenario: Option<PathBuf>,
    /// Random seed; the scenario's own seed if omitted.
    #[arg(long)]
    seed: Option<u64>,
    /// Days to simulate; the scenario's horizon if omitted.
    #[arg(long)]
    days: Option<u32>,
    /// Policy file (RON): lever changes over time and the answer to each dilemma.
    #[arg(long)]
    policy: Option<PathBuf>,
}

impl WorldArgs {
    /// `--days` (the horizon if omitted), checked to lie between the first day to run and the
    /// scenario's horizon.
    fn days(&self, file: &Path, horizon: u32, start_day: u32) -> Result<u32, ExitCode> {
        let days = self.days.unwrap_or(horizon);
        if days == 0 || days > horizon || days < start_day {
            return Err(bad_argument(
                file,
                "--days",
                format!(
                    "must be in {}..={horizon} (the scenario's horizon_days), got {days}",
                    start_day.max(1)
                ),
            ));
        }
        Ok(days)
    }
}

#[derive(Args)]
struct RunArgs {
    #[command(flatten)]
    world: WorldArgs,
    /// Write one row per simulated day to this CSV file.
    #[arg(long)]
    csv: Option<PathBuf>,
    /// Write one row per customer ever acquired to this CSV file.
    #[arg(long)]
    customers: Option<PathBuf>,
    /// Write the debrief (decisions over the charts, scorecards, why customers left,
    /// customer capital, lessons) as one self-contained HTML file.
    #[arg(long)]
    report: Option<PathBuf>,
    /// Save the game when this many days have been simulated (needs --save).
    #[arg(long, requires = "save")]
    save_at: Option<u32>,
    /// Where --save-at writes the save (written atomically).
    #[arg(long, requires = "save_at")]
    save: Option<PathBuf>,
    /// Continue a saved game instead of starting a scenario; --days is then the total
    /// number of days, counted from day 0.
    #[arg(long, conflicts_with_all = ["scenario", "seed", "policy"])]
    load: Option<PathBuf>,
}

fn bad_argument(file: &Path, name: &str, message: String) -> ExitCode {
    report(&FileProblems::single(
        file,
        Problem::Invalid {
            path: name.into(),
            message,
        },
    ))
}

fn run(args: RunArgs) -> ExitCode {
    // Either a fresh world from a scenario (and policy), or a saved one.
    let (s, seed, policy_name, mut app, origin) = if let Some(path) = &args.load {
        match save::load_app(path) {
            Ok((saved, app)) => {
                let name = format!("resumed from {}", path.display());
                (saved.scenario, saved.seed, name, app, path.clone())
            }
            Err(e) => return report(&e),
        }
    } else {
        let (scenario_path, s, deck, policy) = match load_world(&args.world) {
            Ok(x) => x,
            Err(e) => return report(&e),
        };
        let seed = args.world.seed.unwrap_or(s.seed);
        let name = policy
            .as_ref()
            .map_or("scenario defaults".to_string(), |p| p.name.clone());
        let app = runner::prepare_with(&s, seed, policy.as_ref(), deck.as_ref());
        (s, seed, name, app, scenario_path)
    };
    let start_day = app
        .world()
        .resource::<customer_first::sim::clock::Clock>()
        .day;
    let days = match args.world.days(&origin, s.horizon_days, start_day) {
        Ok(d) => d,
        Err(code) => return code,
    };
    if let Some(at) = args.save_at
        && (at < start_day || at > days)
    {
        return bad_argument(
            &origin,
            "--save-at",
            format!("must be in {start_day}..={days} (within the run), got {at}"),
        );
    }
    for day in start_day..days {
        if args.save_at == Some(day) && !write_save(&mut app, args.save.as_deref()) {
            return ExitCode::from(1);
        }
        if !run_day(app.world_mut()) {
            break;
        }
    }
    let ended_early = app
        .world()
        .resource::<customer_first::sim::GameOver>()
        .0
        .is_some();
    if args.save_at == Some(days) && !ended_early && !write_save(&mut app, args.save.as_deref()) {
        return ExitCode::from(1);
    }
    let result = runner::collect(&mut app, &s, seed, &policy_name);
    say_raw!("{}", runner::summary(&result));
    if let Some(path) = args.csv {
        if let Err(e) = runner::write_atomic(&path, &runner::days_csv(&result.rows)) {
            eprintln!("{}: error: cannot write the CSV: {e}", path.display());
            return ExitCode::from(1);
        }
        say!("wrote {} days to {}", result.rows.len(), path.display());
    }
    if args.customers.is_some() || args.report.is_some() {
        let records = runner::customer_records(app.world_mut(), &s);
        if let Some(path) = args.customers {
            if let Err(e) = runner::write_atomic(&path, &runner::customers_csv(&records)) {
                eprintln!("{}: error: cannot write the CSV: {e}", path.display());
                return ExitCode::from(1);
            }
            say!("wrote {} customers to {}", records.len(), path.display());
        }
        if let Some(path) = args.report {
            let html = customer_first::report::html(&result, &records, None);
            if let Err(e) = runner::write_atomic(&path, html.as_bytes()) {
                eprintln!("{}: error: cannot write the report: {e}", path.display());
                return ExitCode::from(1);
            }
            say!("wrote the debrief to {}", path.display());
        }
    }
    ExitCode::SUCCESS
}

#[derive(Args)]
struct WhatifArgs {
    /// A game's save (a named save or autosave.ron): replay its decisions from day 0 to the
    /// save's day.
    #[arg(long, conflicts_with_all = ["scenario", "seed", "policy", "days"])]
    game: Option<PathBuf>,
    #[command(flatten)]
    world: WorldArgs,
    /// Take CHOICE at dilemma DILEMMA instead.
    #[arg(long, value_name = "DILEMMA=CHOICE", conflicts_with = "undo")]
    choose: Option<String>,
    /// Undo the N-th lever change (1-based, in the policy's order or the game's log; a
    /// dilemma's own lever effects are not counted: change its choice instead).
    #[arg(long, value_name = "N")]
    undo: Option<usize>,
    /// Write the debrief with both runs overlaid.
    #[arg(long)]
    report: Option<PathBuf>,
    /// Write the what-if run's per-day CSV.
    #[arg(long)]
    csv: Option<PathBuf>,
}

/// What a what-if replays: the run's world, its decisions and its length.
struct Original {
    /// The file errors about the request are reported against.
    file: PathBuf,
    scenario: Scenario,
    deck: Option<Deck>,
    seed: u64,
    days: u32,
    decisions: runner::Decisions,
    name: String,
    /// A game's recorded days, which the replay with no change must reproduce.
    recorded: Option<Vec<customer_first::sim::metrics::DayRow>>,
}

fn whatif_original(args: &WhatifArgs) -> Result<Original, ExitCode> {
    if let Some(file) = &args.game {
        let save = save::load(file).map_err(|e| report(&e))?;
        let log = save::decision_log(&save);
        let decisions = runner::Decisions::of_run(&log, &save.dilemmas.made, &save.dilemma_choices)
            .map_err(|m| bad_argument(file, "decisions", m))?;
        let deck = (!save.deck.dilemmas.is_empty()).then(|| save.deck.clone());
        return Ok(Original {
            file: file.clone(),
            deck,
            seed: save.seed,
            days: save.day,
            decisions,
            name: "the game played".into(),
            recorded: Some(save.history.clone()),
            scenario: save.scenario,
        });
    }
    let (file, s, deck, policy) = load_world(&args.world).map_err(|e| report(&e))?;
    let days = args.world.days(&file, s.horizon_days, 0)?;
    Ok(Original {
        file,
        seed: args.world.seed.unwrap_or(s.seed),
        days,
        decisions: policy
            .as_ref()
            .map(runner::Decisions::from_policy)
            .unwrap_or_default(),
        name: policy.map_or_else(|| "scenario defaults".into(), |p| p.name),
        recorded: None,
        deck,
        scenario: s,
    })
}

fn whatif(args: WhatifArgs) -> ExitCode {
    use runner::WhatIf;
    let o = match whatif_original(&args) {
        Ok(o) => o,
        Err(code) => return code,
    };
    let change = match (&args.choose, args.undo) {
        (Some(text), _) => match WhatIf::choose(text) {
            Some(c) => c,
            None => {
                return bad_argument(
                    &o.file,
                    "--choose",
                    format!("expected DILEMMA=CHOICE, got \"{text}\""),
                );
            }
        },
        (None, Some(n)) => WhatIf::Undo(n),
        (None, None) => WhatIf::Nothing,
    };
    let changed = match change.apply(&o.decisions, o.deck.as_ref()) {
        Ok(p) => p,
        Err(message) => {
            let flag = if args.undo.is_some() {
                "--undo"
            } else {
                "--choose"
            };
            return bad_argument(&o.file, flag, message);
        }
    };
    let (s, deck, seed, days) = (&o.scenario, o.deck.as_ref(), o.seed, o.days);
    let quiet = |_: u32| {};
    let (base, base_records) = runner::replay(s, seed, deck, &o.decisions, days, &o.name, &quiet);
    if let Some(rows) = &o.recorded
        && runner::days_csv(rows) != runner::days_csv(&base.rows)
    {
        let day = runner::first_difference(rows, &base.rows).unwrap_or(0);
        eprintln!(
            "{}: error: replaying this game's decisions does not reproduce it (first different \
             day: {day}); it was probably saved by another version of customer-first",
            o.file.display()
        );
        return ExitCode::from(1);
    }
    let (alt, _) = runner::replay(s, seed, deck, &changed, days, &o.name, &quiet);
    let label = change.describe(&o.decisions);
    say!("what if: {label}");
    match runner::first_difference(&base.rows, &alt.rows) {
        None => say!("the two runs are identical, day for day"),
        Some(0) => say!("the runs differ from day 0 on"),
        Some(d) => say!("the runs are identical until day {d} and differ from it on"),
    }
    if let (Some(a), Some(b)) = (base.rows.last(), alt.rows.last()) {
        say!("{:<24}{:>14}{:>14}", "at the end", "original", "what-if");
        say!("{:<24}{:>14}{:>14}", "day", a.day, b.day);
        say!(
            "{:<24}{:>14}{:>14}",
            "active customers",
            a.active_customers,
            b.active_customers
        );
        say!(
            "{:<24}{:>13.1}%{:>13.1}%",
            "retention (90 days)",
            a.retention_90d * 100.0,
            b.retention_90d * 100.0
        );
        say!("{:<24}{:>14.0}{:>14.0}", "NPS", a.nps, b.nps);
        say!(
            "{:<24}{:>14.2}{:>14.2}",
            "reputation",
            a.reputation,
            b.reputation
        );
        say!(
            "{:<24}{:>14}{:>14}",
            "cash",
            runner::money(a.cash),
            runner::money(b.cash)
        );
    }
    if let Some(path) = args.csv {
        if let Err(e) = runner::write_atomic(&path, &runner::days_csv(&alt.rows)) {
            eprintln!("{}: error: cannot write the CSV: {e}", path.display());
            return ExitCode::from(1);
        }
        say!(
            "wrote the what-if run's {} days to {}",
            alt.rows.len(),
            path.display()
        );
    }
    if let Some(path) = args.report {
        let html = customer_first::report::html(
            &base,
            &base_records,
            Some(customer_first::report::Overlay {
                label: format!("what if: {label}"),
                result: &alt,
            }),
        );
        if let Err(e) = runner::write_atomic(&path, html.as_bytes()) {
            eprintln!("{}: error: cannot write the report: {e}", path.display());
            return ExitCode::from(1);
        }
        say!("wrote the debrief with both runs to {}", path.display());
    }
    ExitCode::SUCCESS
}

/// Writes the save; reports a failure (the previous file, if any, is left intact).
fn write_save(app: &mut bevy::app::App, path: Option<&Path>) -> bool {
    let Some(path) = path else { return true };
    let snapshot = match save::capture(app.world_mut()) {
        Ok(s) => s,
        Err(e) => {
            eprintln!("{}: error: cannot save: {e}", path.display());
            return false;
        }
    };
    match save::write(path, &snapshot) {
        Ok(()) => {
            say!("saved day {} to {}", snapshot.day, path.display());
            true
        }
        Err(e) => {
            eprintln!("{}: error: cannot write the save: {e}", path.display());
            false
        }
    }
}

/// Which format a file is: policies have a `changes` list, scenarios do not.
fn looks_like_policy(text: &str) -> bool {
    text.contains("changes")
}

/// A settings file names at least one of its fields and none of a scenario's.
fn looks_like_settings(text: &str) -> bool {
    ["ui_scale", "autosave_days", "saves_dir"]
        .iter()
        .any(|k| text.contains(k))
        && !text.contains("segments")
}

fn check(files: &[PathBuf]) -> ExitCode {
    let mut bad = false;
    for f in files {
        // Saves may be large; other files must stay under the ordinary limit.
        let text = match read_text_with_limit(f, save::MAX_SAVE_BYTES) {
            Ok(t) if t.len() as u64 > MAX_FILE_BYTES && !t.contains("format_version") => {
                eprintln!(
                    "{}: error: the file is {} bytes; the limit is {MAX_FILE_BYTES}",
                    f.display(),
                    t.len()
                );
                bad = true;
                continue;
            }
            Ok(t) => t,
            Err(e) => {
                eprintln!("{e}");
                bad = true;
                continue;
            }
        };
        let result = if text.contains("format_version") {
            save::from_ron(f, &text).map(|s| {
                format!(
                    "save of \"{}\" at day {} (format {})",
                    s.scenario.name, s.day, s.format_version
                )
            })
        } else if looks_like_settings(&text) {
            customer_first::settings::Settings::from_ron(f, &text).map(|s| {
                format!(
                    "settings (ui_scale {}, autosave every {} days)",
                    s.ui_scale, s.autosave_days
                )
            })
        } else if text.contains("situation") {
            Deck::from_ron(f, &text)
                .map(|d| format!("dilemma deck ({} dilemmas)", d.dilemmas.len()))
        } else if looks_like_policy(&text) {
            Policy::from_ron(f, &text)
                .map(|p| format!("policy \"{}\" ({} changes)", p.name, p.changes.len()))
        } else {
            Scenario::from_ron(f, &text).and_then(|s| {
                // The deck it names must load too.
                let deck = runner::deck_for(&s, Some(f))?;
                Ok(format!(
                    "scenario \"{}\" ({} segments, {} days, {} dilemmas)",
                    s.name,
                    s.segments.len(),
                    s.horizon_days,
                    deck.map_or(0, |d| d.dilemmas.len())
                ))
            })
        };
        match result {
            Ok(what) => say!("{}: ok: {what}", f.display()),
            Err(e) => {
                eprintln!("{e}");
                bad = true;
            }
        }
    }
    if bad {
        ExitCode::from(BAD_INPUT)
    } else {
        ExitCode::SUCCESS
    }
}
