//! What a sweep varies: a lever or a scenario field, named as in the files
//! (`price`, `service_level`, `market.walk_ins_per_day`, `segments[0].share`), with its values:
//! numbers as `FROM..TO:STEP`, choices as a list (`service_level=task,extra,obsession`).
//!
//! A lever's value is where the run starts (a policy's own changes still take effect when they
//! are due). A scenario field is set in the scenario the run plays, which is then checked like a
//! file: a value outside the field's range is refused before anything runs.

use serde_json::Value;

use crate::diagnostics::Msg;
use crate::levers::{Lever, LeverKind, LeverSet, LeverValue, RecoveryPolicy, ServiceLevel};
use crate::msg;
use crate::scenario::Scenario;
use crate::scenario::fields::{FieldDoc, Fields};

/// The most values one `--vary` may list (a range with a tiny step is a mistake, not a sweep).
pub const MAX_VALUES: usize = 10_000;

/// What a `--vary` sets.
#[derive(Debug, Clone, PartialEq)]
pub enum Target {
    /// A lever that is a multiple of the scenario's reference (price, wage, training, quality,
    /// marketing): the run starts with it at this value.
    Multiple(Lever),
    /// A field of the scenario file, by its path (`start_levers.staff` for the other levers).
    Field(String),
}

/// One value of a `--vary`: as the CSV writes it, and what it sets.
#[derive(Debug, Clone, PartialEq)]
pub struct Level {
    /// As written in the CSV and the table ("0.9", "Extra", "true").
    pub text: String,
    value: Value,
}

/// One `--vary NAME=VALUES`.
#[derive(Debug, Clone, PartialEq)]
pub struct Vary {
    /// The name as given (the CSV's column).
    pub name: String,
    pub target: Target,
    pub levels: Vec<Level>,
}

/// How a field's values are written.
#[derive(Debug, Clone, PartialEq)]
enum Kind {
    Decimal,
    Whole,
    Toggle,
    /// One of these names (as the file writes them).
    Choice(Vec<String>),
}

impl Vary {
    /// Parses `NAME=FROM..TO:STEP` or `NAME=A,B,C` against the scenario it will vary.
    pub fn parse(text: &str, scenario: &Scenario) -> Result<Vary, Msg> {
        let Some((name, values)) = text.split_once('=') else {
            return Err(msg!("sweep-vary-form", got = text));
        };
        let (name, values) = (name.trim(), values.trim());
        if name.is_empty() || values.is_empty() {
            return Err(msg!("sweep-vary-form", got = text));
        }
        let (target, kind) = resolve(name, scenario)?;
        let levels = match (&kind, values.contains("..")) {
            (Kind::Decimal | Kind::Whole, true) => range(name, values, kind == Kind::Whole)?,
            (_, true) => return Err(msg!("sweep-vary-not-number", name = name, got = values)),
            (_, false) => list(name, values, &kind)?,
        };
        if let Some(LeverKind::Number { range, .. }) = Lever::from_name(name).map(Lever::kind)
            && let Some(out) = levels
                .iter()
                .find(|l| l.value.as_f64().is_some_and(|v| v < range.0 || v > range.1))
        {
            return Err(msg!(
                "sweep-vary-outside",
                name = name,
                value = out.text,
                lo = range.0,
                hi = range.1
            ));
        }
        let mut seen = std::collections::BTreeSet::new();
        if let Some(twice) = levels.iter().find(|l| !seen.insert(l.text.clone())) {
            return Err(msg!("sweep-vary-twice", name = name, value = twice.text));
        }
        Ok(Vary {
            name: name.to_string(),
            target,
            levels,
        })
    }

    /// Sets value `i` of this vary: a scenario field in `scenario` (as JSON), a multiple in
    /// `levers`.
    pub fn apply(&self, i: usize, scenario: &mut Value, levers: &mut LeverSet) {
        let level = &self.levels[i];
        match &self.target {
            Target::Multiple(lever) => {
                if let Some(v) = level.value.as_f64() {
                    levers.put(*lever, LeverValue::Number(v));
                }
            }
            Target::Field(path) => {
                if let Some(slot) = slot(scenario, path) {
                    *slot = level.value.clone();
                }
            }
        }
    }

    /// The definition as text, for the sweep's identity: the name and every value.
    pub fn canonical(&self) -> String {
        let values: Vec<&str> = self.levels.iter().map(|l| l.text.as_str()).collect();
        format!("{}={}", self.name, values.join(","))
    }
}

/// What a name refers to, and how its values are written.
fn resolve(name: &str, scenario: &Scenario) -> Result<(Target, Kind), Msg> {
    if let Some(lever) = Lever::from_name(name) {
        return Ok(match lever {
            Lever::Price | Lever::Wage | Lever::Training | Lever::Quality | Lever::Marketing => {
                (Target::Multiple(lever), Kind::Decimal)
            }
            Lever::Staff
            | Lever::Overtime
            | Lever::ServiceLevel
            | Lever::Extras
            | Lever::Recovery
            | Lever::Outreach
            | Lever::Dividend => {
                let kind = match lever.kind() {
                    LeverKind::Number { whole: true, .. } => Kind::Whole,
                    LeverKind::Number { whole: false, .. } => Kind::Decimal,
                    LeverKind::Level => {
                        Kind::Choice(ServiceLevel::ALL.map(|l| l.name().to_string()).to_vec())
                    }
                    LeverKind::Recovery => {
                        Kind::Choice(RecoveryPolicy::ALL.map(|r| r.name().to_string()).to_vec())
                    }
                    LeverKind::Toggle => Kind::Toggle,
                };
                (Target::Field(format!("start_levers.{name}")), kind)
            }
        });
    }
    let docs = field_docs();
    let general = generalise(name);
    let Some(doc) = docs.iter().find(|d| d.path == general) else {
        return Err(unknown(name, &docs));
    };
    let kind = kind_of(&doc.rule).ok_or_else(|| msg!("sweep-vary-not-variable", name = name))?;
    // The path must exist in this scenario (an index within its list).
    let mut json = serde_json::to_value(scenario).map_err(|e| Msg::Text(e.to_string()))?;
    if slot(&mut json, name).is_none() {
        return Err(msg!("sweep-vary-no-such-item", name = name));
    }
    Ok((Target::Field(name.to_string()), kind))
}

/// Every documented field of the scenario format.
fn field_docs() -> Vec<FieldDoc> {
    let mut docs = Vec::new();
    Scenario::document("", &mut docs);
    docs
}

/// `segments[2].share` as the format documents it: `segments[i].share`.
fn generalise(path: &str) -> String {
    let mut out = String::new();
    let mut rest = path;
    while let Some(open) = rest.find('[') {
        out.push_str(&rest[..open]);
        match rest[open..].find(']') {
            Some(close) => {
                out.push_str("[i]");
                rest = &rest[open + close + 1..];
            }
            None => {
                out.push_str(&rest[open..]);
                rest = "";
            }
        }
    }
    out.push_str(rest);
    out
}

/// The kind of values a documented rule takes, or None for what a sweep cannot vary (text,
/// groups, choices with data).
fn kind_of(rule: &str) -> Option<Kind> {
    let rule = rule.trim_end_matches(" or None");
    if let Some(names) = rule.strip_prefix("one of ") {
        if names.contains('(') {
            return None;
        }
        if names == "true, false" {
            return Some(Kind::Toggle);
        }
        return Some(Kind::Choice(
            names.split(", ").map(str::to_string).collect(),
        ));
    }
    if rule.contains("..=") {
        return Some(if rule.ends_with("(whole)") {
            Kind::Whole
        } else {
            Kind::Decimal
        });
    }
    None
}

/// An unknown name: the levers, and the levers and fields it is close to, as suggestions.
fn unknown(name: &str, docs: &[FieldDoc]) -> Msg {
    let last = |p: &str| p.rsplit('.').next().unwrap_or(p).to_string();
    let close =
        |p: &str| distance(p, name) <= 2 || distance(&last(p), &last(name)) <= 1 || last(p) == name;
    let levers: Vec<&str> = Lever::ALL.iter().map(|l| l.name()).collect();
    let near: Vec<&str> = levers
        .iter()
        .copied()
        .chain(
            docs.iter()
                .filter(|d| kind_of(&d.rule).is_some())
                .map(|d| d.path.as_str()),
        )
        .filter(|p| close(p))
        .take(6)
        .collect();
    if near.is_empty() {
        msg!(
            "sweep-vary-unknown",
            name = name,
            levers = levers.join(", ")
        )
    } else {
        msg!(
            "sweep-vary-unknown-near",
            name = name,
            levers = levers.join(", "),
            near = near.join(", ")
        )
    }
}

/// The edit distance between two names (Levenshtein), for suggestions.
fn distance(a: &str, b: &str) -> usize {
    let b: Vec<char> = b.chars().collect();
    let mut row: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.chars().enumerate() {
        let mut diagonal = row[0];
        row[0] = i + 1;
        for (j, cb) in b.iter().enumerate() {
            let above = row[j + 1];
            row[j + 1] = (diagonal + usize::from(ca != *cb))
                .min(above + 1)
                .min(row[j] + 1);
            diagonal = above;
        }
    }
    row[b.len()]
}

/// The JSON value at a path (`a.b[2].c`), creating a missing last key (an optional field the
/// file left out).
fn slot<'a>(root: &'a mut Value, path: &str) -> Option<&'a mut Value> {
    let mut at = root;
    for part in path.split('.') {
        let (key, index) = match part.split_once('[') {
            Some((key, rest)) => (key, Some(rest.strip_suffix(']')?.parse::<usize>().ok()?)),
            None => (part, None),
        };
        let map = at.as_object_mut()?;
        if !map.contains_key(key) {
            // Only a leaf may be absent (an optional number the file leaves out).
            if index.is_some() {
                return None;
            }
            map.insert(key.to_string(), Value::Null);
        }
        at = map.get_mut(key)?;
        if let Some(i) = index {
            at = at.as_array_mut()?.get_mut(i)?;
        }
    }
    Some(at)
}

/// The decimals a number is written with ("0.05" has 2).
fn decimals(s: &str) -> usize {
    s.split_once('.').map_or(0, |(_, d)| d.len())
}

/// `FROM..TO:STEP` (or `FROM..TO`, step 1).
fn range(name: &str, values: &str, whole: bool) -> Result<Vec<Level>, Msg> {
    let bad = || msg!("sweep-vary-range-form", name = name, got = values);
    let (span, step) = values.split_once(':').unwrap_or((values, "1"));
    let (from, to) = span.split_once("..").ok_or_else(bad)?;
    let (from, to, step) = (from.trim(), to.trim(), step.trim());
    let parse = |s: &str| s.parse::<f64>().ok().filter(|v| v.is_finite());
    let (Some(a), Some(b), Some(d)) = (parse(from), parse(to), parse(step)) else {
        return Err(bad());
    };
    if d <= 0.0 {
        return Err(msg!("sweep-vary-step", name = name, got = step));
    }
    if b < a {
        return Err(msg!("sweep-vary-empty", name = name, got = values));
    }
    let places = decimals(from).max(decimals(to)).max(decimals(step));
    if whole && (places > 0 || a.fract() != 0.0 || d.fract() != 0.0) {
        return Err(msg!("sweep-vary-whole", name = name, got = values));
    }
    // Counted with a little slack, so 0.8..1.2:0.1 includes 1.2 despite rounding.
    let n = ((b - a) / d + 1e-9).floor() + 1.0;
    if n > MAX_VALUES as f64 {
        return Err(msg!(
            "sweep-vary-too-many",
            name = name,
            n = n,
            max = MAX_VALUES
        ));
    }
    Ok((0..n as usize)
        .map(|i| {
            let scale = 10f64.powi(places as i32);
            let v = ((a + d * i as f64) * scale).round() / scale;
            let text = format!("{v:.places$}");
            let value = if whole {
                Value::from(v as i64)
            } else {
                Value::from(v)
            };
            Level { text, value }
        })
        .collect())
}

/// `A,B,C`: numbers, choices by name (any case) or on/off.
fn list(name: &str, values: &str, kind: &Kind) -> Result<Vec<Level>, Msg> {
    values
        .split(',')
        .map(str::trim)
        .map(|v| {
            if v.is_empty() {
                return Err(msg!("sweep-vary-form", got = values));
            }
            match kind {
                Kind::Decimal => v
                    .parse::<f64>()
                    .ok()
                    .filter(|x| x.is_finite())
                    .map(|x| Level {
                        text: v.to_string(),
                        value: Value::from(x),
                    })
                    .ok_or_else(|| msg!("sweep-vary-not-number", name = name, got = v)),
                Kind::Whole => v
                    .parse::<i64>()
                    .map(|x| Level {
                        text: x.to_string(),
                        value: Value::from(x),
                    })
                    .map_err(|_| msg!("sweep-vary-whole", name = name, got = v)),
                Kind::Toggle => match v.to_ascii_lowercase().as_str() {
                    "on" | "true" | "yes" => Ok(true),
                    "off" | "false" | "no" => Ok(false),
                    _ => Err(msg!(
                        "sweep-vary-choice",
                        name = name,
                        got = v,
                        allowed = "on, off"
                    )),
                }
                .map(|b| Level {
                    text: b.to_string(),
                    value: Value::from(b),
                }),
                Kind::Choice(names) => names
                    .iter()
                    .find(|n| n.eq_ignore_ascii_case(v))
                    .map(|n| Level {
                        text: n.clone(),
                        value: Value::from(n.as_str()),
                    })
                    .ok_or_else(|| {
                        msg!(
                            "sweep-vary-choice",
                            name = name,
                            got = v,
                            allowed = names.join(", ")
                        )
                    }),
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::bundle;
    use std::path::Path;

    fn cafe() -> Scenario {
        Scenario::from_ron(
            Path::new(bundle::CAFE.scenario.path),
            bundle::CAFE.scenario.text,
        )
        .unwrap()
    }

    fn texts(v: &Vary) -> Vec<&str> {
        v.levels.iter().map(|l| l.text.as_str()).collect()
    }

    #[test]
    fn ranges_include_their_end_and_keep_their_decimals() {
        let v = Vary::parse("price=0.8..1.2:0.1", &cafe()).unwrap();
        assert_eq!(texts(&v), ["0.8", "0.9", "1.0", "1.1", "1.2"]);
        assert_eq!(v.target, Target::Multiple(Lever::Price));
        let v = Vary::parse("staff=3..9:3", &cafe()).unwrap();
        assert_eq!(texts(&v), ["3", "6", "9"]);
        assert_eq!(v.target, Target::Field("start_levers.staff".into()));
    }

    #[test]
    fn choices_and_fields_by_their_file_names() {
        let v = Vary::parse("service_level=task,EXTRA,obsession", &cafe()).unwrap();
        assert_eq!(texts(&v), ["Task", "Extra", "Obsession"]);
        let v = Vary::parse("outreach=on,off", &cafe()).unwrap();
        assert_eq!(texts(&v), ["true", "false"]);
        let v = Vary::parse("market.walk_ins_per_day=0,5,10", &cafe()).unwrap();
        assert_eq!(v.target, Target::Field("market.walk_ins_per_day".into()));
        let v = Vary::parse("segments[1].price_sensitivity=0.5..1:0.25", &cafe());
        assert!(v.is_ok(), "{v:?}");
    }

    #[test]
    fn bad_inputs_say_what_was_expected() {
        let s = cafe();
        let err = |t: &str| Vary::parse(t, &s).unwrap_err().to_string();
        assert!(err("price").contains("NAME="), "{}", err("price"));
        assert!(
            err("prize=1..2:0.5").contains("did you mean price"),
            "{}",
            err("prize=1..2:0.5")
        );
        assert!(err("walk_ins_per_day=1..2").contains("did you mean market.walk_ins_per_day"));
        assert!(err("market.walk_in_per_day=1..2").contains("market.walk_ins_per_day"));
        assert!(
            err("price=1.2..0.8:0.1").contains("empty"),
            "{}",
            err("price=1.2..0.8:0.1")
        );
        assert!(err("price=0.8..1.2:0").contains("step"));
        assert!(err("staff=1..5:0.5").contains("whole"));
        assert!(err("service_level=task,best").contains("Obsession"));
        assert!(err("price=0.8..1:0.000001").contains("10000"));
        assert!(err("name=a,b").contains("cannot be varied"));
        assert!(err("segments[9].share=0.1,0.2").contains("segments[9]"));
        assert!(err("price=1,1").contains("twice"));
    }

    #[test]
    fn a_value_lands_where_it_was_named() {
        let s = cafe();
        let mut json = serde_json::to_value(&s).unwrap();
        let mut levers = LeverSet::default();
        let staff = Vary::parse("staff=7,8", &s).unwrap();
        let price = Vary::parse("price=1.3", &s).unwrap();
        staff.apply(1, &mut json, &mut levers);
        price.apply(0, &mut json, &mut levers);
        let back: Scenario = serde_json::from_value(json).unwrap();
        assert_eq!(back.start_levers.staff, 8);
        assert_eq!(
            levers.entries(),
            vec![(Lever::Price, LeverValue::Number(1.3))]
        );
    }
}
