//! The playing screen: the clock bar on top, the levers on the left, the stakeholders and charts
//! on the right, the feed below, the floor in the space left in the middle, and over them the
//! inspector, a dilemma's card and the menu.

use bevy::ecs::system::SystemParam;
use bevy::prelude::*;
use bevy_egui::{EguiContexts, EguiPrimaryContextPass, egui};

use crate::game::explore::ExploreAccess;
use crate::game::feed::Feed;
use crate::game::guide::{Teaching, TeachingAction};
use crate::game::model::{Model, Pace};
use crate::game::panels::saves::SaveAccess;
use crate::game::panels::{
    capital, charts, clock, dilemma, explore, feed, guide, inspector, levers, menu, news,
    stakeholders,
};
use crate::game::state::{Flow, Screen};
use crate::game::ui::{Panel, Selected, UiParts};
use crate::game::widgets;
use crate::tr;

use crate::game::state::UiSet;

pub(super) fn plugin(app: &mut App) {
    app.add_systems(
        EguiPrimaryContextPass,
        draw.in_set(UiSet::Screens)
            .run_if(in_state(Screen::Playing)),
    );
}

/// What the playing screen shows besides the model and the panels' own state: the feed, the
/// guide, Explore and the timed session.
#[derive(SystemParam)]
struct Around<'w> {
    feed: Res<'w, Feed>,
    teaching: Res<'w, Teaching>,
    teach: MessageWriter<'w, TeachingAction>,
    explore: ExploreAccess<'w>,
    session: ResMut<'w, crate::game::session::Session>,
}

fn draw(
    mut contexts: EguiContexts,
    model: Option<ResMut<Model>>,
    mut pace: ResMut<Pace>,
    mut parts: UiParts,
    mut flow: Flow,
    mut saves: SaveAccess,
    around: Around,
) -> Result {
    let Around {
        feed: feed_lines,
        teaching,
        mut teach,
        mut explore,
        mut session,
    } = around;
    let Some(mut m) = model else { return Ok(()) };
    let ctx = contexts.ctx_mut()?.clone();
    let mut root = widgets::root(&ctx);
    let m = &mut *m;
    let (state, look, layout) = (&mut *parts.focus, &*parts.look, &mut *parts.layout);
    let lang = widgets::lang(&ctx);
    // Behind the open menu nothing takes a click or the keyboard focus (Tab and Enter in the
    // menu once pressed the clock bar's 4× and resumed the game behind it).
    if state.menu_open {
        root.disable();
    }
    clock::show(&mut root, m, &mut pace, (state, layout), &saves, &session);
    // The side panels give way on a narrow or zoomed screen (a projector at UI scale 1.5 is 853
    // points wide), so that the floor in the middle stays large enough to watch.
    let width = ctx.content_rect().width();
    // Projector mode gives the meters and the chart the room the feed and the levers give up.
    let projector = look.projector;
    let (levers_share, right_share) = if projector { (0.2, 0.42) } else { (0.23, 0.35) };
    let levers_panel = egui::Panel::left("levers")
        .default_size(250.0)
        .max_size((width * levers_share).max(160.0))
        .resizable(true)
        .show(&mut root, |ui| {
            let cursor = (state.panel == Panel::Levers).then_some(state.lever_cursor);
            levers::show(ui, m, cursor, &mut layout.lever_rects)
        })
        .response
        .rect;
    let right_panel = egui::Panel::right(if projector {
        "right-projector"
    } else {
        "right"
    })
    .default_size(if projector {
        width * right_share
    } else {
        430.0
    })
    .max_size((width * right_share).max(240.0))
    .resizable(true)
    .show(&mut root, |ui| {
        // Wrapped: on a narrow panel (a large UI scale) the tabs take two lines rather than
        // widening the panel past the window's edge.
        ui.horizontal_wrapped(|ui| {
            for (p, name) in [
                (Panel::Stakeholders, tr!(lang, "stakeholders")),
                (Panel::Charts, tr!(lang, "charts")),
                (Panel::Capital, tr!(lang, "capital")),
                (Panel::Explore, tr!(lang, "explore")),
            ] {
                if ui.selectable_label(state.panel == p, name).clicked() {
                    state.panel = p;
                }
            }
        });
        ui.separator();
        let meters = ui.scope(|ui| {
            if projector {
                stakeholders::show_big(ui, m)
            } else {
                stakeholders::show(ui, m)
            }
        });
        layout.meters_rect = Some(meters.response.rect);
        ui.separator();
        match state.panel {
            Panel::Capital => capital::show(ui, &m.history().rows, m.scenario.currency(), None),
            Panel::Explore => {
                // A short window still reaches both charts.
                let shown = egui::ScrollArea::vertical()
                    .id_salt("explore-scroll")
                    .show(ui, |ui| {
                        explore::show(ui, m, &mut state.explore_lever, &explore.exploration, true)
                    });
                if let Some(r) = shown.inner {
                    explore.requests.write(r);
                }
            }
            Panel::Levers | Panel::Book | Panel::Stakeholders | Panel::Charts | Panel::Feed => {
                charts::show(ui, m, &mut state.chart, state.chart_day)
            }
        }
    })
    .response
    .rect;
    // In projector mode the feed is folded away (Tab still reaches it, on the floor's area).
    let feed_panel = if projector {
        egui::Rect::NOTHING
    } else {
        egui::Panel::bottom("feed")
            .default_size(120.0)
            .resizable(true)
            .show(&mut root, |ui| {
                ui.strong(if state.panel == Panel::Feed {
                    format!("▶ {}", tr!(lang, "feed"))
                } else {
                    tr!(lang, "feed").to_string()
                });
                if let Some((day, customer)) = feed::show(ui, &feed_lines) {
                    state.chart_day = Some(day);
                    if let Some(c) = customer {
                        state.selected = Some(Selected::Customer(c));
                    }
                }
            })
            .response
            .rect
    };
    let free = root.available_rect_before_wrap();
    layout.floor_points = Some(free);
    // The keyboard's focus, ringed: the panel that Tab moved to (the book is the floor's).
    let focus = match state.panel {
        Panel::Levers => levers_panel,
        Panel::Stakeholders | Panel::Charts | Panel::Capital | Panel::Explore => right_panel,
        Panel::Feed if !projector => feed_panel,
        Panel::Feed => free,
        Panel::Book => free,
    };
    if !state.menu_open {
        // On the panels' layer, so that a card or a window over them covers it.
        ctx.layer_painter(egui::LayerId::background()).rect_stroke(
            focus.shrink(2.0),
            4.0,
            egui::Stroke::new(2.0, widgets::FOCUS),
            egui::StrokeKind::Inside,
        );
    }
    // In window pixels (egui's points are pixels divided by the UI scale).
    let z = ctx.zoom_factor();
    layout.floor_rect = Some(Rect::new(
        free.min.x * z,
        free.min.y * z,
        free.max.x * z,
        free.max.y * z,
    ));
    // A waiting dilemma card comes first: the inspector (which would cover part of it on a small
    // screen) steps aside until the choice is made, keeping its selection.
    if m.pending_dilemma().is_none() && m.news_card.is_none() {
        inspector::show(&ctx, m, state, layout);
    }
    dilemma::show(&ctx, m);
    news::show(&ctx, m, !state.menu_open);
    menu::show(
        &ctx,
        m,
        &mut pace,
        (state, &mut *parts.look),
        &mut flow,
        &mut saves,
    );
    let mut actions = Vec::new();
    if session.discussing.is_some() {
        // The room's discussion is the one thing on screen (the guide waits behind it).
        discussion(&ctx, m, &mut session, !state.menu_open);
    } else if m.news_card.is_some() {
        // A big event's card first: the guide waits until the player has read it.
    } else if teaching.briefing {
        guide::briefing(&ctx, m, &mut actions);
    } else if teaching.help {
        guide::help(&ctx, &mut actions);
    } else {
        guide::guide(&ctx, &teaching, layout, m, &mut actions);
    }
    for a in actions {
        teach.write(a);
    }
    Ok(())
}

/// A timed session's stop for the room: the trainer's question, until the trainer plays on.
/// Behind the open menu it stays on screen but takes no key (Enter in the menu once closed the
/// discussion behind it, and the game stayed paused with no card and no "Play on").
pub fn discussion(
    ctx: &egui::Context,
    m: &Model,
    session: &mut crate::game::session::Session,
    keys: bool,
) {
    let Some(n) = session.discussing else { return };
    let lang = widgets::lang(ctx);
    let mut go_on = false;
    egui::Window::new(tr!(lang, "discuss-title"))
        .collapsible(false)
        .resizable(false)
        .anchor(egui::Align2::CENTER_CENTER, [0.0, 0.0])
        .max_width(520.0)
        .show(ctx, |ui| {
            ui.label(
                egui::RichText::new(tr!(lang, "discuss-when", n = n + 1, day = m.clock().day))
                    .strong(),
            );
            ui.add_space(6.0);
            crate::game::kinsoku::label(
                ui,
                egui::RichText::new(crate::game::session::Session::question(
                    &m.scenario,
                    n,
                    lang,
                ))
                .size(22.0),
            );
            ui.add_space(6.0);
            ui.small(tr!(lang, "discuss-hint"));
            go_on = widgets::go_on_button(ui, keys, tr!(lang, "discuss-continue"));
        });
    if go_on {
        session.close(m.scenario.horizon_days);
    }
}
