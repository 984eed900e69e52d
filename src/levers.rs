//! The player's levers as data: what each one is called in files, what values it takes, its range
//! and its label. One [`Lever`] enum lists them; every place that handles levers one by one
//! matches on it exhaustively, so a new lever does not compile until each place handles it.
//! Lever names are strings only at the RON/CLI boundary ([`Lever::from_name`]).
//!
//! The model applies levers ([`crate::sim::levers`]); this module never looks at the model.

use serde::{Deserialize, Serialize};

use crate::i18n::{Lang, message};

use crate::diagnostics::Checker;

/// How much beyond the task the staff go for each customer.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize, Default)]
pub enum ServiceLevel {
    /// Finish the task, nothing more.
    #[default]
    Task,
    /// A little extra: now and then a small surprise beyond expectation.
    Extra,
    /// Customer obsession: surprises are frequent, service takes longer and costs more.
    Obsession,
}

impl ServiceLevel {
    pub const ALL: [ServiceLevel; 3] = [
        ServiceLevel::Task,
        ServiceLevel::Extra,
        ServiceLevel::Obsession,
    ];

    /// The name in files (RON variant).
    pub fn name(self) -> &'static str {
        match self {
            ServiceLevel::Task => "Task",
            ServiceLevel::Extra => "Extra",
            ServiceLevel::Obsession => "Obsession",
        }
    }

    /// The key of its name in the translation catalogue.
    pub fn label_key(self) -> &'static str {
        match self {
            ServiceLevel::Task => "level-task",
            ServiceLevel::Extra => "level-extra",
            ServiceLevel::Obsession => "level-obsession",
        }
    }

    /// Its name as a person reads it.
    pub fn label(self, lang: Lang) -> String {
        message(lang, self.label_key(), None)
    }
}

/// What the business does when a customer complains.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, Default)]
pub enum RecoveryPolicy {
    /// Apologise and point to the rules; no compensation.
    Strict,
    /// Refund what went wrong, within a day or two.
    #[default]
    Fair,
    /// Refund at once and add something on top.
    Generous,
}

impl RecoveryPolicy {
    pub const ALL: [RecoveryPolicy; 3] = [
        RecoveryPolicy::Strict,
        RecoveryPolicy::Fair,
        RecoveryPolicy::Generous,
    ];

    /// The name in files (RON variant).
    pub fn name(self) -> &'static str {
        match self {
            RecoveryPolicy::Strict => "Strict",
            RecoveryPolicy::Fair => "Fair",
            RecoveryPolicy::Generous => "Generous",
        }
    }

    /// The key of its name in the translation catalogue.
    pub fn label_key(self) -> &'static str {
        match self {
            RecoveryPolicy::Strict => "recovery-strict",
            RecoveryPolicy::Fair => "recovery-fair",
            RecoveryPolicy::Generous => "recovery-generous",
        }
    }

    /// Its name as a person reads it.
    pub fn label(self, lang: Lang) -> String {
        message(lang, self.label_key(), None)
    }
}

/// One lever, by what it controls.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Lever {
    Price,
    Wage,
    Training,
    Quality,
    Marketing,
    Staff,
    Overtime,
    ServiceLevel,
    Extras,
    Recovery,
    Outreach,
    Dividend,
}

/// What kind of value a lever takes.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum LeverKind {
    /// A number in `range`, changed in steps of `step` (whole numbers when `whole`).
    Number {
        range: (f64, f64),
        step: f64,
        whole: bool,
    },
    /// One of the service levels.
    Level,
    /// One of the recovery policies.
    Recovery,
    /// On or off.
    Toggle,
}

/// A lever's value.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum LeverValue {
    Number(f64),
    Level(ServiceLevel),
    Recovery(RecoveryPolicy),
    Toggle(bool),
}

/// Allowed ranges, shared by validation, the model's clamp and the game's sliders.
pub mod limits {
    pub const MULTIPLE: (f64, f64) = (0.1, 5.0);
    pub const STAFF: (i64, i64) = (0, 500);
    pub const OVERTIME_HOURS: (f64, f64) = (0.0, 8.0);
    pub const EXTRAS: (i64, i64) = (0, 30);
    pub const DIVIDEND: (f64, f64) = (0.0, 1.0);
}

const fn whole((lo, hi): (i64, i64)) -> (f64, f64) {
    (lo as f64, hi as f64)
}

impl Lever {
    /// Every lever, in the order the game's panel shows them.
    pub const ALL: [Lever; 12] = [
        Lever::Price,
        Lever::Wage,
        Lever::Training,
        Lever::Quality,
        Lever::Marketing,
        Lever::Staff,
        Lever::Overtime,
        Lever::ServiceLevel,
        Lever::Extras,
        Lever::Recovery,
        Lever::Outreach,
        Lever::Dividend,
    ];

    /// The lever's name in policy files, dilemma decks, the CLI and the CSV.
    pub fn name(self) -> &'static str {
        match self {
            Lever::Price => "price",
            Lever::Wage => "wage",
            Lever::Training => "training",
            Lever::Quality => "quality",
            Lever::Marketing => "marketing",
            Lever::Staff => "staff",
            Lever::Overtime => "overtime",
            Lever::ServiceLevel => "service_level",
            Lever::Extras => "extras",
            Lever::Recovery => "recovery",
            Lever::Outreach => "outreach",
            Lever::Dividend => "dividend",
        }
    }

    /// The lever named so in a file, or None (the caller reports the unknown name).
    pub fn from_name(name: &str) -> Option<Lever> {
        Lever::ALL.into_iter().find(|l| l.name() == name)
    }

    /// The key of the lever's label in the translation catalogue; its one-line explanation (what
    /// it trades) is under the same key with `-hint`.
    pub fn label_key(self) -> &'static str {
        match self {
            Lever::Price => "lever-price",
            Lever::Wage => "lever-wage",
            Lever::Training => "lever-training",
            Lever::Quality => "lever-quality",
            Lever::Marketing => "lever-marketing",
            Lever::Staff => "lever-staff",
            Lever::Overtime => "lever-overtime",
            Lever::ServiceLevel => "lever-service-level",
            Lever::Extras => "lever-extras",
            Lever::Recovery => "lever-recovery",
            Lever::Outreach => "lever-outreach",
            Lever::Dividend => "lever-dividend",
        }
    }

    /// The lever's name as a person reads it.
    pub fn label(self, lang: Lang) -> String {
        message(lang, self.label_key(), None)
    }

    /// One line on what the lever trades, as a person reads it.
    pub fn hint(self, lang: Lang) -> String {
        message(lang, &format!("{}-hint", self.label_key()), None)
    }

    /// What values the lever takes, with its range and keyboard step.
    pub fn kind(self) -> LeverKind {
        let multiple = LeverKind::Number {
            range: limits::MULTIPLE,
            step: 0.05,
            whole: false,
        };
        match self {
            Lever::Price | Lever::Wage | Lever::Training | Lever::Quality | Lever::Marketing => {
                multiple
            }
            Lever::Staff => LeverKind::Number {
                range: whole(limits::STAFF),
                step: 1.0,
                whole: true,
            },
            Lever::Overtime => LeverKind::Number {
                range: limits::OVERTIME_HOURS,
                step: 0.5,
                whole: false,
            },
            Lever::Extras => LeverKind::Number {
                range: whole(limits::EXTRAS),
                step: 1.0,
                whole: true,
            },
            Lever::Dividend => LeverKind::Number {
                range: limits::DIVIDEND,
                step: 0.05,
                whole: false,
            },
            Lever::ServiceLevel => LeverKind::Level,
            Lever::Recovery => LeverKind::Recovery,
            Lever::Outreach => LeverKind::Toggle,
        }
    }

    /// One keyboard step of this lever up (`dir` > 0) or down from `now`: numbers move by their
    /// step (to two decimals) and stay in range, choices cycle, a toggle flips.
    pub fn step(self, now: LeverValue, dir: i32) -> LeverValue {
        fn cycle<T: PartialEq + Copy, const N: usize>(all: [T; N], now: T, dir: i32) -> T {
            let at = all.iter().position(|x| *x == now).unwrap_or(0) as i32;
            all[(at + dir.signum()).rem_euclid(N as i32) as usize]
        }
        match (self.kind(), now) {
            (LeverKind::Number { range, step, .. }, LeverValue::Number(v)) => {
                let x = ((v + step * dir.signum() as f64) * 100.0).round() / 100.0;
                LeverValue::Number(x.clamp(range.0, range.1))
            }
            (_, LeverValue::Level(l)) => LeverValue::Level(cycle(ServiceLevel::ALL, l, dir)),
            (_, LeverValue::Recovery(r)) => {
                LeverValue::Recovery(cycle(RecoveryPolicy::ALL, r, dir))
            }
            (_, LeverValue::Toggle(b)) => LeverValue::Toggle(!b),
            (_, v @ LeverValue::Number(_)) => v,
        }
    }
}

impl LeverValue {
    /// The number, for a numeric value.
    pub fn number(self) -> Option<f64> {
        match self {
            LeverValue::Number(v) => Some(v),
            LeverValue::Level(_) | LeverValue::Recovery(_) | LeverValue::Toggle(_) => None,
        }
    }

    /// The value as a policy file writes it ("1.20", "6", "Extra", "on").
    pub fn describe(self, lever: Lever) -> String {
        match (self, lever.kind()) {
            (LeverValue::Number(v), LeverKind::Number { whole: true, .. }) => format!("{v:.0}"),
            (LeverValue::Number(v), _) if lever == Lever::Overtime => format!("{v:.1} h"),
            (LeverValue::Number(v), _) => format!("{v:.2}"),
            (LeverValue::Level(l), _) => l.name().to_string(),
            (LeverValue::Recovery(r), _) => r.name().to_string(),
            (LeverValue::Toggle(b), _) => if b { "on" } else { "off" }.to_string(),
        }
    }

    /// The value as a person reads it: numbers as in [`LeverValue::describe`], choices by their
    /// label ("A little extra", "on").
    pub fn show(self, lever: Lever, lang: Lang) -> String {
        match (self, lever.kind()) {
            (LeverValue::Number(v), _) if lever == Lever::Overtime => {
                crate::tr!(lang, "hours", n = crate::i18n::number(v, 1))
            }
            (LeverValue::Number(_), _) => self.describe(lever),
            (LeverValue::Level(l), _) => l.label(lang),
            (LeverValue::Recovery(r), _) => r.label(lang),
            (LeverValue::Toggle(true), _) => crate::tr!(lang, "on"),
            (LeverValue::Toggle(false), _) => crate::tr!(lang, "off"),
        }
    }
}

/// The current value of every lever. Multiples are relative to the scenario's reference (1.0).
///
/// A Bevy resource so that the model's rules read it directly (Bevy is a library the data layer
/// may use; what it must not use is the model).
#[derive(bevy::prelude::Resource, Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Levers {
    pub price: f64,
    pub wage: f64,
    pub training: f64,
    pub quality: f64,
    pub marketing: f64,
    pub staff: u32,
    pub overtime: f64,
    pub service_level: ServiceLevel,
    pub extras: u32,
    pub recovery: RecoveryPolicy,
    pub outreach: bool,
    pub dividend: f64,
}

impl Levers {
    /// The value of one lever.
    pub fn get(&self, lever: Lever) -> LeverValue {
        use LeverValue::Number;
        match lever {
            Lever::Price => Number(self.price),
            Lever::Wage => Number(self.wage),
            Lever::Training => Number(self.training),
            Lever::Quality => Number(self.quality),
            Lever::Marketing => Number(self.marketing),
            Lever::Staff => Number(self.staff as f64),
            Lever::Overtime => Number(self.overtime),
            Lever::ServiceLevel => LeverValue::Level(self.service_level),
            Lever::Extras => Number(self.extras as f64),
            Lever::Recovery => LeverValue::Recovery(self.recovery),
            Lever::Outreach => LeverValue::Toggle(self.outreach),
            Lever::Dividend => Number(self.dividend),
        }
    }

    /// Applies the named levers, clamping to the allowed ranges (validated input never needs it;
    /// the clamp keeps the model safe from a caller that skipped validation). Non-finite numbers
    /// are ignored.
    pub fn apply(&mut self, set: &LeverSet) {
        for (lever, value) in set.entries() {
            let clamped = match (lever.kind(), value) {
                (_, LeverValue::Number(v)) if !v.is_finite() => continue,
                (LeverKind::Number { range, whole, .. }, LeverValue::Number(v)) => {
                    let v = v.clamp(range.0, range.1);
                    LeverValue::Number(if whole { v.trunc() } else { v })
                }
                (_, v) => v,
            };
            self.set(lever, clamped);
        }
    }

    /// Sets one lever (a value of another kind than the lever takes changes nothing: [`LeverSet`]
    /// only ever holds values of the right kind).
    fn set(&mut self, lever: Lever, value: LeverValue) {
        use LeverValue::{Level, Number, Recovery, Toggle};
        match (lever, value) {
            (Lever::Price, Number(v)) => self.price = v,
            (Lever::Wage, Number(v)) => self.wage = v,
            (Lever::Training, Number(v)) => self.training = v,
            (Lever::Quality, Number(v)) => self.quality = v,
            (Lever::Marketing, Number(v)) => self.marketing = v,
            (Lever::Staff, Number(v)) => self.staff = v as u32,
            (Lever::Overtime, Number(v)) => self.overtime = v,
            (Lever::ServiceLevel, Level(v)) => self.service_level = v,
            (Lever::Extras, Number(v)) => self.extras = v as u32,
            (Lever::Recovery, Recovery(v)) => self.recovery = v,
            (Lever::Outreach, Toggle(v)) => self.outreach = v,
            (Lever::Dividend, Number(v)) => self.dividend = v,
            (
                Lever::Price
                | Lever::Wage
                | Lever::Training
                | Lever::Quality
                | Lever::Marketing
                | Lever::Staff
                | Lever::Overtime
                | Lever::ServiceLevel
                | Lever::Extras
                | Lever::Recovery
                | Lever::Outreach
                | Lever::Dividend,
                _,
            ) => {}
        }
    }
}

/// A partial set of levers: the ones named change, the rest keep their value. Policy files and the
/// game's panel both speak this type, so a misspelt lever is a parse error, not a silent no-op.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct LeverSet {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub price: Option<f64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub wage: Option<f64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub training: Option<f64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub quality: Option<f64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub marketing: Option<f64>,
    /// Signed so that a negative headcount is reported as out of range rather than as a type error.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub staff: Option<i64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub overtime: Option<f64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub service_level: Option<ServiceLevel>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub extras: Option<i64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub recovery: Option<RecoveryPolicy>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub outreach: Option<bool>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub dividend: Option<f64>,
}

impl LeverSet {
    /// A set that changes one lever.
    pub fn one(lever: Lever, value: LeverValue) -> LeverSet {
        let mut set = LeverSet::default();
        set.put(lever, value);
        set
    }

    /// Names `lever` with `value` (a value of another kind than the lever takes is not stored).
    pub fn put(&mut self, lever: Lever, value: LeverValue) {
        use LeverValue::{Level, Number, Recovery, Toggle};
        match (lever, value) {
            (Lever::Price, Number(v)) => self.price = Some(v),
            (Lever::Wage, Number(v)) => self.wage = Some(v),
            (Lever::Training, Number(v)) => self.training = Some(v),
            (Lever::Quality, Number(v)) => self.quality = Some(v),
            (Lever::Marketing, Number(v)) => self.marketing = Some(v),
            (Lever::Staff, Number(v)) => self.staff = Some(v.round() as i64),
            (Lever::Overtime, Number(v)) => self.overtime = Some(v),
            (Lever::ServiceLevel, Level(v)) => self.service_level = Some(v),
            (Lever::Extras, Number(v)) => self.extras = Some(v.round() as i64),
            (Lever::Recovery, Recovery(v)) => self.recovery = Some(v),
            (Lever::Outreach, Toggle(v)) => self.outreach = Some(v),
            (Lever::Dividend, Number(v)) => self.dividend = Some(v),
            (
                Lever::Price
                | Lever::Wage
                | Lever::Training
                | Lever::Quality
                | Lever::Marketing
                | Lever::Staff
                | Lever::Overtime
                | Lever::ServiceLevel
                | Lever::Extras
                | Lever::Recovery
                | Lever::Outreach
                | Lever::Dividend,
                _,
            ) => {}
        }
    }

    /// The part of this set that changes something: the levers whose value differs between
    /// `before` and `after` (the levers before and after applying this set).
    pub fn only_changed(&self, before: &Levers, after: &Levers) -> LeverSet {
        let mut out = LeverSet::default();
        for (lever, value) in self.entries() {
            if before.get(lever) != after.get(lever) {
                out.put(lever, value);
            }
        }
        out
    }

    /// The levers this set names, with their values, in panel order.
    pub fn entries(&self) -> Vec<(Lever, LeverValue)> {
        // Destructured so that a new field fails to compile until it is listed here.
        let LeverSet {
            price,
            wage,
            training,
            quality,
            marketing,
            staff,
            overtime,
            service_level,
            extras,
            recovery,
            outreach,
            dividend,
        } = self;
        let n = |v: &Option<f64>| v.map(LeverValue::Number);
        let i = |v: &Option<i64>| v.map(|x| LeverValue::Number(x as f64));
        [
            (Lever::Price, n(price)),
            (Lever::Wage, n(wage)),
            (Lever::Training, n(training)),
            (Lever::Quality, n(quality)),
            (Lever::Marketing, n(marketing)),
            (Lever::Staff, i(staff)),
            (Lever::Overtime, n(overtime)),
            (Lever::ServiceLevel, service_level.map(LeverValue::Level)),
            (Lever::Extras, i(extras)),
            (Lever::Recovery, recovery.map(LeverValue::Recovery)),
            (Lever::Outreach, outreach.map(LeverValue::Toggle)),
            (Lever::Dividend, n(dividend)),
        ]
        .into_iter()
        .filter_map(|(l, v)| Some((l, v?)))
        .collect()
    }

    pub fn is_empty(&self) -> bool {
        *self == LeverSet::default()
    }

    /// Adds `later`'s levers to this set; where both name a lever, `later`'s value wins.
    pub fn merge(&mut self, later: &LeverSet) {
        for (lever, value) in later.entries() {
            self.put(lever, value);
        }
    }

    /// Reports every value outside its range under `path`.
    pub fn check(&self, path: &str, c: &mut Checker) {
        for (lever, value) in self.entries() {
            if let (LeverKind::Number { range, .. }, LeverValue::Number(v)) = (lever.kind(), value)
            {
                c.range(&format!("{path}.{}", lever.name()), v, range.0, range.1);
            }
        }
    }

    /// The levers this set names, as "price 1.20, staff 6" (lever names as in policy files).
    pub fn describe(&self) -> String {
        self.entries()
            .into_iter()
            .map(|(l, v)| format!("{} {}", l.name(), v.describe(l)))
            .collect::<Vec<_>>()
            .join(", ")
    }

    /// The levers this set names as a person reads them: "Price 1.20, Service level A little
    /// extra".
    pub fn show(&self, lang: Lang) -> String {
        let sep = crate::tr!(lang, "list-separator");
        self.entries()
            .into_iter()
            .map(|(l, v)| format!("{} {}", l.label(lang), v.show(l, lang)))
            .collect::<Vec<_>>()
            .join(&sep)
    }

    /// This set's numbers as factors applied to `levers` (a dilemma's "prices up 8 %"): each
    /// numeric lever named becomes its current value times the factor; choices are kept as they
    /// are (validation refuses them in a scaling effect).
    pub fn scaled(&self, levers: &Levers) -> LeverSet {
        let mut out = LeverSet::default();
        for (lever, value) in self.entries() {
            match (value, levers.get(lever)) {
                (LeverValue::Number(f), LeverValue::Number(now)) => {
                    // Two decimals, as the player's own changes are (a whole number for counts).
                    let v = (now * f * 100.0).round() / 100.0;
                    out.put(lever, LeverValue::Number(v));
                }
                (v, _) => out.put(lever, v),
            }
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_lever_has_a_unique_name_that_reads_back() {
        let mut names = std::collections::BTreeSet::new();
        for l in Lever::ALL {
            assert!(names.insert(l.name()), "{} twice", l.name());
            assert_eq!(Lever::from_name(l.name()), Some(l));
        }
        assert_eq!(Lever::from_name("prices"), None);
    }

    #[test]
    fn every_lever_has_its_own_label_key() {
        let keys: std::collections::BTreeSet<&str> =
            Lever::ALL.iter().map(|l| l.label_key()).collect();
        assert_eq!(keys.len(), Lever::ALL.len());
        assert!(
            keys.iter()
                .all(|k| k.starts_with("lever-") && !k.contains('_'))
        );
    }

    #[test]
    fn a_set_naming_every_lever_lists_every_lever_once() {
        let mut set = LeverSet::default();
        let levers = Levers {
            price: 1.1,
            wage: 1.2,
            training: 1.3,
            quality: 1.4,
            marketing: 1.5,
            staff: 6,
            overtime: 1.5,
            service_level: ServiceLevel::Extra,
            extras: 3,
            recovery: RecoveryPolicy::Generous,
            outreach: true,
            dividend: 0.4,
        };
        for l in Lever::ALL {
            set.put(l, levers.get(l));
        }
        let listed: Vec<Lever> = set.entries().into_iter().map(|(l, _)| l).collect();
        assert_eq!(listed, Lever::ALL.to_vec());
        let mut other = Levers {
            price: 1.0,
            wage: 1.0,
            training: 1.0,
            quality: 1.0,
            marketing: 1.0,
            staff: 1,
            overtime: 0.0,
            service_level: ServiceLevel::Task,
            extras: 0,
            recovery: RecoveryPolicy::Strict,
            outreach: false,
            dividend: 0.0,
        };
        other.apply(&set);
        assert_eq!(other, levers);
    }

    #[test]
    fn steps_stay_in_range_and_choices_cycle() {
        assert_eq!(
            Lever::Price.step(LeverValue::Number(1.0), 1),
            LeverValue::Number(1.05)
        );
        assert_eq!(
            Lever::Price.step(LeverValue::Number(1.05), 1),
            LeverValue::Number(1.1)
        );
        assert_eq!(
            Lever::Staff.step(LeverValue::Number(0.0), -1),
            LeverValue::Number(0.0)
        );
        assert_eq!(
            Lever::ServiceLevel.step(LeverValue::Level(ServiceLevel::Obsession), 1),
            LeverValue::Level(ServiceLevel::Task)
        );
        assert_eq!(
            Lever::Recovery.step(LeverValue::Recovery(RecoveryPolicy::Strict), -1),
            LeverValue::Recovery(RecoveryPolicy::Generous)
        );
        assert_eq!(
            Lever::Outreach.step(LeverValue::Toggle(false), 1),
            LeverValue::Toggle(true)
        );
    }

    #[test]
    fn scaling_multiplies_the_current_value() {
        let levers = Levers {
            price: 1.05,
            wage: 1.0,
            training: 1.0,
            quality: 1.0,
            marketing: 1.0,
            staff: 4,
            overtime: 0.0,
            service_level: ServiceLevel::Task,
            extras: 0,
            recovery: RecoveryPolicy::Fair,
            outreach: false,
            dividend: 0.0,
        };
        let by = LeverSet {
            price: Some(1.08),
            ..Default::default()
        };
        assert_eq!(by.scaled(&levers).price, Some(1.13));
    }
}
