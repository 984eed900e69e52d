//! The class view as one self-contained HTML page for the room: for each world the teams
//! played, the leaderboard by the balanced scorecard (weights the trainer can change on the page:
//! the ranking follows) and by each stakeholder, every team's retention, reputation, morale and
//! cash on one chart each, and the decisions where the teams went different ways; the files that
//! could not be read, with why. No network, no external files.

use std::fmt::Write as _;

use crate::i18n::{Lang, number, percent};
use crate::scenario::Weights;
use crate::tr;

use super::class::{Class, Diverged, Group};
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

/// The colour of team `i` as `#rrggbb`.
pub fn team_colour(i: usize) -> String {
    let (r, g, b) = team_rgb(i);
    format!("#{r:02X}{g:02X}{b:02X}")
}

pub fn esc(s: &str) -> String {
    s.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
}

/// The page, in `lang`; `weights` overrides each scenario's own (the trainer's choice).
pub fn html(class: &Class, weights: Option<&Weights>, lang: Lang) -> String {
    let mut o = String::new();
    let title = tr!(lang, "class-title");
    let _ = writeln!(
        o,
        "<!DOCTYPE html>\n<html lang=\"{}\"><head><meta charset=\"utf-8\">\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\
         <title>{}</title><style>{STYLE}</style></head><body>",
        lang.code(),
        esc(&title)
    );
    let _ = writeln!(o, "<h1>{}</h1>", esc(&title));
    let _ = writeln!(
        o,
        "<p class=\"folder\">{}</p>",
        esc(&tr!(
            lang,
            "class-folder",
            folder = class.folder.display().to_string(),
            teams = class.teams.len()
        ))
    );
    if class.teams.is_empty() {
        let _ = writeln!(
            o,
            "<p>{}</p>",
            esc(&tr!(
                lang,
                "class-none",
                folder = class.folder.display().to_string()
            ))
        );
    }
    if class.groups.len() > 1 {
        let _ = writeln!(
            o,
            "<p class=\"note\">{}</p>",
            esc(&tr!(lang, "class-separate"))
        );
    }
    for (gi, g) in class.groups.iter().enumerate() {
        group(&mut o, class, g, gi, weights, lang);
    }
    if !class.rejected.is_empty() {
        let _ = writeln!(
            o,
            "<section id=\"not-read\"><h2>{}</h2><ul>",
            esc(&tr!(lang, "class-not-read"))
        );
        for r in &class.rejected {
            let _ = writeln!(o, "<li><code>{}</code></li>", esc(&r.render(lang)));
        }
        let _ = writeln!(o, "</ul></section>");
    }
    let _ = writeln!(o, "<script>{SCRIPT}</script></body></html>");
    o
}

fn group(o: &mut String, class: &Class, g: &Group, gi: usize, w: Option<&Weights>, lang: Lang) {
    let weights = w.cloned().unwrap_or_else(|| g.weights.clone());
    let _ = writeln!(
        o,
        "<section class=\"world\" id=\"world-{gi}\"><h2>{}</h2>",
        esc(&tr!(
            lang,
            "class-world",
            scenario = g.scenario.get(lang),
            seed = g.seed.to_string(),
            teams = g.teams.len()
        ))
    );
    if !g.codes.is_empty() {
        let _ = writeln!(
            o,
            "<p>{}</p>",
            esc(&tr!(lang, "class-codes", codes = g.codes.join(", ")))
        );
    }
    if let Some(n) = &g.notes {
        let _ = writeln!(
            o,
            "<details class=\"notes\"><summary>{}</summary><p>{}</p><ul>",
            esc(&tr!(lang, "trainer-notes-title")),
            esc(&tr!(
                lang,
                "trainer-notes-usually",
                text = n.usually.get(lang)
            ))
        );
        for q in &n.discuss {
            let _ = writeln!(o, "<li>{}</li>", esc(q.get(lang)));
        }
        let _ = writeln!(o, "</ul></details>");
    }
    // The weights, editable: the script re-ranks the table from each row's three scores.
    let [c, e, s] = weights.shares();
    let _ = writeln!(
        o,
        "<form class=\"weights\" onsubmit=\"return false\"><strong>{}</strong> ",
        esc(&tr!(lang, "class-weights"))
    );
    for (key, v) in [("customers", c), ("employees", e), ("shareholders", s)] {
        let _ = writeln!(
            o,
            "<label>{} <input type=\"number\" min=\"0\" max=\"100\" step=\"1\" \
             data-weight=\"{key}\" value=\"{:.0}\"></label> ",
            esc(&crate::i18n::message(lang, key, None)),
            v * 100.0
        );
    }
    let _ = writeln!(
        o,
        "<span class=\"hint\">{}</span></form>",
        esc(&tr!(lang, "class-weights-hint"))
    );
    let _ = writeln!(
        o,
        "<table class=\"ranking\"><thead><tr><th>{}</th><th>{}</th><th>{}</th><th>{}</th>\
         <th>{}</th><th>{}</th><th>{}</th><th>{}</th><th>{}</th></tr></thead><tbody>",
        esc(&tr!(lang, "class-rank")),
        esc(&tr!(lang, "class-team")),
        esc(&tr!(lang, "class-balanced")),
        esc(&tr!(lang, "customers")),
        esc(&tr!(lang, "employees")),
        esc(&tr!(lang, "shareholders")),
        esc(&tr!(lang, "class-days")),
        esc(&tr!(lang, "class-ending")),
        esc(&tr!(lang, "class-check")),
    );
    for (rank, (i, score)) in class.ranking(g, &weights).into_iter().enumerate() {
        let t = &class.teams[i];
        let [sc, se, ss] = t.scores.each();
        let doubt = if t.trust.doubtful() {
            " class=\"doubtful\""
        } else {
            ""
        };
        let ending = t.results.ending(lang);
        let _ = writeln!(
            o,
            "<tr{doubt} data-c=\"{sc:.3}\" data-e=\"{se:.3}\" data-s=\"{ss:.3}\">\
             <td class=\"rank\">{}</td><td class=\"team\"><span class=\"swatch\" \
             style=\"background:{}\"></span>{}</td><td class=\"balanced\">{}</td><td>{}</td>\
             <td>{}</td><td>{}</td><td>{}</td><td>{}</td><td>{}</td></tr>",
            rank + 1,
            team_colour(position(g, i)),
            esc(t.name()),
            number(score, 1),
            number(sc, 1),
            number(se, 1),
            number(ss, 1),
            t.results.days(),
            esc(&ending),
            esc(&crate::i18n::message(lang, t.trust.key(), None))
        );
    }
    let _ = writeln!(o, "</tbody></table>");
    let _ = writeln!(
        o,
        "<p class=\"hint\">{}</p>",
        esc(&tr!(lang, "class-score-how"))
    );
    // Best for each stakeholder.
    let _ = writeln!(o, "<div class=\"best\">");
    for (k, key) in ["customers", "employees", "shareholders"]
        .iter()
        .enumerate()
    {
        let _ = writeln!(
            o,
            "<div><h3>{}</h3><ol>",
            esc(&tr!(
                lang,
                "class-best-for",
                who = crate::i18n::message(lang, key, None)
            ))
        );
        for (i, score) in class.ranking_for(g, k) {
            let _ = writeln!(
                o,
                "<li>{} <span class=\"num\">{}</span></li>",
                esc(class.teams[i].name()),
                number(score, 1)
            );
        }
        let _ = writeln!(o, "</ol></div>");
    }
    let _ = writeln!(o, "</div>");
    // Every team on one chart per figure.
    let _ = writeln!(
        o,
        "<h3>{}</h3><div class=\"charts\">",
        esc(&tr!(lang, "class-charts"))
    );

    for (key, value) in FIGURES {
        chart(
            o,
            class,
            g,
            &crate::i18n::message(lang, key, None),
            value,
            lang,
        );
    }
    let _ = writeln!(o, "</div><p class=\"legend\">");
    for (k, &i) in g.teams.iter().enumerate() {
        let _ = write!(
            o,
            "<span><span class=\"swatch\" style=\"background:{}\"></span>{}</span> ",
            team_colour(k),
            esc(class.teams[i].name())
        );
    }
    let _ = writeln!(o, "</p>");
    divergences(o, class, g, lang);
    let _ = writeln!(o, "</section>");
}

/// A team's place in its group (its colour).
fn position(g: &Group, team: usize) -> usize {
    g.teams.iter().position(|&t| t == team).unwrap_or(0)
}

fn chart(o: &mut String, class: &Class, g: &Group, title: &str, value: Figure, lang: Lang) {
    const W: f64 = 520.0;
    const H: f64 = 200.0;
    const L: f64 = 56.0;
    const R: f64 = 8.0;
    const T: f64 = 10.0;
    const B: f64 = 22.0;
    let (mut lo, mut hi, mut last) = (f64::INFINITY, f64::NEG_INFINITY, 1u32);
    for &i in &g.teams {
        let s = &class.teams[i].results.series;
        for k in 0..s.len() {
            let v = value(s, k);
            if v.is_finite() {
                lo = lo.min(v);
                hi = hi.max(v);
            }
            last = last.max(s.day[k]);
        }
    }
    if !lo.is_finite() {
        (lo, hi) = (0.0, 1.0);
    }
    if hi - lo < 1e-9 {
        hi = lo + 1.0;
    }
    let x = |d: u32| L + (W - L - R) * d as f64 / last as f64;
    let y = |v: f64| T + (H - T - B) * (1.0 - (v - lo) / (hi - lo));
    let _ = writeln!(
        o,
        "<figure><svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 {W} {H}\" role=\"img\" \
         aria-label=\"{t}\"><title>{t}</title><rect x=\"{L}\" y=\"{T}\" width=\"{}\" \
         height=\"{}\" fill=\"#fafafa\" stroke=\"#ccc\"/>\
         <text x=\"{}\" y=\"{}\" font-size=\"11\" text-anchor=\"end\">{}</text>\
         <text x=\"{}\" y=\"{}\" font-size=\"11\" text-anchor=\"end\">{}</text>\
         <text x=\"{}\" y=\"{}\" font-size=\"11\" text-anchor=\"end\">{}</text>",
        W - L - R,
        H - T - B,
        L - 4.0,
        T + 10.0,
        short(hi),
        L - 4.0,
        H - B,
        short(lo),
        W - R,
        H - 6.0,
        esc(&tr!(lang, "day-n", day = last)),
        t = esc(title)
    );
    for (k, &i) in g.teams.iter().enumerate() {
        let team = &class.teams[i];
        let s = &team.results.series;
        // At most ~400 points a line: the page stays small for a long run.
        let stride = (s.len() / 400).max(1);
        let mut pts = String::new();
        for idx in (0..s.len()).step_by(stride).chain(s.len().checked_sub(1)) {
            let v = value(s, idx);
            if v.is_finite() {
                let _ = write!(pts, "{:.1},{:.1} ", x(s.day[idx]), y(v));
            }
        }
        let _ = writeln!(
            o,
            "<polyline fill=\"none\" stroke=\"{}\" stroke-width=\"1.5\" points=\"{}\">\
             <title>{}</title></polyline>",
            team_colour(k),
            pts.trim_end(),
            esc(team.name())
        );
    }
    let _ = writeln!(o, "</svg><figcaption>{}</figcaption></figure>", esc(title));
}

/// A number short enough for a chart's axis: 706k, 4.8.
pub fn short(v: f64) -> String {
    if v.abs() >= 10_000.0 {
        format!("{:.0}k", v / 1000.0)
    } else if v.abs() >= 100.0 {
        format!("{v:.0}")
    } else {
        format!("{v:.1}")
    }
}

fn divergences(o: &mut String, class: &Class, g: &Group, lang: Lang) {
    let _ = writeln!(o, "<h3>{}</h3>", esc(&tr!(lang, "class-diverged")));
    let all = class.divergences(g);
    if all.is_empty() {
        let _ = writeln!(o, "<p>{}</p>", esc(&tr!(lang, "class-diverged-none")));
        return;
    }
    let currency = class.teams[g.teams[0]].results.scenario.currency.clone();
    for d in &all {
        let (heading, chose): (String, Vec<String>) = match &d.what {
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
        let _ = write!(
            o,
            "<div class=\"scroll\"><table class=\"diverged\"><caption>{}</caption><thead><tr><th>{}</th>",
            esc(&heading),
            esc(&tr!(lang, "class-team")),
        );
        for c in &chose {
            let _ = write!(o, "<th>{}</th>", esc(c));
        }
        let _ = writeln!(
            o,
            "<th>{}</th><th>{}</th><th>{}</th></tr></thead><tbody>",
            esc(&tr!(
                lang,
                "class-later-retention",
                days = super::class::LATER_DAYS
            )),
            esc(&tr!(
                lang,
                "class-later-morale",
                days = super::class::LATER_DAYS
            )),
            esc(&tr!(
                lang,
                "class-later-cash",
                days = super::class::LATER_DAYS
            )),
        );
        for r in &d.rows {
            let t = &class.teams[r.team];
            let (ret, mor, cash) = match r.later {
                Some(l) => (
                    percent(l.retention, 1),
                    percent(l.morale, 0),
                    currency.money(l.cash),
                ),
                None => {
                    let n = tr!(lang, "class-not-yet");
                    (n.clone(), n.clone(), n)
                }
            };
            let _ = write!(o, "<tr><td>{}</td>", esc(t.name()));
            for c in r.what.cells(&d.what, lang) {
                let _ = write!(o, "<td>{}</td>", esc(&c));
            }
            if matches!(d.what, Diverged::Dilemma { .. }) {
                let _ = write!(o, "<td>{}</td>", r.day);
            }
            let _ = writeln!(
                o,
                "<td>{}</td><td>{}</td><td>{}</td></tr>",
                esc(&ret),
                esc(&mor),
                esc(&cash)
            );
        }
        let _ = writeln!(o, "</tbody></table></div>");
    }
}

const STYLE: &str = "body{font-family:system-ui,'Noto Sans SC','Microsoft YaHei',sans-serif;\
max-width:1100px;margin:1.5em auto;padding:0 1em;color:#222}\
h1{font-size:1.6em}h2{margin-top:1.6em;border-bottom:2px solid #0072B2}\
table{border-collapse:collapse;margin:.6em 0}th,td{padding:.25em .6em;border-bottom:1px solid #ddd;\
text-align:right}table.ranking td:nth-child(2),table.ranking th:nth-child(2),\
table.diverged td:first-child,table.diverged th:first-child{text-align:left}\
.scroll{overflow-x:auto}\
caption{text-align:left;font-weight:bold;padding:.3em 0}\
tr.doubtful td{color:#a33;font-style:italic}.swatch{display:inline-block;width:.8em;height:.8em;\
margin-right:.4em;border-radius:2px}.hint,.folder{color:#555;font-size:.9em}\
.note{background:#fff4d6;padding:.5em .8em;border-left:4px solid #E69F00}\
.weights input{width:4em}.best{display:flex;gap:2em;flex-wrap:wrap}.best ol{padding-left:1.4em}\
.num{color:#555}.charts{display:grid;grid-template-columns:repeat(auto-fill,minmax(480px,1fr));\
gap:1em}figure{margin:0}svg{width:100%;height:auto}figcaption{font-size:.9em;color:#333}\
.legend span{margin-right:1em;white-space:nowrap}\
@media print{form.weights{display:none}section.world{break-before:page}\
section.world:first-of-type{break-before:auto}body{max-width:none}}";

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
