//! The screens, one plugin per file: [`title`], [`playing`], [`end`] and [`class`]. Each draws with egui
//! in [`UiSet::Screens`] while its [`Screen`] state is on; this module sets up the look before
//! them each frame and, after them, keeps the settings' UI scale and tells the floor whether
//! egui took the pointer or the keyboard.

use bevy::prelude::*;
use bevy_egui::{EguiContexts, EguiPlugin, EguiPrimaryContextPass};

use super::floor_view::camera::{fit_camera, keep_readable};
use super::settings::{SettingsInUse, persist};
use super::state::{GameSet, Screen, UiSet};
use super::ui::{Focus, Layout, Look};
use super::widgets;
use crate::i18n::Lang;

pub mod class;
pub mod end;
pub mod playing;
pub mod title;

pub(super) fn plugin(app: &mut App) {
    app.add_plugins(EguiPlugin::default())
        .init_resource::<ZoomAtStart>()
        .configure_sets(
            EguiPrimaryContextPass,
            (UiSet::Begin, UiSet::Screens, UiSet::End).chain(),
        )
        .add_systems(EguiPrimaryContextPass, begin_frame.in_set(UiSet::Begin))
        .add_systems(EguiPrimaryContextPass, end_frame.in_set(UiSet::End))
        .add_systems(
            Update,
            (fit_camera, keep_readable).chain().after(GameSet::View),
        )
        .add_systems(
            PreUpdate,
            keep_tab_for_the_game
                .after(bevy_egui::EguiPreUpdateSet::ProcessInput)
                .before(bevy_egui::EguiPreUpdateSet::BeginPass)
                .run_if(in_state(Screen::Playing)),
        )
        .add_plugins((title::plugin, playing::plugin, end::plugin, class::plugin));
}

/// On the playing screen Tab moves the game's panel focus, not egui's widget focus (both moved
/// before: the arrows then went to a widget instead of the book or the charts). With the menu
/// open Tab is egui's, to move between the menu's buttons (the rest of the screen is disabled
/// behind it). A widget that has the focus gives it up when Tab moves the game's.
fn keep_tab_for_the_game(
    ui: Res<Focus>,
    mut inputs: Query<(&mut bevy_egui::EguiInput, &mut bevy_egui::EguiContext)>,
) {
    if ui.menu_open {
        return;
    }
    for (mut input, mut ctx) in &mut inputs {
        let before = input.events.len();
        input.events.retain(|e| {
            !matches!(
                e,
                bevy_egui::egui::Event::Key {
                    key: bevy_egui::egui::Key::Tab,
                    ..
                }
            )
        });
        if input.events.len() != before {
            let ctx = ctx.get_mut();
            ctx.memory_mut(|m| {
                if let Some(id) = m.focused() {
                    m.surrender_focus(id);
                }
            });
        }
    }
}

/// The UI scale at the start of the frame (a change is written to the settings once it settles).
#[derive(Resource, Debug, Default)]
struct ZoomAtStart(f32, bool);

fn begin_frame(
    mut contexts: EguiContexts,
    look: Res<Look>,
    lang: Res<Lang>,
    (mut styled, mut fonts_for, mut contrast_for): (
        Local<bool>,
        Local<Option<Lang>>,
        Local<Option<bool>>,
    ),
    mut at_start: ResMut<ZoomAtStart>,
    (windows, mut layout): (
        Query<&Window, With<bevy::window::PrimaryWindow>>,
        ResMut<Layout>,
    ),
) -> Result {
    let ctx = contexts.ctx_mut()?;
    if !*styled {
        *styled = true;
        widgets::style(ctx);
    }
    if *contrast_for != Some(look.projector) {
        *contrast_for = Some(look.projector);
        widgets::contrast(ctx, look.projector);
    }
    let window = windows
        .iter()
        .next()
        .map_or((0.0, 0.0), |w| (w.width(), w.height()));
    let zoom = widgets::effective_zoom(look.zoom, look.projector, window);
    ctx.set_zoom_factor(zoom);
    layout.ui_scale = zoom;
    widgets::set_lang(ctx, *lang);
    if *fonts_for != Some(*lang) {
        *fonts_for = Some(*lang);
        widgets::fonts(ctx, *lang);
    }
    at_start.0 = look.zoom;
    at_start.1 = look.projector;
    Ok(())
}

fn end_frame(
    mut contexts: EguiContexts,
    look: Res<Look>,
    mut layout: ResMut<Layout>,
    at_start: Res<ZoomAtStart>,
    lang: Res<Lang>,
    mut settings: Option<ResMut<SettingsInUse>>,
) -> Result {
    let ctx = contexts.ctx_mut()?;
    // Persist a changed UI scale once the pointer is released.
    let steady = at_start.0 == look.zoom && at_start.1 == look.projector;
    if steady
        && !ctx.input(|i| i.pointer.any_down())
        && let Some(s) = settings.as_deref_mut()
    {
        persist(s, look.zoom, look.projector, *lang);
    }
    layout.pointer_on_panels = ctx.egui_wants_pointer_input() || ctx.is_pointer_over_egui();
    layout.typing = ctx.egui_wants_keyboard_input();
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use bevy_egui::egui;

    /// Tab on the playing screen is the game's: egui does not see it, and a widget holding the
    /// keyboard focus lets it go (so that the arrows reach the game again); with the menu open
    /// Tab is egui's, to move between the menu's buttons.
    #[test]
    fn tab_moves_the_games_focus_and_not_egui_s() {
        let mut app = App::new();
        app.init_resource::<Focus>()
            .add_systems(Update, keep_tab_for_the_game);
        let tab = egui::Event::Key {
            key: egui::Key::Tab,
            physical_key: None,
            pressed: true,
            repeat: false,
            modifiers: Default::default(),
        };
        let letter = egui::Event::Text("a".into());
        let e = app
            .world_mut()
            .spawn(bevy_egui::EguiContext::default())
            .id();
        let focus = |app: &mut App| {
            let mut ctx = app
                .world_mut()
                .get_mut::<bevy_egui::EguiContext>(e)
                .unwrap();
            ctx.get_mut().memory(|m| m.focused())
        };
        let put = |app: &mut App, events: Vec<egui::Event>| {
            let mut w = app.world_mut().entity_mut(e);
            w.get_mut::<bevy_egui::EguiInput>().unwrap().events = events;
            let mut ctx = w.get_mut::<bevy_egui::EguiContext>().unwrap();
            ctx.get_mut()
                .memory_mut(|m| m.request_focus(egui::Id::new("slider")));
        };
        put(&mut app, vec![tab.clone(), letter.clone()]);
        assert!(focus(&mut app).is_some());
        app.update();
        let events = app
            .world()
            .get::<bevy_egui::EguiInput>(e)
            .unwrap()
            .events
            .clone();
        assert_eq!(events, vec![letter.clone()], "Tab taken out, the rest kept");
        assert_eq!(focus(&mut app), None, "the widget let the focus go");

        app.world_mut().resource_mut::<Focus>().menu_open = true;
        put(&mut app, vec![tab.clone()]);
        app.update();
        let events = &app.world().get::<bevy_egui::EguiInput>(e).unwrap().events;
        assert_eq!(
            events,
            &vec![tab],
            "in the menu Tab moves between its buttons"
        );
    }
}
