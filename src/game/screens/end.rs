//! The end screen: why the game ended, the game's charts with its decisions and a what-if beside
//! them, the stakeholder scorecards, customer capital, why customers left and the lessons; the
//! debrief can be saved as HTML (with its CSV).

use bevy::prelude::*;
use bevy_egui::{EguiContexts, EguiPrimaryContextPass, egui};

use crate::game::debrief::{EndSummary, write_debrief};
use crate::game::panels::saves::SaveAccess;
use crate::game::panels::{capital, charts, whatif};
use crate::game::state::{Flow, Screen, Setup, StartGame};
use crate::game::ui::Focus;
use crate::game::whatif::WhatIfAccess;
use crate::game::widgets;
use crate::headless::html::debrief::Impacts;
use crate::headless::results::scorecards;
use crate::tr;

use crate::game::state::UiSet;

pub(super) fn plugin(app: &mut App) {
    app.add_systems(
        EguiPrimaryContextPass,
        draw.in_set(UiSet::Screens).run_if(in_state(Screen::End)),
    );
}

fn draw(
    mut contexts: EguiContexts,
    mut summary: Option<ResMut<EndSummary>>,
    mut flow: Flow,
    mut saves: SaveAccess,
    mut setup: ResMut<Setup>,
    what_if: WhatIfAccess,
    mut state: ResMut<Focus>,
) -> Result {
    let WhatIfAccess {
        shown: what_ifs,
        mut requests,
    } = what_if;
    let ctx = contexts.ctx_mut()?.clone();
    let mut root = widgets::root(&ctx);
    let lang = widgets::lang(&ctx);
    let Some(sum) = summary.as_deref_mut() else {
        return Ok(());
    };
    let shown = what_ifs
        .as_deref()
        .and_then(|w| w.current.as_ref())
        .and_then(|c| {
            let w = what_ifs.as_deref()?;
            Some((
                crate::game::whatif::label(&c.change, w, lang),
                std::sync::Arc::clone(c.result()?),
            ))
        });
    // What to do next stays at the bottom, in view at any size; the results scroll above it.
    egui::Panel::bottom("end-actions").show(&mut root, |ui| {
        ui.add_space(6.0);
        ui.horizontal_wrapped(|ui| {
            if let Some(dir) = saves.config.as_deref().map(|c| c.dir.clone())
                && ui.button(tr!(lang, "export-debrief")).clicked()
            {
                let what_if = shown.as_ref().map(|(label, r)| (label.as_str(), &**r));
                let each = what_ifs
                    .as_deref()
                    .and_then(|w| crate::game::whatif::impacts_labelled(w, lang));
                let each = each
                    .as_ref()
                    .map(|(impacts, labels)| Impacts { impacts, labels });
                sum.exported = Some(match write_debrief(sum, what_if, each, &dir, lang) {
                    Ok((html, csv)) => format!("{} + {}", html.display(), csv.display()),
                    Err(e) => e,
                });
            }
            if let Some(m) = &sum.exported {
                ui.add(egui::Label::new(m.as_str()).wrap());
            }
        });
        // The team's results file for the class view: written when the game ended; again under
        // another name if the team types one.
        ui.horizontal_wrapped(|ui| {
            widgets::team_name(ui, lang, &mut setup.team, 160.0);
            saves.results_line(ui);
        });
        // Enter plays again only when no button has the keyboard focus (Tab to a what-if button
        // and Enter must press that button, not start a new game).
        let free = ui.memory(|m| m.focused().is_none());
        let (enter, esc) = ui.input(|i| {
            (
                free && i.key_pressed(egui::Key::Enter),
                i.key_pressed(egui::Key::Escape),
            )
        });
        ui.horizontal(|ui| {
            if ui.button(widgets::big(tr!(lang, "play-again"))).clicked() || enter {
                flow.start.write(StartGame);
            }
            if ui
                .button(widgets::big(tr!(lang, "back-to-title")))
                .clicked()
                || esc
            {
                flow.next.set(Screen::Title);
            }
        });
        ui.add_space(6.0);
    });
    // A new end screen opens at its top (the last game's scroll is not kept).
    let mut area = egui::ScrollArea::vertical()
        .id_salt("end-scroll")
        .auto_shrink([false, false]);
    if !sum.opened {
        sum.opened = true;
        area = area.vertical_scroll_offset(0.0);
    }
    egui::CentralPanel::default().show(&mut root, |ui| {
        area.show(ui, |ui| {
            ui.vertical_centered(|ui| {
                ui.label(widgets::big(tr!(lang, "game-over")));
                // What ended the game, first: the day it ended on and why.
                let why = sum
                    .result
                    .end
                    .map_or_else(String::new, |e| e.describe(lang));
                ui.add(
                    egui::Label::new(
                        egui::RichText::new(tr!(lang, "feed-line", day = sum.day(), text = why))
                            .size(18.0),
                    )
                    .wrap(),
                );
                // The board's last meeting or a press story on the last day: why, in its words.
                let last_day = sum.result.rows.last().map(|r| r.day);
                if let Some(n) = sum.result.news.last().filter(|n| Some(n.day) == last_day) {
                    let text = crate::headless::report::news_text(n, &sum.result.scenario, lang);
                    ui.add(egui::Label::new(text).wrap());
                }
            });
            ui.add_space(8.0);
            let r = &sum.result;
            if let Some(v) = r.verdict() {
                verdict(ui, &v, r, lang);
            }
            {
                // The charts and the what-if side by side: the change and its effect in one view.
                ui.columns(2, |cols| {
                    cols[0].heading(tr!(lang, "run-charts"));
                    cols[0].small(tr!(lang, "run-charts-key"));
                    let marks = charts::decision_days(&r.decision_log, &r.choices);
                    let what_if = shown.as_ref().map(|s| s.1.rows.as_slice());
                    let chart_day = state.chart_day;
                    let shown = charts::Shown {
                        chart: &mut state.chart,
                        day: chart_day,
                        height: 260.0,
                    };
                    charts::chart(&mut cols[0], "end-chart", (&r.rows, what_if), &marks, shown);
                    if let Some(w) = what_ifs.as_deref() {
                        whatif::show(&mut cols[1], r, w, &mut requests);
                    }
                });
                if let Some(w) = what_ifs.as_deref() {
                    ui.add_space(8.0);
                    whatif::show_each(ui, r, w);
                }
                ui.add_space(8.0);
                let cards = scorecards(r, lang);
                ui.columns(cards.len().max(1), |cols| {
                    for (col, (title, lines)) in cols.iter_mut().zip(cards) {
                        col.heading(&title);
                        egui::Grid::new(&title).striped(true).show(col, |ui| {
                            for (k, v) in lines {
                                ui.label(k);
                                ui.strong(v);
                                ui.end_row();
                            }
                        });
                    }
                });
                ui.add_space(8.0);
                capital::show(
                    ui,
                    &r.rows,
                    r.scenario.currency(),
                    Some((&sum.value, &sum.value_cut)),
                );
                let causes = crate::headless::report::churn_causes(r, &sum.customers, lang);
                ui.add_space(8.0);
                ui.heading(tr!(lang, "why-they-left"));
                // One cause a row, its last events wrapped below it (a grid's third column ran off
                // the right of a small screen).
                for c in &causes {
                    let (label, hint) = crate::headless::report::cause_label(&c.cause, lang);
                    ui.horizontal_wrapped(|ui| {
                        ui.label(label).on_hover_text(hint);
                        ui.strong(c.count.to_string());
                    });
                    let before: Vec<String> = c
                        .before
                        .iter()
                        .map(|e| tr!(lang, "feed-line", day = e.day, text = e.text.as_str()))
                        .collect();
                    if !before.is_empty() {
                        ui.indent(("cause", &c.cause), |ui| {
                            ui.add(
                                egui::Label::new(
                                    egui::RichText::new(before.join(&tr!(lang, "list-separator")))
                                        .small(),
                                )
                                .wrap(),
                            );
                        });
                    }
                }
                ui.add_space(8.0);
                ui.heading(tr!(lang, "lessons"));
                for l in crate::headless::report::lessons(r, &causes, lang) {
                    ui.strong(l.principle);
                    crate::game::kinsoku::label(ui, l.text);
                    ui.add_space(4.0);
                }
            }
        });
    });
    Ok(())
}

/// Won or lost, by the scenario's winning conditions: the headline in its colour, each condition
/// met or missed with the run's figure, and the principle the scenario teaches.
fn verdict(
    ui: &mut egui::Ui,
    v: &crate::headless::verdict::Verdict,
    r: &crate::headless::results::RunResult,
    lang: crate::i18n::Lang,
) {
    use crate::headless::verdict::{Outcome, describe_check};
    let colour = match v.outcome {
        Outcome::Won => widgets::GOOD,
        Outcome::Lost => widgets::GONE,
        Outcome::Unjudged => ui.visuals().text_color(),
    };
    egui::Frame::group(ui.style()).show(ui, |ui| {
        ui.horizontal_wrapped(|ui| {
            ui.label(widgets::big(v.headline(lang)).color(colour));
            if let Some(e) = v.closed_early {
                ui.label(tr!(lang, "verdict-closed-early", why = e.describe(lang)));
            }
        });
        for c in &v.checks {
            let line = describe_check(c, lang);
            let colour = if c.met { widgets::GOOD } else { widgets::GONE };
            ui.label(egui::RichText::new(line).color(colour));
        }
        if let Some(w) = &r.scenario.winning {
            ui.label(
                egui::RichText::new(tr!(
                    lang,
                    "briefing-principle",
                    text = w.principle.get(lang)
                ))
                .italics(),
            );
        }
    });
}
