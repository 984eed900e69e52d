//! The thesis the game lets players test, as it emerges from the mechanisms: over three years
//! in the café, `customer-first` ends with higher retention, NPS and reputation than
//! `shareholder-first`, while `shareholder-first` shows the higher profit in the first quarter.

mod common;

use customer_first::sim::clock::QUARTER_DAYS;

#[test]
fn customer_first_wins_customers_shareholder_first_wins_the_first_quarter() {
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
        assert_eq!(
            b.rows.len(),
            s.horizon_days as usize,
            "shareholder-first survives 3 years"
        );
        let (ea, eb) = (a.rows.last().unwrap(), b.rows.last().unwrap());
        let q1 = |r: &customer_first::runner::RunResult| {
            r.rows
                .iter()
                .take(QUARTER_DAYS as usize)
                .map(|d| d.profit)
                .sum::<i64>()
        };
        println!(
            "seed {seed}: retention {:.3} vs {:.3}, NPS {:.1} vs {:.1}, stars {:.2} vs {:.2}, Q1 profit {} vs {}",
            ea.retention_90d,
            eb.retention_90d,
            ea.nps,
            eb.nps,
            ea.reputation,
            eb.reputation,
            q1(&a),
            q1(&b)
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
