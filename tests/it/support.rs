//! Running the real binary against fixture folders or records written on the fly.

use serde_json::Value;
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::process::Command;

pub const PROGRAM_TOML: &str = "[program]\nname = \"Test program\"\nassociation = \"Missouri Library Association\"\nas_of = \"2026-11-30\"\n";

/// What a run of `mentorbook` did.
#[derive(Debug)]
pub struct Run {
    pub code: i32,
    pub stdout: String,
    pub stderr: String,
}

impl Run {
    pub fn json(&self) -> Value {
        serde_json::from_str(&self.stdout)
            .unwrap_or_else(|e| panic!("stdout is not JSON ({e}):\n{}", self.stdout))
    }
}

/// `mentorbook ARGS` run in `dir`, with an environment that does not change the output.
pub fn run_in(dir: &Path, args: &[&str]) -> Run {
    run_with_env(dir, args, &[])
}

/// `run_in` with `env` added to the environment.
pub fn run_with_env(dir: &Path, args: &[&str], env: &[(&str, &str)]) -> Run {
    let output = Command::new(env!("CARGO_BIN_EXE_mentorbook"))
        .args(args)
        .current_dir(dir)
        .env_remove("NO_COLOR")
        .env_remove("GITHUB_SERVER_URL")
        .env_remove("GITHUB_REPOSITORY")
        .env_remove("GITHUB_SHA")
        .envs(env.iter().copied())
        .output()
        .expect("the mentorbook binary runs");
    Run::from(output)
}

impl From<std::process::Output> for Run {
    fn from(output: std::process::Output) -> Run {
        Run {
            code: output.status.code().unwrap_or(-1),
            stdout: String::from_utf8_lossy(&output.stdout).into_owned(),
            stderr: String::from_utf8_lossy(&output.stderr).into_owned(),
        }
    }
}

/// `tests/fixtures/<name>`: a folder holding `records/`.
pub fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures")
        .join(name)
}

/// A records folder written file by file in a temporary directory.
pub struct Program {
    dir: tempfile::TempDir,
}

impl Program {
    /// An empty program: just a program.toml pinning as_of 2026-11-30.
    pub fn new() -> Program {
        let program = Program {
            dir: tempfile::tempdir().expect("a temporary directory"),
        };
        program.write("program.toml", PROGRAM_TOML);
        program
    }

    pub fn dir(&self) -> &Path {
        self.dir.path()
    }

    /// Writes `records/<rel>`, creating folders.
    pub fn write(&self, rel: &str, contents: impl AsRef<[u8]>) -> &Program {
        let path = self.dir.path().join("records").join(rel);
        std::fs::create_dir_all(path.parent().expect("a parent folder")).expect("folders");
        std::fs::write(path, contents).expect("a written file");
        self
    }

    pub fn check(&self, args: &[&str]) -> Run {
        let mut all = vec!["check"];
        all.extend_from_slice(args);
        run_in(self.dir(), &all)
    }

    /// The diagnostics of `check --format json`, as (rule, file, line, column) tuples.
    pub fn diagnostics(&self) -> Vec<Found> {
        found(&self.check(&["--format", "json"]).json())
    }
}

/// One diagnostic, reduced to what tests assert on.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Found {
    pub rule: String,
    pub severity: String,
    pub file: String,
    pub line: u64,
    pub column: u64,
    pub message: String,
}

pub fn found(json: &Value) -> Vec<Found> {
    json["diagnostics"]
        .as_array()
        .expect("a diagnostics array")
        .iter()
        .map(|d| Found {
            rule: d["rule"].as_str().unwrap_or_default().into(),
            severity: d["severity"].as_str().unwrap_or_default().into(),
            file: d["file"].as_str().unwrap_or_default().into(),
            line: d["line"].as_u64().unwrap_or_default(),
            column: d["column"].as_u64().unwrap_or_default(),
            message: d["message"].as_str().unwrap_or_default().into(),
        })
        .collect()
}

/// Every file under `dir`, relative, sorted.
pub fn files(dir: &Path) -> Vec<String> {
    let mut out: Vec<String> = walkdir::WalkDir::new(dir)
        .into_iter()
        .flatten()
        .filter(|e| e.file_type().is_file())
        .map(|e| e.path().strip_prefix(dir).unwrap().display().to_string())
        .collect();
    out.sort();
    out
}

/// The demo records copied into a temporary folder, so a command writes nowhere in the
/// checkout.
pub fn demo() -> tempfile::TempDir {
    let dir = tempfile::tempdir().expect("a temporary directory");
    let source = Path::new(env!("CARGO_MANIFEST_DIR")).join("records");
    for entry in walkdir::WalkDir::new(&source).into_iter().flatten() {
        let inside = entry.path().strip_prefix(&source).expect("inside records/");
        let target = dir.path().join("records").join(inside);
        if entry.file_type().is_dir() {
            std::fs::create_dir_all(&target).expect("a folder");
        } else {
            std::fs::copy(entry.path(), &target).expect("a copied file");
        }
    }
    dir
}

/// Generates a program into a temporary folder; `None` (with a note) when the generator is
/// not beside the checkout — CI always has it, so there the test fails instead.
pub fn generate(args: &[&str]) -> Option<(tempfile::TempDir, PathBuf)> {
    let script = Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/bench/gen_program.py");
    if !script.exists() {
        assert!(
            std::env::var_os("CI").is_none(),
            "{} is missing",
            script.display()
        );
        eprintln!("note: {} not found; skipping", script.display());
        return None;
    }
    let dir = tempfile::tempdir().expect("a temporary directory");
    let records = dir.path().join("records");
    let status = std::process::Command::new("python3")
        .arg(&script)
        .args(args)
        .arg("--out")
        .arg(&records)
        .output()
        .expect("python3 runs");
    assert!(
        status.status.success(),
        "{}",
        String::from_utf8_lossy(&status.stderr)
    );
    Some((dir, records))
}

/// Every file of a built site: path inside it → bytes.
pub fn tree(dir: &Path) -> BTreeMap<String, Vec<u8>> {
    walkdir::WalkDir::new(dir)
        .into_iter()
        .flatten()
        .filter(|e| e.file_type().is_file())
        .map(|e| {
            let rel = e
                .path()
                .strip_prefix(dir)
                .unwrap()
                .to_string_lossy()
                .replace('\\', "/");
            (rel, std::fs::read(e.path()).unwrap())
        })
        .collect()
}

/// `bash SCRIPT ARGS…` (`script` is the path inside the repository, then the arguments) run
/// in `dir` with `env` added, and the folders in `path` (fakes of other programs) first on
/// the PATH, then mentorbook's.
pub fn bash(script: &[&str], dir: &Path, env: &[(&str, &str)], path: &[&Path]) -> Run {
    let bin = Path::new(env!("CARGO_BIN_EXE_mentorbook"))
        .parent()
        .expect("the binary's folder");
    let mut folders: Vec<PathBuf> = path.iter().map(|p| p.to_path_buf()).collect();
    folders.push(bin.to_path_buf());
    folders.extend(std::env::split_paths(
        &std::env::var_os("PATH").unwrap_or_default(),
    ));
    let output = Command::new("bash")
        .arg(Path::new(env!("CARGO_MANIFEST_DIR")).join(script[0]))
        .args(&script[1..])
        .current_dir(dir)
        .env("PATH", std::env::join_paths(folders).expect("a PATH"))
        .env_remove("GITHUB_STEP_SUMMARY")
        .env_remove("GITHUB_REPOSITORY")
        .envs(env.iter().copied())
        .output()
        .expect("bash runs");
    Run::from(output)
}

/// Writes an executable `dir/name` holding `script`: a fake of another program.
pub fn fake_program(dir: &Path, name: &str, script: &str) {
    let path = dir.join(name);
    std::fs::write(&path, script).expect("a fake program");
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o755))
            .expect("an executable fake");
    }
}
