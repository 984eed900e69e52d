//! A calibration check, not a law of the model: with the café as it is tuned today,
//! `shareholder-first` shows the higher profit in the first quarter, while `customer-first` lasts
//! the three years and, on the day `shareholder-first` ends (or at the end, if it lasts), has the
//! higher retention, NPS and reputation. Since the café was calibrated to its steady state (issue
//! 13), customers no longer pour in whatever the service, and harvesting the café this hard
//! (dearer, leaner, worse paid, 80 % paid out) runs it down within about a year and a half: the
//! test asks only that it lasts two quarters. The test prints the margins it holds by, so a retune
//! that erodes them shows before it flips them.

mod common;

use customer_first::sim::clock::QUARTER_DAYS;

#[test]
fn calibration_customer_first_wins_customers_shareholder_first_wins_the_first_quarter() {
    let s = common::cafe();
    let cf = common::policy("customer-first");
    let sf = common::policy("shareholder-first");
    for seed in [s.seed, 1, 2] {
        let a = common::run(&s, seed, s.horizon_days, Some(&cf));
        let b = common::run(&s, seed, s.horizon_days, Some(&sf));
        assert_eq!(
            a.rows.len(),
            s.horizon_days as usize,
            "customer-first survives 3 years"
        );
        assert!(
            b.rows.len() >= 2 * QUARTER_DAYS as usize,
            "shareholder-first lasts two quarters"
        );
        println!(
            "seed {seed}: shareholder-first lasted {} days ({:?})",
            b.rows.len(),
            b.end
        );
        let eb = b.rows.last().unwrap();
        let ea = &a.rows[b.rows.len() - 1];
        let q1 = |r: &customer_first::headless::results::RunResult| {
            r.rows
                .iter()
                .take(QUARTER_DAYS as usize)
                .map(|d| d.profit)
                .sum::<i64>()
        };
        println!(
            "seed {seed}: retention {:.3} vs {:.3} (margin {:+.3}), NPS {:.1} vs {:.1} (margin \
             {:+.1}), stars {:.2} vs {:.2} (margin {:+.2}), Q1 profit {} vs {} (margin {:+})",
            ea.retention_90d,
            eb.retention_90d,
            ea.retention_90d - eb.retention_90d,
            ea.nps,
            eb.nps,
            ea.nps - eb.nps,
            ea.reputation,
            eb.reputation,
            ea.reputation - eb.reputation,
            q1(&a),
            q1(&b),
            q1(&b) - q1(&a)
        );
        assert!(
            ea.retention_90d > eb.retention_90d,
            "seed {seed}: retention"
        );
        assert!(ea.nps > eb.nps, "seed {seed}: NPS");
        assert!(ea.reputation > eb.reputation, "seed {seed}: reputation");
        assert!(q1(&b) > q1(&a), "seed {seed}: first-quarter profit");
    }
}
