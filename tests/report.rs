//! The debrief: the HTML report of a headless run, read back with a real HTML parser; the
//! churn-cause breakdown; and what-if replays (no change ⇒ byte-identical; a changed decision ⇒
//! identical before its day and different from it on).

mod common;

use customer_first::dilemmas::{Deck, Effect};
use customer_first::headless::html::debrief::{self, Overlay};
use customer_first::headless::report::{self, churn_causes, timeline};
use customer_first::headless::results::RunResult;
use customer_first::headless::tables::days_csv;
use customer_first::headless::whatif::Decisions;
use customer_first::headless::whatif::WhatIf;
use customer_first::headless::whatif::first_difference;
use customer_first::headless::world::run_with_deck;
use customer_first::i18n::{Lang, Text};
use customer_first::levers::LeverSet;
use customer_first::policy::{Change, Policy};
use customer_first::scenario::Scenario;
use scraper::{Html, Selector};

fn cafe_and_deck() -> (Scenario, Deck) {
    let s = common::cafe();
    let deck = common::deck_of(&s).expect("the café has a deck");
    (s, deck)
}

/// Replays a policy's decisions with one changed.
fn replay(s: &Scenario, deck: &Deck, seed: u64, days: u32, d: &Decisions) -> RunResult {
    bevy::tasks::block_on(customer_first::headless::world::replay(
        s,
        seed,
        Some(deck),
        d,
        days,
        &Text::en("replay"),
        &|_| {},
    ))
    .0
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
    let html = debrief::html(&r, &records, None, Lang::En);
    let doc = Html::parse_document(&html);
    assert!(doc.errors.is_empty(), "{:?}", doc.errors);
    // The one stylesheet every page carries, and the debrief's part of it chosen by the body.
    assert_eq!(
        doc.select(&sel("style")).next().unwrap().inner_html(),
        customer_first::headless::html::STYLE
    );
    assert_eq!(
        doc.select(&sel("body"))
            .next()
            .unwrap()
            .value()
            .attr("class"),
        Some("debrief")
    );

    // The timeline lists every decision, choice and remark.
    let items = doc.select(&sel("section#timeline li")).count();
    assert_eq!(items, timeline(&r, Lang::En).len());
    assert!(doc.select(&sel("section#timeline li.dilemma")).count() == r.choices.len());

    // Charts are inline SVG with a line per series and the decisions marked.
    let charts: Vec<_> = doc.select(&sel("section#charts svg")).collect();
    assert_eq!(charts.len(), customer_first::headless::charts::CHARTS.len());
    for svg in &charts {
        assert!(svg.select(&sel("polyline.series")).count() >= 1);
        let marks = svg.select(&sel("line.decision")).count();
        assert_eq!(
            marks,
            timeline(&r, Lang::En)
                .iter()
                .filter(|e| e.kind != "advisor")
                .count()
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
    // The shares overlap (ramp-up is part of retention; referred customers who stay count in
    // both), and the debrief says so rather than letting them look like parts of a whole.
    let overlap: String = doc
        .select(&sel("section#capital p.overlap"))
        .flat_map(|p| p.text())
        .collect();
    assert_eq!(overlap, customer_first::tr!(Lang::En, "capital-overlap"));
    // What a customer is worth: a row per year of tenure the starting book and the run reached
    // (the café has traded five years), and what 5 points less defection would add.
    let years = doc.select(&sel("section#customer-value tr")).count() - 1;
    assert!((5..=6).contains(&years), "{years} years of tenure");
    let base = r.lifetime_value(0.0);
    let cut = r.lifetime_value(0.05);
    assert!(cut.value_cents > base.value_cents && base.value_cents > 0.0);
    let gain: String = doc
        .select(&sel("section#customer-value p#value-gain"))
        .flat_map(|p| p.text())
        .collect();
    assert!(
        gain.contains(&r.money(cut.value_cents.round() as i64)),
        "{gain}"
    );
    // The lessons shown are those the run chose, in its order.
    let shown: Vec<String> = doc
        .select(&sel("section#lessons .lesson"))
        .map(|l| l.text().collect::<String>())
        .collect();
    let chosen = report::lessons(&r, &report::churn_causes(&r, &records, Lang::En), Lang::En);
    assert_eq!(shown.len(), chosen.len());
    for (html_text, lesson) in shown.iter().zip(&chosen) {
        assert!(html_text.contains(&lesson.principle), "{html_text}");
    }

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
        let causes = churn_causes(&r, &records, Lang::En);
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
    assert_eq!(days_csv(&a.rows).unwrap(), days_csv(&b.rows).unwrap());
    assert_eq!(a.decision_log, b.decision_log);
    assert_eq!(a.choices, b.choices);
    assert_eq!(first_difference(&a.rows, &b.rows).unwrap(), None);
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
        days_csv(&base.rows[..d]).unwrap(),
        days_csv(&alt.rows[..d]).unwrap(),
        "identical before"
    );
    assert_eq!(
        first_difference(&base.rows, &alt.rows).unwrap(),
        Some(made.day)
    );
    assert_ne!(
        base.rows.last(),
        alt.rows.last(),
        "still different at the end"
    );

    // The debrief overlays both and states the difference.
    let html = debrief::html(
        &base,
        &[],
        Some(Overlay {
            label: change.describe(&plan, Some(&deck), Lang::En),
            result: &alt,
        }),
        Lang::En,
    );
    let doc = Html::parse_document(&html);
    assert_eq!(doc.select(&sel("section#whatif tr")).count(), 7);
    let svg = doc.select(&sel("section#charts svg")).next().unwrap();
    assert_eq!(
        svg.select(&sel("polyline.series")).count(),
        2 * customer_first::headless::charts::CHARTS[0].series.len(),
        "both runs drawn"
    );
}

#[test]
fn what_if_with_a_lever_change_undone_differs_from_its_day_on() {
    let (s, deck) = cafe_and_deck();
    let policy = Policy {
        name: "raise prices".into(),
        label: None,
        description: None,
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
    assert_eq!(first_difference(&a.rows, &b.rows).unwrap(), Some(30));
    // Bad requests are refused with what exists.
    assert!(WhatIf::Undo(2).apply(&plan, Some(&deck)).is_err());
    let e = WhatIf::choose("recall=shrug")
        .unwrap()
        .apply(&plan, Some(&deck))
        .unwrap_err()
        .to_string();
    assert!(e.contains("recall_now"), "{e}");
    assert!(WhatIf::choose("nonsense").is_none());
}

/// The lessons lead with what the run showed most: a café with one person on the floor turns
/// people away, and leads with finite resources; the same café fully staffed and drowning its
/// customers in extras puts "expectations first" among its lessons and finite resources last or
/// not at all.
#[test]
fn the_lessons_lead_with_what_the_run_showed() {
    let s = common::cafe();
    let plan = common::from_day_0;
    let lessons = |p: &Policy| {
        let (r, records) = run_with_deck(&s, 5, 150, Some(p), None);
        report::lessons(&r, &report::churn_causes(&r, &records, Lang::En), Lang::En)
            .into_iter()
            .map(|l| l.principle)
            .collect::<Vec<_>>()
    };
    let short = lessons(&plan(LeverSet {
        staff: Some(1),
        ..Default::default()
    }));
    assert_eq!(
        short[0], "Finite resources vs unlimited demand",
        "{short:?}"
    );
    let bloated = lessons(&plan(LeverSet {
        staff: Some(12),
        extras: Some(30),
        ..Default::default()
    }));
    assert!(
        bloated
            .iter()
            .any(|p| p == "Expectations first, extras second"),
        "{bloated:?}"
    );
    assert_ne!(
        bloated[0], "Finite resources vs unlimited demand",
        "{bloated:?}"
    );
}
