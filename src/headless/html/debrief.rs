//! The debrief of a run as one self-contained HTML file: the decision timeline over the main
//! charts, the three stakeholder scorecards, why customers left (grouped by the cause in their
//! thoughts, with the decisions that preceded each rise), customer capital, what a customer is
//! worth, and three to five lessons chosen from what happened, each tied to a principle of the
//! game. With a what-if run, both are overlaid and the difference at the end is shown. What it
//! says is computed in [`crate::headless::report`]; this file only draws it.

use std::fmt::Write as _;

use super::svg::{self, Chart, Line, Mark};
use super::{Page, esc};
use crate::headless::charts::{CHARTS, Series, hex, points};
use crate::headless::impact::Impact;
use crate::headless::report::{
    TimelineEntry, capital, cause_label, churn_causes, lessons, silent_majority, timeline,
};
use crate::headless::results::{CustomerRecord, RunResult, scorecards};
use crate::headless::whatif::difference;
use crate::i18n::{Lang, message, number, percent};
use crate::tr;

fn impacts_section(o: &mut String, r: &RunResult, each: &Impacts, lang: Lang) {
    use crate::headless::impact::{sentence, signed};
    let currency = r.scenario.currency();
    let money = |c: i64| crate::headless::impact::signed_money(currency, c);
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
            svg::sparkline(&i.series.iter().map(|s| s.1).collect::<Vec<_>>()),
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
/// A what-if to overlay: its label and result.
pub struct Overlay<'a> {
    pub label: String,
    pub result: &'a RunResult,
}

/// What each decision did, to show in the debrief: each decision's impact and its label.
pub struct Impacts<'a> {
    pub impacts: &'a [Impact],
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
    let ending = crate::headless::results::ending(r, lang);
    let name = r.scenario.name.get(lang);
    super::start(
        &mut o,
        Page::Debrief,
        lang,
        &tr!(lang, "report-title", scenario = name),
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
            "news" => tr!(lang, "report-kind-news"),
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
        chart_of_runs(&mut o, chart.title, chart.series, &runs, &tl, lang);
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
    let _ = writeln!(o, "</section>");
    super::end(&mut o);
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

/// One of the run's charts: every series of each run (a what-if dashed), with the days of
/// decisions marked; its caption is the title and a legend.
fn chart_of_runs(
    o: &mut String,
    title: &str,
    series: &[Series],
    runs: &[(&str, &RunResult)],
    marks: &[TimelineEntry],
    lang: Lang,
) {
    let title = message(lang, title, None);
    let names: Vec<String> = series.iter().map(|s| message(lang, s.name, None)).collect();
    let mut lines = Vec::new();
    for (ri, (run, r)) in runs.iter().enumerate() {
        for (si, s) in series.iter().enumerate() {
            lines.push(Line {
                points: points(s, &r.rows),
                colour: hex(si),
                width: 1.6,
                dashed: ri > 0,
                title: format!("{} — {run}", names[si]),
            });
        }
    }
    let marks: Vec<Mark> = marks
        .iter()
        .filter(|m| m.kind != "advisor")
        .map(|m| Mark {
            day: m.day,
            title: tr!(lang, "day-text", day = m.day, text = m.text.as_str()),
        })
        .collect();
    let mut caption = format!("{} — ", esc(&title));
    for (si, name) in names.iter().enumerate() {
        let _ = write!(
            caption,
            "<span style=\"color:{}\">■ {}</span> ",
            hex(si),
            esc(name)
        );
    }
    if runs.len() > 1 {
        let _ = write!(
            caption,
            "<span>{}</span>",
            esc(&tr!(
                lang,
                "report-solid-dashed",
                solid = runs[0].0,
                dashed = runs[1].0
            ))
        );
    }
    let day = |d: u32| tr!(lang, "day-n", day = d);
    svg::chart(
        o,
        &Chart {
            frame: svg::WIDE,
            title: &title,
            lines: &lines,
            marks: &marks,
            last_day: Some(&day),
            caption: &caption,
            max_points: usize::MAX,
        },
    );
}
