//! One short orchestration function per subcommand.

mod build;
mod check;
mod import;
mod init;
mod matching;
mod new;
mod rules;
mod schema;
mod serve;
mod status;

use crate::cli::{Cli, Command};
use crate::error::Result;

/// Writes a command's result to stdout; a closed pipe (`| head`) is not a failure.
fn print(output: &str) {
    use std::io::Write;
    let mut stdout = std::io::stdout().lock();
    let _ = stdout
        .write_all(output.as_bytes())
        .and_then(|()| stdout.flush());
}

/// Leaves `value` to the end of the process: a large program's records, view and guard are
/// many small allocations, and freeing them one by one only delays the exit (tens of
/// milliseconds at 80,000 files). Called by a command just before it returns its code.
fn exit_without_freeing<T>(value: T) {
    std::mem::forget(value);
}

/// Runs a command; the result is the exit code (0 or 1) or a failure (exit 2).
pub fn run(cli: Cli) -> Result<u8> {
    match cli.command {
        Command::Check(args) => check::run(&args),
        Command::Build(args) => build::run(&args),
        Command::Serve(args) => serve::run(&args),
        Command::Rules => rules::list(),
        Command::Explain { rule } => rules::explain(&rule),
        Command::New(what) => new::run(&what),
        Command::Status(args) => status::run(&args),
        Command::Schema(args) => schema::run(&args),
        Command::Init(args) => init::run(&args),
        Command::Import(args) => import::run(&args),
        Command::Match(args) => matching::run(&args),
    }
}
