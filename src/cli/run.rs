//! `customer-first run`: a scenario (or a save) run headless, its summary, CSV files, the HTML
//! debrief and a save at a given day.

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use bevy::prelude::World;
use clap::Args;

use crate::headless::files::write_atomic;
use crate::headless::results::{collect, customer_records, summary};
use crate::headless::save;
use crate::headless::tables::{customers_csv, days_csv};
use crate::headless::world::{ended_early, prepare_with, run_until, today};
use crate::i18n::{Lang, Text};
use crate::policy::Policy;
use crate::{say, say_raw};

use super::{WorldArgs, bad_argument, report as report_problems, write_failed, write_table};

#[derive(Args)]
pub struct RunArgs {
    #[command(flatten)]
    pub world: WorldArgs,
    /// Write one row per simulated day to this CSV file.
    #[arg(long)]
    pub csv: Option<PathBuf>,
    /// Write one row per customer ever acquired to this CSV file.
    #[arg(long)]
    pub customers: Option<PathBuf>,
    /// Write the debrief (decisions over the charts, scorecards, why customers left,
    /// customer capital, lessons) as one self-contained HTML file.
    #[arg(long)]
    pub report: Option<PathBuf>,
    /// Write the run's results file (for `customer-first class`) here; needs --team.
    #[arg(long, requires = "team")]
    pub results: Option<PathBuf>,
    /// The team's name in the results file.
    #[arg(long, requires = "results")]
    pub team: Option<String>,
    /// Save the game when this many days have been simulated (needs --save).
    #[arg(long, requires = "save")]
    pub save_at: Option<u32>,
    /// Where --save-at writes the save (written atomically).
    #[arg(long, requires = "save_at")]
    pub save: Option<PathBuf>,
    /// Continue a saved game instead of starting a scenario; --days is then the total
    /// number of days, counted from day 0. A save carries its own world (scenario, seed, policy,
    /// session), so the options that choose one are refused beside it rather than ignored.
    #[arg(long, conflicts_with_all = ["scenario", "seed", "policy", "code", "session"])]
    pub load: Option<PathBuf>,
}

pub fn run(args: RunArgs, lang: Lang) -> ExitCode {
    let inputs = args.world.inputs(args.load.as_deref());
    if let Err(code) = super::check_outputs(
        &[
            ("--csv", args.csv.as_deref(), false),
            ("--customers", args.customers.as_deref(), false),
            ("--report", args.report.as_deref(), true),
            ("--results", args.results.as_deref(), false),
            ("--save", args.save.as_deref(), false),
        ],
        &inputs,
    ) {
        return code;
    }
    // Either a fresh world from a scenario (and policy), or a saved one.
    let (s, seed, policy_name, mut app, origin, code, preset, read) = if let Some(path) = &args.load
    {
        match save::load_app(path) {
            Ok((saved, app)) => {
                let file = path.display().to_string();
                let name = Text::from_catalogue(|lang| {
                    crate::tr!(lang, "policy-resumed", file = file.as_str())
                });
                (
                    saved.scenario,
                    saved.seed,
                    name,
                    app,
                    path.clone(),
                    None,
                    crate::session::Preset::Free,
                    None,
                )
            }
            Err(e) => return report_problems(&e),
        }
    } else {
        let w = match args.world.load() {
            Ok(w) => w,
            Err(e) => return report_problems(&e),
        };
        let seed = w.seed;
        let name = Policy::title_of(w.policy.as_ref());
        let app = prepare_with(&w.scenario, seed, w.policy.as_ref(), w.deck.as_ref());
        (
            w.scenario,
            seed,
            name,
            app,
            w.path,
            w.code,
            w.preset,
            Some(w.deck_as_read),
        )
    };
    let start_day = today(app.world());
    let days = match args.world.days(&origin, s.horizon_days, start_day) {
        Ok(d) => d,
        Err(code) => return code,
    };
    if let Some(team) = &args.team
        && let Err(m) = crate::headless::results_file::team_name(team)
    {
        return bad_argument(&origin, "--team", m);
    }
    if let Some(at) = args.save_at
        && (at < start_day || at > days)
    {
        return bad_argument(
            &origin,
            "--save-at",
            crate::msg!("cli-save-at", from = start_day, to = days, got = at),
        );
    }
    // The save is taken between days, when the model reaches --save-at; the scenario's horizon
    // is such a moment too (the save then holds a finished game), an early end is not.
    let saved = run_until(app.world_mut(), days, |world, day| {
        if args.save_at == Some(day) && !ended_early(world) {
            write_save(world, args.save.as_deref(), lang)
        } else {
            Ok(())
        }
    });
    if let Err(code) = saved {
        return code;
    }
    let result = collect(app.world_mut(), &s, seed, &policy_name);
    say_raw!("{}", summary(&result, lang));
    if let Some(path) = args.csv {
        if let Err(code) = write_table(&path, days_csv(&result.rows)) {
            return code;
        }
        say!(
            "{}",
            crate::tr!(
                lang,
                "cli-wrote-days",
                n = result.rows.len(),
                file = path.display().to_string()
            )
        );
    }
    if let (Some(path), Some(team)) = (&args.results, &args.team) {
        // The deck as read names the scenario (a save's own deck, as played, otherwise).
        let deck = read.unwrap_or_else(|| crate::headless::results_file::deck_in(app.world()));
        let code = code.map(|c| c.text());
        let file = crate::headless::results_file::ResultsFile::of_run(
            &result,
            deck.as_ref(),
            team,
            code.as_deref(),
            preset,
            lang,
        );
        if let Err(e) = file.write(path) {
            return write_failed(path, crate::msg!("cli-the-results"), e);
        }
        say!(
            "{}",
            crate::tr!(lang, "cli-wrote-results", file = path.display().to_string())
        );
    }
    if args.customers.is_some() || args.report.is_some() {
        let records = customer_records(app.world_mut(), &s);
        if let Some(path) = args.customers {
            if let Err(code) = write_table(&path, customers_csv(&records)) {
                return code;
            }
            say!(
                "{}",
                crate::tr!(
                    lang,
                    "cli-wrote-customers",
                    n = records.len(),
                    file = path.display().to_string()
                )
            );
        }
        if let Some(path) = args.report {
            let html = crate::headless::html::debrief::html(&result, &records, None, lang);
            if let Err(e) = write_atomic(&path, html.as_bytes()) {
                return write_failed(&path, crate::msg!("cli-the-report"), e);
            }
            say!(
                "{}",
                crate::tr!(lang, "cli-wrote-debrief", file = path.display().to_string())
            );
        }
    }
    ExitCode::SUCCESS
}

/// Writes the save; reports a failure (the previous file, if any, is left intact).
fn write_save(world: &mut World, path: Option<&Path>, lang: Lang) -> Result<(), ExitCode> {
    let Some(path) = path else { return Ok(()) };
    let snapshot = match save::capture(world) {
        Ok(s) => s,
        Err(e) => {
            eprintln!(
                "{}: {}: {}",
                path.display(),
                crate::tr!(lang, "diag-error"),
                crate::tr!(lang, "cli-cannot-save", error = e.to_string())
            );
            return Err(ExitCode::from(1));
        }
    };
    match save::write(path, &snapshot) {
        Ok(()) => {
            say!(
                "{}",
                crate::tr!(
                    lang,
                    "cli-saved",
                    day = snapshot.day,
                    file = path.display().to_string()
                )
            );
            Ok(())
        }
        Err(e) => Err(write_failed(path, crate::msg!("cli-the-save"), e)),
    }
}
