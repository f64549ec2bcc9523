//! `build --rev REV`: the dashboard of the records as they were at a commit, read from git
//! in memory — the same bytes as a build of a checkout of that commit, apart from the line
//! naming the commit — and the work tree untouched.

use crate::support::{Run, demo, run_in, run_with_env, tree};
use std::collections::BTreeMap;
use std::path::Path;
use std::process::Command;

fn git(dir: &Path, args: &[&str], env: &[(&str, &str)]) -> String {
    let output = Command::new("git")
        .args(args)
        .current_dir(dir)
        .env("GIT_CONFIG_GLOBAL", dir.join(".no-global-gitconfig"))
        .env("GIT_CONFIG_NOSYSTEM", "1")
        .env("GIT_AUTHOR_NAME", "Test Committee")
        .env("GIT_AUTHOR_EMAIL", "committee@example.org")
        .env("GIT_COMMITTER_NAME", "Test Committee")
        .env("GIT_COMMITTER_EMAIL", "committee@example.org")
        .envs(env.iter().copied())
        .output()
        .expect("git runs");
    assert!(
        output.status.success(),
        "git {args:?}: {}",
        String::from_utf8_lossy(&output.stderr)
    );
    String::from_utf8_lossy(&output.stdout).trim().to_owned()
}

/// The demo program committed on 2026-10-01 (`first`), then changed and committed again,
/// then changed once more without committing.
fn history() -> (tempfile::TempDir, String) {
    let dir = demo();
    fn at(day: &str) -> [(&'static str, &str); 2] {
        [("GIT_COMMITTER_DATE", day), ("GIT_AUTHOR_DATE", day)]
    }
    git(dir.path(), &["init", "-q", "-b", "main"], &[]);
    git(dir.path(), &["add", "-A"], &[]);
    git(
        dir.path(),
        &["commit", "-q", "-m", "first"],
        &at("2026-10-01T12:00:00Z"),
    );
    let first = git(dir.path(), &["rev-parse", "HEAD"], &[]);
    let meeting = dir
        .path()
        .join("records/relationships/r-2026-001/meetings/2026-11-28.md");
    std::fs::write(
        &meeting,
        "---\nmode: email\ntopics: [Next steps]\n---\nNotes.\n",
    )
    .expect("a meeting");
    git(dir.path(), &["add", "-A"], &[]);
    git(
        dir.path(),
        &["commit", "-q", "-m", "second"],
        &at("2026-11-29T12:00:00Z"),
    );
    std::fs::remove_file(dir.path().join("records/guidelines.md")).expect("an uncommitted change");
    (dir, first)
}

/// Every file of a site, without what names the commit it shows: the pages' footer line
/// and data.json's `revision`.
fn without_commit_line(files: BTreeMap<String, Vec<u8>>) -> BTreeMap<String, String> {
    files
        .into_iter()
        .map(|(path, bytes)| {
            let text = String::from_utf8_lossy(&bytes).into_owned();
            let text = match text.find(" · Shown as at commit") {
                Some(start) => {
                    let end = start + text[start..].find("</p>").unwrap_or(0);
                    format!("{}{}", &text[..start], &text[end..])
                }
                None => text,
            };
            let text = match text.find("\"revision\":{") {
                Some(start) => {
                    let end = start + text[start..].find('}').unwrap_or(0) + 1;
                    format!("{}\"revision\":null{}", &text[..start], &text[end..])
                }
                None => text,
            };
            (path, text)
        })
        .collect()
}

#[test]
fn a_revision_builds_what_a_checkout_of_it_builds() {
    let (dir, first) = history();
    let before = tree(&dir.path().join("records"));
    let run = run_in(
        dir.path(),
        &["build", "--rev", &first[..8], "--out", "at-rev"],
    );
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert_eq!(
        tree(&dir.path().join("records")),
        before,
        "the work tree changed"
    );
    let checkout = tempfile::tempdir().expect("a checkout");
    git(
        dir.path(),
        &[
            "worktree",
            "add",
            "-q",
            "--detach",
            &checkout.path().to_string_lossy(),
            &first,
        ],
        &[],
    );
    let run = run_in(checkout.path(), &["build", "--out", "site"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let at_rev = tree(&dir.path().join("at-rev"));
    let index = String::from_utf8_lossy(&at_rev["index.html"]).into_owned();
    assert!(
        index.contains(&format!(
            "Shown as at commit <code>{}</code> of 2026-10-01",
            &first[..12]
        )),
        "{index}"
    );
    assert!(index.contains("Records last changed 2026-10-01"), "{index}");
    let site = |files| without_commit_line(files);
    let (at_rev, checked_out) = (site(at_rev), site(tree(&checkout.path().join("site"))));
    assert_eq!(
        at_rev.keys().collect::<Vec<_>>(),
        checked_out.keys().collect::<Vec<_>>()
    );
    for (path, text) in &at_rev {
        assert_eq!(text, &checked_out[path], "{path} differs");
    }
}

#[test]
fn as_of_is_the_flag_else_the_revisions_as_of_else_the_commits_date() {
    let (dir, first) = history();
    let as_of = |run: &Run| {
        run.stdout
            .split(" as of ")
            .nth(1)
            .and_then(|rest| rest.split(';').next())
            .unwrap_or_default()
            .to_owned()
    };
    let build = |args: &[&str]| {
        let mut all = vec!["build", "--rev", first.as_str(), "--out"];
        all.extend_from_slice(args);
        run_in(dir.path(), &all)
    };
    // The demo's program.toml pins as_of.
    assert_eq!(as_of(&build(&["one"])), "2026-11-30");
    assert_eq!(
        as_of(&build(&["two", "--as-of", "2026-10-15"])),
        "2026-10-15"
    );
    // A revision whose program.toml has no as_of: the commit's own date.
    let toml = dir.path().join("records/program.toml");
    let text = std::fs::read_to_string(&toml).expect("program.toml");
    let unpinned: String = text
        .lines()
        .filter(|l| !l.starts_with("as_of"))
        .map(|l| format!("{l}\n"))
        .collect();
    std::fs::write(&toml, unpinned).expect("written");
    git(
        dir.path(),
        &["commit", "-q", "-am", "unpin"],
        &[("GIT_COMMITTER_DATE", "2026-12-24T08:00:00Z")],
    );
    let run = run_with_env(
        dir.path(),
        &["build", "--rev", "HEAD", "--out", "three"],
        &[],
    );
    assert_eq!(as_of(&run), "2026-12-24", "{}", run.stdout);
}

#[test]
fn a_revision_that_does_not_exist_or_has_no_records_exits_2() {
    let (dir, _) = history();
    let run = run_in(dir.path(), &["build", "--rev", "no-such-branch"]);
    assert_eq!(run.code, 2);
    assert!(
        run.stderr
            .contains("`no-such-branch` (--rev) is not a revision"),
        "{}",
        run.stderr
    );
    let empty = git(
        dir.path(),
        &[
            "commit-tree",
            "4b825dc642cb6eb9a060e54bf8d69288fbee4904",
            "-m",
            "empty",
        ],
        &[],
    );
    let run = run_in(dir.path(), &["build", "--rev", &empty]);
    assert_eq!(run.code, 2);
    assert!(
        run.stderr.contains("there are no records at"),
        "{}",
        run.stderr
    );
}
