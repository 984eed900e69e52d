//! Everything on screen (feature `gui`): the title, the playing screen with the floor, the
//! panels and charts, and the end screen. The model runs in a world of its own
//! ([`model::Model`]); this module reads it and sends the player's decisions back.
//!
//! [`logic_plugin`] holds the screen flow and the systems that translate the model into the
//! view; it needs no window and is what the headless tests exercise. [`run`] adds Bevy's
//! windowing and rendering and the screens ([`screens`], drawing the [`panels`] in the look of
//! [`widgets`]).

use bevy::prelude::*;

#[cfg(all(feature = "ci", not(target_arch = "wasm32")))]
mod ci;
pub mod class;
pub mod debrief;
pub mod explore;
pub mod feed;
pub mod floor_view;
pub mod folders;
pub mod guide;
pub mod input;
pub mod job;
pub mod kinsoku;
pub mod model;
pub mod panels;
pub mod results;
pub mod saves;
pub mod screens;
pub mod session;
pub mod settings;
pub mod state;
pub mod ui;
pub mod whatif;
pub mod widgets;
pub mod window;

pub use settings::SettingsInUse;
pub use state::{GameSet, Screen, Setup, StartGame};

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
            feed::plugin,
            floor_view::plugin,
            guide::plugin,
            ui::plugin,
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
    mut feed: ResMut<feed::Feed>,
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
    *feed = feed::Feed::default();
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
    .insert_resource(ui::Look {
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
