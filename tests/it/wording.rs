//! The words a committee member reads when a record is broken (issue #15, item 7): each
//! common mistake of someone who has never written YAML, with the exact line, column,
//! message and help they see, and a snapshot of the human report for a program full of them.

mod names;
mod syntax;
mod values;

use crate::support::Program;

/// A meeting file whose front matter starts on line 2 (after the opening `---`).
pub const MEETING: &str = "relationships/r-1/meetings/2026-03-05.md";
pub const PERSON: &str = "people/x.yaml";

/// One problem as a user sees it.
#[derive(Debug, PartialEq, Eq)]
pub struct Seen {
    pub rule: String,
    pub line: u64,
    pub column: u64,
    pub message: String,
    /// `""` when there is no help line.
    pub help: String,
}

impl From<(&str, u64, u64, &str, &str)> for Seen {
    fn from((rule, line, column, message, help): (&str, u64, u64, &str, &str)) -> Seen {
        Seen {
            rule: rule.into(),
            line,
            column,
            message: message.into(),
            help: help.into(),
        }
    }
}

/// The problems `check` reports on `rel`, in the order it reports them.
pub fn seen(program: &Program, rel: &str) -> Vec<Seen> {
    let json = program.check(&["--format", "json"]).json();
    let file = format!("records/{rel}");
    json["diagnostics"]
        .as_array()
        .expect("a diagnostics array")
        .iter()
        .filter(|d| d["file"] == file.as_str())
        .map(|d| Seen {
            rule: d["rule"].as_str().unwrap_or_default().into(),
            line: d["line"].as_u64().unwrap_or_default(),
            column: d["column"].as_u64().unwrap_or_default(),
            message: d["message"].as_str().unwrap_or_default().into(),
            help: d["help"].as_str().unwrap_or_default().into(),
        })
        .collect()
}

/// Writes `text` as `rel` in a program of its own and asserts every problem on that file.
pub fn sees_all(rel: &str, text: &str, expected: &[(&str, u64, u64, &str, &str)]) {
    let program = Program::new();
    program.write(rel, text);
    let expected: Vec<Seen> = expected.iter().copied().map(Seen::from).collect();
    assert_eq!(seen(&program, rel), expected, "{rel}:\n{text}");
}

/// Writes `text` as `rel` and asserts the one problem on that file.
pub fn sees(rel: &str, text: &str, expected: (&str, u64, u64, &str, &str)) {
    sees_all(rel, text, &[expected]);
}

/// A first week of records edited in the web editor: one mistake of each sort, as the human
/// report shows them.
#[test]
fn a_program_full_of_mistakes() {
    let program = Program::new();
    program
        .write(
            "people/dana-whitfield.yaml",
            "name: Dana Whitfield\nroles: [mentor]\npublic_library: no\nmembership:\n  number: 0417\n  expires: 6/30/2027\nlibrary_since: 2014\nfield: Youth services\nfield_since: 2019-09-01\npublish: \"yes\"\n",
        )
        .write(
            "people/sam-ortiz.yaml",
            "name: Sam Ortiz\n  roles: [mentee]\npublic_library: current\n",
        )
        .write(
            "people/pat-kim.yaml",
            "name: Pat Kim\nroles: [representative\nposition: Branch Manager\n",
        )
        .write(
            "relationships/r-2026-001/relationship.yaml",
            "mentor: dana-whitfield\nmentee: sam-ortiz\nstart: 2026\nend: 2027-01-14\nstatus: active\n",
        )
        .write(
            "relationships/r-2026-001/meetings/2026-01-21.md",
            "---\nmode: email\nminutes: 1:30\nworking_hours: off\ntopics:\n  - Budget: the board\n---\nNotes.\n",
        )
        .write(
            "relationships/r-2026-001/meetings/2026-02-18.md",
            "---\nmode: telephone\ntopics: Budget: the board\n---\n",
        )
        .write(
            "relationships/r-2026-001/meetings/3-18-2026.md",
            "---\nmode: email\n---\n",
        )
        .write(
            "relationships/r-2026-001/evaluations/Q1-2026.yaml",
            "representative: pat-kim\n",
        );
    let run = program.check(&["--color", "never"]);
    assert_eq!(run.code, 1, "{}", run.stderr);
    insta::assert_snapshot!("program_full_of_mistakes", run.stdout);
}
