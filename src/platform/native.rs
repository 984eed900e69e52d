//! The desktop side of the seam: the file system.

use std::path::{Path, PathBuf};

use super::Meta;

pub fn read(path: &Path) -> std::io::Result<Vec<u8>> {
    std::fs::read(path)
}

pub fn metadata(path: &Path) -> std::io::Result<Meta> {
    let m = std::fs::metadata(path)?;
    Ok(Meta {
        len: m.len(),
        is_dir: m.is_dir(),
    })
}

pub fn exists(path: &Path) -> bool {
    path.exists()
}

/// Writes a file atomically: a temporary file beside it, flushed to disk, then renamed over the
/// target, so a crash or a full disk never leaves a half-written file where a good one was.
pub fn write_atomic(path: &Path, bytes: &[u8]) -> std::io::Result<()> {
    use std::io::Write as _;
    let dir = path
        .parent()
        .filter(|p| !p.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    let name = path
        .file_name()
        .ok_or_else(|| std::io::Error::other("the path has no file name"))?;
    let mut tmp_name = std::ffi::OsString::from(".");
    tmp_name.push(name);
    tmp_name.push(".tmp");
    let tmp = dir.join(tmp_name);
    let result = (|| {
        let mut f = std::fs::File::create(&tmp)?;
        f.write_all(bytes)?;
        f.sync_all()?;
        std::fs::rename(&tmp, path)
    })();
    if result.is_err() {
        let _ = std::fs::remove_file(&tmp);
    }
    result
}

pub fn create_dir_all(dir: &Path) -> std::io::Result<()> {
    std::fs::create_dir_all(dir)
}

pub fn remove_file(path: &Path) -> std::io::Result<()> {
    std::fs::remove_file(path)
}

/// The entries of a folder (files and folders), in no particular order.
pub fn list(dir: &Path) -> std::io::Result<Vec<PathBuf>> {
    std::fs::read_dir(dir)?
        .map(|e| e.map(|e| e.path()))
        .collect()
}

/// A desktop window has no page around it to tell.
pub fn frame_drawn(_screen: &str, _day: u32) {}

/// A desktop writes files the player takes away into a folder instead.
pub fn offer_download(_name: &str, _mime: &str, _bytes: &[u8]) {}

/// A desktop has no write that fails after it returned.
pub fn storage_problem() -> Option<String> {
    None
}

/// A desktop opens files by path (the saves folder, the class folder, `--scenario`).
pub fn pick_file(_purpose: super::Picking) {}

pub fn take_picked(_purpose: super::Picking) -> Option<(String, Vec<u8>)> {
    None
}
