//! The class view's data: every results file in a folder, checked, grouped by the world the
//! teams played (scenario and seed: teams on different worlds are never ranked together), ranked
//! by the balanced scorecard, and the decisions where the teams of a world went different ways.
//! `customer-first class` prints it and writes it as HTML ([`super::html::class`]); the game's
//! Class screen shows it.

use std::path::{Path, PathBuf};

use crate::diagnostics::{FileProblems, Msg, Problem};
use crate::dilemmas::Deck;
use crate::i18n::{Lang, Text};
use crate::levers::{Lever, LeverValue};
use crate::scenario::{Scenario, Weights};
use crate::session::Preset;

use super::results_file::ResultsFile;
use super::score::{Scores, Series};
use super::world::Stepper;
use crate::platform::Slices;

/// Files in a class folder beyond this are not read (a class is a few dozen teams).
pub const MAX_FILES: usize = 500;

/// Days after a decision at which the class view compares the teams.
pub const LATER_DAYS: u32 = 90;

/// Levers whose values teams set further apart than this share are a divergence.
pub const LEVER_SPREAD: f64 = 0.10;

/// Why a team's file is listed apart rather than ranked. A file contributes only its decisions
/// and its name: what the ranking uses comes from replaying those decisions here, so a file
/// that cannot be replayed, or says other than its replay, is not ranked.
#[derive(Debug, Clone, PartialEq)]
pub enum Apart {
    /// Played under other rules of the model: this program cannot replay it.
    OtherModel { theirs: u32 },
    /// Played on a scenario this program does not have (bundled, or given by the trainer).
    UnknownScenario { name: Text },
    /// Its decisions cannot be taken again (a broken or forged decision).
    Unreplayable(Msg),
    /// What it says differs from the replay of its decisions: which parts.
    Differs { parts: Vec<Part> },
    /// The same team, decisions and days as another file, which is ranked.
    Copy { of: PathBuf },
}

/// A part of a results file the replay checks.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Part {
    /// The scenario's settings: horizon, scorecard, currency, the levers on day 0.
    Scenario,
    Ending,
    Totals,
    Decisions,
    Choices,
    Figures,
}

impl Part {
    /// The catalogue key that names it.
    pub fn key(self) -> &'static str {
        match self {
            Part::Scenario => "class-part-scenario",
            Part::Ending => "class-part-ending",
            Part::Totals => "class-part-totals",
            Part::Decisions => "class-part-decisions",
            Part::Choices => "class-part-choices",
            Part::Figures => "class-part-figures",
        }
    }
}

/// A results file read but not ranked, and why.
#[derive(Debug, Clone)]
pub struct Unranked {
    pub file: PathBuf,
    /// The team's name as the file gives it.
    pub team: String,
    /// The days the file says were played.
    pub days: u32,
    pub why: Apart,
}

/// One team's results, as replayed on this machine.
#[derive(Debug, Clone)]
pub struct Team {
    pub file: PathBuf,
    /// The run as its replay here gives it, with the team's name, language, session code and
    /// preset from the file: every figure, the ending and the days are the replay's, the
    /// scenario and its scorecard the trainer's copy.
    pub results: ResultsFile,
    pub scores: Scores,
    /// The file's hash did not match its values (edited after it was written, in a part the
    /// replay does not use, such as the name: every figure agreed with the replay).
    pub edited: bool,
    /// Written by another release of the program with the same model rules (its version).
    pub release: Option<String>,
}

impl Team {
    pub fn name(&self) -> &str {
        &self.results.team
    }

    /// Whether the game stopped before its end (the team stopped, or has not finished): such a
    /// game is ranked only with games stopped on the same day.
    pub fn unfinished(&self) -> bool {
        matches!(
            self.results.end,
            None | Some(crate::sim::EndReason::EndedByPlayer)
        )
    }
}

/// Teams that played the same world, from the same start, to the same stage.
#[derive(Debug, Clone)]
pub struct Group {
    pub scenario: Text,
    pub scenario_hash: String,
    pub seed: u64,
    /// Free play or a timed workshop: in a timed one the workshop's dilemmas come on fixed days,
    /// so its teams are never ranked with free play's.
    pub preset: Preset,
    /// None for finished games (the horizon, or an early end by cash or the board); the day
    /// they stopped on for unfinished ones.
    pub stopped: Option<u32>,
    pub horizon: u32,
    /// The session codes the teams joined with (usually one).
    pub codes: Vec<String>,
    /// The scenario's weights (the trainer's copy of the scenario).
    pub weights: Weights,
    /// Indices into [`Class::teams`], in file order.
    pub teams: Vec<usize>,
    /// The scenario's notes for the trainer, when the class view knows the scenario.
    pub notes: Option<crate::scenario::TrainerNotes>,
    /// Teams of this world that share a name, or made exactly the same decisions.
    pub same: Vec<Same>,
}

/// Files of one world that look alike.
#[derive(Debug, Clone, PartialEq)]
pub enum Same {
    /// Teams (indices into [`Class::teams`]) that give the same name.
    Name(Vec<usize>),
    /// Teams with different names that made exactly the same decisions and choices.
    Decisions(Vec<usize>),
}

/// Everything read from a class folder.
#[derive(Debug, Clone, Default)]
pub struct Class {
    pub folder: PathBuf,
    /// Teams ranked, in file-name order.
    pub teams: Vec<Team>,
    /// Results files read but not ranked, with why, in file-name order.
    pub apart: Vec<Unranked>,
    /// Files that are not results files or could not be read, with why.
    pub rejected: Vec<FileProblems>,
    /// Worlds, finished games first, then the one with the most teams.
    pub groups: Vec<Group>,
}

/// A scenario the class view can replay results on: bundled or given by the trainer.
pub struct Known {
    pub hash: String,
    pub scenario: Scenario,
    pub deck: Option<Deck>,
}

impl Known {
    pub fn new(scenario: Scenario, deck: Option<Deck>) -> Known {
        Known {
            hash: format!(
                "{:016x}",
                crate::session::scenario_hash(&scenario, deck.as_ref())
            ),
            scenario,
            deck,
        }
    }

    /// The bundled scenarios with their decks.
    pub fn bundled() -> Vec<Known> {
        super::setup::every_bundled()
            .into_iter()
            .map(|l| Known::new(l.scenario, l.deck))
            .collect()
    }
}

impl Class {
    /// Reads every file in `folder` (not its subfolders; hidden files and HTML pages, such as the
    /// class page and debriefs kept beside the results, skipped) and checks each: a file that is
    /// not a results file, is broken, or is not a regular file (a pipe, a device, a link to
    /// nothing) is listed with the reason and the rest go on. Every results file is replayed from
    /// its decisions on a scenario in `known`, on every core (in a browser one file after
    /// another, the page given its turns between slices of the replays), and only what its
    /// replay gives is ranked. Fails only if the folder cannot be read.
    pub async fn load(folder: &Path, known: &[Known]) -> Result<Class, FileProblems> {
        Self::load_with(folder, known, &|_, _| {}).await
    }

    /// [`Class::load`], telling `progress` (files done, files in all) as each file is done.
    pub async fn load_with(
        folder: &Path,
        known: &[Known],
        progress: &(dyn Fn(usize, usize) + Sync),
    ) -> Result<Class, FileProblems> {
        let (files, rejected) = Self::files_in(folder)?;
        let done = std::sync::atomic::AtomicUsize::new(0);
        let read = crate::platform::map_in_order(files.len(), 0, async |i, slices: &mut Slices| {
            let r = read_team(&files[i], known, slices).await;
            let n = done.fetch_add(1, std::sync::atomic::Ordering::Relaxed) + 1;
            progress(n, files.len());
            r
        })
        .await;
        Ok(Self::of_read(folder, known, read, rejected))
    }

    /// The files a class is read from, sorted, and those beyond [`MAX_FILES`] or that are links
    /// to nothing refused.
    fn files_in(folder: &Path) -> Result<(Vec<PathBuf>, Vec<FileProblems>), FileProblems> {
        let io = |e: std::io::Error| {
            FileProblems::single(
                folder,
                Problem::Io {
                    message: crate::msg!("diag-cannot-read", error = e),
                },
            )
        };
        let mut rejected = Vec::new();
        let mut files = Vec::new();
        for p in crate::platform::files::list(folder).map_err(io)? {
            let name = p
                .file_name()
                .map(|n| n.to_string_lossy().to_lowercase())
                .unwrap_or_default();
            if name.starts_with('.') || name.ends_with(".html") {
                continue;
            }
            match crate::platform::files::metadata(&p) {
                Ok(m) if m.is_dir => {}
                Ok(_) => files.push(p),
                // Listed but not there to read: a link to nothing.
                Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
                    rejected.push(FileProblems::single(
                        &p,
                        Problem::Io {
                            message: crate::msg!("class-dangling-link"),
                        },
                    ));
                }
                Err(e) => rejected.push(FileProblems::single(
                    &p,
                    Problem::Io {
                        message: crate::msg!("diag-cannot-read", error = e),
                    },
                )),
            }
        }
        files.sort();
        if files.len() > MAX_FILES {
            for f in files.drain(MAX_FILES..) {
                rejected.push(FileProblems::single(
                    &f,
                    Problem::Io {
                        message: crate::msg!("class-too-many", max = MAX_FILES),
                    },
                ));
            }
        }
        Ok((files, rejected))
    }

    /// The class of the files read (in the order listed), the refused ones listed.
    fn of_read(
        folder: &Path,
        known: &[Known],
        read: Vec<Result<Read, FileProblems>>,
        mut rejected: Vec<FileProblems>,
    ) -> Class {
        let mut teams: Vec<Team> = Vec::new();
        let mut apart = Vec::new();
        for r in read {
            match r {
                Ok(Read::Ranked(t)) => {
                    let t = *t;
                    // The same team's file twice (copied, or handed in twice) counts once.
                    match teams.iter().find(|o| same_game(o, &t)) {
                        Some(o) => apart.push(Unranked {
                            why: Apart::Copy { of: o.file.clone() },
                            days: t.results.days(),
                            file: t.file,
                            team: t.results.team,
                        }),
                        None => teams.push(t),
                    }
                }
                Ok(Read::Apart(u)) => apart.push(u),
                Err(e) => rejected.push(e),
            }
        }
        rejected.sort_by(|a, b| a.file.cmp(&b.file));
        apart.sort_by(|a, b| a.file.cmp(&b.file));
        let mut class = Class::of_teams(folder, teams, rejected);
        class.apart = apart;
        for g in &mut class.groups {
            g.notes = known
                .iter()
                .find(|k| k.hash == g.scenario_hash)
                .and_then(|k| k.scenario.trainer_notes.clone());
        }
        class
    }

    /// Groups teams by world: scenario, seed and session preset, and for unfinished games the
    /// day they stopped on.
    pub fn of_teams(folder: &Path, teams: Vec<Team>, rejected: Vec<FileProblems>) -> Class {
        let mut groups: Vec<Group> = Vec::new();
        for (i, t) in teams.iter().enumerate() {
            let r = &t.results;
            let stopped = t.unfinished().then(|| r.days());
            let g = match groups.iter_mut().find(|g| {
                g.scenario_hash == r.scenario.hash
                    && g.seed == r.seed
                    && g.preset == r.preset
                    && g.stopped == stopped
            }) {
                Some(g) => g,
                None => {
                    groups.push(Group {
                        scenario: r.scenario.name.clone(),
                        scenario_hash: r.scenario.hash.clone(),
                        seed: r.seed,
                        preset: r.preset,
                        stopped,
                        horizon: r.scenario.horizon_days,
                        codes: Vec::new(),
                        weights: r.scenario.scorecard.clone(),
                        teams: Vec::new(),
                        notes: None,
                        same: Vec::new(),
                    });
                    groups.last_mut().expect("just pushed")
                }
            };
            g.teams.push(i);
            if let Some(c) = &r.session_code
                && !g.codes.contains(c)
            {
                g.codes.push(c.clone());
            }
        }
        for g in &mut groups {
            g.same = alike(&teams, &g.teams);
        }
        // Stable: finished games first, then the most teams; equal ones keep the order of their
        // first file.
        groups.sort_by_key(|g| (g.stopped.is_some(), std::cmp::Reverse(g.teams.len())));
        Class {
            folder: folder.to_path_buf(),
            teams,
            apart: Vec::new(),
            rejected,
            groups,
        }
    }

    /// A group's teams ranked by the balanced score under `weights`, best first (ties by team
    /// name): (team index, score).
    pub fn ranking(&self, group: &Group, weights: &Weights) -> Vec<(usize, f64)> {
        self.rank_by(group, |s| s.balanced(weights))
    }

    /// A group's teams ranked by one stakeholder's score (0 customers, 1 employees, 2
    /// shareholders).
    pub fn ranking_for(&self, group: &Group, stakeholder: usize) -> Vec<(usize, f64)> {
        self.rank_by(group, |s| s.each()[stakeholder.min(2)])
    }

    fn rank_by(&self, group: &Group, score: impl Fn(&Scores) -> f64) -> Vec<(usize, f64)> {
        let mut v: Vec<(usize, f64)> = group
            .teams
            .iter()
            .map(|&i| (i, score(&self.teams[i].scores)))
            .collect();
        v.sort_by(|a, b| {
            b.1.total_cmp(&a.1)
                .then_with(|| self.teams[a.0].name().cmp(self.teams[b.0].name()))
                .then_with(|| a.0.cmp(&b.0))
        });
        v
    }

    /// The decisions where a group's teams went different ways: each dilemma at which they
    /// chose differently, and each lever they set more than [`LEVER_SPREAD`] apart (at the first
    /// day they were), with every team's retention, morale and cash [`LATER_DAYS`] later.
    pub fn divergences(&self, group: &Group) -> Vec<Divergence> {
        let teams: Vec<&Team> = group.teams.iter().map(|&i| &self.teams[i]).collect();
        let mut out = Vec::new();
        // Dilemmas, in the order they were first met.
        let mut met: Vec<(u32, String, Text)> = Vec::new();
        for t in &teams {
            for c in &t.results.choices {
                match met.iter_mut().find(|m| m.1 == c.dilemma) {
                    Some(m) => m.0 = m.0.min(c.day),
                    None => met.push((c.day, c.dilemma.clone(), c.title.clone())),
                }
            }
        }
        met.sort_by(|a, b| a.0.cmp(&b.0).then_with(|| a.1.cmp(&b.1)));
        for (day, id, title) in met {
            let rows: Vec<DivergenceRow> = group
                .teams
                .iter()
                .zip(&teams)
                .filter_map(|(&i, t)| {
                    let c = t.results.choices.iter().find(|c| c.dilemma == id)?;
                    Some(DivergenceRow {
                        team: i,
                        what: Chosen::Choice(c.choice.clone(), c.label.clone()),
                        day: c.day,
                        later: later(&t.results.series, c.day),
                    })
                })
                .collect();
            let distinct: std::collections::BTreeSet<&str> = rows
                .iter()
                .filter_map(|r| match &r.what {
                    Chosen::Choice(id, _) => Some(id.as_str()),
                    Chosen::Levers(_) => None,
                })
                .collect();
            if distinct.len() > 1 {
                out.push(Divergence {
                    what: Diverged::Dilemma { id, title },
                    day,
                    rows,
                });
            }
        }
        // Levers: the first day (one on which some team changed something) that they were apart.
        let mut days: Vec<u32> = teams.iter().flat_map(|t| t.results.change_days()).collect();
        days.sort_unstable();
        days.dedup();
        // Levers that came apart on the same day make one divergence.
        let mut by_day: Vec<(u32, Vec<Lever>)> = Vec::new();
        for lever in Lever::ALL {
            let first = days.iter().copied().find(|&d| {
                let values: Vec<LeverValue> = teams
                    .iter()
                    .filter(|t| t.results.days() > d)
                    .map(|t| t.results.levers_on(d).get(lever))
                    .collect();
                apart(&values)
            });
            if let Some(day) = first {
                match by_day.iter_mut().find(|(d, _)| *d == day) {
                    Some((_, levers)) => levers.push(lever),
                    None => by_day.push((day, vec![lever])),
                }
            }
        }
        for (day, levers) in by_day {
            let rows = group
                .teams
                .iter()
                .zip(&teams)
                .filter(|(_, t)| t.results.days() > day)
                .map(|(&i, t)| {
                    let on = t.results.levers_on(day);
                    DivergenceRow {
                        team: i,
                        what: Chosen::Levers(levers.iter().map(|&l| on.get(l)).collect()),
                        day,
                        later: later(&t.results.series, day),
                    }
                })
                .collect();
            out.push(Divergence {
                what: Diverged::Levers(levers),
                day,
                rows,
            });
        }
        out.sort_by_key(|d| d.day);
        out
    }
}

impl Class {
    /// Writes every team's printable page into `dir` (created if needed), each in its team's
    /// language, ranked under `weights` (each world's own if None). Returns how many.
    pub fn write_team_pages(
        &self,
        dir: &Path,
        weights: Option<&Weights>,
    ) -> std::io::Result<usize> {
        crate::platform::files::create_dir_all(dir)?;
        let mut n = 0;
        for g in &self.groups {
            let w = weights.cloned().unwrap_or_else(|| g.weights.clone());
            for &i in &g.teams {
                let page = super::html::team::html(self, g, i, &w);
                let name = super::html::team::file_name(self.teams[i].name(), i);
                super::files::write_atomic(&dir.join(name), page.as_bytes())?;
                n += 1;
            }
        }
        Ok(n)
    }
}

/// A results file, read: ranked from its replay, or apart with why.
enum Read {
    Ranked(Box<Team>),
    Apart(Unranked),
}

/// Reads a team's file and replays its decisions on the trainer's copy of its scenario: the
/// team as the replay gives it, or why it is not ranked.
async fn read_team(f: &Path, known: &[Known], slices: &mut Slices) -> Result<Read, FileProblems> {
    let claimed = ResultsFile::load(f)?;
    let apart = |why: Apart| {
        Ok(Read::Apart(Unranked {
            file: f.to_path_buf(),
            team: claimed.team.clone(),
            days: claimed.days(),
            why,
        }))
    };
    if claimed.model_version != crate::sim::MODEL_VERSION {
        return apart(Apart::OtherModel {
            theirs: claimed.model_version,
        });
    }
    let Some(k) = known.iter().find(|k| k.hash == claimed.scenario.hash) else {
        return apart(Apart::UnknownScenario {
            name: claimed.scenario.name.clone(),
        });
    };
    let replayed = match replay(&claimed, &k.scenario, k.deck.as_ref(), slices).await {
        Ok(r) => r,
        Err(m) => return apart(Apart::Unreplayable(m)),
    };
    let parts = differences(&claimed, &replayed);
    if !parts.is_empty() {
        return apart(Apart::Differs { parts });
    }
    let scores = replayed.scores();
    Ok(Read::Ranked(Box::new(Team {
        file: f.to_path_buf(),
        edited: !claimed.intact(),
        release: (claimed.game_version != env!("CARGO_PKG_VERSION"))
            .then(|| claimed.game_version.clone()),
        results: replayed,
        scores,
    })))
}

/// The run a file's decisions give on `scenario` (its base `deck`: a timed session's
/// workshop dilemmas are put on their fixed days here), for as many days as the file says were
/// played (or until the game ends), as a results file with the team's name, language, session
/// code and preset.
pub async fn replay(
    claimed: &ResultsFile,
    scenario: &Scenario,
    deck: Option<&Deck>,
    slices: &mut Slices,
) -> Result<ResultsFile, Msg> {
    let decisions = claimed.replay_decisions()?;
    let played = claimed.preset.deck(scenario, deck);
    let mut run = Stepper::replay(
        scenario,
        claimed.seed,
        &decisions,
        played.as_ref(),
        claimed.days(),
    );
    while run.step() {
        slices.between().await;
    }
    let mut r = super::results::collect(run.world_mut(), scenario, claimed.seed, &claimed.policy);
    // "End the game here" is the team's own stop, which no replay can know: a file that says so
    // is taken at its word only where the replay had not ended by then.
    if r.end.is_none()
        && claimed.end == Some(crate::sim::EndReason::EndedByPlayer)
        && r.rows.len() == claimed.series.len()
    {
        r.end = claimed.end;
    }
    let mut f = ResultsFile::of_run(
        &r,
        deck,
        &claimed.team,
        claimed.session_code.as_deref(),
        claimed.preset,
        claimed.lang(),
    );
    f.game_version = claimed.game_version.clone();
    f.content_hash = f.hash();
    Ok(f)
}

/// The parts in which what a file says differs from its replay.
pub fn differences(claimed: &ResultsFile, replayed: &ResultsFile) -> Vec<Part> {
    let mut parts = Vec::new();
    if claimed.scenario != replayed.scenario {
        parts.push(Part::Scenario);
    }
    if (claimed.end, claimed.outcome) != (replayed.end, replayed.outcome) {
        parts.push(Part::Ending);
    }
    if claimed.totals != replayed.totals {
        parts.push(Part::Totals);
    }
    if claimed.decisions != replayed.decisions {
        parts.push(Part::Decisions);
    }
    if claimed.choices != replayed.choices {
        parts.push(Part::Choices);
    }
    if claimed.series != replayed.series {
        parts.push(Part::Figures);
    }
    parts
}

/// Whether replaying a file's decisions on the scenario gives everything it says, exactly.
pub fn replays(f: &ResultsFile, scenario: &Scenario, deck: Option<&Deck>) -> bool {
    bevy::tasks::block_on(replay(f, scenario, deck, &mut Slices::new()))
        .is_ok_and(|r| differences(f, &r).is_empty())
}

/// Whether two teams' files are one game: the same world, name, days and decisions.
fn same_game(a: &Team, b: &Team) -> bool {
    let (a, b) = (&a.results, &b.results);
    a.scenario.hash == b.scenario.hash
        && a.seed == b.seed
        && a.preset == b.preset
        && same_name(&a.team, &b.team)
        && a.days() == b.days()
        && a.decisions == b.decisions
        && a.choices == b.choices
}

/// Names a person would take for one: the same letters, whatever their case and spaces.
fn same_name(a: &str, b: &str) -> bool {
    let key = |s: &str| {
        s.split_whitespace()
            .collect::<Vec<_>>()
            .join(" ")
            .to_lowercase()
    };
    key(a) == key(b)
}

/// Teams of a world that share a name, or that made exactly the same decisions under different
/// names.
fn alike(teams: &[Team], members: &[usize]) -> Vec<Same> {
    let mut out = Vec::new();
    let mut seen: Vec<usize> = Vec::new();
    for (n, &i) in members.iter().enumerate() {
        if seen.contains(&i) {
            continue;
        }
        let named: Vec<usize> = members[n..]
            .iter()
            .copied()
            .filter(|&j| same_name(teams[i].name(), teams[j].name()))
            .collect();
        if named.len() > 1 {
            seen.extend(&named);
            out.push(Same::Name(named));
        }
    }
    let mut seen: Vec<usize> = Vec::new();
    for (n, &i) in members.iter().enumerate() {
        if seen.contains(&i) {
            continue;
        }
        let a = &teams[i].results;
        let same: Vec<usize> = members[n..]
            .iter()
            .copied()
            .filter(|&j| {
                let o = &teams[j].results;
                o.decisions == a.decisions && o.choices == a.choices && o.days() == a.days()
            })
            .collect();
        if same.len() > 1 {
            seen.extend(&same);
            out.push(Same::Decisions(same));
        }
    }
    out
}

/// Whether lever values are more than [`LEVER_SPREAD`] apart (numbers, relative to the larger
/// magnitude) or differ at all (choices).
fn apart(values: &[LeverValue]) -> bool {
    if values.len() < 2 {
        return false;
    }
    let numbers: Vec<f64> = values.iter().filter_map(|v| v.number()).collect();
    if numbers.len() == values.len() {
        let lo = numbers.iter().copied().fold(f64::INFINITY, f64::min);
        let hi = numbers.iter().copied().fold(f64::NEG_INFINITY, f64::max);
        let scale = lo.abs().max(hi.abs());
        scale > 0.0 && (hi - lo) > LEVER_SPREAD * scale
    } else {
        values.iter().any(|v| *v != values[0])
    }
}

/// Retention, morale and cash [`LATER_DAYS`] after `day`, if the series reaches that far.
fn later(s: &Series, day: u32) -> Option<Later> {
    let target = day + LATER_DAYS;
    let i = s.at_day(target).filter(|&i| s.day[i] == target)?;
    Some(Later {
        retention: s.retention[i],
        morale: s.morale[i],
        cash: s.cash[i],
    })
}

/// A decision where teams went different ways.
#[derive(Debug, Clone, PartialEq)]
pub struct Divergence {
    pub what: Diverged,
    /// The first day a team met the dilemma, or the day the lever was first apart.
    pub day: u32,
    pub rows: Vec<DivergenceRow>,
}

#[derive(Debug, Clone, PartialEq)]
pub enum Diverged {
    Dilemma {
        id: String,
        title: Text,
    },
    /// Levers the teams set apart, from the same day.
    Levers(Vec<Lever>),
}

/// What one team did at a divergence, and where they were later.
#[derive(Debug, Clone, PartialEq)]
pub struct DivergenceRow {
    pub team: usize,
    pub what: Chosen,
    pub day: u32,
    pub later: Option<Later>,
}

#[derive(Debug, Clone, PartialEq)]
pub enum Chosen {
    /// A dilemma's choice: its id and words.
    Choice(String, Text),
    /// The team's value of each lever of [`Diverged::Levers`].
    Levers(Vec<LeverValue>),
}

impl Chosen {
    /// As a person reads it.
    pub fn show(&self, what: &Diverged, lang: Lang) -> String {
        match (self, what) {
            (Chosen::Choice(_, label), _) => label.get(lang).to_string(),
            (Chosen::Levers(values), Diverged::Levers(levers)) => levers
                .iter()
                .zip(values)
                .map(|(l, v)| format!("{} {}", l.label(lang), v.show(*l, lang)))
                .collect::<Vec<_>>()
                .join(" · "),
            (Chosen::Levers(_), Diverged::Dilemma { .. }) => String::new(),
        }
    }

    /// The values alone, one per lever (the HTML table's cells).
    pub fn cells(&self, what: &Diverged, lang: Lang) -> Vec<String> {
        match (self, what) {
            (Chosen::Levers(values), Diverged::Levers(levers)) => levers
                .iter()
                .zip(values)
                .map(|(l, v)| v.show(*l, lang))
                .collect(),
            _ => vec![self.show(what, lang)],
        }
    }
}

/// A team's figures [`LATER_DAYS`] after a decision.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Later {
    pub retention: f64,
    pub morale: f64,
    pub cash: i64,
}
