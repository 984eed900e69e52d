//! The player's settings file (`settings.ron`): UI scale, autosave interval, starting speed,
//! where saves go and the language. Validated like every other file: a syntax error names its line and column, a
//! value out of range names its field and range, and the game shows the problem and goes on
//! with the defaults.

use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

use crate::diagnostics::{Checker, FileProblems, parse_ron, read_text};

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct Settings {
    /// UI scale: 1.0 is sized for a 1280×720 projector; 0.75–2.0.
    pub ui_scale: f64,
    /// Autosave every this many simulated days (0: never); 0–365.
    pub autosave_days: u32,
    /// Starting speed: 1, 2, 4 or 8 (times), or 0 for the fastest.
    pub speed: u32,
    /// Where saves are kept (relative to the settings file); the default is `saves` beside it.
    pub saves_dir: Option<String>,
    /// The language of the screens, `"en"` or `"zh-CN"`; `None` follows the system's locale
    /// (`LC_ALL`, `LC_MESSAGES`, `LANG`).
    pub language: Option<crate::i18n::Lang>,
    /// The window's size in pixels, e.g. `Some((width: 1280, height: 720))`; the game writes
    /// it when the player resizes the window. `None` fits the window to the screen (maximised
    /// where the window manager allows it).
    pub window: Option<WindowSize>,
    /// The first-run guide was finished or skipped (it is not shown again).
    pub guide_done: bool,
    /// Projector mode: a large UI (at least [`PROJECTOR_SCALE`]), high contrast, the three
    /// stakeholder meters and the main chart big.
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub projector: bool,
}

/// The UI scale projector mode uses at the least.
pub const PROJECTOR_SCALE: f64 = 1.5;

/// A window's size in pixels.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct WindowSize {
    pub width: u32,
    pub height: u32,
}

pub const WINDOW_WIDTH: (u32, u32) = (320, 7680);
pub const WINDOW_HEIGHT: (u32, u32) = (240, 4320);

impl WindowSize {
    /// `WIDTHxHEIGHT`, e.g. `1280x720`, within the sizes a window can have.
    pub fn parse(s: &str) -> Result<WindowSize, String> {
        let (w, h) = s
            .split_once(['x', 'X', '×'])
            .ok_or_else(|| format!("expected WIDTHxHEIGHT such as 1280x720, got \"{s}\""))?;
        let number = |t: &str, what: &str, (lo, hi): (u32, u32)| {
            t.trim()
                .parse::<u32>()
                .ok()
                .filter(|n| (lo..=hi).contains(n))
                .ok_or_else(|| {
                    format!("the {what} must be a whole number in {lo}..={hi}, got \"{t}\"")
                })
        };
        Ok(WindowSize {
            width: number(w, "width", WINDOW_WIDTH)?,
            height: number(h, "height", WINDOW_HEIGHT)?,
        })
    }
}

impl Default for Settings {
    fn default() -> Self {
        Settings {
            ui_scale: 1.0,
            autosave_days: 7,
            speed: 1,
            saves_dir: None,
            language: None,
            window: None,
            guide_done: false,
            projector: false,
        }
    }
}

pub const UI_SCALE: (f64, f64) = (0.75, 2.0);
pub const SPEEDS: [u32; 5] = [1, 2, 4, 8, 0];

impl Settings {
    pub fn check(&self, c: &mut Checker) {
        c.range("ui_scale", self.ui_scale, UI_SCALE.0, UI_SCALE.1);
        c.int_range("autosave_days", self.autosave_days as i64, 0, 365);
        if !SPEEDS.contains(&self.speed) {
            c.fail("speed", crate::msg!("check-speed", got = self.speed));
        }
        if let Some(d) = &self.saves_dir
            && (d.trim().is_empty() || d.len() > 4096 || d.contains('\0'))
        {
            c.fail("saves_dir", crate::msg!("check-path"));
        }
        if let Some(w) = self.window {
            c.int_range(
                "window.width",
                w.width as i64,
                WINDOW_WIDTH.0 as i64,
                WINDOW_WIDTH.1 as i64,
            );
            c.int_range(
                "window.height",
                w.height as i64,
                WINDOW_HEIGHT.0 as i64,
                WINDOW_HEIGHT.1 as i64,
            );
        }
    }

    pub fn from_ron(file: &Path, text: &str) -> Result<Settings, FileProblems> {
        let s: Settings = parse_ron(file, text)?;
        let mut c = Checker::default();
        s.check(&mut c);
        c.into_result(file)?;
        Ok(s)
    }

    pub fn load(file: &Path) -> Result<Settings, FileProblems> {
        Settings::from_ron(file, &read_text(file)?)
    }

    /// The speed as an index into the game's speeds (1× … fastest).
    pub fn speed_index(&self) -> usize {
        SPEEDS.iter().position(|s| *s == self.speed).unwrap_or(0)
    }

    /// The saves folder for settings read from `file`.
    pub fn saves_dir_for(&self, file: &Path) -> PathBuf {
        let base = file.parent().unwrap_or(Path::new("."));
        base.join(self.saves_dir.as_deref().unwrap_or("saves"))
    }

    pub fn to_ron(&self) -> String {
        ron::ser::to_string_pretty(self, ron::ser::PrettyConfig::default()).unwrap_or_default()
    }
}

/// Where the game keeps its settings: `$CUSTOMER_FIRST_HOME`, else `$XDG_CONFIG_HOME` or
/// `~/.config`, under `customer-first/`; the current folder as a last resort.
pub fn home() -> PathBuf {
    if let Some(h) = std::env::var_os("CUSTOMER_FIRST_HOME") {
        return PathBuf::from(h);
    }
    let base = std::env::var_os("XDG_CONFIG_HOME")
        .map(PathBuf::from)
        .or_else(|| std::env::var_os("HOME").map(|h| PathBuf::from(h).join(".config")));
    match base {
        Some(b) => b.join("customer-first"),
        None => PathBuf::from("customer-first"),
    }
}

/// Loads the settings at `file`: defaults if there is none, defaults and the problems if it is
/// broken (the game shows them and goes on).
pub fn load_or_default(file: &Path) -> (Settings, Option<FileProblems>) {
    if !crate::platform::files::exists(file) {
        return (Settings::default(), None);
    }
    match Settings::load(file) {
        Ok(s) => (s, None),
        Err(e) => (Settings::default(), Some(e)),
    }
}
