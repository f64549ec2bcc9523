//! What `build` does to an existing `--out`: it removes only files an earlier build wrote (the
//! marker's list, or for a site from an earlier version only mentorbook's kinds in its own
//! folders), keeps a deploy clone's `.git`, `CNAME`, `.nojekyll` and hand-added folders byte
//! for byte, refuses links inside `--out`, and, stopped by a signal at a pause point, leaves
//! no staging folder and no temporary file.

use crate::support::{Run, demo, run_in, tree};
use std::collections::BTreeMap;
use std::path::Path;

const MARKER: &str = ".mentorbook-site";

fn build(dir: &Path) -> Run {
    let run = run_in(dir, &["build", "--out", "site"]);
    assert!(run.code == 0 || run.code == 2, "{run:?}");
    run
}

/// Removes relationship `id` from the records, so that its page goes stale.
fn drop_relationship(dir: &Path, id: &str) {
    std::fs::remove_dir_all(dir.join("records/relationships").join(id)).unwrap();
}

fn write(path: &Path, text: &str) {
    std::fs::create_dir_all(path.parent().unwrap()).unwrap();
    std::fs::write(path, text).unwrap();
}

/// The files of `tree` whose path starts with none of `prefixes`.
fn without(mut tree: BTreeMap<String, Vec<u8>>, prefixes: &[&str]) -> BTreeMap<String, Vec<u8>> {
    tree.retain(|path, _| !prefixes.iter().any(|p| path.starts_with(p)));
    tree
}

fn git(site: &Path, args: &[&str]) -> std::process::Output {
    std::process::Command::new("git")
        .args([
            "-c",
            "user.name=Deploy",
            "-c",
            "user.email=deploy@example.org",
        ])
        .args(args)
        .current_dir(site)
        .output()
        .expect("git runs")
}

#[test]
fn a_deploy_clone_survives_a_rebuild_byte_for_byte() {
    let dir = demo();
    let site = dir.path().join("site");
    assert_eq!(build(dir.path()).code, 0);
    assert!(
        git(&site, &["init", "-q", "-b", "gh-pages"])
            .status
            .success()
    );
    write(&site.join("CNAME"), "mentoring.example.org\n");
    write(&site.join(".nojekyll"), "");
    write(
        &site.join("notes/README.md"),
        "Deployed by the committee.\n",
    );
    std::fs::create_dir_all(site.join("drafts")).unwrap();
    assert!(git(&site, &["add", "-A"]).status.success());
    assert!(
        git(&site, &["commit", "-q", "-m", "deploy"])
            .status
            .success()
    );
    let own = |site: &Path| {
        let listed = std::fs::read_to_string(site.join(MARKER)).unwrap();
        let mut files = tree(site);
        for path in listed.lines().skip(2).chain([MARKER]) {
            files.remove(path);
        }
        files
    };
    let before = own(&site);
    assert!(before.keys().any(|p| p.starts_with(".git/objects/")));

    drop_relationship(dir.path(), "r-2026-006");
    let run = build(dir.path());
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(run.stdout.contains(" 1 removed"), "{}", run.stdout);
    assert_eq!(own(&site), before, "the clone's own files changed");
    assert!(
        site.join("drafts").is_dir(),
        "an empty folder added by hand"
    );
    let log = git(&site, &["log", "--format=%s"]);
    assert_eq!(String::from_utf8_lossy(&log.stdout), "deploy\n", "{log:?}");
}

#[test]
fn only_files_an_earlier_build_wrote_are_removed() {
    let dir = demo();
    let site = dir.path().join("site");
    assert_eq!(build(dir.path()).code, 0);
    let listed = std::fs::read_to_string(site.join(MARKER)).unwrap();
    let mut lines = listed.lines();
    assert!(
        lines
            .next()
            .unwrap()
            .contains("written by `mentorbook build`")
    );
    let _introduction = lines.next();
    let built = without(tree(&site), &[MARKER]);
    assert_eq!(lines.collect::<Vec<_>>(), built.keys().collect::<Vec<_>>());

    write(&site.join("mentors/extra.html"), "<p>ours</p>");
    write(&site.join("relationships/r-2026-006/notes.txt"), "kept");
    drop_relationship(dir.path(), "r-2026-005");
    drop_relationship(dir.path(), "r-2026-006");
    let run = build(dir.path());
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(run.stdout.contains(" 2 removed"), "{}", run.stdout);
    assert!(
        !site.join("relationships/r-2026-005").exists(),
        "emptied, so gone"
    );
    assert!(!site.join("relationships/r-2026-006/index.html").exists());
    let read = |rel: &str| std::fs::read_to_string(site.join(rel)).unwrap();
    assert_eq!(read("relationships/r-2026-006/notes.txt"), "kept");
    assert_eq!(read("mentors/extra.html"), "<p>ours</p>");
}

#[test]
fn a_site_from_an_earlier_version_loses_only_stale_files_of_mentorbook_kinds() {
    let dir = demo();
    let site = dir.path().join("site");
    assert_eq!(build(dir.path()).code, 0);
    // The marker of a version that kept no list: its explanatory line alone.
    let marker = std::fs::read_to_string(site.join(MARKER)).unwrap();
    write(
        &site.join(MARKER),
        &format!("{}\n", marker.lines().next().unwrap()),
    );
    let stale = [
        "old.html",
        "relationships/r-1999-001/index.html",
        "rules/old.csv",
    ];
    let kept = [
        "blog/index.html",
        "mentors/photo.png",
        ".well-known/security.json",
        "relationships/.notes.html",
        "CNAME",
    ];
    for path in stale.iter().chain(&kept) {
        write(&site.join(path), "by hand");
    }
    let run = build(dir.path());
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(run.stdout.contains(" 3 removed"), "{}", run.stdout);
    for path in stale {
        assert!(!site.join(path).exists(), "{path}");
    }
    for path in kept {
        assert_eq!(std::fs::read_to_string(site.join(path)).unwrap(), "by hand");
    }
    let listed = std::fs::read_to_string(site.join(MARKER)).unwrap();
    assert!(listed.lines().any(|l| l == "index.html"), "{listed}");
}

#[test]
fn a_file_put_where_the_build_now_writes_is_not_replaced() {
    let dir = demo();
    let site = dir.path().join("site");
    let records = dir.path().join("records/relationships/r-2026-006");
    let aside = dir.path().join("r-2026-006");
    std::fs::rename(&records, &aside).unwrap();
    assert_eq!(build(dir.path()).code, 0);
    let page = site.join("relationships/r-2026-006/index.html");
    write(&page, "written by hand");
    std::fs::rename(&aside, &records).unwrap();
    let before = tree(&site);
    let run = build(dir.path());
    assert_eq!(run.code, 2, "{}", run.stdout);
    assert!(
        run.stderr
            .contains("r-2026-006/index.html was not written by mentorbook"),
        "{}",
        run.stderr
    );
    assert_eq!(tree(&site), before);
}

#[cfg(unix)]
mod unix {
    use super::*;
    use std::io::{BufRead, BufReader};
    use std::os::unix::fs::symlink;
    use std::os::unix::process::ExitStatusExt;
    use std::process::{Command, Stdio};
    use std::sync::mpsc;
    use std::time::{Duration, Instant};

    #[test]
    fn a_link_inside_out_is_refused_and_nothing_is_written_through_it() {
        let dir = demo();
        let site = dir.path().join("site");
        assert_eq!(build(dir.path()).code, 0);
        let elsewhere = dir.path().join("elsewhere");
        std::fs::rename(site.join("relationships"), &elsewhere).unwrap();
        symlink(&elsewhere, site.join("relationships")).unwrap();
        write(&dir.path().join("outside.css"), "body{}");
        std::fs::remove_file(site.join("style.css")).unwrap();
        symlink(dir.path().join("outside.css"), site.join("style.css")).unwrap();
        let (site_before, elsewhere_before) = (tree(&site), tree(&elsewhere));
        drop_relationship(dir.path(), "r-2026-006");

        let run = build(dir.path());
        assert_eq!(run.code, 2, "{}", run.stdout);
        let sentence = run.stderr.trim();
        assert_eq!(sentence.lines().count(), 1, "{sentence}");
        assert!(
            sentence.contains("symbolic link") && sentence.contains("site/"),
            "{sentence}"
        );
        assert_eq!(tree(&site), site_before);
        assert_eq!(tree(&elsewhere), elsewhere_before);
        assert_eq!(
            std::fs::read_to_string(dir.path().join("outside.css")).unwrap(),
            "body{}"
        );

        std::fs::remove_file(site.join("relationships")).unwrap();
        let run = build(dir.path());
        assert!(
            run.code == 2 && run.stderr.contains("style.css is a symbolic link"),
            "{run:?}"
        );
        assert_eq!(
            std::fs::read_to_string(dir.path().join("outside.css")).unwrap(),
            "body{}"
        );

        symlink(&elsewhere, dir.path().join("linked")).unwrap();
        let run = run_in(dir.path(), &["build", "--out", "linked"]);
        assert!(
            run.code == 2 && run.stderr.contains("linked is a symbolic link"),
            "{run:?}"
        );
        assert_eq!(tree(&elsewhere), elsewhere_before);
    }

    /// `build --out OUT` stopped by `signal` once it says it is paused at `point`.
    fn interrupted(dir: &Path, out: &str, point: &str, signal: &str) -> std::process::ExitStatus {
        let mut child = Command::new(env!("CARGO_BIN_EXE_mentorbook"))
            .args(["build", "--out", out])
            .current_dir(dir)
            .env("MENTORBOOK_TEST_PAUSE", point)
            .stdin(Stdio::null())
            .stdout(Stdio::null())
            .stderr(Stdio::piped())
            .spawn()
            .expect("the mentorbook binary runs");
        let stderr = child.stderr.take().unwrap();
        let (lines, paused) = mpsc::channel();
        std::thread::spawn(move || {
            for line in BufReader::new(stderr).lines().map_while(Result::ok) {
                let _ = lines.send(line);
            }
        });
        let wanted = format!("paused at {point}");
        let deadline = Instant::now() + Duration::from_secs(30);
        loop {
            let left = deadline.saturating_duration_since(Instant::now());
            match paused.recv_timeout(left) {
                Ok(line) if line.contains(&wanted) => break,
                Ok(_) => {}
                Err(_) => {
                    let _ = child.kill();
                    panic!("the build never paused at {point}: {:?}", child.wait());
                }
            }
        }
        let sent = Command::new("kill")
            .args([&format!("-{signal}"), &child.id().to_string()])
            .status()
            .unwrap();
        assert!(sent.success());
        let deadline = Instant::now() + Duration::from_secs(10);
        loop {
            if let Some(status) = child.try_wait().unwrap() {
                return status;
            }
            if Instant::now() > deadline {
                let _ = child.kill();
                panic!("the build did not stop after SIG{signal}");
            }
            std::thread::sleep(Duration::from_millis(20));
        }
    }

    /// Every name in `dir`, recursively, that a build writes only for a while.
    fn temporary_names(dir: &Path) -> Vec<String> {
        walkdir::WalkDir::new(dir)
            .into_iter()
            .flatten()
            .map(|e| e.file_name().to_string_lossy().into_owned())
            .filter(|name| {
                name != MARKER && (name.contains(".mentorbook-") || name.ends_with(".tmp"))
            })
            .collect()
    }

    #[test]
    fn a_signal_while_a_new_site_is_staged_leaves_nothing() {
        let dir = demo();
        for (signal, number) in [("TERM", 15), ("INT", 2)] {
            let status = interrupted(dir.path(), "fresh", "staged", signal);
            assert_eq!(status.signal(), Some(number), "{status:?}");
            assert!(!dir.path().join("fresh").exists());
            assert_eq!(temporary_names(dir.path()), Vec::<String>::new());
        }
    }

    #[test]
    fn a_signal_during_an_update_leaves_every_file_old_or_new() {
        let dir = demo();
        let site = dir.path().join("site");
        assert_eq!(build(dir.path()).code, 0);
        let old = tree(&site);
        let person = dir.path().join("records/people/dana-whitfield.yaml");
        let text = std::fs::read_to_string(&person).unwrap();
        std::fs::write(&person, text.replace("Dana Whitfield", "Dana Wakefield")).unwrap();
        drop_relationship(dir.path(), "r-2026-006");
        let run = run_in(dir.path(), &["build", "--out", "expected"]);
        assert_eq!(run.code, 0, "{}", run.stderr);
        let new = tree(&dir.path().join("expected"));

        let status = interrupted(dir.path(), "site", "updating", "INT");
        assert_eq!(status.signal(), Some(2), "{status:?}");
        assert_eq!(temporary_names(dir.path()), Vec::<String>::new());
        let now = without(tree(&site), &[MARKER]);
        let (mut changed, mut kept) = (0, 0);
        for (path, bytes) in &now {
            if new.get(path) == Some(bytes) && old.get(path) != Some(bytes) {
                changed += 1;
            } else if old.get(path) == Some(bytes) {
                kept += 1;
            } else {
                panic!("{path} is neither the old file nor the new one");
            }
        }
        assert!(changed >= 1 && kept >= 1, "{changed} new, {kept} old");

        assert_eq!(build(dir.path()).code, 0);
        assert_eq!(without(tree(&site), &[MARKER]), without(new, &[MARKER]));
    }
}
