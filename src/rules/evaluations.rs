//! Quarterly evaluations by a PLCI representative: one for every quarter of a relationship,
//! dated in that quarter (or its grace period), by someone outside the pair, with the
//! mentor taking part.

use super::dates::{add_days, quarters_ending_within};
use super::{Context, Pair, Rule};
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
    let Some(close) = pair.close() else { return };
    let grace = cx.params.evaluation_grace_days;
    for quarter in quarters_ending_within(pair.start(), close) {
        let due = add_days(quarter.last_day(), grace);
        let present = pair.folder.evaluations.iter().any(|e| e.quarter == quarter);
        if due < cx.as_of && !present {
            cx.report_file(
                Rule::EvaluationMissing,
                pair.file,
                pair.id,
                format!("no evaluation for {quarter}: it was due by {due}"),
            )
            .help(format!(
                "add relationships/{}/evaluations/{quarter}.yaml",
                pair.id
            ));
        }
    }
}

fn quarter_open(cx: &mut Context, pair: &Pair, evaluation: &EvaluationFile) {
    let Some(close) = pair.close() else { return };
    let (quarter, last) = (evaluation.quarter, evaluation.quarter.last_day());
    if last < pair.start() || last > close {
        cx.report_file(
            Rule::EvaluationQuarter,
            &evaluation.loaded.file,
            pair.id,
            format!(
                "{quarter} ends on {last}, outside the relationship ({} to {close}): only quarters that end while it is open are evaluated",
                pair.start()
            ),
        )
        .help("check the quarter in the file name");
    }
}

fn contents(cx: &mut Context, pair: &Pair, evaluation: &EvaluationFile, record: &Evaluation) {
    let file = &evaluation.loaded.file;
    let quarter = evaluation.quarter;
    let (first, latest) = (
        quarter.first_day(),
        add_days(quarter.last_day(), cx.params.evaluation_grace_days),
    );
    let date = record.date.value;
    let message = if date < first {
        Some(format!(
            "the {quarter} evaluation is dated {date}, before the quarter starts on {first}"
        ))
    } else if date > latest {
        Some(format!(
            "the {quarter} evaluation is dated {date}, after it was due by {latest}"
        ))
    } else if date > cx.as_of {
        Some(format!(
            "the {quarter} evaluation is dated {date}, after {}",
            cx.as_of
        ))
    } else {
        None
    };
    if let Some(message) = message {
        cx.report(
            Rule::EvaluationQuarter,
            file,
            record.date.at,
            pair.id,
            message,
        )
        .help(format!(
            "an evaluation of {quarter} takes place between {first} and {latest}"
        ));
    }
    if !record.mentor_participated.value {
        let who = cx.who(&pair.record.mentor.value, "mentor", pair.id);
        cx.report(
            Rule::EvaluationCompliance,
            file,
            record.mentor_participated.at,
            pair.id,
            format!("{who} did not take part in the {quarter} evaluation"),
        )
        .help("mentors take part in every quarterly evaluation; contact the committee");
    }
    let rep = &record.representative;
    if rep.value == pair.record.mentor.value || rep.value == pair.record.mentee.value {
        cx.report(
            Rule::EvaluationRepresentative,
            file,
            rep.at,
            pair.id,
            format!("the {quarter} evaluation is by a party to {}: a representative outside the pair evaluates it", pair.id),
        )
        .help("name a PLCI representative who is neither the mentor nor the mentee");
    }
}

fn representative_exists(
    cx: &mut Context,
    id: &str,
    evaluation: &EvaluationFile,
    record: &Evaluation,
) {
    let rep = &record.representative;
    let file = &evaluation.loaded.file;
    if !cx.records.people.contains_key(&rep.value) {
        cx.report(
            Rule::Reference,
            file,
            rep.at,
            id,
            "`representative` names no person in people/".into(),
        )
        .help("use the id of a person file, people/<id>.yaml, with the representative role");
        return;
    }
    if let Some((_, person)) = cx.person(&rep.value)
        && !person.has_role(Role::Representative)
    {
        let who = cx.who(
            &rep.value,
            "representative",
            &format!("the {} evaluation", evaluation.quarter),
        );
        cx.report(
            Rule::Role,
            file,
            rep.at,
            id,
            format!("{who} does not have the `representative` role"),
        )
        .help("name a PLCI representative, or add `representative` to their `roles`");
    }
}
