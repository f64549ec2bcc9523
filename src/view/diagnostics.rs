//! Diagnostics as the dashboard shows them: each message rendered from the diagnostic's typed
//! facts in the dashboard's voice (no record text, no dates of a person who has not
//! consented, relationships under their public ids), and each file named from its place in
//! the layout — never by parsing a message or a path.

use super::PublicIds;
use crate::diagnostics::{Diagnostic, Subject, Voice, neutral};
use crate::model::Records;
use crate::place::{Area, Place};
use crate::rules::{self, Rule};
use serde::Serialize;

#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize)]
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
#[derive(Debug, PartialEq, Eq, Hash, Serialize)]
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

/// The dashboard's voice: relationships by their public ids, people by id only when they
/// consented, and neither an unpublished person's dates nor text someone typed.
struct PublicVoice<'a> {
    names: &'a PublicIds,
}

impl Voice for PublicVoice<'_> {
    fn who(&self, subject: &Subject) -> String {
        if subject.published {
            format!("`{}`", subject.id)
        } else {
            neutral(subject, &|id| self.names.get(id).to_owned())
        }
    }

    fn relationship(&self, id: &str) -> String {
        self.names.get(id).to_owned()
    }

    fn dates_of(&self, subject: &Subject) -> bool {
        subject.published
    }

    fn quotes_records(&self) -> bool {
        false
    }
}

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

    /// A relationship folder's public id, when the folder exists.
    fn folder<'s>(&'s self, id: &'s str) -> Option<&'s str> {
        self.records
            .relationships
            .contains_key(id)
            .then(|| self.names.get(id))
    }

    /// Where a problem is, as the dashboard may say it, decided from its place: an
    /// unpublished person's file is not named (its name is their id); a relationship's
    /// files go under its public id; for a misplaced file or folder only the area of the
    /// layout is named, since its name is whatever someone typed.
    fn place(&self, d: &Diagnostic) -> String {
        match &d.place {
            Place::Person { id } if self.published(id) => d.place.path(),
            Place::Person { .. } => HIDDEN_PERSON.to_owned(),
            Place::Relationship { id }
            | Place::Agreement { id }
            | Place::Meeting { id, .. }
            | Place::Evaluation { id, .. } => match self.folder(id) {
                Some(public) => {
                    let path = d.place.path();
                    let rest = path
                        .strip_prefix(&format!("relationships/{id}/"))
                        .unwrap_or_default();
                    format!("relationships/{public}/{rest}")
                }
                None => "relationships/".to_owned(),
            },
            Place::Program | Place::Guidelines => d.place.path(),
            Place::Spreadsheet { .. } => "records/".to_owned(),
            Place::Misplaced { area, .. } => match area {
                Area::People => HIDDEN_PERSON.to_owned(),
                Area::Relationship(id) => match self.folder(id) {
                    Some(public) => format!("relationships/{public}/"),
                    None => "relationships/".to_owned(),
                },
                Area::Relationships => "relationships/".to_owned(),
                Area::Records => "records/".to_owned(),
            },
        }
    }

    pub fn view(&self, d: &Diagnostic) -> DiagnosticView {
        let file = self.place(d);
        let hidden_person = file == HIDDEN_PERSON;
        let voice = PublicVoice { names: self.names };
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
            _ => (d.kind.message(&voice), d.kind.help(&voice)),
        };
        let relationship = d
            .relationship
            .as_deref()
            .and_then(|id| self.folder(id))
            .map(str::to_owned);
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
