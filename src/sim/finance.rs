//! Money and the shareholders: revenue, costs, cash in integer cents, dividends and the board.
//!
//! Every rule books its money into today's [`DayMoney`]; at the end of the day cash moves by
//! exactly revenue − costs − dividends. Each quarter the board compares profit with what it
//! expected: a miss costs more confidence than an equal beat earns (Skinner & Sloan 2002), and
//! dividends please it. If cash runs out the game ends. The board acts only at its meetings, and
//! as boards do, it warns before it dismisses: a meeting that leaves confidence below
//! [`WARNING_LINE`] warns the player, and only a later meeting that finds confidence at zero,
//! after a warning, replaces them. One meeting takes at most [`MAX_FALL`] off confidence (a
//! press story or a choice can take more between meetings, and each comes with its own card).

use bevy::prelude::*;

use super::clock::{Clock, QUARTER_DAYS};
use super::news::{Happening, Meeting, News, NewsItem};
use super::{EndReason, GameOver, Params, SimSet};
use crate::levers::Levers;

/// Money booked today, in cents.
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub struct DayMoney {
    pub revenue: i64,
    pub cost_of_goods: i64,
    pub wages: i64,
    pub training: i64,
    pub marketing: i64,
    pub fixed: i64,
    /// Hiring costs and severance.
    pub staff_changes: i64,
    /// Refunds and compensation for complaints.
    pub recovery: i64,
    /// Money moved by dilemma choices (a cost; negative when a choice brings money in).
    pub dilemmas: i64,
    pub dividends: i64,
}

impl DayMoney {
    pub fn costs(&self) -> i64 {
        self.cost_of_goods
            + self.wages
            + self.training
            + self.marketing
            + self.fixed
            + self.staff_changes
            + self.recovery
            + self.dilemmas
    }
    pub fn profit(&self) -> i64 {
        self.revenue - self.costs()
    }
}

#[derive(Resource, Debug, Clone)]
pub struct Ledger {
    pub cash: i64,
    pub today: DayMoney,
    /// The last closed day's books (today's are reset after the metrics are recorded).
    pub closed: DayMoney,
    pub quarter_profit: i64,
    pub total_revenue: i64,
    pub total_costs: i64,
    pub total_dividends: i64,
}

/// A board meeting that leaves confidence below this warns the player.
pub const WARNING_LINE: f64 = 0.25;

/// The most confidence one board meeting takes away.
pub const MAX_FALL: f64 = 0.25;

#[derive(Resource, Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct Board {
    /// 0–1; at 0 the board replaces the player.
    pub confidence: f64,
    /// Profit the board expects this quarter, in cents.
    pub expected_profit: f64,
    /// Last quarter's result, for the game's messages.
    pub last_quarter_profit: i64,
    pub last_quarter_expected: i64,
    /// What the last meeting said (model version 4; older saves have none).
    #[serde(default)]
    pub meeting: Meeting,
    /// Confidence before the last meeting, for the meeting's card.
    #[serde(default)]
    pub confidence_before: f64,
}

pub(super) fn plugin(app: &mut App) {
    let s = &app.world().resource::<Params>().0;
    let ledger = Ledger {
        cash: s.start.cash_cents,
        today: DayMoney::default(),
        closed: DayMoney::default(),
        quarter_profit: 0,
        total_revenue: 0,
        total_costs: 0,
        total_dividends: 0,
    };
    let board = Board {
        confidence: s.board.start_confidence,
        expected_profit: s.board.expected_quarter_profit_cents as f64,
        last_quarter_profit: 0,
        last_quarter_expected: s.board.expected_quarter_profit_cents,
        meeting: Meeting::None,
        confidence_before: s.board.start_confidence,
    };
    app.insert_resource(ledger)
        .insert_resource(board)
        .init_resource::<News>()
        .add_systems(super::SimDayEnd, close_books.in_set(SimSet::Finance));
}

fn close_books(
    params: Res<Params>,
    clock: Res<Clock>,
    levers: Res<Levers>,
    mut ledger: ResMut<Ledger>,
    mut board: ResMut<Board>,
    (mut over, mut news): (ResMut<GameOver>, ResMut<News>),
) {
    let s = &params.0;
    let ledger = &mut *ledger;
    ledger.today.marketing +=
        (s.reference.marketing_cents_per_day as f64 * levers.marketing).round() as i64;
    ledger.today.fixed += s.finance.fixed_cents_per_day;
    let profit = ledger.today.profit();
    ledger.quarter_profit += profit;

    if clock.is_quarter_end() {
        // Dividends come out of a profitable quarter, never more than the cash there is (after
        // any special dividend paid today, which is added to).
        let available = (ledger.cash + profit - ledger.today.dividends).max(0);
        let dividend =
            ((ledger.quarter_profit.max(0) as f64 * levers.dividend).round() as i64).min(available);
        ledger.today.dividends += dividend;

        let b = &s.board;
        let expected = board.expected_profit;
        let scale = expected.abs().max(b.profit_scale_cents as f64);
        let surprise = (ledger.quarter_profit as f64 - expected) / scale;
        let mut change = if surprise >= 0.0 {
            b.beat_sensitivity * surprise.min(s.behaviour.board_beat_cap)
        } else {
            b.miss_sensitivity * surprise.max(-s.behaviour.board_miss_cap)
        };
        if ledger.quarter_profit > 0 {
            change += b.dividend_sensitivity * dividend as f64 / ledger.quarter_profit as f64;
        }
        let before = board.confidence;
        let c = before + change;
        let after = (c + b.reversion * (b.start_confidence - c)).clamp(0.0, 1.0);
        board.confidence = after.max(before - MAX_FALL);
        board.confidence_before = before;
        // A warning before a dismissal: zero confidence replaces the player only when the
        // meeting before had warned them.
        board.meeting = if board.confidence >= WARNING_LINE {
            Meeting::Satisfied
        } else if board.confidence <= 0.0 && board.meeting == Meeting::Warning {
            Meeting::Dismissed
        } else {
            Meeting::Warning
        };
        board.last_quarter_profit = ledger.quarter_profit;
        board.last_quarter_expected = expected.round() as i64;
        board.expected_profit =
            expected * (1.0 + b.expectation_growth_per_year).powf(QUARTER_DAYS as f64 / 365.0);
        news.0.push(NewsItem {
            day: clock.day,
            what: Happening::BoardMeeting {
                before,
                after: board.confidence,
                profit: ledger.quarter_profit,
                expected: board.last_quarter_expected,
                next_expected: board.expected_profit.round() as i64,
                meeting: board.meeting,
            },
        });
        ledger.quarter_profit = 0;
    }

    let t = &ledger.today;
    ledger.cash += t.revenue - t.costs() - t.dividends;
    ledger.total_revenue += t.revenue;
    ledger.total_costs += t.costs();
    ledger.total_dividends += t.dividends;

    if over.0.is_none() {
        if ledger.cash < 0 {
            over.0 = Some(EndReason::CashRanOut);
        } else if clock.is_quarter_end() && board.meeting == Meeting::Dismissed {
            over.0 = Some(EndReason::BoardReplacedYou);
        }
    }
}
