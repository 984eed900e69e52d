//! Everything shipped inside the binary, in one table: each bundled scenario with its dilemma
//! deck and the policies its story is calibrated with, so the binary runs from any directory and
//! a browser page needs no files. A scenario ships by one entry here; nothing else lists them.

/// A file bundled into the binary: its path in the repository (what messages name) and its text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct File {
    pub path: &'static str,
    pub text: &'static str,
}

macro_rules! file {
    ($path:literal) => {
        File {
            path: $path,
            text: include_str!(concat!("../", $path)),
        }
    };
}

/// A bundled scenario and what it needs.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Bundled {
    /// The short name a trainer types (`customer-first code cafe`): the scenario file's stem.
    pub name: &'static str,
    pub scenario: File,
    /// The deck its `dilemmas:` field names (a test checks that they agree).
    pub deck: File,
    /// The thoughtful and careless policies its `winning.calibration` names.
    pub thoughtful: File,
    pub careless: File,
}

pub const CAFE: Bundled = Bundled {
    name: "cafe",
    scenario: file!("assets/scenarios/cafe.ron"),
    deck: file!("assets/dilemmas/cafe.ron"),
    thoughtful: file!("assets/policies/customer-first.ron"),
    careless: file!("assets/policies/shareholder-first.ron"),
};

pub const SOFTWARE: Bundled = Bundled {
    name: "software",
    scenario: file!("assets/scenarios/software.ron"),
    deck: file!("assets/dilemmas/software.ron"),
    thoughtful: file!("assets/policies/customer-first.ron"),
    careless: file!("assets/policies/shareholder-first.ron"),
};

pub const CALL_CENTRE: Bundled = Bundled {
    name: "call-centre",
    scenario: file!("assets/scenarios/call-centre.ron"),
    deck: file!("assets/dilemmas/call-centre.ron"),
    thoughtful: file!("assets/policies/call-centre-care.ron"),
    careless: file!("assets/policies/call-centre-squeeze.ron"),
};

pub const CAR_MAKER: Bundled = Bundled {
    name: "car-maker",
    scenario: file!("assets/scenarios/car-maker.ron"),
    deck: file!("assets/dilemmas/car-maker.ron"),
    thoughtful: file!("assets/policies/car-maker-honest.ron"),
    careless: file!("assets/policies/car-maker-hush.ron"),
};

pub const HOTEL: Bundled = Bundled {
    name: "hotel",
    scenario: file!("assets/scenarios/hotel.ron"),
    deck: file!("assets/dilemmas/hotel.ron"),
    thoughtful: file!("assets/policies/hotel-never-below-nine.ron"),
    careless: file!("assets/policies/hotel-cut-corners.ron"),
};

pub const TUTORIAL_CAFE: Bundled = Bundled {
    name: "tutorial-cafe",
    scenario: file!("assets/scenarios/tutorial-cafe.ron"),
    deck: file!("assets/dilemmas/tutorial-cafe.ron"),
    thoughtful: file!("assets/policies/customer-first.ron"),
    careless: file!("assets/policies/shareholder-first.ron"),
};

/// In the order session codes number them: add new ones at the end, never reorder.
pub const ALL: [Bundled; 6] = [CAFE, SOFTWARE, CALL_CENTRE, CAR_MAKER, HOTEL, TUTORIAL_CAFE];

/// The scenario `cargo run --release` plays (its place in [`ALL`]).
pub const DEFAULT: usize = 0;

/// The policy a build without a window plays `play` with.
pub const BALANCED: File = file!("assets/policies/balanced.ron");

/// Every file bundled: each scenario, deck and policy once.
pub fn files() -> Vec<File> {
    let mut all: Vec<File> = ALL
        .iter()
        .flat_map(|b| [b.scenario, b.deck, b.thoughtful, b.careless])
        .chain([BALANCED])
        .collect();
    all.sort_by_key(|f| f.path);
    all.dedup();
    all
}

/// Bases of bundled files (`base:`, [`crate::inherit`]) read from the bundled files, so that a
/// bundled scenario resolves the same in any folder and in a browser; a file that is not
/// bundled is read from the file system.
pub struct Shipped;

impl crate::inherit::Bases for Shipped {
    fn read(&self, path: &std::path::Path) -> Result<String, crate::diagnostics::FileProblems> {
        let want = crate::inherit::normalise(path);
        match files()
            .into_iter()
            .find(|f| crate::inherit::normalise(std::path::Path::new(f.path)) == want)
        {
            Some(f) => Ok(f.text.to_string()),
            None => crate::inherit::FromFiles.read(path),
        }
    }
}

/// The bundled scenario a trainer names by its short name or its file's name (`cafe`,
/// `cafe.ron`, `assets/scenarios/cafe.ron`).
pub fn named(name: &str) -> Option<usize> {
    let stem = std::path::Path::new(name).file_stem()?.to_str()?;
    ALL.iter().position(|b| b.name == stem)
}

/// The bundled scenario whose file is at `path` in the repository, if any.
pub fn at_path(path: &str) -> Option<usize> {
    ALL.iter().position(|b| b.scenario.path == path)
}
