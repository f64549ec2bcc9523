//! Every structural diagnostic flavour (`yaml`, `schema`, `layout`), asserting rule, file,
//! line and column — and the words that tell the user what to do.

use crate::support::{Program, fixture, found, run_in};

const ROOT: &str = "records/";

/// (rule, file inside records/, line, column, words the message must contain)
const EXPECTED: &[(&str, &str, u64, u64, &str)] = &[
    ("layout", "notes.txt", 1, 1, "unexpected file `notes.txt`"),
    (
        "layout",
        "people/Capital.yaml",
        1,
        1,
        "rename to people/capital.yaml",
    ),
    (
        "yaml",
        "people/bad-syntax.yaml",
        3,
        15,
        "the `[` after `roles:` on line 2 is never closed",
    ),
    (
        "yaml",
        "people/duplicate.yaml",
        3,
        1,
        "the key `name` is given twice",
    ),
    (
        "schema",
        "people/mentor-missing.yaml",
        1,
        1,
        "missing key `field_since`, required for mentors",
    ),
    (
        "schema",
        "people/mentor-missing.yaml",
        1,
        1,
        "missing key `field`, required for mentors",
    ),
    (
        "schema",
        "people/mentor-missing.yaml",
        1,
        1,
        "missing key `library_since`, required for mentors",
    ),
    (
        "schema",
        "people/typos.yaml",
        1,
        1,
        "missing required key `name`",
    ),
    ("schema", "people/typos.yaml", 1, 1, "unknown key `nmae`"),
    (
        "schema",
        "people/typos.yaml",
        2,
        17,
        "each item of `roles` must be one of mentor, mentee, representative; found `mentr`",
    ),
    (
        "schema",
        "people/typos.yaml",
        3,
        1,
        "`public_library` must be one of current, former, planned, none; found `currnt`",
    ),
    (
        "schema",
        "people/typos.yaml",
        4,
        1,
        "`membership` is missing its required key `expires`",
    ),
    (
        "schema",
        "people/typos.yaml",
        6,
        1,
        "`library_since` is not a real date: 2026-02-30",
    ),
    (
        "schema",
        "people/typos.yaml",
        8,
        1,
        "`field_since` must be a date written YYYY-MM-DD",
    ),
    (
        "schema",
        "people/typos.yaml",
        9,
        1,
        "`publish` must be true or false, found text",
    ),
    (
        "layout",
        "people/wrong-ext.yml",
        1,
        1,
        "rename to people/wrong-ext.yaml",
    ),
    (
        "yaml",
        "relationships/r-2026-001/agreement.md",
        1,
        1,
        "no front matter",
    ),
    (
        "schema",
        "relationships/r-2026-001/evaluations/2026-Q1.yaml",
        4,
        1,
        "`mentee_participated` must be true or false, found the number 1",
    ),
    (
        "schema",
        "relationships/r-2026-001/evaluations/2026-Q1.yaml",
        5,
        1,
        "`rating` must be one of on-track, needs-attention, at-risk; found `great`",
    ),
    (
        "layout",
        "relationships/r-2026-001/evaluations/2026-Q5.yaml",
        1,
        1,
        "there is no quarter Q5",
    ),
    (
        "yaml",
        "relationships/r-2026-001/meetings/2026-02-10.md",
        1,
        1,
        "front matter is not closed",
    ),
    (
        "schema",
        "relationships/r-2026-001/meetings/2026-03-10.md",
        3,
        1,
        "unknown key `minuets`",
    ),
    (
        "schema",
        "relationships/r-2026-001/meetings/2026-03-10.md",
        4,
        1,
        "`working_hours` must be true or false",
    ),
    (
        "schema",
        "relationships/r-2026-001/meetings/2026-03-10.md",
        7,
        5,
        "each item of `topics` must be text, found a list",
    ),
    (
        "layout",
        "relationships/r-2026-001/meetings/2026-13-01.md",
        1,
        1,
        "`2026-13-01` is not a real date",
    ),
    (
        "schema",
        "relationships/r-2026-001/relationship.yaml",
        5,
        1,
        "`status` must be one of active, completed, dissolved; found `actve`",
    ),
    (
        "schema",
        "relationships/r-2026-001/relationship.yaml",
        6,
        1,
        "`dissolution` is missing its required key `by`",
    ),
    (
        "schema",
        "relationships/r-2026-001/relationship.yaml",
        6,
        1,
        "`dissolution` is missing its required key `committee_contacted`",
    ),
    (
        "layout",
        "relationships/r-2026-002/Meetings/",
        1,
        1,
        "rename to relationships/r-2026-002/meetings/ (its contents are not read)",
    ),
    (
        "layout",
        "relationships/r-2026-002/relationship.yaml",
        1,
        1,
        "relationship folder `r-2026-002` has no relationship.yaml",
    ),
    (
        "layout",
        "relationships/r-2026-003/notes.md",
        1,
        1,
        "unexpected file `notes.md`",
    ),
    (
        "layout",
        "relationships/r-2026-003/relationship.yaml",
        1,
        1,
        "relationship folder `r-2026-003` has no relationship.yaml",
    ),
];

#[test]
fn every_structural_flavour_is_reported_where_it_is() {
    let run = run_in(&fixture("structural"), &["check", "--format", "json"]);
    assert_eq!(run.code, 1, "{}", run.stderr);
    let json = run.json();
    let actual = found(&json);
    let mut missing = Vec::new();
    for &(rule, file, line, column, words) in EXPECTED {
        let hit = actual.iter().any(|d| {
            d.rule == rule
                && d.file == format!("{ROOT}{file}")
                && (d.line, d.column) == (line, column)
                && d.message.contains(words)
        });
        if !hit {
            missing.push(format!("{rule} {file}:{line}:{column} {words}"));
        }
    }
    assert!(
        missing.is_empty(),
        "not reported:\n{}\n\nactual: {actual:#?}",
        missing.join("\n")
    );
    assert_eq!(
        actual.len(),
        EXPECTED.len(),
        "unexpected extra diagnostics: {actual:#?}"
    );
    // README.md files, dot-files and dot-folders are neither reported nor counted; the
    // contents of a misnamed folder are not read.
    assert_eq!(json["summary"]["files"], 17);
}

#[test]
fn suggestions_name_the_fix() {
    let run = run_in(&fixture("structural"), &["check", "--format", "json"]);
    let json = run.json();
    let help = |file: &str, line: u64| -> Vec<String> {
        json["diagnostics"]
            .as_array()
            .unwrap()
            .iter()
            .filter(|d| d["file"] == format!("{ROOT}{file}") && d["line"] == line)
            .filter_map(|d| d["help"].as_str().map(String::from))
            .collect()
    };
    assert!(help("people/typos.yaml", 1).contains(&"did you mean `name`?".to_owned()));
    assert!(help("people/typos.yaml", 3).contains(&"did you mean `current`?".to_owned()));
    assert!(help("people/typos.yaml", 8).contains(&"write it as 2019-09-01".to_owned()));
    assert!(
        help("relationships/r-2026-001/meetings/2026-03-10.md", 3)
            .contains(&"did you mean `minutes`?".to_owned())
    );
}

#[test]
fn front_matter_lines_count_the_delimiter_with_crlf_and_bom() {
    let program = Program::new();
    program.write(
        "relationships/r-1/meetings/2026-03-05.md",
        "\u{feff}---\r\nmode: email\r\nmood: fine\r\n---\r\nNotes.\r\n",
    );
    let unknown: Vec<_> = program
        .diagnostics()
        .into_iter()
        .filter(|d| d.rule == "schema")
        .collect();
    assert_eq!(unknown.len(), 1, "{unknown:#?}");
    assert_eq!((unknown[0].line, unknown[0].column), (3, 1));
    assert!(unknown[0].message.contains("unknown key `mood`"));
}

#[test]
fn null_values_count_as_absent_and_numbers_may_be_bare() {
    let program = Program::new();
    program.write(
        "people/pat.yaml",
        "name: Pat\nroles: [representative]\nlibrary:\nposition: null\nphone: 4175550100\n",
    );
    program.write(
        "people/dana.yaml",
        "name: Dana\nroles: [mentee]\npublic_library: current\nmembership:\n  number: 10234\n  expires: '2027-06-30'\n",
    );
    program.write("people/sam.yaml", "name:\nroles: [representative]\n");
    let found = program.diagnostics();
    assert_eq!(found.len(), 1, "{found:#?}");
    assert_eq!(found[0].file, "records/people/sam.yaml");
    // A required key written without a value is reported at the key, not at 1:1.
    assert_eq!((found[0].line, found[0].column), (1, 1));
    assert_eq!(found[0].message, "`name` has no value, but it is required");
}

#[test]
fn meeting_and_evaluation_names_follow_the_layout() {
    let program = Program::new();
    let meeting = "---\nmode: email\ntopics: [x]\n---\n";
    program.write("relationships/r-1/meetings/2026-03-05-2.md", meeting);
    program.write("relationships/r-1/meetings/2026-03-05-02.md", meeting);
    program.write("relationships/r-1/meetings/2026-03-05-1.md", meeting);
    program.write("relationships/r-1/meetings/2026-3-6.md", meeting);
    program.write("relationships/r-1/meetings/2026-03-07.markdown", meeting);
    program.write("relationships/r-1/evaluations/2026-q2.yaml", "x: 1\n");
    program.write("relationships/r-1/evaluations/2026-Q3.yml", "x: 1\n");
    program.write("relationships/r-1/Relationship.yaml", "x: 1\n");
    let layout: Vec<String> = program
        .diagnostics()
        .into_iter()
        .filter(|d| d.rule == "layout")
        .map(|d| {
            format!(
                "{} | {}",
                d.file.trim_start_matches("records/relationships/r-1/"),
                d.message
            )
        })
        .collect();
    assert_eq!(
        layout,
        [
            "Relationship.yaml | misnamed: rename to relationships/r-1/relationship.yaml",
            "evaluations/2026-Q3.yml | misnamed: rename to relationships/r-1/evaluations/2026-Q3.yaml",
            "evaluations/2026-q2.yaml | misnamed: rename to relationships/r-1/evaluations/2026-Q2.yaml",
            "meetings/2026-03-05-02.md | misnamed: rename to relationships/r-1/meetings/2026-03-05-2.md",
            "meetings/2026-03-05-1.md | `2026-03-05-1.md` is not a meeting file name: the first meeting of a day is 2026-03-05.md, a second 2026-03-05-2.md",
            "meetings/2026-03-07.markdown | misnamed: rename to relationships/r-1/meetings/2026-03-07.md",
            "meetings/2026-3-6.md | misnamed: rename to relationships/r-1/meetings/2026-03-06.md",
            "relationship.yaml | relationship folder `r-1` has no relationship.yaml",
        ]
    );
}

#[cfg(unix)]
#[test]
fn symbolic_links_never_leave_records_or_loop() {
    use std::os::unix::fs::symlink;
    let program = Program::new();
    let person = "name: Pat\nroles: [representative]\n";
    program.write("people/pat.yaml", person);
    let outside = program.dir().join("outside.yaml");
    std::fs::write(&outside, person).unwrap();
    let records = program.dir().join("records");
    symlink(&outside, records.join("people/out.yaml")).unwrap();
    symlink(
        records.join("people/pat.yaml"),
        records.join("people/pat-again.yaml"),
    )
    .unwrap();
    symlink(&records, records.join("relationships")).unwrap();
    symlink(
        records.join("people/missing.yaml"),
        records.join("people/gone.yaml"),
    )
    .unwrap();
    let found = program.diagnostics();
    let messages: Vec<String> = found
        .iter()
        .map(|d| format!("{} {}", d.file, d.message))
        .collect();
    assert_eq!(found.len(), 3, "{messages:#?}");
    assert!(messages[0].starts_with("records/people/gone.yaml broken symbolic link"));
    assert!(
        messages[1]
            .starts_with("records/people/out.yaml symbolic link to a place outside records/")
    );
    assert!(
        messages[2].starts_with("records/relationships symbolic link to a folder is not followed")
    );
}

#[test]
fn program_toml_problems_stop_with_exit_2_naming_file_and_line() {
    let program = Program::new();
    program.write(
        "program.toml",
        "[program]\nname = \"P\"\nassociation = \"A\"\n\n[severity]\nmentee-agnda = \"warning\"\n",
    );
    let run = program.check(&[]);
    assert_eq!(run.code, 2);
    assert_eq!(run.stdout, "");
    assert_eq!(
        run.stderr,
        "error: records/program.toml:6:1: unknown rule `mentee-agnda` in [severity]: did you mean `mentee-agenda`? (`mentorbook rules` lists them)\n"
    );
    std::fs::remove_file(program.dir().join("records/program.toml")).unwrap();
    let run = program.check(&[]);
    assert_eq!(run.code, 2);
    assert!(
        run.stderr
            .starts_with("error: records/program.toml: not found"),
        "{}",
        run.stderr
    );
    let run = run_in(program.dir(), &["check", "--records", "nowhere"]);
    assert_eq!(run.code, 2);
    assert!(
        run.stderr.contains("no records folder at `nowhere`"),
        "{}",
        run.stderr
    );
}

#[test]
fn severity_overrides_change_or_silence_a_rule() {
    let program = Program::new();
    program.write("people/x.yml", "name: X\n");
    program.write(
        "people/y.yaml",
        "name: Y\nroles: [representative]\ncolour: red\n",
    );
    assert_eq!(program.check(&[]).code, 1);
    program.write(
        "program.toml",
        format!(
            "{}[severity]\nlayout = \"warning\"\nschema = \"off\"\n",
            crate::support::PROGRAM_TOML
        ),
    );
    let run = program.check(&["--format", "json"]);
    assert_eq!(run.code, 0, "{}", run.stdout);
    let json = run.json();
    assert_eq!(json["summary"]["warnings"], 1);
    assert_eq!(json["diagnostics"][0]["severity"], "warning");
    assert_eq!(program.check(&["--deny", "warnings"]).code, 1);
}
