//! The files `mentorbook init` writes for a new records repository, compiled in from the
//! top-level `scaffold/` folder so they can be read, reviewed and tested as files. Only the
//! publishing job and its set-up steps differ between `--publish` modes.

use super::{REPOSITORY, VERSION, action_slug};
use crate::cli::Publish;
use crate::schema::Kind;

/// One file of a new records repository.
pub struct RepoFile {
    /// Its path inside the repository, with `/` separators.
    pub path: String,
    pub contents: Vec<u8>,
    /// A script to run (the pre-commit hook, the reminders script).
    pub executable: bool,
}

impl RepoFile {
    fn new(path: impl Into<String>, contents: impl Into<Vec<u8>>) -> RepoFile {
        let path = path.into();
        let executable = path.starts_with("hooks/") || path.ends_with(".sh");
        RepoFile {
            path,
            contents: contents.into(),
            executable,
        }
    }

    /// A file of the program's own (under `records/`), not of the repository's set-up.
    pub fn is_record(&self) -> bool {
        self.path.starts_with("records/")
    }
}

macro_rules! scaffold {
    ($($path:literal => $file:literal,)*) => {
        [$(($path, include_str!(concat!("../../scaffold/", $file))),)*]
    };
}

const FILES: [(&str, &str); 14] = scaffold! {
    "README.md" => "README.md",
    ".gitignore" => "gitignore",
    "records/program.toml" => "records/program.toml",
    "records/guidelines.md" => "records/guidelines.md",
    "records/people/README.md" => "records/people.md",
    "records/relationships/README.md" => "records/relationships.md",
    ".github/workflows/records.yml" => "github/workflows/records.yml",
    ".github/workflows/reminders.yml" => "github/workflows/reminders.yml",
    ".github/scripts/reminders.sh" => "github/scripts/reminders.sh",
    ".github/CODEOWNERS" => "github/CODEOWNERS",
    ".github/pull_request_template.md" => "github/pull_request_template.md",
    ".github/dependabot.yml" => "github/dependabot.yml",
    ".vscode/settings.json" => "vscode-settings.json",
    "hooks/pre-commit" => "hooks/pre-commit",
};

/// The publishing job of `records.yml` and its set-up steps in the README, per mode.
fn publishing(publish: Publish) -> (&'static str, &'static str) {
    match publish {
        Publish::Pages => (
            include_str!("../../scaffold/publish/pages.yml"),
            include_str!("../../scaffold/publish/pages.md"),
        ),
        Publish::Repository => (
            include_str!("../../scaffold/publish/repository.yml"),
            include_str!("../../scaffold/publish/repository.md"),
        ),
        Publish::None => (
            include_str!("../../scaffold/publish/none.yml"),
            include_str!("../../scaffold/publish/none.md"),
        ),
    }
}

/// `{{…}}` placeholders: this version, the action that installs it, the project's address,
/// and the publishing mode's job and set-up steps.
fn fill(text: &str, publish: Publish) -> String {
    let (job, setup) = publishing(publish);
    text.replace("{{publish_job}}", job.trim_end())
        .replace("{{publish_setup}}", setup.trim_end())
        .replace("{{publish}}", publish.name())
        .replace("{{action}}", action_slug())
        .replace("{{repository}}", REPOSITORY)
        .replace("{{version}}", VERSION)
}

/// Every file of a new records repository, in the order they are written: the scaffold, then
/// the JSON Schemas.
pub fn files(publish: Publish) -> Vec<RepoFile> {
    let scaffold = FILES
        .iter()
        .map(|(path, text)| RepoFile::new(*path, fill(text, publish)));
    let schemas = Kind::ALL
        .iter()
        .map(|kind| RepoFile::new(format!("schemas/{}", kind.file_name()), kind.text()));
    scaffold.chain(schemas).collect()
}

/// A records repository holding the demo program: the repository's set-up, and the demo's
/// records in place of the empty program.
pub fn demo_files(publish: Publish) -> Vec<RepoFile> {
    let demo = super::demo::FILES
        .iter()
        .map(|(path, bytes)| RepoFile::new(format!("records/{path}"), *bytes));
    let examples = super::demo::EXAMPLES
        .iter()
        .map(|(name, bytes)| RepoFile::new(format!("examples/{name}"), *bytes));
    let setup = files(publish).into_iter().filter(|f| !f.is_record());
    setup.chain(demo).chain(examples).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn text(all: &[RepoFile], path: &str) -> String {
        let file = all.iter().find(|f| f.path == path);
        String::from_utf8_lossy(&file.map(|f| f.contents.clone()).unwrap_or_default()).into()
    }

    #[test]
    fn every_placeholder_is_filled_in_every_mode() {
        for publish in [Publish::Pages, Publish::Repository, Publish::None] {
            for file in files(publish) {
                let text = String::from_utf8_lossy(&file.contents);
                // GitHub's own expressions are `${{ … }}`; ours are `{{name}}`.
                let ours = text.split("{{").skip(1).any(|after| {
                    after.split_once("}}").is_some_and(|(name, _)| {
                        !name.is_empty() && name.chars().all(|c| c.is_ascii_lowercase() || c == '_')
                    })
                });
                assert!(!ours, "{} ({publish:?})", file.path);
            }
        }
    }

    #[test]
    fn the_workflows_use_this_version_of_the_action_and_scripts_are_executable() {
        let all = files(Publish::Repository);
        let uses = format!("uses: {}@v{VERSION}", action_slug());
        assert!(text(&all, ".github/workflows/records.yml").contains(&uses));
        assert!(text(&all, ".github/workflows/reminders.yml").contains(&uses));
        let scripts: Vec<&str> = all
            .iter()
            .filter(|f| f.executable)
            .map(|f| f.path.as_str())
            .collect();
        assert_eq!(
            scripts,
            [".github/scripts/reminders.sh", "hooks/pre-commit"]
        );
        assert!(text(&all, "hooks/pre-commit").starts_with("#!/bin/sh\n"));
    }
}
