//! The browser side of the seam: web/platform.js (`window.customerFirst`), which keeps files in
//! local storage (settings) and IndexedDB (everything else), mirrored in memory.

use std::path::{Path, PathBuf};

use wasm_bindgen::prelude::*;

use super::Meta;

#[wasm_bindgen]
extern "C" {
    #[wasm_bindgen(js_namespace = customerFirst, js_name = has)]
    fn js_has(key: &str) -> bool;
    #[wasm_bindgen(js_namespace = customerFirst, js_name = get)]
    fn js_get(key: &str) -> Vec<u8>;
    #[wasm_bindgen(js_namespace = customerFirst, js_name = size)]
    fn js_size(key: &str) -> f64;
    /// Stores; "" when stored (in memory at once, in the browser's storage soon after), else
    /// why not.
    #[wasm_bindgen(js_namespace = customerFirst, js_name = put)]
    fn js_put(key: &str, bytes: &[u8]) -> String;
    #[wasm_bindgen(js_namespace = customerFirst, js_name = remove)]
    fn js_remove(key: &str);
    /// The keys under a prefix, one per line.
    #[wasm_bindgen(js_namespace = customerFirst, js_name = keys)]
    fn js_keys(prefix: &str) -> String;
    /// The oldest storage problem not yet reported, or "".
    #[wasm_bindgen(js_namespace = customerFirst, js_name = takeProblem)]
    fn js_take_problem() -> String;
    #[wasm_bindgen(js_namespace = customerFirst, js_name = download)]
    fn js_download(name: &str, mime: &str, bytes: &[u8]);
    /// A promise kept on the page's next turn (after it has drawn and handled input).
    #[wasm_bindgen(js_namespace = customerFirst, js_name = nextTurn)]
    fn js_next_turn() -> js_sys::Promise;
    #[wasm_bindgen(js_namespace = customerFirst, js_name = frame)]
    fn js_frame(screen: &str, day: u32);
    #[wasm_bindgen(js_namespace = customerFirst, js_name = language)]
    fn js_language() -> String;
    #[wasm_bindgen(js_namespace = customerFirst, js_name = pickFile)]
    fn js_pick_file(purpose: &str, multiple: bool);
    #[wasm_bindgen(js_namespace = customerFirst, js_name = pickedName)]
    fn js_picked_name(purpose: &str) -> String;
    #[wasm_bindgen(js_namespace = customerFirst, js_name = takePicked)]
    fn js_take_picked(purpose: &str) -> Vec<u8>;
}

/// A path as the key it is stored under: '/'-separated, without "." parts.
fn key(path: &Path) -> String {
    let parts: Vec<String> = path
        .components()
        .filter_map(|c| match c {
            std::path::Component::Normal(s) => Some(s.to_string_lossy().into_owned()),
            _ => None,
        })
        .collect();
    parts.join("/")
}

fn not_found(path: &Path) -> std::io::Error {
    std::io::Error::new(
        std::io::ErrorKind::NotFound,
        format!("{}: not in this browser's storage", path.display()),
    )
}

pub fn read(path: &Path) -> std::io::Result<Vec<u8>> {
    let k = key(path);
    if js_has(&k) {
        Ok(js_get(&k))
    } else {
        Err(not_found(path))
    }
}

/// Reads a stored file of at most `limit` bytes (in a browser every stored file is a regular
/// one).
pub fn read_limited(path: &Path, limit: u64) -> Result<Vec<u8>, super::Refused> {
    let bytes = read(path)?;
    if bytes.len() as u64 > limit {
        return Err(super::Refused::TooBig { limit });
    }
    Ok(bytes)
}

/// [`write_atomic`], as the desktop says why a target was refused.
pub fn write_checked(path: &Path, bytes: &[u8]) -> Result<(), super::Refused> {
    Ok(write_atomic(path, bytes)?)
}

/// What is stored at `path`: nothing, a file (every stored record is a regular one), or a folder
/// (the prefix of other records' keys).
pub fn what_is_at(path: &Path) -> std::io::Result<Option<Result<(), super::Kind>>> {
    Ok(match metadata(path) {
        Ok(m) if m.is_dir => Some(Err(super::Kind::Folder)),
        Ok(_) => Some(Ok(())),
        Err(_) => None,
    })
}

/// A page has no file handles (files are records of its storage, read whole with [`read`]): what
/// opens files by handle, a sweep's merge, is not in the browser.
pub fn open_regular(path: &Path) -> Result<std::fs::File, super::Refused> {
    Ok(std::fs::File::open(path)?)
}

/// A file written as a stream and stored whole when finished (a stored record is replaced whole
/// or not at all, as on the desktop).
pub struct Beside {
    bytes: Vec<u8>,
    target: PathBuf,
}

impl Beside {
    pub fn create(target: &Path) -> Result<Beside, super::Refused> {
        Ok(Beside {
            bytes: Vec::new(),
            target: target.to_path_buf(),
        })
    }

    pub fn finish(self) -> Result<(), super::Refused> {
        write_checked(&self.target, &self.bytes)
    }
}

impl std::io::Write for Beside {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        self.bytes.extend_from_slice(buf);
        Ok(buf.len())
    }

    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

pub fn metadata(path: &Path) -> std::io::Result<Meta> {
    let k = key(path);
    if js_has(&k) {
        return Ok(Meta {
            len: js_size(&k) as u64,
            is_dir: false,
        });
    }
    if !js_keys(&format!("{k}/")).is_empty() {
        return Ok(Meta {
            len: 0,
            is_dir: true,
        });
    }
    Err(not_found(path))
}

pub fn exists(path: &Path) -> bool {
    metadata(path).is_ok()
}

/// Stores the whole file in one step: a stored record is replaced whole or not at all.
pub fn write_atomic(path: &Path, bytes: &[u8]) -> std::io::Result<()> {
    match js_put(&key(path), bytes) {
        e if e.is_empty() => Ok(()),
        e => Err(std::io::Error::other(e)),
    }
}

/// Folders exist as the prefixes of their files' keys.
pub fn create_dir_all(_dir: &Path) -> std::io::Result<()> {
    Ok(())
}

pub fn remove_file(path: &Path) -> std::io::Result<()> {
    let k = key(path);
    if !js_has(&k) {
        return Err(not_found(path));
    }
    js_remove(&k);
    Ok(())
}

/// The files and folders directly in `dir`.
pub fn list(dir: &Path) -> std::io::Result<Vec<PathBuf>> {
    let prefix = format!("{}/", key(dir));
    let mut out: Vec<PathBuf> = Vec::new();
    for k in js_keys(&prefix).lines() {
        let rest = &k[prefix.len().min(k.len())..];
        let first = rest.split('/').next().unwrap_or(rest);
        let p = dir.join(first);
        if !first.is_empty() && !out.contains(&p) {
            out.push(p);
        }
    }
    Ok(out)
}

/// The language the browser asks pages for, as `navigator.language` says it ("zh-CN", "en-GB").
pub fn browser_language() -> String {
    js_language()
}

/// Waits for the page's next turn ([`super::Slices`]).
pub async fn next_turn() {
    let _ = wasm_bindgen_futures::JsFuture::from(js_next_turn()).await;
}

/// Tells the page a frame was drawn, on which screen and day (it takes the loading screen away
/// after the first, and its tests read where the game is).
pub fn frame_drawn(screen: &str, day: u32) {
    js_frame(screen, day);
}

/// Hands the browser a file to download.
pub fn offer_download(name: &str, mime: &str, bytes: &[u8]) {
    js_download(name, mime, bytes);
}

/// A write the browser refused after it was accepted in memory (its storage full, or private
/// browsing without storage): the oldest not yet reported.
pub fn storage_problem() -> Option<String> {
    Some(js_take_problem()).filter(|p| !p.is_empty())
}

/// Opens the browser's file picker for `purpose`; what the player picks arrives in
/// [`take_picked`].
pub fn pick_file(purpose: super::Picking) {
    js_pick_file(purpose.tag(), purpose.multiple());
}

/// A file the player picked for `purpose`, once it has been read (name, bytes); one at a time.
pub fn take_picked(purpose: super::Picking) -> Option<(String, Vec<u8>)> {
    let name = js_picked_name(purpose.tag());
    if name.is_empty() {
        return None;
    }
    Some((name, js_take_picked(purpose.tag())))
}

/// The seam's self-test, for web/test.mjs to run in the page.
#[wasm_bindgen]
pub fn platform_self_test() -> String {
    match super::self_test(Path::new("customer-first/self-test")) {
        Ok(()) => String::new(),
        Err(e) => e,
    }
}
