//! The inspector: one customer (their history, mood and thoughts) or one member of staff.

use bevy_egui::egui;
use egui_plot::{Line, Plot, PlotPoints};

use crate::game::model::Model;
use crate::game::ui::{Focus, Layout, Selected};
use crate::game::widgets;
use crate::levers::Levers;
use crate::sim::customers::Customers;
use crate::sim::staff::{Employee, relative_pay};
use crate::tr;

pub fn show(ctx: &egui::Context, m: &Model, focus: &mut Focus, layout: &Layout) {
    let lang = widgets::lang(ctx);
    let Some(sel) = focus.selected else { return };
    let mut open = true;
    // Over the floor's top right corner, not over the panels (at the window's corner it hid the
    // stakeholder meters).
    let floor = layout.floor_points.unwrap_or_else(|| ctx.content_rect());
    egui::Window::new(tr!(lang, "inspector"))
        .open(&mut open)
        .pivot(egui::Align2::RIGHT_TOP)
        .fixed_pos(floor.right_top() + egui::vec2(-8.0, 8.0))
        .max_width((floor.width() - 16.0).max(220.0))
        .resizable(false)
        .show(ctx, |ui| match sel {
            Selected::Visitor => {
                ui.label(tr!(lang, "new-customer"));
            }
            Selected::Customer(e) => {
                let w = &m.world;
                let Some((c, story)) = w.resource::<Customers>().get(e) else {
                    ui.label(tr!(lang, "churned"));
                    return;
                };
                let day = m.clock().day as i32;
                let seg = m
                    .scenario
                    .segments
                    .get(c.segment as usize)
                    .map_or("?", |s| s.name.get(lang));
                if let Some(d) = story.churned_day() {
                    ui.colored_label(widgets::GONE, tr!(lang, "churned-on", day = d));
                }
                egui::Grid::new("who").show(ui, |ui| {
                    for (k, v) in [
                        (tr!(lang, "segment"), seg.to_string()),
                        (
                            tr!(lang, "tenure-days"),
                            (day - c.joined_day).max(0).to_string(),
                        ),
                        (tr!(lang, "visits"), c.visits.to_string()),
                        (
                            tr!(lang, "spend"),
                            m.scenario.money(story.total_spend_cents),
                        ),
                        (tr!(lang, "health"), format!("{:.0}%", c.health * 100.0)),
                    ] {
                        ui.label(k);
                        ui.strong(v);
                        ui.end_row();
                    }
                });
                ui.label(tr!(lang, "mood-history"));
                // The axis's top and bottom numbers reach half a line past the chart.
                ui.add_space(8.0);
                let moods: PlotPoints = story
                    .moods()
                    .enumerate()
                    .map(|(i, x)| [i as f64, x as f64])
                    .collect();
                Plot::new("moods")
                    .height(80.0)
                    .width(240.0)
                    .include_y(0.0)
                    .include_y(10.0)
                    .show_axes([false, true])
                    .allow_drag(false)
                    .allow_zoom(false)
                    .allow_scroll(false)
                    .show(ui, |p| p.line(Line::new(tr!(lang, "mood-history"), moods)));
                ui.add_space(8.0);
                ui.label(tr!(lang, "thoughts"));
                for th in story.thoughts() {
                    ui.label(tr!(
                        lang,
                        "thought-line",
                        day = th.day,
                        text = m.scenario.thought(th.kind, th.value, lang),
                        impact = crate::i18n::signed(th.impact as f64, 1)
                    ))
                    .on_hover_text(format!(
                        "{}: {}",
                        th.kind.label(lang),
                        th.kind.hint(lang)
                    ));
                }
            }
            Selected::Employee(e) => {
                let Some(emp) = m.world.get::<Employee>(e) else {
                    ui.label(tr!(lang, "no-selection"));
                    return;
                };
                let levers = m.world.resource::<Levers>();
                ui.label(format!("{} #{}", tr!(lang, "staff-member"), emp.id));
                egui::Grid::new("emp").show(ui, |ui| {
                    for (k, v) in [
                        (
                            tr!(lang, "metric-morale"),
                            format!("{:.0}%", emp.morale * 100.0),
                        ),
                        (
                            tr!(lang, "metric-fatigue"),
                            format!("{:.0}%", emp.fatigue * 100.0),
                        ),
                        (tr!(lang, "skill"), format!("{:.0}%", emp.skill * 100.0)),
                        (
                            tr!(lang, "wage"),
                            format!("{:.2}", relative_pay(&m.scenario, levers)),
                        ),
                        (tr!(lang, "overtime-days"), emp.overtime_days.to_string()),
                    ] {
                        ui.label(k);
                        ui.strong(v);
                        ui.end_row();
                    }
                });
            }
        });
    if !open {
        focus.selected = None;
    }
}
