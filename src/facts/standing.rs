//! A relationship's standing on as-of: where it is in its life, whether its agreement is
//! signed, whether a meeting or an evaluation is overdue, and the problems `check` reports
//! about it. The dashboard shows it as a badge (good, warnings, errors); `check --base` as a
//! phrase a committee member can act on ("meeting overdue → on track").

use super::{Lifecycle, lifecycle, next_evaluation_due, next_meeting_due};
use crate::catalogue::{Rule, Severity};
use crate::diagnostics::Diagnostic;
use crate::model::{RelationshipFolder, RuleParams};
use chrono::NaiveDate;
use std::collections::BTreeSet;

#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Standing {
    /// `None` when relationship.yaml is missing (`present` false) or does not load.
    pub lifecycle: Option<Lifecycle>,
    pub present: bool,
    pub start: Option<NaiveDate>,
    /// No agreement.md, or a signature dated after as-of (for an active relationship).
    pub unsigned: bool,
    pub meeting_overdue: bool,
    pub evaluation_overdue: bool,
    /// The rules with an error about this relationship.
    pub errors: BTreeSet<Rule>,
    pub warnings: usize,
}

/// The standing of the relationship in `folder`, given the diagnostics about it.
pub fn standing<'d>(
    folder: &RelationshipFolder,
    params: &RuleParams,
    diagnostics: impl IntoIterator<Item = &'d Diagnostic>,
    as_of: NaiveDate,
) -> Standing {
    let mut out = Standing::default();
    for d in diagnostics {
        match d.severity {
            Severity::Error => {
                out.errors.insert(d.rule);
            }
            Severity::Warning => out.warnings += 1,
        }
    }
    let Some(file) = &folder.relationship else {
        return out;
    };
    out.present = true;
    let Some(rel) = &file.record else {
        return out;
    };
    let phase = lifecycle(rel, as_of);
    out.lifecycle = Some(phase);
    out.start = Some(rel.start.value);
    if matches!(phase, Lifecycle::Active | Lifecycle::Upcoming) {
        out.unsigned = unsigned(folder, as_of);
        out.meeting_overdue = next_meeting_due(rel, folder, params.meeting_max_gap_months, as_of)
            .is_some_and(|due| due < as_of);
        out.evaluation_overdue = next_evaluation_due(rel, folder, params.evaluation_grace_days)
            .is_some_and(|q| q.due < as_of);
    }
    out
}

/// No agreement.md, or one whose signatures are not both dated by as-of. An agreement that
/// does not load is judged by its own errors.
fn unsigned(folder: &RelationshipFolder, as_of: NaiveDate) -> bool {
    match &folder.agreement {
        None => true,
        Some(file) => file
            .record
            .as_ref()
            .is_some_and(|a| a.signed_mentor.value > as_of || a.signed_mentee.value > as_of),
    }
}

impl Standing {
    /// "good", "warnings" or "errors": the dashboard's badge.
    pub fn badge(&self) -> &'static str {
        if !self.errors.is_empty() {
            "errors"
        } else if self.warnings == 0 {
            "good"
        } else {
            "warnings"
        }
    }

    /// The facts that matter, in this order: a lifecycle other than running ("completed",
    /// "dissolved", "starts 2027-01-10"); for an active relationship "agreement not yet
    /// signed", "meeting overdue", "evaluation overdue"; then "has errors" for any other
    /// error reported about it. None of them: "on track".
    pub fn phrase(&self) -> String {
        if !self.present {
            return "no relationship.yaml".into();
        }
        let Some(phase) = self.lifecycle else {
            return "relationship.yaml does not load".into();
        };
        let mut facts = Vec::new();
        let mut explained = BTreeSet::new();
        match (phase, self.start) {
            (Lifecycle::Completed, _) => facts.push("completed".to_owned()),
            (Lifecycle::Dissolved, _) => facts.push("dissolved".to_owned()),
            (Lifecycle::Upcoming, Some(start)) => facts.push(format!("starts {start}")),
            _ => {}
        }
        if self.unsigned {
            facts.push("agreement not yet signed".into());
            explained.extend([Rule::AgreementMissing, Rule::AgreementUnsigned]);
        }
        if self.meeting_overdue {
            facts.push("meeting overdue".into());
            explained.insert(Rule::MeetingCadence);
        }
        if self.evaluation_overdue {
            facts.push("evaluation overdue".into());
            explained.insert(Rule::EvaluationMissing);
        }
        if self.errors.difference(&explained).next().is_some() {
            facts.push("has errors".into());
        }
        if facts.is_empty() {
            return "on track".into();
        }
        facts.join(", ")
    }
}
