//! What is due, for the program coordinator (`mentorbook status`): each active relationship's
//! next meeting and next evaluation (from the shared relationship facts, `crate::facts`),
//! and the memberships of its mentor and mentee that lapse within 60 days — most urgent first.
//!
//! People are named as messages name them: by id only when they consented to publication,
//! else by their part in a relationship ("the mentor of r-2026-003").

mod format;

pub use format::{ics, json, markdown, table};

use crate::dates::add_days;
use crate::facts;
use crate::model::{Person, Records, Relationship, RelationshipFolder};
use chrono::NaiveDate;
use serde::Serialize;
use std::collections::BTreeSet;

/// Memberships expiring within this many days of as-of are listed.
pub const MEMBERSHIP_NOTICE_DAYS: u32 = 60;

#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum DueKind {
    Meeting,
    Evaluation,
    Membership,
}

/// One thing that falls due.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Due {
    #[serde(serialize_with = "as_text")]
    pub due: NaiveDate,
    /// Days from as-of to `due`: negative when overdue.
    pub days: i64,
    pub overdue: bool,
    pub relationship: String,
    pub kind: DueKind,
    /// The quarter an evaluation is due for.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub quarter: Option<String>,
    /// Whose membership: an id when published, else "the mentor of r-…".
    #[serde(skip_serializing_if = "Option::is_none")]
    pub person: Option<String>,
    /// `mentor` or `mentee`, for a membership.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub part: Option<&'static str>,
    /// One line for a person: "next meeting", "2026-Q4 evaluation", "membership of … expires".
    pub what: String,
}

/// Everything due, most urgent first, with the number of active relationships looked at.
#[derive(Debug, Serialize)]
pub struct DueReport {
    #[serde(serialize_with = "as_text")]
    pub as_of: NaiveDate,
    pub active_relationships: usize,
    /// Relationships whose relationship.yaml did not load (`check` names the problems).
    #[serde(skip)]
    pub unreadable: usize,
    pub due: Vec<Due>,
}

/// Dates as `YYYY-MM-DD` strings.
fn as_text<S: serde::Serializer>(date: &NaiveDate, serializer: S) -> Result<S::Ok, S::Error> {
    serializer.collect_str(date)
}

pub fn report(records: &Records, as_of: NaiveDate) -> DueReport {
    let mut out = DueReport {
        as_of,
        active_relationships: 0,
        unreadable: 0,
        due: Vec::new(),
    };
    let mut notified = BTreeSet::new();
    for (id, folder) in &records.relationships {
        let Some(rel) = folder.relationship.as_ref().and_then(|f| f.record.as_ref()) else {
            out.unreadable += 1;
            continue;
        };
        if !facts::running_on(rel, as_of) {
            continue;
        }
        out.active_relationships += 1;
        out.due
            .extend(schedule_items(records, id, rel, folder, as_of));
        for (part, person_id) in [("mentor", &rel.mentor.value), ("mentee", &rel.mentee.value)] {
            if notified.contains(person_id) {
                continue;
            }
            if let Some(item) = membership(records, id, part, person_id, as_of) {
                notified.insert(person_id.clone());
                out.due.push(item);
            }
        }
    }
    out.due.sort_by(|a, b| {
        (a.due, &a.relationship, a.kind, &a.part).cmp(&(b.due, &b.relationship, b.kind, &b.part))
    });
    out
}

fn item(relationship: &str, kind: DueKind, due: NaiveDate, as_of: NaiveDate, what: String) -> Due {
    Due {
        due,
        days: (due - as_of).num_days(),
        overdue: due < as_of,
        relationship: relationship.to_owned(),
        kind,
        quarter: None,
        person: None,
        part: None,
        what,
    }
}

fn schedule_items(
    records: &Records,
    id: &str,
    rel: &Relationship,
    folder: &RelationshipFolder,
    as_of: NaiveDate,
) -> Vec<Due> {
    let params = &records.config.rules;
    let mut items = Vec::new();
    let gap = params.meeting_max_gap_months;
    if let Some(due) = facts::next_meeting_due(rel, folder, gap, as_of) {
        items.push(item(
            id,
            DueKind::Meeting,
            due,
            as_of,
            "next meeting".into(),
        ));
    }
    if let Some(next) = facts::next_evaluation_due(rel, folder, params.evaluation_grace_days) {
        let what = format!("{} evaluation", next.quarter);
        let mut evaluation = item(id, DueKind::Evaluation, next.due, as_of, what);
        evaluation.quarter = Some(next.quarter.to_string());
        items.push(evaluation);
    }
    items
}

fn membership(
    records: &Records,
    relationship: &str,
    part: &'static str,
    person_id: &str,
    as_of: NaiveDate,
) -> Option<Due> {
    let person: &Person = records.people.get(person_id)?.record.as_ref()?;
    let expires = person.membership.as_ref()?.value.expires.value;
    if expires > add_days(as_of, MEMBERSHIP_NOTICE_DAYS) {
        return None;
    }
    let who = if person.publish {
        person_id.to_owned()
    } else {
        format!("the {part} of {relationship}")
    };
    let verb = if expires < as_of {
        "expired"
    } else {
        "expires"
    };
    let what = format!("membership of {who} {verb}");
    let mut due = item(relationship, DueKind::Membership, expires, as_of, what);
    due.person = Some(who);
    due.part = Some(part);
    Some(due)
}
