//! `customer-first sweep`: a scenario run for every combination of the values given with
//! `--vary` × every seed, on every core, one CSV row per run, then a table of means with spread;
//! `--shard` runs a slice for a cluster's job array and `sweep merge` joins the slices.

use std::io::IsTerminal as _;
use std::path::PathBuf;
use std::process::ExitCode;
use std::time::{Duration, Instant};

use clap::{Args, Subcommand};

use crate::i18n::{Lang, number};
use crate::sweep::output::{FileRun, Outcome, Progress, partial_path, unfinished_path};
use crate::sweep::summary::Summary;
use crate::sweep::{Plan, Shard, Sweep, Vary, merge};
use crate::{say, tr};

use super::{WorldArgs, bad_argument, report};

#[derive(Args)]
#[command(args_conflicts_with_subcommands = true, subcommand_negates_reqs = true)]
pub struct SweepArgs {
    #[command(subcommand)]
    pub command: Option<SweepCommand>,
    #[command(flatten)]
    pub world: WorldArgs,
    /// What to vary, by its name in the files: a lever (price, staff, service_level…) or a
    /// scenario field (market.walk_ins_per_day, segments[0].share…). Numbers as FROM..TO:STEP,
    /// choices as a list (service_level=task,extra,obsession). Repeat for more; every
    /// combination runs.
    #[arg(long = "vary", value_name = "NAME=VALUES")]
    pub vary: Vec<String>,
    /// Seeds per combination: --seed (else the scenario's seed) and the ones after it.
    #[arg(long, default_value_t = 1)]
    pub seeds: u32,
    /// The CSV file: one row per run, in a fixed order.
    #[arg(long, required = true)]
    pub out: Option<PathBuf>,
    /// Threads to run on (default: every core; at most 4 per core). The file is the same whatever
    /// the number.
    #[arg(long)]
    pub threads: Option<usize>,
    /// Run only the K-th of N slices of the runs (K/N), for a cluster's job array; `auto` reads
    /// SLURM_ARRAY_TASK_ID and SLURM_ARRAY_TASK_COUNT, `auto/N` JOB_COMPLETION_INDEX (Kubernetes).
    #[arg(long)]
    pub shard: Option<String>,
    /// Finish an interrupted sweep (same arguments): the file becomes the one an uninterrupted
    /// sweep would have written.
    #[arg(long)]
    pub resume: bool,
}

#[derive(Subcommand)]
pub enum SweepCommand {
    /// Merge the shards of one sweep into the file one machine would have written; checks that
    /// they are of the same sweep, that none overlap and that none is missing.
    Merge {
        /// The merged CSV.
        out: PathBuf,
        /// The shards' CSV files.
        #[arg(required = true)]
        files: Vec<PathBuf>,
    },
}

/// `--threads` may ask for at most this many threads per core.
pub const MAX_THREADS_PER_CORE: usize = 4;

pub fn sweep(args: SweepArgs, lang: Lang) -> ExitCode {
    if let Some(SweepCommand::Merge { out, files }) = &args.command {
        let inputs: Vec<&std::path::Path> = files.iter().map(PathBuf::as_path).collect();
        if let Err(code) = super::check_outputs(&[("OUT", Some(out), false)], &inputs) {
            return code;
        }
        if let Err(m) = parquet_available(out) {
            eprintln!("{}: {}", tr!(lang, "diag-error"), m.render(lang));
            return ExitCode::from(super::BAD_INPUT);
        }
        let target = target(out);
        let merged = merge::merge(&target, files).and_then(|r| finish(&target, out).map(|_| r));
        return match merged {
            Ok((rows, summary)) => {
                say!(
                    "{}",
                    tr!(
                        lang,
                        "sweep-merged",
                        n = rows,
                        files = files.len(),
                        file = out.display().to_string()
                    )
                );
                say!("{}", summary.render(lang));
                ExitCode::SUCCESS
            }
            Err(e) => {
                eprintln!("{}: {}", tr!(lang, "diag-error"), e.render(lang));
                ExitCode::from(super::BAD_INPUT)
            }
        };
    }
    let Some(out) = args.out.clone() else {
        return ExitCode::from(super::BAD_INPUT);
    };
    let inputs = args.world.inputs(None);
    if let Err(code) = super::check_outputs(&[("--out", Some(&out), false)], &inputs) {
        return code;
    }
    if let Err(m) = parquet_available(&out) {
        eprintln!("{}: {}", tr!(lang, "diag-error"), m.render(lang));
        return ExitCode::from(super::BAD_INPUT);
    }
    // A Parquet sweep runs into a CSV (resumable as any), converted once it is whole.
    let csv_out = target(&out);
    let w = match args.world.load() {
        Ok(w) => w,
        Err(e) => return report(&e),
    };
    let days = match args.world.days(&w.path, w.scenario.horizon_days, 0) {
        Ok(d) => d,
        Err(code) => return code,
    };
    let mut varies = Vec::new();
    for text in &args.vary {
        match Vary::parse(text, &w.scenario) {
            Ok(v) => varies.push(v),
            Err(m) => return bad_argument(&w.path, "--vary", m),
        }
    }
    let shard = match &args.shard {
        None => Shard::ALL,
        Some(text) => match Shard::parse(text, &|name| std::env::var(name).ok()) {
            Ok(s) => s,
            Err(m) => return bad_argument(&w.path, "--shard", m),
        },
    };
    if args.threads == Some(0) {
        return bad_argument(&w.path, "--threads", crate::msg!("sweep-threads"));
    }
    let cores = std::thread::available_parallelism().map_or(1, |n| n.get());
    // More threads than this only wait on each other (and a huge number never gets started).
    let most = MAX_THREADS_PER_CORE * cores;
    if let Some(n) = args.threads
        && n > most
    {
        return bad_argument(
            &w.path,
            "--threads",
            crate::msg!("sweep-threads-too-many", n = n, max = most, cores = cores),
        );
    }
    let threads = args.threads.unwrap_or(cores);
    let first_seed = w.seed;
    let plan = Plan {
        file: w.path.clone(),
        scenario: w.scenario,
        policy: w.policy,
        deck: w.deck,
        varies,
        first_seed,
        seeds: args.seeds,
        days,
    };
    let sweep = match Sweep::new(plan, lang) {
        Ok(s) => s,
        Err(m) => return bad_argument(&w.path, "--vary", m),
    };
    let stop = super::stop_on_ctrl_c();
    let mine = shard.len(sweep.runs());
    eprintln!(
        "{}",
        tr!(
            lang,
            "sweep-start",
            id = sweep.id(),
            combinations = sweep.combinations(),
            seeds = args.seeds,
            runs = sweep.runs(),
            days = days,
            threads = threads,
            mine = mine,
            shard = shard.text()
        )
    );
    let mut summary = Summary::new(&sweep.header());
    let file_run = FileRun {
        sweep: &sweep,
        shard,
        threads,
        out: &csv_out,
        resume: args.resume,
        stop,
    };
    let mut bar = Bar::new(lang);
    let outcome = file_run.run(&mut summary, &mut |p| bar.show(p));
    bar.finish();
    let outcome = outcome.and_then(|o| match o {
        Outcome::Finished { .. } => finish(&csv_out, &out).map(|_| o),
        Outcome::Stopped { .. } => Ok(o),
    });
    match outcome {
        Ok(Outcome::Finished { rows }) => {
            say!(
                "{}",
                tr!(
                    lang,
                    "sweep-wrote",
                    n = rows,
                    file = out.display().to_string()
                )
            );
            say!("{}", summary.render(lang));
            ExitCode::SUCCESS
        }
        Ok(Outcome::Stopped { rows, missing }) => {
            eprintln!(
                "{}",
                tr!(
                    lang,
                    "sweep-stopped",
                    n = rows,
                    missing = missing,
                    file = unfinished_path(&csv_out).display().to_string(),
                    sidecar = partial_path(&csv_out).display().to_string()
                )
            );
            ExitCode::from(super::INTERRUPTED)
        }
        Err(e) => {
            eprintln!(
                "{}: {}: {}",
                out.display(),
                tr!(lang, "diag-error"),
                e.render(lang)
            );
            ExitCode::from(super::BAD_INPUT)
        }
    }
}

/// Whether this build can write `out`: Parquet needs the `parquet` feature.
fn parquet_available(out: &std::path::Path) -> Result<(), crate::diagnostics::Msg> {
    if crate::sweep::parquet_wanted(out) && !cfg!(feature = "parquet") {
        return Err(crate::msg!(
            "sweep-parquet-off",
            file = out.display().to_string()
        ));
    }
    Ok(())
}

/// The file the rows are written to: `out` itself, or for Parquet the CSV it is made from.
fn target(out: &std::path::Path) -> std::path::PathBuf {
    if crate::sweep::parquet_wanted(out) {
        crate::sweep::parquet_staging(out)
    } else {
        out.to_path_buf()
    }
}

/// Makes `out` from the finished `csv` when `out` is Parquet (and removes the CSV).
fn finish(csv: &std::path::Path, out: &std::path::Path) -> Result<(), crate::diagnostics::Msg> {
    if csv == out {
        return Ok(());
    }
    #[cfg(feature = "parquet")]
    {
        crate::sweep::parquet::finish(csv, out).map(|_| ())
    }
    #[cfg(not(feature = "parquet"))]
    {
        Err(crate::msg!(
            "sweep-parquet-off",
            file = out.display().to_string()
        ))
    }
}

/// The progress line on a terminal: runs done, runs a second, time left. Quiet when standard
/// error is not a terminal (a log file, a cluster's job).
struct Bar {
    lang: Lang,
    on: bool,
    start: Instant,
    first: Option<u64>,
    shown: Option<Instant>,
}

impl Bar {
    fn new(lang: Lang) -> Bar {
        Bar {
            lang,
            on: std::io::stderr().is_terminal(),
            start: Instant::now(),
            first: None,
            shown: None,
        }
    }

    fn show(&mut self, p: Progress) {
        let first = *self.first.get_or_insert(p.done);
        if !self.on
            || (p.done < p.total
                && self
                    .shown
                    .is_some_and(|t| t.elapsed() < Duration::from_millis(100)))
        {
            return;
        }
        self.shown = Some(Instant::now());
        let secs = self.start.elapsed().as_secs_f64().max(1e-9);
        let rate = (p.done - first) as f64 / secs;
        let left = if rate > 0.0 {
            let s = ((p.total - p.done) as f64 / rate).round() as u64;
            format!("{}:{:02}", s / 60, s % 60)
        } else {
            "–".into()
        };
        eprint!(
            "\r{}   ",
            tr!(
                self.lang,
                "sweep-progress",
                done = number(p.done as f64, 0),
                total = number(p.total as f64, 0),
                rate = number(rate, 1),
                left = left
            )
        );
    }

    fn finish(&self) {
        if self.on && self.shown.is_some() {
            eprintln!();
        }
    }
}
