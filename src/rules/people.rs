//! Who may take part: references, roles, membership, a public-library connection, the
//! mentor's experience and capacity, and relationship ids that reveal nobody.

use super::dates::add_years;
use super::{Context, Pair, Rule};
use crate::model::{Located, Person, PublicLibrary, Role, Status};
use std::collections::BTreeMap;

pub fn check(cx: &mut Context) {
    for pair in cx.pairs().collect::<Vec<_>>() {
        let rel = pair.record;
        for (part, id, role) in [
            ("mentor", &rel.mentor, Role::Mentor),
            ("mentee", &rel.mentee, Role::Mentee),
        ] {
            reference_and_role(cx, &pair, part, id, role);
        }
        if rel.mentor.value == rel.mentee.value {
            cx.report(
                Rule::SelfMentoring,
                pair.file,
                rel.mentee.at,
                pair.id,
                "the mentor and the mentee are the same person".into(),
            )
            .help("name a different mentee, or a different mentor");
        }
        for (part, id) in [("mentor", &rel.mentor.value), ("mentee", &rel.mentee.value)] {
            if let Some((file, person)) = cx.person(id) {
                membership(cx, &pair, part, id, file, person);
                public_library(cx, &pair, part, id, file, person);
            }
        }
        experience(cx, &pair);
        seniority(cx, &pair);
        private_id(cx, &pair);
    }
    capacity(cx);
}

fn reference_and_role(cx: &mut Context, pair: &Pair, part: &str, id: &Located<String>, role: Role) {
    if !cx.records.people.contains_key(&id.value) {
        cx.report(
            Rule::Reference,
            pair.file,
            id.at,
            pair.id,
            format!("`{part}` names no person in people/"),
        )
        .help(format!(
            "use the id of a person file, people/<id>.yaml, for the {part}"
        ));
        return;
    }
    if let Some((_, person)) = cx.person(&id.value)
        && !person.has_role(role)
    {
        let who = cx.who(&id.value, part, pair.id);
        cx.report(
            Rule::Role,
            pair.file,
            id.at,
            pair.id,
            format!("{who} is named as {part} but does not have the `{part}` role"),
        )
        .help(format!(
            "add `{part}` to their `roles`, or name someone who has it"
        ));
    }
}

fn membership(cx: &mut Context, pair: &Pair, part: &str, id: &str, file: &str, person: &Person) {
    let who = cx.who(id, part, pair.id);
    let Some(membership) = &person.membership else {
        cx.report_file(
            Rule::Membership,
            file,
            pair.id,
            format!(
                "{who} has no association membership, needed to take part in {}",
                pair.id
            ),
        )
        .help("add `membership:` with `number` and `expires`");
        return;
    };
    let expires = &membership.value.expires;
    let start = pair.start();
    let message = if expires.value < start {
        format!(
            "the membership of {who} expires on {}, before {} starts on {start}",
            expires.value, pair.id
        )
    } else if pair.record.status.value == Status::Active && expires.value < cx.as_of {
        format!(
            "the membership of {who} expired on {}, but {} is still active on {}",
            expires.value, pair.id, cx.as_of
        )
    } else {
        return;
    };
    cx.report(Rule::Membership, file, expires.at, pair.id, message)
        .help("renew the membership and update `membership.expires`");
}

fn public_library(
    cx: &mut Context,
    pair: &Pair,
    part: &str,
    id: &str,
    file: &str,
    person: &Person,
) {
    if let Some(connection) = &person.public_library
        && connection.value == PublicLibrary::None
    {
        let who = cx.who(id, part, pair.id);
        cx.report(
            Rule::PublicLibrary,
            file,
            connection.at,
            pair.id,
            format!("{who} has no connection to a public library (`public_library: none`), needed to take part in {}", pair.id),
        )
        .help("participants work in, have worked in, or plan to work in a public library: current, former or planned");
    }
}

/// `mentor-library-years` and `mentor-field-years`.
fn experience(cx: &mut Context, pair: &Pair) {
    let id = &pair.record.mentor.value;
    let Some((file, mentor)) = cx.person(id) else {
        return;
    };
    let who = cx.who(id, "mentor", pair.id);
    let start = pair.start();
    let checks = [
        (
            Rule::MentorLibraryYears,
            &mentor.library_since,
            cx.params.mentor_min_library_years,
            "in libraries",
            "library_since",
        ),
        (
            Rule::MentorFieldYears,
            &mentor.field_since,
            cx.params.mentor_min_field_years,
            "in their current field",
            "field_since",
        ),
    ];
    for (rule, since, years, place, key) in checks {
        let Some(since) = since else { continue };
        let reached = add_years(since.value, years);
        if reached > start {
            cx.report(
                rule,
                file,
                since.at,
                pair.id,
                format!(
                    "{who} has worked {place} since {}: {years} years are reached on {reached}, after {} starts on {start}",
                    since.value, pair.id
                ),
            )
            .help(format!("a mentor needs {years} years {place} when the relationship starts; check `{key}` or the start date"));
        }
    }
}

fn seniority(cx: &mut Context, pair: &Pair) {
    let rel = pair.record;
    let since = |id: &str| {
        cx.person(id)
            .and_then(|(_, p)| p.library_since.as_ref())
            .map(|d| d.value)
    };
    if let (Some(mentor), Some(mentee)) = (since(&rel.mentor.value), since(&rel.mentee.value))
        && mentee < mentor
    {
        let mentee_who = cx.who(&rel.mentee.value, "mentee", pair.id);
        let mentor_who = cx.who(&rel.mentor.value, "mentor", pair.id);
        cx.report(
            Rule::MentorSeniority,
            pair.file,
            rel.mentor.at,
            pair.id,
            format!("{mentee_who} has worked in libraries since {mentee}, longer than {mentor_who} (since {mentor})"),
        )
        .help("mentors are usually the more experienced; check the pairing or the `library_since` dates");
    }
}

/// Active relationships open on as-of, per mentor; the later ones in id order are extra.
fn capacity(cx: &mut Context) {
    let limit = cx.params.max_active_mentees_per_mentor as usize;
    if limit == 0 {
        return;
    }
    let as_of = cx.as_of;
    let mut per_mentor: BTreeMap<&str, Vec<Pair>> = BTreeMap::new();
    for pair in cx.pairs() {
        let open = pair.start() <= as_of && pair.close().is_some_and(|close| as_of <= close);
        if pair.record.status.value == Status::Active && open {
            per_mentor
                .entry(&pair.record.mentor.value)
                .or_default()
                .push(pair);
        }
    }
    for (mentor, pairs) in per_mentor {
        for pair in pairs.iter().skip(limit) {
            let who = cx.who(mentor, "mentor", pair.id);
            cx.report(
                Rule::MentorCapacity,
                pair.file,
                pair.record.mentor.at,
                pair.id,
                format!("{who} has {} active relationships on {as_of}, more than the program's limit of {limit}", pairs.len()),
            )
            .help("pair this mentee with another mentor, or raise max_active_mentees_per_mentor");
        }
    }
}

fn private_id(cx: &mut Context, pair: &Pair) {
    let reveals = |person_id: &str| {
        cx.person(person_id)
            .is_some_and(|(_, p)| id_reveals(pair.id, person_id, p))
    };
    if reveals(&pair.record.mentor.value) || reveals(&pair.record.mentee.value) {
        cx.report_file(
            Rule::PrivateId,
            pair.file,
            pair.id,
            format!("the relationship id {} contains the id or part of the name of a participant who has not consented to publication, and ids are published", pair.id),
        )
        .help("rename the folder to a neutral id such as r-2026-014");
    }
}

/// Whether relationship id `id` reveals `person` (id `person_id`), who has not consented to
/// publication (rules.md, "Precise readings"): it contains their id, or a word of their name
/// folded the way an ASCII id spells it — a word of three or more letters anywhere, a shorter
/// one ("Al Wu") only as a whole `-`-separated segment, since `al` or `wu` occur inside many
/// neutral ids.
pub fn id_reveals(id: &str, person_id: &str, person: &Person) -> bool {
    let id = crate::fold::fold(id);
    let segments: Vec<&str> = id.split('-').collect();
    !person.publish
        && (id.contains(&crate::fold::fold(person_id))
            || crate::fold::name_words(&person.name.value)
                .iter()
                .any(|word| match word.chars().count() {
                    3.. => id.contains(word.as_str()),
                    _ => segments.contains(&word.as_str()),
                }))
}
