//! `mentorbook rules` and `mentorbook explain RULE`: the catalogue as a user reads it.

use crate::support::{Program, run_in};
use std::path::Path;
use std::sync::LazyLock;

/// A folder with no records in it: the catalogue alone.
fn anywhere() -> &'static Path {
    static EMPTY: LazyLock<tempfile::TempDir> =
        LazyLock::new(|| tempfile::tempdir().expect("an empty folder"));
    EMPTY.path()
}

const IDS: [&str; 29] = [
    "yaml",
    "schema",
    "layout",
    "reference",
    "role",
    "self-mentoring",
    "membership",
    "public-library",
    "mentor-library-years",
    "mentor-field-years",
    "mentor-seniority",
    "mentor-capacity",
    "duration",
    "status",
    "dissolution",
    "agreement-missing",
    "agreement-unsigned",
    "agreement-terms",
    "meeting-cadence",
    "meeting-mode",
    "meeting-date",
    "working-hours-approval",
    "expenses",
    "mentee-agenda",
    "evaluation-missing",
    "evaluation-quarter",
    "evaluation-compliance",
    "evaluation-representative",
    "private-id",
];

const WARNINGS: [&str; 2] = ["mentor-seniority", "mentee-agenda"];

#[test]
fn rules_lists_every_rule_in_catalogue_order_with_its_default_severity() {
    let run = run_in(anywhere(), &["rules"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert_eq!(run.stderr, "");
    let lines: Vec<&str> = run.stdout.lines().collect();
    assert_eq!(lines.len(), IDS.len() + 1, "a header and a line per rule");
    let header: Vec<&str> = lines[0].split_whitespace().collect();
    assert_eq!(header, ["RULE", "DEFAULT", "SUMMARY"]);
    for (line, id) in lines[1..].iter().zip(IDS) {
        let mut columns = line.split_whitespace();
        assert_eq!(columns.next(), Some(id), "{line}");
        let expected = if WARNINGS.contains(&id) {
            "warning"
        } else {
            "error"
        };
        assert_eq!(columns.next(), Some(expected), "{line}");
        assert!(columns.next().is_some(), "{id} has a summary");
    }
    let column = lines[0].find("SUMMARY").expect("a SUMMARY header");
    for line in &lines {
        let (before, summary) = line.split_at(column);
        assert!(before.ends_with("  "), "the summaries line up: {line}");
        assert!(!summary.starts_with(' '), "the summaries line up: {line}");
    }
}

#[test]
fn rules_output_snapshot() {
    let run = run_in(anywhere(), &["rules"]);
    insta::assert_snapshot!("rules", run.stdout);
}

#[test]
fn explain_gives_the_heading_then_the_guideline_and_both_examples() {
    let run = run_in(anywhere(), &["explain", "meeting-cadence"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert_eq!(run.stderr, "");
    assert!(
        run.stdout.starts_with(
            "meeting-cadence (error): the pair meets at least as often as the program requires\n\nGuideline:\n"
        ),
        "{}",
        run.stdout
    );
    for section in ["\nWhy:\n", "\nFires when:\n", "\nPasses:\n", "\nFails:\n"] {
        assert!(run.stdout.contains(section), "{section}\n{}", run.stdout);
    }
    assert!(run.stdout.contains("meeting_max_gap_months"));
    assert!(run.stdout.contains("meetings/ holds only 2026-02-15.md"));
    assert!(run.stdout.contains("meetings/ holds only 2026-02-16.md"));
}

#[test]
fn explain_works_for_every_rule() {
    for id in IDS {
        let run = run_in(anywhere(), &["explain", id]);
        assert_eq!(run.code, 0, "{id}: {}", run.stderr);
        let severity = if WARNINGS.contains(&id) {
            "warning"
        } else {
            "error"
        };
        assert!(
            run.stdout.starts_with(&format!("{id} ({severity}): ")),
            "{}",
            run.stdout
        );
        assert!(run.stdout.contains("\nPasses:\n"), "{id}");
        assert!(run.stdout.contains("\nFails:\n"), "{id}");
    }
}

#[test]
fn an_unknown_rule_suggests_the_closest_id() {
    let run = run_in(anywhere(), &["explain", "meeting-cadance"]);
    assert_eq!(run.code, 2);
    assert_eq!(run.stdout, "");
    assert_eq!(
        run.stderr,
        "error: unknown rule `meeting-cadance`: did you mean `meeting-cadence`? (`mentorbook rules` lists them)\n"
    );
}

#[test]
fn an_unknown_rule_with_nothing_close_points_at_the_list() {
    let run = run_in(anywhere(), &["explain", "colour"]);
    assert_eq!(run.code, 2);
    assert_eq!(
        run.stderr,
        "error: unknown rule `colour` (`mentorbook rules` lists them)\n"
    );
}

#[test]
fn with_records_the_catalogue_shows_the_programs_own_levels() {
    let program = Program::new();
    let toml = program.dir().join("records/program.toml");
    let text = std::fs::read_to_string(&toml).expect("program.toml");
    std::fs::write(
        &toml,
        format!("{text}\n[severity]\nmentee-agenda = \"error\"\nprivate-id = \"off\"\n"),
    )
    .expect("written");
    let run = run_in(program.dir(), &["rules"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let header: Vec<&str> = run
        .stdout
        .lines()
        .next()
        .unwrap_or_default()
        .split_whitespace()
        .collect();
    assert_eq!(header, ["RULE", "DEFAULT", "PROGRAM", "SUMMARY"]);
    let level = |id: &str| {
        let line = run
            .stdout
            .lines()
            .find(|l| l.starts_with(&format!("{id} ")))
            .expect("a line");
        line.split_whitespace().take(3).collect::<Vec<_>>()
    };
    assert_eq!(
        level("mentee-agenda"),
        ["mentee-agenda", "warning", "error"]
    );
    assert_eq!(level("private-id"), ["private-id", "error", "off"]);
    assert_eq!(level("yaml"), ["yaml", "error", "error"]);
    let elsewhere = run_in(
        anywhere(),
        &[
            "rules",
            "--records",
            &program.dir().join("records").to_string_lossy(),
        ],
    );
    assert_eq!(elsewhere.stdout, run.stdout);
    let explained = run_in(program.dir(), &["explain", "mentee-agenda"]);
    assert!(
        explained.stdout.ends_with("\nIn this program (P): error\n")
            || explained.stdout.contains("In this program ("),
        "{}",
        explained.stdout
    );
    let missing = run_in(anywhere(), &["rules", "--records", "nowhere"]);
    assert_eq!(missing.code, 2);
}
