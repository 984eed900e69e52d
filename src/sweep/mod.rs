//! Sweeps: one scenario run many times, every combination of the values a sweep varies (levers
//! and scenario fields, [`vary`]) × every seed, on every core, one CSV row per run.
//!
//! The runs form one list in a fixed order (the first `--vary` outermost, seeds innermost), and
//! the output is written in that order whatever the thread count or the order runs finish in
//! ([`output`]), so a sweep gives the same bytes on 1 or 32 threads. The list can be cut into
//! disjoint shards for a cluster's job array ([`shard`]) and the shards merged back into the file
//! one machine would have written ([`merge`]); an interrupted sweep resumes into that same file.
//! A hash of everything that decides the rows (the model's version, the scenario, policy and deck
//! as read, the values, the seeds and days) names the sweep in every row, so shards of different
//! sweeps are never merged.

use std::path::PathBuf;

use crate::diagnostics::Msg;
use crate::dilemmas::Deck;
use crate::headless::results::{RunResult, collect};
use crate::headless::tables::plain_money;
use crate::headless::world::{prepare_with, run_days};
use crate::levers::{LeverSet, Levers};
use crate::policy::Policy;
use crate::scenario::Scenario;
use crate::sim::metrics::DayRow;
use crate::sim::{EndReason, MODEL_VERSION};

pub mod explore;
pub mod merge;
pub mod output;
#[cfg(feature = "parquet")]
pub mod parquet;
pub mod shard;
pub mod summary;
pub mod vary;

pub use shard::Shard;
pub use vary::Vary;

/// A sweep may not list more runs than this (a typo in a range, not a study).
pub const MAX_RUNS: u64 = 100_000_000;

/// The columns before the varied values.
pub const LEAD: [&str; 4] = ["sweep", "run", "runs", "seed"];

/// The metrics of a run, after the varied values: each a column.
pub const METRICS: [&str; 27] = [
    "days",
    "end",
    "customers",
    "acquired",
    "churned",
    "retention_90d",
    "nps",
    "promoters",
    "detractors",
    "customer_mood",
    "mean_mood",
    "mean_wait_min",
    "reputation",
    "reviews",
    "ndr",
    "employees",
    "morale",
    "fatigue",
    "skill",
    "quits",
    "hires",
    "revenue",
    "costs",
    "profit",
    "dividends",
    "cash",
    "board_confidence",
];

/// What a sweep runs, as given.
pub struct Plan {
    /// The scenario's file (for messages).
    pub file: PathBuf,
    pub scenario: Scenario,
    pub policy: Option<Policy>,
    pub deck: Option<Deck>,
    pub varies: Vec<Vary>,
    /// The first seed; run `i` of a combination uses `first_seed + i`.
    pub first_seed: u64,
    pub seeds: u32,
    pub days: u32,
}

/// Everything a sweep runs.
pub struct Sweep {
    /// The scenario's file (for messages).
    pub file: PathBuf,
    pub scenario: Scenario,
    pub policy: Option<Policy>,
    pub deck: Option<Deck>,
    pub varies: Vec<Vary>,
    /// The first seed; run `i` of a combination uses `first_seed + i`.
    pub first_seed: u64,
    pub seeds: u32,
    pub days: u32,
    /// Each combination's scenario and starting levers, in order.
    combinations: Vec<(Scenario, LeverSet)>,
    id: String,
}

/// One combination's values, as text, in `--vary` order.
pub type Values = Vec<String>;

impl Sweep {
    /// The sweep a plan describes, its scenario checked again for every combination of values (a
    /// value outside a field's range is an error here, before anything runs; the problem is
    /// described in `lang`).
    pub fn new(plan: Plan, lang: crate::i18n::Lang) -> Result<Sweep, Msg> {
        let Plan {
            file,
            scenario,
            policy,
            deck,
            varies,
            first_seed,
            seeds,
            days,
        } = plan;
        if seeds == 0 {
            return Err(crate::msg!("sweep-no-seeds"));
        }
        for (i, v) in varies.iter().enumerate() {
            if varies[..i].iter().any(|w| w.target == v.target) {
                return Err(crate::msg!("sweep-vary-same", name = v.name));
            }
        }
        let combos: u64 = varies.iter().map(|v| v.levels.len() as u64).product();
        let runs = combos.saturating_mul(seeds as u64);
        if runs > MAX_RUNS {
            return Err(crate::msg!("sweep-too-many", n = runs, max = MAX_RUNS));
        }
        // Every combination's scenario is kept (and one line of the table per combination):
        // refused here, before any work, if they cannot fit in memory.
        let each = memory_per_combination(&scenario, &varies);
        let need = each.saturating_mul(combos);
        let have = memory_available();
        if need > have {
            return Err(crate::msg!(
                "sweep-too-big",
                combinations = combos,
                each = each,
                need = gigabytes(need),
                have = gigabytes(have)
            ));
        }
        let base = serde_json::to_value(&scenario).map_err(|e| Msg::Text(e.to_string()))?;
        let mut combinations = Vec::with_capacity(combos as usize);
        for c in 0..combos as usize {
            let mut json = base.clone();
            let mut levers = LeverSet::default();
            let picks = picks(&varies, c);
            for (v, &i) in varies.iter().zip(&picks) {
                v.apply(i, &mut json, &mut levers);
            }
            let s: Scenario = serde_json::from_value(json).map_err(|e| {
                crate::msg!(
                    "sweep-vary-bad-value",
                    values = describe(&varies, &picks),
                    problem = e
                )
            })?;
            let mut checker = crate::diagnostics::Checker::default();
            s.check(&mut checker);
            if let Err(problems) = checker.into_result(&file) {
                return Err(crate::msg!(
                    "sweep-vary-bad-value",
                    values = describe(&varies, &picks),
                    problem = problems.render(lang)
                ));
            }
            combinations.push((s, levers));
        }
        let mut sweep = Sweep {
            file,
            scenario,
            policy,
            deck,
            varies,
            first_seed,
            seeds,
            days,
            combinations,
            id: String::new(),
        };
        sweep.id = sweep.identity();
        Ok(sweep)
    }

    /// The sweep's name in every row: a hash of everything that decides the rows.
    pub fn id(&self) -> &str {
        &self.id
    }

    fn identity(&self) -> String {
        let mut text = format!("model {MODEL_VERSION}\n");
        text.push_str(&ron(&self.scenario));
        text.push('\n');
        text.push_str(&self.policy.as_ref().map_or(String::new(), ron));
        text.push('\n');
        text.push_str(&self.deck.as_ref().map_or(String::new(), ron));
        for v in &self.varies {
            text.push('\n');
            text.push_str(&v.canonical());
        }
        text.push_str(&format!(
            "\nseeds {} from {}\ndays {}",
            self.seeds, self.first_seed, self.days
        ));
        format!("{:016x}", crate::hash::fnv1a(text.as_bytes()))
    }

    /// How many runs the whole sweep has.
    pub fn runs(&self) -> u64 {
        self.combinations.len() as u64 * self.seeds as u64
    }

    /// How many combinations of values.
    pub fn combinations(&self) -> usize {
        self.combinations.len()
    }

    /// The CSV's header.
    pub fn header(&self) -> Vec<String> {
        LEAD.iter()
            .map(|s| s.to_string())
            .chain(self.varies.iter().map(|v| v.name.clone()))
            .chain(METRICS.iter().map(|s| s.to_string()))
            .collect()
    }

    /// Run `run` of the list: its row.
    pub fn run(&self, run: u64) -> Vec<String> {
        let combo = (run / self.seeds as u64) as usize;
        let seed = self.first_seed.wrapping_add(run % self.seeds as u64);
        let (scenario, levers) = &self.combinations[combo];
        let result = self.play(scenario, levers, seed);
        let mut row = vec![
            self.id.clone(),
            run.to_string(),
            self.runs().to_string(),
            seed.to_string(),
        ];
        row.extend(self.values(combo));
        row.extend(metrics(&result));
        row
    }

    /// One combination's values as text.
    pub fn values(&self, combo: usize) -> Values {
        let picks = picks(&self.varies, combo);
        self.varies
            .iter()
            .zip(picks)
            .map(|(v, i)| v.levels[i].text.clone())
            .collect()
    }

    fn play(&self, scenario: &Scenario, start: &LeverSet, seed: u64) -> RunResult {
        let mut app = prepare_with(scenario, seed, self.policy.as_ref(), self.deck.as_ref());
        let world = app.world_mut();
        // The starting multiples: before the first tick, where the scenario's own start is.
        world.resource_mut::<Levers>().apply(start);
        run_days(world, self.days);
        collect(
            world,
            scenario,
            seed,
            &Policy::title_of(self.policy.as_ref()),
        )
    }
}

/// The bytes one combination of values holds while a sweep runs: its scenario and starting levers
/// as laid out in memory, the scenario's texts and lists on the heap (estimated by its size as
/// JSON, which writes every string and list item once: each combination holds its own copy),
/// and its line of the summary table (its values twice: the line and the table's index).
pub fn memory_per_combination(scenario: &Scenario, varies: &[Vary]) -> u64 {
    use std::mem::size_of;
    let inline = size_of::<(Scenario, LeverSet)>();
    let heap = serde_json::to_vec(scenario).map_or(0, |v| v.len());
    let values: usize = size_of::<Vec<String>>()
        + varies
            .iter()
            .map(|v| size_of::<String>() + v.levels.iter().map(|l| l.text.len()).max().unwrap_or(0))
            .sum::<usize>();
    let table = size_of::<summary::Group>() + 2 * values + size_of::<(Vec<String>, usize)>();
    (inline + heap + table) as u64
}

/// The memory a sweep may use: what the machine has available now (Linux's `MemAvailable`), or
/// 8 GB where that cannot be read.
pub fn memory_available() -> u64 {
    const FALLBACK: u64 = 8_000_000_000;
    std::fs::read_to_string("/proc/meminfo")
        .ok()
        .and_then(|text| {
            text.lines()
                .find_map(|l| l.strip_prefix("MemAvailable:"))
                .and_then(|rest| {
                    rest.trim()
                        .trim_end_matches("kB")
                        .trim()
                        .parse::<u64>()
                        .ok()
                })
        })
        .map_or(FALLBACK, |kb| kb.saturating_mul(1024))
}

/// Bytes as gigabytes, for messages.
fn gigabytes(bytes: u64) -> String {
    crate::i18n::number(bytes as f64 / 1e9, 1)
}

/// Which value of each vary combination `c` takes (the first vary outermost).
fn picks(varies: &[Vary], mut c: usize) -> Vec<usize> {
    let mut out = vec![0; varies.len()];
    for (slot, v) in out.iter_mut().zip(varies).rev() {
        let n = v.levels.len();
        *slot = c % n;
        c /= n;
    }
    out
}

fn describe(varies: &[Vary], picks: &[usize]) -> String {
    varies
        .iter()
        .zip(picks)
        .map(|(v, &i)| format!("{}={}", v.name, v.levels[i].text))
        .collect::<Vec<_>>()
        .join(" ")
}

/// A run's metrics, as the CSV writes them (fixed decimals, money in plain units).
fn metrics(r: &RunResult) -> Vec<String> {
    let blank = DayRow::default();
    let last = r.rows.last().unwrap_or(&blank);
    let f = |v: f64, d: usize| format!("{v:.d$}");
    let opt = |v: Option<f64>, d: usize| v.map_or(String::new(), |v| f(v, d));
    let mean = |get: fn(&DayRow) -> Option<f64>| {
        let v: Vec<f64> = r.rows.iter().filter_map(get).collect();
        (!v.is_empty()).then(|| v.iter().sum::<f64>() / v.len() as f64)
    };
    let end = match r.end {
        None => "",
        Some(EndReason::HorizonReached) => "horizon",
        Some(EndReason::CashRanOut) => "cash",
        Some(EndReason::BoardReplacedYou) => "board",
        Some(EndReason::EndedByPlayer) => "player",
    };
    let profit = r.total_revenue - r.total_costs;
    vec![
        r.rows.len().to_string(),
        end.to_string(),
        last.active_customers.to_string(),
        r.acquired.to_string(),
        r.churned.to_string(),
        f(last.retention_90d, 4),
        f(last.nps, 2),
        f(last.promoters, 4),
        f(last.detractors, 4),
        opt(last.customer_mood, 3),
        opt(mean(|x| x.mean_mood), 3),
        opt(mean(|x| x.mean_wait_min), 3),
        f(last.reputation, 3),
        r.reviews.to_string(),
        opt(last.ndr, 4),
        last.employees.to_string(),
        f(last.morale, 4),
        f(last.fatigue, 4),
        f(last.skill, 4),
        r.quits.to_string(),
        r.hires.to_string(),
        plain_money(r.total_revenue),
        plain_money(r.total_costs),
        plain_money(profit),
        plain_money(r.total_dividends),
        plain_money(last.cash),
        f(last.board_confidence, 4),
    ]
}

/// Whether `out` asks for Parquet (by its extension, `.parquet`).
pub fn parquet_wanted(out: &std::path::Path) -> bool {
    out.extension()
        .is_some_and(|e| e.eq_ignore_ascii_case("parquet"))
}

/// The CSV a Parquet sweep is written to first (and resumed from): `NAME.parquet.csv`.
pub fn parquet_staging(out: &std::path::Path) -> PathBuf {
    let mut name = out.as_os_str().to_os_string();
    name.push(".csv");
    PathBuf::from(name)
}

/// A value written as RON (for hashing what a sweep runs).
fn ron<T: serde::Serialize>(v: &T) -> String {
    ron::to_string(v).unwrap_or_default()
}
