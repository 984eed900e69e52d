//! Customer capital: the last quarter's revenue split into retention, ramp-up and referral value,
//! and net dollar retention.

use bevy_egui::egui;

use crate::game::widgets;
use crate::i18n::percent;
use crate::scenario::Currency;
use crate::sim::metrics::DayRow;
use crate::sim::tenure::LifetimeValue;
use crate::tr;

/// `value`: a new customer's lifetime value, and with 5 points less defection (the end screen's;
/// `None` while playing).
pub fn show(
    ui: &mut egui::Ui,
    rows: &[DayRow],
    currency: &Currency,
    value: Option<(&LifetimeValue, &LifetimeValue)>,
) {
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
        if let Some((base, cut)) = value.filter(|(b, _)| b.value_cents > 0.0) {
            widgets::metric_label(ui, lang, "metric-customer-value");
            ui.strong(currency.money(base.value_cents.round() as i64));
            ui.end_row();
            widgets::metric_label(ui, lang, "metric-value-gain");
            ui.strong(currency.money(cut.value_cents.round() as i64));
            ui.label(format!(
                "{:+.0}%",
                (cut.value_cents / base.value_cents - 1.0) * 100.0
            ));
            ui.end_row();
        }
    });
    // The three values are views of the same revenue, not parts of it.
    ui.small(tr!(lang, "capital-overlap"));
}
