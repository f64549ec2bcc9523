//! The four output formats of `mentorbook check` (rules.md, "Output formats"). Each renders
//! the sorted findings to one string, byte for byte the same for the same records and as-of;
//! with `--base`, each renders the comparison instead (`render_compared`).

mod github;
mod human;
mod json;
mod markdown;

use crate::cli::{Color, Format};
use crate::compare::Comparison;
use crate::diagnostics::{Findings, plural};
use crate::source::Sources;
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

pub fn render(
    format: Format,
    findings: &Findings,
    sources: &Sources,
    as_of: NaiveDate,
    styling: Styling,
) -> String {
    match format {
        Format::Human => human::render(findings, sources, as_of, styling.color),
        Format::Github => github::render(findings),
        Format::Json => json::render(findings, as_of),
        Format::Markdown => markdown::render(findings, as_of, styling.link_base.as_deref()),
    }
}

/// The comparison with `--base REF`: new, fixed and existing diagnostics, and what the change
/// does to the program.
pub fn render_compared(
    format: Format,
    comparison: &Comparison,
    sources: &Sources,
    as_of: NaiveDate,
    styling: Styling,
) -> String {
    match format {
        Format::Human => human::render_compared(comparison, sources, as_of, styling.color),
        Format::Github => github::render_compared(comparison),
        Format::Json => json::render_compared(comparison, as_of),
        Format::Markdown => {
            markdown::render_compared(comparison, as_of, styling.link_base.as_deref())
        }
    }
}

/// "1 new error, 2 new warnings" or "no new problems".
fn new_counts(comparison: &Comparison) -> String {
    match (comparison.new_errors(), comparison.new_warnings()) {
        (0, 0) => "no new problems".into(),
        (e, 0) => plural(e, "new error"),
        (0, w) => plural(w, "new warning"),
        (e, w) => format!("{}, {}", plural(e, "new error"), plural(w, "new warning")),
    }
}

/// "What this change does", one line an item: each relationship whose standing changes
/// (or that none does), then "1 meeting and 0 evaluations added" with any removed.
fn what_changes(comparison: &Comparison) -> Vec<String> {
    let c = &comparison.changes;
    let mut lines: Vec<String> = c.relationships.iter().map(|r| r.to_string()).collect();
    if lines.is_empty() {
        lines.push("no relationship changes its standing".into());
    }
    let mut added = format!(
        "{} and {} added",
        plural(c.meetings_added, "meeting"),
        plural(c.evaluations_added, "evaluation")
    );
    let removed: Vec<String> = [
        (c.meetings_removed, "meeting"),
        (c.evaluations_removed, "evaluation"),
    ]
    .into_iter()
    .filter(|(n, _)| *n > 0)
    .map(|(n, noun)| plural(n, noun))
    .collect();
    if !removed.is_empty() {
        added.push_str(&format!("; {} removed", removed.join(" and ")));
    }
    lines.push(added);
    lines
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
