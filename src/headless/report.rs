//! The debrief of a run as one self-contained HTML file: the decision timeline over the main
//! charts (inline SVG, no network), the three stakeholder scorecards, why customers left (grouped
//! by the cause in their thoughts, with the decisions that preceded each rise), customer capital,
//! and three to five lessons chosen from what happened, each tied to a principle of the game.
//! With a what-if run, both are overlaid and the difference at the end is shown.

use std::collections::BTreeMap;
use std::fmt::Write as _;

use crate::sim::metrics::DayRow;

use super::charts::{CHARTS, Series, hex, points};
use super::results::{CustomerRecord, RunResult, scorecards};
use super::whatif::difference;
use crate::i18n::{Lang, message, number, percent};
use crate::tr;

/// A decision as the debrief lists it.
#[derive(Debug, Clone, PartialEq)]
pub struct TimelineEntry {
    pub day: u32,
    pub kind: &'static str,
    pub text: String,
}

/// Lever changes, dilemma choices and the advisor's remarks, in day order.
pub fn timeline(r: &RunResult, lang: Lang) -> Vec<TimelineEntry> {
    let mut t = Vec::new();
    for d in &r.decision_log {
        let text = d.set.show(lang);
        t.push(TimelineEntry {
            day: d.day,
            kind: "lever",
            text,
        });
    }
    for (i, c) in r.choices.iter().enumerate() {
        t.push(TimelineEntry {
            day: c.day,
            kind: "dilemma",
            text: r.choice_text(i, lang),
        });
    }
    for a in &r.advice {
        t.push(TimelineEntry {
            day: a.day,
            kind: "advisor",
            text: tr!(
                lang,
                "advice-with-lever",
                advice = a.pattern.advice(lang),
                lever = a.pattern.lever().label(lang)
            ),
        });
    }
    t.sort_by_key(|e| e.day);
    t
}

/// Churned customers by the cause in their thoughts.
#[derive(Debug, Clone, PartialEq)]
pub struct CauseRow {
    pub cause: String,
    pub count: u32,
    /// The 4-week window with the most departures for this cause: its first day and count.
    pub peak_from: u32,
    pub peak_count: u32,
    /// Decisions in the eight weeks before the peak.
    pub before: Vec<TimelineEntry>,
}

/// The cause of a departure with no thought recorded (an id, as in the customers CSV).
pub const NO_RECORDED_CAUSE: &str = "none";

/// A departure's cause as a person reads it: a thought's label, "Drifted away" or "No recorded
/// cause"; with its one-line explanation.
pub fn cause_label(cause: &str, lang: Lang) -> (String, String) {
    match crate::thoughts::ThoughtKind::from_id(cause) {
        Some(k) => (k.label(lang), k.hint(lang)),
        None => {
            let key = if cause == "drifted_away" {
                "cause-drifted-away"
            } else {
                "cause-none"
            };
            (
                message(lang, key, None),
                message(lang, &format!("{key}-hint"), None),
            )
        }
    }
}
const PEAK_DAYS: u32 = 28;
const LOOKBACK_DAYS: u32 = 56;

/// Why customers left: one row per cause, largest first. The counts sum to the number of
/// churned customers.
pub fn churn_causes(r: &RunResult, customers: &[CustomerRecord], lang: Lang) -> Vec<CauseRow> {
    let mut by_cause: BTreeMap<&str, Vec<u32>> = BTreeMap::new();
    for c in customers {
        if let Some(day) = c.churned_day {
            by_cause
                .entry(c.churn_cause.unwrap_or(NO_RECORDED_CAUSE))
                .or_default()
                .push(day);
        }
    }
    let decisions: Vec<TimelineEntry> = timeline(r, lang)
        .into_iter()
        .filter(|e| e.kind != "advisor")
        .collect();
    let mut rows: Vec<CauseRow> = by_cause
        .into_iter()
        .map(|(cause, mut days)| {
            days.sort_unstable();
            // Sliding 4-week window with the most departures.
            let (mut best_from, mut best) = (days[0], 0u32);
            let mut lo = 0;
            for hi in 0..days.len() {
                while days[hi] - days[lo] >= PEAK_DAYS {
                    lo += 1;
                }
                let n = (hi - lo + 1) as u32;
                if n > best {
                    best = n;
                    best_from = days[lo];
                }
            }
            let before = decisions
                .iter()
                .filter(|e| e.day + LOOKBACK_DAYS >= best_from && e.day <= best_from + PEAK_DAYS)
                .cloned()
                .collect();
            CauseRow {
                cause: cause.to_string(),
                count: days.len() as u32,
                peak_from: best_from,
                peak_count: best,
                before,
            }
        })
        .collect();
    rows.sort_by(|a, b| b.count.cmp(&a.count).then(a.cause.cmp(&b.cause)));
    rows
}

/// The silent majority: (customers who left after at least one visit went wrong, those of them
/// who never complained).
pub fn silent_majority(customers: &[CustomerRecord]) -> (u32, u32) {
    let left: Vec<&CustomerRecord> = customers
        .iter()
        .filter(|c| c.churned_day.is_some() && c.problems > 0)
        .collect();
    let silent = left.iter().filter(|c| c.complaints == 0).count();
    (left.len() as u32, silent as u32)
}

/// Customer capital over the last 91 days: (retained, ramp-up, referred, total revenue) in cents.
pub fn capital(rows: &[DayRow]) -> (i64, i64, i64, i64) {
    let recent = &rows[rows.len().saturating_sub(91)..];
    let sum = |f: fn(&DayRow) -> i64| recent.iter().map(f).sum::<i64>();
    (
        sum(|r| r.revenue_retained),
        sum(|r| r.revenue_rampup),
        sum(|r| r.revenue_referred),
        sum(|r| r.revenue),
    )
}

#[derive(Debug, Clone, PartialEq)]
pub struct Lesson {
    /// The principle from the game's design it illustrates.
    pub principle: String,
    pub text: String,
    /// How strongly this run showed it (for choosing among candidates).
    weight: f64,
}

fn total(rows: &[DayRow], f: impl Fn(&DayRow) -> f64) -> f64 {
    rows.iter().map(f).sum()
}

/// Three to five lessons from what happened in this run, the most salient first.
pub fn lessons(r: &RunResult, causes: &[CauseRow], lang: Lang) -> Vec<Lesson> {
    let rows = &r.rows;
    let mut out = Vec::new();
    let (Some(first), Some(last)) = (rows.first(), rows.last()) else {
        return out;
    };
    let churned = causes.iter().map(|c| c.count).sum::<u32>().max(1) as f64;
    let share = |id: &str| {
        causes
            .iter()
            .filter(|c| c.cause == id)
            .map(|c| c.count)
            .sum::<u32>() as f64
            / churned
    };
    let served = total(rows, |d| d.served as f64);
    let lost = total(rows, |d| (d.balked + d.reneged) as f64);
    let lost_share = lost / (served + lost).max(1.0);
    let pct = |v: f64| percent(v, 0);
    out.push(Lesson {
        principle: tr!(lang, "lesson-finite"),
        text: tr!(
            lang,
            "lesson-finite-text",
            lost = number(lost, 0),
            share = percent(lost_share, 1),
            waited = pct(share("long_wait") + share("turned_away") + share("gave_up_waiting"))
        ),
        weight: lost_share * 10.0 + share("long_wait") + share("turned_away"),
    });
    let bloat = share("too_many_extras");
    out.push(Lesson {
        principle: tr!(lang, "lesson-expectations"),
        text: tr!(
            lang,
            "lesson-expectations-text",
            bloat = pct(bloat),
            price = pct(share("price_up") + share("too_expensive"))
        ),
        weight: bloat * 4.0 + share("price_up") + share("too_expensive"),
    });
    let referred = total(rows, |d| d.new_referred as f64);
    let paid = total(rows, |d| d.new_paid as f64);
    let cac_first = rows.iter().find_map(|d| d.cac);
    let cac_last = rows.iter().rev().find_map(|d| d.cac);
    let ndr = last.ndr.map_or_else(|| tr!(lang, "not-available"), pct);
    out.push(Lesson {
        principle: tr!(lang, "lesson-capital"),
        text: match (cac_first, cac_last) {
            (Some(a), Some(b)) => tr!(
                lang,
                "lesson-capital-text-cac",
                referred = number(referred, 0),
                paid = number(paid, 0),
                first = r.money(a),
                last = r.money(b),
                ndr = ndr.as_str()
            ),
            _ => tr!(
                lang,
                "lesson-capital-text",
                referred = number(referred, 0),
                paid = number(paid, 0),
                ndr = ndr.as_str()
            ),
        },
        weight: 0.5 + (referred / (referred + paid).max(1.0) - 0.5).abs(),
    });
    let tired = share("tired_staff");
    let min_morale = rows.iter().map(|d| d.morale).fold(f64::INFINITY, f64::min);
    out.push(Lesson {
        principle: tr!(lang, "lesson-chain"),
        text: tr!(
            lang,
            "lesson-chain-text",
            morale = pct(min_morale),
            quits = r.quits,
            tired = pct(tired)
        ),
        weight: tired * 4.0 + (0.6 - min_morale).max(0.0) * 3.0 + r.quits as f64 / 50.0,
    });
    let q1: i64 = rows.iter().take(91).map(|d| d.profit).sum();
    let nps_drop = first.nps - last.nps;
    out.push(Lesson {
        principle: tr!(lang, "lesson-short-term"),
        text: tr!(
            lang,
            "lesson-short-term-text",
            profit = r.money(q1),
            nps_from = format!("{:+.0}", first.nps),
            nps_to = format!("{:+.0}", last.nps),
            stars_from = number(first.reputation, 2),
            stars_to = number(last.reputation, 2)
        ),
        weight: (nps_drop / 20.0).max(0.0)
            + if matches!(
                r.end,
                Some(crate::sim::EndReason::CashRanOut | crate::sim::EndReason::BoardReplacedYou)
            ) {
                1.0
            } else {
                0.0
            },
    });
    let scandal = share("scandal") + share("let_down");
    if !r.choices.is_empty() {
        let sep = tr!(lang, "list-separator");
        out.push(Lesson {
            principle: tr!(lang, "lesson-conflicts"),
            text: tr!(
                lang,
                "lesson-conflicts-text",
                n = r.choices.len(),
                choices = r
                    .choices
                    .iter()
                    .enumerate()
                    .map(|(i, c)| tr!(lang, "day-text", day = c.day, text = r.choice_text(i, lang)))
                    .collect::<Vec<_>>()
                    .join(&sep),
                scandal = pct(scandal)
            ),
            weight: scandal * 5.0 + 0.3,
        });
    }
    let quiet = share("drifted_away");
    out.push(Lesson {
        principle: tr!(lang, "lesson-health"),
        text: tr!(
            lang,
            "lesson-health-text",
            quiet = pct(quiet),
            red = number(total(rows, |d| d.red_health as f64) / rows.len() as f64, 0)
        ),
        weight: quiet,
    });
    // The most salient first; ties keep the order above.
    let mut idx: Vec<usize> = (0..out.len()).collect();
    idx.sort_by(|&a, &b| out[b].weight.total_cmp(&out[a].weight).then(a.cmp(&b)));
    // Those this run showed clearly, at least three and at most five.
    let clear = idx.iter().filter(|&&i| out[i].weight >= 0.2).count();
    let keep = clear.clamp(3, 5).min(out.len());
    idx[..keep].iter().map(|&i| out[i].clone()).collect()
}

fn esc(s: &str) -> String {
    s.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
}

fn svg_chart(
    out: &mut String,
    title: &str,
    series: &[Series],
    runs: &[(&str, &RunResult)],
    marks: &[TimelineEntry],
    lang: Lang,
) {
    let title = message(lang, title, None);
    let title = title.as_str();
    let names: Vec<String> = series.iter().map(|s| message(lang, s.name, None)).collect();
    const W: f64 = 760.0;
    const H: f64 = 230.0;
    const L: f64 = 70.0;
    const R: f64 = 10.0;
    const T: f64 = 24.0;
    const B: f64 = 28.0;
    let all: Vec<Vec<Vec<(u32, f64)>>> = runs
        .iter()
        .map(|(_, r)| series.iter().map(|s| points(s, &r.rows)).collect())
        .collect();
    let pts = all.iter().flatten().flatten();
    let (mut lo, mut hi, mut last_day) = (f64::INFINITY, f64::NEG_INFINITY, 1u32);
    for &(d, v) in pts {
        if v.is_finite() {
            lo = lo.min(v);
            hi = hi.max(v);
        }
        last_day = last_day.max(d);
    }
    if !lo.is_finite() {
        lo = 0.0;
        hi = 1.0;
    }
    if hi - lo < 1e-9 {
        hi = lo + 1.0;
    }
    let x = |d: u32| L + (W - L - R) * d as f64 / last_day as f64;
    let y = |v: f64| T + (H - T - B) * (1.0 - (v - lo) / (hi - lo));
    let _ = writeln!(
        out,
        "<figure class=\"chart\"><svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 {W} {H}\" \
         width=\"{W}\" height=\"{H}\" role=\"img\" aria-label=\"{t}\"><title>{t}</title>",
        t = esc(title)
    );
    let _ = writeln!(
        out,
        "<rect x=\"{L}\" y=\"{T}\" width=\"{}\" height=\"{}\" fill=\"#fafafa\" stroke=\"#ccc\"/>",
        W - L - R,
        H - T - B
    );
    for (v, anchor) in [(hi, T + 4.0), (lo, H - B)] {
        let _ = writeln!(
            out,
            "<text x=\"{}\" y=\"{anchor}\" font-size=\"11\" text-anchor=\"end\">{}</text>",
            L - 4.0,
            fmt_num(v)
        );
    }
    let _ = writeln!(
        out,
        "<text x=\"{}\" y=\"{}\" font-size=\"11\" text-anchor=\"end\">{}</text>",
        W - R,
        H - 8.0,
        esc(&tr!(lang, "day-n", day = last_day))
    );
    for m in marks.iter().filter(|m| m.kind != "advisor") {
        let _ = writeln!(
            out,
            "<line class=\"decision\" x1=\"{x0:.1}\" x2=\"{x0:.1}\" y1=\"{T}\" y2=\"{}\" \
             stroke=\"#999\" stroke-dasharray=\"2,3\"><title>{}</title></line>",
            H - B,
            esc(&tr!(lang, "day-text", day = m.day, text = m.text.as_str())),
            x0 = x(m.day),
        );
    }
    for (ri, run) in all.iter().enumerate() {
        for (si, pts) in run.iter().enumerate() {
            let mut path = String::new();
            for &(d, v) in pts.iter().filter(|p| p.1.is_finite()) {
                let _ = write!(path, "{:.1},{:.1} ", x(d), y(v));
            }
            let dash = if ri > 0 {
                " stroke-dasharray=\"6,3\""
            } else {
                ""
            };
            let _ = writeln!(
                out,
                "<polyline class=\"series\" fill=\"none\" stroke=\"{}\" stroke-width=\"1.6\"{dash} \
                 points=\"{}\"><title>{} — {}</title></polyline>",
                hex(si),
                path.trim_end(),
                esc(&names[si]),
                esc(runs[ri].0)
            );
        }
    }
    let mut legend = String::new();
    for (si, name) in names.iter().enumerate() {
        let _ = write!(
            legend,
            "<span style=\"color:{}\">■ {}</span> ",
            hex(si),
            esc(name)
        );
    }
    if runs.len() > 1 {
        let _ = write!(
            legend,
            "<span>{}</span>",
            esc(&tr!(
                lang,
                "report-solid-dashed",
                solid = runs[0].0,
                dashed = runs[1].0
            ))
        );
    }
    let _ = writeln!(
        out,
        "</svg><figcaption>{} — {legend}</figcaption></figure>",
        esc(title)
    );
}

fn fmt_num(v: f64) -> String {
    if v.abs() >= 10_000.0 {
        format!("{:.0}k", v / 1000.0)
    } else if v.abs() >= 100.0 {
        format!("{v:.0}")
    } else {
        format!("{v:.1}")
    }
}

/// The section on what each decision did: a table (the run as played minus the run without the
/// decision, at the end), a small chart of the difference in customers over time, and a sentence.
fn impacts_section(o: &mut String, r: &RunResult, each: &Impacts, lang: Lang) {
    use super::impact::{sentence, signed};
    let currency = r.scenario.currency();
    let money = |c: i64| super::impact::signed_money(currency, c);
    let _ = writeln!(
        o,
        "<section id=\"each-decision\"><h2>{}</h2><p>{}</p>\
         <table><tr><th>{}</th><th>{}</th><th>{}</th><th>{}</th><th>{}</th><th>{}</th><th>{}</th></tr>",
        esc(&tr!(lang, "impact-title")),
        esc(&tr!(lang, "impact-explain")),
        esc(&tr!(lang, "day")),
        esc(&tr!(lang, "impact-col-decision")),
        esc(&tr!(lang, "metric-active-customers")),
        esc(&tr!(lang, "metric-morale")),
        esc(&tr!(lang, "card-profit")),
        esc(&tr!(lang, "metric-cash")),
        esc(&tr!(lang, "impact-col-over-time")),
    );
    for (i, label) in each.impacts.iter().zip(each.labels) {
        let _ = writeln!(
            o,
            "<tr class=\"impact\" data-day=\"{}\" data-customers=\"{}\" data-profit-cents=\"{}\">\
             <td>{}</td><td>{}</td><td>{}</td><td>{}</td><td>{}</td><td>{}</td><td>{}</td></tr>",
            i.decision.day,
            i.customers,
            i.profit,
            i.decision.day,
            esc(label),
            esc(&signed(i.customers as f64, 0)),
            esc(&tr!(
                lang,
                "points-difference",
                n = signed(i.morale * 100.0, 1)
            )),
            esc(&money(i.profit)),
            esc(&money(i.cash)),
            sparkline(&i.series),
        );
    }
    let _ = writeln!(o, "</table><ul>");
    for (i, label) in each.impacts.iter().zip(each.labels) {
        let _ = writeln!(o, "<li>{}</li>", esc(&sentence(i, label, currency, lang)));
    }
    if each.impacts.is_empty() {
        let _ = writeln!(o, "<li>{}</li>", esc(&tr!(lang, "impact-none")));
    }
    let _ = writeln!(o, "</ul></section>");
}

/// The difference in customers day by day, as a small inline chart (green above the zero line:
/// the decision kept or won customers; red below: it cost them).
fn sparkline(series: &[(u32, i64, i64)]) -> String {
    const W: f64 = 120.0;
    const H: f64 = 24.0;
    let max = series
        .iter()
        .map(|s| s.1.unsigned_abs())
        .max()
        .unwrap_or(0)
        .max(1) as f64;
    let n = series.len().max(2) as f64 - 1.0;
    let points: Vec<String> = series
        .iter()
        .enumerate()
        .map(|(k, s)| {
            let x = k as f64 / n * W;
            let y = H / 2.0 - s.1 as f64 / max * (H / 2.0 - 1.0);
            format!("{x:.1},{y:.1}")
        })
        .collect();
    let end = series.last().map_or(0, |s| s.1);
    let colour = match end.signum() {
        1 => "#009E73",
        -1 => "#D55E00",
        _ => "#777",
    };
    format!(
        "<svg width=\"{W}\" height=\"{H}\" viewBox=\"0 0 {W} {H}\"><line x1=\"0\" y1=\"{y}\" x2=\"{W}\" y2=\"{y}\" stroke=\"#ccc\"/>\
         <polyline fill=\"none\" stroke=\"{colour}\" stroke-width=\"1.5\" points=\"{}\"/></svg>",
        points.join(" "),
        y = H / 2.0
    )
}

/// A what-if to overlay: its label and result.
pub struct Overlay<'a> {
    pub label: String,
    pub result: &'a RunResult,
}

/// What each decision did, to show in the debrief: each decision's impact and its label.
pub struct Impacts<'a> {
    pub impacts: &'a [super::impact::Impact],
    pub labels: &'a [String],
}

/// The whole debrief as one HTML document.
pub fn html(
    r: &RunResult,
    customers: &[CustomerRecord],
    overlay: Option<Overlay>,
    lang: Lang,
) -> String {
    html_with(r, customers, overlay, None, lang)
}

/// The debrief, with what each decision did when it has been measured.
pub fn html_with(
    r: &RunResult,
    customers: &[CustomerRecord],
    overlay: Option<Overlay>,
    impacts: Option<Impacts>,
    lang: Lang,
) -> String {
    let mut o = String::new();
    let ending = super::results::ending(r, lang);
    let name = r.scenario.name.get(lang);
    let _ = writeln!(
        o,
        "<!DOCTYPE html>\n<html lang=\"{code}\"><head><meta charset=\"utf-8\">\
         <title>{title}</title>\n<style>\
         body{{font-family:system-ui,-apple-system,\"Segoe UI\",\"PingFang SC\",\"Hiragino Sans GB\",\"Microsoft YaHei\",\"Noto Sans CJK SC\",\"Noto Sans SC\",\"Source Han Sans SC\",\"WenQuanYi Micro Hei\",sans-serif;max-width:860px;margin:2em auto;color:#222;line-height:1.4}}\
         table{{border-collapse:collapse;margin:.5em 0}}td,th{{border-bottom:1px solid #ddd;padding:.25em .6em;text-align:left}}\
         .cards{{display:flex;gap:1.5em;flex-wrap:wrap}}.card{{flex:1;min-width:220px}}\
         figure{{margin:1em 0}}figcaption{{font-size:.85em;color:#555}}\
         .lesson h3{{margin-bottom:.2em}}</style></head><body>",
        code = lang.code(),
        title = esc(&tr!(lang, "report-title", scenario = name))
    );
    let _ = writeln!(
        o,
        "<header><h1>{}</h1><p>{}</p></header>",
        esc(&tr!(lang, "report-title", scenario = name)),
        esc(&tr!(
            lang,
            "report-subtitle",
            policy = r.policy.get(lang),
            seed = r.seed.to_string(),
            ending = ending
        ))
    );

    let tl = timeline(r, lang);
    let _ = writeln!(
        o,
        "<section id=\"timeline\"><h2>{}</h2><ol>",
        esc(&tr!(lang, "report-timeline"))
    );
    for e in &tl {
        let kind = match e.kind {
            "lever" => tr!(lang, "report-kind-lever"),
            "dilemma" => tr!(lang, "report-kind-dilemma"),
            _ => tr!(lang, "advisor"),
        };
        let _ = writeln!(
            o,
            "<li class=\"{}\" data-day=\"{}\">{} <b>{}</b> {}</li>",
            e.kind,
            e.day,
            esc(&tr!(lang, "day-n", day = e.day)),
            esc(&kind),
            esc(&e.text)
        );
    }
    if tl.is_empty() {
        let _ = writeln!(o, "<li>{}</li>", esc(&tr!(lang, "report-no-decisions")));
    }
    let _ = writeln!(o, "</ol></section>");

    let this_run = tr!(lang, "this-game");
    let mut runs: Vec<(&str, &RunResult)> = vec![(this_run.as_str(), r)];
    if let Some(ov) = &overlay {
        runs.push((ov.label.as_str(), ov.result));
    }
    let _ = writeln!(
        o,
        "<section id=\"charts\"><h2>{}</h2>",
        esc(&tr!(lang, "report-charts"))
    );
    for chart in &CHARTS {
        svg_chart(&mut o, chart.title, chart.series, &runs, &tl, lang);
    }
    let _ = writeln!(o, "</section>");

    if let Some(ov) = &overlay {
        let _ = writeln!(
            o,
            "<section id=\"whatif\"><h2>{}</h2><table><tr><th>{}</th><th>{}</th><th>{}</th><th>{}</th></tr>",
            esc(&ov.label),
            esc(&tr!(lang, "at-the-end")),
            esc(&this_run),
            esc(&tr!(lang, "what-if-col")),
            esc(&tr!(lang, "difference"))
        );
        if let (Some(a), Some(b)) = (r.rows.last(), ov.result.rows.last()) {
            for (k, x, y, d) in difference(a, b, r.scenario.currency(), lang) {
                let _ = writeln!(
                    o,
                    "<tr><td>{}</td><td>{}</td><td>{}</td><td>{}</td></tr>",
                    esc(&k),
                    esc(&x),
                    esc(&y),
                    esc(&d)
                );
            }
        }
        let _ = writeln!(o, "</table></section>");
    }

    if let Some(each) = &impacts {
        impacts_section(&mut o, r, each, lang);
    }

    let _ = writeln!(
        o,
        "<section id=\"scorecards\"><h2>{}</h2><div class=\"cards\">",
        esc(&tr!(lang, "report-scorecards"))
    );
    for (title, lines) in scorecards(r, lang) {
        let _ = writeln!(o, "<div class=\"card\"><h3>{}</h3><table>", esc(&title));
        for (k, v) in lines {
            let _ = writeln!(o, "<tr><td>{}</td><td>{}</td></tr>", esc(&k), esc(&v));
        }
        let _ = writeln!(o, "</table></div>");
    }
    let _ = writeln!(o, "</div></section>");

    let causes = churn_causes(r, customers, lang);
    let churned: u32 = causes.iter().map(|c| c.count).sum();
    let (left, silent) = silent_majority(customers);
    let silent_line = if left > 0 {
        format!(
            "<p id=\"silent\">{}</p>",
            esc(&tr!(
                lang,
                "report-silent",
                silent = silent,
                left = left,
                share = percent(silent as f64 / left as f64, 0)
            ))
        )
    } else {
        String::new()
    };
    let _ = writeln!(
        o,
        "<section id=\"why-they-left\"><h2>{}</h2><p>{}</p>{silent_line}\
         <table><tr><th>{}</th><th>{}</th><th>{}</th><th>{}</th><th>{}</th></tr>",
        esc(&tr!(lang, "why-they-left")),
        esc(&tr!(lang, "report-churned", n = churned)),
        esc(&tr!(lang, "report-col-cause")),
        esc(&tr!(lang, "report-col-customers")),
        esc(&tr!(lang, "report-col-share")),
        esc(&tr!(lang, "report-col-peak")),
        esc(&tr!(lang, "report-col-before"))
    );
    for c in &causes {
        let before = if c.before.is_empty() {
            "—".to_string()
        } else {
            c.before
                .iter()
                .map(|e| esc(&tr!(lang, "day-text", day = e.day, text = e.text.as_str())))
                .collect::<Vec<_>>()
                .join("<br>")
        };
        let _ = writeln!(
            o,
            "<tr class=\"cause\" data-cause=\"{}\"><td title=\"{}\">{}</td><td class=\"count\">{}</td><td>{}</td>\
             <td>{}</td><td>{before}</td></tr>",
            esc(&c.cause),
            esc(&cause_label(&c.cause, lang).1),
            esc(&cause_label(&c.cause, lang).0),
            c.count,
            percent(c.count as f64 / churned.max(1) as f64, 1),
            esc(&tr!(
                lang,
                "report-peak",
                n = c.peak_count,
                day = c.peak_from
            ))
        );
    }
    let _ = writeln!(
        o,
        "<tr><th>{}</th><th id=\"churned-total\">{churned}</th><th></th><th></th><th></th></tr></table></section>",
        esc(&tr!(lang, "report-total"))
    );

    let (ret, ramp, refd, rev) = capital(&r.rows);
    let pct = |v: i64| percent(v as f64 / rev.max(1) as f64, 0);
    let _ = writeln!(
        o,
        "<section id=\"capital\"><h2>{}</h2><table>",
        esc(&tr!(lang, "report-capital"))
    );
    for (key, value) in [
        ("report-capital-retained", ret),
        ("report-capital-rampup", ramp),
        ("report-capital-referred", refd),
    ] {
        let _ = writeln!(
            o,
            "<tr><td>{}</td><td>{}</td><td>{}</td></tr>",
            esc(&message(lang, key, None)),
            esc(&r.money(value)),
            pct(value)
        );
    }
    let _ = writeln!(
        o,
        "<tr><td>{}</td><td>{}</td><td></td></tr></table><p class=\"overlap\">{}</p></section>",
        esc(&tr!(lang, "metric-ndr")),
        r.rows
            .last()
            .and_then(|d| d.ndr)
            .map_or_else(|| tr!(lang, "not-available"), |x| percent(x, 1)),
        esc(&tr!(lang, "capital-overlap"))
    );

    customer_value(&mut o, r, lang);

    let _ = writeln!(
        o,
        "<section id=\"lessons\"><h2>{}</h2>",
        esc(&tr!(lang, "lessons"))
    );
    for l in lessons(r, &causes, lang) {
        let _ = writeln!(
            o,
            "<div class=\"lesson\"><h3>{}</h3><p>{}</p></div>",
            esc(&l.principle),
            esc(&l.text)
        );
    }
    let _ = writeln!(o, "</section></body></html>");
    o
}

/// Years of tenure the debrief's table shows (the value itself looks ten years ahead).
const VALUE_TABLE_YEARS: usize = 6;

/// "What a customer is worth": the books by year of tenure, a new customer's lifetime value and
/// what five points less defection would add to it (Reichheld & Sasser 1990).
fn customer_value(o: &mut String, r: &RunResult, lang: Lang) {
    let base = r.lifetime_value(0.0);
    let cut = r.lifetime_value(0.05);
    let _ = writeln!(
        o,
        "<section id=\"customer-value\"><h2>{}</h2><table><tr><th>{}</th><th>{}</th><th>{}</th><th>{}</th></tr>",
        esc(&tr!(lang, "report-value")),
        esc(&tr!(lang, "report-value-year")),
        esc(&tr!(lang, "report-value-customer-years")),
        esc(&tr!(lang, "report-value-profit")),
        esc(&tr!(lang, "report-value-defection")),
    );
    for (t, y) in r.tenure.iter().enumerate().take(VALUE_TABLE_YEARS) {
        let customer_years = y.customer_years();
        if customer_years < 1.0 {
            continue;
        }
        let _ = writeln!(
            o,
            "<tr><td>{}</td><td>{}</td><td>{}</td><td>{}</td></tr>",
            esc(&tr!(lang, "report-value-nth", year = t as i64 + 1)),
            number(customer_years, 0),
            esc(&r.money(y.profit_per_customer_year().round() as i64)),
            percent(y.defection(), 0)
        );
    }
    let _ = writeln!(o, "</table>");
    if base.years.is_empty() || base.value_cents <= 0.0 {
        let _ = writeln!(
            o,
            "<p>{}</p></section>",
            esc(&tr!(lang, "report-value-unmeasured"))
        );
        return;
    }
    let gain = cut.value_cents / base.value_cents - 1.0;
    let _ = writeln!(
        o,
        "<p>{}</p><p id=\"value-gain\">{}</p><p class=\"overlap\">{}</p></section>",
        esc(&tr!(
            lang,
            "report-value-text",
            acquisition = r.money(base.acquisition_cents.round() as i64),
            value = r.money(base.value_cents.round() as i64),
            own = r.money(base.own_cents.round() as i64),
            brought = number(base.referred, 2)
        )),
        esc(&tr!(
            lang,
            "report-value-gain",
            better = r.money(cut.value_cents.round() as i64),
            gain = format!("{:+.0}%", gain * 100.0)
        )),
        esc(&tr!(lang, "customer-value-note"))
    );
}
