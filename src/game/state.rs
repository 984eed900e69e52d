//! The game's shared state that every part reads: which screen is on, the order of a frame's
//! systems, what to play ([`Setup`]), and moving between screens ([`Flow`]). A leaf: it uses the
//! data layer and the loader, never another file of the game.

use bevy::ecs::system::SystemParam;
use bevy::prelude::*;

use crate::dilemmas::Deck;
use crate::scenario::Scenario;

#[derive(States, Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum Screen {
    #[default]
    Title,
    Playing,
    End,
    /// The trainer's class view: every team's results side by side.
    Class,
}

/// Per-frame order: read the player's input, advance the model, then update the view.
#[derive(SystemSet, Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum GameSet {
    Input,
    Model,
    View,
}

/// The order of the egui pass: the look, the screen, then what the screen changed.
#[derive(SystemSet, Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum UiSet {
    Begin,
    Screens,
    End,
}

/// What to play: chosen on the title screen, or given on the command line.
#[derive(Resource, Debug, Clone)]
pub struct Setup {
    /// The bundled scenarios (file name, scenario, its deck), in title-screen order.
    pub scenarios: Vec<(String, Scenario, Option<Deck>)>,
    pub chosen: usize,
    pub seed: u64,
    pub seed_text: String,
    /// The session code typed on the title screen, and what came of the last attempt to join.
    pub code_text: String,
    pub code_status: Option<Result<String, crate::diagnostics::Msg>>,
    /// The session joined, while the chosen scenario and seed are the ones it names.
    pub code: Option<crate::session::SessionCode>,
    /// The team's name, for its results file.
    pub team: String,
    /// Free play or a timed workshop (chosen on the title screen, or the session code's).
    pub preset: crate::session::Preset,
    /// A new game opens on the scenario's briefing (the window does; the tests start at once).
    pub brief: bool,
    /// The first-run guide runs on the default scenario (until the player finishes or skips it).
    pub guide: bool,
}

impl Setup {
    /// The bundled scenarios, the default chosen, its own seed.
    pub fn bundled() -> Self {
        let scenarios: Vec<_> = crate::headless::setup::every_bundled()
            .into_iter()
            .map(|l| (l.path.display().to_string(), l.scenario, l.deck))
            .collect();
        let seed = scenarios.first().map_or(1, |s| s.1.seed);
        Setup {
            scenarios,
            chosen: 0,
            seed,
            seed_text: seed.to_string(),
            code_text: String::new(),
            code_status: None,
            code: None,
            team: String::new(),
            preset: crate::session::Preset::Free,
            brief: false,
            guide: false,
        }
    }

    /// Adds (or selects) a scenario loaded from a file.
    pub fn with_scenario(mut self, name: String, s: Scenario, deck: Option<Deck>) -> Self {
        self.seed = s.seed;
        self.seed_text = s.seed.to_string();
        self.scenarios.insert(0, (name, s, deck));
        self.chosen = 0;
        self
    }

    pub fn with_seed(mut self, seed: u64) -> Self {
        self.seed = seed;
        self.seed_text = seed.to_string();
        self
    }

    pub fn choose(&mut self, i: usize) {
        if let Some(s) = self.scenarios.get(i) {
            self.code = None;
            self.chosen = i;
            self.seed = s.1.seed;
            self.seed_text = self.seed.to_string();
        }
    }

    /// No team name usable in a results file has been typed.
    pub fn team_missing(&self) -> bool {
        crate::headless::results_file::team_name(&self.team).is_err()
    }

    pub fn scenario(&self) -> Option<&(String, Scenario, Option<Deck>)> {
        self.scenarios.get(self.chosen)
    }

    /// Chooses the world a session code names: among the scenarios on offer (the bundled ones,
    /// and a file the game was opened with), the one the code was made for, at the code's seed.
    /// A code for a scenario not on offer (another version of it, a trainer's own file not
    /// opened) is refused with a message saying so, and nothing changes.
    pub fn join(
        &mut self,
        code: &crate::session::SessionCode,
    ) -> Result<(), crate::diagnostics::Msg> {
        let found = self.scenarios.iter().position(|(_, s, deck)| {
            crate::session::fingerprint(s, deck.as_ref()) == code.fingerprint
        });
        let Some(i) = found else {
            let text = code.text();
            return Err(match code.bundled {
                Some(_) => crate::msg!("code-other-version", code = text),
                None => crate::msg!("code-other-file", code = text),
            });
        };
        self.choose(i);
        self.seed = code.seed;
        self.seed_text = code.seed.to_string();
        self.code = Some(*code);
        self.preset = code.preset;
        Ok(())
    }
}

/// Asks for a new game with the current setup (from the title, "play again" or the CLI).
#[derive(Message, Debug, Clone, Copy)]
pub struct StartGame;

/// Moving between screens and out of the game.
#[derive(SystemParam)]
pub struct Flow<'w> {
    pub start: MessageWriter<'w, StartGame>,
    pub next: ResMut<'w, NextState<Screen>>,
    pub exit: MessageWriter<'w, AppExit>,
}
