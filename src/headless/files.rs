//! Files written so that a crash or a full disk never leaves a half-written file where a good
//! one was.

use std::path::Path;

/// Writes a file atomically: a temporary file beside it, flushed to disk, then renamed over the
/// target, so a crash or a full disk never leaves a half-written file where a good one was. In a
/// browser the file is one record of the page's storage, replaced whole ([`crate::platform`]).
pub fn write_atomic(path: &Path, bytes: &[u8]) -> std::io::Result<()> {
    crate::platform::files::write_atomic(path, bytes)
}
