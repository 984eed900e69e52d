//! The three stakeholders at a glance: customers, employees and shareholders, each figure with
//! an arrow for its last week.

use bevy_egui::egui;

use crate::game::model::Model;
use crate::game::widgets;
use crate::i18n::{number, percent};
use crate::sim::metrics::DayRow;
use crate::tr;

pub fn show(ui: &mut egui::Ui, m: &Model) {
    let lang = widgets::lang(ui.ctx());
    let rows = &m.history().rows;
    let Some(now) = rows.last() else {
        ui.label(tr!(lang, "figures-empty"));
        return;
    };
    let before = &rows[rows.len().saturating_sub(8)];
    let quits30: u32 = rows.iter().rev().take(30).map(|r| r.quits).sum();
    let quarter_profit = m
        .world
        .resource::<crate::sim::finance::Ledger>()
        .quarter_profit;
    // A metric by its catalogue key: its label, with its one-line explanation on hover.
    let row = |ui: &mut egui::Ui, key: &str, value: String, arrow: &str| {
        // Not justified: a wrapped label in a narrow column would be spread letter by letter.
        ui.with_layout(egui::Layout::top_down(egui::Align::Min), |ui| {
            widgets::metric_label(ui, lang, key);
            ui.strong(format!("{value} {arrow}"));
        });
    };
    ui.columns(3, |cols| {
        widgets::column_heading(&mut cols[0], tr!(lang, "customers"));
        row(
            &mut cols[0],
            "metric-retention",
            percent(now.retention_90d, 0),
            widgets::trend(now.retention_90d, before.retention_90d, 0.005),
        );
        row(
            &mut cols[0],
            "metric-nps",
            format!("{:+.0}", now.nps),
            widgets::trend(now.nps, before.nps, 1.0),
        );
        let d = |r: &DayRow| r.share_mood_9plus.unwrap_or(0.0);
        row(
            &mut cols[0],
            "metric-delighted",
            percent(d(now), 0),
            widgets::trend(d(now), d(before), 0.01),
        );
        row(
            &mut cols[0],
            "metric-reputation",
            format!("{} ★", number(now.reputation, 2)),
            widgets::trend(now.reputation, before.reputation, 0.01),
        );
        widgets::column_heading(&mut cols[1], tr!(lang, "employees"));
        row(
            &mut cols[1],
            "metric-morale",
            percent(now.morale, 0),
            widgets::trend(now.morale, before.morale, 0.01),
        );
        row(
            &mut cols[1],
            "metric-fatigue",
            percent(now.fatigue, 0),
            widgets::trend(now.fatigue, before.fatigue, 0.01),
        );
        row(&mut cols[1], "metric-turnover", quits30.to_string(), "");
        widgets::column_heading(&mut cols[2], tr!(lang, "shareholders"));
        row(
            &mut cols[2],
            "metric-profit",
            m.scenario.money(quarter_profit),
            "",
        );
        row(
            &mut cols[2],
            "metric-cash",
            m.scenario.money(now.cash),
            widgets::trend(now.cash as f64, before.cash as f64, 100.0),
        );
        let div: i64 = rows.iter().map(|r| r.dividends).sum();
        row(&mut cols[2], "metric-dividends", m.scenario.money(div), "");
        row(
            &mut cols[2],
            "metric-board",
            percent(now.board_confidence, 0),
            widgets::trend(now.board_confidence, before.board_confidence, 0.005),
        );
    });
}
