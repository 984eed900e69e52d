//! A timed workshop session in the game: the preset's pace (the scenario's whole horizon in the
//! session's minutes of play), the stops for the room to discuss (the scenario's questions, or
//! general ones), and the time of play left, for the clock. Free play has a session too: it
//! only keeps the deck as the scenario's file has it, for the results file.

use bevy::prelude::*;

use crate::dilemmas::Deck;
use crate::i18n::Lang;
use crate::scenario::Scenario;
use crate::session::Preset;

/// The session the game is playing.
#[derive(Resource, Debug, Clone, Default)]
pub struct Session {
    pub preset: Preset,
    /// The deck as the scenario's file has it (the model plays the preset's): what the results
    /// file's scenario hash is made of.
    pub deck_as_read: Option<Deck>,
    /// Model ticks per real second (a timed session's); None in free play.
    pub rate: Option<f32>,
    /// The day of the next discussion.
    pub next_discussion: Option<u32>,
    /// The discussion on now: its number (0 for the first).
    pub discussing: Option<usize>,
    /// Discussions held so far.
    pub held: usize,
}

impl Session {
    /// A new session of `preset` on `scenario`.
    pub fn new(preset: Preset, scenario: &Scenario, deck_as_read: Option<Deck>) -> Session {
        Session {
            preset,
            deck_as_read,
            rate: preset.ticks_per_second(scenario).map(|r| r as f32),
            next_discussion: preset
                .discuss_every_days()
                .filter(|&d| d < scenario.horizon_days),
            discussing: None,
            held: 0,
        }
    }

    /// What a save keeps of a timed session (None in free play).
    pub fn saved(&self) -> Option<crate::headless::save::SavedSession> {
        self.preset
            .timed()
            .then(|| crate::headless::save::SavedSession {
                preset: self.preset,
                deck_as_read: self.deck_as_read.clone(),
                next_discussion: self.next_discussion,
                held: self.held,
            })
    }

    /// The session of a game loaded from a save: the timed one it says, where it was, else
    /// free play.
    pub fn of_save(
        saved: Option<&crate::headless::save::SavedSession>,
        scenario: &Scenario,
    ) -> Session {
        match saved {
            Some(s) => Session {
                preset: s.preset,
                deck_as_read: s.deck_as_read.clone(),
                rate: s.preset.ticks_per_second(scenario).map(|r| r as f32),
                next_discussion: s.next_discussion,
                discussing: None,
                held: s.held,
            },
            None => Session::default(),
        }
    }

    /// Whether a discussion is due at the start of `day` (the model stops there).
    pub fn due(&self, day: u32) -> bool {
        self.next_discussion.is_some_and(|d| day >= d)
    }

    /// Opens the discussion due.
    pub fn open(&mut self) {
        if self.discussing.is_none() {
            self.discussing = Some(self.held);
        }
    }

    /// The room has discussed: play on until the next one.
    pub fn close(&mut self, horizon: u32) {
        if self.discussing.take().is_some() {
            self.held += 1;
            let every = self.preset.discuss_every_days().unwrap_or(u32::MAX);
            self.next_discussion = self
                .next_discussion
                .and_then(|d| d.checked_add(every))
                .filter(|&d| d < horizon);
        }
    }

    /// Real seconds of play left to the horizon at this session's pace, from `day` and `tick`.
    pub fn seconds_left(&self, scenario: &Scenario, day: u32, tick: u32) -> Option<f32> {
        let rate = self.rate?;
        let tpd = scenario.ticks_per_day();
        let left = (scenario.horizon_days.saturating_sub(day) * tpd).saturating_sub(tick);
        Some(left as f32 / rate)
    }

    /// The question for discussion `n`: the scenario's, in order, or the game's general ones.
    pub fn question(scenario: &Scenario, n: usize, lang: Lang) -> String {
        match scenario.workshop.as_ref().map(|w| &w.questions) {
            Some(q) if !q.is_empty() => q[n % q.len()].get(lang).to_string(),
            _ => {
                let key = [
                    "discuss-general-1",
                    "discuss-general-2",
                    "discuss-general-3",
                ][n % 3];
                crate::i18n::message(lang, key, None)
            }
        }
    }
}
