//! A big event's card: a board meeting (where confidence went, the quarter's profit against what
//! the owners expected, and what they say: satisfied, a warning, or a dismissal) or a press
//! story. The clock waits until the player goes on (the button, or Enter).

use bevy_egui::egui;

use crate::game::model::Model;
use crate::game::widgets;
use crate::sim::news::{Happening, Meeting};
use crate::tr;

/// Draws the open card, if any; `keys`: Enter may close it (not while the menu is open).
pub fn show(ctx: &egui::Context, m: &mut Model, keys: bool) {
    let Some(item) = m.news_card.clone() else {
        return;
    };
    let lang = widgets::lang(ctx);
    let (title, warning) = match &item.what {
        Happening::BoardMeeting { meeting, .. } => (
            tr!(lang, "news-board-title"),
            matches!(meeting, Meeting::Warning | Meeting::Dismissed),
        ),
        Happening::PressStory { .. } => (tr!(lang, "news-press-title"), true),
    };
    let mut go_on = false;
    egui::Window::new(tr!(lang, "news-title"))
        .collapsible(false)
        .resizable(false)
        .anchor(egui::Align2::CENTER_CENTER, [0.0, 0.0])
        .default_width(480.0)
        .show(ctx, |ui| {
            ui.label(egui::RichText::new(tr!(lang, "day-n", day = item.day)).italics());
            let colour = if warning {
                widgets::WARNING
            } else {
                ui.visuals().text_color()
            };
            ui.label(egui::RichText::new(title).size(22.0).strong().color(colour));
            ui.add_space(6.0);
            crate::game::kinsoku::label(
                ui,
                egui::RichText::new(crate::headless::report::news_text(&item, &m.scenario, lang))
                    .size(16.0),
            );
            ui.add_space(8.0);
            go_on = widgets::go_on_button(ui, keys, tr!(lang, "news-go-on"));
        });
    if go_on {
        m.news_card = None;
    }
}
