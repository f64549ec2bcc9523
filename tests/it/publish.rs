//! Publishing to a separate public repository (`action/publish.sh`, the `--publish
//! repository` mode): each run force-pushes one orphan commit, so the public branch holds
//! exactly the latest dashboard and no history; an unset repository only warns.

use crate::support::{Run, bash};
use std::path::Path;
use std::process::Command;

fn git(dir: &Path, args: &[&str]) -> String {
    let output = Command::new("git")
        .args(args)
        .current_dir(dir)
        .env_remove("GIT_DIR")
        .output()
        .unwrap();
    assert!(
        output.status.success(),
        "git {args:?}: {}",
        String::from_utf8_lossy(&output.stderr)
    );
    String::from_utf8_lossy(&output.stdout).into_owned()
}

fn publish(dir: &Path, repository: &str, key: &str) -> Run {
    let remote = dir.join("public.git");
    bash(
        &["action/publish.sh"],
        dir,
        &[
            ("FOLDER", "site"),
            ("PUBLIC_REPOSITORY", repository),
            ("DEPLOY_KEY", key),
            ("MENTORBOOK_PUBLISH_REMOTE", &remote.to_string_lossy()),
        ],
        &[],
    )
}

fn site(dir: &Path, files: &[(&str, &str)]) {
    let site = dir.join("site");
    let _ = std::fs::remove_dir_all(&site);
    std::fs::create_dir_all(&site).unwrap();
    std::fs::write(site.join(".mentorbook-site"), "").unwrap();
    for (name, text) in files {
        std::fs::write(site.join(name), text).unwrap();
    }
}

#[test]
fn each_run_replaces_the_branch_with_one_commit() {
    let dir = tempfile::tempdir().unwrap();
    let remote = dir.path().join("public.git");
    git(
        dir.path(),
        &["init", "--quiet", "--bare", &remote.to_string_lossy()],
    );
    site(
        dir.path(),
        &[("index.html", "first"), ("mentor.html", "Dana")],
    );
    let run = publish(dir.path(), "org/dashboard", "a key");
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert_eq!(
        run.stdout,
        "Published the dashboard to org/dashboard (gh-pages): one commit, no history.\n"
    );
    // Dana withdrew her consent: her page is gone from the public repository, history too.
    site(dir.path(), &[("index.html", "second")]);
    let run = publish(dir.path(), "org/dashboard", "a key");
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert_eq!(git(&remote, &["rev-list", "--count", "gh-pages"]), "1\n");
    assert_eq!(
        git(&remote, &["ls-tree", "-r", "--name-only", "gh-pages"]),
        ".nojekyll\nindex.html\n"
    );
    assert_eq!(git(&remote, &["show", "gh-pages:index.html"]), "second");
    let everything = git(&remote, &["rev-list", "--all"]);
    assert_eq!(everything.lines().count(), 1, "{everything}");
}

#[test]
fn an_unset_repository_only_warns_and_a_missing_key_fails() {
    let dir = tempfile::tempdir().unwrap();
    site(dir.path(), &[("index.html", "x")]);
    let run = publish(dir.path(), "", "");
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(
        run.stdout.starts_with(
            "::warning::The dashboard was built but not published: set the repository variable MENTORBOOK_PUBLIC_REPOSITORY"
        ),
        "{}",
        run.stdout
    );
    let run = publish(dir.path(), "org/dashboard", "");
    assert_eq!(run.code, 1);
    assert!(
        run.stderr
            .starts_with("::error::the secret MENTORBOOK_DEPLOY_KEY is empty"),
        "{}",
        run.stderr
    );
    let run = publish(dir.path(), "not a repository", "a key");
    assert_eq!(run.code, 1);
    assert!(
        run.stderr
            .contains("should name a repository as OWNER/NAME")
    );
    assert!(!dir.path().join("public.git").exists(), "nothing pushed");
}
