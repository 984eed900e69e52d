//! What each decision did: for every decision of a run (each lever change, each dilemma answered),
//! the run replayed without it (the change undone, or each other choice taken), and the
//! difference to the run as played, at the end and day by day. Replays are exact, so a decision
//! that changed nothing shows zero, and what happened before a decision's day is never put down to
//! it (a day-2 price change is measured against the same world with the old price, not against
//! whatever happened later).
//!
//! The replays run in parallel (a thread pool), each cancellable between days, with progress.

use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};

use crate::dilemmas::Deck;
use crate::i18n::{Lang, number};
use crate::scenario::Scenario;
use crate::sim::dilemmas::ChoiceMade;
use crate::sim::metrics::DayRow;
use crate::tr;

use super::results::collect;
use super::whatif::{Decisions, WhatIf};
use super::world::Stepper;
use crate::platform::Slices;

/// How many decisions are measured unless told otherwise: the last 30.
pub const DEFAULT_LAST: usize = 30;

/// One decision, and the run without it.
#[derive(Debug, Clone, PartialEq)]
pub struct Counterfactual {
    /// The day the decision was taken.
    pub day: u32,
    /// The replay's change: the lever change undone, or another choice at the dilemma.
    pub change: WhatIf,
    /// For a dilemma, the choice actually made.
    pub made: Option<String>,
}

/// What one decision did: the run as played minus the run without it.
#[derive(Debug, Clone, PartialEq)]
pub struct Impact {
    pub decision: Counterfactual,
    /// The last day both runs reached.
    pub day: u32,
    pub customers: i64,
    /// Share points (0.01 = one percentage point).
    pub retention: f64,
    pub nps: f64,
    pub morale: f64,
    pub employees: i64,
    /// Profit over the whole run, in cents.
    pub profit: i64,
    pub cash: i64,
    /// Day by day: (day, customers, cumulative profit in cents).
    pub series: Vec<(u32, i64, i64)>,
    /// The last day of the run without the decision, when it ended on another day than the run
    /// as played (one of them closed early), and whether that was sooner.
    pub without_ended: Option<(u32, bool)>,
}

impl Impact {
    /// Whether the decision changed nothing at all that is measured.
    pub fn is_zero(&self) -> bool {
        self.customers == 0
            && self.retention == 0.0
            && self.nps == 0.0
            && self.morale == 0.0
            && self.employees == 0
            && self.profit == 0
            && self.cash == 0
            && self.series.iter().all(|&(_, c, p)| c == 0 && p == 0)
    }
}

/// Which decisions to measure.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Which {
    /// The last N decisions (a dilemma with several other choices counts once).
    Last(usize),
    All,
}

/// The replays that measure each decision, in the order the decisions were taken: each lever
/// change undone; for each dilemma met, each other choice taken.
pub fn counterfactuals(
    decisions: &Decisions,
    made: &[ChoiceMade],
    deck: Option<&Deck>,
    which: Which,
) -> Vec<Counterfactual> {
    // (day, order within the day, the replays of one decision).
    let mut groups: Vec<(u32, usize, Vec<Counterfactual>)> = Vec::new();
    // A gesture (two presses of one lever while the clock runs) is one decision.
    for g in decisions.gestures() {
        let day = decisions.changes[g.start].day;
        groups.push((
            day,
            groups.len(),
            vec![Counterfactual {
                day,
                change: WhatIf::Undo(g.start + 1),
                made: None,
            }],
        ));
    }
    for m in made {
        let Some(d) = deck.and_then(|d| d.get(&m.dilemma)) else {
            continue;
        };
        let others: Vec<Counterfactual> = d
            .choices
            .iter()
            .filter(|c| c.id != m.choice)
            .map(|c| Counterfactual {
                day: m.day,
                change: WhatIf::Choose {
                    dilemma: m.dilemma.clone(),
                    choice: c.id.clone(),
                },
                made: Some(m.choice.clone()),
            })
            .collect();
        if !others.is_empty() {
            groups.push((m.day, groups.len(), others));
        }
    }
    groups.sort_by_key(|(day, order, _)| (*day, *order));
    let skip = match which {
        Which::All => 0,
        Which::Last(n) => groups.len().saturating_sub(n),
    };
    groups
        .into_iter()
        .skip(skip)
        .flat_map(|(_, _, g)| g)
        .collect()
}

/// The run to measure against, and how to replay it.
pub struct Replays<'a> {
    pub scenario: &'a Scenario,
    pub seed: u64,
    pub deck: Option<&'a Deck>,
    pub decisions: &'a Decisions,
    pub days: u32,
}

impl Replays<'_> {
    /// One replay's days, with `decisions`; None if stopped. Between days it gives a browser
    /// page its turns (`slices`).
    async fn rows(
        &self,
        decisions: &Decisions,
        stop: &AtomicBool,
        slices: &mut Slices,
    ) -> Option<Vec<DayRow>> {
        let mut run = Stepper::replay(self.scenario, self.seed, decisions, self.deck, self.days);
        loop {
            if stop.load(Ordering::Relaxed) {
                return None;
            }
            if !run.step() {
                break;
            }
            slices.between().await;
        }
        let name = crate::i18n::Text::en(String::new());
        Some(collect(run.world_mut(), self.scenario, self.seed, &name).rows)
    }

    /// One counterfactual measured against the run as played.
    async fn one(
        &self,
        played: &[DayRow],
        c: &Counterfactual,
        stop: &AtomicBool,
        done: &AtomicUsize,
        slices: &mut Slices,
    ) -> Option<Impact> {
        if stop.load(Ordering::Relaxed) {
            return None;
        }
        // A counterfactual comes from the decisions themselves, so it always applies.
        let changed = c.change.apply(self.decisions, self.deck).ok()?;
        let rows = self.rows(&changed, stop, slices).await?;
        done.fetch_add(1, Ordering::Relaxed);
        Some(compare(c.clone(), played, &rows))
    }

    /// Measures each counterfactual against the run as played (`played`, its days), on
    /// `threads` threads (0: every core, 1: this one; in a browser the page's one thread, shared
    /// with the game in slices of days, [`crate::platform::map_in_order`]). `done` counts
    /// finished replays. None if `stop` was set before all were done.
    pub async fn measure(
        &self,
        played: &[DayRow],
        each: &[Counterfactual],
        threads: usize,
        stop: &AtomicBool,
        done: &AtomicUsize,
    ) -> Option<Vec<Impact>> {
        crate::platform::map_in_order(each.len(), threads, async |i, slices: &mut Slices| {
            self.one(played, &each[i], stop, done, slices).await
        })
        .await
        .into_iter()
        .collect()
    }
}

/// The run as played minus the run without the decision.
fn compare(decision: Counterfactual, played: &[DayRow], without: &[DayRow]) -> Impact {
    let n = played.len().min(without.len());
    let blank = DayRow::default();
    let (a, b) = (
        played[..n].last().unwrap_or(&blank),
        without[..n].last().unwrap_or(&blank),
    );
    let mut series = Vec::with_capacity(n);
    let (mut pa, mut pb) = (0i64, 0i64);
    for (x, y) in played[..n].iter().zip(&without[..n]) {
        pa += x.profit;
        pb += y.profit;
        series.push((
            x.day,
            x.active_customers as i64 - y.active_customers as i64,
            pa - pb,
        ));
    }
    Impact {
        decision,
        day: a.day,
        customers: a.active_customers as i64 - b.active_customers as i64,
        retention: a.retention_90d - b.retention_90d,
        nps: a.nps - b.nps,
        morale: a.morale - b.morale,
        employees: a.employees as i64 - b.employees as i64,
        profit: pa - pb,
        cash: a.cash - b.cash,
        series,
        without_ended: (played.len() != without.len())
            .then(|| {
                without
                    .last()
                    .map(|r| (r.day, without.len() < played.len()))
            })
            .flatten(),
    }
}

/// The decision in the player's words: the lever change made ("price 1.20"), or the choice made
/// at a dilemma rather than the other one.
pub fn decision_label(
    c: &Counterfactual,
    decisions: &Decisions,
    deck: Option<&Deck>,
    lang: Lang,
) -> String {
    match &c.change {
        // What the gesture left the levers at.
        WhatIf::Undo(n) => decisions
            .changes
            .get(decisions.gesture_of(n.saturating_sub(1)).end - 1)
            .map_or_else(String::new, |d| d.set.show(lang)),
        WhatIf::Choose { dilemma, choice } => {
            let d = deck.and_then(|d| d.get(dilemma));
            let label = |id: &str| {
                d.and_then(|d| d.choices.iter().find(|x| x.id == id))
                    .map_or_else(|| id.to_string(), |x| x.label.get(lang).to_string())
            };
            tr!(
                lang,
                "impact-choice",
                dilemma = d.map_or_else(|| dilemma.clone(), |d| d.title.get(lang).to_string()),
                made = label(c.made.as_deref().unwrap_or_default()),
                other = label(choice)
            )
        }
        WhatIf::Nothing => tr!(lang, "whatif-same"),
    }
}

/// One sentence: "on day 2, price 1.20 cost 140 customers and earned $31,000 by day 1,095".
pub fn sentence(
    impact: &Impact,
    label: &str,
    currency: &crate::scenario::Currency,
    lang: Lang,
) -> String {
    let customers = match impact.customers {
        0 => tr!(lang, "impact-customers-same"),
        n if n > 0 => tr!(
            lang,
            "impact-customers-won",
            count = n as f64,
            n = number(n as f64, 0)
        ),
        n => tr!(
            lang,
            "impact-customers-lost",
            count = -n as f64,
            n = number(-n as f64, 0)
        ),
    };
    let profit = match impact.profit {
        0 => tr!(lang, "impact-profit-same"),
        p if p > 0 => tr!(lang, "impact-profit-earned", money = currency.money(p)),
        p => tr!(lang, "impact-profit-cost", money = currency.money(-p)),
    };
    let points = (impact.morale * 100.0 * 10.0).round() / 10.0;
    let morale = if points == 0.0 {
        tr!(lang, "impact-morale-same")
    } else if points > 0.0 {
        tr!(lang, "impact-morale-up", n = number(points, 1))
    } else {
        tr!(lang, "impact-morale-down", n = number(-points, 1))
    };
    let mut s = tr!(
        lang,
        "impact-sentence",
        day = impact.decision.day,
        decision = label,
        customers = customers,
        morale = morale,
        profit = profit,
        end = impact.day
    );
    if let Some((day, sooner)) = impact.without_ended {
        s.push_str(&if sooner {
            tr!(lang, "impact-ended-without", day = day)
        } else {
            tr!(lang, "impact-lasted-without", day = day)
        });
    }
    s
}

/// A signed amount of money as a table shows it ("+$1,200.00", "−$31.00", "$0.00").
pub fn signed_money(currency: &crate::scenario::Currency, cents: i64) -> String {
    let m = currency.money(cents.abs());
    match cents.signum() {
        1 => format!("+{m}"),
        -1 => format!("−{m}"),
        _ => m,
    }
}

/// A signed whole number as a table shows it ("+140", "−31", "0").
pub fn signed(v: f64, decimals: usize) -> String {
    let s = number(v.abs(), decimals);
    if v > 0.0 && s.chars().any(|c| c.is_ascii_digit() && c != '0') {
        format!("+{s}")
    } else if v < 0.0 && s.chars().any(|c| c.is_ascii_digit() && c != '0') {
        format!("−{s}")
    } else {
        s
    }
}
