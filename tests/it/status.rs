//! `mentorbook status`: what is due for the active relationships, overdue first, in a table,
//! stable JSON, iCalendar and a Markdown checklist, naming unpublished people only by their
//! part.

use crate::support::{Program, run_in};

const MENTOR: &str = "name: Quiet Mentor\nroles: [mentor]\npublic_library: current\nmembership: {number: MLA-1, expires: 2027-01-15}\nlibrary_since: 2005-01-01\nfield: Youth services\nfield_since: 2015-01-01\n";
const MENTEE: &str = "name: Sam Ortiz\nroles: [mentee]\npublic_library: current\nmembership: {number: MLA-2, expires: 2026-11-20}\npublish: true\n";
const LATER: &str = "name: Lee Park\nroles: [mentee]\npublic_library: current\nmembership: {number: MLA-3, expires: 2029-01-01}\npublish: true\n";

fn relationship(mentee: &str, start: &str, end: &str, status: &str) -> String {
    format!("mentor: quiet\nmentee: {mentee}\nstart: {start}\nend: {end}\nstatus: {status}\n")
}

/// As of 2026-11-30: r-2026-001 is overdue for a meeting and its first (Q2) evaluation;
/// r-2026-002 has a meeting due soon; the rest are not active on as-of.
pub fn program() -> Program {
    let program = Program::new();
    program
        .write("people/quiet.yaml", MENTOR)
        .write("people/sam.yaml", MENTEE)
        .write("people/lee.yaml", LATER)
        .write(
            "relationships/r-2026-001/relationship.yaml",
            relationship("sam", "2026-06-01", "2027-05-31", "active"),
        )
        .write(
            "relationships/r-2026-001/meetings/2026-09-10.md",
            "---\nmode: email\n---\n",
        )
        .write(
            "relationships/r-2026-002/relationship.yaml",
            relationship("lee", "2026-11-01", "2027-10-31", "active"),
        )
        .write(
            "relationships/r-2026-002/meetings/2026-11-20.md",
            "---\nmode: email\n---\n",
        )
        .write(
            "relationships/r-2025-009/relationship.yaml",
            relationship("lee", "2025-01-01", "2025-12-31", "completed"),
        )
        .write(
            "relationships/r-2027-001/relationship.yaml",
            relationship("lee", "2027-01-10", "2028-01-09", "active"),
        )
        .write("relationships/r-2026-003/relationship.yaml", "{}\n");
    program
}

fn status(program: &Program, format: &str) -> crate::support::Run {
    let run = run_in(program.dir(), &["status", "--format", format]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    run
}

#[test]
fn the_table_lists_overdue_first_then_soonest() {
    let program = program();
    let run = status(&program, "table");
    assert_eq!(
        run.stderr,
        "note: 1 relationship could not be read and is left out; `mentorbook check` names the problems\n"
    );
    insta::assert_snapshot!("status_table", run.stdout);
    assert!(!run.stdout.contains("quiet"), "unpublished: {}", run.stdout);
    assert!(!run.stdout.contains('\x1b'), "no colour off a terminal");
    let coloured = run_in(program.dir(), &["status", "--color", "always"]);
    assert!(
        coloured.stdout.contains("\x1b[1;31m51 days overdue"),
        "{}",
        coloured.stdout
    );
}

#[test]
fn the_json_is_stable() {
    let program = program();
    let first = status(&program, "json");
    insta::assert_snapshot!("status_json", first.stdout);
    assert_eq!(status(&program, "json").stdout, first.stdout);
    let json = first.json();
    let due: Vec<&str> = json["due"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| d["due"].as_str().unwrap())
        .collect();
    let mut sorted = due.clone();
    sorted.sort();
    assert_eq!(due, sorted);
    assert_eq!(json["due"][0]["overdue"], true);
    assert_eq!(json["active_relationships"], 2);
}

#[test]
fn as_of_moves_what_is_due() {
    let program = program();
    let run = run_in(
        program.dir(),
        &["status", "--format", "json", "--as-of", "2026-09-15"],
    );
    let json = run.json();
    assert_eq!(json["active_relationships"], 1);
    assert_eq!(json["due"][0]["due"], "2026-07-30");
    assert_eq!(json["due"][1]["due"], "2026-10-10");
    assert_eq!(json["due"][1]["overdue"], false);
}

#[test]
fn the_calendar_is_folded_icalendar_without_private_names() {
    let program = program();
    let ics = status(&program, "ics").stdout;
    assert!(ics.starts_with("BEGIN:VCALENDAR\r\nVERSION:2.0\r\n"));
    assert!(ics.ends_with("END:VCALENDAR\r\n"));
    assert!(ics.split("\r\n").all(|line| line.len() <= 75));
    assert_eq!(ics.matches("BEGIN:VEVENT").count(), 6);
    assert!(ics.contains("UID:membership-r-2026-001-mentor-20270115@mentorbook\r\n"));
    assert!(ics.contains("SUMMARY:r-2026-001: membership of the mentor of r-2026-001 expires\r\n"));
    assert!(!ics.contains("quiet") && !ics.contains("Quiet"));
}

#[test]
fn the_markdown_checklist_groups_overdue_soon_and_later() {
    let program = program();
    let first = status(&program, "markdown");
    insta::assert_snapshot!("status_markdown", first.stdout);
    assert_eq!(status(&program, "markdown").stdout, first.stdout, "stable");
    let headings: Vec<&str> = first
        .stdout
        .lines()
        .filter(|l| l.starts_with("## "))
        .collect();
    assert_eq!(
        headings,
        ["## Overdue", "## Due in the next 30 days", "## Later"]
    );
    assert!(
        !first.stdout.contains("quiet"),
        "unpublished: {}",
        first.stdout
    );
    // Everything is overdue a year later, so the other two groups say they are empty.
    let later = run_in(
        program.dir(),
        &["status", "--format", "markdown", "--as-of", "2027-05-01"],
    );
    assert!(
        later
            .stdout
            .contains("## Due in the next 30 days\n\nNothing is due in the next 30 days.\n"),
        "{}",
        later.stdout
    );
}

#[test]
fn the_demo_as_a_markdown_checklist() {
    let demo = crate::support::demo();
    let run = run_in(demo.path(), &["status", "--format", "markdown"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    insta::assert_snapshot!("status_markdown_demo", run.stdout);
}
