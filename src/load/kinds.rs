//! Each record kind read from its YAML tree, field by field, as records.md describes it.
//! A function returns `None` when the file has any `schema` problem: a broken record feeds
//! no rule (rules.md, "Precise readings").

use super::fields::{
    Keys, Problems, amount, boolean, choice, date, text, text_or_number, whole_number,
};
use super::yaml::Node;
use crate::model::keys::*;
use crate::model::*;

/// Keeps the record only when its file had no problem.
fn clean<T>(p: &Problems, record: Option<T>) -> Option<T> {
    record.filter(|_| p.is_clean())
}

fn confidential(value: Option<Located<String>>) -> Option<Confidential<String>> {
    value.map(|v| Confidential::new(v.value))
}

pub fn person(node: &Node, p: &mut Problems) -> Option<Person> {
    let keys = Keys::record(node, "a person", PERSON_KEYS, p)?;
    let name = keys.required(p, "name", text);
    let roles = keys.list(p, "roles", true, choice::<Role>);
    let is = |role| {
        roles
            .iter()
            .flatten()
            .any(|r: &Located<Role>| r.value == role)
    };
    for need in ROLE_REQUIRED {
        let needed = need.roles.iter().any(|&role| is(role));
        if needed && keys.get(need.key).is_none() {
            keys.missing(p, need.key, Some(need.why));
        }
    }
    let membership = keys
        .block(p, "membership", MEMBERSHIP_KEYS)
        .and_then(|(at, block)| {
            let number = block.required(p, "number", text_or_number);
            let expires = block.required(p, "expires", date);
            block.finish(p);
            Some(Located::new(
                Membership {
                    number: Confidential::new(number?.value),
                    expires: Consented::new(expires?),
                },
                at,
            ))
        });
    let library = keys.optional(p, "library", text);
    let position = keys.optional(p, "position", text);
    let public_library = keys.optional(p, "public_library", choice::<PublicLibrary>);
    let library_since = keys.optional(p, "library_since", date);
    let field = keys.optional(p, "field", text);
    let field_since = keys.optional(p, "field_since", date);
    let email = confidential(keys.optional(p, "email", text));
    let phone = confidential(keys.optional(p, "phone", text_or_number));
    let interests = keys.list(p, "interests", false, text);
    let publish = keys
        .optional(p, "publish", boolean)
        .is_some_and(|b| b.value);
    keys.finish(p);
    let consented = |value: Option<Located<_>>| value.map(Consented::new);
    let record = Person {
        name: Consented::new(name?),
        roles: roles?,
        library: consented(library),
        position: consented(position),
        public_library,
        membership,
        library_since: library_since.map(Consented::new),
        field: consented(field),
        field_since: field_since.map(Consented::new),
        email,
        phone,
        interests: interests
            .unwrap_or_default()
            .into_iter()
            .map(|i| Consented::new(i.value))
            .collect(),
        publish,
    };
    clean(p, Some(record))
}

pub fn relationship(node: &Node, p: &mut Problems) -> Option<Relationship> {
    let keys = Keys::record(node, "a relationship", RELATIONSHIP_KEYS, p)?;
    let mentor = keys.required(p, "mentor", text);
    let mentee = keys.required(p, "mentee", text);
    let start = keys.required(p, "start", date);
    let end = keys.required(p, "end", date);
    let status = keys.required(p, "status", choice::<Status>);
    let goals = keys.list(p, "goals", false, text);
    let dissolution = keys
        .block(p, "dissolution", DISSOLUTION_KEYS)
        .and_then(|(at, block)| {
            let date = block.required(p, "date", date);
            let by = block.required(p, "by", choice::<Party>);
            let contacted = block.required(p, "committee_contacted", self::date);
            let reason = confidential(block.optional(p, "reason", text));
            block.finish(p);
            Some(Located::new(
                Dissolution {
                    date: date?,
                    by: by?,
                    committee_contacted: contacted?,
                    reason,
                },
                at,
            ))
        });
    keys.finish(p);
    let record = Relationship {
        mentor: mentor?,
        mentee: mentee?,
        start: start?,
        end: end?,
        status: status?,
        goals: goals
            .unwrap_or_default()
            .into_iter()
            .map(|g| Confidential::new(g.value))
            .collect(),
        dissolution,
    };
    clean(p, Some(record))
}

pub fn agreement(node: &Node, p: &mut Problems) -> Option<Agreement> {
    let keys = Keys::record(node, "an agreement", AGREEMENT_KEYS, p)?;
    let signed = match keys.block(p, "signed", SIGNED_KEYS) {
        Some((_, block)) => {
            let mentor = block.required(p, "mentor", date);
            let mentee = block.required(p, "mentee", date);
            block.finish(p);
            mentor.zip(mentee)
        }
        None => {
            if keys.get("signed").is_none() {
                keys.missing(p, "signed", None);
            }
            None
        }
    };
    let frequency = keys.required(p, "meeting_frequency", choice::<Frequency>);
    let modes = keys.list(p, "meeting_modes", true, text);
    let confidentiality = keys.required(p, "confidentiality", boolean);
    let voluntary = keys.required(p, "voluntary", boolean);
    let expenses = keys.required(p, "expenses", choice::<ExpenseBearer>);
    keys.finish(p);
    let (signed_mentor, signed_mentee) = signed?;
    let record = Agreement {
        signed_mentor,
        signed_mentee,
        meeting_frequency: frequency?,
        meeting_modes: modes?,
        confidentiality: confidentiality?,
        voluntary: voluntary?,
        expenses: expenses?,
        terms: Confidential::new(String::new()),
    };
    clean(p, Some(record))
}

pub fn meeting(node: &Node, p: &mut Problems) -> Option<Meeting> {
    let keys = Keys::record(node, "a meeting", MEETING_KEYS, p)?;
    let mode = keys.required(p, "mode", text);
    let minutes = keys.optional(p, "minutes", whole_number);
    let working_hours = keys.optional(p, "working_hours", boolean);
    let manager_approval =
        keys.block(p, "manager_approval", APPROVAL_KEYS)
            .and_then(|(at, block)| {
                let by = block.required(p, "by", text);
                let date = block.required(p, "date", date);
                block.finish(p);
                Some(Located::new(
                    ManagerApproval {
                        by: Confidential::new(by?.value),
                        date: date?,
                    },
                    at,
                ))
            });
    let topics = keys.list(p, "topics", false, text);
    let expenses = keys.blocks(p, "expenses", EXPENSE_KEYS, |p, block| {
        let amount = block.required(p, "amount", amount);
        let paid_by = block.required(p, "paid_by", text);
        let what = confidential(block.optional(p, "what", text));
        block.finish(p);
        Some(Expense {
            amount: Confidential::new(amount?.value),
            paid_by: paid_by?,
            what,
        })
    });
    keys.finish(p);
    let record = Meeting {
        mode: mode?,
        minutes,
        working_hours,
        manager_approval,
        topics: topics
            .unwrap_or_default()
            .into_iter()
            .map(|t| Confidential::new(t.value))
            .collect(),
        expenses: expenses.unwrap_or_default(),
        notes: Confidential::new(String::new()),
    };
    clean(p, Some(record))
}

pub fn evaluation(node: &Node, p: &mut Problems) -> Option<Evaluation> {
    let keys = Keys::record(node, "an evaluation", EVALUATION_KEYS, p)?;
    let representative = keys.required(p, "representative", text);
    let date = keys.required(p, "date", date);
    let mentor_participated = keys.required(p, "mentor_participated", boolean);
    let mentee_participated = keys.required(p, "mentee_participated", boolean);
    let rating = keys.required(p, "rating", choice::<Rating>);
    let comments = confidential(keys.optional(p, "comments", text));
    keys.finish(p);
    let record = Evaluation {
        representative: representative?,
        date: date?,
        mentor_participated: mentor_participated?,
        mentee_participated: mentee_participated?,
        rating: rating?,
        comments,
    };
    clean(p, Some(record))
}
