//! Sweeps as a user runs them: the same file whatever the thread count, shards merged into the
//! file one machine writes, an interrupted sweep resumed into that same file, `--shard auto` from
//! a scheduler's environment, and clear errors for bad input.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::{Duration, Instant};

use customer_first::bundle;
use customer_first::scenario::Scenario;
use customer_first::sweep::output::{FileRun, Outcome, partial_path, unfinished_path};
use customer_first::sweep::summary::Summary;
use customer_first::sweep::{Plan, Shard, Sweep, Vary};

fn bin() -> Command {
    let mut c = Command::new(env!("CARGO_BIN_EXE_customer-first"));
    c.current_dir(env!("CARGO_MANIFEST_DIR"));
    c.env("LC_ALL", "C");
    for v in [
        "SLURM_ARRAY_TASK_ID",
        "SLURM_ARRAY_TASK_COUNT",
        "SLURM_ARRAY_TASK_MIN",
        "JOB_COMPLETION_INDEX",
    ] {
        c.env_remove(v);
    }
    c
}

fn scratch(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("customer-first-sweep-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    dir.join(name)
}

/// A small sweep: 3 prices × 2 service levels × 2 seeds, 40 days.
const SMALL: [&str; 8] = [
    "--vary",
    "price=0.9..1.1:0.1",
    "--vary",
    "service_level=task,obsession",
    "--seeds",
    "2",
    "--days",
    "40",
];

fn sweep(out: &Path, extra: &[&str]) -> Output {
    bin()
        .arg("sweep")
        .args(SMALL)
        .arg("--out")
        .arg(out)
        .args(extra)
        .output()
        .unwrap()
}

fn ok(o: &Output) {
    assert!(
        o.status.success(),
        "exit {:?}\n{}",
        o.status.code(),
        String::from_utf8_lossy(&o.stderr)
    );
}

fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

fn read(p: &Path) -> String {
    std::fs::read_to_string(p).unwrap()
}

#[test]
fn the_file_is_the_same_on_one_thread_and_on_two() {
    let (one, two) = (scratch("one.csv"), scratch("two.csv"));
    ok(&sweep(&one, &["--threads", "1"]));
    let o = sweep(&two, &["--threads", "2"]);
    ok(&o);
    let text = read(&one);
    assert_eq!(text, read(&two));
    // A header and one row per run, in list order, each of the sweep.
    let lines: Vec<&str> = text.lines().collect();
    assert_eq!(lines.len(), 1 + 3 * 2 * 2);
    assert!(lines[0].starts_with("sweep,run,runs,seed,price,service_level,days,end,"));
    for (i, l) in lines[1..].iter().enumerate() {
        let cells: Vec<&str> = l.split(',').collect();
        assert_eq!(cells[1], i.to_string());
        assert_eq!(cells[2], "12");
    }
    assert!(lines[1].contains(",0.9,Task,"), "{}", lines[1]);
    assert!(lines[12].contains(",1.1,Obsession,"), "{}", lines[12]);
    // Different prices give different worlds (the value reached the model).
    let revenue = |l: &str| l.split(',').nth(27).unwrap().to_string();
    assert_ne!(revenue(lines[1]), revenue(lines[9]));
    // The table of means: one line per combination, under a heading.
    let table = String::from_utf8_lossy(&o.stdout);
    assert!(table.contains("retention 90d %"), "{table}");
    assert!(table.contains("Customer obsession"), "{table}");
    assert_eq!(
        table.lines().filter(|l| l.contains(" ± ")).count(),
        6,
        "{table}"
    );
}

#[test]
fn three_shards_merge_into_the_file_one_machine_writes() {
    let whole = scratch("whole.csv");
    ok(&sweep(&whole, &[]));
    let shards: Vec<PathBuf> = (1..=3)
        .map(|k| {
            let p = scratch(&format!("shard{k}.csv"));
            ok(&sweep(&p, &["--shard", &format!("{k}/3")]));
            p
        })
        .collect();
    let merged = scratch("merged.csv");
    let o = bin()
        .args(["sweep", "merge"])
        .arg(&merged)
        .args(&shards)
        .output()
        .unwrap();
    ok(&o);
    assert_eq!(read(&merged), read(&whole));

    // A shard missing, or one given twice: a clear error, and no file written.
    let bad = scratch("bad.csv");
    let o = bin()
        .args(["sweep", "merge"])
        .arg(&bad)
        .args(&shards[..2])
        .output()
        .unwrap();
    assert_eq!(o.status.code(), Some(2));
    assert!(
        stderr(&o).contains("4 of 12 runs are missing (2, 5, 8, 11)"),
        "{}",
        stderr(&o)
    );
    assert!(!bad.exists());
    let o = bin()
        .args(["sweep", "merge"])
        .arg(&bad)
        .args([&shards[0], &shards[1], &shards[2], &shards[1]])
        .output()
        .unwrap();
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("is in both"), "{}", stderr(&o));
    assert!(!bad.exists());

    // A shard of another sweep (other seeds) is refused.
    let other = scratch("other.csv");
    ok(&sweep(&other, &["--shard", "3/3", "--seed", "5"]));
    let o = bin()
        .args(["sweep", "merge"])
        .arg(&bad)
        .args([&shards[0], &shards[1], &other])
        .output()
        .unwrap();
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("a row of sweep"), "{}", stderr(&o));
}

#[test]
fn shard_auto_reads_slurm_and_kubernetes() {
    let (slurm, second) = (scratch("slurm.csv"), scratch("second.csv"));
    ok(&sweep(&second, &["--shard", "2/3"]));
    let o = bin()
        .arg("sweep")
        .args(SMALL)
        .arg("--out")
        .arg(&slurm)
        .args(["--shard", "auto"])
        .env("SLURM_ARRAY_TASK_ID", "1")
        .env("SLURM_ARRAY_TASK_COUNT", "3")
        .output()
        .unwrap();
    ok(&o);
    assert_eq!(read(&slurm), read(&second));

    let (k8s, third) = (scratch("k8s.csv"), scratch("third.csv"));
    ok(&sweep(&third, &["--shard", "3/3"]));
    let o = bin()
        .arg("sweep")
        .args(SMALL)
        .arg("--out")
        .arg(&k8s)
        .args(["--shard", "auto/3"])
        .env("JOB_COMPLETION_INDEX", "2")
        .output()
        .unwrap();
    ok(&o);
    assert_eq!(read(&k8s), read(&third));

    // Without the count, Kubernetes' index alone is not enough; without either, neither.
    let o = bin()
        .arg("sweep")
        .args(SMALL)
        .arg("--out")
        .arg(scratch("none.csv"))
        .args(["--shard", "auto"])
        .env("JOB_COMPLETION_INDEX", "2")
        .output()
        .unwrap();
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("--shard auto/N"), "{}", stderr(&o));
}

#[test]
fn bad_vary_inputs_get_clear_errors() {
    let out = scratch("never.csv");
    for (vary, says) in [
        ("prize=0.8..1.2:0.1", "did you mean price"),
        ("price", "expected NAME=FROM..TO:STEP"),
        ("price=1.2..0.8:0.1", "is empty"),
        ("price=0.8..1.2:0", "the step must be above 0"),
        ("staff=2..4:0.5", "takes whole numbers"),
        (
            "service_level=task,luxury",
            "is not one of Task, Extra, Obsession",
        ),
        ("price=0.01..0.2:0.01", "price 0.01 is outside"),
        (
            "segments[7].share=0.1",
            "segments[7].share is not in this scenario",
        ),
        ("briefing=a,b", "cannot be varied"),
    ] {
        let o = bin()
            .args(["sweep", "--vary", vary, "--out"])
            .arg(&out)
            .output()
            .unwrap();
        assert_eq!(o.status.code(), Some(2), "{vary}: {}", stderr(&o));
        let e = stderr(&o);
        assert!(e.contains("--vary") && e.contains(says), "{vary}: {e}");
        assert!(!e.contains("panicked"), "{e}");
    }
    assert!(!out.exists());
}

fn cafe_plan(seeds: u32, days: u32) -> Sweep {
    let s = Scenario::from_ron(
        Path::new(bundle::CAFE.scenario.path),
        bundle::CAFE.scenario.text,
    )
    .unwrap();
    let varies = vec![Vary::parse("staff=4..6", &s).unwrap()];
    Sweep::new(
        Plan {
            file: PathBuf::from(bundle::CAFE.scenario.path),
            first_seed: s.seed,
            scenario: s,
            policy: None,
            deck: None,
            varies,
            seeds,
            days,
        },
        customer_first::i18n::Lang::En,
    )
    .unwrap()
}

/// Runs `sweep` into `out` as the command does, stopping once `stop_after` rows are written.
fn file_run(sweep: &Sweep, out: &Path, resume: bool, stop_after: Option<u64>) -> Outcome {
    let stop = AtomicBool::new(false);
    file_run_result(sweep, out, resume, stop_after, &stop).unwrap()
}

fn file_run_result(
    sweep: &Sweep,
    out: &Path,
    resume: bool,
    stop_after: Option<u64>,
    stop: &AtomicBool,
) -> Result<Outcome, String> {
    let mut summary = Summary::new(&sweep.header());
    stop.store(false, Ordering::SeqCst);
    FileRun {
        sweep,
        shard: Shard::ALL,
        threads: 2,
        out,
        resume,
        stop,
    }
    .run(&mut summary, &mut |p| {
        if stop_after.is_some_and(|n| p.done >= n) {
            stop.store(true, Ordering::SeqCst);
        }
    })
    .map_err(|e| e.render(customer_first::i18n::Lang::En))
}

/// Stopped after a few rows (as Ctrl-C stops it), a sweep leaves whole rows and a sidecar beside
/// the file asked for, and that file as it was; a torn last line (a killed job) is cut; resumed,
/// the file is the uninterrupted sweep's.
#[test]
fn a_stopped_sweep_resumes_into_the_identical_file() {
    let sweep = cafe_plan(3, 30);
    let whole = scratch("lib-whole.csv");
    assert_eq!(
        file_run(&sweep, &whole, false, None),
        Outcome::Finished { rows: 9 }
    );
    assert!(!partial_path(&whole).exists());
    assert!(!unfinished_path(&whole).exists());

    let cut = scratch("lib-cut.csv");
    // The results of an earlier sweep, which a new one must not lose until it is whole.
    std::fs::write(&cut, "the results of last week\n").unwrap();
    let Outcome::Stopped { rows, missing } = file_run(&sweep, &cut, false, Some(2)) else {
        panic!("the sweep did not stop");
    };
    assert!(
        rows >= 2 && rows + missing == 9 && missing > 0,
        "{rows} {missing}"
    );
    assert_eq!(read(&cut), "the results of last week\n");
    let rows_file = unfinished_path(&cut);
    let text = read(&rows_file);
    assert!(text.ends_with('\n'));
    assert_eq!(text.lines().count() as u64, 1 + rows);
    assert!(read(&whole).starts_with(&text));
    let sidecar = read(&partial_path(&cut));
    assert!(
        sidecar.contains(&format!("rows_missing: {missing}")),
        "{sidecar}"
    );
    // A torn line, as a killed process might leave.
    std::fs::write(&rows_file, format!("{text}{}", "ab12,3,9,2026112")).unwrap();
    assert_eq!(
        file_run(&sweep, &cut, true, None),
        Outcome::Finished { rows: 9 }
    );
    assert_eq!(read(&cut), read(&whole));
    assert!(!partial_path(&cut).exists());
    assert!(!rows_file.exists());
}

/// A row changed by hand after the sweep stopped is found on `--resume`, whether the sidecar
/// vouched for it (its hash) or it was written after the sidecar last spoke (run again), and the
/// refusal names its line; nothing is resumed.
#[test]
fn resume_refuses_a_row_edited_by_hand() {
    let sweep = cafe_plan(3, 30);
    for (case, forget_the_hash) in [("vouched", false), ("unvouched", true)] {
        let out = scratch(&format!("lib-edited-{case}.csv"));
        let Outcome::Stopped { rows, .. } = file_run(&sweep, &out, false, Some(3)) else {
            panic!("the sweep did not stop");
        };
        assert!(rows >= 3);
        let rows_file = unfinished_path(&out);
        let text = read(&rows_file);
        // Line 3 (the second row): its customers count, one more.
        let mut lines: Vec<String> = text.lines().map(str::to_string).collect();
        let mut cells: Vec<String> = lines[2].split(',').map(str::to_string).collect();
        let at = sweep
            .header()
            .iter()
            .position(|h| h == "customers")
            .unwrap();
        cells[at] = (cells[at].parse::<u64>().unwrap() + 1).to_string();
        lines[2] = cells.join(",");
        std::fs::write(&rows_file, lines.join("\n") + "\n").unwrap();
        if forget_the_hash {
            // As if killed before the sidecar heard of any row: every row is run again.
            let sidecar = partial_path(&out);
            let side = read(&sidecar)
                .lines()
                .filter(|l| !l.contains("rows_hash"))
                .map(|l| {
                    if l.trim_start().starts_with("rows_written") {
                        "    rows_written: 0,".to_string()
                    } else {
                        l.to_string()
                    }
                })
                .collect::<Vec<_>>()
                .join("\n");
            std::fs::write(&sidecar, side).unwrap();
        }
        let stop = AtomicBool::new(false);
        let e = file_run_result(&sweep, &out, true, None, &stop).unwrap_err();
        assert!(
            e.contains("line 3") && e.contains("not the row this sweep wrote"),
            "{case}: {e}"
        );
        assert!(!out.exists(), "{case}: an edited sweep was finished");
    }
}

/// A sweep too big for memory is refused at once, saying how much it would need; so is a
/// thread count far beyond the cores, naming --threads and the cap.
#[test]
fn sweeps_beyond_the_machine_are_refused_before_any_work() {
    let out = scratch("huge.csv");
    let started = Instant::now();
    let o = bin()
        .args([
            "sweep",
            "--vary",
            "price=0.5..1.4799:0.0001",
            "--vary",
            "wage=0.5..1.4799:0.0001",
            "--out",
        ])
        .arg(&out)
        .output()
        .unwrap();
    let e = stderr(&o);
    assert_eq!(o.status.code(), Some(2), "{e}");
    assert!(
        e.contains("96040000 combinations would need about") && e.contains("GB of memory"),
        "{e}"
    );
    assert!(e.contains("--vary"), "{e}");
    assert!(started.elapsed() < Duration::from_secs(60));
    assert!(!out.exists());

    let cores = std::thread::available_parallelism().map_or(1, |n| n.get());
    let o = sweep(&out, &["--threads", "100000"]);
    let e = stderr(&o);
    assert_eq!(o.status.code(), Some(2), "{e}");
    assert!(
        e.contains("--threads") && e.contains(&format!("more than {}", 4 * cores)),
        "{e}"
    );
    assert!(!out.exists());
    ok(&sweep(&out, &["--threads", &(4 * cores).to_string()]));
}

/// A Slurm task numbered below its array's first is named as such (not as a bad number).
#[test]
fn a_slurm_task_below_the_arrays_minimum_is_named() {
    let o = bin()
        .arg("sweep")
        .args(SMALL)
        .arg("--out")
        .arg(scratch("below.csv"))
        .args(["--shard", "auto"])
        .env("SLURM_ARRAY_TASK_ID", "0")
        .env("SLURM_ARRAY_TASK_MIN", "1")
        .env("SLURM_ARRAY_TASK_COUNT", "3")
        .output()
        .unwrap();
    let e = stderr(&o);
    assert_eq!(o.status.code(), Some(2), "{e}");
    assert!(
        e.contains("--shard")
            && e.contains("below the array's first task SLURM_ARRAY_TASK_MIN = 1"),
        "{e}"
    );
}

/// The real thing: SIGINT to a running sweep, exit code 130, whole rows, and `--resume`.
#[cfg(unix)]
#[test]
fn ctrl_c_leaves_whole_rows_and_resume_finishes_them() {
    let args = [
        "sweep",
        "--vary",
        "price=0.5..1.5:0.05",
        // Long enough (168 year-long runs, seconds on two threads) that the sweep is still
        // running when the signal comes, even on a machine busy with other work.
        "--seeds",
        "8",
        "--days",
        "365",
        "--threads",
        "2",
    ];
    let out = scratch("interrupted.csv");
    let mut child = bin()
        .args(args)
        .arg("--out")
        .arg(&out)
        .stderr(std::process::Stdio::null())
        .spawn()
        .unwrap();
    // Wait for the first rows (bounded), then press Ctrl-C.
    let deadline = Instant::now() + Duration::from_secs(120);
    // An earlier sweep's results in the file: kept until the new sweep is whole.
    std::fs::write(&out, "the results of last week\n").unwrap();
    let rows_file = unfinished_path(&out);
    while std::fs::read_to_string(&rows_file).map_or(0, |t| t.lines().count()) < 3 {
        assert!(Instant::now() < deadline, "no rows within two minutes");
        if child.try_wait().unwrap().is_some() {
            break;
        }
        std::thread::sleep(Duration::from_millis(5));
    }
    let _ = Command::new("kill")
        .args(["-INT", &child.id().to_string()])
        .status();
    let status = child.wait().unwrap();
    assert_eq!(status.code(), Some(130), "the sweep did not stop on SIGINT");
    assert_eq!(read(&out), "the results of last week\n");
    let text = read(&rows_file);
    assert!(text.ends_with('\n'));
    let rows = text.lines().count() - 1;
    assert!(rows < 21 * 8, "all {rows} rows were written");
    assert!(partial_path(&out).exists());

    // Resumed with other arguments: refused. With the same: the uninterrupted file.
    let o = bin()
        .args(args)
        .args(["--seed", "9", "--resume", "--out"])
        .arg(&out)
        .output()
        .unwrap();
    assert_eq!(o.status.code(), Some(2));
    assert!(
        stderr(&o).contains("belongs to another sweep"),
        "{}",
        stderr(&o)
    );
    let o = bin()
        .args(args)
        .args(["--resume", "--out"])
        .arg(&out)
        .output()
        .unwrap();
    ok(&o);
    let whole = scratch("uninterrupted.csv");
    ok(&bin().args(args).arg("--out").arg(&whole).output().unwrap());
    assert_eq!(read(&out), read(&whole));
    assert!(!partial_path(&out).exists());
    assert!(!rows_file.exists());
}

/// The Explore panel's small sweep: the values either side of the player's (within the lever's
/// range; every choice of a choice lever), the same numbers on one thread and on two, the same
/// runs as a sweep of those values, and nothing at all once stopped.
#[test]
fn an_exploration_is_the_sweep_of_the_same_runs() {
    use customer_first::levers::{Lever, LeverValue, ServiceLevel};
    use customer_first::sweep::explore::Explore;
    use std::sync::atomic::AtomicUsize;

    let s = Scenario::from_ron(
        Path::new(bundle::CAFE.scenario.path),
        bundle::CAFE.scenario.text,
    )
    .unwrap();
    let mut levers = s.start_levers();
    let numbers =
        |e: &Explore| -> Vec<f64> { e.values.iter().filter_map(|v| v.number()).collect() };
    levers.price = 0.2;
    assert_eq!(
        numbers(&Explore::around(Lever::Price, &levers, 1, 10)),
        [0.1, 0.2, 0.3, 0.4, 0.5]
    );
    levers.staff = 0;
    assert_eq!(
        numbers(&Explore::around(Lever::Staff, &levers, 1, 10)),
        [0.0, 1.0, 2.0, 3.0]
    );
    assert_eq!(
        Explore::around(Lever::ServiceLevel, &levers, 1, 10).values,
        ServiceLevel::ALL.map(LeverValue::Level)
    );

    let levers = s.start_levers();
    let mut explore = Explore::around(Lever::Staff, &levers, s.seed, 30);
    explore.seeds = 2;
    assert_eq!(numbers(&explore), [2.0, 3.0, 4.0, 5.0, 6.0, 7.0, 8.0]);
    let (stop, done) = (AtomicBool::new(false), AtomicUsize::new(0));
    let one = bevy::tasks::block_on(explore.run(&s, None, 1, &stop, &done)).unwrap();
    assert_eq!(done.load(Ordering::Relaxed), 14);
    let two = bevy::tasks::block_on(explore.run(&s, None, 2, &stop, &done)).unwrap();
    assert_eq!(one, two);

    // The sweep of the same values and seeds: each value's mean is the mean of its rows.
    let sweep = Sweep::new(
        Plan {
            file: PathBuf::from(bundle::CAFE.scenario.path),
            first_seed: s.seed,
            scenario: s.clone(),
            policy: None,
            deck: None,
            varies: vec![Vary::parse("staff=2..8", &s).unwrap()],
            seeds: 2,
            days: 30,
        },
        customer_first::i18n::Lang::En,
    )
    .unwrap();
    let header = sweep.header();
    let col = |name: &str| header.iter().position(|h| h == name).unwrap();
    for (i, p) in one.iter().enumerate() {
        let rows: Vec<Vec<String>> = (0..2).map(|k| sweep.run(i as u64 * 2 + k)).collect();
        let mean = |name: &str| {
            rows.iter()
                .map(|r| r[col(name)].parse::<f64>().unwrap())
                .sum::<f64>()
                / 2.0
        };
        assert_eq!(rows[0][col("staff")], format!("{}", 2 + i));
        assert!(
            (p.retention.mean - mean("retention_90d")).abs() < 1e-4,
            "{p:?} {rows:?}"
        );
        assert!((p.customers.mean - mean("customers")).abs() < 1e-9, "{p:?}");
        assert!(
            (p.profit.mean / 100.0 - mean("profit")).abs() < 0.01,
            "{p:?} {rows:?}"
        );
    }

    stop.store(true, Ordering::Relaxed);
    let before = done.load(Ordering::Relaxed);
    assert_eq!(
        bevy::tasks::block_on(explore.run(&s, None, 2, &stop, &done)),
        None
    );
    assert_eq!(done.load(Ordering::Relaxed), before);
}

/// `--out NAME.parquet` (a build with the parquet feature): the same bytes on one thread and on
/// two, and from shards merged; the rows, read back with a Parquet reader, are the CSV's; no
/// staging CSV is left behind.
#[cfg(feature = "parquet")]
#[test]
fn parquet_output_is_the_same_bytes_whatever_the_threads_and_holds_the_csv_rows() {
    use parquet::file::reader::{FileReader, SerializedFileReader};
    use parquet::record::Field;

    let one = scratch("one.parquet");
    let two = scratch("two.parquet");
    ok(&sweep(&one, &["--threads", "1"]));
    ok(&sweep(&two, &["--threads", "2"]));
    assert_eq!(std::fs::read(&one).unwrap(), std::fs::read(&two).unwrap());
    assert!(!scratch("one.parquet.csv").exists());
    assert!(!scratch("one.parquet.csv.partial").exists());

    let csv = scratch("same.csv");
    ok(&sweep(&csv, &[]));
    let text = read(&csv);
    let mut lines = text.lines();
    let header: Vec<&str> = lines.next().unwrap().split(',').collect();
    let rows: Vec<Vec<&str>> = lines.map(|l| l.split(',').collect()).collect();
    let reader = SerializedFileReader::new(std::fs::File::open(&one).unwrap()).unwrap();
    let meta = reader.metadata().file_metadata();
    assert_eq!(meta.num_rows(), rows.len() as i64);
    let names: Vec<String> = meta
        .schema_descr()
        .columns()
        .iter()
        .map(|c| c.name().to_string())
        .collect();
    assert_eq!(names, header);
    for (row, csv_row) in reader.get_row_iter(None).unwrap().zip(&rows) {
        for (i, (name, field)) in row.unwrap().get_column_iter().enumerate() {
            let cell = csv_row[i];
            let same = match field {
                Field::Str(s) => s == cell,
                Field::Long(v) => v.to_string() == cell,
                Field::ULong(v) => v.to_string() == cell,
                Field::Double(v) => (v - cell.parse::<f64>().unwrap()).abs() < 1e-9,
                Field::Null => cell.is_empty(),
                other => panic!("{name}: unexpected {other:?}"),
            };
            assert!(same, "{name}: {field:?} in Parquet, \"{cell}\" in the CSV");
        }
    }

    // Shards written as CSV and merged into Parquet: the single machine's bytes.
    let shards: Vec<PathBuf> = (1..=3)
        .map(|k| {
            let p = scratch(&format!("pshard{k}.csv"));
            ok(&sweep(&p, &["--shard", &format!("{k}/3")]));
            p
        })
        .collect();
    let merged = scratch("merged.parquet");
    ok(&bin()
        .args(["sweep", "merge"])
        .arg(&merged)
        .args(&shards)
        .output()
        .unwrap());
    assert_eq!(
        std::fs::read(&merged).unwrap(),
        std::fs::read(&one).unwrap()
    );
}

/// Without the parquet feature, asking for Parquet is a clear error before anything runs.
#[cfg(not(feature = "parquet"))]
#[test]
fn parquet_without_the_feature_is_a_clear_error() {
    let out = scratch("nofeature.parquet");
    let o = sweep(&out, &[]);
    assert_eq!(o.status.code(), Some(2), "{}", stderr(&o));
    assert!(stderr(&o).contains("--features parquet"), "{}", stderr(&o));
    assert!(!out.exists());
    assert!(!scratch("nofeature.parquet.csv").exists());
}
