//! The class view's data: every results file in a folder, checked, grouped by the world the
//! teams played (scenario and seed: teams on different worlds are never ranked together), ranked
//! by the balanced scorecard, and the decisions where the teams of a world went different ways.
//! `customer-first class` prints it and writes it as HTML ([`super::html::class`]); the game's
//! Class screen shows it.

use std::path::{Path, PathBuf};

use crate::diagnostics::{FileProblems, Problem};
use crate::dilemmas::Deck;
use crate::i18n::{Lang, Text};
use crate::levers::{Lever, LeverValue};
use crate::scenario::{Scenario, Weights};
use crate::sim::metrics::History;

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

/// How far a team's file can be trusted.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Trust {
    /// Replayed from its decisions on the scenario: every daily figure is the model's.
    Replayed,
    /// Its content hash matches, but it was not replayed (the scenario or the model's version
    /// is not at hand).
    Intact,
    /// Its content hash does not match its values: edited by hand.
    Edited,
    /// Its hash matches, but replaying its decisions gives other figures.
    ReplayDiffers,
}

impl Trust {
    /// Whether the class view marks the team as not to be trusted.
    pub fn doubtful(self) -> bool {
        matches!(self, Trust::Edited | Trust::ReplayDiffers)
    }

    /// The catalogue key of what the class view says about it.
    pub fn key(self) -> &'static str {
        match self {
            Trust::Replayed => "class-trust-replayed",
            Trust::Intact => "class-trust-intact",
            Trust::Edited => "class-trust-edited",
            Trust::ReplayDiffers => "class-trust-differs",
        }
    }
}

/// One team's results.
#[derive(Debug, Clone)]
pub struct Team {
    pub file: PathBuf,
    pub results: ResultsFile,
    pub trust: Trust,
    pub scores: Scores,
}

impl Team {
    pub fn name(&self) -> &str {
        &self.results.team
    }
}

/// Teams that played the same world.
#[derive(Debug, Clone)]
pub struct Group {
    pub scenario: Text,
    pub scenario_hash: String,
    pub seed: u64,
    /// The session codes the teams joined with (usually one).
    pub codes: Vec<String>,
    /// The scenario's weights.
    pub weights: Weights,
    /// Indices into [`Class::teams`], in file order.
    pub teams: Vec<usize>,
    /// The scenario's notes for the trainer, when the class view knows the scenario.
    pub notes: Option<crate::scenario::TrainerNotes>,
}

/// Everything read from a class folder.
#[derive(Debug, Clone, Default)]
pub struct Class {
    pub folder: PathBuf,
    /// Teams, in file-name order.
    pub teams: Vec<Team>,
    /// Files that are not results files or could not be read, with why.
    pub rejected: Vec<FileProblems>,
    /// Worlds, the one with the most teams first.
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
    /// class page and debriefs kept beside the results, skipped) and checks each:
    /// a file that is not a results file, or is broken, is listed with the reason and the rest
    /// go on. Results on a scenario in `known` are replayed from their decisions, on every core
    /// (in a browser one file after another, the page given its turns between slices of the
    /// replays: a class of thirty three-year games takes seconds). Fails only if the folder
    /// cannot be read.
    pub async fn load(folder: &Path, known: &[Known]) -> Result<Class, FileProblems> {
        let (files, rejected) = Self::files_in(folder)?;
        let read = crate::platform::map_in_order(files.len(), 0, async |i, slices: &mut Slices| {
            read_team(&files[i], known, slices).await
        })
        .await;
        Ok(Self::of_read(folder, known, read, rejected))
    }

    /// The files a class is read from, sorted, and those beyond [`MAX_FILES`] refused.
    fn files_in(folder: &Path) -> Result<(Vec<PathBuf>, Vec<FileProblems>), FileProblems> {
        let io = |e: std::io::Error| {
            FileProblems::single(
                folder,
                Problem::Io {
                    message: crate::msg!("diag-cannot-read", error = e),
                },
            )
        };
        let mut files: Vec<PathBuf> = crate::platform::files::list(folder)
            .map_err(io)?
            .into_iter()
            .filter(|p| crate::platform::files::metadata(p).is_ok_and(|m| !m.is_dir))
            .filter(|p| {
                let name = p
                    .file_name()
                    .map(|n| n.to_string_lossy().to_lowercase())
                    .unwrap_or_default();
                !name.starts_with('.') && !name.ends_with(".html")
            })
            .collect();
        files.sort();
        let mut rejected = Vec::new();
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
        read: Vec<Result<Team, FileProblems>>,
        mut rejected: Vec<FileProblems>,
    ) -> Class {
        let mut teams = Vec::new();
        for r in read {
            match r {
                Ok(t) => teams.push(t),
                Err(e) => rejected.push(e),
            }
        }
        rejected.sort_by(|a, b| a.file.cmp(&b.file));
        let mut class = Class::of_teams(folder, teams, rejected);
        for g in &mut class.groups {
            g.notes = known
                .iter()
                .find(|k| k.hash == g.scenario_hash)
                .and_then(|k| k.scenario.trainer_notes.clone());
        }
        class
    }

    /// Groups teams by world.
    pub fn of_teams(folder: &Path, teams: Vec<Team>, rejected: Vec<FileProblems>) -> Class {
        let mut groups: Vec<Group> = Vec::new();
        for (i, t) in teams.iter().enumerate() {
            let r = &t.results;
            let g = match groups
                .iter_mut()
                .find(|g| g.scenario_hash == r.scenario.hash && g.seed == r.seed)
            {
                Some(g) => g,
                None => {
                    groups.push(Group {
                        scenario: r.scenario.name.clone(),
                        scenario_hash: r.scenario.hash.clone(),
                        seed: r.seed,
                        codes: Vec::new(),
                        weights: r.scenario.scorecard.clone(),
                        teams: Vec::new(),
                        notes: None,
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
        // Stable: equal sizes keep the order of their first file.
        groups.sort_by_key(|g| std::cmp::Reverse(g.teams.len()));
        Class {
            folder: folder.to_path_buf(),
            teams,
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

/// A team as read from its file, checked ([`trust`]).
async fn read_team(f: &Path, known: &[Known], slices: &mut Slices) -> Result<Team, FileProblems> {
    let results = ResultsFile::load(f)?;
    let trust = trust(&results, known, slices).await;
    let scores = results.scores();
    Ok(Team {
        file: f.to_path_buf(),
        results,
        trust,
        scores,
    })
}

/// Whether a file can be trusted: its hash, then (where the scenario is at hand and the model
/// the same) a replay of its decisions.
async fn trust(f: &ResultsFile, known: &[Known], slices: &mut Slices) -> Trust {
    if !f.intact() {
        return Trust::Edited;
    }
    if f.model_version != crate::sim::MODEL_VERSION {
        return Trust::Intact;
    }
    let Some(k) = known.iter().find(|k| k.hash == f.scenario.hash) else {
        return Trust::Intact;
    };
    // A timed session's workshop dilemmas came on their fixed days.
    let deck = f.preset.deck(&k.scenario, k.deck.as_ref());
    if replays_in_slices(f, &k.scenario, deck.as_ref(), slices).await {
        Trust::Replayed
    } else {
        Trust::ReplayDiffers
    }
}

/// Whether replaying a file's decisions on the scenario gives its daily figures exactly.
pub fn replays(f: &ResultsFile, scenario: &Scenario, deck: Option<&Deck>) -> bool {
    bevy::tasks::block_on(replays_in_slices(f, scenario, deck, &mut Slices::new()))
}

/// [`replays`], a day at a time with a browser's page given its turns between slices.
async fn replays_in_slices(
    f: &ResultsFile,
    scenario: &Scenario,
    deck: Option<&Deck>,
    slices: &mut Slices,
) -> bool {
    let Ok(decisions) = f.replay_decisions() else {
        return false;
    };
    let mut run = Stepper::replay(scenario, f.seed, &decisions, deck, f.days());
    while run.step() {
        slices.between().await;
    }
    let rows = &run.world_mut().resource::<History>().rows;
    Series::of(rows) == f.series
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
