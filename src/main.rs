//! The `customer-first` command: parses its arguments and hands them to the subcommand
//! ([`customer_first::cli`]); without a subcommand it opens the game's title screen.

use std::process::ExitCode;

use clap::Parser;

use customer_first::cli::{Cli, Command, check, play, run, whatif};

fn main() -> ExitCode {
    match Cli::parse().command {
        None => play::play(play::PlayArgs::default(), false),
        Some(Command::Play(args)) => play::play(args, true),
        Some(Command::Run(args)) => run::run(args),
        Some(Command::Whatif(args)) => whatif::whatif(args),
        Some(Command::Check(args)) => check::check(args),
    }
}
