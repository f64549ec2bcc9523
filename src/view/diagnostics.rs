//! Diagnostics as the dashboard shows them. Messages already never quote confidential values;
//! here the file paths and messages are also cleared of anything that names a person who has
//! not consented (a person file's name is their id), and relationship ids published under a
//! substitute are replaced by it.

use super::PublicIds;
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

    /// Where a problem is, as the dashboard may say it: an unpublished person's file is not
    /// named (its name is their id); a relationship's files go under its public id; for a
    /// misplaced file or folder only the area of the layout is named, since its name is
    /// whatever someone typed.
    fn place(&self, d: &Diagnostic, parts: &[&str]) -> String {
        let folder = |id: &str| {
            self.records
                .relationships
                .contains_key(id)
                .then(|| self.names.get(id).to_owned())
        };
        match parts {
            ["people", name] => {
                let id = name.split('.').next().unwrap_or(name);
                if self.published(id) && d.rule != Rule::Layout {
                    format!("people/{name}")
                } else {
                    HIDDEN_PERSON.to_owned()
                }
            }
            ["people", ..] => "people/".to_owned(),
            ["relationships", id, rest @ ..] => match folder(id) {
                Some(public) if d.rule != Rule::Layout || *rest == ["relationship.yaml"] => {
                    let mut path = format!("relationships/{public}");
                    for part in rest {
                        path.push('/');
                        path.push_str(part);
                    }
                    path
                }
                Some(public) => format!("relationships/{public}/"),
                None => "relationships/".to_owned(),
            },
            ["program.toml" | "guidelines.md"] => parts[0].to_owned(),
            _ => "records/".to_owned(),
        }
    }

    pub fn view(&self, d: &Diagnostic) -> DiagnosticView {
        let root = self.records.root.trim_end_matches(['/', '\\']);
        let inside = d
            .file
            .strip_prefix(root)
            .map_or(d.file.as_str(), |rest| rest.trim_start_matches('/'))
            .trim_end_matches('/');
        let parts: Vec<&str> = inside.split('/').collect();
        let file = self.place(d, &parts);
        let hidden_person = file == HIDDEN_PERSON;
        // Structural problems quote what someone typed — file names, keys, values — so the
        // dashboard says only where and what kind; `mentorbook check` has the details.
        let (message, help) = match d.rule {
            Rule::Layout => (
                "a file or folder here is misnamed or not where the records layout puts it"
                    .to_owned(),
                Some(CHECK_FOR_DETAILS.to_owned()),
            ),
            Rule::Yaml => (
                "this file could not be read as a record (its YAML or front matter is broken)"
                    .to_owned(),
                Some(CHECK_FOR_DETAILS.to_owned()),
            ),
            Rule::Schema => (
                "this record has a key that is missing, unknown or holds the wrong kind of value"
                    .to_owned(),
                Some(CHECK_FOR_DETAILS.to_owned()),
            ),
            _ => (
                self.names.in_text(&d.message),
                d.help.as_deref().map(|h| self.names.in_text(h)),
            ),
        };
        let relationship = d
            .relationship
            .as_deref()
            .filter(|id| self.records.relationships.contains_key(*id))
            .map(|id| self.names.get(id).to_owned());
        DiagnosticView {
            rule: d.rule.id(),
            severity: d.severity.as_str(),
            file,
            line: if hidden_person || d.rule == Rule::Layout {
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

const CHECK_FOR_DETAILS: &str = "run `mentorbook check` in the records repository for the details";

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
