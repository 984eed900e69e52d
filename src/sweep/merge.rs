//! `sweep merge OUT FILES...`: shards of one sweep back into the file one machine would have
//! written. Each shard's rows are in run order, so the files are merged as sorted streams (memory
//! stays small however many rows), checking on the way that every file is of the same sweep (same
//! columns, same `sweep` hash, same number of runs), that no run is in two files and that none is
//! missing. The result is written beside OUT and renamed over it only when complete.

use std::fs::File;
use std::io::{BufRead, BufReader, BufWriter, Write as _};
use std::path::{Path, PathBuf};

use crate::diagnostics::Msg;
use crate::msg;

use super::output::{csv_line, partial_path, split_line};
use super::summary::Summary;

/// How many missing runs a message lists before it says "…".
const LISTED: usize = 8;

struct Input {
    path: PathBuf,
    lines: std::io::Lines<BufReader<File>>,
    line: usize,
    /// The next row and its run.
    head: Option<(u64, Vec<String>)>,
    /// The run of the row before it.
    last: Option<u64>,
}

impl Input {
    fn advance(&mut self, sweep: &str, runs: &str, width: usize) -> Result<(), Msg> {
        self.head = match self.lines.next() {
            None => None,
            Some(Err(e)) => return Err(io(&self.path, e)),
            Some(Ok(text)) => {
                self.line += 1;
                let cells = split_line(&text);
                let at = |what: &str| {
                    msg!(
                        "sweep-merge-row",
                        file = self.path.display(),
                        line = self.line,
                        problem = what
                    )
                };
                if cells.len() != width {
                    return Err(at("columns"));
                }
                if cells[0] != sweep {
                    return Err(msg!(
                        "sweep-merge-other-sweep",
                        file = self.path.display(),
                        line = self.line,
                        theirs = cells[0].clone(),
                        ours = sweep
                    ));
                }
                if cells[2] != runs {
                    return Err(at("runs"));
                }
                let run = cells[1].parse::<u64>().map_err(|_| at("run"))?;
                if self.last.is_some_and(|before| run <= before) {
                    return Err(at("order"));
                }
                self.last = Some(run);
                Some((run, cells))
            }
        };
        Ok(())
    }
}

fn io(path: &Path, e: impl std::fmt::Display) -> Msg {
    msg!("sweep-io", file = path.display(), error = e.to_string())
}

/// Merges the shard files into `out`; returns the number of rows and the table of the rows.
pub fn merge(out: &Path, files: &[PathBuf]) -> Result<(u64, Summary), Msg> {
    if files.is_empty() {
        return Err(msg!("sweep-merge-none"));
    }
    let mut header: Option<(Vec<String>, PathBuf)> = None;
    // The sweep and its size, from the first row of any file (every row is checked below).
    let (mut sweep, mut runs) = (String::new(), String::new());
    for path in files {
        if partial_path(path).exists() {
            return Err(msg!(
                "sweep-merge-unfinished",
                file = path.display(),
                sidecar = partial_path(path).display()
            ));
        }
        let f = open(path)?;
        let mut lines = BufReader::new(f).lines();
        let first = match lines.next() {
            Some(Ok(l)) => split_line(&l),
            Some(Err(e)) => return Err(io(path, e)),
            None => Vec::new(),
        };
        if first.len() < super::LEAD.len() || first[..super::LEAD.len()] != super::LEAD {
            return Err(msg!("sweep-merge-not-sweep", file = path.display()));
        }
        match &header {
            None => header = Some((first.clone(), path.clone())),
            Some((h, from)) if *h != first => {
                return Err(msg!(
                    "sweep-merge-columns",
                    file = path.display(),
                    other = from.display()
                ));
            }
            Some(_) => {}
        }
        if sweep.is_empty()
            && let Some(Ok(line)) = lines.next()
        {
            let cells = split_line(&line);
            if cells.len() == first.len() {
                sweep = cells[0].clone();
                runs = cells[2].clone();
            }
        }
    }
    let Some((header, _)) = header else {
        return Err(msg!("sweep-merge-none"));
    };
    let mut inputs = files
        .iter()
        .map(|p| reopen(p))
        .collect::<Result<Vec<_>, _>>()?;
    let total: u64 = runs.parse().unwrap_or(0);
    let mut summary = Summary::new(&header);
    let refused = |e| crate::diagnostics::refused_file(out, &e);
    let written = (|| -> Result<u64, Msg> {
        let beside = crate::platform::files::Beside::create(out).map_err(refused)?;
        let mut w = BufWriter::new(beside);
        w.write_all(csv_line(&header).as_bytes())
            .map_err(|e| io(out, e))?;
        for input in &mut inputs {
            input.advance(&sweep, &runs, header.len())?;
        }
        let mut expected: u64 = 0;
        let mut missing: Vec<u64> = Vec::new();
        let mut missing_count: u64 = 0;
        let mut last: Option<(u64, usize)> = None;
        loop {
            let next = inputs
                .iter()
                .enumerate()
                .filter_map(|(i, x)| x.head.as_ref().map(|(run, _)| (*run, i)))
                .min();
            let Some((run, i)) = next else { break };
            if let Some((before, j)) = last
                && before == run
            {
                return Err(msg!(
                    "sweep-merge-twice",
                    run = run,
                    file = inputs[i].path.display(),
                    other = inputs[j].path.display()
                ));
            }
            if run >= total {
                return Err(msg!(
                    "sweep-merge-row",
                    file = inputs[i].path.display(),
                    line = inputs[i].line,
                    problem = "run"
                ));
            }
            for m in expected..run {
                missing_count += 1;
                if missing.len() < LISTED {
                    missing.push(m);
                }
            }
            let (_, cells) = inputs[i].head.take().unwrap_or_default();
            w.write_all(csv_line(&cells).as_bytes())
                .map_err(|e| io(out, e))?;
            summary.add(&cells);
            expected = run + 1;
            last = Some((run, i));
            inputs[i].advance(&sweep, &runs, header.len())?;
        }
        for m in expected..total {
            missing_count += 1;
            if missing.len() < LISTED {
                missing.push(m);
            }
        }
        if missing_count > 0 || total == 0 {
            let mut list: Vec<String> = missing.iter().map(u64::to_string).collect();
            if missing_count > missing.len() as u64 {
                list.push("…".into());
            }
            return Err(msg!(
                "sweep-merge-missing",
                n = missing_count,
                total = total,
                runs = list.join(", ")
            ));
        }
        let beside = w.into_inner().map_err(|e| io(out, e.error()))?;
        beside.finish().map_err(refused)?;
        Ok(total)
    })();
    written.map(|rows| (rows, summary))
}

/// Opens a shard's file: a regular file only (a pipe or a device given by mistake is refused,
/// not read forever).
fn open(path: &Path) -> Result<File, Msg> {
    crate::platform::files::open_regular(path)
        .map_err(|e| crate::diagnostics::refused_file(path, &e))
}

fn reopen(path: &Path) -> Result<Input, Msg> {
    let f = open(path)?;
    let mut lines = BufReader::new(f).lines();
    // Past the header (already checked).
    let _ = lines.next();
    Ok(Input {
        path: path.to_path_buf(),
        lines,
        line: 1,
        head: None,
        last: None,
    })
}
