//! The customers a scenario starts with are the survivors of years of trading, not newcomers:
//! their churn propensities are survivor-sorted (the longer they have stayed, the more loyal
//! they are) and their history matches their tenure.

mod common;

use customer_first::headless::world::prepare;
use customer_first::scenario::Scenario;
use customer_first::sim::customers::{Customer, CustomerStory, Customers, visit_interval};

fn book(s: &Scenario, seed: u64) -> Vec<(Customer, CustomerStory)> {
    let app = prepare(s, seed, None);
    app.world()
        .resource::<Customers>()
        .iter()
        .map(|(c, st)| (c.clone(), st.clone()))
        .collect()
}

fn mean_propensity(cs: &[&(Customer, CustomerStory)]) -> f64 {
    assert!(!cs.is_empty(), "a group to average");
    cs.iter().map(|(c, _)| c.propensity as f64).sum::<f64>() / cs.len() as f64
}

#[test]
fn the_longest_standing_customers_are_the_most_loyal() {
    for s in [common::cafe(), common::software()] {
        let all = book(&s, 7);
        assert_eq!(all.len(), s.start.customers as usize);
        // The prior mean of a newcomer's propensity, over the segments' shares.
        let total: f64 = s.segments.iter().map(|g| g.share).sum();
        let prior: f64 = s
            .segments
            .iter()
            .map(|g| g.share / total * g.churn_alpha / (g.churn_alpha + g.churn_beta))
            .sum();
        let young: Vec<_> = all.iter().filter(|(c, _)| c.joined_day > -365).collect();
        let old: Vec<_> = all
            .iter()
            .filter(|(c, _)| c.joined_day <= -3 * 365)
            .collect();
        let (all_refs, young_m, old_m) = (
            all.iter().collect::<Vec<_>>(),
            mean_propensity(&young),
            mean_propensity(&old),
        );
        let book_m = mean_propensity(&all_refs);
        assert!(
            book_m < 0.9 * prior,
            "the book ({book_m:.4}) is more loyal than newcomers ({prior:.4})"
        );
        assert!(
            old_m < 0.75 * young_m,
            "three-year customers ({old_m:.4}) are more loyal than first-year ones ({young_m:.4})"
        );
        // Tenures reach back across the business's life, more of them recent than old.
        let oldest = all.iter().map(|(c, _)| -c.joined_day).max().unwrap();
        assert!(oldest as f64 > 0.9 * s.start.customer_tenure_days as f64);
        assert!(young.len() > old.len());
    }
}

#[test]
fn a_long_standing_customer_has_the_visits_and_spend_of_their_tenure() {
    let s = common::cafe();
    for (c, story) in book(&s, 3) {
        let tenure = -c.joined_day as f64;
        let interval = visit_interval(&s, &c).expect("café customers visit");
        // One visit when they joined and one per interval since (a fraction rounds either way;
        // the joining day is their tenure rounded to a whole day).
        let expected = 1.0 + tenure / interval;
        assert!(
            (c.visits as f64 - expected).abs() <= 1.0 + 0.5 / interval,
            "{} visits after {tenure} days, every {interval:.1} days",
            c.visits
        );
        let lo = c.visits as f64 * s.reference.price_cents as f64 * c.start_spend as f64;
        let hi = c.visits as f64 * s.reference.price_cents as f64 * c.spend as f64;
        let paid = story.total_spend_cents as f64;
        assert!(
            paid >= lo - 1.0 && paid <= hi + 1.0,
            "{paid} cents over {} visits",
            c.visits
        );
    }
}
