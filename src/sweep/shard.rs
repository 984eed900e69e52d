//! A slice of a sweep's runs, for one task of a cluster's job array: shard K of N takes every
//! N-th run from run K-1 (a stride, not a block, so every shard gets as many slow combinations as
//! the others). `auto` reads the task's index from the scheduler's environment: Slurm's
//! `SLURM_ARRAY_TASK_ID` and `SLURM_ARRAY_TASK_COUNT` (less `SLURM_ARRAY_TASK_MIN`, so an array
//! numbered 1-10 works as well as 0-9), or a Kubernetes Indexed Job's `JOB_COMPLETION_INDEX`, with
//! the count given (`auto/N`: Kubernetes does not tell a pod how many completions there are).

use crate::diagnostics::Msg;
use crate::msg;

/// Shard `index` (0-based) of `count`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Shard {
    pub index: u64,
    pub count: u64,
}

impl Shard {
    /// The whole sweep.
    pub const ALL: Shard = Shard { index: 0, count: 1 };

    /// `K/N` (1 ≤ K ≤ N), `auto` or `auto/N`, reading the environment through `env`.
    pub fn parse(text: &str, env: &dyn Fn(&str) -> Option<String>) -> Result<Shard, Msg> {
        let text = text.trim();
        if let Some(rest) = text.strip_prefix("auto") {
            let given = match rest.strip_prefix('/') {
                Some(n) => Some(count(n, text)?),
                None if rest.is_empty() => None,
                None => return Err(msg!("sweep-shard-form", got = text)),
            };
            return auto(given, env);
        }
        let (k, n) = text
            .split_once('/')
            .ok_or_else(|| msg!("sweep-shard-form", got = text))?;
        let n = count(n, text)?;
        let k: u64 = k
            .trim()
            .parse()
            .map_err(|_| msg!("sweep-shard-form", got = text))?;
        if k == 0 || k > n {
            return Err(msg!("sweep-shard-range", got = text, n = n));
        }
        Ok(Shard {
            index: k - 1,
            count: n,
        })
    }

    /// Whether run `run` belongs to this shard.
    pub fn has(&self, run: u64) -> bool {
        run % self.count == self.index
    }

    /// This shard's runs of a sweep of `total`, in order.
    pub fn runs(&self, total: u64) -> impl Iterator<Item = u64> + Clone + use<> {
        (self.index..total).step_by(self.count as usize)
    }

    /// How many runs of a sweep of `total` are this shard's.
    pub fn len(&self, total: u64) -> u64 {
        if self.index >= total {
            0
        } else {
            (total - self.index).div_ceil(self.count)
        }
    }

    /// Whether this shard has no run of a sweep of `total`.
    pub fn is_empty(&self, total: u64) -> bool {
        self.len(total) == 0
    }

    /// As written on the command line and in the sidecar: `K/N`.
    pub fn text(&self) -> String {
        format!("{}/{}", self.index + 1, self.count)
    }
}

fn count(n: &str, text: &str) -> Result<u64, Msg> {
    match n.trim().parse::<u64>() {
        Ok(n) if n >= 1 => Ok(n),
        _ => Err(msg!("sweep-shard-form", got = text)),
    }
}

fn auto(given: Option<u64>, env: &dyn Fn(&str) -> Option<String>) -> Result<Shard, Msg> {
    let number = |name: &str| -> Result<Option<u64>, Msg> {
        match env(name) {
            None => Ok(None),
            Some(v) => v
                .trim()
                .parse::<u64>()
                .map(Some)
                .map_err(|_| msg!("sweep-shard-env-number", name = name, got = v)),
        }
    };
    let (index, count, from) = if let Some(id) = number("SLURM_ARRAY_TASK_ID")? {
        let min = number("SLURM_ARRAY_TASK_MIN")?.unwrap_or(0);
        let count = match (given, number("SLURM_ARRAY_TASK_COUNT")?) {
            (Some(n), _) | (None, Some(n)) => n,
            (None, None) => {
                return Err(msg!(
                    "sweep-shard-env-count",
                    name = "SLURM_ARRAY_TASK_COUNT"
                ));
            }
        };
        let index = id
            .checked_sub(min)
            .ok_or_else(|| msg!("sweep-shard-env-below-min", id = id, min = min))?;
        (index, count, "SLURM_ARRAY_TASK_ID")
    } else if let Some(index) = number("JOB_COMPLETION_INDEX")? {
        let Some(count) = given else {
            return Err(msg!("sweep-shard-env-count", name = "JOB_COMPLETION_INDEX"));
        };
        (index, count, "JOB_COMPLETION_INDEX")
    } else {
        return Err(msg!("sweep-shard-no-env"));
    };
    if count == 0 || index >= count {
        return Err(msg!(
            "sweep-shard-env-range",
            name = from,
            index = index,
            n = count
        ));
    }
    Ok(Shard { index, count })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn env(vars: &'static [(&'static str, &'static str)]) -> impl Fn(&str) -> Option<String> {
        move |name| {
            vars.iter()
                .find(|(k, _)| *k == name)
                .map(|(_, v)| v.to_string())
        }
    }

    #[test]
    fn shards_split_the_runs_without_overlap() {
        let total = 10;
        let mut seen = vec![0; total as usize];
        for k in 1..=3 {
            let s = Shard::parse(&format!("{k}/3"), &env(&[])).unwrap();
            assert_eq!(s.runs(total).count() as u64, s.len(total));
            for r in s.runs(total) {
                assert!(s.has(r));
                seen[r as usize] += 1;
            }
        }
        assert_eq!(seen, vec![1; total as usize]);
        assert!(Shard::parse("4/3", &env(&[])).is_err());
        assert!(Shard::parse("0/3", &env(&[])).is_err());
        assert!(Shard::parse("1/0", &env(&[])).is_err());
        assert!(Shard::parse("two", &env(&[])).is_err());
    }

    #[test]
    fn auto_reads_slurm_and_kubernetes() {
        let slurm = env(&[
            ("SLURM_ARRAY_TASK_ID", "2"),
            ("SLURM_ARRAY_TASK_COUNT", "4"),
        ]);
        assert_eq!(
            Shard::parse("auto", &slurm).unwrap(),
            Shard { index: 2, count: 4 }
        );
        let from_one = env(&[
            ("SLURM_ARRAY_TASK_ID", "4"),
            ("SLURM_ARRAY_TASK_MIN", "1"),
            ("SLURM_ARRAY_TASK_COUNT", "4"),
        ]);
        assert_eq!(
            Shard::parse("auto", &from_one).unwrap(),
            Shard { index: 3, count: 4 }
        );
        let k8s = env(&[("JOB_COMPLETION_INDEX", "0")]);
        assert_eq!(
            Shard::parse("auto/5", &k8s).unwrap(),
            Shard { index: 0, count: 5 }
        );
        assert!(
            Shard::parse("auto", &k8s).is_err(),
            "Kubernetes needs the count"
        );
        assert!(Shard::parse("auto", &env(&[])).is_err());
        let below = env(&[
            ("SLURM_ARRAY_TASK_ID", "0"),
            ("SLURM_ARRAY_TASK_MIN", "1"),
            ("SLURM_ARRAY_TASK_COUNT", "4"),
        ]);
        let said = Shard::parse("auto", &below)
            .unwrap_err()
            .render(crate::i18n::Lang::En);
        assert!(
            said.contains("SLURM_ARRAY_TASK_ID") && said.contains("SLURM_ARRAY_TASK_MIN"),
            "{said}"
        );
        assert!(!said.contains("whole number"), "{said}");
        let beyond = env(&[("JOB_COMPLETION_INDEX", "5")]);
        assert!(Shard::parse("auto/5", &beyond).is_err());
    }
}
