//! Won or lost: a run judged by its scenario's winning conditions (`winning` in the scenario
//! file). The story in the briefing says what winning means; each condition says it in a figure
//! the player sees on screen, over the last quarter or in every quarter. A business that closed
//! early has lost whatever its figures; one the player ended, or one still running, is not
//! judged.

use crate::i18n::{Lang, number, percent};
use crate::scenario::{Condition, Measure, Scenario, Span};
use crate::sim::EndReason;
use crate::sim::metrics::DayRow;
use crate::tr;

/// Days in a quarter, as the conditions count them.
pub const QUARTER_DAYS: usize = 91;

/// A last part of a run shorter than this joins the quarter before it in `EveryQuarter`.
const SHORTEST_PART: usize = 30;

/// How a run came out.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub enum Outcome {
    Won,
    Lost,
    /// Not judged: the player ended it, or it has not reached its horizon yet.
    Unjudged,
}

/// One condition with the run's figure for it.
#[derive(Debug, Clone, PartialEq)]
pub struct Check {
    pub condition: Condition,
    /// The figure over the condition's days (for every quarter, the worst quarter's); None when
    /// the run has no such figure yet (no visits rated, no subscription renewals).
    pub value: Option<f64>,
    pub met: bool,
    /// The day the game ended on when it closed before its horizon: the condition speaks of the
    /// horizon's quarters, which the run never reached, so it is not met whatever its figure.
    pub ended_on: Option<u32>,
}

/// A run judged by its scenario's winning conditions.
#[derive(Debug, Clone, PartialEq)]
pub struct Verdict {
    pub outcome: Outcome,
    /// Why the business closed before its horizon, if it did.
    pub closed_early: Option<EndReason>,
    pub checks: Vec<Check>,
}

impl Verdict {
    /// The verdict on a run of `s` with these day rows and this ending; None when the scenario
    /// says nothing about winning.
    pub fn of(s: &Scenario, rows: &[DayRow], end: Option<EndReason>) -> Option<Verdict> {
        let winning = s.winning.as_ref()?;
        let closed_early =
            end.filter(|e| matches!(e, EndReason::CashRanOut | EndReason::BoardReplacedYou));
        let ended_on = closed_early.and(rows.last().map(|r| r.day));
        let checks: Vec<Check> = winning
            .conditions
            .iter()
            .map(|k| {
                let value = figure(k, rows, s.start.customers);
                Check {
                    condition: k.clone(),
                    value,
                    met: ended_on.is_none() && value.is_some_and(|v| meets(k, v)),
                    ended_on,
                }
            })
            .collect();
        let outcome = match end {
            Some(EndReason::CashRanOut | EndReason::BoardReplacedYou) => Outcome::Lost,
            Some(EndReason::HorizonReached) if checks.iter().all(|c| c.met) => Outcome::Won,
            Some(EndReason::HorizonReached) => Outcome::Lost,
            Some(EndReason::EndedByPlayer) | None => Outcome::Unjudged,
        };
        Some(Verdict {
            outcome,
            closed_early,
            checks,
        })
    }

    /// The headline: "You won", "You lost", "Not judged".
    pub fn headline(&self, lang: Lang) -> String {
        match self.outcome {
            Outcome::Won => tr!(lang, "verdict-won"),
            Outcome::Lost => tr!(lang, "verdict-lost"),
            Outcome::Unjudged => tr!(lang, "verdict-unjudged"),
        }
    }
}

/// Whether a figure meets the condition's bounds.
pub fn meets(k: &Condition, v: f64) -> bool {
    k.at_least.is_none_or(|lo| v >= lo) && k.at_most.is_none_or(|hi| v <= hi)
}

/// The condition's figure over its days: the last quarter's, or the worst quarter's.
pub fn figure(k: &Condition, rows: &[DayRow], start_customers: u32) -> Option<f64> {
    if rows.is_empty() {
        return None;
    }
    match k.over {
        Span::LastQuarter => {
            let from = rows.len().saturating_sub(QUARTER_DAYS);
            measure(k.measure, &rows[from..], start_customers)
        }
        Span::WholeRun => measure(k.measure, rows, start_customers),
        Span::EveryQuarter => {
            let values: Option<Vec<f64>> = quarters(rows.len())
                .into_iter()
                .map(|(a, b)| measure(k.measure, &rows[a..b], start_customers))
                .collect();
            let values = values?;
            // The worst quarter: the lowest against a floor, the highest against a ceiling.
            if k.at_least.is_some() {
                values.into_iter().reduce(f64::min)
            } else {
                values.into_iter().reduce(f64::max)
            }
        }
    }
}

/// The quarters of a run of `n` days, as ranges of rows: 91 days each from day 0, a last part
/// shorter than 30 days joined to the quarter before it.
pub fn quarters(n: usize) -> Vec<(usize, usize)> {
    let mut out: Vec<(usize, usize)> = Vec::new();
    let mut a = 0;
    while a < n {
        let b = (a + QUARTER_DAYS).min(n);
        match out.last_mut() {
            Some(last) if b - a < SHORTEST_PART => last.1 = b,
            _ => out.push((a, b)),
        }
        a = b;
    }
    out
}

/// A figure over some days (not empty).
fn measure(m: Measure, rows: &[DayRow], start_customers: u32) -> Option<f64> {
    let mean = |f: &dyn Fn(&DayRow) -> f64| rows.iter().map(f).sum::<f64>() / rows.len() as f64;
    let mean_some = |f: &dyn Fn(&DayRow) -> Option<f64>| {
        let v: Vec<f64> = rows.iter().filter_map(f).collect();
        (!v.is_empty()).then(|| v.iter().sum::<f64>() / v.len() as f64)
    };
    match m {
        Measure::CustomerBase => (start_customers > 0)
            .then(|| mean(&|r| r.active_customers as f64) / start_customers as f64),
        Measure::Retention => Some(mean(&|r| r.retention_90d)),
        Measure::Rating => Some(mean(&|r| r.reputation)),
        Measure::Nps => Some(mean(&|r| r.nps)),
        Measure::MoodNinePlus => mean_some(&|r| r.share_mood_9plus),
        Measure::Ndr => mean_some(&|r| r.ndr),
        Measure::Morale => Some(mean(&|r| r.morale)),
        Measure::Fatigue => Some(mean(&|r| r.fatigue)),
        Measure::BoardConfidence => Some(mean(&|r| r.board_confidence)),
        Measure::StaffTurnover => {
            let team = mean(&|r| r.employees as f64);
            let quits: u32 = rows.iter().map(|r| r.quits).sum();
            (team > 0.0).then(|| quits as f64 / team * 365.0 / rows.len() as f64)
        }
        Measure::ProfitMargin => {
            let revenue: i64 = rows.iter().map(|r| r.revenue).sum();
            let profit: i64 = rows.iter().map(|r| r.profit).sum();
            (revenue > 0).then(|| profit as f64 / revenue as f64)
        }
    }
}

/// The figure's name, as the player knows it from the screen.
pub fn measure_name(m: Measure, lang: Lang) -> String {
    match m {
        Measure::CustomerBase => tr!(lang, "measure-customer-base"),
        Measure::Retention => tr!(lang, "metric-retention"),
        Measure::Rating => tr!(lang, "metric-reputation"),
        Measure::Nps => tr!(lang, "metric-nps"),
        Measure::MoodNinePlus => tr!(lang, "metric-delighted"),
        Measure::Ndr => tr!(lang, "metric-ndr"),
        Measure::Morale => tr!(lang, "metric-morale"),
        Measure::Fatigue => tr!(lang, "metric-fatigue"),
        Measure::StaffTurnover => tr!(lang, "measure-staff-turnover"),
        Measure::BoardConfidence => tr!(lang, "metric-board"),
        Measure::ProfitMargin => tr!(lang, "measure-profit-margin"),
    }
}

/// A figure in its unit: 82 %, 4.3 stars, +25.
pub fn show_value(m: Measure, v: f64, lang: Lang) -> String {
    match m {
        Measure::Rating => tr!(lang, "value-stars", n = number(v, 1)),
        Measure::Nps => format!("{}{}", if v >= 0.0 { "+" } else { "−" }, number(v.abs(), 0)),
        Measure::CustomerBase
        | Measure::Retention
        | Measure::MoodNinePlus
        | Measure::Ndr
        | Measure::Morale
        | Measure::Fatigue
        | Measure::StaffTurnover
        | Measure::BoardConfidence
        | Measure::ProfitMargin => percent(v, 0),
    }
}

/// A condition in words: "Board confidence at least 50 %, over the last quarter".
pub fn describe(k: &Condition, lang: Lang) -> String {
    let m = k.measure;
    let bound = match (k.at_least, k.at_most) {
        (Some(a), Some(b)) => tr!(
            lang,
            "condition-between",
            low = show_value(m, a, lang),
            high = show_value(m, b, lang)
        ),
        (Some(a), None) => tr!(lang, "condition-at-least", value = show_value(m, a, lang)),
        (None, Some(b)) => tr!(lang, "condition-at-most", value = show_value(m, b, lang)),
        (None, None) => String::new(),
    };
    let over = match k.over {
        Span::LastQuarter => tr!(lang, "span-last-quarter"),
        Span::EveryQuarter => tr!(lang, "span-every-quarter"),
        Span::WholeRun => tr!(lang, "span-whole-run"),
    };
    tr!(
        lang,
        "condition",
        measure = measure_name(m, lang),
        bound = bound,
        over = over
    )
}

/// A checked condition in words: the condition, the run's figure, met or missed.
pub fn describe_check(c: &Check, lang: Lang) -> String {
    let value = c.value.map_or_else(
        || tr!(lang, "verdict-no-figure"),
        |v| show_value(c.condition.measure, v, lang),
    );
    if let Some(day) = c.ended_on {
        tr!(
            lang,
            "verdict-not-reached",
            condition = describe(&c.condition, lang),
            day = day,
            value = value
        )
    } else if c.met {
        tr!(
            lang,
            "verdict-met",
            condition = describe(&c.condition, lang),
            value = value
        )
    } else {
        tr!(
            lang,
            "verdict-missed",
            condition = describe(&c.condition, lang),
            value = value
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn quarters_cover_every_day_once_and_fold_a_short_tail() {
        assert_eq!(quarters(0), vec![]);
        assert_eq!(quarters(10), vec![(0, 10)]);
        assert_eq!(quarters(91), vec![(0, 91)]);
        assert_eq!(quarters(182 + 40), vec![(0, 91), (91, 182), (182, 222)]);
        // 1,095 days: twelve quarters and three days, which join the twelfth.
        let q = quarters(1095);
        assert_eq!(q.len(), 12);
        assert_eq!(q.last(), Some(&(1001, 1095)));
    }
}
