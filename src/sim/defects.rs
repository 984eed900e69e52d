//! Hidden defects: a quality event with delayed discovery and a recall decision (the scenario's
//! `defects`). From its day, a share of what customers own carries the defect; each affected
//! product fails now and then, and each failure costs its owner's trust. Nobody outside knows
//! until enough failures pile up: then the press or a regulator makes it public, every customer
//! hears of it, the board loses confidence, and the recall is forced at a higher cost. A recall
//! chosen earlier (a dilemma's `Recall` effect) stops the failures at a known cost and, before the
//! public knows, earns the affected customers' trust. Investors punish even a proactive recall
//! in the short run (Chen, Ganesan & Liu 2009) while trust pays back over years: the deck's
//! choices carry the board's side; the trust is here.
//!
//! Which customers are affected is a pure function of the seed, the defect and the customer (no
//! state to save, the same in a replay); when a failure happens is drawn from its own stream.

use bevy::prelude::*;
use rand::RngExt;
use serde::{Deserialize, Serialize};

use super::clock::Clock;
use super::customers::{Customer, Customers};
use super::finance::{Board, Ledger};
use super::reputation::Rating;
use super::rng::{SimRng, Stream};
use super::{Params, SeedUsed, SimDayStart, SimSet};
use crate::scenario::Defect;
use crate::thoughts::ThoughtKind;

/// How each of the scenario's defects stands (in the scenario's order).
#[derive(Resource, Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct DefectState {
    pub defects: Vec<DefectProgress>,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct DefectProgress {
    /// Failures so far.
    pub failures: u32,
    /// The day the public learnt of it.
    pub public_day: Option<u32>,
    /// The day it was recalled.
    pub recalled_day: Option<u32>,
}

impl DefectState {
    /// Failures so far of defects not yet recalled: what engineers and warranty claims see
    /// (the `ProductFailures` figure a dilemma can wait for).
    pub fn open_failures(&self) -> u32 {
        self.defects
            .iter()
            .filter(|d| d.recalled_day.is_none())
            .map(|d| d.failures)
            .sum()
    }
}

pub(super) fn plugin(app: &mut App) {
    app.init_resource::<DefectState>()
        .add_systems(SimDayStart, fail.in_set(SimSet::Defects));
}

/// Whether a customer's product carries the defect: a fixed draw per seed, defect and customer
/// (whoever owns the business's product while the defect is out there may have it).
pub fn affected(seed: u64, defect: usize, d: &Defect, c: &Customer) -> bool {
    // SplitMix64 of the three: uniform in [0, 1).
    let mut z = seed
        ^ (defect as u64).wrapping_mul(0x9E37_79B9_7F4A_7C15)
        ^ (c.id as u64).wrapping_mul(0xBF58_476D_1CE4_E5B9);
    z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
    z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
    z ^= z >> 31;
    ((z >> 11) as f64 / (1u64 << 53) as f64) < d.affected_share
}

/// Each day: affected products fail; enough failures make the defect public.
#[allow(clippy::too_many_arguments)]
fn fail(
    params: Res<Params>,
    clock: Res<Clock>,
    seed: Res<SeedUsed>,
    mut state: ResMut<DefectState>,
    mut rng: ResMut<SimRng>,
    mut rating: ResMut<Rating>,
    mut board: ResMut<Board>,
    mut ledger: ResMut<Ledger>,
    (mut book, mut news): (ResMut<Customers>, ResMut<super::news::News>),
) {
    let s = &params.0;
    if s.defects.is_empty() {
        return;
    }
    let day = clock.day;
    state
        .defects
        .resize(s.defects.len(), DefectProgress::default());
    let rng = rng.stream(Stream::Defects);
    for (i, d) in s.defects.iter().enumerate() {
        let progress = &state.defects[i];
        if day < d.from_day || progress.recalled_day.is_some() {
            continue;
        }
        let p = d.failures_per_year / 365.0;
        let mut failures = 0;
        book.each_active_with_story(|c, story| {
            if !affected(seed.0, i, d, c) || rng.random::<f64>() >= p {
                return;
            }
            story.shift_attitude(
                c,
                day,
                Some(ThoughtKind::PoorQuality),
                -d.failure_attitude as f32,
            );
            failures += 1;
        });
        let progress = &mut state.defects[i];
        progress.failures += failures;
        if progress.public_day.is_none() && progress.failures >= d.public_after_failures {
            progress.public_day = Some(day);
            rating.add_reviews(&s.reputation, d.public_reviews, 1);
            let before = board.confidence;
            board.confidence = (board.confidence + d.public_board).clamp(0.0, 1.0);
            news.0.push(super::news::NewsItem {
                day,
                what: super::news::Happening::PressStory {
                    defect: i,
                    failures: progress.failures,
                    before,
                    after: board.confidence,
                },
            });
            book.each_active_with_story(|c, story| {
                story.shift_attitude(c, day, Some(ThoughtKind::Scandal), d.public_attitude as f32);
            });
            // The regulator forces the recall now, at the higher price.
            let cost = recall(seed.0, i, d, &mut state.defects[i], day, &mut book);
            ledger.today.dilemmas += cost;
        }
    }
}

/// Recalls defect `i` today: its failures stop; returns the cost (in cents) for the affected
/// customers still with the business. Before the defect is public the affected customers' trust
/// changes by its `recall_attitude`; a recall of a defect already recalled costs nothing.
pub fn recall(
    seed: u64,
    i: usize,
    d: &Defect,
    progress: &mut DefectProgress,
    day: u32,
    book: &mut Customers,
) -> i64 {
    if progress.recalled_day.is_some() {
        return 0;
    }
    let public = progress.public_day.is_some();
    let mut affected_now = 0i64;
    book.each_active_with_story(|c, story| {
        if !affected(seed, i, d, c) {
            return;
        }
        affected_now += 1;
        if !public && d.recall_attitude != 0.0 {
            story.shift_attitude(
                c,
                day,
                Some(ThoughtKind::DidTheRightThing),
                d.recall_attitude as f32,
            );
        }
    });
    progress.recalled_day = Some(day);
    let per = d.recall_cents_per_customer as f64
        * if public {
            d.forced_recall_multiplier
        } else {
            1.0
        };
    (per * affected_now as f64).round() as i64
}
