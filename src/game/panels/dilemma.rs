//! The dilemma card: the situation, what the player can know, and the choices (keys 1–4).

use bevy_egui::egui;

use crate::game::kinsoku;
use crate::game::model::Model;
use crate::game::widgets;
use crate::tr;

pub fn show(ctx: &egui::Context, m: &mut Model) {
    let Some(d) = m.pending_dilemma().cloned() else {
        return;
    };
    let lang = widgets::lang(ctx);
    let mut chosen = None;
    egui::Window::new(tr!(lang, "dilemma-title", title = d.title.get(lang)))
        .collapsible(false)
        .resizable(false)
        .anchor(egui::Align2::CENTER_CENTER, [0.0, 0.0])
        .default_width(520.0)
        .show(ctx, |ui| {
            kinsoku::label(ui, egui::RichText::new(d.situation.get(lang)).size(16.0));
            ui.add_space(8.0);
            ui.label(egui::RichText::new(tr!(lang, "what-you-know")).italics());
            // Keys 1–4 choose too (input::keyboard, with the game's other keys).
            for (i, c) in d.choices.iter().enumerate() {
                ui.group(|ui| {
                    if ui
                        .button(
                            egui::RichText::new(format!("{}. {}", i + 1, c.label.get(lang)))
                                .size(16.0),
                        )
                        .clicked()
                    {
                        chosen = Some(c.id.clone());
                    }
                    kinsoku::label(ui, egui::RichText::new(c.known.get(lang)).small());
                });
            }
        });
    if let Some(c) = chosen {
        m.choose(&c);
    }
}
