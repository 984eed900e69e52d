//! Customers: persistent entities with their own expectations, mood, habits and churn propensity.
//!
//! Retention is state, not a formula. Each customer draws their own 30-day churn propensity from
//! Beta(α, β) when they arrive (shifted-beta-geometric, Fader & Hardie 2007), so a cohort's
//! retention rises with tenure as the loyal remain. Their experience then modulates it: a low
//! attitude and poor health raise it. Before each visit (PerVisit) or at each renewal
//! (Subscription) the customer decides whether to stay; most who leave say nothing.

use bevy::prelude::*;
use rand::RngExt;
use rand_distr::{Beta, Distribution};

use super::clock::Clock;
use super::day::{DayStats, PlannedArrival, Source, TodayArrivals, Visitor};
use super::rng::{SimRng, Stream};
use super::tenure::TENURE_YEARS;
use super::{Params, SimSet};
use crate::scenario::{RevenueModel, Scenario};
use crate::thoughts::ThoughtKind;

/// Minimum tenure for revenue to count as retention value.
pub const RETAINED_AFTER_DAYS: i32 = 91;

/// Books a customer's payment into the day's customer-capital split.
pub fn book_capital(stats: &mut DayStats, c: &Customer, day: u32, paid: i64) {
    if day as i32 - c.joined_day >= RETAINED_AFTER_DAYS {
        stats.revenue_retained += paid;
        if c.spend > c.start_spend {
            let share = (c.spend - c.start_spend) as f64 / c.spend as f64;
            stats.revenue_rampup += (paid as f64 * share).round() as i64;
        }
    }
    if c.source == Source::Referred {
        stats.revenue_referred += paid;
    }
}

/// "Never", for day fields.
pub const NEVER: u32 = u32::MAX;

#[derive(Debug, Clone, Copy, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct Thought {
    pub day: u32,
    pub kind: ThoughtKind,
    pub value: f32,
    /// Mood points this cause added (positive) or took away (negative).
    pub impact: f32,
}

pub const THOUGHTS_KEPT: usize = 4;
pub const MOODS_KEPT: usize = 8;

/// Why a customer left: the worst cause among their recent thoughts, or none at all.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub enum ChurnCause {
    Thought(ThoughtKind),
    /// Nothing in particular: their own propensity (tastes change, people move).
    DriftedAway,
    /// A one-off customer who was never going to come back.
    OneOff,
}

impl ChurnCause {
    pub fn id(self) -> &'static str {
        match self {
            ChurnCause::Thought(k) => k.id(),
            ChurnCause::DriftedAway => "drifted_away",
            ChurnCause::OneOff => "one_off",
        }
    }
}

/// The state the model reads every day (kept small: it is scanned for every customer daily).
#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct Customer {
    pub id: u32,
    pub segment: u8,
    pub source: Source,
    /// Day they became a customer (negative for those who were customers before day 0).
    pub joined_day: i32,
    /// Next day they will (decide whether to) visit; NEVER for none.
    pub next_visit_day: u32,
    /// Next renewal (Subscription only); NEVER otherwise.
    pub next_renewal_day: u32,
    pub last_visit_day: i32,
    pub last_decision_day: i32,
    pub visits: u32,
    /// Mood after their last visit, 0–10 (the NPS question's answer).
    pub mood: f32,
    /// Remembered satisfaction: a slow average of moods, which drives loyalty.
    pub attitude: f32,
    /// Own 30-day churn propensity (before experience).
    pub propensity: f32,
    /// Current spend per visit (or seats) relative to the reference price; grows with tenure.
    pub spend: f32,
    pub start_spend: f32,
    pub expected_wait: f32,
    pub expected_quality: f32,
    pub expected_price: f32,
    /// How used they are to small surprises, 0–1 (Kano drift).
    pub surprise_habit: f32,
    pub last_price_paid: f32,
    /// 0–1: visit frequency vs their norm, attitude and open complaints.
    pub health: f32,
    pub failures: u16,
    pub complaints: u16,
    pub open_complaint: bool,
    pub contacted_day: i32,
    /// Set when they have decided to leave: the day they will be gone. Until then they are
    /// quiet (no visits), which is what customer success can notice.
    pub lapsing_until: u32,
    /// Referrals per month they make while a promoter (their own word-of-mouth propensity).
    pub referral_rate: f32,
    /// Their own chance of complaining about a problem (a trait drawn once; see
    /// `behaviour.voice_concentration`). Negative in saves from before it existed: such a
    /// customer speaks up with the scenario's `complaints.voice_probability`.
    #[serde(default = "unknown_voice")]
    pub voice: f32,
    /// The employee (by id) who served them on their last visit that left them at 9 or more:
    /// the one they would miss. NEVER for none.
    #[serde(default = "no_server")]
    pub liked_server: u32,
}

fn no_server() -> u32 {
    NEVER
}

fn unknown_voice() -> f32 {
    -1.0
}

impl Customer {
    /// Their chance of complaining about a problem.
    pub fn voice_probability(&self, scenario: &Scenario) -> f64 {
        if self.voice < 0.0 {
            scenario.complaints.voice_probability
        } else {
            self.voice as f64
        }
    }
}

/// Draws a customer's voice trait: Beta(κ·p, κ·(1 − p)) around the scenario's mean p.
pub fn draw_voice(scenario: &Scenario, rng: &mut impl rand::Rng) -> f32 {
    let p = scenario.complaints.voice_probability;
    let k = scenario.behaviour.voice_concentration;
    if k <= 0.0 || p <= 0.0 || p >= 1.0 {
        return p as f32;
    }
    Beta::new(k * p, k * (1.0 - p))
        .map(|b| b.sample(rng))
        .unwrap_or(p) as f32
}

/// What the inspector and reports read. Kept inline (no heap) so touching it on a visit costs
/// one memory access, not three, and packed (a thought's kind apart from its figures): it is
/// kept for every customer ever acquired. Saved as [`StoryRecord`], the form saves have always
/// had.
#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
#[serde(from = "StoryRecord", into = "StoryRecord")]
pub struct CustomerStory {
    pub total_spend_cents: i64,
    /// The recent thoughts' figures (value, impact), days and kinds, each apart so that none
    /// pads another: a slot holds a thought when its kind is there. A day fits in 16 bits (no
    /// scenario is longer than `MAX_HORIZON_DAYS`).
    notes: [Note; THOUGHTS_KEPT],
    days: [u16; THOUGHTS_KEPT],
    kinds: [Option<ThoughtKind>; THOUGHTS_KEPT],
    /// The recent moods (each 0–10, so four bits), oldest in the lowest bits.
    moods: u32,
    mood_count: u8,
    /// The day they left, or [`STILL_HERE`].
    left_day: u16,
    pub churn_cause: Option<ChurnCause>,
}

/// [`CustomerStory::left_day`] of a customer who has not left.
const STILL_HERE: u16 = u16::MAX;

const _: () = assert!(MOODS_KEPT * 4 <= u32::BITS as usize);
const _: () = assert!(crate::scenario::MAX_HORIZON_DAYS < STILL_HERE as u32);
// The story is kept for every customer ever acquired: one cache line each.
const _: () = assert!(std::mem::size_of::<CustomerStory>() <= 64);

impl Default for CustomerStory {
    fn default() -> Self {
        CustomerStory {
            total_spend_cents: 0,
            notes: Default::default(),
            days: Default::default(),
            kinds: Default::default(),
            moods: 0,
            mood_count: 0,
            left_day: STILL_HERE,
            churn_cause: None,
        }
    }
}

/// A thought's figures, without its kind and day.
#[derive(Debug, Clone, Copy, Default, PartialEq)]
struct Note {
    value: f32,
    impact: f32,
}

const _: () = assert!(crate::scenario::MAX_HORIZON_DAYS <= u16::MAX as u32);

/// A customer's story as saves hold it.
#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct StoryRecord {
    pub total_spend_cents: i64,
    pub thoughts: [Option<Thought>; THOUGHTS_KEPT],
    pub moods: [u8; MOODS_KEPT],
    pub mood_count: u8,
    pub churned_day: Option<u32>,
    pub churn_cause: Option<ChurnCause>,
}

impl From<StoryRecord> for CustomerStory {
    fn from(r: StoryRecord) -> Self {
        let mut story = CustomerStory {
            total_spend_cents: r.total_spend_cents,
            churn_cause: r.churn_cause,
            ..Default::default()
        };
        if let Some(day) = r.churned_day {
            story.set_churned_day(day);
        }
        let count = (r.mood_count as usize).min(MOODS_KEPT);
        for &m in &r.moods[..count] {
            story.push_mood(m);
        }
        for (i, t) in r.thoughts.iter().enumerate() {
            if let Some(t) = t {
                story.put(i, *t);
            }
        }
        story
    }
}

impl From<CustomerStory> for StoryRecord {
    fn from(s: CustomerStory) -> Self {
        StoryRecord {
            total_spend_cents: s.total_spend_cents,
            thoughts: std::array::from_fn(|i| s.thought_at(i)),
            moods: std::array::from_fn(|i| s.mood_at(i).unwrap_or(0)),
            mood_count: s.mood_count,
            churned_day: s.churned_day(),
            churn_cause: s.churn_cause,
        }
    }
}

impl CustomerStory {
    fn thought_at(&self, i: usize) -> Option<Thought> {
        let n = self.notes[i];
        self.kinds[i].map(|kind| Thought {
            day: u32::from(self.days[i]),
            kind,
            value: n.value,
            impact: n.impact,
        })
    }

    fn put(&mut self, i: usize, t: Thought) {
        self.kinds[i] = Some(t.kind);
        self.days[i] = t.day.min(u16::MAX as u32) as u16;
        self.notes[i] = Note {
            value: t.value,
            impact: t.impact,
        };
    }

    pub fn think(&mut self, t: Thought) {
        if self.kinds[THOUGHTS_KEPT - 1].is_some() {
            self.kinds.rotate_left(1);
            self.notes.rotate_left(1);
            self.days.rotate_left(1);
            self.put(THOUGHTS_KEPT - 1, t);
        } else if let Some(i) = self.kinds.iter().position(|k| k.is_none()) {
            self.put(i, t);
        }
    }

    /// Moves the customer's attitude by `delta` (kept in 0–10) for an event outside a visit (a
    /// scandal, a recall, a dilemma's effect) and, with a `kind`, remembers why.
    pub fn shift_attitude(
        &mut self,
        c: &mut Customer,
        day: u32,
        kind: Option<ThoughtKind>,
        delta: f32,
    ) {
        let before = c.attitude;
        c.attitude = (c.attitude + delta).clamp(0.0, 10.0);
        if let Some(kind) = kind {
            self.think(Thought {
                day,
                kind,
                value: 0.0,
                impact: c.attitude - before,
            });
        }
    }

    /// Recent thoughts, oldest first.
    pub fn thoughts(&self) -> impl Iterator<Item = Thought> + '_ {
        (0..THOUGHTS_KEPT).filter_map(|i| self.thought_at(i))
    }

    pub fn remember_mood(&mut self, mood: f32) {
        self.push_mood(mood.round().clamp(0.0, 10.0) as u8);
    }

    /// Keeps a rounded mood (0–10) as the newest, forgetting the oldest once there are
    /// [`MOODS_KEPT`].
    fn push_mood(&mut self, m: u8) {
        let m = u32::from(m.min(10));
        if (self.mood_count as usize) < MOODS_KEPT {
            self.moods |= m << (4 * self.mood_count as u32);
            self.mood_count += 1;
        } else {
            self.moods = (self.moods >> 4) | (m << (4 * (MOODS_KEPT as u32 - 1)));
        }
    }

    fn mood_at(&self, i: usize) -> Option<u8> {
        (i < self.mood_count as usize).then(|| ((self.moods >> (4 * i)) & 0xF) as u8)
    }

    /// Recent moods (rounded), oldest first.
    pub fn moods(&self) -> impl Iterator<Item = u8> + '_ {
        (0..self.mood_count as usize).filter_map(|i| self.mood_at(i))
    }

    /// The day they left, if they have.
    pub fn churned_day(&self) -> Option<u32> {
        (self.left_day != STILL_HERE).then_some(u32::from(self.left_day))
    }

    /// Records the day they left (kept in 16 bits: a day past 65,534, beyond any scenario's
    /// horizon, is kept as 65,534).
    pub fn set_churned_day(&mut self, day: u32) {
        self.left_day = day.min(u32::from(STILL_HERE) - 1) as u16;
    }

    /// The worst recent cause, if any hurt.
    pub fn worst_cause(&self) -> Option<ThoughtKind> {
        self.thoughts()
            .filter(|t| t.impact < -0.25)
            .min_by(|a, b| a.impact.total_cmp(&b.impact))
            .map(|t| t.kind)
    }
}

/// Every customer the business ever had, as plain columns indexed by their id (ids are handed
/// out in order from 0, so a customer's id is where they are kept): the state the model reads
/// ([`Customer`]) and their story ([`CustomerStory`]) side by side, and the active customers'
/// ids in the order the model visits them.
///
/// Customers were ECS entities once. At tens of thousands of customers the model's largest cost
/// was finding a visitor's state (the entity's record, then its row), and every customer carried
/// the ECS's per-entity and per-component bookkeeping: plain vectors indexed by id do both in
/// one step and with nothing beside. The order of visits is kept exactly as the ECS kept it (a
/// departure moves the last active customer into the departed one's place), so every world is
/// the same, byte for byte, as it was.
#[derive(Resource, Debug, Default, Clone)]
pub struct Customers {
    people: Vec<Customer>,
    stories: Vec<CustomerStory>,
    /// Active customers' ids, in the order the model visits them.
    active: Vec<u32>,
    /// Each customer's place in `active`, or [`NEVER`] once they have left.
    slot: Vec<u32>,
}

/// Why a customer could not be added to the book.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NotNext {
    pub expected: u32,
    pub got: u32,
}

impl Customers {
    /// Everyone ever acquired (active or departed).
    pub fn len(&self) -> usize {
        self.people.len()
    }

    /// The id the next customer acquired gets: ids are handed out in order, from 0, and the book
    /// keeps everyone, so it is the book's length.
    pub fn next_id(&self) -> u32 {
        self.people.len() as u32
    }

    pub fn is_empty(&self) -> bool {
        self.people.is_empty()
    }

    /// Customers with the business now.
    pub fn active_count(&self) -> usize {
        self.active.len()
    }

    /// The active customers' ids, in the order the model visits them.
    pub fn active_ids(&self) -> &[u32] {
        &self.active
    }

    pub fn is_active(&self, id: u32) -> bool {
        self.slot.get(id as usize).is_some_and(|&s| s != NEVER)
    }

    pub fn customer(&self, id: u32) -> Option<&Customer> {
        self.people.get(id as usize)
    }

    pub fn story(&self, id: u32) -> Option<&CustomerStory> {
        self.stories.get(id as usize)
    }

    /// A customer and their story, active or not.
    pub fn get(&self, id: u32) -> Option<(&Customer, &CustomerStory)> {
        Some((
            self.people.get(id as usize)?,
            self.stories.get(id as usize)?,
        ))
    }

    /// An active customer and their story, to change.
    pub fn active_mut(&mut self, id: u32) -> Option<(&mut Customer, &mut CustomerStory)> {
        if !self.is_active(id) {
            return None;
        }
        Some((
            self.people.get_mut(id as usize)?,
            self.stories.get_mut(id as usize)?,
        ))
    }

    /// Every customer ever acquired, in id order.
    pub fn iter(&self) -> impl Iterator<Item = (&Customer, &CustomerStory)> {
        self.people.iter().zip(&self.stories)
    }

    /// The active customers, in the order the model visits them.
    pub fn iter_active(&self) -> impl Iterator<Item = (&Customer, &CustomerStory)> {
        self.active
            .iter()
            .map(|&id| (&self.people[id as usize], &self.stories[id as usize]))
    }

    /// The customers who have left, in id order.
    pub fn iter_departed(&self) -> impl Iterator<Item = (&Customer, &CustomerStory)> {
        self.iter()
            .zip(&self.slot)
            .filter(|(_, s)| **s == NEVER)
            .map(|(cs, _)| cs)
    }

    /// Calls `f` on every active customer's state, in the order the model visits them.
    pub fn each_active(&mut self, mut f: impl FnMut(u32, &mut Customer)) {
        for &id in &self.active {
            f(id, &mut self.people[id as usize]);
        }
    }

    /// Calls `f` on every active customer and their story, in the order the model visits them.
    pub fn each_active_with_story(&mut self, mut f: impl FnMut(&mut Customer, &mut CustomerStory)) {
        for &id in &self.active {
            f(
                &mut self.people[id as usize],
                &mut self.stories[id as usize],
            );
        }
    }

    /// Adds the next customer (their id must be the next one), with the business or, for a
    /// one-off customer or a departed one from a save, already gone.
    pub fn add(&mut self, c: Customer, story: CustomerStory, active: bool) -> Result<u32, NotNext> {
        let id = self.people.len() as u32;
        if c.id != id {
            return Err(NotNext {
                expected: id,
                got: c.id,
            });
        }
        // Grow by an eighth, not double: the book is most of the model's memory.
        grow_by_an_eighth(&mut self.people);
        grow_by_an_eighth(&mut self.stories);
        grow_by_an_eighth(&mut self.slot);
        self.people.push(c);
        self.stories.push(story);
        if active {
            self.slot.push(self.active.len() as u32);
            self.push_active(id);
        } else {
            self.slot.push(NEVER);
        }
        Ok(id)
    }

    /// Marks an active customer as gone: the last active customer takes their place in the
    /// order of visits. Returns false if they were not active.
    pub fn depart(&mut self, id: u32) -> bool {
        let Some(&at) = self.slot.get(id as usize) else {
            return false;
        };
        if at == NEVER {
            return false;
        }
        self.active.swap_remove(at as usize);
        if let Some(&moved) = self.active.get(at as usize) {
            self.slot[moved as usize] = at;
        }
        self.slot[id as usize] = NEVER;
        true
    }

    /// Brings a customer added as departed into the order of visits, at its end (a save's
    /// active customers are restored in the order they were saved in).
    pub fn reactivate(&mut self, id: u32) {
        if let Some(slot) = self.slot.get_mut(id as usize)
            && *slot == NEVER
        {
            *slot = self.active.len() as u32;
            self.push_active(id);
        }
    }

    /// Appends to the order of visits, growing it by an eighth like the book (a doubling would
    /// hold up to one unused id for each active customer).
    fn push_active(&mut self, id: u32) {
        grow_by_an_eighth(&mut self.active);
        self.active.push(id);
    }

    /// Reads a customer's record at its start, middle and end, for [`std::hint::black_box`]: a
    /// record spans two or three cache lines, and a visit reads fields on each (see the visit
    /// step's warm-up).
    pub fn touch(&self, id: u32) -> (u32, f32, u8, bool, u32, i64, f32, f32, u8, Option<u32>) {
        let (Some(c), Some(s)) = (self.people.get(id as usize), self.stories.get(id as usize))
        else {
            return Default::default();
        };
        (
            c.id,
            c.spend,
            c.segment,
            c.open_complaint,
            c.liked_server,
            s.total_spend_cents,
            s.notes[0].impact,
            s.notes[THOUGHTS_KEPT - 1].impact,
            s.mood_count,
            s.churned_day(),
        )
    }
}

/// Makes room for one more in a full vector by an eighth of its length (at least 64), not by
/// doubling it.
fn grow_by_an_eighth<T>(v: &mut Vec<T>) {
    if v.len() == v.capacity() {
        v.reserve_exact((v.len() / 8).max(64));
    }
}

/// Figures over all active customers, taken at the start of each day.
#[derive(Resource, Debug, Default, Clone)]
pub struct Census {
    pub active: u32,
    pub promoters: u32,
    pub passives: u32,
    pub detractors: u32,
    /// Sum of every active customer's mood after their last visit (the answer NPS counts).
    pub mood_sum: f64,
    /// Referrals per day expected from today's promoters.
    pub referrals_per_day: f64,
    pub red_health: u32,
    /// Active customers who joined on or before the retention cohort day.
    pub retained_from_cohort: u32,
    /// Monthly revenue run-rate (cents) of active customers who joined on or before the NDR
    /// snapshot day, and of all active customers.
    pub ndr_numerator: f64,
    pub run_rate: f64,
    /// Customers in poor health, lowest health first, for customer success to contact.
    pub at_risk: Vec<(f32, u32)>,
}

/// Snapshots for net dollar retention: the run-rate of everyone active at the start of each
/// 30-day month, so NDR compares the same cohort a year apart.
#[derive(Resource, Debug, Default, Clone)]
pub struct RunRateSnapshots {
    pub monthly: Vec<f64>,
}

pub const NDR_MONTH_DAYS: u32 = 30;
pub const NDR_WINDOW_MONTHS: u32 = 12;

pub(super) fn plugin(app: &mut App) {
    app.init_resource::<Customers>()
        .init_resource::<Census>()
        .init_resource::<RunRateSnapshots>()
        .add_systems(
            Startup,
            spawn_existing_customers
                .run_if(super::new_world)
                .in_set(super::StartupSet::Customers),
        )
        .add_systems(
            super::SimDayStart,
            (start_day, mark_churned).chain().in_set(SimSet::Customers),
        );
}

/// Everything needed to create a customer.
pub struct NewCustomer {
    pub segment: usize,
    pub source: Source,
    pub joined_day: i32,
}

/// Builds a new customer's state from their segment (draws their churn propensity). `id` is the
/// book's next ([`Customers::next_id`]): the customer is added before another is made.
pub fn make_customer(
    scenario: &Scenario,
    id: u32,
    new: &NewCustomer,
    rng: &mut impl rand::Rng,
) -> Customer {
    let seg = &scenario.segments[new.segment];
    let theta = Beta::new(seg.churn_alpha, seg.churn_beta)
        .map(|b| b.sample(rng))
        .unwrap_or(seg.churn_alpha / (seg.churn_alpha + seg.churn_beta));
    let theta = if new.source == Source::Referred {
        theta * scenario.market.referred_churn_multiplier
    } else {
        theta
    };
    let neutral = scenario.satisfaction.neutral_mood as f32;
    let renewal = match scenario.revenue {
        RevenueModel::Subscription { period_days } => {
            (new.joined_day.max(0) as u32).saturating_add(period_days)
        }
        RevenueModel::PerVisit => NEVER,
    };
    Customer {
        id,
        segment: new.segment as u8,
        source: new.source,
        joined_day: new.joined_day,
        next_visit_day: NEVER,
        next_renewal_day: renewal,
        last_visit_day: new.joined_day,
        last_decision_day: new.joined_day,
        visits: 0,
        mood: neutral,
        attitude: neutral,
        propensity: theta.clamp(0.0, 1.0) as f32,
        spend: seg.spend as f32,
        start_spend: seg.spend as f32,
        expected_wait: seg.expected_wait_minutes as f32,
        expected_quality: seg.expected_quality as f32,
        expected_price: 1.0,
        surprise_habit: 0.0,
        last_price_paid: 1.0,
        health: 1.0,
        failures: 0,
        complaints: 0,
        open_complaint: false,
        contacted_day: i32::MIN,
        lapsing_until: NEVER,
        referral_rate: (seg.referrals_per_month * spread(scenario.behaviour.referral_spread, rng))
            as f32,
        voice: draw_voice(scenario, rng),
        liked_server: NEVER,
    }
}

/// Mean days between visits for this customer, given how they feel.
pub fn visit_interval(scenario: &Scenario, c: &Customer) -> Option<f64> {
    let seg = &scenario.segments[c.segment as usize];
    if seg.visits_per_month <= 0.0 {
        return None;
    }
    let s = &scenario.satisfaction;
    let mood_gap = (c.attitude as f64 - s.neutral_mood) / 10.0;
    Some(30.0 / seg.visits_per_month * (-s.frequency_elasticity * mood_gap).exp())
}

/// Draws the day of the next visit after `from` (habits vary ±50 % around the mean interval).
/// A factor drawn uniformly within `spread` of 1 (none drawn when the spread is 0).
fn spread(spread: f64, rng: &mut impl rand::Rng) -> f64 {
    if spread > 0.0 {
        rng.random_range((1.0 - spread)..(1.0 + spread))
    } else {
        1.0
    }
}

pub fn schedule_next_visit(
    scenario: &Scenario,
    c: &mut Customer,
    from: u32,
    rng: &mut impl rand::Rng,
) {
    c.next_visit_day = match visit_interval(scenario, c) {
        Some(mean) => {
            let days = (mean * rng.random_range(0.5..1.5)).round().max(1.0);
            from.saturating_add(days.min(3650.0) as u32)
        }
        None => NEVER,
    };
}

/// Monthly revenue, in cents, of a customer of segment `segment` whose spend is 1.
fn monthly_rate(scenario: &Scenario, price_lever: f64, segment: usize) -> f64 {
    let price = scenario.reference.price_cents as f64 * price_lever;
    match scenario.revenue {
        RevenueModel::PerVisit => price * scenario.segments[segment].visits_per_month,
        RevenueModel::Subscription { period_days } => price * 30.0 / period_days as f64,
    }
}

/// 30-day churn hazard for a customer with their current attitude and health.
pub fn churn_hazard(scenario: &Scenario, c: &Customer) -> f64 {
    let h = &scenario.churn;
    let mood = (c.attitude as f64 - h.mood_reference) / 10.0;
    let p = c.propensity as f64
        * (-h.mood_sensitivity * mood).exp()
        * (1.0 + h.health_sensitivity * (1.0 - c.health as f64));
    p.clamp(0.0, 0.99)
}

/// Health, 0–1: visiting as often as the segment normally does, feeling fine, no open complaint.
pub fn health(scenario: &Scenario, c: &Customer, today: u32) -> f32 {
    HealthRule::new(scenario).health(c, today)
}

/// The health rule's constants, worked out once for a day's pass over every customer (the pass
/// then multiplies where it would divide).
pub struct HealthRule {
    per_neutral: f32,
    /// Per segment: 1 / the usual days between visits (at least 1), or none for one-off segments.
    per_interval: Vec<Option<f64>>,
    grace: f64,
    silence: f64,
    complaint: f32,
    lapsing: f32,
}

impl HealthRule {
    pub fn new(scenario: &Scenario) -> Self {
        let ch = &scenario.churn;
        HealthRule {
            per_neutral: 1.0 / scenario.satisfaction.neutral_mood as f32,
            per_interval: scenario
                .segments
                .iter()
                .map(|g| {
                    (g.visits_per_month > 0.0).then(|| 1.0 / (30.0 / g.visits_per_month).max(1.0))
                })
                .collect(),
            grace: scenario.behaviour.silence_grace_intervals,
            silence: ch.health_silence,
            complaint: ch.health_complaint as f32,
            lapsing: ch.health_lapsing as f32,
        }
    }

    pub fn health(&self, c: &Customer, today: u32) -> f32 {
        let mut h = (c.attitude * self.per_neutral).min(1.0);
        if let Some(per_interval) = self.per_interval[c.segment as usize] {
            // Silence is measured against the segment's normal rhythm: an unhappy customer comes
            // less often before they stop coming at all, and that is the warning sign.
            let silence = (today as i64 - c.last_visit_day as i64) as f64 * per_interval;
            h -= (self.silence * (silence - self.grace).max(0.0)) as f32;
        }
        if c.open_complaint {
            h -= self.complaint;
        }
        if c.lapsing_until != NEVER {
            // Engagement has dropped: fewer visits, less use of the product.
            h -= self.lapsing;
        }
        h.clamp(0.0, 1.0)
    }
}

/// At most this many propensity draws per starting customer (the acceptance rate is a mean of
/// survival, far above 1/1000 for any valid Beta; the bound only keeps the loop finite).
const MAX_BOOK_DRAWS: u32 = 1000;

/// The continuous daily rate λ at which a customer with 30-day churn propensity `theta` leaves:
/// survival to day t is (1−θ)^(t/30) = e^(−λt).
fn daily_leaving_rate(theta: f64) -> f64 {
    -(1.0 - theta.min(0.999_999)).ln() / 30.0
}

/// Fraction of a customer with 30-day churn propensity `theta` still here, averaged over tenures
/// spread evenly across `age` days: ∫₀ᵃ (1−θ)^(t/30) dt / a.
fn mean_survival(theta: f64, age: f64) -> f64 {
    let lambda = daily_leaving_rate(theta);
    if lambda * age < 1e-9 {
        1.0
    } else {
        (1.0 - (-lambda * age).exp()) / (lambda * age)
    }
}

/// A tenure in [0, age] for a survivor with 30-day churn propensity `theta`: the density is
/// proportional to the survival (1−θ)^(t/30) (inverse transform of a truncated exponential).
fn survivor_tenure(theta: f64, age: f64, u: f64) -> f64 {
    let lambda = daily_leaving_rate(theta);
    if lambda * age < 1e-9 {
        u * age
    } else {
        (-(1.0 - u * (1.0 - (-lambda * age).exp())).ln() / lambda).min(age)
    }
}

/// The starting book, as the survivors of a business that has acquired customers at a steady
/// rate for `start.customer_tenure_days` days. A customer with propensity θ who joined t days ago
/// is still here with probability (1−θ)^(t/30), so among survivors the propensities are those of
/// Beta(α, β) weighted by their mean survival (drawn by rejection), and a survivor's tenure given
/// θ has density proportional to that survival: the loyal are over-represented, most of all among
/// the longest-standing (the shifted-beta-geometric posterior; Fader & Hardie 2007). Each gets a
/// history consistent with that tenure: visits (or renewals) at their segment's rhythm, paid at a
/// spend that ramped up along the way.
fn spawn_existing_customers(
    mut book: ResMut<Customers>,
    params: Res<Params>,
    mut rng: ResMut<SimRng>,
) {
    let s = &params.0;
    let total: f64 = s.segments.iter().map(|g| g.share).sum();
    let age = s.start.customer_tenure_days as f64;
    let rng = rng.stream(Stream::Setup);
    book.people.reserve_exact(s.start.customers as usize);
    book.stories.reserve_exact(s.start.customers as usize);
    book.slot.reserve_exact(s.start.customers as usize);
    book.active.reserve_exact(s.start.customers as usize);
    for _ in 0..s.start.customers {
        let segment = pick_segment(s, total, rng.random::<f64>());
        let seg = &s.segments[segment];
        let prior = Beta::new(seg.churn_alpha, seg.churn_beta).ok();
        let mean_theta = seg.churn_alpha / (seg.churn_alpha + seg.churn_beta);
        let mut theta = mean_theta;
        for _ in 0..MAX_BOOK_DRAWS {
            theta = prior.as_ref().map_or(mean_theta, |b| b.sample(rng));
            if rng.random::<f64>() < mean_survival(theta, age) {
                break;
            }
        }
        let tenure = survivor_tenure(theta, age, rng.random::<f64>());
        let joined = -(tenure.round() as i32);
        let mut c = make_customer(
            s,
            book.next_id(),
            &NewCustomer {
                segment,
                source: Source::Existing,
                joined_day: joined,
            },
            rng,
        );
        c.propensity = theta.clamp(0.0, 1.0) as f32;
        // Those still here after their tenure have grown their spend (ramp-up) and settled.
        let years = (-joined) as f32 / 365.0;
        c.spend = (c.start_spend * (1.0 + seg.ramp_per_year as f32 * years)).clamp(
            s.behaviour.spend_floor as f32 * c.start_spend,
            seg.ramp_cap as f32 * c.start_spend,
        );
        let noise = rand_distr::Normal::new(0.0, s.satisfaction.noise)
            .map(|n| n.sample(rng))
            .unwrap_or(0.0) as f32;
        c.mood = (c.attitude + noise).clamp(0.0, 10.0);
        c.last_visit_day = 0;
        c.last_decision_day = 0;
        if let Some(interval) = visit_interval(s, &c) {
            c.next_visit_day = rng.random_range(0.0..interval).floor() as u32;
        }
        // Their history so far: a visit per visit interval of their tenure, and a payment per
        // visit (or per renewal period), at the mean of the spend they started with and the
        // spend they have reached.
        let per_payment = s.reference.price_cents as f64 * f64::from(c.start_spend + c.spend) / 2.0;
        let visits =
            visit_interval(s, &c).map_or(0.0, |i| (1.0 + tenure / i + rng.random::<f64>()).floor());
        let payments = match s.revenue {
            RevenueModel::PerVisit => visits,
            RevenueModel::Subscription { period_days } => {
                c.next_renewal_day = rng.random_range(0..period_days.max(1));
                (1.0 + tenure / period_days.max(1) as f64).floor()
            }
        };
        c.visits = visits as u32;
        let story = CustomerStory {
            total_spend_cents: (payments * per_payment).round() as i64,
            ..Default::default()
        };
        // Ids come from the book's own counter, so each is the next.
        let _ = book.add(c, story, true);
    }
}

/// Picks a segment index for a uniform draw `u` in [0, 1), by share.
pub fn pick_segment(s: &Scenario, total_share: f64, u: f64) -> usize {
    let mut acc = 0.0;
    let target = u * total_share;
    for (i, g) in s.segments.iter().enumerate() {
        acc += g.share;
        if target < acc {
            return i;
        }
    }
    s.segments.len() - 1
}

/// The start-of-day pass over every active customer: health, the census, renewals and churn
/// decisions, and today's plan of arrivals begun with the returning customers who visit today.
#[allow(clippy::too_many_arguments)]
fn start_day(
    params: Res<Params>,
    clock: Res<Clock>,
    levers: Res<crate::levers::Levers>,
    mut snapshots: ResMut<RunRateSnapshots>,
    mut rng: ResMut<SimRng>,
    mut census: ResMut<Census>,
    mut today: ResMut<TodayArrivals>,
    mut stats: ResMut<DayStats>,
    mut ledger: ResMut<super::finance::Ledger>,
    mut departures: ResMut<super::staff::Departures>,
    mut tenure: ResMut<super::tenure::TenureBook>,
    mut left: Local<Vec<u32>>,
    mut book: ResMut<Customers>,
) {
    let s = &params.0;
    let day = clock.day;
    let rng = rng.stream(Stream::Churn);
    let neutral = s.satisfaction.neutral_mood as f32;
    let red = s.churn.red_health as f32;
    let cohort_day: i32 = day as i32 - 90;
    let month = day / NDR_MONTH_DAYS;
    let ndr_month = month.saturating_sub(NDR_WINDOW_MONTHS);
    let ndr_day = (ndr_month * NDR_MONTH_DAYS) as i32;
    let price = levers.price;
    let outreach = levers.outreach;
    let renew_price = s.reference.price_cents as f64 * price;

    let mut c_new = Census::default();
    // The run-rate of a spend of 1, per segment (the daily pass multiplies it by each spend).
    let rates: Vec<f64> = (0..s.segments.len())
        .map(|g| monthly_rate(s, price, g))
        .collect();
    let health_rule = HealthRule::new(s);
    let mut mood_sum = 0.0f64;
    let loyalty_per_day = s.behaviour.referral_tenure_per_year / 365.0;
    let loyalty_cap = s.behaviour.referral_tenure_cap;
    let mut referrals_by_tenure = [0.0f64; TENURE_YEARS];
    left.clear();
    today.clear();
    // Employees who left since yesterday: their regulars notice today.
    let gone = std::mem::take(&mut departures.0);
    let miss = s.behaviour.lost_server_attitude as f32;
    stats.lost_server.clear();
    let lapse_days = s.churn.lapse_days;
    book.each_active(|id, c| {
        if !gone.is_empty() && c.liked_server != NEVER && gone.contains(&c.liked_server) {
            c.liked_server = NEVER;
            let before = c.attitude;
            c.attitude = (c.attitude - miss).max(0.0);
            stats.lost_server.push((id, c.attitude - before));
        }
        if c.lapsing_until != NEVER {
            // They decided to leave and have gone quiet; unless won back, today they are gone.
            if day >= c.lapsing_until {
                left.push(id);
                tenure.year(day, c.joined_day).departures += 1;
                return;
            }
        } else {
            // The decision falls due at a visit (PerVisit), or `lapse_days` before a renewal
            // (Subscription: usage fades before the renewal they will not pay).
            let decision_due = match s.revenue {
                RevenueModel::PerVisit => c.next_visit_day == day,
                RevenueModel::Subscription { .. } => {
                    c.next_renewal_day.saturating_sub(lapse_days) == day
                }
            };
            if decision_due {
                let elapsed = (day as i64 - c.last_decision_day as i64).max(1) as f64;
                let p30 = churn_hazard(s, c);
                let p = 1.0 - (1.0 - p30).powf(elapsed / 30.0);
                c.last_decision_day = day as i32;
                if rng.random::<f64>() < p {
                    c.lapsing_until = match s.revenue {
                        RevenueModel::PerVisit => day + lapse_days.max(1),
                        RevenueModel::Subscription { .. } => c.next_renewal_day.max(day + 1),
                    };
                    c.next_visit_day = NEVER;
                } else {
                    ramp_up(s, c, elapsed);
                }
            }
            if let RevenueModel::Subscription { period_days } = s.revenue
                && c.next_renewal_day == day
                && c.lapsing_until == NEVER
            {
                c.next_renewal_day = day + period_days;
                let fee = (renew_price * c.spend as f64).round() as i64;
                ledger.today.revenue += fee;
                tenure.year(day, c.joined_day).revenue_cents += fee;
                book_capital(&mut stats, c, day, fee);
                stats.renewal_revenue.push((id, fee));
            }
            if c.next_visit_day == day {
                today.planned.push(PlannedArrival {
                    // Drawn by the arrivals rule.
                    time: 0.0,
                    visitor: Visitor::Returning {
                        customer: id,
                        segment: c.segment,
                        visits: c.visits,
                    },
                });
            } else if c.next_visit_day < day {
                // A visit that could not happen (e.g. the business was closed) is rescheduled.
                schedule_next_visit(s, c, day, rng);
            }
        }
        c.health = health_rule.health(c, day);

        // The census, after today's decision.
        c_new.active += 1;
        mood_sum += c.mood as f64;
        if c.mood >= 9.0 {
            c_new.promoters += 1;
            // Referrals a month, growing a little with their years as a customer.
            let tenure_days = (day as i64 - c.joined_day as i64).max(0);
            let loyalty = (1.0 + loyalty_per_day * tenure_days as f64).min(loyalty_cap);
            let referrals = c.referral_rate as f64 * loyalty;
            c_new.referrals_per_day += referrals;
            referrals_by_tenure[((tenure_days / 365) as usize).min(TENURE_YEARS - 1)] += referrals;
        } else if c.mood >= 7.0 {
            c_new.passives += 1;
        } else {
            c_new.detractors += 1;
        }
        if c.health < red {
            c_new.red_health += 1;
            // Only customer success reads the list (and only with outreach on): the sort below
            // is the day's largest cost when many customers are unhappy.
            if outreach && c.attitude < neutral + 1.0 {
                c_new.at_risk.push((c.health, id));
            }
        }
        if c.joined_day <= cohort_day.max(0) {
            c_new.retained_from_cohort += 1;
        }
        let rr = rates[c.segment as usize] * c.spend as f64;
        c_new.run_rate += rr;
        if c.joined_day <= ndr_day {
            c_new.ndr_numerator += rr;
        }
    });
    c_new.mood_sum = mood_sum;
    // Promoters' referrals were summed a month at a time: a day's are a 30th.
    c_new.referrals_per_day /= 30.0;
    for (t, r) in referrals_by_tenure.iter().enumerate() {
        if *r > 0.0 {
            tenure.year(day, day as i32 - 365 * t as i32).referrals += r / 30.0;
        }
    }
    // Customer success works the worst cases first; ties keep scan order (deterministic).
    c_new.at_risk.sort_by(|a, b| a.0.total_cmp(&b.0));
    if day.is_multiple_of(NDR_MONTH_DAYS) {
        snapshots.monthly.push(c_new.run_rate);
    }
    *census = c_new;
    stats.churned_today.clear();
    stats.churned_today.extend(left.iter().copied());
}

/// Grows (or shrinks) spend with tenure and attitude: Reichheld's ramp-up, the expansion or
/// contraction behind NDR.
pub fn ramp_up(s: &Scenario, c: &mut Customer, elapsed_days: f64) {
    let seg = &s.segments[c.segment as usize];
    let mood = (c.attitude as f64 - s.satisfaction.neutral_mood) / 10.0 * 10.0
        / s.behaviour.ramp_mood_points;
    let rate = seg.ramp_per_year + seg.ramp_mood_per_year * mood.clamp(-1.0, 1.0);
    let factor = 1.0 + rate * elapsed_days / 365.0;
    c.spend = (c.spend as f64 * factor).clamp(
        s.behaviour.spend_floor * c.start_spend as f64,
        seg.ramp_cap * c.start_spend as f64,
    ) as f32;
}

/// Records today's departures: marks them, closes their story with the cause.
fn mark_churned(clock: Res<Clock>, mut stats: ResMut<DayStats>, mut book: ResMut<Customers>) {
    let day = clock.day;
    for (e, impact) in std::mem::take(&mut stats.lost_server) {
        if let Some(story) = book.stories.get_mut(e as usize) {
            story.think(Thought {
                day,
                kind: ThoughtKind::StaffLeft,
                value: 1.0,
                impact,
            });
        }
    }
    let left = std::mem::take(&mut stats.churned_today);
    for &e in &left {
        if let Some(story) = book.stories.get_mut(e as usize) {
            story.set_churned_day(day);
            story.churn_cause = Some(
                story
                    .worst_cause()
                    .map(ChurnCause::Thought)
                    .unwrap_or(ChurnCause::DriftedAway),
            );
        }
        book.depart(e);
    }
    stats.churned += left.len() as u32;
    stats.churned_today = left;
}
