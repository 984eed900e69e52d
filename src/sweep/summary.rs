//! The table a sweep prints when it ends: for each combination of values, how many runs, and the
//! mean and spread (standard deviation across seeds) of what each stakeholder cares about. Made
//! from the CSV's rows, so a merge prints the same table as the sweep it rebuilds.

use std::collections::HashMap;

use crate::i18n::{Lang, columns, number};
use crate::levers::Lever;
use crate::tr;

use super::{LEAD, METRICS};

/// The metrics the table shows: (column, catalogue key of its heading, scale, decimals).
const SHOWN: [(&str, &str, f64, usize); 6] = [
    ("retention_90d", "sweep-col-retention", 100.0, 1),
    ("customers", "sweep-col-customers", 1.0, 0),
    ("nps", "sweep-col-nps", 1.0, 1),
    ("morale", "sweep-col-morale", 100.0, 1),
    ("profit", "sweep-col-profit", 1.0, 0),
    ("cash", "sweep-col-cash", 1.0, 0),
];

/// Running sums of one measure.
#[derive(Debug, Clone, Copy, Default)]
pub struct Stat {
    pub n: u64,
    sum: f64,
    sum_sq: f64,
}

impl Stat {
    pub fn add(&mut self, x: f64) {
        self.n += 1;
        self.sum += x;
        self.sum_sq += x * x;
    }

    pub fn mean(&self) -> Option<f64> {
        (self.n > 0).then(|| self.sum / self.n as f64)
    }

    /// The sample standard deviation (0 for one value).
    pub fn sd(&self) -> Option<f64> {
        let mean = self.mean()?;
        if self.n < 2 {
            return Some(0.0);
        }
        let var = (self.sum_sq - self.n as f64 * mean * mean) / (self.n as f64 - 1.0);
        Some(var.max(0.0).sqrt())
    }
}

/// One combination's figures.
#[derive(Debug, Clone, Default)]
pub struct Group {
    pub values: Vec<String>,
    pub runs: u64,
    /// Runs that ended before the horizon (cash ran out, or the board replaced the manager).
    pub ended_early: u64,
    pub stats: [Stat; SHOWN.len()],
}

/// The table, filled row by row.
#[derive(Debug, Clone)]
pub struct Summary {
    names: Vec<String>,
    /// Where each varied value and each shown metric sits in a row.
    vary_at: std::ops::Range<usize>,
    metric_at: [usize; SHOWN.len()],
    end_at: usize,
    groups: Vec<Group>,
    index: HashMap<Vec<String>, usize>,
}

impl Summary {
    /// A table for rows with this header (a sweep's CSV header).
    pub fn new(header: &[String]) -> Summary {
        let at = |name: &str| header.iter().position(|h| h == name).unwrap_or(usize::MAX);
        let first_metric = at(METRICS[0]).min(header.len());
        let vary_at = LEAD.len().min(first_metric)..first_metric;
        Summary {
            names: header[vary_at.clone()].to_vec(),
            vary_at,
            metric_at: SHOWN.map(|(name, ..)| at(name)),
            end_at: at("end"),
            groups: Vec::new(),
            index: HashMap::new(),
        }
    }

    /// Counts one row in.
    pub fn add(&mut self, row: &[String]) {
        let key: Vec<String> = row.get(self.vary_at.clone()).unwrap_or_default().to_vec();
        let i = match self.index.get(&key) {
            Some(&i) => i,
            None => {
                self.groups.push(Group {
                    values: key.clone(),
                    ..Group::default()
                });
                self.index.insert(key, self.groups.len() - 1);
                self.groups.len() - 1
            }
        };
        let g = &mut self.groups[i];
        g.runs += 1;
        if matches!(
            row.get(self.end_at).map(String::as_str),
            Some("cash" | "board")
        ) {
            g.ended_early += 1;
        }
        for (stat, &at) in g.stats.iter_mut().zip(&self.metric_at) {
            if let Some(x) = row.get(at).and_then(|v| v.parse::<f64>().ok()) {
                stat.add(x);
            }
        }
    }

    /// The combinations, in the order their first row came.
    pub fn groups(&self) -> &[Group] {
        &self.groups
    }

    /// The table as text, in `lang`: a heading row and one row per combination.
    pub fn render(&self, lang: Lang) -> String {
        let mut head: Vec<String> = self
            .names
            .iter()
            .map(|n| Lever::from_name(n).map_or_else(|| n.clone(), |l| l.label(lang)))
            .collect();
        head.push(tr!(lang, "sweep-col-runs"));
        head.extend(
            SHOWN
                .iter()
                .map(|(_, key, ..)| crate::i18n::message(lang, key, None)),
        );
        head.push(tr!(lang, "sweep-col-ended-early"));
        let mut rows = vec![head];
        let levers: Vec<Option<Lever>> = self.names.iter().map(|n| Lever::from_name(n)).collect();
        for g in &self.groups {
            let mut r: Vec<String> = g
                .values
                .iter()
                .zip(&levers)
                .map(|(v, lever)| shown_value(v, *lever, lang))
                .collect();
            r.push(number(g.runs as f64, 0));
            for (stat, (_, _, scale, d)) in g.stats.iter().zip(SHOWN) {
                r.push(match (stat.mean(), stat.sd()) {
                    (Some(m), Some(sd)) => {
                        format!("{} ± {}", number(m * scale, d), number(sd * scale, d))
                    }
                    _ => tr!(lang, "not-available"),
                });
            }
            r.push(number(g.ended_early as f64, 0));
            rows.push(r);
        }
        let widths: Vec<usize> = (0..rows[0].len())
            .map(|c| rows.iter().map(|r| columns(&r[c])).max().unwrap_or(0))
            .collect();
        let mut out = String::new();
        for r in &rows {
            let cells: Vec<String> = r
                .iter()
                .zip(&widths)
                .enumerate()
                .map(|(c, (cell, w))| {
                    let pad = " ".repeat(w - columns(cell));
                    if c < self.names.len() {
                        format!("{cell}{pad}")
                    } else {
                        format!("{pad}{cell}")
                    }
                })
                .collect();
            out.push_str(cells.join("  ").trim_end());
            out.push('\n');
        }
        out
    }
}

/// A varied value as a person reads it: a choice by its label, a number as it was given.
fn shown_value(text: &str, lever: Option<Lever>, lang: Lang) -> String {
    use crate::levers::{LeverValue, RecoveryPolicy, ServiceLevel};
    let value = match lever {
        Some(Lever::ServiceLevel) => ServiceLevel::ALL
            .into_iter()
            .find(|l| l.name() == text)
            .map(LeverValue::Level),
        Some(Lever::Recovery) => RecoveryPolicy::ALL
            .into_iter()
            .find(|r| r.name() == text)
            .map(LeverValue::Recovery),
        Some(Lever::Outreach) => text.parse::<bool>().ok().map(LeverValue::Toggle),
        _ => None,
    };
    match (value, lever) {
        (Some(v), Some(l)) => v.show(l, lang),
        _ => text.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn spread_is_the_sample_standard_deviation() {
        let mut s = Stat::default();
        for x in [2.0, 4.0, 4.0, 4.0, 5.0, 5.0, 7.0, 9.0] {
            s.add(x);
        }
        assert_eq!(s.mean(), Some(5.0));
        assert!((s.sd().unwrap() - 2.138).abs() < 1e-3);
        assert_eq!(Stat::default().mean(), None);
    }
}
