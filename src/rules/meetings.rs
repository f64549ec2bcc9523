//! Meetings: at least as often as the program requires (the shared meeting chain,
//! `crate::facts::cadence`), in an allowed mode, within the relationship, in working hours
//! only with prior approval, at the participants' expense, and with topics the mentee
//! prepared.

use super::{Context, Pair, Rule};
use crate::diagnostics::Kind;
use crate::facts;
use crate::model::{Meeting, MeetingFile};
use chrono::NaiveDate;

pub fn check(cx: &mut Context) {
    for pair in cx.pairs().collect::<Vec<_>>() {
        let close = pair.close();
        for meeting in &pair.folder.meetings {
            date(cx, &pair, close, meeting);
            if let Some(record) = &meeting.loaded.record {
                contents(cx, &pair, meeting, record);
            }
        }
        cadence(cx, &pair);
    }
}

/// `meeting-date`: within the open period and not after as-of.
fn date(cx: &mut Context, pair: &Pair, close: Option<NaiveDate>, meeting: &MeetingFile) {
    let (day, start) = (meeting.date, pair.start());
    let kind = if day < start {
        Kind::MeetingBeforeStart { day, start }
    } else if let Some(close) = close.filter(|&close| day > close) {
        Kind::MeetingAfterClose { day, close }
    } else if day > cx.as_of {
        Kind::MeetingAfterAsOf {
            day,
            as_of: cx.as_of,
        }
    } else {
        return;
    };
    cx.report_file(Rule::MeetingDate, &meeting.loaded.place, pair.id, kind);
}

fn contents(cx: &mut Context, pair: &Pair, meeting: &MeetingFile, record: &Meeting) {
    let place = &meeting.loaded.place;
    let day = meeting.date;
    let allowed = &cx.params.meeting_modes;
    if !allowed.contains(&record.mode.value) {
        let kind = Kind::ModeNotAllowed {
            in_agreement: false,
            typed: record.mode.value.clone(),
            allowed: allowed.clone(),
        };
        cx.report(Rule::MeetingMode, place, record.mode.at, pair.id, kind)
            .key = Some("mode");
    }
    if let Some(working) = record.working_hours.as_ref().filter(|w| w.value) {
        match &record.manager_approval {
            None => {
                let kind = Kind::NoApproval { day };
                cx.report(Rule::WorkingHoursApproval, place, working.at, pair.id, kind)
                    .key = Some("working_hours");
            }
            Some(approval) if approval.value.date.value > day => {
                let kind = Kind::ApprovedAfter {
                    approved: approval.value.date.value,
                    day,
                };
                cx.report(
                    Rule::WorkingHoursApproval,
                    place,
                    approval.at,
                    pair.id,
                    kind,
                )
                .key = Some("manager_approval");
            }
            Some(_) => {}
        }
    }
    for expense in &record.expenses {
        if !matches!(expense.paid_by.value.as_str(), "mentor" | "mentee") {
            let at = expense.paid_by.at;
            cx.report(Rule::Expenses, place, at, pair.id, Kind::PaidByOther)
                .key = Some("expenses.paid_by");
        }
    }
    if record.topics.is_empty() {
        cx.report_file(Rule::MenteeAgenda, place, pair.id, Kind::NoTopics { day });
    }
}

/// `meeting-cadence`: each late step of the chain on its meeting's file, and an overdue end
/// on relationship.yaml.
fn cadence(cx: &mut Context, pair: &Pair) {
    let gap = cx.params.meeting_max_gap_months;
    let Some(chain) = facts::cadence(pair.record, pair.folder, gap, cx.as_of) else {
        return;
    };
    for late in &chain.late {
        let kind = Kind::LateMeeting {
            previous: late.previous,
            day: late.meeting.date,
            due: late.due,
            gap,
        };
        cx.report_file(
            Rule::MeetingCadence,
            &late.meeting.loaded.place,
            pair.id,
            kind,
        );
    }
    if chain.overdue() {
        let kind = Kind::MeetingOverdue {
            previous: chain.last,
            since_start: chain.last == chain.start,
            due: chain.next_due,
            gap,
        };
        cx.report_file(Rule::MeetingCadence, pair.place, pair.id, kind);
    }
}
