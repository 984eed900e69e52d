//! Session codes: a code round-trips, a mistyped one is caught, a code gives the identical world
//! to every team (the same run as its seed), and a code made for another scenario or another
//! version of it says so.

use std::path::Path;
use std::process::Command;

use customer_first::dilemmas::Deck;
use customer_first::scenario::Scenario;
use customer_first::session::{SessionCode, fingerprint};

fn bin() -> Command {
    let mut c = Command::new(env!("CARGO_BIN_EXE_customer-first"));
    c.current_dir(env!("CARGO_MANIFEST_DIR"));
    c.env("LC_ALL", "C");
    c
}

fn bundled_world(i: usize) -> (Scenario, Option<Deck>) {
    let l = customer_first::headless::setup::bundled(i).unwrap();
    (l.scenario, l.deck)
}

const SYMBOLS: &str = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";

#[test]
fn a_code_round_trips_and_reads_as_people_type_it() {
    let (s, deck) = bundled_world(1);
    for seed in [0, 1, 4242, 99_999, (1 << 24) - 1] {
        let code = SessionCode::new(&s, deck.as_ref(), Some(1), seed);
        let text = code.text();
        assert_eq!(text.len(), 12, "{text}");
        assert_eq!(&text[4..5], "-");
        assert_eq!(SessionCode::parse(&text).unwrap(), code);
        // Lower case, spaces instead of dashes, and I/L/O for 1/1/0 read the same.
        let sloppy = text
            .to_lowercase()
            .replace('-', " ")
            .replace('1', "l")
            .replace('0', "o");
        assert_eq!(SessionCode::parse(&sloppy).unwrap(), code, "{sloppy}");
    }
    // A seed beyond 24 bits is folded into them.
    assert_eq!(SessionCode::new(&s, None, None, 1 << 24).seed, 0);
}

/// Every single mistyped symbol, and every swap of two different neighbours, is caught.
#[test]
fn a_mistyped_code_is_caught_with_a_clear_message() {
    let (s, deck) = bundled_world(0);
    let text: Vec<char> = SessionCode::new(&s, deck.as_ref(), Some(0), 123_456)
        .text()
        .replace('-', "")
        .chars()
        .collect();
    for at in 0..9 {
        for c in SYMBOLS.chars().filter(|c| *c != text[at]) {
            let mut typo = text.clone();
            typo[at] = c;
            let typo: String = typo.into_iter().collect();
            let e = SessionCode::parse(&typo)
                .expect_err(&typo)
                .render(customer_first::i18n::Lang::En);
            assert!(e.contains("mistyped"), "{typo}: {e}");
        }
    }
    for at in 0..8 {
        if text[at] != text[at + 1] {
            let mut swapped = text.clone();
            swapped.swap(at, at + 1);
            let swapped: String = swapped.into_iter().collect();
            assert!(SessionCode::parse(&swapped).is_err(), "{swapped}");
        }
    }
    let en = |t: &str| {
        SessionCode::parse(t)
            .unwrap_err()
            .render(customer_first::i18n::Lang::En)
    };
    assert!(en("ABC").contains("has 10 symbols"), "{}", en("ABC"));
    assert!(
        en("UUUU-UUUU-UU").contains("\"U\" (symbol 1)"),
        "{}",
        en("UUUU-UUUU-UU")
    );
}

/// A code names the scenario version it was made for: an edited scenario (or another one) is
/// refused instead of quietly giving another world.
#[test]
fn a_code_knows_the_scenario_it_was_made_for() {
    let (cafe, cafe_deck) = bundled_world(0);
    let (software, software_deck) = bundled_world(1);
    let code = SessionCode::new(&cafe, cafe_deck.as_ref(), Some(0), 7);
    assert!(code.check(&cafe, cafe_deck.as_ref()).is_ok());
    assert!(code.check(&software, software_deck.as_ref()).is_err());
    let mut edited = cafe.clone();
    edited.market.walk_ins_per_day += 0.5;
    assert_ne!(
        fingerprint(&edited, cafe_deck.as_ref()),
        fingerprint(&cafe, cafe_deck.as_ref())
    );
    let e = code
        .check(&edited, cafe_deck.as_ref())
        .unwrap_err()
        .render(customer_first::i18n::Lang::En);
    assert!(e.contains("another version of this scenario"), "{e}");
    // The deck counts too: the same scenario with another deck is another world.
    assert!(code.check(&cafe, None).is_err());
}

/// `customer-first code` prints a code; `run --code` with it is the same run as `run --seed`;
/// a trainer's own scenario needs its file, and another file is refused.
#[test]
fn the_command_line_makes_and_uses_codes() {
    let made = bin()
        .args(["code", "--scenario", "software", "--seed", "4242"])
        .output()
        .unwrap();
    assert!(made.status.success());
    let out = String::from_utf8_lossy(&made.stdout).into_owned();
    let code = out.split_whitespace().nth(2).unwrap().to_string();
    assert_eq!(SessionCode::parse(&code).unwrap().seed, 4242);
    assert!(out.contains("Ledgerly"), "{out}");
    let run = |args: &[&str]| bin().arg("run").args(args).output().unwrap();
    let with_code = run(&["--code", &code, "--days", "20"]);
    let with_seed = run(&[
        "--scenario",
        "assets/scenarios/software.ron",
        "--seed",
        "4242",
        "--days",
        "20",
    ]);
    assert!(
        with_code.status.success(),
        "{}",
        String::from_utf8_lossy(&with_code.stderr)
    );
    assert_eq!(with_code.stdout, with_seed.stdout);
    // --code and --seed together are refused by the parser.
    assert!(!run(&["--code", &code, "--seed", "1"]).status.success());

    // A trainer's own scenario: an edited café in a folder of its own.
    let dir = std::env::temp_dir().join(format!("customer-first-code-{}", std::process::id()));
    std::fs::create_dir_all(dir.join("scenarios")).unwrap();
    std::fs::create_dir_all(dir.join("dilemmas")).unwrap();
    let cafe = std::fs::read_to_string("assets/scenarios/cafe.ron").unwrap();
    let own = dir.join("scenarios/own.ron");
    std::fs::write(
        &own,
        cafe.replace("walk_ins_per_day: 1.0", "walk_ins_per_day: 1.5"),
    )
    .unwrap();
    std::fs::copy("assets/dilemmas/cafe.ron", dir.join("dilemmas/cafe.ron")).unwrap();
    let made = bin()
        .args(["code", "--seed", "77", "--scenario"])
        .arg(&own)
        .output()
        .unwrap();
    assert!(made.status.success());
    let out = String::from_utf8_lossy(&made.stdout).into_owned();
    let own_code = out.split_whitespace().nth(2).unwrap().to_string();
    assert_eq!(SessionCode::parse(&own_code).unwrap().bundled, None);
    let needs_file = run(&["--code", &own_code, "--days", "3"]);
    assert_eq!(needs_file.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&needs_file.stderr).contains("--scenario FILE"));
    let ok = bin()
        .args(["run", "--days", "3", "--code", &own_code, "--scenario"])
        .arg(&own)
        .output()
        .unwrap();
    assert!(
        ok.status.success(),
        "{}",
        String::from_utf8_lossy(&ok.stderr)
    );
    let other = run(&[
        "--code",
        &own_code,
        "--scenario",
        "assets/scenarios/cafe.ron",
        "--days",
        "3",
    ]);
    assert_eq!(other.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&other.stderr).contains("another scenario file"));
    // The bundled café given as its file is still the bundled café: its code needs no file.
    let made = bin()
        .args([
            "code",
            "--seed",
            "5",
            "--scenario",
            "assets/scenarios/cafe.ron",
        ])
        .output()
        .unwrap();
    let out = String::from_utf8_lossy(&made.stdout).into_owned();
    let cafe_code = out.split_whitespace().nth(2).unwrap().to_string();
    assert_eq!(SessionCode::parse(&cafe_code).unwrap().bundled, Some(0));
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn a_timed_session_fits_the_horizon_in_its_minutes_and_fixes_the_workshop_dilemmas() {
    use customer_first::headless::class::{Class, Known};
    use customer_first::session::Preset;

    let (cafe, deck) = bundled_world(0);
    // The whole three years in the session's minutes of play.
    for (p, minutes) in [(Preset::Workshop20, 14.0), (Preset::Workshop45, 30.0)] {
        let rate = p.ticks_per_second(&cafe).unwrap();
        let ticks = (cafe.horizon_days * cafe.ticks_per_day()) as f64;
        assert!((ticks / rate - minutes * 60.0).abs() < 1e-6);
        // A code says its preset.
        let code = SessionCode::new(&cafe, deck.as_ref(), Some(0), 31).with_preset(p);
        assert_eq!(SessionCode::parse(&code.text()).unwrap().preset, p);
    }
    assert_eq!(Preset::Free.ticks_per_second(&cafe), None);
    // The workshop's dilemmas come on their days in a timed session, and only then.
    let fixed = &cafe.workshop.as_ref().unwrap().fixed_dilemmas;
    assert!(!fixed.is_empty());
    let timed = Preset::Workshop45.deck(&cafe, deck.as_ref()).unwrap();
    let free = Preset::Free.deck(&cafe, deck.as_ref()).unwrap();
    assert_eq!(Some(&free), deck.as_ref());
    for f in fixed {
        let d = timed.get(&f.dilemma).unwrap();
        assert_eq!((d.when.from_day, d.when.to_day), (f.day, f.day));
        assert_eq!(d.when.chance_per_day, 1.0);
    }
    // Two teams on different policies, one code: both meet each workshop dilemma on its day;
    // `run --session 45` is the same world as the code; the class view replays them.
    let code = SessionCode::new(&cafe, deck.as_ref(), Some(0), 31).with_preset(Preset::Workshop45);
    let dir = std::env::temp_dir().join(format!("cf-session-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    for (policy, team) in [("customer-first", "A"), ("shareholder-first", "B")] {
        let out = bin()
            .args(["run", "--days", "340", "--code", &code.text(), "--policy"])
            .arg(format!("assets/policies/{policy}.ron"))
            .args(["--team", team, "--results"])
            .arg(dir.join(format!("{team}.results.ron")))
            .arg("--csv")
            .arg(dir.join(format!("{team}.csv")))
            .output()
            .unwrap();
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
        let f = customer_first::headless::results_file::ResultsFile::load(
            &dir.join(format!("{team}.results.ron")),
        )
        .unwrap();
        assert_eq!(f.preset, Preset::Workshop45);
        for fx in fixed.iter().filter(|fx| fx.day < 340) {
            let met = f.choices.iter().find(|c| c.dilemma == fx.dilemma);
            assert_eq!(met.map(|c| c.day), Some(fx.day), "{team}: {}", fx.dilemma);
        }
    }
    let out = bin()
        .args(["run", "--days", "340", "--seed", "31", "--session", "45"])
        .args(["--policy", "assets/policies/customer-first.ron", "--csv"])
        .arg(dir.join("again.csv"))
        .output()
        .unwrap();
    assert!(out.status.success());
    assert_eq!(
        std::fs::read(dir.join("A.csv")).unwrap(),
        std::fs::read(dir.join("again.csv")).unwrap()
    );
    for f in ["A.csv", "B.csv", "again.csv"] {
        std::fs::remove_file(dir.join(f)).unwrap();
    }
    let class = bevy::tasks::block_on(Class::load(&dir, &Known::bundled())).unwrap();
    assert_eq!(class.teams.len(), 2);
    assert!(class.apart.is_empty(), "{:?}", class.apart);
    // A scenario whose workshop names a dilemma its deck lacks is refused.
    let mut broken = cafe.clone();
    broken.workshop.as_mut().unwrap().fixed_dilemmas[0].dilemma = "no_such".into();
    let e =
        customer_first::dilemmas::check_with_scenario(&broken, deck.as_ref(), Path::new("x.ron"))
            .unwrap_err();
    assert!(e.to_string().contains("no_such"), "{e}");
    let _ = std::fs::remove_dir_all(&dir);
}

/// A code made for one bundled scenario, typed with another bundled scenario's file, names the
/// scenario it was made for; an edited copy of the same scenario is still "another version".
#[test]
fn a_code_for_another_bundled_scenario_names_it() {
    let made = bin()
        .args(["code", "--scenario", "cafe", "--seed", "99"])
        .output()
        .unwrap();
    assert!(made.status.success());
    let out = String::from_utf8_lossy(&made.stdout).into_owned();
    let code = out.split_whitespace().nth(2).unwrap().to_string();
    let run = |scenario: &Path| {
        bin()
            .args(["run", "--days", "3", "--code", &code, "--scenario"])
            .arg(scenario)
            .output()
            .unwrap()
    };
    let other = run(Path::new("assets/scenarios/software.ron"));
    let e = String::from_utf8_lossy(&other.stderr).into_owned();
    assert_eq!(other.status.code(), Some(2), "{e}");
    assert!(
        e.contains("--code") && e.contains("made for the bundled scenario cafe, not for software"),
        "{e}"
    );
    assert!(!e.contains("another version"), "{e}");

    let dir = std::env::temp_dir().join(format!("customer-first-other-{}", std::process::id()));
    std::fs::create_dir_all(dir.join("scenarios")).unwrap();
    std::fs::create_dir_all(dir.join("dilemmas")).unwrap();
    let cafe = std::fs::read_to_string("assets/scenarios/cafe.ron").unwrap();
    let edited = dir.join("scenarios/cafe.ron");
    std::fs::write(
        &edited,
        cafe.replace("walk_ins_per_day: 1.0", "walk_ins_per_day: 1.5"),
    )
    .unwrap();
    std::fs::copy("assets/dilemmas/cafe.ron", dir.join("dilemmas/cafe.ron")).unwrap();
    let changed = run(&edited);
    let e = String::from_utf8_lossy(&changed.stderr).into_owned();
    assert_eq!(changed.status.code(), Some(2), "{e}");
    assert!(e.contains("another version of this scenario"), "{e}");
}
