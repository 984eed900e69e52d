//! The Explore panel: pick a lever, and the game runs the business again from its first day with
//! that lever at values either side of the player's (several runs each, different customers),
//! then plots customers kept and profit against the lever, the mean as a line and the lowest to
//! the highest run as a band, with the player's own value marked.

use bevy_egui::egui;
use egui_plot::{AxisHints, FilledArea, GridMark, Line, Plot, PlotPoints, Points, VLine};

use crate::game::explore::{Exploration, ExploreRequest, ExploreRun};
use crate::game::model::Model;
use crate::game::widgets;
use crate::i18n::{Lang, percent};
use crate::levers::{Lever, LeverValue};
use crate::sweep::explore::{Point, Spread, best};
use crate::tr;

/// Draws the panel; returns the lever to explore when the player asks for it.
pub fn show(
    ui: &mut egui::Ui,
    m: &Model,
    explore_lever: &mut usize,
    exploration: &Exploration,
    focused: bool,
) -> Option<ExploreRequest> {
    let lang = widgets::lang(ui.ctx());
    let mut request = None;
    let intro = tr!(
        lang,
        "explore-intro",
        days = exploration.days.min(m.scenario.horizon_days).max(1),
        seeds = exploration.seeds.max(1)
    );
    widgets::focus_heading(ui, tr!(lang, "explore"), focused);
    // The explanation in full until there are results to make room for; then on hover.
    if exploration.current.is_none() {
        ui.label(intro);
    } else {
        ui.label(egui::RichText::new(tr!(lang, "explore-what")).small())
            .on_hover_text(intro);
    }
    let lever = Lever::ALL[(*explore_lever).min(Lever::ALL.len() - 1)];
    ui.horizontal_wrapped(|ui| {
        egui::ComboBox::from_id_salt("explore-lever")
            .selected_text(lever.label(lang))
            .show_ui(ui, |ui| {
                for (i, l) in Lever::ALL.iter().enumerate() {
                    ui.selectable_value(explore_lever, i, l.label(lang));
                }
            });
        let running = exploration
            .current
            .as_ref()
            .is_some_and(ExploreRun::is_running);
        let label = if running {
            tr!(lang, "explore-restart")
        } else {
            tr!(lang, "explore-run")
        };
        if ui
            .button(label)
            .on_hover_text(tr!(lang, "explore-run-hint"))
            .clicked()
        {
            request = Some(ExploreRequest(lever));
        }
    });
    let Some(run) = &exploration.current else {
        return request;
    };
    if run.is_running() {
        let done = run.done.load(std::sync::atomic::Ordering::Relaxed);
        let total = run.explore.runs().max(1);
        ui.add(egui::ProgressBar::new(done as f32 / total as f32).text(tr!(
            lang,
            "explore-progress",
            done = done,
            total = total
        )));
        ui.ctx().request_repaint();
        return request;
    }
    let Some(points) = run.points() else {
        return request;
    };
    results(ui, m, run, points, lang);
    request
}

/// The two charts and a sentence each.
fn results(ui: &mut egui::Ui, m: &Model, run: &ExploreRun, points: &[Point], lang: Lang) {
    let lever = run.explore.lever;
    let name = lever.label(lang);
    let currency = m.scenario.currency();
    ui.label(
        egui::RichText::new(tr!(
            lang,
            "explore-band",
            seeds = run.explore.seeds,
            lever = name.as_str(),
            value = run.at.show(lever, lang)
        ))
        .small(),
    );
    let early: u32 = points.iter().map(|p| p.ended_early).sum();
    if early > 0 {
        ui.colored_label(
            widgets::WARNING,
            tr!(lang, "explore-ended-early", n = early),
        );
    }
    if let Some(p) = best(points, |p| p.retention) {
        ui.label(tr!(
            lang,
            "explore-best-retention",
            value = p.value.show(lever, lang),
            share = percent(p.retention.mean, 0)
        ));
    }
    if let Some(p) = best(points, |p| p.profit) {
        ui.label(tr!(
            lang,
            "explore-best-profit",
            value = p.value.show(lever, lang),
            money = currency.money(p.profit.mean.round() as i64),
            days = run.explore.days
        ));
    }
    // Both charts in the space left, under a title each (the panel scrolls if that is too little).
    let title = ui.text_style_height(&egui::TextStyle::Body) + ui.spacing().item_spacing.y * 2.0;
    let height = ((ui.available_height() - 2.0 * title - 8.0) / 2.0).max(90.0);
    let measures = [
        Measure {
            id: "explore-retention",
            title: tr!(lang, "explore-retention"),
            of: |p| p.retention,
            scale: 100.0,
        },
        Measure {
            id: "explore-profit",
            title: tr!(lang, "explore-profit", currency = currency.symbol.as_str()),
            of: |p| p.profit,
            scale: 0.01,
        },
    ];
    for m in &measures {
        chart(ui, m, (points, run), height, lang);
    }
}

/// Where a value sits on the x axis: a number at itself, a choice at its place in the list.
fn x_of(value: LeverValue, points: &[Point]) -> f64 {
    match value {
        LeverValue::Number(v) => v,
        other => points.iter().position(|p| p.value == other).unwrap_or(0) as f64,
    }
}

/// A measure of the explored runs: its chart's id and title, how to read it off a point, and the
/// scale it is shown at.
struct Measure {
    id: &'static str,
    title: String,
    of: fn(&Point) -> Spread,
    scale: f64,
}

/// One measure against the lever: the band from the lowest to the highest run, the mean as a
/// line with a dot per value, and the player's value as a vertical line.
fn chart(
    ui: &mut egui::Ui,
    m: &Measure,
    (points, run): (&[Point], &ExploreRun),
    height: f32,
    lang: Lang,
) {
    let (measure, scale, title) = (m.of, m.scale, m.title.as_str());
    let lever = run.explore.lever;
    let id = (m.id, lever);
    let xs: Vec<f64> = points.iter().map(|p| x_of(p.value, points)).collect();
    let low: Vec<f64> = points.iter().map(|p| measure(p).low * scale).collect();
    let high: Vec<f64> = points.iter().map(|p| measure(p).high * scale).collect();
    let mean: Vec<[f64; 2]> = xs
        .iter()
        .zip(points)
        .map(|(&x, p)| [x, measure(p).mean * scale])
        .collect();
    let colour = widgets::series_colour(0);
    // The axis marks the explored values only, each named as the lever panel names it.
    let labels: Vec<(f64, String)> = xs
        .iter()
        .zip(points)
        .map(|(&x, p)| (x, p.value.show(lever, lang)))
        .collect();
    let step = xs
        .windows(2)
        .map(|w| w[1] - w[0])
        .fold(f64::INFINITY, f64::min)
        .min(1.0);
    let marks = xs.clone();
    ui.strong(title);
    let plot = Plot::new(id)
        .allow_scroll(false)
        .height(height)
        .x_grid_spacer(move |_| {
            marks
                .iter()
                .map(|&value| GridMark {
                    value,
                    step_size: step,
                })
                .collect()
        })
        // Seven values share a narrow panel: the labels may sit closer than a plot's default.
        .custom_x_axes(vec![
            AxisHints::new_x()
                .label(lever.label(lang))
                .label_spacing(20.0..=32.0)
                .formatter(move |mark, _| {
                    labels
                        .iter()
                        .find(|(x, _)| (x - mark.value).abs() < 1e-6)
                        .map(|(_, l)| l.clone())
                        .unwrap_or_default()
                }),
        ]);
    plot.show(ui, |plot| {
        plot.add(
            FilledArea::new(tr!(lang, "explore-range"), &xs, &low, &high)
                .fill_color(colour.linear_multiply(0.25)),
        );
        plot.line(
            Line::new(tr!(lang, "explore-mean"), PlotPoints::new(mean.clone()))
                .color(colour)
                .width(2.0),
        );
        plot.add(
            Points::new(tr!(lang, "explore-mean"), PlotPoints::new(mean))
                .color(colour)
                .radius(3.5),
        );
        plot.vline(
            VLine::new(tr!(lang, "explore-yours"), x_of(run.at, points))
                .color(widgets::FOCUS)
                .width(2.0),
        );
    });
}
