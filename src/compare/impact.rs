//! What a change does to the program: each relationship whose standing changes, before and
//! after, and how many meetings and evaluations it records.
//!
//! A relationship's standing is a short phrase a committee member can act on, from the shared
//! relationship facts and the check's findings (`crate::facts::Standing::phrase`): "on
//! track", "meeting overdue", "agreement not yet signed", "completed", … It names no person,
//! only the relationship id.

use super::Checked;
use crate::diagnostics::Diagnostic;
use crate::facts;
use crate::model::Records;
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

/// Each relationship's standing as a phrase (`crate::facts::Standing::phrase`).
fn standings(checked: &Checked, as_of: NaiveDate) -> BTreeMap<String, String> {
    let mut about: BTreeMap<&str, Vec<&Diagnostic>> = BTreeMap::new();
    for d in &checked.findings.diagnostics {
        if let Some(id) = &d.relationship {
            about.entry(id).or_default().push(d);
        }
    }
    let params = &checked.records.config.rules;
    checked
        .records
        .relationships
        .iter()
        .map(|(id, folder)| {
            let diagnostics = about.get(id.as_str()).into_iter().flatten().copied();
            let standing = facts::standing(folder, params, diagnostics, as_of);
            (id.clone(), standing.phrase())
        })
        .collect()
}
