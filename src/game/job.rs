//! Long work in the background (replays, Explore's runs, the class view's checks), as one job
//! type for every screen. The work itself is written once, as async code that steps through days
//! ([`crate::platform::map_in_order`], [`crate::platform::Slices`]): on a desktop it runs on a
//! thread of the task pool, in a browser between the page's frames. The game never asks which
//! platform it is on.

use bevy::tasks::futures::check_ready;
use bevy::tasks::{AsyncComputeTaskPool, ConditionalSend, ConditionalSendFuture, Task, TaskPool};

/// Work under way, and its result once it is done.
pub struct Job<T>(Task<T>);

impl<T: ConditionalSend + 'static> Job<T> {
    /// Starts `work` on the task pool.
    pub fn spawn(work: impl ConditionalSendFuture<Output = T> + 'static) -> Self {
        Job(AsyncComputeTaskPool::get_or_init(TaskPool::new).spawn(work))
    }

    /// The result, once the work is done (the screens poll it each frame).
    pub fn poll(&mut self) -> Option<T> {
        check_ready(&mut self.0)
    }

    /// Waits for the result (for tests and scripted runs; the screens poll).
    pub fn wait(self) -> T {
        bevy::tasks::block_on(self.0)
    }
}
