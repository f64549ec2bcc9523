//! The program report for the association's board (`report/index.html`, `report.csv`): for
//! each cohort — the relationships that started in one year — how many started, completed,
//! dissolved (and after how many months) and are still running; how regularly pairs met and
//! evaluations came in on time; the ratings given and the meeting modes used.
//!
//! Counts only: no person, no relationship id. Every figure is the shared relationship facts'
//! own arithmetic (`crate::facts`), summed, so the report cannot disagree with `check` or the
//! relationship pages.

mod charts;
mod count;

pub use charts::{OutcomeChart, OutcomeRow, RegularityChart, Segment, ShareBar};

use super::Mode;
use crate::model::{Rating, Records};
use chrono::{Datelike, NaiveDate};
use count::Tally;
use serde::{Serialize, Serializer};
use std::collections::BTreeMap;

/// The whole report.
#[derive(Debug, PartialEq, Serialize)]
pub struct Report {
    /// One per start year, earliest first.
    pub cohorts: Vec<Cohort>,
    /// Every cohort together.
    pub all: Figures,
    /// Relationships whose relationship.yaml did not load: their start year is not known.
    pub unplaced: usize,
    pub outcomes_chart: OutcomeChart,
    pub regularity_chart: RegularityChart,
    /// The program's rules the figures count by, for the page's explanation.
    pub meeting_max_gap_months: u32,
    pub evaluation_grace_days: u32,
}

/// The relationships that started in one year.
#[derive(Debug, PartialEq, Serialize)]
pub struct Cohort {
    pub year: i32,
    #[serde(flatten)]
    pub figures: Figures,
}

/// The figures of a cohort (or of all of them).
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
pub struct Figures {
    /// Every relationship of the cohort, upcoming ones included.
    pub relationships: usize,
    /// Those that have started by as-of: completed + dissolved + active.
    pub started: usize,
    pub completed: usize,
    pub dissolved: usize,
    /// Whole months from start to the dissolution date, the median over the dissolved
    /// relationships whose dissolution date is recorded.
    pub median_months_before_dissolving: Option<Median>,
    /// The dissolved relationships the median is taken over.
    pub dissolutions_dated: usize,
    pub active: usize,
    pub upcoming: usize,
    /// Months met out of months due (a month is due when it was met or missed).
    pub months_met: Share,
    /// Evaluations dated on or before their due date, out of the quarters due by as-of.
    pub evaluations_on_time: Share,
    /// Quarters due whose evaluation is dated after its due date.
    pub evaluations_late: usize,
    /// Quarters due whose evaluation file exists but could not be read (its date unknown).
    pub evaluations_unreadable: usize,
    /// Quarters due with no evaluation file.
    pub evaluations_missing: usize,
    /// Ratings of the evaluations dated on or before as-of, one per allowed rating.
    pub ratings: Vec<RatingCount>,
    /// Meetings logged on or before as-of.
    pub meetings: usize,
    /// One per program mode (program.toml's order), then the modes the program does not allow.
    pub modes: Vec<ModeCount>,
    /// Meeting logs that could not be read, so their mode is not known.
    pub meetings_unreadable: usize,
}

#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct RatingCount {
    pub rating: Rating,
    pub count: usize,
}

#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct ModeCount {
    pub mode: Mode,
    /// One of the program's modes (false for the neutral label).
    pub allowed: bool,
    pub count: usize,
}

/// `part` out of `whole`, with the share in whole per cent (`None` when nothing was due).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Share {
    pub part: usize,
    pub whole: usize,
}

impl Share {
    /// Rounded half up: 5 of 8 is 63 %.
    pub fn percent(self) -> Option<u32> {
        let whole = self.whole as u64;
        (whole > 0).then(|| ((self.part as u64 * 200 + whole) / (2 * whole)) as u32)
    }
}

impl Serialize for Share {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeStruct;
        let mut s = serializer.serialize_struct("Share", 3)?;
        s.serialize_field("part", &self.part)?;
        s.serialize_field("whole", &self.whole)?;
        s.serialize_field("percent", &self.percent())?;
        s.end()
    }
}

/// A median of whole months, which is a whole or a half month; kept in half months so that
/// it prints exactly ("4", "4.5").
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Median {
    pub half_months: u32,
}

impl Median {
    /// The median of `months` (sorted here), `None` when empty.
    fn of(months: &mut [u32]) -> Option<Median> {
        months.sort_unstable();
        let n = months.len();
        let middle = |i: usize| months.get(i).copied();
        let half_months = match n {
            0 => return None,
            _ if n % 2 == 1 => middle(n / 2)? * 2,
            _ => middle(n / 2 - 1)? + middle(n / 2)?,
        };
        Some(Median { half_months })
    }
}

impl std::fmt::Display for Median {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self.half_months % 2 {
            0 => write!(f, "{}", self.half_months / 2),
            _ => write!(f, "{}.5", self.half_months / 2),
        }
    }
}

/// A number in templates and JSON: `4` or `4.5`.
impl Serialize for Median {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        match self.half_months % 2 {
            0 => serializer.serialize_u32(self.half_months / 2),
            _ => serializer.serialize_f64(f64::from(self.half_months) / 2.0),
        }
    }
}

/// The report on `records` as of `as_of`.
pub fn build(records: &Records, as_of: NaiveDate) -> Report {
    let params = &records.config.rules;
    let mut cohorts: BTreeMap<i32, Tally> = BTreeMap::new();
    let mut unplaced = 0;
    for folder in records.relationships.values() {
        let Some(rel) = folder.relationship.as_ref().and_then(|f| f.record.as_ref()) else {
            unplaced += 1;
            continue;
        };
        cohorts
            .entry(rel.start.value.year())
            .or_insert_with(|| Tally::new(params))
            .count(rel, folder, params, as_of);
    }
    let mut all = Tally::new(params);
    for tally in cohorts.values() {
        all.add(tally);
    }
    let cohorts: Vec<Cohort> = cohorts
        .into_iter()
        .map(|(year, tally)| Cohort {
            year,
            figures: tally.finish(),
        })
        .collect();
    Report {
        outcomes_chart: charts::outcomes(&cohorts),
        regularity_chart: charts::regularity(&cohorts),
        cohorts,
        all: all.finish(),
        unplaced,
        meeting_max_gap_months: params.meeting_max_gap_months,
        evaluation_grace_days: params.evaluation_grace_days,
    }
}

#[cfg(test)]
mod tests;
