//! The `customer-first` command: parses its arguments and hands them to the subcommand
//! ([`customer_first::cli`]); without a subcommand it opens the game's title screen.

use std::process::ExitCode;

#[cfg(not(target_arch = "wasm32"))]
use clap::Parser;

#[cfg(not(target_arch = "wasm32"))]
use customer_first::cli::{Cli, Command, calibrate, check, class, code, play, run, sweep, whatif};

#[cfg(not(target_arch = "wasm32"))]
fn main() -> ExitCode {
    let cli = Cli::parse();
    let lang = cli.language();
    let display = cli.display();
    customer_first::cli::set_language(lang);
    match cli.command {
        None => play::play(play::PlayArgs::default(), false, cli.lang, display),
        Some(Command::Play(args)) => play::play(args, true, cli.lang, display),
        Some(Command::Run(args)) => run::run(args, lang),
        Some(Command::Whatif(args)) => whatif::whatif(args, lang),
        Some(Command::Sweep(args)) => sweep::sweep(args, lang),
        Some(Command::Check(args)) => check::check(args, lang),
        Some(Command::Code(args)) => code::code(args, lang),
        Some(Command::Class(args)) => class::class(args, lang),
        Some(Command::Calibrate(args)) => calibrate::calibrate(args, lang),
    }
}

/// In a browser there is no command line: the page opens the title screen (web/index.html).
#[cfg(target_arch = "wasm32")]
fn main() -> ExitCode {
    use customer_first::cli::{Display, play};
    play::play(play::PlayArgs::default(), false, None, Display::default())
}
