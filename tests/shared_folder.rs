//! A shared folder cannot hurt the trainer: what `class` reads and what every command writes.
//! A named pipe, a device behind a link and a link to nothing in a class folder are listed as
//! skipped within seconds; a name with terminal control sequences prints harmless; an output
//! that is a link, a pipe, a results file or another output's file is refused before any work,
//! and a link planted where the program writes is never followed. And the command line refuses
//! what it cannot honour: a team name too long, a game's window with no display.

use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};
use std::time::{Duration, Instant};

use customer_first::headless::results_file::ResultsFile;
use customer_first::headless::world::{prepare_with, run_days};
use customer_first::i18n::Lang;
use customer_first::policy::Policy;
use customer_first::session::Preset;

fn temp(name: &str) -> PathBuf {
    let d = std::env::temp_dir().join(format!("cf-shared-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&d);
    std::fs::create_dir_all(&d).unwrap();
    d
}

/// Runs the program with these arguments and kills it if it has not finished in `limit`: a
/// hang fails the test instead of stopping the suite.
fn run_within(args: &[&std::ffi::OsStr], limit: Duration) -> Output {
    wait_within(program().args(args), limit)
}

/// The program, run from the repository in the C locale.
fn program() -> Command {
    let mut c = Command::new(env!("CARGO_BIN_EXE_customer-first"));
    c.current_dir(env!("CARGO_MANIFEST_DIR")).env("LC_ALL", "C");
    c
}

/// Runs `command` and kills it if it has not finished in `limit`.
fn wait_within(command: &mut Command, limit: Duration) -> Output {
    let mut child = command
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let start = Instant::now();
    loop {
        if child.try_wait().unwrap().is_some() {
            return child.wait_with_output().unwrap();
        }
        if start.elapsed() > limit {
            let _ = child.kill();
            let out = child.wait_with_output().unwrap();
            panic!(
                "still running after {limit:?}: {}",
                String::from_utf8_lossy(&out.stderr)
            );
        }
        std::thread::sleep(Duration::from_millis(50));
    }
}

fn os(s: &str) -> &std::ffi::OsStr {
    std::ffi::OsStr::new(s)
}

/// A whole game of the one-year café (the tutorial's) as a team's results file.
fn results(team: &str) -> ResultsFile {
    let l = customer_first::headless::setup::bundled(5).unwrap();
    let s = l.scenario;
    let mut app = prepare_with(&s, s.seed, None, l.deck.as_ref());
    run_days(app.world_mut(), 365);
    let r = customer_first::headless::results::collect(
        app.world_mut(),
        &s,
        s.seed,
        &Policy::title_of(None),
    );
    ResultsFile::of_run(&r, l.deck.as_ref(), team, None, Preset::Free, Lang::En)
}

fn mkfifo(path: &Path) {
    let ok = Command::new("mkfifo").arg(path).status().unwrap();
    assert!(ok.success());
}

#[test]
fn pipes_devices_and_dangling_links_in_a_class_folder_are_skipped_with_why() {
    let dir = temp("class");
    let good = results("Good");
    good.write(&dir.join("good.results.ron")).unwrap();
    // A link to a team's file elsewhere is read as the file.
    let elsewhere = temp("class-elsewhere");
    results("Linked")
        .write(&elsewhere.join("linked.results.ron"))
        .unwrap();
    std::os::unix::fs::symlink(
        elsewhere.join("linked.results.ron"),
        dir.join("linked.results.ron"),
    )
    .unwrap();
    mkfifo(&dir.join("pipe.results.ron"));
    std::os::unix::fs::symlink("/dev/zero", dir.join("zero.results.ron")).unwrap();
    std::os::unix::fs::symlink(dir.join("gone.ron"), dir.join("dangling.results.ron")).unwrap();
    // A file past the limit, whatever it starts with.
    let mut big = good.to_ron();
    big.push_str(&" ".repeat(17 * 1024 * 1024));
    std::fs::write(dir.join("big.results.ron"), big).unwrap();
    // A team name that would clear the trainer's screen and retitle the window.
    let evil = good
        .to_ron()
        .replace(
            "team: \"Good\"",
            "team: \"\u{1b}]0;pwned\u{7}Evil\u{1b}[2J\"",
        )
        .replace(
            "// customer-first results: Good",
            "// customer-first results: x",
        );
    assert!(evil.contains('\u{1b}'));
    std::fs::write(dir.join("evil.results.ron"), evil).unwrap();

    let out = run_within(&[os("class"), dir.as_os_str()], Duration::from_secs(60));
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(out.status.success(), "{stdout}");
    // Only harmless text reaches the terminal.
    assert!(
        !stdout.contains('\u{1b}') && !stdout.contains('\u{7}'),
        "{stdout:?}"
    );
    assert!(stdout.contains("Evil"), "{stdout}");
    let line = |file: &str| {
        stdout
            .lines()
            .find(|l| l.contains(file))
            .unwrap_or_else(|| panic!("{file} not listed: {stdout}"))
            .to_string()
    };
    assert!(line("pipe.results.ron").contains("named pipe"));
    assert!(line("zero.results.ron").contains("device"));
    assert!(line("dangling.results.ron").contains("not there"));
    assert!(line("big.results.ron").contains("more than"));
    // Good and Linked are one game under two names: ranked, and named as alike; Evil is Good's
    // game too.
    assert!(stdout.contains("3 teams"), "{stdout}");
    assert!(stdout.contains("Exactly the same decisions"), "{stdout}");
}

#[test]
fn an_output_that_is_a_link_a_pipe_an_input_or_another_output_is_refused() {
    let dir = temp("outputs");
    let class = temp("outputs-class");
    results("Team")
        .write(&class.join("team.results.ron"))
        .unwrap();
    let victim = dir.join("victim.txt");
    std::fs::write(&victim, "precious").unwrap();
    let refused = |args: &[&std::ffi::OsStr], option: &str| {
        let out = run_within(args, Duration::from_secs(60));
        let err = String::from_utf8_lossy(&out.stderr);
        assert_eq!(out.status.code(), Some(2), "{args:?}: {err}");
        assert!(err.contains(option), "{args:?}: {err}");
        err.to_string()
    };
    // A link at the page's name: refused, and what it points at is untouched.
    let link = dir.join("class.html");
    std::os::unix::fs::symlink(&victim, &link).unwrap();
    let err = refused(
        &[
            os("class"),
            class.as_os_str(),
            os("--html"),
            link.as_os_str(),
        ],
        "--html",
    );
    assert!(err.contains("link"), "{err}");
    assert_eq!(std::fs::read_to_string(&victim).unwrap(), "precious");
    // A pipe as the CSV: refused at once, not waited on.
    let pipe = dir.join("rows.csv");
    mkfifo(&pipe);
    let err = refused(
        &[
            os("run"),
            os("--days"),
            os("3"),
            os("--csv"),
            pipe.as_os_str(),
        ],
        "--csv",
    );
    assert!(err.contains("named pipe"), "{err}");
    // The page pointed at a team's results file by mistake.
    let team = class.join("team.results.ron");
    let before = std::fs::read(&team).unwrap();
    refused(
        &[
            os("class"),
            class.as_os_str(),
            os("--html"),
            team.as_os_str(),
        ],
        "--html",
    );
    assert_eq!(std::fs::read(&team).unwrap(), before);
    // One path for two outputs.
    let both = dir.join("both.csv");
    let err = refused(
        &[
            os("run"),
            os("--days"),
            os("3"),
            os("--csv"),
            both.as_os_str(),
            os("--customers"),
            both.as_os_str(),
        ],
        "--customers",
    );
    assert!(err.contains("--csv"), "{err}");
    assert!(!both.exists());
    // A link planted at the name the program once wrote through is never followed: the page
    // is written beside it under a name nobody can guess, then renamed over the target.
    let page = dir.join("page.html");
    std::os::unix::fs::symlink(&victim, dir.join(".page.html.tmp")).unwrap();
    // Written twice: the second time a page replaces a page.
    for _ in 0..2 {
        let out = run_within(
            &[
                os("class"),
                class.as_os_str(),
                os("--html"),
                page.as_os_str(),
            ],
            Duration::from_secs(60),
        );
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
        assert!(
            std::fs::read_to_string(&page)
                .unwrap()
                .starts_with("<!DOCTYPE html")
        );
        assert_eq!(std::fs::read_to_string(&victim).unwrap(), "precious");
    }
    // No temporary file is left behind.
    let left: Vec<String> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| n.ends_with(".tmp") && n != ".page.html.tmp")
        .collect();
    assert!(left.is_empty(), "{left:?}");
}

#[test]
fn a_scenario_that_is_a_device_is_refused_not_read_forever() {
    let dir = temp("device");
    let link = dir.join("scenario.ron");
    std::os::unix::fs::symlink("/dev/zero", &link).unwrap();
    for args in [
        vec![os("check"), link.as_os_str()],
        vec![os("run"), os("--scenario"), link.as_os_str()],
    ] {
        let out = run_within(&args, Duration::from_secs(30));
        let err = String::from_utf8_lossy(&out.stderr);
        assert_eq!(out.status.code(), Some(2), "{args:?}: {err}");
        assert!(
            err.contains("scenario.ron") && err.contains("device"),
            "{err}"
        );
    }
}

#[test]
fn a_team_name_too_long_is_refused_as_an_empty_one_is() {
    let dir = temp("team");
    let long = "x".repeat(10_000);
    for name in [long.as_str(), "   "] {
        let out = run_within(
            &[
                os("run"),
                os("--days"),
                os("3"),
                os("--team"),
                os(name),
                os("--results"),
                dir.join("t.results.ron").as_os_str(),
            ],
            Duration::from_secs(60),
        );
        let err = String::from_utf8_lossy(&out.stderr);
        assert_eq!(out.status.code(), Some(2), "{err}");
        assert!(err.contains("--team") && err.contains("1 to 40"), "{err}");
        assert!(!dir.join("t.results.ron").exists());
    }
}

/// Without a display the game says so and exits, rather than panicking with a backtrace.
#[cfg(feature = "gui")]
#[test]
fn the_game_without_a_display_says_so() {
    for display in [None, Some(":87")] {
        let mut c = program();
        c.env_remove("WAYLAND_DISPLAY").arg("play");
        match display {
            None => c.env_remove("DISPLAY"),
            Some(d) => c.env("DISPLAY", d),
        };
        let out = wait_within(&mut c, Duration::from_secs(60));
        let err = String::from_utf8_lossy(&out.stderr);
        assert_eq!(out.status.code(), Some(3), "{display:?}: {err}");
        assert!(
            err.contains("display") && !err.contains("panicked"),
            "{err}"
        );
    }
}

#[test]
fn a_sweep_never_reads_a_device_nor_writes_through_a_pipe() {
    let dir = temp("sweep");
    let zero = dir.join("shard.csv");
    std::os::unix::fs::symlink("/dev/zero", &zero).unwrap();
    let merged = dir.join("merged.csv");
    let out = run_within(
        &[
            os("sweep"),
            os("merge"),
            merged.as_os_str(),
            zero.as_os_str(),
        ],
        Duration::from_secs(30),
    );
    let err = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(2), "{err}");
    assert!(err.contains("shard.csv") && err.contains("device"), "{err}");
    assert!(!merged.exists());
    let pipe = dir.join("runs.csv");
    mkfifo(&pipe);
    let out = run_within(
        &[
            os("sweep"),
            os("--days"),
            os("3"),
            os("--vary"),
            os("price=1..1.2:0.1"),
            os("--out"),
            pipe.as_os_str(),
        ],
        Duration::from_secs(30),
    );
    let err = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(2), "{err}");
    assert!(err.contains("--out") && err.contains("named pipe"), "{err}");
}
