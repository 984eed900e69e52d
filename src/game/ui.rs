//! The panels (bevy_egui + egui_plot): title, the playing screen's top bar, levers,
//! stakeholders, charts, customer capital, message feed, inspector, dilemma card and menu, and
//! the end screen. Every label comes from the string table in [`super::text`].

use bevy::prelude::*;
use bevy_egui::{EguiContexts, EguiPlugin, EguiPrimaryContextPass, egui};
use egui_plot::{Legend, Line, LineStyle, Plot, PlotPoints, VLine};

use crate::runner::{RunResult, money};
use crate::scenario::Scenario;
use crate::sim::customers::{Customer, CustomerStory};
use crate::sim::levers::{LeverSet, Levers, RecoveryPolicy, ServiceLevel, limits};
use crate::sim::metrics::DayRow;
use crate::sim::staff::{Employee, relative_pay};

use super::input::{LEVER_NAMES, Panel, Selected, UiState, fit_camera};
use super::model::{Feed, Model, Pace, SPEED_NAMES};
use super::saves::{SaveConfig, SaveRequest, SaveStatus};
use super::text::t;
use super::whatif::{Outcome, WhatIfRequest, WhatIfs};
use super::{Screen, SettingsInUse, Setup, StartGame};

type SaveParams<'w> = (
    MessageWriter<'w, SaveRequest>,
    Res<'w, SaveStatus>,
    Option<Res<'w, SaveConfig>>,
    Option<ResMut<'w, SettingsInUse>>,
);

/// Saving and loading, as the screens see it.
struct SaveUi<'a, 'w> {
    requests: &'a mut MessageWriter<'w, SaveRequest>,
    status: &'a SaveStatus,
    config: Option<&'a SaveConfig>,
}

impl SaveUi<'_, '_> {
    fn status_line(&self, ui: &mut egui::Ui) {
        if let Some((ok, m)) = &self.status.message {
            let colour = if *ok {
                egui::Color32::from_rgb(86, 180, 233)
            } else {
                egui::Color32::from_rgb(230, 159, 0)
            };
            ui.colored_label(colour, m);
        }
    }

    fn load_list(&mut self, ui: &mut egui::Ui) {
        let Some(config) = self.config else { return };
        let saves = super::saves::list(&config.dir);
        if saves.is_empty() {
            return;
        }
        ui.label(t().load_a_save);
        ui.horizontal_wrapped(|ui| {
            for (name, path) in saves {
                if ui.button(&name).clicked() {
                    self.requests.write(SaveRequest::Load(path));
                }
            }
        });
    }
}

/// Writes the UI scale back to the settings file when the player changed it.
fn persist_zoom(settings: Option<&mut SettingsInUse>, zoom: f32, status: &mut Option<String>) {
    let Some(s) = settings else { return };
    if (s.settings.ui_scale - zoom as f64).abs() < 1e-6 || s.problem.is_some() {
        return;
    }
    s.settings.ui_scale = zoom as f64;
    let write = s
        .file
        .parent()
        .map_or(Ok(()), std::fs::create_dir_all)
        .and_then(|_| crate::runner::write_atomic(&s.file, s.settings.to_ron().as_bytes()));
    if let Err(e) = write {
        *status = Some(format!(
            "could not save the settings to {}: {e}",
            s.file.display()
        ));
    }
}

type Series = (&'static str, fn(&DayRow) -> f64);

/// The charts: a title and its series.
pub const CHARTS: [(&str, &[Series]); 6] = [
    (
        "Active customers and churn",
        &[
            ("active customers", |r| r.active_customers as f64),
            ("churned per day", |r| r.churned as f64),
        ],
    ),
    (
        "Retention",
        &[("retention 90 days (%)", |r| r.retention_90d * 100.0)],
    ),
    (
        "NPS and reputation",
        &[
            ("NPS", |r| r.nps),
            ("reputation (stars × 20)", |r| r.reputation * 20.0),
        ],
    ),
    (
        "Revenue, costs, profit, cash",
        &[
            ("revenue per day", |r| r.revenue as f64 / 100.0),
            ("costs per day", |r| r.costs as f64 / 100.0),
            ("profit per day", |r| r.profit as f64 / 100.0),
            ("cash", |r| r.cash as f64 / 100.0),
        ],
    ),
    (
        "Morale and fatigue",
        &[("morale", |r| r.morale), ("fatigue", |r| r.fatigue)],
    ),
    (
        "New customers",
        &[
            ("paid", |r| r.new_paid as f64),
            ("referred", |r| r.new_referred as f64),
            ("walk-in", |r| r.new_walk_in as f64),
        ],
    ),
];

/// The end screen's results, computed once when the game ends.
#[derive(Resource, Debug, Clone)]
pub struct EndSummary {
    pub result: RunResult,
    pub customers: Vec<crate::runner::CustomerRecord>,
    /// Where the debrief was written, or why it could not be.
    pub exported: Option<String>,
}

pub(super) fn plugin(app: &mut App) {
    app.add_plugins(EguiPlugin::default())
        .add_systems(EguiPrimaryContextPass, draw)
        .add_systems(OnEnter(Screen::End), summarise)
        .add_systems(Update, fit_camera.after(super::GameSet::View))
        .add_systems(Update, ci_events);
}

/// Custom events from a CI testing script: "start" starts the chosen scenario, "fastest" runs
/// at full speed, "normal" at 1×, "inspect" focuses the book and inspects its first customer, "choose"
/// takes the first choice of a pending dilemma, "whatif" (on the end screen) replays the game
/// with the first dilemma answered otherwise (or the first lever change undone), "end" ends the
/// game as the menu's "End the game here" does.
#[allow(clippy::too_many_arguments)]
fn ci_events(
    mut events: MessageReader<bevy::dev_tools::ci_testing::CiTestingCustomEvent>,
    mut start: MessageWriter<StartGame>,
    mut what_if: MessageWriter<WhatIfRequest>,
    summary: Option<Res<EndSummary>>,
    what_ifs: Option<Res<WhatIfs>>,
    mut pace: ResMut<Pace>,
    mut ui: ResMut<UiState>,
    dots: Query<&super::floor_view::BookDot>,
    mut model: Option<ResMut<Model>>,
) {
    for e in events.read() {
        match e.0.as_str() {
            "choose" => {
                if let Some(m) = model.as_deref_mut()
                    && let Some(first) = m
                        .pending_dilemma()
                        .and_then(|d| d.choices.first())
                        .map(|c| c.id.clone())
                {
                    m.choose(&first);
                }
            }
            "start" => {
                start.write(StartGame);
            }
            "whatif" => {
                let (Some(sum), Some(w)) = (summary.as_deref(), what_ifs.as_deref()) else {
                    continue;
                };
                let other = sum.result.choices.first().and_then(|c| {
                    let d = w.deck.as_ref()?.get(&c.dilemma)?;
                    let o = d.choices.iter().find(|x| x.id != c.choice)?;
                    Some(crate::runner::WhatIf::Choose {
                        dilemma: c.dilemma.clone(),
                        choice: o.id.clone(),
                    })
                });
                what_if.write(WhatIfRequest(
                    other.unwrap_or(crate::runner::WhatIf::Undo(1)),
                ));
            }
            "fastest" => pace.speed = super::model::SPEEDS.len() - 1,
            "normal" => pace.speed = 0,
            "end" => {
                if let Some(m) = model.as_deref_mut() {
                    m.end_here();
                }
            }
            "inspect" => {
                // As the keyboard does it: the book focused, its first customer inspected.
                ui.panel = Panel::Book;
                ui.book_cursor = 0;
                ui.selected = dots
                    .iter()
                    .find(|d| d.index == 0)
                    .and_then(|d| d.customer)
                    .map(Selected::Customer)
            }
            _ => {}
        }
    }
}

pub fn summarise(mut commands: Commands, model: Option<ResMut<Model>>) {
    if let Some(mut m) = model {
        let (s, seed) = (m.scenario.clone(), m.seed);
        let result = crate::runner::collect_world(&mut m.world, &s, seed, "player");
        let customers = crate::runner::customer_records(&mut m.world, &s);
        commands.insert_resource(EndSummary {
            result,
            customers,
            exported: None,
        });
    }
}

#[allow(clippy::too_many_arguments)]
fn draw(
    mut contexts: EguiContexts,
    screen: Res<State<Screen>>,
    mut next: ResMut<NextState<Screen>>,
    mut setup: ResMut<Setup>,
    mut start: MessageWriter<StartGame>,
    mut exit: MessageWriter<AppExit>,
    mut pace: ResMut<Pace>,
    mut ui_state: ResMut<UiState>,
    mut model: Option<ResMut<Model>>,
    feed: Res<Feed>,
    mut summary: Option<ResMut<EndSummary>>,
    (mut save_requests, status, config, mut settings): SaveParams,
    (mut what_if_requests, what_ifs): (MessageWriter<WhatIfRequest>, Option<Res<WhatIfs>>),
    mut styled: Local<bool>,
) -> Result {
    let ctx = contexts.ctx_mut()?.clone();
    if !*styled {
        // Sized to read from the back of a room on a 1280×720 projector at UI scale 1.
        *styled = true;
        ctx.all_styles_mut(|style| {
            use egui::{FontFamily, FontId, TextStyle};
            style.text_styles = [
                (
                    TextStyle::Heading,
                    FontId::new(21.0, FontFamily::Proportional),
                ),
                (TextStyle::Body, FontId::new(15.0, FontFamily::Proportional)),
                (
                    TextStyle::Monospace,
                    FontId::new(14.0, FontFamily::Monospace),
                ),
                (
                    TextStyle::Button,
                    FontId::new(15.0, FontFamily::Proportional),
                ),
                (
                    TextStyle::Small,
                    FontId::new(12.0, FontFamily::Proportional),
                ),
            ]
            .into();
        });
    }
    ctx.set_zoom_factor(ui_state.zoom);
    let mut root = egui::Ui::new(
        ctx.clone(),
        "root".into(),
        egui::UiBuilder::new()
            .layer_id(egui::LayerId::background())
            .max_rect(ctx.viewport_rect()),
    );
    let mut saves = SaveUi {
        requests: &mut save_requests,
        status: &status,
        config: config.as_deref(),
    };
    let zoom_before = ui_state.zoom;
    let mut settings_error = None;
    match screen.get() {
        Screen::Title => {
            let problem = settings.as_deref().and_then(|s| s.problem.clone());
            title(
                &mut root,
                &mut setup,
                &mut start,
                &mut exit,
                &mut ui_state,
                &mut saves,
                problem.as_deref(),
            );
        }
        Screen::Playing => {
            if let Some(m) = model.as_deref_mut() {
                playing(
                    &ctx,
                    &mut root,
                    m,
                    &mut pace,
                    &mut ui_state,
                    &feed,
                    &mut next,
                    &mut exit,
                    &mut saves,
                );
            }
        }
        Screen::End => end(
            &mut root,
            summary.as_deref_mut(),
            &mut start,
            &mut next,
            config.as_deref(),
            (what_ifs.as_deref(), &mut what_if_requests),
            &mut ui_state,
        ),
    }
    // Persist a changed UI scale once the pointer is released.
    if ui_state.zoom == zoom_before && !ctx.input(|i| i.pointer.any_down()) {
        persist_zoom(settings.as_deref_mut(), ui_state.zoom, &mut settings_error);
    }
    if let Some(e) = settings_error
        && let Some(s) = settings.as_deref_mut()
    {
        s.problem = Some(e);
    }
    ui_state.pointer_on_panels = ctx.egui_wants_pointer_input() || ctx.is_pointer_over_egui();
    ui_state.typing = ctx.egui_wants_keyboard_input();
    Ok(())
}

fn big(text: &str) -> egui::RichText {
    egui::RichText::new(text).size(28.0).strong()
}

fn title(
    ui: &mut egui::Ui,
    setup: &mut Setup,
    start: &mut MessageWriter<StartGame>,
    exit: &mut MessageWriter<AppExit>,
    state: &mut UiState,
    saves: &mut SaveUi,
    settings_problem: Option<&str>,
) {
    let tx = t();
    egui::CentralPanel::default().show(ui, |ui| {
        ui.vertical_centered(|ui| {
            ui.add_space(20.0);
            ui.label(big(tx.title));
            ui.label(tx.tagline);
            ui.add_space(16.0);
        });
        if let Some(p) = settings_problem {
            ui.colored_label(
                egui::Color32::from_rgb(230, 159, 0),
                format!("{}\n{p}", tx.settings_problem),
            );
        }
        saves.status_line(ui);
        ui.heading(tx.choose_scenario);
        let (up, down, enter) = ui.input(|i| {
            (
                i.key_pressed(egui::Key::ArrowUp),
                i.key_pressed(egui::Key::ArrowDown),
                i.key_pressed(egui::Key::Enter),
            )
        });
        let n = setup.scenarios.len().max(1);
        if down {
            setup.choose((setup.chosen + 1) % n);
        }
        if up {
            setup.choose((setup.chosen + n - 1) % n);
        }
        let mut pick = None;
        for (i, (_, s, _)) in setup.scenarios.iter().enumerate() {
            ui.group(|ui| {
                if ui
                    .selectable_label(i == setup.chosen, egui::RichText::new(&s.name).size(18.0))
                    .clicked()
                {
                    pick = Some(i);
                }
                ui.label(&s.briefing);
            });
        }
        if let Some(i) = pick {
            setup.choose(i);
        }
        ui.add_space(8.0);
        ui.horizontal(|ui| {
            ui.label(tx.seed);
            ui.text_edit_singleline(&mut setup.seed_text);
        });
        ui.horizontal(|ui| {
            ui.label(tx.ui_scale);
            ui.add(egui::Slider::new(&mut state.zoom, 0.75..=2.0).step_by(0.05));
        });
        ui.add_space(8.0);
        ui.horizontal(|ui| {
            if ui.button(big(tx.start)).clicked() || enter {
                start.write(StartGame);
            }
            if ui.button(big(tx.quit)).clicked() {
                exit.write(AppExit::Success);
            }
        });
        ui.add_space(8.0);
        saves.load_list(ui);
    });
}

fn trend(now: f64, before: f64, tolerance: f64) -> &'static str {
    if now > before + tolerance {
        "⬆"
    } else if now < before - tolerance {
        "⬇"
    } else {
        "➡"
    }
}

/// Approximate cost per day each lever implies at its current value, in cents (None: no direct
/// money cost).
pub fn lever_costs(s: &Scenario, l: &Levers, last: Option<&DayRow>) -> [Option<i64>; 12] {
    let served = last.map_or(0.0, |r| r.served as f64);
    let week = s.staff.workdays_per_week / 7.0;
    let rate = s.reference.wage_cents_per_hour as f64 * l.wage;
    let staff = l.staff as f64;
    let c = |v: f64| Some(v.round() as i64);
    [
        last.map(|r| -r.revenue),
        c(staff * rate * s.staff.shift_hours * week),
        c(s.reference.training_cents_per_employee_day as f64 * l.training * staff),
        c(s.reference.quality_cents_per_visit as f64 * l.quality * served),
        c(s.reference.marketing_cents_per_day as f64 * l.marketing),
        c(rate * s.staff.shift_hours * week),
        c(staff * rate * s.staff.overtime_premium * l.overtime * week),
        c(s.service.level_cost_cents.get(l.service_level) as f64 * served),
        c(s.service.extra_cost_cents as f64 * l.extras as f64 * served),
        None,
        None,
        None,
    ]
}

fn lever_unit(i: usize, s: &Scenario) -> String {
    match LEVER_NAMES[i] {
        "price" => format!("× reference ({} per visit)", money(s.reference.price_cents)),
        "wage" => format!(
            "× reference ({}/hour)",
            money(s.reference.wage_cents_per_hour)
        ),
        "training" | "quality" | "marketing" => "× reference".into(),
        "staff" => "people (cost: one more person)".into(),
        "overtime" => "hours/day each".into(),
        "extras" => "unrequested features".into(),
        "dividend" => "share of quarterly profit".into(),
        "outreach" => "staff time to red-health customers".into(),
        _ => String::new(),
    }
}

fn levers_panel(ui: &mut egui::Ui, m: &mut Model, state: &mut UiState, focused: bool) {
    let tx = t();
    let levers = m.world.resource::<Levers>().clone();
    let last = m.history().rows.last().cloned();
    let costs = lever_costs(&m.scenario, &levers, last.as_ref());
    let mut requests: Vec<LeverSet> = Vec::new();
    ui.heading(if focused {
        format!("▶ {}", tx.levers)
    } else {
        tx.levers.to_string()
    });
    ui.small(t().levers_keys);
    let waiting = m.pending_dilemma().is_some();
    if waiting {
        ui.colored_label(egui::Color32::from_rgb(230, 159, 0), tx.levers_wait);
    }
    egui::ScrollArea::vertical().show(ui, |ui| {
        ui.add_enabled_ui(!waiting, |ui| {
            levers_list(ui, m, state, focused, &levers, &costs, &mut requests)
        });
    });
    for set in requests {
        let _ = m.request(set);
    }
}

fn levers_list(
    ui: &mut egui::Ui,
    m: &Model,
    state: &UiState,
    focused: bool,
    levers: &Levers,
    costs: &[Option<i64>; 12],
    requests: &mut Vec<LeverSet>,
) {
    let tx = t();
    for (i, name) in LEVER_NAMES.iter().enumerate() {
        let here = focused && state.lever_cursor == i;
        ui.horizontal(|ui| {
            let text = egui::RichText::new(*name).strong();
            ui.label(if here {
                text.background_color(egui::Color32::from_rgb(40, 70, 110))
            } else {
                text
            });
            if let Some(c) = costs[i] {
                let label = if c < 0 {
                    format!("revenue {}/{}", money(-c), tx.per_day)
                } else {
                    format!("≈ {}/{}", money(c), tx.per_day)
                };
                ui.small(label);
            }
        });
        let mut set = LeverSet::default();
        let multiple = limits::MULTIPLE;
        match *name {
            "price" => float_slider(ui, levers.price, multiple, 0.05, &mut set.price),
            "wage" => float_slider(ui, levers.wage, multiple, 0.05, &mut set.wage),
            "training" => float_slider(ui, levers.training, multiple, 0.05, &mut set.training),
            "quality" => float_slider(ui, levers.quality, multiple, 0.05, &mut set.quality),
            "marketing" => float_slider(ui, levers.marketing, multiple, 0.05, &mut set.marketing),
            "staff" => {
                let range = (limits::STAFF.0, limits::STAFF.1.min(60));
                int_slider(ui, levers.staff as i64, range, &mut set.staff);
            }
            "overtime" => float_slider(
                ui,
                levers.overtime,
                limits::OVERTIME_HOURS,
                0.5,
                &mut set.overtime,
            ),
            "service_level" => pick(
                ui,
                levers.service_level,
                [
                    ServiceLevel::Task,
                    ServiceLevel::Extra,
                    ServiceLevel::Obsession,
                ],
                &mut set.service_level,
            ),
            "extras" => int_slider(ui, levers.extras as i64, limits::EXTRAS, &mut set.extras),
            "recovery" => pick(
                ui,
                levers.recovery,
                [
                    RecoveryPolicy::Strict,
                    RecoveryPolicy::Fair,
                    RecoveryPolicy::Generous,
                ],
                &mut set.recovery,
            ),
            "outreach" => {
                let mut x = levers.outreach;
                if ui.checkbox(&mut x, "on").changed() {
                    set.outreach = Some(x);
                }
            }
            "dividend" => float_slider(
                ui,
                levers.dividend,
                limits::DIVIDEND,
                0.05,
                &mut set.dividend,
            ),
            _ => {}
        }
        ui.small(lever_unit(i, &m.scenario));
        ui.separator();
        if set != LeverSet::default() {
            requests.push(set);
        }
    }
}

/// Whether a slider's new value is a decision: once, when the handle is let go, or at once for a
/// click, a typed value or a key. (A drag would otherwise log a decision every frame, and the
/// what-if would list each step of one gesture.)
fn settled(r: &egui::Response) -> bool {
    r.drag_stopped() || (r.changed() && !r.dragged())
}

/// A slider for a lever with a decimal value; a settled change sets `out`.
fn float_slider(ui: &mut egui::Ui, v: f64, (lo, hi): (f64, f64), step: f64, out: &mut Option<f64>) {
    let mut x = v;
    let r = ui.add(egui::Slider::new(&mut x, lo..=hi).step_by(step));
    if settled(&r) && (x - v).abs() > 1e-6 {
        *out = Some(x);
    }
}

/// A slider for a lever with a whole-number value; a settled change sets `out`.
fn int_slider(ui: &mut egui::Ui, v: i64, (lo, hi): (i64, i64), out: &mut Option<i64>) {
    let mut x = v;
    let r = ui.add(egui::Slider::new(&mut x, lo..=hi));
    if settled(&r) && x != v {
        *out = Some(x);
    }
}

/// One button per option of a lever with named values; a click sets `out`.
fn pick<T: PartialEq + Copy + std::fmt::Debug, const N: usize>(
    ui: &mut egui::Ui,
    current: T,
    options: [T; N],
    out: &mut Option<T>,
) {
    ui.horizontal(|ui| {
        for o in options {
            if ui
                .selectable_label(current == o, format!("{o:?}"))
                .clicked()
            {
                *out = Some(o);
            }
        }
    });
}

/// A column's heading at heading size when it fits, else at body size (a narrow or zoomed
/// panel would otherwise break the word in two).
fn column_heading(ui: &mut egui::Ui, text: &str) {
    let size = ui
        .style()
        .text_styles
        .get(&egui::TextStyle::Heading)
        .map_or(21.0, |f| f.size);
    let width = ui
        .painter()
        .layout_no_wrap(
            text.to_string(),
            egui::FontId::proportional(size),
            egui::Color32::WHITE,
        )
        .size()
        .x;
    if width <= ui.available_width() {
        ui.heading(text);
    } else {
        ui.strong(text);
    }
}

fn stakeholders(ui: &mut egui::Ui, m: &Model) {
    let tx = t();
    let rows = &m.history().rows;
    let Some(now) = rows.last() else {
        ui.label("…");
        return;
    };
    let before = &rows[rows.len().saturating_sub(8)];
    let quits30: u32 = rows.iter().rev().take(30).map(|r| r.quits).sum();
    let quarter_profit = m
        .world
        .resource::<crate::sim::finance::Ledger>()
        .quarter_profit;
    let row = |ui: &mut egui::Ui, label: &str, value: String, arrow: &str| {
        // Not justified: a wrapped label in a narrow column would be spread letter by letter.
        ui.with_layout(egui::Layout::top_down(egui::Align::Min), |ui| {
            ui.small(label);
            ui.strong(format!("{value} {arrow}"));
        });
    };
    ui.columns(3, |cols| {
        column_heading(&mut cols[0], tx.customers);
        row(
            &mut cols[0],
            tx.retention,
            format!("{:.0}%", now.retention_90d * 100.0),
            trend(now.retention_90d, before.retention_90d, 0.005),
        );
        row(
            &mut cols[0],
            tx.nps,
            format!("{:+.0}", now.nps),
            trend(now.nps, before.nps, 1.0),
        );
        let d = |r: &DayRow| r.share_mood_9plus.unwrap_or(0.0);
        row(
            &mut cols[0],
            tx.delighted,
            format!("{:.0}%", d(now) * 100.0),
            trend(d(now), d(before), 0.01),
        );
        row(
            &mut cols[0],
            tx.reputation,
            format!("{:.2} ★", now.reputation),
            trend(now.reputation, before.reputation, 0.01),
        );
        column_heading(&mut cols[1], tx.employees);
        row(
            &mut cols[1],
            tx.morale,
            format!("{:.0}%", now.morale * 100.0),
            trend(now.morale, before.morale, 0.01),
        );
        row(
            &mut cols[1],
            tx.fatigue,
            format!("{:.0}%", now.fatigue * 100.0),
            trend(now.fatigue, before.fatigue, 0.01),
        );
        row(&mut cols[1], tx.turnover, quits30.to_string(), "");
        column_heading(&mut cols[2], tx.shareholders);
        row(&mut cols[2], tx.profit_quarter, money(quarter_profit), "");
        row(
            &mut cols[2],
            tx.cash,
            money(now.cash),
            trend(now.cash as f64, before.cash as f64, 100.0),
        );
        let div: i64 = rows.iter().map(|r| r.dividends).sum();
        row(&mut cols[2], tx.dividends, money(div), "");
        row(
            &mut cols[2],
            tx.board,
            format!("{:.0}%", now.board_confidence * 100.0),
            trend(now.board_confidence, before.board_confidence, 0.005),
        );
    });
}

/// Days on which a decision was taken (lever change or dilemma choice), for chart markers.
pub fn decision_days(
    log: &[crate::sim::levers::Decision],
    choices: &[crate::sim::dilemmas::ChoiceMade],
) -> Vec<u32> {
    let mut days: Vec<u32> = log
        .iter()
        .map(|d| d.day)
        .chain(choices.iter().map(|c| c.day))
        .collect();
    days.sort_unstable();
    days.dedup();
    days
}

/// The playing screen's chart of the history so far.
fn charts(ui: &mut egui::Ui, m: &Model, state: &mut UiState) {
    let marks = decision_days(
        &m.world
            .resource::<crate::sim::levers::DecisionLog>()
            .entries,
        &m.world
            .resource::<crate::sim::dilemmas::DilemmaState>()
            .made,
    );
    let height = ui.available_height().max(120.0);
    chart(ui, "chart", &m.history().rows, None, &marks, state, height);
}

/// A chart chosen from [`CHARTS`]: a run's series, a what-if's dashed over them in the same
/// colours, and a mark on every day a decision was taken.
fn chart(
    ui: &mut egui::Ui,
    id: &str,
    rows: &[DayRow],
    what_if: Option<&[DayRow]>,
    marks: &[u32],
    state: &mut UiState,
    height: f32,
) {
    ui.horizontal_wrapped(|ui| {
        for (i, (name, _)) in CHARTS.iter().enumerate() {
            if ui.selectable_label(state.chart == i, *name).clicked() {
                state.chart = i;
            }
        }
    });
    let (_, series) = CHARTS[state.chart.min(CHARTS.len() - 1)];
    Plot::new((id, state.chart))
        .legend(Legend::default())
        .height(height)
        .x_axis_label(t().day)
        .show(ui, |plot| {
            for (i, (name, f)) in series.iter().enumerate() {
                let colour = SERIES_COLOURS[i % SERIES_COLOURS.len()];
                let pts: PlotPoints = rows.iter().map(|x| [x.day as f64, f(x)]).collect();
                plot.line(Line::new(*name, pts).color(colour).width(2.0));
                if let Some(w) = what_if {
                    let pts: PlotPoints = w.iter().map(|x| [x.day as f64, f(x)]).collect();
                    plot.line(
                        Line::new(format!("{name} ({})", t().what_if_col), pts)
                            .color(colour)
                            .style(LineStyle::dashed_dense()),
                    );
                }
            }
            for d in marks {
                plot.vline(
                    VLine::new("decisions", *d as f64)
                        .color(egui::Color32::from_rgb(240, 228, 66))
                        .width(1.5),
                );
            }
        });
}

/// Okabe–Ito colours for a chart's series, so a run and its what-if share a colour.
const SERIES_COLOURS: [egui::Color32; 4] = [
    egui::Color32::from_rgb(0, 114, 178),
    egui::Color32::from_rgb(213, 94, 0),
    egui::Color32::from_rgb(0, 158, 115),
    egui::Color32::from_rgb(204, 121, 167),
];

fn capital(ui: &mut egui::Ui, rows: &[DayRow]) {
    let tx = t();
    let (retained, rampup, referred, revenue) = crate::report::capital(rows);
    let revenue = revenue.max(1);
    ui.heading(tx.capital);
    ui.small(tx.last_quarter);
    egui::Grid::new("capital").striped(true).show(ui, |ui| {
        for (label, v) in [
            (tx.retained_value, retained),
            (tx.rampup_value, rampup),
            (tx.referral_value, referred),
        ] {
            ui.label(label);
            ui.strong(money(v));
            ui.label(format!("{:.0}%", v as f64 / revenue as f64 * 100.0));
            ui.end_row();
        }
        ui.label(tx.ndr);
        ui.strong(
            rows.last()
                .and_then(|r| r.ndr)
                .map_or("n/a".into(), |x| format!("{:.1}%", x * 100.0)),
        );
        ui.end_row();
    });
}

fn feed_panel(ui: &mut egui::Ui, feed: &Feed) {
    egui::ScrollArea::vertical()
        .stick_to_bottom(true)
        .auto_shrink([false, false])
        .show(ui, |ui| {
            for (day, line) in &feed.lines {
                ui.label(format!("{} {day}: {line}", t().day));
            }
        });
}

fn inspector(ctx: &egui::Context, m: &Model, state: &mut UiState) {
    let tx = t();
    let Some(sel) = state.selected else { return };
    let mut open = true;
    egui::Window::new(tx.inspector)
        .open(&mut open)
        .anchor(egui::Align2::RIGHT_TOP, [-10.0, 60.0])
        .resizable(false)
        .show(ctx, |ui| match sel {
            Selected::Visitor => {
                ui.label(tx.new_customer);
            }
            Selected::Customer(e) => {
                let w = &m.world;
                let (Some(c), Some(story)) = (w.get::<Customer>(e), w.get::<CustomerStory>(e))
                else {
                    ui.label(tx.churned);
                    return;
                };
                let day = m.clock().day as i32;
                let seg = m
                    .scenario
                    .segments
                    .get(c.segment as usize)
                    .map_or("?", |s| s.name.as_str());
                if let Some(d) = story.churned_day {
                    ui.colored_label(
                        egui::Color32::from_rgb(213, 94, 0),
                        format!("{} ({} {d})", tx.churned, tx.day),
                    );
                }
                egui::Grid::new("who").show(ui, |ui| {
                    for (k, v) in [
                        (tx.segment, seg.to_string()),
                        (tx.tenure_days, (day - c.joined_day).max(0).to_string()),
                        (tx.visits, c.visits.to_string()),
                        (tx.spend, money(story.total_spend_cents)),
                        (tx.health, format!("{:.0}%", c.health * 100.0)),
                    ] {
                        ui.label(k);
                        ui.strong(v);
                        ui.end_row();
                    }
                });
                ui.label(tx.mood_history);
                let moods: PlotPoints = story
                    .moods()
                    .iter()
                    .enumerate()
                    .map(|(i, &x)| [i as f64, x as f64])
                    .collect();
                Plot::new("moods")
                    .height(80.0)
                    .width(240.0)
                    .include_y(0.0)
                    .include_y(10.0)
                    .show_axes([false, true])
                    .allow_drag(false)
                    .allow_zoom(false)
                    .allow_scroll(false)
                    .show(ui, |p| p.line(Line::new("mood", moods)));
                ui.label(tx.thoughts);
                for th in story.thoughts() {
                    ui.label(format!(
                        "{} {}: {} ({:+.1})",
                        tx.day,
                        th.day,
                        th.kind.describe(th.value),
                        th.impact
                    ));
                }
            }
            Selected::Employee(e) => {
                let Some(emp) = m.world.get::<Employee>(e) else {
                    ui.label(tx.no_selection);
                    return;
                };
                let levers = m.world.resource::<Levers>();
                ui.label(format!("{} #{}", tx.staff_member, emp.id));
                egui::Grid::new("emp").show(ui, |ui| {
                    for (k, v) in [
                        (tx.morale, format!("{:.0}%", emp.morale * 100.0)),
                        (tx.fatigue, format!("{:.0}%", emp.fatigue * 100.0)),
                        (tx.skill, format!("{:.0}%", emp.skill * 100.0)),
                        (tx.wage, format!("{:.2}", relative_pay(&m.scenario, levers))),
                        (tx.overtime_days, emp.overtime_days.to_string()),
                    ] {
                        ui.label(k);
                        ui.strong(v);
                        ui.end_row();
                    }
                });
            }
        });
    if !open {
        state.selected = None;
    }
}

fn dilemma_card(ctx: &egui::Context, m: &mut Model) {
    let Some(d) = m.pending_dilemma().cloned() else {
        return;
    };
    let tx = t();
    let mut chosen = None;
    egui::Window::new(format!("{} — {}", tx.dilemma, d.title))
        .collapsible(false)
        .resizable(false)
        .anchor(egui::Align2::CENTER_CENTER, [0.0, 0.0])
        .default_width(520.0)
        .show(ctx, |ui| {
            ui.label(egui::RichText::new(&d.situation).size(16.0));
            ui.add_space(8.0);
            ui.label(egui::RichText::new(tx.what_you_know).italics());
            for (i, c) in d.choices.iter().enumerate() {
                ui.group(|ui| {
                    let key = [
                        egui::Key::Num1,
                        egui::Key::Num2,
                        egui::Key::Num3,
                        egui::Key::Num4,
                    ][i.min(3)];
                    if ui
                        .button(egui::RichText::new(format!("{}. {}", i + 1, c.label)).size(16.0))
                        .clicked()
                        || ui.input(|inp| inp.key_pressed(key))
                    {
                        chosen = Some(c.id.clone());
                    }
                    ui.small(&c.known);
                });
            }
        });
    if let Some(c) = chosen {
        m.choose(&c);
    }
}

#[allow(clippy::too_many_arguments)]
fn playing(
    ctx: &egui::Context,
    root: &mut egui::Ui,
    m: &mut Model,
    pace: &mut Pace,
    state: &mut UiState,
    feed: &Feed,
    next: &mut NextState<Screen>,
    exit: &mut MessageWriter<AppExit>,
    saves: &mut SaveUi,
) {
    let tx = t();
    egui::Panel::top("clock").show(root, |ui| {
        ui.horizontal(|ui| {
            let c = m.clock();
            let minute = c.open_minute as u32 + c.tick * c.tick_minutes;
            ui.label(
                egui::RichText::new(format!(
                    "{} {} · {:02}:{:02} · {} {}",
                    tx.day,
                    c.day,
                    minute / 60 % 24,
                    minute % 60,
                    tx.quarter,
                    c.quarter() + 1
                ))
                .size(18.0)
                .strong(),
            );
            ui.separator();
            let label = if pace.paused { tx.resume } else { tx.pause };
            if ui.button(label).clicked() {
                pace.paused = !pace.paused;
            }
            for (i, name) in SPEED_NAMES.iter().enumerate() {
                if ui
                    .selectable_label(pace.speed == i && !pace.paused, *name)
                    .clicked()
                {
                    pace.speed = i;
                    pace.paused = false;
                }
            }
            if pace.paused {
                ui.colored_label(egui::Color32::from_rgb(230, 159, 0), tx.paused);
            }
            ui.separator();
            ui.label(&m.scenario.name);
            if let Some((false, _)) = &saves.status.message {
                saves.status_line(ui);
            }
            ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
                if ui.button(tx.menu).clicked() {
                    state.menu_open = true;
                }
                // Cut short rather than drawn over the speed buttons on a narrow (or zoomed) screen.
                ui.add(egui::Label::new(egui::RichText::new(tx.keys_help).small()).truncate());
            });
        });
    });
    // The side panels give way on a narrow or zoomed screen (a projector at UI scale 1.5 is 853
    // points wide), so that the floor in the middle stays large enough to watch.
    let width = ctx.content_rect().width();
    egui::Panel::left("levers")
        .default_size(250.0)
        .max_size((width * 0.24).max(160.0))
        .resizable(true)
        .show(root, |ui| {
            levers_panel(ui, m, state, state.panel == Panel::Levers)
        });
    egui::Panel::right("right")
        .default_size(430.0)
        .max_size((width * 0.36).max(240.0))
        .resizable(true)
        .show(root, |ui| {
            ui.horizontal(|ui| {
                for (p, name) in [
                    (Panel::Stakeholders, tx.stakeholders),
                    (Panel::Charts, tx.charts),
                    (Panel::Capital, tx.capital),
                ] {
                    if ui.selectable_label(state.panel == p, name).clicked() {
                        state.panel = p;
                    }
                }
            });
            ui.separator();
            stakeholders(ui, m);
            ui.separator();
            match state.panel {
                Panel::Capital => capital(ui, &m.history().rows),
                _ => charts(ui, m, state),
            }
        });
    egui::Panel::bottom("feed")
        .default_size(120.0)
        .resizable(true)
        .show(root, |ui| {
            ui.strong(if state.panel == Panel::Feed {
                format!("▶ {}", tx.feed)
            } else {
                tx.feed.to_string()
            });
            feed_panel(ui, feed);
        });
    let free = root.available_rect_before_wrap();
    // In window pixels (egui's points are pixels divided by the UI scale).
    let z = ctx.zoom_factor();
    state.floor_rect = Some(Rect::new(
        free.min.x * z,
        free.min.y * z,
        free.max.x * z,
        free.max.y * z,
    ));
    inspector(ctx, m, state);
    dilemma_card(ctx, m);
    if state.menu_open {
        egui::Window::new(tx.menu)
            .collapsible(false)
            .resizable(false)
            .anchor(egui::Align2::CENTER_CENTER, [0.0, 0.0])
            .show(ctx, |ui| {
                if ui.button(big(tx.resume)).clicked() {
                    state.menu_open = false;
                    pace.paused = false;
                }
                ui.horizontal(|ui| {
                    ui.label(tx.ui_scale);
                    ui.add(egui::Slider::new(&mut state.zoom, 0.75..=2.0).step_by(0.05));
                });
                ui.separator();
                ui.horizontal(|ui| {
                    ui.label(tx.save_as);
                    ui.text_edit_singleline(&mut state.slot_name);
                    if ui.button(tx.save).clicked() {
                        saves
                            .requests
                            .write(SaveRequest::Save(state.slot_name.clone()));
                    }
                });
                saves.status_line(ui);
                saves.load_list(ui);
                ui.separator();
                if ui.button(big(tx.end_here)).clicked() {
                    state.menu_open = false;
                    m.end_here();
                }
                if ui.button(big(tx.back_to_title)).clicked() {
                    state.menu_open = false;
                    next.set(Screen::Title);
                }
                if ui.button(big(tx.quit)).clicked() {
                    exit.write(AppExit::Success);
                }
            });
    }
}

fn end(
    root: &mut egui::Ui,
    summary: Option<&mut EndSummary>,
    start: &mut MessageWriter<StartGame>,
    next: &mut NextState<Screen>,
    config: Option<&SaveConfig>,
    (what_ifs, requests): (Option<&WhatIfs>, &mut MessageWriter<WhatIfRequest>),
    state: &mut UiState,
) {
    let tx = t();
    egui::CentralPanel::default().show(root, |ui| {
        ui.vertical_centered(|ui| {
            ui.label(big(tx.game_over));
            if let Some(sum) = summary.as_deref() {
                let r = &sum.result;
                let day = r.rows.last().map_or(0, |x| x.day);
                let why = r.end.map_or("", |e| e.describe());
                ui.label(egui::RichText::new(format!("{} {day}: {why}", tx.day)).size(18.0));
            }
        });
        ui.add_space(12.0);
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
            if ui.button(big(tx.play_again)).clicked() || enter {
                start.write(StartGame);
            }
            if ui.button(big(tx.back_to_title)).clicked() || esc {
                next.set(Screen::Title);
            }
        });
        let Some(sum) = summary else { return };
        let shown = what_ifs
            .and_then(|w| w.current.as_ref())
            .and_then(|c| Some((c.label.clone(), std::sync::Arc::clone(c.result()?))));
        ui.horizontal(|ui| {
            if let Some(dir) = config.map(|c| c.dir.clone())
                && ui.button(tx.export_debrief).clicked()
            {
                let what_if = shown.as_ref().map(|(label, r)| (label.as_str(), &**r));
                sum.exported = Some(match write_debrief(sum, what_if, &dir) {
                    Ok((html, csv)) => format!("{} + {}", html.display(), csv.display()),
                    Err(e) => e,
                });
            }
            if let Some(m) = &sum.exported {
                ui.label(m);
            }
        });
        let r = &sum.result;
        egui::ScrollArea::vertical().show(ui, |ui| {
            // The charts and the what-if side by side: the change and its effect in one view.
            ui.columns(2, |cols| {
                cols[0].heading(tx.run_charts);
                cols[0].small(tx.run_charts_key);
                let marks = decision_days(&r.decision_log, &r.choices);
                let what_if = shown.as_ref().map(|s| s.1.rows.as_slice());
                chart(
                    &mut cols[0],
                    "end-chart",
                    &r.rows,
                    what_if,
                    &marks,
                    state,
                    260.0,
                );
                if let Some(w) = what_ifs {
                    what_if_panel(&mut cols[1], r, w, requests);
                }
            });
            ui.add_space(8.0);
            let cards = crate::runner::scorecards(r);
            ui.columns(cards.len().max(1), |cols| {
                for (col, (title, lines)) in cols.iter_mut().zip(cards) {
                    col.heading(title);
                    egui::Grid::new(title).striped(true).show(col, |ui| {
                        for (k, v) in lines {
                            ui.label(k);
                            ui.strong(v);
                            ui.end_row();
                        }
                    });
                }
            });
            ui.add_space(8.0);
            capital(ui, &r.rows);
            let causes = crate::report::churn_causes(r, &sum.customers);
            ui.add_space(8.0);
            ui.heading(tx.why_they_left);
            egui::Grid::new("causes").striped(true).show(ui, |ui| {
                for c in &causes {
                    ui.label(c.cause.replace('_', " "));
                    ui.strong(c.count.to_string());
                    let before: Vec<String> = c
                        .before
                        .iter()
                        .map(|e| format!("{} {}: {}", tx.day, e.day, e.text))
                        .collect();
                    ui.small(before.join("; "));
                    ui.end_row();
                }
            });
            ui.add_space(8.0);
            ui.heading(tx.lessons);
            for l in crate::report::lessons(r, &causes) {
                ui.strong(l.principle);
                ui.label(l.text);
                ui.add_space(4.0);
            }
        });
    });
}

/// Writes the debrief of the game just ended into `dir`: the HTML (with the what-if overlaid, if
/// one is given) and, beside it, the CSV of the run, one row per day. Returns both paths, or what
/// went wrong (a previous file of the same name is left intact).
pub fn write_debrief(
    sum: &EndSummary,
    what_if: Option<(&str, &RunResult)>,
    dir: &std::path::Path,
) -> Result<(std::path::PathBuf, std::path::PathBuf), String> {
    let overlay = what_if.map(|(label, r)| crate::report::Overlay {
        label: format!("what if: {label}"),
        result: r,
    });
    let html = crate::report::html(&sum.result, &sum.customers, overlay);
    let path = dir.join(format!(
        "debrief-seed-{}-day-{}.html",
        sum.result.seed,
        sum.result.rows.len()
    ));
    let csv = path.with_extension("csv");
    std::fs::create_dir_all(dir)
        .and_then(|_| crate::runner::write_atomic(&path, html.as_bytes()))
        .map_err(|e| format!("{}: {e}", path.display()))?;
    crate::runner::write_atomic(&csv, &crate::runner::days_csv(&sum.result.rows))
        .map_err(|e| format!("{}: {e}", csv.display()))?;
    Ok((path, csv))
}

/// The decisions of the game, each with what could be changed, and the what-if's outcome.
fn what_if_panel(
    ui: &mut egui::Ui,
    r: &RunResult,
    w: &WhatIfs,
    requests: &mut MessageWriter<WhatIfRequest>,
) {
    use crate::runner::WhatIf;
    let tx = t();
    ui.heading(tx.whatif_heading);
    let decisions = match &w.decisions {
        Ok(d) => d,
        Err(e) => {
            ui.label(e);
            return;
        }
    };
    ui.label(tx.whatif_intro);
    if decisions.changes.is_empty() && r.choices.is_empty() {
        ui.label(tx.nothing_to_change);
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
            decisions
                .changes
                .iter()
                .enumerate()
                .map(|(i, d)| (d.day, d.minute, Row::Change(i + 1, d))),
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
                                .map_or(id.to_string(), |x| x.label.clone())
                        };
                        let title = d.map_or(c.dilemma.clone(), |d| d.title.clone());
                        ui.label(format!(
                            "{} {day} · {title}: {} “{}”",
                            tx.day,
                            tx.you_chose,
                            label_of(&c.choice)
                        ));
                        ui.horizontal_wrapped(|ui| {
                            for other in d.iter().flat_map(|d| &d.choices) {
                                if other.id == c.choice {
                                    continue;
                                }
                                let button = egui::Button::new(format!(
                                    "{} “{}”",
                                    tx.try_choice, other.label
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
                                "{} {day} · {:02}:{:02} · {}: {}",
                                tx.day,
                                minute / 60 % 24,
                                minute % 60,
                                tx.lever_changed,
                                d.set.describe()
                            ));
                            if ui
                                .add_enabled(!running, egui::Button::new(tx.undo))
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
    ui.strong(format!("{} {}", tx.whatif_heading, run.label));
    match &run.outcome {
        Outcome::Running(_) => {
            ui.horizontal(|ui| {
                ui.spinner();
                ui.label(format!(
                    "{} {} {} {}",
                    tx.replaying,
                    run.progress.load(std::sync::atomic::Ordering::Relaxed),
                    tx.of_days,
                    w.days
                ));
            });
            // Keep redrawing while the replay runs, so the progress moves.
            ui.ctx().request_repaint();
        }
        Outcome::Failed(e) => {
            ui.colored_label(egui::Color32::from_rgb(230, 159, 0), e);
        }
        Outcome::Done {
            result,
            first_difference,
        } => {
            match first_difference {
                None => ui.label(tx.identical_all),
                Some(0) => ui.label(tx.differ_from_start),
                Some(d) => ui.label(format!("{} {d}, {}", tx.identical_until, tx.differ_from)),
            };
            if let (Some(a), Some(b)) = (r.rows.last(), result.rows.last()) {
                egui::Grid::new("what-if difference")
                    .striped(true)
                    .show(ui, |ui| {
                        for h in [tx.at_the_end, tx.this_game, tx.what_if_col, tx.difference] {
                            ui.strong(h);
                        }
                        ui.end_row();
                        for (k, x, y, d) in crate::report::difference(a, b) {
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
