//! `check --base REF`: in a git repository built by each test, a change on a branch is checked
//! against `main` — new problems fail, existing ones are context, fixed ones are credited,
//! and what the change does to each relationship is said.

use crate::support::{Program, Run, run_in};
use serde_json::Value;
use std::path::Path;
use std::process::Command;

const REL1: &str = "relationships/r-2026-001/";
const REL2: &str = "relationships/r-2026-002/";
const MEETING: &str = "---\nmode: telephone\ntopics: [Goals]\n---\nNotes.\n";
const AGREEMENT: &str = "---\nsigned:\n  mentor: 2026-05-20\n  mentee: 2026-05-25\nmeeting_frequency: monthly\nmeeting_modes: [telephone]\nconfidentiality: true\nvoluntary: true\nexpenses: participants\n---\nTerms.\n";
const LEE: &str = "name: Lee Park\nroles: [mentee]\npublic_library: current\nmembership:\n  number: MLA-3\n  expires: 2027-06-30\npublish: true\n";

fn git(dir: &Path, args: &[&str]) {
    let output = Command::new("git")
        .args(args)
        .current_dir(dir)
        // The developer's own git configuration (signing, hooks) stays out of the test.
        .env("GIT_CONFIG_GLOBAL", dir.join(".no-global-gitconfig"))
        .env("GIT_CONFIG_NOSYSTEM", "1")
        .env_remove("GIT_DIR")
        .env_remove("GIT_WORK_TREE")
        .env_remove("GIT_INDEX_FILE")
        .output()
        .expect("git runs");
    assert!(
        output.status.success(),
        "git {args:?}: {}",
        String::from_utf8_lossy(&output.stderr)
    );
}

/// As of 2026-11-30: r-2026-001 (dana → sam) is on track; r-2026-002 (dana → lee) has had no
/// meeting since 2026-09-02, so it is overdue — a `meeting-cadence` error on its
/// relationship.yaml that no pull request about r-2026-001 should be blamed for.
fn write_program(program: &Program) {
    program
        .write(
            "people/dana.yaml",
            "name: Dana Whitfield\nroles: [mentor]\npublic_library: current\nmembership:\n  number: MLA-1\n  expires: 2027-06-30\nlibrary_since: 2009-03-02\nfield: Reference\nfield_since: 2018-09-04\npublish: true\n",
        )
        .write(
            "people/sam.yaml",
            "name: Sam Ortiz\nroles: [mentee]\npublic_library: current\nmembership:\n  number: MLA-2\n  expires: 2027-06-30\npublish: true\n",
        )
        .write("people/lee.yaml", LEE)
        .write(
            "people/pat.yaml",
            "name: Pat Kim\nroles: [representative]\npublish: true\n",
        );
    for (rel, mentee, meetings) in [
        (
            REL1,
            "sam",
            &[
                "06-10", "07-08", "08-05", "09-02", "09-30", "10-28", "11-20",
            ][..],
        ),
        (REL2, "lee", &["06-10", "07-08", "08-05", "09-02"][..]),
    ] {
        program
            .write(
                &format!("{rel}relationship.yaml"),
                format!("mentor: dana\nmentee: {mentee}\nstart: 2026-06-01\nend: 2027-05-31\nstatus: active\n"),
            )
            .write(&format!("{rel}agreement.md"), AGREEMENT);
        for day in meetings {
            program.write(&format!("{rel}meetings/2026-{day}.md"), MEETING);
        }
        for (quarter, date) in [("2026-Q2", "2026-07-10"), ("2026-Q3", "2026-10-05")] {
            program.write(
                &format!("{rel}evaluations/{quarter}.yaml"),
                format!("representative: pat\ndate: {date}\nmentor_participated: true\nmentee_participated: true\nrating: on-track\n"),
            );
        }
    }
}

/// A git repository whose `main` holds `base`'s records, checked out on a new branch
/// `change` for the test to edit.
fn repository(base: impl FnOnce(&Program)) -> Program {
    let program = Program::new();
    init(program.dir());
    base(&program);
    commit(&program, "base");
    git(program.dir(), &["checkout", "-q", "-b", "change"]);
    program
}

/// `git init` with a local identity, on branch `main`.
fn init(dir: &Path) {
    git(dir, &["init", "-q", "-b", "main"]);
    git(dir, &["config", "user.name", "Test Committee"]);
    git(dir, &["config", "user.email", "committee@example.org"]);
    git(dir, &["config", "commit.gpgsign", "false"]);
}

fn commit(program: &Program, message: &str) {
    git(program.dir(), &["add", "-A"]);
    git(
        program.dir(),
        &["commit", "-q", "--allow-empty", "-m", message],
    );
}

fn check(program: &Program, args: &[&str]) -> Run {
    let mut all = vec!["check", "--base", "main", "--color", "never"];
    all.extend_from_slice(args);
    run_in(program.dir(), &all)
}

fn json(program: &Program) -> Value {
    check(program, &["--format", "json"]).json()
}

/// (status, rule, file) of every diagnostic, in output order.
fn statuses(json: &Value) -> Vec<(String, String, String)> {
    json["diagnostics"]
        .as_array()
        .expect("diagnostics")
        .iter()
        .map(|d| {
            let text = |key: &str| d[key].as_str().unwrap_or_default().to_owned();
            (text("status"), text("rule"), text("file"))
        })
        .collect()
}

fn triple(status: &str, rule: &str, file: &str) -> (String, String, String) {
    (status.into(), rule.into(), format!("records/{file}"))
}

#[test]
fn a_valid_meeting_passes_while_another_relationship_is_overdue() {
    let program = repository(write_program);
    program.write(&format!("{REL1}meetings/2026-11-27.md"), MEETING);
    commit(&program, "r-2026-001: meeting of 27 November");
    let run = check(&program, &[]);
    assert_eq!(run.code, 0, "{}{}", run.stdout, run.stderr);
    insta::assert_snapshot!("valid_meeting_human", run.stdout);
    let json = json(&program);
    assert_eq!(
        statuses(&json),
        [triple(
            "existing",
            "meeting-cadence",
            &format!("{REL2}relationship.yaml")
        )]
    );
    assert_eq!(json["summary"]["new"], 0);
    assert_eq!(json["summary"]["existing"], 1);
    assert_eq!(json["summary"]["errors"], 1, "the error is still counted");
    assert_eq!(json["changes"]["meetings_added"], 1);
    assert_eq!(json["changes"]["relationships"], Value::Array(vec![]));
    let github = check(&program, &["--format", "github"]);
    assert_eq!(
        (github.code, github.stdout.as_str()),
        (0, ""),
        "nothing to annotate"
    );
}

#[test]
fn a_meeting_in_the_future_fails_with_exactly_that_new_error() {
    let program = repository(write_program);
    let file = format!("{REL1}meetings/2026-12-05.md");
    program.write(&file, MEETING);
    let run = check(&program, &["--format", "github"]);
    assert_eq!(run.code, 1, "{}", run.stderr);
    insta::assert_snapshot!("future_meeting_github", run.stdout);
    let json = json(&program);
    let new: Vec<_> = statuses(&json)
        .into_iter()
        .filter(|(status, ..)| status == "new")
        .collect();
    assert_eq!(new, [triple("new", "meeting-date", &file)]);
    assert_eq!(json["summary"]["new"], 1);
    let markdown = check(&program, &["--format", "markdown"]);
    assert_eq!(markdown.code, 1);
    insta::assert_snapshot!("future_meeting_markdown", markdown.stdout);
    insta::assert_snapshot!(
        "future_meeting_json",
        check(&program, &["--format", "json"]).stdout
    );
}

#[test]
fn fixing_an_overdue_relationship_is_credited_with_its_standing_change() {
    let program = repository(write_program);
    for day in ["09-30", "10-28", "11-25"] {
        program.write(&format!("{REL2}meetings/2026-{day}.md"), MEETING);
    }
    commit(&program, "r-2026-002: the meetings held since September");
    let run = check(&program, &["--format", "markdown"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    insta::assert_snapshot!("fixed_markdown", run.stdout);
    let json = json(&program);
    assert_eq!(
        statuses(&json),
        [triple(
            "fixed",
            "meeting-cadence",
            &format!("{REL2}relationship.yaml")
        )]
    );
    assert_eq!(
        json["changes"]["relationships"][0],
        serde_json::json!({"id": "r-2026-002", "before": "meeting overdue", "after": "on track"})
    );
    assert_eq!(json["changes"]["meetings_added"], 3);
    let human = check(&program, &[]).stdout;
    assert!(
        human.contains("  - r-2026-002: meeting overdue → on track\n"),
        "{human}"
    );
}

#[test]
fn recording_a_late_meeting_moves_the_missed_deadline_without_failing() {
    let program = repository(write_program);
    program.write(&format!("{REL2}meetings/2026-11-20.md"), MEETING);
    let run = check(&program, &["--format", "json"]);
    assert_eq!(run.code, 0, "{}", run.stdout);
    let json = run.json();
    assert_eq!(
        statuses(&json),
        [triple(
            "existing",
            "meeting-cadence",
            &format!("{REL2}meetings/2026-11-20.md")
        )]
    );
    // No longer overdue; the gap itself stays on record, as an error of that meeting.
    assert_eq!(
        json["changes"]["relationships"][0],
        serde_json::json!({"id": "r-2026-002", "before": "meeting overdue", "after": "has errors"})
    );
}

#[test]
fn line_shifts_do_not_turn_an_existing_problem_into_a_new_one() {
    let program = repository(|program| {
        write_program(program);
        // Lee's membership lapses before as-of while r-2026-002 is active.
        program.write("people/lee.yaml", LEE.replace("2027-06-30", "2026-10-31"));
    });
    let before = json(&program);
    let line = |json: &Value| {
        json["diagnostics"]
            .as_array()
            .unwrap()
            .iter()
            .find(|d| d["rule"] == "membership")
            .map(|d| d["line"].clone())
            .expect("a membership diagnostic")
    };
    let edited = format!(
        "# Lee moved branches in October.\n# (Checked by the committee.)\n{}",
        LEE.replace("2027-06-30", "2026-10-31")
    );
    program.write("people/lee.yaml", edited);
    let after = json(&program);
    assert_eq!(after["summary"]["new"], 0, "{after}");
    assert_eq!(line(&after), line(&before).as_u64().unwrap() + 2);
    assert!(
        statuses(&after).contains(&triple("existing", "membership", "people/lee.yaml")),
        "{after}"
    );
    assert_eq!(check(&program, &[]).code, 0);
}

#[test]
fn a_new_warning_fails_only_when_warnings_are_denied() {
    let program = repository(write_program);
    program.write(
        &format!("{REL1}meetings/2026-11-27.md"),
        "---\nmode: telephone\n---\n",
    );
    assert_eq!(check(&program, &[]).code, 0);
    let denied = check(&program, &["--deny", "warnings"]);
    assert_eq!(denied.code, 1, "{}", denied.stdout);
    assert!(
        denied.stdout.contains("warning[mentee-agenda]"),
        "{}",
        denied.stdout
    );
}

#[test]
fn a_bad_ref_exits_2_with_a_clear_message() {
    let program = repository(write_program);
    for reference in ["no-such-branch", "-h", "main~5"] {
        let run = run_in(program.dir(), &["check", &format!("--base={reference}")]);
        assert_eq!(run.code, 2, "{reference}: {}", run.stdout);
        assert_eq!(run.stdout, "");
        assert_eq!(
            run.stderr,
            format!(
                "error: `{reference}` (--base) is not a revision in this git repository: name a branch, tag or commit that exists here (in CI, fetch the history first, e.g. `git fetch origin main`)\n"
            )
        );
    }
}

#[test]
fn outside_a_git_work_tree_exits_2() {
    let program = Program::new();
    write_program(&program);
    let run = run_in(program.dir(), &["check", "--base", "main"]);
    assert_eq!(run.code, 2, "{}", run.stdout);
    assert_eq!(
        run.stderr,
        "error: `records` is not in a git work tree, so --base has nothing to compare with: run the check in a clone of the records repository, or without --base\n"
    );
}

#[test]
fn records_absent_at_the_base_are_all_new() {
    let program = Program::new();
    // `main` holds only a README: the program starts with this change.
    std::fs::write(program.dir().join("README.md"), "Records to come.\n").unwrap();
    init(program.dir());
    git(program.dir(), &["add", "README.md"]);
    git(program.dir(), &["commit", "-q", "-m", "empty"]);
    git(program.dir(), &["checkout", "-q", "-b", "change"]);
    write_program(&program);
    let run = check(&program, &[]);
    assert_eq!(
        run.code, 1,
        "r-2026-002 is overdue, and new: {}",
        run.stderr
    );
    insta::assert_snapshot!("absent_human", run.stdout);
    let json = json(&program);
    assert_eq!(json["base"]["records"], false);
    assert_eq!(json["summary"]["existing"], 0);
    assert_eq!(json["summary"]["new"], 1);
    assert_eq!(
        json["changes"]["relationships"][1],
        serde_json::json!({"id": "r-2026-002", "before": null, "after": "meeting overdue"})
    );
}

#[test]
fn unreadable_records_at_the_base_count_as_absent() {
    let program = repository(|program| {
        write_program(program);
        program.write("program.toml", "[program]\nname = 1\n");
    });
    program.write("program.toml", crate::support::PROGRAM_TOML);
    let json = json(&program);
    assert_eq!(json["base"]["records"], false);
    let note = json["base"]["note"].as_str().unwrap();
    assert!(
        note.starts_with("the records at `main` could not be read (records/program.toml:"),
        "{note}"
    );
    assert!(note.ends_with("every problem counts as new"), "{note}");
}

#[test]
fn the_work_tree_is_untouched_and_the_output_is_stable() {
    let program = repository(write_program);
    program.write(&format!("{REL1}meetings/2026-12-05.md"), MEETING);
    let status = |program: &Program| {
        Command::new("git")
            .args(["status", "--porcelain", "--untracked-files=all"])
            .current_dir(program.dir())
            .output()
            .unwrap()
            .stdout
    };
    let before = status(&program);
    for format in ["human", "github", "json", "markdown"] {
        let first = check(&program, &["--format", format]);
        assert_eq!(first.stdout, check(&program, &["--format", format]).stdout);
    }
    assert_eq!(status(&program), before);
}

#[test]
fn withdrawing_consent_turns_no_existing_problem_into_a_new_one() {
    let lapsed = LEE.replace("2027-06-30", "2026-10-31");
    let published = if lapsed.contains("publish:") {
        lapsed.replace("publish: false", "publish: true")
    } else {
        format!("{lapsed}publish: true\n")
    };
    let program = repository(|program| {
        write_program(program);
        program.write("people/lee.yaml", &published);
    });
    // Lee withdraws consent: the membership message now says "the mentee of r-2026-002".
    program.write(
        "people/lee.yaml",
        published.replace("publish: true", "publish: false"),
    );
    let after = json(&program);
    assert_eq!(after["summary"]["new"], 0, "{after}");
    assert!(
        statuses(&after).contains(&triple("existing", "membership", "people/lee.yaml")),
        "{after}"
    );
    assert_eq!(check(&program, &[]).code, 0);
}

/// `git ARGS` with `input` on stdin; its stdout, trimmed.
fn git_with(dir: &Path, args: &[&str], input: &str) -> String {
    use std::io::Write;
    let mut child = Command::new("git")
        .args(args)
        .current_dir(dir)
        .env("GIT_CONFIG_GLOBAL", dir.join(".no-global-gitconfig"))
        .env("GIT_CONFIG_NOSYSTEM", "1")
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .spawn()
        .expect("git runs");
    child
        .stdin
        .take()
        .expect("stdin")
        .write_all(input.as_bytes())
        .expect("written");
    let output = child.wait_with_output().expect("git finishes");
    assert!(output.status.success(), "git {args:?}");
    String::from_utf8_lossy(&output.stdout).trim().to_owned()
}

/// A commit whose `records/people` is both a symbolic link to `outside` and a folder holding
/// `pwn.yaml` — a tree no checkout can make, crafted with git's plumbing.
fn crafted_commit(program: &Program, outside: &Path) -> String {
    let dir = program.dir();
    let link = git_with(
        dir,
        &["hash-object", "-w", "--stdin"],
        &outside.to_string_lossy(),
    );
    let pwn = git_with(dir, &["hash-object", "-w", "--stdin"], "name: Pwned\n");
    let people = git_with(dir, &["mktree"], &format!("100644 blob {pwn}\tpwn.yaml\n"));
    let records = git_with(dir, &["ls-tree", "HEAD:records"], "");
    let mut lines: Vec<String> = records
        .lines()
        .filter(|l| !l.ends_with("\tpeople"))
        .map(str::to_owned)
        .collect();
    lines.push(format!("120000 blob {link}\tpeople"));
    lines.push(format!("040000 tree {people}\tpeople"));
    let records = git_with(dir, &["mktree"], &(lines.join("\n") + "\n"));
    let root = git_with(
        dir,
        &["mktree"],
        &format!("040000 tree {records}\trecords\n"),
    );
    git_with(dir, &["commit-tree", &root, "-m", "crafted"], "")
}

#[test]
fn a_crafted_revision_is_read_in_memory_and_writes_nowhere() {
    let program = repository(write_program);
    let outside = tempfile::tempdir().expect("a folder outside");
    let temporary = tempfile::tempdir().expect("a TMPDIR to watch");
    let commit = crafted_commit(&program, outside.path());
    let run = crate::support::run_with_env(
        program.dir(),
        &["check", "--base", &commit, "--format", "json"],
        &[("TMPDIR", temporary.path().to_str().expect("a path"))],
    );
    assert!(run.code == 0 || run.code == 1, "{}", run.stderr);
    let empty = |dir: &Path| std::fs::read_dir(dir).expect("readable").next().is_none();
    assert!(
        empty(outside.path()),
        "something was written through the link"
    );
    assert!(
        empty(temporary.path()),
        "a copy of the records was left in TMPDIR"
    );
    // The link at the revision is judged like one in a checkout: a `layout` problem, fixed
    // by the work tree (which has a real people/ folder).
    let fixed: Vec<String> = run.json()["diagnostics"]
        .as_array()
        .expect("diagnostics")
        .iter()
        .filter(|d| d["status"] == "fixed")
        .map(|d| format!("{} {}", d["rule"], d["file"]))
        .collect();
    assert!(
        fixed.contains(&"\"layout\" \"records/people\"".to_owned()),
        "{fixed:?}"
    );
}

#[test]
fn a_blob_over_the_limit_at_the_revision_is_refused_from_its_size() {
    let program = repository(|p| {
        write_program(p);
        p.write("guidelines.md", "x".repeat(5 * 1024 * 1024));
    });
    std::fs::write(program.dir().join("records/guidelines.md"), "Guidelines.\n").expect("written");
    let json = json(&program);
    let fixed: Vec<&str> = json["diagnostics"]
        .as_array()
        .expect("diagnostics")
        .iter()
        .filter(|d| d["status"] == "fixed")
        .filter_map(|d| d["message"].as_str())
        .collect();
    assert_eq!(
        fixed,
        ["the file is over 4 MiB, far larger than any record should be"]
    );
}
