//! customer-first: a business simulation about serving customers with finite resources.
//!
//! - [`sim`]: the model, as Bevy ECS plugins that run without rendering;
//! - [`scenario`] and [`policy`]: the RON data that drives it, with validation;
//! - [`runner`]: headless runs, CSV output and the summary;
//! - [`diagnostics`]: how problems in user files are reported.

pub mod diagnostics;
pub mod dilemmas;
#[cfg(feature = "gui")]
pub mod game;
pub mod policy;
pub mod report;
pub mod runner;
pub mod save;
pub mod scenario;
pub mod settings;
pub mod sim;
