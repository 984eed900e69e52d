//! The scenario format's documentation, `docs/scenario-format.md`, is made from the same
//! declarations that validate a scenario (`src/scenario/schema.rs`): it lists every field with its
//! range and meaning, and this test fails when the file is out of date. To rewrite it:
//! `UPDATE_DOCS=1 cargo test --test scenario_format`.

use std::path::Path;

use customer_first::bundle;
use customer_first::diagnostics::Checker;
use customer_first::scenario::{Scenario, schema};

fn markdown() -> String {
    let mut out = String::from(
        "# The scenario format\n\n\
         Made from `src/scenario/schema.rs` by `tests/scenario_format.rs` (do not edit by hand).\n\
         A scenario is a RON file; every field below is required unless its rule says `or None`.\n\
         `[i]` is each element of a list. Relations between fields (closing after opening, the\n\
         three condition weights adding up to 1, …) are checked too: see\n\
         `src/scenario/checks.rs`.\n\n\
         | field | rule | meaning |\n|---|---|---|\n",
    );
    for d in schema::documentation() {
        let meaning = d
            .meaning
            .split_whitespace()
            .collect::<Vec<_>>()
            .join(" ")
            .replace('|', "\\|");
        out.push_str(&format!("| `{}` | {} | {} |\n", d.path, d.rule, meaning));
    }
    out
}

#[test]
fn the_format_documentation_is_made_from_the_declarations() {
    let file = Path::new(env!("CARGO_MANIFEST_DIR")).join("docs/scenario-format.md");
    let made = markdown();
    if std::env::var_os("UPDATE_DOCS").is_some() {
        std::fs::write(&file, &made).unwrap();
    }
    let on_disk = std::fs::read_to_string(&file).unwrap_or_default();
    assert!(
        on_disk == made,
        "docs/scenario-format.md is out of date: UPDATE_DOCS=1 cargo test --test scenario_format"
    );
}

#[test]
fn every_number_in_the_documentation_has_a_range_and_a_meaning() {
    let docs = schema::documentation();
    assert!(docs.len() > 150, "{} rows", docs.len());
    for d in &docs {
        assert!(!d.meaning.is_empty(), "{} has no meaning", d.path);
        assert!(!d.rule.is_empty(), "{} has no rule", d.path);
    }
    // The field the old hand-written checks forgot is declared with its range.
    let salience = docs
        .iter()
        .find(|d| d.path == "complaints.salience")
        .expect("listed");
    assert_eq!(salience.rule, "0..=1");
}

#[test]
fn a_value_out_of_its_declared_range_is_reported_with_its_path() {
    let mut s = Scenario::from_ron(
        Path::new(bundle::CAFE.scenario.path),
        bundle::CAFE.scenario.text,
    )
    .unwrap();
    s.complaints.salience = 2.0;
    s.segments[1].ramp_cap = 0.5;
    s.service.level_time.extra = 50.0;
    let mut c = Checker::default();
    s.check(&mut c);
    let text: Vec<String> = c.problems.iter().map(|p| format!("{p:?}")).collect();
    let all = text.join("\n");
    for want in [
        "complaints.salience",
        "segments[1].ramp_cap",
        "service.level_time.extra",
    ] {
        assert!(all.contains(want), "{want} in {all}");
    }
    assert_eq!(c.problems.len(), 3, "{all}");
}

/// A business that starts with other levers (what Explore runs) starts with every one of them:
/// each lever that is not a multiple of the reference becomes a start lever, each multiple stays
/// at its reference. Every lever is moved, so one forgotten in the conversion fails here.
#[test]
fn a_scenario_started_with_other_levers_starts_with_every_one_of_them() {
    use customer_first::levers::{Lever, LeverKind, LeverSet, LeverValue, limits};
    let s = Scenario::from_ron(
        Path::new(bundle::CAFE.scenario.path),
        bundle::CAFE.scenario.text,
    )
    .unwrap();
    let mut levers = s.start_levers();
    let other = |lever: Lever, now: LeverValue| match (lever.kind(), now) {
        (LeverKind::Number { range, .. }, LeverValue::Number(x)) => {
            LeverValue::Number(if x == range.1 { range.0 } else { range.1 })
        }
        (LeverKind::Level, LeverValue::Level(l)) => LeverValue::Level(
            *customer_first::levers::ServiceLevel::ALL
                .iter()
                .find(|o| **o != l)
                .unwrap(),
        ),
        (LeverKind::Recovery, LeverValue::Recovery(r)) => LeverValue::Recovery(
            *customer_first::levers::RecoveryPolicy::ALL
                .iter()
                .find(|o| **o != r)
                .unwrap(),
        ),
        (LeverKind::Toggle, LeverValue::Toggle(b)) => LeverValue::Toggle(!b),
        (kind, value) => panic!("{lever:?} is {kind:?} but holds {value:?}"),
    };
    for lever in Lever::ALL {
        let before = levers.get(lever);
        levers.apply(&LeverSet::one(lever, other(lever, before)));
        assert_ne!(levers.get(lever), before, "{lever:?} did not move");
    }
    let started = s.starting_with(&levers).start_levers();
    for lever in Lever::ALL {
        let multiple =
            matches!(lever.kind(), LeverKind::Number { range, .. } if range == limits::MULTIPLE);
        let expected = if multiple {
            LeverValue::Number(1.0)
        } else {
            levers.get(lever)
        };
        assert_eq!(started.get(lever), expected, "{lever:?}");
    }
}
