//! A Markdown summary for a pull request comment or `$GITHUB_STEP_SUMMARY`: counts per rule,
//! then a table of every diagnostic (GitHub shows only the first 10 annotations of a kind).

use super::counts;
use crate::diagnostics::{Findings, Severity};
use chrono::NaiveDate;
use std::collections::BTreeMap;
use std::fmt::Write;

pub fn render(findings: &Findings, as_of: NaiveDate, link_base: Option<&str>) -> String {
    let mut out = String::new();
    let _ = writeln!(out, "### mentorbook check: {}\n", counts(findings));
    let _ = writeln!(
        out,
        "Checked {} as of {as_of}.",
        crate::diagnostics::plural(findings.files, "file")
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
    out.push_str("\n| | where | rule | message |\n|---|---|---|---|\n");
    for d in &findings.diagnostics {
        let mark = match d.severity {
            Severity::Error => "❌ error",
            Severity::Warning => "⚠️ warning",
        };
        let place = format!("{}:{}", d.file, d.pos.line);
        let place = match link_base {
            Some(base) => format!("[{}]({base}{}#L{})", cell(&place), d.file, d.pos.line),
            None => format!("`{place}`"),
        };
        let mut message = cell(&d.message);
        if let Some(help) = &d.help {
            let _ = write!(message, "<br>help: {}", cell(help));
        }
        let _ = writeln!(out, "| {mark} | {place} | `{}` | {message} |", d.rule.id());
    }
    out
}

/// Text that cannot break out of a table cell or inject HTML.
fn cell(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('|', "\\|")
        .replace(['\r', '\n'], " ")
}
