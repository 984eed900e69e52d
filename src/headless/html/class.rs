//! The class view as one self-contained HTML page for the room: for each world the teams
//! played, the leaderboard by the balanced scorecard (weights the trainer can change on the page:
//! the ranking follows) and by each stakeholder, every team's retention, reputation, morale and
//! cash on one chart each, and the decisions where the teams went different ways; the files that
//! could not be read, with why. What it says comes from [`crate::headless::class_view`].

use std::fmt::Write as _;

use super::svg::{self, Chart, Line};
use super::{Page, esc};
use crate::headless::class::{Class, Group};
use crate::headless::class_view::{FIGURES, Figure, Folder, World, colours, team_colour};
use crate::i18n::{Lang, message, number};
use crate::scenario::Weights;
use crate::tr;

/// Points a team's line keeps at most: the page stays small for a long run.
const MAX_POINTS: usize = 400;

/// The page, in `lang`; `weights` overrides each scenario's own (the trainer's choice).
pub fn html(class: &Class, weights: Option<&Weights>, lang: Lang) -> String {
    let folder = Folder::of(class, lang);
    let mut o = String::new();
    super::start(&mut o, Page::Class, lang, &folder.title);
    let _ = writeln!(o, "<h1>{}</h1>", esc(&folder.title));
    let _ = writeln!(o, "<p class=\"folder\">{}</p>", esc(&folder.read));
    if let Some(none) = &folder.none {
        let _ = writeln!(o, "<p>{}</p>", esc(none));
    }
    if let Some(separate) = &folder.separate {
        let _ = writeln!(o, "<p class=\"note\">{}</p>", esc(separate));
    }
    let _ = writeln!(
        o,
        "<p class=\"note verified\">{}</p>",
        esc(&folder.verified)
    );
    for (gi, g) in class.groups.iter().enumerate() {
        world(&mut o, class, g, gi, weights, lang);
    }
    files(&mut o, "apart", &folder.apart_title, &folder.apart);
    files(&mut o, "not-read", &folder.not_read_title, &folder.not_read);
    let _ = writeln!(o, "<script>{SCRIPT}</script>");
    super::end(&mut o);
    o
}

/// A section listing files with why (none when there are none).
fn files(o: &mut String, id: &str, title: &str, lines: &[String]) {
    if lines.is_empty() {
        return;
    }
    let _ = writeln!(o, "<section id=\"{id}\"><h2>{}</h2><ul>", esc(title));
    for r in lines {
        let _ = writeln!(o, "<li><code>{}</code></li>", esc(r));
    }
    let _ = writeln!(o, "</ul></section>");
}

fn world(o: &mut String, class: &Class, g: &Group, gi: usize, w: Option<&Weights>, lang: Lang) {
    let v = World::of(class, g, w, lang);
    let _ = writeln!(
        o,
        "<section class=\"world\" id=\"world-{gi}\"><h2>{}</h2>",
        esc(&v.heading)
    );
    if let Some(codes) = &v.codes {
        let _ = writeln!(o, "<p>{}</p>", esc(codes));
    }
    for same in &v.same {
        let _ = writeln!(o, "<p class=\"note same\">{}</p>", esc(same));
    }
    if let Some(n) = &v.notes {
        let _ = writeln!(
            o,
            "<details class=\"notes\"><summary>{}</summary><p>{}</p><ul>",
            esc(&n.title),
            esc(&n.usually)
        );
        for q in &n.discuss {
            let _ = writeln!(o, "<li>{}</li>", esc(q));
        }
        let _ = writeln!(o, "</ul></details>");
    }
    // The weights, editable: the script re-ranks the table from each row's three scores.
    let _ = writeln!(
        o,
        "<form class=\"weights\" onsubmit=\"return false\"><strong>{}</strong> ",
        esc(&v.weights_title)
    );
    for (k, share) in v.weights.shares().into_iter().enumerate() {
        let _ = writeln!(
            o,
            "<label>{} <input type=\"number\" min=\"0\" max=\"100\" step=\"1\" \
             data-weight=\"{}\" value=\"{:.0}\"></label> ",
            esc(&v.columns[3 + k]),
            ["customers", "employees", "shareholders"][k],
            share * 100.0
        );
    }
    let _ = writeln!(
        o,
        "<span class=\"hint\">{}</span></form>",
        esc(&tr!(lang, "class-weights-hint"))
    );
    let _ = write!(o, "<table class=\"ranking\"><thead><tr>");
    for c in &v.columns {
        let _ = write!(o, "<th>{}</th>", esc(c));
    }
    let _ = writeln!(o, "</tr></thead><tbody>");
    for r in &v.ranking {
        let [sc, se, ss] = r.each;
        let _ = writeln!(
            o,
            "<tr data-c=\"{sc:.3}\" data-e=\"{se:.3}\" data-s=\"{ss:.3}\">\
             <td class=\"rank\">{}</td><td class=\"team\"><span class=\"swatch\" \
             style=\"background:{}\"></span>{}</td><td class=\"balanced\">{}</td><td>{}</td>\
             <td>{}</td><td>{}</td><td>{}</td><td>{}</td><td>{}</td></tr>",
            r.rank,
            team_colour(r.colour),
            esc(&r.name),
            number(r.score, 1),
            number(sc, 1),
            number(se, 1),
            number(ss, 1),
            r.days,
            esc(&r.ending),
            esc(&r.check)
        );
    }
    let _ = writeln!(o, "</tbody></table>");
    let _ = writeln!(o, "<p class=\"hint\">{}</p>", esc(&v.score_how));
    // Best for each stakeholder.
    let _ = writeln!(o, "<div class=\"best\">");
    for best in &v.best {
        let _ = writeln!(o, "<div><h3>{}</h3><ol>", esc(&best.title));
        for (_, name, score) in &best.teams {
            let _ = writeln!(
                o,
                "<li>{} <span class=\"num\">{}</span></li>",
                esc(name),
                number(*score, 1)
            );
        }
        let _ = writeln!(o, "</ol></div>");
    }
    let _ = writeln!(o, "</div>");
    // Every team on one chart per figure.
    let _ = writeln!(o, "<h3>{}</h3><div class=\"charts\">", esc(&v.charts_title));
    for (key, value) in FIGURES {
        chart(o, class, g, &message(lang, key, None), value, lang);
    }
    let _ = writeln!(o, "</div><p class=\"legend\">");
    let palette = colours(class, g);
    for (k, &i) in g.teams.iter().enumerate() {
        let _ = write!(
            o,
            "<span><span class=\"swatch\" style=\"background:{}\"></span>{}</span> ",
            team_colour(palette[k]),
            esc(class.teams[i].name())
        );
    }
    let _ = writeln!(o, "</p>");
    divergences(o, &v);
    let _ = writeln!(o, "</section>");
}

/// One figure of every team of a world, each in its colour.
fn chart(o: &mut String, class: &Class, g: &Group, title: &str, value: Figure, lang: Lang) {
    let palette = colours(class, g);
    let lines: Vec<Line> = g
        .teams
        .iter()
        .enumerate()
        .map(|(k, &i)| {
            let team = &class.teams[i];
            let s = &team.results.series;
            Line {
                points: (0..s.len()).map(|d| (s.day[d], value(s, d))).collect(),
                colour: team_colour(palette[k]),
                width: 1.5,
                dashed: false,
                title: team.name().to_string(),
            }
        })
        .collect();
    let day = |d: u32| tr!(lang, "day-n", day = d);
    svg::chart(
        o,
        &Chart {
            frame: svg::MEDIUM,
            title,
            lines: &lines,
            marks: &[],
            last_day: Some(&day),
            caption: &esc(title),
            max_points: MAX_POINTS,
        },
    );
}

fn divergences(o: &mut String, v: &World) {
    let _ = writeln!(o, "<h3>{}</h3>", esc(&v.diverged_title));
    if let Some(none) = &v.diverged_none {
        let _ = writeln!(o, "<p>{}</p>", esc(none));
    }
    for d in &v.divergences {
        let _ = write!(
            o,
            "<div class=\"scroll\"><table class=\"diverged\"><caption>{}</caption><thead><tr>\
             <th>{}</th>",
            esc(&d.heading),
            esc(&v.columns[1]),
        );
        for c in d.columns.iter().chain(&d.later_columns) {
            let _ = write!(o, "<th>{}</th>", esc(c));
        }
        let _ = writeln!(o, "</tr></thead><tbody>");
        for t in &d.teams {
            let _ = write!(o, "<tr><td>{}</td>", esc(&t.name));
            for c in t.cells.iter().chain(&t.later_cells) {
                let _ = write!(o, "<td>{}</td>", esc(c));
            }
            let _ = writeln!(o, "</tr>");
        }
        let _ = writeln!(o, "</tbody></table></div>");
    }
}

/// Re-ranks a world's table when its weights change (scores are kept on each row).
const SCRIPT: &str = "document.querySelectorAll('section.world').forEach(function(sec){\
var form=sec.querySelector('form.weights');var body=sec.querySelector('table.ranking tbody');\
if(!form||!body)return;function rerank(){var w={};var sum=0;\
form.querySelectorAll('input').forEach(function(i){var v=Math.max(0,parseFloat(i.value)||0);\
w[i.dataset.weight]=v;sum+=v;});if(sum<=0){w={customers:1,employees:1,shareholders:1};sum=3;}\
var rows=Array.prototype.slice.call(body.rows);rows.forEach(function(r){\
r._score=(w.customers*parseFloat(r.dataset.c)+w.employees*parseFloat(r.dataset.e)+\
w.shareholders*parseFloat(r.dataset.s))/sum;r.querySelector('td.balanced').textContent=\
r._score.toFixed(1);});rows.sort(function(a,b){return b._score-a._score;});\
rows.forEach(function(r,i){r.querySelector('td.rank').textContent=i+1;body.appendChild(r);});}\
form.addEventListener('input',rerank);});";
