//! The board (model version 4): it acts only at its quarterly meetings, warns before it
//! dismisses, and takes at most 25 points of confidence at one meeting; each meeting and each
//! press story is a big event the game shows as a card and the debrief lists.

mod common;

use customer_first::headless::report::{news_text, timeline};
use customer_first::i18n::Lang;
use customer_first::sim::EndReason;
use customer_first::sim::clock::QUARTER_DAYS;
use customer_first::sim::finance::{MAX_FALL, WARNING_LINE};
use customer_first::sim::news::Happening;
use customer_first::sim::news::Meeting;

/// The café with deep pockets and owners starting at `confidence`, expecting far more profit
/// than it can earn, reacting hard to every miss and never drifting back.
fn hard_owners(confidence: f64) -> customer_first::scenario::Scenario {
    let mut s = common::cafe();
    s.start.cash_cents = 100_000_000_000;
    s.board.start_confidence = confidence;
    s.board.expected_quarter_profit_cents = 50_000_000;
    s.board.miss_sensitivity = 10.0;
    s.board.reversion = 0.0;
    s
}

/// The café's owners expecting far more than it can earn, and reacting hard to every miss: the
/// first meeting warns (falling 25 points, not to zero), the second, still missing, dismisses.
#[test]
fn a_board_that_loses_confidence_warns_first_and_dismisses_at_a_later_meeting() {
    let s = hard_owners(0.45);
    let r = common::run(&s, 1, 400, None);
    let meetings: Vec<(u32, f64, f64, Meeting)> = r
        .news
        .iter()
        .filter_map(|n| match n.what {
            Happening::BoardMeeting {
                before,
                after,
                meeting,
                ..
            } => Some((n.day, before, after, meeting)),
            _ => None,
        })
        .collect();
    assert_eq!(meetings.len(), 2, "{meetings:?}");
    let (day, before, after, said) = meetings[0];
    assert_eq!(day, QUARTER_DAYS - 1);
    assert!((before - 0.45).abs() < 1e-9, "{before}");
    assert!(
        (after - (0.45 - MAX_FALL)).abs() < 1e-9,
        "a meeting takes at most {MAX_FALL}: {after}"
    );
    assert_eq!(said, Meeting::Warning);
    let (day, _, after, said) = meetings[1];
    assert_eq!(day, 2 * QUARTER_DAYS - 1);
    assert_eq!((after, said), (0.0, Meeting::Dismissed));
    assert_eq!(r.end, Some(EndReason::BoardReplacedYou));
    assert_eq!(r.rows.last().unwrap().day, day, "replaced at the meeting");
    // The debrief's timeline tells both meetings, the warning first.
    let told: Vec<String> = timeline(&r, Lang::En)
        .into_iter()
        .filter(|e| e.kind == "news")
        .map(|e| e.text)
        .collect();
    assert_eq!(told.len(), 2);
    assert!(told[0].contains("A warning"), "{}", told[0]);
    assert!(told[1].contains("replace you"), "{}", told[1]);
    assert!(
        news_text(&r.news[0], &s, Lang::ZhCn).contains("警告"),
        "in Chinese too"
    );
}

/// Confidence at zero between meetings (a choice, a press story) does not end the game: the
/// board acts at its next meeting, and only after a warning.
#[test]
fn zero_confidence_between_meetings_waits_for_a_warning_at_a_meeting() {
    let s = hard_owners(0.01);
    let r = common::run(&s, 2, 400, None);
    let first = r.news.first().expect("a meeting");
    assert!(
        matches!(
            first.what,
            Happening::BoardMeeting {
                meeting: Meeting::Warning,
                ..
            }
        ),
        "{first:?}"
    );
    assert_eq!(r.end, Some(EndReason::BoardReplacedYou));
    assert_eq!(
        r.rows.last().unwrap().day,
        2 * QUARTER_DAYS - 1,
        "not before the second meeting"
    );
}

/// Over the shipped scenarios and their careless policies: every quarter's end is one meeting,
/// no meeting takes more than 25 points, every dismissal comes at a meeting after a warning, and
/// a meeting below the warning line always says so.
#[test]
fn every_meeting_keeps_the_boards_rules_in_the_shipped_scenarios() {
    let mut warned = 0;
    for (scenario, policy) in [
        ("cafe", "shareholder-first"),
        ("car-maker", "car-maker-hush"),
        ("hotel", "hotel-cut-corners"),
        ("call-centre", "call-centre-squeeze"),
    ] {
        let (s, _) = common::bundled(scenario);
        let p = common::policy(policy);
        for seed in [1, 2] {
            let r = common::run(&s, seed, s.horizon_days, Some(&p));
            let mut last: Option<Meeting> = None;
            let mut meetings = 0;
            for n in &r.news {
                let Happening::BoardMeeting {
                    before,
                    after,
                    meeting,
                    ..
                } = n.what
                else {
                    continue;
                };
                meetings += 1;
                assert_eq!((n.day + 1) % QUARTER_DAYS, 0, "{scenario}: {n:?}");
                assert!(
                    after >= before - MAX_FALL - 1e-9,
                    "{scenario} {seed}: {n:?}"
                );
                match meeting {
                    Meeting::Satisfied => assert!(after >= WARNING_LINE),
                    Meeting::Warning => {
                        assert!(after < WARNING_LINE);
                        warned += 1;
                    }
                    Meeting::Dismissed => {
                        assert_eq!(last, Some(Meeting::Warning), "{scenario} {seed}");
                        assert_eq!(r.end, Some(EndReason::BoardReplacedYou));
                    }
                    Meeting::None => panic!("a meeting that said nothing: {n:?}"),
                }
                last = Some(meeting);
            }
            let days = r.rows.len() as u32;
            assert_eq!(meetings, days / QUARTER_DAYS, "{scenario} {seed}");
            if r.end == Some(EndReason::BoardReplacedYou) {
                assert_eq!(last, Some(Meeting::Dismissed), "{scenario} {seed}");
            }
        }
    }
    assert!(
        warned > 0,
        "no careless policy was ever warned: the check saw nothing"
    );
}
