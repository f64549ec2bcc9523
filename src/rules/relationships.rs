//! A relationship's own dates: how long it lasts, whether its status agrees with them, and
//! how a dissolution is recorded.

use super::{Context, Pair, Rule};
use crate::dates::add_months;
use crate::diagnostics::Kind;
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
    let kind = if end.value < start {
        Kind::EndsBeforeStart {
            start,
            end: end.value,
            latest,
        }
    } else if end.value > latest {
        Kind::TooLong {
            start,
            end: end.value,
            months,
            latest,
        }
    } else {
        return;
    };
    cx.report(Rule::Duration, pair.place, end.at, pair.id, kind)
        .key = Some("end");
}

fn status(cx: &mut Context, pair: &Pair) {
    let rel = pair.record;
    let (start, end, as_of) = (pair.start(), rel.end.value, cx.as_of);
    let kind = match rel.status.value {
        Status::Active if as_of > end => Kind::ActiveAfterEnd { end, as_of },
        Status::Completed if end > as_of => Kind::CompletedBeforeEnd { end, as_of },
        Status::Completed | Status::Dissolved if start > as_of => Kind::ClosedBeforeStart {
            start,
            as_of,
            dissolved: rel.status.value == Status::Dissolved,
        },
        _ => return,
    };
    cx.report(Rule::Status, pair.place, rel.status.at, pair.id, kind)
        .key = Some("status");
}

fn dissolution(cx: &mut Context, pair: &Pair) {
    let rel = pair.record;
    let block = match (rel.status.value, &rel.dissolution) {
        (Status::Dissolved, None) => {
            let kind = Kind::DissolvedWithoutBlock;
            cx.report(Rule::Dissolution, pair.place, rel.status.at, pair.id, kind)
                .key = Some("status");
            return;
        }
        (Status::Dissolved, Some(block)) => &block.value,
        (_, Some(block)) => {
            let kind = Kind::BlockWithoutDissolved;
            cx.report(Rule::Dissolution, pair.place, block.at, pair.id, kind)
                .key = Some("dissolution");
            return;
        }
        (_, None) => return,
    };
    let (start, end, date) = (pair.start(), rel.end.value, block.date.value);
    if date < start || date > end {
        let kind = Kind::DissolvedOutside { date, start, end };
        cx.report(Rule::Dissolution, pair.place, block.date.at, pair.id, kind)
            .key = Some("dissolution.date");
    }
    let contacted = &block.committee_contacted;
    if contacted.value > date {
        let kind = Kind::CommitteeContactedLate {
            contacted: contacted.value,
            date,
        };
        cx.report(Rule::Dissolution, pair.place, contacted.at, pair.id, kind)
            .key = Some("dissolution.committee_contacted");
    }
}
