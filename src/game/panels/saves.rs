//! Saving and loading as the screens see them: the last save's outcome and the list of saves to
//! continue.

use bevy::ecs::system::SystemParam;
use bevy::prelude::*;
use bevy_egui::egui;

use crate::game::saves::{SaveConfig, SaveRequest, SaveStatus, list};
use crate::game::widgets;
use crate::tr;

/// What a screen needs to save and load.
#[derive(SystemParam)]
pub struct SaveAccess<'w> {
    pub requests: MessageWriter<'w, SaveRequest>,
    pub status: Res<'w, SaveStatus>,
    pub config: Option<Res<'w, SaveConfig>>,
    pub results: MessageWriter<'w, crate::game::results::ResultsRequest>,
    pub results_status: Res<'w, crate::game::results::ResultsStatus>,
}

impl SaveAccess<'_> {
    /// A button that writes the team's results file now, and where the last one went.
    pub fn results_line(&mut self, ui: &mut egui::Ui) {
        let lang = widgets::lang(ui.ctx());
        if self.config.is_none() {
            return;
        }
        if ui
            .button(tr!(lang, "results-write"))
            .on_hover_text(tr!(lang, "results-write-hint"))
            .clicked()
        {
            self.results.write(crate::game::results::ResultsRequest);
        }
        match &self.results_status.last {
            Some(Ok(path)) => {
                ui.colored_label(
                    widgets::GOOD,
                    tr!(lang, "results-written", file = path.display().to_string()),
                );
            }
            Some(Err(m)) => {
                ui.colored_label(widgets::WARNING, m.render(lang));
            }
            None => {}
        }
    }

    /// The outcome of the last save or load, coloured by success.
    pub fn status_line(&self, ui: &mut egui::Ui) {
        if let Some((ok, m)) = &self.status.message {
            let colour = if *ok { widgets::GOOD } else { widgets::WARNING };
            ui.colored_label(colour, m.render(widgets::lang(ui.ctx())));
        }
    }

    /// A button per save in the saves folder; a click asks to load it. In a browser, where
    /// the saves live in the page's storage, each save can be downloaded as a file too, and a
    /// save file (from a desktop, or downloaded before) can be loaded through the file picker.
    pub fn load_list(&mut self, ui: &mut egui::Ui) {
        let Some(config) = self.config.as_deref() else {
            return;
        };
        let saves = list(&config.dir);
        let lang = widgets::lang(ui.ctx());
        if crate::platform::BROWSER
            && ui
                .button(tr!(lang, "web-load-save-file"))
                .on_hover_text(tr!(lang, "web-load-save-file-hint"))
                .clicked()
        {
            crate::platform::pick_file(crate::platform::Picking::Save);
        }
        if saves.is_empty() {
            return;
        }
        ui.label(tr!(lang, "load-a-save"));
        ui.horizontal_wrapped(|ui| {
            for (name, path) in saves {
                if ui
                    .button(crate::game::saves::save_label(&name, lang))
                    .clicked()
                {
                    self.requests.write(SaveRequest::Load(path.clone()));
                }
                if crate::platform::BROWSER
                    && ui
                        .small_button("⬇")
                        .on_hover_text(tr!(lang, "web-download-save"))
                        .clicked()
                    && let Ok(bytes) = crate::platform::files::read(&path)
                {
                    crate::platform::offer_download(
                        &format!("{name}.ron"),
                        "application/octet-stream",
                        &bytes,
                    );
                }
            }
        });
    }
}
