//! The `customer-first` command's subcommands: the entry layer on top of the game, the headless
//! runs and the data files. `main.rs` parses the arguments (with the types here) and dispatches;
//! each subcommand lives in a file of its own.

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use clap::{Args, Parser, Subcommand};

use crate::diagnostics::{FileProblems, Msg, Problem};
pub use crate::headless::setup::{Request, World, parse_code};
use crate::i18n::Lang;

pub mod calibrate;
pub mod check;
pub mod class;
pub mod code;
pub mod play;
pub mod run;
pub mod sweep;
pub mod whatif;

/// Prints to standard output, ignoring a closed pipe (`customer-first run | head` must not
/// panic when `head` stops reading).
#[macro_export]
macro_rules! say {
    ($($arg:tt)*) => {{
        use std::io::Write as _;
        let _ = writeln!(std::io::stdout(), $($arg)*);
    }};
}

/// As [`say!`], without the newline.
#[macro_export]
macro_rules! say_raw {
    ($($arg:tt)*) => {{
        use std::io::Write as _;
        let _ = write!(std::io::stdout(), $($arg)*);
    }};
}

#[derive(Parser)]
#[command(
    name = "customer-first",
    version,
    about = "A business simulation: serve customers with finite resources, watch retention and reputation."
)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Option<Command>,
    /// The language of everything a person reads: en or zh-CN (default: the system's locale,
    /// from LC_ALL, LC_MESSAGES or LANG). Files written for machines (CSV, RON) stay English.
    #[arg(long, global = true, value_parser = parse_lang)]
    pub lang: Option<Lang>,
    /// The game window's exact size, WIDTHxHEIGHT (e.g. 1024x768); default: the size the
    /// settings remember, else fitted to the screen.
    #[arg(long, global = true, value_parser = crate::settings::WindowSize::parse)]
    pub window: Option<crate::settings::WindowSize>,
    /// Projector mode for a room: a large UI, high contrast, the three stakeholder meters and
    /// the main chart big, the floor still in view (also on the title screen; remembered).
    #[arg(long, global = true)]
    pub projector: bool,
}

impl Cli {
    /// How the game's window was asked to look: its size and projector mode.
    pub fn display(&self) -> Display {
        Display {
            window: self.window,
            projector: self.projector,
        }
    }

    /// The language asked for, else the system's.
    pub fn language(&self) -> Lang {
        self.lang.unwrap_or_else(Lang::from_env)
    }
}

/// Reads `--session`: 20, 45 or free.
pub fn parse_preset(s: &str) -> Result<crate::session::Preset, String> {
    crate::session::Preset::parse(s).ok_or_else(|| {
        format!("expected 20, 45 (minutes of a timed workshop) or free, got \"{s}\"")
    })
}

fn parse_lang(s: &str) -> Result<Lang, String> {
    Lang::ALL
        .into_iter()
        .find(|l| l.code().eq_ignore_ascii_case(s))
        .or_else(|| Lang::parse(s))
        .ok_or_else(|| format!("expected en or zh-CN, got \"{s}\""))
}

#[derive(Subcommand)]
pub enum Command {
    /// Run a scenario headless: prints a summary, optionally writes CSV files.
    Run(run::RunArgs),
    /// Replay a run with one decision changed and compare: the other choice at a dilemma
    /// (--choose DILEMMA=CHOICE) or one lever change undone (--undo N). The run is a headless
    /// one (scenario, seed, policy) or a game played, from its save (--game).
    Whatif(whatif::WhatifArgs),
    /// Open the game straight on the playing screen (for facilitators and scripted tests).
    Play(play::PlayArgs),
    /// Run a scenario many times: every combination of the values given with --vary, times every
    /// seed, on every core; one CSV row per run and a table of means with spread. `sweep merge`
    /// joins the shards of a sweep run on several machines.
    Sweep(sweep::SweepArgs),
    /// The class view: every team's results file in a folder, ranked by the balanced scorecard
    /// for each world they played, with the decisions where they went different ways
    /// (`--html FILE` for one page for the room).
    Class(class::ClassArgs),
    /// Validate scenario, policy, dilemma deck, save and settings files; reports every problem,
    /// exit code 2 if any.
    Check(check::CheckArgs),
    /// Make a session code for a workshop: every team that types it (on the title screen, or
    /// `play --code`, `run --code`) gets the identical world.
    Code(code::CodeArgs),
    /// Does a scenario's story hold? Runs its thoughtful and careless policies over seeds and
    /// judges each run by the scenario's winning conditions: the thoughtful one should win on
    /// at least 8 of 10, the careless one lose on at least 8 of 10 (exit code 1 if not).
    Calibrate(calibrate::CalibrateArgs),
}

/// Set by Ctrl-C once [`stop_on_ctrl_c`] has been called: long work (a sweep, what each
/// decision did) stops at the next whole step.
static STOP: std::sync::atomic::AtomicBool = std::sync::atomic::AtomicBool::new(false);

/// From now on Ctrl-C sets the returned flag instead of killing the process, so that long work
/// can stop cleanly (leaving whole rows, saying what is missing).
pub fn stop_on_ctrl_c() -> &'static std::sync::atomic::AtomicBool {
    static HANDLER: std::sync::Once = std::sync::Once::new();
    // A browser page has no Ctrl-C to catch (and no command line to run a sweep from).
    #[cfg(not(target_arch = "wasm32"))]
    HANDLER.call_once(|| {
        let _ = ctrlc::set_handler(|| STOP.store(true, std::sync::atomic::Ordering::SeqCst));
    });
    #[cfg(target_arch = "wasm32")]
    HANDLER.call_once(|| {});
    &STOP
}

/// Exit code for a run stopped by Ctrl-C (128 + SIGINT, as shells report it).
pub const INTERRUPTED: u8 = 130;

/// Exit code for bad input (files, arguments).
pub const BAD_INPUT: u8 = 2;

/// Exit code when the game's window cannot open: there is no display.
pub const NO_DISPLAY: u8 = 3;

static LANGUAGE: std::sync::OnceLock<Lang> = std::sync::OnceLock::new();

/// Sets the language this process speaks to its user (once, at start-up).
pub fn set_language(lang: Lang) {
    let _ = LANGUAGE.set(lang);
}

/// The language of this process's messages: as set, else the system's.
pub fn language() -> Lang {
    LANGUAGE.get().copied().unwrap_or_else(Lang::from_env)
}

/// Reports a file's problems on standard error; the exit code for bad input.
pub fn report(problems: &FileProblems) -> ExitCode {
    eprintln!("{}", problems.render(language()));
    ExitCode::from(BAD_INPUT)
}

/// Reports a bad command-line argument against the file it concerns.
pub fn bad_argument(file: &Path, name: &str, message: impl Into<Msg>) -> ExitCode {
    report(&FileProblems::single(
        file,
        Problem::Invalid {
            path: name.into(),
            message: message.into(),
        },
    ))
}

/// A file that could not be written: said on standard error, exit code 1.
pub fn write_failed(path: &Path, what: Msg, e: impl WhyNot) -> ExitCode {
    let lang = language();
    eprintln!(
        "{}: {}: {}",
        path.display(),
        crate::tr!(lang, "diag-error"),
        crate::tr!(
            lang,
            "cli-cannot-write",
            what = what.render(lang),
            error = e.why_not(lang)
        )
    );
    ExitCode::from(1)
}

/// Why a write failed, as the user reads it.
pub trait WhyNot {
    fn why_not(&self, lang: Lang) -> String;
}

impl WhyNot for std::io::Error {
    fn why_not(&self, lang: Lang) -> String {
        crate::diagnostics::io_reason(self).render(lang)
    }
}

impl WhyNot for String {
    fn why_not(&self, _lang: Lang) -> String {
        self.clone()
    }
}

/// Writes a table made in memory (`bytes`, or why it could not be made) to `path` atomically;
/// a failure is reported as [`write_failed`] does.
pub fn write_table<E: std::fmt::Display>(
    path: &Path,
    bytes: Result<Vec<u8>, E>,
) -> Result<(), ExitCode> {
    let written = bytes
        .map_err(|e| e.to_string())
        .and_then(|b| crate::headless::files::write_atomic(path, &b).map_err(|e| e.to_string()));
    written.map_err(|e| write_failed(path, crate::msg!("cli-the-csv"), e))
}

/// Which world to play or run: the options `play` and the headless commands share (flattened
/// into each), read by the one loader, [`crate::headless::setup`].
#[derive(Args, Default, Clone)]
pub struct WorldChoice {
    /// Scenario file (RON); the bundled café if omitted.
    #[arg(long)]
    pub scenario: Option<PathBuf>,
    /// Random seed; the scenario's own seed if omitted.
    #[arg(long, conflicts_with = "code")]
    pub seed: Option<u64>,
    /// A session code from the trainer (`customer-first code`): the scenario (a bundled one, or
    /// the file given with --scenario) and the seed every team shares.
    #[arg(long)]
    pub code: Option<String>,
    /// A timed workshop session's world: 20 or 45 (its workshop dilemmas come on their fixed
    /// days, as in the game); a session code says it by itself.
    #[arg(long, value_parser = parse_preset, conflicts_with = "code")]
    pub session: Option<crate::session::Preset>,
}

impl WorldChoice {
    /// What the loader is asked for, with a policy file or none.
    pub fn request(&self, policy: Option<&Path>) -> Request {
        Request {
            scenario: self.scenario.clone(),
            seed: self.seed,
            code: self.code.clone(),
            session: self.session,
            policy: policy.map(Path::to_path_buf),
        }
    }
}

/// The world a headless run starts from (shared by `run`, `whatif` and `sweep`).
#[derive(Args)]
pub struct WorldArgs {
    #[command(flatten)]
    pub choice: WorldChoice,
    /// Days to simulate; the scenario's horizon if omitted.
    #[arg(long)]
    pub days: Option<u32>,
    /// Policy file (RON): lever changes over time and the answer to each dilemma.
    #[arg(long)]
    pub policy: Option<PathBuf>,
}

impl WorldArgs {
    /// The scenario (the bundled default if none), its dilemma deck and the policy, each checked
    /// against the others: what `run`, `whatif` and `sweep` start from.
    /// The files the command reads: its scenario and policy files, and `also` (a save).
    pub fn inputs<'a>(&'a self, also: Option<&'a Path>) -> Vec<&'a Path> {
        [
            also,
            self.choice.scenario.as_deref(),
            self.policy.as_deref(),
        ]
        .into_iter()
        .flatten()
        .collect()
    }

    pub fn load(&self) -> Result<World, FileProblems> {
        self.choice.request(self.policy.as_deref()).load()
    }

    /// `--days` (the horizon if omitted), checked to lie between the first day to run and the
    /// scenario's horizon.
    pub fn days(&self, file: &Path, horizon: u32, start_day: u32) -> Result<u32, ExitCode> {
        let days = self.days.unwrap_or(horizon);
        if days == 0 || days > horizon || days < start_day {
            return Err(bad_argument(
                file,
                "--days",
                crate::msg!(
                    "cli-days",
                    from = start_day.max(1),
                    to = horizon,
                    got = days
                ),
            ));
        }
        Ok(days)
    }
}

/// How the game's window was asked to look on the command line.
#[derive(Debug, Clone, Copy, Default)]
pub struct Display {
    /// `--window WIDTHxHEIGHT`.
    pub window: Option<crate::settings::WindowSize>,
    /// `--projector`.
    pub projector: bool,
}

/// Checks a command's output files before any work: each must be a regular file or absent (a
/// link, a pipe, a device or a folder is refused, never replaced), no two options may name one
/// file, none may be one of the files it reads, and an HTML page may replace only a page (never
/// a results file, a save or a scenario given by mistake). `outputs` are (option, path, is a
/// page); `inputs` the files the command reads.
pub fn check_outputs(
    outputs: &[(&str, Option<&Path>, bool)],
    inputs: &[&Path],
) -> Result<(), ExitCode> {
    let given: Vec<(&str, &Path, bool)> = outputs
        .iter()
        .filter_map(|&(o, p, page)| p.map(|p| (o, p, page)))
        .collect();
    for (n, &(option, path, page)) in given.iter().enumerate() {
        match crate::platform::files::what_is_at(path) {
            Ok(Some(Err(kind))) => {
                return Err(bad_argument(path, option, Msg::Key(kind.key(), Vec::new())));
            }
            Ok(Some(Ok(()))) if page && !is_page(path) => {
                return Err(bad_argument(
                    path,
                    option,
                    crate::msg!("cli-output-not-page"),
                ));
            }
            _ => {}
        }
        if let Some(&(other, _, _)) = given[..n].iter().find(|o| same_file(o.1, path)) {
            return Err(bad_argument(
                path,
                option,
                crate::msg!("cli-output-twice", other = other),
            ));
        }
        if inputs.iter().any(|i| same_file(i, path)) {
            return Err(bad_argument(
                path,
                option,
                crate::msg!("cli-output-is-input"),
            ));
        }
    }
    Ok(())
}

/// Whether two paths name one file: the same folder (links resolved) and name.
pub fn same_file(a: &Path, b: &Path) -> bool {
    fn key(p: &Path) -> Option<std::path::PathBuf> {
        let dir = p
            .parent()
            .filter(|d| !d.as_os_str().is_empty())
            .unwrap_or(Path::new("."));
        Some(std::fs::canonicalize(dir).ok()?.join(p.file_name()?))
    }
    match (key(a), key(b)) {
        (Some(a), Some(b)) => a == b,
        _ => std::path::absolute(a).ok() == std::path::absolute(b).ok(),
    }
}

/// Whether an existing file is an HTML page (what a page may replace).
fn is_page(path: &Path) -> bool {
    use std::io::Read as _;
    let mut bytes = Vec::new();
    // Only the first bytes, of a file already found to be a regular one.
    let read = std::fs::File::open(path).and_then(|f| f.take(64).read_to_end(&mut bytes));
    if read.is_err() {
        return false;
    }
    let head = String::from_utf8_lossy(&bytes).to_ascii_lowercase();
    head.trim_start().starts_with("<!doctype html")
}
