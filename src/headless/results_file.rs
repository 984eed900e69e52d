//! A team's results file: one small RON file with what a run was (scenario, seed, session code,
//! team name, the decisions with their days, the daily figures the scorecard reads, how it
//! ended) for the class view to rank and compare. The game writes one when a game ends (and on
//! demand); `run --team NAME --results FILE` writes the same file headless.
//!
//! Versioned like saves (`format_version`; a newer file is refused with a clear message) and
//! validated on load. It carries a hash of its own content (FNV-1a over the file's values as RON,
//! so reformatting the file does not change it, but any edited value does). The hash catches an
//! accident (a file cut short, an edit by mistake), not a forger, who can compute it again: the
//! class view uses only a file's decisions and name, and ranks what replaying them gives
//! ([`crate::headless::class`]).

use std::path::Path;

use serde::{Deserialize, Serialize};

use crate::diagnostics::{Checker, FileProblems, Problem, parse_ron};
use crate::dilemmas::Deck;
use crate::i18n::{Lang, Text};
use crate::levers::Levers;
use crate::scenario::{Currency, Weights};
use crate::sim::EndReason;

use super::verdict::Outcome;
use crate::sim::levers::{Decision, DecisionSource};

use super::results::RunResult;
use super::save::SavedDecision;
use super::score::{Scores, Series};
use super::whatif::Decisions;

/// What the first field of every results file says (a save or another RON file lacks it).
pub const KIND: &str = "customer-first results";

/// The format this build writes; it reads every earlier one.
pub const RESULTS_VERSION: u32 = 1;

/// Results files larger than this are refused (a team's three years take about 200 KB).
pub const MAX_RESULTS_BYTES: u64 = 16 * 1024 * 1024;

/// The longest team name kept.
pub const MAX_TEAM_CHARS: usize = 40;

/// The most lever changes (and the most dilemma choices) a results file may hold: a three-year
/// game changes its levers a few hundred times; far more is a file made to cost the trainer's
/// machine memory and time.
pub const MAX_DECISIONS: usize = 20_000;

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ResultsFile {
    /// Always [`KIND`].
    pub kind: String,
    pub format_version: u32,
    /// The game's version that wrote it.
    pub game_version: String,
    /// The model's rules it was played under ([`crate::sim::MODEL_VERSION`]).
    pub model_version: u32,
    pub team: String,
    /// The session code the team joined with, if any.
    #[serde(default)]
    pub session_code: Option<String>,
    /// The session's preset: in a timed one the workshop's dilemmas came on fixed days.
    #[serde(default)]
    pub preset: crate::session::Preset,
    /// The language the team played in (`en`, `zh-CN`): their printable debrief's.
    pub language: String,
    pub scenario: ScenarioInfo,
    pub seed: u64,
    /// Who decided: the player, or a policy's name.
    pub policy: Text,
    /// How the game ended, if it has.
    #[serde(default)]
    pub end: Option<EndReason>,
    /// Won or lost by the scenario's winning conditions (none if it has none).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub outcome: Option<Outcome>,
    pub totals: Totals,
    /// Every lever change, with its day and minute and who made it.
    pub decisions: Vec<SavedDecision>,
    /// Every dilemma met, the choice taken and their words.
    pub choices: Vec<TeamChoice>,
    /// The daily figures.
    pub series: Series,
    /// FNV-1a (hex) over this file's values as RON, with this field empty.
    pub content_hash: String,
}

/// The scenario played, as much of it as the class view needs without the file.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ScenarioInfo {
    pub name: Text,
    /// [`crate::session::scenario_hash`] of the scenario and its deck, in hex: teams are ranked
    /// together only on the same scenario and seed.
    pub hash: String,
    pub horizon_days: u32,
    pub scorecard: Weights,
    pub currency: Currency,
    /// The levers on day 0.
    pub start_levers: Levers,
}

/// Whole-run totals.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Totals {
    pub revenue: i64,
    pub costs: i64,
    pub dividends: i64,
    pub acquired: u32,
    pub churned: u32,
    pub quits: u32,
    pub hires: u32,
}

/// A dilemma met and the choice taken, with their words as the team saw them.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct TeamChoice {
    pub day: u32,
    pub dilemma: String,
    pub choice: String,
    pub title: Text,
    pub label: Text,
}

/// Only what tells a results file from another file, and its version.
#[derive(Deserialize)]
struct Header {
    #[serde(default)]
    kind: String,
    #[serde(default)]
    format_version: u32,
}

impl ResultsFile {
    /// The results file of a run.
    /// How the run ended, for the class view: won or lost (when the scenario judges), then why
    /// it stopped ("still playing" if it has not).
    pub fn ending(&self, lang: Lang) -> String {
        let why = match self.end {
            Some(e) => e.describe(lang),
            None => crate::tr!(lang, "class-playing"),
        };
        match self.outcome {
            Some(Outcome::Won) => crate::tr!(lang, "class-won", ending = why),
            Some(Outcome::Lost) => crate::tr!(lang, "class-lost", ending = why),
            Some(Outcome::Unjudged) | None => why,
        }
    }

    pub fn of_run(
        r: &RunResult,
        deck: Option<&Deck>,
        team: &str,
        code: Option<&str>,
        preset: crate::session::Preset,
        lang: Lang,
    ) -> ResultsFile {
        let s = &r.scenario;
        let mut f = ResultsFile {
            kind: KIND.into(),
            format_version: RESULTS_VERSION,
            game_version: env!("CARGO_PKG_VERSION").into(),
            model_version: crate::sim::MODEL_VERSION,
            team: clean_team(team),
            session_code: code.map(str::to_string),
            preset,
            language: lang.code().into(),
            scenario: ScenarioInfo {
                name: s.name.clone(),
                hash: format!("{:016x}", crate::session::scenario_hash(s, deck)),
                horizon_days: s.horizon_days,
                scorecard: s.weights(),
                currency: s.currency().clone(),
                start_levers: s.start_levers(),
            },
            seed: r.seed,
            policy: r.policy.clone(),
            end: r.end,
            outcome: r.verdict().map(|v| v.outcome),
            totals: Totals {
                revenue: r.total_revenue,
                costs: r.total_costs,
                dividends: r.total_dividends,
                acquired: r.acquired,
                churned: r.churned,
                quits: r.quits,
                hires: r.hires,
            },
            decisions: r
                .decision_log
                .iter()
                .map(|d| SavedDecision {
                    day: d.day,
                    minute: d.minute,
                    set: d.set.clone(),
                    source: d.source,
                })
                .collect(),
            choices: r
                .choices
                .iter()
                .zip(&r.choice_labels)
                .map(|(c, (title, label))| TeamChoice {
                    day: c.day,
                    dilemma: c.dilemma.clone(),
                    choice: c.choice.clone(),
                    title: title.clone(),
                    label: label.clone(),
                })
                .collect(),
            series: Series::of(&r.rows),
            content_hash: String::new(),
        };
        f.content_hash = f.hash();
        f
    }

    /// The hash of this file's values, as [`ResultsFile::content_hash`] should say.
    pub fn hash(&self) -> String {
        let mut blank = self.clone();
        blank.content_hash = String::new();
        let text = ron::ser::to_string(&blank).unwrap_or_default();
        format!("{:016x}", crate::hash::fnv1a(text.as_bytes()))
    }

    /// Whether the content hash matches the values (no hand edit).
    pub fn intact(&self) -> bool {
        self.content_hash == self.hash()
    }

    /// The file's text.
    pub fn to_ron(&self) -> String {
        let config = ron::ser::PrettyConfig::default()
            .compact_arrays(true)
            .struct_names(false);
        let mut text = format!(
            "// customer-first results: {} — {}, seed {}\n",
            self.team,
            self.scenario.name.get(Lang::En),
            self.seed
        );
        text.push_str(&ron::ser::to_string_pretty(self, config).unwrap_or_default());
        text.push('\n');
        text
    }

    /// Writes the file atomically (a crash leaves the previous file, if any, whole).
    pub fn write(&self, path: &Path) -> std::io::Result<()> {
        super::files::write_atomic(path, self.to_ron().as_bytes())
    }

    /// Reads, checks the kind and version of, and validates a results file.
    pub fn load(path: &Path) -> Result<ResultsFile, FileProblems> {
        let text = crate::diagnostics::read_text_with_limit(path, MAX_RESULTS_BYTES)?;
        ResultsFile::from_ron(path, &text)
    }

    /// Parses results-file text (see [`ResultsFile::load`]).
    pub fn from_ron(path: &Path, text: &str) -> Result<ResultsFile, FileProblems> {
        let invalid = |field: &str, message| {
            FileProblems::single(
                path,
                Problem::Invalid {
                    path: field.into(),
                    message,
                },
            )
        };
        // Anything that is not a results file (a save, a scenario, a text) is named as such
        // before its fields are looked at.
        let header: Option<Header> = parse_ron(path, text).ok();
        match header {
            Some(h) if h.kind == KIND => {
                if h.format_version > RESULTS_VERSION {
                    return Err(invalid(
                        "format_version",
                        crate::msg!(
                            "results-newer",
                            format = h.format_version,
                            newest = RESULTS_VERSION
                        ),
                    ));
                }
                if h.format_version == 0 {
                    return Err(invalid(
                        "format_version",
                        crate::msg!("results-bad-version"),
                    ));
                }
            }
            // A broken results file says where it breaks.
            None if text.contains(KIND) => return parse_ron::<ResultsFile>(path, text),
            _ => {
                return Err(FileProblems::single(
                    path,
                    Problem::Io {
                        message: crate::msg!("results-not-results"),
                    },
                ));
            }
        }
        let mut f: ResultsFile = parse_ron(path, text)?;
        f.strip_controls();
        let mut c = Checker::default();
        f.check(&mut c);
        c.into_result(path)?;
        Ok(f)
    }

    /// Drops control characters from every text a person reads off the file (a name or a currency
    /// symbol that would clear a trainer's terminal or retitle its window prints harmless).
    fn strip_controls(&mut self) {
        fn text(t: &mut Text) {
            for s in t.0.values_mut() {
                *s = strip(s);
            }
        }
        self.team = strip(&self.team);
        self.game_version = strip(&self.game_version);
        if let Some(c) = &mut self.session_code {
            *c = strip(c);
        }
        text(&mut self.policy);
        text(&mut self.scenario.name);
        self.scenario.currency.symbol = strip(&self.scenario.currency.symbol);
        for c in &mut self.choices {
            text(&mut c.title);
            text(&mut c.label);
        }
    }

    /// Checks what the format cannot say: whole columns, days in order, sensible names.
    pub fn check(&self, c: &mut Checker) {
        let lengths = self.series.lengths();
        if lengths.iter().any(|&l| l != lengths[0]) {
            c.fail("series", crate::msg!("results-ragged"));
        }
        if self.series.day.windows(2).any(|w| w[1] <= w[0]) {
            c.fail("series.day", crate::msg!("results-days-order"));
        }
        if self.decisions.len() > MAX_DECISIONS {
            c.fail(
                "decisions",
                crate::msg!("results-too-many", max = MAX_DECISIONS),
            );
        }
        if self.choices.len() > MAX_DECISIONS {
            c.fail(
                "choices",
                crate::msg!("results-too-many", max = MAX_DECISIONS),
            );
        }
        if self.game_version.chars().count() > MAX_TEAM_CHARS {
            c.fail(
                "game_version",
                crate::msg!("results-team-name", max = MAX_TEAM_CHARS),
            );
        }
        if self.team.trim().is_empty() || self.team.chars().count() > MAX_TEAM_CHARS {
            c.fail(
                "team",
                crate::msg!("results-team-name", max = MAX_TEAM_CHARS),
            );
        }
        if Lang::parse(&self.language).is_none() {
            c.fail("language", crate::msg!("results-language"));
        }
        if self.scenario.hash.len() != 16 || u64::from_str_radix(&self.scenario.hash, 16).is_err() {
            c.fail("scenario.hash", crate::msg!("results-hash"));
        }
        let w = &self.scenario.scorecard;
        for (name, v) in [
            ("customers", w.customers),
            ("employees", w.employees),
            ("shareholders", w.shareholders),
        ] {
            c.range(&format!("scenario.scorecard.{name}"), v, 0.0, 100.0);
        }
        for (i, d) in self.decisions.iter().enumerate() {
            d.set.check(&format!("decisions[{i}].set"), c);
        }
    }

    /// The language the team played in.
    pub fn lang(&self) -> Lang {
        Lang::parse(&self.language).unwrap_or(Lang::En)
    }

    /// The stakeholder scores of the run.
    pub fn scores(&self) -> Scores {
        Scores::of(&self.series, self.scenario.horizon_days, self.end)
    }

    /// Days simulated.
    pub fn days(&self) -> u32 {
        self.series.len() as u32
    }

    /// The decisions to take again to replay the run (see [`crate::headless::whatif`]).
    pub fn replay_decisions(&self) -> Result<Decisions, crate::diagnostics::Msg> {
        let log: Vec<Decision> = self
            .decisions
            .iter()
            .map(|d| Decision {
                day: d.day,
                minute: d.minute,
                set: d.set.clone(),
                source: d.source,
            })
            .collect();
        let made: Vec<crate::sim::dilemmas::ChoiceMade> = self
            .choices
            .iter()
            .map(|c| crate::sim::dilemmas::ChoiceMade {
                day: c.day,
                dilemma: c.dilemma.clone(),
                choice: c.choice.clone(),
            })
            .collect();
        Decisions::of_run(&log, &made, &Default::default())
    }

    /// The levers in effect at the end of `day` (day 0's levers, then every change up to it).
    pub fn levers_on(&self, day: u32) -> Levers {
        let mut l = self.scenario.start_levers.clone();
        for d in self.decisions.iter().filter(|d| d.day <= day) {
            l.apply(&d.set);
        }
        l
    }

    /// Days on which the team changed a lever (not counting a dilemma's own effects).
    pub fn change_days(&self) -> impl Iterator<Item = u32> + '_ {
        self.decisions
            .iter()
            .filter(|d| d.source != DecisionSource::Dilemma)
            .map(|d| d.day)
    }
}

/// The dilemma deck the model in `world` plays with, as [`crate::session::scenario_hash`] takes
/// it (none when the scenario has no dilemmas).
pub fn deck_in(world: &bevy::prelude::World) -> Option<Deck> {
    let deck = &world.resource::<crate::sim::dilemmas::DilemmaDeck>().0;
    (!deck.dilemmas.is_empty()).then(|| deck.clone())
}

/// A team name as kept: trimmed, control characters dropped, at most [`MAX_TEAM_CHARS`].
pub fn clean_team(name: &str) -> String {
    strip(name.trim()).chars().take(MAX_TEAM_CHARS).collect()
}

/// A team name as given on the command line: kept as [`clean_team`] keeps it, or refused when
/// nothing is left or it is longer than [`MAX_TEAM_CHARS`] (never cut without a word).
pub fn team_name(name: &str) -> Result<String, crate::diagnostics::Msg> {
    let kept = strip(name.trim());
    if kept.is_empty() || kept.chars().count() > MAX_TEAM_CHARS {
        return Err(crate::msg!("results-team-name", max = MAX_TEAM_CHARS));
    }
    Ok(kept)
}

/// Text without control characters.
fn strip(s: &str) -> String {
    s.chars().filter(|c| !c.is_control()).collect()
}

/// A file name for a team's results: the team's name made safe, with the session's code, e.g.
/// `team-blue.CAFE7F3KQ2.results.ron`: one file per team and session, so a file written
/// mid-game is replaced by the later one. Without a code (free play) the day is in the name
/// too (`team-blue.day-1095.results.ron`), so that one team's games do not replace each other.
pub fn file_name(team: &str, code: Option<&str>, day: u32) -> String {
    let safe: String = clean_team(team)
        .chars()
        .map(|c| {
            if c.is_alphanumeric() || c == '-' || c == '_' {
                c
            } else {
                '-'
            }
        })
        .collect();
    let safe = if safe.is_empty() { "team".into() } else { safe };
    let code: String = code
        .unwrap_or("")
        .chars()
        .filter(|c| c.is_ascii_alphanumeric())
        .collect();
    if code.is_empty() {
        format!("{safe}.day-{day}.results.ron")
    } else {
        format!("{safe}.{code}.results.ron")
    }
}
