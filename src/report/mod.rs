//! The four output formats of `mentorbook check` (rules.md, "Output formats"). Each renders
//! the sorted findings to one string, byte for byte the same for the same records and as-of.

mod github;
mod human;
mod json;
mod markdown;

use crate::cli::{Color, Format};
use crate::diagnostics::{Findings, plural};
use chrono::NaiveDate;
use std::io::IsTerminal;

/// How the output may be decorated: terminal colours, and links to the files on GitHub.
#[derive(Clone, Debug, Default)]
pub struct Styling {
    pub color: bool,
    /// `https://github.com/OWNER/REPO/blob/SHA/`, when running in GitHub Actions.
    pub link_base: Option<String>,
}

impl Styling {
    /// Colour on a terminal unless `NO_COLOR` is set (or as `--color` says); file links when
    /// GitHub Actions names the repository and commit.
    pub fn detect(color: Color) -> Styling {
        let no_color = std::env::var_os("NO_COLOR").is_some_and(|v| !v.is_empty());
        let color = match color {
            Color::Always => true,
            Color::Never => false,
            Color::Auto => !no_color && std::io::stdout().is_terminal(),
        };
        let var = |name| std::env::var(name).ok().filter(|v| !v.is_empty());
        let link_base = match (
            var("GITHUB_SERVER_URL"),
            var("GITHUB_REPOSITORY"),
            var("GITHUB_SHA"),
        ) {
            (Some(server), Some(repo), Some(sha)) => Some(format!("{server}/{repo}/blob/{sha}/")),
            _ => None,
        };
        Styling { color, link_base }
    }
}

pub fn render(format: Format, findings: &Findings, as_of: NaiveDate, styling: Styling) -> String {
    match format {
        Format::Human => human::render(findings, as_of, styling.color),
        Format::Github => github::render(findings),
        Format::Json => json::render(findings, as_of),
        Format::Markdown => markdown::render(findings, as_of, styling.link_base.as_deref()),
    }
}

/// "2 errors, 1 warning" or "no problems".
fn counts(findings: &Findings) -> String {
    match (findings.errors(), findings.warnings()) {
        (0, 0) => "no problems".into(),
        (e, 0) => plural(e, "error"),
        (0, w) => plural(w, "warning"),
        (e, w) => format!("{}, {}", plural(e, "error"), plural(w, "warning")),
    }
}
