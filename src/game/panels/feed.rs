//! The message feed: what happened, day by day (quits, hires, the advisor, choices, milestones).

use bevy_egui::egui;

use crate::game::model::Feed;
use crate::game::widgets;
use crate::tr;

pub fn show(ui: &mut egui::Ui, feed: &Feed) {
    let lang = widgets::lang(ui.ctx());
    egui::ScrollArea::vertical()
        .stick_to_bottom(true)
        .auto_shrink([false, false])
        .show(ui, |ui| {
            for (day, line) in &feed.lines {
                ui.label(tr!(lang, "feed-line", day = *day, text = line(lang)));
            }
        });
}
