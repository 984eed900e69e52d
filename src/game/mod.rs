//! Everything on screen (feature `gui`): the title, the playing screen with the floor, the
//! panels and charts, and the end screen. The model runs in a world of its own
//! ([`model::Model`]); this module reads it and sends the player's decisions back.
//!
//! [`logic_plugin`] holds the screen flow and the systems that translate the model into the
//! view; it needs no window and is what the headless tests exercise. [`run`] adds Bevy's
//! windowing and rendering and the screens ([`screens`], drawing the [`panels`] in the look of
//! [`widgets`]).

use bevy::prelude::*;

use crate::dilemmas::Deck;
use crate::scenario::Scenario;

#[cfg(all(feature = "ci", not(target_arch = "wasm32")))]
mod ci;
pub mod class;
pub mod debrief;
pub mod explore;
pub mod floor_view;
pub mod guide;
pub mod input;
pub mod job;
pub mod model;
pub mod panels;
pub mod results;
pub mod saves;
pub mod screens;
pub mod session;
pub mod whatif;
pub mod widgets;
pub mod window;

#[derive(States, Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum Screen {
    #[default]
    Title,
    Playing,
    End,
    /// The trainer's class view: every team's results side by side.
    Class,
}

/// Per-frame order: read the player's input, advance the model, then update the view.
#[derive(SystemSet, Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum GameSet {
    Input,
    Model,
    View,
}

/// What to play: chosen on the title screen, or given on the command line.
#[derive(Resource, Debug, Clone)]
pub struct Setup {
    /// The bundled scenarios (file name, scenario, its deck), in title-screen order.
    pub scenarios: Vec<(String, Scenario, Option<Deck>)>,
    pub chosen: usize,
    pub seed: u64,
    pub seed_text: String,
    /// The session code typed on the title screen, and what came of the last attempt to join.
    pub code_text: String,
    pub code_status: Option<Result<String, crate::diagnostics::Msg>>,
    /// The session joined, while the chosen scenario and seed are the ones it names.
    pub code: Option<crate::session::SessionCode>,
    /// The team's name, for its results file.
    pub team: String,
    /// Free play or a timed workshop (chosen on the title screen, or the session code's).
    pub preset: crate::session::Preset,
    /// A new game opens on the scenario's briefing (the window does; the tests start at once).
    pub brief: bool,
    /// The first-run guide runs on the default scenario (until the player finishes or skips it).
    pub guide: bool,
}

impl Setup {
    /// The bundled scenarios, the default chosen, its own seed.
    pub fn bundled() -> Self {
        let scenarios: Vec<_> = crate::headless::setup::every_bundled()
            .into_iter()
            .map(|l| (l.path.display().to_string(), l.scenario, l.deck))
            .collect();
        let seed = scenarios.first().map_or(1, |s| s.1.seed);
        Setup {
            scenarios,
            chosen: 0,
            seed,
            seed_text: seed.to_string(),
            code_text: String::new(),
            code_status: None,
            code: None,
            team: String::new(),
            preset: crate::session::Preset::Free,
            brief: false,
            guide: false,
        }
    }

    /// Adds (or selects) a scenario loaded from a file.
    pub fn with_scenario(mut self, name: String, s: Scenario, deck: Option<Deck>) -> Self {
        self.seed = s.seed;
        self.seed_text = s.seed.to_string();
        self.scenarios.insert(0, (name, s, deck));
        self.chosen = 0;
        self
    }

    pub fn with_seed(mut self, seed: u64) -> Self {
        self.seed = seed;
        self.seed_text = seed.to_string();
        self
    }

    pub fn choose(&mut self, i: usize) {
        if let Some(s) = self.scenarios.get(i) {
            self.code = None;
            self.chosen = i;
            self.seed = s.1.seed;
            self.seed_text = self.seed.to_string();
        }
    }

    pub fn scenario(&self) -> Option<&(String, Scenario, Option<Deck>)> {
        self.scenarios.get(self.chosen)
    }

    /// Chooses the world a session code names: among the scenarios on offer (the bundled ones,
    /// and a file the game was opened with), the one the code was made for, at the code's seed.
    /// A code for a scenario not on offer (another version of it, a trainer's own file not
    /// opened) is refused with a message saying so, and nothing changes.
    pub fn join(
        &mut self,
        code: &crate::session::SessionCode,
    ) -> Result<(), crate::diagnostics::Msg> {
        let found = self.scenarios.iter().position(|(_, s, deck)| {
            crate::session::fingerprint(s, deck.as_ref()) == code.fingerprint
        });
        let Some(i) = found else {
            let text = code.text();
            return Err(match code.bundled {
                Some(_) => crate::msg!("code-other-version", code = text),
                None => crate::msg!("code-other-file", code = text),
            });
        };
        self.choose(i);
        self.seed = code.seed;
        self.seed_text = code.seed.to_string();
        self.code = Some(*code);
        self.preset = code.preset;
        Ok(())
    }
}

/// Asks for a new game with the current setup (from the title, "play again" or the CLI).
#[derive(Message, Debug, Clone, Copy)]
pub struct StartGame;

/// The game's logic without a window: screens, model, view translation, input handling.
pub fn logic_plugin(app: &mut App) {
    app.init_state::<Screen>()
        .init_resource::<crate::i18n::Lang>()
        .add_message::<StartGame>()
        .init_resource::<session::Session>()
        .configure_sets(
            Update,
            (GameSet::Input, GameSet::Model, GameSet::View).chain(),
        )
        .add_systems(Update, start_game.in_set(GameSet::Input))
        .add_plugins((
            model::plugin,
            floor_view::plugin,
            guide::plugin,
            input::plugin,
            saves::plugin,
            whatif::plugin,
            explore::plugin,
            debrief::plugin,
            results::plugin,
            class::plugin,
        ));
}

/// Builds a fresh model from the setup and goes to the playing screen.
pub fn start_game(
    mut commands: Commands,
    mut starts: MessageReader<StartGame>,
    mut setup: ResMut<Setup>,
    mut next: ResMut<NextState<Screen>>,
    mut pace: ResMut<model::Pace>,
    mut feed: ResMut<model::Feed>,
) {
    if starts.read().last().is_none() {
        return;
    }
    if let Ok(seed) = setup.seed_text.trim().parse::<u64>() {
        setup.seed = seed;
    }
    setup.seed_text = setup.seed.to_string();
    let Some((_, scenario, deck)) = setup.scenario().cloned() else {
        return;
    };
    // A timed session plays the workshop's dilemmas on their fixed days.
    let played = setup.preset.deck(&scenario, deck.as_ref());
    commands.insert_resource(session::Session::new(setup.preset, &scenario, deck));
    commands.insert_resource(model::Model::new(scenario, setup.seed, played));
    *feed = model::Feed::default();
    pace.paused = false;
    pace.owed = 0.0;
    next.set(Screen::Playing);
}

/// How the game starts.
#[derive(Debug, Clone)]
pub struct Launch {
    pub setup: Setup,
    /// Straight to the playing screen (`customer-first play`).
    pub play_now: bool,
    /// Speed index (0 = 1×); the settings' speed if None.
    pub speed: Option<usize>,
    pub settings: crate::settings::Settings,
    pub settings_file: std::path::PathBuf,
    /// What was wrong with the settings file (the defaults are used instead).
    pub settings_problem: Option<String>,
    /// The language asked for on the command line (`--lang`), over the settings and the system.
    pub lang: Option<crate::i18n::Lang>,
    /// The window's size asked for on the command line (`--window`), over the settings'.
    pub window: Option<crate::settings::WindowSize>,
    /// Projector mode asked for on the command line (`--projector`), over the settings'.
    pub projector: bool,
}

impl Launch {
    /// Reads the player's settings (from [`crate::settings::home`]).
    pub fn new(
        setup: Setup,
        play_now: bool,
        speed: Option<usize>,
        lang: Option<crate::i18n::Lang>,
    ) -> Self {
        let file = crate::settings::home().join("settings.ron");
        let (settings, problem) = crate::settings::load_or_default(&file);
        let mut launch = Launch {
            setup,
            play_now,
            speed,
            settings,
            settings_file: file,
            settings_problem: None,
            lang,
            window: None,
            projector: false,
        };
        launch.settings_problem = problem.map(|p| p.render(launch.language()));
        launch
    }

    /// The language to draw in: `--lang`, else the settings', else the system's.
    pub fn language(&self) -> crate::i18n::Lang {
        self.lang
            .or(self.settings.language)
            .unwrap_or_else(crate::i18n::Lang::from_env)
    }
}

/// The settings in use and where they live (the UI scale is written back when changed).
#[derive(Resource, Debug, Clone)]
pub struct SettingsInUse {
    pub settings: crate::settings::Settings,
    /// The language the game started in (a change from it is saved).
    pub lang_at_start: crate::i18n::Lang,
    pub file: std::path::PathBuf,
    pub problem: Option<String>,
}

/// Opens the window and runs the game until the player quits.
pub fn run(launch: Launch) -> AppExit {
    let lang = launch.language();
    let fit = window::WindowFit::new(launch.window, launch.settings.window);
    let size = fit.first_size();
    let mut app = App::new();
    app.add_plugins(
        DefaultPlugins
            .set(WindowPlugin {
                primary_window: Some(Window {
                    title: "customer-first".into(),
                    resolution: bevy::window::WindowResolution::new(size.width, size.height),
                    // In a browser: the page's canvas, as large as the page (web/index.html).
                    #[cfg(target_arch = "wasm32")]
                    canvas: Some("#customer-first".into()),
                    #[cfg(target_arch = "wasm32")]
                    fit_canvas_to_parent: true,
                    ..default()
                }),
                ..default()
            })
            .set(bevy::log::LogPlugin {
                filter: "wgpu=error,naga=warn,bevy_render=warn,bevy_winit=warn".into(),
                ..default()
            }),
    )
    .insert_resource(ClearColor(Color::srgb(0.08, 0.09, 0.11)))
    .insert_resource(lang)
    .insert_resource(fit)
    .insert_resource(Setup {
        brief: true,
        guide: !launch.settings.guide_done,
        ..launch.setup
    })
    .insert_resource(model::Pace {
        speed: launch
            .speed
            .unwrap_or(launch.settings.speed_index())
            .min(model::SPEEDS.len() - 1),
        ..default()
    })
    .insert_resource(input::UiState {
        zoom: launch.settings.ui_scale as f32,
        projector: launch.projector || launch.settings.projector,
        ..default()
    })
    .insert_resource(saves::SaveConfig::from_settings(
        &launch.settings,
        &launch.settings_file,
    ))
    .insert_resource(SettingsInUse {
        lang_at_start: lang,
        settings: launch.settings,
        file: launch.settings_file,
        problem: launch.settings_problem,
    });
    if std::env::var_os("CUSTOMER_FIRST_FRAME_STATS").is_some() {
        // Frame times in the log once a second (for measuring, e.g. with 2,000 customers drawn).
        app.add_plugins((
            bevy::diagnostic::FrameTimeDiagnosticsPlugin::default(),
            bevy::diagnostic::LogDiagnosticsPlugin::default(),
        ));
    }
    logic_plugin(&mut app);
    app.add_plugins((screens::plugin, window::plugin))
        .add_systems(Startup, setup_camera)
        .add_systems(Last, tell_the_page);
    #[cfg(all(feature = "ci", not(target_arch = "wasm32")))]
    app.add_plugins(ci::plugin);
    if launch.play_now {
        app.add_systems(Startup, |mut w: MessageWriter<StartGame>| {
            w.write(StartGame);
        });
    }
    app.run()
}

/// Tells the page around a browser build where the game is, every frame (a desktop ignores it).
fn tell_the_page(screen: Res<State<Screen>>, model: Option<Res<model::Model>>) {
    let day = model.map_or(0, |m| m.clock().day);
    crate::platform::frame_drawn(&format!("{:?}", screen.get()), day);
}

fn setup_camera(
    mut commands: Commands,
    mut images: ResMut<Assets<Image>>,
    mut fonts: ResMut<Assets<Font>>,
) {
    // The floor's labels (Bevy text) in the font that has Chinese and Latin alike, in place of
    // Bevy's built-in Latin-only font.
    if let Err(e) = fonts.insert(
        &Handle::<Font>::default(),
        Font::from_bytes(widgets::CJK_FONT.to_vec()),
    ) {
        warn!("the floor's labels keep Bevy's default font: {e}");
    }
    // No multisampling: the art is drawn smooth already, and on a software renderer 4× MSAA
    // costs every frame more than all the people on the floor.
    commands.spawn((Camera2d, Msaa::Off));
    let art = floor_view::Art::make(&mut images);
    commands.insert_resource(art);
}
