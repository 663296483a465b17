//! `planlens`: the command-line interface over the PlanLens core.
//!
//! Every command is a thin layer over library functions; see `planlens --help`.

mod cli;

use std::process::ExitCode;

use clap::Parser;

fn main() -> ExitCode {
    let args = cli::Cli::parse();
    match cli::run(args) {
        Ok(code) => code,
        Err(e) => {
            eprintln!("planlens: error: {e}");
            ExitCode::from(2)
        }
    }
}
