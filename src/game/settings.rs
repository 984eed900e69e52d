//! The player's settings while the game runs: which are in use, where they live, and writing
//! them back when the player changes the UI scale, projector mode or the language.

use bevy::prelude::*;

use crate::i18n::Lang;

/// The settings in use and where they live (the UI scale is written back when changed).
#[derive(Resource, Debug, Clone)]
pub struct SettingsInUse {
    pub settings: crate::settings::Settings,
    /// The language the game started in (a change from it is saved).
    pub lang_at_start: crate::i18n::Lang,
    pub file: std::path::PathBuf,
    pub problem: Option<String>,
}

/// Writes the UI scale, projector mode and the language back to the settings file when the player changed them
/// (a language that only follows the system is not written); a failure is shown where the
/// settings' problems are.
pub fn persist(s: &mut SettingsInUse, zoom: f32, projector: bool, lang: Lang) {
    let look_changed =
        (s.settings.ui_scale - zoom as f64).abs() >= 1e-6 || s.settings.projector != projector;
    let lang_changed = s.settings.language.is_some_and(|l| l != lang)
        || (s.settings.language.is_none() && lang != s.lang_at_start);
    if !(look_changed || lang_changed) || s.problem.is_some() {
        return;
    }
    s.settings.ui_scale = zoom as f64;
    s.settings.projector = projector;
    if lang_changed {
        s.settings.language = Some(lang);
    }
    write_settings(s, lang);
}

/// Writes the settings in use to their file; a failure is shown where the settings' problems
/// are (and nothing more is written this session).
pub fn write_settings(s: &mut SettingsInUse, lang: Lang) {
    if s.problem.is_some() {
        return;
    }
    let write = s
        .file
        .parent()
        .map_or(Ok(()), crate::platform::files::create_dir_all)
        .and_then(|_| {
            crate::headless::files::write_atomic(&s.file, s.settings.to_ron().as_bytes())
        });
    if let Err(e) = write {
        s.problem = Some(crate::tr!(
            lang,
            "settings-not-saved",
            file = s.file.display().to_string(),
            error = e.to_string()
        ));
    }
}
