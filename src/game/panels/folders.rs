//! The folder chooser's window (its state is [`crate::game::folders::FolderPicker`]): the
//! folder shown, up, its subfolders with their results files, and "Use this folder".

use std::path::PathBuf;

use bevy_egui::egui;

use crate::game::folders::FolderPicker;
use crate::game::widgets;
use crate::tr;

/// Draws the chooser while it is open; the folder chosen, once.
pub fn show(ctx: &egui::Context, picker: &mut FolderPicker) -> Option<PathBuf> {
    let at = picker.at.clone()?;
    let lang = widgets::lang(ctx);
    let mut chosen = None;
    let mut go = None;
    let mut up = false;
    let mut close = false;
    let size = ctx.content_rect().size();
    egui::Window::new(tr!(lang, "class-browse-title"))
        .collapsible(false)
        .resizable(false)
        .anchor(egui::Align2::CENTER_CENTER, [0.0, 0.0])
        .max_width((size.x - 40.0).max(200.0))
        .max_height((size.y - 80.0).max(200.0))
        .show(ctx, |ui| {
            ui.add(egui::Label::new(egui::RichText::new(at.display().to_string()).strong()).wrap());
            ui.horizontal(|ui| {
                up = ui
                    .add_enabled(
                        at.parent().is_some(),
                        egui::Button::new(tr!(lang, "class-browse-up")),
                    )
                    .clicked();
                if ui
                    .button(widgets::big(tr!(
                        lang,
                        "class-browse-use",
                        n = picker.here as i64
                    )))
                    .clicked()
                {
                    chosen = Some(at.clone());
                }
                close = ui.button(tr!(lang, "class-browse-cancel")).clicked()
                    || ui.input(|i| i.key_pressed(egui::Key::Escape));
            });
            if let Some(p) = &picker.problem {
                ui.colored_label(
                    widgets::WARNING,
                    tr!(lang, "class-browse-unreadable", error = p.as_str()),
                );
            }
            ui.separator();
            egui::ScrollArea::vertical()
                .max_height((size.y - 260.0).max(120.0))
                .show(ui, |ui| {
                    if picker.subfolders.is_empty() && picker.problem.is_none() {
                        ui.label(tr!(lang, "class-browse-none"));
                    }
                    for (name, n) in &picker.subfolders {
                        let text = if *n > 0 {
                            tr!(
                                lang,
                                "class-browse-folder-files",
                                folder = name.as_str(),
                                n = *n as i64
                            )
                        } else {
                            format!("{name}/")
                        };
                        if ui.selectable_label(false, text).clicked() {
                            go = Some(name.clone());
                        }
                    }
                    if picker.more {
                        ui.small(tr!(
                            lang,
                            "class-browse-more",
                            n = crate::game::folders::MAX_LISTED as i64
                        ));
                    }
                });
        });
    if up {
        picker.up();
    } else if let Some(name) = go {
        picker.enter(&name);
    }
    if chosen.is_some() || close {
        picker.close();
    }
    chosen
}
