//! `customer-first calibrate`: does a scenario's story hold? Its thoughtful policy should win it
//! on at least 8 of 10 seeds and its careless policy lose it on at least 8 of 10
//! ([`crate::headless::calibrate`]). For whoever writes or tunes a scenario.

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use clap::Args;

use crate::diagnostics::Problem;
use crate::headless::calibrate::{Report, calibrate as run_calibration, seeds};
use crate::headless::verdict::{Outcome, describe, show_value};
use crate::i18n::{Lang, columns};
use crate::policy::Policy;
use crate::scenario::Scenario;
use crate::{say, tr};

use super::{bad_argument, report};

/// Exit code when a scenario's story does not hold.
pub const DOES_NOT_HOLD: u8 = 1;

#[derive(Args)]
pub struct CalibrateArgs {
    /// Scenario files (RON) with `winning` conditions.
    #[arg(required = true)]
    pub scenarios: Vec<PathBuf>,
    /// How many seeds (the scenario's own and those after it).
    #[arg(long, default_value_t = 10)]
    pub seeds: u64,
    /// The thoughtful policy (default: the scenario's `winning.calibration.thoughtful`).
    #[arg(long)]
    pub thoughtful: Option<PathBuf>,
    /// The careless policy (default: the scenario's `winning.calibration.careless`).
    #[arg(long)]
    pub careless: Option<PathBuf>,
}

pub fn calibrate(args: CalibrateArgs, lang: Lang) -> ExitCode {
    if !(1..=1000).contains(&args.seeds) {
        return bad_argument(
            Path::new("customer-first"),
            "--seeds",
            crate::msg!("cli-seeds-range", got = args.seeds),
        );
    }
    let mut all_hold = true;
    for file in &args.scenarios {
        let loaded = match load(file, &args) {
            Ok(l) => l,
            Err(code) => return code,
        };
        let (s, deck, thoughtful, careless) = loaded;
        let seeds = seeds(&s, args.seeds);
        let r = run_calibration(&s, deck.as_ref(), &thoughtful, &careless, &seeds);
        print(&s, &thoughtful, &careless, &r, lang);
        all_hold &= r.holds();
    }
    if all_hold {
        ExitCode::SUCCESS
    } else {
        ExitCode::from(DOES_NOT_HOLD)
    }
}

type Loaded = (Scenario, Option<crate::dilemmas::Deck>, Policy, Policy);

/// The scenario, its deck and both policies, each checked.
fn load(file: &Path, args: &CalibrateArgs) -> Result<Loaded, ExitCode> {
    let s = Scenario::load(file).map_err(|e| report(&e))?;
    if s.winning.is_none() {
        return Err(report(&crate::diagnostics::FileProblems::single(
            file,
            Problem::Invalid {
                path: "winning".into(),
                message: crate::msg!("calibrate-no-winning"),
            },
        )));
    }
    let deck = crate::headless::setup::with_deck(file, s.clone())
        .map_err(|e| report(&e))?
        .deck;
    let own = crate::headless::setup::calibration_files(file, &s);
    let named = |given: &Option<PathBuf>, which: &str, own: Option<PathBuf>| match given {
        Some(p) => Ok(p.clone()),
        None => own.ok_or_else(|| {
            bad_argument(
                file,
                which,
                crate::msg!("calibrate-no-policy", flag = which),
            )
        }),
    };
    let t = named(&args.thoughtful, "--thoughtful", own.clone().map(|o| o.0))?;
    let c = named(&args.careless, "--careless", own.map(|o| o.1))?;
    let policy = |p: &Path| -> Result<Policy, ExitCode> {
        crate::headless::setup::policy_for(p, &s, deck.as_ref()).map_err(|e| report(&e))
    };
    let thoughtful = policy(&t)?;
    let careless = policy(&c)?;
    Ok((s, deck, thoughtful, careless))
}

/// The calibration as a table: each condition, how often each policy met it and its mean figure.
fn print(s: &Scenario, thoughtful: &Policy, careless: &Policy, r: &Report, lang: Lang) {
    let n = r.seeds.len();
    say!(
        "{}",
        tr!(
            lang,
            "calibrate-heading",
            scenario = s.name.get(lang),
            seeds = n
        )
    );
    let verdict = if r.holds() {
        tr!(lang, "calibrate-holds")
    } else {
        tr!(lang, "calibrate-fails", need = r.need())
    };
    say!(
        "  {}",
        tr!(
            lang,
            "calibrate-line",
            thoughtful = thoughtful.title().get(lang),
            won = r.thoughtful.count(Outcome::Won),
            careless = careless.title().get(lang),
            lost = r.careless.count(Outcome::Lost),
            seeds = n,
            verdict = verdict
        )
    );
    let Some(w) = &s.winning else { return };
    let cell = |runs: &crate::headless::calibrate::PolicyRuns, i: usize, m| {
        tr!(
            lang,
            "calibrate-cell",
            met = runs.met(i),
            seeds = n,
            mean = runs.mean(i).map_or_else(
                || tr!(lang, "verdict-no-figure"),
                |v| show_value(m, v, lang)
            )
        )
    };
    let width: usize = 64;
    for (i, k) in w.conditions.iter().enumerate() {
        let what = describe(k, lang);
        let pad = width.saturating_sub(columns(&what));
        say!(
            "  {what}{}  {:<24}  {}",
            " ".repeat(pad),
            cell(&r.thoughtful, i, k.measure),
            cell(&r.careless, i, k.measure)
        );
    }
    let what = tr!(lang, "calibrate-closed-early");
    let pad = width.saturating_sub(columns(&what));
    say!(
        "  {what}{}  {:<24}  {}",
        " ".repeat(pad),
        r.thoughtful.closed_early(),
        r.careless.closed_early()
    );
}
