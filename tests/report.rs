//! The debrief: the HTML report of a headless run, read back with a real HTML parser; the
//! churn-cause breakdown; and what-if replays (no change ⇒ byte-identical; a changed decision ⇒
//! identical before its day and different from it on).

mod common;

use customer_first::dilemmas::{Deck, Effect};
use customer_first::policy::{Change, Policy};
use customer_first::report::{self, Overlay, churn_causes, timeline};
use customer_first::runner::{
    self, Decisions, RunResult, WhatIf, days_csv, first_difference, run_with_deck,
};
use customer_first::scenario::Scenario;
use customer_first::sim::levers::LeverSet;
use scraper::{Html, Selector};

fn cafe_and_deck() -> (Scenario, Deck) {
    let s = common::cafe();
    let deck = runner::deck_for(&s, None)
        .unwrap()
        .expect("the café has a deck");
    (s, deck)
}

/// Replays a policy's decisions with one changed.
fn replay(s: &Scenario, deck: &Deck, seed: u64, days: u32, d: &Decisions) -> RunResult {
    runner::replay(s, seed, Some(deck), d, days, "replay", &|_| {}).0
}

fn sel(s: &str) -> Selector {
    Selector::parse(s).unwrap()
}

#[test]
fn the_html_report_has_the_timeline_charts_scorecards_causes_capital_and_lessons() {
    let (s, deck) = cafe_and_deck();
    let policy = common::policy("shareholder-first");
    let (r, records) = run_with_deck(&s, 11, 240, Some(&policy), Some(&deck));
    assert!(!r.decision_log.is_empty() && !r.choices.is_empty());
    let html = report::html(&r, &records, None);
    let doc = Html::parse_document(&html);
    assert!(doc.errors.is_empty(), "{:?}", doc.errors);

    // The timeline lists every decision, choice and remark.
    let items = doc.select(&sel("section#timeline li")).count();
    assert_eq!(items, timeline(&r).len());
    assert!(doc.select(&sel("section#timeline li.dilemma")).count() == r.choices.len());

    // Charts are inline SVG with a line per series and the decisions marked.
    let charts: Vec<_> = doc.select(&sel("section#charts svg")).collect();
    assert_eq!(charts.len(), report::CHARTS.len());
    for svg in &charts {
        assert!(svg.select(&sel("polyline.series")).count() >= 1);
        let marks = svg.select(&sel("line.decision")).count();
        assert_eq!(
            marks,
            timeline(&r).iter().filter(|e| e.kind != "advisor").count()
        );
        let pts = svg
            .select(&sel("polyline.series"))
            .next()
            .unwrap()
            .value()
            .attr("points")
            .unwrap();
        assert_eq!(pts.split(' ').count(), r.rows.len(), "one point per day");
    }

    // Three scorecards.
    assert_eq!(doc.select(&sel("section#scorecards .card")).count(), 3);

    // Why customers left: the rows sum to the total, which is the run's churned count.
    let counts: u32 = doc
        .select(&sel("section#why-they-left tr.cause td.count"))
        .map(|td| td.text().collect::<String>().parse::<u32>().unwrap())
        .sum();
    let total: u32 = doc
        .select(&sel("#churned-total"))
        .next()
        .unwrap()
        .text()
        .collect::<String>()
        .parse()
        .unwrap();
    assert_eq!(counts, total);
    assert_eq!(total, r.churned);

    assert_eq!(doc.select(&sel("section#capital tr")).count(), 4);
    let lessons = doc.select(&sel("section#lessons .lesson")).count();
    assert!((3..=5).contains(&lessons), "{lessons} lessons");

    // Self-contained: no scripts, no external resources.
    assert_eq!(doc.select(&sel("script, link, img, iframe")).count(), 0);
    // The only URL is the SVG namespace.
    assert_eq!(
        html.matches("http").count(),
        html.matches("http://www.w3.org/2000/svg").count()
    );
}

#[test]
fn the_churn_cause_breakdown_sums_to_the_churned_customers() {
    let (s, deck) = cafe_and_deck();
    for (seed, p) in [
        (1, "balanced"),
        (2, "shareholder-first"),
        (3, "customer-first"),
    ] {
        let policy = common::policy(p);
        let (r, records) = run_with_deck(&s, seed, 365, Some(&policy), Some(&deck));
        let causes = churn_causes(&r, &records);
        let sum: u32 = causes.iter().map(|c| c.count).sum();
        assert_eq!(sum, r.churned, "{p}");
        assert_eq!(
            sum as usize,
            records.iter().filter(|c| c.churned_day.is_some()).count()
        );
        for c in &causes {
            assert!(c.peak_count >= 1 && c.peak_count <= c.count);
            assert!(c.before.iter().all(|e| e.day <= c.peak_from + 28));
        }
    }
}

#[test]
fn what_if_with_no_change_reproduces_the_run_byte_for_byte() {
    let (s, deck) = cafe_and_deck();
    let policy = common::policy("balanced");
    let plan = Decisions::from_policy(&policy);
    let same = WhatIf::Nothing.apply(&plan, Some(&deck)).unwrap();
    assert_eq!(same, plan);
    // The replay of the policy's decisions is the run itself, byte for byte.
    let (a, _) = run_with_deck(&s, 5, 300, Some(&policy), Some(&deck));
    let b = replay(&s, &deck, 5, 300, &same);
    assert_eq!(days_csv(&a.rows), days_csv(&b.rows));
    assert_eq!(a.decision_log, b.decision_log);
    assert_eq!(a.choices, b.choices);
    assert_eq!(first_difference(&a.rows, &b.rows), None);
}

fn cash_of(effects: &[Effect]) -> i64 {
    effects
        .iter()
        .map(|e| if let Effect::Cash(c) = e { *c } else { 0 })
        .sum()
}

#[test]
fn what_if_with_another_choice_differs_from_the_decision_day_on_and_not_before() {
    let (s, deck) = cafe_and_deck();
    let policy = common::policy("balanced");
    let (base, _) = run_with_deck(&s, 5, 300, Some(&policy), Some(&deck));
    // The first dilemma met that has a choice with different money on the day.
    let (made, other) = base
        .choices
        .iter()
        .find_map(|m| {
            let d = deck.get(&m.dilemma)?;
            let taken = d.choices.iter().find(|c| c.id == m.choice)?;
            let other = d
                .choices
                .iter()
                .find(|c| cash_of(&c.effects) != cash_of(&taken.effects))?;
            Some((m.clone(), other.id.clone()))
        })
        .expect("a dilemma fired in 300 days");
    let change = WhatIf::Choose {
        dilemma: made.dilemma.clone(),
        choice: other,
    };
    let plan = Decisions::from_policy(&policy);
    let alt = replay(
        &s,
        &deck,
        5,
        300,
        &change.apply(&plan, Some(&deck)).unwrap(),
    );
    let d = made.day as usize;
    assert_eq!(
        days_csv(&base.rows[..d]),
        days_csv(&alt.rows[..d]),
        "identical before"
    );
    assert_eq!(first_difference(&base.rows, &alt.rows), Some(made.day));
    assert_ne!(
        base.rows.last(),
        alt.rows.last(),
        "still different at the end"
    );

    // The debrief overlays both and states the difference.
    let html = report::html(
        &base,
        &[],
        Some(Overlay {
            label: change.describe(&plan),
            result: &alt,
        }),
    );
    let doc = Html::parse_document(&html);
    assert_eq!(doc.select(&sel("section#whatif tr")).count(), 7);
    let svg = doc.select(&sel("section#charts svg")).next().unwrap();
    assert_eq!(
        svg.select(&sel("polyline.series")).count(),
        2,
        "both runs drawn"
    );
}

#[test]
fn what_if_with_a_lever_change_undone_differs_from_its_day_on() {
    let (s, deck) = cafe_and_deck();
    let policy = Policy {
        name: "raise prices".into(),
        choices: Default::default(),
        changes: vec![Change {
            day: 30,
            set: LeverSet {
                price: Some(1.2),
                ..Default::default()
            },
        }],
    };
    let plan = Decisions::from_policy(&policy);
    let undone = WhatIf::Undo(1).apply(&plan, Some(&deck)).unwrap();
    assert!(undone.changes.is_empty());
    let (a, _) = run_with_deck(&s, 9, 120, Some(&policy), Some(&deck));
    let b = replay(&s, &deck, 9, 120, &undone);
    assert_eq!(first_difference(&a.rows, &b.rows), Some(30));
    // Bad requests are refused with what exists.
    assert!(WhatIf::Undo(2).apply(&plan, Some(&deck)).is_err());
    let e = WhatIf::choose("recall=shrug")
        .unwrap()
        .apply(&plan, Some(&deck))
        .unwrap_err();
    assert!(e.contains("recall_now"), "{e}");
    assert!(WhatIf::choose("nonsense").is_none());
}
