//! Each mechanism of the model, shown by comparing runs that differ in one lever, averaged over
//! several seeds. Nothing here reads a hard-coded result: every number comes from the model.

mod common;

use common::{SEEDS, mean};
use customer_first::headless::results::RunResult;
use customer_first::levers::{LeverSet, RecoveryPolicy, ServiceLevel};
use customer_first::scenario::Scenario;

use common::from_day_0 as with;

/// The café with deep pockets and a patient board, so that a costly lever setting shows its
/// effect on customers instead of ending the game early.
fn cafe() -> Scenario {
    common::patient_owners(&common::cafe())
}

fn runs(s: &Scenario, days: u32, set: LeverSet) -> Vec<RunResult> {
    let p = with(set);
    let rs: Vec<RunResult> = SEEDS
        .iter()
        .map(|&seed| common::run(s, seed, days, Some(&p)))
        .collect();
    for r in &rs {
        assert_eq!(r.rows.len(), days as usize, "the run lasted: {:?}", r.end);
    }
    rs
}

fn total(rs: &[RunResult], f: impl Fn(&customer_first::sim::metrics::DayRow) -> f64) -> f64 {
    rs.iter().flat_map(|r| r.rows.iter().map(&f)).sum()
}

fn avg_wait(rs: &[RunResult]) -> f64 {
    let served = total(rs, |d| d.served as f64);
    total(rs, |d| d.mean_wait_min.unwrap_or(0.0) * d.served as f64) / served
}

#[test]
fn fewer_staff_mean_longer_waits_more_balking_and_lower_retention() {
    let s = cafe();
    let few = runs(
        &s,
        180,
        LeverSet {
            staff: Some(3),
            ..Default::default()
        },
    );
    let many = runs(
        &s,
        180,
        LeverSet {
            staff: Some(7),
            ..Default::default()
        },
    );
    let (wf, wm) = (avg_wait(&few), avg_wait(&many));
    let lost = |rs: &[RunResult]| total(rs, |d| (d.balked + d.reneged) as f64);
    let retention =
        |rs: &[RunResult]| mean(rs.iter().map(|r| r.rows.last().unwrap().retention_90d));
    println!(
        "wait {wf:.2} vs {wm:.2}; lost {} vs {}; retention {:.3} vs {:.3}",
        lost(&few),
        lost(&many),
        retention(&few),
        retention(&many)
    );
    assert!(
        wf > 2.0 * wm,
        "waits: 3 staff {wf:.2} min vs 7 staff {wm:.2} min"
    );
    assert!(lost(&few) > 2.0 * lost(&many));
    assert!(retention(&few) < retention(&many));
}

#[test]
fn sustained_overtime_raises_fatigue_and_quits() {
    let s = cafe();
    let base = runs(
        &s,
        365,
        LeverSet {
            overtime: Some(0.0),
            ..Default::default()
        },
    );
    let long = runs(
        &s,
        365,
        LeverSet {
            overtime: Some(4.0),
            ..Default::default()
        },
    );
    let fatigue = |rs: &[RunResult]| mean(rs.iter().flat_map(|r| r.rows.iter().map(|d| d.fatigue)));
    let quits = |rs: &[RunResult]| total(rs, |d| d.quits as f64);
    println!(
        "fatigue {:.3} vs {:.3}; quits {} vs {}",
        fatigue(&long),
        fatigue(&base),
        quits(&long),
        quits(&base)
    );
    assert!(fatigue(&long) > fatigue(&base) + 0.1);
    assert!(quits(&long) > quits(&base));
}

#[test]
fn generous_recovery_keeps_more_complainers() {
    let s = cafe();
    let churn_among_complainers = |recovery: RecoveryPolicy| {
        let p = with(LeverSet {
            recovery: Some(recovery),
            ..Default::default()
        });
        let (mut complainers, mut gone) = (0, 0);
        for seed in SEEDS {
            let (_, customers) = common::run_full(&s, seed, 365, Some(&p));
            for c in customers.iter().filter(|c| c.complaints > 0) {
                complainers += 1;
                gone += c.churned_day.is_some() as u32;
            }
        }
        assert!(
            complainers > 100,
            "enough complainers to compare: {complainers}"
        );
        gone as f64 / complainers as f64
    };
    let strict = churn_among_complainers(RecoveryPolicy::Strict);
    let generous = churn_among_complainers(RecoveryPolicy::Generous);
    println!("complainers who left: strict {strict:.3}, generous {generous:.3}");
    assert!(generous < strict - 0.05);
}

#[test]
fn too_many_extras_lower_mood() {
    let s = cafe();
    let mood = |n: i64| {
        let rs = runs(
            &s,
            120,
            LeverSet {
                extras: Some(n),
                ..Default::default()
            },
        );
        let moods = total(&rs, |d| d.mean_mood.unwrap_or(0.0) * d.served as f64);
        moods / total(&rs, |d| d.served as f64)
    };
    let (one, ten) = (mood(1), mood(10));
    println!("mean mood with 1 extra {one:.3}, with 10 {ten:.3}");
    assert!(ten < one - 0.2);
}

#[test]
fn higher_wages_raise_morale_and_cut_quits() {
    let s = cafe();
    let low = runs(
        &s,
        365,
        LeverSet {
            wage: Some(0.8),
            ..Default::default()
        },
    );
    let high = runs(
        &s,
        365,
        LeverSet {
            wage: Some(1.3),
            ..Default::default()
        },
    );
    let morale = |rs: &[RunResult]| mean(rs.iter().map(|r| r.rows.last().unwrap().morale));
    let quits = |rs: &[RunResult]| total(rs, |d| d.quits as f64);
    println!(
        "morale {:.3} vs {:.3}; quits {} vs {}",
        morale(&high),
        morale(&low),
        quits(&high),
        quits(&low)
    );
    assert!(morale(&high) > morale(&low) + 0.1);
    assert!(quits(&high) < quits(&low));
}

#[test]
fn promoters_bring_referred_customers() {
    let s = cafe();
    let delight = runs(
        &s,
        180,
        LeverSet {
            service_level: Some(ServiceLevel::Obsession),
            quality: Some(1.5),
            staff: Some(7),
            ..Default::default()
        },
    );
    let plain = runs(
        &s,
        180,
        LeverSet {
            quality: Some(0.7),
            ..Default::default()
        },
    );
    let referred = |rs: &[RunResult]| total(rs, |d| d.new_referred as f64);
    let nps = |rs: &[RunResult]| mean(rs.iter().flat_map(|r| r.rows.iter().map(|d| d.nps)));
    println!(
        "referred {} vs {}; nps {:.1} vs {:.1}",
        referred(&delight),
        referred(&plain),
        nps(&delight),
        nps(&plain)
    );
    // Promoter-days: customers who would recommend (a visit's mood of 9 or more), day by day.
    let promoter_days = |rs: &[RunResult]| {
        total(rs, |d| {
            d.active_customers as f64 * d.share_mood_9plus.unwrap_or(0.0)
        })
    };
    let (pd, pp) = (promoter_days(&delight), promoter_days(&plain));
    println!("promoter-days {pd:.0} vs {pp:.0}");
    assert!(nps(&delight) > nps(&plain) + 10.0);
    assert!(pd > 1.25 * pp, "delight makes more promoters");
    // Referrals follow promoters: per promoter-day the two runs refer at about the same rate
    // (within a third: a fuller market leaves less room to win), so more promoters, more referred.
    let (rate_d, rate_p) = (referred(&delight) / pd, referred(&plain) / pp);
    assert!(
        (rate_d / rate_p - 1.0).abs() < 1.0 / 3.0,
        "referrals per promoter-day {rate_d:.5} vs {rate_p:.5}"
    );
    assert!(referred(&delight) > 1.2 * referred(&plain));

    // Without anyone willing to refer, nobody is referred.
    let mut silent = s.clone();
    for seg in &mut silent.segments {
        seg.referrals_per_month = 0.0;
    }
    let none = common::run(&silent, 1, 120, None);
    assert_eq!(none.rows.iter().map(|d| d.new_referred).sum::<u32>(), 0);
}

#[test]
fn outreach_to_red_health_customers_lowers_churn() {
    let s = cafe();
    let off = runs(
        &s,
        365,
        LeverSet {
            outreach: Some(false),
            ..Default::default()
        },
    );
    let on = runs(
        &s,
        365,
        LeverSet {
            outreach: Some(true),
            ..Default::default()
        },
    );
    let churned = |rs: &[RunResult]| total(rs, |d| d.churned as f64);
    let contacts = total(&on, |d| d.outreach as f64);
    println!(
        "churned {} (outreach) vs {} (none); {contacts} contacts",
        churned(&on),
        churned(&off)
    );
    assert!(contacts > 0.0);
    assert_eq!(total(&off, |d| d.outreach as f64), 0.0);
    assert!(churned(&on) < 0.95 * churned(&off));
}

#[test]
fn paid_marketing_buys_customers_at_a_rising_cost() {
    let s = cafe();
    let cac = |m: f64| {
        let rs = runs(
            &s,
            120,
            LeverSet {
                marketing: Some(m),
                ..Default::default()
            },
        );
        let paid = total(&rs, |d| d.new_paid as f64);
        let spend = total(&rs, |d| d.marketing as f64);
        (paid, spend / paid)
    };
    let (p1, c1) = cac(1.0);
    let (p3, c3) = cac(3.0);
    println!("paid {p1} at {c1:.0} cents vs {p3} at {c3:.0} cents");
    assert!(p3 > 1.5 * p1, "more spend buys more customers");
    assert!(c3 > 1.2 * c1, "each customer costs more");
}

/// Customers remember who served them: when staff leave, the regulars who liked being served by
/// them feel it ("the barista who knew my order left"), and some leave for that reason; with
/// nobody quitting, nobody does.
#[test]
fn quits_lose_the_regulars_who_liked_their_server() {
    let mut churny = cafe();
    churny.staff.annual_quit_rate = 1.0;
    let mut loyal = cafe();
    loyal.staff.annual_quit_rate = 0.0;
    let left_over = |s: &Scenario| {
        let mut quits = 0;
        let mut over_staff = 0;
        for &seed in &SEEDS {
            let (r, customers) = common::run_full(s, seed, 365, None);
            quits += r.quits;
            over_staff += customers
                .iter()
                .filter(|c| c.churn_cause == Some("staff_left"))
                .count();
        }
        (quits, over_staff)
    };
    let (quits, lost) = left_over(&churny);
    println!("{quits} quits; {lost} customers left over their server leaving");
    assert!(quits > 0 && lost > 0);
    assert_eq!(left_over(&loyal), (0, 0));
}

/// Staff time per visit of customers in their first year of tenure and of those in later years
/// (from the tenure books: goods cost the same per visit at fixed levers, so they count visits).
fn staff_minutes_per_visit(rs: &[RunResult], first_year: bool) -> f64 {
    let (mut staff, mut goods) = (0.0, 0.0);
    for r in rs {
        for (t, y) in r.tenure.iter().enumerate() {
            if (t == 0) == first_year {
                staff += y.staff_cents;
                goods += y.goods_cents as f64;
            }
        }
    }
    staff / goods
}

/// Regulars are quicker to serve than newcomers (Reichheld: loyal customers cost less to serve):
/// a customer's first visits take `newcomer_service_time` longer, fading with each visit. The
/// shipped effect is small (first-year customers make dozens of visits); strengthened, it shows
/// plainly, and without it first-year and later customers cost the same staff time per visit.
#[test]
fn newcomers_cost_more_staff_time_than_regulars() {
    let mut s = cafe();
    let days = 120;
    let ratio =
        |rs: &[RunResult]| staff_minutes_per_visit(rs, true) / staff_minutes_per_visit(rs, false);
    let shipped = ratio(&runs(&s, days, LeverSet::default()));
    s.behaviour.newcomer_service_time = 2.0;
    let slow = ratio(&runs(&s, days, LeverSet::default()));
    s.behaviour.newcomer_service_time = 0.0;
    let same = ratio(&runs(&s, days, LeverSet::default()));
    println!(
        "staff time per visit, first year / later: {same:.3} without, {shipped:.3} shipped, {slow:.3} strengthened"
    );
    assert!(
        slow > same + 0.05 && shipped > same,
        "{same} {shipped} {slow}"
    );
    assert!(
        (same - 1.0).abs() < 0.03,
        "without the effect, the same: {same}"
    );
}

/// Promoters who have stayed refer a little more: with the effect strengthened, long-standing
/// customers' referrals per customer-day grow far more than first-year customers'.
#[test]
fn promoters_who_stay_refer_more() {
    let mut s = cafe();
    let days = 60;
    s.behaviour.referral_tenure_per_year = 0.0;
    let flat = runs(&s, days, LeverSet::default());
    s.behaviour.referral_tenure_per_year = 0.5;
    s.behaviour.referral_tenure_cap = 10.0;
    let growing = runs(&s, days, LeverSet::default());
    let per_day = |rs: &[RunResult], t: usize| {
        let (refs, days): (f64, u64) = rs
            .iter()
            .filter_map(|r| r.tenure.get(t))
            .fold((0.0, 0), |(a, b), y| (a + y.referrals, b + y.customer_days));
        refs / days as f64
    };
    let (new, old) = (
        per_day(&growing, 0) / per_day(&flat, 0),
        per_day(&growing, 4) / per_day(&flat, 4),
    );
    println!("referrals per customer-day, growing / flat: first year {new:.2}, fifth {old:.2}");
    assert!(old > 2.5 && new < 1.5, "fifth year {old}, first {new}");
}

/// The care line with deep pockets and a patient board.
fn call_centre() -> Scenario {
    let path =
        std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("assets/scenarios/call-centre.ron");
    common::patient_owners(&Scenario::load(&path).expect("shipped scenario"))
}

#[test]
fn serving_upset_customers_wears_staff_out() {
    // The same understaffed care line (six agents for a line that needs nine) with and without
    // emotional labour: only fatigue_emotional differs, so the difference in fatigue, quits and
    // the callers' mood is the burnout that upset callers cause, and what it passes back down
    // the line to them.
    let short = LeverSet {
        staff: Some(6),
        ..Default::default()
    };
    let mut calm = call_centre();
    calm.staff.fatigue_emotional = 0.0;
    let mut raw = call_centre();
    raw.staff.fatigue_emotional = 0.5;
    let (calm, raw) = (runs(&calm, 365, short.clone()), runs(&raw, 365, short));
    let fatigue = |rs: &[RunResult]| mean(rs.iter().flat_map(|r| r.rows.iter().map(|d| d.fatigue)));
    let quits = |rs: &[RunResult]| total(rs, |d| d.quits as f64);
    let mood = |rs: &[RunResult]| {
        mean(
            rs.iter()
                .flat_map(|r| r.rows.iter().filter_map(|d| d.mean_mood)),
        )
    };
    println!(
        "fatigue {:.3} vs {:.3}; quits {} vs {}; mood at calls {:.2} vs {:.2}",
        fatigue(&raw),
        fatigue(&calm),
        quits(&raw),
        quits(&calm),
        mood(&raw),
        mood(&calm)
    );
    assert!(fatigue(&raw) > fatigue(&calm) + 0.1);
    assert!(quits(&raw) > quits(&calm));
    assert!(mood(&raw) < mood(&calm));
}

/// Hanbridge Motors with deep pockets and a patient board, its deck, and one answer to the recall
/// dilemma (everything else as the scenario starts): the model's world after `days`.
fn car_maker_answering(recall: &str, days: u32) -> bevy::prelude::App {
    let path =
        std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("assets/scenarios/car-maker.ron");
    let s = common::patient_owners(&Scenario::load(&path).expect("shipped scenario"));
    let deck = customer_first::headless::setup::with_deck(&path, s.clone())
        .expect("deck")
        .deck;
    let mut p = with(LeverSet::default());
    p.choices.insert("recall".into(), recall.into());
    let mut app = customer_first::headless::world::prepare_with(&s, 5, Some(&p), deck.as_ref());
    customer_first::headless::world::run_days(app.world_mut(), days);
    app
}

#[test]
fn a_defect_recalled_early_costs_less_than_one_that_comes_out() {
    use customer_first::sim::defects::DefectState;
    use customer_first::sim::metrics::History;
    let days = 400;
    let mut early = car_maker_answering("recall_now", days);
    let mut hidden = car_maker_answering("wait_and_see", days);
    let state =
        |app: &mut bevy::prelude::App| app.world().resource::<DefectState>().defects[0].clone();
    let (e, h) = (state(&mut early), state(&mut hidden));
    println!("recalled early: {e:?}; waited: {h:?}");
    // Recalled before the public knew: few failures, never public.
    let recalled = e.recalled_day.expect("recalled");
    assert!(e.public_day.is_none());
    assert!(e.failures < 200, "{e:?}");
    // Waited: failures piled up until the press had it, and the recall was forced that day.
    assert!(h.failures >= 200, "{h:?}");
    assert_eq!(h.recalled_day, h.public_day);
    assert!(h.recalled_day.expect("forced") > recalled);
    // Failures stop at the recall: the figure the dilemma waits for falls to zero after it.
    let rows = |app: &mut bevy::prelude::App| app.world().resource::<History>().rows.clone();
    let (er, hr) = (rows(&mut early), rows(&mut hidden));
    assert!(
        er[recalled as usize + 1..]
            .iter()
            .all(|r| r.product_failures == 0)
    );
    // What each cost on its recall day, over the same day's ordinary costs in the other run:
    // the forced recall is dearer, though fewer owners remain to recall.
    let extra = |a: &[customer_first::sim::metrics::DayRow],
                 b: &[customer_first::sim::metrics::DayRow],
                 d: u32| { a[d as usize].costs - b[d as usize].costs };
    let early_cost = extra(&er, &hr, recalled);
    let forced_cost = extra(&hr, &er, h.recalled_day.unwrap());
    println!("early recall cost {early_cost}, forced {forced_cost}");
    assert!(early_cost > 0 && forced_cost > 2 * early_cost);
    // And the owners: the one that came out ends with a lower rating and fewer owners.
    let last = |r: &[customer_first::sim::metrics::DayRow]| r.last().cloned().expect("rows");
    assert!(last(&hr).reputation < last(&er).reputation);
    assert!(last(&hr).active_customers < last(&er).active_customers);
}

fn hotel() -> Scenario {
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("assets/scenarios/hotel.ron");
    let text = std::fs::read_to_string(&path).unwrap();
    common::patient_owners(&Scenario::from_ron(&path, &text).expect("the hotel is valid"))
}

/// "Never below 9" over a year: the same hotel at the top service level, with and without the
/// check before guests leave; the check raises the share of stays scored 9 or 10 and leaves
/// fewer detractors among the guests, and costs nothing else (same level, same time, same cost).
#[test]
fn the_never_below_nine_check_raises_the_nines_and_cuts_detractors() {
    let with_check = hotel();
    let mut without = with_check.clone();
    without.touchpoints.as_mut().unwrap().mood_check = None;
    let set = LeverSet {
        service_level: Some(ServiceLevel::Obsession),
        ..Default::default()
    };
    let (a, b) = (
        runs(&with_check, 365, set.clone()),
        runs(&without, 365, set),
    );
    let nines = |rs: &[RunResult]| {
        mean(
            rs.iter()
                .flat_map(|r| r.rows.iter().filter_map(|d| d.share_mood_9plus)),
        )
    };
    let detractors =
        |rs: &[RunResult]| mean(rs.iter().flat_map(|r| r.rows.iter().map(|d| d.detractors)));
    assert!(
        nines(&a) > nines(&b) + 0.05,
        "share of 9s and 10s: {:.3} with the check, {:.3} without",
        nines(&a),
        nines(&b)
    );
    assert!(
        detractors(&a) < 0.8 * detractors(&b),
        "detractors: {:.3} with the check, {:.3} without",
        detractors(&a),
        detractors(&b)
    );
}
