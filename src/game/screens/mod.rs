//! The screens, one plugin per file: [`title`], [`playing`] and [`end`]. Each draws with egui
//! in [`UiSet::Screens`] while its [`Screen`] state is on; this module sets up the look before
//! them each frame and, after them, keeps the settings' UI scale and tells the floor whether
//! egui took the pointer or the keyboard.

use bevy::ecs::system::SystemParam;
use bevy::prelude::*;
use bevy_egui::{EguiContexts, EguiPlugin, EguiPrimaryContextPass};

use super::input::{UiState, fit_camera};
use super::widgets;
use super::{GameSet, Screen, SettingsInUse, StartGame};
use crate::i18n::Lang;

pub mod end;
pub mod playing;
pub mod title;

/// The order of the egui pass: the look, the screen, then what the screen changed.
#[derive(SystemSet, Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum UiSet {
    Begin,
    Screens,
    End,
}

/// Moving between screens and out of the game.
#[derive(SystemParam)]
pub struct Flow<'w> {
    pub start: MessageWriter<'w, StartGame>,
    pub next: ResMut<'w, NextState<Screen>>,
    pub exit: MessageWriter<'w, AppExit>,
}

pub(super) fn plugin(app: &mut App) {
    app.add_plugins(EguiPlugin::default())
        .init_resource::<ZoomAtStart>()
        .configure_sets(
            EguiPrimaryContextPass,
            (UiSet::Begin, UiSet::Screens, UiSet::End).chain(),
        )
        .add_systems(EguiPrimaryContextPass, begin_frame.in_set(UiSet::Begin))
        .add_systems(EguiPrimaryContextPass, end_frame.in_set(UiSet::End))
        .add_systems(Update, fit_camera.after(GameSet::View))
        .add_plugins((title::plugin, playing::plugin, end::plugin));
}

/// The UI scale at the start of the frame (a change is written to the settings once it settles).
#[derive(Resource, Debug, Default)]
struct ZoomAtStart(f32);

fn begin_frame(
    mut contexts: EguiContexts,
    ui_state: Res<UiState>,
    lang: Res<Lang>,
    mut styled: Local<bool>,
    mut fonts_for: Local<Option<Lang>>,
    mut at_start: ResMut<ZoomAtStart>,
) -> Result {
    let ctx = contexts.ctx_mut()?;
    if !*styled {
        *styled = true;
        widgets::style(ctx);
    }
    ctx.set_zoom_factor(ui_state.zoom);
    widgets::set_lang(ctx, *lang);
    if *fonts_for != Some(*lang) {
        *fonts_for = Some(*lang);
        widgets::fonts(ctx, *lang);
    }
    at_start.0 = ui_state.zoom;
    Ok(())
}

fn end_frame(
    mut contexts: EguiContexts,
    mut ui_state: ResMut<UiState>,
    at_start: Res<ZoomAtStart>,
    lang: Res<Lang>,
    mut settings: Option<ResMut<SettingsInUse>>,
) -> Result {
    let ctx = contexts.ctx_mut()?;
    // Persist a changed UI scale once the pointer is released.
    let steady = at_start.0 == ui_state.zoom;
    if steady
        && !ctx.input(|i| i.pointer.any_down())
        && let Some(s) = settings.as_deref_mut()
    {
        persist(s, ui_state.zoom, *lang);
    }
    ui_state.pointer_on_panels = ctx.egui_wants_pointer_input() || ctx.is_pointer_over_egui();
    ui_state.typing = ctx.egui_wants_keyboard_input();
    Ok(())
}

/// Writes the UI scale and the language back to the settings file when the player changed them
/// (a language that only follows the system is not written); a failure is shown where the
/// settings' problems are.
fn persist(s: &mut SettingsInUse, zoom: f32, lang: Lang) {
    let zoom_changed = (s.settings.ui_scale - zoom as f64).abs() >= 1e-6;
    let lang_changed = s.settings.language.is_some_and(|l| l != lang)
        || (s.settings.language.is_none() && lang != s.lang_at_start);
    if !(zoom_changed || lang_changed) || s.problem.is_some() {
        return;
    }
    s.settings.ui_scale = zoom as f64;
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
        .map_or(Ok(()), std::fs::create_dir_all)
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
