//! The inspector: one customer (their history, mood and thoughts) or one member of staff.

use bevy_egui::egui;
use egui_plot::{Line, Plot, PlotPoints};

use crate::game::input::{Selected, UiState};
use crate::game::model::Model;
use crate::game::text::t;
use crate::game::widgets;
use crate::headless::money;
use crate::levers::Levers;
use crate::sim::customers::{Customer, CustomerStory};
use crate::sim::staff::{Employee, relative_pay};

pub fn show(ctx: &egui::Context, m: &Model, state: &mut UiState) {
    let tx = t();
    let Some(sel) = state.selected else { return };
    let mut open = true;
    egui::Window::new(tx.inspector)
        .open(&mut open)
        .anchor(egui::Align2::RIGHT_TOP, [-10.0, 60.0])
        .resizable(false)
        .show(ctx, |ui| match sel {
            Selected::Visitor => {
                ui.label(tx.new_customer);
            }
            Selected::Customer(e) => {
                let w = &m.world;
                let (Some(c), Some(story)) = (w.get::<Customer>(e), w.get::<CustomerStory>(e))
                else {
                    ui.label(tx.churned);
                    return;
                };
                let day = m.clock().day as i32;
                let seg = m
                    .scenario
                    .segments
                    .get(c.segment as usize)
                    .map_or("?", |s| s.name.as_str());
                if let Some(d) = story.churned_day {
                    ui.colored_label(widgets::GONE, format!("{} ({} {d})", tx.churned, tx.day));
                }
                egui::Grid::new("who").show(ui, |ui| {
                    for (k, v) in [
                        (tx.segment, seg.to_string()),
                        (tx.tenure_days, (day - c.joined_day).max(0).to_string()),
                        (tx.visits, c.visits.to_string()),
                        (tx.spend, money(story.total_spend_cents)),
                        (tx.health, format!("{:.0}%", c.health * 100.0)),
                    ] {
                        ui.label(k);
                        ui.strong(v);
                        ui.end_row();
                    }
                });
                ui.label(tx.mood_history);
                let moods: PlotPoints = story
                    .moods()
                    .iter()
                    .enumerate()
                    .map(|(i, &x)| [i as f64, x as f64])
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
                    .show(ui, |p| p.line(Line::new("mood", moods)));
                ui.label(tx.thoughts);
                for th in story.thoughts() {
                    ui.label(format!(
                        "{} {}: {} ({:+.1})",
                        tx.day,
                        th.day,
                        th.kind.describe(th.value),
                        th.impact
                    ));
                }
            }
            Selected::Employee(e) => {
                let Some(emp) = m.world.get::<Employee>(e) else {
                    ui.label(tx.no_selection);
                    return;
                };
                let levers = m.world.resource::<Levers>();
                ui.label(format!("{} #{}", tx.staff_member, emp.id));
                egui::Grid::new("emp").show(ui, |ui| {
                    for (k, v) in [
                        (tx.morale, format!("{:.0}%", emp.morale * 100.0)),
                        (tx.fatigue, format!("{:.0}%", emp.fatigue * 100.0)),
                        (tx.skill, format!("{:.0}%", emp.skill * 100.0)),
                        (tx.wage, format!("{:.2}", relative_pay(&m.scenario, levers))),
                        (tx.overtime_days, emp.overtime_days.to_string()),
                    ] {
                        ui.label(k);
                        ui.strong(v);
                        ui.end_row();
                    }
                });
            }
        });
    if !open {
        state.selected = None;
    }
}
