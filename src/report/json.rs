//! One JSON document: as-of, counts, and every diagnostic. With `--base`: each diagnostic
//! has a `status` (new, fixed, existing — in that order, each sorted as usual), the summary
//! counts each status, `base` names REF, and `changes` says what the change does.

use crate::compare::{Comparison, Status};
use crate::diagnostics::{Diagnostic, Findings};
use chrono::NaiveDate;
use serde::Serialize;

#[derive(Serialize)]
struct Document<'a> {
    as_of: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    base: Option<Base<'a>>,
    summary: Summary,
    diagnostics: Vec<Entry<'a>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    changes: Option<Changes<'a>>,
}

#[derive(Serialize)]
struct Base<'a> {
    #[serde(rename = "ref")]
    reference: &'a str,
    /// False when there was nothing to compare with at REF.
    records: bool,
    #[serde(skip_serializing_if = "Option::is_none")]
    note: Option<&'a str>,
}

#[derive(Serialize)]
struct Summary {
    errors: usize,
    warnings: usize,
    files: usize,
    #[serde(skip_serializing_if = "Option::is_none")]
    new: Option<usize>,
    #[serde(skip_serializing_if = "Option::is_none")]
    fixed: Option<usize>,
    #[serde(skip_serializing_if = "Option::is_none")]
    existing: Option<usize>,
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
    #[serde(skip_serializing_if = "Option::is_none")]
    status: Option<&'static str>,
}

#[derive(Serialize)]
struct Changes<'a> {
    relationships: Vec<Standing<'a>>,
    meetings_added: usize,
    meetings_removed: usize,
    evaluations_added: usize,
    evaluations_removed: usize,
}

/// `before` is null for a new relationship, `after` for a removed one.
#[derive(Serialize)]
struct Standing<'a> {
    id: &'a str,
    before: Option<&'a str>,
    after: Option<&'a str>,
}

fn entry(d: &Diagnostic, status: Option<Status>) -> Entry<'_> {
    Entry {
        rule: d.rule.id(),
        severity: d.severity.as_str(),
        file: &d.file,
        line: d.pos.line,
        column: d.pos.column,
        relationship: d.relationship.as_deref(),
        message: &d.message,
        help: d.help.as_deref(),
        status: status.map(Status::as_str),
    }
}

pub fn render(findings: &Findings, as_of: NaiveDate) -> String {
    write(&Document {
        as_of: as_of.to_string(),
        base: None,
        summary: Summary {
            errors: findings.errors(),
            warnings: findings.warnings(),
            files: findings.files,
            new: None,
            fixed: None,
            existing: None,
        },
        diagnostics: findings
            .diagnostics
            .iter()
            .map(|d| entry(d, None))
            .collect(),
        changes: None,
    })
}

pub fn render_compared(comparison: &Comparison, as_of: NaiveDate) -> String {
    let c = &comparison.changes;
    write(&Document {
        as_of: as_of.to_string(),
        base: Some(Base {
            reference: &comparison.reference,
            records: comparison.note.is_none(),
            note: comparison.note.as_deref(),
        }),
        summary: Summary {
            errors: comparison.errors,
            warnings: comparison.warnings,
            files: comparison.files,
            new: Some(comparison.new.len()),
            fixed: Some(comparison.fixed.len()),
            existing: Some(comparison.existing.len()),
        },
        diagnostics: comparison
            .all()
            .map(|(status, d)| entry(d, Some(status)))
            .collect(),
        changes: Some(Changes {
            relationships: c
                .relationships
                .iter()
                .map(|r| Standing {
                    id: &r.id,
                    before: r.before.as_deref(),
                    after: r.after.as_deref(),
                })
                .collect(),
            meetings_added: c.meetings_added,
            meetings_removed: c.meetings_removed,
            evaluations_added: c.evaluations_added,
            evaluations_removed: c.evaluations_removed,
        }),
    })
}

fn write(document: &Document) -> String {
    // Serialising plain strings and numbers cannot fail.
    let mut text = serde_json::to_string_pretty(document).unwrap_or_default();
    text.push('\n');
    text
}
