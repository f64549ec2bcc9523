//! The quarters a relationship must have evaluated (rules.md, `evaluation-missing`): every
//! calendar quarter whose last day falls within the open period, each due by its last day
//! plus `evaluation_grace_days`.

use crate::dates::{Quarter, add_days, quarters_ending_within};
use crate::model::{Relationship, RelationshipFolder, Status};
use chrono::NaiveDate;

/// A quarter to evaluate and the day its evaluation is due by.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct QuarterDue {
    pub quarter: Quarter,
    pub due: NaiveDate,
    /// Whether an evaluation file for the quarter exists (a broken one counts).
    pub evaluated: bool,
}

/// Every quarter due, in order; empty without a close date.
pub fn quarters_due(
    rel: &Relationship,
    folder: &RelationshipFolder,
    grace: u32,
) -> Vec<QuarterDue> {
    let Some(close) = super::close(rel) else {
        return Vec::new();
    };
    quarters_ending_within(rel.start.value, close)
        .into_iter()
        .map(|quarter| QuarterDue {
            quarter,
            due: add_days(quarter.last_day(), grace),
            evaluated: folder.evaluations.iter().any(|e| e.quarter == quarter),
        })
        .collect()
}

/// The earliest quarter of an active relationship without an evaluation.
pub fn next_evaluation_due(
    rel: &Relationship,
    folder: &RelationshipFolder,
    grace: u32,
) -> Option<QuarterDue> {
    if rel.status.value != Status::Active {
        return None;
    }
    quarters_due(rel, folder, grace)
        .into_iter()
        .find(|q| !q.evaluated)
}
