//! What a run produced, as the CLI summary, the debrief and the end screen read it: the day rows,
//! totals, the decisions and dilemmas, every customer's record, and the stakeholder scorecards.

use std::fmt::Write as _;

use bevy::prelude::*;

use crate::scenario::Scenario;
use crate::sim::advisor::{Advice, AdvisorLog};
use crate::sim::customers::{Customer, CustomerStory};
use crate::sim::dilemmas::{ChoiceMade, DilemmaDeck, DilemmaState};
use crate::sim::finance::Ledger;
use crate::sim::levers::{Decision, DecisionLog, DecisionSource};
use crate::sim::metrics::{DayRow, History};
use crate::sim::reputation::Rating;
use crate::sim::{EndReason, GameOver};

use super::money;

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

/// The results so far of the model in `world` (a headless app's, or the game's own world).
pub fn collect(world: &mut World, scenario: &Scenario, seed: u64, policy_name: &str) -> RunResult {
    let rows = world.resource::<History>().rows.clone();
    let end = world.resource::<GameOver>().0;
    let ledger = world.resource::<Ledger>().clone();
    let rating = world.resource::<Rating>().reviews_total;
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
    /// Lever changes someone made (a plan or the player; a dilemma's own lever effects follow
    /// from its choice and are not counted twice).
    pub fn lever_changes(&self) -> usize {
        self.decision_log
            .iter()
            .filter(|d| d.source != DecisionSource::Dilemma)
            .count()
    }

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
    let count =
        |n: usize, one: &str, many: &str| format!("{n} {}", if n == 1 { one } else { many });
    let _ = writeln!(
        s,
        "decisions taken: {} ({}, {})",
        r.lever_changes() + r.choices.len(),
        count(r.lever_changes(), "lever change", "lever changes"),
        count(r.choices.len(), "dilemma choice", "dilemma choices")
    );
    for a in &r.advice {
        let _ = writeln!(
            s,
            "  day {:>4}: advisor — {} (lever: {})",
            a.day,
            a.pattern.advice(),
            a.pattern.lever().name()
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
