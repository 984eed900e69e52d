//! What-if: the decisions a run is made of, one of them changed, and how the two runs compare.
//! The CLI's `whatif` and the game's end screen both use these, and the same comparison table.

use crate::diagnostics::Msg;
use crate::i18n::{Lang, message, number};
use crate::scenario::Currency;
use crate::tr;
use std::collections::BTreeMap;

use bevy::prelude::*;

use crate::dilemmas::Deck;
use crate::policy::Policy;
use crate::sim::dilemmas::{ChoiceMade, DilemmaPolicy, DilemmaState};
use crate::sim::levers::{Decision, DecisionLog, DecisionSource};
use crate::sim::metrics::DayRow;

use super::tables::days_csv;

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

/// Two of the player's changes to the same levers on the same day, this many minutes apart or
/// less, are one gesture: → pressed twice, or a slider dragged, while the clock runs.
pub const GESTURE_MINUTES: u32 = 60;

impl Decisions {
    /// The changes as gestures, in order: each a range of `changes`, a run of the player's
    /// changes to the same levers on the same day, each within [`GESTURE_MINUTES`] of the one
    /// before (any other change is a gesture of its own). What the player set is the gesture's
    /// last change; undoing a gesture undoes all of it.
    pub fn gestures(&self) -> Vec<std::ops::Range<usize>> {
        let mut out: Vec<std::ops::Range<usize>> = Vec::new();
        for (i, c) in self.changes.iter().enumerate() {
            let joins = i > 0 && {
                let p = &self.changes[i - 1];
                let levers = |d: &Decision| -> Vec<crate::levers::Lever> {
                    d.set.entries().into_iter().map(|(l, _)| l).collect()
                };
                p.source == DecisionSource::Player
                    && c.source == DecisionSource::Player
                    && p.day == c.day
                    && c.minute.saturating_sub(p.minute) <= GESTURE_MINUTES
                    && levers(p) == levers(c)
            };
            match out.last_mut() {
                Some(g) if joins => g.end = i + 1,
                _ => out.push(i..i + 1),
            }
        }
        out
    }

    /// The gesture change `i` (0-based) belongs to.
    pub fn gesture_of(&self, i: usize) -> std::ops::Range<usize> {
        self.gestures()
            .into_iter()
            .find(|g| g.contains(&i))
            .unwrap_or(i..i + 1)
    }

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
    ) -> Result<Decisions, Msg> {
        if log.iter().any(|d| d.source == DecisionSource::Unknown) {
            return Err(crate::msg!("whatif-old-save"));
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
    pub fn of_world(world: &World) -> Result<Decisions, Msg> {
        Decisions::of_run(
            &world.resource::<DecisionLog>().entries,
            &world.resource::<DilemmaState>().made,
            &world.resource::<DilemmaPolicy>().choices,
        )
    }
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
    pub fn apply(&self, decisions: &Decisions, deck: Option<&Deck>) -> Result<Decisions, Msg> {
        let mut p = decisions.clone();
        match self {
            WhatIf::Nothing => {}
            WhatIf::Choose { dilemma, choice } => {
                let d = deck.and_then(|d| d.get(dilemma)).ok_or_else(|| {
                    let known: Vec<&str> = deck
                        .map(|d| d.dilemmas.iter().map(|x| x.id.as_str()).collect())
                        .unwrap_or_default();
                    crate::msg!(
                        "whatif-no-dilemma",
                        dilemma = dilemma,
                        known = known.join(", ")
                    )
                })?;
                if !d.choices.iter().any(|c| c.id == *choice) {
                    let known: Vec<&str> = d.choices.iter().map(|c| c.id.as_str()).collect();
                    return Err(crate::msg!(
                        "whatif-no-choice",
                        dilemma = dilemma,
                        choice = choice,
                        known = known.join(", ")
                    ));
                }
                p.choices.insert(dilemma.clone(), choice.clone());
            }
            WhatIf::Undo(n) => {
                if *n == 0 || *n > p.changes.len() {
                    return Err(if p.changes.is_empty() {
                        crate::msg!("whatif-nothing-to-undo")
                    } else {
                        crate::msg!("whatif-undo-range", n = p.changes.len())
                    });
                }
                // The whole gesture: its steps are one decision (undoing only the first step of
                // two presses left the second, and the replay showed the lever doing nothing).
                let gesture = decisions.gesture_of(n - 1);
                let mut i = 0;
                p.changes.retain(|_| {
                    i += 1;
                    !gesture.contains(&(i - 1))
                });
            }
        }
        Ok(p)
    }

    /// The change in the player's words: a dilemma by its title and the choice by its label
    /// (from the deck), a lever change by its day and levers.
    pub fn describe(&self, decisions: &Decisions, deck: Option<&Deck>, lang: Lang) -> String {
        match self {
            WhatIf::Nothing => tr!(lang, "whatif-same"),
            WhatIf::Choose { dilemma, choice } => {
                let d = deck.and_then(|d| d.get(dilemma));
                let c = d.and_then(|d| d.choices.iter().find(|c| c.id == *choice));
                match (d, c) {
                    (Some(d), Some(c)) => tr!(
                        lang,
                        "whatif-choose",
                        choice = c.label.get(lang),
                        dilemma = d.title.get(lang)
                    ),
                    // `apply` refuses a dilemma or choice the deck lacks before this is shown.
                    _ => tr!(lang, "whatif-same"),
                }
            }
            WhatIf::Undo(n) => {
                let g = decisions.gesture_of(n.saturating_sub(1));
                match (
                    decisions.changes.get(g.start),
                    decisions.changes.get(g.end - 1),
                ) {
                    (Some(first), Some(last)) => tr!(
                        lang,
                        "whatif-undo",
                        day = first.day,
                        levers = last.set.show(lang)
                    ),
                    _ => tr!(lang, "whatif-undo-n", n = *n),
                }
            }
        }
    }
}

/// The first day on which two runs' CSV rows differ (None: identical as far as both go, and
/// equally long).
pub fn first_difference(a: &[DayRow], b: &[DayRow]) -> Result<Option<u32>, csv::Error> {
    // Compare the CSV lines (what "byte-identical" means), header skipped.
    let (ca, cb) = (days_csv(a)?, days_csv(b)?);
    let mut la = ca.split(|&c| c == b'\n').skip(1);
    let mut lb = cb.split(|&c| c == b'\n').skip(1);
    let rows = a.iter().chain(b.iter().skip(a.len()));
    for row in rows {
        if la.next() != lb.next() {
            return Ok(Some(row.day));
        }
    }
    Ok(None)
}

/// Two runs' last days side by side: (measure, this run, the what-if, the difference).
pub fn difference(
    a: &DayRow,
    b: &DayRow,
    currency: &Currency,
    lang: Lang,
) -> Vec<(String, String, String, String)> {
    // Each kind of number as the scorecard writes it: shares as percentages (their difference
    // in percentage points), the NPS as a signed score.
    enum Unit {
        Count,
        Percent,
        Score,
        Stars,
        Money,
    }
    let lines: [(&str, f64, f64, Unit); 6] = [
        (
            "metric-active-customers",
            a.active_customers as f64,
            b.active_customers as f64,
            Unit::Count,
        ),
        (
            "metric-retention",
            a.retention_90d,
            b.retention_90d,
            Unit::Percent,
        ),
        ("metric-nps", a.nps, b.nps, Unit::Score),
        ("metric-reputation", a.reputation, b.reputation, Unit::Stars),
        ("metric-cash", a.cash as f64, b.cash as f64, Unit::Money),
        ("metric-morale", a.morale, b.morale, Unit::Percent),
    ];
    lines
        .into_iter()
        .map(|(k, x, y, unit)| {
            let f = |v: f64| match unit {
                Unit::Count => number(v, 0),
                Unit::Percent => crate::i18n::percent(v, 1),
                Unit::Score => format!("{v:+.0}").replace('-', "−"),
                Unit::Stars => number(v, 2),
                Unit::Money => currency.money(v.round() as i64),
            };
            let d = match unit {
                Unit::Percent => tr!(lang, "points-difference", n = number((y - x) * 100.0, 1)),
                _ => f(y - x),
            };
            (message(lang, k, None), f(x), f(y), d)
        })
        .collect()
}
