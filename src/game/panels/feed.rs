//! The message feed: what happened, newest first (a regular who left and why, quits, hires, the
//! advisor, choices and what came of them, milestones). A click on a line moves the charts'
//! marker to its day and, for a line about a customer, opens them in the inspector.

use bevy_egui::egui;

use crate::game::feed::Feed;
use crate::game::widgets;
use crate::tr;

/// Draws the feed; returns the line clicked (its day, and the customer it is about).
pub fn show(ui: &mut egui::Ui, feed: &Feed) -> Option<(u32, Option<u32>)> {
    let lang = widgets::lang(ui.ctx());
    let mut clicked = None;
    egui::ScrollArea::vertical()
        .auto_shrink([false, false])
        .show(ui, |ui| {
            for (day, line, customer) in feed.lines.iter().rev() {
                let text = tr!(lang, "feed-line", day = *day, text = line(lang));
                let hint = if customer.is_some() {
                    tr!(lang, "feed-click-customer")
                } else {
                    tr!(lang, "feed-click-day")
                };
                if ui
                    .add(egui::Label::new(text).sense(egui::Sense::click()))
                    .on_hover_text(hint)
                    .clicked()
                {
                    clicked = Some((*day, *customer));
                }
            }
        });
    clicked
}
