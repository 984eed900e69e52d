//! The Class screen, for the trainer: every team's results file in a folder, ranked for each
//! world the teams played by the balanced scorecard (the weights follow the sliders), the best
//! team for each stakeholder, every team's retention, reputation, morale or cash on one chart,
//! the decisions where teams went different ways, and the files that could not be read. The
//! same view is written as one HTML page for the room.

use bevy::prelude::*;
use bevy_egui::{EguiContexts, EguiPrimaryContextPass, egui};
use egui_plot::{Legend, Line, Plot, PlotPoints};

use crate::game::class::{ClassExport, ClassLoad, ClassScreen};
use crate::game::state::{Flow, Screen};
use crate::game::widgets;
use crate::headless::class::{Class, Group};
use crate::headless::class_view::{self, FIGURES, STAKEHOLDERS, World, team_rgb};
use crate::i18n::{Lang, message, number};
use crate::tr;

use crate::game::state::UiSet;

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
    // While the chooser is open the screen behind it takes no click, and Esc is the chooser's.
    if screen.picker.at.is_some() {
        root.disable();
    }
    if let Some(dir) = crate::game::panels::folders::show(&ctx, &mut screen.picker) {
        screen.folder = dir.display().to_string();
        loads.write(ClassLoad);
    }
    egui::CentralPanel::default().show(&mut root, |ui| {
        ui.horizontal(|ui| {
            if ui
                .button(widgets::big(tr!(lang, "back-to-title")))
                .clicked()
                || (ui.is_enabled() && ui.input(|i| i.key_pressed(egui::Key::Escape)))
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
            // A desktop's folders, walked in the game (the browser's folder is its storage).
            if !crate::platform::BROWSER
                && ui
                    .button(tr!(lang, "class-browse"))
                    .on_hover_text(tr!(lang, "class-browse-hint"))
                    .clicked()
            {
                let from = std::path::PathBuf::from(screen.folder.trim());
                screen.picker.open(&from);
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
        // Files that could not be read, or not ranked, come first: the trainer asks those teams
        // again.
        let folder = class_view::Folder::of(class, lang);
        for (title, lines, id) in [
            (&folder.not_read_title, &folder.not_read, "not-read"),
            (&folder.apart_title, &folder.apart, "apart"),
        ] {
            if lines.is_empty() {
                continue;
            }
            egui::CollapsingHeader::new(
                egui::RichText::new(format!("{title} ({})", lines.len())).color(widgets::WARNING),
            )
            .id_salt(id)
            .default_open(true)
            .show(ui, |ui| {
                for r in lines {
                    ui.colored_label(widgets::WARNING, r);
                }
            });
        }
        ui.small(&folder.verified);
        // One world at a time: teams on different worlds are never ranked together.
        if class.groups.len() > 1 {
            ui.small(tr!(lang, "class-separate"));
            let mut pick = None;
            ui.horizontal_wrapped(|ui| {
                for (i, g) in class.groups.iter().enumerate() {
                    if ui
                        .selectable_label(*group == i, class_view::heading(g, lang))
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

fn world(
    ui: &mut egui::Ui,
    class: &Class,
    g: &Group,
    weights: &mut crate::scenario::Weights,
    figure: &mut usize,
    lang: Lang,
) {
    let v = World::of(class, g, Some(weights), lang);
    ui.heading(&v.heading);
    if let Some(codes) = &v.codes {
        ui.label(codes);
    }
    for same in &v.same {
        ui.colored_label(widgets::WARNING, same);
    }
    // The trainer's weights: the ranking follows them at once.
    ui.horizontal_wrapped(|ui| {
        ui.label(&v.weights_title);
        let each = [
            &mut weights.customers,
            &mut weights.employees,
            &mut weights.shareholders,
        ];
        for (key, w) in STAKEHOLDERS.iter().zip(each) {
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
    ui.small(&v.weights_line);
    if let Some(n) = &v.notes {
        egui::CollapsingHeader::new(&n.title)
            .id_salt(("notes", g.seed, &g.scenario_hash))
            .show(ui, |ui| {
                ui.label(&n.usually);
                for q in &n.discuss {
                    ui.label(format!("• {q}"));
                }
            });
    }
    egui::Grid::new(("ranking", g.seed, &g.scenario_hash))
        .striped(true)
        .spacing([14.0, 4.0])
        .show(ui, |ui| {
            for c in &v.columns {
                ui.strong(c);
            }
            ui.end_row();
            for r in &v.ranking {
                ui.label(r.rank.to_string());
                ui.colored_label(colour(r.colour), format!("■ {}", r.name))
                    .on_hover_text(class.teams[r.team].file.display().to_string());
                ui.strong(number(r.score, 1));
                for s in r.each {
                    ui.label(number(s, 1));
                }
                ui.label(r.days.to_string());
                ui.label(&r.ending);
                ui.label(&r.check);
                ui.end_row();
            }
        });
    ui.small(&v.score_how);
    ui.add_space(6.0);
    ui.horizontal_wrapped(|ui| {
        for line in v.best.iter().filter_map(|b| b.line.as_ref()) {
            ui.label(line);
            ui.add_space(12.0);
        }
    });
    ui.add_space(6.0);
    ui.horizontal(|ui| {
        ui.heading(&v.charts_title);
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
            let palette = class_view::colours(class, g);
            for (k, &i) in g.teams.iter().enumerate() {
                let t = &class.teams[i];
                let s = &t.results.series;
                let points: PlotPoints = (0..s.len())
                    .map(|d| [s.day[d] as f64, value(s, d)])
                    .collect();
                plot.line(
                    Line::new(t.name(), points)
                        .color(colour(palette[k]))
                        .width(2.0),
                );
            }
        });
    ui.add_space(6.0);
    ui.heading(&v.diverged_title);
    if let Some(none) = &v.diverged_none {
        ui.label(none);
    }
    for (n, d) in v.divergences.iter().enumerate() {
        egui::CollapsingHeader::new(&d.heading)
            .id_salt(("diverged", n))
            .default_open(n < 3)
            .show(ui, |ui| {
                let wide = ui.available_width();
                egui::Grid::new(("diverged-grid", n))
                    .striped(true)
                    .max_col_width(wide * 0.45)
                    .show(ui, |ui| {
                        for t in &d.teams {
                            ui.label(&t.name);
                            ui.add(egui::Label::new(&t.chose).wrap());
                            ui.label(&t.later);
                            ui.end_row();
                        }
                    });
            });
    }
}
