//! The signed mentoring agreement: present once a relationship starts, signed by both parties
//! before they meet, and keeping the program's terms.

use super::{Context, Pair, Rule};
use crate::model::{Agreement, ExpenseBearer, Frequency};

pub fn check(cx: &mut Context) {
    for pair in cx.pairs().collect::<Vec<_>>() {
        match &pair.folder.agreement {
            None if pair.start() <= cx.as_of => {
                cx.report_file(
                    Rule::AgreementMissing,
                    pair.file,
                    pair.id,
                    format!(
                        "{} started on {} but has no signed agreement",
                        pair.id,
                        pair.start()
                    ),
                )
                .help(format!(
                    "add relationships/{}/agreement.md, signed by both parties",
                    pair.id
                ));
            }
            Some(file) => {
                if let Some(agreement) = &file.record {
                    signatures(cx, &pair, &file.file, agreement);
                    terms(cx, &pair, &file.file, agreement);
                }
            }
            None => {}
        }
    }
}

fn signatures(cx: &mut Context, pair: &Pair, file: &str, agreement: &Agreement) {
    let first_meeting = pair.folder.meetings.first().map(|m| m.date);
    for (part, signed) in [
        ("mentor", &agreement.signed_mentor),
        ("mentee", &agreement.signed_mentee),
    ] {
        let date = signed.value;
        let message = match first_meeting {
            Some(first) if date > first => {
                format!("the {part} signed on {date}, after the first meeting on {first}")
            }
            _ if date > cx.as_of => {
                format!("the {part}'s signature is dated {date}, after {}", cx.as_of)
            }
            _ => continue,
        };
        cx.report(Rule::AgreementUnsigned, file, signed.at, pair.id, message)
            .help("both parties sign the agreement before they first meet");
    }
}

fn terms(cx: &mut Context, pair: &Pair, file: &str, agreement: &Agreement) {
    for (flag, key) in [
        (&agreement.confidentiality, "confidentiality"),
        (&agreement.voluntary, "voluntary"),
    ] {
        if !flag.value {
            cx.report(
                Rule::AgreementTerms,
                file,
                flag.at,
                pair.id,
                format!("`{key}` must be true: the program's agreement requires it"),
            )
            .help(format!("set `{key}: true` once both parties agree"));
        }
    }
    if agreement.expenses.value != ExpenseBearer::Participants {
        cx.report(
            Rule::AgreementTerms,
            file,
            agreement.expenses.at,
            pair.id,
            "`expenses` must be `participants`: the program does not pay participants' expenses"
                .into(),
        )
        .help("set `expenses: participants`");
    }
    if agreement.meeting_frequency.value == Frequency::Quarterly {
        cx.report(
            Rule::AgreementTerms,
            file,
            agreement.meeting_frequency.at,
            pair.id,
            "`meeting_frequency` is quarterly, less often than the program's monthly minimum"
                .into(),
        )
        .help("agree to meet weekly, fortnightly or monthly");
    }
    let allowed = &cx.params.meeting_modes;
    for mode in &agreement.meeting_modes {
        if !allowed.contains(&mode.value) {
            cx.report(
                Rule::AgreementTerms,
                file,
                mode.at,
                pair.id,
                format!(
                    "`{}` is not one of the program's meeting modes ({})",
                    mode.value,
                    allowed.join(", ")
                ),
            )
            .help("list only modes the program allows");
        }
    }
}
