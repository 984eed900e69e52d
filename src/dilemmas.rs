//! Dilemmas: moments where customers', employees' and shareholders' interests collide, as data.
//!
//! A deck (RON) lists dilemmas; each says when it can fire (a day window, conditions on the
//! business's metrics, a daily chance), what the player reads, and two to four choices with
//! their effects. Effects act through the model's own state — cash booked in the ledger, each
//! employee's morale, customers' attitudes and thoughts, public reviews, lever changes, the
//! board's confidence — and may be delayed or uncertain ("30 % chance of a scandal within 90
//! days"). The player sees `known`, what they could reasonably know, never the hidden odds.

use std::path::Path;

use serde::{Deserialize, Serialize};

use crate::diagnostics::{Checker, FileProblems};
use crate::i18n::{Lang, Text};
use crate::levers::LeverSet;

pub const MAX_DILEMMAS: usize = 64;
pub const MAX_EFFECTS: usize = 16;
pub const MAX_NESTED_LATER: usize = 2;

/// The deck format this build writes. Version 2 added [`Effect::ScaleLevers`] (a change relative
/// to the current value: "prices up 8 %"); a version-1 deck (no `version` field) reads as it
/// always did, `Levers` setting absolute values.
/// Version 3 gave every text (title, situation, label, known) a form in each language.
/// Version 4 added [`Effect::Dividend`] (money paid to the owners: cash out, not a cost).
/// Version 5 added [`Effect::Recall`] (a scenario's hidden defect recalled).
pub const DECK_VERSION: u32 = 5;

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Deck {
    #[serde(default = "first_version")]
    pub version: u32,
    pub dilemmas: Vec<Dilemma>,
}

fn first_version() -> u32 {
    1
}

impl Default for Deck {
    fn default() -> Self {
        Deck {
            version: DECK_VERSION,
            dilemmas: Vec::new(),
        }
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Dilemma {
    /// Stable identifier, used by policies (`choices: {"recall": "recall_now"}`) and logs.
    pub id: String,
    pub title: Text,
    pub situation: Text,
    pub when: Trigger,
    pub choices: Vec<Choice>,
    /// The choice taken when a headless run's policy names none (usually "do nothing").
    pub default_choice: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Trigger {
    pub from_day: u32,
    pub to_day: u32,
    /// All must hold on the day.
    pub conditions: Vec<Condition>,
    /// Chance per day, once the window is open and the conditions hold.
    pub chance_per_day: f64,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Condition {
    pub metric: Metric,
    pub above: Option<f64>,
    pub below: Option<f64>,
}

/// What conditions can look at: yesterday's figures.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum Metric {
    ActiveCustomers,
    Nps,
    Reputation,
    MeanWaitMinutes,
    RedHealth,
    Morale,
    Fatigue,
    CashCents,
    BoardConfidence,
    Employees,
    /// Failures so far of the scenario's defects not yet recalled (what warranty claims show).
    ProductFailures,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Choice {
    pub id: String,
    pub label: Text,
    /// What the player could reasonably know about this option (shown on the card).
    pub known: Text,
    pub effects: Vec<Effect>,
}

/// What a choice does, through the model's own state.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub enum Effect {
    /// Money booked today (negative: a cost), in cents.
    Cash(i64),
    /// A dividend paid to the owners today, in cents: cash goes out, but it is not a cost, so
    /// profit is unchanged (the board's own view of it is a `Board` effect). Deck version 4.
    Dividend(i64),
    /// Added to every employee's morale (−1..1).
    Morale(f64),
    /// Public reviews written today: `count` reviews of `stars` (1–5).
    Reviews { count: u32, stars: u8 },
    /// Levers set to these values, logged as decisions.
    Levers(LeverSet),
    /// Numeric levers multiplied by these factors (`(price: 1.08)`: prices up 8 % from wherever
    /// they are), logged as decisions with the values they came to. Deck version 2.
    ScaleLevers(LeverSet),
    /// A share of active customers (chosen at random) change their attitude and remember why.
    Customers {
        share: f64,
        attitude: f64,
        thought: Option<String>,
    },
    /// Added to the board's confidence (−1..1).
    Board(f64),
    /// The scenario's defect with this id is recalled today: its failures stop, and the recall
    /// costs what the scenario says per affected customer (more once it is public). Deck
    /// version 5.
    Recall(String),
    /// With `chance`, the nested effects happen on a random day within `within_days`.
    Later {
        chance: f64,
        within_days: u32,
        effects: Vec<Effect>,
    },
}

/// What a list of effects did, in the player's words ("cash −$8,000.00, 120 reviews of 1★, 80 %
/// of customers felt it, board confidence −25 points"); a delayed effect inside is not told
/// (it has not happened yet).
pub fn describe_effects(
    effects: &[Effect],
    currency: &crate::scenario::Currency,
    lang: Lang,
) -> String {
    let points = |v: f64| format!("{:+.0}", v * 100.0);
    let parts: Vec<String> = effects
        .iter()
        .filter_map(|e| match e {
            Effect::Cash(c) => Some(crate::tr!(lang, "effect-cash", amount = currency.money(*c))),
            Effect::Dividend(c) => Some(crate::tr!(
                lang,
                "effect-dividend",
                amount = currency.money(*c)
            )),
            Effect::Morale(v) => Some(crate::tr!(lang, "effect-morale", points = points(*v))),
            Effect::Reviews { count, stars } => Some(crate::tr!(
                lang,
                "effect-reviews",
                count = *count,
                stars = *stars
            )),
            Effect::Levers(set) | Effect::ScaleLevers(set) => Some(set.show(lang)),
            Effect::Customers { share, .. } => Some(crate::tr!(
                lang,
                "effect-customers",
                share = crate::i18n::percent(*share, 0)
            )),
            Effect::Board(v) => Some(crate::tr!(lang, "effect-board", points = points(*v))),
            Effect::Recall(_) => Some(crate::tr!(lang, "effect-recall")),
            Effect::Later { .. } => None,
        })
        .collect();
    parts.join(&crate::tr!(lang, "list-separator"))
}

impl Deck {
    /// Texts that lack a language, as (path, language): warnings; English is shown instead.
    pub fn missing_translations(&self) -> Vec<(String, Lang)> {
        let mut out = Vec::new();
        for (i, d) in self.dilemmas.iter().enumerate() {
            let p = format!("dilemmas[{i}]");
            let mut texts = vec![
                (format!("{p}.title"), &d.title),
                (format!("{p}.situation"), &d.situation),
            ];
            for (j, ch) in d.choices.iter().enumerate() {
                texts.push((format!("{p}.choices[{j}].label"), &ch.label));
                texts.push((format!("{p}.choices[{j}].known"), &ch.known));
            }
            for (path, t) in texts {
                out.extend(t.missing().into_iter().map(|l| (path.clone(), l)));
            }
        }
        out
    }

    pub fn load(path: &Path) -> Result<Deck, FileProblems> {
        let text = crate::diagnostics::read_text(path)?;
        Self::read(path, &text, &crate::inherit::FromFiles)
    }

    /// Parses and validates deck text (bundled files and tests); a base it names is read from
    /// the bundled files, else from the file system.
    pub fn from_ron(name: &Path, text: &str) -> Result<Deck, FileProblems> {
        Self::read(name, text, &crate::bundle::Shipped)
    }

    /// Parses and validates deck text, with the base it names (`base:`) read from `bases`.
    pub fn read(
        name: &Path,
        text: &str,
        bases: &dyn crate::inherit::Bases,
    ) -> Result<Deck, FileProblems> {
        let d: Deck = crate::inherit::parse(name, text, bases)?;
        let mut c = Checker::default();
        d.check(&mut c);
        c.into_result(name)?;
        Ok(d)
    }

    pub fn get(&self, id: &str) -> Option<&Dilemma> {
        self.dilemmas.iter().find(|d| d.id == id)
    }

    pub fn check(&self, c: &mut Checker) {
        c.int_range("version", self.version as i64, 1, DECK_VERSION as i64);
        if self.dilemmas.len() > MAX_DILEMMAS {
            c.fail(
                "dilemmas",
                crate::msg!(
                    "check-at-most",
                    max = MAX_DILEMMAS,
                    got = self.dilemmas.len()
                ),
            );
        }
        let mut ids = std::collections::BTreeSet::new();
        for (i, d) in self.dilemmas.iter().enumerate() {
            let p = format!("dilemmas[{i}]");
            if d.id.trim().is_empty()
                || !d
                    .id
                    .chars()
                    .all(|ch| ch.is_ascii_alphanumeric() || ch == '_')
            {
                c.fail(format!("{p}.id"), crate::msg!("check-id-characters"));
            }
            if !ids.insert(d.id.clone()) {
                c.fail(
                    format!("{p}.id"),
                    crate::msg!("check-used-twice", id = d.id),
                );
            }
            if d.title.get(Lang::En).trim().is_empty()
                || d.situation.get(Lang::En).trim().is_empty()
            {
                c.fail(
                    format!("{p}.situation"),
                    crate::msg!("check-title-situation"),
                );
            }
            let w = &d.when;
            if w.from_day > w.to_day {
                c.fail(format!("{p}.when.to_day"), crate::msg!("check-to-day"));
            }
            c.range(
                &format!("{p}.when.chance_per_day"),
                w.chance_per_day,
                0.0,
                1.0,
            );
            for (j, cond) in w.conditions.iter().enumerate() {
                let cp = format!("{p}.when.conditions[{j}]");
                if cond.above.is_none() && cond.below.is_none() {
                    c.fail(&cp, crate::msg!("check-above-below"));
                }
                for v in [cond.above, cond.below].into_iter().flatten() {
                    if !v.is_finite() {
                        c.fail(&cp, crate::msg!("check-finite-bounds", got = v));
                    }
                }
            }
            if !(2..=4).contains(&d.choices.len()) {
                c.fail(
                    format!("{p}.choices"),
                    crate::msg!("check-choices", got = d.choices.len()),
                );
            }
            let mut choice_ids = std::collections::BTreeSet::new();
            for (j, ch) in d.choices.iter().enumerate() {
                let cp = format!("{p}.choices[{j}]");
                if ch.id.trim().is_empty() || !choice_ids.insert(ch.id.clone()) {
                    c.fail(format!("{cp}.id"), crate::msg!("check-choice-id"));
                }
                if ch.label.get(Lang::En).trim().is_empty()
                    || ch.known.get(Lang::En).trim().is_empty()
                {
                    c.fail(&cp, crate::msg!("check-label-known"));
                }
                check_effects(&ch.effects, &format!("{cp}.effects"), 0, self.version, c);
            }
            if !d.choices.iter().any(|ch| ch.id == d.default_choice) {
                c.fail(
                    format!("{p}.default_choice"),
                    crate::msg!("check-default-choice", id = d.default_choice),
                );
            }
        }
    }
}

/// The defects these effects recall (also inside `Later`), by id.
pub fn recalls(effects: &[Effect]) -> Vec<&str> {
    let mut out = Vec::new();
    for e in effects {
        match e {
            Effect::Recall(id) => out.push(id.as_str()),
            Effect::Later { effects, .. } => out.extend(recalls(effects)),
            Effect::Cash(_)
            | Effect::Dividend(_)
            | Effect::Morale(_)
            | Effect::Reviews { .. }
            | Effect::Levers(_)
            | Effect::ScaleLevers(_)
            | Effect::Customers { .. }
            | Effect::Board(_) => {}
        }
    }
    out
}

/// The range of a factor in a scaling effect.
pub const SCALE_FACTOR: (f64, f64) = (0.1, 10.0);

fn check_effects(effects: &[Effect], path: &str, depth: usize, version: u32, c: &mut Checker) {
    if effects.len() > MAX_EFFECTS {
        c.fail(
            path,
            crate::msg!(
                "check-too-many-effects",
                max = MAX_EFFECTS,
                got = effects.len()
            ),
        );
    }
    for (k, e) in effects.iter().enumerate() {
        let ep = format!("{path}[{k}]");
        match e {
            Effect::Cash(v) => c.int_range(&ep, *v, -10_000_000_000, 10_000_000_000),
            Effect::Dividend(v) => {
                if version < 4 {
                    c.fail(&ep, crate::msg!("check-dividend-version"));
                }
                c.int_range(&ep, *v, 0, 10_000_000_000);
            }
            Effect::Morale(v) | Effect::Board(v) => c.range(&ep, *v, -1.0, 1.0),
            Effect::Recall(id) => {
                if version < 5 {
                    c.fail(&ep, crate::msg!("check-recall-version"));
                }
                if id.trim().is_empty() {
                    c.fail(&ep, crate::msg!("check-not-empty"));
                }
            }
            Effect::Reviews { count, stars } => {
                c.int_range(&format!("{ep}.count"), *count as i64, 0, 100_000);
                c.int_range(&format!("{ep}.stars"), *stars as i64, 1, 5);
            }
            Effect::Levers(set) => {
                if set.is_empty() {
                    c.fail(&ep, crate::msg!("check-names-no-lever"));
                }
                set.check(&ep, c);
            }
            Effect::ScaleLevers(set) => {
                if version < 2 {
                    c.fail(&ep, crate::msg!("check-scale-version"));
                }
                if set.is_empty() {
                    c.fail(&ep, crate::msg!("check-names-no-lever"));
                }
                for (lever, value) in set.entries() {
                    let lp = format!("{ep}.{}", lever.name());
                    match value.number() {
                        Some(f) => c.range(&lp, f, SCALE_FACTOR.0, SCALE_FACTOR.1),
                        None => c.fail(lp, crate::msg!("check-scale-numbers")),
                    }
                }
            }
            Effect::Customers {
                share,
                attitude,
                thought,
            } => {
                c.range(&format!("{ep}.share"), *share, 0.0, 1.0);
                c.range(&format!("{ep}.attitude"), *attitude, -10.0, 10.0);
                if let Some(t) = thought
                    && crate::thoughts::ThoughtKind::from_id(t).is_none()
                {
                    c.fail(
                        format!("{ep}.thought"),
                        crate::msg!("check-unknown-thought", id = t),
                    );
                }
            }
            Effect::Later {
                chance,
                within_days,
                effects,
            } => {
                c.range(&format!("{ep}.chance"), *chance, 0.0, 1.0);
                c.int_range(&format!("{ep}.within_days"), *within_days as i64, 1, 3650);
                if depth >= MAX_NESTED_LATER {
                    c.fail(
                        &ep,
                        crate::msg!("check-later-depth", max = MAX_NESTED_LATER),
                    );
                } else {
                    check_effects(effects, &format!("{ep}.effects"), depth + 1, version, c);
                }
            }
        }
    }
}

/// A scenario and its deck checked against each other (the cross-file check every road that
/// loads a world goes through): the workshop's fixed dilemmas are cards of the deck, and the
/// deck's recalls name defects of the scenario. Every problem is listed against `path`, the
/// scenario's file.
pub fn check_with_scenario(
    s: &crate::scenario::Scenario,
    deck: Option<&Deck>,
    path: &Path,
) -> Result<(), FileProblems> {
    let mut problems: Vec<crate::diagnostics::Problem> = Vec::new();
    if let Some(w) = &s.workshop {
        for (i, f) in w.fixed_dilemmas.iter().enumerate() {
            if deck.is_none_or(|d| d.get(&f.dilemma).is_none()) {
                problems.push(crate::diagnostics::Problem::Invalid {
                    path: format!("workshop.fixed_dilemmas[{i}].dilemma"),
                    message: crate::msg!("check-workshop-dilemma", id = f.dilemma.as_str()),
                });
            }
        }
    }
    for (i, d) in deck.map_or(&[][..], |d| &d.dilemmas[..]).iter().enumerate() {
        for (k, ch) in d.choices.iter().enumerate() {
            for id in recalls(&ch.effects) {
                if !s.defects.iter().any(|x| x.id == id) {
                    problems.push(crate::diagnostics::Problem::Invalid {
                        path: format!("dilemmas[{i}].choices[{k}].effects"),
                        message: crate::msg!("check-recall-unknown", id = id),
                    });
                }
            }
        }
    }
    if problems.is_empty() {
        Ok(())
    } else {
        Err(FileProblems {
            file: path.to_path_buf(),
            problems,
        })
    }
}
