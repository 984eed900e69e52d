//! `customer-first class DIR`: every team's results file in a folder, ranked by the balanced
//! scorecard for each world the teams played, with the decisions where they went different ways;
//! `--html FILE` writes the same as one page for the room.

use std::fmt::Write as _;
use std::path::PathBuf;
use std::process::ExitCode;

use clap::Args;

use crate::headless::class::{Class, Known};
use crate::headless::class_view::{Folder, World};
use crate::headless::files::write_atomic;
use crate::i18n::{Lang, columns, number};
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
    let inputs: Vec<&std::path::Path> = args.scenario.iter().map(PathBuf::as_path).collect();
    if let Err(code) = super::check_outputs(&[("--html", args.html.as_deref(), true)], &inputs) {
        return code;
    }
    let mut known = Known::bundled();
    for file in &args.scenario {
        match crate::headless::setup::file(file) {
            Ok(l) => known.push(Known::new(l.scenario, l.deck)),
            Err(e) => return report(&e),
        }
    }
    // Progress on a terminal: a large class takes a while to replay.
    let terminal = std::io::IsTerminal::is_terminal(&std::io::stderr());
    let progress = |done: usize, all: usize| {
        if terminal && all > 1 {
            eprint!("\r{}", tr!(lang, "class-progress", done = done, all = all));
            if done == all {
                eprintln!();
            }
        }
    };
    let class = match bevy::tasks::block_on(Class::load_with(&args.folder, &known, &progress)) {
        Ok(c) => c,
        Err(e) => return report(&e),
    };
    say_raw!("{}", text(&class, weights.as_ref(), lang));
    if let Some(path) = &args.html {
        let page = crate::headless::html::class::html(&class, weights.as_ref(), lang);
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
    let folder = Folder::of(class, lang);
    let mut o = String::new();
    let _ = writeln!(o, "{}", folder.read);
    for line in folder.none.iter().chain(&folder.separate) {
        let _ = writeln!(o, "{line}");
    }
    if !class.teams.is_empty() || !class.apart.is_empty() {
        let _ = writeln!(o, "{}", folder.verified);
    }
    for g in &class.groups {
        let v = World::of(class, g, weights, lang);
        let _ = writeln!(o, "\n== {} ==", v.heading);
        if let Some(codes) = &v.codes {
            let _ = writeln!(o, "{codes}");
        }
        for same in &v.same {
            let _ = writeln!(o, "{same}");
        }
        let _ = writeln!(o, "{}", v.weights_line);
        let team_w = v
            .ranking
            .iter()
            .map(|r| columns(&r.name))
            .chain([columns(&v.columns[1])])
            .max()
            .unwrap_or(8);
        // Rank, team, the balanced and three stakeholders' scores, days; then the check.
        let heads = &v.columns[2..7];
        let col_w: Vec<usize> = heads.iter().map(|h| columns(h).max(8)).collect();
        let mut line = format!(
            "{}  {}",
            pad_left(&v.columns[0], 3),
            pad(&v.columns[1], team_w)
        );
        for (h, wdt) in heads.iter().zip(&col_w) {
            let _ = write!(line, "  {}", pad_left(h, *wdt));
        }
        let _ = writeln!(line, "  {}", v.columns[8]);
        o.push_str(&line);
        for r in &v.ranking {
            let [sc, se, ss] = r.each;
            let cells = [
                number(r.score, 1),
                number(sc, 1),
                number(se, 1),
                number(ss, 1),
                r.days.to_string(),
            ];
            let mut line = format!("{:>3}  {}", r.rank, pad(&r.name, team_w));
            for (c, wdt) in cells.iter().zip(&col_w) {
                let _ = write!(line, "  {}", pad_left(c, *wdt));
            }
            let _ = writeln!(line, "  {}", r.check);
            o.push_str(&line);
        }
        for line in v.best.iter().filter_map(|b| b.line.as_ref()) {
            let _ = writeln!(o, "{line}");
        }
        let _ = writeln!(o, "{}", v.diverged_title);
        if let Some(none) = &v.diverged_none {
            let _ = writeln!(o, "  {none}");
        }
        for d in &v.divergences {
            let _ = writeln!(o, "  {}", d.heading);
            for t in &d.teams {
                let _ = writeln!(
                    o,
                    "    {}  {}  ({})",
                    pad(&t.name, team_w),
                    t.chose,
                    t.later
                );
            }
        }
    }
    if !folder.apart.is_empty() {
        let _ = writeln!(o, "\n{}", folder.apart_title);
        for r in &folder.apart {
            let _ = writeln!(o, "  {r}");
        }
    }
    if !folder.not_read.is_empty() {
        let _ = writeln!(o, "\n{}", folder.not_read_title);
        for r in &folder.not_read {
            let _ = writeln!(o, "  {r}");
        }
    }
    o
}
