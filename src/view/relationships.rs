//! Relationships as the dashboard shows them: public id, participants as allowed, period,
//! status, meetings, evaluations, standing, and what is due.

use super::PublicIds;
use super::charts::{TimelineMonth, timeline};
use super::diagnostics::DiagnosticView;
use super::people::PersonRef;
use crate::model::{Agreement, Choice, Records, RelationshipFolder};
use crate::schedule;
use chrono::NaiveDate;
use serde::Serialize;
use std::collections::BTreeMap;

#[derive(Debug, Serialize)]
pub struct RelationshipView {
    pub id: String,
    /// From the site root: `relationships/<id>/index.html`.
    pub href: String,
    /// False when relationship.yaml could not be read: only the id and diagnostics are known.
    pub loaded: bool,
    pub mentor: Option<PersonRef>,
    pub mentee: Option<PersonRef>,
    pub start: String,
    pub end: String,
    /// The dissolution date when dissolved.
    pub dissolved_on: Option<String>,
    pub status: String,
    pub meetings_held: usize,
    pub meetings: Vec<MeetingView>,
    pub last_meeting: Option<String>,
    pub next_meeting_due: Option<String>,
    pub meeting_overdue: bool,
    pub next_evaluation: Option<String>,
    pub next_evaluation_due: Option<String>,
    pub evaluation_overdue: bool,
    pub evaluations: Vec<EvaluationView>,
    pub agreement: Option<AgreementView>,
    pub timeline: Vec<TimelineMonth>,
    /// "good", "warnings" or "errors".
    pub standing: &'static str,
    pub diagnostics: Vec<DiagnosticView>,
}

#[derive(Debug, Serialize)]
pub struct MeetingView {
    pub date: String,
    /// `None` when the meeting file could not be read.
    pub mode: Option<String>,
    pub minutes: Option<u32>,
    pub working_hours: bool,
}

#[derive(Debug, Serialize)]
pub struct EvaluationView {
    pub quarter: String,
    pub date: Option<String>,
    pub rating: Option<&'static str>,
}

#[derive(Debug, Serialize)]
pub struct AgreementView {
    pub signed_mentor: String,
    pub signed_mentee: String,
    pub meeting_frequency: &'static str,
    pub meeting_modes: Vec<String>,
    pub confidentiality: bool,
    pub voluntary: bool,
    pub expenses_by_participants: bool,
}

/// What the relationships index shows of a relationship (`site.relationships[*]`).
#[derive(Debug, Serialize)]
pub struct RelationshipSummary<'a> {
    pub id: &'a str,
    pub href: &'a str,
    pub loaded: bool,
    pub mentor: Option<&'a PersonRef>,
    pub mentee: Option<&'a PersonRef>,
    pub start: &'a str,
    pub end: &'a str,
    pub dissolved_on: Option<&'a str>,
    pub status: &'a str,
    pub meetings_held: usize,
    pub last_meeting: Option<&'a str>,
    pub next_meeting_due: Option<&'a str>,
    pub meeting_overdue: bool,
    pub next_evaluation: Option<&'a str>,
    pub next_evaluation_due: Option<&'a str>,
    pub evaluation_overdue: bool,
    pub evaluations: &'a [EvaluationView],
    pub standing: &'static str,
}

impl RelationshipView {
    pub fn summary(&self) -> RelationshipSummary<'_> {
        RelationshipSummary {
            id: &self.id,
            href: &self.href,
            loaded: self.loaded,
            mentor: self.mentor.as_ref(),
            mentee: self.mentee.as_ref(),
            start: &self.start,
            end: &self.end,
            dissolved_on: self.dissolved_on.as_deref(),
            status: &self.status,
            meetings_held: self.meetings_held,
            last_meeting: self.last_meeting.as_deref(),
            next_meeting_due: self.next_meeting_due.as_deref(),
            meeting_overdue: self.meeting_overdue,
            next_evaluation: self.next_evaluation.as_deref(),
            next_evaluation_due: self.next_evaluation_due.as_deref(),
            evaluation_overdue: self.evaluation_overdue,
            evaluations: &self.evaluations,
            standing: self.standing,
        }
    }
}

impl AgreementView {
    fn new(a: &Agreement) -> AgreementView {
        AgreementView {
            signed_mentor: a.signed_mentor.value.to_string(),
            signed_mentee: a.signed_mentee.value.to_string(),
            meeting_frequency: a.meeting_frequency.value.name(),
            meeting_modes: a.meeting_modes.iter().map(|m| m.value.clone()).collect(),
            confidentiality: a.confidentiality.value,
            voluntary: a.voluntary.value,
            expenses_by_participants: a.expenses.value == crate::model::ExpenseBearer::Participants,
        }
    }
}

pub fn views(
    records: &Records,
    names: &PublicIds,
    diagnostics: &BTreeMap<&str, Vec<DiagnosticView>>,
    as_of: NaiveDate,
) -> Vec<RelationshipView> {
    use rayon::prelude::*;
    let folders: Vec<_> = records.relationships.iter().collect();
    folders
        .par_iter()
        .map(|(id, folder)| {
            let diagnostics = diagnostics.get(id.as_str()).cloned().unwrap_or_default();
            view(records, names.get(id), folder, diagnostics, as_of)
        })
        .collect()
}

fn view(
    records: &Records,
    id: &str,
    folder: &RelationshipFolder,
    diagnostics: Vec<DiagnosticView>,
    as_of: NaiveDate,
) -> RelationshipView {
    let standing = if diagnostics.iter().any(|d| d.severity == "error") {
        "errors"
    } else if diagnostics.is_empty() {
        "good"
    } else {
        "warnings"
    };
    let meetings = folder
        .meetings
        .iter()
        .map(|m| MeetingView {
            date: m.date.to_string(),
            mode: m.loaded.record.as_ref().map(|r| r.mode.value.clone()),
            minutes: m
                .loaded
                .record
                .as_ref()
                .and_then(|r| r.minutes.as_ref().map(|n| n.value)),
            working_hours: m
                .loaded
                .record
                .as_ref()
                .is_some_and(|r| r.working_hours.as_ref().is_some_and(|w| w.value)),
        })
        .collect();
    let evaluations = folder
        .evaluations
        .iter()
        .map(|e| EvaluationView {
            quarter: e.quarter.to_string(),
            date: e.loaded.record.as_ref().map(|r| r.date.value.to_string()),
            rating: e.loaded.record.as_ref().map(|r| r.rating.value.name()),
        })
        .collect();
    let agreement = folder
        .agreement
        .as_ref()
        .and_then(|a| a.record.as_ref())
        .map(AgreementView::new);
    let mut out = RelationshipView {
        id: id.to_owned(),
        href: format!("relationships/{id}/index.html"),
        loaded: false,
        mentor: None,
        mentee: None,
        start: String::new(),
        end: String::new(),
        dissolved_on: None,
        status: String::new(),
        meetings_held: folder.meetings.iter().filter(|m| m.date <= as_of).count(),
        meetings,
        last_meeting: None,
        next_meeting_due: None,
        meeting_overdue: false,
        next_evaluation: None,
        next_evaluation_due: None,
        evaluation_overdue: false,
        evaluations,
        agreement,
        timeline: Vec::new(),
        standing,
        diagnostics,
    };
    let Some(rel) = folder.relationship.as_ref().and_then(|f| f.record.as_ref()) else {
        return out;
    };
    let person = |pid: &str| records.people.get(pid).and_then(|f| f.record.as_ref());
    let params = &records.config.rules;
    let next_meeting = schedule::next_meeting_due(rel, folder, params, as_of);
    let next_evaluation = schedule::next_evaluation_due(rel, folder, params);
    out.loaded = true;
    out.mentor = Some(PersonRef::new(person(&rel.mentor.value), "Mentor", id));
    out.mentee = Some(PersonRef::new(person(&rel.mentee.value), "Mentee", id));
    out.start = rel.start.value.to_string();
    out.end = rel.end.value.to_string();
    out.dissolved_on = rel
        .dissolution
        .as_ref()
        .map(|d| d.value.date.value.to_string());
    out.status = rel.status.value.name().to_owned();
    out.last_meeting = schedule::last_meeting(rel, folder, as_of).map(|d| d.to_string());
    out.next_meeting_due = next_meeting.map(|d| d.to_string());
    out.meeting_overdue = next_meeting.is_some_and(|d| d < as_of);
    out.next_evaluation = next_evaluation.map(|(q, _)| q.to_string());
    out.next_evaluation_due = next_evaluation.map(|(_, d)| d.to_string());
    out.evaluation_overdue = next_evaluation.is_some_and(|(_, d)| d < as_of);
    out.timeline = timeline(rel, folder, params.meeting_max_gap_months, as_of);
    out
}

/// What is due within 30 days of as-of, or overdue, soonest first.
pub fn due(relationships: &[RelationshipView], as_of: NaiveDate) -> Vec<super::DueItem> {
    let soon = (as_of + chrono::Days::new(30)).to_string();
    let mut items = Vec::new();
    for r in relationships {
        if let Some(date) = r.next_meeting_due.as_ref().filter(|d| **d <= soon) {
            items.push(super::DueItem {
                relationship: r.id.clone(),
                href: r.href.clone(),
                kind: "meeting",
                what: "Meeting due".into(),
                due: date.clone(),
                overdue: r.meeting_overdue,
            });
        }
        if let (Some(quarter), Some(date)) = (
            &r.next_evaluation,
            r.next_evaluation_due.as_ref().filter(|d| **d <= soon),
        ) {
            items.push(super::DueItem {
                relationship: r.id.clone(),
                href: r.href.clone(),
                kind: "evaluation",
                what: format!("{quarter} evaluation due"),
                due: date.clone(),
                overdue: r.evaluation_overdue,
            });
        }
    }
    items.sort_by(|a, b| (&a.due, &a.relationship, a.kind).cmp(&(&b.due, &b.relationship, b.kind)));
    items
}
