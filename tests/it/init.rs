//! `mentorbook init DIR`: a new program that `check` accepts and `build` renders, the GitHub
//! set-up, a pre-commit hook that checks what is staged, and no harm to existing work.

use crate::support::run_in;
use serde_json::Value;
use std::path::Path;
use std::process::Command;

fn init() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    let run = run_in(dir.path(), &["init", "program"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(run.stdout.contains("wrote program/records/program.toml\n"));
    dir
}

fn read(dir: &Path, rel: &str) -> String {
    std::fs::read_to_string(dir.join(rel)).unwrap_or_else(|e| panic!("{rel}: {e}"))
}

#[test]
fn a_new_program_checks_clean_and_builds() {
    let dir = init();
    let program = dir.path().join("program");
    let check = run_in(&program, &["check"]);
    assert_eq!(check.code, 0, "{}{}", check.stdout, check.stderr);
    assert!(
        check.stdout.starts_with("no problems in "),
        "{}",
        check.stdout
    );
    let build = run_in(&program, &["build"]);
    assert_eq!(build.code, 0, "{}", build.stderr);
    assert!(program.join("site/index.html").is_file());
    for rel in [
        "README.md",
        ".gitignore",
        "records/guidelines.md",
        "records/people/README.md",
        "records/relationships/README.md",
        ".github/CODEOWNERS",
        ".github/pull_request_template.md",
        "schemas/person.schema.json",
        "schemas/evaluation.schema.json",
    ] {
        assert!(program.join(rel).is_file(), "{rel}");
    }
    // The records `new` writes find their schema where init put it.
    let new = run_in(
        &program,
        &[
            "new",
            "person",
            "pat",
            "--name",
            "Pat",
            "--role",
            "representative",
        ],
    );
    assert_eq!(new.code, 0, "{}", new.stderr);
    let person = read(&program, "records/people/pat.yaml");
    let schema = person.lines().next().unwrap().split('=').nth(1).unwrap();
    assert!(
        program.join("records/people").join(schema).is_file(),
        "{schema}"
    );
}

#[test]
fn the_workflow_checks_pull_requests_and_publishes_main() {
    let dir = init();
    let text = read(&dir.path().join("program"), ".github/workflows/records.yml");
    let workflow: Value = serde_saphyr::from_str(&text).unwrap();
    assert!(
        workflow["on"]["pull_request"].is_null() && workflow["on"].get("pull_request").is_some()
    );
    assert_eq!(workflow["on"]["push"]["branches"][0], "main");
    // Pull requests are checked against their base branch, so only what they break fails.
    let job = &workflow["jobs"]["check"];
    assert_eq!(job["if"], "${{ github.event_name == 'pull_request' }}");
    assert_eq!(job["env"]["BASE"], "origin/${{ github.base_ref }}");
    let check = job["steps"].as_array().unwrap();
    assert_eq!(check[0]["with"]["fetch-depth"], 0);
    let runs: Vec<&str> = check.iter().filter_map(|s| s["run"].as_str()).collect();
    assert_eq!(
        runs,
        [
            "mentorbook check --base \"$BASE\" --format github",
            "mentorbook check --base \"$BASE\" --format markdown >> \"$GITHUB_STEP_SUMMARY\" || true"
        ]
    );
    let publish = &workflow["jobs"]["publish"];
    assert_eq!(publish["permissions"]["pages"], "write");
    let uses: Vec<&str> = publish["steps"]
        .as_array()
        .unwrap()
        .iter()
        .filter_map(|s| s["uses"].as_str())
        .collect();
    assert!(
        uses.contains(&"actions/upload-pages-artifact@v3"),
        "{uses:?}"
    );
    assert!(uses.contains(&"actions/deploy-pages@v4"), "{uses:?}");
    // On main, time passing (an overdue relationship) never turns the run red.
    let runs: Vec<&str> = publish["steps"]
        .as_array()
        .unwrap()
        .iter()
        .filter_map(|s| s["run"].as_str())
        .collect();
    assert_eq!(
        runs,
        [
            "mentorbook check --format markdown >> \"$GITHUB_STEP_SUMMARY\" || true",
            "mentorbook build --out site"
        ]
    );
    assert!(text.contains(&format!(
        "MENTORBOOK_VERSION: \"{}\"",
        env!("CARGO_PKG_VERSION")
    )));
}

#[test]
fn refuses_a_folder_that_holds_records_and_keeps_existing_files() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::create_dir_all(dir.path().join("records/people")).unwrap();
    let run = run_in(dir.path(), &["init", "."]);
    assert_eq!(run.code, 2);
    assert_eq!(
        run.stderr,
        "error: . already holds records: init starts a new program, so choose an empty folder\n"
    );
    assert!(!dir.path().join("README.md").exists(), "nothing written");

    let other = tempfile::tempdir().unwrap();
    std::fs::write(other.path().join("README.md"), "ours").unwrap();
    let run = run_in(other.path(), &["init", "."]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(
        run.stdout.contains("kept ./README.md (it exists already)"),
        "{}",
        run.stdout
    );
    assert_eq!(read(other.path(), "README.md"), "ours");
}

fn git(dir: &Path, args: &[&str]) -> std::process::Output {
    let bin = Path::new(env!("CARGO_BIN_EXE_mentorbook"))
        .parent()
        .unwrap();
    let path = format!(
        "{}:{}",
        bin.display(),
        std::env::var("PATH").unwrap_or_default()
    );
    Command::new("git")
        .args(args)
        .current_dir(dir)
        .env("PATH", path)
        .env("GIT_AUTHOR_NAME", "Committee")
        .env("GIT_AUTHOR_EMAIL", "committee@example.org")
        .env("GIT_COMMITTER_NAME", "Committee")
        .env("GIT_COMMITTER_EMAIL", "committee@example.org")
        .env_remove("GIT_DIR")
        .env_remove("GIT_INDEX_FILE")
        .output()
        .expect("git runs")
}

#[cfg(unix)]
#[test]
fn the_hook_checks_what_is_staged() {
    let dir = init();
    let repo = dir.path().join("program");
    let hook = std::fs::metadata(repo.join("hooks/pre-commit")).unwrap();
    assert_ne!(
        std::os::unix::fs::PermissionsExt::mode(&hook.permissions()) & 0o111,
        0
    );
    for args in [
        &["init", "-q"][..],
        &["config", "core.hooksPath", "hooks"],
        &["add", "-A"],
        &["commit", "-q", "-m", "start"],
    ] {
        let out = git(&repo, args);
        assert!(
            out.status.success(),
            "{args:?}: {}",
            String::from_utf8_lossy(&out.stderr)
        );
    }
    let person = repo.join("records/people/pat.yaml");
    std::fs::write(&person, "name: Pat\nroles: [representative]\nmood: fine\n").unwrap();
    git(&repo, &["add", "records"]);
    let stopped = git(&repo, &["commit", "-q", "-m", "pat"]);
    assert!(!stopped.status.success());
    let stderr = String::from_utf8_lossy(&stopped.stderr);
    assert!(
        stderr.contains("pre-commit: the commit was stopped"),
        "{stderr}"
    );
    // Fixed in the work tree but not staged: still stopped, since the staged file is checked.
    std::fs::write(&person, "name: Pat\nroles: [representative]\n").unwrap();
    assert!(!git(&repo, &["commit", "-q", "-m", "pat"]).status.success());
    git(&repo, &["add", "records"]);
    let done = git(&repo, &["commit", "-q", "-m", "pat"]);
    assert!(
        done.status.success(),
        "{}",
        String::from_utf8_lossy(&done.stderr)
    );
}
