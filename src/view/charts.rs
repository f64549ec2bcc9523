//! The numbers behind the dashboard's pictures: meetings per month over the last twelve
//! months, and each relationship's month-by-month timeline. Templates draw the SVG; the
//! geometry is computed here so every template gets the same, tested shapes.

use crate::dates::{MONTHS, add_months};
use crate::facts::{Month, MonthState};
use crate::model::Records;
use chrono::{Datelike, NaiveDate};
use serde::Serialize;

/// The bar chart's drawing area, in SVG user units.
pub const CHART_HEIGHT: u32 = 160;
const SLOT: u32 = 50;
const BAR: u32 = 36;

#[derive(Debug, PartialEq, Eq, Hash, Serialize)]
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

#[derive(Debug, PartialEq, Eq, Hash, Serialize)]
pub struct TimelineMonth {
    pub month: String,
    pub label: String,
    pub short: String,
    /// "met", "missed" or "not-yet-due".
    pub state: &'static str,
    pub meetings: usize,
    pub x: u32,
}

/// The month-by-month timeline of `crate::facts::months`, placed for drawing.
pub fn timeline(months: &[Month]) -> Vec<TimelineMonth> {
    months
        .iter()
        .enumerate()
        .map(|(i, m)| TimelineMonth {
            month: format!("{}-{:02}", m.first.year(), m.first.month()),
            label: format!("{} {}", MONTHS[m.first.month0() as usize], m.first.year()),
            short: MONTHS[m.first.month0() as usize][..3].to_owned(),
            state: match m.state {
                MonthState::Met => "met",
                MonthState::Missed => "missed",
                MonthState::NotYetDue => "not-yet-due",
            },
            meetings: m.meetings,
            x: i as u32 * 40,
        })
        .collect()
}
