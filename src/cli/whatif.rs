//! `customer-first whatif`: a run replayed with one decision changed, and the two compared.

use crate::i18n::{Lang, Text, columns};
use crate::policy::Policy;
use crate::tr;
use std::path::PathBuf;
use std::process::ExitCode;

use clap::Args;

use crate::dilemmas::Deck;
use crate::headless::files::write_atomic;
use crate::headless::html::debrief;
use crate::headless::impact::{Replays, Which, counterfactuals, decision_label, sentence, signed};
use crate::headless::results::RunResult;
use crate::headless::save;
use crate::headless::tables::days_csv;
use crate::headless::whatif::{Decisions, WhatIf, difference, first_difference};
use crate::headless::world::replay;
use crate::say;
use crate::scenario::Scenario;
use crate::sim::metrics::DayRow;
use bevy::tasks::block_on;
use std::io::IsTerminal as _;
use std::sync::atomic::{AtomicUsize, Ordering};

use super::{WorldArgs, bad_argument, report as report_problems, write_failed, write_table};

#[derive(Args)]
pub struct WhatifArgs {
    /// A game's save (a named save or an autosave): replay its decisions from day 0 to the
    /// save's day.
    #[arg(long, conflicts_with_all = ["scenario", "seed", "policy", "days"])]
    pub game: Option<PathBuf>,
    #[command(flatten)]
    pub world: WorldArgs,
    /// Take CHOICE at dilemma DILEMMA instead.
    #[arg(long, value_name = "DILEMMA=CHOICE", conflicts_with = "undo")]
    pub choose: Option<String>,
    /// Undo the N-th lever change (1-based, in the policy's order or the game's log; a
    /// dilemma's own lever effects are not counted: change its choice instead). A change that is
    /// one step of a gesture (the same levers changed again within the hour) is undone with the
    /// whole gesture.
    #[arg(long, value_name = "N")]
    pub undo: Option<usize>,
    /// What each decision did: replay the run once without each of its last N decisions (each
    /// lever change undone, each other choice at each dilemma), in parallel, and show what each
    /// changed for customers, employees and shareholders; `all` for every decision.
    #[arg(
        long,
        value_name = "N|all",
        num_args = 0..=1,
        default_missing_value = "30",
        conflicts_with_all = ["choose", "undo", "csv"]
    )]
    pub each: Option<String>,
    /// Threads for --each (default: every core).
    #[arg(long, requires = "each")]
    pub threads: Option<usize>,
    /// Write the debrief with both runs overlaid (with --each: with what each decision did).
    #[arg(long)]
    pub report: Option<PathBuf>,
    /// Write the what-if run's per-day CSV.
    #[arg(long)]
    pub csv: Option<PathBuf>,
}

/// What a what-if replays: the run's world, its decisions and its length.
struct Original {
    /// The file errors about the request are reported against.
    file: PathBuf,
    scenario: Scenario,
    deck: Option<Deck>,
    seed: u64,
    days: u32,
    decisions: Decisions,
    name: Text,
    /// A game's recorded days, which the replay with no change must reproduce.
    recorded: Option<Vec<DayRow>>,
    /// The model's rules the original was played under (today's for a policy run).
    model: u32,
}

fn original(args: &WhatifArgs) -> Result<Original, ExitCode> {
    if let Some(file) = &args.game {
        let save = save::load(file).map_err(|e| report_problems(&e))?;
        let log = save::decision_log(&save);
        let decisions = Decisions::of_run(&log, &save.dilemmas.made, &save.dilemma_choices)
            .map_err(|m| bad_argument(file, "decisions", m))?;
        let deck = (!save.deck.dilemmas.is_empty()).then(|| save.deck.clone());
        return Ok(Original {
            file: file.clone(),
            deck,
            seed: save.seed,
            days: save.day,
            decisions,
            name: Text::from_catalogue(|lang| tr!(lang, "policy-player")),
            recorded: Some(save.history.clone()),
            model: save.model_version,
            scenario: save.scenario,
        });
    }
    let w = args.world.load().map_err(|e| report_problems(&e))?;
    let days = args.world.days(&w.path, w.scenario.horizon_days, 0)?;
    let seed = w.seed;
    Ok(Original {
        file: w.path,
        seed,
        days,
        decisions: w
            .policy
            .as_ref()
            .map(Decisions::from_policy)
            .unwrap_or_default(),
        name: Policy::title_of(w.policy.as_ref()),
        recorded: None,
        model: crate::sim::MODEL_VERSION,
        deck: w.deck,
        scenario: w.scenario,
    })
}

pub fn whatif(args: WhatifArgs, lang: Lang) -> ExitCode {
    let inputs = args.world.inputs(args.game.as_deref());
    if let Err(code) = super::check_outputs(
        &[
            ("--report", args.report.as_deref(), true),
            ("--csv", args.csv.as_deref(), false),
        ],
        &inputs,
    ) {
        return code;
    }
    let o = match original(&args) {
        Ok(o) => o,
        Err(code) => return code,
    };
    if let Some(each) = &args.each {
        return each_decision(&args, &o, each, lang);
    }
    let change = match (&args.choose, args.undo) {
        (Some(text), _) => match WhatIf::choose(text) {
            Some(c) => c,
            None => {
                return bad_argument(
                    &o.file,
                    "--choose",
                    crate::msg!("cli-choose-form", got = text),
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
    let (base, base_records) = block_on(replay(s, seed, deck, &o.decisions, days, &o.name, &quiet));
    if let Some(rows) = &o.recorded {
        if o.model < crate::sim::MODEL_VERSION {
            // Older rules: the replay runs under today's, so it cannot be the game as played.
            // Both runs below are replays under today's rules, so the comparison still holds.
            eprintln!(
                "{}: {}: {}",
                o.file.display(),
                tr!(lang, "diag-warning"),
                tr!(
                    lang,
                    "whatif-older-model",
                    saved = o.model,
                    current = crate::sim::MODEL_VERSION
                )
            );
        } else {
            match first_difference(rows, &base.rows) {
                Ok(None) => {}
                Ok(Some(day)) => {
                    eprintln!(
                        "{}: {}: {}",
                        o.file.display(),
                        tr!(lang, "diag-error"),
                        tr!(lang, "whatif-not-reproduced", day = day)
                    );
                    return ExitCode::from(1);
                }
                Err(e) => return cannot_compare(&o.file, e),
            }
        }
    }
    let (alt, _) = block_on(replay(s, seed, deck, &changed, days, &o.name, &quiet));
    let label = change.describe(&o.decisions, o.deck.as_ref(), lang);
    let what_if = tr!(lang, "whatif-label", change = label.as_str());
    say!("{what_if}");
    match first_difference(&base.rows, &alt.rows) {
        Ok(None) => say!("{}", tr!(lang, "identical-all")),
        Ok(Some(0)) => say!("{}", tr!(lang, "differ-from-start")),
        Ok(Some(d)) => say!("{}", tr!(lang, "identical-until", day = d)),
        Err(e) => return cannot_compare(&o.file, e),
    }
    print_table(&base, &alt, lang);
    if let Some(path) = args.csv {
        if let Err(code) = write_table(&path, days_csv(&alt.rows)) {
            return code;
        }
        say!(
            "{}",
            tr!(
                lang,
                "cli-wrote-days",
                n = alt.rows.len(),
                file = path.display().to_string()
            )
        );
    }
    if let Some(path) = args.report {
        let html = debrief::html(
            &base,
            &base_records,
            Some(debrief::Overlay {
                label: what_if,
                result: &alt,
            }),
            lang,
        );
        if let Err(e) = write_atomic(&path, html.as_bytes()) {
            return write_failed(&path, crate::msg!("cli-the-report"), e);
        }
        say!(
            "{}",
            tr!(lang, "cli-wrote-debrief", file = path.display().to_string())
        );
    }
    ExitCode::SUCCESS
}

/// `--each`: what each decision did.
fn each_decision(args: &WhatifArgs, o: &Original, each: &str, lang: Lang) -> ExitCode {
    let which = match each.trim() {
        "all" => Which::All,
        n => match n.parse::<usize>() {
            Ok(n) if n > 0 => Which::Last(n),
            _ => {
                return bad_argument(&o.file, "--each", crate::msg!("impact-each-form", got = n));
            }
        },
    };
    let threads = match args.threads {
        Some(0) => return bad_argument(&o.file, "--threads", crate::msg!("sweep-threads")),
        Some(n) => n,
        None => std::thread::available_parallelism().map_or(1, |n| n.get()),
    };
    let (s, deck, seed, days) = (&o.scenario, o.deck.as_ref(), o.seed, o.days);
    let quiet = |_: u32| {};
    let (base, base_records) = block_on(replay(s, seed, deck, &o.decisions, days, &o.name, &quiet));
    let each = counterfactuals(&o.decisions, &base.choices, deck, which);
    let replays = Replays {
        scenario: s,
        seed,
        deck,
        decisions: &o.decisions,
        days,
    };
    let stop = super::stop_on_ctrl_c();
    let done = AtomicUsize::new(0);
    let total = each.len();
    let terminal = std::io::stderr().is_terminal();
    let impacts = std::thread::scope(|scope| {
        let measuring = scope.spawn(|| {
            bevy::tasks::block_on(replays.measure(&base.rows, &each, threads, stop, &done))
        });
        while !measuring.is_finished() {
            if terminal {
                eprint!(
                    "\r{}   ",
                    tr!(
                        lang,
                        "impact-progress",
                        done = done.load(Ordering::Relaxed),
                        total = total
                    )
                );
            }
            std::thread::sleep(std::time::Duration::from_millis(100));
        }
        if terminal {
            eprintln!();
        }
        measuring.join().ok().flatten()
    });
    let Some(impacts) = impacts else {
        eprintln!("{}", tr!(lang, "impact-stopped"));
        return ExitCode::from(super::INTERRUPTED);
    };
    say!(
        "{}",
        tr!(
            lang,
            "impact-heading",
            n = impacts.len(),
            day = base.rows.last().map_or(0, |r| r.day)
        )
    );
    let currency = s.currency();
    let head = [
        tr!(lang, "day"),
        tr!(lang, "impact-col-decision"),
        tr!(lang, "metric-active-customers"),
        tr!(lang, "metric-retention"),
        tr!(lang, "metric-nps"),
        tr!(lang, "metric-morale"),
        tr!(lang, "card-profit"),
        tr!(lang, "metric-cash"),
    ];
    let mut rows = vec![head.to_vec()];
    for i in &impacts {
        rows.push(vec![
            i.decision.day.to_string(),
            clip(&decision_label(&i.decision, &o.decisions, deck, lang), 60),
            signed(i.customers as f64, 0),
            tr!(
                lang,
                "points-difference",
                n = signed(i.retention * 100.0, 1)
            ),
            signed(i.nps, 1),
            tr!(lang, "points-difference", n = signed(i.morale * 100.0, 1)),
            money_signed(currency, i.profit),
            money_signed(currency, i.cash),
        ]);
    }
    print_columns(&rows);
    if impacts.is_empty() {
        say!("{}", tr!(lang, "impact-none"));
    }
    for i in &impacts {
        let label = decision_label(&i.decision, &o.decisions, deck, lang);
        say!("  {}", sentence(i, &label, currency, lang));
    }
    if let Some(path) = &args.report {
        let labels: Vec<String> = impacts
            .iter()
            .map(|i| decision_label(&i.decision, &o.decisions, deck, lang))
            .collect();
        let html = debrief::html_with(
            &base,
            &base_records,
            None,
            Some(debrief::Impacts {
                impacts: &impacts,
                labels: &labels,
            }),
            lang,
        );
        if let Err(e) = write_atomic(path, html.as_bytes()) {
            return write_failed(path, crate::msg!("cli-the-report"), e);
        }
        say!(
            "{}",
            tr!(lang, "cli-wrote-debrief", file = path.display().to_string())
        );
    }
    ExitCode::SUCCESS
}

/// At most `width` terminal columns of `s`, with "…" where it was cut.
fn clip(s: &str, width: usize) -> String {
    if columns(s) <= width {
        return s.to_string();
    }
    let mut out = String::new();
    for c in s.chars() {
        if columns(&out) + columns(&c.to_string()) > width - 1 {
            break;
        }
        out.push(c);
    }
    out.push('…');
    out
}

/// An amount with its sign ("+$31,000.00", "−$12.00").
pub fn money_signed(currency: &crate::scenario::Currency, cents: i64) -> String {
    let m = currency.money(cents.abs());
    match cents.signum() {
        1 => format!("+{m}"),
        -1 => format!("−{m}"),
        _ => m,
    }
}

/// Rows of cells in aligned columns: the first two to the left, the rest to the right.
fn print_columns(rows: &[Vec<String>]) {
    let widths: Vec<usize> = (0..rows.first().map_or(0, Vec::len))
        .map(|c| rows.iter().map(|r| columns(&r[c])).max().unwrap_or(0))
        .collect();
    for r in rows {
        let cells: Vec<String> = r
            .iter()
            .zip(&widths)
            .enumerate()
            .map(|(c, (cell, w))| {
                let pad = " ".repeat(w - columns(cell));
                if c < 2 {
                    format!("{cell}{pad}")
                } else {
                    format!("{pad}{cell}")
                }
            })
            .collect();
        say!("{}", cells.join("  ").trim_end());
    }
}

/// The runs' days could not be written out to compare them (never expected: an in-memory table).
fn cannot_compare(file: &std::path::Path, e: csv::Error) -> ExitCode {
    let lang = super::language();
    eprintln!(
        "{}: {}: {}",
        file.display(),
        tr!(lang, "diag-error"),
        tr!(lang, "cli-cannot-compare", error = e.to_string())
    );
    ExitCode::from(1)
}

/// The two runs at the end, side by side: the same table the debrief and the end screen show.
fn print_table(base: &RunResult, alt: &RunResult, lang: Lang) {
    let (Some(a), Some(b)) = (base.rows.last(), alt.rows.last()) else {
        return;
    };
    let cell =
        |s: &str, width: usize| format!("{}{s}", " ".repeat(width.saturating_sub(columns(s))));
    let first = |s: &str| format!("{s}{}", " ".repeat(24usize.saturating_sub(columns(s))));
    let head = [
        tr!(lang, "at-the-end"),
        tr!(lang, "this-game"),
        tr!(lang, "what-if-col"),
        tr!(lang, "difference"),
    ];
    say!(
        "{}{}{}{}",
        first(&head[0]),
        cell(&head[1], 14),
        cell(&head[2], 14),
        cell(&head[3], 14)
    );
    say!(
        "{}{}{}",
        first(&tr!(lang, "day")),
        cell(&a.day.to_string(), 14),
        cell(&b.day.to_string(), 14)
    );
    for (k, x, y, d) in difference(a, b, base.scenario.currency(), lang) {
        say!(
            "{}{}{}{}",
            first(&k),
            cell(&x, 14),
            cell(&y, 14),
            cell(&d, 14)
        );
    }
}
