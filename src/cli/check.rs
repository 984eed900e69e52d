//! `customer-first check`: validates files of every kind the game reads, reports every problem
//! at once, and says what it took each file for.

use crate::i18n::Lang;
use crate::tr;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use clap::{Args, ValueEnum};

use crate::diagnostics::{FileProblems, MAX_FILE_BYTES, Problem, read_text_with_limit};
use crate::dilemmas::Deck;
use crate::headless::results_file::{MAX_RESULTS_BYTES, ResultsFile};
use crate::headless::save;
use crate::headless::setup::{self, Loaded};
use crate::policy::Policy;
use crate::say;
use crate::scenario::Scenario;
use crate::settings::Settings;

use super::BAD_INPUT;

#[derive(Args)]
pub struct CheckArgs {
    /// What the files are; without it, each file's kind is told from its top-level fields.
    #[arg(long, value_enum)]
    pub kind: Option<Kind>,
    /// Print each file as it is read: a scenario or deck that builds on another (`base:`) with
    /// its base merged in (a file without a base as it is).
    #[arg(long)]
    pub resolved: bool,
    #[arg(required = true)]
    pub files: Vec<PathBuf>,
}

/// The kinds of file the game reads.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Kind {
    Scenario,
    Policy,
    Save,
    Deck,
    Settings,
    /// A team's results file (`run --results`, the game's end screen), for the class view.
    Results,
}

impl Kind {
    /// The kind whose schema has these top-level fields, if one does: each kind has a field
    /// no other kind has at its top level.
    fn from_fields(fields: &[String]) -> Option<Kind> {
        let has = |f: &str| fields.iter().any(|x| x == f);
        // A results file's first field says what it is (`kind: "customer-first results"`); it
        // also has a format version, so it is told apart from a save first.
        if has("kind") {
            Some(Kind::Results)
        } else if has("format_version") {
            Some(Kind::Save)
        } else if has("segments") || has("calendar") || has("start_levers") {
            Some(Kind::Scenario)
        } else if has("changes") || has("choices") {
            Some(Kind::Policy)
        } else if has("dilemmas") {
            Some(Kind::Deck)
        } else if ["ui_scale", "autosave_days", "speed", "saves_dir"]
            .iter()
            .any(|f| has(f))
        {
            Some(Kind::Settings)
        } else {
            None
        }
    }
}

/// The field names at the top level of a RON struct, `(a: 1, b: (c: 2))` → `[a, b]`: a small
/// scan that skips strings, characters and comments and needs no valid file.
pub fn top_level_fields(text: &str) -> Vec<String> {
    let mut fields = Vec::new();
    let mut depth = 0usize;
    let mut chars = text.char_indices().peekable();
    let mut word = String::new();
    while let Some((_, c)) = chars.next() {
        match c {
            '"' => {
                // A string: skip to its closing quote (escapes included).
                while let Some((_, s)) = chars.next() {
                    match s {
                        '\\' => {
                            chars.next();
                        }
                        '"' => break,
                        _ => {}
                    }
                }
                word.clear();
            }
            '/' if chars.peek().is_some_and(|(_, n)| *n == '/') => {
                for (_, s) in chars.by_ref() {
                    if s == '\n' {
                        break;
                    }
                }
            }
            '/' if chars.peek().is_some_and(|(_, n)| *n == '*') => {
                let mut last = ' ';
                for (_, s) in chars.by_ref() {
                    if last == '*' && s == '/' {
                        break;
                    }
                    last = s;
                }
            }
            '(' | '[' | '{' => {
                depth += 1;
                word.clear();
            }
            ')' | ']' | '}' => {
                depth = depth.saturating_sub(1);
                word.clear();
            }
            ':' if depth == 1 && !word.is_empty() => {
                fields.push(std::mem::take(&mut word));
            }
            c if c.is_alphanumeric() || c == '_' => word.push(c),
            c if c.is_whitespace() => {
                // "name :" keeps its word; "a b" starts a new one.
                if chars
                    .peek()
                    .is_some_and(|(_, n)| *n != ':' && !n.is_whitespace())
                {
                    word.clear();
                }
            }
            _ => word.clear(),
        }
    }
    fields
}

/// Texts missing a language: (field path, language).
type Missing = Vec<(String, Lang)>;

pub fn check(args: CheckArgs, lang: Lang) -> ExitCode {
    let mut bad = false;
    for f in &args.files {
        if args.resolved {
            // The file as it is read, printed first, so that a problem the checks below find in
            // the merged file can be looked up in it.
            let text = read_text_with_limit(f, MAX_FILE_BYTES).and_then(|t| {
                crate::inherit::resolve(f, &t, &crate::inherit::FromFiles).map(|(r, _)| r)
            });
            match text {
                Ok(t) => say!("{t}"),
                Err(e) => eprintln!("{}", e.render(lang)),
            }
        }
        match check_file(f, args.kind, lang) {
            Ok((what, missing)) => {
                say!("{}: ok: {what}", f.display());
                // A missing translation is shown in English: a warning, not a failure.
                for (path, l) in missing {
                    eprintln!(
                        "{}: {}: {path}: {}",
                        f.display(),
                        tr!(lang, "diag-warning"),
                        tr!(lang, "cli-missing-translation", lang = l.code())
                    );
                }
            }
            Err(e) => {
                eprintln!("{e}");
                bad = true;
            }
        }
    }
    if bad {
        ExitCode::from(BAD_INPUT)
    } else {
        ExitCode::SUCCESS
    }
}

/// Checks one file as `kind` (told from its fields if None); what it was, or every problem.
fn check_file(f: &Path, kind: Option<Kind>, lang: Lang) -> Result<(String, Missing), String> {
    // Saves may be large; other files must stay under the ordinary limit.
    let limit = match kind {
        Some(Kind::Save) | None => save::MAX_SAVE_BYTES,
        Some(Kind::Results) => MAX_RESULTS_BYTES,
        Some(_) => MAX_FILE_BYTES,
    };
    let text = read_text_with_limit(f, limit).map_err(|e| e.render(lang))?;
    // A scenario or a deck that builds on another (`base:`) is checked as resolved, and its kind
    // told from the resolved fields; the other kinds have no base (their readers refuse one, as
    // `run --policy` does, so a policy's `base:` is refused here too).
    let resolved = match kind {
        Some(Kind::Scenario | Kind::Deck) | None => {
            crate::inherit::resolve(f, &text, &crate::inherit::FromFiles)
                .map_err(|e| e.render(lang))?
                .0
        }
        Some(_) => text.clone(),
    };
    let (kind, told) = match kind {
        Some(k) => (k, tr!(lang, "cli-check-as-asked")),
        None => match Kind::from_fields(&top_level_fields(&resolved)) {
            Some(k) => (k, tr!(lang, "cli-check-by-fields")),
            // Most files are scenarios; its parser says best what is wrong with a broken one.
            None => (Kind::Scenario, tr!(lang, "cli-check-by-default")),
        },
    };
    let kind_name = match kind {
        Kind::Scenario => tr!(lang, "cli-kind-scenario"),
        Kind::Policy => tr!(lang, "cli-kind-policy"),
        Kind::Save => tr!(lang, "cli-kind-save"),
        Kind::Deck => tr!(lang, "cli-kind-deck"),
        Kind::Settings => tr!(lang, "cli-kind-settings"),
        Kind::Results => tr!(lang, "cli-kind-results"),
    };
    let text = match kind {
        Kind::Scenario | Kind::Deck => resolved,
        _ => text,
    };
    let most = match kind {
        Kind::Save => save::MAX_SAVE_BYTES,
        Kind::Results => MAX_RESULTS_BYTES,
        _ => MAX_FILE_BYTES,
    };
    if text.len() as u64 > most {
        let e = FileProblems::single(
            f,
            Problem::Io {
                message: crate::diagnostics::too_big(text.len() as u64, most),
            },
        );
        return Err(e.render(lang));
    }
    let what = match kind {
        Kind::Results => ResultsFile::from_ron(f, &text).map(|r| {
            let mut said = tr!(
                lang,
                "cli-check-results",
                team = r.team.as_str(),
                name = r.scenario.name.get(lang),
                seed = r.seed
            );
            // Said, not refused: the hash catches accidents, and the class view replays every
            // file whatever its hash says.
            if !r.intact() {
                said.push_str("; ");
                said.push_str(&tr!(lang, "cli-check-results-edited"));
            }
            (said, Vec::new())
        }),
        Kind::Save => save::from_ron(f, &text).map(|s| {
            (
                tr!(
                    lang,
                    "cli-check-save",
                    name = s.scenario.name.get(lang),
                    day = s.day,
                    format = s.format_version
                ),
                Vec::new(),
            )
        }),
        Kind::Settings => Settings::from_ron(f, &text).map(|s| {
            (
                tr!(
                    lang,
                    "cli-check-settings",
                    scale = s.ui_scale.to_string(),
                    days = s.autosave_days
                ),
                Vec::new(),
            )
        }),
        Kind::Deck => Deck::from_ron(f, &text).map(|d| {
            (
                tr!(lang, "cli-check-deck", n = d.dilemmas.len()),
                d.missing_translations(),
            )
        }),
        Kind::Policy => Policy::from_ron(f, &text).map(|p| {
            (
                tr!(
                    lang,
                    "cli-check-policy",
                    name = p.title().get(lang),
                    n = p.changes.len()
                ),
                p.missing_translations(),
            )
        }),
        Kind::Scenario => Scenario::from_ron(f, &text).and_then(|s| {
            // The deck it names must load too, and agree with it (the loader's own check).
            let Loaded {
                scenario: s, deck, ..
            } = setup::with_deck(f, s)?;
            // The calibration policies it names must load and fit it, as `calibrate` needs.
            if let Some((thoughtful, careless)) = setup::calibration_files(f, &s) {
                for (field, file) in [("thoughtful", thoughtful), ("careless", careless)] {
                    setup::policy_for(&file, &s, deck.as_ref()).map_err(|e| {
                        FileProblems::single(
                            f,
                            Problem::Invalid {
                                path: format!("winning.calibration.{field}"),
                                message: crate::msg!(
                                    "check-calibration-policy",
                                    file = file.display(),
                                    problem = e.render(lang)
                                ),
                            },
                        )
                    })?;
                }
            }
            Ok((
                tr!(
                    lang,
                    "cli-check-scenario",
                    name = s.name.get(lang),
                    segments = s.segments.len(),
                    days = s.horizon_days,
                    dilemmas = deck.map_or(0, |d| d.dilemmas.len())
                ),
                s.missing_translations(),
            ))
        }),
    };
    match what {
        Ok((w, missing)) => Ok((
            tr!(
                lang,
                "cli-check-read-as",
                what = w,
                kind = kind_name,
                how = told
            ),
            missing,
        )),
        // Say what the file was read as, so a wrong guess is plain to see.
        Err(e) => Err(format!(
            "{}\n{}: {}: {}",
            e.render(lang),
            f.display(),
            tr!(lang, "diag-note"),
            tr!(lang, "cli-check-note", kind = kind_name, how = told)
        )),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn top_level_fields_skip_nesting_strings_and_comments() {
        let text = "// changes: a comment\n(name: \"a (b: c)\", set: (price: 1.0), /* x: y */ list: [(day: 1)])";
        assert_eq!(top_level_fields(text), ["name", "set", "list"]);
    }

    #[test]
    fn each_kind_is_told_from_its_fields() {
        let kind = |t: &str| Kind::from_fields(&top_level_fields(t));
        assert_eq!(kind("(name: \"p\", changes: [])"), Some(Kind::Policy));
        assert_eq!(kind("(dilemmas: [])"), Some(Kind::Deck));
        assert_eq!(kind("(ui_scale: 1.0)"), Some(Kind::Settings));
        assert_eq!(kind("(format_version: 2, day: 3)"), Some(Kind::Save));
        assert_eq!(
            kind("(name: \"s\", dilemmas: \"d.ron\", segments: [])"),
            Some(Kind::Scenario)
        );
        assert_eq!(kind("(name: \"?\")"), None);
        assert_eq!(
            kind("(kind: \"customer-first results\", format_version: 1, team: \"t\")"),
            Some(Kind::Results)
        );
    }
}
