//! What is due next for a relationship: its next meeting and its next evaluation. Shared by
//! the dashboard (and the coordinator's `status`), computed with the rules' own arithmetic.

use crate::model::{Quarter, Relationship};
use crate::model::{RelationshipFolder, RuleParams, Status};
use crate::rules::dates::{add_days, add_months, quarters_ending_within};
use chrono::NaiveDate;

/// The open period of a relationship: start to close (dissolution date, else end).
pub fn close_of(rel: &Relationship) -> Option<NaiveDate> {
    match (rel.status.value, &rel.dissolution) {
        (Status::Dissolved, Some(d)) => Some(d.value.date.value),
        (Status::Dissolved, None) => None,
        _ => Some(rel.end.value),
    }
}

/// The last meeting on or before `as_of` within the open period.
pub fn last_meeting(
    rel: &Relationship,
    folder: &RelationshipFolder,
    as_of: NaiveDate,
) -> Option<NaiveDate> {
    let close = close_of(rel).unwrap_or(rel.end.value);
    folder
        .meetings
        .iter()
        .map(|m| m.date)
        .filter(|&d| d >= rel.start.value && d <= close && d <= as_of)
        .max()
}

/// When the next meeting is due, for a relationship that is active and has started; `None`
/// when no meeting will be due (not active, not started, or already closed).
pub fn next_meeting_due(
    rel: &Relationship,
    folder: &RelationshipFolder,
    params: &RuleParams,
    as_of: NaiveDate,
) -> Option<NaiveDate> {
    let close = close_of(rel)?;
    if rel.status.value != Status::Active || rel.start.value > as_of {
        return None;
    }
    let previous = last_meeting(rel, folder, as_of).unwrap_or(rel.start.value);
    let due = add_months(previous, params.meeting_max_gap_months);
    (due <= close).then_some(due)
}

/// The earliest quarter without an evaluation, and the day its evaluation is due by.
pub fn next_evaluation_due(
    rel: &Relationship,
    folder: &RelationshipFolder,
    params: &RuleParams,
) -> Option<(Quarter, NaiveDate)> {
    if rel.status.value != Status::Active {
        return None;
    }
    let close = close_of(rel)?;
    quarters_ending_within(rel.start.value, close)
        .into_iter()
        .find(|q| !folder.evaluations.iter().any(|e| e.quarter == *q))
        .map(|q| (q, add_days(q.last_day(), params.evaluation_grace_days)))
}
