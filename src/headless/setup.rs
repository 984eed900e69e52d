//! Loading a world: the one road from a scenario (a file, or one of the bundled table) to a
//! scenario with its dilemma deck, session and policy, each checked against the others. The
//! command line (`run`, `whatif`, `sweep`, `play`, `check`, `code`, `calibrate`), the title
//! screen, the class view and the browser page all load through here, so a check added here holds
//! for every one of them.

use std::path::{Path, PathBuf};

use crate::bundle;
use crate::diagnostics::{FileProblems, Msg, Problem};
use crate::dilemmas::Deck;
use crate::policy::Policy;
use crate::scenario::Scenario;
use crate::session::{Preset, SessionCode};

/// A scenario with the deck it names, checked against each other.
#[derive(Debug, Clone)]
pub struct Loaded {
    /// The scenario's file (for a bundled one, its path in the repository).
    pub path: PathBuf,
    pub scenario: Scenario,
    /// The deck as its file says (a timed session moves some of its cards: [`Preset::deck`]).
    pub deck: Option<Deck>,
    /// Its place in [`bundle::ALL`], for a bundled scenario.
    pub bundled: Option<usize>,
}

/// The bundled scenario at `index` of [`bundle::ALL`], with its deck.
pub fn bundled(index: usize) -> Result<Loaded, FileProblems> {
    let b = bundle::ALL.get(index).ok_or_else(|| {
        FileProblems::single(
            Path::new("customer-first"),
            Problem::Invalid {
                path: "scenario".into(),
                message: crate::msg!("setup-no-bundled", count = bundle::ALL.len(), n = index + 1),
            },
        )
    })?;
    let path = Path::new(b.scenario.path);
    let scenario = Scenario::from_ron(path, b.scenario.text)?;
    // A bundled scenario's deck is its entry's (a test checks that its `dilemmas:` names it).
    let deck = match scenario.dilemmas {
        None => None,
        Some(_) => Some(Deck::from_ron(Path::new(b.deck.path), b.deck.text)?),
    };
    crate::dilemmas::check_with_scenario(&scenario, deck.as_ref(), path)?;
    Ok(Loaded {
        path: path.to_path_buf(),
        scenario,
        deck,
        bundled: Some(index),
    })
}

/// Every bundled scenario that loads, in the table's order (the tests check that all do; a
/// broken one is left out, said on standard error, rather than offered without its deck).
pub fn every_bundled() -> Vec<Loaded> {
    (0..bundle::ALL.len())
        .filter_map(|i| {
            bundled(i)
                .inspect_err(|e| eprintln!("{}", e.render(crate::i18n::Lang::En)))
                .ok()
        })
        .collect()
}

/// The scenario in the file at `path`, with the deck beside it that it names.
pub fn file(path: &Path) -> Result<Loaded, FileProblems> {
    with_deck(path, Scenario::load(path)?)
}

/// A scenario already read from `path`, completed with the deck beside it that it names and
/// checked against that deck.
pub fn with_deck(path: &Path, scenario: Scenario) -> Result<Loaded, FileProblems> {
    let deck = match &scenario.dilemmas {
        None => None,
        Some(rel) => {
            let dir = path.parent().unwrap_or(Path::new("."));
            Some(Deck::load(&dir.join(rel))?)
        }
    };
    crate::dilemmas::check_with_scenario(&scenario, deck.as_ref(), path)?;
    Ok(Loaded {
        path: path.to_path_buf(),
        scenario,
        deck,
        bundled: None,
    })
}

/// The scenario in `file`, or, without one, the bundled default.
pub fn file_or_default(file: Option<&Path>) -> Result<Loaded, FileProblems> {
    match file {
        Some(p) => self::file(p),
        None => bundled(bundle::DEFAULT),
    }
}

/// A policy file, loaded and checked against the scenario it is for (its days) and the deck it
/// answers (its choices): a policy given to a run, and the calibration policies a scenario names.
pub fn policy_for(
    file: &Path,
    scenario: &Scenario,
    deck: Option<&Deck>,
) -> Result<Policy, FileProblems> {
    let p = Policy::load(file)?;
    p.check_against(scenario.horizon_days, file)?;
    p.check_choices(&deck.cloned().unwrap_or_default(), file)?;
    Ok(p)
}

/// The files of the calibration policies a scenario at `path` names (`winning.calibration`,
/// relative to the scenario's folder): thoughtful, careless.
pub fn calibration_files(path: &Path, scenario: &Scenario) -> Option<(PathBuf, PathBuf)> {
    let cal = scenario.winning.as_ref()?.calibration.as_ref()?;
    let dir = path.parent().unwrap_or(Path::new("."));
    Some((dir.join(&cal.thoughtful), dir.join(&cal.careless)))
}

/// What a world is asked for by (the command line's options, or the title screen's fields).
#[derive(Debug, Clone, Default)]
pub struct Request {
    /// A scenario file; the bundled default (or the code's bundled scenario) if None.
    pub scenario: Option<PathBuf>,
    /// The seed; the code's, else the scenario's own, if None.
    pub seed: Option<u64>,
    /// A session code as typed.
    pub code: Option<String>,
    /// A timed session (a code says its own).
    pub session: Option<Preset>,
    /// A policy file: lever changes over time and the answer to each dilemma.
    pub policy: Option<PathBuf>,
}

/// A scenario with its deck, session and policy, each checked against the others.
#[derive(Debug, Clone)]
pub struct World {
    /// The scenario's file (the bundled scenario's path if none was given).
    pub path: PathBuf,
    pub scenario: Scenario,
    /// The deck as the session plays it.
    pub deck: Option<Deck>,
    /// The deck as its file says: what a results file's scenario hash is made of.
    pub deck_as_read: Option<Deck>,
    pub policy: Option<Policy>,
    /// The session code it was loaded from, if any.
    pub code: Option<SessionCode>,
    /// The session's preset (the code's, or the one asked for).
    pub preset: Preset,
    /// The seed to run: the code's, else the one asked for, else the scenario's own.
    pub seed: u64,
    /// Its place in [`bundle::ALL`], for a bundled scenario.
    pub bundled: Option<usize>,
}

/// Reads a session code as typed: a mistyped or unknown code is a problem with the argument; a
/// code for a scenario file of the trainer's own needs that file.
pub fn parse_code(text: &str, scenario: Option<&Path>) -> Result<SessionCode, FileProblems> {
    let file = scenario.unwrap_or(Path::new("customer-first"));
    let bad = |m: Msg| code_problem(file, m);
    let code = SessionCode::parse(text).map_err(bad)?;
    if code.bundled.is_none() && scenario.is_none() {
        return Err(bad(crate::msg!("code-needs-file", code = code.text())));
    }
    Ok(code)
}

/// A code for bundled scenario A typed with scenario B: said as such, naming both, rather than
/// as "another version of this scenario" (which is kept for a changed copy of A). B is another
/// scenario when it is another bundled one as shipped, or when its name is not A's.
fn other_scenario(code: SessionCode, loaded: &Loaded) -> Option<Msg> {
    let made_for = code.bundled?;
    let theirs = bundled(made_for).ok()?;
    let print = crate::session::fingerprint(&loaded.scenario, loaded.deck.as_ref());
    let shipped = every_bundled().into_iter().find(|l| {
        l.bundled != Some(made_for)
            && crate::session::fingerprint(&l.scenario, l.deck.as_ref()) == print
    });
    let en = crate::i18n::Lang::En;
    let renamed = theirs.scenario.name.get(en) != loaded.scenario.name.get(en);
    if shipped.is_none() && !renamed {
        return None;
    }
    let ours = match shipped.and_then(|l| l.bundled) {
        Some(i) => bundle::ALL[i].name.to_string(),
        None => loaded.path.display().to_string(),
    };
    Some(crate::msg!(
        "code-other-scenario",
        code = code.text(),
        theirs = bundle::ALL[made_for].name,
        ours = ours
    ))
}

fn code_problem(file: &Path, message: Msg) -> FileProblems {
    FileProblems::single(
        file,
        Problem::Invalid {
            path: "--code".into(),
            message,
        },
    )
}

impl Request {
    /// Loads the world: the scenario (a code's bundled one, the file, or the default) with its
    /// deck, the code checked against them, the session's deck, and the policy checked against
    /// the scenario and the deck as played.
    pub fn load(&self) -> Result<World, FileProblems> {
        let code = match &self.code {
            None => None,
            Some(text) => Some(parse_code(text, self.scenario.as_deref())?),
        };
        let loaded = match (&self.scenario, code.and_then(|c| c.bundled)) {
            (Some(p), _) => file(p)?,
            (None, Some(i)) => bundled(i)?,
            (None, None) => bundled(bundle::DEFAULT)?,
        };
        if let Some(c) = code {
            c.check(&loaded.scenario, loaded.deck.as_ref())
                .map_err(|m| code_problem(&loaded.path, other_scenario(c, &loaded).unwrap_or(m)))?;
        }
        let preset = code.map(|c| c.preset).or(self.session).unwrap_or_default();
        let deck = preset.deck(&loaded.scenario, loaded.deck.as_ref());
        let policy = match self.policy.as_deref() {
            None => None,
            Some(file) => Some(policy_for(file, &loaded.scenario, deck.as_ref())?),
        };
        let seed = code
            .map(|c| c.seed)
            .or(self.seed)
            .unwrap_or(loaded.scenario.seed);
        Ok(World {
            path: loaded.path,
            scenario: loaded.scenario,
            deck,
            deck_as_read: loaded.deck,
            policy,
            code,
            preset,
            seed,
            bundled: loaded.bundled,
        })
    }
}
