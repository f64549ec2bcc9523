//! The rule catalogue: every rule id, its default severity and a one-line summary.
//!
//! The ids are public and stable (CI logs, `[severity]` overrides and `explain` use them).
//! The structural rules (`yaml`, `schema`, `layout`) are reported by the loader; the
//! cross-record rules live here, one file per family.

mod agreements;
pub mod dates;
mod evaluations;
mod meetings;
mod people;
mod relationships;

pub use crate::catalogue::{ALL, Level, Rule, explain};
pub use people::id_reveals;

use crate::diagnostics::{Diagnostic, Pos};
use crate::model::{Person, Records, Relationship, RelationshipFolder, RuleParams, Status};
use chrono::NaiveDate;

/// Runs the cross-record rules over loaded records. A record that failed to load (`yaml` or
/// `schema` errors) is present but has no contents, so no rule reads it.
pub fn check(records: &Records, as_of: NaiveDate) -> Vec<Diagnostic> {
    let mut cx = Context {
        records,
        params: &records.config.rules,
        as_of,
        out: Vec::new(),
    };
    people::check(&mut cx);
    relationships::check(&mut cx);
    agreements::check(&mut cx);
    meetings::check(&mut cx);
    evaluations::check(&mut cx);
    cx.out
}

/// The loader's diagnostics and every rule's, with the program's severities applied: what
/// `check` reports and what `build` shows.
pub fn findings(
    records: &Records,
    mut diagnostics: Vec<Diagnostic>,
    as_of: NaiveDate,
) -> crate::diagnostics::Findings {
    diagnostics.extend(check(records, as_of));
    crate::diagnostics::Findings::resolve(
        diagnostics,
        |rule| records.config.level(rule),
        records.files,
    )
}

/// What every rule reads, and where it reports.
pub struct Context<'a> {
    pub records: &'a Records,
    pub params: &'a RuleParams,
    pub as_of: NaiveDate,
    out: Vec<Diagnostic>,
}

/// A relationship whose relationship.yaml loaded, with its folder.
#[derive(Clone, Copy)]
pub struct Pair<'a> {
    pub id: &'a str,
    pub file: &'a str,
    pub record: &'a Relationship,
    pub folder: &'a RelationshipFolder,
}

impl Pair<'_> {
    /// The dissolution date when dissolved, else `end`; `None` for a dissolved relationship
    /// without its `dissolution` block (rules that need the close date skip it).
    pub fn close(&self) -> Option<NaiveDate> {
        match (self.record.status.value, &self.record.dissolution) {
            (Status::Dissolved, Some(d)) => Some(d.value.date.value),
            (Status::Dissolved, None) => None,
            _ => Some(self.record.end.value),
        }
    }

    pub fn start(&self) -> NaiveDate {
        self.record.start.value
    }
}

impl<'a> Context<'a> {
    /// Every relationship whose relationship.yaml loaded, in id order.
    pub fn pairs(&self) -> impl Iterator<Item = Pair<'a>> + use<'a> {
        self.records
            .relationships
            .iter()
            .filter_map(|(id, folder)| {
                let file = folder.relationship.as_ref()?;
                Some(Pair {
                    id,
                    file: &file.file,
                    record: file.record.as_ref()?,
                    folder,
                })
            })
    }

    /// A person whose file loaded.
    pub fn person(&self, id: &str) -> Option<(&'a str, &'a Person)> {
        let file = self.records.people.get(id)?;
        Some((&file.file, file.record.as_ref()?))
    }

    /// How a message names a person: by id when they consented to publication, else by
    /// their part in the relationship ("the mentee of r-2026-001").
    pub fn who(&self, id: &str, part: &str, relationship: &str) -> String {
        match self.person(id) {
            Some((_, person)) if person.publish => format!("`{id}`"),
            _ => format!("the {part} of {relationship}"),
        }
    }

    pub fn report(
        &mut self,
        rule: Rule,
        file: &str,
        at: Pos,
        relationship: &str,
        message: String,
    ) -> &mut Diagnostic {
        self.out
            .push(Diagnostic::new(rule, file, at, message).in_relationship(Some(relationship)));
        let last = self.out.len() - 1;
        &mut self.out[last]
    }

    /// A problem with a whole file (no one key at fault): 1:1, no snippet.
    pub fn report_file(
        &mut self,
        rule: Rule,
        file: &str,
        relationship: &str,
        message: String,
    ) -> &mut Diagnostic {
        let d = self.report(rule, file, Pos::START, relationship, message);
        d.snippet = false;
        d
    }
}

impl Diagnostic {
    /// Sets the help line of a diagnostic already reported.
    pub fn help(&mut self, help: impl Into<String>) {
        self.help = Some(help.into());
    }
}
