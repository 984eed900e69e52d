//! `customer-first code`: a session code for a workshop ([`crate::session`]).

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use clap::Args;

use crate::headless::setup;
use crate::i18n::Lang;
use crate::session::{SEED_BITS, SessionCode, fresh_seed};
use crate::{say, tr};

use super::{bad_argument, report};

#[derive(Args)]
pub struct CodeArgs {
    /// Scenario: a bundled one by its file name (cafe, software, call-centre, car-maker, hotel, tutorial-cafe), or a
    /// scenario file (RON) of your own (every team then needs the same file); the bundled café if
    /// omitted.
    #[arg(long)]
    pub scenario: Option<PathBuf>,
    /// The world's seed (below 16,777,216); a fresh one if omitted, so every session has its own
    /// world.
    #[arg(long)]
    pub seed: Option<u64>,
    /// A timed workshop: 20 or 45 (minutes; the whole horizon fits in them, with discussions),
    /// or free (the default: every team sets its own pace).
    #[arg(long, value_parser = super::parse_preset)]
    pub session: Option<crate::session::Preset>,
}

/// The bundled scenario `name` names when it is not a file: `cafe`, `software.ron`.
fn bundled_named(name: &Path) -> Option<usize> {
    if name.exists() {
        return None;
    }
    crate::bundle::named(name.to_str()?)
}

/// Which bundled scenario (with its deck) has this fingerprint: a file that is a bundled
/// scenario as shipped gets that scenario's code, which needs no file.
fn bundled_with(fingerprint: u16) -> Option<usize> {
    setup::every_bundled()
        .into_iter()
        .find(|l| crate::session::fingerprint(&l.scenario, l.deck.as_ref()) == fingerprint)
        .and_then(|l| l.bundled)
}

pub fn code(args: CodeArgs, lang: Lang) -> ExitCode {
    let loaded = match args.scenario.as_deref() {
        None => setup::bundled(crate::bundle::DEFAULT),
        Some(p) => match bundled_named(p) {
            Some(i) => setup::bundled(i),
            None => setup::file(p),
        },
    };
    let setup::Loaded {
        path: file,
        scenario: s,
        deck,
        bundled: index,
    } = match loaded {
        Ok(l) => l,
        Err(e) => return report(&e),
    };
    let seed = match args.seed {
        Some(n) if n >= 1 << SEED_BITS => {
            return bad_argument(
                &file,
                "--seed",
                crate::msg!("code-seed-range", got = n, max = (1u64 << SEED_BITS) - 1),
            );
        }
        Some(n) => n,
        None => fresh_seed(),
    };
    // A bundled scenario's code names it; the fingerprint says which version of it.
    let print = crate::session::fingerprint(&s, deck.as_ref());
    let index = index.or_else(|| bundled_with(print));
    let preset = args.session.unwrap_or_default();
    let code = SessionCode::new(&s, deck.as_ref(), index, seed).with_preset(preset);
    say!(
        "{}",
        tr!(
            lang,
            "code-made",
            code = code.text(),
            scenario = s.name.get(lang),
            seed = seed
        )
    );
    let how = match index {
        Some(_) => tr!(lang, "code-how", code = code.text()),
        None => tr!(
            lang,
            "code-how-file",
            code = code.text(),
            file = file.display().to_string()
        ),
    };
    say!("{how}");
    if preset.timed() {
        say!(
            "{}",
            tr!(
                lang,
                "code-session",
                session = crate::i18n::message(lang, preset.label_key(), None)
            )
        );
    }
    ExitCode::SUCCESS
}
