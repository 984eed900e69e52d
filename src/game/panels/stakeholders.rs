//! The three stakeholders at a glance: customers, employees and shareholders, each figure with
//! an arrow for its last week.

use bevy_egui::egui;

use crate::game::model::Model;
use crate::game::widgets;
use crate::i18n::{number, percent};
use crate::sim::metrics::DayRow;
use crate::tr;

/// Today's figures and those of a week ago, or a word that there are none yet.
fn this_week<'a>(ui: &mut egui::Ui, m: &'a Model) -> Option<(&'a DayRow, &'a DayRow)> {
    let rows = &m.history().rows;
    let Some(now) = rows.last() else {
        ui.label(tr!(widgets::lang(ui.ctx()), "figures-empty"));
        return None;
    };
    Some((now, &rows[rows.len().saturating_sub(8)]))
}

pub fn show(ui: &mut egui::Ui, m: &Model) {
    let lang = widgets::lang(ui.ctx());
    let Some((now, before)) = this_week(ui, m) else {
        return;
    };
    let rows = &m.history().rows;
    let quits30: u32 = rows.iter().rev().take(30).map(|r| r.quits).sum();
    let quarter_profit = m
        .world
        .resource::<crate::sim::finance::Ledger>()
        .quarter_profit;
    let d = |r: &DayRow| r.share_mood_9plus.unwrap_or(0.0);
    let div: i64 = rows.iter().map(|r| r.dividends).sum();
    // Each group's figures: the metric's catalogue key, its value, and the week's arrow.
    let groups: [(String, Vec<Figure>); 3] = [
        (
            tr!(lang, "customers"),
            vec![
                (
                    "metric-retention",
                    percent(now.retention_90d, 0),
                    widgets::trend(now.retention_90d, before.retention_90d, 0.005),
                ),
                (
                    "metric-nps",
                    format!("{:+.0}", now.nps),
                    widgets::trend(now.nps, before.nps, 1.0),
                ),
                (
                    "metric-delighted",
                    percent(d(now), 0),
                    widgets::trend(d(now), d(before), 0.01),
                ),
                (
                    "metric-reputation",
                    format!("{} ★", number(now.reputation, 2)),
                    widgets::trend(now.reputation, before.reputation, 0.01),
                ),
            ],
        ),
        (
            tr!(lang, "employees"),
            vec![
                (
                    "metric-morale",
                    percent(now.morale, 0),
                    widgets::trend(now.morale, before.morale, 0.01),
                ),
                (
                    "metric-fatigue",
                    percent(now.fatigue, 0),
                    widgets::trend(now.fatigue, before.fatigue, 0.01),
                ),
                ("metric-turnover", quits30.to_string(), ""),
            ],
        ),
        (
            tr!(lang, "shareholders"),
            vec![
                ("metric-profit", m.scenario.money(quarter_profit), ""),
                (
                    "metric-cash",
                    m.scenario.money(now.cash),
                    widgets::trend(now.cash as f64, before.cash as f64, 100.0),
                ),
                ("metric-dividends", m.scenario.money(div), ""),
                (
                    "metric-board",
                    percent(now.board_confidence, 0),
                    widgets::trend(now.board_confidence, before.board_confidence, 0.005),
                ),
            ],
        ),
    ];
    // A metric by its catalogue key: its label, with its one-line explanation on hover.
    let row = |ui: &mut egui::Ui, (key, value, arrow): &Figure| {
        // Not justified: a wrapped label in a narrow column would be spread letter by letter.
        ui.with_layout(egui::Layout::top_down(egui::Align::Min), |ui| {
            widgets::metric_label(ui, lang, key);
            ui.strong(format!("{value} {arrow}"));
        });
    };
    // Three columns where they fit; in a narrow panel (a projector at a large scale) each group
    // in turn, a figure a line, so that nothing runs off the right of the window.
    if ui.available_width() >= NARROW {
        ui.columns(3, |cols| {
            for (col, (heading, figures)) in cols.iter_mut().zip(&groups) {
                widgets::column_heading(col, heading.clone());
                for f in figures {
                    row(col, f);
                }
            }
        });
    } else {
        for (heading, figures) in &groups {
            widgets::column_heading(ui, heading.clone());
            egui::Grid::new(("narrow", heading.as_str()))
                .num_columns(2)
                .show(ui, |ui| {
                    for (key, value, arrow) in figures {
                        widgets::metric_label(ui, lang, key);
                        ui.strong(format!("{value} {arrow}"));
                        ui.end_row();
                    }
                });
        }
    }
}

/// A figure: its metric's catalogue key, its value, and its week's arrow.
type Figure = (&'static str, String, &'static str);

/// Below this many points across, the three groups are shown one after another.
const NARROW: f32 = 360.0;

/// The three groups for a projector: one headline figure each, large enough to read from the
/// back of a room (customers kept, the team's morale, the board's confidence), with the week's
/// arrow and a second figure beneath.
pub fn show_big(ui: &mut egui::Ui, m: &Model) {
    let lang = widgets::lang(ui.ctx());
    let Some((now, before)) = this_week(ui, m) else {
        return;
    };
    let big = |ui: &mut egui::Ui, heading: String, key: &str, value: String, arrow: &str| {
        ui.vertical_centered(|ui| {
            ui.label(egui::RichText::new(heading).size(18.0).strong());
            // As large as the column allows (a 1024-pixel projector at scale 1.5 leaves each
            // group about 95 points), never wider than it.
            let size = (ui.available_width() / 3.6).clamp(14.0, 32.0);
            ui.add(
                egui::Label::new(
                    egui::RichText::new(format!("{value} {arrow}"))
                        .size(size)
                        .strong(),
                )
                .wrap_mode(egui::TextWrapMode::Truncate),
            )
            .on_hover_text(crate::i18n::message(lang, &format!("{key}-hint"), None));
            widgets::metric_label(ui, lang, key);
        });
    };
    let small = |ui: &mut egui::Ui, key: &str, value: String| {
        ui.vertical_centered(|ui| {
            ui.add_space(4.0);
            let size = (ui.available_width() / 5.6).clamp(11.0, 20.0);
            ui.add(
                egui::Label::new(egui::RichText::new(value).size(size))
                    .wrap_mode(egui::TextWrapMode::Truncate),
            );
            widgets::metric_label(ui, lang, key);
        });
    };
    ui.columns(3, |cols| {
        big(
            &mut cols[0],
            tr!(lang, "customers"),
            "metric-retention",
            percent(now.retention_90d, 0),
            widgets::trend(now.retention_90d, before.retention_90d, 0.005),
        );
        small(
            &mut cols[0],
            "metric-reputation",
            format!("{} ★", number(now.reputation, 1)),
        );
        big(
            &mut cols[1],
            tr!(lang, "employees"),
            "metric-morale",
            percent(now.morale, 0),
            widgets::trend(now.morale, before.morale, 0.01),
        );
        small(&mut cols[1], "metric-fatigue", percent(now.fatigue, 0));
        big(
            &mut cols[2],
            tr!(lang, "shareholders"),
            "metric-board",
            percent(now.board_confidence, 0),
            widgets::trend(now.board_confidence, before.board_confidence, 0.005),
        );
        small(&mut cols[2], "metric-cash", m.scenario.money(now.cash));
    });
}
