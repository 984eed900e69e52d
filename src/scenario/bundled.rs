//! The scenarios shipped with the game, bundled so the binary runs from any directory.

pub const CAFE: (&str, &str) = (
    "assets/scenarios/cafe.ron",
    include_str!("../../assets/scenarios/cafe.ron"),
);
pub const SOFTWARE: (&str, &str) = (
    "assets/scenarios/software.ron",
    include_str!("../../assets/scenarios/software.ron"),
);

pub const CALL_CENTRE: (&str, &str) = (
    "assets/scenarios/call-centre.ron",
    include_str!("../../assets/scenarios/call-centre.ron"),
);

pub const CAR_MAKER: (&str, &str) = (
    "assets/scenarios/car-maker.ron",
    include_str!("../../assets/scenarios/car-maker.ron"),
);

pub const HOTEL: (&str, &str) = (
    "assets/scenarios/hotel.ron",
    include_str!("../../assets/scenarios/hotel.ron"),
);

pub const TUTORIAL_CAFE: (&str, &str) = (
    "assets/scenarios/tutorial-cafe.ron",
    include_str!("../../assets/scenarios/tutorial-cafe.ron"),
);

/// The dilemma deck bundled under this path, if any.
pub fn deck(path: &str) -> Option<(&'static str, &'static str)> {
    let name = std::path::Path::new(path).file_name()?.to_str()?;
    crate::dilemmas::bundled::ALL
        .into_iter()
        .find(|(p, _)| p.ends_with(&format!("/{name}")))
}

/// The scenario `cargo run --release` plays.
pub const DEFAULT: (&str, &str) = CAFE;
/// In the order session codes number them: add new ones at the end.
pub const ALL: [(&str, &str); 6] = [CAFE, SOFTWARE, CALL_CENTRE, CAR_MAKER, HOTEL, TUTORIAL_CAFE];
