//! `mentorbook match`: only pairs the rule catalogue accepts, the assignment that matches the
//! most mentees and then scores best (not the greedy one), capacity, the reasons for every
//! mentee left out, and `--write` leaving `check` with nothing new to say.

use crate::support::{Program, Run, demo, found, run_in};
use serde_json::{Value, json};
use std::path::Path;

/// A mentor or mentee file: `since` is library_since, `extra` more lines.
fn person(role: &str, since: &str, extra: &str) -> String {
    let mut text = format!(
        "name: Someone\nroles: [{role}]\npublic_library: current\nmembership: {{number: MLA-1, expires: 2028-06-30}}\nlibrary_since: {since}\npublish: true\n"
    );
    if role == "mentor" {
        text += "field: Reference\nfield_since: 2010-01-01\n";
    }
    text + extra
}

fn matching(program: &Program, args: &[&str]) -> Run {
    let mut all = vec!["match", "--start", "2027-01-15"];
    all.extend_from_slice(args);
    run_in(program.dir(), &all)
}

fn proposal(program: &Program, args: &[&str]) -> Value {
    let mut all = vec!["--format", "json"];
    all.extend_from_slice(args);
    let run = matching(program, &all);
    assert_eq!(run.code, 0, "{}", run.stderr);
    run.json()
}

/// (mentor, mentee) of each proposed pair.
fn pairs(proposal: &Value) -> Vec<(String, String)> {
    proposal["pairs"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| {
            (
                p["mentor"].as_str().unwrap().into(),
                p["mentee"].as_str().unwrap().into(),
            )
        })
        .collect()
}

/// One mentee a mentor.
const ONE_EACH: &str = "\n[rules]\nmax_active_mentees_per_mentor = 1\n";

fn with_program_toml(program: &Program, extra: &str) {
    program.write(
        "program.toml",
        format!("{}{extra}", crate::support::PROGRAM_TOML),
    );
}

#[test]
fn only_the_one_assignment_the_rules_allow_is_proposed() {
    // With mentor-seniority an error, a mentee may only have a mentor who started earlier:
    // ann only old, bob old or young. The greedy best pair (bob–old, shared interests)
    // would leave ann without anyone.
    let program = Program::new();
    with_program_toml(
        &program,
        "\n[rules]\nmax_active_mentees_per_mentor = 1\n\n[severity]\nmentor-seniority = \"error\"\n",
    );
    program
        .write(
            "people/old.yaml",
            person("mentor", "2000-01-01", "interests: [budgeting, teens]\n"),
        )
        .write("people/young.yaml", person("mentor", "2012-01-01", ""))
        .write("people/ann.yaml", person("mentee", "2005-01-01", ""))
        .write(
            "people/bob.yaml",
            person("mentee", "2015-01-01", "interests: [budgeting, teens]\n"),
        );
    let got = proposal(&program, &[]);
    assert_eq!(
        pairs(&got),
        [("old".into(), "ann".into()), ("young".into(), "bob".into())]
    );
    assert_eq!(got["unmatched"], json!([]));
}

#[test]
fn the_best_total_beats_the_greedy_first_choice() {
    // ann–one scores best of all pairs (3 shared interests), but ann–two and bob–one
    // together (2 + 2) beat ann–one and bob–two (3 + 0).
    let program = Program::new();
    with_program_toml(&program, ONE_EACH);
    program
        .write(
            "people/one.yaml",
            person("mentor", "2000-01-01", "interests: [a, b, c, p, q]\n"),
        )
        .write(
            "people/two.yaml",
            person("mentor", "2000-01-01", "interests: [a, b]\n"),
        )
        .write(
            "people/ann.yaml",
            person("mentee", "2015-01-01", "interests: [a, b, c]\n"),
        )
        .write(
            "people/bob.yaml",
            person("mentee", "2015-01-01", "interests: [p, q]\n"),
        );
    let got = proposal(&program, &[]);
    assert_eq!(
        pairs(&got),
        [("one".into(), "bob".into()), ("two".into(), "ann".into())]
    );
    let one_bob = &got["pairs"][0];
    assert_eq!(one_bob["score"], 4);
    assert_eq!(
        one_bob["reasons"],
        json!([
            "shared interest: p",
            "shared interest: q",
            "mentor has no other mentee"
        ])
    );
}

#[test]
fn capacity_counts_open_relationships_and_the_pairs_proposed() {
    let program = Program::new();
    with_program_toml(&program, "\n[rules]\nmax_active_mentees_per_mentor = 2\n");
    program
        .write("people/busy.yaml", person("mentor", "2000-01-01", ""))
        .write("people/free.yaml", person("mentor", "2000-01-01", ""))
        .write("people/old.yaml", person("mentee", "2015-01-01", ""))
        .write(
            "relationships/r-2026-001/relationship.yaml",
            "mentor: busy\nmentee: old\nstart: 2026-06-01\nend: 2027-05-31\nstatus: active\n",
        );
    for name in ["ann", "bob", "cat", "dan"] {
        program.write(
            &format!("people/{name}.yaml"),
            person("mentee", "2015-01-01", ""),
        );
    }
    let got = proposal(&program, &[]);
    let mentors: Vec<String> = pairs(&got).into_iter().map(|(m, _)| m).collect();
    assert_eq!(mentors.iter().filter(|m| *m == "busy").count(), 1, "{got}");
    assert_eq!(mentors.iter().filter(|m| *m == "free").count(), 2, "{got}");
    // The mentee left out (the last in id order, everything else equal) is told why.
    assert_eq!(
        got["unmatched"],
        json!([{"mentee": "dan", "why": ["no mentor left: eligible with busy, free, whose places went to other mentees"]}])
    );
    // With the limit reached before the start, busy has no room at all.
    with_program_toml(&program, "\n[rules]\nmax_active_mentees_per_mentor = 1\n");
    let got = proposal(&program, &[]);
    assert!(pairs(&got).iter().all(|(m, _)| m == "free"), "{got}");
    let why = got["unmatched"][0]["why"].as_array().unwrap();
    assert_eq!(
        why[0],
        "mentor-capacity: no room with busy (max_active_mentees_per_mentor = 1)"
    );
}

#[test]
fn an_ineligible_mentor_is_never_proposed_and_named_for_every_mentee_left_out() {
    let program = Program::new();
    with_program_toml(&program, ONE_EACH);
    program
        .write(
            "people/novice.yaml",
            person("mentor", "2024-01-01", "interests: [budgeting]\n"),
        )
        .write("people/expert.yaml", person("mentor", "2000-01-01", ""))
        .write(
            "people/ann.yaml",
            person("mentee", "2015-01-01", "interests: [budgeting]\n"),
        )
        .write("people/bob.yaml", person("mentee", "2015-01-01", ""))
        .write(
            "people/lapsed.yaml",
            person("mentee", "2015-01-01", "").replace("2028-06-30", "2027-01-10"),
        );
    let got = proposal(&program, &[]);
    assert!(
        pairs(&got).iter().all(|(mentor, _)| mentor == "expert"),
        "{got}"
    );
    assert_eq!(pairs(&got).len(), 1);
    let unmatched = got["unmatched"].as_array().unwrap();
    assert_eq!(unmatched.len(), 2, "{got}");
    let lapsed = unmatched.iter().find(|u| u["mentee"] == "lapsed").unwrap();
    assert_eq!(
        lapsed["why"],
        json!([
            "membership: the membership of `lapsed` expires on 2027-01-10, before the proposed relationship starts on 2027-01-15 (with every mentor)",
            "mentor-library-years: `novice` has worked in libraries since 2024-01-01: 5 years are reached on 2029-01-01, after the proposed relationship starts on 2027-01-15 (with novice)"
        ])
    );
    let other = unmatched.iter().find(|u| u["mentee"] != "lapsed").unwrap();
    let why: Vec<&str> = other["why"]
        .as_array()
        .unwrap()
        .iter()
        .map(|w| w.as_str().unwrap())
        .collect();
    assert!(
        why[0]
            .starts_with("mentor-library-years: `novice` has worked in libraries since 2024-01-01"),
        "{why:?}"
    );
    assert_eq!(
        why[1],
        "no mentor left: eligible with expert, whose places went to other mentees"
    );
    program.write("people/senior.yaml", person("mentor", "2016-01-01", ""));
    insta::assert_snapshot!("unmatched_table", matching(&program, &[]).stdout);
}

#[test]
fn mentor_seniority_is_a_named_penalty() {
    let program = Program::new();
    program
        .write("people/junior.yaml", person("mentor", "2010-01-01", ""))
        .write("people/senior.yaml", person("mentor", "1999-01-01", ""))
        .write("people/ann.yaml", person("mentee", "2005-01-01", ""))
        .write("people/bob.yaml", person("mentee", "2015-01-01", ""));
    let got = proposal(&program, &[]);
    assert_eq!(
        pairs(&got),
        [
            ("junior".into(), "bob".into()),
            ("senior".into(), "ann".into())
        ]
    );
    let only = proposal(&program, &["--mentee", "ann"]);
    assert_eq!(only["pairs"][0]["warnings"], json!([]));
    program.write("people/senior.yaml", person("mentor", "2011-01-01", ""));
    let got = proposal(&program, &[]);
    let ann = got["pairs"]
        .as_array()
        .unwrap()
        .iter()
        .find(|p| p["mentee"] == "ann")
        .unwrap();
    assert_eq!(ann["score"], 0, "{got}");
    assert_eq!(
        ann["warnings"][0].as_str().unwrap().split(':').next(),
        Some("mentor-seniority")
    );
}

#[test]
fn mentees_named_again_are_candidates_and_unknown_ones_are_refused() {
    let program = Program::new();
    program
        .write("people/dana.yaml", person("mentor", "2000-01-01", ""))
        .write("people/sam.yaml", person("mentee", "2015-01-01", ""))
        .write(
            "relationships/r-2025-001/relationship.yaml",
            "mentor: dana\nmentee: sam\nstart: 2025-01-15\nend: 2026-01-14\nstatus: completed\n",
        );
    assert_eq!(pairs(&proposal(&program, &[])), []);
    assert_eq!(
        pairs(&proposal(&program, &["--mentee", "sam"])),
        [("dana".into(), "sam".into())]
    );
    let run = matching(&program, &["--mentee", "kim"]);
    assert_eq!(run.code, 2);
    assert_eq!(
        run.stderr,
        "error: --mentee `kim` is not a person in records/people\n"
    );
    let none = matching(&program, &[]);
    assert_eq!(
        none.stdout,
        "No mentees to match on 2027-01-15: every mentee has had a relationship (name one with --mentee ID).\n"
    );
}

/// The demo records with the demo applications imported.
fn demo_with_applicants() -> tempfile::TempDir {
    let dir = demo();
    let examples = Path::new(env!("CARGO_MANIFEST_DIR")).join("examples");
    let run = run_in(
        dir.path(),
        &[
            "import",
            "people",
            examples.join("applications.xlsx").to_str().unwrap(),
            "--columns",
            examples.join("columns.toml").to_str().unwrap(),
        ],
    );
    assert_eq!(
        run.code, 1,
        "the demo has one row with a mistake: {}",
        run.stdout
    );
    dir
}

#[test]
fn the_json_is_shaped_as_cli_md_shows() {
    let dir = demo_with_applicants();
    let run = run_in(
        dir.path(),
        &["match", "--start", "2027-01-15", "--format", "json"],
    );
    assert_eq!(run.code, 0, "{}", run.stderr);
    let document = run.json();
    let keys: Vec<&String> = document.as_object().unwrap().keys().collect();
    assert_eq!(keys, ["pairs", "start", "unmatched"]);
    assert_eq!(document["start"], "2027-01-15");
    for pair in document["pairs"].as_array().unwrap() {
        let keys: Vec<&String> = pair.as_object().unwrap().keys().collect();
        assert_eq!(keys, ["mentee", "mentor", "reasons", "score", "warnings"]);
        assert!(
            pair["score"].is_i64() && pair["reasons"].is_array() && pair["warnings"].is_array()
        );
    }
    let zoe = document["pairs"]
        .as_array()
        .unwrap()
        .iter()
        .find(|p| p["mentee"] == "zoe-nunez")
        .unwrap();
    assert_eq!(zoe["mentor"], "ravi-patel");
    assert_eq!(
        zoe["reasons"],
        json!([
            "different libraries",
            "shared interest: budgeting",
            "mentor has no other mentee"
        ])
    );
}

#[test]
fn the_table_names_every_pair_with_its_reasons() {
    let dir = demo_with_applicants();
    let run = run_in(dir.path(), &["match", "--start", "2027-01-15"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    insta::assert_snapshot!("demo_match_table", run.stdout);
}

#[test]
fn written_pairs_leave_check_with_nothing_new() {
    let dir = demo_with_applicants();
    let before = found(&run_in(dir.path(), &["check", "--format", "json"]).json());
    let run = run_in(dir.path(), &["match", "--start", "2027-01-15", "--write"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let written: Vec<&str> = run
        .stdout
        .lines()
        .filter(|l| l.starts_with("records/"))
        .collect();
    assert_eq!(
        written,
        [
            "records/relationships/r-2027-001/relationship.yaml",
            "records/relationships/r-2027-002/relationship.yaml",
            "records/relationships/r-2027-003/relationship.yaml",
            "records/relationships/r-2027-004/relationship.yaml"
        ]
    );
    let first = std::fs::read_to_string(dir.path().join(written[0])).unwrap();
    assert!(first.starts_with("# yaml-language-server: $schema=../../../schemas/relationship.schema.json\nmentor: dana-whitfield\nmentee: jacob-reyes\nstart: 2027-01-15\nend: 2028-01-14 "), "{first}");
    let after = found(&run_in(dir.path(), &["check", "--format", "json"]).json());
    assert_eq!(after, before);
    // The mentees are matched now: a second run proposes nobody and overwrites nothing.
    let again = run_in(dir.path(), &["match", "--start", "2027-01-15", "--write"]);
    assert!(
        again.stdout.starts_with("No mentees to match"),
        "{}",
        again.stdout
    );
    // On the start day itself the later records fall due: the agreement, and nothing else.
    let on_start = found(
        &run_in(
            dir.path(),
            &["check", "--format", "json", "--as-of", "2027-01-15"],
        )
        .json(),
    );
    let new: Vec<&str> = on_start
        .iter()
        .filter(|d| d.file.contains("r-2027-"))
        .map(|d| d.rule.as_str())
        .collect();
    assert_eq!(new, ["agreement-missing"; 4]);
}
