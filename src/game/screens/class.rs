//! The Class screen, for the trainer: every team's results file in a folder, ranked for each
//! world the teams played by the balanced scorecard (the weights follow the sliders), the best
//! team for each stakeholder, every team's retention, reputation, morale or cash on one chart,
//! the decisions where teams went different ways, and the files that could not be read. The
//! same view is written as one HTML page for the room.

use bevy::prelude::*;
use bevy_egui::{EguiContexts, EguiPrimaryContextPass, egui};
use egui_plot::{Legend, Line, Plot, PlotPoints};

use crate::game::Screen;
use crate::game::class::{ClassExport, ClassLoad, ClassScreen};
use crate::game::widgets;
use crate::headless::class::{Class, Diverged, Group, LATER_DAYS};
use crate::headless::class_html::{FIGURES, team_rgb};
use crate::i18n::{Lang, message, number, percent};
use crate::tr;

use super::{Flow, UiSet};

pub(super) fn plugin(app: &mut App) {
    app.add_systems(
        EguiPrimaryContextPass,
        draw.in_set(UiSet::Screens).run_if(in_state(Screen::Class)),
    );
}

/// A team's colour on the game's dark background.
fn colour(k: usize) -> egui::Color32 {
    match team_rgb(k) {
        (0, 0, 0) => egui::Color32::from_gray(235),
        (r, g, b) => egui::Color32::from_rgb(r, g, b),
    }
}

fn draw(
    mut contexts: EguiContexts,
    mut screen: ResMut<ClassScreen>,
    mut flow: Flow,
    mut loads: MessageWriter<ClassLoad>,
    mut exports: MessageWriter<ClassExport>,
) -> Result {
    let ctx = contexts.ctx_mut()?.clone();
    let mut root = widgets::root(&ctx);
    let lang = widgets::lang(&ctx);
    egui::CentralPanel::default().show(&mut root, |ui| {
        ui.horizontal(|ui| {
            if ui
                .button(widgets::big(tr!(lang, "back-to-title")))
                .clicked()
                || ui.input(|i| i.key_pressed(egui::Key::Escape))
            {
                flow.next.set(Screen::Title);
            }
            ui.label(widgets::big(tr!(lang, "class-title")));
        });
        ui.horizontal(|ui| {
            ui.label(tr!(lang, "class-folder-field"))
                .on_hover_text(tr!(lang, "class-folder-hint"));
            let field = ui.add(egui::TextEdit::singleline(&mut screen.folder).desired_width(420.0));
            let entered = field.lost_focus() && ui.input(|i| i.key_pressed(egui::Key::Enter));
            if ui.button(tr!(lang, "class-read")).clicked() || entered {
                loads.write(ClassLoad);
            }
            if screen.class.is_some() && ui.button(tr!(lang, "class-export")).clicked() {
                exports.write(ClassExport);
            }
        });
        // In a browser the folder is in the page's storage: the teams' files are added to it
        // through the file picker.
        if crate::platform::BROWSER
            && ui
                .button(tr!(lang, "web-class-add-files"))
                .on_hover_text(tr!(lang, "web-class-add-files-hint"))
                .clicked()
        {
            crate::platform::pick_file(crate::platform::Picking::Results);
        }
        if let Some((kept, refused)) = &screen.picked {
            if *kept > 0 {
                ui.colored_label(
                    widgets::GOOD,
                    tr!(lang, "web-class-added", n = *kept as i64),
                );
            }
            for r in refused {
                ui.colored_label(widgets::WARNING, tr!(lang, "web-class-refused", error = r));
            }
        }
        match &screen.exported {
            Some(Ok(_)) if crate::platform::BROWSER => {
                ui.colored_label(widgets::GOOD, tr!(lang, "web-class-downloaded"));
            }
            Some(Ok(p)) => {
                ui.colored_label(
                    widgets::GOOD,
                    tr!(lang, "class-wrote-html", file = p.display().to_string()),
                );
                if let Some(dir) = p.parent() {
                    ui.colored_label(
                        widgets::GOOD,
                        tr!(
                            lang,
                            "class-wrote-pages",
                            dir = dir.join("debriefs").display().to_string()
                        ),
                    );
                }
            }
            Some(Err(e)) => {
                ui.colored_label(widgets::WARNING, e);
            }
            None => {}
        }
        if screen.loading.is_some() {
            ui.horizontal(|ui| {
                ui.spinner();
                ui.label(tr!(lang, "class-reading"));
            });
            return;
        }
        if let Some(p) = &screen.problem {
            ui.colored_label(widgets::WARNING, p.render(lang));
            return;
        }
        let ClassScreen {
            class,
            group,
            weights,
            figure,
            ..
        } = &mut *screen;
        let Some(class) = class.as_ref() else {
            return;
        };
        ui.label(tr!(
            lang,
            "class-folder",
            folder = class.folder.display().to_string(),
            teams = class.teams.len()
        ));
        if class.teams.is_empty() {
            ui.colored_label(
                widgets::WARNING,
                if crate::platform::BROWSER {
                    tr!(lang, "web-class-none")
                } else {
                    tr!(
                        lang,
                        "class-none",
                        folder = class.folder.display().to_string()
                    )
                },
            );
        }
        // Files that could not be read come first: the trainer asks those teams again.
        if !class.rejected.is_empty() {
            egui::CollapsingHeader::new(
                egui::RichText::new(format!(
                    "{} ({})",
                    tr!(lang, "class-not-read"),
                    class.rejected.len()
                ))
                .color(widgets::WARNING),
            )
            .default_open(true)
            .show(ui, |ui| {
                for r in &class.rejected {
                    ui.colored_label(widgets::WARNING, r.render(lang));
                }
            });
        }
        // One world at a time: teams on different worlds are never ranked together.
        if class.groups.len() > 1 {
            ui.small(tr!(lang, "class-separate"));
            let mut pick = None;
            ui.horizontal_wrapped(|ui| {
                for (i, g) in class.groups.iter().enumerate() {
                    if ui
                        .selectable_label(*group == i, world_name(g, lang))
                        .clicked()
                    {
                        pick = Some(i);
                    }
                }
            });
            if let Some(i) = pick {
                *group = i;
                *weights = class.groups[i].weights.clone();
            }
        }
        egui::ScrollArea::vertical().show(ui, |ui| {
            if let Some(g) = class.groups.get(*group) {
                world(ui, class, g, weights, figure, lang);
            }
        });
    });
    Ok(())
}

fn world_name(g: &Group, lang: Lang) -> String {
    tr!(
        lang,
        "class-world",
        scenario = g.scenario.get(lang),
        seed = g.seed.to_string(),
        teams = g.teams.len()
    )
}

fn world(
    ui: &mut egui::Ui,
    class: &Class,
    g: &Group,
    weights: &mut crate::scenario::Weights,
    figure: &mut usize,
    lang: Lang,
) {
    ui.heading(world_name(g, lang));
    if !g.codes.is_empty() {
        ui.label(tr!(lang, "class-codes", codes = g.codes.join(", ")));
    }
    // The trainer's weights: the ranking follows them at once.
    ui.horizontal_wrapped(|ui| {
        ui.label(tr!(lang, "class-weights"));
        for (key, w) in [
            ("customers", &mut weights.customers),
            ("employees", &mut weights.employees),
            ("shareholders", &mut weights.shareholders),
        ] {
            ui.label(message(lang, key, None));
            ui.add(
                egui::Slider::new(w, 0.0..=10.0)
                    .step_by(0.5)
                    .max_decimals(1),
            );
        }
        if ui.button(tr!(lang, "class-weights-reset")).clicked() {
            *weights = g.weights.clone();
        }
    });
    let [c, e, s] = weights.shares();
    ui.small(tr!(
        lang,
        "class-weights-line",
        customers = percent(c, 0),
        employees = percent(e, 0),
        shareholders = percent(s, 0)
    ));
    if let Some(n) = &g.notes {
        egui::CollapsingHeader::new(tr!(lang, "trainer-notes-title"))
            .id_salt(("notes", g.seed, &g.scenario_hash))
            .show(ui, |ui| {
                ui.label(tr!(
                    lang,
                    "trainer-notes-usually",
                    text = n.usually.get(lang)
                ));
                for q in &n.discuss {
                    ui.label(format!("• {}", q.get(lang)));
                }
            });
    }
    egui::Grid::new(("ranking", g.seed, &g.scenario_hash))
        .striped(true)
        .spacing([14.0, 4.0])
        .show(ui, |ui| {
            for key in [
                "class-rank",
                "class-team",
                "class-balanced",
                "customers",
                "employees",
                "shareholders",
                "class-days",
                "class-ending",
                "class-check",
            ] {
                ui.strong(message(lang, key, None));
            }
            ui.end_row();
            for (rank, (i, score)) in class.ranking(g, weights).into_iter().enumerate() {
                let t = &class.teams[i];
                let k = g.teams.iter().position(|&x| x == i).unwrap_or(0);
                ui.label((rank + 1).to_string());
                ui.colored_label(colour(k), format!("■ {}", t.name()))
                    .on_hover_text(t.file.display().to_string());
                ui.strong(number(score, 1));
                for v in t.scores.each() {
                    ui.label(number(v, 1));
                }
                ui.label(t.results.days().to_string());
                ui.label(t.results.ending(lang));
                let check = message(lang, t.trust.key(), None);
                if t.trust.doubtful() {
                    ui.colored_label(widgets::WARNING, check);
                } else {
                    ui.label(check);
                }
                ui.end_row();
            }
        });
    ui.small(tr!(lang, "class-score-how"));
    ui.add_space(6.0);
    ui.horizontal_wrapped(|ui| {
        for (k, key) in ["customers", "employees", "shareholders"]
            .iter()
            .enumerate()
        {
            if let Some(&(i, score)) = class.ranking_for(g, k).first() {
                ui.label(tr!(
                    lang,
                    "class-best-line",
                    who = message(lang, key, None),
                    team = class.teams[i].name(),
                    score = number(score, 1)
                ));
                ui.add_space(12.0);
            }
        }
    });
    ui.add_space(6.0);
    ui.horizontal(|ui| {
        ui.heading(tr!(lang, "class-charts"));
        for (i, (key, _)) in FIGURES.iter().enumerate() {
            if ui
                .selectable_label(*figure == i, message(lang, key, None))
                .clicked()
            {
                *figure = i;
            }
        }
    });
    let (_, value) = FIGURES[(*figure).min(FIGURES.len() - 1)];
    Plot::new(("class-chart", *figure))
        .allow_scroll(false)
        .legend(Legend::default().follow_insertion_order(true))
        .height(240.0)
        .x_axis_label(tr!(lang, "day"))
        .show(ui, |plot| {
            for (k, &i) in g.teams.iter().enumerate() {
                let t = &class.teams[i];
                let s = &t.results.series;
                let points: PlotPoints = (0..s.len())
                    .map(|d| [s.day[d] as f64, value(s, d)])
                    .collect();
                plot.line(Line::new(t.name(), points).color(colour(k)).width(2.0));
            }
        });
    ui.add_space(6.0);
    ui.heading(tr!(lang, "class-diverged"));
    let all = class.divergences(g);
    if all.is_empty() {
        ui.label(tr!(lang, "class-diverged-none"));
    }
    let currency = &class.teams[g.teams[0]].results.scenario.currency;
    for (n, d) in all.iter().enumerate() {
        let heading = match &d.what {
            Diverged::Dilemma { title, .. } => tr!(
                lang,
                "class-diverged-dilemma",
                title = title.get(lang),
                day = d.day
            ),
            Diverged::Levers(_) => tr!(lang, "class-diverged-levers", day = d.day),
        };
        egui::CollapsingHeader::new(heading)
            .id_salt(("diverged", n))
            .default_open(n < 3)
            .show(ui, |ui| {
                let wide = ui.available_width();
                egui::Grid::new(("diverged-grid", n))
                    .striped(true)
                    .max_col_width(wide * 0.45)
                    .show(ui, |ui| {
                        for r in &d.rows {
                            ui.label(class.teams[r.team].name());
                            ui.add(egui::Label::new(r.what.show(&d.what, lang)).wrap());
                            ui.label(match r.later {
                                Some(l) => tr!(
                                    lang,
                                    "class-later",
                                    days = LATER_DAYS,
                                    retention = percent(l.retention, 1),
                                    morale = percent(l.morale, 0),
                                    cash = currency.money(l.cash)
                                ),
                                None => tr!(lang, "class-not-yet"),
                            });
                            ui.end_row();
                        }
                    });
            });
    }
}
