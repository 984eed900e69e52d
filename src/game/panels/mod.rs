//! The panels of the playing and end screens, one file each. A panel is a function that draws
//! into the Ui (or the egui context, for windows) it is given; the screens place them.

pub mod capital;
pub mod charts;
pub mod clock;
pub mod dilemma;
pub mod explore;
pub mod feed;
pub mod folders;
pub mod guide;
pub mod inspector;
pub mod levers;
pub mod menu;
pub mod news;
pub mod saves;
pub mod stakeholders;
pub mod whatif;
