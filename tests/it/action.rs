//! The mentorbook GitHub Action's install script (`action/install.sh`) against a fake
//! release on disk, made by the release workflow's own script: the right sum installs a
//! binary that runs, a wrong sum refuses and installs nothing, and a missing asset falls
//! back to `cargo install --locked` (a fake `cargo` that records its arguments). And what
//! the action runs then (`action/run.sh`): check against the base commit, or build.

use crate::support::{Run, bash, fake_program};
use std::path::{Path, PathBuf};

const TARGET: &str = "x86_64-unknown-linux-gnu";
const VERSION: &str = env!("CARGO_PKG_VERSION");

/// A fake `cargo` that records its arguments and "installs" a binary that says its version.
const FAKE_CARGO: &str = r#"#!/bin/sh
printf '%s\n' "$*" >>"$(dirname "$0")/cargo.log"
while [ $# -gt 0 ]; do [ "$1" = --root ] && root="$2"; shift; done
mkdir -p "$root/bin"
printf '#!/bin/sh\necho "mentorbook %s"\n' "$FAKE_VERSION" >"$root/bin/mentorbook"
chmod 755 "$root/bin/mentorbook"
"#;

struct Release {
    dir: tempfile::TempDir,
}

/// This test build's binary, stripped (a sixth of the size: quicker to pack), packed as the
/// release archive for `target` by `.github/scripts/release.sh`, once per test run.
fn archive(target: &'static str) -> PathBuf {
    static ARCHIVES: std::sync::Mutex<Vec<(&str, PathBuf)>> = std::sync::Mutex::new(Vec::new());
    let mut archives = ARCHIVES.lock().unwrap_or_else(|e| e.into_inner());
    if let Some((_, path)) = archives.iter().find(|(t, _)| *t == target) {
        return path.clone();
    }
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR")).join(format!("fake-release-{target}"));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    let binary = dir.join("mentorbook");
    let strip = std::process::Command::new("strip")
        .arg("-o")
        .arg(&binary)
        .arg(env!("CARGO_BIN_EXE_mentorbook"))
        .status()
        .unwrap();
    assert!(strip.success());
    let args = [
        "archive",
        target,
        &dir.to_string_lossy(),
        &binary.to_string_lossy(),
    ];
    let run = release_script(&args);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let path = PathBuf::from(run.stdout.trim_end());
    archives.push((target, path.clone()));
    path
}

impl Release {
    /// `releases/vVERSION/` holding the archive and its SHA256SUMS (written by the release
    /// script too), and a fake `cargo`.
    fn new(target: &'static str) -> Release {
        let dir = tempfile::tempdir().unwrap();
        let assets = dir.path().join(format!("releases/v{VERSION}"));
        std::fs::create_dir_all(&assets).unwrap();
        let archive = archive(target);
        std::fs::copy(&archive, assets.join(archive.file_name().unwrap())).unwrap();
        let run = release_script(&["sums", &assets.to_string_lossy()]);
        assert_eq!(run.code, 0, "{}", run.stderr);
        std::fs::create_dir_all(dir.path().join("fakes")).unwrap();
        fake_program(&dir.path().join("fakes"), "cargo", FAKE_CARGO);
        Release { dir }
    }

    fn sums(&self) -> PathBuf {
        self.dir
            .path()
            .join(format!("releases/v{VERSION}/SHA256SUMS"))
    }

    fn installed(&self, exe: &str) -> PathBuf {
        self.dir.path().join("install/bin").join(exe)
    }

    fn cargo_calls(&self) -> String {
        std::fs::read_to_string(self.dir.path().join("fakes/cargo.log")).unwrap_or_default()
    }

    fn install(&self, target: &str) -> Run {
        let releases = format!("file://{}/releases", self.dir.path().display());
        let install = self.dir.path().join("install");
        bash(
            &["action/install.sh"],
            self.dir.path(),
            &[
                ("MENTORBOOK_RELEASES", &releases),
                ("MENTORBOOK_INSTALL_DIR", &install.to_string_lossy()),
                ("MENTORBOOK_TARGET", target),
                ("FAKE_VERSION", VERSION),
            ],
            &[&self.dir.path().join("fakes")],
        )
    }
}

fn release_script(args: &[&str]) -> Run {
    let script = Path::new(env!("CARGO_MANIFEST_DIR")).join(".github/scripts/release.sh");
    let output = std::process::Command::new("bash")
        .arg(script)
        .args(args)
        .output();
    Run::from(output.unwrap())
}

#[test]
fn the_right_sum_installs_a_binary_that_runs() {
    let release = Release::new(TARGET);
    let sums = std::fs::read_to_string(release.sums()).unwrap();
    assert!(
        sums.ends_with(&format!("  mentorbook-v{VERSION}-{TARGET}.tar.gz\n")),
        "{sums}"
    );
    let run = release.install(TARGET);
    assert_eq!(run.code, 0, "{}{}", run.stdout, run.stderr);
    let version = std::process::Command::new(release.installed("mentorbook"))
        .arg("--version")
        .output()
        .unwrap();
    assert_eq!(
        String::from_utf8_lossy(&version.stdout),
        format!("mentorbook {VERSION}\n")
    );
    assert_eq!(release.cargo_calls(), "", "no build from source");
}

#[test]
fn a_wrong_sum_refuses_and_installs_nothing() {
    let release = Release::new(TARGET);
    let sums = std::fs::read_to_string(release.sums()).unwrap();
    let wrong = format!("{}{}", "0".repeat(64), &sums[64..]);
    std::fs::write(release.sums(), wrong).unwrap();
    let run = release.install(TARGET);
    assert_eq!(run.code, 1, "{}", run.stdout);
    let archive = format!("mentorbook-v{VERSION}-{TARGET}.tar.gz");
    let expected = format!(
        "::error::the SHA-256 sum of {archive} is {}, but the release's SHA256SUMS says {}: not installed",
        &sums[..64],
        "0".repeat(64)
    );
    assert!(run.stderr.starts_with(&expected), "{}", run.stderr);
    assert!(
        !release.dir.path().join("install").exists(),
        "nothing installed"
    );
    assert_eq!(release.cargo_calls(), "", "no fallback around a bad sum");
}

#[test]
fn a_missing_asset_falls_back_to_cargo_install() {
    let release = Release::new(TARGET);
    let run = release.install("riscv64gc-unknown-linux-gnu");
    assert_eq!(run.code, 0, "{}{}", run.stdout, run.stderr);
    assert!(
        run.stdout
            .starts_with("No release binary of mentorbook 0.1.0 for riscv64gc-unknown-linux-gnu"),
        "{}",
        run.stdout
    );
    let root = release.dir.path().join("install");
    assert_eq!(
        release.cargo_calls(),
        format!(
            "install mentorbook --version {VERSION} --locked --root {}\n",
            root.display()
        )
    );
    assert!(release.installed("mentorbook").is_file());
}

#[test]
fn the_version_defaults_to_the_one_in_cargo_toml() {
    let output = std::process::Command::new("bash")
        .arg(Path::new(env!("CARGO_MANIFEST_DIR")).join("action/install.sh"))
        .arg("--version")
        .env_remove("MENTORBOOK_VERSION")
        .output()
        .unwrap();
    assert_eq!(
        String::from_utf8_lossy(&output.stdout),
        format!("version={VERSION}\n")
    );
}

#[test]
fn the_windows_archive_is_a_zip_that_installs_mentorbook_exe() {
    // The same steps as on Windows, with this machine's binary named mentorbook.exe.
    let windows = "x86_64-pc-windows-msvc";
    let release = Release::new(windows);
    let run = release.install(windows);
    assert_eq!(run.code, 0, "{}{}", run.stdout, run.stderr);
    assert!(release.installed("mentorbook.exe").is_file());
    let sums = std::fs::read_to_string(release.sums()).unwrap();
    assert!(sums.ends_with(&format!("  mentorbook-v{VERSION}-{windows}.zip\n")));
}

/// `git ARGS` in `dir`, as a committee member.
fn git(dir: &Path, args: &[&str]) -> String {
    let output = std::process::Command::new("git")
        .args(args)
        .current_dir(dir)
        .env("GIT_AUTHOR_NAME", "Committee")
        .env("GIT_AUTHOR_EMAIL", "committee@example.org")
        .env("GIT_COMMITTER_NAME", "Committee")
        .env("GIT_COMMITTER_EMAIL", "committee@example.org")
        .env_remove("GIT_DIR")
        .output()
        .unwrap();
    assert!(output.status.success(), "git {args:?}");
    String::from_utf8_lossy(&output.stdout)
        .trim_end()
        .to_owned()
}

#[test]
fn the_action_checks_against_the_base_commit_and_builds_with_a_summary() {
    let dir = crate::support::demo();
    git(dir.path(), &["init", "-q"]);
    git(dir.path(), &["add", "-A"]);
    git(dir.path(), &["commit", "-qm", "demo"]);
    let base = git(dir.path(), &["rev-parse", "HEAD"]);
    let person = "name: Pat\nroles: [representative]\nmood: fine\n";
    std::fs::write(dir.path().join("records/people/pat.yaml"), person).unwrap();
    let summary = dir.path().join("summary.md");
    let summary_text = summary.to_string_lossy().into_owned();
    let env = [
        ("BASE", base.as_str()),
        ("GITHUB_STEP_SUMMARY", &summary_text),
    ];

    let check = bash(&["action/run.sh", "check"], dir.path(), &env, &[]);
    assert_eq!(check.code, 1, "a new error fails: {}", check.stderr);
    assert!(
        check
            .stdout
            .starts_with("::error file=records/people/pat.yaml,line=3,col=1,title=schema::"),
        "{}",
        check.stdout
    );
    let written = std::fs::read_to_string(&summary).unwrap();
    assert!(
        written.starts_with("### mentorbook check: 1 new error · 0 fixed · 0 existing\n"),
        "{written}"
    );

    let env = [
        ("GITHUB_STEP_SUMMARY", summary_text.as_str()),
        ("OUT", "public"),
    ];
    let build = bash(&["action/run.sh", "build"], dir.path(), &env, &[]);
    assert_eq!(
        build.code, 0,
        "problems never stop the build: {}",
        build.stderr
    );
    assert!(dir.path().join("public/index.html").is_file());
    let written = std::fs::read_to_string(&summary).unwrap();
    assert_eq!(
        written.matches("### mentorbook check").count(),
        2,
        "{written}"
    );
}

#[test]
fn a_release_needs_the_tag_of_the_version_and_the_real_address() {
    let script = Path::new(env!("CARGO_MANIFEST_DIR")).join(".github/scripts/release.sh");
    let check = |tag: &str, repository: &str| {
        let output = std::process::Command::new("bash")
            .arg(&script)
            .args(["check-tag", tag])
            .env("GITHUB_REPOSITORY", repository)
            .output();
        Run::from(output.unwrap())
    };
    let wrong = check("v0.0.0-wrong", "someone/mentorbook");
    assert_eq!(wrong.code, 1);
    let expected =
        format!("::error::the tag v0.0.0-wrong is not v{VERSION}, the version in Cargo.toml\n");
    assert_eq!(wrong.stderr, expected);
    let address = env!("CARGO_PKG_REPOSITORY");
    let elsewhere = check(&format!("v{VERSION}"), "someone-else/mentorbook");
    assert_eq!(elsewhere.code, 1);
    let why = if address.contains("placeholder") {
        "is still the placeholder"
    } else {
        "but this release is made in https://github.com/someone-else/mentorbook"
    };
    assert!(elsewhere.stderr.contains(why), "{}", elsewhere.stderr);
}
