//! The public view of the records: everything a dashboard page may show, and nothing else.
//!
//! Templates only ever receive these types. They are built field by field from the records;
//! `Confidential` values have no `Serialize`, so they cannot be put into a view by mistake.
//! People who have not consented to publication appear only as neutral labels, and a
//! relationship whose id could reveal such a person is published under a substitute id.

mod charts;
mod diagnostics;
mod people;
mod public_ids;
mod relationships;
pub mod report;

pub use charts::{MonthBar, TimelineMonth};
pub use diagnostics::{DiagnosticView, RuleGroup};
pub use people::{MentorView, PersonRef};
pub use public_ids::PublicIds;
pub use relationships::{
    AgreementView, EvaluationView, MODE_NOT_ALLOWED, MeetingView, Mode, RelationshipView,
};

use crate::diagnostics::Findings;
use crate::facts::Lifecycle;
use crate::model::{Records, Role};
use crate::rules::{self, Rule};
use chrono::NaiveDate;
use serde::Serialize;
use std::collections::BTreeMap;

/// Everything the dashboard shows.
#[derive(Debug, PartialEq, Serialize)]
pub struct Site {
    pub program: ProgramInfo,
    pub counts: Counts,
    pub meetings_per_month: Vec<MonthBar>,
    /// Meetings and evaluations due within 30 days of as-of, or overdue; soonest first.
    pub due: Vec<DueItem>,
    pub relationships: Vec<RelationshipView>,
    pub mentors: Vec<MentorView>,
    pub compliance: Vec<RuleGroup>,
    /// The rule catalogue with each rule's explanation.
    pub rules: Vec<RuleDoc>,
    /// The program report: figures per cohort, counts only.
    pub report: report::Report,
}

#[derive(Debug, PartialEq, Eq, Hash, Serialize)]
pub struct ProgramInfo {
    pub name: String,
    pub association: String,
    pub committee_contact: Option<String>,
    pub as_of: NaiveDate,
    /// "30 November 2026".
    pub as_of_long: String,
    /// When the records last changed, from git; `None` outside a git work tree.
    pub last_changed: Option<String>,
    /// The commit the site shows, when built from one (`build --rev`).
    pub revision: Option<Revision>,
}

/// A commit a site was built from.
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize)]
pub struct Revision {
    /// The first 12 characters of the commit id.
    pub commit: String,
    pub date: Option<NaiveDate>,
    /// When the records last changed up to this commit.
    #[serde(skip)]
    pub last_changed: Option<String>,
}

#[derive(Debug, Default, PartialEq, Eq, Hash, Serialize)]
pub struct Counts {
    pub relationships: usize,
    pub active: usize,
    pub completed: usize,
    pub dissolved: usize,
    /// Relationships that start after as-of.
    pub upcoming: usize,
    pub mentors: usize,
    pub mentees: usize,
    pub good_standing: usize,
    pub with_warnings: usize,
    pub with_errors: usize,
    pub errors: usize,
    pub warnings: usize,
}

/// "Due soon" lists what is due within this many days of as-of, or overdue.
pub const DUE_SOON_DAYS: u32 = 30;

#[derive(Debug, PartialEq, Eq, Hash, Serialize)]
pub struct DueItem {
    pub relationship: String,
    pub href: String,
    /// "meeting" or "evaluation".
    pub kind: &'static str,
    /// "Meeting due" / "2026-Q3 evaluation due".
    pub what: String,
    pub due: NaiveDate,
    pub overdue: bool,
}

#[derive(Debug, PartialEq, Eq, Hash, Serialize)]
pub struct RuleDoc {
    pub id: &'static str,
    pub severity: &'static str,
    /// The level this program reports it at ("error", "warning" or "off").
    pub level: &'static str,
    pub summary: &'static str,
    pub explanation: &'static str,
}

/// Builds the public view of `records` as of `as_of`, with the check's findings.
pub fn build(
    records: &Records,
    findings: &Findings,
    as_of: NaiveDate,
    last_changed: Option<String>,
) -> Site {
    let names = PublicIds::new(records);
    let redactor = diagnostics::Redactor::new(records, &names);
    let all: Vec<DiagnosticView> = findings
        .diagnostics
        .iter()
        .map(|d| redactor.view(d))
        .collect();
    let mut about = relationships::About {
        diagnostics: BTreeMap::new(),
        views: BTreeMap::new(),
    };
    for (d, view) in findings.diagnostics.iter().zip(&all) {
        if let Some(id) = &d.relationship {
            about.diagnostics.entry(id.as_str()).or_default().push(d);
            about
                .views
                .entry(id.as_str())
                .or_default()
                .push(view.clone());
        }
    }
    let relationships = relationships::views(records, &names, &about, as_of);
    let mentors = people::mentors(records, as_of);
    let counts = counts(records, &relationships, findings);
    let due = relationships::due(&relationships, as_of);
    Site {
        program: ProgramInfo {
            name: records.config.name.clone(),
            association: records.config.association.clone(),
            committee_contact: records.config.committee_contact.clone(),
            as_of,
            as_of_long: long_date(as_of),
            last_changed,
            revision: None,
        },
        counts,
        meetings_per_month: charts::meetings_per_month(records, as_of),
        due,
        relationships,
        mentors,
        compliance: diagnostics::groups(all),
        rules: rules::ALL
            .iter()
            .map(|&rule| rule_doc(records, rule))
            .collect(),
        report: report::build(records, as_of),
    }
}

fn rule_doc(records: &Records, rule: Rule) -> RuleDoc {
    RuleDoc {
        id: rule.id(),
        severity: rule.default_severity().as_str(),
        level: records.config.level(rule).as_str(),
        summary: rule.summary(),
        explanation: rules::explain::explanation(rule),
    }
}

fn counts(records: &Records, relationships: &[RelationshipView], findings: &Findings) -> Counts {
    let mut counts = Counts {
        relationships: relationships.len(),
        errors: findings.errors(),
        warnings: findings.warnings(),
        ..Counts::default()
    };
    for r in relationships {
        match r.lifecycle {
            Some(Lifecycle::Upcoming) => counts.upcoming += 1,
            Some(Lifecycle::Active) => counts.active += 1,
            Some(Lifecycle::Completed) => counts.completed += 1,
            Some(Lifecycle::Dissolved) => counts.dissolved += 1,
            None => {}
        }
        match r.standing {
            "errors" => counts.with_errors += 1,
            "warnings" => counts.with_warnings += 1,
            _ => counts.good_standing += 1,
        }
    }
    let with_role = |role| {
        records
            .people
            .values()
            .filter(|p| p.record.as_ref().is_some_and(|p| p.has_role(role)))
            .count()
    };
    counts.mentors = with_role(Role::Mentor);
    counts.mentees = with_role(Role::Mentee);
    counts
}

/// The site as every page's `site` sees it: each relationship without the details only its
/// own page shows (meetings, timeline, agreement, diagnostics), which on a large program
/// would otherwise be copied into every page's context.
pub struct Summary<'a>(pub &'a Site);

impl Serialize for Summary<'_> {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeStruct;
        let site = self.0;
        let mut s = serializer.serialize_struct("Site", 9)?;
        s.serialize_field("program", &site.program)?;
        s.serialize_field("counts", &site.counts)?;
        s.serialize_field("meetings_per_month", &site.meetings_per_month)?;
        s.serialize_field("due", &site.due)?;
        let summaries: Vec<_> = site
            .relationships
            .iter()
            .map(RelationshipView::summary)
            .collect();
        s.serialize_field("relationships", &summaries)?;
        s.serialize_field("mentors", &site.mentors)?;
        s.serialize_field("compliance", &site.compliance)?;
        s.serialize_field("rules", &site.rules)?;
        s.serialize_field("report", &site.report)?;
        s.end()
    }
}

/// "30 November 2026".
pub fn long_date(date: NaiveDate) -> String {
    date.format("%-d %B %Y").to_string()
}
