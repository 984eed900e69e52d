//! The in-game menu (Esc): resume, UI scale, save and load, end the game here for the debrief,
//! back to the title, quit.

use bevy::prelude::*;
use bevy_egui::egui;

use crate::game::model::{Model, Pace};
use crate::game::saves::SaveRequest;
use crate::game::ui::{Focus, Look};
use crate::game::widgets;
use crate::tr;

use super::saves::SaveAccess;
use crate::game::state::{Flow, Screen};

pub fn show(
    ctx: &egui::Context,
    m: &mut Model,
    pace: &mut Pace,
    (state, look): (&mut Focus, &mut Look),
    flow: &mut Flow,
    saves: &mut SaveAccess,
) {
    let lang = widgets::lang(ctx);
    if !state.menu_open {
        return;
    }
    {
        egui::Window::new(tr!(lang, "menu"))
            .collapsible(false)
            .resizable(false)
            .anchor(egui::Align2::CENTER_CENTER, [0.0, 0.0])
            .show(ctx, |ui| {
                if ui.button(widgets::big(tr!(lang, "resume"))).clicked() {
                    state.close_menu(&mut pace.paused);
                    pace.paused = false;
                }
                ui.horizontal(|ui| {
                    ui.label(tr!(lang, "ui-scale"));
                    widgets::ui_scale(ui, &mut look.zoom, &mut look.zoom_edit);
                });
                widgets::projector(ui, &mut look.projector);
                ui.separator();
                ui.horizontal(|ui| {
                    ui.label(tr!(lang, "save-as"));
                    ui.text_edit_singleline(&mut state.slot_name);
                    if ui.button(tr!(lang, "save")).clicked() {
                        saves
                            .requests
                            .write(SaveRequest::Save(state.slot_name.clone()));
                    }
                });
                saves.status_line(ui);
                saves.results_line(ui);
                saves.load_list(ui);
                ui.separator();
                if ui.button(widgets::big(tr!(lang, "end-here"))).clicked() {
                    state.menu_open = false;
                    m.end_here();
                }
                if ui
                    .button(widgets::big(tr!(lang, "back-to-title")))
                    .clicked()
                {
                    state.menu_open = false;
                    flow.next.set(Screen::Title);
                }
                // A page is closed by the browser, not by the game.
                if !crate::platform::BROWSER && ui.button(widgets::big(tr!(lang, "quit"))).clicked()
                {
                    flow.exit.write(AppExit::Success);
                }
            });
    }
}
