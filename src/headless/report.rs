//! What the debrief of a run says, as data: the decision timeline, why customers left (grouped by
//! the cause in their thoughts, with the decisions that preceded each rise), customer capital and
//! three to five lessons chosen from what happened, each tied to a principle of the game. The
//! HTML debrief ([`super::html::debrief`]) and the game's end screen both show it.

use std::collections::BTreeMap;

use crate::sim::metrics::DayRow;

use super::results::{CustomerRecord, RunResult};
use crate::i18n::{Lang, message, number, percent};
use crate::tr;

/// A decision as the debrief lists it.
#[derive(Debug, Clone, PartialEq)]
pub struct TimelineEntry {
    pub day: u32,
    pub kind: &'static str,
    pub text: String,
}

/// Lever changes, dilemma choices and the advisor's remarks, in day order.
pub fn timeline(r: &RunResult, lang: Lang) -> Vec<TimelineEntry> {
    let mut t = Vec::new();
    for d in &r.decision_log {
        let text = d.set.show(lang);
        t.push(TimelineEntry {
            day: d.day,
            kind: "lever",
            text,
        });
    }
    for (i, c) in r.choices.iter().enumerate() {
        t.push(TimelineEntry {
            day: c.day,
            kind: "dilemma",
            text: r.choice_text(i, lang),
        });
    }
    for a in &r.advice {
        t.push(TimelineEntry {
            day: a.day,
            kind: "advisor",
            text: tr!(
                lang,
                "advice-with-lever",
                advice = a.pattern.advice(lang),
                lever = a.pattern.lever().label(lang)
            ),
        });
    }
    for n in &r.news {
        t.push(TimelineEntry {
            day: n.day,
            kind: "news",
            text: news_text(n, &r.scenario, lang),
        });
    }
    t.sort_by_key(|e| e.day);
    t
}

/// A big event as the game's card and the debrief's timeline say it: a board meeting (where
/// confidence went, the quarter's profit against the owners' expectation, and what they say),
/// or a press story.
pub fn news_text(
    n: &crate::sim::news::NewsItem,
    s: &crate::scenario::Scenario,
    lang: Lang,
) -> String {
    use crate::sim::finance::WARNING_LINE;
    use crate::sim::news::Happening;
    use crate::sim::news::Meeting;
    match &n.what {
        Happening::BoardMeeting {
            before,
            after,
            profit,
            expected,
            next_expected,
            meeting,
        } => {
            let said = match meeting {
                Meeting::Dismissed => tr!(lang, "news-board-dismissed"),
                Meeting::Warning => tr!(
                    lang,
                    "news-board-warning",
                    line = percent(WARNING_LINE, 0),
                    next = s.money(*next_expected)
                ),
                Meeting::Satisfied | Meeting::None => {
                    tr!(lang, "news-board-satisfied", next = s.money(*next_expected))
                }
            };
            tr!(
                lang,
                "news-board-meeting",
                before = percent(*before, 0),
                after = percent(*after, 0),
                profit = s.money(*profit),
                expected = s.money(*expected),
                said = said
            )
        }
        Happening::PressStory {
            failures,
            before,
            after,
            ..
        } => tr!(
            lang,
            "news-press-story",
            failures = *failures as i64,
            before = percent(*before, 0),
            after = percent(*after, 0)
        ),
    }
}

/// Churned customers by the cause in their thoughts.
#[derive(Debug, Clone, PartialEq)]
pub struct CauseRow {
    pub cause: String,
    pub count: u32,
    /// The 4-week window with the most departures for this cause: its first day and count.
    pub peak_from: u32,
    pub peak_count: u32,
    /// Decisions in the eight weeks before the peak.
    pub before: Vec<TimelineEntry>,
}

/// The cause of a departure with no thought recorded (an id, as in the customers CSV).
pub const NO_RECORDED_CAUSE: &str = "none";

/// A departure's cause as a person reads it: a thought's label, "Drifted away" or "No recorded
/// cause"; with its one-line explanation.
pub fn cause_label(cause: &str, lang: Lang) -> (String, String) {
    match crate::thoughts::ThoughtKind::from_id(cause) {
        Some(k) => (k.label(lang), k.hint(lang)),
        None => {
            let key = if cause == "drifted_away" {
                "cause-drifted-away"
            } else {
                "cause-none"
            };
            (
                message(lang, key, None),
                message(lang, &format!("{key}-hint"), None),
            )
        }
    }
}
const PEAK_DAYS: u32 = 28;
const LOOKBACK_DAYS: u32 = 56;

/// Why customers left: one row per cause, largest first. The counts sum to the number of
/// churned customers.
pub fn churn_causes(r: &RunResult, customers: &[CustomerRecord], lang: Lang) -> Vec<CauseRow> {
    let mut by_cause: BTreeMap<&str, Vec<u32>> = BTreeMap::new();
    for c in customers {
        if let Some(day) = c.churned_day {
            by_cause
                .entry(c.churn_cause.unwrap_or(NO_RECORDED_CAUSE))
                .or_default()
                .push(day);
        }
    }
    let decisions: Vec<TimelineEntry> = timeline(r, lang)
        .into_iter()
        .filter(|e| e.kind != "advisor")
        .collect();
    let mut rows: Vec<CauseRow> = by_cause
        .into_iter()
        .map(|(cause, mut days)| {
            days.sort_unstable();
            // Sliding 4-week window with the most departures.
            let (mut best_from, mut best) = (days[0], 0u32);
            let mut lo = 0;
            for hi in 0..days.len() {
                while days[hi] - days[lo] >= PEAK_DAYS {
                    lo += 1;
                }
                let n = (hi - lo + 1) as u32;
                if n > best {
                    best = n;
                    best_from = days[lo];
                }
            }
            let before = decisions
                .iter()
                .filter(|e| e.day + LOOKBACK_DAYS >= best_from && e.day <= best_from + PEAK_DAYS)
                .cloned()
                .collect();
            CauseRow {
                cause: cause.to_string(),
                count: days.len() as u32,
                peak_from: best_from,
                peak_count: best,
                before,
            }
        })
        .collect();
    rows.sort_by(|a, b| b.count.cmp(&a.count).then(a.cause.cmp(&b.cause)));
    rows
}

/// The silent majority: (customers who left after at least one visit went wrong, those of them
/// who never complained).
pub fn silent_majority(customers: &[CustomerRecord]) -> (u32, u32) {
    let left: Vec<&CustomerRecord> = customers
        .iter()
        .filter(|c| c.churned_day.is_some() && c.problems > 0)
        .collect();
    let silent = left.iter().filter(|c| c.complaints == 0).count();
    (left.len() as u32, silent as u32)
}

/// Customer capital over the last 91 days: (retained, ramp-up, referred, total revenue) in cents.
pub fn capital(rows: &[DayRow]) -> (i64, i64, i64, i64) {
    let recent = &rows[rows.len().saturating_sub(91)..];
    let sum = |f: fn(&DayRow) -> i64| recent.iter().map(f).sum::<i64>();
    (
        sum(|r| r.revenue_retained),
        sum(|r| r.revenue_rampup),
        sum(|r| r.revenue_referred),
        sum(|r| r.revenue),
    )
}

#[derive(Debug, Clone, PartialEq)]
pub struct Lesson {
    /// The principle from the game's design it illustrates.
    pub principle: String,
    pub text: String,
    /// How strongly this run showed it (for choosing among candidates).
    weight: f64,
}

fn total(rows: &[DayRow], f: impl Fn(&DayRow) -> f64) -> f64 {
    rows.iter().map(f).sum()
}

/// Three to five lessons from what happened in this run, the most salient first.
pub fn lessons(r: &RunResult, causes: &[CauseRow], lang: Lang) -> Vec<Lesson> {
    let rows = &r.rows;
    let mut out = Vec::new();
    let (Some(first), Some(last)) = (rows.first(), rows.last()) else {
        return out;
    };
    let churned = causes.iter().map(|c| c.count).sum::<u32>().max(1) as f64;
    let share = |id: &str| {
        causes
            .iter()
            .filter(|c| c.cause == id)
            .map(|c| c.count)
            .sum::<u32>() as f64
            / churned
    };
    let served = total(rows, |d| d.served as f64);
    let lost = total(rows, |d| (d.balked + d.reneged) as f64);
    let lost_share = lost / (served + lost).max(1.0);
    let pct = |v: f64| percent(v, 0);
    out.push(Lesson {
        principle: tr!(lang, "lesson-finite"),
        text: tr!(
            lang,
            "lesson-finite-text",
            lost = number(lost, 0),
            share = percent(lost_share, 1),
            waited = pct(share("long_wait") + share("turned_away") + share("gave_up_waiting"))
        ),
        weight: lost_share * 10.0 + share("long_wait") + share("turned_away"),
    });
    let bloat = share("too_many_extras");
    out.push(Lesson {
        principle: tr!(lang, "lesson-expectations"),
        text: tr!(
            lang,
            "lesson-expectations-text",
            bloat = pct(bloat),
            price = pct(share("price_up") + share("too_expensive"))
        ),
        weight: bloat * 4.0 + share("price_up") + share("too_expensive"),
    });
    let referred = total(rows, |d| d.new_referred as f64);
    let paid = total(rows, |d| d.new_paid as f64);
    let cac_first = rows.iter().find_map(|d| d.cac);
    let cac_last = rows.iter().rev().find_map(|d| d.cac);
    let ndr = last.ndr.map_or_else(|| tr!(lang, "not-available"), pct);
    out.push(Lesson {
        principle: tr!(lang, "lesson-capital"),
        text: match (cac_first, cac_last) {
            (Some(a), Some(b)) => tr!(
                lang,
                "lesson-capital-text-cac",
                referred = number(referred, 0),
                paid = number(paid, 0),
                first = r.money(a),
                last = r.money(b),
                ndr = ndr.as_str()
            ),
            _ => tr!(
                lang,
                "lesson-capital-text",
                referred = number(referred, 0),
                paid = number(paid, 0),
                ndr = ndr.as_str()
            ),
        },
        weight: 0.5 + (referred / (referred + paid).max(1.0) - 0.5).abs(),
    });
    let tired = share("tired_staff");
    let min_morale = rows.iter().map(|d| d.morale).fold(f64::INFINITY, f64::min);
    out.push(Lesson {
        principle: tr!(lang, "lesson-chain"),
        text: tr!(
            lang,
            "lesson-chain-text",
            morale = pct(min_morale),
            quits = r.quits,
            tired = pct(tired)
        ),
        weight: tired * 4.0 + (0.6 - min_morale).max(0.0) * 3.0 + r.quits as f64 / 50.0,
    });
    let q1: i64 = rows.iter().take(91).map(|d| d.profit).sum();
    let nps_drop = first.nps - last.nps;
    out.push(Lesson {
        principle: tr!(lang, "lesson-short-term"),
        text: tr!(
            lang,
            "lesson-short-term-text",
            profit = r.money(q1),
            nps_from = format!("{:+.0}", first.nps),
            nps_to = format!("{:+.0}", last.nps),
            stars_from = number(first.reputation, 2),
            stars_to = number(last.reputation, 2)
        ),
        weight: (nps_drop / 20.0).max(0.0)
            + if matches!(
                r.end,
                Some(crate::sim::EndReason::CashRanOut | crate::sim::EndReason::BoardReplacedYou)
            ) {
                1.0
            } else {
                0.0
            },
    });
    let scandal = share("scandal") + share("let_down");
    if !r.choices.is_empty() {
        let sep = tr!(lang, "list-separator");
        out.push(Lesson {
            principle: tr!(lang, "lesson-conflicts"),
            text: tr!(
                lang,
                "lesson-conflicts-text",
                n = r.choices.len(),
                choices = r
                    .choices
                    .iter()
                    .enumerate()
                    .map(|(i, c)| tr!(lang, "day-text", day = c.day, text = r.choice_text(i, lang)))
                    .collect::<Vec<_>>()
                    .join(&sep),
                scandal = pct(scandal)
            ),
            weight: scandal * 5.0 + 0.3,
        });
    }
    let quiet = share("drifted_away");
    out.push(Lesson {
        principle: tr!(lang, "lesson-health"),
        text: tr!(
            lang,
            "lesson-health-text",
            quiet = pct(quiet),
            red = number(total(rows, |d| d.red_health as f64) / rows.len() as f64, 0)
        ),
        weight: quiet,
    });
    // The most salient first; ties keep the order above.
    let mut idx: Vec<usize> = (0..out.len()).collect();
    idx.sort_by(|&a, &b| out[b].weight.total_cmp(&out[a].weight).then(a.cmp(&b)));
    // Those this run showed clearly, at least three and at most five.
    let clear = idx.iter().filter(|&&i| out[i].weight >= 0.2).count();
    let keep = clear.clamp(3, 5).min(out.len());
    idx[..keep].iter().map(|&i| out[i].clone()).collect()
}
