//! A scenario's checks beyond each field's own range (those are declared with the fields, in
//! [`super::schema`]): relations between fields, and loading a file with every problem reported.

use std::path::Path;

use crate::diagnostics::{Checker, FileProblems, parse_ron};
use crate::levers::Levers;

use super::MAX_SEGMENTS;
use super::fields::Fields;
use super::schema::{RevenueModel, Scenario, StartLevers};

/// The words a version-1 scenario reads with: the bundled scenario's with the same revenue model.
fn default_words(revenue: &RevenueModel) -> &'static super::Words {
    static WORDS: std::sync::OnceLock<[super::Words; 2]> = std::sync::OnceLock::new();
    let [visits, subscriptions] = WORDS.get_or_init(|| {
        [
            crate::bundle::CAFE.scenario,
            crate::bundle::SOFTWARE.scenario,
        ]
        .map(|f| {
            // The bundled files are current and valid (the tests load them), so they have words.
            parse_ron::<Scenario>(Path::new(f.path), f.text)
                .ok()
                .and_then(|s| s.words)
                .expect("the bundled scenarios carry their words")
        })
    });
    match revenue {
        RevenueModel::PerVisit => visits,
        RevenueModel::Subscription { .. } => subscriptions,
    }
}

impl Scenario {
    /// Loads and validates a scenario file, reporting every problem at once.
    pub fn load(path: &Path) -> Result<Scenario, FileProblems> {
        let text = crate::diagnostics::read_text(path)?;
        Self::read(path, &text, &crate::inherit::FromFiles)
    }

    /// Parses and validates scenario text (for files bundled in the binary and tests); a base
    /// it names is read from the bundled files, else from the file system.
    pub fn from_ron(name: &Path, text: &str) -> Result<Scenario, FileProblems> {
        Self::read(name, text, &crate::bundle::Shipped)
    }

    /// Parses and validates scenario text, with the base it names (`base:`) read from `bases`.
    pub fn read(
        name: &Path,
        text: &str,
        bases: &dyn crate::inherit::Bases,
    ) -> Result<Scenario, FileProblems> {
        let mut s: Scenario = crate::inherit::parse(name, text, bases)?;
        let mut c = Checker::default();
        s.check(&mut c);
        c.into_result(name)?;
        s.migrate();
        Ok(s)
    }

    /// Brings a valid older scenario to the current version: a version-1 file has no words or
    /// currency, and gets those of the bundled scenario with its revenue model (a café's words
    /// for visits, the software company's for subscriptions) and dollars.
    pub fn migrate(&mut self) {
        if self.words.is_none() {
            self.words = Some(default_words(&self.revenue).clone());
        }
        if self.currency.is_none() {
            self.currency = Some(super::Currency::default());
        }
        self.version = super::SCENARIO_VERSION;
    }

    /// The business's words (a loaded scenario always has them: [`Scenario::migrate`]).
    pub fn words(&self) -> &super::Words {
        self.words
            .as_ref()
            .unwrap_or_else(|| default_words(&self.revenue))
    }

    /// How much each stakeholder counts in the balanced scorecard.
    pub fn weights(&self) -> super::Weights {
        self.scorecard.clone().unwrap_or_default()
    }

    /// The currency amounts are shown in.
    pub fn currency(&self) -> &super::Currency {
        static DOLLAR: std::sync::OnceLock<super::Currency> = std::sync::OnceLock::new();
        self.currency
            .as_ref()
            .unwrap_or_else(|| DOLLAR.get_or_init(super::Currency::default))
    }

    /// An amount in cents in this scenario's currency.
    pub fn money(&self, cents: i64) -> String {
        self.currency().money(cents)
    }

    /// What a customer says for a thought, in the business's words and `lang`.
    pub fn thought(
        &self,
        kind: crate::thoughts::ThoughtKind,
        value: f32,
        lang: crate::i18n::Lang,
    ) -> String {
        use crate::thoughts::ThoughtKind;
        let said = match kind {
            ThoughtKind::BadMoment | ThoughtKind::GoodMoment => {
                let stage = self
                    .touchpoints
                    .as_ref()
                    .and_then(|t| t.stages.get(value.max(0.0) as usize));
                return match (stage, kind) {
                    (Some(st), ThoughtKind::BadMoment) => st.went_wrong.get(lang).to_string(),
                    (Some(st), _) => st.delighted.get(lang).to_string(),
                    (None, _) => kind.label(lang),
                };
            }
            _ => self.words().thoughts.get(kind),
        };
        said.map_or_else(|| kind.label(lang), |t| t.get(lang).to_string())
            .replace("{n}", &crate::i18n::number(value as f64, 0))
    }

    /// Texts that lack a language, as (field path, language): warnings, shown in English.
    pub fn missing_translations(&self) -> Vec<(String, crate::i18n::Lang)> {
        let mut out = Vec::new();
        let mut see = |path: String, t: &crate::i18n::Text| {
            out.extend(t.missing().into_iter().map(|l| (path.clone(), l)));
        };
        see("name".into(), &self.name);
        see("briefing".into(), &self.briefing);
        if let Some(g) = &self.goals {
            see("goals.customers".into(), &g.customers);
            see("goals.employees".into(), &g.employees);
            see("goals.shareholders".into(), &g.shareholders);
        }
        for (i, s) in self.segments.iter().enumerate() {
            see(format!("segments[{i}].name"), &s.name);
        }
        if let Some(w) = &self.words {
            see("words.per_unit".into(), &w.per_unit);
            for k in crate::thoughts::ThoughtKind::ALL {
                if let Some(t) = w.thoughts.get(k) {
                    see(format!("words.thoughts.{}", k.id()), t);
                }
            }
        }
        if let Some(t) = &self.touchpoints {
            for (i, st) in t.stages.iter().enumerate() {
                see(format!("touchpoints.stages[{i}].name"), &st.name);
                see(
                    format!("touchpoints.stages[{i}].went_wrong"),
                    &st.went_wrong,
                );
                see(format!("touchpoints.stages[{i}].delighted"), &st.delighted);
            }
        }
        out
    }

    pub fn open_minutes(&self) -> f64 {
        (self.calendar.close_hour - self.calendar.open_hour) * 60.0
    }

    pub fn ticks_per_day(&self) -> u32 {
        (self.open_minutes() / self.calendar.tick_minutes as f64).round() as u32
    }

    /// The levers on day 0: the multiples at their reference, the rest as the scenario says.
    pub fn start_levers(&self) -> Levers {
        // Every field named, so that a new start lever cannot be left out silently.
        let StartLevers {
            staff,
            overtime,
            service_level,
            extras,
            recovery,
            outreach,
            dividend,
        } = self.start_levers.clone();
        Levers {
            price: 1.0,
            wage: 1.0,
            training: 1.0,
            quality: 1.0,
            marketing: 1.0,
            staff,
            overtime,
            service_level,
            extras,
            recovery,
            outreach,
            dividend,
        }
    }

    /// The scenario as it would be had the business started with `levers`: every lever that is
    /// not a multiple of the reference becomes a start lever (the staff hired on day 0 among
    /// them, so nobody is laid off on the first morning). The multiples are not start levers;
    /// they are the model's to set before the first tick. Every field of [`Levers`] is named, so a
    /// new lever does not compile until it is placed on one side or the other.
    pub fn starting_with(&self, levers: &Levers) -> Scenario {
        let Levers {
            price: _,
            wage: _,
            training: _,
            quality: _,
            marketing: _,
            staff,
            overtime,
            service_level,
            extras,
            recovery,
            outreach,
            dividend,
        } = levers.clone();
        let mut s = self.clone();
        s.start_levers = StartLevers {
            staff,
            overtime,
            service_level,
            extras,
            recovery,
            outreach,
            dividend,
        };
        s
    }

    /// Checks every field against its range, then the relations between fields.
    pub fn check(&self, c: &mut Checker) {
        self.check_fields("", c);
        if self.version >= 2 && self.words.is_none() {
            c.fail("words", crate::msg!("check-words-needed"));
        }
        if self.version >= 2 && self.currency.is_none() {
            c.fail("currency", crate::msg!("check-currency-needed"));
        }
        self.check_relations(c);
    }

    fn check_relations(&self, c: &mut Checker) {
        let cal = &self.calendar;
        if cal.open_hour.is_finite() && cal.close_hour.is_finite() {
            if cal.close_hour <= cal.open_hour {
                c.fail("calendar.close_hour", crate::msg!("check-close-after-open"));
            } else if cal.tick_minutes > 0 {
                let ticks = self.open_minutes() / cal.tick_minutes as f64;
                if (ticks - ticks.round()).abs() > 1e-9 {
                    c.fail(
                        "calendar.tick_minutes",
                        crate::msg!("check-whole-ticks", minutes = self.open_minutes()),
                    );
                }
            }
            let hours = (cal.close_hour - cal.open_hour).ceil().max(0.0) as usize;
            if !cal.demand_profile.is_empty() && cal.demand_profile.len() != hours {
                c.fail(
                    "calendar.demand_profile",
                    crate::msg!(
                        "check-demand-profile",
                        hours = hours,
                        got = cal.demand_profile.len()
                    ),
                );
            }
        }
        if !cal.demand_profile.is_empty() && cal.demand_profile.iter().sum::<f64>() <= 0.0 {
            c.fail(
                "calendar.demand_profile",
                crate::msg!("check-positive-weight"),
            );
        }
        if let RevenueModel::Subscription { period_days } = self.revenue {
            c.int_range("revenue.period_days", period_days as i64, 1, 366);
            if self.churn.lapse_days >= period_days {
                c.fail("churn.lapse_days", crate::msg!("check-lapse-shorter"));
            }
        }
        if let Some(w) = &self.scorecard
            && w.customers + w.employees + w.shareholders <= 0.0
        {
            c.fail("scorecard", crate::msg!("check-positive-weight"));
        }
        for (i, d) in self.defects.iter().enumerate() {
            if d.id.trim().is_empty() {
                c.fail(format!("defects[{i}].id"), crate::msg!("check-not-empty"));
            } else if self.defects[..i].iter().any(|e| e.id == d.id) {
                c.fail(
                    format!("defects[{i}].id"),
                    crate::msg!("check-defect-twice", id = d.id.as_str()),
                );
            }
        }
        // A timed session puts each fixed dilemma on its day: one fixed on two days would come
        // on the later alone, without a word.
        if let Some(w) = &self.workshop {
            for (i, f) in w.fixed_dilemmas.iter().enumerate() {
                if let Some(first) = w.fixed_dilemmas[..i]
                    .iter()
                    .find(|e| e.dilemma == f.dilemma)
                {
                    c.fail(
                        format!("workshop.fixed_dilemmas[{i}].dilemma"),
                        crate::msg!(
                            "check-workshop-fixed-twice",
                            id = f.dilemma.as_str(),
                            first = first.day,
                            second = f.day
                        ),
                    );
                }
            }
        }
        if let Some(t) = &self.touchpoints
            && (t.stages.is_empty() || t.stages.len() > super::MAX_STAGES)
        {
            c.fail(
                "touchpoints.stages",
                crate::msg!("check-stage-count", most = super::MAX_STAGES as i64),
            );
        }
        if let super::ServiceTime::LogNormal { cv } = self.service.distribution {
            c.range("service.distribution.cv", cv, 0.05, 5.0);
        }
        if let Some(w) = &self.winning {
            if w.conditions.is_empty() {
                c.fail("winning.conditions", crate::msg!("check-one-condition"));
            }
            for (i, k) in w.conditions.iter().enumerate() {
                let path = format!("winning.conditions[{i}]");
                if k.at_least.is_none() && k.at_most.is_none() {
                    c.fail(&path, crate::msg!("check-condition-bound"));
                }
                let (lo, hi) = k.measure.range();
                for (name, v) in [("at_least", k.at_least), ("at_most", k.at_most)] {
                    if let Some(v) = v {
                        c.range(&format!("{path}.{name}"), v, lo, hi);
                    }
                }
                if let (Some(a), Some(b)) = (k.at_least, k.at_most)
                    && a > b
                {
                    c.fail(&path, crate::msg!("check-condition-order"));
                }
                if k.measure == super::Measure::Ndr
                    && !matches!(self.revenue, RevenueModel::Subscription { .. })
                {
                    c.fail(
                        format!("{path}.measure"),
                        crate::msg!("check-ndr-subscription"),
                    );
                }
            }
        }
        if self.segments.is_empty() {
            c.fail("segments", crate::msg!("check-one-segment"));
        }
        if self.segments.len() > MAX_SEGMENTS {
            c.fail(
                "segments",
                crate::msg!(
                    "check-too-many-segments",
                    max = MAX_SEGMENTS,
                    got = self.segments.len()
                ),
            );
        }
        if self.segments.iter().map(|s| s.share).sum::<f64>() <= 0.0 {
            c.fail("segments", crate::msg!("check-shares-positive"));
        }
        let st = &self.staff;
        if st.max_weekly_hours <= st.sustainable_weekly_hours {
            c.fail(
                "staff.max_weekly_hours",
                crate::msg!("check-max-hours-above"),
            );
        }
        let weights = st.condition_morale + st.condition_rest + st.condition_skill;
        if weights.is_finite() && (weights - 1.0).abs() > 1e-6 {
            c.fail(
                "staff.condition_morale",
                crate::msg!("check-condition-weights", got = weights),
            );
        }
    }
}
