//! The translation catalogues: both parse, hold the same keys, every key the code uses exists in
//! each, no key is dead, the Chinese font draws every character shipped, and the words a person
//! reads come out in the language asked for.

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

use customer_first::i18n::{self, CATALOGUES, Lang, catalogue_keys, check_catalogue};
use customer_first::levers::{Lever, RecoveryPolicy, ServiceLevel};
use customer_first::sim::EndReason;
use customer_first::sim::advisor::Pattern;
use customer_first::thoughts::ThoughtKind;

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

fn files_under(dir: &Path, ext: &str, out: &mut Vec<PathBuf>) {
    let mut entries: Vec<_> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    entries.sort();
    for p in entries {
        if p.is_dir() {
            files_under(&p, ext, out);
        } else if p.extension().is_some_and(|e| e == ext) {
            out.push(p);
        }
    }
}

fn sources() -> Vec<(PathBuf, String)> {
    let mut files = Vec::new();
    files_under(&root().join("src"), "rs", &mut files);
    files
        .into_iter()
        .map(|f| {
            // Comments may show examples (`tr!(lang, "key")`); only code counts.
            let text = std::fs::read_to_string(&f)
                .unwrap()
                .lines()
                .filter(|l| !l.trim_start().starts_with("//"))
                .collect::<Vec<_>>()
                .join("\n");
            (f, text)
        })
        .collect()
}

/// The key of every `tr!(lang, "key"…)` in the code.
fn keys_in_tr_calls(text: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut rest = text;
    while let Some(at) = rest.find("tr!(") {
        rest = &rest[at + 4..];
        // Skip the language expression: up to the first comma outside brackets.
        let mut depth = 0i32;
        let mut comma = None;
        for (i, c) in rest.char_indices() {
            match c {
                '(' | '[' | '{' => depth += 1,
                ')' | ']' | '}' if depth == 0 => break,
                ')' | ']' | '}' => depth -= 1,
                ',' if depth == 0 => {
                    comma = Some(i);
                    break;
                }
                _ => {}
            }
        }
        let Some(comma) = comma else { continue };
        let after = rest[comma + 1..].trim_start();
        if let Some(lit) = after.strip_prefix('"')
            && let Some(end) = lit.find('"')
        {
            out.push(lit[..end].to_string());
        }
    }
    out
}

/// The key of every `msg!("key"…)` in the code (a problem's message, rendered later).
fn keys_in_msg_calls(text: &str) -> Vec<String> {
    text.split("msg!(")
        .skip(1)
        .filter_map(|rest| {
            let lit = rest.trim_start().strip_prefix('"')?;
            Some(lit[..lit.find('"')?].to_string())
        })
        .collect()
}

/// Every string literal in the code that reads like a catalogue key (`kebab-case`).
fn kebab_literals(text: &str) -> BTreeSet<String> {
    let mut out = BTreeSet::new();
    for piece in string_literals(text) {
        let piece = piece.as_str();
        let kebab = piece.contains('-')
            && piece.starts_with(|c: char| c.is_ascii_lowercase())
            && piece
                .chars()
                .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-');
        if kebab {
            out.insert(piece.to_string());
        }
    }
    out
}

/// The contents of the string literals in Rust code (escapes skipped; a `'"'` is a char).
fn string_literals(text: &str) -> Vec<String> {
    let chars: Vec<char> = text.chars().collect();
    let mut out = Vec::new();
    let mut i = 0;
    while i < chars.len() {
        if chars[i] == '\'' && chars.get(i + 2) == Some(&'\'') {
            i += 3;
        } else if chars[i] == '"' {
            let mut lit = String::new();
            i += 1;
            while i < chars.len() && chars[i] != '"' {
                if chars[i] == '\\' {
                    i += 1;
                }
                if let Some(c) = chars.get(i) {
                    lit.push(*c);
                }
                i += 1;
            }
            out.push(lit);
            i += 1;
        } else {
            i += 1;
        }
    }
    out
}

/// Keys the code builds from its enums and tables rather than writing them out.
fn built_keys() -> BTreeSet<String> {
    let mut keys = BTreeSet::new();
    for l in Lever::ALL {
        keys.insert(l.label_key().to_string());
        keys.insert(format!("{}-hint", l.label_key()));
    }
    keys.extend(ServiceLevel::ALL.map(|l| l.label_key().to_string()));
    keys.extend(RecoveryPolicy::ALL.map(|r| r.label_key().to_string()));
    for k in ThoughtKind::ALL {
        keys.insert(k.key());
        keys.insert(format!("{}-hint", k.key()));
    }
    for c in ["drifted_away", "none"] {
        let (label, hint) = customer_first::headless::report::cause_label(c, Lang::En);
        assert!(!label.is_empty() && !hint.is_empty());
    }
    keys.extend(
        [
            "cause-drifted-away",
            "cause-drifted-away-hint",
            "cause-none",
            "cause-none-hint",
        ]
        .map(String::from),
    );
    for p in Pattern::ALL {
        keys.insert(format!("advice-{}", p.id().replace('_', "-")));
    }
    for e in [
        EndReason::HorizonReached,
        EndReason::CashRanOut,
        EndReason::BoardReplacedYou,
        EndReason::EndedByPlayer,
    ] {
        keys.insert(e.key().to_string());
    }
    for c in customer_first::headless::charts::CHARTS {
        keys.insert(c.title.to_string());
        keys.extend(c.series.iter().map(|s| s.name.to_string()));
    }
    keys
}

fn catalogue(lang: Lang) -> &'static str {
    CATALOGUES.iter().find(|(l, _)| *l == lang).unwrap().1
}

#[test]
fn both_catalogues_parse_and_hold_the_same_keys_in_the_same_order() {
    let en = catalogue_keys(catalogue(Lang::En));
    assert!(en.len() > 200, "{} keys", en.len());
    for (lang, text) in CATALOGUES {
        check_catalogue(lang, text).unwrap();
        let keys = catalogue_keys(text);
        let missing: Vec<_> = en.iter().filter(|k| !keys.contains(k)).collect();
        let extra: Vec<_> = keys.iter().filter(|k| !en.contains(k)).collect();
        assert!(
            missing.is_empty() && extra.is_empty(),
            "{lang}: missing {missing:?}, not in English {extra:?}"
        );
        assert_eq!(keys, en, "{lang}: same order as en.ftl, for translators");
    }
}

#[test]
fn every_key_the_code_uses_exists_and_no_key_is_dead() {
    let mut used = built_keys();
    let mut literals = BTreeSet::new();
    for (file, text) in sources() {
        for k in keys_in_tr_calls(&text)
            .into_iter()
            .chain(keys_in_msg_calls(&text))
        {
            assert!(
                !k.is_empty(),
                "{}: a tr! call without a literal key",
                file.display()
            );
            used.insert(k);
        }
        literals.extend(kebab_literals(&text));
    }
    for lang in Lang::ALL {
        let keys: BTreeSet<String> = catalogue_keys(catalogue(lang)).into_iter().collect();
        // Keys written as plain literals (handed to `message` from a table) must exist too.
        let named = literals.iter().filter(|k| {
            k.starts_with("metric-") || k.starts_with("report-") || k.starts_with("lesson-")
        });
        let missing: Vec<_> = used
            .iter()
            .chain(named)
            .filter(|k| !keys.contains(*k))
            .collect();
        assert!(missing.is_empty(), "{lang}: used but missing {missing:?}");
        // Every chart's title has its tooltip.
        let no_hint: Vec<_> = customer_first::headless::charts::CHARTS
            .iter()
            .map(|c| format!("{}-hint", c.title))
            .filter(|k| !keys.contains(k))
            .collect();
        assert!(
            no_hint.is_empty(),
            "{lang}: charts without a tooltip {no_hint:?}"
        );
        // A metric's or a chart's one-line explanation is shown wherever its label is (a
        // tooltip).
        let is_used = |k: &str| {
            used.contains(k)
                || literals.contains(k)
                || k.strip_suffix("-hint").is_some_and(|base| {
                    (base.starts_with("metric-") || base.starts_with("chart-"))
                        && literals.contains(base)
                })
        };
        let dead: Vec<_> = keys.iter().filter(|k| !is_used(k)).collect();
        assert!(dead.is_empty(), "{lang}: never used {dead:?}");
    }
}

#[test]
fn the_scanner_finds_keys_in_calls_spread_over_lines() {
    let text = "tr!(lang, \"a-b\")\n tr!(\n  f(x, y),\n  \"c-d\",\n  n = 3\n)";
    assert_eq!(keys_in_tr_calls(text), vec!["a-b", "c-d"]);
    assert_eq!(
        keys_in_msg_calls("crate::msg!(\n \"e-f\", x = 1); msg!(\"g-h\")"),
        vec!["e-f", "g-h"]
    );
    let code = r#"x.replace('"', "&quot;"); f("a \"b\" c", "d-e")"#;
    assert_eq!(string_literals(code), vec!["&quot;", "a \"b\" c", "d-e"]);
}

#[test]
fn every_label_and_hint_reads_as_words_in_both_languages() {
    let snake = |s: &str| {
        s.contains('_')
            && s.chars().all(|c| c.is_ascii_lowercase() || c == '_')
            && !s.starts_with('_')
    };
    for lang in Lang::ALL {
        for k in built_keys() {
            let text = i18n::message(lang, &k, None);
            assert!(
                i18n::has_message(lang, &k),
                "{lang}: {k} falls back to English"
            );
            assert!(
                !text.trim().is_empty() && text != k && !snake(&text),
                "{lang}: {k} = {text}"
            );
            if lang == Lang::ZhCn {
                assert!(
                    text.chars().any(|c| ('\u{4e00}'..='\u{9fff}').contains(&c))
                        || text
                            .chars()
                            .all(|c| c.is_ascii_uppercase() || !c.is_alphabetic()),
                    "{k} = {text} is not Chinese"
                );
            }
        }
    }
}

#[test]
fn shipped_content_has_both_languages() {
    for b in customer_first::bundle::ALL {
        let l = customer_first::headless::setup::bundled(
            customer_first::bundle::named(b.name).unwrap(),
        )
        .unwrap();
        assert_eq!(
            l.scenario.missing_translations(),
            vec![],
            "{}",
            b.scenario.path
        );
        let d = l.deck.expect("every bundled scenario has a deck");
        assert_eq!(
            d.version,
            customer_first::dilemmas::DECK_VERSION,
            "{}",
            b.deck.path
        );
        assert_eq!(d.missing_translations(), vec![], "{}", b.deck.path);
    }
    let mut policies = Vec::new();
    files_under(&root().join("assets/policies"), "ron", &mut policies);
    for p in policies {
        let policy = customer_first::policy::Policy::load(&p).unwrap();
        assert_eq!(policy.missing_translations(), vec![], "{}", p.display());
    }
}

/// Every character in the catalogues and the shipped content files, for the font's coverage.
#[cfg(feature = "gui")]
fn shipped_characters() -> BTreeSet<char> {
    let mut files = Vec::new();
    files_under(&root().join("assets/i18n"), "ftl", &mut files);
    files_under(&root().join("assets"), "ron", &mut files);
    let mut chars = BTreeSet::new();
    for f in files {
        chars.extend(
            std::fs::read_to_string(&f)
                .unwrap()
                .chars()
                .filter(|c| !c.is_control()),
        );
    }
    chars
}

#[test]
fn the_chinese_font_is_a_small_subset_with_its_licence() {
    let font = root().join("assets/fonts/NotoSansSC-subset.otf");
    let size = std::fs::metadata(&font).unwrap().len();
    assert!(size < 3_000_000, "{size} bytes");
    let licence = std::fs::read_to_string(root().join("assets/fonts/OFL.txt")).unwrap();
    assert!(licence.contains("SIL OPEN FONT LICENSE Version 1.1"));
}

/// A character in a catalogue or a shipped content file that the game's fonts lack would draw
/// as a box: `assets/fonts/subset.py` must be run again.
#[cfg(feature = "gui")]
#[test]
fn the_game_can_draw_every_character_shipped() {
    use bevy_egui::egui;
    for lang in Lang::ALL {
        let ctx = egui::Context::default();
        customer_first::game::widgets::fonts(&ctx, lang);
        let mut output = ctx.run_ui(egui::RawInput::default(), |_| {});
        // No renderer takes the font texture here: say so, or egui's debug build complains.
        output.textures_delta.clear();
        let id = egui::FontId::proportional(15.0);
        let missing: String = shipped_characters()
            .into_iter()
            .filter(|c| !ctx.fonts_mut(|f| f.has_glyph(&id, *c)))
            .collect();
        assert!(
            missing.is_empty(),
            "{lang}: no glyph for {missing:?}: run python3 assets/fonts/subset.py"
        );
        // And the common characters a trainer's own scenario may use (GB2312 level 1 begins
        // with 啊 and ends with 座).
        for c in ['啊', '座', '的', '客', '户'] {
            assert!(ctx.fonts_mut(|f| f.has_glyph(&id, c)), "{c}");
        }
    }
}

#[test]
fn chinese_reads_chinese_and_english_reads_english() {
    use customer_first::tr;
    assert_eq!(
        tr!(Lang::ZhCn, "start"),
        i18n::message(Lang::ZhCn, "start", None)
    );
    assert_ne!(tr!(Lang::ZhCn, "start"), tr!(Lang::En, "start"));
    assert_eq!(Lever::ServiceLevel.label(Lang::En), "Service level");
    assert!(
        Lever::ServiceLevel
            .label(Lang::ZhCn)
            .chars()
            .all(|c| !c.is_ascii_alphabetic())
    );
}
