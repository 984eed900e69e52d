//! The levers panel: one control per [`Lever`], its approximate cost per day and its unit. A
//! change is a request to the model (taken at the next tick); while a dilemma waits the panel is
//! greyed out, because the choice comes first.

use bevy_egui::egui;

use crate::levers::{Lever, LeverKind, LeverSet, LeverValue, Levers, RecoveryPolicy, ServiceLevel};
use crate::scenario::Scenario;
use crate::sim::metrics::DayRow;

use crate::game::model::Model;
use crate::game::widgets;
use crate::i18n::Lang;
use crate::tr;

/// The staff slider stops here (a café's panel needs no 500-person scale; files and the keyboard
/// may go to the full range).
const STAFF_SLIDER_MAX: f64 = 60.0;

/// Approximate cost per day a lever implies at its current value, in cents (negative: revenue;
/// None: no direct money cost).
pub fn lever_cost(s: &Scenario, l: &Levers, last: Option<&DayRow>, lever: Lever) -> Option<i64> {
    let served = last.map_or(0.0, |r| r.served as f64);
    let week = s.staff.workdays_per_week / 7.0;
    let rate = s.reference.wage_cents_per_hour as f64 * l.wage;
    let staff = l.staff as f64;
    let c = |v: f64| Some(v.round() as i64);
    match lever {
        Lever::Price => last.map(|r| -r.revenue),
        Lever::Wage => c(staff * rate * s.staff.shift_hours * week),
        Lever::Training => {
            c(s.reference.training_cents_per_employee_day as f64 * l.training * staff)
        }
        Lever::Quality => c(s.reference.quality_cents_per_visit as f64 * l.quality * served),
        Lever::Marketing => c(s.reference.marketing_cents_per_day as f64 * l.marketing),
        // What one more person costs.
        Lever::Staff => c(rate * s.staff.shift_hours * week),
        Lever::Overtime => c(staff * rate * s.staff.overtime_premium * l.overtime * week),
        Lever::ServiceLevel => c(s.service.level_cost_cents.get(l.service_level) as f64 * served),
        Lever::Extras => c(s.service.extra_cost_cents as f64 * l.extras as f64 * served),
        Lever::Recovery | Lever::Outreach | Lever::Dividend => None,
    }
}

/// What a lever's setting means in plain units, in the scenario's money: a multiple of a
/// reference shows the amount it comes to now and the reference ("= $5.50 per visit
/// (reference $5.00)").
fn lever_unit(lever: Lever, s: &Scenario, levers: &Levers, lang: Lang) -> String {
    let r = &s.reference;
    let per = s.words().per_unit.get(lang);
    let now_and_reference = |unit: &dyn Fn(i64) -> String, cents: i64, multiple: f64| {
        tr!(
            lang,
            "unit-now",
            now = unit((cents as f64 * multiple).round() as i64),
            reference = s.money(cents)
        )
    };
    match lever {
        Lever::Price => now_and_reference(
            &|c| tr!(lang, "unit-per-unit", amount = s.money(c), per = per),
            r.price_cents,
            levers.price,
        ),
        Lever::Wage => now_and_reference(
            &|c| tr!(lang, "unit-per-hour", amount = s.money(c)),
            r.wage_cents_per_hour,
            levers.wage,
        ),
        Lever::Training => now_and_reference(
            &|c| tr!(lang, "unit-per-employee-day", amount = s.money(c)),
            r.training_cents_per_employee_day,
            levers.training,
        ),
        Lever::Quality => now_and_reference(
            &|c| tr!(lang, "unit-goods-per-unit", amount = s.money(c), per = per),
            r.quality_cents_per_visit,
            levers.quality,
        ),
        Lever::Marketing => now_and_reference(
            &|c| tr!(lang, "unit-per-day", amount = s.money(c)),
            r.marketing_cents_per_day,
            levers.marketing,
        ),
        Lever::Staff => tr!(lang, "unit-staff"),
        Lever::Overtime => tr!(lang, "unit-overtime"),
        Lever::Extras => tr!(lang, "unit-extras"),
        Lever::Dividend => tr!(
            lang,
            "unit-dividend-now",
            share = crate::i18n::percent(levers.dividend, 0)
        ),
        Lever::Outreach => tr!(lang, "unit-outreach"),
        Lever::ServiceLevel | Lever::Recovery => String::new(),
    }
}

/// The levers, the one at `cursor` ringed when the panel has the keyboard; where each was drawn
/// goes into `rects`.
pub fn show(
    ui: &mut egui::Ui,
    m: &mut Model,
    cursor: Option<usize>,
    rects: &mut Vec<(Lever, bevy::math::Rect)>,
) {
    let lang = widgets::lang(ui.ctx());
    // As the player's waiting changes leave them (a change made while paused shows at once).
    let levers = m.levers_requested();
    let last = m.history().rows.last().cloned();
    let mut requests: Vec<LeverSet> = Vec::new();
    let mut drawn = Vec::new();
    widgets::focus_heading(ui, tr!(lang, "levers"), cursor.is_some());
    ui.small(tr!(lang, "levers-keys"));
    let waiting = m.pending_dilemma().is_some();
    if waiting {
        ui.colored_label(widgets::WARNING, tr!(lang, "levers-wait"));
    }
    egui::ScrollArea::vertical().show(ui, |ui| {
        ui.add_enabled_ui(!waiting, |ui| {
            for (i, lever) in Lever::ALL.into_iter().enumerate() {
                let here = cursor == Some(i);
                let cost = lever_cost(&m.scenario, &levers, last.as_ref(), lever);
                let (set, rect) = lever_row(ui, lever, &levers, cost, here, m.scenario.currency());
                requests.extend(set);
                drawn.push((
                    lever,
                    bevy::math::Rect::new(rect.min.x, rect.min.y, rect.max.x, rect.max.y),
                ));
                ui.small(lever_unit(
                    lever,
                    &m.scenario,
                    &levers,
                    widgets::lang(ui.ctx()),
                ));
                ui.separator();
            }
        });
    });
    *rects = drawn;
    for set in requests {
        // Refused only while a dilemma waits, when the panel is disabled anyway.
        let _ = m.request(set);
    }
}

/// One lever's label, cost and control; a settled change is returned as a request, with where
/// the control was drawn.
fn lever_row(
    ui: &mut egui::Ui,
    lever: Lever,
    levers: &Levers,
    cost: Option<i64>,
    here: bool,
    currency: &crate::scenario::Currency,
) -> (Option<LeverSet>, egui::Rect) {
    let lang = widgets::lang(ui.ctx());
    ui.horizontal(|ui| {
        let text = egui::RichText::new(lever.label(lang)).strong();
        ui.label(if here {
            text.background_color(widgets::CURSOR)
        } else {
            text
        })
        .on_hover_text(lever.hint(lang));
        if let Some(c) = cost {
            let label = if c < 0 {
                tr!(lang, "revenue-per-day", amount = currency.money(-c))
            } else {
                tr!(lang, "cost-per-day", amount = currency.money(c))
            };
            ui.small(label);
        }
    });
    let now = levers.get(lever);
    let control = ui.scope(|ui| match (lever.kind(), now) {
        (LeverKind::Number { range, step, whole }, LeverValue::Number(v)) => {
            let hi = if lever == Lever::Staff {
                range.1.min(STAFF_SLIDER_MAX)
            } else {
                range.1
            };
            widgets::number_slider(ui, v, (range.0, hi), step, whole).map(LeverValue::Number)
        }
        (_, LeverValue::Level(l)) => {
            widgets::pick(ui, l, ServiceLevel::ALL, |x| x.label(lang)).map(LeverValue::Level)
        }
        (_, LeverValue::Recovery(r)) => {
            widgets::pick(ui, r, RecoveryPolicy::ALL, |x| x.label(lang)).map(LeverValue::Recovery)
        }
        (_, LeverValue::Toggle(on)) => {
            let mut x = on;
            ui.checkbox(&mut x, tr!(lang, "on"))
                .changed()
                .then_some(LeverValue::Toggle(x))
        }
        (_, LeverValue::Number(_)) => None,
    });
    (
        control.inner.map(|v| LeverSet::one(lever, v)),
        control.response.rect,
    )
}
