//! Diagnostics as the dashboard shows them. Messages already never quote confidential values;
//! here the file paths and messages are also cleared of anything that names a person who has
//! not consented (a person file's name is their id), and relationship ids published under a
//! substitute are replaced by it.

use super::relationships::PublicIds;
use crate::diagnostics::Diagnostic;
use crate::model::Records;
use crate::rules::{self, Rule};
use serde::Serialize;

#[derive(Clone, Debug, Serialize)]
pub struct DiagnosticView {
    pub rule: &'static str,
    pub severity: &'static str,
    /// The path inside the records folder, e.g. `people/dana-whitfield.yaml`.
    pub file: String,
    pub line: u32,
    pub message: String,
    pub help: Option<String>,
    /// The relationship's public id, and its page from the site root.
    pub relationship: Option<String>,
    pub href: Option<String>,
}

/// All diagnostics of one rule.
#[derive(Debug, Serialize)]
pub struct RuleGroup {
    pub rule: &'static str,
    pub summary: &'static str,
    pub errors: usize,
    pub warnings: usize,
    pub diagnostics: Vec<DiagnosticView>,
}

pub struct Redactor<'a> {
    records: &'a Records,
    names: &'a PublicIds,
}

const HIDDEN_PERSON: &str = "people/(a person who has not consented to publication).yaml";

impl<'a> Redactor<'a> {
    pub fn new(records: &'a Records, names: &'a PublicIds) -> Self {
        Redactor { records, names }
    }

    fn published(&self, person_id: &str) -> bool {
        self.records
            .people
            .get(person_id)
            .and_then(|f| f.record.as_ref())
            .is_some_and(|p| p.publish)
    }

    /// Replaces every substituted relationship id in `text`.
    fn public_text(&self, text: &str) -> String {
        let mut text = text.to_owned();
        for (id, public) in self.names.substituted() {
            text = text.replace(id, public);
        }
        text
    }

    pub fn view(&self, d: &Diagnostic) -> DiagnosticView {
        let root = self.records.root.trim_end_matches(['/', '\\']);
        let inside = d
            .file
            .strip_prefix(root)
            .map_or(d.file.as_str(), |rest| rest.trim_start_matches('/'));
        let person = inside
            .strip_prefix("people/")
            .map(|name| name.split('.').next().unwrap_or(name));
        let mut message = self.public_text(&d.message);
        let mut help = d.help.as_deref().map(|h| self.public_text(h));
        let file = match person {
            Some(id) if !self.published(id) => {
                if matches!(d.rule, Rule::Layout | Rule::Yaml) {
                    message = format!("a `{}` problem in this person's file", d.rule.id());
                    help =
                        Some("run `mentorbook check` in the records repository to see it".into());
                }
                HIDDEN_PERSON.to_owned()
            }
            _ => self.public_text(inside),
        };
        let relationship = d
            .relationship
            .as_deref()
            .map(|id| self.names.get(id).to_owned());
        DiagnosticView {
            rule: d.rule.id(),
            severity: d.severity.as_str(),
            file,
            line: if person.is_some_and(|id| !self.published(id)) {
                0
            } else {
                d.pos.line
            },
            message,
            help,
            href: relationship
                .as_ref()
                .map(|id| format!("relationships/{id}/index.html")),
            relationship,
        }
    }
}

/// Diagnostics grouped by rule, in catalogue order; rules without any are left out.
pub fn groups(all: Vec<DiagnosticView>) -> Vec<RuleGroup> {
    rules::ALL
        .iter()
        .filter_map(|rule| {
            let diagnostics: Vec<DiagnosticView> = all
                .iter()
                .filter(|d| d.rule == rule.id())
                .cloned()
                .collect();
            if diagnostics.is_empty() {
                return None;
            }
            Some(RuleGroup {
                rule: rule.id(),
                summary: rule.summary(),
                errors: diagnostics.iter().filter(|d| d.severity == "error").count(),
                warnings: diagnostics
                    .iter()
                    .filter(|d| d.severity == "warning")
                    .count(),
                diagnostics,
            })
        })
        .collect()
}
