//! The numbers behind the dashboard's pictures: meetings per month over the last twelve
//! months, and each relationship's month-by-month timeline. Templates draw the SVG; the
//! geometry is computed here so every template gets the same, tested shapes.

use crate::model::{Records, Relationship, RelationshipFolder};
use crate::rules::dates::add_months;
use crate::schedule::close_of;
use chrono::{Datelike, NaiveDate};
use serde::Serialize;

/// The bar chart's drawing area, in SVG user units.
pub const CHART_HEIGHT: u32 = 160;
const SLOT: u32 = 50;
const BAR: u32 = 36;

#[derive(Debug, Serialize)]
pub struct MonthBar {
    /// `2026-01`.
    pub month: String,
    /// `Jan 2026`.
    pub label: String,
    /// `Jan`.
    pub short: String,
    pub count: usize,
    pub x: u32,
    pub y: u32,
    pub width: u32,
    pub height: u32,
}

fn month_start(date: NaiveDate) -> NaiveDate {
    date.with_day(1).unwrap_or(date)
}

/// Meetings held in each of the twelve months ending with as-of's month.
pub fn meetings_per_month(records: &Records, as_of: NaiveDate) -> Vec<MonthBar> {
    let first = add_months(month_start(as_of), 0)
        .checked_sub_months(chrono::Months::new(11))
        .unwrap_or(NaiveDate::MIN);
    let mut counts = [0usize; 12];
    for folder in records.relationships.values() {
        for meeting in &folder.meetings {
            if meeting.date < first || meeting.date > as_of {
                continue;
            }
            let index = (meeting.date.year() - first.year()) * 12 + meeting.date.month0() as i32
                - first.month0() as i32;
            if let Some(slot) = usize::try_from(index).ok().and_then(|i| counts.get_mut(i)) {
                *slot += 1;
            }
        }
    }
    let max = counts.iter().copied().max().unwrap_or(0).max(1);
    counts
        .iter()
        .enumerate()
        .map(|(i, &count)| {
            let month = add_months(first, i as u32);
            let height = (count as u64 * u64::from(CHART_HEIGHT) / max as u64) as u32;
            MonthBar {
                month: month.format("%Y-%m").to_string(),
                label: month.format("%b %Y").to_string(),
                short: month.format("%b").to_string(),
                count,
                x: i as u32 * SLOT + (SLOT - BAR) / 2,
                y: CHART_HEIGHT - height,
                width: BAR,
                height,
            }
        })
        .collect()
}

#[derive(Debug, Serialize)]
pub struct TimelineMonth {
    pub month: String,
    pub label: String,
    pub short: String,
    /// "met", "missed" or "not-yet-due".
    pub state: &'static str,
    pub meetings: usize,
    pub x: u32,
}

/// Each calendar month of the relationship's period: met (a meeting that month), missed (a
/// meeting fell due by the month's end — within the open period and by as-of — and none was
/// held), or not yet due.
pub fn timeline(
    rel: &Relationship,
    folder: &RelationshipFolder,
    gap: u32,
    as_of: NaiveDate,
) -> Vec<TimelineMonth> {
    let start = rel.start.value;
    let close = close_of(rel).unwrap_or(rel.end.value);
    let until = close.min(as_of);
    let mut months = Vec::new();
    let mut month = month_start(start);
    while month <= close && months.len() < 36 {
        let next = add_months(month, 1);
        let meetings = folder
            .meetings
            .iter()
            .filter(|m| m.date >= month && m.date < next)
            .count();
        let previous = folder
            .meetings
            .iter()
            .map(|m| m.date)
            .filter(|&d| d >= start && d < month)
            .max()
            .unwrap_or(start);
        let last_day = next.pred_opt().unwrap_or(next);
        let due = add_months(previous, gap);
        let state = if meetings > 0 {
            "met"
        } else if due <= last_day.min(until) && month <= until {
            "missed"
        } else {
            "not-yet-due"
        };
        months.push(TimelineMonth {
            month: month.format("%Y-%m").to_string(),
            label: month.format("%B %Y").to_string(),
            short: month.format("%b").to_string(),
            state,
            meetings,
            x: months.len() as u32 * 40,
        });
        month = next;
    }
    months
}
