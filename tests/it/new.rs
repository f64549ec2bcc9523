//! `mentorbook new`: records at the layout's place, in a shape `check` reads, never over an
//! existing file, and nothing written when a flag is wrong.

use crate::support::{Program, Run, files, run_in};

const MENTOR: &str = "name: Dana Whitfield\nroles: [mentor]\npublic_library: current\nmembership: {number: MLA-1, expires: 2028-01-01}\nlibrary_since: 2005-01-01\nfield: Youth services\nfield_since: 2015-01-01\npublish: true\n";
const MENTEE: &str = "name: Sam Ortiz\nroles: [mentee]\npublic_library: current\nmembership: {number: MLA-2, expires: 2028-01-01}\n";

fn new(program: &Program, args: &[&str]) -> Run {
    let mut all = vec!["new"];
    all.extend_from_slice(args);
    run_in(program.dir(), &all)
}

fn people() -> Program {
    let program = Program::new();
    program
        .write("people/dana.yaml", MENTOR)
        .write("people/sam.yaml", MENTEE);
    program
}

#[test]
fn writes_every_kind_where_the_layout_wants_it() {
    let program = people();
    let steps: [(&[&str], &str); 7] = [
        (
            &[
                "person",
                "pat",
                "--name",
                "Pat Kim",
                "--role",
                "representative",
            ],
            "records/people/pat.yaml",
        ),
        (
            &[
                "person", "lee", "--name", "Lee", "--role", "mentor", "--role", "mentee",
            ],
            "records/people/lee.yaml",
        ),
        (
            &[
                "relationship",
                "--mentor",
                "dana",
                "--mentee",
                "sam",
                "--start",
                "2026-01-15",
            ],
            "records/relationships/r-2026-001/relationship.yaml",
        ),
        (
            &["agreement", "r-2026-001"],
            "records/relationships/r-2026-001/agreement.md",
        ),
        (
            &[
                "meeting",
                "r-2026-001",
                "--date",
                "2026-02-10",
                "--mode",
                "email",
            ],
            "records/relationships/r-2026-001/meetings/2026-02-10.md",
        ),
        (
            &[
                "meeting",
                "r-2026-001",
                "--date",
                "2026-02-10",
                "--mode",
                "telephone",
            ],
            "records/relationships/r-2026-001/meetings/2026-02-10-2.md",
        ),
        (
            &[
                "evaluation",
                "r-2026-001",
                "--quarter",
                "2026-Q1",
                "--representative",
                "pat",
            ],
            "records/relationships/r-2026-001/evaluations/2026-Q1.yaml",
        ),
    ];
    for (args, path) in steps {
        let run = new(&program, args);
        assert_eq!(
            (run.code, run.stdout.as_str()),
            (0, format!("{path}\n").as_str()),
            "{}",
            run.stderr
        );
    }
    let relationship = std::fs::read_to_string(
        program
            .dir()
            .join("records/relationships/r-2026-001/relationship.yaml"),
    )
    .unwrap();
    assert!(relationship.starts_with(
        "# yaml-language-server: $schema=../../../schemas/relationship.schema.json\n"
    ));
    assert!(
        relationship.contains("\nend: 2027-01-14 "),
        "{relationship}"
    );
    let found = program.diagnostics();
    assert!(
        found.iter().all(|d| d.rule != "layout" && d.rule != "yaml"),
        "{found:#?}"
    );
    // What the flags fill is complete: only the keys left as `# TODO` are reported.
    let schema_files: Vec<&str> = found
        .iter()
        .filter(|d| d.rule == "schema")
        .map(|d| d.file.as_str())
        .collect();
    for complete in [
        "pat.yaml",
        "relationship.yaml",
        "2026-02-10.md",
        "2026-02-10-2.md",
    ] {
        assert!(
            !schema_files.iter().any(|f| f.ends_with(complete)),
            "{complete}: {found:#?}"
        );
    }
    for todo in ["lee.yaml", "agreement.md", "2026-Q1.yaml"] {
        assert!(
            schema_files.iter().any(|f| f.ends_with(todo)),
            "{todo}: {found:#?}"
        );
    }
    let missing: Vec<&str> = found
        .iter()
        .filter(|d| d.file.ends_with("2026-Q1.yaml"))
        .map(|d| d.message.as_str())
        .collect();
    assert_eq!(
        missing,
        [
            "`date` has no value, but it is required",
            "`mentor_participated` has no value, but it is required",
            "`mentee_participated` has no value, but it is required",
            "`rating` has no value, but it is required"
        ]
    );
}

#[test]
fn picks_the_next_free_relationship_id_of_the_start_year() {
    let program = people();
    for id in ["r-2026-001", "r-2026-009", "r-2025-014", "r-2026-x"] {
        program.write(&format!("relationships/{id}/README.md"), "");
    }
    let pair = [
        "relationship",
        "--mentor",
        "dana",
        "--mentee",
        "sam",
        "--start",
    ];
    let run = |start: &str, extra: &[&str]| {
        let mut args = pair.to_vec();
        args.push(start);
        args.extend_from_slice(extra);
        new(&program, &args)
    };
    let first = run("2026-03-01", &[]);
    assert_eq!(
        first.stdout,
        "records/relationships/r-2026-010/relationship.yaml\n"
    );
    assert_eq!(
        run("2027-01-31", &[]).stdout,
        "records/relationships/r-2027-001/relationship.yaml\n"
    );
    let chosen = run("2026-03-01", &["--id", "pairing-a"]);
    assert_eq!(
        chosen.stdout,
        "records/relationships/pairing-a/relationship.yaml\n"
    );
    let again = run("2026-03-01", &["--id", "pairing-a"]);
    assert_eq!(again.code, 2);
    assert!(again.stderr.contains("already exists"), "{}", again.stderr);
}

#[test]
fn never_overwrites_a_record() {
    let program = people();
    let path = program.dir().join("records/people/dana.yaml");
    let run = new(
        &program,
        &["person", "dana", "--name", "Other", "--role", "mentee"],
    );
    assert_eq!(run.code, 2);
    assert_eq!(
        run.stderr,
        "error: a person `dana` already exists in records: edit that file instead\n"
    );
    assert_eq!(std::fs::read_to_string(&path).unwrap(), MENTOR);
    program.write("relationships/r-1/relationship.yaml", "");
    program.write("relationships/r-1/agreement.md", "kept");
    let run = new(&program, &["agreement", "r-1"]);
    assert_eq!(run.code, 2);
    assert_eq!(
        run.stderr,
        "error: records/relationships/r-1/agreement.md already exists: mentorbook never overwrites a record, so edit it instead\n"
    );
    let kept = program.dir().join("records/relationships/r-1/agreement.md");
    assert_eq!(std::fs::read_to_string(kept).unwrap(), "kept");
}

#[test]
fn refuses_bad_flags_and_writes_nothing() {
    let program = people();
    program.write("relationships/r-1/relationship.yaml", "");
    let before = files(program.dir());
    let cases: [(&[&str], &str); 11] = [
        (
            &["person", "Dana", "--name", "D", "--role", "mentor"],
            "not a valid person id",
        ),
        (
            &["person", "x", "--name", "X", "--role", "boss"],
            "a role is one of mentor, mentee, representative",
        ),
        (
            &[
                "relationship",
                "--mentor",
                "nobody",
                "--mentee",
                "sam",
                "--start",
                "2026-01-01",
            ],
            "--mentor `nobody` is not a person",
        ),
        (
            &[
                "relationship",
                "--mentor",
                "sam",
                "--mentee",
                "dana",
                "--start",
                "2026-01-01",
            ],
            "does not have the mentor role",
        ),
        (
            &[
                "relationship",
                "--mentor",
                "dana",
                "--mentee",
                "sam",
                "--start",
                "2026-02-30",
            ],
            "not a real date",
        ),
        (
            &[
                "relationship",
                "--mentor",
                "dana",
                "--mentee",
                "sam",
                "--start",
                "9999-12-31",
            ],
            "--start 9999-12-31 is too late: a relationship of 12 months from then would end after 9999-12-31",
        ),
        (
            &[
                "relationship",
                "--mentor",
                "dana",
                "--mentee",
                "sam",
                "--start",
                "2026-01-01",
                "--id",
                "R_1",
            ],
            "not a valid relationship id",
        ),
        (
            &["meeting", "r-2", "--date", "2026-01-05", "--mode", "email"],
            "`r-2` is not a relationship",
        ),
        (
            &[
                "meeting",
                "r-1",
                "--date",
                "2026-01-05",
                "--mode",
                "carrier-pigeon",
            ],
            "not one of the program's meeting_modes: in-person, telephone, email",
        ),
        (
            &[
                "evaluation",
                "r-1",
                "--quarter",
                "2026-Q5",
                "--representative",
                "dana",
            ],
            "a quarter is written YYYY-Qn",
        ),
        (
            &[
                "evaluation",
                "r-1",
                "--quarter",
                "2026-Q1",
                "--representative",
                "dana",
            ],
            "does not have the representative role",
        ),
    ];
    for (args, expected) in cases {
        let run = new(&program, args);
        assert_eq!(run.code, 2, "{args:?}");
        assert!(run.stderr.starts_with("error: "), "{}", run.stderr);
        assert!(run.stderr.contains(expected), "{args:?}: {}", run.stderr);
        assert_eq!(run.stdout, "");
    }
    assert_eq!(files(program.dir()), before);
}

#[test]
fn respects_the_records_folder_given() {
    let program = people();
    let elsewhere = tempfile::tempdir().unwrap();
    let records = program.dir().join("records");
    let records = records.to_string_lossy();
    let run = run_in(
        elsewhere.path(),
        &[
            "new",
            "person",
            "pat",
            "--name",
            "Pat",
            "--role",
            "representative",
            "--records",
            &records,
        ],
    );
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert_eq!(run.stdout, format!("{records}/people/pat.yaml\n"));
    assert!(program.dir().join("records/people/pat.yaml").is_file());
    let missing = run_in(elsewhere.path(), &["new", "agreement", "r-1"]);
    assert_eq!(missing.code, 2);
    assert!(
        missing.stderr.contains("no records folder at `records`"),
        "{}",
        missing.stderr
    );
}

#[cfg(unix)]
#[test]
fn never_writes_through_a_symbolic_link() {
    let program = people();
    let elsewhere = tempfile::tempdir().unwrap();
    let relationships = program.dir().join("records/relationships");
    std::fs::create_dir_all(&relationships).unwrap();
    std::os::unix::fs::symlink(elsewhere.path(), relationships.join("r-2027-009")).unwrap();
    let run = new(
        &program,
        &[
            "relationship",
            "--mentor",
            "dana",
            "--mentee",
            "sam",
            "--start",
            "2027-01-15",
            "--id",
            "r-2027-009",
        ],
    );
    assert_eq!(run.code, 2, "{}", run.stdout);
    assert!(
        run.stderr.contains(
            "records/relationships/r-2027-009 is a symbolic link: mentorbook does not write records through one"
        ),
        "{}",
        run.stderr
    );
    assert_eq!(std::fs::read_dir(elsewhere.path()).unwrap().count(), 0);
}
