//! The report's two pictures, placed for drawing: each cohort's outcome as a stacked bar
//! (completed, dissolved, active, upcoming), and how regularly its pairs met and its
//! evaluations came in on time, as shares of what was due. The templates draw the SVG from
//! these shapes; every number drawn is also in the table beside the chart.

use super::{Cohort, Share};
use crate::facts::Lifecycle;
use serde::Serialize;

/// The outcome chart's width, in SVG user units.
const OUTCOME_WIDTH: u32 = 440;
/// Room for the cohort's year, left of its bar.
const YEAR_COLUMN: u32 = 48;
/// The longest bar: the largest cohort.
const OUTCOME_AREA: u32 = 330;
const ROW: u32 = 36;
const BAR: u32 = 24;
/// A count is written inside its segment when this many units per digit (and a margin) fit.
const DIGIT: u32 = 9;

#[derive(Debug, PartialEq, Serialize)]
pub struct OutcomeChart {
    pub width: u32,
    pub height: u32,
    pub rows: Vec<OutcomeRow>,
}

/// One cohort's bar.
#[derive(Debug, PartialEq, Serialize)]
pub struct OutcomeRow {
    pub year: i32,
    /// The bar's top.
    pub y: u32,
    /// The baseline of the row's text.
    pub text_y: u32,
    pub total: usize,
    /// Where the total is written, after the bar.
    pub total_x: u32,
    /// Completed, dissolved, active, upcoming: those with any relationship.
    pub segments: Vec<Segment>,
}

#[derive(Debug, PartialEq, Serialize)]
pub struct Segment {
    pub outcome: Lifecycle,
    pub count: usize,
    pub x: u32,
    pub width: u32,
    /// The segment's middle, where its count is written.
    pub middle: u32,
    /// Whether the count fits inside the segment (else only the table and the description
    /// give it).
    pub labelled: bool,
}

/// The bars of every cohort, all on one scale: the largest cohort fills the width.
pub fn outcomes(cohorts: &[Cohort]) -> OutcomeChart {
    let largest = cohorts
        .iter()
        .map(|c| c.figures.relationships)
        .max()
        .unwrap_or(0)
        .max(1);
    let at = |count: usize| YEAR_COLUMN + (count * OUTCOME_AREA as usize / largest) as u32;
    let rows = cohorts
        .iter()
        .enumerate()
        .map(|(i, cohort)| {
            let f = &cohort.figures;
            let y = 4 + i as u32 * ROW;
            let mut before = 0;
            let mut segments = Vec::new();
            for (outcome, count) in [
                (Lifecycle::Completed, f.completed),
                (Lifecycle::Dissolved, f.dissolved),
                (Lifecycle::Active, f.active),
                (Lifecycle::Upcoming, f.upcoming),
            ] {
                if count == 0 {
                    continue;
                }
                let (x, end) = (at(before), at(before + count));
                let digits = count.to_string().len() as u32;
                segments.push(Segment {
                    outcome,
                    count,
                    x,
                    width: end - x,
                    middle: (x + end) / 2,
                    labelled: end - x >= DIGIT * digits + 8,
                });
                before += count;
            }
            OutcomeRow {
                year: cohort.year,
                y,
                text_y: y + BAR / 2 + 5,
                total: f.relationships,
                total_x: at(before) + 8,
                segments,
            }
        })
        .collect();
    OutcomeChart {
        width: OUTCOME_WIDTH,
        height: 8 + cohorts.len() as u32 * ROW,
        rows,
    }
}

/// The regularity chart's width; its bars are `TRACK` long at 100 %.
const REGULARITY_WIDTH: u32 = 440;
const TRACK: u32 = 360;
/// A cohort's block: its year, then one caption and bar per measure, then a gap.
const HEADER: u32 = 24;
const MEASURE: u32 = 44;
const GAP: u32 = 12;
const SHARE_BAR: u32 = 16;

/// What a share bar measures.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Measure {
    /// Months met of months due.
    Meetings,
    /// Evaluations on time of quarters due.
    Evaluations,
}

#[derive(Debug, PartialEq, Serialize)]
pub struct RegularityChart {
    pub width: u32,
    pub height: u32,
    /// The length of a bar at 100 %.
    pub track: u32,
    pub groups: Vec<RegularityGroup>,
}

#[derive(Debug, PartialEq, Serialize)]
pub struct RegularityGroup {
    pub year: i32,
    /// The baseline of the cohort's year.
    pub y: u32,
    pub bars: Vec<ShareBar>,
}

#[derive(Debug, PartialEq, Serialize)]
pub struct ShareBar {
    pub measure: Measure,
    pub part: usize,
    pub whole: usize,
    pub percent: Option<u32>,
    /// The baseline of the caption above the bar ("Months met: 10 of 12").
    pub caption_y: u32,
    /// The bar's top, and its length (0 when nothing was due).
    pub y: u32,
    pub width: u32,
    /// The baseline of the percentage, written after the track.
    pub percent_y: u32,
}

/// Each cohort's months met and evaluations on time, as bars of one 0–100 % scale.
pub fn regularity(cohorts: &[Cohort]) -> RegularityChart {
    let block = HEADER + 2 * MEASURE + GAP;
    let groups = cohorts
        .iter()
        .enumerate()
        .map(|(i, cohort)| {
            let top = i as u32 * block;
            let f = &cohort.figures;
            let bars = [
                (Measure::Meetings, f.months_met),
                (Measure::Evaluations, f.evaluations_on_time),
            ]
            .into_iter()
            .enumerate()
            .map(|(j, (measure, share))| {
                share_bar(measure, share, top + HEADER + j as u32 * MEASURE)
            })
            .collect();
            RegularityGroup {
                year: cohort.year,
                y: top + 16,
                bars,
            }
        })
        .collect();
    RegularityChart {
        width: REGULARITY_WIDTH,
        height: (cohorts.len() as u32 * block).saturating_sub(GAP) + 4,
        track: TRACK,
        groups,
    }
}

fn share_bar(measure: Measure, share: Share, top: u32) -> ShareBar {
    let width = match share.whole {
        0 => 0,
        whole => (share.part.min(whole) * TRACK as usize / whole) as u32,
    };
    let y = top + 20;
    ShareBar {
        measure,
        part: share.part,
        whole: share.whole,
        percent: share.percent(),
        caption_y: top + 14,
        y,
        width,
        percent_y: y + SHARE_BAR - 3,
    }
}
