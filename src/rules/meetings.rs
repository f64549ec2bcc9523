//! Meetings: at least as often as the program requires, in an allowed mode, within the
//! relationship, in working hours only with prior approval, at the participants' expense,
//! and with topics the mentee prepared.

use super::dates::add_months;
use super::{Context, Pair, Rule};
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
        if let Some(close) = close {
            cadence(cx, &pair, close);
        }
    }
}

/// `meeting-date`: within the open period and not after as-of.
fn date(cx: &mut Context, pair: &Pair, close: Option<NaiveDate>, meeting: &MeetingFile) {
    let (day, start) = (meeting.date, pair.start());
    let message = if day < start {
        format!("the meeting on {day} is before the relationship starts on {start}")
    } else if let Some(close) = close.filter(|&close| day > close) {
        format!("the meeting on {day} is after the relationship closed on {close}")
    } else if day > cx.as_of {
        format!(
            "the meeting on {day} is after {}: record meetings once they have taken place",
            cx.as_of
        )
    } else {
        return;
    };
    cx.report_file(Rule::MeetingDate, &meeting.loaded.file, pair.id, message)
        .help("check the date in the file name, or the relationship's dates");
}

fn contents(cx: &mut Context, pair: &Pair, meeting: &MeetingFile, record: &Meeting) {
    let file = &meeting.loaded.file;
    let allowed = &cx.params.meeting_modes;
    if !allowed.contains(&record.mode.value) {
        cx.report(
            Rule::MeetingMode,
            file,
            record.mode.at,
            pair.id,
            format!(
                "`{}` is not one of the program's meeting modes ({})",
                record.mode.value,
                allowed.join(", ")
            ),
        )
        .help("use one of the program's modes");
    }
    if let Some(working) = record.working_hours.as_ref().filter(|w| w.value) {
        match &record.manager_approval {
            None => {
                cx.report(
                    Rule::WorkingHoursApproval,
                    file,
                    working.at,
                    pair.id,
                    format!(
                        "the meeting on {} was in working hours without a manager's approval",
                        meeting.date
                    ),
                )
                .help("add `manager_approval:` with `by` and `date` (on or before the meeting)");
            }
            Some(approval) if approval.value.date.value > meeting.date => {
                cx.report(
                    Rule::WorkingHoursApproval,
                    file,
                    approval.at,
                    pair.id,
                    format!(
                        "the manager approved on {}, after the meeting on {}: approval comes first",
                        approval.value.date.value, meeting.date
                    ),
                )
                .help("working-hours meetings need approval on or before the meeting day");
            }
            Some(_) => {}
        }
    }
    for expense in &record.expenses {
        if !matches!(expense.paid_by.value.as_str(), "mentor" | "mentee") {
            cx.report(
                Rule::Expenses,
                file,
                expense.paid_by.at,
                pair.id,
                "an expense must be paid by the mentor or the mentee: the participants bear expenses, not the committee or the program".into(),
            )
            .help("set `paid_by: mentor` or `paid_by: mentee`");
        }
    }
    if record.topics.is_empty() {
        cx.report_file(
            Rule::MenteeAgenda,
            file,
            pair.id,
            format!("the meeting on {} lists no topics", meeting.date),
        )
        .help("add `topics:` with the issues, questions or scenarios the mentee prepared");
    }
}

/// `meeting-cadence`: walk start → meetings → min(close, as-of), each step at most
/// `meeting_max_gap_months` months.
fn cadence(cx: &mut Context, pair: &Pair, close: NaiveDate) {
    let (start, gap) = (pair.start(), cx.params.meeting_max_gap_months);
    let until = close.min(cx.as_of);
    if until < start {
        return;
    }
    let mut previous = start;
    for meeting in &pair.folder.meetings {
        if meeting.date < start || meeting.date > until {
            continue;
        }
        let due = add_months(previous, gap);
        if meeting.date > due {
            cx.report_file(
                Rule::MeetingCadence,
                &meeting.loaded.file,
                pair.id,
                format!(
                    "no meeting between {previous} and {}: the next meeting was due by {due}",
                    meeting.date
                ),
            )
            .help(format!("meet at least every {}", months(gap)));
        }
        previous = meeting.date;
    }
    let due = add_months(previous, gap);
    if until > due {
        let since = if previous == start {
            format!("since the relationship started on {start}")
        } else {
            format!("since {previous}")
        };
        cx.report_file(
            Rule::MeetingCadence,
            pair.file,
            pair.id,
            format!("no meeting {since}: the next meeting was due by {due}"),
        )
        .help(format!(
            "record the meetings held, or meet: at least every {}",
            months(gap)
        ));
    }
}

fn months(n: u32) -> String {
    if n == 1 {
        "month".into()
    } else {
        format!("{n} months")
    }
}
