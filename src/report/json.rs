//! One JSON document: as-of, counts, and every diagnostic.

use crate::diagnostics::Findings;
use chrono::NaiveDate;
use serde::Serialize;

#[derive(Serialize)]
struct Document<'a> {
    as_of: String,
    summary: Summary,
    diagnostics: Vec<Entry<'a>>,
}

#[derive(Serialize)]
struct Summary {
    errors: usize,
    warnings: usize,
    files: usize,
}

#[derive(Serialize)]
struct Entry<'a> {
    rule: &'static str,
    severity: &'static str,
    file: &'a str,
    line: u32,
    column: u32,
    #[serde(skip_serializing_if = "Option::is_none")]
    relationship: Option<&'a str>,
    message: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    help: Option<&'a str>,
}

pub fn render(findings: &Findings, as_of: NaiveDate) -> String {
    let document = Document {
        as_of: as_of.to_string(),
        summary: Summary {
            errors: findings.errors(),
            warnings: findings.warnings(),
            files: findings.files,
        },
        diagnostics: findings
            .diagnostics
            .iter()
            .map(|d| Entry {
                rule: d.rule.id(),
                severity: d.severity.as_str(),
                file: &d.file,
                line: d.pos.line,
                column: d.pos.column,
                relationship: d.relationship.as_deref(),
                message: &d.message,
                help: d.help.as_deref(),
            })
            .collect(),
    };
    // Serialising plain strings and numbers cannot fail.
    let mut text = serde_json::to_string_pretty(&document).unwrap_or_default();
    text.push('\n');
    text
}
