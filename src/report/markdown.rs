//! A Markdown summary for a pull request comment or `$GITHUB_STEP_SUMMARY`: counts per rule,
//! then a table of every diagnostic (GitHub shows only the first 10 annotations of a kind).
//! With `--base`: what the change does, then new, fixed and existing problems, in that order.

use super::{counts, new_counts, what_changes};
use crate::compare::Comparison;
use crate::diagnostics::{Diagnostic, Findings, Severity, plural};
use chrono::NaiveDate;
use std::collections::BTreeMap;
use std::fmt::Write;

pub fn render(findings: &Findings, as_of: NaiveDate, link_base: Option<&str>) -> String {
    let mut out = String::new();
    let _ = writeln!(out, "### mentorbook check: {}\n", counts(findings));
    let _ = writeln!(
        out,
        "Checked {} as of {as_of}.",
        plural(findings.files, "file")
    );
    if findings.diagnostics.is_empty() {
        return out;
    }
    let mut per_rule: BTreeMap<&str, (usize, usize)> = BTreeMap::new();
    for d in &findings.diagnostics {
        let counts = per_rule.entry(d.rule.id()).or_default();
        match d.severity {
            Severity::Error => counts.0 += 1,
            Severity::Warning => counts.1 += 1,
        }
    }
    out.push_str("\n| rule | errors | warnings |\n|---|---:|---:|\n");
    for (rule, (errors, warnings)) in per_rule {
        let _ = writeln!(out, "| `{rule}` | {errors} | {warnings} |");
    }
    out.push('\n');
    table(&mut out, &findings.diagnostics, "where", link_base);
    out
}

pub fn render_compared(
    comparison: &Comparison,
    as_of: NaiveDate,
    link_base: Option<&str>,
) -> String {
    let mut out = String::new();
    let _ = writeln!(
        out,
        "### mentorbook check: {} · {} fixed · {} existing\n",
        new_counts(comparison),
        comparison.fixed.len(),
        comparison.existing.len()
    );
    let _ = writeln!(
        out,
        "Compared with `{}`; checked {} as of {as_of}.",
        cell(&comparison.reference),
        plural(comparison.files, "file")
    );
    if let Some(note) = &comparison.note {
        let _ = writeln!(out, "\n> **Note:** {}", cell(note));
    }
    out.push_str("\n#### What this change does\n\n");
    for line in what_changes(comparison) {
        let _ = writeln!(out, "- {}", cell(&line));
    }
    problems(&mut out, comparison, link_base);
    out
}

/// The new, fixed and existing sections, in that order; existing ones folded away.
fn problems(out: &mut String, comparison: &Comparison, link_base: Option<&str>) {
    let _ = writeln!(out, "\n#### New problems ({})\n", comparison.new.len());
    if comparison.new.is_empty() {
        out.push_str("None: this change introduces no problems.\n");
    } else {
        table(out, &comparison.new, "where", link_base);
    }
    let _ = writeln!(
        out,
        "\n#### Fixed by this change ({})\n",
        comparison.fixed.len()
    );
    if comparison.fixed.is_empty() {
        out.push_str("None.\n");
    } else {
        // Their files and lines are as at REF: no links to this commit.
        let place = format!("where (at `{}`)", cell(&comparison.reference));
        table(out, &comparison.fixed, &place, None);
    }
    let existing = comparison.existing.len();
    let _ = writeln!(out, "\n#### Existing problems ({existing})\n");
    if existing == 0 {
        out.push_str("None.\n");
        return;
    }
    let _ = writeln!(
        out,
        "Not introduced by this change, so they do not fail this check; fix them in a pull request of their own.\n\n<details><summary>Show {}</summary>\n",
        plural(existing, "existing problem")
    );
    table(out, &comparison.existing, "where", link_base);
    out.push_str("\n</details>\n");
}

/// A table of diagnostics: severity, file:line (a link on GitHub), rule, message and help.
fn table(out: &mut String, diagnostics: &[Diagnostic], place: &str, link_base: Option<&str>) {
    let _ = write!(out, "| | {place} | rule | message |\n|---|---|---|---|\n");
    for d in diagnostics {
        let mark = match d.severity {
            Severity::Error => "❌ error",
            Severity::Warning => "⚠️ warning",
        };
        let place = format!("{}:{}", d.file, d.pos.line);
        let place = match link_base {
            Some(base) => format!(
                "[{}]({base}{}#L{})",
                cell(&place),
                url_path(&d.file),
                d.pos.line
            ),
            None => code(&place),
        };
        let mut message = cell(&d.message);
        if let Some(help) = &d.help {
            let _ = write!(message, "<br>help: {}", cell(help));
        }
        let _ = writeln!(out, "| {mark} | {place} | `{}` | {message} |", d.rule.id());
    }
}

/// A message for a table cell: its `code` spans kept as code, everything else literal text
/// that cannot break out of the cell, format, link, mention anyone or inject HTML.
fn cell(text: &str) -> String {
    text.split('`')
        .enumerate()
        .map(|(i, part)| {
            if i % 2 == 1 {
                code(part)
            } else {
                crate::inert::markdown(part)
            }
        })
        .collect()
}

/// A code span in a table cell: Markdown is not read inside it, but a `|` still ends the
/// cell unless escaped, and a backtick would end the span.
fn code(text: &str) -> String {
    let text = crate::inert::escaped(text);
    format!(
        "`{}`",
        text.replace('|', "\\|")
            .replace('`', "'")
            .replace(['\r', '\n'], " ")
    )
}

/// A path as the path of a URL: every byte but unreserved ones and `/` percent-encoded, so
/// a file name cannot end the link or add to it.
fn url_path(path: &str) -> String {
    let mut out = String::with_capacity(path.len());
    for byte in path.bytes() {
        if byte.is_ascii_alphanumeric() || matches!(byte, b'-' | b'.' | b'_' | b'~' | b'/') {
            out.push(char::from(byte));
        } else {
            out.push_str(&format!("%{byte:02X}"));
        }
    }
    out
}
