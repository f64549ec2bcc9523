//! The cross-record rules, one file per family. Each reads the loaded records and the shared
//! relationship facts (`crate::facts`) and reports `Diagnostic`s with typed facts (`Kind`).
//! The catalogue of ids and severities is `crate::catalogue`; the structural rules (`yaml`,
//! `schema`, `layout`) are reported by the loader.

mod agreements;
pub use crate::dates;
mod evaluations;
mod meetings;
mod people;
mod relationships;

pub use crate::catalogue::{ALL, Level, Rule, explain};
pub use people::id_reveals;

use crate::diagnostics::{Diagnostic, Kind, Of, Pos, Subject};
use crate::facts;
use crate::model::{Person, Records, Relationship, RelationshipFolder, Role, RuleParams};
use crate::place::Place;
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
    pub place: &'a Place,
    pub record: &'a Relationship,
    pub folder: &'a RelationshipFolder,
}

impl Pair<'_> {
    /// The close date (`crate::facts::close`).
    pub fn close(&self) -> Option<NaiveDate> {
        facts::close(self.record)
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
                    place: &file.place,
                    record: file.record.as_ref()?,
                    folder,
                })
            })
    }

    /// A person whose file loaded.
    pub fn person(&self, id: &str) -> Option<(&'a Place, &'a Person)> {
        let file = self.records.people.get(id)?;
        Some((&file.place, file.record.as_ref()?))
    }

    /// How a message names a person: by their part in `of`, and whether they consented.
    pub fn subject(&self, id: &str, part: Role, of: Of) -> Subject {
        Subject {
            id: id.to_owned(),
            part,
            of,
            published: self.person(id).is_some_and(|(_, p)| p.publish),
        }
    }

    /// A person's part in relationship `relationship`.
    pub fn party(&self, id: &str, part: Role, relationship: &str) -> Subject {
        self.subject(id, part, Of::Relationship(relationship.to_owned()))
    }

    /// Reports a problem at the key at `at` of the file at `place`.
    pub fn report(
        &mut self,
        rule: Rule,
        place: &Place,
        at: Pos,
        relationship: &str,
        kind: Kind,
    ) -> &mut Diagnostic {
        let file = crate::load::display_path(&self.records.root, &place.path());
        self.out.push(
            Diagnostic::new(rule, place.clone(), file, at, kind)
                .in_relationship(Some(relationship)),
        );
        let last = self.out.len() - 1;
        &mut self.out[last]
    }

    /// A problem with a whole file (no one key at fault): 1:1, no snippet.
    pub fn report_file(
        &mut self,
        rule: Rule,
        place: &Place,
        relationship: &str,
        kind: Kind,
    ) -> &mut Diagnostic {
        let d = self.report(rule, place, Pos::START, relationship, kind);
        d.snippet = false;
        d
    }
}
