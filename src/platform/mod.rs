//! The platform seam: the few things the game does differently on a desktop and in a browser.
//!
//! Files: the settings, saves, results and debriefs go through [`files`], which is the file
//! system on a desktop and the browser's storage in a page (web/platform.js keeps the settings in
//! local storage and everything else in IndexedDB, mirrored in memory so that reads are
//! immediate). Paths stay paths on both, so the game's code does not change: in a browser a path
//! is the key a file is stored under.
//!
//! What else differs sits beside it: [`offer_download`] (a file the player takes away: a save, a
//! debrief, a results file), [`storage_problem`] (a write the browser refused after the fact,
//! for example when its storage is full) and [`pick_file`] (the browser's file picker: a desktop
//! save to load, the teams' results files for the class view).

#[cfg(not(target_arch = "wasm32"))]
mod native;
#[cfg(target_arch = "wasm32")]
mod web;

pub mod files {
    //! Reading and writing the game's own files (see the module above).
    #[cfg(not(target_arch = "wasm32"))]
    pub use super::native::*;
    #[cfg(target_arch = "wasm32")]
    pub use super::web::*;
    pub use super::{Kind, Refused};
}

#[cfg(not(target_arch = "wasm32"))]
pub use native::{frame_drawn, offer_download, pick_file, storage_problem, take_picked};
#[cfg(target_arch = "wasm32")]
pub use web::{
    browser_language, frame_drawn, offer_download, pick_file, storage_problem, take_picked,
};

/// Why a file was not read, or not written.
#[derive(Debug)]
pub enum Refused {
    Io(std::io::Error),
    /// Not a regular file: a pipe, a device, a socket, a folder, or (when writing) a link.
    NotAFile(Kind),
    /// More bytes than the limit (counted as read, not as the file system reports them).
    TooBig {
        limit: u64,
    },
}

/// What a path that is not a regular file is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    Folder,
    Link,
    Pipe,
    Device,
    Socket,
    Other,
}

impl Kind {
    /// Its name, as the catalogue's selectors take it (`diag-file-not-a-file`).
    pub fn name(self) -> &'static str {
        match self {
            Kind::Folder => "folder",
            Kind::Link => "link",
            Kind::Pipe => "pipe",
            Kind::Device => "device",
            Kind::Socket => "socket",
            Kind::Other => "other",
        }
    }

    /// The catalogue key that names it.
    pub fn key(self) -> &'static str {
        match self {
            Kind::Folder => "diag-not-a-file-folder",
            Kind::Link => "diag-not-a-file-link",
            Kind::Pipe => "diag-not-a-file-pipe",
            Kind::Device => "diag-not-a-file-device",
            Kind::Socket => "diag-not-a-file-socket",
            Kind::Other => "diag-not-a-file-other",
        }
    }
}

impl Refused {
    /// As an I/O error: the refusal rides inside it, so that a message can still name it in the
    /// reader's language ([`Refused::in_io`]).
    pub fn into_io(self) -> std::io::Error {
        match self {
            Refused::Io(e) => e,
            Refused::NotAFile(k) => std::io::Error::new(std::io::ErrorKind::InvalidInput, k),
            Refused::TooBig { limit } => {
                std::io::Error::new(std::io::ErrorKind::FileTooLarge, TooBig(limit))
            }
        }
    }

    /// The refusal inside an I/O error made by [`Refused::into_io`], if it is one.
    pub fn in_io(e: &std::io::Error) -> Option<Refused> {
        let inner = e.get_ref()?;
        if let Some(k) = inner.downcast_ref::<Kind>() {
            return Some(Refused::NotAFile(*k));
        }
        inner
            .downcast_ref::<TooBig>()
            .map(|t| Refused::TooBig { limit: t.0 })
    }
}

/// More bytes than a limit (inside an I/O error).
#[derive(Debug, Clone, Copy)]
pub struct TooBig(pub u64);

impl std::fmt::Display for TooBig {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "more than {} bytes", self.0)
    }
}

impl std::error::Error for TooBig {}

impl std::fmt::Display for Kind {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let what = match self {
            Kind::Folder => "a folder",
            Kind::Link => "a link",
            Kind::Pipe => "a named pipe",
            Kind::Device => "a device",
            Kind::Socket => "a socket",
            Kind::Other => "not a regular file",
        };
        write!(f, "{what}, not a regular file")
    }
}

impl std::error::Error for Kind {}

impl From<std::io::Error> for Refused {
    fn from(e: std::io::Error) -> Self {
        Refused::Io(e)
    }
}

/// Why no window can open.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum NoDisplay {
    /// `DISPLAY` is not set.
    Unset,
    /// No server answers at this display.
    NoServer(String),
}

/// Whether a window can open, checked before the game starts so that a machine without a
/// display gets a sentence rather than a crash: on Linux and the BSDs the desktop build draws
/// through X11, so `DISPLAY` must name a display, and a local one (`:0`) must have its server's
/// socket. A remote display (`host:0`) is left to the window system to try.
pub fn display_available() -> Result<(), NoDisplay> {
    #[cfg(all(unix, not(target_os = "macos"), not(target_arch = "wasm32")))]
    {
        let display = std::env::var("DISPLAY").unwrap_or_default();
        if display.trim().is_empty() {
            return Err(NoDisplay::Unset);
        }
        let local = display
            .strip_prefix("unix:")
            .or_else(|| display.strip_prefix(':'));
        if let Some(rest) = local {
            let number = rest.split('.').next().unwrap_or("");
            let socket = std::path::PathBuf::from(format!("/tmp/.X11-unix/X{number}"));
            if number.parse::<u32>().is_err() || !socket.exists() {
                return Err(NoDisplay::NoServer(display));
            }
        }
    }
    Ok(())
}

/// What a file picked in the browser's file picker is for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Picking {
    /// A save file to load (one).
    Save,
    /// Teams' results files for the class view (several at once).
    Results,
}

impl Picking {
    /// The name the page files the picked files under.
    pub fn tag(self) -> &'static str {
        match self {
            Picking::Save => "save",
            Picking::Results => "results",
        }
    }

    pub fn multiple(self) -> bool {
        self == Picking::Results
    }
}

/// How long long work (a replay, a sweep) runs in a browser before it gives the page back for a
/// frame: the page never freezes for more than about this plus one day of the model.
pub const SLICE: std::time::Duration = std::time::Duration::from_millis(25);

/// Long work cut into slices: `between().await` between two steps (a day of a replay) gives the
/// browser a turn once a slice's time is up, so that it draws the progress and answers the
/// player. On a desktop, where such work has a thread of its own, it never waits, so
/// `bevy::tasks::block_on` runs the same code straight through.
pub struct Slices {
    #[cfg(target_arch = "wasm32")]
    since: bevy::platform::time::Instant,
}

impl Slices {
    pub fn new() -> Self {
        Slices {
            #[cfg(target_arch = "wasm32")]
            since: bevy::platform::time::Instant::now(),
        }
    }

    /// Between two steps: in a browser, once the slice's time is up, waits for the page's next
    /// turn.
    pub async fn between(&mut self) {
        #[cfg(target_arch = "wasm32")]
        if self.since.elapsed() >= SLICE {
            web::next_turn().await;
            self.since = bevy::platform::time::Instant::now();
        }
    }
}

impl Default for Slices {
    fn default() -> Self {
        Self::new()
    }
}

/// Long work item by item (replays, Explore's runs, the class view's checks): `work(i, slices)`
/// for every `i` in `0..count`, the results in that order whatever finished first. On a desktop
/// on `threads` threads (0: every core; 1: this thread, one item after another); in a browser on
/// the page's one thread, one item after another, the page given its turns between slices of
/// the work (an item calls `slices.between().await` between its steps, and the page gets a turn
/// after each item). The one place long work asks which platform it runs on: callers write the
/// work once, as async code that steps through days.
pub async fn map_in_order<R, F>(count: usize, threads: usize, work: F) -> Vec<R>
where
    R: Send,
    F: AsyncFn(usize, &mut Slices) -> R + Sync,
{
    #[cfg(not(target_arch = "wasm32"))]
    {
        use rayon::prelude::*;
        let one = |i: usize| bevy::tasks::block_on(work(i, &mut Slices::new()));
        if threads == 1 || count <= 1 {
            return (0..count).map(one).collect();
        }
        if threads == 0 {
            return (0..count).into_par_iter().map(one).collect();
        }
        match rayon::ThreadPoolBuilder::new().num_threads(threads).build() {
            Ok(pool) => pool.install(|| (0..count).into_par_iter().map(one).collect()),
            Err(_) => (0..count).map(one).collect(),
        }
    }
    #[cfg(target_arch = "wasm32")]
    {
        let _ = threads;
        let mut slices = Slices::new();
        let mut out = Vec::with_capacity(count);
        for i in 0..count {
            out.push(work(i, &mut slices).await);
            slices.between().await;
        }
        out
    }
}

/// What the game needs to know about a stored file.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Meta {
    pub len: u64,
    pub is_dir: bool,
}

/// Whether the game runs in a browser page: files the player takes away are offered as
/// downloads (rather than written into a folder), and there is no Quit (the browser closes a
/// page).
pub const BROWSER: bool = cfg!(target_arch = "wasm32");

/// The catalogue keys the web page shows before the game has loaded (its title, the loading
/// screen, the message where WebGL2 is missing): web/build.sh writes their text in both languages
/// into web/index.html wherever it says `{{key}}` (English) or `{{zh:key}}` (Chinese).
pub const PAGE_TEXTS: [&str; 5] = [
    "web-page-title",
    "web-loading",
    "web-loading-done",
    "web-no-webgl2",
    "web-load-failed",
];

/// Exercises the seam: writes, reads, lists, replaces and removes files under `dir`, and says
/// what went wrong, if anything. The same checks run as a unit test on the desktop and in the
/// browser (web/test.mjs calls it through the page), so both sides of the seam keep one
/// behaviour.
pub fn self_test(dir: &std::path::Path) -> Result<(), String> {
    use files::*;
    let check = |ok: bool, what: &str| if ok { Ok(()) } else { Err(what.to_string()) };
    let err = |e: std::io::Error| e.to_string();
    create_dir_all(dir).map_err(err)?;
    let a = dir.join("a.ron");
    let b = dir.join("b.ron");
    check(!exists(&a), "a file not yet written exists")?;
    check(read(&a).is_err(), "a file not yet written can be read")?;
    write_atomic(&a, b"first").map_err(err)?;
    write_atomic(&a, "second, 第二".as_bytes()).map_err(err)?;
    check(exists(&a), "a written file does not exist")?;
    check(
        read(&a).map_err(err)? == "second, 第二".as_bytes(),
        "a file does not read back as last written",
    )?;
    let meta = metadata(&a).map_err(err)?;
    check(
        meta.len == "second, 第二".len() as u64 && !meta.is_dir,
        "a file's size is wrong",
    )?;
    let big: Vec<u8> = (0..3_000_000u32).map(|i| (i % 251) as u8).collect();
    write_atomic(&b, &big).map_err(err)?;
    check(
        read(&b).map_err(err)? == big,
        "a 3 MB file does not read back",
    )?;
    let mut names: Vec<String> = list(dir)
        .map_err(err)?
        .iter()
        .filter_map(|p| Some(p.file_name()?.to_str()?.to_string()))
        .collect();
    names.sort();
    check(
        names == ["a.ron", "b.ron"],
        &format!("the folder lists {names:?}"),
    )?;
    remove_file(&a).map_err(err)?;
    remove_file(&b).map_err(err)?;
    check(!exists(&a) && !exists(&b), "a removed file still exists")?;
    check(
        list(dir).map_err(err)?.is_empty(),
        "the folder is not empty after removing its files",
    )?;
    Ok(())
}

#[cfg(test)]
mod tests {
    #[test]
    fn work_mapped_on_any_number_of_threads_comes_back_in_order() {
        // Items of very different lengths (item 0 the longest), each giving the page turns
        // between its steps: whichever finishes first, the results are in item order.
        let work = async |i: usize, slices: &mut super::Slices| {
            let mut sum = 0u64;
            for step in 0..(40 - i as u64) * 1000 {
                sum = sum.wrapping_mul(31).wrapping_add(step ^ i as u64);
                if step % 997 == 0 {
                    slices.between().await;
                }
            }
            (i, sum)
        };
        let one = bevy::tasks::block_on(super::map_in_order(40, 1, work));
        assert_eq!(one.len(), 40);
        assert!(one.iter().enumerate().all(|(k, &(i, _))| i == k));
        for threads in [0, 2, 3] {
            let many = bevy::tasks::block_on(super::map_in_order(40, threads, work));
            assert_eq!(many, one, "{threads} threads");
        }
        assert!(bevy::tasks::block_on(super::map_in_order(0, 0, work)).is_empty());
    }

    #[test]
    fn the_page_names_every_text_it_shows_before_the_game_loads() {
        let page = include_str!("../../web/index.html");
        for key in super::PAGE_TEXTS {
            for lang in ["", "zh:"] {
                let slot = format!("{{{{{lang}{key}}}}}");
                assert!(page.contains(&slot), "web/index.html lacks {slot}");
            }
        }
        // And nothing else: every slot is one of them.
        for slot in page.split("{{").skip(1) {
            let key = slot.split("}}").next().unwrap_or("");
            let key = key.strip_prefix("zh:").unwrap_or(key);
            assert!(super::PAGE_TEXTS.contains(&key), "unknown page text {key}");
        }
    }

    #[test]
    fn the_seam_stores_reads_lists_and_removes_files() {
        let dir = std::env::temp_dir().join(format!("cf-platform-{}", std::process::id()));
        let result = super::self_test(&dir);
        let _ = std::fs::remove_dir_all(&dir);
        result.unwrap();
    }
}
