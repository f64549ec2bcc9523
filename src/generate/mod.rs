//! Synthetic programs for tests and benchmarks. `write` puts a records folder of any size on
//! disk: deterministic for a seed, with people of every role (published and not),
//! relationships active, completed, dissolved and not yet started, agreements, meetings at a
//! monthly cadence and quarterly evaluations — and it passes every rule with zero errors and
//! zero warnings as of its as-of day (program.toml pins it).
//!
//! In canary mode every confidential value (records.md, "Confidentiality") carries a marker of
//! its own containing `canary`, and no public value does, so a test can assert that none
//! reaches the dashboard or a message. The returned [`Manifest`] lists every marker with the
//! file and key it was put in, for the test's positive control: the markers are in the records.
//!
//! No command uses this module: `tests/it` and `examples/generate.rs` (the benchmarks' and a
//! developer's entry point, not installed with the tool) do.

mod lines;
mod meetings;
mod people;
mod relationships;
mod secret;
mod words;

use chrono::NaiveDate;
use secret::Secrets;
use std::collections::HashSet;
use std::io;
use std::path::Path;

/// What to generate.
#[derive(Clone, Debug)]
pub struct Options {
    /// How many relationships; each has its own mentee, mentors have up to two.
    pub relationships: usize,
    /// The same seed (and options) always gives the same files, byte for byte.
    pub seed: u64,
    /// The day the program is valid on: written into program.toml as `as_of`.
    pub as_of: NaiveDate,
    /// Put a marker into every confidential value.
    pub canary: bool,
}

impl Default for Options {
    /// 100 relationships, seed 1, as of 2026-11-30 (the demo's day), no canaries.
    fn default() -> Options {
        Options {
            relationships: 100,
            seed: 1,
            as_of: NaiveDate::from_ymd_opt(2026, 11, 30).unwrap_or_default(),
            canary: false,
        }
    }
}

/// What was generated.
#[derive(Clone, Debug, Default)]
pub struct Manifest {
    pub files: usize,
    pub people: usize,
    pub relationships: usize,
    pub meetings: usize,
    pub evaluations: usize,
    /// Every marker and where it stands; empty outside canary mode. A marker stands in more
    /// than one place when the value does: an unpublished person's id is their file's name
    /// and the `mentor`, `mentee` or `representative` of the records that name them.
    pub canaries: Vec<Canary>,
}

impl Manifest {
    /// One line: `78177 files: 7783 people, 5000 relationships, …`.
    pub fn summary(&self) -> String {
        let mut line = format!(
            "{} files: {} people, {} relationships, {} meetings, {} evaluations",
            self.files, self.people, self.relationships, self.meetings, self.evaluations
        );
        if !self.canaries.is_empty() {
            line += &format!(", {} canary markers", self.canaries.len());
        }
        line
    }
}

/// One canary marker in the records.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Canary {
    /// `canary-<kind>-<serial>`: distinct for every value, and no marker is part of another.
    pub marker: String,
    /// The file's path inside records/, with `/` between folders.
    pub file: String,
    pub place: Place,
}

/// Where in a file a marker stands.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Place {
    /// A key, its path written with dots and list positions: `membership.number`,
    /// `topics[1]`, `expenses[0].what`.
    Key(String),
    /// The Markdown body after the front matter.
    Body,
    /// The file's own name (an unpublished person's id).
    FileName,
}

/// A generated file: its path inside records/ (with `/`) and its text.
#[derive(Clone, Debug)]
pub struct File {
    pub path: String,
    pub text: String,
}

/// A whole generated program, in memory.
#[derive(Clone, Debug)]
pub struct Program {
    pub files: Vec<File>,
    pub manifest: Manifest,
}

/// Writes the program into `records` (created; refused when it exists and is not empty, so
/// nothing is overwritten).
pub fn write(options: &Options, records: &Path) -> io::Result<Manifest> {
    refuse_non_empty(records)?;
    let program = generate(options)?;
    let mut folders = HashSet::new();
    for file in &program.files {
        let path = records.join(&file.path);
        if let Some(folder) = path.parent()
            && folders.insert(folder.to_path_buf())
        {
            std::fs::create_dir_all(folder).map_err(|e| naming(folder, e))?;
        }
        std::fs::write(&path, &file.text).map_err(|e| naming(&path, e))?;
    }
    Ok(program.manifest)
}

/// The program's files, without writing them.
pub fn generate(options: &Options) -> io::Result<Program> {
    let earliest = NaiveDate::from_ymd_opt(1000, 1, 1).unwrap_or_default();
    let latest = NaiveDate::from_ymd_opt(9990, 12, 31).unwrap_or_default();
    if !(earliest..=latest).contains(&options.as_of) {
        return Err(io::Error::new(
            io::ErrorKind::InvalidInput,
            format!(
                "as-of {} is not between {earliest} and {latest}",
                options.as_of
            ),
        ));
    }
    let mut draft = Draft::new(options);
    draft.program_files();
    let pool = people::Pool::new(&mut draft);
    for n in 0..options.relationships {
        relationships::relationship(&mut draft, &pool, n);
    }
    Ok(draft.finish())
}

fn refuse_non_empty(records: &Path) -> io::Result<()> {
    match std::fs::read_dir(records).map(|mut entries| entries.next().is_some()) {
        Ok(true) => Err(io::Error::new(
            io::ErrorKind::AlreadyExists,
            format!("{} exists and is not empty", records.display()),
        )),
        Ok(false) => Ok(()),
        Err(e) if e.kind() == io::ErrorKind::NotFound => Ok(()),
        Err(e) => Err(naming(records, e)),
    }
}

fn naming(path: &Path, error: io::Error) -> io::Error {
    io::Error::new(error.kind(), format!("{}: {error}", path.display()))
}

/// The program being generated: the random source, the confidential values handed out so
/// far, and the files.
struct Draft<'o> {
    options: &'o Options,
    rng: fastrand::Rng,
    secrets: Secrets,
    files: Vec<File>,
    manifest: Manifest,
}

impl<'o> Draft<'o> {
    fn new(options: &'o Options) -> Draft<'o> {
        Draft {
            options,
            rng: fastrand::Rng::with_seed(options.seed),
            secrets: Secrets::new(options.canary),
            files: Vec::new(),
            manifest: Manifest::default(),
        }
    }

    fn as_of(&self) -> NaiveDate {
        self.options.as_of
    }

    fn add(&mut self, path: String, text: String) {
        self.files.push(File { path, text });
    }

    /// One of `choices` (not empty), all equally likely.
    fn pick<T: Copy>(&mut self, choices: &[T]) -> T {
        choices[self.rng.usize(..choices.len())]
    }

    /// True `percent` times in a hundred.
    fn chance(&mut self, percent: u32) -> bool {
        self.rng.u32(..100) < percent
    }

    /// A whole number of days in `range`.
    fn days(&mut self, range: std::ops::RangeInclusive<u64>) -> chrono::Days {
        chrono::Days::new(self.rng.u64(range))
    }

    /// program.toml (the rules' defaults, pinned to as-of) and guidelines.md.
    fn program_files(&mut self) {
        let toml = format!(
            "# A synthetic program written by mentorbook's generator (src/generate/).\n\
             [program]\n\
             name = \"PLCI Mentoring Program\"\n\
             association = \"Missouri Library Association\"\n\
             committee_contact = \"mentoring@example.org\"\n\
             as_of = \"{}\"\n",
            self.as_of()
        );
        self.add("program.toml".into(), toml);
        let guidelines = "# Program guidelines\n\nMentors and mentees meet at least monthly, \
                          and a program representative evaluates every relationship each \
                          quarter.\n";
        self.add("guidelines.md".into(), guidelines.into());
    }

    fn finish(self) -> Program {
        let mut manifest = self.manifest;
        manifest.files = self.files.len();
        manifest.canaries = self.secrets.into_canaries();
        Program {
            files: self.files,
            manifest,
        }
    }
}
