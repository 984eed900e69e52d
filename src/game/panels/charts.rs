//! Charts of the history so far (the playing screen) or of a whole game with its what-if (the end
//! screen): one of [`CHARTS`], the same list the HTML debrief draws, with a mark on every day a
//! decision was taken.

use bevy_egui::egui;
use egui_plot::{Legend, Line, LineStyle, Plot, PlotPoints, VLine};

use crate::game::model::Model;
use crate::game::widgets;
use crate::headless::charts::{CHARTS, points};
use crate::i18n::message;
use crate::sim::dilemmas::{ChoiceMade, DilemmaState};
use crate::sim::levers::{Decision, DecisionLog};
use crate::sim::metrics::DayRow;
use crate::tr;

/// Days on which a decision was taken (lever change or dilemma choice), for chart markers.
pub fn decision_days(log: &[Decision], choices: &[ChoiceMade]) -> Vec<u32> {
    let mut days: Vec<u32> = log
        .iter()
        .map(|d| d.day)
        .chain(choices.iter().map(|c| c.day))
        .collect();
    days.sort_unstable();
    days.dedup();
    days
}

/// The playing screen's chart of the history so far.
pub fn show(ui: &mut egui::Ui, m: &Model, chart_shown: &mut usize, chart_day: Option<u32>) {
    let marks = decision_days(
        &m.world.resource::<DecisionLog>().entries,
        &m.world.resource::<DilemmaState>().made,
    );
    let height = ui.available_height().max(120.0);
    let shown = Shown {
        chart: chart_shown,
        day: chart_day,
        height,
    };
    chart(ui, "chart", (&m.history().rows, None), &marks, shown);
}

/// Which chart to show, the day to mark (a feed line clicked) and the chart's height.
pub struct Shown<'a> {
    pub chart: &'a mut usize,
    pub day: Option<u32>,
    pub height: f32,
}

/// The chart chosen in `shown`: a run's series (`rows.0`), a what-if's dashed over them in the
/// same colours (`rows.1`), and a mark on every day a decision was taken. Before the first day
/// ends there is nothing to draw, and the chart says so instead of showing an empty grid.
pub fn chart(
    ui: &mut egui::Ui,
    id: &str,
    (rows, what_if): (&[DayRow], Option<&[DayRow]>),
    marks: &[u32],
    shown: Shown,
) {
    let lang = widgets::lang(ui.ctx());
    ui.horizontal_wrapped(|ui| {
        for (i, c) in CHARTS.iter().enumerate() {
            if ui
                .selectable_label(*shown.chart == i, message(lang, c.title, None))
                .on_hover_text(message(lang, &format!("{}-hint", c.title), None))
                .clicked()
            {
                *shown.chart = i;
            }
        }
    });
    if rows.is_empty() {
        ui.label(tr!(lang, "chart-empty"));
        return;
    }
    let chart = &CHARTS[(*shown.chart).min(CHARTS.len() - 1)];
    // The wheel scrolls the page (a chart in a scrolling panel would otherwise swallow it and
    // pan to an empty range); Ctrl and the wheel zoom, a drag pans, a double-click resets.
    Plot::new((id, *shown.chart))
        .allow_scroll(false)
        .legend(Legend::default().follow_insertion_order(true))
        .height(shown.height)
        .x_axis_label(tr!(lang, "day"))
        .show(ui, |plot| {
            for (i, series) in chart.series.iter().enumerate() {
                let colour = widgets::series_colour(i);
                let line = |rows: &[DayRow]| -> PlotPoints {
                    points(series, rows)
                        .into_iter()
                        .map(|(d, v)| [d as f64, v])
                        .collect()
                };
                let name = message(lang, series.name, None);
                plot.line(
                    Line::new(name.as_str(), line(rows))
                        .color(colour)
                        .width(2.0),
                );
                if let Some(w) = what_if {
                    plot.line(
                        Line::new(tr!(lang, "series-what-if", name = name.as_str()), line(w))
                            .color(colour)
                            .style(LineStyle::dashed_dense()),
                    );
                }
            }
            if let Some(d) = shown.day {
                plot.vline(
                    VLine::new(tr!(lang, "chart-feed-day", day = d), d as f64)
                        .color(widgets::FOCUS)
                        .width(2.0),
                );
            }
            for d in marks {
                plot.vline(
                    VLine::new(tr!(lang, "decisions"), *d as f64)
                        .color(widgets::decision_colour())
                        .width(1.5),
                );
            }
        });
}
