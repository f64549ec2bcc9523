//! `init` never harms what exists: it refuses a folder that holds records or a folder
//! reached through a symbolic link, and keeps every existing file (the schemas too);
//! `init --update` adds what a newer version writes to a records repository and lists it.

use crate::init::{init, read};
use crate::support::run_in;

#[test]
fn refuses_a_folder_that_holds_records() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::create_dir_all(dir.path().join("records/people")).unwrap();
    let run = run_in(dir.path(), &["init", "."]);
    assert_eq!(run.code, 2);
    assert_eq!(
        run.stderr,
        "error: . already holds records: init starts a new program, so choose an empty folder (or add what a newer mentorbook writes with `mentorbook init --update .`)\n"
    );
    assert!(!dir.path().join("README.md").exists(), "nothing written");
}

#[test]
fn keeps_every_existing_file_the_schemas_included() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("README.md"), "ours").unwrap();
    std::fs::create_dir(dir.path().join("schemas")).unwrap();
    std::fs::write(dir.path().join("schemas/person.schema.json"), "{}").unwrap();
    let run = run_in(dir.path(), &["init", "."]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    for kept in ["./README.md", "./schemas/person.schema.json"] {
        let line = format!("kept {kept} (it exists already)\n");
        assert!(run.stdout.contains(&line), "{}", run.stdout);
    }
    assert_eq!(read(dir.path(), "README.md"), "ours");
    assert_eq!(read(dir.path(), "schemas/person.schema.json"), "{}");
    assert!(
        run.stdout
            .contains("wrote ./schemas/relationship.schema.json\n")
    );
}

#[cfg(unix)]
#[test]
fn refuses_to_write_through_a_symbolic_link() {
    let dir = tempfile::tempdir().unwrap();
    let elsewhere = tempfile::tempdir().unwrap();
    std::os::unix::fs::symlink(elsewhere.path(), dir.path().join(".github")).unwrap();
    let run = run_in(dir.path(), &["init", "."]);
    assert_eq!(run.code, 2, "{}", run.stdout);
    assert_eq!(
        run.stderr,
        "error: ./.github is a symbolic link: init writes only into real folders, so replace it with a folder (or choose another DIR)\n"
    );
    assert_eq!(std::fs::read_dir(elsewhere.path()).unwrap().count(), 0);
    assert!(!dir.path().join("README.md").exists(), "nothing written");

    // DIR itself, too.
    std::os::unix::fs::symlink(elsewhere.path(), dir.path().join("linked")).unwrap();
    let run = run_in(dir.path(), &["init", "linked"]);
    assert_eq!(run.code, 2, "{}", run.stdout);
    assert!(run.stderr.starts_with("error: linked is a symbolic link"));
    assert_eq!(std::fs::read_dir(elsewhere.path()).unwrap().count(), 0);
}

#[test]
fn update_adds_what_is_missing_and_keeps_the_rest() {
    let dir = init();
    let repo = dir.path().join("program");
    std::fs::write(repo.join("README.md"), "our own README").unwrap();
    std::fs::remove_file(repo.join(".github/workflows/reminders.yml")).unwrap();
    std::fs::remove_file(repo.join(".github/scripts/reminders.sh")).unwrap();
    std::fs::remove_file(repo.join("records/people/README.md")).unwrap();
    let run = run_in(dir.path(), &["init", "--update", "program"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let added: Vec<&str> = run
        .stdout
        .lines()
        .filter_map(|l| l.strip_prefix("added "))
        .collect();
    assert_eq!(
        added,
        [
            "program/.github/workflows/reminders.yml",
            "program/.github/scripts/reminders.sh",
        ]
    );
    assert!(
        run.stdout
            .ends_with("\n2 files added; 13 kept as they were.\n")
    );
    assert!(
        run.stdout
            .contains("kept program/README.md (it exists already)\n")
    );
    assert_eq!(read(&repo, "README.md"), "our own README");
    assert!(repo.join(".github/scripts/reminders.sh").is_file());
    assert!(
        !repo.join("records/people/README.md").exists(),
        "records/ is the committee's: never touched"
    );
}

#[test]
fn update_refuses_a_folder_that_is_not_a_records_repository() {
    let dir = tempfile::tempdir().unwrap();
    let run = run_in(dir.path(), &["init", "--update", "."]);
    assert_eq!(run.code, 2);
    assert_eq!(
        run.stderr,
        "error: . is not a records repository (it has no records/program.toml): `mentorbook init --update` adds files to one made by `mentorbook init`\n"
    );
    assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 0);
}
