//! Scenarios: a business, its customers, its staff, its owners, as data (RON).
//!
//! Every parameter the model uses lives here; nothing is tuned in code. The format is declared in
//! [`schema`] (each field's meaning, with its published source where one exists, and its range),
//! checked there and in [`checks`], and documented in `docs/scenario-format.md`, made from the
//! same declarations. See `docs/model.md` for the sources.

mod checks;
pub mod fields;
pub mod schema;

pub use schema::*;

/// The longest run a scenario may ask for (100 years).
pub const MAX_HORIZON_DAYS: u32 = 36_500;
/// Upper bound on customers at the start, so a scenario cannot make the model allocate without bound.
pub const MAX_START_CUSTOMERS: u32 = 1_000_000;
pub const MAX_SEGMENTS: usize = 16;
/// No more prospects arrive once this many customers have ever been created: a scenario cannot
/// make the model allocate without bound (a century of a busy café stays far below it).
pub const MAX_CUSTOMERS_EVER: u32 = 5_000_000;
/// The most touchpoints a visit can have.
pub const MAX_STAGES: usize = 12;
