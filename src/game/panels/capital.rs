//! Customer capital: the last quarter's revenue split into retention, ramp-up and referral value,
//! and net dollar retention.

use bevy_egui::egui;

use crate::game::widgets;
use crate::i18n::percent;
use crate::scenario::Currency;
use crate::sim::metrics::DayRow;
use crate::tr;

pub fn show(ui: &mut egui::Ui, rows: &[DayRow], currency: &Currency) {
    let lang = widgets::lang(ui.ctx());
    let (retained, rampup, referred, revenue) = crate::headless::report::capital(rows);
    let revenue = revenue.max(1);
    ui.heading(tr!(lang, "capital"));
    ui.small(tr!(lang, "last-quarter"));
    egui::Grid::new("capital").striped(true).show(ui, |ui| {
        for (key, v) in [
            ("metric-retained-value", retained),
            ("metric-rampup-value", rampup),
            ("metric-referral-value", referred),
        ] {
            widgets::metric_label(ui, lang, key);
            ui.strong(currency.money(v));
            ui.label(percent(v as f64 / revenue as f64, 0));
            ui.end_row();
        }
        widgets::metric_label(ui, lang, "metric-ndr");
        ui.strong(
            rows.last()
                .and_then(|r| r.ndr)
                .map_or_else(|| tr!(lang, "not-available"), |x| percent(x, 1)),
        );
        ui.end_row();
    });
    // The three values are views of the same revenue, not parts of it.
    ui.small(tr!(lang, "capital-overlap"));
}
