//! The game's window: opened at an exact size (`--window WIDTHxHEIGHT`, or the size the settings
//! remember), else fitted to the screen it opens on (maximised where a window manager allows it,
//! and sized from the monitor's resolution where none does, as under Xvfb). A size the player
//! gives the window by resizing it is remembered in the settings.

use bevy::prelude::*;
use bevy::window::{Monitor, PrimaryMonitor, PrimaryWindow, WindowResized};

use crate::settings::WindowSize;

use super::settings::{SettingsInUse, write_settings};

/// The size the window opens at before it is fitted (a projector's).
pub const FIRST_SIZE: WindowSize = WindowSize {
    width: 1280,
    height: 720,
};

/// How the window is sized.
#[derive(Resource, Debug, Clone, Copy, PartialEq, Eq)]
pub enum WindowFit {
    /// An exact size from the command line: used as it is, and not remembered.
    Asked(WindowSize),
    /// The size the settings remember.
    Remembered(WindowSize),
    /// Fitted to the screen, once the monitor is known.
    Screen,
}

impl WindowFit {
    pub fn new(asked: Option<WindowSize>, remembered: Option<WindowSize>) -> Self {
        match (asked, remembered) {
            (Some(a), _) => WindowFit::Asked(a),
            (None, Some(r)) => WindowFit::Remembered(r),
            (None, None) => WindowFit::Screen,
        }
    }

    /// The size to open the window at.
    pub fn first_size(self) -> WindowSize {
        match self {
            WindowFit::Asked(s) | WindowFit::Remembered(s) => s,
            WindowFit::Screen => FIRST_SIZE,
        }
    }
}

/// The size the window was fitted to, and a size the player chose that is still to be written
/// (after the resizing settles), with the time it was last changed.
#[derive(Resource, Debug, Default)]
struct Sizing {
    fitted: Option<UVec2>,
    pending: Option<(WindowSize, f32)>,
}

/// Seconds without a resize before a new size is written to the settings.
const SETTLE_SECONDS: f32 = 1.0;

pub fn plugin(app: &mut App) {
    app.init_resource::<Sizing>()
        .add_systems(Update, (fit_to_screen, remember_size).chain());
}

/// The largest window a monitor takes: all of it (a window manager that maximises the window
/// fits it to its work area instead).
pub fn fitted_size(monitor_width: u32, monitor_height: u32) -> WindowSize {
    WindowSize {
        width: monitor_width.clamp(
            crate::settings::WINDOW_WIDTH.0,
            crate::settings::WINDOW_WIDTH.1,
        ),
        height: monitor_height.clamp(
            crate::settings::WINDOW_HEIGHT.0,
            crate::settings::WINDOW_HEIGHT.1,
        ),
    }
}

fn fit_to_screen(
    fit: Res<WindowFit>,
    mut sizing: ResMut<Sizing>,
    primary: Query<&Monitor, With<PrimaryMonitor>>,
    monitors: Query<&Monitor>,
    window: Option<Single<&mut Window, With<PrimaryWindow>>>,
) {
    if *fit != WindowFit::Screen || sizing.fitted.is_some() {
        return;
    }
    let Some(mut window) = window else { return };
    let Some(monitor) = primary.iter().next().or_else(|| monitors.iter().next()) else {
        return;
    };
    let size = fitted_size(monitor.physical_width, monitor.physical_height);
    window
        .resolution
        .set_physical_resolution(size.width, size.height);
    window.position = WindowPosition::At(monitor.physical_position);
    window.set_maximized(true);
    sizing.fitted = Some(UVec2::new(size.width, size.height));
}

fn remember_size(
    fit: Res<WindowFit>,
    time: Res<Time<Real>>,
    mut sizing: ResMut<Sizing>,
    mut resized: MessageReader<WindowResized>,
    window: Option<Single<&Window, With<PrimaryWindow>>>,
    settings: Option<ResMut<SettingsInUse>>,
    lang: Res<crate::i18n::Lang>,
) {
    let now = time.elapsed_secs();
    if resized.read().last().is_some()
        && let Some(window) = window
    {
        let size = WindowSize {
            width: window.physical_width(),
            height: window.physical_height(),
        };
        let own = match *fit {
            WindowFit::Asked(_) => true,
            WindowFit::Remembered(r) => r == size,
            WindowFit::Screen => {
                sizing.fitted.is_none()
                    || sizing.fitted == Some(UVec2::new(size.width, size.height))
            }
        };
        if !own {
            sizing.pending = Some((size, now));
        }
    }
    let Some((size, at)) = sizing.pending else {
        return;
    };
    if now - at < SETTLE_SECONDS {
        return;
    }
    sizing.pending = None;
    if let Some(mut s) = settings
        && s.settings.window != Some(size)
    {
        s.settings.window = Some(size);
        write_settings(&mut s, *lang);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_asked_size_wins_then_the_remembered_one_then_the_screen() {
        let a = WindowSize {
            width: 1024,
            height: 768,
        };
        let r = WindowSize {
            width: 1600,
            height: 900,
        };
        assert_eq!(WindowFit::new(Some(a), Some(r)).first_size(), a);
        assert_eq!(WindowFit::new(None, Some(r)).first_size(), r);
        assert_eq!(WindowFit::new(None, None), WindowFit::Screen);
        assert_eq!(
            fitted_size(1920, 1080),
            WindowSize {
                width: 1920,
                height: 1080
            }
        );
        assert_eq!(
            fitted_size(100, 100),
            WindowSize {
                width: 320,
                height: 240
            }
        );
    }
}
