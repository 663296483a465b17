//! `planlens`: the command-line interface over the PlanLens core.
//!
//! Every command is a thin layer over library functions; see `planlens --help`.

mod cli;

use std::process::ExitCode;

use clap::Parser;

fn main() -> ExitCode {
    restore_sigpipe();
    let args = cli::Cli::parse();
    match cli::run(args) {
        Ok(code) => code,
        Err(e) => {
            eprintln!("planlens: error: {e}");
            ExitCode::from(2)
        }
    }
}

/// Lets a closed pipe (`planlens compare --format json | head`) end the
/// process quietly, as it does other command-line tools, instead of a panic
/// with a backtrace: Rust ignores SIGPIPE, so `println!` would fail.
fn restore_sigpipe() {
    #[cfg(unix)]
    // SAFETY: called first thing in `main`, before any thread is spawned;
    // resetting a signal to its default disposition has no other effect.
    unsafe {
        libc::signal(libc::SIGPIPE, libc::SIG_DFL);
    }
}
