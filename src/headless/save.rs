//! Saves: the whole model at a day boundary, as versioned RON.
//!
//! A save carries the scenario it was made with, the seed, every customer and employee, every
//! resource the rules keep between days, and the RNG streams' positions, so that running to day
//! N, saving, loading and running on to day M gives byte-for-byte the same results as running
//! straight to day M. Entities are written by their stable ids (customer and employee ids) and in
//! the order the model iterates them, because that order decides the order of random draws.
//!
//! Compatibility: `format_version` is written first. A build reads every format it has ever
//! shipped (older saves are migrated on load; `tests/saves/` keeps a sample of each) and refuses a
//! save from a newer build with a clear message.

use std::collections::BTreeMap;
use std::path::Path;

use bevy::prelude::*;
use rand::SeedableRng;
use rand_chacha::ChaCha8Rng;
use serde::{Deserialize, Serialize};

use crate::diagnostics::{Checker, FileProblems, Problem, parse_ron};
use crate::dilemmas::Deck;
use crate::levers::{LeverSet, Levers};
use crate::scenario::Scenario;
use crate::sim::advisor::AdvisorLog;
use crate::sim::clock::Clock;
use crate::sim::customers::{
    Customer, CustomerStory, Customers, MOODS_KEPT, RunRateSnapshots, StoryRecord,
};
use crate::sim::day::Visitor;
use crate::sim::dilemmas::{DilemmaDeck, DilemmaPolicy, DilemmaState};
use crate::sim::finance::{Board, Ledger};
use crate::sim::floor::{Floor, Server, Waiting};
use crate::sim::levers::{Decision, DecisionLog, DecisionSource, LeverRequests, TimedChange};
use crate::sim::metrics::{DayRow, History};
use crate::sim::reputation::Rating;
use crate::sim::rng::{STREAMS, SimRng};
use crate::sim::staff::{Departures, Employee, Hiring};
use crate::sim::{EndReason, GameOver, SimulationPlugin, WorldRestored};

/// The format this build writes. Bump it when the saved state changes shape, and teach
/// [`migrate`] to read the previous one. Version 2 added who made each decision
/// ([`SavedDecision::source`]) and the player's changes still to come ([`SaveFile::timed`]);
/// version 3, relative lever effects in the saved deck ([`crate::dilemmas::Effect::ScaleLevers`]);
/// version 4, texts in each language (scenario version 2 with its currency and words, deck
/// version 3); version 5, the version of the model's rules the game was played under
/// ([`SaveFile::model_version`]); version 6, the timed workshop session a game was playing
/// ([`SaveFile::session`]); version 7, the big events so far ([`SaveFile::news`]: board
/// meetings and press stories, model version 4).
pub const FORMAT_VERSION: u32 = 7;

/// Saves larger than this are refused, counted as the file is read. The largest shipped game,
/// the call centre's 12,000 households at the end of its three years, saves to about 17 MB
/// (measured: `run --scenario assets/scenarios/call-centre.ron --save-at 1095 --save F`), so
/// the limit leaves room for longer games and larger scenarios while keeping a planted file from
/// filling the memory.
pub const MAX_SAVE_BYTES: u64 = 128 * 1024 * 1024;

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SaveFile {
    pub format_version: u32,
    /// The model's rules the game was played under ([`crate::sim::MODEL_VERSION`]; version 5,
    /// and 1 in older saves). A save from older rules loads and plays on under today's rules, but
    /// replaying its decisions from day 0 cannot reproduce it exactly.
    #[serde(default = "first_model")]
    pub model_version: u32,
    pub scenario: Scenario,
    pub seed: u64,
    /// The day about to start.
    pub day: u32,
    pub game_over: Option<EndReason>,
    pub levers: Levers,
    /// Lever changes still to come (from the policy), by day.
    pub scheduled: Vec<(u32, LeverSet)>,
    /// The player's lever changes still to come, by day and minute (version 2; a change asked
    /// for as the day ended takes effect at the next day's first tick).
    #[serde(default)]
    pub timed: Vec<TimedChange>,
    pub decisions: Vec<SavedDecision>,
    pub rng: Vec<SavedStream>,
    pub next_customer_id: u32,
    pub next_employee_id: u32,
    pub hiring_starts: Vec<u32>,
    /// Employees who left at the end of the day before the save, whose regulars have yet to
    /// notice (format 5).
    #[serde(default)]
    pub departures: Vec<u32>,
    /// Active customers in the model's iteration order, then those who left.
    pub customers: Vec<SavedCustomer>,
    pub employees: Vec<Employee>,
    pub floor: SavedFloor,
    pub run_rate_snapshots: Vec<f64>,
    /// The books by year of customer tenure (format 5; empty in older saves: the books then
    /// start from the day the game was loaded).
    #[serde(default)]
    pub tenure: Vec<crate::sim::tenure::TenureYear>,
    pub rating: Rating,
    pub ledger: SavedLedger,
    pub board: Board,
    pub start_customers: u32,
    pub history: Vec<DayRow>,
    /// The dilemma deck, what has fired and what is still to come, and the policy's answers.
    /// (Absent in saves from before dilemmas existed: they load with none.)
    #[serde(default)]
    pub deck: Deck,
    #[serde(default)]
    pub dilemmas: DilemmaState,
    #[serde(default)]
    pub dilemma_choices: BTreeMap<String, String>,
    #[serde(default)]
    pub advisor: AdvisorLog,
    /// How the scenario's defects stand (none in saves from before defects existed).
    #[serde(default, skip_serializing_if = "is_default")]
    pub defects: crate::sim::defects::DefectState,
    /// The big events so far: board meetings, press stories (model version 4; none in older
    /// saves).
    #[serde(default, skip_serializing_if = "no_news")]
    pub news: crate::sim::news::News,
    /// The timed workshop session the game was playing (format 6; none in free play and in
    /// older saves): a loaded game keeps its pace, its discussions and, for its results file,
    /// the world it shares with the other teams.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub session: Option<SavedSession>,
}

/// A timed session, as a save keeps it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SavedSession {
    pub preset: crate::session::Preset,
    /// The deck as the scenario's file has it (the game plays the preset's): what names the
    /// world in the results file.
    pub deck_as_read: Option<Deck>,
    /// The day of the next discussion, and how many were held.
    pub next_discussion: Option<u32>,
    pub held: usize,
}

fn is_default(d: &crate::sim::defects::DefectState) -> bool {
    d.defects.is_empty()
}

fn no_news(n: &crate::sim::news::News) -> bool {
    n.0.is_empty()
}

/// The model's rules of every save before format 5.
fn first_model() -> u32 {
    1
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SavedDecision {
    pub day: u32,
    pub minute: u32,
    pub set: LeverSet,
    /// Who made it (version 2; `Unknown` in older saves).
    #[serde(default)]
    pub source: DecisionSource,
}

/// A ChaCha8 stream's exact position.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SavedStream {
    /// The 32-byte key, as 64 hexadecimal digits.
    pub seed: String,
    pub stream: u64,
    /// Words consumed so far (a u128 in ChaCha; written as a decimal string).
    pub word_pos: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SavedCustomer {
    pub customer: Customer,
    /// As written (not yet packed into a [`CustomerStory`], which would round what it cannot
    /// hold), so that [`check`] sees every figure the file gives.
    pub story: StoryRecord,
    pub churned: bool,
}

#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub enum SavedVisitor {
    Returning {
        id: u32,
        segment: u8,
    },
    New {
        segment: u8,
        source: crate::sim::day::Source,
    },
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SavedServer {
    pub employee_id: u32,
    pub on_from: f64,
    pub on_until: f64,
    pub busy_until: f64,
    pub speed: f64,
    pub error_probability: f64,
    pub condition: f64,
    /// The employee's skill (format 5; older saves read 0: a saved server only carries the
    /// day's end over, and the next day's roster takes every server's skill afresh).
    #[serde(default)]
    pub skill: f64,
    pub serving: Option<(SavedVisitor, f64)>,
    pub busy_minutes: f64,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SavedWaiting {
    pub visitor: SavedVisitor,
    pub arrived: f64,
    /// `None`: waits forever.
    pub deadline: Option<f64>,
}

#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SavedFloor {
    pub servers: Vec<SavedServer>,
    pub queue: Vec<SavedWaiting>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SavedLedger {
    pub cash: i64,
    pub quarter_profit: i64,
    pub total_revenue: i64,
    pub total_costs: i64,
    pub total_dividends: i64,
}

/// Why a world could not be saved.
#[derive(Debug, Clone, PartialEq)]
pub enum SaveError {
    /// Saves are taken between days; the model is part-way through one.
    MidDay,
    /// The world holds a reference the save cannot express (a bug, never user input).
    Inconsistent(String),
}

impl std::fmt::Display for SaveError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            SaveError::MidDay => write!(f, "the model can only be saved between days"),
            SaveError::Inconsistent(m) => write!(f, "the world is inconsistent: {m}"),
        }
    }
}

fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

fn unhex(s: &str) -> Option<[u8; 32]> {
    if s.len() != 64 || !s.is_ascii() {
        return None;
    }
    let mut out = [0u8; 32];
    for (i, o) in out.iter_mut().enumerate() {
        *o = u8::from_str_radix(&s[2 * i..2 * i + 2], 16).ok()?;
    }
    Some(out)
}

/// Captures the world between days.
pub fn capture(world: &mut World) -> Result<SaveFile, SaveError> {
    let clock = world.resource::<Clock>().clone();
    if clock.tick != 0 {
        return Err(SaveError::MidDay);
    }
    let scenario = world.resource::<crate::sim::Params>().0.clone();

    // Customers: the active ones in exactly the order the model's queries visit them.
    // (departed ones after them, in id order).
    let book = world.resource::<Customers>();
    let saved = |(c, s): (&Customer, &CustomerStory), churned: bool| SavedCustomer {
        customer: c.clone(),
        story: s.clone().into(),
        churned,
    };
    let mut customers: Vec<SavedCustomer> = book.iter_active().map(|cs| saved(cs, false)).collect();
    customers.extend(book.iter_departed().map(|cs| saved(cs, true)));
    let known = book.len() as u32;
    let mut staff = world.query::<(Entity, &Employee)>();
    let employee_id: BTreeMap<Entity, u32> = staff.iter(world).map(|(e, s)| (e, s.id)).collect();
    let employees: Vec<Employee> = staff.iter(world).map(|(_, e)| e.clone()).collect();

    let visitor = |v: &Visitor| -> Result<SavedVisitor, SaveError> {
        Ok(match *v {
            Visitor::Returning {
                customer, segment, ..
            } => {
                if customer >= known {
                    return Err(SaveError::Inconsistent(
                        "a visitor who is no customer".into(),
                    ));
                }
                SavedVisitor::Returning {
                    id: customer,
                    segment,
                }
            }
            Visitor::New { segment, source } => SavedVisitor::New { segment, source },
        })
    };
    let floor = world.resource::<Floor>();
    let mut servers = Vec::with_capacity(floor.servers.len());
    for sv in &floor.servers {
        // The point of someone who quit at the end of yesterday's shift: tomorrow's roster
        // drops it (saves are taken between days), so it is not part of the state.
        let Some(&employee) = employee_id.get(&sv.employee) else {
            continue;
        };
        servers.push(SavedServer {
            employee_id: employee,
            on_from: sv.on_from,
            on_until: sv.on_until,
            busy_until: sv.busy_until,
            speed: sv.speed,
            error_probability: sv.error_probability,
            condition: sv.condition,
            skill: sv.skill,
            serving: match &sv.serving {
                Some((v, end)) => Some((visitor(v)?, *end)),
                None => None,
            },
            busy_minutes: sv.busy_minutes,
        });
    }
    let mut queue = Vec::with_capacity(floor.queue.len());
    for w in &floor.queue {
        queue.push(SavedWaiting {
            visitor: visitor(&w.visitor)?,
            arrived: w.arrived,
            deadline: w.deadline.is_finite().then_some(w.deadline),
        });
    }

    let rng = world.resource::<SimRng>();
    let streams = (0..STREAMS)
        .map(|i| {
            let r = rng.stream_by_index(i);
            SavedStream {
                seed: hex(&r.get_seed()),
                stream: r.get_stream(),
                word_pos: r.get_word_pos().to_string(),
            }
        })
        .collect();
    let ledger = world.resource::<Ledger>();
    let history = world.resource::<History>();
    let requests = world.resource::<LeverRequests>();
    let scheduled = requests.scheduled.clone();
    let mut timed = requests.timed.clone();
    // Requests for "now" take effect at the next tick, which is the first of the day about to
    // start; they go after anything already timed for that moment.
    let first_minute = clock.minute_of_day();
    timed.extend(requests.now.iter().map(|s| TimedChange {
        day: clock.day,
        minute: first_minute,
        set: s.clone(),
    }));
    Ok(SaveFile {
        format_version: FORMAT_VERSION,
        model_version: crate::sim::MODEL_VERSION,
        scenario,
        seed: world.resource::<crate::sim::SeedUsed>().0,
        day: clock.day,
        game_over: world.resource::<GameOver>().0,
        levers: world.resource::<Levers>().clone(),
        scheduled,
        timed,
        decisions: world
            .resource::<DecisionLog>()
            .entries
            .iter()
            .map(|d| SavedDecision {
                day: d.day,
                minute: d.minute,
                set: d.set.clone(),
                source: d.source,
            })
            .collect(),
        rng: streams,
        next_customer_id: world.resource::<Customers>().next_id(),
        next_employee_id: world.resource::<Hiring>().next_id,
        hiring_starts: world.resource::<Hiring>().starts.clone(),
        departures: world.resource::<Departures>().0.clone(),
        customers,
        employees,
        floor: SavedFloor { servers, queue },
        run_rate_snapshots: world.resource::<RunRateSnapshots>().monthly.clone(),
        tenure: world
            .resource::<crate::sim::tenure::TenureBook>()
            .years
            .clone(),
        rating: world.resource::<Rating>().clone(),
        ledger: SavedLedger {
            cash: ledger.cash,
            quarter_profit: ledger.quarter_profit,
            total_revenue: ledger.total_revenue,
            total_costs: ledger.total_costs,
            total_dividends: ledger.total_dividends,
        },
        board: world.resource::<Board>().clone(),
        start_customers: history.start_customers,
        history: history.rows.clone(),
        deck: world.resource::<DilemmaDeck>().0.clone(),
        dilemmas: world.resource::<DilemmaState>().clone(),
        dilemma_choices: world.resource::<DilemmaPolicy>().choices.clone(),
        advisor: world.resource::<AdvisorLog>().clone(),
        defects: world.resource::<crate::sim::defects::DefectState>().clone(),
        news: world.resource::<crate::sim::news::News>().clone(),
        session: None,
    })
}

/// Serialises a save as RON text, format version first.
pub fn to_ron(save: &SaveFile) -> String {
    let config = ron::ser::PrettyConfig::new()
        .depth_limit(3)
        .indentor(" ".to_string());
    ron::ser::to_string_pretty(save, config).unwrap_or_else(|e| {
        // Every field is plain data; serialising cannot fail short of a serde bug.
        format!("// the save could not be serialised: {e}\n")
    })
}

/// Writes a save atomically: the previous file stays intact until the new one is complete.
pub fn write(path: &Path, save: &SaveFile) -> std::io::Result<()> {
    crate::headless::files::write_atomic(path, to_ron(save).as_bytes())
}

#[derive(Deserialize)]
struct Header {
    format_version: u32,
}

/// Reads, migrates and validates a save file, reporting every problem.
pub fn load(path: &Path) -> Result<SaveFile, FileProblems> {
    let text = read_text_limited(path)?;
    from_ron(path, &text)
}

fn read_text_limited(path: &Path) -> Result<String, FileProblems> {
    match crate::platform::files::metadata(path) {
        Ok(m) if m.len > MAX_SAVE_BYTES => Err(FileProblems::single(
            path,
            Problem::Io {
                message: crate::diagnostics::too_big(m.len, MAX_SAVE_BYTES),
            },
        )),
        _ => crate::diagnostics::read_text_with_limit(path, MAX_SAVE_BYTES),
    }
}

/// Parses save text: checks the format version first, then the content.
pub fn from_ron(path: &Path, text: &str) -> Result<SaveFile, FileProblems> {
    let header: Header = match parse_ron(path, text) {
        Ok(h) => h,
        Err(e) => {
            // Without a readable version we cannot say more than the parser did.
            return Err(e);
        }
    };
    if header.format_version > FORMAT_VERSION {
        return Err(FileProblems::single(
            path,
            Problem::Invalid {
                path: "format_version".into(),
                message: crate::msg!(
                    "save-newer",
                    format = header.format_version,
                    newest = FORMAT_VERSION
                ),
            },
        ));
    }
    if header.format_version == 0 {
        return Err(FileProblems::single(
            path,
            Problem::Invalid {
                path: "format_version".into(),
                message: crate::msg!("check-range", lo = 1, hi = FORMAT_VERSION, got = 0),
            },
        ));
    }
    let save = migrate(path, header.format_version, text)?;
    let mut c = Checker::default();
    check(&save, &mut c);
    c.into_result(path)?;
    Ok(save)
}

/// Reads a save of any shipped format into the current one.
fn migrate(path: &Path, version: u32, text: &str) -> Result<SaveFile, FileProblems> {
    match version {
        // Version 2 only added fields with defaults: a version-1 save reads as one whose
        // decisions do not say who made them. Version 3's deck may hold relative lever effects
        // (deck version 2); an older save's deck has none and reads as a version-1 deck.
        // Version 4's texts may be maps by language; an older save's are plain English strings,
        // which read as English-only texts, and its scenario (version 1) gets the words and
        // currency of its revenue model. Version 5 records the model's rules; older saves were
        // all played under the first (`model_version` 1). Version 6 may say the session.
        // Version 7 may hold the big events; an older save has none to show.
        1..=7 => {
            let mut save: SaveFile = parse_ron(path, text)?;
            save.scenario.migrate();
            Ok(save)
        }
        _ => unreachable!("versions above FORMAT_VERSION are refused before"),
    }
}

/// Semantic checks: the scenario is valid and every reference in the state resolves.
pub fn check(save: &SaveFile, c: &mut Checker) {
    // The books by year of tenure only report, but a report must not read nonsense.
    let years = crate::sim::tenure::TENURE_YEARS;
    if save.tenure.len() > years {
        c.fail(
            "tenure",
            crate::msg!("check-range", lo = 0, hi = years, got = save.tenure.len()),
        );
    }
    for (t, y) in save.tenure.iter().enumerate() {
        c.range(
            &format!("tenure[{t}].staff_cents"),
            y.staff_cents,
            0.0,
            1.0e15,
        );
        c.range(&format!("tenure[{t}].referrals"), y.referrals, 0.0, 1.0e12);
    }
    // The big events only report too: days already played, confidence a share.
    for (i, n) in save.news.0.iter().enumerate() {
        c.range(
            &format!("news[{i}].day"),
            n.day as f64,
            0.0,
            save.day.saturating_sub(1) as f64,
        );
        let (before, after) = match &n.what {
            crate::sim::news::Happening::BoardMeeting { before, after, .. }
            | crate::sim::news::Happening::PressStory { before, after, .. } => (*before, *after),
        };
        c.range(&format!("news[{i}].before"), before, 0.0, 1.0);
        c.range(&format!("news[{i}].after"), after, 0.0, 1.0);
    }
    let mut sc = Checker::default();
    save.scenario.check(&mut sc);
    for p in sc.problems {
        if let Problem::Invalid { path, message } = p {
            c.fail(format!("scenario.{path}"), message);
        }
    }
    if save.model_version == 0 || save.model_version > crate::sim::MODEL_VERSION {
        c.fail(
            "model_version",
            crate::msg!(
                "save-newer-model",
                got = save.model_version,
                newest = crate::sim::MODEL_VERSION
            ),
        );
    }
    let s = &save.scenario;
    if save.day > s.horizon_days {
        c.fail(
            "day",
            crate::msg!("check-range", lo = 0, hi = s.horizon_days, got = save.day),
        );
    }
    if save.history.len() != save.day as usize {
        c.fail(
            "history",
            crate::msg!("save-history", days = save.history.len(), day = save.day),
        );
    }
    // Saves from before a stream existed have fewer: the new subsystem starts its stream fresh,
    // as it would have had it existed all along without drawing.
    if save.rng.is_empty() || save.rng.len() > STREAMS {
        c.fail(
            "rng",
            crate::msg!("save-streams", max = STREAMS, got = save.rng.len()),
        );
    }
    for (i, r) in save.rng.iter().enumerate() {
        if unhex(&r.seed).is_none() {
            c.fail(format!("rng[{i}].seed"), crate::msg!("save-seed"));
        }
        if r.word_pos.parse::<u128>().is_err() {
            c.fail(format!("rng[{i}].word_pos"), crate::msg!("save-word-pos"));
        }
    }
    let segments = s.segments.len();
    let mut ids = std::collections::BTreeSet::new();
    for (i, sc) in save.customers.iter().enumerate() {
        let cu = &sc.customer;
        if cu.segment as usize >= segments {
            c.fail(
                format!("customers[{i}].customer.segment"),
                crate::msg!("save-segment", segments = segments),
            );
        }
        if !ids.insert(cu.id) {
            c.fail(
                format!("customers[{i}].customer.id"),
                crate::msg!("save-id-twice", id = cu.id),
            );
        }
        if cu.id >= save.next_customer_id {
            c.fail(
                format!("customers[{i}].customer.id"),
                crate::msg!("save-next-id"),
            );
        }
        customer_ranges(save, i, sc, c);
    }
    // Every customer ever acquired is kept (departed ones for the records), so the ids are
    // exactly 0 to next_customer_id − 1: none beyond (checked above, customer by customer), none
    // missing. The next customer's id is then the book's length, as the model hands it out.
    if let Some(missing) = (0..save.next_customer_id).find(|i| !ids.contains(i)) {
        c.fail("customers", crate::msg!("save-id-missing", id = missing));
    }
    let staff: std::collections::BTreeSet<u32> = save.employees.iter().map(|e| e.id).collect();
    if staff.len() != save.employees.len() {
        c.fail("employees", crate::msg!("save-employee-twice"));
    }
    for (i, sv) in save.floor.servers.iter().enumerate() {
        if !staff.contains(&sv.employee_id) {
            c.fail(
                format!("floor.servers[{i}].employee_id"),
                crate::msg!("save-not-employee"),
            );
        }
    }
    let check_visitor = |c: &mut Checker, path: String, v: &SavedVisitor| match v {
        SavedVisitor::Returning { id, segment } => {
            if !ids.contains(id) {
                c.fail(path.clone(), crate::msg!("save-no-customer", id = id));
            }
            if *segment as usize >= segments {
                c.fail(path, crate::msg!("save-segment", segments = segments));
            }
        }
        SavedVisitor::New { segment, .. } => {
            if *segment as usize >= segments {
                c.fail(path, crate::msg!("save-segment", segments = segments));
            }
        }
    };
    for (i, w) in save.floor.queue.iter().enumerate() {
        check_visitor(c, format!("floor.queue[{i}].visitor"), &w.visitor);
    }
    for (i, sv) in save.floor.servers.iter().enumerate() {
        if let Some((v, _)) = &sv.serving {
            check_visitor(c, format!("floor.servers[{i}].serving"), v);
        }
    }
    let mut dc = Checker::default();
    save.deck.check(&mut dc);
    for p in dc.problems {
        if let Problem::Invalid { path, message } = p {
            c.fail(format!("deck.{path}"), message);
        }
    }
    if let Some(deck) = save.session.as_ref().and_then(|s| s.deck_as_read.as_ref()) {
        let mut dc = Checker::default();
        deck.check(&mut dc);
        for p in dc.problems {
            if let Problem::Invalid { path, message } = p {
                c.fail(format!("session.deck_as_read.{path}"), message);
            }
        }
    }
    for (i, l) in save.dilemmas.later.iter().enumerate() {
        if save.deck.get(&l.dilemma).is_none() {
            c.fail(
                format!("dilemmas.later[{i}].dilemma"),
                crate::msg!("save-not-in-deck", id = l.dilemma),
            );
        }
    }
    if let Some(p) = &save.dilemmas.pending
        && save.deck.get(p).is_none()
    {
        c.fail("dilemmas.pending", crate::msg!("save-not-in-deck", id = p));
    }
    for (i, (day, set)) in save.scheduled.iter().enumerate() {
        if *day >= s.horizon_days.max(1) {
            c.fail(
                format!("scheduled[{i}]"),
                crate::msg!("save-beyond-horizon"),
            );
        }
        set.check(&format!("scheduled[{i}].1"), c);
    }
    for (i, t) in save.timed.iter().enumerate() {
        if t.day >= s.horizon_days.max(1) || t.day < save.day {
            c.fail(
                format!("timed[{i}].day"),
                crate::msg!(
                    "save-timed-day",
                    from = save.day,
                    to = s.horizon_days.max(1),
                    got = t.day
                ),
            );
        }
        t.set.check(&format!("timed[{i}].set"), c);
    }
}

/// Every figure a saved customer holds against the range the model keeps it in (see
/// `src/sim/customers.rs` and `src/sim/satisfaction.rs`): a mood of 99 or a leaving day past the
/// save's would otherwise load and skew every mean and NPS computed from it. Refused, naming the
/// customer and the field; nothing is rounded into range.
fn customer_ranges(save: &SaveFile, i: usize, sc: &SavedCustomer, c: &mut Checker) {
    let cu = &sc.customer;
    let s = &save.scenario;
    let Some(seg) = s.segments.get(cu.segment as usize) else {
        return; // Refused above.
    };
    let id = cu.id;
    let mut range = |field: &str, v: f64, lo: f64, hi: f64| {
        // f32 fields computed in f64: a bound may be passed by the last bit of the rounding.
        let slack = hi.abs().max(1.0) * 1e-6;
        if !v.is_finite() {
            c.fail(
                format!("customers[{i}].{field}"),
                crate::msg!(
                    "save-customer-finite-range",
                    id = id,
                    lo = lo,
                    hi = hi,
                    got = v
                ),
            );
        } else if v < lo - slack || v > hi + slack {
            c.fail(
                format!("customers[{i}].{field}"),
                crate::msg!("save-customer-range", id = id, lo = lo, hi = hi, got = v),
            );
        }
    };
    let multiple = crate::levers::limits::MULTIPLE.1;
    let start_spend = f64::from(cu.start_spend);
    // Moods and attitudes are 0–10 (the NPS question's scale); churn propensity, the habit of
    // small surprises and health are shares.
    range("customer.mood", cu.mood.into(), 0.0, 10.0);
    range("customer.attitude", cu.attitude.into(), 0.0, 10.0);
    range("customer.propensity", cu.propensity.into(), 0.0, 1.0);
    range(
        "customer.surprise_habit",
        cu.surprise_habit.into(),
        0.0,
        1.0,
    );
    range("customer.health", cu.health.into(), 0.0, 1.0);
    // Spend starts at the segment's and ramps up to its cap.
    range("customer.start_spend", start_spend, 0.0, seg.spend);
    range(
        "customer.spend",
        cu.spend.into(),
        0.0,
        seg.ramp_cap * start_spend,
    );
    // Expectations start at the segment's and adapt (by a share of at most 1) toward what a
    // visit gives: a wait as perceived within a day, a quality and a price within the levers'.
    range(
        "customer.expected_wait",
        cu.expected_wait.into(),
        0.0,
        seg.expected_wait_minutes
            .max(s.satisfaction.wait_perception * MINUTES_PER_DAY),
    );
    range(
        "customer.expected_quality",
        cu.expected_quality.into(),
        0.0,
        seg.expected_quality.max(multiple),
    );
    range(
        "customer.expected_price",
        cu.expected_price.into(),
        0.0,
        multiple,
    );
    range(
        "customer.last_price_paid",
        cu.last_price_paid.into(),
        0.0,
        multiple,
    );
    range(
        "customer.referral_rate",
        cu.referral_rate.into(),
        0.0,
        seg.referrals_per_month * (1.0 + s.behaviour.referral_spread),
    );
    // A voice of -1 is a customer from before the trait existed (the scenario's mean).
    if cu.voice != -1.0 {
        range("customer.voice", cu.voice.into(), 0.0, 1.0);
    }
    // Days: none after the day the save was made on.
    let today = f64::from(save.day);
    for (field, day) in [
        ("customer.joined_day", cu.joined_day),
        ("customer.last_visit_day", cu.last_visit_day),
        ("customer.last_decision_day", cu.last_decision_day),
        ("customer.contacted_day", cu.contacted_day),
    ] {
        range(field, day.into(), f64::from(i32::MIN), today);
    }
    let story = &sc.story;
    range(
        "story.total_spend_cents",
        story.total_spend_cents as f64,
        0.0,
        i64::MAX as f64,
    );
    range(
        "story.mood_count",
        story.mood_count.into(),
        0.0,
        MOODS_KEPT as f64,
    );
    for (k, &m) in story.moods.iter().enumerate() {
        range(&format!("story.moods[{k}]"), m.into(), 0.0, 10.0);
    }
    if let Some(day) = story.churned_day {
        range("story.churned_day", day.into(), 0.0, today);
    }
    for (k, t) in story.thoughts.iter().enumerate() {
        if let Some(t) = t {
            range(
                &format!("story.thoughts[{k}].day"),
                t.day.into(),
                0.0,
                today,
            );
            // What a thought shows (minutes, a price, a count) and the mood points it moved:
            // finite, within a bound no visit comes near.
            range(
                &format!("story.thoughts[{k}].value"),
                t.value.into(),
                -1.0e6,
                1.0e6,
            );
            range(
                &format!("story.thoughts[{k}].impact"),
                t.impact.into(),
                -1.0e6,
                1.0e6,
            );
        }
    }
}

/// Minutes in a day: the longest wait a visit can have.
const MINUTES_PER_DAY: f64 = 24.0 * 60.0;

/// The save's decision log, as the model keeps it.
pub fn decision_log(save: &SaveFile) -> Vec<Decision> {
    save.decisions
        .iter()
        .map(|d| Decision {
            day: d.day,
            minute: d.minute,
            set: d.set.clone(),
            source: d.source,
        })
        .collect()
}

/// Builds a model app from a save, ready to run the day the save was made at.
pub fn restore(save: &SaveFile) -> Result<App, String> {
    let mut app = App::new();
    app.insert_resource(WorldRestored);
    app.add_plugins(SimulationPlugin {
        scenario: save.scenario.clone(),
        seed: save.seed,
    });
    let world = app.world_mut();

    // A visitor waiting on the floor has not been served today yet: their visits so far are the
    // saved customer's.
    let visits_of: BTreeMap<u32, u32> = save
        .customers
        .iter()
        .map(|sc| (sc.customer.id, sc.customer.visits))
        .collect();
    // The book keeps everyone by id and the active ones in the save's order (the order the
    // model visited them in when the save was made).
    let mut by_id: Vec<Option<&SavedCustomer>> = vec![None; save.customers.len()];
    for sc in &save.customers {
        match by_id.get_mut(sc.customer.id as usize) {
            Some(slot @ None) => *slot = Some(sc),
            _ => return Err(format!("customer {} is out of order", sc.customer.id)),
        }
    }
    let mut book = Customers::default();
    for sc in by_id.into_iter().flatten() {
        book.add(sc.customer.clone(), sc.story.clone().into(), false)
            .map_err(|e| format!("customer {} is missing", e.expected))?;
    }
    for sc in save.customers.iter().filter(|sc| !sc.churned) {
        book.reactivate(sc.customer.id);
    }
    let known = book.len() as u32;
    world.insert_resource(book);
    let mut staff_by_id: BTreeMap<u32, Entity> = BTreeMap::new();
    for emp in &save.employees {
        staff_by_id.insert(emp.id, world.spawn(emp.clone()).id());
    }
    let visitor = |v: &SavedVisitor| -> Result<Visitor, String> {
        Ok(match *v {
            SavedVisitor::Returning { id, segment } => Visitor::Returning {
                customer: if id < known {
                    id
                } else {
                    return Err(format!("customer {id} is missing"));
                },
                segment,
                visits: visits_of.get(&id).copied().unwrap_or(0),
            },
            SavedVisitor::New { segment, source } => Visitor::New { segment, source },
        })
    };
    let mut floor = Floor::default();
    for sv in &save.floor.servers {
        floor.servers.push(Server {
            employee: *staff_by_id
                .get(&sv.employee_id)
                .ok_or(format!("employee {} is missing", sv.employee_id))?,
            employee_id: sv.employee_id,
            on_from: sv.on_from,
            on_until: sv.on_until,
            busy_until: sv.busy_until,
            speed: sv.speed,
            error_probability: sv.error_probability,
            condition: sv.condition,
            skill: sv.skill,
            serving: match &sv.serving {
                Some((v, end)) => Some((visitor(v)?, *end)),
                None => None,
            },
            busy_minutes: sv.busy_minutes,
        });
    }
    for w in &save.floor.queue {
        floor.queue.push_back(Waiting {
            visitor: visitor(&w.visitor)?,
            arrived: w.arrived,
            deadline: w.deadline.unwrap_or(f64::INFINITY),
        });
    }
    world.insert_resource(floor);

    let mut rng = SimRng::new(save.seed);
    for (i, r) in save.rng.iter().enumerate().take(STREAMS) {
        let seed = unhex(&r.seed).ok_or("a bad RNG seed")?;
        let mut stream = ChaCha8Rng::from_seed(seed);
        stream.set_stream(r.stream);
        stream.set_word_pos(r.word_pos.parse::<u128>().map_err(|e| e.to_string())?);
        *rng.stream_by_index_mut(i) = stream;
    }
    world.insert_resource(rng);

    world.resource_mut::<Clock>().day = save.day;
    world.resource_mut::<Clock>().tick = 0;
    world.insert_resource(GameOver(save.game_over));
    world.insert_resource(save.levers.clone());
    let mut requests = LeverRequests::default();
    for (day, set) in &save.scheduled {
        requests.schedule(*day, set.clone());
    }
    for t in &save.timed {
        requests.at(t.day, t.minute, t.set.clone());
    }
    world.insert_resource(requests);
    world.insert_resource(DecisionLog {
        entries: decision_log(save),
    });
    world.insert_resource(Hiring {
        starts: save.hiring_starts.clone(),
        next_id: save.next_employee_id,
    });
    world.insert_resource(RunRateSnapshots {
        monthly: save.run_rate_snapshots.clone(),
    });
    world.insert_resource(Departures(save.departures.clone()));
    world.insert_resource(crate::sim::tenure::TenureBook {
        years: save.tenure.clone(),
    });
    world.insert_resource(save.rating.clone());
    {
        let mut ledger = world.resource_mut::<Ledger>();
        ledger.cash = save.ledger.cash;
        ledger.quarter_profit = save.ledger.quarter_profit;
        ledger.total_revenue = save.ledger.total_revenue;
        ledger.total_costs = save.ledger.total_costs;
        ledger.total_dividends = save.ledger.total_dividends;
    }
    world.insert_resource(save.board.clone());
    world.insert_resource(History {
        rows: save.history.clone(),
        start_customers: save.start_customers,
    });
    world.insert_resource(DilemmaDeck(save.deck.clone()));
    world.insert_resource(save.advisor.clone());
    world.insert_resource(save.defects.clone());
    world.insert_resource(save.news.clone());
    world.insert_resource(save.dilemmas.clone());
    world.resource_mut::<DilemmaPolicy>().choices = save.dilemma_choices.clone();
    Ok(app)
}

/// Loads a save file into a ready-to-run app.
pub fn load_app(path: &Path) -> Result<(SaveFile, App), FileProblems> {
    let save = load(path)?;
    let app = restore(&save).map_err(|m| {
        FileProblems::single(
            path,
            Problem::Invalid {
                path: "(state)".into(),
                message: m.into(),
            },
        )
    })?;
    Ok((save, app))
}
