//! customer-first: a business simulation about serving customers with finite resources.
//!
//! Layers, each using only those below it (see ARCHITECTURE.md):
//! - data: [`scenario`], [`policy`], [`dilemmas`], [`levers`], [`thoughts`], [`settings`],
//!   [`session`], [`i18n`], [`hash`], [`inherit`], [`platform`] and [`diagnostics`]: what a user
//!   writes in RON, its types and validation; [`bundle`], the one table of what ships inside the
//!   binary;
//! - [`sim`]: the model, as Bevy ECS plugins that run without rendering;
//! - [`headless`] and [`sweep`]: the one world loader (`headless::setup`), the one day loop,
//!   results, CSV and HTML exports, saves, what-if, sweeps;
//! - [`game`] (feature `gui`): everything on screen;
//! - [`cli`]: the commands `main.rs` dispatches to.

pub mod bundle;
pub mod cli;
pub mod diagnostics;
pub mod dilemmas;
#[cfg(feature = "gui")]
pub mod game;
pub mod hash;
pub mod headless;
pub mod i18n;
pub mod inherit;
pub mod levers;
pub mod platform;
pub mod policy;
pub mod scenario;
pub mod session;
pub mod settings;
pub mod sim;
pub mod sweep;
pub mod thoughts;
