//! The big events of a run, as they happen: each board meeting (where confidence stands, the
//! quarter's profit against what the owners expected, and whether they are satisfied, warn or
//! dismiss), and a defect's press story. The game stops the clock for each with a card; the
//! debrief lists them in its timeline; a save keeps them.

use bevy::prelude::*;
use serde::{Deserialize, Serialize};

/// What the board said at its last meeting.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
pub enum Meeting {
    /// No meeting yet.
    #[default]
    None,
    /// Confidence at or above the warning line.
    Satisfied,
    /// Below the warning line: the next meeting may replace the player.
    Warning,
    /// At zero after a warning: the player is replaced.
    Dismissed,
}

/// Every big event so far, in the order they happened.
#[derive(Resource, Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct News(pub Vec<NewsItem>);

/// A big event and its day.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct NewsItem {
    pub day: u32,
    pub what: Happening,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub enum Happening {
    /// The quarter's board meeting.
    BoardMeeting {
        /// Confidence before and after the meeting (0–1).
        before: f64,
        after: f64,
        /// The quarter's profit and what the board expected, in cents.
        profit: i64,
        expected: i64,
        /// What the board expects of the next quarter, in cents.
        next_expected: i64,
        meeting: Meeting,
    },
    /// Defect `defect` (an index into the scenario's defects) reached the press after
    /// `failures` failures: reviews, the board's confidence and a forced recall followed.
    PressStory {
        defect: usize,
        failures: u32,
        /// Confidence before and after the story (0–1).
        before: f64,
        after: f64,
    },
}
