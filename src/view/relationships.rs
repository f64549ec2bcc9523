//! Relationships as the dashboard shows them: public id, participants as allowed, period,
//! status, meetings, evaluations, standing, and what is due — dates, counts and choices as
//! typed values, every fact from the shared relationship facts (`crate::facts`).

use super::PublicIds;
use super::charts::{TimelineMonth, timeline};
use super::diagnostics::DiagnosticView;
use super::people::PersonRef;
use crate::dates::Quarter;
use crate::diagnostics::Diagnostic;
use crate::facts;
use crate::model::{Agreement, Frequency, Rating, Records, RelationshipFolder, RuleParams, Status};
use chrono::NaiveDate;
use serde::{Serialize, Serializer};
use std::collections::BTreeMap;

#[derive(Debug, PartialEq, Eq, Hash, Serialize)]
pub struct RelationshipView {
    pub id: String,
    /// From the site root: `relationships/<id>/index.html`.
    pub href: String,
    /// False when relationship.yaml could not be read: only the id and diagnostics are known.
    pub loaded: bool,
    pub mentor: Option<PersonRef>,
    pub mentee: Option<PersonRef>,
    pub start: Option<NaiveDate>,
    pub end: Option<NaiveDate>,
    /// The dissolution date when dissolved.
    pub dissolved_on: Option<NaiveDate>,
    pub status: Option<Status>,
    pub lifecycle: Option<facts::Lifecycle>,
    pub meetings_held: usize,
    pub meetings: Vec<MeetingView>,
    pub last_meeting: Option<NaiveDate>,
    pub next_meeting_due: Option<NaiveDate>,
    pub meeting_overdue: bool,
    #[serde(serialize_with = "quarter_text")]
    pub next_evaluation: Option<Quarter>,
    pub next_evaluation_due: Option<NaiveDate>,
    pub evaluation_overdue: bool,
    pub evaluations: Vec<EvaluationView>,
    pub agreement: Option<AgreementView>,
    pub timeline: Vec<TimelineMonth>,
    /// "good", "warnings" or "errors".
    pub standing: &'static str,
    pub diagnostics: Vec<DiagnosticView>,
}

/// A meeting mode as the dashboard may show it: one of the program's modes (spelled as
/// program.toml spells it), or a neutral label — never what someone typed.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub enum Mode {
    Program(String),
    NotAllowed,
}

/// The label shown for a mode the program does not allow.
pub const MODE_NOT_ALLOWED: &str = "a mode the program does not allow";

impl Mode {
    pub(crate) fn of(typed: &str, params: &RuleParams) -> Mode {
        params
            .meeting_modes
            .iter()
            .find(|m| *m == typed)
            .map_or(Mode::NotAllowed, |m| Mode::Program(m.clone()))
    }

    pub fn label(&self) -> &str {
        match self {
            Mode::Program(mode) => mode,
            Mode::NotAllowed => MODE_NOT_ALLOWED,
        }
    }
}

impl Serialize for Mode {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(self.label())
    }
}

fn quarter_text<S: Serializer>(quarter: &Option<Quarter>, s: S) -> Result<S::Ok, S::Error> {
    match quarter {
        Some(q) => s.collect_str(q),
        None => s.serialize_none(),
    }
}

fn quarter_always<S: Serializer>(quarter: &Quarter, s: S) -> Result<S::Ok, S::Error> {
    s.collect_str(quarter)
}

#[derive(Debug, PartialEq, Eq, Hash, Serialize)]
pub struct MeetingView {
    pub date: NaiveDate,
    /// `None` when the meeting file could not be read.
    pub mode: Option<Mode>,
    pub minutes: Option<u32>,
    pub working_hours: bool,
}

#[derive(Debug, PartialEq, Eq, Hash, Serialize)]
pub struct EvaluationView {
    #[serde(serialize_with = "quarter_always")]
    pub quarter: Quarter,
    pub date: Option<NaiveDate>,
    pub rating: Option<Rating>,
}

#[derive(Debug, PartialEq, Eq, Hash, Serialize)]
pub struct AgreementView {
    pub signed_mentor: NaiveDate,
    pub signed_mentee: NaiveDate,
    pub meeting_frequency: Frequency,
    pub meeting_modes: Vec<Mode>,
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
    pub start: Option<NaiveDate>,
    pub end: Option<NaiveDate>,
    pub dissolved_on: Option<NaiveDate>,
    pub status: Option<Status>,
    pub lifecycle: Option<facts::Lifecycle>,
    pub meetings_held: usize,
    pub last_meeting: Option<NaiveDate>,
    pub next_meeting_due: Option<NaiveDate>,
    pub meeting_overdue: bool,
    #[serde(serialize_with = "quarter_text")]
    pub next_evaluation: Option<Quarter>,
    pub next_evaluation_due: Option<NaiveDate>,
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
            start: self.start,
            end: self.end,
            dissolved_on: self.dissolved_on,
            status: self.status,
            lifecycle: self.lifecycle,
            meetings_held: self.meetings_held,
            last_meeting: self.last_meeting,
            next_meeting_due: self.next_meeting_due,
            meeting_overdue: self.meeting_overdue,
            next_evaluation: self.next_evaluation,
            next_evaluation_due: self.next_evaluation_due,
            evaluation_overdue: self.evaluation_overdue,
            evaluations: &self.evaluations,
            standing: self.standing,
        }
    }
}

impl AgreementView {
    fn new(a: &Agreement, params: &RuleParams) -> AgreementView {
        AgreementView {
            signed_mentor: a.signed_mentor.value,
            signed_mentee: a.signed_mentee.value,
            meeting_frequency: a.meeting_frequency.value,
            meeting_modes: a
                .meeting_modes
                .iter()
                .map(|m| Mode::of(&m.value, params))
                .collect(),
            confidentiality: a.confidentiality.value,
            voluntary: a.voluntary.value,
            expenses_by_participants: a.expenses.value == crate::model::ExpenseBearer::Participants,
        }
    }
}

/// Each relationship's diagnostics, for its standing, and their dashboard views, for its page.
pub struct About<'a> {
    pub diagnostics: BTreeMap<&'a str, Vec<&'a Diagnostic>>,
    pub views: BTreeMap<&'a str, Vec<DiagnosticView>>,
}

pub fn views(
    records: &Records,
    names: &PublicIds,
    about: &About,
    as_of: NaiveDate,
) -> Vec<RelationshipView> {
    use rayon::prelude::*;
    let folders: Vec<_> = records.relationships.iter().collect();
    folders
        .par_iter()
        .map(|(id, folder)| {
            let diagnostics = about.diagnostics.get(id.as_str()).map_or(&[][..], |d| d);
            let views = about.views.get(id.as_str()).cloned().unwrap_or_default();
            view(records, names.get(id), folder, diagnostics, views, as_of)
        })
        .collect()
}

fn view(
    records: &Records,
    id: &str,
    folder: &RelationshipFolder,
    diagnostics: &[&Diagnostic],
    views: Vec<DiagnosticView>,
    as_of: NaiveDate,
) -> RelationshipView {
    let params = &records.config.rules;
    let standing = facts::standing(folder, params, diagnostics.iter().copied(), as_of);
    let mut out = RelationshipView {
        id: id.to_owned(),
        href: format!("relationships/{id}/index.html"),
        loaded: false,
        mentor: None,
        mentee: None,
        start: None,
        end: None,
        dissolved_on: None,
        status: None,
        lifecycle: standing.lifecycle,
        meetings_held: folder.meetings.iter().filter(|m| m.date <= as_of).count(),
        meetings: meetings(folder, params),
        last_meeting: None,
        next_meeting_due: None,
        meeting_overdue: standing.meeting_overdue,
        next_evaluation: None,
        next_evaluation_due: None,
        evaluation_overdue: standing.evaluation_overdue,
        evaluations: evaluations(folder),
        agreement: folder
            .agreement
            .as_ref()
            .and_then(|a| a.record.as_ref())
            .map(|a| AgreementView::new(a, params)),
        timeline: Vec::new(),
        standing: standing.badge(),
        diagnostics: views,
    };
    let Some(rel) = folder.relationship.as_ref().and_then(|f| f.record.as_ref()) else {
        return out;
    };
    let person = |pid: &str| records.people.get(pid).and_then(|f| f.record.as_ref());
    let gap = params.meeting_max_gap_months;
    let chain = facts::cadence(rel, folder, gap, as_of);
    let next_evaluation = facts::next_evaluation_due(rel, folder, params.evaluation_grace_days);
    out.loaded = true;
    out.mentor = Some(PersonRef::new(person(&rel.mentor.value), "Mentor", id));
    out.mentee = Some(PersonRef::new(person(&rel.mentee.value), "Mentee", id));
    out.start = Some(rel.start.value);
    out.end = Some(rel.end.value);
    out.dissolved_on = rel.dissolution.as_ref().map(|d| d.value.date.value);
    out.status = Some(rel.status.value);
    out.last_meeting = chain
        .as_ref()
        .and_then(|c| c.meetings.last())
        .map(|m| m.date);
    out.next_meeting_due = facts::next_due(rel, chain.as_ref(), as_of);
    out.next_evaluation = next_evaluation.map(|q| q.quarter);
    out.next_evaluation_due = next_evaluation.map(|q| q.due);
    out.timeline = timeline(&facts::months(rel, chain.as_ref(), gap));
    out
}

fn meetings(folder: &RelationshipFolder, params: &RuleParams) -> Vec<MeetingView> {
    folder
        .meetings
        .iter()
        .map(|m| {
            let record = m.loaded.record.as_ref();
            MeetingView {
                date: m.date,
                mode: record.map(|r| Mode::of(&r.mode.value, params)),
                minutes: record.and_then(|r| r.minutes.as_ref().map(|n| n.value)),
                working_hours: record
                    .is_some_and(|r| r.working_hours.as_ref().is_some_and(|w| w.value)),
            }
        })
        .collect()
}

fn evaluations(folder: &RelationshipFolder) -> Vec<EvaluationView> {
    folder
        .evaluations
        .iter()
        .map(|e| EvaluationView {
            quarter: e.quarter,
            date: e.loaded.record.as_ref().map(|r| r.date.value),
            rating: e.loaded.record.as_ref().map(|r| r.rating.value),
        })
        .collect()
}

/// What is due within 30 days of as-of, or overdue, soonest first.
pub fn due(relationships: &[RelationshipView], as_of: NaiveDate) -> Vec<super::DueItem> {
    let soon = crate::dates::add_days(as_of, super::DUE_SOON_DAYS);
    let mut items = Vec::new();
    for r in relationships {
        if let Some(date) = r.next_meeting_due.filter(|d| *d <= soon) {
            items.push(super::DueItem {
                relationship: r.id.clone(),
                href: r.href.clone(),
                kind: "meeting",
                what: "Meeting due".into(),
                due: date,
                overdue: r.meeting_overdue,
            });
        }
        if let (Some(quarter), Some(date)) = (
            r.next_evaluation,
            r.next_evaluation_due.filter(|d| *d <= soon),
        ) {
            items.push(super::DueItem {
                relationship: r.id.clone(),
                href: r.href.clone(),
                kind: "evaluation",
                what: format!("{quarter} evaluation due"),
                due: date,
                overdue: r.evaluation_overdue,
            });
        }
    }
    items.sort_by(|a, b| (a.due, &a.relationship, a.kind).cmp(&(b.due, &b.relationship, b.kind)));
    items
}
