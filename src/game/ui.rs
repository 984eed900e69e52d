//! What the screen is showing, split by concern: where the player's attention is ([`Focus`]:
//! the panel with the keyboard, the menu, what is selected, the chart, the cursors), how the
//! screen looks ([`Look`]: UI scale, projector mode), and where things were drawn last frame
//! ([`Layout`]: the floor's free area, whether egui has the pointer or the keyboard, the rects
//! the guide points at). A leaf: the input, the floor, the guide, the panels and the screens all
//! read these, and none of them is needed to read them.

use bevy::ecs::system::SystemParam;
use bevy::prelude::*;
use bevy_egui::egui;

use crate::levers::Lever;

/// The panels Tab cycles through.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Panel {
    #[default]
    Levers,
    /// The book of customers: arrows move a cursor over the dots, the inspector follows.
    Book,
    Stakeholders,
    Charts,
    Capital,
    /// A small sweep of one lever: arrows pick the lever, Enter runs it.
    Explore,
    Feed,
}

impl Panel {
    pub const ALL: [Panel; 7] = [
        Panel::Levers,
        Panel::Book,
        Panel::Stakeholders,
        Panel::Charts,
        Panel::Capital,
        Panel::Explore,
        Panel::Feed,
    ];

    pub fn next(self) -> Panel {
        let i = Panel::ALL.iter().position(|p| *p == self).unwrap_or(0);
        Panel::ALL[(i + 1) % Panel::ALL.len()]
    }

    /// The panel before (Shift+Tab).
    pub fn previous(self) -> Panel {
        let n = Panel::ALL.len();
        let i = Panel::ALL.iter().position(|p| *p == self).unwrap_or(0);
        Panel::ALL[(i + n - 1) % n]
    }
}

/// What the inspector shows.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Selected {
    /// A customer, by their id.
    Customer(u32),
    /// A first-time visitor (not a customer yet).
    Visitor,
    Employee(Entity),
}

/// Where the player's attention is.
#[derive(Resource, Debug, Clone)]
pub struct Focus {
    pub panel: Panel,
    pub menu_open: bool,
    /// Whether the game was paused when the menu opened: closing the menu with Esc leaves it as
    /// it was (Resume plays on).
    pub paused_before_menu: bool,
    pub lever_cursor: usize,
    pub selected: Option<Selected>,
    /// The chart shown.
    pub chart: usize,
    /// The lever the Explore panel explores (an index into `Lever::ALL`).
    pub explore_lever: usize,
    /// The day the charts mark (a feed line clicked).
    pub chart_day: Option<u32>,
    /// The book's dot under the keyboard cursor (when the book has the focus).
    pub book_cursor: usize,
    /// The name typed for a save slot.
    pub slot_name: String,
}

impl Default for Focus {
    fn default() -> Self {
        Focus {
            panel: Panel::Levers,
            menu_open: false,
            paused_before_menu: false,
            lever_cursor: 0,
            selected: None,
            chart: 0,
            explore_lever: 0,
            chart_day: None,
            book_cursor: 0,
            slot_name: "my-game".into(),
        }
    }
}

impl Focus {
    /// Opens the menu and pauses the game behind it (`paused` is the pace's).
    pub fn open_menu(&mut self, paused: &mut bool) {
        if !self.menu_open {
            self.menu_open = true;
            self.paused_before_menu = *paused;
            *paused = true;
        }
    }

    /// Closes the menu, the game paused or not as it was before the menu opened.
    pub fn close_menu(&mut self, paused: &mut bool) {
        if self.menu_open {
            self.menu_open = false;
            *paused = self.paused_before_menu;
        }
    }

    /// Esc: closes the menu if it is open, else the inspector if it shows someone, else opens
    /// the menu; one press does one of them.
    pub fn escape(&mut self, paused: &mut bool) {
        if self.menu_open {
            self.close_menu(paused);
        } else if self.selected.is_some() {
            self.selected = None;
        } else {
            self.open_menu(paused);
        }
    }
}

/// How the screen looks (kept in the settings).
#[derive(Resource, Debug, Clone)]
pub struct Look {
    /// UI scale (projectors want bigger, high-DPI screens may want smaller).
    pub zoom: f32,
    /// Projector mode: the UI at least at the projector's scale, high contrast, the meters and
    /// the chart big, the feed folded away.
    pub projector: bool,
    /// The UI scale being dragged to (applied when the handle is let go, so that the screen
    /// does not rescale under the pointer).
    pub zoom_edit: Option<f32>,
}

impl Default for Look {
    fn default() -> Self {
        Look {
            zoom: 1.0,
            projector: false,
            zoom_edit: None,
        }
    }
}

/// Where things were drawn last frame (set by the screens each frame).
#[derive(Resource, Debug, Clone, Default)]
pub struct Layout {
    /// The UI scale egui draws at this frame (the player's, grown with the window and in
    /// projector mode); 0 before the first frame.
    pub ui_scale: f32,
    /// Free area for the floor, in the window's logical pixels.
    pub floor_rect: Option<Rect>,
    /// Egui is using the pointer (a click there is not a click on the floor).
    pub pointer_on_panels: bool,
    /// Egui has keyboard focus (typing in a field is not a shortcut).
    pub typing: bool,
    /// Where the floor, the stakeholder meters and the speed buttons were drawn, in egui
    /// points (for the guide to point at).
    pub floor_points: Option<egui::Rect>,
    pub meters_rect: Option<egui::Rect>,
    pub speed_rect: Option<egui::Rect>,
    /// Where each lever's control was drawn, in egui points (for pointing at a lever, and for
    /// tests that click it).
    pub lever_rects: Vec<(Lever, Rect)>,
}

/// All three, for a screen that draws with them.
#[derive(SystemParam)]
pub struct UiParts<'w> {
    pub focus: ResMut<'w, Focus>,
    pub look: ResMut<'w, Look>,
    pub layout: ResMut<'w, Layout>,
}

pub(super) fn plugin(app: &mut App) {
    app.init_resource::<Focus>()
        .init_resource::<Look>()
        .init_resource::<Layout>();
}
