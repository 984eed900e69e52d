//! Every shipped data file loads, validates, and survives a serde round trip.

mod common;

use std::path::Path;

use customer_first::policy::Policy;
use customer_first::scenario::{Scenario, bundled};

#[test]
fn shipped_scenarios_load_validate_and_round_trip() {
    for (path, text) in bundled::ALL {
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
