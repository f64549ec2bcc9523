//! A relationship's own dates: how long it lasts, whether its status agrees with them, and
//! how a dissolution is recorded.

use super::dates::add_months;
use super::{Context, Pair, Rule};
use crate::model::Status;

pub fn check(cx: &mut Context) {
    for pair in cx.pairs().collect::<Vec<_>>() {
        duration(cx, &pair);
        status(cx, &pair);
        dissolution(cx, &pair);
    }
}

fn duration(cx: &mut Context, pair: &Pair) {
    let (start, end) = (pair.start(), &pair.record.end);
    let months = cx.params.max_relationship_months;
    let latest = add_months(start, months);
    let message = if end.value < start {
        format!(
            "the relationship ends on {} before it starts on {start}",
            end.value
        )
    } else if end.value > latest {
        format!(
            "the relationship runs from {start} to {}, longer than the program's {months} months: it must end by {latest}",
            end.value
        )
    } else {
        return;
    };
    cx.report(Rule::Duration, pair.file, end.at, pair.id, message)
        .help(format!("set `end` between {start} and {latest}"));
}

fn status(cx: &mut Context, pair: &Pair) {
    let rel = pair.record;
    let (start, end, as_of) = (pair.start(), rel.end.value, cx.as_of);
    let (message, help) = match rel.status.value {
        Status::Active if as_of > end => (
            format!("the relationship is `active` but ended on {end}, before {as_of}"),
            "set `status: completed` (or `dissolved`), or correct `end`",
        ),
        Status::Completed if end > as_of => (
            format!("the relationship is `completed` but its end, {end}, is after {as_of}"),
            "if it ended early, set `end` to the day it ended; if it was dissolved, record a dissolution",
        ),
        Status::Completed | Status::Dissolved if start > as_of => (
            format!(
                "the relationship starts on {start}, after {as_of}, so it cannot be `{}` yet",
                if rel.status.value == Status::Completed {
                    "completed"
                } else {
                    "dissolved"
                }
            ),
            "a relationship that has not started yet is `active`",
        ),
        _ => return,
    };
    cx.report(Rule::Status, pair.file, rel.status.at, pair.id, message)
        .help(help);
}

fn dissolution(cx: &mut Context, pair: &Pair) {
    let rel = pair.record;
    let block = match (rel.status.value, &rel.dissolution) {
        (Status::Dissolved, None) => {
            cx.report(
                Rule::Dissolution,
                pair.file,
                rel.status.at,
                pair.id,
                "the relationship is `dissolved` but has no `dissolution` block".into(),
            )
            .help(
                "add `dissolution:` with `date`, `by` (mentor or mentee) and `committee_contacted`",
            );
            return;
        }
        (Status::Dissolved, Some(block)) => &block.value,
        (_, Some(block)) => {
            cx.report(
                Rule::Dissolution,
                pair.file,
                block.at,
                pair.id,
                "a `dissolution` block on a relationship whose status is not `dissolved`".into(),
            )
            .help("set `status: dissolved`, or remove the block");
            return;
        }
        (_, None) => return,
    };
    let (start, end, date) = (pair.start(), rel.end.value, block.date.value);
    if date < start || date > end {
        cx.report(
            Rule::Dissolution,
            pair.file,
            block.date.at,
            pair.id,
            format!("the dissolution date {date} is outside the relationship, {start} to {end}"),
        )
        .help("the dissolution date is the day the relationship ended");
    }
    let contacted = &block.committee_contacted;
    if contacted.value > date {
        cx.report(
            Rule::Dissolution,
            pair.file,
            contacted.at,
            pair.id,
            format!(
                "the mentoring committee was contacted on {}, after the dissolution on {date}: it is contacted first",
                contacted.value
            ),
        )
        .help("record when the committee was first contacted, on or before the dissolution date");
    }
}
