//! The end of a game, without a window: the results computed once when the game ends (what the
//! end screen shows), and the debrief written as HTML with the run's CSV beside it.

use std::path::{Path, PathBuf};

use bevy::prelude::*;

use crate::headless::files::write_atomic;
use crate::headless::html::debrief::{Impacts, Overlay, html_with};
use crate::headless::results::{CustomerRecord, RunResult, collect, customer_records};
use crate::headless::tables::days_csv;

use super::model::Model;
use super::state::Screen;
use crate::i18n::Text;
use crate::sim::tenure::LifetimeValue;

/// The end screen's results, computed once when the game ends.
#[derive(Resource, Debug, Clone)]
pub struct EndSummary {
    pub result: RunResult,
    pub customers: Vec<CustomerRecord>,
    /// A new customer's lifetime value, and with 5 points less defection each year.
    pub value: LifetimeValue,
    pub value_cut: LifetimeValue,
    /// Where the debrief was written, or why it could not be.
    pub exported: Option<String>,
    /// The end screen has been drawn (its first frame scrolls to the top).
    pub opened: bool,
}

impl EndSummary {
    /// The day the game ended on: its last day played, as the clock showed it while it was
    /// played. The end screen, the debrief ("ended on day N"), the goals not reached and the
    /// debrief's file name all say this one day.
    pub fn day(&self) -> u32 {
        self.result.rows.last().map_or(0, |r| r.day)
    }
}

pub(super) fn plugin(app: &mut App) {
    app.add_systems(OnEnter(Screen::End), summarise.in_set(Summarised));
}

/// The end screen's results are computed (what else is done on entering the end screen, such as
/// writing the results file, comes after).
#[derive(SystemSet, Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Summarised;

/// Computes the end screen's results from the model.
pub fn summarise(mut commands: Commands, model: Option<ResMut<Model>>) {
    if let Some(mut m) = model {
        let (s, seed) = (m.scenario.clone(), m.seed);
        let result = collect(
            &mut m.world,
            &s,
            seed,
            &Text::from_catalogue(|lang| crate::tr!(lang, "policy-player")),
        );
        let customers = customer_records(&mut m.world, &s);
        commands.insert_resource(EndSummary {
            value: result.lifetime_value(0.0),
            value_cut: result.lifetime_value(0.05),
            result,
            customers,
            exported: None,
            opened: false,
        });
    }
}

/// Writes the debrief of the game just ended into `dir`: the HTML (with the what-if overlaid, if
/// one is given) and, beside it, the CSV of the run, one row per day. Returns both paths, or what
/// went wrong (a previous file of the same name is left intact).
pub fn write_debrief(
    sum: &EndSummary,
    what_if: Option<(&str, &RunResult)>,
    each: Option<Impacts>,
    dir: &Path,
    lang: crate::i18n::Lang,
) -> Result<(PathBuf, PathBuf), String> {
    let overlay = what_if.map(|(label, r)| Overlay {
        label: crate::tr!(lang, "whatif-label", change = label),
        result: r,
    });
    let page = html_with(&sum.result, &sum.customers, overlay, each, lang);
    let path = dir.join(format!(
        "debrief-seed-{}-day-{}.html",
        sum.result.seed,
        sum.day()
    ));
    let csv = path.with_extension("csv");
    crate::platform::files::create_dir_all(dir)
        .and_then(|_| write_atomic(&path, page.as_bytes()))
        .map_err(|e| format!("{}: {e}", path.display()))?;
    let table = days_csv(&sum.result.rows).map_err(|e| format!("{}: {e}", csv.display()))?;
    write_atomic(&csv, &table).map_err(|e| format!("{}: {e}", csv.display()))?;
    // In a browser the files are kept in the page's storage and handed over as downloads.
    if crate::platform::BROWSER {
        let name = |p: &Path| p.file_name().map(|n| n.to_string_lossy().into_owned());
        if let (Some(h), Some(c)) = (name(&path), name(&csv)) {
            crate::platform::offer_download(&h, "text/html", page.as_bytes());
            crate::platform::offer_download(&c, "text/csv", &table);
        }
    }
    Ok((path, csv))
}
