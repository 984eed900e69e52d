//! Choosing a folder inside the game, for the trainer's class view: the folder shown, its
//! subfolders and how many results files each holds, and moving up and down (the Class screen
//! draws it in a window). A desktop has no file dialog the game can open without system
//! libraries, and the browser keeps its class folder in the page's storage, so the game walks
//! the folders itself (through [`crate::platform::files`], like every other file it reads).

use std::path::{Path, PathBuf};

use crate::platform::files;

/// At most this many subfolders are listed (a home folder can hold thousands).
pub const MAX_LISTED: usize = 200;

/// A folder chooser, open while `at` is some folder.
#[derive(Debug, Clone, Default)]
pub struct FolderPicker {
    /// The folder shown.
    pub at: Option<PathBuf>,
    /// Its subfolders by name (hidden ones left out), each with how many results files it
    /// holds, in name order.
    pub subfolders: Vec<(String, usize)>,
    /// How many results files the folder shown holds.
    pub here: usize,
    /// More subfolders than [`MAX_LISTED`] were there.
    pub more: bool,
    /// Why the folder shown could not be read.
    pub problem: Option<String>,
}

/// How many results files (`*.results.ron`) `dir` holds.
pub fn results_in(dir: &Path) -> usize {
    files::list(dir)
        .map(|entries| entries.iter().filter(|p| is_results(p)).count())
        .unwrap_or(0)
}

fn is_results(p: &Path) -> bool {
    p.file_name()
        .and_then(|n| n.to_str())
        .is_some_and(|n| n.ends_with(".results.ron"))
}

impl FolderPicker {
    /// Opens the chooser on `from` (made absolute), or on the nearest folder above it that
    /// exists.
    pub fn open(&mut self, from: &Path) {
        let mut at = std::path::absolute(from).unwrap_or_else(|_| from.to_path_buf());
        while !files::metadata(&at).is_ok_and(|m| m.is_dir) {
            match at.parent() {
                Some(p) => at = p.to_path_buf(),
                None => break,
            }
        }
        self.go(at);
    }

    /// Shows `dir`: its subfolders and results files, read now.
    pub fn go(&mut self, dir: PathBuf) {
        self.problem = None;
        self.more = false;
        self.subfolders.clear();
        match files::list(&dir) {
            Ok(entries) => {
                let mut names: Vec<(String, PathBuf)> = entries
                    .into_iter()
                    .filter_map(|p| {
                        let name = p.file_name()?.to_str()?.to_string();
                        let dir =
                            !name.starts_with('.') && files::metadata(&p).is_ok_and(|m| m.is_dir);
                        dir.then_some((name, p))
                    })
                    .collect();
                names.sort();
                self.more = names.len() > MAX_LISTED;
                names.truncate(MAX_LISTED);
                self.subfolders = names
                    .into_iter()
                    .map(|(name, p)| (name, results_in(&p)))
                    .collect();
                self.here = results_in(&dir);
            }
            Err(e) => {
                self.here = 0;
                self.problem = Some(e.to_string());
            }
        }
        self.at = Some(dir);
    }

    /// Up to the folder above.
    pub fn up(&mut self) {
        if let Some(parent) = self.at.as_deref().and_then(Path::parent) {
            self.go(parent.to_path_buf());
        }
    }

    /// Into the subfolder `name` of the folder shown.
    pub fn enter(&mut self, name: &str) {
        if let Some(at) = self.at.clone() {
            self.go(at.join(name));
        }
    }

    /// Closes the chooser.
    pub fn close(&mut self) {
        *self = FolderPicker::default();
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The chooser lists subfolders in name order with their results files, leaves hidden
    /// folders and plain files out, goes in and up, and opens on the nearest existing folder.
    #[test]
    fn the_chooser_walks_folders_and_counts_results_files() {
        let root = std::env::temp_dir().join(format!("cf-folders-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&root);
        for d in ["class-b", "class-a", ".hidden"] {
            std::fs::create_dir_all(root.join(d)).unwrap();
        }
        for f in [
            "class-a/red.results.ron",
            "class-a/blue.results.ron",
            "class-b/x.txt",
        ] {
            std::fs::write(root.join(f), "").unwrap();
        }
        std::fs::write(root.join("top.results.ron"), "").unwrap();
        let mut p = FolderPicker::default();
        p.open(&root.join("missing").join("deeper"));
        assert_eq!(p.at.as_deref(), Some(root.as_path()));
        assert_eq!(
            p.subfolders,
            vec![("class-a".to_string(), 2), ("class-b".to_string(), 0)]
        );
        assert_eq!((p.here, p.more, p.problem.clone()), (1, false, None));
        p.enter("class-a");
        assert_eq!(p.at.as_deref(), Some(root.join("class-a").as_path()));
        assert_eq!((p.here, p.subfolders.len()), (2, 0));
        p.up();
        assert_eq!(p.at.as_deref(), Some(root.as_path()));
        p.enter("gone");
        assert!(p.problem.is_some(), "a folder that vanished says why");
        p.close();
        assert!(p.at.is_none());
        let _ = std::fs::remove_dir_all(&root);
    }
}
