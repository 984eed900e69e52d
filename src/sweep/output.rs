//! Running a sweep's runs on a pool of threads and writing their rows in the list's order.
//!
//! Workers take runs in list order from a shared counter; the writer keeps the rows that finish
//! early until the rows before them are written, so the file is the same whatever the thread
//! count. The rows go to `OUT.unfinished` beside the file asked for, which replaces `OUT` (one
//! rename) only once the sweep is whole, so stopping a sweep never costs the results `OUT` held.
//! Each row is written whole, so an interrupted sweep (Ctrl-C, a killed job) leaves whole rows,
//! the first ones of the list. Beside them, `OUT.partial` says which sweep they belong to, what is
//! missing and a hash of the rows written; `--resume` reads both, checks that they belong to the
//! sweep asked for and that no row was edited since (the rows the sidecar vouches for by their
//! hash, the others by running them again), drops a torn last line if
//! there is one, and runs the rest into the file an uninterrupted sweep would have written. The
//! sidecar is removed when the sweep completes.

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
    /// FNV-1a (hex) of the bytes of the first `rows_written` rows, newlines included: what lets
    /// `--resume` tell the rows the sweep wrote from rows edited since.
    #[serde(default)]
    pub rows_hash: Option<String>,
    /// For a person reading the file.
    pub note: String,
}

/// The sidecar's path: `OUT.partial`.
pub fn partial_path(out: &Path) -> PathBuf {
    let mut name = out.as_os_str().to_os_string();
    name.push(".partial");
    PathBuf::from(name)
}

/// Where a sweep writes its rows until it is whole: `OUT.unfinished`, beside `OUT` (same folder,
/// so the last step is a rename, never a copy). `OUT` itself is replaced only by a whole sweep.
pub fn unfinished_path(out: &Path) -> PathBuf {
    let mut name = out.as_os_str().to_os_string();
    name.push(".unfinished");
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

/// What `--resume` found: how many rows are kept, in which file, and their hash so far.
struct Kept {
    rows: u64,
    file: PathBuf,
    hash: u64,
}

impl FileRun<'_> {
    /// Runs the sweep (or what is missing of it) into the file; `progress` hears each row, and
    /// `summary` every row in the file, old and new.
    ///
    /// The rows go to [`unfinished_path`] beside `out`, which is renamed over `out` only once
    /// every row is there: a sweep stopped (Ctrl-C, a killed job, a full disk) leaves whatever
    /// `out` held before untouched, and its own rows and sidecar for `--resume`.
    pub fn run(
        &self,
        summary: &mut Summary,
        progress: &mut dyn FnMut(Progress),
    ) -> Result<Outcome, Msg> {
        let total = self.shard.len(self.sweep.runs());
        let header = self.sweep.header();
        let sidecar = partial_path(self.out);
        let rows_file = unfinished_path(self.out);
        let kept = if self.resume {
            self.resume_from(&header, summary)?
        } else {
            // A new sweep: an old unfinished one beside it is dropped, not resumed.
            if std::fs::symlink_metadata(&rows_file).is_ok() {
                std::fs::remove_file(&rows_file).map_err(|e| io(&rows_file, e))?;
            }
            let _ = std::fs::remove_file(&sidecar);
            // `create_new`: made by this sweep, never an existing file or a link's target.
            let mut f = OpenOptions::new()
                .write(true)
                .create_new(true)
                .open(&rows_file)
                .map_err(|e| io(&rows_file, e))?;
            f.write_all(csv_line(&header).as_bytes())
                .map_err(|e| io(&rows_file, e))?;
            Kept {
                rows: 0,
                file: rows_file.clone(),
                hash: crate::hash::FNV1A_START,
            }
        };
        let done = kept.rows;
        let mut hash = kept.hash;
        if done == total {
            self.complete(&kept.file)?;
            return Ok(Outcome::Finished { rows: total });
        }
        self.write_partial(done, total, hash)?;
        let mut file = OpenOptions::new()
            .append(true)
            .open(&kept.file)
            .map_err(|e| io(&kept.file, e))?;
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
                let line = csv_line(&row);
                file.write_all(line.as_bytes())
                    .map_err(|e| io(&kept.file, e))?;
                hash = crate::hash::fnv1a_more(hash, line.as_bytes());
                summary.add(&row);
                written += 1;
                progress(Progress {
                    done: written,
                    total,
                });
                if last_note.elapsed() > Duration::from_secs(2) {
                    last_note = Instant::now();
                    file.flush().map_err(|e| io(&kept.file, e))?;
                    self.write_partial(written, total, hash)?;
                }
                Ok(())
            },
        );
        file.flush().map_err(|e| io(&kept.file, e))?;
        drop(file);
        match result {
            Ok(_) if written == total => {
                self.complete(&kept.file)?;
                Ok(Outcome::Finished { rows: written })
            }
            Ok(_) => {
                self.write_partial(written, total, hash)?;
                Ok(Outcome::Stopped {
                    rows: written,
                    missing: total - written,
                })
            }
            Err(e) => {
                let _ = self.write_partial(written, total, hash);
                Err(e)
            }
        }
    }

    /// The whole sweep in `rows`: made `out` (one rename), and the sidecar removed.
    fn complete(&self, rows: &Path) -> Result<(), Msg> {
        if rows != self.out {
            std::fs::rename(rows, self.out).map_err(|e| self.io(e))?;
        }
        let _ = std::fs::remove_file(partial_path(self.out));
        Ok(())
    }

    fn io(&self, e: impl std::fmt::Display) -> Msg {
        io(self.out, e)
    }

    fn write_partial(&self, written: u64, total: u64, hash: u64) -> Result<(), Msg> {
        let next_run = self.shard.runs(self.sweep.runs()).nth(written as usize);
        let p = Partial {
            sweep: self.sweep.id().to_string(),
            runs: self.sweep.runs(),
            shard: self.shard.text(),
            rows_written: written,
            rows_missing: total - written,
            next_run,
            rows_hash: Some(format!("{hash:016x}")),
            note: format!(
                "{} holds the first {written} of {total} rows; run the same sweep with --resume to finish it",
                unfinished_path(self.out).display()
            ),
        };
        let text = ron::ser::to_string_pretty(&p, ron::ser::PrettyConfig::default())
            .map_err(|e| Msg::Text(e.to_string()))?;
        let path = partial_path(self.out);
        crate::headless::files::write_atomic(&path, text.as_bytes())
            .map_err(|e| msg!("sweep-io", file = path.display(), error = e.to_string()))
    }

    /// Checks the rows kept and their sidecar against this sweep, cuts a torn last line, and
    /// returns how many whole rows there are (each also handed to `summary`).
    ///
    /// A row edited by hand would pass for the sweep's own and end up in its results, so the kept
    /// rows are checked, not trusted: the sidecar holds a hash of the rows it vouches for (every
    /// row written until two seconds or less before the sweep stopped), and the rows after those
    /// (written but not yet vouched for) are run again and compared byte for byte. Rows are the
    /// same bytes on any machine and thread count, so any difference is an edit. When the hash
    /// differs, the vouched rows are run again in order until the first that differs, which the
    /// refusal names (the check costs at most the time the sweep took to write them).
    fn resume_from(&self, header: &[String], summary: &mut Summary) -> Result<Kept, Msg> {
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
        // With a sidecar the rows are in the unfinished file; without one, only a finished
        // sweep's own file can be "resumed" (there is nothing to do).
        let path = if partial.is_some() {
            unfinished_path(self.out)
        } else {
            self.out.to_path_buf()
        };
        let meta = std::fs::symlink_metadata(&path).map_err(|e| io(&path, e))?;
        if !meta.is_file() {
            return Err(msg!("sweep-not-a-file", file = path.display()));
        }
        let file = File::open(&path).map_err(|e| io(&path, e))?;
        let mut reader = BufReader::new(file);
        let mut line = String::new();
        let mut keep: u64 = 0;
        let mut rows: u64 = 0;
        let mut expected = self.shard.runs(self.sweep.runs());
        let mut number = 0usize;
        let mut hash = crate::hash::FNV1A_START;
        let vouched = partial.as_ref().map_or(0, |p| p.rows_written);
        let mut hash_of_vouched = (vouched == 0).then_some(hash);
        loop {
            line.clear();
            let n = reader.read_line(&mut line).map_err(|e| io(&path, e))?;
            if n == 0 || !line.ends_with('\n') {
                break; // The end, or a torn last line (dropped).
            }
            number += 1;
            let cells = split_line(line.trim_end_matches(['\n', '\r']));
            if number == 1 {
                if cells != header {
                    return Err(msg!("sweep-resume-header", file = path.display()));
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
                        file = path.display(),
                        line = number
                    ));
                }
                summary.add(&cells);
                rows += 1;
                hash = crate::hash::fnv1a_more(hash, line.as_bytes());
                if rows == vouched {
                    hash_of_vouched = Some(hash);
                }
            }
            keep += n as u64;
        }
        if number == 0 {
            return Err(msg!("sweep-resume-header", file = path.display()));
        }
        let Some(p) = &partial else {
            if rows != total {
                return Err(msg!("sweep-resume-no-sidecar", file = sidecar.display()));
            }
            return Ok(Kept {
                rows,
                file: path,
                hash,
            });
        };
        let Some(hash_of_vouched) = hash_of_vouched else {
            return Err(msg!(
                "sweep-resume-fewer-rows",
                file = path.display(),
                rows = rows,
                sidecar = sidecar.display(),
                vouched = vouched
            ));
        };
        // Rows the sidecar vouches for, by their hash (rows from before the hash was kept are
        // all run again).
        let hash_ok = p
            .rows_hash
            .as_ref()
            .is_some_and(|h| *h == format!("{hash_of_vouched:016x}"));
        if !hash_ok {
            self.check_rows(&path, 0, vouched)?;
        }
        // Rows written after the sidecar last spoke.
        self.check_rows(&path, vouched, rows)?;
        // Cut a torn last line, so the rows to come follow whole ones.
        let f = OpenOptions::new()
            .write(true)
            .open(&path)
            .map_err(|e| io(&path, e))?;
        f.set_len(keep).map_err(|e| io(&path, e))?;
        Ok(Kept {
            rows,
            file: path,
            hash,
        })
    }

    /// Runs positions `from..to` of this shard again and compares each row with the file's
    /// (line `position + 2`: after the header); the first that differs is refused, by its line
    /// and run.
    fn check_rows(&self, path: &Path, from: u64, to: u64) -> Result<(), Msg> {
        if from >= to {
            return Ok(());
        }
        let file = File::open(path).map_err(|e| io(path, e))?;
        let mut reader = BufReader::new(file);
        let mut line = String::new();
        for _ in 0..=from {
            line.clear();
            reader.read_line(&mut line).map_err(|e| io(path, e))?;
        }
        let enough = AtomicBool::new(false);
        let mut at = from;
        run_in_order(
            self.sweep,
            self.shard,
            from,
            self.threads,
            &enough,
            |run, row| {
                if at >= to {
                    return Ok(());
                }
                line.clear();
                reader.read_line(&mut line).map_err(|e| io(path, e))?;
                if line != csv_line(&row) {
                    return Err(msg!(
                        "sweep-resume-edited",
                        file = path.display(),
                        line = at + 2,
                        run = run
                    ));
                }
                at += 1;
                if at >= to || self.stop.load(Ordering::Relaxed) {
                    enough.store(true, Ordering::Relaxed);
                }
                Ok(())
            },
        )?;
        if at < to {
            return Err(msg!("sweep-resume-check-stopped", file = path.display()));
        }
        Ok(())
    }
}

fn io(file: &Path, e: impl std::fmt::Display) -> Msg {
    msg!("sweep-io", file = file.display(), error = e.to_string())
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
