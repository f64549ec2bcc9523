//! Quarterly evaluations by a PLCI representative: one for every quarter of a relationship
//! (`crate::facts::quarters_due`), dated in that quarter (or its grace period), by someone
//! outside the pair, with the mentor taking part.

use super::{Context, Pair, Rule};
use crate::dates::add_days;
use crate::diagnostics::{Kind, Of};
use crate::facts;
use crate::model::{Evaluation, EvaluationFile, Role};

pub fn check(cx: &mut Context) {
    for pair in cx.pairs().collect::<Vec<_>>() {
        missing(cx, &pair);
        for evaluation in &pair.folder.evaluations {
            quarter_open(cx, &pair, evaluation);
            if let Some(record) = &evaluation.loaded.record {
                contents(cx, &pair, evaluation, record);
            }
        }
    }
    // References and roles need no relationship: check every loaded evaluation.
    let folders = &cx.records.relationships;
    for (id, folder) in folders {
        for evaluation in &folder.evaluations {
            if let Some(record) = &evaluation.loaded.record {
                representative_exists(cx, id, evaluation, record);
            }
        }
    }
}

fn missing(cx: &mut Context, pair: &Pair) {
    let grace = cx.params.evaluation_grace_days;
    for due in facts::quarters_due(pair.record, pair.folder, grace) {
        if due.due < cx.as_of && !due.evaluated {
            let kind = Kind::NoEvaluation {
                quarter: due.quarter,
                due: due.due,
                relationship: pair.id.to_owned(),
            };
            cx.report_file(Rule::EvaluationMissing, pair.place, pair.id, kind);
        }
    }
}

fn quarter_open(cx: &mut Context, pair: &Pair, evaluation: &EvaluationFile) {
    let Some(close) = pair.close() else { return };
    let (quarter, last) = (evaluation.quarter, evaluation.quarter.last_day());
    if last < pair.start() || last > close {
        let kind = Kind::QuarterOutside {
            quarter,
            last,
            start: pair.start(),
            close,
        };
        cx.report_file(
            Rule::EvaluationQuarter,
            &evaluation.loaded.place,
            pair.id,
            kind,
        );
    }
}

fn contents(cx: &mut Context, pair: &Pair, evaluation: &EvaluationFile, record: &Evaluation) {
    let place = &evaluation.loaded.place;
    let quarter = evaluation.quarter;
    let (first, latest) = (
        quarter.first_day(),
        add_days(quarter.last_day(), cx.params.evaluation_grace_days),
    );
    let date = record.date.value;
    let kind = if date < first {
        Some(Kind::EvaluatedBefore {
            quarter,
            date,
            first,
            latest,
        })
    } else if date > latest {
        Some(Kind::EvaluatedLate {
            quarter,
            date,
            first,
            latest,
        })
    } else if date > cx.as_of {
        Some(Kind::EvaluatedAfterAsOf {
            quarter,
            date,
            as_of: cx.as_of,
            first,
            latest,
        })
    } else {
        None
    };
    if let Some(kind) = kind {
        cx.report(
            Rule::EvaluationQuarter,
            place,
            record.date.at,
            pair.id,
            kind,
        )
        .key = Some("date");
    }
    if !record.mentor_participated.value {
        let kind = Kind::MentorAbsent {
            mentor: cx.party(&pair.record.mentor.value, Role::Mentor, pair.id),
            quarter,
        };
        let at = record.mentor_participated.at;
        cx.report(Rule::EvaluationCompliance, place, at, pair.id, kind)
            .key = Some("mentor_participated");
    }
    let rep = &record.representative;
    if rep.value == pair.record.mentor.value || rep.value == pair.record.mentee.value {
        let kind = Kind::RepresentativeIsParty {
            quarter,
            relationship: pair.id.to_owned(),
        };
        cx.report(Rule::EvaluationRepresentative, place, rep.at, pair.id, kind)
            .key = Some("representative");
    }
}

fn representative_exists(
    cx: &mut Context,
    id: &str,
    evaluation: &EvaluationFile,
    record: &Evaluation,
) {
    let rep = &record.representative;
    let place = &evaluation.loaded.place;
    if !cx.records.people.contains_key(&rep.value) {
        let kind = Kind::NoPerson {
            key: Role::Representative,
        };
        cx.report(Rule::Reference, place, rep.at, id, kind).key = Some("representative");
        return;
    }
    if let Some((_, person)) = cx.person(&rep.value)
        && !person.has_role(Role::Representative)
    {
        let person = cx.subject(
            &rep.value,
            Role::Representative,
            Of::Evaluation(evaluation.quarter),
        );
        cx.report(
            Rule::Role,
            place,
            rep.at,
            id,
            Kind::NotRepresentative { person },
        )
        .key = Some("representative");
    }
}
