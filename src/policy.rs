//! Policies: scripted lever changes over time, for headless runs and class comparisons.
//!
//! ```ron
//! (name: "shareholder first", changes: [
//!     (day: 0, set: (price: 1.2, wage: 0.9, service_level: Task, dividend: 0.8)),
//!     (day: 180, set: (marketing: 1.5)),
//! ])
//! ```
//! Levers not set keep their current value (the scenario's on day 0).

use std::collections::BTreeMap;
use std::path::Path;

use serde::{Deserialize, Serialize};

use crate::diagnostics::{Checker, FileProblems, load_ron};
use crate::i18n::{Lang, Text};
use crate::levers::LeverSet;
use crate::scenario::MAX_HORIZON_DAYS;

pub const MAX_CHANGES: usize = 10_000;

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Policy {
    /// The policy's name in files and CSVs ("balanced").
    pub name: String,
    /// Its name as a person reads it, in each language (the `name` when absent).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub label: Option<Text>,
    /// One line on the strategy it plays, in each language.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<Text>,
    pub changes: Vec<Change>,
    /// The choice to take at each dilemma, by id: `choices: {"recall": "recall_now"}`.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub choices: BTreeMap<String, String>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Change {
    pub day: u32,
    pub set: LeverSet,
}

impl Policy {
    /// Its name as a person reads it.
    pub fn title(&self) -> Text {
        self.label
            .clone()
            .unwrap_or_else(|| Text::en(self.name.clone()))
    }

    /// The name shown for a run without a policy.
    pub fn defaults_title() -> Text {
        Text::from_catalogue(|lang| crate::tr!(lang, "policy-defaults"))
    }

    /// The name of a run with `policy`, or of the scenario's defaults.
    pub fn title_of(policy: Option<&Policy>) -> Text {
        policy.map_or_else(Policy::defaults_title, Policy::title)
    }

    /// Texts that lack a language, as (path, language): warnings; English is shown instead.
    pub fn missing_translations(&self) -> Vec<(String, Lang)> {
        let mut out = Vec::new();
        for (path, t) in [("label", &self.label), ("description", &self.description)] {
            match t {
                Some(t) => out.extend(t.missing().into_iter().map(|l| (path.to_string(), l))),
                None => out.extend(
                    Lang::ALL
                        .into_iter()
                        .filter(|l| *l != Lang::En)
                        .map(|l| (path.to_string(), l)),
                ),
            }
        }
        out
    }

    pub fn load(path: &Path) -> Result<Policy, FileProblems> {
        load_ron(path, |p: &Policy, c| p.check(c))
    }

    pub fn from_ron(name: &Path, text: &str) -> Result<Policy, FileProblems> {
        let p: Policy = crate::diagnostics::parse_ron(name, text)?;
        let mut c = Checker::default();
        p.check(&mut c);
        c.into_result(name)?;
        Ok(p)
    }

    pub fn check(&self, c: &mut Checker) {
        if self.name.trim().is_empty() {
            c.fail("name", crate::msg!("check-not-empty"));
        }
        if self.changes.len() > MAX_CHANGES {
            c.fail(
                "changes",
                crate::msg!(
                    "check-too-many-changes",
                    max = MAX_CHANGES,
                    got = self.changes.len()
                ),
            );
        }
        for (i, ch) in self.changes.iter().enumerate() {
            c.int_range(
                &format!("changes[{i}].day"),
                ch.day as i64,
                0,
                MAX_HORIZON_DAYS as i64 - 1,
            );
            if ch.set.is_empty() {
                c.fail(
                    format!("changes[{i}].set"),
                    crate::msg!("check-names-no-lever"),
                );
            }
            ch.set.check(&format!("changes[{i}].set"), c);
        }
    }

    /// Checks the policy's dilemma choices against a deck: every id must exist.
    pub fn check_choices(
        &self,
        deck: &crate::dilemmas::Deck,
        file: &Path,
    ) -> Result<(), FileProblems> {
        let mut c = Checker::default();
        for (dilemma, choice) in &self.choices {
            match deck.get(dilemma) {
                None => c.fail(
                    format!("choices[\"{dilemma}\"]"),
                    crate::msg!(
                        "check-no-such-dilemma",
                        known = deck
                            .dilemmas
                            .iter()
                            .map(|d| d.id.as_str())
                            .collect::<Vec<_>>()
                            .join(", ")
                    ),
                ),
                Some(d) if !d.choices.iter().any(|ch| &ch.id == choice) => c.fail(
                    format!("choices[\"{dilemma}\"]"),
                    crate::msg!(
                        "check-no-such-choice",
                        choice = choice,
                        known = d
                            .choices
                            .iter()
                            .map(|ch| ch.id.as_str())
                            .collect::<Vec<_>>()
                            .join(", ")
                    ),
                ),
                Some(_) => {}
            }
        }
        c.into_result(file)
    }

    /// Checks the policy against a scenario: no change may fall after its horizon.
    pub fn check_against(&self, horizon_days: u32, file: &Path) -> Result<(), FileProblems> {
        let mut c = Checker::default();
        for (i, ch) in self.changes.iter().enumerate() {
            if ch.day >= horizon_days {
                c.fail(
                    format!("changes[{i}].day"),
                    crate::msg!(
                        "check-beyond-horizon",
                        day = ch.day,
                        last = horizon_days - 1
                    ),
                );
            }
        }
        c.into_result(file)
    }
}
