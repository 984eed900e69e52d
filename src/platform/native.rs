//! The desktop side of the seam: the file system.

use std::path::{Path, PathBuf};

use super::{Kind, Meta, Refused};

/// Reads a whole regular file (see [`read_limited`]; no limit).
pub fn read(path: &Path) -> std::io::Result<Vec<u8>> {
    read_limited(path, u64::MAX).map_err(Refused::into_io)
}

/// What a file type is, when it is not a regular file.
fn kind_of(t: std::fs::FileType) -> Kind {
    #[cfg(unix)]
    {
        use std::os::unix::fs::FileTypeExt as _;
        if t.is_fifo() {
            return Kind::Pipe;
        }
        if t.is_block_device() || t.is_char_device() {
            return Kind::Device;
        }
        if t.is_socket() {
            return Kind::Socket;
        }
    }
    if t.is_dir() {
        Kind::Folder
    } else if t.is_symlink() {
        Kind::Link
    } else {
        Kind::Other
    }
}

/// Opens a regular file to read (a link is followed to what it names): a named pipe is opened
/// without waiting for a writer and then refused, as are devices, sockets and folders, so that
/// nothing planted in a shared folder can hang or flood a reader.
pub fn open_regular(path: &Path) -> Result<std::fs::File, Refused> {
    let mut o = std::fs::OpenOptions::new();
    o.read(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt as _;
        o.custom_flags(libc::O_NONBLOCK);
    }
    let f = o.open(path)?;
    let t = f.metadata()?.file_type();
    if !t.is_file() {
        return Err(Refused::NotAFile(kind_of(t)));
    }
    Ok(f)
}

/// Reads a regular file ([`open_regular`]) of at most `limit` bytes, counting the bytes as they
/// are read (a file that grows while it is read, or that reports a wrong size, still stops at
/// the limit).
pub fn read_limited(path: &Path, limit: u64) -> Result<Vec<u8>, Refused> {
    use std::io::Read as _;
    let f = open_regular(path)?;
    let mut bytes = Vec::new();
    f.take(limit.saturating_add(1)).read_to_end(&mut bytes)?;
    if bytes.len() as u64 > limit {
        return Err(Refused::TooBig { limit });
    }
    Ok(bytes)
}

/// What is at `path` without following a link: None when nothing is, the kind when it is not a
/// regular file.
pub fn what_is_at(path: &Path) -> std::io::Result<Option<Result<(), Kind>>> {
    match std::fs::symlink_metadata(path) {
        Ok(m) if m.file_type().is_file() => Ok(Some(Ok(()))),
        Ok(m) => Ok(Some(Err(kind_of(m.file_type())))),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(None),
        Err(e) => Err(e),
    }
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

/// Writes a file atomically: a new temporary file beside it with an unpredictable name, created
/// exclusively (a link planted at any name is never followed), flushed to disk, then renamed
/// over the target, so a crash or a full disk never leaves a half-written file where a good one
/// was. The target must be a regular file or absent: a link, a pipe, a device or a folder there
/// is refused, never replaced.
pub fn write_atomic(path: &Path, bytes: &[u8]) -> std::io::Result<()> {
    write_checked(path, bytes).map_err(Refused::into_io)
}

/// [`write_atomic`], saying why a target was refused.
pub fn write_checked(path: &Path, bytes: &[u8]) -> Result<(), Refused> {
    use std::io::Write as _;
    let mut b = Beside::create(path)?;
    b.write_all(bytes)?;
    b.finish()
}

/// A file written beside its target and put in its place only when whole (see
/// [`write_atomic`]); for files written as a stream (a sweep's merged CSV, its Parquet). Dropped
/// before [`Beside::finish`], it leaves nothing behind.
pub struct Beside {
    tmp: tempfile::NamedTempFile,
    target: PathBuf,
}

impl Beside {
    /// Starts a file for `target`, which must be a regular file or absent.
    pub fn create(target: &Path) -> Result<Beside, Refused> {
        if let Some(Err(kind)) = what_is_at(target)? {
            return Err(Refused::NotAFile(kind));
        }
        if target.file_name().is_none() {
            return Err(Refused::NotAFile(Kind::Folder));
        }
        let dir = target
            .parent()
            .filter(|p| !p.as_os_str().is_empty())
            .unwrap_or(Path::new("."));
        let mut builder = tempfile::Builder::new();
        builder.prefix(".customer-first-").suffix(".tmp");
        // Readable as any file the user writes (the umask applies), not only by its owner: a
        // class page on a shared drive is for the room.
        #[cfg(unix)]
        builder.permissions(std::os::unix::fs::PermissionsExt::from_mode(0o666));
        Ok(Beside {
            tmp: builder.tempfile_in(dir)?,
            target: target.to_path_buf(),
        })
    }

    /// Flushes the file to disk and renames it over the target.
    pub fn finish(self) -> Result<(), Refused> {
        self.tmp.as_file().sync_all()?;
        self.tmp
            .persist(&self.target)
            .map_err(|e| Refused::Io(e.error))?;
        Ok(())
    }
}

impl std::io::Write for Beside {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        self.tmp.write(buf)
    }

    fn flush(&mut self) -> std::io::Result<()> {
        self.tmp.flush()
    }
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
