//! Customer capital: the last quarter's revenue split into retention, ramp-up and referral value,
//! and net dollar retention.

use bevy_egui::egui;

use crate::game::text::t;
use crate::headless::money;
use crate::sim::metrics::DayRow;

pub fn show(ui: &mut egui::Ui, rows: &[DayRow]) {
    let tx = t();
    let (retained, rampup, referred, revenue) = crate::headless::report::capital(rows);
    let revenue = revenue.max(1);
    ui.heading(tx.capital);
    ui.small(tx.last_quarter);
    egui::Grid::new("capital").striped(true).show(ui, |ui| {
        for (label, v) in [
            (tx.retained_value, retained),
            (tx.rampup_value, rampup),
            (tx.referral_value, referred),
        ] {
            ui.label(label);
            ui.strong(money(v));
            ui.label(format!("{:.0}%", v as f64 / revenue as f64 * 100.0));
            ui.end_row();
        }
        ui.label(tx.ndr);
        ui.strong(
            rows.last()
                .and_then(|r| r.ndr)
                .map_or("n/a".into(), |x| format!("{:.1}%", x * 100.0)),
        );
        ui.end_row();
    });
}
