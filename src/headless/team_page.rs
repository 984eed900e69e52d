//! A team's printable one-page debrief, to take away after a workshop: in the language the team
//! played in, where the team stands in its world (rank and the three stakeholder scores beside
//! the class's mean), its figures over time against every other team's, its decisions with their
//! days, and the moments it went its own way with where that left it 90 days later. One
//! self-contained HTML page, laid out for A4 paper.

use std::fmt::Write as _;

use crate::i18n::{number, percent};
use crate::scenario::Weights;
use crate::tr;

use super::class::{Class, Diverged, Group, LATER_DAYS};
use super::class_html::{FIGURES, esc, team_colour};

/// Moments the page tells of where the team went its own way (the class view has them all).
const MAX_MOMENTS: usize = 4;

/// The page for team `team` (an index into [`Class::teams`]) of world `group`.
pub fn html(class: &Class, group: &Group, team: usize, weights: &Weights) -> String {
    let t = &class.teams[team];
    let f = &t.results;
    let lang = f.lang();
    let mut o = String::new();
    let title = tr!(lang, "team-page-title", team = t.name());
    let _ = writeln!(
        o,
        "<!DOCTYPE html>\n<html lang=\"{}\"><head><meta charset=\"utf-8\"><title>{}</title>\
         <style>{STYLE}</style></head><body>",
        lang.code(),
        esc(&title)
    );
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
    let ranking = class.ranking(group, weights);
    let place = ranking.iter().position(|&(i, _)| i == team).unwrap_or(0) + 1;
    let score = t.scores.balanced(weights);
    let _ = writeln!(
        o,
        "<p class=\"rank\"><strong>{}</strong></p>",
        esc(&tr!(
            lang,
            "team-page-rank",
            place = place,
            teams = ranking.len(),
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
    for (k, key) in ["customers", "employees", "shareholders"]
        .iter()
        .enumerate()
    {
        let mine = t.scores.each()[k];
        let _ = writeln!(
            o,
            "<tr><th>{}</th><td><span class=\"bar\" style=\"width:{:.0}px\"></span> {}</td>\
             <td>{}</td></tr>",
            esc(&crate::i18n::message(lang, key, None)),
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
        let name = crate::i18n::message(lang, key, None);
        let mut lines = Vec::new();
        for &i in &group.teams {
            let s = &class.teams[i].results.series;
            let pts: Vec<(u32, f64)> = (0..s.len()).map(|d| (s.day[d], value(s, d))).collect();
            lines.push((i == team, pts));
        }
        small_chart(&mut o, &name, &lines, &team_colour(position));
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
    let currency = &f.scenario.currency;
    let mut own = 0;
    for d in class.divergences(group) {
        let Some(mine) = d.rows.iter().find(|r| r.team == team) else {
            continue;
        };
        let others: Vec<_> = d
            .rows
            .iter()
            .filter(|r| r.team != team && r.what != mine.what)
            .collect();
        if others.is_empty() {
            continue;
        }
        own += 1;
        // One page: the first few moments; the class view has them all.
        if own > MAX_MOMENTS {
            continue;
        }
        let what = match &d.what {
            Diverged::Dilemma { title, .. } => title.get(lang).to_string(),
            Diverged::Levers(_) => tr!(lang, "team-page-levers"),
        };
        let later = |r: &super::class::DivergenceRow| match r.later {
            Some(l) => tr!(
                lang,
                "class-later",
                days = LATER_DAYS,
                retention = percent(l.retention, 1),
                morale = percent(l.morale, 0),
                cash = currency.money(l.cash)
            ),
            None => tr!(lang, "class-not-yet"),
        };
        let _ = writeln!(
            o,
            "<div class=\"own\"><p><strong>{}</strong></p><p>{}</p>",
            esc(&tr!(lang, "day-text", day = mine.day, text = what)),
            esc(&tr!(
                lang,
                "team-page-you-chose",
                choice = mine.what.show(&d.what, lang),
                later = later(mine)
            ))
        );
        for r in others.iter().take(2) {
            let _ = writeln!(
                o,
                "<p class=\"other\">{}</p>",
                esc(&tr!(
                    lang,
                    "team-page-they-chose",
                    team = class.teams[r.team].name(),
                    choice = r.what.show(&d.what, lang),
                    later = later(r)
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
    let _ = writeln!(
        o,
        "<p class=\"how\">{}</p></body></html>",
        esc(&tr!(lang, "class-score-how"))
    );
    o
}

/// A small chart: every team's line, this team's (`mine`) in its colour and on top.
fn small_chart(o: &mut String, title: &str, lines: &[(bool, Vec<(u32, f64)>)], colour: &str) {
    const W: f64 = 240.0;
    const H: f64 = 130.0;
    const L: f64 = 40.0;
    const T: f64 = 6.0;
    const B: f64 = 14.0;
    let (mut lo, mut hi, mut last) = (f64::INFINITY, f64::NEG_INFINITY, 1u32);
    for (_, pts) in lines {
        for &(d, v) in pts {
            if v.is_finite() {
                lo = lo.min(v);
                hi = hi.max(v);
            }
            last = last.max(d);
        }
    }
    if !lo.is_finite() {
        (lo, hi) = (0.0, 1.0);
    }
    if hi - lo < 1e-9 {
        hi = lo + 1.0;
    }
    let x = |d: u32| L + (W - L - 4.0) * d as f64 / last as f64;
    let y = |v: f64| T + (H - T - B) * (1.0 - (v - lo) / (hi - lo));
    let _ = writeln!(
        o,
        "<figure><svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 {W} {H}\" role=\"img\" \
         aria-label=\"{t}\"><rect x=\"{L}\" y=\"{T}\" width=\"{}\" height=\"{}\" fill=\"#fafafa\" \
         stroke=\"#ccc\"/><text x=\"{}\" y=\"{}\" font-size=\"9\" text-anchor=\"end\">{}</text>\
         <text x=\"{}\" y=\"{}\" font-size=\"9\" text-anchor=\"end\">{}</text>",
        W - L - 4.0,
        H - T - B,
        L - 3.0,
        T + 8.0,
        super::class_html::short(hi),
        L - 3.0,
        H - B,
        super::class_html::short(lo),
        t = esc(title)
    );
    let mut ordered: Vec<&(bool, Vec<(u32, f64)>)> = lines.iter().filter(|l| !l.0).collect();
    ordered.extend(lines.iter().filter(|l| l.0));
    for (mine, pts) in ordered {
        let stride = (pts.len() / 250).max(1);
        let mut path = String::new();
        for (k, &(d, v)) in pts.iter().enumerate() {
            if (k % stride == 0 || k + 1 == pts.len()) && v.is_finite() {
                let _ = write!(path, "{:.1},{:.1} ", x(d), y(v));
            }
        }
        let (stroke, width) = if *mine { (colour, 2.0) } else { ("#bbb", 1.0) };
        let _ = writeln!(
            o,
            "<polyline fill=\"none\" stroke=\"{stroke}\" stroke-width=\"{width}\" points=\"{}\"/>",
            path.trim_end()
        );
    }
    let _ = writeln!(o, "</svg><figcaption>{}</figcaption></figure>", esc(title));
}

/// A file name for a team's page: its name made safe.
pub fn file_name(team: &str, index: usize) -> String {
    let safe: String = team
        .chars()
        .map(|c| if c.is_alphanumeric() { c } else { '-' })
        .collect();
    format!("{:02}-{}.debrief.html", index + 1, safe.trim_matches('-'))
}

const STYLE: &str = "@page{size:A4;margin:12mm}\
body{font-family:system-ui,'Noto Sans SC','Microsoft YaHei',sans-serif;font-size:10pt;\
color:#222;max-width:190mm;margin:1em auto}h1{font-size:18pt;margin:0 0 .2em}\
h2{font-size:12pt;margin:.8em 0 .3em;border-bottom:1px solid #0072B2}\
.world{color:#555;margin:0 0 .4em}.rank{font-size:13pt;margin:.3em 0}\
table.scores{border-collapse:collapse}table.scores th,table.scores td{padding:.1em .6em;\
text-align:left}.bar{display:inline-block;height:.7em;background:#0072B2}\
.charts{display:grid;grid-template-columns:repeat(4,1fr);gap:.3em .6em}figure{margin:0}\
svg{width:100%;height:auto}figcaption{font-size:9pt;color:#333}\
ul.decisions{columns:2;font-size:8.5pt;margin:0;padding-left:1.2em}\
.own{font-size:9pt;break-inside:avoid}.own p{margin:.1em 0}.other{color:#555}\
.how{font-size:8.5pt;color:#666;margin-top:.8em}\
@media print{body{margin:0}}";
