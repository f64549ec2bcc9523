//! The signed mentoring agreement: present once a relationship starts, signed by both parties
//! before they meet, and keeping the program's terms.

use super::{Context, Pair, Rule};
use crate::diagnostics::{Flag, Kind};
use crate::model::{Agreement, ExpenseBearer, Frequency, Role};
use crate::place::Place;

pub fn check(cx: &mut Context) {
    for pair in cx.pairs().collect::<Vec<_>>() {
        match &pair.folder.agreement {
            None if pair.start() <= cx.as_of => {
                let kind = Kind::NoAgreement {
                    relationship: pair.id.to_owned(),
                    start: pair.start(),
                };
                cx.report_file(Rule::AgreementMissing, pair.place, pair.id, kind);
            }
            Some(file) => {
                if let Some(agreement) = &file.record {
                    signatures(cx, &pair, &file.place, agreement);
                    terms(cx, &pair, &file.place, agreement);
                }
            }
            None => {}
        }
    }
}

fn signatures(cx: &mut Context, pair: &Pair, place: &Place, agreement: &Agreement) {
    let first_meeting = pair.folder.meetings.first().map(|m| m.date);
    for (party, signed, key) in [
        (Role::Mentor, &agreement.signed_mentor, "signed.mentor"),
        (Role::Mentee, &agreement.signed_mentee, "signed.mentee"),
    ] {
        let date = signed.value;
        let kind = match first_meeting {
            Some(first) if date > first => Kind::SignedAfterFirstMeeting {
                party,
                signed: date,
                first,
            },
            _ if date > cx.as_of => Kind::SignedAfterAsOf {
                party,
                signed: date,
                as_of: cx.as_of,
            },
            _ => continue,
        };
        cx.report(Rule::AgreementUnsigned, place, signed.at, pair.id, kind)
            .key = Some(key);
    }
}

fn terms(cx: &mut Context, pair: &Pair, place: &Place, agreement: &Agreement) {
    for (value, flag, key) in [
        (
            &agreement.confidentiality,
            Flag::Confidentiality,
            "confidentiality",
        ),
        (&agreement.voluntary, Flag::Voluntary, "voluntary"),
    ] {
        if !value.value {
            let kind = Kind::TermNotTrue { flag };
            cx.report(Rule::AgreementTerms, place, value.at, pair.id, kind)
                .key = Some(key);
        }
    }
    if agreement.expenses.value != ExpenseBearer::Participants {
        let kind = Kind::ExpensesNotParticipants;
        cx.report(
            Rule::AgreementTerms,
            place,
            agreement.expenses.at,
            pair.id,
            kind,
        )
        .key = Some("expenses");
    }
    if agreement.meeting_frequency.value == Frequency::Quarterly {
        let at = agreement.meeting_frequency.at;
        cx.report(
            Rule::AgreementTerms,
            place,
            at,
            pair.id,
            Kind::QuarterlyFrequency,
        )
        .key = Some("meeting_frequency");
    }
    let allowed = &cx.params.meeting_modes;
    for mode in &agreement.meeting_modes {
        if !allowed.contains(&mode.value) {
            let kind = Kind::ModeNotAllowed {
                in_agreement: true,
                typed: mode.value.clone(),
                allowed: allowed.clone(),
            };
            cx.report(Rule::AgreementTerms, place, mode.at, pair.id, kind)
                .key = Some("meeting_modes");
        }
    }
}
