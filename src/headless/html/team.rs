//! A team's printable one-page debrief, to take away after a workshop: in the language the team
//! played in, where the team stands in its world (rank and the three stakeholder scores beside
//! the class's mean), its figures over time against every other team's, its decisions with their
//! days, and the moments it went its own way with where that left it 90 days later. One
//! self-contained HTML page, laid out for A4 paper. What the class view says about the team's
//! world comes from [`crate::headless::class_view`]; the sentences addressed to the team are
//! this page's own.

use std::fmt::Write as _;

use super::svg::{self, Chart, Line};
use super::{Page, esc};
use crate::headless::class::{Class, Group};
use crate::headless::class_view::{FIGURES, STAKEHOLDERS, World, colours, team_colour};
use crate::i18n::{message, number};
use crate::scenario::Weights;
use crate::tr;

/// Moments the page tells of where the team went its own way (the class view has them all).
const MAX_MOMENTS: usize = 4;

/// Points a team's line keeps at most on the page's small charts.
const MAX_POINTS: usize = 250;

/// The page for team `team` (an index into [`Class::teams`]) of world `group`.
pub fn html(class: &Class, group: &Group, team: usize, weights: &Weights) -> String {
    let t = &class.teams[team];
    let f = &t.results;
    let lang = f.lang();
    let mut o = String::new();
    let title = tr!(lang, "team-page-title", team = t.name());
    super::start(&mut o, Page::Team, lang, &title);
    let _ = writeln!(o, "<h1>{}</h1>", esc(&title));
    let ending = match f.end {
        Some(e) => e.describe(lang),
        None => tr!(lang, "class-playing"),
    };
    let world = match &f.session_code {
        Some(code) => tr!(
            lang,
            "team-page-world",
            scenario = f.scenario.name.get(lang),
            seed = f.seed.to_string(),
            code = code.as_str(),
            days = f.days(),
            ending = ending
        ),
        None => tr!(
            lang,
            "team-page-world-free",
            scenario = f.scenario.name.get(lang),
            seed = f.seed.to_string(),
            days = f.days(),
            ending = ending
        ),
    };
    let _ = writeln!(o, "<p class=\"world\">{}</p>", esc(&world));
    // Where the team stands.
    let view = World::of(class, group, Some(weights), lang);
    let place = view
        .ranking
        .iter()
        .find(|r| r.team == team)
        .map_or(1, |r| r.rank);
    let score = t.scores.balanced(weights);
    let _ = writeln!(
        o,
        "<p class=\"rank\"><strong>{}</strong></p>",
        esc(&tr!(
            lang,
            "team-page-rank",
            place = place,
            teams = view.ranking.len(),
            score = number(score, 1)
        ))
    );
    let n = group.teams.len().max(1) as f64;
    let mean = |k: usize| {
        group
            .teams
            .iter()
            .map(|&i| class.teams[i].scores.each()[k])
            .sum::<f64>()
            / n
    };
    let _ = writeln!(
        o,
        "<table class=\"scores\"><thead><tr><th></th><th>{}</th><th>{}</th></tr></thead><tbody>",
        esc(&tr!(lang, "team-page-yours")),
        esc(&tr!(lang, "team-page-class-mean"))
    );
    for (k, key) in STAKEHOLDERS.iter().enumerate() {
        let mine = t.scores.each()[k];
        let _ = writeln!(
            o,
            "<tr><th>{}</th><td><span class=\"bar\" style=\"width:{:.0}px\"></span> {}</td>\
             <td>{}</td></tr>",
            esc(&message(lang, key, None)),
            mine.clamp(0.0, 100.0) * 1.2,
            number(mine, 1),
            number(mean(k), 1)
        );
    }
    let _ = writeln!(o, "</tbody></table>");
    // The figures over time: the team in colour, the other teams in grey.
    let position = group.teams.iter().position(|&i| i == team).unwrap_or(0);
    let _ = writeln!(o, "<div class=\"charts\">");
    for (key, value) in FIGURES {
        let name = message(lang, key, None);
        // The other teams first, in grey: the team's own line is drawn on top.
        let mut lines: Vec<Line> = Vec::new();
        for mine in [false, true] {
            for &i in group.teams.iter().filter(|&&i| (i == team) == mine) {
                let s = &class.teams[i].results.series;
                lines.push(Line {
                    points: (0..s.len()).map(|d| (s.day[d], value(s, d))).collect(),
                    colour: if mine {
                        team_colour(colours(class, group)[position])
                    } else {
                        "#bbb".into()
                    },
                    width: if mine { 2.0 } else { 1.0 },
                    dashed: false,
                    title: class.teams[i].name().to_string(),
                });
            }
        }
        svg::chart(
            &mut o,
            &Chart {
                frame: svg::SMALL,
                title: &name,
                lines: &lines,
                marks: &[],
                last_day: None,
                caption: &esc(&name),
                max_points: MAX_POINTS,
            },
        );
    }
    let _ = writeln!(o, "</div>");
    // The team's decisions.
    let _ = writeln!(
        o,
        "<h2>{}</h2><ul class=\"decisions\">",
        esc(&tr!(lang, "team-page-decisions"))
    );
    let mut any = false;
    for d in f
        .decisions
        .iter()
        .filter(|d| d.source != crate::sim::levers::DecisionSource::Dilemma)
    {
        any = true;
        let _ = writeln!(
            o,
            "<li>{}</li>",
            esc(&tr!(lang, "day-text", day = d.day, text = d.set.show(lang)))
        );
    }
    for c in &f.choices {
        any = true;
        let _ = writeln!(
            o,
            "<li>{}</li>",
            esc(&tr!(
                lang,
                "day-text",
                day = c.day,
                text = format!("{} — {}", c.title.get(lang), c.label.get(lang))
            ))
        );
    }
    if !any {
        let _ = writeln!(o, "<li>{}</li>", esc(&tr!(lang, "team-page-no-decisions")));
    }
    let _ = writeln!(o, "</ul>");
    // Where the team went its own way.
    let _ = writeln!(o, "<h2>{}</h2>", esc(&tr!(lang, "team-page-own-way")));
    let mut own = 0;
    for d in &view.divergences {
        let Some(mine) = d.teams.iter().find(|w| w.team == team) else {
            continue;
        };
        let others: Vec<_> = d
            .teams
            .iter()
            .filter(|w| w.team != team && w.chosen != mine.chosen)
            .collect();
        if others.is_empty() {
            continue;
        }
        own += 1;
        // One page: the first few moments; the class view has them all.
        if own > MAX_MOMENTS {
            continue;
        }
        let what = match &d.dilemma {
            Some(title) => title.clone(),
            None => tr!(lang, "team-page-levers"),
        };
        let _ = writeln!(
            o,
            "<div class=\"own\"><p><strong>{}</strong></p><p>{}</p>",
            esc(&tr!(lang, "day-text", day = mine.day, text = what)),
            esc(&tr!(
                lang,
                "team-page-you-chose",
                choice = mine.chose.as_str(),
                later = mine.later.as_str()
            ))
        );
        for w in others.iter().take(2) {
            let _ = writeln!(
                o,
                "<p class=\"other\">{}</p>",
                esc(&tr!(
                    lang,
                    "team-page-they-chose",
                    team = w.name.as_str(),
                    choice = w.chose.as_str(),
                    later = w.later.as_str()
                ))
            );
        }
        let _ = writeln!(o, "</div>");
    }
    if own == 0 {
        let _ = writeln!(o, "<p>{}</p>", esc(&tr!(lang, "team-page-same-way")));
    }
    if own > MAX_MOMENTS {
        let _ = writeln!(
            o,
            "<p class=\"other\">{}</p>",
            esc(&tr!(lang, "team-page-more", n = own - MAX_MOMENTS))
        );
    }
    let _ = writeln!(o, "<p class=\"how\">{}</p>", esc(&view.score_how));
    super::end(&mut o);
    o
}

/// A file name for a team's page: its name made safe.
pub fn file_name(team: &str, index: usize) -> String {
    let safe: String = team
        .chars()
        .map(|c| if c.is_alphanumeric() { c } else { '-' })
        .collect();
    format!("{:02}-{}.debrief.html", index + 1, safe.trim_matches('-'))
}
