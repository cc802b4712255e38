//! `targets`: the command-line tool over the `policy_targets` library.

mod args;
mod busy;
mod commands;
mod failure;
mod help;
mod mistake;
mod write;

use std::process::ExitCode;

use clap::{CommandFactory, FromArgMatches};

use args::{Cli, Command};
use commands::{
    export, extract, gap, index, init, list, progress, rank, report, schema, synth, validate,
};
use failure::Failure;

/// Runs the command `cli` asks for.
fn run(cli: Cli) -> Result<(), Failure> {
    let data = cli.data.as_deref();
    if let Some(common) = cli.command.common() {
        commands::check_common(common)?;
    }
    match cli.command {
        Command::Validate(args) => validate::run(data, args.lang),
        Command::Export(args) => export::run(data, args),
        Command::Extract(args) => extract::run(data, args),
        Command::Schema(args) => schema::run(args),
        Command::Rank(args) => rank::run(data, args),
        Command::Gap(args) => gap::run(data, args),
        Command::Progress(args) => progress::run(data, args),
        Command::Index(args) => index::run(data, args),
        Command::Synth(args) => synth::run(args),
        Command::Report(args) => report::run(data, args),
        Command::Init(args) => init::run(args),
        Command::List(args) => list::run(data, args),
    }
}

fn main() -> ExitCode {
    let args: Vec<std::ffi::OsString> = std::env::args_os().collect();
    let asked = mistake::lang_of(&args);
    let command = match asked {
        policy_targets::Lang::Zh => help::in_chinese(Cli::command()),
        policy_targets::Lang::En => Cli::command(),
    };
    let parsed = command
        .try_get_matches_from(&args)
        .and_then(|matches| Cli::from_arg_matches(&matches));
    let mut cli = match parsed {
        Ok(cli) => cli,
        Err(err) => match mistake::command_line(err, asked, &args) {
            Ok(failure) => {
                eprintln!("{}", failure.text(policy_targets::Lang::Zh));
                return ExitCode::from(failure.code);
            }
            Err(err) => err.exit(),
        },
    };
    let lang = cli.settle_lang();
    if let Some(task) = cli.command.task() {
        busy::start(task, lang);
    }
    let done = run(cli);
    busy::stop();
    match done {
        Ok(()) => ExitCode::SUCCESS,
        Err(failure) => {
            eprintln!("{}", failure.text(lang));
            ExitCode::from(failure.code)
        }
    }
}
