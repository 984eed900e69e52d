//! The end screen's what-if: every decision of the game with what could be changed (another
//! choice at a dilemma, a lever change undone), and the replay's outcome beside the game's.

use bevy::prelude::*;
use bevy_egui::egui;

use crate::game::whatif::{Outcome, WhatIfRequest, WhatIfs};
use crate::game::widgets;
use crate::headless::results::RunResult;
use crate::tr;

/// The decisions of the game, each with what could be changed, and the what-if's outcome.
pub fn show(
    ui: &mut egui::Ui,
    r: &RunResult,
    w: &WhatIfs,
    requests: &mut MessageWriter<WhatIfRequest>,
) {
    // Left-aligned: in a justified column egui would spread wrapped lines word by word.
    ui.with_layout(egui::Layout::top_down(egui::Align::Min), |ui| {
        show_left(ui, r, w, requests)
    });
}

fn show_left(
    ui: &mut egui::Ui,
    r: &RunResult,
    w: &WhatIfs,
    requests: &mut MessageWriter<WhatIfRequest>,
) {
    use crate::headless::whatif::WhatIf;
    let lang = widgets::lang(ui.ctx());
    ui.heading(tr!(lang, "whatif-heading"));
    let decisions = match &w.decisions {
        Ok(d) => d,
        Err(e) => {
            ui.label(e.render(lang));
            return;
        }
    };
    ui.label(tr!(lang, "whatif-intro"));
    if decisions.changes.is_empty() && r.choices.is_empty() {
        ui.label(tr!(lang, "nothing-to-change"));
    }
    let running = w.current.as_ref().is_some_and(|c| c.is_running());
    // Dilemma choices and the player's lever changes, in the order they were taken.
    enum Row<'a> {
        Choice(&'a crate::sim::dilemmas::ChoiceMade),
        Change(usize, &'a crate::sim::levers::Decision),
    }
    let mut rows: Vec<(u32, u32, Row)> = r
        .choices
        .iter()
        .map(|c| (c.day, 0, Row::Choice(c)))
        .chain(
            // One row a gesture, showing what it left the levers at.
            decisions.gestures().into_iter().map(|g| {
                let (first, last) = (&decisions.changes[g.start], &decisions.changes[g.end - 1]);
                (first.day, first.minute, Row::Change(g.start + 1, last))
            }),
        )
        .collect();
    rows.sort_by_key(|(day, minute, _)| (*day, *minute));
    egui::ScrollArea::vertical()
        .id_salt("what-if decisions")
        .max_height(200.0)
        .show(ui, |ui| {
            for (day, minute, row) in &rows {
                match row {
                    Row::Choice(c) => {
                        let d = w.deck.as_ref().and_then(|d| d.get(&c.dilemma));
                        let label_of = |id: &str| {
                            d.and_then(|d| d.choices.iter().find(|x| x.id == id))
                                .map_or(String::new(), |x| x.label.get(lang).to_string())
                        };
                        let title = d.map_or(String::new(), |d| d.title.get(lang).to_string());
                        ui.label(tr!(
                            lang,
                            "you-chose",
                            day = day,
                            dilemma = title,
                            choice = label_of(&c.choice)
                        ));
                        ui.horizontal_wrapped(|ui| {
                            for other in d.iter().flat_map(|d| &d.choices) {
                                if other.id == c.choice {
                                    continue;
                                }
                                let button = egui::Button::new(tr!(
                                    lang,
                                    "try-choice",
                                    choice = other.label.get(lang)
                                ))
                                .wrap_mode(egui::TextWrapMode::Extend);
                                if ui.add_enabled(!running, button).clicked() {
                                    requests.write(WhatIfRequest(WhatIf::Choose {
                                        dilemma: c.dilemma.clone(),
                                        choice: other.id.clone(),
                                    }));
                                }
                            }
                        });
                    }
                    Row::Change(n, d) => {
                        ui.horizontal_wrapped(|ui| {
                            ui.label(format!(
                                "{} · {:02}:{:02} · {}",
                                tr!(lang, "day-n", day = day),
                                minute / 60 % 24,
                                minute % 60,
                                tr!(lang, "lever-changed", levers = d.set.show(lang))
                            ));
                            if ui
                                .add_enabled(!running, egui::Button::new(tr!(lang, "undo")))
                                .clicked()
                            {
                                requests.write(WhatIfRequest(WhatIf::Undo(*n)));
                            }
                        });
                    }
                }
                ui.separator();
            }
        });
    let Some(run) = &w.current else { return };
    ui.add_space(6.0);
    ui.strong(format!(
        "{} {}",
        tr!(lang, "whatif-heading"),
        crate::game::whatif::label(&run.change, w, lang)
    ));
    match &run.outcome {
        Outcome::Running(_) => {
            ui.horizontal(|ui| {
                ui.spinner();
                ui.label(tr!(
                    lang,
                    "replaying",
                    day = run.progress.load(std::sync::atomic::Ordering::Relaxed),
                    days = w.days
                ));
            });
            // Keep redrawing while the replay runs, so the progress moves.
            ui.ctx().request_repaint();
        }
        Outcome::Failed(e) => {
            ui.colored_label(widgets::WARNING, e.render(lang));
        }
        Outcome::Done {
            result,
            first_difference,
        } => {
            match first_difference {
                None => ui.label(tr!(lang, "identical-all")),
                Some(0) => ui.label(tr!(lang, "differ-from-start")),
                Some(d) => ui.label(tr!(lang, "identical-until", day = *d)),
            };
            if let (Some(a), Some(b)) = (r.rows.last(), result.rows.last()) {
                egui::Grid::new("what-if difference")
                    .striped(true)
                    .show(ui, |ui| {
                        for h in [
                            tr!(lang, "at-the-end"),
                            tr!(lang, "this-game"),
                            tr!(lang, "what-if-col"),
                            tr!(lang, "difference"),
                        ] {
                            ui.strong(h);
                        }
                        ui.end_row();
                        for (k, x, y, d) in
                            crate::headless::whatif::difference(a, b, r.scenario.currency(), lang)
                        {
                            ui.label(k);
                            ui.label(x);
                            ui.label(y);
                            ui.strong(d);
                            ui.end_row();
                        }
                    });
            }
        }
    }
}

/// What each decision did: the game replayed without each of its last decisions (worked out in
/// the background since the game ended), one row per decision with its effect at the end on
/// customers, morale and profit; hovering a row says it in a sentence.
pub fn show_each(ui: &mut egui::Ui, r: &RunResult, w: &WhatIfs) {
    use crate::game::whatif::EachOutcome;
    use crate::headless::impact::{decision_label, sentence, signed};
    let lang = widgets::lang(ui.ctx());
    let Some(each) = &w.each else { return };
    let Ok(decisions) = &w.decisions else { return };
    ui.heading(tr!(lang, "impact-title"));
    ui.label(tr!(lang, "impact-explain"));
    match &each.outcome {
        EachOutcome::Running(_) => {
            ui.horizontal(|ui| {
                ui.spinner();
                ui.label(tr!(
                    lang,
                    "impact-progress",
                    done = each.done.load(std::sync::atomic::Ordering::Relaxed),
                    total = each.total
                ));
            });
            ui.ctx().request_repaint();
        }
        EachOutcome::Stopped => {
            ui.label(tr!(lang, "impact-stopped"));
        }
        EachOutcome::Done(impacts) => {
            if impacts.is_empty() {
                ui.label(tr!(lang, "impact-none"));
                return;
            }
            let currency = r.scenario.currency();
            let money = |c: i64| crate::headless::impact::signed_money(currency, c);
            egui::Grid::new("each decision")
                .striped(true)
                .show(ui, |ui| {
                    for h in [
                        tr!(lang, "day"),
                        tr!(lang, "impact-col-decision"),
                        tr!(lang, "metric-active-customers"),
                        tr!(lang, "metric-morale"),
                        tr!(lang, "card-profit"),
                    ] {
                        ui.strong(h);
                    }
                    ui.end_row();
                    for i in impacts.iter() {
                        let label = decision_label(&i.decision, decisions, w.deck.as_ref(), lang);
                        let said = sentence(i, &label, currency, lang);
                        let normal = ui.visuals().text_color();
                        let colour = |v: f64| match v.partial_cmp(&0.0) {
                            Some(std::cmp::Ordering::Greater) => widgets::GOOD,
                            Some(std::cmp::Ordering::Less) => widgets::GONE,
                            _ => normal,
                        };
                        ui.label(i.decision.day.to_string()).on_hover_text(&said);
                        ui.label(label).on_hover_text(&said);
                        ui.colored_label(colour(i.customers as f64), signed(i.customers as f64, 0));
                        ui.colored_label(
                            colour(i.morale),
                            tr!(lang, "points-difference", n = signed(i.morale * 100.0, 1)),
                        );
                        ui.colored_label(colour(i.profit as f64), money(i.profit));
                        ui.end_row();
                    }
                });
        }
    }
}
