//! Runs without a window: the one day loop ([`world`]), what a run produced ([`results`]), its
//! CSV tables ([`tables`]) and HTML debrief ([`report`]), the charts both the debrief and the game
//! draw ([`charts`]), saves ([`save`]) and what-if replays ([`whatif`]). Uses the model and the
//! data layer; never the game.

pub mod charts;
pub mod files;
pub mod impact;
pub mod report;
pub mod results;
pub mod save;
pub mod tables;
pub mod whatif;
pub mod world;
