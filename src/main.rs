//! `mentorbook`: parse the command line, run the command, map the outcome to an exit code
//! (0 success, 1 rule violations, 2 could not run).

use clap::Parser;
use mentorbook::cli::Cli;
use std::process::ExitCode;

fn main() -> ExitCode {
    let cli = Cli::parse();
    match mentorbook::cmd::run(cli) {
        Ok(code) => ExitCode::from(code),
        Err(error) => {
            eprintln!("error: {error}");
            ExitCode::from(error.exit_code())
        }
    }
}
