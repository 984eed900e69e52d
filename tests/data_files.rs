//! Every shipped data file loads, validates, and survives a serde round trip.

mod common;

use std::path::Path;

use customer_first::bundle;
use customer_first::policy::Policy;
use customer_first::scenario::Scenario;

#[test]
fn shipped_scenarios_load_validate_and_round_trip() {
    for b in bundle::ALL {
        let (path, text) = (b.scenario.path, b.scenario.text);
        let s = Scenario::from_ron(Path::new(path), text).unwrap_or_else(|e| panic!("{e}"));
        let from_disk = Scenario::load(&Path::new(env!("CARGO_MANIFEST_DIR")).join(path)).unwrap();
        assert_eq!(s, from_disk);
        let again = ron::ser::to_string_pretty(&s, Default::default()).unwrap();
        let back = Scenario::from_ron(Path::new("round-trip.ron"), &again).unwrap();
        assert_eq!(s, back, "{path}");
        assert!(!s.briefing.is_blank());
        // Both languages, and nothing missing in either.
        assert_eq!(s.missing_translations(), vec![], "{path}");
    }
}

#[test]
fn shipped_policies_load_validate_and_round_trip() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("assets/policies");
    let mut names: Vec<_> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    names.sort();
    assert!(names.len() >= 3);
    for p in names {
        let policy = Policy::load(&p).unwrap_or_else(|e| panic!("{e}"));
        policy
            .check_against(common::cafe().horizon_days, &p)
            .unwrap();
        let again = ron::ser::to_string_pretty(&policy, Default::default()).unwrap();
        assert_eq!(
            policy,
            Policy::from_ron(Path::new("rt.ron"), &again).unwrap()
        );
    }
}

#[test]
fn the_two_scenarios_have_different_economics() {
    let (cafe, soft) = (common::cafe(), common::software());
    assert_ne!(cafe.revenue, soft.revenue);
    let visits = |s: &Scenario| s.start.customers as f64 * s.segments[0].visits_per_month;
    assert!(
        visits(&cafe) > 10.0 * visits(&soft),
        "the café sees far more visits"
    );
    assert!(soft.reference.price_cents > 5 * cafe.reference.price_cents);
}

/// One table ships the bundled content: every scenario under `assets/scenarios` is in it, and
/// each entry's scenario names exactly the deck and the calibration policies the entry bundles
/// (on disk, beside it, the same files), so a scenario can never ship without its dilemmas.
#[test]
fn every_bundled_scenario_finds_its_deck_and_policies() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut on_disk: Vec<String> = std::fs::read_dir(root.join("assets/scenarios"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|x| x == "ron"))
        .map(|p| {
            format!(
                "assets/scenarios/{}",
                p.file_name().unwrap().to_str().unwrap()
            )
        })
        .collect();
    on_disk.sort();
    let mut bundled: Vec<String> = bundle::ALL
        .iter()
        .map(|b| b.scenario.path.to_string())
        .collect();
    bundled.sort();
    assert_eq!(on_disk, bundled, "every shipped scenario is bundled");
    let same_file = |named: &Path, file: &bundle::File| {
        let on_disk =
            std::fs::read_to_string(named).unwrap_or_else(|e| panic!("{}: {e}", named.display()));
        assert_eq!(on_disk, file.text, "{} is {}", named.display(), file.path);
    };
    for (i, b) in bundle::ALL.iter().enumerate() {
        assert_eq!(bundle::named(b.name), Some(i));
        let dir = root.join(b.scenario.path).parent().unwrap().to_path_buf();
        let l = customer_first::headless::setup::bundled(i).unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(l.bundled, Some(i));
        let named = l
            .scenario
            .dilemmas
            .as_ref()
            .expect("a bundled scenario has a deck");
        same_file(&dir.join(named), &b.deck);
        let deck = l.deck.expect("its deck is loaded");
        assert!(
            deck.dilemmas.len() >= 3,
            "{}: {} cards",
            b.name,
            deck.dilemmas.len()
        );
        // The same deck as the file beside the scenario gives.
        let from_file = customer_first::headless::setup::file(&root.join(b.scenario.path))
            .unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(from_file.deck.as_ref(), Some(&deck), "{}", b.name);
        let cal = l
            .scenario
            .winning
            .as_ref()
            .and_then(|w| w.calibration.as_ref())
            .expect("a bundled scenario is calibrated");
        same_file(&dir.join(&cal.thoughtful), &b.thoughtful);
        same_file(&dir.join(&cal.careless), &b.careless);
    }
}
