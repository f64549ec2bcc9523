//! What a user sees, byte for byte, in each output format.

use crate::support::{Program, fixture, run_in};
use std::process::Command;

fn structural(format: &str) -> String {
    let run = run_in(
        &fixture("structural"),
        &["check", "--format", format, "--color", "never"],
    );
    assert_eq!(run.code, 1, "{}", run.stderr);
    run.stdout
}

#[test]
fn human_output_is_rustc_style() {
    insta::assert_snapshot!("human", structural("human"));
}

#[test]
fn github_output_is_escaped_workflow_commands() {
    insta::assert_snapshot!("github", structural("github"));
}

#[test]
fn markdown_output_is_a_summary_with_a_table() {
    insta::assert_snapshot!("markdown", structural("markdown"));
}

#[test]
fn json_output_is_one_document() {
    insta::assert_snapshot!("json", structural("json"));
}

#[test]
fn output_is_byte_for_byte_deterministic() {
    for format in ["human", "github", "json", "markdown"] {
        assert_eq!(structural(format), structural(format), "{format}");
    }
}

#[test]
fn colour_only_when_asked_or_on_a_terminal() {
    let dir = fixture("structural");
    let plain = run_in(&dir, &["check"]).stdout;
    assert!(!plain.contains('\x1b'), "not a terminal: no colour");
    let always = run_in(&dir, &["check", "--color", "always"]).stdout;
    assert!(
        always.contains("\x1b[1;31merror[schema]\x1b[0m"),
        "{always}"
    );
    let output = Command::new(env!("CARGO_BIN_EXE_mentorbook"))
        .args(["check", "--color", "never"])
        .current_dir(&dir)
        .env("NO_COLOR", "1")
        .output()
        .unwrap();
    assert!(!String::from_utf8_lossy(&output.stdout).contains('\x1b'));
}

#[test]
fn markdown_links_to_the_files_on_github_actions() {
    let output = Command::new(env!("CARGO_BIN_EXE_mentorbook"))
        .args(["check", "--format", "markdown"])
        .current_dir(fixture("structural"))
        .env("GITHUB_SERVER_URL", "https://github.com")
        .env("GITHUB_REPOSITORY", "mla/mentoring-records")
        .env("GITHUB_SHA", "abc123")
        .output()
        .unwrap();
    let text = String::from_utf8_lossy(&output.stdout);
    assert!(
        text.contains("[records/people/typos.yaml:9](https://github.com/mla/mentoring-records/blob/abc123/records/people/typos.yaml#L9)"),
        "{text}"
    );
}

#[test]
fn clean_programs_say_so_in_every_format() {
    let program = Program::new();
    program.write("people/pat.yaml", "name: Pat\nroles: [representative]\n");
    let human = program.check(&[]);
    assert_eq!(
        (human.code, human.stdout.as_str()),
        (0, "no problems in 2 files checked as of 2026-11-30\n")
    );
    assert_eq!(program.check(&["--format", "github"]).stdout, "");
    assert_eq!(
        program.check(&["--format", "markdown"]).stdout,
        "### mentorbook check: no problems\n\nChecked 2 files as of 2026-11-30.\n"
    );
    let json = program.check(&["--format", "json"]).json();
    assert_eq!(json["summary"]["errors"], 0);
    assert_eq!(json["summary"]["files"], 2);
}

#[test]
fn as_of_flag_beats_program_toml_and_bad_flags_exit_2() {
    let program = Program::new();
    let json = program
        .check(&["--format", "json", "--as-of", "2026-01-31"])
        .json();
    assert_eq!(json["as_of"], "2026-01-31");
    let run = program.check(&["--as-of", "2026-02-30"]);
    assert_eq!(run.code, 2);
    assert!(run.stderr.contains("is not a real date"), "{}", run.stderr);
    assert_eq!(program.check(&["--format", "xml"]).code, 2);
}
