//! The playing screen's top bar: the day and time, pause and speeds, the scenario, the menu
//! button and the keys.

use bevy_egui::egui;

use crate::game::model::{Model, Pace, SPEEDS, speed_name};
use crate::game::ui::{Focus, Layout};
use crate::game::widgets;
use crate::tr;

use super::saves::SaveAccess;

pub fn show(
    root: &mut egui::Ui,
    m: &Model,
    pace: &mut Pace,
    (focus, layout): (&mut Focus, &mut Layout),
    saves: &SaveAccess,
    session: &crate::game::session::Session,
) {
    let lang = widgets::lang(root.ctx());
    egui::Panel::top("clock").show(root, |ui| {
        ui.horizontal(|ui| {
            let c = m.clock();
            let minute = c.open_minute as u32 + c.tick * c.tick_minutes;
            ui.label(
                egui::RichText::new(format!(
                    "{} · {:02}:{:02} · {}",
                    tr!(lang, "day-n", day = c.day),
                    minute / 60 % 24,
                    minute % 60,
                    tr!(lang, "quarter-n", n = c.quarter() + 1)
                ))
                .size(18.0)
                .strong(),
            );
            ui.separator();
            let label = if pace.paused {
                tr!(lang, "resume")
            } else {
                tr!(lang, "pause")
            };
            if ui.button(label).clicked() {
                pace.paused = !pace.paused;
            }
            let speeds = ui.horizontal(|ui| {
                // A timed session keeps its own pace; the clock shows the play time left.
                if let Some(left) = session.seconds_left(&m.scenario, c.day, c.tick) {
                    let secs = left.max(0.0).round() as u32;
                    ui.label(
                        egui::RichText::new(tr!(
                            lang,
                            "session-left",
                            session = crate::i18n::message(lang, session.preset.label_key(), None),
                            time = format!("{}:{:02}", secs / 60, secs % 60)
                        ))
                        .strong(),
                    );
                    return;
                }
                ui.label(tr!(lang, "speed"));
                for i in 0..SPEEDS.len() {
                    if ui
                        .selectable_label(pace.speed == i && !pace.paused, speed_name(i, lang))
                        .clicked()
                    {
                        pace.speed = i;
                        pace.paused = false;
                    }
                }
            });
            layout.speed_rect = Some(speeds.response.rect);
            if pace.paused {
                ui.colored_label(widgets::WARNING, tr!(lang, "paused"));
            }
            ui.separator();
            if let Some((false, _)) = &saves.status.message {
                saves.status_line(ui);
            }
            ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
                if ui.button(tr!(lang, "menu")).clicked() {
                    focus.open_menu(&mut pace.paused);
                }
                // The business's name and the keys give way first on a narrow (or zoomed)
                // screen, so that the menu button always stays in view.
                ui.add(egui::Label::new(m.scenario.name.get(lang)).truncate());
                // On a narrow (or zoomed) screen the keys give way to where to find them (F1),
                // rather than being cut off mid-word or drawn over the speed buttons.
                let keys = egui::RichText::new(tr!(lang, "keys-help")).small();
                let wide = egui::WidgetText::from(keys.clone())
                    .into_galley(
                        ui,
                        Some(egui::TextWrapMode::Extend),
                        f32::INFINITY,
                        egui::TextStyle::Small,
                    )
                    .size()
                    .x;
                if wide <= ui.available_width() {
                    ui.label(keys);
                } else {
                    ui.add(
                        egui::Label::new(egui::RichText::new(tr!(lang, "keys-help-short")).small())
                            .truncate(),
                    )
                    .on_hover_text(tr!(lang, "keys-help"));
                }
            });
        });
    });
}
