//! The title screen: choose a business and a seed, start, or continue a saved game.

use bevy::prelude::*;
use bevy_egui::{EguiContexts, EguiPrimaryContextPass, egui};

use crate::game::panels::saves::SaveAccess;
use crate::game::settings::SettingsInUse;
use crate::game::state::{Flow, Screen, Setup, StartGame};
use crate::game::ui::Look;
use crate::game::widgets;
use crate::i18n::{Lang, message};
use crate::tr;

use crate::game::state::UiSet;

pub(super) fn plugin(app: &mut App) {
    app.add_systems(
        EguiPrimaryContextPass,
        draw.in_set(UiSet::Screens).run_if(in_state(Screen::Title)),
    );
}

fn draw(
    mut contexts: EguiContexts,
    mut setup: ResMut<Setup>,
    mut flow: Flow,
    mut ui_state: ResMut<Look>,
    mut saves: SaveAccess,
    settings: Option<Res<SettingsInUse>>,
    mut language: ResMut<Lang>,
) -> Result {
    let ctx = contexts.ctx_mut()?.clone();
    let mut root = widgets::root(&ctx);
    let lang = widgets::lang(&ctx);
    // Start, the class view and Quit stay at the bottom of the window, in view at any size (at
    // 1024x768 the businesses alone fill the screen); the rest scrolls above them.
    let mut start = false;
    let mut joined = false;
    egui::Panel::bottom("title-actions").show(&mut root, |ui| {
        ui.add_space(6.0);
        // A workshop team's first two steps, in view at every size: its name, then the code.
        joined = team_and_code(ui, lang, &mut setup, &mut flow);
        // What came of joining a session (or why a timed game waits for the team's name).
        match &setup.code_status {
            Some(Err(m)) => {
                ui.colored_label(widgets::WARNING, m.render(lang));
            }
            Some(Ok(text)) => {
                ui.label(text.as_str());
            }
            None => {}
        }
        start = actions(ui, lang, &mut flow);
        ui.add_space(6.0);
    });
    egui::CentralPanel::default().show(&mut root, |ui| {
        egui::ScrollArea::vertical()
            .auto_shrink([false, false])
            .show(ui, |ui| {
                title_page(
                    ui,
                    lang,
                    &mut setup,
                    &mut ui_state,
                    &mut saves,
                    (settings.as_deref(), &mut language),
                )
            });
    });
    // Enter starts the chosen scenario, unless it joined a session in the code's field.
    let enter = ctx.input(|i| i.key_pressed(egui::Key::Enter)) && !joined;
    if start || enter {
        if setup.preset.timed() && setup.team_missing() {
            setup.code_status = Some(Err(crate::diagnostics::Msg::Key(
                "session-team-first",
                Vec::new(),
            )));
            ctx.memory_mut(|m| m.request_focus(egui::Id::new(widgets::TEAM_FIELD)));
        } else {
            flow.start.write(StartGame);
        }
    }
    Ok(())
}

/// The team's name and a trainer's session code with Join (true when a session was joined, or
/// its joining was tried with Enter in the code's field).
fn team_and_code(ui: &mut egui::Ui, lang: Lang, setup: &mut Setup, flow: &mut Flow) -> bool {
    let enter = ui.input(|i| i.key_pressed(egui::Key::Enter));
    let mut join = false;
    ui.horizontal_wrapped(|ui| {
        widgets::team_name(ui, lang, &mut setup.team, 180.0);
        ui.add_space(12.0);
        // A trainer's session code: the same scenario and seed as every other team with it.
        ui.label(tr!(lang, "session-code"))
            .on_hover_text(tr!(lang, "session-code-hint"));
        let field = ui.add(
            egui::TextEdit::singleline(&mut setup.code_text)
                .hint_text("XXXX-XXXX-XX")
                .desired_width(140.0),
        );
        // Enter in the field joins (elsewhere it starts the chosen scenario).
        let entered = field.lost_focus() && enter;
        join = ui.button(tr!(lang, "session-code-join")).clicked() || entered;
    });
    if join && join_typed(setup, lang) {
        flow.start.write(StartGame);
    }
    // A session asks for the team's name first: the class view ranks teams by it.
    if join && setup.team_missing() {
        ui.memory_mut(|m| m.request_focus(egui::Id::new(widgets::TEAM_FIELD)));
    }
    join
}

/// Start, the class view and Quit (true when Start was pressed).
fn actions(ui: &mut egui::Ui, lang: Lang, flow: &mut Flow) -> bool {
    let mut start = false;
    ui.horizontal(|ui| {
        start = ui.button(widgets::big(tr!(lang, "start"))).clicked();
        if ui
            .button(widgets::big(tr!(lang, "class-open")))
            .on_hover_text(tr!(lang, "class-open-hint"))
            .clicked()
        {
            flow.next.set(Screen::Class);
        }
        // A page is closed by the browser, not by the game.
        if !crate::platform::BROWSER && ui.button(widgets::big(tr!(lang, "quit"))).clicked() {
            flow.exit.write(AppExit::Success);
        }
    });
    start
}

/// Everything on the title screen above its bar at the bottom, top to bottom.
fn title_page(
    ui: &mut egui::Ui,
    lang: Lang,
    setup: &mut Setup,
    ui_state: &mut Look,
    saves: &mut SaveAccess,
    (settings, language): (Option<&SettingsInUse>, &mut Lang),
) {
    ui.vertical_centered(|ui| {
        ui.add_space(20.0);
        ui.label(widgets::big(tr!(lang, "title")));
        ui.label(tr!(lang, "tagline"));
        ui.add_space(16.0);
    });
    if let Some(p) = settings.and_then(|s| s.problem.as_deref()) {
        ui.colored_label(
            widgets::WARNING,
            format!("{}\n{p}", tr!(lang, "settings-problem")),
        );
    }
    saves.status_line(ui);
    ui.heading(tr!(lang, "choose-scenario"));
    let (up, down) = ui.input(|i| {
        (
            i.key_pressed(egui::Key::ArrowUp),
            i.key_pressed(egui::Key::ArrowDown),
        )
    });
    let n = setup.scenarios.len().max(1);
    if down {
        let at = setup.chosen;
        setup.choose((at + 1) % n);
    }
    if up {
        let at = setup.chosen;
        setup.choose((at + n - 1) % n);
    }
    let mut pick = None;
    for (i, (_, s, _)) in setup.scenarios.iter().enumerate() {
        ui.group(|ui| {
            if ui
                .selectable_label(
                    i == setup.chosen,
                    egui::RichText::new(s.name.get(lang)).size(18.0),
                )
                .clicked()
            {
                pick = Some(i);
            }
            ui.label(s.briefing.get(lang));
        });
    }
    if let Some(i) = pick {
        setup.choose(i);
    }
    ui.add_space(8.0);
    ui.horizontal(|ui| {
        ui.label(tr!(lang, "seed"));
        ui.text_edit_singleline(&mut setup.seed_text);
    });
    // Free play or a timed workshop (a session code chooses it too).
    ui.horizontal(|ui| {
        ui.label(tr!(lang, "session-preset"))
            .on_hover_text(tr!(lang, "session-preset-hint"));
        for p in crate::session::Preset::ALL {
            if ui
                .selectable_label(setup.preset == p, message(lang, p.label_key(), None))
                .clicked()
            {
                setup.preset = p;
            }
        }
    });
    ui.horizontal(|ui| {
        ui.label(tr!(lang, "choose-language"));
        // Each language named in itself, so that a player can find their own.
        for l in Lang::ALL {
            if ui
                .selectable_label(*language == l, message(l, "language-name", None))
                .clicked()
            {
                *language = l;
            }
        }
    });
    ui.horizontal(|ui| {
        ui.label(tr!(lang, "ui-scale"));
        widgets::ui_scale(ui, &mut ui_state.zoom, &mut ui_state.zoom_edit);
        widgets::projector(ui, &mut ui_state.projector);
    });
    ui.add_space(8.0);
    saves.load_list(ui);
}

/// Joins the session whose code is typed on the title screen: the scenario and seed it names are
/// chosen (true), or the reason it cannot be is kept to be shown (false): a team joins with its
/// name (a game played as "Unnamed team" cannot be told apart in the class view).
pub fn join_typed(setup: &mut Setup, lang: Lang) -> bool {
    if setup.team_missing() {
        setup.code_status = Some(Err(crate::diagnostics::Msg::Key(
            "session-team-first",
            Vec::new(),
        )));
        return false;
    }
    let typed = setup.code_text.clone();
    let joined = crate::session::SessionCode::parse(&typed)
        .and_then(|code| setup.join(&code).map(|()| code));
    let ok = joined.is_ok();
    setup.code_status = Some(joined.map(|code| {
        let name = setup
            .scenario()
            .map(|(_, s, _)| s.name.get(lang).to_string())
            .unwrap_or_default();
        tr!(
            lang,
            "session-code-joined",
            code = code.text(),
            scenario = name,
            seed = code.seed
        )
    }));
    ok
}
