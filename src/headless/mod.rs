//! Runs without a window: the one day loop ([`world`]), what a run produced ([`results`]), its
//! CSV tables ([`tables`]), what the debrief says ([`report`]), the charts both the debrief and
//! the game draw ([`charts`]), saves ([`save`]), what-if replays ([`whatif`]), the balanced
//! scorecard ([`score`]), teams' results files ([`results_file`]), the class view ([`class`],
//! and what it says: [`class_view`]); every HTML page is drawn in [`html`]. Uses the model and
//! the data layer; never the game.

pub mod calibrate;
pub mod charts;
pub mod class;
pub mod class_view;
pub mod files;
pub mod html;
pub mod impact;
pub mod report;
pub mod results;
pub mod results_file;
pub mod save;
pub mod score;
pub mod setup;
pub mod tables;
pub mod verdict;
pub mod whatif;
pub mod world;
