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

/// `println!` for a command's output that survives a closed pipe (`mentorbook init | head`):
/// what could not be written is dropped, never a panic.
macro_rules! say {
    ($($arg:tt)*) => {
        $crate::cmd::print(&format!("{}\n", format_args!($($arg)*)))
    };
}
pub(crate) use say;

/// Writes a command's result to stdout; a closed pipe (`| head`) is not a failure.
pub(crate) fn print(output: &str) {
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

/// `mentorbook help [COMMAND…]`: the help of mentorbook or of one of its commands, as
/// `--help` prints it.
fn help(path: &[String]) -> Result<u8> {
    use clap::CommandFactory;
    let mut command = crate::cli::Cli::command();
    // Built as for parsing, so every command shows the flags it inherits (`--version`).
    command.build();
    for (depth, name) in path.iter().enumerate() {
        let Some(sub) = command.find_subcommand(name).cloned() else {
            let known: Vec<String> = command
                .get_subcommands()
                .map(|c| c.get_name().to_owned())
                .collect();
            let hint = crate::suggest::did_you_mean(name, known.iter().map(String::as_str))
                .map_or(String::new(), |k| format!(": did you mean `{k}`?"));
            let at = path[..depth].join(" ");
            return Err(crate::error::Error::Usage(format!(
                "`mentorbook {at}{}{name}` is not a command{hint} (`mentorbook help` lists them)",
                if at.is_empty() { "" } else { " " }
            )));
        };
        command = sub.bin_name(format!("mentorbook {}", path[..=depth].join(" ")));
    }
    print(&command.render_long_help().to_string());
    Ok(0)
}

/// Runs a command; the result is the exit code (0 or 1) or a failure (exit 2).
pub fn run(cli: Cli) -> Result<u8> {
    match cli.command {
        Command::Check(args) => check::run(&args),
        Command::Build(args) => build::run(&args),
        Command::Serve(args) => serve::run(&args),
        Command::Rules(args) => rules::list(&args),
        Command::Explain { rule, records } => rules::explain(&rule, &records),
        Command::Help { command } => help(&command),
        Command::New(what) => new::run(&what),
        Command::Status(args) => status::run(&args),
        Command::Schema(args) => schema::run(&args),
        Command::Init(args) => init::run(&args),
        Command::Import(args) => import::run(&args),
        Command::Match(args) => matching::run(&args),
    }
}
