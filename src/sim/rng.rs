//! The model's randomness: one ChaCha8 stream per subsystem, all from the scenario's seed.
//!
//! Separate streams mean that a rule drawing one more number (a new mechanism, a changed lever)
//! does not shift every other rule's draws, so runs stay comparable across small changes.

use bevy::prelude::*;
use rand::SeedableRng;
use rand_chacha::ChaCha8Rng;

/// The subsystems that draw random numbers, each on its own stream.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Stream {
    /// How many prospects come and when.
    Arrivals = 0,
    /// Service times and patience in the queue.
    Service = 1,
    /// Mood noise, errors and surprises.
    Experience = 2,
    /// Churn propensities, renewal decisions and visit intervals.
    Churn = 3,
    /// Quits.
    Staff = 4,
    /// Reviews.
    Reputation = 5,
    /// Complaints.
    Recovery = 6,
    /// Setting up the world on day 0.
    Setup = 7,
    /// Customer success: whether a lapsing customer is won back.
    Health = 8,
    /// Whether dilemmas fire, and who hears about them.
    Dilemmas = 9,
    /// Which defective products fail, and when.
    Defects = 10,
}

pub const STREAMS: usize = 11;

#[derive(Resource, Debug, Clone)]
pub struct SimRng {
    streams: [ChaCha8Rng; STREAMS],
}

impl SimRng {
    pub fn new(seed: u64) -> Self {
        let streams = std::array::from_fn(|i| {
            let mut rng = ChaCha8Rng::seed_from_u64(seed);
            rng.set_stream(i as u64);
            rng
        });
        SimRng { streams }
    }

    pub fn stream(&mut self, s: Stream) -> &mut ChaCha8Rng {
        &mut self.streams[s as usize]
    }

    /// A stream by its number (saves walk all of them).
    pub fn stream_by_index(&self, i: usize) -> &ChaCha8Rng {
        &self.streams[i]
    }

    pub fn stream_by_index_mut(&mut self, i: usize) -> &mut ChaCha8Rng {
        &mut self.streams[i]
    }
}
