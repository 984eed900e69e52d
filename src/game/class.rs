//! The Class screen's state, without a window: the folder of results files to read, reading and
//! replaying them in the background (a class of thirty three-year games takes a few seconds),
//! the world shown, the trainer's weights and the figure charted. The screen draws it
//! ([`super::screens::class`]).

use std::path::PathBuf;

use super::job::Job;
use bevy::prelude::*;

use crate::diagnostics::FileProblems;
use crate::headless::class::{Class, Known};
use crate::i18n::Lang;
use crate::scenario::Weights;

use super::saves::SaveConfig;
use super::state::{GameSet, Screen, Setup};

/// Asks to read the folder typed on the Class screen.
#[derive(Message, Debug, Clone, Copy)]
pub struct ClassLoad;

/// Asks to write the class view as HTML into its folder, and every team's printable page into
/// `debriefs` beside it.
#[derive(Message, Debug, Clone, Copy)]
pub struct ClassExport;

#[derive(Resource, Default)]
pub struct ClassScreen {
    /// The folder of results files, as typed.
    pub folder: String,
    pub loading: Option<Job<Result<Class, FileProblems>>>,
    pub class: Option<Class>,
    /// Why the folder could not be read.
    pub problem: Option<FileProblems>,
    /// The world shown (an index into the class's groups).
    pub group: usize,
    /// The weights the ranking follows (the world's scenario's, until the trainer moves them).
    pub weights: Weights,
    /// The figure the chart shows: 0 retention, 1 reputation, 2 morale, 3 cash.
    pub figure: usize,
    /// Where the HTML went, or why it could not be written.
    pub exported: Option<Result<PathBuf, String>>,
    /// The results files last picked in a browser: how many were kept, and why the others
    /// were not.
    pub picked: Option<(usize, Vec<String>)>,
    /// The folder chooser ("Browse…"), open or not.
    pub picker: super::folders::FolderPicker,
}

impl ClassScreen {
    /// Shows world `i` with its scenario's weights.
    pub fn show_group(&mut self, i: usize) {
        if let Some(g) = self.class.as_ref().and_then(|c| c.groups.get(i)) {
            self.group = i;
            self.weights = g.weights.clone();
        }
    }

    /// Blocks until the folder is read (for tests and scripted runs; the screen polls).
    pub fn wait(&mut self) {
        if let Some(job) = self.loading.take() {
            self.done(job.wait());
        }
    }

    fn done(&mut self, read: Result<Class, FileProblems>) {
        match read {
            Ok(c) => {
                self.class = Some(c);
                self.problem = None;
                self.show_group(0);
            }
            Err(e) => {
                self.class = None;
                self.problem = Some(e);
            }
        }
    }
}

pub(super) fn plugin(app: &mut App) {
    app.init_resource::<ClassScreen>()
        .add_message::<ClassLoad>()
        .add_message::<ClassExport>()
        .add_systems(OnEnter(Screen::Class), open)
        .add_systems(
            Update,
            (take_picked_results, load, poll, export)
                .chain()
                .in_set(GameSet::Model)
                .run_if(in_state(Screen::Class)),
        );
}

/// The first time the screen opens it reads the game's own results folder.
fn open(
    mut screen: ResMut<ClassScreen>,
    config: Option<Res<SaveConfig>>,
    mut loads: MessageWriter<ClassLoad>,
) {
    if screen.folder.is_empty()
        && let Some(c) = config
    {
        let dir = super::results::results_dir(&c);
        // The game's own results folder is where a team's game writes its file: made now, so
        // that the first look at the class view shows an empty class, not a missing folder.
        if let Err(e) = crate::platform::files::create_dir_all(&dir) {
            warn!("cannot make the results folder {}: {e}", dir.display());
        }
        screen.folder = dir.display().to_string();
    }
    if screen.class.is_none() && screen.loading.is_none() && !screen.folder.is_empty() {
        loads.write(ClassLoad);
    }
}

/// Starts reading the folder in the background; the scenarios on offer (the bundled ones and a
/// file the game was opened with) are replayed against.
fn load(
    mut requests: MessageReader<ClassLoad>,
    mut screen: ResMut<ClassScreen>,
    setup: Res<Setup>,
) {
    if requests.read().last().is_none() {
        return;
    }
    let folder = PathBuf::from(screen.folder.trim());
    let mut known = Known::bundled();
    for (_, s, deck) in &setup.scenarios {
        let k = Known::new(s.clone(), deck.clone());
        if !known.iter().any(|x| x.hash == k.hash) {
            known.push(k);
        }
    }
    screen.exported = None;
    screen.loading = Some(Job::spawn(
        async move { Class::load(&folder, &known).await },
    ));
}

/// In a browser: the teams' results files the trainer picked (several at once), each checked
/// as a results file and kept in the class folder (the browser's storage, where the class view
/// reads them, now and on later visits); a file that is not a results file is refused with its
/// problems and not kept. Then the class is read again.
fn take_picked_results(
    mut screen: ResMut<ClassScreen>,
    mut loads: MessageWriter<ClassLoad>,
    lang: Res<Lang>,
) {
    use crate::headless::results_file::{MAX_RESULTS_BYTES, ResultsFile};
    use crate::platform::{Picking, files};
    let (mut kept, mut refused) = (0, Vec::new());
    while let Some((name, bytes)) = crate::platform::take_picked(Picking::Results) {
        let folder = PathBuf::from(screen.folder.trim());
        let Some(file) = std::path::Path::new(&name).file_name() else {
            continue;
        };
        let path = folder.join(file);
        let checked = super::saves::picked_text(bytes, MAX_RESULTS_BYTES, *lang).and_then(|text| {
            ResultsFile::from_ron(std::path::Path::new(&name), &text)
                .map(|_| text)
                .map_err(|e| e.render(*lang))
        });
        match checked.and_then(|text| {
            files::create_dir_all(&folder)
                .and_then(|()| crate::headless::files::write_atomic(&path, text.as_bytes()))
                .map_err(|e| format!("{}: {e}", path.display()))
        }) {
            Ok(()) => kept += 1,
            Err(e) => refused.push(e),
        }
    }
    if kept == 0 && refused.is_empty() {
        return;
    }
    screen.picked = Some((kept, refused));
    if kept > 0 {
        loads.write(ClassLoad);
    }
}

fn poll(mut screen: ResMut<ClassScreen>) {
    let Some(task) = screen.loading.as_mut() else {
        return;
    };
    if let Some(read) = task.poll() {
        screen.loading = None;
        screen.done(read);
    }
}

/// Writes `class.html` into the folder, with the trainer's weights.
fn export(
    mut requests: MessageReader<ClassExport>,
    mut screen: ResMut<ClassScreen>,
    lang: Res<Lang>,
) {
    if requests.read().last().is_none() {
        return;
    }
    let Some(class) = &screen.class else { return };
    let path = class.folder.join("class.html");
    // The trainer's weights are for the world shown; with several worlds each keeps its own (the
    // page lets the room change them again).
    let weights = (class.groups.len() == 1).then_some(&screen.weights);
    let page = crate::headless::html::class::html(class, weights, *lang);
    let pages = class.folder.join("debriefs");
    let written = crate::headless::files::write_atomic(&path, page.as_bytes())
        .map_err(|e| format!("{}: {e}", path.display()))
        .and_then(|()| {
            class
                .write_team_pages(&pages, weights)
                .map_err(|e| format!("{}: {e}", pages.display()))
        })
        .map(|_| path.clone());
    if crate::platform::BROWSER && written.is_ok() {
        // The pages are kept in the browser's storage too; the trainer takes them away as files
        // (the browser asks once whether the page may download several).
        crate::platform::offer_download("class.html", "text/html", page.as_bytes());
        for team in crate::platform::files::list(&pages).unwrap_or_default() {
            if let (Some(name), Ok(bytes)) = (team.file_name(), crate::platform::files::read(&team))
            {
                crate::platform::offer_download(&name.to_string_lossy(), "text/html", &bytes);
            }
        }
    }
    screen.exported = Some(written);
}
