//! The `customer-first` command: plays the game, or runs and checks scenarios headless.

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use clap::{Parser, Subcommand};

use customer_first::diagnostics::{FileProblems, Problem, read_text};
use customer_first::policy::Policy;
use customer_first::runner;
use customer_first::scenario::{Scenario, bundled};

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
    Run {
        /// Scenario file (RON); the bundled café if omitted.
        #[arg(long)]
        scenario: Option<PathBuf>,
        /// Random seed; the scenario's own seed if omitted.
        #[arg(long)]
        seed: Option<u64>,
        /// Days to simulate; the scenario's horizon if omitted.
        #[arg(long)]
        days: Option<u32>,
        /// Policy file (RON) scripting lever changes over time.
        #[arg(long)]
        policy: Option<PathBuf>,
        /// Write one row per simulated day to this CSV file.
        #[arg(long)]
        csv: Option<PathBuf>,
        /// Write one row per customer ever acquired to this CSV file.
        #[arg(long)]
        customers: Option<PathBuf>,
    },
    /// Validate scenario and policy files; reports every problem, exit code 2 if any.
    Check {
        #[arg(required = true)]
        files: Vec<PathBuf>,
    },
}

/// Exit code for bad input (files, arguments).
const BAD_INPUT: u8 = 2;

fn main() -> ExitCode {
    let cli = Cli::parse();
    match cli.command {
        None => play_default(),
        Some(Command::Run {
            scenario,
            seed,
            days,
            policy,
            csv,
            customers,
        }) => run(scenario, seed, days, policy, csv, customers),
        Some(Command::Check { files }) => check(&files),
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

fn play_default() -> ExitCode {
    // The game screen is not built yet; until it is, playing means watching the default scenario
    // run headless with the balanced policy.
    println!(
        "customer-first: the game screen is not built yet, so this runs the bundled café \
         scenario headless with the balanced policy.\nTry `customer-first run --help` for the \
         headless tools.\n"
    );
    let scenario = match load_scenario(None) {
        Ok(s) => s,
        Err(e) => return report(&e),
    };
    let policy = match Policy::from_ron(
        Path::new("assets/policies/balanced.ron"),
        include_str!("../assets/policies/balanced.ron"),
    ) {
        Ok(p) => p,
        Err(e) => return report(&e),
    };
    let (_, result) = runner::run(
        &scenario,
        scenario.seed,
        scenario.horizon_days,
        Some(&policy),
    );
    print!("{}", runner::summary(&result));
    ExitCode::SUCCESS
}

fn run(
    scenario: Option<PathBuf>,
    seed: Option<u64>,
    days: Option<u32>,
    policy: Option<PathBuf>,
    csv: Option<PathBuf>,
    customers: Option<PathBuf>,
) -> ExitCode {
    let scenario_path = scenario
        .clone()
        .unwrap_or_else(|| PathBuf::from(bundled::DEFAULT.0));
    let s = match load_scenario(scenario.as_deref()) {
        Ok(s) => s,
        Err(e) => return report(&e),
    };
    let policy = match policy.as_deref().map(|p| (p, Policy::load(p))) {
        None => None,
        Some((_, Err(e))) => return report(&e),
        Some((path, Ok(p))) => {
            if let Err(e) = p.check_against(s.horizon_days, path) {
                return report(&e);
            }
            Some(p)
        }
    };
    let days = days.unwrap_or(s.horizon_days);
    if days == 0 || days > s.horizon_days {
        let e = FileProblems::single(
            &scenario_path,
            Problem::Invalid {
                path: "--days".into(),
                message: format!(
                    "must be in 1..={} (the scenario's horizon_days), got {days}",
                    s.horizon_days
                ),
            },
        );
        return report(&e);
    }
    let seed = seed.unwrap_or(s.seed);
    let (mut app, result) = runner::run(&s, seed, days, policy.as_ref());
    print!("{}", runner::summary(&result));
    if let Some(path) = csv {
        if let Err(e) = runner::write_atomic(&path, &runner::days_csv(&result.rows)) {
            eprintln!("{}: error: cannot write the CSV: {e}", path.display());
            return ExitCode::from(1);
        }
        println!("wrote {} days to {}", result.rows.len(), path.display());
    }
    if let Some(path) = customers {
        let records = runner::customer_records(app.world_mut(), &s);
        if let Err(e) = runner::write_atomic(&path, &runner::customers_csv(&records)) {
            eprintln!("{}: error: cannot write the CSV: {e}", path.display());
            return ExitCode::from(1);
        }
        println!("wrote {} customers to {}", records.len(), path.display());
    }
    ExitCode::SUCCESS
}

/// Which format a file is: policies have a `changes` list, scenarios do not.
fn looks_like_policy(text: &str) -> bool {
    text.contains("changes")
}

fn check(files: &[PathBuf]) -> ExitCode {
    let mut bad = false;
    for f in files {
        let text = match read_text(f) {
            Ok(t) => t,
            Err(e) => {
                eprintln!("{e}");
                bad = true;
                continue;
            }
        };
        let result = if looks_like_policy(&text) {
            Policy::from_ron(f, &text)
                .map(|p| format!("policy \"{}\" ({} changes)", p.name, p.changes.len()))
        } else {
            Scenario::from_ron(f, &text).map(|s| {
                format!(
                    "scenario \"{}\" ({} segments, {} days)",
                    s.name,
                    s.segments.len(),
                    s.horizon_days
                )
            })
        };
        match result {
            Ok(what) => println!("{}: ok: {what}", f.display()),
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
