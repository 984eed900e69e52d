//! What the class view says, built once: every sentence, heading and cell of a class folder and of
//! each world in it, in one language and under the trainer's weights. The terminal
//! (`customer-first class`), the HTML page for the room ([`super::html::class`]), each team's
//! printable page ([`super::html::team`]) and the game's Class screen draw these; none of them
//! builds a sentence of its own about the class.

use crate::i18n::{Lang, message, percent};
use crate::scenario::Weights;
use crate::tr;

use super::class::{
    Apart, Chosen, Class, Diverged, DivergenceRow, Group, LATER_DAYS, Same, Team, Unranked,
};
use super::score::Series;

/// One figure of a day, read off a team's series (for a chart).
pub type Figure = fn(&Series, usize) -> f64;

/// The figures the class view charts for every team: catalogue key and value.
pub const FIGURES: [(&str, Figure); 4] = [
    ("metric-retention", |s, i| 100.0 * s.retention[i]),
    ("metric-reputation", |s, i| s.reputation[i]),
    ("metric-morale", |s, i| 100.0 * s.morale[i]),
    ("metric-cash", |s, i| s.cash[i] as f64 / 100.0),
];

/// The three stakeholders' catalogue keys, in the order of [`super::score::Scores::each`].
pub const STAKEHOLDERS: [&str; 3] = ["customers", "employees", "shareholders"];

/// The colour of team `i` as RGB: Okabe–Ito first, then hues a golden angle apart.
pub fn team_rgb(i: usize) -> (u8, u8, u8) {
    const FIRST: [(u8, u8, u8); 7] = [
        (0, 114, 178),
        (213, 94, 0),
        (0, 158, 115),
        (204, 121, 167),
        (230, 159, 0),
        (86, 180, 233),
        (0, 0, 0),
    ];
    if let Some(&c) = FIRST.get(i) {
        return c;
    }
    // HSV with saturation 0.7 and value 0.7.
    let h = ((i * 137) % 360) as f64 / 60.0;
    let (v, s) = (0.7, 0.7);
    let c = v * s;
    let x = c * (1.0 - (h % 2.0 - 1.0).abs());
    let (r, g, b) = match h as u32 {
        0 => (c, x, 0.0),
        1 => (x, c, 0.0),
        2 => (0.0, c, x),
        3 => (0.0, x, c),
        4 => (x, 0.0, c),
        _ => (c, 0.0, x),
    };
    let m = v - c;
    let byte = |u: f64| ((u + m) * 255.0).round() as u8;
    (byte(r), byte(g), byte(b))
}

/// Colour words a team may take as its name (in English and Chinese), and the palette colour
/// ([`team_rgb`]) each asks for: a team called Red is drawn red, not orange.
const NAMED_COLOURS: [(&[&str], usize); 7] = [
    (&["blue", "蓝"], 0),
    (&["red", "红"], 1),
    (&["green", "绿"], 2),
    (&["purple", "pink", "violet", "紫", "粉"], 3),
    (&["orange", "yellow", "gold", "橙", "黄", "金"], 4),
    (&["sky", "cyan", "teal", "青"], 5),
    (&["black", "黑"], 6),
];

/// The palette colour of each team of a world, in its order: a team whose name names a colour
/// gets it (the first such team, if two ask for one), the others the first colours left; no two
/// teams of a world share one.
pub fn colours(class: &Class, g: &Group) -> Vec<usize> {
    let asks = |name: &str| -> Option<usize> {
        let lower = name.to_lowercase();
        let words: Vec<&str> = lower
            .split(|c: char| !c.is_alphanumeric() || !c.is_ascii())
            .collect();
        NAMED_COLOURS
            .iter()
            .find(|(names, _)| {
                names.iter().any(|n| {
                    if n.is_ascii() {
                        words.contains(n)
                    } else {
                        lower.contains(n)
                    }
                })
            })
            .map(|&(_, c)| c)
    };
    let mut out: Vec<Option<usize>> = vec![None; g.teams.len()];
    let mut taken = std::collections::BTreeSet::new();
    for (slot, &i) in out.iter_mut().zip(&g.teams) {
        if let Some(c) = asks(class.teams[i].name())
            && taken.insert(c)
        {
            *slot = Some(c);
        }
    }
    let mut next = 0;
    out.into_iter()
        .map(|c| {
            c.unwrap_or_else(|| {
                while taken.contains(&next) {
                    next += 1;
                }
                taken.insert(next);
                next
            })
        })
        .collect()
}

/// The colour of team `i` as `#rrggbb`.
pub fn team_colour(i: usize) -> String {
    let (r, g, b) = team_rgb(i);
    format!("#{r:02X}{g:02X}{b:02X}")
}

/// What the class view says about the folder as a whole.
#[derive(Debug, Clone)]
pub struct Folder {
    /// The page's title.
    pub title: String,
    /// Which folder, and how many teams were read from it.
    pub read: String,
    /// Said when no team was read.
    pub none: Option<String>,
    /// Said when the teams played more than one world.
    pub separate: Option<String>,
    /// The heading over the files that could not be read, and each with why.
    pub not_read_title: String,
    pub not_read: Vec<String>,
    /// The heading over the results files read but not ranked, and each with why.
    pub apart_title: String,
    pub apart: Vec<String>,
    /// What the ranking rests on: said on every class view.
    pub verified: String,
}

impl Folder {
    pub fn of(class: &Class, lang: Lang) -> Folder {
        let folder = class.folder.display().to_string();
        Folder {
            title: tr!(lang, "class-title"),
            read: tr!(
                lang,
                "class-folder",
                folder = folder.as_str(),
                teams = class.teams.len()
            ),
            none: class
                .teams
                .is_empty()
                .then(|| tr!(lang, "class-none", folder = folder.as_str())),
            separate: (class.groups.len() > 1).then(|| tr!(lang, "class-separate")),
            not_read_title: tr!(lang, "class-not-read"),
            not_read: class
                .rejected
                .iter()
                .map(|r| printable(&r.render(lang)))
                .collect(),
            apart_title: tr!(lang, "class-apart-title"),
            apart: class.apart.iter().map(|u| unranked(u, lang)).collect(),
            verified: tr!(lang, "class-verified"),
        }
    }
}

/// A file read but not ranked, and why, as one line.
fn unranked(u: &Unranked, lang: Lang) -> String {
    let why = match &u.why {
        Apart::OtherModel { theirs } => tr!(
            lang,
            "class-apart-model",
            theirs = *theirs,
            ours = crate::sim::MODEL_VERSION
        ),
        Apart::UnknownScenario { name } => {
            tr!(lang, "class-apart-scenario", scenario = name.get(lang))
        }
        Apart::Unreplayable(m) => tr!(lang, "class-apart-unreplayable", why = m.render(lang)),
        Apart::Differs { parts } => tr!(
            lang,
            "class-apart-differs",
            parts = parts
                .iter()
                .map(|p| message(lang, p.key(), None))
                .collect::<Vec<_>>()
                .join(", ")
        ),
        Apart::Copy { of } => tr!(lang, "class-apart-copy", file = file_name(of)),
    };
    printable(&tr!(
        lang,
        "class-apart-line",
        file = file_name(&u.file),
        team = u.team.as_str(),
        days = u.days,
        why = why
    ))
}

/// A file's name as a line shows it.
fn file_name(p: &std::path::Path) -> String {
    p.file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_else(|| p.display().to_string())
}

/// Text with no control characters but line breaks: a name or a file name handed in cannot
/// clear a trainer's terminal or retitle its window.
pub fn printable(s: &str) -> String {
    s.chars()
        .filter(|&c| c == '\n' || !c.is_control())
        .collect()
}

/// The scenario's notes for the trainer.
#[derive(Debug, Clone)]
pub struct Notes {
    pub title: String,
    pub usually: String,
    pub discuss: Vec<String>,
}

/// One team's row in a world's ranking.
#[derive(Debug, Clone)]
pub struct Row {
    /// 1 for the first.
    pub rank: usize,
    /// An index into [`Class::teams`].
    pub team: usize,
    /// The team's colour in its world ([`colours`], drawn by [`team_rgb`]).
    pub colour: usize,
    pub name: String,
    /// The balanced score under the weights, and each stakeholder's.
    pub score: f64,
    pub each: [f64; 3],
    pub days: u32,
    pub ending: String,
    /// How the file was checked (replayed), and anything to know about it.
    pub check: String,
}

/// The ranking by one stakeholder's score.
#[derive(Debug, Clone)]
pub struct Best {
    /// "Best for customers".
    pub title: String,
    /// "Best for customers: Team (71.2)", for the first; none in a world without teams.
    pub line: Option<String>,
    /// Every team, best first: (index into [`Class::teams`], name, score).
    pub teams: Vec<(usize, String, f64)>,
}

/// One team at a decision where the teams went different ways.
#[derive(Debug, Clone)]
pub struct Went {
    /// An index into [`Class::teams`].
    pub team: usize,
    pub name: String,
    pub day: u32,
    /// What it chose, as one sentence and as one cell per lever (a dilemma: one cell).
    pub chosen: Chosen,
    pub chose: String,
    pub cells: Vec<String>,
    /// Where it stood [`LATER_DAYS`] later, as one sentence and as three cells (retention,
    /// morale, cash).
    pub later: String,
    pub later_cells: [String; 3],
}

/// A decision where the teams went different ways.
#[derive(Debug, Clone)]
pub struct Divergence {
    pub day: u32,
    pub heading: String,
    /// The dilemma's title, when it is one (one choice a team, and the day it chose) rather
    /// than levers.
    pub dilemma: Option<String>,
    /// Headings of the choice's cells (the levers' names, or "Chose" and "Day"), then of the
    /// three later figures.
    pub columns: Vec<String>,
    pub later_columns: [String; 3],
    pub teams: Vec<Went>,
}

/// Everything the class view says about one world.
#[derive(Debug, Clone)]
pub struct World {
    pub heading: String,
    pub codes: Option<String>,
    /// Teams that share a name, or made exactly the same decisions.
    pub same: Vec<String>,
    pub notes: Option<Notes>,
    /// The weights the ranking follows, and the sentence that gives their shares.
    pub weights: Weights,
    pub weights_title: String,
    pub weights_line: String,
    /// Headings of the ranking: rank, team, balanced, the three stakeholders, days, ending, check.
    pub columns: [String; 9],
    pub ranking: Vec<Row>,
    /// How the scores are made.
    pub score_how: String,
    pub best: [Best; 3],
    pub charts_title: String,
    pub diverged_title: String,
    /// Said when the teams never went different ways.
    pub diverged_none: Option<String>,
    pub divergences: Vec<Divergence>,
}

impl World {
    /// World `g` of `class`, ranked under `weights` (the scenario's own when `None`).
    pub fn of(class: &Class, g: &Group, weights: Option<&Weights>, lang: Lang) -> World {
        let weights = weights.cloned().unwrap_or_else(|| g.weights.clone());
        let [c, e, s] = weights.shares();
        let palette = colours(class, g);
        let ranking = class
            .ranking(g, &weights)
            .into_iter()
            .enumerate()
            .map(|(rank, (i, score))| {
                let t = &class.teams[i];
                Row {
                    rank: rank + 1,
                    team: i,
                    colour: g
                        .teams
                        .iter()
                        .position(|&x| x == i)
                        .map_or(0, |k| palette[k]),
                    name: t.name().to_string(),
                    score,
                    each: t.scores.each(),
                    days: t.results.days(),
                    ending: t.results.ending(lang),
                    check: check(t, lang),
                }
            })
            .collect();
        let best = std::array::from_fn(|k| {
            let who = message(lang, STAKEHOLDERS[k], None);
            let teams: Vec<(usize, String, f64)> = class
                .ranking_for(g, k)
                .into_iter()
                .map(|(i, score)| (i, class.teams[i].name().to_string(), score))
                .collect();
            Best {
                title: tr!(lang, "class-best-for", who = who.as_str()),
                line: teams.first().map(|(_, team, score)| {
                    tr!(
                        lang,
                        "class-best-line",
                        who = who.as_str(),
                        team = team.as_str(),
                        score = crate::i18n::number(*score, 1)
                    )
                }),
                teams,
            }
        });
        let divergences: Vec<Divergence> = class
            .divergences(g)
            .iter()
            .map(|d| divergence(class, g, d, lang))
            .collect();
        World {
            heading: heading(g, lang),
            same: same_notes(class, g, lang),
            codes: (!g.codes.is_empty())
                .then(|| tr!(lang, "class-codes", codes = g.codes.join(", "))),
            notes: g.notes.as_ref().map(|n| Notes {
                title: tr!(lang, "trainer-notes-title"),
                usually: tr!(lang, "trainer-notes-usually", text = n.usually.get(lang)),
                discuss: n.discuss.iter().map(|q| q.get(lang).to_string()).collect(),
            }),
            weights_title: tr!(lang, "class-weights"),
            weights_line: tr!(
                lang,
                "class-weights-line",
                customers = percent(c, 0),
                employees = percent(e, 0),
                shareholders = percent(s, 0)
            ),
            weights,
            columns: [
                "class-rank",
                "class-team",
                "class-balanced",
                "customers",
                "employees",
                "shareholders",
                "class-days",
                "class-ending",
                "class-check",
            ]
            .map(|key| message(lang, key, None)),
            ranking,
            score_how: tr!(lang, "class-score-how"),
            best,
            charts_title: tr!(lang, "class-charts"),
            diverged_title: tr!(lang, "class-diverged"),
            diverged_none: divergences
                .is_empty()
                .then(|| tr!(lang, "class-diverged-none")),
            divergences,
        }
    }
}

/// What the check column says of a ranked team: replayed, and what else to know.
fn check(t: &Team, lang: Lang) -> String {
    let mut s = tr!(lang, "class-trust-replayed");
    if t.edited {
        s.push_str(" · ");
        s.push_str(&tr!(lang, "class-trust-edited"));
    }
    if let Some(v) = &t.release {
        s.push_str(" · ");
        s.push_str(&tr!(lang, "class-trust-release", version = printable(v)));
    }
    s
}

/// A world's heading: its scenario, seed and how many teams played it, then the session (free
/// play or a timed workshop) and, for unfinished games, the day they stopped on.
pub fn heading(g: &Group, lang: Lang) -> String {
    let mut h = tr!(
        lang,
        "class-world",
        scenario = g.scenario.get(lang),
        seed = g.seed.to_string(),
        teams = g.teams.len()
    );
    h.push_str(" · ");
    h.push_str(&message(lang, g.preset.label_key(), None));
    if let Some(day) = g.stopped {
        h.push_str(" · ");
        h.push_str(&tr!(
            lang,
            "class-world-unfinished",
            day = day,
            horizon = g.horizon
        ));
    }
    h
}

/// Notes on teams of a world that share a name or made exactly the same decisions.
fn same_notes(class: &Class, g: &Group, lang: Lang) -> Vec<String> {
    let names = |v: &[usize]| -> String {
        v.iter()
            .map(|&i| {
                let t = &class.teams[i];
                format!("{} ({})", t.name(), file_name(&t.file))
            })
            .collect::<Vec<_>>()
            .join(", ")
    };
    g.same
        .iter()
        .map(|s| match s {
            Same::Name(v) => printable(&tr!(lang, "class-same-name", teams = names(v))),
            Same::Decisions(v) => printable(&tr!(lang, "class-same-decisions", teams = names(v))),
        })
        .collect()
}

fn divergence(class: &Class, g: &Group, d: &super::class::Divergence, lang: Lang) -> Divergence {
    let currency = &class.teams[g.teams[0]].results.scenario.currency;
    let dilemma = match &d.what {
        Diverged::Dilemma { title, .. } => Some(title.get(lang).to_string()),
        Diverged::Levers(_) => None,
    };
    let (heading, columns) = match &d.what {
        Diverged::Dilemma { title, .. } => (
            tr!(
                lang,
                "class-diverged-dilemma",
                title = title.get(lang),
                day = d.day
            ),
            vec![tr!(lang, "class-chose"), tr!(lang, "class-day")],
        ),
        Diverged::Levers(levers) => (
            tr!(lang, "class-diverged-levers", day = d.day),
            levers.iter().map(|l| l.label(lang)).collect(),
        ),
    };
    let went = |r: &DivergenceRow| {
        let (later, later_cells) = match r.later {
            Some(l) => {
                let cells = [
                    percent(l.retention, 1),
                    percent(l.morale, 0),
                    currency.money(l.cash),
                ];
                let sentence = tr!(
                    lang,
                    "class-later",
                    days = LATER_DAYS,
                    retention = cells[0].as_str(),
                    morale = cells[1].as_str(),
                    cash = cells[2].as_str()
                );
                (sentence, cells)
            }
            None => {
                let n = tr!(lang, "class-not-yet");
                (n.clone(), [n.clone(), n.clone(), n])
            }
        };
        let mut cells = r.what.cells(&d.what, lang);
        if dilemma.is_some() {
            cells.push(r.day.to_string());
        }
        Went {
            team: r.team,
            name: class.teams[r.team].name().to_string(),
            day: r.day,
            chose: r.what.show(&d.what, lang),
            chosen: r.what.clone(),
            cells,
            later,
            later_cells,
        }
    };
    Divergence {
        day: d.day,
        heading,
        dilemma: dilemma.clone(),
        columns,
        later_columns: [
            tr!(lang, "class-later-retention", days = LATER_DAYS),
            tr!(lang, "class-later-morale", days = LATER_DAYS),
            tr!(lang, "class-later-cash", days = LATER_DAYS),
        ],
        teams: d.rows.iter().map(went).collect(),
    }
}
