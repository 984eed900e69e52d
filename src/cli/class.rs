//! `customer-first class DIR`: every team's results file in a folder, ranked by the balanced
//! scorecard for each world the teams played, with the decisions where they went different ways;
//! `--html FILE` writes the same as one page for the room.

use std::fmt::Write as _;
use std::path::PathBuf;
use std::process::ExitCode;

use clap::Args;

use crate::headless::class::{Class, Diverged, Known};
use crate::headless::class_html;
use crate::headless::files::write_atomic;
use crate::i18n::{Lang, columns, number, percent};
use crate::scenario::Weights;
use crate::{say, say_raw, tr};

use super::{BAD_INPUT, bad_argument, report, write_failed};

#[derive(Args)]
pub struct ClassArgs {
    /// The folder of results files (from the game's end screen, or `run --team --results`).
    pub folder: PathBuf,
    /// Also write the class view as one self-contained HTML page.
    #[arg(long)]
    pub html: Option<PathBuf>,
    /// Also write every team's printable one-page debrief (in the team's language) into this
    /// folder.
    #[arg(long)]
    pub debriefs: Option<PathBuf>,
    /// Scorecard weights for customers, employees and shareholders, e.g. 2,1,1 (default: each
    /// scenario's own).
    #[arg(long)]
    pub weights: Option<String>,
    /// A scenario file of the trainer's own that teams played: their results are then replayed
    /// to check them (bundled scenarios always are). May be given more than once.
    #[arg(long)]
    pub scenario: Vec<PathBuf>,
}

/// Reads "2,1,1" as weights.
fn parse_weights(text: &str) -> Option<Weights> {
    let v: Vec<f64> = text
        .split(',')
        .map(|p| p.trim().parse::<f64>().ok())
        .collect::<Option<Vec<f64>>>()?;
    match v[..] {
        [c, e, s]
            if [c, e, s]
                .iter()
                .all(|x| x.is_finite() && (0.0..=100.0).contains(x))
                && c + e + s > 0.0 =>
        {
            Some(Weights {
                customers: c,
                employees: e,
                shareholders: s,
            })
        }
        _ => None,
    }
}

pub fn class(args: ClassArgs, lang: Lang) -> ExitCode {
    let weights = match args.weights.as_deref().map(parse_weights) {
        None => None,
        Some(Some(w)) => Some(w),
        Some(None) => {
            return bad_argument(
                &args.folder,
                "--weights",
                crate::msg!("class-bad-weights", got = args.weights.unwrap_or_default()),
            );
        }
    };
    let mut known = Known::bundled();
    for file in &args.scenario {
        match crate::headless::setup::file(file) {
            Ok(l) => known.push(Known::new(l.scenario, l.deck)),
            Err(e) => return report(&e),
        }
    }
    let class = match bevy::tasks::block_on(Class::load(&args.folder, &known)) {
        Ok(c) => c,
        Err(e) => return report(&e),
    };
    say_raw!("{}", text(&class, weights.as_ref(), lang));
    if let Some(path) = &args.html {
        let page = class_html::html(&class, weights.as_ref(), lang);
        if let Err(e) = write_atomic(path, page.as_bytes()) {
            return write_failed(path, crate::msg!("cli-the-class-view"), e);
        }
        say!(
            "{}",
            tr!(lang, "class-wrote-html", file = path.display().to_string())
        );
    }
    if let Some(dir) = &args.debriefs {
        match class.write_team_pages(dir, weights.as_ref()) {
            Ok(n) => say!(
                "{}",
                tr!(
                    lang,
                    "class-wrote-debriefs",
                    n = n,
                    dir = dir.display().to_string()
                )
            ),
            Err(e) => return write_failed(dir, crate::msg!("cli-the-debriefs"), e),
        }
    }
    if class.teams.is_empty() {
        ExitCode::from(BAD_INPUT)
    } else {
        ExitCode::SUCCESS
    }
}

/// Pads `s` to `width` terminal columns (a Chinese character takes two).
fn pad(s: &str, width: usize) -> String {
    format!("{s}{}", " ".repeat(width.saturating_sub(columns(s))))
}

fn pad_left(s: &str, width: usize) -> String {
    format!("{}{s}", " ".repeat(width.saturating_sub(columns(s))))
}

/// The class view for a terminal.
pub fn text(class: &Class, weights: Option<&Weights>, lang: Lang) -> String {
    let mut o = String::new();
    let _ = writeln!(
        o,
        "{}",
        tr!(
            lang,
            "class-folder",
            folder = class.folder.display().to_string(),
            teams = class.teams.len()
        )
    );
    if class.teams.is_empty() {
        let _ = writeln!(
            o,
            "{}",
            tr!(
                lang,
                "class-none",
                folder = class.folder.display().to_string()
            )
        );
    }
    if class.groups.len() > 1 {
        let _ = writeln!(o, "{}", tr!(lang, "class-separate"));
    }
    for g in &class.groups {
        let w = weights.cloned().unwrap_or_else(|| g.weights.clone());
        let [c, e, s] = w.shares();
        let _ = writeln!(
            o,
            "\n== {} ==",
            tr!(
                lang,
                "class-world",
                scenario = g.scenario.get(lang),
                seed = g.seed.to_string(),
                teams = g.teams.len()
            )
        );
        if !g.codes.is_empty() {
            let _ = writeln!(
                o,
                "{}",
                tr!(lang, "class-codes", codes = g.codes.join(", "))
            );
        }
        let _ = writeln!(
            o,
            "{}",
            tr!(
                lang,
                "class-weights-line",
                customers = percent(c, 0),
                employees = percent(e, 0),
                shareholders = percent(s, 0)
            )
        );
        let names: Vec<&str> = g.teams.iter().map(|&i| class.teams[i].name()).collect();
        let team_w = names
            .iter()
            .map(|n| columns(n))
            .chain([columns(&tr!(lang, "class-team"))])
            .max()
            .unwrap_or(8);
        let heads = [
            tr!(lang, "class-balanced"),
            tr!(lang, "customers"),
            tr!(lang, "employees"),
            tr!(lang, "shareholders"),
            tr!(lang, "class-days"),
        ];
        let col_w: Vec<usize> = heads.iter().map(|h| columns(h).max(8)).collect();
        let mut line = format!(
            "{}  {}",
            pad_left(&tr!(lang, "class-rank"), 3),
            pad(&tr!(lang, "class-team"), team_w)
        );
        for (h, wdt) in heads.iter().zip(&col_w) {
            let _ = write!(line, "  {}", pad_left(h, *wdt));
        }
        let _ = writeln!(line, "  {}", tr!(lang, "class-check"));
        o.push_str(&line);
        for (rank, (i, score)) in class.ranking(g, &w).into_iter().enumerate() {
            let t = &class.teams[i];
            let [sc, se, ss] = t.scores.each();
            let cells = [
                number(score, 1),
                number(sc, 1),
                number(se, 1),
                number(ss, 1),
                t.results.days().to_string(),
            ];
            let mut line = format!("{:>3}  {}", rank + 1, pad(t.name(), team_w));
            for (v, wdt) in cells.iter().zip(&col_w) {
                let _ = write!(line, "  {}", pad_left(v, *wdt));
            }
            let _ = writeln!(
                line,
                "  {}",
                crate::i18n::message(lang, t.trust.key(), None)
            );
            o.push_str(&line);
        }
        for (k, key) in ["customers", "employees", "shareholders"]
            .iter()
            .enumerate()
        {
            let best = class.ranking_for(g, k);
            if let Some(&(i, score)) = best.first() {
                let _ = writeln!(
                    o,
                    "{}",
                    tr!(
                        lang,
                        "class-best-line",
                        who = crate::i18n::message(lang, key, None),
                        team = class.teams[i].name(),
                        score = number(score, 1)
                    )
                );
            }
        }
        let div = class.divergences(g);
        let _ = writeln!(o, "{}", tr!(lang, "class-diverged"));
        if div.is_empty() {
            let _ = writeln!(o, "  {}", tr!(lang, "class-diverged-none"));
        }
        let currency = &class.teams[g.teams[0]].results.scenario.currency;
        for d in &div {
            let heading = match &d.what {
                Diverged::Dilemma { title, .. } => tr!(
                    lang,
                    "class-diverged-dilemma",
                    title = title.get(lang),
                    day = d.day
                ),
                Diverged::Levers(_) => tr!(lang, "class-diverged-levers", day = d.day),
            };
            let _ = writeln!(o, "  {heading}");
            for r in &d.rows {
                let later = match r.later {
                    Some(l) => tr!(
                        lang,
                        "class-later",
                        days = crate::headless::class::LATER_DAYS,
                        retention = percent(l.retention, 1),
                        morale = percent(l.morale, 0),
                        cash = currency.money(l.cash)
                    ),
                    None => tr!(lang, "class-not-yet"),
                };
                let _ = writeln!(
                    o,
                    "    {}  {}  ({})",
                    pad(class.teams[r.team].name(), team_w),
                    r.what.show(&d.what, lang),
                    later
                );
            }
        }
    }
    if !class.rejected.is_empty() {
        let _ = writeln!(o, "\n{}", tr!(lang, "class-not-read"));
        for r in &class.rejected {
            let _ = writeln!(o, "  {}", r.render(lang));
        }
    }
    o
}
