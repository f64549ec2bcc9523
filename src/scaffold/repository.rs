//! The files `mentorbook init` writes for a new records repository, compiled in from the
//! top-level `scaffold/` folder so they can be read, reviewed and tested as files.

/// One file of a new records repository.
pub struct RepoFile {
    /// Its path inside the repository, with `/` separators.
    pub path: &'static str,
    pub contents: String,
    /// A script to run (the pre-commit hook).
    pub executable: bool,
}

/// `{{version}}` in the workflow is replaced by the version of this mentorbook.
const VERSION: &str = env!("CARGO_PKG_VERSION");

const FILES: [(&str, &str); 12] = [
    ("README.md", include_str!("../../scaffold/README.md")),
    (".gitignore", include_str!("../../scaffold/gitignore")),
    (
        "records/program.toml",
        include_str!("../../scaffold/records/program.toml"),
    ),
    (
        "records/guidelines.md",
        include_str!("../../scaffold/records/guidelines.md"),
    ),
    (
        "records/people/README.md",
        include_str!("../../scaffold/records/people.md"),
    ),
    (
        "records/relationships/README.md",
        include_str!("../../scaffold/records/relationships.md"),
    ),
    (
        ".github/workflows/records.yml",
        include_str!("../../scaffold/github/workflows/records.yml"),
    ),
    (
        ".github/actions/mentorbook/action.yml",
        include_str!("../../scaffold/github/actions/mentorbook/action.yml"),
    ),
    (
        ".github/CODEOWNERS",
        include_str!("../../scaffold/github/CODEOWNERS"),
    ),
    (
        ".github/pull_request_template.md",
        include_str!("../../scaffold/github/pull_request_template.md"),
    ),
    (
        ".vscode/settings.json",
        include_str!("../../scaffold/vscode-settings.json"),
    ),
    (
        "hooks/pre-commit",
        include_str!("../../scaffold/hooks/pre-commit"),
    ),
];

/// Every file, in the order they are written.
pub fn files() -> Vec<RepoFile> {
    FILES
        .iter()
        .map(|(path, text)| RepoFile {
            path,
            contents: text.replace("{{version}}", VERSION),
            executable: path.starts_with("hooks/"),
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::files;

    #[test]
    fn the_workflow_names_this_version_and_the_hook_is_a_script() {
        let all = files();
        let workflow = all
            .iter()
            .find(|f| f.path.ends_with("records.yml"))
            .unwrap();
        assert!(!workflow.contents.contains("{{version}}"));
        assert!(workflow.contents.contains(env!("CARGO_PKG_VERSION")));
        let hook = all.iter().find(|f| f.executable).unwrap();
        assert!(hook.contents.starts_with("#!/bin/sh\n"));
    }
}
