//! Session codes: the same world for every team in a room. A trainer makes a code
//! (`customer-first code`); each team types it on the title screen (or `play --code`,
//! `run --code`) and gets the identical world: the same scenario, seed and session preset.
//!
//! A code is ten symbols of Crockford's base32 (no I, L, O or U to misread; typed in either case,
//! `I`/`L` read as 1 and `O` as 0, dashes and spaces ignored), shown as `XXXX-XXXX-XX`. Nine
//! symbols hold 45 bits: which bundled scenario (4 bits; 0 for a scenario file of the trainer's
//! own), the session preset (3 bits), the seed (24 bits) and a fingerprint of the scenario and its
//! dilemma deck as read (14 bits), so that a code made for an edited or another scenario says so
//! instead of quietly giving a different world. The tenth is Crockford's check symbol (the value
//! mod 37), which catches any single mistyped symbol and most swapped pairs.

use crate::diagnostics::Msg;
use crate::dilemmas::Deck;
use crate::scenario::Scenario;

/// Crockford's base32 symbols.
const SYMBOLS: &[u8; 32] = b"0123456789ABCDEFGHJKMNPQRSTVWXYZ";
/// The check symbols: the 32 above and five more (value mod 37).
const CHECK: &[u8; 37] = b"0123456789ABCDEFGHJKMNPQRSTVWXYZ*~$=U";

const SCENARIO_BITS: u32 = 4;
const PRESET_BITS: u32 = 3;
pub const SEED_BITS: u32 = 24;
const FINGERPRINT_BITS: u32 = 14;
/// Symbols before the check symbol.
const BODY: usize = 9;

/// How a session runs: free play, or a timed workshop that fits the scenario's whole horizon
/// into the room's minutes, stops for the room to discuss at fixed moments, and has every team
/// meet the scenario's workshop dilemmas on the same days.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, serde::Serialize, serde::Deserialize)]
pub enum Preset {
    /// The game as it always plays: the player sets the pace.
    #[default]
    Free,
    /// A 20-minute workshop: about 14 minutes of play, a discussion at the end of each year.
    Workshop20,
    /// A 45-minute workshop: about 30 minutes of play, a discussion every half year.
    Workshop45,
}

impl Preset {
    pub const ALL: [Preset; 3] = [Preset::Free, Preset::Workshop20, Preset::Workshop45];

    fn bits(self) -> u64 {
        match self {
            Preset::Free => 0,
            Preset::Workshop20 => 1,
            Preset::Workshop45 => 2,
        }
    }

    fn from_bits(b: u64) -> Option<Preset> {
        Preset::ALL.into_iter().find(|p| p.bits() == b)
    }

    /// Reads `20`, `45` or `free` (as `--session` takes it).
    pub fn parse(text: &str) -> Option<Preset> {
        match text.trim().to_ascii_lowercase().as_str() {
            "free" | "0" => Some(Preset::Free),
            "20" => Some(Preset::Workshop20),
            "45" => Some(Preset::Workshop45),
            _ => None,
        }
    }

    /// The catalogue key of its name.
    pub fn label_key(self) -> &'static str {
        match self {
            Preset::Free => "preset-free",
            Preset::Workshop20 => "preset-20",
            Preset::Workshop45 => "preset-45",
        }
    }

    /// Whether the session is timed.
    pub fn timed(self) -> bool {
        self != Preset::Free
    }

    /// Real minutes of play the scenario's horizon takes (the rest of the session is the
    /// briefing and the discussions).
    pub fn play_minutes(self) -> Option<f64> {
        match self {
            Preset::Free => None,
            Preset::Workshop20 => Some(14.0),
            Preset::Workshop45 => Some(30.0),
        }
    }

    /// Simulated days between the room's discussions (four quarters, or two).
    pub fn discuss_every_days(self) -> Option<u32> {
        match self {
            Preset::Free => None,
            Preset::Workshop20 => Some(4 * 91),
            Preset::Workshop45 => Some(2 * 91),
        }
    }

    /// Model ticks per real second that fit `scenario`'s horizon into the play minutes.
    pub fn ticks_per_second(self, scenario: &Scenario) -> Option<f64> {
        let minutes = self.play_minutes()?;
        let ticks = scenario.horizon_days as f64 * scenario.ticks_per_day() as f64;
        Some(ticks / (minutes * 60.0))
    }

    /// The deck a session plays with: in a timed session each of the scenario's workshop
    /// dilemmas comes on its fixed day for every team (whatever its usual trigger says); free
    /// play keeps the deck as it is. The scenario and deck come from the world loader
    /// (`headless::setup`), which refuses a workshop naming a card the deck lacks
    /// ([`crate::dilemmas::check_with_scenario`]), so every fixed dilemma is found here.
    pub fn deck(self, scenario: &Scenario, deck: Option<&Deck>) -> Option<Deck> {
        let mut deck = deck.cloned()?;
        if let (true, Some(w)) = (self.timed(), &scenario.workshop) {
            for fixed in &w.fixed_dilemmas {
                if let Some(d) = deck.dilemmas.iter_mut().find(|d| d.id == fixed.dilemma) {
                    d.when = crate::dilemmas::Trigger {
                        from_day: fixed.day,
                        to_day: fixed.day,
                        conditions: Vec::new(),
                        chance_per_day: 1.0,
                    };
                }
            }
        }
        Some(deck)
    }
}

/// What a code says.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct SessionCode {
    /// The bundled scenario (its place in [`crate::bundle::ALL`]), or None for a
    /// scenario file of the trainer's own.
    pub bundled: Option<usize>,
    pub preset: Preset,
    /// The world's seed (below 2^24).
    pub seed: u64,
    /// The scenario and deck the code was made for ([`fingerprint`]).
    pub fingerprint: u16,
}

/// A hash of a scenario and its deck as read (comments and layout do not count; every value
/// does): 64 bits of FNV-1a over their RON. Results files carry it, so that the class view ranks
/// together only teams that played the same scenario.
pub fn scenario_hash(scenario: &Scenario, deck: Option<&Deck>) -> u64 {
    let config = ron::ser::PrettyConfig::default();
    let mut text = ron::ser::to_string_pretty(scenario, config.clone()).unwrap_or_default();
    text.push('\n');
    if let Some(d) = deck {
        text.push_str(&ron::ser::to_string_pretty(d, config).unwrap_or_default());
    }
    crate::hash::fnv1a(text.as_bytes())
}

/// A short hash of a scenario and its deck as read: [`scenario_hash`] folded to
/// [`FINGERPRINT_BITS`] bits.
pub fn fingerprint(scenario: &Scenario, deck: Option<&Deck>) -> u16 {
    let h = scenario_hash(scenario, deck);
    // Folded, so every bit of the hash counts.
    let folded = (h ^ (h >> 14) ^ (h >> 28) ^ (h >> 42) ^ (h >> 56)) as u16;
    folded & ((1 << FINGERPRINT_BITS) - 1)
}

impl SessionCode {
    /// The same code for another session preset.
    pub fn with_preset(mut self, preset: Preset) -> SessionCode {
        self.preset = preset;
        self
    }

    /// The code for `scenario` (with `deck`) at `seed` (taken modulo 2^24).
    pub fn new(
        scenario: &Scenario,
        deck: Option<&Deck>,
        bundled: Option<usize>,
        seed: u64,
    ) -> SessionCode {
        SessionCode {
            bundled: bundled.filter(|&i| i + 1 < (1 << SCENARIO_BITS)),
            preset: Preset::Free,
            seed: seed & ((1 << SEED_BITS) - 1),
            fingerprint: fingerprint(scenario, deck),
        }
    }

    fn value(&self) -> u64 {
        let scenario = self.bundled.map_or(0, |i| i as u64 + 1);
        let mut v = scenario;
        v = (v << PRESET_BITS) | self.preset.bits();
        v = (v << SEED_BITS) | self.seed;
        (v << FINGERPRINT_BITS) | self.fingerprint as u64
    }

    /// The code as people type it: `XXXX-XXXX-XX`.
    pub fn text(&self) -> String {
        let v = self.value();
        let mut symbols: Vec<u8> = (0..BODY)
            .rev()
            .map(|k| SYMBOLS[((v >> (5 * k)) & 31) as usize])
            .collect();
        symbols.push(CHECK[(v % 37) as usize]);
        let s = String::from_utf8(symbols).unwrap_or_default();
        format!("{}-{}-{}", &s[0..4], &s[4..8], &s[8..10])
    }

    /// Reads a code as typed. A wrong length, a symbol that is not in the alphabet (with its
    /// place), a check symbol that does not match (a mistyped code), or a preset or scenario this
    /// build does not know is a message saying so.
    pub fn parse(typed: &str) -> Result<SessionCode, Msg> {
        let symbols: Vec<char> = typed
            .chars()
            .filter(|c| !c.is_whitespace() && *c != '-')
            .map(|c| c.to_ascii_uppercase())
            .map(|c| match c {
                'I' | 'L' => '1',
                'O' => '0',
                c => c,
            })
            .collect();
        if symbols.len() != BODY + 1 {
            return Err(crate::msg!(
                "code-length",
                code = typed.trim(),
                n = symbols.len()
            ));
        }
        let mut v = 0u64;
        for (i, c) in symbols[..BODY].iter().enumerate() {
            let Some(d) = SYMBOLS.iter().position(|s| *s as char == *c) else {
                return Err(crate::msg!(
                    "code-symbol",
                    code = typed.trim(),
                    symbol = c.to_string(),
                    at = i + 1
                ));
            };
            v = (v << 5) | d as u64;
        }
        let check = symbols[BODY];
        if CHECK.get((v % 37) as usize).map(|s| *s as char) != Some(check) {
            return Err(crate::msg!("code-mistyped", code = typed.trim()));
        }
        let fingerprint = (v & ((1 << FINGERPRINT_BITS) - 1)) as u16;
        let rest = v >> FINGERPRINT_BITS;
        let seed = rest & ((1 << SEED_BITS) - 1);
        let rest = rest >> SEED_BITS;
        let preset = Preset::from_bits(rest & ((1 << PRESET_BITS) - 1))
            .ok_or_else(|| crate::msg!("code-newer", code = typed.trim()))?;
        let scenario = rest >> PRESET_BITS;
        let bundled = match scenario {
            0 => None,
            k if (k as usize) <= crate::bundle::ALL.len() => Some(k as usize - 1),
            _ => return Err(crate::msg!("code-newer", code = typed.trim())),
        };
        Ok(SessionCode {
            bundled,
            preset,
            seed,
            fingerprint,
        })
    }

    /// Whether `scenario` (with `deck`) is the one this code was made for; if not, a message
    /// that says which was expected.
    pub fn check(&self, scenario: &Scenario, deck: Option<&Deck>) -> Result<(), Msg> {
        if fingerprint(scenario, deck) == self.fingerprint {
            return Ok(());
        }
        let code = self.text();
        Err(match self.bundled {
            Some(_) => crate::msg!("code-other-version", code = code),
            None => crate::msg!("code-other-file", code = code),
        })
    }
}

/// A fresh seed for a new code (from the operating system: every session its own world).
pub fn fresh_seed() -> u64 {
    getrandom::u64().unwrap_or(0) & ((1 << SEED_BITS) - 1)
}
