//! Problems found in the files a user gives us, reported all at once and never as a panic.
//!
//! A syntax problem carries the file, line and column; a semantic problem carries the field path
//! and what was expected (usually the allowed range).

use std::fmt;
use std::path::{Path, PathBuf};

use crate::i18n::Lang;

/// Files larger than this are refused before parsing: no scenario or policy needs more, and a
/// limit keeps a hostile file from costing unbounded memory or time.
pub const MAX_FILE_BYTES: u64 = 1024 * 1024;

/// Nesting deeper than this is refused by the parser (our formats nest at most five levels).
pub const MAX_NESTING: usize = 32;

/// What is wrong, for a person: a catalogue message with its arguments, shown in the reader's
/// language ([`msg!`](crate::msg)), or words given as they are (the parser's and the operating
/// system's own, which stay in English).
#[derive(Debug, Clone, PartialEq)]
pub enum Msg {
    Text(String),
    Key(&'static str, Vec<(&'static str, String)>),
}

impl Msg {
    /// The message in `lang`.
    pub fn render(&self, lang: Lang) -> String {
        match self {
            Msg::Text(t) => t.clone(),
            Msg::Key(key, args) => {
                let args = crate::i18n::args(
                    args.iter()
                        .map(|(k, v)| (*k, crate::i18n::Arg::from(v.as_str()))),
                );
                crate::i18n::message(lang, key, Some(&args))
            }
        }
    }
}

impl From<String> for Msg {
    fn from(s: String) -> Msg {
        Msg::Text(s)
    }
}

impl From<&str> for Msg {
    fn from(s: &str) -> Msg {
        Msg::Text(s.to_string())
    }
}

/// In English (logs, tests); [`Msg::render`] for a reader's language.
impl fmt::Display for Msg {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.render(Lang::En))
    }
}

/// A problem's message from the catalogue: `msg!("check-range", lo = 0, hi = 20, got = v)`;
/// the arguments are shown as they print.
#[macro_export]
macro_rules! msg {
    ($key:literal) => {
        $crate::diagnostics::Msg::Key($key, Vec::new())
    };
    ($key:literal, $($name:ident = $value:expr),+ $(,)?) => {
        $crate::diagnostics::Msg::Key($key, vec![$((stringify!($name), ($value).to_string())),+])
    };
}

#[derive(Debug, Clone, PartialEq)]
pub enum Problem {
    /// The file could not be read at all.
    Io { message: Msg },
    /// The text is not valid for the format: bad syntax, a wrong type, an unknown or missing field.
    Syntax {
        line: usize,
        column: usize,
        message: Msg,
    },
    /// The text parsed, but a value is out of range or inconsistent with another.
    Invalid { path: String, message: Msg },
}

/// Every problem found in one file.
#[derive(Debug, Clone, PartialEq)]
pub struct FileProblems {
    pub file: PathBuf,
    pub problems: Vec<Problem>,
}

/// In English; [`FileProblems::render`] for a reader's language.
impl fmt::Display for FileProblems {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.render(Lang::En))
    }
}

impl FileProblems {
    /// Every problem, one a line, as `FILE:LINE:COLUMN: error: …` or `FILE: error: FIELD: …`
    /// (the form editors and compilers use), the words in `lang`.
    pub fn render(&self, lang: Lang) -> String {
        let file = self.file.display();
        let error = crate::tr!(lang, "diag-error");
        self.problems
            .iter()
            .map(|p| match p {
                Problem::Io { message } => format!("{file}: {error}: {}", message.render(lang)),
                Problem::Syntax {
                    line,
                    column,
                    message,
                } => format!("{file}:{line}:{column}: {error}: {}", message.render(lang)),
                Problem::Invalid { path, message } => {
                    format!("{file}: {error}: {path}: {}", message.render(lang))
                }
            })
            .collect::<Vec<_>>()
            .join("\n")
    }
}

impl std::error::Error for FileProblems {}

impl FileProblems {
    pub fn single(file: &Path, problem: Problem) -> Self {
        Self {
            file: file.to_path_buf(),
            problems: vec![problem],
        }
    }
}

/// Collects semantic problems while a parsed value is checked.
#[derive(Debug, Default)]
pub struct Checker {
    pub problems: Vec<Problem>,
}

impl Checker {
    pub fn fail(&mut self, path: impl Into<String>, message: impl Into<Msg>) {
        self.problems.push(Problem::Invalid {
            path: path.into(),
            message: message.into(),
        });
    }

    /// A finite number inside `[lo, hi]`.
    pub fn range(&mut self, path: &str, value: f64, lo: f64, hi: f64) {
        if !value.is_finite() {
            self.fail(
                path,
                crate::msg!("check-finite-range", lo = lo, hi = hi, got = value),
            );
        } else if value < lo || value > hi {
            self.fail(
                path,
                crate::msg!("check-range", lo = lo, hi = hi, got = value),
            );
        }
    }

    /// An integer inside `[lo, hi]`.
    pub fn int_range(&mut self, path: &str, value: i64, lo: i64, hi: i64) {
        if value < lo || value > hi {
            self.fail(
                path,
                crate::msg!("check-range", lo = lo, hi = hi, got = value),
            );
        }
    }

    pub fn into_result(self, file: &Path) -> Result<(), FileProblems> {
        if self.problems.is_empty() {
            Ok(())
        } else {
            Err(FileProblems {
                file: file.to_path_buf(),
                problems: self.problems,
            })
        }
    }
}

/// A file over the size limit.
pub fn too_big(bytes: u64, limit: u64) -> Msg {
    crate::msg!("diag-too-big", bytes = bytes, limit = limit)
}

/// Why an I/O error happened, in the reader's language where the program refused it itself (a
/// link, a pipe, a file too big), else as the system says it.
pub fn io_reason(e: &std::io::Error) -> Msg {
    match crate::platform::files::Refused::in_io(e) {
        Some(r) => refused(&r),
        None => Msg::Text(e.to_string()),
    }
}

/// [`refused`], naming the file (for messages that stand alone, as a sweep's do).
pub fn refused_file(file: &Path, e: &crate::platform::files::Refused) -> Msg {
    use crate::platform::files::Refused;
    let file = file.display().to_string();
    match e {
        Refused::Io(io) => match Refused::in_io(io) {
            Some(r) => refused_file(Path::new(&file), &r),
            None => crate::msg!("diag-file-io", file = file, error = io),
        },
        Refused::NotAFile(kind) => {
            crate::msg!("diag-file-not-a-file", file = file, kind = kind.name())
        }
        Refused::TooBig { limit } => crate::msg!("diag-file-too-big", file = file, limit = limit),
    }
}

/// What the user reads when a file was not read or not written.
pub fn refused(e: &crate::platform::files::Refused) -> Msg {
    use crate::platform::files::Refused;
    match e {
        Refused::Io(e) if Refused::in_io(e).is_some() => io_reason(e),
        Refused::Io(e) if e.kind() == std::io::ErrorKind::IsADirectory => {
            crate::msg!("diag-is-directory")
        }
        Refused::Io(e) => crate::msg!("diag-cannot-read", error = e),
        Refused::NotAFile(crate::platform::files::Kind::Folder) => crate::msg!("diag-is-directory"),
        Refused::NotAFile(kind) => Msg::Key(kind.key(), Vec::new()),
        Refused::TooBig { limit } => crate::msg!("diag-too-big-read", limit = *limit),
    }
}

/// Reads a file with the size limit, as UTF-8 text.
pub fn read_text(file: &Path) -> Result<String, FileProblems> {
    read_text_with_limit(file, MAX_FILE_BYTES)
}

/// Reads a file of at most `limit` bytes as UTF-8 text.
pub fn read_text_with_limit(file: &Path, limit: u64) -> Result<String, FileProblems> {
    let io = |message: Msg| FileProblems::single(file, Problem::Io { message });
    let bytes = crate::platform::files::read_limited(file, limit).map_err(|e| io(refused(&e)))?;
    // A byte-order mark (as some Windows editors write) is not part of the text.
    let bytes = match bytes.strip_prefix("\u{feff}".as_bytes()) {
        Some(rest) => rest.to_vec(),
        None => bytes,
    };
    String::from_utf8(bytes).map_err(|e| {
        let prefix = &e.as_bytes()[..e.utf8_error().valid_up_to()];
        let text = String::from_utf8_lossy(prefix);
        let line = text.matches('\n').count() + 1;
        let column = text.rsplit('\n').next().map_or(0, |l| l.chars().count()) + 1;
        FileProblems::single(
            file,
            Problem::Syntax {
                line,
                column,
                message: crate::msg!("diag-not-utf8"),
            },
        )
    })
}

/// Parses RON text into `T`, turning a parser error into a located problem.
pub fn parse_ron<T: serde::de::DeserializeOwned>(
    file: &Path,
    text: &str,
) -> Result<T, FileProblems> {
    if text.trim().is_empty() {
        return Err(FileProblems::single(
            file,
            Problem::Syntax {
                line: 1,
                column: 1,
                message: crate::msg!("diag-empty"),
            },
        ));
    }
    let options = ron::Options::default()
        .with_default_extension(ron::extensions::Extensions::IMPLICIT_SOME)
        .with_recursion_limit(MAX_NESTING);
    options.from_str::<T>(text).map_err(|e| {
        FileProblems::single(
            file,
            Problem::Syntax {
                line: e.span.start.line,
                column: e.span.start.col,
                message: e.code.to_string().into(),
            },
        )
    })
}

/// Reads and parses a RON file, then runs `validate` on the value; every problem is returned.
pub fn load_ron<T: serde::de::DeserializeOwned>(
    file: &Path,
    validate: impl FnOnce(&T, &mut Checker),
) -> Result<T, FileProblems> {
    let text = read_text(file)?;
    let value: T = parse_ron(file, &text)?;
    let mut checker = Checker::default();
    validate(&value, &mut checker);
    checker.into_result(file)?;
    Ok(value)
}
