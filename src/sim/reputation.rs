//! Reputation: a public star rating moved, with a lag, by reviews of recent visits.
//!
//! Customers far from neutral — delighted or angry — are the likeliest to write a review
//! (word of mouth is an asymmetric U in satisfaction: Anderson 1998). Reviews fade with a
//! half-life, so the rating follows recent service rather than the business's whole history.

use bevy::prelude::*;
use rand::RngExt;

use super::day::DayStats;
use super::rng::{SimRng, Stream};
use super::{Params, SimSet};

#[derive(Resource, Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct Rating {
    /// Public rating, 1–5 stars.
    pub stars: f64,
    /// Decayed sums of review stars and review counts.
    pub star_sum: f64,
    pub weight: f64,
    pub reviews_total: u64,
}

impl Rating {
    /// Books `count` reviews of `stars` written today and updates the public rating.
    pub fn add_reviews(&mut self, p: &crate::scenario::Reputation, count: u32, stars: u8) {
        self.star_sum += count as f64 * stars.clamp(1, 5) as f64;
        self.weight += count as f64;
        self.reviews_total += count as u64;
        self.recompute(p);
    }

    fn recompute(&mut self, p: &crate::scenario::Reputation) {
        self.stars = ((p.prior_reviews * p.start_rating + self.star_sum)
            / (p.prior_reviews + self.weight))
            .clamp(1.0, 5.0);
    }
}

/// Stars a review gives after a visit with this mood.
pub fn review_stars(mood: f32) -> u8 {
    // 0–10 maps linearly onto 1–5 stars; a non-number (never produced by the model) counts as
    // the middle of the scale rather than as zero stars.
    let mood = if mood.is_finite() {
        mood.clamp(0.0, 10.0)
    } else {
        5.0
    };
    (1.0 + mood * 0.4).round() as u8
}

pub(super) fn plugin(app: &mut App) {
    let start = app.world().resource::<Params>().reputation.start_rating;
    app.insert_resource(Rating {
        stars: start,
        star_sum: 0.0,
        weight: 0.0,
        reviews_total: 0,
    })
    .add_systems(super::SimDayEnd, collect_reviews.in_set(SimSet::Reputation));
}

fn collect_reviews(
    params: Res<Params>,
    mut rng: ResMut<SimRng>,
    mut rating: ResMut<Rating>,
    mut stats: ResMut<DayStats>,
) {
    let p = &params.reputation;
    let neutral = params.satisfaction.neutral_mood as f32;
    let extremity_points = params.behaviour.review_extremity_points as f32;
    let rng = rng.stream(Stream::Reputation);
    let decay = 0.5f64.powf(1.0 / p.half_life_days);
    let mut sum = 0.0;
    let mut count = 0u32;
    for &mood in &stats.moods {
        let extremity = ((mood - neutral).abs() / extremity_points) as f64;
        let chance = (p.review_probability * (1.0 + p.review_extremity * extremity)).min(1.0);
        if rng.random::<f64>() < chance {
            sum += review_stars(mood) as f64;
            count += 1;
        }
    }
    rating.star_sum = rating.star_sum * decay + sum;
    rating.weight = rating.weight * decay + count as f64;
    rating.reviews_total += count as u64;
    rating.recompute(p);
    stats.reviews = count;
}
