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

/// How a session runs. Only free play exists so far; timed workshop presets will take the other
/// values (a code with a value this build does not know is refused, not misread).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Preset {
    /// The game as it always plays: the player sets the pace.
    Free,
}

impl Preset {
    fn bits(self) -> u64 {
        match self {
            Preset::Free => 0,
        }
    }

    fn from_bits(b: u64) -> Option<Preset> {
        match b {
            0 => Some(Preset::Free),
            _ => None,
        }
    }
}

/// What a code says.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct SessionCode {
    /// The bundled scenario (its place in [`crate::scenario::bundled::ALL`]), or None for a
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
    crate::sweep::fnv1a(text.as_bytes())
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
            k if (k as usize) <= crate::scenario::bundled::ALL.len() => Some(k as usize - 1),
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
