//! Unit tests of the model's pure rules, on the bundled café's parameters.

use std::path::Path;

use rand::SeedableRng;
use rand_chacha::ChaCha8Rng;

use super::customers::{NewCustomer, churn_hazard, health, make_customer, pick_segment, ramp_up};
use super::day::Source;
use super::levers::LeverRequests;
use super::reputation::review_stars;
use super::satisfaction::{Conditions, StaffImpression, VisitOutcome, extras_effect, feel};
use super::staff::hourly_productivity;
use crate::bundle;
use crate::levers::{LeverSet, Levers, ServiceLevel};
use crate::scenario::Scenario;

fn cafe() -> Scenario {
    Scenario::from_ron(
        Path::new(bundle::CAFE.scenario.path),
        bundle::CAFE.scenario.text,
    )
    .unwrap()
}

fn customer(s: &Scenario) -> super::customers::Customer {
    let mut rng = ChaCha8Rng::seed_from_u64(1);
    make_customer(
        s,
        0,
        &NewCustomer {
            segment: 0,
            source: Source::WalkIn,
            joined_day: 0,
        },
        &mut rng,
    )
}

#[test]
fn output_per_hour_falls_past_the_sustainable_week_and_total_output_flattens() {
    let s = cafe();
    let per_week = |daily: f64| daily * s.staff.workdays_per_week * hourly_productivity(&s, daily);
    assert_eq!(
        hourly_productivity(&s, 8.0),
        1.0,
        "40 h/week is sustainable"
    );
    assert!(hourly_productivity(&s, 11.0) < 1.0);
    assert!(
        per_week(11.0) > per_week(10.0),
        "more hours still add some output"
    );
    let flat = per_week(s.staff.max_weekly_hours / s.staff.workdays_per_week);
    assert!(
        (per_week(14.0) - flat).abs() < 1e-9,
        "no more output beyond the maximum"
    );
}

#[test]
fn extras_help_a_little_then_hurt() {
    let s = cafe();
    assert_eq!(extras_effect(&s, 0), 0.0);
    assert!(extras_effect(&s, 1) > 0.0);
    assert!(extras_effect(&s, 10) < 0.0);
    assert!(extras_effect(&s, 20) < extras_effect(&s, 10));
}

/// The scenario's starting levers with no unrequested extras (so only what a test varies moves
/// the mood).
fn without_extras(s: &Scenario) -> Conditions {
    Conditions::new(
        s,
        &Levers {
            extras: 0,
            ..s.start_levers()
        },
        0,
    )
}

fn mood_after(s: &Scenario, wait: f64) -> f32 {
    let mut s = s.clone();
    s.satisfaction.noise = 0.0;
    let mut c = customer(&s);
    c.expected_wait = s.segments[0].expected_wait_minutes as f32;
    let conditions = without_extras(&s);
    let mut rng = ChaCha8Rng::seed_from_u64(3);
    // Served as staff ought to serve (the manner norm): the wait is what these tests vary.
    let staff = StaffImpression {
        condition: s.behaviour.manner_norm,
        skill: 0.6,
        employee: 0,
    };
    feel(
        &s,
        &conditions,
        &mut c,
        VisitOutcome::Served { wait, error: false },
        staff,
        &mut rng,
    )
    .mood
}

/// How staff treat a customer is judged against a norm that does not adapt: after fifty visits
/// a customer served by a rested, motivated team still feels better than one served by a tired,
/// demoralised one (unlike product quality, whose expectation catches up with experience).
#[test]
fn the_staff_s_condition_shows_in_every_visit_and_does_not_wear_off() {
    let s = cafe();
    let conditions = without_extras(&s);
    let mean_mood = |condition: f64| {
        let mut c = customer(&s);
        let mut rng = ChaCha8Rng::seed_from_u64(5);
        let staff = StaffImpression {
            condition,
            skill: 0.6,
            employee: 0,
        };
        let wait = s.segments[0].expected_wait_minutes / s.satisfaction.wait_perception;
        let outcome = VisitOutcome::Served { wait, error: false };
        let moods: Vec<f64> = (0..60)
            .map(|_| feel(&s, &conditions, &mut c, outcome, staff, &mut rng).mood as f64)
            .collect();
        moods[50..].iter().sum::<f64>() / 10.0
    };
    let (good, norm, poor) = (mean_mood(0.85), mean_mood(0.65), mean_mood(0.45));
    assert!(
        good - norm > 0.5 && norm - poor > good - norm,
        "late visits: {poor:.2} / {norm:.2} / {good:.2} (losses weigh more than gains)"
    );
}

#[test]
fn a_shortfall_hurts_more_than_an_equal_surplus_helps() {
    let s = cafe();
    let expected = s.segments[0].expected_wait_minutes / s.satisfaction.wait_perception;
    let base = mood_after(&s, expected);
    let better = mood_after(&s, expected - 1.0);
    let worse = mood_after(&s, expected + 1.0);
    assert!(better > base && worse < base);
    assert!(
        base - worse > better - base,
        "loss aversion: {worse} {base} {better}"
    );
}

#[test]
fn a_wait_far_beyond_expectations_misses_a_must_be() {
    let s = cafe();
    // Just below and just above the must-be threshold: the step is the must-be penalty.
    let seg = &s.segments[0];
    let sat = &s.satisfaction;
    let limit = (seg.expected_wait_minutes * sat.must_be_wait_factor) / sat.wait_perception;
    let step = mood_after(&s, limit - 0.01) - mood_after(&s, limit + 0.01);
    assert!(
        (step as f64 - sat.must_be_penalty).abs() < 0.05,
        "step {step}"
    );
}

#[test]
fn churn_hazard_falls_with_attitude_and_rises_with_poor_health() {
    let s = cafe();
    let mut c = customer(&s);
    c.propensity = 0.05;
    c.attitude = 9.0;
    let happy = churn_hazard(&s, &c);
    c.attitude = 6.0;
    let unhappy = churn_hazard(&s, &c);
    assert!(unhappy > 3.0 * happy);
    c.health = 0.2;
    assert!(churn_hazard(&s, &c) > unhappy);
}

#[test]
fn silence_beyond_the_usual_rhythm_lowers_health() {
    let s = cafe();
    let mut c = customer(&s);
    c.attitude = s.satisfaction.neutral_mood as f32;
    c.last_visit_day = 0;
    let interval = 30.0 / s.segments[0].visits_per_month;
    assert_eq!(health(&s, &c, 1), 1.0);
    assert!(health(&s, &c, (interval * 4.0) as u32) < 0.7);
}

#[test]
fn spend_ramps_up_with_tenure_and_stays_within_its_cap() {
    let s = cafe();
    let mut c = customer(&s);
    c.attitude = 9.0;
    let start = c.spend;
    ramp_up(&s, &mut c, 365.0);
    assert!(c.spend > start);
    for _ in 0..100 {
        ramp_up(&s, &mut c, 365.0);
    }
    assert!(c.spend <= start * s.segments[0].ramp_cap as f32 + 1e-4);
}

#[test]
fn review_stars_span_one_to_five() {
    assert_eq!(review_stars(0.0), 1);
    assert_eq!(review_stars(10.0), 5);
    assert_eq!(review_stars(8.4), 4);
    // A non-number (never produced by the model) counts as the middle of the scale.
    assert_eq!(review_stars(f32::NAN), 3);
}

#[test]
fn segments_are_picked_by_share() {
    let s = cafe();
    let total: f64 = s.segments.iter().map(|g| g.share).sum();
    assert_eq!(pick_segment(&s, total, 0.0), 0);
    assert_eq!(pick_segment(&s, total, 0.999_999), s.segments.len() - 1);
    let first = s.segments[0].share / total;
    assert_eq!(pick_segment(&s, total, first - 1e-9), 0);
    assert_eq!(pick_segment(&s, total, first + 1e-9), 1);
}

#[test]
fn levers_apply_only_what_is_named_and_stay_in_range() {
    let mut l = cafe().start_levers();
    let before = l.clone();
    l.apply(&LeverSet {
        price: Some(1.3),
        service_level: Some(ServiceLevel::Obsession),
        staff: Some(10_000),
        dividend: Some(f64::NAN),
        ..Default::default()
    });
    assert_eq!(l.price, 1.3);
    assert_eq!(l.service_level, ServiceLevel::Obsession);
    assert_eq!(l.staff, 500, "clamped");
    assert_eq!(l.dividend, before.dividend, "NaN ignored");
    assert_eq!(l.wage, before.wage);
}

#[test]
fn scheduled_lever_changes_keep_day_order() {
    let mut r = LeverRequests::default();
    for day in [30, 0, 10, 10] {
        r.schedule(day, LeverSet::default());
    }
    let days: Vec<u32> = r.scheduled.iter().map(|(d, _)| *d).collect();
    assert_eq!(days, vec![0, 10, 10, 30]);
}

#[test]
fn a_bad_value_is_reported_with_its_path() {
    let mut s = cafe();
    s.segments[1].churn_beta = f64::NAN;
    s.staff.condition_rest = 0.9;
    let mut c = crate::diagnostics::Checker::default();
    s.check(&mut c);
    let text = c
        .problems
        .iter()
        .map(|p| match p {
            crate::diagnostics::Problem::Invalid { path, message } => format!("{path}: {message}"),
            other => format!("{other:?}"),
        })
        .collect::<Vec<_>>()
        .join("\n");
    assert!(text.contains("segments[1].churn_beta"), "{text}");
    assert!(text.contains("must add up to 1"), "{text}");
}

/// The behavioural constants are the scenario's: each one changed moves what it governs.
#[test]
fn the_behavioural_constants_come_from_the_scenario() {
    let s = cafe();
    // A far longer wait than expected: the disconfirmation floor bounds the anger.
    let long = s.segments[0].expected_wait_minutes * 20.0;
    let mut deeper = s.clone();
    deeper.behaviour.wait_disconfirmation_min = -20.0;
    assert!(mood_after(&deeper, long) < mood_after(&s, long));
    // Silence: a longer grace keeps health up for longer.
    let mut c = customer(&s);
    c.attitude = s.satisfaction.neutral_mood as f32;
    c.last_visit_day = 0;
    let interval = 30.0 / s.segments[0].visits_per_month;
    let day = (interval * 4.0) as u32;
    let mut patient = s.clone();
    patient.behaviour.silence_grace_intervals = 10.0;
    assert!(health(&patient, &c, day) > health(&s, &c, day));
    // No spread: every customer refers at exactly their segment's rate.
    let mut even = s.clone();
    even.behaviour.referral_spread = 0.0;
    let c = customer(&even);
    assert_eq!(c.referral_rate, even.segments[0].referrals_per_month as f32);
    // The spend floor holds a disaffected customer's spend.
    let mut floor = s.clone();
    floor.behaviour.spend_floor = 0.9;
    let mut c = customer(&floor);
    c.attitude = 0.0;
    let start = c.spend;
    for _ in 0..20 {
        ramp_up(&floor, &mut c, 365.0);
    }
    assert!(c.spend >= 0.9 * start - 1e-4, "{} of {start}", c.spend);
    // And an out-of-range constant is refused with its path.
    let mut bad = s.clone();
    bad.behaviour.referral_spread = 1.0;
    let mut checker = crate::diagnostics::Checker::default();
    bad.check(&mut checker);
    assert!(
        checker.problems.iter().any(|p| matches!(p,
            crate::diagnostics::Problem::Invalid { path, .. } if path == "behaviour.referral_spread")),
        "{:?}",
        checker.problems
    );
}

/// A long-standing customer minds the same price rise less than a newcomer (Reichheld's price
/// premium, kept small): the mood lost to the shock is divided by 1 + tolerance × years.
#[test]
fn long_standing_customers_mind_a_price_rise_less() {
    let mut s = cafe();
    s.satisfaction.noise = 0.0;
    let staff = StaffImpression {
        condition: s.behaviour.manner_norm,
        skill: 0.6,
        employee: 0,
    };
    let day = 5 * 365;
    let dearer = Conditions::new(
        &s,
        &Levers {
            extras: 0,
            price: 1.2,
            ..s.start_levers()
        },
        day,
    );
    let mood = |joined: i32, s: &Scenario| {
        let mut c = customer(s);
        c.joined_day = joined;
        c.expected_wait = s.segments[0].expected_wait_minutes as f32;
        let served = VisitOutcome::Served {
            wait: 0.0,
            error: false,
        };
        let mut rng = ChaCha8Rng::seed_from_u64(3);
        feel(s, &dearer, &mut c, served, staff, &mut rng).mood as f64
    };
    let newcomer = mood(day as i32, &s);
    let five_years = mood(0, &s);
    assert!(five_years > newcomer, "{five_years} vs {newcomer}");
    s.behaviour.price_tolerance_per_year = 0.0;
    assert_eq!(
        mood(0, &s),
        mood(day as i32, &s),
        "no tolerance, no difference"
    );
}

/// The lifetime value of the tenure books: with constant profit and defection it is the
/// closed-form sum; a defection cut raises it; referrals multiply it by 1 / (1 − ρ).
#[test]
fn the_lifetime_value_is_reichheld_s_sum() {
    use super::tenure::{DISCOUNT_RATE, TenureBook, TenureYear, VALUE_YEARS};
    // 1,000 customer-years a year, 10,000 cents of profit per customer-year, 20 % leaving a year.
    let departures = (-(0.8f64).ln() * 1000.0).round() as u32;
    let year = TenureYear {
        customer_days: 365_000,
        revenue_cents: 15_000_000,
        goods_cents: 4_000_000,
        staff_cents: 1_000_000.0,
        referrals: 0.0,
        departures,
    };
    let mut book = TenureBook {
        years: vec![year.clone(); 3],
    };
    let v = book.value(500.0, 0.0, 0.0);
    let d = 1.0 - (-(departures as f64) / 1000.0).exp();
    let h = -(1.0 - d).ln();
    let lived = (1.0 - (-h).exp()) / h;
    let sum: f64 = (0..VALUE_YEARS)
        .map(|t| 10_000.0 * (1.0 - d).powi(t as i32) * lived / (1.0 + DISCOUNT_RATE).powi(t as i32))
        .sum();
    assert!(
        (v.value_cents - (sum - 500.0)).abs() < 1e-6,
        "{} vs {}",
        v.value_cents,
        sum - 500.0
    );
    assert_eq!(
        v.years.len(),
        VALUE_YEARS,
        "years beyond the books borrow the last"
    );
    let better = book.value(500.0, 0.0, 0.05);
    assert!(better.value_cents > v.value_cents);
    assert!((better.years[1].defection - (d - 0.05)).abs() < 1e-12);
    // Referrals: 20 referred customers won over 300 customer-years of referrals expected.
    book.years.iter_mut().for_each(|y| y.referrals = 100.0);
    let with = book.value(500.0, 60.0, 0.0);
    assert!(with.referred > 0.0);
    assert!((with.value_cents - (with.own_cents / (1.0 - with.referred) - 500.0)).abs() < 1e-6);
    assert!((with.own_cents - sum).abs() < 1e-6);
    // Too few customers, or too few departures, to measure: no value at all.
    let thin = TenureBook {
        years: vec![TenureYear {
            customer_days: 365,
            ..year
        }],
    };
    assert!(thin.value(0.0, 0.0, 0.0).years.is_empty());
    let quiet = TenureBook {
        years: vec![TenureYear {
            departures: 3,
            ..year
        }],
    };
    assert!(quiet.value(0.0, 0.0, 0.0).years.is_empty());
}

/// A customer's tenure books go to the year of tenure they are in, the last year holding all
/// the longer tenures.
#[test]
fn the_tenure_books_are_kept_by_year_of_tenure() {
    use super::tenure::{TENURE_YEARS, TenureBook};
    let mut book = TenureBook::default();
    book.year(10, 10).customer_days += 1;
    book.year(400, 10).customer_days += 1;
    book.year(0, -800).customer_days += 1;
    book.year(0, -100_000).customer_days += 1;
    assert_eq!(book.years.len(), TENURE_YEARS);
    let days: Vec<u64> = book.years.iter().map(|y| y.customer_days).collect();
    assert_eq!(&days[..3], &[1, 1, 1]);
    assert_eq!(days[TENURE_YEARS - 1], 1);
}

/// A customer's exposure by year of tenure, counted from their dates, is the day-by-day count.
#[test]
fn exposure_from_dates_is_the_day_by_day_count() {
    use super::tenure::TenureBook;
    for (joined, last) in [
        (-1, 10),
        (-400, 800),
        (5, 4),
        (5, 5),
        (5, 6),
        (0, 1000),
        (-11_000, 50),
    ] {
        let mut by_dates = TenureBook::default();
        by_dates.add_exposure(joined, joined as i64 + 1, last);
        let mut by_days = TenureBook::default();
        for day in 0..=last {
            if day > joined as i64 {
                by_days.year(day as u32, joined).customer_days += 1;
            }
        }
        let days = |b: &TenureBook| b.years.iter().map(|y| y.customer_days).collect::<Vec<_>>();
        let (a, b) = (days(&by_dates), days(&by_days));
        let n = a.len().max(b.len());
        let pad = |mut v: Vec<u64>| {
            v.resize(n, 0);
            v
        };
        assert_eq!(pad(a), pad(b), "joined {joined}, last {last}");
    }
}

fn hotel() -> Scenario {
    Scenario::from_ron(
        Path::new(bundle::HOTEL.scenario.path),
        bundle::HOTEL.scenario.text,
    )
    .unwrap()
}

/// The hotel without chance in its moods: no noise, no generic surprises, and its touchpoints
/// made certain: the stage `fails` always goes wrong, every other stage never does, none
/// delights.
fn hotel_where_only(fails: usize, peak_end: f64) -> Scenario {
    let mut s = hotel();
    s.satisfaction.noise = 0.0;
    s.satisfaction.surprise_bonus = 0.0;
    let tp = s.touchpoints.as_mut().expect("the hotel has touchpoints");
    tp.peak_end = peak_end;
    for (i, st) in tp.stages.iter_mut().enumerate() {
        st.fail_chance = if i == fails { 1.0 } else { 0.0 };
        st.delight_chance = 0.0;
    }
    s
}

fn a_stay(
    s: &Scenario,
    level: ServiceLevel,
    quality: f64,
    staff: StaffImpression,
) -> super::satisfaction::Felt {
    let mut c = customer(s);
    c.expected_wait = s.segments[0].expected_wait_minutes as f32;
    let levers = Levers {
        extras: 0,
        service_level: level,
        quality,
        ..s.start_levers()
    };
    let conditions = Conditions::new(s, &levers, 0);
    let mut rng = ChaCha8Rng::seed_from_u64(11);
    let wait = s.segments[0].expected_wait_minutes / s.satisfaction.wait_perception;
    feel(
        s,
        &conditions,
        &mut c,
        VisitOutcome::Served { wait, error: false },
        staff,
        &mut rng,
    )
}

fn norm_staff(s: &Scenario) -> StaffImpression {
    StaffImpression {
        condition: s.behaviour.manner_norm,
        skill: 1.0,
        employee: 0,
    }
}

/// Peak-end: a failed stage counts once more by `peak_end` as the most intense moment, and once
/// more again when it is also the last; the night's sleep (3.5 points) outweighs a failed
/// check-out (1.5) even though the check-out is the ending.
#[test]
fn the_worst_moment_and_the_ending_weigh_more_than_the_rest() {
    let night = 2;
    let last = hotel().touchpoints.unwrap().stages.len() - 1;
    let mood = |stage: usize, pe: f64| {
        let s = hotel_where_only(stage, pe);
        a_stay(&s, ServiceLevel::Task, 1.0, norm_staff(&s)).mood as f64
    };
    let impact = |stage: usize| hotel().touchpoints.unwrap().stages[stage].fail_impact;
    let (plain, remembered) = (mood(night, 0.0), mood(night, 0.5));
    assert!(
        (plain - remembered - 0.5 * impact(night)).abs() < 1e-4,
        "the night as the peak: {plain:.3} → {remembered:.3}"
    );
    let (plain, remembered) = (mood(last, 0.0), mood(last, 0.5));
    assert!(
        (plain - remembered - 2.0 * 0.5 * impact(last)).abs() < 1e-4,
        "the check-out as peak and ending: {plain:.3} → {remembered:.3}"
    );
    assert!(
        mood(night, 0.5) < mood(last, 0.5),
        "a bad night weighs more than a bad check-out"
    );
    let s = hotel_where_only(night, 0.5);
    let felt = a_stay(&s, ServiceLevel::Task, 1.0, norm_staff(&s));
    let said: Vec<String> = felt
        .thoughts
        .iter()
        .filter(|t| t.0 == crate::thoughts::ThoughtKind::BadMoment)
        .map(|t| s.thought(t.0, t.1, crate::i18n::Lang::En))
        .collect();
    assert_eq!(
        said,
        vec![
            s.touchpoints.as_ref().unwrap().stages[night]
                .went_wrong
                .get(crate::i18n::Lang::En)
                .to_string()
        ],
        "the customer says which moment went wrong, in the stage's words"
    );
}

/// "Never below 9": at the level that includes the check, a stay that would end below 9 gets
/// back `lift` of what it lost (certain here: full skill, a certain fix), and the customer
/// remembers being asked; below that level nothing happens.
#[test]
fn the_mood_check_lifts_a_stay_that_would_end_below_nine() {
    let mut s = hotel_where_only(2, 0.5);
    let check = s.touchpoints.as_mut().unwrap().mood_check.as_mut().unwrap();
    check.fix_chance = 1.0;
    let (below, lift) = (check.below, check.lift);
    // The same generic extras at both levels, so that only the check differs.
    let extra = s.service.level_surprise.extra;
    s.service.level_surprise.obsession = extra;
    let staff = norm_staff(&s);
    let without = a_stay(&s, ServiceLevel::Extra, 1.0, staff);
    let with = a_stay(&s, ServiceLevel::Obsession, 1.0, staff);
    assert!((without.mood as f64) < below);
    let expected = without.mood as f64 + lift * without.shortfall as f64;
    assert!(
        (with.mood as f64 - expected).abs() < 1e-4,
        "{} → {} (expected {expected:.3})",
        without.mood,
        with.mood
    );
    let asked = |f: &super::satisfaction::Felt| {
        f.thoughts
            .iter()
            .any(|t| t.0 == crate::thoughts::ThoughtKind::CheckedIn)
    };
    assert!(asked(&with) && !asked(&without));
}

/// A touchpoint's driver sets how often it goes wrong: cheaper linen, a tired team.
#[test]
fn touchpoints_go_wrong_more_often_with_poorer_quality_and_tired_staff() {
    let s = hotel();
    let stages = &s.touchpoints.as_ref().unwrap().stages;
    let failures = |quality: f64, condition: f64, driver: crate::scenario::Driver| {
        let staff = StaffImpression {
            condition,
            skill: 0.6,
            employee: 0,
        };
        let levers = Levers {
            quality,
            ..s.start_levers()
        };
        let conditions = Conditions::new(&s, &levers, 0);
        let mut rng = ChaCha8Rng::seed_from_u64(21);
        let wait = s.segments[0].expected_wait_minutes / s.satisfaction.wait_perception;
        (0..2000)
            .filter(|_| {
                let mut c = customer(&s);
                let felt = feel(
                    &s,
                    &conditions,
                    &mut c,
                    VisitOutcome::Served { wait, error: false },
                    staff,
                    &mut rng,
                );
                felt.thoughts.iter().any(|t| {
                    t.0 == crate::thoughts::ThoughtKind::BadMoment
                        && stages[t.1 as usize].driver == driver
                })
            })
            .count()
    };
    use crate::scenario::Driver::{Quality, Staff};
    let (good, cheap) = (failures(1.2, 0.8, Quality), failures(0.7, 0.8, Quality));
    assert!(
        good > 50,
        "good rooms and nights still fail now and then: {good}"
    );
    assert!(
        cheap > good + good / 3,
        "cheaper: {good} → {cheap} stays with a bad room or night"
    );
    let (good, tired) = (failures(1.2, 0.8, Staff), failures(1.2, 0.4, Staff));
    assert!(good > 20, "a rested team still slips now and then: {good}");
    assert!(
        tired > 2 * good,
        "tired: {good} → {tired} stays with a bad breakfast or check-out"
    );
}

/// A customer with the given id (the rest as a new walk-in of the café's first segment).
fn customer_with_id(s: &Scenario, id: u32) -> super::customers::Customer {
    let mut c = customer(s);
    c.id = id;
    c
}

#[test]
fn the_book_keeps_the_order_of_visits_as_departures_reshape_it() {
    use super::customers::{CustomerStory, Customers};
    let s = cafe();
    let mut book = Customers::default();
    for id in 0..5 {
        assert_eq!(
            book.add(customer_with_id(&s, id), CustomerStory::default(), true),
            Ok(id)
        );
    }
    // A one-off customer joins already gone.
    assert_eq!(
        book.add(customer_with_id(&s, 5), CustomerStory::default(), false),
        Ok(5)
    );
    assert_eq!(book.active_ids(), &[0, 1, 2, 3, 4]);
    // A departure moves the last active customer into the departed one's place (as an ECS
    // table does), so the order of visits is the one the model has always had.
    assert!(book.depart(1));
    assert_eq!(book.active_ids(), &[0, 4, 2, 3]);
    assert!(book.depart(0));
    assert_eq!(book.active_ids(), &[3, 4, 2]);
    assert!(!book.depart(0), "already gone");
    assert!(!book.depart(9), "never a customer");
    assert!(book.active_mut(0).is_none() && book.active_mut(3).is_some());
    // Everyone stays for the records, in id order; the departed in id order too.
    assert_eq!(book.len(), 6);
    let ids: Vec<u32> = book.iter().map(|(c, _)| c.id).collect();
    assert_eq!(ids, vec![0, 1, 2, 3, 4, 5]);
    let gone: Vec<u32> = book.iter_departed().map(|(c, _)| c.id).collect();
    assert_eq!(gone, vec![0, 1, 5]);
    // Ids are handed out in order: any other is refused.
    let refused = book.add(customer_with_id(&s, 9), CustomerStory::default(), true);
    assert_eq!(refused.map_err(|e| (e.expected, e.got)), Err((6, 9)));
    // A save's active customers come back in the order they were saved in.
    book.reactivate(1);
    assert_eq!(book.active_ids(), &[3, 4, 2, 1]);
    assert!(book.depart(3));
    assert_eq!(book.active_ids(), &[1, 4, 2]);
}

#[test]
fn a_story_keeps_its_last_thoughts_and_saves_as_it_always_has() {
    use super::customers::{CustomerStory, StoryRecord, Thought};
    use crate::thoughts::ThoughtKind;
    let mut story = CustomerStory::default();
    let kinds = [
        ThoughtKind::LongWait,
        ThoughtKind::PriceUp,
        ThoughtKind::SmallSurprise,
        ThoughtKind::ServiceError,
        ThoughtKind::Scandal,
        ThoughtKind::CheckedIn,
    ];
    for (i, kind) in kinds.iter().enumerate() {
        story.think(Thought {
            day: i as u32,
            kind: *kind,
            value: i as f32,
            impact: -(i as f32),
        });
        story.remember_mood(i as f32);
    }
    // The last four, oldest first.
    let kept: Vec<(u32, ThoughtKind)> = story.thoughts().map(|t| (t.day, t.kind)).collect();
    assert_eq!(
        kept,
        vec![
            (2, ThoughtKind::SmallSurprise),
            (3, ThoughtKind::ServiceError),
            (4, ThoughtKind::Scandal),
            (5, ThoughtKind::CheckedIn)
        ]
    );
    assert_eq!(story.worst_cause(), Some(ThoughtKind::CheckedIn));
    // Saved in the form saves have always had, and read back unchanged.
    let text = ron::to_string(&story).unwrap();
    let record: StoryRecord = ron::from_str(&text).unwrap();
    assert_eq!(
        record.thoughts[0].map(|t| t.kind),
        Some(ThoughtKind::SmallSurprise)
    );
    assert_eq!(record.mood_count, 6);
    let back: CustomerStory = ron::from_str(&text).unwrap();
    assert_eq!(back, story);
    // A story with room left fills its first free slot.
    let mut young = CustomerStory::default();
    young.think(Thought {
        day: 1,
        kind: ThoughtKind::TooExpensive,
        value: 5.0,
        impact: -1.0,
    });
    let text = ron::to_string(&young).unwrap();
    assert!(
        text.contains(
            "thoughts:(Some((day:1,kind:TooExpensive,value:5.0,impact:-1.0)),None,None,None)"
        ),
        "{text}"
    );
}

#[test]
fn a_story_keeps_its_last_eight_moods_and_the_day_they_left_as_saves_always_had_them() {
    use super::customers::{CustomerStory, StoryRecord};
    let mut story = CustomerStory::default();
    assert_eq!(story.churned_day(), None);
    // Ten visits: moods 0, 1.4, 2.8, … rounded and kept within 0–10; the last eight remain.
    for i in 0..10 {
        story.remember_mood(i as f32 * 1.4 - 0.2);
    }
    let moods: Vec<u8> = story.moods().collect();
    assert_eq!(moods, vec![3, 4, 5, 7, 8, 10, 10, 10]);
    story.set_churned_day(417);
    assert_eq!(story.churned_day(), Some(417));
    let text = ron::to_string(&story).unwrap();
    assert!(
        text.contains("moods:(3,4,5,7,8,10,10,10),mood_count:8,churned_day:Some(417)"),
        "{text}"
    );
    let back: CustomerStory = ron::from_str(&text).unwrap();
    assert_eq!(back, story);
    // A young story saves its empty places as zeros, as it always did.
    let mut young = CustomerStory::default();
    young.remember_mood(6.6);
    let record: StoryRecord = ron::from_str(&ron::to_string(&young).unwrap()).unwrap();
    assert_eq!(record.moods, [7, 0, 0, 0, 0, 0, 0, 0]);
    assert_eq!((record.mood_count, record.churned_day), (1, None));
}
