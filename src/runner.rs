//! Headless runs: build the model, apply a policy, run day by day, and write what happened.

use std::collections::BTreeMap;
use std::fmt::Write as _;
use std::io::Write as _;
use std::path::Path;

use bevy::prelude::*;

use crate::diagnostics::FileProblems;
use crate::dilemmas::Deck;
use crate::policy::Policy;
use crate::scenario::Scenario;
use crate::sim::advisor::{Advice, AdvisorLog};
use crate::sim::customers::{Customer, CustomerStory};
use crate::sim::dilemmas::{ChoiceMade, DilemmaDeck, DilemmaPolicy, DilemmaState};
use crate::sim::finance::Ledger;
use crate::sim::levers::{Decision, DecisionSource};
use crate::sim::levers::{DecisionLog, LeverRequests};
use crate::sim::metrics::{DayRow, History};
use crate::sim::reputation::Rating;
use crate::sim::{EndReason, GameOver, run_day, simulation_app};

/// One customer's record for the customers CSV.
#[derive(Debug, Clone, PartialEq)]
pub struct CustomerRecord {
    pub id: u32,
    pub segment: String,
    pub source: &'static str,
    pub acquired_day: i32,
    pub churned_day: Option<u32>,
    pub visits: u32,
    pub total_spend_cents: i64,
    pub last_mood: f32,
    pub complaints: u16,
    pub churn_cause: Option<&'static str>,
}

#[derive(Debug, Clone)]
pub struct RunResult {
    pub scenario_name: String,
    pub policy_name: String,
    pub seed: u64,
    pub rows: Vec<DayRow>,
    pub end: Option<EndReason>,
    pub decisions: usize,
    pub total_revenue: i64,
    pub total_costs: i64,
    pub total_dividends: i64,
    pub reviews: u64,
    pub acquired: u32,
    pub churned: u32,
    pub quits: u32,
    pub hires: u32,
    /// Dilemmas met and the choice taken at each.
    pub choices: Vec<ChoiceMade>,
    /// For each of `choices`, the dilemma's title and the choice's label (as the player saw them).
    pub choice_labels: Vec<(String, String)>,
    /// What the advisor said, and when.
    pub advice: Vec<Advice>,
    /// Every lever change, with its day.
    pub decision_log: Vec<Decision>,
}

/// Builds the model for a scenario with a policy's changes scheduled (no dilemmas).
pub fn prepare(scenario: &Scenario, seed: u64, policy: Option<&Policy>) -> App {
    prepare_with(scenario, seed, policy, None)
}

/// Builds the model with a policy and, optionally, a dilemma deck answered by the policy's
/// choices (or each dilemma's default).
pub fn prepare_with(
    scenario: &Scenario,
    seed: u64,
    policy: Option<&Policy>,
    deck: Option<&Deck>,
) -> App {
    let mut app = simulation_app(scenario, seed);
    let world = app.world_mut();
    if let Some(p) = policy {
        let mut req = world.resource_mut::<LeverRequests>();
        for ch in &p.changes {
            req.schedule(ch.day, ch.set.clone());
        }
        world.resource_mut::<DilemmaPolicy>().choices = p.choices.clone();
    }
    if let Some(d) = deck {
        world.insert_resource(DilemmaDeck(d.clone()));
    }
    app
}

/// Loads the dilemma deck a scenario names: from beside the scenario file, or, for a bundled
/// scenario, from the bundled decks.
pub fn deck_for(
    scenario: &Scenario,
    scenario_file: Option<&Path>,
) -> Result<Option<Deck>, FileProblems> {
    let Some(rel) = &scenario.dilemmas else {
        return Ok(None);
    };
    match scenario_file {
        Some(file) => {
            let dir = file.parent().unwrap_or(Path::new("."));
            Deck::load(&dir.join(rel)).map(Some)
        }
        None => match crate::scenario::bundled::deck(rel) {
            Some((path, text)) => Deck::from_ron(Path::new(path), text).map(Some),
            None => Ok(None),
        },
    }
}

/// Runs `days` days (or until the game ends) and collects the results.
pub fn run(scenario: &Scenario, seed: u64, days: u32, policy: Option<&Policy>) -> (App, RunResult) {
    let mut app = prepare(scenario, seed, policy);
    for _ in 0..days {
        if !run_day(app.world_mut()) {
            break;
        }
    }
    let result = collect(
        &mut app,
        scenario,
        seed,
        policy.map_or("scenario defaults", |p| &p.name),
    );
    (app, result)
}

pub fn collect(app: &mut App, scenario: &Scenario, seed: u64, policy_name: &str) -> RunResult {
    collect_world(app.world_mut(), scenario, seed, policy_name)
}

/// The results so far of the model in `world` (the game keeps its model in a world of its own).
pub fn collect_world(
    world: &mut World,
    scenario: &Scenario,
    seed: u64,
    policy_name: &str,
) -> RunResult {
    let rows = world.resource::<History>().rows.clone();
    let end = world.resource::<GameOver>().0;
    let ledger = world.resource::<Ledger>().clone();
    let rating = world.resource::<Rating>().reviews_total;
    let decisions = world.resource::<DecisionLog>().entries.len();
    let churned = rows.iter().map(|r| r.churned).sum();
    let acquired = scenario.start.customers
        + rows
            .iter()
            .map(|r| r.new_paid + r.new_referred + r.new_walk_in)
            .sum::<u32>();
    RunResult {
        scenario_name: scenario.name.clone(),
        policy_name: policy_name.to_string(),
        seed,
        end,
        decisions,
        total_revenue: ledger.total_revenue,
        total_costs: ledger.total_costs,
        total_dividends: ledger.total_dividends,
        reviews: rating,
        acquired,
        churned,
        quits: rows.iter().map(|r| r.quits).sum(),
        hires: rows.iter().map(|r| r.hires).sum(),
        choices: world.resource::<DilemmaState>().made.clone(),
        choice_labels: {
            let deck = &world.resource::<DilemmaDeck>().0;
            world
                .resource::<DilemmaState>()
                .made
                .iter()
                .map(|c| {
                    let d = deck.get(&c.dilemma);
                    let choice = d.and_then(|d| d.choices.iter().find(|x| x.id == c.choice));
                    (
                        d.map_or_else(|| c.dilemma.clone(), |d| d.title.clone()),
                        choice.map_or_else(|| c.choice.clone(), |x| x.label.clone()),
                    )
                })
                .collect()
        },
        advice: world.resource::<AdvisorLog>().given.clone(),
        decision_log: world.resource::<DecisionLog>().entries.clone(),
        rows,
    }
}

impl RunResult {
    /// The i-th dilemma met and the choice taken, in the player's words.
    pub fn choice_text(&self, i: usize) -> String {
        match (self.choice_labels.get(i), self.choices.get(i)) {
            (Some((title, label)), _) => format!("{title}: chose “{label}”"),
            (None, Some(c)) => format!("{}: chose {}", c.dilemma, c.choice),
            (None, None) => String::new(),
        }
    }
}

/// Every customer ever acquired, in id order.
pub fn customer_records(world: &mut World, scenario: &Scenario) -> Vec<CustomerRecord> {
    let mut q = world.query::<(&Customer, &CustomerStory)>();
    let mut out: Vec<CustomerRecord> = q
        .iter(world)
        .map(|(c, s)| CustomerRecord {
            id: c.id,
            segment: scenario.segments[c.segment as usize].name.clone(),
            source: c.source.name(),
            acquired_day: c.joined_day,
            churned_day: s.churned_day,
            visits: c.visits,
            total_spend_cents: s.total_spend_cents,
            last_mood: c.mood,
            complaints: c.complaints,
            churn_cause: s.churn_cause.map(|k| k.id()),
        })
        .collect();
    out.sort_by_key(|r| r.id);
    out
}

/// Formats cents as a decimal amount ("-12.05").
pub fn money(cents: i64) -> String {
    let sign = if cents < 0 { "-" } else { "" };
    let a = cents.unsigned_abs();
    format!("{sign}{}.{:02}", a / 100, a % 100)
}

fn opt(v: Option<f64>, digits: usize) -> String {
    v.map_or_else(String::new, |x| format!("{x:.digits$}"))
}

pub const DAY_COLUMNS: &[&str] = &[
    "day",
    "active_customers",
    "new_paid",
    "new_referred",
    "new_walk_in",
    "churned",
    "retention_90d",
    "nps",
    "mean_mood",
    "share_mood_9plus",
    "mean_wait_min",
    "served",
    "balked",
    "reneged",
    "complaints",
    "red_health",
    "outreach",
    "won_back",
    "reputation",
    "revenue",
    "costs",
    "profit",
    "cash",
    "dividends",
    "ndr",
    "cac",
    "marketing",
    "employees",
    "morale",
    "fatigue",
    "skill",
    "quits",
    "hires",
    "board_confidence",
    "revenue_retained",
    "revenue_rampup",
    "revenue_referred",
];

/// The per-day CSV, as bytes (fixed decimal places, so the same run gives the same bytes).
pub fn days_csv(rows: &[DayRow]) -> Vec<u8> {
    let mut w = csv::Writer::from_writer(Vec::new());
    let _ = w.write_record(DAY_COLUMNS);
    for r in rows {
        let rec = [
            r.day.to_string(),
            r.active_customers.to_string(),
            r.new_paid.to_string(),
            r.new_referred.to_string(),
            r.new_walk_in.to_string(),
            r.churned.to_string(),
            format!("{:.4}", r.retention_90d),
            format!("{:.2}", r.nps),
            opt(r.mean_mood, 3),
            opt(r.share_mood_9plus, 4),
            opt(r.mean_wait_min, 3),
            r.served.to_string(),
            r.balked.to_string(),
            r.reneged.to_string(),
            r.complaints.to_string(),
            r.red_health.to_string(),
            r.outreach.to_string(),
            r.won_back.to_string(),
            format!("{:.3}", r.reputation),
            money(r.revenue),
            money(r.costs),
            money(r.profit),
            money(r.cash),
            money(r.dividends),
            opt(r.ndr, 4),
            r.cac.map_or_else(String::new, money),
            money(r.marketing),
            r.employees.to_string(),
            format!("{:.4}", r.morale),
            format!("{:.4}", r.fatigue),
            format!("{:.4}", r.skill),
            r.quits.to_string(),
            r.hires.to_string(),
            format!("{:.4}", r.board_confidence),
            money(r.revenue_retained),
            money(r.revenue_rampup),
            money(r.revenue_referred),
        ];
        let _ = w.write_record(&rec);
    }
    w.into_inner().unwrap_or_default()
}

pub fn customers_csv(records: &[CustomerRecord]) -> Vec<u8> {
    let mut w = csv::Writer::from_writer(Vec::new());
    let _ = w.write_record([
        "id",
        "segment",
        "source",
        "acquired_day",
        "churned_day",
        "visits",
        "total_spend",
        "last_mood",
        "complaints",
        "churn_cause",
    ]);
    for r in records {
        let _ = w.write_record([
            r.id.to_string(),
            r.segment.clone(),
            r.source.to_string(),
            r.acquired_day.to_string(),
            r.churned_day.map_or_else(String::new, |d| d.to_string()),
            r.visits.to_string(),
            money(r.total_spend_cents),
            format!("{:.2}", r.last_mood),
            r.complaints.to_string(),
            r.churn_cause.unwrap_or("").to_string(),
        ]);
    }
    w.into_inner().unwrap_or_default()
}

/// Writes a file atomically: a temporary file beside it, flushed to disk, then renamed over the
/// target, so a crash or a full disk never leaves a half-written file where a good one was.
pub fn write_atomic(path: &Path, bytes: &[u8]) -> std::io::Result<()> {
    let dir = path
        .parent()
        .filter(|p| !p.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    let name = path
        .file_name()
        .ok_or_else(|| std::io::Error::other("the path has no file name"))?;
    let mut tmp_name = std::ffi::OsString::from(".");
    tmp_name.push(name);
    tmp_name.push(".tmp");
    let tmp = dir.join(tmp_name);
    let result = (|| {
        let mut f = std::fs::File::create(&tmp)?;
        f.write_all(bytes)?;
        f.sync_all()?;
        std::fs::rename(&tmp, path)
    })();
    if result.is_err() {
        let _ = std::fs::remove_file(&tmp);
    }
    result
}

/// The three stakeholder scorecards of a run: (title, [(measure, value)]).
pub fn scorecards(r: &RunResult) -> Vec<(&'static str, Vec<(&'static str, String)>)> {
    let Some(last) = r.rows.last() else {
        return Vec::new();
    };
    let profit = r.total_revenue - r.total_costs;
    let mean = |f: &dyn Fn(&DayRow) -> Option<f64>| {
        let v: Vec<f64> = r.rows.iter().filter_map(f).collect();
        if v.is_empty() {
            None
        } else {
            Some(v.iter().sum::<f64>() / v.len() as f64)
        }
    };
    let wait = mean(&|x| x.mean_wait_min).unwrap_or(0.0);
    let mood = mean(&|x| x.mean_mood).unwrap_or(0.0);
    vec![
        (
            "CUSTOMERS",
            vec![
                ("active at end", last.active_customers.to_string()),
                (
                    "acquired / churned",
                    format!("{} / {}", r.acquired, r.churned),
                ),
                (
                    "retention (90 days)",
                    format!("{:.1}%", last.retention_90d * 100.0),
                ),
                ("NPS", format!("{:+.0}", last.nps)),
                ("mean mood / wait", format!("{mood:.2} / {wait:.1} min")),
                (
                    "reputation",
                    format!("{:.2} stars ({} reviews)", last.reputation, r.reviews),
                ),
                (
                    "NDR (12 months)",
                    last.ndr
                        .map_or("n/a".into(), |x| format!("{:.1}%", x * 100.0)),
                ),
            ],
        ),
        (
            "EMPLOYEES",
            vec![
                ("headcount", last.employees.to_string()),
                (
                    "morale / fatigue",
                    format!("{:.2} / {:.2}", last.morale, last.fatigue),
                ),
                ("skill", format!("{:.2}", last.skill)),
                ("quits / hires", format!("{} / {}", r.quits, r.hires)),
            ],
        ),
        (
            "SHAREHOLDERS",
            vec![
                ("revenue", money(r.total_revenue)),
                ("profit", money(profit)),
                ("dividends paid", money(r.total_dividends)),
                ("cash at end", money(last.cash)),
                (
                    "board confidence",
                    format!("{:.0}%", last.board_confidence * 100.0),
                ),
            ],
        ),
    ]
}

/// The end-of-run summary, one block per stakeholder.
pub fn summary(r: &RunResult) -> String {
    let mut s = String::new();
    let Some(last) = r.rows.last() else {
        return "no day was simulated\n".into();
    };
    let days = r.rows.len();
    let end = match r.end {
        Some(EndReason::HorizonReached) | None => format!("ran {days} days"),
        Some(e) => format!("ended on day {}: {}", last.day, e.describe()),
    };
    let _ = writeln!(
        s,
        "{} — policy \"{}\", seed {} — {end}",
        r.scenario_name, r.policy_name, r.seed
    );
    let lines = scorecards(r);
    for (title, rows) in lines {
        let _ = writeln!(s, "{title}");
        for (k, v) in rows {
            let _ = writeln!(s, "  {k:<22}{v:>22}");
        }
    }
    let _ = writeln!(s, "decisions taken: {}", r.decisions);
    for a in &r.advice {
        let _ = writeln!(
            s,
            "  day {:>4}: advisor — {} (lever: {})",
            a.day,
            a.pattern.advice(),
            a.pattern.lever()
        );
    }
    for (i, c) in r.choices.iter().enumerate() {
        let _ = writeln!(
            s,
            "  day {:>4}: dilemma — {} [{}={}]",
            c.day,
            r.choice_text(i),
            c.dilemma,
            c.choice
        );
    }
    s
}

/// Runs a scenario with a policy and its dilemma deck, and returns the result with every
/// customer's record (what the debrief needs).
pub fn run_with_deck(
    scenario: &Scenario,
    seed: u64,
    days: u32,
    policy: Option<&Policy>,
    deck: Option<&Deck>,
) -> (RunResult, Vec<CustomerRecord>) {
    let mut app = prepare_with(scenario, seed, policy, deck);
    for _ in 0..days {
        if !run_day(app.world_mut()) {
            break;
        }
    }
    let name = policy.map_or("scenario defaults", |p| &p.name);
    let result = collect(&mut app, scenario, seed, name);
    let records = customer_records(app.world_mut(), scenario);
    (result, records)
}

/// The decisions a run is made of, as a replay needs them: the lever changes someone made (a
/// policy's plan or the player; a dilemma's own lever effects follow from its choice) and the
/// answer to each dilemma.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Decisions {
    /// Plan and player lever changes, in the order they took effect.
    pub changes: Vec<Decision>,
    /// Dilemma id → choice id.
    pub choices: BTreeMap<String, String>,
}

impl Decisions {
    /// A policy's plan: its changes at the start of their days, its answers to dilemmas.
    pub fn from_policy(p: &Policy) -> Decisions {
        Decisions {
            changes: p
                .changes
                .iter()
                .map(|c| Decision {
                    day: c.day,
                    minute: 0,
                    set: c.set.clone(),
                    source: DecisionSource::Plan,
                })
                .collect(),
            choices: p.choices.clone(),
        }
    }

    /// What was decided in a run (a game played, a loaded save): the logged changes and the
    /// choices made, over `answers` (a policy's answers, for dilemmas the run has not met yet).
    /// Fails if the log does not say who made a change (a save from before that was recorded).
    pub fn of_run(
        log: &[Decision],
        made: &[ChoiceMade],
        answers: &BTreeMap<String, String>,
    ) -> Result<Decisions, String> {
        if log.iter().any(|d| d.source == DecisionSource::Unknown) {
            return Err(
                "this game was saved by an older version, whose decision log does not \
                        say which lever changes were yours and which followed from a dilemma, \
                        so it cannot be replayed exactly"
                    .into(),
            );
        }
        let mut choices = answers.clone();
        for c in made {
            choices.insert(c.dilemma.clone(), c.choice.clone());
        }
        Ok(Decisions {
            changes: log
                .iter()
                .filter(|d| d.source != DecisionSource::Dilemma)
                .cloned()
                .collect(),
            choices,
        })
    }

    /// What the model in `world` has decided so far.
    pub fn of_world(world: &World) -> Result<Decisions, String> {
        Decisions::of_run(
            &world.resource::<DecisionLog>().entries,
            &world.resource::<DilemmaState>().made,
            &world.resource::<DilemmaPolicy>().choices,
        )
    }
}

/// Builds the model with these decisions to be taken again at the moments they were taken, and
/// the deck's dilemmas answered by them (a dilemma they do not answer takes its default).
pub fn prepare_replay(
    scenario: &Scenario,
    seed: u64,
    decisions: &Decisions,
    deck: Option<&Deck>,
) -> App {
    let mut app = prepare_with(scenario, seed, None, deck);
    let world = app.world_mut();
    let mut req = world.resource_mut::<LeverRequests>();
    for d in &decisions.changes {
        match d.source {
            // A plan's change is for the start of its day, as in the policy it came from.
            DecisionSource::Plan => req.schedule(d.day, d.set.clone()),
            _ => req.at(d.day, d.minute, d.set.clone()),
        }
    }
    world.resource_mut::<DilemmaPolicy>().choices = decisions.choices.clone();
    app
}

/// Runs `days` days (or until the game ends) with these decisions; `progress` hears each day's
/// number as it ends.
pub fn replay(
    scenario: &Scenario,
    seed: u64,
    deck: Option<&Deck>,
    decisions: &Decisions,
    days: u32,
    name: &str,
    progress: &dyn Fn(u32),
) -> (RunResult, Vec<CustomerRecord>) {
    let mut app = prepare_replay(scenario, seed, decisions, deck);
    for day in 0..days {
        if !run_day(app.world_mut()) {
            break;
        }
        progress(day + 1);
    }
    let result = collect(&mut app, scenario, seed, name);
    let records = customer_records(app.world_mut(), scenario);
    (result, records)
}

/// One decision changed for a what-if replay.
#[derive(Debug, Clone, PartialEq)]
pub enum WhatIf {
    /// The same run again (determinism makes it byte-identical).
    Nothing,
    /// Another choice at a dilemma.
    Choose { dilemma: String, choice: String },
    /// The n-th lever change (1-based, in the order they were made) undone.
    Undo(usize),
}

impl WhatIf {
    /// Parses `DILEMMA=CHOICE`.
    pub fn choose(text: &str) -> Option<WhatIf> {
        let (d, c) = text.split_once('=')?;
        let (d, c) = (d.trim(), c.trim());
        (!d.is_empty() && !c.is_empty()).then(|| WhatIf::Choose {
            dilemma: d.to_string(),
            choice: c.to_string(),
        })
    }

    /// The decisions with this one changed, or what is wrong with the request.
    pub fn apply(&self, decisions: &Decisions, deck: Option<&Deck>) -> Result<Decisions, String> {
        let mut p = decisions.clone();
        match self {
            WhatIf::Nothing => {}
            WhatIf::Choose { dilemma, choice } => {
                let d = deck.and_then(|d| d.get(dilemma)).ok_or_else(|| {
                    let known: Vec<&str> = deck
                        .map(|d| d.dilemmas.iter().map(|x| x.id.as_str()).collect())
                        .unwrap_or_default();
                    format!(
                        "no dilemma \"{dilemma}\" in this scenario (known: {})",
                        known.join(", ")
                    )
                })?;
                if !d.choices.iter().any(|c| c.id == *choice) {
                    let known: Vec<&str> = d.choices.iter().map(|c| c.id.as_str()).collect();
                    return Err(format!(
                        "dilemma \"{dilemma}\" has no choice \"{choice}\" (choices: {})",
                        known.join(", ")
                    ));
                }
                p.choices.insert(dilemma.clone(), choice.clone());
            }
            WhatIf::Undo(n) => {
                if *n == 0 || *n > p.changes.len() {
                    return Err(if p.changes.is_empty() {
                        "there is no lever change to undo".to_string()
                    } else {
                        format!(
                            "there are {} lever changes; --undo takes 1..={}",
                            p.changes.len(),
                            p.changes.len()
                        )
                    });
                }
                p.changes.remove(n - 1);
            }
        }
        Ok(p)
    }

    /// A short label for reports.
    pub fn describe(&self, decisions: &Decisions) -> String {
        match self {
            WhatIf::Nothing => "the same decisions".into(),
            WhatIf::Choose { dilemma, choice } => format!("choose \"{choice}\" at \"{dilemma}\""),
            WhatIf::Undo(n) => match decisions.changes.get(n.saturating_sub(1)) {
                Some(c) => format!("without the day-{} change ({})", c.day, c.set.describe()),
                None => format!("without lever change {n}"),
            },
        }
    }
}

/// The first day on which two runs' CSV rows differ (None: identical as far as both go, and
/// equally long).
pub fn first_difference(a: &[DayRow], b: &[DayRow]) -> Option<u32> {
    // Compare the CSV lines (what "byte-identical" means), header skipped.
    let (ca, cb) = (days_csv(a), days_csv(b));
    let mut la = ca.split(|&c| c == b'\n').skip(1);
    let mut lb = cb.split(|&c| c == b'\n').skip(1);
    let rows = a.iter().chain(b.iter().skip(a.len()));
    for row in rows {
        if la.next() != lb.next() {
            return Some(row.day);
        }
    }
    None
}
