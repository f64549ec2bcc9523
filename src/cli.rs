//! The command line (clap derive). Doc comments are the help text.

use crate::model::{Choice, Quarter, Role};
use chrono::NaiveDate;
use clap::{Args, Parser, Subcommand, ValueEnum};
use std::path::PathBuf;

/// Keep a mentoring program's records in git, check them against the program's rules, and
/// publish a dashboard for the volunteers.
#[derive(Debug, Parser)]
#[command(
    name = "mentorbook",
    version,
    propagate_version = true,
    disable_help_subcommand = true,
    after_help = "Examples (in a records repository, or on the demo: mentorbook init --demo demo && cd demo):
  mentorbook check                  check every record, rustc-style
  mentorbook build                  render the dashboard into site/
  mentorbook status                 what is due, overdue first
  mentorbook help new               how to write a new record"
)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Command,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Check every record against the program's rules; exit 1 on errors.
    ///
    /// Example: mentorbook check --format github
    #[command(mut_arg("as_of", |a| a.help(AS_OF_CHECK)))]
    Check(CheckArgs),

    /// Render the static dashboard into --out (default site/); exit 0 when it was written.
    ///
    /// Example: mentorbook build --out site --base-url https://mla.example.org/mentoring/
    #[command(mut_arg("as_of", |a| a.help(AS_OF_SITE)))]
    Build(BuildArgs),

    /// Preview the dashboard at http://127.0.0.1:PORT/, rebuilt and reloaded as files change.
    ///
    /// Example: mentorbook serve --port 4000 --open
    #[command(mut_arg("as_of", |a| a.help(AS_OF_SITE)))]
    Serve(ServeArgs),

    /// List the rule catalogue with default severities, and the program's own when there
    /// are records.
    ///
    /// Example: mentorbook rules --records records
    Rules(CatalogueArgs),

    /// Explain one rule: the guideline it enforces, and a passing and a failing example.
    ///
    /// Example: mentorbook explain meeting-cadence
    Explain {
        /// A rule id, as `mentorbook rules` lists them.
        rule: String,
        #[command(flatten)]
        records: CatalogueArgs,
    },

    /// Write a new record, correctly named and shaped; prints the path written.
    ///
    /// Example: mentorbook new meeting r-2026-001 --date 2026-11-25 --mode telephone
    #[command(subcommand, disable_help_subcommand = true)]
    New(NewCommand),

    /// What is due: each active relationship's next meeting and evaluation, and lapsing
    /// memberships, overdue first.
    ///
    /// Example: mentorbook status --format markdown
    #[command(mut_arg("as_of", |a| a.help(AS_OF_STATUS)))]
    Status(StatusArgs),

    /// Write a JSON Schema for each record kind, so editors check records as they are typed.
    ///
    /// Example: mentorbook schema --out schemas
    Schema(SchemaArgs),

    /// Start a new records repository in DIR: program.toml, folders, CI workflows, README.
    ///
    /// Example: mentorbook init --demo demo
    Init(InitArgs),

    /// Turn a spreadsheet (.csv or .xlsx) into records, one a row, exactly as `new` writes
    /// them; refused rows are reported at FILE:ROW:COLUMN.
    ///
    /// Example: mentorbook import people examples/applications.xlsx --columns examples/columns.toml --dry-run
    Import(ImportArgs),

    /// Propose mentor–mentee pairs the rules accept for a relationship starting --start: as
    /// many mentees matched as possible, then the best total score, each pair with reasons.
    ///
    /// Example: mentorbook match --start 2027-01-15
    #[command(mut_arg("as_of", |a| a.help(AS_OF_MATCH)))]
    Match(MatchArgs),

    /// Print the help of mentorbook, or of a command (`help new meeting`).
    ///
    /// Example: mentorbook help check
    Help {
        /// A command, and a subcommand of it.
        command: Vec<String>,
    },
}

const AS_OF_CHECK: &str = "The day to check the records as of (YYYY-MM-DD): meetings, evaluations and statuses are judged on it. Default: program.toml's as_of, else today";
const AS_OF_SITE: &str = "The day the dashboard is as of (YYYY-MM-DD): what is due, counts and standings. Default: program.toml's as_of, else today";
const AS_OF_STATUS: &str =
    "The day to list what is due from (YYYY-MM-DD). Default: program.toml's as_of, else today";
const AS_OF_MATCH: &str = "The day the rules are judged as of, when --start is not given (YYYY-MM-DD). Default: program.toml's as_of, else today";

#[derive(Debug, Subcommand)]
pub enum NewCommand {
    /// A person: people/ID.yaml.
    ///
    /// Example: mentorbook new person lee-park --name "Lee Park" --role mentee
    Person {
        /// The person's id: lowercase letters, digits and `-` (the file name).
        id: String,
        /// The person's full name.
        #[arg(long)]
        name: String,
        /// mentor, mentee or representative; repeat or separate by commas for several.
        #[arg(long = "role", value_name = "ROLE", required = true, value_delimiter = ',', value_parser = parse_role)]
        roles: Vec<Role>,
        #[command(flatten)]
        records: FolderArgs,
    },

    /// A relationship: relationships/ID/relationship.yaml, ending after the longest term.
    ///
    /// Example: mentorbook new relationship --mentor dana-whitfield --mentee lee-park --start 2027-01-15
    Relationship {
        /// The mentor's person id.
        #[arg(long)]
        mentor: String,
        /// The mentee's person id.
        #[arg(long)]
        mentee: String,
        /// The first day of the relationship.
        #[arg(long, value_name = "YYYY-MM-DD", value_parser = parse_day)]
        start: NaiveDate,
        /// The relationship id; default the next free r-YYYY-NNN of the start's year.
        #[arg(long)]
        id: Option<String>,
        #[command(flatten)]
        records: FolderArgs,
    },

    /// A meeting log: relationships/REL/meetings/DATE.md (DATE-2.md for a second that day).
    ///
    /// Example: mentorbook new meeting r-2026-001 --date 2026-11-25 --mode telephone
    Meeting {
        /// The relationship id.
        relationship: String,
        /// The day of the meeting.
        #[arg(long, value_name = "YYYY-MM-DD", value_parser = parse_day)]
        date: NaiveDate,
        /// How it was held: one of the program's meeting_modes.
        #[arg(long)]
        mode: String,
        #[command(flatten)]
        records: FolderArgs,
    },

    /// A quarterly evaluation: relationships/REL/evaluations/YYYY-Qn.yaml.
    ///
    /// Example: mentorbook new evaluation r-2026-001 --quarter 2026-Q4 --representative pat-kim
    Evaluation {
        /// The relationship id.
        relationship: String,
        /// The calendar quarter evaluated, e.g. 2026-Q4.
        #[arg(long, value_name = "YYYY-Qn", value_parser = parse_quarter)]
        quarter: Quarter,
        /// The PLCI representative's person id.
        #[arg(long)]
        representative: String,
        #[command(flatten)]
        records: FolderArgs,
    },

    /// A mentoring agreement: relationships/REL/agreement.md.
    ///
    /// Example: mentorbook new agreement r-2027-001
    Agreement {
        /// The relationship id.
        relationship: String,
        #[command(flatten)]
        records: FolderArgs,
    },
}

/// `--records` for the catalogue: optional, since the catalogue needs no records.
#[derive(Debug, Args)]
pub struct CatalogueArgs {
    /// A records folder whose program.toml's [severity] to show (default: records, when
    /// there is one).
    #[arg(long, value_name = "DIR")]
    pub records: Option<PathBuf>,
}

/// `--records` alone, for commands where no date matters.
#[derive(Debug, Args)]
pub struct FolderArgs {
    /// The records folder.
    #[arg(long, value_name = "DIR", default_value = "records")]
    pub records: PathBuf,
}

#[derive(Debug, Args)]
pub struct StatusArgs {
    #[command(flatten)]
    pub records: RecordsArgs,

    /// Output format.
    #[arg(long, value_enum, default_value_t = StatusFormat::Table)]
    pub format: StatusFormat,

    /// Colour the table: auto means on a terminal, unless NO_COLOR is set.
    #[arg(long, value_enum, default_value_t = Color::Auto)]
    pub color: Color,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum StatusFormat {
    /// An aligned table, coloured on a terminal (the default).
    Table,
    /// One JSON document.
    Json,
    /// An iCalendar file of the due dates, for a calendar program.
    Ics,
    /// A Markdown checklist grouped overdue / due in the next 30 days / later, for an issue.
    Markdown,
}

#[derive(Debug, Args)]
pub struct SchemaArgs {
    /// Where to write the schema files (created if missing; existing schema files are replaced).
    #[arg(long, value_name = "DIR", default_value = "schemas")]
    pub out: PathBuf,
}

#[derive(Debug, Args)]
pub struct ImportArgs {
    /// What each row is.
    #[arg(value_enum)]
    pub kind: crate::import::Kind,

    /// The spreadsheet: a .csv file (UTF-8) or an .xlsx workbook. Row 1 holds the headers.
    #[arg(value_name = "FILE")]
    pub file: PathBuf,

    /// A TOML file naming the columns whose headers are not record keys:
    /// `[columns]`, then lines `key = "header"`.
    #[arg(long, value_name = "MAP.toml")]
    pub columns: Option<PathBuf>,

    /// The workbook's sheet to read; default the first.
    #[arg(long, value_name = "NAME")]
    pub sheet: Option<String>,

    /// Write nothing; print each record that would be written.
    #[arg(long)]
    pub dry_run: bool,

    #[command(flatten)]
    pub records: FolderArgs,

    /// Output format of the report and of refused rows.
    #[arg(long, value_enum, default_value_t = Format::Human)]
    pub format: Format,

    /// Colour the human output: auto means on a terminal, unless NO_COLOR is set.
    #[arg(long, value_enum, default_value_t = Color::Auto)]
    pub color: Color,
}

#[derive(Debug, Args)]
pub struct MatchArgs {
    #[command(flatten)]
    pub records: RecordsArgs,

    /// The day the proposed relationships start; default the as-of date.
    #[arg(long, value_name = "YYYY-MM-DD", value_parser = parse_day)]
    pub start: Option<NaiveDate>,

    /// Also match this mentee, who has had a relationship before; repeat for several.
    #[arg(long = "mentee", value_name = "ID")]
    pub mentees: Vec<String>,

    /// Output format.
    #[arg(long, value_enum, default_value_t = MatchFormat::Table)]
    pub format: MatchFormat,

    /// Write each proposed pair's relationship.yaml, as `new relationship` would.
    #[arg(long)]
    pub write: bool,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum MatchFormat {
    /// Each pair with its reasons, then each mentee left without a mentor and why.
    Table,
    /// One JSON document.
    Json,
}

#[derive(Debug, Args)]
pub struct InitArgs {
    /// The folder to set up (created if missing): without --update it must not hold records
    /// yet; with --update it must be a records repository.
    pub dir: PathBuf,

    /// How the records workflow publishes the dashboard built from main. `repository` works
    /// on GitHub's free plan; `pages` needs a paid one while the records repository is private.
    #[arg(long, value_enum, default_value_t = Publish::Repository)]
    pub publish: Publish,

    /// Fill the new repository with the demo program instead of an empty one, to try
    /// `check`, `build` and `status` on.
    #[arg(long, conflicts_with = "update")]
    pub demo: bool,

    /// Add to a records repository made by an earlier `init` the files this version writes,
    /// keeping every existing file unchanged (records/ is never touched).
    #[arg(long)]
    pub update: bool,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum Publish {
    /// Push the built site to a separate public repository's GitHub Pages branch.
    Repository,
    /// Deploy to the records repository's own GitHub Pages.
    Pages,
    /// Keep the built site as a workflow artifact.
    None,
}

impl Publish {
    /// The mode as `--publish` spells it.
    pub fn name(self) -> &'static str {
        match self {
            Publish::Repository => "repository",
            Publish::Pages => "pages",
            Publish::None => "none",
        }
    }
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

    /// Compare with the records at git revision REF (e.g. origin/main): each problem is new,
    /// fixed or existing, and only new errors fail the check.
    #[arg(long, value_name = "REF")]
    pub base: Option<String>,
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

    /// Build the records as they were at this git revision (a commit, tag or branch), read
    /// from git; the work tree is not touched. As of --as-of, else that revision's as_of,
    /// else the commit's date.
    #[arg(long, value_name = "REV")]
    pub rev: Option<String>,
}

#[derive(Debug, Args)]
pub struct ServeArgs {
    #[command(flatten)]
    pub records: RecordsArgs,

    /// A folder whose files replace the built-in templates of the same name; watched too.
    #[arg(long, value_name = "DIR", default_value = "templates")]
    pub templates: PathBuf,

    /// Preview the records as they were at this git revision (read from git; only the
    /// templates are watched).
    #[arg(long, value_name = "REV")]
    pub rev: Option<String>,

    /// The port to listen on; 0 picks a free one.
    #[arg(long, value_name = "N", default_value_t = 4000)]
    pub port: u16,

    /// The address to listen on. Only the default, loopback, keeps other machines out.
    #[arg(long, value_name = "ADDR", default_value = "127.0.0.1")]
    pub bind: std::net::IpAddr,

    /// Open the dashboard in the browser.
    #[arg(long)]
    pub open: bool,
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

fn parse_day(text: &str) -> Result<NaiveDate, String> {
    parse_as_of(text)
}

fn parse_role(text: &str) -> Result<Role, String> {
    Role::parse(text).ok_or_else(|| {
        let names: Vec<&str> = Role::CHOICES.iter().map(|(name, _)| *name).collect();
        format!("a role is one of {}", names.join(", "))
    })
}

fn parse_quarter(text: &str) -> Result<Quarter, String> {
    let quarter = text.split_once("-Q").and_then(|(year, number)| {
        let valid = year.len() == 4 && number.len() == 1;
        let quarter = Quarter {
            year: year.parse().ok()?,
            number: number.parse().ok()?,
        };
        (valid && (1..=4).contains(&quarter.number)).then_some(quarter)
    });
    quarter.ok_or_else(|| "a quarter is written YYYY-Qn with n from 1 to 4, e.g. 2026-Q4".into())
}
