//! The three stakeholders at a glance: customers, employees and shareholders, each figure with
//! an arrow for its last week.

use bevy_egui::egui;

use crate::game::model::Model;
use crate::game::text::t;
use crate::game::widgets;
use crate::headless::money;
use crate::sim::metrics::DayRow;

pub fn show(ui: &mut egui::Ui, m: &Model) {
    let tx = t();
    let rows = &m.history().rows;
    let Some(now) = rows.last() else {
        ui.label("…");
        return;
    };
    let before = &rows[rows.len().saturating_sub(8)];
    let quits30: u32 = rows.iter().rev().take(30).map(|r| r.quits).sum();
    let quarter_profit = m
        .world
        .resource::<crate::sim::finance::Ledger>()
        .quarter_profit;
    let row = |ui: &mut egui::Ui, label: &str, value: String, arrow: &str| {
        // Not justified: a wrapped label in a narrow column would be spread letter by letter.
        ui.with_layout(egui::Layout::top_down(egui::Align::Min), |ui| {
            ui.small(label);
            ui.strong(format!("{value} {arrow}"));
        });
    };
    ui.columns(3, |cols| {
        widgets::column_heading(&mut cols[0], tx.customers);
        row(
            &mut cols[0],
            tx.retention,
            format!("{:.0}%", now.retention_90d * 100.0),
            widgets::trend(now.retention_90d, before.retention_90d, 0.005),
        );
        row(
            &mut cols[0],
            tx.nps,
            format!("{:+.0}", now.nps),
            widgets::trend(now.nps, before.nps, 1.0),
        );
        let d = |r: &DayRow| r.share_mood_9plus.unwrap_or(0.0);
        row(
            &mut cols[0],
            tx.delighted,
            format!("{:.0}%", d(now) * 100.0),
            widgets::trend(d(now), d(before), 0.01),
        );
        row(
            &mut cols[0],
            tx.reputation,
            format!("{:.2} ★", now.reputation),
            widgets::trend(now.reputation, before.reputation, 0.01),
        );
        widgets::column_heading(&mut cols[1], tx.employees);
        row(
            &mut cols[1],
            tx.morale,
            format!("{:.0}%", now.morale * 100.0),
            widgets::trend(now.morale, before.morale, 0.01),
        );
        row(
            &mut cols[1],
            tx.fatigue,
            format!("{:.0}%", now.fatigue * 100.0),
            widgets::trend(now.fatigue, before.fatigue, 0.01),
        );
        row(&mut cols[1], tx.turnover, quits30.to_string(), "");
        widgets::column_heading(&mut cols[2], tx.shareholders);
        row(&mut cols[2], tx.profit_quarter, money(quarter_profit), "");
        row(
            &mut cols[2],
            tx.cash,
            money(now.cash),
            widgets::trend(now.cash as f64, before.cash as f64, 100.0),
        );
        let div: i64 = rows.iter().map(|r| r.dividends).sum();
        row(&mut cols[2], tx.dividends, money(div), "");
        row(
            &mut cols[2],
            tx.board,
            format!("{:.0}%", now.board_confidence * 100.0),
            widgets::trend(now.board_confidence, before.board_confidence, 0.005),
        );
    });
}
