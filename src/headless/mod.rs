//! Runs without a window: the one day loop ([`world`]), what a run produced ([`results`]), its
//! CSV tables ([`tables`]) and HTML debrief ([`report`]), the charts both the debrief and the game
//! draw ([`charts`]), saves ([`save`]) and what-if replays ([`whatif`]). Uses the model and the
//! data layer; never the game.

pub mod charts;
pub mod files;
pub mod report;
pub mod results;
pub mod save;
pub mod tables;
pub mod whatif;
pub mod world;

/// Formats cents as a decimal amount ("-12.05").
pub fn money(cents: i64) -> String {
    let sign = if cents < 0 { "-" } else { "" };
    let a = cents.unsigned_abs();
    format!("{sign}{}.{:02}", a / 100, a % 100)
}
