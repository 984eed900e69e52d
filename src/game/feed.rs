//! The feed: one line for each thing worth telling that the model recorded (a regular customer
//! leaving, a milestone, a dilemma answered, a lever changed, the advisor's remarks), put into
//! words in whatever language the screen is in when it is drawn.

use bevy::prelude::*;

use crate::i18n::Lang;
use crate::levers::Levers;
use crate::sim::advisor::AdvisorLog;
use crate::sim::customers::Customers;
use crate::sim::dilemmas::{DilemmaDeck, DilemmaState};
use crate::sim::levers::DecisionSource;
use crate::sim::metrics::History;
use crate::tr;

use super::model::{Model, advance_model, detect_end};
use super::state::{GameSet, Screen};

pub(super) fn plugin(app: &mut App) {
    app.init_resource::<Feed>().add_systems(
        Update,
        update_feed
            .in_set(GameSet::Model)
            .after(advance_model)
            .before(detect_end)
            .run_if(in_state(Screen::Playing)),
    );
}

/// The message feed.
#[derive(Resource, Default, Clone)]
pub struct Feed {
    /// Each line by day, written in whatever language the screen is in when it is drawn, with
    /// the customer it is about (a click on it opens them in the inspector).
    pub lines: Vec<(u32, FeedLine, Option<u32>)>,
    /// The game's first line ("you take over…") was written.
    started: bool,
    advice_seen: usize,
    choices_seen: usize,
    rows_seen: usize,
    decisions_seen: usize,
    came_seen: usize,
    /// The highest 500-customer milestone announced (a business hovering around one is not
    /// announced again each time it crosses back).
    best_milestone: u32,
}

/// A line of the feed, put into words when drawn.
pub type FeedLine = std::sync::Arc<dyn Fn(Lang) -> String + Send + Sync>;

impl Feed {
    /// The lines as they read in `lang`.
    pub fn read(&self, lang: Lang) -> Vec<(u32, String)> {
        self.lines.iter().map(|(d, l, _)| (*d, l(lang))).collect()
    }

    pub fn push(&mut self, day: u32, line: impl Fn(Lang) -> String + Send + Sync + 'static) {
        self.push_about(day, None, line);
    }

    /// A line about one customer.
    pub fn push_about(
        &mut self,
        day: u32,
        customer: Option<u32>,
        line: impl Fn(Lang) -> String + Send + Sync + 'static,
    ) {
        self.lines.push((day, std::sync::Arc::new(line), customer));
        let excess = self.lines.len().saturating_sub(200);
        self.lines.drain(..excess);
    }
}

/// Turns what the model recorded into lines of the feed.
pub fn update_feed(model: Option<Res<Model>>, mut feed: ResMut<Feed>) {
    let Some(model) = model else { return };
    let w = &model.world;
    let rows = &w.resource::<History>().rows;
    if !feed.started {
        feed.started = true;
        let name = model.scenario.name.clone();
        let customers = w.resource::<Customers>().active_count();
        let staff = w.resource::<Levers>().staff;
        feed.push(model.clock().day, move |lang| {
            tr!(
                lang,
                "feed-take-over",
                name = name.get(lang),
                customers = crate::i18n::number(customers as f64, 0),
                staff = staff
            )
        });
    }
    // The longest-standing customer who left each day (a regular leaving is news; a newcomer
    // who never came back is the churn chart's).
    let mut left: std::collections::BTreeMap<u32, (i32, u32, u8, &'static str)> =
        Default::default();
    if feed.rows_seen < rows.len() {
        let from = rows[feed.rows_seen].day;
        for (c, story) in w.resource::<Customers>().iter() {
            let Some(day) = story.churned_day().filter(|d| *d >= from) else {
                continue;
            };
            let tenure = day as i32 - c.joined_day;
            if tenure < 90 {
                continue;
            }
            let cause = story.churn_cause.map_or("none", |c| c.id());
            let best = left.entry(day).or_insert((tenure, c.id, c.segment, cause));
            if tenure > best.0 {
                *best = (tenure, c.id, c.segment, cause);
            }
        }
    }
    while feed.rows_seen < rows.len() {
        let r = &rows[feed.rows_seen];
        let prev = feed.rows_seen.checked_sub(1).map(|i| &rows[i]);
        feed.rows_seen += 1;
        if let Some(&(tenure, id, segment, cause)) = left.get(&r.day) {
            let group = model
                .scenario
                .segments
                .get(segment as usize)
                .map(|g| g.name.clone())
                .unwrap_or_default();
            feed.push_about(r.day, Some(id), move |lang| {
                tr!(
                    lang,
                    "feed-customer-left",
                    id = id,
                    group = group.get(lang),
                    days = crate::i18n::number(tenure as f64, 0),
                    cause = crate::headless::report::cause_label(cause, lang).0
                )
            });
        }
        let (quits, hires) = (r.quits, r.hires);
        if quits > 0 {
            feed.push(r.day, move |lang| tr!(lang, "quits-today", n = quits));
        }
        if hires > 0 {
            feed.push(r.day, move |lang| tr!(lang, "hires-today", n = hires));
        }
        // Referred customers, a week at a time (one line a day would fill the feed).
        if (r.day + 1).is_multiple_of(7) {
            let week = &rows[(feed.rows_seen.saturating_sub(7))..feed.rows_seen];
            let n: u32 = week.iter().map(|d| d.new_referred).sum();
            if n > 0 {
                feed.push(r.day, move |lang| tr!(lang, "referrals-week", n = n));
            }
        }
        if r.board_confidence < 0.3 && prev.is_none_or(|p| p.board_confidence >= 0.3) {
            let share = r.board_confidence;
            feed.push(r.day, move |lang| {
                tr!(
                    lang,
                    "board-warning",
                    share = crate::i18n::percent(share, 0)
                )
            });
        }
        match prev {
            None => feed.best_milestone = r.active_customers / 500,
            Some(_) => {
                let b = r.active_customers / 500;
                if b > feed.best_milestone {
                    feed.best_milestone = b;
                    feed.push(r.day, move |lang| tr!(lang, "milestone", n = b * 500));
                }
            }
        }
    }
    let advice = &w.resource::<AdvisorLog>().given;
    while feed.advice_seen < advice.len() {
        let a = advice[feed.advice_seen].clone();
        feed.advice_seen += 1;
        let pattern = a.pattern;
        feed.push(a.day, move |lang| {
            tr!(
                lang,
                "advice-line",
                advice = pattern.advice(lang),
                lever = pattern.lever().label(lang)
            )
        });
    }
    let made = &w.resource::<DilemmaState>().made;
    while feed.choices_seen < made.len() {
        let c = made[feed.choices_seen].clone();
        feed.choices_seen += 1;
        let deck = &w.resource::<DilemmaDeck>().0;
        let Some(label) = deck
            .get(&c.dilemma)
            .and_then(|d| d.choices.iter().find(|x| x.id == c.choice))
            .map(|x| x.label.clone())
        else {
            continue;
        };
        feed.push(c.day, move |lang| {
            tr!(lang, "chose", choice = label.get(lang))
        });
    }
    // What came of an uncertain choice, told the day it comes, with the card and the choice.
    let state = w.resource::<DilemmaState>();
    while feed.came_seen < state.came.len() {
        let (day, l) = state.came[feed.came_seen].clone();
        feed.came_seen += 1;
        let deck = &w.resource::<DilemmaDeck>().0;
        let Some(d) = deck.get(&l.dilemma) else {
            continue;
        };
        let Some(made) = state.made.iter().rev().find(|m| m.dilemma == l.dilemma) else {
            continue;
        };
        let Some(choice) = d.choices.iter().find(|x| x.id == made.choice) else {
            continue;
        };
        let (title, label, chosen_on) = (d.title.clone(), choice.label.clone(), made.day);
        let currency = model.scenario.currency().clone();
        feed.push(day, move |lang| {
            tr!(
                lang,
                "consequence-came",
                dilemma = title.get(lang),
                choice = label.get(lang),
                day = chosen_on,
                effects = crate::dilemmas::describe_effects(&l.effects, &currency, lang)
            )
        });
    }
    let log = &w.resource::<crate::sim::levers::DecisionLog>().entries;
    while feed.decisions_seen < log.len() {
        let d = log[feed.decisions_seen].clone();
        feed.decisions_seen += 1;
        // A dilemma's effect is the choice's doing, not a lever the player moved.
        let set = d.set.clone();
        match d.source {
            DecisionSource::Dilemma => feed.push(d.day, move |lang| {
                tr!(lang, "dilemma-effect", levers = set.show(lang))
            }),
            DecisionSource::Plan | DecisionSource::Player | DecisionSource::Unknown => feed
                .push(d.day, move |lang| {
                    tr!(lang, "lever-changed", levers = set.show(lang))
                }),
        }
    }
}
