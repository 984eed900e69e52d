//! Running a sweep's runs on a pool of threads and writing their rows in the list's order.
//!
//! Workers take runs in list order from a shared counter; the writer keeps the rows that finish
//! early until the rows before them are written, so the file is the same whatever the thread
//! count. Each row is written whole and flushed, so an interrupted sweep (Ctrl-C, a killed job)
//! leaves a file of whole rows, the first ones of the list. Beside it, `OUT.partial` says which
//! sweep the file belongs to and what is missing; `--resume` reads both, checks that they belong
//! to the sweep asked for, drops a torn last line if there is one, and runs the rest into the file
//! an uninterrupted sweep would have written. The sidecar is removed when the sweep completes.

use std::collections::BTreeMap;
use std::fs::{File, OpenOptions};
use std::io::{BufRead, BufReader, Write as _};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};
use std::sync::mpsc;
use std::time::{Duration, Instant};

use serde::{Deserialize, Serialize};

use crate::diagnostics::Msg;
use crate::msg;

use super::summary::Summary;
use super::{Shard, Sweep};

/// How far a sweep has come: rows written of the rows it has to write.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Progress {
    pub done: u64,
    pub total: u64,
}

/// How a sweep into a file ended.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Outcome {
    /// Every row of the shard is in the file.
    Finished { rows: u64 },
    /// Stopped (Ctrl-C): the first `rows` rows are in the file, `missing` are not.
    Stopped { rows: u64, missing: u64 },
}

/// The sidecar of an unfinished sweep's file.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Partial {
    /// The sweep the file belongs to (the `sweep` column).
    pub sweep: String,
    /// Runs in the whole sweep.
    pub runs: u64,
    /// Which slice of them this file holds (`K/N`; `1/1` for the whole sweep).
    pub shard: String,
    /// Rows written to the file so far (the file itself is the truth: this may lag behind it).
    pub rows_written: u64,
    /// Rows still missing.
    pub rows_missing: u64,
    /// The first run not yet written, if any.
    pub next_run: Option<u64>,
    /// For a person reading the file.
    pub note: String,
}

/// The sidecar's path: `OUT.partial`.
pub fn partial_path(out: &Path) -> PathBuf {
    let mut name = out.as_os_str().to_os_string();
    name.push(".partial");
    PathBuf::from(name)
}

/// Runs this shard's runs from position `from` (0 = its first run) on `threads` threads, handing
/// each row to `sink` in list order with its run number. Stops taking new runs once `stop` is
/// set; rows that finished after a gap are then dropped (a resume runs them again). Returns how
/// many rows `sink` took.
pub fn run_in_order(
    sweep: &Sweep,
    shard: Shard,
    from: u64,
    threads: usize,
    stop: &AtomicBool,
    mut sink: impl FnMut(u64, Vec<String>) -> Result<(), Msg>,
) -> Result<u64, Msg> {
    let len = shard.len(sweep.runs());
    if from >= len {
        return Ok(0);
    }
    let threads = threads.max(1);
    let pool = rayon::ThreadPoolBuilder::new()
        .num_threads(threads)
        .thread_name(|i| format!("sweep-{i}"))
        .build()
        .map_err(|e| Msg::Text(e.to_string()))?;
    let next = AtomicU64::new(from);
    let failed = AtomicBool::new(false);
    let (tx, rx) = mpsc::sync_channel::<(u64, Vec<String>)>(threads * 4);
    let run_of = |position: u64| shard.index + position * shard.count;
    pool.in_place_scope(|scope| {
        for _ in 0..threads {
            let tx = tx.clone();
            let (next, failed) = (&next, &failed);
            scope.spawn(move |_| {
                while !stop.load(Ordering::Relaxed) && !failed.load(Ordering::Relaxed) {
                    let position = next.fetch_add(1, Ordering::Relaxed);
                    if position >= len {
                        break;
                    }
                    let row = sweep.run(run_of(position));
                    if tx.send((position, row)).is_err() {
                        break;
                    }
                }
            });
        }
        drop(tx);
        let mut waiting: BTreeMap<u64, Vec<String>> = BTreeMap::new();
        let mut expected = from;
        for (position, row) in rx {
            waiting.insert(position, row);
            while let Some(row) = waiting.remove(&expected) {
                if let Err(e) = sink(run_of(expected), row) {
                    failed.store(true, Ordering::Relaxed);
                    return Err(e);
                }
                expected += 1;
            }
        }
        Ok(expected - from)
    })
}

/// Where a sweep's CSV goes, and what to tell the person watching.
pub struct FileRun<'a> {
    pub sweep: &'a Sweep,
    pub shard: Shard,
    pub threads: usize,
    pub out: &'a Path,
    /// Continue an interrupted sweep into `out` instead of starting again.
    pub resume: bool,
    pub stop: &'a AtomicBool,
}

impl FileRun<'_> {
    /// Runs the sweep (or what is missing of it) into the file; `progress` hears each row, and
    /// `summary` every row in the file, old and new.
    pub fn run(
        &self,
        summary: &mut Summary,
        progress: &mut dyn FnMut(Progress),
    ) -> Result<Outcome, Msg> {
        let total = self.shard.len(self.sweep.runs());
        let header = self.sweep.header();
        let sidecar = partial_path(self.out);
        let done = if self.resume {
            self.resume_from(&header, summary)?
        } else {
            let mut f = File::create(self.out).map_err(|e| self.io(e))?;
            f.write_all(csv_line(&header).as_bytes())
                .map_err(|e| self.io(e))?;
            0
        };
        if done == total {
            let _ = std::fs::remove_file(&sidecar);
            return Ok(Outcome::Finished { rows: total });
        }
        self.write_partial(done, total)?;
        let mut file = OpenOptions::new()
            .append(true)
            .open(self.out)
            .map_err(|e| self.io(e))?;
        let mut written = done;
        let mut last_note = Instant::now();
        progress(Progress {
            done: written,
            total,
        });
        let result = run_in_order(
            self.sweep,
            self.shard,
            done,
            self.threads,
            self.stop,
            |_, row| {
                // One write per row, so a row is on disk whole or not at all.
                file.write_all(csv_line(&row).as_bytes())
                    .map_err(|e| self.io(e))?;
                summary.add(&row);
                written += 1;
                progress(Progress {
                    done: written,
                    total,
                });
                if last_note.elapsed() > Duration::from_secs(2) {
                    last_note = Instant::now();
                    self.write_partial(written, total)?;
                }
                Ok(())
            },
        );
        file.flush().map_err(|e| self.io(e))?;
        drop(file);
        match result {
            Ok(_) if written == total => {
                let _ = std::fs::remove_file(&sidecar);
                Ok(Outcome::Finished { rows: written })
            }
            Ok(_) => {
                self.write_partial(written, total)?;
                Ok(Outcome::Stopped {
                    rows: written,
                    missing: total - written,
                })
            }
            Err(e) => {
                let _ = self.write_partial(written, total);
                Err(e)
            }
        }
    }

    fn io(&self, e: impl std::fmt::Display) -> Msg {
        msg!("sweep-io", file = self.out.display(), error = e.to_string())
    }

    fn write_partial(&self, written: u64, total: u64) -> Result<(), Msg> {
        let next_run = self.shard.runs(self.sweep.runs()).nth(written as usize);
        let p = Partial {
            sweep: self.sweep.id().to_string(),
            runs: self.sweep.runs(),
            shard: self.shard.text(),
            rows_written: written,
            rows_missing: total - written,
            next_run,
            note: format!(
                "{} holds the first {written} of {total} rows; run the same sweep with --resume to finish it",
                self.out.display()
            ),
        };
        let text = ron::ser::to_string_pretty(&p, ron::ser::PrettyConfig::default())
            .map_err(|e| Msg::Text(e.to_string()))?;
        let path = partial_path(self.out);
        crate::headless::files::write_atomic(&path, text.as_bytes())
            .map_err(|e| msg!("sweep-io", file = path.display(), error = e.to_string()))
    }

    /// Checks the file and its sidecar against this sweep, cuts a torn last line, and returns how
    /// many whole rows the file holds (each also handed to `summary`).
    fn resume_from(&self, header: &[String], summary: &mut Summary) -> Result<u64, Msg> {
        let sidecar = partial_path(self.out);
        let total = self.shard.len(self.sweep.runs());
        let partial = match std::fs::read_to_string(&sidecar) {
            Ok(text) => Some(ron::from_str::<Partial>(&text).map_err(|e| {
                msg!(
                    "sweep-resume-bad-sidecar",
                    file = sidecar.display(),
                    error = e.to_string()
                )
            })?),
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => None,
            Err(e) => {
                return Err(msg!(
                    "sweep-io",
                    file = sidecar.display(),
                    error = e.to_string()
                ));
            }
        };
        if let Some(p) = &partial
            && (p.sweep != self.sweep.id() || p.shard != self.shard.text())
        {
            return Err(msg!(
                "sweep-resume-other",
                file = sidecar.display(),
                theirs = format!("{} {}", p.sweep, p.shard),
                ours = format!("{} {}", self.sweep.id(), self.shard.text())
            ));
        }
        let file = File::open(self.out).map_err(|e| self.io(e))?;
        let mut reader = BufReader::new(file);
        let mut line = String::new();
        let mut keep: u64 = 0;
        let mut rows: u64 = 0;
        let mut expected = self.shard.runs(self.sweep.runs());
        let mut number = 0usize;
        loop {
            line.clear();
            let n = reader.read_line(&mut line).map_err(|e| self.io(e))?;
            if n == 0 || !line.ends_with('\n') {
                break; // The end, or a torn last line (dropped).
            }
            number += 1;
            let cells = split_line(line.trim_end_matches(['\n', '\r']));
            if number == 1 {
                if cells != header {
                    return Err(msg!("sweep-resume-header", file = self.out.display()));
                }
            } else {
                let want = expected.next();
                let run = cells.get(1).and_then(|r| r.parse::<u64>().ok());
                if cells.first().map(String::as_str) != Some(self.sweep.id())
                    || run.is_none()
                    || run != want
                    || cells.len() != header.len()
                {
                    return Err(msg!(
                        "sweep-resume-row",
                        file = self.out.display(),
                        line = number
                    ));
                }
                summary.add(&cells);
                rows += 1;
            }
            keep += n as u64;
        }
        if number == 0 {
            return Err(msg!("sweep-resume-header", file = self.out.display()));
        }
        if partial.is_none() && rows != total {
            return Err(msg!("sweep-resume-no-sidecar", file = sidecar.display()));
        }
        // Cut a torn last line, so the rows to come follow whole ones.
        let f = OpenOptions::new()
            .write(true)
            .open(self.out)
            .map_err(|e| self.io(e))?;
        f.set_len(keep).map_err(|e| self.io(e))?;
        Ok(rows)
    }
}

/// A CSV line (with its newline) of these cells.
pub fn csv_line(cells: &[String]) -> String {
    let mut w = csv::WriterBuilder::new()
        .terminator(csv::Terminator::Any(b'\n'))
        .from_writer(Vec::new());
    // Writing to memory cannot fail.
    let _ = w.write_record(cells);
    String::from_utf8(w.into_inner().unwrap_or_default()).unwrap_or_default()
}

/// The cells of one CSV line (as [`csv_line`] writes them).
pub fn split_line(line: &str) -> Vec<String> {
    let mut r = csv::ReaderBuilder::new()
        .has_headers(false)
        .from_reader(line.as_bytes());
    r.records()
        .next()
        .and_then(Result::ok)
        .map(|rec| rec.iter().map(str::to_string).collect())
        .unwrap_or_default()
}
