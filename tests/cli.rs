//! The command line as a user meets it: runs, CSV files, and clear errors with exit code 2.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

fn bin() -> Command {
    let mut c = Command::new(env!("CARGO_BIN_EXE_customer-first"));
    c.current_dir(env!("CARGO_MANIFEST_DIR"));
    // English whatever the machine's locale (the Chinese output has its own tests).
    c.env("LC_ALL", "C");
    c
}

fn scratch(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("customer-first-cli-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    dir.join(name)
}

fn write(name: &str, text: &str) -> PathBuf {
    let p = scratch(name);
    std::fs::write(&p, text).unwrap();
    p
}

fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

fn cafe_text() -> String {
    std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("assets/scenarios/cafe.ron"))
        .unwrap()
}

#[test]
fn run_writes_the_day_and_customer_csvs() {
    let days = scratch("days.csv");
    let customers = scratch("customers.csv");
    let o = bin()
        .args([
            "run",
            "--scenario",
            "assets/scenarios/cafe.ron",
            "--seed",
            "5",
            "--days",
            "30",
        ])
        .args(["--policy", "assets/policies/customer-first.ron"])
        .arg("--csv")
        .arg(&days)
        .arg("--customers")
        .arg(&customers)
        .output()
        .unwrap();
    assert!(o.status.success(), "{}", stderr(&o));
    let out = String::from_utf8_lossy(&o.stdout);
    for section in ["CUSTOMERS", "EMPLOYEES", "SHAREHOLDERS"] {
        assert!(out.contains(section), "summary has {section}: {out}");
    }
    let text = std::fs::read_to_string(&days).unwrap();
    let mut lines = text.lines();
    let header: Vec<&str> = lines.next().unwrap().split(',').collect();
    for col in [
        "day",
        "active_customers",
        "new_paid",
        "new_referred",
        "new_walk_in",
        "churned",
        "retention_90d",
        "nps",
        "mean_mood",
        "share_mood_9plus",
        "mean_wait_min",
        "balked",
        "complaints",
        "reputation",
        "revenue",
        "costs",
        "profit",
        "cash",
        "dividends",
        "ndr",
        "cac",
        "employees",
        "morale",
        "fatigue",
        "quits",
        "board_confidence",
    ] {
        assert!(header.contains(&col), "missing column {col}");
    }
    assert_eq!(lines.count(), 30);
    let text = std::fs::read_to_string(&customers).unwrap();
    let header = text.lines().next().unwrap();
    assert!(
        header
            .starts_with("id,segment,source,acquired_day,churned_day,visits,total_spend,last_mood")
    );
    assert!(header.contains("churn_cause"));
    assert!(
        text.lines().count() > 1000,
        "the café starts with 1,200 customers"
    );
    assert!(text.contains(",paid,") && text.contains(",walk-in,") && text.contains(",existing,"));
}

#[test]
fn check_accepts_every_shipped_file() {
    let o = bin()
        .args([
            "check",
            "assets/scenarios/cafe.ron",
            "assets/scenarios/software.ron",
        ])
        .args([
            "assets/policies/balanced.ron",
            "assets/policies/customer-first.ron",
        ])
        .arg("assets/policies/shareholder-first.ron")
        .output()
        .unwrap();
    assert!(o.status.success(), "{}", stderr(&o));
}

#[test]
fn a_syntax_error_is_reported_with_file_line_and_column() {
    let broken = cafe_text().replacen("tick_minutes: 15,", "tick_minutes: \"fifteen\",", 1);
    let p = write("broken.ron", &broken);
    let o = bin().arg("check").arg(&p).output().unwrap();
    assert_eq!(o.status.code(), Some(2));
    let err = stderr(&o);
    let line = broken.lines().position(|l| l.contains("fifteen")).unwrap() + 1;
    let column = broken.lines().nth(line - 1).unwrap().find('"').unwrap() + 1;
    // The parser points at the value or the space just before it.
    assert!(
        err.contains(&format!("broken.ron:{line}:{column}: error:"))
            || err.contains(&format!("broken.ron:{line}:{}: error:", column - 1)),
        "{err}"
    );
    assert!(err.contains("integer"), "says what was expected: {err}");
}

#[test]
fn every_semantic_problem_is_reported_at_once_with_its_path_and_range() {
    let broken = cafe_text()
        .replacen("horizon_days: 1095", "horizon_days: 1000000000", 1)
        .replacen("gain: 1.0", "gain: -1.0", 1);
    let p = write("ranges.ron", &broken);
    let o = bin().arg("check").arg(&p).output().unwrap();
    assert_eq!(o.status.code(), Some(2));
    let err = stderr(&o);
    assert!(err.contains("horizon_days: must be in 1..=36500"), "{err}");
    assert!(
        err.contains("satisfaction.gain: must be in 0..=20"),
        "{err}"
    );
}

#[test]
fn an_unknown_lever_is_an_error() {
    let p = write(
        "typo.ron",
        "(name: \"typo\", changes: [(day: 0, set: (prize: 1.2))])",
    );
    let o = bin()
        .args(["run", "--days", "5", "--policy"])
        .arg(&p)
        .output()
        .unwrap();
    assert_eq!(o.status.code(), Some(2));
    let err = stderr(&o);
    assert!(
        err.contains("typo.ron:1:") && err.contains("prize"),
        "{err}"
    );
}

#[test]
fn negative_staff_is_an_error_with_its_path() {
    let p = write(
        "negative.ron",
        "(name: \"n\", changes: [(day: 3, set: (staff: -2))])",
    );
    let o = bin().arg("check").arg(&p).output().unwrap();
    assert_eq!(o.status.code(), Some(2));
    assert!(
        stderr(&o).contains("changes[0].set.staff: must be in 0..=500, got -2"),
        "{}",
        stderr(&o)
    );
}

#[test]
fn days_beyond_the_horizon_are_an_error() {
    let o = bin().args(["run", "--days", "5000"]).output().unwrap();
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("--days"), "{}", stderr(&o));
    let p = write(
        "late.ron",
        "(name: \"late\", changes: [(day: 2000, set: (price: 1.1))])",
    );
    let o = bin()
        .args(["run", "--days", "5", "--policy"])
        .arg(&p)
        .output()
        .unwrap();
    assert_eq!(o.status.code(), Some(2));
    assert!(
        stderr(&o).contains("beyond the scenario's horizon"),
        "{}",
        stderr(&o)
    );
}

#[test]
fn a_missing_file_is_an_error() {
    let o = bin()
        .args(["run", "--scenario", "no/such/file.ron"])
        .output()
        .unwrap();
    assert_eq!(o.status.code(), Some(2));
    assert!(
        stderr(&o).contains("no/such/file.ron: error: cannot read the file"),
        "{}",
        stderr(&o)
    );
}

#[test]
fn junk_and_empty_files_are_errors_not_panics() {
    for (name, bytes) in [
        ("empty.ron", &b""[..]),
        ("binary.ron", &[0xff, 0xfe, 0x00, 0x12, 0x80][..]),
        ("deep.ron", "[".repeat(10_000).as_bytes()),
        ("truncated.ron", &cafe_text().as_bytes()[..2000]),
    ] {
        let p = scratch(name);
        std::fs::write(&p, bytes).unwrap();
        let o = bin().arg("check").arg(&p).output().unwrap();
        assert_eq!(o.status.code(), Some(2), "{name}: {}", stderr(&o));
        assert!(
            stderr(&o).contains(name) && stderr(&o).contains("error"),
            "{name}: {}",
            stderr(&o)
        );
        assert!(!stderr(&o).contains("panicked"), "{name}");
    }
}

#[test]
fn a_failed_write_is_reported_and_leaves_nothing_behind() {
    let o = bin()
        .args(["run", "--days", "3", "--csv", "/nonexistent-dir/out.csv"])
        .output()
        .unwrap();
    assert_eq!(o.status.code(), Some(1));
    assert!(
        stderr(&o).contains("cannot write the CSV"),
        "{}",
        stderr(&o)
    );
    // The target is a folder: refused before any work (never replaced), the folder untouched
    // and no temporary file left.
    let dir = scratch("write-fails-late");
    let _ = std::fs::remove_dir_all(&dir);
    let target = dir.join("out.csv");
    std::fs::create_dir_all(&target).unwrap();
    let o = bin()
        .args(["run", "--days", "3", "--csv"])
        .arg(&target)
        .output()
        .unwrap();
    assert_eq!(o.status.code(), Some(2), "{}", stderr(&o));
    assert!(
        stderr(&o).contains("--csv: is a directory"),
        "{}",
        stderr(&o)
    );
    let left: Vec<_> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().into_string().unwrap())
        .collect();
    assert_eq!(left, ["out.csv"], "only the folder that was there");
    assert!(target.is_dir() && std::fs::read_dir(&target).unwrap().next().is_none());
    let _ = std::fs::remove_dir_all(&dir);
}

/// Without the game built in, no arguments means a headless run of the default scenario. (With
/// the `gui` feature it opens the window; the smoke test in .ci/run covers that.)
#[cfg(not(feature = "gui"))]
#[test]
fn no_arguments_runs_the_default_scenario_and_says_so() {
    let o = bin().output().unwrap();
    assert!(o.status.success(), "{}", stderr(&o));
    let out = String::from_utf8_lossy(&o.stdout);
    assert!(
        out.contains("headless") && out.contains("The Corner Café"),
        "{out}"
    );
}

#[cfg(feature = "gui")]
#[test]
fn play_rejects_a_bad_speed_and_a_bad_scenario_before_opening_a_window() {
    let o = bin().args(["play", "--speed", "3"]).output().unwrap();
    assert_eq!(o.status.code(), Some(2), "{}", stderr(&o));
    assert!(stderr(&o).contains("--speed"), "{}", stderr(&o));
    let o = bin()
        .args(["play", "--scenario", "no/such/file.ron"])
        .output()
        .unwrap();
    assert_eq!(o.status.code(), Some(2), "{}", stderr(&o));
    assert!(stderr(&o).contains("no/such/file.ron"), "{}", stderr(&o));
}

#[test]
fn save_and_load_continue_exactly_from_the_command_line() {
    let (straight, saved, resumed) = (
        scratch("straight.csv"),
        scratch("game.ron"),
        scratch("resumed.csv"),
    );
    let common = [
        "run",
        "--seed",
        "21",
        "--policy",
        "assets/policies/shareholder-first.ron",
    ];
    let o = bin()
        .args(common)
        .args(["--days", "150", "--csv"])
        .arg(&straight)
        .output()
        .unwrap();
    assert!(o.status.success(), "{}", stderr(&o));
    let o = bin()
        .args(common)
        .args(["--days", "100", "--save-at", "60", "--save"])
        .arg(&saved)
        .output()
        .unwrap();
    assert!(o.status.success(), "{}", stderr(&o));
    assert!(String::from_utf8_lossy(&o.stdout).contains("saved day 60"));
    let o = bin()
        .args(["run", "--days", "150", "--load"])
        .arg(&saved)
        .arg("--csv")
        .arg(&resumed)
        .output()
        .unwrap();
    assert!(o.status.success(), "{}", stderr(&o));
    assert_eq!(
        std::fs::read(&straight).unwrap(),
        std::fs::read(&resumed).unwrap()
    );
    let o = bin().arg("check").arg(&saved).output().unwrap();
    assert!(o.status.success(), "{}", stderr(&o));
}

#[test]
fn bad_save_arguments_and_files_are_errors() {
    let saved = scratch("for-errors.ron");
    let o = bin()
        .args(["run", "--days", "10", "--save-at", "5", "--save"])
        .arg(&saved)
        .output()
        .unwrap();
    assert!(o.status.success(), "{}", stderr(&o));
    // A save carries its own scenario, seed and policy.
    let o = bin()
        .args(["run", "--scenario", "assets/scenarios/cafe.ron", "--load"])
        .arg(&saved)
        .output()
        .unwrap();
    assert_eq!(o.status.code(), Some(2));
    // Saving outside the run, or resuming to before the save.
    let o = bin()
        .args(["run", "--days", "10", "--save-at", "11", "--save"])
        .arg(scratch("x.ron"))
        .output()
        .unwrap();
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("--save-at"), "{}", stderr(&o));
    let o = bin()
        .args(["run", "--days", "3", "--load"])
        .arg(&saved)
        .output()
        .unwrap();
    assert_eq!(o.status.code(), Some(2));
    // A save from the future, and a truncated one.
    let text = std::fs::read_to_string(&saved).unwrap();
    let future = write(
        "future.ron",
        &text.replacen(
            &format!(
                "format_version: {}",
                customer_first::headless::save::FORMAT_VERSION
            ),
            &format!(
                "format_version: {}",
                customer_first::headless::save::FORMAT_VERSION + 1
            ),
            1,
        ),
    );
    let o = bin().args(["run", "--load"]).arg(&future).output().unwrap();
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("newer version"), "{}", stderr(&o));
    let cut = write("cut.ron", &text[..text.len() / 2]);
    let o = bin().args(["run", "--load"]).arg(&cut).output().unwrap();
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("cut.ron:"), "{}", stderr(&o));
}

#[test]
fn a_closed_pipe_is_not_a_panic() {
    use std::process::Stdio;
    let mut child = bin()
        .args(["run", "--days", "5"])
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    drop(child.stdout.take());
    let o = child.wait_with_output().unwrap();
    assert!(!stderr(&o).contains("panicked"), "{}", stderr(&o));
}

#[test]
fn settings_files_are_validated_like_every_other_file() {
    let good = write(
        "settings-good.ron",
        "(ui_scale: 1.5, autosave_days: 7, speed: 2)",
    );
    let o = bin().arg("check").arg(&good).output().unwrap();
    assert!(o.status.success(), "{}", stderr(&o));
    assert!(String::from_utf8_lossy(&o.stdout).contains("settings"));

    let bad = write(
        "settings-bad.ron",
        "(ui_scale: 9.0, autosave_days: 7000, speed: 3)",
    );
    let o = bin().arg("check").arg(&bad).output().unwrap();
    assert_eq!(o.status.code(), Some(2));
    let e = stderr(&o);
    for want in [
        "ui_scale: must be in 0.75..=2",
        "autosave_days: must be in 0..=365",
        "speed",
    ] {
        assert!(e.contains(want), "{want} in {e}");
    }

    let broken = write("settings-broken.ron", "(ui_scale: 1.0,\n autosave_dayz: 7)");
    let o = bin().arg("check").arg(&broken).output().unwrap();
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains(":2:"), "{}", stderr(&o));
}

/// What-if on a game played, from its save: the same decisions reproduce the recorded days,
/// another choice differs from the day it was made, a game played under an earlier model says
/// plainly that its replay cannot be exact, and a save whose log predates the record of who made
/// each change is refused with the reason.
#[test]
fn whatif_replays_a_saved_game() {
    let current = format!(
        "tests/saves/format-{}-small-cafe-day-20.ron",
        customer_first::headless::save::FORMAT_VERSION
    );
    let o = bin().args(["whatif", "--game", &current]).output().unwrap();
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let out = String::from_utf8_lossy(&o.stdout).into_owned();
    assert!(out.contains("identical, day for day"), "{out}");
    assert!(!stderr(&o).contains("warning"), "{}", stderr(&o));
    // Played under model version 1: the replay runs under today's rules, and says so.
    let game = "tests/saves/format-2-small-cafe-day-20.ron";
    let o = bin().args(["whatif", "--game", game]).output().unwrap();
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    assert!(
        stderr(&o).contains("warning: this game was played under an earlier version of the model")
            && stderr(&o).contains("cannot reproduce it exactly"),
        "{}",
        stderr(&o)
    );
    let o = bin()
        .args(["--lang", "zh-CN", "whatif", "--game", game])
        .output()
        .unwrap();
    assert!(stderr(&o).contains("无法完全重现"), "{}", stderr(&o));
    let report = scratch("game-whatif.html");
    let o = bin()
        .args([
            "whatif",
            "--game",
            game,
            "--choose",
            "supplier_price=absorb",
            "--report",
        ])
        .arg(&report)
        .output()
        .unwrap();
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let out = String::from_utf8_lossy(&o.stdout).into_owned();
    assert!(out.contains("Identical until day 5"), "{out}");
    assert!(
        std::fs::read_to_string(&report)
            .unwrap()
            .contains("id=\"whatif\"")
    );
    let o = bin()
        .args(["whatif", "--game", game, "--undo", "3"])
        .output()
        .unwrap();
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("1..=2"), "{}", stderr(&o));
    let o = bin()
        .args([
            "whatif",
            "--game",
            "tests/saves/format-1-small-cafe-day-20.ron",
            "--undo",
            "1",
        ])
        .output()
        .unwrap();
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("older version"), "{}", stderr(&o));
    // A change made on day 0 differs from the very first day.
    let o = bin()
        .args([
            "whatif",
            "--policy",
            "assets/policies/shareholder-first.ron",
            "--days",
            "30",
            "--undo",
            "1",
        ])
        .output()
        .unwrap();
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let out = String::from_utf8_lossy(&o.stdout).into_owned();
    assert!(out.contains("Different from day 0 on."), "{out}");
}

/// `--save-at` the scenario's horizon (with `--days` left to default to it) writes the save: the
/// end of the scenario is not an early end. And the summary counts every decision it lists.
#[test]
fn a_save_at_the_horizon_is_written_and_the_summary_counts_every_decision() {
    let save = scratch("at-the-horizon.ron");
    let _ = std::fs::remove_file(&save);
    let o = bin()
        .args(["run", "--save-at", "1095", "--save"])
        .arg(&save)
        .output()
        .unwrap();
    assert!(o.status.success(), "{}", stderr(&o));
    let out = String::from_utf8_lossy(&o.stdout);
    assert!(out.contains("saved day 1095"), "{out}");
    let check = bin().arg("check").arg(&save).output().unwrap();
    assert!(check.status.success(), "{}", stderr(&check));
    assert!(
        String::from_utf8_lossy(&check.stdout).contains("at day 1095"),
        "{}",
        String::from_utf8_lossy(&check.stdout)
    );
    let _ = std::fs::remove_file(&save);

    // "decisions taken: N (L lever changes, D dilemma choices)", with the D choices listed below.
    let line = out
        .lines()
        .find(|l| l.starts_with("decisions taken:"))
        .unwrap_or_else(|| panic!("{out}"));
    let numbers: Vec<usize> = line
        .split(|c: char| !c.is_ascii_digit())
        .filter(|w| !w.is_empty())
        .map(|w| w.parse().unwrap())
        .collect();
    let [total, levers, choices] = numbers[..] else {
        panic!("{line}");
    };
    assert_eq!(total, levers + choices, "{line}");
    let listed = out.lines().filter(|l| l.contains(": dilemma — ")).count();
    assert_eq!(listed, choices, "{out}");
    assert!(choices > 0, "the café meets dilemmas in three years: {out}");
}

/// `check` tells a file's kind from its top-level fields and says so; `--kind` overrides it.
#[test]
fn check_says_what_it_took_each_file_for() {
    let o = bin()
        .args([
            "check",
            "assets/dilemmas/cafe.ron",
            "assets/policies/balanced.ron",
        ])
        .output()
        .unwrap();
    assert!(o.status.success(), "{}", stderr(&o));
    let out = String::from_utf8_lossy(&o.stdout);
    assert!(out.contains("read as a deck, by its fields"), "{out}");
    assert!(out.contains("read as a policy, by its fields"), "{out}");
    // A policy checked as a deck is refused, and the note says it was read as a deck.
    let o = bin()
        .args(["check", "--kind", "deck", "assets/policies/balanced.ron"])
        .output()
        .unwrap();
    assert_eq!(o.status.code(), Some(2));
    assert!(
        stderr(&o).contains("read as a deck, as asked"),
        "{}",
        stderr(&o)
    );
}

/// A snake_case id (`service_level`, `recall_now`): never shown to a person.
fn is_id(word: &str) -> bool {
    let w = word.trim_matches(|c: char| !c.is_ascii_alphanumeric() && c != '_');
    let mut parts = w.split('_');
    w.contains('_') && parts.all(|p| !p.is_empty() && p.chars().all(|c| c.is_ascii_lowercase()))
}

fn has_chinese(s: &str) -> bool {
    s.chars().any(|c| ('\u{4e00}'..='\u{9fff}').contains(&c))
}

/// `run --lang zh-CN`: the summary and the debrief in Chinese, with no id and none of the
/// English headings; the HTML declares its language.
#[test]
fn run_in_chinese_writes_a_chinese_summary_and_debrief() {
    use customer_first::i18n::Lang;
    let report = scratch("zh-debrief.html");
    let o = bin()
        .args([
            "run",
            "--lang",
            "zh-CN",
            "--days",
            "200",
            "--policy",
            "assets/policies/shareholder-first.ron",
            "--report",
        ])
        .arg(&report)
        .output()
        .unwrap();
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let out = String::from_utf8_lossy(&o.stdout).into_owned();
    for key in ["card-customers", "card-employees", "card-shareholders"] {
        assert!(
            out.contains(&customer_first::i18n::message(Lang::ZhCn, key, None)),
            "{key}: {out}"
        );
        assert!(
            !out.contains(&customer_first::i18n::message(Lang::En, key, None)),
            "{key}: {out}"
        );
    }
    assert!(
        out.contains("街角咖啡馆") && out.contains("股东第一"),
        "{out}"
    );
    for line in out.lines() {
        // Every line a person reads has Chinese in it, or only numbers and symbols; the file
        // path is the one English thing a line may hold.
        assert!(
            has_chinese(line) || !line.chars().any(|c| c.is_ascii_lowercase()),
            "{line}"
        );
        assert!(!line.split_whitespace().any(is_id), "{line}");
    }
    let html = std::fs::read_to_string(&report).unwrap();
    let doc = scraper::Html::parse_document(&html);
    assert!(doc.errors.is_empty(), "{:?}", doc.errors);
    let sel = |s: &str| scraper::Selector::parse(s).unwrap();
    let root = doc.select(&sel("html")).next().unwrap();
    assert_eq!(root.value().attr("lang"), Some("zh-CN"));
    let h1: String = doc.select(&sel("h1")).next().unwrap().text().collect();
    assert!(h1.contains("复盘") && h1.contains("街角咖啡馆"), "{h1}");
    let headings: Vec<String> = doc
        .select(&sel("h2, h3, th, figcaption, li, .lesson p, td"))
        .map(|e| e.text().collect())
        .collect();
    assert!(headings.len() > 40);
    for h in &headings {
        assert!(!h.split_whitespace().any(is_id), "{h}");
    }
    for h in doc.select(&sel("h2, .lesson h3")) {
        let t: String = h.text().collect();
        assert!(has_chinese(&t), "{t}");
    }
    // No web fonts: Chinese renders from the system's fonts, named in the font stack.
    assert!(!html.contains("@font-face") && html.contains("Noto Sans CJK SC"));
}

/// Without `--lang`, the system's locale decides (LC_ALL over LANG).
#[test]
fn the_system_locale_picks_the_language() {
    let zh = bin()
        .env("LC_ALL", "zh_CN.UTF-8")
        .args(["run", "--days", "5"])
        .output()
        .unwrap();
    assert!(has_chinese(&String::from_utf8_lossy(&zh.stdout)));
    let en = bin()
        .env("LC_ALL", "en_US.UTF-8")
        .env("LANG", "zh_CN.UTF-8")
        .args(["run", "--days", "5"])
        .output()
        .unwrap();
    assert!(!has_chinese(&String::from_utf8_lossy(&en.stdout)));
    let bad = bin().args(["run", "--lang", "fr"]).output().unwrap();
    assert_eq!(bad.status.code(), Some(2));
    assert!(stderr(&bad).contains("zh-CN"), "{}", stderr(&bad));
}

/// `check` warns, naming the file and the field, when a text lacks a language (English is
/// shown), and still passes the file.
#[test]
fn a_missing_translation_is_a_warning_that_names_the_file_and_field() {
    let f = scratch("english-only-deck.ron");
    let original = std::fs::read_to_string("assets/dilemmas/cafe.ron").unwrap();
    // The first dilemma's title in English only, as a plain string.
    let plain = original
        .lines()
        .map(|l| {
            if l.trim_start().starts_with("title: {\"en\": \"A batch") {
                "            title: \"A batch that might be bad\",".to_string()
            } else {
                l.to_string()
            }
        })
        .collect::<Vec<_>>()
        .join("\n");
    assert_ne!(plain, original);
    std::fs::write(&f, &plain).unwrap();
    let o = bin().args(["check"]).arg(&f).output().unwrap();
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let err = stderr(&o);
    assert!(
        err.contains("english-only-deck.ron")
            && err.contains("warning")
            && err.contains("dilemmas[0].title")
            && err.contains("zh-CN"),
        "{err}"
    );
}

/// The project's own words about a bad file or argument follow the language; the field path
/// stays as written in the file.
#[test]
fn problems_are_told_in_the_language_asked_for() {
    let p = write(
        "negative-zh.ron",
        "(name: \"n\", changes: [(day: 3, set: (staff: -2))])",
    );
    let o = bin()
        .args(["--lang", "zh-CN", "check"])
        .arg(&p)
        .output()
        .unwrap();
    assert_eq!(o.status.code(), Some(2));
    let err = stderr(&o);
    assert!(
        err.contains("错误: changes[0].set.staff: 必须在 0..=500 之间，实际为 -2"),
        "{err}"
    );
    let o = bin()
        .args(["run", "--lang", "zh-CN", "--days", "5000"])
        .output()
        .unwrap();
    assert_eq!(o.status.code(), Some(2));
    assert!(
        stderr(&o).contains("--days: 必须在 1..=1095 之间"),
        "{}",
        stderr(&o)
    );
    // The same problems in English by default here (LC_ALL=C).
    let o = bin().arg("check").arg(&p).output().unwrap();
    assert!(stderr(&o).contains("error: changes[0].set.staff: must be in 0..=500, got -2"));
}

/// Every road that loads a world (the headless commands, `check`, `play --scenario`, `code`,
/// `calibrate`, `class --scenario`) goes through one loader: a scenario whose workshop names a
/// card its deck lacks is refused by each, exit code 2, with the message `run` gives.
#[test]
fn every_command_refuses_a_workshop_card_the_deck_lacks_with_the_same_message() {
    let root = scratch("bad-workshop");
    let _ = std::fs::remove_dir_all(&root);
    std::fs::create_dir_all(root.join("scenarios")).unwrap();
    std::fs::create_dir_all(root.join("dilemmas")).unwrap();
    std::fs::create_dir_all(root.join("class")).unwrap();
    let text = cafe_text();
    assert!(text.contains("(dilemma: \"raise_request\", day: 330)"));
    let file = root.join("scenarios/cafe.ron");
    std::fs::write(
        &file,
        text.replace(
            "(dilemma: \"raise_request\", day: 330)",
            "(dilemma: \"no_such_card\", day: 330)",
        ),
    )
    .unwrap();
    std::fs::copy(
        Path::new(env!("CARGO_MANIFEST_DIR")).join("assets/dilemmas/cafe.ron"),
        root.join("dilemmas/cafe.ron"),
    )
    .unwrap();
    let f = file.to_str().unwrap();
    let run = bin()
        .args(["run", "--scenario", f, "--days", "5"])
        .output()
        .unwrap();
    assert_eq!(run.status.code(), Some(2), "{}", stderr(&run));
    let said: Vec<String> = stderr(&run)
        .lines()
        .filter(|l| l.contains("no_such_card"))
        .map(str::to_string)
        .collect();
    assert!(
        said.len() == 1 && said[0].contains("workshop.fixed_dilemmas[2].dilemma"),
        "{}",
        stderr(&run)
    );
    let class = root.join("class");
    let sweep = root.join("sweep.csv");
    let others: [Vec<&str>; 7] = [
        vec!["whatif", "--scenario", f, "--days", "5", "--undo", "1"],
        vec![
            "sweep",
            "--scenario",
            f,
            "--days",
            "5",
            "--out",
            sweep.to_str().unwrap(),
        ],
        vec!["check", f],
        vec!["play", "--scenario", f],
        vec!["code", "--scenario", f, "--seed", "7"],
        vec!["calibrate", f],
        vec!["class", class.to_str().unwrap(), "--scenario", f],
    ];
    for args in others {
        let o = bin()
            // No window may open: the scenario is refused before one would.
            .env_remove("DISPLAY")
            .env_remove("WAYLAND_DISPLAY")
            .args(&args)
            .output()
            .unwrap();
        assert_eq!(o.status.code(), Some(2), "{args:?}: {}", stderr(&o));
        assert!(
            stderr(&o).contains(&said[0]),
            "{args:?} says otherwise: {}",
            stderr(&o)
        );
    }
    let _ = std::fs::remove_dir_all(&root);
}

/// A scenario that builds on another (`base:`) is checked as resolved, and `check --resolved`
/// prints the merged file; a policy with a `base:` is refused by `check` as `run` refuses it.
#[test]
fn check_reads_a_file_built_on_another_and_prints_it_resolved() {
    let o = bin()
        .args(["check", "--resolved", "assets/scenarios/tutorial-cafe.ron"])
        .output()
        .unwrap();
    assert!(o.status.success(), "{}", stderr(&o));
    let out = String::from_utf8_lossy(&o.stdout);
    // The café's fields, merged in, with the tutorial's own written over them.
    assert!(out.contains("horizon_days: 365"), "{out}");
    assert!(out.contains("segments: ["), "{out}");
    assert!(out.contains("miss_sensitivity: 0.1,"), "{out}");
    assert!(out.contains("workshop: None"), "{out}");
    assert!(
        !out.lines().any(|l| l.trim_start().starts_with("base:")),
        "{out}"
    );
    assert!(out.contains("ok: "), "{out}");
    let policy = write(
        "based-policy.ron",
        "(base: \"../assets/policies/balanced.ron\", name: \"x\")",
    );
    let o = bin()
        .arg("check")
        .arg(&policy)
        .args(["--kind", "policy"])
        .output()
        .unwrap();
    assert_eq!(o.status.code(), Some(2), "{}", stderr(&o));
    assert!(stderr(&o).contains("base"), "{}", stderr(&o));
}

/// A scenario folder of one's own: the café (edited by `edit`) with its deck, and its
/// calibration policies when `policies` is set.
fn own_cafe(name: &str, edit: impl Fn(String) -> String, policies: bool) -> (PathBuf, PathBuf) {
    let root = scratch(name);
    let _ = std::fs::remove_dir_all(&root);
    for dir in ["scenarios", "dilemmas", "policies"] {
        std::fs::create_dir_all(root.join(dir)).unwrap();
    }
    let file = root.join("scenarios/cafe.ron");
    std::fs::write(&file, edit(cafe_text())).unwrap();
    let assets = Path::new(env!("CARGO_MANIFEST_DIR")).join("assets");
    std::fs::copy(
        assets.join("dilemmas/cafe.ron"),
        root.join("dilemmas/cafe.ron"),
    )
    .unwrap();
    if policies {
        for p in ["customer-first.ron", "shareholder-first.ron"] {
            std::fs::copy(
                assets.join("policies").join(p),
                root.join("policies").join(p),
            )
            .unwrap();
        }
    }
    (root, file)
}

/// A dilemma fixed on two days would come on the later alone: `run`, `check` and `code` refuse
/// it alike, naming the dilemma and both days.
#[test]
fn a_dilemma_fixed_on_two_days_is_refused_by_every_command() {
    let (root, file) = own_cafe(
        "fixed-twice",
        |t| {
            assert!(t.contains("(dilemma: \"raise_request\", day: 330)"));
            t.replace(
                "(dilemma: \"raise_request\", day: 330)",
                "(dilemma: \"raise_request\", day: 330), (dilemma: \"raise_request\", day: 400)",
            )
        },
        true,
    );
    let f = file.to_str().unwrap();
    for args in [
        vec!["run", "--scenario", f, "--days", "5"],
        vec!["check", f],
        vec!["code", "--scenario", f, "--seed", "7"],
    ] {
        let o = bin().args(&args).output().unwrap();
        let e = stderr(&o);
        assert_eq!(o.status.code(), Some(2), "{args:?}: {e}");
        assert!(
            e.contains("workshop.fixed_dilemmas[")
                && e.contains("\"raise_request\" is fixed on two days, 330 and 400"),
            "{args:?}: {e}"
        );
    }
    let _ = std::fs::remove_dir_all(&root);
}

/// The calibration policies a scenario names are checked by `check` with the function
/// `calibrate` loads them with: missing, they are refused naming the field; present, it passes.
#[test]
fn check_refuses_calibration_policies_that_do_not_load() {
    let (root, file) = own_cafe("no-calibration", |t| t, false);
    let o = bin().arg("check").arg(&file).output().unwrap();
    let e = stderr(&o);
    assert_eq!(o.status.code(), Some(2), "{e}");
    assert!(
        e.contains("winning.calibration.thoughtful")
            && e.contains("customer-first.ron does not load"),
        "{e}"
    );
    let (root2, file) = own_cafe("with-calibration", |t| t, true);
    let o = bin().arg("check").arg(&file).output().unwrap();
    assert!(o.status.success(), "{}", stderr(&o));
    for r in [root, root2] {
        let _ = std::fs::remove_dir_all(&r);
    }
}

/// `run --load` continues a save's own world: a session code or a session beside it would be
/// ignored, so they are refused, naming the option.
#[test]
fn run_load_refuses_a_code_or_a_session() {
    let save = "tests/saves/format-6-small-cafe-day-20.ron";
    for extra in [["--code", "20VB-APFE-0S"], ["--session", "20"]] {
        let o = bin()
            .args(["run", "--load", save, "--days", "25"])
            .args(extra)
            .output()
            .unwrap();
        let e = stderr(&o);
        assert_eq!(o.status.code(), Some(2), "{extra:?}: {e}");
        assert!(
            e.contains("--load") && e.contains(extra[0]),
            "{extra:?}: {e}"
        );
    }
}

/// `check` knows a results file by its `kind` and checks it as the class view reads it, not as
/// a broken save.
#[test]
fn check_reads_a_results_file_as_one() {
    let results = scratch("team.results.ron");
    let o = bin()
        .args(["run", "--days", "10", "--team", "Blue", "--results"])
        .arg(&results)
        .output()
        .unwrap();
    assert!(o.status.success(), "{}", stderr(&o));
    let o = bin().arg("check").arg(&results).output().unwrap();
    assert!(o.status.success(), "{}", stderr(&o));
    let out = String::from_utf8_lossy(&o.stdout);
    assert!(
        out.contains("results of team \"Blue\"") && out.contains("read as a results file"),
        "{out}"
    );
    // Broken: refused by the results file's own check, and said to be read as one.
    let text = std::fs::read_to_string(&results).unwrap();
    assert!(text.contains("language: \"en\""));
    let tampered = write(
        "tampered.results.ron",
        &text.replacen("language: \"en\"", "language: \"xx\"", 1),
    );
    let o = bin().arg("check").arg(&tampered).output().unwrap();
    let e = stderr(&o);
    assert_eq!(o.status.code(), Some(2), "{e}");
    assert!(
        e.contains("language") && e.contains("read as a results file"),
        "{e}"
    );
    assert!(!e.contains("as a save"), "{e}");
}
