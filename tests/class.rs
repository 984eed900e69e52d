//! Results files and the class view: a results file round-trips and flags a hand edit; the class
//! view ranks a folder of results (with a corrupt file, a foreign file and a team from another
//! scenario) by the balanced scorecard, follows the trainer's weights, replays every file it can,
//! finds where teams went different ways, and writes HTML that parses; the CLI says what is wrong
//! with bad input.

use std::path::{Path, PathBuf};
use std::process::Command;

use customer_first::bundle;
use customer_first::headless::class::{Apart, Class, Diverged, Known, Part, Same};
use customer_first::headless::html::class as class_html;
use customer_first::headless::results_file::{ResultsFile, deck_in};
use customer_first::headless::score::{Scores, Series};
use customer_first::headless::world::{prepare_with, run_days};
use customer_first::i18n::{Lang, Text};
use customer_first::policy::Policy;
use customer_first::scenario::{Scenario, Weights};
use customer_first::session::Preset;
use customer_first::sim::EndReason;
use scraper::{Html, Selector};

fn bin() -> Command {
    let mut c = Command::new(env!("CARGO_BIN_EXE_customer-first"));
    c.current_dir(env!("CARGO_MANIFEST_DIR"));
    c.env("LC_ALL", "C");
    c
}

fn scenario(i: usize) -> Scenario {
    customer_first::headless::setup::bundled(i)
        .unwrap()
        .scenario
}

/// The deck of the bundled scenario at `i`.
fn deck(i: usize) -> Option<customer_first::dilemmas::Deck> {
    customer_first::headless::setup::bundled(i).unwrap().deck
}

fn policy(name: &str) -> Policy {
    Policy::load(&Path::new(env!("CARGO_MANIFEST_DIR")).join(format!("assets/policies/{name}.ron")))
        .unwrap()
}

/// A team's results after `days` days of a bundled scenario under a shipped policy.
fn team(i: usize, policy_name: Option<&str>, days: u32, name: &str) -> ResultsFile {
    let s = scenario(i);
    let deck = deck(i);
    let p = policy_name.map(policy);
    let mut app = prepare_with(&s, s.seed, p.as_ref(), deck.as_ref());
    run_days(app.world_mut(), days);
    let r = customer_first::headless::results::collect(
        app.world_mut(),
        &s,
        s.seed,
        &Policy::title_of(p.as_ref()),
    );
    ResultsFile::of_run(
        &r,
        deck_in(app.world()).as_ref(),
        name,
        None,
        Preset::Free,
        Lang::En,
    )
}

fn temp(name: &str) -> PathBuf {
    let d = std::env::temp_dir().join(format!("cf-class-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&d);
    std::fs::create_dir_all(&d).unwrap();
    d
}

#[test]
fn a_results_file_round_trips_and_a_hand_edit_is_flagged() {
    let f = team(0, Some("balanced"), 120, "Blue");
    assert!(f.intact());
    assert_eq!(f.days(), 120);
    let dir = temp("roundtrip");
    let path = dir.join("blue.results.ron");
    f.write(&path).unwrap();
    let back = ResultsFile::load(&path).unwrap();
    assert_eq!(back, f);
    assert!(back.intact());
    // One figure changed by hand: still read, but its hash no longer matches.
    let text = std::fs::read_to_string(&path).unwrap();
    let quits = format!("quits: {},", f.totals.quits);
    assert!(text.contains(&quits), "{quits}");
    let edited = text.replacen(&quits, &format!("quits: {},", f.totals.quits + 1), 1);
    std::fs::write(&path, edited).unwrap();
    let back = ResultsFile::load(&path).unwrap();
    assert!(!back.intact());
    // Reformatting (the same values) is not an edit.
    let compact = ron::ser::to_string(&f).unwrap();
    let again = ResultsFile::from_ron(Path::new("compact.ron"), &compact).unwrap();
    assert!(again.intact());
}

#[test]
fn bad_and_foreign_files_are_refused_with_the_reason() {
    let f = team(0, None, 30, "Red");
    let text = f.to_ron();
    let newer = text.replacen("format_version: 1,", "format_version: 99,", 1);
    let e = ResultsFile::from_ron(Path::new("n.ron"), &newer).unwrap_err();
    assert!(e.to_string().contains("newer version"), "{e}");
    let e = ResultsFile::from_ron(Path::new("s.ron"), bundle::CAFE.scenario.text).unwrap_err();
    assert!(
        e.to_string().contains("not a customer-first results file"),
        "{e}"
    );
    let cut = &text[..text.len() / 2];
    let e = ResultsFile::from_ron(Path::new("cut.ron"), cut).unwrap_err();
    // A broken results file says where it breaks (line and column), not that it is foreign.
    let line = e.to_string();
    let at: Vec<&str> = line.splitn(4, ':').collect();
    assert_eq!(at[0], "cut.ron", "{e}");
    assert!(at[1].parse::<usize>().unwrap() > 1, "{e}");
    let nameless = text.replacen("team: \"Red\"", "team: \"  \"", 1);
    let e = ResultsFile::from_ron(Path::new("t.ron"), &nameless).unwrap_err();
    assert!(e.to_string().contains("team"), "{e}");
    // A column shorter than the others.
    let mut ragged = f.clone();
    ragged.series.cash.pop();
    let e = ResultsFile::from_ron(Path::new("r.ron"), &ron::ser::to_string(&ragged).unwrap())
        .unwrap_err();
    assert!(e.to_string().contains("different lengths"), "{e}");
}

#[test]
fn scores_follow_the_figures_and_an_early_end_keeps_its_share() {
    let mut s = Series::default();
    for d in 0..100u32 {
        s.day.push(d);
        s.active_customers.push(100);
        s.retention.push(1.0);
        s.nps.push(100.0);
        s.reputation.push(5.0);
        s.morale.push(1.0);
        s.fatigue.push(0.0);
        s.employees.push(5);
        s.quits.push(0);
        s.cash.push(1000);
        s.revenue.push(100);
        s.profit.push(30);
        s.board_confidence.push(1.0);
    }
    let best = Scores::of(&s, 100, Some(EndReason::HorizonReached));
    assert_eq!(best.each(), [100.0, 100.0, 100.0]);
    // The same figures, but the cash ran out on day 100 of 400: a quarter of each score.
    let early = Scores::of(&s, 400, Some(EndReason::CashRanOut));
    for v in early.each() {
        assert!((v - 25.0).abs() < 1e-9, "{v}");
    }
    // Ending by the player (a workshop's time is up) keeps the whole score.
    assert_eq!(Scores::of(&s, 400, Some(EndReason::EndedByPlayer)), best);
    // Half the customers kept: the customers' score loses a quarter (retention counts half).
    s.retention.iter_mut().for_each(|r| *r = 0.5);
    let half = Scores::of(&s, 100, None);
    assert!((half.customers - 75.0).abs() < 1e-9, "{half:?}");
    let w = Weights {
        customers: 2.0,
        employees: 1.0,
        shareholders: 1.0,
    };
    assert!((half.balanced(&w) - (2.0 * 75.0 + 100.0 + 100.0) / 4.0).abs() < 1e-9);
}

/// The bundled one-year café (the tutorial's): whole games in a test's time.
const YEAR_CAFE: usize = 5;

/// A class folder: three whole games of the one-year café on shipped policies, one unfinished
/// game of the software company, a corrupt file, a save and a text file.
fn class_folder(name: &str) -> PathBuf {
    let dir = temp(name);
    for (p, t) in [
        ("customer-first", "Team Kind"),
        ("balanced", "Team Even"),
        ("shareholder-first", "Team Lean"),
    ] {
        team(YEAR_CAFE, Some(p), 365, t)
            .write(&dir.join(format!("{p}.results.ron")))
            .unwrap();
    }
    team(1, None, 200, "Team Cloud")
        .write(&dir.join("cloud.results.ron"))
        .unwrap();
    let mut broken = team(0, None, 30, "Broken").to_ron();
    broken.truncate(broken.len() / 3);
    std::fs::write(dir.join("broken.results.ron"), broken).unwrap();
    std::fs::write(dir.join("notes.txt"), "bring coffee").unwrap();
    std::fs::copy(
        Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/saves/format-5-small-cafe-day-20.ron"),
        dir.join("a-save.ron"),
    )
    .unwrap();
    dir
}

#[test]
fn the_class_view_ranks_a_folder_and_lists_what_it_could_not_read() {
    let dir = class_folder("rank");
    let class = bevy::tasks::block_on(Class::load(&dir, &Known::bundled())).unwrap();
    assert_eq!(class.teams.len(), 4);
    let rejected: Vec<String> = class
        .rejected
        .iter()
        .map(|r| r.file.file_name().unwrap().to_string_lossy().into_owned())
        .collect();
    assert_eq!(rejected, ["a-save.ron", "broken.results.ron", "notes.txt"]);
    assert!(
        class.rejected[0]
            .to_string()
            .contains("not a customer-first results file")
    );
    // Two worlds, never ranked together: the café's three teams, then the software company's.
    assert_eq!(class.groups.len(), 2);
    let cafe = &class.groups[0];
    assert_eq!(cafe.teams.len(), 3);
    assert_eq!(class.groups[1].teams.len(), 1);
    assert_eq!(class.teams[class.groups[1].teams[0]].name(), "Team Cloud");
    // Every file was replayed from its decisions and matches: none is apart.
    assert!(class.apart.is_empty(), "{:?}", class.apart);
    assert!(class.teams.iter().all(|t| !t.edited && t.release.is_none()));
    // The software company's game stopped on day 200: ranked only with games stopped there.
    assert_eq!(class.groups[1].stopped, Some(200));
    assert_eq!(cafe.stopped, None);
    // Ranked by the balanced score, best first, each score the team's own.
    let ranking = class.ranking(cafe, &cafe.weights);
    let names: Vec<&str> = ranking
        .iter()
        .map(|&(i, _)| class.teams[i].name())
        .collect();
    for w in ranking.windows(2) {
        assert!(w[0].1 >= w[1].1);
    }
    for &(i, score) in &ranking {
        assert_eq!(score, class.teams[i].scores.balanced(&cafe.weights));
    }
    // The shareholder-first café runs out of cash within the year: last on every count.
    assert_eq!(names.last(), Some(&"Team Lean"));
    // The trainer's weights: only shareholders count, and the ranking is theirs.
    let owners = Weights {
        customers: 0.0,
        employees: 0.0,
        shareholders: 1.0,
    };
    let by_owners: Vec<usize> = class.ranking(cafe, &owners).iter().map(|r| r.0).collect();
    let shareholders: Vec<usize> = class.ranking_for(cafe, 2).iter().map(|r| r.0).collect();
    assert_eq!(by_owners, shareholders);
    // Where they diverged: each dilemma at which they chose differently, with each team's
    // choice as its file says, and the levers set apart on day 0.
    let div = class.divergences(cafe);
    assert!(
        div.iter()
            .any(|d| matches!(&d.what, Diverged::Levers(l) if d.day == 0 && l.len() >= 3))
    );
    let dilemmas: Vec<_> = div
        .iter()
        .filter(|d| matches!(d.what, Diverged::Dilemma { .. }))
        .collect();
    assert!(!dilemmas.is_empty());
    for d in dilemmas {
        let Diverged::Dilemma { id, .. } = &d.what else {
            unreachable!()
        };
        let mut chosen: Vec<&str> = Vec::new();
        for r in &d.rows {
            let f = &class.teams[r.team].results;
            let c = f.choices.iter().find(|c| &c.dilemma == id).unwrap();
            assert_eq!(r.day, c.day);
            chosen.push(&c.choice);
            // 90 days later, as the team's own series says.
            if let Some(l) = r.later {
                let i = f.series.day.iter().position(|&x| x == r.day + 90).unwrap();
                assert_eq!(l.retention, f.series.retention[i]);
                assert_eq!(l.cash, f.series.cash[i]);
            }
        }
        chosen.sort();
        chosen.dedup();
        assert!(chosen.len() > 1, "{id}: {chosen:?}");
    }
}

/// Where a file is listed apart, and why.
fn apart_why(class: &Class, team: &str) -> Option<Apart> {
    class
        .apart
        .iter()
        .find(|u| u.team == team)
        .map(|u| u.why.clone())
}

/// The ranking of the first world: (team, score).
fn ranked(class: &Class) -> Vec<(String, f64)> {
    let g = &class.groups[0];
    class
        .ranking(g, &g.weights)
        .into_iter()
        .map(|(i, s)| (class.teams[i].name().to_string(), s))
        .collect()
}

/// Writes `f` with its hash made again, as a forger with ten lines of Python would.
fn forge(dir: &Path, file: &str, mut f: ResultsFile) {
    f.content_hash = f.hash();
    assert!(f.intact());
    f.write(&dir.join(file)).unwrap();
}

#[test]
fn forged_endings_horizons_weights_and_versions_change_nothing_in_the_ranking() {
    let honest = team(YEAR_CAFE, Some("customer-first"), 365, "Kind");
    let lean = team(YEAR_CAFE, Some("shareholder-first"), 365, "Lean");
    // The ranking of the honest files alone.
    let clean = temp("forged-clean");
    honest.write(&clean.join("kind.results.ron")).unwrap();
    lean.write(&clean.join("lean.results.ron")).unwrap();
    let want = ranked(&bevy::tasks::block_on(Class::load(&clean, &Known::bundled())).unwrap());
    assert_eq!(want.len(), 2);

    let dir = temp("forged");
    honest.write(&dir.join("kind.results.ron")).unwrap();
    lean.write(&dir.join("lean.results.ron")).unwrap();
    let s = scenario(YEAR_CAFE);
    // A team whose café did worst rewrites how it ended.
    let mut f = lean.clone();
    f.team = "Ending".into();
    f.end = Some(EndReason::HorizonReached);
    f.outcome = Some(customer_first::headless::verdict::Outcome::Won);
    forge(&dir, "a-ending.results.ron", f);
    // ... or says its horizon was day 0, so that every score is its whole share.
    let mut f = lean.clone();
    f.team = "Horizon".into();
    f.scenario.horizon_days = 0;
    forge(&dir, "a-horizon.results.ron", f);
    // ... or re-weights the scorecard, in a file named to sort first.
    let mut f = lean.clone();
    f.team = "Weights".into();
    f.scenario.scorecard = Weights {
        customers: 0.0,
        employees: 0.0,
        shareholders: 100.0,
    };
    forge(&dir, "0-weights.results.ron", f);
    // ... or claims another model version and the best figures there are.
    let mut f = lean.clone();
    f.team = "Model".into();
    f.model_version += 1;
    f.series.retention.iter_mut().for_each(|r| *r = 1.0);
    forge(&dir, "a-model.results.ron", f);
    // ... or improves one day's morale.
    let mut f = lean.clone();
    f.team = "Figures".into();
    let last = f.series.morale.len() - 1;
    f.series.morale[last] = 1.0;
    forge(&dir, "a-figures.results.ron", f);
    // ... or takes a decision the game never offered (a choice no dilemma has).
    let mut f = lean.clone();
    f.team = "Choice".into();
    if let Some(c) = f.choices.first_mut() {
        c.choice = "no_such_choice".into();
    }
    forge(&dir, "a-choice.results.ron", f);
    // The same file handed in twice.
    std::fs::copy(
        dir.join("kind.results.ron"),
        dir.join("kind-again.results.ron"),
    )
    .unwrap();

    let class = bevy::tasks::block_on(Class::load(&dir, &Known::bundled())).unwrap();
    // The ranking is the honest files', score for score.
    assert_eq!(ranked(&class), want);
    assert_eq!(class.groups.len(), 1);
    assert_eq!(class.groups[0].weights, s.weights());
    let differs = |team: &str| match apart_why(&class, team) {
        Some(Apart::Differs { parts }) => parts,
        other => panic!("{team}: {other:?}"),
    };
    assert_eq!(differs("Ending"), [Part::Ending]);
    assert_eq!(differs("Horizon"), [Part::Scenario]);
    assert_eq!(differs("Weights"), [Part::Scenario]);
    assert_eq!(differs("Figures"), [Part::Figures]);
    assert!(differs("Choice").contains(&Part::Choices));
    assert_eq!(
        apart_why(&class, "Model"),
        Some(Apart::OtherModel {
            theirs: customer_first::sim::MODEL_VERSION + 1
        })
    );
    let copy = class
        .apart
        .iter()
        .find(|u| u.file.ends_with("kind.results.ron"))
        .expect("the second copy is apart");
    assert_eq!(
        copy.why,
        Apart::Copy {
            of: dir.join("kind-again.results.ron")
        }
    );
    // No forged team is named best for anyone, in any view.
    for lang in Lang::ALL {
        let v =
            customer_first::headless::class_view::World::of(&class, &class.groups[0], None, lang);
        for b in &v.best {
            let line = b.line.as_deref().unwrap();
            assert!(line.contains("Kind") || line.contains("Lean"), "{line}");
        }
        let page = class_html::html(&class, None, lang);
        let doc = Html::parse_document(&page);
        let apart = Selector::parse("#apart li").unwrap();
        assert_eq!(doc.select(&apart).count(), 7);
    }
    let text = customer_first::cli::class::text(&class, None, Lang::En);
    assert!(text.contains("Read but not ranked"), "{text}");
    assert!(
        text.contains("a-horizon.results.ron: Horizon, day"),
        "{text}"
    );
}

#[test]
fn a_hand_edit_outside_the_figures_is_ranked_and_said() {
    let dir = temp("edited");
    let honest = team(YEAR_CAFE, Some("balanced"), 365, "Honest");
    // Renamed by hand, hash not made again: every figure still replays.
    let mut renamed = honest.clone();
    renamed.team = "Renamed".into();
    let text = ron::ser::to_string_pretty(&renamed, Default::default()).unwrap();
    std::fs::write(dir.join("renamed.results.ron"), text).unwrap();
    // Written by another release of the program with the same model.
    let mut other = team(YEAR_CAFE, Some("customer-first"), 365, "Other");
    other.game_version = "0.0.9".into();
    forge(&dir, "other.results.ron", other);
    let class = bevy::tasks::block_on(Class::load(&dir, &Known::bundled())).unwrap();
    assert!(class.apart.is_empty(), "{:?}", class.apart);
    let t = |name: &str| class.teams.iter().find(|t| t.name() == name).unwrap();
    assert!(t("Renamed").edited);
    assert_eq!(t("Other").release.as_deref(), Some("0.0.9"));
    let text = customer_first::cli::class::text(&class, None, Lang::En);
    assert!(text.contains("written by version 0.0.9"), "{text}");
    // Without the scenario at hand nothing is ranked: each file says why.
    let unknown = bevy::tasks::block_on(Class::load(&dir, &[])).unwrap();
    assert!(unknown.teams.is_empty());
    assert!(
        unknown
            .apart
            .iter()
            .all(|u| matches!(u.why, Apart::UnknownScenario { .. }))
    );
}

#[test]
fn unfinished_games_timed_sessions_and_shared_names_are_ranked_apart_or_named() {
    let dir = temp("stages");
    team(YEAR_CAFE, Some("customer-first"), 365, "Whole")
        .write(&dir.join("whole.results.ron"))
        .unwrap();
    // Stopped on day 13: never above a whole game.
    team(YEAR_CAFE, Some("customer-first"), 13, "Early")
        .write(&dir.join("early.results.ron"))
        .unwrap();
    // A timed workshop on the same scenario and seed: its dilemmas came on fixed days.
    let s = scenario(YEAR_CAFE);
    let d = deck(YEAR_CAFE);
    let timed = Preset::Workshop20.deck(&s, d.as_ref());
    let mut app = prepare_with(&s, s.seed, None, timed.as_ref());
    run_days(app.world_mut(), 365);
    let r = customer_first::headless::results::collect(
        app.world_mut(),
        &s,
        s.seed,
        &Policy::title_of(None),
    );
    ResultsFile::of_run(&r, d.as_ref(), "Timed", None, Preset::Workshop20, Lang::En)
        .write(&dir.join("timed.results.ron"))
        .unwrap();
    // Two teams that chose one name.
    team(YEAR_CAFE, Some("balanced"), 365, "Blue")
        .write(&dir.join("blue-1.results.ron"))
        .unwrap();
    team(YEAR_CAFE, Some("shareholder-first"), 365, "blue ")
        .write(&dir.join("blue-2.results.ron"))
        .unwrap();
    let class = bevy::tasks::block_on(Class::load(&dir, &Known::bundled())).unwrap();
    assert!(class.apart.is_empty(), "{:?}", class.apart);
    let names = |g: usize| -> Vec<&str> {
        class.groups[g]
            .teams
            .iter()
            .map(|&i| class.teams[i].name())
            .collect()
    };
    assert_eq!(class.groups.len(), 3);
    assert_eq!(names(0), ["Blue", "blue", "Whole"]);
    assert_eq!(class.groups[0].preset, Preset::Free);
    assert_eq!(names(1), ["Timed"]);
    assert_eq!(class.groups[1].preset, Preset::Workshop20);
    assert_eq!(names(2), ["Early"]);
    assert_eq!(class.groups[2].stopped, Some(13));
    let blue: Vec<usize> = class.groups[0].teams[..2].to_vec();
    assert_eq!(class.groups[0].same, [Same::Name(blue)]);
    let heading = customer_first::headless::class_view::heading(&class.groups[2], Lang::En);
    assert!(
        heading.contains("unfinished: stopped on day 13 of 365"),
        "{heading}"
    );
    let v =
        customer_first::headless::class_view::World::of(&class, &class.groups[0], None, Lang::En);
    assert!(
        v.same[0].contains("One name, several files"),
        "{:?}",
        v.same
    );
}

#[test]
fn the_class_page_parses_and_holds_every_team() {
    let dir = class_folder("html");
    let class = bevy::tasks::block_on(Class::load(&dir, &Known::bundled())).unwrap();
    for lang in Lang::ALL {
        let page = class_html::html(&class, None, lang);
        let doc = Html::parse_document(&page);
        assert!(doc.errors.is_empty(), "{:?}", doc.errors);
        let sel = |s: &str| Selector::parse(s).unwrap();
        assert_eq!(doc.select(&sel("section.world")).count(), 2);
        assert_eq!(doc.select(&sel("table.ranking tbody tr")).count(), 4);
        // Every row carries the three scores the page re-ranks by.
        for tr in doc.select(&sel("table.ranking tbody tr")) {
            for k in ["data-c", "data-e", "data-s"] {
                let v: f64 = tr.value().attr(k).unwrap().parse().unwrap();
                assert!((0.0..=100.0).contains(&v));
            }
        }
        // Four charts per world, a line per team.
        assert_eq!(doc.select(&sel("section.world svg")).count(), 8);
        assert_eq!(doc.select(&sel("#world-0 svg polyline")).count(), 12);
        let not_read: Vec<String> = doc
            .select(&sel("#not-read li"))
            .map(|li| li.text().collect())
            .collect();
        assert_eq!(not_read.len(), 3);
        assert!(not_read[1].contains("broken.results.ron"));
        assert!(doc.select(&sel("script")).count() == 1);
        assert!(!page.contains("http://") || page.contains("http://www.w3.org/2000/svg"));
    }
    // The page names a team's choice in the language it is written in.
    let zh = class_html::html(&class, None, Lang::ZhCn);
    assert!(zh.contains("各团队成绩"));
}

#[test]
fn the_class_command_ranks_a_folder_and_writes_the_page() {
    let dir = temp("cli");
    for (p, t) in [("customer-first", "Kind"), ("shareholder-first", "Lean")] {
        let out = bin()
            .args([
                "run",
                "--scenario",
                "assets/scenarios/tutorial-cafe.ron",
                "--policy",
            ])
            .arg(format!("assets/policies/{p}.ron"))
            .args(["--team", t, "--results"])
            .arg(dir.join(format!("{t}.results.ron")))
            .output()
            .unwrap();
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
        assert!(String::from_utf8_lossy(&out.stdout).contains("wrote the results file"));
    }
    let page = dir.join("class.html");
    let out = bin()
        .arg("class")
        .arg(&dir)
        .arg("--html")
        .arg(&page)
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(text.contains("replayed here"), "{text}");
    let kind = text.find("  Kind").unwrap();
    let lean = text.find("  Lean").unwrap();
    assert!(kind < lean, "{text}");
    assert!(page.exists());
    // The owners' weights put the other team first.
    let out = bin()
        .arg("class")
        .arg(&dir)
        .args(["--weights", "0,0,1"])
        .output()
        .unwrap();
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(text.contains("shareholders 100%"), "{text}");
    // Bad weights, an empty folder, a missing folder: clear errors, exit 2.
    let out = bin()
        .arg("class")
        .arg(&dir)
        .args(["--weights", "1,x"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("--weights"));
    let empty = temp("cli-empty");
    let out = bin().arg("class").arg(&empty).output().unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stdout).contains("No results files"));
    let out = bin().arg("class").arg(empty.join("nope")).output().unwrap();
    assert_eq!(out.status.code(), Some(2));
    // A team name is needed with --results, and must not be blank.
    let out = bin()
        .args(["run", "--days", "5", "--team", " ", "--results"])
        .arg(dir.join("x.ron"))
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(!dir.join("x.ron").exists());
}

#[test]
fn a_results_file_names_the_scenario_it_was_played_on() {
    let f = team(1, None, 10, "Cloud");
    let s = scenario(1);
    let deck = deck(1);
    assert_eq!(
        f.scenario.hash,
        format!(
            "{:016x}",
            customer_first::session::scenario_hash(&s, deck.as_ref())
        )
    );
    assert_eq!(f.scenario.name, s.name);
    assert_eq!(f.scenario.start_levers, s.start_levers());
    assert_eq!(
        f.policy,
        Text::from_catalogue(|l| customer_first::tr!(l, "policy-defaults"))
    );
}

#[test]
fn every_team_gets_a_printable_page_in_its_own_language() {
    let dir = temp("pages");
    let cafe = scenario(YEAR_CAFE);
    let deck = deck(YEAR_CAFE);
    for (p, t, lang) in [
        ("customer-first", "蓝队", Lang::ZhCn),
        ("shareholder-first", "Red", Lang::En),
    ] {
        let pol = policy(p);
        let mut app = prepare_with(&cafe, 99, Some(&pol), deck.as_ref());
        run_days(app.world_mut(), 365);
        let r = customer_first::headless::results::collect(
            app.world_mut(),
            &cafe,
            99,
            &Policy::title_of(Some(&pol)),
        );
        ResultsFile::of_run(
            &r,
            deck_in(app.world()).as_ref(),
            t,
            Some("2000-1HTT-BS"),
            Preset::Free,
            lang,
        )
        .write(&dir.join(format!("{p}.results.ron")))
        .unwrap();
    }
    let class = bevy::tasks::block_on(Class::load(&dir, &Known::bundled())).unwrap();
    let out = dir.join("pages");
    assert_eq!(class.write_team_pages(&out, None).unwrap(), 2);
    let mut pages: Vec<PathBuf> = std::fs::read_dir(&out)
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    pages.sort();
    assert_eq!(pages.len(), 2);
    // One stylesheet: the team pages and the class page carry the same one.
    let style = |page: &str| {
        let from = page.find("<style>").expect("a stylesheet") + "<style>".len();
        page[from..from + page[from..].find("</style>").unwrap()].to_string()
    };
    let room = class_html::html(&class, None, Lang::En);
    assert_eq!(style(&room), customer_first::headless::html::STYLE);
    assert!(room.contains("<body class=\"class\">"));
    let sel = |s: &str| Selector::parse(s).unwrap();
    for page in &pages {
        let text = std::fs::read_to_string(page).unwrap();
        let doc = Html::parse_document(&text);
        assert!(doc.errors.is_empty(), "{:?}", doc.errors);
        let h1: String = doc.select(&sel("h1")).next().unwrap().text().collect();
        let html_lang = doc
            .select(&sel("html"))
            .next()
            .unwrap()
            .value()
            .attr("lang")
            .unwrap()
            .to_string();
        // Laid out for one sheet of A4, four charts, the team's place among the two.
        assert_eq!(style(&text), customer_first::headless::html::STYLE);
        assert!(text.contains("<body class=\"team\">"));
        assert!(text.contains("@page{size:A4"));
        assert_eq!(doc.select(&sel("svg")).count(), 4);
        if h1.contains("蓝队") {
            assert_eq!(html_lang, "zh-CN");
            assert!(
                text.contains("复盘") && text.contains("共 2 个团队"),
                "{h1}"
            );
            assert!(text.contains("2000-1HTT-BS"));
        } else {
            assert!(h1.contains("Red"), "{h1}");
            assert_eq!(html_lang, "en");
            assert!(text.contains("of 2 on the balanced scorecard"));
        }
        // Each page tells where its team went its own way (they chose differently).
        assert!(doc.select(&sel("div.own")).count() >= 1);
    }
}

mod mutated {
    //! Random edits of a real results file: whatever still parses is replayed, and a file whose
    //! figures were changed is never ranked; nothing panics.
    use super::*;
    use proptest::prelude::*;
    use proptest::test_runner::{Config, RngSeed};

    fn original() -> &'static ResultsFile {
        static F: std::sync::OnceLock<ResultsFile> = std::sync::OnceLock::new();
        F.get_or_init(|| team(YEAR_CAFE, Some("balanced"), 60, "Mutant"))
    }

    proptest! {
        #![proptest_config(Config {
            cases: 48,
            rng_seed: RngSeed::Fixed(34),
            failure_persistence: None,
            ..Config::default()
        })]
        #[test]
        fn a_changed_figure_is_never_ranked(
            edits in proptest::collection::vec((any::<proptest::sample::Index>(), 0x20u8..0x7f), 1..6)
        ) {
            let mut bytes = original().to_ron().into_bytes();
            for (at, b) in &edits {
                let i = at.index(bytes.len());
                bytes[i] = *b;
            }
            let dir = temp(&format!("mutant-{:x}", customer_first::hash::fnv1a(&bytes)));
            std::fs::write(dir.join("m.results.ron"), &bytes).unwrap();
            let class = bevy::tasks::block_on(Class::load(&dir, &Known::bundled())).unwrap();
            prop_assert_eq!(class.teams.len() + class.apart.len() + class.rejected.len(), 1);
            let text = String::from_utf8_lossy(&bytes);
            if let Ok(parsed) = ResultsFile::from_ron(Path::new("m.ron"), &text)
                && parsed.series != original().series
            {
                prop_assert!(class.teams.is_empty(), "a changed figure was ranked");
            }
            for t in &class.teams {
                prop_assert_eq!(&t.results.series, &original().series);
            }
            let _ = std::fs::remove_dir_all(&dir);
        }
    }
}

#[test]
fn a_team_named_for_a_colour_is_drawn_in_it_and_no_two_teams_share_one() {
    use customer_first::headless::class_view::{colours, team_rgb};
    let dir = temp("colours");
    for (file, name, p) in [
        ("a", "Apple", "balanced"),
        ("b", "Red Team", "customer-first"),
        ("c", "红队 2", "shareholder-first"),
        ("d", "Team Blue", "balanced"),
        ("e", "绿队", "customer-first"),
    ] {
        team(YEAR_CAFE, Some(p), 365, name)
            .write(&dir.join(format!("{file}.results.ron")))
            .unwrap();
    }
    let class = bevy::tasks::block_on(Class::load(&dir, &Known::bundled())).unwrap();
    assert_eq!(class.groups.len(), 1);
    let g = &class.groups[0];
    let c = colours(&class, g);
    // Apple asks for nothing; Red Team is red; 红队 2 asks for red too, which is taken; Team
    // Blue is blue, 绿队 green.
    assert_eq!(c, [3, 1, 4, 0, 2]);
    let mut distinct = c.clone();
    distinct.sort_unstable();
    distinct.dedup();
    assert_eq!(distinct.len(), c.len());
    let (r, g_, b) = team_rgb(c[1]);
    assert!(r > g_ && r > b, "red is drawn red: {:?}", (r, g_, b));
    // The ranking's rows carry the same colours.
    let v = customer_first::headless::class_view::World::of(&class, g, None, Lang::En);
    for row in &v.ranking {
        let k = g.teams.iter().position(|&i| i == row.team).unwrap();
        assert_eq!(row.colour, c[k]);
    }
}
