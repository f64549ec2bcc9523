//! Writes a synthetic, rule-abiding program for benchmarks and by-hand trials (the library's
//! `mentorbook::generate`); an example, so `cargo install` never installs it.
//!
//! cargo run --release --example generate -- --relationships 5000 --out target/big/records
//! cargo run --release --example generate -- --relationships 40 --canary --out leak/records

use chrono::NaiveDate;
use clap::Parser;
use mentorbook::generate::{Options, write};
use std::path::PathBuf;
use std::process::ExitCode;
use std::time::Instant;

/// Write a synthetic program that passes every rule as of its as-of day.
#[derive(Parser)]
struct Args {
    /// How many relationships.
    #[arg(long, default_value_t = 100)]
    relationships: usize,
    /// The records folder to write: must not exist, or be empty.
    #[arg(long)]
    out: PathBuf,
    /// The same seed always gives the same files.
    #[arg(long, default_value_t = 1)]
    seed: u64,
    /// Put a marker containing `canary` into every confidential value.
    #[arg(long)]
    canary: bool,
    /// The day the program is valid on (program.toml's as_of).
    #[arg(long, value_name = "YYYY-MM-DD", default_value = "2026-11-30")]
    as_of: NaiveDate,
}

fn main() -> ExitCode {
    let args = Args::parse();
    let options = Options {
        relationships: args.relationships,
        seed: args.seed,
        as_of: args.as_of,
        canary: args.canary,
    };
    let started = Instant::now();
    match write(&options, &args.out) {
        Ok(manifest) => {
            println!(
                "{} in {} ({:.2} s)",
                manifest.summary(),
                args.out.display(),
                started.elapsed().as_secs_f64()
            );
            ExitCode::SUCCESS
        }
        Err(error) => {
            eprintln!("error: {error}");
            ExitCode::from(2)
        }
    }
}
