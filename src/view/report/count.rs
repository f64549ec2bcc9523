//! Summing the figures: each relationship adds itself to its cohort's tally from the shared
//! relationship facts (`crate::facts`), and the tallies add up to all cohorts' figures.

use super::{Figures, Median, ModeCount, RatingCount};
use crate::dates::whole_months;
use crate::facts::{self, Lifecycle, MonthState, QuarterDue};
use crate::model::{Choice, Rating, Relationship, RelationshipFolder, RuleParams};
use crate::view::Mode;
use chrono::NaiveDate;

/// Figures being summed: the counts, and the months before each dissolution for the median.
#[derive(Clone, Debug, Default)]
pub(super) struct Tally {
    figures: Figures,
    months_before_dissolving: Vec<u32>,
}

impl Tally {
    pub(super) fn new(params: &RuleParams) -> Tally {
        let mut tally = Tally::default();
        tally.figures.ratings = Rating::CHOICES
            .iter()
            .map(|&(_, rating)| RatingCount { rating, count: 0 })
            .collect();
        tally.figures.modes = params
            .meeting_modes
            .iter()
            .map(|m| Mode::Program(m.clone()))
            .chain([Mode::NotAllowed])
            .map(|mode| ModeCount {
                allowed: mode != Mode::NotAllowed,
                mode,
                count: 0,
            })
            .collect();
        tally
    }

    pub(super) fn add(&mut self, other: &Tally) {
        let (f, o) = (&mut self.figures, &other.figures);
        for (mine, theirs) in [
            (&mut f.relationships, o.relationships),
            (&mut f.completed, o.completed),
            (&mut f.dissolved, o.dissolved),
            (&mut f.dissolutions_dated, o.dissolutions_dated),
            (&mut f.active, o.active),
            (&mut f.upcoming, o.upcoming),
            (&mut f.months_met.part, o.months_met.part),
            (&mut f.months_met.whole, o.months_met.whole),
            (&mut f.evaluations_on_time.part, o.evaluations_on_time.part),
            (
                &mut f.evaluations_on_time.whole,
                o.evaluations_on_time.whole,
            ),
            (&mut f.evaluations_late, o.evaluations_late),
            (&mut f.evaluations_unreadable, o.evaluations_unreadable),
            (&mut f.evaluations_missing, o.evaluations_missing),
            (&mut f.meetings, o.meetings),
            (&mut f.meetings_unreadable, o.meetings_unreadable),
        ] {
            *mine += theirs;
        }
        for (mine, theirs) in f.ratings.iter_mut().zip(&o.ratings) {
            mine.count += theirs.count;
        }
        for (mine, theirs) in f.modes.iter_mut().zip(&o.modes) {
            mine.count += theirs.count;
        }
        self.months_before_dissolving
            .extend_from_slice(&other.months_before_dissolving);
    }

    pub(super) fn finish(mut self) -> Figures {
        self.figures.started = self.figures.relationships - self.figures.upcoming;
        self.figures.median_months_before_dissolving =
            Median::of(&mut self.months_before_dissolving);
        self.figures
    }
}

impl Tally {
    /// Adds one relationship to its cohort's figures.
    pub(super) fn count(
        &mut self,
        rel: &Relationship,
        folder: &RelationshipFolder,
        params: &RuleParams,
        as_of: NaiveDate,
    ) {
        let f = &mut self.figures;
        f.relationships += 1;
        match facts::lifecycle(rel, as_of) {
            Lifecycle::Upcoming => f.upcoming += 1,
            Lifecycle::Active => f.active += 1,
            Lifecycle::Completed => f.completed += 1,
            Lifecycle::Dissolved => {
                f.dissolved += 1;
                if let Some(close) = facts::close(rel) {
                    f.dissolutions_dated += 1;
                    self.months_before_dissolving
                        .push(whole_months(rel.start.value, close));
                }
            }
        }
        self.count_months(rel, folder, params.meeting_max_gap_months, as_of);
        self.count_evaluations(rel, folder, params.evaluation_grace_days, as_of);
        self.count_meetings(folder, params, as_of);
    }

    /// The timeline's months: met or missed ones are due.
    fn count_months(
        &mut self,
        rel: &Relationship,
        folder: &RelationshipFolder,
        gap: u32,
        as_of: NaiveDate,
    ) {
        let chain = facts::cadence(rel, folder, gap, as_of);
        for month in facts::months(rel, chain.as_ref(), gap) {
            let share = &mut self.figures.months_met;
            match month.state {
                MonthState::Met => {
                    share.part += 1;
                    share.whole += 1;
                }
                MonthState::Missed => share.whole += 1,
                MonthState::NotYetDue => {}
            }
        }
    }

    /// The quarters due by as-of, each on time, late, unreadable or missing; and the ratings
    /// given by as-of.
    fn count_evaluations(
        &mut self,
        rel: &Relationship,
        folder: &RelationshipFolder,
        grace: u32,
        as_of: NaiveDate,
    ) {
        let f = &mut self.figures;
        for quarter in facts::quarters_due(rel, folder, grace) {
            if quarter.due > as_of {
                continue;
            }
            f.evaluations_on_time.whole += 1;
            match evaluated(folder, quarter) {
                Evaluated::OnTime => f.evaluations_on_time.part += 1,
                Evaluated::Late => f.evaluations_late += 1,
                Evaluated::Unreadable => f.evaluations_unreadable += 1,
                Evaluated::Missing => f.evaluations_missing += 1,
            }
        }
        let given = folder
            .evaluations
            .iter()
            .filter_map(|e| e.loaded.record.as_ref())
            .filter(|e| e.date.value <= as_of);
        for evaluation in given {
            if let Some(slot) = f
                .ratings
                .iter_mut()
                .find(|r| r.rating == evaluation.rating.value)
            {
                slot.count += 1;
            }
        }
    }

    /// The meetings logged by as-of, by mode.
    fn count_meetings(
        &mut self,
        folder: &RelationshipFolder,
        params: &RuleParams,
        as_of: NaiveDate,
    ) {
        let f = &mut self.figures;
        for meeting in folder.meetings.iter().filter(|m| m.date <= as_of) {
            f.meetings += 1;
            let Some(record) = &meeting.loaded.record else {
                f.meetings_unreadable += 1;
                continue;
            };
            let mode = Mode::of(&record.mode.value, params);
            if let Some(slot) = f.modes.iter_mut().find(|m| m.mode == mode) {
                slot.count += 1;
            }
        }
    }
}

/// How a quarter due was evaluated.
#[derive(Debug, PartialEq, Eq)]
enum Evaluated {
    /// An evaluation dated on or before the due date.
    OnTime,
    /// Evaluated, but dated after the due date.
    Late,
    /// An evaluation file that could not be read: its date is not known.
    Unreadable,
    Missing,
}

fn evaluated(folder: &RelationshipFolder, quarter: QuarterDue) -> Evaluated {
    let files: Vec<_> = folder
        .evaluations
        .iter()
        .filter(|e| e.quarter == quarter.quarter)
        .collect();
    let dates: Vec<NaiveDate> = files
        .iter()
        .filter_map(|e| e.loaded.record.as_ref().map(|r| r.date.value))
        .collect();
    if dates.iter().any(|&d| d <= quarter.due) {
        Evaluated::OnTime
    } else if !dates.is_empty() {
        Evaluated::Late
    } else if !files.is_empty() {
        Evaluated::Unreadable
    } else {
        Evaluated::Missing
    }
}
