//! The command line (clap derive). Doc comments are the help text.

use chrono::NaiveDate;
use clap::{Args, Parser, Subcommand, ValueEnum};
use std::path::PathBuf;

/// Keep a mentoring program's records in git, check them against the program's rules, and
/// publish a dashboard for the volunteers.
#[derive(Debug, Parser)]
#[command(name = "mentorbook", version, propagate_version = true)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Command,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Check every record against the program's rules; exit 1 on errors.
    ///
    /// Example: mentorbook check --format github
    Check(CheckArgs),

    /// Render the static dashboard into --out (default site/); exit 0 when it was written.
    ///
    /// Example: mentorbook build --out site --base-url https://mla.example.org/mentoring/
    Build(BuildArgs),

    /// List the rule catalogue with default severities.
    ///
    /// Example: mentorbook rules
    Rules,

    /// Explain one rule: the guideline it enforces, and a passing and a failing example.
    ///
    /// Example: mentorbook explain meeting-cadence
    Explain {
        /// A rule id, as `mentorbook rules` lists them.
        rule: String,
    },
}

#[derive(Debug, Args)]
pub struct RecordsArgs {
    /// The records folder.
    #[arg(long, value_name = "DIR", default_value = "records")]
    pub records: PathBuf,

    /// The date to check for (YYYY-MM-DD); default: program.toml's as_of, else today.
    #[arg(long, value_name = "YYYY-MM-DD", value_parser = parse_as_of)]
    pub as_of: Option<NaiveDate>,
}

#[derive(Debug, Args)]
pub struct CheckArgs {
    #[command(flatten)]
    pub records: RecordsArgs,

    /// Output format.
    #[arg(long, value_enum, default_value_t = Format::Human)]
    pub format: Format,

    /// Treat warnings as errors (exit 1 when there are any).
    #[arg(long, value_enum, value_name = "warnings")]
    pub deny: Option<Deny>,

    /// Colour the human output: auto means on a terminal, unless NO_COLOR is set.
    #[arg(long, value_enum, default_value_t = Color::Auto)]
    pub color: Color,
}

#[derive(Debug, Args)]
pub struct BuildArgs {
    #[command(flatten)]
    pub records: RecordsArgs,

    /// A folder whose files replace the built-in templates of the same name (e.g. style.css).
    #[arg(long, value_name = "DIR", default_value = "templates")]
    pub templates: PathBuf,

    /// Where to write the site. An existing folder must be empty or a previous site.
    #[arg(long, value_name = "DIR", default_value = "site")]
    pub out: PathBuf,

    /// Write links under this URL instead of relative links.
    #[arg(long, value_name = "URL")]
    pub base_url: Option<String>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum Format {
    /// rustc-style messages with the offending line (the default).
    Human,
    /// GitHub Actions annotations.
    Github,
    /// One JSON document.
    Json,
    /// A Markdown summary for a pull request or $GITHUB_STEP_SUMMARY.
    Markdown,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum Deny {
    Warnings,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum Color {
    Auto,
    Always,
    Never,
}

fn parse_as_of(text: &str) -> Result<NaiveDate, String> {
    crate::load::parse_date(text).map_err(|why| format!("the date {why}"))
}
