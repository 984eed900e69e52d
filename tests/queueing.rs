//! The queue is real: Poisson arrivals, exponential service, c servers. With patience off and a
//! steady arrival rate, the simulated mean wait matches Erlang C within 10 %.

mod common;

use customer_first::scenario::{Scenario, ServiceTime};

/// Erlang C mean wait in the queue (minutes) for arrival rate `lambda` per minute, mean service
/// `mean` minutes and `c` servers.
fn erlang_c_wait(lambda: f64, mean: f64, c: u32) -> f64 {
    let mu = 1.0 / mean;
    let a = lambda / mu;
    let c_f = c as f64;
    assert!(a < c_f, "unstable");
    let mut term = 1.0;
    let mut sum = 0.0;
    for k in 0..c {
        if k > 0 {
            term *= a / k as f64;
        }
        sum += term;
    }
    let last = term * a / c_f * c_f / (c_f - a);
    let p_wait = last / (sum + last);
    p_wait / (c_f * mu - lambda)
}

/// A business open around the clock, with `c` always on shift, a steady stream of one-off
/// customers at `per_hour`, no patience limit and no balking.
fn steady_queue(per_hour: f64, mean_minutes: f64, c: u32) -> Scenario {
    let mut s = common::cafe();
    s.calendar.open_hour = 0.0;
    s.calendar.close_hour = 24.0;
    s.calendar.demand_profile.clear();
    s.start.customers = 0;
    s.start_levers.staff = c;
    s.start_levers.extras = 0;
    s.staff.shift_hours = 24.0;
    s.staff.workdays_per_week = 1.0; // 24 h a week: below Pencavel's threshold, no slowdown
    s.staff.annual_quit_rate = 0.0;
    s.service.mean_minutes = mean_minutes;
    s.service.distribution = ServiceTime::Exponential;
    s.service.unskilled_speed = 1.0; // every server works at the nominal rate…
    s.behaviour.fatigue_slowdown = 0.0; // …however tired (the queue alone is under test)
    s.behaviour.newcomer_service_time = 0.0; // …and a newcomer is served as fast as a regular
    s.market.walk_ins_per_day = per_hour * 24.0;
    s.market.paid_per_day = 0.0;
    s.market.rating_elasticity = 0.0;
    s.market.detractor_deterrence_per_month = 0.0;
    s.market.size = 100_000_000;
    s.start.cash_cents = 1_000_000_000_000;
    s.board.miss_sensitivity = 0.0;
    for seg in &mut s.segments {
        seg.visits_per_month = 0.0;
        seg.patience_minutes = None;
        seg.balk_queue = None;
        seg.referrals_per_month = 0.0;
    }
    s
}

#[test]
fn mean_wait_matches_erlang_c() {
    for (per_hour, mean, c) in [(12.0, 3.5, 1), (50.0, 3.0, 3), (80.0, 3.0, 5)] {
        let s = steady_queue(per_hour, mean, c);
        let r = common::run(&s, 11, 150, None);
        let served: u64 = r.rows.iter().map(|d| d.served as u64).sum();
        let wait: f64 = r
            .rows
            .iter()
            .map(|d| d.mean_wait_min.unwrap_or(0.0) * d.served as f64)
            .sum::<f64>()
            / served as f64;
        let expected = erlang_c_wait(per_hour / 60.0, mean, c);
        let err = (wait - expected).abs() / expected;
        println!(
            "λ={per_hour}/h mean={mean} c={c}: simulated {wait:.3} min, Erlang C {expected:.3} min, error {:.1}%",
            err * 100.0
        );
        assert!(
            err < 0.10,
            "λ={per_hour}/h, c={c}: simulated {wait:.3} vs Erlang C {expected:.3}"
        );
        let balked: u32 = r.rows.iter().map(|d| d.balked + d.reneged).sum();
        assert_eq!(balked, 0, "nobody leaves without patience limits");
        let expected_n = per_hour * 24.0 * 150.0;
        assert!(
            (served as f64 - expected_n).abs() < 0.02 * expected_n,
            "arrival rate is honoured"
        );
    }
}

#[test]
fn erlang_c_formula_matches_a_textbook_value() {
    // A = 2 erlangs on 3 servers: P(wait) = 4/9, Wq = P(wait)/(cμ − λ).
    let w = erlang_c_wait(2.0, 1.0, 3);
    assert!((w - 4.0 / 9.0).abs() < 1e-12, "{w}");
}
