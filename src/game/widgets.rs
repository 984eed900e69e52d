//! The game's shared look: colours, text sizes, and the small widgets every screen and panel uses
//! (big buttons, sliders that report a settled change, option pickers, headings that fit).

use bevy_egui::egui;

use crate::headless::charts::{DECISION_MARK, PALETTE};
use crate::i18n::Lang;

/// The Simplified Chinese font: Noto Sans CJK SC (SIL Open Font Licence 1.1, `assets/fonts/`),
/// cut down to the characters the game can show (`assets/fonts/subset.py` makes it).
pub const CJK_FONT: &[u8] = include_bytes!("../../assets/fonts/NotoSansSC-subset.otf");

/// The language the screens draw in this frame (set from the [`Lang`] resource before the
/// screens draw, so that every panel can find it from its `Ui`).
pub fn lang(ctx: &egui::Context) -> Lang {
    ctx.data(|d| d.get_temp::<Lang>(egui::Id::NULL))
        .unwrap_or_default()
}

pub fn set_lang(ctx: &egui::Context, lang: Lang) {
    ctx.data_mut(|d| d.insert_temp(egui::Id::NULL, lang));
}

/// The fonts for `lang`. In English, egui's Latin font first, then the Chinese font for every
/// character it lacks, before egui's symbol and emoji fonts (which also hold full-width
/// brackets, drawn badly). In Chinese, the Chinese font first, so that its punctuation, quotes
/// and the Latin letters among the Chinese share one design; egui's fonts then fill in symbols.
pub fn fonts(ctx: &egui::Context, lang: Lang) {
    let mut fonts = egui::FontDefinitions::default();
    fonts.font_data.insert(
        "noto-sans-sc".into(),
        std::sync::Arc::new(egui::FontData::from_static(CJK_FONT)),
    );
    for family in [egui::FontFamily::Proportional, egui::FontFamily::Monospace] {
        let list = fonts.families.entry(family).or_default();
        let at = match lang {
            Lang::ZhCn => 0,
            // After the Latin (and, for monospace, the code) fonts.
            Lang::En => list
                .iter()
                .position(|f| f.contains("Emoji") || f.contains("emoji"))
                .unwrap_or(list.len()),
        };
        list.insert(at, "noto-sans-sc".into());
    }
    ctx.set_fonts(fonts);
}

/// Okabe–Ito orange: warnings, pauses, problems.
/// The ring around the panel that has the keyboard's focus (Okabe–Ito sky blue).
pub const FOCUS: egui::Color32 = egui::Color32::from_rgb(86, 180, 233);

pub const WARNING: egui::Color32 = egui::Color32::from_rgb(230, 159, 0);
/// Okabe–Ito sky blue: a good outcome (a save written).
pub const GOOD: egui::Color32 = egui::Color32::from_rgb(86, 180, 233);
/// Okabe–Ito vermilion: a customer who has left.
pub const GONE: egui::Color32 = egui::Color32::from_rgb(213, 94, 0);
/// The keyboard cursor's background.
pub const CURSOR: egui::Color32 = egui::Color32::from_rgb(40, 70, 110);

/// A chart series' colour (shared with the HTML debrief).
pub fn series_colour(i: usize) -> egui::Color32 {
    let (r, g, b) = PALETTE[i % PALETTE.len()];
    egui::Color32::from_rgb(r, g, b)
}

/// The colour of the marks on days a decision was taken.
pub fn decision_colour() -> egui::Color32 {
    let (r, g, b) = DECISION_MARK;
    egui::Color32::from_rgb(r, g, b)
}

/// Text sizes chosen to read from the back of a room on a 1280×720 projector at UI scale 1.
pub fn style(ctx: &egui::Context) {
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

/// High contrast for a projector (pure text on a black or white ground, thicker outlines), or
/// egui's own colours again.
pub fn contrast(ctx: &egui::Context, high: bool) {
    ctx.all_styles_mut(|style| {
        let dark = style.visuals.dark_mode;
        style.visuals = if dark {
            egui::Visuals::dark()
        } else {
            egui::Visuals::light()
        };
        if !high {
            return;
        }
        let (ink, ground) = if dark {
            (egui::Color32::WHITE, egui::Color32::BLACK)
        } else {
            (egui::Color32::BLACK, egui::Color32::WHITE)
        };
        let v = &mut style.visuals;
        v.override_text_color = Some(ink);
        v.panel_fill = ground;
        v.window_fill = ground;
        v.extreme_bg_color = ground;
        v.window_stroke = egui::Stroke::new(2.0, ink);
        for w in [
            &mut v.widgets.noninteractive,
            &mut v.widgets.inactive,
            &mut v.widgets.hovered,
            &mut v.widgets.active,
            &mut v.widgets.open,
        ] {
            w.fg_stroke = egui::Stroke::new(w.fg_stroke.width.max(1.5), ink);
            w.bg_stroke = egui::Stroke::new(w.bg_stroke.width.max(1.5), w.bg_stroke.color);
        }
        v.widgets.noninteractive.bg_stroke.color = ink.gamma_multiply(0.6);
    });
}

/// The projector-mode switch (as on the title screen and in the menu), with what it does on
/// hover.
pub fn projector(ui: &mut egui::Ui, on: &mut bool) -> egui::Response {
    let lang = lang(ui.ctx());
    ui.checkbox(on, crate::tr!(lang, "projector"))
        .on_hover_text(crate::tr!(lang, "projector-hint"))
}

/// The window the screens are laid out for, in logical pixels: a larger window draws the UI
/// larger in proportion (at 1920x1080 half the screen would be empty at scale 1.0).
pub const DESIGN_WINDOW: (f32, f32) = (1280.0, 720.0);

/// The fewest points (logical pixels over the UI scale) projector mode leaves across and down:
/// its larger scale gives way below them, so that no panel falls off a 1024x768 projector.
pub const PROJECTOR_ROOM: (f32, f32) = (820.0, 600.0);

/// The UI scale to draw at in a window of `window` logical pixels: the player's own times the
/// window's size over [`DESIGN_WINDOW`] (never below 1), and in projector mode at least the
/// projector's scale as far as the window has room for it ([`PROJECTOR_ROOM`]).
pub fn effective_zoom(zoom: f32, projector: bool, window: (f32, f32)) -> f32 {
    let (w, h) = window;
    let sized = w.is_finite() && h.is_finite() && w > 0.0 && h > 0.0;
    let fit = if sized {
        (w / DESIGN_WINDOW.0).min(h / DESIGN_WINDOW.1).max(1.0)
    } else {
        1.0
    };
    let own = zoom * fit;
    if !projector {
        return own;
    }
    let room = if sized {
        (w / PROJECTOR_ROOM.0).min(h / PROJECTOR_ROOM.1).max(1.0)
    } else {
        f32::INFINITY
    };
    own.max((crate::settings::PROJECTOR_SCALE as f32 * fit).min(room))
}

/// The whole window as one Ui, under every panel and window, for a screen to lay out in.
pub fn root(ctx: &egui::Context) -> egui::Ui {
    egui::Ui::new(
        ctx.clone(),
        "root".into(),
        egui::UiBuilder::new()
            .layer_id(egui::LayerId::background())
            .max_rect(ctx.viewport_rect()),
    )
}

/// A metric's name by its catalogue key, small, with its one-line explanation (`KEY-hint`) on
/// hover.
pub fn metric_label(ui: &mut egui::Ui, lang: Lang, key: &str) -> egui::Response {
    ui.small(crate::i18n::message(lang, key, None))
        .on_hover_text(crate::i18n::message(lang, &format!("{key}-hint"), None))
}

/// The id of the team's name field (focused when a session is joined without a name).
pub const TEAM_FIELD: &str = "team-name";

/// The team's name, labelled, for its results file (the title screen and the end screen).
pub fn team_name(ui: &mut egui::Ui, lang: Lang, team: &mut String, width: f32) {
    ui.label(crate::tr!(lang, "team-name"))
        .on_hover_text(crate::tr!(lang, "team-name-hint"));
    ui.add(
        egui::TextEdit::singleline(team)
            .id(egui::Id::new(TEAM_FIELD))
            .hint_text(crate::tr!(lang, "team-unnamed"))
            .char_limit(crate::headless::results_file::MAX_TEAM_CHARS)
            .desired_width(width),
    );
}

/// A card's one big button ("Go on", "Play on"): true when it is pressed or, with `keys`,
/// Enter is; without `keys` (the menu open over the card) it takes neither.
pub fn go_on_button(ui: &mut egui::Ui, keys: bool, text: String) -> bool {
    ui.add_enabled(keys, egui::Button::new(big(text))).clicked()
        || (keys && ui.input(|i| i.key_pressed(egui::Key::Enter)))
}

/// Text for a big button or title.
pub fn big(text: impl Into<String>) -> egui::RichText {
    egui::RichText::new(text).size(28.0).strong()
}

/// An arrow saying whether a figure rose, fell or held over the last week.
pub fn trend(now: f64, before: f64, tolerance: f64) -> &'static str {
    if now > before + tolerance {
        "⬆"
    } else if now < before - tolerance {
        "⬇"
    } else {
        "➡"
    }
}

/// Whether a slider's new value is a decision: once, when the handle is let go, or at once for a
/// click, a typed value or a key. (A drag would otherwise log a decision every frame, and the
/// what-if would list each step of one gesture.)
fn settled(r: &egui::Response) -> bool {
    r.drag_stopped() || (r.changed() && !r.dragged())
}

/// The UI scale: a slider applied when its handle is let go (the screen would otherwise rescale
/// under the pointer and the handle run away), steps of a quarter on − and + buttons, and a
/// value that can be typed. `edit` holds the value the handle is dragged to meanwhile.
pub fn ui_scale(ui: &mut egui::Ui, zoom: &mut f32, edit: &mut Option<f32>) -> egui::Response {
    let (lo, hi) = crate::settings::UI_SCALE;
    let (lo, hi) = (lo as f32, hi as f32);
    let mut z = edit.unwrap_or(*zoom);
    let less = ui.small_button("−").clicked();
    let r = ui.add(egui::Slider::new(&mut z, lo..=hi).step_by(0.05));
    let more = ui.small_button("+").clicked();
    if less || more {
        let step = if more { 0.25 } else { -0.25 };
        *zoom = (((*zoom + step) * 4.0).round() / 4.0).clamp(lo, hi);
        *edit = None;
    } else if r.dragged() && !r.drag_stopped() {
        *edit = Some(z);
    } else if settled(&r) || edit.is_some() {
        *zoom = z.clamp(lo, hi);
        *edit = None;
    }
    r
}

/// A slider for a number in `lo..=hi` (whole numbers when `whole`); a settled change is returned.
pub fn number_slider(
    ui: &mut egui::Ui,
    v: f64,
    (lo, hi): (f64, f64),
    step: f64,
    whole: bool,
) -> Option<f64> {
    let mut x = v;
    let slider = egui::Slider::new(&mut x, lo..=hi).step_by(step);
    let slider = if whole { slider.integer() } else { slider };
    let r = ui.add(slider);
    (settled(&r) && (x - v).abs() > 1e-6).then_some(x)
}

/// One button per option, the current one selected; a click on another returns it.
pub fn pick<T: PartialEq + Copy, const N: usize>(
    ui: &mut egui::Ui,
    current: T,
    options: [T; N],
    label: impl Fn(T) -> String,
) -> Option<T> {
    let mut out = None;
    ui.horizontal_wrapped(|ui| {
        for o in options {
            if ui.selectable_label(current == o, label(o)).clicked() && o != current {
                out = Some(o);
            }
        }
    });
    out
}

/// A column's heading at heading size when it fits, else at body size (a narrow or zoomed
/// panel would otherwise break the word in two).
pub fn column_heading(ui: &mut egui::Ui, text: impl AsRef<str>) {
    let text = text.as_ref();
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

/// A heading that shows ▶ when its panel has the keyboard focus.
pub fn focus_heading(ui: &mut egui::Ui, text: impl AsRef<str>, focused: bool) {
    let text = text.as_ref();
    ui.heading(if focused {
        format!("▶ {text}")
    } else {
        text.to_string()
    });
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The UI scale and the value its handle is dragged to.
    struct Scale {
        zoom: f32,
        zoom_edit: Option<f32>,
    }

    /// One frame of a window with the UI-scale control; returns the slider's rectangle.
    fn frame(ctx: &egui::Context, events: Vec<egui::Event>, state: &mut Scale) -> egui::Rect {
        let input = egui::RawInput {
            screen_rect: Some(egui::Rect::from_min_size(
                egui::Pos2::ZERO,
                egui::vec2(800.0, 600.0),
            )),
            events,
            ..Default::default()
        };
        let mut rect = egui::Rect::NOTHING;
        let mut output = ctx.run_ui(input, |ui| {
            ui.horizontal(|ui| rect = ui_scale(ui, &mut state.zoom, &mut state.zoom_edit).rect);
        });
        // No renderer takes the font texture here: say so, or egui's debug build complains.
        output.textures_delta.clear();
        rect
    }

    fn button(pos: egui::Pos2, pressed: bool) -> egui::Event {
        egui::Event::PointerButton {
            pos,
            button: egui::PointerButton::Primary,
            pressed,
            modifiers: Default::default(),
        }
    }

    #[test]
    fn the_ui_scale_changes_when_the_handle_is_let_go_not_while_it_is_dragged() {
        let ctx = egui::Context::default();
        let mut state = Scale {
            zoom: 1.0,
            zoom_edit: None,
        };
        let rect = frame(&ctx, vec![], &mut state);
        let _ = frame(&ctx, vec![], &mut state);
        // The handle of 1.0 on 0.75..=2.0 (the slider's rail leaves room for the value).
        let start = egui::pos2(rect.left() + 12.0, rect.center().y);
        let far = egui::pos2(rect.left() + 90.0, rect.center().y);
        let steps = [
            vec![egui::Event::PointerMoved(start)],
            vec![button(start, true)],
            vec![egui::Event::PointerMoved(start + egui::vec2(20.0, 0.0))],
            vec![egui::Event::PointerMoved(far)],
            vec![egui::Event::PointerMoved(far)],
        ];
        for events in steps {
            let _ = frame(&ctx, events, &mut state);
            assert_eq!(
                state.zoom, 1.0,
                "the scale holds while the handle is dragged"
            );
        }
        let dragged_to = state
            .zoom_edit
            .expect("the slider shows where it is dragged to");
        assert!(dragged_to > 1.0, "dragged to {dragged_to}");
        let _ = frame(&ctx, vec![button(far, false)], &mut state);
        let _ = frame(&ctx, vec![], &mut state);
        assert_eq!(state.zoom, dragged_to, "applied on release");
        assert_eq!(state.zoom_edit, None);
    }

    /// Projector mode: the UI at least at the projector's scale (a larger one kept), pure text
    /// colour and a plain ground while it is on, egui's colours again when it is off; the
    /// settings file remembers it (and a file without it reads as off).
    #[test]
    fn projector_mode_scales_up_raises_contrast_and_is_remembered() {
        let (small, hd, full) = ((1024.0, 768.0), (1280.0, 720.0), (1920.0, 1080.0));
        // The player's scale, grown with the window (never shrunk below the player's).
        assert_eq!(effective_zoom(1.0, false, hd), 1.0);
        assert_eq!(effective_zoom(1.0, false, small), 1.0);
        assert_eq!(effective_zoom(1.0, false, full), 1.5);
        assert_eq!(effective_zoom(1.75, false, hd), 1.75);
        assert_eq!(effective_zoom(1.2, false, (2560.0, 1440.0)), 2.4);
        // Projector mode: larger, as far as the window leaves room for the panels.
        assert_eq!(effective_zoom(1.0, true, (1600.0, 1200.0)), 1.5 * 1.25);
        for w in [small, hd, full, (800.0, 600.0)] {
            let z = effective_zoom(1.0, true, w);
            assert!(z > effective_zoom(1.0, false, w) || z == 1.0, "{w:?}: {z}");
            assert!(
                z <= 1.0 || (w.0 / z >= 819.9 && w.1 / z >= 599.9),
                "{w:?}: {z} leaves {} x {} points",
                w.0 / z,
                w.1 / z
            );
        }
        // A larger scale the player chose is kept; an unknown window is the design's.
        assert_eq!(effective_zoom(1.75, true, hd), 1.75);
        assert_eq!(effective_zoom(1.0, true, (0.0, 0.0)), 1.5);
        let ctx = egui::Context::default();
        contrast(&ctx, true);
        let (dark, light) = (
            ctx.style_of(egui::Theme::Dark).visuals.clone(),
            ctx.style_of(egui::Theme::Light).visuals.clone(),
        );
        assert_eq!(dark.override_text_color, Some(egui::Color32::WHITE));
        assert_eq!(light.override_text_color, Some(egui::Color32::BLACK));
        assert_eq!(dark.panel_fill, egui::Color32::BLACK);
        assert!(dark.widgets.noninteractive.fg_stroke.width >= 1.5);
        contrast(&ctx, false);
        for theme in [egui::Theme::Dark, egui::Theme::Light] {
            assert_eq!(ctx.style_of(theme).visuals.override_text_color, None);
        }
        let on = crate::settings::Settings {
            projector: true,
            ..Default::default()
        };
        let back: crate::settings::Settings = ron::from_str(&on.to_ron()).unwrap();
        assert!(back.projector);
        let off = crate::settings::Settings::default().to_ron();
        assert!(!off.contains("projector"), "{off}");
        let old: crate::settings::Settings = ron::from_str("(ui_scale: 1.25)").unwrap();
        assert!(!old.projector);
    }
}
