//! What a run produced, as the CLI summary, the debrief and the end screen read it: the day rows,
//! totals, the decisions and dilemmas, every customer's record, and the stakeholder scorecards.

use std::fmt::Write as _;

use bevy::prelude::*;

use crate::scenario::Scenario;
use crate::sim::advisor::{Advice, AdvisorLog};
use crate::sim::customers::Customers;
use crate::sim::dilemmas::{ChoiceMade, DilemmaDeck, DilemmaState};
use crate::sim::finance::Ledger;
use crate::sim::levers::{Decision, DecisionLog, DecisionSource};
use crate::sim::metrics::{DayRow, History};
use crate::sim::reputation::Rating;
use crate::sim::tenure::{LifetimeValue, TenureBook, TenureYear};
use crate::sim::{EndReason, GameOver};

use super::verdict::{Verdict, describe_check};
use crate::i18n::{Lang, Text, columns, number, percent};
use crate::tr;

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
    /// Visits that went wrong for them (whether or not they complained).
    pub problems: u16,
    pub churn_cause: Option<&'static str>,
}

#[derive(Debug, Clone)]
pub struct RunResult {
    /// The scenario played (its name, currency and words for everything written about the run).
    pub scenario: Scenario,
    /// Who decided: the policy's name, "the player", "the scenario's defaults".
    pub policy: Text,
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
    pub choice_labels: Vec<(Text, Text)>,
    /// What the advisor said, and when.
    pub advice: Vec<Advice>,
    /// Every lever change, with its day.
    pub decision_log: Vec<Decision>,
    /// The books by year of customer tenure (what a customer is worth as they stay).
    pub tenure: Vec<TenureYear>,
    /// The big events: board meetings and press stories, in order.
    pub news: Vec<crate::sim::news::NewsItem>,
}

/// The results so far of the model in `world` (a headless app's, or the game's own world).
pub fn collect(world: &mut World, scenario: &Scenario, seed: u64, policy: &Text) -> RunResult {
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
        scenario: scenario.clone(),
        policy: policy.clone(),
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
                        d.map_or_else(|| Text::en(c.dilemma.clone()), |d| d.title.clone()),
                        choice.map_or_else(|| Text::en(c.choice.clone()), |x| x.label.clone()),
                    )
                })
                .collect()
        },
        advice: world.resource::<AdvisorLog>().given.clone(),
        news: world.resource::<crate::sim::news::News>().0.clone(),
        decision_log: world.resource::<DecisionLog>().entries.clone(),
        tenure: tenure_books(world, rows.len() as i64 - 1),
        rows,
    }
}

/// The model's books by year of tenure, with the customer-days each year counted from every
/// customer's dates up to `last_day` (the last day whose census ran).
pub fn tenure_books(world: &mut World, last_day: i64) -> Vec<TenureYear> {
    let mut book = world.resource::<TenureBook>().clone();
    for (c, story) in world.resource::<Customers>().iter() {
        let last = story.churned_day().map_or(last_day, |d| d as i64 - 1);
        // The starting book is counted from day 0 (some joined on day 0 itself); newcomers from
        // the day after their first visit.
        let first = match c.source {
            crate::sim::day::Source::Existing => 0,
            _ => c.joined_day as i64 + 1,
        };
        book.add_exposure(c.joined_day, first, last.min(last_day));
    }
    book.years
}

/// A new customer's lifetime value over runs of one business pooled (several seeds measure the
/// long tenures better than one), with every year's defection rate cut by `defection_cut` (see
/// [`TenureBook::value`]). Winning a customer costs the runs' paid marketing over all their new
/// customers.
pub fn lifetime_value(runs: &[RunResult], defection_cut: f64) -> LifetimeValue {
    let mut book = TenureBook::default();
    let (mut marketing, mut new, mut referred) = (0i64, 0u64, 0u64);
    for r in runs {
        for (t, y) in r.tenure.iter().enumerate() {
            if book.years.len() <= t {
                book.years.resize(t + 1, TenureYear::default());
            }
            book.years[t].add(y);
        }
        for row in &r.rows {
            marketing += row.marketing;
            referred += row.new_referred as u64;
            new += (row.new_paid + row.new_referred + row.new_walk_in) as u64;
        }
    }
    book.value(
        marketing as f64 / new.max(1) as f64,
        referred as f64,
        defection_cut,
    )
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
    pub fn choice_text(&self, i: usize, lang: Lang) -> String {
        match self.choice_labels.get(i) {
            Some((title, label)) => tr!(
                lang,
                "choice-made",
                dilemma = title.get(lang),
                choice = label.get(lang)
            ),
            None => String::new(),
        }
    }

    /// A new customer's lifetime value in this run's business, with every year's defection rate
    /// cut by `defection_cut` (see [`lifetime_value`]).
    /// The run judged by its scenario's winning conditions (None if it has none).
    pub fn verdict(&self) -> Option<Verdict> {
        Verdict::of(&self.scenario, &self.rows, self.end)
    }

    pub fn lifetime_value(&self, defection_cut: f64) -> LifetimeValue {
        lifetime_value(std::slice::from_ref(self), defection_cut)
    }

    /// An amount in the scenario's currency.
    pub fn money(&self, cents: i64) -> String {
        self.scenario.money(cents)
    }
}

/// Every customer ever acquired, in id order.
pub fn customer_records(world: &mut World, scenario: &Scenario) -> Vec<CustomerRecord> {
    world
        .resource::<Customers>()
        .iter()
        .map(|(c, s)| CustomerRecord {
            id: c.id,
            // The CSV names segments in English (a machine format).
            segment: scenario.segments[c.segment as usize]
                .name
                .get(Lang::En)
                .to_string(),
            source: c.source.name(),
            acquired_day: c.joined_day,
            churned_day: s.churned_day(),
            visits: c.visits,
            total_spend_cents: s.total_spend_cents,
            last_mood: c.mood,
            complaints: c.complaints,
            problems: c.failures,
            churn_cause: s.churn_cause.map(|k| k.id()),
        })
        .collect()
}

/// The three stakeholder scorecards of a run, as a person reads them: (title, [(measure,
/// value)]).
pub fn scorecards(r: &RunResult, lang: Lang) -> Vec<(String, Vec<(String, String)>)> {
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
    let n = |v: f64, d: usize| number(v, d);
    let pct = |v: f64, d: usize| percent(v, d);
    let na = || tr!(lang, "not-available");
    vec![
        (
            tr!(lang, "card-customers"),
            vec![
                (
                    tr!(lang, "card-active-at-end"),
                    n(last.active_customers as f64, 0),
                ),
                (
                    tr!(lang, "card-acquired-churned"),
                    format!("{} / {}", n(r.acquired as f64, 0), n(r.churned as f64, 0)),
                ),
                (tr!(lang, "metric-retention"), pct(last.retention_90d, 1)),
                (
                    tr!(lang, "metric-nps"),
                    tr!(
                        lang,
                        "card-nps-value",
                        nps = format!("{:+.0}", last.nps),
                        promoters = pct(last.promoters, 0),
                        detractors = pct(last.detractors, 0)
                    ),
                ),
                (
                    tr!(lang, "card-customer-mood"),
                    last.customer_mood.map_or_else(na, |m| n(m, 2)),
                ),
                (
                    tr!(lang, "card-mood-wait"),
                    tr!(
                        lang,
                        "card-mood-wait-value",
                        mood = n(mood, 2),
                        wait = n(wait, 1)
                    ),
                ),
                (
                    tr!(lang, "metric-reputation"),
                    tr!(
                        lang,
                        "card-stars",
                        stars = n(last.reputation, 2),
                        reviews = n(r.reviews as f64, 0)
                    ),
                ),
                (
                    tr!(lang, "metric-ndr"),
                    last.ndr.map_or_else(na, |x| pct(x, 1)),
                ),
            ],
        ),
        (
            tr!(lang, "card-employees"),
            vec![
                (tr!(lang, "card-headcount"), n(last.employees as f64, 0)),
                (
                    tr!(lang, "card-morale-fatigue"),
                    format!("{} / {}", pct(last.morale, 0), pct(last.fatigue, 0)),
                ),
                (tr!(lang, "skill"), n(last.skill, 2)),
                (
                    tr!(lang, "card-quits-hires"),
                    format!("{} / {}", n(r.quits as f64, 0), n(r.hires as f64, 0)),
                ),
            ],
        ),
        (
            tr!(lang, "card-shareholders"),
            vec![
                (tr!(lang, "card-revenue"), r.money(r.total_revenue)),
                (tr!(lang, "card-profit"), r.money(profit)),
                (tr!(lang, "metric-dividends"), r.money(r.total_dividends)),
                (tr!(lang, "card-cash-at-end"), r.money(last.cash)),
                (tr!(lang, "metric-board"), pct(last.board_confidence, 0)),
            ],
        ),
    ]
}

/// The verdict as lines: the headline, why the business closed early (if it did), then each
/// condition met or missed with the run's figure.
pub fn verdict_lines(v: &Verdict, lang: Lang) -> Vec<String> {
    let mut out = vec![v.headline(lang)];
    if let Some(e) = v.closed_early {
        out.push(tr!(lang, "verdict-closed-early", why = e.describe(lang)));
    }
    out.extend(v.checks.iter().map(|c| describe_check(c, lang)));
    out
}

/// How a run ended, in a sentence: "ran 1,095 days" or "ended on day 212: …".
pub fn ending(r: &RunResult, lang: Lang) -> String {
    let days = r.rows.len();
    match (r.end, r.rows.last()) {
        (Some(EndReason::HorizonReached) | None, _) | (_, None) => {
            tr!(lang, "run-ran-days", days = days)
        }
        (Some(e), Some(last)) => tr!(lang, "run-ended-on", day = last.day, why = e.describe(lang)),
    }
}

/// The end-of-run summary, one block per stakeholder, in `lang`.
pub fn summary(r: &RunResult, lang: Lang) -> String {
    let mut s = String::new();
    if r.rows.is_empty() {
        return format!("{}\n", tr!(lang, "run-no-days"));
    }
    let _ = writeln!(
        s,
        "{}",
        tr!(
            lang,
            "run-heading",
            scenario = r.scenario.name.get(lang),
            policy = r.policy.get(lang),
            seed = r.seed.to_string(),
            ending = ending(r, lang)
        )
    );
    for (title, rows) in scorecards(r, lang) {
        let _ = writeln!(s, "{title}");
        for (k, v) in rows {
            // Pad by display width: a Chinese character takes two columns of a terminal.
            let pad = 24usize.saturating_sub(columns(&k));
            let _ = writeln!(s, "  {k}{}{v:>20}", " ".repeat(pad));
        }
    }
    if let Some(v) = r.verdict() {
        let _ = writeln!(s, "{}", verdict_lines(&v, lang).join("\n  "));
    }
    let _ = writeln!(
        s,
        "{}",
        tr!(
            lang,
            "run-decisions",
            total = r.lever_changes() + r.choices.len(),
            levers = r.lever_changes(),
            choices = r.choices.len()
        )
    );
    for a in &r.advice {
        let _ = writeln!(
            s,
            "  {}",
            tr!(
                lang,
                "run-advice-line",
                day = a.day,
                advice = a.pattern.advice(lang),
                lever = a.pattern.lever().label(lang)
            )
        );
    }
    for (i, c) in r.choices.iter().enumerate() {
        let _ = writeln!(
            s,
            "  {}",
            tr!(
                lang,
                "run-choice-line",
                day = c.day,
                choice = r.choice_text(i, lang)
            )
        );
    }
    s
}
