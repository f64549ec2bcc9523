//! What a relationship's records mean, computed in one place: its close date, whether it is
//! open or running on a day, the meeting chain and what it makes due, the quarters that need
//! an evaluation, a mentor's experience and eligibility on a day, and a relationship's
//! standing. The rules, the dashboard's view, `status`, `match` and `check --base` all ask
//! here, so the dashboard cannot contradict `check`.
//!
//! Plain functions over the model; no diagnostics, no I/O.

mod evaluations;
mod meetings;
mod people;
mod standing;

pub use evaluations::{QuarterDue, next_evaluation_due, quarters_due};
pub use meetings::{Cadence, Late, Month, MonthState, cadence, months, next_due, next_meeting_due};
pub use people::{eligible_mentor_on, experience_reached, member_on};
pub use standing::{Standing, standing};

use crate::model::{Relationship, Status};
use chrono::NaiveDate;

/// The dissolution date when dissolved, else `end`; `None` for a dissolved relationship
/// without its `dissolution` block (what needs the close date skips it).
pub fn close(rel: &Relationship) -> Option<NaiveDate> {
    match (rel.status.value, &rel.dissolution) {
        (Status::Dissolved, Some(d)) => Some(d.value.date.value),
        (Status::Dissolved, None) => None,
        _ => Some(rel.end.value),
    }
}

/// Open on `day`: from `start` to the close date, both included (rules.md, "Dates").
pub fn open_on(rel: &Relationship, day: NaiveDate) -> bool {
    rel.start.value <= day && close(rel).is_some_and(|close| day <= close)
}

/// Running on `day`: `status: active` and open on that day. What `mentor-capacity` counts,
/// what `status` lists and what the mentors page calls an active mentee.
pub fn running_on(rel: &Relationship, day: NaiveDate) -> bool {
    rel.status.value == Status::Active && open_on(rel, day)
}

/// Where a relationship is in its life on as-of, as the dashboard counts it.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, serde::Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Lifecycle {
    /// `active`, starting after as-of.
    Upcoming,
    /// `active` and started (its end may have passed: rule `status` says so).
    Active,
    Completed,
    Dissolved,
}

pub fn lifecycle(rel: &Relationship, as_of: NaiveDate) -> Lifecycle {
    match rel.status.value {
        Status::Active if rel.start.value > as_of => Lifecycle::Upcoming,
        Status::Active => Lifecycle::Active,
        Status::Completed => Lifecycle::Completed,
        Status::Dissolved => Lifecycle::Dissolved,
    }
}
