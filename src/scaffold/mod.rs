//! What mentorbook writes for a committee: new records (`records`, written by `draft`), a
//! new records repository (`repository`, for `init`) and the demo program (`demo`, for
//! `init --demo`).

pub mod demo;
pub mod draft;
pub mod records;
pub mod repository;

/// The project's one public address, from Cargo.toml's `repository`. `init` names it in the
/// workflows it writes (`uses: OWNER/NAME@vVERSION`) and the README; the GitHub Action reads
/// the same key from Cargo.toml to find its release binaries. Until the project has a public
/// home it is a placeholder, and the release workflow refuses to publish.
pub const REPOSITORY: &str = env!("CARGO_PKG_REPOSITORY");

/// This mentorbook's version: the release the workflows `init` writes install.
pub const VERSION: &str = env!("CARGO_PKG_VERSION");

/// `OWNER/NAME` of the project's GitHub repository, as a workflow's `uses:` names it.
pub fn action_slug() -> &'static str {
    REPOSITORY
        .strip_prefix("https://github.com/")
        .unwrap_or(REPOSITORY)
        .trim_end_matches('/')
}

#[cfg(test)]
mod tests {
    #[test]
    fn the_address_is_a_github_repository() {
        let slug = super::action_slug();
        assert_eq!(slug.split('/').count(), 2, "{slug}");
        assert!(super::REPOSITORY.starts_with("https://github.com/"));
    }
}
