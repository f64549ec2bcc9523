//! The reminders workflow's script (`scaffold/github/scripts/reminders.sh`, written by
//! `init`) against a fake `gh` that records its arguments and answers from a state folder:
//! no issue → create and comment; the same items → replace the body only; changed items →
//! replace and comment; nothing due → close; due again → reopen and comment.

use crate::support::{Program, Run, bash, fake_program};

/// A fake `gh`: appends each call to `calls` (its first two words, and the label, title and
/// state flags), keeps the issue (`NUMBER STATE`), its body and its comments in files.
const FAKE_GH: &str = r#"#!/usr/bin/env bash
set -euo pipefail
state="$(dirname "$0")"
body_file=""
args=("$@")
for i in "${!args[@]}"; do
  [ "${args[$i]}" = --body-file ] && body_file="${args[$((i + 1))]}"
done
printf '%s\n' "$1 $2" >>"$state/calls"
case "$1 $2" in
"label create") printf '%s\n' "$*" >"$state/label" ;;
"issue list") [ -f "$state/issue" ] && cat "$state/issue" || true ;;
"issue view") cat "$state/body" ;;
"issue create")
  printf '%s\n' "$*" >"$state/created"
  echo "7 OPEN" >"$state/issue"
  cp "$body_file" "$state/body"
  echo "https://github.com/org/records/issues/7"
  ;;
"issue edit") cp "$body_file" "$state/body" ;;
"issue comment") { cat "$body_file"; echo "----"; } >>"$state/comments" ;;
"issue close") echo "$3 CLOSED" >"$state/issue" ;;
"issue reopen") echo "$3 OPEN" >"$state/issue" ;;
*) echo "fake gh: unexpected: $*" >&2; exit 1 ;;
esac
"#;

struct Repo {
    program: Program,
    gh: tempfile::TempDir,
}

impl Repo {
    fn new() -> Repo {
        let gh = tempfile::tempdir().unwrap();
        fake_program(gh.path(), "gh", FAKE_GH);
        Repo {
            program: crate::status::program(),
            gh,
        }
    }

    /// Runs the script; returns its output and the gh calls it made.
    fn remind(&self, team: &str) -> (Run, Vec<String>) {
        let _ = std::fs::remove_file(self.gh.path().join("calls"));
        let run = bash(
            &["scaffold/github/scripts/reminders.sh"],
            self.program.dir(),
            &[("MENTORBOOK_REMINDERS_TEAM", team)],
            &[self.gh.path()],
        );
        assert_eq!(run.code, 0, "{}{}", run.stdout, run.stderr);
        let calls = self.read("calls");
        (run, calls.lines().map(String::from).collect())
    }

    fn read(&self, name: &str) -> String {
        std::fs::read_to_string(self.gh.path().join(name)).unwrap_or_default()
    }

    fn as_of(&self, day: &str) {
        let toml = crate::support::PROGRAM_TOML.replace("2026-11-30", day);
        self.program.write("program.toml", toml);
    }
}

#[test]
fn creates_the_issue_and_comments_with_the_team() {
    let repo = Repo::new();
    let (run, calls) = repo.remind("your-org/mentoring-committee");
    assert_eq!(
        calls,
        [
            "label create",
            "issue list",
            "issue create",
            "issue comment"
        ]
    );
    assert_eq!(
        run.stdout,
        "created #7\ncommented on #7: what is overdue or due soon changed\n"
    );
    assert!(
        repo.read("created")
            .contains("--title What is due --label reminders")
    );
    assert!(repo.read("label").starts_with("label create reminders"));
    let body = repo.read("body");
    assert!(
        body.starts_with("3 overdue, 1 due within 30 days;"),
        "{body}"
    );
    assert!(body.contains("\n## Later\n"), "{body}");
    assert!(body.contains("\n<!-- mentorbook-reminders: "), "{body}");
    let comment = repo.read("comments");
    assert!(
        comment.starts_with("The list changed: 3 overdue,"),
        "{comment}"
    );
    assert!(comment.contains("## Overdue\n"), "{comment}");
    assert!(
        !comment.contains("## Later"),
        "only what is overdue or soon: {comment}"
    );
    assert!(
        comment.ends_with("\n@your-org/mentoring-committee\n----\n"),
        "{comment}"
    );
}

#[test]
fn the_same_items_only_replace_the_body_and_a_change_comments() {
    let repo = Repo::new();
    repo.remind("");
    // A day later every count of days has changed, but not what is due.
    repo.as_of("2026-12-01");
    let (_, calls) = repo.remind("");
    assert_eq!(
        calls,
        ["label create", "issue list", "issue view", "issue edit"]
    );
    assert!(repo.read("body").contains("(52 days overdue)"));
    assert_eq!(repo.read("comments").matches("----").count(), 1);

    // A meeting is logged: the next meeting moves, and the list changes.
    repo.program.write(
        "relationships/r-2026-001/meetings/2026-11-28.md",
        "---\nmode: email\n---\n",
    );
    let (_, calls) = repo.remind("");
    assert_eq!(
        calls,
        [
            "label create",
            "issue list",
            "issue view",
            "issue edit",
            "issue comment"
        ]
    );
    assert_eq!(repo.read("comments").matches("----").count(), 2);
    assert!(!repo.read("comments").contains('@'), "no team, no mention");
}

#[test]
fn nothing_due_closes_the_issue_and_something_due_reopens_it() {
    let repo = Repo::new();
    repo.remind("");
    // Years later no relationship is active: nothing is due.
    repo.as_of("2030-01-01");
    let (run, calls) = repo.remind("");
    assert_eq!(
        calls,
        ["label create", "issue list", "issue edit", "issue close"]
    );
    assert_eq!(
        run.stdout,
        "closed #7: nothing is overdue or due in the next 30 days\n"
    );
    assert_eq!(repo.read("issue"), "7 CLOSED\n");
    // Closed and still nothing due: left alone.
    let (_, calls) = repo.remind("");
    assert_eq!(calls, ["label create", "issue list"]);

    repo.as_of("2026-11-30");
    let (run, calls) = repo.remind("");
    assert_eq!(
        calls,
        [
            "label create",
            "issue list",
            "issue reopen",
            "issue view",
            "issue edit",
            "issue comment"
        ]
    );
    assert!(run.stdout.starts_with("reopened #7\n"), "{}", run.stdout);
    assert_eq!(repo.read("issue"), "7 OPEN\n");
}

#[test]
fn nothing_due_and_no_issue_creates_none() {
    let repo = Repo::new();
    repo.as_of("2030-01-01");
    let (run, calls) = repo.remind("not a team!");
    assert_eq!(calls, ["label create", "issue list"]);
    assert!(
        run.stdout.contains("no open issue needed"),
        "{}",
        run.stdout
    );
    assert!(
        run.stdout
            .starts_with("::warning::MENTORBOOK_REMINDERS_TEAM is not a team")
    );
}
