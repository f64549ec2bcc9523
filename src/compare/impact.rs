//! What a change does to the program: each relationship whose standing changes, before and
//! after, and how many meetings and evaluations it records.
//!
//! A relationship's standing is a short phrase a committee member can act on, computed with
//! the rules' own arithmetic (`crate::schedule`) and the check's findings: "on track",
//! "meeting overdue", "agreement not yet signed", "completed", … (see [`standing`]). It names
//! no person, only the relationship id.

use super::Checked;
use crate::diagnostics::Severity;
use crate::model::{Records, RelationshipFolder, Status};
use crate::rules::Rule;
use crate::schedule;
use chrono::NaiveDate;
use std::collections::{BTreeMap, BTreeSet};
use std::fmt;

/// What the change does, in relationship id order.
#[derive(Debug, Default, PartialEq)]
pub struct Changes {
    pub relationships: Vec<StandingChange>,
    pub meetings_added: usize,
    pub meetings_removed: usize,
    pub evaluations_added: usize,
    pub evaluations_removed: usize,
}

/// A relationship whose standing differs: `None` before when it is new, after when removed.
#[derive(Debug, PartialEq)]
pub struct StandingChange {
    pub id: String,
    pub before: Option<String>,
    pub after: Option<String>,
}

impl fmt::Display for StandingChange {
    /// "r-2026-014: meeting overdue → on track", "r-2026-020: new relationship, …".
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match (&self.before, &self.after) {
            (None, Some(after)) => write!(f, "{}: new relationship, {after}", self.id),
            (Some(before), None) => write!(f, "{}: {before} → removed", self.id),
            (before, after) => write!(
                f,
                "{}: {} → {}",
                self.id,
                before.as_deref().unwrap_or_default(),
                after.as_deref().unwrap_or_default()
            ),
        }
    }
}

impl Changes {
    pub fn between(base: Option<&Checked>, now: &Checked, as_of: NaiveDate) -> Changes {
        let before = base.map(|b| standings(b, as_of)).unwrap_or_default();
        let after = standings(now, as_of);
        let ids: BTreeSet<&String> = before.keys().chain(after.keys()).collect();
        let relationships = ids
            .into_iter()
            .filter_map(|id| {
                let (before, after) = (before.get(id), after.get(id));
                (before != after).then(|| StandingChange {
                    id: id.clone(),
                    before: before.cloned(),
                    after: after.cloned(),
                })
            })
            .collect();
        let (meetings_before, evaluations_before) =
            base.map(|b| files(&b.records)).unwrap_or_default();
        let (meetings_now, evaluations_now) = files(&now.records);
        Changes {
            relationships,
            meetings_added: meetings_now.difference(&meetings_before).count(),
            meetings_removed: meetings_before.difference(&meetings_now).count(),
            evaluations_added: evaluations_now.difference(&evaluations_before).count(),
            evaluations_removed: evaluations_before.difference(&evaluations_now).count(),
        }
    }
}

/// The meeting and evaluation files of every relationship, by display path.
fn files(records: &Records) -> (BTreeSet<&str>, BTreeSet<&str>) {
    let folders = records.relationships.values();
    let meetings = folders
        .clone()
        .flat_map(|f| f.meetings.iter().map(|m| m.loaded.file.as_str()))
        .collect();
    let evaluations = folders
        .flat_map(|f| f.evaluations.iter().map(|e| e.loaded.file.as_str()))
        .collect();
    (meetings, evaluations)
}

fn standings(checked: &Checked, as_of: NaiveDate) -> BTreeMap<String, String> {
    let mut errors: BTreeMap<&str, BTreeSet<Rule>> = BTreeMap::new();
    for d in &checked.findings.diagnostics {
        if let (Some(id), Severity::Error) = (&d.relationship, d.severity) {
            errors.entry(id).or_default().insert(d.rule);
        }
    }
    let none = BTreeSet::new();
    checked
        .records
        .relationships
        .iter()
        .map(|(id, folder)| {
            let errors = errors.get(id.as_str()).unwrap_or(&none);
            (
                id.clone(),
                standing(&checked.records, folder, errors, as_of),
            )
        })
        .collect()
}

/// The facts that matter, in this order: a lifecycle other than running ("completed",
/// "dissolved", "starts 2027-01-10"); for an active relationship "agreement not yet signed"
/// (no agreement.md, or a signature after as-of), "meeting overdue", "evaluation overdue";
/// then "has errors" for any other error reported about it. None of them: "on track".
fn standing(
    records: &Records,
    folder: &RelationshipFolder,
    errors: &BTreeSet<Rule>,
    as_of: NaiveDate,
) -> String {
    let Some(file) = &folder.relationship else {
        return "no relationship.yaml".into();
    };
    let Some(rel) = &file.record else {
        return "relationship.yaml does not load".into();
    };
    let params = &records.config.rules;
    let mut facts = Vec::new();
    let mut explained = BTreeSet::new();
    match rel.status.value {
        Status::Completed => facts.push("completed".to_owned()),
        Status::Dissolved => facts.push("dissolved".to_owned()),
        Status::Active if rel.start.value > as_of => {
            facts.push(format!("starts {}", rel.start.value));
        }
        Status::Active => {}
    }
    if rel.status.value == Status::Active {
        if unsigned(folder, as_of) {
            facts.push("agreement not yet signed".into());
            explained.extend([Rule::AgreementMissing, Rule::AgreementUnsigned]);
        }
        if schedule::next_meeting_due(rel, folder, params, as_of).is_some_and(|d| d < as_of) {
            facts.push("meeting overdue".into());
            explained.insert(Rule::MeetingCadence);
        }
        if schedule::next_evaluation_due(rel, folder, params).is_some_and(|(_, d)| d < as_of) {
            facts.push("evaluation overdue".into());
            explained.insert(Rule::EvaluationMissing);
        }
    }
    if errors.difference(&explained).next().is_some() {
        facts.push("has errors".into());
    }
    if facts.is_empty() {
        return "on track".into();
    }
    facts.join(", ")
}

/// No agreement.md, or one whose signatures are not both dated by as-of. An agreement that
/// does not load is judged by its own errors ("has errors").
fn unsigned(folder: &RelationshipFolder, as_of: NaiveDate) -> bool {
    match &folder.agreement {
        None => true,
        Some(file) => file
            .record
            .as_ref()
            .is_some_and(|a| a.signed_mentor.value > as_of || a.signed_mentee.value > as_of),
    }
}
