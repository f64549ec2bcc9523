//! Meeting logs at a monthly cadence and quarterly evaluations. Meetings come 18 to 28 days
//! apart (never more than a month, `meeting-cadence`) from the start until the close or
//! as-of, every one with topics (`mentee-agenda`); every quarter that has ended within the
//! relationship more than the grace period before as-of has its evaluation
//! (`evaluation-missing`), dated within the period (`evaluation-quarter`).

use super::Draft;
use super::lines::Lines;
use super::people::{Person, Pool};
use super::relationships::Plan;
use super::words::{COMMENTS, EXPENSES, MANAGERS, NOTES, TOPICS};
use chrono::{Datelike, Days, Months, NaiveDate};

/// The program's `evaluation_grace_days` (the default: program.toml leaves it out).
const GRACE_DAYS: u64 = 30;

pub(super) fn meetings(draft: &mut Draft, plan: &Plan, base: &str, modes: &[&str]) {
    let last_day = plan.close().min(draft.as_of());
    let mut day = plan.start;
    loop {
        day = day + draft.days(18..=28);
        if day > last_day {
            break;
        }
        meeting(draft, &format!("{base}/meetings/{day}.md"), day, modes);
        if draft.chance(2) {
            meeting(draft, &format!("{base}/meetings/{day}-2.md"), day, modes);
        }
    }
}

fn meeting(draft: &mut Draft, file: &str, day: NaiveDate, modes: &[&str]) {
    let mut lines = Lines::default();
    lines.value(0, "mode", draft.pick(modes));
    if draft.chance(80) {
        lines.value(0, "minutes", draft.pick(&[30, 45, 60, 90]));
    }
    match draft.rng.u32(..100) {
        0..15 => {
            lines
                .value(0, "working_hours", true)
                .open(0, "manager_approval");
            let manager = draft.pick(MANAGERS);
            let manager = draft
                .secrets
                .text("manager", manager, file, "manager_approval.by");
            lines.text(1, "by", &manager);
            lines.value(1, "date", day - draft.days(0..=10));
        }
        15..25 => {
            lines.value(0, "working_hours", false);
        }
        _ => {}
    }
    lines.open(0, "topics");
    for k in 0..draft.rng.usize(1..=3) {
        let topic = draft.pick(TOPICS);
        let topic = draft
            .secrets
            .text("topic", topic, file, &format!("topics[{k}]"));
        lines.item(1, &topic);
    }
    if draft.chance(10) {
        expenses(draft, &mut lines, file);
    }
    let note = draft.pick(NOTES);
    let body = format!("## Notes\n\n{}\n", draft.secrets.body("note", note, file));
    draft.add(file.to_owned(), lines.markdown(&body));
    draft.manifest.meetings += 1;
}

fn expenses(draft: &mut Draft, lines: &mut Lines, file: &str) {
    lines.open(0, "expenses");
    for k in 0..draft.rng.usize(1..=2) {
        let amount = format!(
            "{}.{:02}",
            draft.rng.u32(2..60),
            draft.pick(&[0, 25, 50, 75])
        );
        lines.item_value(1, "amount", amount);
        lines.value(2, "paid_by", draft.pick(&["mentor", "mentee"]));
        if draft.chance(70) {
            let what = draft.pick(EXPENSES);
            let what = draft
                .secrets
                .text("expense", what, file, &format!("expenses[{k}].what"));
            lines.text(2, "what", &what);
        }
    }
}

/// An evaluation for every quarter owed by as-of, and for half of those that have ended
/// but are still within their grace period.
pub(super) fn evaluations(
    draft: &mut Draft,
    plan: &Plan,
    base: &str,
    pool: &Pool,
    mentor: &Person,
) {
    let as_of = draft.as_of();
    for (quarter, last) in quarters(plan.start, plan.close()) {
        let date = if last + Days::new(GRACE_DAYS) < as_of {
            last + draft.days(0..=20)
        } else if last <= as_of && draft.chance(50) {
            let span = (as_of - last).num_days().max(0) as u64;
            last + draft.days(0..=span)
        } else {
            continue;
        };
        let representative = pool.representative_for(draft, mentor);
        evaluation(
            draft,
            &format!("{base}/evaluations/{quarter}.yaml"),
            date,
            representative,
        );
    }
}

fn evaluation(draft: &mut Draft, file: &str, date: NaiveDate, representative: &Person) {
    let mut lines = Lines::default();
    let named = representative.named_in(draft, file, "representative");
    lines
        .value(0, "representative", named)
        .value(0, "date", date);
    lines.value(0, "mentor_participated", true);
    lines.value(0, "mentee_participated", draft.chance(92));
    let rating = draft.pick(&[
        "on-track",
        "on-track",
        "on-track",
        "needs-attention",
        "at-risk",
    ]);
    lines.value(0, "rating", rating);
    if draft.chance(75) {
        let comment = draft.pick(COMMENTS);
        let comment = draft.secrets.text("comment", comment, file, "comments");
        lines.text(0, "comments", &comment);
    }
    draft.add(file.to_owned(), lines.yaml());
    draft.manifest.evaluations += 1;
}

/// Each calendar quarter whose last day lies within start..=close, as (`2026-Q1`, last day).
fn quarters(start: NaiveDate, close: NaiveDate) -> Vec<(String, NaiveDate)> {
    let mut first = NaiveDate::from_ymd_opt(start.year(), start.month0() / 3 * 3 + 1, 1);
    let mut out = Vec::new();
    while let Some(day) = first.filter(|day| *day <= close) {
        let last = day + Months::new(3) - Days::new(1);
        if start <= last && last <= close {
            out.push((format!("{}-Q{}", day.year(), day.month0() / 3 + 1), last));
        }
        first = Some(day + Months::new(3));
    }
    out
}
