//! The meeting chain (rules.md, `meeting-cadence`): start → each meeting inside the open
//! period and not after as-of → the earlier of close and as-of, every step at most
//! `meeting_max_gap_months` months. The rule reports its late steps and its overdue end; the
//! dashboard's "next meeting due", `status` and the month-by-month timeline read the same
//! chain, so none of them can disagree with `check`.

use crate::dates::add_months;
use crate::model::{MeetingFile, Relationship, RelationshipFolder, Status};
use chrono::{Datelike, NaiveDate};

/// A relationship's meeting chain as of a day.
#[derive(Debug)]
pub struct Cadence<'a> {
    pub start: NaiveDate,
    /// The earlier of the close date and as-of: where the chain ends.
    pub until: NaiveDate,
    pub gap: u32,
    /// The meetings in the chain, in date order.
    pub meetings: Vec<&'a MeetingFile>,
    /// Meetings held after the previous point's deadline.
    pub late: Vec<Late<'a>>,
    /// The last point of the chain: the last meeting, or the start.
    pub last: NaiveDate,
    /// When the meeting after `last` is due.
    pub next_due: NaiveDate,
}

/// A meeting held after its deadline.
#[derive(Debug)]
pub struct Late<'a> {
    pub meeting: &'a MeetingFile,
    pub previous: NaiveDate,
    pub due: NaiveDate,
}

impl Cadence<'_> {
    /// A meeting is overdue at the chain's end.
    pub fn overdue(&self) -> bool {
        self.until > self.next_due
    }
}

/// The chain, or `None` when there is none: no close date (a dissolution without its
/// block), or a close before the start.
pub fn cadence<'a>(
    rel: &Relationship,
    folder: &'a RelationshipFolder,
    gap: u32,
    as_of: NaiveDate,
) -> Option<Cadence<'a>> {
    let start = rel.start.value;
    let until = super::close(rel)?.min(as_of);
    if until < start {
        return None;
    }
    let meetings: Vec<&MeetingFile> = folder
        .meetings
        .iter()
        .filter(|m| m.date >= start && m.date <= until)
        .collect();
    let mut late = Vec::new();
    let mut previous = start;
    for &meeting in &meetings {
        let due = add_months(previous, gap);
        if meeting.date > due {
            late.push(Late {
                meeting,
                previous,
                due,
            });
        }
        previous = meeting.date;
    }
    Some(Cadence {
        start,
        until,
        gap,
        meetings,
        late,
        last: previous,
        next_due: add_months(previous, gap),
    })
}

/// When the next meeting is due, for a relationship that is active and has started; `None`
/// when no meeting will be due (not active, not started, or due only after it closes).
pub fn next_meeting_due(
    rel: &Relationship,
    folder: &RelationshipFolder,
    gap: u32,
    as_of: NaiveDate,
) -> Option<NaiveDate> {
    next_due(rel, cadence(rel, folder, gap, as_of).as_ref(), as_of)
}

/// `next_meeting_due` from a chain already walked.
pub fn next_due(
    rel: &Relationship,
    chain: Option<&Cadence>,
    as_of: NaiveDate,
) -> Option<NaiveDate> {
    if rel.status.value != Status::Active || rel.start.value > as_of {
        return None;
    }
    let close = super::close(rel)?;
    Some(chain?.next_due).filter(|&due| due <= close)
}

/// A calendar month of a relationship's timeline.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum MonthState {
    /// A meeting of the chain was held that month.
    Met,
    /// A meeting fell due by the month's end and before the chain's end (as-of or the close
    /// date: a meeting due that very day is not yet late, as `meeting-cadence` reads it),
    /// and none was held.
    Missed,
    NotYetDue,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Month {
    /// The month's first day.
    pub first: NaiveDate,
    pub state: MonthState,
    /// Meetings of the chain held that month.
    pub meetings: usize,
}

/// The longest timeline drawn: three years of months.
const MAX_MONTHS: usize = 36;

/// Each calendar month from the start's to the close's, as the meeting chain sees it.
pub fn months(rel: &Relationship, chain: Option<&Cadence>, gap: u32) -> Vec<Month> {
    let start = rel.start.value;
    let close = super::close(rel).unwrap_or(rel.end.value);
    let held: &[&MeetingFile] = chain.map_or(&[], |c| &c.meetings);
    let until = chain.map_or(start, |c| c.until);
    let mut months = Vec::new();
    let mut first = start.with_day(1).unwrap_or(start);
    while first <= close && months.len() < MAX_MONTHS {
        let next = add_months(first, 1);
        let meetings = held
            .iter()
            .filter(|m| m.date >= first && m.date < next)
            .count();
        let previous = held
            .iter()
            .map(|m| m.date)
            .filter(|&d| d < first)
            .max()
            .unwrap_or(start);
        let last_day = next.pred_opt().unwrap_or(next);
        let due = add_months(previous, gap);
        let state = if meetings > 0 {
            MonthState::Met
        } else if chain.is_some() && due <= last_day && due < until {
            MonthState::Missed
        } else {
            MonthState::NotYetDue
        };
        months.push(Month {
            first,
            state,
            meetings,
        });
        first = next;
    }
    months
}
