//! What teaches the game on the playing screen: the briefing before play (the business, what
//! each stakeholder wants, how the game ends, filled from the scenario), the help overlay (F1:
//! the keys, what each figure means, how to read the floor), and the first-run guide's box,
//! drawn beside what its step points at, with that place outlined.

use bevy_egui::egui;

use crate::game::guide::{Figures, GuideStep, RESULT_DAYS, Teaching, TeachingAction, Tried};
use crate::game::kinsoku;
use crate::game::model::Model;
use crate::game::ui::Layout;
use crate::game::widgets;
use crate::tr;

/// The outline around what the guide points at.
const POINTER: egui::Color32 = egui::Color32::from_rgb(230, 159, 0);

/// The briefing: a card over the screen until the player begins.
pub fn briefing(ctx: &egui::Context, m: &Model, actions: &mut Vec<TeachingAction>) {
    let lang = widgets::lang(ctx);
    let s = &m.scenario;
    let money = |cents: i64| s.currency().money(cents);
    let width = (ctx.content_rect().width() - 40.0).clamp(300.0, 760.0);
    egui::Window::new(tr!(lang, "briefing-title", name = s.name.get(lang)))
        .collapsible(false)
        .resizable(false)
        .anchor(egui::Align2::CENTER_CENTER, [0.0, 0.0])
        .min_width(width)
        .max_width(width)
        .show(ctx, |ui| {
            egui::ScrollArea::vertical()
                .max_height(ctx.content_rect().height() - 140.0)
                .show(ui, |ui| {
                    kinsoku::label(ui, egui::RichText::new(s.briefing.get(lang)).size(16.0));
                    ui.add_space(8.0);
                    ui.heading(tr!(lang, "briefing-wants"));
                    let goal = |which: usize| -> String {
                        match &s.goals {
                            Some(g) => [&g.customers, &g.employees, &g.shareholders][which]
                                .get(lang)
                                .to_string(),
                            None => crate::i18n::message(
                                lang,
                                [
                                    "briefing-customers-default",
                                    "briefing-employees-default",
                                    "briefing-shareholders-default",
                                ][which],
                                None,
                            ),
                        }
                    };
                    for (i, who) in ["customers", "employees", "shareholders"]
                        .iter()
                        .enumerate()
                    {
                        ui.horizontal_wrapped(|ui| {
                            ui.strong(format!("{}:", crate::i18n::message(lang, who, None)));
                            ui.label(goal(i));
                        });
                    }
                    ui.label(tr!(
                        lang,
                        "briefing-board",
                        profit = money(s.board.expected_quarter_profit_cents),
                        growth = crate::i18n::percent(s.board.expectation_growth_per_year, 0)
                    ));
                    if let Some(w) = &s.winning {
                        ui.add_space(8.0);
                        ui.heading(tr!(lang, "briefing-winning-title"));
                        kinsoku::label(ui, egui::RichText::new(w.story.get(lang)).strong());
                        ui.label(tr!(lang, "briefing-conditions"));
                        for k in &w.conditions {
                            ui.label(format!("• {}", crate::headless::verdict::describe(k, lang)));
                        }
                        ui.label(
                            egui::RichText::new(tr!(
                                lang,
                                "briefing-principle",
                                text = w.principle.get(lang)
                            ))
                            .italics(),
                        );
                    }
                    ui.add_space(8.0);
                    ui.heading(tr!(lang, "briefing-ends-title"));
                    ui.label(tr!(
                        lang,
                        "briefing-ends",
                        days = crate::i18n::number(s.horizon_days as f64, 0)
                    ));
                    ui.add_space(8.0);
                    ui.label(egui::RichText::new(tr!(lang, "briefing-help")).italics());
                });
            ui.add_space(6.0);
            ui.vertical_centered(|ui| {
                let begin = ui.button(widgets::big(tr!(lang, "briefing-begin")));
                begin.request_focus();
                if begin.clicked() {
                    actions.push(TeachingAction::Begin);
                }
            });
        });
}

/// The keys, one row each: (keys, what they do).
const KEYS: [(&str, &str); 10] = [
    ("help-key-space", "help-do-space"),
    ("help-key-digits", "help-do-digits"),
    ("help-key-tab", "help-do-tab"),
    ("help-key-arrows", "help-do-arrows"),
    ("help-key-card", "help-do-card"),
    ("help-key-click", "help-do-click"),
    ("help-key-esc", "help-do-esc"),
    ("help-key-f1", "help-do-f1"),
    ("help-key-enter", "help-do-enter"),
    ("help-key-s", "help-do-s"),
];

/// The figures explained in the help, by their catalogue keys (each has a `-hint`).
const METERS: [&str; 14] = [
    "metric-active-customers",
    "metric-retention",
    "metric-nps",
    "metric-delighted",
    "metric-reputation",
    "metric-ndr",
    "metric-morale",
    "metric-fatigue",
    "metric-turnover",
    "metric-profit",
    "metric-cash",
    "metric-dividends",
    "metric-board",
    "metric-customer-value",
];

/// The help overlay (F1): the keys, how to read the floor, and what each figure means.
pub fn help(ctx: &egui::Context, actions: &mut Vec<TeachingAction>) {
    let lang = widgets::lang(ctx);
    let size = ctx.content_rect().size();
    egui::Window::new(tr!(lang, "help-title"))
        .collapsible(false)
        .resizable(false)
        .anchor(egui::Align2::CENTER_CENTER, [0.0, 0.0])
        .min_width((size.x - 40.0).clamp(300.0, 820.0))
        .max_width((size.x - 40.0).clamp(300.0, 820.0))
        .show(ctx, |ui| {
            egui::ScrollArea::vertical()
                .max_height(size.y - 140.0)
                .show(ui, |ui| {
                    ui.heading(tr!(lang, "help-keys"));
                    egui::Grid::new("help-keys")
                        .num_columns(2)
                        .striped(true)
                        .show(ui, |ui| {
                            for (k, does) in KEYS {
                                ui.strong(crate::i18n::message(lang, k, None));
                                ui.label(crate::i18n::message(lang, does, None));
                                ui.end_row();
                            }
                        });
                    ui.add_space(8.0);
                    ui.heading(tr!(lang, "help-floor-title"));
                    ui.label(tr!(lang, "help-floor"));
                    ui.add_space(8.0);
                    ui.heading(tr!(lang, "help-meters"));
                    egui::Grid::new("help-meters")
                        .num_columns(2)
                        .striped(true)
                        .show(ui, |ui| {
                            for key in METERS {
                                ui.strong(crate::i18n::message(lang, key, None));
                                ui.add(
                                    egui::Label::new(crate::i18n::message(
                                        lang,
                                        &format!("{key}-hint"),
                                        None,
                                    ))
                                    .wrap(),
                                );
                                ui.end_row();
                            }
                        });
                });
            ui.add_space(6.0);
            ui.vertical_centered(|ui| {
                if ui.button(tr!(lang, "help-close")).clicked() {
                    actions.push(TeachingAction::CloseHelp);
                }
            });
        });
}

/// The guide's box beside what its step points at, with that place outlined.
pub fn guide(
    ctx: &egui::Context,
    teaching: &Teaching,
    state: &Layout,
    m: &Model,
    actions: &mut Vec<TeachingAction>,
) {
    let Some(step) = teaching.guide else { return };
    let card_waiting = m.pending_dilemma().is_some();
    let day = m.clock().day;
    // A waiting dilemma card comes first: the guide steps aside (unless it is about the card,
    // and then it stands above it).
    if card_waiting && step != GuideStep::Dilemma {
        return;
    }
    let lang = widgets::lang(ctx);
    let screen = ctx.content_rect();
    let floor = state.floor_points.unwrap_or(screen);
    // What the step points at, and where the box goes (inside the floor's area, near it).
    let target = match step {
        GuideStep::Floor | GuideStep::Customer => Some(floor.shrink(4.0)),
        GuideStep::Meters | GuideStep::Result => state.meters_rect,
        GuideStep::Lever => state.lever_rects.first().map(|(_, r)| {
            egui::Rect::from_min_max(egui::pos2(r.min.x, r.min.y), egui::pos2(r.max.x, r.max.y))
        }),
        GuideStep::Speed => state.speed_rect,
        GuideStep::Dilemma => None,
    };
    let width = (floor.width() - 24.0).clamp(220.0, 360.0);
    let (anchor, pos) = match step {
        GuideStep::Dilemma if card_waiting => (
            egui::Align2::LEFT_TOP,
            floor.left_top() + egui::vec2(12.0, 8.0),
        ),
        GuideStep::Meters | GuideStep::Result => (
            egui::Align2::RIGHT_TOP,
            floor.right_top() + egui::vec2(-12.0, 12.0),
        ),
        GuideStep::Speed => (
            egui::Align2::LEFT_TOP,
            floor.left_top() + egui::vec2(12.0, 12.0),
        ),
        GuideStep::Lever => (
            egui::Align2::LEFT_TOP,
            egui::pos2(floor.left() + 12.0, target.map_or(floor.top(), |t| t.top())),
        ),
        _ => (
            egui::Align2::CENTER_BOTTOM,
            floor.center_bottom() + egui::vec2(0.0, -12.0),
        ),
    };
    if let Some(t) = target {
        ctx.layer_painter(egui::LayerId::new(
            egui::Order::Foreground,
            egui::Id::new("guide-pointer"),
        ))
        .rect_stroke(
            t.expand(3.0),
            6.0,
            egui::Stroke::new(3.0, POINTER),
            egui::StrokeKind::Outside,
        );
    }
    egui::Area::new(egui::Id::new("guide"))
        .order(egui::Order::Foreground)
        .pivot(anchor)
        .fixed_pos(pos)
        .show(ctx, |ui| {
            egui::Frame::popup(ui.style())
                .stroke(egui::Stroke::new(2.0, POINTER))
                .show(ui, |ui| {
                    ui.set_max_width(width);
                    ui.small(tr!(
                        lang,
                        "guide-step",
                        n = step.number() as i64,
                        total = GuideStep::ALL.len() as i64
                    ));
                    let text = match (step, &teaching.tried) {
                        (GuideStep::Result, Some(tried)) => result_text(m, tried, day, lang),
                        _ => crate::i18n::message(lang, step.key(), None),
                    };
                    kinsoku::label(ui, egui::RichText::new(text).size(15.0));
                    ui.horizontal_wrapped(|ui| {
                        if step.shows_only()
                            && teaching.may_go_on(step, day)
                            && ui.button(tr!(lang, "guide-next")).clicked()
                        {
                            actions.push(TeachingAction::Next);
                        }
                        if ui.small_button(tr!(lang, "guide-skip")).clicked() {
                            actions.push(TeachingAction::Skip);
                        }
                    });
                });
        });
}

/// The result step's words: while the two weeks pass, what to watch; then what the change did,
/// the week before it against the last week, and who gains and who pays by that lever.
fn result_text(m: &Model, tried: &Tried, day: u32, lang: crate::i18n::Lang) -> String {
    let lever = tried.lever.label(lang);
    let (from, to) = (
        tried.from.show(tried.lever, lang),
        tried.to.show(tried.lever, lang),
    );
    if !tried.ready(day) {
        return tr!(
            lang,
            "guide-result-wait",
            lever = lever,
            from = from,
            to = to,
            days = (tried.day + RESULT_DAYS).saturating_sub(day) as i64
        );
    }
    if tried.replaying {
        return tr!(
            lang,
            "guide-result-replaying",
            lever = lever,
            from = from,
            to = to
        );
    }
    let now = Figures::of(&m.history().rows);
    // Against the same weeks replayed without the change, where that could be done; else
    // against the week before the change.
    let was = tried.without.as_ref().unwrap_or(&tried.before);
    let s = &m.scenario;
    let num = |v: Option<f64>, digits: usize| {
        v.map_or_else(|| "–".to_string(), |x| crate::i18n::number(x, digits))
    };
    let lines = [
        tr!(
            lang,
            "guide-result-mood",
            before = num(was.mood, 1),
            after = num(now.mood, 1)
        ),
        tr!(
            lang,
            "guide-result-wait-min",
            before = num(was.wait, 1),
            after = num(now.wait, 1)
        ),
        tr!(
            lang,
            "guide-result-revenue",
            before = s.money(was.revenue.round() as i64),
            after = s.money(now.revenue.round() as i64)
        ),
        tr!(
            lang,
            "guide-result-profit",
            before = s.money(was.profit.round() as i64),
            after = s.money(now.profit.round() as i64)
        ),
        tr!(
            lang,
            "guide-result-morale",
            before = crate::i18n::percent(was.morale, 0),
            after = crate::i18n::percent(now.morale, 0)
        ),
    ];
    format!(
        "{}\n{}\n{}\n{}",
        if tried.without.is_some() {
            tr!(
                lang,
                "guide-result-replayed",
                lever = lever,
                from = from,
                to = to
            )
        } else {
            tr!(lang, "guide-result", lever = lever, from = from, to = to)
        },
        lines.map(|l| format!("• {l}")).join("\n"),
        tried.lever.hint(lang),
        tr!(lang, "guide-result-next")
    )
}
