//! Every `mentorbook` command the documents show runs here, and the output they show is
//! checked (trycmd), so an example can never go stale (#15 item 6).
//!
//! A document's ```console blocks are trycmd steps: `$ mentorbook …` (`> ` continues it),
//! an optional `? CODE` for an exit code other than 0, then what it prints, stdout and
//! stderr together (`...` on a line of its own stands for any lines, `[..]` for the rest
//! of a line). They run in document order, in one folder made fresh for the document, so a
//! command sees what the commands above it wrote. Where a reader acts outside mentorbook,
//! an HTML comment (which GitHub does not show) does it for the test; see `walk.rs`.
//! CONTRIBUTING.md says how to add a block.

mod case;
mod reference;
mod walk;

use crate::support::run_in;
use std::ops::Range;
use std::path::{Path, PathBuf};
use walk::Step;

/// Where a document's walk starts.
#[derive(Clone, Copy)]
enum Start {
    /// An empty folder: the document runs `init` itself.
    Empty,
    /// The repository `mentorbook init --demo` writes (records and `examples/`)
    /// copied in (the applicants' spreadsheets the import walk-through reads).
    Demo,
}

#[test]
fn walk_readme() {
    walk("README.md", Start::Empty);
}

#[test]
fn walk_committee_guide() {
    walk("docs/committee.md", Start::Demo);
}

#[test]
fn walk_reference() {
    walk("docs/reference.md", Start::Demo);
}

#[test]
fn walk_contributing() {
    walk("CONTRIBUTING.md", Start::Demo);
}

#[test]
fn walk_architecture() {
    walk("ARCHITECTURE.md", Start::Demo);
}

/// A block whose shown output is not what the command prints fails the walk.
#[test]
fn a_wrong_output_fails() {
    let root = tempfile::tempdir().expect("a temporary directory");
    let document = root.path().join("wrong.md");
    let text =
        "```console\n$ mentorbook check\nno problems in 1 file checked as of 1999-01-01\n```\n";
    std::fs::write(&document, text).expect("the document");
    let failed = std::panic::catch_unwind(|| walk_file(&document, "wrong.md", Start::Demo));
    assert!(failed.is_err(), "a wrong output passed");
    let right = text.replace(
        "1 file checked as of 1999-01-01",
        "114 files checked as of 2026-11-30",
    );
    std::fs::write(&document, right).expect("the document");
    walk_file(&document, "wrong.md", Start::Demo);
}

fn walk(rel: &str, start: Start) {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join(rel);
    walk_file(&path, rel, start);
}

/// Runs the walk of the document at `path` (`rel` names it in failures).
fn walk_file(path: &Path, rel: &str, start: Start) {
    let text = std::fs::read_to_string(path).unwrap_or_else(|e| panic!("{rel}: {e}"));
    let steps =
        walk::steps(&text).unwrap_or_else(|problems| panic!("{rel}:\n  {}", problems.join("\n  ")));
    let root = tempfile::tempdir().expect("a temporary directory");
    let mut walk = Walk::new(root.path(), start);
    let lines: Vec<&str> = text.lines().collect();
    for step in steps {
        match step {
            Step::Run(range) => walk.run(rel, &lines, range),
            Step::Cd(dir) => walk.cd(&dir),
            Step::Write(file, contents) => {
                let target = walk.work.join(&file);
                std::fs::create_dir_all(target.parent().expect("a folder")).expect("folders");
                std::fs::write(&target, contents).unwrap_or_else(|e| panic!("{file}: {e}"));
            }
            Step::Remove(file) => std::fs::remove_file(walk.work.join(&file))
                .unwrap_or_else(|e| panic!("{rel}: remove {file}: {e}")),
        }
    }
    if overwriting() {
        let updated = case::with_outputs(&text, &walk.outputs);
        if updated != text {
            std::fs::write(path, updated).unwrap_or_else(|e| panic!("{rel}: {e}"));
            eprintln!("{rel}: outputs updated; review the diff");
        }
    }
}

/// `TRYCMD=overwrite`: trycmd replaces each wrong output by what the command printed, and
/// the walk copies the blocks back into the document.
fn overwriting() -> bool {
    std::env::var("TRYCMD").is_ok_and(|mode| mode == "overwrite")
}

/// The folder the commands run in: `ROOT/part-N.in`, which trycmd takes as the working
/// folder of the case file `ROOT/part-N.md` beside it.
struct Walk {
    root: PathBuf,
    work: PathBuf,
    part: usize,
    /// The console blocks' text as run, in document order (kept when overwriting).
    outputs: Vec<String>,
}

impl Walk {
    fn new(root: &Path, start: Start) -> Walk {
        let work = root.join("part-0.in");
        match start {
            Start::Empty => std::fs::create_dir(&work).expect("the working folder"),
            Start::Demo => demo_repository(root, &work),
        }
        Walk {
            root: root.to_path_buf(),
            work,
            part: 0,
            outputs: Vec::new(),
        }
    }

    /// Runs the console blocks of `range`.
    fn run(&mut self, rel: &str, lines: &[&str], range: Range<usize>) {
        let Some(text) = case::text(lines, range.clone()) else {
            return;
        };
        let case = self.root.join(format!("part-{}.md", self.part));
        std::fs::write(&case, text).expect("the case file");
        eprintln!("{rel}, lines {}–{}:", range.start + 1, range.end);
        trycmd::TestCases::new()
            .register_bin("mentorbook", Path::new(env!("CARGO_BIN_EXE_mentorbook")))
            .env("GITHUB_SERVER_URL", "")
            .env("GITHUB_REPOSITORY", "")
            .env("GITHUB_SHA", "")
            .env("NO_COLOR", "")
            .env("MENTORBOOK_TEST_PAUSE", "")
            .timeout(std::time::Duration::from_secs(60))
            .case(&case)
            .run();
        if overwriting() {
            let ran = std::fs::read_to_string(&case).expect("the case file");
            self.outputs.extend(case::outputs(&ran));
        }
    }

    /// `cd DIR`: DIR becomes the next part's working folder (moved to where trycmd looks).
    fn cd(&mut self, dir: &str) {
        let from = self.work.join(dir);
        assert!(
            from.is_dir(),
            "cd {dir}: no such folder at this point of the walk"
        );
        self.part += 1;
        let to = self.root.join(format!("part-{}.in", self.part));
        std::fs::rename(&from, &to).unwrap_or_else(|e| panic!("cd {dir}: {e}"));
        self.work = to;
    }
}

/// `mentorbook init --demo WORK`: the demo records and the demo applicants' spreadsheets.
fn demo_repository(root: &Path, work: &Path) {
    let init = run_in(root, &["init", "--demo", &work.to_string_lossy()]);
    assert_eq!(init.code, 0, "{}", init.stderr);
}
